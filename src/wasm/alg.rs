//! Raw signature primitives by algorithm name (`getAlgorithmByName`).

use alloc::string::String;
use alloc::vec::Vec;

use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use super::error::to_js;
use super::key::RawKey;
use crate::Algorithm;

/// Signs `msg` with `key` under the algorithm called `alg`.
#[wasm_bindgen(js_name = rawSign)]
pub fn raw_sign(alg: &str, msg: &[u8], key: &RawKey) -> Result<Vec<u8>, JsValue> {
    let alg = Algorithm::from_name(alg).map_err(to_js)?;
    alg.sign(msg, &key.inner).map_err(to_js)
}

/// Checks `sig` over `msg` with `key` under the algorithm called `alg`.
#[wasm_bindgen(js_name = rawVerify)]
pub fn raw_verify(alg: &str, msg: &[u8], key: &RawKey, sig: &[u8]) -> Result<bool, JsValue> {
    let alg = Algorithm::from_name(alg).map_err(to_js)?;
    alg.verify(msg, &key.inner, sig).map_err(to_js)
}

/// The canonical name of a supported algorithm, or an `InvalidAlgorithmError`.
#[wasm_bindgen(js_name = rawAlgorithmName)]
pub fn raw_algorithm_name(alg: &str) -> Result<String, JsValue> {
    Algorithm::from_name(alg)
        .map(|a| a.name().into())
        .map_err(to_js)
}
