// One cold start, in a fresh process: from the `import` of a library to the
// first verified HS256 token. Prints the milliseconds.
//   node cold.mjs <jwt-wasm|jose> <token> <secret> <audience> <issuer>

const [lib, token, secret, audience, issuer] = process.argv.slice(2);
const start = performance.now();
if (lib === "jwt-wasm") {
  const { decode } = await import("jwt-wasm");
  decode(token, secret, { algorithms: ["HS256"], audience, issuer });
} else if (lib === "jose") {
  const { jwtVerify } = await import("jose");
  await jwtVerify(token, new TextEncoder().encode(secret), { algorithms: ["HS256"], audience, issuer });
} else {
  throw new Error(`unknown library ${lib}`);
}
console.log((performance.now() - start).toFixed(3));
