//! Variable-time ECDSA P-256 verification (the contract's one exception to
//! "RustCrypto for everything"): it only ever handles public data, so it may
//! branch on it. u₁·G + u₂·Q is computed with interleaved wNAF (Shamir's
//! trick): one shared doubling chain, table additions from compile-time
//! tables of G and tables of Q built once per key.
//!
//! With a cached key each scalar is split in 128-bit halves,
//! u = u_lo + 2¹²⁸·u_hi, against tables of P and 2¹²⁸·P: four half-length
//! terms share 128 doublings instead of 256 (the doublings are most of the
//! cost). Without a cache (a private key verifying) the plain two-term form
//! avoids the 128 doublings of building the 2¹²⁸·Q table on every call.
//!
//! The signature is parsed and the scalars u₁ = z·s⁻¹, u₂ = r·s⁻¹ computed by
//! RustCrypto's `p256` exactly as its own `verify` does, so the encoding
//! rules (64 bytes, 1 ≤ r, s < n, high-S accepted) cannot drift; only the
//! point arithmetic is ours. `tests` checks it against `p256` differentially.

use alloc::sync::Arc;
use core::ops::Deref;

use p256::ecdsa::VerifyingKey;
use p256::elliptic_curve::ff::PrimeField;
use p256::elliptic_curve::ops::Reduce;
use p256::{FieldBytes, Scalar};
use sha2::{Digest, Sha256};

use super::p256_field::{self, Fe};
use super::p256_point::{Affine, Jacobian, odd_multiples};
use super::p256_table::{G_HI_TABLE, G_TABLE, G_WINDOW};
use super::wnaf;

/// The wNAF window width used for the public key's terms.
const Q_WINDOW: u32 = 6;
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

/// A public key's odd multiples `Q, 3Q, …, 15Q` and those of 2¹²⁸·Q.
#[derive(Debug)]
pub(crate) struct P256Table {
    q: [Affine; Q_ENTRIES],
    q_hi: [Affine; Q_ENTRIES],
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
        let table = affine_of(&key).and_then(|q| {
            let q_hi = Jacobian::from_affine(&q).double_n(128).to_affine()?;
            Some(Arc::new(P256Table {
                q: odd_multiples(&q)?,
                q_hi: odd_multiples(&q_hi)?,
            }))
        });
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
    // s ≠ 0, so the inverse exists; `None` would only mean a bug upstream.
    let s_inv = Option::<Scalar>::from(s.invert_vartime())?;
    Some((words(&r), words(&(z * s_inv)), words(&(*r * s_inv))))
}

fn words(k: &Scalar) -> [u32; 8] {
    p256_field::words_from_be(&k.to_repr().into())
}

/// Verifies the raw `r ‖ s` signature `sig` over `msg` with a cached key.
pub(crate) fn verify(key: &P256Public, msg: &[u8], sig: &[u8]) -> bool {
    let Some(table) = &key.table else {
        return verify_rustcrypto(&key.key, msg, sig);
    };
    let Some((r, u1, u2)) = scalars(msg, sig) else {
        return false;
    };
    let [u1_lo, u1_hi] = halves(&u1);
    let [u2_lo, u2_hi] = halves(&u2);
    let sum = lincomb(&[
        (wnaf::recode(&u1_lo, G_WINDOW), &G_TABLE),
        (wnaf::recode(&u1_hi, G_WINDOW), &G_HI_TABLE),
        (wnaf::recode(&u2_lo, Q_WINDOW), &table.q),
        (wnaf::recode(&u2_hi, Q_WINDOW), &table.q_hi),
    ]);
    sum.is_some_and(|sum| x_matches(&sum, &r))
}

/// Verifies with a key that has no cached table (the public half of a
/// private key): a per-call table of Q and full-length scalars.
pub(crate) fn verify_uncached(key: &VerifyingKey, msg: &[u8], sig: &[u8]) -> bool {
    let Some(q) = affine_of(key).and_then(|q| odd_multiples::<Q_ENTRIES>(&q)) else {
        return verify_rustcrypto(key, msg, sig);
    };
    let Some((r, u1, u2)) = scalars(msg, sig) else {
        return false;
    };
    let sum = lincomb(&[
        (wnaf::recode(&u1, G_WINDOW), &G_TABLE),
        (wnaf::recode(&u2, Q_WINDOW), &q),
    ]);
    sum.is_some_and(|sum| x_matches(&sum, &r))
}

fn verify_rustcrypto(key: &VerifyingKey, msg: &[u8], sig: &[u8]) -> bool {
    use signature::Verifier;
    p256::ecdsa::Signature::from_slice(sig).is_ok_and(|sig| key.verify(msg, &sig).is_ok())
}

/// The low and high 128 bits of `k`, each as a 256-bit value.
fn halves(k: &[u32; 8]) -> [[u32; 8]; 2] {
    let [a, b, c, d, e, f, g, h] = *k;
    [[a, b, c, d, 0, 0, 0, 0], [e, f, g, h, 0, 0, 0, 0]]
}

/// Σ kᵢ·Pᵢ from each term's wNAF digits and table of odd multiples of Pᵢ.
/// `None` only if a digit indexed past its table, which the digit bounds
/// rule out.
fn lincomb(terms: &[([i8; wnaf::DIGITS], &[Affine])]) -> Option<Jacobian> {
    let top = terms
        .iter()
        .filter_map(|(digits, _)| digits.iter().rposition(|&d| d != 0))
        .max();
    let mut acc = Jacobian::INFINITY;
    let Some(top) = top else {
        return Some(acc);
    };
    for i in (0..=top).rev() {
        acc = acc.double();
        for (digits, table) in terms {
            let digit = *digits.get(i)?;
            if digit != 0 {
                let entry = table.get(usize::from(digit.unsigned_abs() / 2))?;
                acc = if digit > 0 {
                    acc.add_affine(entry)
                } else {
                    acc.add_affine(&entry.neg())
                };
            }
        }
    }
    Some(acc)
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
