//! Points of a prime-order curve y² = x³ + ax + b, a = −3 or 0, for the variable-time
//! verification paths: affine points for tables, Jacobian points (x = X/Z²,
//! y = Y/Z³, Z = 0 for the point at infinity) for the running sum, and the
//! interleaved sum Σ kᵢ·Pᵢ itself. One [`curve_points`] per curve, over
//! that curve's field type (whose `const fn` arithmetic the compile-time
//! tables use).
//!
//! Doubling uses the a = −3 shortcut (3M + 5S) or the a = 0 one (2M + 5S),
//! and additions add an affine
//! point to a Jacobian one (8M + 3S). Both handle every special case, since an
//! attacker picks the public key and the signature: the point at infinity on
//! either side, P = Q (falls back to doubling) and P = −Q (gives infinity).

/// The point types and operations over the field type `$Fe` with `$limbs`
/// 32-bit limbs, for the curve coefficient `a = −3` (the NIST curves) or,
/// with `a_zero`, `a = 0` (secp256k1). `$Fe` provides `ZERO`, `ONE`,
/// `from_words`, `is_zero`, `eq`, `add`, `sub`, `neg`, `double`, `mul`,
/// `square` and `invert`, all `const fn`.
macro_rules! curve_points {
    ($Fe:ident, $limbs:literal) => {
        super::point::curve_points!($Fe, $limbs, a_minus_3);
    };
    ($Fe:ident, $limbs:literal, $a:ident) => {
        /// A finite point in affine coordinates.
        #[derive(Clone, Copy, PartialEq, Eq, Debug)]
        pub(super) struct Affine {
            pub(super) x: $Fe,
            pub(super) y: $Fe,
        }

        impl Affine {
            pub(super) const fn neg(&self) -> Self {
                Self {
                    x: self.x,
                    y: self.y.neg(),
                }
            }
        }

        /// A point in Jacobian coordinates.
        #[derive(Clone, Copy, Debug)]
        pub(super) struct Jacobian {
            pub(super) x: $Fe,
            pub(super) y: $Fe,
            pub(super) z: $Fe,
        }

        impl Jacobian {
            pub(super) const INFINITY: Self = Self {
                x: $Fe::ONE,
                y: $Fe::ONE,
                z: $Fe::ZERO,
            };

            pub(super) const fn from_affine(p: &Affine) -> Self {
                Self {
                    x: p.x,
                    y: p.y,
                    z: $Fe::ONE,
                }
            }

            pub(super) const fn is_infinity(&self) -> bool {
                self.z.is_zero()
            }

            /// 2·self. Infinity stays infinity (Z₃ = 2·Y·Z = 0), and a curve of
            /// prime order has no point of order two.
            pub(super) const fn double(&self) -> Self {
                super::point::double!($a, self)
            }

            /// self + q for an affine q.
            pub(super) const fn add_affine(&self, q: &Affine) -> Self {
                if self.is_infinity() {
                    return Self::from_affine(q);
                }
                let z2 = self.z.square();
                let u2 = q.x.mul(&z2);
                let s2 = q.y.mul(&z2.mul(&self.z));
                let h = u2.sub(&self.x);
                let r = s2.sub(&self.y);
                if h.is_zero() {
                    // Same x: the same point (double it) or its negation (sum is ∞).
                    return if r.is_zero() {
                        self.double()
                    } else {
                        Self::INFINITY
                    };
                }
                let h2 = h.square();
                let h3 = h2.mul(&h);
                let v = self.x.mul(&h2);
                let x3 = r.square().sub(&h3).sub(&v.double());
                let y3 = r.mul(&v.sub(&x3)).sub(&self.y.mul(&h3));
                let z3 = self.z.mul(&h);
                Self {
                    x: x3,
                    y: y3,
                    z: z3,
                }
            }

            /// The affine form; `None` for the point at infinity.
            pub(super) const fn to_affine(self) -> Option<Affine> {
                if self.is_infinity() {
                    return None;
                }
                let zi = self.z.invert();
                let zi2 = zi.square();
                Some(Affine {
                    x: self.x.mul(&zi2),
                    y: self.y.mul(&zi2.mul(&zi)),
                })
            }
        }

        /// The odd multiples `p, 3p, 5p, …, (2N − 1)p` in affine form. `None` when
        /// a multiple is the point at infinity, which cannot happen for a point of
        /// prime order n > 2N but is checked rather than assumed.
        pub(super) const fn odd_multiples<const N: usize>(p: &Affine) -> Option<[Affine; N]> {
            let two_p = match Jacobian::from_affine(p).double().to_affine() {
                Some(a) => a,
                None => return None,
            };
            match odd_multiples_jacobian::<N>(p, &two_p) {
                Some(jac) => normalize(&jac),
                None => None,
            }
        }

        /// `p, 3p, …, (2N − 1)p` in Jacobian form, stepping by `two_p` = 2p.
        pub(super) const fn odd_multiples_jacobian<const N: usize>(
            p: &Affine,
            two_p: &Affine,
        ) -> Option<[Jacobian; N]> {
            let mut jac = [Jacobian::INFINITY; N];
            let mut acc = Jacobian::from_affine(p);
            let mut i = 0;
            while i < N {
                if acc.is_infinity() {
                    return None;
                }
                jac[i] = acc;
                acc = acc.add_affine(two_p);
                i += 1;
            }
            Some(jac)
        }

        /// The odd-multiple tables of p, 2ᴮ·p, 2²ᴮ·p and 2³ᴮ·p for B =
        /// `part_bits`, against which a scalar split in four B-bit parts needs
        /// only B doublings. `None` if one of them meets the point at infinity
        /// (impossible for a point of prime order n). Five field inversions in
        /// all: one for the four bases and their doubles, one per table.
        pub(super) const fn quarter_tables<const N: usize>(
            p: &Affine,
            part_bits: u32,
        ) -> Option<[[Affine; N]; 4]> {
            let mut bases = [Jacobian::INFINITY; 8];
            let mut base = Jacobian::from_affine(p);
            let mut j = 0;
            while j < 4 {
                bases[2 * j] = base;
                bases[2 * j + 1] = base.double();
                if j < 3 {
                    let mut i = 0;
                    while i < part_bits {
                        base = base.double();
                        i += 1;
                    }
                }
                j += 1;
            }
            let bases = match normalize(&bases) {
                Some(b) => b,
                None => return None,
            };
            let zero = Affine {
                x: $Fe::ZERO,
                y: $Fe::ZERO,
            };
            let mut tables = [[zero; N]; 4];
            let mut j = 0;
            while j < 4 {
                let jac = match odd_multiples_jacobian::<N>(&bases[2 * j], &bases[2 * j + 1]) {
                    Some(jac) => jac,
                    None => return None,
                };
                tables[j] = match normalize(&jac) {
                    Some(t) => t,
                    None => return None,
                };
                j += 1;
            }
            Some(tables)
        }

        /// The affine forms of `N` points with a single field inversion
        /// (Montgomery's batch trick); `None` if one is the point at infinity.
        pub(super) const fn normalize<const N: usize>(jac: &[Jacobian; N]) -> Option<[Affine; N]> {
            // prefix[i] = z₀·z₁·…·zᵢ; one inversion of the full product, then walk
            // back peeling one z at a time.
            let mut prefix = [$Fe::ONE; N];
            let mut running = $Fe::ONE;
            let mut i = 0;
            while i < N {
                if jac[i].is_infinity() {
                    return None;
                }
                running = running.mul(&jac[i].z);
                prefix[i] = running;
                i += 1;
            }
            let mut inv = running.invert();
            let mut out = [Affine {
                x: $Fe::ZERO,
                y: $Fe::ZERO,
            }; N];
            let mut i = N;
            while i > 0 {
                i -= 1;
                let zi = if i == 0 { inv } else { inv.mul(&prefix[i - 1]) };
                inv = inv.mul(&jac[i].z);
                let zi2 = zi.square();
                out[i] = Affine {
                    x: jac[i].x.mul(&zi2),
                    y: jac[i].y.mul(&zi2.mul(&zi)),
                };
            }
            Some(out)
        }

        /// Σ kᵢ·Pᵢ from each term's wNAF digits and table of odd multiples of Pᵢ.
        /// `None` only if a digit indexed past its table, which the digit bounds
        /// rule out.
        pub(super) fn lincomb<const D: usize>(terms: &[([i8; D], &[Affine])]) -> Option<Jacobian> {
            let top = terms
                .iter()
                .filter_map(|(digits, _)| digits.iter().rposition(|&d| d != 0))
                .max();
            let mut acc = Jacobian::INFINITY;
            let Some(top) = top else {
                return Some(acc);
            };
            for i in (0..=top).rev() {
                acc = acc.double();
                for (digits, table) in terms {
                    let digit = *digits.get(i)?;
                    if digit != 0 {
                        let entry = table.get(usize::from(digit.unsigned_abs() / 2))?;
                        acc = if digit > 0 {
                            acc.add_affine(entry)
                        } else {
                            acc.add_affine(&entry.neg())
                        };
                    }
                }
            }
            Some(acc)
        }

        /// Whether x(sum) ≡ r (mod n), without inverting Z: x = X/Z², and x mod n
        /// = r means x = r or, when r + n < p, x = r + n (x < p < 2n).
        pub(super) fn x_matches(sum: &Jacobian, r: &[u32; $limbs], n: &[u32; $limbs]) -> bool {
            if sum.is_infinity() {
                return false;
            }
            let z2 = sum.z.square();
            let Some(r_fe) = $Fe::from_words(*r) else {
                return false;
            };
            if r_fe.mul(&z2).eq(&sum.x) {
                return true;
            }
            let (r_plus_n, carry) = super::limbs::add_words(r, n);
            if carry != 0 {
                return false;
            }
            $Fe::from_words(r_plus_n).is_some_and(|rn| rn.mul(&z2).eq(&sum.x))
        }
    };
}

/// The doubling formula for `a = −3` ("dbl-2001-b") or `a = 0`
/// ("dbl-2009-l"), on the Jacobian point `$p`.
macro_rules! double {
    (a_minus_3, $p:expr) => {{
        let p = $p;
        let delta = p.z.square();
        let gamma = p.y.square();
        let beta = p.x.mul(&gamma);
        let t = p.x.sub(&delta).mul(&p.x.add(&delta));
        let alpha = t.double().add(&t);
        let beta4 = beta.double().double();
        let x3 = alpha.square().sub(&beta4.double());
        let z3 = p.y.add(&p.z).square().sub(&gamma).sub(&delta);
        let gamma2_8 = gamma.square().double().double().double();
        let y3 = alpha.mul(&beta4.sub(&x3)).sub(&gamma2_8);
        Self {
            x: x3,
            y: y3,
            z: z3,
        }
    }};
    (a_zero, $p:expr) => {{
        let p = $p;
        let a = p.x.square();
        let b = p.y.square();
        let c = b.square();
        let d = p.x.add(&b).square().sub(&a).sub(&c).double();
        let e = a.double().add(&a);
        let x3 = e.square().sub(&d.double());
        let y3 = e.mul(&d.sub(&x3)).sub(&c.double().double().double());
        let z3 = p.y.mul(&p.z).double();
        Self {
            x: x3,
            y: y3,
            z: z3,
        }
    }};
}

pub(super) use {curve_points, double};
