//! `RawInput`: the token's bytes, written by JS straight into wasm memory.
//!
//! wasm-bindgen copies a `&str` argument one UTF-16 code unit at a time in
//! JS, which costs more than the HMAC itself for a typical 400-byte token.
//! `TextEncoder.encodeInto` writes the same UTF-8 in native code, so the JS
//! layer encodes the token into this buffer and passes only its length.
//! The buffer is plain initialised memory owned here; JS only writes bytes
//! into it, and Rust reads them back as UTF-8 (checked) before use.

use alloc::vec::Vec;

use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

/// Above this size the buffer is given back after the call, so one huge
/// token does not pin its memory for the life of the instance.
const KEEP: usize = 64 * 1024;

/// A reusable input buffer (one per JS instance).
#[wasm_bindgen(js_name = RawInput)]
#[derive(Default)]
pub struct RawInput {
    bytes: Vec<u8>,
}

#[wasm_bindgen(js_class = RawInput)]
impl RawInput {
    /// An empty buffer.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Self {
        Self::default()
    }

    /// Makes room for `len` bytes and returns where they start in wasm
    /// memory (read `memory.buffer` again afterwards: it may have grown).
    pub fn reserve(&mut self, len: usize) -> usize {
        if self.bytes.len() < len {
            self.bytes.resize(len, 0);
        }
        self.bytes.as_ptr() as usize
    }

    /// Gives a large buffer back to the allocator.
    pub fn trim(&mut self) {
        if self.bytes.len() > KEEP {
            self.bytes = Vec::new();
        }
    }
}

impl RawInput {
    /// The first `len` bytes, which JS filled with `encodeInto`, as text.
    pub(crate) fn text(&self, len: usize) -> Result<&str, JsValue> {
        self.bytes
            .get(..len)
            .and_then(|bytes| core::str::from_utf8(bytes).ok())
            .ok_or_else(|| {
                js_sys::TypeError::new("the token buffer does not hold UTF-8 text").into()
            })
    }
}

/// The module's `WebAssembly.Memory`, for the views `RawInput` is filled through.
#[wasm_bindgen(js_name = rawMemory)]
pub fn raw_memory() -> JsValue {
    wasm_bindgen::memory()
}
