//! `points`: percent versus percentage points.
//!
//! A change between two percentages can be stated two ways: "turnout rose
//! from 10% to 15%" is a rise of 5 percentage points, or a rise of 50%. The
//! rule finds two percentages a sentence states as before and after ("from
//! A to B", "to B from A", "B, up from A") and a change figure tied to them
//! by its syntax: right before the pair after a change verb ("rose 5 points
//! from ..."), or right after it as an apposition (", a rise of 5 points",
//! ", a 50% increase", ", 5 points higher").
//!
//! The change is checked under the reading its wording gives (points: the
//! difference B - A; percent: the relative change B / A - 1). When it fails
//! that reading but fits the other, the check is inconsistent and says which
//! reading works: "a rise of 5%" from 10% to 15% is 5 points, or 50%. Basis
//! points count a hundredth of a point.

use super::cue::Pattern;
use super::pairs::{self, BeforeAfter, Direction};
use super::{Check, Severity, Status, Story, format_interval, format_number, severity};
use crate::extract::{Claim, Quantity};
use crate::interval::Interval;
use rust_decimal::Decimal;
use std::sync::LazyLock;

pub struct Points;

/// A change verb right before a change figure that precedes the pair.
static VERB_BEFORE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?-u:\b)(?:rose|rise[ns]?|rising|increas(?:e|ed|es|ing)|jump(?:s|ed)?|climb(?:s|ed)?|gain(?:s|ed)?|grew|grow(?:s|n)?|surg(?:e|ed|es)|soar(?:s|ed)?|fell|fall(?:s|en)?|drop(?:s|ped)?|declin(?:e|ed|es)|decreas(?:e|ed|es)|slid|slip(?:s|ped)|dipp?(?:s|ed)?|shrank|plung(?:e|ed|es)|tumbled|edged\s+(?:up|down)|went\s+(?:up|down)|up|down)\s+(?:by\s+)?$")
        .expect("points verb")
});

/// Text between the pair and a change figure after it.
static APPOSITION: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?x)^(?:\s*(?:a|an|the|in|at|on|over|since|this|last|previous|prior|past|same|period|decade|general|year|years|month|earlier|ago|before|previously|election|referendum|vote|ballot|census|survey|poll|quarter
        |january|february|march|april|may|june|july|august|september|october|november|december|\d{4})(?-u:\b))*
        \s*(?:[,;:(]|[-–—])\s*
        (?:(?:which\s+(?:is|was)|representing|marking|amounting\s+to|or)\s+)?
        (?:an?\s+)?
        (?:(?:rise|increase|jump|gain|climb|fall|drop|decline|decrease|slide|dip|swing|change|difference|improvement|growth)\s+of\s+
          |(?:up|down)\s+(?:by\s+)?
        )?$")
    .expect("points apposition")
});

/// A change noun or comparison right after a change figure (", a 50% rise").
static NOUN_AFTER: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"^\s*(?:-\s*)?(?:percentage[\s-]+points?\s+|points?\s+)?(?:rise|increase|jump|gain|climb|fall|drop|decline|decrease|slide|dip|swing|improvement|growth|higher|lower|up|down|more|less)(?-u:\b)")
        .expect("points noun")
});

/// A change noun after a change figure that precedes its pair.
static NOUN_BEFORE_PAIR: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"^[\s-]*(?:percentage[\s-]+)?(?:points?[\s-]+)?(?:rise|increase|jump|gain|climb|fall|drop|decline|decrease|slide|dip|swing|improvement)\s*,?\s*(?:from|to)\s*$")
        .expect("noun before pair")
});

/// "a" or "an" right before such a change figure.
static ARTICLE_BEFORE: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?-u:\b)(?:a|an)\s*$").expect("article before"));

/// How a change figure is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reading {
    /// Percentage points (or basis points, scaled).
    Points,
    /// A relative change in percent.
    Percent,
}

/// A change figure tied to a before/after pair.
struct Stated {
    claim: usize,
    reading: Reading,
    /// In percentage points or percent.
    interval: Interval,
    direction: Option<Direction>,
    cue: String,
}

impl Points {
    /// How a claim states a change, if it can be one.
    fn reading(story: &Story, c: usize) -> Option<(Reading, Decimal)> {
        let claim = &story.claims[c];
        // A share in words ("a quarter point") is too loose to judge by.
        if !claim.is_usable() || claim.range || claim.share {
            return None;
        }
        match claim.quantity {
            Quantity::Points => Some((Reading::Points, Decimal::ONE)),
            Quantity::Percent => Some((Reading::Percent, Decimal::ONE)),
            Quantity::Count if claim.unit.as_deref() == Some("point") && !claim.unit_inferred => {
                let words = story.lower(claim.doc, claim.start, claim.span.1);
                if words.contains("basis") {
                    Some((Reading::Points, Decimal::new(1, 2)))
                } else if words.contains("percentage") || words.contains("point") {
                    Some((Reading::Points, Decimal::ONE))
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    /// The change figure the syntax ties to a pair, if any.
    fn stated(story: &Story, pair: &BeforeAfter) -> Option<Stated> {
        let sen = &story.sentences[story.claims[pair.before].sentence];
        let first = pair.before.min(pair.after);
        let last = pair.before.max(pair.after);
        let make = |c: usize, cue: &str| -> Option<Stated> {
            let (reading, scale) = Points::reading(story, c)?;
            let claim = &story.claims[c];
            Some(Stated {
                claim: c,
                reading,
                interval: claim.interval.scale(scale),
                direction: pairs::direction(cue),
                cue: cue
                    .trim()
                    .trim_start_matches([',', ';', ':', '('])
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
            })
        };
        if last + 1 < sen.claims.end {
            let c = last + 1;
            let between = story.text_after(last);
            if let Some(m) = APPOSITION.find(between) {
                let after = story.text_after(c);
                let has_noun = !m
                    .as_str()
                    .trim_matches(|ch: char| !ch.is_alphabetic())
                    .is_empty()
                    || NOUN_AFTER.is_match(after);
                if has_noun {
                    let cue = match NOUN_AFTER.find(after) {
                        Some(noun) => format!("{} … {}", m.as_str(), noun.as_str()),
                        None => m.as_str().to_string(),
                    };
                    return make(c, &cue);
                }
            }
        }
        if first > sen.claims.start {
            let c = first - 1;
            let before = story.text_before(c);
            if let Some(m) = VERB_BEFORE.find(before) {
                return make(c, m.as_str());
            }
            // "a 5-point rise from 10% to 15%", "a 50% jump, from ...".
            if let Some(m) = NOUN_BEFORE_PAIR.find(story.text_after(c))
                && ARTICLE_BEFORE.is_match(before)
            {
                return make(c, m.as_str());
            }
        }
        None
    }
}

impl super::Rule for Points {
    fn id(&self) -> &'static str {
        "points"
    }

    fn summary(&self) -> &'static str {
        "a change between two percentages fits its reading: percentage points or percent"
    }

    fn check(&self, story: &Story, out: &mut Vec<Check>) {
        for s in 0..story.sentences.len() {
            for pair in pairs::before_after(story, s) {
                let (a, b) = (&story.claims[pair.before], &story.claims[pair.after]);
                if !is_level(a) || !is_level(b) {
                    continue;
                }
                if let Some(stated) = Points::stated(story, pair) {
                    out.push(judge(story, pair, &stated));
                }
            }
            Points::comparisons(story, s, out);
        }
    }
}

/// "B, C points higher than the A": the change sits between the two levels.
static HIGHER_THAN: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"^\s*(?:percentage[\s-]+)?(?:points?\s+)?(?P<way>higher|lower|more|less|up|down)\s+(?:than|on|from)\s+(?:the\s+|its\s+|a\s+)?$")
        .expect("higher than")
});

impl Points {
    fn comparisons(story: &Story, s: usize, out: &mut Vec<Check>) {
        let range = story.sentences[s].claims.clone();
        for c in range.start + 1..range.end.saturating_sub(1) {
            let (b, a) = (c - 1, c + 1);
            if !is_level(&story.claims[a]) || !is_level(&story.claims[b]) {
                continue;
            }
            let Some(way) = HIGHER_THAN.captures(story.text_after(c)) else {
                continue;
            };
            if !story
                .text_after(b)
                .trim()
                .trim_matches([',', '('])
                .trim()
                .is_empty()
            {
                continue;
            }
            let Some((reading, scale)) = Points::reading(story, c) else {
                continue;
            };
            let claim = &story.claims[c];
            let pair = BeforeAfter {
                before: a,
                after: b,
                cue: "... than",
            };
            let stated = Stated {
                claim: c,
                reading,
                interval: claim.interval.scale(scale),
                direction: pairs::direction(
                    &way["way"].replace("more", "up").replace("less", "down"),
                ),
                cue: way[0].trim().to_string(),
            };
            out.push(judge(story, &pair, &stated));
        }
    }
}

/// A percentage that can be the level before or after a change.
fn is_level(c: &Claim) -> bool {
    c.quantity == Quantity::Percent && c.is_usable() && !c.range && !c.share
}

/// The magnitude of an interval: |x| for every x in it.
fn magnitude(i: &Interval) -> Interval {
    let neg = i.neg();
    if i.low.is_some_and(|b| !b.value.is_sign_negative()) {
        *i
    } else if i.high.is_some_and(|b| b.value <= Decimal::ZERO) {
        neg
    } else {
        let top = i.high.zip(neg.high).map(|(h, n)| h.value.max(n.value));
        match top {
            Some(t) => Interval::closed(Decimal::ZERO, t),
            None => Interval::above(Decimal::ZERO, true),
        }
    }
}

/// Checks a stated change against both readings of a before/after pair.
fn judge(story: &Story, pair: &BeforeAfter, stated: &Stated) -> Check {
    let (a, b) = (&story.claims[pair.before], &story.claims[pair.after]);
    let diff = b.interval.sub(&a.interval);
    let hundred = Decimal::ONE_HUNDRED;
    let rel = b
        .interval
        .div(&a.interval)
        .sub(&Interval::exact(Decimal::ONE))
        .scale(hundred);
    let exact_diff = b.value.zip(a.value).map(|(y, x)| y - x);
    let exact_rel = b.value.zip(a.value).and_then(|(y, x)| {
        y.checked_div(x)?
            .checked_sub(Decimal::ONE)?
            .checked_mul(hundred)
    });
    let wrong_way = match stated.direction {
        Some(Direction::Up) => diff.high.is_some_and(|h| h.value < Decimal::ZERO),
        Some(Direction::Down) => diff.low.is_some_and(|l| l.value > Decimal::ZERO),
        None => false,
    };
    let points_fit = magnitude(&diff).overlaps(&stated.interval);
    let percent_fit = magnitude(&rel).overlaps(&stated.interval);
    let change_words = format!(
        "{} to {} is {} points ({}%)",
        a.literal,
        b.literal,
        shown(exact_diff, &diff),
        shown(exact_rel.map(|r| r.round_dp(1)), &rel)
    );
    let change = &story.claims[stated.claim];
    let literal = story.lower(change.doc, change.start, change.span.1);
    let (fits, other_fits, own, other, computed) = match stated.reading {
        Reading::Points => (
            points_fit,
            percent_fit,
            "points",
            "percent",
            magnitude(&diff),
        ),
        Reading::Percent => (
            percent_fit,
            points_fit,
            "percent",
            "points",
            magnitude(&rel),
        ),
    };
    let ok = fits && !wrong_way;
    let explanation = if wrong_way {
        format!("{change_words}, but the change {literal} is stated in the opposite direction")
    } else if ok {
        format!("{change_words}: stated {literal} fits the {own} reading")
    } else if other_fits {
        format!(
            "{change_words}: stated {literal} fits only the {other} reading, not the {own} it is written in"
        )
    } else {
        format!(
            "{change_words}: stated {literal} fits neither reading (the {own} reading allows {})",
            format_interval(&computed)
        )
    };
    let exact = match stated.reading {
        Reading::Points => exact_diff.map(|d| d.abs()),
        Reading::Percent => exact_rel.map(|r| r.abs()),
    };
    // OK, but the exact arithmetic of the stated levels misses the stated
    // change: only the levels' rounding saves it.
    let rounding_only = ok && exact.is_some_and(|e| !stated.interval.contains(e));
    let severity = (!ok).then(|| {
        if wrong_way || other_fits {
            Severity::Major
        } else {
            severity(&computed, &stated.interval)
        }
    });
    let mut claims = vec![pair.before, pair.after, stated.claim];
    claims.sort_unstable();
    claims.retain(|&c| c != stated.claim);
    claims.push(stated.claim);
    Check {
        rule: "points",
        status: if ok { Status::Ok } else { Status::Inconsistent },
        claims,
        explanation,
        evidence: format!("cue: \"{}\" and \"{}\"", pair.cue, stated.cue),
        rounding_only,
        severity,
    }
}

fn shown(exact: Option<Decimal>, interval: &Interval) -> String {
    exact.map_or_else(|| format_interval(interval), format_number)
}

#[cfg(test)]
mod tests {
    use super::super::pairs::testing::run;
    use super::*;

    #[test]
    fn points_and_percent_both_fit_their_reading() {
        let c = run(
            &Points,
            "Turnout rose from 10% to 15%, an increase of 5 percentage points.",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].status, Status::Ok);
        let c = run(&Points, "Turnout rose from 10% to 15%, a 50% increase.");
        assert_eq!(c[0].status, Status::Ok, "{c:?}");
        let c = run(&Points, "Support rose 6 points to 38% from 32%.");
        assert_eq!(c[0].status, Status::Ok, "{c:?}");
    }

    #[test]
    fn percent_written_for_points_is_flagged() {
        let c = run(
            &Points,
            "Support for the party climbed from 32% to 38%, a rise of 6%.",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].status, Status::Inconsistent);
        assert_eq!(c[0].severity, Some(Severity::Major));
        assert!(
            c[0].explanation.contains("fits only the points reading"),
            "{}",
            c[0].explanation
        );
    }

    #[test]
    fn points_written_for_percent_is_flagged() {
        let c = run(
            &Points,
            "Turnout rose from 10% to 15%, a rise of 50 percentage points.",
        );
        assert_eq!(c[0].status, Status::Inconsistent, "{c:?}");
        assert!(c[0].explanation.contains("fits only the percent reading"));
    }

    #[test]
    fn neither_reading() {
        let c = run(
            &Points,
            "Unemployment fell to 4.2% from 5.1%, a drop of 3 percentage points.",
        );
        assert_eq!(c[0].status, Status::Inconsistent, "{c:?}");
        assert!(c[0].explanation.contains("fits neither"));
    }

    #[test]
    fn time_words_between_the_pair_and_the_change() {
        let c = run(
            &Points,
            "The jobless rate stood at 4.2%, down from 5.1% a year earlier, a fall of 0.9 points.",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].status, Status::Ok);
    }

    #[test]
    fn a_change_noun_before_the_pair() {
        let c = run(&Points, "Turnout saw a 5-point rise from 10% to 15%.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].status, Status::Ok);
        let c = run(&Points, "Turnout saw a 5% rise, from 10% to 15%.");
        assert_eq!(c[0].status, Status::Inconsistent, "{c:?}");
    }

    #[test]
    fn a_change_between_its_levels() {
        let c = run(
            &Points,
            "The rate was 5.04%, 0.84 points higher than the 4.2% a year earlier.",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].status, Status::Ok);
        let c = run(
            &Points,
            "The rate was 5.04%, 0.84% higher than the 4.2% a year earlier.",
        );
        assert_eq!(c[0].status, Status::Inconsistent);
        let c = run(
            &Points,
            "The rate was 4.2%, 0.84 points higher than the 5.04% a year earlier.",
        );
        assert_eq!(c[0].status, Status::Inconsistent);
    }

    #[test]
    fn basis_points_are_hundredths() {
        let c = run(
            &Points,
            "The bank raised its rate from 0.25% to 0.5%, an increase of 25 basis points.",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].status, Status::Ok, "{c:?}");
    }

    #[test]
    fn rounding_in_the_levels_is_allowed() {
        // 38.4 - 32.6 is 5.8; the levels may be 38.45 and 32.55.
        let c = run(
            &Points,
            "Approval rose from 32.6% to 38.4%, a gain of 5.9 percentage points.",
        );
        assert_eq!(c[0].status, Status::Ok, "{c:?}");
        assert!(c[0].rounding_only);
    }

    #[test]
    fn direction_is_checked() {
        let c = run(
            &Points,
            "Turnout went from 15% to 10%, a rise of 5 percentage points.",
        );
        assert_eq!(c[0].status, Status::Inconsistent, "{c:?}");
    }

    #[test]
    fn share_words_are_not_changes() {
        assert!(
            run(
                &Points,
                "Rates were cut from 5% to 4.75%, a fall of a quarter point."
            )
            .iter()
            .all(|c| c.status == Status::Ok)
        );
    }

    #[test]
    fn no_tie_no_check() {
        // The 6% is another quantity.
        assert!(
            run(
                &Points,
                "Its share rose from 32% to 38% as sales grew by 6%."
            )
            .is_empty()
        );
        assert!(
            run(
                &Points,
                "Turnout rose from 10% to 15%, while 6% spoiled ballots."
            )
            .is_empty()
        );
        // Levels that are not percentages.
        assert!(
            run(
                &Points,
                "The index fell from 7,500 to 7,450, a drop of 50 points."
            )
            .is_empty()
        );
    }
}
