//! HMAC secrets: the algorithm-confusion guard (CVE-2015-9235, CVE-2022-29217),
//! key binding, and the minimum-length warning (RFC 7518 §3.2).
// These tests use keys of every family: they need the default features.
#![cfg(all(
    feature = "hmac",
    feature = "rsa",
    feature = "ecdsa",
    feature = "eddsa"
))]
#![allow(clippy::unwrap_used)] // tests may unwrap

use jwt_wasm::{Algorithm, ErrorKind, Family, Key};

const CONFUSION: &str = "The specified key is an asymmetric key or x509 certificate and should not be used as an HMAC secret.";

#[test]
fn secrets_that_look_like_public_keys_are_refused() {
    let cases = [
        "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----\n",
        "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
        "-----BEGIN RSA PUBLIC KEY-----",
        "  \n-----BEGIN PRIVATE KEY-----",
        "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ user@host",
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHl6 me",
        "ecdsa-sha2-nistp256 AAAAE2VjZHNh",
        "ssh-ed25519-cert-v01@openssh.com AAAA",
        "---- BEGIN SSH2 PUBLIC KEY ----",
        r#"{"kty":"RSA","n":"AQAB","e":"AQAB"}"#,
        r#"  {"kty": "oct", "k": "c2VjcmV0"}  "#,
    ];
    for secret in cases {
        let err = Key::from_secret(secret).unwrap_err();
        assert_eq!(
            (err.kind(), err.message()),
            (ErrorKind::InvalidKey, CONFUSION),
            "{secret}"
        );
        assert!(Key::from_secret(secret.as_bytes()).is_err());
    }
}

#[test]
fn ordinary_secrets_are_accepted() {
    for secret in [
        "secret",
        "",
        "{not json",
        r#"{"k":"no kty here"}"#,
        "ssh is a word",
        "-----",
    ] {
        let key = Key::from_secret(secret).unwrap();
        assert_eq!(key.family(), Family::Hmac, "{secret}");
        assert!(key.is_private());
    }
    assert!(Key::from_secret([0xffu8, 0, 1]).is_ok());
}

#[test]
fn short_secrets_get_a_warning_per_algorithm() {
    let key = Key::from_secret("secret").unwrap();
    assert_eq!(
        key.key_length_warning(Algorithm::HS256).unwrap(),
        "The HMAC key is 6 bytes long, which is below the minimum recommended length of 32 bytes \
         for HS256. See RFC 7518 Section 3.2."
    );
    let key32 = Key::from_secret([7u8; 32]).unwrap();
    assert_eq!(key32.key_length_warning(Algorithm::HS256), None);
    assert!(
        key32
            .key_length_warning(Algorithm::HS384)
            .unwrap()
            .contains("48 bytes for HS384")
    );
    assert!(
        key32
            .key_length_warning(Algorithm::HS512)
            .unwrap()
            .contains("64 bytes for HS512")
    );
    assert!(
        Key::from_secret("")
            .unwrap()
            .key_length_warning(Algorithm::HS256)
            .is_some()
    );
    // Not an HMAC algorithm: nothing to say about an HMAC secret.
    assert_eq!(key.key_length_warning(Algorithm::RS256), None);
}

#[test]
fn keys_bind_only_to_algorithms_of_their_family() {
    let secret = Key::from_secret("secret").unwrap();
    for alg in Algorithm::ALL {
        let bound = secret.clone().with_alg(alg);
        assert_eq!(bound.is_ok(), alg.family() == Family::Hmac, "{alg}");
        if let Err(err) = bound {
            assert_eq!(err.kind(), ErrorKind::InvalidKey);
        }
    }
    let p256 = Key::generate(Algorithm::ES256).unwrap();
    for alg in Algorithm::ALL {
        assert_eq!(
            p256.clone().with_alg(alg).is_ok(),
            alg == Algorithm::ES256,
            "{alg}"
        );
    }
    let ed = Key::generate(Algorithm::EdDSA)
        .unwrap()
        .public_key()
        .unwrap();
    for alg in Algorithm::ALL {
        assert_eq!(
            ed.clone().with_alg(alg).is_ok(),
            alg == Algorithm::EdDSA,
            "{alg}"
        );
    }
    assert_eq!(
        p256.with_alg(Algorithm::ES384).unwrap_err().message(),
        "An EC key on P-256 cannot be used with the ES384 algorithm"
    );
}

#[test]
fn default_alg_prefers_the_bound_algorithm() {
    let key = Key::from_secret("secret").unwrap();
    assert_eq!(key.default_alg(), Algorithm::HS256);
    assert_eq!(
        key.with_alg(Algorithm::HS512).unwrap().default_alg(),
        Algorithm::HS512
    );
}

#[test]
fn debug_output_never_shows_the_secret() {
    let key = Key::from_secret("hunter2-hunter2").unwrap().with_kid("k");
    let debug = format!("{key:?}");
    assert!(!debug.contains("hunter2"), "{debug}");
    assert!(debug.contains("Hmac") && debug.contains("\"k\""), "{debug}");
}
