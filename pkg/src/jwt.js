// encode, decode and the unverified readers: options and keys mapped onto
// the raw wasm calls.

import {
  rawDecodeBytes, rawDecodeCustom, rawDecodeJwks, rawDecodeKey, rawDecodeNoKey, rawDecodeText, rawEncodeBytes,
  rawEncodeCustom, rawEncodeKey, rawEncodeText, rawEncodeUnsecured, rawAlgorithmName, rawUnverifiedClaims,
  rawUnverifiedHeader, RawInput, RawKeyCache, RawValidation, rawMemory,
} from "../dist/jwt_wasm.js";
import { canonical, custom, customized, disabled, getAlgorithmByName, notSupported } from "./algorithms.js";
import { JwkSet, Key, rawOf, rawSetOf, wrapKey } from "./keys.js";
import { core, describe, expectString, isPlainObject, optional, optionsObject, utf8 } from "./util.js";
import { warn } from "./warnings.js";

const TIME_CLAIMS = new Set(["exp", "nbf", "iat"]);

// Keys parsed from strings (secrets, PEM), kept in wasm by their text so a
// repeated `decode(token, pemString)` does not parse the PEM again. Made on
// first use: the wasm instance may not exist yet when this module loads.
let textKeys;
function textKeyCache() {
  textKeys ??= new RawKeyCache();
  return textKeys;
}

// A string key as it is, or a JWK object as its JSON text, which the same
// cache keeps. The text is made on every call, so a JWK object changed
// between calls is read again rather than served stale.
function keyText(key) {
  return typeof key === "string" ? key : JSON.stringify(key);
}

// Tokens and payloads go into wasm memory through `TextEncoder.encodeInto`
// (native) rather than wasm-bindgen's per-character copy; see src/wasm/input.rs.
let input;
let memory;
const KEEP = 64 * 1024;

/** Writes `text` as UTF-8 into the input buffer, runs `f(byteLength)`. */
function withInput(text, f) {
  input ??= new RawInput();
  memory ??= rawMemory();
  // Room for ASCII first (tokens are); UTF-8 needs at most 3 bytes per
  // UTF-16 unit, asked for only when the first pass did not fit. `reserve`
  // may grow the memory, so the view is made after it.
  let room = text.length;
  let at = input.reserve(room);
  let { read, written } = utf8.encodeInto(text, new Uint8Array(memory.buffer, at, room));
  if (read < text.length) {
    room = text.length * 3;
    at = input.reserve(room);
    ({ written } = utf8.encodeInto(text, new Uint8Array(memory.buffer, at, room)));
  }
  try {
    return f(written);
  } finally {
    if (room > KEEP) input.trim();
  }
}

function payloadJson(payload) {
  // Dates in exp/nbf/iat become NumericDate seconds (RFC 7519 §2). A
  // replacer runs for every value, so it is only used when there is a Date.
  if (!(payload.exp instanceof Date || payload.nbf instanceof Date || payload.iat instanceof Date)) {
    return JSON.stringify(payload);
  }
  return JSON.stringify(payload, function (name, value) {
    if (this === payload && TIME_CLAIMS.has(name) && payload[name] instanceof Date) {
      return Math.floor(payload[name].getTime() / 1000);
    }
    return value;
  });
}

/** Signs `payload` into a compact JWT. */
export function encode(payload, key, options) {
  const o = optionsObject(options, "options");
  const { algorithm, headers, sortHeaders, isPayloadDetached, enforceMinimumKeyLength, onWarning, ...unknown } = o;
  const extra = Object.keys(unknown);
  if (extra.length) throw new TypeError(`unknown encode option(s): ${extra.join(", ")}`);
  if (algorithm !== undefined && algorithm !== null) expectString(algorithm, "options.algorithm");
  if (headers !== undefined && headers !== null && !isPlainObject(headers)) {
    throw new TypeError(`options.headers must be an object, got ${describe(headers)}`);
  }
  optional(sortHeaders, "boolean", "options.sortHeaders");
  optional(isPayloadDetached, "boolean", "options.isPayloadDetached");
  optional(enforceMinimumKeyLength, "boolean", "options.enforceMinimumKeyLength");
  if (onWarning !== undefined && typeof onWarning !== "function") throw new TypeError("options.onWarning must be a function");
  if (payload === null || typeof payload !== "object" || Array.isArray(payload) || ArrayBuffer.isView(payload)) {
    throw new TypeError(`Expecting a dict object, as JWT only supports JSON objects as payloads (got ${describe(payload)})`);
  }
  const json = payloadJson(payload);
  const headersJson = headers ? JSON.stringify(Object.entries(headers)) : undefined;
  const sort = sortHeaders ?? true;
  const detached = isPayloadDetached ?? false;
  const enforce = enforceMinimumKeyLength ?? false;
  const headerAlg = headers && typeof headers.alg === "string" ? headers.alg : undefined;
  const alg = headerAlg ?? (algorithm === null ? "none" : algorithm ?? "HS256");

  if (alg === "none") return core(() => rawEncodeUnsecured(json, headersJson, sort));
  if (customized()) {
    const impl = custom.get(alg);
    if (impl) return core(() => rawEncodeCustom(json, alg, headersJson, sort, detached, (input) => impl.sign(input, key)));
    if (disabled.has(canonical(alg))) throw notSupported();
  }
  let result;
  if (key instanceof Key) {
    result = core(() => withInput(json, (n) => rawEncodeKey(input, n, rawOf(key), alg, headersJson, sort, detached, enforce)));
  } else if (typeof key === "string" || isPlainObject(key)) {
    const text = keyText(key);
    result = core(() => withInput(json, (n) => rawEncodeText(input, n, text, textKeyCache(), typeof key !== "string", alg, headersJson, sort, detached, enforce)));
  } else if (key instanceof Uint8Array) {
    result = core(() => withInput(json, (n) => rawEncodeBytes(input, n, key, alg, headersJson, sort, detached, enforce)));
  } else {
    throw new TypeError(`key must be a string, Uint8Array, JWK object or Key, got ${describe(key)}`);
  }
  // A bare token, or [token, warning] for a short key.
  if (typeof result === "string") return result;
  warn([result[1]], key, onWarning);
  return result[0];
}

// ---------------------------------------------------------------- decode

// Decode options parsed in wasm, kept by their JSON text: a caller that
// passes the same options on every call has them parsed once. Bounded, since
// the text can differ on every call; dropped entries are freed by the
// FinalizationRegistry of the glue once nothing refers to them.
const validations = new Map();
const MAX_VALIDATIONS = 64;

// The members that change per call and travel beside the cached options.
const PER_CALL = ["onWarning", "detachedPayload", "now"];

// The options object itself → the snapshot its entry was made from, so that
// the usual constant options object skips even `JSON.stringify`. Any change
// (a new audience, an algorithm pushed onto the array) no longer matches the
// snapshot and goes through the JSON text again.
const byObject = new WeakMap();

function snapshotOf(o) {
  const names = Object.keys(o).filter((name) => !PER_CALL.includes(name));
  return { names, values: names.map((name) => (Array.isArray(o[name]) ? o[name].slice() : o[name])) };
}

function unchanged(o, { names, values }) {
  let seen = 0;
  for (const name in o) {
    if (name === "onWarning" || name === "detachedPayload" || name === "now") continue;
    const i = seen++;
    if (names[i] !== name) return false;
    const was = values[i];
    const value = o[name];
    if (value === was) continue;
    if (!Array.isArray(value) || !Array.isArray(was) || value.length !== was.length) return false;
    for (let j = 0; j < value.length; j++) if (value[j] !== was[j]) return false;
  }
  return seen === names.length;
}

function validationFor(o) {
  const hit = byObject.get(o);
  if (hit !== undefined && unchanged(o, hit.snapshot)) return hit.v;
  // JSON would turn NaN and Infinity into null, silently dropping the option.
  // Only options that passed this check are kept, so a hit needs no check.
  for (const name of ["leeway", "maxAge", "maxTokenLength"]) {
    if (typeof o[name] === "number" && !Number.isFinite(o[name])) {
      throw new TypeError(`options.${name} must be a finite number, got ${o[name]}`);
    }
  }
  let json;
  if (o.onWarning === undefined && o.detachedPayload === undefined && o.now === undefined) json = JSON.stringify(o);
  else {
    const { onWarning: _w, detachedPayload: _d, now: _n, ...rest } = o;
    json = JSON.stringify(rest);
  }
  let v = validations.get(json);
  if (v === undefined) {
    v = core(() => new RawValidation(json));
    if (validations.size >= MAX_VALIDATIONS) validations.clear();
    validations.set(json, v);
  }
  byObject.set(o, { snapshot: snapshotOf(o), v });
  return v;
}

const NO_OPTIONS = Object.freeze({});

function decodeRaw(token, key, options, complete) {
  expectString(token, "token");
  const o = options === undefined || options === null ? NO_OPTIONS : optionsObject(options, "options");
  const { onWarning, detachedPayload, now } = o;
  if (onWarning !== undefined && typeof onWarning !== "function") throw new TypeError("options.onWarning must be a function");
  // The clock is read here: wasm32-unknown-unknown has none of its own.
  let seconds;
  if (now instanceof Date) seconds = now.getTime() / 1000;
  else if (typeof now === "number") seconds = now;
  else if (now === undefined || now === null) seconds = Date.now() / 1000;
  else throw new TypeError(`options.now must be a number or a Date, got ${describe(now)}`);
  let detached;
  if (typeof detachedPayload === "string") detached = utf8.encode(detachedPayload);
  else if (detachedPayload instanceof Uint8Array) detached = detachedPayload;
  else if (detachedPayload !== undefined) {
    throw new TypeError(`options.detachedPayload must be a string or Uint8Array, got ${describe(detachedPayload)}`);
  }
  // A NaN or infinite clock would make every time check meaningless.
  if (!Number.isFinite(seconds)) throw new TypeError(`options.now must be a finite number, got ${now}`);
  const v = validationFor(o);
  let out;
  if (customized()) {
    out = core(() => rawDecodeCustom(token, v, seconds, detached, complete, (alg, input, sig, kid) => verifyVia(alg, input, sig, kid, key)));
  } else if (key instanceof Key) {
    out = core(() => withInput(token, (n) => rawDecodeKey(input, n, rawOf(key), v, seconds, detached, complete)));
  } else if (key instanceof JwkSet) {
    out = core(() => withInput(token, (n) => rawDecodeJwks(input, n, rawSetOf(key), v, seconds, detached, complete)));
  } else if (typeof key === "string" || isPlainObject(key)) {
    const text = keyText(key);
    out = core(() => withInput(token, (n) => rawDecodeText(input, n, text, textKeyCache(), typeof key !== "string", v, seconds, detached, complete)));
  } else if (key instanceof Uint8Array) {
    out = core(() => withInput(token, (n) => rawDecodeBytes(input, n, key, v, seconds, detached, complete)));
  } else if (key === null || key === undefined) {
    out = core(() => withInput(token, (n) => rawDecodeNoKey(input, n, v, seconds, detached, complete)));
  } else {
    throw new TypeError(`key must be a string, Uint8Array, JWK object, Key or JwkSet, got ${describe(key)}`);
  }
  // The payload text alone, or [payload, warnings, header, signature].
  if (typeof out !== "string") warn(out[1], key, onWarning);
  return out;
}

/** The verification step when algorithms were registered or unregistered. */
function verifyVia(alg, input, sig, kid, key) {
  const impl = custom.get(alg);
  if (impl) return impl.verify(input, key, sig) === true;
  if (key instanceof JwkSet) {
    const canonicalAlg = core(() => rawAlgorithmName(alg));
    const raw = core(() => rawSetOf(key).select(kid, canonicalAlg));
    try {
      return getAlgorithmByName(alg).verify(input, wrapKey(raw), sig);
    } finally {
      raw.free();
    }
  }
  return getAlgorithmByName(alg).verify(input, key, sig);
}

/** Verifies `token` and returns its claims. */
export function decode(token, key, options) {
  const out = decodeRaw(token, key, options, false);
  return JSON.parse(typeof out === "string" ? out : out[0]);
}

/** Verifies `token` and returns its header, claims and signature. */
export function decodeComplete(token, key, options) {
  const out = decodeRaw(token, key, options, true);
  return { header: JSON.parse(out[2]), payload: JSON.parse(out[0]), signature: out[3] };
}

/** The header, without verifying anything. */
export function getUnverifiedHeader(token) {
  expectString(token, "token");
  return JSON.parse(core(() => withInput(token, (n) => rawUnverifiedHeader(input, n))));
}

/** The claims, without verifying the signature or any claim (still strictly parsed). */
export function getUnverifiedClaims(token) {
  expectString(token, "token");
  return JSON.parse(core(() => withInput(token, (n) => rawUnverifiedClaims(input, n))));
}
