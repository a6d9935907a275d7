//! `multiple`: a factor word between two stated figures.
//!
//! Three shapes, each tied by syntax within one sentence:
//!
//! * a change verb or noun with a before/after pair: "cases doubled from
//!   1,150 to 2,300", "fell to 40 from 120, a threefold drop", "halved to
//!   200 from 400";
//! * a comparison right between two figures: "2,300 cases, twice as many as
//!   the 1,150 of 2019", "$40m, three times the $13m it raised";
//! * a fraction of a whole: "a third of its 900 staff, 300 people",
//!   "300, a third of the 900", "300 of the 900 staff, about a third".
//!
//! The ratio of the two figures' intervals must meet the factor's band.
//! Factor words are loose: a plain "doubled" allows 1.8 to 2.2, "about"
//! widens that, "nearly" takes the band just below the factor, "more than"
//! everything above it. "Three times more" is read both ways (3 or 4).

use super::cue::{Cue, Ends, ends_with_any, is_word_byte, mentions, trim_end};
use super::cue::{Groups, Pattern};
use super::pairs::{self, BeforeAfter, Direction};
use super::{Check, Status, Story, format_interval, severity};
use crate::extract::{Claim, Quantity};
use crate::interval::Interval;
use rust_decimal::Decimal;
use std::sync::LazyLock;

pub struct Multiple;

const QUAL: &str = r"(?:(?P<q>nearly|almost|close\s+to|just\s+under|approaching|more\s+than|over|well\s+over|just\s+over|at\s+least|roughly|about|around|some|approximately|less\s+than|under|fewer\s+than)\s+)?";

const COUNT: &str = r"(?P<n>two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|fifty|hundred|\d{1,3})";

/// Literals every factor verb holds ("doubled", "tenfold").
const FACTOR_VERBS: &[&str] = &["doubl", "tripl", "trebl", "quadrupl", "halv", "fold"];

/// Literals every fraction word holds ("a third", "three-quarters").
const FRACTIONS: &[&str] = &["third", "quarter", "fifth", "tenth", "half"];

/// The last word before the first figure of a before/after pair: "from",
/// "to", "a low of", "just".
static PAIR_ENDS: Ends = Ends::new(&["from", "to", "of", "just"]);

/// Literals every comparison by a factor holds ("twice", "three times").
const COMPARISONS: &[&str] = &["twice", "double", "triple", "treble", "half", "times"];

/// "doubled", "a threefold rise", "rose tenfold".
fn verb_pattern() -> String {
    format!(
        r"(?-u:\b){QUAL}(?:(?P<v>doubl(?:ed|ing)|tripl(?:ed|ing)|trebl(?:ed|ing)|quadrupl(?:ed|ing)|halv(?:ed|ing))(?-u:\b)|(?:a\s+|an\s+)?{COUNT}[\s-]?fold(?:\s+(?P<noun>rise|increase|jump|growth|surge|gain|drop|fall|decrease|decline|reduction|cut))?(?-u:\b))"
    )
}

/// A factor verb right before its pair: "doubled from", "a tenfold rise, from".
static VERB_BEFORE: Cue = Cue::gated(
    |t| ends_with_any(t, false, &PAIR_ENDS) && mentions(t, FACTOR_VERBS),
    || {
        Pattern::new(&format!(
        r"{}(?:\s+(?:in|over|between|since|during|within)(?-u:\b)[^,.;:]{{0,30}}?)?\s*,?\s*(?:from|to)(?:\s+a\s+(?:low|high|record)\s+of|\s+just)?\s*$",
        verb_pattern()
    ))
    .expect("multiple verb before")
    },
);

/// A factor noun right after its pair: "to 40 from 120, a threefold drop".
static VERB_AFTER: Cue = Cue::new(
    |t| mentions(t, FACTOR_VERBS),
    || {
        Pattern::new(&format!(
        r"^(?:\s*(?:a|an|the|in|last|year|years|earlier|ago|\d{{4}}))*\s*[,(–—-]\s*(?:or\s+|which\s+is\s+|representing\s+)?{}",
        verb_pattern()
    ))
    .expect("multiple verb after")
    },
);

const FRACTION: &str =
    r"(?P<f>(?:a|one)\s+(?:third|quarter|fifth|tenth)|two[\s-]thirds|three[\s-]quarters|half)";

/// "fell by a third, from A to B", "cut by half to B from A".
static FRACTION_CHANGE_BEFORE: Cue = Cue::gated(
    |t| ends_with_any(t, false, &PAIR_ENDS) && mentions(t, FRACTIONS),
    || {
        Pattern::new(&format!(
        r"(?-u:\b)(?P<v>rose|risen|rise[ns]?|increased|grew|grown|jumped|climbed|fell|fallen|dropped|declined|decreased|shrank|shrunk|cut|reduced|slashed)\s+(?:by\s+)?{QUAL}{FRACTION}\s*,?\s*(?:from|to)(?:\s+just)?\s*$"
    ))
    .expect("fraction change before")
    },
);

/// "to 5,100 from 7,650, a third fewer".
static FRACTION_CHANGE_AFTER: Cue = Cue::new(
    |t| mentions(t, FRACTIONS),
    || {
        Pattern::new(&format!(
        r"^(?:\s*(?:a|an|the|in|last|year|years|earlier|ago|\d{{4}}))*\s*[,(–—-]\s*(?:or\s+)?{QUAL}{FRACTION}\s+(?P<v>fewer|less|lower|smaller|down|cheaper|more|higher|larger|bigger|up)(?-u:\b)"
    ))
    .expect("fraction change after")
    },
);

/// A change by a fraction of the earlier figure: the later one is the
/// earlier times one minus (or plus) the fraction.
fn fraction_change(cap: &Groups, pair: &BeforeAfter) -> Option<Found> {
    let f = fraction_word(cap.name("f")?.as_str())?;
    let down = pairs::direction(cap.name("v")?.as_str()) == Some(Direction::Down)
        || matches!(
            cap.name("v")?.as_str(),
            "fewer" | "less" | "smaller" | "cheaper" | "reduced" | "slashed"
        );
    let share = band(f, cap.name("q").map(|q| q.as_str()));
    let one = Interval::exact(Decimal::ONE);
    let (factor, ratio) = if down {
        (Decimal::ONE - f, one.sub(&share))
    } else {
        (Decimal::ONE + f, one.add(&share))
    };
    let (q, f, v) = (
        cap.name("q").map_or("", |m| m.as_str().trim()),
        cap.name("f")?.as_str(),
        cap.name("v")?.as_str(),
    );
    // "fell by a third", "a third fewer": the words in the order written.
    let cue = if cap.name("v")?.start() < cap.name("f")?.start() {
        format!("{v} by {q} {f}")
    } else {
        format!("{q} {f} {v}")
    };
    Some(Found {
        numerator: pair.after,
        denominator: pair.before,
        factor,
        band: ratio,
        cue: cue.split_whitespace().collect::<Vec<_>>().join(" "),
    })
}

/// "twice as many as", "three times the", "half as much as".
static COMPARE: Cue = Cue::gated(
    |t| {
        static ENDS: Ends = Ends::new(&["than", "as", "the", "its", "their", "those", "of"]);
        ends_with_any(t, false, &ENDS) && mentions(t, COMPARISONS)
    },
    || {
        Pattern::new(&format!(
        r"(?-u:\b){QUAL}(?:(?P<w>twice|double|triple|treble|half)|{COUNT}\s+times)\s+(?:(?P<more>more|higher|larger|bigger|greater)\s+than|as\s+(?:many|much|high|large|big|great|long)\s+as|the)\s*(?:the\s+|its\s+|their\s+|those\s+|that\s+of\s+(?:the\s+)?)?$"
    ))
    .expect("multiple compare")
    },
);

/// "a third of the", "two-thirds of its".
static FRACTION_OF: Cue = Cue::gated(
    |t| {
        static ENDS: Ends = Ends::new(&["of", "the", "its", "their", "his", "her", "all", "those"]);
        ends_with_any(t, false, &ENDS) && mentions(t, FRACTIONS)
    },
    || {
        Pattern::new(&format!(
        r"(?-u:\b){QUAL}(?P<f>(?:a|one)\s+(?:third|quarter|fifth|tenth)|two[\s-]thirds|three[\s-]quarters|half)\s+of\s+(?:the|its|their|his|her|all|those)?\s*$"
    ))
    .expect("fraction of")
    },
);

/// A fraction after "P of the W": ", or about a third".
static FRACTION_AFTER: Cue = Cue::new(
    |t| mentions(t, FRACTIONS),
    || {
        Pattern::new(&format!(
        r"^(?:\s+[a-z]+){{0,3}}\s*[,(–—-]\s*(?:or\s+)?{QUAL}(?P<f>(?:a|one)\s+(?:third|quarter|fifth|tenth)|two[\s-]thirds|three[\s-]quarters|half)\s*(?:[,.;)–—-]|$)"
    ))
    .expect("fraction after")
    },
);

/// Before a part that follows its whole: "a third of its 900 staff, 300".
static APPOSED: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"^\s*[,(–—-]\s*(?:or\s+)?$").expect("apposed"));

/// Between a figure and a comparison or fraction after it.
static LEAD_IN: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"^(?:\s*(?:this|last|a|the|year|month|week|in|\d{4}))*(?:\s+[a-z']+){0,6}?\s*[,(–—-]\s*(?:or\s+|which\s+is\s+|is\s+|was\s+)?$")
        .expect("lead in")
});

/// A count of at least two ("three times", "12-fold").
fn count_word(w: &str) -> Option<Decimal> {
    crate::extract::numword::word_value(w).filter(|n| *n >= Decimal::TWO)
}

fn fraction_word(w: &str) -> Option<Decimal> {
    let w = w.replace('-', " ");
    let words: Vec<&str> = w.split_whitespace().collect();
    let (num, den) = match words.as_slice() {
        [_, "third"] => (1, 3),
        [_, "quarter"] => (1, 4),
        [_, "fifth"] => (1, 5),
        [_, "tenth"] => (1, 10),
        ["two", "thirds"] => (2, 3),
        ["three", "quarters"] => (3, 4),
        ["half"] => (1, 2),
        _ => return None,
    };
    Some(Decimal::from(num) / Decimal::from(den))
}

/// The ratios a factor word allows, with its qualifier.
fn band(f: Decimal, qualifier: Option<&str>) -> Interval {
    let pct = |p: i64| f * Decimal::new(p, 2);
    let q = qualifier.map(|q| q.split_whitespace().collect::<Vec<_>>().join(" "));
    match q.as_deref() {
        Some("nearly" | "almost" | "close to" | "just under" | "approaching") => {
            Interval::closed(pct(75), f)
        }
        Some("more than" | "over" | "well over" | "just over") => Interval::above(f, false),
        Some("at least") => Interval::above(f, true),
        Some("less than" | "under" | "fewer than") => Interval::closed(Decimal::ZERO, f),
        Some(_) => Interval::closed(pct(80), pct(120)),
        None => Interval::closed(pct(90), pct(110)),
    }
}

/// Whether two figures measure the same kind of thing.
fn comparable(a: &Claim, b: &Claim) -> bool {
    same_kind(a, b) && units_agree(a, b)
}

/// Same quantity and currency, both usable single figures.
fn same_kind(a: &Claim, b: &Claim) -> bool {
    let usable = |c: &Claim| c.is_usable() && !c.range && c.quantity != Quantity::Points;
    usable(a) && usable(b) && a.quantity == b.quantity && a.currency == b.currency
}

fn units_agree(a: &Claim, b: &Claim) -> bool {
    match (&a.unit, &b.unit) {
        // "300 people" may restate "300 staff"; other nouns must agree.
        (Some(x), Some(y)) => {
            x == y || a.unit_inferred || b.unit_inferred || x == "people" || y == "people"
        }
        _ => true,
    }
}

/// A list marker between two figures ("120 managers and 180 engineers"),
/// for text that is not all ASCII ([`list_gap`] reads the rest by hand).
static LIST_GAP: Cue = Cue::gated(
    |t| {
        static ENDS: Ends = Ends::new(&[
            ",", "and", "plus", "or", "some", "about", "around", "nearly", "almost", "another",
        ]);
        ends_with_any(t, false, &ENDS)
    },
    || {
        Pattern::new(r"^[\sa-z'-]{0,40}?(?:,|(?-u:\b)and|(?-u:\b)plus|(?-u:\b)or)\s*(?:some|about|around|nearly|almost|another)?\s*$")
        .expect("list gap")
    },
);

/// The qualifiers a list marker may end with.
const LIST_QUALIFIERS: &[&str] = &["some", "about", "around", "nearly", "almost", "another"];

/// Whether a text between two figures is a list marker: up to 40 letters,
/// spaces, apostrophes and hyphens, then a comma, "and", "plus" or "or",
/// and at most a qualifier after it, as [`LIST_GAP`] reads it. ASCII text is
/// read by hand, so a story in ASCII never compiles the pattern.
fn list_gap(text: &str) -> bool {
    if !text.is_ascii() {
        return LIST_GAP.is_match(text);
    }
    let t = trim_end(text);
    let qualified = LIST_QUALIFIERS
        .iter()
        .filter_map(|q| t.strip_suffix(q).map(trim_end));
    std::iter::once(t).chain(qualified).any(|rest| {
        [",", "and", "plus", "or"].iter().any(|marker| {
            rest.strip_suffix(marker).is_some_and(|lead| {
                let bounded = *marker == "," || !lead.bytes().last().is_some_and(is_word_byte);
                bounded
                    && lead.len() <= 40
                    && lead.bytes().all(|b| {
                        b.is_ascii_whitespace()
                            || b == 0x0b
                            || b.is_ascii_lowercase()
                            || b == b'\''
                            || b == b'-'
                    })
            })
        })
    })
}

/// Whether a figure is one item of a list of figures (other than the
/// figure it is compared with), so that a factor next to it may speak of
/// the whole list.
fn in_list(story: &Story, c: usize, partner: usize) -> bool {
    let other = |n: Option<usize>| n.is_some_and(|n| n != partner);
    let before = other(story.prev_claim(c)) && list_gap(story.text_before(c));
    let after = other(story.next_claim(c)) && list_gap(story.text_after(c));
    before || after
}

/// A factor found in a sentence and the two figures it relates.
struct Found {
    /// The larger-by-the-factor figure and the base it is a multiple of.
    numerator: usize,
    denominator: usize,
    factor: Decimal,
    band: Interval,
    cue: String,
}

impl Multiple {
    fn verbs(story: &Story, s: usize, out: &mut Vec<Found>) {
        for pair in pairs::before_after(story, s) {
            if !comparable(&story.claims[pair.before], &story.claims[pair.after]) {
                continue;
            }
            let first = pair.before.min(pair.after);
            let last = pair.before.max(pair.after);
            // From the sentence start: a duration ("in ten years") may stand
            // between the verb and the pair as a figure of its own.
            let sen = &story.sentences[s];
            let lead = story.lower(sen.doc, sen.start, story.claims[first].span.0);
            let cap = VERB_BEFORE
                .captures(lead)
                .or_else(|| VERB_AFTER.captures(story.text_after(last)));
            if let Some(cap) = cap
                && let Some(found) = Multiple::verb_factor(story, &cap, pair)
            {
                out.push(found);
            } else if let Some(cap) = FRACTION_CHANGE_BEFORE
                .captures(lead)
                .or_else(|| FRACTION_CHANGE_AFTER.captures(story.text_after(last)))
                && let Some(found) = fraction_change(&cap, pair)
            {
                out.push(found);
            }
        }
    }

    fn verb_factor(story: &Story, cap: &Groups, pair: &BeforeAfter) -> Option<Found> {
        let (factor, shrinks) = if let Some(v) = cap.name("v") {
            let v = v.as_str();
            let f = match v.get(..4) {
                Some("trip" | "treb") => 3,
                Some("quad") => 4,
                _ => 2,
            };
            (Decimal::from(f), v.starts_with("halv"))
        } else {
            let n = count_word(cap.name("n")?.as_str())?;
            // "a threefold drop" says which way; a bare "threefold" takes
            // the verb just before it, or else the way the figures went:
            // the factor alone is checked, not the direction.
            let first = pair.before.min(pair.after);
            let way = match cap.name("noun") {
                Some(w) => pairs::direction(w.as_str()),
                None => pairs::direction(story.text_before(first)),
            };
            let shrinks = match way {
                Some(d) => d == Direction::Down,
                None => {
                    let (a, b) = (&story.claims[pair.before], &story.claims[pair.after]);
                    a.value.zip(b.value).is_some_and(|(a, b)| b < a)
                }
            };
            (n, shrinks)
        };
        let (numerator, denominator) = if shrinks {
            (pair.before, pair.after)
        } else {
            (pair.after, pair.before)
        };
        let whole = cap.get(0)?.as_str();
        let cue = whole
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .trim_end_matches(|c: char| !c.is_alphanumeric());
        let cue = cue
            .strip_suffix("from")
            .or_else(|| cue.strip_suffix(" to"))
            .unwrap_or(cue)
            .trim_end_matches(|c: char| !c.is_alphanumeric());
        Some(Found {
            numerator,
            denominator,
            factor,
            band: band(factor, cap.name("q").map(|q| q.as_str())),
            cue: trim_cue(cue),
        })
    }

    fn comparisons(story: &Story, s: usize, out: &mut Vec<Found>) {
        let range = story.sentences[s].claims.clone();
        for y in range.start + 1..range.end {
            // Shares written in words ("half") are cue words here.
            let Some(x) = story.prev_claim(y) else {
                continue;
            };
            let before_y = story.text_before(y);
            let Some(cap) = COMPARE.captures(before_y) else {
                continue;
            };
            let m = cap.get(0).expect("whole match");
            if !LEAD_IN.is_match(&before_y[..m.start()]) || in_list(story, x, y) {
                continue;
            }
            if !comparable(&story.claims[x], &story.claims[y]) {
                continue;
            }
            let factor = if let Some(w) = cap.name("w") {
                match w.as_str() {
                    "twice" | "double" => Decimal::TWO,
                    "triple" | "treble" => Decimal::from(3),
                    _ => Decimal::new(5, 1),
                }
            } else {
                match cap.name("n").and_then(|n| count_word(n.as_str())) {
                    Some(n) => n,
                    None => continue,
                }
            };
            let mut band = band(factor, cap.name("q").map(|q| q.as_str()));
            // "three times more than" is read as 3x by most and 4x by some.
            if cap.name("more").is_some() && factor > Decimal::ONE {
                band = band.hull(&band.add(&Interval::exact(Decimal::ONE)));
            }
            out.push(Found {
                numerator: x,
                denominator: y,
                factor,
                band,
                cue: trim_cue(m.as_str()),
            });
        }
    }

    fn fractions(story: &Story, s: usize, out: &mut Vec<Found>) {
        let range = story.sentences[s].claims.clone();
        for w in range.clone() {
            if story.claims[w].share {
                continue;
            }
            let before_w = story.text_before(w);
            let (prev, next) = (story.prev_claim(w), story.next_claim(w));
            // "a third of its 900 staff, 300 people" or "300, a third of the 900".
            if let Some(cap) = FRACTION_OF.captures(before_w) {
                let m = cap.get(0).expect("whole match");
                let part = if prev.is_some() && LEAD_IN.is_match(&before_w[..m.start()]) {
                    prev
                } else if next.is_some() && APPOSED.is_match(story.text_after(w)) {
                    next
                } else {
                    None
                };
                if let Some(p) = part
                    && !in_list(story, p, w)
                {
                    Multiple::push_fraction(story, p, w, &cap, m.as_str(), out);
                }
                continue;
            }
            // "300 of the 900 staff, or about a third".
            if let Some(p) = prev
                && !in_list(story, p, w)
                && story.text_before(w).trim_end().ends_with("of the")
                && let Some(cap) = FRACTION_AFTER.captures(story.text_after(w))
            {
                let m = cap.get(0).expect("whole match");
                Multiple::push_fraction(story, p, w, &cap, m.as_str(), out);
            }
        }
    }

    fn push_fraction(
        story: &Story,
        part: usize,
        whole: usize,
        cap: &Groups,
        cue: &str,
        out: &mut Vec<Found>,
    ) {
        let Some(f) = cap.name("f").and_then(|f| fraction_word(f.as_str())) else {
            return;
        };
        // The fraction's syntax ties the two; the part may name a narrower
        // noun than the whole ("a quarter of the 431 cases, 104 children").
        if !same_kind(&story.claims[part], &story.claims[whole]) {
            return;
        }
        out.push(Found {
            numerator: part,
            denominator: whole,
            factor: f,
            band: band(f, cap.name("q").map(|q| q.as_str())),
            cue: fraction_cue(cap).unwrap_or_else(|| trim_cue(cue)),
        });
    }
}

impl super::Rule for Multiple {
    fn id(&self) -> &'static str {
        "multiple"
    }

    fn summary(&self) -> &'static str {
        "a factor word (doubled, twice as many, a third of) fits the two figures it relates"
    }

    fn check(&self, story: &Story, out: &mut Vec<Check>) {
        for s in 0..story.sentences.len() {
            let mut found = Vec::new();
            Multiple::verbs(story, s, &mut found);
            Multiple::comparisons(story, s, &mut found);
            Multiple::fractions(story, s, &mut found);
            out.extend(found.iter().map(|f| judge(story, f)));
        }
    }
}

/// A ratio interval for people: bounds to three decimals.
fn format_ratio(i: &Interval) -> String {
    let round = |b: Option<crate::interval::Bound>| {
        b.map(|b| crate::interval::Bound {
            value: b.value.round_dp(3),
            inclusive: b.inclusive,
        })
    };
    format_interval(&Interval {
        low: round(i.low),
        high: round(i.high),
    })
}

/// The qualifier and fraction words of a fraction cue ("about a quarter").
fn fraction_cue(cap: &Groups) -> Option<String> {
    let f = cap.name("f")?.as_str();
    Some(match cap.name("q") {
        Some(q) => format!("{} {f}", q.as_str().trim()),
        None => f.to_string(),
    })
}

/// A cue without the determiner that leads to the next figure.
fn trim_cue(cue: &str) -> String {
    let mut words: Vec<&str> = cue.split_whitespace().collect();
    while words.len() > 1
        && matches!(
            words.last(),
            Some(&("the" | "its" | "their" | "his" | "her" | "those" | "all" | "that" | "of"))
        )
    {
        words.pop();
    }
    words.join(" ")
}

fn judge(story: &Story, f: &Found) -> Check {
    let (num, den) = (&story.claims[f.numerator], &story.claims[f.denominator]);
    let ratio = num.interval.div(&den.interval);
    let ok = ratio.overlaps(&f.band);
    let exact = num.value.zip(den.value).and_then(|(a, b)| a.checked_div(b));
    let shown = exact.map_or_else(
        || format_ratio(&ratio),
        |r| r.round_dp(2).normalize().to_string(),
    );
    let explanation = if ok {
        format!(
            "{} / {} = {} (\"{}\" allows {})",
            num.literal,
            den.literal,
            shown,
            f.cue,
            format_ratio(&f.band)
        )
    } else {
        format!(
            "{} / {} = {}, but \"{}\" means a factor of {} (allowing {}); the figures allow {}",
            num.literal,
            den.literal,
            shown,
            f.cue,
            f.factor.round_dp(3).normalize(),
            format_ratio(&f.band),
            format_ratio(&ratio)
        )
    };
    let rounding_only = ok && exact.is_some_and(|e| !f.band.contains(e));
    let mut claims = vec![f.numerator, f.denominator];
    claims.sort_unstable();
    Check {
        rule: "multiple",
        status: if ok { Status::Ok } else { Status::Inconsistent },
        claims,
        explanation,
        evidence: format!("cue: \"{}\"", f.cue),
        rounding_only,
        severity: (!ok).then(|| severity(&ratio, &f.band)),
    }
}

#[cfg(test)]
mod tests {
    use super::super::pairs::testing::run;
    use super::*;

    #[test]
    fn list_gaps_agree_with_their_pattern() {
        let pattern = regex::Regex::new(r"^[\sa-z'-]{0,40}?(?:,|(?-u:\b)and|(?-u:\b)plus|(?-u:\b)or)\s*(?:some|about|around|nearly|almost|another)?\s*$").unwrap();
        let vocab = [
            "and",
            "or",
            "plus",
            "for",
            "band",
            "some",
            "another",
            "about",
            "managers",
            "men's",
            "full-time",
            "x1",
            "staff",
            "andsome",
            "é",
            "\u{b}",
            "\u{c}",
            "Or",
        ];
        let texts = crate::reconcile::cue::testing::texts(&vocab, 8000, 6);
        crate::reconcile::cue::testing::assert_agrees(&pattern, list_gap, &texts, 300);
    }

    fn status(text: &str) -> Vec<Status> {
        run(&Multiple, text).iter().map(|c| c.status).collect()
    }

    #[test]
    fn doubling_verbs() {
        assert_eq!(
            status("The number of cases doubled from 1,150 to 2,300 last year."),
            [Status::Ok]
        );
        assert_eq!(
            status("The number of cases doubled from 1,150 to 3,100 last year."),
            [Status::Inconsistent]
        );
        assert_eq!(
            status("Its revenue nearly tripled to $3.1bn from $1.1bn."),
            [Status::Ok]
        );
        assert_eq!(
            status("Waiting lists halved from 400 to 210 in a year."),
            [Status::Ok]
        );
        assert_eq!(
            status("Waiting lists halved from 400 to 300 in a year."),
            [Status::Inconsistent]
        );
    }

    #[test]
    fn a_time_phrase_between_the_verb_and_its_pair() {
        assert_eq!(
            status("First-time buyers doubled between 2012 and 2021, from 180,000 to 365,000."),
            [Status::Ok]
        );
        assert_eq!(
            status("Rents tripled in ten years, from £600 to £1,344 a month."),
            [Status::Inconsistent]
        );
    }

    #[test]
    fn changes_by_a_fraction() {
        assert_eq!(
            status("Applications fell to 5,100 from 7,650 a year earlier, a third fewer."),
            [Status::Ok]
        );
        assert_eq!(
            status("Applications fell by a third, from 7,650 to 6,400."),
            [Status::Inconsistent]
        );
        assert_eq!(
            status("Bus use rose by half, from 12,000 to 18,100 journeys a day."),
            [Status::Ok]
        );
    }

    #[test]
    fn fold_words() {
        assert_eq!(
            status("Downloads saw a tenfold rise, from 30,000 to 300,000."),
            [Status::Ok]
        );
        assert_eq!(
            status("Arrests fell to 40 from 120, a threefold drop."),
            [Status::Ok]
        );
        assert_eq!(
            status(
                "Police said arrests, which rose in spring, were cut tenfold from 1,200 to 120."
            ),
            [Status::Ok]
        );
        assert_eq!(
            status("Arrests fell to 60 from 120, a threefold drop."),
            [Status::Inconsistent]
        );
    }

    #[test]
    fn comparisons() {
        assert_eq!(
            status(
                "The clinic saw 2,300 patients, twice as many as the 1,150 patients it saw in 2019."
            ),
            [Status::Ok]
        );
        assert_eq!(
            status(
                "The clinic saw 2,900 patients, twice as many as the 1,150 patients it saw in 2019."
            ),
            [Status::Inconsistent]
        );
        // Read as 3x or 4x.
        assert_eq!(
            status("It raised $52m, four times more than the $13m it raised in 2020."),
            [Status::Ok]
        );
    }

    #[test]
    fn fractions() {
        assert_eq!(
            status("About a third of its 900 staff, 300 people, were laid off."),
            [Status::Ok]
        );
        assert_eq!(
            status("The firm laid off 300, a third of its 900 staff."),
            [Status::Ok]
        );
        assert_eq!(
            status("It laid off 450 of the 900 staff, or about a third."),
            [Status::Inconsistent]
        );
        let c = run(
            &Multiple,
            "It laid off 450 of the 900 staff, or about a third.",
        );
        assert!(
            c[0].explanation.contains("450 / 900 = 0.5"),
            "{}",
            c[0].explanation
        );
    }

    #[test]
    fn a_few_words_between_a_figure_and_its_factor() {
        assert_eq!(
            status("It trained 830 people for new jobs, twice as many as the 415 it planned for."),
            [Status::Ok]
        );
        assert_eq!(
            status("Children made up 1,080 of the 4,310 December cases, or about a quarter."),
            [Status::Ok]
        );
    }

    #[test]
    fn half_the_price() {
        assert_eq!(
            status("A single fare now costs £2, half the £4 it cost in 2023."),
            [Status::Ok]
        );
        assert_eq!(
            status("A single fare now costs £3, half the £4 it cost in 2023."),
            [Status::Inconsistent]
        );
    }

    #[test]
    fn a_list_of_parts_is_not_one_part() {
        assert!(
            status("A third of its 900 staff, 120 managers and 180 engineers, were laid off.")
                .is_empty()
        );
        assert!(
            status(
                "It saw 1,200 men and 1,100 women, twice as many as the 1,150 patients in 2019."
            )
            .is_empty()
        );
    }

    #[test]
    fn no_tie_no_check() {
        // Two figures, but nothing says one is a multiple of the other.
        assert!(status("Sales doubled in March; 1,150 stores and 2,300 staff.").is_empty());
        // The factor word belongs to another clause.
        assert!(status("Profits doubled, while headcount rose from 100 to 150.").is_empty());
        // Different quantities.
        assert!(status("Profit doubled from $10m as it hired 40 staff to 80 stores.").is_empty());
        // Half of something unstated.
        assert!(status("Half of the 900 staff voted, and 30 abstained.").is_empty());
    }
}
