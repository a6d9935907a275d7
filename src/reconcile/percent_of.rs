//! `percent_of`: a part, its whole and the share in percent.
//!
//! "42 of the 120 patients, or 35%, recovered" states a share twice. So do
//! "35% of the 120 patients (42)", "42 seats, or 35% of the 120 in
//! parliament", "Of the 120 patients, 42, or 35%, ..." and "one in five of
//! the 3,400 voters, about 680" (the extractor reads share words as
//! percentages, with the rounding such wording carries). The rule reads
//! those shapes from three neighbouring claims of one sentence and checks
//! A / B x 100 against the stated share. A share followed by "of them", "more" or a change noun is
//! some other figure, and gives no check.

use super::change::same_kind;
use super::cue::Pattern;
use super::cue::is_word_byte;
use super::{Check, Status, Story, format_interval, format_number, severity};
use crate::extract::{Claim, Qualifier, Quantity};
use rust_decimal::Decimal;
use std::sync::LazyLock;

pub struct PercentOf;

/// Between a part and its whole: "42 of the 120", "42 out of 120", "42
/// of the city's 120": the matches of
/// `^\s*(?:of|out\s+of)\s+(?:(?:the|...|our)\s+)?(?:[a-z]+(?:'s|’s|s')\s+)?$`.
fn of_the(text: &str) -> bool {
    let ws = char::is_whitespace;
    let t = text.trim_start_matches(ws);
    let out_of = || {
        let r = t.strip_prefix("out")?;
        let spaced = r.trim_start_matches(ws);
        (spaced.len() < r.len())
            .then_some(spaced)?
            .strip_prefix("of")
    };
    let Some(rest) = t.strip_prefix("of").or_else(out_of) else {
        return false;
    };
    let owner = |w: &str| {
        [
            "the", "its", "their", "all", "his", "her", "those", "these", "our",
        ]
        .contains(&w)
    };
    let possessive = |w: &str| {
        ["'s", "’s", "s'"].iter().any(|s| {
            w.strip_suffix(s)
                .is_some_and(|x| !x.is_empty() && x.bytes().all(|b| b.is_ascii_lowercase()))
        })
    };
    let words: Vec<&str> = rest.split(ws).filter(|w| !w.is_empty()).collect();
    rest.starts_with(ws)
        && (words.is_empty()
            || rest.ends_with(ws)
                && match words[..] {
                    [w] => owner(w) || possessive(w),
                    [o, p] => owner(o) && possessive(p),
                    _ => false,
                })
}

/// Between the whole (with its noun) and a restatement: ", or 35%", " (42)".
static RESTATED: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"^\s*(?:[a-z]+\s*){0,4}?(?:\(|,\s*or|[—–]|\s-|,\s*(?:representing|accounting\s+for|equal\s+to|that\s+is))\s*(?:(?:some|about|around|nearly|almost|roughly|just\s+over|just\s+under)\s+)?$",
    )
    .expect("restated")
});

/// Between a part and its share stated after it: "42 seats, or 35% of ...".
static PART_THEN_SHARE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"^\s*(?:[a-z]+\s*){0,2}?(?:\(|,\s*or|[—–]|,\s*(?:representing|accounting\s+for|equal\s+to))\s*(?:(?:some|about|around|nearly|almost|roughly)\s+)?$",
    )
    .expect("part then share")
});

/// After a share: words that make it some other figure.
static NOT_A_SHARE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"^\s*(?:more|less|fewer|higher|lower|up|down|rise|rises|increase|jump|drop|fall|decline|gain|growth|than|from|compared|on|year|a\s+year|points?|percentage|of\s+(?:them|whom|which|those|these))(?-u:\b)")
        .expect("not a share")
});

/// The end of an apposition.
static CLOSES: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"^\s*[,)—–]").expect("closes"));

/// A share followed by its own whole.
fn of_after(text: &str) -> bool {
    let rest = text.trim_start_matches(char::is_whitespace);
    rest.strip_prefix("of")
        .is_some_and(|r| !r.as_bytes().first().is_some_and(|&b| is_word_byte(b)))
}

/// "Of the 120 patients, 42, or 35%, ...": a whole opening the sentence.
static LEADING_WHOLE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"^[\s\x22“]*of\s+(?:the|those|these|its|their)\s*$").expect("lead")
});

/// Between a leading whole and its part: ",", or a short clause
/// ("who attended,").
static LEADING_CLAUSE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"^\s*(?:(?:who|that|which)(?:\s+[a-z]+){1,4}\s*)?,\s*$").expect("clause")
});

/// The three figures of a share, as found.
struct Share {
    part: usize,
    whole: usize,
    /// The stated share: a percentage, or a share in words ("one in five",
    /// "a third") as the extractor reads it.
    percent: usize,
    cue: &'static str,
}

/// Whether the text after claim `c` introduces the next claim as a
/// restatement: ", or", "(", a dash, or a bare comma before "about ...".
fn restated(story: &Story, c: usize) -> bool {
    let text = story.text_after(c);
    // A bare comma restates only "about ..." or a closed apposition
    // ("of the 7,455 new pupils, 1,491 children, will ...").
    let closed = || {
        c + 2 <= story.claims.len()
            && story.claims[c + 1].sentence == story.claims[c].sentence
            && CLOSES.is_match(story.text_after(c + 1))
    };
    RESTATED.is_match(text)
        || (text.trim() == ","
            && (story
                .claims
                .get(c + 1)
                .is_some_and(|n| n.qualifier == Qualifier::Approximate)
                || closed()))
}

fn is_amount(c: &Claim) -> bool {
    matches!(c.quantity, Quantity::Count | Quantity::Money) && c.is_usable() && !c.range && !c.vague
}

fn is_share(story: &Story, c: usize) -> bool {
    let k = &story.claims[c];
    k.quantity == Quantity::Percent
        && k.is_usable()
        && !k.range
        && !k.vague
        && !NOT_A_SHARE.is_match(story.text_after(c))
}

/// A part and a whole that can be compared.
fn part_of(story: &Story, part: usize, whole: usize) -> bool {
    let (p, w) = (&story.claims[part], &story.claims[whole]);
    is_amount(p) && is_amount(w) && same_kind(p, w)
}

impl PercentOf {
    /// The share whose first figure is claim `x`, if three neighbours form
    /// one of the shapes.
    fn at(story: &Story, x: usize, end: usize) -> Option<Share> {
        let (y, z) = (x + 1, x + 2);
        if z >= end {
            return None;
        }
        let (tx, ty) = (story.text_after(x), story.text_after(y));
        let shape = |part, whole, percent, cue| {
            Some(Share {
                part,
                whole,
                percent,
                cue,
            })
        };
        // "42 of the 120 patients, or 35%".
        // A share of some other whole ("or 35% of all admissions") is not
        // this one's.
        let share_of_other = of_after(story.text_after(z));
        if of_the(tx)
            && restated(story, y)
            && part_of(story, x, y)
            && is_share(story, z)
            && !share_of_other
        {
            return shape(x, y, z, "A of B, or C%");
        }
        // "35% of the 120 patients (42)".
        if of_the(tx)
            && restated(story, y)
            && is_share(story, x)
            && part_of(story, z, y)
            && !NOT_A_SHARE.is_match(story.text_after(z))
        {
            return shape(z, y, x, "C% of B (A)");
        }
        // "42 seats, or 35% of the 120 in parliament".
        if PART_THEN_SHARE.is_match(tx) && of_the(ty) && is_share(story, y) {
            let share_ok = story.claims[y].quantity == Quantity::Percent;
            if share_ok && part_of(story, x, z) {
                return shape(x, z, y, "A, or C% of B");
            }
        }
        // "Of the 120 patients, 42, or 35%, recovered."
        if LEADING_WHOLE.is_match(story.text_before(x))
            && x == story.sentences[story.claims[x].sentence].claims.start
            && LEADING_CLAUSE.is_match(tx)
            && PART_THEN_SHARE.is_match(ty)
            && part_of(story, y, x)
            && is_share(story, z)
        {
            return shape(y, x, z, "of the B, A, or C%");
        }
        None
    }
}

impl super::Rule for PercentOf {
    fn id(&self) -> &'static str {
        "percent_of"
    }

    fn summary(&self) -> &'static str {
        "a part of a whole stated as a percentage"
    }

    fn check(&self, story: &Story, out: &mut Vec<Check>) {
        for sen in story.sentences {
            let mut x = sen.claims.start;
            while x < sen.claims.end {
                match PercentOf::at(story, x, sen.claims.end) {
                    Some(share) => {
                        x = share.part.max(share.whole).max(share.percent) + 1;
                        out.push(judge(story, &share));
                    }
                    None => x += 1,
                }
            }
        }
    }
}

/// Checks a share: the part over the whole against the stated percentage.
fn judge(story: &Story, share: &Share) -> Check {
    let claims = story.claims;
    let (part, whole, stated) = (
        &claims[share.part],
        &claims[share.whole],
        &claims[share.percent],
    );
    let hundred = Decimal::ONE_HUNDRED;
    let computed = part.interval.div(&whole.interval).scale(hundred);
    let exact = part
        .value
        .zip(whole.value)
        .and_then(|(a, b)| (!b.is_zero()).then(|| a / b * hundred));
    let ok = computed.overlaps(&stated.interval);
    let shown = exact.map_or_else(
        || format!("{}%", format_interval(&computed.round_outward(2))),
        |e| format!("{}%", format_number(e.round_dp(2))),
    );
    let head = format!("{} of {} is {shown}", part.literal, whole.literal);
    let explanation = if ok {
        format!("{head} (stated: {})", stated.literal)
    } else {
        format!(
            "{head}, but the share is stated as {} ({}%): the figures allow {}%",
            stated.literal,
            format_interval(&stated.interval.round_outward(2)),
            format_interval(&computed.round_outward(2))
        )
    };
    let rounding_only = ok && exact.is_some_and(|e| !stated.interval.contains(e));
    Check {
        rule: "percent_of",
        status: if ok { Status::Ok } else { Status::Inconsistent },
        claims: vec![share.part, share.whole, share.percent],
        explanation,
        evidence: format!("cue: \"{}\"", share.cue),
        rounding_only,
        severity: (!ok).then(|| severity(&computed, &stated.interval)),
    }
}

#[cfg(test)]
mod tests {
    use super::super::pairs::testing::run;
    use super::*;

    #[test]
    fn part_of_whole_gaps_agree_with_their_pattern() {
        let pattern = regex::Regex::new(r"^\s*(?:of|out\s+of)\s+(?:(?:the|its|their|all|his|her|those|these|our)\s+)?(?:[a-z]+(?:'s|’s|s')\s+)?$").unwrap();
        let vocab = [
            "of", "out", "out of", "the", "its", "all", "city's", "city’s", "workers'", "'s", "s'",
            "x", "ofthe", "é", "1",
        ];
        let texts: Vec<String> = crate::reconcile::cue::testing::texts(&vocab, 4000, 2)
            .into_iter()
            .flat_map(|t| [format!("of {t} "), format!(" out of {t}\u{a0}"), t])
            .collect();
        crate::reconcile::cue::testing::assert_agrees(&pattern, of_the, &texts, 100);
    }

    #[test]
    fn of_after_agrees_with_its_pattern() {
        let pattern = regex::Regex::new(r"^\s*of(?-u:\b)").unwrap();
        let vocab = [
            "of", "off", "ofé", "the", "o", "f", "of_", "of1", "\u{2003}",
        ];
        let texts = crate::reconcile::cue::testing::texts(&vocab, 20_000, 3);
        crate::reconcile::cue::testing::assert_agrees(&pattern, of_after, &texts, 100);
    }

    fn one(text: &str) -> Check {
        let c = run(&PercentOf, text);
        assert_eq!(c.len(), 1, "{text}: {c:?}");
        c.into_iter().next().unwrap()
    }

    #[test]
    fn the_shapes() {
        for text in [
            "Some 42 of the 120 patients, or 35%, recovered.",
            "Doctors treated 35% of the 120 patients (42).",
            "The party won 42 seats, or 35% of the 120 in parliament.",
            "Of the 120 patients, 42, or 35%, recovered.",
            "In all, 42 out of 120 people (35%) said yes.",
            "She said 42 of the company's 120 staff, or 35%, work nights.",
            "Of the 120 people who attended, 42, or 35%, came by bus.",
            "Some 42 of the 120 farms surveyed, or 35%, said no.",
            "One in five of the 7,455 new pupils, 1,491 children, will move.",
        ] {
            let k = one(text);
            assert_eq!(k.status, Status::Ok, "{text}: {k:?}");
            assert!(!k.rounding_only);
        }
        let k = one("Some 42 of the 120 patients, or 35%, recovered.");
        assert_eq!(k.explanation, "42 of 120 is 35% (stated: 35%)");
    }

    #[test]
    fn wrong_shares() {
        let k = one("Some 42 of the 120 patients, or 53%, recovered.");
        assert_eq!(k.status, Status::Inconsistent);
        assert!(k.explanation.contains("the figures allow"), "{k:?}");
        let k = one("The party won 42 seats, or 45% of the 120 in parliament.");
        assert_eq!(k.status, Status::Inconsistent);
    }

    #[test]
    fn ratios() {
        let k = one("One in five of the 3,400 voters, about 680, backed it.");
        assert_eq!(k.status, Status::Ok, "{k:?}");
        let k = one("One in five of the 3,400 voters, about 1,100, backed it.");
        assert_eq!(k.status, Status::Inconsistent, "{k:?}");
    }

    #[test]
    fn other_percentages_are_not_shares() {
        assert!(
            run(
                &PercentOf,
                "Some 42 of the 120 patients, 35% more than last year, recovered."
            )
            .is_empty()
        );
        assert!(
            run(
                &PercentOf,
                "Some 42 of the 120 patients died, 35% of them in March."
            )
            .is_empty()
        );
        assert!(
            run(
                &PercentOf,
                "Some 42 of the 120 patients recovered and 35% left."
            )
            .is_empty()
        );
    }

    #[test]
    fn rounding() {
        // 41 of 120 is 34.17%: "34%" holds it, "35%" does not.
        assert!(!one("Some 41 of the 120 patients, or 34%, recovered.").rounding_only);
        let k = one("Some 4.1 million of the 12 million voters, or 35%, stayed home.");
        assert_eq!(k.status, Status::Ok, "{k:?}");
        assert!(k.rounding_only);
    }
}
