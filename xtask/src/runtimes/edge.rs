//! Vercel Edge: the `edge-light` build evaluated in the npm `edge-runtime` VM
//! (see `tests/js/runners/edge-host.mjs`).

use std::process::Command;

use super::{Ctx, Outcome, consumer, run_suite};
use crate::util::Result;

pub fn edge(ctx: &Ctx) -> Result<Outcome> {
    let dir = consumer(
        ctx,
        "edge",
        &["suite.mjs", "hmac-suite.mjs", "runners/edge.mjs"],
    )?;
    run_suite(
        Command::new("node")
            .arg(ctx.js.join("runners/edge-host.mjs"))
            .current_dir(dir),
    )
}
