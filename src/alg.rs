//! Signing and verification, dispatched on the algorithm and the key's
//! material. One submodule per family wraps the RustCrypto primitive.
//!
//! A key only ever serves its own family (RFC 8725 §3.1): an RSA key never
//! verifies `HS256`, a P-256 key never verifies `ES384`. Private keys verify
//! with their public half; public keys cannot sign.

use alloc::vec::Vec;

use crate::algorithm::{Algorithm, Family};
use crate::error::{Error, err};
use crate::key::{Key, Material};

#[cfg(feature = "ecdsa")]
mod ecdsa;
#[cfg(feature = "ecdsa")]
pub(crate) use ecdsa::{K256Public, P256Public, P384Public, P521Public};
#[cfg(feature = "eddsa")]
mod eddsa;
#[cfg(feature = "eddsa")]
pub(crate) use eddsa::{Ed25519Private, Ed25519Public};
#[cfg(feature = "hmac")]
mod hmac;
#[cfg(any(feature = "ecdsa", feature = "eddsa"))]
mod lazy;
#[cfg(feature = "hmac")]
pub(crate) use hmac::Secret;
#[cfg(feature = "rsa")]
mod rsa;
#[cfg(feature = "rsa")]
pub(crate) use rsa::{RsaPrivate, RsaPublic};

#[cfg(test)]
mod tests;

impl Algorithm {
    /// Signs `msg` with `key`, returning the JWS signature bytes.
    ///
    /// The output is the JWS form for each family: the full HMAC tag, an RSA
    /// signature as long as the modulus (`PS*` with MGF1 over the same hash and
    /// a random salt as long as the hash), ECDSA as fixed-width `r ‖ s`
    /// (64, 96 or 132 bytes, RFC 6979 deterministic nonces), and a 64-byte
    /// Ed25519 signature.
    ///
    /// Fails with `InvalidKeyError` when the key is not of this algorithm's
    /// family or cannot sign (a public key), and with `InvalidAlgorithmError`
    /// for `none` or an algorithm this build leaves out.
    ///
    /// ```
    /// use jwt_wasm::{Algorithm, Key};
    /// let key = Key::from_secret(b"0123456789abcdef0123456789abcdef").unwrap();
    /// let sig = Algorithm::HS256.sign(b"hello", &key).unwrap();
    /// assert!(Algorithm::HS256.verify(b"hello", &key, &sig).unwrap());
    /// ```
    pub fn sign(self, msg: &[u8], key: &Key) -> Result<Vec<u8>, Error> {
        match (self.family(), &key.material) {
            #[cfg(feature = "hmac")]
            (Family::Hmac, Material::Secret(secret)) => Ok(hmac::sign(self, secret, msg)),
            #[cfg(feature = "rsa")]
            (Family::Rsa, Material::RsaPrivate(private)) => rsa::sign(self, private, msg),
            #[cfg(feature = "ecdsa")]
            (Family::Ec(curve), Material::EcPrivate(private)) if private.curve() == curve => {
                ecdsa::sign(private, msg)
            }
            #[cfg(feature = "eddsa")]
            (Family::Ed25519, Material::Ed25519Private(private)) => Ok(eddsa::sign(private, msg)),
            _ => Err(self.mismatch(key, true)),
        }
    }

    /// Verifies the JWS signature `sig` over `msg` with `key`.
    ///
    /// Returns `Ok(false)` for a signature that does not verify (including one
    /// of the wrong length or encoding), and an error only when the key or
    /// algorithm cannot be used at all, as [`Algorithm::sign`] does.
    ///
    /// What counts as valid: ECDSA signatures must be raw `r ‖ s` of exactly
    /// twice the field size with `1 ≤ r, s < n` (DER is refused), and high-S
    /// values are accepted; `PS*` signatures must use the hash-length salt;
    /// Ed25519 is checked strictly (no small-order keys or `R`); HMAC tags
    /// must be complete. A private key verifies with its public half.
    ///
    /// ```
    /// use jwt_wasm::{Algorithm, Key};
    /// let key = Key::from_secret(b"0123456789abcdef0123456789abcdef").unwrap();
    /// assert!(!Algorithm::HS256.verify(b"hello", &key, &[0; 32]).unwrap());
    /// ```
    pub fn verify(self, msg: &[u8], key: &Key, sig: &[u8]) -> Result<bool, Error> {
        match (self.family(), &key.material) {
            #[cfg(feature = "hmac")]
            (Family::Hmac, Material::Secret(secret)) => Ok(hmac::verify(self, secret, msg, sig)),
            #[cfg(feature = "rsa")]
            (Family::Rsa, Material::RsaPublic(public)) => {
                Ok(rsa::verify(self, public.verifier(), msg, sig))
            }
            #[cfg(feature = "rsa")]
            (Family::Rsa, Material::RsaPrivate(private)) => {
                Ok(rsa::verify(self, private.verifier(), msg, sig))
            }
            #[cfg(feature = "ecdsa")]
            (Family::Ec(curve), Material::EcPublic(public)) if public.curve() == curve => {
                Ok(ecdsa::verify(public, msg, sig))
            }
            #[cfg(feature = "ecdsa")]
            (Family::Ec(curve), Material::EcPrivate(private)) if private.curve() == curve => {
                Ok(ecdsa::verify_with_private(private, msg, sig))
            }
            #[cfg(feature = "eddsa")]
            (Family::Ed25519, Material::Ed25519Public(public)) => {
                Ok(eddsa::verify(public, msg, sig))
            }
            #[cfg(feature = "eddsa")]
            (Family::Ed25519, Material::Ed25519Private(private)) => {
                Ok(eddsa::verify(&private.verifying_key(), msg, sig))
            }
            _ => Err(self.mismatch(key, false)),
        }
    }

    /// The error for a key that this algorithm cannot use: the algorithm is
    /// unsupported, the key belongs to another family, or (when `signing`) the
    /// key of the right family is a public key.
    fn mismatch(self, key: &Key, signing: bool) -> Error {
        if !self.is_supported() {
            return self.unsupported();
        }
        let family = key.family();
        if signing && family == self.family() {
            return err!(
                InvalidKey,
                "The {} key is a public key and cannot sign with {self}",
                family_name(family)
            );
        }
        err!(
            InvalidKey,
            "The {} key is not usable with the {self} algorithm",
            family_name(family)
        )
    }
}

/// A short human name for a key family, for error messages.
fn family_name(family: Family) -> &'static str {
    match family {
        Family::Hmac => "HMAC",
        Family::Rsa => "RSA",
        Family::Ec(curve) => curve.name(),
        Family::Ed25519 => "Ed25519",
        Family::None => "empty",
    }
}
