// Node ESM: `import` the installed package.
import * as jwt from "jwt-wasm";
import * as hmac from "jwt-wasm/hmac";
import { hmacCases } from "./hmac-suite.mjs";
import { run, report } from "./suite.mjs";

console.log(report(run(jwt), run(hmac, hmacCases, jwt)));
