//! RSAVP1 (RFC 8017 §5.2.2) over [`Modulus`], with the per-key context that a
//! [`Key`](crate::Key) computes once at import.

use alloc::vec::Vec;

use rsa::traits::PublicKeyParts;

use super::montgomery::{self, Modulus};

/// What verification needs of a public key, ready for the fast path: the
/// Montgomery constants of n, the exponent, and the sizes.
#[derive(Clone)]
pub(crate) struct Context {
    modulus: Modulus,
    /// The public exponent, big-endian without leading zeros.
    e: Vec<u8>,
    /// k, the length of n in bytes (and of every signature).
    size: usize,
    /// The bit length of n.
    bits: usize,
}

impl Context {
    /// The context for `key`, or `None` for a modulus no RustCrypto key can
    /// have (even, or far above its 8,192-bit limit; see [`Modulus::new`]).
    pub(crate) fn new(key: &impl PublicKeyParts) -> Option<Self> {
        let n = key.n_bytes();
        let modulus = Modulus::new(&n)?;
        Some(Self {
            modulus,
            e: key.e_bytes().into_vec(),
            size: key.size(),
            bits: montgomery::bit_length(&n),
        })
    }

    /// The bit length of n (modBits).
    pub(super) fn bits(&self) -> usize {
        self.bits
    }

    /// `m = s^e mod n` as k big-endian bytes, or `None` when the signature is
    /// not exactly k bytes or its value is not below n (RFC 8017 §8.2.2 step
    /// 1 and §5.2.2 step 1).
    pub(super) fn rsavp1(&self, sig: &[u8]) -> Option<Vec<u8>> {
        if sig.len() != self.size {
            return None;
        }
        let s = self.modulus.limbs_of(sig)?;
        if !self.modulus.is_below(&s) {
            return None;
        }
        let m = self.modulus.pow(&s, &self.e);
        Some(self.modulus.bytes_of(&m, self.size))
    }
}
