//! RSA keys as a [`Key`](crate::Key) holds them: the RustCrypto key (which
//! signs, exports and answers `PublicKeyParts`) together with the
//! verification [`Context`], computed once when the key is imported so that
//! every verification with the same key, including the wasm binding's cached
//! PEM keys, skips that work.

use core::ops::Deref;

use rsa::{RsaPrivateKey, RsaPublicKey};

use super::public::Context;

/// What verification takes from either kind of RSA key: its context.
#[derive(Clone, Copy)]
pub(crate) struct Verifier<'a>(pub(super) Option<&'a Context>);

/// An RSA public key with its verification context.
#[derive(Clone)]
pub(crate) struct RsaPublic {
    key: RsaPublicKey,
    context: Option<Context>,
}

/// An RSA private key with the verification context of its public half.
#[derive(Clone)]
pub(crate) struct RsaPrivate {
    key: RsaPrivateKey,
    context: Option<Context>,
}

impl From<RsaPublicKey> for RsaPublic {
    fn from(key: RsaPublicKey) -> Self {
        let context = Context::new(&key);
        Self { key, context }
    }
}

impl From<RsaPrivateKey> for RsaPrivate {
    fn from(key: RsaPrivateKey) -> Self {
        let context = Context::new(&key);
        Self { key, context }
    }
}

impl RsaPublic {
    /// The RustCrypto key.
    pub(crate) fn key(&self) -> &RsaPublicKey {
        &self.key
    }

    /// What `Algorithm::verify` hands to the fast path.
    pub(crate) fn verifier(&self) -> Verifier<'_> {
        Verifier(self.context.as_ref())
    }
}

impl RsaPrivate {
    /// The RustCrypto key.
    pub(crate) fn key(&self) -> &RsaPrivateKey {
        &self.key
    }

    /// What `Algorithm::verify` hands to the fast path: a private key
    /// verifies with its public half.
    pub(crate) fn verifier(&self) -> Verifier<'_> {
        Verifier(self.context.as_ref())
    }

    /// The public half, reusing the context rather than recomputing it.
    pub(crate) fn public(&self) -> RsaPublic {
        RsaPublic {
            key: self.key.to_public_key(),
            context: self.context.clone(),
        }
    }
}

impl Deref for RsaPublic {
    type Target = RsaPublicKey;
    fn deref(&self) -> &RsaPublicKey {
        &self.key
    }
}

impl Deref for RsaPrivate {
    type Target = RsaPrivateKey;
    fn deref(&self) -> &RsaPrivateKey {
        &self.key
    }
}
