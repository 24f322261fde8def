// Types of the jwt-wasm npm package. The same API is exported in every
// runtime (Node ESM/CJS, Deno, Bun, Cloudflare Workers, Vercel Edge, browsers).

/** A JWS algorithm name this package implements. */
export type Alg =
  | "HS256" | "HS384" | "HS512"
  | "RS256" | "RS384" | "RS512"
  | "PS256" | "PS384" | "PS512"
  | "ES256" | "ES384" | "ES512" | "ES256K"
  | "EdDSA";

/** A JSON value. */
export type Json = null | boolean | number | string | Json[] | { [name: string]: Json };

/**
 * The claims of a token (its payload). Registered claims are typed; any other
 * member is allowed.
 */
export interface Claims {
  /** Issuer (RFC 7519 §4.1.1). */
  iss?: string;
  /** Subject (RFC 7519 §4.1.2). */
  sub?: string;
  /** Audience: one or several (RFC 7519 §4.1.3). */
  aud?: string | string[];
  /** Expiration time, NumericDate seconds (RFC 7519 §4.1.4). */
  exp?: number;
  /** Not before, NumericDate seconds (RFC 7519 §4.1.5). */
  nbf?: number;
  /** Issued at, NumericDate seconds (RFC 7519 §4.1.6). */
  iat?: number;
  /** JWT ID (RFC 7519 §4.1.7). */
  jti?: string;
  [name: string]: Json | undefined;
}

/** Claims as given to `encode`: `exp`, `nbf` and `iat` may also be `Date`s. */
export interface EncodeClaims {
  exp?: number | Date;
  nbf?: number | Date;
  iat?: number | Date;
  [name: string]: unknown;
}

/** The JOSE header of a token. */
export interface Header {
  /** The signing algorithm. */
  alg: string;
  /** The media type, usually "JWT". */
  typ?: string;
  /** The key ID, used to pick a key from a JWK Set. */
  kid?: string;
  [name: string]: Json | undefined;
}

/** A JSON Web Key (RFC 7517) as a plain object. */
export interface Jwk {
  kty: string;
  kid?: string;
  alg?: string;
  use?: string;
  key_ops?: string[];
  [name: string]: Json | undefined;
}

/**
 * A key wherever the API takes one:
 * - a string: an HMAC secret (UTF-8) for HS* algorithms, otherwise PEM text
 *   (PKCS#8, SPKI, PKCS#1, SEC1, a certificate) or an OpenSSH public key line;
 * - a Uint8Array: HMAC secret bytes for HS* algorithms, otherwise DER;
 * - a JWK object;
 * - a {@link Key}.
 *
 * Strings and bytes are read for the token's algorithm, so a PEM or JWK
 * string is never accepted as an HMAC secret (algorithm confusion, RFC 8725 §3.1).
 *
 * Strings and JWK objects are parsed once: the parsed keys of the last 16
 * texts (a JWK object counts as its JSON text, made on each call, so a
 * changed object is read again) are kept, as a {@link Key} keeps its own.
 */
export type KeyLike = string | Uint8Array | Jwk | Key;

/** Receives each warning (for example a key shorter than its algorithm needs). */
export type WarningHandler = (message: string) => void;

/** Options of {@link encode}. */
export interface EncodeOptions {
  /** The signing algorithm (default "HS256"); `"none"` or `null` makes an unsecured token. An `alg` in `headers` wins. */
  algorithm?: Alg | "none" | string | null;
  /** Extra header parameters, merged over `{ alg, typ: "JWT" }`; a falsy `typ` removes it. */
  headers?: { [name: string]: Json };
  /** Sort header parameters by name (default true, as PyJWT). */
  sortHeaders?: boolean;
  /** Sign the payload unencoded and leave it out of the token (RFC 7797, `b64: false`). */
  isPayloadDetached?: boolean;
  /** Refuse keys shorter than the algorithm needs with {@link InvalidKeyError} instead of warning. */
  enforceMinimumKeyLength?: boolean;
  /** This call's warning handler (overrides {@link setOnWarning}). */
  onWarning?: WarningHandler;
}

/** Options of {@link decode} and {@link decodeComplete}. Unknown names are a `TypeError`. */
export interface DecodeOptions {
  /** The algorithms accepted; required when the signature is verified. */
  algorithms?: string[];
  /** The expected audience: the token's `aud` must contain one of them. */
  audience?: string | string[];
  /** The expected issuer(s). */
  issuer?: string | string[];
  /** The expected subject. */
  subject?: string;
  /** Seconds of tolerance for `exp`, `nbf` and `iat`. */
  leeway?: number;
  /** Claims that must be present (e.g. `["exp", "iss"]`). */
  require?: string[];
  /** Maximum age in seconds, measured from `iat`. */
  maxAge?: number;
  /** The expected `typ` header. */
  typ?: string;
  /** The current time (seconds or a Date); defaults to the host clock. */
  now?: number | Date;
  /** `audience` must be a single string equal to `aud` (PyJWT's strict_aud). */
  strictAud?: boolean;
  /** Verify the signature (default true). When false, the claim checks default to off too. */
  verifySignature?: boolean;
  /** Check `exp` (defaults to `verifySignature`). */
  verifyExp?: boolean;
  /** Check `nbf` (defaults to `verifySignature`). */
  verifyNbf?: boolean;
  /** Check `iat` (defaults to `verifySignature`). */
  verifyIat?: boolean;
  /** Check `aud` (defaults to `verifySignature`). */
  verifyAud?: boolean;
  /** Check `iss` (defaults to `verifySignature`). */
  verifyIss?: boolean;
  /** Check `sub` (defaults to `verifySignature`). */
  verifySub?: boolean;
  /** Check `jti` (defaults to `verifySignature`). */
  verifyJti?: boolean;
  /** The payload of a token made with `isPayloadDetached` (RFC 7797). */
  detachedPayload?: string | Uint8Array;
  /** Refuse keys shorter than the algorithm needs with {@link InvalidKeyError} instead of warning. */
  enforceMinimumKeyLength?: boolean;
  /** The longest token accepted, in bytes. */
  maxTokenLength?: number;
  /** This call's warning handler (overrides {@link setOnWarning}). */
  onWarning?: WarningHandler;
}

/** What {@link decodeComplete} returns. */
export interface DecodedToken {
  header: Header;
  payload: Claims;
  signature: Uint8Array;
}

/** A signature algorithm, built in or registered. */
export interface Algorithm {
  /** Its name, e.g. "HS256". */
  readonly name: string;
  /** Signs `msg` with `key`. */
  sign(msg: Uint8Array, key: KeyLike): Uint8Array;
  /** Whether `sig` is a valid signature of `msg` under `key`. */
  verify(msg: Uint8Array, key: KeyLike, sig: Uint8Array): boolean;
}

/** A custom algorithm for {@link registerAlgorithm}. */
export interface AlgorithmImpl {
  /** Returns the signature of `msg` (the JWS Signing Input). */
  sign(msg: Uint8Array, key: any): Uint8Array;
  /** Returns true when `sig` is a valid signature of `msg`. */
  verify(msg: Uint8Array, key: any, sig: Uint8Array): boolean;
}

/**
 * Resolves once the wasm instance is ready. Already settled in Node, Deno,
 * Bun, Workers and Vercel Edge (they instantiate synchronously on import);
 * in browsers, `await ready` once before the first call.
 */
export const ready: Promise<void>;

/**
 * Signs `payload` into a compact JWT (PyJWT's `jwt.encode`).
 * @example
 * const token = encode({ sub: "42", exp: new Date(Date.now() + 3600_000) }, secret);
 */
export function encode(payload: EncodeClaims, key: KeyLike | null, options?: EncodeOptions): string;

/**
 * Verifies `token` and returns its claims (PyJWT's `jwt.decode`). Throws an
 * {@link InvalidTokenError} subclass for a bad token.
 * @example
 * const claims = decode(token, secret, { algorithms: ["HS256"], audience: "api" });
 */
export function decode(token: string, key: KeyLike | JwkSet | null, options?: DecodeOptions): Claims;

/** Like {@link decode}, also returning the header and the signature bytes. */
export function decodeComplete(token: string, key: KeyLike | JwkSet | null, options?: DecodeOptions): DecodedToken;

/**
 * The header, without verifying anything (for example to read `kid`).
 * @example
 * const { kid } = getUnverifiedHeader(token);
 */
export function getUnverifiedHeader(token: string): Header;

/**
 * The claims, without verifying the signature or any claim; parsing is still strict.
 * @example
 * const { sub } = getUnverifiedClaims(token);
 */
export function getUnverifiedClaims(token: string): Claims;

/** A built-in or registered algorithm; {@link InvalidAlgorithmError} when there is none. */
export function getAlgorithmByName(name: string): Algorithm;

/**
 * Makes a JS algorithm usable by `encode` and `decode`. Throws if `name` already has one.
 * @example
 * registerAlgorithm("XS1", { sign: (msg, key) => mySign(msg, key), verify: (msg, key, sig) => myVerify(msg, key, sig) });
 */
export function registerAlgorithm(name: string, impl: AlgorithmImpl): void;

/**
 * Removes an algorithm, built-ins included (as PyJWT allows). Register the
 * object `getAlgorithmByName` returned to restore a built-in.
 * @example
 * const hs256 = getAlgorithmByName("HS256");
 * unregisterAlgorithm("HS256");
 * registerAlgorithm("HS256", hs256);
 */
export function unregisterAlgorithm(name: string): void;

/**
 * Sets the global warning handler; `null` restores the default (one `console.warn` per key).
 * @example
 * setOnWarning((message) => logger.warn(message));
 */
export function setOnWarning(handler: WarningHandler | null): void;

/**
 * A key of one family (HMAC secret, RSA, EC, Ed25519), optionally bound to
 * one algorithm and carrying a `kid`. Its wasm memory is released by a
 * FinalizationRegistry when the object is collected; `free()` is optional.
 */
export class Key {
  private constructor();
  /** An HMAC secret (a string is UTF-8), optionally bound to `alg`. PEM/JWK-looking secrets are refused. */
  static fromSecret(secret: string | Uint8Array, alg?: Alg): Key;
  /** A key from PEM (PKCS#8, SPKI, PKCS#1, SEC1, certificate) or an OpenSSH public key line. */
  static fromPem(pem: string, alg?: Alg): Key;
  /** A key from DER bytes (same formats as {@link Key.fromPem}). */
  static fromDer(der: Uint8Array, alg?: Alg): Key;
  /** A key from a JWK (object or JSON text); its `alg` and `kid` are kept. */
  static fromJwk(jwk: Jwk | string, alg?: Alg): Key;
  /** A fresh secret (HS*) or key pair for `alg`. */
  static generate(alg: "HS256" | "HS384" | "HS512"): Key;
  static generate(alg: Alg): { privateKey: Key; publicKey: Key };
  /** The bound algorithm, else the one inferred from the key (oct → HS256, RSA → RS256, EC by curve, OKP → EdDSA). */
  readonly alg: string;
  /** The key ID, if any. */
  readonly kid: string | undefined;
  /** Whether the key holds private material (secrets count as private). */
  readonly isPrivate: boolean;
  /** The public half (keeps `alg` and `kid`); {@link InvalidKeyError} for secrets. */
  publicKey(): Key;
  /** A copy carrying `kid`. */
  withKid(kid: string): Key;
  /** The key as a JWK (private members included for private keys). */
  toJwk(): Jwk;
  /** PKCS#8 PEM for private keys, SPKI PEM for public keys. */
  toPem(): string;
  /** The RFC 7638 SHA-256 thumbprint, base64url. */
  thumbprint(): string;
  /** Releases the wasm memory now; the key is unusable afterwards. */
  free(): void;
}

/** A JWK Set (RFC 7517 §5); `decode` picks the key by the token's `kid` and `alg`. */
export class JwkSet {
  /** Parses a JWK Set; unusable keys are skipped, a set without any usable key is a {@link JWKSetError}. */
  constructor(jwks: { keys: Jwk[] } | string);
  /** The key with this `kid` ({@link JWKSetError} when none). */
  get(kid: string): Key;
  /** The usable keys, in order. */
  readonly keys: Key[];
  /** Releases the wasm memory now. */
  free(): void;
}

/** Options of the error constructors. */
export interface JWTErrorOptions {
  code?: string;
  claim?: string;
  cause?: unknown;
}

/** Base class of every error this package throws for a token, key or key set. */
export class JWTError extends Error {
  constructor(message?: string, options?: JWTErrorOptions);
  /** A stable machine-readable code, e.g. "ERR_JWT_EXPIRED". */
  readonly code: string;
}
/** The token is unacceptable (PyJWT's InvalidTokenError). */
export class InvalidTokenError extends JWTError {}
/** The token could not be parsed. */
export class DecodeError extends InvalidTokenError {}
/** The signature does not verify ("Signature verification failed"). */
export class InvalidSignatureError extends DecodeError {}
/** `exp` is in the past ("Signature has expired"). */
export class ExpiredSignatureError extends InvalidTokenError {}
/** `nbf` or `iat` is in the future. */
export class ImmatureSignatureError extends InvalidTokenError {}
/** `aud` does not match. */
export class InvalidAudienceError extends InvalidTokenError {}
/** `iss` does not match. */
export class InvalidIssuerError extends InvalidTokenError {}
/** `iat` is malformed. */
export class InvalidIssuedAtError extends InvalidTokenError {}
/** The algorithm is not allowed or not supported. */
export class InvalidAlgorithmError extends InvalidTokenError {}
/** A required claim is absent. */
export class MissingRequiredClaimError extends InvalidTokenError {
  /** The missing claim. */
  readonly claim: string | undefined;
}
/** `sub` is malformed or does not match. */
export class InvalidSubjectError extends InvalidTokenError {}
/** `jti` is malformed. */
export class InvalidJTIError extends InvalidTokenError {}
/** The key is unusable, malformed, or of the wrong family for the algorithm. */
export class InvalidKeyError extends JWTError {}
/** A JWK could not be imported (PyJWT's PyJWKError). */
export class JWKError extends JWTError {}
/** A JWK Set is malformed, or no single key in it matches (PyJWT's PyJWKSetError). */
export class JWKSetError extends JWTError {}

// ------------------------------------------------------------ remote JWKS and request authentication

/** Options of {@link JwksClient}. Times are milliseconds. */
export interface JwksClientOptions {
  /** How long a fetched set may be used at all (default 600 000). A failed refresh keeps the previous set until then. */
  cacheMaxAge?: number;
  /** The least time between two fetches caused by an unknown `kid` (default 30 000). */
  cooldown?: number;
  /** Abort a fetch (including reading its body) after this long (default 5 000). */
  timeout?: number;
  /** Extra request headers; `accept` is always `application/json, application/jwk-set+json`. */
  headers?: Record<string, string>;
  /** The fetch to use (default: the runtime's global `fetch`). */
  fetch?: typeof fetch;
  /** The largest accepted response body (default 1 MiB); larger is `JWKClientError`. */
  maxResponseBytes?: number;
  /** The clock, in ms since the epoch (default `Date.now`); for tests. */
  now?: () => number;
}

/** Per-call options of {@link JwksClient}. */
export interface JwksCallOptions {
  /**
   * Calls with the same context object share one in-flight fetch; calls from
   * other contexts wait for it by polling the shared cache, never by awaiting
   * its promise (in Cloudflare Workers a promise must not cross requests).
   * `authenticate` passes the Request. Without one, calls share per client,
   * except in workerd where they never share a promise.
   */
  context?: object;
}

/**
 * A remote JWK Set, fetched with `fetch` and cached by PyJWKClient's rules:
 * only `https:` URLs (or `http:` to 127.0.0.0/8, [::1], localhost), only
 * signing keys (`use` "sig" or absent), an unknown `kid` refetches at most
 * once per cooldown, a failed fetch keeps the previous set.
 *
 * ```ts
 * const jwks = new JwksClient("https://idp.example/.well-known/jwks.json");
 * const claims = await jwks.decode(token, { algorithms: ["RS256"], audience: "api" });
 * ```
 */
export class JwksClient {
  /** @throws JWKClientError for a URL that is not https: (or http: to loopback). */
  constructor(url: string, options?: JwksClientOptions);
  /** The signing key with this `kid`; `JWKClientError` 'Unable to find a signing key that matches: "<kid>"' when none. */
  getSigningKey(kid: string, options?: JwksCallOptions): Promise<Key>;
  /** The signing key named by the token's (unverified) `kid` header. */
  getSigningKeyFromJwt(token: string, options?: JwksCallOptions): Promise<Key>;
  /** The usable signing keys. */
  getJwkSet(options?: JwksCallOptions): Promise<JwkSet>;
  /** Verifies `token` with the key its `kid` names (the whole set when it has no `kid`). */
  decode(token: string, options: DecodeOptions, callOptions?: JwksCallOptions): Promise<Claims>;
}

/** The remote JWKS is unusable, or holds no key for the token (PyJWT's PyJWKClientError). */
export class JWKClientError extends JWTError {}
/** The remote JWKS could not be fetched: network, timeout, non-200 status (PyJWKClientConnectionError). */
export class JWKClientConnectionError extends JWKClientError {}

/** Options of {@link authenticate}: decode options plus where the key comes from. */
export interface AuthenticateOptions extends DecodeOptions {
  /** A fixed key or key set. Give exactly one of `key` and `jwks`. */
  key?: KeyLike | JwkSet;
  /** A remote JWK Set. */
  jwks?: JwksClient;
  /** Return true to refuse a verified token (401 invalid_token). */
  isRevoked?: (claims: Claims) => boolean | Promise<boolean>;
  /** The `realm` of the `WWW-Authenticate` challenge (default "api"). */
  realm?: string;
}

/**
 * Thrown by {@link authenticate}: `response` is ready to return. 401 with
 * `WWW-Authenticate: Bearer realm="…"` when there are no bearer credentials,
 * plus `error="invalid_token", error_description="…"` for a bad, expired or
 * revoked token (RFC 6750 §3); 400 `invalid_request` for a malformed header;
 * 503 when the JWKS cannot be fetched. The token is never echoed.
 */
export class AuthError extends Error {
  readonly status: number;
  /** The RFC 6750 error code, if any. */
  readonly error: string | undefined;
  readonly response: Response;
}

/**
 * Verifies the request's `Authorization: Bearer` token (scheme matched
 * case-insensitively) and returns its claims.
 *
 * ```ts
 * const jwks = new JwksClient(env.JWKS_URL);
 * try {
 *   return Response.json(await authenticate(request, { jwks, algorithms: ["RS256"] }));
 * } catch (e) {
 *   if (e instanceof AuthError) return e.response;
 *   throw e;
 * }
 * ```
 */
export function authenticate(request: Request, options: AuthenticateOptions): Promise<Claims>;

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(request: Request): string | null;
