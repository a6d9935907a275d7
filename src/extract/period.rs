//! Reads the periods a document states ("since mid-2015", "over the last six
//! months", "the total so far", "between 2014 and 2018", "fiscal 2016"),
//! resolves them against the reference date in force where they stand, and
//! attaches to each claim the period that governs it.
//!
//! Three steps: [`atom`] finds calendar phrases with one precompiled
//! pattern; [`compose`](Periods::find) joins them with the words around
//! them into periods ("since X" runs from X to the reference date, "from X
//! to Y" is a range with the final unit included or, as an alternative
//! reading, excluded); [`attach`] gives each claim the nearest period in
//! its sentence.
//!
//! Dates that only say when something was said ("said on Thursday",
//! "Update, August 18, 2016:") are kept as [`Mention::Date`]: they govern
//! no figure, but their numbers are not figures either. "Year-on-year" and
//! "from a year earlier" are [`Mention::Comparison`]s, never periods.
//! Without a reference date, relative periods are kept unresolved (open
//! edges, `resolved: false`); today's clock is never used.

pub mod atom;
mod attach;
mod patterns;
pub mod resolve;

pub use resolve::Options;

use crate::input::Document;
use crate::period::{Edge, Period};
use atom::{Atom, Cal, Unit};
use chrono::NaiveDate;
use resolve::{Span, resolve as resolve_cal};
use std::sync::Arc;

/// A calendar phrase found in a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mention {
    /// A period that can govern the figures near it; shared with the
    /// claims it governs.
    Period(Arc<Period>),
    /// A comparison with the same period `months` earlier ("year-on-year":
    /// 12; 0 when the lag is a week).
    Comparison {
        text: String,
        offset: (usize, usize),
        months: u32,
    },
    /// A date or year that governs no figure (when something was said, a
    /// dateline, a year on its own), resolved like a period.
    Date(Arc<Period>),
}

impl Mention {
    pub fn offset(&self) -> (usize, usize) {
        match self {
            Mention::Period(p) | Mention::Date(p) => p.offset,
            Mention::Comparison { offset, .. } => *offset,
        }
    }
}

/// The calendar phrases of one document, in text order.
#[derive(Clone, Debug, Default)]
pub struct Periods {
    pub mentions: Vec<Mention>,
}

/// The first of a list of spans in text order that ends after a position,
/// for positions asked about in text order: walked forward from the last
/// answer (usually a step or two), and searched for only when a position
/// steps back. A search of all of a long document's spans for each figure
/// missed the cache at every step.
#[derive(Default)]
pub struct Walk {
    first: usize,
    last_at: usize,
}

impl Walk {
    /// The index of the first item that does not end by `at`; `ends_by`
    /// must hold for a prefix of `items` and fail for the rest.
    pub fn seek<T>(&mut self, items: &[T], at: usize, ends_by: impl Fn(&T) -> bool) -> usize {
        if at < self.last_at {
            self.first = items.partition_point(&ends_by);
        } else {
            while items.get(self.first).is_some_and(&ends_by) {
                self.first += 1;
            }
        }
        self.last_at = at;
        self.first
    }
}

/// Answers [`Periods::covers`] for figures in text order, walking the
/// mentions once.
pub struct Cover<'a> {
    mentions: &'a [Mention],
    walk: Walk,
}

impl Cover<'_> {
    pub fn covers(&mut self, start: usize, end: usize) -> bool {
        let first = self
            .walk
            .seek(self.mentions, start, |m| m.offset().1 <= start);
        self.mentions[first..]
            .iter()
            .take_while(|m| m.offset().0 < end)
            .any(|m| m.offset().0 <= start && end <= m.offset().1)
    }
}

impl Periods {
    /// Finds the periods of a document, each resolved against the reference
    /// date in force where it stands. `lower` is the ASCII lower-cased text.
    pub fn find(doc: &Document, lower: &str, opts: &Options) -> Periods {
        Periods {
            mentions: find(&doc.text, lower, |at| doc.date_at(at), opts),
        }
    }

    /// The periods alone, without comparisons ("year on year").
    pub fn into_periods(self) -> Vec<Arc<Period>> {
        self.mentions
            .into_iter()
            .filter_map(|m| match m {
                Mention::Period(p) => Some(p),
                _ => None,
            })
            .collect()
    }

    /// Whether a figure at `[start, end)` is part of a period phrase ("the
    /// last 3 months", "Q3 2016"), and so no figure of its own.
    pub fn covers(&self, start: usize, end: usize) -> bool {
        self.cover().covers(start, end)
    }

    /// [`Periods::covers`] for figures asked about in text order.
    pub fn cover(&self) -> Cover<'_> {
        Cover {
            mentions: &self.mentions,
            walk: Walk::default(),
        }
    }

    /// What gives each claim the period that governs it in its sentence,
    /// for claims given in text order.
    pub fn attach(&self) -> attach::Attach<'_> {
        attach::Attach::new(self)
    }
}

/// Words before "from" that make it the base of a change ("up 5% from
/// 2015"), not the start of a period.
const CHANGE_WORDS: &[&str] = &[
    "up",
    "down",
    "rose",
    "risen",
    "rise",
    "rising",
    "fell",
    "fallen",
    "fall",
    "falling",
    "increase",
    "increased",
    "increasing",
    "decrease",
    "decreased",
    "grew",
    "grown",
    "growth",
    "dropped",
    "drop",
    "declined",
    "decline",
    "jumped",
    "jump",
    "climbed",
    "compared",
    "change",
    "changed",
    "higher",
    "lower",
    "more",
    "less",
    "fewer",
    "gain",
    "gained",
    "slipped",
    "slid",
    "surged",
    "soared",
    "plunged",
    "tumbled",
    "edged",
    "cut",
    "raised",
    "doubled",
    "tripled",
    "halved",
    "improved",
    "worsened",
    "widened",
    "narrowed",
    "shrank",
    "expanded",
];

/// What a leading word does to the phrase after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lead {
    /// "since", "from", "starting": from the phrase to the reference date.
    Since,
    /// "until", "through": up to the end of the phrase, start unstated.
    Until,
    /// "by", "as of": a count up to the end of the phrase.
    By,
    Before,
    After,
    /// "between": a range follows.
    Between,
    /// "in", "during", "over", "for": the phrase itself.
    In,
    /// "on": a day, which dates a statement rather than a figure.
    On,
    /// "and", "of": context only; not part of the period's words.
    Weak,
    /// "from" after a change ("up 5% from 2015"): the base of a comparison.
    Base,
    /// "the 12 months to": a period of `n` units ending with the phrase.
    UnitsTo {
        n: u32,
        unit: Unit,
    },
    None,
}

/// Up to `n` words right before `at`, nearest first, with their starts;
/// punctuation other than white space ends the run.
fn words_before(lower: &str, at: usize, n: usize) -> Vec<(usize, &str)> {
    let b = lower.as_bytes();
    let mut out = Vec::with_capacity(n);
    let mut i = at;
    while out.len() < n {
        let mut end = i;
        while end > 0 && b[end - 1].is_ascii_whitespace() {
            end -= 1;
        }
        if end == i && i != at {
            break;
        }
        let mut start = end;
        while start > 0 && (b[start - 1].is_ascii_alphanumeric() || b[start - 1] == b'-') {
            start -= 1;
        }
        if start == end {
            break;
        }
        out.push((start, &lower[start..end]));
        i = start;
    }
    out
}

/// A lead and where its words start.
fn lead(lower: &str, at: usize) -> (Lead, usize) {
    let mut w = words_before(lower, at, 6);
    // "since the third quarter": "the" belongs to neither.
    if w.first().is_some_and(|x| x.1 == "the") {
        w.remove(0);
    }
    let word = |k: usize| w.get(k).map_or("", |x| x.1);
    let start = |k: usize| w.get(k).map_or(at, |x| x.0);
    if let Some(l) = units_to_lead(&w) {
        return l;
    }
    match (word(2), word(1), word(0)) {
        ("no", "later", "than") => return (Lead::Until, start(2)),
        (_, "later" | "greater", "than") => return (Lead::After, start(1)),
        (_, "as", "of") => return (Lead::By, start(1)),
        (_, "starting" | "beginning", "in" | "on" | "from") => return (Lead::Since, start(1)),
        _ => {}
    }
    let kind = match word(0) {
        "since" | "starting" | "beginning" => Lead::Since,
        "from" if follows_change(lower, start(0)) => Lead::Base,
        "from" => Lead::Since,
        "until" | "till" | "through" => Lead::Until,
        "by" => Lead::By,
        "before" => Lead::Before,
        "after" => Lead::After,
        "between" => Lead::Between,
        "in" | "during" | "over" | "for" | "throughout" => Lead::In,
        "on" => Lead::On,
        "and" | "of" => Lead::Weak,
        _ => return (Lead::None, at),
    };
    (kind, start(0))
}

/// "the 12 months to", "the year ended", "the three months through".
fn units_to_lead(w: &[(usize, &str)]) -> Option<(Lead, usize)> {
    let (_, joint) = w.first()?;
    if !matches!(*joint, "to" | "ended" | "ending" | "through") {
        return None;
    }
    let &(mut start, u) = w.get(1)?;
    let unit = match u.trim_end_matches('s') {
        "year" => Unit::Year,
        "month" => Unit::Month,
        "quarter" => Unit::Quarter,
        "week" => Unit::Week,
        _ => return None,
    };
    let mut n = 1;
    let mut next = 2;
    if let Some(&(s, c)) = w.get(2)
        && let Some(k) = atom::count(c)
    {
        n = k;
        start = s;
        next = 3;
    }
    if let Some(&(s, "the")) = w.get(next) {
        start = s;
    }
    Some((Lead::UnitsTo { n, unit }, start))
}

fn follows_change(lower: &str, at: usize) -> bool {
    let mut from = at.saturating_sub(60);
    while !lower.is_char_boundary(from) {
        from += 1;
    }
    lower[from..at]
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .rev()
        .take(5)
        .any(|w| CHANGE_WORDS.contains(&w))
}

/// Whether words join two calendar phrases into a range. Every joint
/// leaves the final phrase's inclusion open: even "2014 through 2018" is
/// read by some as ending when 2018 begins, so both readings are kept.
fn range_joint(between: &str, after_between: bool) -> Option<bool> {
    match between.trim() {
        "-" | "–" | "—" | "~" | "to" | "until" | "till" | "into" | "through" | "thru" => {
            Some(true)
        }
        "and" if after_between => Some(true),
        _ => None,
    }
}

/// Whether a phrase can be one end of a range.
fn rangeable(c: &Cal) -> bool {
    matches!(
        c,
        Cal::Day { .. }
            | Cal::Month { .. }
            | Cal::Year { .. }
            | Cal::Quarter { .. }
            | Cal::Half { .. }
            | Cal::Decade { .. }
            | Cal::Fiscal { .. }
            | Cal::DaysBack(_)
    )
}

/// Whether a phrase can bound a longer period ("since X").
fn boundable(c: &Cal) -> bool {
    rangeable(c)
        || matches!(
            c,
            Cal::RelUnit { .. }
                | Cal::Weekday { .. }
                | Cal::SpanYear { .. }
                | Cal::Ago { .. }
                | Cal::Weekend { .. }
        )
}

/// Whether a phrase names a day, which on its own dates a statement.
fn is_day(c: &Cal) -> bool {
    matches!(c, Cal::Day { .. } | Cal::Weekday { .. } | Cal::DaysBack(_))
}

/// Every calendar phrase of a text, resolved against `date_at(offset)`.
pub fn find(
    text: &str,
    lower: &str,
    date_at: impl Fn(usize) -> Option<NaiveDate>,
    opts: &Options,
) -> Vec<Mention> {
    let atoms = atom::atoms(text, lower);
    let mut out: Vec<Mention> = Vec::with_capacity(atoms.len());
    let mut i = 0;
    while i < atoms.len() {
        let a = atoms[i];
        let r = narrative_date(text, &out, a.start, date_at(a.start));
        if let Cal::Comparison { months } = a.cal {
            out.push(Mention::Comparison {
                text: text[a.start..a.end].to_string(),
                offset: (a.start, a.end),
                months,
            });
            i += 1;
            continue;
        }
        let (lead, lead_start) = lead(lower, a.start);
        if let Some(b) = atoms.get(i + 1)
            && let Some(m) = range_mention(text, lower, &a, b, lead, lead_start, r, opts)
        {
            out.push(m);
            i += 2;
            continue;
        }
        out.push(single(text, &a, lead, lead_start, r, opts));
        i += 1;
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn range_mention(
    text: &str,
    lower: &str,
    a: &Atom,
    b: &Atom,
    lead: Lead,
    lead_start: usize,
    r: Option<NaiveDate>,
    opts: &Options,
) -> Option<Mention> {
    if !rangeable(&a.cal) || !rangeable(&b.cal) || b.start < a.end {
        return None;
    }
    let ambiguous = range_joint(&lower[a.end..b.start], lead == Lead::Between)?;
    let (ca, cb) = share_year(&a.cal, &b.cal, r, opts);
    let start = if matches!(lead, Lead::Since | Lead::Between | Lead::In) {
        lead_start
    } else {
        a.start
    };
    let offset = (start, b.end);
    let words = text[start..b.end].to_string();
    let (Some(x), Some(y)) = (resolve_cal(&ca, r, opts), resolve_cal(&cb, r, opts)) else {
        return Some(Mention::Period(Arc::new(unresolved(words, offset))));
    };
    let span = resolve::range(&x, &y, ambiguous);
    Some(Mention::Period(Arc::new(to_period(words, offset, span))))
}

/// Gives a range's phrases the year the other states ("January to March
/// 2016"; "November to February 2017" starts in 2016; "2015 from May to
/// July"). With no year at all, the first phrase is the latest such one at
/// or before the reference date and the second follows it.
fn share_year(a: &Cal, b: &Cal, r: Option<NaiveDate>, opts: &Options) -> (Cal, Cal) {
    use atom::YearRef;
    use chrono::Datelike;
    let month_of = |c: &Cal| match *c {
        Cal::Day { m, .. } | Cal::Month { m, .. } => Some(m),
        _ => None,
    };
    let year_of = |c: &Cal| match *c {
        Cal::Day { y: Some(y), .. }
        | Cal::Month {
            y: YearRef::Year(y),
            ..
        } => Some(y),
        _ => None,
    };
    let set_year = |c: &Cal, y: i32| match *c {
        Cal::Day { y: None, m, d } => Cal::Day { y: Some(y), m, d },
        Cal::Month {
            y: YearRef::Nearest,
            m,
            md,
        } => Cal::Month {
            y: YearRef::Year(y),
            m,
            md,
        },
        other => other,
    };
    let (Some(am), Some(bm)) = (month_of(a), month_of(b)) else {
        return (*a, *b);
    };
    let backwards = am > bm;
    match (year_of(a), year_of(b)) {
        (None, Some(by)) => (set_year(a, if backwards { by - 1 } else { by }), *b),
        (Some(ay), None) => (*a, set_year(b, if backwards { ay + 1 } else { ay })),
        (None, None) => {
            let Some(ay) = resolve_cal(a, r, opts)
                .and_then(|s| s.start.earliest())
                .map(|d| d.year())
            else {
                return (*a, *b);
            };
            (
                set_year(a, ay),
                set_year(b, if backwards { ay + 1 } else { ay }),
            )
        }
        _ => (*a, *b),
    }
}

fn unresolved(text: String, offset: (usize, usize)) -> Period {
    Period {
        resolved: false,
        ..Period::new(text, offset, Edge::Open, Edge::Open)
    }
}

fn to_period(text: String, offset: (usize, usize), span: Span) -> Period {
    Period {
        readings: span.readings,
        ..Period::new(text, offset, span.start, span.end)
    }
}

/// The date relative periods count from at `at`: the reference date in
/// force, or an earlier day the same sentence has already named ("When it
/// first disclosed figures on 5 February 2016, it said it had suspended
/// 125,000 accounts since mid-2015": since mid-2015 until 5 February).
fn narrative_date(
    text: &str,
    found: &[Mention],
    at: usize,
    r: Option<NaiveDate>,
) -> Option<NaiveDate> {
    let r = r?;
    let Some(Mention::Date(p)) = found.last() else {
        return Some(r);
    };
    let (Edge::Exact(day), Edge::Exact(next)) = (p.start, p.end) else {
        return Some(r);
    };
    let one_day = next.pred_opt() == Some(day);
    // Any full stop between the two may end the sentence: then keep R.
    let same_sentence = !text[p.offset.1..at].contains(['.', '!', '?', '\n']);
    if one_day && same_sentence && day < r {
        Some(day)
    } else {
        Some(r)
    }
}

/// One calendar phrase with the word before it.
fn single(
    text: &str,
    a: &Atom,
    lead: Lead,
    lead_start: usize,
    r: Option<NaiveDate>,
    opts: &Options,
) -> Mention {
    let date = || {
        let words = text[a.start..a.end].to_string();
        let offset = (a.start, a.end);
        Mention::Date(Arc::new(match resolve_cal(&a.cal, r, opts) {
            Some(x) => to_period(words, offset, x),
            None => unresolved(words, offset),
        }))
    };
    let strong = matches!(
        lead,
        Lead::Since | Lead::Until | Lead::By | Lead::Before | Lead::After | Lead::UnitsTo { .. }
    );
    let bounding = strong && boundable(&a.cal);
    if lead == Lead::Base {
        return date();
    }
    // A day on its own dates a statement; a bare year may be anything.
    if !bounding
        && (is_day(&a.cal)
            || (matches!(a.cal, Cal::Year { md: None, .. })
                && matches!(lead, Lead::None | Lead::On)))
    {
        return date();
    }
    let start = if bounding || matches!(lead, Lead::In | Lead::Between) {
        lead_start
    } else {
        a.start
    };
    let offset = (start, a.end);
    let words = text[start..a.end].to_string();
    let Some(x) = resolve_cal(&a.cal, r, opts) else {
        return Mention::Period(Arc::new(unresolved(words, offset)));
    };
    if !bounding {
        return Mention::Period(Arc::new(to_period(words, offset, x)));
    }
    let to_ref = |start: Edge| match r {
        Some(r) => Period::new(words.clone(), offset, start, Edge::Exact(r)),
        None => Period {
            resolved: false,
            ..Period::new(words.clone(), offset, start, Edge::Open)
        },
    };
    let p = match lead {
        Lead::Since => to_ref(x.as_start),
        Lead::Until => until(words.clone(), offset, &x),
        Lead::By => Period::new(words.clone(), offset, Edge::CountStart, x.as_end),
        Lead::Before => Period::new(words.clone(), offset, Edge::Open, x.as_start),
        Lead::After => Period::new(words.clone(), offset, x.as_end, Edge::Open),
        Lead::UnitsTo { n, unit } => units_to(words.clone(), offset, &x.as_end, n, unit),
        _ => to_period(words.clone(), offset, x),
    };
    Mention::Period(Arc::new(p))
}

/// "Until April 27": up to the end of the phrase, or, as some read it,
/// its start.
fn until(text: String, offset: (usize, usize), x: &Span) -> Period {
    let mut p = Period::new(
        text,
        offset,
        Edge::Open,
        resolve::merge(&x.as_end, &x.as_start),
    );
    if x.as_end != x.as_start {
        p.readings = vec![
            crate::period::Reading {
                label: "final unit included",
                start: Edge::Open,
                end: x.as_end,
            },
            crate::period::Reading {
                label: "final unit excluded",
                start: Edge::Open,
                end: x.as_start,
            },
        ];
    }
    p
}

/// "The 12 months to June": `n` units ending where the phrase ends.
fn units_to(text: String, offset: (usize, usize), end: &Edge, n: u32, unit: Unit) -> Period {
    let back = |d: NaiveDate| resolve::shift(d, unit, -(n as i32));
    let start = match *end {
        Edge::Exact(d) => back(d).map(Edge::Exact),
        Edge::Fuzzy { earliest, latest } => match (back(earliest), back(latest)) {
            (Some(a), Some(b)) => Some(Edge::Fuzzy {
                earliest: a,
                latest: b,
            }),
            _ => None,
        },
        _ => None,
    };
    Period::new(text, offset, start.unwrap_or(Edge::Open), *end)
}

#[cfg(test)]
mod tests;
