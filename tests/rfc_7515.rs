//! RFC 7515 Appendix A examples (https://www.rfc-editor.org/rfc/rfc7515#appendix-A),
//! values typed in from the RFC.
#![cfg(feature = "hmac")] // needs HMAC keys
#![allow(clippy::unwrap_used)]

use jwt_wasm::{
    Algorithm, ErrorKind, Key, Validation, base64url, dangerous, decode, decode_complete, jws,
};

/// The A.1/A.2/A.3 payload: `{"iss":"joe",\r\n "exp":1300819380,\r\n "http://example.com/is_root":true}`.
const PAYLOAD: &str = "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ";
const EXP: f64 = 1_300_819_380.0;

/// RFC 7515 A.1.1: the HS256 key `k`.
const A1_K: &str =
    "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow";
/// RFC 7515 A.1.1: header `{"typ":"JWT",\r\n "alg":"HS256"}` and the resulting JWS.
const A1_TOKEN: &str = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.\
eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.\
dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

fn a1_key() -> Key {
    Key::from_secret(base64url::decode(A1_K).unwrap()).unwrap()
}

fn before_exp() -> Validation {
    let mut v = Validation::new(&[Algorithm::HS256]);
    v.now = Some(EXP - 1.0);
    v
}

#[test]
fn a1_hs256_signature_is_reproduced() {
    let input = A1_TOKEN.rsplit_once('.').unwrap().0;
    assert!(input.ends_with(PAYLOAD));
    let sig = Algorithm::HS256.sign(input.as_bytes(), &a1_key()).unwrap();
    assert_eq!(
        base64url::encode(&sig),
        "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
    );
}

#[test]
fn a1_hs256_decodes_before_exp() {
    let decoded = decode_complete(A1_TOKEN, &a1_key(), &before_exp()).unwrap();
    assert_eq!(decoded.header().typ(), Some("JWT"));
    assert_eq!(decoded.claims()["iss"], "joe");
    assert_eq!(decoded.claims()["exp"], 1_300_819_380u64);
    assert_eq!(decoded.claims()["http://example.com/is_root"], true);
    assert_eq!(
        decoded.payload_json(),
        "{\"iss\":\"joe\",\r\n \"exp\":1300819380,\r\n \"http://example.com/is_root\":true}"
    );
    // The header's member order is kept as sent.
    assert_eq!(
        decoded.header().iter().map(|(n, _)| n).collect::<Vec<_>>(),
        ["typ", "alg"]
    );
    let (_, payload) = jws::verify_compact(A1_TOKEN, &a1_key(), &[Algorithm::HS256]).unwrap();
    assert_eq!(base64url::encode(&payload), PAYLOAD);
}

#[test]
fn a1_hs256_is_expired_at_and_after_exp() {
    let mut v = before_exp();
    v.now = Some(EXP);
    let err = decode(A1_TOKEN, &a1_key(), &v).unwrap_err();
    assert_eq!(
        (err.kind(), err.message()),
        (ErrorKind::ExpiredSignature, "Signature has expired")
    );
    // With the system clock (2026 and later) it is long expired.
    #[cfg(feature = "std")]
    assert_eq!(
        decode(A1_TOKEN, &a1_key(), &Validation::new(&[Algorithm::HS256]))
            .unwrap_err()
            .kind(),
        ErrorKind::ExpiredSignature
    );
}

#[test]
fn a1_hs256_rejects_a_changed_payload() {
    let payload = String::from_utf8(base64url::decode(PAYLOAD).unwrap()).unwrap();
    let changed = base64url::encode(payload.replace("true", "false").as_bytes());
    let forged = A1_TOKEN.replace(PAYLOAD, &changed);
    assert_ne!(forged, A1_TOKEN);
    let err = decode(&forged, &a1_key(), &before_exp()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidSignature);
}

/// RFC 7515 A.5: an Unsecured JWS.
const A5_TOKEN: &str = "eyJhbGciOiJub25lIn0.\
eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.";

#[test]
fn a5_unsecured_never_verifies() {
    let mut v = before_exp();
    v.algorithms = vec!["none".into(), "HS256".into()];
    let err = decode(A5_TOKEN, &a1_key(), &v).unwrap_err();
    assert_eq!(
        (err.kind(), err.message()),
        (
            ErrorKind::InvalidAlgorithm,
            "The specified alg value is not allowed"
        )
    );
    let err =
        jws::verify_compact(A5_TOKEN, &a1_key(), &[Algorithm::None, Algorithm::HS256]).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidAlgorithm);
}

#[test]
fn a5_unsecured_can_be_read_through_dangerous() {
    assert_eq!(
        dangerous::get_unverified_header(A5_TOKEN).unwrap().alg(),
        Some("none")
    );
    assert_eq!(
        dangerous::get_unverified_claims(A5_TOKEN).unwrap()["iss"],
        "joe"
    );
    let mut v = Validation::without_signature();
    v.now = Some(EXP + 10.0);
    assert_eq!(decode(A5_TOKEN, &a1_key(), &v).unwrap()["iss"], "joe");
}

// RFC 7515 A.2 (RS256), A.3 (ES256) and A.4 (ES512), in builds with RSA and ECDSA.
#[cfg(all(feature = "rsa", feature = "ecdsa"))]
mod asymmetric {
    use super::*;
    use serde_json::json;

    /// RFC 7515 A.2.1: the RSA public key.
    const A2_N: &str = "ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ";
    const A2_SIG: &str = "cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-eOkHWEsqtFZESc6BfI7noOPqvhJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe77Rw";

    #[test]
    fn a2_rs256() {
        let key = Key::from_jwk(&json!({"kty": "RSA", "n": A2_N, "e": "AQAB"})).unwrap();
        let token = format!("eyJhbGciOiJSUzI1NiJ9.{PAYLOAD}.{A2_SIG}");
        let mut v = Validation::new(&[Algorithm::RS256]);
        v.now = Some(EXP - 1.0);
        assert_eq!(decode(&token, &key, &v).unwrap()["iss"], "joe");
        // The same key never verifies as an HMAC secret (algorithm confusion).
        let mut hs = Validation::new(&[Algorithm::HS256]);
        hs.now = v.now;
        let confused = format!("eyJhbGciOiJIUzI1NiJ9.{PAYLOAD}.{A2_SIG}");
        assert!(decode(&confused, &key, &hs).is_err());
    }

    #[test]
    fn a3_es256_with_high_s() {
        let key = Key::from_jwk(&json!({"kty": "EC", "crv": "P-256",
            "x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU", "y": "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"})).unwrap();
        let token = format!(
            "eyJhbGciOiJFUzI1NiJ9.{PAYLOAD}.DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q"
        );
        let mut v = Validation::new(&[Algorithm::ES256]);
        v.now = Some(EXP - 1.0);
        assert_eq!(decode(&token, &key, &v).unwrap()["iss"], "joe");
    }

    #[test]
    fn a4_es512_non_json_payload() {
        let key = Key::from_jwk(&json!({"kty": "EC", "crv": "P-521",
            "x": "AekpBQ8ST8a8VcfVOTNl353vSrDCLLJXmPk06wTjxrrjcBpXp5EOnYG_NjFZ6OvLFV1jSfS9tsz4qUxcWceqwQGk",
            "y": "ADSmRA43Z1DSNx_RvcLI87cdL07l6jQyyBXMoxVg_l2Th-x3S1WDhjDly79ajL4Kkd0AZMaZmh9ubmf63e3kyMj2"})).unwrap();
        let token = "eyJhbGciOiJFUzUxMiJ9.UGF5bG9hZA.AdwMgeerwtHoh-l192l60hp9wAHZFVJbLfD_UxMi70cwnZOYaRI1bKPWROc-mZZqwqT2SI-KGDKB34XO0aw_7XdtAG8GaSwFKdCAPZgoXD2YBJZCPEX3xKpRwcdOO8KpEHwJjyqOgzDO7iKvU8vcnwNrmxYbSW9ERBXukOXolLzeO_Jn";
        let (header, payload) = jws::verify_compact(token, &key, &[Algorithm::ES512]).unwrap();
        assert_eq!(header.alg(), Some("ES512"));
        assert_eq!(payload, b"Payload");
        // "Payload" is not a JSON object, so it is not a JWT.
        let err = decode(token, &key, &Validation::new(&[Algorithm::ES512])).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Decode);
        assert!(
            err.message().starts_with("Invalid payload string: "),
            "{err:?}"
        );
    }
}
