//! ECDSA for `ES256`, `ES384`, `ES512` (RFC 7518 §3.4) and `ES256K` (RFC 8812
//! §3.2), with JWS's fixed-width `r ‖ s` signature encoding.
//!
//! Encoding rules, all enforced by RustCrypto's `Signature::from_slice`:
//! - the signature is exactly twice the field size (64, 96 or 132 bytes), so
//!   an ASN.1 DER signature, a truncated one or one with a trailing byte never
//!   parses (RFC 7518 §3.4 mandates the raw form);
//! - `r` and `s` must lie in `[1, n − 1]`; `r = s = 0` is the "psychic
//!   signature" forgery of CVE-2022-21449, and values ≥ n are non-canonical.
//!
//! High-S signatures are valid ECDSA and are accepted (RFC 7515 Appendix A.3
//! itself has one); JWS has no low-S rule.
//!
//! Verification runs on our variable-time code (`curve_verify` over
//! `p256_verify`, `p384_verify`, `p521_verify`, `k256_verify` and the
//! modules beside them), where the project departs from RustCrypto as issue
//! 7 asks (like RSA and Ed25519 verification): it only ever sees public data
//! (key, message, signature), and its tests check it against the curve
//! crates' own `verify` on random, tampered and edge inputs. Signing stays on
//! RustCrypto.

use alloc::vec::Vec;

use signature::Signer;

use crate::error::{Error, err};
use crate::key::{EcPrivate, EcPublic};

/// Repeats `body` once per listed index, bound as a `const`: at
/// `opt-level = "z"` (size builds) the compiler keeps loops as loops and the
/// limb arrays in memory; written out with constant indices, the limbs stay
/// in wasm locals. (Measured: the field multiply is the whole cost of a
/// verification.)
macro_rules! unroll {
    ($k:ident in [$($n:literal)*] $body:block) => {
        $({
            #[allow(non_upper_case_globals)]
            const $k: usize = $n;
            $body
        })*
    };
}

/// The `2·$l`-limb product of two elements' limbs `$a` and `$b`, with the
/// limb indices `0‥$l−1` listed (unrolled by [`unroll!`]; the same code
/// for every field).
macro_rules! wide_mul {
    ($l:expr, $a:expr, $b:expr, [$($n:literal)*]) => {{
        let (a, b) = ($a, $b);
        let mut t = [0u32; 2 * $l];
        unroll!(i in [$($n)*] {
            let ai = a[i] as u64;
            let mut carry = 0u64;
            unroll!(j in [$($n)*] {
                // (2³² − 1)² + 2·(2³² − 1) = 2⁶⁴ − 1: never overflows.
                let v = ai * (b[j] as u64) + (t[i + j] as u64) + carry;
                t[i + j] = v as u32;
                carry = v >> 32;
            });
            t[i + $l] = carry as u32;
        });
        t
    }};
}

/// The `2·$l`-limb square of an element's limbs `$a`, with the limb
/// indices `0‥$l−1` listed: each cross product once (the pairs j > i, which
/// the unrolling resolves at compile time), doubled, plus the diagonal.
/// Unrolled like [`wide_mul!`].
macro_rules! wide_square {
    ($l:expr, $a:expr, [$($n:literal)*]) => {{
        let a = $a;
        let mut t = [0u32; 2 * $l];
        unroll!(i in [$($n)*] {
            let ai = a[i] as u64;
            let mut carry = 0u64;
            unroll!(j in [$($n)*] {
                if j > i {
                    let v = ai * (a[j] as u64) + (t[i + j] as u64) + carry;
                    t[i + j] = v as u32;
                    carry = v >> 32;
                }
            });
            t[i + $l] = carry as u32;
        });
        // Double: the cross sum is below half the square, so no bit falls
        // off the top.
        let mut k = 2 * $l - 1;
        while k > 0 {
            t[k] = (t[k] << 1) | (t[k - 1] >> 31);
            k -= 1;
        }
        t[0] <<= 1;
        let mut carry = 0u64;
        unroll!(i in [$($n)*] {
            let sq = (a[i] as u64) * (a[i] as u64);
            let lo = (t[2 * i] as u64) + (sq & 0xffff_ffff) + carry;
            t[2 * i] = lo as u32;
            let hi = (t[2 * i + 1] as u64) + (sq >> 32) + (lo >> 32);
            t[2 * i + 1] = hi as u32;
            carry = hi >> 32;
        });
        // The square fits its 2·$l limbs: the last carry is always zero.
        let _ = carry;
        t
    }};
}

/// The methods every field with limbs `[u32; L]` and prime `P` in scope
/// shares, for an element type wrapping its fully reduced limbs.
macro_rules! field_basics {
    () => {
        pub(super) const ZERO: Self = Self([0; L]);
        pub(super) const ONE: Self = {
            let mut one = [0; L];
            one[0] = 1;
            Self(one)
        };

        /// The element with the value `words`; `None` if it is `≥ p`.
        pub(super) const fn from_words(words: [u32; L]) -> Option<Self> {
            if super::limbs::geq(&words, &P) {
                None
            } else {
                Some(Self(words))
            }
        }

        pub(super) const fn is_zero(&self) -> bool {
            self.eq(&Self::ZERO)
        }

        /// Limb-wise equality usable in `const` context.
        pub(super) const fn eq(&self, other: &Self) -> bool {
            let mut i = 0;
            while i < L {
                if self.0[i] != other.0[i] {
                    return false;
                }
                i += 1;
            }
            true
        }

        #[inline(always)]
        pub(super) const fn add(&self, rhs: &Self) -> Self {
            Self(super::limbs::add_mod(&self.0, &rhs.0, &P))
        }

        #[inline(always)]
        pub(super) const fn sub(&self, rhs: &Self) -> Self {
            Self(super::limbs::sub_mod(&self.0, &rhs.0, &P))
        }

        pub(super) const fn neg(&self) -> Self {
            Self::ZERO.sub(self)
        }

        pub(super) const fn double(&self) -> Self {
            self.add(self)
        }

        /// `self^(2^n)`.
        pub(super) const fn square_n(&self, n: u32) -> Self {
            let mut r = *self;
            let mut i = 0;
            while i < n {
                r = r.square();
                i += 1;
            }
            r
        }
    };
}

/// Parsing and the products of a field with limbs `[u32; L]`, whose
/// module provides `reduce` for the `2·L`-limb product: `$bytes`-byte
/// big-endian parsing, and [`wide_mul!`]/[`wide_square!`] unrolled over the
/// limb indices `$n`.
macro_rules! field_products {
    ($bytes:literal, [$($n:literal)*]) => {
        /// Parses big-endian bytes; `None` for a value `≥ p`.
        pub(super) const fn from_be_bytes(bytes: &[u8; $bytes]) -> Option<Self> {
            Self::from_words(super::limbs::words_from_be(bytes))
        }

        /// Unrolled, so that the limbs stay in wasm locals (see `unroll!`).
        pub(super) const fn mul(&self, rhs: &Self) -> Self {
            reduce(&wide_mul!(L, &self.0, &rhs.0, [$($n)*]))
        }

        /// Squaring: each cross product once, doubled, plus the diagonal.
        pub(super) const fn square(&self) -> Self {
            reduce(&wide_square!(L, &self.0, [$($n)*]))
        }
    };
}

mod curve_verify;
mod k256_field;
mod k256_point;
mod k256_verify;
mod limbs;
mod p256_field;
mod p256_point;
mod p256_verify;
mod p384_field;
mod p384_point;
mod p384_verify;
mod p521_field;
mod p521_point;
mod p521_verify;
mod point;
mod scalar_inverse;
#[cfg(test)]
mod tests;
mod wnaf;

pub(crate) use k256_verify::Public as K256Public;
pub(crate) use p256_verify::Public as P256Public;
pub(crate) use p384_verify::Public as P384Public;
pub(crate) use p521_verify::Public as P521Public;

/// Deterministic (RFC 6979) signature of `msg`, as fixed-width `r ‖ s`.
///
/// `Signature::to_bytes` writes each scalar as a full big-endian field element,
/// so short `r`/`s` values come out left-padded with zeros as RFC 7518 §3.4
/// requires.
pub(super) fn sign(key: &EcPrivate, msg: &[u8]) -> Result<Vec<u8>, Error> {
    macro_rules! sign_with {
        ($sk:expr, $sig:ty) => {
            Signer::<$sig>::try_sign($sk, msg).map(|sig| sig.to_bytes().to_vec())
        };
    }
    let signed = match key {
        EcPrivate::P256(sk) => sign_with!(sk, p256::ecdsa::Signature),
        EcPrivate::P384(sk) => sign_with!(sk, p384::ecdsa::Signature),
        EcPrivate::P521(sk) => sign_with!(sk, p521::ecdsa::Signature),
        EcPrivate::K256(sk) => sign_with!(sk, k256::ecdsa::Signature),
    };
    signed.map_err(|_| err!(InvalidKey, "Unable to sign with the EC key"))
}

/// Verifies `sig` over `msg` with a public key.
pub(super) fn verify(key: &EcPublic, msg: &[u8], sig: &[u8]) -> bool {
    match key {
        // The variable-time paths (public data only), with the tables cached
        // in the key.
        EcPublic::P256(pk) => p256_verify::verify(pk, msg, sig),
        EcPublic::P384(pk) => p384_verify::verify(pk, msg, sig),
        EcPublic::P521(pk) => p521_verify::verify(pk, msg, sig),
        EcPublic::K256(pk) => k256_verify::verify(pk, msg, sig),
    }
}

/// Verifies `sig` over `msg` with the public half of a private key.
pub(super) fn verify_with_private(key: &EcPrivate, msg: &[u8], sig: &[u8]) -> bool {
    match key {
        EcPrivate::P256(sk) => p256_verify::verify_uncached(sk.verifying_key(), msg, sig),
        EcPrivate::P384(sk) => p384_verify::verify_uncached(sk.verifying_key(), msg, sig),
        EcPrivate::P521(sk) => p521_verify::verify_uncached(sk.verifying_key(), msg, sig),
        EcPrivate::K256(sk) => k256_verify::verify_uncached(sk.verifying_key(), msg, sig),
    }
}
