//! The remote JWKS client's policy (src/jwks_client): freshness, cooldown,
//! fetch failures, key selection, URL and size rules. Times are explicit
//! milliseconds, so nothing here depends on a clock.
#![allow(clippy::unwrap_used)] // tests may unwrap
#![cfg(all(feature = "rsa", feature = "ecdsa", feature = "eddsa"))] // RS256, ES256 and EdDSA keys

use jwt_wasm::{Algorithm, ErrorKind, Freshness, JwksCache, JwksPolicy, Key, Plan, check_jwks_url};
use serde_json::{Value, json};

const MAX_AGE: u64 = 600_000;
const COOLDOWN: u64 = 30_000;
const TIMEOUT: u64 = 5_000;

fn policy() -> JwksPolicy {
    JwksPolicy {
        cache_max_age: MAX_AGE,
        cooldown: COOLDOWN,
        fetch_timeout: TIMEOUT,
        max_response_bytes: 64 * 1024,
    }
}

fn public_jwk(alg: Algorithm, kid: &str) -> Value {
    let key = Key::generate(alg).unwrap().with_kid(kid);
    let public = if alg.name().starts_with("HS") {
        key
    } else {
        key.public_key().unwrap()
    };
    Value::Object(public.to_jwk())
}

/// The lease of a `Plan::Fetch`.
fn lease(plan: Plan) -> u64 {
    match plan {
        Plan::Fetch { lease } => lease,
        other => panic!("expected Plan::Fetch, got {other:?}"),
    }
}

fn body(keys: &[Value]) -> String {
    json!({ "keys": keys }).to_string()
}

/// A cache holding `kids` (ES256 keys), fetched at `t`.
fn loaded(kids: &[&str], t: u64) -> JwksCache {
    let mut cache = JwksCache::new(policy());
    let l = lease(cache.plan(kids.first().copied(), t).unwrap());
    let keys: Vec<Value> = kids
        .iter()
        .map(|k| public_jwk(Algorithm::ES256, k))
        .collect();
    cache.fetched(l, &body(&keys), t).unwrap();
    cache
}

#[test]
fn freshness_goes_fresh_stale_expired_by_cooldown_and_max_age() {
    let cache = loaded(&["a"], 1_000);
    assert_eq!(cache.freshness(1_000), Freshness::Fresh);
    assert_eq!(cache.freshness(1_000 + COOLDOWN - 1), Freshness::Fresh);
    assert_eq!(cache.freshness(1_000 + COOLDOWN), Freshness::Stale);
    assert_eq!(cache.freshness(1_000 + MAX_AGE - 1), Freshness::Stale);
    assert_eq!(cache.freshness(1_000 + MAX_AGE), Freshness::Expired);
    assert!(cache.jwk_set(1_000 + MAX_AGE).is_none());
    assert!(cache.jwk_set(1_000 + MAX_AGE - 1).is_some());
}

#[test]
fn a_known_kid_is_served_from_the_cache_until_max_age() {
    let mut cache = loaded(&["a"], 0);
    for t in [1, COOLDOWN, MAX_AGE - 1] {
        assert_eq!(cache.plan(Some("a"), t).unwrap(), Plan::Ready, "at {t}");
        assert_eq!(cache.signing_key("a", t).unwrap().kid(), Some("a"));
    }
    // Expired: a fetch is needed before the key can be used again.
    lease(cache.plan(Some("a"), MAX_AGE).unwrap());
    assert!(cache.signing_key("a", MAX_AGE).is_err());
}

#[test]
fn an_unknown_kid_within_the_cooldown_is_pyjwkclient_error_without_fetch() {
    let mut cache = loaded(&["a"], 0);
    let err = cache.plan(Some("rotated"), COOLDOWN - 1).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::JwkClient);
    assert_eq!(err.code(), "ERR_JWKS_CLIENT");
    assert_eq!(err.kind().class(), "JWKClientError");
    assert_eq!(
        err.to_string(),
        r#"Unable to find a signing key that matches: "rotated""#
    );
}

#[test]
fn an_unknown_kid_after_the_cooldown_refetches_exactly_once() {
    let mut cache = loaded(&["a"], 0);
    let t = COOLDOWN;
    let l = lease(cache.plan(Some("b"), t).unwrap());
    // Rotation: the provider now publishes "b".
    let keys = [public_jwk(Algorithm::RS256, "b")];
    cache.fetched(l, &body(&keys), t + 10).unwrap();
    assert_eq!(cache.plan(Some("b"), t + 20).unwrap(), Plan::Ready);
    // "a" is gone from the new set, and the cooldown restarted at the refetch.
    let err = cache.plan(Some("a"), t + 20).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::JwkClient);
    assert_eq!(cache.freshness(t + 20), Freshness::Fresh);
}

#[test]
fn a_kid_still_missing_after_a_refetch_does_not_refetch_again_within_the_cooldown() {
    let mut cache = loaded(&["a"], 0);
    let l = lease(cache.plan(Some("ghost"), COOLDOWN).unwrap());
    cache
        .fetched(l, &body(&[public_jwk(Algorithm::ES256, "a")]), COOLDOWN + 5)
        .unwrap();
    assert!(cache.plan(Some("ghost"), COOLDOWN + 6).is_err());
    assert!(cache.plan(Some("ghost"), 2 * COOLDOWN - 1).is_err());
    lease(cache.plan(Some("ghost"), 2 * COOLDOWN).unwrap());
}

#[test]
fn concurrent_callers_wait_for_the_fetch_in_flight_until_its_lease_ends() {
    let mut cache = JwksCache::new(policy());
    lease(cache.plan(Some("a"), 100).unwrap());
    for t in [100, 101, 100 + TIMEOUT - 1] {
        assert_eq!(
            cache.plan(Some("a"), t).unwrap(),
            Plan::Wait {
                until: 100 + TIMEOUT
            }
        );
    }
    // The leader never reported (its request was cancelled): the lease lapses
    // and the next caller takes over, so nobody waits forever.
    lease(cache.plan(Some("a"), 100 + TIMEOUT).unwrap());
}

#[test]
fn a_late_report_from_a_lapsed_lease_does_not_end_the_lease_that_took_over() {
    // Found by the workerd test: the first fetch hung past its lease, a
    // second caller took over, then the first one's timeout reported failure.
    let mut cache = JwksCache::new(policy());
    let first = lease(cache.plan(Some("a"), 0).unwrap());
    let second = lease(cache.plan(Some("a"), TIMEOUT).unwrap());
    assert_ne!(first, second);
    cache.fetch_failed(first, TIMEOUT + 1);
    assert_eq!(
        cache.plan(Some("a"), TIMEOUT + 2).unwrap(),
        Plan::Wait { until: 2 * TIMEOUT }
    );
    // A late success still stores its keys (they are as good as any).
    cache
        .fetched(
            first,
            &body(&[public_jwk(Algorithm::ES256, "a")]),
            TIMEOUT + 3,
        )
        .unwrap();
    assert_eq!(cache.plan(Some("a"), TIMEOUT + 4).unwrap(), Plan::Ready);
    cache.fetch_failed(second, TIMEOUT + 5);
    assert_eq!(cache.plan(Some("a"), TIMEOUT + 6).unwrap(), Plan::Ready);
}

#[test]
fn a_cached_key_is_served_while_a_refresh_is_in_flight() {
    let mut cache = loaded(&["a"], 0);
    lease(cache.plan(Some("b"), COOLDOWN).unwrap());
    assert_eq!(cache.plan(Some("a"), COOLDOWN + 1).unwrap(), Plan::Ready);
    assert!(matches!(
        cache.plan(Some("b"), COOLDOWN + 1).unwrap(),
        Plan::Wait { .. }
    ));
}

#[test]
fn a_failed_refresh_keeps_the_previous_set_until_max_age() {
    let mut cache = loaded(&["a"], 0);
    let l = lease(cache.plan(Some("new"), COOLDOWN).unwrap());
    cache.fetch_failed(l, COOLDOWN + 5_000);
    assert_eq!(
        cache.plan(Some("a"), COOLDOWN + 5_001).unwrap(),
        Plan::Ready
    );
    assert!(cache.signing_key("a", MAX_AGE - 1).is_ok());
    assert!(cache.signing_key("a", MAX_AGE).is_err());
    // The cooldown counts from the failed attempt: no hammering.
    assert!(cache.plan(Some("new"), COOLDOWN + 5_001).is_err());
}

#[test]
fn a_bad_response_keeps_the_previous_set_and_is_jwkclienterror() {
    let mut cache = loaded(&["a"], 0);
    assert_eq!(cache.plan(None, MAX_AGE - 10).unwrap(), Plan::Ready);
    let l = lease(cache.plan(Some("x"), COOLDOWN).unwrap());
    for bad in ["not json", "[]", r#"{"keys": 3}"#, r#"{"nokeys": []}"#] {
        let err = cache.fetched(l, bad, COOLDOWN + 1).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::JwkClient, "{bad}");
    }
    assert_eq!(
        cache.signing_key("a", COOLDOWN + 2).unwrap().kid(),
        Some("a")
    );
}

#[test]
fn only_signing_keys_count_and_unusable_keys_are_skipped() {
    let mut cache = JwksCache::new(policy());
    let l = lease(cache.plan(None, 0).unwrap());
    let mut enc = public_jwk(Algorithm::RS256, "enc");
    enc["use"] = json!("enc");
    let mut sig = public_jwk(Algorithm::ES256, "sig");
    sig["use"] = json!("sig");
    let plain = public_jwk(Algorithm::EdDSA, "plain");
    let unusable = json!({"kty": "XYZ", "kid": "weird"});
    cache
        .fetched(l, &body(&[enc, sig, plain, unusable]), 0)
        .unwrap();
    assert!(cache.signing_key("sig", 1).is_ok());
    assert!(cache.signing_key("plain", 1).is_ok());
    assert!(cache.signing_key("enc", 1).is_err());
    assert!(cache.signing_key("weird", 1).is_err());
}

#[test]
fn a_set_without_signing_keys_is_pyjwkclient_error() {
    let mut cache = JwksCache::new(policy());
    let l = lease(cache.plan(None, 0).unwrap());
    let mut enc = public_jwk(Algorithm::RS256, "enc");
    enc["use"] = json!("enc");
    let err = cache.fetched(l, &body(&[enc]), 0).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::JwkClient);
    assert_eq!(
        err.to_string(),
        "The JWKS endpoint did not contain any signing keys"
    );
    let err = cache
        .fetched(l, &body(&[json!({"kty": "XYZ"})]), 0)
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::JwkClient);
}

#[test]
fn the_response_size_cap_is_enforced_on_the_body() {
    let mut small = policy();
    small.max_response_bytes = 100;
    let mut cache = JwksCache::new(small);
    let l = lease(cache.plan(None, 0).unwrap());
    let text = body(&[public_jwk(Algorithm::RS256, "big")]);
    assert!(text.len() > 100);
    let err = cache.fetched(l, &text, 0).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::JwkClient);
    assert!(err.to_string().contains("100 bytes"));
    assert!(small.check_size(100).is_ok());
    assert!(cache.jwk_set(0).is_none());
}

#[test]
fn a_failed_first_fetch_lets_the_next_caller_fetch() {
    let mut cache = JwksCache::new(policy());
    let l = lease(cache.plan(Some("a"), 0).unwrap());
    cache.fetch_failed(l, 3);
    assert_eq!(cache.freshness(4), Freshness::Empty);
    lease(cache.plan(Some("a"), 4).unwrap());
}

#[test]
fn url_policy_https_anywhere_http_only_to_loopback() {
    let ok = [
        "https://idp.example/.well-known/jwks.json",
        "HTTPS://idp.example",
        "http://127.0.0.1:8787/jwks",
        "http://127.1.2.3/jwks",
        "http://localhost/jwks",
        "http://LOCALHOST:99/jwks",
        "http://[::1]:8080/jwks",
        "http://[0:0:0:0:0:0:0:1]/jwks",
    ];
    for url in ok {
        assert!(check_jwks_url(url).is_ok(), "{url}");
    }
    let refused = [
        "http://idp.example/jwks",
        "http://10.0.0.1/jwks",
        "http://128.0.0.1/jwks",
        "http://localhost.evil.example/jwks",
        "http://127.0.0.1@evil.example/jwks",
        "http://127.0.0.1:80:80/jwks",
        "http://127.0.0.1:/jwks",
        "http://[::2]/jwks",
        "http://[::1/jwks",
        "http://127.0.0.1\t.evil.example/",
        " https://idp.example",
        "ftp://127.0.0.1/jwks",
        "file:///etc/passwd",
        "https:///jwks",
        "127.0.0.1/jwks",
        "",
    ];
    for url in refused {
        let err = check_jwks_url(url).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::JwkClient, "{url}");
    }
}

#[test]
fn client_errors_are_not_invalid_token_errors() {
    assert!(!ErrorKind::JwkClient.is_invalid_token());
    assert!(!ErrorKind::JwkClientConnection.is_invalid_token());
    assert_eq!(
        ErrorKind::JwkClientConnection.class(),
        "JWKClientConnectionError"
    );
    assert_eq!(
        ErrorKind::JwkClientConnection.code(),
        "ERR_JWKS_CLIENT_CONNECTION"
    );
}
