//! Variable-time ECDSA P-384 verification, on public data only (see
//! [`super::curve_verify`]).

use super::p384_field::Fe;
use super::p384_point::{Affine, lincomb, odd_multiples, quarter_tables, x_matches};

/// The group order n, little-endian limbs.
pub(super) const N: [u32; 12] = [
    0xccc5_2973,
    0xecec_196a,
    0x48b0_a77a,
    0x581a_0db2,
    0xf437_2ddf,
    0xc763_4d81,
    0xffff_ffff,
    0xffff_ffff,
    0xffff_ffff,
    0xffff_ffff,
    0xffff_ffff,
    0xffff_ffff,
];

/// The generator (FIPS 186-4 D.1.2.4).
pub(super) const G: Affine = Affine {
    x: fe([
        0x7276_0ab7,
        0x3a54_5e38,
        0xbf55_296c,
        0x5502_f25d,
        0x8254_2a38,
        0x59f7_41e0,
        0x8ba7_9b98,
        0x6e1d_3b62,
        0xf320_ad74,
        0x8eb1_c71e,
        0xbe8b_0537,
        0xaa87_ca22,
    ]),
    y: fe([
        0x90ea_0e5f,
        0x7a43_1d7c,
        0x1d7e_819d,
        0x0a60_b1ce,
        0xb5f0_b8c0,
        0xe9da_3113,
        0x289a_147c,
        0xf8f4_1dbd,
        0x9292_dc29,
        0x5d9e_98bf,
        0x9626_2c6f,
        0x3617_de4a,
    ]),
};

super::curve_verify::curve_verify!(p384, sha2::Sha384, 12, 48, 96);
