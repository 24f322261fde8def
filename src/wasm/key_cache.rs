//! `RawKeyCache`: the keys parsed from strings given to `encode`/`decode`,
//! so that `decode(token, pemString)` parses the PEM once rather than on
//! every call (fast-jwt keeps such a cache too).
//!
//! A small most-recently-used list keyed by the exact text and by whether it
//! was read as an HMAC secret or as PEM/OpenSSH (the same text means a
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

struct Entry {
    hmac: bool,
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
    /// The key `text` means for `alg`, parsed on a miss.
    fn get(&self, alg: Algorithm, text: &str) -> Result<Rc<Key>, Error> {
        let hmac = alg.family() == Family::Hmac;
        let mut entries = self.entries.borrow_mut();
        if let Some(i) = entries
            .iter()
            .position(|e| e.hmac == hmac && e.text.as_str() == text)
        {
            let entry = entries.remove(i);
            let key = Rc::clone(&entry.key);
            entries.push(entry);
            return Ok(key);
        }
        let key = Rc::new(key_for(alg, &Material::Text(text.into()))?);
        if entries.len() >= CAPACITY {
            entries.remove(0);
        }
        entries.push(Entry {
            hmac,
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
    pub(crate) fn new(cache: &'a RawKeyCache, text: &'a str) -> Self {
        Self {
            cache,
            text,
            key: OnceCell::new(),
        }
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
        let key = self.cache.get(alg, self.text)?;
        Ok(self.key.get_or_init(|| key))
    }
}
