//! Freshly generated keys of every family, built with RustCrypto directly.

use alloc::boxed::Box;
use alloc::vec::Vec;
use std::sync::OnceLock;

use crate::alg::rsa::SysRng;
use crate::key::{EcPrivate, EcPublic, Key, Material};
use crate::{Algorithm, Curve, Family};

/// `n` random bytes from the operating system.
fn random(n: usize) -> Vec<u8> {
    let mut buf = alloc::vec![0; n];
    getrandom::fill(&mut buf).unwrap();
    buf
}

/// One 2048-bit RSA key for the whole test run (generation takes a while).
fn rsa_key() -> &'static rsa::RsaPrivateKey {
    static KEY: OnceLock<rsa::RsaPrivateKey> = OnceLock::new();
    KEY.get_or_init(|| rsa::RsaPrivateKey::new(&mut rand_core::UnwrapErr(SysRng), 2048).unwrap())
}

/// A random EC signing key on `curve` (random scalars are below n with
/// overwhelming probability; retry otherwise).
fn ec_private(curve: Curve) -> EcPrivate {
    loop {
        let bytes = random(curve.field_len());
        let key = match curve {
            Curve::P256 => p256::ecdsa::SigningKey::from_slice(&bytes).map(EcPrivate::P256),
            Curve::P384 => p384::ecdsa::SigningKey::from_slice(&bytes).map(EcPrivate::P384),
            Curve::P521 => {
                // Keep the scalar below 2^521 so most draws are in range.
                let mut bytes = bytes;
                bytes[0] &= 0x01;
                p521::ecdsa::SigningKey::from_slice(&bytes).map(EcPrivate::P521)
            }
            Curve::Secp256k1 => k256::ecdsa::SigningKey::from_slice(&bytes).map(EcPrivate::K256),
        };
        if let Ok(key) = key {
            return key;
        }
    }
}

/// The public half of an EC signing key.
pub(super) fn ec_public(key: &EcPrivate) -> EcPublic {
    key.public()
}

/// A private key (or HMAC secret) of `family`, and its public half when the
/// family has one.
pub(super) fn generate(family: Family) -> (Key, Option<Key>) {
    match family {
        Family::Hmac => (
            Key::new(Material::Secret(crate::alg::Secret::new(random(64)))),
            None,
        ),
        Family::Rsa => {
            let private = rsa_key().clone();
            let public = private.to_public_key();
            (
                Key::new(Material::RsaPrivate(Box::new(private.into()))),
                Some(Key::new(Material::RsaPublic(Box::new(public.into())))),
            )
        }
        Family::Ec(curve) => {
            let private = ec_private(curve);
            let public = ec_public(&private);
            (
                Key::new(Material::EcPrivate(private)),
                Some(Key::new(Material::EcPublic(public))),
            )
        }
        Family::Ed25519 => {
            let seed: [u8; 32] = random(32).try_into().unwrap();
            let private = ed25519_dalek::SigningKey::from_bytes(&seed);
            let public = private.verifying_key();
            (
                Key::new(Material::Ed25519Private(Box::new(private.into()))),
                Some(Key::new(Material::Ed25519Public(alloc::boxed::Box::new(
                    public.into(),
                )))),
            )
        }
        Family::None => panic!("no key for alg none"),
    }
}

/// Every algorithm that signs (all but `none`).
pub(super) fn signing_algorithms() -> impl Iterator<Item = Algorithm> {
    Algorithm::ALL
        .into_iter()
        .filter(|alg| *alg != Algorithm::None)
}

/// One family per distinct key kind the crate supports.
pub(super) const FAMILIES: [Family; 7] = [
    Family::Hmac,
    Family::Rsa,
    Family::Ec(Curve::P256),
    Family::Ec(Curve::P384),
    Family::Ec(Curve::P521),
    Family::Ec(Curve::Secp256k1),
    Family::Ed25519,
];
