//! Core errors as JS values the JS layer can map onto its error classes.

use wasm_bindgen::JsValue;

use crate::Error;

/// A JS `Error` whose `name` is the PyJWT class, with `code` and `claim` set.
///
/// It is thrown as is; `pkg/errors.js` rebuilds it as an instance of the
/// matching exported class (it recognises it by the `jwtWasmClass` field), so
/// `instanceof` works for users.
pub(crate) fn to_js(err: Error) -> JsValue {
    let js = js_sys::Error::new(err.message());
    set(&js, "jwtWasmClass", &JsValue::from_str(err.kind().class()));
    set(&js, "code", &JsValue::from_str(err.code()));
    if let Some(claim) = err.claim() {
        set(&js, "claim", &JsValue::from_str(claim));
    }
    js.into()
}

fn set(target: &js_sys::Error, name: &str, value: &JsValue) {
    // Setting a data property on a fresh, extensible Error cannot fail; if it
    // ever did, the error would still carry its message, so the result is
    // deliberately ignored rather than turned into a second error.
    let _ = js_sys::Reflect::set(target, &JsValue::from_str(name), value);
}
