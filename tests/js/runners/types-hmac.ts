// Type-checked by `deno check` in the Deno runtime test: hmac.d.ts must
// describe `jwt-wasm/hmac` as the hmac suite uses it, and leave out what the
// flavour does not have.
import {
  type Alg, type Claims, type DecodeOptions, type DecodedToken, decode, decodeComplete, encode,
  ExpiredSignatureError, getAlgorithmByName, getUnverifiedHeader, InvalidAlgorithmError, InvalidTokenError, JwkSet,
  AuthError, bearerToken, Key, ready, registerAlgorithm,
} from "jwt-wasm/hmac";

export async function typedHmac(): Promise<string> {
  await ready;
  const alg: Alg = "HS384";
  const options: DecodeOptions = { algorithms: [alg], now: new Date(), leeway: 5, audience: ["a", "b"] };
  const token: string = encode({ sub: "a", exp: new Date() }, "secret", { algorithm: alg, headers: { kid: "k1" } });
  const claims: Claims = decode(token, "secret", options);
  const full: DecodedToken = decodeComplete(token, Key.fromSecret("secret", "HS384"), options);
  const sig: Uint8Array = getAlgorithmByName("HS512").sign(new Uint8Array(1), "secret");
  const kid: string | undefined = getUnverifiedHeader(token).kid;
  const key: Key = Key.generate("HS256");
  const set = new JwkSet({ keys: [key.withKid("k1").toJwk()] });
  const first: Key = set.keys[0];
  registerAlgorithm("X", { sign: (m) => m, verify: () => true });
  const e: InvalidTokenError = new InvalidAlgorithmError("x");
  const expired: InvalidTokenError = new ExpiredSignatureError("y");
  const bearer: string | null = bearerToken(new Request("https://api.example", { headers: { authorization: "Bearer t" } }));
  const refused = (r: unknown): number | undefined => (r instanceof AuthError ? r.status : undefined);
  // @ts-expect-error only HMAC algorithms are declared
  const rsa: Alg = "RS256";
  // @ts-expect-error generating an asymmetric key pair is not in this flavour
  Key.generate("ES256");
  // @ts-expect-error PEM keys are not in this flavour
  Key.fromPem("-----BEGIN PUBLIC KEY-----");
  // @ts-expect-error a secret has no public key
  key.publicKey();
  return [claims.sub, full.signature.length, sig.length, kid, first.thumbprint(), e.code, expired.code, rsa, bearer, refused(null)].join();
}
