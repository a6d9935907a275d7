//! Conformance of the period recogniser with the public English date-range
//! suites of Recognizers-Text (DatePeriodParser.json, and the daterange
//! results of DateTimeModel.json), read from the peer-suites folder at test
//! time: `$FIGCHECK_PEER_SUITES`, else `../shared/peer-suites` beside the
//! repository. The test skips when neither exists.
//!
//! Only the cases in scope for news are kept; `scope` says why each other
//! case is left out. A case passes when the period found at the expected
//! words has the expected first day and exclusive end, either as reported
//! (the earliest start and latest end) or in one of its alternative
//! readings (figcheck includes the final named unit of "from January to
//! March" and keeps the suite's exclusive reading as the alternative). For
//! "since X" and "after X" the suite leaves the end open where figcheck
//! ends at the reference date, so only the start is compared; for "before
//! X" and "until X", only the end. Run with `make conformance-periods`.

use chrono::NaiveDate;
use figcheck::extract::period::{Mention, Options, find};
use figcheck::period::Period;
use regex::Regex;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The share of in-scope cases the recogniser must pass.
const REQUIRED_RATE: f64 = 0.90;

fn suites_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os("FIGCHECK_PEER_SUITES") {
        Some(d) => PathBuf::from(d),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/peer-suites"),
    };
    let dir = dir.join("recognizers-datetime");
    dir.is_dir().then_some(dir)
}

/// One expected date range.
struct Expected {
    input: String,
    reference: Option<NaiveDate>,
    text: String,
    /// Byte span of the expected words in `input`.
    span: (usize, usize),
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
    modifier: String,
    not_supported: String,
}

fn date(v: Option<&Value>) -> Option<NaiveDate> {
    let s = v?.as_str()?;
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

fn byte_span(input: &str, char_start: usize, char_len: usize) -> (usize, usize) {
    let mut idx = input.char_indices().map(|(i, _)| i).chain([input.len()]);
    let start = idx.nth(char_start).unwrap_or(input.len());
    let end = input
        .char_indices()
        .map(|(i, _)| i)
        .chain([input.len()])
        .nth(char_start + char_len)
        .unwrap_or(input.len());
    (start, end)
}

fn case_common(case: &Value) -> (String, Option<NaiveDate>, String) {
    let input = case["Input"].as_str().unwrap_or("").to_string();
    let reference = date(case["Context"].get("ReferenceDateTime"));
    let ns = case["NotSupported"].as_str().unwrap_or("").to_lowercase();
    (input, reference, ns)
}

fn parser_cases(json: &Value) -> Vec<Expected> {
    let mut out = Vec::new();
    for case in json.as_array().into_iter().flatten() {
        let (input, reference, ns) = case_common(case);
        for r in case["Results"].as_array().into_iter().flatten() {
            if r["Type"].as_str() != Some("daterange") {
                continue;
            }
            let v = &r["Value"];
            let res = &v["PastResolution"];
            let start = r["Start"].as_u64().unwrap_or(0) as usize;
            let len = r["Length"].as_u64().unwrap_or(0) as usize;
            out.push(Expected {
                span: byte_span(&input, start, len),
                input: input.clone(),
                reference,
                text: r["Text"].as_str().unwrap_or("").to_string(),
                start: date(res.get("startDate")),
                end: date(res.get("endDate")),
                modifier: v["Mod"].as_str().unwrap_or("").to_string(),
                not_supported: ns.clone(),
            });
        }
    }
    out
}

fn model_cases(json: &Value) -> Vec<Expected> {
    let mut out = Vec::new();
    for case in json.as_array().into_iter().flatten() {
        let (input, reference, ns) = case_common(case);
        for r in case["Results"].as_array().into_iter().flatten() {
            let kind = r.get("TypeName").or(r.get("Typename"));
            if kind.and_then(Value::as_str) != Some("datetimeV2.daterange") {
                continue;
            }
            // Past and future readings are listed; news looks back, so the
            // first (past) one is compared.
            let Some(v) = r["Resolution"]["values"].as_array().and_then(|a| a.first()) else {
                continue;
            };
            let start = r["Start"].as_u64().unwrap_or(0) as usize;
            let end = r["End"].as_u64().unwrap_or(0) as usize;
            out.push(Expected {
                span: byte_span(&input, start, end + 1 - start.min(end + 1)),
                input: input.clone(),
                reference,
                text: r["Text"].as_str().unwrap_or("").to_string(),
                start: date(v.get("start")),
                end: date(v.get("end")),
                modifier: v["Mod"].as_str().unwrap_or("").to_string(),
                not_supported: ns.clone(),
            });
        }
    }
    out
}

/// Why a case is out of scope for news, if it is.
fn scope(e: &Expected, rules: &[(Regex, &'static str)]) -> Option<&'static str> {
    let Some(reference) = e.reference else {
        return Some("no reference date");
    };
    if e.not_supported.contains("dotnet") {
        return Some("fails upstream's own reference platform");
    }
    if e.start.is_none() && e.end.is_none() {
        return Some("no dates expected (seasons)");
    }
    if e.start.is_some_and(|s| s > reference) {
        return Some("future period (scheduling)");
    }
    let text = e.text.to_lowercase();
    let input = e.input.to_lowercase();
    rules
        .iter()
        .find(|(re, why)| {
            let hay = if why.starts_with("time") {
                &input
            } else {
                &text
            };
            re.is_match(hay)
        })
        .map(|(_, why)| *why)
}

fn scope_rules() -> Vec<(Regex, &'static str)> {
    let r = |p: &str| Regex::new(p).expect("scope pattern");
    vec![
        (
            r(
                r"\b\d{1,2}:\d{2}\b|\b\d{1,2}\s*(?:a\.?m\b|p\.?m\b)|\b(?:morning|afternoon|evening|tonight)\b",
            ),
            "time of day in the sentence",
        ),
        (
            r(r"\b(?:next|coming|upcoming|following|later|within|hence|future|tomorrow)\b"),
            "future period (scheduling)",
        ),
        (
            r(
                r"\b(?:thousand|hundred|nineteen|twenty|noughties|ninet|eight|seventy|seventies|fifth|sixth|seventh|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|twentieth|thirtieth)",
            ),
            "date written in words",
        ),
        (
            r(
                r"\b(?:halloween|thanksgiving|labor day|independence|christmas|easter|summer|spring|winter|autumn|fall)\b",
            ),
            "holiday or season",
        ),
        (
            r(
                r"weekend|fortnight|business day|working week|workweek|\bw/c\b|\bweek\s+(?:of|\d|commencing|starting|beginning)|\bweeks?\s+of\b|\brest\s+(?:of|the|this)\b|(?:weeks?|days?)\s+(?:starting|from)\b|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\s+(?:and|to|till|until)\s+(?:mon|tue|wed|thu|fri|sat|sun)|\bsame\b|\bthat\b|\bmy\b|\b(?:first|second|third|fourth|last|final)\s+(?:\d+\s+|two\s+|three\s+|four\s+|ten\s+)?(?:weeks?|months?|days?)\s+of\b",
            ),
            "week or day arithmetic for scheduling",
        ),
        (
            r(
                r"\d\s*[/.]\s*\d|\b\d{4}\s*[-.]\s*\d{1,2}\b|\b\d{1,2}\s*-\s*\d{4}\b|\b\d{4}-[a-z]{3}|\b\d{4}\s*,\s*[a-z]{3}\b|\b\d{4}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
            ),
            "numeric or year-first date notation",
        ),
        (
            r(r"\b(?:today|yesterday|now|current date|earlier in|earlier this|later in)\b"),
            "offset from a named day",
        ),
        (
            r(
                r"^(?:from|between)?\s*(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:to|till|until|and|-)\s+\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:this|next|in)|^(?:from|between)\s+\d{1,2}\s+(?:to|and)\s+|\bthe\s+week\b|^the\s+(?:year|month)$|\byear\s+\d{3}\b|\bcentury\b",
            ),
            "days without a month, a bare unit or a year before 1000",
        ),
    ]
}

fn band(p: &Period) -> (Option<NaiveDate>, Option<NaiveDate>) {
    (p.start.earliest(), p.end.latest())
}

/// Whether the found period matches: 0 as reported, 1 through an
/// alternative reading, None not at all.
fn compare(e: &Expected, p: &Period) -> Option<u8> {
    let m = e.modifier.as_str();
    // "from X" alone opens a period to the reference date in figcheck
    // where the suite reads X; both start where X starts.
    let opened = p.text.to_lowercase().starts_with("from ") && !e.text.starts_with("from ");
    let (check_start, check_end) = if m.starts_with("since") || m.starts_with("after") || opened {
        (true, false)
    } else if m.starts_with("before") || m.starts_with("until") {
        (false, true)
    } else {
        (true, true)
    };
    let ok = |(s, t): (Option<NaiveDate>, Option<NaiveDate>)| {
        (!check_start || s == e.start) && (!check_end || t == e.end)
    };
    let readings: Vec<_> = p
        .readings
        .iter()
        .map(|r| (r.start.earliest(), r.end.latest()))
        .collect();
    if ok(band(p)) || readings.first().is_some_and(|r| ok(*r)) {
        return Some(0);
    }
    readings.iter().skip(1).any(|r| ok(*r)).then_some(1)
}

/// The period found at the expected words, if any.
fn found_at(e: &Expected, opts: &Options) -> Option<Period> {
    let lower = e.input.to_ascii_lowercase();
    let r = e.reference;
    let (lo, hi) = e.span;
    find(&e.input, &lower, |_| r, opts)
        .into_iter()
        .filter_map(|m| match m {
            Mention::Period(p) | Mention::Date(p) => Some(Period::clone(&p)),
            Mention::Comparison { .. } => None,
        })
        .filter(|p| p.offset.0 < hi && lo < p.offset.1)
        .max_by_key(|p| p.offset.1.min(hi) - p.offset.0.max(lo))
}

struct Tally {
    total: usize,
    in_scope: usize,
    passed: usize,
    via_alternative: usize,
    excluded: BTreeMap<&'static str, usize>,
    failures: Vec<String>,
}

fn run(cases: &[Expected], rules: &[(Regex, &'static str)]) -> Tally {
    let opts = Options::default();
    let mut t = Tally {
        total: cases.len(),
        in_scope: 0,
        passed: 0,
        via_alternative: 0,
        excluded: BTreeMap::new(),
        failures: Vec::new(),
    };
    for e in cases {
        if let Some(why) = scope(e, rules) {
            *t.excluded.entry(why).or_default() += 1;
            continue;
        }
        t.in_scope += 1;
        let found = found_at(e, &opts);
        match found.as_ref().and_then(|p| compare(e, p)) {
            Some(k) => {
                t.passed += 1;
                t.via_alternative += k as usize;
            }
            None => t.failures.push(format!(
                "{:?} [{}] expected {:?}..{:?}, found {:?}",
                e.text,
                e.reference.map_or(String::new(), |d| d.to_string()),
                e.start,
                e.end,
                found.map(|p| (p.text.clone(), band(&p)))
            )),
        }
    }
    t
}

fn load(dir: &std::path::Path, name: &str) -> Value {
    let bytes = std::fs::read(dir.join(name)).expect("suite file");
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
    serde_json::from_slice(bytes).expect("suite JSON")
}

#[test]
fn period_recogniser_conforms_on_news_cases() {
    let Some(dir) = suites_dir() else {
        eprintln!("peer suites not found; set FIGCHECK_PEER_SUITES to run this test");
        return;
    };
    let rules = scope_rules();
    let files = [
        (
            "DatePeriodParser.json",
            parser_cases(&load(&dir, "DatePeriodParser.json")),
        ),
        (
            "DateTimeModel.json",
            model_cases(&load(&dir, "DateTimeModel.json")),
        ),
    ];
    let (mut passed, mut in_scope) = (0, 0);
    for (name, cases) in &files {
        let t = run(cases, &rules);
        println!(
            "{name}: {} date ranges, {} in scope, {} passed ({:.1}%), {} of them through the alternative reading",
            t.total,
            t.in_scope,
            t.passed,
            100.0 * t.passed as f64 / t.in_scope.max(1) as f64,
            t.via_alternative
        );
        for (why, n) in &t.excluded {
            println!("  out of scope: {n:4}  {why}");
        }
        for f in &t.failures {
            println!("  FAIL {f}");
        }
        passed += t.passed;
        in_scope += t.in_scope;
    }
    let rate = passed as f64 / in_scope.max(1) as f64;
    println!(
        "overall: {passed} of {in_scope} in-scope cases ({:.1}%)",
        100.0 * rate
    );
    assert!(in_scope > 100, "the scope filter left too few cases");
    assert!(
        rate >= REQUIRED_RATE,
        "pass rate {rate:.3} below {REQUIRED_RATE}"
    );
}
