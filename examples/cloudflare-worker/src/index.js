// Verifies `Authorization: Bearer <jwt>` against the JWKS at env.JWKS_URL and
// answers with the token's claims as JSON; bad or missing tokens get the
// ready 401 response (with its WWW-Authenticate challenge).
import { AuthError, JwksClient, authenticate } from "jwt-wasm";

// One client per isolate, so the JWKS is cached across requests. It never
// shares a pending fetch between requests (see JwksCallOptions.context).
let jwks;

export default {
  async fetch(request, env) {
    jwks ??= new JwksClient(env.JWKS_URL);
    try {
      const claims = await authenticate(request, {
        jwks,
        algorithms: ["RS256", "ES256", "EdDSA"],
        audience: env.AUDIENCE || undefined,
        issuer: env.ISSUER || undefined,
        verifyAud: Boolean(env.AUDIENCE),
      });
      return Response.json(claims);
    } catch (e) {
      if (e instanceof AuthError) return e.response;
      throw e;
    }
  },
};
