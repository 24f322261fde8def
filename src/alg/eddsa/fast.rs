//! Variable-time Ed25519 verification with ed25519-dalek's `verify_strict`
//! accept set (differential-tested against it in `tests`).

use curve25519_dalek::edwards::{CompressedEdwardsY, EdwardsPoint};
use curve25519_dalek::scalar::Scalar;
use sha2::{Digest, Sha512};

use super::Ed25519Public;
use super::public::Multiplier;

/// Whether the 255-bit `y` of an encoded point is below p = 2^255 − 19.
///
/// Decompression reduces `y` mod p, so the 19 encodings with y ≥ p decode;
/// compression never produces them, so `verify_strict` (which compares the
/// compressed `R'` with the bytes of `R`) rejects them, and so must we, since
/// we compare points.
fn canonical_y(bytes: &[u8; 32]) -> bool {
    let (low, rest) = bytes.split_at(1);
    let (middle, top) = rest.split_at(30);
    !(top.iter().all(|&b| b & 0x7f == 0x7f)
        && middle.iter().all(|&b| b == 0xff)
        && low.iter().all(|&b| b >= 0xed))
}

/// Verifies a 64-byte Ed25519 signature `R ‖ S` over `msg`.
///
/// Same checks as `verify_strict`: canonical `S < ℓ`, `R` decodes, neither
/// `R` nor `A` has small order, and `[S]B − [k]A` is `R` with
/// `k = SHA-512(R ‖ A ‖ msg)`. The last check compares points projectively
/// instead of compressing `[S]B − [k]A` (which costs an inversion); that is
/// the same as comparing encodings once `R`'s encoding is known canonical:
/// `y < p` is checked on the bytes, and the other non-canonical encoding
/// ("negative zero", x = 0 with the sign bit set) only exists for y = ±1, the
/// points of order 1 and 2, which the small-order check rejects.
pub(crate) fn verify(public: &Ed25519Public, msg: &[u8], sig: &[u8]) -> bool {
    public
        .multiplier()
        .is_some_and(|m| verify_with(public, &m, msg, sig))
}

/// `verify` with the multiplication chosen by the caller.
pub(super) fn verify_with(
    public: &Ed25519Public,
    multiplier: &Multiplier<'_>,
    msg: &[u8],
    sig: &[u8],
) -> bool {
    let Ok(sig) = <&[u8; 64]>::try_from(sig) else {
        return false;
    };
    let (r_bytes, s_bytes) = sig.split_at(32);
    let (Ok(r_bytes), Ok(s_bytes)) = (<[u8; 32]>::try_from(r_bytes), <[u8; 32]>::try_from(s_bytes))
    else {
        return false;
    };
    let Some(s) = Option::<Scalar>::from(Scalar::from_canonical_bytes(s_bytes)) else {
        return false;
    };
    if !canonical_y(&r_bytes) {
        return false;
    }
    let Some(r) = CompressedEdwardsY(r_bytes).decompress() else {
        return false;
    };
    if r.is_small_order() {
        return false;
    }
    let digest: [u8; 64] = Sha512::new()
        .chain_update(r_bytes)
        .chain_update(public.as_bytes())
        .chain_update(msg)
        .finalize()
        .into();
    let k = Scalar::from_bytes_mod_order_wide(&digest);
    let r_prime = match multiplier {
        Multiplier::PerCall(minus_a) => {
            EdwardsPoint::vartime_double_scalar_mul_basepoint(&k, minus_a, &s)
        }
        Multiplier::Cached(tables) => {
            use curve25519_dalek::traits::VartimePrecomputedMultiscalarMul;
            tables.vartime_multiscalar_mul([s, k])
        }
    };
    r_prime == r
}
