//! Wycheproof RSA vectors: PKCS#1 v1.5 (`RS*`) and PSS (`PS*`).
//!
//! Decisions per file, asserted below:
//! - `rsa_signature_*`: the one `acceptable` case per file is a DigestInfo
//!   without the `NULL` parameters (flag `MissingNull`). We reject it: RFC
//!   8017 §9.2 defines the encoding with `NULL`, every JWS signer emits it, and
//!   accepting a second encoding only widens the attack surface.
//! - `rsa_pss_*`: Wycheproof labels a signature `valid` whatever its salt length
//!   or MGF hash. A JWS `PS*` signature has MGF1 with the message hash and a salt
//!   as long as the hash (RFC 7518 §3.5), so a `valid` case outside that
//!   parameter set must NOT verify under PS256/384/512. In
//!   `rsa_pss_misc_test.json` that is every group with sLen ≠ hLen or a
//!   different MGF hash; groups hashing with SHA-1/SHA-224 have no JWS algorithm
//!   and are skipped (counted).
//! - Conversely, a case commented `s_len changed to N` is a well-formed PSS
//!   signature with salt length N that Wycheproof labels `invalid` only because
//!   N differs from the group's sLen. When N = hLen and the MGF hash matches,
//!   it is a genuine `PS*` signature and must verify (e.g. tcId 69 of
//!   `rsa_pss_2048_sha256_mgf1_0_test.json`, `s_len changed to 32`).

use alloc::boxed::Box;

use rsa::pkcs8::DecodePublicKey;
use rsa::{BoxedUint, RsaPublicKey};

use super::{Tally, field, hex, wycheproof_file};
use crate::Algorithm;
use crate::key::{Key, Material};

fn key(public: RsaPublicKey) -> Key {
    Key::new(Material::RsaPublic(Box::new(public.into())))
}

/// The JWS algorithm for a Wycheproof hash name, if JWS has one.
fn alg_for(sha: &str, pss: bool) -> Option<Algorithm> {
    Some(match (sha, pss) {
        ("SHA-256", false) => Algorithm::RS256,
        ("SHA-384", false) => Algorithm::RS384,
        ("SHA-512", false) => Algorithm::RS512,
        ("SHA-256", true) => Algorithm::PS256,
        ("SHA-384", true) => Algorithm::PS384,
        ("SHA-512", true) => Algorithm::PS512,
        _ => return None,
    })
}

/// What we expect from a PKCS#1 v1.5 case labelled `result`.
fn pkcs1_expected(result: &str, tc_id: u64) -> bool {
    match result {
        "valid" => true,
        "invalid" => false,
        // MissingNull, rejected on purpose (see the module comment).
        "acceptable" => false,
        other => panic!("tcId {tc_id}: unexpected result {other}"),
    }
}

fn run_pkcs1(file: &str) {
    let Some(json) = wycheproof_file(file) else {
        return;
    };
    let mut tally = Tally::new(file);
    let mut acceptable = 0;
    for group in json["testGroups"].as_array().unwrap() {
        let alg = alg_for(field(group, "sha"), false).unwrap();
        let public = RsaPublicKey::from_public_key_der(&hex(field(group, "publicKeyDer")));
        let key = key(public.expect("Wycheproof RSA keys import"));
        for test in group["tests"].as_array().unwrap() {
            let tc_id = test["tcId"].as_u64().unwrap();
            let result = field(test, "result");
            if result == "acceptable" {
                acceptable += 1;
            }
            let got = alg
                .verify(&hex(field(test, "msg")), &key, &hex(field(test, "sig")))
                .unwrap();
            tally.check(
                tc_id,
                pkcs1_expected(result, tc_id),
                got,
                field(test, "comment"),
            );
        }
    }
    tally.note(alloc::format!(
        "{acceptable} acceptable (MissingNull) rejected"
    ));
    tally.finish();
}

#[test]
fn wycheproof_rsa_pkcs1v15_shared_files() {
    for bits in [2048, 3072, 4096] {
        for sha in [256, 384, 512] {
            run_pkcs1(&alloc::format!("rsa_signature_{bits}_sha{sha}_test.json"));
        }
    }
}

/// Whether a PSS case is a valid JWS `PS*` signature: Wycheproof's label,
/// re-read under the JWS parameter set (see the module comment). `mgf_ok` says
/// the group uses MGF1 with the message hash.
fn pss_expected(
    labelled_valid: bool,
    comment: &str,
    group_slen: u64,
    h_len: u64,
    mgf_ok: bool,
) -> bool {
    let changed = comment
        .strip_prefix("s_len changed to ")
        .and_then(|n| n.parse::<u64>().ok());
    match changed {
        Some(slen) => mgf_ok && slen == h_len,
        None => labelled_valid && mgf_ok && group_slen == h_len,
    }
}

/// Runs one PSS file; `applicable` tells whether a group's parameters are a
/// JWS `PS*` parameter set.
fn run_pss(file: &str) {
    let Some(json) = wycheproof_file(file) else {
        return;
    };
    let mut tally = Tally::new(file);
    let (mut foreign_params, mut skipped) = (0, 0);
    for group in json["testGroups"].as_array().unwrap() {
        let sha = field(group, "sha");
        let Some(alg) = alg_for(sha, true) else {
            skipped += group["tests"].as_array().unwrap().len();
            continue;
        };
        let h_len = alg.hash().unwrap().len() as u64;
        let mgf_ok = field(group, "mgf") == "MGF1" && field(group, "mgfSha") == sha;
        let group_slen = group["sLen"].as_u64().unwrap();
        let public = RsaPublicKey::from_public_key_der(&hex(field(group, "publicKeyDer")));
        let key = key(public.expect("Wycheproof RSA keys import"));
        for test in group["tests"].as_array().unwrap() {
            let tc_id = test["tcId"].as_u64().unwrap();
            let labelled_valid = super::labelled_valid(test, tc_id);
            let comment = field(test, "comment");
            let expected = pss_expected(labelled_valid, comment, group_slen, h_len, mgf_ok);
            if labelled_valid && !expected {
                foreign_params += 1;
            }
            let got = alg
                .verify(&hex(field(test, "msg")), &key, &hex(field(test, "sig")))
                .unwrap();
            tally.check(tc_id, expected, got, comment);
        }
    }
    tally.note(alloc::format!(
        "{foreign_params} valid-but-not-JWS-parameter cases rejected, {skipped} skipped (no JWS hash)"
    ));
    tally.finish();
}

#[test]
fn wycheproof_rsa_pss_shared_files() {
    for file in [
        "rsa_pss_2048_sha256_mgf1_32_test.json",
        "rsa_pss_2048_sha384_mgf1_48_test.json",
        "rsa_pss_3072_sha256_mgf1_32_test.json",
        "rsa_pss_4096_sha256_mgf1_32_test.json",
        "rsa_pss_4096_sha384_mgf1_48_test.json",
        "rsa_pss_4096_sha512_mgf1_64_test.json",
        "rsa_pss_misc_test.json",
    ] {
        run_pss(file);
    }
}

/// The same decisions on the vectors embedded in the `wycheproof` crate, which
/// needs no shared folder.
mod embedded {
    use super::*;
    use wycheproof::{HashFunction, TestResult};

    fn sha_name(h: HashFunction) -> &'static str {
        match h {
            HashFunction::Sha2_256 => "SHA-256",
            HashFunction::Sha2_384 => "SHA-384",
            HashFunction::Sha2_512 => "SHA-512",
            _ => "other",
        }
    }

    fn public(n: &[u8], e: &[u8]) -> Key {
        let n = BoxedUint::from_be_slice_vartime(n);
        let e = BoxedUint::from_be_slice_vartime(e);
        key(RsaPublicKey::new(n, e).unwrap())
    }

    #[test]
    fn wycheproof_crate_rsa_pkcs1v15_3072_and_4096() {
        use wycheproof::rsa_pkcs1_verify::{TestName, TestSet};
        for name in [
            TestName::Rsa3072Sha256,
            TestName::Rsa3072Sha384,
            TestName::Rsa3072Sha512,
            TestName::Rsa4096Sha256,
            TestName::Rsa4096Sha384,
            TestName::Rsa4096Sha512,
        ] {
            let set = TestSet::load(name).unwrap();
            let mut tally = Tally::new(&alloc::format!("(crate) {name:?}"));
            for group in &set.test_groups {
                let alg = alg_for(sha_name(group.hash), false).unwrap();
                let key = public(&group.key.n, &group.key.e);
                for test in &group.tests {
                    let result = match test.result {
                        TestResult::Valid => "valid",
                        TestResult::Invalid => "invalid",
                        TestResult::Acceptable => "acceptable",
                    };
                    let tc_id = test.tc_id as u64;
                    let got = alg.verify(&test.msg, &key, &test.sig).unwrap();
                    tally.check(tc_id, pkcs1_expected(result, tc_id), got, &test.comment);
                }
            }
            tally.finish();
        }
    }

    #[test]
    fn wycheproof_crate_rsa_pss_other_salt_lengths_are_rejected() {
        // Salt lengths 0 and 32 with SHA-256/SHA-512, or MGF1-SHA-1, are valid
        // PSS but not PS256/PS512: their `valid` cases must fail. The sLen 32
        // SHA-256 and sLen 64 SHA-512 files are the positive controls.
        use wycheproof::rsa_pss_verify::{TestName, TestSet};
        for (name, applicable) in [
            (TestName::RsaPss2048Sha256Mgf1SaltLen0, false),
            (TestName::RsaPss4096Sha512Mgf1SaltLen32, false),
            (TestName::RsaPss2048Sha256Mgf1Sha1_20, false),
            (TestName::RsaPss2048Sha256Mgf1SaltLen32, true),
            (TestName::RsaPss4096Sha512Mgf1SaltLen64, true),
        ] {
            let mgf_ok = name != TestName::RsaPss2048Sha256Mgf1Sha1_20;
            let set = TestSet::load(name).unwrap();
            let mut tally = Tally::new(&alloc::format!("(crate) {name:?}"));
            let mut valid_rejected = 0;
            for group in &set.test_groups {
                let alg = alg_for(sha_name(group.hash), true).unwrap();
                let h_len = alg.hash().unwrap().len() as u64;
                let key = public(&group.key.n, &group.key.e);
                for test in &group.tests {
                    let labelled_valid = test.result == TestResult::Valid;
                    let slen = group.salt_size as u64;
                    let expected = pss_expected(labelled_valid, &test.comment, slen, h_len, mgf_ok);
                    if labelled_valid && !expected {
                        valid_rejected += 1;
                    }
                    let got = alg.verify(&test.msg, &key, &test.sig).unwrap();
                    tally.check(test.tc_id as u64, expected, got, &test.comment);
                }
            }
            assert_eq!(valid_rejected > 0, !applicable, "{name:?}");
            tally.note(alloc::format!(
                "{valid_rejected} valid-but-wrong-parameter cases rejected"
            ));
            tally.finish();
        }
    }
}
