// Turns what the user typed in a key box into a library Key or JwkSet.
// Parsing is the library's job; this module only picks the constructor.

import { base64urlToBytes, utf8Encode } from "./b64.js";
import { toPlain } from "./lib.js";

export const FORMAT_LABELS = {
  "secret-utf8": "HMAC secret (UTF-8)",
  "secret-b64url": "HMAC secret (base64url)",
  pem: "PEM",
  jwk: "JWK",
  jwks: "JWK Set",
};

/** Guess the format of key text when the user left the select on "Detect". */
export function detectFormat(text) {
  const t = text.trim();
  if (t.startsWith("-----BEGIN") || /^(ssh-(rsa|ed25519)|ecdsa-sha2-)/.test(t)) return "pem";
  if (t.startsWith("{")) {
    try {
      const v = JSON.parse(t);
      return v && Array.isArray(v.keys) ? "jwks" : "jwk";
    } catch {
      return "jwk";
    }
  }
  return "secret-utf8";
}

/** "Name: message" for a library error (or any thrown value). */
export function errorText(e) {
  if (e && typeof e === "object" && "message" in e) return `${e.name || "Error"}: ${e.message}`;
  return String(e);
}

/**
 * Build a key from user input.
 * @returns {{ok: true, key: any, format: string, secretLength?: number} |
 *           {ok: false, format: string, error: string, empty?: boolean}}
 */
export function parseKeyInput(jwt, text, selected) {
  // Verification re-runs every second; reuse the last parsed key while the input is unchanged.
  const cached = lastParsed.get(jwt);
  if (cached && cached.text === text && cached.selected === selected) return cached.result;
  const result = parseKeyUncached(jwt, text, selected);
  lastParsed.set(jwt, { text, selected, result });
  return result;
}

const lastParsed = new WeakMap();

function parseKeyUncached(jwt, text, selected) {
  const format = selected === "auto" ? detectFormat(text) : selected;
  if (text.length === 0) return { ok: false, empty: true, format, error: "no key entered" };
  try {
    switch (format) {
      case "secret-utf8": {
        const bytes = utf8Encode(text);
        return { ok: true, format, key: jwt.Key.fromSecret(text), secretLength: bytes.length };
      }
      case "secret-b64url": {
        const bytes = base64urlToBytes(text.trim());
        if (bytes === null) return { ok: false, format, error: "the secret is not valid base64url" };
        return { ok: true, format, key: jwt.Key.fromSecret(bytes), secretLength: bytes.length };
      }
      case "pem":
        return { ok: true, format, key: jwt.Key.fromPem(text.trim()) };
      case "jwk":
      case "jwks": {
        let value;
        try {
          value = JSON.parse(text);
        } catch (e) {
          return { ok: false, format, error: `the ${FORMAT_LABELS[format]} is not valid JSON (${e.message})` };
        }
        if (format === "jwks") {
          const set = new jwt.JwkSet(value);
          const keys = set.keys;
          return { ok: true, format, key: set, count: Array.isArray(keys) ? keys.length : undefined };
        }
        const key = jwt.Key.fromJwk(value);
        const secretLength = value && value.kty === "oct" && typeof value.k === "string"
          ? base64urlToBytes(value.k)?.length : undefined;
        return { ok: true, format, key, secretLength };
      }
      default:
        return { ok: false, format, error: `unknown key format ${format}` };
    }
  } catch (e) {
    return { ok: false, format, error: errorText(e), libraryError: e };
  }
}

const PRIVATE_JWK_MEMBERS = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"];

/** JWK of the public half of a key, derived by dropping private members (RFC 7518 §6). */
export function publicJwkOf(key) {
  const jwk = { ...toPlain(key.toJwk()) };
  for (const m of PRIVATE_JWK_MEMBERS) delete jwk[m];
  return jwk;
}
