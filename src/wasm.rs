//! The JavaScript binding, compiled only for `wasm32`.
//!
//! This layer converts between JS values and the core's types and nothing
//! else: every rule lives in the core, so the npm package and the Rust crate
//! behave identically. The hand-written JS in `pkg/` maps option names and
//! turns the plain error objects built in [`error`] into `Error` subclasses.
//!
//! Exported names start with `raw` / `Raw` because the JS layer wraps them;
//! users never see them.

// wasm-bindgen only exports `pub` items, which are not reachable from Rust
// callers of this crate: the lint does not apply to an FFI surface.
#![allow(unreachable_pub)]

mod alg;
mod error;
mod input;
mod jwks;
mod jwks_client;
mod jwt;
mod key;
mod key_cache;
mod options;
