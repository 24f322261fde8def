//! base64url: encode→decode is the identity, and `decode` agrees with a small
//! independent model of strict, canonical, unpadded base64url (RFC 4648 §5,
//! RFC 7515 §2): exactly the texts `encode` can produce are accepted.
#![no_main]

use jwt_wasm::base64url::{decode, encode};
use libfuzzer_sys::fuzz_target;

/// The model: value of each character, then bit accumulation; refuse a
/// length of 1 mod 4 and any set bit left over at the end.
fn model(text: &str) -> Option<Vec<u8>> {
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    (acc == 0).then_some(out)
}

fuzz_target!(|data: &[u8]| {
    let text = encode(data);
    assert_eq!(text.len(), (data.len() * 4).div_ceil(3), "unpadded length");
    assert_eq!(
        decode(&text).ok().as_deref(),
        Some(data),
        "decode(encode(x)) == x"
    );
    assert_eq!(
        model(&text).as_deref(),
        Some(data),
        "model agrees on encode output"
    );

    if let Ok(text) = std::str::from_utf8(data) {
        let ours = decode(text);
        assert_eq!(
            ours.as_ref().ok(),
            model(text).as_ref(),
            "decode vs model on {text:?}"
        );
        match ours {
            Ok(bytes) => assert_eq!(encode(&bytes), text, "accepted text is canonical"),
            Err(e) => assert!(!e.message().is_empty()),
        }
    }
});
