//! Header rules: `kid` type, `crit` (RFC 7515 §4.1.11), `b64` (RFC 7797 §6),
//! and header-embedded keys being ignored (RFC 8725 §3.10).
#![cfg(feature = "hmac")] // needs HMAC keys
#![allow(clippy::unwrap_used)]

use jwt_wasm::{Algorithm, ErrorKind, Header, Key, Validation, base64url, dangerous, decode};

fn key() -> Key {
    Key::from_secret("a-string-secret-at-least-256-bits-long").unwrap()
}

fn token_with(header: &str, payload: &str, key: &Key) -> String {
    let input = format!(
        "{}.{}",
        base64url::encode(header.as_bytes()),
        base64url::encode(payload.as_bytes())
    );
    let sig = Algorithm::HS256.sign(input.as_bytes(), key).unwrap();
    format!("{input}.{}", base64url::encode(&sig))
}

fn header_err(header: &str) -> jwt_wasm::Error {
    let token = token_with(header, "{}", &key());
    let err = decode(&token, &key(), &Validation::new(&[Algorithm::HS256])).unwrap_err();
    // The unverified reader applies the same header checks.
    assert_eq!(dangerous::get_unverified_header(&token).unwrap_err(), err);
    assert_eq!(Header::from_json(header).unwrap_err(), err);
    err
}

fn assert_invalid(header: &str, message: &str) {
    let err = header_err(header);
    assert_eq!(err.kind(), ErrorKind::InvalidToken, "{header}");
    assert_eq!(err.message(), message, "{header}");
}

#[test]
fn kid_must_be_a_string() {
    for kid in ["1", "null", "true", "[\"a\"]", "{}"] {
        assert_invalid(
            &format!(r#"{{"alg":"HS256","kid":{kid}}}"#),
            "Key ID header parameter must be a string",
        );
    }
    let token = token_with(r#"{"alg":"HS256","kid":"k"}"#, "{}", &key());
    assert!(decode(&token, &key(), &Validation::new(&[Algorithm::HS256])).is_ok());
}

#[test]
fn crit_must_be_a_non_empty_list_of_strings() {
    for crit in ["[]", "\"b64\"", "null", "{}", "1"] {
        assert_invalid(
            &format!(r#"{{"alg":"HS256","crit":{crit}}}"#),
            "Invalid 'crit' header: must be a non-empty list",
        );
    }
    for crit in ["[1]", "[\"b64\",null]", "[[\"b64\"]]"] {
        assert_invalid(
            &format!(r#"{{"alg":"HS256","b64":true,"crit":{crit}}}"#),
            "Invalid 'crit' header: values must be strings",
        );
    }
}

#[test]
fn crit_names_must_be_understood_and_present() {
    assert_invalid(
        r#"{"alg":"HS256","exp":1,"crit":["exp"]}"#,
        "Unsupported critical extension: exp",
    );
    assert_invalid(
        r#"{"alg":"HS256","crit":["http://example.com/x"]}"#,
        "Unsupported critical extension: http://example.com/x",
    );
    // RFC 7515 §4.1.11: names defined by the JWS spec itself must not be listed.
    assert_invalid(
        r#"{"alg":"HS256","crit":["alg"]}"#,
        "Unsupported critical extension: alg",
    );
    assert_invalid(
        r#"{"alg":"HS256","crit":["b64"]}"#,
        "Critical extension 'b64' is missing from headers",
    );
    // b64 listed and present with true is fine (the payload is then base64url as usual).
    let token = token_with(r#"{"alg":"HS256","b64":true,"crit":["b64"]}"#, "{}", &key());
    assert!(decode(&token, &key(), &Validation::new(&[Algorithm::HS256])).is_ok());
}

#[test]
fn b64_must_be_a_boolean_and_false_must_be_critical() {
    for b64 in ["\"false\"", "0", "null"] {
        assert_invalid(
            &format!(r#"{{"alg":"HS256","b64":{b64},"crit":["b64"]}}"#),
            "The 'b64' header parameter must be a boolean",
        );
    }
    assert_invalid(
        r#"{"alg":"HS256","b64":false}"#,
        "The 'b64' header parameter is false but 'b64' is not listed in 'crit'",
    );
}

#[test]
fn b64_false_needs_a_detached_payload_to_decode() {
    let token = token_with(
        r#"{"alg":"HS256","b64":false,"crit":["b64"]}"#,
        "{}",
        &key(),
    );
    let err = decode(&token, &key(), &Validation::new(&[Algorithm::HS256])).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Decode);
    assert_eq!(
        err.message(),
        "It is required that you pass in a value for the \"detached_payload\" argument to decode a message having the b64 header set to false."
    );
}

/// An attacker signs with their own key and embeds it in the header. The
/// embedded key must never be used: verification uses only the caller's key.
#[test]
fn embedded_keys_are_never_used_rfc8725_section_3_10() {
    let attacker_secret = "attacker-controlled-secret-0123456789abcdef";
    let attacker = Key::from_secret(attacker_secret).unwrap();
    let k = base64url::encode(attacker_secret.as_bytes());
    let headers = [
        format!(r#"{{"alg":"HS256","jwk":{{"kty":"oct","k":"{k}"}}}}"#),
        r#"{"alg":"HS256","jku":"https://attacker.example/jwks.json"}"#.to_string(),
        r#"{"alg":"HS256","x5u":"https://attacker.example/cert.pem"}"#.to_string(),
        r#"{"alg":"HS256","x5c":["MIIBszCCAVmgAwIBAgIUQ"]}"#.to_string(),
        format!(r#"{{"alg":"HS256","jwk":{{"kty":"oct","k":"{k}"}},"kid":"victim"}}"#),
    ];
    for header in headers {
        let forged = token_with(&header, r#"{"sub":"admin"}"#, &attacker);
        // The attacker's token verifies with the attacker's key, so it is well-formed...
        assert!(decode(&forged, &attacker, &Validation::new(&[Algorithm::HS256])).is_ok());
        // ...but never with the victim's.
        let err = decode(&forged, &key(), &Validation::new(&[Algorithm::HS256])).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidSignature, "{header}");
        assert_eq!(err.message(), "Signature verification failed");
    }
}

#[test]
fn header_accessors() {
    let header = Header::from_json(
        r#"{"typ":"at+jwt","alg":"ES256","kid":"k","cty":"JWT","b64":false,"crit":["b64"],"x":1}"#,
    )
    .unwrap();
    assert_eq!(header.typ(), Some("at+jwt"));
    assert_eq!(header.alg(), Some("ES256"));
    assert_eq!(header.kid(), Some("k"));
    assert_eq!(header.cty(), Some("JWT"));
    assert_eq!(header.crit(), ["b64"]);
    assert!(!header.b64());
    assert_eq!(header.get("x"), Some(&serde_json::json!(1)));
    assert_eq!(header.len(), 7);
    assert_eq!(header.as_map().len(), 7);
    // Order is kept on output.
    assert_eq!(
        header.to_json(),
        r#"{"typ":"at+jwt","alg":"ES256","kid":"k","cty":"JWT","b64":false,"crit":["b64"],"x":1}"#
    );
}
