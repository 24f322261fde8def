//! The limits of a remote JWKS client: timings, response size and which URLs
//! may be fetched.

use core::net::{Ipv4Addr, Ipv6Addr};

use crate::error::{Error, err};

/// Timings (milliseconds) and limits of a [`JwksCache`](crate::JwksCache).
///
/// ```
/// let policy = jwt_wasm::JwksPolicy::default();
/// assert_eq!(policy.cache_max_age, 600_000);
/// assert_eq!(policy.cooldown, 30_000);
/// assert!(policy.check_size(policy.max_response_bytes).is_ok());
/// assert!(policy.check_size(policy.max_response_bytes + 1).is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JwksPolicy {
    /// How long a fetched set may be used at all; past it the set must be
    /// fetched again, and a failed refresh no longer falls back to it.
    pub cache_max_age: u64,
    /// The least time between two fetch attempts caused by an unknown `kid`,
    /// so tokens with random `kid`s cannot make us hammer the provider.
    pub cooldown: u64,
    /// How long one fetch may be in flight before another caller may take
    /// over (the host's fetch timeout).
    pub fetch_timeout: u64,
    /// The largest accepted response body, in bytes.
    pub max_response_bytes: usize,
}

impl Default for JwksPolicy {
    fn default() -> Self {
        Self {
            cache_max_age: 600_000,
            cooldown: 30_000,
            fetch_timeout: 5_000,
            max_response_bytes: 1 << 20,
        }
    }
}

impl JwksPolicy {
    /// `JWKClientError` when a body of `len` bytes is over the cap.
    ///
    /// ```
    /// let policy = jwt_wasm::JwksPolicy { max_response_bytes: 10, ..Default::default() };
    /// let err = policy.check_size(11).unwrap_err();
    /// assert_eq!(err.kind(), jwt_wasm::ErrorKind::JwkClient);
    /// ```
    pub fn check_size(&self, len: usize) -> Result<(), Error> {
        if len > self.max_response_bytes {
            let max = self.max_response_bytes;
            return Err(err!(
                JwkClient,
                "The JWKS response is larger than the {max} bytes allowed"
            ));
        }
        Ok(())
    }
}

/// Accepts `https:` URLs, and `http:` URLs only to a loopback host
/// (127.0.0.0/8, `[::1]`, `localhost`) for tests; anything else is
/// `JWKClientError`. Keys fetched in clear text could be swapped by anyone on
/// the path, which would let them mint accepted tokens (RFC 8725 §3.1 asks
/// for authenticated key sources).
///
/// ```
/// use jwt_wasm::check_jwks_url;
/// assert!(check_jwks_url("https://idp.example/.well-known/jwks.json").is_ok());
/// assert!(check_jwks_url("http://127.0.0.1:8080/jwks").is_ok());
/// assert!(check_jwks_url("http://idp.example/jwks").is_err());
/// ```
pub fn check_jwks_url(url: &str) -> Result<(), Error> {
    let refuse = || {
        err!(
            JwkClient,
            "The JWKS URL must use https: (http: is allowed only for loopback hosts)"
        )
    };
    // A URL parser drops tabs and newlines and trims spaces, so such a URL
    // could name another host than the one checked here: refuse them.
    if url.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return Err(refuse());
    }
    let (scheme, rest) = url.split_once("://").ok_or_else(refuse)?;
    let authority = rest.split(['/', '\\', '?', '#']).next().unwrap_or_default();
    if authority.is_empty() {
        return Err(refuse());
    }
    if scheme.eq_ignore_ascii_case("https") {
        return Ok(());
    }
    if !scheme.eq_ignore_ascii_case("http") || authority.contains('@') {
        return Err(refuse());
    }
    if is_loopback(authority) {
        Ok(())
    } else {
        Err(refuse())
    }
}

/// Whether `host[:port]` names a loopback host.
fn is_loopback(authority: &str) -> bool {
    // `after` is what follows the host: empty, or `:port`.
    let (host_ok, after) = match authority.strip_prefix('[') {
        Some(rest) => match rest.split_once(']') {
            Some((v6, after)) => (
                v6.parse::<Ipv6Addr>().is_ok_and(|ip| ip.is_loopback()),
                after,
            ),
            None => return false,
        },
        None => {
            let end = authority.find(':').unwrap_or(authority.len());
            let (host, after) = authority.split_at(end);
            let ok = host.eq_ignore_ascii_case("localhost")
                || host.parse::<Ipv4Addr>().is_ok_and(|ip| ip.is_loopback());
            (ok, after)
        }
    };
    let port_ok = after.is_empty()
        || after.strip_prefix(':').is_some_and(|p| {
            !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit())
        });
    host_ok && port_ok
}
