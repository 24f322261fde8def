// Cloudflare Worker: runs the suite per request and answers with its report.
import * as jwt from "jwt-wasm";
import { run, report } from "./suite.mjs";

export default {
  async fetch() {
    return new Response(report(run(jwt)), { headers: { "content-type": "text/plain" } });
  },
};
