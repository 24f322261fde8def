// Key and JwkSet: JS handles on keys held in wasm memory (released by
// wasm-bindgen's FinalizationRegistry, or at once by free()).

import { RawJwkSet, RawKey } from "../dist/jwt_wasm.js";
import { core, describe, expectBytes, expectString, isPlainObject, optionalAlg, utf8 } from "./util.js";

const INTERNAL = Symbol("jwt-wasm internal");

let rawOfKey;

export function wrapKey(raw) {
  return new Key(raw, INTERNAL);
}

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
    rawOfKey = (key) => key.#live();
  }

  static fromSecret(secret, alg) {
    const bytes = typeof secret === "string" ? utf8.encode(secret) : secret;
    expectBytes(bytes, "secret");
    const a = optionalAlg(alg);
    return wrapKey(core(() => RawKey.fromSecret(bytes, a)));
  }

  static fromPem(pem, alg) {
    expectString(pem, "pem");
    const a = optionalAlg(alg);
    return wrapKey(core(() => RawKey.fromPem(pem, a)));
  }

  static fromDer(der, alg) {
    expectBytes(der, "der");
    const a = optionalAlg(alg);
    return wrapKey(core(() => RawKey.fromDer(der, a)));
  }

  static fromJwk(jwk, alg) {
    const text = typeof jwk === "string" ? jwk : isPlainObject(jwk) ? JSON.stringify(jwk) : undefined;
    if (text === undefined) throw new TypeError(`jwk must be an object or a JSON string, got ${describe(jwk)}`);
    const a = optionalAlg(alg);
    return wrapKey(core(() => RawKey.fromJwk(text, a)));
  }

  static generate(alg) {
    expectString(alg, "alg");
    const raw = core(() => RawKey.generate(alg));
    if (raw.isSecret) return wrapKey(raw);
    return { privateKey: wrapKey(raw), publicKey: wrapKey(core(() => raw.publicKey())) };
  }

  get alg() {
    return this.#live().alg;
  }

  get kid() {
    return this.#live().kid;
  }

  get isPrivate() {
    return this.#live().isPrivate;
  }

  publicKey() {
    return wrapKey(core(() => this.#live().publicKey()));
  }

  withKid(kid) {
    expectString(kid, "kid");
    return wrapKey(core(() => this.#live().withKid(kid)));
  }

  toJwk() {
    return JSON.parse(core(() => this.#live().toJwkJson()));
  }

  toPem() {
    return core(() => this.#live().toPem());
  }

  thumbprint() {
    return core(() => this.#live().thumbprint());
  }

  free() {
    this.#raw?.free();
    this.#raw = null;
  }

  #live() {
    if (this.#raw === null) throw new TypeError("this Key was freed");
    return this.#raw;
  }
}

let rawOfSet;

/** A JWK Set; `decode` picks its key by the token's `kid` and `alg`. */
export class JwkSet {
  #raw;

  constructor(jwks) {
    const text = typeof jwks === "string" ? jwks : isPlainObject(jwks) ? JSON.stringify(jwks) : undefined;
    if (text === undefined) throw new TypeError(`jwks must be an object or a JSON string, got ${describe(jwks)}`);
    this.#raw = core(() => RawJwkSet.fromJson(text));
  }

  static {
    rawOfSet = (set) => set.#live();
  }

  get(kid) {
    expectString(kid, "kid");
    return wrapKey(core(() => this.#live().get(kid)));
  }

  get keys() {
    return core(() => this.#live().keys()).map(wrapKey);
  }

  free() {
    this.#raw?.free();
    this.#raw = null;
  }

  #live() {
    if (this.#raw === null) throw new TypeError("this JwkSet was freed");
    return this.#raw;
  }
}

/**
 * Turns a KeyLike into a RawKey for the algorithm `alg` (a canonical name).
 * Returns [raw, temporary]: temporary keys are freed by the caller.
 */
function rawKeyFor(alg, key) {
  if (key instanceof Key) return [rawOfKey(key), false];
  if (typeof key === "string") return [core(() => RawKey.fromTextFor(alg, key)), true];
  if (key instanceof Uint8Array) return [core(() => RawKey.fromBytesFor(alg, key)), true];
  if (isPlainObject(key)) {
    const text = JSON.stringify(key);
    return [core(() => RawKey.fromJwk(text, undefined)), true];
  }
  throw new TypeError(`key must be a string, Uint8Array, JWK object or Key, got ${describe(key)}`);
}

export function withKey(alg, key, f) {
  const [raw, temporary] = rawKeyFor(alg, key);
  try {
    return core(() => f(raw));
  } finally {
    if (temporary) raw.free();
  }
}

/** @internal The RawKey inside a Key. */
export function rawOf(key) {
  return rawOfKey(key);
}

/** @internal The RawJwkSet inside a JwkSet. */
export function rawSetOf(set) {
  return rawOfSet(set);
}
