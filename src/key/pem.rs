//! PEM and DER import and export: PKCS#8, SPKI, PKCS#1, SEC1 and X.509
//! certificates. The PEM label (RFC 7468) picks the format; DER input tries
//! each format in turn.

use alloc::string::String;
use alloc::vec::Vec;

use super::{Key, Material};
use crate::error::{Error, err};

#[cfg(feature = "rsa")]
use pkcs1::{DecodeRsaPrivateKey, DecodeRsaPublicKey};
#[cfg(any(feature = "rsa", feature = "ecdsa", feature = "eddsa"))]
use pkcs8::{DecodePrivateKey, EncodePrivateKey};
#[cfg(any(feature = "rsa", feature = "ecdsa", feature = "eddsa"))]
use spki::{DecodePublicKey, EncodePublicKey};

impl Key {
    /// A key from a PEM document: `PRIVATE KEY` (PKCS#8: RSA, EC on P-256,
    /// P-384, P-521 and secp256k1, Ed25519), `PUBLIC KEY` (SPKI), `RSA PRIVATE
    /// KEY` / `RSA PUBLIC KEY` (PKCS#1), `EC PRIVATE KEY` (SEC1) or
    /// `CERTIFICATE` (X.509, whose public key is taken). An OpenSSH public key
    /// line is accepted too (see [`Key::from_ssh`]).
    ///
    /// ```
    /// use jwt_wasm::{Algorithm, Key};
    /// let pem = Key::generate(Algorithm::ES384)?.public_key()?.to_pem()?;
    /// assert!(pem.starts_with("-----BEGIN PUBLIC KEY-----"));
    /// assert_eq!(Key::from_pem(&pem)?.default_alg(), Algorithm::ES384);
    /// # Ok::<(), jwt_wasm::Error>(())
    /// ```
    pub fn from_pem(pem: &str) -> Result<Self, Error> {
        let text = pem.trim();
        if super::ssh::is_ssh_line(text) {
            return Self::from_ssh(text);
        }
        let (label, der) = super::armor::decode(text)?;
        let material = match label {
            "PRIVATE KEY" => pkcs8_private(&der),
            "PUBLIC KEY" => spki_public(&der),
            "RSA PRIVATE KEY" => pkcs1_private(&der),
            "RSA PUBLIC KEY" => pkcs1_public(&der),
            "EC PRIVATE KEY" => sec1_private(&der),
            "CERTIFICATE" => certificate(&der),
            "ENCRYPTED PRIVATE KEY" => {
                return Err(err!(InvalidKey, "Encrypted private keys are not supported"));
            }
            other => return Err(err!(InvalidKey, "Unsupported PEM type: {}", other)),
        };
        let material = material.ok_or_else(|| {
            err!(
                InvalidKey,
                "Could not parse the {} in the PEM document",
                label
            )
        })?;
        checked(material)
    }

    /// A key from DER bytes in any format [`Key::from_pem`] reads.
    ///
    /// ```
    /// use jwt_wasm::{Algorithm, Key};
    /// let key = Key::generate(Algorithm::EdDSA)?;
    /// let der = key.to_der()?;
    /// assert_eq!(Key::from_der(&der)?.thumbprint()?, key.thumbprint()?);
    /// # Ok::<(), jwt_wasm::Error>(())
    /// ```
    pub fn from_der(der: &[u8]) -> Result<Self, Error> {
        pkcs8_private(der)
            .or_else(|| spki_public(der))
            .or_else(|| pkcs1_private(der))
            .or_else(|| pkcs1_public(der))
            .or_else(|| sec1_private(der))
            .or_else(|| certificate(der))
            .ok_or_else(|| err!(InvalidKey, "Could not parse the DER-encoded key"))
            .and_then(checked)
    }

    /// The key as PEM: PKCS#8 `PRIVATE KEY` for a private key, SPKI `PUBLIC
    /// KEY` for a public one. An HMAC secret has no PEM form (`InvalidKeyError`).
    ///
    /// ```
    /// use jwt_wasm::{Algorithm, Key};
    /// let key = Key::generate(Algorithm::ES256)?;
    /// assert!(key.to_pem()?.starts_with("-----BEGIN PRIVATE KEY-----\n"));
    /// # Ok::<(), jwt_wasm::Error>(())
    /// ```
    pub fn to_pem(&self) -> Result<String, Error> {
        let label = if self.is_private() {
            "PRIVATE KEY"
        } else {
            "PUBLIC KEY"
        };
        let der = zeroize::Zeroizing::new(self.to_der()?);
        pem_rfc7468::encode_string(label, pem_rfc7468::LineEnding::LF, &der)
            .map_err(|_| err!(InvalidKey, "Could not encode the key as PEM"))
    }

    /// The key as DER: PKCS#8 for a private key, SPKI for a public one.
    ///
    /// ```
    /// use jwt_wasm::{Algorithm, Key};
    /// let der = Key::generate(Algorithm::ES256K)?.public_key()?.to_der()?;
    /// assert_eq!(der[0], 0x30); // a DER SEQUENCE
    /// # Ok::<(), jwt_wasm::Error>(())
    /// ```
    pub fn to_der(&self) -> Result<Vec<u8>, Error> {
        fn failed<E>(_: E) -> Error {
            err!(InvalidKey, "Could not encode the key as DER")
        }
        match &self.material {
            #[cfg(feature = "hmac")]
            Material::Secret(_) => Err(err!(InvalidKey, "An HMAC secret has no PEM or DER form")),
            #[cfg(feature = "rsa")]
            Material::RsaPrivate(k) => Ok(k.to_pkcs8_der().map_err(failed)?.as_bytes().to_vec()),
            #[cfg(feature = "rsa")]
            Material::RsaPublic(k) => Ok(k.to_public_key_der().map_err(failed)?.into_vec()),
            #[cfg(feature = "ecdsa")]
            Material::EcPrivate(k) => {
                use super::EcPrivate as E;
                let doc = match k {
                    E::P256(k) => k.to_pkcs8_der(),
                    E::P384(k) => k.to_pkcs8_der(),
                    E::P521(k) => k.to_pkcs8_der(),
                    E::K256(k) => k.to_pkcs8_der(),
                };
                Ok(doc.map_err(failed)?.as_bytes().to_vec())
            }
            #[cfg(feature = "ecdsa")]
            Material::EcPublic(k) => {
                use super::EcPublic as E;
                let doc = match k {
                    E::P256(k) => k.to_public_key_der(),
                    E::P384(k) => k.to_public_key_der(),
                    E::P521(k) => k.to_public_key_der(),
                    E::K256(k) => k.to_public_key_der(),
                };
                Ok(doc.map_err(failed)?.into_vec())
            }
            #[cfg(feature = "eddsa")]
            Material::Ed25519Private(k) => {
                Ok(k.to_pkcs8_der().map_err(failed)?.as_bytes().to_vec())
            }
            #[cfg(feature = "eddsa")]
            Material::Ed25519Public(k) => Ok(k.to_public_key_der().map_err(failed)?.into_vec()),
        }
    }
}

/// PKCS#8 `PrivateKeyInfo` (RFC 5208 / RFC 5958) of any supported family.
/// Whether `der` parses as a key in one of the DER formats [`Key::from_der`]
/// reads (before any strength check). The algorithm-confusion guard refuses
/// such bytes as an HMAC secret: a verifier configured with a DER public key
/// that also allows HS256 would otherwise accept tokens MACed with the
/// public key's bytes (the CVE-2015-9235 attack, with DER instead of PEM).
pub(super) fn is_der_key(der: &[u8]) -> bool {
    // Every format starts with a SEQUENCE; anything else fails fast.
    der.first() == Some(&0x30)
        && (pkcs8_private(der).is_some()
            || spki_public(der).is_some()
            || pkcs1_private(der).is_some()
            || pkcs1_public(der).is_some()
            || sec1_private(der).is_some()
            || certificate(der).is_some())
}

fn pkcs8_private(der: &[u8]) -> Option<Material> {
    #[cfg(feature = "rsa")]
    if let Ok(k) = rsa::RsaPrivateKey::from_pkcs8_der(der) {
        return Some(Material::RsaPrivate(alloc::boxed::Box::new(k.into())));
    }
    #[cfg(feature = "ecdsa")]
    {
        use super::EcPrivate as E;
        if let Ok(k) = p256::ecdsa::SigningKey::from_pkcs8_der(der) {
            return Some(Material::EcPrivate(E::P256(k)));
        }
        if let Ok(k) = p384::ecdsa::SigningKey::from_pkcs8_der(der) {
            return Some(Material::EcPrivate(E::P384(k)));
        }
        if let Ok(k) = p521::ecdsa::SigningKey::from_pkcs8_der(der) {
            return Some(Material::EcPrivate(E::P521(k)));
        }
        if let Ok(k) = k256::ecdsa::SigningKey::from_pkcs8_der(der) {
            return Some(Material::EcPrivate(E::K256(k)));
        }
    }
    #[cfg(feature = "eddsa")]
    if let Ok(k) = ed25519_dalek::SigningKey::from_pkcs8_der(der) {
        return Some(Material::Ed25519Private(alloc::boxed::Box::new(k.into())));
    }
    let _ = der;
    None
}

/// SPKI `SubjectPublicKeyInfo` (RFC 5280 §4.1.2.7) of any supported family.
fn spki_public(der: &[u8]) -> Option<Material> {
    #[cfg(feature = "rsa")]
    if let Ok(k) = rsa::RsaPublicKey::from_public_key_der(der) {
        return Some(Material::RsaPublic(alloc::boxed::Box::new(k.into())));
    }
    #[cfg(feature = "ecdsa")]
    {
        use super::EcPublic as E;
        if let Ok(k) = p256::ecdsa::VerifyingKey::from_public_key_der(der) {
            return Some(Material::EcPublic(E::P256(k.into())));
        }
        if let Ok(k) = p384::ecdsa::VerifyingKey::from_public_key_der(der) {
            return Some(Material::EcPublic(E::P384(k.into())));
        }
        if let Ok(k) = p521::ecdsa::VerifyingKey::from_public_key_der(der) {
            return Some(Material::EcPublic(E::P521(k.into())));
        }
        if let Ok(k) = k256::ecdsa::VerifyingKey::from_public_key_der(der) {
            return Some(Material::EcPublic(E::K256(k.into())));
        }
    }
    #[cfg(feature = "eddsa")]
    if let Ok(k) = ed25519_dalek::VerifyingKey::from_public_key_der(der) {
        return Some(Material::Ed25519Public(alloc::boxed::Box::new(k.into())));
    }
    let _ = der;
    None
}

/// PKCS#1 `RSAPrivateKey` (RFC 8017 §A.1.2).
fn pkcs1_private(der: &[u8]) -> Option<Material> {
    #[cfg(feature = "rsa")]
    if let Ok(k) = rsa::RsaPrivateKey::from_pkcs1_der(der) {
        return Some(Material::RsaPrivate(alloc::boxed::Box::new(k.into())));
    }
    let _ = der;
    None
}

/// PKCS#1 `RSAPublicKey` (RFC 8017 §A.1.1).
fn pkcs1_public(der: &[u8]) -> Option<Material> {
    #[cfg(feature = "rsa")]
    if let Ok(k) = rsa::RsaPublicKey::from_pkcs1_der(der) {
        return Some(Material::RsaPublic(alloc::boxed::Box::new(k.into())));
    }
    let _ = der;
    None
}

/// SEC1 `ECPrivateKey` (RFC 5915); the curve comes from its parameters.
fn sec1_private(der: &[u8]) -> Option<Material> {
    #[cfg(feature = "ecdsa")]
    {
        use super::EcPrivate as E;
        if let Ok(k) = p256::SecretKey::from_sec1_der(der) {
            return Some(Material::EcPrivate(E::P256(k.into())));
        }
        if let Ok(k) = p384::SecretKey::from_sec1_der(der) {
            return Some(Material::EcPrivate(E::P384(k.into())));
        }
        if let Ok(k) = p521::SecretKey::from_sec1_der(der) {
            return Some(Material::EcPrivate(E::P521(k.into())));
        }
        if let Ok(k) = k256::SecretKey::from_sec1_der(der) {
            return Some(Material::EcPrivate(E::K256(k.into())));
        }
    }
    let _ = der;
    None
}

/// The SPKI inside an X.509 certificate (RFC 5280 §4.1): the seventh field of
/// `tbsCertificate`, counting the optional `[0] version`.
fn certificate(der: &[u8]) -> Option<Material> {
    use der::{Decode, Encode, Reader, SliceReader, Tagged, asn1::AnyRef};
    let cert = AnyRef::from_der(der).ok()?;
    if cert.tag() != der::Tag::Sequence {
        return None;
    }
    let mut outer = SliceReader::new(cert.value()).ok()?;
    let tbs: AnyRef<'_> = outer.decode().ok()?;
    if tbs.tag() != der::Tag::Sequence {
        return None;
    }
    let mut fields = SliceReader::new(tbs.value()).ok()?;
    let mut field: AnyRef<'_> = fields.decode().ok()?;
    if field.tag().is_context_specific() {
        field = fields.decode().ok()?; // skip the version
    }
    // serialNumber is `field`; skip signature, issuer, validity and subject.
    for _ in 0..5 {
        field = fields.decode().ok()?;
    }
    if field.tag() != der::Tag::Sequence {
        return None;
    }
    spki_public(&field.to_der().ok()?)
}

/// Refuses RSA keys that are unsafe whatever their size: a public exponent
/// below 3 or even (e = 1 makes every "signature" equal to its message,
/// Wycheproof JWK tcId 9; an even e is not invertible, RFC 8017 §3.1), or a
/// modulus with the ROCA fingerprint (CVE-2017-15361), whose factors can be
/// recovered.
#[cfg(feature = "rsa")]
pub(super) fn check_rsa(k: &impl rsa::traits::PublicKeyParts) -> Result<(), Error> {
    if super::roca::has_fingerprint(&k.n_bytes()) {
        return Err(err!(
            InvalidKey,
            "The RSA key has the ROCA weakness (CVE-2017-15361)"
        ));
    }
    check_rsa_exponent(&k.e_bytes())
}

/// The exponent rule of [`check_rsa`] on a big-endian e, checked before the
/// `rsa` crate sees the key so that the error says what is wrong.
#[cfg(feature = "rsa")]
pub(super) fn check_rsa_exponent(e: &[u8]) -> Result<(), Error> {
    let odd = e.last().is_some_and(|low| low & 1 == 1);
    let at_least_3 = e.iter().rev().skip(1).any(|b| *b != 0) || e.last().is_some_and(|b| *b >= 3);
    if odd && at_least_3 {
        Ok(())
    } else {
        Err(err!(
            InvalidKey,
            "The RSA public exponent must be odd and at least 3"
        ))
    }
}

/// Applies the checks every import path shares (see [`check_rsa`]).
pub(super) fn checked(material: Material) -> Result<Key, Error> {
    match &material {
        #[cfg(feature = "rsa")]
        Material::RsaPrivate(k) => check_rsa(k.key())?,
        #[cfg(feature = "rsa")]
        Material::RsaPublic(k) => check_rsa(k.key())?,
        #[allow(unreachable_patterns)]
        _ => {}
    }
    Ok(Key::new(material))
}
