//! `RawKey`: a core [`Key`] held by JS. Its memory is released by
//! wasm-bindgen's FinalizationRegistry when the JS object is collected, or
//! at once by `free()`.
//!
//! Strings and byte arrays given as keys are only parsed once the algorithm
//! is known, as PyJWT's `prepare_key` does: an HMAC algorithm takes them as
//! the secret (where the core refuses PEM/JWK/OpenSSH look-alikes, the
//! algorithm-confusion guard of RFC 8725 §3.1), any other algorithm parses
//! them as PEM/OpenSSH text or DER.

use alloc::string::String;
use alloc::vec::Vec;
use core::cell::OnceCell;

use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use super::error::to_js;
use crate::error::err;
use crate::{Algorithm, Error, Family, Key, KeyResolver};

/// A key owned by JS.
#[wasm_bindgen(js_name = RawKey)]
pub struct RawKey {
    pub(crate) inner: Key,
}

impl RawKey {
    fn wrap(key: Result<Key, Error>, alg: Option<String>) -> Result<RawKey, JsValue> {
        let alg = match alg {
            Some(name) => Some(supported(&name).map_err(to_js)?),
            None => None,
        };
        let mut key = key.map_err(to_js)?;
        if let Some(alg) = alg {
            key = key.with_alg(alg).map_err(to_js)?;
        }
        Ok(RawKey { inner: key })
    }
}

#[wasm_bindgen(js_class = RawKey)]
impl RawKey {
    /// An HMAC secret from its bytes (the JS layer encodes strings as UTF-8).
    #[wasm_bindgen(js_name = fromSecret)]
    pub fn from_secret(secret: &[u8], alg: Option<String>) -> Result<RawKey, JsValue> {
        Self::wrap(secret_key(secret), alg)
    }

    /// A key from PEM text (or an OpenSSH public key line).
    #[wasm_bindgen(js_name = fromPem)]
    pub fn from_pem(pem: &str, alg: Option<String>) -> Result<RawKey, JsValue> {
        Self::wrap(pem_key(pem), alg)
    }

    /// A key from DER bytes.
    #[wasm_bindgen(js_name = fromDer)]
    pub fn from_der(der: &[u8], alg: Option<String>) -> Result<RawKey, JsValue> {
        Self::wrap(der_key(der), alg)
    }

    /// A key from the JSON text of a JWK.
    #[wasm_bindgen(js_name = fromJwk)]
    pub fn from_jwk(json: &str, alg: Option<String>) -> Result<RawKey, JsValue> {
        Self::wrap(Key::from_jwk_str(json), alg)
    }

    /// A fresh private key (or secret) for the algorithm called `alg`.
    pub fn generate(alg: &str) -> Result<RawKey, JsValue> {
        let alg = supported(alg).map_err(to_js)?;
        Key::generate(alg)
            .map(|inner| RawKey { inner })
            .map_err(to_js)
    }

    /// A key from text (secret, PEM or OpenSSH) for the algorithm called `alg`.
    #[wasm_bindgen(js_name = fromTextFor)]
    pub fn from_text_for(alg: &str, text: String) -> Result<RawKey, JsValue> {
        let alg = Algorithm::from_name(alg).map_err(to_js)?;
        key_for(alg, &Material::Text(text))
            .map(|inner| RawKey { inner })
            .map_err(to_js)
    }

    /// A key from bytes (secret or DER) for the algorithm called `alg`.
    #[wasm_bindgen(js_name = fromBytesFor)]
    pub fn from_bytes_for(alg: &str, bytes: Vec<u8>) -> Result<RawKey, JsValue> {
        let alg = Algorithm::from_name(alg).map_err(to_js)?;
        key_for(alg, &Material::Bytes(bytes))
            .map(|inner| RawKey { inner })
            .map_err(to_js)
    }

    /// The public half (keeps `alg` and `kid`).
    #[wasm_bindgen(js_name = publicKey)]
    pub fn public_key(&self) -> Result<RawKey, JsValue> {
        self.inner
            .public_key()
            .map(|inner| RawKey { inner })
            .map_err(to_js)
    }

    /// A copy carrying `kid`.
    #[wasm_bindgen(js_name = withKid)]
    pub fn with_kid(&self, kid: String) -> RawKey {
        RawKey {
            inner: self.inner.clone().with_kid(kid),
        }
    }

    /// The JSON text of the key's JWK.
    #[wasm_bindgen(js_name = toJwkJson)]
    pub fn to_jwk_json(&self) -> Result<String, JsValue> {
        serde_json::to_string(&self.inner.to_jwk()).map_err(|e| to_js(err!(Jwk, "{}", e)))
    }

    /// PKCS#8 (private) or SPKI (public) PEM.
    #[wasm_bindgen(js_name = toPem)]
    pub fn to_pem(&self) -> Result<String, JsValue> {
        #[cfg(any(feature = "rsa", feature = "ecdsa", feature = "eddsa"))]
        return self.inner.to_pem().map_err(to_js);
        // Only secrets exist in `jwt-wasm/hmac`: the same error as
        // `Key::to_pem` gives them, without the PEM encoder in the wasm.
        #[cfg(not(any(feature = "rsa", feature = "ecdsa", feature = "eddsa")))]
        Err(to_js(err!(
            InvalidKey,
            "An HMAC secret has no PEM or DER form"
        )))
    }

    /// The RFC 7638 SHA-256 thumbprint, base64url.
    pub fn thumbprint(&self) -> Result<String, JsValue> {
        self.inner.thumbprint().map_err(to_js)
    }

    /// The bound algorithm, else the one inferred from the key.
    #[wasm_bindgen(getter)]
    pub fn alg(&self) -> String {
        self.inner.default_alg().name().into()
    }

    /// The `kid`, if any.
    #[wasm_bindgen(getter)]
    pub fn kid(&self) -> Option<String> {
        self.inner.kid().map(String::from)
    }

    /// Whether this is an HMAC secret (which has no public half).
    #[wasm_bindgen(getter, js_name = isSecret)]
    pub fn is_secret(&self) -> bool {
        self.inner.family() == Family::Hmac
    }

    /// Whether the key holds private material (secrets count as private).
    #[wasm_bindgen(getter, js_name = isPrivate)]
    pub fn is_private(&self) -> bool {
        self.inner.is_private()
    }
}

/// The algorithm called `name`, refused when this build leaves its family
/// out (the `jwt-wasm/hmac` flavour) so the error says what to import instead
/// of blaming the key.
fn supported(name: &str) -> Result<Algorithm, Error> {
    let alg = Algorithm::from_name(name)?;
    alg.check_in_build()?;
    Ok(alg)
}

/// PEM and DER hold only RSA, EC and Ed25519 keys, so a build without those
/// families (`jwt-wasm/hmac`) refuses them at once, with a clear message, and
/// leaves the PEM and DER key parsers out of its wasm.
#[cfg(not(any(feature = "rsa", feature = "ecdsa", feature = "eddsa")))]
fn no_asymmetric_keys() -> Error {
    err!(
        InvalidKey,
        "jwt-wasm/hmac supports only HMAC secrets (HS256, HS384 and HS512); import \"jwt-wasm\" for PEM and DER keys"
    )
}

/// [`Key::from_secret`] where this build has HMAC.
fn secret_key(secret: &[u8]) -> Result<Key, Error> {
    #[cfg(feature = "hmac")]
    return Key::from_secret(secret);
    #[cfg(not(feature = "hmac"))]
    {
        let _ = secret;
        Err(crate::error::err!(
            InvalidKey,
            "This build of jwt-wasm has no HMAC (the `hmac` feature is off)"
        ))
    }
}

/// [`Key::from_pem`] where this build has a family PEM can hold.
fn pem_key(pem: &str) -> Result<Key, Error> {
    #[cfg(any(feature = "rsa", feature = "ecdsa", feature = "eddsa"))]
    return Key::from_pem(pem);
    #[cfg(not(any(feature = "rsa", feature = "ecdsa", feature = "eddsa")))]
    {
        let _ = pem;
        Err(no_asymmetric_keys())
    }
}

/// [`Key::from_der`] where this build has a family DER can hold.
fn der_key(der: &[u8]) -> Result<Key, Error> {
    #[cfg(any(feature = "rsa", feature = "ecdsa", feature = "eddsa"))]
    return Key::from_der(der);
    #[cfg(not(any(feature = "rsa", feature = "ecdsa", feature = "eddsa")))]
    {
        let _ = der;
        Err(no_asymmetric_keys())
    }
}

/// Key material whose meaning depends on the algorithm.
pub(crate) enum Material {
    Text(String),
    Bytes(Vec<u8>),
}

/// Parses `material` the way algorithm `alg` needs it.
pub(crate) fn key_for(alg: Algorithm, material: &Material) -> Result<Key, Error> {
    alg.check_in_build()?;
    match (alg.family(), material) {
        (Family::Hmac, Material::Text(text)) => secret_key(text.as_bytes()),
        (Family::Hmac, Material::Bytes(bytes)) => secret_key(bytes),
        (_, Material::Text(text)) => pem_key(text),
        (_, Material::Bytes(bytes)) => der_key(bytes),
    }
}

/// A [`KeyResolver`] over a string or byte key: parsed on first use, for the
/// algorithm of the token being verified (which the core has checked against
/// the allowed list before it asks).
pub(crate) struct DeferredKey {
    material: Material,
    key: OnceCell<Key>,
}

impl DeferredKey {
    pub(crate) fn new(material: Material) -> Self {
        Self {
            material,
            key: OnceCell::new(),
        }
    }

    /// The key for signing with `alg`.
    pub(crate) fn for_alg(&self, alg: Algorithm) -> Result<&Key, Error> {
        self.resolve(None, alg)
    }
}

impl KeyResolver for DeferredKey {
    fn resolve(&self, _kid: Option<&str>, alg: Algorithm) -> Result<&Key, Error> {
        if let Some(key) = self.key.get() {
            return Ok(key);
        }
        let key = key_for(alg, &self.material)?;
        Ok(self.key.get_or_init(|| key))
    }
}

/// The resolver for `decode(token, null, { verifySignature: false })`: asking
/// it for a key means a key was needed after all.
pub(crate) struct NoKey;

impl KeyResolver for NoKey {
    fn resolve(&self, _kid: Option<&str>, _alg: Algorithm) -> Result<&Key, Error> {
        Err(err!(
            InvalidKey,
            "A key is required to verify the signature"
        ))
    }
}
