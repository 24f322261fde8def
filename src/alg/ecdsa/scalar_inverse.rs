//! Variable-time inversion modulo the P-256 group order n (binary extended
//! Euclid), for s⁻¹ in verification only: s is public. RustCrypto's
//! `invert_vartime` was a tenth of a verification in wasm; this one is a few
//! 8-limb shifts and subtractions per bit. `p256_verify` checks its result
//! with one `p256` multiplication (s·s⁻¹ = 1) before using it.

use super::limbs::{add_words, geq, sub_words};
use super::p256_verify::N;

/// `a⁻¹ mod n` for `0 < a < n`; `None` for zero (n is prime, so every other
/// value has an inverse) or if the loop bound were ever reached.
pub(super) fn invert(a: &[u32; 8]) -> Option<[u32; 8]> {
    if a.iter().all(|&w| w == 0) || geq(a, &N) {
        return None;
    }
    // Invariants: x1·a ≡ u and x2·a ≡ v (mod n); gcd(u, v) = 1.
    let mut u = *a;
    let mut v = N;
    let mut x1 = [1, 0, 0, 0, 0, 0, 0, 0];
    let mut x2 = [0u32; 8];
    // Each round removes at least one bit from u or v: 2·256 rounds at most.
    for _ in 0..1024 {
        if is_one(&u) {
            return Some(x1);
        }
        if is_one(&v) {
            return Some(x2);
        }
        while u[0] & 1 == 0 {
            shift_right_1(&mut u, 0);
            halve_mod_n(&mut x1);
        }
        while v[0] & 1 == 0 {
            shift_right_1(&mut v, 0);
            halve_mod_n(&mut x2);
        }
        if geq(&u, &v) {
            u = sub_words(&u, &v).0;
            x1 = sub_mod_n(&x1, &x2);
        } else {
            v = sub_words(&v, &u).0;
            x2 = sub_mod_n(&x2, &x1);
        }
    }
    None
}

fn is_one(x: &[u32; 8]) -> bool {
    x[0] == 1 && x[1..].iter().all(|&w| w == 0)
}

/// `x >>= 1`, shifting `top` in as the new bit 255.
fn shift_right_1(x: &mut [u32; 8], top: u32) {
    for i in 0..7 {
        x[i] = (x[i] >> 1) | (x[i + 1] << 31);
    }
    x[7] = (x[7] >> 1) | (top << 31);
}

/// `x·2⁻¹ mod n` for `x < n`: x/2 when even, (x + n)/2 when odd (n is odd).
fn halve_mod_n(x: &mut [u32; 8]) {
    if x[0] & 1 == 0 {
        shift_right_1(x, 0);
    } else {
        let (sum, carry) = add_words(x, &N);
        *x = sum;
        shift_right_1(x, carry);
    }
}

/// `a − b mod n` for `a, b < n`.
fn sub_mod_n(a: &[u32; 8], b: &[u32; 8]) -> [u32; 8] {
    let (diff, borrow) = sub_words(a, b);
    if borrow != 0 {
        add_words(&diff, &N).0
    } else {
        diff
    }
}
