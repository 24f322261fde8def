//! What [`decode`](crate::decode) checks, with PyJWT's option names and
//! defaults.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use crate::algorithm::Algorithm;
use crate::error::{Error, err};

/// The default [`Validation::max_token_length`]: 256 KiB.
///
/// ```
/// assert_eq!(jwt_wasm::Validation::default().max_token_length, jwt_wasm::DEFAULT_MAX_TOKEN_LENGTH);
/// ```
pub const DEFAULT_MAX_TOKEN_LENGTH: usize = 256 * 1024;

/// How to validate a token: PyJWT's `algorithms`, `options`, `audience`,
/// `issuer`, `subject`, `leeway` and `detached_payload`, plus a few extras
/// (`max_age`, `typ`, an injectable clock, a size cap).
///
/// Every `verify_*` flag left at `None` follows [`verify_signature`](Self::verify_signature),
/// as PyJWT's options do: all checks run when the signature is verified, and
/// none (except `require`, and `max_age`/`typ` when set) when it is not.
///
/// ```
/// use jwt_wasm::{Algorithm, Validation};
/// let mut validation = Validation::new(&[Algorithm::HS256]);
/// validation.audience = Some(vec!["api".into()]);
/// validation.leeway = 30.0;
/// assert!(validation.verify_signature);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Validation {
    /// The allowlist of `alg` values (RFC 8725 §3.1). Required (non-empty)
    /// when verifying, unless the key is bound to one algorithm, which then
    /// becomes the allowlist. `none` is never accepted, even when listed.
    /// Defaults to empty.
    pub algorithms: Vec<String>,
    /// Check the signature. Defaults to `true`.
    pub verify_signature: bool,
    /// Check `exp`. Defaults to `None`, meaning the value of `verify_signature`.
    pub verify_exp: Option<bool>,
    /// Check `nbf`. Defaults to `None`, meaning the value of `verify_signature`.
    pub verify_nbf: Option<bool>,
    /// Check `iat`. Defaults to `None`, meaning the value of `verify_signature`.
    pub verify_iat: Option<bool>,
    /// Check `aud`. Defaults to `None`, meaning the value of `verify_signature`.
    pub verify_aud: Option<bool>,
    /// Check `iss`. Defaults to `None`, meaning the value of `verify_signature`.
    pub verify_iss: Option<bool>,
    /// Check `sub`. Defaults to `None`, meaning the value of `verify_signature`.
    pub verify_sub: Option<bool>,
    /// Check `jti`. Defaults to `None`, meaning the value of `verify_signature`.
    pub verify_jti: Option<bool>,
    /// Claims that must be present and not `null`. Checked even when the
    /// signature is not. Defaults to empty.
    pub require: Vec<String>,
    /// Seconds of clock skew tolerated by `exp`, `nbf`, `iat` and `max_age`.
    /// Must be finite. Defaults to `0.0`.
    pub leeway: f64,
    /// Accepted audiences: the token's `aud` must contain one of them. `None`
    /// means the token must not carry a non-empty `aud`. Defaults to `None`.
    pub audience: Option<Vec<String>>,
    /// Accepted issuers, compared by exact equality (never substring, see
    /// CVE-2024-53861). `None` skips the check. Defaults to `None`.
    pub issuer: Option<Vec<String>>,
    /// The expected `sub`. `None` only checks that `sub`, if present, is a
    /// string. Defaults to `None`.
    pub subject: Option<String>,
    /// Maximum token age in seconds, measured from `iat` (which becomes
    /// required): a token is refused with `ExpiredSignatureError` "Token is
    /// too old (max_age exceeded)" once `iat + max_age + leeway < now`.
    /// Checked whenever set, after the PyJWT checks. Defaults to `None`.
    pub max_age: Option<f64>,
    /// The expected header `typ`, compared case-insensitively and ignoring an
    /// `application/` prefix on either side (RFC 8725 §3.11). A missing or
    /// different `typ` is `InvalidTokenError` "Invalid \"typ\" header: …".
    /// Checked whenever set, last. Defaults to `None`.
    pub typ: Option<String>,
    /// The current time in Unix seconds. `None` reads the system clock, which
    /// needs the `std` feature (and a target that has a clock); otherwise
    /// time checks fail with a clear error. Defaults to `None`.
    pub now: Option<f64>,
    /// PyJWT's `strict_aud`: the expected audience must be a single value and
    /// the token's `aud` a single string equal to it. Defaults to `false`.
    pub strict_aud: bool,
    /// The payload of a token whose payload segment is detached (RFC 7797
    /// `b64: false`, or RFC 7515 Appendix F). Defaults to `None`.
    pub detached_payload: Option<Vec<u8>>,
    /// Refuse keys shorter than the algorithm's minimum (HMAC secrets shorter
    /// than the hash, RSA below 2048 bits) with `InvalidKeyError` instead of
    /// reporting a warning. Defaults to `false`.
    pub enforce_minimum_key_length: bool,
    /// The largest token accepted, in bytes, checked before anything else.
    /// Defaults to [`DEFAULT_MAX_TOKEN_LENGTH`] (256 KiB).
    pub max_token_length: usize,
}

impl Default for Validation {
    fn default() -> Self {
        Self {
            algorithms: Vec::new(),
            verify_signature: true,
            verify_exp: None,
            verify_nbf: None,
            verify_iat: None,
            verify_aud: None,
            verify_iss: None,
            verify_sub: None,
            verify_jti: None,
            require: Vec::new(),
            leeway: 0.0,
            audience: None,
            issuer: None,
            subject: None,
            max_age: None,
            typ: None,
            now: None,
            strict_aud: false,
            detached_payload: None,
            enforce_minimum_key_length: false,
            max_token_length: DEFAULT_MAX_TOKEN_LENGTH,
        }
    }
}

impl Validation {
    /// Verifies signatures made with one of `algorithms`; every other option
    /// at its default.
    ///
    /// ```
    /// use jwt_wasm::{Algorithm, Validation};
    /// let validation = Validation::new(&[Algorithm::RS256, Algorithm::ES256]);
    /// assert_eq!(validation.algorithms, ["RS256", "ES256"]);
    /// ```
    pub fn new(algorithms: &[Algorithm]) -> Self {
        Self {
            algorithms: algorithms
                .iter()
                .map(|alg| alg.name().to_string())
                .collect(),
            ..Self::default()
        }
    }

    /// Reads a token without verifying its signature; the claim checks then
    /// default to off too (set a `verify_*` flag to `Some(true)` to run one).
    ///
    /// ```
    /// let validation = jwt_wasm::Validation::without_signature();
    /// assert!(!validation.verify_signature);
    /// assert_eq!(validation.verify_exp, None);
    /// ```
    pub fn without_signature() -> Self {
        Self {
            verify_signature: false,
            ..Self::default()
        }
    }

    /// Whether a check whose flag is `flag` runs.
    pub(crate) fn runs(&self, flag: Option<bool>) -> bool {
        flag.unwrap_or(self.verify_signature)
    }

    /// Rejects settings that would silently disable a check (a NaN leeway
    /// makes every time comparison false).
    pub(crate) fn check_settings(&self) -> Result<(), Error> {
        let numbers = [
            ("leeway", Some(self.leeway)),
            ("now", self.now),
            ("max_age", self.max_age),
        ];
        for (name, value) in numbers {
            if value.is_some_and(|v| !v.is_finite()) {
                return Err(err!(
                    InvalidToken,
                    "Validation setting \"{}\" must be a finite number",
                    name
                ));
            }
        }
        Ok(())
    }

    /// The current time: [`Self::now`], else the system clock.
    pub(crate) fn current_time(&self) -> Result<f64, Error> {
        if let Some(now) = self.now {
            return Ok(now);
        }
        system_time()
    }
}

#[cfg(all(
    feature = "std",
    not(all(target_arch = "wasm32", target_os = "unknown"))
))]
fn system_time() -> Result<f64, Error> {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .map_err(|_| err!(InvalidToken, "The system clock is set before 1970"))
}

// Without `std`, or on wasm32-unknown-unknown where `SystemTime::now` would
// trap, there is no clock to read: the caller must pass `now`.
#[cfg(not(all(
    feature = "std",
    not(all(target_arch = "wasm32", target_os = "unknown"))
)))]
fn system_time() -> Result<f64, Error> {
    Err(err!(
        InvalidToken,
        "No clock is available in this build: set Validation::now to the current Unix time"
    ))
}
