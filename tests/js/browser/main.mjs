// Browser page script (Vite app and plain page alike): wait for `ready`,
// run the suite synchronously, and put the report in #result for the driver.
import * as jwt from "jwt-wasm";
import { run, report } from "./suite.mjs";

const out = document.getElementById("result");
jwt.ready
  .then(() => report(run(jwt)))
  .catch((e) => `JWT_WASM_FAILURE initialisation: ${e && e.stack ? e.stack : e}\nJWT_WASM_RESULT passed=0 failed=1`)
  .then((text) => {
    out.textContent = text;
    out.dataset.done = "1";
  });
