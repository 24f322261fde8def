// Cloudflare Worker: runs the suite per request and answers with its report.
import * as jwt from "jwt-wasm";
import * as hmac from "jwt-wasm/hmac";
import { hmacCases } from "./hmac-suite.mjs";
import { run, report } from "./suite.mjs";

export default {
  async fetch() {
    return new Response(report(run(jwt), run(hmac, hmacCases, jwt)), { headers: { "content-type": "text/plain" } });
  },
};
