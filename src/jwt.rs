//! JSON Web Tokens (RFC 7519) with PyJWT's `encode`/`decode`/`decode_complete`.

use alloc::string::String;
use alloc::vec::Vec;

use serde_json::{Map, Value};

use crate::claims;
use crate::error::{Error, err};
use crate::header::Header;
use crate::json;
use crate::jws;
use crate::key::KeyResolver;
use crate::validation::Validation;

mod encode;
#[cfg(all(test, feature = "hmac"))]
#[allow(clippy::unwrap_used)] // tests may unwrap
mod tests;

pub use encode::{EncodeOptions, encode, encode_json, encode_with};
pub(crate) use encode::{build_header, prepare_payload};

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
pub fn decode(
    token: &str,
    key: &dyn KeyResolver,
    validation: &Validation,
) -> Result<Map<String, Value>, Error> {
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
pub fn decode_complete(
    token: &str,
    key: &dyn KeyResolver,
    validation: &Validation,
) -> Result<DecodedToken, Error> {
    decode_inner(token, validation, Claims::All, with_key(key, validation))
}

/// [`decode_complete`] for callers that use the payload text and not the
/// claims map (the JS binding): every check is the same, but
/// [`DecodedToken::claims`] is left empty, and the checks read each claim
/// from the payload's text only as they need it.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) fn decode_complete_lean(
    token: &str,
    key: &dyn KeyResolver,
    validation: &Validation,
) -> Result<DecodedToken, Error> {
    decode_inner(
        token,
        validation,
        Claims::FromText,
        with_key(key, validation),
    )
}

/// The signature step of [`decode_inner`] for a key (or JWK Set).
fn with_key<'a>(
    key: &'a dyn KeyResolver,
    validation: &'a Validation,
) -> impl FnOnce(&jws::Parts<'_>) -> Result<Option<String>, Error> + 'a {
    move |parts| {
        jws::verify_parts(
            parts,
            key,
            &validation.algorithms,
            validation.enforce_minimum_key_length,
        )
    }
}

/// Which claims [`decode_inner`] builds into the map.
#[derive(Clone, Copy)]
enum Claims {
    All,
    /// None: [`claims::validate`] reads the ones it checks from the text.
    FromText,
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
    decode_inner(token, validation, Claims::All, |parts| {
        jws::check_allowed(&parts.header, &validation.algorithms)?;
        if verify(&parts.header, &parts.signing_input, &parts.signature)? {
            Ok(None)
        } else {
            Err(err!(InvalidSignature, "Signature verification failed"))
        }
    })
}

fn algorithms_required() -> Error {
    err!(
        Decode,
        "It is required that you pass in a value for the \"algorithms\" argument when calling decode()."
    )
}

/// The steps shared by every decode: parse, verify (when asked), read the
/// claims, validate them.
fn decode_inner(
    token: &str,
    validation: &Validation,
    which: Claims,
    verify: impl FnOnce(&jws::Parts<'_>) -> Result<Option<String>, Error>,
) -> Result<DecodedToken, Error> {
    validation.check_settings()?;
    let parts = jws::parse(
        token,
        validation.max_token_length,
        validation.detached_payload.as_deref(),
    )?;
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
    let payload = json::into_text(parts.payload).map_err(invalid_payload)?;
    let claims = match which {
        Claims::All => {
            let claims = parse_claims(&payload)?;
            claims::validate(&claims, &parts.header, validation)?;
            claims
        }
        Claims::FromText => {
            let wanted = |name: &str| {
                claims::CHECKED.contains(&name) || validation.require.iter().any(|r| r == name)
            };
            match json::read_object(&payload, &wanted).map_err(invalid_payload)? {
                json::Object::Raw(raw) => claims::validate(&raw, &parts.header, validation)?,
                json::Object::Read(read) => claims::validate(&read, &parts.header, validation)?,
            }
            Map::new()
        }
    };
    Ok(DecodedToken {
        header: parts.header,
        claims,
        payload,
        signature: parts.signature,
        warnings,
    })
}

/// The payload as a claims object, with the strict JSON rules.
pub(crate) fn parse_claims(payload: &str) -> Result<Map<String, Value>, Error> {
    json::parse_object(payload)
        .map(|members| members.into_iter().collect())
        .map_err(invalid_payload)
}

/// PyJWT's error for a payload that is not a strict JSON object's text.
pub(crate) fn invalid_payload(reason: String) -> Error {
    err!(Decode, "Invalid payload string: {}", reason)
}
