//! JWT encode/decode with every algorithm family and with bound keys and
//! JWK Sets as resolvers (PyJWK/PyJWKSet behaviour).
#![allow(clippy::unwrap_used)]
#![cfg(all(
    feature = "hmac",
    feature = "rsa",
    feature = "ecdsa",
    feature = "eddsa"
))]

use jwt_wasm::{
    Algorithm, EncodeOptions, ErrorKind, JwkSet, Key, Validation, dangerous, decode,
    decode_complete, encode,
};
use serde_json::json;

/// The same key without its bound `alg` (generated keys are bound).
fn unbound(key: &Key) -> Key {
    let mut jwk = key.to_jwk();
    jwk.remove("alg");
    Key::from_jwk(&serde_json::Value::Object(jwk)).unwrap()
}

fn options(alg: Algorithm) -> EncodeOptions {
    EncodeOptions {
        algorithm: alg,
        ..Default::default()
    }
}

#[test]
fn round_trip_every_algorithm_with_generated_keys() {
    // One RSA key serves all six RSA algorithms once unbound.
    let rsa = unbound(&Key::generate(Algorithm::RS256).unwrap());
    let claims = json!({"sub": "me", "n": 1});
    for alg in Algorithm::ALL.into_iter().filter(|a| *a != Algorithm::None) {
        let private = match alg.family() {
            jwt_wasm::Family::Rsa => unbound(&rsa),
            _ => Key::generate(alg).unwrap(),
        };
        let token = encode(&claims, &private, &options(alg)).unwrap();
        assert_eq!(
            dangerous::get_unverified_header(&token).unwrap().alg(),
            Some(alg.name())
        );
        let verifier = if alg.family() == jwt_wasm::Family::Hmac {
            private
        } else {
            private.public_key().unwrap()
        };
        let decoded = decode_complete(&token, &verifier, &Validation::new(&[alg])).unwrap();
        assert_eq!(decoded.claims()["sub"], "me", "{alg}");
        assert!(
            decoded.warnings().is_empty(),
            "{alg}: {:?}",
            decoded.warnings()
        );
        // A flipped signature bit is refused.
        let (rest, sig) = token.rsplit_once('.').unwrap();
        let mut raw = jwt_wasm::base64url::decode(sig).unwrap();
        raw[3] ^= 0x10;
        let forged = format!("{rest}.{}", jwt_wasm::base64url::encode(&raw));
        let err = decode(&forged, &verifier, &Validation::new(&[alg])).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidSignature, "{alg}");
    }
}

#[test]
fn public_keys_cannot_sign() {
    let public = Key::generate(Algorithm::ES256)
        .unwrap()
        .public_key()
        .unwrap();
    let err = encode(&json!({}), &public, &options(Algorithm::ES256)).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidKey);
}

#[test]
fn a_bound_key_is_its_own_allowlist() {
    let key = Key::from_jwk(
        &json!({"kty": "oct", "alg": "HS384", "k": jwt_wasm::base64url::encode(&[9u8; 48])}),
    )
    .unwrap();
    let token = encode(&json!({"a": 1}), &key, &options(Algorithm::HS384)).unwrap();
    // No `algorithms` needed (PyJWT's PyJWK behaviour).
    assert_eq!(
        decode(&token, &key, &Validation::default()).unwrap()["a"],
        1
    );
    // Another algorithm of the same family is refused, with or without an allowlist.
    let raw = Key::from_secret([9u8; 48]).unwrap();
    let hs512 = encode(&json!({"a": 1}), &raw, &options(Algorithm::HS512)).unwrap();
    for v in [Validation::default(), Validation::new(&[Algorithm::HS512])] {
        let err = decode(&hs512, &key, &v).unwrap_err();
        assert_eq!(
            (err.kind(), err.message()),
            (
                ErrorKind::InvalidAlgorithm,
                "The specified alg value is not allowed"
            )
        );
    }
    // An unbound key still needs the allowlist.
    let err = decode(&token, &raw, &Validation::default()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Decode);
    // with_alg binds as well.
    let bound = Key::from_secret([9u8; 48])
        .unwrap()
        .with_alg(Algorithm::HS384)
        .unwrap();
    assert!(decode(&token, &bound, &Validation::default()).is_ok());
}

#[test]
fn jwk_set_picks_the_key_by_kid() {
    let a = Key::generate(Algorithm::ES256).unwrap().with_kid("a");
    let b = Key::generate(Algorithm::ES256).unwrap().with_kid("b");
    let set = JwkSet::from_value(&json!({"keys": [
        serde_json::Value::Object(a.public_key().unwrap().to_jwk()),
        serde_json::Value::Object(b.public_key().unwrap().to_jwk()),
    ]}))
    .unwrap();
    let v = Validation::new(&[Algorithm::ES256]);
    for (key, kid) in [(&a, "a"), (&b, "b")] {
        let opts = EncodeOptions {
            headers: vec![("kid".into(), kid.into())],
            ..options(Algorithm::ES256)
        };
        let token = encode(&json!({"k": kid}), key, &opts).unwrap();
        assert_eq!(decode(&token, &set, &v).unwrap()["k"], kid);
    }
    let opts = EncodeOptions {
        headers: vec![("kid".into(), "c".into())],
        ..options(Algorithm::ES256)
    };
    let token = encode(&json!({}), &a, &opts).unwrap();
    assert_eq!(
        decode(&token, &set, &v).unwrap_err().kind(),
        ErrorKind::JwkSetNoMatchingKey
    );
    let token = encode(&json!({}), &a, &options(Algorithm::ES256)).unwrap();
    assert_eq!(
        decode(&token, &set, &v).unwrap_err().kind(),
        ErrorKind::JwkSetMultipleMatchingKeys
    );
}

#[test]
fn an_embedded_jwk_never_replaces_the_callers_key() {
    // RFC 8725 §3.10 / Wycheproof "rejectsAttackerProvidedEmbeddedJwk".
    let victim = Key::generate(Algorithm::ES256)
        .unwrap()
        .public_key()
        .unwrap();
    let attacker = Key::generate(Algorithm::ES256).unwrap();
    let jwk = serde_json::Value::Object(attacker.public_key().unwrap().to_jwk());
    let opts = EncodeOptions {
        headers: vec![("jwk".into(), jwk)],
        ..options(Algorithm::ES256)
    };
    let token = encode(&json!({"sub": "admin"}), &attacker, &opts).unwrap();
    let err = decode(&token, &victim, &Validation::new(&[Algorithm::ES256])).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidSignature);
}

#[test]
fn rsa_public_key_as_hmac_secret_is_refused() {
    // The classic algorithm confusion: an HS256 token "signed" with the
    // RSA public key's PEM. The RSA key never verifies HS256.
    let rsa = unbound(
        &Key::generate(Algorithm::RS256)
            .unwrap()
            .public_key()
            .unwrap(),
    );
    let pem = rsa.to_pem().unwrap();
    assert_eq!(
        Key::from_secret(pem.as_bytes()).unwrap_err().kind(),
        ErrorKind::InvalidKey
    );
    let input = format!(
        "{}.{}",
        jwt_wasm::base64url::encode(br#"{"alg":"HS256"}"#),
        jwt_wasm::base64url::encode(b"{}")
    );
    let forged = format!("{input}.{}", jwt_wasm::base64url::encode(&[0u8; 32]));
    let err = decode(
        &forged,
        &rsa,
        &Validation::new(&[Algorithm::HS256, Algorithm::RS256]),
    )
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidKey);
    // A key bound to RS256 refuses HS256 already at the algorithm check.
    let bound = rsa.with_alg(Algorithm::RS256).unwrap();
    let err = decode(
        &forged,
        &bound,
        &Validation::new(&[Algorithm::HS256, Algorithm::RS256]),
    )
    .unwrap_err();
    assert_eq!(
        (err.kind(), err.message()),
        (
            ErrorKind::InvalidAlgorithm,
            "The specified alg value is not allowed"
        )
    );
}
