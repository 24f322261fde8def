//! `cargo xtask demo`: builds the package, copies it to `www/pkg/`
//! (git-ignored) and serves `www/` on http://127.0.0.1:8080.

use std::net::TcpListener;
use std::path::{Path, PathBuf};

use crate::util::{self, Result};
use crate::{build, serve};

const PORT: u16 = 8080;

pub fn run() -> Result<()> {
    let www = stage(&build::run()?)?;
    let listener = TcpListener::bind(("127.0.0.1", PORT))
        .map_err(|e| format!("cannot bind 127.0.0.1:{PORT}: {e}"))?;
    println!(
        "serving {} on http://127.0.0.1:{PORT}/ (Ctrl-C to stop); the package is at /pkg/dist/browser.js",
        www.display()
    );
    serve::serve(&listener, &www);
    Ok(())
}

/// Copies the built package `pkg` (its `dist/` and `package.json`) to
/// `www/pkg/`, where the inspector imports it from, and returns `www/`.
pub fn stage(pkg: &Path) -> Result<PathBuf> {
    let www = util::root().join("www");
    let target = www.join("pkg");
    util::fresh_dir(&target)?;
    util::copy_tree(&pkg.join("dist"), &target.join("dist"))?;
    std::fs::copy(pkg.join("package.json"), target.join("package.json"))
        .map_err(|e| e.to_string())?;
    Ok(www)
}
