// The one JS test suite, run unchanged in every runtime by a thin runner.
// `run(jwt)` takes the package's exports (however the runtime loaded them)
// and returns { passed, failed, failures }; runners print it with report().

function assert(cond, message) {
  if (!cond) throw new Error(`assertion failed: ${message}`);
}

function assertEq(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}

function assertThrows(f, cls, code, what) {
  let thrown;
  try {
    f();
  } catch (e) {
    thrown = e;
  }
  if (thrown === undefined) throw new Error(`${what}: expected ${cls.name}, nothing was thrown`);
  if (!(thrown instanceof cls)) {
    throw new Error(`${what}: expected ${cls.name}, got ${thrown && thrown.name}: ${thrown && thrown.message}`);
  }
  if (code !== undefined) assertEq(thrown.code, code, `${what}: .code`);
  return thrown;
}

const bytes = (s) => new TextEncoder().encode(s);
const SECRET = "a-string-secret-at-least-256-bits-long";

/** Every case: [title, (jwt) => void]. */
export const cases = [
  ["HS256 sign and verify with a string secret (getAlgorithmByName)", (jwt) => {
    const hs = jwt.getAlgorithmByName("HS256");
    assertEq(hs.name, "HS256", "name");
    const sig = hs.sign(bytes("header.payload"), SECRET);
    assert(sig instanceof Uint8Array && sig.length === 32, "HS256 gives 32 bytes");
    assert(hs.verify(bytes("header.payload"), SECRET, sig), "own signature verifies");
  }],

  ["HS256 with a Key object equals the string secret (RFC 7515 A.1 style MAC)", (jwt) => {
    const key = jwt.Key.fromSecret(SECRET);
    const hs = jwt.getAlgorithmByName("HS256");
    const a = hs.sign(bytes("m"), key);
    const b = hs.sign(bytes("m"), bytes(SECRET));
    assertEq(Array.from(a), Array.from(b), "same MAC");
    key.free();
  }],

  ["a tampered message or signature does not verify", (jwt) => {
    const hs = jwt.getAlgorithmByName("HS512");
    const sig = hs.sign(bytes("message"), SECRET);
    assert(!hs.verify(bytes("messagE"), SECRET, sig), "tampered message rejected");
    const bad = sig.slice();
    bad[0] ^= 1;
    assert(!hs.verify(bytes("message"), SECRET, bad), "tampered signature rejected");
    assert(!hs.verify(bytes("message"), "another-secret-at-least-256-bits-long!!", sig), "wrong secret rejected");
  }],

  ["an unknown algorithm is InvalidAlgorithmError with its code", (jwt) => {
    const e = assertThrows(() => jwt.getAlgorithmByName("HS999"), jwt.InvalidAlgorithmError,
      "ERR_JOSE_ALG_NOT_ALLOWED", "getAlgorithmByName");
    assert(e instanceof jwt.InvalidTokenError && e instanceof jwt.JWTError && e instanceof Error, "hierarchy");
    assertEq(e.name, "InvalidAlgorithmError", "name");
  }],

  ["the error classes follow PyJWT's hierarchy", (jwt) => {
    const e = new jwt.InvalidSignatureError("Signature verification failed");
    assert(e instanceof jwt.DecodeError && e instanceof jwt.InvalidTokenError && e instanceof jwt.JWTError, "chain");
    assertEq(e.code, "ERR_JWS_SIGNATURE_VERIFICATION_FAILED", "default code");
    assert(!(new jwt.InvalidKeyError("x") instanceof jwt.InvalidTokenError), "InvalidKeyError is not a token error");
    const m = new jwt.MissingRequiredClaimError('Token is missing the "exp" claim', { claim: "exp" });
    assertEq(m.claim, "exp", "claim");
  }],

  ["wrong argument types are TypeError", (jwt) => {
    assertThrows(() => jwt.getAlgorithmByName(42), TypeError, undefined, "name as number");
    const hs = jwt.getAlgorithmByName("HS256");
    assertThrows(() => hs.sign("not bytes", SECRET), TypeError, undefined, "msg as string");
    assertThrows(() => hs.sign(bytes("m"), 12), TypeError, undefined, "key as number");
    assertThrows(() => jwt.Key.fromSecret(null), TypeError, undefined, "null secret");
  }],
];

/** Runs every case; never throws. */
export function run(jwt) {
  const failures = [];
  let passed = 0;
  for (const [title, f] of cases) {
    try {
      f(jwt);
      passed++;
    } catch (e) {
      failures.push(`${title}: ${e && e.stack ? e.stack : e}`);
    }
  }
  return { passed, failed: failures.length, failures };
}

/**
 * What every runner prints; `cargo xtask test` parses these lines: one
 * `JWT_WASM_FAILURE` line per failed case, then the `JWT_WASM_RESULT` line.
 */
export function report(result) {
  const lines = result.failures.map((f) => `JWT_WASM_FAILURE ${f.replace(/\s*\n\s*/g, " | ")}`);
  lines.push(`JWT_WASM_RESULT passed=${result.passed} failed=${result.failed}`);
  return lines.join("\n");
}
