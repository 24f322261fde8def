//! Key formats: PKCS#8, SPKI, PKCS#1, SEC1, X.509 certificates and OpenSSH
//! public keys, for every family; PEM, DER and JWK round trips of generated
//! keys. Keys in different formats are compared by RFC 7638 thumbprint.

#![allow(clippy::unwrap_used)] // tests may unwrap
// These tests use keys of every family: they need the default features.
#![cfg(all(
    feature = "hmac",
    feature = "rsa",
    feature = "ecdsa",
    feature = "eddsa"
))]

mod key_fixtures;

use base64ct::{Base64, Encoding};
use jwt_wasm::{Algorithm, ErrorKind, Family, Key};
use key_fixtures::*;

fn tp(pem: &str) -> String {
    Key::from_pem(pem).unwrap().thumbprint().unwrap()
}

/// The DER inside a PEM document (decoded here with base64ct, independently
/// of the library's PEM reader).
fn der(pem: &str) -> Vec<u8> {
    let body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    Base64::decode_vec(&body).unwrap()
}

#[test]
fn rsa_pkcs8_pkcs1_spki_and_certificate_hold_the_same_key() {
    let private = Key::from_pem(RSA_PKCS8).unwrap();
    assert!(private.is_private());
    assert_eq!(private.family(), Family::Rsa);
    assert_eq!(private.default_alg(), Algorithm::RS256);
    let expected = private.thumbprint().unwrap();
    assert!(Key::from_pem(RSA_PKCS1).unwrap().is_private());
    for pem in [RSA_PKCS1, RSA_SPKI, RSA_PUB_PKCS1, RSA_CERT] {
        assert_eq!(tp(pem), expected, "{}", pem.lines().next().unwrap());
    }
    for pem in [RSA_SPKI, RSA_PUB_PKCS1, RSA_CERT] {
        assert!(!Key::from_pem(pem).unwrap().is_private());
    }
}

#[test]
fn ec_sec1_pkcs8_and_spki_hold_the_same_key_on_every_curve() {
    let cases = [
        (EC_P256_SEC1, EC_P256_PKCS8, EC_P256_SPKI, Algorithm::ES256),
        (EC_P384_SEC1, EC_P384_PKCS8, EC_P384_SPKI, Algorithm::ES384),
        (EC_P521_SEC1, EC_P521_PKCS8, EC_P521_SPKI, Algorithm::ES512),
        (EC_K256_SEC1, EC_K256_PKCS8, EC_K256_SPKI, Algorithm::ES256K),
    ];
    for (sec1, pkcs8, spki, alg) in cases {
        let key = Key::from_pem(sec1).unwrap();
        assert!(key.is_private());
        assert_eq!(key.default_alg(), alg);
        assert_eq!(key.family(), alg.family());
        assert_eq!(tp(pkcs8), key.thumbprint().unwrap(), "{alg}");
        assert_eq!(tp(spki), key.thumbprint().unwrap(), "{alg}");
        assert_eq!(Key::from_pem(spki).unwrap().default_alg(), alg);
    }
}

#[test]
fn certificates_yield_their_subject_public_key() {
    assert_eq!(tp(EC_CERT), tp(EC_P256_PKCS8));
    assert_eq!(tp(ED_CERT), tp(ED_PKCS8));
    assert_eq!(
        Key::from_pem(ED_CERT).unwrap().default_alg(),
        Algorithm::EdDSA
    );
}

#[test]
fn ed25519_pkcs8_and_spki() {
    let key = Key::from_pem(ED_PKCS8).unwrap();
    assert!(key.is_private());
    assert_eq!(key.family(), Family::Ed25519);
    assert_eq!(tp(ED_SPKI), key.thumbprint().unwrap());
}

#[test]
fn der_input_reads_every_format() {
    let all = [
        RSA_PKCS8,
        RSA_PKCS1,
        RSA_SPKI,
        RSA_PUB_PKCS1,
        RSA_CERT,
        EC_P256_SEC1,
        EC_P384_SEC1,
        EC_P521_SEC1,
        EC_K256_SEC1,
        EC_K256_PKCS8,
        EC_P521_SPKI,
        EC_CERT,
        ED_PKCS8,
        ED_SPKI,
        ED_CERT,
    ];
    for pem in all {
        let from_der = Key::from_der(&der(pem)).unwrap();
        assert_eq!(
            from_der.thumbprint().unwrap(),
            tp(pem),
            "{}",
            pem.lines().next().unwrap()
        );
        assert_eq!(
            from_der.is_private(),
            Key::from_pem(pem).unwrap().is_private()
        );
    }
}

#[test]
fn openssh_public_keys_match_their_pkcs8_export() {
    for (line, spki, alg) in [
        (SSH_RSA, SSH_RSA_SPKI, Algorithm::RS256),
        (SSH_EC256, SSH_EC256_SPKI, Algorithm::ES256),
        (SSH_EC384, SSH_EC384_SPKI, Algorithm::ES384),
        (SSH_EC521, SSH_EC521_SPKI, Algorithm::ES512),
    ] {
        let key = Key::from_ssh(line).unwrap();
        assert!(!key.is_private());
        assert_eq!(key.default_alg(), alg);
        assert_eq!(key.thumbprint().unwrap(), tp(spki), "{alg}");
        // from_pem accepts the line too.
        assert_eq!(tp(line), tp(spki), "{alg}");
    }
    let ed = Key::from_ssh(SSH_ED).unwrap();
    assert_eq!(ed.to_jwk()["x"], SSH_ED_X);
    assert_eq!(ed.default_alg(), Algorithm::EdDSA);
}

#[test]
fn malformed_openssh_lines_are_invalid_keys() {
    let (kind, body) = SSH_ED.split_once(' ').unwrap();
    let body = body.split(' ').next().unwrap();
    let blob = Base64::decode_vec(body).unwrap();
    let mut trailing = blob.clone();
    trailing.push(0);
    let cases = [
        String::from("ssh-ed25519"),
        format!("{kind} !!!notbase64"),
        format!("{kind} {}", Base64::encode_string(&blob[..blob.len() - 1])),
        format!("{kind} {}", Base64::encode_string(&trailing)),
        // The type before the blob must be the type inside it.
        format!("ssh-rsa {body}"),
        format!("ecdsa-sha2-nistp256 {body}"),
        String::from("ssh-dss AAAAB3NzaC1kc3MAAAA="),
    ];
    for line in cases {
        let err = Key::from_ssh(&line).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidKey, "{line}");
    }
    // An ECDSA blob whose curve name disagrees with its type.
    let ec_body = SSH_EC256.split(' ').nth(1).unwrap();
    let mut ec = Base64::decode_vec(ec_body).unwrap();
    let at = ec.windows(8).position(|w| w == b"nistp256").unwrap();
    ec[at + 7] = b'4';
    let line = format!("ecdsa-sha2-nistp256 {}", Base64::encode_string(&ec));
    assert_eq!(
        Key::from_ssh(&line).unwrap_err().kind(),
        ErrorKind::InvalidKey
    );
}

#[test]
fn bad_pem_documents_are_invalid_keys() {
    let truncated = &RSA_PKCS8[..RSA_PKCS8.len() / 2];
    let wrong_label = RSA_PKCS8.replace("PRIVATE KEY", "EC PRIVATE KEY");
    let cases = [
        "",
        "not a key",
        truncated,
        "-----BEGIN FOO-----\nAAAA\n-----END FOO-----\n",
        "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n",
        "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n",
        &wrong_label,
    ];
    for pem in cases {
        assert_eq!(
            Key::from_pem(pem).unwrap_err().kind(),
            ErrorKind::InvalidKey,
            "{pem}"
        );
    }
    for der in [
        &[][..],
        &[0x30, 0x03, 0x02, 0x01, 0x01],
        &[0x30, 0x82, 0xff],
    ] {
        assert_eq!(
            Key::from_der(der).unwrap_err().kind(),
            ErrorKind::InvalidKey
        );
    }
}

#[test]
fn pem_with_crlf_line_endings_and_surrounding_whitespace() {
    let crlf = format!("\n  {}  \n", EC_P384_PKCS8.replace('\n', "\r\n"));
    assert_eq!(tp(&crlf), tp(EC_P384_PKCS8));
}

#[test]
fn hmac_secrets_have_no_pem_form() {
    let key = Key::from_secret("0123456789abcdef0123456789abcdef").unwrap();
    assert_eq!(key.to_pem().unwrap_err().kind(), ErrorKind::InvalidKey);
    assert_eq!(key.to_der().unwrap_err().kind(), ErrorKind::InvalidKey);
}

/// generate → PEM/DER/JWK → import gives the same key, private and public,
/// for every asymmetric algorithm family (RSA once: generation is slow).
#[test]
fn generated_keys_round_trip_through_pem_der_and_jwk() {
    let algs = [
        Algorithm::RS256,
        Algorithm::ES256,
        Algorithm::ES384,
        Algorithm::ES512,
        Algorithm::ES256K,
        Algorithm::EdDSA,
    ];
    for alg in algs {
        let key = Key::generate(alg).unwrap();
        assert_eq!(key.alg(), Some(alg));
        let expected = key.thumbprint().unwrap();
        for half in [key.clone(), key.public_key().unwrap()] {
            let pem = half.to_pem().unwrap();
            let label = if half.is_private() {
                "PRIVATE KEY"
            } else {
                "PUBLIC KEY"
            };
            assert!(
                pem.starts_with(&format!("-----BEGIN {label}-----\n")),
                "{alg}"
            );
            let again = Key::from_pem(&pem).unwrap();
            assert_eq!(again.is_private(), half.is_private());
            assert_eq!(again.thumbprint().unwrap(), expected, "{alg} PEM");
            // PEM drops alg; re-exporting the re-imported key is stable.
            assert_eq!(again.to_pem().unwrap(), pem, "{alg}");
            let from_der = Key::from_der(&half.to_der().unwrap()).unwrap();
            assert_eq!(from_der.thumbprint().unwrap(), expected, "{alg} DER");
            let jwk = half.to_jwk();
            let from_jwk = Key::from_jwk(&jwk.clone().into()).unwrap();
            assert_eq!(from_jwk.to_jwk(), jwk, "{alg} JWK");
            assert_eq!(from_jwk.is_private(), half.is_private());
            assert_eq!(from_jwk.alg(), Some(alg));
        }
    }
}

#[test]
fn generated_hmac_secrets_round_trip_through_jwk() {
    for (alg, len) in [
        (Algorithm::HS256, 32),
        (Algorithm::HS384, 48),
        (Algorithm::HS512, 64),
    ] {
        let key = Key::generate(alg).unwrap().with_kid("h");
        let jwk = key.to_jwk();
        let k = base64ct::Base64UrlUnpadded::decode_vec(jwk["k"].as_str().unwrap()).unwrap();
        assert_eq!(k.len(), len);
        assert_eq!(key.key_length_warning(alg), None);
        let again = Key::from_jwk(&jwk.clone().into()).unwrap();
        assert_eq!(again.to_jwk(), jwk);
        assert_eq!(again.thumbprint().unwrap(), key.thumbprint().unwrap());
    }
    let (a, b) = (
        Key::generate(Algorithm::HS256).unwrap(),
        Key::generate(Algorithm::HS256).unwrap(),
    );
    assert_ne!(a.to_jwk()["k"], b.to_jwk()["k"]);
}

#[test]
fn generation_refuses_none_and_short_rsa() {
    assert!(Key::generate(Algorithm::None).is_err());
    assert_eq!(
        Key::generate_rsa(1024).unwrap_err().kind(),
        ErrorKind::InvalidKey
    );
}

/// No input makes import panic (a panic traps in WebAssembly): truncations
/// and byte flips of every fixture's DER, PEM text and SSH blob must each
/// come back as `Ok` or a typed error.
#[test]
fn mangled_inputs_return_errors_instead_of_panicking() {
    let pems = [
        RSA_PKCS8,
        RSA_PKCS1,
        RSA_PUB_PKCS1,
        RSA_CERT,
        EC_P521_SEC1,
        EC_K256_PKCS8,
        EC_CERT,
        ED_PKCS8,
        ED_CERT,
    ];
    let mut errors = 0;
    let mut count = |result: Result<Key, jwt_wasm::Error>| {
        if let Err(err) = result {
            assert_eq!(err.kind(), ErrorKind::InvalidKey);
            errors += 1;
        }
    };
    for pem in pems {
        let der = der(pem);
        for len in (0..der.len()).step_by(2) {
            count(Key::from_der(&der[..len]));
        }
        for at in (0..der.len()).step_by(3) {
            let mut bad = der.clone();
            bad[at] ^= 0x41;
            count(Key::from_der(&bad));
        }
        for len in (0..pem.len()).step_by(13) {
            count(Key::from_pem(&pem[..len]));
        }
    }
    for line in [SSH_RSA, SSH_EC256, SSH_EC521, SSH_ED] {
        let (kind, rest) = line.split_once(' ').unwrap();
        let blob = Base64::decode_vec(rest.split(' ').next().unwrap()).unwrap();
        for at in 0..blob.len() {
            let mut bad = blob.clone();
            bad[at] ^= 0x80;
            count(Key::from_ssh(&format!(
                "{kind} {}",
                Base64::encode_string(&bad)
            )));
            count(Key::from_ssh(&format!(
                "{kind} {}",
                Base64::encode_string(&blob[..at])
            )));
        }
    }
    assert!(errors > 1000, "{errors}");
}

/// PEM bodies on one line or wrapped at 76 columns (as pasted from
/// environment variables) read like OpenSSL's 64-column output.
#[test]
fn pem_line_wrapping_is_not_significant() {
    let lines: Vec<&str> = RSA_SPKI.trim().lines().collect();
    let body: String = lines[1..lines.len() - 1].concat();
    let (begin, end) = (lines[0], lines[lines.len() - 1]);
    let one_line = format!("{begin}\n{body}\n{end}");
    let wrapped: Vec<String> = body
        .as_bytes()
        .chunks(76)
        .map(|c| String::from_utf8(c.to_vec()).unwrap())
        .collect();
    let w76 = format!("{begin}\n{}\n{end}\n", wrapped.join("\n"));
    let spaces = format!("{begin} {body} {end}");
    for pem in [one_line, w76, spaces] {
        assert_eq!(tp(&pem), tp(RSA_SPKI));
    }
}
