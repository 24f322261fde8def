// Entry point: loads the wasm package, wires the panels, and fills the
// example token or the token from the URL fragment.

import { $, copyText, announce } from "./dom.js";
import { loadLibrary } from "./lib.js";
import { DecoderView } from "./decoder-view.js";
import { EncoderView } from "./encoder.js";
import { setupTabs } from "./tabs.js";
import { tokenFromFragment, linkFor } from "./share.js";

// The example is signed at load time with this secret, shown next to the token.
const EXAMPLE_SECRET = "inspector-demo-secret-for-hs256-tokens";

const tabs = setupTabs(document.querySelector('[role="tablist"]'));
const decoder = new DecoderView();
const encoder = new EncoderView((token, keyText, keyFormat) => {
  tabs.show("tab-decoder");
  decoder.setKey(keyText, keyFormat);
  decoder.setToken(token);
  $("example-note").hidden = true;
  $("token-input").focus();
});

$("share-link").addEventListener("click", async () => {
  const token = decoder.info.token;
  if (!token) {
    announce($("copy-status"), "Paste a token first.");
    return;
  }
  const link = linkFor(token);
  $("share-link").dataset.link = link;
  const ok = await copyText(link);
  announce($("copy-status"), ok ? "Link copied; the token is in the #fragment only." : `Copy failed; the link is ${link}`);
});

function loadFragment() {
  const token = tokenFromFragment();
  if (token === null) return false;
  $("example-note").hidden = true;
  tabs.show("tab-decoder");
  decoder.setToken(token);
  return true;
}
window.addEventListener("hashchange", loadFragment);

function showExample(jwt) {
  const nowS = Math.floor(Date.now() / 1000);
  const token = jwt.encode(
    { sub: "user-1024", name: "Ada Example", scope: "read:reports", iat: nowS, exp: nowS + 3600 },
    EXAMPLE_SECRET,
    { algorithm: "HS256" },
  );
  decoder.setKey(EXAMPLE_SECRET, "secret-utf8");
  decoder.setToken(token);
  const note = $("example-note");
  note.replaceChildren("Example token, signed just now with HS256 and the secret ",
    Object.assign(document.createElement("code"), { textContent: EXAMPLE_SECRET }),
    " (already entered below). Replace it with your own token.");
  note.hidden = false;
}

async function main() {
  const hadFragment = loadFragment();
  let jwt;
  try {
    jwt = await loadLibrary();
  } catch (e) {
    const box = $("load-error");
    box.textContent = `The jwt-wasm package could not be loaded (${e.message}). ` +
      "Run `cargo xtask demo`, which builds it into www/pkg/ and serves this page. " +
      "Decoding still works; verifying and signing need the package.";
    box.hidden = false;
    decoder.update();
    return;
  }
  decoder.attachLibrary(jwt);
  encoder.attachLibrary(jwt);
  if (!hadFragment && !decoder.input.value) {
    try {
      showExample(jwt);
    } catch (e) {
      console.error("example token", e);
    }
  }
  setInterval(() => decoder.refreshVerdict(), 1000);
  document.body.dataset.ready = "true";
}

main();
