//! Tests for the P-256 and P-384 verification paths, checked against
//! RustCrypto.

mod differential;
mod field;
mod p384;
mod point;
