//! Variable-time ECDSA P-521 verification, on public data only (see
//! [`super::curve_verify`]).

use super::p521_field::Fe;
use super::p521_point::{Affine, lincomb, odd_multiples, quarter_tables, x_matches};

/// The group order n, little-endian limbs.
pub(super) const N: [u32; 17] = [
    0x9138_6409,
    0xbb6f_b71e,
    0x899c_47ae,
    0x3bb5_c9b8,
    0xf709_a5d0,
    0x7fcc_0148,
    0xbf2f_966b,
    0x5186_8783,
    0xffff_fffa,
    0xffff_ffff,
    0xffff_ffff,
    0xffff_ffff,
    0xffff_ffff,
    0xffff_ffff,
    0xffff_ffff,
    0xffff_ffff,
    0x0000_01ff,
];

/// The generator (FIPS 186-4 D.1.2.5).
pub(super) const G: Affine = Affine {
    x: fe([
        0xc2e5_bd66,
        0xf97e_7e31,
        0x856a_429b,
        0x3348_b3c1,
        0xa2ff_a8de,
        0xfe1d_c127,
        0xefe7_5928,
        0xa14b_5e77,
        0x6b4d_3dba,
        0xf828_af60,
        0x053f_b521,
        0x9c64_8139,
        0x2395_b442,
        0x9e3e_cb66,
        0x0404_e9cd,
        0x858e_06b7,
        0x0000_00c6,
    ]),
    y: fe([
        0x9fd1_6650,
        0x88be_9476,
        0xa272_c240,
        0x353c_7086,
        0x3fad_0761,
        0xc550_b901,
        0x5ef4_2640,
        0x97ee_7299,
        0x273e_662c,
        0x17af_bd17,
        0x579b_4468,
        0x98f5_4449,
        0x2c7d_1bd9,
        0x5c8a_5fb4,
        0x9a3b_c004,
        0x3929_6a78,
        0x0000_0118,
    ]),
};

super::curve_verify::curve_verify!(p521, sha2::Sha512, 17, 66, 131);
