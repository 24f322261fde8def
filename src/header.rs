//! The JOSE header (RFC 7515 §4): an ordered JSON object, with the checks
//! every header must pass before anything in it is trusted.

use alloc::string::String;
use alloc::vec::Vec;

use serde_json::{Map, Value};

use crate::error::{Error, err};
use crate::json;

/// Header parameters whose meaning this crate implements and may therefore
/// appear in `crit` (RFC 7515 §4.1.11). Only RFC 7797's `b64` qualifies.
const KNOWN_CRITICAL: &[&str] = &["b64"];

/// A JOSE header: its parameters in order, as they appear in the token (or
/// will appear, when encoding).
///
/// Keys named in embedded `jwk`, `jku`, `x5u` or `x5c` parameters are never
/// used to verify anything (RFC 8725 §3.10); they are just data here.
///
/// ```
/// use jwt_wasm::Header;
/// let header = Header::from_json(r#"{"alg":"HS256","typ":"JWT","kid":"k1"}"#).unwrap();
/// assert_eq!(header.alg(), Some("HS256"));
/// assert_eq!(header.kid(), Some("k1"));
/// assert_eq!(header.to_json(), r#"{"alg":"HS256","typ":"JWT","kid":"k1"}"#);
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Header {
    params: Vec<(String, Value)>,
}

impl Header {
    /// An empty header.
    ///
    /// ```
    /// assert!(jwt_wasm::Header::new().is_empty());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Parses a header from JSON text with the same strict rules as a token's
    /// header: a JSON object without duplicate names, within the nesting limit,
    /// whose `kid`, `crit` and `b64` parameters are well-formed.
    ///
    /// ```
    /// use jwt_wasm::{ErrorKind, Header};
    /// let err = Header::from_json(r#"{"alg":"HS256","alg":"none"}"#).unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::Decode);
    /// assert_eq!(err.message(), "Invalid header string: duplicate member \"alg\"");
    /// ```
    pub fn from_json(text: &str) -> Result<Self, Error> {
        let header = Self::parse(text.as_bytes())?;
        header.validate()?;
        Ok(header)
    }

    /// Parses header bytes without the parameter checks of [`Self::validate`].
    pub(crate) fn parse(bytes: &[u8]) -> Result<Self, Error> {
        json::utf8(bytes)
            .and_then(json::parse_object)
            .map(|params| Self { params })
            .map_err(|reason| err!(Decode, "Invalid header string: {}", reason))
    }

    /// The value of parameter `name`.
    ///
    /// ```
    /// let header = jwt_wasm::Header::from_json(r#"{"alg":"HS256","x":[1]}"#).unwrap();
    /// assert_eq!(header.get("x"), Some(&serde_json::json!([1])));
    /// assert_eq!(header.get("y"), None);
    /// ```
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.params.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    fn get_str(&self, name: &str) -> Option<&str> {
        self.get(name).and_then(Value::as_str)
    }

    /// The `alg` parameter, when it is a string.
    ///
    /// ```
    /// let header = jwt_wasm::Header::from_json(r#"{"alg":"ES256"}"#).unwrap();
    /// assert_eq!(header.alg(), Some("ES256"));
    /// ```
    pub fn alg(&self) -> Option<&str> {
        self.get_str("alg")
    }

    /// The `typ` parameter, when it is a string.
    ///
    /// ```
    /// let header = jwt_wasm::Header::from_json(r#"{"typ":"at+jwt"}"#).unwrap();
    /// assert_eq!(header.typ(), Some("at+jwt"));
    /// ```
    pub fn typ(&self) -> Option<&str> {
        self.get_str("typ")
    }

    /// The `kid` parameter (always a string once the header is validated).
    ///
    /// ```
    /// let header = jwt_wasm::Header::from_json(r#"{"kid":"2024-01"}"#).unwrap();
    /// assert_eq!(header.kid(), Some("2024-01"));
    /// ```
    pub fn kid(&self) -> Option<&str> {
        self.get_str("kid")
    }

    /// The `cty` parameter, when it is a string.
    ///
    /// ```
    /// let header = jwt_wasm::Header::from_json(r#"{"cty":"JWT"}"#).unwrap();
    /// assert_eq!(header.cty(), Some("JWT"));
    /// ```
    pub fn cty(&self) -> Option<&str> {
        self.get_str("cty")
    }

    /// The names listed in `crit` (empty when there is no `crit`).
    ///
    /// ```
    /// let header =
    ///     jwt_wasm::Header::from_json(r#"{"alg":"HS256","b64":false,"crit":["b64"]}"#).unwrap();
    /// assert_eq!(header.crit(), vec!["b64"]);
    /// ```
    pub fn crit(&self) -> Vec<&str> {
        match self.get("crit") {
            Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        }
    }

    /// False only when the header says `"b64": false` (RFC 7797 §3): the
    /// payload is then signed and carried as raw bytes, not base64url.
    ///
    /// ```
    /// let header = jwt_wasm::Header::from_json(r#"{"alg":"HS256"}"#).unwrap();
    /// assert!(header.b64());
    /// ```
    pub fn b64(&self) -> bool {
        self.get("b64") != Some(&Value::Bool(false))
    }

    /// Sets parameter `name`, replacing an existing value in place or
    /// appending a new parameter at the end.
    ///
    /// ```
    /// let mut header = jwt_wasm::Header::new();
    /// header.insert("alg", "HS256".into());
    /// header.insert("kid", "a".into());
    /// header.insert("alg", "HS384".into());
    /// assert_eq!(header.to_json(), r#"{"alg":"HS384","kid":"a"}"#);
    /// ```
    pub fn insert(&mut self, name: impl Into<String>, value: Value) {
        let name = name.into();
        match self.params.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = value,
            None => self.params.push((name, value)),
        }
    }

    /// Removes parameter `name`, returning its value.
    ///
    /// ```
    /// let mut header = jwt_wasm::Header::from_json(r#"{"alg":"HS256","typ":"JWT"}"#).unwrap();
    /// assert_eq!(header.remove("typ"), Some("JWT".into()));
    /// assert_eq!(header.to_json(), r#"{"alg":"HS256"}"#);
    /// ```
    pub fn remove(&mut self, name: &str) -> Option<Value> {
        let index = self.params.iter().position(|(n, _)| n == name)?;
        Some(self.params.remove(index).1)
    }

    /// The parameters in order.
    ///
    /// ```
    /// let header = jwt_wasm::Header::from_json(r#"{"typ":"JWT","alg":"HS256"}"#).unwrap();
    /// let names: Vec<&str> = header.iter().map(|(name, _)| name).collect();
    /// assert_eq!(names, ["typ", "alg"]);
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.params.iter().map(|(n, v)| (n.as_str(), v))
    }

    /// The number of parameters.
    ///
    /// ```
    /// assert_eq!(jwt_wasm::Header::from_json(r#"{"alg":"HS256"}"#).unwrap().len(), 1);
    /// ```
    pub fn len(&self) -> usize {
        self.params.len()
    }

    /// True when there are no parameters.
    ///
    /// ```
    /// assert!(jwt_wasm::Header::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.params.is_empty()
    }

    /// A copy of the parameters as a JSON map (sorted by name).
    ///
    /// ```
    /// let header = jwt_wasm::Header::from_json(r#"{"alg":"HS256"}"#).unwrap();
    /// assert_eq!(header.as_map()["alg"], "HS256");
    /// ```
    pub fn as_map(&self) -> Map<String, Value> {
        self.params.iter().cloned().collect()
    }

    /// Compact JSON text of the header, parameters in their current order.
    ///
    /// ```
    /// let header = jwt_wasm::Header::from_json(r#"{ "alg" : "HS256" }"#).unwrap();
    /// assert_eq!(header.to_json(), r#"{"alg":"HS256"}"#);
    /// ```
    pub fn to_json(&self) -> String {
        json::write_object(&self.params)
    }

    /// Sorts the parameters by name (what PyJWT's `sort_headers` does).
    pub(crate) fn sort(&mut self) {
        self.params.sort_by(|a, b| a.0.cmp(&b.0));
    }

    /// The checks every header passes before it is used, on decode and on
    /// encode: `kid` is a string (PyJWT), `crit` is well-formed and names only
    /// extensions we implement and that are present (RFC 7515 §4.1.11), and
    /// `b64` is a boolean that, when false, is listed in `crit` (RFC 7797 §6).
    pub(crate) fn validate(&self) -> Result<(), Error> {
        if let Some(kid) = self.get("kid") {
            if !kid.is_string() {
                return Err(err!(
                    InvalidToken,
                    "Key ID header parameter must be a string"
                ));
            }
        }
        if let Some(crit) = self.get("crit") {
            self.validate_crit(crit)?;
        }
        match self.get("b64") {
            None | Some(Value::Bool(true)) => {}
            Some(Value::Bool(false)) => {
                if !self.crit().contains(&"b64") {
                    return Err(err!(
                        InvalidToken,
                        "The 'b64' header parameter is false but 'b64' is not listed in 'crit'"
                    ));
                }
            }
            Some(_) => {
                return Err(err!(
                    InvalidToken,
                    "The 'b64' header parameter must be a boolean"
                ));
            }
        }
        Ok(())
    }

    fn validate_crit(&self, crit: &Value) -> Result<(), Error> {
        let names = match crit {
            Value::Array(items) if !items.is_empty() => items,
            _ => {
                return Err(err!(
                    InvalidToken,
                    "Invalid 'crit' header: must be a non-empty list"
                ));
            }
        };
        let mut listed = Vec::with_capacity(names.len());
        for name in names {
            match name.as_str() {
                Some(name) => listed.push(name),
                None => {
                    return Err(err!(
                        InvalidToken,
                        "Invalid 'crit' header: values must be strings"
                    ));
                }
            }
        }
        for name in listed {
            if !KNOWN_CRITICAL.contains(&name) {
                return Err(err!(
                    InvalidToken,
                    "Unsupported critical extension: {}",
                    name
                ));
            }
            if self.get(name).is_none() {
                return Err(err!(
                    InvalidToken,
                    "Critical extension '{}' is missing from headers",
                    name
                ));
            }
        }
        Ok(())
    }
}
