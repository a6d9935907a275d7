//! What a figure counts (its unit) and what happened to it (its measure).
//!
//! The unit is the head of the noun phrase right after the figure
//! ("235,000 Twitter accounts" -> "account"), or after "of the"
//! ("125,000 of the accounts"). The measure joins the unit to the verb that
//! governs the figure ("suspended another 235,000 accounts",
//! "jobs were cut") so that the reconciler can tell accounts suspended from
//! accounts reinstated.

use super::figure::Context;
use super::lexer::Kind;
use super::words::{self, WordSet};
use super::{Claim, Quantity, Sentence};
use regex::Regex;
use std::sync::LazyLock;

/// Unit abbreviations that may be glued to a number ("180ml", "5km").
pub fn is_unit_abbreviation(w: &str) -> bool {
    matches!(
        w,
        "ml" | "l"
            | "cl"
            | "km"
            | "m"
            | "cm"
            | "mm"
            | "kg"
            | "g"
            | "mg"
            | "lb"
            | "lbs"
            | "oz"
            | "ft"
            | "mph"
            | "kph"
            | "kmh"
            | "mw"
            | "gw"
            | "kw"
            | "kwh"
            | "mwh"
            | "gwh"
            | "tb"
            | "gb"
            | "mb"
            | "kb"
            | "ha"
            | "sq"
            | "c"
            | "f"
            | "x"
            | "mi"
            | "yd"
            | "t"
            | "mt"
    )
}

/// Whether a unit lemma is a length of time.
pub fn is_time_unit(u: &str) -> bool {
    matches!(
        u,
        "second"
            | "minute"
            | "hour"
            | "day"
            | "week"
            | "month"
            | "year"
            | "decade"
            | "century"
            | "quarter"
            | "fortnight"
    )
}

/// Words allowed between a figure and its noun: adjectives that do not name
/// what is counted.
static MODIFIERS: WordSet = WordSet::new(&[
    "new",
    "additional",
    "extra",
    "further",
    "more",
    "other",
    "active",
    "registered",
    "confirmed",
    "suspected",
    "full-time",
    "part-time",
]);

/// The unit of a count whose figure ends before token `j`, and the token
/// after the unit's noun phrase.
pub fn unit_after(ctx: &Context, j: usize) -> (Option<String>, usize) {
    // A compound modifier: "a 300-page report", "a two-year deal".
    if ctx.tok(j) == Some("-")
        && ctx.glued(j)
        && ctx.glued(j + 1)
        && let Some(w) = ctx.word(j + 1)
    {
        return (Some(words::lemma(w)), j + 2);
    }
    let mut k = j;
    // "125,000 of the accounts", but not "42 of the 120 patients".
    if ctx.word(k) == Some("of") {
        let mut m = k + 1;
        if matches!(
            ctx.word(m),
            Some("the" | "its" | "their" | "these" | "those" | "his" | "her" | "our")
        ) {
            m += 1;
        }
        // "1,140 of the company's 3,800 staff": a possessive leads to
        // another figure, not to this one's unit.
        let possessive = ctx
            .word(m)
            .is_some_and(|w| w.ends_with("'s") || w.ends_with("’s") || w.ends_with("s'"));
        if ctx.kind(m) == Some(Kind::Word) && !possessive {
            k = m;
        } else {
            return (None, j);
        }
    }
    // A glued unit abbreviation: "180ml", "the 400m final".
    if let Some(w) = ctx
        .word(k)
        .filter(|w| ctx.glued(k) && is_unit_abbreviation(w))
    {
        return (Some(w.to_string()), k + 1);
    }
    let mut head = None;
    let mut end = k;
    let mut n = 0;
    while n < 4 {
        let Some(w) = ctx.word(k) else { break };
        if n > 0 && !ctx.tokens[k].space_before && ctx.is_punct_at(k - 1) {
            break;
        }
        // "90 day old", "six years of age".
        if n > 0 && w == "old" {
            break;
        }
        let modifier = MODIFIERS.contains(w);
        if !modifier
            && (words::NOT_UNITS.contains(w) || n > 0 && words::is_verb(w) || w.ends_with("ly"))
        {
            break;
        }
        if !modifier && w.ends_with("ed") && words::is_verb(w) {
            break;
        }
        head = Some(w);
        k += 1;
        end = k;
        n += 1;
        // A plural noun ends the phrase: compounds take singular modifiers
        // ("account holders"), so "fans came" stops at "fans".
        if !modifier && is_plural_noun(w) {
            break;
        }
        // Hyphenated compounds: "full-time", "year-old".
        if ctx.tok(k) == Some("-")
            && ctx.glued(k)
            && ctx.glued(k + 1)
            && ctx.kind(k + 1) == Some(Kind::Word)
        {
            k += 1;
        }
    }
    match head {
        // "MPs", "CEOs": an acronym's plural.
        Some(h) if acronym_plural(ctx, end - 1) => (Some(h[..h.len() - 1].to_string()), end),
        Some(h) if !MODIFIERS.contains(h) => (Some(words::lemma(h)), end),
        _ => (None, j),
    }
}

fn acronym_plural(ctx: &Context, k: usize) -> bool {
    let raw = ctx.raw_at(k).unwrap_or("");
    raw.len() >= 3
        && raw.ends_with('s')
        && raw[..raw.len() - 1].chars().all(|c| c.is_ascii_uppercase())
}

fn is_plural_noun(w: &str) -> bool {
    w == "people"
        || (w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is"))
}

impl Context<'_> {
    fn is_punct_at(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Punct)
    }
}

/// Auxiliaries that may stand between a noun and its verb.
static AUXILIARIES: WordSet = WordSet::new(&[
    "were", "was", "have", "has", "had", "been", "are", "is", "be", "being", "will", "would", "now",
]);

/// Words allowed between a verb and the figure it governs.
static BRIDGES: WordSet = WordSet::new(&[
    "another",
    "a",
    "an",
    "further",
    "additional",
    "the",
    "some",
    "total",
    "of",
    "extra",
    "more",
    "than",
    "nearly",
    "almost",
    "about",
    "around",
    "over",
    "at",
    "least",
    "by",
    "to",
    "up",
]);

/// The measure of a figure: its unit and the stem of its verb.
pub fn measure(ctx: &Context, first: usize, unit_end: usize, unit: Option<&str>) -> Option<String> {
    let verb = verb_after(ctx, unit_end).or_else(|| verb_before(ctx, first))?;
    // Joined by hand, not by `format!`: most figures have a measure, and the
    // formatting machinery cost more than the rest of this function.
    Some(match unit {
        Some(u) => {
            let mut m = String::with_capacity(u.len() + 1 + verb.len());
            m.push_str(u);
            m.push(' ');
            m.push_str(&verb);
            m
        }
        None => verb,
    })
}

fn verb_after(ctx: &Context, mut k: usize) -> Option<String> {
    let mut n = 0;
    while ctx.word(k).is_some_and(|w| AUXILIARIES.contains(w)) && n < 3 {
        k += 1;
        n += 1;
    }
    // The word after any auxiliaries, when it is a verb form.
    words::verb_stem(ctx.word(k)?)
}

fn verb_before(ctx: &Context, first: usize) -> Option<String> {
    let mut k = first;
    for _ in 0..6 {
        k = k.checked_sub(1)?;
        let w = ctx.word(k)?;
        if let Some(stem) = words::verb_stem(w) {
            return Some(stem);
        }
        if !BRIDGES.contains(w) && !AUXILIARIES.contains(w) {
            return None;
        }
    }
    None
}

/// Gives a count with no noun of its own the unit of the figure it stands
/// beside: the next figure after "of" ("42 of 120 patients"), else the
/// nearest earlier count in the sentence, else the last count of the
/// previous sentence in the same paragraph ("... 360,000"). Only the
/// sentences from `from` on are read; those before it are the document's
/// earlier ones, whose claims are done and may be referred back to.
pub fn infer_missing_units(lower: &str, claims: &mut [Claim], sentences: &[Sentence], from: usize) {
    for (si, s) in sentences.iter().enumerate().skip(from) {
        for ci in s.claims.clone() {
            if claims[ci].unit.is_some() || claims[ci].quantity != Quantity::Count {
                continue;
            }
            let earlier = (s.claims.start..ci).rev().find(|&k| is_donor(&claims[k]));
            // "42 of 120 patients", "five of her last six races".
            let later = (ci + 1..s.claims.end).find(|&k| {
                is_donor(&claims[k]) && claims[k].start.saturating_sub(claims[ci].end) < 20
            });
            let previous = si
                .checked_sub(1)
                .map(|p| &sentences[p])
                .filter(|p| p.doc == s.doc && p.paragraph == s.paragraph)
                .and_then(|p| p.claims.clone().rev().find(|&k| is_donor(&claims[k])));
            let referred = || {
                let before = lower.get(s.start..claims[ci].span.0).unwrap_or("");
                (may_refer(before) && ANAPHORA.is_match(before))
                    .then(|| referent(claims, &sentences[..si]))
                    .flatten()
            };
            if let Some(k) = later.or(earlier).or(previous).or_else(referred) {
                let unit = claims[k].unit.clone();
                let c = &mut claims[ci];
                c.unit = unit;
                c.unit_inferred = true;
            }
        }
    }
}

/// A count with its own unit, other than a length of time, which lends its
/// unit to nothing: "six months ... the 125,000 it closed" counts accounts.
fn is_donor(c: &Claim) -> bool {
    c.quantity == Quantity::Count && c.unit.as_deref().is_some_and(|u| !is_time_unit(u))
}

/// How many sentences back a phrase such as "the total" may reach.
const ANAPHORA_REACH: usize = 12;

/// Words that refer back to a quantity already named: "the total now
/// stands at 360,000", "that figure rose to 5,200".
static ANAPHORA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:the|that|this|its|their)\s+(?:overall\s+|new\s+|running\s+)?(?:figure|number|total|tally|count|toll)\b[^.;]*$")
        .expect("anaphora")
});

/// Whether `before` can hold a match of [`ANAPHORA`]: the whole phrase
/// stands after the last full stop or semicolon, so one of its nouns does.
/// Most sentences have none, and then the pattern is never compiled.
fn may_refer(before: &str) -> bool {
    let tail = before.rsplit(['.', ';']).next().unwrap_or(before);
    ["figure", "number", "total", "tally", "count", "toll"]
        .iter()
        .any(|n| tail.contains(n))
}

/// The figure a referring phrase points back to: the last count with its
/// own unit in the nearest earlier sentences, when every such count within
/// reach agrees on the unit (otherwise the reference is ambiguous).
fn referent(claims: &[Claim], earlier: &[Sentence]) -> Option<usize> {
    let mut donors = earlier
        .iter()
        .rev()
        .take(ANAPHORA_REACH)
        .flat_map(|s| s.claims.clone().rev())
        .filter(|&k| is_donor(&claims[k]));
    let first = donors.next()?;
    let unit = claims[first].unit.as_deref();
    donors
        .all(|k| claims[k].unit.as_deref() == unit)
        .then_some(first)
}

#[cfg(test)]
mod anaphora_tests {
    use crate::input::{Document, InputOptions};

    fn units(text: &str) -> Vec<Option<String>> {
        let docs = vec![Document::from_bytes(
            "t",
            text.as_bytes().to_vec(),
            &InputOptions::default(),
        )];
        crate::extract::extract(&docs)
            .claims
            .into_iter()
            .map(|c| c.unit)
            .collect()
    }

    #[test]
    fn the_total_refers_back_across_paragraphs() {
        let u = units(
            "The network suspended 125,000 accounts in February.\n\nThe total now stands at 360,000, it said.",
        );
        assert_eq!(u, vec![Some("account".into()), Some("account".into())]);
    }

    #[test]
    fn an_ambiguous_reference_gives_no_unit() {
        let u = units(
            "It closed 125,000 accounts and hired 300 moderators.\n\nThe figure now stands at 360,000.",
        );
        assert_eq!(u[2], None);
    }

    #[test]
    fn no_referring_words_no_reach() {
        let u = units(
            "The network suspended 125,000 accounts in February.\n\nIt now stands at 360,000.",
        );
        assert_eq!(u[1], None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pre_check_never_hides_a_reference() {
        for s in [
            "the total now stands at ",
            "that figure rose to ",
            "the overall toll. it was ",
            "the overall toll; ",
            "the   running count, ",
            "their new tally of ",
            "this number ",
            "the totals ",
            "a total of ",
            "the figure. later ",
            "",
        ] {
            if ANAPHORA.is_match(s) {
                assert!(may_refer(s), "{s:?}");
            }
        }
        assert!(!may_refer("the total. then "));
        assert!(!may_refer("shares rose "));
    }
}
