//! EC keys to and from JWK coordinates, for each supported curve.

use alloc::vec::Vec;

use zeroize::Zeroizing;

use super::{EcPrivate, EcPublic, Material};
use crate::algorithm::Curve;
use crate::error::{Error, err};

/// Builds the material for `curve` from an uncompressed SEC1 point and an
/// optional private scalar of the curve's width.
pub(super) fn material(curve: Curve, sec1: &[u8], d: Option<&[u8]>) -> Result<Material, Error> {
    macro_rules! build {
        ($m:ident, $variant:ident) => {{
            // SEC 1 §3.2.2: the point must lie on the curve (invalid-curve attacks).
            let public = $m::ecdsa::VerifyingKey::from_sec1_bytes(sec1).map_err(|_| {
                err!(
                    InvalidKey,
                    "The EC point is not on the curve {}",
                    curve.name()
                )
            })?;
            match d {
                None => Material::EcPublic(EcPublic::$variant(public.into())),
                Some(d) => {
                    let secret = $m::ecdsa::SigningKey::from_slice(d)
                        .map_err(|_| err!(InvalidKey, "Invalid EC private key"))?;
                    if *secret.verifying_key() != public {
                        return Err(err!(
                            InvalidKey,
                            "The EC private key does not match x and y"
                        ));
                    }
                    Material::EcPrivate(EcPrivate::$variant(secret))
                }
            }
        }};
    }
    Ok(match curve {
        Curve::P256 => build!(p256, P256),
        Curve::P384 => build!(p384, P384),
        Curve::P521 => build!(p521, P521),
        Curve::Secp256k1 => build!(k256, K256),
    })
}

/// The uncompressed SEC1 encoding `04 || x || y` of a public key.
pub(super) fn public_point(key: &EcPublic) -> Vec<u8> {
    match key {
        EcPublic::P256(k) => k.to_sec1_point(false).as_bytes().to_vec(),
        EcPublic::P384(k) => k.to_sec1_point(false).as_bytes().to_vec(),
        EcPublic::P521(k) => k.to_sec1_point(false).as_bytes().to_vec(),
        EcPublic::K256(k) => k.to_sec1_point(false).as_bytes().to_vec(),
    }
}

/// The private scalar, big-endian and left-padded to the curve's width.
pub(super) fn private_scalar(key: &EcPrivate) -> Zeroizing<Vec<u8>> {
    Zeroizing::new(match key {
        EcPrivate::P256(k) => k.to_bytes().to_vec(),
        EcPrivate::P384(k) => k.to_bytes().to_vec(),
        EcPrivate::P521(k) => k.to_bytes().to_vec(),
        EcPrivate::K256(k) => k.to_bytes().to_vec(),
    })
}
