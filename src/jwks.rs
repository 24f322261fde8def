//! JWK Sets (RFC 7517 §5) with PyJWKSet's import rules and key selection by
//! `kid`, algorithm, key family, `use` and `key_ops`.

use alloc::string::String;
use alloc::vec::Vec;
use core::str::FromStr;

use serde_json::Value;

use crate::algorithm::{Algorithm, Family};
use crate::error::{Error, err};
use crate::key::{Key, KeyResolver};

/// A set of keys, usually a provider's published JWKS.
///
/// Keys that cannot be imported (unknown `kty`, unsupported curve, bad
/// encoding…) are skipped, as PyJWKSet does; a set left with no usable key is
/// an error. Stricter than PyJWKSet, following Wycheproof's keyset tests:
/// a set may not mix HMAC secrets with asymmetric keys, and a `kid` shared by
/// two entries of the same `kty` (usable or not) is ambiguous (RFC 7517 §4.5).
///
/// ```
/// use jwt_wasm::{Algorithm, JwkSet};
/// let set: JwkSet = r#"{"keys": [
///     {"kty": "oct", "kid": "a", "k": "c2VjcmV0LWE"},
///     {"kty": "oct", "kid": "b", "k": "c2VjcmV0LWI"},
///     {"kty": "unknown"}
/// ]}"#.parse()?;
/// assert_eq!(set.keys().len(), 2);
/// assert_eq!(set.select(Some("b"), Algorithm::HS256)?.kid(), Some("b"));
/// # Ok::<(), jwt_wasm::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct JwkSet {
    keys: Vec<Key>,
    /// `(kid, kty)` of every entry that had both, including skipped ones.
    names: Vec<(String, String)>,
}

impl JwkSet {
    /// A set of already-built keys.
    ///
    /// ```
    /// use jwt_wasm::{Algorithm, JwkSet, Key};
    /// let set = JwkSet::new(vec![Key::generate(Algorithm::EdDSA)?.with_kid("ed")])?;
    /// assert!(set.get("ed").is_ok());
    /// let mixed = vec![Key::from_secret("s")?, Key::generate(Algorithm::ES256)?];
    /// assert!(JwkSet::new(mixed).is_err());
    /// # Ok::<(), jwt_wasm::Error>(())
    /// ```
    pub fn new(keys: Vec<Key>) -> Result<Self, Error> {
        let names = keys
            .iter()
            .filter_map(|key| Some((String::from(key.kid()?), String::from(kty(key)))))
            .collect();
        Self::checked(keys, names)
    }

    /// Refuses sets that mix HMAC secrets with asymmetric keys: a verifier
    /// holds either shared secrets or public keys, and a mixed set is how
    /// algorithm-confusion attacks start (RFC 8725 §2.1; Wycheproof JWK tcId 1).
    fn checked(keys: Vec<Key>, names: Vec<(String, String)>) -> Result<Self, Error> {
        let secrets = keys
            .iter()
            .filter(|key| key.family() == Family::Hmac)
            .count();
        if secrets != 0 && secrets != keys.len() {
            return Err(err!(
                JwkSet,
                "The JWK Set mixes HMAC secrets with asymmetric keys"
            ));
        }
        Ok(Self { keys, names })
    }

    /// A set from a parsed JWKS document `{"keys": [...]}`.
    ///
    /// ```
    /// use jwt_wasm::{ErrorKind, JwkSet};
    /// let err = JwkSet::from_value(&serde_json::json!({"keys": []})).unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::JwkSet);
    /// ```
    pub fn from_value(value: &Value) -> Result<Self, Error> {
        let keys = value
            .as_object()
            .ok_or_else(|| err!(JwkSet, "Invalid JWK Set value"))?
            .get("keys")
            .ok_or_else(|| err!(JwkSet, "The JWK Set did not contain any keys"))?
            .as_array()
            .ok_or_else(|| err!(JwkSet, "Invalid JWK Set value"))?;
        if keys.is_empty() {
            return Err(err!(JwkSet, "The JWK Set did not contain any keys"));
        }
        let names = keys
            .iter()
            .filter_map(|jwk| {
                let name = |member| jwk.get(member).and_then(Value::as_str).map(String::from);
                Some((name("kid")?, name("kty")?))
            })
            .collect();
        let keys: Vec<Key> = keys
            .iter()
            .filter_map(|jwk| Key::from_jwk(jwk).ok())
            .collect();
        if keys.is_empty() {
            return Err(err!(JwkSet, "The JWK Set did not contain any usable keys"));
        }
        Self::checked(keys, names)
    }

    /// A set from JWKS JSON text (also available through [`str::parse`]).
    ///
    /// ```
    /// use jwt_wasm::JwkSet;
    /// let set = JwkSet::from_str(r#"{"keys":[{"kty":"oct","k":"c2VjcmV0"}]}"#)?;
    /// assert_eq!(set.keys().len(), 1);
    /// # Ok::<(), jwt_wasm::Error>(())
    /// ```
    #[allow(clippy::should_implement_trait)] // FromStr is implemented too
    pub fn from_str(json: &str) -> Result<Self, Error> {
        let value: Value = serde_json::from_str(json)
            .map_err(|_| err!(JwkSet, "The JWK Set is not valid JSON"))?;
        Self::from_value(&value)
    }

    /// The usable keys, in document order.
    ///
    /// ```
    /// # use jwt_wasm::JwkSet;
    /// let set = JwkSet::from_str(r#"{"keys":[{"kty":"oct","k":"c2VjcmV0","kid":"x"}]}"#)?;
    /// assert_eq!(set.keys()[0].kid(), Some("x"));
    /// # Ok::<(), jwt_wasm::Error>(())
    /// ```
    pub fn keys(&self) -> &[Key] {
        &self.keys
    }

    /// The set as a JWKS document, `{"keys": [...]}`, each key as
    /// [`Key::to_jwk`] writes it (so private keys keep their private members:
    /// publish `JwkSet::new` of [`Key::public_key`]s).
    ///
    /// ```
    /// use jwt_wasm::{Algorithm, JwkSet, Key};
    /// let key = Key::generate(Algorithm::ES256)?.with_kid("k1");
    /// let published = JwkSet::new(vec![key.public_key()?])?.to_value();
    /// assert_eq!(published["keys"][0]["kid"], "k1");
    /// assert!(published["keys"][0].get("d").is_none());
    /// assert_eq!(JwkSet::from_value(&published)?.keys().len(), 1);
    /// # Ok::<(), jwt_wasm::Error>(())
    /// ```
    pub fn to_value(&self) -> Value {
        let keys: Vec<Value> = self
            .keys
            .iter()
            .map(|key| Value::Object(key.to_jwk()))
            .collect();
        let mut doc = serde_json::Map::new();
        doc.insert("keys".into(), Value::Array(keys));
        Value::Object(doc)
    }

    /// The first key with this `kid`, or `JwkSetNoMatchingKey`.
    ///
    /// ```
    /// # use jwt_wasm::{ErrorKind, JwkSet};
    /// let set = JwkSet::from_str(r#"{"keys":[{"kty":"oct","k":"c2VjcmV0","kid":"x"}]}"#)?;
    /// assert!(set.get("x").is_ok());
    /// assert_eq!(set.get("y").unwrap_err().kind(), ErrorKind::JwkSetNoMatchingKey);
    /// # Ok::<(), jwt_wasm::Error>(())
    /// ```
    pub fn get(&self, kid: &str) -> Result<&Key, Error> {
        self.keys
            .iter()
            .find(|key| key.kid() == Some(kid))
            .ok_or_else(|| no_match(Some(kid), None))
    }

    /// The one key that can verify a token with header `kid` and `alg`.
    ///
    /// A key qualifies when its `kid` equals `kid` (if given), its bound
    /// algorithm (if any) is `alg`, its family and curve fit `alg`, its `use`
    /// is absent or `sig`, and its `key_ops` are absent or include `verify`.
    /// No key is `JwkSetNoMatchingKey`; several are `JwkSetMultipleMatchingKeys`
    /// (the token must then name its key with `kid`), and so is a `kid` that
    /// another entry of the same `kty` also uses, even an unusable one.
    ///
    /// ```
    /// use jwt_wasm::{Algorithm, ErrorKind, JwkSet};
    /// let set = JwkSet::from_str(r#"{"keys":[
    ///     {"kty":"oct","k":"c2VjcmV0LWE","kid":"a"},
    ///     {"kty":"oct","k":"c2VjcmV0LWI","kid":"b"}]}"#)?;
    /// let err = set.select(None, Algorithm::HS256).unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::JwkSetMultipleMatchingKeys);
    /// let err = set.select(Some("c"), Algorithm::HS256).unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::JwkSetNoMatchingKey);
    /// # Ok::<(), jwt_wasm::Error>(())
    /// ```
    pub fn select(&self, kid: Option<&str>, alg: Algorithm) -> Result<&Key, Error> {
        let mut matches = self.keys.iter().filter(|key| fits(key, kid, alg));
        let first = matches.next().ok_or_else(|| no_match(kid, Some(alg)))?;
        let shared = |kid: &str| {
            let kty = kty(first);
            self.names
                .iter()
                .filter(|(k, t)| k == kid && t == kty)
                .count()
                > 1
        };
        if matches.next().is_some() || kid.is_some_and(shared) {
            return Err(match kid {
                Some(kid) => err!(
                    JwkSetMultipleMatchingKeys,
                    "Multiple signing keys in the JWK Set match: \"{}\"",
                    kid
                ),
                None => err!(
                    JwkSetMultipleMatchingKeys,
                    "Multiple signing keys in the JWK Set match alg \"{}\" and the token has \
                     no kid",
                    alg
                ),
            });
        }
        Ok(first)
    }
}

/// The JWK `kty` of a key's family.
fn kty(key: &Key) -> &'static str {
    match key.family() {
        Family::Hmac => "oct",
        Family::Rsa => "RSA",
        Family::Ec(_) => "EC",
        Family::Ed25519 => "OKP",
        Family::None => "",
    }
}

/// Whether `key` may verify a token with `kid` and `alg`.
fn fits(key: &Key, kid: Option<&str>, alg: Algorithm) -> bool {
    kid.is_none_or(|kid| key.kid() == Some(kid))
        && key.alg().is_none_or(|bound| bound == alg)
        && key.check_family(alg).is_ok()
        && key.key_use().is_none_or(|key_use| key_use == "sig")
        && key
            .key_ops()
            .is_none_or(|ops| ops.iter().any(|op| op == "verify"))
}

fn no_match(kid: Option<&str>, alg: Option<Algorithm>) -> Error {
    match (kid, alg) {
        (Some(kid), _) => {
            err!(
                JwkSetNoMatchingKey,
                "Unable to find a signing key that matches: \"{}\"",
                kid
            )
        }
        (None, Some(alg)) => {
            err!(
                JwkSetNoMatchingKey,
                "Unable to find a signing key that matches alg: \"{}\"",
                alg
            )
        }
        (None, None) => err!(JwkSetNoMatchingKey, "Unable to find a signing key"),
    }
}

impl FromStr for JwkSet {
    type Err = Error;

    fn from_str(json: &str) -> Result<Self, Error> {
        Self::from_str(json)
    }
}

impl KeyResolver for JwkSet {
    fn resolve(&self, kid: Option<&str>, alg: Algorithm) -> Result<&Key, Error> {
        self.select(kid, alg)
    }
}
