// Sharing through the URL fragment. The fragment is never sent in HTTP
// requests (RFC 3986 §3.5), so a shared link does not leak the token to
// this server's logs; the query string would.

const PREFIX = "#token=";

/** The token in `location.hash`, or null. */
export function tokenFromFragment(hash = location.hash) {
  if (!hash.startsWith(PREFIX)) return null;
  try {
    return decodeURIComponent(hash.slice(PREFIX.length));
  } catch {
    return hash.slice(PREFIX.length);
  }
}

/** A link to this page that opens `token` in the decoder. */
export function linkFor(token) {
  const url = new URL(location.href);
  url.search = "";
  url.hash = `token=${encodeURIComponent(token)}`;
  return url.href;
}
