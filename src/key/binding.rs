//! Binding a key to one algorithm (RFC 8725 §3.1: a key is used with one
//! algorithm only) and PyJWK's algorithm inference.

use alloc::string::String;

use super::Key;
use crate::algorithm::{Algorithm, Family};
use crate::error::{Error, err};

impl Key {
    /// The algorithm this key is bound to, if any (from a JWK `alg`, an
    /// explicit [`Key::with_alg`], or generation).
    ///
    /// ```
    /// # use jwt_wasm::{Algorithm, Key};
    /// let key = Key::from_secret("secret")?;
    /// assert_eq!(key.alg(), None);
    /// assert_eq!(key.with_alg(Algorithm::HS384)?.alg(), Some(Algorithm::HS384));
    /// # Ok::<(), jwt_wasm::Error>(())
    /// ```
    pub fn alg(&self) -> Option<Algorithm> {
        self.alg
    }

    /// The bound algorithm, else the one inferred from the key as PyJWK does:
    /// HMAC → HS256, RSA → RS256, EC by curve, Ed25519 → EdDSA.
    ///
    /// ```
    /// # use jwt_wasm::{Algorithm, Key};
    /// assert_eq!(Key::from_secret("secret")?.default_alg(), Algorithm::HS256);
    /// # Ok::<(), jwt_wasm::Error>(())
    /// ```
    pub fn default_alg(&self) -> Algorithm {
        if let Some(alg) = self.alg {
            return alg;
        }
        match self.family() {
            Family::Hmac => Algorithm::HS256,
            Family::Rsa => Algorithm::RS256,
            Family::Ec(curve) => curve.algorithm(),
            Family::Ed25519 => Algorithm::EdDSA,
            Family::None => Algorithm::None,
        }
    }

    /// Binds the key to one algorithm of its family (RFC 8725 §3.1). A key of
    /// another family, or `none`, is an `InvalidKeyError`.
    ///
    /// ```
    /// # use jwt_wasm::{Algorithm, ErrorKind, Key};
    /// let key = Key::from_secret("secret")?;
    /// assert!(key.clone().with_alg(Algorithm::HS512).is_ok());
    /// assert_eq!(key.with_alg(Algorithm::RS256).unwrap_err().kind(), ErrorKind::InvalidKey);
    /// # Ok::<(), jwt_wasm::Error>(())
    /// ```
    pub fn with_alg(mut self, alg: Algorithm) -> Result<Self, Error> {
        self.check_family(alg)?;
        self.alg = Some(alg);
        Ok(self)
    }

    /// Whether this key can be used with `alg`: `InvalidAlgorithmError` when it
    /// is bound to another algorithm, `InvalidKeyError` when `alg` belongs to
    /// another family.
    #[allow(dead_code)] // called by the jwt layer
    pub(crate) fn check_alg(&self, alg: Algorithm) -> Result<(), Error> {
        if let Some(bound) = self.alg {
            if bound != alg {
                return Err(err!(
                    InvalidAlgorithm,
                    "The specified alg value is not allowed"
                ));
            }
        }
        self.check_family(alg)
    }

    /// `InvalidKeyError` unless `alg` belongs to this key's family.
    pub(crate) fn check_family(&self, alg: Algorithm) -> Result<(), Error> {
        let family = self.family();
        if alg.family() == family && family != Family::None {
            return Ok(());
        }
        // An algorithm this build leaves out is the algorithm's fault, not the key's.
        alg.check_in_build()?;
        let what = match family {
            Family::Hmac => String::from("An HMAC secret"),
            Family::Rsa => String::from("An RSA key"),
            Family::Ec(curve) => alloc::format!("An EC key on {}", curve.name()),
            Family::Ed25519 => String::from("An Ed25519 key"),
            Family::None => String::from("This key"),
        };
        Err(err!(
            InvalidKey,
            "{} cannot be used with the {} algorithm",
            what,
            alg
        ))
    }
}

// The test builds an HMAC key.
#[cfg(all(test, feature = "hmac"))]
#[allow(clippy::unwrap_used)] // tests may unwrap
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    #[test]
    fn check_alg_separates_bound_algorithm_from_family() {
        let free = Key::from_secret_unchecked(b"secret");
        assert!(free.check_alg(Algorithm::HS384).is_ok());
        // A family left out of the build (`jwt-wasm/hmac`) is the algorithm's fault.
        let other_family = if Algorithm::RS256.is_supported() {
            ErrorKind::InvalidKey
        } else {
            ErrorKind::InvalidAlgorithm
        };
        assert_eq!(
            free.check_alg(Algorithm::RS256).unwrap_err().kind(),
            other_family
        );
        assert_eq!(
            free.check_alg(Algorithm::None).unwrap_err().kind(),
            ErrorKind::InvalidKey
        );
        let bound = free.with_alg(Algorithm::HS256).unwrap();
        assert!(bound.check_alg(Algorithm::HS256).is_ok());
        let err = bound.check_alg(Algorithm::HS512).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidAlgorithm);
        assert_eq!(err.message(), "The specified alg value is not allowed");
    }
}
