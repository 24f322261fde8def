//! Unit tests for signing and verification. Keys are built straight from
//! RustCrypto types with the crate-internal `Key::new`, so these tests do not
//! depend on any key import format.
//!
//! Vector files are read in place from `../shared/vectors/wycheproof`; each
//! file prints `wycheproof <file>: N passed, M failed` and fails on any
//! unexpected outcome.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

extern crate std;

use alloc::string::String;
use alloc::vec::Vec;

// Tests across families need every family compiled in.
#[cfg(all(
    feature = "hmac",
    feature = "rsa",
    feature = "ecdsa",
    feature = "eddsa"
))]
mod ecdsa_edges;
#[cfg(all(
    feature = "hmac",
    feature = "rsa",
    feature = "ecdsa",
    feature = "eddsa"
))]
mod keys;
#[cfg(all(
    feature = "hmac",
    feature = "rsa",
    feature = "ecdsa",
    feature = "eddsa"
))]
mod mismatch;
#[cfg(all(
    feature = "hmac",
    feature = "rsa",
    feature = "ecdsa",
    feature = "eddsa"
))]
mod rfc7515;
#[cfg(all(
    feature = "hmac",
    feature = "rsa",
    feature = "ecdsa",
    feature = "eddsa"
))]
mod roundtrip;

#[cfg(feature = "ecdsa")]
mod ec_math;
#[cfg(feature = "ecdsa")]
mod wycheproof_ecdsa;
#[cfg(feature = "eddsa")]
mod wycheproof_eddsa;
#[cfg(feature = "hmac")]
mod wycheproof_hmac;
#[cfg(feature = "rsa")]
mod wycheproof_rsa;

/// Decodes lowercase or uppercase hex; test data only.
fn hex(s: &str) -> Vec<u8> {
    assert!(s.len().is_multiple_of(2), "odd hex length: {s}");
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

/// Reads a Wycheproof file from the shared vectors folder, or prints a loud
/// `SKIPPED` line and returns `None` when the folder is missing.
fn wycheproof_file(name: &str) -> Option<serde_json::Value> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/vectors/wycheproof");
    let path = alloc::format!("{dir}/{name}");
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(serde_json::from_str(&text).unwrap()),
        Err(e) => {
            std::eprintln!("SKIPPED wycheproof {name}: cannot read {path}: {e}");
            None
        }
    }
}

/// Reads a string field of a Wycheproof JSON object.
fn field<'a>(v: &'a serde_json::Value, name: &str) -> &'a str {
    v[name]
        .as_str()
        .unwrap_or_else(|| panic!("missing string field {name}"))
}

/// Whether a Wycheproof test is labelled `valid` (`invalid` is false; any
/// other label must be handled by the caller before asking).
fn labelled_valid(test: &serde_json::Value, tc_id: u64) -> bool {
    match field(test, "result") {
        "valid" => true,
        "invalid" => false,
        other => panic!("tcId {tc_id}: unexpected result {other}"),
    }
}

/// Counts outcomes of one vector file and fails the test on any unexpected one.
struct Tally {
    file: String,
    passed: usize,
    failures: Vec<String>,
    notes: Vec<String>,
}

impl Tally {
    fn new(file: &str) -> Self {
        Self {
            file: file.into(),
            passed: 0,
            failures: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// Records one case: `got` must equal `expected`.
    fn check(&mut self, tc_id: u64, expected: bool, got: bool, comment: &str) {
        if expected == got {
            self.passed += 1;
        } else {
            self.failures.push(alloc::format!(
                "tcId {tc_id} ({comment}): expected {expected}, got {got}"
            ));
        }
    }

    /// Adds a line to the summary (e.g. how many cases a policy decided).
    fn note(&mut self, note: String) {
        self.notes.push(note);
    }

    /// Prints the summary and asserts that nothing was unexpected.
    fn finish(self) {
        std::eprintln!(
            "wycheproof {}: {} passed, {} failed{}{}",
            self.file,
            self.passed,
            self.failures.len(),
            if self.notes.is_empty() { "" } else { "; " },
            self.notes.join("; ")
        );
        assert!(self.passed > 0, "{}: no cases ran", self.file);
        assert!(
            self.failures.is_empty(),
            "{}:\n{}",
            self.file,
            self.failures.join("\n")
        );
    }
}
