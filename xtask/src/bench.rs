//! `cargo xtask bench [--quick]`: jwt-wasm against jose, fast-jwt and
//! jsonwebtoken in one Node process (issue 7).
//!
//! Builds the package, packs it, installs the tarball into
//! `bench/.scratch/` (the peers come from `bench/node_modules`, installed by
//! `npm ci` from the committed lock file) and runs `bench/bench.mjs` there.
//! The table goes to stdout, the data to `target/bench/bench.json`. The
//! floor modules of `bench/floor` are built into `target/bench/floor/` and
//! measured beside the package.
//!
//! Missed targets never fail the command; only a benchmark that cannot run
//! does. `--quick` uses tiny rounds, for `cargo xtask test` to prove the
//! bench still works.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::build;
use crate::util::{self, Result};

pub fn run(args: &[String]) -> Result<()> {
    let quick = args.iter().any(|a| a == "--quick");
    // `--baseline <tarball>`: an earlier `npm pack` of jwt-wasm, measured
    // as one more column in the same process (before/after figures).
    let baseline = args
        .iter()
        .position(|a| a == "--baseline")
        .map(|i| {
            args.get(i + 1)
                .map(PathBuf::from)
                .ok_or("--baseline needs a tarball path")
        })
        .transpose()?;
    // `--only HS256,claims`: only the rows whose name contains one of the words.
    let only = args
        .iter()
        .position(|a| a == "--only")
        .map(|i| {
            args.get(i + 1)
                .cloned()
                .ok_or("--only needs a list of words")
        })
        .transpose()?;
    let pkg = build::run()?;
    let tarball = pack(&pkg, &util::root().join("bench/.scratch/pack"))?;
    run_with(&tarball, baseline.as_deref(), quick, only.as_deref())
}

/// `npm pack` of `pkg` into `dest`; returns the tarball.
pub fn pack(pkg: &Path, dest: &Path) -> Result<PathBuf> {
    util::fresh_dir(dest)?;
    let packed = util::output(
        Command::new("npm")
            .args(["pack", "--loglevel=error", "--pack-destination"])
            .arg(dest)
            .current_dir(pkg),
    )?;
    let name = packed.lines().last().unwrap_or_default().trim().to_string();
    let tarball = dest.join(&name);
    if name.is_empty() || !tarball.is_file() {
        return Err(format!(
            "npm pack did not produce a tarball (said: {packed:?})"
        ));
    }
    Ok(tarball)
}

/// Runs the bench against an already packed `tarball`.
pub fn run_with(
    tarball: &Path,
    baseline: Option<&Path>,
    quick: bool,
    only: Option<&str>,
) -> Result<()> {
    let root = util::root();
    let bench = root.join("bench");
    util::npm_ci(&bench)?;
    // A consumer project inside bench/: `jwt-wasm` resolves from its own
    // node_modules, the peers from bench/node_modules one level up.
    let run_dir = bench.join(".scratch/run");
    util::fresh_dir(&run_dir)?;
    let mut deps = format!("\"jwt-wasm\": \"file:{}\"", tarball.display());
    if let Some(baseline) = baseline {
        let baseline = std::fs::canonicalize(baseline)
            .map_err(|e| format!("baseline {}: {e}", baseline.display()))?;
        deps.push_str(&format!(
            ", \"jwt-wasm-baseline\": \"file:{}\"",
            baseline.display()
        ));
    }
    let manifest = format!(
        "{{\n  \"name\": \"jwt-wasm-bench-run\",\n  \"private\": true,\n  \"type\": \"module\",\n  \"dependencies\": {{ {deps} }}\n}}\n"
    );
    util::write(&run_dir.join("package.json"), manifest)?;
    for file in ["bench.mjs", "cold.mjs"] {
        std::fs::copy(bench.join(file), run_dir.join(file))
            .map_err(|e| format!("cannot copy bench/{file}: {e}"))?;
    }
    util::npm_install(&run_dir)?;
    let floor = root.join("target/bench/floor");
    build::floor(&floor)?;
    let json = root.join("target/bench/bench.json");
    let mut node = Command::new("node");
    node.arg("bench.mjs")
        .arg("--out")
        .arg(&json)
        .arg("--floor")
        .arg(&floor);
    if quick {
        node.arg("--quick");
    }
    if baseline.is_some() {
        node.arg("--baseline");
    }
    if let Some(only) = only {
        node.arg("--only").arg(only);
    }
    util::run(node.current_dir(&run_dir))
}
