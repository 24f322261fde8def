// Vercel Edge (edge-light): Vercel's bundler (and Next.js') need the `?module`
// suffix on wasm imports; it
// turns the import into a compiled WebAssembly.Module, instantiated
// synchronously here (no top-level await, no fetch, no eval).
import wasmModule from "./jwt_wasm_bg.wasm?module";
import { initSync } from "../dist/jwt_wasm.js";
import { markInitialized } from "./state.js";

initSync({ module: wasmModule });
markInitialized();

/** Already settled here: the instance was created synchronously above. */
export const ready = Promise.resolve();

export * from "./api.js";
