//! Minimum key lengths: RFC 7518 §3.2 (an HMAC key at least as long as the
//! hash output) and §3.3 (RSA keys of 2048 bits or more). Short keys still
//! import; the jwt layer warns, or refuses under `enforce_minimum_key_length`.

use alloc::string::String;

use super::Key;
#[cfg(any(feature = "hmac", feature = "rsa"))]
use super::Material;
use crate::algorithm::Algorithm;
#[cfg(any(feature = "hmac", feature = "rsa"))]
use crate::algorithm::Family;

impl Key {
    /// A warning when the key is shorter than RFC 7518 / NIST recommend for
    /// `alg`: an HMAC secret shorter than the hash output (RFC 7518 §3.2), or
    /// an RSA modulus under 2048 bits (RFC 7518 §3.3). `None` otherwise.
    ///
    /// ```
    /// # use jwt_wasm::{Algorithm, Key};
    /// let key = Key::from_secret("secret")?;
    /// assert_eq!(
    ///     key.key_length_warning(Algorithm::HS256).as_deref(),
    ///     Some("The HMAC key is 6 bytes long, which is below the minimum recommended \
    ///           length of 32 bytes for HS256. See RFC 7518 Section 3.2.")
    /// );
    /// # Ok::<(), jwt_wasm::Error>(())
    /// ```
    #[cfg_attr(not(any(feature = "hmac", feature = "rsa")), allow(unused_variables))]
    pub fn key_length_warning(&self, alg: Algorithm) -> Option<String> {
        match &self.material {
            #[cfg(feature = "hmac")]
            Material::Secret(secret) => {
                let min = alg.hash().filter(|_| alg.family() == Family::Hmac)?.len();
                (secret.len() < min).then(|| {
                    alloc::format!(
                        "The HMAC key is {} bytes long, which is below the minimum recommended \
                         length of {min} bytes for {alg}. See RFC 7518 Section 3.2.",
                        secret.len()
                    )
                })
            }
            #[cfg(feature = "rsa")]
            Material::RsaPrivate(_) | Material::RsaPublic(_) => {
                let bits = self.rsa_bits()?;
                (alg.family() == Family::Rsa && bits < 2048).then(|| {
                    alloc::format!(
                        "The RSA key is {bits} bits long, which is below the minimum recommended \
                         size of 2048 bits for {alg}. See RFC 7518 Section 3.3."
                    )
                })
            }
            #[allow(unreachable_patterns)]
            _ => None,
        }
    }

    /// The RSA modulus size in bits.
    #[cfg(feature = "rsa")]
    pub(crate) fn rsa_bits(&self) -> Option<u32> {
        use rsa::traits::PublicKeyParts;
        match &self.material {
            Material::RsaPrivate(k) => Some(k.n().bits_vartime()),
            Material::RsaPublic(k) => Some(k.n().bits_vartime()),
            #[allow(unreachable_patterns)]
            _ => None,
        }
    }
}
