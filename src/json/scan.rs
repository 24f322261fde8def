//! A quick first pass for the strict reader: one scan over the text that
//! accepts it only when it plainly meets every rule of
//! [`super::parse_object`], and returns the top-level members as raw text.
//!
//! It answers `None` both for text that breaks a rule and for text that uses
//! something it leaves to the full reader: an escape in a member name, a
//! `\u` escape of a surrogate, a control character, a number with an
//! exponent or more than [`MAX_NUMBER_LEN`] characters. The full reader then
//! decides and words the error, so this pass only has to be right when it
//! says yes; `cargo test` checks that against the full reader on hand-made
//! and random texts.
//!
//! Claims and headers are small objects of strings and integers, so most
//! tokens take this path; it is several times faster than building them
//! through `serde`.

use alloc::string::String;
use alloc::vec::Vec;

use serde_json::Value;

use super::{MAX_DEPTH, reason};

/// Longer numbers go to the full reader. Without an exponent, a number this
/// short is far inside the `f64` range (about 1.8e308).
const MAX_NUMBER_LEN: usize = 300;

/// A top-level member: its name (no escapes) and its value's JSON text.
pub(super) type RawMember<'t> = (&'t str, &'t str);

/// The members of `text` in order, when it is one JSON object that plainly
/// meets the strict reader's rules; else `None` (see the module docs).
pub(super) fn members(text: &str) -> Option<Vec<RawMember<'_>>> {
    let mut scan = Scan { text, at: 0 };
    scan.space();
    let members = scan.object(1)?;
    scan.space();
    (scan.at == text.len()).then_some(members)
}

/// The value of a member's JSON text, as [`members`] returned it: the
/// common shapes are built here, the rest by `serde_json`, which gives the
/// full reader's result for text it accepted.
pub(super) fn value(raw: &str) -> Result<Value, String> {
    let bytes = raw.as_bytes();
    match bytes {
        b"true" => return Ok(Value::Bool(true)),
        b"false" => return Ok(Value::Bool(false)),
        b"null" => return Ok(Value::Null),
        [b'"', ..] => {
            if let Some(text) = plain_string(raw) {
                return Ok(Value::String(text.into()));
            }
        }
        [b'0'..=b'9', ..] if bytes.len() <= 19 && bytes.iter().all(u8::is_ascii_digit) => {
            if let Ok(n) = raw.parse::<u64>() {
                return Ok(Value::from(n));
            }
        }
        _ => {}
    }
    serde_json::from_str(raw).map_err(|e| reason(&e))
}

/// The text between the quotes of a string member's JSON text, when it has
/// no escapes (and so is the string itself).
pub(super) fn plain_string(raw: &str) -> Option<&str> {
    let inner = raw.strip_prefix('"')?.strip_suffix('"')?;
    (!inner.contains('\\')).then_some(inner)
}

/// A cursor over the text.
struct Scan<'t> {
    text: &'t str,
    at: usize,
}

impl<'t> Scan<'t> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn eat(&mut self, byte: u8) -> Option<()> {
        (self.peek()? == byte).then(|| self.at += 1)
    }

    /// JSON's four whitespace characters.
    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// An object whose `{` is next, at nesting level `depth`.
    fn object(&mut self, depth: usize) -> Option<Vec<RawMember<'t>>> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.eat(b'{')?;
        let mut members: Vec<RawMember<'t>> = Vec::new();
        self.space();
        if self.eat(b'}').is_some() {
            return Some(members);
        }
        loop {
            self.space();
            let name = self.string(true)?;
            if members.iter().any(|(n, _)| *n == name) {
                return None;
            }
            self.space();
            self.eat(b':')?;
            self.space();
            let start = self.at;
            self.value(depth + 1)?;
            members.push((name, self.text.get(start..self.at)?));
            self.space();
            match self.peek()? {
                b',' => self.at += 1,
                b'}' => {
                    self.at += 1;
                    return Some(members);
                }
                _ => return None,
            }
        }
    }

    /// An array whose `[` is next, at nesting level `depth`.
    fn array(&mut self, depth: usize) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.eat(b'[')?;
        self.space();
        if self.eat(b']').is_some() {
            return Some(());
        }
        loop {
            self.space();
            self.value(depth + 1)?;
            self.space();
            match self.peek()? {
                b',' => self.at += 1,
                b']' => {
                    self.at += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    /// Any value, at nesting level `depth` (for the containers it opens).
    fn value(&mut self, depth: usize) -> Option<()> {
        match self.peek()? {
            b'"' => self.string(false).map(drop),
            b'{' => self.object(depth).map(drop),
            b'[' => self.array(depth),
            b't' => self.literal("true"),
            b'f' => self.literal("false"),
            b'n' => self.literal("null"),
            b'-' | b'0'..=b'9' => self.number(),
            _ => None,
        }
    }

    fn literal(&mut self, word: &str) -> Option<()> {
        let end = self.at + word.len();
        (self.text.as_bytes().get(self.at..end)? == word.as_bytes()).then(|| self.at = end)
    }

    /// A string whose `"` is next, returning the text between the quotes.
    /// A member name (`name`) must have no escapes, so that names compare
    /// as written.
    fn string(&mut self, name: bool) -> Option<&'t str> {
        self.eat(b'"')?;
        let start = self.at;
        loop {
            // Plain characters in bulk; then look at what stopped them.
            self.at += plain_run(self.text.as_bytes().get(self.at..)?);
            match self.peek()? {
                b'"' => {
                    let inner = self.text.get(start..self.at)?;
                    self.at += 1;
                    return Some(inner);
                }
                b'\\' if !name => self.escape()?,
                _ => return None,
            }
        }
    }

    /// An escape whose `\` is next; `\u` of a surrogate is left to the full
    /// reader, which checks the pairing.
    fn escape(&mut self) -> Option<()> {
        self.at += 1;
        match self.peek()? {
            b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => self.at += 1,
            b'u' => {
                let hex = self.text.get(self.at + 1..self.at + 5)?;
                let unit = u32::from_str_radix(hex, 16).ok()?;
                if hex.starts_with('+') || (0xD800..=0xDFFF).contains(&unit) {
                    return None;
                }
                self.at += 5;
            }
            _ => return None,
        }
        Some(())
    }

    /// A number without an exponent: `-? (0 | [1-9][0-9]*) (. [0-9]+)?`.
    fn number(&mut self) -> Option<()> {
        let start = self.at;
        let _ = self.eat(b'-');
        match self.peek()? {
            b'0' => self.at += 1,
            b'1'..=b'9' => self.digits(),
            _ => return None,
        }
        if self.eat(b'.').is_some() {
            if !self.peek()?.is_ascii_digit() {
                return None;
            }
            self.digits();
        }
        if matches!(self.peek(), Some(b'e' | b'E')) || self.at - start > MAX_NUMBER_LEN {
            return None;
        }
        Some(())
    }

    fn digits(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
    }
}

/// How many bytes at the start of `bytes` can stand in a string as they
/// are: anything but `"`, `\\` and control characters, which are also exactly
/// the bytes `serde_json` escapes when it writes a string. Eight bytes at a time
/// (in a word, a byte equal to `c` becomes zero after `^ c`; `has_zero`
/// marks the high bit of such bytes, and marks the lowest one exactly).
pub(super) fn plain_run(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let below = |w: u64, n: u8| w.wrapping_sub(ONES * u64::from(n)) & !w & HIGHS;
    let mut words = bytes.chunks_exact(8);
    let mut done = 0;
    for word in words.by_ref() {
        let mut w = [0u8; 8];
        w.copy_from_slice(word);
        let w = u64::from_le_bytes(w);
        let stop = below(w ^ (ONES * u64::from(b'"')), 1)
            | below(w ^ (ONES * u64::from(b'\\')), 1)
            | below(w, 0x20);
        if stop != 0 {
            return done + (stop.trailing_zeros() / 8) as usize;
        }
        done += 8;
    }
    let rest = words.remainder();
    done + rest
        .iter()
        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
        .unwrap_or(rest.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;
    use alloc::vec;

    #[test]
    fn plain_run_stops_at_the_first_special_byte() {
        for len in 0..40 {
            for special in [b'"', b'\\', 0, 0x1f] {
                for at in 0..=len {
                    let mut bytes = vec![b'a'; len];
                    // Bytes just around the special ones, which must not stop it.
                    bytes.iter_mut().step_by(3).for_each(|b| *b = 0x20);
                    bytes.iter_mut().skip(1).step_by(5).for_each(|b| *b = 0xFF);
                    if at < len {
                        bytes[at] = special;
                        if at + 1 < len {
                            bytes[at + 1] = b'"';
                        }
                    }
                    assert_eq!(plain_run(&bytes), at, "{bytes:?}");
                }
            }
        }
    }

    #[test]
    fn strings_are_written_as_serde_json_writes_them() {
        let mut texts: Vec<String> = (0u8..0x80)
            .map(|b| format!("a{}b", char::from(b)))
            .collect();
        texts.extend(["", "plain text", "é 東京 😀 \u{7f}", "\"quoted\" \\ \n"].map(String::from));
        for text in texts {
            let value = Value::String(text.clone());
            let members = [(text.clone(), value.clone())];
            let expected = format!("{{{value}:{value}}}");
            assert_eq!(super::super::write_object(&members), expected, "{text:?}");
        }
    }

    /// What the full reader says, and what this pass says when it answers.
    fn check(text: &str) -> bool {
        let full = super::super::parse_object_full(text);
        let Some(raw) = members(text) else {
            return false;
        };
        let fast: Vec<(String, Value)> = raw
            .into_iter()
            .map(|(n, v)| (n.into(), value(v).unwrap()))
            .collect();
        assert_eq!(full.as_ref(), Ok(&fast), "{text}");
        true
    }

    #[test]
    fn agrees_with_the_full_reader_on_edge_cases() {
        let deep_ok = format!("{{\"a\":{}1{}}}", "[".repeat(63), "]".repeat(63));
        let too_deep = format!("{{\"a\":{}1{}}}", "[".repeat(64), "]".repeat(64));
        let long_int = format!("{{\"a\":{}}}", "9".repeat(MAX_NUMBER_LEN));
        let accepted = [
            r#"{}"#,
            " \t\r\n{ \"a\" : 1 , \"b\":[ ] ,\"c\":{ }}\n ",
            r#"{"sub":"me","exp":1,"x":{"y":[1,2.5,"\u00e9",null,true,false]}}"#,
            r#"{"a":"\" \\ \/ \b \f \n \r \t \u0000 \uFFFF \uabcd"}"#,
            r#"{"a":0,"b":-0,"c":-1,"d":18446744073709551615,"e":18446744073709551616}"#,
            r#"{"a":-9223372036854775808,"b":-9223372036854775809,"c":0.1,"d":-0.0}"#,
            r#"{"東京":"Ü😀","a":{"a":{"a":1}}}"#,
            deep_ok.as_str(),
            long_int.as_str(),
        ];
        for text in accepted {
            assert!(check(text), "the quick pass should accept {text}");
        }
        let left_to_the_full_reader = [
            r#"{"a":1,"a":2}"#,
            r#"{"a":{"b":1,"b":2}}"#,
            r#"{"a\u0062":1,"ab":2}"#,
            r#"{"a":"\ud800"}"#,
            r#"{"a":"\ud83d\ude00"}"#,
            r#"{"a":"\u+abc"}"#,
            r#"{"a":"\x"}"#,
            "{\"a\":\"\u{1}\"}",
            r#"{"a":1e400}"#,
            r#"{"a":1E2}"#,
            r#"{"a":1} x"#,
            r#"[1]"#,
            r#""str""#,
            r#"{"a":1,}"#,
            r#"{"a":[1,]}"#,
            r#"{"a":01}"#,
            r#"{"a":1.}"#,
            r#"{"a":.5}"#,
            r#"{"a":-}"#,
            r#"{"a":tru}"#,
            r#"{"a":truex}"#,
            r#"{"a" 1}"#,
            r#"{"a":1"#,
            r#"{a:1}"#,
            "{\"a\":1}\u{a0}",
            too_deep.as_str(),
        ];
        for text in left_to_the_full_reader {
            assert!(
                !check(text),
                "the quick pass should leave {text} to the full reader"
            );
        }
        let long_number = format!("{{\"a\":{}}}", "9".repeat(MAX_NUMBER_LEN + 1));
        assert!(!check(&long_number));
    }

    /// Random texts: valid objects built from JSON pieces, half of them then
    /// broken by one insertion, deletion or swap of a piece. Whenever this
    /// pass accepts one, the full reader accepts it too, with the same
    /// members.
    #[test]
    fn agrees_with_the_full_reader_on_random_texts() {
        const SCALARS: [&str; 14] = [
            "0",
            "-0",
            "12",
            "-7",
            "1.5",
            "18446744073709551616",
            "true",
            "false",
            "null",
            "\"a\"",
            "\"b\"",
            "\"a\\n\"",
            "\"\\u00e9\"",
            "\"é\"",
        ];
        const NOISE: [&str; 16] = [
            "{",
            "}",
            "[",
            "]",
            ":",
            ",",
            " ",
            "\"a\"",
            "01",
            "-",
            ".",
            "1e5",
            "\"\\ud800\"",
            "\\",
            "\t",
            "\u{1}",
        ];
        let mut seed = 0x9E37_79B9_7F4A_7C15_u64;
        let mut next = move |below: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % below as u64) as usize
        };
        fn build(pieces: &mut Vec<String>, next: &mut dyn FnMut(usize) -> usize, level: usize) {
            let names = ["\"a\"", "\"b\"", "\"c\""];
            match if level > 3 { 0 } else { next(4) } {
                0 | 1 => pieces.push(SCALARS[next(SCALARS.len())].into()),
                2 => {
                    pieces.push("[".into());
                    for i in 0..next(4) {
                        if i > 0 {
                            pieces.push(",".into());
                        }
                        build(pieces, next, level + 1);
                    }
                    pieces.push("]".into());
                }
                _ => {
                    pieces.push("{".into());
                    for i in 0..next(4) {
                        if i > 0 {
                            pieces.push(",".into());
                        }
                        pieces.push(names[next(3)].into());
                        pieces.push(":".into());
                        build(pieces, next, level + 1);
                    }
                    pieces.push("}".into());
                }
            }
        }
        let (mut accepted, total) = (0, 40_000);
        for _ in 0..total {
            let mut pieces = vec![String::from("{\"k\":")];
            build(&mut pieces, &mut next, 1);
            pieces.push("}".into());
            if next(2) == 0 {
                let at = 1 + next(pieces.len() - 1);
                match next(3) {
                    0 => pieces.insert(at, NOISE[next(NOISE.len())].into()),
                    1 => drop(pieces.remove(at)),
                    _ => pieces[at] = NOISE[next(NOISE.len())].into(),
                }
            }
            if check(&pieces.concat()) {
                accepted += 1;
            }
        }
        // Both verdicts come up often enough to mean something.
        assert!(
            accepted > total / 4 && accepted < total,
            "{accepted} of {total} accepted"
        );
    }
}
