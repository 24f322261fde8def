//! Arithmetic modulo the P-521 prime p = 2⁵²¹ − 1, for the variable-time
//! verification path only: every value it ever sees is public (key,
//! message, signature), so branches on data are allowed here.
//!
//! Elements are seventeen little-endian 32-bit limbs (the top one holds 9
//! bits), always fully reduced. Products use wasm's native 32×32→64
//! multiply (RustCrypto's `p521` has 64-bit limbs on wasm, whose 128-bit
//! products are library calls there), and p being a Mersenne prime, the
//! 1,042-bit product folds back as `low + high` (2⁵²¹ ≡ 1). Everything is
//! `const fn`, so the generator table is computed by the compiler.

use super::limbs::{add_mod, geq, sub_mod, sub_words, words_from_be};

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
    pub(super) const ZERO: Self = Self([0; L]);
    pub(super) const ONE: Self = Self([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);

    /// Parses 66 big-endian bytes; `None` for a value `≥ p`.
    pub(super) const fn from_be_bytes(bytes: &[u8; 66]) -> Option<Self> {
        Self::from_words(words_from_be(bytes))
    }

    /// The element with the value `words`; `None` if it is `≥ p`.
    pub(super) const fn from_words(words: [u32; L]) -> Option<Self> {
        if geq(&words, &P) {
            None
        } else {
            Some(Self(words))
        }
    }

    pub(super) const fn is_zero(&self) -> bool {
        self.eq(&Self::ZERO)
    }

    /// Limb-wise equality usable in `const` context.
    pub(super) const fn eq(&self, other: &Self) -> bool {
        let mut i = 0;
        while i < L {
            if self.0[i] != other.0[i] {
                return false;
            }
            i += 1;
        }
        true
    }

    #[inline(always)]
    pub(super) const fn add(&self, rhs: &Self) -> Self {
        Self(add_mod(&self.0, &rhs.0, &P))
    }

    #[inline(always)]
    pub(super) const fn sub(&self, rhs: &Self) -> Self {
        Self(sub_mod(&self.0, &rhs.0, &P))
    }

    pub(super) const fn neg(&self) -> Self {
        Self::ZERO.sub(self)
    }

    pub(super) const fn double(&self) -> Self {
        self.add(self)
    }

    /// Unrolled, so that the limbs stay in wasm locals (see `unroll!`).
    pub(super) const fn mul(&self, rhs: &Self) -> Self {
        let (a, b) = (&self.0, &rhs.0);
        let mut t = [0u32; 2 * L];
        unroll!(i in [0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16] {
            let ai = a[i] as u64;
            let mut carry = 0u64;
            unroll!(j in [0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16] {
                // (2³² − 1)² + 2·(2³² − 1) = 2⁶⁴ − 1: never overflows.
                let v = ai * (b[j] as u64) + (t[i + j] as u64) + carry;
                t[i + j] = v as u32;
                carry = v >> 32;
            });
            t[i + L] = carry as u32;
        });
        reduce(&t)
    }

    /// Squaring: each cross product once, doubled, plus the diagonal.
    pub(super) const fn square(&self) -> Self {
        let a = &self.0;
        let mut t = [0u32; 2 * L];
        unroll!(i in [0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15] {
            let ai = a[i] as u64;
            let mut carry = 0u64;
            unroll!(j in [1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16] {
                if j > i {
                    let v = ai * (a[j] as u64) + (t[i + j] as u64) + carry;
                    t[i + j] = v as u32;
                    carry = v >> 32;
                }
            });
            t[i + L] = carry as u32;
        });
        // Double: a < 2⁵²¹ keeps the cross sum far below 2¹⁰⁸⁸.
        let mut k = 2 * L - 1;
        while k > 0 {
            t[k] = (t[k] << 1) | (t[k - 1] >> 31);
            k -= 1;
        }
        t[0] <<= 1;
        let mut carry = 0u64;
        unroll!(i in [0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16] {
            let sq = (a[i] as u64) * (a[i] as u64);
            let lo = (t[2 * i] as u64) + (sq & 0xffff_ffff) + carry;
            t[2 * i] = lo as u32;
            let hi = (t[2 * i + 1] as u64) + (sq >> 32) + (lo >> 32);
            t[2 * i + 1] = hi as u32;
            carry = hi >> 32;
        });
        // a² < 2¹⁰⁴²: the last carry is always zero.
        let _ = carry;
        reduce(&t)
    }

    /// `self^(2^n)`.
    pub(super) const fn square_n(&self, n: u32) -> Self {
        let mut r = *self;
        let mut i = 0;
        while i < n {
            r = r.square();
            i += 1;
        }
        r
    }

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
