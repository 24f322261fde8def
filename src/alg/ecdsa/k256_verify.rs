//! Variable-time ECDSA secp256k1 (ES256K) verification, on public data only
//! (see [`super::curve_verify`]). Plain ECDSA, as RFC 8812 §3.2 defines
//! ES256K: a high-S signature verifies like its low-S twin, where `k256`'s
//! own `verify` applies Bitcoin's low-S rule (BIP 62/146).

use super::k256_field::Fe;
use super::k256_point::{Affine, lincomb, odd_multiples, quarter_tables, x_matches};

/// The group order n, little-endian limbs.
pub(super) const N: [u32; 8] = [
    0xd036_4141,
    0xbfd2_5e8c,
    0xaf48_a03b,
    0xbaae_dce6,
    0xffff_fffe,
    0xffff_ffff,
    0xffff_ffff,
    0xffff_ffff,
];

/// The generator (SEC 2 §2.4.1).
pub(super) const G: Affine = Affine {
    x: fe([
        0x16f8_1798,
        0x59f2_815b,
        0x2dce_28d9,
        0x029b_fcdb,
        0xce87_0b07,
        0x55a0_6295,
        0xf9dc_bbac,
        0x79be_667e,
    ]),
    y: fe([
        0xfb10_d4b8,
        0x9c47_d08f,
        0xa685_5419,
        0xfd17_b448,
        0x0e11_08a8,
        0x5da4_fbfc,
        0x26a3_c465,
        0x483a_da77,
    ]),
};

super::curve_verify::curve_verify!(k256, sha2::Sha256, 8, 32, 64);
