//! Token shape: the size cap comes first, then exactly three segments.
#![cfg(feature = "hmac")] // needs HMAC keys
#![allow(clippy::unwrap_used)]

use jwt_wasm::{
    Algorithm, DEFAULT_MAX_TOKEN_LENGTH, EncodeOptions, ErrorKind, Key, Validation, dangerous,
    decode, encode,
};

fn key() -> Key {
    Key::from_secret("a-string-secret-at-least-256-bits-long").unwrap()
}

fn decode_err(token: &str, validation: &Validation) -> jwt_wasm::Error {
    decode(token, &key(), validation).unwrap_err()
}

#[test]
fn default_cap_is_256_kib() {
    assert_eq!(DEFAULT_MAX_TOKEN_LENGTH, 262_144);
    assert_eq!(Validation::default().max_token_length, 262_144);
}

#[test]
fn size_cap_is_checked_before_anything_else() {
    let validation = Validation::new(&[Algorithm::HS256]);
    // Garbage with no dots at all: the size error wins over "Not enough segments".
    let huge = "x".repeat(DEFAULT_MAX_TOKEN_LENGTH + 1);
    let err = decode_err(&huge, &validation);
    assert_eq!(err.kind(), ErrorKind::Decode);
    assert_eq!(
        err.message(),
        "Token is too large (262145 bytes; the limit is 262144)"
    );
    let err = dangerous::get_unverified_header(&huge).unwrap_err();
    assert_eq!(
        err.message(),
        "Token is too large (262145 bytes; the limit is 262144)"
    );
}

#[test]
fn size_cap_is_configurable_and_inclusive() {
    let token = encode(
        &serde_json::json!({"a": 1}),
        &key(),
        &EncodeOptions::default(),
    )
    .unwrap();
    let mut validation = Validation::new(&[Algorithm::HS256]);
    validation.max_token_length = token.len();
    assert!(decode(&token, &key(), &validation).is_ok());
    validation.max_token_length = token.len() - 1;
    let err = decode_err(&token, &validation);
    assert_eq!(
        err.message(),
        format!(
            "Token is too large ({} bytes; the limit is {})",
            token.len(),
            token.len() - 1
        )
    );
    // A larger cap admits a large token.
    let big = encode(
        &serde_json::json!({"blob": "y".repeat(300_000)}),
        &key(),
        &EncodeOptions::default(),
    )
    .unwrap();
    assert_eq!(
        decode_err(&big, &Validation::new(&[Algorithm::HS256])).kind(),
        ErrorKind::Decode
    );
    validation.max_token_length = 1 << 20;
    assert!(decode(&big, &key(), &validation).is_ok());
}

#[test]
fn fewer_than_three_segments() {
    let validation = Validation::new(&[Algorithm::HS256]);
    for token in [
        "",
        "abc",
        "eyJhbGciOiJIUzI1NiJ9",
        "eyJhbGciOiJIUzI1NiJ9.e30",
    ] {
        let err = decode_err(token, &validation);
        assert_eq!(err.kind(), ErrorKind::Decode, "{token:?}");
        assert_eq!(err.message(), "Not enough segments", "{token:?}");
        assert_eq!(
            dangerous::get_unverified_header(token)
                .unwrap_err()
                .message(),
            "Not enough segments"
        );
    }
}

#[test]
fn more_than_three_segments() {
    let token = encode(&serde_json::json!({}), &key(), &EncodeOptions::default()).unwrap();
    let validation = Validation::new(&[Algorithm::HS256]);
    // JWE has five segments; a JWS with a fourth one is malformed.
    for bad in [
        format!("{token}."),
        format!("{token}.x"),
        format!("a.{token}"),
        "a.b.c.d.e".to_string(),
    ] {
        let err = decode_err(&bad, &validation);
        assert_eq!(err.kind(), ErrorKind::Decode, "{bad}");
        assert_eq!(err.message(), "Invalid token: too many segments", "{bad}");
    }
}

#[test]
fn json_serialization_is_not_a_compact_token() {
    let json = r#"{"payload":"e30","protected":"eyJhbGciOiJIUzI1NiJ9","signature":"x"}"#;
    let err = decode_err(json, &Validation::new(&[Algorithm::HS256]));
    assert_eq!(err.message(), "Not enough segments");
}
