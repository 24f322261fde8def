//! `cargo xtask build`: the npm package in `pkg/`.
//!
//! Hand-written files (`package.json`, entries, `api.js`, `errors.js`,
//! `index.d.ts`, `hmac.d.ts`) are committed in `pkg/`; this step writes the
//! generated ones into the git-ignored `pkg/dist/`, once per published
//! flavour (`jwt-wasm` in `dist/`, `jwt-wasm/hmac` in `dist/hmac/`):
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
/// `wasm32-unknown-unknown`, plus SIMD (switched on in `.cargo/config.toml`);
/// wasm-opt must accept what the module uses.
const WASM_FEATURES: &[&str] = &[
    "--enable-bulk-memory",
    "--enable-bulk-memory-opt",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
    "--enable-simd",
];

/// A published flavour of the package: one wasm build and its bundles.
struct Flavour {
    /// The import specifier users write.
    specifier: &'static str,
    /// Its directory under `pkg/dist` (`""` for the package root).
    dir: &'static str,
    /// The crate features of its wasm (`None`: the defaults).
    features: Option<&'static str>,
    /// The cargo profile (see the release profiles in Cargo.toml).
    profile: &'static str,
}

/// Every flavour, the full package first. The HMAC-only one shares every JS
/// source file; only its wasm (and so its glue) differs.
const FLAVOURS: &[Flavour] = &[
    Flavour {
        specifier: "jwt-wasm",
        dir: "",
        features: None,
        profile: "release",
    },
    Flavour {
        specifier: "jwt-wasm/hmac",
        dir: "hmac",
        features: Some("std,hmac"),
        // This flavour exists to be small: every crate at opt-level "z".
        profile: "release-small",
    },
];

/// Builds the package and returns the `pkg/` directory.
pub fn run() -> Result<PathBuf> {
    let root = util::root();
    let pkg = root.join("pkg");
    ensure_target()?;
    let tools = root.join("xtask/tools");
    util::npm_ci(&tools)?;
    util::fresh_dir(&pkg.join("dist"))?;
    // For quick size iterations: `JWT_WASM_ONLY=hmac cargo xtask build`
    // builds only the flavour in that directory (the package is incomplete).
    let only = std::env::var("JWT_WASM_ONLY").ok();
    for flavour in FLAVOURS {
        if only.as_deref().is_none_or(|dir| dir == flavour.dir) {
            build_flavour(&root, &tools, flavour)?;
        }
    }
    Ok(pkg)
}

/// Compiles, binds, optimises and bundles one flavour into `pkg/dist/<dir>`.
fn build_flavour(root: &Path, tools: &Path, flavour: &Flavour) -> Result<()> {
    let pkg = root.join("pkg");
    let dist = pkg.join("dist").join(flavour.dir);
    // For size experiments on the full flavour:
    // `JWT_WASM_FEATURES=std,hmac,rsa cargo xtask build`.
    let experiment = std::env::var("JWT_WASM_FEATURES").ok();
    let features = match (flavour.features, &experiment) {
        (Some(features), _) => Some(features),
        (None, Some(features)) => Some(features.as_str()),
        (None, None) => None,
    };
    let mut cargo = util::cargo();
    cargo.args(["build", "--lib", "-p", "jwt-wasm"]);
    if let Some(features) = features {
        cargo.args(["--no-default-features", "--features", features]);
    }
    compile(root, tools, cargo, flavour.profile, "jwt_wasm", &dist)?;
    if flavour.dir.is_empty() {
        bundle_entries(tools, &pkg.join("src"), &dist)?;
    } else {
        // The JS sources import the glue as `../dist/jwt_wasm.js`; bundling a
        // copy of them next to this flavour's glue makes that path resolve to
        // it, without a second set of sources.
        let mirror = target_dir(root)?.join("flavours").join(flavour.dir);
        util::fresh_dir(&mirror)?;
        util::copy_tree(&pkg.join("src"), &mirror.join("src"))?;
        let glue = mirror.join("dist/jwt_wasm.js");
        util::write(
            &glue,
            fs::read(dist.join("jwt_wasm.js")).map_err(|e| e.to_string())?,
        )?;
        bundle_entries(tools, &mirror.join("src"), &dist)?;
    }
    let size = fs::metadata(dist.join("jwt_wasm_bg.wasm"))
        .map(|m| m.len())
        .unwrap_or(0);
    eprintln!(
        "xtask build: {} written to {} (jwt_wasm_bg.wasm: {size} bytes)",
        flavour.specifier,
        dist.display()
    );
    Ok(())
}

/// Runs `cargo` (a `build` of one package) for the wasm target in `profile`,
/// then binds its `<name>.wasm` into `dist` and shrinks it.
fn compile(
    root: &Path,
    tools: &Path,
    mut cargo: Command,
    profile: &str,
    name: &str,
    dist: &Path,
) -> Result<()> {
    util::run(
        cargo
            .args(["--profile", profile, "--target", TARGET])
            .current_dir(root),
    )?;
    let wasm = target_dir(root)?
        .join(TARGET)
        .join(profile)
        .join(format!("{name}.wasm"));
    fs::create_dir_all(dist).map_err(|e| format!("cannot create {}: {e}", dist.display()))?;
    bindgen(&wasm, dist)?;
    optimize(tools, &dist.join("jwt_wasm_bg.wasm"))
}

/// Builds the floor modules of `bench/floor` (the least module the mandated
/// crates allow, for the bench's size table) into `out/hmac` and `out/full`.
pub fn floor(out: &Path) -> Result<()> {
    let root = util::root();
    let tools = root.join("xtask/tools");
    ensure_target()?;
    util::npm_ci(&tools)?;
    for (dir, features) in [("hmac", &[][..]), ("full", &["--features", "full"][..])] {
        let mut cargo = util::cargo();
        cargo.args(["build", "-p", "jwt-wasm-floor"]).args(features);
        compile(
            &root,
            &tools,
            cargo,
            "floor",
            "jwt_wasm_floor",
            &out.join(dir),
        )?;
    }
    Ok(())
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
    // For size work: `JWT_WASM_KEEP_NAMES=1 cargo xtask build` keeps the
    // function names, so `twiggy top|paths|dominators` can read the result.
    let names = if std::env::var_os("JWT_WASM_KEEP_NAMES").is_some() {
        "-g"
    } else {
        "--strip-debug"
    };
    util::run(
        Command::new(&opt)
            .arg("-Oz")
            .args(WASM_FEATURES)
            .arg(names)
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

/// Bundles every entry in `src` with esbuild into `dist` (the `.wasm` stays
/// a separate file, next to the bundles).
fn bundle_entries(tools: &Path, src: &Path, dist: &Path) -> Result<()> {
    let esbuild = tools.join("node_modules/.bin/esbuild");
    for (source, output, format) in ENTRIES {
        let platform = if *format == "cjs" || output.starts_with("node") {
            "node"
        } else {
            "neutral"
        };
        util::run(
            Command::new(&esbuild)
                .arg(src.join(source))
                .args([
                    "--bundle",
                    "--external:*.wasm",
                    "--external:*.wasm?module",
                    "--target=es2022",
                    "--log-level=warning",
                ])
                .arg(format!("--format={format}"))
                .arg(format!("--platform={platform}"))
                .arg(format!("--outfile={}", dist.join(output).display())),
        )?;
    }
    for file in COPIED {
        let (from, to) = (src.join(file), dist.join(file));
        fs::copy(&from, &to).map_err(|e| format!("cannot copy {}: {e}", from.display()))?;
    }
    Ok(())
}
