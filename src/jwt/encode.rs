//! Encoding: PyJWT's `encode` (header assembly, NumericDate rounding,
//! detached payloads) and signing with custom algorithms.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use serde_json::Value;

use crate::algorithm::Algorithm;
use crate::error::{Error, err};
use crate::header::Header;
use crate::json::{self, Members};
use crate::jws;
use crate::key::Key;

/// How [`encode`] builds a token: PyJWT's `algorithm`, `headers`,
/// `sort_headers` and `is_payload_detached`.
///
/// ```
/// use jwt_wasm::{Algorithm, EncodeOptions};
/// let options = EncodeOptions {
///     algorithm: Algorithm::HS512,
///     headers: vec![("kid".into(), "2024-01".into())],
///     ..EncodeOptions::default()
/// };
/// assert!(options.sort_headers);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct EncodeOptions {
    /// The signing algorithm; an `alg` in [`headers`](Self::headers) takes
    /// precedence, as in PyJWT. Defaults to HS256.
    pub algorithm: Algorithm,
    /// Extra header parameters, merged over the default `{"typ":"JWT","alg":…}`.
    /// `kid` must be a string; a falsy `typ` (`null`, `""`, `false`, `0`)
    /// removes `typ`; `"b64": false` selects a detached payload. Defaults to empty.
    pub headers: Vec<(String, Value)>,
    /// Sort header parameters by name. Defaults to `true`, as PyJWT.
    pub sort_headers: bool,
    /// Sign the payload unencoded and leave it out of the token (RFC 7797:
    /// adds `"b64": false` and `"crit": ["b64"]`). Defaults to `false`.
    pub detached_payload: bool,
    /// Refuse keys below the algorithm's minimum length with `InvalidKeyError`
    /// (otherwise they are accepted). Defaults to `false`.
    pub enforce_minimum_key_length: bool,
}

impl Default for EncodeOptions {
    fn default() -> Self {
        Self {
            algorithm: Algorithm::HS256,
            headers: Vec::new(),
            sort_headers: true,
            detached_payload: false,
            enforce_minimum_key_length: false,
        }
    }
}

const NOT_A_DICT: &str = "Expecting a dict object, as JWT only supports JSON objects as payloads.";
const TIME_CLAIMS: [&str; 3] = ["exp", "nbf", "iat"];

/// Signs `claims` (a JSON object) into a compact JWT.
///
/// `exp`, `nbf` and `iat` given as non-integer numbers are rounded down to
/// integer NumericDates. Members are written sorted by name.
///
/// ```
/// use jwt_wasm::{encode, EncodeOptions, Key};
/// let key = Key::from_secret("a-string-secret-at-least-256-bits-long").unwrap();
/// let token = encode(&serde_json::json!({"sub": "1234567890"}), &key, &EncodeOptions::default()).unwrap();
/// assert!(token.starts_with("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.")); // {"alg":"HS256","typ":"JWT"}
/// ```
pub fn encode(claims: &Value, key: &Key, options: &EncodeOptions) -> Result<String, Error> {
    let Value::Object(map) = claims else {
        return Err(Error::new(crate::ErrorKind::InvalidToken, NOT_A_DICT));
    };
    let mut members: Members = map.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    normalize_dates(&mut members);
    sign_with_key(&json::write_object(&members), key, options)
}

/// Signs the JSON text of an object into a compact JWT. The text is checked
/// with the strict parser and then used verbatim, except that `exp`, `nbf`
/// and `iat` given as non-integer numbers are rounded down to integers (the
/// object is then rewritten compactly, member order kept).
///
/// ```
/// use jwt_wasm::{encode_json, EncodeOptions, Key};
/// let key = Key::from_secret("a-string-secret-at-least-256-bits-long").unwrap();
/// let token = encode_json(r#"{"sub":"1","iat":1516239022}"#, &key, &EncodeOptions::default()).unwrap();
/// let payload = token.split('.').nth(1).unwrap();
/// assert_eq!(jwt_wasm::base64url::decode(payload).unwrap(), br#"{"sub":"1","iat":1516239022}"#);
/// ```
pub fn encode_json(
    payload_json: &str,
    key: &Key,
    options: &EncodeOptions,
) -> Result<String, Error> {
    let payload = prepare_payload(payload_json)?;
    sign_with_key(&payload, key, options)
}

/// Signs with an algorithm this crate does not implement (for example one
/// registered from JavaScript): `sign` receives the JWS Signing Input and
/// returns the signature bytes. The header's `alg` is `alg_name`.
///
/// ```
/// use jwt_wasm::{encode_with, EncodeOptions};
/// let token = encode_with(r#"{"a":1}"#, "XS1", &EncodeOptions::default(), |input| Ok(input[..4].to_vec())).unwrap();
/// assert!(token.starts_with("eyJhbGciOiJYUzEiLCJ0eXAiOiJKV1QifQ.eyJhIjoxfQ.")); // {"alg":"XS1","typ":"JWT"}
/// ```
pub fn encode_with(
    payload_json: &str,
    alg_name: &str,
    options: &EncodeOptions,
    sign: impl FnOnce(&[u8]) -> Result<Vec<u8>, Error>,
) -> Result<String, Error> {
    if alg_name.is_empty() || jws::is_none_alg(alg_name) {
        return Err(crate::algorithm::not_supported());
    }
    let payload = prepare_payload(payload_json)?;
    let (mut header, detached) = build_header(alg_name, options)?;
    header.insert("alg", alg_name.into());
    jws::sign_compact(&header, payload.as_bytes(), detached, sign)
}

/// Strictly parses an object's JSON text; rewrites it only when a time claim
/// needs rounding. The first pass builds values only for the time claims
/// (the usual payload has integer ones and is signed as given).
pub(crate) fn prepare_payload(payload_json: &str) -> Result<String, Error> {
    let refused = |reason: String| {
        if reason == json::NOT_OBJECT {
            Error::new(crate::ErrorKind::InvalidToken, NOT_A_DICT)
        } else {
            super::invalid_payload(reason)
        }
    };
    let times = json::parse_object_members(payload_json, &|name| TIME_CLAIMS.contains(&name))
        .map_err(refused)?;
    let fractional = |v: &Value| matches!(v, Value::Number(n) if !(n.is_i64() || n.is_u64()));
    if !times.values().any(fractional) {
        return Ok(payload_json.to_string());
    }
    let mut members = json::parse_object(payload_json).map_err(refused)?;
    if normalize_dates(&mut members) {
        Ok(json::write_object(&members))
    } else {
        Ok(payload_json.to_string())
    }
}

/// Rounds non-integer `exp`/`nbf`/`iat` down; true when anything changed.
fn normalize_dates(members: &mut Members) -> bool {
    let mut changed = false;
    for (name, value) in members.iter_mut() {
        let Value::Number(n) = value else { continue };
        if !TIME_CLAIMS.contains(&name.as_str()) || n.is_i64() || n.is_u64() {
            continue;
        }
        let Some(f) = n.as_f64() else { continue };
        // Only values that fit an i64 are rewritten; others stay as given
        // (and will fail validation on decode).
        if (-9.0e18..=9.0e18).contains(&f) {
            // `as` truncates toward zero; step down for negatives to floor
            // (`f64::floor` is not in `core`).
            #[allow(clippy::cast_possible_truncation)]
            let truncated = f as i64;
            let whole = if (truncated as f64) > f {
                truncated - 1
            } else {
                truncated
            };
            *value = Value::from(whole);
            changed = true;
        }
    }
    changed
}

fn sign_with_key(payload: &str, key: &Key, options: &EncodeOptions) -> Result<String, Error> {
    let alg = match options
        .headers
        .iter()
        .find(|(n, _)| n == "alg")
        .map(|(_, v)| v)
    {
        Some(Value::String(name)) if !name.is_empty() => Algorithm::from_name(name)?,
        Some(v) if !matches!(v, Value::Null | Value::Bool(false) | Value::String(_)) => {
            return Err(crate::algorithm::not_supported());
        }
        _ => options.algorithm,
    };
    if alg == Algorithm::None {
        return Err(err!(
            InvalidAlgorithm,
            "The \"none\" algorithm is only available through dangerous::encode_unsecured"
        ));
    }
    let (header, detached) = build_header(alg.name(), options)?;
    key.check_alg(alg)?;
    jws::key_policy(key, alg, options.enforce_minimum_key_length)?;
    jws::sign_compact(&header, payload.as_bytes(), detached, |input| {
        alg.sign(input, key)
    })
}

/// Python's truthiness, for PyJWT's "a falsy `typ` is removed".
fn is_falsy(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::Bool(b) => !b,
        Value::Number(n) => n.as_f64() == Some(0.0),
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
    }
}

/// PyJWT's header assembly: defaults, merged headers, `typ` removal, `b64`
/// handling, sorting; then the same checks a decoded header passes.
pub(crate) fn build_header(
    alg_name: &str,
    options: &EncodeOptions,
) -> Result<(Header, bool), Error> {
    let mut header = Header::new();
    header.insert("typ", "JWT".into());
    header.insert("alg", alg_name.into());
    for (name, value) in &options.headers {
        header.insert(name.clone(), value.clone());
    }
    if header.get("typ").is_some_and(is_falsy) {
        header.remove("typ");
    }
    let detached = options.detached_payload || header.get("b64") == Some(&Value::Bool(false));
    if detached {
        header.insert("b64", Value::Bool(false));
        let mut crit = match header.get("crit") {
            Some(Value::Array(items)) => items.clone(),
            _ => Vec::new(),
        };
        if !crit.iter().any(|c| c == "b64") {
            crit.push("b64".into());
        }
        header.insert("crit", Value::Array(crit));
    } else {
        header.remove("b64");
    }
    if options.sort_headers {
        header.sort();
    }
    header.validate()?;
    Ok((header, detached))
}
