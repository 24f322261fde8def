//! JWK import (RFC 7517, RFC 7518 §6, RFC 8037 §2, RFC 8812 §3) with PyJWK's
//! algorithm inference, and stricter validation than PyJWT: canonical
//! base64url, points on the curve, fixed-width coordinates, `crv` matching
//! `alg`, and complete, consistent RSA private keys.

use alloc::string::String;
use alloc::vec::Vec;

use serde_json::{Map, Value};

use super::{Key, Material, b64};
use crate::algorithm::{Algorithm, Curve};
use crate::error::{Error, err};

impl Key {
    /// A key from a JWK (a JSON object). Public and private keys of kty `oct`,
    /// `RSA`, `EC` (P-256, P-384, P-521, secp256k1) and `OKP` (Ed25519).
    ///
    /// A JWK `alg` binds the key to that algorithm (and must fit the key's
    /// family and curve); `kid`, `use` and `key_ops` are kept. Malformed JWKs
    /// are `JWKError`s, unusable key material `InvalidKeyError`s.
    ///
    /// ```
    /// use jwt_wasm::{Algorithm, Key};
    /// let jwk = serde_json::json!({"kty": "oct", "k": "c2VjcmV0", "alg": "HS384"});
    /// let key = Key::from_jwk(&jwk)?;
    /// assert_eq!(key.alg(), Some(Algorithm::HS384));
    /// # Ok::<(), jwt_wasm::Error>(())
    /// ```
    pub fn from_jwk(jwk: &Value) -> Result<Self, Error> {
        import(jwk, None)
    }

    /// Like [`Key::from_jwk`], binding the key to `alg` instead of the JWK's
    /// own `alg` (PyJWK's `algorithm` argument).
    ///
    /// ```
    /// use jwt_wasm::{Algorithm, Key};
    /// let jwk = serde_json::json!({"kty": "oct", "k": "c2VjcmV0", "alg": "HS384"});
    /// assert_eq!(Key::from_jwk_with_alg(&jwk, Algorithm::HS512)?.alg(), Some(Algorithm::HS512));
    /// # Ok::<(), jwt_wasm::Error>(())
    /// ```
    pub fn from_jwk_with_alg(jwk: &Value, alg: Algorithm) -> Result<Self, Error> {
        import(jwk, Some(alg))
    }

    /// A key from a JWK in JSON text; see [`Key::from_jwk`].
    ///
    /// ```
    /// use jwt_wasm::{Algorithm, Key};
    /// let key = Key::from_jwk_str(r#"{"kty":"OKP","crv":"Ed25519",
    ///     "x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#)?;
    /// assert_eq!(key.default_alg(), Algorithm::EdDSA);
    /// # Ok::<(), jwt_wasm::Error>(())
    /// ```
    pub fn from_jwk_str(json: &str) -> Result<Self, Error> {
        let value: Value =
            serde_json::from_str(json).map_err(|_| err!(Jwk, "The JWK is not valid JSON"))?;
        Self::from_jwk(&value)
    }
}

fn import(jwk: &Value, explicit: Option<Algorithm>) -> Result<Key, Error> {
    let obj = jwk
        .as_object()
        .ok_or_else(|| err!(Jwk, "The JWK must be a JSON object"))?;
    let Some(kty) = obj.get("kty") else {
        // The members' names only: never echo key material into messages.
        let names: Vec<&str> = obj.keys().map(String::as_str).collect();
        return Err(err!(InvalidKey, "kty is not found: {:?}", names));
    };
    let kty = kty
        .as_str()
        .ok_or_else(|| err!(Jwk, "The JWK member \"kty\" must be a string"))?;
    let crv = string(obj, "crv")?;
    let named = match string(obj, "alg")? {
        Some(name) => Some(
            Algorithm::from_name(name)
                .ok()
                .filter(|alg| *alg != Algorithm::None)
                .ok_or_else(|| err!(Jwk, "Unable to find an algorithm for key: {}", name))?,
        ),
        None => None,
    };
    let material = match kty {
        "oct" => oct(obj)?,
        "RSA" => rsa(obj)?,
        "EC" => ec(obj, crv)?,
        "OKP" => okp(obj, crv)?,
        other => return Err(err!(InvalidKey, "Unsupported kty: {}", other)),
    };
    let mut key = Key::new(material);
    if let Some(alg) = explicit.or(named) {
        key = key.with_alg(alg)?;
    }
    key.kid = string(obj, "kid")?.map(String::from);
    key.key_use = string(obj, "use")?.map(String::from);
    key.key_ops = match obj.get("key_ops") {
        None => None,
        Some(Value::Array(ops)) => Some(
            ops.iter()
                .map(|op| op.as_str().map(String::from))
                .collect::<Option<Vec<_>>>()
                .ok_or_else(|| err!(Jwk, "The JWK member \"key_ops\" must hold strings"))?,
        ),
        Some(_) => return Err(err!(Jwk, "The JWK member \"key_ops\" must be an array")),
    };
    Ok(key)
}

/// An optional string member.
fn string<'a>(obj: &'a Map<String, Value>, name: &str) -> Result<Option<&'a str>, Error> {
    match obj.get(name) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(err!(Jwk, "The JWK member \"{}\" must be a string", name)),
    }
}

/// An optional base64url member, decoded.
fn bytes(
    obj: &Map<String, Value>,
    name: &str,
) -> Result<Option<zeroize::Zeroizing<Vec<u8>>>, Error> {
    string(obj, name)?.map(|s| b64::decode(name, s)).transpose()
}

/// A required base64url member, decoded.
fn required(obj: &Map<String, Value>, name: &str) -> Result<zeroize::Zeroizing<Vec<u8>>, Error> {
    bytes(obj, name)?
        .ok_or_else(|| err!(Jwk, "The JWK is missing the required member \"{}\"", name))
}

#[cfg(not(all(
    feature = "hmac",
    feature = "rsa",
    feature = "ecdsa",
    feature = "eddsa"
)))]
fn unsupported(kty: &str) -> Error {
    err!(InvalidKey, "This build does not support kty {}", kty)
}

/// `oct` (RFC 7518 §6.4): a non-empty secret.
fn oct(obj: &Map<String, Value>) -> Result<Material, Error> {
    let k = required(obj, "k")?;
    if k.is_empty() {
        // An empty HMAC key authenticates nothing (Wycheproof JWK tcIds 16-18).
        return Err(err!(InvalidKey, "The HMAC key in the JWK is empty"));
    }
    #[cfg(feature = "hmac")]
    return Ok(Key::from_secret_unchecked(&k).material);
    #[cfg(not(feature = "hmac"))]
    Err(unsupported("oct"))
}

/// `RSA` (RFC 7518 §6.3). A private key must carry every CRT parameter
/// (§6.3.2), and they must agree with n, e and d.
fn rsa(obj: &Map<String, Value>) -> Result<Material, Error> {
    let n = required(obj, "n")?;
    let e = required(obj, "e")?;
    if obj.contains_key("oth") {
        return Err(err!(
            InvalidKey,
            "Multi-prime RSA keys (oth) are not supported"
        ));
    }
    let Some(d) = bytes(obj, "d")? else {
        #[cfg(feature = "rsa")]
        return rsa_public_from_parts(n.to_vec(), e.to_vec());
        #[cfg(not(feature = "rsa"))]
        return Err(unsupported("RSA"));
    };
    let mut crt = Vec::new();
    for name in ["p", "q", "dp", "dq", "qi"] {
        crt.push(bytes(obj, name)?.ok_or_else(|| {
            err!(
                InvalidKey,
                "An RSA private JWK must include all of p, q, dp, dq and qi"
            )
        })?);
    }
    #[cfg(feature = "rsa")]
    return super::rsa_jwk::private_from_parts(&n, &e, &d, &crt);
    #[cfg(not(feature = "rsa"))]
    {
        let _ = (n, e, d, crt);
        Err(unsupported("RSA"))
    }
}

/// An RSA public key from big-endian n and e.
#[cfg(feature = "rsa")]
pub(super) fn rsa_public_from_parts(n: Vec<u8>, e: Vec<u8>) -> Result<Material, Error> {
    super::rsa_jwk::public_from_parts(&n, &e)
}

/// `EC` (RFC 7518 §6.2): fixed-width coordinates of a point on the curve,
/// and a private scalar whose public point is (x, y).
fn ec(obj: &Map<String, Value>, crv: Option<&str>) -> Result<Material, Error> {
    let crv = crv.ok_or_else(|| err!(InvalidKey, "The EC JWK is missing crv"))?;
    let curve =
        Curve::from_name(crv).ok_or_else(|| err!(InvalidKey, "Unsupported crv: {}", crv))?;
    let len = curve.field_len();
    let x = required(obj, "x")?;
    let y = required(obj, "y")?;
    if x.len() != len || y.len() != len {
        return Err(err!(
            InvalidKey,
            "Coords should be {} bytes for curve {}",
            len,
            crv
        ));
    }
    let d = bytes(obj, "d")?;
    if d.as_ref().is_some_and(|d| d.len() != len) {
        return Err(err!(
            InvalidKey,
            "D should be {} bytes for curve {}",
            len,
            crv
        ));
    }
    #[cfg(feature = "ecdsa")]
    {
        let mut sec1 = zeroize::Zeroizing::new(Vec::with_capacity(1 + 2 * len));
        sec1.push(0x04); // uncompressed point, SEC 1 §2.3.3
        sec1.extend_from_slice(&x);
        sec1.extend_from_slice(&y);
        super::ec_jwk::material(curve, &sec1, d.as_deref().map(|d| d.as_slice()))
    }
    #[cfg(not(feature = "ecdsa"))]
    Err(unsupported("EC"))
}

/// `OKP` (RFC 8037 §2): only Ed25519 is supported.
fn okp(obj: &Map<String, Value>, crv: Option<&str>) -> Result<Material, Error> {
    match crv {
        Some("Ed25519") => {}
        Some(other) => return Err(err!(InvalidKey, "Unsupported crv: {}", other)),
        None => return Err(err!(InvalidKey, "The OKP JWK is missing crv")),
    }
    let x = required(obj, "x")?;
    let d = bytes(obj, "d")?;
    #[cfg(feature = "eddsa")]
    {
        let x: [u8; 32] = x
            .as_slice()
            .try_into()
            .map_err(|_| err!(InvalidKey, "The Ed25519 public key must be 32 bytes"))?;
        let public = ed25519_dalek::VerifyingKey::from_bytes(&x)
            .map_err(|_| err!(InvalidKey, "The Ed25519 public key is not a valid point"))?;
        let Some(d) = d else {
            return Ok(Material::Ed25519Public(alloc::boxed::Box::new(
                public.into(),
            )));
        };
        let seed: &[u8; 32] = d
            .as_slice()
            .try_into()
            .map_err(|_| err!(InvalidKey, "The Ed25519 private key must be 32 bytes"))?;
        let secret = ed25519_dalek::SigningKey::from_bytes(seed);
        if secret.verifying_key() != public {
            return Err(err!(
                InvalidKey,
                "The Ed25519 private key does not match its public key"
            ));
        }
        Ok(Material::Ed25519Private(alloc::boxed::Box::new(
            secret.into(),
        )))
    }
    #[cfg(not(feature = "eddsa"))]
    {
        let _ = (x, d);
        Err(unsupported("OKP"))
    }
}
