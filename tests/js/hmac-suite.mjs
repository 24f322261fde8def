// The cases of the `jwt-wasm/hmac` flavour, run by every runner next to the
// main suite: `run(hmac, hmacCases, full)` calls each case as `f(hmac, full)`
// with both flavours as the runtime loaded them, so the cases also check
// that the two produce and accept the very same tokens.

import { assert, assertEq, assertThrows, bytes, tamper } from "./suite.mjs";

const NOW = 1_700_000_000;
// 64 bytes: long enough for HS512, so no key-length warning is printed.
const SECRET = "hmac-flavour-secret-0123456789-0123456789-0123456789-0123456789!";
const HMAC_ALGS = { HS256: 32, HS384: 48, HS512: 64 };
const OTHER_ALGS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "ES256K", "EdDSA"];
const refusal = (alg) => `jwt-wasm/hmac supports only HS256, HS384 and HS512; import "jwt-wasm" for ${alg}`;

export const hmacCases = [
  ["jwt-wasm/hmac: HS256, HS384 and HS512 sign and verify (getAlgorithmByName)", (hmac, full) => {
    for (const [alg, len] of Object.entries(HMAC_ALGS)) {
      const a = hmac.getAlgorithmByName(alg);
      assertEq(a.name, alg, `${alg} name`);
      const sig = a.sign(bytes("header.payload"), SECRET);
      assert(sig instanceof Uint8Array && sig.length === len, `${alg} gives ${len} bytes`);
      assert(a.verify(bytes("header.payload"), SECRET, sig), `${alg} own signature verifies`);
      assert(!a.verify(bytes("header.payloaD"), SECRET, sig), `${alg} tampered message rejected`);
      const fromFull = full.getAlgorithmByName(alg).sign(bytes("header.payload"), SECRET);
      assertEq(Array.from(sig), Array.from(fromFull), `${alg} same MAC as jwt-wasm`);
    }
  }],

  ["jwt-wasm/hmac: encode and decode round trip, and tokens match jwt-wasm's", (hmac, full) => {
    const claims = { sub: "user-1", name: "Ada", admin: true, n: [1, 2.5, -3], iat: NOW, exp: NOW + 600 };
    for (const alg of Object.keys(HMAC_ALGS)) {
      const token = hmac.encode(claims, SECRET, { algorithm: alg, headers: { kid: "k1" } });
      assertEq(token, full.encode(claims, SECRET, { algorithm: alg, headers: { kid: "k1" } }), `${alg} same token`);
      assertEq(hmac.getUnverifiedHeader(token), { alg, kid: "k1", typ: "JWT" }, `${alg} header`);
      assertEq(hmac.decode(token, SECRET, { algorithms: [alg], now: NOW + 1 }), claims, `${alg} claims`);
      const key = hmac.Key.fromSecret(SECRET, alg);
      assertEq(hmac.decode(token, key, { algorithms: [alg], now: NOW + 1 }).sub, "user-1", `${alg} with a Key`);
      assertEq(hmac.decode(token, bytes(SECRET), { algorithms: [alg], now: NOW + 1 }).sub, "user-1", `${alg} with bytes`);
      const full_ = hmac.decodeComplete(token, SECRET, { algorithms: [alg], now: NOW + 1 });
      assertEq(full_.signature.length, HMAC_ALGS[alg], `${alg} signature bytes`);
      const e = assertThrows(() => hmac.decode(tamper(token), SECRET, { algorithms: [alg], now: NOW + 1 }),
        hmac.InvalidSignatureError, "ERR_JWS_SIGNATURE_VERIFICATION_FAILED", `${alg} tampered`);
      assertEq(e.message, "Signature verification failed", "PyJWT's message");
      assertEq(full.decode(token, SECRET, { algorithms: [alg], now: NOW + 1 }), claims, `${alg} verified by jwt-wasm`);
    }
  }],

  ["jwt-wasm/hmac: claim checks and their error classes and codes", (hmac) => {
    const o = { algorithms: ["HS256"], now: NOW };
    const expired = hmac.encode({ sub: "a", exp: NOW - 10 }, SECRET);
    const e = assertThrows(() => hmac.decode(expired, SECRET, o), hmac.ExpiredSignatureError, "ERR_JWT_EXPIRED", "exp");
    assertEq(e.message, "Signature has expired", "exp message");
    assert(e instanceof hmac.InvalidTokenError && e instanceof hmac.JWTError && e instanceof Error, "hierarchy");
    assertEq(hmac.decode(expired, SECRET, { ...o, leeway: 60 }).sub, "a", "leeway");
    const early = hmac.encode({ sub: "a", nbf: NOW + 100 }, SECRET);
    assertThrows(() => hmac.decode(early, SECRET, o), hmac.ImmatureSignatureError, "ERR_JWT_NOT_YET_VALID", "nbf");
    const token = hmac.encode({ sub: "a", aud: ["api", "web"], iss: "https://issuer" }, SECRET);
    assertEq(hmac.decode(token, SECRET, { ...o, audience: "web", issuer: "https://issuer" }).sub, "a", "aud and iss match");
    assertThrows(() => hmac.decode(token, SECRET, { ...o, audience: "other" }), hmac.InvalidAudienceError,
      "ERR_JWT_AUDIENCE_INVALID", "aud");
    assertThrows(() => hmac.decode(token, SECRET, { ...o, audience: "api", issuer: "https://other" }),
      hmac.InvalidIssuerError, "ERR_JWT_ISSUER_INVALID", "iss");
    const m = assertThrows(() => hmac.decode(token, SECRET, { ...o, audience: "api", require: ["exp"] }),
      hmac.MissingRequiredClaimError, "ERR_JWT_CLAIM_MISSING", "require");
    assertEq([m.claim, m.message], ["exp", 'Token is missing the "exp" claim'], "claim and message");
    assertThrows(() => hmac.decode(token, SECRET, { algorithms: ["HS512"] }), hmac.InvalidAlgorithmError,
      "ERR_JOSE_ALG_NOT_ALLOWED", "alg not in the allowed list");
    assertThrows(() => hmac.decode("abc", SECRET, o), hmac.DecodeError, "ERR_JWT_DECODE", "malformed");
    assertThrows(() => hmac.decode(token, SECRET, { algorithms: "HS256" }), TypeError, undefined, "algorithms as string");
  }],

  ["jwt-wasm/hmac: other algorithms are InvalidAlgorithmError saying what to import", (hmac, full) => {
    for (const alg of OTHER_ALGS) {
      const e = assertThrows(() => hmac.getAlgorithmByName(alg), hmac.InvalidAlgorithmError,
        "ERR_JOSE_ALG_NOT_ALLOWED", `getAlgorithmByName(${alg})`);
      assertEq(e.message, refusal(alg), `${alg} message`);
      assertThrows(() => hmac.encode({ sub: "a" }, SECRET, { algorithm: alg }), hmac.InvalidAlgorithmError,
        "ERR_JOSE_ALG_NOT_ALLOWED", `encode ${alg} with a string`);
      assertThrows(() => hmac.encode({ sub: "a" }, hmac.Key.fromSecret(SECRET), { algorithm: alg }),
        hmac.InvalidAlgorithmError, "ERR_JOSE_ALG_NOT_ALLOWED", `encode ${alg} with a Key`);
      assertThrows(() => hmac.Key.generate(alg), hmac.InvalidAlgorithmError, "ERR_JOSE_ALG_NOT_ALLOWED", `generate ${alg}`);
      assertThrows(() => hmac.Key.fromSecret(SECRET, alg), hmac.InvalidAlgorithmError, undefined, `bind a secret to ${alg}`);
    }
    const alias = assertThrows(() => hmac.getAlgorithmByName("ES521"), hmac.InvalidAlgorithmError, undefined, "ES521");
    assertEq(alias.message, refusal("ES512"), "the alias names its algorithm");
    assertEq(hmac.getAlgorithmByName("none").name, full.getAlgorithmByName("none").name, "none as in jwt-wasm");
  }],

  ["jwt-wasm/hmac: asymmetric tokens and keys are refused with typed errors", (hmac, full) => {
    const { privateKey, publicKey } = full.Key.generate("ES256");
    const token = full.encode({ sub: "a" }, privateKey, { algorithm: "ES256" });
    const e = assertThrows(() => hmac.decode(token, publicKey.toPem(), { algorithms: ["ES256"] }),
      hmac.InvalidAlgorithmError, "ERR_JOSE_ALG_NOT_ALLOWED", "decode ES256");
    assertEq(e.message, refusal("ES256"), "decode message");
    assertThrows(() => hmac.decode(token, SECRET, { algorithms: ["HS256"] }), hmac.InvalidAlgorithmError,
      undefined, "an ES256 token where only HS256 is allowed");
    const k = assertThrows(() => hmac.Key.fromPem(publicKey.toPem()), hmac.InvalidKeyError, "ERR_KEY_INVALID", "fromPem");
    assert(/jwt-wasm\/hmac supports only HMAC secrets/.test(k.message), `fromPem message: ${k.message}`);
    assertThrows(() => hmac.Key.fromDer(bytes("not der")), hmac.InvalidKeyError, "ERR_KEY_INVALID", "fromDer");
    assertThrows(() => hmac.Key.fromJwk(publicKey.toJwk()), hmac.InvalidKeyError, "ERR_KEY_INVALID", "EC JWK");
    // A PEM is never an HMAC secret (algorithm confusion, RFC 8725 §3.1).
    assertThrows(() => hmac.encode({ sub: "a" }, publicKey.toPem(), { algorithm: "HS256" }), hmac.InvalidKeyError,
      "ERR_KEY_INVALID", "PEM as a secret");
    // A JWK Set keeps the keys this flavour can use and skips the others.
    const oct = hmac.Key.fromSecret(SECRET).withKid("oct-1");
    const set = new hmac.JwkSet({ keys: [publicKey.withKid("ec-1").toJwk(), oct.toJwk()] });
    assertEq(set.keys.map((key) => key.kid), ["oct-1"], "only the oct key is usable");
    const hs = hmac.encode({ sub: "s" }, oct, { algorithm: "HS384", headers: { kid: "oct-1" } });
    assertEq(hmac.decode(hs, set, { algorithms: ["HS384"] }).sub, "s", "verified through the set");
    assertThrows(() => new hmac.JwkSet({ keys: [publicKey.toJwk()] }), hmac.JWKSetError, "ERR_JWKS_INVALID", "no usable key");
  }],

  ["jwt-wasm/hmac: keys, JWKs and thumbprints as in jwt-wasm", (hmac, full) => {
    for (const alg of Object.keys(HMAC_ALGS)) {
      const key = hmac.Key.generate(alg);
      assertEq(key.alg, alg, `${alg} generated key is bound`);
      assert(key.isPrivate, "secrets count as private");
      const jwk = key.toJwk();
      assertEq(jwk.kty, "oct", "oct JWK");
      assertEq(hmac.Key.fromJwk(jwk).thumbprint(), full.Key.fromJwk(jwk).thumbprint(), `${alg} thumbprint`);
      assertThrows(() => key.publicKey(), hmac.InvalidKeyError, "ERR_KEY_INVALID", "a secret has no public key");
      const pem = assertThrows(() => key.toPem(), hmac.InvalidKeyError, "ERR_KEY_INVALID", "a secret has no PEM");
      const fullPem = assertThrows(() => full.Key.fromJwk(jwk).toPem(), full.InvalidKeyError, "ERR_KEY_INVALID", "full toPem");
      assertEq(pem.message, fullPem.message, "toPem refuses a secret as jwt-wasm does");
    }
  }],

  ["jwt-wasm/hmac: its own error classes, registerAlgorithm, and TypeErrors", (hmac, full) => {
    assert(hmac.InvalidAlgorithmError !== full.InvalidAlgorithmError, "each flavour has its own classes");
    const err = new hmac.InvalidSignatureError("x");
    assert(err instanceof hmac.DecodeError && err instanceof hmac.InvalidTokenError, "PyJWT's hierarchy");
    assertEq(err.code, "ERR_JWS_SIGNATURE_VERIFICATION_FAILED", "default code");
    const xor = {
      sign: (msg) => Uint8Array.of(msg.reduce((a, b) => a ^ b, 0)),
      verify: (msg, _key, sig) => sig.length === 1 && sig[0] === msg.reduce((a, b) => a ^ b, 0),
    };
    hmac.registerAlgorithm("XOR8", xor);
    try {
      const token = hmac.encode({ sub: "x" }, "k", { algorithm: "XOR8" });
      assertEq(hmac.decode(token, "k", { algorithms: ["XOR8"] }).sub, "x", "custom round trip");
    } finally {
      hmac.unregisterAlgorithm("XOR8");
    }
    assertThrows(() => hmac.getAlgorithmByName(42), TypeError, undefined, "name as number");
    assertThrows(() => hmac.encode({ sub: "a" }, 12), TypeError, undefined, "key as number");
  }],
];
