//! Big-endian scalar arithmetic for building ECDSA test signatures (curve
//! orders, n − s), so no curve constant is typed in by hand.

use alloc::vec::Vec;

use crate::Curve;
use p256::elliptic_curve::ff::PrimeField;

/// The group order n of `curve`, big-endian and field-width, computed from the
/// curve crate (n − 1 is the scalar −1) rather than typed in.
pub(super) fn ecdsa_order(curve: Curve) -> Vec<u8> {
    let n_minus_1: Vec<u8> = match curve {
        Curve::P256 => (-p256::Scalar::ONE).to_repr().to_vec(),
        Curve::P384 => (-p384::Scalar::ONE).to_repr().to_vec(),
        Curve::P521 => (-p521::Scalar::ONE).to_repr().to_vec(),
        Curve::Secp256k1 => (-k256::Scalar::ONE).to_repr().to_vec(),
    };
    assert_eq!(n_minus_1.len(), curve.field_len());
    be_add_small(&n_minus_1, 1)
}

/// Big-endian `a + k` for a small `k` (the width must not overflow).
fn be_add_small(a: &[u8], k: u8) -> Vec<u8> {
    let mut out = a.to_vec();
    let mut carry = u16::from(k);
    for byte in out.iter_mut().rev() {
        let sum = u16::from(*byte) + carry;
        *byte = sum as u8;
        carry = sum >> 8;
    }
    assert_eq!(carry, 0);
    out
}

/// Big-endian `a − b` for equal-width `a ≥ b`.
pub(super) fn be_sub(a: &[u8], b: &[u8]) -> Vec<u8> {
    let mut out = alloc::vec![0; a.len()];
    let mut borrow = 0i16;
    for i in (0..a.len()).rev() {
        let mut d = i16::from(a[i]) - i16::from(b[i]) - borrow;
        borrow = i16::from(d < 0);
        if d < 0 {
            d += 256;
        }
        out[i] = d as u8;
    }
    assert_eq!(borrow, 0);
    out
}

/// Whether the scalar `s < n` is in the upper half (`s > n − s`).
pub(super) fn is_high(s: &[u8], n: &[u8]) -> bool {
    *s > *be_sub(n, s)
}
