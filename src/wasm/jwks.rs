//! `RawJwkSet`: a core [`JwkSet`] held by JS.

use alloc::string::String;
use alloc::vec::Vec;

use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use super::error::to_js;
use super::key::RawKey;
use crate::{Algorithm, JwkSet};

/// A JWK Set owned by JS.
#[wasm_bindgen(js_name = RawJwkSet)]
pub struct RawJwkSet {
    pub(crate) inner: JwkSet,
}

#[wasm_bindgen(js_class = RawJwkSet)]
impl RawJwkSet {
    /// Parses the JSON text of a JWK Set.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(json: &str) -> Result<RawJwkSet, JsValue> {
        JwkSet::from_str(json)
            .map(|inner| RawJwkSet { inner })
            .map_err(to_js)
    }

    /// A copy of the key with this `kid`.
    pub fn get(&self, kid: &str) -> Result<RawKey, JsValue> {
        self.inner
            .get(kid)
            .map(|key| RawKey { inner: key.clone() })
            .map_err(to_js)
    }

    /// A copy of the key `decode` would use for a token with this `kid` and `alg`.
    pub fn select(&self, kid: Option<String>, alg: &str) -> Result<RawKey, JsValue> {
        let alg = Algorithm::from_name(alg).map_err(to_js)?;
        self.inner
            .select(kid.as_deref(), alg)
            .map(|key| RawKey { inner: key.clone() })
            .map_err(to_js)
    }

    /// Copies of every usable key, in set order.
    pub fn keys(&self) -> Vec<RawKey> {
        self.inner
            .keys()
            .iter()
            .map(|key| RawKey { inner: key.clone() })
            .collect()
    }

    /// How many usable keys the set holds.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.inner.keys().len()
    }

    /// The `kid` of every key (`undefined` for keys without one).
    pub fn kids(&self) -> Vec<JsValue> {
        self.inner
            .keys()
            .iter()
            .map(|k| k.kid().map(JsValue::from_str).unwrap_or(JsValue::UNDEFINED))
            .collect()
    }
}
