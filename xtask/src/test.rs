//! `cargo xtask test`: everything CI checks.
//!
//! 1. `cargo test --workspace`, and the library and integration tests with
//!    each algorithm family alone (`std,hmac` is the `jwt-wasm/hmac` flavour);
//! 2. a 10-second smoke run of every fuzz target (`cargo xtask fuzz`);
//! 3. the no_std build for wasm (`--no-default-features`), with every family
//!    and with each alone;
//! 4. `cargo xtask build` and `npm pack`;
//! 5. the JS suite in every runtime against the packed tarball;
//! 6. `cargo xtask bench --quick` on the same tarball, only to prove the
//!    bench runs (its figures mean nothing in quick mode).
//!
//! `cargo xtask test --js-only [runtime…]` skips 1–3 and runs only the named
//! runtimes (all when none is named), for quick iterations.

use std::process::Command;
use std::time::Instant;

use crate::build;
use crate::runtimes::{self, Ctx};
use crate::util::{self, Result};

/// The algorithm families, one cargo feature each.
const FAMILIES: [&str; 4] = ["hmac", "rsa", "ecdsa", "eddsa"];

pub fn run(args: &[String]) -> Result<()> {
    let js_only = args.iter().any(|a| a == "--js-only");
    let wanted: Vec<&str> = args
        .iter()
        .map(String::as_str)
        .filter(|a| !a.starts_with("--"))
        .collect();
    for name in &wanted {
        if !runtimes::ALL.iter().any(|(n, _)| n == name) {
            return Err(format!("unknown runtime `{name}`"));
        }
    }
    let root = util::root();
    if !js_only {
        // The vector tests skip themselves quietly under cargo's output
        // capture, so say it once here where nobody can miss it.
        let vectors = root.join("../shared/vectors");
        if !vectors.is_dir() {
            println!(
                "SKIPPED: {} is missing, so the Wycheproof and JOSE cookbook vector tests skip",
                vectors.display()
            );
        }
        util::run(
            util::cargo()
                .args(["test", "--workspace"])
                .current_dir(&root),
        )?;
        // Each family alone (`std,hmac` is the `jwt-wasm/hmac` flavour):
        // the core's tests, where the other families' algorithms must be
        // refused as left out, and the integration tests that need no more.
        for family in FAMILIES {
            util::run(
                util::cargo()
                    .args(["test", "--lib", "--tests", "-p", "jwt-wasm"])
                    .args(["--no-default-features", "--features"])
                    .arg(format!("std,{family}"))
                    .current_dir(&root),
            )?;
        }
        crate::fuzz::run(10, None)?;
        // The no_std build for wasm, with every family and with each alone.
        let all = FAMILIES.join(",");
        for features in std::iter::once(all.as_str()).chain(FAMILIES) {
            util::run(
                util::cargo()
                    .args(["build", "--lib", "-p", "jwt-wasm", "--no-default-features"])
                    .args(["--features", features, "--target", "wasm32-unknown-unknown"])
                    .current_dir(&root),
            )?;
        }
    }
    let pkg = build::run()?;
    let js = root.join("tests/js");
    let scratch = js.join(".scratch");
    util::fresh_dir(&scratch)?;
    let packed = util::output(
        Command::new("npm")
            .args(["pack", "--loglevel=error", "--pack-destination"])
            .arg(&scratch)
            .current_dir(&pkg),
    )?;
    let name = packed.lines().last().unwrap_or_default().trim().to_string();
    let tarball = scratch.join(&name);
    if name.is_empty() || !tarball.is_file() {
        return Err(format!(
            "npm pack did not produce a tarball (said: {packed:?})"
        ));
    }
    eprintln!("xtask test: packed {}", tarball.display());
    util::npm_ci(&js)?;
    let ctx = Ctx {
        js,
        scratch,
        tarball,
    };
    if wanted.is_empty() {
        crate::security::run(&ctx)?;
    }

    let (mut passed, mut failed, mut broken) = (0u32, 0u32, Vec::new());
    let mut lines = Vec::new();
    for (name, runner) in runtimes::ALL {
        if !wanted.is_empty() && !wanted.contains(name) {
            continue;
        }
        eprintln!("\n=== {name} ===");
        let start = Instant::now();
        let line = match runner(&ctx) {
            Ok(o) => {
                for f in &o.failures {
                    println!("{name}: FAILED {f}");
                }
                passed += o.passed;
                failed += o.failed;
                if o.failed > 0 || o.passed == 0 {
                    broken.push(*name);
                }
                format!(
                    "{name}: {} passed, {} failed ({:.1}s)",
                    o.passed,
                    o.failed,
                    start.elapsed().as_secs_f64()
                )
            }
            Err(e) => {
                println!("{name}: could not run: {e}");
                broken.push(*name);
                format!("{name}: could not run")
            }
        };
        println!("{line}");
        lines.push(line);
    }
    println!("\n--- JS suite ---");
    for line in &lines {
        println!("{line}");
    }
    println!("{passed} passed, {failed} failed");
    if wanted.is_empty() {
        crate::bench::run_with(&ctx.tarball, None, true, None)?;
    }
    if broken.is_empty() {
        Ok(())
    } else {
        Err(format!("JS suite failed in: {}", broken.join(", ")))
    }
}
