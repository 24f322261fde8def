// Drives the example Worker (examples/cloudflare-worker, bundled by
// `wrangler deploy --dry-run --outdir bundle`) in the real workerd binary,
// pointed at a local JWKS server on 127.0.0.1. Run by `cargo xtask test`,
// step jwks-workerd: node workerd-driver.mjs <path to workerd>.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import * as jwt from "jwt-wasm";
import { harness, makeKeys, sign, startJwksServer } from "./jwks-server.mjs";

const DEADLINE_MS = 15_000; // per request: nothing may hang
const workerdBin = process.argv[2];
const t = harness("jwks-workerd");
const server = await startJwksServer();
const keys = makeKeys(jwt, "edge");
server.setKeys(keys.map((k) => k.jwk));
const nowS = () => Math.floor(Date.now() / 1000);

async function freePort() {
  const s = createServer();
  await new Promise((r) => s.listen(0, "127.0.0.1", r));
  const { port } = s.address();
  await new Promise((r) => s.close(r));
  return port;
}

const files = readdirSync("bundle");
const main = files.find((f) => f.endsWith(".js"));
const wasm = files.filter((f) => f.endsWith(".wasm"));
const modules = [`(name = "${main}", esModule = embed "bundle/${main}")`, ...wasm.map((w) => `(name = "${w}", wasm = embed "bundle/${w}")`)];
const children = [];

/** Serves the bundled Worker in a new workerd process (a fresh isolate) whose JWKS_URL is `jwksUrl`. */
async function startWorkerd(name, jwksUrl) {
  const port = await freePort();
  writeFileSync(`${name}.capnp`, `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    # fetch() may reach loopback only: the local JWKS server.
    (name = "internet", network = (allow = ["local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);

const worker :Workerd.Worker = (
  modules = [
    ${modules.join(",\n    ")}
  ],
  bindings = [
    (name = "JWKS_URL", text = "${jwksUrl}"),
    (name = "AUDIENCE", text = "edge-api"),
    (name = "ISSUER", text = "https://idp.test/"),
  ],
  compatibilityDate = "2025-01-01",
);
`);
  const child = spawn(workerdBin, ["serve", `${name}.capnp`], { stdio: ["ignore", "inherit", "inherit"] });
  const instance = { base: `http://127.0.0.1:${port}/`, exited: false, child };
  child.on("exit", () => { instance.exited = true; });
  children.push(child);
  return instance;
}

function call(instance, authorization, signal = AbortSignal.timeout(DEADLINE_MS)) {
  const headers = authorization === undefined ? {} : { authorization };
  return fetch(instance.base, { headers, signal });
}

async function waitUp(instance) {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (instance.exited) throw new Error("workerd exited early");
    try {
      const res = await call(instance);
      await res.arrayBuffer();
      return res;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error("workerd did not answer within 60 s");
}

function stopAll() {
  for (const c of children) c.kill();
}

const claims = (k, extra = {}) => ({ sub: `user-${k.alg}`, aud: "edge-api", iss: "https://idp.test/", exp: nowS() + 600, ...extra });

try {
  const edge = await startWorkerd("edge", server.url());
  const first = await waitUp(edge);
  await t.test("no token: 401 with the bare challenge, and no JWKS fetch", async () => {
    assert.equal(first.status, 401);
    assert.equal(first.headers.get("www-authenticate"), 'Bearer realm="api"');
    assert.equal(server.count(), 0);
  });

  await t.test("50 concurrent requests with valid RS256/ES256/EdDSA tokens: all 200, exactly one JWKS fetch", async () => {
    const started = Date.now();
    const responses = await Promise.all(Array.from({ length: 50 }, async (_, i) => {
      const k = keys[i % 3];
      const res = await call(edge, `Bearer ${sign(jwt, k, claims(k, { n: i }))}`);
      return { i, k, status: res.status, body: await res.text() };
    }));
    for (const r of responses) {
      assert.equal(r.status, 200, `request ${r.i}: ${r.status} ${r.body}`);
      const body = JSON.parse(r.body);
      assert.equal(body.sub, `user-${r.k.alg}`);
      assert.equal(body.n, r.i);
    }
    assert.equal(server.count(), 1, `JWKS fetched ${server.count()} times`);
    console.log(`50 concurrent valid requests in ${Date.now() - started} ms, JWKS fetches: ${server.count()}`);
  });

  await t.test("invalid tokens: 401 with an invalid_token challenge, no extra fetch", async () => {
    const k = keys[0];
    const good = sign(jwt, k, claims(k));
    const tampered = good.slice(0, -4) + (good.endsWith("AAAA") ? "BBBB" : "AAAA");
    const expired = sign(jwt, k, claims(k, { exp: nowS() - 3600 }));
    const wrongAud = sign(jwt, keys[1], claims(keys[1], { aud: "someone-else" }));
    const cases = [
      [tampered, /^Bearer realm="api", error="invalid_token", error_description="[^"]+"$/],
      [expired, /^Bearer realm="api", error="invalid_token", error_description="Signature has expired"$/],
      [wrongAud, /^Bearer realm="api", error="invalid_token", error_description="[^"]+"$/],
    ];
    const responses = await Promise.all(cases.map(async ([token]) => call(edge, `Bearer ${token}`)));
    for (const [idx, res] of responses.entries()) {
      assert.equal(res.status, 401);
      const challenge = res.headers.get("www-authenticate");
      assert.match(challenge, cases[idx][1]);
      assert.ok(!challenge.includes(cases[idx][0].split(".")[2]));
      const body = await res.json();
      assert.equal(body.error, "invalid_token");
    }
    assert.equal(server.count(), 1);
  });

  await t.test("an unknown kid within the cooldown is 401 without a refetch; another scheme gets the bare challenge", async () => {
    const stranger = makeKeys(jwt, "stranger")[1];
    const res = await call(edge, `Bearer ${sign(jwt, stranger, claims(stranger))}`);
    assert.equal(res.status, 401);
    assert.match(res.headers.get("www-authenticate"), /error="invalid_token"/);
    await res.arrayBuffer();
    const basic = await call(edge, "Basic dXNlcjpwYXNz");
    assert.equal(basic.status, 401);
    assert.equal(basic.headers.get("www-authenticate"), 'Bearer realm="api"');
    await basic.arrayBuffer();
    assert.equal(server.count(), 1);
  });

  await t.test("a leader request cancelled mid-fetch leaves no request hanging: the others take over after its lease", async () => {
    // A fresh isolate whose first JWKS fetch never completes. Awaiting the
    // leader's promise from the other requests would hang them (jose #355,
    // #509); polling the shared cache lets one of them refetch instead.
    const cold = await startWorkerd("cold", server.url("/jwks-hang-first"));
    await waitUp(cold);
    const k = keys[2];
    const leader = new AbortController();
    const leaderDone = call(cold, `Bearer ${sign(jwt, k, claims(k))}`, leader.signal).then(
      (res) => res.status,
      () => "aborted",
    );
    const until = Date.now() + 10_000;
    while (server.count("/jwks-hang-first") < 1 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    assert.equal(server.count("/jwks-hang-first"), 1, "the leader's JWKS fetch never arrived");
    const started = Date.now();
    const followers = Array.from({ length: 10 }, async (_, i) => {
      const kk = keys[i % 3];
      const res = await call(cold, `Bearer ${sign(jwt, kk, claims(kk, { n: i }))}`);
      return [res.status, await res.text()];
    });
    await new Promise((r) => setTimeout(r, 200));
    leader.abort(); // the client goes away: workerd cancels the leader's request
    const results = await Promise.all(followers);
    for (const [status, body] of results) assert.equal(status, 200, body);
    assert.equal(await leaderDone, "aborted");
    assert.equal(server.count("/jwks-hang-first"), 2, `JWKS fetched ${server.count("/jwks-hang-first")} times`);
    console.log(`10 followers of a cancelled leader answered 200 after ${Date.now() - started} ms, JWKS fetches: 2`);
  });
} catch (e) {
  console.log(`JWT_WASM_FAILURE jwks-workerd: setup: ${e && e.stack ? e.stack.split("\n").slice(0, 3).join(" | ") : e}`);
  console.log("JWT_WASM_RESULT passed=0 failed=1");
  stopAll();
  await server.close();
  process.exit(1);
}
stopAll();
await server.close();
process.exit(t.report() === 0 ? 0 : 1);
