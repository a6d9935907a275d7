//! Shared cue reading for rules that compare a figure before and after a
//! change ("from A to B", "to B from A", "B, up from A"), and the words
//! that say which way a change went.
//!
//! Only adjacent claims of one sentence are paired, so the search is linear
//! in the number of claims.

use super::Story;
use super::cue::Pattern;
use super::cue::{Cue, Slots, ascii_words, ends_with_phrase, has_slots, mentions, trim_end};
use crate::interval::Interval;
use std::sync::LazyLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Two figures a sentence states as the value before and after a change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BeforeAfter {
    pub before: usize,
    pub after: usize,
    /// The words that tied them ("from ... to").
    pub cue: &'static str,
}

/// Which way a change goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// Words that may stand between the two figures of a pair: when each was
/// measured.
const WHEN: &str = r"in|at|on|during|for|a|an|the|this|last|previous|prior|year|years|month|earlier|ago|before|previously|january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|autumn|winter|quarter|election|census|survey|poll|\d{4}(?:-\d{2})?";

/// "from" right before the first figure ("rose from", "from a low of").
const FROM_BEFORE: &[&[&str]] = &[
    &["from"],
    &["from", "just"],
    &["from", "only"],
    &["from", "a", "low", "of"],
    &["from", "a", "high", "of"],
];

/// Between the two figures of "from A to B": at most a few words (a year,
/// "a year earlier") and then "to". [`from_to_between`] reads ASCII text by
/// hand; the pattern reads the rest.
static FROM_TO_BETWEEN: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"^(?:\s*,?\s*(?:in|at|on|during|for|a|an|the|last|year|years|earlier|ago|before|previously|same|month|quarter|week|period|\d{4}(?:-\d{2})?|(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*|may))*\s*,?\s*to(?:\s+(?:a\s+(?:high|low|record)\s+of|just))?\s*$")
        .expect("from-to")
});

/// The words that may stand between "from A" and "to B".
const FROM_TO_WORDS: &[&str] = &[
    "in",
    "at",
    "on",
    "during",
    "for",
    "a",
    "an",
    "the",
    "last",
    "year",
    "years",
    "earlier",
    "ago",
    "before",
    "previously",
    "same",
    "month",
    "quarter",
    "week",
    "period",
    "may",
];
const MONTH_STEMS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// Whether the text between two figures is [`FROM_TO_BETWEEN`]. Which
/// prefixes of an ASCII text the repeated words can cover is worked out
/// place by place (the words need no spaces between them, as in the
/// pattern); the text matches when "to" and its ending follow one.
fn from_to_between(text: &str) -> bool {
    if !text.is_ascii() {
        return FROM_TO_BETWEEN.is_match(text);
    }
    let b = text.as_bytes();
    let mut reach = vec![false; b.len() + 1];
    reach[0] = true;
    for at in 0..=b.len() {
        if !reach[at] {
            continue;
        }
        let k = skip_comma_gap(b, at);
        if b[k..].starts_with(b"to") && to_ending(&text[k + 2..]) {
            return true;
        }
        for end in word_ends(b, k) {
            reach[end] = true;
        }
    }
    false
}

/// Past `\s*,?\s*` from `at`, where a word must start.
fn skip_comma_gap(b: &[u8], at: usize) -> usize {
    let space = |from: usize| from + b[from..].iter().take_while(|c| is_space(**c)).count();
    let k = space(at);
    if b.get(k) == Some(&b',') {
        space(k + 1)
    } else {
        k
    }
}

/// ASCII white space as `\s` sees it.
fn is_space(c: u8) -> bool {
    c.is_ascii_whitespace() || c == 0x0b
}

/// The places where one of the between-words can end if it starts at `k`.
fn word_ends(b: &[u8], k: usize) -> Vec<usize> {
    let mut ends: Vec<usize> = FROM_TO_WORDS
        .iter()
        .filter(|w| b[k..].starts_with(w.as_bytes()))
        .map(|w| k + w.len())
        .collect();
    let digits = b[k..].iter().take_while(|c| c.is_ascii_digit()).count();
    if digits >= 4 {
        ends.push(k + 4);
        let two_digits = || {
            b.get(k + 5..)
                .is_some_and(|r| r.iter().take_while(|c| c.is_ascii_digit()).count() >= 2)
        };
        if b.get(k + 4) == Some(&b'-') && two_digits() {
            ends.push(k + 7);
        }
    }
    let letters = b[k..].iter().take_while(|c| c.is_ascii_lowercase()).count();
    for stem in MONTH_STEMS {
        if b[k..].starts_with(stem.as_bytes()) {
            ends.extend(k + stem.len()..=k + letters);
        }
    }
    ends
}

/// Whether what follows "to" is nothing, or "just" or "a high of" (or
/// "low", "record") after white space, then white space only.
fn to_ending(rest: &str) -> bool {
    let words: Vec<&str> = rest
        .split(char::is_whitespace)
        .filter(|w| !w.is_empty())
        .collect();
    words.is_empty()
        || rest.starts_with(char::is_whitespace)
            && matches!(words[..], ["just"] | ["a", "high" | "low" | "record", "of"])
}

/// "to" right before the later figure of "to B from A".
const TO_BEFORE: &[&[&str]] = &[
    &["to"],
    &["to", "just"],
    &["to", "a", "high", "of"],
    &["to", "a", "low", "of"],
    &["to", "a", "record", "of"],
];

/// Between B and A in "to B from A".
static TO_FROM_BETWEEN: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"^(?:\s*,?\s*(?:in|at|on|during|this|last|previous|same|a|an|the|year|years|to|ended|ending|first|second|third|fourth|half|quarter|quarters|month|months|week|weeks|period|two|three|four|six|nine|twelve|\d{1,2}|\d{4}(?:-\d{2})?|(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*|may))*\s*,?\s*(?:up\s+|down\s+)?from\s*$")
        .expect("to-from")
});

/// Between B and A in "to B for a Band D home, from A": a short phrase
/// closed by a comma before "from".
static TO_PHRASE_FROM: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"^(?:\s+[a-z’']+){1,8}\s*,\s*(?:up\s+|down\s+)?from\s*$").expect("to-phrase-from")
});

/// Between B and A in "B, up from A" (no "to" needed).
static UP_FROM_BETWEEN: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(&format!(
        r"^(?:\s*of\s+(?:the\s+|its\s+|their\s+)?[a-z]+)?(?:\s*,?\s*(?:{WHEN})(?-u:\b))*\s*[,(]\s*(?:up|down)\s+from\s*$"
    ))
    .expect("up-from")
});

/// Words that say a figure went up, sorted for binary search.
const UP_WORDS: &[&str] = &[
    "boost",
    "boosted",
    "boosts",
    "climb",
    "climbed",
    "climbing",
    "climbs",
    "double",
    "doubled",
    "doubles",
    "doubling",
    "gain",
    "gained",
    "gaining",
    "gains",
    "grew",
    "grow",
    "growing",
    "grown",
    "grows",
    "growth",
    "higher",
    "improve",
    "improved",
    "improvement",
    "improves",
    "improving",
    "increase",
    "increased",
    "increases",
    "increasing",
    "jump",
    "jumped",
    "jumping",
    "jumps",
    "quadruple",
    "quadrupled",
    "quadruples",
    "quadrupling",
    "rise",
    "risen",
    "rises",
    "rising",
    "rose",
    "soar",
    "soared",
    "soaring",
    "soars",
    "surge",
    "surged",
    "surges",
    "surging",
    "treble",
    "trebled",
    "trebles",
    "trebling",
    "triple",
    "tripled",
    "triples",
    "tripling",
    "up",
];

/// Words that say a figure went down, sorted for binary search.
const DOWN_WORDS: &[&str] = &[
    "cut",
    "decline",
    "declined",
    "declines",
    "declining",
    "decrease",
    "decreased",
    "decreases",
    "decreasing",
    "dip",
    "dipped",
    "dipping",
    "dips",
    "down",
    "drop",
    "dropped",
    "dropping",
    "drops",
    "fall",
    "fallen",
    "falling",
    "falls",
    "fell",
    "halve",
    "halved",
    "halves",
    "halving",
    "lose",
    "loses",
    "losing",
    "loss",
    "lost",
    "lower",
    "plummet",
    "plummeted",
    "plummeting",
    "plummets",
    "plunge",
    "plunged",
    "plunges",
    "plunging",
    "sank",
    "shrank",
    "shranking",
    "shranks",
    "shrink",
    "shrinking",
    "shrinks",
    "shrunk",
    "sink",
    "sinking",
    "sinks",
    "slid",
    "slide",
    "slides",
    "sliding",
    "slip",
    "slipped",
    "slipping",
    "slips",
    "slump",
    "slumped",
    "slumping",
    "slumps",
    "tumble",
    "tumbled",
    "tumbles",
    "tumbling",
];

/// Words that say better or worse, not up or down ("an improvement of"
/// for a deficit that narrows): they give no direction to a change figure.
fn is_value_word(w: &str) -> bool {
    matches!(
        w,
        "improve" | "improved" | "improves" | "improving" | "improvement"
    )
}

/// The direction words in a stretch of text say, when they agree.
pub fn direction(text: &str) -> Option<Direction> {
    words_direction(&[text], true)
}

/// The direction words in stretches of text say, when they agree; without
/// `value_words`, "improvement" and its kin say nothing (a change figure's
/// own words: better is not up).
fn words_direction(texts: &[&str], value_words: bool) -> Option<Direction> {
    let (mut up, mut down) = (false, false);
    for w in texts.iter().flat_map(|t| ascii_words(t)) {
        if !value_words && is_value_word(w) {
            continue;
        }
        up = up || UP_WORDS.binary_search(&w).is_ok();
        down = down || DOWN_WORDS.binary_search(&w).is_ok();
    }
    match (up, down) {
        (true, false) => Some(Direction::Up),
        (false, true) => Some(Direction::Down),
        _ => None,
    }
}

/// The before/after pairs of adjacent claims in a sentence. Several rules
/// read them, so the story finds them once.
pub fn before_after<'s>(story: &'s Story, sentence: usize) -> &'s [BeforeAfter] {
    story.pairs(sentence)
}

/// Finds the before/after pairs of a sentence.
pub(super) fn find_pairs(story: &Story, sentence: usize) -> Vec<BeforeAfter> {
    let range = story.sentences[sentence].claims.clone();
    let mut out = Vec::new();
    for i in range.start..range.end.saturating_sub(1) {
        let j = i + 1;
        let between = story.text_after(i);
        let lead = story.text_before(i);
        // Each pattern of the gap ends with "to" (or what may follow it)
        // or with "from".
        let tail = trim_end(between);
        let ends_to = ["to", "of", "just"].iter().any(|w| tail.ends_with(w));
        let ends_from = tail.ends_with("from");
        let pair = if ends_to && ends_with_phrase(lead, FROM_BEFORE) && from_to_between(between) {
            Some((i, j, "from ... to"))
        } else if ends_from
            && ends_with_phrase(lead, TO_BEFORE)
            && (TO_FROM_BETWEEN.is_match(between) || TO_PHRASE_FROM.is_match(between))
        {
            Some((j, i, "to ... from"))
        } else if ends_from && UP_FROM_BETWEEN.is_match(between) {
            Some((j, i, "up/down from"))
        } else {
            None
        };
        if let Some((before, after, cue)) = pair {
            out.push(BeforeAfter { before, after, cue });
        }
    }
    out
}

/// A change verb right before a change figure that precedes its pair
/// ("fell by 560 to 4,310 from 4,870", "up 15% to 92 from 80").
static CHANGE_VERB_BEFORE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?-u:\b)(?:rose|rise[ns]?|rising|increas(?:e|ed|es|ing)|jump(?:s|ed)?|climb(?:s|ed)?|gain(?:s|ed)?|grew|grow(?:s|n)?|surg(?:e|ed|es)|soar(?:s|ed)?|rocket(?:s|ed)?|fell|fall(?:s|en)?|drop(?:s|ped)?|declin(?:e|ed|es)|decreas(?:e|ed|es)|slid|slip(?:s|ped)|dipp?(?:s|ed)?|shrank|plung(?:e|ed|es)|plummet(?:s|ed)?|slump(?:s|ed)?|sank|tumbled|cuts?|cutting|reduc(?:e|es|ed|ing)|rais(?:e|es|ed|ing)|boost(?:s|ed)?|expand(?:s|ed)?|trimm?(?:s|ed)?|shed(?:s)?|edged\s+(?:up|down)|went\s+(?:up|down)|up|down)(?:\s+(?:its|the|their|his|her|our)\s+[a-z-]+)?\s+(?:by\s+|of\s+)?(?:an\s+average\s+of\s+|on\s+average\s+)?(?:some\s+|about\s+|around\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+)?$")
        .expect("change verb")
});

/// Text between a pair and a change figure after it: a comma or bracket,
/// then a change noun (", an increase of", "(up").
static CHANGE_APPOSITION: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?x)^(?:\s*(?:a|an|the|in|last|previous|this|that|year|years|month|week|quarter|earlier|ago|before|previously|\d{4}))*
        \s*(?:[,;:(]|[-–—])\s*
        (?:(?:which\s+(?:is|was)|representing|marking|amounting\s+to|or)\s+)?
        (?:an?\s+)?
        (?:(?:rise|increase|jump|gain|climb|fall|drop|decline|decrease|slide|dip|change|difference|improvement|growth|reduction|cut|loss)\s+of\s+
          |(?:up|down)\s+(?:by\s+)?
        )?
        (?:some\s+|about\s+|around\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+)?$")
    .expect("change apposition")
});

/// A change noun or comparison right after a change figure (", a 15% rise",
/// ", 560 more").
static CHANGE_NOUN_AFTER: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"^\s*(?:-\s*)?(?:[a-z]+\s+)?(?:rise|increase|jump|gain|climb|fall|drop|decline|decrease|slide|dip|improvement|growth|reduction|higher|lower|up|down|more|fewer|less)(?-u:\b)")
        .expect("change noun")
});

/// A figure stating the change between the two figures of a pair.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatedChange {
    pub claim: usize,
    /// The words before the figure that tie it to the pair ("an increase
    /// of", "fell by").
    pub lead: String,
    /// A change noun after it ("rise" in "a 15% rise").
    pub trail: String,
    /// The direction those words give, or else the verb before the pair.
    pub direction: Option<Direction>,
}

impl StatedChange {
    /// The change as the story words it: "an increase of 560", "a 15% rise".
    pub fn words(&self, literal: &str) -> String {
        [self.lead.as_str(), literal, self.trail.as_str()]
            .iter()
            .filter(|w| !w.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The cue alone, for evidence: "an increase of ...", "a ... rise".
    pub fn cue(&self) -> String {
        self.words("...")
    }

    /// How the change computed from the pair meets the stated change
    /// `stated` (the claim's interval, unsigned as written): signed by the
    /// direction the words give, or either way when they give none.
    pub fn fit(&self, computed: &Interval, stated: &Interval) -> Fit {
        let signed = match self.direction {
            Some(Direction::Down) => stated.neg(),
            _ => *stated,
        };
        let fits = computed.overlaps(&signed)
            || (self.direction.is_none() && computed.overlaps(&signed.neg()));
        let wrong_way = !fits && self.direction.is_some() && computed.overlaps(&signed.neg());
        Fit {
            signed,
            fits,
            wrong_way,
        }
    }
}

/// A computed change against a stated one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fit {
    /// The stated change with the sign its words give.
    pub signed: Interval,
    /// The two can meet.
    pub fits: bool,
    /// They meet only with the sign turned round: a rise stated as a fall.
    pub wrong_way: bool,
}

/// Collapses runs of white space and trims punctuation that opens an
/// apposition.
fn tidy(words: &str) -> String {
    // Keep the cue itself, not a time phrase before it ("in 2023, a fall of").
    let words = match words.trim().rfind([',', ';', '(']) {
        Some(k) if k > 0 => &words.trim()[k..],
        _ => words,
    };
    words
        .trim()
        .trim_start_matches([',', ';', ':', '(', '-', '–', '—'])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A change on some other basis than the two levels as stated: in real
/// terms, organic, per head, a yearly average. The levels cannot check it.
const ADJUSTED: &[Slots] = &[
    &[&["real"], &["terms"]],
    &[&["inflation"]],
    &[&["like-for-like"]],
    &[
        &["constant"],
        &["prices", "currency", "currencies", "exchange"],
    ],
    &[&["per"], &["capita", "head", "person", "year", "annum"]],
    &[&["each", "every"], &["year"]],
    &[&["annually", "annualised", "annualized"]],
    &[
        &["annual"],
        &[
            "rate", "average", "rise", "increase", "growth", "fall", "decline", "decrease", "gain",
            "drop",
        ],
    ],
    &[&["average"], &["annual", "yearly"]],
    &[&["on"], &["average"]],
    &[&[
        "compound",
        "organic",
        "organically",
        "underlying",
        "excluding",
        "seasonally",
    ]],
];

/// Whether a sentence says a change is on another basis ([`ADJUSTED`]).
/// The first sentences of a run are read by hand, so a short story
/// compiles no pattern; after that the pattern, compiled once, reads them
/// faster than the hand-written test.
pub(super) fn adjusted(sentence: &str) -> bool {
    if ADJUSTED_ASKED.fetch_add(1, Ordering::Relaxed) < HAND_READ_SENTENCES {
        has_slots(sentence, ADJUSTED)
    } else {
        ADJUSTED_PATTERN.is_match(sentence)
    }
}

/// Sentences asked about before [`ADJUSTED_PATTERN`] is compiled.
const HAND_READ_SENTENCES: usize = 200;
static ADJUSTED_ASKED: AtomicUsize = AtomicUsize::new(0);

/// [`ADJUSTED`] as a pattern.
static ADJUSTED_PATTERN: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?-u:\b)(?:real\s+terms|inflation|like-for-like|constant\s+(?:prices|currency|currencies|exchange)|per\s+(?:capita|head|person|year|annum)|each\s+year|every\s+year|annually|annuali[sz]ed|annual\s+(?:rate|average|rise|increase|growth|fall|decline|decrease|gain|drop)|average\s+(?:annual|yearly)|on\s+average|compound|organic(?:ally)?|underlying|excluding|seasonally)(?-u:\b)")
        .expect("adjusted")
});

/// The change figure the syntax ties to a pair: right after it as an
/// apposition (", an increase of 560", ", a 15% rise") or right before it
/// after a change verb ("fell by 560 to ..."). `accept` says which claims
/// can state the change.
pub fn stated_change(
    story: &Story,
    pair: &BeforeAfter,
    accept: impl Fn(usize) -> bool,
) -> Option<StatedChange> {
    if story.adjusted(story.claims[pair.before].sentence) {
        return None;
    }
    tied_change(story, pair, accept)
}

/// [`stated_change`] in a sentence known to state no adjusted change.
fn tied_change(
    story: &Story,
    pair: &BeforeAfter,
    accept: impl Fn(usize) -> bool,
) -> Option<StatedChange> {
    let sen = &story.sentences[story.claims[pair.before].sentence];
    let first = pair.before.min(pair.after);
    let last = pair.before.max(pair.after);
    let make = |c: usize, lead: &str, trail: &str| {
        let (lead, trail) = (tidy(lead), tidy(trail));
        let direction = words_direction(&[&lead, &trail], false)
            .or_else(|| words_direction(&[last_words(story.text_before(first), 3)], false));
        StatedChange {
            claim: c,
            lead,
            trail,
            direction,
        }
    };
    if last + 1 < sen.claims.end && accept(last + 1) {
        let c = last + 1;
        if let Some(m) = CHANGE_APPOSITION.find(story.text_after(last)) {
            let noun = CHANGE_NOUN_AFTER.find(story.text_after(c));
            let has_noun = m.as_str().chars().any(|ch| ch.is_alphabetic()) || noun.is_some();
            if has_noun {
                return Some(make(c, m.as_str(), noun.map_or("", |n| n.as_str())));
            }
        }
    }
    if first > sen.claims.start && accept(first - 1) {
        let c = first - 1;
        let gap = story.text_after(c);
        // A comma may open the gap (", taking the rate to"), not split it.
        let inner = gap.trim_start().trim_start_matches(',');
        let tied = CLOSE_BEFORE_PAIR.is_match(inner) && !CLAUSE_BREAK.is_match(inner);
        if let Some(m) = CHANGE_VERB_BEFORE.find(story.text_before(c))
            && tied
        {
            return Some(make(c, m.as_str(), ""));
        }
    }
    None
}

/// Between a change figure and the pair it precedes: a few words ending
/// in "to" or "from" ("fell by 560 to 4,310", "up 15% in March to").
static CLOSE_BEFORE_PAIR: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"^\s*(?:[a-z0-9'’-]+\s+){0,6}?(?:to|from)(?:\s+(?:a\s+(?:high|low|record)\s+of|just))?\s*$")
        .expect("close before pair")
});

/// A clause boundary: a change figure beyond it is another change.
static CLAUSE_BREAK: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"[,;]|\b(?:while|and|but|whereas|although)\b").expect("clause break")
});

/// "B, up C from A": the change between the later figure and "from".
static UP_BY_BEFORE: Cue = Cue::new(
    |t| mentions(t, &["up", "down"]),
    || {
        Pattern::new(r"^(?:\s*[a-z’']+){0,8}?\s*[,(;]\s*(?:(?:which\s+(?:is|was)|a\s+year\s+earlier|year\s+on\s+year)\s+)?(up|down)\s+(?:by\s+)?(?:some\s+|about\s+|around\s+|nearly\s+|almost\s+)?$")
        .expect("up by")
    },
);

static FROM_ONLY: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"^\s*(?:on\s+the\s+year\s+)?from\s*$").expect("from only"));

/// Every change a sentence states with its two levels: a before/after
/// pair with the change figure tied to it, and "B, up C from A". `accept`
/// says which claims can state the change of a pair.
pub fn changes(
    story: &Story,
    sentence: usize,
    accept: impl Fn(&BeforeAfter, usize) -> bool,
) -> Vec<(BeforeAfter, StatedChange)> {
    let range = story.sentences[sentence].claims.clone();
    let pairs = before_after(story, sentence);
    // An adjusted change in the sentence rules out every reading below.
    if (pairs.is_empty() && range.len() < 3) || story.adjusted(sentence) {
        return Vec::new();
    }
    let mut out: Vec<(BeforeAfter, StatedChange)> = pairs
        .iter()
        .filter_map(|p| tied_change(story, p, |c| accept(p, c)).map(|c| (p.clone(), c)))
        .collect();
    for b in range.start..range.end.saturating_sub(2) {
        let (c, a) = (b + 1, b + 2);
        let Some(m) = UP_BY_BEFORE.captures(story.text_after(b)) else {
            continue;
        };
        let pair = BeforeAfter {
            before: a,
            after: b,
            cue: "up/down ... from",
        };
        if !FROM_ONLY.is_match(story.text_after(c)) || !accept(&pair, c) {
            continue;
        }
        let word = m.get(1).map_or("", |w| w.as_str());
        out.push((
            pair,
            StatedChange {
                claim: c,
                lead: word.to_string(),
                trail: String::new(),
                direction: direction(word),
            },
        ));
    }
    out
}

/// The last `n` words of a stretch of text.
fn last_words(text: &str, n: usize) -> &str {
    let mut seen = 0;
    let mut cut = 0;
    let bytes = text.trim_end().as_bytes();
    for k in (0..bytes.len()).rev() {
        if bytes[k] == b' ' && k + 1 < bytes.len() && bytes[k + 1] != b' ' {
            seen += 1;
            if seen == n {
                cut = k + 1;
                break;
            }
        }
    }
    &text[cut..]
}

#[cfg(test)]
pub mod testing {
    use crate::input::{Document, InputOptions};
    use crate::reconcile::{Check, Rule, Story};

    /// Runs one rule over one document's text.
    pub fn run(rule: &dyn Rule, text: &str) -> Vec<Check> {
        run_dated(rule, text, None)
    }

    /// Runs one rule over a document with a publication date.
    pub fn run_dated(rule: &dyn Rule, text: &str, date: Option<&str>) -> Vec<Check> {
        let opts = InputOptions {
            date: date.map(|d| d.parse().expect("test date")),
            ..InputOptions::default()
        };
        let docs = vec![Document::from_bytes("t", text.as_bytes().to_vec(), &opts)];
        let ex = crate::extract::extract(&docs);
        let options = crate::Options::default();
        let story = Story::new(&docs, &ex, &options);
        let mut out = Vec::new();
        rule.check(&story, &mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_to_gaps_agree_with_their_pattern() {
        let vocab = [
            "in",
            "at",
            "a",
            "an",
            "the",
            "year",
            "years",
            "earlier",
            "2019",
            "2019-20",
            "201",
            "may",
            "jan",
            "january",
            "sept",
            "septx",
            "to",
            "into",
            "just",
            "a high of",
            "a low of",
            "high",
            "of",
            "x",
            "1",
            "é",
            "\u{b}",
        ];
        let texts: Vec<String> = crate::reconcile::cue::testing::texts(&vocab, 4000, 4)
            .into_iter()
            .flat_map(|t| [format!("{t} to"), format!("{t}to a high of "), t])
            .collect();
        let pattern = regex::Regex::new(r"^(?:\s*,?\s*(?:in|at|on|during|for|a|an|the|last|year|years|earlier|ago|before|previously|same|month|quarter|week|period|\d{4}(?:-\d{2})?|(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*|may))*\s*,?\s*to(?:\s+(?:a\s+(?:high|low|record)\s+of|just))?\s*$").unwrap();
        crate::reconcile::cue::testing::assert_agrees(&pattern, from_to_between, &texts, 100);
    }

    #[test]
    fn adjusted_bases_agree_with_their_pattern() {
        let pattern = regex::Regex::new(r"(?-u:\b)(?:real\s+terms|inflation|like-for-like|constant\s+(?:prices|currency|currencies|exchange)|per\s+(?:capita|head|person|year|annum)|each\s+year|every\s+year|annually|annuali[sz]ed|annual\s+(?:rate|average|rise|increase|growth|fall|decline|decrease|gain|drop)|average\s+(?:annual|yearly)|on\s+average|compound|organic(?:ally)?|underlying|excluding|seasonally)(?-u:\b)").unwrap();
        let vocab = [
            "real",
            "terms",
            "inflation",
            "like-for-like",
            "like",
            "constant",
            "currencies",
            "currency",
            "per",
            "capita",
            "head",
            "each",
            "every",
            "year",
            "years",
            "annually",
            "annualised",
            "annualizedx",
            "annual",
            "growth",
            "average",
            "yearly",
            "on",
            "organic",
            "organically",
            "organics",
            "seasonally",
            "rose",
            "é",
            "1",
            "x",
        ];
        let texts = crate::reconcile::cue::testing::texts(&vocab, 6000, 6);
        assert!(texts.iter().filter(|t| pattern.is_match(t)).count() > 100);
        for t in texts {
            let want = pattern.is_match(&t);
            assert_eq!(has_slots(&t, ADJUSTED), want, "{t:?}");
            assert_eq!(ADJUSTED_PATTERN.is_match(&t), want, "{t:?}");
        }
    }
    use crate::input::{Document, InputOptions};

    fn pairs(text: &str) -> Vec<(String, String)> {
        let docs = vec![Document::from_bytes(
            "t",
            text.as_bytes().to_vec(),
            &InputOptions::default(),
        )];
        let ex = crate::extract::extract(&docs);
        let options = crate::Options::default();
        let story = Story::new(&docs, &ex, &options);
        (0..ex.sentences.len())
            .flat_map(|s| before_after(&story, s))
            .map(|p| {
                (
                    ex.claims[p.before].literal.clone(),
                    ex.claims[p.after].literal.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn the_three_shapes() {
        let want = vec![("10%".to_string(), "15%".to_string())];
        assert_eq!(pairs("Turnout rose from 10% to 15%."), want);
        assert_eq!(pairs("Turnout rose from 10% in 2019 to 15%."), want);
        assert_eq!(pairs("Turnout rose to 15% from 10%."), want);
        assert_eq!(pairs("Turnout rose to 15% in March from 10%."), want);
        assert_eq!(pairs("Turnout rose from 10% in January to 15%."), want);
        assert_eq!(pairs("Turnout was 15%, up from 10% a year earlier."), want);
        assert_eq!(pairs("Wages took 15% of income, up from 10%."), want);
    }

    #[test]
    fn unrelated_neighbours_are_not_pairs() {
        assert!(pairs("Turnout was 15% and 10% stayed home.").is_empty());
        assert!(pairs("It sold 10 cars to 15 dealers.").is_empty());
    }

    #[test]
    fn periods_between_the_pair() {
        let want = vec![("7,735".to_string(), "6,420".to_string())];
        assert_eq!(
            pairs("It fell by 1,315 to 6,420 in October, from 7,735 a year earlier."),
            want
        );
        let want = vec![("£1,893".to_string(), "£1,987".to_string())];
        assert_eq!(
            pairs("Tax will rise to £1,987 for a Band D home, from £1,893."),
            want
        );
        let want = vec![("£41.2m".to_string(), "£48.6m".to_string())];
        assert_eq!(
            pairs("Profit rose to £48.6m in the year to January from £41.2m."),
            want
        );
    }

    #[test]
    fn huge_and_tiny_figures_never_panic() {
        use crate::reconcile::{multiple, period, points, repeat, shares};
        let text = "Huge 79,228,162,514,264,337,593,543,950,335 homes built\n\n\
            May 1, 2024\n\n\
            Support rose from 0.0000000000000000000000000001% to 79228162514264337593543950335%, a rise of 5%. \
            It doubled from 0.0000000000000000000000000001 to 79,228,162,514,264,337,593,543,950,335 homes. \
            The 79228162514264337593543950335 years since 2014 were long; 99 decades ago, in 2000. \
            Of the rest, 99999999999999999999999999999% backed it and the remaining 1% opposed it. \
            They built 79,228,162,514,264,337,593,543,950,335 homes.";
        for rule in [
            &points::Points as &dyn crate::reconcile::Rule,
            &multiple::Multiple,
            &shares::Shares,
            &repeat::Repeat,
            &period::PeriodLength,
        ] {
            let _ = testing::run(rule, text);
        }
    }

    #[test]
    fn directions() {
        assert_eq!(direction("a rise of"), Some(Direction::Up));
        assert_eq!(direction(", down"), Some(Direction::Down));
        assert_eq!(direction("rose, then fell"), None);
        assert_eq!(direction("stood at"), None);
        // ASCII word boundaries: a curly quote or an accented letter ends a
        // word; an underscore or a digit does not.
        assert_eq!(direction("’rose’"), Some(Direction::Up));
        assert_eq!(direction("caféfell"), Some(Direction::Down));
        assert_eq!(direction("rose_"), None);
        assert_eq!(direction("2rose"), None);
    }

    const UP_PATTERN: &str = r"(?-u:\b)(?:rose|rise[ns]?|rising|increas(?:e|ed|es|ing)|jump(?:s|ed|ing)?|climb(?:s|ed|ing)?|gain(?:s|ed|ing)?|grew|grow(?:s|n|th|ing)?|up|surg(?:e|ed|es|ing)|soar(?:s|ed|ing)?|higher|boost(?:s|ed)?|doubl(?:e|ed|es|ing)|tripl(?:e|ed|es|ing)|trebl(?:e|ed|es|ing)|quadrupl(?:e|ed|es|ing)|improv(?:e|ed|es|ing|ement))(?-u:\b)";
    const DOWN_PATTERN: &str = r"(?-u:\b)(?:fell|fall(?:s|en|ing)?|drop(?:s|ped|ping)?|declin(?:e|ed|es|ing)|decreas(?:e|ed|es|ing)|down|slid(?:e|es|ing)?|slip(?:s|ped|ping)?|dip(?:s|ped|ping)?|shr[ai]nk(?:s|ing)?|shrunk|plung(?:e|ed|es|ing)|plummet(?:s|ed|ing)?|lower|cut|tumbl(?:e|ed|es|ing)|halv(?:e|ed|es|ing)|los(?:s|t|e|es|ing)|slump(?:s|ed|ing)?|sank|sink(?:s|ing)?)(?-u:\b)";
    const VALUE_PATTERN: &str = r"(?-u:\b)improv(?:e|ed|es|ing|ement)(?-u:\b)";

    /// Stems of the direction words, each with every ending the lists use
    /// and some they do not.
    fn direction_vocabulary() -> Vec<String> {
        let mut stems: Vec<&str> = UP_WORDS.iter().chain(DOWN_WORDS).copied().collect();
        stems.extend([
            "improv", "los", "shr", "surg", "declin", "plung", "halv", "Rose", "UP",
        ]);
        let endings = [
            "", "s", "e", "ed", "es", "en", "n", "ing", "th", "ement", "ment", "ped", "ping", "ly",
            "_", "1",
        ];
        let mut words: Vec<String> = stems
            .iter()
            .flat_map(|s| endings.iter().map(move |e| format!("{s}{e}")))
            .collect();
        words
            .extend(["shrank", "shranks", "shranking", "shrunk", "slid", "sank"].map(String::from));
        words
    }

    #[test]
    fn direction_words_agree_with_their_patterns() {
        assert!(UP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(DOWN_WORDS.windows(2).all(|w| w[0] < w[1]));
        let (up, down) = (
            regex::Regex::new(UP_PATTERN).unwrap(),
            regex::Regex::new(DOWN_PATTERN).unwrap(),
        );
        let value = regex::Regex::new(VALUE_PATTERN).unwrap();
        let old = |t: &str| match (up.is_match(t), down.is_match(t)) {
            (true, false) => Some(Direction::Up),
            (false, true) => Some(Direction::Down),
            _ => None,
        };
        let vocab = direction_vocabulary();
        let vocab: Vec<&str> = vocab.iter().map(String::as_str).collect();
        for w in &vocab {
            for t in [
                w.to_string(),
                format!("x {w},"),
                format!("é{w}’"),
                format!("_{w}"),
            ] {
                assert_eq!(direction(&t), old(&t), "{t:?}");
            }
        }
        for t in crate::reconcile::cue::testing::texts(&vocab, 20_000, 3) {
            assert_eq!(direction(&t), old(&t), "{t:?}");
            let stripped = value.replace_all(&t, " ");
            assert_eq!(words_direction(&[&t], false), old(&stripped), "{t:?}");
        }
    }

    #[test]
    fn cue_endings_agree_with_their_patterns() {
        let from =
            regex::Regex::new(r"(?-u:\b)from(?:\s+(?:a\s+(?:low|high)\s+of|just|only))?\s*$")
                .unwrap();
        let to = regex::Regex::new(r"(?-u:\b)to(?:\s+(?:a\s+(?:high|low|record)\s+of|just))?\s*$")
            .unwrap();
        let vocab = [
            "from", "to", "a", "low", "high", "record", "of", "just", "only", "xfrom", "tox",
            "froma", "ofx", "rose", "1", "\u{2009}", "\u{3000}",
        ];
        for t in crate::reconcile::cue::testing::texts(&vocab, 40_000, 5) {
            assert_eq!(
                ends_with_phrase(&t, FROM_BEFORE),
                from.is_match(&t),
                "{t:?}"
            );
            assert_eq!(ends_with_phrase(&t, TO_BEFORE), to.is_match(&t), "{t:?}");
        }
    }
}
