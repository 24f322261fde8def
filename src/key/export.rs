//! JWK export (RFC 7517 §4, RFC 7518 §6, RFC 8037 §2): base64url without
//! padding, EC coordinates at the curve's full width (RFC 7518 §6.2.1.2).

use alloc::string::String;
use alloc::vec::Vec;

use serde_json::{Map, Value};

use super::{Key, Material, b64};

impl Key {
    /// The key as a JWK object: its public members, private members when it
    /// is private (an RSA private key includes every CRT parameter), and
    /// `alg`, `kid`, `use` and `key_ops` when set.
    ///
    /// ```
    /// use jwt_wasm::{Algorithm, Key};
    /// let key = Key::generate(Algorithm::ES256)?.with_kid("k");
    /// let jwk = key.public_key()?.to_jwk();
    /// assert_eq!(jwk["kty"], "EC");
    /// assert_eq!(jwk["crv"], "P-256");
    /// assert_eq!(jwk["alg"], "ES256");
    /// assert!(!jwk.contains_key("d"));
    /// assert_eq!(Key::from_jwk(&jwk.into())?.thumbprint()?, key.thumbprint()?);
    /// # Ok::<(), jwt_wasm::Error>(())
    /// ```
    pub fn to_jwk(&self) -> Map<String, Value> {
        let mut jwk = Map::new();
        let mut put = |name: &str, bytes: &[u8]| {
            jwk.insert(name.into(), Value::String(b64::encode(bytes)));
        };
        let kty = match &self.material {
            #[cfg(feature = "hmac")]
            Material::Secret(secret) => {
                put("k", secret);
                "oct"
            }
            #[cfg(feature = "rsa")]
            Material::RsaPublic(k) => {
                let (n, e) = super::rsa_jwk::public_parts(k.key());
                put("n", &n);
                put("e", &e);
                "RSA"
            }
            #[cfg(feature = "rsa")]
            Material::RsaPrivate(k) => {
                let (n, e) = super::rsa_jwk::public_parts(k.key());
                put("n", &n);
                put("e", &e);
                let components = super::rsa_jwk::Components::of(k);
                if let Some(p) = components.as_ref().and_then(|c| c.parts()) {
                    put("d", p.private_exponent.as_bytes());
                    put("p", p.prime1.as_bytes());
                    put("q", p.prime2.as_bytes());
                    put("dp", p.exponent1.as_bytes());
                    put("dq", p.exponent2.as_bytes());
                    put("qi", p.coefficient.as_bytes());
                }
                "RSA"
            }
            #[cfg(feature = "ecdsa")]
            Material::EcPublic(k) => {
                ec_coordinates(&mut put, k);
                "EC"
            }
            #[cfg(feature = "ecdsa")]
            Material::EcPrivate(k) => {
                ec_coordinates(&mut put, &k.public());
                put("d", &super::ec_jwk::private_scalar(k));
                "EC"
            }
            #[cfg(feature = "eddsa")]
            Material::Ed25519Public(k) => {
                put("x", k.as_bytes());
                "OKP"
            }
            #[cfg(feature = "eddsa")]
            Material::Ed25519Private(k) => {
                put("x", k.verifying_key().as_bytes());
                put("d", zeroize::Zeroizing::new(k.to_bytes()).as_slice());
                "OKP"
            }
        };
        jwk.insert("kty".into(), kty.into());
        match self.family() {
            crate::Family::Ec(curve) => {
                jwk.insert("crv".into(), curve.name().into());
            }
            crate::Family::Ed25519 => {
                jwk.insert("crv".into(), "Ed25519".into());
            }
            _ => {}
        }
        if let Some(alg) = self.alg {
            jwk.insert("alg".into(), alg.name().into());
        }
        if let Some(kid) = &self.kid {
            jwk.insert("kid".into(), kid.as_str().into());
        }
        if let Some(key_use) = &self.key_use {
            jwk.insert("use".into(), key_use.as_str().into());
        }
        if let Some(ops) = &self.key_ops {
            let ops: Vec<Value> = ops.iter().map(|op| op.as_str().into()).collect();
            jwk.insert("key_ops".into(), ops.into());
        }
        jwk
    }
}

/// Puts `x` and `y`, each the curve's full width, from `04 || x || y`.
#[cfg(feature = "ecdsa")]
fn ec_coordinates(put: &mut impl FnMut(&str, &[u8]), key: &super::EcPublic) {
    let point = super::ec_jwk::public_point(key);
    let coords = point.get(1..).unwrap_or_default();
    let (x, y) = coords.split_at(coords.len() / 2);
    put("x", x);
    put("y", y);
}
