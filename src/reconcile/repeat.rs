//! `repeat`: one quantity stated twice must agree with itself.
//!
//! A headline says "more than 125,000 accounts suspended" and the body
//! "120,000": the two cannot both be right. The rule links two mentions
//! only on strong evidence of identity:
//!
//! * the same unit, the same measure (what happened to what: "account
//!   suspend"), the same kind of quantity and currency;
//! * periods that can be the same (both unstated, or overlapping bands), and
//!   no two different years in view when neither states a period;
//! * exactly two mentions of that unit and measure in the document, both
//!   new amounts or both increments ("another", "more") alike;
//! * a tie between the two: one stands in the headline and the other in the
//!   body, or the later one refers back ("the 125,000").
//!
//! When the two sentences name different proper nouns (two companies, two
//! hospitals) the figures may belong to different subjects and are left
//! alone. Identity that holds gives a check either way: OK when the
//! intervals meet, inconsistent when they cannot.

use super::cue::Pattern;
use super::cue::{ends_with_phrase, years};
use super::{Check, Status, Story, format_interval, severity};
use crate::extract::Claim;
use crate::period::Period;
use std::sync::LazyLock;

pub struct Repeat;

/// A definite reference to an amount already stated: "the 125,000",
/// "those 300".
static REFERS_BACK: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?:^|[^a-z])(?:the|those|these|that|the\s+same)\s*$").expect("refers back")
});

/// "Of the 4,752 ...": a base for the shares that follow, new to the story.
static INTRODUCES_BASE: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?:^|[^a-z])of\s+the\s*$").expect("introduces base"));

/// Words after a figure that define a new set rather than point back:
/// "the 4,752 stores surveyed", "the 300 people who".
static DEFINED_AFTER: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"^\s*(?:[a-z-]+\s+){0,2}?(?:surveyed|polled|questioned|interviewed|asked|sampled|studied|tested|who|which|that|whose)\b")
        .expect("defined after")
});

/// An amount added to an earlier one.
const INCREMENT_BEFORE: &[&[&str]] = &[
    &["another"],
    &["a", "further"],
    &["further"],
    &["an", "additional"],
    &["additional"],
    &["extra"],
    &["new"],
];

/// Capitalised words that do not name a subject.
const NOT_NAMES: &[&str] = &[
    "I",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// What must match for two claims to be one quantity.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Key<'c> {
    doc: usize,
    quantity: crate::extract::Quantity,
    currency: Option<&'c str>,
    unit: Option<&'c str>,
    measure: &'c str,
    increment: bool,
}

impl Repeat {
    fn key<'s>(story: &'s Story, c: usize) -> Option<Key<'s>> {
        let claim = &story.claims[c];
        if !claim.is_usable() || claim.vague || claim.share {
            return None;
        }
        let measure = claim.measure.as_deref()?;
        // A count needs its noun; money its currency.
        if claim.unit.is_none() && claim.currency.is_none() {
            return None;
        }
        if claim.unit_inferred {
            return None;
        }
        Some(Key {
            doc: claim.doc,
            quantity: claim.quantity,
            currency: claim.currency.as_deref(),
            unit: claim.unit.as_deref(),
            measure,
            increment: Repeat::is_increment(story, c),
        })
    }

    fn is_increment(story: &Story, c: usize) -> bool {
        let claim = &story.claims[c];
        let own = story.lower(claim.doc, claim.span.0, claim.span.1);
        ends_with_phrase(story.text_before(c), INCREMENT_BEFORE) || says_increment(own)
    }

    /// Whether the later mention `b` points back at an earlier one ("the
    /// 125,000"): a definite article right before it, and not a base being
    /// introduced ("Of the 4,752 stores surveyed, ...").
    fn refers_back(story: &Story, b: usize) -> bool {
        let before = story.text_before(b);
        REFERS_BACK.is_match(before)
            && !INTRODUCES_BASE.is_match(before)
            && !DEFINED_AFTER.is_match(story.text_after(b))
    }

    /// Whether the document states another figure of the same kind and
    /// unit (its own, not borrowed), whatever its measure, possibly for the
    /// same time, that agrees with neither mention: then the unit counts several
    /// quantities (a breakdown, "1,500 in Europe and 2,500 in North
    /// America", or another period), and a mismatch between two of them is
    /// no evidence of an error. Further mentions that agree with one of the
    /// two are the same quantity again and do not count.
    fn crowded(story: &Story, a: usize, b: usize) -> bool {
        let (ca, cb) = (&story.claims[a], &story.claims[b]);
        story.claims.iter().enumerate().any(|(k, c)| {
            k != a
                && k != b
                && c.doc == ca.doc
                && c.quantity == ca.quantity
                && c.currency == ca.currency
                && !c.unit_inferred
                && (c.unit == ca.unit || c.unit == cb.unit)
                && !c.interval.overlaps(&ca.interval)
                && !c.interval.overlaps(&cb.interval)
                && same_time(c, ca)
                && same_time(c, cb)
        })
    }

    /// Whether sentence `s` is its document's headline: the first sentence,
    /// alone in the first paragraph, with no full stop.
    fn is_headline(story: &Story, s: usize) -> bool {
        let sen = &story.sentences[s];
        let first = s == 0 || story.sentences[s - 1].doc != sen.doc;
        let alone = story
            .sentences
            .get(s + 1)
            .is_none_or(|n| n.doc != sen.doc || n.paragraph != sen.paragraph);
        let text = story.sentence_text(s).trim_end();
        first && alone && !text.ends_with(['.', '!', '?'])
    }

    /// Proper names of a sentence: runs of capitalised words, except a
    /// lone first word (capitalised as the sentence start). A headline in
    /// title case names nothing reliably.
    fn names(story: &Story, s: usize) -> Vec<String> {
        let text = story.sentence_as_written(s);
        let words: Vec<&str> = text
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| !w.is_empty())
            .collect();
        let capital = |w: &str| {
            w.starts_with(|c: char| c.is_uppercase())
                && !NOT_NAMES.contains(&w)
                && !crate::calendar::is_month_word(w)
        };
        let capitals = words.iter().filter(|w| capital(w)).count();
        if Repeat::is_headline(story, s) && capitals * 2 > words.len() {
            return Vec::new();
        }
        let mut names = Vec::new();
        let mut run: Vec<&str> = Vec::new();
        for (i, w) in words.iter().enumerate() {
            if capital(w) {
                run.push(w);
            }
            let ends = !capital(w) || i + 1 == words.len();
            if ends && !run.is_empty() {
                let starts_sentence = words.first() == run.first() && i <= run.len();
                if !(starts_sentence && run.len() == 1) {
                    names.push(run.join(" "));
                }
                run.clear();
            }
        }
        names
    }

    /// Whether two sentences may speak of the same subject and time.
    fn same_scene(story: &Story, a: &Claim, b: &Claim) -> bool {
        match (&a.period, &b.period) {
            (Some(p), Some(q)) if !periods_meet(p, q) => return false,
            // One mention has a period and the other none: the same
            // quantity only if that period runs up to the time of writing
            // ("over the previous six months"), not a past one ("last year").
            (Some(p), None) | (None, Some(p)) => {
                let c = if a.period.is_some() { a } else { b };
                let now = story.docs[c.doc].date_at(c.start);
                let recent = match (now, p.end.latest()) {
                    (Some(now), Some(end)) => (now - end).num_days() <= 31,
                    _ => false,
                };
                if !recent {
                    return false;
                }
            }
            (None, None) => {
                let years_of = |s: usize| -> Vec<String> {
                    years(story.sentence_text(s)).map(str::to_string).collect()
                };
                let (ya, yb) = (years_of(a.sentence), years_of(b.sentence));
                if !ya.is_empty() && !yb.is_empty() && !ya.iter().any(|y| yb.contains(y)) {
                    return false;
                }
            }
            (Some(_), Some(_)) => {}
        }
        let (na, nb) = (
            Repeat::names(story, a.sentence),
            Repeat::names(story, b.sentence),
        );
        na.is_empty() || nb.is_empty() || na.iter().any(|n| nb.contains(n))
    }
}

/// Whether a mention's own words add to a count: "more", "additional",
/// "extra" or "new" with a space on both sides ("3,000 more jobs"). One
/// pass over the words, in place of a substring search for each.
fn says_increment(own: &str) -> bool {
    let mut inner = own.split(' ').skip(1).peekable();
    std::iter::from_fn(|| inner.next().filter(|_| inner.peek().is_some()))
        .any(|w| matches!(w, "more" | "additional" | "extra" | "new"))
}

/// Whether two claims may be for the same time: their periods can be the
/// same, or one of them states none.
fn same_time(a: &Claim, b: &Claim) -> bool {
    match (&a.period, &b.period) {
        (Some(p), Some(q)) => periods_meet(p, q),
        _ => true,
    }
}

/// Whether two periods can be the same: each edge's bands share a day.
/// An edge that is not a date (open, the start of a count, or unresolved
/// for want of a reference date) meets only the same kind of edge, and
/// two unresolved periods only when they are worded alike: "in the third
/// quarter" and "in 2023" are not taken for one period just because the
/// first could not be placed.
fn periods_meet(p: &Period, q: &Period) -> bool {
    let edge_meets = |x: &crate::period::Edge, y: &crate::period::Edge| match (x.band(), y.band()) {
        (Some((a0, a1)), Some((b0, b1))) => a0 <= b1 && b0 <= a1,
        (None, None) => {
            x == y
                && (*x == crate::period::Edge::CountStart || p.text.eq_ignore_ascii_case(&q.text))
        }
        _ => false,
    };
    if !(p.resolved && q.resolved) {
        return p.text.eq_ignore_ascii_case(&q.text);
    }
    edge_meets(&p.start, &q.start) && edge_meets(&p.end, &q.end)
}

impl super::Rule for Repeat {
    fn id(&self) -> &'static str {
        "repeat"
    }

    fn summary(&self) -> &'static str {
        "the same quantity stated twice agrees with itself"
    }

    fn check(&self, story: &Story, out: &mut Vec<Check>) {
        // Claims grouped by key in a sorted list, not a hash map: no
        // hashing of three strings per claim, and no order to undo. Room
        // for every claim is reserved: grown by doubling, the list of a
        // long document was copied into fresh pages (500 page faults over
        // 10 MB), and the room no key takes is never touched.
        let mut keyed: Vec<(Key, usize)> = Vec::with_capacity(story.claims.len());
        keyed.extend((0..story.claims.len()).filter_map(|c| Repeat::key(story, c).map(|k| (k, c))));
        keyed.sort_unstable();
        let mut found: Vec<(usize, usize, String)> = Vec::new();
        for group in keyed.chunk_by(|x, y| x.0 == y.0) {
            let [(key, a), (_, b)] = group else { continue };
            let (a, b) = (*a, *b);
            let (ca, cb) = (&story.claims[a], &story.claims[b]);
            if ca.sentence == cb.sentence || !Repeat::same_scene(story, ca, cb) {
                continue;
            }
            let tie = if Repeat::is_headline(story, ca.sentence) {
                "headline and body"
            } else if Repeat::refers_back(story, b) {
                "the later mention refers back"
            } else {
                continue;
            };
            if !ca.interval.overlaps(&cb.interval) && Repeat::crowded(story, a, b) {
                continue;
            }
            let what = match key.unit {
                Some(u) => format!("unit \"{u}\", measure \"{}\"", key.measure),
                None => format!("measure \"{}\"", key.measure),
            };
            found.push((a, b, format!("inferred: same {what}; {tie}")));
        }
        found.sort();
        out.extend(found.iter().map(|(a, b, ev)| judge(story, *a, *b, ev)));
    }
}

fn judge(story: &Story, a: usize, b: usize, evidence: &str) -> Check {
    let (ca, cb) = (&story.claims[a], &story.claims[b]);
    let ok = ca.interval.overlaps(&cb.interval);
    let said = |c: &Claim| {
        let words = story.lower(c.doc, c.span.0, c.span.1);
        format!("\"{}\" (line {})", words, c.line)
    };
    let explanation = if ok {
        format!(
            "{} and {} state the same quantity and agree",
            said(ca),
            said(cb)
        )
    } else {
        format!(
            "{} and {} state the same quantity, but allow {} and {}, which cannot meet",
            said(ca),
            said(cb),
            format_interval(&ca.interval),
            format_interval(&cb.interval)
        )
    };
    let rounding_only = ok && ca.value != cb.value && ca.qualifier == cb.qualifier;
    Check {
        rule: "repeat",
        status: if ok { Status::Ok } else { Status::Inconsistent },
        claims: vec![a, b],
        explanation,
        evidence: evidence.to_string(),
        rounding_only,
        severity: (!ok).then(|| severity(&cb.interval, &ca.interval)),
    }
}

#[cfg(test)]
mod tests {
    use super::super::pairs::testing::run;
    use super::*;

    #[test]
    fn increment_words_are_found_as_substrings_with_spaces_are() {
        let vocab = [
            "more",
            "additional",
            "extra",
            "new",
            "3,000",
            "jobs",
            "morex",
            "newer",
            "é",
        ];
        let mut found = 0;
        for t in crate::reconcile::cue::testing::texts(&vocab, 5000, 5) {
            let want = [" more ", " additional ", " extra ", " new "]
                .iter()
                .any(|w| t.contains(w));
            assert_eq!(super::says_increment(&t), want, "{t:?}");
            found += usize::from(want);
        }
        assert!(found > 200, "{found}");
    }

    #[test]
    fn increment_cues_agree_with_their_pattern() {
        let pattern = regex::Regex::new(
            r"(?-u:\b)(?:another|a\s+further|further|an\s+additional|additional|extra|new)\s*$",
        )
        .unwrap();
        let vocab = [
            "another",
            "a",
            "an",
            "further",
            "additional",
            "extra",
            "new",
            "renew",
            "news",
            "1",
        ];
        for t in crate::reconcile::cue::testing::texts(&vocab, 20_000, 4) {
            let hand = ends_with_phrase(&t, INCREMENT_BEFORE);
            assert_eq!(hand, pattern.is_match(&t), "{t:?}");
        }
    }

    fn status(text: &str) -> Vec<Status> {
        run(&Repeat, text).iter().map(|c| c.status).collect()
    }

    #[test]
    fn headline_and_body() {
        let head = "Network suspends more than 125,000 accounts\n\n";
        let ok = format!("{head}The network said it had suspended 126,000 accounts.");
        assert_eq!(status(&ok), [Status::Ok]);
        let wrong = format!("{head}The network said it had suspended 120,000 accounts.");
        let c = run(&Repeat, &wrong);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].status, Status::Inconsistent);
        assert!(c[0].evidence.contains("headline"), "{}", c[0].evidence);
    }

    #[test]
    fn a_later_mention_that_refers_back() {
        let text = "Rescuers pulled 412 passengers from the water. \
                    Officials said the 412 passengers were taken to hospital.";
        // Different measures ("pull" against "take"): no identity.
        assert!(status(text).is_empty());
        let text = "The council approved 1,250 homes on the site. \
                    Critics said the 1,520 homes approved would swamp local schools.";
        assert_eq!(status(text), [Status::Inconsistent]);
    }

    #[test]
    fn a_breakdown_or_another_period_is_no_contradiction() {
        assert!(status("Carmaker cuts 4,000 jobs\n\nThe carmaker said it would cut 1,500 jobs in Europe and 2,500 jobs in North America, or 4,000 jobs in all.")
            .iter()
            .all(|s| *s != Status::Inconsistent));
        assert!(status("Streamer adds 13 million subscribers in 2023\n\nThe company added 8.8 million subscribers in the third quarter and 13.1 million over the year.")
            .iter()
            .all(|s| *s != Status::Inconsistent));
    }

    #[test]
    fn a_base_for_shares_does_not_refer_back() {
        assert!(status("The chain surveyed shoppers in March.\n\nOf the 2,163 stores surveyed, 24% said prices would rise. Of the 4,752 stores surveyed, 4% said so.")
            .iter()
            .all(|s| *s != Status::Inconsistent));
    }

    #[test]
    fn weak_identity_no_check() {
        // Two subjects.
        let text = "Northgate Hospital treated 300 patients\n\n\
                    Southfield Hospital treated 250 patients, officials said.";
        assert!(status(text).is_empty());
        // Two years.
        let text = "The firm cut 500 jobs in 2019\n\nIt cut 300 jobs in 2021.";
        assert!(status(text).is_empty());
        // No tie between the mentions.
        let text = "The firm cut 500 jobs in the spring. Later it cut 300 jobs.";
        assert!(status(text).is_empty());
        // A past period against none: another quantity.
        let text = "Council approves 1,250 homes\n\nMay 2, 2024\n\n\
                    Last year the council approved 800 homes on the site.";
        assert!(status(text).is_empty());
        // An increment is not the same amount.
        let text = "Network suspends 125,000 accounts\n\nIt suspended another 235,000 accounts.";
        assert!(status(text).is_empty());
    }
}
