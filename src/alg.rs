//! Signing and verification, dispatched on the algorithm and the key's
//! material. One submodule per family wraps the RustCrypto primitive.

use alloc::vec::Vec;

use crate::algorithm::Algorithm;
use crate::error::{Error, err};
use crate::key::{Key, Material};

#[cfg(feature = "hmac")]
mod hmac;

impl Algorithm {
    /// Signs `msg` with `key`, returning the JWS signature bytes.
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
            (crate::Family::Hmac, Material::Secret(secret)) => Ok(hmac::sign(self, secret, msg)),
            _ => Err(self.mismatch(key)),
        }
    }

    /// Verifies the JWS signature `sig` over `msg` with `key`.
    ///
    /// Returns `Ok(false)` for a signature that does not verify (including one
    /// of the wrong length or encoding), and an error only when the key or
    /// algorithm cannot be used at all, as [`Algorithm::sign`] does.
    ///
    /// ```
    /// use jwt_wasm::{Algorithm, Key};
    /// let key = Key::from_secret(b"0123456789abcdef0123456789abcdef").unwrap();
    /// assert!(!Algorithm::HS256.verify(b"hello", &key, &[0; 32]).unwrap());
    /// ```
    pub fn verify(self, msg: &[u8], key: &Key, sig: &[u8]) -> Result<bool, Error> {
        match (self.family(), &key.material) {
            #[cfg(feature = "hmac")]
            (crate::Family::Hmac, Material::Secret(secret)) => {
                Ok(hmac::verify(self, secret, msg, sig))
            }
            _ => Err(self.mismatch(key)),
        }
    }

    /// The error for a key that this algorithm cannot use.
    fn mismatch(self, key: &Key) -> Error {
        if !self.is_supported() {
            return err!(InvalidAlgorithm, "Algorithm not supported");
        }
        let _ = key;
        err!(InvalidKey, "The key is not usable with the {self} algorithm")
    }
}
