//! Writes the seed corpora under `seeds/<target>/`: valid tokens and keys
//! made with the crate itself, plus the project's own key fixtures.
//!
//! `cargo +nightly run --manifest-path tests/fuzz/Cargo.toml --features seeds --bin gen_seeds -- tests/fuzz/seeds`
//! (from the repository root). The output is committed; re-run it when the
//! input layout of a target changes.

#[path = "fuzz_targets/common.rs"]
mod common;
#[path = "../key_fixtures/mod.rs"]
#[allow(dead_code, unreachable_pub)]
mod key_fixtures;

use std::fs;
use std::path::{Path, PathBuf};

use jwt_wasm::{Algorithm, EncodeOptions, JwkSet, Key, dangerous, encode_json};
use serde_json::{Value, json};

struct Seeds {
    dir: PathBuf,
    count: usize,
}

impl Seeds {
    fn new(root: &Path, target: &str) -> Self {
        let dir = root.join(target);
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("create seed dir");
        Self { dir, count: 0 }
    }

    fn add(&mut self, bytes: impl AsRef<[u8]>) {
        self.count += 1;
        let path = self.dir.join(format!("seed-{:03}", self.count));
        fs::write(path, bytes).expect("write seed");
    }
}

fn prefixed(prefix: &[u8], body: impl AsRef<[u8]>) -> Vec<u8> {
    let mut out = prefix.to_vec();
    out.extend_from_slice(body.as_ref());
    out
}

const CLAIMS: &[&str] = &[
    r#"{"sub":"1234567890","name":"Jo","iat":1516239022}"#,
    r#"{"exp":1800000000,"nbf":1600000000,"iat":1600000000,"aud":"aud-1","iss":"iss-1","sub":"s"}"#,
    r#"{"exp":1600000000,"aud":["aud-1","aud-2"],"iss":"iss-10"}"#,
    r#"{"exp":1700000000.5,"nbf":1700000000,"jti":"j","aud":[]}"#,
    r#"{"nested":{"a":[1,2.5,-3e10,null,true,"\u00e9\ud83d\ude00"]},"sub":"x"}"#,
    r#"{}"#,
];

fn main() {
    let root = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "seeds".into()));
    let keys = common::keys();
    let (hs_alg, hs_key) = &keys[0];

    let mut b64 = Seeds::new(&root, "base64url");
    for s in [
        "",
        "Zg",
        "Zm8",
        "Zm9v",
        "-_8",
        "eyJhbGciOiJIUzI1NiJ9",
        "AQIDBAUGBwgJ",
    ] {
        b64.add(s);
    }

    let mut hc = Seeds::new(&root, "header_claims");
    let headers = [
        r#"{"alg":"HS256","typ":"JWT"}"#,
        r#"{"alg":"ES256","kid":"k1","crit":["b64"],"b64":false}"#,
        r#"{"alg":"none","jwk":{"kty":"oct","k":"AA"},"x5c":["MA"]}"#,
    ];
    for (i, header) in headers.iter().enumerate() {
        let len = u16::try_from(header.len())
            .expect("short header")
            .to_be_bytes();
        hc.add(prefixed(
            &len,
            format!("{header}{}", CLAIMS[i % CLAIMS.len()]),
        ));
    }

    let mut du = Seeds::new(&root, "decode_unverified");
    for (i, claims) in CLAIMS.iter().enumerate() {
        let options = EncodeOptions {
            headers: vec![("kid".into(), Value::from(format!("key-{i}")))],
            ..EncodeOptions::default()
        };
        du.add(encode_json(claims, hs_key, &options).expect("sign seed"));
    }
    du.add(dangerous::encode_unsecured(CLAIMS[0], &EncodeOptions::default()).expect("unsecured"));

    let mut dv = Seeds::new(&root, "decode_verified");
    for (k, (alg, key)) in keys.iter().enumerate() {
        let options = EncodeOptions {
            algorithm: *alg,
            ..EncodeOptions::default()
        };
        for (i, claims) in CLAIMS.iter().enumerate() {
            let mode = u8::try_from(k).expect("three keys");
            let flags = u8::try_from(i * 9).expect("small");
            let token = encode_json(claims, key, &options).expect("sign seed");
            dv.add(prefixed(&[mode, flags], token));
            dv.add(prefixed(&[mode | 0x80, flags | 0x18], claims));
        }
        // Verified through the public JWK Set, by kid (bit 0x40).
        if let Some(kid) = [None, Some("es"), Some("ed")][k] {
            let options = EncodeOptions {
                algorithm: *alg,
                headers: vec![("kid".into(), kid.into())],
                ..EncodeOptions::default()
            };
            let mode = 0x40 | u8::try_from(k).expect("three keys");
            let token = encode_json(CLAIMS[1], key, &options).expect("sign seed");
            dv.add(prefixed(&[mode, 9], token));
            dv.add(prefixed(&[mode | 0x80, 9], CLAIMS[1]));
        }
    }

    let mut ki = Seeds::new(&root, "key_import");
    let mut jw = Seeds::new(&root, "jwk_import");
    let pems = [
        key_fixtures::RSA_PKCS8,
        key_fixtures::RSA_PKCS1,
        key_fixtures::RSA_SPKI,
        key_fixtures::RSA_PUB_PKCS1,
        key_fixtures::RSA_CERT,
        key_fixtures::EC_P256_SEC1,
        key_fixtures::EC_P384_PKCS8,
        key_fixtures::EC_P521_SPKI,
        key_fixtures::EC_K256_SEC1,
        key_fixtures::EC_CERT,
        key_fixtures::ED_PKCS8,
        key_fixtures::ED_CERT,
    ];
    for pem in pems {
        ki.add(prefixed(&[0], pem));
    }
    for ssh in [
        key_fixtures::SSH_RSA,
        key_fixtures::SSH_EC256,
        key_fixtures::SSH_ED,
    ] {
        ki.add(prefixed(&[2], ssh));
    }
    let mut set = Vec::new();
    for alg in [
        Algorithm::ES256,
        Algorithm::ES384,
        Algorithm::ES512,
        Algorithm::ES256K,
        Algorithm::EdDSA,
    ] {
        let key = Key::generate(alg).expect("generate").with_kid(alg.name());
        ki.add(prefixed(&[1], key.to_der().expect("der")));
        ki.add(prefixed(
            &[1],
            key.public_key().expect("public").to_der().expect("der"),
        ));
        jw.add(Value::Object(key.to_jwk()).to_string());
        set.push(key.public_key().expect("public"));
    }
    let rsa = Key::from_pem(key_fixtures::RSA_PKCS8).expect("RSA fixture");
    jw.add(Value::Object(rsa.to_jwk()).to_string());
    set.push(rsa.public_key().expect("public").with_kid("rsa"));
    jw.add(JwkSet::new(set).expect("set").to_value().to_string());
    let secret = hs_key
        .clone()
        .with_kid("hs")
        .with_alg(*hs_alg)
        .expect("bind");
    jw.add(json!({"keys": [Value::Object(secret.to_jwk()), {"kty": "unknown"}]}).to_string());

    for s in [&b64, &hc, &du, &dv, &ki, &jw] {
        println!("{}: {} seeds", s.dir.display(), s.count);
    }
}
