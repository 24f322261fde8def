// Bearer-token authentication for Fetch-API runtimes (Workers, Deno, Bun,
// Node 18+): the token comes from `Authorization: Bearer` (RFC 6750 §2.1),
// and failures carry a ready 401 Response with the `WWW-Authenticate`
// challenge of RFC 6750 §3.

import { InvalidKeyError, InvalidTokenError, JWKSetError, JWTError } from "./errors.js";
import { decode } from "./jwt.js";
import { JWKClientConnectionError, JWKClientError, JwksClient } from "./jwks-client.js";
import { describe, isPlainObject } from "./util.js";

// RFC 6750 §2.1: credentials = "Bearer" 1*SP b64token; the scheme is
// case-insensitive (RFC 9110 §11.1).
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;
const SCHEME = /^Bearer(?: |$)/i;

/** Thrown by `authenticate`; `.response` is the ready error Response. */
export class AuthError extends Error {
  constructor(status, challenge, error, description, cause) {
    super(description || "Authentication required", cause === undefined ? undefined : { cause });
    this.name = "AuthError";
    this.status = status;
    this.error = error;
    const headers = { "content-type": "application/json", "cache-control": "no-store" };
    if (challenge) headers["www-authenticate"] = challenge;
    const body = error ? { error, error_description: description } : { error: "unauthorized" };
    this.response = new Response(JSON.stringify(body), { status, headers });
  }
}

/** The bearer token of `request`'s Authorization header, or null. */
export function bearerToken(request) {
  const header = authorization(request);
  if (header === null) return null;
  const m = BEARER.exec(header);
  return m ? m[1] : null;
}

function authorization(request) {
  if (request === null || typeof request !== "object" || !request.headers || typeof request.headers.get !== "function") {
    throw new TypeError(`request must be a Request, got ${describe(request)}`);
  }
  return request.headers.get("authorization");
}

/** RFC 6750 §3: quoted-string values limited to %x20-21 / %x23-5B / %x5D-7E. */
function quoted(text) {
  return text.replace(/[^\x20\x21\x23-\x5B\x5D-\x7E]/g, "?").slice(0, 200);
}

/**
 * Verifies the request's bearer token and returns its claims; throws an
 * AuthError carrying a ready Response when the request is not authenticated.
 */
export async function authenticate(request, options) {
  if (!isPlainObject(options)) throw new TypeError(`options must be an object, got ${describe(options)}`);
  const { key, jwks, isRevoked, realm = "api", ...decodeOptions } = options;
  if ((key === undefined) === (jwks === undefined)) throw new TypeError("authenticate needs exactly one of options.key and options.jwks");
  if (jwks !== undefined && !(jwks instanceof JwksClient)) throw new TypeError(`options.jwks must be a JwksClient, got ${describe(jwks)}`);
  if (isRevoked !== undefined && typeof isRevoked !== "function") throw new TypeError("options.isRevoked must be a function");
  if (typeof realm !== "string") throw new TypeError(`options.realm must be a string, got ${describe(realm)}`);
  const base = `Bearer realm="${quoted(realm)}"`;
  const fail = (status, error, description, cause) =>
    new AuthError(status, `${base}, error="${error}", error_description="${quoted(description)}"`, error, description, cause);

  const header = authorization(request);
  // RFC 6750 §3.1: a request with no bearer credentials at all (no header, or
  // another scheme) gets the bare challenge, without an error code.
  if (header === null || !SCHEME.test(header)) throw new AuthError(401, base, undefined, undefined);
  const token = bearerToken(request);
  if (token === null) throw fail(400, "invalid_request", "The Authorization header is not a valid Bearer credential");

  let claims;
  try {
    claims = jwks !== undefined
      ? await jwks.decode(token, decodeOptions, { context: request })
      : decode(token, key, decodeOptions);
  } catch (e) {
    throw mapFailure(e, fail);
  }
  if (isRevoked !== undefined && (await isRevoked(claims)) === true) {
    throw fail(401, "invalid_token", "The token has been revoked");
  }
  return claims;
}

/** The AuthError for a verification failure; other errors are returned as they are. */
function mapFailure(e, fail) {
  if (e instanceof JWKClientConnectionError) {
    // The provider is unreachable: not the client's fault, and no challenge.
    return new AuthError(503, undefined, "temporarily_unavailable", "The signing keys could not be fetched", e);
  }
  if (e instanceof JWKClientError && !e.message.startsWith("Unable to find a signing key")) {
    // The provider's JWKS is unusable (no signing keys, bad JSON, too large).
    return new AuthError(503, undefined, "temporarily_unavailable", "The signing keys could not be loaded", e);
  }
  if (e instanceof JWKClientError || e instanceof JWKSetError || e instanceof InvalidKeyError) {
    // The token names a key we do not have (its kid is not echoed back).
    return fail(401, "invalid_token", "No signing key matches the token", e);
  }
  if (e instanceof InvalidTokenError) return fail(401, "invalid_token", e.message, e);
  if (e instanceof JWTError) return fail(401, "invalid_token", "The token is invalid", e);
  return e;
}
