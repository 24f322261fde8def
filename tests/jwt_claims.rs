//! Registered claims with PyJWT 2.10's rules, order and messages, plus the
//! extras max_age and typ and an injectable clock.
#![cfg(feature = "hmac")] // needs HMAC keys
#![allow(clippy::unwrap_used)]

use jwt_wasm::{
    Algorithm, EncodeOptions, Error, ErrorKind, Key, Validation, base64url, decode, encode,
};
use serde_json::{Value, json};

const NOW: f64 = 1_700_000_000.0;

fn key() -> Key {
    Key::from_secret("a-string-secret-at-least-256-bits-long").unwrap()
}

fn tok(claims: Value) -> String {
    encode(&claims, &key(), &EncodeOptions::default()).unwrap()
}

/// A token with the payload text exactly as given (so non-normalised values
/// such as `"exp": 1.5` or `"exp": "1"` reach the decoder).
fn raw(payload: &str) -> String {
    let input = format!(
        "{}.{}",
        base64url::encode(br#"{"alg":"HS256","typ":"JWT"}"#),
        base64url::encode(payload.as_bytes())
    );
    let sig = Algorithm::HS256.sign(input.as_bytes(), &key()).unwrap();
    format!("{input}.{}", base64url::encode(&sig))
}

fn val() -> Validation {
    let mut v = Validation::new(&[Algorithm::HS256]);
    v.now = Some(NOW);
    v
}

fn fails(token: &str, v: &Validation) -> Error {
    decode(token, &key(), v).unwrap_err()
}

fn check(err: Error, kind: ErrorKind, message: &str) {
    assert_eq!((err.kind(), err.message()), (kind, message));
}

fn passes(token: &str, v: &Validation) {
    if let Err(err) = decode(token, &key(), v) {
        panic!("{token}: {err:?}");
    }
}

#[test]
fn require_treats_absent_and_null_alike() {
    let mut v = val();
    v.require = vec!["exp".into(), "sub".into()];
    let err = fails(&tok(json!({"sub": "x"})), &v);
    check(
        err.clone(),
        ErrorKind::MissingRequiredClaim,
        "Token is missing the \"exp\" claim",
    );
    assert_eq!(err.claim(), Some("exp"));
    let err = fails(&tok(json!({"exp": NOW as i64 + 10, "sub": null})), &v);
    check(
        err.clone(),
        ErrorKind::MissingRequiredClaim,
        "Token is missing the \"sub\" claim",
    );
    assert_eq!(err.claim(), Some("sub"));
    passes(&tok(json!({"exp": NOW as i64 + 10, "sub": ""})), &v);
    // `require` applies even without signature verification (PyJWT).
    let mut unverified = Validation::without_signature();
    unverified.require = vec!["jti".into()];
    check(
        fails(&tok(json!({})), &unverified),
        ErrorKind::MissingRequiredClaim,
        "Token is missing the \"jti\" claim",
    );
}

#[test]
fn exp_with_leeway_edges() {
    let now = NOW as i64;
    check(
        fails(&tok(json!({"exp": now})), &val()),
        ErrorKind::ExpiredSignature,
        "Signature has expired",
    );
    passes(&tok(json!({"exp": now + 1})), &val());
    let mut v = val();
    v.leeway = 10.0;
    passes(&tok(json!({"exp": now - 9})), &v);
    check(
        fails(&tok(json!({"exp": now - 10})), &v),
        ErrorKind::ExpiredSignature,
        "Signature has expired",
    );
    // A fractional clock: exp 1700000001 > now 1700000000.5.
    v.leeway = 0.0;
    v.now = Some(NOW + 0.5);
    passes(&tok(json!({"exp": now + 1})), &v);
    // Non-integers are truncated like int(): 1700000000.9 -> 1700000000 <= now.
    check(
        fails(&raw(&format!(r#"{{"exp":{}.9}}"#, now)), &v),
        ErrorKind::ExpiredSignature,
        "Signature has expired",
    );
}

#[test]
fn nbf_with_leeway_edges() {
    let now = NOW as i64;
    passes(&tok(json!({"nbf": now})), &val());
    check(
        fails(&tok(json!({"nbf": now + 1})), &val()),
        ErrorKind::ImmatureSignature,
        "The token is not yet valid (nbf)",
    );
    let mut v = val();
    v.leeway = 5.0;
    passes(&tok(json!({"nbf": now + 5})), &v);
    check(
        fails(&tok(json!({"nbf": now + 6})), &v),
        ErrorKind::ImmatureSignature,
        "The token is not yet valid (nbf)",
    );
}

#[test]
fn iat_in_the_future() {
    let now = NOW as i64;
    passes(&tok(json!({"iat": now})), &val());
    check(
        fails(&tok(json!({"iat": now + 1})), &val()),
        ErrorKind::ImmatureSignature,
        "The token is not yet valid (iat)",
    );
    let mut v = val();
    v.leeway = 1.0;
    passes(&tok(json!({"iat": now + 1})), &v);
}

#[test]
fn time_claims_must_be_numbers_in_range() {
    let bad = [
        "\"1700000000\"",
        "true",
        "null",
        "[1]",
        "{}",
        "-1",
        "-0.5",
        "253402300800",
        "1e300",
        "18446744073709551615",
    ];
    for value in bad {
        let msg = |c: &str| format!(r#"{{"{c}":{value}}}"#);
        check(
            fails(&raw(&msg("iat")), &val()),
            ErrorKind::InvalidIssuedAt,
            "Issued At claim (iat) must be an integer.",
        );
        check(
            fails(&raw(&msg("nbf")), &val()),
            ErrorKind::Decode,
            "Not Before claim (nbf) must be an integer.",
        );
        check(
            fails(&raw(&msg("exp")), &val()),
            ErrorKind::Decode,
            "Expiration Time claim (exp) must be an integer.",
        );
    }
    // The bounds themselves are fine.
    passes(&raw(r#"{"exp":253402300799,"nbf":0,"iat":0}"#), &val());
}

#[test]
fn checks_run_in_pyjwt_order() {
    let now = NOW as i64;
    let mut v = val();
    v.audience = Some(vec!["api".into()]);
    v.issuer = Some(vec!["me".into()]);
    v.require = vec!["jti".into()];
    // require → iat → nbf → exp → iss → aud → sub → jti.
    let all_bad = json!({"iat": now + 100, "nbf": now + 100, "exp": now - 100, "iss": "x", "aud": "x", "sub": 1});
    check(
        fails(&tok(all_bad.clone()), &v),
        ErrorKind::MissingRequiredClaim,
        "Token is missing the \"jti\" claim",
    );
    let mut claims = all_bad;
    claims["jti"] = json!(5);
    check(
        fails(&tok(claims.clone()), &v),
        ErrorKind::ImmatureSignature,
        "The token is not yet valid (iat)",
    );
    claims["iat"] = json!(now);
    check(
        fails(&tok(claims.clone()), &v),
        ErrorKind::ImmatureSignature,
        "The token is not yet valid (nbf)",
    );
    claims["nbf"] = json!(now);
    check(
        fails(&tok(claims.clone()), &v),
        ErrorKind::ExpiredSignature,
        "Signature has expired",
    );
    claims["exp"] = json!(now + 100);
    check(
        fails(&tok(claims.clone()), &v),
        ErrorKind::InvalidIssuer,
        "Invalid issuer",
    );
    claims["iss"] = json!("me");
    check(
        fails(&tok(claims.clone()), &v),
        ErrorKind::InvalidAudience,
        "Audience doesn't match",
    );
    claims["aud"] = json!("api");
    check(
        fails(&tok(claims.clone()), &v),
        ErrorKind::InvalidSubject,
        "Subject must be a string",
    );
    claims["sub"] = json!("s");
    check(
        fails(&tok(claims.clone()), &v),
        ErrorKind::InvalidJti,
        "JWT ID must be a string",
    );
    claims["jti"] = json!("j");
    passes(&tok(claims), &v);
}

#[test]
fn issuer_exact_match_and_list_membership() {
    let mut v = val();
    v.issuer = Some(vec!["https://issuer.example".into()]);
    passes(&tok(json!({"iss": "https://issuer.example"})), &v);
    check(
        fails(&tok(json!({})), &v),
        ErrorKind::MissingRequiredClaim,
        "Token is missing the \"iss\" claim",
    );
    for iss in [json!(1), json!(null), json!(["https://issuer.example"])] {
        check(
            fails(&tok(json!({"iss": iss})), &v),
            ErrorKind::InvalidIssuer,
            "Payload Issuer (iss) must be a string",
        );
    }
    // CVE-2024-53861: a substring of the expected issuer is not a match.
    for iss in [
        "https://issuer.exampl",
        "issuer",
        "",
        "https://issuer.example/",
        "HTTPS://ISSUER.EXAMPLE",
    ] {
        check(
            fails(&tok(json!({"iss": iss})), &v),
            ErrorKind::InvalidIssuer,
            "Invalid issuer",
        );
    }
    v.issuer = Some(vec!["a".into(), "bc".into()]);
    passes(&tok(json!({"iss": "bc"})), &v);
    check(
        fails(&tok(json!({"iss": "b"})), &v),
        ErrorKind::InvalidIssuer,
        "Invalid issuer",
    );
    // No expected issuer: anything goes.
    passes(&tok(json!({"iss": 5})), &val());
}

#[test]
fn audience_like_pyjwt() {
    // No audience expected: a truthy aud is refused, a falsy one ignored.
    check(
        fails(&tok(json!({"aud": "api"})), &val()),
        ErrorKind::InvalidAudience,
        "Invalid audience",
    );
    for falsy in [
        json!(""),
        json!([]),
        json!(null),
        json!(0),
        json!(false),
        json!({}),
    ] {
        passes(&tok(json!({"aud": falsy})), &val());
    }
    let mut v = val();
    v.audience = Some(vec!["api".into(), "web".into()]);
    passes(&tok(json!({"aud": "web"})), &v);
    passes(&tok(json!({"aud": ["x", "api"]})), &v);
    for missing in [
        json!({}),
        json!({"aud": ""}),
        json!({"aud": []}),
        json!({"aud": null}),
    ] {
        let err = fails(&tok(missing), &v);
        check(
            err.clone(),
            ErrorKind::MissingRequiredClaim,
            "Token is missing the \"aud\" claim",
        );
        assert_eq!(err.claim(), Some("aud"));
    }
    for bad in [
        json!({"aud": 1}),
        json!({"aud": {"a": 1}}),
        json!({"aud": ["api", 1]}),
        json!({"aud": true}),
    ] {
        check(
            fails(&tok(bad), &v),
            ErrorKind::InvalidAudience,
            "Invalid claim format in token",
        );
    }
    check(
        fails(&tok(json!({"aud": ["x", "y"]})), &v),
        ErrorKind::InvalidAudience,
        "Audience doesn't match",
    );
    // Membership, not substring.
    check(
        fails(&tok(json!({"aud": "ap"})), &v),
        ErrorKind::InvalidAudience,
        "Audience doesn't match",
    );
}

#[test]
fn strict_audience() {
    let mut v = val();
    v.strict_aud = true;
    v.audience = Some(vec!["api".into()]);
    passes(&tok(json!({"aud": "api"})), &v);
    check(
        fails(&tok(json!({"aud": ["api"]})), &v),
        ErrorKind::InvalidAudience,
        "Invalid claim format in token (strict)",
    );
    check(
        fails(&tok(json!({"aud": 3})), &v),
        ErrorKind::InvalidAudience,
        "Invalid claim format in token (strict)",
    );
    check(
        fails(&tok(json!({"aud": "web"})), &v),
        ErrorKind::InvalidAudience,
        "Audience doesn't match (strict)",
    );
    check(
        fails(&tok(json!({})), &v),
        ErrorKind::MissingRequiredClaim,
        "Token is missing the \"aud\" claim",
    );
    v.audience = Some(vec!["api".into(), "web".into()]);
    check(
        fails(&tok(json!({"aud": "api"})), &v),
        ErrorKind::InvalidAudience,
        "Invalid audience (strict)",
    );
    // PyJWT reports the missing claim before the audience list's shape.
    check(
        fails(&tok(json!({})), &v),
        ErrorKind::MissingRequiredClaim,
        "Token is missing the \"aud\" claim",
    );
    v.audience = None;
    check(
        fails(&tok(json!({"aud": "api"})), &v),
        ErrorKind::InvalidAudience,
        "Invalid audience",
    );
}

#[test]
fn subject_and_jti() {
    let mut v = val();
    passes(&tok(json!({"sub": "anyone"})), &v);
    check(
        fails(&tok(json!({"sub": 1})), &v),
        ErrorKind::InvalidSubject,
        "Subject must be a string",
    );
    check(
        fails(&tok(json!({"sub": null})), &v),
        ErrorKind::InvalidSubject,
        "Subject must be a string",
    );
    v.subject = Some("alice".into());
    passes(&tok(json!({"sub": "alice"})), &v);
    passes(&tok(json!({})), &v); // like PyJWT, an absent sub is not checked
    check(
        fails(&tok(json!({"sub": "bob"})), &v),
        ErrorKind::InvalidSubject,
        "Invalid subject",
    );
    check(
        fails(&tok(json!({"jti": 7})), &val()),
        ErrorKind::InvalidJti,
        "JWT ID must be a string",
    );
    passes(&tok(json!({"jti": "7"})), &val());
}

#[test]
fn each_verify_flag_turns_its_check_off() {
    let now = NOW as i64;
    type Case = (fn(&mut Validation), Value);
    let cases: [Case; 7] = [
        (|v| v.verify_exp = Some(false), json!({"exp": now - 1})),
        (|v| v.verify_nbf = Some(false), json!({"nbf": now + 100})),
        (|v| v.verify_iat = Some(false), json!({"iat": "soon"})),
        (|v| v.verify_aud = Some(false), json!({"aud": "x"})),
        (|v| v.verify_iss = Some(false), json!({"iss": "x"})),
        (|v| v.verify_sub = Some(false), json!({"sub": 1})),
        (|v| v.verify_jti = Some(false), json!({"jti": 1})),
    ];
    for (turn_off, claims) in cases {
        let mut v = val();
        if claims.get("iss").is_some() {
            v.issuer = Some(vec!["me".into()]);
        }
        let token = if claims.get("iat").is_some() {
            raw(&claims.to_string())
        } else {
            tok(claims.clone())
        };
        assert!(decode(&token, &key(), &v).is_err(), "{claims}");
        turn_off(&mut v);
        passes(&token, &v);
    }
}

#[test]
fn without_signature_the_claim_checks_default_off() {
    let now = NOW as i64;
    let claims = json!({"exp": now - 1, "nbf": now + 9, "iat": now + 9, "aud": "x", "iss": "x", "sub": 1, "jti": 2});
    let mut v = Validation::without_signature();
    v.now = Some(NOW);
    v.issuer = Some(vec!["me".into()]);
    v.audience = Some(vec!["api".into()]);
    passes(&tok(claims.clone()), &v);
    // ...unless explicitly asked for.
    v.verify_exp = Some(true);
    check(
        fails(&tok(claims), &v),
        ErrorKind::ExpiredSignature,
        "Signature has expired",
    );
}

#[test]
fn max_age_needs_iat() {
    let now = NOW as i64;
    let mut v = val();
    v.max_age = Some(60.0);
    passes(&tok(json!({"iat": now - 60})), &v);
    check(
        fails(&tok(json!({"iat": now - 61})), &v),
        ErrorKind::ExpiredSignature,
        "Token is too old (max_age exceeded)",
    );
    check(
        fails(&tok(json!({})), &v),
        ErrorKind::MissingRequiredClaim,
        "Token is missing the \"iat\" claim",
    );
    check(
        fails(&raw(r#"{"iat":"x"}"#), &v),
        ErrorKind::InvalidIssuedAt,
        "Issued At claim (iat) must be an integer.",
    );
    v.leeway = 5.0;
    passes(&tok(json!({"iat": now - 65})), &v);
    check(
        fails(&tok(json!({"iat": now - 66})), &v),
        ErrorKind::ExpiredSignature,
        "Token is too old (max_age exceeded)",
    );
}

#[test]
fn expected_typ() {
    let with_typ = |typ: Value| {
        let options = EncodeOptions {
            headers: vec![("typ".into(), typ)],
            ..Default::default()
        };
        encode(&json!({}), &key(), &options).unwrap()
    };
    let mut v = val();
    v.typ = Some("at+jwt".into());
    for ok in [
        "at+jwt",
        "AT+JWT",
        "application/at+jwt",
        "Application/At+JWT",
    ] {
        passes(&with_typ(json!(ok)), &v);
    }
    check(
        fails(&with_typ(json!("JWT")), &v),
        ErrorKind::InvalidToken,
        "Invalid \"typ\" header: expected \"at+jwt\", got \"JWT\"",
    );
    check(
        fails(&with_typ(json!(null)), &v),
        ErrorKind::InvalidToken,
        "Invalid \"typ\" header: expected \"at+jwt\", but the header has none",
    );
    check(
        fails(&with_typ(json!(5)), &v),
        ErrorKind::InvalidToken,
        "Invalid \"typ\" header: must be a string",
    );
    v.typ = Some("application/JWT".into());
    passes(&with_typ(json!("jwt")), &v);
}

#[test]
fn clock_settings() {
    let mut v = val();
    for bad in [f64::NAN, f64::INFINITY] {
        v.leeway = bad;
        check(
            fails(&tok(json!({})), &v),
            ErrorKind::InvalidToken,
            "Validation setting \"leeway\" must be a finite number",
        );
    }
    v.leeway = 0.0;
    v.now = Some(f64::NAN);
    check(
        fails(&tok(json!({})), &v),
        ErrorKind::InvalidToken,
        "Validation setting \"now\" must be a finite number",
    );
    // The injected clock decides: the same token is valid before exp and not after.
    let token = tok(json!({"exp": 2_000}));
    v.now = Some(1_999.0);
    passes(&token, &v);
    v.now = Some(2_000.0);
    check(
        fails(&token, &v),
        ErrorKind::ExpiredSignature,
        "Signature has expired",
    );
}

#[cfg(feature = "std")]
#[test]
fn system_clock_is_used_without_now() {
    let v = Validation::new(&[Algorithm::HS256]);
    check(
        fails(&tok(json!({"exp": 1})), &v),
        ErrorKind::ExpiredSignature,
        "Signature has expired",
    );
    passes(&tok(json!({"exp": 253_402_300_799i64})), &v);
}

/// Without the `std` feature there is no clock: time checks need `now`,
/// and say so instead of panicking.
#[cfg(not(feature = "std"))]
#[test]
fn no_clock_without_std() {
    let v = Validation::new(&[Algorithm::HS256]);
    check(
        fails(&tok(json!({"exp": 1})), &v),
        ErrorKind::InvalidToken,
        "No clock is available in this build: set Validation::now to the current Unix time",
    );
    // Tokens without time claims need no clock.
    passes(&tok(json!({"sub": "x"})), &v);
    check(
        fails(&tok(json!({"exp": 1})), &val()),
        ErrorKind::ExpiredSignature,
        "Signature has expired",
    );
}
