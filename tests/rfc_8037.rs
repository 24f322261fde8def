//! RFC 8037 Appendix A.4 (https://www.rfc-editor.org/rfc/rfc8037#appendix-A.4):
//! an Ed25519 JWS, from `../shared/vectors/jose-cookbook/curve25519/jws.json`.
#![allow(clippy::unwrap_used)]
#![cfg(feature = "eddsa")]

use jwt_wasm::{Algorithm, ErrorKind, Key, base64url, jws};
use serde_json::Value;

const FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/vectors/jose-cookbook/curve25519/jws.json"
);

#[test]
fn appendix_a_4_ed25519_signing_and_verification() {
    let Ok(text) = std::fs::read_to_string(FILE) else {
        println!("SKIPPED: {FILE} is missing");
        return;
    };
    let case: Value = serde_json::from_str(&text).unwrap();
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
