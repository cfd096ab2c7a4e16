//! Interval arithmetic for displayed figures.
//!
//! A displayed figure is not a point: `42,625` stands for every value that
//! rounds to it, `[42,624.5, 42,625.5]`. Checks compute with intervals and
//! fail only when the computed interval and the displayed one do not overlap
//! (the XBRL Calculations 1.1 rule), so rounding never raises a false alarm and
//! no arbitrary tolerance hides a real error. All arithmetic is on
//! [`Decimal`]; floats never enter.

use rust_decimal::Decimal;
use std::fmt;

/// A closed interval `[lo, hi]` of decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    pub lo: Decimal,
    pub hi: Decimal,
}

impl Interval {
    pub fn exact(v: Decimal) -> Interval {
        Interval { lo: v, hi: v }
    }

    /// The interval of values that display as `v` with `decimals` fractional
    /// digits: `v ± ½·10^-decimals`.
    ///
    /// ```
    /// use rust_decimal::Decimal;
    /// use tickmark::interval::Interval;
    /// let i = Interval::rounded(Decimal::new(426, 1), 1); // 42.6
    /// assert_eq!(i.lo, Decimal::new(4255, 2));
    /// assert_eq!(i.hi, Decimal::new(4265, 2));
    /// ```
    pub fn rounded(v: Decimal, decimals: u32) -> Interval {
        let half = half_unit(decimals);
        Interval {
            lo: v - half,
            hi: v + half,
        }
    }

    pub fn new(a: Decimal, b: Decimal) -> Interval {
        Interval {
            lo: a.min(b),
            hi: a.max(b),
        }
    }

    pub fn zero() -> Interval {
        Interval::exact(Decimal::ZERO)
    }

    pub fn overlaps(&self, other: &Interval) -> bool {
        self.lo <= other.hi && other.lo <= self.hi
    }

    pub fn contains(&self, v: Decimal) -> bool {
        self.lo <= v && v <= self.hi
    }

    /// Halves first, so that no interval makes it overflow.
    pub fn midpoint(&self) -> Decimal {
        self.lo / Decimal::TWO + self.hi / Decimal::TWO
    }

    pub fn width(&self) -> Decimal {
        self.hi.saturating_sub(self.lo)
    }

    pub fn checked_add(self, o: Interval) -> Option<Interval> {
        Some(Interval {
            lo: self.lo.checked_add(o.lo)?,
            hi: self.hi.checked_add(o.hi)?,
        })
    }

    pub fn checked_sub(self, o: Interval) -> Option<Interval> {
        Some(Interval {
            lo: self.lo.checked_sub(o.hi)?,
            hi: self.hi.checked_sub(o.lo)?,
        })
    }

    pub fn negated(self) -> Interval {
        Interval {
            lo: -self.hi,
            hi: -self.lo,
        }
    }

    pub fn checked_mul(self, o: Interval) -> Option<Interval> {
        let c = [
            self.lo.checked_mul(o.lo)?,
            self.lo.checked_mul(o.hi)?,
            self.hi.checked_mul(o.lo)?,
            self.hi.checked_mul(o.hi)?,
        ];
        Some(Interval {
            lo: c.iter().copied().min()?,
            hi: c.iter().copied().max()?,
        })
    }

    /// Division; `None` when the divisor's interval contains zero (the
    /// quotient is unbounded, so nothing can be concluded).
    pub fn checked_div(self, o: Interval) -> Option<Interval> {
        if o.contains(Decimal::ZERO) {
            return None;
        }
        let c = [
            self.lo.checked_div(o.lo)?,
            self.lo.checked_div(o.hi)?,
            self.hi.checked_div(o.lo)?,
            self.hi.checked_div(o.hi)?,
        ];
        Some(Interval {
            lo: c.iter().copied().min()?,
            hi: c.iter().copied().max()?,
        })
    }

    pub fn scale(self, k: Decimal) -> Option<Interval> {
        Some(Interval::new(
            self.lo.checked_mul(k)?,
            self.hi.checked_mul(k)?,
        ))
    }
}

/// A sum of rounding intervals (each symmetric about its figure), kept as
/// its centre and half-width: adding symmetric intervals adds centres and
/// half-widths, two additions per term instead of building each interval and
/// adding both ends. The interval is the same as the sum of the terms'
/// intervals (decimal arithmetic is exact at the magnitudes of figures).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RoundedSum {
    pub center: Decimal,
    pub half: Decimal,
}

impl RoundedSum {
    /// Adds a term of centre `center` and half-width `half`.
    pub fn checked_add(self, center: Decimal, half: Decimal) -> Option<RoundedSum> {
        Some(RoundedSum {
            center: self.center.checked_add(center)?,
            half: self.half.checked_add(half)?,
        })
    }

    pub fn interval(self) -> Option<Interval> {
        Some(Interval {
            lo: self.center.checked_sub(self.half)?,
            hi: self.center.checked_add(self.half)?,
        })
    }
}

/// `½·10^-decimals`.
pub fn half_unit(decimals: u32) -> Decimal {
    Decimal::new(5, decimals.min(27) + 1)
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}, {}]", self.lo.normalize(), self.hi.normalize())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn rounding_intervals() {
        let i = Interval::rounded(d("42625"), 0);
        assert_eq!(i, Interval::new(d("42624.5"), d("42625.5")));
        assert!(i.contains(d("42625.4")));
    }

    #[test]
    fn division_by_interval_with_zero_is_unknown() {
        let a = Interval::rounded(d("1"), 0);
        let b = Interval::rounded(d("0"), 0);
        assert!(a.checked_div(b).is_none());
    }

    proptest! {
        #[test]
        fn rounded_sum_is_the_sum_of_intervals(terms in proptest::collection::vec(
            (-1_000_000_000i64..1_000_000_000, 0u32..4, any::<bool>()), 0..12)) {
            let mut by_ends = Interval::zero();
            let mut by_center = RoundedSum::default();
            for (m, d, neg) in terms {
                let v = Decimal::new(m, d);
                let i = Interval::rounded(v, d);
                let (i, c) = if neg { (i.negated(), -v) } else { (i, v) };
                by_ends = by_ends.checked_add(i).unwrap();
                by_center = by_center.checked_add(c, half_unit(d)).unwrap();
            }
            prop_assert_eq!(by_center.interval().unwrap(), by_ends);
        }

        #[test]
        fn arithmetic_contains_exact_result(a in -1_000_000i64..1_000_000, b in -1_000_000i64..1_000_000,
                                            da in 0u32..4, db in 0u32..4) {
            let x = Decimal::new(a, da);
            let y = Decimal::new(b, db);
            let ix = Interval::rounded(x, da);
            let iy = Interval::rounded(y, db);
            prop_assert!(ix.checked_add(iy).unwrap().contains(x + y));
            prop_assert!(ix.checked_sub(iy).unwrap().contains(x - y));
            prop_assert!(ix.checked_mul(iy).unwrap().contains(x * y));
            if let Some(q) = ix.checked_div(iy) {
                let exact = x / y;
                // Decimal division rounds at 28 digits; allow that last digit.
                let eps = Decimal::new(1, 20);
                prop_assert!(q.lo - eps <= exact && exact <= q.hi + eps);
            }
        }
    }
}
