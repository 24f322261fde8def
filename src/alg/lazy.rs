//! Verification tables that a key builds only once it has been used enough
//! to repay them. Building them costs a few verifications, so a key imported
//! for one token must not pay for it on import (decoding with a JWK object
//! imports the key on every call). Clones of a key share the count
//! and the tables.
//!
//! Without `std` there is no `OnceLock`: the tables are never built and
//! verification keeps its per-call path.

/// A value built on demand after a number of uses.
///
/// With `std`:
///
/// ```ignore
/// let lazy = Lazy::default();
/// assert!(lazy.get_after(1, || 7).is_none()); // the first use
/// assert_eq!(lazy.get_after(1, || 7), Some(&7)); // the second builds it
/// ```
pub(crate) struct Lazy<T> {
    #[cfg(feature = "std")]
    uses: core::sync::atomic::AtomicU32,
    #[cfg(feature = "std")]
    value: std::sync::OnceLock<T>,
    #[cfg(not(feature = "std"))]
    value: core::marker::PhantomData<T>,
}

impl<T> Default for Lazy<T> {
    fn default() -> Self {
        Self {
            #[cfg(feature = "std")]
            uses: core::sync::atomic::AtomicU32::new(0),
            value: Default::default(),
        }
    }
}

impl<T> Lazy<T> {
    /// Counts a use and returns the value once `after` uses came before
    /// this one (building it with `build` on the first such use); `None`
    /// before then, and always without `std`.
    pub(crate) fn get_after(&self, after: u32, build: impl FnOnce() -> T) -> Option<&T> {
        #[cfg(feature = "std")]
        {
            use core::sync::atomic::Ordering::Relaxed;
            if let Some(value) = self.value.get() {
                return Some(value);
            }
            // Counting stops at the build, so the count cannot wrap.
            if self.uses.fetch_add(1, Relaxed) >= after {
                return Some(self.value.get_or_init(build));
            }
        }
        #[cfg(not(feature = "std"))]
        let _ = (after, build);
        None
    }

    /// The value, built now if it is not yet (for tests of the cached path).
    #[cfg(all(test, feature = "std"))]
    pub(crate) fn force(&self, build: impl FnOnce() -> T) -> &T {
        self.value.get_or_init(build)
    }

    /// Whether the value has been built.
    #[cfg(test)]
    pub(crate) fn is_built(&self) -> bool {
        #[cfg(feature = "std")]
        return self.value.get().is_some();
        #[cfg(not(feature = "std"))]
        false
    }
}

#[cfg(test)]
mod tests {
    use super::Lazy;

    // The crate's tests run with `std`; without it `Lazy` is only built.
    #[test]
    fn builds_on_the_use_after_the_count_and_only_once() {
        let lazy = Lazy::default();
        let mut builds = 0;
        for use_ in 0..5 {
            let got = lazy.get_after(2, || {
                builds += 1;
                use_
            });
            // Uses 0 and 1 come first; use 2 builds the value.
            assert_eq!(got.copied(), (use_ >= 2).then_some(2), "use {use_}");
        }
        assert_eq!(builds, 1);
        assert!(lazy.is_built());
    }
}
