// Bun: `import` the installed package.
import * as jwt from "jwt-wasm";
import { run, report } from "./suite.mjs";

console.log(report(run(jwt)));
