//! Montgomery arithmetic modulo a public RSA modulus, for signature
//! verification only.
//!
//! Everything here is variable-time on purpose: it only ever sees the public
//! key and the signature, both public (like the ECDSA and Ed25519
//! verification paths, an exception to "RustCrypto for everything" that
//! issue 7 asks for). Signing never comes here.
//!
//! Numbers are little-endian vectors of 28-bit limbs stored in `u32`s. Why 28
//! bits: WebAssembly's scalar multiply is 64×64→64, so the classic 32-bit-limb
//! loop spends most of its time splitting products and chasing carries. A
//! product of two 28-bit limbs fits in 56 bits, so a whole column of up to 255
//! products sums in a `u64` with no carry handling at all, and the inner loop
//! is just load, load, multiply, add. Moduli too long for that (above 7,140
//! bits, up to RustCrypto's 8,192 and beyond) use 26-bit limbs, whose
//! products leave room for 4,095 per column. The multiplication interleaves
//! the Montgomery reduction column by column (product scanning).
//!
//! Each column is a dot product of two slices read forwards: the second
//! factor of every product (b, or n) is kept reversed. The wasm build (with
//! SIMD) computes it with WebAssembly's widening multiply
//! (`i64x2.extmul_low_i32x4_u`), two products per instruction; other
//! targets with a plain loop.

use alloc::vec;
use alloc::vec::Vec;

/// One limb: at most 28 significant bits.
pub(super) type Limb = u32;

/// The limb widths and, for each, the most limbs a column can take: each
/// column accumulator gets at most one product per limb (the doubled cross
/// products of a square count as two), each product is below 2^(2·width),
/// and the sum must stay below 2^64.
const RADICES: [(u32, usize); 2] = [(28, 255), (26, 4095)];

/// An odd modulus with its Montgomery constants, R = 2^(w·k).
#[derive(Clone)]
pub(super) struct Modulus {
    /// n, `k` limbs.
    n: Vec<Limb>,
    /// n's limbs in reverse order, the second factor of the m·n columns.
    n_rev: Vec<Limb>,
    /// Bits per limb, w.
    w: u32,
    /// The low `w` bits.
    mask: u64,
    /// −n⁻¹ mod 2^w.
    n0_inv: u32,
    /// R² mod n, to move a number into Montgomery form with one multiply.
    r2: Vec<Limb>,
}

impl Modulus {
    /// The context for the big-endian modulus `n`, or `None` when `n` is even,
    /// below 3 or above 106,470 bits (RustCrypto stops at 8,192).
    pub(super) fn new(n_be: &[u8]) -> Option<Self> {
        let bits = bit_length(n_be);
        let (w, k) = RADICES
            .iter()
            .map(|&(w, max)| (w, bits.div_ceil(w as usize), max))
            .find(|&(_, k, max)| k <= max)
            .map(|(w, k, _)| (w, k))?;
        if bits < 2 {
            return None;
        }
        let mut m = Self {
            n: Vec::new(),
            n_rev: Vec::new(),
            w,
            mask: (1 << w) - 1,
            n0_inv: 0,
            r2: Vec::new(),
        };
        m.n = vec![0; k];
        m.n = m.limbs_of(n_be)?;
        m.n_rev = m.n.iter().rev().copied().collect();
        let low = *m.n.first()?;
        if low & 1 == 0 {
            return None;
        }
        // Newton's iteration doubles the correct low bits each step; an odd
        // number is its own inverse mod 8, so four steps give 48 ≥ 32 bits.
        let mut inv = low;
        for _ in 0..4 {
            inv = inv.wrapping_mul(2u32.wrapping_sub(low.wrapping_mul(inv)));
        }
        m.n0_inv = inv.wrapping_neg() & m.mask as u32;
        m.r2 = m.compute_r2(bits)?;
        Some(m)
    }

    /// Limbs per number.
    pub(super) fn limbs(&self) -> usize {
        self.n.len()
    }

    /// R² mod n. Doubling from 2^(bits−1) (which is below n) reaches
    /// R·2^c mod n cheaply; `s` Montgomery squarings then turn R·2^c into
    /// R·2^(c·2^s) = R·R when c·2^s = w·k.
    fn compute_r2(&self, bits: usize) -> Option<Vec<Limb>> {
        let k = self.limbs();
        let w = self.w as usize;
        let r_bits = w * k;
        let s = r_bits.trailing_zeros();
        let c = r_bits >> s;
        let mut x = vec![0; k];
        let top = bits - 1;
        *x.get_mut(top / w)? = 1 << (top % w);
        for _ in top..r_bits + c {
            self.double(&mut x);
        }
        let mut scratch = Scratch::new(k);
        for _ in 0..s {
            let y = x.clone();
            self.sqr(&y, &mut x, &mut scratch);
        }
        Some(x)
    }

    /// x ← 2x mod n, for x < n.
    fn double(&self, x: &mut [Limb]) {
        let mut carry = 0;
        for limb in x.iter_mut() {
            let v = (*limb << 1) | carry;
            *limb = v & self.mask as u32;
            carry = v >> self.w;
        }
        if carry != 0 || !less_than(x, &self.n) {
            self.sub_n(x);
        }
    }

    /// `out` ← a·b·R⁻¹ mod n, for a, b < n.
    ///
    /// Each column is a [`dot`] of two slices, b reversed into the scratch
    /// space first: iterating them, rather than indexing `b[i − j]`, leaves
    /// the inner loop without bounds checks, and in four-limb steps for SIMD.
    /// At `opt-level = "z"` the iterators may stay calls; release builds
    /// compile this crate at 3.
    fn mul(&self, a: &[Limb], b: &[Limb], out: &mut [Limb], scratch: &mut Scratch) {
        let (n, n_rev) = (&self.n[..], &self.n_rev[..]);
        let k = n.len();
        let Scratch { m, rev } = scratch;
        if !same_len(k, [a, b, out, m, rev]) {
            return;
        }
        for (r, x) in rev.iter_mut().zip(b.iter().rev()) {
            *r = *x;
        }
        let b_rev = &rev[..];
        let mut carry = 0u64;
        // Low columns: pick the multiple m[i] of n that clears column i.
        let mut i = 0;
        while i < k {
            let ab = column(a, b_rev, i, 0, i + 1);
            let mn = column(m, n_rev, i, 0, i);
            (m[i], carry) = self.low_column(n[0], ab, mn, carry);
            i += 1;
        }
        // High columns are the result.
        while i < 2 * k - 1 {
            let lo = i + 1 - k;
            let ab = column(a, b_rev, i, lo, k);
            let mn = column(m, n_rev, i, lo, k);
            (out[i - k], carry) = self.high_column(ab, mn, carry);
            i += 1;
        }
        self.finish(out, carry);
    }

    /// `out` ← a²·R⁻¹ mod n, for a < n: each cross product once, doubled.
    fn sqr(&self, a: &[Limb], out: &mut [Limb], scratch: &mut Scratch) {
        let (n, n_rev) = (&self.n[..], &self.n_rev[..]);
        let k = n.len();
        let Scratch { m, rev } = scratch;
        if !same_len(k, [a, out, m, n, rev]) {
            return;
        }
        for (r, x) in rev.iter_mut().zip(a.iter().rev()) {
            *r = *x;
        }
        let a_rev = &rev[..];
        let mut carry = 0u64;
        let mut i = 0;
        while i < k {
            let ab = square_column(a, a_rev, i, 0);
            let mn = column(m, n_rev, i, 0, i);
            (m[i], carry) = self.low_column(n[0], ab, mn, carry);
            i += 1;
        }
        while i < 2 * k - 1 {
            let lo = i + 1 - k;
            let ab = square_column(a, a_rev, i, lo);
            let mn = column(m, n_rev, i, lo, k);
            (out[i - k], carry) = self.high_column(ab, mn, carry);
            i += 1;
        }
        self.finish(out, carry);
    }

    /// Ends low column i, whose sums are `ab` (of a·b) and `mn` (of m·n
    /// without `m[i]`): returns `m[i]`, the multiple of n that clears the column,
    /// and the carry into the next column. The sums are split at 28 bits so
    /// that adding them cannot overflow.
    #[inline(always)]
    fn low_column(&self, n0: Limb, ab: u64, mn: u64, carry: u64) -> (Limb, u64) {
        let (w, mask) = (self.w, self.mask);
        let low = (ab & mask) + (mn & mask) + (carry & mask);
        let mi = (low as u32).wrapping_mul(self.n0_inv) & mask as u32;
        // low + mi·n[0] ≡ 0 mod 2^w by the choice of mi.
        let low = low + u64::from(mi) * u64::from(n0);
        let carry = (ab >> w) + (mn >> w) + (carry >> w) + (low >> w);
        (mi, carry)
    }

    /// Ends high column i: the result limb and the carry into the next column.
    #[inline(always)]
    fn high_column(&self, ab: u64, mn: u64, carry: u64) -> (Limb, u64) {
        let (w, mask) = (self.w, self.mask);
        let low = (ab & mask) + (mn & mask) + (carry & mask);
        let carry = (ab >> w) + (mn >> w) + (carry >> w) + (low >> w);
        ((low & mask) as Limb, carry)
    }

    /// Stores the last column and brings the result (below 2n) under n. The
    /// top limb of a value below 2n is below 2^(w+1), so it fits a limb.
    fn finish(&self, out: &mut [Limb], carry: u64) {
        let k = self.n.len();
        out[k - 1] = carry as Limb;
        if !less_than(out, &self.n) {
            self.sub_n(out);
        }
    }

    /// base^e mod n for base < n and a big-endian exponent, by left-to-right
    /// square-and-multiply (e is public, so its bits may steer branches).
    pub(super) fn pow(&self, base: &[Limb], e_be: &[u8]) -> Vec<Limb> {
        let k = self.limbs();
        let mut scratch = Scratch::new(k);
        let bits = bit_length(e_be);
        let bit = |i: usize| {
            let byte = e_be.len() - 1 - i / 8;
            e_be.get(byte).is_some_and(|b| (b >> (i % 8)) & 1 == 1)
        };
        if bits == 0 {
            let mut one = vec![0; k];
            one[0] = 1;
            return one;
        }
        // base·R: Montgomery form.
        let mut base_m = vec![0; k];
        self.mul(base, &self.r2, &mut base_m, &mut scratch);
        let mut x = base_m.clone();
        let mut t = vec![0; k];
        // Bits below the top one, but the last: stay in Montgomery form.
        for i in (1..bits - 1).rev() {
            self.sqr(&x, &mut t, &mut scratch);
            if bit(i) {
                self.mul(&t, &base_m, &mut x, &mut scratch);
            } else {
                core::mem::swap(&mut x, &mut t);
            }
        }
        if bits == 1 {
            // e = 1.
            return base.to_vec();
        }
        // The last bit: multiplying the Montgomery form by the plain base
        // (or by 1) cancels R and leaves the plain result.
        self.sqr(&x, &mut t, &mut scratch);
        if bit(0) {
            self.mul(&t, base, &mut x, &mut scratch);
        } else {
            let mut one = vec![0; k];
            one[0] = 1;
            self.mul(&t, &one, &mut x, &mut scratch);
        }
        x
    }

    /// a ← a − n, for a ≥ n; the result is normalised to w-bit limbs.
    fn sub_n(&self, a: &mut [Limb]) {
        let mut borrow = 0u32;
        for (x, y) in a.iter_mut().zip(&self.n) {
            let v = x.wrapping_sub(*y).wrapping_sub(borrow);
            *x = v & self.mask as u32;
            borrow = v >> 31;
        }
    }

    /// A big-endian byte string as `k` limbs, or `None` if it does not fit.
    pub(super) fn limbs_of(&self, be: &[u8]) -> Option<Vec<Limb>> {
        let k = self.limbs();
        if bit_length(be) > k * self.w as usize {
            return None;
        }
        let mut out = vec![0; k];
        let (mut acc, mut acc_bits, mut i) = (0u64, 0u32, 0usize);
        for byte in be.iter().rev() {
            acc |= u64::from(*byte) << acc_bits;
            acc_bits += 8;
            if acc_bits >= self.w {
                if let Some(limb) = out.get_mut(i) {
                    *limb = (acc & self.mask) as Limb;
                }
                acc >>= self.w;
                acc_bits -= self.w;
                i += 1;
            }
        }
        if let Some(limb) = out.get_mut(i) {
            *limb = acc as Limb;
        }
        Some(out)
    }

    /// `len` big-endian bytes of normalised limbs (the high bits beyond `len`
    /// bytes must be zero, which holds for any value below a `len`-byte n).
    pub(super) fn bytes_of(&self, limbs: &[Limb], len: usize) -> Vec<u8> {
        let mut out = vec![0u8; len];
        let (mut acc, mut acc_bits) = (0u64, 0u32);
        let mut limbs = limbs.iter();
        for byte in out.iter_mut().rev() {
            if acc_bits < 8 {
                acc |= u64::from(limbs.next().copied().unwrap_or(0)) << acc_bits;
                acc_bits += self.w;
            }
            *byte = acc as u8;
            acc >>= 8;
            acc_bits -= 8;
        }
        out
    }

    /// Whether `x` (normalised limbs) is below n.
    pub(super) fn is_below(&self, x: &[Limb]) -> bool {
        less_than(x, &self.n)
    }
}

/// Per-multiplication working space: the multiples of n, and the reversed
/// copy of the second factor.
struct Scratch {
    m: Vec<Limb>,
    rev: Vec<Limb>,
}

impl Scratch {
    fn new(k: usize) -> Self {
        Self {
            m: vec![0; k],
            rev: vec![0; k],
        }
    }
}

/// Whether every slice has `k > 0` limbs. It always holds (every number
/// here has as many limbs as n); checking it once up front lets the compiler
/// drop the bounds checks on the per-column limbs.
#[inline(always)]
fn same_len(k: usize, slices: [&[Limb]; 5]) -> bool {
    k > 0 && slices.iter().all(|s| s.len() == k)
}

/// Σ `x[j]·y[i−j]` for j in `lo..hi`, with `y_rev` the `k` limbs of y
/// reversed, so that `y[i−j]` is `y_rev[k−1−i+j]`. Every caller has
/// `lo ≥ i+1−k`, so the start is never negative.
#[inline(always)]
fn column(x: &[Limb], y_rev: &[Limb], i: usize, lo: usize, hi: usize) -> u64 {
    let shift = y_rev.len() - 1 + lo - i;
    dot(span(x, lo, hi), span(y_rev, shift, shift + hi - lo))
}

/// Column i of a², for j from `lo`: the cross products `a[j]·a[i−j]`
/// (j < i − j) once, doubled, plus `a[i/2]²` when i is even.
#[inline(always)]
fn square_column(a: &[Limb], a_rev: &[Limb], i: usize, lo: usize) -> u64 {
    // Cross products pair j < i − j, so j runs below ⌈i/2⌉.
    let half = ((i + 1) >> 1).max(lo);
    let mut ab = column(a, a_rev, i, lo, half) << 1;
    if i & 1 == 0 {
        let mid = u64::from(a[i >> 1]);
        ab += mid * mid;
    }
    ab
}

/// `x[from..to]`, empty when the range is (every caller's range is in
/// bounds; this only spares the loops their per-element checks).
#[inline(always)]
fn span(x: &[Limb], from: usize, to: usize) -> &[Limb] {
    x.get(from..to).unwrap_or_default()
}

/// Σ `x[j]·y[j]`, the products widened to 64 bits.
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
#[inline(always)]
fn dot(x: &[Limb], y: &[Limb]) -> u64 {
    x.iter()
        .zip(y)
        .map(|(a, b)| u64::from(*a) * u64::from(*b))
        .sum()
}

/// Σ `x[j]·y[j]`, the products widened to 64 bits: four limbs of each at a
/// time, multiplied by two widening SIMD multiplies into two 64-bit lanes.
///
/// The `zero` mixed into each operand keeps the compiler from folding the
/// load into a widening load (`v128.load32x2_u`), which would leave the
/// plain 64×64 `i64x2.mul` that engines emulate in several instructions
/// instead of `i64x2.extmul_low_i32x4_u` (RS256 verify 1.33× faster than
/// the scalar loop with it, 0.9× without).
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
#[inline(always)]
fn dot(x: &[Limb], y: &[Limb]) -> u64 {
    use core::arch::wasm32::{
        u32x4, u64x2_add, u64x2_extmul_high_u32x4, u64x2_extmul_low_u32x4, u64x2_extract_lane,
        v128_xor,
    };
    let zero = core::hint::black_box(u32x4(0, 0, 0, 0));
    let mut acc = zero;
    let xs = x.chunks_exact(4);
    let ys = y.chunks_exact(4);
    let (x_rest, y_rest) = (xs.remainder(), ys.remainder());
    for pair in xs.zip(ys) {
        if let ([a0, a1, a2, a3], [b0, b1, b2, b3]) = pair {
            let a = v128_xor(u32x4(*a0, *a1, *a2, *a3), zero);
            let b = v128_xor(u32x4(*b0, *b1, *b2, *b3), zero);
            acc = u64x2_add(acc, u64x2_extmul_low_u32x4(a, b));
            acc = u64x2_add(acc, u64x2_extmul_high_u32x4(a, b));
        }
    }
    let mut sum = u64x2_extract_lane::<0>(acc) + u64x2_extract_lane::<1>(acc);
    for (a, b) in x_rest.iter().zip(y_rest) {
        sum += u64::from(*a) * u64::from(*b);
    }
    sum
}

/// Whether a < b, both `k` limbs (the top limb of `a` may exceed w bits).
fn less_than(a: &[Limb], b: &[Limb]) -> bool {
    let mut i = a.len().min(b.len());
    while i > 0 {
        i -= 1;
        if a[i] != b[i] {
            return a[i] < b[i];
        }
    }
    false
}

/// The number of significant bits of a big-endian byte string.
pub(super) fn bit_length(be: &[u8]) -> usize {
    match be.iter().position(|b| *b != 0) {
        Some(i) => (be.len() - i) * 8 - be[i].leading_zeros() as usize,
        None => 0,
    }
}
