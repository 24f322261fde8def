// Attack cases about the token's bytes (issue 6 §1): non-canonical
// base64url, hostile JSON, claim types, `crit`, and size.

import assert from "node:assert/strict";
import * as jwt from "jwt-wasm";
import { test, throwsExactly } from "./harness.mjs";
import { NOW, SECRET, b64u, hs256 } from "./forge.mjs";

const { decode, encode, getUnverifiedHeader, getUnverifiedClaims } = jwt;
const claims = { sub: "victim", iat: NOW, exp: NOW + 3600 };
const opts = { now: NOW, algorithms: ["HS256"] };
const verify = (token, extra) => decode(token, SECRET, { ...opts, ...extra });

// ------------------------------------------------------ non-canonical base64url
const good = hs256({ alg: "HS256", typ: "JWT" }, claims);
test("base64url: control: the canonical token verifies", () => {
  assert.equal(verify(good).sub, "victim");
});
const [h, p, s] = good.split(".");
// A segment whose length is 2 or 3 mod 4, so '=' padding would be meaningful to a lenient decoder.
const padded = (seg) => (seg.length % 4 === 0 ? seg : seg + "=".repeat(4 - (seg.length % 4)));
const trailingBits = (seg) => {
  // The last character of a 43-character segment carries 4 data bits and 2 zero bits.
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const last = alphabet.indexOf(seg[seg.length - 1]);
  return seg.slice(0, -1) + alphabet[last | 1];
};
const segments = { header: 0, payload: 1, signature: 2 };
const mutations = {
  "'=' padding": (seg) => padded(seg) === seg ? `${seg}==` : padded(seg),
  "'+' instead of '-'": (seg) => `${seg.slice(0, 2)}+${seg.slice(3)}`,
  "'/' instead of '_'": (seg) => `${seg.slice(0, 2)}/${seg.slice(3)}`,
  "a space inside": (seg) => `${seg.slice(0, 4)} ${seg.slice(4)}`,
  "a newline inside": (seg) => `${seg.slice(0, 4)}\n${seg.slice(4)}`,
  "a tab at the end": (seg) => `${seg}\t`,
  "'*' (outside the alphabet)": (seg) => `${seg.slice(0, 2)}*${seg.slice(3)}`,
  "'é' (non-ASCII)": (seg) => `${seg.slice(0, 2)}é${seg.slice(3)}`,
  "a '%' escape": (seg) => `${seg.slice(0, 2)}%41${seg.slice(3)}`,
  "one character too many (length 1 mod 4)": (seg) => (seg.length % 4 === 0 ? `${seg}A` : `${seg}${"A".repeat(5 - (seg.length % 4))}`),
};
for (const [name, index] of Object.entries(segments)) {
  for (const [what, mutate] of Object.entries(mutations)) {
    test(`base64url: ${what} in the ${name} segment is a DecodeError`, () => {
      const parts = [h, p, s];
      parts[index] = mutate(parts[index]);
      throwsExactly(() => verify(parts.join(".")), jwt.DecodeError);
    });
  }
}
test("base64url: non-zero trailing bits in the signature segment are a DecodeError", () => {
  assert.equal(s.length % 4, 3);
  throwsExactly(() => verify(`${h}.${p}.${trailingBits(s)}`), jwt.DecodeError);
});
test("base64url: non-zero trailing bits in the header segment are a DecodeError", () => {
  const header = b64u('{"alg":"HS256","ab":1}'); // 22 bytes: the last character carries 4 zero bits
  assert.equal(header.length % 4, 2);
  throwsExactly(() => getUnverifiedHeader(`${trailingBits(header)}.${p}.${s}`), jwt.DecodeError);
  assert.equal(getUnverifiedHeader(`${header}.${p}.${s}`).ab, 1);
});

// ------------------------------------------------------------------- JSON
const raw = (headerText, payloadText) => hs256(headerText, payloadText);
const jsonCases = {
  "a duplicate 'alg' in the header": ['{"alg":"HS256","alg":"none"}', claims],
  "a duplicate 'typ' in the header": ['{"alg":"HS256","typ":"JWT","typ":"at+jwt"}', claims],
  "a duplicate 'sub' in the payload": [{ alg: "HS256" }, '{"sub":"victim","sub":"admin"}'],
  "a duplicate inside a nested payload object": [{ alg: "HS256" }, '{"a":{"b":1,"b":2}}'],
  "invalid UTF-8 in the payload": [{ alg: "HS256" }, Buffer.from([0x7b, 0x22, 0x73, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
  "an overlong UTF-8 encoding in the header": [Buffer.concat([Buffer.from('{"alg":"HS256","x":"'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')]), claims],
  "a lone high surrogate escape in the payload": [{ alg: "HS256" }, '{"sub":"\\ud800"}'],
  "a lone low surrogate escape in the header": ['{"alg":"HS256","kid":"\\udc00"}', claims],
  "a UTF-16LE payload": [{ alg: "HS256" }, Buffer.from(JSON.stringify(claims), "utf16le")],
  "a UTF-16BE header with BOM": [Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('{"alg":"HS256"}', "utf16le").swap16()]), claims],
  "a UTF-8 BOM before the payload": [{ alg: "HS256" }, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(claims))])],
  "a UTF-8 BOM before the header": [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"alg":"HS256"}')]), claims],
  "trailing garbage after the payload": [{ alg: "HS256" }, `${JSON.stringify(claims)}x`],
  "a second object after the payload": [{ alg: "HS256" }, `${JSON.stringify(claims)}{}`],
  "trailing garbage after the header": ['{"alg":"HS256"}]', claims],
  "a payload that is an array": [{ alg: "HS256" }, "[]"],
  "a payload that is a string": [{ alg: "HS256" }, '"victim"'],
  "a payload that is a number": [{ alg: "HS256" }, "1"],
  "a payload that is null": [{ alg: "HS256" }, "null"],
  "an empty payload": [{ alg: "HS256" }, ""],
  "a header that is an array": ['["HS256"]', claims],
  "a header that is true": ["true", claims],
  "NaN in the payload": [{ alg: "HS256" }, '{"exp":NaN}'],
  "Infinity in the payload": [{ alg: "HS256" }, '{"exp":Infinity}'],
  "a comment in the payload": [{ alg: "HS256" }, '{"sub":"a"/* x */}'],
  "single quotes in the header": ["{'alg':'HS256'}", claims],
};
for (const [name, [header, payload]] of Object.entries(jsonCases)) {
  test(`JSON: ${name} is a DecodeError`, () => {
    throwsExactly(() => verify(raw(header, payload)), jwt.DecodeError);
  });
}
for (const where of ["payload", "header"]) {
  test(`JSON: 100,000 levels of nesting in the ${where} fail cleanly with a DecodeError`, () => {
    const deep = `{"alg":"HS256","a":${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
    const token = where === "payload" ? raw({ alg: "HS256" }, deep) : raw(deep, claims);
    throwsExactly(() => verify(token, { maxTokenLength: 1_000_000 }), jwt.DecodeError);
    throwsExactly(() => verify(token), jwt.DecodeError, "Token is too large");
    // The instance survives: a good token still verifies.
    assert.equal(verify(good).sub, "victim");
  });
}
test("JSON: nesting 64 levels deep is accepted, 65 is refused", () => {
  const nest = (depth) => `{"a":${"[".repeat(depth - 1)}${"]".repeat(depth - 1)}}`;
  assert.ok(verify(raw({ alg: "HS256" }, nest(64))));
  throwsExactly(() => verify(raw({ alg: "HS256" }, nest(65))), jwt.DecodeError);
});
test("JSON: the unverified readers apply the same strict parsing", () => {
  throwsExactly(() => getUnverifiedHeader(raw('{"alg":"HS256","alg":"none"}', claims)), jwt.DecodeError);
  throwsExactly(() => getUnverifiedClaims(raw({ alg: "HS256" }, '{"sub":"a","sub":"b"}')), jwt.DecodeError);
});

// ------------------------------------------------------------------ claims
const typeAttacks = { string: '"1700003600"', true: "true", false: "false", null: "null", "1e300": "1e300", negative: "-1", "-1e300": "-1e300", array: "[1700003600]", object: "{}" };
const timeErrors = { exp: jwt.DecodeError, nbf: jwt.DecodeError, iat: jwt.InvalidIssuedAtError };
for (const [claim, cls] of Object.entries(timeErrors)) {
  for (const [name, value] of Object.entries(typeAttacks)) {
    test(`claims: ${claim} as ${name} is ${cls.name}`, () => {
      throwsExactly(() => verify(raw({ alg: "HS256" }, `{"sub":"victim","${claim}":${value}}`)), cls);
    });
  }
}
const aud = (value, audience, extra) => verify(raw({ alg: "HS256" }, { sub: "victim", aud: value }), { audience, ...extra });
test("claims: aud [] never matches an expected audience (PyJWT: an empty aud counts as missing)", () => {
  throwsExactly(() => aud([], "api"), jwt.MissingRequiredClaimError, 'missing the "aud" claim');
  throwsExactly(() => aud([], ["api"]), jwt.MissingRequiredClaimError);
  // With no expected audience an empty list is no audience at all, as in PyJWT.
  assert.deepEqual(aud([], undefined).aud, []);
});
test("claims: aud mixing strings and numbers is InvalidAudienceError even when a string matches", () => {
  throwsExactly(() => aud(["api", 1], "api"), jwt.InvalidAudienceError, "Invalid claim format in token");
  throwsExactly(() => aud([1], "1"), jwt.InvalidAudienceError);
  throwsExactly(() => aud(1, "1"), jwt.InvalidAudienceError);
  throwsExactly(() => aud(["api", null], "api"), jwt.InvalidAudienceError);
});
test("claims: aud partial matches do not count", () => {
  throwsExactly(() => aud("ap", "api"), jwt.InvalidAudienceError);
  throwsExactly(() => aud("api", "apis"), jwt.InvalidAudienceError);
  throwsExactly(() => aud(["api", "x"], "api", { strictAud: true }), jwt.InvalidAudienceError);
});
const iss = (value, issuer) => verify(raw({ alg: "HS256" }, { sub: "victim", iss: value }), { issuer });
for (const [value, issuer] of [["abc", "abcd"], ["", "abcd"], ["bc", "abcd"], ["d", "abcd"], ["abcd", "abc"], ["ABCD", "abcd"], ["abcd ", "abcd"]]) {
  test(`claims: iss ${JSON.stringify(value)} against issuer ${JSON.stringify(issuer)} is refused (CVE-2024-53861)`, () => {
    throwsExactly(() => iss(value, issuer), jwt.InvalidIssuerError);
    throwsExactly(() => iss(value, [issuer]), jwt.InvalidIssuerError);
  });
}
test("claims: iss that is not a string is refused", () => {
  throwsExactly(() => iss(["abcd"], "abcd"), jwt.InvalidIssuerError);
  throwsExactly(() => iss(1, "1"), jwt.InvalidIssuerError);
  throwsExactly(() => iss({ abcd: 1 }, "abcd"), jwt.InvalidIssuerError);
});
for (const [name, value] of [["number", 1], ["array", ["victim"]], ["object", {}], ["bool", true]]) {
  test(`claims: sub as ${name} is InvalidSubjectError, jti as ${name} is InvalidJTIError`, () => {
    throwsExactly(() => verify(raw({ alg: "HS256" }, { sub: value })), jwt.InvalidSubjectError);
    throwsExactly(() => verify(raw({ alg: "HS256" }, { jti: value })), jwt.InvalidJTIError);
  });
}

// -------------------------------------------------------------------- crit
const critCases = {
  "an unknown name": [{ alg: "HS256", crit: ["exp"], exp: 1 }, "Unsupported critical extension"],
  "an unknown name that is present": [{ alg: "HS256", crit: ["x-custom"], "x-custom": true }, "Unsupported critical extension"],
  "an empty list": [{ alg: "HS256", crit: [] }, "non-empty list"],
  "a string instead of a list": [{ alg: "HS256", crit: "b64", b64: true }, "non-empty list"],
  "a non-string entry": [{ alg: "HS256", crit: [1] }, "values must be strings"],
  "a name missing from the header": [{ alg: "HS256", crit: ["b64"] }, "missing from headers"],
  "an empty name": [{ alg: "HS256", crit: [""] }, "Unsupported critical extension"],
  "b64: false without crit": [{ alg: "HS256", b64: false }, "not listed in 'crit'"],
  "b64 as a string": [{ alg: "HS256", b64: "false", crit: ["b64"] }, "must be a boolean"],
};
for (const [name, [header, message]] of Object.entries(critCases)) {
  test(`crit: ${name} is InvalidTokenError on decode and on unverified reads`, () => {
    const token = hs256(header, claims);
    throwsExactly(() => verify(token), jwt.InvalidTokenError, message);
    throwsExactly(() => getUnverifiedHeader(token), jwt.InvalidTokenError, message);
  });
}
test("crit: b64: false in a JWT decode without a detached payload is a DecodeError", () => {
  const token = encode(claims, SECRET, { headers: { b64: false, crit: ["b64"] } });
  throwsExactly(() => verify(token), jwt.DecodeError);
});

// -------------------------------------------------------------------- size
const timed = (f) => {
  const start = performance.now();
  f();
  return performance.now() - start;
};
test("size: a 10 MB token is refused by the size cap", () => {
  const big = `${b64u('{"alg":"HS256"}')}.${"A".repeat(10 * 1024 * 1024)}.${b64u("sig")}`;
  const ms = timed(() => throwsExactly(() => verify(big), jwt.DecodeError, "Token is too large"));
  throwsExactly(() => getUnverifiedHeader(big), jwt.DecodeError, "Token is too large");
  console.log(`  (10 MB token refused in ${ms.toFixed(1)} ms)`);
});
test("size: a token of 100,000 dots is refused before any decoding", () => {
  throwsExactly(() => verify(".".repeat(100_000)), jwt.DecodeError, "too many segments");
  const capped = `${"a.".repeat(100_000)}${"a".repeat(300_000)}`;
  const ms = timed(() => throwsExactly(() => verify(capped), jwt.DecodeError, "Token is too large"));
  console.log(`  (100,000-dot token over the cap refused in ${ms.toFixed(1)} ms)`);
});
test("size: a well-formed 64 KB token within the cap verifies", () => {
  const token = encode({ ...claims, blob: "x".repeat(48 * 1024) }, SECRET);
  assert.ok(token.length >= 64 * 1024 && token.length < 256 * 1024, `length ${token.length}`);
  assert.equal(verify(token).blob.length, 48 * 1024);
  throwsExactly(() => verify(token, { maxTokenLength: 60_000 }), jwt.DecodeError, "Token is too large");
});
