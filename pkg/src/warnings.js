// Warnings (such as short keys) go to a per-call or global handler; by
// default one console.warn per key.

import { describe } from "./util.js";

let globalOnWarning = null;
const warnedKeys = new WeakSet();
const warnedTexts = new Set();

/**
 * Sets the handler for warnings (such as a key shorter than its algorithm
 * needs) for every call without its own `onWarning`; `null` restores the
 * default, one `console.warn` per key.
 */
export function setOnWarning(handler) {
  if (handler !== null && typeof handler !== "function") {
    throw new TypeError(`the warning handler must be a function or null, got ${describe(handler)}`);
  }
  globalOnWarning = handler;
}

export function warn(messages, key, perCall) {
  if (!messages) return;
  const handler = perCall ?? globalOnWarning;
  for (const message of messages) {
    if (handler) {
      handler(message);
      continue;
    }
    // Default: once per key object, or once per message for string/byte keys.
    if (key !== null && typeof key === "object" && !(key instanceof Uint8Array)) {
      if (warnedKeys.has(key)) continue;
      warnedKeys.add(key);
    } else {
      if (warnedTexts.has(message)) continue;
      if (warnedTexts.size < 1000) warnedTexts.add(message);
    }
    console.warn(`jwt-wasm: ${message}`);
  }
}
