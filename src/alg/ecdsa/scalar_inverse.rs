//! Variable-time inversion modulo a curve's group order n (binary extended
//! Euclid), for s⁻¹ in verification only: s is public. RustCrypto's
//! `invert_vartime` was a tenth of a P-256 verification in wasm (and its
//! 64-bit limbs make the other curves' slower still); this one is a few limb
//! shifts and subtractions per bit. `curve_verify` checks its result with
//! one multiplication by the curve crate (s·s⁻¹ = 1) before using it.

use super::limbs::{add_words, geq, sub_mod, sub_words};

/// `a⁻¹ mod n` for `0 < a < n` and an odd prime `n`; `None` for zero or
/// `a ≥ n`, or if the loop bound were ever reached.
pub(super) fn invert<const L: usize>(a: &[u32; L], n: &[u32; L]) -> Option<[u32; L]> {
    if is_zero(a) || geq(a, n) {
        return None;
    }
    // Invariants: x1·a ≡ u and x2·a ≡ v (mod n); gcd(u, v) = 1.
    let mut u = *a;
    let mut v = *n;
    let mut x1 = [0u32; L];
    *x1.first_mut()? = 1;
    let mut x2 = [0u32; L];
    // Each round removes at least one bit from u or v: 2·32·L rounds at most.
    for _ in 0..128 * L {
        // Never zero while gcd(u, v) = 1 (n is prime); checked, since an
        // even zero would not leave the loops below.
        if is_zero(&u) || is_zero(&v) {
            return None;
        }
        if is_one(&u) {
            return Some(x1);
        }
        if is_one(&v) {
            return Some(x2);
        }
        while u.first()? & 1 == 0 {
            shift_right_1(&mut u, 0);
            halve_mod_n(&mut x1, n);
        }
        while v.first()? & 1 == 0 {
            shift_right_1(&mut v, 0);
            halve_mod_n(&mut x2, n);
        }
        if geq(&u, &v) {
            u = sub_words(&u, &v).0;
            x1 = sub_mod(&x1, &x2, n);
        } else {
            v = sub_words(&v, &u).0;
            x2 = sub_mod(&x2, &x1, n);
        }
    }
    None
}

fn is_zero<const L: usize>(x: &[u32; L]) -> bool {
    x.iter().all(|&w| w == 0)
}

fn is_one<const L: usize>(x: &[u32; L]) -> bool {
    x.iter().enumerate().all(|(i, &w)| w == u32::from(i == 0))
}

/// `x >>= 1`, shifting `top` in as the new top bit.
fn shift_right_1<const L: usize>(x: &mut [u32; L], top: u32) {
    let mut carry = top;
    for w in x.iter_mut().rev() {
        let out = *w & 1;
        *w = (*w >> 1) | (carry << 31);
        carry = out;
    }
}

/// `x·2⁻¹ mod n` for `x < n`: x/2 when even, (x + n)/2 when odd (n is odd).
fn halve_mod_n<const L: usize>(x: &mut [u32; L], n: &[u32; L]) {
    if x.first().is_some_and(|w| w & 1 == 0) {
        shift_right_1(x, 0);
    } else {
        let (sum, carry) = add_words(x, n);
        *x = sum;
        shift_right_1(x, carry);
    }
}
