// Argument checks and the call wrapper shared by the API modules.

import { fromCore } from "./errors.js";
import { assertInitialized } from "./state.js";

export const utf8 = new TextEncoder();

/** Runs `f`, rethrowing core errors as the exported classes. */
export function core(f) {
  assertInitialized();
  try {
    return f();
  } catch (e) {
    throw fromCore(e);
  }
}

export function describe(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? `an object (${Object.prototype.toString.call(value)})` : typeof value;
}

export function expectString(value, what) {
  if (typeof value !== "string") throw new TypeError(`${what} must be a string, got ${describe(value)}`);
}

export function expectBytes(value, what) {
  if (!(value instanceof Uint8Array)) throw new TypeError(`${what} must be a Uint8Array, got ${describe(value)}`);
}

export function optional(value, type, what) {
  if (value !== undefined && typeof value !== type) throw new TypeError(`${what} must be a ${type}, got ${describe(value)}`);
}

export function optionalAlg(alg) {
  if (alg !== undefined && alg !== null) expectString(alg, "alg");
  return alg ?? undefined;
}

/** An object that is not an array, a byte array or an instance of a class. */
export function isPlainObject(value) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
}

export function optionsObject(options, what) {
  if (options === undefined || options === null) return {};
  if (!isPlainObject(options)) throw new TypeError(`${what} must be an object, got ${describe(options)}`);
  return options;
}
