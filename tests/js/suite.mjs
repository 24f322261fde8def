// The one JS test suite, run unchanged in every runtime by a thin runner.
// `run(jwt)` takes the package's exports (however the runtime loaded them)
// and returns { passed, failed, failures }; runners print it with report().

export function assert(cond, message) {
  if (!cond) throw new Error(`assertion failed: ${message}`);
}

export function assertEq(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}

export function assertThrows(f, cls, code, what) {
  let thrown;
  try {
    f();
  } catch (e) {
    thrown = e;
  }
  if (thrown === undefined) throw new Error(`${what}: expected ${cls.name}, nothing was thrown`);
  if (!(thrown instanceof cls)) {
    throw new Error(`${what}: expected ${cls.name}, got ${thrown && thrown.name}: ${thrown && thrown.message}`);
  }
  if (code !== undefined) assertEq(thrown.code, code, `${what}: .code`);
  return thrown;
}

export const bytes = (s) => new TextEncoder().encode(s);
const SECRET = "a-string-secret-at-least-256-bits-long";

/** Every case: [title, (jwt) => void]. */
export const cases = [
  ["HS256 sign and verify with a string secret (getAlgorithmByName)", (jwt) => {
    const hs = jwt.getAlgorithmByName("HS256");
    assertEq(hs.name, "HS256", "name");
    const sig = hs.sign(bytes("header.payload"), SECRET);
    assert(sig instanceof Uint8Array && sig.length === 32, "HS256 gives 32 bytes");
    assert(hs.verify(bytes("header.payload"), SECRET, sig), "own signature verifies");
  }],

  ["HS256 with a Key object equals the string secret (RFC 7515 A.1 style MAC)", (jwt) => {
    const key = jwt.Key.fromSecret(SECRET);
    const hs = jwt.getAlgorithmByName("HS256");
    const a = hs.sign(bytes("m"), key);
    const b = hs.sign(bytes("m"), bytes(SECRET));
    assertEq(Array.from(a), Array.from(b), "same MAC");
    key.free();
    key.free(); // twice is harmless
    assertThrows(() => hs.sign(bytes("m"), key), TypeError, undefined, "a freed key");
  }],

  ["a tampered message or signature does not verify", (jwt) => {
    const hs = jwt.getAlgorithmByName("HS512");
    const sig = hs.sign(bytes("message"), SECRET);
    assert(!hs.verify(bytes("messagE"), SECRET, sig), "tampered message rejected");
    const bad = sig.slice();
    bad[0] ^= 1;
    assert(!hs.verify(bytes("message"), SECRET, bad), "tampered signature rejected");
    assert(!hs.verify(bytes("message"), "another-secret-at-least-256-bits-long!!", sig), "wrong secret rejected");
  }],

  ["an unknown algorithm is InvalidAlgorithmError with its code", (jwt) => {
    const e = assertThrows(() => jwt.getAlgorithmByName("HS999"), jwt.InvalidAlgorithmError,
      "ERR_JOSE_ALG_NOT_ALLOWED", "getAlgorithmByName");
    assert(e instanceof jwt.InvalidTokenError && e instanceof jwt.JWTError && e instanceof Error, "hierarchy");
    assertEq(e.name, "InvalidAlgorithmError", "name");
  }],

  ["the error classes follow PyJWT's hierarchy", (jwt) => {
    const e = new jwt.InvalidSignatureError("Signature verification failed");
    assert(e instanceof jwt.DecodeError && e instanceof jwt.InvalidTokenError && e instanceof jwt.JWTError, "chain");
    assertEq(e.code, "ERR_JWS_SIGNATURE_VERIFICATION_FAILED", "default code");
    assert(!(new jwt.InvalidKeyError("x") instanceof jwt.InvalidTokenError), "InvalidKeyError is not a token error");
    const m = new jwt.MissingRequiredClaimError('Token is missing the "exp" claim', { claim: "exp" });
    assertEq(m.claim, "exp", "claim");
  }],

  ["wrong argument types are TypeError", (jwt) => {
    assertThrows(() => jwt.getAlgorithmByName(42), TypeError, undefined, "name as number");
    const hs = jwt.getAlgorithmByName("HS256");
    assertThrows(() => hs.sign("not bytes", SECRET), TypeError, undefined, "msg as string");
    assertThrows(() => hs.sign(bytes("m"), 12), TypeError, undefined, "key as number");
    assertThrows(() => jwt.Key.fromSecret(null), TypeError, undefined, "null secret");
  }],
];


const NOW = 1_700_000_000;
const b64url = (bytes) => {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
};

/** Flips one bit of the signature part of a compact token. */
export function tamper(token) {
  const [h, p, s] = token.split(".");
  const c = s[0] === "A" ? "B" : "A";
  return `${h}.${p}.${c}${s.slice(1)}`;
}

function roundTrip(jwt, alg) {
  const { privateKey, publicKey } = jwt.Key.generate(alg);
  const claims = { sub: "user-1", name: "Ada", admin: true, n: [1, 2, 3], iat: NOW, exp: NOW + 600 };
  const token = jwt.encode(claims, privateKey, { algorithm: alg });
  assertEq(jwt.getUnverifiedHeader(token), { alg, typ: "JWT" }, `${alg} header`);
  assertEq(jwt.decode(token, publicKey, { algorithms: [alg], now: NOW + 1 }), claims, `${alg} claims`);
  assertThrows(() => jwt.decode(tamper(token), publicKey, { algorithms: [alg], now: NOW + 1 }),
    jwt.InvalidSignatureError, "ERR_JWS_SIGNATURE_VERIFICATION_FAILED", `${alg} tampered`);
  // The PEM and JWK exports verify too (what a user would ship to a verifier).
  assertEq(jwt.decode(token, publicKey.toPem(), { algorithms: [alg], now: NOW + 1 }).sub, "user-1", `${alg} via PEM`);
  assertEq(jwt.decode(token, publicKey.toJwk(), { algorithms: [alg], now: NOW + 1 }).sub, "user-1", `${alg} via JWK`);
}

cases.push(
  ["encode and decode HS256 with a string secret (RFC 7519 §3.1 shape)", (jwt) => {
    const token = jwt.encode({ sub: "1234567890", name: "John Doe", iat: 1516239022 }, SECRET);
    assertEq(token.split(".")[0], "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9", "header segment");
    const claims = jwt.decode(token, SECRET, { algorithms: ["HS256"] });
    assertEq(claims, { sub: "1234567890", name: "John Doe", iat: 1516239022 }, "claims in order");
    const full = jwt.decodeComplete(token, jwt.Key.fromSecret(SECRET), { algorithms: ["HS256"] });
    assertEq(full.header, { alg: "HS256", typ: "JWT" }, "header");
    assert(full.signature instanceof Uint8Array && full.signature.length === 32, "signature bytes");
    assertEq(b64url(full.signature), token.split(".")[2], "signature matches the token");
  }],

  ["encode and decode RS256 with a generated key pair", (jwt) => roundTrip(jwt, "RS256")],
  ["encode and decode ES256 with a generated key pair", (jwt) => roundTrip(jwt, "ES256")],
  ["encode and decode EdDSA with a generated key pair", (jwt) => roundTrip(jwt, "EdDSA")],

  ["every built-in algorithm signs and verifies (RFC 7518 §3.1 names)", (jwt) => {
    const rsa = jwt.Key.fromPem(jwt.Key.generate("RS256").privateKey.toPem()); // unbound: RS* and PS*
    const keys = {
      HS256: jwt.Key.generate("HS256"), HS384: jwt.Key.generate("HS384"), HS512: jwt.Key.generate("HS512"),
      RS256: rsa, RS384: rsa, RS512: rsa, PS256: rsa, PS384: rsa, PS512: rsa,
      ES256: jwt.Key.generate("ES256").privateKey, ES384: jwt.Key.generate("ES384").privateKey,
      ES512: jwt.Key.generate("ES512").privateKey, ES256K: jwt.Key.generate("ES256K").privateKey,
      EdDSA: jwt.Key.generate("EdDSA").privateKey,
    };
    for (const [alg, key] of Object.entries(keys)) {
      const token = jwt.encode({ alg_under_test: alg }, key, { algorithm: alg });
      const verifier = key.isPrivate && !alg.startsWith("HS") ? key.publicKey() : key;
      assertEq(jwt.decode(token, verifier, { algorithms: [alg] }).alg_under_test, alg, `${alg} round trip`);
      assertThrows(() => jwt.decode(tamper(token), verifier, { algorithms: [alg] }), jwt.InvalidSignatureError, undefined, `${alg} tampered`);
    }
  }],

  ["a detached payload (RFC 7797) is signed and verified separately", (jwt) => {
    const token = jwt.encode({ sub: "detached" }, SECRET, { isPayloadDetached: true });
    const [h, p] = token.split(".");
    assertEq(p, "", "payload segment left out");
    assertEq(jwt.getUnverifiedHeader(token).b64, false, "b64: false");
    const claims = jwt.decode(token, SECRET, { algorithms: ["HS256"], detachedPayload: '{"sub":"detached"}' });
    assertEq(claims.sub, "detached", "verified with the detached payload");
    assertThrows(() => jwt.decode(token, SECRET, { algorithms: ["HS256"], detachedPayload: '{"sub":"other"}' }),
      jwt.InvalidSignatureError, undefined, "another payload");
    assert(h.length > 0, "header present");
  }],

  ["an expired token is ExpiredSignatureError with its code", (jwt) => {
    const token = jwt.encode({ sub: "a", exp: NOW - 10 }, SECRET);
    const e = assertThrows(() => jwt.decode(token, SECRET, { algorithms: ["HS256"], now: NOW }),
      jwt.ExpiredSignatureError, "ERR_JWT_EXPIRED", "expired");
    assertEq(e.message, "Signature has expired", "PyJWT's message");
    assert(e instanceof jwt.InvalidTokenError, "is an InvalidTokenError");
    // Leeway (seconds) and a Date for `now` are honoured.
    assertEq(jwt.decode(token, SECRET, { algorithms: ["HS256"], now: new Date(NOW * 1000), leeway: 60 }).sub, "a", "leeway");
  }],

  ["a tampered token is InvalidSignatureError", (jwt) => {
    const token = jwt.encode({ sub: "a" }, SECRET, { algorithm: "HS384" });
    const e = assertThrows(() => jwt.decode(tamper(token), SECRET, { algorithms: ["HS384"] }),
      jwt.InvalidSignatureError, "ERR_JWS_SIGNATURE_VERIFICATION_FAILED", "tampered");
    assertEq(e.message, "Signature verification failed", "PyJWT's message");
    assertThrows(() => jwt.decode(token, "another-secret-at-least-256-bits-long!!", { algorithms: ["HS384"] }),
      jwt.InvalidSignatureError, undefined, "wrong secret");
  }],

  ["a JWK Set picks the key by kid", (jwt) => {
    const a = jwt.Key.generate("ES256").privateKey.withKid("key-a");
    const b = jwt.Key.generate("ES256").privateKey.withKid("key-b");
    const set = new jwt.JwkSet({ keys: [a.publicKey().toJwk(), b.publicKey().toJwk()] });
    assertEq(set.keys.map((k) => k.kid), ["key-a", "key-b"], "kids");
    const token = jwt.encode({ sub: "b" }, b, { algorithm: "ES256", headers: { kid: "key-b" } });
    assertEq(jwt.getUnverifiedHeader(token).kid, "key-b", "kid in header");
    assertEq(jwt.decode(token, set, { algorithms: ["ES256"] }).sub, "b", "verified with key-b");
    const other = jwt.encode({ sub: "c" }, b, { algorithm: "ES256", headers: { kid: "key-c" } });
    assertThrows(() => jwt.decode(other, set, { algorithms: ["ES256"] }), jwt.JWKSetError,
      "ERR_JWKS_NO_MATCHING_KEY", "unknown kid");
    assertEq(set.get("key-a").thumbprint(), a.thumbprint(), "get(kid)");
  }],

  ["algorithms is required and enforced", (jwt) => {
    const token = jwt.encode({ sub: "a" }, SECRET);
    assertThrows(() => jwt.decode(token, SECRET), jwt.DecodeError, undefined, "no algorithms");
    assertThrows(() => jwt.decode(token, SECRET, { algorithms: ["HS512"] }), jwt.InvalidAlgorithmError,
      "ERR_JOSE_ALG_NOT_ALLOWED", "not allowed");
    const none = jwt.encode({ sub: "a" }, null, { algorithm: "none" });
    assertThrows(() => jwt.decode(none, SECRET, { algorithms: ["HS256"] }), jwt.InvalidAlgorithmError, undefined, "alg none");
    assertEq(jwt.decode(none, null, { verifySignature: false }).sub, "a", "unverified decode");
  }],

  ["audience, issuer and required claims", (jwt) => {
    const token = jwt.encode({ sub: "a", aud: ["api", "web"], iss: "https://issuer" }, SECRET);
    const o = { algorithms: ["HS256"] };
    assertEq(jwt.decode(token, SECRET, { ...o, audience: "web", issuer: "https://issuer" }).sub, "a", "match");
    assertThrows(() => jwt.decode(token, SECRET, { ...o, audience: "other" }), jwt.InvalidAudienceError, "ERR_JWT_AUDIENCE_INVALID", "aud");
    assertThrows(() => jwt.decode(token, SECRET, { ...o, audience: "api", issuer: "https://other" }), jwt.InvalidIssuerError, "ERR_JWT_ISSUER_INVALID", "iss");
    const e = assertThrows(() => jwt.decode(token, SECRET, { ...o, audience: "api", require: ["exp"] }),
      jwt.MissingRequiredClaimError, "ERR_JWT_CLAIM_MISSING", "require");
    assertEq(e.claim, "exp", ".claim");
    assertEq(e.message, 'Token is missing the "exp" claim', "message");
  }],

  ["non-ASCII claims survive encode and decode (UTF-8 into wasm memory)", (jwt) => {
    const claims = { name: "Zoë Ünal", city: "東京", mood: "😀", long: "é".repeat(5000) };
    const token = jwt.encode(claims, SECRET);
    assertEq(jwt.decode(token, SECRET, { algorithms: ["HS256"] }), claims, "round trip");
    assertEq(jwt.getUnverifiedClaims(token), claims, "unverified read");
    assertThrows(() => jwt.decode(`${token.slice(0, 10)}é${token.slice(11)}`, SECRET, { algorithms: ["HS256"] }),
      jwt.DecodeError, undefined, "a non-ASCII character in the token");
  }],

  ["one options object changed between calls is read afresh each time (parsed-options cache)", (jwt) => {
    const token = jwt.encode({ sub: "a", aud: "api", iss: "https://issuer" }, SECRET);
    const o = { algorithms: ["HS256"], audience: "api" };
    assertEq(jwt.decode(token, SECRET, o).sub, "a", "first call");
    o.audience = "other";
    assertThrows(() => jwt.decode(token, SECRET, o), jwt.InvalidAudienceError, "ERR_JWT_AUDIENCE_INVALID", "audience replaced");
    o.audience = ["other", "api"];
    assertEq(jwt.decode(token, SECRET, o).sub, "a", "audience list");
    o.audience.pop();
    assertThrows(() => jwt.decode(token, SECRET, o), jwt.InvalidAudienceError, "ERR_JWT_AUDIENCE_INVALID", "list shrunk in place");
    o.audience[0] = "api";
    assertEq(jwt.decode(token, SECRET, o).sub, "a", "element replaced in place");
    o.algorithms[0] = "HS512";
    assertThrows(() => jwt.decode(token, SECRET, o), jwt.InvalidAlgorithmError, undefined, "algorithm replaced in place");
    o.algorithms[0] = "HS256";
    o.issuer = "https://other";
    assertThrows(() => jwt.decode(token, SECRET, o), jwt.InvalidIssuerError, "ERR_JWT_ISSUER_INVALID", "member added");
    delete o.issuer;
    o.now = new Date(0);
    assertEq(jwt.decode(token, SECRET, o).sub, "a", "member removed, per-call now added");
    o.audiance = "typo";
    assertThrows(() => jwt.decode(token, SECRET, o), TypeError, undefined, "unknown member added later");
    delete o.audiance;
    o.leeway = Infinity;
    assertThrows(() => jwt.decode(token, SECRET, o), TypeError, undefined, "a non-finite leeway set later");
  }],

  ["a JWK object changed between calls is read afresh each time (parsed-key cache)", (jwt) => {
    const a = jwt.Key.generate("ES256");
    const b = jwt.Key.generate("ES256");
    const o = { algorithms: ["ES256"] };
    const tokenA = jwt.encode({ sub: "a" }, a.privateKey, { algorithm: "ES256" });
    const tokenB = jwt.encode({ sub: "b" }, b.privateKey, { algorithm: "ES256" });
    const jwk = a.publicKey.toJwk();
    for (let i = 0; i < 3; i++) assertEq(jwt.decode(tokenA, jwk, o).sub, "a", `call ${i + 1}`);
    Object.assign(jwk, b.publicKey.toJwk());
    assertThrows(() => jwt.decode(tokenA, jwk, o), jwt.InvalidSignatureError,
      "ERR_JWS_SIGNATURE_VERIFICATION_FAILED", "key replaced in place");
    assertEq(jwt.decode(tokenB, jwk, o).sub, "b", "the replacing key");
    jwk.alg = "ES384";
    assertThrows(() => jwt.decode(tokenB, jwk, o), jwt.InvalidKeyError, "ERR_KEY_INVALID", "alg changed in place");
    delete jwk.x;
    assertThrows(() => jwt.decode("not a token", jwk, o), jwt.JWKError, "ERR_JWK_INVALID", "a bad JWK before a bad token");
    // Signing: the private JWK object, changed in place, signs with its new key.
    const signer = a.privateKey.toJwk();
    assertEq(jwt.decode(jwt.encode({ sub: "s" }, signer, { algorithm: "ES256" }), a.publicKey, o).sub, "s", "signed by a");
    Object.assign(signer, b.privateKey.toJwk());
    const signed = jwt.encode({ sub: "s" }, signer, { algorithm: "ES256" });
    assertEq(jwt.decode(signed, b.publicKey, o).sub, "s", "signed by b");
    assertThrows(() => jwt.decode(signed, a.publicKey, o), jwt.InvalidSignatureError,
      "ERR_JWS_SIGNATURE_VERIFICATION_FAILED", "not by a");
    // The same text is a different key to each reading: a JWK's JSON text
    // given as an HMAC secret still meets the algorithm-confusion guard.
    const oct = { kty: "oct", k: "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA" };
    const hs = jwt.encode({ sub: "h" }, oct, { algorithm: "HS256" });
    assertEq(jwt.decode(hs, oct, { algorithms: ["HS256"] }).sub, "h", "oct JWK");
    assertThrows(() => jwt.decode(hs, JSON.stringify(oct), { algorithms: ["HS256"] }), jwt.InvalidKeyError,
      "ERR_KEY_INVALID", "its text as a secret");
  }],

  ["Dates in exp/nbf/iat become NumericDate seconds", (jwt) => {
    const token = jwt.encode({ sub: "a", exp: new Date((NOW + 60) * 1000 + 999), nbf: new Date(NOW * 1000) }, SECRET);
    const claims = jwt.getUnverifiedClaims(token);
    assertEq([claims.sub, claims.exp, claims.nbf], ["a", NOW + 60, NOW], "seconds");
  }],

  ["malformed tokens are DecodeError", (jwt) => {
    assertThrows(() => jwt.decode("abc", SECRET, { algorithms: ["HS256"] }), jwt.DecodeError, "ERR_JWT_DECODE", "one segment");
    assertThrows(() => jwt.getUnverifiedHeader("e30.e30"), jwt.DecodeError, undefined, "two segments");
  }],

  ["short HMAC keys warn through onWarning, or fail when enforced", (jwt) => {
    const seen = [];
    const token = jwt.encode({ sub: "a" }, "short", { onWarning: (m) => seen.push(m) });
    assertEq(seen.length, 1, "one warning on encode");
    jwt.decode(token, "short", { algorithms: ["HS256"], onWarning: (m) => seen.push(m) });
    assertEq(seen.length, 2, "one warning on decode");
    assertThrows(() => jwt.decode(token, "short", { algorithms: ["HS256"], enforceMinimumKeyLength: true }),
      jwt.InvalidKeyError, "ERR_KEY_INVALID", "enforced");
  }],

  ["a PEM string used as an HMAC secret is refused (algorithm confusion)", (jwt) => {
    const pem = jwt.Key.generate("RS256").publicKey.toPem();
    assertThrows(() => jwt.encode({ sub: "a" }, pem, { algorithm: "HS256" }), jwt.InvalidKeyError, "ERR_KEY_INVALID", "encode");
    const forged = jwt.getAlgorithmByName("HS256");
    assertThrows(() => forged.sign(bytes("x"), pem), jwt.InvalidKeyError, undefined, "sign");
  }],

  ["registerAlgorithm adds a JS algorithm; unregisterAlgorithm removes built-ins", (jwt) => {
    const xor = {
      sign: (msg) => Uint8Array.of(msg.reduce((a, b) => a ^ b, 0)),
      verify: (msg, _key, sig) => sig.length === 1 && sig[0] === msg.reduce((a, b) => a ^ b, 0),
    };
    jwt.registerAlgorithm("XOR8", xor);
    try {
      const token = jwt.encode({ sub: "x" }, "k", { algorithm: "XOR8" });
      assertEq(jwt.decode(token, "k", { algorithms: ["XOR8"] }).sub, "x", "custom round trip");
      assertThrows(() => jwt.decode(tamper(token), "k", { algorithms: ["XOR8"] }), jwt.InvalidSignatureError, undefined, "custom tampered");
      const hs = jwt.encode({ sub: "h" }, SECRET);
      assertEq(jwt.decode(hs, SECRET, { algorithms: ["HS256"] }).sub, "h", "built-ins still work");
      const ec = jwt.Key.generate("ES256").privateKey.withKid("ec-1");
      const set = new jwt.JwkSet({ keys: [ec.publicKey().toJwk()] });
      const es = jwt.encode({ sub: "e" }, ec, { algorithm: "ES256", headers: { kid: "ec-1" } });
      assertEq(jwt.decode(es, set, { algorithms: ["ES256"] }).sub, "e", "JWK Sets still work");
      const builtin = jwt.getAlgorithmByName("HS256");
      jwt.unregisterAlgorithm("HS256");
      try {
        assertThrows(() => jwt.decode(hs, SECRET, { algorithms: ["HS256"] }), jwt.InvalidAlgorithmError, undefined, "removed");
        assertThrows(() => jwt.getAlgorithmByName("HS256"), jwt.InvalidAlgorithmError, undefined, "lookup removed");
        assertThrows(() => jwt.encode({ sub: "h" }, SECRET), jwt.InvalidAlgorithmError, undefined, "encode removed");
      } finally {
        jwt.registerAlgorithm("HS256", builtin); // PyJWT's way back: register the built-in again
      }
      assertEq(jwt.decode(hs, SECRET, { algorithms: ["HS256"] }).sub, "h", "restored");
    } finally {
      jwt.unregisterAlgorithm("XOR8");
    }
  }],

  ["wrong option types and unknown options are TypeError", (jwt) => {
    const token = jwt.encode({ sub: "a" }, SECRET);
    assertThrows(() => jwt.decode(token, SECRET, { algorithms: "HS256" }), TypeError, undefined, "algorithms as string");
    assertThrows(() => jwt.decode(token, SECRET, { algorithms: ["HS256"], audiance: "x" }), TypeError, undefined, "misspelt option");
    assertThrows(() => jwt.decode(token, SECRET, { algorithms: ["HS256"], leeway: "10" }), TypeError, undefined, "leeway as string");
    assertThrows(() => jwt.decode(token, SECRET, { algorithms: ["HS256"], leeway: NaN }), TypeError, undefined, "NaN leeway");
    assertThrows(() => jwt.decode(token, SECRET, { algorithms: ["HS256"], now: new Date("nope") }), TypeError, undefined, "invalid Date");
    assertThrows(() => jwt.encode({ sub: "a" }, SECRET, { algorithm: 256 }), TypeError, undefined, "algorithm as number");
    assertThrows(() => jwt.encode({ sub: "a" }, SECRET, { sortheaders: false }), TypeError, undefined, "unknown encode option");
    assertThrows(() => jwt.decode(42, SECRET, { algorithms: ["HS256"] }), TypeError, undefined, "token as number");
    assertThrows(() => new jwt.JwkSet(7), TypeError, undefined, "JwkSet from a number");
    assertThrows(() => jwt.encode(["not", "an", "object"], SECRET), TypeError, undefined, "array payload");
    assertThrows(() => jwt.encode("text", SECRET), TypeError, undefined, "string payload");
  }],
);

/**
 * Runs every case of `list` (this file's cases by default) as `f(jwt, other)`;
 * never throws. `other` is a second module for cases that compare flavours.
 */
export function run(jwt, list = cases, other = undefined) {
  const failures = [];
  let passed = 0;
  for (const [title, f] of list) {
    try {
      f(jwt, other);
      passed++;
    } catch (e) {
      failures.push(`${title}: ${e && e.stack ? e.stack : e}`);
    }
  }
  return { passed, failed: failures.length, failures };
}

/**
 * What every runner prints; `cargo xtask test` parses these lines: one
 * `JWT_WASM_FAILURE` line per failed case, then the `JWT_WASM_RESULT` line
 * with the totals of every result given.
 */
export function report(...results) {
  const failures = results.flatMap((r) => r.failures);
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const lines = failures.map((f) => `JWT_WASM_FAILURE ${f.replace(/\s*\n\s*/g, " | ")}`);
  lines.push(`JWT_WASM_RESULT passed=${passed} failed=${failures.length}`);
  return lines.join("\n");
}
