//! The JS suite in each runtime. Every runtime installs the packed tarball
//! into its own scratch consumer project under `tests/js/.scratch/`, runs
//! the shared `tests/js/suite.mjs` through a thin runner, and reports the
//! runner's `JWT_WASM_RESULT` line.

mod browser;
mod deno_bun;
mod edge;
mod jwks;
mod node;
mod workerd;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::util::{self, Result};

/// Paths every runtime needs.
pub struct Ctx {
    /// `tests/js`: the suite, the runners and the tool `node_modules`.
    pub js: PathBuf,
    /// `tests/js/.scratch` (git-ignored).
    pub scratch: PathBuf,
    /// The `npm pack` tarball of `pkg/`.
    pub tarball: PathBuf,
}

impl Ctx {
    /// A tool installed in `tests/js/node_modules/.bin`.
    pub fn bin(&self, name: &str) -> PathBuf {
        self.js.join("node_modules/.bin").join(name)
    }
}

/// Counts reported by one runtime.
pub struct Outcome {
    pub passed: u32,
    pub failed: u32,
    pub failures: Vec<String>,
}

/// A runtime: its name and how to run the suite in it.
pub type Runner = fn(&Ctx) -> Result<Outcome>;

/// Every runtime, in the order they run.
pub const ALL: &[(&str, Runner)] = &[
    ("node-esm", node::esm),
    ("node-cjs", node::cjs),
    ("deno", deno_bun::deno),
    ("bun", deno_bun::bun),
    ("edge-runtime", edge::edge),
    ("workerd", workerd::workerd),
    ("browser-vite", browser::vite),
    ("browser-plain", browser::plain),
    ("inspector", browser::inspector),
    ("jwks-node", jwks::node),
    ("jwks-workerd", jwks::workerd),
];

/// A fresh consumer project `name` with the tarball installed and `files`
/// (paths under `tests/js`) copied in flat.
pub fn consumer(ctx: &Ctx, name: &str, files: &[&str]) -> Result<PathBuf> {
    let dir = ctx.scratch.join(name);
    util::fresh_dir(&dir)?;
    let manifest = format!(
        "{{\n  \"name\": \"consumer-{name}\",\n  \"private\": true,\n  \"dependencies\": {{ \"jwt-wasm\": \"file:{}\" }}\n}}\n",
        ctx.tarball.display()
    );
    util::write(&dir.join("package.json"), manifest)?;
    for file in files {
        let from = ctx.js.join(file);
        let to = dir.join(Path::new(file).file_name().unwrap_or_default());
        std::fs::copy(&from, &to).map_err(|e| format!("cannot copy {}: {e}", from.display()))?;
    }
    util::npm_install(&dir)?;
    Ok(dir)
}

/// Runs `cmd` (time-limited) and parses the suite's report from its stdout.
pub fn run_suite(cmd: &mut Command) -> Result<Outcome> {
    let (ok, stdout, stderr) = util::run_captured(cmd, Duration::from_secs(120))?;
    let outcome = parse(&stdout)
        .ok_or_else(|| format!("no JWT_WASM_RESULT line in the output:\n{stdout}{stderr}"))?;
    if !ok {
        return Err(format!(
            "the runner exited with an error:\n{stdout}{stderr}"
        ));
    }
    Ok(outcome)
}

/// Reads the `JWT_WASM_FAILURE …` and `JWT_WASM_RESULT passed=N failed=M` lines.
pub fn parse(text: &str) -> Option<Outcome> {
    let mut failures = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if let Some(f) = line.strip_prefix("JWT_WASM_FAILURE ") {
            failures.push(f.to_string());
        } else if let Some(rest) = line.strip_prefix("JWT_WASM_RESULT ") {
            let mut counts = rest.split_whitespace().filter_map(|kv| kv.split_once('='));
            let (_, passed) = counts.next()?;
            let (_, failed) = counts.next()?;
            return Some(Outcome {
                passed: passed.parse().ok()?,
                failed: failed.parse().ok()?,
                failures,
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn reads_counts_and_failures() {
        let out =
            "noise\nJWT_WASM_FAILURE case a: boom | at x\nJWT_WASM_RESULT passed=3 failed=1\n";
        let o = parse(out).unwrap();
        assert_eq!((o.passed, o.failed), (3, 1));
        assert_eq!(o.failures, ["case a: boom | at x"]);
    }

    #[test]
    fn a_missing_or_garbled_result_line_is_no_result() {
        assert!(parse("JWT_WASM_FAILURE x\n").is_none());
        assert!(parse("JWT_WASM_RESULT passed=x failed=0").is_none());
        assert!(parse("JWT_WASM_RESULT passed=1").is_none());
    }
}
