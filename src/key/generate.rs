//! Key generation from the system's random number generator.

#[cfg(any(feature = "rsa", feature = "eddsa"))]
use alloc::boxed::Box;

use super::Key;
#[cfg(any(feature = "rsa", feature = "ecdsa", feature = "eddsa"))]
use super::Material;
#[cfg(feature = "ecdsa")]
use crate::algorithm::Curve;
use crate::algorithm::{Algorithm, Family};
use crate::error::{Error, err};
#[allow(unused_imports)]
use crate::rng::OsRng;

impl Key {
    /// A new private key for `alg`, bound to it: a random HMAC secret as long
    /// as the hash output (RFC 7518 §3.2), an EC key on the algorithm's curve,
    /// an Ed25519 key, or a 2048-bit RSA key for `RS*`/`PS*`.
    ///
    /// ```
    /// use jwt_wasm::{Algorithm, Key};
    /// let key = Key::generate(Algorithm::HS512)?;
    /// assert_eq!(key.alg(), Some(Algorithm::HS512));
    /// assert_eq!(key.key_length_warning(Algorithm::HS512), None);
    /// # Ok::<(), jwt_wasm::Error>(())
    /// ```
    pub fn generate(alg: Algorithm) -> Result<Self, Error> {
        let key = match alg.family() {
            #[cfg(feature = "hmac")]
            Family::Hmac => {
                let mut secret =
                    zeroize::Zeroizing::new(alloc::vec![0u8; alg.hash().map_or(32, |h| h.len())]);
                OsRng::fill(&mut secret)?;
                Self::from_secret_unchecked(&secret)
            }
            #[cfg(feature = "rsa")]
            Family::Rsa => Self::generate_rsa(2048)?,
            #[cfg(feature = "ecdsa")]
            Family::Ec(curve) => Self::new(Material::EcPrivate(generate_ec(curve)?)),
            #[cfg(feature = "eddsa")]
            Family::Ed25519 => {
                let mut seed = zeroize::Zeroizing::new([0u8; 32]);
                OsRng::fill(seed.as_mut())?;
                Self::new(Material::Ed25519Private(Box::new(
                    ed25519_dalek::SigningKey::from_bytes(&seed).into(),
                )))
            }
            _ => return Err(err!(InvalidAlgorithm, "Cannot generate a key for {}", alg)),
        };
        key.with_alg(alg)
    }

    /// A new RSA private key of `bits` bits (2048 to 8192; shorter keys are
    /// refused, RFC 7518 §3.3), not bound to an algorithm.
    ///
    /// ```
    /// use jwt_wasm::Key;
    /// let key = Key::generate_rsa(2048)?;
    /// assert_eq!(key.to_jwk()["n"].as_str().map(str::len), Some(342)); // 256 bytes
    /// assert!(Key::generate_rsa(1024).is_err());
    /// # Ok::<(), jwt_wasm::Error>(())
    /// ```
    #[cfg(feature = "rsa")]
    pub fn generate_rsa(bits: usize) -> Result<Self, Error> {
        if !(2048..=8192).contains(&bits) {
            return Err(err!(
                InvalidKey,
                "RSA keys must be 2048 to 8192 bits long, not {}",
                bits
            ));
        }
        let mut rng = OsRng::new()?;
        let key = rsa::RsaPrivateKey::new(&mut rng, bits)
            .map_err(|_| err!(InvalidKey, "RSA key generation failed"));
        rng.finish()?;
        Ok(Self::new(Material::RsaPrivate(Box::new(key?.into()))))
    }
}

#[cfg(feature = "ecdsa")]
fn generate_ec(curve: Curve) -> Result<super::EcPrivate, Error> {
    use super::EcPrivate as E;
    use p256::elliptic_curve::Generate;
    let mut rng = OsRng::new()?;
    let key = match curve {
        Curve::P256 => E::P256(p256::ecdsa::SigningKey::generate_from_rng(&mut rng)),
        Curve::P384 => E::P384(p384::ecdsa::SigningKey::generate_from_rng(&mut rng)),
        Curve::P521 => E::P521(p521::ecdsa::SigningKey::generate_from_rng(&mut rng)),
        Curve::Secp256k1 => E::K256(k256::ecdsa::SigningKey::generate_from_rng(&mut rng)),
    };
    rng.finish()?;
    Ok(key)
}
