"""PyJWT's side of the differential tests (issue 6 section 4).

Reads one JSON request on stdin, written by tests/js/security/differential.mjs,
and writes one JSON answer on stdout. Two modes:

- "sign": {"mode": "sign", "keys": ..., "sign": [{"alg", "claims", "headers"}]}
  -> {"version", "signed": [token, ...]}, keys alternating between PEM and JWK;
- "decide": {"mode": "decide", "keys": ..., "tokens": [{"token", "alg"}],
  "option_sets": [{"name", "algorithms": {alg: [names]}, "audience", "issuer",
  "leeway", "require", "verify_aud"}]}
  -> {"version", "decisions": [[token_index, option_set, key_form, outcome]]}
  for key_form "pem" and "jwk", outcome "ok" or PyJWT's exception class name.

"keys" maps each algorithm to {"pem_private", "pem_public", "jwk_private",
"jwk_public"}; for HMAC the two "pem" members hold the secret text.
"""

import json
import sys
import warnings

import jwt
from jwt import PyJWK


def signing_key(keys, alg, form):
    entry = keys[alg]
    if form == "jwk":
        return PyJWK(entry["jwk_private"], algorithm=alg).key
    return entry["pem_private"]


def verifying_key(keys, alg, form):
    entry = keys[alg]
    if form == "jwk":
        return PyJWK(entry["jwk_public"], algorithm=alg).key
    return entry["pem_public"]


def decide(token, alg, key, option_set):
    options = {}
    if option_set.get("verify_aud") is False:
        options["verify_aud"] = False
    if option_set.get("require"):
        options["require"] = option_set["require"]
    kwargs = {"algorithms": option_set["algorithms"][alg], "options": options}
    for name in ("audience", "issuer", "leeway"):
        if option_set.get(name) is not None:
            kwargs[name] = option_set[name]
    try:
        jwt.decode(token, key, **kwargs)
        return "ok"
    except jwt.PyJWTError as e:  # every PyJWT refusal
        return type(e).__name__
    except (TypeError, ValueError) as e:
        # PyJWT's answer to a key object of another family (for instance an
        # Ed25519 key given to HS256): still a refusal, recorded as such.
        return "python:" + type(e).__name__


def sign(request):
    keys = request["keys"]
    signed = []
    for i, spec in enumerate(request["sign"]):
        form = "jwk" if i % 2 else "pem"
        key = signing_key(keys, spec["alg"], form)
        signed.append(jwt.encode(spec["claims"], key, algorithm=spec["alg"], headers=spec.get("headers")))
    return {"version": jwt.__version__, "signed": signed}


def decide_all(request):
    keys = request["keys"]
    # The verifying keys only depend on the token's nominal algorithm and the form.
    cache = {}
    decisions = []
    for index, entry in enumerate(request["tokens"]):
        token, alg = entry["token"], entry["alg"]
        for form in ("pem", "jwk"):
            if (alg, form) not in cache:
                cache[(alg, form)] = verifying_key(keys, alg, form)
            key = cache[(alg, form)]
            for option_set in request["option_sets"]:
                decisions.append([index, option_set["name"], form, decide(token, alg, key, option_set)])
    return {"version": jwt.__version__, "decisions": decisions}


def main():
    request = json.load(sys.stdin)
    answer = sign(request) if request["mode"] == "sign" else decide_all(request)
    json.dump(answer, sys.stdout)


if __name__ == "__main__":
    # Short-key warnings are not decisions; keep stderr quiet.
    warnings.simplefilter("ignore")
    main()
