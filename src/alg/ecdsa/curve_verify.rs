//! ECDSA verification over our variable-time curve code for the curves
//! without a per-key cache (P-384, P-521): u₁·G + u₂·Q by interleaved wNAF
//! (Shamir's trick), one shared chain of doublings, additions from a
//! compile-time table of G and a per-call table of Q.
//!
//! The signature is parsed and z, u₁ = z·s⁻¹ and u₂ = r·s⁻¹ computed with
//! the RustCrypto curve crate's own types, exactly as its `verify` does
//! (the digest, left-padded to the field size when shorter, reduced mod n),
//! so the encoding rules (fixed length, 1 ≤ r, s < n, high-S accepted)
//! cannot drift. Ours is the point arithmetic, checked against the curve
//! crate in `tests`.

/// The verification functions for the RustCrypto curve crate `$curve`,
/// hashing with `$Hash`, whose scalars are `$limbs` limbs or `$bytes` bytes
/// and recode into `$digits` wNAF digits. The invoking module provides `N`,
/// `G` (written with the `fe` made here) and the curve's `Fe`, `Affine`,
/// `lincomb`, `odd_multiples` and `x_matches`.
macro_rules! curve_verify {
    ($curve:ident, $Hash:ty, $limbs:literal, $bytes:literal, $digits:literal) => {
        /// The wNAF window widths: G's table is made once by the compiler,
        /// Q's on every call.
        const G_WINDOW: u32 = 7;
        const G_ENTRIES: usize = 1 << (G_WINDOW - 2);
        const Q_WINDOW: u32 = 5;
        const Q_ENTRIES: usize = 1 << (Q_WINDOW - 2);

        /// `G_TABLE[i] = (2i + 1)·G`, computed by the compiler.
        const G_TABLE: [Affine; G_ENTRIES] = match odd_multiples::<G_ENTRIES>(&G) {
            Some(table) => table,
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

        /// Verifies the raw `r ‖ s` signature `sig` over `msg`.
        pub(super) fn verify(key: &$curve::ecdsa::VerifyingKey, msg: &[u8], sig: &[u8]) -> bool {
            // The signature first: a malformed one costs no table.
            let Some((r, u1, u2)) = scalars(msg, sig) else {
                return false;
            };
            let Some(q) = affine_of(key).and_then(|q| odd_multiples::<Q_ENTRIES>(&q)) else {
                return verify_rustcrypto(key, msg, sig);
            };
            let sum = lincomb(&[
                (digits(&u1, G_WINDOW), &G_TABLE[..]),
                (digits(&u2, Q_WINDOW), &q[..]),
            ]);
            sum.is_some_and(|sum| x_matches(&sum, &r, &N))
        }

        fn verify_rustcrypto(key: &$curve::ecdsa::VerifyingKey, msg: &[u8], sig: &[u8]) -> bool {
            use signature::Verifier;
            $curve::ecdsa::Signature::from_slice(sig).is_ok_and(|sig| key.verify(msg, &sig).is_ok())
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
        fn scalars(
            msg: &[u8],
            sig: &[u8],
        ) -> Option<([u32; $limbs], [u32; $limbs], [u32; $limbs])> {
            use sha2::Digest;
            use $curve::elliptic_curve::ops::Reduce;
            let sig = $curve::ecdsa::Signature::from_slice(sig).ok()?;
            let (r, s) = sig.split_scalars();
            let digest = <$Hash>::digest(msg);
            let mut field = $curve::FieldBytes::default();
            let pad = field.len().checked_sub(digest.len())?;
            field.get_mut(pad..)?.copy_from_slice(&digest);
            let z = <$curve::Scalar as Reduce<$curve::FieldBytes>>::reduce(&field);
            let s_inv = Option::<$curve::Scalar>::from(s.invert_vartime())?;
            Some((words(&r), words(&(z * s_inv)), words(&(*r * s_inv))))
        }

        fn words(k: &$curve::Scalar) -> [u32; $limbs] {
            use $curve::elliptic_curve::ff::PrimeField;
            super::limbs::words_from_be::<$limbs, $bytes>(&k.to_repr().into())
        }

        /// The wNAF digits of a scalar.
        fn digits(k: &[u32; $limbs], w: u32) -> [i8; $digits] {
            super::wnaf::recode(k, w)
        }
    };
}

pub(super) use curve_verify;
