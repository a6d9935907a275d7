//! Time periods and how they relate: the model the extractor fills in and
//! the reconciler asks questions of.
//!
//! A period is half-open, `[start, end)`, at day resolution. Each edge is
//! exact, fuzzy (a band of days it could fall on, as "mid-2015" gives),
//! open, or the start of a count ("the total so far").
//!
//! Where English allows more than one reading ("from January to March" with
//! or without March; "the past year" as the last twelve months or the last
//! calendar year), the period's edges are bands wide enough for every
//! reading, so that a question asked of the edges never rests on a reading
//! the text did not commit to; the readings themselves are kept alongside.
//!
//! The questions the reconciler asks:
//! - [`meet`]: how one period's end meets the next one's start (exact,
//!   plausible with a slack in days, a gap or an overlap in days, unknown);
//! - [`tiles`]: whether parts, in order, tile a total;
//! - [`Period::containment`]: whether one period lies within another;
//! - [`Period::duration_days`] and [`Period::could_last_months`]: how long a
//!   period can be ("the six months from February to August").

use crate::calendar::add_months;
use chrono::NaiveDate;
use serde::Serialize;

/// One edge of a period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edge {
    /// A known day.
    Exact(NaiveDate),
    /// Some day in `[earliest, latest]`.
    Fuzzy {
        earliest: NaiveDate,
        latest: NaiveDate,
    },
    /// No bound is stated ("before 2015" has an open start).
    Open,
    /// The start of whatever is being counted ("the total so far").
    CountStart,
}

impl Edge {
    /// The band of days the edge may fall on, when it is bounded.
    pub fn band(&self) -> Option<(NaiveDate, NaiveDate)> {
        match *self {
            Edge::Exact(d) => Some((d, d)),
            Edge::Fuzzy { earliest, latest } => Some((earliest, latest)),
            Edge::Open | Edge::CountStart => None,
        }
    }

    /// The earliest day, when bounded.
    pub fn earliest(&self) -> Option<NaiveDate> {
        self.band().map(|b| b.0)
    }

    /// The latest day, when bounded.
    pub fn latest(&self) -> Option<NaiveDate> {
        self.band().map(|b| b.1)
    }
}

/// A period attached to a claim.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Period {
    /// The words that state it ("since mid-2015").
    pub text: String,
    /// Byte offsets of those words in the document.
    pub offset: (usize, usize),
    /// Bands wide enough for every reading in `readings`.
    pub start: Edge,
    pub end: Edge,
    /// The readings English allows when there is more than one, the usual
    /// one first; empty when the wording is unambiguous.
    pub readings: Vec<Reading>,
    /// False when the period is relative ("last year") and the document has
    /// no reference date: its edges are then open, not guessed.
    pub resolved: bool,
}

/// One way of reading an ambiguous period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Reading {
    /// What sets this reading apart ("final month included").
    pub label: &'static str,
    #[serde(skip)]
    pub start: Edge,
    #[serde(skip)]
    pub end: Edge,
}

impl Period {
    /// A resolved period with one reading.
    pub fn new(text: impl Into<String>, offset: (usize, usize), start: Edge, end: Edge) -> Period {
        Period {
            text: text.into(),
            offset,
            start,
            end,
            readings: Vec::new(),
            resolved: true,
        }
    }

    /// How this period's end meets the start of `next`.
    pub fn followed_by(&self, next: &Period) -> Meeting {
        meet(&self.end, &next.start)
    }

    /// The fewest and most days the period can last, when both edges are
    /// bounded.
    pub fn duration_days(&self) -> Option<(i64, i64)> {
        let (s0, s1) = self.start.band()?;
        let (e0, e1) = self.end.band()?;
        Some(((e0 - s1).num_days().max(0), (e1 - s0).num_days().max(0)))
    }

    /// Whether the period can last exactly `months` calendar months: some
    /// start in the start band plus `months` lands in the end band. Used to
    /// check wording such as "the six months from February to August".
    pub fn could_last_months(&self, months: u32) -> bool {
        let (Some((s0, s1)), Some((e0, e1))) = (self.start.band(), self.end.band()) else {
            return false;
        };
        // Adding months is monotone, so the band's ends bound the result.
        match (add_months(s0, months as i32), add_months(s1, months as i32)) {
            (Some(lo), Some(hi)) => lo <= e1 && hi >= e0,
            _ => false,
        }
    }

    /// Whether `inner` lies within this period.
    pub fn containment(&self, inner: &Period) -> Containment {
        let (Some(start), Some(end)) = (
            start_order(&self.start, &inner.start),
            end_order(&self.end, &inner.end),
        ) else {
            return Containment::Unknown;
        };
        match (start, end) {
            (Order::Never, _) | (_, Order::Never) => Containment::No,
            (Order::Always, Order::Always) => Containment::Yes,
            _ => Containment::Plausible,
        }
    }
}

/// Whether an ordering between two edges holds for every day of their
/// bands, for some, or for none.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Order {
    Always,
    Sometimes,
    Never,
}

/// Whether `outer` starts no later than `inner`.
fn start_order(outer: &Edge, inner: &Edge) -> Option<Order> {
    if matches!(outer, Edge::Open | Edge::CountStart) {
        return Some(Order::Always);
    }
    let ((o0, o1), (i0, i1)) = (outer.band()?, inner.band()?);
    Some(order(o1 <= i0, o0 <= i1))
}

/// Whether `outer` ends no earlier than `inner`.
fn end_order(outer: &Edge, inner: &Edge) -> Option<Order> {
    if *outer == Edge::Open {
        return Some(Order::Always);
    }
    let ((o0, o1), (i0, i1)) = (outer.band()?, inner.band()?);
    Some(order(o0 >= i1, o1 >= i0))
}

fn order(always: bool, sometimes: bool) -> Order {
    if always {
        Order::Always
    } else if sometimes {
        Order::Sometimes
    } else {
        Order::Never
    }
}

/// Whether one period lies within another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Containment {
    /// Certainly, whatever days the fuzzy edges fall on.
    Yes,
    /// For some days within the fuzzy bands.
    Plausible,
    /// For no days within the bands.
    No,
    /// An edge is open or unresolved on the inner side.
    Unknown,
}

/// How the end of one period meets the start of the next.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Meeting {
    /// Both edges are the same exact day.
    Exact,
    /// The edges' bands share a day; `slack` is how many days apart the
    /// edges could be at most.
    Plausible { slack: i64 },
    /// Days certainly left uncovered between the two.
    Gap { days: i64 },
    /// Days certainly covered by both.
    Overlap { days: i64 },
    /// An edge is open or unresolved.
    Unknown,
}

/// How the end edge of one period meets the start edge of the next.
///
/// Each edge is reduced to its band of days. The result is `Exact` when both
/// are the same exact day, a `Gap` when the end band lies wholly before the
/// start band (days: from the latest end to the earliest start), an
/// `Overlap` when wholly after (days: from the latest start to the earliest
/// end), and otherwise `Plausible` with the largest distance the two edges
/// could be apart. Open and count-start edges give `Unknown`.
pub fn meet(end: &Edge, start: &Edge) -> Meeting {
    let (Some((e0, e1)), Some((s0, s1))) = (end.band(), start.band()) else {
        return Meeting::Unknown;
    };
    if e0 == e1 && s0 == s1 && e0 == s0 {
        return Meeting::Exact;
    }
    if e1 < s0 {
        return Meeting::Gap {
            days: (s0 - e1).num_days(),
        };
    }
    if s1 < e0 {
        return Meeting::Overlap {
            days: (e0 - s1).num_days(),
        };
    }
    Meeting::Plausible {
        slack: (e1 - s0).num_days().max((s1 - e0).num_days()),
    }
}

/// Whether a list of periods tiles a total period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Tiling {
    /// Every edge meets exactly.
    Exact,
    /// Every edge can meet within the fuzzy bands; `slack` in days is the
    /// largest looseness of any joint.
    Plausible { slack: i64 },
    /// Some joint certainly leaves days uncounted.
    Gap { days: i64 },
    /// Some joint certainly counts days twice.
    Overlap { days: i64 },
    /// Too little is known to tell.
    Unknown,
}

/// Whether `parts`, in order, tile `total`: the first starts where the total
/// starts, each ends where the next begins, and the last ends where the
/// total ends. A total that starts at the start of the count accepts any
/// first start.
pub fn tiles(parts: &[&Period], total: &Period) -> Tiling {
    let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
        return Tiling::Unknown;
    };
    let mut joints = Vec::with_capacity(parts.len() + 1);
    if total.start != Edge::CountStart {
        joints.push(meet(&total.start, &first.start));
    }
    for pair in parts.windows(2) {
        joints.push(meet(&pair[0].end, &pair[1].start));
    }
    joints.push(meet(&last.end, &total.end));
    let mut slack = 0;
    let mut exact = true;
    for j in joints {
        match j {
            Meeting::Exact => {}
            Meeting::Plausible { slack: s } => {
                exact = false;
                slack = slack.max(s);
            }
            Meeting::Gap { days } => return Tiling::Gap { days },
            Meeting::Overlap { days } => return Tiling::Overlap { days },
            Meeting::Unknown => return Tiling::Unknown,
        }
    }
    if exact {
        Tiling::Exact
    } else {
        Tiling::Plausible { slack }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn period(start: Edge, end: Edge) -> Period {
        Period::new("", (0, 0), start, end)
    }

    #[test]
    fn the_2016_accounts_periods_tile_plausibly() {
        let mid_2015 = Edge::Fuzzy {
            earliest: d(2015, 5, 1),
            latest: d(2015, 9, 1),
        };
        let first = period(mid_2015, Edge::Exact(d(2016, 2, 5)));
        let six_months = period(
            Edge::Fuzzy {
                earliest: d(2016, 2, 1),
                latest: d(2016, 2, 29),
            },
            Edge::Exact(d(2016, 8, 18)),
        );
        let total = period(Edge::CountStart, Edge::Exact(d(2016, 8, 18)));
        assert!(matches!(
            tiles(&[&first, &six_months], &total),
            Tiling::Plausible { .. }
        ));
    }

    #[test]
    fn gaps_and_overlaps() {
        let a = period(Edge::Exact(d(2016, 1, 1)), Edge::Exact(d(2016, 4, 1)));
        let b = period(Edge::Exact(d(2016, 5, 1)), Edge::Exact(d(2016, 7, 1)));
        let c = period(Edge::Exact(d(2016, 3, 1)), Edge::Exact(d(2016, 7, 1)));
        let total = period(Edge::Exact(d(2016, 1, 1)), Edge::Exact(d(2016, 7, 1)));
        assert_eq!(tiles(&[&a, &b], &total), Tiling::Gap { days: 30 });
        assert_eq!(tiles(&[&a, &c], &total), Tiling::Overlap { days: 31 });
        let b2 = period(Edge::Exact(d(2016, 4, 1)), Edge::Exact(d(2016, 7, 1)));
        assert_eq!(tiles(&[&a, &b2], &total), Tiling::Exact);
        let open = period(Edge::Open, Edge::Exact(d(2016, 7, 1)));
        assert_eq!(tiles(&[&a, &open], &total), Tiling::Unknown);
    }
}
