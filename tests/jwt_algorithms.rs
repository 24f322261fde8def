//! The `alg` policy (RFC 8725 §3.1, §3.2) with PyJWT's messages, key checks,
//! short-key warnings, and custom algorithms.
#![cfg(feature = "hmac")] // needs HMAC keys
#![allow(clippy::unwrap_used)]

use jwt_wasm::{
    Algorithm, EncodeOptions, Error, ErrorKind, Header, Key, KeyResolver, Validation, base64url,
    dangerous, decode, decode_complete, decode_complete_with, encode, encode_with,
};

const SECRET: &str = "a-string-secret-at-least-256-bits-long";

fn key() -> Key {
    Key::from_secret(SECRET).unwrap()
}

fn token_with(header: &str, payload: &str) -> String {
    let input = format!(
        "{}.{}",
        base64url::encode(header.as_bytes()),
        base64url::encode(payload.as_bytes())
    );
    let sig = Algorithm::HS256.sign(input.as_bytes(), &key()).unwrap();
    format!("{input}.{}", base64url::encode(&sig))
}

fn hs256_token() -> String {
    encode(
        &serde_json::json!({"sub": "me"}),
        &key(),
        &EncodeOptions::default(),
    )
    .unwrap()
}

fn check(err: Error, kind: ErrorKind, message: &str) {
    assert_eq!((err.kind(), err.message()), (kind, message));
}

const REQUIRED: &str = "It is required that you pass in a value for the \"algorithms\" argument when calling decode().";
const NOT_ALLOWED: &str = "The specified alg value is not allowed";

#[test]
fn algorithms_are_required_when_verifying() {
    check(
        decode(&hs256_token(), &key(), &Validation::default()).unwrap_err(),
        ErrorKind::Decode,
        REQUIRED,
    );
    let custom = decode_complete_with(&hs256_token(), &Validation::default(), |_, _, _| Ok(true));
    check(custom.unwrap_err(), ErrorKind::Decode, REQUIRED);
    // Not when the signature is not verified.
    assert_eq!(
        decode(&hs256_token(), &key(), &Validation::without_signature()).unwrap()["sub"],
        "me"
    );
}

#[test]
fn header_without_alg() {
    let token = token_with(r#"{"typ":"JWT"}"#, "{}");
    check(
        decode(&token, &key(), &Validation::new(&[Algorithm::HS256])).unwrap_err(),
        ErrorKind::InvalidAlgorithm,
        "Algorithm not specified",
    );
}

#[test]
fn alg_outside_the_allowlist() {
    let v = Validation::new(&[Algorithm::HS384, Algorithm::HS512]);
    check(
        decode(&hs256_token(), &key(), &v).unwrap_err(),
        ErrorKind::InvalidAlgorithm,
        NOT_ALLOWED,
    );
    for alg in [
        "\"\"",
        "null",
        "256",
        "[\"HS256\"]",
        "\"hs256\"",
        "\"HS256 \"",
    ] {
        let token = token_with(&format!(r#"{{"alg":{alg}}}"#), "{}");
        check(
            decode(&token, &key(), &Validation::new(&[Algorithm::HS256])).unwrap_err(),
            ErrorKind::InvalidAlgorithm,
            NOT_ALLOWED,
        );
    }
}

#[test]
fn none_never_verifies_even_when_listed() {
    for alg in ["none", "None", "NONE", "nOnE"] {
        let token = format!(
            "{}.{}.",
            base64url::encode(format!(r#"{{"alg":"{alg}"}}"#).as_bytes()),
            base64url::encode(b"{}")
        );
        let v = Validation {
            algorithms: vec![alg.into(), "none".into(), "HS256".into()],
            ..Validation::default()
        };
        check(
            decode(&token, &key(), &v).unwrap_err(),
            ErrorKind::InvalidAlgorithm,
            NOT_ALLOWED,
        );
        check(
            decode_complete_with(&token, &v, |_, _, _| Ok(true)).unwrap_err(),
            ErrorKind::InvalidAlgorithm,
            NOT_ALLOWED,
        );
        // Without an allowlist, too.
        check(
            decode(&token, &key(), &Validation::default()).unwrap_err(),
            ErrorKind::Decode,
            REQUIRED,
        );
        // Reading it unverified is allowed, explicitly.
        assert!(decode(&token, &key(), &Validation::without_signature()).is_ok());
        assert_eq!(
            dangerous::get_unverified_header(&token).unwrap().alg(),
            Some(alg)
        );
    }
}

#[test]
fn unknown_alg_that_is_allowed_is_not_supported() {
    let token = token_with(r#"{"alg":"XS999"}"#, "{}");
    let v = Validation {
        algorithms: vec!["XS999".into()],
        ..Validation::default()
    };
    check(
        decode(&token, &key(), &v).unwrap_err(),
        ErrorKind::InvalidAlgorithm,
        "Algorithm not supported",
    );
}

#[test]
fn bad_signature() {
    let token = hs256_token();
    let other = Key::from_secret("another-secret-that-is-32-bytes-long!!").unwrap();
    check(
        decode(&token, &other, &Validation::new(&[Algorithm::HS256])).unwrap_err(),
        ErrorKind::InvalidSignature,
        "Signature verification failed",
    );
    // Truncated and empty tags never verify.
    let (rest, sig) = token.rsplit_once('.').unwrap();
    for bad in [format!("{rest}."), format!("{rest}.{}", &sig[..20])] {
        check(
            decode(&bad, &key(), &Validation::new(&[Algorithm::HS256])).unwrap_err(),
            ErrorKind::InvalidSignature,
            "Signature verification failed",
        );
    }
}

/// An HMAC key used for `alg`: a key error, or, in a build without `alg`'s
/// family feature, "Algorithm not supported".
fn expected_for(alg: Algorithm) -> ErrorKind {
    if alg.is_supported() {
        ErrorKind::InvalidKey
    } else {
        ErrorKind::InvalidAlgorithm
    }
}

#[test]
fn a_key_never_verifies_another_family() {
    // An HMAC key with an RS256/ES256/EdDSA token: refused before any crypto.
    for alg in [
        Algorithm::RS256,
        Algorithm::PS256,
        Algorithm::ES256,
        Algorithm::EdDSA,
    ] {
        let token = token_with(&format!(r#"{{"alg":"{}"}}"#, alg.name()), "{}");
        let err = decode(&token, &key(), &Validation::new(&[alg])).unwrap_err();
        assert_eq!(err.kind(), expected_for(alg), "{alg}");
    }
    // HS256 and HS512 are the same family, so an HS512 token verifies with
    // this key when allowed (the key is not bound to one algorithm).
    let hs512 = encode(
        &serde_json::json!({}),
        &key(),
        &EncodeOptions {
            algorithm: Algorithm::HS512,
            ..Default::default()
        },
    )
    .unwrap();
    assert!(decode(&hs512, &key(), &Validation::new(&[Algorithm::HS512])).is_ok());
}

#[test]
fn es521_alias_passes_an_es512_allowlist() {
    let token = token_with(r#"{"alg":"ES521"}"#, "{}");
    // Past the allowlist, the HMAC key is refused for P-521.
    let err = decode(&token, &key(), &Validation::new(&[Algorithm::ES512])).unwrap_err();
    assert_eq!(err.kind(), expected_for(Algorithm::ES512));
    check(
        decode(&token, &key(), &Validation::new(&[Algorithm::ES256])).unwrap_err(),
        ErrorKind::InvalidAlgorithm,
        NOT_ALLOWED,
    );
}

#[test]
fn short_keys_warn_or_fail() {
    let short = Key::from_secret("secret").unwrap();
    let token = encode(&serde_json::json!({}), &short, &EncodeOptions::default()).unwrap();
    let decoded = decode_complete(&token, &short, &Validation::new(&[Algorithm::HS256])).unwrap();
    assert_eq!(decoded.warnings().len(), 1);
    let warning = decoded.warnings()[0].clone();
    assert!(
        warning.contains("HMAC") && warning.contains("HS256"),
        "{warning}"
    );
    let mut strict = Validation::new(&[Algorithm::HS256]);
    strict.enforce_minimum_key_length = true;
    check(
        decode(&token, &short, &strict).unwrap_err(),
        ErrorKind::InvalidKey,
        &warning,
    );
    let enforce = EncodeOptions {
        enforce_minimum_key_length: true,
        ..Default::default()
    };
    check(
        encode(&serde_json::json!({}), &short, &enforce).unwrap_err(),
        ErrorKind::InvalidKey,
        &warning,
    );
    // 32 bytes is enough for HS256 but not for HS512.
    let k32 = Key::from_secret([7u8; 32]).unwrap();
    assert!(encode(&serde_json::json!({}), &k32, &enforce).is_ok());
    let hs512 = EncodeOptions {
        algorithm: Algorithm::HS512,
        ..enforce
    };
    assert_eq!(
        encode(&serde_json::json!({}), &k32, &hs512)
            .unwrap_err()
            .kind(),
        ErrorKind::InvalidKey
    );
    let long = decode_complete(
        &hs256_token(),
        &key(),
        &Validation::new(&[Algorithm::HS256]),
    )
    .unwrap();
    assert!(long.warnings().is_empty());
}

/// A resolver that records what the decoder asked for.
struct Recording {
    key: Key,
    seen: core::cell::RefCell<Vec<(Option<String>, Algorithm)>>,
}

impl KeyResolver for Recording {
    fn resolve(&self, kid: Option<&str>, alg: Algorithm) -> Result<&Key, Error> {
        self.seen.borrow_mut().push((kid.map(String::from), alg));
        if kid == Some("unknown") {
            return Err(Error::new(
                ErrorKind::JwkSetNoMatchingKey,
                "Unable to find a signing key that matches: \"unknown\"",
            ));
        }
        Ok(&self.key)
    }
}

#[test]
fn resolver_gets_kid_and_alg_and_its_errors_propagate() {
    let resolver = Recording {
        key: key(),
        seen: Default::default(),
    };
    let options = EncodeOptions {
        headers: vec![("kid".into(), "k1".into())],
        ..Default::default()
    };
    let token = encode(&serde_json::json!({}), &key(), &options).unwrap();
    assert!(decode(&token, &resolver, &Validation::new(&[Algorithm::HS256])).is_ok());
    assert_eq!(
        resolver.seen.borrow().as_slice(),
        [(Some("k1".to_string()), Algorithm::HS256)]
    );
    let options = EncodeOptions {
        headers: vec![("kid".into(), "unknown".into())],
        ..Default::default()
    };
    let token = encode(&serde_json::json!({}), &key(), &options).unwrap();
    let err = decode(&token, &resolver, &Validation::new(&[Algorithm::HS256])).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::JwkSetNoMatchingKey);
}

#[test]
fn custom_algorithms_share_every_other_rule() {
    let sign = |input: &[u8]| Ok(input.iter().rev().take(8).copied().collect::<Vec<u8>>());
    let token = encode_with(r#"{"exp":100}"#, "XS8", &EncodeOptions::default(), sign).unwrap();
    let header = dangerous::get_unverified_header(&token).unwrap();
    assert_eq!(header.alg(), Some("XS8"));
    let verify = |_: &Header, input: &[u8], sig: &[u8]| {
        Ok(input.iter().rev().take(8).copied().collect::<Vec<u8>>() == sig)
    };
    let mut v = Validation {
        algorithms: vec!["XS8".into()],
        now: Some(50.0),
        ..Validation::default()
    };
    assert_eq!(
        decode_complete_with(&token, &v, verify).unwrap().claims()["exp"],
        100
    );
    v.now = Some(100.0);
    check(
        decode_complete_with(&token, &v, verify).unwrap_err(),
        ErrorKind::ExpiredSignature,
        "Signature has expired",
    );
    v.now = Some(50.0);
    check(
        decode_complete_with(&token, &v, |_, _, _| Ok(false)).unwrap_err(),
        ErrorKind::InvalidSignature,
        "Signature verification failed",
    );
    let failing =
        |_: &Header, _: &[u8], _: &[u8]| Err(Error::new(ErrorKind::InvalidKey, "callback failed"));
    check(
        decode_complete_with(&token, &v, failing).unwrap_err(),
        ErrorKind::InvalidKey,
        "callback failed",
    );
    v.algorithms = vec!["XS9".into()];
    check(
        decode_complete_with(&token, &v, verify).unwrap_err(),
        ErrorKind::InvalidAlgorithm,
        NOT_ALLOWED,
    );
    // "none" cannot be used as a custom algorithm name either.
    for name in ["none", "NONE", ""] {
        check(
            encode_with("{}", name, &EncodeOptions::default(), sign).unwrap_err(),
            ErrorKind::InvalidAlgorithm,
            "Algorithm not supported",
        );
    }
}

#[test]
fn unverified_decoding_skips_the_signature_and_the_allowlist() {
    let token = hs256_token();
    let (rest, _) = token.rsplit_once('.').unwrap();
    let tampered = format!("{rest}.AAAA");
    let v = Validation::without_signature();
    assert_eq!(decode(&tampered, &key(), &v).unwrap()["sub"], "me");
    let decoded =
        decode_complete_with(&tampered, &v, |_, _, _| panic!("must not be called")).unwrap();
    assert_eq!(decoded.signature(), [0, 0, 0]);
}
