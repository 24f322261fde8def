//! RFC 7520 §4 signature examples (https://www.rfc-editor.org/rfc/rfc7520#section-4),
//! read from the JOSE cookbook in `../shared/vectors/jose-cookbook/jws`.
//! Only the compact serialization is in scope.
#![cfg(feature = "hmac")] // needs HMAC keys
#![allow(clippy::unwrap_used)]

use jwt_wasm::{Algorithm, ErrorKind, Key, Validation, base64url, decode, jws};
use serde_json::Value;

mod vectors;

/// The cookbook file `name`, or `None` (after a loud SKIPPED line) when the
/// shared vectors are not there.
fn load(name: &str) -> Option<Value> {
    vectors::load(name, &format!("jose-cookbook/jws/{name}"))
}

/// The HMAC key of an `oct` JWK (the cookbook's `input.key`).
fn oct_key(case: &Value) -> Key {
    let k = case["input"]["key"]["k"].as_str().unwrap();
    Key::from_secret(base64url::decode(k).unwrap()).unwrap()
}

fn payload(case: &Value) -> &str {
    case["input"]["payload"].as_str().unwrap()
}

#[test]
fn section_4_4_hmac_sha2_integrity_protection() {
    let Some(case) = load("4_4.hmac-sha2_integrity_protection.json") else {
        return;
    };
    let token = case["output"]["compact"].as_str().unwrap();
    let (header, bytes) = jws::verify_compact(token, &oct_key(&case), &[Algorithm::HS256]).unwrap();
    assert_eq!(header.kid(), case["signing"]["protected"]["kid"].as_str());
    assert_eq!(bytes, payload(&case).as_bytes());
    // The signature is deterministic: signing the input reproduces it.
    let sig = Algorithm::HS256
        .sign(
            case["signing"]["sig-input"].as_str().unwrap().as_bytes(),
            &oct_key(&case),
        )
        .unwrap();
    assert_eq!(
        base64url::encode(&sig),
        case["signing"]["sig"].as_str().unwrap()
    );
    // The payload is prose, not a JSON object, so it is not a JWT.
    let err = decode(
        token,
        &oct_key(&case),
        &Validation::new(&[Algorithm::HS256]),
    )
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Decode);
    assert!(
        err.message().starts_with("Invalid payload string: "),
        "{err:?}"
    );
    // Another algorithm of the family is not in the allowlist.
    let err = jws::verify_compact(token, &oct_key(&case), &[Algorithm::HS512]).unwrap_err();
    assert_eq!(err.message(), "The specified alg value is not allowed");
}

#[test]
fn section_4_5_signature_with_detached_content() {
    let Some(case) = load("4_5.signature_with_detached_content.json") else {
        return;
    };
    let token = case["output"]["compact"].as_str().unwrap();
    assert!(token.contains(".."), "the payload segment is empty");
    let key = oct_key(&case);
    let (_, bytes) =
        jws::verify_compact_detached(token, payload(&case).as_bytes(), &key, &[Algorithm::HS256])
            .unwrap();
    assert_eq!(bytes, payload(&case).as_bytes());
    // Other content fails; so does reading the empty segment as the payload.
    let err = jws::verify_compact_detached(token, b"other content", &key, &[Algorithm::HS256])
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidSignature);
    let err = jws::verify_compact(token, &key, &[Algorithm::HS256]).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidSignature);
}

#[test]
fn section_4_6_protected_header_fields_in_compact_form() {
    // §4.6 puts `kid` in an unprotected header, which the compact form cannot
    // carry; the protected part alone is still a valid compact JWS.
    let Some(case) = load("4_6.protecting_specific_header_fields.json") else {
        return;
    };
    let flat = &case["output"]["json_flat"];
    let token = format!(
        "{}.{}.{}",
        flat["protected"].as_str().unwrap(),
        flat["payload"].as_str().unwrap(),
        flat["signature"].as_str().unwrap()
    );
    let (header, bytes) =
        jws::verify_compact(&token, &oct_key(&case), &[Algorithm::HS256]).unwrap();
    assert_eq!(header.kid(), None);
    assert_eq!(header.alg(), Some("HS256"));
    assert_eq!(bytes, payload(&case).as_bytes());
}

#[test]
fn section_4_7_no_protected_header_is_not_a_compact_jws() {
    // §4.7 protects the content only: no protected header, so `alg` would be
    // unprotected. A compact token with an empty header segment is refused.
    let Some(case) = load("4_7.protecting_content_only.json") else {
        return;
    };
    let flat = &case["output"]["json_flat"];
    assert!(flat.get("protected").is_none());
    let token = format!(
        ".{}.{}",
        flat["payload"].as_str().unwrap(),
        flat["signature"].as_str().unwrap()
    );
    // The signature itself is right: it covers "." + payload.
    let input = case["signing"]["sig-input"].as_str().unwrap();
    let sig = base64url::decode(flat["signature"].as_str().unwrap()).unwrap();
    assert!(
        Algorithm::HS256
            .verify(input.as_bytes(), &oct_key(&case), &sig)
            .unwrap()
    );
    let err = jws::verify_compact(&token, &oct_key(&case), &[Algorithm::HS256]).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Decode);
    assert!(
        err.message().starts_with("Invalid header string: "),
        "{err:?}"
    );
}

// RFC 7520 §4.1 (RS256), §4.2 (PS384) and §4.3 (ES512), in builds with RSA and ECDSA.
#[cfg(all(feature = "rsa", feature = "ecdsa"))]
mod asymmetric {
    use super::*;

    fn verify_file(name: &str, alg: Algorithm) {
        let Some(case) = load(name) else { return };
        let key = Key::from_jwk(&case["input"]["key"])
            .unwrap()
            .public_key()
            .unwrap();
        let token = case["output"]["compact"].as_str().unwrap();
        let (header, bytes) = jws::verify_compact(token, &key, &[alg]).unwrap();
        assert_eq!(header.alg(), Some(alg.name()));
        assert_eq!(bytes, payload(&case).as_bytes());
        // A flipped signature bit fails.
        let (rest, sig) = token.rsplit_once('.').unwrap();
        let mut raw = base64url::decode(sig).unwrap();
        raw[5] ^= 1;
        let forged = format!("{rest}.{}", base64url::encode(&raw));
        assert_eq!(
            jws::verify_compact(&forged, &key, &[alg])
                .unwrap_err()
                .kind(),
            ErrorKind::InvalidSignature
        );
    }

    #[test]
    fn section_4_1_rsa_v15_signature() {
        verify_file("4_1.rsa_v15_signature.json", Algorithm::RS256);
    }

    #[test]
    fn section_4_2_rsa_pss_signature() {
        verify_file("4_2.rsa-pss_signature.json", Algorithm::PS384);
    }

    #[test]
    fn section_4_3_ecdsa_signature() {
        verify_file("4_3.ecdsa_signature.json", Algorithm::ES512);
    }
}
