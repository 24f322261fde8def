//! GF(p) arithmetic against crypto-bigint's modular operations.

use alloc::vec;
use alloc::vec::Vec;

use p256::elliptic_curve::bigint::{NonZero, U256};

use super::super::p256_field::Fe;

const P_HEX: &str = "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff";

fn p() -> NonZero<U256> {
    NonZero::new(U256::from_be_hex(P_HEX)).unwrap()
}

fn to_bytes(a: &Fe) -> [u8; 32] {
    let mut out = [0u8; 32];
    for (i, w) in a.0.iter().enumerate() {
        out[28 - 4 * i..32 - 4 * i].copy_from_slice(&w.to_be_bytes());
    }
    out
}

fn big(a: &Fe) -> U256 {
    U256::from_be_slice(&to_bytes(a))
}

/// A small deterministic generator (xorshift64*), so failures reproduce.
pub(super) struct Rng(pub(super) u64);

impl Rng {
    pub(super) fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    pub(super) fn bytes32(&mut self) -> [u8; 32] {
        let mut out = [0u8; 32];
        for chunk in out.chunks_mut(8) {
            chunk.copy_from_slice(&self.next_u64().to_be_bytes());
        }
        out
    }
}

/// Random elements plus the edges: 0, 1, 2, p − 1, p − 2, 2²⁵⁵, values with
/// long runs of ones and zeros (they stress the carries in the reduction).
fn samples() -> Vec<Fe> {
    let mut v = Vec::new();
    let mut hex_edges = vec![
        "0000000000000000000000000000000000000000000000000000000000000000",
        "0000000000000000000000000000000000000000000000000000000000000001",
        "0000000000000000000000000000000000000000000000000000000000000002",
        "ffffffff00000001000000000000000000000000fffffffffffffffffffffffe",
        "ffffffff00000001000000000000000000000000fffffffffffffffffffffffd",
        "8000000000000000000000000000000000000000000000000000000000000000",
        "ffffffff00000000ffffffffffffffffffffffffffffffffffffffffffffffff",
        "00000000ffffffffffffffffffffffff00000000000000000000000000000000",
        "fffffffeffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
    ];
    hex_edges.dedup();
    for h in hex_edges {
        let mut b = [0u8; 32];
        for (i, byte) in b.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&h[2 * i..2 * i + 2], 16).unwrap();
        }
        v.push(Fe::from_be_bytes(&b).unwrap());
    }
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    while v.len() < 120 {
        if let Some(fe) = Fe::from_be_bytes(&rng.bytes32()) {
            v.push(fe);
        }
    }
    v
}

#[test]
fn parsing_rejects_p_and_above() {
    let p_bytes = U256::from_be_hex(P_HEX).to_be_bytes();
    let mut b = [0u8; 32];
    b.copy_from_slice(&p_bytes);
    assert!(Fe::from_be_bytes(&b).is_none());
    assert!(Fe::from_be_bytes(&[0xff; 32]).is_none());
    b[31] -= 1;
    assert!(Fe::from_be_bytes(&b).is_some());
}

#[test]
fn field_operations_match_crypto_bigint() {
    let p = p();
    let xs = samples();
    let mut checked = 0;
    for a in &xs {
        assert_eq!(big(&a.square()), big(a).mul_mod(&big(a), &p));
        assert_eq!(big(&a.neg()), U256::ZERO.sub_mod(&big(a), &p));
        for b in &xs {
            let (ba, bb) = (big(a), big(b));
            assert_eq!(big(&a.mul(b)), ba.mul_mod(&bb, &p));
            assert_eq!(big(&a.add(b)), ba.add_mod(&bb, &p));
            assert_eq!(big(&a.sub(b)), ba.sub_mod(&bb, &p));
            checked += 1;
        }
    }
    std::println!("p256 field: {checked} pairs checked for mul/add/sub");
}

#[test]
fn inversion_is_the_multiplicative_inverse() {
    let xs = samples();
    let mut inverted = 0;
    for a in xs.iter().filter(|a| !a.is_zero()) {
        assert_eq!(a.invert().mul(a), Fe::ONE, "{a:?}");
        inverted += 1;
    }
    assert_eq!(Fe::ZERO.invert(), Fe::ZERO);
    std::println!("p256 field: {inverted} inverses checked");
}
