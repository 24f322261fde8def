//! `cargo xtask <command>`: builds, tests and demos the npm package.
//!
//! - `build`: compiles the crate to wasm, generates the glue with
//!   wasm-bindgen (as a library), shrinks it with wasm-opt and writes the
//!   complete package into `pkg/`.
//! - `test`: Rust tests, the no_std wasm check, the build, `npm pack`, then
//!   the JS suite in every supported runtime against the packed tarball.
//! - `bench`: jwt-wasm against jose, fast-jwt and jsonwebtoken in Node
//!   (`--quick` for a smoke run); the table on stdout, JSON in
//!   `target/bench/bench.json`.
//! - `demo`: builds the package and serves `www/` on http://127.0.0.1:8080.
//! - `fuzz [SECONDS] [TARGET…]`: runs the cargo-fuzz targets in `tests/fuzz`
//!   (60 s each by default); `test` runs them for 10 s each.

mod bench;
mod build;
mod demo;
mod fuzz;
mod runtimes;
mod security;
mod serve;
mod test;
mod util;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("build") => build::run().map(|_| ()),
        Some("test") => test::run(&args[1..]),
        Some("bench") => bench::run(&args[1..]),
        Some("demo") => demo::run(),
        Some("fuzz") => fuzz::command(&args[1..]),
        _ => {
            eprintln!("usage: cargo xtask <build|test|bench|demo|fuzz>");
            eprintln!(
                "  test accepts runtime names to run only those, e.g. `cargo xtask test --js-only node-esm`"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: error: {e}");
            ExitCode::FAILURE
        }
    }
}
