// Robustness of the wasm instance (issue 6 §2): 1,000,000 seeded mutations of
// valid tokens, keys and options fed to decode, decodeComplete,
// getUnverifiedHeader, Key.fromPem and Key.fromJwk. Every call must return or
// throw a JWTError subclass: no wasm trap, no plain Error or TypeError.
//
// TypeError is the package's answer to caller misuse (an option of the wrong
// JS type, an unknown option name). This fuzzer mutates VALUES, never types:
// every option it passes has the documented type and range, so a TypeError
// here is a failure like any other escape.
//
// `FUZZ_CALLS` and `FUZZ_SEED` override the defaults (1,000,000 and 1).

import assert from "node:assert/strict";
import * as jwt from "jwt-wasm";
import { test, run } from "./harness.mjs";

const CALLS = Number(process.env.FUZZ_CALLS ?? 1_000_000);
const SEED = Number(process.env.FUZZ_SEED ?? 1);
const NOW = 1_700_000_000;
const SECRET = "a 32-byte HMAC secret for tests!";

// mulberry32: a small seeded generator, so a failure can be replayed.
let state = SEED >>> 0;
function rand() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (n) => Math.floor(rand() * n);
const pick = (list) => list[int(list.length)];

// ---------------------------------------------------------------- seeds
// Every algorithm is seeded, but the curves whose arithmetic is slow in wasm
// (P-256, P-384, P-521: milliseconds per operation) and RSA private-key
// imports are seeded sparingly, so that a million calls spend their time in
// the parsers, where the bugs would be.
const ALGS = ["HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "ES256K", "EdDSA"];
const CHEAP = new Set(["HS256", "HS384", "HS512", "ES256K", "EdDSA", "RS256"]);
const keys = {};
const tokens = [];
const pems = [];
const jwks = [];
const verifyingPems = [];
const verifyingJwks = [];
const claims = { sub: "user", iss: "https://issuer.example", aud: ["api", "web"], iat: NOW, nbf: NOW - 10, exp: NOW + 60, jti: "j1", n: [1, 2.5, "x", null, true], o: { k: "é✓" } };
for (const alg of ALGS) {
  const pair = alg.startsWith("HS")
    ? { privateKey: jwt.Key.fromSecret(SECRET.repeat(2)), publicKey: jwt.Key.fromSecret(SECRET.repeat(2)) }
    : jwt.Key.generate(alg);
  keys[alg] = pair;
  const token = jwt.encode(claims, pair.privateKey, { algorithm: alg, headers: { kid: `k-${alg}` } });
  // Cheap algorithms get more copies in the seed pool.
  for (let i = CHEAP.has(alg) ? 8 : 1; i > 0; i -= 1) tokens.push(token);
  if (!alg.startsWith("HS")) {
    pems.push(pair.publicKey.toPem());
    jwks.push(pair.publicKey.toJwk());
    if (CHEAP.has(alg)) {
      pems.push(pair.privateKey.toPem());
      jwks.push(pair.privateKey.toJwk());
      verifyingPems.push(pair.publicKey.toPem());
      verifyingJwks.push(pair.publicKey.toJwk());
    }
  }
}
jwks.push({ kty: "oct", k: Buffer.from(SECRET).toString("base64url"), alg: "HS256" });
verifyingJwks.push({ kty: "oct", k: Buffer.from(SECRET.repeat(2)).toString("base64url") });
const jwkTexts = jwks.map((j) => JSON.stringify(j));
const set = new jwt.JwkSet({ keys: verifyingJwks.filter((j) => j.kty !== "oct").map((j, i) => ({ ...j, kid: `s${i}` })) });

// ------------------------------------------------------------ mutations
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const NASTY = ["=", "+", "/", ".", " ", "\n", "\0", "%", "é", "\ud800", "{", "}", "\"", "\\", "-----", "AAAA", "..", "eyJ", "\u{1F600}"];
function mutateText(text, corpus) {
  let s = text;
  const rounds = 1 + int(4);
  for (let r = 0; r < rounds; r += 1) {
    const at = int(s.length + 1);
    switch (int(9)) {
      case 0: s = s.slice(0, at) + ALPHABET[int(64)] + s.slice(at + 1); break; // replace
      case 1: s = s.slice(0, at) + pick(NASTY) + s.slice(at); break; // insert
      case 2: s = s.slice(0, at) + s.slice(at + 1 + int(16)); break; // delete
      case 3: s = s.slice(0, at); break; // truncate
      case 4: { const len = int(32); s = s.slice(0, at) + s.slice(at, at + len).repeat(1 + int(4)) + s.slice(at); break; } // duplicate
      case 5: { const other = pick(corpus); const from = int(other.length); s = s.slice(0, at) + other.slice(from, from + int(64)) + s.slice(at); break; } // splice
      case 6: s = s.slice(0, at) + String.fromCharCode(s.charCodeAt(at) ^ (1 << int(7))) + s.slice(at + 1); break; // bit flip
      case 7: { const p = s.split("."); p.splice(int(p.length), 1); s = p.join("."); break; } // drop a segment
      default: { const p = s.split("."); if (p.length > 1) { const i = int(p.length); p[i] = reencode(p[i]); } s = p.join("."); } // mutate inside base64
    }
  }
  return s;
}
/** Decodes a segment, mutates the JSON (or bytes) inside, re-encodes canonically. */
function reencode(segment) {
  const bytes = Buffer.from(segment, "base64url");
  const inner = bytes.toString("latin1");
  const swaps = ['"alg":"none"', '"crit":["b64"]', '"b64":false', '"kid":1', '"exp":"1"', '"aud":[]', '"iss":null', '"x":' + "[".repeat(70), '"alg":"HS256","alg":"RS256"', '"jwk":{}'];
  const at = int(inner.length);
  const out = inner.slice(0, at) + (rand() < 0.5 ? `${pick(swaps)},` : "") + inner.slice(at + int(3));
  return Buffer.from(out, "latin1").toString("base64url");
}

const MEMBERS = ["kty", "crv", "x", "y", "d", "n", "e", "p", "q", "dp", "dq", "qi", "k", "alg", "kid", "use", "key_ops"];
function mutateJwk(jwk) {
  const out = { ...jwk };
  for (let r = 1 + int(3); r > 0; r -= 1) {
    const name = pick(MEMBERS);
    switch (int(5)) {
      case 0: delete out[name]; break;
      case 1: out[name] = typeof out[name] === "string" ? mutateText(out[name], Object.values(jwk).map(String)) : pick(["", "AQ", "AQAB", "P-256", "RSA", "EC", "OKP", "oct", "Ed25519"]); break;
      case 2: out[name] = pick([1, null, true, [], {}, ["verify"], "sig", 1.5, -1]); break;
      case 3: { const other = pick(jwks); out[name] = other[name]; break; }
      default: out[name] = Buffer.from(Array.from({ length: int(140) }, () => int(256))).toString("base64url");
    }
  }
  return out;
}

/** A decode options object whose every member has the documented type. */
function options() {
  const o = {};
  const flag = () => rand() < 0.5;
  if (rand() < 0.9) o.algorithms = Array.from({ length: int(4) }, () => pick([...ALGS, "none", "HS1", "", "ES521", "rs256"]));
  if (rand() < 0.3) o.audience = rand() < 0.5 ? pick(["api", "web", "", "ap"]) : [pick(["api", "x"]), pick(["web", ""])];
  if (rand() < 0.3) o.issuer = rand() < 0.5 ? pick(["https://issuer.example", "https://issuer", ""]) : ["https://issuer.example", "x"];
  if (rand() < 0.2) o.subject = pick(["user", "", "other"]);
  if (rand() < 0.3) o.leeway = pick([0, 1, 30, 1e9, 0.5, 1e308]);
  if (rand() < 0.3) o.require = Array.from({ length: int(4) }, () => pick(["exp", "iat", "nbf", "iss", "aud", "sub", "jti", "custom"]));
  if (rand() < 0.2) o.maxAge = pick([0, 10, 1e12, 0.25]);
  if (rand() < 0.1) o.typ = pick(["JWT", "at+jwt"]);
  o.now = rand() < 0.9 ? NOW + pick([0, 100, -100, 1e6]) : pick([0, 253402300799, 1e15]);
  if (rand() < 0.1) o.strictAud = flag();
  for (const name of ["verifySignature", "verifyExp", "verifyNbf", "verifyIat", "verifyAud", "verifyIss", "verifySub", "verifyJti", "enforceMinimumKeyLength"]) {
    if (rand() < 0.1) o[name] = flag();
  }
  if (rand() < 0.1) o.maxTokenLength = pick([0, 10, 100, 1000, 1 << 20]);
  if (rand() < 0.05) o.detachedPayload = pick(["", "payload", new Uint8Array([1, 2, 3])]);
  return o;
}

function keyFor(token) {
  const choice = int(6);
  if (choice === 0) return set;
  if (choice === 1) return SECRET.repeat(2);
  if (choice === 2) return pick(verifyingPems);
  if (choice === 3) return pick(verifyingJwks);
  let alg = "HS256";
  try {
    alg = JSON.parse(Buffer.from(token.split(".")[0], "base64url").toString()).alg;
  } catch {
    // an unparseable header: any key will do
  }
  const pair = keys[alg] ?? keys[pick(ALGS)];
  return pair.publicKey;
}

// ------------------------------------------------------------------ run
const counts = { ok: 0, trap: 0, escaped: 0 };
const byClass = {};
const escapes = [];
const time = {};
function call(target, f, input) {
  const start = performance.now();
  try {
    return once(target, f, input);
  } finally {
    time[target] = (time[target] ?? 0) + performance.now() - start;
  }
}
function once(target, f, input) {
  try {
    const out = f();
    if (out instanceof jwt.Key) out.free();
    counts.ok += 1;
  } catch (e) {
    if (e instanceof jwt.JWTError) {
      const name = `${target}:${e.constructor.name}`;
      byClass[name] = (byClass[name] ?? 0) + 1;
      return;
    }
    if (e instanceof WebAssembly.RuntimeError) counts.trap += 1;
    else counts.escaped += 1;
    if (escapes.length < 10) escapes.push(`${target}: ${e?.constructor?.name}: ${e?.message} on ${JSON.stringify(input).slice(0, 300)}`);
  }
}

test(`fuzz: ${CALLS.toLocaleString("en")} mutated calls (seed ${SEED}) return or throw a JWTError subclass`, () => {
  const start = performance.now();
  for (let i = 0; i < CALLS; i += 1) {
    const which = i % 20;
    if (which < 8) {
      const token = mutateText(pick(tokens), tokens);
      const o = options();
      call("decode", () => jwt.decode(token, keyFor(token), o), { token, o });
    } else if (which < 12) {
      const token = mutateText(pick(tokens), tokens);
      const o = options();
      call("decodeComplete", () => jwt.decodeComplete(token, keyFor(token), o), { token, o });
    } else if (which < 17) {
      const token = mutateText(pick(tokens), tokens);
      call("getUnverifiedHeader", () => jwt.getUnverifiedHeader(token), token);
    } else if (which < 18) {
      const pem = mutateText(pick(pems), pems);
      call("Key.fromPem", () => jwt.Key.fromPem(pem, rand() < 0.2 ? pick(ALGS) : undefined), pem);
    } else if (rand() < 0.5) {
      const jwk = mutateJwk(pick(jwks));
      call("Key.fromJwk", () => jwt.Key.fromJwk(jwk, rand() < 0.2 ? pick(ALGS) : undefined), jwk);
    } else {
      const text = mutateText(pick(jwkTexts), jwkTexts);
      call("Key.fromJwk", () => jwt.Key.fromJwk(text), text);
    }
  }
  const seconds = (performance.now() - start) / 1000;
  const thrown = Object.values(byClass).reduce((a, b) => a + b, 0);
  console.log(`  ${CALLS} calls in ${seconds.toFixed(1)} s: ${counts.ok} returned, ${thrown} JWTError, ${counts.trap} wasm traps, ${counts.escaped} other errors`);
  for (const [name, ms] of Object.entries(time)) console.log(`    ${name}: ${(ms / 1000).toFixed(1)} s`);
  for (const [name, n] of Object.entries(byClass).sort()) console.log(`    ${name}: ${n}`);
  for (const e of escapes) console.log(`  ESCAPED ${e}`);
  assert.equal(counts.ok + thrown + counts.trap + counts.escaped, CALLS);
  assert.equal(counts.trap, 0, "wasm traps");
  assert.equal(counts.escaped, 0, "plain errors escaped");
  assert.ok(counts.ok > 0 && thrown > 0, "the mutations must reach both outcomes");
});

test("fuzz: after the run, valid tokens of every algorithm still verify (the instance is not poisoned)", () => {
  for (const alg of ALGS) {
    const token = jwt.encode(claims, keys[alg].privateKey, { algorithm: alg });
    assert.equal(jwt.decode(token, keys[alg].publicKey, { algorithms: [alg], audience: "api", now: NOW }).sub, "user");
    const seed = tokens.find((s) => jwt.getUnverifiedHeader(s).alg === alg);
    assert.equal(jwt.decode(seed, keys[alg].publicKey, { algorithms: [alg], audience: "api", now: NOW }).sub, "user");
  }
});

await run("fuzz");
