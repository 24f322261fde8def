//! A strict JSON reader for JOSE headers and JWT claim sets.
//!
//! RFC 7515 §5.2 and RFC 7519 §7.2 require the header and claims to be
//! well-formed JSON objects; RFC 7515 §5.2 step 4 and RFC 8725 §3.12 ask to
//! reject duplicate member names, because two parsers that pick a different
//! duplicate can disagree on what a token says. So this reader, built on
//! `serde_json`'s tokenizer (after a quick first pass, [`scan`], that takes
//! the plain cases and leaves everything else to it), additionally refuses:
//!
//! - input that is not UTF-8, or starts with a byte order mark (RFC 8259 §8.1);
//! - a top level that is not an object;
//! - a member name that repeats within one object, at any depth;
//! - nesting deeper than [`MAX_DEPTH`] arrays/objects (the top-level object
//!   counts as one), which also bounds recursion so hostile input cannot
//!   exhaust the stack;
//! - anything but whitespace after the object.
//!
//! `serde_json` itself already rejects lone UTF-16 surrogates in `\u` escapes,
//! numbers outside the `f64` range and bad syntax.

use alloc::borrow::ToOwned;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt;

use serde::de::{self, DeserializeSeed, Deserializer as _, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

mod lean;
mod scan;
pub(crate) use lean::parse_object_members;

/// How deep arrays and objects may nest, the top-level object being level 1.
pub(crate) const MAX_DEPTH: usize = 64;

/// The members of the top-level object, in the order they appear.
pub(crate) type Members = Vec<(String, Value)>;

pub(crate) const NOT_OBJECT: &str = "must be a json object";

/// Parses `text` as one JSON object, returning its members in order, or a
/// short reason (without any prefix) why the text is refused.
pub(crate) fn parse_object(text: &str) -> Result<Members, String> {
    no_bom(text)?;
    match scan::members(text) {
        Some(members) => members
            .into_iter()
            .map(|(name, raw)| Ok((name.to_owned(), scan::value(raw)?)))
            .collect(),
        None => parse_object_full(text),
    }
}

/// The top-level members of an object's text as the quick scan read them:
/// names and the JSON text of each value, which is built only when asked for.
pub(crate) struct RawMembers<'t>(Vec<scan::RawMember<'t>>);

impl<'t> RawMembers<'t> {
    /// The value of member `name`, built from its text; `None` if absent.
    pub(crate) fn get(&self, name: &str) -> Option<Result<Value, String>> {
        self.raw(name).map(scan::value)
    }

    /// Member `name` when it is a string without escapes, which is then its
    /// text between the quotes.
    pub(crate) fn plain_str(&self, name: &str) -> Option<&'t str> {
        scan::plain_string(self.raw(name)?)
    }

    fn raw(&self, name: &str) -> Option<&'t str> {
        self.0.iter().find(|(n, _)| *n == name).map(|(_, raw)| *raw)
    }
}

/// An object's text after the strict checks: the quick scan's raw members,
/// or, for text the scan leaves to the full reader, that reader's values of
/// the wanted members.
pub(crate) enum Object<'t> {
    Raw(RawMembers<'t>),
    Read(Map<String, Value>),
}

/// Checks `text` as [`parse_object`] does, scanning it once: the raw members
/// when the quick scan accepts it, else the full reader's `wanted` members
/// (or its error).
pub(crate) fn read_object<'t>(
    text: &'t str,
    wanted: &dyn Fn(&str) -> bool,
) -> Result<Object<'t>, String> {
    no_bom(text)?;
    match scan::members(text) {
        Some(members) => Ok(Object::Raw(RawMembers(members))),
        None => lean::read_members_full(text, wanted).map(Object::Read),
    }
}

/// `bytes` as text, for the readers here; each text is checked once.
pub(crate) fn utf8(bytes: &[u8]) -> Result<&str, String> {
    core::str::from_utf8(bytes).map_err(|_| not_utf8())
}

/// [`utf8`] for bytes the caller keeps as a `String` (a token's payload).
pub(crate) fn into_text(bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|_| not_utf8())
}

fn not_utf8() -> String {
    "the text is not valid UTF-8".into()
}

/// RFC 8259 §8.1: JSON text exchanged between systems has no byte order mark.
fn no_bom(text: &str) -> Result<(), String> {
    if text.starts_with('\u{FEFF}') {
        return Err("a byte order mark is not allowed".into());
    }
    Ok(())
}

/// [`parse_object`] through `serde` alone: the reader that decides (and
/// words the error) whenever the quick pass of [`scan`] declines.
fn parse_object_full(text: &str) -> Result<Members, String> {
    let mut de = serde_json::Deserializer::from_str(text);
    let members = de.deserialize_any(TopVisitor).map_err(|e| reason(&e))?;
    de.end().map_err(|e| reason(&e))?;
    Ok(members)
}

/// Turns a `serde_json` error into a reason. Our own refusals (duplicates,
/// depth, not an object) read better without serde's position suffix;
/// syntax errors keep it, since the position helps find the problem.
fn reason(e: &serde_json::Error) -> String {
    let text = e.to_string();
    if e.classify() == serde_json::error::Category::Data {
        let suffix = format!(" at line {} column {}", e.line(), e.column());
        if let Some(stripped) = text.strip_suffix(&suffix) {
            return stripped.to_owned();
        }
    }
    text
}

/// Accepts only an object at the top level.
struct TopVisitor;

impl<'de> Visitor<'de> for TopVisitor {
    type Value = Members;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Members, A::Error> {
        let mut members: Members = Vec::new();
        while let Some(name) = map.next_key::<String>()? {
            if members.iter().any(|(n, _)| *n == name) {
                return Err(duplicate(&name));
            }
            let value = map.next_value_seed(ValueSeed { depth: 2 })?;
            members.push((name, value));
        }
        Ok(members)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Members, E> {
        Err(E::custom(NOT_OBJECT))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Members, E> {
        Err(E::custom(NOT_OBJECT))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Members, E> {
        Err(E::custom(NOT_OBJECT))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Members, E> {
        Err(E::custom(NOT_OBJECT))
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Members, E> {
        Err(E::custom(NOT_OBJECT))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Members, E> {
        Err(E::custom(NOT_OBJECT))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<Members, A::Error> {
        Err(de::Error::custom(NOT_OBJECT))
    }
}

fn duplicate<E: de::Error>(name: &str) -> E {
    E::custom(format!("duplicate member \"{}\"", name.escape_debug()))
}

/// Builds a [`Value`] at nesting level `depth`.
#[derive(Clone, Copy)]
struct ValueSeed {
    depth: usize,
}

impl ValueSeed {
    fn enter<E: de::Error>(self) -> Result<Self, E> {
        if self.depth > MAX_DEPTH {
            return Err(E::custom(format!(
                "nesting is deeper than {MAX_DEPTH} levels"
            )));
        }
        Ok(Self {
            depth: self.depth + 1,
        })
    }
}

impl<'de> DeserializeSeed<'de> for ValueSeed {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Number::from_f64(v)
            .map(Value::Number)
            .ok_or_else(|| E::custom("number out of range"))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let inner = self.enter()?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(inner)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let inner = self.enter()?;
        let mut object = Map::new();
        while let Some(name) = map.next_key::<String>()? {
            if object.contains_key(&name) {
                return Err(duplicate(&name));
            }
            let value = map.next_value_seed(inner)?;
            object.insert(name, value);
        }
        Ok(Value::Object(object))
    }
}

/// Writes members as one compact JSON object (no spaces), keeping their order.
pub(crate) fn write_object(members: &[(String, Value)]) -> String {
    let mut out = String::from("{");
    for (i, (name, value)) in members.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_string(&mut out, name);
        out.push(':');
        match value {
            Value::String(text) => push_string(&mut out, text),
            other => out.push_str(&other.to_string()),
        }
    }
    out.push('}');
    out
}

/// Writes `text` as a JSON string: as it is between quotes when nothing in
/// it needs escaping (the common case), else escaped by `serde_json`.
fn push_string(out: &mut String, text: &str) {
    if scan::plain_run(text.as_bytes()) == text.len() {
        out.push('"');
        out.push_str(text);
        out.push('"');
    } else {
        out.push_str(&Value::String(text.into()).to_string());
    }
}
