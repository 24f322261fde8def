// Tiny DOM helpers. Token content is only ever inserted as text nodes, never
// as HTML, so a hostile token cannot inject markup into the page.

/** Create an element with attributes and children (strings become text). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export const $ = (id) => document.getElementById(id);

const JSON_TOKEN = /("(?:[^"\\]|\\.)*")(\s*:)?|\b(true|false|null)\b|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g;

/** Render a value as indented JSON with syntax colouring into `pre`. */
export function renderJson(pre, value) {
  pre.replaceChildren();
  if (value === undefined) return;
  const text = JSON.stringify(value, null, 2);
  let last = 0;
  for (const m of text.matchAll(JSON_TOKEN)) {
    if (m.index > last) pre.append(text.slice(last, m.index));
    let cls = "j-num";
    if (m[1] !== undefined) cls = m[2] ? "j-key" : "j-str";
    else if (m[3] !== undefined) cls = "j-lit";
    pre.append(el("span", { class: cls }, m[1] ?? m[0]));
    if (m[2]) pre.append(m[2]);
    last = m.index + m[0].length;
  }
  pre.append(text.slice(last));
}

/** Copy text to the clipboard, falling back to a hidden textarea. */
export async function copyText(text) {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the selection-based copy
  }
  const area = el("textarea", { class: "visually-hidden", "aria-hidden": "true" });
  area.value = text;
  document.body.append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand("copy");
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

/** Show a short message in a live region, cleared after a few seconds. */
export function announce(node, message) {
  node.textContent = message;
  clearTimeout(node._timer);
  node._timer = setTimeout(() => { node.textContent = ""; }, 4000);
}

/** Grow a textarea to show its whole content, up to `maxPx` (then it scrolls). */
export function fitTextarea(node, maxPx = 360) {
  if (!node.offsetParent) return; // hidden (inactive tab): nothing to measure yet
  node.style.height = "auto";
  const border = node.offsetHeight - node.clientHeight;
  node.style.height = `${Math.min(node.scrollHeight + border, maxPx)}px`;
}
