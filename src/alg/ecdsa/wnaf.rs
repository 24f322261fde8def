//! Width-w non-adjacent form of a 256-bit scalar: digits in
//! `{0, ±1, ±3, …, ±(2^(w−1) − 1)}`, any two non-zero digits at least w
//! positions apart, so a scalar multiplication costs one table addition per
//! w + 1 bits instead of one per bit. Variable time; public scalars only.

/// At most 257 digits: recoding can carry one bit past the top.
pub(super) const DIGITS: usize = 257;

/// The width-`w` NAF of the little-endian 256-bit `k`, least significant
/// digit first (`2 ≤ w ≤ 8`).
pub(super) fn recode(k: &[u32; 8], w: u32) -> [i8; DIGITS] {
    let mut digits = [0i8; DIGITS];
    // Nine limbs: adding back a negative digit can carry into bit 256.
    let mut n = [0u32; 9];
    n[..8].copy_from_slice(k);
    let window = 1u32 << w;
    let half = window >> 1;
    let mut pos = 0;
    while pos < DIGITS && n.iter().any(|&l| l != 0) {
        if n[0] & 1 == 0 {
            // Skip the whole run of zero bits in the lowest limb at once.
            let zeros = if n[0] == 0 { 32 } else { n[0].trailing_zeros() };
            shift_right(&mut n, zeros);
            pos += zeros as usize;
            continue;
        }
        let low = n[0] & (window - 1);
        let digit = if low >= half {
            // Negative digit: n − (low − 2^w) = n + (2^w − low).
            add_small(&mut n, window - low);
            low as i32 - window as i32
        } else {
            n[0] -= low;
            low as i32
        };
        if let Some(d) = digits.get_mut(pos) {
            // |digit| < 2^(w−1) ≤ 128.
            *d = digit as i8;
        }
        // n is now divisible by 2^w.
        shift_right(&mut n, w);
        pos += w as usize;
    }
    digits
}

/// `n >>= s` for `0 < s ≤ 32`.
fn shift_right(n: &mut [u32; 9], s: u32) {
    if s == 32 {
        n.copy_within(1.., 0);
        n[8] = 0;
        return;
    }
    for i in 0..8 {
        n[i] = (n[i] >> s) | (n[i + 1] << (32 - s));
    }
    n[8] >>= s;
}

/// `n += v`.
fn add_small(n: &mut [u32; 9], v: u32) {
    let mut carry = u64::from(v);
    for limb in n.iter_mut() {
        if carry == 0 {
            break;
        }
        let s = u64::from(*limb) + carry;
        *limb = s as u32;
        carry = s >> 32;
    }
}
