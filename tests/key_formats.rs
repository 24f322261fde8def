//! Key formats: PKCS#8, SPKI, PKCS#1, SEC1, X.509 certificates and OpenSSH
//! public keys, for every family; PEM, DER and JWK round trips of generated
//! keys. Keys in different formats are compared by RFC 7638 thumbprint.

#![allow(clippy::unwrap_used)] // tests may unwrap

use base64ct::{Base64, Encoding};
use jwt_wasm::{Algorithm, ErrorKind, Family, Key};

fn tp(pem: &str) -> String {
    Key::from_pem(pem).unwrap().thumbprint().unwrap()
}

/// The DER inside a PEM document (decoded here with base64ct, independently
/// of the library's PEM reader).
fn der(pem: &str) -> Vec<u8> {
    let body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    Base64::decode_vec(&body).unwrap()
}

#[test]
fn rsa_pkcs8_pkcs1_spki_and_certificate_hold_the_same_key() {
    let private = Key::from_pem(RSA_PKCS8).unwrap();
    assert!(private.is_private());
    assert_eq!(private.family(), Family::Rsa);
    assert_eq!(private.default_alg(), Algorithm::RS256);
    let expected = private.thumbprint().unwrap();
    assert!(Key::from_pem(RSA_PKCS1).unwrap().is_private());
    for pem in [RSA_PKCS1, RSA_SPKI, RSA_PUB_PKCS1, RSA_CERT] {
        assert_eq!(tp(pem), expected, "{}", pem.lines().next().unwrap());
    }
    for pem in [RSA_SPKI, RSA_PUB_PKCS1, RSA_CERT] {
        assert!(!Key::from_pem(pem).unwrap().is_private());
    }
}

#[test]
fn ec_sec1_pkcs8_and_spki_hold_the_same_key_on_every_curve() {
    let cases = [
        (EC_P256_SEC1, EC_P256_PKCS8, EC_P256_SPKI, Algorithm::ES256),
        (EC_P384_SEC1, EC_P384_PKCS8, EC_P384_SPKI, Algorithm::ES384),
        (EC_P521_SEC1, EC_P521_PKCS8, EC_P521_SPKI, Algorithm::ES512),
        (EC_K256_SEC1, EC_K256_PKCS8, EC_K256_SPKI, Algorithm::ES256K),
    ];
    for (sec1, pkcs8, spki, alg) in cases {
        let key = Key::from_pem(sec1).unwrap();
        assert!(key.is_private());
        assert_eq!(key.default_alg(), alg);
        assert_eq!(key.family(), alg.family());
        assert_eq!(tp(pkcs8), key.thumbprint().unwrap(), "{alg}");
        assert_eq!(tp(spki), key.thumbprint().unwrap(), "{alg}");
        assert_eq!(Key::from_pem(spki).unwrap().default_alg(), alg);
    }
}

#[test]
fn certificates_yield_their_subject_public_key() {
    assert_eq!(tp(EC_CERT), tp(EC_P256_PKCS8));
    assert_eq!(tp(ED_CERT), tp(ED_PKCS8));
    assert_eq!(
        Key::from_pem(ED_CERT).unwrap().default_alg(),
        Algorithm::EdDSA
    );
}

#[test]
fn ed25519_pkcs8_and_spki() {
    let key = Key::from_pem(ED_PKCS8).unwrap();
    assert!(key.is_private());
    assert_eq!(key.family(), Family::Ed25519);
    assert_eq!(tp(ED_SPKI), key.thumbprint().unwrap());
}

#[test]
fn der_input_reads_every_format() {
    let all = [
        RSA_PKCS8,
        RSA_PKCS1,
        RSA_SPKI,
        RSA_PUB_PKCS1,
        RSA_CERT,
        EC_P256_SEC1,
        EC_P384_SEC1,
        EC_P521_SEC1,
        EC_K256_SEC1,
        EC_K256_PKCS8,
        EC_P521_SPKI,
        EC_CERT,
        ED_PKCS8,
        ED_SPKI,
        ED_CERT,
    ];
    for pem in all {
        let from_der = Key::from_der(&der(pem)).unwrap();
        assert_eq!(
            from_der.thumbprint().unwrap(),
            tp(pem),
            "{}",
            pem.lines().next().unwrap()
        );
        assert_eq!(
            from_der.is_private(),
            Key::from_pem(pem).unwrap().is_private()
        );
    }
}

#[test]
fn openssh_public_keys_match_their_pkcs8_export() {
    for (line, spki, alg) in [
        (SSH_RSA, SSH_RSA_SPKI, Algorithm::RS256),
        (SSH_EC256, SSH_EC256_SPKI, Algorithm::ES256),
        (SSH_EC384, SSH_EC384_SPKI, Algorithm::ES384),
        (SSH_EC521, SSH_EC521_SPKI, Algorithm::ES512),
    ] {
        let key = Key::from_ssh(line).unwrap();
        assert!(!key.is_private());
        assert_eq!(key.default_alg(), alg);
        assert_eq!(key.thumbprint().unwrap(), tp(spki), "{alg}");
        // from_pem accepts the line too.
        assert_eq!(tp(line), tp(spki), "{alg}");
    }
    let ed = Key::from_ssh(SSH_ED).unwrap();
    assert_eq!(ed.to_jwk()["x"], SSH_ED_X);
    assert_eq!(ed.default_alg(), Algorithm::EdDSA);
}

#[test]
fn malformed_openssh_lines_are_invalid_keys() {
    let (kind, body) = SSH_ED.split_once(' ').unwrap();
    let body = body.split(' ').next().unwrap();
    let blob = Base64::decode_vec(body).unwrap();
    let mut trailing = blob.clone();
    trailing.push(0);
    let cases = [
        String::from("ssh-ed25519"),
        format!("{kind} !!!notbase64"),
        format!("{kind} {}", Base64::encode_string(&blob[..blob.len() - 1])),
        format!("{kind} {}", Base64::encode_string(&trailing)),
        // The type before the blob must be the type inside it.
        format!("ssh-rsa {body}"),
        format!("ecdsa-sha2-nistp256 {body}"),
        String::from("ssh-dss AAAAB3NzaC1kc3MAAAA="),
    ];
    for line in cases {
        let err = Key::from_ssh(&line).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidKey, "{line}");
    }
    // An ECDSA blob whose curve name disagrees with its type.
    let ec_body = SSH_EC256.split(' ').nth(1).unwrap();
    let mut ec = Base64::decode_vec(ec_body).unwrap();
    let at = ec.windows(8).position(|w| w == b"nistp256").unwrap();
    ec[at + 7] = b'4';
    let line = format!("ecdsa-sha2-nistp256 {}", Base64::encode_string(&ec));
    assert_eq!(
        Key::from_ssh(&line).unwrap_err().kind(),
        ErrorKind::InvalidKey
    );
}

#[test]
fn bad_pem_documents_are_invalid_keys() {
    let truncated = &RSA_PKCS8[..RSA_PKCS8.len() / 2];
    let wrong_label = RSA_PKCS8.replace("PRIVATE KEY", "EC PRIVATE KEY");
    let cases = [
        "",
        "not a key",
        truncated,
        "-----BEGIN FOO-----\nAAAA\n-----END FOO-----\n",
        "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n",
        "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n",
        &wrong_label,
    ];
    for pem in cases {
        assert_eq!(
            Key::from_pem(pem).unwrap_err().kind(),
            ErrorKind::InvalidKey,
            "{pem}"
        );
    }
    for der in [
        &[][..],
        &[0x30, 0x03, 0x02, 0x01, 0x01],
        &[0x30, 0x82, 0xff],
    ] {
        assert_eq!(
            Key::from_der(der).unwrap_err().kind(),
            ErrorKind::InvalidKey
        );
    }
}

#[test]
fn pem_with_crlf_line_endings_and_surrounding_whitespace() {
    let crlf = format!("\n  {}  \n", EC_P384_PKCS8.replace('\n', "\r\n"));
    assert_eq!(tp(&crlf), tp(EC_P384_PKCS8));
}

#[test]
fn hmac_secrets_have_no_pem_form() {
    let key = Key::from_secret("0123456789abcdef0123456789abcdef").unwrap();
    assert_eq!(key.to_pem().unwrap_err().kind(), ErrorKind::InvalidKey);
    assert_eq!(key.to_der().unwrap_err().kind(), ErrorKind::InvalidKey);
}

/// generate → PEM/DER/JWK → import gives the same key, private and public,
/// for every asymmetric algorithm family (RSA once: generation is slow).
#[test]
fn generated_keys_round_trip_through_pem_der_and_jwk() {
    let algs = [
        Algorithm::RS256,
        Algorithm::ES256,
        Algorithm::ES384,
        Algorithm::ES512,
        Algorithm::ES256K,
        Algorithm::EdDSA,
    ];
    for alg in algs {
        let key = Key::generate(alg).unwrap();
        assert_eq!(key.alg(), Some(alg));
        let expected = key.thumbprint().unwrap();
        for half in [key.clone(), key.public_key().unwrap()] {
            let pem = half.to_pem().unwrap();
            let label = if half.is_private() {
                "PRIVATE KEY"
            } else {
                "PUBLIC KEY"
            };
            assert!(
                pem.starts_with(&format!("-----BEGIN {label}-----\n")),
                "{alg}"
            );
            let again = Key::from_pem(&pem).unwrap();
            assert_eq!(again.is_private(), half.is_private());
            assert_eq!(again.thumbprint().unwrap(), expected, "{alg} PEM");
            // PEM drops alg; re-exporting the re-imported key is stable.
            assert_eq!(again.to_pem().unwrap(), pem, "{alg}");
            let from_der = Key::from_der(&half.to_der().unwrap()).unwrap();
            assert_eq!(from_der.thumbprint().unwrap(), expected, "{alg} DER");
            let jwk = half.to_jwk();
            let from_jwk = Key::from_jwk(&jwk.clone().into()).unwrap();
            assert_eq!(from_jwk.to_jwk(), jwk, "{alg} JWK");
            assert_eq!(from_jwk.is_private(), half.is_private());
            assert_eq!(from_jwk.alg(), Some(alg));
        }
    }
}

#[test]
fn generated_hmac_secrets_round_trip_through_jwk() {
    for (alg, len) in [
        (Algorithm::HS256, 32),
        (Algorithm::HS384, 48),
        (Algorithm::HS512, 64),
    ] {
        let key = Key::generate(alg).unwrap().with_kid("h");
        let jwk = key.to_jwk();
        let k = base64ct::Base64UrlUnpadded::decode_vec(jwk["k"].as_str().unwrap()).unwrap();
        assert_eq!(k.len(), len);
        assert_eq!(key.key_length_warning(alg), None);
        let again = Key::from_jwk(&jwk.clone().into()).unwrap();
        assert_eq!(again.to_jwk(), jwk);
        assert_eq!(again.thumbprint().unwrap(), key.thumbprint().unwrap());
    }
    let (a, b) = (
        Key::generate(Algorithm::HS256).unwrap(),
        Key::generate(Algorithm::HS256).unwrap(),
    );
    assert_ne!(a.to_jwk()["k"], b.to_jwk()["k"]);
}

#[test]
fn generation_refuses_none_and_short_rsa() {
    assert!(Key::generate(Algorithm::None).is_err());
    assert_eq!(
        Key::generate_rsa(1024).unwrap_err().kind(),
        ErrorKind::InvalidKey
    );
}

/// No input makes import panic (a panic traps in WebAssembly): truncations
/// and byte flips of every fixture's DER, PEM text and SSH blob must each
/// come back as `Ok` or a typed error.
#[test]
fn mangled_inputs_return_errors_instead_of_panicking() {
    let pems = [
        RSA_PKCS8,
        RSA_PKCS1,
        RSA_PUB_PKCS1,
        RSA_CERT,
        EC_P521_SEC1,
        EC_K256_PKCS8,
        EC_CERT,
        ED_PKCS8,
        ED_CERT,
    ];
    let mut errors = 0;
    let mut count = |result: Result<Key, jwt_wasm::Error>| {
        if let Err(err) = result {
            assert_eq!(err.kind(), ErrorKind::InvalidKey);
            errors += 1;
        }
    };
    for pem in pems {
        let der = der(pem);
        for len in (0..der.len()).step_by(2) {
            count(Key::from_der(&der[..len]));
        }
        for at in (0..der.len()).step_by(3) {
            let mut bad = der.clone();
            bad[at] ^= 0x41;
            count(Key::from_der(&bad));
        }
        for len in (0..pem.len()).step_by(13) {
            count(Key::from_pem(&pem[..len]));
        }
    }
    for line in [SSH_RSA, SSH_EC256, SSH_EC521, SSH_ED] {
        let (kind, rest) = line.split_once(' ').unwrap();
        let blob = Base64::decode_vec(rest.split(' ').next().unwrap()).unwrap();
        for at in 0..blob.len() {
            let mut bad = blob.clone();
            bad[at] ^= 0x80;
            count(Key::from_ssh(&format!(
                "{kind} {}",
                Base64::encode_string(&bad)
            )));
            count(Key::from_ssh(&format!(
                "{kind} {}",
                Base64::encode_string(&blob[..at])
            )));
        }
    }
    assert!(errors > 1000, "{errors}");
}

// Fixtures for the key-format tests, made for this project with OpenSSL 3
// (`openssl genpkey`, `openssl pkey -traditional`, `openssl req -x509`) and
// OpenSSH (`ssh-keygen`, `ssh-keygen -e -m PKCS8`). Throwaway test keys.

/// RSA 2048, PKCS#8 `PRIVATE KEY`.
const RSA_PKCS8: &str = r"-----BEGIN PRIVATE KEY-----
MIIEvAIBADANBgkqhkiG9w0BAQEFAASCBKYwggSiAgEAAoIBAQDYCuTbeaucOOD0
f3AcohktV1Qf/ggvT+Lx2gjsjHvxmWRDWAfVkwoa3vZ/P6dLM7uX1r65/DpbEGyB
N6yba/+c4VuxHQhirhq+9Dbn6U1yvV4MIhym6HxZTXbpArwnuvhrd2EC3SZqUofs
VoP06lRreYD8woAu65IkKqFEbfZiRokEZmRk34uH7xLdkUfmaYy7GViW7kiDlCli
zx8serWkdS323qRV6YWRXI9gR8xIXX3uRY9IuEpXxsipovn90Jrg4jXMLekGHc13
iPy6PD4Iwp4q2WGoCTSreztkFLA0hDv/LMg62r0DccyLzOAp+P7WCCYJT26bme7o
R5l70HXfAgMBAAECggEAH/6BBPXAUdrkiaDj0AG7e8j+htxehu8sO0fgYXOumUlv
nT+IrXrgmLkjRRX+pvbq1aIyTaXKWJkWkI5XrA6y5J9FLnYPu1lwUY4mIXMeCpt7
tY1Js/gjDjCYJwrGJZYdWwDrZ3qryTwesAPh99/KD76HOSdux0QQuPVtO46TWds1
eXxlQBOSVAqsIxme9955Agyz/fmVQcWW9y3NO1XyLaRMmVovZGV7XrAmEjBKGzBg
YFBHj2AYDXkozU4ceWjBmkjfp/zKG3OWdX6ae2FUs9ccFXzfODvEoHNr2uqMhF4y
OwL9AFTUcusYAOwub0MbDSgXhFNiGxpVcZgB2d0cBQKBgQD7QS3qvzlXQuuG1nKo
wQU2CdXoOA77tgWvuEfRC5DSuwzP3HNTWWbYgthbCWG2nIC8yC7P+ijq9CEeKqcu
3Jx7xFYtj0IlbIkRQGdYvPOAkv9LAYXYJYRuOEPtFbV+lKy0PhQazUqKPj5E0LEf
//2YjPML3EXD+i3hZi3rCkEIfQKBgQDcH3a0ezNSktNMkjy6niV/yXIE7uaZqzRu
io2E75j2RR7SnmNUt27VaKHbuxufLJTgQVT8ltrTSYCL7R9GrZaIdZh/LLNeM39m
FGr7XOsMKfKllhr61cA+0JawguCdBQtHanFefKsfI7HuC8pGx4ryboHgJi6zi9jy
uXdtDxViiwKBgElDekYnOGsvgkoxIgH/NqvJNmyeXBAdxY61p4tXWgV4sYWy/JXj
Tc/4Z2o0VB/RhuCFZtESWvgX88g+G73YanDUkWR7j4gmG9nB8+C2SDLHqlWOvh6G
4hTZp0TsvZ2JcMqmB2rBTej9uV6Lk/qGxMXE4+IjetxoiRRenSkaNlhpAoGAR1EG
U4kK4rjhLpC+jjPIsHMitshz+9uFHD9VhHlgFIHmb5STWBIqHYhN0HP5igOWpGVm
VIPHl+bbd/o2RN7ew41d/+4Kmv2STA9XbeL34DQDAnT0fsocA/3upHdysEy/D79D
xboccvVMo3Q8b9wcf1kgSO/194PaoSFHuRTG9+sCgYAcx8dvPlSeWjjTCBaMxZUD
A5JndnIpyQeimToLS4EWyB3JdZrMclZ1GP+z+/EfOdJ3pOcfPO0v9/zwWhVWQbpt
2AIVd70zK7wTRTplyww4shLWZac7h5X3pHOtgpvjR1YGR1vDibCW2rwdIplfx0JL
17wmnvurV4THVo3RVX/pKA==
-----END PRIVATE KEY-----
";

/// The same key as PKCS#1 `RSA PRIVATE KEY`.
const RSA_PKCS1: &str = r"-----BEGIN RSA PRIVATE KEY-----
MIIEogIBAAKCAQEA2Ark23mrnDjg9H9wHKIZLVdUH/4IL0/i8doI7Ix78ZlkQ1gH
1ZMKGt72fz+nSzO7l9a+ufw6WxBsgTesm2v/nOFbsR0IYq4avvQ25+lNcr1eDCIc
puh8WU126QK8J7r4a3dhAt0malKH7FaD9OpUa3mA/MKALuuSJCqhRG32YkaJBGZk
ZN+Lh+8S3ZFH5mmMuxlYlu5Ig5QpYs8fLHq1pHUt9t6kVemFkVyPYEfMSF197kWP
SLhKV8bIqaL5/dCa4OI1zC3pBh3Nd4j8ujw+CMKeKtlhqAk0q3s7ZBSwNIQ7/yzI
Otq9A3HMi8zgKfj+1ggmCU9um5nu6EeZe9B13wIDAQABAoIBAB/+gQT1wFHa5Img
49ABu3vI/obcXobvLDtH4GFzrplJb50/iK164Ji5I0UV/qb26tWiMk2lyliZFpCO
V6wOsuSfRS52D7tZcFGOJiFzHgqbe7WNSbP4Iw4wmCcKxiWWHVsA62d6q8k8HrAD
4fffyg++hzknbsdEELj1bTuOk1nbNXl8ZUATklQKrCMZnvfeeQIMs/35lUHFlvct
zTtV8i2kTJlaL2Rle16wJhIwShswYGBQR49gGA15KM1OHHlowZpI36f8yhtzlnV+
mnthVLPXHBV83zg7xKBza9rqjIReMjsC/QBU1HLrGADsLm9DGw0oF4RTYhsaVXGY
AdndHAUCgYEA+0Et6r85V0LrhtZyqMEFNgnV6DgO+7YFr7hH0QuQ0rsMz9xzU1lm
2ILYWwlhtpyAvMguz/oo6vQhHiqnLtyce8RWLY9CJWyJEUBnWLzzgJL/SwGF2CWE
bjhD7RW1fpSstD4UGs1Kij4+RNCxH//9mIzzC9xFw/ot4WYt6wpBCH0CgYEA3B92
tHszUpLTTJI8up4lf8lyBO7mmas0boqNhO+Y9kUe0p5jVLdu1Wih27sbnyyU4EFU
/Jba00mAi+0fRq2WiHWYfyyzXjN/ZhRq+1zrDCnypZYa+tXAPtCWsILgnQULR2px
XnyrHyOx7gvKRseK8m6B4CYus4vY8rl3bQ8VYosCgYBJQ3pGJzhrL4JKMSIB/zar
yTZsnlwQHcWOtaeLV1oFeLGFsvyV403P+GdqNFQf0YbghWbRElr4F/PIPhu92Gpw
1JFke4+IJhvZwfPgtkgyx6pVjr4ehuIU2adE7L2diXDKpgdqwU3o/blei5P6hsTF
xOPiI3rcaIkUXp0pGjZYaQKBgEdRBlOJCuK44S6Qvo4zyLBzIrbIc/vbhRw/VYR5
YBSB5m+Uk1gSKh2ITdBz+YoDlqRlZlSDx5fm23f6NkTe3sONXf/uCpr9kkwPV23i
9+A0AwJ09H7KHAP97qR3crBMvw+/Q8W6HHL1TKN0PG/cHH9ZIEjv9feD2qEhR7kU
xvfrAoGAHMfHbz5Unlo40wgWjMWVAwOSZ3ZyKckHopk6C0uBFsgdyXWazHJWdRj/
s/vxHznSd6TnHzztL/f88FoVVkG6bdgCFXe9Myu8E0U6ZcsMOLIS1mWnO4eV96Rz
rYKb40dWBkdbw4mwltq8HSKZX8dCS9e8Jp77q1eEx1aN0VV/6Sg=
-----END RSA PRIVATE KEY-----
";

/// Its public key as SPKI `PUBLIC KEY`.
const RSA_SPKI: &str = r"-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA2Ark23mrnDjg9H9wHKIZ
LVdUH/4IL0/i8doI7Ix78ZlkQ1gH1ZMKGt72fz+nSzO7l9a+ufw6WxBsgTesm2v/
nOFbsR0IYq4avvQ25+lNcr1eDCIcpuh8WU126QK8J7r4a3dhAt0malKH7FaD9OpU
a3mA/MKALuuSJCqhRG32YkaJBGZkZN+Lh+8S3ZFH5mmMuxlYlu5Ig5QpYs8fLHq1
pHUt9t6kVemFkVyPYEfMSF197kWPSLhKV8bIqaL5/dCa4OI1zC3pBh3Nd4j8ujw+
CMKeKtlhqAk0q3s7ZBSwNIQ7/yzIOtq9A3HMi8zgKfj+1ggmCU9um5nu6EeZe9B1
3wIDAQAB
-----END PUBLIC KEY-----
";

/// Its public key as PKCS#1 `RSA PUBLIC KEY`.
const RSA_PUB_PKCS1: &str = r"-----BEGIN RSA PUBLIC KEY-----
MIIBCgKCAQEA2Ark23mrnDjg9H9wHKIZLVdUH/4IL0/i8doI7Ix78ZlkQ1gH1ZMK
Gt72fz+nSzO7l9a+ufw6WxBsgTesm2v/nOFbsR0IYq4avvQ25+lNcr1eDCIcpuh8
WU126QK8J7r4a3dhAt0malKH7FaD9OpUa3mA/MKALuuSJCqhRG32YkaJBGZkZN+L
h+8S3ZFH5mmMuxlYlu5Ig5QpYs8fLHq1pHUt9t6kVemFkVyPYEfMSF197kWPSLhK
V8bIqaL5/dCa4OI1zC3pBh3Nd4j8ujw+CMKeKtlhqAk0q3s7ZBSwNIQ7/yzIOtq9
A3HMi8zgKfj+1ggmCU9um5nu6EeZe9B13wIDAQAB
-----END RSA PUBLIC KEY-----
";

/// A self-signed X.509 certificate for the same key.
const RSA_CERT: &str = r"-----BEGIN CERTIFICATE-----
MIIDGTCCAgGgAwIBAgIUF5qZfjedlRDdNQyIldD1OMbA7IAwDQYJKoZIhvcNAQEL
BQAwHDEaMBgGA1UEAwwRand0LXdhc20gdGVzdCBSU0EwHhcNMjYxMTIyMTY0NDA1
WhcNMzYxMTE5MTY0NDA1WjAcMRowGAYDVQQDDBFqd3Qtd2FzbSB0ZXN0IFJTQTCC
ASIwDQYJKoZIhvcNAQEBBQADggEPADCCAQoCggEBANgK5Nt5q5w44PR/cByiGS1X
VB/+CC9P4vHaCOyMe/GZZENYB9WTChre9n8/p0szu5fWvrn8OlsQbIE3rJtr/5zh
W7EdCGKuGr70NufpTXK9XgwiHKbofFlNdukCvCe6+Gt3YQLdJmpSh+xWg/TqVGt5
gPzCgC7rkiQqoURt9mJGiQRmZGTfi4fvEt2RR+ZpjLsZWJbuSIOUKWLPHyx6taR1
LfbepFXphZFcj2BHzEhdfe5Fj0i4SlfGyKmi+f3QmuDiNcwt6QYdzXeI/Lo8PgjC
nirZYagJNKt7O2QUsDSEO/8syDravQNxzIvM4Cn4/tYIJglPbpuZ7uhHmXvQdd8C
AwEAAaNTMFEwHQYDVR0OBBYEFAJjSpDp9/U17lf0y3o3WYlDDhOJMB8GA1UdIwQY
MBaAFAJjSpDp9/U17lf0y3o3WYlDDhOJMA8GA1UdEwEB/wQFMAMBAf8wDQYJKoZI
hvcNAQELBQADggEBANajuhGJlZ5ZDmH8oLlQKKQRJGPRJzqCINAFbfkPS37qnukm
OXTFyayF7ghrJ3BAb+p1FyDhrfQrqfIsl33cteZJT5TaOJ5KGGZ7cqJFDFOL1t1+
nVmETHcaO3h4XDEX97ZgATlRIdoLsgxpAiNwf2cvp6tCjOWRfhunUTo6/zuBRd1b
q5LyRAG2hlLpR1QGuxTdcgR1Gx4kLWEwrfakoj0oi04unH1IAgdu1/ySosO1GfGm
iQCp1PXReudjeNvJaVl75p1jgCH+Nv+/QwnIB/cHnlzQfrWmOHWOBaqXz3jpv6zV
7lsuMYMnNGhKTCJqsEKN54vOGIz8rJ+5Pdhkgb0=
-----END CERTIFICATE-----
";

/// prime256v1, SEC1 `EC PRIVATE KEY`.
const EC_P256_SEC1: &str = r"-----BEGIN EC PRIVATE KEY-----
MHcCAQEEIJawfzt3uZ85RHCyXKO3PA37uIIgz3vF+1D0o80rAttwoAoGCCqGSM49
AwEHoUQDQgAEGMjUwmHHMgx3r5+bDrYjyDbNCYl0MPMHFY1fE2N/3MLSZsY7WHW6
MDR9SMTBSKpCfAsc5kQcbVTzrBib/TxEzw==
-----END EC PRIVATE KEY-----
";

/// The same key as PKCS#8.
const EC_P256_PKCS8: &str = r"-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQglrB/O3e5nzlEcLJc
o7c8Dfu4giDPe8X7UPSjzSsC23ChRANCAAQYyNTCYccyDHevn5sOtiPINs0JiXQw
8wcVjV8TY3/cwtJmxjtYdbowNH1IxMFIqkJ8CxzmRBxtVPOsGJv9PETP
-----END PRIVATE KEY-----
";

/// Its public key as SPKI.
const EC_P256_SPKI: &str = r"-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEGMjUwmHHMgx3r5+bDrYjyDbNCYl0
MPMHFY1fE2N/3MLSZsY7WHW6MDR9SMTBSKpCfAsc5kQcbVTzrBib/TxEzw==
-----END PUBLIC KEY-----
";

/// secp384r1, SEC1 `EC PRIVATE KEY`.
const EC_P384_SEC1: &str = r"-----BEGIN EC PRIVATE KEY-----
MIGkAgEBBDBwu5o3zGMaDpT68m/mqZGgKGeht4k2BWX/C37xH20gK8Vmt0R0+b4v
ILKybJqh0i2gBwYFK4EEACKhZANiAATzLN/gtojed9dojagJzxc2EfvabGylCFCS
LGHNGzbgAzENBpB105Kuc2vPHSOWoHtONNq1LwPCMDR6QEt2ZQZuy4DyBxr1FiJV
hX72uSgUrISQO0mP6v0s0X0fFAwQJ64=
-----END EC PRIVATE KEY-----
";

/// The same key as PKCS#8.
const EC_P384_PKCS8: &str = r"-----BEGIN PRIVATE KEY-----
MIG2AgEAMBAGByqGSM49AgEGBSuBBAAiBIGeMIGbAgEBBDBwu5o3zGMaDpT68m/m
qZGgKGeht4k2BWX/C37xH20gK8Vmt0R0+b4vILKybJqh0i2hZANiAATzLN/gtoje
d9dojagJzxc2EfvabGylCFCSLGHNGzbgAzENBpB105Kuc2vPHSOWoHtONNq1LwPC
MDR6QEt2ZQZuy4DyBxr1FiJVhX72uSgUrISQO0mP6v0s0X0fFAwQJ64=
-----END PRIVATE KEY-----
";

/// Its public key as SPKI.
const EC_P384_SPKI: &str = r"-----BEGIN PUBLIC KEY-----
MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAE8yzf4LaI3nfXaI2oCc8XNhH72mxspQhQ
kixhzRs24AMxDQaQddOSrnNrzx0jlqB7TjTatS8DwjA0ekBLdmUGbsuA8gca9RYi
VYV+9rkoFKyEkDtJj+r9LNF9HxQMECeu
-----END PUBLIC KEY-----
";

/// secp521r1, SEC1 `EC PRIVATE KEY`.
const EC_P521_SEC1: &str = r"-----BEGIN EC PRIVATE KEY-----
MIHcAgEBBEIB0DYrB2Ecf33UvUAVeeXsdvc9bdNsSAl8O8focXuKz6Qxeukpu0qa
2bVLN/7VR3yM3rtxycDnGTT6aHnrVx79qdKgBwYFK4EEACOhgYkDgYYABAEYe61F
EH80lR+Nfuo/UF07P/wK2pqAMX9pjA1Tx5RfSpaJjl+GmtrBJtfKWdE+uAqkxIlL
2s8UQHDXcYhPz9k2dADPXhMSn8rCcwmhI0rWO/D/jYSo0uWj2ZCymHwjJ5DjhfoI
YuRc+Foa8kuTCJnkkN76T1nzhBvMPC/5zFpwtA59YA==
-----END EC PRIVATE KEY-----
";

/// The same key as PKCS#8.
const EC_P521_PKCS8: &str = r"-----BEGIN PRIVATE KEY-----
MIHuAgEAMBAGByqGSM49AgEGBSuBBAAjBIHWMIHTAgEBBEIB0DYrB2Ecf33UvUAV
eeXsdvc9bdNsSAl8O8focXuKz6Qxeukpu0qa2bVLN/7VR3yM3rtxycDnGTT6aHnr
Vx79qdKhgYkDgYYABAEYe61FEH80lR+Nfuo/UF07P/wK2pqAMX9pjA1Tx5RfSpaJ
jl+GmtrBJtfKWdE+uAqkxIlL2s8UQHDXcYhPz9k2dADPXhMSn8rCcwmhI0rWO/D/
jYSo0uWj2ZCymHwjJ5DjhfoIYuRc+Foa8kuTCJnkkN76T1nzhBvMPC/5zFpwtA59
YA==
-----END PRIVATE KEY-----
";

/// Its public key as SPKI.
const EC_P521_SPKI: &str = r"-----BEGIN PUBLIC KEY-----
MIGbMBAGByqGSM49AgEGBSuBBAAjA4GGAAQBGHutRRB/NJUfjX7qP1BdOz/8Ctqa
gDF/aYwNU8eUX0qWiY5fhprawSbXylnRPrgKpMSJS9rPFEBw13GIT8/ZNnQAz14T
Ep/KwnMJoSNK1jvw/42EqNLlo9mQsph8IyeQ44X6CGLkXPhaGvJLkwiZ5JDe+k9Z
84QbzDwv+cxacLQOfWA=
-----END PUBLIC KEY-----
";

/// secp256k1, SEC1 `EC PRIVATE KEY`.
const EC_K256_SEC1: &str = r"-----BEGIN EC PRIVATE KEY-----
MHQCAQEEIH1uRBI6XjJIm96I08+bLL3Yjw0FlTjSiViqVd0QZ4W1oAcGBSuBBAAK
oUQDQgAEtg/BC74Ij76Bt8Gb58b3IeyD+6ovGmnSKpNoQXfPdBH3RnGmG00kvkwS
rqrwD/mmFcAq8vtTrcS3BWJ9L97T5g==
-----END EC PRIVATE KEY-----
";

/// The same key as PKCS#8.
const EC_K256_PKCS8: &str = r"-----BEGIN PRIVATE KEY-----
MIGEAgEAMBAGByqGSM49AgEGBSuBBAAKBG0wawIBAQQgfW5EEjpeMkib3ojTz5ss
vdiPDQWVONKJWKpV3RBnhbWhRANCAAS2D8ELvgiPvoG3wZvnxvch7IP7qi8aadIq
k2hBd890EfdGcaYbTSS+TBKuqvAP+aYVwCry+1OtxLcFYn0v3tPm
-----END PRIVATE KEY-----
";

/// Its public key as SPKI.
const EC_K256_SPKI: &str = r"-----BEGIN PUBLIC KEY-----
MFYwEAYHKoZIzj0CAQYFK4EEAAoDQgAEtg/BC74Ij76Bt8Gb58b3IeyD+6ovGmnS
KpNoQXfPdBH3RnGmG00kvkwSrqrwD/mmFcAq8vtTrcS3BWJ9L97T5g==
-----END PUBLIC KEY-----
";

/// A self-signed certificate for the P-256 key.
const EC_CERT: &str = r"-----BEGIN CERTIFICATE-----
MIIBizCCATGgAwIBAgIUUTwUC2znkmhAX28DVR6InO3YxrowCgYIKoZIzj0EAwIw
GzEZMBcGA1UEAwwQand0LXdhc20gdGVzdCBFQzAeFw0yNjExMjIxNjQ0MDVaFw0z
NjExMTkxNjQ0MDVaMBsxGTAXBgNVBAMMEGp3dC13YXNtIHRlc3QgRUMwWTATBgcq
hkjOPQIBBggqhkjOPQMBBwNCAAQYyNTCYccyDHevn5sOtiPINs0JiXQw8wcVjV8T
Y3/cwtJmxjtYdbowNH1IxMFIqkJ8CxzmRBxtVPOsGJv9PETPo1MwUTAdBgNVHQ4E
FgQU7ixsx5gM1YoyyU98RxRz3CG+wTEwHwYDVR0jBBgwFoAU7ixsx5gM1YoyyU98
RxRz3CG+wTEwDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNIADBFAiEAhvHF
ycZ6H0PqZii3f+HV0luTOg8x8EQG20s4zO47IGcCIC7PBwwAPqooDaxEQnA71l42
DpwA7Ud+yspiMXcd+YDn
-----END CERTIFICATE-----
";

/// Ed25519, PKCS#8.
const ED_PKCS8: &str = r"-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIEFxFBY4zeE4W2NZ5OckXlOzY0orUb27QSqDfoRrugDh
-----END PRIVATE KEY-----
";

/// Its public key as SPKI.
const ED_SPKI: &str = r"-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAuDXspwJqhus4d24f6YN/aI4NCU5yfFIA+nobWeyUXhc=
-----END PUBLIC KEY-----
";

/// A self-signed certificate for the Ed25519 key.
const ED_CERT: &str = r"-----BEGIN CERTIFICATE-----
MIIBVTCCAQegAwIBAgIUJ63CaXHsmFMDOv+kIZGgc5BWAK8wBQYDK2VwMCAxHjAc
BgNVBAMMFWp3dC13YXNtIHRlc3QgRWQyNTUxOTAeFw0yNjExMjIxNjQ0MDVaFw0z
NjExMTkxNjQ0MDVaMCAxHjAcBgNVBAMMFWp3dC13YXNtIHRlc3QgRWQyNTUxOTAq
MAUGAytlcAMhALg17KcCaobrOHduH+mDf2iODQlOcnxSAPp6G1nslF4Xo1MwUTAd
BgNVHQ4EFgQUFAw7nrFarx1KWZfB57kLtkgvtE0wHwYDVR0jBBgwFoAUFAw7nrFa
rx1KWZfB57kLtkgvtE0wDwYDVR0TAQH/BAUwAwEB/zAFBgMrZXADQQBlu1nLRCWv
aCJDpXRlVtL8Utz1incp34F/t4TozwTV7rQ9Pi4oyayjIcBB2Dy+jKedG6vIyLn4
+ZaNFCml0bUD
-----END CERTIFICATE-----
";

/// `ssh-keygen` public key line.
const SSH_RSA: &str = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQCld4IQsnhve6sx7B76r2rv5RxPSzhRyhEiI6UDhhfzTo+UjJj6C5DVPSrVDpx9q5F6OaDiF7hSyDMBECx64UkqXJfV31bMwWe/NJsZEvUKFk8V7hYmfOX1bZlz5P2I6NHiRFKgU1JMgqlHaxjGTxF6hL2irb2Zja9ifrMTncVC5CV5fAYwcmzlOk9IwRFdA5/4tj/mxVBG0RjRfI/9//YbYqQcaWnrs0mW5U3g4lLy7Z4ZbdDrRK2CcbhapQeqwKCZ0WRGhl3cPztuCFeqwTfJBEK0nree0gIiwK4xcUWagc18XnRV61wyzMcofcN2W+EYXLotQojUWiNgsD8JpNjx rsa@test";

/// The same key exported by `ssh-keygen -e -m PKCS8`.
const SSH_RSA_SPKI: &str = r"-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEApXeCELJ4b3urMewe+q9q
7+UcT0s4UcoRIiOlA4YX806PlIyY+guQ1T0q1Q6cfauRejmg4he4UsgzARAseuFJ
KlyX1d9WzMFnvzSbGRL1ChZPFe4WJnzl9W2Zc+T9iOjR4kRSoFNSTIKpR2sYxk8R
eoS9oq29mY2vYn6zE53FQuQleXwGMHJs5TpPSMERXQOf+LY/5sVQRtEY0XyP/f/2
G2KkHGlp67NJluVN4OJS8u2eGW3Q60StgnG4WqUHqsCgmdFkRoZd3D87bghXqsE3
yQRCtJ63ntICIsCuMXFFmoHNfF50VetcMszHKH3DdlvhGFy6LUKI1FojYLA/CaTY
8QIDAQAB
-----END PUBLIC KEY-----
";

/// `ssh-keygen` public key line.
const SSH_EC256: &str = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBE+GGkRuvuF7EAMptrpouIspo15sgglAEKnipgvI3ozZBswE1sQV1lKP6zNMR8uGLvNi2yM0Z4yaDWSCBvMH198= ec256@test";

/// The same key exported by `ssh-keygen -e -m PKCS8`.
const SSH_EC256_SPKI: &str = r"-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAET4YaRG6+4XsQAym2umi4iymjXmyC
CUAQqeKmC8jejNkGzATWxBXWUo/rM0xHy4Yu82LbIzRnjJoNZIIG8wfX3w==
-----END PUBLIC KEY-----
";

/// `ssh-keygen` public key line.
const SSH_EC384: &str = "ecdsa-sha2-nistp384 AAAAE2VjZHNhLXNoYTItbmlzdHAzODQAAAAIbmlzdHAzODQAAABhBPEFUUG/FNt8A4lrJxAcceWaTYvRkRE7y9RUGAVCUYZy/vtj3h7DqAtZ7iXOmcfi9nmXVGABwhWgawtR6UE8XTcMv+X6vUXDSzjygVoVlu+wYzuDMLm7kyW8dBMZiNSr+w== ec384@test";

/// The same key exported by `ssh-keygen -e -m PKCS8`.
const SSH_EC384_SPKI: &str = r"-----BEGIN PUBLIC KEY-----
MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAE8QVRQb8U23wDiWsnEBxx5ZpNi9GRETvL
1FQYBUJRhnL++2PeHsOoC1nuJc6Zx+L2eZdUYAHCFaBrC1HpQTxdNwy/5fq9RcNL
OPKBWhWW77BjO4MwubuTJbx0ExmI1Kv7
-----END PUBLIC KEY-----
";

/// `ssh-keygen` public key line.
const SSH_EC521: &str = "ecdsa-sha2-nistp521 AAAAE2VjZHNhLXNoYTItbmlzdHA1MjEAAAAIbmlzdHA1MjEAAACFBAElRY1wfTW3nbhptESLG/FQfNSf1BGblU5eeqFw3XttjeftCGjHFELzukvvxO8IyabfN3tEe8gDSELMtMTARpkN/AFwo7yfi45e9tn8U9FZORke/p/hGMhyukDfBpC0yaybR4XALaN53L8bLlOIAdlq4NgRwshT1Z2LPkHC3HxCpQwh2w== ec521@test";

/// The same key exported by `ssh-keygen -e -m PKCS8`.
const SSH_EC521_SPKI: &str = r"-----BEGIN PUBLIC KEY-----
MIGbMBAGByqGSM49AgEGBSuBBAAjA4GGAAQBJUWNcH01t524abREixvxUHzUn9QR
m5VOXnqhcN17bY3n7QhoxxRC87pL78TvCMmm3zd7RHvIA0hCzLTEwEaZDfwBcKO8
n4uOXvbZ/FPRWTkZHv6f4RjIcrpA3waQtMmsm0eFwC2jedy/Gy5TiAHZauDYEcLI
U9Wdiz5Bwtx8QqUMIds=
-----END PUBLIC KEY-----
";

/// `ssh-keygen` Ed25519 public key line.
const SSH_ED: &str =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHl6oX1kS120G48wPo34QEDtsNW9DuUyLStwd2VkL1/J ed@test";

/// The last 32 bytes of its wire blob, base64url (decoded with Python).
const SSH_ED_X: &str = "eXqhfWRLXbQbjzA-jfhAQO2w1b0O5TItK3B3ZWQvX8k";
