//! JWK thumbprints (RFC 7638): SHA-256 over the required members only, in
//! lexicographic order, with no whitespace (§3.2, §3.3).

use alloc::string::String;

use sha2::{Digest, Sha256};

use super::{Key, b64};
use crate::error::{Error, err};

impl Key {
    /// The RFC 7638 SHA-256 thumbprint, base64url without padding. It depends
    /// only on the public key (or the secret), not on `alg`, `kid` or format.
    ///
    /// ```
    /// use jwt_wasm::Key;
    /// // RFC 8037 Appendix A.3
    /// let key = Key::from_jwk_str(r#"{"kty":"OKP","crv":"Ed25519",
    ///     "x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#)?;
    /// assert_eq!(key.thumbprint()?, "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k");
    /// # Ok::<(), jwt_wasm::Error>(())
    /// ```
    pub fn thumbprint(&self) -> Result<String, Error> {
        let jwk = self.to_jwk();
        let kty = jwk.get("kty").and_then(|v| v.as_str()).unwrap_or_default();
        // RFC 7638 §3.2 lists the required members per kty, already sorted.
        let members: &[&str] = match kty {
            "oct" => &["k", "kty"],
            "RSA" => &["e", "kty", "n"],
            "EC" => &["crv", "kty", "x", "y"],
            "OKP" => &["crv", "kty", "x"],
            _ => &[],
        };
        let mut text = zeroize::Zeroizing::new(String::from("{"));
        for (i, name) in members.iter().enumerate() {
            let value = jwk
                .get(*name)
                .and_then(|v| serde_json::to_string(v).ok())
                .ok_or_else(|| err!(InvalidKey, "Could not compute the key's thumbprint"))?;
            if i > 0 {
                text.push(',');
            }
            text.push('"');
            text.push_str(name);
            text.push_str("\":");
            text.push_str(&value);
        }
        text.push('}');
        Ok(b64::encode(&Sha256::digest(text.as_bytes())))
    }
}
