//! Variable-time ECDSA P-256 verification, on public data only (see
//! [`super::curve_verify`]).

use super::p256_field::Fe;
use super::p256_point::{Affine, lincomb, odd_multiples, quarter_tables, x_matches};

/// The group order n, little-endian limbs.
pub(super) const N: [u32; 8] = [
    0xfc63_2551,
    0xf3b9_cac2,
    0xa717_9e84,
    0xbce6_faad,
    0xffff_ffff,
    0xffff_ffff,
    0,
    0xffff_ffff,
];

/// The generator (SEC 2 / FIPS 186-4 D.1.2.3), little-endian limbs.
pub(super) const G: Affine = Affine {
    x: fe([
        0xd898_c296,
        0xf4a1_3945,
        0x2deb_33a0,
        0x7703_7d81,
        0x63a4_40f2,
        0xf8bc_e6e5,
        0xe12c_4247,
        0x6b17_d1f2,
    ]),
    y: fe([
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

super::curve_verify::curve_verify!(p256, sha2::Sha256, 8, 32, 64);
