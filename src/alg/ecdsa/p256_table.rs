//! The precomputed tables of the P-256 generator for the verification path:
//! for each Gⱼ = 2⁶⁴ʲ·G (j = 0‥3), the odd multiples Gⱼ, 3Gⱼ, …, 31Gⱼ in
//! affine form (window width 6). With them u₁·G = Σ u₁,ⱼ·Gⱼ over the four
//! 64-bit quarters of u₁, which needs only 64 doublings, shared with the
//! public key's quarters (see `p256_verify`).
//!
//! The compiler computes the tables from G with the same `const fn`
//! arithmetic the tests check against RustCrypto, so no table literal can go
//! stale and nothing is computed at run time.

use super::p256_field::Fe;
use super::p256_point::{Affine, Jacobian, normalize, odd_multiples_jacobian};

/// The wNAF window width used for the generator's terms.
pub(super) const G_WINDOW: u32 = 6;

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

/// `G_TABLES[j][i] = (2i + 1)·2⁶⁴ʲ·G`.
pub(super) const G_TABLES: [[Affine; G_ENTRIES]; 4] = match quarter_tables::<G_ENTRIES>(&G) {
    Some(tables) => tables,
    // A compile-time error, never a run-time panic.
    None => panic!("a P-256 generator table has a point at infinity"),
};

/// The odd-multiple tables of p, 2⁶⁴·p, 2¹²⁸·p and 2¹⁹²·p. `None` if one of
/// them meets the point at infinity (impossible for a point of order n).
/// Five field inversions in all: one for the four bases and their doubles,
/// one per table (this runs on every P-256 key import).
pub(super) const fn quarter_tables<const N: usize>(p: &Affine) -> Option<[[Affine; N]; 4]> {
    let mut bases = [Jacobian::INFINITY; 8];
    let mut base = Jacobian::from_affine(p);
    let mut j = 0;
    while j < 4 {
        bases[2 * j] = base;
        bases[2 * j + 1] = base.double();
        if j < 3 {
            let mut i = 0;
            while i < 64 {
                base = base.double();
                i += 1;
            }
        }
        j += 1;
    }
    let bases = match normalize(&bases) {
        Some(b) => b,
        None => return None,
    };
    let zero = Affine {
        x: Fe::ZERO,
        y: Fe::ZERO,
    };
    let mut tables = [[zero; N]; 4];
    let mut j = 0;
    while j < 4 {
        let jac = match odd_multiples_jacobian::<N>(&bases[2 * j], &bases[2 * j + 1]) {
            Some(jac) => jac,
            None => return None,
        };
        tables[j] = match normalize(&jac) {
            Some(t) => t,
            None => return None,
        };
        j += 1;
    }
    Some(tables)
}
