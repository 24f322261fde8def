//! `cargo xtask build`: the npm package in `pkg/`.
//!
//! Hand-written files (`package.json`, entries, `api.js`, `errors.js`,
//! `index.d.ts`) are committed in `pkg/`; this step writes the generated
//! ones into the git-ignored `pkg/dist/`:
//! - `jwt_wasm.js`: wasm-bindgen's `web` glue, without the default
//!   `new URL('…_bg.wasm', import.meta.url)` fallback, so bundlers and edge
//!   hosts never see a wasm URL they did not ask for;
//! - `jwt_wasm_bg.wasm`: the release build, shrunk by `wasm-opt -Oz`;
//! - one bundle per runtime (`node.mjs`, `node.cjs`, `workerd.js`,
//!   `browser.js`), made by esbuild from `pkg/src/entry-*.mjs`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use wasm_bindgen_cli_support::Bindgen;

use crate::util::{self, Result};

const TARGET: &str = "wasm32-unknown-unknown";

/// The WebAssembly features rustc (≥ 1.87) enables by default for
/// `wasm32-unknown-unknown`; wasm-opt must accept what the module uses.
const WASM_FEATURES: &[&str] = &[
    "--enable-bulk-memory",
    "--enable-bulk-memory-opt",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// Builds the package and returns the `pkg/` directory.
pub fn run() -> Result<PathBuf> {
    let root = util::root();
    let pkg = root.join("pkg");
    let dist = pkg.join("dist");
    ensure_target()?;
    let mut cargo = util::cargo();
    cargo.args([
        "build",
        "--release",
        "--lib",
        "-p",
        "jwt-wasm",
        "--target",
        TARGET,
    ]);
    // For size experiments: `JWT_WASM_FEATURES=std,hmac cargo xtask build`.
    if let Ok(features) = std::env::var("JWT_WASM_FEATURES") {
        cargo.args(["--no-default-features", "--features", &features]);
    }
    util::run(cargo.current_dir(&root))?;
    let wasm = target_dir(&root)?
        .join(TARGET)
        .join("release/jwt_wasm.wasm");
    util::fresh_dir(&dist)?;
    bindgen(&wasm, &dist)?;
    let tools = root.join("xtask/tools");
    util::npm_ci(&tools)?;
    optimize(&tools, &dist.join("jwt_wasm_bg.wasm"))?;
    bundle_entries(&tools, &pkg)?;
    let size = fs::metadata(dist.join("jwt_wasm_bg.wasm"))
        .map(|m| m.len())
        .unwrap_or(0);
    eprintln!(
        "xtask build: package written to {} (jwt_wasm_bg.wasm: {size} bytes)",
        pkg.display()
    );
    Ok(pkg)
}

/// Installs the wasm target through rustup when it is missing.
fn ensure_target() -> Result<()> {
    let installed = util::output(Command::new("rustup").args(["target", "list", "--installed"]))?;
    if installed.lines().any(|l| l.trim() == TARGET) {
        return Ok(());
    }
    util::run(Command::new("rustup").args(["target", "add", TARGET]))
}

/// Where cargo puts build output (honours `CARGO_TARGET_DIR`).
fn target_dir(root: &Path) -> Result<PathBuf> {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => Ok(root.join(dir)),
        None => Ok(root.join("target")),
    }
}

fn bindgen(wasm: &Path, out: &Path) -> Result<()> {
    eprintln!(
        "$ wasm-bindgen --target web --omit-default-module-path {}",
        wasm.display()
    );
    Bindgen::new()
        .input_path(wasm)
        .out_name("jwt_wasm")
        .web(true)
        .map_err(|e| format!("wasm-bindgen: {e:#}"))?
        .omit_default_module_path(true)
        .typescript(false)
        .remove_producers_section(true)
        .generate(out)
        .map_err(|e| format!("wasm-bindgen: {e:#}"))
}

/// `wasm-opt -Oz` from the npm `binaryen` package, in place.
fn optimize(tools: &Path, wasm: &Path) -> Result<()> {
    let opt = tools.join("node_modules/.bin/wasm-opt");
    let tmp = wasm.with_extension("opt.wasm");
    util::run(
        Command::new(&opt)
            .arg("-Oz")
            .args(WASM_FEATURES)
            .arg(if std::env::var_os("JWT_WASM_NAMES").is_some() {
                "-g"
            } else {
                "--strip-debug"
            })
            .arg(wasm)
            .arg("-o")
            .arg(&tmp),
    )?;
    fs::rename(&tmp, wasm).map_err(|e| format!("cannot move {}: {e}", tmp.display()))
}

/// One self-contained module per runtime: `(source in pkg/src, output in pkg/dist, format)`.
///
/// Each bundle holds the glue, the API and its own initialisation, so the
/// initialisation runs whenever anything is imported from it, even with
/// `"sideEffects": false` (a bundler may skip a module that only re-exports).
const ENTRIES: &[(&str, &str, &str)] = &[
    ("entry-node.mjs", "node.mjs", "esm"),
    ("entry-node-cjs.mjs", "node.cjs", "cjs"),
    ("entry-workerd.mjs", "workerd.js", "esm"),
    ("entry-edge-light.mjs", "edge-light.js", "esm"),
    ("entry-browser.mjs", "browser.js", "esm"),
    ("entry-deno-core.mjs", "deno-core.js", "esm"),
];

/// Entries copied as they are (esbuild cannot parse source-phase imports).
const COPIED: &[&str] = &["deno.js"];

/// Bundles every entry with esbuild (the `.wasm` stays a separate file).
fn bundle_entries(tools: &Path, pkg: &Path) -> Result<()> {
    let esbuild = tools.join("node_modules/.bin/esbuild");
    for (source, output, format) in ENTRIES {
        let platform = if *format == "cjs" || output.starts_with("node") {
            "node"
        } else {
            "neutral"
        };
        util::run(
            Command::new(&esbuild)
                .arg(pkg.join("src").join(source))
                .args([
                    "--bundle",
                    "--external:*.wasm",
                    "--external:*.wasm?module",
                    "--target=es2022",
                    "--log-level=warning",
                ])
                .arg(format!("--format={format}"))
                .arg(format!("--platform={platform}"))
                .arg(format!(
                    "--outfile={}",
                    pkg.join("dist").join(output).display()
                )),
        )?;
    }
    for file in COPIED {
        let (from, to) = (pkg.join("src").join(file), pkg.join("dist").join(file));
        fs::copy(&from, &to).map_err(|e| format!("cannot copy {}: {e}", from.display()))?;
    }
    Ok(())
}
