// Differential tests against PyJWT and jose (issue 6 §4).
//
// 1. Tokens signed by PyJWT and by jose verify with ours.
// 2. Tokens signed by ours verify with PyJWT and jose.
// 3. For every corpus token, option set and key form (PEM, JWK), our
//    accept/reject decision equals PyJWT's; the only differences allowed are
//    the strictness choices of README "Differences from PyJWT", each named.
//
// Needs PYJWT_PYTHON (a python with PyJWT) and PYJWT_SCRIPT
// (tests/differential/pyjwt_side.py); `cargo xtask test` sets both.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHmac, generateKeyPairSync, randomBytes } from "node:crypto";
import * as jose from "jose";
import * as jwt from "jwt-wasm";
import { test, run } from "./harness.mjs";

const PYTHON = process.env.PYJWT_PYTHON;
const SCRIPT = process.env.PYJWT_SCRIPT;
const ALGS = ["HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "ES256K", "EdDSA"];
// jose 6 has no secp256k1: ES256K is compared with PyJWT only.
const JOSE_ALGS = ALGS.filter((a) => a !== "ES256K");
const SIBLING = { HS256: "HS384", HS384: "HS512", HS512: "HS256", RS256: "PS256", RS384: "RS256", RS512: "PS512", PS256: "RS256", PS384: "PS256", PS512: "RS512", ES256: "ES384", ES384: "ES512", ES512: "ES256", ES256K: "ES256", EdDSA: "HS256" };
const ISS = "https://issuer.example";
const REPEAT = Number(process.env.DIFF_REPEAT ?? 4);
const NOW = Math.floor(Date.now() / 1000);

function python(request) {
  const out = spawnSync(PYTHON, [SCRIPT], { input: JSON.stringify(request), maxBuffer: 1 << 28, encoding: "utf8" });
  if (out.status !== 0) throw new Error(`pyjwt_side.py failed (${out.status}): ${out.stderr.split("\n").slice(-6).join(" | ")}`);
  return JSON.parse(out.stdout);
}

// ------------------------------------------------------------------ keys
function makeKeys(alg) {
  if (alg.startsWith("HS")) {
    const secret = randomBytes(48).toString("base64url"); // 64 ASCII bytes: long enough for HS512
    const jwk = { kty: "oct", k: Buffer.from(secret).toString("base64url"), alg };
    return { pem_private: secret, pem_public: secret, jwk_private: jwk, jwk_public: jwk };
  }
  const [type, opts] = alg.startsWith("RS") || alg.startsWith("PS") ? ["rsa", { modulusLength: 2048 }]
    : alg === "EdDSA" ? ["ed25519", {}]
    : ["ec", { namedCurve: { ES256: "prime256v1", ES384: "secp384r1", ES512: "secp521r1", ES256K: "secp256k1" }[alg] }];
  const { privateKey, publicKey } = generateKeyPairSync(type, opts);
  return {
    pem_private: privateKey.export({ type: "pkcs8", format: "pem" }),
    pem_public: publicKey.export({ type: "spki", format: "pem" }),
    jwk_private: { ...privateKey.export({ format: "jwk" }), alg },
    jwk_public: { ...publicKey.export({ format: "jwk" }), alg },
  };
}
const keys = Object.fromEntries(ALGS.map((alg) => [alg, makeKeys(alg)]));
// Ours, imported once per form (PEM text or HMAC secret, and JWK).
const ours = Object.fromEntries(ALGS.map((alg) => {
  const k = keys[alg];
  const fromText = alg.startsWith("HS") ? jwt.Key.fromSecret(k.pem_private) : jwt.Key.fromPem(k.pem_private);
  const verifyPem = alg.startsWith("HS") ? fromText : jwt.Key.fromPem(k.pem_public);
  return [alg, { sign: { pem: fromText, jwk: jwt.Key.fromJwk(k.jwk_private) }, verify: { pem: verifyPem, jwk: jwt.Key.fromJwk(k.jwk_public) } }];
}));
async function joseKey(alg, side, form) {
  const k = keys[alg];
  if (alg.startsWith("HS")) return Buffer.from(k.pem_private);
  if (form === "jwk") return jose.importJWK(side === "sign" ? k.jwk_private : k.jwk_public, alg);
  return side === "sign" ? jose.importPKCS8(k.pem_private, alg) : jose.importSPKI(k.pem_public, alg);
}

// ---------------------------------------------------------------- corpus
const VARIANTS = {
  valid: (c) => c,
  "valid-aud-list": (c) => ({ ...c, aud: ["other", "api"] }),
  expired: (c) => ({ ...c, iat: NOW - 7200, exp: NOW - 3600 }),
  "not-yet-valid": (c) => ({ ...c, nbf: NOW + 3600 }),
  "wrong-aud": (c) => ({ ...c, aud: "other" }),
  "wrong-iss": (c) => ({ ...c, iss: "https://issuer.example.evil" }),
  "missing-exp": ({ exp, ...c }) => c,
  "missing-sub": ({ sub, ...c }) => c,
  "iat-in-future": (c) => ({ ...c, iat: NOW + 3600 }),
  "fractional-times": (c) => ({ ...c, iat: NOW - 10.5, nbf: NOW - 10.25, exp: NOW + 3600.75 }),
};
const TAMPER = {
  "tampered-signature": (t) => {
    const [h, p, s] = t.split(".");
    const sig = Buffer.from(s, "base64url");
    sig[sig.length >> 1] ^= 0x01;
    return `${h}.${p}.${sig.toString("base64url")}`;
  },
  "tampered-payload": (t, alg) => {
    const [h, p, s] = t.split(".");
    const claims = JSON.parse(Buffer.from(p, "base64url"));
    claims.sub = "admin";
    return `${h}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.${s}`;
  },
  "tampered-alg": (t, alg) => {
    const [h, p, s] = t.split(".");
    const header = JSON.parse(Buffer.from(h, "base64url"));
    header.alg = SIBLING[alg];
    return `${Buffer.from(JSON.stringify(header)).toString("base64url")}.${p}.${s}`;
  },
};
const baseClaims = (i) => ({ sub: `user-${i}`, iss: ISS, aud: "api", iat: NOW - 10, nbf: NOW - 10, exp: NOW + 3600, jti: `j-${i}` });

/**
 * Tokens where we are deliberately stricter than PyJWT: each names its row
 * of README "Differences from PyJWT". MACed by hand with the HS256 secret,
 * since no conforming signer produces them.
 */
const STRICTER = {
  "exp as a numeric string": { row: "`exp`/`nbf`/`iat`", payload: () => `{"sub":"s","iss":"${ISS}","aud":"api","iat":${NOW},"exp":"${NOW + 3600}"}` },
  "nbf as a numeric string": { row: "`exp`/`nbf`/`iat`", payload: () => `{"sub":"s","iss":"${ISS}","aud":"api","iat":${NOW},"exp":${NOW + 3600},"nbf":"${NOW - 10}"}` },
  "duplicate claim": { row: "JSON", payload: () => `{"sub":"s","sub":"admin","iss":"${ISS}","aud":"api","iat":${NOW},"exp":${NOW + 3600}}` },
  "nesting deeper than 64": { row: "JSON", payload: () => `{"sub":"s","iss":"${ISS}","aud":"api","iat":${NOW},"exp":${NOW + 3600},"x":${"[".repeat(80)}${"]".repeat(80)}}` },
  "BOM before the payload": { row: "JSON", payload: () => `\ufeff{"sub":"s","iss":"${ISS}","aud":"api","iat":${NOW},"exp":${NOW + 3600}}` },
  "'=' padding": { row: "base64url", pad: true, payload: (fill = "") => `{"sub":"s","iss":"${ISS}","aud":"api","iat":${NOW},"exp":${NOW + 3600},"p":"${fill}"}` },
};
function stricterToken(spec) {
  const enc = (s) => {
    const b = Buffer.from(s, "utf8").toString("base64url");
    return spec.pad && b.length % 4 ? b + "=".repeat(4 - (b.length % 4)) : b;
  };
  // A filler claim makes the payload's base64url length 2 or 3 mod 4, so padding shows.
  const fill = ["", "x", "xx"].find((f) => Buffer.from(spec.payload(f)).toString("base64url").length % 4 !== 0);
  const input = `${enc('{"alg":"HS256","typ":"JWT"}')}.${enc(spec.payload(fill))}`;
  if (spec.pad) assert.ok(input.includes("="), "the padding case must pad a segment");
  const mac = createHmac("sha256", Buffer.from(keys.HS256.pem_private)).update(input).digest("base64url");
  return `${input}.${mac}`;
}

const corpus = []; // {token, alg, signer, variant}
const specs = [];
for (const alg of ALGS) {
  for (let i = 0; i < REPEAT; i += 1) {
    for (const [variant, shape] of Object.entries(VARIANTS)) specs.push({ alg, variant, claims: shape(baseClaims(i)), headers: { kid: `k-${alg}` } });
  }
}
const SETS = [
  { name: "strict", audience: "api", issuer: ISS, require: ["exp", "iat", "sub"] },
  { name: "audience-only", audience: "api" },
  { name: "leeway", audience: "api", issuer: ISS, leeway: 7200 },
  { name: "no-aud-check", verify_aud: false },
  { name: "issuer-list", audience: ["x", "api"], issuer: ["x", ISS] },
  { name: "sibling-alg", audience: "api", sibling: true },
].map((s) => ({ ...s, algorithms: Object.fromEntries(ALGS.map((a) => [a, [s.sibling ? SIBLING[a] : a]])) }));

function ourOptions(set, alg) {
  const o = { algorithms: set.algorithms[alg] };
  if (set.audience !== undefined) o.audience = set.audience;
  if (set.issuer !== undefined) o.issuer = set.issuer;
  if (set.leeway !== undefined) o.leeway = set.leeway;
  if (set.require !== undefined) o.require = set.require;
  if (set.verify_aud === false) o.verifyAud = false;
  return o;
}
function ourDecision(token, alg, form, set) {
  try {
    jwt.decode(token, ours[alg].verify[form], ourOptions(set, alg));
    return "ok";
  } catch (e) {
    if (!(e instanceof jwt.JWTError)) throw e;
    return e.constructor.name;
  }
}

const counts = {};
const examples = {};
const bump = (name, n = 1) => {
  counts[name] = (counts[name] ?? 0) + n;
};

test("differential: build the corpus (ours, jose and PyJWT sign every variant of every algorithm)", async () => {
  for (const [i, spec] of specs.entries()) {
    const form = i % 2 ? "jwk" : "pem";
    const token = jwt.encode(spec.claims, ours[spec.alg].sign[form], { algorithm: spec.alg, headers: spec.headers });
    corpus.push({ token, alg: spec.alg, signer: "ours", variant: spec.variant });
  }
  for (const [i, spec] of specs.entries()) {
    if (!JOSE_ALGS.includes(spec.alg)) continue;
    const key = await joseKey(spec.alg, "sign", i % 2 ? "jwk" : "pem");
    const token = await new jose.SignJWT(spec.claims).setProtectedHeader({ alg: spec.alg, typ: "JWT", ...spec.headers }).sign(key);
    corpus.push({ token, alg: spec.alg, signer: "jose", variant: spec.variant });
  }
  const signed = python({ mode: "sign", keys, sign: specs });
  console.log(`  PyJWT ${signed.version}, jose 6 (npm), Node ${process.version}`);
  for (const [i, token] of signed.signed.entries()) corpus.push({ token, alg: specs[i].alg, signer: "pyjwt", variant: specs[i].variant });
  for (const entry of corpus.filter((e) => e.variant === "valid")) {
    for (const [variant, tamper] of Object.entries(TAMPER)) corpus.push({ ...entry, token: tamper(entry.token, entry.alg), variant });
  }
  for (const [variant, spec] of Object.entries(STRICTER)) corpus.push({ token: stricterToken(spec), alg: "HS256", signer: "hand", variant, row: spec.row });
  const bySigner = {};
  for (const e of corpus) bySigner[e.signer] = (bySigner[e.signer] ?? 0) + 1;
  console.log(`  corpus: ${corpus.length} tokens (${Object.entries(bySigner).map(([k, v]) => `${v} ${k}`).join(", ")}), ${ALGS.length} algorithms, ${Object.keys(VARIANTS).length + Object.keys(TAMPER).length} variants`);
  assert.ok(corpus.length >= 2000, `corpus has only ${corpus.length} tokens`);
});

test("differential 1: every valid token signed by PyJWT or jose verifies with ours (PEM and JWK keys)", () => {
  let n = 0;
  for (const e of corpus.filter((c) => c.signer !== "ours" && c.variant.startsWith("valid"))) {
    for (const form of ["pem", "jwk"]) {
      const claims = jwt.decode(e.token, ours[e.alg].verify[form], ourOptions(SETS[0], e.alg));
      assert.equal(claims.iss, ISS, `${e.signer} ${e.alg}`);
      n += 1;
    }
  }
  console.log(`  ${n} verifications of PyJWT- and jose-signed tokens by ours`);
  assert.ok(n > 0);
});

test("differential 2: every valid token signed by ours verifies with jose (PEM and JWK keys)", async () => {
  let n = 0;
  for (const e of corpus.filter((c) => c.signer === "ours" && c.variant.startsWith("valid") && JOSE_ALGS.includes(c.alg))) {
    for (const form of ["pem", "jwk"]) {
      const key = await joseKey(e.alg, "verify", form);
      const { payload } = await jose.jwtVerify(e.token, key, { algorithms: [e.alg], audience: "api", issuer: ISS });
      assert.equal(payload.iss, ISS);
      n += 1;
    }
  }
  console.log(`  ${n} verifications of our tokens by jose`);
  assert.ok(n > 0);
});

test("differential 2+3: PyJWT verifies our valid tokens, and our accept/reject equals PyJWT's everywhere", () => {
  const start = performance.now();
  const answer = python({ mode: "decide", keys, tokens: corpus.map(({ token, alg }) => ({ token, alg })), option_sets: SETS });
  const pySeconds = (performance.now() - start) / 1000;
  const setsByName = Object.fromEntries(SETS.map((s) => [s.name, s]));
  const mismatches = [];
  let pyAcceptsOurs = 0;
  let agree = 0;
  let sameClass = 0;
  const oursStart = performance.now();
  for (const [index, setName, form, theirs] of answer.decisions) {
    const e = corpus[index];
    const mine = ourDecision(e.token, e.alg, form, setsByName[setName]);
    if (e.signer === "ours" && e.variant.startsWith("valid") && setName === "strict") {
      assert.equal(theirs, "ok", `PyJWT refused our ${e.alg} token: ${theirs}`);
      pyAcceptsOurs += 1;
    }
    if ((mine === "ok") === (theirs === "ok")) {
      agree += 1;
      if (mine === theirs) sameClass += 1;
      else {
        const key = `same decision, other class: ours ${mine} / PyJWT ${theirs}`;
        if (!(key in counts)) examples[key] = `${e.signer} ${e.alg} ${e.variant} [${setName}, ${form}]`;
        bump(key);
      }
      continue;
    }
    const difference = e.row !== undefined && mine !== "ok" && theirs === "ok" ? e.row : undefined;
    if (difference) bump(`documented difference (README "Differences from PyJWT", row ${difference}): ${e.variant}`);
    else mismatches.push(`${e.signer} ${e.alg} ${e.variant} [${setName}, ${form}]: ours ${mine}, PyJWT ${theirs}`);
  }
  const oursSeconds = (performance.now() - oursStart) / 1000;
  console.log(`  ${answer.decisions.length} decisions (PyJWT ${pySeconds.toFixed(1)} s, ours ${oursSeconds.toFixed(1)} s): ${agree} agree (${sameClass} with the same error class), ${mismatches.length} undocumented mismatches`);
  console.log(`  PyJWT verified ${pyAcceptsOurs} of our valid tokens`);
  for (const [name, n] of Object.entries(counts).sort()) console.log(`    ${name}: ${n}${examples[name] ? ` (e.g. ${examples[name]})` : ""}`);
  for (const m of mismatches.slice(0, 20)) console.log(`  MISMATCH ${m}`);
  assert.ok(pyAcceptsOurs > 0);
  assert.equal(mismatches.length, 0, "undocumented accept/reject mismatches");
  // Every stricter case must really differ from PyJWT (else its README row is stale).
  for (const variant of Object.keys(STRICTER)) {
    assert.ok(Object.keys(counts).some((k) => k.endsWith(`: ${variant}`)), `no difference seen for "${variant}"`);
  }
});

await run("differential");
