// Memory settling (issue 6 §2): 1,000,000 decodes and 100,000 Key creations
// without free(); the wasm linear memory and the JS heap must settle, and
// Keys must be reclaimed by the package's FinalizationRegistry.
// Run with `node --expose-gc memory.mjs`.

import assert from "node:assert/strict";
import { setImmediate as tick } from "node:timers/promises";
import { test, run } from "./harness.mjs";

if (typeof globalThis.gc !== "function") {
  console.log("JWT_WASM_FAILURE memory: run me with node --expose-gc");
  console.log("JWT_WASM_RESULT passed=0 failed=1");
  process.exit(1);
}

// The package does not expose its wasm memory (and should not). The test
// watches instantiation instead: the Node entry builds its instance with
// `new WebAssembly.Instance`, so a subclass installed before the import
// sees the instance's exports. Nothing in the package is changed.
let memory;
const Original = WebAssembly.Instance;
WebAssembly.Instance = class extends Original {
  constructor(...args) {
    super(...args);
    for (const value of Object.values(this.exports)) {
      if (value instanceof WebAssembly.Memory) memory = value;
    }
  }
};
const jwt = await import("jwt-wasm");
WebAssembly.Instance = Original;

const MiB = 1024 * 1024;
const mib = (n) => `${(n / MiB).toFixed(2)} MiB`;
const SECRET = "a 32-byte HMAC secret for tests!";
const NOW = 1_700_000_000;

async function settle() {
  // Two collections with turns of the event loop between them, so
  // FinalizationRegistry callbacks (which run as tasks) get their turn.
  for (let i = 0; i < 3; i += 1) {
    globalThis.gc();
    await tick();
  }
}

test("memory: the package's wasm memory is observable", () => {
  assert.ok(memory instanceof WebAssembly.Memory, "no WebAssembly.Memory export was seen");
  assert.ok(memory.buffer.byteLength > 0);
});

test("memory: 1,000,000 decodes leave the wasm memory and the JS heap settled", async () => {
  const token = jwt.encode({ sub: "user", aud: "api", iat: NOW, exp: NOW + 60, roles: ["a", "b"] }, SECRET);
  const key = jwt.Key.fromSecret(SECRET);
  const options = { algorithms: ["HS256"], audience: "api", now: NOW };
  const decodeMany = (n) => {
    for (let i = 0; i < n; i += 1) {
      // Alternate the key forms: a string (a temporary wasm key per call) and a Key.
      const out = jwt.decode(token, i & 1 ? key : SECRET, options);
      if (out.sub !== "user") throw new Error("wrong claims");
    }
  };
  decodeMany(20_000); // warm-up: allocator pools and JIT reach their steady state
  await settle();
  const wasmBefore = memory.buffer.byteLength;
  const heapBefore = process.memoryUsage().heapUsed;
  const start = performance.now();
  decodeMany(1_000_000);
  const seconds = (performance.now() - start) / 1000;
  await settle();
  const wasmAfter = memory.buffer.byteLength;
  const heapAfter = process.memoryUsage().heapUsed;
  console.log(
    `  1,000,000 decodes in ${seconds.toFixed(1)} s; wasm memory ${mib(wasmBefore)} -> ${mib(wasmAfter)}; ` +
      `JS heap ${mib(heapBefore)} -> ${mib(heapAfter)}`,
  );
  // A leak of even one byte per call would grow the memory by about 1 MiB.
  assert.ok(wasmAfter - wasmBefore <= MiB, `wasm memory grew by ${mib(wasmAfter - wasmBefore)}`);
  assert.ok(heapAfter - heapBefore <= 8 * MiB, `JS heap grew by ${mib(heapAfter - heapBefore)}`);
});

test("memory: 100,000 Keys created without free() are reclaimed by the FinalizationRegistry", async () => {
  // 1 KiB secrets: 100,000 unreclaimed keys would hold about 100 MiB of wasm memory.
  const secret = new Uint8Array(1024).fill(7);
  let collected = 0;
  const watch = new FinalizationRegistry(() => {
    collected += 1;
  });
  const token = jwt.encode({ sub: "k" }, secret);
  await settle();
  const wasmBefore = memory.buffer.byteLength;
  const start = performance.now();
  for (let round = 0; round < 10; round += 1) {
    for (let i = 0; i < 10_000; i += 1) {
      const key = jwt.Key.fromSecret(secret);
      watch.register(key, undefined);
      if (i % 1000 === 0) assert.equal(jwt.decode(token, key, { algorithms: ["HS256"] }).sub, "k");
    }
    await settle();
  }
  await settle();
  const seconds = (performance.now() - start) / 1000;
  const wasmAfter = memory.buffer.byteLength;
  console.log(
    `  100,000 Keys in ${seconds.toFixed(1)} s; ${collected} collected; wasm memory ${mib(wasmBefore)} -> ${mib(wasmAfter)}`,
  );
  assert.ok(collected >= 99_000, `only ${collected} of 100,000 Keys were collected`);
  // At most about two rounds (20,000 keys, ~20 MiB) may be alive at once.
  assert.ok(wasmAfter - wasmBefore <= 32 * MiB, `wasm memory grew by ${mib(wasmAfter - wasmBefore)}`);
  // The instance still works after all that.
  assert.equal(jwt.decode(token, secret, { algorithms: ["HS256"] }).sub, "k");
});

await run("memory");
