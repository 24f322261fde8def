// Node CJS: `require` the installed package (the suite itself is ESM).
const jwt = require("jwt-wasm");
const hmac = require("jwt-wasm/hmac");

Promise.all([import("./suite.mjs"), import("./hmac-suite.mjs")]).then(([{ run, report }, { hmacCases }]) => {
  console.log(report(run(jwt), run(hmac, hmacCases, jwt)));
});
