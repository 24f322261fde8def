//! The floor of issue 7's size targets: the least WebAssembly module that
//! the crates the project must use (serde_json, RustCrypto, wasm-bindgen)
//! allow, with nothing of jwt-wasm in it.
//!
//! `cargo xtask bench` builds it twice with every crate at `opt-level = "z"`
//! and puts its gzip size beside each flavour's:
//! - without the `full` feature it only verifies an HS256 token (header and
//!   claims parsed with serde_json, `exp` checked, HMAC compared), the floor
//!   of `jwt-wasm/hmac`;
//! - with it, it also signs and verifies with each asymmetric family from
//!   DER keys, the floor of the full package.
//!
//! It has no PEM, JWK, claim rules beyond `exp`, error types or options, so a
//! module with the library's API can only be larger. The bench also calls
//! it, to check that it does what it claims and to time RS256 signing on
//! the `rsa` crate alone.
#![cfg(target_arch = "wasm32")]

use base64ct::{Base64UrlUnpadded, Encoding};
use hmac::{Hmac, KeyInit, Mac};
use serde_json::Value;
use sha2::Sha256;
use wasm_bindgen::prelude::wasm_bindgen;

/// The payload text of `token` when it is an HS256 JWT signed with `secret`
/// whose `exp`, if any, is after `now` (seconds); otherwise `None`.
#[wasm_bindgen]
pub fn verify_hs256(token: &str, secret: &[u8], now: f64) -> Option<String> {
    let mut parts = token.split('.');
    let (header, payload, signature) = (parts.next()?, parts.next()?, parts.next()?);
    let header: Value =
        serde_json::from_slice(&Base64UrlUnpadded::decode_vec(header).ok()?).ok()?;
    if parts.next().is_some() || header.get("alg")?.as_str()? != "HS256" {
        return None;
    }
    let claims = Base64UrlUnpadded::decode_vec(payload).ok()?;
    let exp = serde_json::from_slice::<Value>(&claims)
        .ok()?
        .get("exp")
        .map(Value::as_f64);
    if exp.is_some_and(|exp| exp.is_none_or(|exp| exp <= now)) {
        return None;
    }
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(secret).ok()?;
    mac.update(&token.as_bytes()[..token.rfind('.')?]);
    mac.verify_slice(&Base64UrlUnpadded::decode_vec(signature).ok()?)
        .ok()?;
    String::from_utf8(claims).ok()
}

/// Whether `sig` is `alg`'s signature of `msg` under the SPKI DER key `spki`.
#[cfg(feature = "full")]
#[wasm_bindgen]
pub fn verify(alg: &str, spki: &[u8], msg: &[u8], sig: &[u8]) -> bool {
    use rsa::pkcs8::DecodePublicKey;
    use signature::Verifier;

    fn check<K: DecodePublicKey + Verifier<S>, S: for<'a> TryFrom<&'a [u8]>>(
        spki: &[u8],
        msg: &[u8],
        sig: &[u8],
    ) -> bool {
        match (K::from_public_key_der(spki), S::try_from(sig)) {
            (Ok(key), Ok(sig)) => key.verify(msg, &sig).is_ok(),
            _ => false,
        }
    }
    match alg {
        "RS256" => {
            check::<rsa::pkcs1v15::VerifyingKey<Sha256>, rsa::pkcs1v15::Signature>(spki, msg, sig)
        }
        "PS256" => check::<rsa::pss::VerifyingKey<Sha256>, rsa::pss::Signature>(spki, msg, sig),
        "ES256" => check::<p256::ecdsa::VerifyingKey, p256::ecdsa::Signature>(spki, msg, sig),
        "ES384" => check::<p384::ecdsa::VerifyingKey, p384::ecdsa::Signature>(spki, msg, sig),
        "ES512" => check::<p521::ecdsa::VerifyingKey, p521::ecdsa::Signature>(spki, msg, sig),
        "ES256K" => check::<k256::ecdsa::VerifyingKey, k256::ecdsa::Signature>(spki, msg, sig),
        "EdDSA" => check::<ed25519_dalek::VerifyingKey, ed25519_dalek::Signature>(spki, msg, sig),
        _ => false,
    }
}

/// `alg`'s signature of `msg` under the PKCS#8 DER key `pkcs8`.
#[cfg(feature = "full")]
#[wasm_bindgen]
pub fn sign(alg: &str, pkcs8: &[u8], msg: &[u8]) -> Option<Vec<u8>> {
    use rsa::pkcs8::DecodePrivateKey;
    use signature::{SignatureEncoding, Signer};

    fn with<K: DecodePrivateKey + Signer<S>, S: SignatureEncoding>(
        pkcs8: &[u8],
        msg: &[u8],
    ) -> Option<Vec<u8>> {
        let key = K::from_pkcs8_der(pkcs8).ok()?;
        Some(key.try_sign(msg).ok()?.to_vec())
    }
    match alg {
        "RS256" => with::<rsa::pkcs1v15::SigningKey<Sha256>, rsa::pkcs1v15::Signature>(pkcs8, msg),
        "ES256" => with::<p256::ecdsa::SigningKey, p256::ecdsa::Signature>(pkcs8, msg),
        "ES384" => with::<p384::ecdsa::SigningKey, p384::ecdsa::Signature>(pkcs8, msg),
        "ES512" => with::<p521::ecdsa::SigningKey, p521::ecdsa::Signature>(pkcs8, msg),
        "ES256K" => with::<k256::ecdsa::SigningKey, k256::ecdsa::Signature>(pkcs8, msg),
        "EdDSA" => with::<ed25519_dalek::SigningKey, ed25519_dalek::Signature>(pkcs8, msg),
        _ => None,
    }
}
