//! Little-endian 32-bit limb arithmetic shared by the fields and scalars of
//! the verification paths: the curve's size is the array length `N`. All
//! `const fn`, for the compile-time tables.

/// Big-endian bytes to little-endian limbs (the top limb takes what is left
/// when `B` is not a multiple of four; bytes beyond `4·N` are ignored).
pub(super) const fn words_from_be<const N: usize, const B: usize>(bytes: &[u8; B]) -> [u32; N] {
    let mut w = [0u32; N];
    let mut k = 0;
    while k < B && k / 4 < N {
        w[k / 4] |= (bytes[B - 1 - k] as u32) << (8 * (k % 4));
        k += 1;
    }
    w
}

/// Little-endian limbs to `B` big-endian bytes (the inverse of
/// [`words_from_be`] for values below 2^(8·B)).
pub(super) fn words_to_be<const N: usize, const B: usize>(w: &[u32; N]) -> [u8; B] {
    core::array::from_fn(|i| {
        let k = B - 1 - i;
        w.get(k / 4).map_or(0, |word| (word >> (8 * (k % 4))) as u8)
    })
}

/// `a ≥ b`.
pub(super) const fn geq<const N: usize>(a: &[u32; N], b: &[u32; N]) -> bool {
    let mut i = N;
    while i > 0 {
        i -= 1;
        if a[i] != b[i] {
            return a[i] > b[i];
        }
    }
    true
}

/// `a + b` and the carry out.
#[inline(always)]
pub(super) const fn add_words<const N: usize>(a: &[u32; N], b: &[u32; N]) -> ([u32; N], u32) {
    let mut r = [0u32; N];
    let mut carry = 0u64;
    let mut i = 0;
    while i < N {
        let v = (a[i] as u64) + (b[i] as u64) + carry;
        r[i] = v as u32;
        carry = v >> 32;
        i += 1;
    }
    (r, carry as u32)
}

/// `a − b` (wrapping) and the borrow out.
#[inline(always)]
pub(super) const fn sub_words<const N: usize>(a: &[u32; N], b: &[u32; N]) -> ([u32; N], u32) {
    let mut r = [0u32; N];
    let mut borrow = 0u64;
    let mut i = 0;
    while i < N {
        let v = (a[i] as u64).wrapping_sub(b[i] as u64).wrapping_sub(borrow);
        r[i] = v as u32;
        borrow = (v >> 63) & 1;
        i += 1;
    }
    (r, borrow as u32)
}

/// `Σ wₖ·2³²ᵏ mod p` as fully reduced limbs, for word sums `w` well inside
/// `i64` (negative ones borrow) and a prime p > 2^(32·N − 1) with
/// 2^(32·N) ≡ Σ foldₖ·2³²ᵏ (mod p), the fold's coefficients small: carries
/// past the top are folded back until none is left (each fold shrinks them
/// to a few bits), then p is subtracted once if that does not borrow.
#[inline(always)]
pub(super) const fn settle<const N: usize>(
    w: &[i64; N],
    fold: &[i64; N],
    p: &[u32; N],
) -> [u32; N] {
    let mut r = [0u32; N];
    let mut carry = 0i64;
    let mut k = 0;
    while k < N {
        let v = w[k] + carry;
        r[k] = v as u32;
        // Arithmetic shift: floor division, so negative sums borrow.
        carry = v >> 32;
        k += 1;
    }
    while carry != 0 {
        let f = carry;
        carry = 0;
        let mut k = 0;
        while k < N {
            let v = (r[k] as i64) + fold[k] * f + carry;
            r[k] = v as u32;
            carry = v >> 32;
            k += 1;
        }
    }
    // Now r < 2^(32·N) < 2p.
    let (reduced, borrow) = sub_words(&r, p);
    if borrow == 0 { reduced } else { r }
}

/// `a + b mod m` for `a, b < m`.
#[inline(always)]
pub(super) const fn add_mod<const N: usize>(a: &[u32; N], b: &[u32; N], m: &[u32; N]) -> [u32; N] {
    let (sum, carry) = add_words(a, b);
    // a + b < 2m: subtract m once when the sum reaches it, that is when it
    // carried out (the wrapped subtraction's borrow cancels the carry) or
    // when subtracting m does not borrow.
    let (reduced, borrow) = sub_words(&sum, m);
    if carry != 0 || borrow == 0 {
        reduced
    } else {
        sum
    }
}

/// `a − b mod m` for `a, b < m`.
#[inline(always)]
pub(super) const fn sub_mod<const N: usize>(a: &[u32; N], b: &[u32; N], m: &[u32; N]) -> [u32; N] {
    let (diff, borrow) = sub_words(a, b);
    if borrow != 0 {
        add_words(&diff, m).0
    } else {
        diff
    }
}

/// Bits `start‥start + len` of `k` as a number of the same width (for
/// splitting a scalar into parts).
pub(super) fn bit_range<const N: usize>(k: &[u32; N], start: usize, len: usize) -> [u32; N] {
    let (first, shift) = (start / 32, start % 32);
    let limb = |i: usize| k.get(i).copied().unwrap_or(0);
    core::array::from_fn(|i| {
        let word = if shift == 0 {
            limb(first + i)
        } else {
            (limb(first + i) >> shift) | (limb(first + i + 1) << (32 - shift))
        };
        match len.saturating_sub(32 * i) {
            0 => 0,
            kept @ 1..32 => word & ((1 << kept) - 1),
            _ => word,
        }
    })
}
