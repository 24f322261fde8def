// The public JS API: a thin mapping over the Rust core compiled to wasm.
// All JWT rules live in Rust. The modules below convert arguments
// (camelCase options, strings/bytes/JWK objects as keys, Dates as NumericDate
// seconds), reject arguments of the wrong JS type with a TypeError, route
// warnings to the `onWarning` hook, and turn core errors into the exported
// error classes.

export * from "./errors.js";
export { getAlgorithmByName, registerAlgorithm, unregisterAlgorithm } from "./algorithms.js";
export { decode, decodeComplete, encode, getUnverifiedClaims, getUnverifiedHeader } from "./jwt.js";
export { JwkSet, Key } from "./keys.js";
export { setOnWarning } from "./warnings.js";
export { AuthError, authenticate, bearerToken } from "./auth.js";
export { JWKClientConnectionError, JWKClientError, JwksClient } from "./jwks-client.js";
