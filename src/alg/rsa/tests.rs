//! The verification fast path against RustCrypto's `rsa` on random keys,
//! messages and signatures, valid and invalid, and on edge values. The
//! Wycheproof RSA tests (`crate::alg::tests`) cover it too, through
//! `Algorithm::verify`.

use alloc::vec::Vec;
use std::println;

use rsa::traits::{PublicKeyParts, SignatureScheme};
use rsa::{BoxedUint, Pkcs1v15Sign, RsaPrivateKey, RsaPublicKey};
use sha2::{Sha256, Sha384, Sha512};

use super::montgomery::Modulus;
use super::public::Context;
use super::{SysRng, Verifier, emsa, sign, verify, verify_rustcrypto};
use crate::{Algorithm, Family};

/// A small deterministic generator for messages and corruption positions, so
/// a failure can be replayed from the printed seed.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }
}

fn seed() -> u64 {
    let mut b = [0; 8];
    getrandom::fill(&mut b).unwrap();
    u64::from_le_bytes(b) | 1
}

fn keygen(bits: usize, e: u64) -> RsaPrivateKey {
    let mut rng = rand_core::UnwrapErr(SysRng);
    RsaPrivateKey::new_with_exp(&mut rng, bits, BoxedUint::from(e)).unwrap()
}

/// RS256, RS384, RS512, PS256, PS384, PS512, in that order (so `i + 3`
/// is the same hash under the other scheme).
fn rsa_algs() -> Vec<Algorithm> {
    Algorithm::ALL
        .into_iter()
        .filter(|a| a.family() == Family::Rsa)
        .collect()
}

/// Tallies of one differential run.
#[derive(Default, Debug)]
struct Counts {
    valid: usize,
    invalid: usize,
}

/// Both paths on one input: they must agree, and the verdict is returned.
fn agree(alg: Algorithm, public: &RsaPublicKey, ctx: &Context, msg: &[u8], sig: &[u8]) -> bool {
    let fast = verify(alg, Verifier(Some(ctx)), msg, sig);
    let reference = verify_rustcrypto(alg, public, msg, sig);
    assert_eq!(
        fast,
        reference,
        "{alg} on a {}-bit key, e = {:?}: fast path {fast}, rsa {reference}; msg {msg:02x?} sig {sig:02x?}",
        public.n().bits(),
        public.e_bytes(),
    );
    fast
}

/// Random messages with genuine signatures, then each signature corrupted,
/// replaced by random bytes, checked against another message, and the edge
/// values of s.
fn differential(private: &RsaPrivateKey, rounds: usize, rng: &mut XorShift) -> Counts {
    let public = private.to_public_key();
    let ctx = Context::new(&public).expect("a fast-path context");
    let k = public.size();
    let mut counts = Counts::default();
    let mut tally = |ok: bool| {
        if ok {
            counts.valid += 1;
        } else {
            counts.invalid += 1;
        }
    };
    let algs = rsa_algs();
    for round in 0..rounds {
        let alg = algs[round % algs.len()];
        let len = rng.below(400);
        let msg = rng.bytes(len);
        let sig = sign(alg, private, &msg).unwrap();
        assert!(agree(alg, &public, &ctx, &msg, &sig), "a genuine signature");
        tally(true);
        // One flipped bit anywhere.
        let mut bad = sig.clone();
        bad[rng.below(k)] ^= 1 << rng.below(8);
        tally(agree(alg, &public, &ctx, &msg, &bad));
        // A different message.
        let mut other = msg.clone();
        other.push(rng.next() as u8);
        tally(agree(alg, &public, &ctx, &other, &sig));
        // The other scheme of the same hash size.
        let twin = algs[(round + 3) % algs.len()];
        tally(agree(twin, &public, &ctx, &msg, &sig));
        // Random bytes, mostly below n.
        let random = rng.bytes(k);
        tally(agree(alg, &public, &ctx, &msg, &random));
        // Wrong lengths.
        tally(agree(alg, &public, &ctx, &msg, &sig[1..]));
        let mut longer = sig.clone();
        longer.insert(0, 0);
        tally(agree(alg, &public, &ctx, &msg, &longer));
    }
    // Edge values of s: 0, 1, n − 1, n, n + 1, 2^(8k) − 1, and empty.
    let n = public.n().to_be_bytes_trimmed_vartime();
    let mut n_pad = alloc::vec![0u8; k - n.len()];
    n_pad.extend_from_slice(&n);
    let add = |v: &[u8], d: i8| {
        let mut v = v.to_vec();
        for b in v.iter_mut().rev() {
            let (r, carry) = if d > 0 {
                b.overflowing_add(1)
            } else {
                b.overflowing_sub(1)
            };
            *b = r;
            if !carry {
                break;
            }
        }
        v
    };
    let mut one = alloc::vec![0u8; k];
    one[k - 1] = 1;
    let edges = [
        alloc::vec![0u8; k],
        one,
        add(&n_pad, -1),
        n_pad.clone(),
        add(&n_pad, 1),
        alloc::vec![0xffu8; k],
        Vec::new(),
    ];
    for alg in rsa_algs() {
        for sig in &edges {
            assert!(!agree(alg, &public, &ctx, b"edge", sig));
            tally(false);
        }
    }
    counts
}

#[test]
fn fast_path_matches_rsa_on_random_keys_and_signatures() {
    let seed = seed();
    println!("rsa fast path: seed {seed:#x}");
    let mut rng = XorShift(seed);
    // 2049 bits makes emLen = k − 1 in PSS; e = 3 exercises another exponent.
    for (bits, e, rounds) in [
        (2048, 65537, 120),
        (2049, 65537, 60),
        (3072, 3, 36),
        (4096, 65537, 24),
    ] {
        let private = keygen(bits, e);
        let counts = differential(&private, rounds, &mut rng);
        println!(
            "rsa fast path: {bits}-bit key, e = {e}: {} accepted, {} rejected, all equal to rsa",
            counts.valid, counts.invalid
        );
        assert!(counts.valid >= rounds && counts.invalid >= 6 * 7);
    }
}

/// RSAVP1 alone: signing `T` with PKCS#1 v1.5 and no `DigestInfo` makes
/// s = (00 01 FF…FF 00 ‖ T)^d, so s^e must give back exactly that block.
#[test]
fn rsavp1_inverts_rustcrypto_raw_signatures() {
    let private = keygen(2048, 65537);
    let public = private.to_public_key();
    let ctx = Context::new(&public).unwrap();
    let mut rng = XorShift(seed());
    let mut checked = 0;
    for _ in 0..64 {
        let len = 1 + rng.below(200);
        let t = rng.bytes(len);
        let mut rng_os = rand_core::UnwrapErr(SysRng);
        let sig = Pkcs1v15Sign::new_unprefixed()
            .sign(Some(&mut rng_os), &private, &t)
            .unwrap();
        let em = ctx.rsavp1(&sig).unwrap();
        let ps = 256 - 3 - t.len();
        assert_eq!(&em[..2], &[0, 1]);
        assert!(em[2..2 + ps].iter().all(|b| *b == 0xff));
        assert_eq!(em[2 + ps], 0);
        assert_eq!(&em[3 + ps..], &t[..]);
        checked += 1;
    }
    println!("rsa fast path: {checked} raw RSAVP1 results equal to the padded input");
}

/// The arithmetic itself on moduli below 2^64 (one to three limbs), against
/// `u128` square-and-multiply.
#[test]
fn montgomery_pow_matches_u128_arithmetic() {
    let mut rng = XorShift(seed());
    let mut checked = 0;
    for _ in 0..3000 {
        let bits = 2 + rng.below(63);
        let n = (rng.next() >> (64 - bits)) | (1 << (bits - 1)) | 1;
        if n < 3 {
            continue;
        }
        let modulus = Modulus::new(&n.to_be_bytes()).unwrap();
        let k = modulus.limbs();
        let base = rng.next() % n;
        let e = rng.next() >> rng.below(64);
        let mut want: u128 = 1;
        for i in (0..64).rev() {
            want = want * want % n as u128;
            if (e >> i) & 1 == 1 {
                want = want * base as u128 % n as u128;
            }
        }
        let b = modulus.limbs_of(&base.to_be_bytes()).unwrap();
        assert_eq!(b.len(), k);
        let got = modulus.bytes_of(&modulus.pow(&b, &e.to_be_bytes()), 8);
        assert_eq!(got, (want as u64).to_be_bytes(), "{base}^{e} mod {n}");
        checked += 1;
    }
    println!("rsa fast path: {checked} small modular powers equal to u128 arithmetic");
}

/// RSAVP1 on random odd moduli (not RSA moduli: the arithmetic does not
/// care) across both limb widths, 28 bits up to 7,140-bit moduli and 26 bits
/// above, against `s^e mod n` by square-and-multiply with `BoxedUint::mul_mod`.
#[test]
fn rsavp1_matches_bigint_arithmetic_for_every_limb_width() {
    let mut rng = XorShift(seed());
    let mut checked = 0;
    for (bits, e) in [
        (2048usize, 65537u64),
        (3071, 3),
        (7140, 65537),
        (7141, 65537),
        (8192, 3),
        (8192, 65537),
    ] {
        let len = bits.div_ceil(8);
        let mut n = rng.bytes(len);
        n[0] &= 0xff >> (8 * len - bits);
        n[0] |= 0x80 >> (8 * len - bits);
        n[len - 1] |= 1;
        let key =
            RsaPublicKey::new(BoxedUint::from_be_slice_vartime(&n), BoxedUint::from(e)).unwrap();
        let ctx = Context::new(&key).unwrap();
        for _ in 0..3 {
            let mut s = rng.bytes(len);
            s[0] &= (0xffu16 >> (8 * len - bits + 1)) as u8;
            let s_int = BoxedUint::from_be_slice_vartime(&s);
            let mut want = BoxedUint::one();
            for i in (0..64).rev() {
                want = want.mul_mod(&want, key.n());
                if (e >> i) & 1 == 1 {
                    want = want.mul_mod(&s_int, key.n());
                }
            }
            let want = want.to_be_bytes_trimmed_vartime();
            let got = ctx.rsavp1(&s).unwrap();
            let pad = got.len() - want.len();
            assert!(got[..pad].iter().all(|b| *b == 0), "{bits}-bit, e = {e}");
            assert_eq!(&got[pad..], &want[..], "{bits}-bit, e = {e}");
            checked += 1;
        }
    }
    println!(
        "rsa fast path: {checked} RSAVP1 results on 2048- to 8192-bit moduli equal to BoxedUint arithmetic"
    );
}

/// `s^e mod n` by square-and-multiply with `BoxedUint::mul_mod`, as
/// big-endian bytes without leading zeros.
fn pow_reference(s: &[u8], e: &[u8], n: &[u8]) -> Vec<u8> {
    let n = BoxedUint::from_be_slice_vartime(n).to_nz().unwrap();
    let s = BoxedUint::from_be_slice_vartime(s);
    let mut acc = BoxedUint::one();
    for byte in e {
        for i in (0..8).rev() {
            acc = acc.mul_mod(&acc, &n);
            if (byte >> i) & 1 == 1 {
                acc = acc.mul_mod(&s, &n);
            }
        }
    }
    acc.to_be_bytes_trimmed_vartime().into_vec()
}

/// The modular power on random odd moduli of random sizes from 2 to 2,047
/// bits and across both limb widths up to 8,192 bits, with random exponents
/// of one to five bytes (so also 0, 1 and even ones), against BoxedUint.
#[test]
fn montgomery_pow_matches_boxeduint_on_random_moduli() {
    let mut rng = XorShift(seed());
    let mut sizes: Vec<usize> = (0..200).map(|_| 2 + rng.below(2046)).collect();
    sizes.extend([2048, 3071, 7140, 7141, 8192]);
    let mut checked = 0;
    for bits in sizes {
        let len = bits.div_ceil(8);
        let mut n = rng.bytes(len);
        n[0] &= 0xff >> (8 * len - bits);
        n[0] |= 0x80 >> (8 * len - bits);
        n[len - 1] |= 1;
        let modulus = Modulus::new(&n).unwrap();
        let e_len = 1 + rng.below(5);
        let e = rng.bytes(e_len);
        let mut s = rng.bytes(len);
        s[0] &= (0xffu16 >> (8 * len - bits + 1)) as u8;
        let got = modulus.bytes_of(&modulus.pow(&modulus.limbs_of(&s).unwrap(), &e), len);
        let want = pow_reference(&s, &e, &n);
        let pad = len - want.len();
        assert!(
            got[..pad].iter().all(|b| *b == 0),
            "{bits} bits, e {e:02x?}"
        );
        assert_eq!(&got[pad..], &want[..], "{bits} bits, e {e:02x?}");
        checked += 1;
    }
    println!(
        "rsa fast path: {checked} modular powers on random 2- to 8192-bit moduli equal to BoxedUint arithmetic"
    );
}

#[test]
fn even_or_tiny_moduli_have_no_context() {
    assert!(Modulus::new(&[0x10, 0x00]).is_none());
    assert!(Modulus::new(&[0x01]).is_none());
    assert!(Modulus::new(&[]).is_none());
    assert!(Modulus::new(&[0x03]).is_some());
}

#[test]
fn digest_info_prefixes_match_rsa() {
    assert_eq!(emsa::SHA256_PREFIX, &*Pkcs1v15Sign::new::<Sha256>().prefix);
    assert_eq!(emsa::SHA384_PREFIX, &*Pkcs1v15Sign::new::<Sha384>().prefix);
    assert_eq!(emsa::SHA512_PREFIX, &*Pkcs1v15Sign::new::<Sha512>().prefix);
}
