//! RFC 8037 Appendix A.4 (https://www.rfc-editor.org/rfc/rfc8037#appendix-A.4):
//! an Ed25519 JWS, from `../shared/vectors/jose-cookbook/curve25519/jws.json`.
#![allow(clippy::unwrap_used)]
#![cfg(feature = "eddsa")]

use jwt_wasm::{Algorithm, ErrorKind, Key, base64url, jws};

mod vectors;

#[test]
fn appendix_a_4_ed25519_signing_and_verification() {
    let Some(case) = vectors::load("rfc_8037", "jose-cookbook/curve25519/jws.json") else {
        return;
    };
    let private = Key::from_jwk(&case["input"]["key"]).unwrap();
    let public = private.public_key().unwrap();
    let token = case["output"]["compact"].as_str().unwrap();
    let (header, payload) = jws::verify_compact(token, &public, &[Algorithm::EdDSA]).unwrap();
    assert_eq!(header.alg(), Some("EdDSA"));
    assert_eq!(
        payload,
        case["input"]["payload"].as_str().unwrap().as_bytes()
    );
    // Ed25519 is deterministic: signing the input reproduces the RFC signature.
    let input = case["signing"]["sig-input"].as_str().unwrap();
    let sig = Algorithm::EdDSA.sign(input.as_bytes(), &private).unwrap();
    assert_eq!(
        base64url::encode(&sig),
        case["signing"]["sig"].as_str().unwrap()
    );
    // A changed payload fails.
    let forged = token.replace(
        "RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc",
        &base64url::encode(b"Example of Ed25519 signinG"),
    );
    assert_eq!(
        jws::verify_compact(&forged, &public, &[Algorithm::EdDSA])
            .unwrap_err()
            .kind(),
        ErrorKind::InvalidSignature
    );
}
