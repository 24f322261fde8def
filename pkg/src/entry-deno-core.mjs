// Deno: the API and glue, without initialisation; `deno.js` (not bundled,
// because esbuild cannot parse source-phase imports) imports the wasm and
// calls `__jwtWasmInit`.
import { initSync } from "../dist/jwt_wasm.js";
import { markInitialized } from "./state.js";

/** @internal Instantiates the wasm module; called once by `deno.js`. */
export function __jwtWasmInit(module) {
  initSync({ module });
  markInitialized();
}

/** Already settled: `deno.js` instantiates synchronously on import. */
export const ready = Promise.resolve();

export * from "./api.js";
