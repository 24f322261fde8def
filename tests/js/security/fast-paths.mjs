// The verification fast paths (issue 7) as the wasm build runs them: RSA's
// Montgomery arithmetic, whose inner loop uses WebAssembly SIMD there (the
// native `cargo test` runs the scalar loop), and the P-256, P-384, P-521 and
// secp256k1 verifiers.
//
// 1. Random keys of several sizes and exponents, signed by node:crypto
//    (OpenSSL): each signature verifies, and the same signature with one bit
//    flipped, or over a changed message, does not.
// 2. The Wycheproof RSA and ECDSA files in ../shared/vectors (passed in
//    JWT_WASM_VECTORS by `cargo xtask test`), with the rules of the Rust
//    tests (src/alg/tests/wycheproof_rsa.rs, wycheproof_ecdsa.rs). Without
//    the folder those cases print a SKIPPED line and pass.

import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { generateKeyPairSync, randomBytes, randomInt, sign, constants } from "node:crypto";
import * as jwt from "jwt-wasm";
import { test, run } from "./harness.mjs";

const HASH = { 256: "sha256", 384: "sha384", 512: "sha512" };
const RSA_ALGS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512"];

/** node:crypto's signature of `msg` for a JWS algorithm. */
function opensslSign(alg, msg, privateKey) {
  const hash = HASH[alg.slice(2, 5)];
  if (alg.startsWith("PS")) {
    return sign(hash, msg, { key: privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: Number(alg.slice(2)) / 8 });
  }
  if (alg.startsWith("ES")) return sign(hash, msg, { key: privateKey, dsaEncoding: "ieee-p1363" });
  return sign(hash, msg, privateKey);
}

/** A copy of `bytes` with one random bit flipped. */
function flipBit(bytes) {
  const out = Uint8Array.from(bytes);
  out[randomInt(out.length)] ^= 1 << randomInt(8);
  return out;
}

/**
 * For `rounds` random messages per algorithm: the OpenSSL signature
 * verifies, a one-bit change of it fails, and so does a changed message.
 */
function checkRandom(algs, privateKey, publicPem, rounds) {
  const key = jwt.Key.fromPem(publicPem);
  let checked = 0;
  for (const alg of algs) {
    const verify = jwt.getAlgorithmByName(alg).verify;
    for (let i = 0; i < rounds; i++) {
      const msg = randomBytes(randomInt(0, 400));
      const sig = new Uint8Array(opensslSign(alg, msg, privateKey));
      assert.equal(verify(msg, key, sig), true, `${alg}: a valid signature was rejected`);
      assert.equal(verify(msg, key, flipBit(sig)), false, `${alg}: a changed signature verified`);
      const other = msg.length > 0 ? flipBit(msg) : new Uint8Array([0]);
      assert.equal(verify(other, key, sig), false, `${alg}: a signature verified another message`);
      checked += 1;
    }
  }
  return checked;
}

// Sizes around the 28-bit limb boundaries (2,044 = 73 limbs), odd lengths,
// and the largest common key; e = 3 as well as 65537.
const RSA_KEYS = [
  [2048, 65537], [2049, 65537], [2055, 65537], [2072, 3], [2304, 65537],
  [3072, 65537], [3073, 3], [4096, 65537],
];

test("RSA: OpenSSL signatures on random keys verify; one-bit changes do not", () => {
  let checked = 0;
  for (const [modulusLength, publicExponent] of RSA_KEYS) {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength, publicExponent });
    checked += checkRandom(RSA_ALGS, privateKey, publicKey.export({ type: "spki", format: "pem" }), 8);
  }
  assert.equal(checked, RSA_KEYS.length * RSA_ALGS.length * 8);
  console.log(`fast paths: ${checked} RSA signatures from OpenSSL on ${RSA_KEYS.length} random keys, each also changed`);
});

for (const [alg, namedCurve] of [
  ["ES256", "prime256v1"],
  ["ES384", "secp384r1"],
  ["ES512", "secp521r1"],
  ["ES256K", "secp256k1"],
]) {
  test(`${alg}: OpenSSL signatures on random keys verify; one-bit changes do not`, () => {
    let checked = 0;
    for (let i = 0; i < 40; i++) {
      const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve });
      checked += checkRandom([alg], privateKey, publicKey.export({ type: "spki", format: "pem" }), 10);
    }
    assert.equal(checked, 400);
    console.log(`fast paths: ${checked} ${alg} signatures from OpenSSL on 40 random keys, each also changed`);
  });
}

// ------------------------------------------------------------ Wycheproof
const VECTORS = process.env.JWT_WASM_VECTORS;

/** The parsed Wycheproof file, or null (and a SKIPPED line) without the folder. */
function wycheproof(name) {
  const path = VECTORS && join(VECTORS, "wycheproof", name);
  if (!path || !existsSync(path)) {
    console.log(`SKIPPED wycheproof ${name}: ../shared/vectors is missing (JWT_WASM_VECTORS=${VECTORS})`);
    return null;
  }
  return JSON.parse(readFileSync(path, "utf8"));
}

const hex = (s) => Uint8Array.from(Buffer.from(s, "hex"));

/**
 * Runs every group that `algOf` maps to a JWS algorithm; `expected` gives
 * the verdict for a case. Returns [checked, skipped groups].
 */
function runFile(data, algOf, expected) {
  let checked = 0;
  let skipped = 0;
  for (const group of data.testGroups) {
    const alg = algOf(group);
    if (!alg) {
      skipped += 1;
      continue;
    }
    const key = jwt.Key.fromPem(group.publicKeyPem);
    const verify = jwt.getAlgorithmByName(alg).verify;
    for (const t of group.tests) {
      let got;
      try {
        got = verify(hex(t.msg), key, hex(t.sig));
      } catch (e) {
        assert.fail(`tcId ${t.tcId}: threw ${e.name}: ${e.message}`);
      }
      assert.equal(got, expected(t), `tcId ${t.tcId} (${t.result}, ${t.comment})`);
      checked += 1;
    }
  }
  return [checked, skipped];
}

const SHA = { "SHA-256": "256", "SHA-384": "384", "SHA-512": "512" };

for (const bits of [2048, 3072, 4096]) {
  for (const sha of ["256", "384", "512"]) {
    const name = `rsa_signature_${bits}_sha${sha}_test.json`;
    test(`Wycheproof ${name}`, () => {
      const data = wycheproof(name);
      if (!data) return;
      // `acceptable` is the DigestInfo without NULL, which we reject on purpose.
      const [checked] = runFile(data, (g) => `RS${SHA[g.sha]}`, (t) => t.result === "valid");
      assert.ok(checked >= 200, `only ${checked} cases`);
    });
  }
}

for (const name of [
  "rsa_pss_2048_sha256_mgf1_32_test.json", "rsa_pss_2048_sha384_mgf1_48_test.json",
  "rsa_pss_3072_sha256_mgf1_32_test.json", "rsa_pss_4096_sha256_mgf1_32_test.json",
  "rsa_pss_4096_sha384_mgf1_48_test.json", "rsa_pss_4096_sha512_mgf1_64_test.json",
]) {
  test(`Wycheproof ${name}`, () => {
    const data = wycheproof(name);
    if (!data) return;
    // JWS's PS* parameters: MGF1 with the message hash, salt as long as the hash.
    const jws = (g) => g.mgfSha === g.sha && g.sLen === Number(SHA[g.sha]) / 8 && `PS${SHA[g.sha]}`;
    const [checked, skipped] = runFile(data, jws, (t) => t.result === "valid");
    assert.equal(skipped, 0, "every group of these files has JWS parameters");
    assert.ok(checked >= 100, `only ${checked} cases`);
  });
}

for (const [name, alg] of [
  ["ecdsa_secp256r1_sha256_p1363_test.json", "ES256"],
  ["ecdsa_secp384r1_sha384_p1363_test.json", "ES384"],
  ["ecdsa_secp521r1_sha512_p1363_test.json", "ES512"],
  ["ecdsa_secp256k1_sha256_p1363_test.json", "ES256K"],
]) {
  test(`Wycheproof ${name}`, () => {
    const data = wycheproof(name);
    if (!data) return;
    const [checked] = runFile(data, () => alg, (t) => {
      assert.ok(t.result === "valid" || t.result === "invalid", `tcId ${t.tcId}: ${t.result}`);
      return t.result === "valid";
    });
    assert.ok(checked >= 250, `only ${checked} cases`);
  });
}

await run("fast-paths");
