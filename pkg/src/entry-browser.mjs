// Browsers, with or without a bundler. The wasm is fetched and compiled
// asynchronously (browsers forbid large synchronous compiles on the main
// thread); `await ready` once, then every call is synchronous. The
// `new URL(…, import.meta.url)` form lets bundlers (Vite, webpack, esbuild)
// emit the .wasm asset and rewrite its URL.
import init from "../dist/jwt_wasm.js";
import { markInitialized } from "./state.js";

/** Resolves once the wasm instance is ready. */
export const ready = init({ module_or_path: new URL("./jwt_wasm_bg.wasm", import.meta.url) }).then(() => {
  markInitialized();
});

export * from "./api.js";
