// Type-checked by `deno check` in the Deno runtime test: index.d.ts must
// describe the API as the suite uses it (and reject misuse).
import {
  type Claims, type DecodeOptions, type DecodedToken, decode, decodeComplete, encode, ExpiredSignatureError,
  getAlgorithmByName, getUnverifiedHeader, InvalidTokenError, JwkSet, Key, MissingRequiredClaimError, ready,
  registerAlgorithm, setOnWarning,
} from "jwt-wasm";

export async function typed(): Promise<string> {
  await ready;
  const options: DecodeOptions = { algorithms: ["HS256"], now: new Date(), leeway: 5, audience: ["a", "b"] };
  const token: string = encode({ sub: "a", exp: new Date() }, "secret", { headers: { kid: "k1" } });
  const claims: Claims = decode(token, "secret", options);
  const full: DecodedToken = decodeComplete(token, Key.fromSecret("secret"), options);
  const sig: Uint8Array = full.signature;
  const kid: string | undefined = getUnverifiedHeader(token).kid;
  const { privateKey, publicKey } = Key.generate("ES256");
  const hmac: Key = Key.generate("HS256");
  const set = new JwkSet({ keys: [publicKey.toJwk()] });
  const first: Key = set.keys[0];
  const ok: boolean = getAlgorithmByName("ES256").verify(new Uint8Array(1), publicKey, sig);
  registerAlgorithm("X", { sign: (m) => m, verify: () => true });
  setOnWarning((message: string) => console.log(message));
  setOnWarning(null);
  const e: InvalidTokenError = new ExpiredSignatureError("x");
  const claim: string | undefined = new MissingRequiredClaimError("m", { claim: "exp" }).claim;
  // @ts-expect-error algorithms must be an array
  decode(token, "secret", { algorithms: "HS256" });
  // @ts-expect-error unknown option names are rejected
  decode(token, "secret", { algorithms: ["HS256"], audiance: "x" });
  // @ts-expect-error Key has no public constructor
  new Key();
  return [claims.sub, kid, privateKey.alg, hmac.kid, first.thumbprint(), ok, e.code, claim].join();
}
