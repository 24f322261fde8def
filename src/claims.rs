//! Registered-claim checks (RFC 7519 §4.1) in PyJWT's order and with its
//! messages: require → iat → nbf → exp → iss → aud → sub → jti, then the
//! extras max_age and typ.

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;

use serde_json::{Map, Value};

use crate::error::{Error, err};
use crate::header::Header;
use crate::json::RawMembers;
use crate::validation::Validation;

/// Where the checks read the claims from.
pub(crate) trait ClaimSet {
    /// The value of claim `name`, `None` if absent.
    fn claim(&self, name: &str) -> Result<Option<Cow<'_, Value>>, Error>;

    /// Claim `name` when it is a string that can be read without building a
    /// value; `None` does not mean absent (ask [`ClaimSet::claim`]).
    fn text(&self, name: &str) -> Option<&str>;
}

impl ClaimSet for Map<String, Value> {
    fn claim(&self, name: &str) -> Result<Option<Cow<'_, Value>>, Error> {
        Ok(self.get(name).map(Cow::Borrowed))
    }

    fn text(&self, name: &str) -> Option<&str> {
        self.get(name)?.as_str()
    }
}

/// The raw members of the quick scan: each value is built only when a
/// check reads it (most of a claims set is never read).
impl ClaimSet for RawMembers<'_> {
    fn claim(&self, name: &str) -> Result<Option<Cow<'_, Value>>, Error> {
        self.get(name)
            .transpose()
            .map(|v| v.map(Cow::Owned))
            .map_err(crate::jwt::invalid_payload)
    }

    fn text(&self, name: &str) -> Option<&str> {
        self.plain_str(name)
    }
}

/// A claim that is usually a string, read without building a value when
/// it is one.
enum Read<'c> {
    Absent,
    Text(Cow<'c, str>),
    Other(Cow<'c, Value>),
}

fn read<'c>(claims: &'c dyn ClaimSet, name: &str) -> Result<Read<'c>, Error> {
    if let Some(text) = claims.text(name) {
        return Ok(Read::Text(Cow::Borrowed(text)));
    }
    Ok(match claims.claim(name)? {
        None => Read::Absent,
        Some(Cow::Borrowed(Value::String(s))) => Read::Text(Cow::Borrowed(s)),
        Some(Cow::Owned(Value::String(s))) => Read::Text(Cow::Owned(s)),
        Some(other) => Read::Other(other),
    })
}

/// Every claim [`validate`] reads besides the `require`d names.
pub(crate) const CHECKED: &[&str] = &["iat", "nbf", "exp", "iss", "aud", "sub", "jti"];

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
    claims: &dyn ClaimSet,
    header: &Header,
    v: &Validation,
) -> Result<(), Error> {
    for name in &v.require {
        if claims.claim(name)?.is_none_or(|value| value.is_null()) {
            return Err(Error::missing_claim(name));
        }
    }
    let mut clock = Clock {
        validation: v,
        now: None,
    };
    let leeway = v.leeway;
    if let Some(iat) = claim_if(claims, "iat", v.runs(v.verify_iat))? {
        let iat = numeric_date(&iat)
            .ok_or_else(|| err!(InvalidIssuedAt, "Issued At claim (iat) must be an integer."))?;
        if iat as f64 > clock.now()? + leeway {
            return Err(err!(ImmatureSignature, "The token is not yet valid (iat)"));
        }
    }
    if let Some(nbf) = claim_if(claims, "nbf", v.runs(v.verify_nbf))? {
        let nbf = numeric_date(&nbf)
            .ok_or_else(|| err!(Decode, "Not Before claim (nbf) must be an integer."))?;
        if nbf as f64 > clock.now()? + leeway {
            return Err(err!(ImmatureSignature, "The token is not yet valid (nbf)"));
        }
    }
    if let Some(exp) = claim_if(claims, "exp", v.runs(v.verify_exp))? {
        let exp = numeric_date(&exp)
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
    if v.runs(v.verify_jti) && matches!(read(claims, "jti")?, Read::Other(_)) {
        return Err(err!(InvalidJti, "JWT ID must be a string"));
    }
    if let Some(max_age) = v.max_age {
        let iat = match claims.claim("iat")?.as_deref() {
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

/// Claim `name` when its check runs (`on`), else `None` without reading it.
fn claim_if<'c>(
    claims: &'c dyn ClaimSet,
    name: &str,
    on: bool,
) -> Result<Option<Cow<'c, Value>>, Error> {
    if on { claims.claim(name) } else { Ok(None) }
}

fn validate_iss(claims: &dyn ClaimSet, issuers: Option<&[String]>) -> Result<(), Error> {
    let Some(issuers) = issuers else {
        return Ok(());
    };
    let iss = match read(claims, "iss")? {
        Read::Absent => return Err(Error::missing_claim("iss")),
        Read::Other(_) => return Err(err!(InvalidIssuer, "Payload Issuer (iss) must be a string")),
        Read::Text(iss) => iss,
    };
    // Whole-string equality with one of the accepted issuers; PyJWT 2.10.0's
    // `iss not in issuer` on a string did a substring test (CVE-2024-53861).
    if issuers.iter().any(|accepted| *accepted == iss) {
        Ok(())
    } else {
        Err(err!(InvalidIssuer, "Invalid issuer"))
    }
}

/// PyJWT's `_validate_aud`, step for step.
fn validate_aud(
    claims: &dyn ClaimSet,
    audience: Option<&[String]>,
    strict: bool,
) -> Result<(), Error> {
    // PyJWT's `not payload["aud"]`: "", [], null, 0, … count as absent.
    let aud = match read(claims, "aud")? {
        Read::Text(s) if s.is_empty() => Read::Absent,
        Read::Other(v) if !is_truthy(&v) => Read::Absent,
        aud => aud,
    };
    let Some(expected) = audience else {
        return match aud {
            Read::Absent => Ok(()),
            _ => Err(err!(InvalidAudience, "Invalid audience")),
        };
    };
    if let Read::Absent = aud {
        return Err(Error::missing_claim("aud"));
    }
    if strict {
        // PyJWT requires a single string here; a list of one is our spelling of it.
        let [expected] = expected else {
            return Err(err!(InvalidAudience, "Invalid audience (strict)"));
        };
        return match aud {
            Read::Absent | Read::Other(_) => Err(err!(
                InvalidAudience,
                "Invalid claim format in token (strict)"
            )),
            Read::Text(aud) if aud == **expected => Ok(()),
            Read::Text(_) => Err(err!(InvalidAudience, "Audience doesn't match (strict)")),
        };
    }
    let in_token: Vec<&str> = match &aud {
        Read::Absent => return Err(Error::missing_claim("aud")),
        Read::Text(s) => alloc::vec![&**s],
        Read::Other(v) => match &**v {
            Value::Array(items) => items
                .iter()
                .map(Value::as_str)
                .collect::<Option<Vec<&str>>>()
                .ok_or_else(|| err!(InvalidAudience, "Invalid claim format in token"))?,
            _ => return Err(err!(InvalidAudience, "Invalid claim format in token")),
        },
    };
    if expected.iter().any(|e| in_token.contains(&e.as_str())) {
        Ok(())
    } else {
        Err(err!(InvalidAudience, "Audience doesn't match"))
    }
}

fn validate_sub(claims: &dyn ClaimSet, subject: Option<&str>) -> Result<(), Error> {
    match (read(claims, "sub")?, subject) {
        (Read::Absent, _) => Ok(()),
        (Read::Other(_), _) => Err(err!(InvalidSubject, "Subject must be a string")),
        (Read::Text(sub), Some(expected)) if expected != sub => {
            Err(err!(InvalidSubject, "Invalid subject"))
        }
        (Read::Text(_), _) => Ok(()),
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
