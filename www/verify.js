// The verification panel: builds DecodeOptions from the form and asks the
// library for the verdict. VALID only when decodeComplete returns.

import { parseKeyInput, errorText, FORMAT_LABELS } from "./keys.js";

/** Split "a, b c" into ["a", "b", "c"]. */
export function splitList(text) {
  return text.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
}

/** A list input becomes undefined, one string, or an array (PyJWT accepts both). */
function oneOrMany(text) {
  const items = splitList(text);
  if (items.length === 0) return undefined;
  return items.length === 1 ? items[0] : items;
}

/**
 * The allowlist actually used: the user's list, or the header's alg. `none`
 * is removed either way (RFC 8725 §3.1), so an unsigned token cannot pass.
 */
export function effectiveAlgorithms(inputText, headerAlg) {
  const typed = splitList(inputText);
  const source = typed.length ? typed : (typeof headerAlg === "string" ? [headerAlg] : []);
  const kept = source.filter((a) => a.toLowerCase() !== "none");
  return { algorithms: kept, droppedNone: kept.length !== source.length };
}

/**
 * @param jwt the library module
 * @param {string} token
 * @param {{keyText: string, keyFormat: string, algorithms: string, audience: string,
 *          issuer: string, leeway: string, headerAlg?: string, headerKid?: string}} form
 * @returns {{state: "valid"|"invalid"|"idle", summary: string, detail: string,
 *            secretLength?: number, keyNote: string, libraryWarnings: string[]}}
 */
export function verifyToken(jwt, token, form) {
  const libraryWarnings = [];
  const parsed = parseKeyInput(jwt, form.keyText, form.keyFormat);
  let keyNote = parsed.ok
    ? `Using the key as: ${FORMAT_LABELS[parsed.format]}${form.keyFormat === "auto" ? " (detected)" : ""}`
    : form.keyText ? `Reading the key as: ${FORMAT_LABELS[parsed.format] ?? parsed.format}` : "";
  if (parsed.ok && parsed.format === "jwks") {
    const count = parsed.count ?? "?";
    keyNote += `, ${count} usable key${count === 1 ? "" : "s"}; the library picks by ` +
      (form.headerKid ? `kid "${form.headerKid}"` : "algorithm (the token has no kid)");
  }
  const base = { secretLength: parsed.secretLength, keyNote, libraryWarnings };

  if (!token) return { ...base, state: "idle", summary: "NOT VERIFIED", detail: "paste a token first" };
  if (parsed.empty) {
    return { ...base, state: "idle", summary: "NOT VERIFIED", detail: "enter the secret or public key to check the signature" };
  }
  if (!parsed.ok) return { ...base, state: "invalid", summary: "INVALID", detail: `key: ${parsed.error}` };

  const { algorithms, droppedNone } = effectiveAlgorithms(form.algorithms, form.headerAlg);
  const options = { algorithms, onWarning: (msg) => libraryWarnings.push(String(msg)) };
  const audience = oneOrMany(form.audience);
  const issuer = oneOrMany(form.issuer);
  const leeway = Number(form.leeway);
  if (audience !== undefined) options.audience = audience;
  if (issuer !== undefined) options.issuer = issuer;
  if (Number.isFinite(leeway) && leeway > 0) options.leeway = leeway;

  try {
    const result = jwt.decodeComplete(token, parsed.key, options);
    const alg = result && result.header ? (result.header.alg ?? result.header.get?.("alg")) : undefined;
    return {
      ...base,
      state: "valid",
      summary: "VALID",
      detail: `signature verified${alg ? ` (${alg})` : ""} and every claim check passed`,
    };
  } catch (e) {
    let note = droppedNone ? " (none was removed from the allowed algorithms)" : "";
    if (e && e.name === "InvalidAudienceError" && audience === undefined) {
      note += " (the token has an aud claim: enter the audience you expect)";
    }
    return { ...base, state: "invalid", summary: "INVALID", detail: errorText(e) + note, errorName: e && e.name };
  }
}
