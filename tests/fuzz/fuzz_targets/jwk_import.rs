//! JWK and JWK Set import. Input: JSON text, tried both as one JWK and as a
//! JWK Set.
//!
//! Properties: an imported JWK passes `common::check_key` (JWK/PEM/DER
//! round trips keep the thumbprint, kid and alg); a parsed set re-exports
//! with `to_value` and re-imports to the same keys in the same order; every
//! key `select` returns matches the requested kid and algorithm.
#![no_main]

#[path = "common.rs"]
mod common;

use jwt_wasm::{Algorithm, ErrorKind, JwkSet, Key};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Key::from_jwk_str(text) {
        Ok(key) => {
            common::check_key(&key);
            if let Some(alg) = key.alg() {
                assert_eq!(key.default_alg(), alg, "a bound alg is the default");
            }
        }
        Err(e) => common::check_error(&e),
    }

    let set = match JwkSet::from_str(text) {
        Ok(set) => set,
        Err(e) => return common::check_error(&e),
    };
    assert!(
        !set.keys().is_empty(),
        "a parsed set has at least one usable key"
    );
    let exported = set.to_value();
    let again = JwkSet::from_value(&exported)
        .unwrap_or_else(|e| panic!("exported set does not re-import: {e:?}\n{exported}"));
    assert_eq!(again.keys().len(), set.keys().len(), "set round trip size");
    for (a, b) in set.keys().iter().zip(again.keys()) {
        assert_eq!(
            a.thumbprint().ok(),
            b.thumbprint().ok(),
            "set round trip thumbprint"
        );
        assert_eq!(a.kid(), b.kid());
        assert_eq!(a.alg(), b.alg());
    }
    for key in set.keys() {
        let alg = key.default_alg();
        match set.select(key.kid(), alg) {
            Ok(found) => {
                if let Some(kid) = key.kid() {
                    assert_eq!(found.kid(), Some(kid), "select by kid");
                }
                assert!(
                    found.alg().is_none_or(|a| a == alg),
                    "select honours the bound alg"
                );
                assert_eq!(found.family(), key.family());
            }
            Err(e) => assert!(
                matches!(
                    e.kind(),
                    ErrorKind::JwkSetNoMatchingKey | ErrorKind::JwkSetMultipleMatchingKeys
                ),
                "select failed oddly: {e:?}"
            ),
        }
        let _ = Algorithm::from_name(alg.name()).expect("alg names round trip");
    }
});
