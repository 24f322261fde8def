//! Variable-time ECDSA P-384 verification, on public data only (like
//! `p256_verify`): u₁·G + u₂·Q by interleaved wNAF (Shamir's trick), one
//! shared chain of 384 doublings, additions from a compile-time table of G
//! and a per-call table of Q.
//!
//! The signature is parsed and z, u₁ = z·s⁻¹ and u₂ = r·s⁻¹ computed with
//! RustCrypto's `p384` types exactly as its own `verify` does, so the
//! encoding rules (96 bytes, 1 ≤ r, s < n, high-S accepted) cannot drift.
//! Ours is the point arithmetic, checked against `p384` in `tests`.

use p384::ecdsa::VerifyingKey;
use p384::elliptic_curve::ff::PrimeField;
use p384::elliptic_curve::ops::Reduce;
use p384::{FieldBytes, Scalar};
use sha2::{Digest, Sha384};

use super::limbs::words_from_be;
use super::p384_field::Fe;
use super::p384_point::{Affine, lincomb, odd_multiples, x_matches};
use super::wnaf;

/// The wNAF window widths: G's table is made once by the compiler, Q's on
/// every call.
const G_WINDOW: u32 = 7;
const G_ENTRIES: usize = 1 << (G_WINDOW - 2);
const Q_WINDOW: u32 = 5;
const Q_ENTRIES: usize = 1 << (Q_WINDOW - 2);

/// Digits of a 384-bit scalar, one more for the carry.
const DIGITS: usize = 385;

/// The group order n, little-endian limbs.
pub(super) const N: [u32; 12] = [
    0xccc5_2973,
    0xecec_196a,
    0x48b0_a77a,
    0x581a_0db2,
    0xf437_2ddf,
    0xc763_4d81,
    0xffff_ffff,
    0xffff_ffff,
    0xffff_ffff,
    0xffff_ffff,
    0xffff_ffff,
    0xffff_ffff,
];

/// The generator (FIPS 186-4 D.1.2.4).
pub(super) const G: Affine = Affine {
    x: fe([
        0x7276_0ab7,
        0x3a54_5e38,
        0xbf55_296c,
        0x5502_f25d,
        0x8254_2a38,
        0x59f7_41e0,
        0x8ba7_9b98,
        0x6e1d_3b62,
        0xf320_ad74,
        0x8eb1_c71e,
        0xbe8b_0537,
        0xaa87_ca22,
    ]),
    y: fe([
        0x90ea_0e5f,
        0x7a43_1d7c,
        0x1d7e_819d,
        0x0a60_b1ce,
        0xb5f0_b8c0,
        0xe9da_3113,
        0x289a_147c,
        0xf8f4_1dbd,
        0x9292_dc29,
        0x5d9e_98bf,
        0x9626_2c6f,
        0x3617_de4a,
    ]),
};

/// `G_TABLE[i] = (2i + 1)·G`.
const G_TABLE: [Affine; G_ENTRIES] = match odd_multiples::<G_ENTRIES>(&G) {
    Some(table) => table,
    // A compile-time error, never a run-time panic.
    None => panic!("the P-384 generator table has a point at infinity"),
};

/// A curve constant below p, at compile time.
const fn fe(words: [u32; 12]) -> Fe {
    match Fe::from_words(words) {
        Some(fe) => fe,
        None => panic!("a P-384 constant is not below p"),
    }
}

/// Verifies the raw `r ‖ s` signature `sig` over `msg`.
pub(super) fn verify(key: &VerifyingKey, msg: &[u8], sig: &[u8]) -> bool {
    let Some(q) = affine_of(key).and_then(|q| odd_multiples::<Q_ENTRIES>(&q)) else {
        return verify_rustcrypto(key, msg, sig);
    };
    let Some((r, u1, u2)) = scalars(msg, sig) else {
        return false;
    };
    let sum = lincomb(&[
        (digits(&u1, G_WINDOW), &G_TABLE[..]),
        (digits(&u2, Q_WINDOW), &q[..]),
    ]);
    sum.is_some_and(|sum| x_matches(&sum, &r, &N))
}

fn verify_rustcrypto(key: &VerifyingKey, msg: &[u8], sig: &[u8]) -> bool {
    use signature::Verifier;
    p384::ecdsa::Signature::from_slice(sig).is_ok_and(|sig| key.verify(msg, &sig).is_ok())
}

/// The key's point in our affine form.
fn affine_of(key: &VerifyingKey) -> Option<Affine> {
    let point = key.to_sec1_point(false);
    let bytes = point.as_bytes();
    // Uncompressed SEC1: 0x04 ‖ x ‖ y.
    let x = Fe::from_be_bytes(bytes.get(1..49)?.try_into().ok()?)?;
    let y = Fe::from_be_bytes(bytes.get(49..97)?.try_into().ok()?)?;
    Some(Affine { x, y })
}

/// The scalars of a signature over `msg`: r and (u₁, u₂), or `None` when the
/// signature does not parse (wrong length, r or s outside [1, n − 1]).
fn scalars(msg: &[u8], sig: &[u8]) -> Option<([u32; 12], [u32; 12], [u32; 12])> {
    let sig = p384::ecdsa::Signature::from_slice(sig).ok()?;
    let (r, s) = sig.split_scalars();
    let digest: FieldBytes = Sha384::digest(msg);
    let z = <Scalar as Reduce<FieldBytes>>::reduce(&digest);
    let s_inv = Option::<Scalar>::from(s.invert_vartime())?;
    Some((words(&r), words(&(z * s_inv)), words(&(*r * s_inv))))
}

fn words(k: &Scalar) -> [u32; 12] {
    words_from_be::<12, 48>(&k.to_repr().into())
}

/// The wNAF digits of a P-384 scalar.
fn digits(k: &[u32; 12], w: u32) -> [i8; DIGITS] {
    wnaf::recode(k, w)
}
