//! Encoding with PyJWT's header rules, NumericDate rounding, detached
//! payloads, and round trips through decode.
#![cfg(feature = "hmac")] // needs HMAC keys
#![allow(clippy::unwrap_used)]

use jwt_wasm::{
    Algorithm, EncodeOptions, ErrorKind, Key, Validation, base64url, dangerous, decode,
    decode_complete, encode, encode_json,
};
use serde_json::{Value, json};

fn key() -> Key {
    Key::from_secret("a-string-secret-at-least-256-bits-long-and-then-some-more-bytes!!").unwrap()
}

fn header_json(token: &str) -> String {
    String::from_utf8(base64url::decode(token.split('.').next().unwrap()).unwrap()).unwrap()
}

fn payload_json(token: &str) -> String {
    String::from_utf8(base64url::decode(token.split('.').nth(1).unwrap()).unwrap()).unwrap()
}

fn with_headers(headers: Vec<(&str, Value)>) -> EncodeOptions {
    EncodeOptions {
        headers: headers
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
        ..Default::default()
    }
}

#[test]
fn default_header_is_typ_jwt_and_alg_sorted() {
    let token = encode(&json!({"a": 1}), &key(), &EncodeOptions::default()).unwrap();
    assert_eq!(header_json(&token), r#"{"alg":"HS256","typ":"JWT"}"#);
    let unsorted = EncodeOptions {
        sort_headers: false,
        ..Default::default()
    };
    let token = encode(&json!({"a": 1}), &key(), &unsorted).unwrap();
    assert_eq!(header_json(&token), r#"{"typ":"JWT","alg":"HS256"}"#);
}

#[test]
fn given_headers_merge_on_top() {
    let options = EncodeOptions {
        sort_headers: false,
        ..with_headers(vec![
            ("kid", json!("k1")),
            ("typ", json!("at+jwt")),
            ("x", json!([1, 2])),
        ])
    };
    let token = encode(&json!({}), &key(), &options).unwrap();
    assert_eq!(
        header_json(&token),
        r#"{"typ":"at+jwt","alg":"HS256","kid":"k1","x":[1,2]}"#
    );
    let sorted = with_headers(vec![("kid", json!("k1")), ("cty", json!("JWT"))]);
    assert_eq!(
        header_json(&encode(&json!({}), &key(), &sorted).unwrap()),
        r#"{"alg":"HS256","cty":"JWT","kid":"k1","typ":"JWT"}"#
    );
}

#[test]
fn alg_in_headers_wins_like_pyjwt() {
    let token = encode(
        &json!({}),
        &key(),
        &with_headers(vec![("alg", json!("HS512"))]),
    )
    .unwrap();
    assert_eq!(header_json(&token), r#"{"alg":"HS512","typ":"JWT"}"#);
    assert!(decode(&token, &key(), &Validation::new(&[Algorithm::HS512])).is_ok());
    let err = encode(
        &json!({}),
        &key(),
        &with_headers(vec![("alg", json!("XS1"))]),
    )
    .unwrap_err();
    assert_eq!(
        (err.kind(), err.message()),
        (ErrorKind::InvalidAlgorithm, "Algorithm not supported")
    );
    let err = encode(
        &json!({}),
        &key(),
        &with_headers(vec![("alg", json!("none"))]),
    )
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidAlgorithm);
    let none = EncodeOptions {
        algorithm: Algorithm::None,
        ..Default::default()
    };
    let err = encode(&json!({}), &key(), &none).unwrap_err();
    assert_eq!(
        err.message(),
        "The \"none\" algorithm is only available through dangerous::encode_unsecured"
    );
}

#[test]
fn kid_must_be_a_string() {
    for kid in [json!(1), json!(null), json!(["a"]), json!(true)] {
        let err = encode(
            &json!({}),
            &key(),
            &with_headers(vec![("kid", kid.clone())]),
        )
        .unwrap_err();
        assert_eq!(
            (err.kind(), err.message()),
            (
                ErrorKind::InvalidToken,
                "Key ID header parameter must be a string"
            ),
            "{kid}"
        );
    }
}

#[test]
fn falsy_typ_is_removed() {
    for typ in [
        json!(null),
        json!(""),
        json!(false),
        json!(0),
        json!(0.0),
        json!([]),
        json!({}),
    ] {
        let token = encode(
            &json!({}),
            &key(),
            &with_headers(vec![("typ", typ.clone())]),
        )
        .unwrap();
        assert_eq!(header_json(&token), r#"{"alg":"HS256"}"#, "{typ}");
    }
    let token = encode(
        &json!({}),
        &key(),
        &with_headers(vec![("typ", json!("jwt"))]),
    )
    .unwrap();
    assert_eq!(header_json(&token), r#"{"alg":"HS256","typ":"jwt"}"#);
}

#[test]
fn payload_must_be_an_object() {
    const MSG: &str = "Expecting a dict object, as JWT only supports JSON objects as payloads.";
    for payload in [json!([]), json!("x"), json!(1), json!(null)] {
        let err = encode(&payload, &key(), &EncodeOptions::default()).unwrap_err();
        assert_eq!((err.kind(), err.message()), (ErrorKind::InvalidToken, MSG));
        let err = encode_json(&payload.to_string(), &key(), &EncodeOptions::default()).unwrap_err();
        assert_eq!((err.kind(), err.message()), (ErrorKind::InvalidToken, MSG));
    }
    let err = encode_json(r#"{"a":1,"a":2}"#, &key(), &EncodeOptions::default()).unwrap_err();
    assert_eq!(
        (err.kind(), err.message()),
        (
            ErrorKind::Decode,
            "Invalid payload string: duplicate member \"a\""
        )
    );
    let err = encode_json(r#"{"a":1"#, &key(), &EncodeOptions::default()).unwrap_err();
    assert!(
        err.message().starts_with("Invalid payload string: EOF"),
        "{err:?}"
    );
}

#[test]
fn numeric_dates_become_integers() {
    let token = encode(
        &json!({"exp": 1_700_000_000.9, "nbf": 1.2, "iat": 5, "other": 1.5}),
        &key(),
        &EncodeOptions::default(),
    )
    .unwrap();
    assert_eq!(
        payload_json(&token),
        r#"{"exp":1700000000,"iat":5,"nbf":1,"other":1.5}"#
    );
    // encode_json keeps the text verbatim unless a date needs rounding, then keeps member order.
    let text = r#"{ "z": 1, "exp": 10 }"#;
    assert_eq!(
        payload_json(&encode_json(text, &key(), &EncodeOptions::default()).unwrap()),
        text
    );
    let text = r#"{"z":1.5,"exp":10.99,"a":"x"}"#;
    assert_eq!(
        payload_json(&encode_json(text, &key(), &EncodeOptions::default()).unwrap()),
        r#"{"z":1.5,"exp":10,"a":"x"}"#
    );
    // Strings are left alone (and fail validation on decode).
    let token = encode(&json!({"exp": "10"}), &key(), &EncodeOptions::default()).unwrap();
    assert_eq!(payload_json(&token), r#"{"exp":"10"}"#);
}

#[test]
fn round_trips_every_hmac_algorithm() {
    for alg in [Algorithm::HS256, Algorithm::HS384, Algorithm::HS512] {
        let claims = json!({"sub": "1234567890", "name": "Jöhn", "admin": true, "nested": {"a": [1, 2.5, null]}});
        let token = encode(
            &claims,
            &key(),
            &EncodeOptions {
                algorithm: alg,
                ..Default::default()
            },
        )
        .unwrap();
        let decoded = decode_complete(&token, &key(), &Validation::new(&[alg])).unwrap();
        assert_eq!(Value::Object(decoded.claims().clone()), claims);
        assert_eq!(decoded.header().alg(), Some(alg.name()));
        assert_eq!(
            decoded.signature().len(),
            alg.name()[2..].parse::<usize>().unwrap() / 8
        );
        assert!(decoded.warnings().is_empty());
    }
}

#[test]
fn detached_payload_rfc7797() {
    let options = EncodeOptions {
        detached_payload: true,
        ..Default::default()
    };
    let payload = r#"{"sub":"a.b"}"#;
    let token = encode_json(payload, &key(), &options).unwrap();
    assert_eq!(
        header_json(&token),
        r#"{"alg":"HS256","b64":false,"crit":["b64"],"typ":"JWT"}"#
    );
    let (head, rest) = token.split_once('.').unwrap();
    assert!(
        rest.starts_with('.'),
        "the payload segment is empty: {token}"
    );
    // The signature covers the raw bytes: header '.' payload (RFC 7797 §3).
    let sig = Algorithm::HS256
        .sign(format!("{head}.{payload}").as_bytes(), &key())
        .unwrap();
    assert_eq!(&rest[1..], base64url::encode(&sig));
    let mut v = Validation::new(&[Algorithm::HS256]);
    v.detached_payload = Some(payload.as_bytes().to_vec());
    let decoded = decode_complete(&token, &key(), &v).unwrap();
    assert_eq!(decoded.claims()["sub"], "a.b");
    assert_eq!(decoded.payload_json(), payload);
    // A different detached payload fails the signature.
    v.detached_payload = Some(br#"{"sub":"b.a"}"#.to_vec());
    let err = decode(&token, &key(), &v).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidSignature);
    // "b64": false among the headers means the same; b64: true is dropped.
    let via_header =
        encode_json(payload, &key(), &with_headers(vec![("b64", json!(false))])).unwrap();
    assert_eq!(via_header, token);
    let b64_true = encode_json(payload, &key(), &with_headers(vec![("b64", json!(true))])).unwrap();
    assert_eq!(header_json(&b64_true), r#"{"alg":"HS256","typ":"JWT"}"#);
}

#[test]
fn detached_payload_with_an_attached_one_is_refused() {
    let token = encode_json("{}", &key(), &EncodeOptions::default()).unwrap();
    let mut v = Validation::new(&[Algorithm::HS256]);
    v.detached_payload = Some(b"{}".to_vec());
    let err = decode(&token, &key(), &v).unwrap_err();
    assert_eq!(
        (err.kind(), err.message()),
        (
            ErrorKind::Decode,
            "Invalid payload: a detached payload was given but the token carries one too"
        )
    );
}

#[test]
fn unsecured_tokens_only_on_request() {
    let token = dangerous::encode_unsecured(r#"{"sub":"me"}"#, &EncodeOptions::default()).unwrap();
    assert_eq!(header_json(&token), r#"{"alg":"none","typ":"JWT"}"#);
    assert!(token.ends_with('.'));
    let err = decode(&token, &key(), &Validation::new(&[Algorithm::HS256])).unwrap_err();
    assert_eq!(
        (err.kind(), err.message()),
        (
            ErrorKind::InvalidAlgorithm,
            "The specified alg value is not allowed"
        )
    );
    assert_eq!(
        dangerous::get_unverified_claims(&token).unwrap()["sub"],
        "me"
    );
    // An `alg` header cannot disguise it.
    let sneaky =
        dangerous::encode_unsecured("{}", &with_headers(vec![("alg", json!("HS256"))])).unwrap();
    assert_eq!(
        dangerous::get_unverified_header(&sneaky).unwrap().alg(),
        Some("none")
    );
}

#[test]
fn encoded_headers_pass_the_decoder_checks() {
    let err = encode(
        &json!({}),
        &key(),
        &with_headers(vec![("crit", json!(["exp"])), ("exp", json!(1))]),
    )
    .unwrap_err();
    assert_eq!(
        (err.kind(), err.message()),
        (
            ErrorKind::InvalidToken,
            "Unsupported critical extension: exp"
        )
    );
}
