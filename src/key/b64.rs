//! Strict base64url for JWK members (RFC 7515 §2: no padding) via `base64ct`,
//! which also refuses non-canonical input (non-zero trailing bits), so each
//! key has exactly one encoding.

use alloc::string::String;
use alloc::vec::Vec;

use base64ct::{Base64UrlUnpadded, Encoding};
use zeroize::Zeroizing;

use crate::error::{Error, err};

/// Decodes a base64url JWK member `name` with no padding and canonical bits.
pub(crate) fn decode(name: &str, value: &str) -> Result<Zeroizing<Vec<u8>>, Error> {
    Base64UrlUnpadded::decode_vec(value)
        .map(Zeroizing::new)
        .map_err(|_| err!(Jwk, "The JWK member \"{}\" is not valid base64url", name))
}

/// Encodes bytes as base64url without padding.
pub(crate) fn encode(bytes: &[u8]) -> String {
    Base64UrlUnpadded::encode_string(bytes)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap
mod tests {
    use super::*;

    #[test]
    fn rejects_padding_alphabet_and_trailing_bits() {
        assert_eq!(decode("k", "AQAB").unwrap().as_slice(), [1, 0, 1]);
        assert_eq!(decode("k", "_-8").unwrap().as_slice(), [0xff, 0xef]);
        for bad in ["AQA=", "AQAB=", "+/8", "AQ AB", "AR", "AQB", "A"] {
            assert!(decode("k", bad).is_err(), "{bad}");
        }
    }
}
