//! `cumulative`: a new figure plus an earlier one makes a running total.
//!
//! "It suspended another 235,000 accounts over the previous six months,
//! which, added to the 125,000 it closed between mid-2015 and February,
//! brings the total so far to 360,000." The new figure is marked as such
//! ("another", "a further", "an additional", "235,000 more"), the earlier one
//! as already counted ("added to the", "on top of the", "adds to the",
//! "... earlier"), and the total as running ("bringing the total so far
//! to", "taking the tally to"). The earlier figure may be left to an earlier
//! sentence that states a running total ("By Monday, 1,210 cases had been
//! confirmed"), or, when documents are checked together, to an earlier
//! document of the same story.
//!
//! The periods of the parts must tile the period of the total
//! ([`crate::period::tiles`]): when they do, or when they are unknown, the
//! parts' intervals are added and checked against the total (the
//! explanation says when the periods could not be verified); when they
//! certainly leave a gap or overlap, the check says so.

use super::cue::Pattern;
use super::cue::{Cue, Ends, Slots, ends_with_any, ends_with_slots, mentions, trim_end};
use super::{Check, Severity, Status, Story, format_interval, severity};
use crate::extract::{Claim, Quantity};
use crate::period::{Tiling, tiles};
use std::collections::HashMap;
use std::sync::LazyLock;

pub struct Cumulative;

/// Literals one of which every running-total cue holds: its nouns.
const TOTAL_NOUNS: &[&str] = &["total", "tally", "toll", "number", "count", "figure", "sum"];

/// The running-total cue the text ends with, if any: ASCII text is read
/// by hand ([`super::running_cue`]), other text by [`TOTAL_CUE`].
fn total_cue(text: &str) -> Option<&str> {
    TOTAL_CUE.ending_match(text, super::running_cue::start)
}

/// A running-total cue right before the total.
const TOTAL_CUE_PATTERN: &str = r"(?x)
        (?: (?:bring|brings|bringing|brought|take|takes|taking|took|taken|push|pushes|pushing|pushed|lift|lifts|lifting|lifted|raise|raises|raising|raised|put|puts|putting)\s+
              (?:the|its|their|our|his|her|this\s+year's|the\s+year's|the\s+[a-z]+(?:'s|’s))\s+
              (?:[a-z'’-]+\s+){0,2}?
              (?:total|tally|toll|number|count|figure|sum)
              (?:\s+[a-z0-9'’-]+){0,5}?\s+(?:to|at)
          | (?:a|the)\s+(?:running|cumulative)\s+(?:total|tally)\s+(?:of|to)
          | (?:the\s+)?total\s+(?:so\s+far|to\s+date)\s+(?:is|was|to|of|stands\s+at|stood\s+at|reached|now\s+stands\s+at)
        )
        [\s,]*(?:(?:some|about|around|more\s+than|over|nearly|almost|at\s+least|just\s+over|just\s+under)\s+)?$";

/// [`TOTAL_CUE_PATTERN`], compiled for text that is not all ASCII.
static TOTAL_CUE: Cue = Cue::gated(
    |t| ends_with_any(t, true, &TOTAL_CUE_ENDS) && mentions(t, TOTAL_NOUNS),
    || Pattern::new(TOTAL_CUE_PATTERN).expect("running total cue"),
);

/// Literals one of which every cue to an earlier figure before it holds
/// ("added to", "on top of", "atop", "had ...ed", ", up from").
const EARLIER_WORDS: &[&str] = &["add", "top", "plus", "besides", "had", "up"];

/// The last word of every cue to an earlier figure before it.
static EARLIER_ENDS: Ends = Ends::new(&[
    "to", "of", "plus", "besides", "atop", "the", "its", "their", "earlier", "previous", "ed",
    "from", "some", "about", "around", "nearly", "almost", "than", "over",
]);

/// The last word of every running-total cue: its verb or preposition, or
/// the qualifier after it.
static TOTAL_CUE_ENDS: Ends = Ends::new(&[
    "to", "at", "of", "is", "was", "reached", "some", "about", "around", "than", "over", "nearly",
    "almost", "least", "under",
]);

/// "another", "a further" right before a new figure, with or without a
/// qualifier after it, then white space: the matches of
/// `(?-u:\b)(?:another|a\s+further|...|gains)\s+(?:(?:some|...|more\s+than|over)\s+)?$`.
const NEW_BEFORE: &[Slots] = &[
    &[NEW_WORDS],
    &[NEW_WORDS, NEW_QUALIFIERS],
    &[NEW_WORDS, &["more"], &["than"]],
    &[&["a"], &["further", "fresh"]],
    &[&["a"], &["further", "fresh"], NEW_QUALIFIERS],
    &[&["a"], &["further", "fresh"], &["more"], &["than"]],
    &[&["an"], &["additional", "extra"]],
    &[&["an"], &["additional", "extra"], NEW_QUALIFIERS],
    &[&["an"], &["additional", "extra"], &["more"], &["than"]],
];
const NEW_WORDS: &[&str] = &["another", "added", "adds", "adding", "gained", "gains"];
const NEW_QUALIFIERS: &[&str] = &["some", "about", "around", "nearly", "almost", "over"];

fn new_before(text: &str) -> bool {
    trim_end(text).len() < text.len() && ends_with_slots(text, NEW_BEFORE)
}

/// "235,000 more accounts", "40 new cases" right after a new figure.
static NEW_AFTER: Cue = Cue::new(
    |t| mentions(t, &["more", "new", "additional", "extra", "further"]),
    || Pattern::new(r"^\s*(?:more|new|additional|extra|further)(?-u:\b)").expect("new after"),
);

/// "added to the", "on top of the" right before an earlier figure.
static EARLIER_BEFORE: Cue = Cue::gated(
    |t| ends_with_any(t, false, &EARLIER_ENDS) && mentions(t, EARLIER_WORDS),
    || {
        Pattern::new(r"(?:(?-u:\b)(?:added\s+to|adds?\s+to|adding\s+to|on\s+top\s+of|in\s+addition\s+to|plus|besides|atop)\s+(?:the|its|their|an\s+earlier|a\s+previous|the\s+earlier|the\s+previous)?|(?-u:\b)had\s+(?:already\s+)?[a-z]+ed|,\s*up\s+from)\s*(?:(?:some|about|around|nearly|almost|more\s+than|over)\s+)?$")
        .expect("earlier before")
    },
);

/// "... it closed earlier", "... already", "previously" after an earlier figure.
static EARLIER_AFTER: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"^[^,.;]{0,60}?(?-u:\b)(?:earlier|previously|already|before\s+that|in\s+the\s+first)(?-u:\b)")
        .expect("earlier after")
});

/// Words after an earlier figure that set it apart from the running total.
static OTHER_SCOPE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?-u:\b)(?:different|other|another|separate|separately|elsewhere|region|regional|national|abroad|overseas|instead)(?-u:\b)")
        .expect("other scope")
});

/// A figure that is a subset of another, not a part ("including 120").
static SUBSET_BEFORE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?-u:\b)(?:including|includes|included|among\s+them|of\s+which|of\s+whom)\s*$")
        .expect("subset")
});

/// A sentence before the new figure that states a running total: the
/// earlier part, when it is not restated.
static RUNNING_BEFORE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?-u:\b)(?:so\s+far|to\s+date|in\s+total|total|tally|toll|cumulative|by\s+(?:the\s+end\s+of|monday|tuesday|wednesday|thursday|friday|saturday|sunday|then|last\s+week|last\s+month|[a-z]+\s+\d{1,2}|\d{1,2}\s+[a-z]+))(?-u:\b)")
        .expect("running before")
});

/// One running total found in a story.
#[derive(Debug)]
pub struct Running {
    pub new: usize,
    pub earlier: usize,
    pub total: usize,
    /// Where the earlier figure was found.
    pub earlier_from: Source,
    cue: String,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Source {
    /// In the total's sentence, with its own cue.
    Sentence,
    /// A running total stated in an earlier sentence of the document.
    EarlierSentence,
    /// An earlier document of the story (`--together`).
    EarlierDocument,
}

fn is_amount(c: &Claim) -> bool {
    matches!(c.quantity, Quantity::Count | Quantity::Money) && c.is_usable() && !c.range && !c.vague
}

fn same_kind(a: &Claim, b: &Claim) -> bool {
    a.quantity == b.quantity
        && a.currency == b.currency
        && match (&a.unit, &b.unit) {
            (Some(x), Some(y)) => x == y || a.unit_inferred || b.unit_inferred,
            _ => true,
        }
}

/// Whether a claim is marked as new ("another 235,000", "40 more cases").
fn is_new(story: &Story, c: usize) -> bool {
    let claim = &story.claims[c];
    let own_words = story.lower(claim.doc, claim.end, claim.span.1);
    new_before(story.text_before(c))
        || NEW_AFTER.is_match(own_words)
        || NEW_AFTER.is_match(story.text_after(c))
}

/// Whether a claim is marked as counted before ("added to the 125,000").
fn is_earlier(story: &Story, c: usize) -> bool {
    EARLIER_BEFORE.is_match(story.text_before(c)) || EARLIER_AFTER.is_match(story.text_after(c))
}

/// The running total whose total is claim `t`, if the text states one.
pub fn running(story: &Story, t: usize, index: Option<&Index>) -> Option<Running> {
    let total = &story.claims[t];
    if !is_amount(total) {
        return None;
    }
    let cue = total_cue(story.text_before(t))?.trim().to_string();
    let sen = &story.sentences[total.sentence];
    let fits =
        |c: usize| c != t && is_amount(&story.claims[c]) && same_kind(&story.claims[c], total);
    let news: Vec<usize> = sen
        .claims
        .clone()
        .filter(|&c| fits(c) && is_new(story, c))
        .collect();
    let [new] = news[..] else {
        return None;
    };
    // An earlier part after the total must not bring a scope of its own
    // ("on top of 3,500 sent last year to a different region").
    let mut earlier: Vec<usize> = sen
        .claims
        .clone()
        .filter(|&c| c != new && fits(c) && is_earlier(story, c))
        .filter(|&c| {
            c < t || !OTHER_SCOPE.is_match(story.lower(total.doc, story.claims[c].end, sen.end))
        })
        .collect();
    // "It closed 125,000 in 2015 and another 235,000 in 2016": the one
    // figure of the kind before "another" is the earlier part.
    if earlier.is_empty() {
        let before: Vec<usize> = (sen.claims.start..new).filter(|&c| fits(c)).collect();
        if let [e] = before[..]
            && !SUBSET_BEFORE.is_match(story.text_before(e))
        {
            earlier.push(e);
        }
    }
    // Any other figure of the kind among the parts leaves the sum unsure.
    let others = sen
        .claims
        .clone()
        .filter(|&c| c != new && c != t && fits(c) && !earlier.contains(&c))
        .filter(|&c| c > new.min(t) && c < new.max(t))
        .count();
    if others > 0 || earlier.len() > 1 {
        return None;
    }
    let (earlier, earlier_from) = match earlier.first() {
        Some(&e) => (e, Source::Sentence),
        None => earlier_elsewhere(story, new, t, index)?,
    };
    Some(Running {
        new,
        earlier,
        total: t,
        earlier_from,
        cue,
    })
}

/// Words that make a bare figure a running total.
static RUNNING_WORDS: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?-u:\b)(?:so\s+far|to\s+date|total|tally|toll|cumulative)(?-u:\b)")
        .expect("running words")
});

/// The nouns a running total is counted in ("toll", "tally"): a bare
/// earlier figure must be counted in the same one.
const COUNT_NOUNS: &[&str] = &["total", "tally", "toll", "count", "number", "figure"];

/// The first count noun in the text between Unicode word boundaries, as
/// `\b(?:total|tally|toll|count|number|figure)\b` finds it (no noun is a
/// prefix of another, so at most one can start at any place).
fn count_noun(text: &str) -> Option<&'static str> {
    let bounded = word_bounds(text);
    text.char_indices().find_map(|(at, _)| {
        if !bounded(at) {
            return None;
        }
        COUNT_NOUNS
            .iter()
            .copied()
            .find(|n| text[at..].starts_with(n) && bounded(at + n.len()))
    })
}

/// The claims of each unit, in story order: lets a cue find an earlier
/// document's figure without scanning the whole batch.
pub struct Index(HashMap<String, Vec<usize>>);

impl Index {
    pub fn build(story: &Story) -> Index {
        let mut map: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, c) in story.claims.iter().enumerate() {
            if let Some(u) = &c.unit
                && !c.unit_inferred
                && is_amount(c)
            {
                map.entry(u.clone()).or_default().push(i);
            }
        }
        Index(map)
    }

    /// The figure of `unit` (and `measure`, when given) that an earlier
    /// document states, in the latest document that states one; none when
    /// that document gives values that cannot be one figure.
    fn earlier_document(
        &self,
        story: &Story,
        doc: usize,
        unit: &str,
        measure: Option<&str>,
        like: &Claim,
    ) -> Option<usize> {
        let list = self.0.get(unit)?;
        let before = list.partition_point(|&c| story.claims[c].doc < doc);
        let found: Vec<usize> = list[..before]
            .iter()
            .copied()
            .filter(|&c| {
                let k = &story.claims[c];
                same_kind(k, like) && measure.is_none_or(|m| k.measure.as_deref() == Some(m))
            })
            .collect();
        let &last = found.last()?;
        let latest = story.claims[last].doc;
        let same_doc: Vec<usize> = found
            .into_iter()
            .filter(|&c| story.claims[c].doc == latest)
            .collect();
        let agree = same_doc.iter().all(|&c| {
            story.claims[c]
                .interval
                .overlaps(&story.claims[last].interval)
        });
        agree.then_some(last)
    }
}

/// An earlier part not restated in the total's sentence: the one running
/// total of the kind in the three sentences before, else (checking
/// documents together) the figure of the kind, with the new figure's
/// measure, in the latest earlier document.
fn earlier_elsewhere(
    story: &Story,
    new: usize,
    t: usize,
    index: Option<&Index>,
) -> Option<(usize, Source)> {
    let total = &story.claims[t];
    let n = &story.claims[new];
    let matches = |c: &Claim| {
        is_amount(c)
            && same_kind(c, total)
            && !c.unit_inferred
            && c.unit.is_some()
            && c.unit == total.unit
    };
    // A figure with no noun of its own ("the toll stood at 1,272") needs
    // the sentence to call it a running total.
    let noun = count_noun(story.text_before(t));
    let bare = |c: &Claim, text: &str| {
        is_amount(c)
            && same_kind(c, total)
            && (c.unit.is_none() || c.unit_inferred)
            && RUNNING_WORDS.is_match(text)
            && noun.is_some_and(|n| has_word(text, n))
    };
    let here = total.sentence;
    for s in (here.saturating_sub(3)..here).rev() {
        let sen = &story.sentences[s];
        if sen.doc != total.doc {
            continue;
        }
        let text = story.sentence_text(s);
        // A headline restating the new figure is not an earlier part.
        let found: Vec<usize> = sen
            .claims
            .clone()
            .filter(|&c| {
                let k = &story.claims[c];
                (matches(k) || bare(k, text)) && k.value != n.value
            })
            .collect();
        if let [c] = found[..]
            && RUNNING_BEFORE.is_match(text)
            && below(&story.claims[c], total)
            && same_scope(story, s, here)
        {
            return Some((c, Source::EarlierSentence));
        }
        if !found.is_empty() {
            return None;
        }
    }
    let (index, unit, measure) = (index?, total.unit.as_deref()?, n.measure.as_deref()?);
    index
        .earlier_document(story, total.doc, unit, Some(measure), total)
        .filter(|&c| below(&story.claims[c], total))
        .map(|c| (c, Source::EarlierDocument))
}

/// Whether a place in the text is a Unicode word boundary, as `\b` sees it.
fn word_bounds(text: &str) -> impl Fn(usize) -> bool + '_ {
    use regex_automata::util::look::{Look, LookMatcher};
    let look = LookMatcher::new();
    move |at| look.matches(Look::WordUnicode, text.as_bytes(), at)
}

/// Whether `word` stands in the text between Unicode word boundaries, as
/// `\b{word}\b` finds it.
fn has_word(text: &str, word: &str) -> bool {
    let bounded = word_bounds(text);
    !word.is_empty()
        && text
            .match_indices(word)
            .any(|(at, w)| bounded(at) && bounded(at + w.len()))
}

/// An earlier running total that is not smaller than the new one belongs
/// to some other count (a national toll beside a regional one).
fn below(earlier: &Claim, total: &Claim) -> bool {
    matches!((earlier.value, total.value), (Some(e), Some(t)) if e < t)
}

/// Words that set the scope of a count.
static SCOPE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?-u:\b)(?:national(?:ly)?|nationwide|worldwide|global(?:ly)?|international(?:ly)?|regional(?:ly)?|region|local(?:ly)?|country|countrywide|state(?:wide)?|province|provincial|county|city|abroad|overseas|domestic(?:ally)?|across)(?-u:\b)")
        .expect("scope")
});

/// Whether two sentences count within the same scope: the same scope
/// words, and no proper names in one that the other lacks entirely.
fn same_scope(story: &Story, a: usize, b: usize) -> bool {
    let words = |s: usize| -> Vec<String> {
        SCOPE
            .find_iter(story.sentence_text(s))
            .map(|m| m.as_str().trim_end_matches("ly").to_string())
            .collect()
    };
    let (mut wa, mut wb) = (words(a), words(b));
    wa.sort();
    wa.dedup();
    wb.sort();
    wb.dedup();
    if wa != wb {
        return false;
    }
    let (na, nb) = (names(story, a), names(story, b));
    na.is_empty() || nb.is_empty() || na.iter().any(|n| nb.contains(n))
}

/// Capitalised words inside a sentence (not its first word, not months or
/// days): the places and bodies it names.
fn names(story: &Story, s: usize) -> Vec<String> {
    let text = story.sentence_as_written(s);
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .skip(1)
        .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
        .filter(|w| !crate::calendar::is_month_word(&w.to_lowercase()) && !is_day(w))
        .map(|w| w.to_string())
        .collect()
}

fn is_day(w: &str) -> bool {
    matches!(
        w,
        "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
    )
}

impl super::Rule for Cumulative {
    fn id(&self) -> &'static str {
        "cumulative"
    }

    fn summary(&self) -> &'static str {
        "a new figure plus an earlier one gives the running total"
    }

    fn check(&self, story: &Story, out: &mut Vec<Check>) {
        let index = (story.options.together && story.docs.len() > 1).then(|| Index::build(story));
        for t in 0..story.claims.len() {
            match &index {
                Some(index) => {
                    if let Some(r) = running(story, t, Some(index)) {
                        out.push(judge(story, &r));
                    }
                }
                None => {
                    if let Some(r) = story.running(t) {
                        out.push(judge(story, r));
                    }
                }
            }
        }
        if let Some(index) = &index {
            restated_earlier(story, index, out);
        }
    }
}

/// Checking documents together: a figure a follow-up marks as counted
/// before ("adds to the 125,000 it closed earlier"; "125,000 earlier"
/// beside a new figure of the kind) must agree with what the earlier
/// document stated.
fn restated_earlier(story: &Story, index: &Index, out: &mut Vec<Check>) {
    for sen in story.sentences.iter().filter(|s| s.doc > 0) {
        for e in sen.claims.clone() {
            let claim = &story.claims[e];
            // Only words that add this figure to a new one ("adds to the
            // 125,000") say it was counted before.
            if !is_amount(claim) || !ADDED_TO.is_match(story.text_before(e)) {
                continue;
            }
            let (Some(unit), Some(period)) = (claim.unit.as_deref(), claim.period.as_ref()) else {
                continue;
            };
            let Some(first) = index.earlier_document(story, claim.doc, unit, None, claim) else {
                continue;
            };
            // The same count covers the same time: without that, two
            // figures of one unit in two documents may be anything.
            let same_time = story.claims[first]
                .period
                .as_ref()
                .is_some_and(|p| same_span(p, period));
            if same_time {
                out.push(judge_restated(story, first, e));
            }
        }
    }
}

/// "added to the", "adds to the", "on top of the": a figure counted before.
static ADDED_TO: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"\b(?:added\s+to|adds?\s+to|adding\s+to|on\s+top\s+of|in\s+addition\s+to)\s+(?:the|its|their)\s*(?:(?:some|about|around|nearly|almost|more\s+than|over)\s+)?$")
        .expect("added to")
});

/// Whether two periods can be the same: their starts can fall on one day,
/// and so can their ends.
fn same_span(p: &crate::period::Period, q: &crate::period::Period) -> bool {
    let meets = |a: &crate::period::Edge, b: &crate::period::Edge| match (a.band(), b.band()) {
        (Some((a0, a1)), Some((b0, b1))) => a0 <= b1 && b0 <= a1,
        _ => false,
    };
    meets(&p.start, &q.start) && meets(&p.end, &q.end)
}

fn judge_restated(story: &Story, first: usize, again: usize) -> Check {
    let (a, b) = (&story.claims[first], &story.claims[again]);
    let ok = a.interval.overlaps(&b.interval);
    let name = story
        .docs
        .get(a.doc)
        .map_or("an earlier document", |d| d.name.as_str());
    let said = |c: &Claim| story.lower(c.doc, c.span.0, c.span.1).to_string();
    let explanation = if ok {
        format!(
            "the earlier figure \"{}\" agrees with \"{}\" in {name}",
            said(b),
            said(a)
        )
    } else {
        format!(
            "the earlier figure \"{}\" ({}) does not agree with \"{}\" in {name} ({})",
            said(b),
            format_interval(&b.interval),
            said(a),
            format_interval(&a.interval)
        )
    };
    let cue = EARLIER_BEFORE
        .find(story.text_before(again))
        .map(|m| m.as_str().trim().to_string())
        .unwrap_or_else(|| "earlier".to_string());
    Check {
        rule: "cumulative",
        status: if ok { Status::Ok } else { Status::Inconsistent },
        claims: vec![first, again],
        explanation,
        evidence: format!("cue: \"{cue}\"; inferred: same unit, earlier document"),
        rounding_only: false,
        severity: (!ok).then(|| severity(&a.interval, &b.interval)),
    }
}

/// How the parts' periods meet the total's, in words, and whether they
/// certainly do not tile it.
fn periods(story: &Story, r: &Running) -> (String, Option<String>) {
    let c = story.claims;
    let (e, n, t) = (&c[r.earlier], &c[r.new], &c[r.total]);
    let (Some(pe), Some(pn), Some(pt)) = (&e.period, &n.period, &t.period) else {
        return (
            "periods not verified: not every figure states one".into(),
            None,
        );
    };
    let named = format!("\"{}\", then \"{}\", for \"{}\"", pe.text, pn.text, pt.text);
    // One phrase attached to several figures says nothing about how their
    // periods differ.
    if pe.offset == pn.offset || pe.offset == pt.offset || pn.offset == pt.offset {
        return (format!("periods not verified: {named} share words"), None);
    }
    match tiles(&[pe, pn], pt) {
        Tiling::Exact => (format!("periods tile exactly: {named}"), None),
        Tiling::Plausible { slack } => (format!("periods tile within {slack} days: {named}"), None),
        // A few days may be a reading the wording allows: only a clear
        // gap or overlap is reported.
        Tiling::Gap { days } if days > 14 => (
            String::new(),
            Some(format!("the periods leave {days} days uncounted: {named}")),
        ),
        Tiling::Overlap { days } if days > 14 => (
            String::new(),
            Some(format!("the periods count {days} days twice: {named}")),
        ),
        _ => (format!("periods not verified: {named}"), None),
    }
}

fn judge(story: &Story, r: &Running) -> Check {
    let c = story.claims;
    let (e, n, t) = (&c[r.earlier], &c[r.new], &c[r.total]);
    let sum = n.interval.add(&e.interval);
    let exact = n.value.zip(e.value).and_then(|(a, b)| a.checked_add(b));
    let shown = exact.map_or_else(|| format_interval(&sum), |x| super::change::amount(x, t));
    let (period_note, period_problem) = periods(story, r);
    let arithmetic = format!(
        "{} new + {} earlier = {} (stated: {})",
        n.literal, e.literal, shown, t.literal
    );
    let fits = sum.overlaps(&t.interval);
    let (status, explanation, sev) = match (&period_problem, fits) {
        (Some(p), _) => (
            Status::Inconsistent,
            format!("{arithmetic}; but {p}"),
            Some(Severity::Minor),
        ),
        (None, true) => (Status::Ok, format!("{arithmetic}; {period_note}"), None),
        (None, false) => (
            Status::Inconsistent,
            format!(
                "{} new + {} earlier = {}, but the running total is stated as {}: the parts allow {}, the total {}; {period_note}",
                n.literal,
                e.literal,
                shown,
                t.literal,
                format_interval(&sum),
                format_interval(&t.interval)
            ),
            Some(severity(&sum, &t.interval)),
        ),
    };
    let rounding_only = status == Status::Ok && exact.is_some_and(|x| !t.interval.contains(x));
    let earlier_how = match r.earlier_from {
        Source::Sentence => String::new(),
        Source::EarlierSentence => {
            "; inferred: earlier figure from a running total in an earlier sentence, same unit"
                .into()
        }
        Source::EarlierDocument => format!(
            "; inferred: earlier figure from {}, same unit and measure",
            story
                .docs
                .get(e.doc)
                .map_or("an earlier document", |d| d.name.as_str())
        ),
    };
    let mut parts = vec![r.new, r.earlier];
    parts.sort_unstable();
    parts.push(r.total);
    Check {
        rule: "cumulative",
        status,
        claims: parts,
        explanation,
        evidence: format!("cue: \"{}\"{earlier_how}", r.cue),
        rounding_only,
        severity: sev,
    }
}

#[cfg(test)]
mod tests {
    use super::super::pairs::testing::{run, run_dated};
    use super::*;

    #[test]
    fn running_total_cues_agree_with_their_pattern() {
        let vocab = [
            "bringing the total",
            "brings its",
            "took the city's",
            "pushed this year's",
            "the year's",
            "death toll",
            "number",
            "total",
            "for 2018",
            "to",
            "at",
            "a running total of",
            "the cumulative tally to",
            "the total so far",
            "total to date",
            "stands at",
            "now stands at",
            "is",
            "some",
            "more than",
            "just over",
            "subtotal so far is",
            "x",
            "tosome",
            "é",
            "\u{b}",
            "for-profit",
        ];
        let pattern = regex::Regex::new(TOTAL_CUE_PATTERN).unwrap();
        let texts: Vec<String> = crate::reconcile::cue::testing::texts(&vocab, 6000, 5)
            .into_iter()
            .flat_map(|t| [format!("{t} to "), format!("{t} at about "), t])
            .collect();
        let found = texts.iter().filter(|t| pattern.is_match(t)).count();
        assert!(found > 100, "{found}");
        for t in &texts {
            let want = pattern.find(t).map(|m| m.as_str());
            assert_eq!(total_cue(t), want, "{t:?}");
        }
    }

    #[test]
    fn new_cues_agree_with_their_pattern() {
        let pattern = regex::Regex::new(r"(?-u:\b)(?:another|a\s+further|an\s+additional|an\s+extra|a\s+fresh|added|adds|adding|gained|gains)\s+(?:(?:some|about|around|nearly|almost|more\s+than|over)\s+)?$").unwrap();
        let vocab = [
            "another",
            "a further",
            "an",
            "a",
            "extra",
            "fresh",
            "added",
            "xadds",
            "gains",
            "some",
            "more",
            "than",
            "more than",
            "over",
            "the",
            "é",
            "1",
        ];
        let texts = crate::reconcile::cue::testing::texts(&vocab, 6000, 4);
        crate::reconcile::cue::testing::assert_agrees(&pattern, new_before, &texts, 100);
    }

    #[test]
    fn count_nouns_match_their_pattern() {
        let noun = regex::Regex::new(r"\b(?:total|tally|toll|count|number|figure)\b").unwrap();
        let vocab = [
            "total", "totals", "subtotal", "toll", "tolls", "tally", "count", "counted", "number",
            "figure", "figures", "the", "é", "naïve", "tollé", "1", "_",
        ];
        let words: Vec<regex::Regex> = COUNT_NOUNS
            .iter()
            .map(|n| regex::Regex::new(&format!(r"\b{n}\b")).unwrap())
            .collect();
        for t in super::super::cue::testing::texts(&vocab, 3000, 6) {
            let want = noun.find(&t).map(|m| m.as_str());
            assert_eq!(count_noun(&t), want, "{t:?}");
            for (n, word) in COUNT_NOUNS.iter().zip(&words) {
                assert_eq!(has_word(&t, n), word.is_match(&t), "{n} in {t:?}");
            }
        }
    }

    const SCENARIO: &str = "It said on Thursday that it had suspended another 235,000 accounts over the previous six months, which, added to the 125,000 it closed between mid-2015 and February, brings the total so far to 360,000.";

    #[test]
    fn the_accounts_scenario() {
        let c = run_dated(&Cumulative, SCENARIO, Some("2016-08-18"));
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].status, Status::Ok);
        assert!(
            c[0].explanation.starts_with(
                "235,000 new + 125,000 earlier = 360,000 (stated: 360,000); periods tile"
            ),
            "{}",
            c[0].explanation
        );
        let wrong = SCENARIO.replace("360,000", "380,000");
        let c = run_dated(&Cumulative, &wrong, Some("2016-08-18"));
        assert_eq!(c[0].status, Status::Inconsistent);
        assert_eq!(c[0].severity, Some(Severity::Minor));
    }

    #[test]
    fn unknown_periods_still_check_the_sum() {
        let c = run(
            &Cumulative,
            "Health officials confirmed a further 40 cases, which, added to the 1,210 reported earlier, took the tally to 1,250.",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].status, Status::Ok);
        assert!(c[0].explanation.contains("periods not verified"), "{c:?}");
    }

    #[test]
    fn earlier_part_in_the_sentence_before() {
        let text = "By Monday, 1,210 cases had been confirmed. Officials reported 40 more cases on Tuesday, taking the tally to 1,250.";
        let c = run(&Cumulative, text);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].status, Status::Ok);
        assert!(c[0].evidence.contains("inferred"), "{c:?}");
        let c = run(&Cumulative, &text.replace("1,250", "1,350"));
        assert_eq!(c[0].status, Status::Inconsistent);
    }

    #[test]
    fn another_scope_is_no_earlier_part() {
        let text = "Nationally, the toll stands at 1,100. In the region, another 40 deaths took the toll to 1,250.";
        assert!(run(&Cumulative, text).is_empty());
        let text = "In Leeds, the tally so far is 1,100. In York, another 40 cases took the tally to 1,250.";
        assert!(run(&Cumulative, text).is_empty());
        let text = "The national toll stands at 5,400. Another 40 deaths took the toll to 1,250.";
        assert!(run(&Cumulative, text).is_empty());
    }

    #[test]
    fn an_earlier_figure_after_the_total_is_another_count() {
        let text = "A further 2,000 troops will be sent, taking the total deployment to 12,000, on top of 3,500 sent last year to a different region.";
        assert!(run(&Cumulative, text).is_empty());
    }

    #[test]
    fn a_bare_figure_of_another_count_is_no_earlier_part() {
        let text = "Another 61 deaths took the capital's toll to 1,020. The charity planted another 12,000 trees, bringing the number it has planted to 150,000.";
        let c = run(&Cumulative, text);
        assert!(c.iter().all(|k| k.status == Status::Ok), "{c:?}");
    }

    #[test]
    fn a_weekly_figure_before_is_no_earlier_part() {
        let text = "There were 300 cases last week. Officials reported 40 more cases on Tuesday, taking the tally to 1,250.";
        assert!(run(&Cumulative, text).is_empty());
    }

    #[test]
    fn a_gap_between_the_periods_is_reported() {
        let text = "It closed 125,000 accounts in 2014 and another 235,000 accounts in 2016, bringing the total so far to 360,000.";
        let c = run_dated(&Cumulative, text, Some("2017-01-10"));
        // Whether the periods are read or not, the sum holds; a reading of
        // both periods shows the missing year.
        assert_eq!(c.len(), 1, "{c:?}");
        if c[0].status == Status::Inconsistent {
            assert!(c[0].explanation.contains("uncounted"), "{c:?}");
        }
    }

    #[test]
    fn no_new_figure_no_check() {
        assert!(
            run(
                &Cumulative,
                "It closed 125,000 accounts and 235,000 pages, bringing the total to 360,000."
            )
            .is_empty()
        );
    }

    fn together(texts: &[&str], together: bool) -> Vec<Check> {
        use crate::input::{Document, InputOptions};
        let docs: Vec<Document> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                Document::from_bytes(
                    format!("d{i}"),
                    t.as_bytes().to_vec(),
                    &InputOptions::default(),
                )
            })
            .collect();
        let ex = crate::extract::extract(&docs);
        let options = crate::Options {
            together,
            ..Default::default()
        };
        let story = Story::new(&docs, &ex, &options);
        let mut out = Vec::new();
        super::super::Rule::check(&Cumulative, &story, &mut out);
        out
    }

    #[test]
    fn an_earlier_document_gives_the_earlier_part() {
        let first = "February 5, 2016\n\nThe network said it had suspended 125,000 accounts since mid-2015.\n";
        let second = "August 18, 2016\n\nThe network said it had suspended another 235,000 accounts over the previous six months, bringing the total so far to 360,000.\n";
        let c = together(&[first, second], true);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].status, Status::Ok);
        assert!(c[0].evidence.contains("d0"), "{c:?}");
        let c = together(&[first, &second.replace("360,000", "390,000")], true);
        assert_eq!(c[0].status, Status::Inconsistent);
        // Apart, the follow-up has no earlier part.
        assert!(together(&[first, second], false).is_empty());
    }

    #[test]
    fn a_restated_earlier_figure_must_agree() {
        let first = "February 5, 2016\n\nThe network said it had suspended 125,000 accounts since mid-2015.\n";
        let second = "August 18, 2016\n\nThe suspensions add to the 152,000 accounts it closed between mid-2015 and February.\n";
        let c = together(&[first, second], true);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].status, Status::Inconsistent);
        let c = together(&[first, &second.replace("152,000", "125,000")], true);
        assert_eq!(c[0].status, Status::Ok);
        // Another time, another count.
        let other =
            "August 18, 2016\n\nThe suspensions add to the 152,000 accounts it closed in 2014.\n";
        assert!(together(&[first, other], true).is_empty());
    }

    #[test]
    fn one_period_phrase_for_all_figures_is_no_overlap() {
        let text = "A second appeal raised an additional £1.27m over the new year, which adds to the £1.86m collected in December and takes the fund's running total to £3.13m.";
        let c = run_dated(&Cumulative, text, Some("2026-01-09"));
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].status, Status::Ok, "{c:?}");
    }

    #[test]
    fn up_from_gives_the_earlier_total() {
        let text = "A further 6 medals took the team's tally to 59, up from 53 on Saturday.";
        let c = run(&Cumulative, text);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].status, Status::Ok);
        let c = run(&Cumulative, &text.replace("59", "69"));
        assert_eq!(c[0].status, Status::Inconsistent);
    }

    #[test]
    fn rounded_parts() {
        let c = run(
            &Cumulative,
            "It raised another $1.2m, which, added to the $1.3m raised earlier, brings its total so far to $2.6m.",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].status, Status::Ok);
        assert!(c[0].rounding_only);
    }
}
