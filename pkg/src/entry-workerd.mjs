// Cloudflare Workers (workerd): wrangler
// turns a .wasm import into a compiled WebAssembly.Module, instantiated
// synchronously here (no top-level await, no fetch, no eval).
import wasmModule from "./jwt_wasm_bg.wasm";
import { initSync } from "../dist/jwt_wasm.js";
import { markInitialized } from "./state.js";

initSync({ module: wasmModule });
markInitialized();

/** Already settled here: the instance was created synchronously above. */
export const ready = Promise.resolve();

export * from "./api.js";
