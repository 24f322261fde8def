//! Width-w non-adjacent form of a scalar: digits in
//! `{0, ±1, ±3, …, ±(2^(w−1) − 1)}`, any two non-zero digits at least w
//! positions apart, so a scalar multiplication costs one table addition per
//! w + 1 bits instead of one per bit. Variable time; public scalars only.

/// The width-`w` NAF of the little-endian `k` (`L` limbs), least significant
/// digit first (`2 ≤ w ≤ 8`), in `D = 32·L + 1` digits.
pub(super) fn recode<const L: usize, const D: usize>(k: &[u32; L], w: u32) -> [i8; D] {
    let mut digits = [0i8; D];
    // `top` is limb L: adding back a negative digit can carry past the top.
    let mut n = *k;
    let mut top = 0u32;
    let window = 1u32 << w;
    let half = window >> 1;
    let mut pos = 0;
    while pos < D && (top != 0 || n.iter().any(|&l| l != 0)) {
        let low_limb = n.first().copied().unwrap_or(0);
        if low_limb & 1 == 0 {
            // Skip the whole run of zero bits in the lowest limb at once.
            let zeros = if low_limb == 0 {
                32
            } else {
                low_limb.trailing_zeros()
            };
            shift_right(&mut n, &mut top, zeros);
            pos += zeros as usize;
            continue;
        }
        let low = low_limb & (window - 1);
        let digit = if low >= half {
            // Negative digit: n − (low − 2^w) = n + (2^w − low).
            add_small(&mut n, &mut top, window - low);
            low as i32 - window as i32
        } else {
            if let Some(first) = n.first_mut() {
                *first -= low;
            }
            low as i32
        };
        if let Some(d) = digits.get_mut(pos) {
            // |digit| < 2^(w−1) ≤ 128.
            *d = digit as i8;
        }
        shift_right(&mut n, &mut top, w);
        pos += w as usize;
    }
    digits
}

/// (n, top) >>= s for 1 ≤ s ≤ 32.
fn shift_right<const L: usize>(n: &mut [u32; L], top: &mut u32, s: u32) {
    for i in 0..L {
        let next = if i + 1 < L { n[i + 1] } else { *top };
        // s = 32 moves whole limbs (`u32 >> 32` would overflow).
        n[i] = if s == 32 {
            next
        } else {
            (n[i] >> s) | (next << (32 - s))
        };
    }
    *top = if s == 32 { 0 } else { *top >> s };
}

/// (n, top) += v.
fn add_small<const L: usize>(n: &mut [u32; L], top: &mut u32, v: u32) {
    let mut carry = u64::from(v);
    for limb in n.iter_mut().chain(core::iter::once(top)) {
        if carry == 0 {
            break;
        }
        let s = u64::from(*limb) + carry;
        *limb = s as u32;
        carry = s >> 32;
    }
}
