//! Inputs found by the fuzz targets in `tests/fuzz` (see `cargo xtask fuzz`),
//! kept as plain tests so they run with `cargo test` on stable.

use jwt_wasm::Header;
use jwt_wasm::base64url::encode;
use jwt_wasm::dangerous::{get_unverified_claims, get_unverified_header};

/// Found by `header_claims` (crash-974feac6…): a header number written by
/// `Header::to_json` read back one ulp off (`1.1100000007999999e44`), because
/// serde_json's default float parser is not correctly rounded for large
/// exponents. With its `float_roundtrip` feature the value survives the
/// round trip, and is the correctly rounded one (as Python or JavaScript read it).
#[test]
fn fuzz_header_claims_float_written_by_to_json_reads_back_equal() {
    let header_json =
        "{\"alg\"\r:111000000080000000000000000000000000001111511e0000000000000000000000}";
    let token = format!(
        "{}.{}.{}",
        encode(header_json.as_bytes()),
        encode(b"{}"),
        encode(b"sig")
    );
    let header = get_unverified_header(&token).unwrap();
    let written = header.to_json();
    assert_eq!(Header::from_json(&written).unwrap(), header, "{written}");
    assert_eq!(
        header.get("alg").and_then(|v| v.as_f64()),
        Some(1.1100000008e44)
    );
}

/// The same number in the claims, in its shortest spelling: read as the
/// nearest f64, as every correct JSON reader does.
#[test]
fn fuzz_header_claims_large_exponent_claim_is_correctly_rounded() {
    let token = format!("e30.{}.", encode(br#"{"n":1.1100000008e44}"#));
    let claims = get_unverified_claims(&token).unwrap();
    assert_eq!(claims["n"].as_f64(), Some(1.1100000008e44));
}

/// Found by `key_import` (crash-67b5eb14…): an OpenSSH line whose fields are
/// separated by newlines was read by `Key::from_ssh` (which splits on any
/// whitespace) but refused by `Key::from_pem`, whose check for an SSH line
/// wanted a space right after the key type. Both now split alike.
#[test]
#[cfg(feature = "eddsa")]
fn fuzz_key_import_ssh_line_with_newlines_is_read_by_from_pem_too() {
    let line = "ssh-ed25519\n\n AAAAC3NzaC1lZDI1NTE5AAAAIHl6oX1kS120G48wPo34QEDtsNW9DuUyLStwd2VkL1/J me@host";
    let via_ssh = jwt_wasm::Key::from_ssh(line).unwrap();
    let via_pem = jwt_wasm::Key::from_pem(line).unwrap();
    assert_eq!(via_pem.thumbprint().unwrap(), via_ssh.thumbprint().unwrap());
    assert!(jwt_wasm::Key::from_pem("ssh-rsa").is_err());
}
