//! Node 20, through `import` and through `require`.

use std::process::Command;

use super::{Ctx, Outcome, consumer, run_suite};
use crate::util::Result;

pub fn esm(ctx: &Ctx) -> Result<Outcome> {
    let dir = consumer(
        ctx,
        "node-esm",
        &["suite.mjs", "hmac-suite.mjs", "runners/node-esm.mjs"],
    )?;
    run_suite(Command::new("node").arg("node-esm.mjs").current_dir(dir))
}

pub fn cjs(ctx: &Ctx) -> Result<Outcome> {
    let dir = consumer(
        ctx,
        "node-cjs",
        &["suite.mjs", "hmac-suite.mjs", "runners/node-cjs.cjs"],
    )?;
    run_suite(Command::new("node").arg("node-cjs.cjs").current_dir(dir))
}
