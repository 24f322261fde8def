//! The lean decode of the JS binding against [`decode_complete`]: for every
//! payload and set of checks, the same verdict and the same error.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;

use super::{decode_complete, decode_complete_lean};
use crate::{Algorithm, Key, Validation, base64url};

fn token(payload: &str, key: &Key) -> String {
    let input = format!(
        "{}.{}",
        base64url::encode(br#"{"alg":"HS256","typ":"JWT"}"#),
        base64url::encode(payload.as_bytes())
    );
    let sig = Algorithm::HS256.sign(input.as_bytes(), key).unwrap();
    format!("{input}.{}", base64url::encode(&sig))
}

/// Payloads whose claims take every branch of the checks: plain and escaped
/// strings (the lean reader builds no value for plain ones), other types,
/// null and empty values, and texts the quick scan leaves to the full reader.
const PAYLOADS: &[&str] = &[
    r#"{}"#,
    r#"{"iss":"https://a.example","aud":"api","sub":"me","jti":"j1","iat":1000,"exp":3000,"nbf":1000}"#,
    r#"{"iss":"https:\/\/a.example","aud":"ap\u0069","sub":"m\u0065"}"#,
    r#"{"iss":"https://b.example","aud":["x","api"],"sub":"you"}"#,
    r#"{"iss":7,"aud":7,"sub":7,"jti":7}"#,
    r#"{"iss":null,"aud":null,"sub":null,"jti":null,"exp":null}"#,
    r#"{"iss":"","aud":"","sub":""}"#,
    r#"{"aud":[]}"#,
    r#"{"aud":["api",1]}"#,
    r#"{"aud":{"a":1}}"#,
    r#"{"aud":0}"#,
    r#"{"aud":"api","exp":1500.7,"iat":999.9}"#,
    r#"{"exp":"3000","iat":"1000","nbf":true}"#,
    r#"{"exp":1e3}"#,
    r#"{"exp":1999}"#,
    r#"{"nbf":2500,"iat":2500}"#,
    r#"{"iat":-1}"#,
    r#"{"iat":253402300800}"#,
    r#"{"\u0069ss":"https://a.example","aud":"api"}"#,
    r#"{"iss":"https://a.example","iss":"https://a.example"}"#,
    r#"{"custom":"x","email":"a@b.example"}"#,
    r#"[1]"#,
    r#"{"a":1"#,
];

fn validations() -> Vec<Validation> {
    let base = || {
        let mut v = Validation::new(&[Algorithm::HS256]);
        v.now = Some(2000.0);
        v
    };
    let mut all = vec![base()];
    let mut v = base();
    v.audience = Some(vec!["api".into()]);
    v.issuer = Some(vec!["https://a.example".into()]);
    all.push(v);
    let mut v = base();
    v.audience = Some(vec!["api".into()]);
    v.strict_aud = true;
    v.subject = Some("me".into());
    all.push(v);
    // Strict with two audiences: PyJWT reports a missing `aud` first.
    let mut v = base();
    v.audience = Some(vec!["api".into(), "x".into()]);
    v.strict_aud = true;
    all.push(v);
    let mut v = base();
    v.require = vec!["exp".into(), "iss".into(), "email".into()];
    v.leeway = 600.0;
    all.push(v);
    let mut v = base();
    v.max_age = Some(500.0);
    v.verify_exp = Some(false);
    v.verify_aud = Some(false);
    all.push(v);
    let mut v = base();
    v.verify_iss = Some(false);
    v.verify_sub = Some(false);
    v.verify_jti = Some(false);
    v.issuer = Some(vec!["https://a.example".into()]);
    all.push(v);
    all
}

#[test]
fn lean_decode_gives_the_full_decodes_verdicts() {
    let key = Key::from_secret("a-string-secret-at-least-256-bits-long").unwrap();
    let mut outcomes = [0usize; 2];
    for payload in PAYLOADS {
        let token = token(payload, &key);
        for (i, v) in validations().iter().enumerate() {
            let full = decode_complete(&token, &key, v).map(|d| d.payload_json().to_string());
            let lean = decode_complete_lean(&token, &key, v).map(|d| d.payload_json().to_string());
            let describe = |r: &Result<String, crate::Error>| match r {
                Ok(p) => format!("ok {p}"),
                Err(e) => format!("{:?}: {}", e.kind(), e.message()),
            };
            assert_eq!(
                describe(&lean),
                describe(&full),
                "{payload} with validation {i}"
            );
            outcomes[usize::from(full.is_ok())] += 1;
        }
    }
    // Both verdicts are well represented.
    assert!(outcomes[0] > 60 && outcomes[1] > 10, "{outcomes:?}");
}
