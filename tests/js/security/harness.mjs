// A tiny test harness shared by the security suites: named cases, exact
// error-class assertions, and the `JWT_WASM_RESULT` line xtask parses.

import assert from "node:assert/strict";

const cases = [];

/** Registers a case; `fn` may be sync or async. */
export function test(name, fn) {
  cases.push({ name, fn });
}

/**
 * Asserts that `fn` throws an instance of exactly `cls` (not a subclass,
 * not a parent) whose `.code` is `cls.code`; returns the error.
 */
export function throwsExactly(fn, cls, messagePart) {
  let caught;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  assert.ok(caught !== undefined, `expected ${cls.name}, nothing was thrown`);
  assert.equal(
    Object.getPrototypeOf(caught)?.constructor,
    cls,
    `expected ${cls.name}, got ${caught?.constructor?.name}: ${caught?.message}`,
  );
  assert.equal(caught.code, cls.code, `expected code ${cls.code}, got ${caught.code}`);
  if (messagePart !== undefined) {
    assert.ok(
      String(caught.message).includes(messagePart),
      `expected the message to contain ${JSON.stringify(messagePart)}, got ${JSON.stringify(caught.message)}`,
    );
  }
  return caught;
}

/** Runs every registered case and prints one line per failure and the totals. */
export async function run(suite) {
  let passed = 0;
  let failed = 0;
  const start = performance.now();
  for (const { name, fn } of cases) {
    try {
      await fn();
      passed += 1;
    } catch (e) {
      failed += 1;
      const where = String(e && e.stack ? e.stack : e).split("\n").slice(0, 3).join(" | ");
      console.log(`JWT_WASM_FAILURE ${suite}: ${name}: ${where}`);
    }
  }
  const ms = (performance.now() - start).toFixed(0);
  console.log(`${suite}: ${passed} passed, ${failed} failed (${ms} ms)`);
  console.log(`JWT_WASM_RESULT passed=${passed} failed=${failed}`);
  if (failed > 0) process.exitCode = 1;
}
