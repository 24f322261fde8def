//! Header and claims JSON, through `get_unverified_header` /
//! `get_unverified_claims` on tokens built around the fuzzed bytes, and
//! through `Header::from_json`. The strict reader must agree with itself,
//! must never accept what `serde_json` rejects, and must read the same
//! values as `serde_json` when it accepts.
//!
//! Input layout: 2 bytes big-endian header length, header bytes, payload bytes.
#![no_main]

#[path = "common.rs"]
mod common;

use jwt_wasm::Header;
use jwt_wasm::base64url::encode;
use jwt_wasm::dangerous::{get_unverified_claims, get_unverified_header};
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Value};

fuzz_target!(|data: &[u8]| {
    let (len, rest) = match data {
        [a, b, rest @ ..] => (usize::from(u16::from_be_bytes([*a, *b])), rest),
        _ => return,
    };
    let (header, payload) = rest.split_at(len.min(rest.len()));
    let token = format!("{}.{}.{}", encode(header), encode(payload), encode(b"sig"));

    let from_token = get_unverified_header(&token);
    let from_json = std::str::from_utf8(header).map(Header::from_json);
    match (&from_token, &from_json) {
        (Ok(a), Ok(Ok(b))) => assert_eq!(a, b, "token header vs Header::from_json"),
        (Err(_), Ok(Err(_))) | (Err(_), Err(_)) => {}
        _ => panic!("token header and Header::from_json disagree: {from_token:?} / {from_json:?}"),
    }
    match &from_token {
        Ok(h) => {
            let reference: Map<String, Value> =
                serde_json::from_slice(header).expect("serde_json accepts what we accept");
            assert_eq!(
                h.as_map(),
                reference,
                "header values as serde_json reads them"
            );
            assert_eq!(h.len(), reference.len(), "no member lost or duplicated");
            let again = Header::from_json(&h.to_json()).expect("to_json re-parses");
            assert_eq!(&again, h, "Header::to_json round trip");
        }
        Err(e) => common::check_error(e),
    }

    // With `b64: false` the payload segment is used as is (RFC 7797 §5.2).
    let payload = match &from_token {
        Ok(h) if !h.b64() => encode(payload).into_bytes(),
        _ => payload.to_vec(),
    };
    let payload = payload.as_slice();
    let claims = get_unverified_claims(&token);
    match &claims {
        Ok(c) => {
            assert!(
                from_token.is_ok(),
                "claims read although the header was refused"
            );
            let reference: Map<String, Value> =
                serde_json::from_slice(payload).expect("serde_json accepts what we accept");
            assert_eq!(c, &reference, "claims as serde_json reads them");
            let text = serde_json::to_string(c).expect("claims serialize");
            let again = get_unverified_claims(&format!("e30.{}.", encode(text.as_bytes())))
                .expect("re-serialized claims parse");
            assert_eq!(&again, c, "claims round trip");
        }
        Err(e) => {
            common::check_error(e);
            if from_token.is_ok() {
                let serde_ok = serde_json::from_slice::<Map<String, Value>>(payload).is_ok();
                let bom = payload.starts_with(b"\xEF\xBB\xBF");
                // Refusals beyond serde_json's are duplicates, nesting and a BOM.
                if serde_ok && !bom {
                    let m = e.message();
                    assert!(
                        m.contains("duplicate") || m.contains("nesting"),
                        "claims refused that serde_json accepts, for an unexpected reason: {m}"
                    );
                }
            }
        }
    }
});
