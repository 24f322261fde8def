//! Helpers shared by the fuzz targets: fixed keys (so a crash reproduces
//! byte for byte) and the key round-trip properties.
#![allow(dead_code)]

use std::sync::OnceLock;

use jwt_wasm::{Algorithm, Family, Key};
use serde_json::Value;

/// HS256 secret: 32 bytes, so no key-length warning.
pub const HS256_SECRET: &str = "fuzz-secret-of-at-least-32-bytes!!";

/// A throwaway P-256 private key generated for this fuzz harness.
pub const ES256_JWK: &str = r#"{"kty":"EC","crv":"P-256",
 "x":"5pVtI4MFiIcy6tzpp4RyLJXXvlKfdxdHYi_TOf5SF3I",
 "y":"NYIuC1G8W8Rp1Qpe-lHSdX6ECDo8xYH6X4d0aqBZk4g",
 "d":"hE_xXKUaREvBdfTLrExe1MBZzFd2WbBsYluwLWDeQqs"}"#;

/// RFC 8037 Appendix A.1 Ed25519 private key.
pub const ED25519_JWK: &str = r#"{"kty":"OKP","crv":"Ed25519",
 "d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A",
 "x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#;

/// The three verification keys, with the algorithm each one signs with.
pub fn keys() -> &'static [(Algorithm, Key); 3] {
    static KEYS: OnceLock<[(Algorithm, Key); 3]> = OnceLock::new();
    KEYS.get_or_init(|| {
        [
            (
                Algorithm::HS256,
                Key::from_secret(HS256_SECRET).expect("HS256 secret"),
            ),
            (
                Algorithm::ES256,
                Key::from_jwk_str(ES256_JWK).expect("ES256 JWK"),
            ),
            (
                Algorithm::EdDSA,
                Key::from_jwk_str(ED25519_JWK).expect("Ed25519 JWK"),
            ),
        ]
    })
}

/// Every error carries a class and a readable message.
pub fn check_error(e: &jwt_wasm::Error) {
    assert!(!e.message().is_empty(), "error without a message: {e:?}");
}

/// Properties of any key that was imported successfully: its JWK export
/// re-imports to the same thumbprint, privacy, kid and alg; its PEM and DER
/// exports (asymmetric keys) re-import to the same thumbprint; its public half
/// has the same thumbprint; a private key's signature verifies with the
/// public half and fails on another message.
pub fn check_key(key: &Key) {
    let thumb = key.thumbprint().expect("an imported key has a thumbprint");
    let jwk = Value::Object(key.to_jwk());
    let again = Key::from_jwk(&jwk)
        .unwrap_or_else(|e| panic!("exported JWK does not re-import: {e:?}\n{jwk}"));
    assert_eq!(
        again.thumbprint().ok().as_deref(),
        Some(thumb.as_str()),
        "JWK round trip"
    );
    assert_eq!(
        again.is_private(),
        key.is_private(),
        "JWK round trip privacy"
    );
    assert_eq!(again.kid(), key.kid(), "JWK round trip kid");
    assert_eq!(again.alg(), key.alg(), "JWK round trip alg");
    assert_eq!(again.family(), key.family(), "JWK round trip family");
    assert_eq!(
        again.to_jwk(),
        key.to_jwk(),
        "to_jwk is stable across a round trip"
    );

    if key.family() == Family::Hmac {
        assert!(key.to_pem().is_err(), "an HMAC secret has no PEM form");
        assert!(
            key.public_key().is_err(),
            "an HMAC secret has no public half"
        );
        return;
    }
    let pem = key.to_pem().expect("asymmetric key exports as PEM");
    let from_pem = Key::from_pem(&pem)
        .unwrap_or_else(|e| panic!("exported PEM does not re-import: {e:?}\n{pem}"));
    assert_eq!(
        from_pem.thumbprint().ok().as_deref(),
        Some(thumb.as_str()),
        "PEM round trip"
    );
    assert_eq!(
        from_pem.is_private(),
        key.is_private(),
        "PEM round trip privacy"
    );
    assert_eq!(
        from_pem.to_pem().ok().as_deref(),
        Some(pem.as_str()),
        "to_pem is stable"
    );
    let der = key.to_der().expect("asymmetric key exports as DER");
    let from_der = Key::from_der(&der).expect("exported DER re-imports");
    assert_eq!(
        from_der.thumbprint().ok().as_deref(),
        Some(thumb.as_str()),
        "DER round trip"
    );

    let public = key.public_key().expect("asymmetric key has a public half");
    assert!(!public.is_private());
    assert_eq!(
        public.thumbprint().ok().as_deref(),
        Some(thumb.as_str()),
        "public half"
    );

    if key.is_private() {
        let alg = key.default_alg();
        let sig = alg
            .sign(b"fuzz message", key)
            .unwrap_or_else(|e| panic!("imported private key cannot sign with {alg:?}: {e:?}"));
        assert_eq!(
            alg.verify(b"fuzz message", &public, &sig).ok(),
            Some(true),
            "own signature"
        );
        assert_eq!(
            alg.verify(b"fuzz messagf", &public, &sig).ok(),
            Some(false),
            "other message"
        );
    }
}
