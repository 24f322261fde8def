// Node (ESM import), and Bun: the wasm bytes are compiled synchronously, so the
// API is usable as soon as the import resolves, without top-level await.
import { readFileSync } from "node:fs";
import { initSync } from "../dist/jwt_wasm.js";
import { markInitialized } from "./state.js";

initSync({ module: new WebAssembly.Module(readFileSync(new URL("./jwt_wasm_bg.wasm", import.meta.url))) });
markInitialized();

/** Already settled here: the instance was created synchronously above. */
export const ready = Promise.resolve();

export * from "./api.js";
