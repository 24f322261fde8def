//! PEM armor (RFC 7468) for import, lenient about line wrapping: keys pasted
//! through environment variables or web forms often arrive on one line or
//! wrapped at 76 columns, which OpenSSL (and so PyJWT) accepts. The base64
//! itself must be canonical and the DER inside is parsed strictly.

use alloc::vec::Vec;

use base64ct::{Base64, Encoding};
use zeroize::Zeroizing;

use crate::error::{Error, err};

/// The label and decoded contents of the first PEM block in `text`.
pub(super) fn decode(text: &str) -> Result<(&str, Zeroizing<Vec<u8>>), Error> {
    let invalid = || err!(InvalidKey, "Could not parse the PEM document");
    let start = text.find("-----BEGIN ").ok_or_else(invalid)?;
    let rest = text
        .get(start + "-----BEGIN ".len()..)
        .ok_or_else(invalid)?;
    let (label, rest) = rest.split_once("-----").ok_or_else(invalid)?;
    if label.is_empty() || label.contains(['\r', '\n']) {
        return Err(invalid());
    }
    let end = alloc::format!("-----END {label}-----");
    let (body, _) = rest.split_once(end.as_str()).ok_or_else(invalid)?;
    // RFC 1421 headers (`Proc-Type: 4,ENCRYPTED`) mark legacy encrypted keys.
    if body.contains(':') {
        return Err(err!(InvalidKey, "Encrypted private keys are not supported"));
    }
    let mut base64 = Zeroizing::new(Vec::with_capacity(body.len()));
    base64.extend(body.bytes().filter(|b| !b.is_ascii_whitespace()));
    let der = Base64::decode_vec(core::str::from_utf8(&base64).map_err(|_| invalid())?)
        .map_err(|_| invalid())?;
    Ok((label, Zeroizing::new(der)))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap
mod tests {
    use super::*;

    #[test]
    fn labels_wrapping_and_errors() {
        let (label, der) = decode("-----BEGIN X-----\nAQID\nBA==\n-----END X-----\n").unwrap();
        assert_eq!((label, der.as_slice()), ("X", &[1u8, 2, 3, 4][..]));
        let (_, der) = decode("junk\n-----BEGIN X-----AQIDBA==-----END X-----").unwrap();
        assert_eq!(der.as_slice(), [1, 2, 3, 4]);
        for bad in [
            "",
            "-----BEGIN X-----\nAQID\n-----END Y-----",
            "-----BEGIN X-----\nAQJ=\n-----END X-----", // non-canonical
            "-----BEGIN X-----\nAQ$D\n-----END X-----",
            "-----BEGIN -----\nAQID\n-----END -----",
            "-----BEGIN X-----\nProc-Type: 4,ENCRYPTED\nAQID\n-----END X-----",
        ] {
            assert!(decode(bad).is_err(), "{bad}");
        }
    }
}
