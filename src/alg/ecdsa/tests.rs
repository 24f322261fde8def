//! Tests for the P-256, P-384, P-521 and secp256k1 verification paths, checked
//! against RustCrypto.

mod field;
mod nist;
mod point;
