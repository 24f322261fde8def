//! Montgomery arithmetic modulo a public RSA modulus, for signature
//! verification only.
//!
//! Everything here is variable-time on purpose: it only ever sees the public
//! key and the signature, both public (the project's one exception to
//! "RustCrypto for everything"). Signing never comes here.
//!
//! Numbers are little-endian vectors of 28-bit limbs stored in `u64`s. Why 28
//! bits: WebAssembly's only multiply is 64×64→64, so the classic 32-bit-limb
//! loop spends most of its time splitting products and chasing carries. A
//! product of two 28-bit limbs fits in 56 bits, so a whole column of up to 255
//! products sums in a `u64` with no carry handling at all, and the inner loop
//! is just load, load, multiply, add. Moduli too long for that (above 7,140
//! bits, up to RustCrypto's 8,192 and beyond) use 26-bit limbs, whose
//! products leave room for 4,095 per column. The multiplication interleaves
//! the Montgomery reduction column by column (product scanning).

use alloc::vec;
use alloc::vec::Vec;

/// The limb widths and, for each, the most limbs a column can take: each
/// column accumulator gets at most one product per limb (the doubled cross
/// products of a square count as two), each product is below 2^(2·width),
/// and the sum must stay below 2^64.
const RADICES: [(u32, usize); 2] = [(28, 255), (26, 4095)];

/// An odd modulus with its Montgomery constants, R = 2^(w·k).
#[derive(Clone)]
pub(super) struct Modulus {
    /// n, `k` limbs.
    n: Vec<u64>,
    /// Bits per limb, w.
    w: u32,
    /// The low `w` bits.
    mask: u64,
    /// −n⁻¹ mod 2^w.
    n0_inv: u32,
    /// R² mod n, to move a number into Montgomery form with one multiply.
    r2: Vec<u64>,
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
            w,
            mask: (1 << w) - 1,
            n0_inv: 0,
            r2: Vec::new(),
        };
        m.n = vec![0; k];
        m.n = m.limbs_of(n_be)?;
        let low = *m.n.first()?;
        if low & 1 == 0 {
            return None;
        }
        // Newton's iteration doubles the correct low bits each step; an odd
        // number is its own inverse mod 8, so four steps give 48 ≥ 32 bits.
        let low = low as u32;
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
    fn compute_r2(&self, bits: usize) -> Option<Vec<u64>> {
        let k = self.limbs();
        let w = self.w as usize;
        let r_bits = w * k;
        let s = r_bits.trailing_zeros();
        let c = r_bits >> s;
        let mut x = vec![0u64; k];
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
    fn double(&self, x: &mut [u64]) {
        let mut carry = 0;
        for limb in x.iter_mut() {
            let v = (*limb << 1) | carry;
            *limb = v & self.mask;
            carry = v >> self.w;
        }
        if carry != 0 || !less_than(x, &self.n) {
            self.sub_n(x);
        }
    }

    /// `out` ← a·b·R⁻¹ mod n, for a, b < n.
    ///
    /// Each column is a [`dot`] of two slices: iterating them, rather than
    /// indexing `b[i − j]`, leaves the inner loop without bounds checks
    /// (RS256 verify 1.34× faster in wasm). At `opt-level = "z"` the
    /// iterators may stay calls; release builds compile this crate at 3.
    fn mul(&self, a: &[u64], b: &[u64], out: &mut [u64], scratch: &mut Scratch) {
        let n = &self.n[..];
        let k = n.len();
        let m = &mut scratch.m[..];
        if !same_len(k, [a, b, out, m]) {
            return;
        }
        let mut carry = 0u64;
        // Low columns: pick the multiple m[i] of n that clears column i.
        let mut i = 0;
        while i < k {
            let ab = dot(span(a, 0, i + 1), span(b, 0, i + 1));
            let mn = dot(span(m, 0, i), span(n, 1, i + 1));
            (m[i], carry) = self.low_column(n[0], ab, mn, carry);
            i += 1;
        }
        // High columns are the result.
        while i < 2 * k - 1 {
            let lo = i + 1 - k;
            let ab = dot(span(a, lo, k), span(b, lo, k));
            let mn = dot(span(m, lo, k), span(n, lo, k));
            (out[i - k], carry) = self.high_column(ab, mn, carry);
            i += 1;
        }
        self.finish(out, carry);
    }

    /// `out` ← a²·R⁻¹ mod n, for a < n: each cross product once, doubled.
    fn sqr(&self, a: &[u64], out: &mut [u64], scratch: &mut Scratch) {
        let n = &self.n[..];
        let k = n.len();
        let m = &mut scratch.m[..];
        if !same_len(k, [a, out, m, n]) {
            return;
        }
        let mut carry = 0u64;
        let mut i = 0;
        while i < k {
            let (ab, mn) = square_column(a, m, n, 0, i, i);
            (m[i], carry) = self.low_column(n[0], ab, mn, carry);
            i += 1;
        }
        while i < 2 * k - 1 {
            let (ab, mn) = square_column(a, m, n, i + 1 - k, i, k);
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
    fn low_column(&self, n0: u64, ab: u64, mn: u64, carry: u64) -> (u64, u64) {
        let (w, mask) = (self.w, self.mask);
        let low = (ab & mask) + (mn & mask) + (carry & mask);
        let mi = u64::from((low as u32).wrapping_mul(self.n0_inv)) & mask;
        // low + mi·n[0] ≡ 0 mod 2^w by the choice of mi.
        let low = low + mi * n0;
        let carry = (ab >> w) + (mn >> w) + (carry >> w) + (low >> w);
        (mi, carry)
    }

    /// Ends high column i: the result limb and the carry into the next column.
    #[inline(always)]
    fn high_column(&self, ab: u64, mn: u64, carry: u64) -> (u64, u64) {
        let (w, mask) = (self.w, self.mask);
        let low = (ab & mask) + (mn & mask) + (carry & mask);
        let carry = (ab >> w) + (mn >> w) + (carry >> w) + (low >> w);
        (low & mask, carry)
    }

    /// Stores the last column and brings the result (below 2n) under n.
    fn finish(&self, out: &mut [u64], carry: u64) {
        let k = self.n.len();
        out[k - 1] = carry;
        if !less_than(out, &self.n) {
            self.sub_n(out);
        }
    }

    /// base^e mod n for base < n and a big-endian exponent, by left-to-right
    /// square-and-multiply (e is public, so its bits may steer branches).
    pub(super) fn pow(&self, base: &[u64], e_be: &[u8]) -> Vec<u64> {
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
    fn sub_n(&self, a: &mut [u64]) {
        let mut borrow = 0u64;
        let mut i = 0;
        while i < a.len() && i < self.n.len() {
            let v = a[i].wrapping_sub(self.n[i]).wrapping_sub(borrow);
            a[i] = v & self.mask;
            borrow = v >> 63;
            i += 1;
        }
    }

    /// A big-endian byte string as `k` limbs, or `None` if it does not fit.
    pub(super) fn limbs_of(&self, be: &[u8]) -> Option<Vec<u64>> {
        let k = self.limbs();
        if bit_length(be) > k * self.w as usize {
            return None;
        }
        let mut out = vec![0u64; k];
        let (mut acc, mut acc_bits, mut i) = (0u64, 0u32, 0usize);
        for byte in be.iter().rev() {
            acc |= u64::from(*byte) << acc_bits;
            acc_bits += 8;
            if acc_bits >= self.w {
                if let Some(limb) = out.get_mut(i) {
                    *limb = acc & self.mask;
                }
                acc >>= self.w;
                acc_bits -= self.w;
                i += 1;
            }
        }
        if let Some(limb) = out.get_mut(i) {
            *limb = acc;
        }
        Some(out)
    }

    /// `len` big-endian bytes of normalised limbs (the high bits beyond `len`
    /// bytes must be zero, which holds for any value below a `len`-byte n).
    pub(super) fn bytes_of(&self, limbs: &[u64], len: usize) -> Vec<u8> {
        let mut out = vec![0u8; len];
        let (mut acc, mut acc_bits) = (0u64, 0u32);
        let mut limbs = limbs.iter();
        for byte in out.iter_mut().rev() {
            if acc_bits < 8 {
                acc |= limbs.next().copied().unwrap_or(0) << acc_bits;
                acc_bits += self.w;
            }
            *byte = acc as u8;
            acc >>= 8;
            acc_bits -= 8;
        }
        out
    }

    /// Whether `x` (normalised limbs) is below n.
    pub(super) fn is_below(&self, x: &[u64]) -> bool {
        less_than(x, &self.n)
    }
}

/// Per-multiplication working space (the multiples of n).
struct Scratch {
    m: Vec<u64>,
}

impl Scratch {
    fn new(k: usize) -> Self {
        Self { m: vec![0; k] }
    }
}

/// Whether every slice has `k > 0` limbs. It always holds (every number
/// here has as many limbs as n); checking it once up front lets the compiler
/// drop the bounds checks on the per-column limbs.
#[inline(always)]
fn same_len(k: usize, slices: [&[u64]; 4]) -> bool {
    k > 0
        && slices[0].len() == k
        && slices[1].len() == k
        && slices[2].len() == k
        && slices[3].len() == k
}

/// Column i of a² and of m·n, for j from `lo` (below `end` for m·n): the
/// cross products `a[j]·a[i−j]` (j < i − j) once, doubled, plus `a[i/2]²` when i
/// is even.
#[inline(always)]
fn square_column(a: &[u64], m: &[u64], n: &[u64], lo: usize, i: usize, end: usize) -> (u64, u64) {
    // Cross products pair j < i − j, so j runs below ⌈i/2⌉.
    let half = ((i + 1) >> 1).max(lo);
    let mut ab = dot(span(a, lo, half), span(a, i + 1 - half, i + 1 - lo)) << 1;
    if i & 1 == 0 {
        ab += a[i >> 1] * a[i >> 1];
    }
    let mn = dot(span(m, lo, end), span(n, i + 1 - end, i + 1 - lo));
    (ab, mn)
}

/// `x[from..to]`, empty when the range is (every caller's range is in
/// bounds; this only spares the loops their per-element checks).
#[inline(always)]
fn span(x: &[u64], from: usize, to: usize) -> &[u64] {
    x.get(from..to).unwrap_or_default()
}

/// Σ `x[j]·y[len−1−j]`: one column of a product, `y` read backwards. Two
/// running sums, so that consecutive products do not wait on each other.
#[inline(always)]
fn dot(x: &[u64], y: &[u64]) -> u64 {
    let (mut even, mut odd) = (0u64, 0u64);
    let xs = x.chunks_exact(2);
    let ys = y.rchunks_exact(2);
    let (x_last, y_first) = (xs.remainder(), ys.remainder());
    for pair in xs.zip(ys) {
        if let ([x0, x1], [y1, y0]) = pair {
            even += x0 * y0;
            odd += x1 * y1;
        }
    }
    if let ([x], [y]) = (x_last, y_first) {
        even += x * y;
    }
    even + odd
}

/// Whether a < b, both `k` limbs (the top limb of `a` may exceed w bits).
fn less_than(a: &[u64], b: &[u64]) -> bool {
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
