//! ECDSA edge cases: out-of-range scalars ("psychic signatures",
//! CVE-2022-21449), high-S acceptance, and fixed-width left-padded output.

use alloc::vec::Vec;

use signature::Verifier;

use super::ec_math::{be_sub as sub, ecdsa_order as order};
use super::hex;
use super::keys::{ec_public, generate};
use crate::key::{EcPrivate, Key, Material};
use crate::{Algorithm, Curve};

const CURVES: [Curve; 4] = [Curve::P256, Curve::P384, Curve::P521, Curve::Secp256k1];

/// A fixed-width big-endian integer with the value `v`.
fn small(width: usize, v: u8) -> Vec<u8> {
    let mut out = alloc::vec![0; width];
    out[width - 1] = v;
    out
}

fn concat(r: &[u8], s: &[u8]) -> Vec<u8> {
    [r, s].concat()
}

#[test]
fn out_of_range_and_psychic_signatures_are_false() {
    // CVE-2022-21449: r = s = 0 "verified" every message in Java 15–18. JWS
    // signatures must have 1 ≤ r, s ≤ n − 1 (SEC 1 §4.1.4 step 1).
    let mut cases = 0;
    for curve in CURVES {
        let alg = curve.algorithm();
        let w = curve.field_len();
        let n = order(curve);
        let n_minus_1 = sub(&n, &small(w, 1));
        let (private, public) = generate(alg.family());
        let public = public.unwrap();
        for msg in [&b""[..], b"psychic", b"header.payload"] {
            let good = alg.sign(msg, &private).unwrap();
            let (r, s) = good.split_at(w);
            let zero = small(w, 0);
            let one = small(w, 1);
            let ones = alloc::vec![0xff; w];
            let bad: [(&str, Vec<u8>); 11] = [
                ("r = s = 0", concat(&zero, &zero)),
                ("r = s = n", concat(&n, &n)),
                ("r = s = 1", concat(&one, &one)),
                ("r = s = n - 1", concat(&n_minus_1, &n_minus_1)),
                ("r = 1, s = n - 1", concat(&one, &n_minus_1)),
                ("r = 0, valid s", concat(&zero, s)),
                ("valid r, s = 0", concat(r, &zero)),
                ("r = n, valid s", concat(&n, s)),
                ("valid r, s = n", concat(r, &n)),
                ("r + n", concat(&add_mod_width(r, &n), s)),
                ("all ones", concat(&ones, &ones)),
            ];
            for (what, sig) in bad {
                assert_eq!(sig.len(), 2 * w);
                assert!(!alg.verify(msg, &public, &sig).unwrap(), "{alg}: {what}");
                assert!(
                    !alg.verify(msg, &private, &sig).unwrap(),
                    "{alg}: {what} (private)"
                );
                cases += 1;
            }
            assert!(alg.verify(msg, &public, &good).unwrap());
        }
    }
    assert_eq!(cases, 4 * 3 * 11);
}

/// `a + n` when it still fits the field width, else `a` with its top bit set
/// (either way a value ≥ n, or unchanged-but-wrong when it cannot be built).
fn add_mod_width(a: &[u8], n: &[u8]) -> Vec<u8> {
    let mut out = a.to_vec();
    let mut carry = 0u16;
    for i in (0..a.len()).rev() {
        let sum = u16::from(a[i]) + u16::from(n[i]) + carry;
        out[i] = sum as u8;
        carry = sum >> 8;
    }
    if carry == 0 {
        out
    } else {
        alloc::vec![0xff; a.len()]
    }
}

#[test]
fn high_s_signatures_verify_on_every_curve() {
    // ECDSA (r, s) and (r, n − s) are both valid; JWS (RFC 7518 §3.4, RFC 8812
    // §3.2) has no low-S rule, and RFC 7515 A.3's own example is high-S.
    for curve in CURVES {
        let alg = curve.algorithm();
        let w = curve.field_len();
        let n = order(curve);
        let (private, public) = generate(alg.family());
        let public = public.unwrap();
        let msg = b"high s";
        let sig = alg.sign(msg, &private).unwrap();
        let (r, s) = sig.split_at(w);
        let flipped = concat(r, &sub(&n, s));
        let high = if s > &flipped[w..] {
            sig.clone()
        } else {
            flipped.clone()
        };
        assert!(
            high[w..] > *sub(&n, &high[w..]),
            "{alg}: built a high-S signature"
        );
        assert!(alg.verify(msg, &public, &sig).unwrap(), "{alg}: as signed");
        assert!(
            alg.verify(msg, &public, &flipped).unwrap(),
            "{alg}: s ↦ n − s"
        );
        assert!(alg.verify(msg, &public, &high).unwrap(), "{alg}: high S");
    }
}

#[test]
fn k256_alone_would_reject_high_s_which_plain_ecdsa_accepts() {
    // Documents the library behaviour our ES256K verification works around: k256's
    // `NORMALIZE_S` makes its `verify` refuse s > n/2, and signing emits low S.
    let (private, _) = generate(Curve::Secp256k1.algorithm().family());
    let sig = Algorithm::ES256K.sign(b"k", &private).unwrap();
    let n = order(Curve::Secp256k1);
    let (r, s) = sig.split_at(32);
    assert!(*s < *sub(&n, s), "k256 signs low-S");
    let high = k256::ecdsa::Signature::from_slice(&concat(r, &sub(&n, s))).unwrap();
    let Material::EcPrivate(EcPrivate::K256(sk)) = &private.material else {
        panic!("not a k256 key")
    };
    assert!(sk.verifying_key().verify(b"k", &high).is_err());
    assert!(
        Algorithm::ES256K
            .verify(b"k", &private, &high.to_bytes())
            .unwrap()
    );
}

#[test]
fn signatures_are_fixed_width_and_left_padded() {
    // RFC 7518 §3.4: R and S are each the full field width, zero-padded on the
    // left. Sign until a short r or s shows up (about 1 in 128 signatures on
    // 256-bit curves; always possible on P-521, whose top byte is 0 or 1).
    for curve in CURVES {
        let alg = curve.algorithm();
        let w = curve.field_len();
        let (private, public) = generate(alg.family());
        let public = public.unwrap();
        let mut found = None;
        for i in 0u32..4000 {
            let msg = i.to_be_bytes();
            let sig = alg.sign(&msg, &private).unwrap();
            assert_eq!(sig.len(), 2 * w, "{alg}");
            if sig[0] == 0 || sig[w] == 0 {
                found = Some((msg, sig));
                break;
            }
        }
        let (msg, sig) = found.unwrap_or_else(|| panic!("{alg}: no short scalar in 4000 tries"));
        assert!(
            alg.verify(&msg, &public, &sig).unwrap(),
            "{alg}: padded signature verifies"
        );
        // Stripping the padding byte breaks the fixed width: never verifies.
        let stripped: Vec<u8> = if sig[0] == 0 {
            sig[1..].to_vec()
        } else {
            [&sig[..w], &sig[w + 1..]].concat()
        };
        assert!(
            !alg.verify(&msg, &public, &stripped).unwrap(),
            "{alg}: unpadded"
        );
    }
}

#[test]
fn rfc6979_a25_p256_sha256_sample_is_reproduced_exactly() {
    // https://www.rfc-editor.org/rfc/rfc6979#appendix-A.2.5, message "sample"
    // with SHA-256: signing is deterministic RFC 6979, emits r ‖ s as is (this
    // s is high and is not normalised), and the result verifies.
    let x = hex("C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721");
    let sk = p256::ecdsa::SigningKey::from_slice(&x).unwrap();
    let public = Key::new(Material::EcPublic(ec_public(&EcPrivate::P256(sk.clone()))));
    let private = Key::new(Material::EcPrivate(EcPrivate::P256(sk)));
    let expected = hex(concat!(
        "EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716",
        "F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8"
    ));
    let sig = Algorithm::ES256.sign(b"sample", &private).unwrap();
    assert_eq!(sig, expected);
    assert!(super::ec_math::is_high(&sig[32..], &order(Curve::P256)));
    assert!(Algorithm::ES256.verify(b"sample", &public, &sig).unwrap());
}
