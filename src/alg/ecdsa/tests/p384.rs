//! The P-384 fast path against `p384`'s own `verify`: valid signatures and
//! their high-S twins, bit flips, edge values of r and s, random keys, and
//! keys Q = ±G, ±2G, ±3G that make the interleaved sum meet P = Q and
//! P = −Q. The Wycheproof P-384 file runs through `Key` in
//! `alg::tests::wycheproof_ecdsa`.

use alloc::vec::Vec;

use p384::ecdsa::signature::{Signer, Verifier};
use p384::ecdsa::{Signature, SigningKey, VerifyingKey};
use p384::elliptic_curve::PrimeField;
use p384::elliptic_curve::ops::Reduce;
use p384::{FieldBytes, Scalar};
use sha2::{Digest, Sha384};

use super::super::p384_verify::verify;
use super::field::Rng;

#[derive(Default)]
struct Tally {
    accepted: usize,
    rejected: usize,
}

impl Tally {
    fn check(&mut self, vk: &VerifyingKey, msg: &[u8], sig: &[u8]) {
        let fast = verify(vk, msg, sig);
        let reference = Signature::from_slice(sig).is_ok_and(|s| vk.verify(msg, &s).is_ok());
        assert_eq!(fast, reference, "msg {msg:?} sig {sig:?}");
        if fast {
            self.accepted += 1;
        } else {
            self.rejected += 1;
        }
    }
}

fn bytes48(rng: &mut Rng) -> [u8; 48] {
    let mut out = [0u8; 48];
    for chunk in out.chunks_mut(8) {
        chunk.copy_from_slice(&rng.next_u64().to_be_bytes());
    }
    out
}

fn signing_key(rng: &mut Rng) -> SigningKey {
    loop {
        if let Ok(sk) = SigningKey::from_slice(&bytes48(rng)) {
            return sk;
        }
    }
}

/// r or s replaced by each edge value: 0, 1, n − 1, n, n + 1, 2³⁸⁴ − 1.
fn edge_values() -> Vec<[u8; 48]> {
    let n_minus_1: [u8; 48] = (-Scalar::ONE).to_repr().into();
    let add = |v: [u8; 48], d: u8| {
        let mut out = v;
        let mut carry = d;
        for b in out.iter_mut().rev() {
            let (s, c) = b.overflowing_add(carry);
            *b = s;
            carry = u8::from(c);
        }
        out
    };
    let mut one = [0u8; 48];
    one[47] = 1;
    [
        [0u8; 48],
        one,
        n_minus_1,
        add(n_minus_1, 1),
        add(n_minus_1, 2),
        [0xff; 48],
    ]
    .to_vec()
}

#[test]
fn random_valid_and_tampered_signatures_agree_with_p384() {
    let mut rng = Rng(0x384);
    let mut tally = Tally::default();
    for i in 0..60 {
        let sk = signing_key(&mut rng);
        let vk = *sk.verifying_key();
        let msg = bytes48(&mut rng)[..(i % 48)].to_vec();
        let sig: Signature = sk.sign(&msg);
        let bytes = sig.to_bytes().to_vec();
        tally.check(&vk, &msg, &bytes);
        // High-S twin: (r, n − s) is valid ECDSA too.
        let (r, s) = sig.split_scalars();
        let high = Signature::from_scalars(r.to_repr(), (-*s).to_repr()).unwrap();
        tally.check(&vk, &msg, &high.to_bytes());
        // One flipped bit in the signature, then in the message.
        let mut flipped = bytes.clone();
        flipped[(rng.next_u64() % 96) as usize] ^= 1 << (rng.next_u64() % 8);
        tally.check(&vk, &msg, &flipped);
        let mut other = msg.clone();
        other.push(0);
        tally.check(&vk, &other, &bytes);
        // Another key, random bytes, wrong lengths.
        tally.check(signing_key(&mut rng).verifying_key(), &msg, &bytes);
        let mut junk = bytes48(&mut rng).to_vec();
        junk.extend_from_slice(&bytes48(&mut rng));
        tally.check(&vk, &msg, &junk);
        tally.check(&vk, &msg, &bytes[..95]);
        let mut long = bytes.clone();
        long.push(0);
        tally.check(&vk, &msg, &long);
        for edge in edge_values() {
            let mut with_r = edge.to_vec();
            with_r.extend_from_slice(&bytes[48..]);
            tally.check(&vk, &msg, &with_r);
            let mut with_s = bytes[..48].to_vec();
            with_s.extend_from_slice(&edge);
            tally.check(&vk, &msg, &with_s);
        }
    }
    std::println!(
        "p384 fast path vs RustCrypto (random): {} accepted, {} rejected, all agreeing",
        tally.accepted,
        tally.rejected
    );
    assert_eq!(tally.accepted, 120);
}

fn sig_bytes(r: Scalar, s: Scalar) -> Vec<u8> {
    let mut out = r.to_repr().to_vec();
    out.extend_from_slice(&s.to_repr());
    out
}

#[test]
fn keys_equal_to_plus_or_minus_g_agree_with_p384() {
    let mut rng = Rng(0x3840);
    let mut tally = Tally::default();
    for d in [
        Scalar::ONE,
        -Scalar::ONE,
        Scalar::from(2u64),
        -Scalar::from(3u64),
    ] {
        let sk = SigningKey::from_slice(&d.to_repr()).unwrap();
        let vk = *sk.verifying_key();
        for i in 0..10u8 {
            let msg = [i; 5];
            let digest: FieldBytes = Sha384::digest(msg);
            let z = <Scalar as Reduce<FieldBytes>>::reduce(&digest);
            let s = Scalar::from_repr(bytes48(&mut rng).into()).unwrap_or(Scalar::ONE);
            // u₁·G + u₂·Q with Q = d·G: r = −z/d makes the sum ∞; r = z/d
            // makes both halves the same point (a doubling inside the sum).
            let d_inv = d.invert().unwrap();
            for r in [-z * d_inv, z * d_inv, z, -z] {
                tally.check(&vk, &msg, &sig_bytes(r, s));
            }
            let sig: Signature = sk.sign(&msg);
            tally.check(&vk, &msg, &sig.to_bytes());
        }
    }
    std::println!(
        "p384 fast path vs RustCrypto (Q = ±G, ±2G, ±3G): {} accepted, {} rejected",
        tally.accepted,
        tally.rejected
    );
    assert_eq!(tally.accepted, 40);
}

mod field {
    //! GF(p) arithmetic against crypto-bigint's modular operations.

    use alloc::vec::Vec;

    use p384::elliptic_curve::bigint::{NonZero, U384};

    use super::super::super::p384_field::Fe;
    use super::super::field::Rng;
    use super::bytes48;

    const P_HEX: &str = "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff";

    fn big(a: &Fe) -> U384 {
        let mut out = [0u8; 48];
        for (i, w) in a.0.iter().enumerate() {
            out[44 - 4 * i..48 - 4 * i].copy_from_slice(&w.to_be_bytes());
        }
        U384::from_be_slice(&out)
    }

    fn fe(x: &U384) -> Fe {
        Fe::from_be_bytes(&x.to_be_bytes().into()).unwrap()
    }

    /// Random elements plus the edges: 0, 1, 2, p − 1, p − 2, 2³⁸³, and words
    /// of all ones or zeros, which stress the carries of the reduction.
    fn samples() -> Vec<Fe> {
        let p = U384::from_be_hex(P_HEX);
        let mut v: Vec<Fe> = [
            U384::ZERO,
            U384::ONE,
            U384::from_u8(2),
            p.wrapping_sub(&U384::ONE),
            p.wrapping_sub(&U384::from_u8(2)),
            U384::ONE.shl_vartime(383),
            U384::from_be_hex(&"ffffffff00000000".repeat(6)),
            U384::from_be_hex(&"00000000ffffffff".repeat(6)),
        ]
        .iter()
        .map(fe)
        .collect();
        let mut rng = Rng(0x3843_8438);
        while v.len() < 80 {
            if let Some(x) = Fe::from_be_bytes(&bytes48(&mut rng)) {
                v.push(x);
            }
        }
        v
    }

    #[test]
    fn parsing_rejects_p_and_above() {
        let p: [u8; 48] = U384::from_be_hex(P_HEX).to_be_bytes().into();
        assert!(Fe::from_be_bytes(&p).is_none());
        assert!(Fe::from_be_bytes(&[0xff; 48]).is_none());
        let mut below = p;
        below[47] -= 1;
        assert!(Fe::from_be_bytes(&below).is_some());
    }

    #[test]
    fn field_operations_match_crypto_bigint() {
        let p = NonZero::new(U384::from_be_hex(P_HEX)).unwrap();
        let xs = samples();
        let mut checked = 0;
        for a in &xs {
            assert_eq!(big(&a.square()), big(a).mul_mod(&big(a), &p));
            assert_eq!(big(&a.neg()), U384::ZERO.sub_mod(&big(a), &p));
            for b in &xs {
                let (ba, bb) = (big(a), big(b));
                assert_eq!(big(&a.mul(b)), ba.mul_mod(&bb, &p));
                assert_eq!(big(&a.add(b)), ba.add_mod(&bb, &p));
                assert_eq!(big(&a.sub(b)), ba.sub_mod(&bb, &p));
                checked += 1;
            }
        }
        std::println!("p384 field: {checked} pairs checked for mul/add/sub");
    }

    #[test]
    fn inversion_is_the_multiplicative_inverse() {
        let xs = samples();
        for a in xs.iter().filter(|a| !a.is_zero()) {
            assert_eq!(a.invert().mul(a), Fe::ONE, "{a:?}");
        }
        assert_eq!(Fe::ZERO.invert(), Fe::ZERO);
    }
}
