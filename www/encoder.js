// Controller of the encoder panel: JSON editors with live validation, key
// input or generation, and a live signed token.

import { $, el, copyText, announce, fitTextarea } from "./dom.js";
import { parseKeyInput, errorText, publicJwkOf, FORMAT_LABELS } from "./keys.js";
import { toPlain } from "./lib.js";

export const ALGORITHMS = [
  "HS256", "HS384", "HS512",
  "RS256", "RS384", "RS512",
  "PS256", "PS384", "PS512",
  "ES256", "ES384", "ES512", "ES256K",
  "EdDSA",
];

const isHmac = (alg) => alg.startsWith("HS");

function parseObject(text, what) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `${what} is not valid JSON: ${e.message}` };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return { ok: false, message: `${what} must be a JSON object` };
  }
  return { ok: true, value };
}

const pretty = (v) => JSON.stringify(v, null, 2);

export class EncoderView {
  /** @param {(token: string, keyText: string, keyFormat: string) => void} openInDecoder */
  constructor(openInDecoder) {
    this.jwt = null;
    this.openInDecoder = openInDecoder;
    this.alg = $("encoder-alg");
    this.header = $("encoder-header");
    this.payload = $("encoder-payload");
    this.key = $("encoder-key");
    this.keyFormat = $("encoder-key-format");
    this.token = $("encoder-token");
    this.generated = null;

    const nowS = Math.floor(Date.now() / 1000);
    this.header.value = pretty({ alg: "HS256", typ: "JWT" });
    this.payload.value = pretty({ sub: "user-42", name: "Grace Example", roles: ["reader"], iat: nowS, exp: nowS + 3600 });

    this.alg.addEventListener("change", () => this.onAlgChange());
    this.header.addEventListener("input", () => this.onHeaderInput());
    for (const node of [this.payload, this.key, this.keyFormat]) node.addEventListener("input", () => this.update());
    this.key.addEventListener("input", () => fitTextarea(this.key));
    $("encoder-generate").addEventListener("click", () => this.generate());
    $("encoder-to-decoder").addEventListener("click", () => this.sendToDecoder());
    $("encoder-copy").addEventListener("click", async () => {
      const ok = this.token.value ? await copyText(this.token.value) : false;
      announce($("encoder-error"), ok ? "Copied the token." : "Nothing to copy.");
    });
    for (const button of document.querySelectorAll("[data-claim]")) {
      button.addEventListener("click", () => this.addTimeClaim(button.dataset.claim, Number(button.dataset.offset)));
    }
  }

  attachLibrary(jwt) {
    this.jwt = jwt;
    // Offer exactly the algorithms the loaded package knows.
    const supported = ALGORITHMS.filter((name) => {
      try {
        return Boolean(jwt.getAlgorithmByName(name));
      } catch {
        return false;
      }
    });
    const list = supported.length ? supported : ALGORITHMS;
    this.alg.replaceChildren(...list.map((a) => el("option", { value: a }, a)));
    this.alg.value = "HS256";
    $("encoder-generate").textContent = "Generate HS256 key";
    this.update();
  }

  setStatus(id, ok, message) {
    const node = $(id);
    node.textContent = message;
    node.dataset.ok = String(ok);
  }

  onAlgChange() {
    $("encoder-generate").textContent = `Generate ${this.alg.value} key`;
    const parsed = parseObject(this.header.value, "Header");
    if (parsed.ok) {
      parsed.value.alg = this.alg.value;
      this.header.value = pretty(parsed.value);
    }
    this.update();
  }

  onHeaderInput() {
    const parsed = parseObject(this.header.value, "Header");
    if (parsed.ok && typeof parsed.value.alg === "string"
        && [...this.alg.options].some((o) => o.value === parsed.value.alg)) {
      this.alg.value = parsed.value.alg;
    }
    this.update();
  }

  addTimeClaim(claim, offset) {
    const parsed = parseObject(this.payload.value, "Payload");
    if (!parsed.ok) {
      this.setStatus("encoder-payload-status", false, `${parsed.message}; fix it before adding ${claim}`);
      return;
    }
    parsed.value[claim] = Math.floor(Date.now() / 1000) + offset;
    this.payload.value = pretty(parsed.value);
    this.update();
  }

  /** Re-sign on every edit. */
  update() {
    const header = parseObject(this.header.value, "Header");
    const payload = parseObject(this.payload.value, "Payload");
    this.setStatus("encoder-header-status", header.ok, header.ok ? "Valid JSON object." : header.message);
    this.setStatus("encoder-payload-status", payload.ok, payload.ok ? "Valid JSON object." : payload.message);
    const errorNode = $("encoder-error");
    const fail = (message) => {
      this.token.value = "";
      errorNode.textContent = message;
      errorNode.dataset.ok = "false";
    };
    if (!this.jwt) return fail("The WebAssembly package is not loaded.");
    if (!header.ok || !payload.ok) return fail("Fix the JSON above to sign a token.");
    const alg = this.alg.value;
    if (!this.key.value) {
      this.setStatus("encoder-key-status", false, "");
      return fail(`Enter a ${isHmac(alg) ? "secret" : "private key"} or press Generate key.`);
    }
    const key = parseKeyInput(this.jwt, this.key.value, this.keyFormat.value);
    if (!key.ok) {
      this.setStatus("encoder-key-status", false, key.error);
      return fail("The key could not be read.");
    }
    this.setStatus("encoder-key-status", true, `Read as ${FORMAT_LABELS[key.format]}${this.keyFormat.value === "auto" ? " (detected)" : ""}.`);
    this.currentKey = key;
    try {
      const warnings = [];
      this.token.value = this.jwt.encode(payload.value, key.key, {
        algorithm: alg,
        headers: header.value,
        onWarning: (message) => warnings.push(String(message)),
      });
      errorNode.textContent = warnings.length ? `Signed, with a warning: ${warnings.join(" ")}` : "";
      errorNode.dataset.ok = warnings.length ? "warn" : "true";
    } catch (e) {
      fail(errorText(e));
    }
  }

  generate() {
    if (!this.jwt) return;
    const alg = this.alg.value;
    const button = $("encoder-generate");
    button.disabled = true;
    button.textContent = "Generating…";
    // Let the button repaint before a possibly slow RSA key generation.
    setTimeout(() => {
      try {
        this.showGenerated(alg, this.jwt.Key.generate(alg));
      } catch (e) {
        this.setStatus("encoder-key-status", false, errorText(e));
      } finally {
        button.disabled = false;
        button.textContent = `Generate ${this.alg.value} key`;
        this.update();
      }
    }, 30);
  }

  showGenerated(alg, generated) {
    const body = $("generated-body");
    const blocks = [];
    const block = (title, text, testid) => {
      const pre = el("pre", { class: "keyblock", "data-testid": testid, tabindex: "0" }, text);
      const copy = el("button", { type: "button", class: "small" }, "Copy");
      copy.addEventListener("click", async () => {
        const ok = await copyText(text);
        announce($("encoder-key-status"), ok ? `Copied: ${title}.` : "Copy failed.");
      });
      blocks.push(el("div", { class: "keyblock-wrap" }, el("div", { class: "label-row" }, el("h3", {}, title), copy), pre));
    };
    if (isHmac(alg)) {
      const jwk = toPlain(generated.toJwk());
      block("Secret (base64url)", jwk.k, "generated-secret");
      block("Secret as JWK", pretty(jwk), "generated-secret-jwk");
      this.keyFormat.value = "secret-b64url";
      this.key.value = jwk.k;
    } else {
      const { privateKey, publicKey } = generated;
      block("Private key (PEM, PKCS#8)", privateKey.toPem(), "generated-private-pem");
      block("Private key (JWK)", pretty(toPlain(privateKey.toJwk())), "generated-private-jwk");
      block("Public key (PEM, SPKI)", publicKey.toPem(), "generated-public-pem");
      block("Public key (JWK)", pretty(toPlain(publicKey.toJwk())), "generated-public-jwk");
      this.keyFormat.value = "pem";
      this.key.value = privateKey.toPem();
    }
    body.replaceChildren(...blocks);
    fitTextarea(this.key);
    const details = $("generated");
    details.hidden = false;
    details.open = true;
    this.setStatus("encoder-key-status", true, `New ${alg} key generated in this page.`);
  }

  /** The verification counterpart of the signing key: the same secret, or the public half. */
  verificationKey() {
    const key = this.currentKey;
    if (!key) return null;
    if (key.format.startsWith("secret")) return { text: this.key.value, format: key.format };
    if (key.format === "jwk" && toPlain(key.key.toJwk()).kty === "oct") {
      return { text: this.key.value, format: "jwk" };
    }
    try {
      // The package exposes publicKey(); older builds only export JWKs, so fall back to dropping private members.
      const pub = typeof key.key.publicKey === "function" ? key.key.publicKey() : this.jwt.Key.fromJwk(publicJwkOf(key.key));
      return { text: pub.toPem(), format: "pem" };
    } catch {
      return { text: pretty(publicJwkOf(key.key)), format: "jwk" };
    }
  }

  sendToDecoder() {
    if (!this.token.value) {
      announce($("encoder-error"), "There is no token to open yet.");
      return;
    }
    const key = this.verificationKey();
    this.openInDecoder(this.token.value, key ? key.text : "", key ? key.format : "auto");
  }
}
