//! Arithmetic modulo the P-384 prime p = 2³⁸⁴ − 2¹²⁸ − 2⁹⁶ + 2³² − 1, for the
//! variable-time verification path only: every value it ever sees is public
//! (key, message, signature), so branches on data are allowed here.
//!
//! Elements are twelve little-endian 32-bit limbs, always fully reduced, so
//! equality and zero tests are plain limb comparisons. Products use wasm's
//! native 32×32→64 multiply (RustCrypto's `p384` has 64-bit limbs on wasm,
//! whose 128-bit products are library calls there), and the 768-bit product
//! is folded back with the NIST/Solinas identity for this prime, additions
//! and subtractions of product words only. Everything is `const fn`, so the
//! generator tables are computed by the compiler.

use super::limbs::settle;

/// Limbs per element.
const L: usize = 12;

/// An element of GF(p), fully reduced.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) struct Fe(pub(super) [u32; L]);

/// The prime p, little-endian limbs.
const P: [u32; L] = [
    0xffff_ffff,
    0,
    0,
    0xffff_ffff,
    0xffff_fffe,
    0xffff_ffff,
    0xffff_ffff,
    0xffff_ffff,
    0xffff_ffff,
    0xffff_ffff,
    0xffff_ffff,
    0xffff_ffff,
];

impl Fe {
    field_basics!();

    field_products!(48, [0 1 2 3 4 5 6 7 8 9 10 11]);

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
        let x60 = x30.square_n(30).mul(&x30);
        let x120 = x60.square_n(60).mul(&x60);
        let x240 = x120.square_n(120).mul(&x120);
        let x255 = x240.square_n(15).mul(&x15);
        // p − 2, from the top: 255 ones, a zero, 32 ones, 64 zeros, 30 ones,
        // a zero and a one.
        let t = x255.square_n(33).mul(&x32);
        let t = t.square_n(94).mul(&x30);
        t.square_n(2).mul(a)
    }
}

/// Folds a 768-bit product `c₂₃…c₀` (32-bit words) modulo p with the NIST
/// identity `T + 2S₁ + S₂ + S₃ + S₄ + S₅ + S₆ − D₁ − D₂ − D₃` (FIPS 186-4
/// D.2.4), written out per output word and carried in signed 64-bit
/// accumulators.
#[inline(always)]
const fn reduce(c: &[u32; 24]) -> Fe {
    let mut x = [0i64; 24];
    let mut i = 0;
    while i < 24 {
        x[i] = c[i] as i64;
        i += 1;
    }
    let w = [
        x[0] + x[12] + x[21] + x[20] - x[23],
        x[1] + x[13] + x[22] + x[23] - x[12] - x[20],
        x[2] + x[14] + x[23] - x[13] - x[21],
        x[3] + x[15] + x[12] + x[20] + x[21] - x[14] - x[22] - x[23],
        x[4] + 2 * x[21] + x[16] + x[13] + x[12] + x[20] + x[22] - x[15] - 2 * x[23],
        x[5] + 2 * x[22] + x[17] + x[14] + x[13] + x[21] + x[23] - x[16],
        x[6] + 2 * x[23] + x[18] + x[15] + x[14] + x[22] - x[17],
        x[7] + x[19] + x[16] + x[15] + x[23] - x[18],
        x[8] + x[20] + x[17] + x[16] - x[19],
        x[9] + x[21] + x[18] + x[17] - x[20],
        x[10] + x[22] + x[19] + x[18] - x[21],
        x[11] + x[23] + x[20] + x[19] - x[22],
    ];
    // 2³⁸⁴ ≡ 2¹²⁸ + 2⁹⁶ − 2³² + 1.
    Fe(settle(&w, &[1, -1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0], &P))
}
