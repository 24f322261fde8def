//! EdDSA with Ed25519 (RFC 8037 §3.1, RFC 8032 §5.1).
//!
//! Signing is ed25519-dalek's (constant time). Verification runs our own
//! variable-time path (`fast`) over per-key tables (`public`); it accepts
//! exactly what ed25519-dalek's `verify_strict` accepts, which `tests`
//! checks on many random and edge-case inputs.

use alloc::vec::Vec;

use ed25519_dalek::Signer;

mod fast;
mod public;
#[cfg(test)]
mod tests;

pub(crate) use public::{Ed25519Private, Ed25519Public};

/// The 64-byte Ed25519 signature of `msg` (deterministic by construction).
pub(super) fn sign(key: &Ed25519Private, msg: &[u8]) -> Vec<u8> {
    key.sign(msg).to_bytes().to_vec()
}

/// Verifies `sig` over `msg`; anything but a 64-byte valid signature is `false`.
///
/// Same accept set as ed25519-dalek's `verify_strict`: on top of RFC 8032
/// §5.1.7's checks (canonical `S < L`, decodable `R`), it refuses a
/// small-order `R` or public key. With a small-order key an attacker can
/// build one signature that verifies under the lenient equation for every
/// message (tested in `small_order_key_with_identity_r_verifies_nothing`).
/// Honest signers never produce such values, and on Wycheproof's
/// `ed25519_test.json` the strict and lenient checks both match all 151
/// labels, so strictness costs no interoperability.
pub(super) fn verify(key: &Ed25519Public, msg: &[u8], sig: &[u8]) -> bool {
    fast::verify(key, msg, sig)
}
