//! Arithmetic modulo the P-521 prime p = 2⁵²¹ − 1, for the variable-time
//! verification path only: every value it ever sees is public (key,
//! message, signature), so branches on data are allowed here.
//!
//! Elements are seventeen little-endian 32-bit limbs (the top one holds 9
//! bits), always fully reduced. Products use wasm's native 32×32→64
//! multiply (RustCrypto's `p521` has 64-bit limbs on wasm, whose 128-bit
//! products are library calls there), and p being a Mersenne prime, the
//! 1,042-bit product folds back as `low + high` (2⁵²¹ ≡ 1). Everything is
//! `const fn`, so the generator tables are computed by the compiler.

use super::limbs::sub_words;

/// Limbs per element.
const L: usize = 17;

/// An element of GF(p), fully reduced.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) struct Fe(pub(super) [u32; L]);

/// The prime p, little-endian limbs.
const P: [u32; L] = {
    let mut p = [u32::MAX; L];
    p[L - 1] = 0x1ff;
    p
};

impl Fe {
    field_basics!();

    field_products!(66, [0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16]);

    /// `self⁻¹` by Fermat (`self^(p−2)`, p − 2 = 519 ones, a zero, a one);
    /// zero maps to zero, so callers test for zero first.
    pub(super) const fn invert(&self) -> Self {
        let a = self;
        let x2 = a.square().mul(a);
        let x3 = x2.square().mul(a);
        let x4 = x2.square_n(2).mul(&x2);
        let x7 = x4.square_n(3).mul(&x3);
        let x8 = x4.square_n(4).mul(&x4);
        let x16 = x8.square_n(8).mul(&x8);
        let x32 = x16.square_n(16).mul(&x16);
        let x64 = x32.square_n(32).mul(&x32);
        let x128 = x64.square_n(64).mul(&x64);
        let x256 = x128.square_n(128).mul(&x128);
        let x512 = x256.square_n(256).mul(&x256);
        let x519 = x512.square_n(7).mul(&x7);
        x519.square_n(2).mul(a)
    }
}

/// Folds a product below 2¹⁰⁴² modulo p: with 2⁵²¹ ≡ 1, c = high·2⁵²¹ + low
/// is `high + low` (mod p), below 2⁵²², and the bit above 521 folds once more.
#[inline(always)]
const fn reduce(c: &[u32; 2 * L]) -> Fe {
    let mut r = [0u32; L];
    let mut carry = 0u64;
    let mut i = 0;
    while i < L {
        // Bits 521 + 32i … of c: limb 16 + i from bit 9 on, and the next.
        let high = (c[16 + i] >> 9) | (c[17 + i] << 23);
        let low = if i == L - 1 { c[i] & 0x1ff } else { c[i] };
        let v = (low as u64) + (high as u64) + carry;
        r[i] = v as u32;
        carry = v >> 32;
        i += 1;
    }
    // r < 2⁵²² here (carry is zero): fold bit 521 back in.
    let top = r[L - 1] >> 9;
    r[L - 1] &= 0x1ff;
    let mut carry = top as u64;
    let mut i = 0;
    while i < L && carry != 0 {
        let v = (r[i] as u64) + carry;
        r[i] = v as u32;
        carry = v >> 32;
        i += 1;
    }
    // Now r ≤ p: p itself is 0.
    let (reduced, borrow) = sub_words(&r, &P);
    Fe(if borrow == 0 { reduced } else { r })
}
