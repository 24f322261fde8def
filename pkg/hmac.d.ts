// Types of `jwt-wasm/hmac`: the same API as `jwt-wasm` (index.d.ts) for
// HS256, HS384 and HS512 only, with a much smaller wasm. Other algorithms
// are not declared here; called anyway, they throw InvalidAlgorithmError
// ('jwt-wasm/hmac supports only HS256, HS384 and HS512; import "jwt-wasm"
// for RS256'), and PEM/DER keys throw InvalidKeyError.
//
// Types that do not depend on the algorithms are shared with index.d.ts.
// The classes are this flavour's own: `instanceof` works with the classes
// imported from "jwt-wasm/hmac", not with those of "jwt-wasm".

import type {
  AlgorithmImpl, Claims, DecodedToken, DecodeOptions, EncodeClaims, Header, Json, Jwk, JwksCallOptions,
  JwksClientOptions, JWTErrorOptions, WarningHandler,
} from "./index.js";

export type {
  AlgorithmImpl, Claims, DecodedToken, DecodeOptions, EncodeClaims, Header, Json, Jwk, JwksCallOptions,
  JwksClientOptions, JWTErrorOptions, WarningHandler,
} from "./index.js";

// The same in both flavours, with no algorithm in their types.
export {
  AuthError, bearerToken, getUnverifiedClaims, getUnverifiedHeader, registerAlgorithm, setOnWarning,
  unregisterAlgorithm,
} from "./index.js";

/** A JWS algorithm name this flavour implements. */
export type Alg = "HS256" | "HS384" | "HS512";

/**
 * A key wherever the API takes one:
 * - a string: an HMAC secret (UTF-8);
 * - a Uint8Array: HMAC secret bytes;
 * - a JWK object of type "oct";
 * - a {@link Key}.
 *
 * A PEM or JWK string is never accepted as a secret (algorithm confusion, RFC 8725 §3.1).
 *
 * Strings and JWK objects are parsed once: the parsed keys of the last 16
 * texts (a JWK object counts as its JSON text, made on each call, so a
 * changed object is read again) are kept, as a {@link Key} keeps its own.
 */
export type KeyLike = string | Uint8Array | Jwk | Key;

/** Options of {@link encode}. */
export interface EncodeOptions {
  /**
   * The signing algorithm (default "HS256"); `"none"` or `null` makes an
   * unsecured token; other names must be registered with {@link registerAlgorithm}.
   * An `alg` in `headers` wins.
   */
  algorithm?: Alg | "none" | string | null;
  /** Extra header parameters, merged over `{ alg, typ: "JWT" }`; a falsy `typ` removes it. */
  headers?: { [name: string]: Json };
  /** Sort header parameters by name (default true, as PyJWT). */
  sortHeaders?: boolean;
  /** Sign the payload unencoded and leave it out of the token (RFC 7797, `b64: false`). */
  isPayloadDetached?: boolean;
  /** Refuse secrets shorter than the hash (32, 48 or 64 bytes) with {@link InvalidKeyError} instead of warning. */
  enforceMinimumKeyLength?: boolean;
  /** This call's warning handler (overrides {@link setOnWarning}). */
  onWarning?: WarningHandler;
}

/** A signature algorithm, built in (HS256, HS384, HS512) or registered. */
export interface Algorithm {
  /** Its name, e.g. "HS256". */
  readonly name: string;
  /** Signs `msg` with `key`. */
  sign(msg: Uint8Array, key: KeyLike): Uint8Array;
  /** Whether `sig` is a valid signature of `msg` under `key`. */
  verify(msg: Uint8Array, key: KeyLike, sig: Uint8Array): boolean;
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
 * import { encode } from "jwt-wasm/hmac";
 * const token = encode({ sub: "42", exp: new Date(Date.now() + 3600_000) }, secret, { algorithm: "HS512" });
 */
export function encode(payload: EncodeClaims, key: KeyLike | null, options?: EncodeOptions): string;

/**
 * Verifies `token` and returns its claims (PyJWT's `jwt.decode`). Throws an
 * {@link InvalidTokenError} subclass for a bad token.
 * @example
 * import { decode } from "jwt-wasm/hmac";
 * const claims = decode(token, secret, { algorithms: ["HS256"], audience: "api" });
 */
export function decode(token: string, key: KeyLike | JwkSet | null, options?: DecodeOptions): Claims;

/**
 * Like {@link decode}, also returning the header and the signature bytes.
 * @example
 * const { header, payload, signature } = decodeComplete(token, secret, { algorithms: ["HS256"] });
 */
export function decodeComplete(
  token: string,
  key: KeyLike | JwkSet | null,
  options?: DecodeOptions,
): DecodedToken;

/**
 * HS256, HS384, HS512 or a registered algorithm; {@link InvalidAlgorithmError}
 * otherwise (also for RS256, ES256, EdDSA… which this flavour leaves out).
 * @example
 * const mac = getAlgorithmByName("HS384").sign(new TextEncoder().encode("msg"), secret);
 */
export function getAlgorithmByName(name: string): Algorithm;

/**
 * An HMAC secret, optionally bound to one algorithm and carrying a `kid`.
 * Its wasm memory is released by a FinalizationRegistry when the object is
 * collected; `free()` is optional.
 * @example
 * const key = Key.fromSecret(process.env.JWT_SECRET, "HS256").withKid("2024-01");
 */
export class Key {
  private constructor();
  /** An HMAC secret (a string is UTF-8), optionally bound to `alg`. PEM/JWK-looking secrets are refused. */
  static fromSecret(secret: string | Uint8Array, alg?: Alg): Key;
  /** A key from an "oct" JWK (object or JSON text); its `alg` and `kid` are kept. */
  static fromJwk(jwk: Jwk | string, alg?: Alg): Key;
  /** A fresh random secret as long as the hash of `alg`. */
  static generate(alg: Alg): Key;
  /** The bound algorithm, else "HS256". */
  readonly alg: string;
  /** The key ID, if any. */
  readonly kid: string | undefined;
  /** Always true: secrets count as private. */
  readonly isPrivate: boolean;
  /** A copy carrying `kid`. */
  withKid(kid: string): Key;
  /** The key as an "oct" JWK (the secret included). */
  toJwk(): Jwk;
  /** The RFC 7638 SHA-256 thumbprint, base64url. */
  thumbprint(): string;
  /** Releases the wasm memory now; the key is unusable afterwards. */
  free(): void;
}

/**
 * A JWK Set (RFC 7517 §5) of "oct" keys; `decode` picks the key by the
 * token's `kid` and `alg`. Keys of other types are skipped as unusable.
 * @example
 * const set = new JwkSet({ keys: [{ kty: "oct", kid: "a", k: "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXh4eHg" }] });
 */
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
/** The algorithm is not allowed, or not in this flavour (anything but HS256, HS384, HS512 and registered ones). */
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
/** The key is unusable, malformed, or not an HMAC secret. */
export class InvalidKeyError extends JWTError {}
/** A JWK could not be imported (PyJWT's PyJWKError). */
export class JWKError extends JWTError {}
/** A JWK Set is malformed, or no single key in it matches (PyJWT's PyJWKSetError). */
export class JWKSetError extends JWTError {}

// ------------------------------------------------------------ remote JWKS and request authentication

/**
 * A remote JWK Set of "oct" keys, fetched with `fetch` and cached by
 * PyJWKClient's rules (see `JwksClient` in "jwt-wasm").
 * @example
 * const jwks = new JwksClient("https://keys.internal.example/jwks.json");
 * const claims = await jwks.decode(token, { algorithms: ["HS256"] });
 */
export class JwksClient {
  /** @throws JWKClientError for a URL that is not https: (or http: to loopback). */
  constructor(url: string, options?: JwksClientOptions);
  /** The signing key with this `kid`; `JWKClientError` when none. */
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
  /** A fixed secret or key set. Give exactly one of `key` and `jwks`. */
  key?: KeyLike | JwkSet;
  /** A remote JWK Set. */
  jwks?: JwksClient;
  /** Return true to refuse a verified token (401 invalid_token). */
  isRevoked?: (claims: Claims) => boolean | Promise<boolean>;
  /** The `realm` of the `WWW-Authenticate` challenge (default "api"). */
  realm?: string;
}

/**
 * Verifies the request's `Authorization: Bearer` token and returns its claims.
 * @example
 * try {
 *   return Response.json(await authenticate(request, { key: env.JWT_SECRET, algorithms: ["HS256"] }));
 * } catch (e) {
 *   if (e instanceof AuthError) return e.response;
 *   throw e;
 * }
 */
export function authenticate(request: Request, options: AuthenticateOptions): Promise<Claims>;
