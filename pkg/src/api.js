// The public JS API: a thin mapping over the Rust core compiled to wasm.
// All JWT rules live in Rust. This file converts arguments (camelCase options,
// strings/bytes/JWK objects as keys, Dates as NumericDate seconds), rejects
// arguments of the wrong JS type with a TypeError, and turns core errors into
// the exported error classes.

import { RawKey, rawAlgorithmName, rawSign, rawVerify } from "../dist/jwt_wasm.js";
import { fromCore } from "./errors.js";
import { assertInitialized } from "./state.js";

export * from "./errors.js";

const INTERNAL = Symbol("jwt-wasm internal");
const utf8 = new TextEncoder();

/** Runs `f`, rethrowing core errors as the exported classes. */
function core(f) {
  assertInitialized();
  try {
    return f();
  } catch (e) {
    throw fromCore(e);
  }
}

function expectString(value, what) {
  if (typeof value !== "string") throw new TypeError(`${what} must be a string, got ${describe(value)}`);
}

function expectBytes(value, what) {
  if (!(value instanceof Uint8Array)) throw new TypeError(`${what} must be a Uint8Array, got ${describe(value)}`);
}

function describe(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? `an object (${Object.prototype.toString.call(value)})` : typeof value;
}

let rawOf;

/**
 * A key of one family (HMAC, RSA, EC, OKP), optionally bound to an algorithm
 * and carrying a `kid`. Its wasm memory is released when it is garbage
 * collected; `free()` releases it at once.
 */
export class Key {
  #raw;

  /** @internal Use the static constructors. */
  constructor(raw, token) {
    if (token !== INTERNAL) throw new TypeError("use Key.fromSecret, Key.fromPem, Key.fromJwk or Key.generate");
    this.#raw = raw;
  }

  static {
    rawOf = (key) => key.#raw;
  }

  /** An HMAC key from a secret (a string is taken as UTF-8). */
  static fromSecret(secret) {
    const bytes = typeof secret === "string" ? utf8.encode(secret) : secret;
    expectBytes(bytes, "secret");
    return new Key(core(() => RawKey.fromSecret(bytes)), INTERNAL);
  }

  /** Releases the key's wasm memory now; the key is unusable afterwards. */
  free() {
    this.#raw.free();
  }
}

/**
 * Turns a KeyLike into a RawKey for the algorithm `alg` (a canonical name).
 * Returns [raw, temporary]: temporary keys are freed by the caller.
 */
function rawKeyFor(alg, key) {
  if (key instanceof Key) return [rawOf(key), false];
  if (typeof key === "string") return [core(() => RawKey.fromTextFor(alg, key)), true];
  if (key instanceof Uint8Array) return [core(() => RawKey.fromBytesFor(alg, key)), true];
  throw new TypeError(`key must be a string, Uint8Array, JWK object or Key, got ${describe(key)}`);
}

function withKey(alg, key, f) {
  const [raw, temporary] = rawKeyFor(alg, key);
  try {
    return core(() => f(raw));
  } finally {
    if (temporary) raw.free();
  }
}

/**
 * The signature primitive of a built-in algorithm.
 * @param {string} name e.g. "HS256"
 */
export function getAlgorithmByName(name) {
  expectString(name, "name");
  const canonical = core(() => rawAlgorithmName(name));
  return Object.freeze({
    name: canonical,
    sign(msg, key) {
      expectBytes(msg, "msg");
      return withKey(canonical, key, (raw) => rawSign(canonical, msg, raw));
    },
    verify(msg, key, sig) {
      expectBytes(msg, "msg");
      expectBytes(sig, "sig");
      return withKey(canonical, key, (raw) => rawVerify(canonical, msg, raw, sig));
    },
  });
}
