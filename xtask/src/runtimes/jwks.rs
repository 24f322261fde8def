//! Remote JWKS and request authentication (issue 5), against a local JWKS
//! server on 127.0.0.1 that the test scripts start themselves:
//!
//! - `jwks-node`: `tests/js/jwks/node-jwks.mjs` in Node 20 (caching,
//!   cooldown, rotation, timeout, size cap, failed refresh, `authenticate`);
//! - `jwks-workerd`: the example Worker in `examples/cloudflare-worker`,
//!   bundled by `wrangler deploy --dry-run --outdir`, served by the real
//!   `workerd` binary and driven by `tests/js/jwks/workerd-driver.mjs`
//!   (50 concurrent requests, one JWKS fetch, 401 challenges).

use std::process::Command;

use super::{Ctx, Outcome, consumer, run_suite};
use crate::util::{self, Result};

const SHARED: &str = "jwks/jwks-server.mjs";

pub fn node(ctx: &Ctx) -> Result<Outcome> {
    let dir = consumer(ctx, "jwks-node", &[SHARED, "jwks/node-jwks.mjs"])?;
    run_suite(Command::new("node").arg("node-jwks.mjs").current_dir(dir))
}

pub fn workerd(ctx: &Ctx) -> Result<Outcome> {
    let dir = consumer(ctx, "jwks-workerd", &[SHARED, "jwks/workerd-driver.mjs"])?;
    // The example project as a user has it (its package.json is replaced by
    // the consumer one, which installs the packed tarball).
    let example = util::root().join("examples/cloudflare-worker");
    std::fs::create_dir_all(dir.join("src")).map_err(|e| format!("cannot create src/: {e}"))?;
    for file in ["wrangler.toml", "src/index.js"] {
        std::fs::copy(example.join(file), dir.join(file))
            .map_err(|e| format!("cannot copy the example's {file}: {e}"))?;
    }
    super::workerd::bundle(ctx, &dir)?;
    run_suite(
        Command::new("node")
            .arg("workerd-driver.mjs")
            .arg(ctx.bin("workerd"))
            .current_dir(dir),
    )
}
