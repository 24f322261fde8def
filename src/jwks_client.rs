//! The policy of a remote JWKS client (PyJWT's `PyJWKClient`, jose's
//! `createRemoteJWKSet`), as a pure state machine driven by explicit times.
//!
//! The core never performs I/O: a host (the JS layer, or any Rust caller)
//! asks [`JwksCache::plan`] what to do, performs the fetch itself when told
//! to, and reports the outcome with [`JwksCache::fetched`] or
//! [`JwksCache::fetch_failed`]. Every rule (freshness, cooldown, what a failed
//! fetch keeps, which keys count, URL and size limits) lives here, so it is
//! tested natively with `cargo test`.

mod cache;
mod policy;

pub use cache::{Freshness, JwksCache, Plan};
pub use policy::{JwksPolicy, check_jwks_url};
