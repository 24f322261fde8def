//! GF(p) for secp256k1, p = 2²⁵⁶ − 2³² − 977, for the variable-time
//! verification path: eight 32-bit limbs (wasm's native 32×32→64 multiply;
//! `k256` uses 64-bit limbs on wasm, whose products are library calls
//! there), with the 512-bit product folded back by 2²⁵⁶ ≡ 2³² + 977.
//! Everything is `const fn`, so the compiler computes the generator tables
//! with this very code.

use super::limbs::settle;

/// An element of GF(p), fully reduced.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) struct Fe(pub(super) [u32; 8]);

/// Limbs per element.
const L: usize = 8;

/// The prime p, little-endian limbs.
const P: [u32; L] = [
    0xffff_fc2f,
    0xffff_fffe,
    0xffff_ffff,
    0xffff_ffff,
    0xffff_ffff,
    0xffff_ffff,
    0xffff_ffff,
    0xffff_ffff,
];

/// 2²⁵⁶ − p − 2³² = 977: 2²⁵⁶ ≡ 2³² + 977 (mod p).
const C_LOW: i64 = 977;

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
        let x9 = x6.square_n(3).mul(&x3);
        let x11 = x9.square_n(2).mul(&x2);
        let x22 = x11.square_n(11).mul(&x11);
        let x44 = x22.square_n(22).mul(&x22);
        let x88 = x44.square_n(44).mul(&x44);
        let x176 = x88.square_n(88).mul(&x88);
        let x220 = x176.square_n(44).mul(&x44);
        let x223 = x220.square_n(3).mul(&x3);
        // p − 2, from the top: 223 ones, a zero, 22 ones, then 0000101101.
        let t = x223.square_n(23).mul(&x22);
        let t = t.square_n(5).mul(a);
        let t = t.square_n(3).mul(&x2);
        t.square_n(2).mul(a)
    }
}

/// Folds a 512-bit product `hi·2²⁵⁶ + lo` modulo p as `lo + hi·977 +
/// hi·2³²`; `settle` folds what carries past 2²⁵⁶ the same way.
#[inline(always)]
const fn reduce(c: &[u32; 16]) -> Fe {
    let mut w = [0i64; 8];
    unroll!(k in [0 1 2 3 4 5 6 7] {
        // hi·2²⁵⁶ ≡ hi·977 + hi·2³²: word k takes hiₖ·977 and hiₖ₋₁; hi₇'s
        // part, at 2²⁵⁶, folds again into words 0 and 1 (each sum < 2⁴⁴).
        let shifted = if k == 0 { c[15] as i64 * C_LOW } else { c[k + 7] as i64 };
        let top = if k == 1 { c[15] as i64 } else { 0 };
        w[k] = c[k] as i64 + c[k + 8] as i64 * C_LOW + shifted + top;
    });
    Fe(settle(&w, &[C_LOW, 1, 0, 0, 0, 0, 0, 0], &P))
}
