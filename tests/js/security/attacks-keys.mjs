// Attack cases about algorithms, keys and signatures (issue 6 §1):
// `none`, HMAC/public-key confusion, embedded header keys, psychic
// signatures, invalid JWK points, curve mismatches and weak keys.

import assert from "node:assert/strict";
import { generateKeyPairSync, sign as nodeSign } from "node:crypto";
import * as jwt from "jwt-wasm";
import { test, throwsExactly } from "./harness.mjs";
import { CURVES, NOW, SECRET, b64u, hs256, publicForms, rawToDer, signatureOf, signingInput, toBytes, withSignature } from "./forge.mjs";

const { Key, JwkSet, decode, encode } = jwt;
const claims = { sub: "victim", iat: NOW, exp: NOW + 3600 };
const at = { now: NOW };

// Keys the victim trusts, one per family.
const rsa = Key.generate("RS256");
const ec = Key.generate("ES256");
const ed = Key.generate("EdDSA");
const victims = { RS256: rsa, ES256: ec, EdDSA: ed };

// ------------------------------------------------------------------ none
for (const alg of ["none", "None", "NONE", "nOnE"]) {
  for (const sig of ["", b64u("x"), b64u(Buffer.alloc(32))]) {
    const token = `${signingInput({ alg, typ: "JWT" }, claims)}.${sig}`;
    const lists = [["none"], [alg], ["HS256"], ["HS256", "none", alg]];
    for (const algorithms of lists) {
      test(`none: alg ${alg}, signature ${JSON.stringify(sig)}, algorithms ${JSON.stringify(algorithms)} is refused with any key`, () => {
        for (const key of [SECRET, null, Key.fromSecret(SECRET)]) {
          throwsExactly(() => decode(token, key, { ...at, algorithms }), jwt.InvalidAlgorithmError);
        }
      });
    }
    test(`none: alg ${alg}, signature ${JSON.stringify(sig)} is readable only with verifySignature: false`, () => {
      assert.deepEqual(decode(token, null, { ...at, verifySignature: false }), claims);
      throwsExactly(() => decode(token, null, at), jwt.DecodeError, "algorithms");
    });
  }
}
test("none: a token encoded with algorithm null never verifies, even with none listed", () => {
  const token = encode(claims, null, { algorithm: null });
  assert.equal(jwt.getUnverifiedHeader(token).alg, "none");
  throwsExactly(() => decode(token, SECRET, { ...at, algorithms: ["none", "HS256"] }), jwt.InvalidAlgorithmError);
});

// ------------------------------------------------------ HMAC/public-key confusion
for (const [family, victim] of Object.entries(victims)) {
  const forms = publicForms(victim.publicKey);
  const asSecret = {
    "PEM": forms.pem,
    "DER": forms.der,
    "JWK JSON": forms.jwkJson,
    "OpenSSH line": forms.ssh,
  };
  for (const [form, material] of Object.entries(asSecret)) {
    // The attacker MACs the token with the public key's bytes (CVE-2015-9235 class).
    const token = hs256({ alg: "HS256", typ: "JWT" }, claims, typeof material === "string" ? material : Buffer.from(material));
    test(`confusion: HS256 token MACed with the ${family} public key as ${form} is refused when that ${form} is the key`, () => {
      throwsExactly(() => decode(token, material, { ...at, algorithms: [family, "HS256"] }), jwt.InvalidKeyError);
    });
    test(`confusion: the ${family} public key as ${form} is refused as an HMAC secret by Key.fromSecret`, () => {
      const bytes = typeof material === "string" ? material : new Uint8Array(material);
      throwsExactly(() => Key.fromSecret(bytes), jwt.InvalidKeyError);
    });
  }
  const token = hs256({ alg: "HS256" }, claims, forms.pem);
  const { alg: bound, ...unboundJwk } = forms.jwk;
  test(`confusion: the ${family} public JWK object used as the key of an HS256 token is refused`, () => {
    assert.equal(bound, family);
    throwsExactly(() => decode(token, unboundJwk, { ...at, algorithms: [family, "HS256"] }), jwt.InvalidKeyError);
    // Bound to its algorithm by the JWK's `alg`: refused before the family check.
    throwsExactly(() => decode(token, forms.jwk, { ...at, algorithms: [family, "HS256"] }), jwt.InvalidAlgorithmError);
  });
  test(`confusion: the ${family} Key object used for HS256 is refused`, () => {
    const unbound = Key.fromPem(forms.pem);
    throwsExactly(() => decode(token, unbound, { ...at, algorithms: [family, "HS256"] }), jwt.InvalidKeyError);
    throwsExactly(() => decode(token, Key.fromPem(victim.privateKey.toPem()), { ...at, algorithms: [family, "HS256"] }), jwt.InvalidKeyError);
    // Key.generate binds the key to its algorithm.
    throwsExactly(() => decode(token, victim.publicKey, { ...at, algorithms: [family, "HS256"] }), jwt.InvalidAlgorithmError);
  });
}
const unbound = (pair) => Key.fromPem(pair.publicKey.toPem());
const crossFamily = [
  ["HS256", () => Key.fromSecret(SECRET), "RS256", rsa.privateKey],
  ["RS256", () => unbound(rsa), "ES256", ec.privateKey],
  ["ES256", () => unbound(ec), "RS256", rsa.privateKey],
  ["ES256", () => unbound(ec), "EdDSA", ed.privateKey],
  ["EdDSA", () => unbound(ed), "ES256", ec.privateKey],
  ["ES256", () => unbound(ec), "ES384", Key.generate("ES384").privateKey],
];
for (const [own, keyOf, other, signer] of crossFamily) {
  test(`confusion: an unbound ${own} key object verifying a ${other} token is InvalidKeyError`, () => {
    const token = encode(claims, signer, { algorithm: other });
    const key = keyOf();
    throwsExactly(() => decode(token, key, { ...at, algorithms: [own, other] }), jwt.InvalidKeyError);
  });
}
test("confusion: an RSA key bound to RS256 does not verify a PS256 token of the same key (RFC 8725 §3.1)", () => {
  const unbound = Key.fromPem(rsa.privateKey.toPem());
  const token = encode(claims, unbound, { algorithm: "PS256" });
  assert.equal(decode(token, Key.fromPem(rsa.publicKey.toPem()), { ...at, algorithms: ["PS256"] }).sub, "victim");
  throwsExactly(() => decode(token, rsa.publicKey, { ...at, algorithms: ["RS256", "PS256"] }), jwt.InvalidAlgorithmError);
});

// ------------------------------------------------------------ embedded keys
const attacker = Key.generate("RS256");
const attackerJwk = attacker.publicKey.toJwk();
const embedded = {
  jwk: { jwk: attackerJwk },
  jku: { jku: "https://attacker.example/jwks.json", kid: "a" },
  x5u: { x5u: "https://attacker.example/cert.pem" },
  x5c: { x5c: [Buffer.from(attacker.publicKey.toPem()).toString("base64")] },
};
for (const [name, extra] of Object.entries(embedded)) {
  const token = encode(claims, attacker.privateKey, { algorithm: "RS256", headers: extra });
  test(`embedded keys: a token carrying its own key in '${name}' fails against the trusted key`, () => {
    throwsExactly(() => decode(token, rsa.publicKey, { ...at, algorithms: ["RS256"] }), jwt.InvalidSignatureError);
  });
  test(`embedded keys: '${name}' is not used when no key is given`, () => {
    throwsExactly(() => decode(token, null, { ...at, algorithms: ["RS256"] }), jwt.InvalidKeyError, "A key is required");
  });
  test(`embedded keys: '${name}' is not used with a JWK Set of trusted keys`, () => {
    const set = new JwkSet({ keys: [{ ...rsa.publicKey.toJwk(), kid: "a" }] });
    throwsExactly(() => decode(token, set, { ...at, algorithms: ["RS256"] }), jwt.InvalidSignatureError);
  });
}

// ------------------------------------------------------- psychic signatures
for (const [alg, { width, n }] of Object.entries(CURVES)) {
  const { privateKey, publicKey } = Key.generate(alg);
  const good = encode(claims, privateKey, { algorithm: alg });
  const opts = { ...at, algorithms: [alg] };
  test(`psychic: ${alg} control: the untouched token verifies`, () => {
    assert.equal(decode(good, publicKey, opts).sub, "victim");
  });
  const values = { "0": 0n, "1": 1n, "n-1": n - 1n, "n": n };
  for (const [rName, r] of Object.entries(values)) {
    for (const [sName, s] of Object.entries(values)) {
      test(`psychic: ${alg} signature with r = ${rName}, s = ${sName} is refused (CVE-2022-21449 class)`, () => {
        const sig = Buffer.concat([toBytes(r, width), toBytes(s, width)]);
        throwsExactly(() => decode(withSignature(good, sig), publicKey, opts), jwt.InvalidSignatureError);
      });
    }
  }
  const sig = signatureOf(good);
  const shapes = {
    "one byte too long (trailing zero)": Buffer.concat([sig, Buffer.from([0])]),
    "two trailing zero bytes": Buffer.concat([sig, Buffer.alloc(2)]),
    "a leading zero byte": Buffer.concat([Buffer.alloc(1), sig]),
    "one byte too short": sig.subarray(0, sig.length - 1),
    "half the width": sig.subarray(0, width),
    "empty": Buffer.alloc(0),
    "DER-encoded": rawToDer(sig),
    "all zero": Buffer.alloc(2 * width),
  };
  for (const [shape, bad] of Object.entries(shapes)) {
    test(`psychic: ${alg} signature ${shape} is refused`, () => {
      throwsExactly(() => decode(withSignature(good, bad), publicKey, opts), jwt.InvalidSignatureError);
    });
  }
}
for (const [alg, pair] of [["RS256", rsa], ["PS256", Key.generate("PS256")], ["EdDSA", ed], ["HS256", null]]) {
  const signer = pair ? pair.privateKey : SECRET;
  const verifier = pair ? pair.publicKey : SECRET;
  const good = encode(claims, signer, { algorithm: alg });
  const sig = signatureOf(good);
  const shapes = {
    "with a trailing zero": Buffer.concat([sig, Buffer.from([0])]),
    "with a leading zero": Buffer.concat([Buffer.from([0]), sig]),
    "truncated by one byte": sig.subarray(0, sig.length - 1),
    "truncated to half": sig.subarray(0, sig.length >> 1),
    "empty": Buffer.alloc(0),
    "all zero": Buffer.alloc(sig.length),
    "all 0xff": Buffer.alloc(sig.length, 0xff),
  };
  for (const [shape, bad] of Object.entries(shapes)) {
    test(`psychic: ${alg} signature ${shape} is refused`, () => {
      throwsExactly(() => decode(withSignature(good, bad), verifier, { ...at, algorithms: [alg] }), jwt.InvalidSignatureError);
    });
  }
}

// ------------------------------------------ invalid points, curve mismatch
const ecJwk = ec.publicKey.toJwk();
const flip = (s) => {
  const b = Buffer.from(s, "base64url");
  b[b.length - 1] ^= 1;
  return b64u(b);
};
const badPoints = {
  "y off the curve": [{ ...ecJwk, y: flip(ecJwk.y) }, "not on the curve"],
  "x = y = 0": [{ ...ecJwk, x: b64u(Buffer.alloc(32)), y: b64u(Buffer.alloc(32)) }, "not on the curve"],
  "coordinates one byte short": [{ ...ecJwk, x: b64u(Buffer.from(ecJwk.x, "base64url").subarray(1)) }, "should be 32 bytes"],
  "coordinates one byte long": [{ ...ecJwk, x: b64u(Buffer.concat([Buffer.alloc(1), Buffer.from(ecJwk.x, "base64url")])) }, "should be 32 bytes"],
  "crv P-384 with P-256 coordinates": [{ ...ecJwk, crv: "P-384" }, "should be 48 bytes"],
  "crv P-256 bound to ES384": [{ ...ecJwk, alg: "ES384" }, "cannot be used with the ES384 algorithm"],
  "unknown crv": [{ ...ecJwk, crv: "P-192" }, "Unsupported crv"],
  "OKP with crv X25519": [{ ...ed.publicKey.toJwk(), crv: "X25519" }, "Unsupported crv"],
  "OKP x of 31 bytes": [{ ...ed.publicKey.toJwk(), x: b64u(Buffer.alloc(31, 1)) }, "must be 32 bytes"],
};
for (const [name, [jwk, message]] of Object.entries(badPoints)) {
  test(`invalid JWK: ${name} is refused at import`, () => {
    throwsExactly(() => Key.fromJwk(jwk), jwt.InvalidKeyError, message);
  });
}
test("curve mismatch: an ES256 token verified by a P-384 key is refused", () => {
  const token = encode(claims, ec.privateKey, { algorithm: "ES256" });
  const p384 = unbound(Key.generate("ES384"));
  throwsExactly(() => decode(token, p384, { ...at, algorithms: ["ES256"] }), jwt.InvalidKeyError);
});
test("curve mismatch: an ES256 token relabelled ES384 is refused by the P-256 key", () => {
  const good = encode(claims, ec.privateKey, { algorithm: "ES256" });
  const relabelled = withSignature(`${signingInput({ alg: "ES384", typ: "JWT" }, claims)}.x`, signatureOf(good));
  throwsExactly(() => decode(relabelled, unbound(ec), { ...at, algorithms: ["ES384"] }), jwt.InvalidKeyError);
  throwsExactly(() => decode(relabelled, ec.publicKey, { ...at, algorithms: ["ES384"] }), jwt.InvalidAlgorithmError);
});

// ---------------------------------------------------------------- weak keys
const small = generateKeyPairSync("rsa", { modulusLength: 1024 });
const smallPub = small.publicKey.export({ type: "spki", format: "pem" });
const smallToken = `${signingInput({ alg: "RS256", typ: "JWT" }, claims)}`;
const smallSigned = `${smallToken}.${b64u(nodeSign("sha256", Buffer.from(smallToken), small.privateKey))}`;
test("weak keys: a 1024-bit RSA key is refused when enforceMinimumKeyLength is on", () => {
  throwsExactly(() => decode(smallSigned, smallPub, { ...at, algorithms: ["RS256"], enforceMinimumKeyLength: true }), jwt.InvalidKeyError);
  const pem = small.privateKey.export({ type: "pkcs8", format: "pem" });
  throwsExactly(() => encode(claims, pem, { algorithm: "RS256", enforceMinimumKeyLength: true }), jwt.InvalidKeyError);
});
test("weak keys: a 1024-bit RSA key warns when enforcement is off", () => {
  const warnings = [];
  const out = decode(smallSigned, smallPub, { ...at, algorithms: ["RS256"], onWarning: (w) => warnings.push(w) });
  assert.equal(out.sub, "victim");
  assert.equal(warnings.length, 1);
});
const rsaJwk = rsa.publicKey.toJwk();
for (const [name, e] of [["1", "AQ"], ["2", "Ag"], ["0", "AA"], ["empty", ""]]) {
  test(`weak keys: an RSA JWK with e = ${name} is refused at import`, () => {
    throwsExactly(() => Key.fromJwk({ ...rsaJwk, e }), jwt.InvalidKeyError, "exponent must be odd and at least 3");
  });
}
for (const [name, secret] of [["empty", ""], ["4 bytes", "abcd"], ["31 bytes", "x".repeat(31)]]) {
  const token = hs256({ alg: "HS256" }, claims, secret);
  test(`weak keys: an HMAC secret that is ${name} is refused with enforcement and warned about without`, () => {
    throwsExactly(() => decode(token, secret, { ...at, algorithms: ["HS256"], enforceMinimumKeyLength: true }), jwt.InvalidKeyError);
    throwsExactly(() => encode(claims, secret, { algorithm: "HS256", enforceMinimumKeyLength: true }), jwt.InvalidKeyError);
    const warnings = [];
    assert.equal(decode(token, secret, { ...at, algorithms: ["HS256"], onWarning: (w) => warnings.push(w) }).sub, "victim");
    assert.equal(warnings.length, 1);
  });
}
test("weak keys: HS512 with a 32-byte secret (shorter than the hash) is refused with enforcement", () => {
  const token = encode(claims, SECRET, { algorithm: "HS512", onWarning: () => {} });
  throwsExactly(() => decode(token, SECRET, { ...at, algorithms: ["HS512"], enforceMinimumKeyLength: true }), jwt.InvalidKeyError);
});
