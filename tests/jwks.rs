//! JWK Sets: PyJWKSet import rules and key selection (RFC 7517 §5), with
//! distinct errors for no matching key and several matching keys.
// These tests use keys of every family: they need the default features.
#![cfg(all(
    feature = "hmac",
    feature = "rsa",
    feature = "ecdsa",
    feature = "eddsa"
))]
#![allow(clippy::unwrap_used)] // tests may unwrap

use jwt_wasm::{Algorithm, ErrorKind, JwkSet, Key, KeyResolver};
use serde_json::{Value, json};

fn oct(kid: &str, extra: Value) -> Value {
    let mut jwk =
        json!({"kty": "oct", "kid": kid, "k": "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTMyYg"});
    for (name, value) in extra.as_object().unwrap() {
        jwk[name] = value.clone();
    }
    jwk
}

fn set(keys: Vec<Value>) -> JwkSet {
    JwkSet::from_value(&json!({ "keys": keys })).unwrap()
}

fn select_err(set: &JwkSet, kid: Option<&str>, alg: Algorithm) -> ErrorKind {
    set.select(kid, alg).unwrap_err().kind()
}

#[test]
fn malformed_sets_are_jwk_set_errors() {
    for doc in [
        json!([]),
        json!({}),
        json!({"keys": {}}),
        json!({"keys": []}),
        json!("x"),
    ] {
        assert_eq!(
            JwkSet::from_value(&doc).unwrap_err().kind(),
            ErrorKind::JwkSet,
            "{doc}"
        );
    }
    assert_eq!(JwkSet::from_str("{").unwrap_err().kind(), ErrorKind::JwkSet);
}

#[test]
fn unusable_keys_are_skipped_and_an_all_unusable_set_is_an_error() {
    let doc = json!({"keys": [
        {"kty": "oct", "k": ""},
        {"kty": "EC", "crv": "P-256", "x": "AA", "y": "AA"},
        {"kty": "OKP", "crv": "Ed448", "x": "AA"},
        {"kty": "oct", "k": "c2VjcmV0", "alg": "A256GCM"},
        {"kid": "no-kty"},
        oct("good", json!({})),
    ]});
    let set = JwkSet::from_value(&doc).unwrap();
    assert_eq!(set.keys().len(), 1);
    assert_eq!(set.keys()[0].kid(), Some("good"));
    let bad = json!({"keys": [{"kty": "oct", "k": ""}, {"kty": "nope"}]});
    let err = JwkSet::from_value(&bad).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::JwkSet);
    assert!(
        err.message()
            .starts_with("The JWK Set did not contain any usable keys"),
        "{err}"
    );
}

#[test]
fn from_str_and_parse_agree() {
    let text = json!({"keys": [oct("a", json!({}))]}).to_string();
    let parsed: JwkSet = text.parse().unwrap();
    assert_eq!(
        parsed.keys().len(),
        JwkSet::from_str(&text).unwrap().keys().len()
    );
}

#[test]
fn select_by_kid() {
    let set = set(vec![oct("a", json!({})), oct("b", json!({}))]);
    assert_eq!(
        set.select(Some("b"), Algorithm::HS256).unwrap().kid(),
        Some("b")
    );
    assert_eq!(set.get("a").unwrap().kid(), Some("a"));
    let err = set.select(Some("c"), Algorithm::HS256).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::JwkSetNoMatchingKey);
    assert_eq!(
        err.message(),
        "Unable to find a signing key that matches: \"c\""
    );
    assert_eq!(
        set.get("c").unwrap_err().kind(),
        ErrorKind::JwkSetNoMatchingKey
    );
}

#[test]
fn without_a_kid_one_candidate_is_chosen_and_several_are_ambiguous() {
    let ec = Key::generate(Algorithm::ES256)
        .unwrap()
        .public_key()
        .unwrap()
        .to_jwk();
    let ed = Key::generate(Algorithm::EdDSA)
        .unwrap()
        .with_kid("ed")
        .to_jwk();
    let one = set(vec![ed.into(), ec.clone().into()]);
    assert_eq!(
        one.select(None, Algorithm::EdDSA).unwrap().kid(),
        Some("ed")
    );
    assert!(one.select(None, Algorithm::ES256).is_ok());
    let two = set(vec![oct("a", json!({})), oct("b", json!({}))]);
    assert_eq!(
        select_err(&two, None, Algorithm::HS256),
        ErrorKind::JwkSetMultipleMatchingKeys
    );
    assert_eq!(
        select_err(&two, None, Algorithm::ES256),
        ErrorKind::JwkSetNoMatchingKey
    );
}

/// Wycheproof JWK tcId 4's idea: two usable keys with one kid are ambiguous.
#[test]
fn duplicate_kids_are_ambiguous() {
    let set = set(vec![
        oct("dup", json!({})),
        oct("dup", json!({"k": "b3RoZXItc2VjcmV0"})),
    ]);
    let err = set.select(Some("dup"), Algorithm::HS256).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::JwkSetMultipleMatchingKeys);
    assert_eq!(
        err.message(),
        "Multiple signing keys in the JWK Set match: \"dup\""
    );
}

/// Wycheproof JWK tcId 4: the second entry is unusable (its `k` has non-zero
/// trailing bits) but still shares the kid, so the kid is ambiguous.
#[test]
fn a_kid_shared_with_an_unusable_entry_of_the_same_kty_is_ambiguous() {
    let bad = oct("dup", json!({"k": "c2VjcmV0cx"}));
    let set = set(vec![
        oct("dup", json!({})),
        bad.clone(),
        oct("other", json!({})),
    ]);
    assert_eq!(set.keys().len(), 2);
    let err = set.select(Some("dup"), Algorithm::HS256).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::JwkSetMultipleMatchingKeys);
    assert!(set.select(Some("other"), Algorithm::HS256).is_ok());
    // RFC 7517 §4.5: keys of different kty may share a kid.
    let ec = Key::generate(Algorithm::ES256)
        .unwrap()
        .with_kid("same")
        .public_key()
        .unwrap();
    let ed = Key::generate(Algorithm::EdDSA)
        .unwrap()
        .with_kid("same")
        .public_key()
        .unwrap();
    let set = JwkSet::new(vec![ec, ed]).unwrap();
    assert!(set.select(Some("same"), Algorithm::ES256).is_ok());
    assert!(set.select(Some("same"), Algorithm::EdDSA).is_ok());
}

/// Wycheproof JWK tcId 1 (`MixedKeySet`): secrets and public keys in one set.
#[test]
fn sets_mixing_secrets_and_asymmetric_keys_are_refused() {
    let ec = Key::generate(Algorithm::ES256)
        .unwrap()
        .public_key()
        .unwrap();
    let doc = json!({"keys": [oct("h", json!({})), Value::Object(ec.to_jwk())]});
    let err = JwkSet::from_value(&doc).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::JwkSet);
    assert_eq!(
        err.message(),
        "The JWK Set mixes HMAC secrets with asymmetric keys"
    );
    let secret = Key::from_secret("secret").unwrap();
    assert_eq!(
        JwkSet::new(vec![secret, ec]).unwrap_err().kind(),
        ErrorKind::JwkSet
    );
    // An unusable secret is skipped first, so it does not make the set mixed.
    let doc = json!({"keys": [{"kty": "oct", "k": ""}, Value::Object(Key::generate(Algorithm::ES256).unwrap().to_jwk())]});
    assert_eq!(JwkSet::from_value(&doc).unwrap().keys().len(), 1);
}

#[test]
fn select_by_bound_alg_and_family() {
    let set = set(vec![
        Key::generate(Algorithm::ES384)
            .unwrap()
            .with_kid("h")
            .to_jwk()
            .into(),
        Key::generate(Algorithm::ES384)
            .unwrap()
            .with_kid("e")
            .public_key()
            .unwrap()
            .to_jwk()
            .into(),
    ]);
    assert_eq!(
        set.select(Some("h"), Algorithm::ES384).unwrap().kid(),
        Some("h")
    );
    // "h" is bound to ES384 by its JWK alg; "e" (exported from a public key
    // whose alg was kept) too: neither for ES256.
    assert_eq!(
        select_err(&set, Some("h"), Algorithm::ES256),
        ErrorKind::JwkSetNoMatchingKey
    );
    let hmac = self::set(vec![oct("h", json!({"alg": "HS384"}))]);
    assert!(hmac.select(Some("h"), Algorithm::HS384).is_ok());
    assert_eq!(
        select_err(&hmac, Some("h"), Algorithm::HS256),
        ErrorKind::JwkSetNoMatchingKey
    );
    assert_eq!(
        select_err(&hmac, None, Algorithm::RS256),
        ErrorKind::JwkSetNoMatchingKey
    );
    // A P-384 key only for ES384, never ES256 or an HMAC algorithm.
    assert_eq!(
        select_err(&set, Some("e"), Algorithm::ES256),
        ErrorKind::JwkSetNoMatchingKey
    );
    assert_eq!(
        select_err(&set, Some("e"), Algorithm::HS384),
        ErrorKind::JwkSetNoMatchingKey
    );
    assert_eq!(
        select_err(&set, None, Algorithm::ES384),
        ErrorKind::JwkSetMultipleMatchingKeys
    );
}

#[test]
fn select_by_use_and_key_ops() {
    let set = set(vec![
        oct("enc", json!({"use": "enc"})),
        oct("sig", json!({"use": "sig"})),
        oct("sign-only", json!({"key_ops": ["sign"]})),
        oct("verify", json!({"key_ops": ["sign", "verify"]})),
    ]);
    assert_eq!(
        select_err(&set, Some("enc"), Algorithm::HS256),
        ErrorKind::JwkSetNoMatchingKey
    );
    assert_eq!(
        select_err(&set, Some("sign-only"), Algorithm::HS256),
        ErrorKind::JwkSetNoMatchingKey
    );
    assert!(set.select(Some("sig"), Algorithm::HS256).is_ok());
    assert!(set.select(Some("verify"), Algorithm::HS256).is_ok());
    assert_eq!(
        select_err(&set, None, Algorithm::HS256),
        ErrorKind::JwkSetMultipleMatchingKeys
    );
}

#[test]
fn resolver_delegates_to_select() {
    let set = set(vec![oct("a", json!({})), oct("b", json!({}))]);
    let resolver: &dyn KeyResolver = &set;
    assert_eq!(
        resolver.resolve(Some("a"), Algorithm::HS256).unwrap().kid(),
        Some("a")
    );
    let err = resolver.resolve(None, Algorithm::HS256).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::JwkSetMultipleMatchingKeys);
}

#[test]
fn rfc7517_appendix_a_style_public_set() {
    // A provider-style set: RSA and EC public keys with kids (RFC 7517 §A.1's shape).
    let rsa = Key::from_jwk(&json!({"kty": "RSA", "kid": "2011-04-29", "use": "sig", "e": "AQAB",
        "n": "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw"}))
    .unwrap();
    let ec = Key::generate(Algorithm::ES256)
        .unwrap()
        .with_kid("1")
        .public_key()
        .unwrap();
    let set = JwkSet::new(vec![rsa, ec]).unwrap();
    assert_eq!(
        set.select(None, Algorithm::PS256).unwrap().kid(),
        Some("2011-04-29")
    );
    assert_eq!(
        set.select(Some("1"), Algorithm::ES256).unwrap().kid(),
        Some("1")
    );
    assert_eq!(
        select_err(&set, Some("1"), Algorithm::RS256),
        ErrorKind::JwkSetNoMatchingKey
    );
}

#[test]
fn to_value_round_trips_every_family() {
    let secrets = vec![Key::generate(Algorithm::HS384).unwrap().with_kid("h")];
    let doc = JwkSet::new(secrets.clone()).unwrap().to_value();
    assert_eq!(
        JwkSet::from_value(&doc).unwrap().keys()[0].to_jwk(),
        secrets[0].to_jwk()
    );
    let keys = vec![
        Key::generate(Algorithm::RS256).unwrap().with_kid("r"),
        Key::generate(Algorithm::ES256K)
            .unwrap()
            .with_kid("k")
            .public_key()
            .unwrap(),
        Key::generate(Algorithm::EdDSA).unwrap().with_kid("e"),
    ];
    let doc = JwkSet::new(keys.clone()).unwrap().to_value();
    let again = JwkSet::from_value(&doc).unwrap();
    assert_eq!(again.keys().len(), 3);
    for (a, b) in keys.iter().zip(again.keys()) {
        assert_eq!(a.to_jwk(), b.to_jwk());
    }
}
