// jwt-wasm against jose, fast-jwt and jsonwebtoken, in one Node process, on
// the same token and key for every library. Run by `cargo xtask bench`
// from a scratch folder where the packed jwt-wasm is installed; the peers
// resolve from bench/node_modules above it.
//
//   node bench.mjs [--quick] [--out file.json] [--baseline] [--only word,…]
//                  [--floor dir]
//
// Each library runs one operation for a fixed time per round; the rounds of
// all libraries are interleaved (so a noisy neighbour hits every library
// alike) and the median round is reported. Never exits non-zero because a
// target is missed: this is a measurement, not a test.

import { generateKeyPairSync, verify as verifyWithNode } from "node:crypto";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync, brotliCompressSync, constants as zlib } from "node:zlib";
import os from "node:os";

import * as ours from "jwt-wasm";
import * as jose from "jose";
import { createSigner, createVerifier } from "fast-jwt";
import jsonwebtoken from "jsonwebtoken";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const outIndex = args.indexOf("--out");
const outFile = outIndex >= 0 ? args[outIndex + 1] : undefined;
// `--baseline`: an earlier build of jwt-wasm, installed as `jwt-wasm-baseline`,
// runs as one more column, so a change is measured against its starting
// point in the same process (xtask: `cargo xtask bench --baseline <tarball>`).
const withBaseline = args.includes("--baseline");
const baseline = withBaseline ? await import("jwt-wasm-baseline") : undefined;
// `--only HS256,claims`: only the rows whose name contains one of the words.
const onlyIndex = args.indexOf("--only");
const only = onlyIndex >= 0 ? args[onlyIndex + 1].split(",") : undefined;
// `--floor dir`: the floor modules of bench/floor (`hmac/` and `full/`), built
// by xtask: the least module the mandated crates allow, beside each size.
const floorIndex = args.indexOf("--floor");
const floorDir = floorIndex >= 0 ? args[floorIndex + 1] : undefined;
const here = dirname(fileURLToPath(import.meta.url));

// Quick mode only proves that every row runs.
const WARMUP_MS = quick ? 5 : 150;
const ROUND_MS = quick ? 10 : 250;
const ROUNDS = quick ? 1 : 5;
const COLD_RUNS = quick ? 1 : 10;

// ------------------------------------------------------------------ data

const now = Math.floor(Date.now() / 1000);
const ISS = "https://auth.example.com";
const AUD = "api.example.com";
const PAYLOAD = {
  sub: "user-8f2c41d7",
  name: "Ada Lovelace",
  iss: ISS,
  aud: AUD,
  iat: now,
  exp: now + 3600,
  scope: "openid profile email",
  roles: ["admin", "editor"],
};
const SECRET = "a-string-secret-at-least-256-bits-long-for-hs256!";

function pair(type, options) {
  const { privateKey, publicKey } = generateKeyPairSync(type, options);
  return {
    privatePem: privateKey.export({ type: "pkcs8", format: "pem" }),
    publicPem: publicKey.export({ type: "spki", format: "pem" }),
    privateObject: privateKey,
    publicObject: publicKey,
  };
}

const rsa = pair("rsa", { modulusLength: 2048 });
const ALGS = {
  HS256: { secret: SECRET },
  RS256: rsa,
  PS256: rsa,
  ES256: pair("ec", { namedCurve: "P-256" }),
  ES384: pair("ec", { namedCurve: "P-384" }),
  ES512: pair("ec", { namedCurve: "P-521" }),
  ES256K: pair("ec", { namedCurve: "secp256k1" }),
  EdDSA: pair("ed25519"),
};

// Our keys, jose's keys (CryptoKeys, its fastest form), and the tokens
// (signed once by us; every library verifies the very same string).
const setup = {};
for (const [alg, k] of Object.entries(ALGS)) {
  const s = { alg, secret: k.secret };
  if (k.secret) {
    s.oursSign = s.oursVerify = ours.Key.fromSecret(k.secret);
    s.joseSign = s.joseVerify = new TextEncoder().encode(k.secret);
    s.nodeSign = s.nodeVerify = k.secret;
    s.pemVerify = k.secret;
  } else {
    s.oursSign = ours.Key.fromPem(k.privatePem);
    s.oursVerify = ours.Key.fromPem(k.publicPem);
    s.joseSign = await jose.importPKCS8(k.privatePem, alg).catch(() => undefined);
    s.joseVerify = await jose.importSPKI(k.publicPem, alg).catch(() => undefined);
    s.nodeSign = k.privateObject;
    s.nodeVerify = k.publicObject;
    s.pemSign = k.privatePem;
    s.pemVerify = k.publicPem;
  }
  s.token = ours.encode(PAYLOAD, s.oursSign, { algorithm: alg });
  setup[alg] = s;
}

// ------------------------------------------------------------------ rows

const PEERS = ["jose", "fast-jwt", "jsonwebtoken"];
const LIBS = ["jwt-wasm", ...(baseline ? ["baseline"] : []), ...PEERS];

/** Each candidate is a function (sync or async) or undefined (n/a). */
// The key forms of the verify rows: a parsed key ("key"), PEM text ("pem"),
// and a JWK object ("jwk"), passed as such on every call.
const KEY_FORM_NAMES = { key: "", pem: " (PEM string)", jwk: " (JWK object)" };

function verifyRow(alg, keyForm) {
  const s = setup[alg];
  const token = s.token;
  const o = { algorithms: [alg], audience: AUD, issuer: ISS };
  const jwk = keyForm === "jwk" ? ALGS[alg].publicObject.export({ format: "jwk" }) : undefined;
  const oursKey = { pem: s.pemVerify, jwk, key: s.oursVerify }[keyForm];
  const row = { name: `${alg} verify${KEY_FORM_NAMES[keyForm]}`, alg, op: "verify", fns: {} };
  row.fns["jwt-wasm"] = () => ours.decode(token, oursKey, o);
  if (baseline) {
    const k = keyForm === "key" ? (s.secret ? baseline.Key.fromSecret(s.secret) : baseline.Key.fromPem(ALGS[alg].publicPem)) : oursKey;
    row.fns.baseline = () => baseline.decode(token, k, o);
  }
  if (s.joseVerify) {
    const jo = { algorithms: [alg], audience: AUD, issuer: ISS };
    if (keyForm === "pem") {
      // jose takes no PEM text: importing it is part of each call.
      row.fns.jose = async () => jose.jwtVerify(token, await jose.importSPKI(s.pemVerify, alg), jo);
    } else if (keyForm === "jwk") {
      // Nor a JWK object: `importJWK` is part of each call, as its docs show.
      row.fns.jose = async () => jose.jwtVerify(token, await jose.importJWK(jwk, alg), jo);
    } else {
      row.fns.jose = () => jose.jwtVerify(token, s.joseVerify, jo);
    }
  }
  // fast-jwt and jsonwebtoken take no JWK objects.
  if (keyForm === "jwk") return row;
  try {
    const key = keyForm === "pem" || s.secret ? s.pemVerify : s.nodeVerify.export({ type: "spki", format: "pem" });
    const verify = createVerifier({ key, algorithms: [alg], allowedAud: AUD, allowedIss: ISS });
    verify(token);
    row.fns["fast-jwt"] = () => verify(token);
  } catch {}
  try {
    const key = keyForm === "pem" ? s.pemVerify : s.nodeVerify;
    const jo = { algorithms: [alg], audience: AUD, issuer: ISS };
    jsonwebtoken.verify(token, key, jo);
    row.fns.jsonwebtoken = () => jsonwebtoken.verify(token, key, jo);
  } catch {}
  return row;
}

function signRow(alg) {
  const s = setup[alg];
  const row = { name: `${alg} sign`, alg, op: "sign", fns: {} };
  row.fns["jwt-wasm"] = () => ours.encode(PAYLOAD, s.oursSign, { algorithm: alg });
  if (baseline) {
    const k = s.secret ? baseline.Key.fromSecret(s.secret) : baseline.Key.fromPem(ALGS[alg].privatePem);
    row.fns.baseline = () => baseline.encode(PAYLOAD, k, { algorithm: alg });
  }
  if (s.joseSign) row.fns.jose = () => new jose.SignJWT(PAYLOAD).setProtectedHeader({ alg, typ: "JWT" }).sign(s.joseSign);
  try {
    const key = s.secret ?? s.pemSign;
    const sign = createSigner({ key, algorithm: alg });
    setup[alg].fastToken = sign(PAYLOAD);
    row.fns["fast-jwt"] = () => sign(PAYLOAD);
  } catch {}
  try {
    jsonwebtoken.sign(PAYLOAD, s.nodeSign, { algorithm: alg });
    row.fns.jsonwebtoken = () => jsonwebtoken.sign(PAYLOAD, s.nodeSign, { algorithm: alg });
  } catch {}
  return row;
}

function claimsRow() {
  const token = setup.HS256.token;
  return {
    name: "getUnverifiedClaims",
    op: "claims",
    fns: {
      "jwt-wasm": () => ours.getUnverifiedClaims(token),
      ...(baseline ? { baseline: () => baseline.getUnverifiedClaims(token) } : {}),
      jose: () => jose.decodeJwt(token),
      "fast-jwt": (() => {
        const d = createDecoder();
        return () => d(token);
      })(),
      jsonwebtoken: () => jsonwebtoken.decode(token),
    },
  };
}

function createDecoder() {
  const require = createRequire(import.meta.url);
  return require("fast-jwt").createDecoder();
}

// Targets from issue 7: [peer, minimum ratio of ours to that peer].
const TARGETS = {
  "HS256 verify": [["fast-jwt", 2.0], ["jose", 30]],
  "HS256 sign": [["fast-jwt", 2.0]],
  "RS256 verify": [["jose", 2.5]],
  "RS256 verify (PEM string)": [["jose", 2.5]],
  "ES256 verify": [["jose", 1.0]],
  "EdDSA verify": [["jose", 1.5]],
  "ES256 sign": [["jose", 0.5]],
  "RS256 sign": [["jose", 0.5]],
  getUnverifiedClaims: [["jose", 1.0]],
};

const rows = [];
for (const alg of Object.keys(ALGS)) {
  rows.push(verifyRow(alg, "key"));
  if (alg === "RS256") rows.push(verifyRow(alg, "pem"));
  if (alg === "RS256" || alg === "ES256") rows.push(verifyRow(alg, "jwk"));
}
for (const alg of Object.keys(ALGS)) rows.push(signRow(alg));
rows.push(claimsRow());
if (only) rows.splice(0, rows.length, ...rows.filter((r) => only.some((w) => r.name.includes(w))));

// ------------------------------------------------------------------ timing

/** Runs `fn` for about `ms` milliseconds; returns operations per second. */
async function timed(fn, ms) {
  // Sync and async candidates are told apart once, so sync ones pay no await.
  const first = fn();
  const isAsync = first instanceof Promise;
  if (isAsync) await first;
  let n = 1;
  let batch = 1;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    if (isAsync) for (let i = 0; i < batch; i++) await fn();
    else for (let i = 0; i < batch; i++) fn();
    n += batch;
    elapsed = performance.now() - start;
    if (elapsed < ms / 20) batch *= 2;
  }
  return ((n - 1) * 1000) / elapsed;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

for (const row of rows) {
  const samples = {};
  for (const lib of LIBS) if (row.fns[lib]) {
    samples[lib] = [];
    await timed(row.fns[lib], WARMUP_MS);
  }
  for (let r = 0; r < ROUNDS; r++) {
    for (const lib of Object.keys(samples)) samples[lib].push(await timed(row.fns[lib], ROUND_MS));
  }
  row.opsPerSec = Object.fromEntries(Object.entries(samples).map(([lib, xs]) => [lib, median(xs)]));
  const mine = row.opsPerSec["jwt-wasm"];
  const peers = Object.entries(row.opsPerSec).filter(([lib]) => PEERS.includes(lib));
  const fastest = peers.reduce((best, p) => (best === undefined || p[1] > best[1] ? p : best), undefined);
  row.vsJose = row.opsPerSec.jose ? mine / row.opsPerSec.jose : null;
  row.fastestPeer = fastest ? fastest[0] : null;
  row.vsFastestPeer = fastest ? mine / fastest[1] : null;
  const target = TARGETS[row.name];
  row.target = target ? target.map(([peer, ratio]) => `≥${ratio}× ${peer}`).join(", ") : null;
  row.met = target ? target.every(([peer, ratio]) => row.opsPerSec[peer] !== undefined && mine / row.opsPerSec[peer] >= ratio) : null;
  delete row.fns;
}

// ------------------------------------------------------------------ sizes

const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve("jwt-wasm/package.json"));
const pkgJson = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
// Issue 7's size targets, gzip -9 bytes (1 KB = 1000 bytes).
const SIZE_TARGETS = { "jwt-wasm": 120_000, "jwt-wasm/hmac": 20_000 };
// Every published flavour is a subpath of `exports` with its own wasm, found
// next to the flavour's Node bundle.
const sizes = Object.entries(pkgJson.exports)
  .filter(([, conditions]) => typeof conditions === "object" && conditions.node)
  .map(([subpath, conditions]) => {
    const flavour = subpath === "." ? pkgJson.name : `${pkgJson.name}/${subpath.replace(/^\.\//, "")}`;
    const file = join(dirname(conditions.node.import), "jwt_wasm_bg.wasm");
    const bytes = readFileSync(join(pkgDir, file));
    const gzip = gzipSync(bytes, { level: 9 }).length;
    const sizeTarget = SIZE_TARGETS[flavour];
    const floorFile = floorDir && join(floorDir, flavour === pkgJson.name ? "full" : "hmac", "jwt_wasm_bg.wasm");
    return {
      flavour,
      file,
      raw: bytes.length,
      gzip,
      brotli: brotliCompressSync(bytes, {
        params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length },
      }).length,
      targetGzip: sizeTarget ?? null,
      met: sizeTarget === undefined ? null : gzip <= sizeTarget,
      floorGzip: floorFile ? gzipSync(readFileSync(floorFile), { level: 9 }).length : null,
    };
  });

// ------------------------------------------------------------------ floor

/** The floor modules, checked to do what they claim (a floor that verified
 * nothing would be meaningless), and RS256 signing on the `rsa` crate alone. */
async function floorCheck() {
  const load = async (dir) => {
    const glue = await import(pathToFileURL(join(floorDir, dir, "jwt_wasm.js")).href);
    glue.initSync({ module: readFileSync(join(floorDir, dir, "jwt_wasm_bg.wasm")) });
    return glue;
  };
  const [hmac, full] = [await load("hmac"), await load("full")];
  const utf8 = new TextEncoder();
  const fail = (what) => {
    throw new Error(`floor module: ${what}`);
  };
  const [token, secret] = [setup.HS256.token, utf8.encode(SECRET)];
  if (hmac.verify_hs256(token, secret, now) !== JSON.stringify(PAYLOAD)) fail("HS256 token refused");
  if (hmac.verify_hs256(token, secret, now + 7200) !== undefined) fail("expired HS256 token accepted");
  if (hmac.verify_hs256(token, utf8.encode(`${SECRET}x`), now) !== undefined) fail("HS256 token accepted under another secret");
  // A token's signing input (bytes) and signature.
  const split = (t) => [utf8.encode(t.slice(0, t.lastIndexOf("."))), Buffer.from(t.slice(t.lastIndexOf(".") + 1), "base64url")];
  for (const [alg, k] of Object.entries(ALGS)) {
    if (k.secret) continue;
    const spki = k.publicObject.export({ type: "spki", format: "der" });
    const [input, sig] = split(setup[alg].token);
    if (!full.verify(alg, spki, input, sig)) fail(`${alg} signature refused`);
    input[0] ^= 1;
    if (full.verify(alg, spki, input, sig)) fail(`${alg} signature accepted for other bytes`);
  }
  const pkcs8 = rsa.privateObject.export({ type: "pkcs8", format: "der" });
  const [input] = split(setup.RS256.token);
  const sig = full.sign("RS256", pkcs8, input);
  if (!sig || !verifyWithNode("sha256", input, rsa.publicObject, sig)) fail("RS256 signature not valid");
  await timed(() => full.sign("RS256", pkcs8, input), WARMUP_MS);
  const samples = [];
  for (let r = 0; r < ROUNDS; r++) samples.push(await timed(() => full.sign("RS256", pkcs8, input), ROUND_MS));
  return { rs256SignOpsPerSec: median(samples) };
}
const floor = floorDir ? await floorCheck() : null;

// ------------------------------------------------------------------ cold start

/** A fresh node process: import, then verify one HS256 token; prints ms. */
function coldOnce(lib) {
  const r = spawnSync(process.execPath, [join(here, "cold.mjs"), lib, setup.HS256.token, SECRET, AUD, ISS], {
    cwd: here,
    encoding: "utf8",
  });
  const ms = Number.parseFloat(r.stdout.trim());
  if (r.status !== 0 || !Number.isFinite(ms)) throw new Error(`cold start of ${lib} failed: ${r.stderr || r.stdout}`);
  return ms;
}

const cold = { "jwt-wasm": [], jose: [] };
for (let i = 0; i < COLD_RUNS; i++) for (const lib of Object.keys(cold)) cold[lib].push(coldOnce(lib));
const coldMedian = Object.fromEntries(Object.entries(cold).map(([lib, xs]) => [lib, median(xs)]));

// ------------------------------------------------------------------ report

const fmt = (x) => (x === undefined ? "n/a" : x >= 100 ? Math.round(x).toLocaleString("en-US") : x.toFixed(1));
const ratio = (x) => (x === null ? "n/a" : `${x.toFixed(2)}×`);
const header = ["operation", ...LIBS.map((l) => `${l} ops/s`), "vs jose", "vs fastest peer", "target", "met?"];
const lines = [header, header.map(() => "---")];
for (const row of rows) {
  lines.push([
    row.name,
    ...LIBS.map((l) => fmt(row.opsPerSec[l])),
    ratio(row.vsJose),
    row.fastestPeer ? `${ratio(row.vsFastestPeer)} (${row.fastestPeer})` : "n/a",
    row.target ?? "—",
    row.met === null ? "—" : row.met ? "yes" : "no",
  ]);
}
const machine = `${os.cpus()[0]?.model ?? "unknown CPU"} (${os.cpus().length} cores), ${os.platform()} ${os.arch()}`;
console.log(`\njwt-wasm bench${quick ? " (quick mode: figures are meaningless)" : ""}`);
console.log(`Node ${process.version}, ${machine}, ${new Date().toISOString()}`);
console.log(`token: ${setup.HS256.token.length} bytes (HS256); median of ${ROUNDS} round(s) of ${ROUND_MS} ms after ${WARMUP_MS} ms warm-up\n`);
for (const l of lines) console.log(`| ${l.join(" | ")} |`);
if (floor) {
  const jose = rows.find((r) => r.name === "RS256 sign")?.opsPerSec.jose;
  const vs = jose ? `, ${ratio(floor.rs256SignOpsPerSec / jose)} jose` : "";
  console.log(`\nRS256 sign on the rsa crate alone (bench/floor, key parsed per call): ${fmt(floor.rs256SignOpsPerSec)} ops/s${vs}`);
}
console.log("\n| flavour | wasm file | raw | gzip -9 | brotli | floor (gzip) | target (gzip) | met? |\n| --- | --- | --- | --- | --- | --- | --- | --- |");
for (const s of sizes) {
  const target = s.targetGzip === null ? "—" : `≤ ${s.targetGzip / 1000} KB`;
  const met = s.met === null ? "—" : s.met ? "yes" : "no";
  console.log(`| ${s.flavour} | ${s.file} | ${s.raw} | ${s.gzip} | ${s.brotli} | ${s.floorGzip ?? "n/a"} | ${target} | ${met} |`);
}
if (floor) console.log("floor: the least module on the mandated crates alone (bench/floor), every crate at opt-level \"z\"");
console.log(`\ncold start (fresh node, import → first verified HS256 token, median of ${COLD_RUNS}):`);
const coldMet = coldMedian["jwt-wasm"] <= coldMedian.jose;
console.log(`  jwt-wasm ${coldMedian["jwt-wasm"].toFixed(1)} ms, jose ${coldMedian.jose.toFixed(1)} ms (target ≤ jose: ${coldMet ? "yes" : "no"})`);

if (outFile) {
  mkdirSync(dirname(outFile), { recursive: true });
  const versions = Object.fromEntries(["jwt-wasm", ...PEERS].map((l) => [l, require(`${l}/package.json`).version]));
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    machine,
    quick,
    method: { warmupMs: WARMUP_MS, roundMs: ROUND_MS, rounds: ROUNDS, statistic: "median" },
    versions,
    tokenBytes: setup.HS256.token.length,
    rows,
    sizes,
    floor,
    coldStartMs: { median: coldMedian, runs: cold, met: coldMet },
  };
  writeFileSync(outFile, JSON.stringify(report, null, 2) + "\n");
  console.log(`\nJSON: ${outFile}`);
}
