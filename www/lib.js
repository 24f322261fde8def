// Loads the jwt-wasm package that `cargo xtask demo` copies into ./pkg/.
// The browser entry is read from the package's own `exports` map (the
// "browser" condition), so the page follows whatever the package declares.
// Everything is fetched from this page's own origin.

const PKG_BASE = new URL("./pkg/", import.meta.url);

function pickTarget(entry) {
  if (typeof entry === "string") return entry;
  if (!entry || typeof entry !== "object") return null;
  for (const cond of ["browser", "import", "default"]) {
    if (cond in entry) {
      const found = pickTarget(entry[cond]);
      if (found) return found;
    }
  }
  return null;
}

async function browserEntry() {
  const res = await fetch(new URL("package.json", PKG_BASE));
  if (!res.ok) throw new Error(`pkg/package.json: HTTP ${res.status}`);
  const meta = await res.json();
  const root = meta.exports && typeof meta.exports === "object" && "." in meta.exports
    ? meta.exports["."] : meta.exports;
  const target = pickTarget(root && typeof root === "object" ? { browser: root.browser, import: root.import, default: root.default } : root)
    ?? (typeof meta.browser === "string" ? meta.browser : null)
    ?? meta.module ?? meta.main;
  if (!target) throw new Error("pkg/package.json declares no browser entry");
  return new URL(target, PKG_BASE);
}

/** Resolve to the initialised package module (its synchronous API is usable afterwards). */
export async function loadLibrary() {
  const mod = await import((await browserEntry()).href);
  const ready = typeof mod.ready === "function" ? mod.ready() : mod.ready;
  if (ready && typeof ready.then === "function") await ready;
  return mod;
}

/** Deep-convert Map values (which some wasm bindings return) into plain objects. */
export function toPlain(value) {
  if (value instanceof Map) {
    return Object.fromEntries([...value].map(([k, v]) => [k, toPlain(v)]));
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlain(v)]));
  }
  return value;
}
