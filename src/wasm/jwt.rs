//! Encoding and decoding, one exported function per kind of key argument
//! (a `RawKey`, text, bytes, a `RawJwkSet`, none, or a JS callback for a
//! registered algorithm), all funnelled into the same core calls.
//!
//! JSON crosses the boundary as text: the JS layer `JSON.stringify`s payloads
//! and `JSON.parse`s results, which is cheap and keeps member order.

// Each export takes its JS arguments positionally, as wasm-bindgen maps them.
#![allow(clippy::too_many_arguments)]

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::RefCell;

use serde_json::Value;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use super::error::to_js;
use super::input::RawInput;
use super::jwks::RawJwkSet;
use super::key::{DeferredKey, Material, NoKey, RawKey};
use super::key_cache::{CachedText, RawKeyCache};
use super::options::RawValidation;
use crate::error::err;
use crate::{Algorithm, EncodeOptions, Error, Key, KeyResolver, dangerous};

/// Encode settings from JS: the header entries arrive as the JSON text of
/// `Object.entries(headers)`, so their order survives.
fn encode_options(
    alg: &str,
    headers_json: Option<String>,
    sort_headers: bool,
    detached: bool,
    enforce: bool,
) -> Result<(EncodeOptions, String), JsValue> {
    let headers: Vec<(String, Value)> = match headers_json {
        Some(text) => serde_json::from_str(&text)
            .map_err(|e| JsValue::from(js_sys::TypeError::new(&format!("invalid headers: {e}"))))?,
        None => Vec::new(),
    };
    // An `alg` in the headers wins, as in PyJWT; the key is read for that one.
    let alg = headers
        .iter()
        .find(|(name, _)| name == "alg")
        .and_then(|(_, v)| v.as_str())
        .unwrap_or(alg)
        .into();
    let options = EncodeOptions {
        algorithm: Algorithm::HS256,
        headers,
        sort_headers,
        detached_payload: detached,
        enforce_minimum_key_length: enforce,
    };
    Ok((options, alg))
}

/// The token, or `[token, warning]` when the key is short for the algorithm.
fn encode_key(
    payload_json: &str,
    key: &Key,
    mut options: EncodeOptions,
    alg: &str,
) -> Result<JsValue, JsValue> {
    let alg = Algorithm::from_name(alg).map_err(to_js)?;
    options.algorithm = alg;
    let token = crate::encode_json(payload_json, key, &options).map_err(to_js)?;
    Ok(match key.key_length_warning(alg) {
        None => JsValue::from_str(&token),
        Some(w) => js_sys::Array::of2(&JsValue::from_str(&token), &JsValue::from_str(&w)).into(),
    })
}

/// Signs with a `RawKey`.
#[wasm_bindgen(js_name = rawEncodeKey)]
pub fn raw_encode_key(
    input: &RawInput,
    payload_len: usize,
    key: &RawKey,
    alg: &str,
    headers_json: Option<String>,
    sort_headers: bool,
    detached: bool,
    enforce: bool,
) -> Result<JsValue, JsValue> {
    let payload_json = input.text(payload_len)?;
    let (options, alg) = encode_options(alg, headers_json, sort_headers, detached, enforce)?;
    encode_key(payload_json, &key.inner, options, &alg)
}

/// Signs with a secret, PEM text or (`jwk`) a JWK's JSON text (parsed keys
/// are kept in `cache`).
#[wasm_bindgen(js_name = rawEncodeText)]
pub fn raw_encode_text(
    input: &RawInput,
    payload_len: usize,
    key: &str,
    cache: &RawKeyCache,
    jwk: bool,
    alg: &str,
    headers_json: Option<String>,
    sort_headers: bool,
    detached: bool,
    enforce: bool,
) -> Result<JsValue, JsValue> {
    let payload_json = input.text(payload_len)?;
    let (options, alg) = encode_options(alg, headers_json, sort_headers, detached, enforce)?;
    let algorithm = Algorithm::from_name(&alg).map_err(to_js)?;
    let key = CachedText::new(cache, key, jwk).map_err(to_js)?;
    encode_key(
        payload_json,
        key.for_alg(algorithm).map_err(to_js)?,
        options,
        &alg,
    )
}

/// Signs with secret or DER bytes.
#[wasm_bindgen(js_name = rawEncodeBytes)]
pub fn raw_encode_bytes(
    input: &RawInput,
    payload_len: usize,
    key: Vec<u8>,
    alg: &str,
    headers_json: Option<String>,
    sort_headers: bool,
    detached: bool,
    enforce: bool,
) -> Result<JsValue, JsValue> {
    let payload_json = input.text(payload_len)?;
    encode_material(
        payload_json,
        Material::Bytes(key),
        alg,
        headers_json,
        sort_headers,
        detached,
        enforce,
    )
}

fn encode_material(
    payload_json: &str,
    material: Material,
    alg: &str,
    headers_json: Option<String>,
    sort_headers: bool,
    detached: bool,
    enforce: bool,
) -> Result<JsValue, JsValue> {
    let (options, alg) = encode_options(alg, headers_json, sort_headers, detached, enforce)?;
    let algorithm = Algorithm::from_name(&alg).map_err(to_js)?;
    let key = DeferredKey::new(material);
    encode_key(
        payload_json,
        key.for_alg(algorithm).map_err(to_js)?,
        options,
        &alg,
    )
}

/// An unsecured token (`alg: none`), for `encode(payload, null, { algorithm: "none" })`.
#[wasm_bindgen(js_name = rawEncodeUnsecured)]
pub fn raw_encode_unsecured(
    payload_json: &str,
    headers_json: Option<String>,
    sort_headers: bool,
) -> Result<String, JsValue> {
    let (options, _) = encode_options("none", headers_json, sort_headers, false, false)?;
    dangerous::encode_unsecured(payload_json, &options).map_err(to_js)
}

/// Signs with a registered JS algorithm: `sign(signingInput)` returns the
/// signature bytes.
#[wasm_bindgen(js_name = rawEncodeCustom)]
pub fn raw_encode_custom(
    payload_json: &str,
    alg: &str,
    headers_json: Option<String>,
    sort_headers: bool,
    detached: bool,
    sign: &js_sys::Function,
) -> Result<String, JsValue> {
    let (options, _) = encode_options(alg, headers_json, sort_headers, detached, false)?;
    let thrown = RefCell::new(None);
    let result = crate::encode_with(payload_json, alg, &options, |input| {
        let input = js_sys::Uint8Array::from(input);
        match sign.call1(&JsValue::UNDEFINED, &input) {
            Ok(sig) => sig
                .dyn_into::<js_sys::Uint8Array>()
                .map(|sig| sig.to_vec())
                .map_err(|_| {
                    err!(
                        InvalidKey,
                        "A registered algorithm's sign() must return a Uint8Array"
                    )
                }),
            Err(e) => {
                *thrown.borrow_mut() = Some(e);
                Err(err!(InvalidKey, "sign() threw"))
            }
        }
    });
    rethrow(result, thrown)
}

/// A JS exception raised inside a callback wins over the core error it caused.
fn rethrow<T>(result: Result<T, Error>, thrown: RefCell<Option<JsValue>>) -> Result<T, JsValue> {
    match (result, thrown.into_inner()) {
        (_, Some(e)) => Err(e),
        (r, None) => r.map_err(to_js),
    }
}

/// What decode hands back: the payload's JSON text alone in the common case
/// (no warnings, not `decodeComplete`), else `[payloadJson, warnings,
/// headerJson, signature]` (the last two only for `decodeComplete`). The bare
/// string saves building an array on every verify.
fn decoded(token: crate::DecodedToken, complete: bool) -> JsValue {
    if !complete && token.warnings().is_empty() {
        return JsValue::from_str(token.payload_json());
    }
    let out = js_sys::Array::new();
    out.push(&JsValue::from_str(token.payload_json()));
    let warnings = token.warnings();
    if warnings.is_empty() {
        out.push(&JsValue::UNDEFINED);
    } else {
        out.push(
            &warnings
                .iter()
                .map(|w| JsValue::from_str(w))
                .collect::<js_sys::Array>(),
        );
    }
    if complete {
        out.push(&JsValue::from_str(&token.header().to_json()));
        out.push(&js_sys::Uint8Array::from(token.signature()));
    }
    out.into()
}

fn decode(
    token: &str,
    key: &dyn KeyResolver,
    validation: &mut RawValidation,
    now: Option<f64>,
    detached: Option<Vec<u8>>,
    complete: bool,
) -> Result<JsValue, JsValue> {
    let result = crate::jwt::decode_complete_lean(token, key, validation.for_call(now, detached));
    validation.end_call();
    result.map(|t| decoded(t, complete)).map_err(to_js)
}

/// Verifies with a `RawKey`.
#[wasm_bindgen(js_name = rawDecodeKey)]
pub fn raw_decode_key(
    input: &RawInput,
    token_len: usize,
    key: &RawKey,
    validation: &mut RawValidation,
    now: Option<f64>,
    detached: Option<Vec<u8>>,
    complete: bool,
) -> Result<JsValue, JsValue> {
    let token = input.text(token_len)?;
    decode(token, &key.inner, validation, now, detached, complete)
}

/// Verifies with a secret or PEM text (read for the token's algorithm) or
/// (`jwk`) a JWK's JSON text; parsed keys are kept in `cache`.
#[wasm_bindgen(js_name = rawDecodeText)]
pub fn raw_decode_text(
    input: &RawInput,
    token_len: usize,
    key: &str,
    cache: &RawKeyCache,
    jwk: bool,
    validation: &mut RawValidation,
    now: Option<f64>,
    detached: Option<Vec<u8>>,
    complete: bool,
) -> Result<JsValue, JsValue> {
    let token = input.text(token_len)?;
    decode(
        token,
        &CachedText::new(cache, key, jwk).map_err(to_js)?,
        validation,
        now,
        detached,
        complete,
    )
}

/// Verifies with secret or DER bytes (read for the token's algorithm).
#[wasm_bindgen(js_name = rawDecodeBytes)]
pub fn raw_decode_bytes(
    input: &RawInput,
    token_len: usize,
    key: Vec<u8>,
    validation: &mut RawValidation,
    now: Option<f64>,
    detached: Option<Vec<u8>>,
    complete: bool,
) -> Result<JsValue, JsValue> {
    let token = input.text(token_len)?;
    decode(
        token,
        &DeferredKey::new(Material::Bytes(key)),
        validation,
        now,
        detached,
        complete,
    )
}

/// Verifies with the key of a JWK Set that matches the token's `kid` and `alg`.
#[wasm_bindgen(js_name = rawDecodeJwks)]
pub fn raw_decode_jwks(
    input: &RawInput,
    token_len: usize,
    jwks: &RawJwkSet,
    validation: &mut RawValidation,
    now: Option<f64>,
    detached: Option<Vec<u8>>,
    complete: bool,
) -> Result<JsValue, JsValue> {
    let token = input.text(token_len)?;
    decode(token, &jwks.inner, validation, now, detached, complete)
}

/// Decodes without a key (only valid with `verifySignature: false`).
#[wasm_bindgen(js_name = rawDecodeNoKey)]
pub fn raw_decode_no_key(
    input: &RawInput,
    token_len: usize,
    validation: &mut RawValidation,
    now: Option<f64>,
    detached: Option<Vec<u8>>,
    complete: bool,
) -> Result<JsValue, JsValue> {
    let token = input.text(token_len)?;
    decode(token, &NoKey, validation, now, detached, complete)
}

/// Verifies through JS: `verify(alg, signingInput, signature, kid)` returns a
/// boolean (used when algorithms are registered or unregistered from JS).
#[wasm_bindgen(js_name = rawDecodeCustom)]
pub fn raw_decode_custom(
    token: &str,
    validation: &RawValidation,
    now: Option<f64>,
    detached: Option<Vec<u8>>,
    complete: bool,
    verify: &js_sys::Function,
) -> Result<JsValue, JsValue> {
    // A copy, not the cached entry: `verify` runs JS, which may call
    // `decode` again with the same options while this call is under way.
    let v = validation.copy_for_call(now, detached);
    let thrown = RefCell::new(None);
    let result = crate::decode_complete_with(token, &v, |header, input, sig| {
        let alg = JsValue::from_str(header.alg().unwrap_or(""));
        let kid = header
            .kid()
            .map(JsValue::from_str)
            .unwrap_or(JsValue::UNDEFINED);
        let (input, sig) = (
            js_sys::Uint8Array::from(input),
            js_sys::Uint8Array::from(sig),
        );
        match verify.call4(&JsValue::UNDEFINED, &alg, &input, &sig, &kid) {
            Ok(ok) => Ok(ok.as_bool() == Some(true)),
            Err(e) => {
                *thrown.borrow_mut() = Some(e);
                Err(err!(InvalidSignature, "verify() threw"))
            }
        }
    });
    rethrow(result, thrown).map(|t| decoded(t, complete))
}

/// The header's JSON text, without any verification.
#[wasm_bindgen(js_name = rawUnverifiedHeader)]
pub fn raw_unverified_header(input: &RawInput, token_len: usize) -> Result<String, JsValue> {
    let token = input.text(token_len)?;
    dangerous::get_unverified_header(token)
        .map(|h| h.to_json())
        .map_err(to_js)
}

/// The payload's JSON text, without signature or claim checks (still parsed strictly).
#[wasm_bindgen(js_name = rawUnverifiedClaims)]
pub fn raw_unverified_claims(input: &RawInput, token_len: usize) -> Result<String, JsValue> {
    let token = input.text(token_len)?;
    dangerous::unverified_claims_json(token).map_err(to_js)
}
