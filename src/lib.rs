#![no_std]
#![doc = include_str!("../README.md")]
// A build with only some algorithm families leaves a few shared helpers
// (hash lookup, PEM and RNG utilities) without a caller; that is expected.
#![cfg_attr(
    not(all(
        feature = "hmac",
        feature = "rsa",
        feature = "ecdsa",
        feature = "eddsa"
    )),
    allow(dead_code)
)]

extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

mod alg;
mod algorithm;
pub mod base64url;
mod claims;
pub mod dangerous;
mod error;
mod header;
mod json;
mod jwks;
mod jwks_client;
pub mod jws;
mod jwt;
mod key;
mod rng;
mod validation;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use algorithm::{Algorithm, Curve, Family};
pub use error::{Error, ErrorKind};
pub use header::Header;
pub use jwks::JwkSet;
pub use jwks_client::{Freshness, JwksCache, JwksPolicy, Plan, check_jwks_url};
pub use jwt::{
    DecodedToken, EncodeOptions, decode, decode_complete, decode_complete_with, encode,
    encode_json, encode_with,
};
pub use key::{Key, KeyResolver};
pub use validation::{DEFAULT_MAX_TOKEN_LENGTH, Validation};
