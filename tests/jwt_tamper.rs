//! Any change to a signed token is rejected with an error, never a panic or
//! an acceptance: every single-character substitution, deletion and
//! insertion at every position.
#![cfg(feature = "hmac")] // needs HMAC keys

use jwt_wasm::{Algorithm, EncodeOptions, Key, Validation, dangerous, decode, encode};

#[test]
fn every_single_character_edit_is_rejected() {
    let key = Key::from_secret("a-string-secret-at-least-256-bits-long").unwrap();
    let options = EncodeOptions {
        headers: vec![("kid".into(), "k1".into())],
        ..Default::default()
    };
    let token = encode(
        &serde_json::json!({"sub": "me", "n": [1, 2]}),
        &key,
        &options,
    )
    .unwrap();
    let mut validation = Validation::new(&[Algorithm::HS256]);
    validation.now = Some(0.0);
    assert!(decode(&token, &key, &validation).is_ok());
    let chars: Vec<char> = token.chars().collect();
    let replacements = ['A', 'z', '0', '-', '_', '.', '=', '+', '/', ' ', '\0', 'é'];
    let mut edits = 0;
    for i in 0..chars.len() {
        let mut variants = Vec::new();
        for r in replacements {
            if chars[i] != r {
                let mut v = chars.clone();
                v[i] = r;
                variants.push(v);
            }
            let mut v = chars.clone();
            v.insert(i, r);
            variants.push(v);
        }
        let mut v = chars.clone();
        v.remove(i);
        variants.push(v);
        for variant in variants {
            let edited: String = variant.into_iter().collect();
            assert!(
                decode(&edited, &key, &validation).is_err(),
                "accepted: {edited}"
            );
            // The unverified readers may succeed on some edits, but never panic.
            let _ = dangerous::get_unverified_header(&edited);
            let _ = dangerous::get_unverified_claims(&edited);
            edits += 1;
        }
    }
    println!("{edits} edited tokens rejected");
    assert!(edits > 1000);
}
