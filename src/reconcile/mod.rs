//! The reconcile stage: rules that find figures a story ties together and
//! check them with interval arithmetic.
//!
//! Each rule is one file: its id, what it matches, its arithmetic, its
//! documentation and its tests. A rule sees the claims and sentences the
//! extractor produced (and the text of the documents, to read the cue words
//! that tie figures together); it adds [`Check`]s. To add a rule, write its
//! file and add one line to [`RULES`].
//!
//! A rule must never pair figures just because their numbers fit: it needs
//! a cue in the text, or a match of unit, measure and period. When the
//! evidence is weak it adds nothing, and the claims stay unchecked.

pub mod change;
pub mod cue;
pub mod cumulative;
pub mod multiple;
pub mod pairs;
pub mod percent_change;
pub mod percent_of;
pub mod period;
pub mod points;
pub mod repeat;
pub mod running_cue;
pub mod shares;
pub mod sum;
pub mod sum_cue;

use crate::Options;
use crate::extract::{Claim, Extraction, Sentence};
use crate::input::Document;
use crate::interval::Interval;
use rust_decimal::Decimal;
use serde::Serialize;

/// The verdict of one check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Ok,
    Inconsistent,
}

/// How bad an inconsistency is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Off by a little (under 5% of the stated figure), or wrong under one
    /// reading only.
    Minor,
    /// Off by more, or wrong in direction or magnitude.
    Major,
}

/// One relation between figures, checked.
#[derive(Clone, Debug, PartialEq)]
pub struct Check {
    /// The rule's id ("sum").
    pub rule: &'static str,
    pub status: Status,
    /// Indices of the claims involved, in the batch's claim list; the
    /// stated result (the total, the change) comes last.
    pub claims: Vec<usize>,
    /// The arithmetic, in words and figures.
    pub explanation: String,
    /// The cue phrase that tied the figures, or "inferred: ..." with what
    /// was matched.
    pub evidence: String,
    /// OK only because the stated figures may be rounded.
    pub rounding_only: bool,
    /// For an inconsistent check.
    pub severity: Option<Severity>,
}

/// What every rule can see.
pub struct Story<'a> {
    pub docs: &'a [Document],
    pub claims: &'a [Claim],
    pub sentences: &'a [Sentence],
    /// Each document's period phrases, as the extractor read them.
    pub periods: &'a [Vec<std::sync::Arc<crate::period::Period>>],
    /// Each document's text in ASCII lower case (same offsets).
    lower: Vec<std::borrow::Cow<'a, str>>,
    /// Each sentence's before/after pairs, found on first use: several
    /// rules read them.
    pairs: std::cell::OnceCell<Vec<Vec<pairs::BeforeAfter>>>,
    /// Whether each sentence states a change on another basis, read on
    /// first use: every rule that judges a pair asks.
    adjusted: Vec<std::cell::OnceCell<bool>>,
    /// Each claim's running total within its document, read on first use:
    /// `sum` and `cumulative` both ask.
    /// Boxed: few claims are running totals, and every claim has a slot.
    running: Vec<std::cell::OnceCell<Option<Box<cumulative::Running>>>>,
    pub options: &'a Options,
}

impl<'a> Story<'a> {
    pub fn new(
        docs: &'a [Document],
        extraction: &'a Extraction,
        options: &'a Options,
    ) -> Story<'a> {
        Story {
            docs,
            claims: &extraction.claims,
            sentences: &extraction.sentences,
            periods: &extraction.periods,
            // The extractor's, unless the extraction was put together by
            // hand.
            lower: docs
                .iter()
                .enumerate()
                .map(|(i, d)| match extraction.lower.get(i) {
                    Some(l) if l.len() == d.text.len() => l.as_str().into(),
                    _ => d.text.to_ascii_lowercase().into(),
                })
                .collect(),
            pairs: std::cell::OnceCell::new(),
            adjusted: vec![std::cell::OnceCell::new(); extraction.sentences.len()],
            running: (0..extraction.claims.len())
                .map(|_| std::cell::OnceCell::new())
                .collect(),
            options,
        }
    }

    /// The before/after pairs of a sentence ([`pairs::before_after`]).
    fn pairs(&self, s: usize) -> &[pairs::BeforeAfter] {
        let all = self.pairs.get_or_init(|| {
            (0..self.sentences.len())
                .map(|s| pairs::find_pairs(self, s))
                .collect()
        });
        all.get(s).map_or(&[], Vec::as_slice)
    }

    /// Whether sentence `s` states a change on another basis than its
    /// levels ([`pairs::adjusted`]).
    fn adjusted(&self, s: usize) -> bool {
        self.adjusted
            .get(s)
            .is_some_and(|a| *a.get_or_init(|| pairs::adjusted(self.sentence_text(s))))
    }

    /// The running total whose total is claim `t`, found within its own
    /// document ([`cumulative::running`] without an index).
    pub fn running(&self, t: usize) -> Option<&cumulative::Running> {
        self.running
            .get(t)?
            .get_or_init(|| cumulative::running(self, t, None).map(Box::new))
            .as_deref()
    }

    /// Lower-case text of a document between two offsets.
    pub fn lower(&self, doc: usize, start: usize, end: usize) -> &str {
        let t = &self.lower[doc];
        let (s, e) = (start.min(t.len()), end.min(t.len()));
        t.get(s..e.max(s)).unwrap_or("")
    }

    /// Lower-case text of a sentence.
    pub fn sentence_text(&self, s: usize) -> &str {
        let sen = &self.sentences[s];
        self.lower(sen.doc, sen.start, sen.end)
    }

    /// The words of sentence `s` as written, capitals kept (for names).
    pub fn sentence_as_written(&self, s: usize) -> &str {
        let sen = &self.sentences[s];
        self.docs[sen.doc]
            .text
            .get(sen.start..sen.end)
            .unwrap_or("")
    }

    /// The claim before `c` in its sentence, passing over shares written
    /// in words ("a third of"), which rules read as cue words.
    pub fn prev_claim(&self, c: usize) -> Option<usize> {
        let sen = &self.sentences[self.claims[c].sentence];
        (sen.claims.start..c).rev().find(|&k| !self.claims[k].share)
    }

    /// The claim after `c` in its sentence, passing over shares.
    pub fn next_claim(&self, c: usize) -> Option<usize> {
        let sen = &self.sentences[self.claims[c].sentence];
        (c + 1..sen.claims.end).find(|&k| !self.claims[k].share)
    }

    /// Lower-case text from the end of the claim before `c` in its sentence
    /// (or the sentence start) up to the start of `c`'s own words.
    pub fn text_before(&self, c: usize) -> &str {
        let claim = &self.claims[c];
        let sen = &self.sentences[claim.sentence];
        let from = match self.prev_claim(c) {
            Some(p) => self.claims[p].span.1.min(claim.span.0),
            None => sen.start,
        };
        self.lower(claim.doc, from, claim.span.0)
    }

    /// Lower-case text from the end of `c`'s words to the next claim in its
    /// sentence (or the sentence end).
    pub fn text_after(&self, c: usize) -> &str {
        let claim = &self.claims[c];
        let sen = &self.sentences[claim.sentence];
        let to = match self.next_claim(c) {
            Some(n) => self.claims[n].span.0.max(claim.span.1),
            None => sen.end,
        };
        self.lower(claim.doc, claim.span.1, to)
    }
}

/// A reconciliation rule.
pub trait Rule: Sync {
    /// The rule's id, as reports and configuration name it.
    fn id(&self) -> &'static str;
    /// A one-line description for help and docs.
    fn summary(&self) -> &'static str;
    /// Adds a check for each relation the rule finds.
    fn check(&self, story: &Story, out: &mut Vec<Check>);
}

/// Every rule, in the order they run.
pub static RULES: &[&dyn Rule] = &[
    &sum::Sum,
    &cumulative::Cumulative,
    &points::Points,
    &multiple::Multiple,
    &shares::Shares,
    &repeat::Repeat,
    &change::Change,
    &percent_change::PercentChange,
    &percent_of::PercentOf,
    &period::PeriodLength,
];

/// Runs every rule over a batch.
pub fn reconcile(docs: &[Document], extraction: &Extraction, options: &Options) -> Vec<Check> {
    let story = Story::new(docs, extraction, options);
    let mut checks = Vec::new();
    for rule in RULES {
        if options.disabled_rules.iter().any(|r| r == rule.id()) {
            continue;
        }
        rule.check(&story, &mut checks);
    }
    checks
}

/// Severity of a stated figure that the computed interval misses.
pub fn severity(computed: &Interval, stated: &Interval) -> Severity {
    let gap = computed.gap(stated);
    let reference = stated
        .midpoint()
        .or(stated.low.map(|b| b.value))
        .or(stated.high.map(|b| b.value))
        .unwrap_or(Decimal::ZERO)
        .abs();
    // A gap too large to multiply is certainly major.
    let far = gap
        .checked_mul(Decimal::from(20))
        .is_none_or(|g| g >= reference);
    if reference.is_zero() || far {
        Severity::Major
    } else {
        Severity::Minor
    }
}

/// A number for an explanation: thousands separators, no trailing zeros.
pub fn format_number(v: Decimal) -> String {
    let v = v.normalize();
    let s = v.abs().to_string();
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (s.clone(), None),
    };
    let mut grouped = String::new();
    for (k, ch) in int.chars().enumerate() {
        if k > 0 && (int.len() - k) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let sign = if v.is_sign_negative() && !v.is_zero() {
        "-"
    } else {
        ""
    };
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// An interval for an explanation: "359,000 to 361,000", "more than 125,000".
pub fn format_interval(i: &Interval) -> String {
    match (i.low, i.high) {
        (Some(l), Some(h)) if l.value == h.value => format_number(l.value),
        (Some(l), Some(h)) => format!("{} to {}", format_number(l.value), format_number(h.value)),
        (Some(l), None) => format!(
            "{} {}",
            if l.inclusive { "at least" } else { "more than" },
            format_number(l.value)
        ),
        (None, Some(h)) => format!(
            "{} {}",
            if h.inclusive { "at most" } else { "less than" },
            format_number(h.value)
        ),
        (None, None) => "any value".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_for_people() {
        assert_eq!(format_number(Decimal::new(360000, 0)), "360,000");
        assert_eq!(format_number(Decimal::new(-12345, 1)), "-1,234.5");
        assert_eq!(format_number(Decimal::new(4800, 3)), "4.8");
        assert_eq!(format_number(Decimal::new(999, 0)), "999");
    }

    #[test]
    fn severities() {
        let stated = Interval::closed(Decimal::new(375000, 0), Decimal::new(385000, 0));
        // 14,000 short of a total of 380,000: under 5%.
        let close = Interval::closed(Decimal::new(359000, 0), Decimal::new(361000, 0));
        assert_eq!(severity(&close, &stated), Severity::Minor);
        let far = Interval::closed(Decimal::new(300000, 0), Decimal::new(310000, 0));
        assert_eq!(severity(&far, &stated), Severity::Major);
    }
}
