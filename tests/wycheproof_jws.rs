//! Project Wycheproof `json_web_signature_test.json`: all 401 compact JWS
//! cases through `jws::verify_compact`, each group's JWK put in a JWK Set so
//! that `use`/`key_ops` filtering applies as it would for a real key set.
//!
//! Label exceptions, from `../shared/vectors/README.md`:
//! - tcIds 357, 367 and 370 are byte-identical tokens labelled valid, invalid,
//!   invalid (C2SP/wycheproof#236): all three are treated as valid.
//! - tcIds 372 and 373 insert a `?` into the header or payload yet are labelled
//!   valid: a strict base64url decoder rejects them, and so do we.
//!
//! Our own policy exception:
//! - tcIds 346 and 350 (RFC 7520 Figure 20) are PS384 tokens checked with a JWK
//!   whose `alg` is PS256. A JWK's `alg` binds the key to that one algorithm
//!   (RFC 7517 §4.4, RFC 8725 §3.1), so we reject them; the test also proves
//!   that the same key with `alg` removed accepts them.
#![allow(clippy::unwrap_used)]
#![cfg(all(
    feature = "hmac",
    feature = "rsa",
    feature = "ecdsa",
    feature = "eddsa"
))]

use jwt_wasm::{Algorithm, JwkSet, jws};
use serde_json::json;

mod vectors;

const RELABELLED_VALID: [u64; 3] = [357, 367, 370];
const RELABELLED_INVALID: [u64; 2] = [372, 373];
const BOUND_TO_ANOTHER_ALG: [u64; 2] = [346, 350];

#[test]
fn wycheproof_json_web_signature() {
    let Some(data) = vectors::load(
        "wycheproof_json_web_signature",
        "wycheproof/json_web_signature_test.json",
    ) else {
        return;
    };
    let allowed: Vec<Algorithm> = Algorithm::ALL
        .into_iter()
        .filter(|a| *a != Algorithm::None)
        .collect();
    let (mut ran, mut passed, mut accepted) = (0, 0, 0);
    let mut failures = Vec::new();
    for group in data["testGroups"].as_array().unwrap() {
        let jwk = group.get("public").unwrap_or(&group["private"]);
        let set = JwkSet::from_value(&json!({ "keys": [jwk] }));
        for case in group["tests"].as_array().unwrap() {
            let id = case["tcId"].as_u64().unwrap();
            let token = case["jws"].as_str().unwrap();
            let labelled_valid = case["result"] == "valid";
            let expect_valid = (labelled_valid || RELABELLED_VALID.contains(&id))
                && !RELABELLED_INVALID.contains(&id)
                && !BOUND_TO_ANOTHER_ALG.contains(&id);
            if BOUND_TO_ANOTHER_ALG.contains(&id) {
                let mut unbound = jwk.clone();
                unbound.as_object_mut().unwrap().remove("alg");
                let unbound = JwkSet::from_value(&json!({ "keys": [unbound] })).unwrap();
                jws::verify_compact(token, &unbound, &allowed).unwrap();
            }
            let outcome = match &set {
                Ok(set) => jws::verify_compact(token, set, &allowed).map(|_| ()),
                Err(err) => Err(err.clone()),
            };
            ran += 1;
            accepted += usize::from(outcome.is_ok());
            if outcome.is_ok() == expect_valid {
                passed += 1;
            } else {
                failures.push(format!(
                    "tcId {id} ({}): expected {}, got {outcome:?}",
                    case["comment"],
                    if expect_valid { "valid" } else { "invalid" }
                ));
            }
        }
    }
    println!(
        "wycheproof json_web_signature_test.json: {ran} cases ran, {passed} passed ({accepted} accepted, {} rejected)",
        ran - accepted
    );
    assert_eq!(ran, 401, "the file should hold 401 cases");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
