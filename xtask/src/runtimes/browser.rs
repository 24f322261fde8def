//! Browsers: Debian's Chromium driven by playwright-core, against pages served
//! on 127.0.0.1 by xtask's static server. With Vite (`vite build` of an app
//! importing the package) and without a bundler (a plain module page with an
//! import map pointing at the installed package).

use std::path::Path;
use std::process::Command;

use super::{Ctx, Outcome, consumer, run_suite};
use crate::serve;
use crate::util::{self, Result};

const CHROMIUM: &str = "/usr/bin/chromium";

pub fn vite(ctx: &Ctx) -> Result<Outcome> {
    ensure_chromium()?;
    let dir = consumer(
        ctx,
        "browser-vite",
        &[
            "suite.mjs",
            "hmac-suite.mjs",
            "browser/main.mjs",
            "browser/vite.html",
        ],
    )?;
    std::fs::rename(dir.join("vite.html"), dir.join("index.html")).map_err(|e| e.to_string())?;
    util::run(
        Command::new(ctx.bin("vite"))
            .args(["build", "--logLevel", "warn", "--outDir", "dist", "."])
            .current_dir(&dir),
    )?;
    drive(ctx, &dir.join("dist"))
}

pub fn plain(ctx: &Ctx) -> Result<Outcome> {
    ensure_chromium()?;
    let dir = consumer(
        ctx,
        "browser-plain",
        &[
            "suite.mjs",
            "hmac-suite.mjs",
            "browser/main.mjs",
            "browser/plain.html",
        ],
    )?;
    std::fs::rename(dir.join("plain.html"), dir.join("index.html")).map_err(|e| e.to_string())?;
    drive(ctx, &dir)
}

/// The token inspector (`www/`) with the built package staged as `demo` does,
/// driven through the end-to-end test in `tests/js/inspector/`.
pub fn inspector(_ctx: &Ctx) -> Result<Outcome> {
    ensure_chromium()?;
    let root = util::root();
    let test = root.join("tests/js/inspector");
    util::npm_ci(&test)?;
    let www = crate::demo::stage(&root.join("pkg"))?;
    let port = serve::spawn(&www, 0)?;
    let profile = root.join("target/inspector-chromium-profile");
    util::fresh_dir(&profile)?;
    run_suite(
        Command::new("node")
            .arg("inspector.test.mjs")
            .arg(format!("http://127.0.0.1:{port}/"))
            .arg(&profile)
            .current_dir(&test),
    )
}

/// Serves `root` and loads its index page in a fresh Chromium profile.
fn drive(ctx: &Ctx, root: &Path) -> Result<Outcome> {
    let port = serve::spawn(root, 0)?;
    let profile = root.with_file_name(format!(
        "{}-chromium-profile",
        root.file_name().unwrap_or_default().to_string_lossy()
    ));
    util::fresh_dir(&profile)?;
    run_suite(
        Command::new("node")
            .arg(ctx.js.join("browser/driver.mjs"))
            .arg(format!("http://127.0.0.1:{port}/"))
            .arg(&profile),
    )
}

/// Installs Debian's Chromium when it is missing and we are root; otherwise
/// stops with the command to run.
fn ensure_chromium() -> Result<()> {
    if Path::new(CHROMIUM).exists() {
        return Ok(());
    }
    let uid = util::output(Command::new("id").arg("-u"))?;
    if uid.trim() != "0" {
        return Err(format!(
            "{CHROMIUM} is missing; install Debian's Chromium first: sudo apt-get update && sudo apt-get install -y chromium"
        ));
    }
    util::run(Command::new("apt-get").arg("update"))?;
    util::run(
        Command::new("apt-get")
            .args(["install", "-y", "chromium"])
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}
