//! Decode options from JS: the JSON text of a plain object with the camelCase names of
//! `DecodeOptions` in `index.d.ts`, mapped field by field onto the core's
//! [`Validation`]. Unknown names and wrong types are caller mistakes and
//! become `TypeError`s (a misspelt `audiance` must not silently disable a
//! check).

use alloc::format;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use serde::Deserialize;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::Validation;

/// `string | string[]` in JS.
#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn into_vec(self) -> Vec<String> {
        match self {
            Self::One(one) => vec![one],
            Self::Many(many) => many,
        }
    }
}

/// The JS options object. The JS layer has already removed `onWarning`,
/// `detachedPayload` and `now` (passed separately on each call).
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct DecodeOptions {
    algorithms: Option<Vec<String>>,
    audience: Option<OneOrMany>,
    issuer: Option<OneOrMany>,
    subject: Option<String>,
    leeway: Option<f64>,
    require: Option<Vec<String>>,
    max_age: Option<f64>,
    typ: Option<String>,
    strict_aud: Option<bool>,
    verify_signature: Option<bool>,
    verify_exp: Option<bool>,
    verify_nbf: Option<bool>,
    verify_iat: Option<bool>,
    verify_aud: Option<bool>,
    verify_iss: Option<bool>,
    verify_sub: Option<bool>,
    verify_jti: Option<bool>,
    enforce_minimum_key_length: Option<bool>,
    max_token_length: Option<usize>,
}

fn type_error(message: String) -> JsValue {
    js_sys::TypeError::new(&message).into()
}

/// Decode options parsed once: the JS layer keeps these by the JSON text of
/// the options object, so a caller that passes the same options on every
/// `decode` pays for the parsing once. The clock reading and a detached
/// payload change from call to call and are set by [`RawValidation::for_call`].
#[wasm_bindgen]
pub struct RawValidation {
    inner: Validation,
}

#[wasm_bindgen]
impl RawValidation {
    /// Parses the JSON text of a JS options object (`DecodeOptions` in
    /// `index.d.ts`, without `onWarning`, `detachedPayload` and `now`);
    /// unknown names and wrong types are `TypeError`s.
    #[wasm_bindgen(constructor)]
    pub fn new(options_json: &str) -> Result<RawValidation, JsValue> {
        let o: DecodeOptions = serde_json::from_str(options_json)
            .map_err(|e| type_error(format!("invalid decode options: {e}")))?;
        Ok(Self {
            inner: validation(o),
        })
    }
}

impl RawValidation {
    /// The settings for one call: `now` in seconds (`None`: the host's
    /// clock, since wasm32-unknown-unknown has none) and the detached payload.
    pub(crate) fn for_call(&mut self, now: Option<f64>, detached: Option<Vec<u8>>) -> &Validation {
        self.inner.now = Some(now.unwrap_or_else(|| js_sys::Date::now() / 1000.0));
        self.inner.detached_payload = detached;
        &self.inner
    }

    /// [`Self::for_call`] on a copy, for calls that may re-enter.
    pub(crate) fn copy_for_call(&self, now: Option<f64>, detached: Option<Vec<u8>>) -> Validation {
        let mut copy = Self {
            inner: self.inner.clone(),
        };
        copy.for_call(now, detached);
        copy.inner
    }

    /// Drops the per-call detached payload again, so a cached entry does not
    /// keep the caller's bytes alive.
    pub(crate) fn end_call(&mut self) {
        self.inner.detached_payload = None;
    }
}

/// Maps the JS options onto the core's [`Validation`].
fn validation(o: DecodeOptions) -> Validation {
    let mut v = Validation::default();
    if let Some(algorithms) = o.algorithms {
        v.algorithms = algorithms;
    }
    v.verify_signature = o.verify_signature.unwrap_or(true);
    v.verify_exp = o.verify_exp;
    v.verify_nbf = o.verify_nbf;
    v.verify_iat = o.verify_iat;
    v.verify_aud = o.verify_aud;
    v.verify_iss = o.verify_iss;
    v.verify_sub = o.verify_sub;
    v.verify_jti = o.verify_jti;
    if let Some(require) = o.require {
        v.require = require;
    }
    if let Some(leeway) = o.leeway {
        v.leeway = leeway;
    }
    v.audience = o.audience.map(OneOrMany::into_vec);
    v.issuer = o.issuer.map(OneOrMany::into_vec);
    v.subject = o.subject;
    v.max_age = o.max_age;
    v.typ = o.typ;
    v.strict_aud = o.strict_aud.unwrap_or(false);
    v.enforce_minimum_key_length = o.enforce_minimum_key_length.unwrap_or(false);
    if let Some(max) = o.max_token_length {
        v.max_token_length = max;
    }
    v
}
