//! Registered-claim checks (RFC 7519 §4.1) in PyJWT's order and with its
//! messages: require → iat → nbf → exp → iss → aud → sub → jti, then the
//! extras max_age and typ.

use alloc::string::String;
use alloc::vec::Vec;

use serde_json::{Map, Value};

use crate::error::{Error, err};
use crate::header::Header;
use crate::validation::Validation;

/// The largest NumericDate accepted: 9999-12-31T23:59:59Z.
pub(crate) const MAX_NUMERIC_DATE: i64 = 253_402_300_799;

/// Reads a NumericDate (RFC 7519 §2): a finite JSON number within
/// `[0, MAX_NUMERIC_DATE]`, truncated toward zero as Python's `int()` does.
/// Stricter than PyJWT, which also takes numeric strings.
pub(crate) fn numeric_date(value: &Value) -> Option<i64> {
    let Value::Number(n) = value else { return None };
    if let Some(i) = n.as_i64() {
        return (0..=MAX_NUMERIC_DATE).contains(&i).then_some(i);
    }
    let f = n.as_f64()?;
    // A u64 beyond i64 also lands here, as a float far out of range.
    if f.is_finite() && (0.0..=MAX_NUMERIC_DATE as f64).contains(&f) {
        #[allow(clippy::cast_possible_truncation)]
        return Some(f as i64);
    }
    None
}

/// Python's truthiness of a JSON value, which PyJWT's `not payload["aud"]` uses.
fn is_truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// The clock, read once and only when a time check needs it.
struct Clock<'a> {
    validation: &'a Validation,
    now: Option<f64>,
}

impl Clock<'_> {
    fn now(&mut self) -> Result<f64, Error> {
        if let Some(now) = self.now {
            return Ok(now);
        }
        let now = self.validation.current_time()?;
        self.now = Some(now);
        Ok(now)
    }
}

/// Runs every enabled check on `claims` (and the header's `typ`).
pub(crate) fn validate(
    claims: &Map<String, Value>,
    header: &Header,
    v: &Validation,
) -> Result<(), Error> {
    for name in &v.require {
        if claims.get(name).is_none_or(Value::is_null) {
            return Err(Error::missing_claim(name));
        }
    }
    let mut clock = Clock {
        validation: v,
        now: None,
    };
    let leeway = v.leeway;
    if let Some(iat) = claims.get("iat").filter(|_| v.runs(v.verify_iat)) {
        let iat = numeric_date(iat)
            .ok_or_else(|| err!(InvalidIssuedAt, "Issued At claim (iat) must be an integer."))?;
        if iat as f64 > clock.now()? + leeway {
            return Err(err!(ImmatureSignature, "The token is not yet valid (iat)"));
        }
    }
    if let Some(nbf) = claims.get("nbf").filter(|_| v.runs(v.verify_nbf)) {
        let nbf = numeric_date(nbf)
            .ok_or_else(|| err!(Decode, "Not Before claim (nbf) must be an integer."))?;
        if nbf as f64 > clock.now()? + leeway {
            return Err(err!(ImmatureSignature, "The token is not yet valid (nbf)"));
        }
    }
    if let Some(exp) = claims.get("exp").filter(|_| v.runs(v.verify_exp)) {
        let exp = numeric_date(exp)
            .ok_or_else(|| err!(Decode, "Expiration Time claim (exp) must be an integer."))?;
        if exp as f64 <= clock.now()? - leeway {
            return Err(err!(ExpiredSignature, "Signature has expired"));
        }
    }
    if v.runs(v.verify_iss) {
        validate_iss(claims, v.issuer.as_deref())?;
    }
    if v.runs(v.verify_aud) {
        validate_aud(claims, v.audience.as_deref(), v.strict_aud)?;
    }
    if v.runs(v.verify_sub) {
        validate_sub(claims, v.subject.as_deref())?;
    }
    if v.runs(v.verify_jti) && claims.get("jti").is_some_and(|jti| !jti.is_string()) {
        return Err(err!(InvalidJti, "JWT ID must be a string"));
    }
    if let Some(max_age) = v.max_age {
        let iat = match claims.get("iat") {
            None | Some(Value::Null) => return Err(Error::missing_claim("iat")),
            Some(iat) => numeric_date(iat).ok_or_else(|| {
                err!(InvalidIssuedAt, "Issued At claim (iat) must be an integer.")
            })?,
        };
        if iat as f64 + max_age + leeway < clock.now()? {
            return Err(err!(
                ExpiredSignature,
                "Token is too old (max_age exceeded)"
            ));
        }
    }
    if let Some(expected) = &v.typ {
        validate_typ(header, expected)?;
    }
    Ok(())
}

fn validate_iss(claims: &Map<String, Value>, issuers: Option<&[String]>) -> Result<(), Error> {
    let Some(issuers) = issuers else {
        return Ok(());
    };
    let Some(iss) = claims.get("iss") else {
        return Err(Error::missing_claim("iss"));
    };
    let Some(iss) = iss.as_str() else {
        return Err(err!(InvalidIssuer, "Payload Issuer (iss) must be a string"));
    };
    // Whole-string equality with one of the accepted issuers; PyJWT 2.10.0's
    // `iss not in issuer` on a string did a substring test (CVE-2024-53861).
    if issuers.iter().any(|accepted| accepted == iss) {
        Ok(())
    } else {
        Err(err!(InvalidIssuer, "Invalid issuer"))
    }
}

/// PyJWT's `_validate_aud`, step for step.
fn validate_aud(
    claims: &Map<String, Value>,
    audience: Option<&[String]>,
    strict: bool,
) -> Result<(), Error> {
    let aud = claims.get("aud").filter(|aud| is_truthy(aud));
    let Some(expected) = audience else {
        return match aud {
            None => Ok(()),
            Some(_) => Err(err!(InvalidAudience, "Invalid audience")),
        };
    };
    let Some(aud) = aud else {
        return Err(Error::missing_claim("aud"));
    };
    if strict {
        // PyJWT requires a single string here; a list of one is our spelling of it.
        let [expected] = expected else {
            return Err(err!(InvalidAudience, "Invalid audience (strict)"));
        };
        let Some(aud) = aud.as_str() else {
            return Err(err!(
                InvalidAudience,
                "Invalid claim format in token (strict)"
            ));
        };
        if aud != expected {
            return Err(err!(InvalidAudience, "Audience doesn't match (strict)"));
        }
        return Ok(());
    }
    let in_token: Vec<&str> = match aud {
        Value::String(s) => alloc::vec![s.as_str()],
        Value::Array(items) => items
            .iter()
            .map(Value::as_str)
            .collect::<Option<Vec<&str>>>()
            .ok_or_else(|| err!(InvalidAudience, "Invalid claim format in token"))?,
        _ => return Err(err!(InvalidAudience, "Invalid claim format in token")),
    };
    if expected.iter().any(|e| in_token.contains(&e.as_str())) {
        Ok(())
    } else {
        Err(err!(InvalidAudience, "Audience doesn't match"))
    }
}

fn validate_sub(claims: &Map<String, Value>, subject: Option<&str>) -> Result<(), Error> {
    let Some(sub) = claims.get("sub") else {
        return Ok(());
    };
    let Some(sub) = sub.as_str() else {
        return Err(err!(InvalidSubject, "Subject must be a string"));
    };
    match subject {
        Some(expected) if expected != sub => Err(err!(InvalidSubject, "Invalid subject")),
        _ => Ok(()),
    }
}

/// Media types compare case-insensitively, and `typ` may omit the
/// `application/` prefix (RFC 7515 §4.1.9), so both spellings match.
fn normalize_typ(typ: &str) -> String {
    let lower = typ.to_ascii_lowercase();
    match lower.strip_prefix("application/") {
        Some(rest) => rest.into(),
        None => lower,
    }
}

fn validate_typ(header: &Header, expected: &str) -> Result<(), Error> {
    match header.get("typ") {
        None => Err(err!(
            InvalidToken,
            "Invalid \"typ\" header: expected \"{}\", but the header has none",
            expected
        )),
        Some(Value::String(typ)) if normalize_typ(typ) == normalize_typ(expected) => Ok(()),
        Some(Value::String(typ)) => Err(err!(
            InvalidToken,
            "Invalid \"typ\" header: expected \"{}\", got \"{}\"",
            expected,
            typ.escape_debug()
        )),
        Some(_) => Err(err!(
            InvalidToken,
            "Invalid \"typ\" header: must be a string"
        )),
    }
}
