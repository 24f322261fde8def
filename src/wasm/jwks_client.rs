//! `RawJwksCache`: the core's remote-JWKS state machine held by JS. The JS
//! `JwksClient` (pkg/src/jwks-client.js) only performs the fetch; every
//! decision (fetch, wait, use the cache, which key) is made here.

use alloc::string::String;

use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use super::error::to_js;
use super::jwks::RawJwkSet;
use super::key::RawKey;
use crate::error::err;
use crate::{JwksCache, JwksPolicy, Plan, check_jwks_url};

/// JS numbers to whole milliseconds; negative, NaN and infinite inputs were
/// rejected by the JS layer, and are clamped here rather than trusted.
fn ms(value: f64) -> u64 {
    if value.is_finite() && value > 0.0 {
        // Saturating float-to-int conversion (Rust semantics for `as`).
        value as u64
    } else {
        0
    }
}

/// A remote JWKS cache owned by JS.
#[wasm_bindgen(js_name = RawJwksCache)]
pub struct RawJwksCache {
    inner: JwksCache,
    /// `until` of the last [`Plan::Wait`], for the JS poller.
    wait_until: u64,
}

#[wasm_bindgen(js_class = RawJwksCache)]
impl RawJwksCache {
    /// Checks `url` and builds an empty cache with these limits (ms, bytes).
    #[wasm_bindgen(constructor)]
    pub fn new(
        url: &str,
        cache_max_age: f64,
        cooldown: f64,
        timeout: f64,
        max_response_bytes: f64,
    ) -> Result<RawJwksCache, JsValue> {
        check_jwks_url(url).map_err(to_js)?;
        let policy = JwksPolicy {
            cache_max_age: ms(cache_max_age),
            cooldown: ms(cooldown),
            fetch_timeout: ms(timeout),
            max_response_bytes: usize::try_from(ms(max_response_bytes)).unwrap_or(usize::MAX),
        };
        Ok(RawJwksCache {
            inner: JwksCache::new(policy),
            wait_until: 0,
        })
    }

    /// `0` when the cache answers, `-1` to wait (see `waitUntil`), else the
    /// lease number of the fetch the caller must now perform and report; an
    /// unknown `kid` within the cooldown throws.
    pub fn plan(&mut self, kid: Option<String>, now: f64) -> Result<f64, JsValue> {
        let plan = self.inner.plan(kid.as_deref(), ms(now)).map_err(to_js)?;
        Ok(match plan {
            Plan::Ready => 0.0,
            Plan::Fetch { lease } => lease as f64,
            Plan::Wait { until } => {
                self.wait_until = until;
                -1.0
            }
        })
    }

    /// When the fetch the last `"wait"` referred to loses its lease (ms).
    #[wasm_bindgen(getter, js_name = waitUntil)]
    pub fn wait_until(&self) -> f64 {
        self.wait_until as f64
    }

    /// Stores a fetched body; throws JWKClientError when it is unusable (the
    /// previous set is kept).
    pub fn fetched(&mut self, lease: f64, body: &str, now: f64) -> Result<(), JsValue> {
        self.inner.fetched(ms(lease), body, ms(now)).map_err(to_js)
    }

    /// Records a failed fetch (network, timeout, status, size).
    #[wasm_bindgen(js_name = fetchFailed)]
    pub fn fetch_failed(&mut self, lease: f64, now: f64) {
        self.inner.fetch_failed(ms(lease), ms(now));
    }

    /// Throws JWKClientError when `len` bytes are over the response cap.
    #[wasm_bindgen(js_name = checkSize)]
    pub fn check_size(&self, len: f64) -> Result<(), JsValue> {
        let len = usize::try_from(ms(len)).unwrap_or(usize::MAX);
        self.inner.policy().check_size(len).map_err(to_js)
    }

    /// The response cap in bytes.
    #[wasm_bindgen(getter, js_name = maxResponseBytes)]
    pub fn max_response_bytes(&self) -> f64 {
        self.inner.policy().max_response_bytes as f64
    }

    /// A copy of the signing key with this `kid`.
    #[wasm_bindgen(js_name = signingKey)]
    pub fn signing_key(&self, kid: &str, now: f64) -> Result<RawKey, JsValue> {
        self.inner
            .signing_key(kid, ms(now))
            .map(|key| RawKey { inner: key.clone() })
            .map_err(to_js)
    }

    /// A copy of the usable set.
    #[wasm_bindgen(js_name = jwkSet)]
    pub fn jwk_set(&self, now: f64) -> Result<RawJwkSet, JsValue> {
        self.inner
            .jwk_set(ms(now))
            .map(|set| RawJwkSet { inner: set.clone() })
            .ok_or_else(|| to_js(err!(JwkClient, "No usable JWK Set is cached")))
    }
}
