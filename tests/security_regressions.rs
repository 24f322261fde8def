//! Regression tests for bugs found by the security suites (issue 6): each
//! names the attack and the suite case that found it.
// These tests use keys of every family: they need the default features.
#![cfg(all(
    feature = "hmac",
    feature = "rsa",
    feature = "ecdsa",
    feature = "eddsa"
))]
#![allow(clippy::unwrap_used)] // tests may unwrap

use jwt_wasm::{Algorithm, ErrorKind, Key};

const CONFUSION: &str = "The specified key is an asymmetric key or x509 certificate and should not be used as an HMAC secret.";

/// Found by tests/js/security/attacks-keys.mjs, "confusion: HS256 token MACed
/// with the … public key as DER is refused when that DER is the key": DER key
/// bytes were accepted as an HMAC secret, so a verifier given a DER public key
/// and allowing HS256 accepted tokens MACed with the public key's bytes
/// (CVE-2015-9235 with DER instead of PEM).
#[test]
fn der_encoded_keys_are_refused_as_hmac_secrets() {
    let mut checked = 0;
    for alg in [
        Algorithm::RS256,
        Algorithm::ES256,
        Algorithm::ES384,
        Algorithm::ES512,
        Algorithm::ES256K,
        Algorithm::EdDSA,
    ] {
        let private = Key::generate(alg).unwrap();
        let public = private.public_key().unwrap();
        for der in [public.to_der().unwrap(), private.to_der().unwrap()] {
            let err = Key::from_secret(&der).unwrap_err();
            assert_eq!(
                (err.kind(), err.message()),
                (ErrorKind::InvalidKey, CONFUSION),
                "{alg:?}"
            );
            checked += 1;
        }
    }
    println!("{checked} DER keys refused as HMAC secrets");
}

/// The DER check must not refuse ordinary secrets that merely start with a
/// SEQUENCE tag (0x30, the character '0').
#[test]
fn secrets_starting_with_a_sequence_tag_are_still_secrets() {
    for secret in [
        &b"0123456789abcdef0123456789abcdef"[..],
        &[0x30, 0x03, 0x02, 0x01, 0x01][..],
        &[0x30][..],
        &[0x30, 0x82, 0xff, 0xff, 0x00][..],
    ] {
        assert!(Key::from_secret(secret).is_ok(), "{secret:?}");
    }
}
