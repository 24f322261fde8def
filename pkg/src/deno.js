// Deno: a source-phase import gives the compiled WebAssembly.Module without
// any permission flag (reading the file with node:fs would need --allow-read),
// and it is instantiated synchronously.
import source wasmModule from "./jwt_wasm_bg.wasm";
import { __jwtWasmInit } from "./deno-core.js";

__jwtWasmInit(wasmModule);

export * from "./deno-core.js";
