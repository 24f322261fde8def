//! HMAC-SHA-2 (RFC 7518 §3.2).

use alloc::vec::Vec;
use core::ops::Deref;

use hmac::{Hmac, KeyInit, Mac};
use sha2::{Sha256, Sha384, Sha512};
use zeroize::Zeroizing;

use crate::algorithm::{Algorithm, Hash};

/// An HMAC secret with its HS256 key schedule done once.
///
/// HMAC hashes the padded key into an inner and an outer state before it
/// reads the message (RFC 2104 §2); keeping those two states makes every
/// later HS256 sign or verify two compression calls cheaper. HS384 and HS512
/// key their state per call. The states derive from the secret and are wiped
/// on drop, like the bytes (sha2's `zeroize` feature).
#[derive(Clone)]
pub(crate) struct Secret {
    bytes: Zeroizing<Vec<u8>>,
    sha256: Hmac<Sha256>,
}

impl Secret {
    /// Keeps `bytes` and precomputes the HS256 states.
    pub(crate) fn new(bytes: Vec<u8>) -> Self {
        let bytes = Zeroizing::new(bytes);
        // HMAC takes keys of any length (long ones are hashed first, RFC
        // 2104 §2), so `new_from_slice` cannot fail; the empty key is the
        // fallback for the impossible case.
        let sha256 = <Hmac<Sha256> as KeyInit>::new_from_slice(&bytes)
            .unwrap_or_else(|_| <Hmac<Sha256> as KeyInit>::new(&Default::default()));
        Self { bytes, sha256 }
    }
}

impl Deref for Secret {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        &self.bytes
    }
}

/// Runs `$body` with `$mac` bound to a keyed HMAC over `$msg` for `$alg`'s hash.
macro_rules! with_mac {
    ($alg:expr, $secret:expr, $msg:expr, |$mac:ident| $body:expr) => {
        match $alg.hash() {
            Some(Hash::Sha384) => with_mac!(@ Sha384, $secret, $msg, |$mac| $body),
            Some(Hash::Sha512) => with_mac!(@ Sha512, $secret, $msg, |$mac| $body),
            _ => {
                let mut $mac = $secret.sha256.clone();
                $mac.update($msg);
                Some($body)
            }
        }
    };
    (@ $hash:ty, $secret:expr, $msg:expr, |$mac:ident| $body:expr) => {{
        match <Hmac<$hash> as KeyInit>::new_from_slice(&$secret.bytes) {
            Ok(mut $mac) => {
                $mac.update($msg);
                Some($body)
            }
            Err(_) => None,
        }
    }};
}

pub(super) fn sign(alg: Algorithm, secret: &Secret, msg: &[u8]) -> Vec<u8> {
    with_mac!(alg, secret, msg, |mac| mac.finalize().into_bytes().to_vec()).unwrap_or_default()
}

/// Constant-time comparison of the full tag; a truncated tag never verifies.
pub(super) fn verify(alg: Algorithm, secret: &Secret, msg: &[u8], sig: &[u8]) -> bool {
    with_mac!(alg, secret, msg, |mac| mac.verify_slice(sig).is_ok()).unwrap_or(false)
}
