#![no_std]
#![doc = "JSON Web Tokens with PyJWT's validation rules, for WebAssembly and the edge."]

extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

mod alg;
mod algorithm;
mod error;
mod jwks;
mod key;
mod rng;

pub use algorithm::{Algorithm, Curve, Family};
pub use error::{Error, ErrorKind};
pub use jwks::JwkSet;
pub use key::{Key, KeyResolver};
