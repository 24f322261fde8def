//! The P-256 fast path against `p256`'s own `verify` on many inputs: valid
//! signatures, bit flips, edge values of r and s, random keys, and keys
//! (Q = ±G) that make the interleaved sum hit P = Q and P = −Q.

use alloc::vec::Vec;

use p256::ecdsa::signature::{Signer, Verifier};
use p256::ecdsa::{Signature, SigningKey, VerifyingKey};
use p256::elliptic_curve::PrimeField;
use p256::elliptic_curve::ops::Reduce;
use p256::{FieldBytes, Scalar};
use sha2::{Digest, Sha256};

use super::super::limbs::{add_words, words_from_be};
use super::super::p256_field::Fe;
use super::super::p256_point::Jacobian;
use super::super::p256_point::x_matches;
use super::super::p256_verify::{N as N_WORDS, P256Public, verify, verify_uncached};
use super::field::Rng;

/// Counts of outcomes; the fast path (with cached split tables and without)
/// is asserted equal to RustCrypto on every input.
#[derive(Default)]
struct Tally {
    accepted: usize,
    rejected: usize,
}

impl Tally {
    fn check(&mut self, vk: &VerifyingKey, msg: &[u8], sig: &[u8]) {
        let cached = P256Public::from(*vk);
        let fast = verify(&cached, msg, sig);
        let uncached = verify_uncached(vk, msg, sig);
        let reference = Signature::from_slice(sig).is_ok_and(|s| vk.verify(msg, &s).is_ok());
        assert_eq!(fast, reference, "cached: msg {msg:?} sig {sig:?}");
        assert_eq!(uncached, reference, "uncached: msg {msg:?} sig {sig:?}");
        if fast {
            self.accepted += 1;
        } else {
            self.rejected += 1;
        }
    }
}

fn signing_key(rng: &mut Rng) -> SigningKey {
    loop {
        if let Ok(sk) = SigningKey::from_slice(&rng.bytes32()) {
            return sk;
        }
    }
}

fn key_from_scalar(k: Scalar) -> SigningKey {
    SigningKey::from_slice(&k.to_repr()).unwrap()
}

/// r or s replaced by each edge value: 0, 1, n − 1, n, n + 1, 2²⁵⁶ − 1.
fn edge_values() -> Vec<[u8; 32]> {
    let n_minus_1: [u8; 32] = (-Scalar::ONE).to_repr().into();
    let add = |v: [u8; 32], d: u8| {
        let mut out = v;
        let mut carry = d;
        for b in out.iter_mut().rev() {
            let (s, c) = b.overflowing_add(carry);
            *b = s;
            carry = u8::from(c);
        }
        out
    };
    let mut one = [0u8; 32];
    one[31] = 1;
    vec_of([
        [0u8; 32],
        one,
        n_minus_1,
        add(n_minus_1, 1),
        add(n_minus_1, 2),
        [0xff; 32],
    ])
}

fn vec_of<const K: usize>(items: [[u8; 32]; K]) -> Vec<[u8; 32]> {
    items.to_vec()
}

#[test]
fn random_valid_and_tampered_signatures_agree_with_p256() {
    let mut rng = Rng(0x5eed);
    let mut tally = Tally::default();
    for i in 0..150 {
        let sk = signing_key(&mut rng);
        let vk = *sk.verifying_key();
        let msg = rng.bytes32()[..(i % 32)].to_vec();
        let sig: Signature = sk.sign(&msg);
        let bytes = sig.to_bytes().to_vec();
        tally.check(&vk, &msg, &bytes);
        // High-S twin: (r, n − s) is valid ECDSA too.
        let (r, s) = sig.split_scalars();
        let high = Signature::from_scalars(r.to_repr(), (-*s).to_repr()).unwrap();
        tally.check(&vk, &msg, &high.to_bytes());
        // One flipped bit in the signature, then in the message.
        let mut flipped = bytes.clone();
        flipped[(rng.next_u64() % 64) as usize] ^= 1 << (rng.next_u64() % 8);
        tally.check(&vk, &msg, &flipped);
        let mut other = msg.clone();
        other.push(0);
        tally.check(&vk, &other, &bytes);
        // Another key.
        tally.check(signing_key(&mut rng).verifying_key(), &msg, &bytes);
        // Random bytes as a signature, and wrong lengths.
        let mut junk = rng.bytes32().to_vec();
        junk.extend_from_slice(&rng.bytes32());
        tally.check(&vk, &msg, &junk);
        tally.check(&vk, &msg, &bytes[..63]);
        let mut long = bytes.clone();
        long.push(0);
        tally.check(&vk, &msg, &long);
        // Edge values of r and of s.
        for edge in edge_values() {
            let mut with_r = edge.to_vec();
            with_r.extend_from_slice(&bytes[32..]);
            tally.check(&vk, &msg, &with_r);
            let mut with_s = bytes[..32].to_vec();
            with_s.extend_from_slice(&edge);
            tally.check(&vk, &msg, &with_s);
        }
    }
    std::println!(
        "p256 fast path vs RustCrypto (random): {} accepted, {} rejected, all agreeing",
        tally.accepted,
        tally.rejected
    );
    assert_eq!(tally.accepted, 300);
}

/// z as `p256` computes it from the message.
fn z_of(msg: &[u8]) -> Scalar {
    let digest: FieldBytes = Sha256::digest(msg);
    <Scalar as Reduce<FieldBytes>>::reduce(&digest)
}

fn sig_bytes(r: Scalar, s: Scalar) -> Vec<u8> {
    let mut out = r.to_repr().to_vec();
    out.extend_from_slice(&s.to_repr());
    out
}

#[test]
fn keys_equal_to_plus_or_minus_g_agree_with_p256() {
    let mut rng = Rng(0xabcd);
    let mut tally = Tally::default();
    for d in [
        Scalar::ONE,
        -Scalar::ONE,
        Scalar::from(2u64),
        -Scalar::from(3u64),
    ] {
        let sk = key_from_scalar(d);
        let vk = *sk.verifying_key();
        for i in 0..25u8 {
            let msg = [i; 5];
            let z = z_of(&msg);
            let s = Scalar::from_repr(rng.bytes32().into()).unwrap_or(Scalar::ONE);
            // u₁·G + u₂·Q with Q = d·G: r = −z/d makes the sum ∞; r = z/d
            // makes both halves the same point (a doubling inside the sum).
            let d_inv = d.invert().unwrap();
            for r in [-z * d_inv, z * d_inv, z, -z] {
                tally.check(&vk, &msg, &sig_bytes(r, s));
            }
            // And honest signatures by these weak keys verify on both.
            let sig: Signature = sk.sign(&msg);
            tally.check(&vk, &msg, &sig.to_bytes());
        }
    }
    std::println!(
        "p256 fast path vs RustCrypto (Q = ±G, ±2G, ±3G): {} accepted, {} rejected",
        tally.accepted,
        tally.rejected
    );
    assert_eq!(tally.accepted, 100);
}

/// x(R) in [n, p) is the case where r = x(R) − n (≈ 2⁻¹²⁸ of random
/// points, so it cannot be searched for; Wycheproof's "k*G has a large
/// x-coordinate" vectors hit it end to end). Here the comparison itself is
/// checked on a Jacobian X = x·Z² with a random Z.
#[test]
fn x_comparison_accepts_r_and_r_plus_n_only() {
    let mut rng = Rng(0x1234);
    // n − 1 + n > p: the r + n branch must stay closed; small r has it open.
    let n_minus_1: [u8; 32] = (-Scalar::ONE).to_repr().into();
    let mut small = [0u8; 32];
    small[31] = 5;
    let mut compared = 0;
    for r_bytes in [small, n_minus_1, rng.bytes32()] {
        if Option::<Scalar>::from(Scalar::from_repr(r_bytes.into())).is_none() {
            continue;
        }
        let r_words = words_from_be(&r_bytes);
        let (r_plus_n, carry) = add_words(&r_words, &N_WORDS);
        let r_plus_n = if carry == 0 {
            Fe::from_words(r_plus_n)
        } else {
            None
        };
        let z = loop {
            if let Some(z) = Fe::from_be_bytes(&rng.bytes32()).filter(|z| !z.is_zero()) {
                break z;
            }
        };
        let z2 = z.square();
        let at = |x: Fe| Jacobian {
            x: x.mul(&z2),
            y: Fe::ONE,
            z,
        };
        let r_fe = Fe::from_words(r_words).unwrap();
        assert!(x_matches(&at(r_fe), &r_words, &N_WORDS));
        assert!(!x_matches(&at(r_fe.add(&Fe::ONE)), &r_words, &N_WORDS));
        if let Some(rn) = r_plus_n {
            assert!(x_matches(&at(rn), &r_words, &N_WORDS));
        }
        assert!(!x_matches(&Jacobian::INFINITY, &r_words, &N_WORDS));
        compared += 1;
    }
    assert_eq!(compared, 3);
}

/// The binary inversion mod n against `p256`'s, on random and edge scalars.
#[test]
fn scalar_inverse_matches_p256() {
    use super::super::scalar_inverse::invert;
    let mut rng = Rng(0x1a5e);
    let mut values: Vec<Scalar> = alloc::vec![Scalar::ONE, -Scalar::ONE, Scalar::from(2u64)];
    while values.len() < 300 {
        if let Some(k) = Option::<Scalar>::from(Scalar::from_repr(rng.bytes32().into())) {
            values.push(k);
        }
    }
    for k in &values {
        let bytes: [u8; 32] = k.to_repr().into();
        let inv = invert(&words_from_be(&bytes)).unwrap();
        let expected: [u8; 32] = k.invert().unwrap().to_repr().into();
        assert_eq!(inv, words_from_be(&expected));
    }
    assert_eq!(invert(&[0; 8]), None);
    assert_eq!(invert(&N_WORDS), None);
    std::println!("p256 scalar inverse: {} values match p256", values.len());
}
