//! Wycheproof HMAC-SHA-2 vectors.
//!
//! Wycheproof also checks truncated tags (`tagSize` below the hash size),
//! labelling correct truncations `valid`. JWS never truncates: the signature
//! is the whole HMAC output (RFC 7518 §3.2), and accepting a prefix would let
//! a forger guess far fewer bits. So for us every truncated tag must fail.

use super::{Tally, field, hex, wycheproof_file};
use crate::Algorithm;
use crate::key::{Key, Material};

fn run(file: &str, alg: Algorithm) {
    let Some(json) = wycheproof_file(file) else {
        return;
    };
    let full_bits = 8 * alg.hash().unwrap().len() as u64;
    let mut tally = Tally::new(file);
    let mut truncated = 0;
    for group in json["testGroups"].as_array().unwrap() {
        let tag_bits = group["tagSize"].as_u64().unwrap();
        for test in group["tests"].as_array().unwrap() {
            let tc_id = test["tcId"].as_u64().unwrap();
            let key = Key::new(Material::Secret(crate::alg::Secret::new(hex(field(
                test, "key",
            )))));
            let msg = hex(field(test, "msg"));
            let tag = hex(field(test, "tag"));
            let labelled_valid = super::labelled_valid(test, tc_id);
            let expected = labelled_valid && tag_bits == full_bits;
            if tag_bits < full_bits {
                truncated += 1;
            }
            let got = alg.verify(&msg, &key, &tag).unwrap();
            tally.check(tc_id, expected, got, field(test, "comment"));
            if expected {
                // Full-length valid tags are also what we produce.
                assert_eq!(alg.sign(&msg, &key).unwrap(), tag, "tcId {tc_id}: sign");
            }
        }
    }
    assert!(truncated > 0, "{file}: expected truncated-tag groups");
    tally.note(alloc::format!(
        "{truncated} truncated-tag cases rejected (JWS uses full tags)"
    ));
    tally.finish();
}

#[test]
fn wycheproof_hmac_sha256() {
    run("hmac_sha256_test.json", Algorithm::HS256);
}

#[test]
fn wycheproof_hmac_sha384() {
    run("hmac_sha384_test.json", Algorithm::HS384);
}

#[test]
fn wycheproof_hmac_sha512() {
    run("hmac_sha512_test.json", Algorithm::HS512);
}
