//! JWS Compact Serialization (RFC 7515 §7.1): splitting, strict decoding,
//! algorithm policy, signature checks and signing. No JWT claim rules here;
//! [`decode`](crate::decode) and [`encode`](crate::encode) build on this.

use alloc::borrow::Cow;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use crate::algorithm::Algorithm;
use crate::base64url;
use crate::error::{Error, err};
use crate::header::Header;
use crate::key::{Key, KeyResolver};
use crate::validation::DEFAULT_MAX_TOKEN_LENGTH;

/// A compact token taken apart, before any signature check.
#[derive(Debug)]
pub(crate) struct Parts<'t> {
    pub(crate) header: Header,
    /// `BASE64URL(header) '.' payload-as-signed`: the JWS Signing Input. For
    /// a token that carries its payload this is the token's own prefix, so
    /// nothing is copied; a detached payload needs its own buffer.
    pub(crate) signing_input: Cow<'t, [u8]>,
    /// The payload bytes (decoded, raw for `b64: false`, or the detached ones).
    pub(crate) payload: Vec<u8>,
    pub(crate) signature: Vec<u8>,
}

/// Splits `token` into its three segments, after the size cap.
fn split(token: &str, max_len: usize) -> Result<[&str; 3], Error> {
    // The cap comes first so that nothing below ever scans a huge input.
    if token.len() > max_len {
        return Err(err!(
            Decode,
            "Token is too large ({} bytes; the limit is {max_len})",
            token.len()
        ));
    }
    let mut segments = token.split('.');
    match (
        segments.next(),
        segments.next(),
        segments.next(),
        segments.next(),
    ) {
        (Some(h), Some(p), Some(s), None) => Ok([h, p, s]),
        (_, _, _, Some(_)) => Err(err!(Decode, "Invalid token: too many segments")),
        _ => Err(err!(Decode, "Not enough segments")),
    }
}

fn decode_segment(text: &str, prefix: &str, name: &str) -> Result<Vec<u8>, Error> {
    base64url::decode_public(text).map_err(|e| {
        err!(
            Decode,
            "Invalid {prefix} padding: the {name} segment is not valid base64url ({})",
            e.message()
        )
    })
}

/// Parses a compact token: size cap, three segments, strict base64url,
/// strict JSON header, header checks, then the payload.
///
/// The payload is the detached one when `detached` is given (the payload
/// segment must then be empty, RFC 7515 Appendix F / RFC 7797 §5.2); else,
/// for `b64: false`, the raw payload segment (RFC 7797 §5.2); else the
/// decoded payload segment.
pub(crate) fn parse<'t>(
    token: &'t str,
    max_len: usize,
    detached: Option<&[u8]>,
) -> Result<Parts<'t>, Error> {
    let [header_seg, payload_seg, sig_seg] = split(token, max_len)?;
    let header_bytes = decode_segment(header_seg, "header", "header")?;
    let header = Header::parse(&header_bytes)?;
    header.validate()?;
    // `header '.' payload`, exactly as it stands at the start of the token.
    let in_token = token
        .get(..header_seg.len() + 1 + payload_seg.len())
        .unwrap_or_default()
        .as_bytes();
    let with_detached = |signed: &[u8]| {
        let mut input = Vec::with_capacity(header_seg.len() + 1 + signed.len());
        input.extend_from_slice(header_seg.as_bytes());
        input.push(b'.');
        input.extend_from_slice(signed);
        Cow::Owned(input)
    };
    let (signing_input, payload) = match detached {
        Some(_) if !payload_seg.is_empty() => {
            return Err(err!(
                Decode,
                "Invalid payload: a detached payload was given but the token carries one too"
            ));
        }
        Some(bytes) if header.b64() => (
            with_detached(base64url::encode_public(bytes).as_bytes()),
            bytes.to_vec(),
        ),
        Some(bytes) => (with_detached(bytes), bytes.to_vec()),
        None if header.b64() => (
            Cow::Borrowed(in_token),
            decode_segment(payload_seg, "payload", "payload")?,
        ),
        None => (Cow::Borrowed(in_token), payload_seg.as_bytes().to_vec()),
    };
    let signature = decode_segment(sig_seg, "crypto", "signature")?;
    Ok(Parts {
        header,
        signing_input,
        payload,
        signature,
    })
}

/// True when `name` names `none` in any letter case: never verifiable.
pub(crate) fn is_none_alg(name: &str) -> bool {
    name.eq_ignore_ascii_case("none")
}

/// Applies the `alg` allowlist to the header (PyJWT's messages), returning
/// the header's `alg` as this crate's [`Algorithm`] when it is one (`None`
/// for a registered custom name). Custom algorithm names are matched as
/// strings; known names also match their alias (`ES521` = `ES512`).
pub(crate) fn check_allowed(
    header: &Header,
    allowed: &[String],
) -> Result<Option<Algorithm>, Error> {
    let Some(alg) = header.get("alg") else {
        return Err(err!(InvalidAlgorithm, "Algorithm not specified"));
    };
    let not_allowed = || err!(InvalidAlgorithm, "The specified alg value is not allowed");
    let alg = alg
        .as_str()
        .filter(|a| !a.is_empty())
        .ok_or_else(not_allowed)?;
    // RFC 8725 §3.2: an unsecured token is never accepted, listed or not.
    if is_none_alg(alg) {
        return Err(not_allowed());
    }
    let known = Algorithm::from_name(alg).ok();
    let listed = allowed
        .iter()
        .any(|a| a == alg || (known.is_some() && Algorithm::from_name(a).ok() == known));
    if listed {
        Ok(known)
    } else {
        Err(not_allowed())
    }
}

/// Checks key length policy: an error when enforced, else the warning.
pub(crate) fn key_policy(
    key: &Key,
    alg: Algorithm,
    enforce: bool,
) -> Result<Option<String>, Error> {
    match key.key_length_warning(alg) {
        Some(text) if enforce => Err(Error::new(crate::ErrorKind::InvalidKey, text)),
        other => Ok(other),
    }
}

/// Verifies `parts` with a key from `resolver` under the allowlist `allowed`
/// (strings, as in [`crate::Validation::algorithms`]). An empty allowlist is
/// accepted only when the resolved key is bound to an algorithm, which then
/// becomes the allowlist. Returns the key-length warning, if any.
pub(crate) fn verify_parts(
    parts: &Parts<'_>,
    resolver: &dyn KeyResolver,
    allowed: &[String],
    enforce_min_key: bool,
) -> Result<Option<String>, Error> {
    let bound;
    let allowed = if allowed.is_empty() {
        bound = [bound_alg(&parts.header, resolver)?.name().to_string()];
        &bound[..]
    } else {
        allowed
    };
    // An allowed name this crate does not implement.
    let alg = check_allowed(&parts.header, allowed)?.ok_or_else(crate::algorithm::not_supported)?;
    if !alg.is_supported() {
        return Err(alg.unsupported());
    }
    let key = resolver.resolve(parts.header.kid(), alg)?;
    // The key's family must fit the algorithm, and a key bound to one
    // algorithm verifies only that one (RFC 8725 §3.1).
    key.check_alg(alg)?;
    let warning = key_policy(key, alg, enforce_min_key)?;
    if alg.verify(&parts.signing_input, key, &parts.signature)? {
        Ok(warning)
    } else {
        Err(err!(InvalidSignature, "Signature verification failed"))
    }
}

/// With no allowlist, PyJWT accepts only a key bound to an algorithm (a
/// `PyJWK`); anything else is the "algorithms is required" error.
fn bound_alg(header: &Header, resolver: &dyn KeyResolver) -> Result<Algorithm, Error> {
    let required = || {
        err!(
            Decode,
            "It is required that you pass in a value for the \"algorithms\" argument when calling decode()."
        )
    };
    let alg = header
        .alg()
        .filter(|a| !is_none_alg(a))
        .and_then(|a| Algorithm::from_name(a).ok())
        .ok_or_else(required)?;
    resolver
        .resolve(header.kid(), alg)?
        .alg
        .ok_or_else(required)
}

/// Verifies a compact JWS and returns its header and payload bytes, with no
/// JWT claim rules: the payload may be any bytes. The header's `alg` must be
/// one of `allowed` and fit the key; `none` never verifies.
///
/// A `b64: false` token (RFC 7797) with its raw payload in the middle segment
/// is accepted; for detached payloads use [`verify_compact_detached`].
///
/// ```
/// use jwt_wasm::{jws, Algorithm, Key};
/// // RFC 7520 §4.4 (HMAC-SHA2 Integrity Protection).
/// let key = Key::from_secret(jwt_wasm::base64url::decode("hJtXIZ2uSN5kbQfbtTNWbpdmhkV8FJG-Onbc6mxCcYg").unwrap()).unwrap();
/// let token = "eyJhbGciOiJIUzI1NiIsImtpZCI6IjAxOGMwYWU1LTRkOWItNDcxYi1iZmQ2LWVlZjMxNGJjNzAzNyJ9.\
///     SXTigJlzIGEgZGFuZ2Vyb3VzIGJ1c2luZXNzLCBGcm9kbywgZ29pbmcgb3V0IHlvdXIgZG9vci4gWW91IHN0ZXAgb250byB0aGUgcm9hZCwgYW5kIGlmIHlvdSBkb24ndCBrZWVwIHlvdXIgZmVldCwgdGhlcmXigJlzIG5vIGtub3dpbmcgd2hlcmUgeW91IG1pZ2h0IGJlIHN3ZXB0IG9mZiB0by4.\
///     s0h6KThzkfBBBkLspW1h84VsJZFTsPPqMDA7g1Md7p0";
/// let (header, payload) = jws::verify_compact(token, &key, &[Algorithm::HS256]).unwrap();
/// assert_eq!(header.kid(), Some("018c0ae5-4d9b-471b-bfd6-eef314bc7037"));
/// assert!(payload.starts_with("It’s a dangerous business".as_bytes()));
/// ```
pub fn verify_compact(
    token: &str,
    key: &dyn KeyResolver,
    allowed_algs: &[Algorithm],
) -> Result<(Header, Vec<u8>), Error> {
    verify_with(token, None, key, allowed_algs)
}

/// Like [`verify_compact`] for a token whose payload segment is empty and
/// whose payload travels separately: RFC 7515 Appendix F (the payload is
/// base64url-encoded for signing) or RFC 7797 `b64: false` (signed raw).
///
/// ```
/// use jwt_wasm::{jws, Algorithm, Key};
/// // RFC 7520 §4.5 (Signature with Detached Content).
/// let key = Key::from_secret(jwt_wasm::base64url::decode("hJtXIZ2uSN5kbQfbtTNWbpdmhkV8FJG-Onbc6mxCcYg").unwrap()).unwrap();
/// let token = "eyJhbGciOiJIUzI1NiIsImtpZCI6IjAxOGMwYWU1LTRkOWItNDcxYi1iZmQ2LWVlZjMxNGJjNzAzNyJ9..\
///     s0h6KThzkfBBBkLspW1h84VsJZFTsPPqMDA7g1Md7p0";
/// let payload = "It’s a dangerous business, Frodo, going out your door. You step onto the road, \
///     and if you don't keep your feet, there’s no knowing where you might be swept off to.";
/// let (_, bytes) = jws::verify_compact_detached(token, payload.as_bytes(), &key, &[Algorithm::HS256]).unwrap();
/// assert_eq!(bytes, payload.as_bytes());
/// ```
pub fn verify_compact_detached(
    token: &str,
    payload: &[u8],
    key: &dyn KeyResolver,
    allowed_algs: &[Algorithm],
) -> Result<(Header, Vec<u8>), Error> {
    verify_with(token, Some(payload), key, allowed_algs)
}

fn verify_with(
    token: &str,
    detached: Option<&[u8]>,
    key: &dyn KeyResolver,
    allowed_algs: &[Algorithm],
) -> Result<(Header, Vec<u8>), Error> {
    let parts = parse(token, DEFAULT_MAX_TOKEN_LENGTH, detached)?;
    let allowed: Vec<String> = allowed_algs.iter().map(|a| a.name().to_string()).collect();
    verify_parts(&parts, key, &allowed, false)?;
    Ok((parts.header, parts.payload))
}

/// Assembles and signs a compact JWS. `header` is final (including `alg`);
/// `detached` selects RFC 7797 detached mode, where the payload is signed raw
/// and left out of the token.
pub(crate) fn sign_compact(
    header: &Header,
    payload: &[u8],
    detached: bool,
    sign: impl FnOnce(&[u8]) -> Result<Vec<u8>, Error>,
) -> Result<String, Error> {
    // The token is built in one buffer; without a detached payload, its
    // first two segments are the signing input, signed where they stand.
    let header_json = header.to_json();
    let segment_len = |n: usize| n.div_ceil(3) * 4;
    let mut token = Vec::with_capacity(
        segment_len(header_json.len()) + segment_len(payload.len()) + 2 + segment_len(132),
    );
    base64url::encode_public_into(header_json.as_bytes(), &mut token);
    token.push(b'.');
    let signature = if detached {
        let mut input = token.clone();
        input.extend_from_slice(payload);
        sign(&input)?
    } else {
        base64url::encode_public_into(payload, &mut token);
        sign(&token)?
    };
    token.push(b'.');
    base64url::encode_public_into(&signature, &mut token);
    String::from_utf8(token).map_err(|_| err!(InvalidToken, "the encoded token is not ASCII"))
}
