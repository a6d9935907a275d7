//! Turns calendar phrases into days, given the reference date in force.
//!
//! Bands: "early", "mid" and "late" a year are January-April, May-August
//! and September-December; of a month, days 1-15, 10-20 and 16 to the end;
//! of a decade, its years 0-3, 3-6 and 6-9. A bare month, quarter, half or
//! day of the month is the latest one that has started by the reference
//! date: news looks back.

use super::atom::{Cal, Mod, Rel, Unit, YearRef};
use crate::calendar::{add_months, week_start};
use crate::period::{Edge, Reading};
use chrono::{Datelike, Duration, NaiveDate};

/// A resolved calendar phrase: the period it names, and the edges it gives
/// when it bounds a longer period ("since mid-2015", "until the end of
/// 2008").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub start: Edge,
    pub end: Edge,
    /// As the start of a longer period.
    pub as_start: Edge,
    /// As the end of a longer period.
    pub as_end: Edge,
    pub readings: Vec<Reading>,
}

impl Span {
    fn exact(start: NaiveDate, end: NaiveDate) -> Span {
        Span {
            start: Edge::Exact(start),
            end: Edge::Exact(end),
            as_start: Edge::Exact(start),
            as_end: Edge::Exact(end),
            readings: Vec::new(),
        }
    }

    /// A period somewhere within `[lo, hi)`; `md` says whether a bounding
    /// use of it is exact ("the end of 2008" as an end edge).
    fn band(lo: NaiveDate, hi: NaiveDate, md: Mod, whole: (NaiveDate, NaiveDate)) -> Span {
        let fuzzy = Edge::Fuzzy {
            earliest: lo,
            latest: hi,
        };
        let last = hi.pred_opt().unwrap_or(hi);
        let first = lo.succ_opt().unwrap_or(lo);
        Span {
            start: Edge::Fuzzy {
                earliest: lo,
                latest: last,
            },
            end: Edge::Fuzzy {
                earliest: first,
                latest: hi,
            },
            as_start: if md == Mod::Start {
                Edge::Exact(whole.0)
            } else {
                fuzzy
            },
            as_end: if md == Mod::End {
                Edge::Exact(whole.1)
            } else {
                fuzzy
            },
            readings: Vec::new(),
        }
    }

    /// Two readings: the edges become bands holding both.
    fn either(
        a: (NaiveDate, NaiveDate, &'static str),
        b: (NaiveDate, NaiveDate, &'static str),
    ) -> Span {
        let start = hull(a.0, b.0);
        let end = hull(a.1, b.1);
        let readings = if a.0 == b.0 && a.1 == b.1 {
            Vec::new()
        } else {
            vec![
                Reading {
                    label: a.2,
                    start: Edge::Exact(a.0),
                    end: Edge::Exact(a.1),
                },
                Reading {
                    label: b.2,
                    start: Edge::Exact(b.0),
                    end: Edge::Exact(b.1),
                },
            ]
        };
        Span {
            as_start: start,
            as_end: end,
            start,
            end,
            readings,
        }
    }
}

/// An edge covering two days: exact when they agree, else a band.
pub fn hull(a: NaiveDate, b: NaiveDate) -> Edge {
    if a == b {
        Edge::Exact(a)
    } else {
        Edge::Fuzzy {
            earliest: a.min(b),
            latest: a.max(b),
        }
    }
}

/// Settings for reading periods.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The month (1-12) a fiscal year starts in. A fiscal year is named
    /// after the calendar year it ends in ("fiscal 2016" with an October
    /// start runs from 1 October 2015). Unknown: wide fuzzy edges.
    pub fiscal_year_start: Option<u32>,
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn year_bounds(y: i32) -> Option<(NaiveDate, NaiveDate)> {
    Some((ymd(y, 1, 1)?, ymd(y + 1, 1, 1)?))
}

fn month_bounds(y: i32, m: u32) -> Option<(NaiveDate, NaiveDate)> {
    let s = ymd(y, m, 1)?;
    Some((s, add_months(s, 1)?))
}

/// The band a modifier gives within `[s, e)`, a unit of `unit`.
fn mod_band(s: NaiveDate, e: NaiveDate, md: Mod, unit: Unit) -> Option<(NaiveDate, NaiveDate)> {
    let early = matches!(md, Mod::Early | Mod::Start);
    let late = matches!(md, Mod::Late | Mod::End);
    match unit {
        Unit::Year | Unit::Decade => {
            let months = if unit == Unit::Year { 1 } else { 12 };
            let (a, b) = if early {
                (0, 4)
            } else if late {
                (8, 12)
            } else {
                (4, 8)
            };
            let (a, b) = if unit == Unit::Decade {
                if early {
                    (0, 4)
                } else if late {
                    (6, 10)
                } else {
                    (3, 7)
                }
            } else {
                (a, b)
            };
            Some((
                add_months(s, a * months)?,
                add_months(s, b * months)?.min(e),
            ))
        }
        Unit::Month => {
            let (a, b) = if early {
                (0, 15)
            } else if late {
                (15, (e - s).num_days())
            } else {
                (9, 20)
            };
            Some((s + Duration::days(a), s + Duration::days(b)))
        }
        Unit::Week | Unit::Day | Unit::Quarter => {
            let len = (e - s).num_days();
            let (a, b) = if early {
                (0, len / 2)
            } else if late {
                (len / 2, len)
            } else {
                (len / 4, len - len / 4)
            };
            Some((s + Duration::days(a), s + Duration::days(b)))
        }
    }
}

fn modified(whole: (NaiveDate, NaiveDate), md: Option<Mod>, unit: Unit) -> Option<Span> {
    match md {
        None => Some(Span::exact(whole.0, whole.1)),
        Some(md) => {
            let (lo, hi) = mod_band(whole.0, whole.1, md, unit)?;
            Some(Span::band(lo, hi, md, whole))
        }
    }
}

/// The start of the calendar unit holding `d`.
pub fn unit_start(d: NaiveDate, unit: Unit) -> Option<NaiveDate> {
    match unit {
        Unit::Day => Some(d),
        Unit::Week => Some(week_start(d)),
        Unit::Month => ymd(d.year(), d.month(), 1),
        Unit::Quarter => ymd(d.year(), (d.month0() / 3) * 3 + 1, 1),
        Unit::Year => ymd(d.year(), 1, 1),
        Unit::Decade => ymd(d.year() - d.year().rem_euclid(10), 1, 1),
    }
}

/// `d` moved by `n` units.
pub fn shift(d: NaiveDate, unit: Unit, n: i32) -> Option<NaiveDate> {
    match unit {
        Unit::Day => d.checked_add_signed(Duration::days(n as i64)),
        Unit::Week => d.checked_add_signed(Duration::days(7 * n as i64)),
        Unit::Month => add_months(d, n),
        Unit::Quarter => add_months(d, 3 * n),
        Unit::Year => add_months(d, 12 * n),
        Unit::Decade => add_months(d, 120 * n),
    }
}

fn resolve_year(y: YearRef, r: Option<NaiveDate>) -> Option<i32> {
    match y {
        YearRef::Year(y) => Some(y),
        YearRef::Rel(k) => Some(r?.year() + k),
        YearRef::Nearest | YearRef::Previous => None,
    }
}

/// Whether a phrase needs the reference date to be placed in time.
pub fn is_relative(cal: &Cal) -> bool {
    match *cal {
        Cal::Day { y, .. } | Cal::DayRange { y, .. } => y.is_none(),
        Cal::Month { y, .. }
        | Cal::Year { y, .. }
        | Cal::Quarter { y, .. }
        | Cal::Half { y, .. } => !matches!(y, YearRef::Year(_)),
        Cal::Decade { .. } | Cal::SpanYear { .. } | Cal::YearRange { .. } | Cal::Fiscal { .. } => {
            false
        }
        _ => true,
    }
}

/// The days a phrase names, or `None` when it names none (a comparison,
/// "so far") or needs a reference date it does not have.
pub fn resolve(cal: &Cal, r: Option<NaiveDate>, opts: &Options) -> Option<Span> {
    match *cal {
        Cal::Day { y, m, d } => {
            let day = match y {
                Some(y) => ymd(y, m, d)?,
                None => nearest_day(m, d, r?)?,
            };
            Some(Span::exact(day, day.succ_opt()?))
        }
        Cal::DayRange { y, m1, d1, m2, d2 } => day_range(y, m1, d1, m2, d2, r),
        Cal::Month {
            y: YearRef::Previous,
            m,
            md,
        } => {
            let r = r?;
            // The latest such month that is over; the one before it as the
            // other reading.
            let year = if m < r.month() {
                r.year()
            } else {
                r.year() - 1
            };
            let (s, e) = month_bounds(year, m)?;
            let (s0, e0) = month_bounds(year - 1, m)?;
            if md.is_some() || m == r.month() {
                return modified((s, e), md, Unit::Month);
            }
            Some(Span::either(
                (s, e, "the latest such month"),
                (s0, e0, "the one before the latest"),
            ))
        }
        Cal::Month { y, m, md } => {
            let year = match resolve_year(y, r) {
                Some(y) => y,
                None => nearest_month_year(m, r?),
            };
            modified(month_bounds(year, m)?, md, Unit::Month)
        }
        Cal::Year { y, md } => modified(year_bounds(resolve_year(y, r)?)?, md, Unit::Year),
        Cal::Decade { y, md } => modified((ymd(y, 1, 1)?, ymd(y + 10, 1, 1)?), md, Unit::Decade),
        Cal::SpanYear { y } => spanning_year(y),
        Cal::YearRange { y1, y2 } => Some(range(
            &Span::exact(ymd(y1, 1, 1)?, ymd(y1 + 1, 1, 1)?),
            &Span::exact(ymd(y2, 1, 1)?, ymd(y2 + 1, 1, 1)?),
            true,
        )),
        Cal::Quarter { y, q } => {
            let year = match resolve_year(y, r) {
                Some(y) => y,
                None => nearest_start(r?, |yy| ymd(yy, 3 * q - 2, 1))?,
            };
            let s = ymd(year, 3 * q - 2, 1)?;
            Some(Span::exact(s, add_months(s, 3)?))
        }
        Cal::Half { y, h } => {
            let year = match resolve_year(y, r) {
                Some(y) => y,
                None => nearest_start(r?, |yy| ymd(yy, 6 * h - 5, 1))?,
            };
            let s = ymd(year, 6 * h - 5, 1)?;
            Some(Span::exact(s, add_months(s, 6)?))
        }
        Cal::Fiscal { y, span } => fiscal(y, span, opts),
        Cal::RelUnit { rel, unit, md } => rel_unit(rel, unit, md, r?),
        Cal::LastN { n, unit, back } => last_n(n, unit, back, r?),
        Cal::Ago { n, unit } => ago(n, unit, r?),
        Cal::DaysBack(n) => {
            let d = r?.checked_sub_signed(Duration::days(n as i64))?;
            Some(Span::exact(d, d.succ_opt()?))
        }
        Cal::Weekday { wd, strict } => {
            let r = r?;
            let back = (7 + r.weekday().num_days_from_monday() as i64
                - wd.num_days_from_monday() as i64)
                % 7;
            let back = if strict && back == 0 { 7 } else { back };
            let d = r - Duration::days(back);
            Some(Span::exact(d, d.succ_opt()?))
        }
        Cal::Weekend { rel } => {
            let r = r?;
            let this = week_start(r) + Duration::days(5);
            let sat = match rel {
                Rel::This => this,
                Rel::Next => this + Duration::days(7),
                // The latest weekend that is over, or under way.
                Rel::Last if r >= this => this,
                Rel::Last => this - Duration::days(7),
            };
            Some(Span::exact(sat, sat + Duration::days(2)))
        }
        Cal::ToDate { unit } => {
            let r = r?;
            Some(Span::exact(unit_start(r, unit)?, r))
        }
        Cal::SoFarIn { y } => {
            let r = r?;
            Some(Span::exact(ymd(y, 1, 1)?, r.min(ymd(y + 1, 1, 1)?)))
        }
        Cal::SoFar => {
            let r = r?;
            Some(Span {
                start: Edge::CountStart,
                end: Edge::Exact(r),
                as_start: Edge::CountStart,
                as_end: Edge::Exact(r),
                readings: Vec::new(),
            })
        }
        Cal::Comparison { .. } => None,
    }
}

/// "2015-16": a season or financial year starting some time in 2015.
fn spanning_year(y: i32) -> Option<Span> {
    let (s, e) = year_bounds(y)?;
    let start = Edge::Fuzzy {
        earliest: s,
        latest: e.pred_opt()?,
    };
    let end = Edge::Fuzzy {
        earliest: add_months(s, 12)?,
        latest: add_months(e, 12)?.pred_opt()?,
    };
    Some(Span {
        start,
        end,
        as_start: start,
        as_end: end,
        readings: Vec::new(),
    })
}

/// The latest year in which `start_of(year)` is at or before `r`.
fn nearest_start(r: NaiveDate, start_of: impl Fn(i32) -> Option<NaiveDate>) -> Option<i32> {
    let y = r.year();
    if start_of(y)? <= r {
        Some(y)
    } else {
        Some(y - 1)
    }
}

fn nearest_month_year(m: u32, r: NaiveDate) -> i32 {
    if m <= r.month() {
        r.year()
    } else {
        r.year() - 1
    }
}

fn nearest_day(m: u32, d: u32, r: NaiveDate) -> Option<NaiveDate> {
    // 29 February needs a leap year: look back far enough to find one.
    (0..9)
        .filter_map(|k| ymd(r.year() - k, m, d))
        .find(|day| *day <= r)
}

fn day_range(
    y: Option<i32>,
    m1: u32,
    d1: u32,
    m2: u32,
    d2: u32,
    r: Option<NaiveDate>,
) -> Option<Span> {
    let y2 = match y {
        Some(y) => y,
        None => nearest_day(m2, d2, r?)?.year(),
    };
    let y1 = if (m1, d1) > (m2, d2) { y2 - 1 } else { y2 };
    let a = ymd(y1, m1, d1)?;
    let b = ymd(y2, m2, d2)?;
    if b < a {
        return None;
    }
    Some(range(
        &Span::exact(a, a.succ_opt()?),
        &Span::exact(b, b.succ_opt()?),
        true,
    ))
}

/// A period from one phrase to another: the final phrase included (the
/// usual reading) or excluded. `ambiguous` is false for "through".
pub fn range(from: &Span, to: &Span, ambiguous: bool) -> Span {
    let start = from.as_start;
    if !ambiguous {
        return Span {
            start,
            end: to.as_end,
            as_start: start,
            as_end: to.as_end,
            readings: Vec::new(),
        };
    }
    let end = merge(&to.as_end, &to.as_start);
    Span {
        start,
        end,
        as_start: start,
        as_end: end,
        readings: vec![
            Reading {
                label: "final unit included",
                start,
                end: to.as_end,
            },
            Reading {
                label: "final unit excluded",
                start,
                end: to.as_start,
            },
        ],
    }
}

/// An edge wide enough for both.
pub fn merge(a: &Edge, b: &Edge) -> Edge {
    match (a.band(), b.band()) {
        (Some((a0, a1)), Some((b0, b1))) => {
            let (lo, hi) = (a0.min(b0), a1.max(b1));
            if lo == hi {
                Edge::Exact(lo)
            } else {
                Edge::Fuzzy {
                    earliest: lo,
                    latest: hi,
                }
            }
        }
        _ => *a,
    }
}

fn fiscal(y: i32, span: bool, opts: &Options) -> Option<Span> {
    // The calendar year a fiscal year mostly falls in: named by its end,
    // or the first of "2015-16".
    let first_year = if span { y } else { y - 1 };
    match opts.fiscal_year_start {
        Some(1) if !span => Some(Span::exact(ymd(y, 1, 1)?, ymd(y + 1, 1, 1)?)),
        Some(m) if (1..=12).contains(&m) => {
            let s = ymd(first_year, m, 1)?;
            Some(Span::exact(s, add_months(s, 12)?))
        }
        _ => {
            // Unknown start: any month from February of the year before
            // (named by its end) to April of the year itself (named by its
            // start, as in Japan and India), or the calendar year.
            let (lo, hi) = if span {
                (ymd(y, 2, 1)?, ymd(y, 12, 1)?)
            } else {
                (ymd(y - 1, 2, 1)?, ymd(y, 4, 1)?)
            };
            let start = Edge::Fuzzy {
                earliest: lo,
                latest: hi,
            };
            let end = Edge::Fuzzy {
                earliest: add_months(lo, 12)?,
                latest: add_months(hi, 12)?,
            };
            Some(Span {
                start,
                end,
                as_start: start,
                as_end: end,
                readings: Vec::new(),
            })
        }
    }
}

fn rel_unit(rel: Rel, unit: Unit, md: Option<Mod>, r: NaiveDate) -> Option<Span> {
    let current = unit_start(r, unit)?;
    let s = match rel {
        Rel::Last => shift(current, unit, -1)?,
        Rel::This => current,
        Rel::Next => shift(current, unit, 1)?,
    };
    let e = shift(s, unit, 1)?;
    if md.is_some() {
        return modified((s, e), md, unit);
    }
    if rel == Rel::This {
        // "this year": to the reference date, or the whole year.
        return Some(Span::either(
            (s, e, "the whole unit"),
            (s, r.max(s), "to the reference date"),
        ));
    }
    Some(Span::exact(s, e))
}

fn last_n(n: u32, unit: Unit, back: bool, r: NaiveDate) -> Option<Span> {
    let n = n as i32;
    if !back {
        let s = r.succ_opt()?;
        return Some(Span::exact(s, shift(s, unit, n)?));
    }
    let rolling = (shift(r, unit, -n)?, r, "back from the reference date");
    let current = unit_start(r, unit)?;
    let calendar = (shift(current, unit, -n)?, current, "whole calendar units");
    if unit == Unit::Day {
        return Some(Span::exact(rolling.0, rolling.1));
    }
    Some(Span::either(rolling, calendar))
}

fn ago(n: u32, unit: Unit, r: NaiveDate) -> Option<Span> {
    let n = n as i32;
    match unit {
        Unit::Decade | Unit::Year => {
            let years = if unit == Unit::Decade { 10 * n } else { n };
            let (s, e) = year_bounds(r.year() - years)?;
            Some(Span::exact(s, e))
        }
        _ => {
            let then = shift(r, unit, -n)?;
            let s = unit_start(then, unit)?;
            Some(Span::exact(s, shift(s, unit, 1)?))
        }
    }
}
