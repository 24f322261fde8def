//! Wycheproof Ed25519 vectors, also recording where ed25519-dalek's lenient
//! `verify` would answer differently from the `verify_strict` we use.

use alloc::vec::Vec;

use ed25519_dalek::{Signature, Verifier, VerifyingKey};

use super::{Tally, field, hex, wycheproof_file};
use crate::Algorithm;
use crate::key::{Key, Material};

#[test]
fn wycheproof_ed25519() {
    let file = "ed25519_test.json";
    let Some(json) = wycheproof_file(file) else {
        return;
    };
    let mut tally = Tally::new(file);
    // tcIds where the lenient `verify` disagrees with Wycheproof's label.
    let mut lenient_wrong: Vec<u64> = Vec::new();
    for group in json["testGroups"].as_array().unwrap() {
        let pk: [u8; 32] = hex(field(&group["publicKey"], "pk")).try_into().unwrap();
        let vk = VerifyingKey::from_bytes(&pk).expect("Wycheproof Ed25519 keys decode");
        let key = Key::new(Material::Ed25519Public(alloc::boxed::Box::new(vk.into())));
        for test in group["tests"].as_array().unwrap() {
            let tc_id = test["tcId"].as_u64().unwrap();
            let msg = hex(field(test, "msg"));
            let sig = hex(field(test, "sig"));
            let expected = super::labelled_valid(test, tc_id);
            let got = Algorithm::EdDSA.verify(&msg, &key, &sig).unwrap();
            tally.check(tc_id, expected, got, field(test, "comment"));
            let lenient = Signature::from_slice(&sig).is_ok_and(|s| vk.verify(&msg, &s).is_ok());
            if lenient != expected {
                lenient_wrong.push(tc_id);
            }
        }
    }
    // The decision in `eddsa::verify`: strict matches every label; record how
    // the lenient check fares so the choice stays justified by data.
    tally.note(alloc::format!(
        "lenient verify would mislabel tcIds {lenient_wrong:?}"
    ));
    tally.finish();
}

#[test]
fn small_order_key_with_identity_r_verifies_nothing() {
    // The case that decides `verify_strict`: with the identity point as public
    // key (a small-order "weak key") and R = identity, S = 0, the cofactorless
    // equation [S]B = R + [k]A holds for EVERY message, so a lenient verifier
    // accepts a forged token for a key an attacker chose. RFC 8032 §5.1.7 does
    // not forbid such keys; `verify_strict` refuses small-order A and R.
    let mut identity = [0u8; 32];
    identity[0] = 1;
    let vk = VerifyingKey::from_bytes(&identity).unwrap();
    let mut sig = [0u8; 64];
    sig[0] = 1;
    let lenient = Signature::from_slice(&sig).is_ok_and(|s| vk.verify(b"any token", &s).is_ok());
    assert!(lenient, "the lenient check accepts the forgery");
    let key = Key::new(Material::Ed25519Public(alloc::boxed::Box::new(vk.into())));
    for msg in [&b"any token"[..], b"another one", b""] {
        assert!(!Algorithm::EdDSA.verify(msg, &key, &sig).unwrap());
    }
}
