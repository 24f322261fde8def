//! Deno and Bun, both from npm, importing the package from the consumer
//! project's node_modules with no flags at all (Deno gets no permissions).

use std::process::Command;

use super::{Ctx, Outcome, consumer, run_suite};
use std::time::Duration;

use crate::util::{self, Result};

/// Also type-checks `runners/types.ts` against the package's `index.d.ts`
/// and `runners/types-hmac.ts` against `hmac.d.ts` with `deno check`
/// (counted as one more case each).
pub fn deno(ctx: &Ctx) -> Result<Outcome> {
    let dir = consumer(
        ctx,
        "deno",
        &[
            "suite.mjs",
            "hmac-suite.mjs",
            "runners/deno.mjs",
            "runners/types.ts",
            "runners/types-hmac.ts",
        ],
    )?;
    let deno = |args: &[&str]| {
        let mut cmd = Command::new(ctx.bin("deno"));
        cmd.args(args)
            .env("NO_COLOR", "1")
            .env("DENO_NO_UPDATE_CHECK", "1")
            // Deno's module cache stays inside the repository.
            .env("DENO_DIR", ctx.scratch.join(".deno"))
            .current_dir(&dir);
        cmd
    };
    let mut outcome = run_suite(&mut deno(&["run", "--no-prompt", "deno.mjs"]))?;
    for (file, types) in [("types.ts", "index.d.ts"), ("types-hmac.ts", "hmac.d.ts")] {
        let (typed, stdout, stderr) =
            util::run_captured(&mut deno(&["check", file]), Duration::from_secs(120))?;
        if typed {
            outcome.passed += 1;
        } else {
            outcome.failed += 1;
            outcome.failures.push(format!(
                "{types} type check (deno check {file}): {stdout}{stderr}"
            ));
        }
    }
    Ok(outcome)
}

pub fn bun(ctx: &Ctx) -> Result<Outcome> {
    let dir = consumer(
        ctx,
        "bun",
        &["suite.mjs", "hmac-suite.mjs", "runners/bun.mjs"],
    )?;
    run_suite(
        Command::new(ctx.bin("bun"))
            .args(["run", "bun.mjs"])
            // Bun's caches stay inside the repository.
            .env("BUN_INSTALL_CACHE_DIR", ctx.scratch.join(".bun-cache"))
            .env("BUN_RUNTIME_TRANSPILER_CACHE_PATH", "0")
            .current_dir(dir),
    )
}
