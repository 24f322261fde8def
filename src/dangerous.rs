//! Reading tokens without verifying them, and making unsecured (`alg: none`)
//! tokens. Nothing here proves who made a token (RFC 8725 §3.2): use it only
//! to route a token to its key, or for debugging.
//!
//! Parsing is as strict as in [`decode`](crate::decode): size cap, three
//! segments, canonical base64url, strict JSON, header checks.

use alloc::string::String;

use serde_json::{Map, Value};

use crate::error::Error;
use crate::header::Header;
use crate::json;
use crate::jws;
use crate::jwt::{self, EncodeOptions};
use crate::validation::DEFAULT_MAX_TOKEN_LENGTH;

/// The header of `token`, unverified (PyJWT's `get_unverified_header`).
///
/// ```
/// let token = "eyJhbGciOiJIUzI1NiIsImtpZCI6ImsxIn0.e30.c2ln";
/// let header = jwt_wasm::dangerous::get_unverified_header(token).unwrap();
/// assert_eq!(header.kid(), Some("k1"));
/// ```
pub fn get_unverified_header(token: &str) -> Result<Header, Error> {
    Ok(jws::parse(token, DEFAULT_MAX_TOKEN_LENGTH, None)?.header)
}

/// The claims of `token`, unverified and unvalidated.
///
/// ```
/// let token = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJtZSJ9.";
/// let claims = jwt_wasm::dangerous::get_unverified_claims(token).unwrap();
/// assert_eq!(claims["sub"], "me");
/// ```
pub fn get_unverified_claims(token: &str) -> Result<Map<String, Value>, Error> {
    let parts = jws::parse(token, DEFAULT_MAX_TOKEN_LENGTH, None)?;
    jwt::parse_claims(&json::into_text(parts.payload).map_err(jwt::invalid_payload)?)
}

/// The payload text of `token`, unverified and unvalidated, after the same
/// strict checks as [`get_unverified_claims`] (for the JS binding, which
/// hands the text to `JSON.parse` rather than re-serialising a claims map).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) fn unverified_claims_json(token: &str) -> Result<String, Error> {
    let parts = jws::parse(token, DEFAULT_MAX_TOKEN_LENGTH, None)?;
    let text = json::into_text(parts.payload).map_err(jwt::invalid_payload)?;
    json::parse_object_members(&text, &|_| false).map_err(jwt::invalid_payload)?;
    Ok(text)
}

/// An unsecured JWT (`alg: none`, empty signature; RFC 7519 §6) from the JSON
/// text of an object. No decoder in this crate accepts it as verified.
/// `options.algorithm` is ignored; headers and detached mode apply.
///
/// ```
/// use jwt_wasm::{dangerous, EncodeOptions};
/// let token = dangerous::encode_unsecured(r#"{"sub":"me"}"#, &EncodeOptions::default()).unwrap();
/// assert_eq!(token, "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJtZSJ9.");
/// ```
pub fn encode_unsecured(payload_json: &str, options: &EncodeOptions) -> Result<String, Error> {
    let payload = jwt::prepare_payload(payload_json)?;
    let (mut header, detached) = jwt::build_header("none", options)?;
    if header.alg() != Some("none") {
        // An `alg` among the extra headers would make this token claim a
        // signature it does not have.
        header.insert("alg", Value::String("none".into()));
        if header.alg() != Some("none") {
            return Err(crate::algorithm::not_supported());
        }
    }
    jws::sign_compact(&header, payload.as_bytes(), detached, |_| {
        Ok(alloc::vec::Vec::new())
    })
}
