// Vercel Edge: the suite as an edge function would see the package, bundled
// with the `edge-light` condition by edge-host.mjs and evaluated in the
// edge-runtime VM.
import * as jwt from "jwt-wasm";
import * as hmac from "jwt-wasm/hmac";
import { hmacCases } from "./hmac-suite.mjs";
import { run, report } from "./suite.mjs";

globalThis.__jwtWasmReport = report(run(jwt), run(hmac, hmacCases, jwt));
