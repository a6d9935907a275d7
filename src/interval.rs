//! Exact decimal intervals.
//!
//! Every figure in a story stands for a set of values: "more than 125,000" is
//! everything above 125,000, "360,000" everything that rounds to it. Checks
//! compare those sets, never single numbers, and the arithmetic is exact
//! decimal so that `0.1 + 0.2` really is `0.3`.
//!
//! Arithmetic never fails: when a result overflows the decimal type the
//! affected bound becomes unbounded. Widening can only turn a verdict into
//! "consistent", never into a false alarm.
//!
//! A decimal holds 28 significant digits, so a product or quotient (and a
//! sum of very different magnitudes) may have to round. A bound that was
//! rounded moves one unit of its last digit outwards, so the interval still
//! holds every true result.

use rust_decimal::Decimal;
use std::cmp::Ordering;
use std::fmt;

/// One end of an interval.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bound {
    pub value: Decimal,
    pub inclusive: bool,
}

/// A set of real numbers between two optional bounds; `None` is unbounded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Interval {
    pub low: Option<Bound>,
    pub high: Option<Bound>,
}

/// Which way a rounded bound must move to stay sound.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Dir {
    Down,
    Up,
}

/// `r`, the possibly rounded result of an operation whose exact result
/// has `exact_scale` decimal places: when `r` has fewer, it was rounded to
/// nearest and moves one unit of its last place in `dir`.
fn outward(r: Decimal, exact_scale: u32, dir: Dir) -> Option<Decimal> {
    if r.scale() >= exact_scale {
        return Some(r);
    }
    let unit = Decimal::new(1, r.scale());
    match dir {
        Dir::Down => r.checked_sub(unit),
        Dir::Up => r.checked_add(unit),
    }
}

/// `a + b`, rounded in `dir` when it cannot be exact.
fn add_dir(a: Decimal, b: Decimal, dir: Dir) -> Option<Decimal> {
    outward(a.checked_add(b)?, a.scale().max(b.scale()), dir)
}

/// `a * b`, rounded in `dir` when it cannot be exact.
fn mul_dir(a: Decimal, b: Decimal, dir: Dir) -> Option<Decimal> {
    outward(a.checked_mul(b)?, a.scale() + b.scale(), dir)
}

/// `1 / v`, rounded in `dir` unless the quotient is exact.
fn recip_dir(v: Decimal, dir: Dir) -> Option<Decimal> {
    let q = Decimal::ONE.checked_div(v)?;
    let exact = q
        .checked_mul(v)
        .is_some_and(|p| p == Decimal::ONE && p.scale() == q.scale() + v.scale());
    if exact { Some(q) } else { outward(q, 29, dir) }
}

/// A value on the extended real line, for multiplying unbounded intervals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Ext {
    NegInf,
    Fin(Decimal),
    PosInf,
}

impl Ext {
    /// The product, rounded in `dir`.
    fn mul(self, other: Ext, dir: Dir) -> Ext {
        use Ext::*;
        match (self, other) {
            (Fin(a), Fin(b)) => match a.checked_mul(b) {
                Some(_) => mul_dir(a, b, dir).map(Fin).unwrap_or(if dir == Dir::Down {
                    NegInf
                } else {
                    PosInf
                }),
                None if a.is_sign_negative() != b.is_sign_negative() => NegInf,
                None => PosInf,
            },
            // A bounded factor of zero keeps the product at zero.
            (Fin(z), _) | (_, Fin(z)) if z.is_zero() => Fin(Decimal::ZERO),
            (Fin(a), inf) | (inf, Fin(a)) => {
                if a.is_sign_negative() {
                    inf.neg()
                } else {
                    inf
                }
            }
            (NegInf, NegInf) | (PosInf, PosInf) => PosInf,
            _ => NegInf,
        }
    }

    fn neg(self) -> Ext {
        match self {
            Ext::NegInf => Ext::PosInf,
            Ext::PosInf => Ext::NegInf,
            Ext::Fin(v) => Ext::Fin(-v),
        }
    }
}

impl Interval {
    /// Everything: the interval of a figure nothing is known about.
    pub const UNBOUNDED: Interval = Interval {
        low: None,
        high: None,
    };

    /// The single value `v`.
    pub fn exact(v: Decimal) -> Interval {
        Interval::closed(v, v)
    }

    /// `[lo, hi]`.
    pub fn closed(lo: Decimal, hi: Decimal) -> Interval {
        Interval {
            low: Some(Bound {
                value: lo,
                inclusive: true,
            }),
            high: Some(Bound {
                value: hi,
                inclusive: true,
            }),
        }
    }

    /// `v ± half`: every value that rounds to `v` at a precision of `2 * half`.
    pub fn around(v: Decimal, half: Decimal) -> Interval {
        match (add_dir(v, -half, Dir::Down), add_dir(v, half, Dir::Up)) {
            (Some(lo), Some(hi)) => Interval::closed(lo, hi),
            _ => Interval::UNBOUNDED,
        }
    }

    /// Everything above `v` (`inclusive`: `v` too).
    pub fn above(v: Decimal, inclusive: bool) -> Interval {
        Interval {
            low: Some(Bound {
                value: v,
                inclusive,
            }),
            high: None,
        }
    }

    /// Everything below `v` (`inclusive`: `v` too).
    pub fn below(v: Decimal, inclusive: bool) -> Interval {
        Interval {
            low: None,
            high: Some(Bound {
                value: v,
                inclusive,
            }),
        }
    }

    /// Each bound moved outwards by `fraction` of its own magnitude (a
    /// bound that would overflow is dropped: the side becomes unbounded).
    pub fn widen_relative(&self, fraction: Decimal) -> Interval {
        let delta = |b: &Bound| mul_dir(b.value.abs(), fraction.abs(), Dir::Up);
        Interval {
            low: self.low.and_then(|b| {
                let value = add_dir(b.value, -delta(&b)?, Dir::Down)?;
                Some(Bound { value, ..b })
            }),
            high: self.high.and_then(|b| {
                let value = add_dir(b.value, delta(&b)?, Dir::Up)?;
                Some(Bound { value, ..b })
            }),
        }
    }

    pub fn is_bounded(&self) -> bool {
        self.low.is_some() && self.high.is_some()
    }

    /// The sum of two intervals. Exact: bounds stay open when either is open.
    pub fn add(&self, other: &Interval) -> Interval {
        fn add_bound(a: Option<Bound>, b: Option<Bound>, dir: Dir) -> Option<Bound> {
            let (a, b) = (a?, b?);
            Some(Bound {
                value: add_dir(a.value, b.value, dir)?,
                inclusive: a.inclusive && b.inclusive,
            })
        }
        Interval {
            low: add_bound(self.low, other.low, Dir::Down),
            high: add_bound(self.high, other.high, Dir::Up),
        }
    }

    pub fn neg(&self) -> Interval {
        let flip = |b: Option<Bound>| {
            b.map(|b| Bound {
                value: -b.value,
                inclusive: b.inclusive,
            })
        };
        Interval {
            low: flip(self.high),
            high: flip(self.low),
        }
    }

    pub fn sub(&self, other: &Interval) -> Interval {
        self.add(&other.neg())
    }

    /// The sum of many intervals; the empty sum is zero.
    pub fn sum<'a>(items: impl IntoIterator<Item = &'a Interval>) -> Interval {
        items
            .into_iter()
            .fold(Interval::exact(Decimal::ZERO), |acc, i| acc.add(i))
    }

    fn ends(&self) -> (Ext, Ext) {
        (
            self.low.map_or(Ext::NegInf, |b| Ext::Fin(b.value)),
            self.high.map_or(Ext::PosInf, |b| Ext::Fin(b.value)),
        )
    }

    fn from_ends(lo: Ext, hi: Ext) -> Interval {
        let bound = |e: Ext| match e {
            Ext::Fin(value) => Some(Bound {
                value,
                inclusive: true,
            }),
            _ => None,
        };
        Interval {
            low: bound(lo),
            high: bound(hi),
        }
    }

    /// The product. Bounds of the result are closed: a conservative widening
    /// by at most the end points.
    pub fn mul(&self, other: &Interval) -> Interval {
        let (a, b) = self.ends();
        let (c, d) = other.ends();
        let pairs = [(a, c), (a, d), (b, c), (b, d)];
        let lo = pairs.iter().map(|(x, y)| x.mul(*y, Dir::Down)).min();
        let hi = pairs.iter().map(|(x, y)| x.mul(*y, Dir::Up)).max();
        Interval::from_ends(lo.unwrap_or(Ext::NegInf), hi.unwrap_or(Ext::PosInf))
    }

    /// The quotient; unbounded when the divisor may be zero.
    pub fn div(&self, other: &Interval) -> Interval {
        if other.contains(Decimal::ZERO) {
            return Interval::UNBOUNDED;
        }
        // 1 / [c, d] = [1/d, 1/c] when 0 is not in [c, d]. A reciprocal
        // that cannot be computed leaves its side unbounded.
        let recip = |e: Ext, dir: Dir| match e {
            Ext::Fin(v) => recip_dir(v, dir).map_or(
                if dir == Dir::Down {
                    Ext::NegInf
                } else {
                    Ext::PosInf
                },
                Ext::Fin,
            ),
            _ => Ext::Fin(Decimal::ZERO),
        };
        let (c, d) = other.ends();
        self.mul(&Interval::from_ends(recip(d, Dir::Down), recip(c, Dir::Up)))
    }

    /// Multiply by an exact scalar.
    pub fn scale(&self, k: Decimal) -> Interval {
        self.mul(&Interval::exact(k))
    }

    pub fn contains(&self, v: Decimal) -> bool {
        let above_low = self.low.is_none_or(|b| match v.cmp(&b.value) {
            Ordering::Greater => true,
            Ordering::Equal => b.inclusive,
            Ordering::Less => false,
        });
        let below_high = self.high.is_none_or(|b| match v.cmp(&b.value) {
            Ordering::Less => true,
            Ordering::Equal => b.inclusive,
            Ordering::Greater => false,
        });
        above_low && below_high
    }

    /// Whether some value lies in both intervals.
    pub fn overlaps(&self, other: &Interval) -> bool {
        // Each low must not lie beyond the other's high.
        fn low_before_high(low: Option<Bound>, high: Option<Bound>) -> bool {
            match (low, high) {
                (Some(l), Some(h)) => match l.value.cmp(&h.value) {
                    Ordering::Less => true,
                    Ordering::Equal => l.inclusive && h.inclusive,
                    Ordering::Greater => false,
                },
                _ => true,
            }
        }
        low_before_high(self.low, other.high) && low_before_high(other.low, self.high)
    }

    /// The distance between two disjoint intervals (zero when they overlap
    /// or touch); `None` never happens for disjoint ones.
    pub fn gap(&self, other: &Interval) -> Decimal {
        // A gap wider than the type can hold is as wide as it can hold.
        let d1 = match (self.low, other.high) {
            (Some(l), Some(h)) if l.value > h.value => {
                l.value.checked_sub(h.value).unwrap_or(Decimal::MAX)
            }
            _ => Decimal::ZERO,
        };
        let d2 = match (other.low, self.high) {
            (Some(l), Some(h)) if l.value > h.value => {
                l.value.checked_sub(h.value).unwrap_or(Decimal::MAX)
            }
            _ => Decimal::ZERO,
        };
        d1.max(d2)
    }

    /// The interval with its bounds rounded outward to `dp` decimals, for
    /// showing people: it still holds every value it held.
    pub fn round_outward(&self, dp: u32) -> Interval {
        use rust_decimal::RoundingStrategy::{ToNegativeInfinity, ToPositiveInfinity};
        let mut i = *self;
        if let Some(l) = i.low.as_mut() {
            l.value = l.value.round_dp_with_strategy(dp, ToNegativeInfinity);
        }
        if let Some(h) = i.high.as_mut() {
            h.value = h.value.round_dp_with_strategy(dp, ToPositiveInfinity);
        }
        i
    }

    /// The smallest interval holding both.
    pub fn hull(&self, other: &Interval) -> Interval {
        let low = match (self.low, other.low) {
            (Some(a), Some(b)) => Some(if a.value <= b.value { a } else { b }),
            _ => None,
        };
        let high = match (self.high, other.high) {
            (Some(a), Some(b)) => Some(if a.value >= b.value { a } else { b }),
            _ => None,
        };
        Interval { low, high }
    }

    /// The midpoint of a bounded interval.
    pub fn midpoint(&self) -> Option<Decimal> {
        let (lo, hi) = (self.low?.value, self.high?.value);
        lo.checked_add(hi).map(|s| s / Decimal::TWO)
    }
}

/// Interval notation: `[359000, 361000]`, `(125000, ∞)`.
impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.low {
            Some(b) => write!(
                f,
                "{}{}",
                if b.inclusive { '[' } else { '(' },
                b.value.normalize()
            )?,
            None => write!(f, "(-∞")?,
        }
        write!(f, ", ")?;
        match self.high {
            Some(b) => write!(
                f,
                "{}{}",
                b.value.normalize(),
                if b.inclusive { ']' } else { ')' }
            ),
            None => write!(f, "∞)"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn widening_by_a_fraction() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        let w = Interval::closed(d("100"), d("-200").abs()).widen_relative(d("0.01"));
        assert_eq!(w, Interval::closed(d("99"), d("202")));
        let open = Interval::above(d("-50"), false).widen_relative(d("0.1"));
        assert_eq!(open, Interval::above(d("-55"), false));
    }

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn decimal_sums_are_exact() {
        let s = Interval::exact(d("0.1")).add(&Interval::exact(d("0.2")));
        assert_eq!(s, Interval::exact(d("0.3")));
    }

    #[test]
    fn rounded_parts_widen_the_sum() {
        let a = Interval::around(d("125000"), d("500"));
        let b = Interval::around(d("235000"), d("500"));
        let s = a.add(&b);
        assert_eq!(s, Interval::closed(d("359000"), d("361000")));
        assert!(s.overlaps(&Interval::around(d("360000"), d("5000"))));
        assert!(!s.overlaps(&Interval::around(d("380000"), d("5000"))));
    }

    #[test]
    fn open_bounds_touching_do_not_overlap() {
        let a = Interval::above(d("10"), false);
        let b = Interval::below(d("10"), true);
        assert!(!a.overlaps(&b));
        assert!(Interval::above(d("10"), true).overlaps(&b));
        assert!(a.add(&Interval::exact(d("5"))).contains(d("15.0001")));
        assert!(!a.add(&Interval::exact(d("5"))).contains(d("15")));
    }

    #[test]
    fn unbounded_products() {
        let pos = Interval::above(d("2"), true);
        let neg = Interval::closed(d("-3"), d("-1"));
        let p = pos.mul(&neg);
        assert_eq!(p.low, None);
        assert_eq!(p.high.unwrap().value, d("-2"));
        let zero = Interval::exact(Decimal::ZERO);
        assert_eq!(
            Interval::UNBOUNDED.mul(&zero),
            Interval::exact(Decimal::ZERO)
        );
    }

    #[test]
    fn division() {
        let q = Interval::closed(d("42"), d("42")).div(&Interval::closed(d("119.5"), d("120.5")));
        assert!(q.contains(d("0.35")));
        assert!(!q.contains(d("0.36")));
        assert_eq!(
            Interval::exact(d("1")).div(&Interval::closed(d("-1"), d("1"))),
            Interval::UNBOUNDED
        );
        let n = Interval::exact(d("6")).div(&Interval::closed(d("-3"), d("-2")));
        assert!(n.contains(d("-2.5")) && !n.contains(d("2.5")));
    }

    #[test]
    fn overflow_widens_instead_of_failing() {
        let big = Interval::exact(Decimal::MAX);
        let s = big.add(&big);
        assert_eq!(s.high, None);
        assert!(big.mul(&big).high.is_none());
    }

    #[test]
    fn rounded_results_move_outwards() {
        // 1/3 has no exact decimal: the bounds straddle it.
        let third = Interval::exact(d("1")).div(&Interval::exact(d("3")));
        let three = Decimal::from(3);
        assert!(third.low.unwrap().value * three < Decimal::ONE);
        assert!(third.high.unwrap().value * three > Decimal::ONE);
        // A product past 28 digits rounds, and its bounds step outwards.
        let p = Interval::exact(d("-242443854807.00005")).scale(d("8461060320901.000"));
        assert!(p.low.unwrap().value < p.high.unwrap().value);
        // Exact results stay exact.
        assert_eq!(
            Interval::exact(d("2.5")).mul(&Interval::exact(d("2"))),
            Interval::exact(d("5.0"))
        );
        assert_eq!(
            Interval::exact(d("1")).div(&Interval::exact(d("4"))),
            Interval::exact(d("0.25"))
        );
    }

    #[test]
    fn rounding_outward_keeps_every_value() {
        let third = Interval::exact(d("1")).div(&Interval::exact(d("3")));
        let shown = third.round_outward(2);
        assert_eq!(shown, Interval::closed(d("0.33"), d("0.34")));
        assert!(shown.contains(d("0.3333")));
    }

    #[test]
    fn gaps() {
        let a = Interval::closed(d("1"), d("2"));
        let b = Interval::closed(d("5"), d("6"));
        assert_eq!(a.gap(&b), d("3"));
        assert_eq!(b.gap(&a), d("3"));
        assert_eq!(a.gap(&a), Decimal::ZERO);
        let huge = Interval::exact(Decimal::MAX);
        let tiny = Interval::exact(Decimal::MIN);
        assert_eq!(huge.gap(&tiny), Decimal::MAX);
    }
}
