// Error classes of jwt-wasm, shaped after PyJWT's exception hierarchy.
// The core (Rust) decides which error happens and its message; this file only
// gives each one a real JS class so `instanceof` and `.code` work.

/** Base class of every error thrown by jwt-wasm for a bad token, key or key set. */
export class JWTError extends Error {
  /**
   * @param {string} [message]
   * @param {{ code?: string, claim?: string, cause?: unknown }} [options]
   */
  constructor(message, options) {
    super(message, options && "cause" in options ? { cause: options.cause } : undefined);
    this.name = new.target.name;
    this.code = (options && options.code) || new.target.code;
  }
}
JWTError.code = "ERR_JWT";

function define(name, parent, code) {
  // A named class per error, created without eval so CSP-restricted hosts work.
  const cls = { [name]: class extends parent {} }[name];
  cls.code = code;
  return cls;
}

export const InvalidTokenError = define("InvalidTokenError", JWTError, "ERR_JWT_INVALID");
export const DecodeError = define("DecodeError", InvalidTokenError, "ERR_JWT_DECODE");
export const InvalidSignatureError = define("InvalidSignatureError", DecodeError, "ERR_JWS_SIGNATURE_VERIFICATION_FAILED");
export const ExpiredSignatureError = define("ExpiredSignatureError", InvalidTokenError, "ERR_JWT_EXPIRED");
export const ImmatureSignatureError = define("ImmatureSignatureError", InvalidTokenError, "ERR_JWT_NOT_YET_VALID");
export const InvalidAudienceError = define("InvalidAudienceError", InvalidTokenError, "ERR_JWT_AUDIENCE_INVALID");
export const InvalidIssuerError = define("InvalidIssuerError", InvalidTokenError, "ERR_JWT_ISSUER_INVALID");
export const InvalidIssuedAtError = define("InvalidIssuedAtError", InvalidTokenError, "ERR_JWT_IAT_INVALID");
export const InvalidAlgorithmError = define("InvalidAlgorithmError", InvalidTokenError, "ERR_JOSE_ALG_NOT_ALLOWED");
export const InvalidSubjectError = define("InvalidSubjectError", InvalidTokenError, "ERR_JWT_SUBJECT_INVALID");
export const InvalidJTIError = define("InvalidJTIError", InvalidTokenError, "ERR_JWT_JTI_INVALID");
export const InvalidKeyError = define("InvalidKeyError", JWTError, "ERR_KEY_INVALID");
export const JWKError = define("JWKError", JWTError, "ERR_JWK_INVALID");
export const JWKSetError = define("JWKSetError", JWTError, "ERR_JWKS_INVALID");

/** `MissingRequiredClaimError`: a required claim is absent; `.claim` names it. */
export class MissingRequiredClaimError extends InvalidTokenError {
  /**
   * @param {string} [message]
   * @param {{ code?: string, claim?: string, cause?: unknown }} [options]
   */
  constructor(message, options) {
    super(message, options);
    this.claim = options && options.claim;
  }
}
MissingRequiredClaimError.code = "ERR_JWT_CLAIM_MISSING";

const CLASSES = {
  InvalidTokenError, DecodeError, InvalidSignatureError, ExpiredSignatureError,
  ImmatureSignatureError, InvalidAudienceError, InvalidIssuerError, InvalidIssuedAtError,
  InvalidAlgorithmError, MissingRequiredClaimError, InvalidSubjectError, InvalidJTIError,
  InvalidKeyError, JWKError, JWKSetError,
};

/**
 * Turns an error thrown by the wasm core into the exported class it names;
 * anything else (a TypeError for caller misuse, a wasm trap) is returned as is.
 * @param {unknown} e
 * @returns {unknown}
 */
export function fromCore(e) {
  if (e !== null && typeof e === "object" && typeof e.jwtWasmClass === "string") {
    const cls = CLASSES[e.jwtWasmClass] || JWTError;
    return new cls(e.message, { code: e.code, claim: e.claim });
  }
  return e;
}
