//! Point arithmetic, key tables and wNAF recoding against `p256` (`nist`
//! checks every curve's generator tables).

use p256::elliptic_curve::PrimeField;
use p256::elliptic_curve::ops::Double;
use p256::elliptic_curve::sec1::ToSec1Point;
use p256::{ProjectivePoint, Scalar};

use super::super::limbs::words_from_be;
use super::super::p256_field::Fe;
use super::super::p256_point::{Affine, Jacobian, odd_multiples};
use super::super::p256_verify::G;
use super::super::wnaf;
use super::field::Rng;

/// Our point in uncompressed SEC1 form (`[0]` for infinity, as `p256` does).
fn sec1(p: &Jacobian) -> alloc::vec::Vec<u8> {
    let Some(a) = p.to_affine() else {
        return alloc::vec![0];
    };
    let mut out = alloc::vec![4u8];
    for fe in [a.x, a.y] {
        for w in fe.0.iter().rev() {
            out.extend_from_slice(&w.to_be_bytes());
        }
    }
    out
}

fn rc_sec1(p: &ProjectivePoint) -> alloc::vec::Vec<u8> {
    p.to_affine().to_sec1_point(false).as_bytes().to_vec()
}

fn affine_of(p: &ProjectivePoint) -> Affine {
    let bytes = rc_sec1(p);
    let x = Fe::from_be_bytes(bytes[1..33].try_into().unwrap()).unwrap();
    let y = Fe::from_be_bytes(bytes[33..65].try_into().unwrap()).unwrap();
    Affine { x, y }
}

fn scalar(k: u64) -> Scalar {
    Scalar::from(k)
}

#[test]
fn doubling_and_mixed_addition_cover_the_special_cases() {
    let mut rng = Rng(7);
    let mut checked = 0;
    for _ in 0..40 {
        let k = Scalar::from_repr(rng.bytes32().into()).unwrap_or(Scalar::ONE);
        let rc = ProjectivePoint::GENERATOR * k;
        let p = affine_of(&rc);
        let jp = Jacobian::from_affine(&p);
        // P + P doubles, P + (−P) is infinity, ∞ + P is P, 2·∞ is ∞.
        assert_eq!(sec1(&jp.add_affine(&p)), rc_sec1(&rc.double()));
        assert_eq!(sec1(&jp.double()), rc_sec1(&rc.double()));
        assert!(jp.add_affine(&p.neg()).is_infinity());
        assert_eq!(sec1(&Jacobian::INFINITY.add_affine(&p)), rc_sec1(&rc));
        assert!(Jacobian::INFINITY.double().is_infinity());
        // A non-trivial Z on the Jacobian side: 2P + P = 3P, 2P + (−2P)…
        let two = jp.double();
        assert_eq!(sec1(&two.add_affine(&p)), rc_sec1(&(rc * scalar(3))));
        let two_affine = two.to_affine().unwrap();
        assert!(two.add_affine(&two_affine.neg()).is_infinity());
        assert_eq!(
            sec1(&two.add_affine(&two_affine)),
            rc_sec1(&(rc * scalar(4)))
        );
        // The odd-multiples table of a random point.
        let table = odd_multiples::<8>(&p).unwrap();
        for (i, entry) in table.iter().enumerate() {
            assert_eq!(*entry, affine_of(&(rc * scalar(2 * i as u64 + 1))));
        }
        checked += 1;
    }
    std::println!("p256 points: {checked} random points through the special cases");
}

/// Σ dᵢ·2ⁱ as a `p256` scalar (mod n), for checking a recoding.
fn value_of(digits: &[i8]) -> Scalar {
    let mut acc = Scalar::ZERO;
    for &d in digits.iter().rev() {
        acc = acc.double();
        let m = Scalar::from(u64::from(d.unsigned_abs()));
        acc = if d < 0 { acc - m } else { acc + m };
    }
    acc
}

#[test]
fn wnaf_recoding_is_exact_and_sparse() {
    let mut rng = Rng(11);
    let mut samples: alloc::vec::Vec<[u8; 32]> = (0..200).map(|_| rng.bytes32()).collect();
    samples.push([0; 32]);
    samples.push([0xff; 32]);
    let mut n_minus_1 = (-Scalar::ONE).to_repr();
    samples.push(n_minus_1.into());
    n_minus_1[31] = 1;
    samples.push(n_minus_1.into());
    for bytes in &samples {
        let Some(k) = Option::<Scalar>::from(Scalar::from_repr((*bytes).into())) else {
            continue;
        };
        for w in [5u32, 6, 7] {
            let digits = wnaf::recode::<8, 257>(&words_from_be(bytes), w);
            assert_eq!(value_of(&digits), k, "w = {w}");
            let mut last: Option<usize> = None;
            for (i, &d) in digits.iter().enumerate().filter(|(_, d)| **d != 0) {
                assert!(d % 2 != 0 && i32::from(d).abs() < 1 << (w - 1), "digit {d}");
                if let Some(l) = last {
                    assert!(i - l >= w as usize, "digits {l} and {i} too close");
                }
                last = Some(i);
            }
        }
    }
    // 2²⁵⁶ − 1 carries into the 257th digit.
    let digits = wnaf::recode::<8, 257>(&[u32::MAX; 8], 5);
    assert_eq!(digits[256], 1);
}

#[test]
fn key_tables_match_p256_and_refuse_infinity() {
    use super::super::p256_point::normalize;
    use super::super::p256_point::quarter_tables;
    let mut rng = Rng(23);
    for _ in 0..3 {
        let k = Scalar::from_repr(rng.bytes32().into()).unwrap_or(Scalar::ONE);
        let mut base = ProjectivePoint::GENERATOR * k;
        let tables = quarter_tables::<16>(&affine_of(&base), 64).unwrap();
        for table in &tables {
            for (i, entry) in table.iter().enumerate() {
                assert_eq!(*entry, affine_of(&(base * scalar(2 * i as u64 + 1))));
            }
            for _ in 0..64 {
                base = base.double();
            }
        }
    }
    let g = Jacobian::from_affine(&G);
    assert!(normalize(&[g, Jacobian::INFINITY, g.double()]).is_none());
    assert_eq!(normalize(&[g]).unwrap()[0], G);
}
