//! Reading `../shared/vectors` in place (it is never copied into the repo).
//! When a file is missing, the caller's test prints a loud `SKIPPED` line and
//! returns; CI always has the folder.

use serde_json::Value;

/// The shared vectors folder, beside the repository.
pub(crate) const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/vectors");

/// The JSON file at `rel` (relative to [`ROOT`]), or `None` after printing a
/// `SKIPPED` line naming `test` when the file is missing.
pub(crate) fn load(test: &str, rel: &str) -> Option<Value> {
    let path = format!("{ROOT}/{rel}");
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))),
        Err(_) => {
            eprintln!("SKIPPED {test}: {path} is missing");
            None
        }
    }
}
