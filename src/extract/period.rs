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
pub mod resolve;

pub use resolve::Options;

use crate::input::Document;
use crate::period::{Edge, Period};
use atom::{Atom, Cal, Unit};
use chrono::NaiveDate;
use regex::Regex;
use resolve::{Span, resolve as resolve_cal};
use std::sync::LazyLock;

/// A calendar phrase found in a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mention {
    /// A period that can govern the figures near it.
    Period(Period),
    /// A comparison with the same period `months` earlier ("year-on-year":
    /// 12; 0 when the lag is a week).
    Comparison {
        text: String,
        offset: (usize, usize),
        months: u32,
    },
    /// A date that governs no figure (when something was said, a dateline).
    Date { offset: (usize, usize) },
}

impl Mention {
    pub fn offset(&self) -> (usize, usize) {
        match self {
            Mention::Period(p) => p.offset,
            Mention::Comparison { offset, .. } | Mention::Date { offset } => *offset,
        }
    }
}

/// The calendar phrases of one document, in text order.
#[derive(Clone, Debug, Default)]
pub struct Periods {
    pub mentions: Vec<Mention>,
}

impl Periods {
    /// Finds the periods of a document, each resolved against the reference
    /// date in force where it stands. `lower` is the ASCII lower-cased text.
    pub fn find(doc: &Document, lower: &str, opts: &Options) -> Periods {
        Periods {
            mentions: find(&doc.text, lower, |at| doc.date_at(at), opts),
        }
    }

    /// Whether a figure at `[start, end)` is part of a period phrase ("the
    /// last 3 months", "Q3 2016"), and so no figure of its own.
    pub fn covers(&self, start: usize, end: usize) -> bool {
        let i = self.mentions.partition_point(|m| m.offset().1 <= start);
        self.mentions[i..]
            .iter()
            .take_while(|m| m.offset().0 < end)
            .any(|m| m.offset().0 <= start && end <= m.offset().1)
    }

    /// Gives each claim the period that governs it in its sentence.
    pub fn attach(
        &self,
        text: &str,
        claims: &mut [crate::extract::Claim],
        sentences: &[crate::extract::Sentence],
    ) {
        attach::attach(self, text, claims, sentences);
    }
}

/// Connecting words before a calendar phrase.
static LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:(?P<c>since|from|between|in|during|over|for|through|throughout|until|till|by|after|before|on|and|of|as\s+of|starting(?:\s+(?:in|on|from))?|beginning(?:\s+(?:in|on))?)|(?P<to>(?:the\s+)?(?:(?P<tn>[0-9]{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty-four|thirty-six)\s+)?(?P<tu>years?|months?|quarters?|weeks?)\s+(?:to|ended|ending|through)))\s+(?:the\s+)?$",
    )
    .expect("lead pattern")
});

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

/// A lead and where its words start.
fn lead(lower: &str, at: usize) -> (Lead, usize) {
    let mut from = at.saturating_sub(48);
    while !lower.is_char_boundary(from) {
        from += 1;
    }
    let tail = &lower[from..at];
    let Some(c) = LEAD.captures(tail) else {
        return (Lead::None, at);
    };
    let start = from + c.get(0).map_or(tail.len(), |m| m.start());
    if c.name("to").is_some() {
        let n = c
            .name("tn")
            .and_then(|n| atom::count(n.as_str()))
            .unwrap_or(1);
        let unit = match c.name("tu").map(|u| u.as_str().trim_end_matches('s')) {
            Some("month") => Unit::Month,
            Some("quarter") => Unit::Quarter,
            Some("week") => Unit::Week,
            _ => Unit::Year,
        };
        return (Lead::UnitsTo { n, unit }, start);
    }
    let word = c.name("c").map_or("", |m| m.as_str());
    let kind = match word.split_whitespace().next().unwrap_or("") {
        "since" | "starting" | "beginning" => Lead::Since,
        "from" if follows_change(lower, start) => Lead::Base,
        "from" => Lead::Since,
        "until" | "till" | "through" => Lead::Until,
        "by" | "as" => Lead::By,
        "before" => Lead::Before,
        "after" => Lead::After,
        "between" => Lead::Between,
        "in" | "during" | "over" | "for" | "throughout" => Lead::In,
        "on" => Lead::On,
        _ => Lead::Weak,
    };
    (kind, start)
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

/// Words that join two calendar phrases into a range, and whether the
/// final phrase's inclusion is ambiguous ("through" says it is included).
fn range_joint(between: &str, after_between: bool) -> Option<bool> {
    match between.trim() {
        "-" | "–" | "—" | "~" | "to" | "until" | "till" | "into" => Some(true),
        "through" | "thru" => Some(false),
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
    let mut out = Vec::with_capacity(atoms.len());
    let mut i = 0;
    while i < atoms.len() {
        let a = atoms[i];
        let r = date_at(a.start);
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
        return Some(Mention::Period(unresolved(words, offset)));
    };
    let span = resolve::range(&x, &y, ambiguous);
    Some(Mention::Period(to_period(words, offset, span)))
}

/// Gives the first phrase of a range the year of the second when it has
/// none ("January to March 2016"; "November to February 2017" starts in
/// 2016).
fn share_year(a: &Cal, b: &Cal, r: Option<NaiveDate>, opts: &Options) -> (Cal, Cal) {
    let month_of = |c: &Cal| match *c {
        Cal::Day { m, .. } | Cal::Month { m, .. } => Some(m),
        _ => None,
    };
    let b_year = match *b {
        Cal::Day { y: Some(y), .. } => Some(y),
        Cal::Month {
            y: atom::YearRef::Year(y),
            ..
        } => Some(y),
        Cal::Day { y: None, .. }
        | Cal::Month {
            y: atom::YearRef::Nearest,
            ..
        } => resolve_cal(b, r, opts)
            .and_then(|s| s.start.earliest())
            .map(|d| {
                use chrono::Datelike;
                d.year()
            }),
        _ => None,
    };
    let (Some(by), Some(am)) = (b_year, month_of(a)) else {
        return (*a, *b);
    };
    let y = if month_of(b).is_some_and(|bm| am > bm) {
        by - 1
    } else {
        by
    };
    let a2 = match *a {
        Cal::Day { y: None, m, d } => Cal::Day { y: Some(y), m, d },
        Cal::Month {
            y: atom::YearRef::Nearest,
            m,
            md,
        } => Cal::Month {
            y: atom::YearRef::Year(y),
            m,
            md,
        },
        other => other,
    };
    (a2, *b)
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

/// One calendar phrase with the word before it.
fn single(
    text: &str,
    a: &Atom,
    lead: Lead,
    lead_start: usize,
    r: Option<NaiveDate>,
    opts: &Options,
) -> Mention {
    let date = Mention::Date {
        offset: (a.start, a.end),
    };
    let strong = matches!(
        lead,
        Lead::Since | Lead::Until | Lead::By | Lead::Before | Lead::After | Lead::UnitsTo { .. }
    );
    let bounding = strong && boundable(&a.cal);
    if lead == Lead::Base {
        return date;
    }
    // A day on its own dates a statement; a bare year may be anything.
    if !bounding
        && (is_day(&a.cal)
            || (matches!(a.cal, Cal::Year { md: None, .. })
                && matches!(lead, Lead::None | Lead::On)))
    {
        return date;
    }
    let start = if bounding || matches!(lead, Lead::In | Lead::Between) {
        lead_start
    } else {
        a.start
    };
    let offset = (start, a.end);
    let words = text[start..a.end].to_string();
    let Some(x) = resolve_cal(&a.cal, r, opts) else {
        return Mention::Period(unresolved(words, offset));
    };
    if !bounding {
        return Mention::Period(to_period(words, offset, x));
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
        Lead::Until => Period::new(words.clone(), offset, Edge::Open, x.as_end),
        Lead::By => Period::new(words.clone(), offset, Edge::CountStart, x.as_end),
        Lead::Before => Period::new(words.clone(), offset, Edge::Open, x.as_start),
        Lead::After => Period::new(words.clone(), offset, x.as_end, Edge::Open),
        Lead::UnitsTo { n, unit } => units_to(words.clone(), offset, &x.as_end, n, unit),
        _ => to_period(words.clone(), offset, x),
    };
    Mention::Period(p)
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
