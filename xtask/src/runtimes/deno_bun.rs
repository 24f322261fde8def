//! Deno and Bun, both from npm, importing the package from the consumer
//! project's node_modules with no flags at all (Deno gets no permissions).

use std::process::Command;

use super::{Ctx, Outcome, consumer, run_suite};
use crate::util::Result;

pub fn deno(ctx: &Ctx) -> Result<Outcome> {
    let dir = consumer(ctx, "deno", &["suite.mjs", "runners/deno.mjs"])?;
    run_suite(Command::new(ctx.bin("deno"))
        .args(["run", "--no-prompt", "deno.mjs"])
        .env("NO_COLOR", "1")
        .env("DENO_NO_UPDATE_CHECK", "1")
        // Deno's module cache stays inside the repository.
        .env("DENO_DIR", ctx.scratch.join(".deno"))
        .current_dir(dir))
}

pub fn bun(ctx: &Ctx) -> Result<Outcome> {
    let dir = consumer(ctx, "bun", &["suite.mjs", "runners/bun.mjs"])?;
    run_suite(Command::new(ctx.bin("bun"))
        .args(["run", "bun.mjs"])
        // Bun's caches stay inside the repository.
        .env("BUN_INSTALL_CACHE_DIR", ctx.scratch.join(".bun-cache"))
        .env("BUN_RUNTIME_TRANSPILER_CACHE_PATH", "0")
        .current_dir(dir))
}
