// Node CJS: `require` the installed package (the suite itself is ESM).
const jwt = require("jwt-wasm");

import("./suite.mjs").then(({ run, report }) => {
  console.log(report(run(jwt)));
});
