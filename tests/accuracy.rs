//! The accuracy harness: runs the reconciler over the annotated corpus and
//! measures what matters to an editor.
//!
//! * `testdata/articles/NAME.txt` is a story; `NAME.expect` lists the
//!   relations it states, one a line: `RULE: FIG | FIG | ... | RESULT`. A FIG
//!   is a claim's literal exactly as the extractor reports it, with `@N` for
//!   its Nth occurrence; the last FIG is the stated result. A leading `?`
//!   marks a relation no rule supports yet: it is reported, not asserted.
//! * `testdata/articles/NAME/` (a folder of `.txt` files) with `NAME.expect`
//!   beside it is one story told in several documents, checked together.
//! * `testdata/clean/*.txt` is number-dense copy that states no relation.
//!
//! Goals: every relation verified (an OK check of its rule over exactly its
//! claims), no inconsistent check on correct copy, and, for every relation,
//! an inconsistent check once its result is rewritten to a value beyond its
//! rounding. `make accuracy` prints the figures.

use figcheck::Options;
use figcheck::extract::{self, Claim, Qualifier};
use figcheck::input::{self, Document, InputOptions};
use figcheck::reconcile::{self, Check, Status};
use rust_decimal::{Decimal, RoundingStrategy};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// One figure of a relation: a literal and which occurrence of it.
#[derive(Debug)]
struct FigRef {
    literal: String,
    occurrence: usize,
}

#[derive(Debug)]
struct Relation {
    line: usize,
    rule: String,
    figs: Vec<FigRef>,
    pending: bool,
}

/// A story: its documents and its annotations.
struct Case {
    name: String,
    docs: Vec<Document>,
    relations: Vec<Relation>,
}

fn parse_expect(text: &str) -> Result<Vec<Relation>, String> {
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let (pending, line) = match line.strip_prefix('?') {
            Some(rest) => (true, rest.trim()),
            None => (false, line),
        };
        let (rule, figs) = line
            .split_once(':')
            .ok_or_else(|| format!("line {}: expected `RULE: FIG | ... | RESULT`", i + 1))?;
        let figs: Vec<FigRef> = figs.split('|').map(|f| parse_fig(f.trim())).collect();
        // A `period` relation names one figure, the duration it checks
        // against the dates the text gives; every other rule needs two.
        let fewest = if rule.trim() == "period" { 1 } else { 2 };
        if figs.len() < fewest || figs.iter().any(|f| f.literal.is_empty()) {
            return Err(format!(
                "line {}: a relation needs {fewest} figure(s) or more",
                i + 1
            ));
        }
        out.push(Relation {
            line: i + 1,
            rule: rule.trim().to_string(),
            figs,
            pending,
        });
    }
    Ok(out)
}

fn parse_fig(f: &str) -> FigRef {
    if let Some((lit, n)) = f.rsplit_once('@')
        && let Ok(n) = n.trim().parse::<usize>()
    {
        return FigRef {
            literal: lit.trim().to_string(),
            occurrence: n.max(1),
        };
    }
    FigRef {
        literal: f.to_string(),
        occurrence: 1,
    }
}

/// The claim a figure names: the Nth claim, in story order, with that literal.
fn resolve(claims: &[Claim], fig: &FigRef) -> Option<usize> {
    claims
        .iter()
        .enumerate()
        .filter(|(_, c)| c.literal == fig.literal)
        .nth(fig.occurrence - 1)
        .map(|(i, _)| i)
}

fn run(docs: &[Document], together: bool) -> (Vec<Claim>, Vec<Check>) {
    let extraction = extract::extract(docs);
    let checks = reconcile::reconcile(
        docs,
        &extraction,
        &Options {
            together,
            ..Options::default()
        },
    );
    (extraction.claims, checks)
}

fn same_claims(check: &Check, ids: &[usize]) -> bool {
    let mut a = check.claims.clone();
    let mut b = ids.to_vec();
    a.sort_unstable();
    b.sort_unstable();
    a == b
}

/// A wrong version of a figure's literal, written the same way (separators,
/// decimals, scale word, percent sign), beyond its rounding: about 30% away,
/// and at least four units of its last significant digit.
fn wrong_literal(claim: &Claim) -> Option<String> {
    let lit = &claim.literal;
    let start = lit.find(|c: char| c.is_ascii_digit())?;
    let len = lit[start..]
        .char_indices()
        .take_while(|&(k, c)| {
            c.is_ascii_digit()
                || ((c == ',' || c == '.' || c == '\u{202f}' || c == '\u{a0}')
                    && lit[start + k + c.len_utf8()..].starts_with(|d: char| d.is_ascii_digit()))
        })
        .map(|(k, c)| k + c.len_utf8())
        .last()?;
    let core = &lit[start..start + len];
    let group = core
        .chars()
        .find(|&c| c == ',' || c == '\u{202f}' || c == '\u{a0}');
    let decimals = core.split_once('.').map_or(0, |(_, f)| f.len() as u32);
    let plain: String = core
        .chars()
        .filter(|&c| c.is_ascii_digit() || c == '.')
        .collect();
    let n = Decimal::from_str(&plain).ok()?;
    let value = claim.value?.abs();
    if n.is_zero() || value.is_zero() {
        return None;
    }
    // The figure's rounding unit in its own written terms ("4.2bn": 0.1).
    let unit = (claim.rounding * Decimal::TWO * n / value).max(Decimal::new(1, decimals));
    let step = (n * Decimal::new(3, 1)).max(unit * Decimal::from(4));
    let down = matches!(claim.qualifier, Qualifier::LessThan | Qualifier::AtMost) && n > step;
    let moved = if down { n - step } else { n + step };
    let rounded =
        ((moved / unit).round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero) * unit)
            .round_dp(decimals);
    let text = format!("{:.*}", decimals as usize, rounded);
    let text = match group {
        Some(g) => group_thousands(&text, g),
        None => text,
    };
    Some(format!("{}{}{}", &lit[..start], text, &lit[start + len..]))
}

fn group_thousands(s: &str, sep: char) -> String {
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    let mut out = String::new();
    for (k, ch) in int.chars().enumerate() {
        if k > 0 && (int.len() - k) % 3 == 0 {
            out.push(sep);
        }
        out.push(ch);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// The story with one claim's literal rewritten; returns the documents and
/// the index of the rewritten claim's document and start offset.
fn with_wrong_figure(docs: &[Document], claim: &Claim) -> Option<(Vec<Document>, String)> {
    let wrong = wrong_literal(claim)?;
    let mut out = docs.to_vec();
    let doc = &docs[claim.doc];
    let mut text = doc.text.clone();
    text.replace_range(claim.start..claim.end, &wrong);
    out[claim.doc] = Document::from_bytes(
        doc.name.clone(),
        text.into_bytes(),
        &InputOptions {
            date: doc.reference_date,
            ..InputOptions::default()
        },
    );
    Some((out, wrong))
}

#[derive(Default)]
struct Tally {
    relations: usize,
    verified: usize,
    pending: usize,
    pending_verified: usize,
    injected: usize,
    detected: usize,
    false_alarms: usize,
    files: usize,
    clean_files: usize,
    failures: Vec<String>,
    /// Per rule: relations, verified, injected errors detected.
    by_rule: std::collections::BTreeMap<String, [usize; 3]>,
}

fn corpus_dir(sub: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata")
        .join(sub)
}

fn load_docs(paths: &[PathBuf]) -> Vec<Document> {
    paths
        .iter()
        .flat_map(|p| {
            input::load(&p.to_string_lossy(), &InputOptions::default())
                .into_result()
                .unwrap_or_else(|e| panic!("{}: {e:#}", p.display()))
        })
        .collect()
}

fn sorted_entries(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    v.sort();
    v
}

fn load_cases() -> Vec<Case> {
    let dir = corpus_dir("articles");
    let mut cases = Vec::new();
    for expect in sorted_entries(&dir) {
        if expect.extension().is_none_or(|e| e != "expect") {
            continue;
        }
        let stem = expect.with_extension("");
        let name = stem.file_name().unwrap().to_string_lossy().to_string();
        let paths = if stem.is_dir() {
            sorted_entries(&stem)
                .into_iter()
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect()
        } else {
            vec![stem.with_extension("txt")]
        };
        let text = std::fs::read_to_string(&expect).expect("readable .expect");
        let relations = parse_expect(&text).unwrap_or_else(|e| panic!("{name}.expect: {e}"));
        cases.push(Case {
            name,
            docs: load_docs(&paths),
            relations,
        });
    }
    cases
}

fn describe(check: &Check, claims: &[Claim]) -> String {
    let lits: Vec<&str> = check
        .claims
        .iter()
        .map(|&c| claims[c].literal.as_str())
        .collect();
    format!(
        "{} {:?} [{}]: {}",
        check.rule,
        check.status,
        lits.join(" | "),
        check.explanation
    )
}

fn check_case(case: &Case, t: &mut Tally) {
    let together = case.docs.len() > 1;
    let (claims, checks) = run(&case.docs, together);
    t.files += 1;
    for k in checks.iter().filter(|k| k.status == Status::Inconsistent) {
        t.false_alarms += 1;
        t.failures.push(format!(
            "{}: false alarm: {}",
            case.name,
            describe(k, &claims)
        ));
    }
    for rel in &case.relations {
        check_relation(case, rel, &claims, &checks, t);
    }
}

fn check_relation(case: &Case, rel: &Relation, claims: &[Claim], checks: &[Check], t: &mut Tally) {
    let here = format!("{}.expect:{}", case.name, rel.line);
    if rel.pending {
        t.pending += 1;
    } else {
        t.relations += 1;
        t.by_rule.entry(rel.rule.clone()).or_default()[0] += 1;
    }
    let ids: Option<Vec<usize>> = rel.figs.iter().map(|f| resolve(claims, f)).collect();
    let Some(ids) = ids else {
        let missing: Vec<&str> = rel
            .figs
            .iter()
            .filter(|f| resolve(claims, f).is_none())
            .map(|f| f.literal.as_str())
            .collect();
        if !rel.pending {
            t.failures.push(format!("{here}: no claim {missing:?}"));
        }
        return;
    };
    let verified = checks
        .iter()
        .any(|k| k.rule == rel.rule && k.status == Status::Ok && same_claims(k, &ids));
    match (verified, rel.pending) {
        (true, false) => {
            t.verified += 1;
            t.by_rule.entry(rel.rule.clone()).or_default()[1] += 1;
        }
        (true, true) => t.pending_verified += 1,
        (false, false) => {
            let near: Vec<String> = checks
                .iter()
                .filter(|k| k.claims.iter().any(|c| ids.contains(c)))
                .map(|k| describe(k, claims))
                .collect();
            t.failures.push(format!(
                "{here}: {} not verified; checks here: {near:?}",
                rel.rule
            ));
        }
        (false, true) => {}
    }
    if rel.pending {
        return;
    }
    t.injected += 1;
    let result = &claims[*ids.last().expect("one figure at least")];
    let Some((docs, wrong)) = with_wrong_figure(&case.docs, result) else {
        t.failures
            .push(format!("{here}: cannot rewrite {:?}", result.literal));
        return;
    };
    let (wclaims, wchecks) = run(&docs, case.docs.len() > 1);
    let target = wclaims
        .iter()
        .position(|c| c.doc == result.doc && c.start == result.start);
    let detected = target.is_some_and(|w| {
        wchecks
            .iter()
            .any(|k| k.status == Status::Inconsistent && k.claims.contains(&w))
    });
    if detected {
        t.detected += 1;
        t.by_rule.entry(rel.rule.clone()).or_default()[2] += 1;
    } else {
        t.failures.push(format!(
            "{here}: {} rewritten as {wrong:?} was not detected",
            result.literal
        ));
    }
}

fn check_clean(t: &mut Tally) {
    for path in sorted_entries(&corpus_dir("clean")) {
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        t.clean_files += 1;
        let docs = load_docs(std::slice::from_ref(&path));
        let (claims, checks) = run(&docs, false);
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        for k in checks.iter().filter(|k| k.status == Status::Inconsistent) {
            t.false_alarms += 1;
            t.failures.push(format!(
                "clean/{name}: false alarm: {}",
                describe(k, &claims)
            ));
        }
    }
}

fn summary(t: &Tally) -> String {
    let mut s = String::new();
    for f in &t.failures {
        let _ = writeln!(s, "  {f}");
    }
    let _ = writeln!(
        s,
        "corpus: {} articles, {} clean files",
        t.files, t.clean_files
    );
    let _ = writeln!(s, "relations verified: {}/{}", t.verified, t.relations);
    let _ = writeln!(
        s,
        "pending relations: {} ({} already verified)",
        t.pending, t.pending_verified
    );
    let _ = writeln!(s, "false alarms: {}", t.false_alarms);
    let _ = writeln!(s, "errors detected: {}/{}", t.detected, t.injected);
    let _ = write!(s, "by rule (relations, verified, errors detected):");
    for (rule, [n, v, d]) in &t.by_rule {
        let _ = write!(s, "\n  {rule}: {n}, {v}, {d}");
    }
    s
}

#[test]
fn accuracy() {
    let mut t = Tally::default();
    for case in load_cases() {
        check_case(&case, &mut t);
    }
    check_clean(&mut t);
    let report = summary(&t);
    println!("{report}");
    assert!(t.files > 0, "no annotated articles in testdata/articles");
    assert_eq!(t.verified, t.relations, "{report}");
    assert_eq!(t.false_alarms, 0, "{report}");
    assert_eq!(t.detected, t.injected, "{report}");
}

#[cfg(test)]
mod harness {
    use super::*;

    fn claim_for(text: &str) -> Claim {
        let docs = vec![Document::from_bytes(
            "t",
            text.as_bytes().to_vec(),
            &InputOptions::default(),
        )];
        extract::extract(&docs).claims.remove(0)
    }

    #[test]
    fn wrong_figures_keep_their_style() {
        assert_eq!(
            wrong_literal(&claim_for("360,000 accounts")).unwrap(),
            "470,000"
        );
        assert_eq!(
            wrong_literal(&claim_for("It made $4.2bn.")).unwrap(),
            "$5.5bn"
        );
        assert_eq!(
            wrong_literal(&claim_for("It rose 12.5%.")).unwrap(),
            "16.3%"
        );
        assert_eq!(wrong_literal(&claim_for("It had 3 cats.")).unwrap(), "7");
        assert_eq!(
            wrong_literal(&claim_for("fewer than 1,200 people")).unwrap(),
            "800"
        );
    }

    #[test]
    fn expect_lines() {
        let r =
            parse_expect("# c\nsum: 1,204 | 977 | 2,181@2  # note\n? change: 4 | 5 | 1\n").unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].figs[2].literal, "2,181");
        assert_eq!(r[0].figs[2].occurrence, 2);
        assert!(r[1].pending && r[1].rule == "change");
        assert!(parse_expect("sum 1 | 2").is_err());
        assert!(parse_expect("sum: 1").is_err());
        assert_eq!(parse_expect("period: 18").unwrap()[0].figs.len(), 1);
    }
}
