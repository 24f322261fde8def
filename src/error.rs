//! One error type for the whole crate, shaped after PyJWT's exception hierarchy.
//!
//! Every failure is an [`Error`] carrying an [`ErrorKind`]. Each kind has a
//! stable [`code`](ErrorKind::code) (in the style of jose's `ERR_…` codes) and
//! the name of the PyJWT class it maps to ([`class`](ErrorKind::class)), which
//! the JavaScript layer turns into an `Error` subclass.

use alloc::borrow::Cow;
use alloc::boxed::Box;
use alloc::string::String;
use core::fmt;

/// What went wrong, one variant per PyJWT exception class (and a few finer
/// variants that share a class but need their own code).
///
/// ```
/// use jwt_wasm::ErrorKind;
/// assert_eq!(ErrorKind::ExpiredSignature.code(), "ERR_JWT_EXPIRED");
/// assert_eq!(ErrorKind::ExpiredSignature.class(), "ExpiredSignatureError");
/// assert!(ErrorKind::ExpiredSignature.is_invalid_token());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// `InvalidTokenError`: the token is unacceptable for a reason with no finer class.
    InvalidToken,
    /// `DecodeError`: the token could not be parsed.
    Decode,
    /// `InvalidSignatureError`: the signature does not verify.
    InvalidSignature,
    /// `ExpiredSignatureError`: `exp` is in the past.
    ExpiredSignature,
    /// `ImmatureSignatureError`: `nbf` or `iat` is in the future.
    ImmatureSignature,
    /// `InvalidAudienceError`: `aud` does not match.
    InvalidAudience,
    /// `InvalidIssuerError`: `iss` does not match.
    InvalidIssuer,
    /// `InvalidIssuedAtError`: `iat` is malformed.
    InvalidIssuedAt,
    /// `InvalidAlgorithmError`: the algorithm is not allowed or not supported.
    InvalidAlgorithm,
    /// `MissingRequiredClaimError`: a required claim is absent; see [`Error::claim`].
    MissingRequiredClaim,
    /// `InvalidSubjectError`: `sub` is malformed or does not match.
    InvalidSubject,
    /// `InvalidJTIError`: `jti` is malformed.
    InvalidJti,
    /// `InvalidKeyError`: the key is unusable, malformed, or of the wrong family.
    InvalidKey,
    /// `PyJWKError`: a JWK could not be imported.
    Jwk,
    /// `PyJWKSetError`: a JWK Set is malformed or holds no usable key.
    JwkSet,
    /// `PyJWKSetError`: no key in the set matches the token.
    JwkSetNoMatchingKey,
    /// `PyJWKSetError`: more than one key in the set matches the token.
    JwkSetMultipleMatchingKeys,
    /// `PyJWKClientError`: a remote JWKS is unusable (bad URL, bad response,
    /// no signing key for the requested `kid`).
    JwkClient,
    /// `PyJWKClientConnectionError`: the remote JWKS could not be fetched
    /// (network failure, timeout, non-200 status).
    JwkClientConnection,
}

impl ErrorKind {
    /// The stable machine-readable code for this kind.
    ///
    /// ```
    /// assert_eq!(jwt_wasm::ErrorKind::InvalidSignature.code(), "ERR_JWS_SIGNATURE_VERIFICATION_FAILED");
    /// ```
    pub const fn code(self) -> &'static str {
        match self {
            Self::InvalidToken => "ERR_JWT_INVALID",
            Self::Decode => "ERR_JWT_DECODE",
            Self::InvalidSignature => "ERR_JWS_SIGNATURE_VERIFICATION_FAILED",
            Self::ExpiredSignature => "ERR_JWT_EXPIRED",
            Self::ImmatureSignature => "ERR_JWT_NOT_YET_VALID",
            Self::InvalidAudience => "ERR_JWT_AUDIENCE_INVALID",
            Self::InvalidIssuer => "ERR_JWT_ISSUER_INVALID",
            Self::InvalidIssuedAt => "ERR_JWT_IAT_INVALID",
            Self::InvalidAlgorithm => "ERR_JOSE_ALG_NOT_ALLOWED",
            Self::MissingRequiredClaim => "ERR_JWT_CLAIM_MISSING",
            Self::InvalidSubject => "ERR_JWT_SUBJECT_INVALID",
            Self::InvalidJti => "ERR_JWT_JTI_INVALID",
            Self::InvalidKey => "ERR_KEY_INVALID",
            Self::Jwk => "ERR_JWK_INVALID",
            Self::JwkSet => "ERR_JWKS_INVALID",
            Self::JwkSetNoMatchingKey => "ERR_JWKS_NO_MATCHING_KEY",
            Self::JwkSetMultipleMatchingKeys => "ERR_JWKS_MULTIPLE_MATCHING_KEYS",
            Self::JwkClient => "ERR_JWKS_CLIENT",
            Self::JwkClientConnection => "ERR_JWKS_CLIENT_CONNECTION",
        }
    }

    /// The name of the PyJWT-style error class this kind belongs to.
    ///
    /// ```
    /// assert_eq!(jwt_wasm::ErrorKind::JwkSetNoMatchingKey.class(), "JWKSetError");
    /// ```
    pub const fn class(self) -> &'static str {
        match self {
            Self::InvalidToken => "InvalidTokenError",
            Self::Decode => "DecodeError",
            Self::InvalidSignature => "InvalidSignatureError",
            Self::ExpiredSignature => "ExpiredSignatureError",
            Self::ImmatureSignature => "ImmatureSignatureError",
            Self::InvalidAudience => "InvalidAudienceError",
            Self::InvalidIssuer => "InvalidIssuerError",
            Self::InvalidIssuedAt => "InvalidIssuedAtError",
            Self::InvalidAlgorithm => "InvalidAlgorithmError",
            Self::MissingRequiredClaim => "MissingRequiredClaimError",
            Self::InvalidSubject => "InvalidSubjectError",
            Self::InvalidJti => "InvalidJTIError",
            Self::InvalidKey => "InvalidKeyError",
            Self::Jwk => "JWKError",
            Self::JwkSet | Self::JwkSetNoMatchingKey | Self::JwkSetMultipleMatchingKeys => {
                "JWKSetError"
            }
            Self::JwkClient => "JWKClientError",
            Self::JwkClientConnection => "JWKClientConnectionError",
        }
    }

    /// True for the kinds under PyJWT's `InvalidTokenError`.
    ///
    /// ```
    /// assert!(!jwt_wasm::ErrorKind::InvalidKey.is_invalid_token());
    /// ```
    pub const fn is_invalid_token(self) -> bool {
        !matches!(
            self,
            Self::InvalidKey
                | Self::Jwk
                | Self::JwkSet
                | Self::JwkSetNoMatchingKey
                | Self::JwkSetMultipleMatchingKeys
                | Self::JwkClient
                | Self::JwkClientConnection
        )
    }
}

/// An error with its [`ErrorKind`] and a human-readable message (PyJWT's text
/// where PyJWT has one).
///
/// ```
/// use jwt_wasm::{Error, ErrorKind};
/// let err = Error::missing_claim("exp");
/// assert_eq!(err.kind(), ErrorKind::MissingRequiredClaim);
/// assert_eq!(err.to_string(), "Token is missing the \"exp\" claim");
/// assert_eq!(err.claim(), Some("exp"));
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Error(Box<Inner>);

#[derive(Clone, PartialEq, Eq)]
struct Inner {
    kind: ErrorKind,
    message: Cow<'static, str>,
    claim: Option<String>,
}

impl Error {
    /// Builds an error of `kind` with `message`.
    ///
    /// ```
    /// let err = jwt_wasm::Error::new(jwt_wasm::ErrorKind::Decode, "Not enough segments");
    /// assert_eq!(err.message(), "Not enough segments");
    /// ```
    pub fn new(kind: ErrorKind, message: impl Into<Cow<'static, str>>) -> Self {
        Self(Box::new(Inner {
            kind,
            message: message.into(),
            claim: None,
        }))
    }

    /// `MissingRequiredClaimError` for `claim`, with PyJWT's message.
    ///
    /// ```
    /// assert_eq!(jwt_wasm::Error::missing_claim("aud").claim(), Some("aud"));
    /// ```
    pub fn missing_claim(claim: &str) -> Self {
        let mut err = Self::new(
            ErrorKind::MissingRequiredClaim,
            alloc::format!("Token is missing the \"{claim}\" claim"),
        );
        err.0.claim = Some(claim.into());
        err
    }

    /// What kind of error this is.
    ///
    /// ```
    /// # use jwt_wasm::{Error, ErrorKind};
    /// assert_eq!(Error::new(ErrorKind::InvalidKey, "x").kind(), ErrorKind::InvalidKey);
    /// ```
    pub fn kind(&self) -> ErrorKind {
        self.0.kind
    }

    /// The stable code of [`Self::kind`].
    ///
    /// ```
    /// # use jwt_wasm::{Error, ErrorKind};
    /// assert_eq!(Error::new(ErrorKind::Decode, "x").code(), "ERR_JWT_DECODE");
    /// ```
    pub fn code(&self) -> &'static str {
        self.0.kind.code()
    }

    /// The message, without the class name.
    ///
    /// ```
    /// # use jwt_wasm::{Error, ErrorKind};
    /// assert_eq!(Error::new(ErrorKind::Decode, "bad").message(), "bad");
    /// ```
    pub fn message(&self) -> &str {
        &self.0.message
    }

    /// The claim named by a `MissingRequiredClaim` error.
    ///
    /// ```
    /// # use jwt_wasm::{Error, ErrorKind};
    /// assert_eq!(Error::new(ErrorKind::Decode, "bad").claim(), None);
    /// ```
    pub fn claim(&self) -> Option<&str> {
        self.0.claim.as_deref()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.message)
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.0.kind.class(), self.0.message)
    }
}

impl core::error::Error for Error {}

/// Builds an [`Error`] of the given kind from a format string, so that
/// `err!(Decode, "bad {part}")` captures variables like `format!` does.
macro_rules! err {
    ($kind:ident, $($fmt:tt)+) => {
        $crate::error::Error::from_args($crate::error::ErrorKind::$kind, format_args!($($fmt)+))
    };
}
pub(crate) use err;

impl Error {
    /// Builds an error from format arguments, allocating only when the
    /// message is not a plain literal.
    pub(crate) fn from_args(kind: ErrorKind, args: fmt::Arguments<'_>) -> Self {
        match args.as_str() {
            Some(message) => Self::new(kind, message),
            None => Self::new(kind, alloc::fmt::format(args)),
        }
    }
}
