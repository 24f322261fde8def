//! The operating system's random number generator (via `getrandom`) as a
//! `rand_core` 0.10 [`CryptoRng`](rand_core::CryptoRng), for key generation and
//! RSA-PSS salts.
//!
//! `rand_core`'s infallible traits cannot report a failure, and a panic would
//! trap in WebAssembly, so a failed read is remembered instead: the generator
//! then yields distinct filler bytes (so that retry loops such as a prime
//! search still end) and [`OsRng::finish`] turns the remembered failure into an
//! [`Error`]. Callers must discard anything produced before `finish` fails.

use core::convert::Infallible;

use rand_core::{TryCryptoRng, TryRng};

use crate::error::{Error, err};

/// Randomness from `getrandom::fill`, with failures reported by [`OsRng::finish`].
pub(crate) struct OsRng {
    failed: bool,
    counter: u64,
}

impl OsRng {
    /// A generator, after checking once that the system source works.
    pub(crate) fn new() -> Result<Self, Error> {
        let mut probe = [0u8; 1];
        getrandom::fill(&mut probe).map_err(|_| unavailable())?;
        Ok(Self {
            failed: false,
            counter: 0,
        })
    }

    /// Fills `dst` with random bytes, failing cleanly when the system source does.
    pub(crate) fn fill(dst: &mut [u8]) -> Result<(), Error> {
        getrandom::fill(dst).map_err(|_| unavailable())
    }

    /// `Ok` when every read succeeded; otherwise whatever was produced with this
    /// generator is not random and must be thrown away.
    pub(crate) fn finish(self) -> Result<(), Error> {
        if self.failed {
            Err(unavailable())
        } else {
            Ok(())
        }
    }
}

fn unavailable() -> Error {
    err!(
        InvalidKey,
        "The system random number generator is unavailable"
    )
}

impl TryRng for OsRng {
    type Error = Infallible;

    fn try_next_u32(&mut self) -> Result<u32, Infallible> {
        let mut buf = [0u8; 4];
        self.try_fill_bytes(&mut buf)?;
        Ok(u32::from_le_bytes(buf))
    }

    fn try_next_u64(&mut self) -> Result<u64, Infallible> {
        let mut buf = [0u8; 8];
        self.try_fill_bytes(&mut buf)?;
        Ok(u64::from_le_bytes(buf))
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Infallible> {
        if self.failed || getrandom::fill(dst).is_err() {
            self.failed = true;
            // Filler only, never used: `finish` reports the failure. It varies
            // so that sampling loops in the callers terminate.
            for chunk in dst.chunks_mut(8) {
                self.counter = self.counter.wrapping_add(0x9E37_79B9_7F4A_7C15);
                for (d, s) in chunk.iter_mut().zip(self.counter.to_le_bytes()) {
                    *d = s;
                }
            }
        }
        Ok(())
    }
}

impl TryCryptoRng for OsRng {}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap
mod tests {
    use super::*;
    use rand_core::Rng;

    #[test]
    fn produces_distinct_output_and_finishes_ok() {
        let mut rng = OsRng::new().unwrap();
        let (a, b) = (rng.next_u64(), rng.next_u64());
        assert_ne!(a, b);
        assert!(rng.finish().is_ok());
    }

    #[test]
    fn a_failed_read_is_reported_by_finish() {
        let mut rng = OsRng::new().unwrap();
        rng.failed = true;
        let mut buf = [0u8; 20];
        rng.fill_bytes(&mut buf);
        assert_ne!(buf, [0u8; 20]);
        assert!(rng.finish().is_err());
    }
}
