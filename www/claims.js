// Short descriptions of registered claims and header parameters, and the
// date formatting used for NumericDate claims (RFC 7519 §2: seconds since
// the epoch, UTC).

/** Payload claims: RFC 7519 §4.1, OpenID Connect Core §2/§5.1, RFC 8693, RFC 9068. */
export const CLAIMS = {
  iss: "Issuer: who created and signed the token",
  sub: "Subject: the user or entity the token is about",
  aud: "Audience: the recipients that may accept the token",
  exp: "Expiration time: reject the token at or after this moment",
  nbf: "Not before: reject the token before this moment",
  iat: "Issued at: when the token was created",
  jti: "JWT ID: unique identifier, used to detect replays",
  azp: "Authorized party: the client the ID token was issued to",
  nonce: "Nonce: value from the login request, binds the ID token to that session",
  auth_time: "Authentication time: when the user last actively signed in",
  acr: "Authentication context class: how strong the sign-in was",
  amr: "Authentication methods: how the user signed in (pwd, otp, mfa…)",
  at_hash: "Access token hash: left half of the access token's hash, base64url",
  c_hash: "Code hash: left half of the authorization code's hash, base64url",
  scope: "Scope: space-separated permissions granted to the client",
  client_id: "Client ID: the OAuth client that requested the token",
  sid: "Session ID: identifies the user's session at the issuer",
  email: "Email: the user's preferred email address",
  email_verified: "Email verified: whether the issuer checked the address",
  name: "Name: the user's full display name",
  given_name: "Given name: the user's first name",
  family_name: "Family name: the user's surname",
  preferred_username: "Preferred username: shorthand name the user goes by",
  roles: "Roles: roles granted to the subject",
  groups: "Groups: groups the subject belongs to",
  entitlements: "Entitlements: individual permissions granted to the subject",
  cnf: "Confirmation: key the presenter must prove possession of (RFC 7800)",
  act: "Actor: who is acting on behalf of the subject (RFC 8693)",
  may_act: "May act: who is allowed to act on behalf of the subject (RFC 8693)",
};

/** JOSE header parameters: RFC 7515 §4.1, RFC 7797 §3. */
export const HEADER_PARAMS = {
  alg: "Algorithm: how the signature was made",
  typ: "Type: media type of the whole token, usually JWT",
  kid: "Key ID: hint for which key verifies the signature",
  cty: "Content type: media type of the payload (JWT when nested)",
  crit: "Critical: extensions the recipient must understand or reject the token",
  b64: "Base64url-encode payload: false means the payload is not encoded (RFC 7797)",
  jku: "JWK Set URL: where to fetch keys; never trust it blindly",
  jwk: "Embedded public key: never trust it blindly",
  x5u: "X.509 URL: where to fetch a certificate; never trust it blindly",
  x5c: "X.509 chain: certificates for the signing key",
  x5t: "X.509 SHA-1 thumbprint of the signing certificate",
  "x5t#S256": "X.509 SHA-256 thumbprint of the signing certificate",
};

export const TIME_CLAIMS = ["exp", "nbf", "iat", "auth_time"];

/** True when a value can be shown as a NumericDate. */
export function isNumericDate(v) {
  return typeof v === "number" && Number.isFinite(v) && Math.abs(v) < 8.64e12;
}

const pad = (n) => String(n).padStart(2, "0");

/** "2026-11-22 18:37:53 (UTC+01:00)": local time with its offset. */
export function formatLocal(seconds) {
  const d = new Date(seconds * 1000);
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? "+" : "-";
  const abs = Math.abs(off);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())} ` +
    `(local, UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)})`;
}

/** "2026-11-22 17:37:53 UTC" */
export function formatUtc(seconds) {
  const d = new Date(seconds * 1000);
  return d.toISOString().replace("T", " ").replace(/\.\d{3}Z$/, " UTC");
}

/** Compact duration like "14 min", "3 h", "2 d", "1 y". */
export function formatDuration(totalSeconds) {
  const s = Math.abs(Math.round(totalSeconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  if (s < 86400) {
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    return m ? `${h} h ${m} min` : `${h} h`;
  }
  if (s < 86400 * 365) return `${Math.floor(s / 86400)} d`;
  return `${(s / (86400 * 365.25)).toFixed(1).replace(/\.0$/, "")} y`;
}

/** Relative phrase for a time claim, e.g. "expires in 14 min". */
export function relativePhrase(claim, seconds, nowSeconds) {
  const delta = seconds - nowSeconds;
  const span = formatDuration(delta);
  const future = delta > 0;
  switch (claim) {
    case "exp": return future ? `expires in ${span}` : `expired ${span} ago`;
    case "nbf": return future ? `becomes valid in ${span}` : `valid since ${span} ago`;
    case "iat": return future ? `issued ${span} in the future` : `issued ${span} ago`;
    case "auth_time": return future ? `signed in ${span} in the future` : `signed in ${span} ago`;
    default: return future ? `in ${span}` : `${span} ago`;
  }
}

/** One-line human reading of a time claim. */
export function describeTime(claim, seconds, nowSeconds) {
  return `${relativePhrase(claim, seconds, nowSeconds)} · ${formatUtc(seconds)} · ${formatLocal(seconds)}`;
}
