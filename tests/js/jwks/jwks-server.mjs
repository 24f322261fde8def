// A JWKS server on 127.0.0.1 for the remote-JWKS tests. It counts requests
// per path and can be switched to fail, hang or send an oversized body.
import { createServer } from "node:http";

export async function startJwksServer() {
  const counts = new Map();
  const accepts = [];
  const sockets = new Set();
  const state = { body: JSON.stringify({ keys: [] }), mode: "ok" };
  const server = createServer((req, res) => {
    const path = new URL(req.url, "http://127.0.0.1").pathname;
    counts.set(path, (counts.get(path) || 0) + 1);
    accepts.push(req.headers.accept);
    if (path === "/hang") return; // never answers: the client's timeout must fire
    if (path === "/jwks-hang-first" && counts.get(path) === 1) return; // the first fetch never completes
    if (path === "/big") {
      // 2 MiB of JSON-ish text, streamed without content-length.
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = "x".repeat(64 * 1024);
      for (let i = 0; i < 32; i++) res.write(chunk);
      return res.end();
    }
    if (path === "/big-declared") {
      const body = JSON.stringify({ keys: [], pad: "y".repeat(300 * 1024) });
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
      return res.end(body);
    }
    if (path === "/html") {
      res.writeHead(200, { "content-type": "text/html" });
      return res.end("<html>not json</html>");
    }
    const served = path === "/jwks" || path === "/jwks-hang-first";
    if (!served || state.mode === "500") {
      res.writeHead(served ? 500 : 404);
      return res.end("no");
    }
    res.writeHead(200, { "content-type": "application/jwk-set+json" });
    res.end(state.body);
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = server.address().port;
  return {
    url: (path = "/jwks") => `http://127.0.0.1:${port}${path}`,
    count: (path = "/jwks") => counts.get(path) || 0,
    accepts,
    setKeys(jwks) {
      state.body = JSON.stringify({ keys: jwks });
    },
    set mode(m) {
      state.mode = m;
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Key pairs for RS256, ES256 and EdDSA with kids, and a signer. */
export function makeKeys(jwt, prefix = "k") {
  return ["RS256", "ES256", "EdDSA"].map((alg) => {
    const { privateKey, publicKey } = jwt.Key.generate(alg);
    const kid = `${prefix}-${alg}`;
    const jwk = { ...publicKey.toJwk(), kid, use: "sig", alg };
    return { alg, kid, privateKey, jwk };
  });
}

export function sign(jwt, k, claims, extraHeaders = {}) {
  return jwt.encode(claims, k.privateKey, { algorithm: k.alg, headers: { kid: k.kid, ...extraHeaders } });
}

/** A tiny harness printing the report lines cargo xtask reads. */
export function harness(name) {
  let passed = 0;
  let failed = 0;
  return {
    async test(title, fn) {
      try {
        await fn();
        passed++;
        console.log(`ok   ${title}`);
      } catch (e) {
        failed++;
        const where = e && e.stack ? e.stack.split("\n").slice(0, 3).join(" | ") : String(e);
        console.log(`JWT_WASM_FAILURE ${name}: ${title}: ${where}`);
      }
    },
    report() {
      console.log(`${passed} passed, ${failed} failed`);
      console.log(`JWT_WASM_RESULT passed=${passed} failed=${failed}`);
      return failed;
    },
  };
}
