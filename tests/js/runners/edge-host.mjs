// Host for the Vercel Edge test (run with Node in the consumer project):
// 1. bundles edge.mjs the way Vercel's edge bundler does: `edge-light`
//    condition, and every `.wasm?module` import becomes a WebAssembly.Module
//    that the host compiles and binds to a global (no fetch, no eval);
// 2. evaluates the bundle inside the edge-runtime VM (string code
//    generation disabled, as on Vercel) and prints the suite's report.
import { readFileSync } from "node:fs";
import { build } from "esbuild";
import { EdgeRuntime } from "edge-runtime";

const wasmFiles = [];
const wasmAsModule = {
  name: "wasm-as-module",
  setup(b) {
    b.onResolve({ filter: /\.wasm(\?module)?$/ }, (args) => ({
      path: new URL(args.path.replace(/\?module$/, ""), `file://${args.resolveDir}/`).pathname,
      namespace: "edge-wasm",
    }));
    b.onLoad({ filter: /.*/, namespace: "edge-wasm" }, (args) => {
      wasmFiles.push(args.path);
      return { contents: `export default globalThis.__edgeWasm${wasmFiles.length - 1};`, loader: "js" };
    });
  },
};

const out = await build({
  entryPoints: ["edge.mjs"],
  bundle: true,
  write: false,
  format: "iife",
  platform: "browser",
  conditions: ["edge-light"],
  logLevel: "warning",
  plugins: [wasmAsModule],
});

const runtime = new EdgeRuntime({
  extend(context) {
    wasmFiles.forEach((file, i) => {
      context[`__edgeWasmBytes${i}`] = new Uint8Array(readFileSync(file));
    });
    return context;
  },
});
wasmFiles.forEach((_, i) => {
  runtime.evaluate(`globalThis.__edgeWasm${i} = new WebAssembly.Module(globalThis.__edgeWasmBytes${i});`);
});
runtime.evaluate(out.outputFiles[0].text);
console.log(runtime.evaluate("globalThis.__jwtWasmReport"));
