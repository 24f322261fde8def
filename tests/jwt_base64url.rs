//! Canonical base64url (RFC 7515 §2, RFC 4648 §5): every non-canonical form
//! is refused, by `base64url::decode` and in each token segment.
#![cfg(feature = "hmac")] // needs HMAC keys
#![allow(clippy::unwrap_used)]

use jwt_wasm::{Algorithm, ErrorKind, Key, Validation, base64url, decode};

#[test]
fn round_trips_every_length_and_byte() {
    let data: Vec<u8> = (0..=255u8).rev().collect();
    for n in 0..=data.len() {
        let slice = &data[..n];
        let text = base64url::encode(slice);
        assert!(!text.contains(['=', '+', '/']), "{text}");
        assert_eq!(base64url::decode(&text).unwrap(), slice, "length {n}");
    }
}

#[test]
fn rfc4648_test_vectors_without_padding() {
    // RFC 4648 §10, with the padding removed as RFC 7515 §2 requires.
    let vectors = [
        ("", ""),
        ("f", "Zg"),
        ("fo", "Zm8"),
        ("foo", "Zm9v"),
        ("foob", "Zm9vYg"),
        ("fooba", "Zm9vYmE"),
        ("foobar", "Zm9vYmFy"),
    ];
    for (plain, encoded) in vectors {
        assert_eq!(base64url::encode(plain.as_bytes()), encoded);
        assert_eq!(base64url::decode(encoded).unwrap(), plain.as_bytes());
    }
}

#[test]
fn url_alphabet_is_used() {
    assert_eq!(base64url::encode(&[0xfb, 0xef, 0xff]), "--__");
    assert_eq!(base64url::decode("--__").unwrap(), [0xfb, 0xef, 0xff]);
}

fn reason(text: &str) -> String {
    let err = base64url::decode(text).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Decode, "{text:?}");
    err.message().to_string()
}

#[test]
fn every_bad_form_is_rejected_with_its_reason() {
    assert_eq!(reason("Zg=="), "padding ('=') is not allowed");
    assert_eq!(reason("Zm8="), "padding ('=') is not allowed");
    assert_eq!(reason("Zm9v="), "padding ('=') is not allowed");
    assert_eq!(reason("++__"), "'+' and '/' are not base64url characters");
    assert_eq!(reason("//__"), "'+' and '/' are not base64url characters");
    for ws in ["Zm9v Yg", " Zm9v", "Zm9v\n", "Zm\t9v", "Zm9v\r\n"] {
        assert_eq!(reason(ws), "whitespace is not allowed", "{ws:?}");
    }
    for other in ["Zm9v.", "Zm9v!", "Zm9vé", "Zm9v\0", "Zm9v?"] {
        assert_eq!(
            reason(other),
            "a character outside the base64url alphabet was found",
            "{other:?}"
        );
    }
    for len1 in ["Z", "Zm9vY", "Zm9vYmFyZ"] {
        assert_eq!(
            reason(len1),
            "the length is impossible for base64url",
            "{len1:?}"
        );
    }
    // Non-zero unused bits: "Zh" and "Zg" both decode to "f" leniently.
    for lax in ["Zh", "Zm9", "Zm9vYh", "Zm9vYmF", "-_9", "AB"] {
        assert_eq!(
            reason(lax),
            "the last character has non-zero unused bits",
            "{lax:?}"
        );
    }
}

#[test]
fn each_token_segment_is_strict() {
    let key = Key::from_secret("a-string-secret-at-least-256-bits-long").unwrap();
    let token = jwt_wasm::encode(&serde_json::json!({"a": 1}), &key, &Default::default()).unwrap();
    let [h, p, s]: [&str; 3] = token.split('.').collect::<Vec<_>>().try_into().unwrap();
    let validation = Validation::new(&[Algorithm::HS256]);
    assert!(decode(&token, &key, &validation).is_ok());
    let cases = [
        (
            format!("{h}=.{p}.{s}"),
            "Invalid header padding: the header segment is not valid base64url (padding ('=') is not allowed)",
        ),
        (
            format!("{h}.{p}=.{s}"),
            "Invalid payload padding: the payload segment is not valid base64url (padding ('=') is not allowed)",
        ),
        (
            format!("{h}.{p}.{s}="),
            "Invalid crypto padding: the signature segment is not valid base64url (padding ('=') is not allowed)",
        ),
        (
            format!("{h}.{p} .{s}"),
            "Invalid payload padding: the payload segment is not valid base64url (whitespace is not allowed)",
        ),
        (
            format!("{h}.{p}.{}", s.replace('-', "+").replace('_', "/")),
            "Invalid crypto padding: the signature segment is not valid base64url ('+' and '/' are not base64url characters)",
        ),
    ];
    for (bad, message) in &cases {
        if bad == &token {
            continue; // the replacement found nothing to replace
        }
        let err = decode(bad, &key, &validation).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Decode, "{bad}");
        assert_eq!(err.message(), *message, "{bad}");
    }
}

#[test]
fn signature_with_trailing_bits_is_not_an_alias() {
    // A 32-byte HMAC tag is 43 characters whose last one carries 2 unused
    // bits; flipping them gives a second spelling that a lax decoder accepts.
    let key = Key::from_secret("a-string-secret-at-least-256-bits-long").unwrap();
    let token = jwt_wasm::encode(&serde_json::json!({"a": 1}), &key, &Default::default()).unwrap();
    let (rest, sig) = token.rsplit_once('.').unwrap();
    let alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let last = sig.chars().last().unwrap();
    let index = alphabet.find(last).unwrap();
    let alias = alphabet.chars().nth(index ^ 1).unwrap();
    let forged = format!("{rest}.{}{alias}", &sig[..sig.len() - 1]);
    let err = decode(&forged, &key, &Validation::new(&[Algorithm::HS256])).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Decode);
    assert_eq!(
        err.message(),
        "Invalid crypto padding: the signature segment is not valid base64url (the last character has non-zero unused bits)"
    );
}
