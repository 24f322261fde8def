//! The x-coordinate comparison of the P-256 fast path (`nist` runs the
//! whole verification against `p256` on random, tampered and edge inputs).

use p256::Scalar;
use p256::elliptic_curve::PrimeField;

use super::super::limbs::{add_words, words_from_be};
use super::super::p256_field::Fe;
use super::super::p256_point::Jacobian;
use super::super::p256_point::x_matches;
use super::super::p256_verify::N as N_WORDS;
use super::field::Rng;

/// x(R) in [n, p) is the case where r = x(R) − n (≈ 2⁻¹²⁸ of random
/// points, so it cannot be searched for; Wycheproof's "k*G has a large
/// x-coordinate" vectors hit it end to end). Here the comparison itself is
/// checked on a Jacobian X = x·Z² with a random Z.
#[test]
fn x_comparison_accepts_r_and_r_plus_n_only() {
    let mut rng = Rng(0x1234);
    // n − 1 + n > p: the r + n branch must stay closed; small r has it open.
    let n_minus_1: [u8; 32] = (-Scalar::ONE).to_repr().into();
    let mut small = [0u8; 32];
    small[31] = 5;
    let mut compared = 0;
    for r_bytes in [small, n_minus_1, rng.bytes32()] {
        if Option::<Scalar>::from(Scalar::from_repr(r_bytes.into())).is_none() {
            continue;
        }
        let r_words = words_from_be(&r_bytes);
        let (r_plus_n, carry) = add_words(&r_words, &N_WORDS);
        let r_plus_n = if carry == 0 {
            Fe::from_words(r_plus_n)
        } else {
            None
        };
        let z = loop {
            if let Some(z) = Fe::from_be_bytes(&rng.bytes32()).filter(|z| !z.is_zero()) {
                break z;
            }
        };
        let z2 = z.square();
        let at = |x: Fe| Jacobian {
            x: x.mul(&z2),
            y: Fe::ONE,
            z,
        };
        let r_fe = Fe::from_words(r_words).unwrap();
        assert!(x_matches(&at(r_fe), &r_words, &N_WORDS));
        assert!(!x_matches(&at(r_fe.add(&Fe::ONE)), &r_words, &N_WORDS));
        if let Some(rn) = r_plus_n {
            assert!(x_matches(&at(rn), &r_words, &N_WORDS));
        }
        assert!(!x_matches(&Jacobian::INFINITY, &r_words, &N_WORDS));
        compared += 1;
    }
    assert_eq!(compared, 3);
}
