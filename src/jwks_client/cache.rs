//! The cache of a remote JWKS: when to fetch, when to wait for another
//! caller's fetch, what a fetch result does to the cached set, and key lookup.

use alloc::vec::Vec;

use serde_json::Value;

use super::policy::JwksPolicy;
use crate::error::{Error, err};
use crate::jwks::JwkSet;
use crate::key::Key;

/// How usable the cached set is at a given time.
///
/// ```
/// use jwt_wasm::{Freshness, JwksCache, JwksPolicy};
/// let cache = JwksCache::new(JwksPolicy::default());
/// assert_eq!(cache.freshness(0), Freshness::Empty);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Freshness {
    /// Nothing was fetched yet.
    Empty,
    /// Usable, and the last fetch attempt is younger than the cooldown: an
    /// unknown `kid` does not cause a refetch.
    Fresh,
    /// Usable, and the cooldown has passed: an unknown `kid` may refetch.
    Stale,
    /// Older than `cache_max_age`: it must be fetched again before use.
    Expired,
}

/// What the host must do next for a lookup.
///
/// ```
/// use jwt_wasm::{JwksCache, JwksPolicy, Plan};
/// let mut cache = JwksCache::new(JwksPolicy::default());
/// assert!(matches!(cache.plan(Some("k1"), 0)?, Plan::Fetch { .. }));
/// # Ok::<(), jwt_wasm::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plan {
    /// The cached set answers the lookup.
    Ready,
    /// Fetch the set now, then report with `fetched` or `fetch_failed`,
    /// passing `lease` back.
    Fetch {
        /// Names this fetch, so a late report from a fetch whose lease lapsed
        /// cannot cancel the lease of the caller that took over.
        lease: u64,
    },
    /// Another caller's fetch is in flight until `until` (ms): wait and ask
    /// again. Hosts where a pending promise must not cross requests (Cloudflare
    /// Workers) poll instead of awaiting the other caller's promise.
    Wait {
        /// When the other fetch's lease ends and this caller may fetch itself.
        until: u64,
    },
}

/// The state of one remote JWKS (see the [module docs](crate::JwksCache)).
///
/// ```
/// use jwt_wasm::{Algorithm, JwksCache, JwksPolicy, Key, Plan};
/// let key = Key::generate(Algorithm::ES256)?.public_key()?.with_kid("k1");
/// let body = serde_json::json!({"keys": [key.to_jwk()]}).to_string();
///
/// let mut cache = JwksCache::new(JwksPolicy::default());
/// let Plan::Fetch { lease } = cache.plan(Some("k1"), 1_000)? else { panic!() };
/// cache.fetched(lease, &body, 1_050)?;
/// assert_eq!(cache.plan(Some("k1"), 2_000)?, Plan::Ready);
/// assert_eq!(cache.signing_key("k1", 2_000)?.kid(), Some("k1"));
/// # Ok::<(), jwt_wasm::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct JwksCache {
    policy: JwksPolicy,
    set: Option<JwkSet>,
    /// When the cached set was stored.
    fetched_at: u64,
    /// When the last fetch (successful or not) started; the cooldown counts from it.
    attempted_at: Option<u64>,
    /// The lease of the fetch in flight, if any: its number and its end.
    in_flight: Option<(u64, u64)>,
    /// The number of the last lease handed out.
    leases: u64,
}

impl JwksCache {
    /// An empty cache.
    ///
    /// ```
    /// let cache = jwt_wasm::JwksCache::new(jwt_wasm::JwksPolicy::default());
    /// assert!(cache.jwk_set(0).is_none());
    /// ```
    pub fn new(policy: JwksPolicy) -> Self {
        Self {
            policy,
            set: None,
            fetched_at: 0,
            attempted_at: None,
            in_flight: None,
            leases: 0,
        }
    }

    /// The policy this cache follows.
    ///
    /// ```
    /// let cache = jwt_wasm::JwksCache::new(jwt_wasm::JwksPolicy::default());
    /// assert_eq!(cache.policy().cooldown, 30_000);
    /// ```
    pub fn policy(&self) -> &JwksPolicy {
        &self.policy
    }

    /// How usable the cached set is at `now` (ms).
    ///
    /// ```
    /// # use jwt_wasm::{Freshness, JwksCache, JwksPolicy};
    /// let cache = JwksCache::new(JwksPolicy::default());
    /// assert_eq!(cache.freshness(5), Freshness::Empty);
    /// ```
    pub fn freshness(&self, now: u64) -> Freshness {
        if self.set.is_none() {
            return Freshness::Empty;
        }
        if now.saturating_sub(self.fetched_at) >= self.policy.cache_max_age {
            return Freshness::Expired;
        }
        match self.attempted_at {
            Some(at) if now.saturating_sub(at) < self.policy.cooldown => Freshness::Fresh,
            _ => Freshness::Stale,
        }
    }

    /// The cached set while it is usable (not expired) at `now`.
    ///
    /// ```
    /// let cache = jwt_wasm::JwksCache::new(jwt_wasm::JwksPolicy::default());
    /// assert!(cache.jwk_set(0).is_none());
    /// ```
    pub fn jwk_set(&self, now: u64) -> Option<&JwkSet> {
        match self.freshness(now) {
            Freshness::Fresh | Freshness::Stale => self.set.as_ref(),
            Freshness::Empty | Freshness::Expired => None,
        }
    }

    /// Decides what a lookup of `kid` (or of the whole set, for `None`) needs
    /// at `now`. When it answers [`Plan::Fetch`] the caller holds the fetch
    /// lease and must report the outcome. An unknown `kid` within the cooldown
    /// is `JWKClientError` with PyJWKClient's message.
    ///
    /// ```
    /// # use jwt_wasm::{JwksCache, JwksPolicy, Plan};
    /// let mut cache = JwksCache::new(JwksPolicy::default());
    /// assert!(matches!(cache.plan(None, 0)?, Plan::Fetch { .. }));
    /// // A second caller while the first fetch is in flight waits for it.
    /// assert_eq!(cache.plan(None, 10)?, Plan::Wait { until: 5_000 });
    /// # Ok::<(), jwt_wasm::Error>(())
    /// ```
    pub fn plan(&mut self, kid: Option<&str>, now: u64) -> Result<Plan, Error> {
        let freshness = self.freshness(now);
        let usable = matches!(freshness, Freshness::Fresh | Freshness::Stale);
        if usable && self.has(kid) {
            return Ok(Plan::Ready);
        }
        if let Some((_, until)) = self.in_flight {
            if now < until {
                return Ok(Plan::Wait { until });
            }
        }
        if freshness == Freshness::Fresh {
            // Unknown kid, and the last attempt is too recent to refetch.
            return Err(no_key(kid.unwrap_or_default()));
        }
        self.attempted_at = Some(now);
        self.leases = self.leases.wrapping_add(1);
        let lease = self.leases;
        self.in_flight = Some((lease, now.saturating_add(self.policy.fetch_timeout)));
        Ok(Plan::Fetch { lease })
    }

    /// Ends `lease` if it is still the one in flight; a report from a fetch
    /// whose lease lapsed (and was taken over) leaves the new lease alone.
    fn release(&mut self, lease: u64, now: u64) {
        if self.in_flight.is_some_and(|(current, _)| current == lease) {
            self.in_flight = None;
        }
        if self.attempted_at.is_none() {
            self.attempted_at = Some(now);
        }
    }

    fn has(&self, kid: Option<&str>) -> bool {
        match (kid, &self.set) {
            (_, None) => false,
            (None, Some(_)) => true,
            (Some(kid), Some(set)) => find(set, kid).is_some(),
        }
    }

    /// Stores the JWKS body (JSON text) fetched under `lease`, received at
    /// `now`. On any error the previous set is kept, usable until its own
    /// `cache_max_age`.
    ///
    /// ```
    /// # use jwt_wasm::{ErrorKind, JwksCache, JwksPolicy, Plan};
    /// let mut cache = JwksCache::new(JwksPolicy::default());
    /// let Plan::Fetch { lease } = cache.plan(None, 0)? else { panic!() };
    /// let err = cache.fetched(lease, "<html>", 0).unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::JwkClient);
    /// # Ok::<(), jwt_wasm::Error>(())
    /// ```
    pub fn fetched(&mut self, lease: u64, body: &str, now: u64) -> Result<(), Error> {
        self.release(lease, now);
        self.policy.check_size(body.len())?;
        let set = parse_signing_keys(body)?;
        self.set = Some(set);
        self.fetched_at = now;
        Ok(())
    }

    /// Records that the fetch in flight failed at `now`. The previous set (if
    /// any) stays usable until its `cache_max_age`; the cooldown still counts
    /// from the failed attempt.
    ///
    /// ```
    /// # use jwt_wasm::{JwksCache, JwksPolicy, Plan};
    /// let mut cache = JwksCache::new(JwksPolicy::default());
    /// let Plan::Fetch { lease } = cache.plan(None, 0)? else { panic!() };
    /// cache.fetch_failed(lease, 10);
    /// assert!(matches!(cache.plan(None, 20)?, Plan::Fetch { .. }));
    /// # Ok::<(), jwt_wasm::Error>(())
    /// ```
    pub fn fetch_failed(&mut self, lease: u64, now: u64) {
        self.release(lease, now);
    }

    /// The signing key with this `kid` in the usable set, else
    /// `JWKClientError` `Unable to find a signing key that matches: "<kid>"`.
    ///
    /// ```
    /// # use jwt_wasm::{ErrorKind, JwksCache, JwksPolicy};
    /// let cache = JwksCache::new(JwksPolicy::default());
    /// let err = cache.signing_key("nope", 0).unwrap_err();
    /// assert_eq!(err.to_string(), r#"Unable to find a signing key that matches: "nope""#);
    /// ```
    pub fn signing_key(&self, kid: &str, now: u64) -> Result<&Key, Error> {
        self.jwk_set(now)
            .and_then(|set| find(set, kid))
            .ok_or_else(|| no_key(kid))
    }
}

fn find<'a>(set: &'a JwkSet, kid: &str) -> Option<&'a Key> {
    set.keys().iter().find(|key| key.kid() == Some(kid))
}

fn no_key(kid: &str) -> Error {
    err!(
        JwkClient,
        "Unable to find a signing key that matches: \"{kid}\""
    )
}

/// Parses a JWKS body keeping only signing keys (`use` absent or `"sig"`,
/// RFC 7517 §4.2); keys the library cannot use are skipped by [`JwkSet`].
fn parse_signing_keys(body: &str) -> Result<JwkSet, Error> {
    let value: Value = serde_json::from_str(body)
        .map_err(|_| err!(JwkClient, "The JWKS response is not valid JSON"))?;
    let keys = value
        .get("keys")
        .and_then(Value::as_array)
        .ok_or_else(|| err!(JwkClient, "The JWKS response has no \"keys\" list"))?;
    let signing: Vec<Value> = keys
        .iter()
        .filter(|jwk| match jwk.get("use") {
            None => true,
            Some(u) => u.as_str() == Some("sig"),
        })
        .cloned()
        .collect();
    if signing.is_empty() {
        return Err(err!(
            JwkClient,
            "The JWKS endpoint did not contain any signing keys"
        ));
    }
    let mut doc = serde_json::Map::new();
    doc.insert("keys".into(), Value::Array(signing));
    JwkSet::from_value(&Value::Object(doc))
        .map_err(|e| err!(JwkClient, "The JWKS response is unusable: {}", e.message()))
}
