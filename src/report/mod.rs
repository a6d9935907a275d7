//! The report stage: the verdict on every claim and check, as one plain
//! [`Report`] that every output format renders.
//!
//! The report's field names are the JSON contract (version 1), documented
//! in `docs/output.md`: keep the names, add fields freely.

pub mod csv;
pub mod encode;
pub mod github;
pub mod json;
pub mod jsonl;
pub mod line;
pub mod sarif;
pub mod snippet;
pub mod table;

use crate::extract::{Claim, Extraction, Qualifier, Quantity, Sentence};
use crate::input::{DateSource, Document};
use crate::period::{Edge, Period};
use crate::reconcile::{Check, Severity, Status};
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;
use std::str::FromStr;
use std::sync::Arc;

/// The verdict on one claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimStatus {
    /// Takes part only in consistent checks.
    Ok,
    /// Takes part in at least one inconsistent check.
    Inconsistent,
    /// Takes part in no check.
    Unchecked,
}

#[derive(Clone, Debug, Serialize)]
pub struct DocumentInfo {
    pub path: String,
    pub reference_date: Option<String>,
    pub date_source: DateSource,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct PeriodInfo {
    pub text: String,
    /// First day, when the start is bounded (the earliest day of a fuzzy
    /// start).
    pub start: Option<Day>,
    /// The day after the last, exclusive (the latest day of a fuzzy end).
    pub end: Option<Day>,
    /// exact | fuzzy | open | count_start
    pub start_kind: &'static str,
    pub end_kind: &'static str,
    /// The band a fuzzy start may fall in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_band: Option<[Day; 2]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_band: Option<[Day; 2]>,
    /// False when the period is relative and the document has no date.
    pub resolved: bool,
    /// The readings English allows when there are several, the usual first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub readings: Vec<ReadingInfo>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ReadingInfo {
    pub label: &'static str,
    pub start: Option<Day>,
    pub end: Option<Day>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ClaimRecord {
    pub id: ClaimId,
    /// Shared by the document's records.
    pub document: Arc<str>,
    pub line: usize,
    pub column: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub literal: String,
    pub value: Option<Num>,
    pub low: Option<Num>,
    pub high: Option<Num>,
    pub low_inclusive: bool,
    pub high_inclusive: bool,
    pub qualifier: Qualifier,
    pub qualifier_text: Option<Box<str>>,
    pub quantity: Quantity,
    pub currency: Option<String>,
    pub unit: Option<String>,
    pub unit_inferred: bool,
    pub measure: Option<String>,
    /// Shared by the records of the claims the period governs.
    pub period: Option<Arc<PeriodInfo>>,
    pub rounding: Num,
    pub range: bool,
    /// A range's two ends as stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub range_ends: Option<Box<[Num; 2]>>,
    pub vague: bool,
    pub share: bool,
    pub problem: Option<Box<str>>,
    pub status: ClaimStatus,
    pub checks: Vec<CheckId>,
}

#[derive(Clone, Debug, Serialize)]
pub struct CheckRecord {
    pub id: CheckId,
    pub rule: &'static str,
    pub status: Status,
    pub severity: Option<Severity>,
    pub document: Arc<str>,
    pub claims: Vec<ClaimId>,
    pub explanation: String,
    pub evidence: String,
    pub rounding_only: bool,
    /// The source lines that hold the check's sentences, so a report can
    /// show them without going back to the file.
    pub excerpt: Option<Excerpt>,
}

/// Source text around a check, from `start` (a byte offset) to `end`:
/// whole lines unless the lines are very long.
#[derive(Clone, Debug, Serialize)]
pub struct Excerpt {
    /// 1-based line number of the first line.
    pub line: usize,
    /// 1-based column (in characters) where the excerpt starts: 1 when it
    /// holds whole lines.
    pub column: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// Which claims a report lists.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Show {
    /// Every claim.
    #[default]
    All,
    /// Claims that take part in a check.
    Checked,
    /// Claims that take part in an inconsistent check.
    Issues,
}

#[derive(Clone, Debug, Default, Serialize, PartialEq, Eq)]
pub struct Summary {
    pub documents: usize,
    pub claims: usize,
    pub checks: usize,
    /// Claims by status.
    pub ok: usize,
    pub inconsistent: usize,
    pub unchecked: usize,
    /// Checks by status.
    pub checks_ok: usize,
    pub checks_inconsistent: usize,
    /// Checks silenced by `figcheck-ignore-next` comments.
    pub suppressed: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub version: u32,
    pub documents: Vec<DocumentInfo>,
    pub claims: Vec<ClaimRecord>,
    pub checks: Vec<CheckRecord>,
    pub summary: Summary,
}

/// A claim or check id, written as its prefix and 1-based number ("c3",
/// "k12"). A number rather than a string: a report of millions of claims
/// would otherwise hold millions of small strings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Id<const PREFIX: char>(pub usize);

/// A claim's id: "c3".
pub type ClaimId = Id<'c'>;
/// A check's id: "k12".
pub type CheckId = Id<'k'>;

impl<const PREFIX: char> Id<PREFIX> {
    /// The id of the item at 0-based `index`.
    pub fn of_index(index: usize) -> Id<PREFIX> {
        Id(index + 1)
    }
}

/// Ids as written, joined by `sep` ("c1;c2").
pub fn join_ids<const PREFIX: char>(ids: &[Id<PREFIX>], sep: &str) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        let _ = write!(out, "{id}");
    }
    out
}

impl<const PREFIX: char> std::fmt::Display for Id<PREFIX> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{PREFIX}{}", self.0)
    }
}

impl<const PREFIX: char> Serialize for Id<PREFIX> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl Summary {
    /// Adds the counts of another report of the same run.
    pub fn add(&mut self, o: &Summary) {
        self.documents += o.documents;
        self.claims += o.claims;
        self.checks += o.checks;
        self.ok += o.ok;
        self.inconsistent += o.inconsistent;
        self.unchecked += o.unchecked;
        self.checks_ok += o.checks_ok;
        self.checks_inconsistent += o.checks_inconsistent;
        self.suppressed += o.suppressed;
    }
}

/// A decimal written as a JSON number: normalised, exactly as written in
/// decimal. Kept as the decimal itself, so a report of a million claims
/// holds no string per number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Num(Decimal);

impl Num {
    pub fn new(v: Decimal) -> Num {
        Num(v.normalize())
    }

    pub fn decimal(self) -> Decimal {
        self.0
    }
}

impl std::fmt::Display for Num {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Whole figures print as integers, so "-0" is "0".
        if self.0.scale() == 0
            && let Some(i) = self.0.to_i64()
        {
            return write!(f, "{i}");
        }
        write!(f, "{}", self.0)
    }
}

impl Serialize for Num {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serde_json::Number::from_str(&self.to_string())
            .map_err(serde::ser::Error::custom)?
            .serialize(s)
    }
}

/// A decimal as a JSON number, exactly as written in decimal.
pub fn json_number(v: Decimal) -> Num {
    Num::new(v)
}

/// A day as `YYYY-MM-DD`, as chrono displays it, without the formatting
/// machinery.
pub fn iso_date(d: NaiveDate) -> String {
    match iso_bytes(d) {
        Some(bytes) => bytes.iter().map(|&b| char::from(b)).collect(),
        None => d.to_string(),
    }
}

/// The ten bytes of `YYYY-MM-DD`, for years of four digits (chrono writes
/// others with a sign).
pub fn iso_bytes(d: NaiveDate) -> Option<[u8; 10]> {
    let y = d.year();
    if !(0..=9999).contains(&y) {
        return None;
    }
    let digit = |n: u32| b'0' + (n % 10) as u8;
    let y = y as u32;
    let (m, day) = (d.month(), d.day());
    Some([
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        b'-',
        digit(m / 10),
        digit(m),
        b'-',
        digit(day / 10),
        digit(day),
    ])
}

/// A day of a period, written as `YYYY-MM-DD`. Kept as the date, so a
/// report of a million claims holds no string per day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub NaiveDate);

impl std::fmt::Display for Day {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match iso_bytes(self.0) {
            Some(bytes) => bytes
                .iter()
                .try_for_each(|&b| std::fmt::Write::write_char(f, char::from(b))),
            None => write!(f, "{}", self.0),
        }
    }
}

impl Serialize for Day {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

fn edge_kind(e: &Edge) -> &'static str {
    match e {
        Edge::Exact(_) => "exact",
        Edge::Fuzzy { .. } => "fuzzy",
        Edge::Open => "open",
        Edge::CountStart => "count_start",
    }
}

fn band(e: &Edge) -> Option<[Day; 2]> {
    match e {
        Edge::Fuzzy { earliest, latest } => Some([Day(*earliest), Day(*latest)]),
        _ => None,
    }
}

impl PeriodInfo {
    pub fn from_period(p: &Period) -> PeriodInfo {
        PeriodInfo {
            text: p.text.clone(),
            start: p.start.earliest().map(Day),
            end: p.end.latest().map(Day),
            start_kind: edge_kind(&p.start),
            end_kind: edge_kind(&p.end),
            start_band: band(&p.start),
            end_band: band(&p.end),
            resolved: p.resolved,
            readings: p
                .readings
                .iter()
                .map(|r| ReadingInfo {
                    label: r.label,
                    start: r.start.earliest().map(Day),
                    end: r.end.latest().map(Day),
                })
                .collect(),
        }
    }
}

impl Report {
    /// Assembles the report: claim ids across the batch, each claim's
    /// status from the checks it takes part in, and the counts.
    pub fn build(docs: &[Document], extraction: &Extraction, checks: &[Check]) -> Report {
        let mut shared = Shared::new(docs);
        let check_records = check_records(
            docs,
            &shared,
            &extraction.claims,
            &extraction.sentences,
            checks,
        );
        Report::assemble(
            docs,
            &mut shared,
            extraction.claims.clone(),
            check_records,
            checks,
        )
    }

    /// As [`Report::build`], taking the extraction: each claim's strings
    /// move into its record instead of being copied, and the records take
    /// the claims' place in memory, so a document of millions of claims
    /// does not hold them twice.
    pub fn from_extraction(docs: &[Document], extraction: Extraction, checks: &[Check]) -> Report {
        let Extraction {
            claims,
            sentences,
            periods,
            lower,
            ..
        } = extraction;
        drop((periods, lower));
        let mut shared = Shared::new(docs);
        let check_records = check_records(docs, &shared, &claims, &sentences, checks);
        drop(sentences);
        Report::assemble(docs, &mut shared, claims, check_records, checks)
    }

    fn assemble(
        docs: &[Document],
        shared: &mut Shared,
        claims: Vec<Claim>,
        check_records: Vec<CheckRecord>,
        checks: &[Check],
    ) -> Report {
        // Mapped in place: a record is no larger than a claim, so the
        // claims' buffer holds the records.
        let mut claims: Vec<ClaimRecord> = claims
            .into_iter()
            .enumerate()
            .map(|(i, c)| claim_record(docs, shared, i, c))
            .collect();
        for (k, check) in checks.iter().enumerate() {
            for &c in &check.claims {
                let record = &mut claims[c];
                record.checks.push(CheckId::of_index(k));
                record.status = match (record.status, check.status) {
                    (ClaimStatus::Inconsistent, _) | (_, Status::Inconsistent) => {
                        ClaimStatus::Inconsistent
                    }
                    _ => ClaimStatus::Ok,
                };
            }
        }
        let checks = check_records;
        let mut summary = Summary {
            documents: docs.len(),
            claims: claims.len(),
            checks: checks.len(),
            ..Summary::default()
        };
        for c in &claims {
            match c.status {
                ClaimStatus::Ok => summary.ok += 1,
                ClaimStatus::Inconsistent => summary.inconsistent += 1,
                ClaimStatus::Unchecked => summary.unchecked += 1,
            }
        }
        for k in &checks {
            match k.status {
                Status::Ok => summary.checks_ok += 1,
                Status::Inconsistent => summary.checks_inconsistent += 1,
            }
        }
        Report {
            version: 1,
            documents: docs
                .iter()
                .map(|d| DocumentInfo {
                    path: d.name.clone(),
                    reference_date: d.reference_date.map(iso_date),
                    date_source: d.date_source,
                    warnings: d.warnings.clone(),
                })
                .collect(),
            claims,
            checks,
            summary,
        }
    }

    /// A report of no documents, to append others to.
    pub fn empty() -> Report {
        Report {
            version: 1,
            documents: Vec::new(),
            claims: Vec::new(),
            checks: Vec::new(),
            summary: Summary::default(),
        }
    }

    /// Appends the report of later documents checked on their own, as if
    /// the two had been built as one: the claim and check ids of `other`
    /// continue from this report's.
    pub fn append(&mut self, mut other: Report) {
        let (claims, checks) = (self.summary.claims, self.summary.checks);
        other.renumber(claims, checks);
        self.documents.append(&mut other.documents);
        self.claims.append(&mut other.claims);
        self.checks.append(&mut other.checks);
        self.summary.add(&other.summary);
    }

    /// Shifts the claim ids by `claims` and the check ids by `checks`, for
    /// a report that comes after others in one run.
    pub fn renumber(&mut self, claims: usize, checks: usize) {
        if claims == 0 && checks == 0 {
            return;
        }
        for c in &mut self.claims {
            c.id.0 += claims;
            c.checks.iter_mut().for_each(|k| k.0 += checks);
        }
        for k in &mut self.checks {
            k.id.0 += checks;
            k.claims.iter_mut().for_each(|c| c.0 += claims);
        }
    }

    /// A claim by its id.
    pub fn claim(&self, id: ClaimId) -> Option<&ClaimRecord> {
        // An id is the 1-based index, so the lookup is direct unless the
        // list was filtered.
        self.claims
            .get(id.0.wrapping_sub(1))
            .filter(|c| c.id == id)
            .or_else(|| self.claims.iter().find(|c| c.id == id))
    }

    /// The inconsistent checks, in order.
    pub fn issues(&self) -> impl Iterator<Item = &CheckRecord> {
        self.checks
            .iter()
            .filter(|c| c.status == Status::Inconsistent)
    }

    /// The serialised name of a severity ("major").
    pub fn severity_name(s: Option<Severity>) -> &'static str {
        match s {
            Some(Severity::Minor) => "minor",
            Some(Severity::Major) | None => "major",
        }
    }

    /// Keeps only the claims `show` asks for; the summary still counts all.
    pub fn retain_claims(&mut self, show: Show) {
        self.claims.retain(|c| match show {
            Show::All => true,
            Show::Checked => c.status != ClaimStatus::Unchecked,
            Show::Issues => c.status == ClaimStatus::Inconsistent,
        });
    }

    /// Whether any check is inconsistent at or above a severity.
    pub fn has_inconsistency(&self, at_least: Severity) -> bool {
        self.checks.iter().any(|c| {
            c.status == Status::Inconsistent && c.severity.unwrap_or(Severity::Major) >= at_least
        })
    }
}

fn check_records(
    docs: &[Document],
    shared: &Shared,
    claims: &[Claim],
    sentences: &[Sentence],
    checks: &[Check],
) -> Vec<CheckRecord> {
    let names = &shared.names;
    checks
        .iter()
        .enumerate()
        .map(|(k, check)| CheckRecord {
            id: CheckId::of_index(k),
            rule: check.rule,
            status: check.status,
            severity: check.severity,
            // A check on words that are no claim ("a decade ago, in
            // 2006") names no claim; alone, the document is still known.
            document: check
                .claims
                .last()
                .map(|&c| names[claims[c].doc].clone())
                .or_else(|| (docs.len() == 1).then(|| names[0].clone()))
                .unwrap_or_else(|| Arc::from("")),
            claims: check.claims.iter().map(|&c| ClaimId::of_index(c)).collect(),
            explanation: check.explanation.clone(),
            evidence: check.evidence.clone(),
            rounding_only: check.rounding_only,
            excerpt: excerpt(docs, claims, sentences, check),
        })
        .collect()
}

/// The longest excerpt a check carries: the source around one sentence,
/// not a whole minified page or a 10 MB line.
const MAX_EXCERPT: usize = 2000;

/// The source around a check's claims in the document of its stated
/// result: the whole lines of their sentences when those are short, else
/// the sentences alone, else the claims with a little context. Every scan
/// is bounded, so huge lines cost no more than short ones.
fn excerpt(
    docs: &[Document],
    claims: &[Claim],
    sentences: &[Sentence],
    check: &Check,
) -> Option<Excerpt> {
    let last = claims.get(*check.claims.last()?)?;
    let doc = docs.get(last.doc)?;
    let src = doc.source();
    let (mut s_start, mut s_end) = (usize::MAX, 0);
    let (mut c_start, mut c_end) = (usize::MAX, 0);
    for &c in &check.claims {
        let claim = claims.get(c)?;
        if claim.doc != last.doc {
            continue;
        }
        let sentence = sentences.get(claim.sentence)?;
        s_start = s_start.min(sentence.start).min(claim.start);
        s_end = s_end.max(sentence.end).max(claim.end);
        c_start = c_start.min(claim.start);
        c_end = c_end.max(claim.end);
    }
    let (s_end, c_end) = (s_end.min(src.len()), c_end.min(src.len()));
    let line_start = {
        let from = s_start.saturating_sub(MAX_EXCERPT);
        match memchr::memrchr(b'\n', &src[from..s_start]) {
            Some(i) => Some(from + i + 1),
            None => (from == 0).then_some(0),
        }
    };
    let line_end = {
        let to = (s_end + MAX_EXCERPT).min(src.len());
        match memchr::memchr(b'\n', &src[s_end..to]) {
            Some(i) => Some(s_end + i),
            None => (to == src.len()).then_some(to),
        }
    };
    let (start, end) = match (line_start, line_end) {
        (Some(a), Some(b)) if b - a <= MAX_EXCERPT => (a, b),
        _ if s_end - s_start <= MAX_EXCERPT => (s_start, s_end),
        _ if c_end - c_start <= MAX_EXCERPT => (
            char_start(src, c_start.saturating_sub(80)),
            char_end(src, (c_end + 80).min(src.len())),
        ),
        _ => return None,
    };
    // Place the excerpt by counting back from the stated claim, whose line
    // and column are known, rather than from the top of the file.
    let before = &src[start..last.start.max(start)];
    let newlines = memchr::memchr_iter(b'\n', before).count();
    let column = if newlines == 0 {
        let chars = before.iter().filter(|b| (**b & 0xC0) != 0x80).count();
        last.column.saturating_sub(chars).max(1)
    } else {
        1
    };
    Some(Excerpt {
        line: last.line.saturating_sub(newlines).max(1),
        column,
        start,
        end,
        text: crate::input::decode_same_length(&src[start..end]).0,
    })
}

fn char_start(src: &[u8], mut i: usize) -> usize {
    while i > 0 && i < src.len() && (src[i] & 0xC0) == 0x80 {
        i -= 1;
    }
    i
}

fn char_end(src: &[u8], mut i: usize) -> usize {
    while i < src.len() && (src[i] & 0xC0) == 0x80 {
        i += 1;
    }
    i
}

/// Words separated by single spaces: markup blanked inside a claim ("<b>
/// 412,000</b> people") leaves runs of spaces that are not part of its
/// words. Most claims have none, and are copied as they stand.
fn single_spaced(s: &str) -> String {
    // One pass: ASCII with single inner spaces and no other white space.
    let mut prev_space = true;
    let plain = s.bytes().all(|b| {
        let ok =
            b.is_ascii() && (b != b' ' || !prev_space) && (b == b' ' || !b.is_ascii_whitespace());
        prev_space = b == b' ';
        ok
    }) && !prev_space;
    if plain {
        return s.to_string();
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What the records of a batch share: each document's name, and each
/// period's record, made once for the claims in a row that it governs.
struct Shared {
    names: Vec<Arc<str>>,
    /// The last period seen and its record. Claims come in text order, and
    /// those a period governs stand together, so a map of every period
    /// (a cache miss per claim in a long document) would share little more.
    last: Option<(Arc<Period>, Arc<PeriodInfo>)>,
}

impl Shared {
    fn new(docs: &[Document]) -> Shared {
        Shared {
            names: docs.iter().map(|d| Arc::from(d.name.as_str())).collect(),
            last: None,
        }
    }

    fn period(&mut self, p: Arc<Period>) -> Arc<PeriodInfo> {
        match &self.last {
            Some((q, info)) if Arc::ptr_eq(q, &p) => Arc::clone(info),
            _ => {
                let info = Arc::new(PeriodInfo::from_period(&p));
                self.last = Some((p, Arc::clone(&info)));
                info
            }
        }
    }
}

/// The record of claim `i`, its strings moved from the claim; its status
/// and checks are filled in from the checks afterwards.
fn claim_record(docs: &[Document], shared: &mut Shared, i: usize, c: Claim) -> ClaimRecord {
    let doc = &docs[c.doc];
    ClaimRecord {
        id: ClaimId::of_index(i),
        document: Arc::clone(&shared.names[c.doc]),
        line: c.line,
        column: c.column,
        start: c.start,
        end: c.end,
        text: single_spaced(doc.text.get(c.span.0..c.span.1).unwrap_or("")),
        literal: c.literal,
        value: c.value.map(json_number),
        low: c.interval.low.map(|b| json_number(b.value)),
        high: c.interval.high.map(|b| json_number(b.value)),
        low_inclusive: c.interval.low.is_some_and(|b| b.inclusive),
        high_inclusive: c.interval.high.is_some_and(|b| b.inclusive),
        qualifier: c.qualifier,
        qualifier_text: c.qualifier_text.map(String::into_boxed_str),
        quantity: c.quantity,
        currency: c.currency,
        unit: c.unit,
        unit_inferred: c.unit_inferred,
        measure: c.measure,
        period: c.period.map(|p| shared.period(p)),
        rounding: json_number(c.rounding),
        range: c.range,
        range_ends: c
            .ends
            .map(|(a, b)| Box::new([json_number(a), json_number(b)])),
        vague: c.vague,
        share: c.share,
        problem: c.problem.map(String::into_boxed_str),
        status: ClaimStatus::Unchecked,
        checks: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_written_with_their_prefix() {
        assert_eq!(join_ids(&[ClaimId::of_index(0), Id(12)], ";"), "c1;c12");
        assert_eq!(join_ids::<'k'>(&[Id(7)], ", "), "k7");
        assert_eq!(join_ids::<'k'>(&[], ", "), "");
        assert_eq!(CheckId::of_index(41).to_string(), "k42");
    }

    #[test]
    fn iso_dates_are_chrono_dates() {
        let mut d = NaiveDate::from_ymd_opt(-3, 1, 1).unwrap();
        while d.year() < 10_003 {
            assert_eq!(iso_date(d), d.to_string());
            assert_eq!(Day(d).to_string(), d.to_string());
            let mut buf = Vec::new();
            encode::day(&mut buf, Day(d));
            assert_eq!(buf, serde_json::to_string(&Day(d)).unwrap().into_bytes());
            assert_eq!(
                buf,
                serde_json::to_string(&d.to_string()).unwrap().into_bytes()
            );
            d = d + chrono::Days::new(1 + (d.ordinal() as u64 % 17) * 13);
        }
        assert_eq!(iso_date(NaiveDate::MAX), NaiveDate::MAX.to_string());
        assert_eq!(iso_date(NaiveDate::MIN), NaiveDate::MIN.to_string());
    }

    #[test]
    fn single_spacing_keeps_words_and_drops_runs_of_white_space() {
        for s in [
            "",
            " ",
            "412,000 people",
            " 412,000 people",
            "412,000 people ",
            "412,000  people",
            "412,000\tpeople",
            "412,000\npeople",
            "412 000\u{a0}people",
            "€5m",
            "a",
        ] {
            let expected = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(single_spaced(s), expected, "{s:?}");
        }
    }

    #[test]
    fn records_take_the_claims_place_in_memory() {
        // Report::from_extraction maps claims to records in their own
        // buffer only while a record is no larger than a claim; otherwise
        // a document of millions of claims holds both (docs/performance.md).
        // If Claim shrinks, shrink ClaimRecord too (box a rare field).
        use std::mem::{align_of, size_of};
        assert!(
            size_of::<ClaimRecord>() <= size_of::<Claim>(),
            "ClaimRecord is {} bytes, Claim {}",
            size_of::<ClaimRecord>(),
            size_of::<Claim>()
        );
        assert_eq!(align_of::<ClaimRecord>(), align_of::<Claim>());
        let text = "The 12 men and 30 women, 42 people in all, left. ".repeat(20);
        let doc = Document::new("d".to_string(), text.clone().into_bytes(), text);
        let docs = std::slice::from_ref(&doc);
        let extraction = crate::extract::extract(docs);
        assert!(extraction.claims.len() > 20);
        let buffer = extraction.claims.as_ptr() as usize;
        let report = Report::from_extraction(docs, extraction, &[]);
        assert_eq!(report.claims.as_ptr() as usize, buffer);
    }

    #[test]
    fn json_numbers_are_the_decimals_as_written() {
        for (v, s) in [
            ("360000", "360000"),
            ("-0", "0"),
            ("125000.00", "125000"),
            ("0.5", "0.5"),
            ("-12.50", "-12.5"),
            ("1e3", "1000"),
            (
                "79228162514264337593543950335",
                "79228162514264337593543950335",
            ),
            ("-9223372036854775809", "-9223372036854775809"),
        ] {
            let d = Decimal::from_scientific(v)
                .or_else(|_| Decimal::from_str(v))
                .unwrap();
            assert_eq!(json_number(d).to_string(), s, "{v}");
            // The serde form (the JSON schema's tests use it) agrees.
            assert_eq!(serde_json::to_string(&json_number(d)).unwrap(), s, "{v}");
        }
    }
}
