//! JWS algorithm names (RFC 7518 §3, RFC 8037, RFC 8812) and the key family
//! each one needs.

use core::fmt;
use core::str::FromStr;

use crate::error::{Error, err};

/// A JWS `alg` value.
///
/// ```
/// use jwt_wasm::Algorithm;
/// let alg: Algorithm = "ES256".parse().unwrap();
/// assert_eq!(alg, Algorithm::ES256);
/// assert_eq!("ES521".parse::<Algorithm>().unwrap(), Algorithm::ES512); // alias, input only
/// assert_eq!(Algorithm::ES512.name(), "ES512");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[allow(clippy::upper_case_acronyms)]
pub enum Algorithm {
    /// HMAC with SHA-256.
    HS256,
    /// HMAC with SHA-384.
    HS384,
    /// HMAC with SHA-512.
    HS512,
    /// RSASSA-PKCS1-v1_5 with SHA-256.
    RS256,
    /// RSASSA-PKCS1-v1_5 with SHA-384.
    RS384,
    /// RSASSA-PKCS1-v1_5 with SHA-512.
    RS512,
    /// RSASSA-PSS with SHA-256, MGF1-SHA-256 and a 32-byte salt.
    PS256,
    /// RSASSA-PSS with SHA-384, MGF1-SHA-384 and a 48-byte salt.
    PS384,
    /// RSASSA-PSS with SHA-512, MGF1-SHA-512 and a 64-byte salt.
    PS512,
    /// ECDSA on P-256 with SHA-256.
    ES256,
    /// ECDSA on P-384 with SHA-384.
    ES384,
    /// ECDSA on P-521 with SHA-512 (`ES521` is accepted as an alias on input).
    ES512,
    /// ECDSA on secp256k1 with SHA-256 (RFC 8812).
    ES256K,
    /// EdDSA with Ed25519 (RFC 8037).
    EdDSA,
    /// Unsecured JWS (RFC 7518 §3.6). Encodes only when asked for; never verifies.
    None,
}

/// An elliptic curve used by ECDSA.
///
/// ```
/// assert_eq!(jwt_wasm::Curve::P256.name(), "P-256");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Curve {
    /// NIST P-256 (secp256r1).
    P256,
    /// NIST P-384 (secp384r1).
    P384,
    /// NIST P-521 (secp521r1).
    P521,
    /// secp256k1.
    Secp256k1,
}

impl Curve {
    /// The JWK `crv` name (RFC 7518 §6.2.1.1, RFC 8812).
    ///
    /// ```
    /// assert_eq!(jwt_wasm::Curve::Secp256k1.name(), "secp256k1");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            Self::P256 => "P-256",
            Self::P384 => "P-384",
            Self::P521 => "P-521",
            Self::Secp256k1 => "secp256k1",
        }
    }

    /// The curve for a JWK `crv` name.
    ///
    /// ```
    /// assert_eq!(jwt_wasm::Curve::from_name("P-384"), Some(jwt_wasm::Curve::P384));
    /// ```
    pub fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "P-256" => Self::P256,
            "P-384" => Self::P384,
            "P-521" => Self::P521,
            "secp256k1" => Self::Secp256k1,
            _ => return None,
        })
    }

    /// The ECDSA algorithm that uses this curve.
    ///
    /// ```
    /// assert_eq!(jwt_wasm::Curve::P521.algorithm(), jwt_wasm::Algorithm::ES512);
    /// ```
    pub const fn algorithm(self) -> Algorithm {
        match self {
            Self::P256 => Algorithm::ES256,
            Self::P384 => Algorithm::ES384,
            Self::P521 => Algorithm::ES512,
            Self::Secp256k1 => Algorithm::ES256K,
        }
    }

    /// The byte length of one coordinate or scalar (so a JWS signature is twice this).
    ///
    /// ```
    /// assert_eq!(jwt_wasm::Curve::P521.field_len(), 66);
    /// ```
    pub const fn field_len(self) -> usize {
        match self {
            Self::P256 | Self::Secp256k1 => 32,
            Self::P384 => 48,
            Self::P521 => 66,
        }
    }
}

/// The key family an algorithm needs. A key belongs to exactly one family and
/// never verifies another family's algorithm (RFC 8725 §3.1).
///
/// ```
/// use jwt_wasm::{Algorithm, Curve, Family};
/// assert_eq!(Algorithm::PS256.family(), Family::Rsa);
/// assert_eq!(Algorithm::ES256K.family(), Family::Ec(Curve::Secp256k1));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Family {
    /// Shared secrets for HMAC.
    Hmac,
    /// RSA keys, for both PKCS#1 v1.5 and PSS.
    Rsa,
    /// Elliptic-curve keys on one curve.
    Ec(Curve),
    /// Ed25519 keys.
    Ed25519,
    /// No key at all (`alg: none`).
    None,
}

/// The hash function an algorithm uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Hash {
    Sha256,
    Sha384,
    Sha512,
}

impl Hash {
    /// Output length in bytes.
    pub(crate) const fn len(self) -> usize {
        match self {
            Self::Sha256 => 32,
            Self::Sha384 => 48,
            Self::Sha512 => 64,
        }
    }
}

impl Algorithm {
    /// Every algorithm, `None` last.
    ///
    /// ```
    /// assert_eq!(jwt_wasm::Algorithm::ALL.len(), 15);
    /// ```
    pub const ALL: [Algorithm; 15] = [
        Self::HS256,
        Self::HS384,
        Self::HS512,
        Self::RS256,
        Self::RS384,
        Self::RS512,
        Self::PS256,
        Self::PS384,
        Self::PS512,
        Self::ES256,
        Self::ES384,
        Self::ES512,
        Self::ES256K,
        Self::EdDSA,
        Self::None,
    ];

    /// The registered `alg` name.
    ///
    /// ```
    /// assert_eq!(jwt_wasm::Algorithm::None.name(), "none");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            Self::HS256 => "HS256",
            Self::HS384 => "HS384",
            Self::HS512 => "HS512",
            Self::RS256 => "RS256",
            Self::RS384 => "RS384",
            Self::RS512 => "RS512",
            Self::PS256 => "PS256",
            Self::PS384 => "PS384",
            Self::PS512 => "PS512",
            Self::ES256 => "ES256",
            Self::ES384 => "ES384",
            Self::ES512 => "ES512",
            Self::ES256K => "ES256K",
            Self::EdDSA => "EdDSA",
            Self::None => "none",
        }
    }

    /// Looks an algorithm up by name; `ES521` is an alias of `ES512`. Names are
    /// case-sensitive, so `None` or `NONE` are not `none`.
    ///
    /// ```
    /// use jwt_wasm::Algorithm;
    /// assert_eq!(Algorithm::from_name("HS256").unwrap(), Algorithm::HS256);
    /// assert!(Algorithm::from_name("NONE").is_err());
    /// ```
    pub fn from_name(name: &str) -> Result<Self, Error> {
        if name == "ES521" {
            return Ok(Self::ES512);
        }
        Self::ALL
            .into_iter()
            .find(|alg| alg.name() == name)
            .ok_or_else(not_supported)
    }

    /// The key family this algorithm needs.
    ///
    /// ```
    /// assert_eq!(jwt_wasm::Algorithm::HS384.family(), jwt_wasm::Family::Hmac);
    /// ```
    pub const fn family(self) -> Family {
        match self {
            Self::HS256 | Self::HS384 | Self::HS512 => Family::Hmac,
            Self::RS256 | Self::RS384 | Self::RS512 | Self::PS256 | Self::PS384 | Self::PS512 => {
                Family::Rsa
            }
            Self::ES256 => Family::Ec(Curve::P256),
            Self::ES384 => Family::Ec(Curve::P384),
            Self::ES512 => Family::Ec(Curve::P521),
            Self::ES256K => Family::Ec(Curve::Secp256k1),
            Self::EdDSA => Family::Ed25519,
            Self::None => Family::None,
        }
    }

    /// Whether this build of the crate can sign and verify with this algorithm
    /// (families are behind the `hmac`, `rsa`, `ecdsa` and `eddsa` features).
    ///
    /// ```
    /// assert!(!jwt_wasm::Algorithm::None.is_supported());
    /// ```
    pub const fn is_supported(self) -> bool {
        match self.family() {
            Family::Hmac => cfg!(feature = "hmac"),
            Family::Rsa => cfg!(feature = "rsa"),
            Family::Ec(_) => cfg!(feature = "ecdsa"),
            Family::Ed25519 => cfg!(feature = "eddsa"),
            Family::None => false,
        }
    }

    /// `Ok` unless this algorithm's family is left out of this build (its
    /// cargo feature is off); then the `InvalidAlgorithmError` of
    /// [`unsupported`](Self::unsupported). `none` passes: callers refuse it
    /// with their own rules.
    pub(crate) fn check_in_build(self) -> Result<(), Error> {
        if self.is_supported() || self.family() == Family::None {
            Ok(())
        } else {
            Err(self.unsupported())
        }
    }

    /// The error for an algorithm this build cannot sign or verify with:
    /// PyJWT's "Algorithm not supported" for `none`, and for a family whose
    /// feature is off a message that says what to use instead (as PyJWT asks
    /// "Do you have cryptography installed?").
    pub(crate) fn unsupported(self) -> Error {
        if self.is_supported() || self.family() == Family::None {
            return not_supported();
        }
        // The HMAC-only build is the npm flavour `jwt-wasm/hmac`.
        if cfg!(all(
            feature = "hmac",
            not(any(feature = "rsa", feature = "ecdsa", feature = "eddsa"))
        )) {
            err!(
                InvalidAlgorithm,
                "jwt-wasm/hmac supports only HS256, HS384 and HS512; import \"jwt-wasm\" for {self}"
            )
        } else {
            err!(
                InvalidAlgorithm,
                "Algorithm {self} is not in this build of jwt-wasm (its cargo feature is off)"
            )
        }
    }

    /// The hash this algorithm uses (`None` for EdDSA and `none`).
    pub(crate) const fn hash(self) -> Option<Hash> {
        match self {
            Self::HS256 | Self::RS256 | Self::PS256 | Self::ES256 | Self::ES256K => {
                Some(Hash::Sha256)
            }
            Self::HS384 | Self::RS384 | Self::PS384 | Self::ES384 => Some(Hash::Sha384),
            Self::HS512 | Self::RS512 | Self::PS512 | Self::ES512 => Some(Hash::Sha512),
            Self::EdDSA | Self::None => None,
        }
    }
}

impl fmt::Display for Algorithm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Algorithm {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        Self::from_name(s)
    }
}

/// PyJWT's error for an algorithm name it has no implementation for.
pub(crate) fn not_supported() -> Error {
    err!(InvalidAlgorithm, "Algorithm not supported")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for alg in Algorithm::ALL {
            assert_eq!(Algorithm::from_name(alg.name()).unwrap(), alg);
        }
    }

    #[test]
    fn only_families_left_out_of_the_build_are_refused() {
        for alg in Algorithm::ALL {
            // `none` is refused by its callers' own rules, never as "not in this build".
            assert_eq!(
                alg.check_in_build().is_ok(),
                alg.is_supported() || alg == Algorithm::None,
                "{alg}"
            );
        }
        let none = Algorithm::None.unsupported();
        assert_eq!(none.kind(), crate::ErrorKind::InvalidAlgorithm);
        assert_eq!(none.message(), "Algorithm not supported");
    }

    #[cfg(all(feature = "hmac", not(feature = "rsa")))]
    #[test]
    fn a_left_out_family_names_what_to_use_instead() {
        let err = Algorithm::RS256.check_in_build().unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::InvalidAlgorithm);
        assert!(err.message().contains("RS256"), "{}", err.message());
        assert!(Algorithm::HS512.check_in_build().is_ok());
    }

    #[test]
    fn lookalikes_of_none_are_unknown() {
        for name in ["None", "NONE", "nOnE", "", "hs256", "ES521 "] {
            let err = Algorithm::from_name(name).unwrap_err();
            assert_eq!(err.kind(), crate::ErrorKind::InvalidAlgorithm, "{name}");
        }
    }
}
