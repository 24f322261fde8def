// End-to-end test of the token inspector (www/) in Debian's Chromium, driven
// by playwright-core. Usage:
//   node inspector.test.mjs [base-url] [chromium-profile-dir]
// (base-url defaults to http://127.0.0.1:8080/, the profile to a fresh temporary folder)
// Every token and key is made here with Node's crypto at run time, and typed
// into the page like a user would. Prints "N passed, N failed"; exits 1 on
// any failure. Screenshots go to target/inspector-screenshots/ (git-ignored)
// or to $INSPECTOR_SCREENSHOTS.

import { chromium } from "playwright-core";
import crypto from "node:crypto";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const BASE = new URL(process.argv[2] ?? "http://127.0.0.1:8080/");
const HERE = path.dirname(fileURLToPath(import.meta.url));
const SHOTS = process.env.INSPECTOR_SCREENSHOTS ?? path.resolve(HERE, "../../../target/inspector-screenshots");
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

const TEST_IDS = [
  "token-input", "header-json", "payload-json", "claims-table", "status-badge", "warnings", "parse-error",
  "key-input", "key-format", "algorithms-input", "audience-input", "issuer-input", "verify-result",
  "encoder-header", "encoder-payload", "encoder-alg", "encoder-key", "encoder-generate", "encoder-token",
  "encoder-to-decoder", "share-link",
];

// ── Token helpers (Node crypto) ─────────────────────────────────────────
const b64url = (buf) => Buffer.from(buf).toString("base64url");
const segment = (obj) => b64url(JSON.stringify(obj));

function hs256(payload, secret, header = { alg: "HS256", typ: "JWT" }) {
  const input = `${segment(header)}.${segment(payload)}`;
  return `${input}.${crypto.createHmac("sha256", secret).update(input).digest("base64url")}`;
}

function rs256(payload, privateKey) {
  const input = `${segment({ alg: "RS256", typ: "JWT", kid: "e2e-rsa" })}.${segment(payload)}`;
  return `${input}.${crypto.sign("sha256", Buffer.from(input), privateKey).toString("base64url")}`;
}

// Fixed instants, so the expectations never depend on when the test runs:
// 2100-01-01T00:00:00Z is far in the future, 2001-09-09T01:46:40Z long past.
const FAR_FUTURE = 4102444800;
const LONG_AGO = 1000000000;
// 2023-11-14T22:13:20Z: an issue date safely in the past (a future iat is rejected).
const ISSUED = 1700000000;

// ── Tiny runner ─────────────────────────────────────────────────────────
let passed = 0;
let failed = 0;
async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    const message = String(e && e.message ? e.message : e);
    console.log(`FAIL ${name}\n     ${message.split("\n").join("\n     ")}`);
    // Machine-readable line for xtask's runner (same protocol as tests/js/suite.mjs).
    console.log(`JWT_WASM_FAILURE inspector ${name}: ${message.split("\n")[0]}`);
  }
}
function assert(cond, message) {
  if (!cond) throw new Error(message);
}

async function main() {
  fs.mkdirSync(SHOTS, { recursive: true });
  // An empty Chromium profile: the one given as the second argument, or a fresh temporary one.
  const givenProfile = process.argv[3];
  const profile = givenProfile ?? fs.mkdtempSync(path.join(os.tmpdir(), "inspector-e2e-"));
  if (givenProfile) fs.mkdirSync(givenProfile, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1440, height: 1000 },
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync",
    ],
  });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: BASE.origin });

  // Step 8 bookkeeping: every request any page or worker makes, for the whole session.
  const requests = [];
  context.on("request", (r) => requests.push(r.url()));
  const pageErrors = [];

  const page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  page.setDefaultTimeout(15000);

  const byId = (id) => page.getByTestId(id);
  const text = async (id) => (await byId(id).textContent()) ?? "";
  async function waitFor(what, fn, timeout = 8000) {
    const end = Date.now() + timeout;
    let last;
    for (;;) {
      last = await fn();
      if (last.ok) return last;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}; saw: ${JSON.stringify(last.seen)}`);
      await page.waitForTimeout(100);
    }
  }
  const waitText = (id, pattern, timeout) => waitFor(`${id} ~ ${pattern}`, async () => {
    const seen = await text(id);
    return { ok: pattern.test(seen), seen };
  }, timeout);
  const waitVerdict = (word, also) => waitFor(`verify-result ${word}${also ? ` + ${also}` : ""}`, async () => {
    const seen = await text("verify-result");
    const first = seen.trim().split(/\s+/)[0];
    return { ok: first === word && (!also || also.test(seen)), seen };
  });
  async function setKey(value, format) {
    await byId("key-format").selectOption(format);
    await byId("key-input").fill(value);
  }
  async function pasteToken(token) {
    await page.getByRole("tab", { name: "Decoder" }).click();
    await byId("token-input").fill(token);
  }

  await page.goto(BASE.href);
  await page.waitForSelector("body[data-ready=true]", { timeout: 30000 });

  await check("page: every data-testid of issue 4 exists", async () => {
    const missing = [];
    for (const id of TEST_IDS) if ((await byId(id).count()) !== 1) missing.push(id);
    assert(missing.length === 0, `missing: ${missing.join(", ")}`);
    assert((await byId("key-format").evaluate((n) => n.tagName)) === "SELECT", "key-format is not a <select>");
  });

  await check("page: example token is pre-filled and verifies with its shown secret", async () => {
    const token = await byId("token-input").inputValue();
    assert(token.split(".").length === 3, `no example token: ${token}`);
    await waitVerdict("VALID");
    assert(/HS256/.test(await text("header-json")), "example header lacks HS256");
  });

  await check("page: says that tokens never leave the browser", async () => {
    assert(await page.getByText(/never leave your browser/).isVisible(), "privacy line not visible");
  });

  await check("page: every form control has a label", async () => {
    const unlabeled = await page.evaluate(() => [...document.querySelectorAll("input, textarea, select")]
      .filter((n) => !n.closest(".visually-hidden") && n.labels.length === 0 && !n.getAttribute("aria-label"))
      .map((n) => n.id || n.outerHTML.slice(0, 60)));
    assert(unlabeled.length === 0, `unlabeled: ${unlabeled.join(", ")}`);
  });

  await page.screenshot({ path: path.join(SHOTS, "desktop-1440-example.png"), fullPage: true });

  // 1. HS256 token with a known secret: decoded sub and human-readable exp.
  const secret = `e2e-secret-${crypto.randomBytes(16).toString("hex")}`;
  const sub = `e2e-user-${crypto.randomBytes(3).toString("hex")}`;
  const hsToken = hs256({ sub, name: "E2E Tester", iat: ISSUED, exp: FAR_FUTURE }, secret);
  await check("1. HS256 token: decoded sub and human-readable exp", async () => {
    await pasteToken(hsToken);
    await waitText("payload-json", new RegExp(`"sub": "${sub}"`));
    await waitText("header-json", /"alg": "HS256"/);
    await page.getByTestId("view-table").click();
    const table = await text("claims-table");
    assert(table.includes(sub), "claims table lacks sub");
    assert(table.includes("2100-01-01 00:00:00 UTC"), `claims table lacks the UTC exp: ${table.slice(0, 300)}`);
    assert(/expires in \d/.test(table), "claims table lacks the relative exp");
    assert(/Expiration time/.test(table), "claims table lacks the exp description");
    await page.getByTestId("view-json").click();
    await waitText("status-badge", /^Valid now$/);
  });

  // 2. Right secret VALID, wrong secret INVALID with InvalidSignatureError.
  await check("2. right secret VALID, wrong secret INVALID InvalidSignatureError", async () => {
    await setKey(secret, "secret-utf8");
    await waitVerdict("VALID");
    await setKey(`${secret}-wrong`, "secret-utf8");
    await waitVerdict("INVALID", /InvalidSignatureError/);
    await setKey(b64url(Buffer.from(secret)), "secret-b64url");
    await waitVerdict("VALID");
  });

  // 3. RS256 token and its public PEM (SPKI, and PKCS#1 too).
  const rsa = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  const rsToken = rs256({ sub: "rs-user", aud: "e2e-api", exp: FAR_FUTURE }, rsa.privateKey);
  await check("3. RS256 token + public PEM: VALID", async () => {
    await pasteToken(rsToken);
    await waitText("header-json", /"alg": "RS256"/);
    await byId("audience-input").fill("e2e-api");
    await setKey(rsa.publicKey.export({ type: "spki", format: "pem" }), "pem");
    await waitVerdict("VALID");
    await setKey(rsa.publicKey.export({ type: "pkcs1", format: "pem" }), "pem");
    await waitVerdict("VALID");
    await byId("audience-input").fill("another-api");
    await waitVerdict("INVALID", /InvalidAudienceError/);
    await byId("audience-input").fill("");
  });

  await check("3b. JWK and JWK Set (key picked by kid): VALID", async () => {
    await pasteToken(rsToken);
    await byId("audience-input").fill("e2e-api");
    const jwk = { ...rsa.publicKey.export({ format: "jwk" }), kid: "e2e-rsa", alg: "RS256", use: "sig" };
    await setKey(JSON.stringify(jwk), "jwk");
    await waitVerdict("VALID");
    const other = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ format: "jwk" });
    const jwks = { keys: [{ ...other, kid: "someone-else", alg: "RS256" }, jwk] };
    await setKey(JSON.stringify(jwks), "jwks");
    await waitVerdict("VALID");
    await setKey(JSON.stringify({ keys: [{ ...other, kid: "e2e-rsa", alg: "RS256" }] }), "jwks");
    await waitVerdict("INVALID", /InvalidSignatureError/);
    await byId("audience-input").fill("");
  });

  await check("3c. ES256 token + X.509 certificate PEM (made by openssl): VALID", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inspector-cert-"));
    try {
      execFileSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
        "-keyout", path.join(dir, "key.pem"), "-out", path.join(dir, "cert.pem"), "-days", "2",
        "-subj", "/CN=inspector-e2e"], { stdio: "ignore" });
      const input = `${segment({ alg: "ES256", typ: "JWT" })}.${segment({ sub: "cert-user", exp: FAR_FUTURE })}`;
      const sig = crypto.sign("sha256", Buffer.from(input),
        { key: fs.readFileSync(path.join(dir, "key.pem")), dsaEncoding: "ieee-p1363" });
      await pasteToken(`${input}.${b64url(sig)}`);
      await setKey(fs.readFileSync(path.join(dir, "cert.pem"), "utf8"), "pem");
      await waitVerdict("VALID");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  // 4. Expired token: Expired badge and ExpiredSignatureError.
  await check("4. expired token: Expired badge and ExpiredSignatureError", async () => {
    await pasteToken(hs256({ sub, iat: LONG_AGO - 60, exp: LONG_AGO }, secret));
    await setKey(secret, "secret-utf8");
    await waitText("status-badge", /^Expired$/);
    await waitVerdict("INVALID", /ExpiredSignatureError/);
    assert(/expired .* ago/.test(await text("time-summary")), "no relative 'expired … ago'");
  });

  // 5. Garbage: a parse error naming the segment; partial results kept.
  await check("5. garbage: parse error names the segment", async () => {
    await pasteToken("garbage!!");
    await waitText("parse-error", /header/);
    assert(/DecodeError/.test(await text("parse-error")), "parse error lacks the library's error class");
    assert(await byId("parse-error").isVisible(), "parse error hidden");
    await waitVerdict("INVALID");
    // A readable header next to a broken payload.
    await pasteToken(`${segment({ alg: "HS256", typ: "JWT" })}.%%%not-base64%%%.c2ln`);
    await waitText("parse-error", /payload is not valid base64url/);
    await waitText("header-json", /"alg": "HS256"/);
  });

  await check("warnings: alg none, no exp, sensitive data, short secret; none never verifies", async () => {
    await pasteToken(`${segment({ alg: "none", typ: "JWT" })}.${segment({ sub, password: "hunter2" })}.`);
    await setKey("short", "secret-utf8");
    const warnings = (await waitText("warnings", /alg: none/)).seen;
    assert(/no exp claim/.test(warnings), "no warning for the missing exp");
    assert(/password/.test(warnings), "no warning for the password key");
    await waitVerdict("INVALID");
    await pasteToken(hs256({ sub, iat: ISSUED, exp: FAR_FUTURE }, "short"));
    await waitText("warnings", /\b5 bytes\b/);
  });

  await check("keyboard: Tab moves from the token to the key box", async () => {
    await byId("token-input").focus();
    const seen = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press("Tab");
      const id = await page.evaluate(() => document.activeElement && document.activeElement.id);
      seen.push(id);
      if (id === "key-input") break;
    }
    assert(seen.includes("key-format") && seen.at(-1) === "key-input", `focus order: ${seen.join(" → ")}`);
  });

  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: path.join(SHOTS, "mobile-360-decoder.png"), fullPage: true });
  await page.setViewportSize({ width: 1440, height: 1000 });

  // 6. Encoder: generate an ES256 pair, sign, open in the decoder, VALID.
  await check("6. encoder: ES256 generate, sign, send to decoder, VALID", async () => {
    await page.getByRole("tab", { name: "Encoder" }).click();
    await byId("encoder-alg").selectOption("ES256");
    await byId("encoder-payload").fill(JSON.stringify({ sub: "enc-user", iat: ISSUED, exp: FAR_FUTURE }));
    await byId("encoder-generate").click();
    await page.getByTestId("generated-public-pem").waitFor();
    const token = (await waitFor("encoder token", async () => {
      const seen = await byId("encoder-token").inputValue();
      const header = seen ? JSON.parse(Buffer.from(seen.split(".")[0], "base64url").toString()) : {};
      return { ok: header.alg === "ES256", seen };
    })).seen;
    // Cross-check the page's signature with Node's crypto and the page's public key.
    const publicPem = await text("generated-public-pem");
    const [h, p, s] = token.split(".");
    const good = crypto.verify("sha256", Buffer.from(`${h}.${p}`),
      { key: publicPem, dsaEncoding: "ieee-p1363" }, Buffer.from(s, "base64url"));
    assert(good, "Node's crypto does not accept the page's ES256 signature");
    await byId("encoder-to-decoder").click();
    assert(await byId("token-input").isVisible(), "decoder not shown");
    assert((await byId("token-input").inputValue()) === token, "token not carried to the decoder");
    await waitVerdict("VALID");
    await screenshotsAtBothWidths("encoded-es256");
  });

  await check("6b. encoder: generate, sign and verify for every offered algorithm", async () => {
    await page.getByRole("tab", { name: "Encoder" }).click();
    const algs = await byId("encoder-alg").evaluate((sel) => [...sel.options].map((o) => o.value));
    const expected = ["HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
      "ES256", "ES384", "ES512", "ES256K", "EdDSA"];
    assert(JSON.stringify(algs) === JSON.stringify(expected), `offered: ${algs.join(" ")}`);
    const bad = [];
    for (const alg of algs) {
      await page.getByRole("tab", { name: "Encoder" }).click();
      await byId("encoder-alg").selectOption(alg);
      await byId("encoder-generate").click();
      await waitFor(`${alg} token`, async () => {
        const seen = await byId("encoder-token").inputValue();
        const header = seen ? JSON.parse(Buffer.from(seen.split(".")[0], "base64url").toString()) : {};
        return { ok: header.alg === alg && !(await byId("encoder-generate").isDisabled()), seen: header };
      }, 20000);
      await byId("encoder-to-decoder").click();
      try {
        await waitVerdict("VALID");
      } catch (e) {
        bad.push(`${alg}: ${await text("verify-result")}`);
      }
    }
    assert(bad.length === 0, bad.join("; "));
  });

  await check("6c. encoder: live JSON validation and +1 h exp button", async () => {
    await page.getByRole("tab", { name: "Encoder" }).click();
    await byId("encoder-alg").selectOption("HS256");
    await byId("encoder-key-format").selectOption("secret-utf8");
    await byId("encoder-key").fill(secret);
    await byId("encoder-payload").fill("{\"sub\": ");
    await waitText("encoder-payload-status", /not valid JSON/);
    assert((await byId("encoder-token").inputValue()) === "", "a token was produced from broken JSON");
    await byId("encoder-payload").fill(JSON.stringify({ sub: "timed" }));
    const before = Math.floor(Date.now() / 1000);
    await byId("encoder-exp-1h").click();
    const payload = JSON.parse(await byId("encoder-payload").inputValue());
    assert(payload.exp >= before + 3600 && payload.exp <= before + 3660, `exp ${payload.exp} is not now + 1 h`);
    const token = await byId("encoder-token").inputValue();
    const [h, p, sig] = token.split(".");
    assert(crypto.createHmac("sha256", secret).update(`${h}.${p}`).digest("base64url") === sig,
      "the encoder's HS256 signature does not match Node's");
  });

  // 7. #token= in the URL loads the token; share-link uses the fragment.
  await check("7. #token= fragment loads the token; share link uses the fragment", async () => {
    await page.goto(`${BASE.href.split("#")[0]}#token=${rsToken}`);
    await page.waitForSelector("body[data-ready=true]");
    assert((await byId("token-input").inputValue()) === rsToken, "fragment token not loaded");
    await waitText("payload-json", /"sub": "rs-user"/);
    await byId("share-link").click();
    const link = await waitFor("share link", async () => {
      const seen = await byId("share-link").getAttribute("data-link");
      return { ok: Boolean(seen), seen };
    });
    const url = new URL(link.seen);
    assert(url.search === "", `token leaked into the query string: ${link.seen}`);
    assert(url.hash === `#token=${rsToken}`, `unexpected fragment ${url.hash.slice(0, 40)}`);
  });

  // Runs last among the page checks: it replaces the page's clock with Playwright's fake one,
  // so "live" updates are driven by fastForward instead of real waiting.
  await check("live: badge and verdict turn to Expired when the clock passes exp", async () => {
    const start = Date.UTC(2030, 0, 1, 12, 0, 0);
    await page.clock.install({ time: start });
    await page.goto(BASE.href);
    await page.waitForSelector("body[data-ready=true]");
    const t0 = Math.floor(start / 1000);
    await pasteToken(hs256({ sub: "live", iat: t0 - 10, exp: t0 + 60 }, secret));
    await setKey(secret, "secret-utf8");
    await waitText("status-badge", /^Valid now$/);
    await waitVerdict("VALID");
    await page.clock.fastForward("02:00");
    await waitText("status-badge", /^Expired$/);
    await waitVerdict("INVALID", /ExpiredSignatureError/);
  });

  await check("page: no uncaught script errors", async () => {
    assert(pageErrors.length === 0, pageErrors.join("\n"));
  });

  // 8. No request left 127.0.0.1 during the whole session.
  await check("8. every request stayed on 127.0.0.1", async () => {
    const outside = requests.filter((u) => {
      const url = new URL(u);
      if (["data:", "blob:", "about:", "chrome-extension:"].includes(url.protocol)) return false;
      return url.hostname !== "127.0.0.1";
    });
    assert(requests.length > 0, "no requests recorded at all");
    assert(outside.length === 0, `requests elsewhere: ${outside.join(", ")}`);
  });

  async function screenshotsAtBothWidths(label) {
    for (const scheme of ["light", "dark"]) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 1440, height: 1000 });
      await page.screenshot({ path: path.join(SHOTS, `desktop-1440-${label}-${scheme}.png`), fullPage: true });
      await page.setViewportSize({ width: 360, height: 800 });
      await page.screenshot({ path: path.join(SHOTS, `mobile-360-${label}-${scheme}.png`), fullPage: true });
    }
    await page.emulateMedia({ colorScheme: "light" });
    await page.setViewportSize({ width: 1440, height: 1000 });
  }

  await context.close();
  if (!givenProfile) fs.rmSync(profile, { recursive: true, force: true });
  console.log(`screenshots: ${SHOTS}`);
  console.log(`requests: ${requests.length}, all on 127.0.0.1 unless reported above`);
}

main()
  .catch((e) => {
    failed++;
    console.log(`FAIL harness: ${e && e.stack ? e.stack : e}`);
    console.log(`JWT_WASM_FAILURE inspector harness: ${String(e && e.message ? e.message : e).split("\n")[0]}`);
  })
  .finally(() => {
    console.log(`JWT_WASM_RESULT passed=${passed} failed=${failed}`);
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(failed === 0 ? 0 : 1);
  });
