//! ECDSA verification over our variable-time curve code, the same for
//! P-256, P-384, P-521 and secp256k1: u₁·G + u₂·Q by interleaved wNAF (Shamir's
//! trick), one shared chain of doublings and additions from tables of odd
//! multiples.
//!
//! A public key that verifies more than once keeps tables
//! ([`curve_verify`]'s `Public`): each scalar is split in four B-bit parts,
//! u = Σ uⱼ·2ᴮʲ, against tables of 2ᴮʲ·P, so eight quarter-length terms
//! share B doublings instead of 4·B (the doublings were most of the cost).
//! The generator's tables are made by the compiler. A key's tables cost about
//! two and a half verifications and halve each one, so they are built on its
//! second verification (`super::super::lazy`): importing a key stays cheap
//! (decoding with a JWK object imports it on every call). Before
//! that, without `std`, and for the public half of a private key, the
//! full-length u₂ goes against a per-call table of Q.
//!
//! The signature is parsed and z, u₁ = z·s⁻¹ and u₂ = r·s⁻¹ computed with
//! the RustCrypto curve crate's own types, exactly as its `verify` does
//! (the digest, left-padded to the field size when shorter, reduced mod n),
//! so the encoding rules (fixed length, 1 ≤ r, s < n, high-S accepted)
//! cannot drift. Ours is the point arithmetic, checked against the curve
//! crate in `tests`.

/// The verification functions and cached public key (`Public`) for the
/// RustCrypto curve crate `$curve`, hashing with `$Hash`, whose scalars are
/// `$limbs` limbs or `$bytes` bytes and split in four parts of `$part_bits`
/// bits (a quarter of n's bit length, rounded up). The invoking module
/// provides `N`, `G` (written with the `fe` made here) and the curve's `Fe`,
/// `Affine`, `lincomb`, `odd_multiples`, `quarter_tables` and `x_matches`.
macro_rules! curve_verify {
    ($curve:ident, $Hash:ty, $limbs:literal, $bytes:literal, $part_bits:literal) => {
        /// The wNAF window width of the generator's and a cached key's tables.
        const WINDOW: u32 = 6;
        const ENTRIES: usize = 1 << (WINDOW - 2);
        /// The same for a per-call table, which is built on every call.
        const WINDOW_UNCACHED: u32 = 5;
        const ENTRIES_UNCACHED: usize = 1 << (WINDOW_UNCACHED - 2);
        /// wNAF digits of a scalar: recoding can carry one past the top bit.
        const DIGITS: usize = 32 * $limbs + 1;
        /// Bits per scalar part, B.
        pub(super) const PART_BITS: usize = $part_bits;

        /// `G_TABLES[j][i] = (2i + 1)·2ᴮʲ·G`, computed by the compiler.
        pub(super) const G_TABLES: [[Affine; ENTRIES]; 4] =
            match quarter_tables::<ENTRIES>(&G, PART_BITS as u32) {
                Some(tables) => tables,
                // A compile-time error, never a run-time panic.
                None => panic!("a generator table has a point at infinity"),
            };

        /// A curve constant below p, at compile time.
        const fn fe(words: [u32; $limbs]) -> Fe {
            match Fe::from_words(words) {
                Some(fe) => fe,
                None => panic!("a curve constant is not below p"),
            }
        }

        /// The verifications a key does before its tables are built.
        const TABLES_AFTER: u32 = 1;

        /// `Q_j, 3Q_j, …` for Q_j = 2ᴮʲ·Q.
        type Tables = [[Affine; ENTRIES]; 4];

        /// A public key with its verification tables, built on its second
        /// verification. Dereferences to the RustCrypto key for everything
        /// else (export, JWK, …).
        #[derive(Clone)]
        pub(crate) struct Public {
            key: $curve::ecdsa::VerifyingKey,
            /// Shared with the key's clones, and boxed so that a key whose
            /// tables are never built does not hold their room. `None` inside
            /// only if the key's coordinates could not be read, which a valid
            /// `VerifyingKey` rules out; verification then takes the per-call
            /// path.
            tables: alloc::sync::Arc<super::super::lazy::Lazy<Option<alloc::boxed::Box<Tables>>>>,
        }

        impl From<$curve::ecdsa::VerifyingKey> for Public {
            fn from(key: $curve::ecdsa::VerifyingKey) -> Self {
                Self {
                    key,
                    tables: alloc::sync::Arc::default(),
                }
            }
        }

        impl Public {
            /// Whether the key's tables have been built.
            #[cfg(test)]
            pub(super) fn has_tables(&self) -> bool {
                self.tables.is_built()
            }
        }

        /// The key's tables.
        fn tables(key: &$curve::ecdsa::VerifyingKey) -> Option<alloc::boxed::Box<Tables>> {
            affine_of(key)
                .and_then(|q| quarter_tables(&q, PART_BITS as u32))
                .map(alloc::boxed::Box::new)
        }

        impl core::ops::Deref for Public {
            type Target = $curve::ecdsa::VerifyingKey;
            fn deref(&self) -> &Self::Target {
                &self.key
            }
        }

        /// r, u₁ and u₂ of a signature.
        type Scalars = ([u32; $limbs], [u32; $limbs], [u32; $limbs]);

        /// Verifies the raw `r ‖ s` signature `sig` over `msg` with a public
        /// key, over its tables once they are built.
        pub(crate) fn verify(key: &Public, msg: &[u8], sig: &[u8]) -> bool {
            // The signature first: a malformed one counts no use and costs no
            // table.
            let Some(scalars) = scalars(msg, sig) else {
                return false;
            };
            match key.tables.get_after(TABLES_AFTER, || tables(&key.key)) {
                Some(Some(tables)) => verify_cached(tables, &scalars),
                _ => verify_uncached_with(&key.key, &scalars)
                    .unwrap_or_else(|| verify_rustcrypto(&key.key, msg, sig)),
            }
        }

        /// Verifies over a key's tables.
        fn verify_cached(tables: &Tables, (r, u1, u2): &Scalars) -> bool {
            let [a0, a1, a2, a3] = quarters(u1);
            let [b0, b1, b2, b3] = quarters(u2);
            let [g0, g1, g2, g3] = &G_TABLES;
            let [q0, q1, q2, q3] = tables;
            let sum = lincomb(&[
                (digits(&a0, WINDOW), g0),
                (digits(&a1, WINDOW), g1),
                (digits(&a2, WINDOW), g2),
                (digits(&a3, WINDOW), g3),
                (digits(&b0, WINDOW), q0),
                (digits(&b1, WINDOW), q1),
                (digits(&b2, WINDOW), q2),
                (digits(&b3, WINDOW), q3),
            ]);
            sum.is_some_and(|sum| x_matches(&sum, r, &N))
        }

        /// Verifies with a key that has no cached tables (the public half of
        /// a private key): full-length scalars and a per-call table of Q.
        pub(crate) fn verify_uncached(
            key: &$curve::ecdsa::VerifyingKey,
            msg: &[u8],
            sig: &[u8],
        ) -> bool {
            // The signature first: a malformed one costs no table.
            scalars(msg, sig).is_some_and(|scalars| {
                verify_uncached_with(key, &scalars)
                    .unwrap_or_else(|| verify_rustcrypto(key, msg, sig))
            })
        }

        /// The per-call path; `None` if the key's table cannot be built
        /// (which a valid key rules out).
        fn verify_uncached_with(
            key: &$curve::ecdsa::VerifyingKey,
            (r, u1, u2): &Scalars,
        ) -> Option<bool> {
            let q = affine_of(key).and_then(|q| odd_multiples::<ENTRIES_UNCACHED>(&q))?;
            let sum = lincomb(&[
                (digits(u1, WINDOW), &G_TABLES[0]),
                (digits(u2, WINDOW_UNCACHED), &q),
            ]);
            Some(sum.is_some_and(|sum| x_matches(&sum, r, &N)))
        }

        /// Both paths, over the key's tables and without, which must agree;
        /// the tests check the verdict against the curve crate.
        #[cfg(test)]
        pub(super) fn verify_both(
            key: &$curve::ecdsa::VerifyingKey,
            msg: &[u8],
            sig: &[u8],
        ) -> bool {
            let Some(tables) = tables(key) else {
                panic!("no tables for a valid key");
            };
            let cached = scalars(msg, sig).is_some_and(|s| verify_cached(&tables, &s));
            assert_eq!(
                cached,
                verify_uncached(key, msg, sig),
                "msg {msg:?} sig {sig:?}"
            );
            cached
        }

        /// The curve crate's own verification, as plain ECDSA: `(r, s)`
        /// verifies exactly when `(r, n − s)` does, and `k256` alone would
        /// reject every high-S signature (Bitcoin's rule, not JWS's).
        fn verify_rustcrypto(key: &$curve::ecdsa::VerifyingKey, msg: &[u8], sig: &[u8]) -> bool {
            use signature::Verifier;
            $curve::ecdsa::Signature::from_slice(sig)
                .is_ok_and(|sig| key.verify(msg, &sig.normalize_s()).is_ok())
        }

        /// The key's point in our affine form.
        fn affine_of(key: &$curve::ecdsa::VerifyingKey) -> Option<Affine> {
            let point = key.to_sec1_point(false);
            let bytes = point.as_bytes();
            // Uncompressed SEC1: 0x04 ‖ x ‖ y.
            let x = Fe::from_be_bytes(bytes.get(1..1 + $bytes)?.try_into().ok()?)?;
            let y = Fe::from_be_bytes(bytes.get(1 + $bytes..1 + 2 * $bytes)?.try_into().ok()?)?;
            Some(Affine { x, y })
        }

        /// The scalars of a signature over `msg`: r and (u₁, u₂), or `None`
        /// when the signature does not parse (wrong length, r or s outside
        /// [1, n − 1]).
        fn scalars(msg: &[u8], sig: &[u8]) -> Option<Scalars> {
            use sha2::Digest;
            use $curve::elliptic_curve::ops::Reduce;
            let sig = $curve::ecdsa::Signature::from_slice(sig).ok()?;
            let (r, s) = sig.split_scalars();
            let digest = <$Hash>::digest(msg);
            let mut field = $curve::FieldBytes::default();
            let pad = field.len().checked_sub(digest.len())?;
            field.get_mut(pad..)?.copy_from_slice(&digest);
            let z = <$curve::Scalar as Reduce<$curve::FieldBytes>>::reduce(&field);
            let s_inv = invert(&s)?;
            Some((words(&r), words(&(z * s_inv)), words(&(*r * s_inv))))
        }

        /// s⁻¹ by our binary inversion (`scalar_inverse`), accepted only
        /// once the curve crate confirms s·s⁻¹ = 1; otherwise (never seen,
        /// but cheap to rule out) the crate's own inversion. `None` only for
        /// s = 0, which `Signature` already excludes.
        fn invert(s: &$curve::Scalar) -> Option<$curve::Scalar> {
            use $curve::elliptic_curve::ff::PrimeField;
            let fast = super::scalar_inverse::invert(&words(s), &N)
                .and_then(|w| {
                    let bytes = super::limbs::words_to_be::<$limbs, $bytes>(&w);
                    Option::<$curve::Scalar>::from($curve::Scalar::from_repr(bytes.into()))
                })
                .filter(|inv| *inv * s == $curve::Scalar::ONE);
            fast.or_else(|| s.invert_vartime().into())
        }

        fn words(k: &$curve::Scalar) -> [u32; $limbs] {
            use $curve::elliptic_curve::ff::PrimeField;
            super::limbs::words_from_be::<$limbs, $bytes>(&k.to_repr().into())
        }

        /// The four B-bit parts of `k`, least significant first.
        fn quarters(k: &[u32; $limbs]) -> [[u32; $limbs]; 4] {
            core::array::from_fn(|j| super::limbs::bit_range(k, j * PART_BITS, PART_BITS))
        }

        /// The wNAF digits of a scalar (or part).
        fn digits(k: &[u32; $limbs], w: u32) -> [i8; DIGITS] {
            super::wnaf::recode(k, w)
        }
    };
}

pub(super) use curve_verify;
