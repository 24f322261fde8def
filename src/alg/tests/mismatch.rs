//! Keys never cross families (RFC 8725 §3.1), public keys never sign, and
//! `none` never signs or verifies.

use super::keys::{FAMILIES, generate, signing_algorithms};
use crate::{Algorithm, ErrorKind};

const MSG: &[u8] = b"header.payload";

#[test]
fn every_key_family_is_refused_by_every_other_familys_algorithms() {
    let mut refused = 0;
    let mut accepted = 0;
    for family in FAMILIES {
        let (private, public) = generate(family);
        for alg in signing_algorithms() {
            let fits = alg.family() == family;
            // A signature of the right length for `alg`, so only the key decides.
            let sig = alloc::vec![1; 64];
            for key in [Some(&private), public.as_ref()].into_iter().flatten() {
                let verified = alg.verify(MSG, key, &sig);
                if fits {
                    assert!(!verified.unwrap(), "{alg} with {family:?}");
                    accepted += 1;
                } else {
                    let err = verified.unwrap_err();
                    assert_eq!(
                        err.kind(),
                        ErrorKind::InvalidKey,
                        "{alg} verify with {family:?}"
                    );
                    assert!(err.message().contains(alg.name()), "{}", err.message());
                    refused += 1;
                }
            }
            let signed = alg.sign(MSG, &private);
            if fits {
                assert!(signed.is_ok(), "{alg} signs with {family:?}");
            } else {
                let err = signed.unwrap_err();
                assert_eq!(
                    err.kind(),
                    ErrorKind::InvalidKey,
                    "{alg} sign with {family:?}"
                );
                assert!(err.message().contains("not usable"), "{}", err.message());
                refused += 1;
            }
        }
    }
    // Fitting (alg, key) pairs: HMAC 3 algs × 1 key, RSA 6 × 2 (private and
    // public), each of the 4 curves 1 × 2, Ed25519 1 × 2.
    assert_eq!(accepted, 3 + 12 + 8 + 2);
    assert!(refused > 150, "{refused}");
}

#[test]
fn public_keys_cannot_sign() {
    for alg in signing_algorithms() {
        let (_, public) = generate(alg.family());
        let Some(public) = public else { continue };
        let err = alg.sign(MSG, &public).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidKey, "{alg}");
        assert!(
            err.message().contains("is a public key and cannot sign"),
            "{}",
            err.message()
        );
    }
}

#[test]
fn none_neither_signs_nor_verifies_with_any_key() {
    for family in FAMILIES {
        let (private, _) = generate(family);
        let err = Algorithm::None.sign(MSG, &private).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidAlgorithm);
        let err = Algorithm::None.verify(MSG, &private, &[]).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidAlgorithm);
    }
}
