//! Variable-time ECDSA P-256 verification (the project's one exception to
//! "RustCrypto for everything"): it only ever handles public data, so it may
//! branch on it. u₁·G + u₂·Q is computed with interleaved wNAF (Shamir's
//! trick): one shared doubling chain, table additions from compile-time
//! tables of G and tables of Q built once per key.
//!
//! With a cached key each scalar is split in 64-bit quarters,
//! u = Σ uⱼ·2⁶⁴ʲ, against tables of 2⁶⁴ʲ·P: eight quarter-length terms
//! share 64 doublings instead of 256 (the doublings were most of the cost).
//! Without a cache (a private key verifying) the plain form avoids building
//! the 2⁶⁴ʲ·Q tables (192 doublings) on every call: the full-length u₁ goes
//! against the first generator table and u₂ against a per-call table of Q.
//!
//! The signature is parsed and z, u₁ = z·s⁻¹ and u₂ = r·s⁻¹ computed with
//! RustCrypto's `p256` types exactly as its own `verify` does, so the
//! encoding rules (64 bytes, 1 ≤ r, s < n, high-S accepted) cannot drift.
//! Ours are the point arithmetic and s⁻¹ (`scalar_inverse`, confirmed by a
//! `p256` multiplication). `tests` checks it all against `p256`.

use alloc::sync::Arc;
use core::ops::Deref;

use p256::ecdsa::VerifyingKey;
use p256::elliptic_curve::ff::PrimeField;
use p256::elliptic_curve::ops::Reduce;
use p256::{FieldBytes, Scalar};
use sha2::{Digest, Sha256};

use super::p256_field::Fe;
use super::p256_point::{Affine, lincomb, odd_multiples, x_matches};
use super::p256_table::{G_TABLES, G_WINDOW, quarter_tables};
use super::{limbs, scalar_inverse, wnaf};

/// The wNAF window width used for the public key's terms.
const Q_WINDOW: u32 = 6;
const Q_ENTRIES: usize = 1 << (Q_WINDOW - 2);
/// The same for a per-call table, which costs a table build on every call.
const Q_WINDOW_UNCACHED: u32 = 5;
const Q_ENTRIES_UNCACHED: usize = 1 << (Q_WINDOW_UNCACHED - 2);

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

/// A public key's odd multiples `Qⱼ, 3Qⱼ, …, 31Qⱼ` for Qⱼ = 2⁶⁴ʲ·Q.
#[derive(Debug)]
pub(crate) struct P256Table {
    q: [[Affine; Q_ENTRIES]; 4],
}

/// A P-256 public key with its verification tables, built once on import.
/// Dereferences to the RustCrypto key for everything else (export, JWK, …).
#[derive(Clone, Debug)]
pub(crate) struct P256Public {
    key: VerifyingKey,
    /// `None` only if the key's coordinates could not be read, which a valid
    /// `VerifyingKey` rules out; verification then falls back to RustCrypto.
    table: Option<Arc<P256Table>>,
}

impl From<VerifyingKey> for P256Public {
    fn from(key: VerifyingKey) -> Self {
        let table = affine_of(&key)
            .and_then(|q| quarter_tables(&q))
            .map(|q| Arc::new(P256Table { q }));
        Self { key, table }
    }
}

impl Deref for P256Public {
    type Target = VerifyingKey;
    fn deref(&self) -> &VerifyingKey {
        &self.key
    }
}

/// The key's point in our affine form.
fn affine_of(key: &VerifyingKey) -> Option<Affine> {
    let point = key.to_sec1_point(false);
    let bytes = point.as_bytes();
    // Uncompressed SEC1: 0x04 ‖ x ‖ y.
    let x = Fe::from_be_bytes(bytes.get(1..33)?.try_into().ok()?)?;
    let y = Fe::from_be_bytes(bytes.get(33..65)?.try_into().ok()?)?;
    Some(Affine { x, y })
}

/// The scalars of a signature over `msg`: r and (u₁, u₂), or `None` when the
/// signature does not parse (wrong length, r or s outside [1, n − 1]).
fn scalars(msg: &[u8], sig: &[u8]) -> Option<([u32; 8], [u32; 8], [u32; 8])> {
    let sig = p256::ecdsa::Signature::from_slice(sig).ok()?;
    let (r, s) = sig.split_scalars();
    let digest: FieldBytes = Sha256::digest(msg);
    let z = <Scalar as Reduce<FieldBytes>>::reduce(&digest);
    let s_inv = invert(&s)?;
    Some((words(&r), words(&(z * s_inv)), words(&(*r * s_inv))))
}

/// s⁻¹ by our binary inversion, accepted only once `p256` confirms
/// s·s⁻¹ = 1; otherwise (never seen, but cheap to rule out) RustCrypto's own
/// inversion. `None` only for s = 0, which `Signature` already excludes.
fn invert(s: &Scalar) -> Option<Scalar> {
    let fast = scalar_inverse::invert(&words(s))
        .and_then(|w| Option::<Scalar>::from(Scalar::from_repr(words_to_be(&w).into())))
        .filter(|inv| *inv * s == Scalar::ONE);
    fast.or_else(|| Option::<Scalar>::from(s.invert_vartime()))
}

fn words_to_be(w: &[u32; 8]) -> [u8; 32] {
    let mut out = [0u8; 32];
    for (chunk, word) in out.chunks_exact_mut(4).zip(w.iter().rev()) {
        chunk.copy_from_slice(&word.to_be_bytes());
    }
    out
}

fn words(k: &Scalar) -> [u32; 8] {
    limbs::words_from_be(&k.to_repr().into())
}

/// Verifies the raw `r ‖ s` signature `sig` over `msg` with a cached key.
pub(crate) fn verify(key: &P256Public, msg: &[u8], sig: &[u8]) -> bool {
    let Some(table) = &key.table else {
        return verify_rustcrypto(&key.key, msg, sig);
    };
    let Some((r, u1, u2)) = scalars(msg, sig) else {
        return false;
    };
    let [a0, a1, a2, a3] = quarters(&u1);
    let [b0, b1, b2, b3] = quarters(&u2);
    let [g0, g1, g2, g3] = &G_TABLES;
    let [q0, q1, q2, q3] = &table.q;
    let sum = lincomb(&[
        (digits(&a0, G_WINDOW), g0),
        (digits(&a1, G_WINDOW), g1),
        (digits(&a2, G_WINDOW), g2),
        (digits(&a3, G_WINDOW), g3),
        (digits(&b0, Q_WINDOW), q0),
        (digits(&b1, Q_WINDOW), q1),
        (digits(&b2, Q_WINDOW), q2),
        (digits(&b3, Q_WINDOW), q3),
    ]);
    sum.is_some_and(|sum| x_matches(&sum, &r, &N))
}

/// Verifies with a key that has no cached table (the public half of a
/// private key): a per-call table of Q and full-length scalars.
pub(crate) fn verify_uncached(key: &VerifyingKey, msg: &[u8], sig: &[u8]) -> bool {
    let Some(q) = affine_of(key).and_then(|q| odd_multiples::<Q_ENTRIES_UNCACHED>(&q)) else {
        return verify_rustcrypto(key, msg, sig);
    };
    let Some((r, u1, u2)) = scalars(msg, sig) else {
        return false;
    };
    let sum = lincomb(&[
        (digits(&u1, G_WINDOW), &G_TABLES[0]),
        (digits(&u2, Q_WINDOW_UNCACHED), &q),
    ]);
    sum.is_some_and(|sum| x_matches(&sum, &r, &N))
}

/// The wNAF digits of a P-256 scalar (or quarter).
fn digits(k: &[u32; 8], w: u32) -> [i8; wnaf::DIGITS] {
    wnaf::recode(k, w)
}

fn verify_rustcrypto(key: &VerifyingKey, msg: &[u8], sig: &[u8]) -> bool {
    use signature::Verifier;
    p256::ecdsa::Signature::from_slice(sig).is_ok_and(|sig| key.verify(msg, &sig).is_ok())
}

/// The four 64-bit quarters of `k`, least significant first, each as a
/// 256-bit value.
fn quarters(k: &[u32; 8]) -> [[u32; 8]; 4] {
    let [a, b, c, d, e, f, g, h] = *k;
    [
        [a, b, 0, 0, 0, 0, 0, 0],
        [c, d, 0, 0, 0, 0, 0, 0],
        [e, f, 0, 0, 0, 0, 0, 0],
        [g, h, 0, 0, 0, 0, 0, 0],
    ]
}
