// The attack suite (issue 6 §1), through the package's JS API in Node.
import "./attacks-keys.mjs";
import "./attacks-format.mjs";
import { run } from "./harness.mjs";

await run("attacks");
