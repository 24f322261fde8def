// What an attacker can do without the library: build compact tokens from
// raw bytes, sign them with node:crypto, and re-shape keys and signatures.

import { createHmac, createPublicKey } from "node:crypto";

export const NOW = 1_700_000_000;
export const SECRET = "a 32-byte HMAC secret for tests!";

export const b64u = (bytes) => Buffer.from(bytes).toString("base64url");
export const text = (value) => (typeof value === "string" ? value : JSON.stringify(value));

/** `header.payload` from objects or raw JSON text (or raw bytes). */
export function signingInput(header, payload) {
  const part = (v) => b64u(v instanceof Uint8Array ? v : Buffer.from(text(v), "utf8"));
  return `${part(header)}.${part(payload)}`;
}

/** A compact token MACed with `secret` (a string or bytes), whatever the content. */
export function hs256(header, payload, secret = SECRET) {
  const input = signingInput(header, payload);
  const mac = createHmac("sha256", typeof secret === "string" ? Buffer.from(secret, "utf8") : secret)
    .update(input)
    .digest();
  return `${input}.${b64u(mac)}`;
}

/** Replaces the signature segment of `token` with `sig` bytes. */
export function withSignature(token, sig) {
  const [h, p] = token.split(".");
  return `${h}.${p}.${b64u(sig)}`;
}

export function signatureOf(token) {
  return Buffer.from(token.split(".")[2], "base64url");
}

/** A big-endian fixed-width encoding of `n`. */
export function toBytes(n, width) {
  const hex = n.toString(16).padStart(width * 2, "0");
  if (hex.length > width * 2) throw new RangeError("value wider than the field");
  return Buffer.from(hex, "hex");
}

/** ASN.1 DER `SEQUENCE { INTEGER r, INTEGER s }` of a raw r‖s signature. */
export function rawToDer(raw) {
  const half = raw.length / 2;
  const int = (bytes) => {
    let b = Buffer.from(bytes);
    while (b.length > 1 && b[0] === 0 && b[1] < 0x80) b = b.subarray(1);
    if (b[0] >= 0x80) b = Buffer.concat([Buffer.from([0]), b]);
    return Buffer.concat([Buffer.from([0x02, b.length]), b]);
  };
  const body = Buffer.concat([int(raw.subarray(0, half)), int(raw.subarray(half))]);
  const len = body.length < 0x80 ? Buffer.from([body.length]) : Buffer.from([0x81, body.length]);
  return Buffer.concat([Buffer.from([0x30]), len, body]);
}

/** The forms a public key takes in configuration files: PEM, DER, JWK JSON. */
export function publicForms(publicKey) {
  const pem = publicKey.toPem();
  const der = new Uint8Array(createPublicKey(pem).export({ type: "spki", format: "der" }));
  const jwk = publicKey.toJwk();
  return { pem, der, jwkJson: JSON.stringify(jwk), jwk, ssh: sshLine(jwk) };
}

/** The OpenSSH `authorized_keys` line of an RSA, P-256 or Ed25519 public JWK (RFC 4253 §6.6, RFC 5656 §3.1, RFC 8709 §4). */
export function sshLine(jwk) {
  const str = (b) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(b.length);
    return Buffer.concat([len, Buffer.from(b)]);
  };
  const mpint = (b) => str(b[0] >= 0x80 ? Buffer.concat([Buffer.from([0]), b]) : b);
  const d = (s) => Buffer.from(s, "base64url");
  let type;
  let body;
  if (jwk.kty === "RSA") {
    type = "ssh-rsa";
    body = [mpint(d(jwk.e)), mpint(d(jwk.n))];
  } else if (jwk.kty === "EC" && jwk.crv === "P-256") {
    type = "ecdsa-sha2-nistp256";
    body = [str("nistp256"), str(Buffer.concat([Buffer.from([4]), d(jwk.x), d(jwk.y)]))];
  } else if (jwk.kty === "OKP") {
    type = "ssh-ed25519";
    body = [str(d(jwk.x))];
  } else {
    throw new Error(`no OpenSSH form for ${jwk.kty} ${jwk.crv}`);
  }
  return `${type} ${Buffer.concat([str(type), ...body]).toString("base64")} attacker@example`;
}

/** Curve orders n (SEC 2 §2.4.2 / §2.7.1, FIPS 186-4 D.1.2), raw signature field widths. */
export const CURVES = {
  ES256: {
    width: 32,
    n: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
  },
  ES384: {
    width: 48,
    n: 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n,
  },
  ES512: {
    width: 66,
    n: 0x01fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409n,
  },
  ES256K: {
    width: 32,
    n: 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n,
  },
};
