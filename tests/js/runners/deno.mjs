// Deno: `import` the package from the project's node_modules.
import * as jwt from "jwt-wasm";
import { run, report } from "./suite.mjs";

console.log(report(run(jwt)));
