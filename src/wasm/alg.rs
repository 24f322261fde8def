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

/// The canonical name of an algorithm this build has, or an `InvalidAlgorithmError`.
#[wasm_bindgen(js_name = rawAlgorithmName)]
pub fn raw_algorithm_name(alg: &str) -> Result<String, JsValue> {
    // An algorithm whose family this build leaves out (in `jwt-wasm/hmac`)
    // is reported as missing, so `getAlgorithmByName` lists only what works.
    let alg = Algorithm::from_name(alg).map_err(to_js)?;
    alg.check_in_build().map_err(to_js)?;
    Ok(alg.name().into())
}
