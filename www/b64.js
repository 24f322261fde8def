// base64url and UTF-8 helpers used for *display only*. The verdict on any
// token always comes from the library; these helpers let the page show a
// readable header next to a broken payload, segment by segment.

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const LOOKUP = new Map([...ALPHABET].map((c, i) => [c, i]));

/**
 * Strictly decode unpadded base64url (RFC 7515 §2). Returns null for any
 * character outside the alphabet, an impossible length, or non-zero
 * trailing bits, so the page never "repairs" a token the library rejects.
 */
export function base64urlToBytes(text) {
  if (text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let acc = 0;
  let bits = 0;
  let n = 0;
  for (const ch of text) {
    const v = LOOKUP.get(ch);
    if (v === undefined) return null;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
    acc &= (1 << bits) - 1;
  }
  if (acc !== 0) return null; // non-canonical trailing bits
  return out.subarray(0, n);
}

/** Encode bytes as unpadded base64url. */
export function bytesToBase64url(bytes) {
  let out = "";
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += ALPHABET[v >> 18] + ALPHABET[(v >> 12) & 63] + ALPHABET[(v >> 6) & 63] + ALPHABET[v & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const v = bytes[i] << 16;
    out += ALPHABET[v >> 18] + ALPHABET[(v >> 12) & 63];
  } else if (rest === 2) {
    const v = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += ALPHABET[v >> 18] + ALPHABET[(v >> 12) & 63] + ALPHABET[(v >> 6) & 63];
  }
  return out;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** Decode UTF-8 strictly; returns null for malformed input. */
export function utf8Decode(bytes) {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

export function utf8Encode(text) {
  return new TextEncoder().encode(text);
}

/** Encode text as base64url of its UTF-8 bytes. */
export function textToBase64url(text) {
  return bytesToBase64url(utf8Encode(text));
}

/** Lower-case hex of bytes, for showing signatures. */
export function toHex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
