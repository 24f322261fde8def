//! OpenSSH public key lines (`<type> <base64> [comment]`), whose base64 holds
//! the SSH wire encoding of the key: RFC 4253 §6.6 (`ssh-rsa`), RFC 5656 §3.1
//! (`ecdsa-sha2-nistp256/384/521`) and RFC 8709 §4 (`ssh-ed25519`).

use alloc::vec::Vec;

use base64ct::{Base64, Encoding};

use super::Key;
#[cfg(any(feature = "ecdsa", feature = "eddsa"))]
use super::Material;
use crate::error::{Error, err};

/// The key types this module reads.
const TYPES: [&str; 5] = [
    "ssh-rsa",
    "ecdsa-sha2-nistp256",
    "ecdsa-sha2-nistp384",
    "ecdsa-sha2-nistp521",
    "ssh-ed25519",
];

/// Whether `text` is an OpenSSH public key line: its first word, split the
/// way [`Key::from_ssh`] splits it, names a key type this module reads (so
/// `from_pem` takes every line `from_ssh` takes).
pub(super) fn is_ssh_line(text: &str) -> bool {
    text.split_ascii_whitespace()
        .next()
        .is_some_and(|kind| TYPES.contains(&kind))
}

impl Key {
    /// A public key from an OpenSSH public key line, as in `~/.ssh/id_*.pub`:
    /// `ssh-rsa`, `ecdsa-sha2-nistp256`/`384`/`521` or `ssh-ed25519`. The
    /// comment is ignored.
    ///
    /// ```
    /// use jwt_wasm::{Algorithm, Key};
    /// let line = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHl6oX1kS120G48wPo34QEDtsNW9DuUyLStwd2VkL1/J me@host";
    /// let key = Key::from_ssh(line)?;
    /// assert_eq!(key.default_alg(), Algorithm::EdDSA);
    /// # Ok::<(), jwt_wasm::Error>(())
    /// ```
    // Without an asymmetric family every key type is unsupported, which leaves
    // the code after the `match` unreachable in that build.
    #[allow(unreachable_code, unused_variables)]
    pub fn from_ssh(line: &str) -> Result<Self, Error> {
        let mut parts = line.split_ascii_whitespace();
        let (Some(kind), Some(body)) = (parts.next(), parts.next()) else {
            return Err(invalid());
        };
        let blob = Base64::decode_vec(body).map_err(|_| invalid())?;
        let mut wire = Wire(&blob);
        if wire.string()? != kind.as_bytes() {
            return Err(err!(
                InvalidKey,
                "The SSH key type does not match its encoded type"
            ));
        }
        let material = match kind {
            #[cfg(feature = "rsa")]
            "ssh-rsa" => {
                let e = wire.mpint()?;
                let n = wire.mpint()?;
                super::jwk::rsa_public_from_parts(n, e)?
            }
            #[cfg(feature = "ecdsa")]
            "ecdsa-sha2-nistp256" | "ecdsa-sha2-nistp384" | "ecdsa-sha2-nistp521" => {
                let curve = wire.string()?;
                if kind.as_bytes().get(11..) != Some(curve) {
                    return Err(err!(
                        InvalidKey,
                        "The SSH key's curve does not match its type"
                    ));
                }
                ec_point(curve, wire.string()?)?
            }
            #[cfg(feature = "eddsa")]
            "ssh-ed25519" => {
                let bytes: [u8; 32] = wire.string()?.try_into().map_err(|_| invalid())?;
                let key = ed25519_dalek::VerifyingKey::from_bytes(&bytes).map_err(|_| invalid())?;
                Material::Ed25519Public(alloc::boxed::Box::new(key.into()))
            }
            other => return Err(err!(InvalidKey, "Unsupported SSH key type: {}", other)),
        };
        if !wire.0.is_empty() {
            return Err(invalid());
        }
        super::pem::checked(material)
    }
}

#[cfg(feature = "ecdsa")]
fn ec_point(curve: &[u8], point: &[u8]) -> Result<Material, Error> {
    use super::EcPublic as E;
    let bad = |_| err!(InvalidKey, "The SSH key's EC point is not on its curve");
    Ok(Material::EcPublic(match curve {
        b"nistp256" => E::P256(
            p256::ecdsa::VerifyingKey::from_sec1_bytes(point)
                .map_err(bad)?
                .into(),
        ),
        b"nistp384" => E::P384(
            p384::ecdsa::VerifyingKey::from_sec1_bytes(point)
                .map_err(bad)?
                .into(),
        ),
        _ => E::P521(
            p521::ecdsa::VerifyingKey::from_sec1_bytes(point)
                .map_err(bad)?
                .into(),
        ),
    }))
}

fn invalid() -> Error {
    err!(InvalidKey, "Could not parse the OpenSSH public key")
}

/// A cursor over SSH wire data (RFC 4251 §5).
struct Wire<'a>(&'a [u8]);

impl<'a> Wire<'a> {
    /// A `string`: a 32-bit big-endian length, then that many bytes.
    fn string(&mut self) -> Result<&'a [u8], Error> {
        let (len, rest) = self.0.split_first_chunk::<4>().ok_or_else(invalid)?;
        let len = usize::try_from(u32::from_be_bytes(*len)).map_err(|_| invalid())?;
        let (value, rest) = rest.split_at_checked(len).ok_or_else(invalid)?;
        self.0 = rest;
        Ok(value)
    }

    /// A non-negative `mpint`, without its sign-padding zero byte.
    #[allow(dead_code)] // unused when the `rsa` feature is off
    fn mpint(&mut self) -> Result<Vec<u8>, Error> {
        let value = self.string()?;
        if value.first().is_some_and(|b| b & 0x80 != 0) {
            return Err(err!(
                InvalidKey,
                "Negative integer in the OpenSSH public key"
            ));
        }
        let start = value.iter().position(|b| *b != 0).unwrap_or(value.len());
        Ok(value.get(start..).unwrap_or_default().to_vec())
    }
}
