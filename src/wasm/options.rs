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

/// The JS options object. The JS layer has already removed `onWarning` and
/// `detachedPayload` (passed separately) and turned a `Date` in `now` into
/// seconds.
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
    now: Option<f64>,
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

/// Builds the core's [`Validation`] from the JSON text of the JS options
/// object (`None` for all defaults) and the detached payload bytes.
///
/// The options cross as JSON text: one string instead of a property read
/// per field, and serde's `deny_unknown_fields` sees every name.
pub(crate) fn validation(
    options: Option<String>,
    detached: Option<Vec<u8>>,
) -> Result<Validation, JsValue> {
    let o: DecodeOptions = match options {
        None => DecodeOptions::default(),
        Some(text) => serde_json::from_str(&text)
            .map_err(|e| type_error(format!("invalid decode options: {e}")))?,
    };
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
    // wasm32-unknown-unknown has no system clock: the host's clock is read here.
    v.now = Some(o.now.unwrap_or_else(|| js_sys::Date::now() / 1000.0));
    v.strict_aud = o.strict_aud.unwrap_or(false);
    v.detached_payload = detached;
    v.enforce_minimum_key_length = o.enforce_minimum_key_length.unwrap_or(false);
    if let Some(max) = o.max_token_length {
        v.max_token_length = max;
    }
    Ok(v)
}
