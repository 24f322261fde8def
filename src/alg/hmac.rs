//! HMAC-SHA-2 (RFC 7518 §3.2).

use alloc::vec::Vec;

use hmac::{Hmac, KeyInit, Mac};
use sha2::{Sha256, Sha384, Sha512};

use crate::algorithm::{Algorithm, Hash};

/// Runs `$body` with `$mac` bound to a keyed HMAC over `$msg` for `$alg`'s hash.
macro_rules! with_mac {
    ($alg:expr, $secret:expr, $msg:expr, |$mac:ident| $body:expr) => {
        match $alg.hash() {
            Some(Hash::Sha384) => with_mac!(@ Sha384, $secret, $msg, |$mac| $body),
            Some(Hash::Sha512) => with_mac!(@ Sha512, $secret, $msg, |$mac| $body),
            _ => with_mac!(@ Sha256, $secret, $msg, |$mac| $body),
        }
    };
    (@ $hash:ty, $secret:expr, $msg:expr, |$mac:ident| $body:expr) => {{
        // HMAC takes keys of any length, so `new_from_slice` never fails.
        match <Hmac<$hash> as KeyInit>::new_from_slice($secret) {
            Ok(mut $mac) => {
                $mac.update($msg);
                Some($body)
            }
            Err(_) => None,
        }
    }};
}

pub(super) fn sign(alg: Algorithm, secret: &[u8], msg: &[u8]) -> Vec<u8> {
    with_mac!(alg, secret, msg, |mac| mac.finalize().into_bytes().to_vec()).unwrap_or_default()
}

/// Constant-time comparison of the full tag; a truncated tag never verifies.
pub(super) fn verify(alg: Algorithm, secret: &[u8], msg: &[u8], sig: &[u8]) -> bool {
    with_mac!(alg, secret, msg, |mac| mac.verify_slice(sig).is_ok()).unwrap_or(false)
}
