//! The security step of `cargo xtask test` (issue 6 §1, §2 and §4), run
//! against the packed tarball like every runtime:
//!
//! - `attacks.mjs`: the attack suite through the JS API in Node;
//! - `fuzz.mjs`: 1,000,000 mutated calls, no trap and no plain error;
//! - `memory.mjs` (with `--expose-gc`): 1,000,000 decodes and 100,000 Keys
//!   leave the wasm memory and the JS heap settled;
//! - `differential.mjs`: against PyJWT (pinned, in a virtualenv under
//!   `target/`) and jose (pinned in `tests/js/security/package-lock.json`);
//! - `fast-paths.mjs`: the wasm build's RSA and ECDSA (P-256, P-384, P-521)
//!   verification fast paths against OpenSSL on random keys and against the
//!   Wycheproof files in `../shared/vectors` (SKIPPED without them).
//!
//! The suites live in `tests/js/security/`; they are copied into a scratch
//! consumer project under `tests/js/security/.scratch/` whose parent holds
//! the `node_modules` with jose.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::runtimes::{self, Ctx};
use crate::util::{self, Result};

/// PyJWT and its crypto backend, pinned so the differential run is repeatable.
const PYJWT: &[&str] = &["pyjwt[crypto]==2.15.1", "cryptography==50.0.2"];

/// `(file, node flags, time limit in seconds)`. On an idle 2-core machine the
/// five take about 2 minutes together; the limits leave room for a loaded one
/// and only stop a hung run.
const SUITES: &[(&str, &[&str], u64)] = &[
    ("attacks.mjs", &[], 120),
    ("fuzz.mjs", &[], 480),
    ("memory.mjs", &["--expose-gc"], 360),
    ("differential.mjs", &[], 360),
    ("fast-paths.mjs", &[], 120),
];

/// Files copied into the consumer project.
const FILES: &[&str] = &[
    "harness.mjs",
    "forge.mjs",
    "attacks.mjs",
    "attacks-keys.mjs",
    "attacks-format.mjs",
    "fuzz.mjs",
    "memory.mjs",
    "differential.mjs",
    "fast-paths.mjs",
];

/// Runs every security suite against `ctx.tarball`; fails if any case fails.
pub fn run(ctx: &Ctx) -> Result<()> {
    let root = util::root();
    let dir = root.join("tests/js/security");
    let python = pyjwt_venv(&root)?;
    util::npm_ci(&dir)?;
    let local = Ctx {
        js: dir.clone(),
        scratch: dir.join(".scratch"),
        tarball: ctx.tarball.clone(),
    };
    let consumer = runtimes::consumer(&local, "node", FILES)?;
    let script = root.join("tests/differential/pyjwt_side.py");

    let step = Instant::now();
    let mut lines = Vec::new();
    let mut failed = Vec::new();
    for (file, flags, limit) in SUITES {
        eprintln!("\n=== security: {file} ===");
        let start = Instant::now();
        let mut cmd = Command::new("node");
        cmd.args(*flags)
            .arg(file)
            .env("PYJWT_PYTHON", &python)
            .env("PYJWT_SCRIPT", &script)
            .env("JWT_WASM_VECTORS", root.join("../shared/vectors"))
            .current_dir(&consumer);
        let (ok, stdout, stderr) = util::run_captured(&mut cmd, Duration::from_secs(*limit))?;
        print!("{stdout}");
        let line = match runtimes::parse(&stdout) {
            Some(o) if ok && o.failed == 0 && o.passed > 0 => {
                format!(
                    "{file}: {} passed ({:.1}s)",
                    o.passed,
                    start.elapsed().as_secs_f64()
                )
            }
            Some(o) => {
                eprint!("{stderr}");
                failed.push(*file);
                format!("{file}: {} passed, {} failed", o.passed, o.failed)
            }
            None => {
                eprint!("{stderr}");
                failed.push(*file);
                format!("{file}: no result")
            }
        };
        println!("{line}");
        lines.push(line);
    }
    println!("\n--- security ---");
    for line in &lines {
        println!("{line}");
    }
    println!("security step: {:.1}s", step.elapsed().as_secs_f64());
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!("security suites failed: {}", failed.join(", ")))
    }
}

/// A virtualenv under `target/` with PyJWT installed; returns its python.
/// Reinstalls only when the pinned requirements change.
fn pyjwt_venv(root: &Path) -> Result<PathBuf> {
    let venv = root.join("target/pyjwt-venv");
    let python = venv.join("bin/python");
    let marker = venv.join("jwt-wasm-requirements.txt");
    let wanted = PYJWT.join("\n");
    if std::fs::read_to_string(&marker).ok().as_deref() == Some(wanted.as_str()) && python.is_file()
    {
        return Ok(python);
    }
    util::run(Command::new("python3").args(["-m", "venv"]).arg(&venv))?;
    util::run(
        Command::new(&python)
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
            ])
            .args(PYJWT),
    )?;
    util::write(&marker, wanted)?;
    Ok(python)
}
