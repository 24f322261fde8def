//! `cargo xtask fuzz`: runs the cargo-fuzz targets of `tests/fuzz` (nightly,
//! libFuzzer, AddressSanitizer) for a fixed time each and reports how many
//! inputs each one executed. Any crash, panic, failed property or timeout
//! fails the step; libFuzzer's reproducer is left under
//! `tests/fuzz/artifacts/<target>/` and its path is printed.
//!
//! The fuzz project is its own cargo workspace with its own target dir
//! (`tests/fuzz/target`), so this never rebuilds or locks the root
//! workspace's `target/`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Instant;

/// Every fuzz target of `tests/fuzz`, in the order they run.
pub const TARGETS: &[&str] = &[
    "base64url",
    "header_claims",
    "decode_unverified",
    "decode_verified",
    "key_import",
    "jwk_import",
];

/// A single input slower than this is reported as a finding (a denial of
/// service on one token or key), not waited for.
const UNIT_TIMEOUT_SECS: u64 = 30;

/// Variables that the outer (stable) cargo sets for us and that would make
/// the nightly build pick stable tools or the root workspace's target dir.
const INHERITED_ENV: &[&str] = &[
    "RUSTUP_TOOLCHAIN",
    "CARGO",
    "RUSTC",
    "RUSTC_WRAPPER",
    "RUSTDOC",
    "RUSTFLAGS",
    "CARGO_ENCODED_RUSTFLAGS",
    "CARGO_TARGET_DIR",
    "CARGO_BUILD_TARGET_DIR",
];

/// What one target's run did.
#[derive(Debug, PartialEq)]
pub struct Report {
    /// Inputs executed, as libFuzzer counted them.
    pub execs: u64,
    /// Seconds of fuzzing, as libFuzzer counted them (else wall clock).
    pub seconds: u64,
    /// Reproducers libFuzzer wrote (crash, timeout, out-of-memory…).
    pub artifacts: Vec<String>,
}

/// `cargo xtask fuzz [SECONDS] [TARGET…]`: SECONDS per target (default 60),
/// all targets when none is named.
pub fn command(args: &[String]) -> Result<(), String> {
    let (seconds, targets) = match args.first().map(|a| a.parse::<u64>()) {
        Some(Ok(n)) => (n, &args[1..]),
        _ => (60, args),
    };
    run(seconds, (!targets.is_empty()).then(|| targets.to_vec()))
}

/// Runs `targets` (all of [`TARGETS`] when `None`) for `seconds` each and
/// prints `fuzz <target>: <execs> execs in <s>s, <n> crashes` per target.
/// Fails when a target is unknown, cannot be built, or finds anything.
pub fn run(seconds: u64, targets: Option<Vec<String>>) -> Result<(), String> {
    let targets: Vec<String> = match targets {
        Some(list) if !list.is_empty() => list,
        _ => TARGETS.iter().map(|t| t.to_string()).collect(),
    };
    if let Some(bad) = targets.iter().find(|t| !TARGETS.contains(&t.as_str())) {
        return Err(format!(
            "unknown fuzz target `{bad}` (known: {})",
            TARGETS.join(", ")
        ));
    }
    let fuzz_dir = root().join("tests").join("fuzz");
    let started = Instant::now();
    ensure_cargo_fuzz()?;

    let build = Instant::now();
    let out = nightly_fuzz(&fuzz_dir)
        .args(["build", "--fuzz-dir"])
        .arg(&fuzz_dir)
        .output()
        .map_err(|e| format!("cannot start `cargo +nightly fuzz build`: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "`cargo +nightly fuzz build` failed ({}):\n{}",
            out.status,
            tail(&String::from_utf8_lossy(&out.stderr), 40)
        ));
    }
    eprintln!(
        "fuzz: built {} targets in {}s",
        TARGETS.len(),
        build.elapsed().as_secs()
    );

    let mut failures = Vec::new();
    for target in &targets {
        let report = run_target(&fuzz_dir, target, seconds)?;
        println!(
            "fuzz {target}: {} execs in {}s, {} crashes",
            report.execs,
            report.seconds,
            report.artifacts.len()
        );
        for artifact in &report.artifacts {
            println!("  reproducer: {artifact}");
            failures.push(format!("{target}: {artifact}"));
        }
    }
    eprintln!("fuzz: whole step took {}s", started.elapsed().as_secs());
    if failures.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "fuzzing found {} problem(s); replay one with `cargo +nightly fuzz run --fuzz-dir tests/fuzz <target> <reproducer>`:\n  {}",
            failures.len(),
            failures.join("\n  ")
        ))
    }
}

/// The repository root (the parent of `xtask/`).
fn root() -> PathBuf {
    let xtask = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    xtask.parent().map(Path::to_path_buf).unwrap_or(xtask)
}

/// `cargo +nightly fuzz`, through rustup's `cargo` proxy (the `CARGO` that
/// runs xtask is a stable toolchain binary, which knows no `+nightly`).
fn nightly_fuzz(fuzz_dir: &Path) -> Command {
    let mut cmd = Command::new("cargo");
    for name in INHERITED_ENV {
        cmd.env_remove(name);
    }
    cmd.args(["+nightly", "fuzz"]).current_dir(fuzz_dir);
    cmd
}

/// Installs cargo-fuzz from crates.io when `cargo fuzz` is missing, and
/// checks that a nightly toolchain is there (libFuzzer's instrumentation
/// needs `-Z` flags).
fn ensure_cargo_fuzz() -> Result<(), String> {
    let has_fuzz = Command::new("cargo")
        .args(["fuzz", "--version"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_fuzz {
        eprintln!("$ cargo install cargo-fuzz --locked");
        let status = Command::new("cargo")
            .args(["install", "cargo-fuzz", "--locked"])
            .env_remove("CARGO_TARGET_DIR")
            .status()
            .map_err(|e| format!("cannot start `cargo install cargo-fuzz`: {e}"))?;
        if !status.success() {
            return Err(format!(
                "`cargo install cargo-fuzz --locked` failed ({status})"
            ));
        }
    }
    let nightly = Command::new("cargo")
        .env_remove("RUSTUP_TOOLCHAIN")
        .args(["+nightly", "--version"])
        .output()
        .is_ok_and(|o| o.status.success());
    if nightly {
        Ok(())
    } else {
        Err("fuzzing needs a nightly toolchain: `rustup toolchain install nightly`".into())
    }
}

/// Runs one target on its working corpus (`corpus/<target>`, git-ignored)
/// plus the committed seeds (`seeds/<target>`, read only).
fn run_target(fuzz_dir: &Path, target: &str, seconds: u64) -> Result<Report, String> {
    let corpus = fuzz_dir.join("corpus").join(target);
    std::fs::create_dir_all(&corpus)
        .map_err(|e| format!("cannot create {}: {e}", corpus.display()))?;
    let seeds = fuzz_dir.join("seeds").join(target);
    let mut cmd = nightly_fuzz(fuzz_dir);
    cmd.args(["run", "--fuzz-dir"])
        .arg(fuzz_dir)
        .arg(target)
        .arg(&corpus);
    if seeds.is_dir() {
        cmd.arg(&seeds);
    }
    cmd.arg("--").args([
        format!("-max_total_time={seconds}"),
        format!("-timeout={UNIT_TIMEOUT_SECS}"),
        "-print_final_stats=1".to_string(),
    ]);
    let started = Instant::now();
    let out: Output = cmd
        .output()
        .map_err(|e| format!("cannot start `cargo +nightly fuzz run {target}`: {e}"))?;
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let mut report = parse_log(&log);
    if report.seconds == 0 {
        report.seconds = started.elapsed().as_secs();
    }
    if !out.status.success() && report.artifacts.is_empty() {
        // Failed before fuzzing (build error) or died without a reproducer.
        return Err(format!(
            "`cargo +nightly fuzz run {target}` failed ({}):\n{}",
            out.status,
            tail(&log, 60)
        ));
    }
    if !report.artifacts.is_empty() {
        eprintln!(
            "fuzz {target}: libFuzzer output (tail):\n{}",
            tail(&log, 60)
        );
    }
    Ok(report)
}

/// Reads the execution count, the fuzzing time and the reproducer paths out
/// of libFuzzer's output. The count comes from `-print_final_stats=1`
/// (`stat::number_of_executed_units`), else from the closing `Done N runs in
/// S second(s)` line, else from the last `#N` status line.
pub fn parse_log(log: &str) -> Report {
    let mut execs = None;
    let mut done = None;
    let mut last_status = 0;
    let mut seconds = 0;
    let mut artifacts = Vec::new();
    for line in log.lines() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("stat::number_of_executed_units:") {
            execs = rest.trim().parse().ok();
        } else if let Some(rest) = line.strip_prefix("Done ") {
            // "Done 664484 runs in 11 second(s)"
            let mut words = rest.split_whitespace();
            done = words.next().and_then(|n| n.parse().ok());
            if let Some(s) = words.nth(2).and_then(|s| s.parse().ok()) {
                seconds = s;
            }
        } else if let Some(rest) = line.strip_prefix('#') {
            // "#123456\tDONE   cov: …" / "#4096\tpulse  cov: …"
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            if let Ok(n) = digits.parse() {
                last_status = n;
            }
        }
        if let Some((_, path)) = line.split_once("Test unit written to ") {
            artifacts.push(path.trim().to_string());
        }
    }
    Report {
        execs: execs.or(done).unwrap_or(last_status),
        seconds,
        artifacts,
    }
}

/// The last `n` lines of `text`.
fn tail(text: &str, n: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(n)..].join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_final_stats_first() {
        let log = "#2\tINITED cov: 5\n#4096\tpulse cov: 9\n#70000\tDONE cov: 9\nDone 70000 runs in 11 second(s)\nstat::number_of_executed_units: 70001\n";
        let report = parse_log(log);
        assert_eq!(report.execs, 70001);
        assert_eq!(report.seconds, 11);
        assert!(report.artifacts.is_empty());
    }

    #[test]
    fn falls_back_to_done_then_status_lines() {
        assert_eq!(
            parse_log("#8\tINITED\nDone 1234 runs in 10 second(s)\n").execs,
            1234
        );
        assert_eq!(parse_log("#8\tINITED\n#512\tpulse  cov: 3\n").execs, 512);
    }

    #[test]
    fn collects_reproducers() {
        let log = "==1== ERROR: libFuzzer: deadly signal\nartifact_prefix='./artifacts/x/'; Test unit written to ./artifacts/x/crash-abc\nBase64: Cko=\n";
        let report = parse_log(log);
        assert_eq!(report.artifacts, ["./artifacts/x/crash-abc"]);
    }
}
