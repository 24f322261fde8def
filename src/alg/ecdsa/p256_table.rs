//! The precomputed tables of the P-256 generator for the verification path:
//! the odd multiples G, 3G, …, 63G and those of G' = 2¹²⁸·G, in affine form
//! (window width 7). With both, u₁·G = u₁,lo·G + u₁,hi·G' needs only 128
//! doublings, shared with the public key's half (see `p256_verify`).
//! The compiler computes it from G with the same `const fn` arithmetic the
//! tests check against RustCrypto, so no table literal can go stale and
//! nothing is computed at run time.

use super::p256_field::Fe;
use super::p256_point::{Affine, Jacobian, odd_multiples};

/// The wNAF window width used for u₁·G.
pub(super) const G_WINDOW: u32 = 7;

/// Entries in a table of odd multiples for window width `w`: 2^(w−2).
pub(super) const G_ENTRIES: usize = 1 << (G_WINDOW - 2);

/// The generator (SEC 2 / FIPS 186-4 D.1.2.3), little-endian limbs.
pub(super) const G: Affine = Affine {
    x: Fe([
        0xd898_c296,
        0xf4a1_3945,
        0x2deb_33a0,
        0x7703_7d81,
        0x63a4_40f2,
        0xf8bc_e6e5,
        0xe12c_4247,
        0x6b17_d1f2,
    ]),
    y: Fe([
        0x37bf_51f5,
        0xcbb6_4068,
        0x6b31_5ece,
        0x2bce_3357,
        0x7c0f_9e16,
        0x8ee7_eb4a,
        0xfe1a_7f9b,
        0x4fe3_42e2,
    ]),
};

/// `[G, 3G, 5G, …, 63G]`.
pub(super) const G_TABLE: [Affine; G_ENTRIES] = match odd_multiples::<G_ENTRIES>(&G) {
    Some(table) => table,
    // A compile-time error, never a run-time panic.
    None => panic!("the P-256 generator table has a point at infinity"),
};

/// 2¹²⁸·G.
const G_HI: Affine = match Jacobian::from_affine(&G).double_n(128).to_affine() {
    Some(p) => p,
    None => panic!("2^128 G is the point at infinity"),
};

/// `[G', 3G', …, 63G']` for G' = 2¹²⁸·G.
pub(super) const G_HI_TABLE: [Affine; G_ENTRIES] = match odd_multiples::<G_ENTRIES>(&G_HI) {
    Some(table) => table,
    None => panic!("the P-256 2^128 G table has a point at infinity"),
};
