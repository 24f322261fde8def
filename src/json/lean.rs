//! The strict reader of [`super::parse_object`], for callers that only need
//! a few members: it applies every rule of the full reader (UTF-8, no byte
//! order mark, an object at the top, no duplicate member at any depth,
//! [`MAX_DEPTH`](super::MAX_DEPTH), valid escapes and numbers, nothing after
//! the object) but builds a [`Value`] only for the members it is asked for.
//!
//! Decoding for the JS binding uses it: the payload text goes to JS as it
//! is, so a full tree of the claims would be built only to be dropped, and
//! building it was most of the time of an HS256 decode.

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use serde::de::{self, DeserializeSeed, Deserializer as _, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::{NOT_OBJECT, Object, RawMembers, ValueSeed, duplicate, reason, scan};

/// Checks `text` exactly as [`super::parse_object`] does and returns the
/// top-level members for which `wanted(name)` is true.
pub(crate) fn parse_object_members(
    text: &str,
    wanted: &dyn Fn(&str) -> bool,
) -> Result<Map<String, Value>, String> {
    match super::read_object(text, wanted)? {
        Object::Read(members) => Ok(members),
        Object::Raw(RawMembers(members)) => {
            let mut kept = Map::new();
            for (name, raw) in members {
                if wanted(name) {
                    kept.insert(String::from(name), scan::value(raw)?);
                }
            }
            Ok(kept)
        }
    }
}

/// The strict reader through `serde` alone, keeping the `wanted` members:
/// for text the quick scan declined.
pub(super) fn read_members_full(
    text: &str,
    wanted: &dyn Fn(&str) -> bool,
) -> Result<Map<String, Value>, String> {
    let mut de = serde_json::Deserializer::from_str(text);
    let members = de
        .deserialize_any(TopVisitor { wanted })
        .map_err(|e| reason(&e))?;
    de.end().map_err(|e| reason(&e))?;
    Ok(members)
}

/// A member name, borrowed from the input unless it had escapes.
struct Name;

impl<'de> DeserializeSeed<'de> for Name {
    type Value = Cow<'de, str>;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Name {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.into()))
    }
}

struct TopVisitor<'w> {
    wanted: &'w dyn Fn(&str) -> bool,
}

impl<'de> Visitor<'de> for TopVisitor<'_> {
    type Value = Map<String, Value>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut names: Vec<Cow<'de, str>> = Vec::new();
        let mut kept = Map::new();
        while let Some(name) = map.next_key_seed(Name)? {
            if names.contains(&name) {
                return Err(duplicate(&name));
            }
            if (self.wanted)(&name) {
                let value = map.next_value_seed(ValueSeed { depth: 2 })?;
                kept.insert(String::from(&*name), value);
            } else {
                map.next_value_seed(Skip { depth: 2 })?;
            }
            names.push(name);
        }
        Ok(kept)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Err(E::custom(NOT_OBJECT))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Err(E::custom(NOT_OBJECT))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Err(E::custom(NOT_OBJECT))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Err(E::custom(NOT_OBJECT))
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
        Err(E::custom(NOT_OBJECT))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Err(E::custom(NOT_OBJECT))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
        Err(de::Error::custom(NOT_OBJECT))
    }
}

/// Reads a value at nesting level `depth` with the full reader's checks and
/// keeps nothing. Strings and numbers still go through `deserialize_any`,
/// so escapes and number ranges are checked as they are when building a
/// [`Value`] (serde's `IgnoredAny` would skip some of those checks).
#[derive(Clone, Copy)]
struct Skip {
    depth: usize,
}

impl Skip {
    fn enter<E: de::Error>(self) -> Result<Self, E> {
        ValueSeed { depth: self.depth }
            .enter()
            .map(|inner| Skip { depth: inner.depth })
    }
}

impl<'de> DeserializeSeed<'de> for Skip {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Skip {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<(), E> {
        // The same refusal as `Number::from_f64` in the full reader.
        if v.is_finite() {
            Ok(())
        } else {
            Err(E::custom("number out of range"))
        }
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let inner = self.enter()?;
        while seq.next_element_seed(inner)?.is_some() {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let inner = self.enter()?;
        let mut names: Vec<Cow<'de, str>> = Vec::new();
        while let Some(name) = map.next_key_seed(Name)? {
            if names.contains(&name) {
                return Err(duplicate(&name));
            }
            map.next_value_seed(inner)?;
            names.push(name);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;
    use alloc::vec;

    fn all(_: &str) -> bool {
        true
    }
    fn none(_: &str) -> bool {
        false
    }

    /// Every input gets the same verdict (and reason) from both readers, and
    /// the kept members equal the full reader's.
    #[test]
    fn same_verdicts_as_the_full_reader() {
        let deep_ok = format!("{{\"a\":{}1{}}}", "[".repeat(63), "]".repeat(63));
        let too_deep = format!("{{\"a\":{}1{}}}", "[".repeat(64), "]".repeat(64));
        let cases: Vec<&[u8]> = vec![
            br#"{"sub":"me","exp":1,"x":{"y":[1,2.5,"\u00e9",null,true]}}"#,
            br#"{"a":1,"a":2}"#,
            br#"{"a":{"b":1,"b":2}}"#,
            br#"{"a":[{"b":1},{"b":2}]}"#,
            br#"{"a\u0062":1,"ab":2}"#,
            br#"{"a":"\ud800"}"#,
            br#"{"a":1e400}"#,
            br#"{"a":-1e400}"#,
            br#"{"a":1} x"#,
            br#"[1]"#,
            br#""str""#,
            br#"{"a":1,}"#,
            b"\xEF\xBB\xBF{}",
            b"{\"a\":\"\xff\"}",
            br#"{"a":01}"#,
            br#"{}"#,
            deep_ok.as_bytes(),
            too_deep.as_bytes(),
        ];
        for bytes in cases {
            // Both readers take text: bytes that are not UTF-8 never reach them.
            let case = match super::super::utf8(bytes) {
                Ok(text) => text,
                Err(reason) => {
                    assert_eq!(reason, "the text is not valid UTF-8");
                    continue;
                }
            };
            let full =
                super::super::parse_object(case).map(|m| m.into_iter().collect::<Map<_, _>>());
            for wanted in [all as fn(&str) -> bool, none] {
                let lean = parse_object_members(case, &wanted);
                match (&full, &lean) {
                    (Ok(f), Ok(l)) => {
                        let expected: Map<String, Value> = f
                            .iter()
                            .filter(|(k, _)| wanted(k))
                            .map(|(k, v)| (k.clone(), v.clone()))
                            .collect();
                        assert_eq!(&expected, l, "{}", case);
                    }
                    (Err(f), Err(l)) => assert_eq!(f, l, "{}", case),
                    _ => panic!("verdicts differ for {}: {full:?} vs {lean:?}", case),
                }
            }
        }
    }

    #[test]
    fn keeps_only_wanted_members() {
        let wanted = |n: &str| n == "exp" || n == "aud";
        let m = parse_object_members(r#"{"sub":"me","exp":5,"aud":["a","b"],"x":{}}"#, &wanted)
            .unwrap();
        assert_eq!(m.len(), 2);
        assert_eq!(m["exp"], 5);
        assert_eq!(m["aud"][1], "b");
    }
}
