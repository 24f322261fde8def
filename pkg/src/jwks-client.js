// JwksClient: a remote JWK Set (PyJWT's PyJWKClient, jose's createRemoteJWKSet).
// The wasm core (RawJwksCache) decides everything: when to fetch, when to
// wait for another caller's fetch, what a failed fetch keeps, which key
// matches. This file only performs the fetch and maps errors.
//
// Cloudflare Workers: a promise created while serving one request must never
// be awaited by another request (it can hang: jose issues #355 and #509;
// workerd ties pending I/O to the request that started it). So an in-flight
// fetch is shared only between calls that pass the same `context` (for
// `authenticate`, the Request); callers from other contexts poll the core's
// shared cache with their own timers and take over when the leader's lease
// (the fetch timeout) lapses. In workerd, calls without a context never share.

import { RawJwksCache } from "../dist/jwt_wasm.js";
import { JWTError, fromCore } from "./errors.js";
import { decode, getUnverifiedHeader } from "./jwt.js";
import { JwkSet, wrapKey } from "./keys.js";
import { assertInitialized } from "./state.js";
import { describe, expectString, optionsObject } from "./util.js";

/** `PyJWKClientError`: the remote JWKS is unusable, or holds no key for the token's `kid`. */
export class JWKClientError extends JWTError {}
JWKClientError.code = "ERR_JWKS_CLIENT";

/** `PyJWKClientConnectionError`: the remote JWKS could not be fetched (network, timeout, status). */
export class JWKClientConnectionError extends JWKClientError {}
JWKClientConnectionError.code = "ERR_JWKS_CLIENT_CONNECTION";

const ACCEPT = "application/json, application/jwk-set+json";
const POLL_MS = 5;
const IN_WORKERD = typeof navigator !== "undefined" && navigator.userAgent === "Cloudflare-Workers";

function mapError(e) {
  if (e !== null && typeof e === "object" && typeof e.jwtWasmClass === "string") {
    if (e.jwtWasmClass === "JWKClientError") return new JWKClientError(e.message, { code: e.code });
    if (e.jwtWasmClass === "JWKClientConnectionError") return new JWKClientConnectionError(e.message, { code: e.code });
  }
  return fromCore(e);
}

function call(f) {
  assertInitialized();
  try {
    return f();
  } catch (e) {
    throw mapError(e);
  }
}

function connectionError(detail, cause) {
  // PyJWKClient's wording for fetch failures.
  return new JWKClientConnectionError(`Fail to fetch data from the url, err: "${detail}"`, cause === undefined ? undefined : { cause });
}

function duration(value, name, fallback) {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new TypeError(`options.${name} must be a non-negative finite number, got ${describe(value)}`);
  }
  return value;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A remote JWK Set with PyJWKClient's cache rules; see index.d.ts. */
export class JwksClient {
  #raw;
  #url;
  #fetch;
  #headers;
  #timeout;
  #clock;
  #flight = null;
  #shared = {};

  constructor(url, options) {
    expectString(url, "url");
    const o = optionsObject(options, "options");
    const { cacheMaxAge, cooldown, timeout, headers, fetch, maxResponseBytes, now, ...unknown } = o;
    const extra = Object.keys(unknown);
    if (extra.length) throw new TypeError(`unknown JwksClient option(s): ${extra.join(", ")}`);
    if (fetch !== undefined && typeof fetch !== "function") throw new TypeError("options.fetch must be a function");
    if (now !== undefined && typeof now !== "function") throw new TypeError("options.now must be a function");
    if (headers !== undefined && (headers === null || typeof headers !== "object")) {
      throw new TypeError(`options.headers must be an object, got ${describe(headers)}`);
    }
    this.#timeout = duration(timeout, "timeout", 5_000);
    const maxAge = duration(cacheMaxAge, "cacheMaxAge", 600_000);
    const cool = duration(cooldown, "cooldown", 30_000);
    const max = duration(maxResponseBytes, "maxResponseBytes", 1 << 20);
    this.#raw = call(() => new RawJwksCache(url, maxAge, cool, this.#timeout, max));
    this.#url = url;
    this.#fetch = fetch;
    this.#headers = { ...(headers || {}) };
    this.#clock = now || Date.now;
  }

  /** The signing key whose `kid` is `kid` (one refetch at most when unknown, after the cooldown). */
  async getSigningKey(kid, options) {
    expectString(kid, "kid");
    await this.#ensure(kid, contextOf(options, this.#shared));
    return wrapKey(call(() => this.#raw.signingKey(kid, this.#clock())));
  }

  /** The signing key named by the `kid` header of `token` (not verified here). */
  async getSigningKeyFromJwt(token, options) {
    const kid = getUnverifiedHeader(token).kid;
    if (typeof kid !== "string") throw new JWKClientError('The token has no "kid" header to pick a signing key with');
    return this.getSigningKey(kid, options);
  }

  /** The usable signing keys, fetched or cached. */
  async getJwkSet(options) {
    await this.#ensure(null, contextOf(options, this.#shared));
    const raw = call(() => this.#raw.jwkSet(this.#clock()));
    try {
      return new JwkSet({ keys: raw.keys().map((k) => { try { return JSON.parse(k.toJwkJson()); } finally { k.free(); } }) });
    } finally {
      raw.free();
    }
  }

  /** Verifies `token` with the key named by its `kid` (the whole set when it has none). */
  async decode(token, options, callOptions) {
    expectString(token, "token");
    const kid = getUnverifiedHeader(token).kid;
    if (typeof kid === "string") return decode(token, await this.getSigningKey(kid, callOptions), options);
    return decode(token, await this.getJwkSet(callOptions), options);
  }

  async #ensure(kid, context) {
    // Real time, even when a test clock drives the cache: waiting is bounded.
    const deadline = Date.now() + 2 * this.#timeout + 1_000;
    for (;;) {
      // 0: the cache answers; > 0: fetch under this lease; -1: wait.
      const plan = call(() => this.#raw.plan(kid, this.#clock()));
      if (plan === 0) return;
      if (plan > 0) {
        await this.#refresh(plan, context);
        continue; // the core now answers from the new set, or says the kid is unknown
      }
      const flight = this.#flight;
      if (flight !== null && flight.context === context) {
        // Same request (or a runtime where sharing is safe): share the fetch.
        await flight.promise.then(() => undefined, () => undefined);
        continue;
      }
      if (Date.now() > deadline) throw connectionError("timed out waiting for another request's JWKS fetch");
      // Another request's fetch: poll the shared cache with our own timer.
      await sleep(Math.max(1, Math.min(POLL_MS, this.#raw.waitUntil - this.#clock())));
    }
  }

  async #refresh(lease, context) {
    const promise = this.#download();
    const flight = { context, promise };
    this.#flight = flight;
    try {
      let text;
      try {
        text = await promise;
      } catch (e) {
        this.#raw.fetchFailed(lease, this.#clock());
        throw e;
      }
      call(() => this.#raw.fetched(lease, text, this.#clock()));
    } finally {
      if (this.#flight === flight) this.#flight = null;
    }
  }

  async #download() {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.#timeout);
    try {
      const init = { method: "GET", headers: { ...this.#headers, accept: ACCEPT }, signal: controller.signal, redirect: "manual" };
      let response;
      try {
        response = this.#fetch ? await this.#fetch(this.#url, init) : await globalThis.fetch(this.#url, init);
      } catch (e) {
        if (controller.signal.aborted) throw connectionError(`timed out after ${this.#timeout} ms`, e);
        throw connectionError(e && e.message ? e.message : String(e), e);
      }
      if (response.status !== 200) {
        await response.body?.cancel().catch(() => {});
        throw connectionError(`HTTP ${response.status}`);
      }
      const declared = Number(response.headers.get("content-length"));
      if (Number.isFinite(declared) && declared > 0) {
        try {
          call(() => this.#raw.checkSize(declared));
        } catch (e) {
          await response.body?.cancel().catch(() => {});
          throw e;
        }
      }
      return await this.#readCapped(response, controller);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Reads the body as text, stopping as soon as it passes the size cap. */
  async #readCapped(response, controller) {
    const max = this.#raw.maxResponseBytes;
    const decoder = new TextDecoder();
    let text = "";
    let total = 0;
    try {
      if (!response.body) return "";
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.byteLength;
        if (total > max) {
          await reader.cancel().catch(() => {});
          call(() => this.#raw.checkSize(total));
        }
        text += decoder.decode(value, { stream: true });
      }
      return text + decoder.decode();
    } catch (e) {
      if (e instanceof JWTError) throw e;
      if (controller.signal.aborted) throw connectionError(`timed out after ${this.#timeout} ms`, e);
      throw connectionError(e && e.message ? e.message : String(e), e);
    }
  }
}

/** The sharing context of a call: the caller's, else the client's (never shared in workerd). */
function contextOf(options, shared) {
  const o = optionsObject(options, "options");
  if (o.context !== undefined && (o.context === null || typeof o.context !== "object")) {
    throw new TypeError(`options.context must be an object, got ${describe(o.context)}`);
  }
  return o.context ?? (IN_WORKERD ? {} : shared);
}
