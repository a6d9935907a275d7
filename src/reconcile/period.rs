//! `period`: a stated duration against the dates it spans.
//!
//! Two shapes:
//!
//! * a duration right next to the period it measures: "the six months from
//!   February to August", "the 18 months since February 2015", "45 days,
//!   from March 3 to April 16";
//! * an age in years tied to a year: "a decade ago, in 2006", "in 2004, 12
//!   years ago", measured to the document's reference date.
//!
//! Periods come from the period recogniser, whose edges are bands wide
//! enough for every reading (final month included or not), so either
//! reading of "from February to August" passes. A stated duration is an
//! interval from its written precision, and a month may be 28 to 31 days, a
//! year 365 or 366: the check is inconsistent only when no reading and no
//! month length makes the two meet.

use super::cue::{Groups, Pattern};
use super::{Check, Status, Story, format_number, severity};
use crate::extract::period::Periods;
use crate::extract::{Claim, Qualifier, Quantity};
use crate::interval::Interval;
use crate::period::{Edge, Period};
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use std::sync::{Arc, LazyLock};

pub struct PeriodLength;

/// Between a duration and the period after it: "six months from ...".
static GAP_AFTER: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"^\s*(?:,\s*|\(\s*|[–—-]\s*)?(?:(?:from|between|since|spanning|covering)\s+)?$")
        .expect("gap after")
});

/// Between a period and the duration after it: "from March 3 to April 16,
/// a span of 45 days".
static GAP_BEFORE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"^\s*[,(–—-]\s*(?:(?:or|a\s+(?:span|period|stretch)\s+of|some)\s+)?$")
        .expect("gap before")
});

/// A period with both ends in its words ("from 2010 to 2015", "between
/// March and May"), or one that runs since a stated point to the time of
/// writing. "From January" alone names a start only: the end the
/// recogniser gives it (the reference date) is not what a future "18
/// months from January" measures.
static SPAN_WORDS: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"^\s*since(?-u:\b)|(?-u:\b)(?:to|until|till|through|and)(?-u:\b)|\d\s*[–-]\s*\d")
        .expect("span words")
});

const SMALL: &str = r"a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|\d{1,3}";

/// "ago", which both age patterns need, searched for in every sentence by
/// a searcher built once: `str::contains` builds one on every call, which
/// on a sentence cost more than the search, and `cue::mentions` stops at
/// every "a" (1.1% more instructions over 1 MB).
static AGO: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("ago"));

/// "ten years ago, in 2006".
static AGO_THEN_YEAR: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(&format!(
        r"(?-u:\b)(?P<q>(?:some|about|around|nearly|almost|roughly|more\s+than|over|less\s+than)\s+)?(?P<n>{SMALL})\s+(?P<u>years?|decades?)\s+ago\s*,?\s*(?:back\s+)?in\s+(?P<y>(?:19|20)\d{{2}})(?-u:\b)"
    ))
    .expect("ago then year")
});

/// "in 2004, 12 years ago".
static YEAR_THEN_AGO: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(&format!(
        r"(?-u:\b)in\s+(?P<y>(?:19|20)\d{{2}})\s*,\s*(?P<q>(?:some|about|around|nearly|almost|roughly|more\s+than|over|less\s+than)\s+)?(?P<n>{SMALL})\s+(?P<u>years?|decades?)\s+ago(?-u:\b)"
    ))
    .expect("year then ago")
});

/// "a year", "an hour", "six months", "18 months".
fn small_number(w: &str) -> Option<Decimal> {
    match w {
        "a" | "an" => Some(Decimal::ONE),
        w => crate::extract::numword::word_value(w),
    }
}

/// The fewest and most days one unit of a duration can hold.
fn unit_days(unit: &str) -> Option<(i64, i64)> {
    Some(match unit {
        "day" => (1, 1),
        "week" => (7, 7),
        "month" => (28, 31),
        "year" => (365, 366),
        "decade" => (3652, 3653),
        _ => return None,
    })
}

/// A stated duration in days: its interval in units, times the unit's
/// shortest and longest length.
fn stated_days(units: &Interval, unit: &str) -> Option<Interval> {
    let (short, long) = unit_days(unit)?;
    // An overflow leaves that side unbounded: wider, never a false alarm.
    let lo = units
        .low
        .and_then(|b| b.value.checked_mul(Decimal::from(short)));
    let hi = units
        .high
        .and_then(|b| b.value.checked_mul(Decimal::from(long)));
    Some(match (lo, hi) {
        (Some(l), Some(h)) => Interval::closed(l, h),
        (Some(l), None) => Interval::above(l, true),
        (None, Some(h)) => Interval::below(h, true),
        (None, None) => Interval::UNBOUNDED,
    })
}

fn span_days(p: &Period) -> Option<Interval> {
    let (lo, hi) = p.duration_days()?;
    Some(Interval::closed(Decimal::from(lo), Decimal::from(hi)))
}

/// "The 10 years since 2014" counts from some time in 2014, not from its
/// first day: a "since" period that starts on a named year or month may
/// start anywhere in it.
fn since_whole_unit(p: &Period) -> Period {
    let mut p = p.clone();
    let text = p.text.to_ascii_lowercase();
    let Some(named) = text.trim_start().strip_prefix("since ") else {
        return p;
    };
    let Edge::Exact(d) = p.start else { return p };
    let has_month = named
        .split(|c: char| !c.is_ascii_alphabetic())
        .any(crate::calendar::is_month_word);
    let last = match (d.day(), d.month(), has_month) {
        (1, 1, false) => crate::calendar::add_months(d, 12),
        (1, _, true) => crate::calendar::add_months(d, 1),
        _ => None,
    };
    if let Some(next) = last.and_then(|n| n.pred_opt()) {
        p.start = Edge::Fuzzy {
            earliest: d,
            latest: next,
        };
    }
    p
}

fn date_text(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

impl PeriodLength {
    /// Whether a claim states a length of time.
    fn duration_unit(c: &Claim) -> Option<&str> {
        let unit = c.unit.as_deref()?;
        (c.quantity == Quantity::Count
            && c.is_usable()
            && !c.share
            && !c.unit_inferred
            && unit_days(unit).is_some())
        .then_some(unit)
    }

    /// The period a duration measures: right after it, or right before it.
    fn measured<'p>(story: &Story, c: usize, periods: &'p DocPeriods) -> Option<&'p Period> {
        let DocPeriods { periods, starts } = periods;
        let claim = &story.claims[c];
        let sen = &story.sentences[claim.sentence];
        let spans = |p: &&Arc<Period>| {
            p.resolved
                && SPAN_WORDS.is_match(&p.text.to_ascii_lowercase())
                && p.offset.0 >= sen.start
                && p.offset.1 <= sen.end
        };
        // Periods are in text order: the nearest one after the duration and
        // the nearest one before it are found by binary search of their
        // starts.
        let next = starts.partition_point(|&s| s < claim.span.1);
        let after = periods
            .get(next)
            .filter(spans)
            .filter(|p| GAP_AFTER.is_match(story.lower(claim.doc, claim.span.1, p.offset.0)));
        after
            .or_else(|| {
                let prev = starts.partition_point(|&s| s < claim.span.0);
                periods[..prev]
                    .last()
                    .filter(spans)
                    .filter(|p| p.offset.1 <= claim.span.0)
                    .filter(|p| {
                        GAP_BEFORE.is_match(story.lower(claim.doc, p.offset.1, claim.span.0))
                    })
            })
            .map(|p| &**p)
    }

    fn duration(story: &Story, c: usize, periods: &DocPeriods) -> Option<Check> {
        let claim = &story.claims[c];
        let unit = PeriodLength::duration_unit(claim)?;
        let p = &since_whole_unit(PeriodLength::measured(story, c, periods)?);
        let stated = stated_days(&claim.interval, unit)?;
        let actual = span_days(p)?;
        Some(judge_duration(story, c, p, &stated, &actual))
    }

    fn age(story: &Story, s: usize) -> Option<Check> {
        let sen = &story.sentences[s];
        let text = story.sentence_text(s);
        // Both patterns need "ago": most sentences are spared them.
        AGO.find(text.as_bytes())?;
        let cap = AGO_THEN_YEAR
            .captures(text)
            .or_else(|| YEAR_THEN_AGO.captures(text))?;
        let at = sen.start + cap.get(0).map_or(0, |m| m.start());
        let reference = story.docs[sen.doc].date_at(at)?;
        judge_age(story, sen.doc, at, &cap, reference)
    }
}

impl super::Rule for PeriodLength {
    fn id(&self) -> &'static str {
        "period"
    }

    fn summary(&self) -> &'static str {
        "a stated duration fits the dates it spans"
    }

    fn check(&self, story: &Story, out: &mut Vec<Check>) {
        // Each document's periods, in text order: those the extractor read,
        // else (an extraction put together by hand) read here.
        let periods: Vec<DocPeriods> = story
            .docs
            .iter()
            .enumerate()
            .map(|(d, doc)| {
                let periods: std::borrow::Cow<[Arc<Period>]> = match story.periods.get(d) {
                    Some(p) => p.as_slice().into(),
                    None => {
                        let lower = story.lower(d, 0, doc.text.len());
                        Periods::find(doc, lower, &story.options.periods)
                            .into_periods()
                            .into()
                    }
                };
                let starts = periods.iter().map(|p| p.offset.0).collect();
                DocPeriods { periods, starts }
            })
            .collect();
        for c in 0..story.claims.len() {
            let doc = story.claims[c].doc;
            if let Some(check) = PeriodLength::duration(story, c, &periods[doc]) {
                out.push(check);
            }
        }
        out.extend((0..story.sentences.len()).filter_map(|s| PeriodLength::age(story, s)));
    }
}

/// A document's periods in text order, with their starts beside them so
/// that a search reads one array rather than every period.
struct DocPeriods<'a> {
    periods: std::borrow::Cow<'a, [Arc<Period>]>,
    starts: Vec<usize>,
}

fn edge_text(e: &Edge) -> String {
    match e.band() {
        Some((a, b)) if a == b => date_text(a),
        Some((a, b)) => format!("{}–{}", date_text(a), date_text(b)),
        None => "an open date".to_string(),
    }
}

fn judge_duration(
    story: &Story,
    c: usize,
    p: &Period,
    stated: &Interval,
    actual: &Interval,
) -> Check {
    let claim = &story.claims[c];
    let words = story.lower(claim.doc, claim.span.0, claim.span.1);
    let ok = stated.overlaps(actual);
    let days = super::format_interval(actual);
    let explanation = if ok {
        format!(
            "\"{}\" runs {} days (from {} to {}); \"{words}\" allows {} days",
            p.text.trim_end_matches(['.', ',']),
            days,
            edge_text(&p.start),
            edge_text(&p.end),
            super::format_interval(stated)
        )
    } else {
        format!(
            "\"{}\" runs {} days (from {} to {}), but \"{words}\" allows {} days",
            p.text.trim_end_matches(['.', ',']),
            days,
            edge_text(&p.start),
            edge_text(&p.end),
            super::format_interval(stated)
        )
    };
    Check {
        rule: "period",
        status: if ok { Status::Ok } else { Status::Inconsistent },
        claims: vec![c],
        explanation,
        evidence: format!("cue: \"{}\" next to \"{words}\"", p.text.trim()),
        rounding_only: false,
        severity: (!ok).then(|| severity(actual, stated)),
    }
}

/// The stated age in years, as an interval from its wording.
fn stated_years(cap: &Groups) -> Option<Interval> {
    let n = small_number(cap.name("n")?.as_str())?;
    let decades = cap.name("u")?.as_str().starts_with("decade");
    let years = if decades { n * Decimal::TEN } else { n };
    // A decade is a loose unit, and so is a round count ("20 years ago"
    // may be 19); other counts of years are rounded to the year.
    let round = years >= Decimal::TEN && (years % Decimal::from(5)).is_zero();
    let half = if decades || round {
        Decimal::ONE
    } else {
        Decimal::new(5, 1)
    };
    let q = cap.name("q").map(|q| q.as_str().trim().to_string());
    let qualifier = match q.as_deref() {
        None => Qualifier::Exact,
        Some("more than" | "over") => Qualifier::MoreThan,
        Some("less than") => Qualifier::LessThan,
        Some(_) => Qualifier::Approximate,
    };
    Some(match qualifier {
        Qualifier::MoreThan => Interval::above(years, false),
        Qualifier::LessThan => Interval::below(years, false),
        Qualifier::Approximate => {
            Interval::around(years, (years / Decimal::from(5)).max(Decimal::ONE))
        }
        _ => Interval::around(years, half),
    })
}

fn judge_age(
    story: &Story,
    doc: usize,
    at: usize,
    cap: &Groups,
    reference: NaiveDate,
) -> Option<Check> {
    let year: i32 = cap.name("y")?.as_str().parse().ok()?;
    let first = NaiveDate::from_ymd_opt(year, 1, 1)?;
    let last = NaiveDate::from_ymd_opt(year, 12, 31)?;
    if last > reference {
        return None;
    }
    let stated = stated_years(cap)?;
    // Any day of the year to the reference date, in years of 365 or 366 days.
    let lo = Decimal::from((reference - last).num_days()) / Decimal::from(366);
    let hi = Decimal::from((reference - first).num_days()) / Decimal::from(365);
    let elapsed = Interval::closed(lo, hi);
    let ok = stated.overlaps(&elapsed);
    let words = cap.get(0)?.as_str();
    let line = story.docs[doc].line_col(at).0;
    // The check names no claim, so its words carry the place.
    let line = if story.docs.len() > 1 {
        format!("{}, line {line}", story.docs[doc].name)
    } else {
        format!("line {line}")
    };
    let span = format!(
        "{} to {} years",
        format_number(lo.round_dp(1)),
        format_number(hi.round_dp(1))
    );
    let explanation = if ok {
        format!(
            "\"{words}\" ({line}): {year} was {span} before {}",
            date_text(reference)
        )
    } else {
        format!(
            "\"{words}\" ({line}): {year} was {span} before {}, not what the wording allows ({})",
            date_text(reference),
            super::format_interval(&stated)
        )
    };
    Some(Check {
        rule: "period",
        status: if ok { Status::Ok } else { Status::Inconsistent },
        claims: Vec::new(),
        explanation,
        evidence: format!(
            "cue: \"ago\" with \"in {year}\", against the reference date {reference}"
        ),
        rounding_only: false,
        severity: (!ok).then(|| severity(&elapsed, &stated)),
    })
}

#[cfg(test)]
mod tests {
    use super::super::pairs::testing::run_dated;
    use super::*;

    fn status(text: &str) -> Vec<Status> {
        run_dated(&PeriodLength, text, Some("2016-08-18"))
            .iter()
            .map(|c| c.status)
            .collect()
    }

    #[test]
    fn months_between_named_months() {
        assert_eq!(
            status("It suspended 235,000 accounts in the six months from February to August."),
            [Status::Ok]
        );
        assert_eq!(
            status("It suspended 235,000 accounts in the four months from February to August."),
            [Status::Inconsistent]
        );
    }

    #[test]
    fn since_runs_to_the_reference_date() {
        assert_eq!(
            status("It hired 1,200 staff in the 18 months since February 2015."),
            [Status::Ok]
        );
        assert_eq!(
            status("It hired 1,200 staff in the 30 months since February 2015."),
            [Status::Inconsistent]
        );
    }

    #[test]
    fn since_a_year_counts_from_any_day_of_it() {
        assert_eq!(
            run_dated(
                &PeriodLength,
                "In the 10 years since 2014, the charity has planted 1.2 million trees.",
                Some("2024-10-03")
            )
            .iter()
            .map(|c| c.status)
            .collect::<Vec<_>>(),
            [Status::Ok]
        );
        assert_eq!(
            run_dated(
                &PeriodLength,
                "In the 12 years since 2014, the charity has planted 1.2 million trees.",
                Some("2024-10-03")
            )
            .iter()
            .map(|c| c.status)
            .collect::<Vec<_>>(),
            [Status::Inconsistent]
        );
    }

    #[test]
    fn years_and_days() {
        assert_eq!(
            status("Sales rose 40% over the five years from 2010 to 2015."),
            [Status::Ok]
        );
        assert_eq!(
            status("Sales rose 40% over the three years from 2010 to 2015."),
            [Status::Inconsistent]
        );
        assert_eq!(
            status("The strike lasted 45 days, from March 3 to April 16."),
            [Status::Ok]
        );
    }

    #[test]
    fn ages_against_the_reference_date() {
        let c = run_dated(
            &PeriodLength,
            "The plant opened a decade ago, in 2006.",
            Some("2016-08-18"),
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].status, Status::Ok);
        assert_eq!(
            status("The firm was founded in 2004, 12 years ago."),
            [Status::Ok]
        );
        assert_eq!(
            status("The firm was founded ten years ago, in 2003."),
            [Status::Inconsistent]
        );
        // A round count may be off by a year.
        assert_eq!(
            run_dated(
                &PeriodLength,
                "Twenty years ago, in 2005, the dam burst.",
                Some("2024-01-20")
            )
            .iter()
            .map(|c| c.status)
            .collect::<Vec<_>>(),
            [Status::Ok]
        );
        assert_eq!(
            status("The firm was founded 13 years ago, in 2006."),
            [Status::Inconsistent]
        );
    }

    #[test]
    fn a_start_alone_is_no_span() {
        assert!(status("The library will close for 18 months from January.").is_empty());
    }

    #[test]
    fn no_span_no_check() {
        // A duration with no dates next to it.
        assert!(status("The six months to August were busy; sales rose in February.").is_empty());
        // No reference date: an age cannot be measured.
        assert!(
            run_dated(
                &PeriodLength,
                "The plant opened a decade ago, in 2006.",
                None
            )
            .is_empty()
        );
        // A year that has not come yet is no age.
        assert!(status("It will open in 2020, ten years ago it was a field.").is_empty());
    }
}
