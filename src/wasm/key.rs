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

use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use super::error::to_js;
use crate::error::err;
use crate::{Algorithm, Error, Family, Key};

/// A key owned by JS.
#[wasm_bindgen(js_name = RawKey)]
pub struct RawKey {
    pub(crate) inner: Key,
}

#[wasm_bindgen(js_class = RawKey)]
impl RawKey {
    /// An HMAC secret from its bytes (the JS layer encodes strings as UTF-8).
    #[wasm_bindgen(js_name = fromSecret)]
    pub fn from_secret(secret: &[u8]) -> Result<RawKey, JsValue> {
        Key::from_secret(secret).map(|inner| RawKey { inner }).map_err(to_js)
    }

    /// A key from text (secret, PEM or OpenSSH) for the algorithm called `alg`.
    #[wasm_bindgen(js_name = fromTextFor)]
    pub fn from_text_for(alg: &str, text: String) -> Result<RawKey, JsValue> {
        let alg = Algorithm::from_name(alg).map_err(to_js)?;
        key_for(alg, &Material::Text(text)).map(|inner| RawKey { inner }).map_err(to_js)
    }

    /// A key from bytes (secret or DER) for the algorithm called `alg`.
    #[wasm_bindgen(js_name = fromBytesFor)]
    pub fn from_bytes_for(alg: &str, bytes: Vec<u8>) -> Result<RawKey, JsValue> {
        let alg = Algorithm::from_name(alg).map_err(to_js)?;
        key_for(alg, &Material::Bytes(bytes)).map(|inner| RawKey { inner }).map_err(to_js)
    }
}

/// Key material whose meaning depends on the algorithm.
pub(crate) enum Material {
    Text(String),
    Bytes(Vec<u8>),
}

/// Parses `material` the way algorithm `alg` needs it.
fn key_for(alg: Algorithm, material: &Material) -> Result<Key, Error> {
    match (alg.family(), material) {
        (Family::Hmac, Material::Text(text)) => Key::from_secret(text.as_bytes()),
        (Family::Hmac, Material::Bytes(bytes)) => Key::from_secret(bytes),
        // PEM, DER and OpenSSH import land with the keys module.
        _ => Err(err!(InvalidKey, "Only HMAC secrets can be given as strings or bytes in this build")),
    }
}
