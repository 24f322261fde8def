//! Strict, canonical base64url without padding (RFC 7515 §2, RFC 4648 §5).
//!
//! JWS segments are compared and signed byte for byte, so two spellings of the
//! same bytes must not both be accepted: a decoder that tolerates padding,
//! whitespace, the `+`/`/` alphabet or non-zero trailing bits lets an attacker
//! change a token without changing what it decodes to (RFC 7515 §2, RFC 8725
//! §3.12). This module accepts exactly the one encoding [`encode`] produces.

use alloc::string::String;
use alloc::vec::Vec;

use base64ct::{Base64UrlUnpadded, Encoding};

use crate::error::{Error, err};

/// Encodes bytes as base64url without padding.
///
/// ```
/// assert_eq!(jwt_wasm::base64url::encode(b"\xfb\xff"), "-_8");
/// assert_eq!(jwt_wasm::base64url::encode(b""), "");
/// ```
pub fn encode(bytes: &[u8]) -> String {
    Base64UrlUnpadded::encode_string(bytes)
}

/// Decodes canonical base64url without padding.
///
/// Rejects (with a `DecodeError` saying why) `=` padding, the `+` and `/`
/// characters of standard base64, whitespace and any other character outside
/// the base64url alphabet, a length that leaves one lone character
/// (`len % 4 == 1`), and non-zero unused bits in the last character.
///
/// ```
/// use jwt_wasm::base64url::decode;
/// assert_eq!(decode("-_8").unwrap(), b"\xfb\xff");
/// assert!(decode("-_8=").is_err()); // padding
/// assert!(decode("-_9").is_err());  // non-zero trailing bits
/// ```
pub fn decode(text: &str) -> Result<Vec<u8>, Error> {
    if let Some(bad) = text.bytes().find(|b| !is_alphabet(*b)) {
        return Err(match bad {
            b'=' => err!(Decode, "padding ('=') is not allowed"),
            b'+' | b'/' => err!(Decode, "'+' and '/' are not base64url characters"),
            b' ' | b'\t' | b'\r' | b'\n' => err!(Decode, "whitespace is not allowed"),
            _ => err!(
                Decode,
                "a character outside the base64url alphabet was found"
            ),
        });
    }
    if text.len() % 4 == 1 {
        return Err(err!(Decode, "the length is impossible for base64url"));
    }
    // The unused low bits of the last character must be zero, otherwise
    // several texts decode to the same bytes. With the alphabet and length
    // already checked, that is the only way left for decoding to fail; the
    // re-encoding comparison makes the guarantee independent of the decoder.
    let trailing = || err!(Decode, "the last character has non-zero unused bits");
    let bytes = Base64UrlUnpadded::decode_vec(text).map_err(|_| trailing())?;
    if encode(&bytes) != text {
        return Err(trailing());
    }
    Ok(bytes)
}

/// True for the 64 characters of the base64url alphabet (RFC 4648 §5).
const fn is_alphabet(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}
