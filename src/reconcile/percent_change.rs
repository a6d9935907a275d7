//! `percent_change`: a figure before, a figure after and the change in
//! percent.
//!
//! "Visitors rose from 80,000 to 92,000, a 15% rise" and "revenue was up 15%
//! to $92m from $80m" state a relative change. The rule takes the
//! before/after pairs of a sentence (counts or money in one unit) and the
//! percentage their syntax ties to them (an apposition after the pair, a
//! change verb before it), and checks B / A - 1 against it, with the sign
//! the wording gives. A change stated in the wrong direction, or a fall of
//! more than 100%, is a major error. Changes between two percentages are
//! the `points` rule's.

use super::change::{is_level, ordered, same_kind};
use super::pairs::{self, BeforeAfter, Direction, StatedChange};
use super::{Check, Severity, Status, Story, format_interval, format_number, severity};
use crate::extract::Quantity;
use crate::interval::Interval;
use rust_decimal::Decimal;

pub struct PercentChange;

impl super::Rule for PercentChange {
    fn id(&self) -> &'static str {
        "percent_change"
    }

    fn summary(&self) -> &'static str {
        "a stated change in percent between a figure before and after"
    }

    fn check(&self, story: &Story, out: &mut Vec<Check>) {
        for s in 0..story.sentences.len() {
            let accept = |pair: &BeforeAfter, c: usize| {
                let (a, b) = (&story.claims[pair.before], &story.claims[pair.after]);
                let k = &story.claims[c];
                is_level(a)
                    && is_level(b)
                    && same_kind(a, b)
                    && k.quantity == Quantity::Percent
                    && k.is_usable()
                    && !k.range
                    && !k.vague
            };
            for (pair, stated) in pairs::changes(story, s, accept) {
                out.push(judge(story, &pair, &stated));
            }
        }
    }
}

/// Checks the stated percentage against the levels' relative change.
fn judge(story: &Story, pair: &BeforeAfter, stated: &StatedChange) -> Check {
    let claims = story.claims;
    let (a, b, c) = (
        &claims[pair.before],
        &claims[pair.after],
        &claims[stated.claim],
    );
    let hundred = Decimal::ONE_HUNDRED;
    let rel = b
        .interval
        .div(&a.interval)
        .sub(&Interval::exact(Decimal::ONE))
        .scale(hundred);
    let exact = b
        .value
        .zip(a.value)
        .and_then(|(y, x)| (!x.is_zero()).then(|| (y / x - Decimal::ONE) * hundred));
    let pairs::Fit {
        signed,
        fits,
        wrong_way,
    } = stated.fit(&rel, &c.interval);
    let moved = match exact {
        Some(e) if e.is_sign_negative() => {
            format!("a fall of {}%", format_number((-e).round_dp(2)))
        }
        Some(e) => format!("a rise of {}%", format_number(e.round_dp(2))),
        None => format!("a change of {}%", format_interval(&rel)),
    };
    let head = format!("{} to {} is {}", a.literal, b.literal, moved);
    let said = stated.words(&c.literal);
    let explanation = if fits {
        format!("{head} (stated: {said})")
    } else if wrong_way {
        format!("{head}, but the change is stated as {said}: the wrong direction")
    } else {
        format!(
            "{head}, but the change is stated as {said}: the levels allow {}%",
            format_interval(&rel.round_outward(2))
        )
    };
    let rounding_only = fits && exact.is_some_and(|e| !c.interval.contains(e.abs()));
    let beyond_all =
        stated.direction == Some(Direction::Down) && c.value.is_some_and(|v| v > hundred);
    let severity = (!fits).then(|| {
        if wrong_way || beyond_all {
            Severity::Major
        } else {
            severity(&rel, &signed)
        }
    });
    Check {
        rule: "percent_change",
        status: if fits {
            Status::Ok
        } else {
            Status::Inconsistent
        },
        claims: ordered(pair, stated.claim),
        explanation,
        evidence: format!("cue: \"{}\" and \"{}\"", pair.cue, stated.cue()),
        rounding_only,
        severity,
    }
}

#[cfg(test)]
mod tests {
    use super::super::pairs::testing::run;
    use super::*;

    #[test]
    fn from_to_a_rise() {
        let c = run(&PercentChange, "Visitors rose from 80 to 92, a 15% rise.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].status, Status::Ok);
        assert_eq!(
            c[0].explanation,
            "80 to 92 is a rise of 15% (stated: a 15% rise)"
        );
        let c = run(&PercentChange, "Visitors rose from 80 to 92, a 25% rise.");
        assert_eq!(c[0].status, Status::Inconsistent);
    }

    #[test]
    fn up_to_from() {
        // "15% to $92m" is two figures, not a range.
        let c = run(&PercentChange, "Revenue was up 15% to $92m from $80m.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].status, Status::Ok);
        let c = run(&PercentChange, "Revenue was down 15% to $92m from $80m.");
        assert_eq!(c[0].status, Status::Inconsistent);
        assert_eq!(c[0].severity, Some(Severity::Major));
    }

    #[test]
    fn rounded_levels_widen_the_change() {
        // 4.2 to 5.1 is 21.4%, but 4.15 to 5.15 allows up to 24.1%.
        let c = run(
            &PercentChange,
            "Profit rose from $4.2bn to $5.1bn, an increase of 23%.",
        );
        assert_eq!(c[0].status, Status::Ok, "{c:?}");
        assert!(c[0].rounding_only);
        let c = run(
            &PercentChange,
            "Profit rose from $4.2bn to $5.1bn, an increase of 21.4%.",
        );
        assert!(!c[0].rounding_only, "{c:?}");
    }

    #[test]
    fn later_figure_first() {
        let c = run(
            &PercentChange,
            "Riders made 61.3 million trips last year, up 9.2% from 56.1 million in 2023.",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].status, Status::Ok);
        let c = run(
            &PercentChange,
            "Riders made 61.3 million trips last year, down 9.2% from 56.1 million in 2023.",
        );
        assert_eq!(c[0].severity, Some(Severity::Major), "{c:?}");
    }

    #[test]
    fn wordings_before_the_pair() {
        for text in [
            "It offered a rise of 4.5%, taking the rate to £16.72 from £16.00.",
            "Bills will rise by an average of 8.7% to £512 from £471.",
        ] {
            let c = run(&PercentChange, text);
            assert_eq!(c.len(), 1, "{text}: {c:?}");
            assert_eq!(c[0].status, Status::Ok, "{c:?}");
        }
    }

    #[test]
    fn yearly_and_real_rates_are_not_checked() {
        assert!(
            run(
                &PercentChange,
                "Sales rose 10% in real terms to $92m from $80m."
            )
            .is_empty()
        );
        assert!(
            run(
                &PercentChange,
                "It grew from 80 to 92 over five years, an average annual rise of 2.8%."
            )
            .is_empty()
        );
        assert!(
            run(
                &PercentChange,
                "Revenue was 92m, up 9% from 80m at constant currency."
            )
            .is_empty()
        );
    }

    #[test]
    fn a_change_of_something_else_before_the_pair() {
        let text = "Wages rose 5.6% in the three months to February, while prices rose from 102.1 to 105.3, a rise of 3.1%.";
        let c = run(&PercentChange, text);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].status, Status::Ok, "{c:?}");
    }

    #[test]
    fn a_fall_beyond_a_hundred_percent_is_major() {
        let c = run(
            &PercentChange,
            "Arrivals fell from 1,200 to 300, a drop of 175%.",
        );
        assert_eq!(c[0].status, Status::Inconsistent, "{c:?}");
        assert_eq!(c[0].severity, Some(Severity::Major));
    }

    #[test]
    fn percentage_levels_are_not_ours() {
        assert!(
            run(
                &PercentChange,
                "Turnout rose from 10% to 15%, a 50% increase."
            )
            .is_empty()
        );
    }
}
