//! Tests for the P-256, P-384 and P-521 verification paths, checked
//! against RustCrypto.

mod differential;
mod field;
mod nist;
mod point;
