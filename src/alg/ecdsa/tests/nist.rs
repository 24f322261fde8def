//! The P-256, P-384, P-521 and secp256k1 fast paths against their curve crates' own `verify`:
//! valid signatures and their high-S twins, bit flips, edge values of r and
//! s, random keys, and keys Q = ±G, ±2G, ±3G that make the interleaved sum
//! meet P = Q and P = −Q; and their fields against crypto-bigint. The
//! Wycheproof files run through `Key` in `alg::tests::wycheproof_ecdsa`.

/// The tests for one curve: its RustCrypto crate, hash, size in bytes, our
/// verify function and field module, and a crypto-bigint type wide enough
/// for its field.
macro_rules! curve_tests {
    ($curve:ident, $Hash:ty, $bytes:literal, $fast:ident, $field:ident, $point:ident,
     $Big:ident, $big_bytes:literal, $p_hex:literal, $top_bit:literal, $seed:literal) => {
        use alloc::vec::Vec;

        use sha2::Digest;
        use $curve::ecdsa::signature::{Signer, Verifier};
        use $curve::ecdsa::{Signature, SigningKey, VerifyingKey};
        use $curve::elliptic_curve::PrimeField;
        use $curve::elliptic_curve::ops::Reduce;
        use $curve::{FieldBytes, Scalar};

        use super::super::super::$fast;
        use super::super::field::Rng;

        #[derive(Default)]
        struct Tally {
            accepted: usize,
            rejected: usize,
        }

        impl Tally {
            fn check(&mut self, vk: &VerifyingKey, msg: &[u8], sig: &[u8]) {
                let fast = $fast::verify_both(vk, msg, sig);
                // Plain ECDSA: k256 alone would refuse every high S.
                let reference = Signature::from_slice(sig)
                    .is_ok_and(|s| vk.verify(msg, &s.normalize_s()).is_ok());
                assert_eq!(fast, reference, "msg {msg:?} sig {sig:?}");
                if fast {
                    self.accepted += 1;
                } else {
                    self.rejected += 1;
                }
            }
        }

        fn random_bytes(rng: &mut Rng) -> [u8; $bytes] {
            let mut out = [0u8; $bytes];
            for chunk in out.chunks_mut(8) {
                chunk.copy_from_slice(&rng.next_u64().to_be_bytes()[..chunk.len()]);
            }
            out
        }

        fn signing_key(rng: &mut Rng) -> SigningKey {
            loop {
                if let Ok(sk) = SigningKey::from_slice(&random_bytes(rng)) {
                    return sk;
                }
            }
        }

        /// r or s replaced by each edge value: 0, 1, n − 1, n, n + 1, all ones.
        fn edge_values() -> Vec<[u8; $bytes]> {
            let n_minus_1: [u8; $bytes] = (-Scalar::ONE).to_repr().into();
            let add = |v: [u8; $bytes], d: u8| {
                let mut out = v;
                let mut carry = d;
                for b in out.iter_mut().rev() {
                    let (s, c) = b.overflowing_add(carry);
                    *b = s;
                    carry = u8::from(c);
                }
                out
            };
            let mut one = [0u8; $bytes];
            one[$bytes - 1] = 1;
            [
                [0u8; $bytes],
                one,
                n_minus_1,
                add(n_minus_1, 1),
                add(n_minus_1, 2),
                [0xff; $bytes],
            ]
            .to_vec()
        }

        /// Our binary inversion mod n against the curve crate's, on edge and
        /// random scalars; and the limb conversions its result goes through
        /// (a wrong one would only send `invert` to its slow fallback).
        #[test]
        fn scalar_inverse_matches_the_curve_crate() {
            use super::super::super::limbs::{words_from_be, words_to_be};
            use super::super::super::scalar_inverse::invert;
            let mut rng = Rng($seed + 3);
            let mut values = alloc::vec![Scalar::ONE, -Scalar::ONE, Scalar::from(2u64)];
            while values.len() < 200 {
                if let Some(k) =
                    Option::<Scalar>::from(Scalar::from_repr(random_bytes(&mut rng).into()))
                {
                    values.push(k);
                }
            }
            for k in &values {
                let bytes: [u8; $bytes] = k.to_repr().into();
                let words = words_from_be(&bytes);
                assert_eq!(words_to_be(&words), bytes);
                let inv = invert(&words, &$fast::N).unwrap();
                let expected: [u8; $bytes] = k.invert().unwrap().to_repr().into();
                assert_eq!(inv, words_from_be(&expected), "{k:?}");
            }
            assert_eq!(invert(&[0; _], &$fast::N), None);
            assert_eq!(invert(&$fast::N, &$fast::N), None);
        }

        /// x(R) in [n, p) is the case where r = x(R) − n (≈ 2⁻¹²⁸ of random
        /// points or less, so it cannot be searched for; Wycheproof's "k*G
        /// has a large x-coordinate" vectors hit it end to end). Here the
        /// comparison itself is checked on a Jacobian X = x·Z² with a random Z.
        #[test]
        fn x_comparison_accepts_r_and_r_plus_n_only() {
            use super::super::super::limbs::{add_words, words_from_be};
            use super::super::super::$field::Fe;
            use super::super::super::$point::{Jacobian, x_matches};
            let n = &$fast::N;
            let mut rng = Rng($seed + 4);
            // r + n ≥ p for r = n − 1: that branch must stay closed; small r
            // has it open.
            let n_minus_1: [u8; $bytes] = (-Scalar::ONE).to_repr().into();
            let mut small = [0u8; $bytes];
            small[$bytes - 1] = 5;
            let mut compared = 0;
            let random = loop {
                let bytes = random_bytes(&mut rng);
                if Option::<Scalar>::from(Scalar::from_repr(bytes.into())).is_some() {
                    break bytes;
                }
            };
            for r_bytes in [small, n_minus_1, random] {
                if Option::<Scalar>::from(Scalar::from_repr(r_bytes.into())).is_none() {
                    continue;
                }
                let r = words_from_be(&r_bytes);
                let (r_plus_n, carry) = add_words(&r, n);
                let r_plus_n = if carry == 0 {
                    Fe::from_words(r_plus_n)
                } else {
                    None
                };
                let z = loop {
                    if let Some(z) =
                        Fe::from_be_bytes(&random_bytes(&mut rng)).filter(|z| !z.is_zero())
                    {
                        break z;
                    }
                };
                let z2 = z.square();
                let at = |x: Fe| Jacobian {
                    x: x.mul(&z2),
                    y: Fe::ONE,
                    z,
                };
                let r_fe = Fe::from_words(r).unwrap();
                assert!(x_matches(&at(r_fe), &r, n));
                assert!(!x_matches(&at(r_fe.add(&Fe::ONE)), &r, n));
                match r_plus_n {
                    Some(rn) => assert!(x_matches(&at(rn), &r, n)),
                    None => assert_ne!(r_bytes, small, "small r + n is below p"),
                }
                assert!(!x_matches(&Jacobian::INFINITY, &r, n));
                compared += 1;
            }
            assert_eq!(compared, 3);
        }

        /// `G_TABLES[j][i] = (2i + 1)·2ᴮʲ·G` against the curve crate's own
        /// points: the compile-time doublings, additions and normalisation.
        #[test]
        fn generator_tables_match_the_curve_crate() {
            use super::super::super::$field::Fe;
            use $curve::ProjectivePoint;
            use $curve::elliptic_curve::sec1::ToSec1Point;
            let mut base = ProjectivePoint::GENERATOR;
            for (j, table) in $fast::G_TABLES.iter().enumerate() {
                for (i, entry) in table.iter().enumerate() {
                    let expected = (base * Scalar::from(2 * i as u64 + 1))
                        .to_affine()
                        .to_sec1_point(false);
                    let bytes = expected.as_bytes();
                    let x = Fe::from_be_bytes(bytes[1..1 + $bytes].try_into().unwrap()).unwrap();
                    let y = Fe::from_be_bytes(bytes[1 + $bytes..].try_into().unwrap()).unwrap();
                    assert_eq!(
                        (entry.x, entry.y),
                        (x, y),
                        "{}·2^{}·G",
                        2 * i + 1,
                        $fast::PART_BITS * j
                    );
                }
                for _ in 0..$fast::PART_BITS {
                    base = base + base;
                }
            }
        }

        #[test]
        fn a_public_key_builds_its_tables_on_its_second_verification() {
            let mut rng = Rng($seed + 1);
            let sk = signing_key(&mut rng);
            let public = $fast::Public::from(*sk.verifying_key());
            let clone = public.clone();
            let msg = random_bytes(&mut rng);
            let sig = Signature::to_bytes(&sk.sign(&msg));
            let mut bad = sig.clone();
            bad[0] ^= 1;
            // A signature that does not parse counts no use.
            assert!(!$fast::verify(&public, &msg, &sig[1..]));
            assert!($fast::verify(&public, &msg, &sig));
            assert!(
                !public.has_tables(),
                "the first verification builds nothing"
            );
            // The second, through a clone, builds the tables both share.
            assert!(!$fast::verify(&clone, &msg, &bad));
            assert!(public.has_tables());
            assert!($fast::verify(&public, &msg, &sig));
            assert!(!$fast::verify(&public, &msg, &bad));
        }

        #[test]
        fn random_valid_and_tampered_signatures_agree_with_the_curve_crate() {
            let mut rng = Rng($seed);
            let mut tally = Tally::default();
            for i in 0..60 {
                let sk = signing_key(&mut rng);
                let vk = *sk.verifying_key();
                let msg = random_bytes(&mut rng)[..(i % $bytes)].to_vec();
                let sig: Signature = sk.sign(&msg);
                let bytes = sig.to_bytes().to_vec();
                tally.check(&vk, &msg, &bytes);
                // High-S twin: (r, n − s) is valid ECDSA too.
                let (r, s) = sig.split_scalars();
                let high = Signature::from_scalars(r.to_repr(), (-*s).to_repr()).unwrap();
                tally.check(&vk, &msg, &high.to_bytes());
                // One flipped bit in the signature, then in the message.
                let mut flipped = bytes.clone();
                flipped[(rng.next_u64() % (2 * $bytes)) as usize] ^= 1 << (rng.next_u64() % 8);
                tally.check(&vk, &msg, &flipped);
                let mut other = msg.clone();
                other.push(0);
                tally.check(&vk, &other, &bytes);
                // Another key, random bytes, wrong lengths.
                tally.check(signing_key(&mut rng).verifying_key(), &msg, &bytes);
                let mut junk = random_bytes(&mut rng).to_vec();
                junk.extend_from_slice(&random_bytes(&mut rng));
                tally.check(&vk, &msg, &junk);
                tally.check(&vk, &msg, &bytes[..2 * $bytes - 1]);
                let mut long = bytes.clone();
                long.push(0);
                tally.check(&vk, &msg, &long);
                for edge in edge_values() {
                    let mut with_r = edge.to_vec();
                    with_r.extend_from_slice(&bytes[$bytes..]);
                    tally.check(&vk, &msg, &with_r);
                    let mut with_s = bytes[..$bytes].to_vec();
                    with_s.extend_from_slice(&edge);
                    tally.check(&vk, &msg, &with_s);
                }
            }
            std::println!(
                concat!(
                    stringify!($curve),
                    " fast path vs RustCrypto (random): {} accepted, {} rejected, all agreeing"
                ),
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
        fn keys_equal_to_plus_or_minus_g_agree_with_the_curve_crate() {
            let mut rng = Rng($seed + 1);
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
                    let digest = <$Hash>::digest(msg);
                    let mut field = FieldBytes::default();
                    field[$bytes - digest.len()..].copy_from_slice(&digest);
                    let z = <Scalar as Reduce<FieldBytes>>::reduce(&field);
                    let s = Scalar::from_repr(random_bytes(&mut rng).into()).unwrap_or(Scalar::ONE);
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
                concat!(
                    stringify!($curve),
                    " fast path vs RustCrypto (Q = ±G, ±2G, ±3G): {} accepted, {} rejected"
                ),
                tally.accepted,
                tally.rejected
            );
            assert_eq!(tally.accepted, 40);
        }

        mod field {
            //! GF(p) arithmetic against crypto-bigint's modular operations.

            use alloc::vec::Vec;

            use $curve::elliptic_curve::bigint::{NonZero, $Big};

            use super::super::super::super::$field::Fe;
            use super::super::super::field::Rng;
            use super::random_bytes;

            const P_HEX: &str = $p_hex;

            fn big(a: &Fe) -> $Big {
                let mut out = [0u8; $big_bytes];
                for (i, w) in a.0.iter().enumerate() {
                    out[$big_bytes - 4 - 4 * i..$big_bytes - 4 * i]
                        .copy_from_slice(&w.to_be_bytes());
                }
                $Big::from_be_slice(&out)
            }

            fn fe(x: &$Big) -> Fe {
                let wide: [u8; $big_bytes] = x.to_be_bytes().into();
                Fe::from_be_bytes(wide[$big_bytes - $bytes..].try_into().unwrap()).unwrap()
            }

            /// Random elements plus the edges: 0, 1, 2, p − 1, p − 2, the top bit of
            /// p, and words of all ones or zeros, which stress the reduction.
            fn samples() -> Vec<Fe> {
                let p = $Big::from_be_hex(P_HEX);
                let mut v: Vec<Fe> = [
                    $Big::ZERO,
                    $Big::ONE,
                    $Big::from_u8(2),
                    p.wrapping_sub(&$Big::ONE),
                    p.wrapping_sub(&$Big::from_u8(2)),
                    $Big::ONE.shl_vartime($top_bit),
                    $Big::from_be_hex(&"ffffffff00000000".repeat($big_bytes / 8))
                        .rem_vartime(&NonZero::new(p).unwrap()),
                    $Big::from_be_hex(&"00000000ffffffff".repeat($big_bytes / 8))
                        .rem_vartime(&NonZero::new(p).unwrap()),
                ]
                .iter()
                .map(fe)
                .collect();
                let mut rng = Rng($seed + 2);
                while v.len() < 80 {
                    if let Some(x) = Fe::from_be_bytes(&random_bytes(&mut rng)) {
                        v.push(x);
                    }
                }
                v
            }

            #[test]
            fn parsing_rejects_p_and_above() {
                let wide: [u8; $big_bytes] = $Big::from_be_hex(P_HEX).to_be_bytes().into();
                let p: [u8; $bytes] = wide[$big_bytes - $bytes..].try_into().unwrap();
                assert!(Fe::from_be_bytes(&p).is_none());
                assert!(Fe::from_be_bytes(&[0xff; $bytes]).is_none());
                let mut below = p;
                below[$bytes - 1] -= 1;
                assert!(Fe::from_be_bytes(&below).is_some());
            }

            #[test]
            fn field_operations_match_crypto_bigint() {
                let p = NonZero::new($Big::from_be_hex(P_HEX)).unwrap();
                let xs = samples();
                let mut checked = 0;
                for a in &xs {
                    assert_eq!(big(&a.square()), big(a).mul_mod(&big(a), &p));
                    assert_eq!(big(&a.neg()), $Big::ZERO.sub_mod(&big(a), &p));
                    for b in &xs {
                        let (ba, bb) = (big(a), big(b));
                        assert_eq!(big(&a.mul(b)), ba.mul_mod(&bb, &p));
                        assert_eq!(big(&a.add(b)), ba.add_mod(&bb, &p));
                        assert_eq!(big(&a.sub(b)), ba.sub_mod(&bb, &p));
                        checked += 1;
                    }
                }
                std::println!(
                    concat!(stringify!($field), ": {} pairs checked for mul/add/sub"),
                    checked
                );
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
    };
}

mod p256 {
    curve_tests!(
        p256,
        sha2::Sha256,
        32,
        p256_verify,
        p256_field,
        p256_point,
        U256,
        32,
        "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff",
        255,
        0x256
    );
}

mod p384 {
    curve_tests!(
        p384,
        sha2::Sha384,
        48,
        p384_verify,
        p384_field,
        p384_point,
        U384,
        48,
        "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff",
        383,
        0x384
    );
}

mod p521 {
    curve_tests!(
        p521,
        sha2::Sha512,
        66,
        p521_verify,
        p521_field,
        p521_point,
        U576,
        72,
        "00000000000001ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
        520,
        0x521
    );
}

mod k256 {
    curve_tests!(
        k256,
        sha2::Sha256,
        32,
        k256_verify,
        k256_field,
        k256_point,
        U256,
        32,
        "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f",
        255,
        0x2561
    );
}
