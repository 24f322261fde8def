//! Arithmetic modulo the P-256 prime p = 2²⁵⁶ − 2²²⁴ + 2¹⁹² + 2⁹⁶ − 1, for the
//! variable-time verification path only: every value it ever sees is public
//! (key, signature, message), so branches on data are allowed here (as in
//! the other verification fields, and nowhere in signing).
//!
//! Elements are eight little-endian 32-bit limbs, always fully reduced
//! (`< p`), so equality and zero tests are plain limb comparisons. 32-bit
//! limbs match wasm's native 32×32→64 multiply; the 512-bit product is folded
//! back with the NIST/Solinas identity for this prime, which needs only
//! additions and subtractions of product words. Everything is `const fn` so
//! the generator tables (`curve_verify`) are computed by the compiler with this
//! very code.

use super::limbs::settle;

/// An element of GF(p), fully reduced.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) struct Fe(pub(super) [u32; 8]);

/// Limbs per element.
const L: usize = 8;

/// The prime p, little-endian limbs.
const P: [u32; L] = [
    0xffff_ffff,
    0xffff_ffff,
    0xffff_ffff,
    0,
    0,
    0,
    1,
    0xffff_ffff,
];

impl Fe {
    field_basics!();

    field_products!(32, [0 1 2 3 4 5 6 7]);

    /// `self⁻¹` by Fermat (`self^(p−2)`), with an addition chain over the runs
    /// of ones in p − 2; zero maps to zero, so callers test for zero first.
    pub(super) const fn invert(&self) -> Self {
        let a = self;
        let x2 = a.square().mul(a);
        let x3 = x2.square().mul(a);
        let x6 = x3.square_n(3).mul(&x3);
        let x12 = x6.square_n(6).mul(&x6);
        let x15 = x12.square_n(3).mul(&x3);
        let x30 = x15.square_n(15).mul(&x15);
        let x32 = x30.square_n(2).mul(&x2);
        // p − 2, from the top: 32 ones, 31 zeros, a one, 96 zeros, 94 ones,
        // a zero and a one.
        let t = x32.square_n(32).mul(a);
        let t = t.square_n(128).mul(&x32);
        let t = t.square_n(32).mul(&x32);
        let t = t.square_n(30).mul(&x30);
        t.square_n(2).mul(a)
    }
}

/// Folds a 512-bit product `c₁₅…c₀` (32-bit words) modulo p with the NIST
/// identity `s₁ + 2s₂ + 2s₃ + s₄ + s₅ − d₁ − d₂ − d₃ − d₄` (FIPS 186 D.2.3),
/// written out per output word and carried in signed 64-bit accumulators.
#[inline(always)]
const fn reduce(c: &[u32; 16]) -> Fe {
    let c0 = c[0] as i64;
    let c1 = c[1] as i64;
    let c2 = c[2] as i64;
    let c3 = c[3] as i64;
    let c4 = c[4] as i64;
    let c5 = c[5] as i64;
    let c6 = c[6] as i64;
    let c7 = c[7] as i64;
    let c8 = c[8] as i64;
    let c9 = c[9] as i64;
    let c10 = c[10] as i64;
    let c11 = c[11] as i64;
    let c12 = c[12] as i64;
    let c13 = c[13] as i64;
    let c14 = c[14] as i64;
    let c15 = c[15] as i64;
    let w = [
        c0 + c8 + c9 - c11 - c12 - c13 - c14,
        c1 + c9 + c10 - c12 - c13 - c14 - c15,
        c2 + c10 + c11 - c13 - c14 - c15,
        c3 + 2 * c11 + 2 * c12 + c13 - c15 - c8 - c9,
        c4 + 2 * c12 + 2 * c13 + c14 - c9 - c10,
        c5 + 2 * c13 + 2 * c14 + c15 - c10 - c11,
        c6 + 3 * c14 + 2 * c15 + c13 - c8 - c9,
        c7 + 3 * c15 + c8 - c10 - c11 - c12 - c13,
    ];
    // 2²⁵⁶ ≡ 2²²⁴ − 2¹⁹² − 2⁹⁶ + 1.
    Fe(settle(&w, &[1, 0, 0, -1, 0, 0, -1, 1], &P))
}
