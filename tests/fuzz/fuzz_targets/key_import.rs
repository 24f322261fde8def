//! PEM, DER and OpenSSH key import. Input: byte 0 picks the entry point
//! (PEM text, DER bytes, OpenSSH line), the rest is the key.
//!
//! Properties (in `common::check_key`): an imported key exports to JWK, PEM
//! and DER and re-imports to the same thumbprint; its public half has the
//! same thumbprint; a private key signs and verifies. Also: a PEM that
//! imports gives the same key as its DER body through `from_der`.
#![no_main]

#[path = "common.rs"]
mod common;

use jwt_wasm::Key;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let [selector, rest @ ..] = data else { return };
    let imported = match selector % 3 {
        0 => {
            let Ok(text) = std::str::from_utf8(rest) else {
                return;
            };
            Key::from_pem(text)
        }
        1 => Key::from_der(rest),
        _ => {
            let Ok(text) = std::str::from_utf8(rest) else {
                return;
            };
            Key::from_ssh(text)
        }
    };
    match imported {
        Ok(key) => {
            assert!(key.kid().is_none(), "PEM/DER/SSH carry no kid");
            common::check_key(&key);
            if selector % 3 == 2 {
                // `from_pem` also takes an OpenSSH line, and must read the same key.
                let text = std::str::from_utf8(rest).unwrap_or_default();
                let via_pem = Key::from_pem(text).expect("from_pem accepts what from_ssh accepts");
                assert_eq!(
                    via_pem.thumbprint().ok(),
                    key.thumbprint().ok(),
                    "ssh via from_pem"
                );
            }
        }
        Err(e) => common::check_error(&e),
    }
});
