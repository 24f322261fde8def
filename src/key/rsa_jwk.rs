//! RSA keys to and from their big-endian components (JWK members and the SSH
//! wire format), through the `pkcs1` structures that `rsa` validates.

use alloc::boxed::Box;
use alloc::vec::Vec;

use der::asn1::UintRef;
use pkcs1::EncodeRsaPrivateKey;
use rsa::traits::PublicKeyParts;

use super::Material;
use super::pem::{check_rsa, check_rsa_exponent};
use crate::error::{Error, err};

fn uint(bytes: &[u8]) -> Result<UintRef<'_>, Error> {
    UintRef::new(bytes).map_err(|_| err!(InvalidKey, "RSA key component is too large"))
}

/// A public key; the modulus must be 1024 to 8192 bits (the `rsa` crate's range).
pub(super) fn public_from_parts(n: &[u8], e: &[u8]) -> Result<Material, Error> {
    check_rsa_exponent(e)?;
    let parts = pkcs1::RsaPublicKey {
        modulus: uint(n)?,
        public_exponent: uint(e)?,
    };
    let key = rsa::RsaPublicKey::try_from(parts)
        .map_err(|_| err!(InvalidKey, "Invalid RSA public key"))?;
    check_rsa(&key)?;
    Ok(Material::RsaPublic(Box::new(key.into())))
}

/// A private key from n, e, d and `[p, q, dp, dq, qi]`. `rsa` checks that
/// p·q = n and that d inverts e; dp, dq and qi are then compared with the
/// values derived from p, q and d, so an inconsistent JWK is refused.
pub(super) fn private_from_parts(
    n: &[u8],
    e: &[u8],
    d: &[u8],
    crt: &[zeroize::Zeroizing<Vec<u8>>],
) -> Result<Material, Error> {
    let [p, q, dp, dq, qi] = crt else {
        return Err(err!(
            InvalidKey,
            "An RSA private JWK must include all of p, q, dp, dq and qi"
        ));
    };
    check_rsa_exponent(e)?;
    let parts = pkcs1::RsaPrivateKey {
        modulus: uint(n)?,
        public_exponent: uint(e)?,
        private_exponent: uint(d)?,
        prime1: uint(p)?,
        prime2: uint(q)?,
        exponent1: uint(dp)?,
        exponent2: uint(dq)?,
        coefficient: uint(qi)?,
        other_prime_infos: None,
    };
    let invalid = || err!(InvalidKey, "Invalid RSA private key");
    let key = rsa::RsaPrivateKey::try_from(parts.clone()).map_err(|_| invalid())?;
    check_rsa(&key)?;
    let derived = Components::of(&key).ok_or_else(invalid)?;
    let given = [parts.exponent1, parts.exponent2, parts.coefficient];
    if given
        .iter()
        .zip(derived.crt())
        .any(|(a, b)| a.as_bytes() != b)
    {
        return Err(err!(
            InvalidKey,
            "The RSA CRT parameters dp, dq and qi are inconsistent"
        ));
    }
    Ok(Material::RsaPrivate(Box::new(key.into())))
}

/// The PKCS#1 encoding of a private key, for reading its components.
pub(super) struct Components(der::SecretDocument);

impl Components {
    pub(super) fn of(key: &rsa::RsaPrivateKey) -> Option<Self> {
        key.to_pkcs1_der().ok().map(Self)
    }

    /// The parsed structure; its integers have no leading zeros.
    pub(super) fn parts(&self) -> Option<pkcs1::RsaPrivateKeyRef<'_>> {
        use der::Decode;
        pkcs1::RsaPrivateKeyRef::from_der(self.0.as_bytes()).ok()
    }

    /// `[dp, dq, qi]`.
    fn crt(&self) -> Vec<&[u8]> {
        self.parts()
            .map(|p| {
                let k: pkcs1::RsaPrivateKeyRef<'_> = p;
                alloc::vec![
                    k.exponent1.as_bytes(),
                    k.exponent2.as_bytes(),
                    k.coefficient.as_bytes()
                ]
            })
            .unwrap_or_default()
    }
}

/// `n` and `e` of a public key, big-endian without leading zeros.
pub(super) fn public_parts(key: &impl PublicKeyParts) -> (Box<[u8]>, Box<[u8]>) {
    (key.n_bytes(), key.e_bytes())
}
