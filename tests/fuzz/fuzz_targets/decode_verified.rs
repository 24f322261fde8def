//! Token decoding with verification, with an HS256 secret, an ES256 key and
//! an Ed25519 key, and a fixed `now`.
//!
//! Input: byte 0 picks the mode and the key, byte 1 the validation options,
//! the rest is either a whole token (raw mode) or a payload that the target
//! signs itself (signed mode, so that fuzzed claims reach claim validation).
//!
//! Properties: an accepted token's signature verifies with the public key
//! and stops verifying when one bit of it flips; the claim rules hold for
//! what was accepted (exp/nbf against now ± leeway, exact iss, aud
//! membership, required claims); a token we signed ourselves is never
//! refused for its signature or algorithm.
#![no_main]

#[path = "common.rs"]
mod common;

use jwt_wasm::base64url::encode;
use std::sync::OnceLock;

use jwt_wasm::{ErrorKind, JwkSet, KeyResolver, Validation, decode_complete};
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Value};

const NOW: f64 = 1_700_000_000.0;

fn validation(alg: jwt_wasm::Algorithm, options: u8) -> Validation {
    let mut v = Validation::new(&[alg]);
    v.now = Some(NOW);
    v.leeway = f64::from(options & 0x07) * 30.0;
    if options & 0x08 != 0 {
        v.audience = Some(vec!["aud-1".into()]);
    }
    if options & 0x10 != 0 {
        v.issuer = Some(vec!["iss-1".into()]);
    }
    if options & 0x20 != 0 {
        v.require = vec!["exp".into(), "sub".into()];
    }
    v
}

/// The claim rules, checked on an accepted token.
fn check_claims(claims: &Map<String, Value>, v: &Validation) {
    let number = |name: &str| claims.get(name).and_then(Value::as_f64);
    if let Some(exp) = number("exp") {
        // Truncation toward zero may add less than one second.
        assert!(
            exp + 1.0 > NOW - v.leeway,
            "expired token accepted: exp={exp}"
        );
    }
    if let Some(nbf) = number("nbf") {
        assert!(
            nbf - 1.0 < NOW + v.leeway,
            "immature token accepted: nbf={nbf}"
        );
    }
    for name in ["exp", "nbf", "iat"] {
        if let Some(value) = claims.get(name) {
            assert!(value.is_number(), "non-numeric {name} accepted: {value}");
        }
    }
    if v.issuer.is_some() {
        assert_eq!(
            claims.get("iss").and_then(Value::as_str),
            Some("iss-1"),
            "iss"
        );
    }
    if v.audience.is_some() {
        let ok = match claims.get("aud") {
            Some(Value::String(s)) => s == "aud-1",
            Some(Value::Array(items)) => items.iter().any(|a| a == "aud-1"),
            _ => false,
        };
        assert!(ok, "audience not matched: {:?}", claims.get("aud"));
    } else {
        // No audience expected: a token carrying a truthy one is refused (PyJWT).
        let truthy = match claims.get("aud") {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            Some(Value::Number(n)) => n.as_f64() != Some(0.0),
            Some(Value::String(s)) => !s.is_empty(),
            Some(Value::Array(a)) => !a.is_empty(),
            Some(Value::Object(o)) => !o.is_empty(),
        };
        assert!(!truthy, "unexpected aud accepted: {:?}", claims.get("aud"));
    }
    for name in &v.require {
        assert!(
            claims.get(name).is_some_and(|c| !c.is_null()),
            "required {name} missing"
        );
    }
}

/// The public ES256 and Ed25519 keys as a published JWK Set, kids "es" and "ed".
fn public_set() -> &'static JwkSet {
    static SET: OnceLock<JwkSet> = OnceLock::new();
    SET.get_or_init(|| {
        let [_, (_, es), (_, ed)] = common::keys();
        let keys = vec![
            es.public_key().expect("public").with_kid("es"),
            ed.public_key().expect("public").with_kid("ed"),
        ];
        JwkSet::new(keys).expect("set")
    })
}

fuzz_target!(|data: &[u8]| {
    let [mode, options, rest @ ..] = data else {
        return;
    };
    let index = usize::from(mode % 3);
    let (alg, key) = &common::keys()[index];
    let v = validation(*alg, *options);
    // Bit 0x40 (asymmetric keys only): verify through the JWK Set by `kid`.
    let kid = match (mode & 0x40 != 0, index) {
        (true, 1) => Some("es"),
        (true, 2) => Some("ed"),
        _ => None,
    };
    let resolver: &dyn KeyResolver = if kid.is_some() { public_set() } else { key };

    let token = if mode & 0x80 != 0 {
        let header = match kid {
            Some(kid) => format!(r#"{{"alg":"{}","kid":"{kid}","typ":"JWT"}}"#, alg.name()),
            None => format!(r#"{{"alg":"{}","typ":"JWT"}}"#, alg.name()),
        };
        let input = format!("{}.{}", encode(header.as_bytes()), encode(rest));
        let sig = alg.sign(input.as_bytes(), key).expect("fixed key signs");
        format!("{input}.{}", encode(&sig))
    } else {
        let Ok(token) = std::str::from_utf8(rest) else {
            return;
        };
        token.to_owned()
    };

    let decoded = match decode_complete(&token, resolver, &v) {
        Ok(d) => d,
        Err(e) => {
            common::check_error(&e);
            if mode & 0x80 != 0 {
                assert!(
                    !matches!(
                        e.kind(),
                        ErrorKind::InvalidSignature
                            | ErrorKind::InvalidAlgorithm
                            | ErrorKind::InvalidKey
                            | ErrorKind::JwkSetNoMatchingKey
                            | ErrorKind::JwkSetMultipleMatchingKeys
                    ),
                    "own token refused: {e:?}"
                );
            }
            return;
        }
    };

    assert_eq!(decoded.header().alg(), Some(alg.name()));
    if kid.is_some() {
        let named = decoded.header().kid();
        assert!(
            named.is_none() || named == kid,
            "the set used a key the kid did not name"
        );
    }
    let (input, _) = token.rsplit_once('.').expect("three segments");
    let public = key.public_key().unwrap_or_else(|_| key.clone());
    assert_eq!(
        alg.verify(input.as_bytes(), &public, decoded.signature())
            .ok(),
        Some(true)
    );
    check_claims(decoded.claims(), &v);

    // One flipped bit anywhere in the signature must be caught.
    let mut sig = decoded.signature().to_vec();
    let bit = usize::from(*options) % (sig.len() * 8).max(1);
    if let Some(byte) = sig.get_mut(bit / 8) {
        *byte ^= 1 << (bit % 8);
        let tampered = format!("{input}.{}", encode(&sig));
        let e = decode_complete(&tampered, resolver, &v).expect_err("tampered signature accepted");
        assert_eq!(e.kind(), ErrorKind::InvalidSignature, "{e:?}");
    }
    // The same token refused under every other key's algorithm.
    for (other_alg, other_key) in common::keys() {
        if other_alg != alg {
            let mut other = v.clone();
            other.algorithms = vec![other_alg.name().into()];
            assert!(
                decode_complete(&token, other_key, &other).is_err(),
                "accepted as {other_alg:?}"
            );
        }
    }
});
