//! Keys: one [`Key`] type for every family and format, bound to one algorithm
//! family (RFC 8725 §3.1).
//!
//! Import lives in one submodule per format (`secret`, `pem` with `armor`,
//! `ssh`, `jwk` with `rsa_jwk`/`ec_jwk`); export in `export` and `pem`,
//! RFC 7638 thumbprints in `thumbprint`, generation in `generate`, algorithm
//! binding in `binding`, minimum lengths in `strength`, and the RSA checks
//! every import shares (exponent, ROCA) in `pem` and `roca`.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

#[cfg(feature = "ecdsa")]
use crate::algorithm::Curve;
use crate::algorithm::{Algorithm, Family};
use crate::error::Error;
#[cfg(feature = "hmac")]
use crate::error::err;

mod armor;
mod b64;
mod binding;
#[cfg(feature = "ecdsa")]
mod ec_jwk;
mod export;
mod generate;
mod jwk;
mod pem;
#[cfg(feature = "rsa")]
mod roca;
#[cfg(feature = "rsa")]
mod rsa_jwk;
#[cfg(feature = "hmac")]
mod secret;
mod ssh;
mod strength;
mod thumbprint;

/// A key of one family, optionally bound to one algorithm and carrying a `kid`.
///
/// Build one from a secret ([`Key::from_secret`]), PEM or DER
/// ([`Key::from_pem`], [`Key::from_der`]), an OpenSSH public key
/// ([`Key::from_ssh`]), a JWK ([`Key::from_jwk`]) or generate one
/// ([`Key::generate`]).
///
/// ```
/// use jwt_wasm::{Algorithm, Key};
/// let key = Key::from_secret("a-string-secret-at-least-256-bits-long")?
///     .with_alg(Algorithm::HS256)?
///     .with_kid("k1");
/// assert_eq!(key.kid(), Some("k1"));
/// # Ok::<(), jwt_wasm::Error>(())
/// ```
#[derive(Clone)]
pub struct Key {
    pub(crate) material: Material,
    pub(crate) alg: Option<Algorithm>,
    pub(crate) kid: Option<String>,
    /// The JWK `use` member (RFC 7517 §4.2), kept for JWK Set filtering.
    pub(crate) key_use: Option<String>,
    /// The JWK `key_ops` member (RFC 7517 §4.3), kept for JWK Set filtering.
    pub(crate) key_ops: Option<Vec<String>>,
}

/// The parsed key material. Private keys can also verify.
#[derive(Clone)]
pub(crate) enum Material {
    #[cfg(feature = "hmac")]
    Secret(crate::alg::Secret),
    #[cfg(feature = "rsa")]
    RsaPrivate(alloc::boxed::Box<crate::alg::RsaPrivate>),
    #[cfg(feature = "rsa")]
    RsaPublic(alloc::boxed::Box<crate::alg::RsaPublic>),
    #[cfg(feature = "ecdsa")]
    EcPrivate(EcPrivate),
    #[cfg(feature = "ecdsa")]
    EcPublic(EcPublic),
    #[cfg(feature = "eddsa")]
    Ed25519Private(alloc::boxed::Box<crate::alg::Ed25519Private>),
    #[cfg(feature = "eddsa")]
    Ed25519Public(alloc::boxed::Box<crate::alg::Ed25519Public>),
}

/// An ECDSA signing key on one of the supported curves.
#[cfg(feature = "ecdsa")]
#[derive(Clone)]
pub(crate) enum EcPrivate {
    P256(p256::ecdsa::SigningKey),
    P384(p384::ecdsa::SigningKey),
    P521(p521::ecdsa::SigningKey),
    K256(k256::ecdsa::SigningKey),
}

/// An ECDSA verifying key on one of the supported curves.
#[cfg(feature = "ecdsa")]
#[derive(Clone)]
pub(crate) enum EcPublic {
    /// Each curve's key as the fast verification path keeps it (built with
    /// `P256Public::from(verifying_key)` and so on), with the tables it
    /// builds on its second verification; each dereferences to the
    /// RustCrypto key.
    P256(crate::alg::P256Public),
    P384(crate::alg::P384Public),
    P521(crate::alg::P521Public),
    K256(crate::alg::K256Public),
}

impl Key {
    pub(crate) fn new(material: Material) -> Self {
        Self {
            material,
            alg: None,
            kid: None,
            key_use: None,
            key_ops: None,
        }
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

impl Key {
    /// The key id (`kid`), if any.
    ///
    /// ```
    /// # use jwt_wasm::Key;
    /// assert_eq!(Key::from_secret("secret")?.with_kid("a").kid(), Some("a"));
    /// # Ok::<(), jwt_wasm::Error>(())
    /// ```
    pub fn kid(&self) -> Option<&str> {
        self.kid.as_deref()
    }

    /// The JWK `use` member this key was imported with, if any.
    ///
    /// ```
    /// # use jwt_wasm::Key;
    /// let key = Key::from_jwk_str(r#"{"kty":"oct","k":"c2VjcmV0","use":"sig"}"#)?;
    /// assert_eq!(key.key_use(), Some("sig"));
    /// # Ok::<(), jwt_wasm::Error>(())
    /// ```
    pub fn key_use(&self) -> Option<&str> {
        self.key_use.as_deref()
    }

    /// The JWK `key_ops` member this key was imported with, if any.
    ///
    /// ```
    /// # use jwt_wasm::Key;
    /// let key = Key::from_jwk_str(r#"{"kty":"oct","k":"c2VjcmV0","key_ops":["verify"]}"#)?;
    /// assert_eq!(key.key_ops(), Some(&["verify".to_string()][..]));
    /// # Ok::<(), jwt_wasm::Error>(())
    /// ```
    pub fn key_ops(&self) -> Option<&[String]> {
        self.key_ops.as_deref()
    }

    /// Sets the key id.
    ///
    /// ```
    /// # use jwt_wasm::Key;
    /// let key = Key::from_secret("secret")?.with_kid("2024-01");
    /// assert_eq!(key.kid(), Some("2024-01"));
    /// # Ok::<(), jwt_wasm::Error>(())
    /// ```
    pub fn with_kid(mut self, kid: impl Into<String>) -> Self {
        self.kid = Some(kid.into());
        self
    }

    /// Whether the key holds private (or secret) material, so it can sign.
    ///
    /// ```
    /// # use jwt_wasm::{Algorithm, Key};
    /// let key = Key::generate(Algorithm::ES256)?;
    /// assert!(key.is_private());
    /// assert!(!key.public_key()?.is_private());
    /// # Ok::<(), jwt_wasm::Error>(())
    /// ```
    pub fn is_private(&self) -> bool {
        match &self.material {
            #[cfg(feature = "hmac")]
            Material::Secret(_) => true,
            #[cfg(feature = "rsa")]
            Material::RsaPrivate(_) => true,
            #[cfg(feature = "rsa")]
            Material::RsaPublic(_) => false,
            #[cfg(feature = "ecdsa")]
            Material::EcPrivate(_) => true,
            #[cfg(feature = "ecdsa")]
            Material::EcPublic(_) => false,
            #[cfg(feature = "eddsa")]
            Material::Ed25519Private(_) => true,
            #[cfg(feature = "eddsa")]
            Material::Ed25519Public(_) => false,
        }
    }

    /// The public half of an asymmetric key, keeping `alg`, `kid`, `use` and
    /// `key_ops`. An HMAC secret has none: `InvalidKeyError`.
    ///
    /// ```
    /// # use jwt_wasm::{Algorithm, Key};
    /// let public = Key::generate(Algorithm::EdDSA)?.with_kid("ed").public_key()?;
    /// assert_eq!((public.kid(), public.alg()), (Some("ed"), Some(Algorithm::EdDSA)));
    /// assert!(Key::from_secret("s")?.public_key().is_err());
    /// # Ok::<(), jwt_wasm::Error>(())
    /// ```
    pub fn public_key(&self) -> Result<Self, Error> {
        let material = match &self.material {
            #[cfg(feature = "hmac")]
            Material::Secret(_) => {
                return Err(err!(InvalidKey, "An HMAC secret has no public key"));
            }
            #[cfg(feature = "rsa")]
            Material::RsaPrivate(k) => Material::RsaPublic(alloc::boxed::Box::new(k.public())),
            #[cfg(feature = "ecdsa")]
            Material::EcPrivate(k) => Material::EcPublic(k.public()),
            #[cfg(feature = "eddsa")]
            Material::Ed25519Private(k) => {
                Material::Ed25519Public(alloc::boxed::Box::new(k.verifying_key()))
            }
            #[allow(unreachable_patterns)]
            other => other.clone(),
        };
        Ok(self.with_material(material))
    }

    /// A key with `material` and this key's `alg`, `kid`, `use` and `key_ops`.
    pub(crate) fn with_material(&self, material: Material) -> Self {
        Self {
            material,
            alg: self.alg,
            kid: self.kid.clone(),
            key_use: self.key_use.clone(),
            key_ops: self.key_ops.clone(),
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
impl EcPrivate {
    /// The verifying half.
    pub(crate) fn public(&self) -> EcPublic {
        match self {
            Self::P256(k) => EcPublic::P256((*k.verifying_key()).into()),
            Self::P384(k) => EcPublic::P384((*k.verifying_key()).into()),
            Self::P521(k) => EcPublic::P521((*k.verifying_key()).into()),
            Self::K256(k) => EcPublic::K256((*k.verifying_key()).into()),
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
