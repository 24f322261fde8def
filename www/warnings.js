// Heuristic warnings about a token, each with a one-line reason. They are
// advice for the reader; they never change the library's verdict.

const LONG_LIFETIME_SECONDS = 30 * 24 * 3600;
// Header parameters this page knows how to process (RFC 7797 b64 is handled by the library).
const KNOWN_CRIT = new Set(["b64"]);
const SENSITIVE_KEY = /pass(word|wd|phrase)?$|^pwd$|secret|private_?key|api_?key|access_?key|credit_?card|card_?number|^cvv$|^ssn$/i;
const HMAC_MIN_BYTES = { HS256: 32, HS384: 48, HS512: 64 };

function findSensitiveKeys(value, path = [], found = []) {
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const here = [...path, k];
      if (SENSITIVE_KEY.test(k)) found.push(here.join("."));
      if (found.length < 10) findSensitiveKeys(v, here, found);
    }
  }
  return found;
}

/**
 * @param {object|undefined} header decoded header, if readable
 * @param {object|undefined} payload decoded payload, if readable
 * @param {{secretLength?: number, libraryWarnings?: string[]}} context
 * @returns {{id: string, title: string, reason: string}[]}
 */
export function computeWarnings(header, payload, context = {}) {
  const out = [];
  const add = (id, title, reason) => out.push({ id, title, reason });
  const alg = header && typeof header.alg === "string" ? header.alg : undefined;

  if (alg !== undefined && alg.toLowerCase() === "none") {
    add("alg-none", "alg: none", "the token is unsigned; anyone can forge it, and this library never accepts it");
  }
  if (header) {
    for (const param of ["jku", "x5u", "jwk"]) {
      if (param in header) {
        add(`header-${param}`, `${param} in header`,
          "a key source chosen by the token itself is not trusted; verify with a key you already hold (RFC 8725 §3.10)");
      }
    }
    if ("crit" in header) {
      const crit = Array.isArray(header.crit) ? header.crit : [];
      const unknown = crit.filter((name) => !KNOWN_CRIT.has(name));
      if (!Array.isArray(header.crit) || crit.length === 0) {
        add("crit-malformed", "crit is malformed", "crit must be a non-empty list of header names (RFC 7515 §4.1.11)");
      } else if (unknown.length) {
        add("crit-unknown", `crit lists unknown ${unknown.length === 1 ? "name" : "names"}: ${unknown.join(", ")}`,
          "recipients must reject a token whose critical extensions they do not understand");
      }
    }
  }
  if (payload) {
    if (!("exp" in payload)) {
      add("no-exp", "no exp claim", "the token never expires, so a leaked copy works forever");
    } else if (typeof payload.exp === "number") {
      const start = typeof payload.iat === "number" ? payload.iat
        : typeof payload.nbf === "number" ? payload.nbf : Date.now() / 1000;
      const lifetime = payload.exp - start;
      if (lifetime > LONG_LIFETIME_SECONDS) {
        const days = Math.round(lifetime / 86400);
        add("long-lifetime", `very long lifetime (${days} days)`,
          "long-lived tokens widen the window for replay; prefer minutes or hours plus refresh tokens");
      }
    }
    const sensitive = findSensitiveKeys(payload);
    if (sensitive.length) {
      add("sensitive", `possibly sensitive data: ${sensitive.join(", ")}`,
        "the payload is only encoded, not encrypted; anyone holding the token can read it");
    }
  }
  const libraryWarnings = context.libraryWarnings ?? [];
  const min = alg ? HMAC_MIN_BYTES[alg] : undefined;
  // The library's own key-length warning, when it gave one, replaces this page's estimate.
  if (min && libraryWarnings.length === 0 && typeof context.secretLength === "number" && context.secretLength < min) {
    add("short-secret", `HMAC secret is ${context.secretLength} bytes`,
      `${alg} needs a secret at least as long as its hash (${min} bytes) to resist brute force (RFC 7518 §3.2)`);
  }
  for (const message of libraryWarnings) {
    add("library", "weak key (reported by jwt-wasm)", message);
  }
  return out;
}
