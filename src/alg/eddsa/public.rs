//! `Ed25519Public`: an Ed25519 verifying key with its verification tables.
//!
//! Verification only ever handles public data (key, signature, message), so
//! it may run in variable time (the project's one exception to "RustCrypto
//! for everything", see the README's Performance section). Wide
//! (width-8 NAF) tables for `[B, −A]` make each verification ~20% cheaper,
//! but building them (128 field inversions) costs about ten verifications,
//! repaid only after ~50: a key imported for one or two tokens must not pay
//! that (it would make importing an Ed25519 key ~70× slower). So
//! the tables are built lazily (`super::super::lazy`), once a key (and its
//! clones) has verified `TABLES_AFTER` signatures; until then, and without
//! `std`, verification uses ed25519-dalek's per-call width-5 tables.

use alloc::sync::Arc;
use core::ops::Deref;

use curve25519_dalek::edwards::EdwardsPoint;
use curve25519_dalek::edwards::VartimeEdwardsPrecomputation;
use ed25519_dalek::VerifyingKey;

use super::super::lazy::Lazy;

/// How many verifications a key does before its tables are built.
const TABLES_AFTER: u32 = 32;

/// An Ed25519 public key and what makes its verification fast.
///
/// Derefs to the ed25519-dalek key, which stays the source of truth for
/// export, thumbprints and the key's bytes.
#[derive(Clone)]
pub(crate) struct Ed25519Public {
    key: VerifyingKey,
    /// `−A`; `None` for a small-order (weak) key, which verifies nothing
    /// (as with `verify_strict`).
    minus_a: Option<EdwardsPoint>,
    /// The tables for `[B, −A]`, shared with the key's clones.
    tables: Arc<Lazy<VartimeEdwardsPrecomputation>>,
}

/// How `[s]B − [k]A` is computed for one verification.
pub(super) enum Multiplier<'a> {
    /// ed25519-dalek's double-base multiplication (tables built per call).
    PerCall(&'a EdwardsPoint),
    /// One multiplication over the key's cached tables for `[B, −A]`.
    Cached(&'a VartimeEdwardsPrecomputation),
}

impl Ed25519Public {
    /// How to compute `[s]B − [k]A` this time, or `None` if the key
    /// verifies nothing. Counts the use and builds the tables when due.
    pub(super) fn multiplier(&self) -> Option<Multiplier<'_>> {
        let minus_a = self.minus_a.as_ref()?;
        Some(
            match self.tables.get_after(TABLES_AFTER, || tables(minus_a)) {
                Some(tables) => Multiplier::Cached(tables),
                None => Multiplier::PerCall(minus_a),
            },
        )
    }

    /// The key's tables, built now if they are not yet.
    #[cfg(all(test, feature = "std"))]
    pub(super) fn tables(&self, minus_a: &EdwardsPoint) -> &VartimeEdwardsPrecomputation {
        self.tables.force(|| tables(minus_a))
    }

    /// `−A`, or `None` for a key that verifies nothing (tests only).
    #[cfg(test)]
    pub(super) fn minus_a(&self) -> Option<&EdwardsPoint> {
        self.minus_a.as_ref()
    }
}

/// The wide tables for `[B, −A]`.
fn tables(minus_a: &EdwardsPoint) -> VartimeEdwardsPrecomputation {
    use curve25519_dalek::traits::VartimePrecomputedMultiscalarMul;
    let b = curve25519_dalek::constants::ED25519_BASEPOINT_POINT;
    VartimeEdwardsPrecomputation::new([b, *minus_a])
}

impl From<VerifyingKey> for Ed25519Public {
    fn from(key: VerifyingKey) -> Self {
        let a = key.to_edwards();
        let minus_a = (!a.is_small_order()).then(|| -a);
        Self {
            key,
            minus_a,
            tables: Arc::default(),
        }
    }
}

impl Deref for Ed25519Public {
    type Target = VerifyingKey;

    fn deref(&self) -> &VerifyingKey {
        &self.key
    }
}

/// An Ed25519 signing key that keeps its public half's tables.
///
/// Derefs to the ed25519-dalek signing key (signing stays constant time in
/// ed25519-dalek).
#[derive(Clone)]
pub(crate) struct Ed25519Private {
    key: ed25519_dalek::SigningKey,
    public: Ed25519Public,
}

impl Ed25519Private {
    /// The public half, tables included (a cheap clone).
    pub(crate) fn verifying_key(&self) -> Ed25519Public {
        self.public.clone()
    }
}

impl From<ed25519_dalek::SigningKey> for Ed25519Private {
    fn from(key: ed25519_dalek::SigningKey) -> Self {
        let public = Ed25519Public::from(key.verifying_key());
        Self { key, public }
    }
}

impl Deref for Ed25519Private {
    type Target = ed25519_dalek::SigningKey;

    fn deref(&self) -> &ed25519_dalek::SigningKey {
        &self.key
    }
}
