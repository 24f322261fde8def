//! `Ed25519Public`: an Ed25519 verifying key with its verification tables.
//!
//! Verification only ever handles public data (key, signature, message), so
//! it may run in variable time (CONTRACT, cryptography exception). Building
//! the tables costs about ten verifications once per key; each verification
//! then runs one multi-scalar multiplication with wide (width-8 NAF) tables
//! instead of rebuilding width-5 tables for `B` and `A` on every call.

use alloc::sync::Arc;
use core::ops::Deref;

use curve25519_dalek::constants::ED25519_BASEPOINT_POINT;
use curve25519_dalek::edwards::{CompressedEdwardsY, VartimeEdwardsPrecomputation};
use curve25519_dalek::traits::VartimePrecomputedMultiscalarMul;
use ed25519_dalek::VerifyingKey;

/// An Ed25519 public key and the tables that make verification fast.
///
/// Derefs to the ed25519-dalek key, which stays the source of truth for
/// export, thumbprints and the key's bytes.
#[derive(Clone)]
pub(crate) struct Ed25519Public {
    key: VerifyingKey,
    /// Tables for `[B, −A]`; `None` for a small-order (weak) key, which
    /// verifies nothing (as with `verify_strict`). Shared: keys are cloned.
    tables: Option<Arc<VartimeEdwardsPrecomputation>>,
}

impl Ed25519Public {
    /// The tables for `[s]B + [k](−A)`, or `None` if the key verifies nothing.
    pub(super) fn tables(&self) -> Option<&VartimeEdwardsPrecomputation> {
        self.tables.as_deref()
    }
}

impl From<VerifyingKey> for Ed25519Public {
    fn from(key: VerifyingKey) -> Self {
        // `from_bytes` already decompressed these bytes, so this succeeds; a
        // `None` would only make the key verify nothing, never wrongly accept.
        let tables = CompressedEdwardsY(key.to_bytes())
            .decompress()
            .filter(|a| !a.is_small_order())
            .map(|a| Arc::new(VartimeEdwardsPrecomputation::new([ED25519_BASEPOINT_POINT, -a])));
        Self { key, tables }
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
