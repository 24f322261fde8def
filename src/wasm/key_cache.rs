//! `RawKeyCache`: the keys parsed from strings given to `encode`/`decode`,
//! so that `decode(token, pemString)` parses the PEM once rather than on
//! every call (fast-jwt keeps such a cache too).
//!
//! JWK objects come here too, as their JSON text: the text is made afresh
//! on every call, so a JWK object changed between calls is read again.
//!
//! A small most-recently-used list keyed by the exact text and by how it was
//! read: as an HMAC secret, as PEM/OpenSSH or as a JWK (the same text means a
//! different key to each, and the algorithm-confusion guard of RFC 8725 §3.1
//! runs on every miss as before). Failures are not cached. The JS layer
//! holds one instance; the texts and keys it holds are zeroized when evicted
//! or freed.

use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::{OnceCell, RefCell};

use wasm_bindgen::prelude::wasm_bindgen;
use zeroize::Zeroizing;

use super::key::{Material, key_for};
use crate::{Algorithm, Error, Family, Key, KeyResolver};

/// How many texts are kept: enough for a service's handful of keys.
const CAPACITY: usize = 16;

/// How a cached text was read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reading {
    Secret,
    Pem,
    Jwk,
}

struct Entry {
    reading: Reading,
    text: Zeroizing<String>,
    key: Rc<Key>,
}

/// Parsed keys by their text, most recently used last.
#[wasm_bindgen(js_name = RawKeyCache)]
#[derive(Default)]
pub struct RawKeyCache {
    entries: RefCell<Vec<Entry>>,
}

#[wasm_bindgen(js_class = RawKeyCache)]
impl RawKeyCache {
    /// An empty cache.
    #[wasm_bindgen(constructor)]
    pub fn new() -> RawKeyCache {
        RawKeyCache::default()
    }

    /// How many keys are cached (for tests).
    #[wasm_bindgen(getter)]
    pub fn size(&self) -> usize {
        self.entries.borrow().len()
    }

    /// Drops every cached key.
    pub fn clear(&self) {
        self.entries.borrow_mut().clear();
    }
}

impl RawKeyCache {
    /// The key `text` gives when read as `reading`, made by `parse` on a miss.
    fn get(
        &self,
        reading: Reading,
        text: &str,
        parse: &dyn Fn() -> Result<Key, Error>,
    ) -> Result<Rc<Key>, Error> {
        let mut entries = self.entries.borrow_mut();
        if let Some(i) = entries
            .iter()
            .position(|e| e.reading == reading && e.text.as_str() == text)
        {
            let entry = entries.remove(i);
            let key = Rc::clone(&entry.key);
            entries.push(entry);
            return Ok(key);
        }
        let key = Rc::new(parse()?);
        if entries.len() >= CAPACITY {
            entries.remove(0);
        }
        entries.push(Entry {
            reading,
            text: Zeroizing::new(text.into()),
            key: Rc::clone(&key),
        });
        Ok(key)
    }
}

/// A [`KeyResolver`] over a string key that goes through the cache.
pub(crate) struct CachedText<'a> {
    cache: &'a RawKeyCache,
    text: &'a str,
    key: OnceCell<Rc<Key>>,
}

impl<'a> CachedText<'a> {
    /// `text` as a secret or PEM/OpenSSH, read for the algorithm in use, or
    /// (`jwk`) as a JWK's JSON text. A JWK is read at once, so that a bad one
    /// is reported before anything about the token, as when it is imported
    /// as a `Key` first.
    pub(crate) fn new(cache: &'a RawKeyCache, text: &'a str, jwk: bool) -> Result<Self, Error> {
        let key = if jwk {
            OnceCell::from(cache.get(Reading::Jwk, text, &|| Key::from_jwk_str(text))?)
        } else {
            OnceCell::new()
        };
        Ok(Self { cache, text, key })
    }

    /// The key for signing with `alg`.
    pub(crate) fn for_alg(&self, alg: Algorithm) -> Result<&Key, Error> {
        self.resolve(None, alg)
    }
}

impl KeyResolver for CachedText<'_> {
    fn resolve(&self, _kid: Option<&str>, alg: Algorithm) -> Result<&Key, Error> {
        if let Some(key) = self.key.get() {
            return Ok(key);
        }
        let reading = match alg.family() {
            Family::Hmac => Reading::Secret,
            _ => Reading::Pem,
        };
        let key = self.cache.get(reading, self.text, &|| {
            key_for(alg, &Material::Text(self.text.into()))
        })?;
        Ok(self.key.get_or_init(|| key))
    }
}
