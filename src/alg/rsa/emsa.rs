//! The encoded-message checks of signature verification: EMSA-PKCS1-v1_5
//! (RFC 8017 §9.2) and EMSA-PSS-VERIFY (RFC 8017 §9.1.2) with MGF1 over the
//! same SHA-2 and a salt as long as the hash.
//!
//! They read only public data (the recovered message representative and the
//! message hash), so they may return early.

use alloc::vec::Vec;

use sha2::{Digest, Sha256, Sha384, Sha512};

use crate::algorithm::Hash;

/// The DER `DigestInfo` header before a SHA-256 hash (RFC 8017 §9.2, note 1).
pub(super) const SHA256_PREFIX: &[u8] = &[
    0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05,
    0x00, 0x04, 0x20,
];
/// The DER `DigestInfo` header before a SHA-384 hash.
pub(super) const SHA384_PREFIX: &[u8] = &[
    0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02, 0x05,
    0x00, 0x04, 0x30,
];
/// The DER `DigestInfo` header before a SHA-512 hash.
pub(super) const SHA512_PREFIX: &[u8] = &[
    0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x03, 0x05,
    0x00, 0x04, 0x40,
];

/// Whether `em` (k bytes) is exactly `0x00 01 FF…FF 00 ‖ prefix ‖ hashed`,
/// with at least eight `FF` bytes. Every byte is compared: there is one valid
/// encoding, so no parsing is involved.
pub(super) fn pkcs1v15(em: &[u8], prefix: &[u8], hashed: &[u8]) -> bool {
    let t_len = prefix.len() + hashed.len();
    let Some(ps_len) = em.len().checked_sub(t_len + 3) else {
        return false;
    };
    if ps_len < 8 {
        return false;
    }
    let (head, rest) = em.split_at(2);
    let (ps, rest) = rest.split_at(ps_len);
    let (zero, t) = rest.split_at(1);
    let (t_prefix, t_hash) = t.split_at(prefix.len());
    head == [0x00, 0x01]
        && ps.iter().all(|b| *b == 0xff)
        && zero == [0x00]
        && t_prefix == prefix
        && t_hash == hashed
}

/// EMSA-PSS-VERIFY of the k-byte representative `em_k` for a modulus of
/// `mod_bits` bits, with `hash` as hash and MGF1 hash and sLen = hLen.
pub(super) fn pss(mut em_k: Vec<u8>, mod_bits: usize, m_hash: &[u8], hash: Hash) -> bool {
    let h_len = hash.len();
    let s_len = h_len;
    // emBits = modBits − 1; EM is the last emLen bytes, and any byte in
    // front of it must be zero (the representative must fit in emLen).
    let em_bits = mod_bits.saturating_sub(1);
    let em_len = em_bits.div_ceil(8);
    let Some(skip) = em_k.len().checked_sub(em_len) else {
        return false;
    };
    let (front, em) = em_k.split_at_mut(skip);
    if front.iter().any(|b| *b != 0) || m_hash.len() != h_len || em_len < h_len + s_len + 2 {
        return false;
    }
    // Step 4: the trailer.
    let Some((&mut trailer, em)) = em.split_last_mut() else {
        return false;
    };
    if trailer != 0xbc {
        return false;
    }
    // Step 5: maskedDB ‖ H.
    let (db, h) = em.split_at_mut(em_len - h_len - 1);
    // Step 6: the bits above emBits must be zero.
    let top_mask = 0xffu8 >> (8 * em_len - em_bits);
    if db.first().is_none_or(|b| b & !top_mask != 0) {
        return false;
    }
    // Steps 7–9: DB = maskedDB ⊕ MGF1(H), top bits cleared.
    mgf1_xor(db, h, hash);
    if let Some(b) = db.first_mut() {
        *b &= top_mask;
    }
    // Step 10: zeros, then 0x01, then the salt.
    let (padding, salt) = db.split_at(db.len() - s_len);
    let Some((&one, zeros)) = padding.split_last() else {
        return false;
    };
    if one != 0x01 || zeros.iter().any(|b| *b != 0) {
        return false;
    }
    // Steps 12–14: H' = Hash(0^8 ‖ mHash ‖ salt) must equal H.
    let h2 = digest(hash, &[&[0u8; 8], m_hash, salt]);
    h2.get(..h_len) == Some(&*h)
}

/// `db` ← `db` ⊕ MGF1(`seed`) (RFC 8017 §B.2.1).
fn mgf1_xor(db: &mut [u8], seed: &[u8], hash: Hash) {
    for (counter, chunk) in (0u32..).zip(db.chunks_mut(hash.len())) {
        let mask = digest(hash, &[seed, &counter.to_be_bytes()]);
        for (b, m) in chunk.iter_mut().zip(mask.iter()) {
            *b ^= m;
        }
    }
}

/// `hash(parts[0] ‖ parts[1] ‖ …)` in the first `hash.len()` bytes. Choosing
/// the hash at run time keeps one copy of the PSS code in the wasm rather
/// than one per SHA-2.
pub(super) fn digest(hash: Hash, parts: &[&[u8]]) -> [u8; 64] {
    fn run<D: Digest>(parts: &[&[u8]], out: &mut [u8; 64]) {
        let mut d = D::new();
        for part in parts {
            d.update(part);
        }
        let h = d.finalize();
        if let Some(dst) = out.get_mut(..h.len()) {
            dst.copy_from_slice(&h);
        }
    }
    let mut out = [0u8; 64];
    match hash {
        Hash::Sha256 => run::<Sha256>(parts, &mut out),
        Hash::Sha384 => run::<Sha384>(parts, &mut out),
        Hash::Sha512 => run::<Sha512>(parts, &mut out),
    }
    out
}
