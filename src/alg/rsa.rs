//! RSASSA-PKCS1-v1_5 (`RS*`, RFC 7518 §3.3) and RSASSA-PSS (`PS*`, RFC 7518
//! §3.5) over the RustCrypto `rsa` crate.
//!
//! Signing goes through `rsa`'s `SignatureScheme` trait (constant time).
//! Verification, which only handles public data, takes a variable-time fast
//! path: `montgomery` (the arithmetic mod n), `public` (RSAVP1 with the
//! per-key context that `keys` stores in each [`Key`](crate::Key)) and `emsa`
//! (the encoded-message checks). The `tests` module checks it against
//! `rsa`'s own verification on random keys and signatures.

use alloc::vec::Vec;

use rsa::traits::{PublicKeyParts, SignatureScheme};
use rsa::{Pkcs1v15Sign, Pss, RsaPrivateKey};
use sha2::{Digest, Sha256, Sha384, Sha512};

use crate::algorithm::{Algorithm, Hash};
use crate::error::{Error, err};

mod emsa;
mod keys;
mod montgomery;
mod public;
#[cfg(test)]
mod tests;

pub(crate) use keys::{RsaPrivate, RsaPublic, Verifier};

/// Runs `$body` with `$d` naming the SHA-2 type of `$alg`.
macro_rules! with_digest {
    ($alg:expr, |$d:ident| $body:expr) => {
        match $alg.hash() {
            Some(Hash::Sha384) => {
                type $d = Sha384;
                $body
            }
            Some(Hash::Sha512) => {
                type $d = Sha512;
                $body
            }
            _ => {
                type $d = Sha256;
                $body
            }
        }
    };
}

/// Whether `alg` is one of the PSS algorithms (the rest of the family is
/// PKCS#1 v1.5).
fn is_pss(alg: Algorithm) -> bool {
    matches!(alg, Algorithm::PS256 | Algorithm::PS384 | Algorithm::PS512)
}

/// Signs `msg` with `alg`.
///
/// PSS uses MGF1 with the message hash and a salt as long as the hash, as RFC
/// 7518 §3.5 requires; the salt comes from the operating system through
/// [`SysRng`]. The same RNG blinds the private-key operation for both schemes
/// (a timing side-channel defence; PKCS#1 v1.5 output stays deterministic).
pub(super) fn sign(alg: Algorithm, key: &RsaPrivateKey, msg: &[u8]) -> Result<Vec<u8>, Error> {
    if is_pss(alg) {
        // RFC 8017 §9.1.1 step 3: emLen ≥ hLen + sLen + 2, with sLen = hLen.
        let h_len = alg.hash().map_or(0, |h| h.len());
        let em_len = (key.n().bits() as usize).saturating_sub(1).div_ceil(8);
        if em_len < 2 * h_len + 2 {
            return Err(err!(
                InvalidKey,
                "The {}-bit RSA key is too small for {}",
                key.n().bits(),
                alg
            ));
        }
    }
    let signed = with_digest!(alg, |D| {
        let hashed = D::digest(msg);
        if is_pss(alg) {
            Pss::<D>::new().sign(Some(&mut SysRng), key, &hashed)
        } else {
            Pkcs1v15Sign::new::<D>().sign(Some(&mut SysRng), key, &hashed)
        }
    });
    // What is left to fail is the RNG (or a key `rsa` finds inconsistent).
    signed.map_err(|e| err!(InvalidKey, "Unable to sign with {}: {}", alg, e))
}

/// Verifies `sig` over `msg`. Any malformed signature (wrong length, value ≥ n,
/// bad padding) is simply `false`.
///
/// PSS verification pins the salt length to the hash length, so a signature
/// with any other salt length is rejected: RFC 7518 §3.5 fixes the salt
/// length for `PS*`, and accepting others (auto-detection) would make `PS256`
/// accept signatures made for a different parameter set.
pub(super) fn verify(alg: Algorithm, key: Verifier<'_>, msg: &[u8], sig: &[u8]) -> bool {
    // Every key `rsa` accepts has a context; see `Context::new`.
    let Some(context) = key.0 else {
        return false;
    };
    let Some(em) = context.rsavp1(sig) else {
        return false;
    };
    let Some(hash) = alg.hash() else {
        return false;
    };
    let digest = emsa::digest(hash, &[msg]);
    let Some(hashed) = digest.get(..hash.len()) else {
        return false;
    };
    if is_pss(alg) {
        emsa::pss(em, context.bits(), hashed, hash)
    } else {
        emsa::pkcs1v15(&em, digest_info_prefix(hash), hashed)
    }
}

/// The DER `DigestInfo` header that PKCS#1 v1.5 puts before `alg`'s hash.
fn digest_info_prefix(hash: Hash) -> &'static [u8] {
    match hash {
        Hash::Sha256 => emsa::SHA256_PREFIX,
        Hash::Sha384 => emsa::SHA384_PREFIX,
        Hash::Sha512 => emsa::SHA512_PREFIX,
    }
}

/// Verification through `rsa` (`Pss::new` passes `Some(hLen)`, so `rsa`
/// checks the `0x01` separator position exactly): the reference the fast
/// path is tested against.
#[cfg(test)]
fn verify_rustcrypto(alg: Algorithm, key: &rsa::RsaPublicKey, msg: &[u8], sig: &[u8]) -> bool {
    with_digest!(alg, |D| {
        let hashed = D::digest(msg);
        if is_pss(alg) {
            Pss::<D>::new().verify(key, &hashed, sig).is_ok()
        } else {
            Pkcs1v15Sign::new::<D>().verify(key, &hashed, sig).is_ok()
        }
    })
}

/// The operating system's RNG (`getrandom`) as a `rand_core` 0.10 fallible
/// cryptographic RNG, which is what `rsa`'s `SignatureScheme::sign` takes.
/// Failures surface as errors, never panics.
pub(super) struct SysRng;

impl rand_core::TryRng for SysRng {
    type Error = getrandom::Error;

    fn try_next_u32(&mut self) -> Result<u32, Self::Error> {
        let mut buf = [0; 4];
        getrandom::fill(&mut buf)?;
        Ok(u32::from_le_bytes(buf))
    }

    fn try_next_u64(&mut self) -> Result<u64, Self::Error> {
        let mut buf = [0; 8];
        getrandom::fill(&mut buf)?;
        Ok(u64::from_le_bytes(buf))
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Self::Error> {
        getrandom::fill(dst)
    }
}

impl rand_core::TryCryptoRng for SysRng {}
