// Drives Debian's Chromium (playwright-core, no downloaded browser) to a page
// of the browser tests and prints the suite's report from #result.
// Usage: node driver.mjs <url> <fresh user-data-dir>
import { chromium } from "playwright-core";

const [url, userDataDir] = process.argv.slice(2);
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
try {
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error(`page error: ${e.stack || e}`));
  page.on("console", (m) => console.error(`console.${m.type()}: ${m.text()}`));
  page.on("requestfailed", (r) => console.error(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  await page.goto(url);
  await page.waitForFunction(() => document.getElementById("result")?.dataset.done === "1", null, { timeout: 60000 });
  console.log(await page.textContent("#result"));
} finally {
  await context.close();
}
