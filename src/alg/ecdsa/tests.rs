//! Tests for the P-256 verification path, checked against RustCrypto.

mod differential;
mod field;
mod point;
