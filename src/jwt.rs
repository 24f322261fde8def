//! JSON Web Tokens (RFC 7519) with PyJWT's `encode`/`decode`/`decode_complete`.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use serde_json::{Map, Value};

use crate::algorithm::Algorithm;
use crate::claims;
use crate::error::{Error, err};
use crate::header::Header;
use crate::json::{self, Members};
use crate::jws;
use crate::key::{Key, KeyResolver};
use crate::validation::Validation;

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
    let Value::Object(map) = claims else { return Err(Error::new(crate::ErrorKind::InvalidToken, NOT_A_DICT)) };
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
pub fn encode_json(payload_json: &str, key: &Key, options: &EncodeOptions) -> Result<String, Error> {
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
        return Err(err!(InvalidAlgorithm, "Algorithm not supported"));
    }
    let payload = prepare_payload(payload_json)?;
    let (mut header, detached) = build_header(alg_name, options)?;
    header.insert("alg", alg_name.into());
    jws::sign_compact(&header, payload.as_bytes(), detached, sign)
}

/// Strictly parses an object's JSON text; rewrites it only when a time claim
/// needs rounding.
pub(crate) fn prepare_payload(payload_json: &str) -> Result<String, Error> {
    let mut members = json::parse_object(payload_json.as_bytes()).map_err(|reason| {
        if reason == json::NOT_OBJECT {
            Error::new(crate::ErrorKind::InvalidToken, NOT_A_DICT)
        } else {
            err!(Decode, "Invalid payload string: {}", reason)
        }
    })?;
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
            let whole = if (truncated as f64) > f { truncated - 1 } else { truncated };
            *value = Value::from(whole);
            changed = true;
        }
    }
    changed
}

fn sign_with_key(payload: &str, key: &Key, options: &EncodeOptions) -> Result<String, Error> {
    let alg = match options.headers.iter().find(|(n, _)| n == "alg").map(|(_, v)| v) {
        Some(Value::String(name)) if !name.is_empty() => Algorithm::from_name(name)?,
        Some(v) if !matches!(v, Value::Null | Value::Bool(false) | Value::String(_)) => {
            return Err(err!(InvalidAlgorithm, "Algorithm not supported"));
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
    jws::check_key(key, alg)?;
    jws::key_policy(key, alg, options.enforce_minimum_key_length)?;
    jws::sign_compact(&header, payload.as_bytes(), detached, |input| alg.sign(input, key))
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
pub(crate) fn build_header(alg_name: &str, options: &EncodeOptions) -> Result<(Header, bool), Error> {
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

/// A decoded and validated token: PyJWT's `decode_complete` result.
///
/// ```
/// use jwt_wasm::{decode_complete, encode, EncodeOptions, Key, Validation, Algorithm};
/// let key = Key::from_secret("a-string-secret-at-least-256-bits-long").unwrap();
/// let token = encode(&serde_json::json!({"sub": "me"}), &key, &EncodeOptions::default()).unwrap();
/// let decoded = decode_complete(&token, &key, &Validation::new(&[Algorithm::HS256])).unwrap();
/// assert_eq!(decoded.header().alg(), Some("HS256"));
/// assert_eq!(decoded.claims()["sub"], "me");
/// assert_eq!(decoded.payload_json(), r#"{"sub":"me"}"#);
/// assert_eq!(decoded.signature().len(), 32);
/// assert!(decoded.warnings().is_empty());
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct DecodedToken {
    header: Header,
    claims: Map<String, Value>,
    payload: String,
    signature: Vec<u8>,
    warnings: Vec<String>,
}

impl DecodedToken {
    /// The protected header.
    ///
    /// ```
    /// # use jwt_wasm::*;
    /// # let key = Key::from_secret("a-string-secret-at-least-256-bits-long").unwrap();
    /// # let token = encode(&serde_json::json!({}), &key, &EncodeOptions::default()).unwrap();
    /// let decoded = decode_complete(&token, &key, &Validation::new(&[Algorithm::HS256])).unwrap();
    /// assert_eq!(decoded.header().typ(), Some("JWT"));
    /// ```
    pub fn header(&self) -> &Header {
        &self.header
    }

    /// The claims.
    ///
    /// ```
    /// # use jwt_wasm::*;
    /// # let key = Key::from_secret("a-string-secret-at-least-256-bits-long").unwrap();
    /// # let token = encode(&serde_json::json!({"n": 1}), &key, &EncodeOptions::default()).unwrap();
    /// let decoded = decode_complete(&token, &key, &Validation::new(&[Algorithm::HS256])).unwrap();
    /// assert_eq!(decoded.claims()["n"], 1);
    /// ```
    pub fn claims(&self) -> &Map<String, Value> {
        &self.claims
    }

    /// The payload exactly as signed: JSON text of the claims.
    ///
    /// ```
    /// # use jwt_wasm::*;
    /// # let key = Key::from_secret("a-string-secret-at-least-256-bits-long").unwrap();
    /// let token = encode_json(r#"{ "n": 1 }"#, &key, &EncodeOptions::default()).unwrap();
    /// let decoded = decode_complete(&token, &key, &Validation::new(&[Algorithm::HS256])).unwrap();
    /// assert_eq!(decoded.payload_json(), r#"{ "n": 1 }"#);
    /// ```
    pub fn payload_json(&self) -> &str {
        &self.payload
    }

    /// The signature bytes (empty for an unverified `none` token).
    ///
    /// ```
    /// # use jwt_wasm::*;
    /// # let key = Key::from_secret("a-string-secret-at-least-256-bits-long").unwrap();
    /// # let token = encode(&serde_json::json!({}), &key, &EncodeOptions::default()).unwrap();
    /// let decoded = decode_complete(&token, &key, &Validation::new(&[Algorithm::HS256])).unwrap();
    /// assert_eq!(decoded.signature().len(), 32);
    /// ```
    pub fn signature(&self) -> &[u8] {
        &self.signature
    }

    /// Warnings raised while verifying, such as a key shorter than the
    /// algorithm's minimum (PyJWT's `InsecureKeyLengthWarning`).
    ///
    /// ```
    /// # use jwt_wasm::*;
    /// let key = Key::from_secret("secret").unwrap();
    /// # let token = encode(&serde_json::json!({}), &key, &EncodeOptions::default()).unwrap();
    /// let decoded = decode_complete(&token, &key, &Validation::new(&[Algorithm::HS256])).unwrap();
    /// assert_eq!(decoded.warnings().len(), 1);
    /// ```
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// The claims, by value.
    ///
    /// ```
    /// # use jwt_wasm::*;
    /// # let key = Key::from_secret("a-string-secret-at-least-256-bits-long").unwrap();
    /// # let token = encode(&serde_json::json!({"n": 1}), &key, &EncodeOptions::default()).unwrap();
    /// let claims = decode_complete(&token, &key, &Validation::new(&[Algorithm::HS256])).unwrap().into_claims();
    /// assert_eq!(claims["n"], 1);
    /// ```
    pub fn into_claims(self) -> Map<String, Value> {
        self.claims
    }
}

/// Verifies and validates `token`, returning its claims (PyJWT's `decode`).
///
/// ```
/// use jwt_wasm::{decode, encode, Algorithm, EncodeOptions, ErrorKind, Key, Validation};
/// let key = Key::from_secret("a-string-secret-at-least-256-bits-long").unwrap();
/// let token = encode(&serde_json::json!({"exp": 1000}), &key, &EncodeOptions::default()).unwrap();
/// let mut validation = Validation::new(&[Algorithm::HS256]);
/// validation.now = Some(999.0);
/// assert_eq!(decode(&token, &key, &validation).unwrap()["exp"], 1000);
/// validation.now = Some(1000.0);
/// assert_eq!(decode(&token, &key, &validation).unwrap_err().kind(), ErrorKind::ExpiredSignature);
/// ```
pub fn decode(token: &str, key: &dyn KeyResolver, validation: &Validation) -> Result<Map<String, Value>, Error> {
    decode_complete(token, key, validation).map(DecodedToken::into_claims)
}

/// Verifies and validates `token`, returning header, claims, payload text,
/// signature and warnings (PyJWT's `decode_complete`).
///
/// ```
/// use jwt_wasm::{decode_complete, encode, Algorithm, EncodeOptions, Key, Validation};
/// let key = Key::from_secret("a-string-secret-at-least-256-bits-long").unwrap();
/// let token = encode(&serde_json::json!({"sub": "me"}), &key, &EncodeOptions::default()).unwrap();
/// let decoded = decode_complete(&token, &key, &Validation::new(&[Algorithm::HS256])).unwrap();
/// assert_eq!(decoded.claims()["sub"], "me");
/// ```
pub fn decode_complete(token: &str, key: &dyn KeyResolver, validation: &Validation) -> Result<DecodedToken, Error> {
    decode_inner(token, validation, |parts| {
        jws::verify_parts(parts, key, &validation.algorithms, validation.enforce_minimum_key_length)
    })
}

/// Like [`decode_complete`] for an algorithm this crate does not implement:
/// after the `alg` allowlist check (which still applies, and still refuses
/// `none`), `verify` receives the header, the JWS Signing Input and the
/// signature, and says whether the signature is valid. Every other check is
/// the same as for [`decode_complete`].
///
/// ```
/// use jwt_wasm::{decode_complete_with, encode_with, EncodeOptions, Validation};
/// let token = encode_with(r#"{"a":1}"#, "XS1", &EncodeOptions::default(), |input| Ok(input[..4].to_vec())).unwrap();
/// let mut validation = Validation::default();
/// validation.algorithms = vec!["XS1".into()];
/// let decoded = decode_complete_with(&token, &validation, |_, input, sig| Ok(&input[..4] == sig)).unwrap();
/// assert_eq!(decoded.claims()["a"], 1);
/// ```
pub fn decode_complete_with(
    token: &str,
    validation: &Validation,
    verify: impl FnOnce(&Header, &[u8], &[u8]) -> Result<bool, Error>,
) -> Result<DecodedToken, Error> {
    if validation.verify_signature && validation.algorithms.is_empty() {
        return Err(algorithms_required());
    }
    decode_inner(token, validation, |parts| {
        jws::check_allowed(&parts.header, &validation.algorithms)?;
        if verify(&parts.header, &parts.signing_input, &parts.signature)? {
            Ok(None)
        } else {
            Err(err!(InvalidSignature, "Signature verification failed"))
        }
    })
}

fn algorithms_required() -> Error {
    err!(Decode, "It is required that you pass in a value for the \"algorithms\" argument when calling decode().")
}

/// The steps shared by every decode: parse, verify (when asked), read the
/// claims, validate them.
fn decode_inner(
    token: &str,
    validation: &Validation,
    verify: impl FnOnce(&jws::Parts) -> Result<Option<String>, Error>,
) -> Result<DecodedToken, Error> {
    validation.check_settings()?;
    let parts = jws::parse(token, validation.max_token_length, validation.detached_payload.as_deref())?;
    if !parts.header.b64() && validation.detached_payload.is_none() {
        return Err(err!(
            Decode,
            "It is required that you pass in a value for the \"detached_payload\" argument to decode a message having the b64 header set to false."
        ));
    }
    let mut warnings = Vec::new();
    if validation.verify_signature {
        warnings.extend(verify(&parts)?);
    }
    let claims = parse_claims(&parts.payload)?;
    claims::validate(&claims, &parts.header, validation)?;
    let payload = String::from_utf8(parts.payload).map_err(|_| err!(Decode, "Invalid payload string: the text is not valid UTF-8"))?;
    Ok(DecodedToken { header: parts.header, claims, payload, signature: parts.signature, warnings })
}

/// The payload as a claims object, with the strict JSON rules.
pub(crate) fn parse_claims(payload: &[u8]) -> Result<Map<String, Value>, Error> {
    json::parse_object(payload)
        .map(|members| members.into_iter().collect())
        .map_err(|reason| err!(Decode, "Invalid payload string: {}", reason))
}
