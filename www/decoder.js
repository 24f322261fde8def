// Segment-by-segment reading of a compact JWS for *display*. It explains
// which part is broken and still shows the parts that are fine; whether the
// token is acceptable is decided by the library alone (see app.js).

import { base64urlToBytes, utf8Decode } from "./b64.js";

export const PART_NAMES = ["header", "payload", "signature"];

/** Remove the surrounding whitespace a paste often brings along. */
export function normalizeToken(text) {
  return text.trim();
}

/** Describe one JSON segment (header or payload). */
function readJsonSegment(name, raw) {
  if (raw === undefined) return { name, ok: false, problem: `${name} is missing` };
  if (raw === "") return { name, ok: false, problem: `${name} is empty` };
  const bytes = base64urlToBytes(raw);
  if (bytes === null) return { name, ok: false, problem: `${name} is not valid base64url` };
  const text = utf8Decode(bytes);
  if (text === null) return { name, ok: false, problem: `${name} is not valid UTF-8` };
  let value;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { name, ok: false, text, problem: `${name} is not valid JSON (${e.message})` };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return { name, ok: false, text, problem: `${name} is not a JSON object` };
  }
  return { name, ok: true, text, value };
}

function readSignature(raw) {
  if (raw === undefined) return { name: "signature", ok: false, problem: "signature is missing" };
  const bytes = base64urlToBytes(raw);
  if (bytes === null) return { name: "signature", ok: false, problem: "signature is not valid base64url" };
  return { name: "signature", ok: true, bytes };
}

/**
 * Split a token and read each segment independently.
 * @returns {{token: string, segments: string[], shapeProblem: string|null,
 *   header: object, payload: object, signature: object}}
 */
export function inspectToken(input) {
  const token = normalizeToken(input);
  const segments = token.split(".");
  let shapeProblem = null;
  if (segments.length !== 3) {
    shapeProblem = `the token has ${segments.length} segment${segments.length === 1 ? "" : "s"}; ` +
      "a signed JWT has exactly three (header.payload.signature)";
  }
  return {
    token,
    segments,
    shapeProblem,
    header: readJsonSegment("header", segments[0]),
    payload: readJsonSegment("payload", segments[1]),
    signature: readSignature(segments[2]),
  };
}

/**
 * Pieces of the raw textarea text tagged by part, for the colour-coded
 * backdrop. Dots stay uncoloured; anything after a third dot is "extra".
 */
export function highlightPieces(text) {
  const pieces = [];
  let part = 0;
  let start = 0;
  const push = (end, cls) => { if (end > start) pieces.push({ text: text.slice(start, end), cls }); };
  for (let i = 0; i < text.length; i++) {
    if (text[i] === ".") {
      push(i, partClass(part));
      pieces.push({ text: ".", cls: "dot" });
      start = i + 1;
      part++;
    }
  }
  start = Math.min(start, text.length);
  push(text.length, partClass(part));
  return pieces;
}

function partClass(index) {
  return index < PART_NAMES.length ? `part-${PART_NAMES[index]}` : "part-extra";
}
