//! `sum`: parts add up to a stated total.
//!
//! Matches a figure that a cue marks as a total ("bringing the total to",
//! "a total of", "in all", "altogether", "combined", "in total") and the
//! figures of the same quantity and unit that stand before it in the same
//! sentence: "1,204 men and 977 women, 2,181 people in all". A story that
//! leads with the total ("Of the 2,181 people, 1,204 were men and 977 were
//! women") gives its parts after it.
//!
//! The parts' intervals are added; the check is inconsistent only when that
//! sum cannot overlap the total's interval. Figures introduced by
//! "including" or followed by "of them" are subsets, not parts, and are
//! left out; fewer than two parts give no check.

use super::cue::Pattern;
use super::cue::{
    Cue, Ends, Slots, ends_with_any, ends_with_phrase, ends_with_slots, is_word_byte, mentions,
    trim_end,
};
use super::running_cue::is_space;
use super::{Check, Status, Story, format_interval, format_number, severity};
use crate::extract::{Claim, Quantity};
use crate::interval::Interval;
use rust_decimal::Decimal;
use std::sync::LazyLock;

pub struct Sum;

/// Literals one of which every cue before a total holds.
const CUE_WORDS: &[&str] = &[
    "total",
    "tally",
    "number",
    "count",
    "toll",
    "figure",
    "sum",
    "add",
    "all",
    "altogether",
    "combined",
];

/// The last word of every cue before a total: its own, "of", or the
/// qualifier after it.
static CUE_ENDS: Ends = Ends::new(&[
    "to",
    "of",
    "totaling",
    "totalling",
    "totaled",
    "totalled",
    "total",
    "all",
    "altogether",
    "told",
    "combined",
    "is",
    "was",
    "were",
    "at",
    "reached",
    "some",
    "about",
    "around",
    "than",
    "over",
    "nearly",
    "almost",
    "least",
]);

/// Literals one of which "in total", "in all", "all told", "altogether",
/// "combined" and "overall" hold.
const CLOSING_WORDS: &[&str] = &["total", "all", "altogether", "combined"];

/// A cue right before the total.
const CUE_BEFORE_PATTERN: &str = r"(?x)
        (?: (?:bring|brings|bringing|brought|take|takes|taking|took|taken|push|pushes|pushing|pushed|lift|lifts|lifting|lifted|raise|raises|raising|raised)\s+
              (?:the|its|their|our|his|her)\s+(?:[a-z-]+\s+){0,2}?
              (?:total|tally|number|count|toll|figure|sum)(?:\s+[a-z]+){0,3}?\s+to
          | (?:a|the)\s+(?:combined\s+|grand\s+)?total\s+of
          | total(?:l)?ing | totall?ed
          | add(?:s|ed|ing)?\s+up\s+to
          | (?:in\s+total|in\s+all|altogether|all\s+told|combined)\s*,
          | (?:^|[.;:]\s*)(?:the\s+)?total(?:\s+[a-z]+){0,2}\s+(?:is|was|were|stands?\s+at|stood\s+at|reached|came\s+to)
        )
        [\s,]*(?:of\s+)?(?:some|about|around|more\s+than|over|nearly|almost|at\s+least)?\s*$";

/// [`CUE_BEFORE_PATTERN`], compiled for text that is not all ASCII.
static CUE_BEFORE: Cue = Cue::gated(
    |t| ends_with_any(t, true, &CUE_ENDS) && mentions(t, CUE_WORDS),
    || Pattern::new(CUE_BEFORE_PATTERN).expect("sum cue"),
);

/// The cue before a total the text ends with, if any: ASCII text is read
/// by hand ([`super::sum_cue`]), other text by [`CUE_BEFORE`].
fn cue_before(text: &str) -> Option<&str> {
    CUE_BEFORE.ending_match(text, super::sum_cue::start)
}

/// A cue right after the total.
static CUE_AFTER: Cue = Cue::gated(closing_phrase_near, || {
    Pattern::new(CUE_AFTER_PATTERN).expect("sum cue after")
});

const CUE_AFTER_PATTERN: &str = r"^[\s,]*(?:[a-z]+\s+){0,2}?(?:in\s+total|in\s+all|altogether|all\s+told|combined|overall)(?-u:\b)";

/// Whether one of the first three words of `text` (after spaces and
/// commas) is a word a phrase of [`CUE_AFTER`] starts with: the pattern
/// skips at most two words. Asked after each of a story's figures, where
/// the pattern's own search cost more than the rest of the rule; text the
/// scan cannot read as the pattern would (any byte not ASCII) is left to
/// the pattern.
fn closing_phrase_near(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    let skip = |i: &mut usize, f: fn(u8) -> bool| {
        let from = *i;
        while b.get(*i).is_some_and(|&c| f(c)) {
            *i += 1;
        }
        *i > from
    };
    skip(&mut i, |c| is_space(c) || c == b',');
    for _ in 0..3 {
        let start = i;
        let word = skip(&mut i, |c| c.is_ascii_lowercase());
        if matches!(
            &text[start..i],
            "in" | "altogether" | "all" | "combined" | "overall"
        ) {
            return true;
        }
        if b.get(i).is_some_and(|c| !c.is_ascii()) {
            return true;
        }
        if !word || !skip(&mut i, is_space) {
            return b.get(i).is_some_and(|c| !c.is_ascii());
        }
    }
    false
}

/// "Of the 2,181 people, ..." at the start of a sentence: the matches of
/// `(?:^|[\s“\x22])of\s+(?:the|those|these)\s*$`.
fn leading_total(text: &str) -> bool {
    let t = trim_end(text);
    ["the", "those", "these"].iter().any(|w| {
        t.strip_suffix(w).is_some_and(|r| {
            let spaced = trim_end(r);
            spaced.len() < r.len()
                && spaced.strip_suffix("of").is_some_and(|lead| {
                    lead.is_empty()
                        || lead.ends_with(|c: char| c.is_whitespace() || c == '“' || c == '"')
                })
        })
    })
}

/// A figure that is a subset of another, not a part.
const SUBSET_BEFORE: &[&[&str]] = &[
    &["including"],
    &["includes"],
    &["included"],
    &["among", "them"],
    &["of", "which"],
    &["of", "whom"],
];

/// "120 of them", ", most of whom" after a figure: the matches of
/// `^[\s,]*(?:[a-z]+\s+)?of\s+(?:them|whom|which|those|these)(?-u:\b)`.
fn subset_after(text: &str) -> bool {
    let t = text.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
    let of_them = |r: &str| {
        r.strip_prefix("of").is_some_and(|r| {
            let spaced = r.trim_start_matches(char::is_whitespace);
            spaced.len() < r.len()
                && ["them", "whom", "which", "those", "these"].iter().any(|w| {
                    spaced
                        .strip_prefix(w)
                        .is_some_and(|after| !after.bytes().next().is_some_and(is_word_byte))
                })
        })
    };
    let word = t.bytes().take_while(u8::is_ascii_lowercase).count();
    let after_word = &t[word..];
    let spaced = after_word.trim_start_matches(char::is_whitespace);
    of_them(t) || word > 0 && spaced.len() < after_word.len() && of_them(spaced)
}

/// How a figure standing near a total relates to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    /// Counted in the same unit: a part.
    Part,
    /// A subset of another figure ("including 120", "120 of them").
    Subset,
    /// A different kind of figure that cannot be a part (a percentage, a
    /// duration, money beside a count).
    Unrelated,
    /// A figure of the same kind in another unit: it may or may not be a
    /// part, so no verdict can be given.
    Doubtful,
}

fn role(story: &Story, total: &Claim, c: usize) -> Role {
    let part = &story.claims[c];
    if part.quantity != total.quantity || part.currency != total.currency {
        return Role::Unrelated;
    }
    if part
        .unit
        .as_deref()
        .is_some_and(|u| TIME_UNITS.contains(&u))
    {
        return Role::Unrelated;
    }
    if ends_with_phrase(story.text_before(c), SUBSET_BEFORE) || subset_after(story.text_after(c)) {
        return Role::Subset;
    }
    let qualifier = story.lower(part.doc, part.span.0, part.start);
    let before = if qualifier.is_empty() {
        std::borrow::Cow::Borrowed(story.text_before(c))
    } else {
        std::borrow::Cow::Owned(format!("{}{qualifier}", story.text_before(c)))
    };
    if age_before(&before) {
        return Role::Unrelated;
    }
    // One side of a change ("fell to 3,300 from 3,900") is a figure for
    // another time, not a part of this total.
    if COMPARISON_BEFORE.is_match(&before) {
        return Role::Doubtful;
    }
    // A part with no lower bound ("fewer than 50") lets any total pass.
    if part.interval.low.is_none() {
        return Role::Doubtful;
    }
    if !part.is_usable() || part.range || part.vague || !units_match(part, total) {
        return Role::Doubtful;
    }
    Role::Part
}

/// An age after a group of people ("children under 10", "those aged 65"):
/// a bound on who is counted, not a count.
const AGE_BEFORE: &[Slots] = &[
    &[GROUPS, &["aged"], &["under", "over", "between", "from"]],
    &[GROUPS, &["under", "over", "below", "above"]],
    &[GROUPS, &["older", "younger"], &["than"]],
];

/// The groups of people an age bounds.
const GROUPS: &[&str] = &[
    "children",
    "child",
    "kids",
    "people",
    "adults",
    "those",
    "pupils",
    "students",
    "residents",
    "men",
    "women",
    "boys",
    "girls",
    "patients",
    "anyone",
    "voters",
    "drivers",
    "workers",
    "teenagers",
    "babies",
    "infants",
];

/// Whether the text ends with an age bound after a group ([`AGE_BEFORE`]),
/// or with "aged" after one and then white space, as
/// `(?-u:\b)(?:children|...)\s+(?:aged\s+(?:under|over|between|from)?|under|...)\s*$`
/// finds it.
fn age_before(text: &str) -> bool {
    ends_with_slots(text, AGE_BEFORE)
        || (trim_end(text).len() < text.len() && ends_with_slots(text, &[&[GROUPS, &["aged"]]]))
}

/// Words before a figure that make it one side of a change or a
/// comparison.
static COMPARISON_BEFORE: Cue = Cue::gated(
    |t| {
        static ENDS: Ends = Ends::new(&[
            "from", "than", "with", "to", "against", "versus", "vs", "vs.",
        ]);
        ends_with_any(t, false, &ENDS)
    },
    || {
        Pattern::new(r"(?-u:\b)(?:from|than|compared\s+(?:with|to)|against|versus|vs\.?|(?:rose|rises|rising|risen|fell|falls|falling|fallen|dropped|drops|climbed|increased|decreased|grew|jumped|slipped|declined|up|down)(?:\s+by\s+[^\s]+)?\s+to)\s*$")
        .expect("comparison")
    },
);

/// Units a total may have whose parts are counted in narrower units
/// ("1,204 men and 977 women, 2,181 people in all"), with the narrower
/// units each accepts. Anything else must match exactly.
const KINDS: &[(&[&str], &[&str])] = &[
    (
        &[
            "people",
            "person",
            "individual",
            "resident",
            "victim",
            "casualty",
            "passenger",
            "adult",
        ],
        &[
            "man",
            "men",
            "woman",
            "women",
            "child",
            "children",
            "adult",
            "boy",
            "girl",
            "passenger",
            "crew",
            "resident",
            "student",
            "pupil",
            "worker",
            "employee",
            "patient",
            "officer",
            "soldier",
            "civilian",
            "tourist",
            "visitor",
            "migrant",
            "refugee",
            "teenager",
            "infant",
            "baby",
            "pensioner",
            "volunteer",
            "firefighter",
            "nurse",
            "doctor",
            "teacher",
            "staff",
            "member",
            "fan",
            "spectator",
            "voter",
            "player",
            "athlete",
            "citizen",
            "national",
            "foreigner",
            "survivor",
        ],
    ),
    (
        &["vehicle"],
        &[
            "car",
            "van",
            "lorry",
            "truck",
            "bus",
            "motorcycle",
            "bicycle",
            "coach",
        ],
    ),
    (&["death", "fatality"], &["death", "fatality"]),
    (&["medal"], &["gold", "silver", "bronze"]),
    (&["ballot", "vote"], &["vote", "ballot"]),
];

/// Units that measure time: a duration is never a part of a count.
const TIME_UNITS: &[&str] = &[
    "year", "month", "week", "day", "hour", "minute", "decade", "quarter", "second",
];

/// Whether a part's unit fits the total's: equal, borrowed from a
/// neighbouring figure, unknown, or a known narrower kind of the total's
/// unit ("women" of "people").
fn units_match(part: &Claim, total: &Claim) -> bool {
    match (&part.unit, &total.unit) {
        (Some(p), Some(t)) => {
            p == t
                || part.unit_inferred
                || KINDS
                    .iter()
                    .any(|(g, k)| g.contains(&t.as_str()) && k.contains(&p.as_str()))
        }
        _ => true,
    }
}

/// Where the parts of a total are sought.
enum Window {
    /// Claims of the total's sentence before it (from `from`).
    Before { from: usize },
    /// Claims of the total's sentence after it.
    After,
    /// The claims of the previous sentence ("Altogether, 96,937 votes
    /// were counted.").
    Previous,
}

/// The parts of a total in a window, or `None` when a figure there makes
/// the parts uncertain: a doubtful figure among them, or digits the
/// extractor did not read as a figure.
fn parts_in(story: &Story, total: usize, window: &Window) -> Option<Vec<usize>> {
    let claims = story.claims;
    let t = &claims[total];
    let sen = &story.sentences[t.sentence];
    let range = match *window {
        Window::Before { from } => from..total,
        Window::After => total + 1..sen.claims.end,
        Window::Previous => {
            let p = t.sentence.checked_sub(1)?;
            let prev = &story.sentences[p];
            if prev.doc != t.doc || prev.paragraph != sen.paragraph {
                return None;
            }
            prev.claims.clone()
        }
    };
    let mut parts = Vec::new();
    let end = range.end;
    for c in range {
        match role(story, t, c) {
            Role::Part => parts.push(c),
            // A doubtful figure before the first part is outside the list.
            Role::Doubtful if parts.is_empty() && matches!(window, Window::Before { .. }) => {}
            // After a leading total, the list may end before a doubtful
            // figure ("..., 593 dropped out, most after the 30km mark"),
            // but only if no part follows it.
            Role::Doubtful
                if matches!(window, Window::After)
                    && !parts.is_empty()
                    && (c + 1..end).all(|k| role(story, t, k) != Role::Part) =>
            {
                break;
            }
            Role::Doubtful => return None,
            Role::Subset | Role::Unrelated => {}
        }
    }
    let (&first, &last) = (parts.first()?, parts.last()?);
    let (from, to) = match window {
        Window::After => (t.end, claims[last].end),
        _ => (claims[first].start, claims[last].end),
    };
    (!unread_digits(story, first.min(total)..last.max(total) + 1, from, to)).then_some(parts)
}

/// Whether digits between two offsets lie outside the claims that span
/// them (`near`): a figure the extractor skipped may be a missing part.
fn unread_digits(story: &Story, near: std::ops::Range<usize>, from: usize, to: usize) -> bool {
    let near = &story.claims[near];
    let Some(doc) = near.first().map(|c| c.doc) else {
        return false;
    };
    let text = story.lower(doc, from, to);
    let bytes = text.as_bytes();
    let mut k = 0;
    while k < bytes.len() {
        if !bytes[k].is_ascii_digit() {
            k += 1;
            continue;
        }
        let run = bytes[k..].iter().take_while(|b| b.is_ascii_digit()).count();
        let at = from + k;
        // Years are dates, not figures: "1,200 cars in 2023 and 300 vans".
        let year = run == 4 && matches!(&text[k..k + 2], "18" | "19" | "20" | "21");
        if !year && !near.iter().any(|c| c.start <= at && at < c.end) {
            return true;
        }
        k += run;
    }
    false
}

/// A sentence-initial total cue that leaves its parts to the sentence
/// before: "Altogether, ...", "In total, ...".
static OPENING_CUE: Cue = Cue::new(
    |t| mentions(t, CLOSING_WORDS),
    || {
        Pattern::new(r"^[\s\x22“]*(?:altogether|in\s+total|in\s+all|all\s+told|overall)\s*,")
            .expect("opening cue")
    },
);

impl super::Rule for Sum {
    fn id(&self) -> &'static str {
        "sum"
    }

    fn summary(&self) -> &'static str {
        "parts add up to a stated total"
    }

    fn check(&self, story: &Story, out: &mut Vec<Check>) {
        for sentence in story.sentences {
            let range = sentence.claims.clone();
            let mut used_until = range.start;
            for t in range.clone() {
                let total = &story.claims[t];
                if !total.is_usable() || total.quantity == Quantity::Percent || total.range {
                    continue;
                }
                // A running total of a new and an earlier figure is the
                // `cumulative` rule's, which also checks their periods.
                if story.running(t).is_some() {
                    used_until = t + 1;
                    continue;
                }
                let before = story.text_before(t);
                let (cue, window) = if t == range.start
                    && let Some(m) = OPENING_CUE.find(before)
                {
                    (m.as_str(), Window::Previous)
                } else if let Some(cue) = cue_before(before) {
                    (cue, Window::Before { from: used_until })
                } else if let Some(m) = CUE_AFTER.find(story.text_after(t)) {
                    (m.as_str(), Window::Before { from: used_until })
                } else if t == range.start
                    && leading_total(before)
                    && exhaustive(story.sentence_text(total.sentence))
                {
                    ("of the ...", Window::After)
                } else {
                    continue;
                };
                let cue = cue
                    .trim_matches(|c: char| c.is_whitespace() || c == ',')
                    .to_string();
                used_until = t + 1;
                let Some(parts) = parts_in(story, t, &window) else {
                    continue;
                };
                let separate = matches!(window, Window::Before { .. })
                    && separate_clause(story, *parts.last().unwrap_or(&t), t);
                if parts.len() < 2 || separate || wider_scope(story, &parts, t) {
                    continue;
                }
                // "bringing the number of arrests to 57" adds the parts to
                // a count the story need not state: they may fall short of
                // the total, never exceed it.
                if increments(&cue) && !ONLY_ADDED.is_match(&cue) && below_total(story, &parts, t) {
                    continue;
                }
                out.push(judge(story, &parts, t, &cue));
            }
        }
    }
}

/// "Of the 500 staff, 120 work in sales and 80 in marketing" need not
/// cover all 500, and "300 were interviewed and 45 hired" overlap: a list
/// after a leading total is taken as the whole only when it says so ("the
/// rest, 7", "the other 27": the remainder with its figure) or names two sides that cover it (men and
/// women, adults and children, for and against).
fn exhaustive(sentence: &str) -> bool {
    if REST.is_match(sentence) {
        return true;
    }
    let words: Vec<&str> = sentence
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .collect();
    SIDES
        .iter()
        .any(|(a, b)| words.contains(a) && words.contains(b))
}

static REST: Cue = Cue::new(
    |t| mentions(t, &["rest", "remain", "other"]),
    || {
        Pattern::new(r"(?-u:\b)(?:(?:the\s+rest|the\s+remaining|the\s+remainder|the\s+other|all\s+the\s+others)[\s,]*(?:(?:of\s+them|some|about|around|nearly)[\s,]*)?\d|\d[\d,]*\s+others(?-u:\b))")
        .expect("rest")
    },
);

/// Pairs of words that between them cover a whole.
const SIDES: &[(&str, &str)] = &[
    ("men", "women"),
    ("male", "female"),
    ("males", "females"),
    ("boys", "girls"),
    ("adults", "children"),
    ("for", "against"),
    ("yes", "no"),
    ("full-time", "part-time"),
    ("public", "private"),
    ("urban", "rural"),
    ("domestic", "international"),
    ("finished", "dropped"),
    ("won", "lost"),
    ("survived", "died"),
    ("vaccinated", "unvaccinated"),
];

/// Between the last part and its total, a conjunction or clause break
/// starts another statement ("3,000 in Leeds and 1,200 in York, and a
/// total of 9,500"): the total need not be theirs.
static CLAUSE_BREAK: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?-u:\b)(?:and|but|while|whereas|although|though)(?-u:\b)|;")
        .expect("clause break")
});

fn separate_clause(story: &Story, last: usize, total: usize) -> bool {
    let (l, t) = (&story.claims[last], &story.claims[total]);
    l.span.1 < t.span.0 && CLAUSE_BREAK.is_match(story.lower(t.doc, l.span.1, t.span.0))
}

/// Words that give a total a wider scope than its parts.
static WIDER: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?-u:\b)(?:worldwide|globally|nationally|nationwide|across\s+(?:the|its|their)\s+[a-z]+|in\s+all\s+(?:its|their|the)\s+[a-z]+|elsewhere|around\s+the\s+world|in\s+the\s+country)(?-u:\b)")
        .expect("wider")
});

/// Whether the total's own words give it a scope the parts do not share
/// ("3,000 in Leeds and 1,200 in York, and a total of 9,500 worldwide").
fn wider_scope(story: &Story, parts: &[usize], total: usize) -> bool {
    let t = &story.claims[total];
    let own = format!("{} {}", story.text_before(total), story.text_after(total));
    let Some(m) = WIDER.find(&own) else {
        return false;
    };
    let first = &story.claims[parts[0]];
    let last = &story.claims[*parts.last().expect("two parts")];
    let (from, to) = (
        first.span.0.min(t.span.0),
        last.span.1.min(t.span.0).max(first.span.1),
    );
    !story.lower(t.doc, from, to).contains(m.as_str())
}

/// A cue that raises a running count to the total.
const INCREMENT: &[&str] = &[
    "bring", "brought", "tak", "took", "push", "lift", "rais", "put",
];

fn increments(cue: &str) -> bool {
    INCREMENT.iter().any(|w| cue.starts_with(w))
}

/// A total that counts only the additions ("the number of new crew"):
/// the parts are all of it.
static ONLY_ADDED: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"\b(?:new|additional|extra|hired|recruited|added)\b").expect("only added")
});

/// Whether the parts certainly add up to less than the total.
fn below_total(story: &Story, parts: &[usize], total: usize) -> bool {
    let sum = Interval::sum(parts.iter().map(|&p| &story.claims[p].interval));
    let stated = &story.claims[total].interval;
    !sum.overlaps(stated) && stated.gap(&sum) > rust_decimal::Decimal::ZERO && {
        matches!((sum.high, stated.low), (Some(h), Some(l)) if h.value <= l.value)
    }
}

/// Checks parts against a total and explains the verdict.
fn judge(story: &Story, parts: &[usize], total: usize, cue: &str) -> Check {
    let claims = story.claims;
    let sum = Interval::sum(parts.iter().map(|&p| &claims[p].interval));
    let stated = &claims[total].interval;
    let exact_sum: Option<Decimal> = parts
        .iter()
        .try_fold(Decimal::ZERO, |acc, &p| acc.checked_add(claims[p].value?));
    let terms: Vec<&str> = parts.iter().map(|&p| claims[p].literal.as_str()).collect();
    let shown_sum = exact_sum.map_or_else(|| format_interval(&sum), format_number);
    let ok = sum.overlaps(stated);
    let total_claim = &claims[total];
    let explanation = if ok {
        format!(
            "{} = {} (stated: {})",
            terms.join(" + "),
            shown_sum,
            total_claim.literal
        )
    } else {
        format!(
            "{} = {}, but the total is stated as {}: the parts allow {}, the total {}",
            terms.join(" + "),
            shown_sum,
            total_claim.literal,
            format_interval(&sum),
            format_interval(stated)
        )
    };
    // OK, but only because the parts' rounding reaches the total.
    let rounding_only = ok && exact_sum.is_some_and(|s| !stated.contains(s));
    let mut ids = parts.to_vec();
    ids.push(total);
    Check {
        rule: "sum",
        status: if ok { Status::Ok } else { Status::Inconsistent },
        claims: ids,
        explanation,
        evidence: format!("cue: \"{cue}\""),
        rounding_only,
        severity: (!ok).then(|| severity(&sum, stated)),
    }
}

#[cfg(test)]
mod tests {
    use crate::input::{Document, InputOptions};
    use crate::reconcile::{Rule, Status};

    #[test]
    fn total_cues_agree_with_their_pattern() {
        let vocab = [
            "bringing the total",
            "brings its",
            "took their",
            "death toll",
            "number",
            "total",
            "for",
            "to",
            "a total of",
            "the grand total of",
            "totalling",
            "totaled",
            "adds up to",
            "in total,",
            "in all ,",
            "altogether",
            ",",
            ". the total",
            "; total",
            "stands at",
            "came to",
            "was",
            "is",
            "of",
            "some",
            "more than",
            "at least",
            "tosome",
            "x",
            "é",
            "for-profit",
        ];
        let pattern = regex::Regex::new(super::CUE_BEFORE_PATTERN).unwrap();
        let texts: Vec<String> = crate::reconcile::cue::testing::texts(&vocab, 6000, 5)
            .into_iter()
            .flat_map(|t| [format!("{t} to "), format!("{t} of about "), t])
            .collect();
        let found = texts.iter().filter(|t| pattern.is_match(t)).count();
        assert!(found > 100, "{found}");
        for t in &texts {
            let want = pattern.find(t).map(|m| m.as_str());
            assert_eq!(super::cue_before(t), want, "{t:?}");
        }
    }

    #[test]
    fn age_bounds_agree_with_their_pattern() {
        let pattern = regex::Regex::new(r"(?-u:\b)(?:children|child|kids|people|adults|those|pupils|students|residents|men|women|boys|girls|patients|anyone|voters|drivers|workers|teenagers|babies|infants)\s+(?:aged\s+(?:under|over|between|from)?|under|over|below|above|older\s+than|younger\s+than)\s*$").unwrap();
        let vocab = [
            "children",
            "child",
            "women",
            "men",
            "infants",
            "aged",
            "under",
            "over",
            "between",
            "from",
            "below",
            "older",
            "younger",
            "than",
            "é",
            "xmen",
            "the",
            "1",
            "children aged",
            "women over",
            "men older than",
            "pupils aged under",
            "boys below",
        ];
        let texts = crate::reconcile::cue::testing::texts(&vocab, 6000, 4);
        crate::reconcile::cue::testing::assert_agrees(&pattern, super::age_before, &texts, 30);
    }

    fn checks(text: &str) -> Vec<crate::reconcile::Check> {
        let docs = vec![Document::from_bytes(
            "t",
            text.as_bytes().to_vec(),
            &InputOptions::default(),
        )];
        let ex = crate::extract::extract(&docs);
        let mut out = Vec::new();
        let options = crate::Options::default();
        let story = super::Story::new(&docs, &ex, &options);
        super::Sum.check(&story, &mut out);
        out
    }

    #[test]
    fn the_guard_of_the_cue_after_passes_every_text_the_pattern_matches() {
        let pattern = regex::Regex::new(super::CUE_AFTER_PATTERN).unwrap();
        let vocab = [
            "in",
            "total",
            "all",
            "told",
            "altogether",
            "combined",
            "overall",
            "the",
            "people",
            "inx",
            "xall",
            "1",
            "é",
            "Total",
        ];
        let texts = crate::reconcile::cue::testing::texts(&vocab, 40_000, 5);
        let (mut matched, mut passed) = (0, 0);
        for t in &texts {
            let guard = super::closing_phrase_near(t);
            if pattern.is_match(t) {
                assert!(guard, "{t:?}");
                matched += 1;
            }
            passed += usize::from(guard);
        }
        assert!(matched > 1_000, "{matched}");
        // It must also turn texts away, or it guards nothing.
        assert!(passed < texts.len() * 3 / 4, "{passed}");
        for t in [
            "\u{a0}in total",
            "people\u{a0}in all",
            "\u{b}all told",
            ", the people combined",
        ] {
            assert!(
                pattern.is_match(t) && super::closing_phrase_near(t),
                "{t:?}"
            );
        }
        assert!(!super::closing_phrase_near("the people who came in total"));
    }

    #[test]
    fn subset_cues_agree_with_their_pattern() {
        let pattern = regex::Regex::new(
            r"(?-u:\b)(?:including|includes|included|among\s+them|of\s+which|of\s+whom)\s*$",
        )
        .unwrap();
        let vocab = [
            "including",
            "includes",
            "included",
            "among",
            "them",
            "of",
            "which",
            "whom",
            "xof",
            "1",
            "the",
        ];
        for t in crate::reconcile::cue::testing::texts(&vocab, 20_000, 4) {
            let hand = super::ends_with_phrase(&t, super::SUBSET_BEFORE);
            assert_eq!(hand, pattern.is_match(&t), "{t:?}");
        }
    }

    #[test]
    fn subsets_after_and_leading_totals_agree_with_their_patterns() {
        let after =
            regex::Regex::new(r"^[\s,]*(?:[a-z]+\s+)?of\s+(?:them|whom|which|those|these)(?-u:\b)")
                .unwrap();
        let leading = regex::Regex::new(r"(?:^|[\s“\x22])of\s+(?:the|those|these)\s*$").unwrap();
        let vocab = [
            "of",
            "them",
            "whom",
            "these",
            "themx",
            "most",
            "Most",
            "the",
            "those",
            "xof",
            "1",
            "é",
            "“of",
            "\"of",
            "of the",
            "of them",
            "most of whom",
            "of these",
        ];
        let texts = crate::reconcile::cue::testing::texts(&vocab, 20_000, 3);
        crate::reconcile::cue::testing::assert_agrees(&after, super::subset_after, &texts, 100);
        crate::reconcile::cue::testing::assert_agrees(&leading, super::leading_total, &texts, 100);
    }

    #[test]
    fn parts_before_an_in_all_total() {
        let c = checks("The ferry carried 1,204 men and 977 women, 2,181 people in all.");
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].status, Status::Ok);
        assert_eq!(c[0].explanation, "1,204 + 977 = 2,181 (stated: 2,181)");
        let c = checks("The ferry carried 1,204 men and 977 women, 2,281 people in all.");
        assert_eq!(c[0].status, Status::Inconsistent);
    }

    #[test]
    fn bringing_the_total_to() {
        let c = checks(
            "It suspended 235,000 accounts in March and 125,000 in April, bringing its total to 360,000.",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].status, Status::Ok);
        let c = checks(
            "It suspended 235,000 accounts in March and 125,000 in April, bringing its total to 340,000.",
        );
        assert_eq!(c[0].status, Status::Inconsistent);
        // Short of the total, the parts may add to an earlier count.
        let c = checks(
            "It suspended 235,000 accounts in March and 125,000 in April, bringing its total to 380,000.",
        );
        assert!(c.is_empty(), "{c:?}");
    }

    #[test]
    fn running_totals_are_left_to_cumulative() {
        let c = checks(
            "It suspended another 235,000 accounts, which, added to the 125,000 closed earlier, brings the total so far to 360,000.",
        );
        assert!(c.is_empty(), "{c:?}");
    }

    #[test]
    fn leading_total() {
        let c = checks("Of the 2,181 people, 1,204 were men and 977 were women.");
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].status, Status::Ok);
    }

    #[test]
    fn a_leading_total_needs_a_list_that_covers_it() {
        assert!(checks("Of the 500 staff, 120 work in sales and 80 in marketing.").is_empty());
        assert!(
            checks("Of the 1,200 applicants, 300 were interviewed and 45 were hired.").is_empty()
        );
        let c = checks("Of the 500 staff, 120 are in sales and the other 380 are in the plant.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].status, Status::Ok);
        // "The rest" without a figure leaves the list short.
        assert!(checks("Of the 52 councils, 31 are run by Labour, 14 by the Conservatives and the rest by coalitions.").is_empty());
    }

    #[test]
    fn an_increment_may_fall_short_of_its_total() {
        let c = checks(
            "Police arrested 12 people on Friday and 8 on Saturday, bringing the total number of arrests to 57.",
        );
        assert!(c.is_empty(), "{c:?}");
        let c = checks(
            "The firm sold 1.2 million phones in June and 0.9 million in July, taking its total for the year to 6.1 million.",
        );
        assert!(c.is_empty(), "{c:?}");
        let c = checks(
            "Police arrested 42 people on Friday and 28 on Saturday, bringing the total number of arrests to 57.",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].status, Status::Inconsistent);
    }

    #[test]
    fn a_total_in_another_clause_is_not_the_sum() {
        let c = checks("It has 3,000 staff in Leeds and 1,200 in York, and a total of 9,500.");
        assert!(c.is_empty(), "{c:?}");
        let c = checks("It has 300 members; 45 joined this year and 2,000 people came overall.");
        assert!(c.is_empty(), "{c:?}");
    }

    #[test]
    fn a_total_with_a_wider_scope_is_not_the_sum() {
        let c = checks(
            "It has 3,000 staff in Leeds and 1,200 in York, and a total of 9,500 worldwide.",
        );
        assert!(c.is_empty(), "{c:?}");
    }

    #[test]
    fn subsets_are_not_parts() {
        let c = checks("It hired 300 people, 120 of them engineers, bringing its staff to 1,400.");
        assert!(c.is_empty(), "{c:?}");
    }

    #[test]
    fn a_skipped_figure_stops_the_check() {
        // "Conservatives 19" may be read as a name; the 19 is then unread.
        let c = checks(
            "Labour won 27 seats, the Conservatives 19 and independents 8, 54 seats in total.",
        );
        assert!(c.iter().all(|k| k.status == Status::Ok), "{c:?}");
    }

    #[test]
    fn years_among_the_parts_are_no_figures() {
        let c = checks("It sold 1,200 cars in 2023 and 300 vans in 2024, 1,500 vehicles in total.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].status, Status::Ok);
    }

    #[test]
    fn a_leading_total_list_may_end_before_another_figure() {
        let c = checks(
            "Of the 18,204 runners who started, 17,611 finished and 593 dropped out after the 30km mark.",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].status, Status::Ok);
        let c = checks(
            "Of the 18,204 runners, 17,611 finished, 3 ambulances came and 593 dropped out.",
        );
        assert!(c.is_empty(), "{c:?}");
    }

    #[test]
    fn ages_are_not_parts() {
        let c = checks("Of the 412 cases, 251 were in children under 10 and 161 in adults.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].claims.len(), 3, "{c:?}");
        assert_eq!(c[0].status, Status::Ok);
    }

    #[test]
    fn a_figure_in_another_unit_stops_the_check() {
        // Before the list it is not a part.
        let c = checks("Its 3 ships carried 1,204 men and 977 women, 2,181 people in all.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].status, Status::Ok);
        // Within the list it may be one.
        let c = checks("They carried 1,204 men, 3 ships and 977 women, 2,184 people in all.");
        assert!(c.is_empty(), "{c:?}");
        let c = checks("The 1,204 men and 977 women, 3 ships in all, docked.");
        assert!(c.is_empty(), "{c:?}");
    }

    #[test]
    fn parts_in_the_sentence_before() {
        let c = checks(
            "She took 48,310 votes to 41,925 for her rival. Altogether, 90,235 votes were counted.",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].status, Status::Ok);
        let c = checks(
            "She took 48,310 votes to 41,925 for her rival. Altogether, 96,235 votes were counted.",
        );
        assert_eq!(c[0].status, Status::Inconsistent);
    }

    #[test]
    fn the_sides_of_a_change_are_not_parts() {
        let c = checks(
            "Covid admissions fell to 3,300 from 3,900. In total, 8,708 patients were in hospital with flu or Covid.",
        );
        assert!(c.is_empty(), "{c:?}");
        let c =
            checks("Sales rose to 1,200 cars from 900, and 300 vans, a total of 2,400 vehicles.");
        assert!(c.is_empty(), "{c:?}");
    }

    #[test]
    fn no_cue_no_check() {
        assert!(checks("It had 125,000 users, 235,000 visits and 360,000 clicks.").is_empty());
    }

    #[test]
    fn rounding_is_flagged_as_such() {
        let c = checks("Sales were $1.2m in March and $1.3m in April, a total of $2.6m.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].status, Status::Ok);
        assert!(c[0].rounding_only);
    }
}
