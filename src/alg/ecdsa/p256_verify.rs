//! Variable-time ECDSA P-256 verification (the contract's one exception to
//! "RustCrypto for everything"): it only ever handles public data, so it may
//! branch on it. u₁·G + u₂·Q is computed with interleaved wNAF (Shamir's
//! trick): one shared doubling chain, table additions from a compile-time
//! table of G and a per-key table of Q.
//!
//! The signature is parsed and the scalars u₁ = z·s⁻¹, u₂ = r·s⁻¹ computed by
//! RustCrypto's `p256` exactly as its own `verify` does, so the encoding
//! rules (64 bytes, 1 ≤ r, s < n, high-S accepted) cannot drift; only the
//! point arithmetic is ours. `tests` checks it against `p256` differentially.

use p256::elliptic_curve::ff::PrimeField;
use p256::elliptic_curve::ops::Reduce;
use p256::{FieldBytes, Scalar};
use sha2::{Digest, Sha256};

use super::p256_field::{self, Fe};
use super::p256_point::{Affine, Jacobian, odd_multiples};
use super::p256_table::{G_TABLE, G_WINDOW};
use super::wnaf;

/// The wNAF window width used for u₂·Q.
const Q_WINDOW: u32 = 5;
const Q_ENTRIES: usize = 1 << (Q_WINDOW - 2);

/// The group order n, little-endian limbs.
pub(super) const N: [u32; 8] = [
    0xfc63_2551,
    0xf3b9_cac2,
    0xa717_9e84,
    0xbce6_faad,
    0xffff_ffff,
    0xffff_ffff,
    0,
    0xffff_ffff,
];

/// A public key's odd multiples `Q, 3Q, …, 15Q`, computed once per key.
#[derive(Clone, Debug)]
pub(crate) struct P256Table {
    q: [Affine; Q_ENTRIES],
}

impl P256Table {
    /// The table for a RustCrypto verifying key. `None` only if the key's
    /// coordinates cannot be read, which a valid `VerifyingKey` rules out;
    /// callers then fall back to RustCrypto.
    pub(crate) fn new(vk: &p256::ecdsa::VerifyingKey) -> Option<Self> {
        let point = vk.to_sec1_point(false);
        let bytes = point.as_bytes();
        // Uncompressed SEC1: 0x04 ‖ x ‖ y.
        let x = Fe::from_be_bytes(bytes.get(1..33)?.try_into().ok()?)?;
        let y = Fe::from_be_bytes(bytes.get(33..65)?.try_into().ok()?)?;
        odd_multiples::<Q_ENTRIES>(&Affine { x, y }).map(|q| Self { q })
    }
}

/// Verifies the raw `r ‖ s` signature `sig` over `msg`.
pub(crate) fn verify(table: &P256Table, msg: &[u8], sig: &[u8]) -> bool {
    let Ok(sig) = p256::ecdsa::Signature::from_slice(sig) else {
        return false;
    };
    let (r, s) = sig.split_scalars();
    let digest: FieldBytes = Sha256::digest(msg);
    let z = <Scalar as Reduce<FieldBytes>>::reduce(&digest);
    // s ≠ 0, so the inverse exists; a `None` would only mean a bug upstream.
    let Some(s_inv) = Option::<Scalar>::from(s.invert_vartime()) else {
        return false;
    };
    let u1 = z * s_inv;
    let u2 = *r * s_inv;
    let r_words = p256_field::words_from_be(&r.to_repr().into());
    let Some(sum) = lincomb(&scalar_words(&u1), &scalar_words(&u2), table) else {
        return false;
    };
    x_matches(&sum, &r_words)
}

fn scalar_words(k: &Scalar) -> [u32; 8] {
    p256_field::words_from_be(&k.to_repr().into())
}

/// u₁·G + u₂·Q. `None` only if a table index were out of range, which the
/// wNAF digit bounds rule out.
fn lincomb(u1: &[u32; 8], u2: &[u32; 8], table: &P256Table) -> Option<Jacobian> {
    let d1 = wnaf::recode(u1, G_WINDOW);
    let d2 = wnaf::recode(u2, Q_WINDOW);
    let mut acc = Jacobian::INFINITY;
    for i in (0..wnaf::DIGITS).rev() {
        if !acc.is_infinity() {
            acc = acc.double();
        }
        acc = add_digit(&acc, &G_TABLE, *d1.get(i)?)?;
        acc = add_digit(&acc, &table.q, *d2.get(i)?)?;
    }
    Some(acc)
}

/// acc + digit·P, from a table of the odd multiples of P.
fn add_digit(acc: &Jacobian, table: &[Affine], digit: i8) -> Option<Jacobian> {
    if digit == 0 {
        return Some(*acc);
    }
    let entry = table.get(usize::from(digit.unsigned_abs() / 2))?;
    Some(if digit > 0 {
        acc.add_affine(entry)
    } else {
        acc.add_affine(&entry.neg())
    })
}

/// Whether x(sum) ≡ r (mod n), without inverting Z: x = X/Z², and x mod n
/// = r means x = r or, when r + n < p, x = r + n (x < p < 2n).
pub(super) fn x_matches(sum: &Jacobian, r: &[u32; 8]) -> bool {
    if sum.is_infinity() {
        return false;
    }
    let z2 = sum.z.square();
    let Some(r_fe) = Fe::from_words(*r) else {
        return false;
    };
    if r_fe.mul(&z2).eq(&sum.x) {
        return true;
    }
    let (r_plus_n, carry) = p256_field::add_words(r, &N);
    if carry != 0 {
        return false;
    }
    Fe::from_words(r_plus_n).is_some_and(|rn| rn.mul(&z2).eq(&sum.x))
}
