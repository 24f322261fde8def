//! Wycheproof ECDSA vectors in the IEEE P1363 (`r ‖ s`) encoding, the one JWS
//! uses. Every case is `valid` or `invalid`; there is no `acceptable`.

use super::{Tally, field, hex, wycheproof_file};
use crate::key::{EcPublic, Key, Material};
use crate::{Algorithm, Curve};

/// The group's public key from its uncompressed SEC1 point.
fn public_key(curve: Curve, sec1: &[u8]) -> Option<Key> {
    macro_rules! public {
        ($m:ident, $variant:ident) => {
            EcPublic::$variant($m::ecdsa::VerifyingKey::from_sec1_bytes(sec1).ok()?.into())
        };
    }
    let key = match curve {
        Curve::P256 => public!(p256, P256),
        Curve::P384 => public!(p384, P384),
        Curve::P521 => public!(p521, P521),
        Curve::Secp256k1 => public!(k256, K256),
    };
    Some(Key::new(Material::EcPublic(key)))
}

fn run(file: &str, curve: Curve) {
    let Some(json) = wycheproof_file(file) else {
        return;
    };
    let alg: Algorithm = curve.algorithm();
    let mut tally = Tally::new(file);
    let mut high_s_valid = 0;
    let n = super::ec_math::ecdsa_order(curve);
    for group in json["testGroups"].as_array().unwrap() {
        let sec1 = hex(field(&group["publicKey"], "uncompressed"));
        let key = public_key(curve, &sec1).expect("Wycheproof P1363 keys are valid points");
        for test in group["tests"].as_array().unwrap() {
            let tc_id = test["tcId"].as_u64().unwrap();
            let msg = hex(field(test, "msg"));
            let sig = hex(field(test, "sig"));
            let expected = super::labelled_valid(test, tc_id);
            let got = alg.verify(&msg, &key, &sig).unwrap();
            tally.check(tc_id, expected, got, field(test, "comment"));
            let w = curve.field_len();
            if expected && sig.len() == 2 * w && super::ec_math::is_high(&sig[w..], &n) {
                high_s_valid += 1;
            }
        }
    }
    // tcId 1 ("signature malleability") and others are valid high-S cases: a
    // low-S-only verifier would fail them.
    assert!(high_s_valid > 0, "{file}: no high-S valid case seen");
    tally.note(alloc::format!(
        "{high_s_valid} valid high-S signatures accepted"
    ));
    tally.finish();
}

#[test]
fn wycheproof_ecdsa_secp256r1_sha256_p1363() {
    run("ecdsa_secp256r1_sha256_p1363_test.json", Curve::P256);
}

#[test]
fn wycheproof_ecdsa_secp384r1_sha384_p1363() {
    run("ecdsa_secp384r1_sha384_p1363_test.json", Curve::P384);
}

#[test]
fn wycheproof_ecdsa_secp521r1_sha512_p1363() {
    run("ecdsa_secp521r1_sha512_p1363_test.json", Curve::P521);
}

#[test]
fn wycheproof_ecdsa_secp256k1_sha256_p1363() {
    // Includes high-S valid cases, which k256 alone rejects (see `curve_verify`).
    run("ecdsa_secp256k1_sha256_p1363_test.json", Curve::Secp256k1);
}
