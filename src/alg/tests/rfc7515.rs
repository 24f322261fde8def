//! RFC 7515 Appendix A examples (https://www.rfc-editor.org/rfc/rfc7515#appendix-A),
//! values typed from the RFC. Keys are built from the JWK members with
//! RustCrypto directly.

use alloc::boxed::Box;
use alloc::vec::Vec;

use rsa::BoxedUint;

use super::ec_math::{be_sub as sub, ecdsa_order as order};
use crate::key::{EcPrivate, EcPublic, Key, Material};
use crate::{Algorithm, Curve};

/// The JWS Signing Input shared by A.1–A.3 (protected header per example).
const CLAIMS: &str = concat!(
    "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFt",
    "cGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
);

/// Decodes unpadded base64url (RFC 7515 §2); test data only.
fn b64url(s: &str) -> Vec<u8> {
    use base64ct::Encoding;
    base64ct::Base64UrlUnpadded::decode_vec(s).unwrap()
}

fn signing_input(header: &str, payload: &str) -> Vec<u8> {
    alloc::format!("{header}.{payload}").into_bytes()
}

/// RFC 7515 A.2.1 RSA key members.
mod a2 {
    pub(super) const N: &str = concat!(
        "ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddx",
        "HmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-pCgNMs",
        "D1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSH",
        "SXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdV",
        "MTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8",
        "NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ"
    );
    pub(super) const E: &str = "AQAB";
    pub(super) const D: &str = concat!(
        "Eq5xpGnNCivDflJsRQBXHx1hdR1k6Ulwe2JZD50LpXyWPEAeP88vLNO97I",
        "jlA7_GQ5sLKMgvfTeXZx9SE-7YwVol2NXOoAJe46sui395IW_GO-pWJ1O0",
        "BkTGoVEn2bKVRUCgu-GjBVaYLU6f3l9kJfFNS3E0QbVdxzubSu3Mkqzjkn",
        "439X0M_V51gfpRLI9JYanrC4D4qAdGcopV_0ZHHzQlBjudU2QvXt4ehNYT",
        "CBr6XCLQUShb1juUO1ZdiYoFaFQT5Tw8bGUl_x_jTj3ccPDVZFD9pIuhLh",
        "BOneufuBiB4cS98l2SR_RQyGWSeWjnczT0QU91p1DhOVRuOopznQ"
    );
    pub(super) const P: &str = concat!(
        "4BzEEOtIpmVdVEZNCqS7baC4crd0pqnRH_5IB3jw3bcxGn6QLvnEtfdUdi",
        "YrqBdss1l58BQ3KhooKeQTa9AB0Hw_Py5PJdTJNPY8cQn7ouZ2KKDcmnPG",
        "BY5t7yLc1QlQ5xHdwW1VhvKn-nXqhJTBgIPgtldC-KDV5z-y2XDwGUc"
    );
    pub(super) const Q: &str = concat!(
        "uQPEfgmVtjL0Uyyx88GZFF1fOunH3-7cepKmtH4pxhtCoHqpWmT8YAmZxa",
        "ewHgHAjLYsp1ZSe7zFYHj7C6ul7TjeLQeZD_YwD66t62wDmpe_HlB-TnBA",
        "-njbglfIsRLtXlnDzQkv5dTltRJ11BKBBypeeF6689rjcJIDEz9RWdc"
    );
    pub(super) const HEADER: &str = "eyJhbGciOiJSUzI1NiJ9";
    pub(super) const SIG: &str = concat!(
        "cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7",
        "AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4",
        "BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K",
        "0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-eOkHWEsqtFZESc6BfI7noOPqv",
        "hJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrB",
        "p0igcN_IoypGlUPQGe77Rw"
    );
}

fn uint(b64: &str) -> BoxedUint {
    BoxedUint::from_be_slice_vartime(&b64url(b64))
}

#[test]
fn rfc7515_a2_rs256_verifies_and_signs_identically() {
    // https://www.rfc-editor.org/rfc/rfc7515#appendix-A.2
    let public = rsa::RsaPublicKey::new(uint(a2::N), uint(a2::E)).unwrap();
    let public = Key::new(Material::RsaPublic(Box::new(public.into())));
    let input = signing_input(a2::HEADER, CLAIMS);
    let sig = b64url(a2::SIG);
    assert_eq!(sig.len(), 256);
    assert!(Algorithm::RS256.verify(&input, &public, &sig).unwrap());
    assert!(!Algorithm::RS384.verify(&input, &public, &sig).unwrap());
    assert!(!Algorithm::PS256.verify(&input, &public, &sig).unwrap());

    // PKCS#1 v1.5 is deterministic, so the private key reproduces the RFC's bytes.
    let primes = alloc::vec![uint(a2::P), uint(a2::Q)];
    let private =
        rsa::RsaPrivateKey::from_components(uint(a2::N), uint(a2::E), uint(a2::D), primes).unwrap();
    let private = Key::new(Material::RsaPrivate(Box::new(private.into())));
    assert_eq!(Algorithm::RS256.sign(&input, &private).unwrap(), sig);
    assert!(Algorithm::RS256.verify(&input, &private, &sig).unwrap());
    let pss = Algorithm::PS256.sign(&input, &private).unwrap();
    assert!(Algorithm::PS256.verify(&input, &public, &pss).unwrap());
}

/// Uncompressed SEC1 point from JWK `x`/`y`.
fn point(x: &str, y: &str) -> Vec<u8> {
    [&[4u8][..], &b64url(x), &b64url(y)].concat()
}

#[test]
fn rfc7515_a3_es256_high_s_example_verifies() {
    // https://www.rfc-editor.org/rfc/rfc7515#appendix-A.3
    let sec1 = point(
        "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
        "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0",
    );
    let vk = p256::ecdsa::VerifyingKey::from_sec1_bytes(&sec1).unwrap();
    let public = Key::new(Material::EcPublic(EcPublic::P256(vk.into())));
    let input = signing_input("eyJhbGciOiJFUzI1NiJ9", CLAIMS);
    let sig = b64url(concat!(
        "DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSA",
        "pmWQxfKTUJqPP3-Kg6NU1Q"
    ));
    assert_eq!(sig.len(), 64);
    // The example's S is above n/2: a verifier enforcing low-S would fail it.
    let n = order(Curve::P256);
    assert!(sig[32..] > *sub(&n, &sig[32..]), "RFC 7515 A.3 is high-S");
    assert!(Algorithm::ES256.verify(&input, &public, &sig).unwrap());
    assert!(!Algorithm::ES256.verify(b"other", &public, &sig).unwrap());

    // The RFC's private key signs (RFC 6979, so not the RFC's bytes) and verifies.
    let d = b64url("jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI");
    let sk = p256::ecdsa::SigningKey::from_slice(&d).unwrap();
    assert_eq!(*sk.verifying_key(), vk);
    let private = Key::new(Material::EcPrivate(EcPrivate::P256(sk)));
    let ours = Algorithm::ES256.sign(&input, &private).unwrap();
    assert!(Algorithm::ES256.verify(&input, &public, &ours).unwrap());
}

#[test]
fn rfc7515_a4_es512_verifies() {
    // https://www.rfc-editor.org/rfc/rfc7515#appendix-A.4
    let sec1 = point(
        "AekpBQ8ST8a8VcfVOTNl353vSrDCLLJXmPk06wTjxrrjcBpXp5EOnYG_NjFZ6OvLFV1jSfS9tsz4qUxcWceqwQGk",
        "ADSmRA43Z1DSNx_RvcLI87cdL07l6jQyyBXMoxVg_l2Th-x3S1WDhjDly79ajL4Kkd0AZMaZmh9ubmf63e3kyMj2",
    );
    let vk = p521::ecdsa::VerifyingKey::from_sec1_bytes(&sec1).unwrap();
    let public = Key::new(Material::EcPublic(EcPublic::P521(vk.into())));
    // Payload "Payload" (A.4.1).
    let input = signing_input("eyJhbGciOiJFUzUxMiJ9", "UGF5bG9hZA");
    let sig = b64url(concat!(
        "AdwMgeerwtHoh-l192l60hp9wAHZFVJbLfD_UxMi70cwnZOYaRI1bKPWROc-mZZq",
        "wqT2SI-KGDKB34XO0aw_7XdtAG8GaSwFKdCAPZgoXD2YBJZCPEX3xKpRwcdOO8Kp",
        "EHwJjyqOgzDO7iKvU8vcnwNrmxYbSW9ERBXukOXolLzeO_Jn"
    ));
    assert_eq!(sig.len(), 132);
    assert!(Algorithm::ES512.verify(&input, &public, &sig).unwrap());
    assert!(
        !Algorithm::ES512
            .verify(&input, &public, &super::roundtrip::der_of_raw(&sig))
            .unwrap()
    );

    let d = b64url(concat!(
        "AY5pb7A0UFiB3RELSD64fTLOSV_jazdF7fLYyuTw8lOfRhWg6Y6rUrPA",
        "xerEzgdRhajnu0ferB0d53vM9mE15j2C"
    ));
    let sk = p521::ecdsa::SigningKey::from_slice(&d).unwrap();
    let private = Key::new(Material::EcPrivate(EcPrivate::P521(sk)));
    let ours = Algorithm::ES512.sign(&input, &private).unwrap();
    assert_eq!(ours.len(), 132);
    assert!(Algorithm::ES512.verify(&input, &public, &ours).unwrap());
}

#[test]
fn rfc7515_a1_hs256_verifies() {
    // https://www.rfc-editor.org/rfc/rfc7515#appendix-A.1
    let k = b64url(concat!(
        "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0i",
        "PS4hcgUuTwjAzZr1Z9CAow"
    ));
    let key = Key::new(Material::Secret(crate::alg::Secret::new(k)));
    let input = signing_input("eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9", CLAIMS);
    let sig = b64url("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
    assert!(Algorithm::HS256.verify(&input, &key, &sig).unwrap());
    assert_eq!(Algorithm::HS256.sign(&input, &key).unwrap(), sig);
}
