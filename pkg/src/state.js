// Whether the wasm instance exists yet. Entries that can instantiate
// synchronously mark it at import time; the browser entry marks it when its
// `ready` promise settles, and calls made before then get a clear error.

let initialized = false;

/** Called by an entry once `initSync`/`init` has returned. */
export function markInitialized() {
  initialized = true;
}

/** Throws unless the wasm instance is ready. */
export function assertInitialized() {
  if (!initialized) {
    throw new Error("jwt-wasm is not initialised yet: `await ready` (exported by the package) before the first call");
  }
}
