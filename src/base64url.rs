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
    check(text)?;
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

/// The alphabet and length rules shared by both decoders.
fn check(text: &str) -> Result<(), Error> {
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
    Ok(())
}

/// [`decode`] for public data (the segments of a token, which travel in the
/// clear): the same rules and messages, with a table lookup per character
/// instead of `base64ct`'s constant-time arithmetic, which made decoding
/// most of the time of an HS256 decode in wasm. Key material keeps [`decode`].
pub(crate) fn decode_public(text: &str) -> Result<Vec<u8>, Error> {
    // One pass over a buffer of the final size: the table marks bytes
    // outside the alphabet, and only a bad input pays for [`check`], which
    // names what is wrong.
    let input = text.as_bytes();
    let whole = input.len() / 4;
    let tail = input.len() % 4;
    let mut out = alloc::vec![0u8; whole * 3 + tail.saturating_sub(1)];
    let mut seen = 0u8;
    let mut six = |b: u8| {
        let v = DECODE[usize::from(b)];
        seen |= v;
        u32::from(v)
    };
    let (body, last) = out.split_at_mut(whole * 3);
    for (chunk, dst) in input.chunks_exact(4).zip(body.chunks_exact_mut(3)) {
        if let ([a, b, c, d], [x, y, z]) = (chunk, dst) {
            let v = six(*a) << 18 | six(*b) << 12 | six(*c) << 6 | six(*d);
            *x = (v >> 16) as u8;
            *y = (v >> 8) as u8;
            *z = v as u8;
        }
    }
    let rest = input.get(whole * 4..).unwrap_or_default();
    let v = rest.iter().fold(0u32, |acc, &b| acc << 6 | six(b));
    if seen & INVALID != 0 || tail == 1 {
        check(text)?;
    }
    // The unused low bits of the last character must be zero (see [`decode`]).
    let unused = match tail {
        2 => 4,
        3 => 2,
        _ => 0,
    };
    if v & ((1 << unused) - 1) != 0 {
        return Err(err!(Decode, "the last character has non-zero unused bits"));
    }
    let v = v >> unused;
    let n = last.len();
    for (i, byte) in last.iter_mut().enumerate() {
        *byte = (v >> (8 * (n - 1 - i))) as u8;
    }
    Ok(out)
}

/// [`encode`] for public data (token segments and signatures), by table.
pub(crate) fn encode_public(bytes: &[u8]) -> String {
    let mut out = Vec::new();
    encode_public_into(bytes, &mut out);
    // Every byte written comes from the ASCII alphabet.
    String::from_utf8(out).unwrap_or_default()
}

/// [`encode_public`], appended to `out` (which [`crate::jws`] fills with a
/// whole token, to sign it in place).
pub(crate) fn encode_public_into(bytes: &[u8], out: &mut Vec<u8>) {
    let whole = bytes.len() / 3;
    let tail = bytes.len() % 3;
    let start = out.len();
    out.resize(start + whole * 4 + if tail == 0 { 0 } else { tail + 1 }, 0);
    let char_of = |v: u32| ALPHABET[(v & 0x3F) as usize];
    let (body, last) = out
        .get_mut(start..)
        .unwrap_or_default()
        .split_at_mut(whole * 4);
    for (chunk, dst) in bytes.chunks_exact(3).zip(body.chunks_exact_mut(4)) {
        if let ([a, b, c], [w, x, y, z]) = (chunk, dst) {
            let v = u32::from(*a) << 16 | u32::from(*b) << 8 | u32::from(*c);
            *w = char_of(v >> 18);
            *x = char_of(v >> 12);
            *y = char_of(v >> 6);
            *z = char_of(v);
        }
    }
    let rest = bytes.get(whole * 3..).unwrap_or_default();
    let v = rest.iter().fold(0u32, |acc, &b| acc << 8 | u32::from(b)) << (8 * (3 - tail) % 24);
    for (i, c) in last.iter_mut().enumerate() {
        *c = char_of(v >> (18 - 6 * i));
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Marks a byte outside the alphabet in [`DECODE`].
const INVALID: u8 = 0x80;

/// Each alphabet character's 6-bit value; [`INVALID`] for every other byte.
const DECODE: [u8; 256] = {
    let mut table = [INVALID; 256];
    let mut i = 0;
    while i < 64 {
        table[ALPHABET[i] as usize] = i as u8;
        i += 1;
    }
    table
};

/// True for the 64 characters of the base64url alphabet (RFC 4648 §5).
const fn is_alphabet(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    /// The table codec agrees with the constant-time one on every length
    /// 0..=64 of varied bytes, and on every 2- and 3-character text
    /// (which covers each trailing-bits case).
    #[test]
    fn public_codec_matches_base64ct() {
        let data: Vec<u8> = (0u32..64).map(|i| (i * 97 + 13) as u8 ^ 0xA5).collect();
        for len in 0..=data.len() {
            let bytes = &data[..len];
            let text = encode(bytes);
            assert_eq!(encode_public(bytes), text);
            assert_eq!(decode_public(&text).unwrap(), bytes);
        }
        for &a in ALPHABET.iter() {
            for &b in ALPHABET.iter() {
                let two = String::from_utf8(vec![a, b]).unwrap();
                assert_eq!(decode_public(&two).ok(), decode(&two).ok(), "{two}");
                for &c in ALPHABET.iter().step_by(7) {
                    let three = String::from_utf8(vec![a, b, c]).unwrap();
                    assert_eq!(decode_public(&three).ok(), decode(&three).ok(), "{three}");
                }
            }
        }
        for bad in ["a", "ab=", "a+b/", "ab c", "é", "abcde"] {
            assert_eq!(
                decode_public(bad).unwrap_err().message(),
                decode(bad).unwrap_err().message(),
                "{bad}"
            );
        }
    }
}
