//! HMAC secrets and the algorithm-confusion guard.
//!
//! A verifier that passes a public key where a secret is expected would let
//! anyone holding the public key forge HS256 tokens (CVE-2015-9235, CVE-2022-29217
//! in PyJWT). So, like PyJWT's `HMACAlgorithm.prepare_key`, text that looks
//! like a PEM document, an OpenSSH public key or a JWK is refused as a secret,
//! and so are bytes that parse as a DER-encoded key (PyJWT accepts those).

use super::{Key, Material};
use crate::error::{Error, err};

/// Markers of OpenSSH public keys, certificates and RFC 4716 files.
const SSH_MARKERS: [&[u8]; 8] = [
    b"ssh-rsa",
    b"ssh-ed25519",
    b"ssh-dss",
    b"ecdsa-sha2-",
    b"sk-ssh-",
    b"sk-ecdsa-",
    b"-cert-v01@openssh.com",
    b"---- BEGIN SSH2 PUBLIC KEY",
];

impl Key {
    /// An HMAC key from a secret, as bytes or UTF-8 text.
    ///
    /// Refuses, with `InvalidKeyError`, a secret that looks like a PEM
    /// document, an OpenSSH public key or a JWK, or that parses as a DER key
    /// (the algorithm-confusion guard).
    /// An empty or short secret is accepted; see [`Key::key_length_warning`].
    ///
    /// ```
    /// use jwt_wasm::{ErrorKind, Family, Key};
    /// let key = Key::from_secret("a-string-secret-at-least-256-bits-long")?;
    /// assert_eq!(key.family(), Family::Hmac);
    /// let pem = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----\n";
    /// assert_eq!(Key::from_secret(pem).unwrap_err().kind(), ErrorKind::InvalidKey);
    /// # Ok::<(), jwt_wasm::Error>(())
    /// ```
    pub fn from_secret(secret: impl AsRef<[u8]>) -> Result<Self, Error> {
        let secret = secret.as_ref();
        if looks_asymmetric(secret) {
            return Err(err!(
                InvalidKey,
                "The specified key is an asymmetric key or x509 certificate and should not be \
                 used as an HMAC secret."
            ));
        }
        Ok(Self::from_secret_unchecked(secret))
    }

    /// An HMAC key without the confusion guard, for secrets that came from a
    /// JWK `k` member or the random generator (already known to be secrets).
    pub(crate) fn from_secret_unchecked(secret: &[u8]) -> Self {
        Self::new(Material::Secret(crate::alg::Secret::new(secret.to_vec())))
    }
}

/// Whether `secret` looks like a PEM document, an SSH public key or a JWK,
/// or is a DER-encoded key.
fn looks_asymmetric(secret: &[u8]) -> bool {
    contains(secret, b"-----BEGIN")
        || SSH_MARKERS.iter().any(|marker| contains(secret, marker))
        || looks_like_jwk(secret)
        || super::pem::is_der_key(secret)
}

/// A JSON object with a `kty` member.
fn looks_like_jwk(secret: &[u8]) -> bool {
    let trimmed = secret.trim_ascii();
    if !trimmed.starts_with(b"{") {
        return false;
    }
    serde_json::from_slice::<serde_json::Map<alloc::string::String, serde_json::Value>>(trimmed)
        .is_ok_and(|object| object.contains_key("kty"))
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty()
        && haystack
            .windows(needle.len())
            .any(|window| window == needle)
}
