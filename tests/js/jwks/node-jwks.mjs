// Remote JWKS and request authentication in Node 20, against a local JWKS
// server on 127.0.0.1 (run by `cargo xtask test`, step jwks-node).
import assert from "node:assert/strict";
import * as jwt from "jwt-wasm";
import { harness, makeKeys, sign, startJwksServer } from "./jwks-server.mjs";

const { AuthError, JWKClientConnectionError, JWKClientError, JWTError, JwkSet, JwksClient, authenticate, bearerToken } = jwt;
const ALGS = ["RS256", "ES256", "EdDSA"];
const now = () => Math.floor(Date.now() / 1000);
const server = await startJwksServer();
const t = harness("jwks-node");

const keys = makeKeys(jwt, "v1");
const encKey = { ...jwt.Key.generate("ES256").publicKey.toJwk(), kid: "enc-only", use: "enc" };
server.setKeys([...keys.map((k) => k.jwk), encKey, { kty: "weird", kid: "unusable" }]);
const good = (k, claims = {}) => sign(jwt, k, { sub: "user-1", exp: now() + 600, ...claims });

/** A clock the test moves by hand (ms). */
function fakeClock(start = 1_000_000) {
  let ms = start;
  return { now: () => ms, advance: (d) => { ms += d; } };
}

async function rejects(promise, cls, check) {
  try {
    await promise;
  } catch (e) {
    assert.ok(e instanceof cls, `expected ${cls.name}, got ${e && e.name}: ${e && e.message}`);
    if (check) check(e);
    return e;
  }
  assert.fail(`expected ${cls.name}, nothing was thrown`);
}

await t.test("URL policy: http to a non-loopback host is JWKClientError; https and loopback http are accepted", () => {
  assert.throws(() => new JwksClient("http://idp.example/jwks"), (e) => e instanceof JWKClientError && e instanceof JWTError && e.code === "ERR_JWKS_CLIENT");
  assert.throws(() => new JwksClient("http://10.1.2.3/jwks"), JWKClientError);
  new JwksClient("https://idp.example/.well-known/jwks.json");
  new JwksClient("http://localhost:1/jwks");
  new JwksClient("http://[::1]:1/jwks");
});

await t.test("RS256, ES256 and EdDSA tokens verify with one fetch, sending the JWKS accept header", async () => {
  const before = server.count();
  const client = new JwksClient(server.url());
  for (const k of keys) {
    const claims = await client.decode(good(k), { algorithms: ALGS });
    assert.equal(claims.sub, "user-1");
  }
  assert.equal(server.count() - before, 1);
  assert.equal(server.accepts.at(-1), "application/json, application/jwk-set+json");
});

await t.test("caching: 30 more lookups and decodes cost no fetch", async () => {
  const client = new JwksClient(server.url());
  await client.getSigningKey(keys[0].kid);
  const before = server.count();
  for (let i = 0; i < 10; i++) {
    for (const k of keys) {
      const key = await client.getSigningKey(k.kid);
      assert.equal(key.kid, k.kid);
    }
  }
  assert.equal(server.count(), before);
});

await t.test("concurrent lookups share one fetch (same context and across contexts)", async () => {
  let before = server.count();
  const a = new JwksClient(server.url());
  await Promise.all(Array.from({ length: 20 }, (_, i) => a.getSigningKey(keys[i % 3].kid)));
  assert.equal(server.count() - before, 1);
  before = server.count();
  const b = new JwksClient(server.url());
  const contexts = Array.from({ length: 10 }, () => ({}));
  const got = await Promise.all(contexts.map((context, i) => b.getSigningKey(keys[i % 3].kid, { context })));
  assert.equal(got.length, 10);
  assert.equal(server.count() - before, 1);
});

await t.test("only signing keys count; unusable keys are skipped", async () => {
  const client = new JwksClient(server.url());
  const set = await client.getJwkSet();
  assert.ok(set instanceof JwkSet);
  assert.deepEqual(set.keys.map((k) => k.kid).sort(), keys.map((k) => k.kid).sort());
  await rejects(client.getSigningKey("enc-only"), JWKClientError);
  await rejects(client.getSigningKey("unusable"), JWKClientError);
});

await t.test("an unknown kid within the cooldown: PyJWKClient's message, no refetch", async () => {
  const clock = fakeClock();
  const client = new JwksClient(server.url(), { now: clock.now, cooldown: 30_000 });
  await client.getSigningKey(keys[0].kid);
  const before = server.count();
  clock.advance(29_999);
  await rejects(client.getSigningKey("nope"), JWKClientError, (e) => {
    assert.equal(e.message, 'Unable to find a signing key that matches: "nope"');
    assert.ok(!(e instanceof JWKClientConnectionError));
  });
  assert.equal(server.count(), before);
});

await t.test("cooldown: after it, an unknown kid refetches exactly once, then waits out the cooldown again", async () => {
  const clock = fakeClock();
  const client = new JwksClient(server.url(), { now: clock.now, cooldown: 30_000 });
  await client.getSigningKey(keys[0].kid);
  const before = server.count();
  clock.advance(30_000);
  await rejects(client.getSigningKey("ghost"), JWKClientError);
  assert.equal(server.count() - before, 1);
  await rejects(client.getSigningKey("ghost"), JWKClientError);
  clock.advance(29_000);
  await rejects(client.getSigningKey("ghost"), JWKClientError);
  assert.equal(server.count() - before, 1);
});

await t.test("rotation: a token with a new kid triggers exactly one refetch and verifies", async () => {
  const clock = fakeClock();
  const client = new JwksClient(server.url(), { now: clock.now, cooldown: 30_000 });
  await client.decode(good(keys[1]), { algorithms: ALGS });
  const rotated = makeKeys(jwt, "v2");
  server.setKeys([...rotated.map((k) => k.jwk), keys[1].jwk]);
  try {
    clock.advance(31_000);
    const before = server.count();
    const tokens = rotated.map((k) => good(k, { sub: `rotated-${k.alg}` }));
    const claims = await Promise.all(tokens.map((tok) => client.decode(tok, { algorithms: ALGS })));
    assert.deepEqual(claims.map((c) => c.sub), rotated.map((k) => `rotated-${k.alg}`));
    assert.equal(server.count() - before, 1);
    // The kept old key still verifies, without a fetch.
    await client.decode(good(keys[1]), { algorithms: ALGS });
    assert.equal(server.count() - before, 1);
  } finally {
    server.setKeys([...keys.map((k) => k.jwk), encKey]);
  }
});

await t.test("timeout: a JWKS that never answers is JWKClientConnectionError after the timeout", async () => {
  const client = new JwksClient(server.url("/hang"), { timeout: 300 });
  await rejects(client.getSigningKey("x"), JWKClientConnectionError, (e) => {
    assert.ok(e instanceof JWKClientError);
    assert.equal(e.code, "ERR_JWKS_CLIENT_CONNECTION");
    assert.match(e.message, /^Fail to fetch data from the url, err: "timed out after 300 ms"$/);
  });
});

await t.test("size cap: streamed and declared oversized bodies are JWKClientError, not read in full", async () => {
  const streamed = new JwksClient(server.url("/big"), { maxResponseBytes: 100_000 });
  await rejects(streamed.getSigningKey("x"), JWKClientError, (e) => {
    assert.ok(!(e instanceof JWKClientConnectionError));
    assert.match(e.message, /larger than the 100000 bytes allowed/);
  });
  const declared = new JwksClient(server.url("/big-declared"), { maxResponseBytes: 100_000 });
  await rejects(declared.getSigningKey("x"), JWKClientError, (e) => assert.match(e.message, /larger than/));
});

await t.test("a non-200 status is JWKClientConnectionError; a non-JSON body is JWKClientError", async () => {
  await rejects(new JwksClient(server.url("/missing")).getSigningKey("x"), JWKClientConnectionError, (e) =>
    assert.equal(e.message, 'Fail to fetch data from the url, err: "HTTP 404"'));
  await rejects(new JwksClient(server.url("/html")).getSigningKey("x"), JWKClientError, (e) => {
    assert.ok(!(e instanceof JWKClientConnectionError));
    assert.equal(e.message, "The JWKS response is not valid JSON");
  });
});

await t.test("a failed refresh keeps the old keys verifying until cacheMaxAge", async () => {
  const clock = fakeClock();
  const client = new JwksClient(server.url(), { now: clock.now, cooldown: 30_000, cacheMaxAge: 600_000 });
  await client.decode(good(keys[2]), { algorithms: ALGS });
  server.mode = "500";
  try {
    clock.advance(60_000);
    const rotatedKey = makeKeys(jwt, "v3")[0];
    await rejects(client.decode(good(rotatedKey), { algorithms: ALGS }), JWKClientConnectionError);
    for (const k of keys) assert.equal((await client.decode(good(k), { algorithms: ALGS })).sub, "user-1");
    clock.advance(540_000); // the set is now 600 s old: expired, and the refresh still fails
    await rejects(client.decode(good(keys[2]), { algorithms: ALGS }), JWKClientConnectionError);
  } finally {
    server.mode = "ok";
  }
  assert.equal((await client.decode(good(keys[2]), { algorithms: ALGS })).sub, "user-1");
});

await t.test("an injected fetch is used with the caller's headers, and accept cannot be overridden", async () => {
  const seen = [];
  const injected = async (url, init) => {
    seen.push({ url, accept: init.headers.accept, tenant: init.headers["x-tenant"] });
    return new Response(JSON.stringify({ keys: keys.map((k) => k.jwk) }), { status: 200 });
  };
  const client = new JwksClient("https://idp.example/jwks", { fetch: injected, headers: { "x-tenant": "t1", accept: "text/html" } });
  const key = await client.getSigningKeyFromJwt(good(keys[1]));
  assert.equal(key.kid, keys[1].kid);
  assert.deepEqual(seen, [{ url: "https://idp.example/jwks", accept: "application/json, application/jwk-set+json", tenant: "t1" }]);
  await rejects(client.getSigningKeyFromJwt(jwt.encode({ a: 1 }, "k".repeat(32))), JWKClientError);
});

// ------------------------------------------------------------ authenticate

const client = new JwksClient(server.url());
const request = (authorization) =>
  new Request("https://api.example/me", authorization === undefined ? {} : { headers: { authorization } });
const opts = { jwks: client, algorithms: ALGS, realm: "example" };

async function authFails(req, options, status) {
  const e = await rejects(authenticate(req, options), AuthError);
  assert.equal(e.status, status);
  assert.equal(e.response.status, status);
  return e;
}

await t.test("authenticate: a good token gives its claims; the scheme is case-insensitive", async () => {
  const token = good(keys[0], { sub: "alice" });
  assert.equal((await authenticate(request(`Bearer ${token}`), opts)).sub, "alice");
  assert.equal((await authenticate(request(`bearer ${token}`), opts)).sub, "alice");
  assert.equal((await authenticate(request(`BEARER  ${token}`), opts)).sub, "alice");
  assert.equal(bearerToken(request(`Bearer ${token}`)), token);
  assert.equal(bearerToken(request(`Basic ${token}`)), null);
  assert.equal(bearerToken(request()), null);
});

await t.test("authenticate: a missing header is 401 with a bare Bearer challenge (RFC 6750 §3.1)", async () => {
  const e = await authFails(request(), opts, 401);
  assert.equal(e.response.headers.get("www-authenticate"), 'Bearer realm="example"');
});

await t.test("authenticate: another scheme is 401 with a bare Bearer challenge", async () => {
  const e = await authFails(request("Basic dXNlcjpwYXNz"), opts, 401);
  assert.equal(e.response.headers.get("www-authenticate"), 'Bearer realm="example"');
});

await t.test("authenticate: an expired token is 401 invalid_token with PyJWT's message, never the token", async () => {
  const token = sign(jwt, keys[1], { sub: "bob", exp: now() - 3600 });
  const e = await authFails(request(`Bearer ${token}`), opts, 401);
  const challenge = e.response.headers.get("www-authenticate");
  assert.equal(challenge, 'Bearer realm="example", error="invalid_token", error_description="Signature has expired"');
  const body = await e.response.json();
  assert.deepEqual(body, { error: "invalid_token", error_description: "Signature has expired" });
  assert.ok(!challenge.includes(token.split(".")[1]));
});

await t.test("authenticate: a tampered token and an unknown kid are 401 invalid_token", async () => {
  const token = good(keys[0]);
  const tampered = token.slice(0, -4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
  let e = await authFails(request(`Bearer ${tampered}`), opts, 401);
  assert.match(e.response.headers.get("www-authenticate"), /^Bearer realm="example", error="invalid_token", error_description="[^"]+"$/);
  const stranger = makeKeys(jwt, "stranger")[0];
  e = await authFails(request(`Bearer ${good(stranger)}`), opts, 401);
  const challenge = e.response.headers.get("www-authenticate");
  assert.match(challenge, /error="invalid_token"/);
  assert.ok(!challenge.includes("stranger"), challenge);
});

await t.test("authenticate: a revoked token is 401 invalid_token", async () => {
  const token = good(keys[2], { jti: "revoked-1" });
  const e = await authFails(request(`Bearer ${token}`), { ...opts, isRevoked: async (c) => c.jti === "revoked-1" }, 401);
  assert.equal(e.response.headers.get("www-authenticate"), 'Bearer realm="example", error="invalid_token", error_description="The token has been revoked"');
  const ok = await authenticate(request(`Bearer ${good(keys[2], { jti: "fine" })}`), { ...opts, isRevoked: (c) => c.jti === "revoked-1" });
  assert.equal(ok.jti, "fine");
});

await t.test("authenticate: a malformed Bearer credential is 400 invalid_request", async () => {
  const e = await authFails(request("Bearer a b c"), opts, 400);
  assert.match(e.response.headers.get("www-authenticate"), /error="invalid_request"/);
});

await t.test("authenticate: options.key takes a key or a local JwkSet", async () => {
  const set = new JwkSet({ keys: keys.map((k) => k.jwk) });
  const token = good(keys[1], { sub: "carol" });
  assert.equal((await authenticate(request(`Bearer ${token}`), { key: set, algorithms: ALGS })).sub, "carol");
  const secret = "a-secret-of-at-least-thirty-two-bytes!!";
  const hs = jwt.encode({ sub: "dave", exp: now() + 60 }, secret);
  assert.equal((await authenticate(request(`Bearer ${hs}`), { key: secret, algorithms: ["HS256"] })).sub, "dave");
  await assert.rejects(authenticate(request(`Bearer ${hs}`), { algorithms: ["HS256"] }), TypeError);
});

await t.test("authenticate: an unreachable JWKS is 503 without a challenge", async () => {
  const down = new JwksClient(server.url("/missing"));
  const e = await authFails(request(`Bearer ${good(keys[0])}`), { jwks: down, algorithms: ALGS }, 503);
  assert.equal(e.response.headers.get("www-authenticate"), null);
});

await server.close();
process.exit(t.report() === 0 ? 0 : 1);
