// The algorithm table: built-ins (in wasm) and algorithms registered from JS.

import { rawAlgorithmName, rawSign, rawVerify } from "../dist/jwt_wasm.js";
import { InvalidAlgorithmError } from "./errors.js";
import { withKey } from "./keys.js";
import { assertInitialized } from "./state.js";
import { core, expectBytes, expectString } from "./util.js";

export const custom = new Map();
export const disabled = new Set();
// Marks the objects getAlgorithmByName returns for built-ins, so that
// registering one under its own name restores the built-in.
const BUILTIN = Symbol("jwt-wasm built-in algorithm");

export function canonical(name) {
  try {
    return rawAlgorithmName(name);
  } catch {
    return name;
  }
}

export function notSupported() {
  return new InvalidAlgorithmError("Algorithm not supported");
}

/** The signature primitive of an algorithm (built-in or registered). */
export function getAlgorithmByName(name) {
  expectString(name, "name");
  const registered = custom.get(name);
  if (registered) return Object.freeze({ name, sign: registered.sign, verify: registered.verify });
  const alg = core(() => rawAlgorithmName(name));
  if (disabled.has(alg)) throw notSupported();
  return Object.freeze({
    name: alg,
    [BUILTIN]: alg,
    sign(msg, key) {
      expectBytes(msg, "msg");
      return withKey(alg, key, (raw) => rawSign(alg, msg, raw));
    },
    verify(msg, key, sig) {
      expectBytes(msg, "msg");
      expectBytes(sig, "sig");
      return withKey(alg, key, (raw) => rawVerify(alg, msg, raw, sig));
    },
  });
}

/** Adds a JS algorithm usable by `encode` and `decode`. */
export function registerAlgorithm(name, impl) {
  expectString(name, "name");
  if (impl === null || typeof impl !== "object" || typeof impl.sign !== "function" || typeof impl.verify !== "function") {
    throw new TypeError("impl must be an object with sign(msg, key) and verify(msg, key, sig) functions");
  }
  assertInitialized();
  if (impl[BUILTIN] === name && disabled.has(name) && !custom.has(name)) {
    disabled.delete(name);
    return;
  }
  if (custom.has(name) || (isBuiltin(name) && !disabled.has(canonical(name)))) {
    throw new Error("Algorithm already has a handler.");
  }
  custom.set(name, { sign: impl.sign.bind(impl), verify: impl.verify.bind(impl) });
}

function isBuiltin(name) {
  try {
    rawAlgorithmName(name);
    return true;
  } catch {
    return false;
  }
}

/** Removes an algorithm, registered or built-in. */
export function unregisterAlgorithm(name) {
  expectString(name, "name");
  assertInitialized();
  if (custom.delete(name)) return;
  if (isBuiltin(name) && !disabled.has(canonical(name))) {
    disabled.add(canonical(name));
    return;
  }
  throw new Error("The specified algorithm could not be removed because it is not registered.");
}

/** Whether encode/decode must go through the JS algorithm table. */
export function customized() {
  return custom.size > 0 || disabled.size > 0;
}
