//! Sign → verify round trips for every algorithm with generated keys, and the
//! ways a good signature stops verifying.

use alloc::vec::Vec;

use super::keys::{generate, signing_algorithms};
use crate::{Algorithm, Family};

const MSG: &[u8] = b"eyJhbGciOiJub25lIn0.eyJzdWIiOiJyb3VuZCB0cmlwIn0";

/// The signature lengths JWS fixes per algorithm (RFC 7518 §3.2, §3.4, RFC
/// 8037 §3.1); RSA signatures are as long as the modulus (2048 bits here).
fn expected_len(alg: Algorithm) -> usize {
    match alg.family() {
        Family::Hmac => alg.hash().unwrap().len(),
        Family::Rsa => 256,
        Family::Ec(curve) => 2 * curve.field_len(),
        Family::Ed25519 => 64,
        Family::None => 0,
    }
}

#[test]
fn every_algorithm_round_trips_with_private_and_public_keys() {
    let mut ran = 0;
    for alg in signing_algorithms() {
        let (private, public) = generate(alg.family());
        let sig = alg.sign(MSG, &private).unwrap();
        assert_eq!(sig.len(), expected_len(alg), "{alg}: signature length");
        assert!(
            alg.verify(MSG, &private, &sig).unwrap(),
            "{alg}: private key verifies"
        );
        if let Some(public) = &public {
            assert!(
                alg.verify(MSG, public, &sig).unwrap(),
                "{alg}: public key verifies"
            );
        }
        ran += 1;
    }
    assert_eq!(ran, 14);
}

#[test]
fn altered_messages_and_signatures_do_not_verify() {
    for alg in signing_algorithms() {
        let (private, public) = generate(alg.family());
        let key = public.as_ref().unwrap_or(&private);
        let sig = alg.sign(MSG, &private).unwrap();

        let mut other_msg = MSG.to_vec();
        other_msg[3] ^= 0x01;
        assert!(
            !alg.verify(&other_msg, key, &sig).unwrap(),
            "{alg}: tampered message"
        );

        for i in [0, sig.len() / 2, sig.len() - 1] {
            let mut bad = sig.clone();
            bad[i] ^= 0x80;
            assert!(
                !alg.verify(MSG, key, &bad).unwrap(),
                "{alg}: bit flip at {i}"
            );
        }

        let mut longer = sig.clone();
        longer.push(0);
        assert!(
            !alg.verify(MSG, key, &longer).unwrap(),
            "{alg}: trailing zero byte"
        );
        let mut prefixed = alloc::vec![0];
        prefixed.extend_from_slice(&sig);
        assert!(
            !alg.verify(MSG, key, &prefixed).unwrap(),
            "{alg}: leading zero byte"
        );
        assert!(
            !alg.verify(MSG, key, &sig[..sig.len() - 1]).unwrap(),
            "{alg}: truncated"
        );
        assert!(
            !alg.verify(MSG, key, &[]).unwrap(),
            "{alg}: empty signature"
        );
        let zeros = alloc::vec![0; sig.len()];
        assert!(
            !alg.verify(MSG, key, &zeros).unwrap(),
            "{alg}: all-zero signature"
        );
    }
}

#[test]
fn a_key_of_the_same_family_but_another_instance_does_not_verify() {
    for alg in signing_algorithms() {
        if alg.family() == Family::Rsa {
            continue; // one shared RSA key per run; RS/PS are covered by Wycheproof keys
        }
        let (first, _) = generate(alg.family());
        let (second, _) = generate(alg.family());
        let sig = alg.sign(MSG, &first).unwrap();
        assert!(!alg.verify(MSG, &second, &sig).unwrap(), "{alg}");
    }
}

#[test]
fn signatures_of_one_hash_do_not_verify_under_another() {
    // The same key verifies RS256/RS384/RS512 and PS*, so the hash and padding
    // must be bound by the algorithm, not guessed from the signature.
    let (private, _) = generate(Family::Rsa);
    let of = |family| -> Vec<Algorithm> {
        Algorithm::ALL
            .into_iter()
            .filter(|a| a.family() == family)
            .collect()
    };
    let rsa = of(Family::Rsa);
    let (secret, _) = generate(Family::Hmac);
    let hmac = of(Family::Hmac);
    for (group, key) in [(&rsa[..], &private), (&hmac[..], &secret)] {
        for signer in group {
            let sig = signer.sign(MSG, key).unwrap();
            for verifier in group {
                let ok = verifier.verify(MSG, key, &sig).unwrap();
                assert_eq!(
                    ok,
                    signer == verifier,
                    "signed {signer}, verified {verifier}"
                );
            }
        }
    }
}

#[test]
fn deterministic_algorithms_sign_the_same_way_twice_and_pss_does_not() {
    for alg in signing_algorithms() {
        let (private, _) = generate(alg.family());
        let first = alg.sign(MSG, &private).unwrap();
        let second = alg.sign(MSG, &private).unwrap();
        let randomized = matches!(alg, Algorithm::PS256 | Algorithm::PS384 | Algorithm::PS512);
        // RFC 6979 for ECDSA, RFC 8032 for Ed25519, and PKCS#1 v1.5 / HMAC are
        // deterministic; PSS draws a fresh salt each time.
        assert_eq!(first != second, randomized, "{alg}");
    }
}

/// Minimal ASN.1 DER `SEQUENCE { INTEGER r, INTEGER s }` of a raw signature.
pub(super) fn der_of_raw(raw: &[u8]) -> Vec<u8> {
    fn int(bytes: &[u8]) -> Vec<u8> {
        let start = bytes
            .iter()
            .position(|b| *b != 0)
            .unwrap_or(bytes.len() - 1);
        let mut v = alloc::vec![0x02];
        let body = &bytes[start..];
        let pad = body[0] & 0x80 != 0;
        v.push((body.len() + usize::from(pad)) as u8);
        if pad {
            v.push(0);
        }
        v.extend_from_slice(body);
        v
    }
    let (r, s) = raw.split_at(raw.len() / 2);
    let mut content = int(r);
    content.extend(int(s));
    let mut out = alloc::vec![0x30];
    if content.len() >= 0x80 {
        out.push(0x81);
    }
    out.push(content.len() as u8);
    out.extend(content);
    out
}

#[test]
fn der_encoded_ecdsa_signatures_are_rejected() {
    // RFC 7518 §3.4: JWS carries R ‖ S, never the ASN.1 form.
    for alg in [
        Algorithm::ES256,
        Algorithm::ES384,
        Algorithm::ES512,
        Algorithm::ES256K,
    ] {
        let (private, public) = generate(alg.family());
        let public = public.unwrap();
        let raw = alg.sign(MSG, &private).unwrap();
        assert!(alg.verify(MSG, &public, &raw).unwrap());
        let der = der_of_raw(&raw);
        assert_ne!(
            der.len(),
            raw.len(),
            "{alg}: DER differs in length from raw"
        );
        assert!(
            !alg.verify(MSG, &public, &der).unwrap(),
            "{alg}: DER signature"
        );
    }
}

#[test]
fn garbage_signatures_of_any_length_are_false_never_errors() {
    let lengths = [
        0, 1, 2, 31, 32, 33, 48, 63, 64, 65, 66, 96, 131, 132, 133, 255, 256, 257, 1024,
    ];
    for alg in signing_algorithms() {
        let (private, public) = generate(alg.family());
        for key in [Some(&private), public.as_ref()].into_iter().flatten() {
            for len in lengths {
                let mut random = alloc::vec![0; len];
                getrandom::fill(&mut random).unwrap();
                for sig in [random, alloc::vec![0xff; len], alloc::vec![0; len]] {
                    let verified = alg.verify(MSG, key, &sig);
                    assert_eq!(verified, Ok(false), "{alg}: {len}-byte garbage");
                }
            }
        }
    }
}

#[test]
fn pss_refuses_a_key_too_small_for_its_hash() {
    use crate::alg::rsa::SysRng;
    use crate::key::{Key, Material};
    // RFC 8017 §9.1.1: emLen ≥ 2·hLen + 2. A 1024-bit key has emLen 128, enough
    // for PS384 (98) but not PS512 (130); PKCS#1 v1.5 still fits.
    let small = rsa::RsaPrivateKey::new(&mut rand_core::UnwrapErr(SysRng), 1024).unwrap();
    let key = Key::new(Material::RsaPrivate(alloc::boxed::Box::new(small.into())));
    for alg in [Algorithm::PS384, Algorithm::RS512] {
        let sig = alg.sign(MSG, &key).unwrap();
        assert!(alg.verify(MSG, &key, &sig).unwrap(), "{alg}");
    }
    let err = Algorithm::PS512.sign(MSG, &key).unwrap_err();
    assert_eq!(err.kind(), crate::ErrorKind::InvalidKey);
    assert_eq!(err.message(), "The 1024-bit RSA key is too small for PS512");
}
