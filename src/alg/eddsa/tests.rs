//! Differential tests: the fast verifier against ed25519-dalek's
//! `verify_strict` on random and edge-case keys, signatures and messages.

use alloc::format;
use alloc::vec::Vec;
use std::println;

use curve25519_dalek::constants::EIGHT_TORSION;
use curve25519_dalek::scalar::Scalar;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};

use super::public::Multiplier;
use super::{Ed25519Public, fast};

/// SplitMix64: reproducible pseudo-random bytes without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn bytes<const N: usize>(&mut self) -> [u8; N] {
        core::array::from_fn(|_| self.next() as u8)
    }

    fn message(&mut self) -> Vec<u8> {
        let len = (self.next() % 300) as usize;
        (0..len).map(|_| self.next() as u8).collect()
    }
}

/// Accept/reject tallies, printed so a run shows what was covered.
#[derive(Default)]
struct Tally {
    accepted: usize,
    rejected: usize,
}

impl Tally {
    /// Asserts that `verify_strict` and our verifier, both with per-call and
    /// with cached tables, agree on `(key, msg, sig)`; counts the verdict.
    fn check(&mut self, key: &VerifyingKey, fast_key: &Ed25519Public, msg: &[u8], sig: &[u8; 64]) {
        let strict = key.verify_strict(msg, &Signature::from_bytes(sig)).is_ok();
        let context = || {
            format!(
                "key {:02x?} sig {:02x?} msg {:02x?}",
                key.as_bytes(),
                sig,
                msg
            )
        };
        assert_eq!(fast::verify(fast_key, msg, sig), strict, "{}", context());
        let (per_call, cached) = match fast_key.minus_a() {
            Some(minus_a) => {
                let tables = fast_key.tables(minus_a);
                (
                    fast::verify_with(fast_key, &Multiplier::PerCall(minus_a), msg, sig),
                    fast::verify_with(fast_key, &Multiplier::Cached(tables), msg, sig),
                )
            }
            // A weak key has no multiplier: `verify` refused it above.
            None => (false, false),
        };
        assert_eq!(per_call, strict, "per-call tables: {}", context());
        assert_eq!(cached, strict, "cached tables: {}", context());
        if strict {
            self.accepted += 1;
        } else {
            self.rejected += 1;
        }
    }
}

/// The group order ℓ, little-endian: (ℓ − 1) + 1.
fn ell() -> [u8; 32] {
    let mut one = [0u8; 32];
    one[0] = 1;
    add(&(-Scalar::ONE).to_bytes(), &one)
}

/// Little-endian `a + b` mod 2^256.
fn add(a: &[u8; 32], b: &[u8; 32]) -> [u8; 32] {
    let mut out = [0u8; 32];
    let mut carry = 0u16;
    for i in 0..32 {
        let v = u16::from(a[i]) + u16::from(b[i]) + carry;
        out[i] = v as u8;
        carry = v >> 8;
    }
    out
}

/// Encodings of y ≥ p = 2^255 − 19 (y = p + t, t < 19), with either sign bit:
/// decompression reduces them mod p, compression never produces them.
fn non_canonical_encodings() -> Vec<[u8; 32]> {
    let mut out = Vec::new();
    for t in 0u8..19 {
        for sign in [0u8, 0x80] {
            let mut e = [0xffu8; 32];
            e[0] = 0xed + t;
            e[31] = 0x7f | sign;
            out.push(e);
        }
    }
    out
}

/// The eight torsion points' encodings, both sign bits (x = 0 with the sign
/// bit set is the "negative zero" encoding of y = ±1).
fn torsion_encodings() -> Vec<[u8; 32]> {
    let mut out = Vec::new();
    for p in EIGHT_TORSION {
        let e = p.compress().to_bytes();
        out.push(e);
        let mut flipped = e;
        flipped[31] ^= 0x80;
        out.push(flipped);
    }
    out
}

fn sig_with(r: &[u8; 32], s: &[u8; 32]) -> [u8; 64] {
    let mut sig = [0u8; 64];
    sig[..32].copy_from_slice(r);
    sig[32..].copy_from_slice(s);
    sig
}

#[test]
fn fast_verify_matches_verify_strict_on_random_and_edge_inputs() {
    let mut rng = Rng(0x5eed_ed25_519d_a1ec);
    let mut tally = Tally::default();
    let ell = ell();
    for _ in 0..12 {
        let signer = SigningKey::from_bytes(&rng.bytes());
        let key = signer.verifying_key();
        let fast_key = Ed25519Public::from(key);
        for _ in 0..8 {
            let msg = rng.message();
            let sig = signer.sign(&msg).to_bytes();
            tally.check(&key, &fast_key, &msg, &sig);
            // One flipped bit anywhere in R or S.
            let mut flipped = sig;
            let bit = (rng.next() % 512) as usize;
            flipped[bit / 8] ^= 1 << (bit % 8);
            tally.check(&key, &fast_key, &msg, &flipped);
            // One flipped bit in the message.
            let mut other = msg.clone();
            other.push(0);
            let bit = (rng.next() % (other.len() as u64 * 8)) as usize;
            other[bit / 8] ^= 1 << (bit % 8);
            tally.check(&key, &fast_key, &other, &sig);
            // S + ℓ (same value mod ℓ, not canonical), S = ℓ, random S ≥ ℓ.
            let (r, s) = sig.split_at(32);
            let (r, s): ([u8; 32], [u8; 32]) = (r.try_into().unwrap(), s.try_into().unwrap());
            tally.check(&key, &fast_key, &msg, &sig_with(&r, &add(&s, &ell)));
            tally.check(&key, &fast_key, &msg, &sig_with(&r, &ell));
            let mut big = rng.bytes::<32>();
            big[31] |= 0x10;
            tally.check(&key, &fast_key, &msg, &sig_with(&r, &big));
            // Small-order or non-canonical R with the honest S.
            for e in torsion_encodings().iter().chain(&non_canonical_encodings()) {
                tally.check(&key, &fast_key, &msg, &sig_with(e, &s));
            }
            // Random 64 bytes.
            tally.check(&key, &fast_key, &msg, &rng.bytes());
        }
    }
    println!(
        "ed25519 fast vs verify_strict (random keys): {} accepted, {} rejected, all agree",
        tally.accepted, tally.rejected
    );
    assert!(tally.accepted >= 96, "the valid signatures must verify");
}

/// Keys of small order (incl. negative zero) and keys with a non-canonical
/// encoding (y ≥ p): the first verify nothing, the second verify only what
/// `verify_strict` verifies (it hashes the key's bytes as given).
#[test]
fn fast_verify_matches_verify_strict_on_edge_keys() {
    let mut rng = Rng(0x0dd_ba11);
    let mut tally = Tally::default();
    let mut keys = 0;
    let identity_r = EIGHT_TORSION[0].compress().to_bytes();
    for encoding in torsion_encodings().iter().chain(&non_canonical_encodings()) {
        let Ok(key) = VerifyingKey::from_bytes(encoding) else {
            continue;
        };
        keys += 1;
        let fast_key = Ed25519Public::from(key);
        let msg = rng.message();
        // With a small-order A and R = identity, S = 0 satisfies the lenient
        // (cofactored) equation for any message; both must refuse it.
        tally.check(&key, &fast_key, &msg, &sig_with(&identity_r, &[0; 32]));
        for r in torsion_encodings() {
            tally.check(&key, &fast_key, &msg, &sig_with(&r, &[0; 32]));
        }
        for _ in 0..4 {
            tally.check(&key, &fast_key, &msg, &rng.bytes());
        }
    }
    println!(
        "ed25519 fast vs verify_strict (edge keys: {keys} decodable): {} accepted, {} rejected",
        tally.accepted, tally.rejected
    );
    assert!(keys >= 8, "the torsion keys decode");
}

/// `verify` switches to cached tables after a key's first uses; the verdicts
/// stay those of `verify_strict` on both sides of the switch.
#[test]
fn verify_agrees_before_and_after_the_tables_are_built() {
    let mut rng = Rng(0x7ab1e5);
    let signer = SigningKey::from_bytes(&rng.bytes());
    let key = Ed25519Public::from(signer.verifying_key());
    let clone = key.clone();
    let (mut valid, mut invalid) = (0, 0);
    for i in 0..80 {
        let msg = rng.message();
        let mut sig = signer.sign(&msg).to_bytes();
        if i % 2 == 1 {
            sig[(rng.next() % 64) as usize] ^= 1;
        }
        let strict = signer
            .verifying_key()
            .verify_strict(&msg, &Signature::from_bytes(&sig))
            .is_ok();
        // Clones share the count and the tables.
        let which = if i % 3 == 0 { &clone } else { &key };
        assert_eq!(fast::verify(which, &msg, &sig), strict);
        if strict { valid += 1 } else { invalid += 1 }
    }
    assert!(
        matches!(key.multiplier(), Some(Multiplier::Cached(_))),
        "tables built by now"
    );
    println!("ed25519 lazy tables: {valid} valid, {invalid} invalid, all agree");
    assert_eq!(valid, 40);
}
