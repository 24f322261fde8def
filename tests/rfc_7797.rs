//! RFC 7797 unencoded payloads (`b64: false`), from the RFC's §4 examples
//! (https://www.rfc-editor.org/rfc/rfc7797#section-4, typed in) and the
//! cookbook files in `../shared/vectors/jose-cookbook/rfc7797`.
#![cfg(feature = "hmac")] // needs HMAC keys
#![allow(clippy::unwrap_used)]

use jwt_wasm::{
    Algorithm, EncodeOptions, ErrorKind, Key, Validation, base64url, decode, decode_complete,
    encode_json, jws,
};
use serde_json::Value;

mod vectors;

/// RFC 7797 §4: the HMAC key.
const K: &str =
    "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow";

fn key() -> Key {
    Key::from_secret(base64url::decode(K).unwrap()).unwrap()
}

fn load(name: &str) -> Option<Value> {
    vectors::load(name, &format!("jose-cookbook/rfc7797/{name}"))
}

#[test]
fn section_4_1_b64_true() {
    let token = "eyJhbGciOiJIUzI1NiJ9.JC4wMg.5mvfOroL-g7HyqJoozehmsaqmvTYGEq5jTI1gVvoEoQ";
    let (_, payload) = jws::verify_compact(token, &key(), &[Algorithm::HS256]).unwrap();
    assert_eq!(payload, b"$.02");
}

#[test]
fn section_4_2_b64_false_detached() {
    let token = "eyJhbGciOiJIUzI1NiIsImI2NCI6ZmFsc2UsImNyaXQiOlsiYjY0Il19..A5dxf2s96_n5FLueVuW1Z_vh161FwXZC4YLPff6dmDY";
    let (header, payload) =
        jws::verify_compact_detached(token, b"$.02", &key(), &[Algorithm::HS256]).unwrap();
    assert!(!header.b64());
    assert_eq!(header.crit(), ["b64"]);
    assert_eq!(payload, b"$.02");
    // The raw bytes are signed: their base64url form does not verify.
    let err =
        jws::verify_compact_detached(token, b"JC4wMg", &key(), &[Algorithm::HS256]).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidSignature);
    // "$.02" is not a JSON object: as a JWT it fails on the payload, after the signature.
    let mut v = Validation::new(&[Algorithm::HS256]);
    v.detached_payload = Some(b"$.02".to_vec());
    let err = decode(token, &key(), &v).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Decode);
    assert!(
        err.message().starts_with("Invalid payload string: "),
        "{err:?}"
    );
    // Without the detached payload, PyJWT's error.
    let err = decode(token, &key(), &Validation::new(&[Algorithm::HS256])).unwrap_err();
    assert_eq!(
        err.message(),
        "It is required that you pass in a value for the \"detached_payload\" argument to decode a message having the b64 header set to false."
    );
}

#[test]
fn cookbook_b64_false_without_crit_is_refused() {
    // This cookbook file signs `{"alg":"HS256","b64":false}`, without the
    // `crit` that RFC 7797 §6 requires; the signature is right, the header is not.
    let Some(case) = load("4.2.hmac-sha2_b64_false.json") else {
        return;
    };
    let signing = &case["signing"];
    let header = signing["protected_b64u"].as_str().unwrap();
    let sig = signing["sig"].as_str().unwrap();
    let input = signing["sig-input"].as_str().unwrap();
    assert!(
        Algorithm::HS256
            .verify(input.as_bytes(), &key(), &base64url::decode(sig).unwrap())
            .unwrap()
    );
    let token = format!("{header}..{sig}");
    let payload = case["input"]["payload"].as_str().unwrap().as_bytes();
    let err =
        jws::verify_compact_detached(&token, payload, &key(), &[Algorithm::HS256]).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidToken);
    assert_eq!(
        err.message(),
        "The 'b64' header parameter is false but 'b64' is not listed in 'crit'"
    );
}

#[test]
fn cookbook_b64_false_compact_with_inline_payload() {
    // RFC 7797 §5.2: an unencoded payload without '.' may sit in the compact form.
    let Some(case) = load("hmac-sha2_b64_false.json") else {
        return;
    };
    let token = case["output"]["compact"].as_str().unwrap();
    let payload = case["input"]["payload"].as_str().unwrap();
    let (header, bytes) = jws::verify_compact(token, &key(), &[Algorithm::HS256]).unwrap();
    assert!(!header.b64());
    assert_eq!(bytes, payload.as_bytes());
    // JWT decoding follows PyJWT and wants the payload passed separately.
    let err = decode(token, &key(), &Validation::new(&[Algorithm::HS256])).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Decode);
    let mut v = Validation::new(&[Algorithm::HS256]);
    v.detached_payload = Some(payload.as_bytes().to_vec());
    let err = decode(token, &key(), &v).unwrap_err();
    assert_eq!(
        err.message(),
        "Invalid payload: a detached payload was given but the token carries one too"
    );
}

#[test]
fn detached_jwt_round_trip_with_the_rfc_key() {
    let options = EncodeOptions {
        detached_payload: true,
        ..Default::default()
    };
    let claims = r#"{"iss":"joe","data":"a.b.c"}"#;
    let token = encode_json(claims, &key(), &options).unwrap();
    let (head, sig) = token.split_once("..").unwrap();
    assert_eq!(
        String::from_utf8(base64url::decode(head).unwrap()).unwrap(),
        r#"{"alg":"HS256","b64":false,"crit":["b64"],"typ":"JWT"}"#
    );
    let expected = Algorithm::HS256
        .sign(format!("{head}.{claims}").as_bytes(), &key())
        .unwrap();
    assert_eq!(base64url::decode(sig).unwrap(), expected);
    let mut v = Validation::new(&[Algorithm::HS256]);
    v.detached_payload = Some(claims.as_bytes().to_vec());
    assert_eq!(
        decode_complete(&token, &key(), &v).unwrap().claims()["data"],
        "a.b.c"
    );
}
