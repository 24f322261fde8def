// Controller of the decoder panel: colour-coded token, decoded JSON or
// claims table, time status, warnings, parse errors and verification.

import { $, el, renderJson, copyText, announce, fitTextarea } from "./dom.js";
import { inspectToken, highlightPieces } from "./decoder.js";
import { CLAIMS, HEADER_PARAMS } from "./claims.js";
import { renderTable } from "./claims-table.js";
import { timeStatus, renderTimes } from "./status.js";
import { computeWarnings } from "./warnings.js";
import { verifyToken } from "./verify.js";
import { errorText } from "./keys.js";

const now = () => Date.now() / 1000;

/** Set text only when it changed, so live regions do not re-announce every tick. */
function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

export class DecoderView {
  constructor() {
    this.jwt = null;
    this.info = inspectToken("");
    this.lib = {};
    this.algsFollowHeader = true;
    this.lastVerify = "";
    this.input = $("token-input");
    this.highlight = $("token-highlight");
    this.keyInput = $("key-input");
    this.keyFormat = $("key-format");
    this.algs = $("algorithms-input");
    this.audience = $("audience-input");
    this.issuer = $("issuer-input");
    this.leeway = $("leeway-input");

    this.input.addEventListener("input", () => {
      $("example-note").hidden = true;
      this.update();
    });
    this.input.addEventListener("scroll", () => { this.highlight.scrollTop = this.input.scrollTop; });
    this.keyInput.addEventListener("input", () => fitTextarea(this.keyInput));
    for (const node of [this.keyInput, this.keyFormat, this.audience, this.issuer, this.leeway]) {
      node.addEventListener("input", () => this.refreshVerdict());
    }
    this.algs.addEventListener("input", () => {
      this.algsFollowHeader = this.algs.value.trim() === "";
      this.refreshVerdict();
    });
    $("view-json").addEventListener("click", () => this.setView("json"));
    $("view-table").addEventListener("click", () => this.setView("table"));
    for (const button of document.querySelectorAll("[data-copy]")) {
      button.addEventListener("click", () => this.copyPart(button.dataset.copy));
    }
    // Re-wrap when the width changes (window resize, tab shown); height is ours to set.
    let lastWidth = 0;
    new ResizeObserver((entries) => {
      const width = entries[0].contentRect.width;
      if (width !== lastWidth) {
        lastWidth = width;
        this.fitEditor();
      }
    }).observe(this.input);
  }

  /** Called once the wasm package is ready. */
  attachLibrary(jwt) {
    this.jwt = jwt;
    this.update();
  }

  setToken(token) {
    this.input.value = token;
    this.update();
  }

  /** Fill the verification panel (used by the encoder's "Open in decoder"). */
  setKey(text, format) {
    this.keyInput.value = text;
    this.keyFormat.value = format;
    this.algs.value = "";
    this.algsFollowHeader = true;
    fitTextarea(this.keyInput);
  }

  setView(view) {
    const table = view === "table";
    $("view-json").setAttribute("aria-pressed", String(!table));
    $("view-table").setAttribute("aria-pressed", String(table));
    $("header-json").hidden = table;
    $("payload-json").hidden = table;
    $("header-table-wrap").hidden = !table;
    $("claims-table-wrap").hidden = !table;
  }

  async copyPart(part) {
    const index = { header: 0, payload: 1, signature: 2 }[part];
    const text = part === "token" ? this.info.token : this.info.segments[index] ?? "";
    const ok = text ? await copyText(text) : false;
    announce($("copy-status"), ok ? `Copied the ${part}.` : `Nothing to copy for the ${part}.`);
  }

  /** Keep the transparent textarea and the highlighted backdrop the same height. */
  fitEditor() {
    if (!this.input.offsetParent) return; // hidden tab: refitted when shown (ResizeObserver)
    this.input.style.height = "auto";
    const border = this.input.offsetHeight - this.input.clientHeight;
    const h = Math.max(this.input.scrollHeight + border, 120);
    this.input.style.height = `${h}px`;
    this.highlight.style.height = `${h}px`;
  }

  renderHighlight() {
    // A trailing newline would collapse in the <pre>; the zero-width space keeps line counts equal.
    const text = this.input.value;
    this.highlight.replaceChildren(
      ...highlightPieces(text).map((p) => el("span", { class: p.cls }, p.text)),
      text.endsWith("\n") ? "\u200b" : "",
    );
    this.fitEditor();
  }

  libraryParse(token) {
    if (!this.jwt || !token) return {};
    const out = {};
    try {
      out.header = this.jwt.getUnverifiedHeader(token);
      out.claims = this.jwt.getUnverifiedClaims(token);
    } catch (e) {
      out.error = e;
    }
    return out;
  }

  update() {
    this.info = inspectToken(this.input.value);
    this.lib = this.libraryParse(this.info.token);
    const { header, payload, signature } = this.info;
    this.renderHighlight();

    if (this.algsFollowHeader) {
      const alg = header.ok && typeof header.value.alg === "string" && header.value.alg.toLowerCase() !== "none"
        ? header.value.alg : "";
      this.algs.value = alg;
    }

    this.renderPart("header", header, HEADER_PARAMS, false);
    this.renderPart("payload", payload, CLAIMS, true);
    const sigInfo = $("signature-info");
    if (!this.info.token) sigInfo.textContent = "";
    else if (signature.ok) {
      sigInfo.textContent = signature.bytes.length
        ? `${signature.bytes.length} bytes (${signature.bytes.length * 8} bits), checked under “Verify signature and claims”`
        : "empty: the token is unsigned";
    } else sigInfo.textContent = signature.problem;

    this.renderParseError();
    this.refreshVerdict();
  }

  renderPart(name, part, descriptions, timed) {
    const pre = $(`${name}-json`);
    const tbody = $(name === "header" ? "header-table" : "claims-table").tBodies[0];
    if (part.ok) {
      renderJson(pre, part.value);
      pre.classList.remove("unreadable");
      renderTable(tbody, part.value, descriptions, now(), timed);
    } else {
      pre.classList.toggle("unreadable", Boolean(this.info.token));
      pre.replaceChildren(this.info.token ? `(${part.problem})` : "");
      tbody.replaceChildren();
    }
  }

  renderParseError() {
    const box = $("parse-error");
    const { token, shapeProblem, header, payload, signature } = this.info;
    const problems = [];
    if (shapeProblem) problems.push(shapeProblem);
    for (const part of [header, payload, signature]) if (!part.ok) problems.push(part.problem);
    const libError = this.lib.error;
    if (!token || (!libError && problems.length === 0)) {
      box.hidden = true;
      box.replaceChildren();
      box.removeAttribute("data-segment");
      return;
    }
    const broken = [header, payload, signature].filter((p) => !p.ok).map((p) => p.name);
    box.dataset.segment = broken.join(" ") || "token";
    box.hidden = false;
    box.replaceChildren(
      el("p", { class: "parse-title" }, el("strong", {}, "Cannot decode: "),
        broken.length ? `problem in the ${broken.join(" and ")}`
          : shapeProblem ? "the token's structure" : "every segment reads, but the library rejects the token"),
      libError ? el("p", { class: "library-error" }, "Library: ", el("code", {}, errorText(libError))) : "",
      problems.length ? el("ul", {}, problems.map((p) => el("li", {}, p))) : "",
      (header.ok || payload.ok) ? el("p", { class: "hint" }, "The readable parts are still shown under Decoded.") : "",
    );
  }

  /** Re-run verification, badge, time readings and warnings (also every second). */
  refreshVerdict() {
    const { token, header, payload } = this.info;
    const leeway = Math.max(0, Number(this.leeway.value) || 0);
    const status = token && payload.ok ? timeStatus(payload.value, now(), leeway) : null;
    const badge = $("status-badge");
    setText(badge, status ? status.label : token ? "Unreadable" : "No token");
    badge.className = `badge ${status ? status.cls : "none"}`;
    badge.title = status ? status.reason : "";
    renderTimes($("time-summary"), payload.ok ? payload.value : null, now());
    if (this.jwt && payload.ok && !$("claims-table-wrap").hidden) {
      renderTable($("claims-table").tBodies[0], payload.value, CLAIMS, now(), true);
    }

    let result = null;
    const out = $("verify-result");
    if (!this.jwt) {
      setText(out, "NOT VERIFIED — the WebAssembly package is not loaded");
      out.dataset.state = "idle";
    } else {
      result = verifyToken(this.jwt, token, {
        keyText: this.keyInput.value,
        keyFormat: this.keyFormat.value,
        algorithms: this.algs.value,
        audience: this.audience.value,
        issuer: this.issuer.value,
        leeway: this.leeway.value,
        headerAlg: header.ok ? header.value.alg : undefined,
        headerKid: header.ok && typeof header.value.kid === "string" ? header.value.kid : undefined,
      });
      const signature = `${result.state}|${result.summary}|${result.detail}`;
      if (signature !== this.lastVerify) {
        this.lastVerify = signature;
        out.dataset.state = result.state;
        out.dataset.error = result.errorName ?? "";
        out.replaceChildren(el("strong", { class: "verdict" }, result.summary), " ", el("span", {}, result.detail));
      }
      setText($("key-detected"), result.keyNote);
    }

    const warnings = computeWarnings(header.ok ? header.value : undefined, payload.ok ? payload.value : undefined, {
      secretLength: result?.secretLength,
      libraryWarnings: result?.libraryWarnings,
    });
    this.renderWarnings(token ? warnings : []);
  }

  renderWarnings(warnings) {
    const box = $("warnings");
    const key = `${Boolean(this.info.token)}|${warnings.map((w) => w.id + w.title).join("|")}`;
    if (box.dataset.key === key && box.childElementCount) return;
    box.dataset.key = key;
    box.dataset.count = String(warnings.length);
    if (warnings.length === 0) {
      box.replaceChildren(el("p", { class: "no-warnings" }, this.info.token ? "No warnings." : ""));
      return;
    }
    box.replaceChildren(
      el("h3", {}, `Warnings (${warnings.length})`),
      el("ul", {}, warnings.map((w) => el("li", { "data-warning": w.id },
        el("strong", {}, w.title), el("span", {}, ` — ${w.reason}`)))),
    );
  }
}
