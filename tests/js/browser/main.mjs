// Browser page script (Vite app and plain page alike): a call before `ready`
// must fail with a clear message; then wait for `ready`, run the suite
// synchronously, and put the report in #result for the driver.
import * as jwt from "jwt-wasm";
import * as hmac from "jwt-wasm/hmac";
import { hmacCases } from "./hmac-suite.mjs";
import { run, report } from "./suite.mjs";

let early;
try {
  jwt.getUnverifiedHeader("e30.e30.");
  early = "a call before `ready` did not throw";
} catch (e) {
  early = /not initialised yet/.test(String(e && e.message)) ? null : `a call before \`ready\` threw ${e}`;
}

const out = document.getElementById("result");
Promise.all([jwt.ready, hmac.ready])
  .then(() => {
    const result = run(jwt);
    if (early) {
      result.failed++;
      result.failures.push(early);
    } else {
      result.passed++;
    }
    return report(result, run(hmac, hmacCases, jwt));
  })
  .catch((e) => `JWT_WASM_FAILURE initialisation: ${e && e.stack ? e.stack : e}\nJWT_WASM_RESULT passed=0 failed=1`)
  .then((text) => {
    out.textContent = text;
    out.dataset.done = "1";
  });
