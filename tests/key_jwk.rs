//! JWK import, export, validation and thumbprints: RFC 7638 §3.1, RFC 8037
//! Appendix A, RFC 7520 §3, and the rejection rules (RFC 7517/7518).
// These tests use keys of every family: they need the default features.
#![cfg(all(
    feature = "hmac",
    feature = "rsa",
    feature = "ecdsa",
    feature = "eddsa"
))]
#![allow(clippy::unwrap_used)] // tests may unwrap

use base64ct::{Base64UrlUnpadded, Encoding};
use jwt_wasm::{Algorithm, ErrorKind, Key};
use serde_json::{Value, json};

mod vectors;
use vectors::ROOT as VECTORS;

/// RFC 7638 §3.1 example key: https://www.rfc-editor.org/rfc/rfc7638#section-3.1
const RFC7638_N: &str = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";

/// RFC 8037 Appendix A.1/A.2 Ed25519 key.
const RFC8037_D: &str = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";
const RFC8037_X: &str = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";

fn kind(jwk: Value) -> ErrorKind {
    Key::from_jwk(&jwk).unwrap_err().kind()
}

fn message(jwk: Value) -> String {
    Key::from_jwk(&jwk).unwrap_err().message().to_string()
}

#[test]
fn rfc7638_section_3_1_thumbprint() {
    let jwk =
        json!({"kty": "RSA", "n": RFC7638_N, "e": "AQAB", "alg": "RS256", "kid": "2011-04-29"});
    let key = Key::from_jwk(&jwk).unwrap();
    assert_eq!(
        key.thumbprint().unwrap(),
        "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"
    );
    assert_eq!(Value::Object(key.to_jwk()), jwk);
}

#[test]
fn rfc8037_appendix_a_ed25519_key_and_thumbprint() {
    let private =
        Key::from_jwk(&json!({"kty": "OKP", "crv": "Ed25519", "d": RFC8037_D, "x": RFC8037_X}))
            .unwrap();
    assert!(private.is_private());
    assert_eq!(private.default_alg(), Algorithm::EdDSA);
    // A.3: the thumbprint of the public key.
    assert_eq!(
        private.thumbprint().unwrap(),
        "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"
    );
    assert_eq!(private.public_key().unwrap().to_jwk()["x"], RFC8037_X);
    assert_eq!(private.to_jwk()["d"], RFC8037_D);
}

/// RFC 7520 §3 (https://www.rfc-editor.org/rfc/rfc7520#section-3): every
/// signing key imports and exports to exactly its input members.
#[test]
fn rfc7520_section_3_keys_round_trip() {
    let dir = format!("{VECTORS}/jose-cookbook/jwk");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("SKIPPED rfc7520_section_3_keys_round_trip: {dir} is missing");
        return;
    };
    let mut names: Vec<_> = entries.map(|e| e.unwrap().path()).collect();
    names.sort();
    let (mut ran, mut passed) = (0, 0);
    for path in names {
        let jwk: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        ran += 1;
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with("3_6") {
            // §3.6 is an A256GCM content-encryption key: not a signing algorithm.
            let err = Key::from_jwk(&jwk).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::Jwk, "{name}");
            assert!(!err.message().contains(jwk["k"].as_str().unwrap()));
        } else {
            let key = Key::from_jwk(&jwk).unwrap();
            assert_eq!(Value::Object(key.to_jwk()), jwk, "{name}");
            assert_eq!(key.kid(), jwk["kid"].as_str());
            assert_eq!(key.key_use(), Some("sig"));
        }
        passed += 1;
    }
    eprintln!("RFC 7520 §3 keys: {ran} ran, {passed} passed");
    assert_eq!(ran, 6);
}

#[test]
fn algorithm_inference_follows_pyjwk() {
    let cases = [
        (json!({"kty": "oct", "k": "c2VjcmV0"}), Algorithm::HS256),
        (
            json!({"kty": "RSA", "n": RFC7638_N, "e": "AQAB"}),
            Algorithm::RS256,
        ),
        (
            json!({"kty": "OKP", "crv": "Ed25519", "x": RFC8037_X}),
            Algorithm::EdDSA,
        ),
    ];
    for (jwk, alg) in cases {
        let key = Key::from_jwk(&jwk).unwrap();
        assert_eq!((key.alg(), key.default_alg()), (None, alg));
    }
    for alg in [
        Algorithm::ES256,
        Algorithm::ES384,
        Algorithm::ES512,
        Algorithm::ES256K,
    ] {
        let mut jwk = Key::generate(alg).unwrap().public_key().unwrap().to_jwk();
        jwk.remove("alg");
        assert_eq!(Key::from_jwk(&jwk.into()).unwrap().default_alg(), alg);
    }
    // An explicit algorithm wins over the JWK's own alg.
    let jwk = json!({"kty": "oct", "k": "c2VjcmV0", "alg": "HS256"});
    assert_eq!(
        Key::from_jwk_with_alg(&jwk, Algorithm::HS512)
            .unwrap()
            .alg(),
        Some(Algorithm::HS512)
    );
    let err = Key::from_jwk_with_alg(&jwk, Algorithm::ES256).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidKey);
}

#[test]
fn kty_and_crv_errors_use_pyjwk_messages_without_key_material() {
    let msg = message(json!({"k": "c3VwZXItc2VjcmV0"}));
    assert!(msg.starts_with("kty is not found"), "{msg}");
    assert!(!msg.contains("c3VwZXItc2VjcmV0"), "{msg}");
    assert_eq!(
        kind(json!({"k": "c3VwZXItc2VjcmV0"})),
        ErrorKind::InvalidKey
    );
    assert_eq!(message(json!({"kty": "foo"})), "Unsupported kty: foo");
    assert_eq!(
        message(json!({"kty": "OKP", "crv": "Ed448", "x": "AA"})),
        "Unsupported crv: Ed448"
    );
    assert_eq!(
        message(json!({"kty": "OKP", "crv": "X25519", "x": "AA"})),
        "Unsupported crv: X25519"
    );
    assert_eq!(
        message(json!({"kty": "EC", "crv": "P-192", "x": "AA", "y": "AA"})),
        "Unsupported crv: P-192"
    );
    assert_eq!(kind(json!("not an object")), ErrorKind::Jwk);
    assert_eq!(kind(json!({"kty": 1})), ErrorKind::Jwk);
    assert_eq!(Key::from_jwk_str("{").unwrap_err().kind(), ErrorKind::Jwk);
}

#[test]
fn alg_must_be_a_signing_algorithm_of_the_keys_family_and_curve() {
    let ec = Key::generate(Algorithm::ES256)
        .unwrap()
        .public_key()
        .unwrap()
        .to_jwk();
    let with = |alg: &str| {
        let mut jwk = ec.clone();
        jwk.insert("alg".into(), alg.into());
        Value::Object(jwk)
    };
    assert_eq!(kind(with("ES512")), ErrorKind::InvalidKey);
    assert_eq!(kind(with("ES521")), ErrorKind::InvalidKey);
    assert_eq!(kind(with("RS256")), ErrorKind::InvalidKey);
    for unknown in ["ES224", "A256GCM", "none", "es256"] {
        assert_eq!(kind(with(unknown)), ErrorKind::Jwk, "{unknown}");
    }
    assert!(Key::from_jwk(&with("ES256")).is_ok());
    assert_eq!(
        kind(json!({"kty": "oct", "k": "c2VjcmV0", "alg": "EdDSA"})),
        ErrorKind::InvalidKey
    );
}

#[test]
fn base64url_members_must_be_canonical() {
    assert!(Key::from_jwk(&json!({"kty": "oct", "k": "c2VjcmV0cw"})).is_ok());
    for k in [
        "c2VjcmV0cw==",
        "c2VjcmV0+/",
        "c2Vj cmV0",
        "c2VjcmV0cx",
        "c2VjcmV0c",
    ] {
        // "c2VjcmV0cx" is "c2VjcmV0cw" with non-zero trailing bits.
        assert_eq!(kind(json!({"kty": "oct", "k": k})), ErrorKind::Jwk, "{k}");
    }
    assert_eq!(kind(json!({"kty": "oct", "k": 5})), ErrorKind::Jwk);
}

#[test]
fn oct_keys_need_a_non_empty_k() {
    assert_eq!(kind(json!({"kty": "oct", "k": ""})), ErrorKind::InvalidKey);
    assert_eq!(kind(json!({"kty": "oct"})), ErrorKind::Jwk);
}

#[test]
fn ec_coordinates_must_be_full_width_and_on_the_curve() {
    let jwk = Key::generate(Algorithm::ES256).unwrap().to_jwk();
    let x = jwk["x"].as_str().unwrap().to_owned();
    let y = jwk["y"].as_str().unwrap().to_owned();
    let d = jwk["d"].as_str().unwrap().to_owned();
    let other = Key::generate(Algorithm::ES256).unwrap().to_jwk();
    let base = json!({"kty": "EC", "crv": "P-256", "x": x, "y": y});
    let edit = |name: &str, value: Value| {
        let mut jwk = base.clone();
        jwk[name] = value;
        jwk
    };
    assert!(Key::from_jwk(&base).is_ok());
    // y flipped to a point off the curve (Wycheproof-style invalid point).
    let mut y_bytes = Base64UrlUnpadded::decode_vec(&y).unwrap();
    y_bytes[31] ^= 1;
    let off_curve = Base64UrlUnpadded::encode_string(&y_bytes);
    let cases = [
        edit("y", off_curve.into()),
        edit("x", "AAAA".into()),
        edit("crv", "P-384".into()),
        edit("d", "AAAA".into()),
        edit("d", other["d"].clone()),
    ];
    for jwk in cases {
        assert_eq!(kind(jwk.clone()), ErrorKind::InvalidKey, "{jwk}");
    }
    assert_eq!(
        kind(json!({"kty": "EC", "crv": "P-256", "x": x})),
        ErrorKind::Jwk
    );
    assert!(Key::from_jwk(&edit("d", d.into())).unwrap().is_private());
}

#[test]
fn okp_private_key_must_match_x() {
    let other = Key::generate(Algorithm::EdDSA).unwrap().to_jwk();
    let jwk = json!({"kty": "OKP", "crv": "Ed25519", "d": other["d"], "x": RFC8037_X});
    assert_eq!(kind(jwk), ErrorKind::InvalidKey);
    assert_eq!(
        kind(json!({"kty": "OKP", "crv": "Ed25519", "x": "AAAA"})),
        ErrorKind::InvalidKey
    );
}

/// RFC 7520 §3.4's RSA private key, with members removed or altered.
#[test]
fn rsa_private_keys_need_every_consistent_crt_parameter() {
    let Some(full) = vectors::load(
        "rsa_private_keys_need_every_consistent_crt_parameter",
        "jose-cookbook/jwk/3_4.rsa_private_key.json",
    ) else {
        return;
    };
    for name in ["p", "q", "dp", "dq", "qi"] {
        let mut jwk = full.clone();
        jwk.as_object_mut().unwrap().remove(name);
        assert_eq!(kind(jwk), ErrorKind::InvalidKey, "without {name}");
    }
    // dq replaced by dp: n, e, d, p, q still agree, the CRT values do not.
    let mut jwk = full.clone();
    jwk["dq"] = full["dp"].clone();
    assert_eq!(
        message(jwk),
        "The RSA CRT parameters dp, dq and qi are inconsistent"
    );
    let mut jwk = full.clone();
    jwk["p"] = full["q"].clone();
    assert_eq!(kind(jwk), ErrorKind::InvalidKey);
    let mut jwk = full.clone();
    jwk["oth"] = json!([]);
    assert_eq!(kind(jwk), ErrorKind::InvalidKey);
}

#[test]
fn rsa_exponents_below_3_or_even_are_refused() {
    for e in ["AQ", "Ag", "AAE", "AQAA"] {
        let jwk = json!({"kty": "RSA", "n": RFC7638_N, "e": e});
        assert_eq!(kind(jwk), ErrorKind::InvalidKey, "e = {e}");
    }
    assert!(Key::from_jwk(&json!({"kty": "RSA", "n": RFC7638_N, "e": "Aw"})).is_ok());
}

#[test]
fn kid_use_and_key_ops_are_kept_and_exported() {
    let jwk = json!({"kty": "oct", "k": "c2VjcmV0", "kid": "k1", "use": "sig", "key_ops": ["sign", "verify"]});
    let key = Key::from_jwk(&jwk).unwrap();
    assert_eq!(key.kid(), Some("k1"));
    assert_eq!(key.key_use(), Some("sig"));
    assert_eq!(key.key_ops().unwrap(), ["sign", "verify"]);
    assert_eq!(Value::Object(key.to_jwk()), jwk);
    assert_eq!(
        kind(json!({"kty": "oct", "k": "c2VjcmV0", "kid": 1})),
        ErrorKind::Jwk
    );
    assert_eq!(
        kind(json!({"kty": "oct", "k": "c2VjcmV0", "key_ops": "verify"})),
        ErrorKind::Jwk
    );
    assert_eq!(
        kind(json!({"kty": "oct", "k": "c2VjcmV0", "key_ops": [1]})),
        ErrorKind::Jwk
    );
}

#[test]
fn ec_coordinates_are_exported_at_full_width() {
    // P-521 coordinates are 66 bytes, even when the top bytes are zero.
    for _ in 0..8 {
        let jwk = Key::generate(Algorithm::ES512).unwrap().to_jwk();
        for name in ["x", "y", "d"] {
            assert_eq!(jwk[name].as_str().unwrap().len(), 88, "{name}");
        }
    }
}

#[test]
fn thumbprints_ignore_private_members_and_metadata() {
    let key = Key::generate(Algorithm::ES384).unwrap();
    let public = key.public_key().unwrap().with_kid("other");
    assert_eq!(key.thumbprint().unwrap(), public.thumbprint().unwrap());
    let a = Key::from_secret("secret-a").unwrap();
    let b = Key::from_secret("secret-b").unwrap();
    assert_ne!(a.thumbprint().unwrap(), b.thumbprint().unwrap());
}
