//! Strict JSON for headers and claims (RFC 7515 §5.2, RFC 8725 §3.12): UTF-8
//! only, an object at the top, no duplicate names at any depth, bounded
//! nesting, nothing after the object.
#![cfg(feature = "hmac")] // needs HMAC keys
#![allow(clippy::unwrap_used)]

use jwt_wasm::{Algorithm, ErrorKind, Header, Key, Validation, base64url, dangerous, decode};

fn key() -> Key {
    Key::from_secret("a-string-secret-at-least-256-bits-long").unwrap()
}

/// A correctly HS256-signed token with raw header and payload bytes, so
/// that only the JSON rules can reject it.
fn token(header: &[u8], payload: &[u8]) -> String {
    let input = format!(
        "{}.{}",
        base64url::encode(header),
        base64url::encode(payload)
    );
    let sig = Algorithm::HS256.sign(input.as_bytes(), &key()).unwrap();
    format!("{input}.{}", base64url::encode(&sig))
}

const HEADER: &[u8] = br#"{"alg":"HS256","typ":"JWT"}"#;

fn payload_error(payload: &[u8]) -> String {
    let err = decode(
        &token(HEADER, payload),
        &key(),
        &Validation::new(&[Algorithm::HS256]),
    )
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Decode, "{err:?}");
    err.message().to_string()
}

fn header_error(header: &[u8]) -> String {
    let err = decode(
        &token(header, b"{}"),
        &key(),
        &Validation::new(&[Algorithm::HS256]),
    )
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Decode, "{err:?}");
    err.message().to_string()
}

#[test]
fn valid_json_passes() {
    let claims = decode(
        &token(
            HEADER,
            br#" {"a":[1,{"b":null}],"c":"\u00e9\ud83d\ude00"} "#,
        ),
        &key(),
        &Validation::new(&[Algorithm::HS256]),
    )
    .unwrap();
    assert_eq!(claims["c"], "é😀");
}

#[test]
fn duplicate_names_are_rejected_at_every_depth() {
    assert_eq!(
        header_error(br#"{"alg":"HS256","alg":"none"}"#),
        "Invalid header string: duplicate member \"alg\""
    );
    assert_eq!(
        payload_error(br#"{"sub":"a","sub":"b"}"#),
        "Invalid payload string: duplicate member \"sub\""
    );
    assert_eq!(
        payload_error(br#"{"x":{"y":1,"y":2}}"#),
        "Invalid payload string: duplicate member \"y\""
    );
    assert_eq!(
        payload_error(br#"{"x":[{"z":1},{"z":1,"z":1}]}"#),
        "Invalid payload string: duplicate member \"z\""
    );
    // Escapes that spell the same name are the same name.
    assert_eq!(
        payload_error(br#"{"sub":1,"s\u0075b":2}"#),
        "Invalid payload string: duplicate member \"sub\""
    );
}

#[test]
fn non_objects_are_rejected() {
    for text in [&b"[]"[..], b"\"x\"", b"1", b"true", b"null", b"[{}]"] {
        assert_eq!(
            payload_error(text),
            "Invalid payload string: must be a json object",
            "{text:?}"
        );
        assert_eq!(
            header_error(text),
            "Invalid header string: must be a json object",
            "{text:?}"
        );
    }
}

#[test]
fn nesting_is_bounded_without_overflowing_the_stack() {
    // 64 levels (the top-level object is level 1) are fine, 65 are not.
    let ok = format!("{{\"a\":{}1{}}}", "[".repeat(63), "]".repeat(63));
    assert!(
        decode(
            &token(HEADER, ok.as_bytes()),
            &key(),
            &Validation::new(&[Algorithm::HS256])
        )
        .is_ok()
    );
    let deep = format!("{{\"a\":{}1{}}}", "[".repeat(64), "]".repeat(64));
    assert_eq!(
        payload_error(deep.as_bytes()),
        "Invalid payload string: nesting is deeper than 64 levels"
    );
    let hostile = format!("{{\"a\":{}", "[".repeat(100_000));
    let mut validation = Validation::new(&[Algorithm::HS256]);
    validation.max_token_length = 1 << 20;
    let err = decode(&token(HEADER, hostile.as_bytes()), &key(), &validation).unwrap_err();
    assert_eq!(
        err.message(),
        "Invalid payload string: nesting is deeper than 64 levels"
    );
    let objects = format!("{}{}", "{\"a\":".repeat(100_000), "}".repeat(100_000));
    let err = decode(&token(HEADER, objects.as_bytes()), &key(), &validation).unwrap_err();
    assert_eq!(
        err.message(),
        "Invalid payload string: nesting is deeper than 64 levels"
    );
}

#[test]
fn trailing_bytes_are_rejected() {
    let msg = payload_error(br#"{"a":1}x"#);
    assert!(
        msg.starts_with("Invalid payload string: trailing characters"),
        "{msg}"
    );
    let msg = payload_error(br#"{"a":1}{}"#);
    assert!(
        msg.starts_with("Invalid payload string: trailing characters"),
        "{msg}"
    );
    // Whitespace around the value is JSON, not garbage.
    assert!(
        decode(
            &token(HEADER, b"\n{\"a\":1}\t "),
            &key(),
            &Validation::new(&[Algorithm::HS256])
        )
        .is_ok()
    );
}

#[test]
fn encodings_other_than_utf8_are_rejected() {
    assert_eq!(
        payload_error(b"\xEF\xBB\xBF{}"),
        "Invalid payload string: a byte order mark is not allowed"
    );
    assert_eq!(
        header_error(b"\xEF\xBB\xBF{\"alg\":\"HS256\"}"),
        "Invalid header string: a byte order mark is not allowed"
    );
    // UTF-16LE and UTF-16BE "{}" (with and without BOM).
    for utf16 in [
        &b"{\0}\0"[..],
        b"\0{\0}",
        b"\xFF\xFE{\0}\0",
        b"\xFE\xFF\0{\0}",
    ] {
        let msg = payload_error(utf16);
        assert!(msg.starts_with("Invalid payload string: "), "{msg}");
    }
    assert_eq!(
        payload_error(b"{\"a\":\"\xC3\x28\"}"),
        "Invalid payload string: the text is not valid UTF-8"
    );
    assert_eq!(
        payload_error(b"{\"a\":\"\xED\xA0\x80\"}"),
        "Invalid payload string: the text is not valid UTF-8"
    );
}

#[test]
fn lone_surrogate_escapes_are_rejected() {
    for text in [
        &br#"{"a":"\ud800"}"#[..],
        br#"{"a":"\udc00"}"#,
        br#"{"a":"\ud800x"}"#,
        br#"{"\udfff":1}"#,
    ] {
        let msg = payload_error(text);
        assert!(
            msg.starts_with("Invalid payload string: ")
                && (msg.contains("surrogate") || msg.contains("hex escape")),
            "{msg}"
        );
    }
}

#[test]
fn syntax_errors_carry_a_reason() {
    for text in [
        &b""[..],
        b"{",
        b"{'a':1}",
        b"{\"a\":01}",
        b"{\"a\":1,}",
        b"{\"a\":NaN}",
        b"{\"a\":1e999}",
    ] {
        let msg = payload_error(text);
        assert!(
            msg.len() > "Invalid payload string: ".len()
                && msg.starts_with("Invalid payload string: "),
            "{msg}"
        );
    }
}

#[test]
fn unverified_reading_is_just_as_strict() {
    let dup = token(HEADER, br#"{"a":1,"a":2}"#);
    let err = dangerous::get_unverified_claims(&dup).unwrap_err();
    assert_eq!(
        err.message(),
        "Invalid payload string: duplicate member \"a\""
    );
    let dup = token(br#"{"alg":"HS256","kid":"a","kid":"b"}"#, b"{}");
    let err = dangerous::get_unverified_header(&dup).unwrap_err();
    assert_eq!(
        err.message(),
        "Invalid header string: duplicate member \"kid\""
    );
    let err = Header::from_json("{} x").unwrap_err();
    assert!(
        err.message()
            .starts_with("Invalid header string: trailing characters"),
        "{err:?}"
    );
}
