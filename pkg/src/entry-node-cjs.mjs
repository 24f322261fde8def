// Node `require`: bundled to CommonJS as dist/node.cjs by `cargo xtask build`;
// the wasm sits next to it in dist/.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { initSync } from "../dist/jwt_wasm.js";
import { markInitialized } from "./state.js";

initSync({ module: new WebAssembly.Module(readFileSync(join(__dirname, "jwt_wasm_bg.wasm"))) });
markInitialized();

/** Already settled here: the instance was created synchronously above. */
export const ready = Promise.resolve();

export * from "./api.js";
