//! Keys: one [`Key`] type for every family and format, bound to one algorithm
//! family (RFC 8725 §3.1).
//!
//! Import lives in one submodule per format (`pem`, `jwk`, `ssh`), export and
//! thumbprints next to them, generation in `generate`.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use zeroize::Zeroizing;

use crate::algorithm::{Algorithm, Curve, Family};
use crate::error::Error;

/// A key of one family, optionally bound to one algorithm and carrying a `kid`.
pub struct Key {
    pub(crate) material: Material,
    pub(crate) alg: Option<Algorithm>,
    pub(crate) kid: Option<String>,
}

/// The parsed key material. Private keys can also verify.
pub(crate) enum Material {
    #[cfg(feature = "hmac")]
    Secret(Zeroizing<Vec<u8>>),
    #[cfg(feature = "rsa")]
    RsaPrivate(alloc::boxed::Box<rsa::RsaPrivateKey>),
    #[cfg(feature = "rsa")]
    RsaPublic(alloc::boxed::Box<rsa::RsaPublicKey>),
    #[cfg(feature = "ecdsa")]
    EcPrivate(EcPrivate),
    #[cfg(feature = "ecdsa")]
    EcPublic(EcPublic),
    #[cfg(feature = "eddsa")]
    Ed25519Private(alloc::boxed::Box<ed25519_dalek::SigningKey>),
    #[cfg(feature = "eddsa")]
    Ed25519Public(ed25519_dalek::VerifyingKey),
}

/// An ECDSA signing key on one of the supported curves.
#[cfg(feature = "ecdsa")]
pub(crate) enum EcPrivate {
    P256(p256::ecdsa::SigningKey),
    P384(p384::ecdsa::SigningKey),
    P521(p521::ecdsa::SigningKey),
    K256(k256::ecdsa::SigningKey),
}

/// An ECDSA verifying key on one of the supported curves.
#[cfg(feature = "ecdsa")]
pub(crate) enum EcPublic {
    P256(p256::ecdsa::VerifyingKey),
    P384(p384::ecdsa::VerifyingKey),
    P521(p521::ecdsa::VerifyingKey),
    K256(k256::ecdsa::VerifyingKey),
}

impl Key {
    /// An HMAC key from a secret, as bytes or UTF-8 text.
    ///
    /// ```
    /// let key = jwt_wasm::Key::from_secret("a-string-secret-at-least-256-bits-long").unwrap();
    /// assert_eq!(key.family(), jwt_wasm::Family::Hmac);
    /// ```
    #[cfg(feature = "hmac")]
    pub fn from_secret(secret: impl AsRef<[u8]>) -> Result<Self, Error> {
        Ok(Self::new(Material::Secret(Zeroizing::new(secret.as_ref().to_vec()))))
    }

    pub(crate) fn new(material: Material) -> Self {
        Self { material, alg: None, kid: None }
    }

    /// The family this key belongs to.
    ///
    /// ```
    /// # let key = jwt_wasm::Key::from_secret("s").unwrap();
    /// assert_eq!(key.family(), jwt_wasm::Family::Hmac);
    /// ```
    pub fn family(&self) -> Family {
        match &self.material {
            #[cfg(feature = "hmac")]
            Material::Secret(_) => Family::Hmac,
            #[cfg(feature = "rsa")]
            Material::RsaPrivate(_) | Material::RsaPublic(_) => Family::Rsa,
            #[cfg(feature = "ecdsa")]
            Material::EcPrivate(k) => Family::Ec(k.curve()),
            #[cfg(feature = "ecdsa")]
            Material::EcPublic(k) => Family::Ec(k.curve()),
            #[cfg(feature = "eddsa")]
            Material::Ed25519Private(_) | Material::Ed25519Public(_) => Family::Ed25519,
        }
    }
}

impl fmt::Debug for Key {
    /// Never prints key material.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Key")
            .field("family", &self.family())
            .field("alg", &self.alg)
            .field("kid", &self.kid)
            .finish_non_exhaustive()
    }
}

#[cfg(feature = "ecdsa")]
impl EcPrivate {
    pub(crate) fn curve(&self) -> Curve {
        match self {
            Self::P256(_) => Curve::P256,
            Self::P384(_) => Curve::P384,
            Self::P521(_) => Curve::P521,
            Self::K256(_) => Curve::Secp256k1,
        }
    }
}

#[cfg(feature = "ecdsa")]
impl EcPublic {
    pub(crate) fn curve(&self) -> Curve {
        match self {
            Self::P256(_) => Curve::P256,
            Self::P384(_) => Curve::P384,
            Self::P521(_) => Curve::P521,
            Self::K256(_) => Curve::Secp256k1,
        }
    }
}

/// Picks the key that verifies a token: a single [`Key`] always answers with
/// itself; a JWK Set picks by `kid` and algorithm.
///
/// ```
/// use jwt_wasm::{Algorithm, Key, KeyResolver};
/// let key = Key::from_secret("secret").unwrap();
/// assert!(key.resolve(Some("any-kid"), Algorithm::HS256).is_ok());
/// ```
pub trait KeyResolver {
    /// The key for a token whose header carries `kid` and `alg`.
    fn resolve(&self, kid: Option<&str>, alg: Algorithm) -> Result<&Key, Error>;
}

impl KeyResolver for Key {
    fn resolve(&self, _kid: Option<&str>, _alg: Algorithm) -> Result<&Key, Error> {
        Ok(self)
    }
}
