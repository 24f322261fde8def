//! Token decoding without verification: `decode_complete` with
//! `Validation::without_signature()` and the `dangerous` readers.
//!
//! Properties: the three readers agree; what they return is what the
//! segments hold; and a token that decodes can be re-signed with HS256 from
//! its own header and payload text, after which it verifies and decodes to
//! the same claims.
#![no_main]

#[path = "common.rs"]
mod common;

use jwt_wasm::base64url;
use jwt_wasm::dangerous::{get_unverified_claims, get_unverified_header};
use jwt_wasm::{Algorithm, EncodeOptions, Validation, decode_complete, encode_json};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

/// Checks only the signature, no claim rules.
fn signature_only() -> Validation {
    let mut v = Validation::new(&[Algorithm::HS256]);
    for flag in [
        &mut v.verify_exp,
        &mut v.verify_nbf,
        &mut v.verify_iat,
        &mut v.verify_aud,
        &mut v.verify_iss,
        &mut v.verify_sub,
        &mut v.verify_jti,
    ] {
        *flag = Some(false);
    }
    v
}

fuzz_target!(|data: &[u8]| {
    let Ok(token) = std::str::from_utf8(data) else {
        return;
    };
    let (hs_alg, hs_key) = &common::keys()[0];
    let header = get_unverified_header(token);
    let claims = get_unverified_claims(token);
    let decoded = decode_complete(token, hs_key, &Validation::without_signature());

    let decoded = match decoded {
        Ok(d) => d,
        Err(e) => {
            common::check_error(&e);
            if let Err(h) = &header {
                assert_eq!(h.message(), e.message(), "header errors are reported first");
                assert!(
                    claims.is_err(),
                    "claims read although the header was refused"
                );
            }
            return;
        }
    };
    assert_eq!(
        header.as_ref().ok(),
        Some(decoded.header()),
        "get_unverified_header"
    );
    assert_eq!(
        claims.as_ref().ok(),
        Some(decoded.claims()),
        "get_unverified_claims"
    );

    // The segments are canonical base64url of what was returned.
    let segments: Vec<&str> = token.split('.').collect();
    assert_eq!(segments.len(), 3);
    assert_eq!(
        base64url::encode(decoded.payload_json().as_bytes()),
        segments[1]
    );
    assert_eq!(base64url::encode(decoded.signature()), segments[2]);
    let reread: serde_json::Map<String, Value> =
        serde_json::from_str(decoded.payload_json()).expect("payload is JSON");
    assert_eq!(&reread, decoded.claims(), "payload text vs claims");

    // Re-sign with HS256, keeping every header parameter but `alg`. Headers
    // whose `b64`/`crit`/`typ` encode rewrites on purpose are left out.
    let h = decoded.header();
    let rewritten = h.get("b64").is_some()
        || h.get("crit").is_some()
        || h.get("typ")
            .is_some_and(|t| !t.as_str().is_some_and(|s| !s.is_empty()));
    if rewritten {
        return;
    }
    let options = EncodeOptions {
        algorithm: *hs_alg,
        headers: h
            .iter()
            .filter(|(n, _)| *n != "alg")
            .map(|(n, v)| (n.to_string(), v.clone()))
            .collect(),
        ..EncodeOptions::default()
    };
    let resigned = encode_json(decoded.payload_json(), hs_key, &options)
        .unwrap_or_else(|e| panic!("decoded header/payload do not re-encode: {e:?}"));
    let again = decode_complete(&resigned, hs_key, &signature_only())
        .unwrap_or_else(|e| panic!("re-signed token does not verify: {e:?}\n{resigned}"));
    assert_eq!(again.header().alg(), Some("HS256"));
    for (name, value) in h.iter().filter(|(n, _)| *n != "alg") {
        assert_eq!(
            again.header().get(name),
            Some(value),
            "header parameter {name}"
        );
    }
    let times_rounded = ["exp", "nbf", "iat"]
        .iter()
        .any(|c| decoded.claims().get(*c).is_some_and(|v| v.is_f64()));
    if times_rounded {
        assert_eq!(again.claims().len(), decoded.claims().len());
    } else {
        assert_eq!(
            again.payload_json(),
            decoded.payload_json(),
            "payload kept verbatim"
        );
        assert_eq!(again.claims(), decoded.claims());
    }
});
