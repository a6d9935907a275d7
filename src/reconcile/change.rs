//! `change`: a figure before, a figure after and the stated difference.
//!
//! "Membership rose from 4,310 to 4,870, an increase of 560" states the
//! change three ways; so does "sales fell by 560 to 4,310 from 4,870". The
//! rule takes the before/after pairs of a sentence ("from A to B", "to B
//! from A", "B, up from A"), counts or money in one unit, and the change
//! figure their syntax ties to them: an apposition after the pair or a
//! change verb before it. It checks B - A against the stated change, with
//! the sign the wording gives ("increase", "fell"). A change stated in the
//! wrong direction is a major error; a change of percentages is the
//! `points` rule's, a change in percent the `percent_change` rule's.

use super::pairs::{self, BeforeAfter, StatedChange};
use super::{Check, Severity, Status, Story, format_interval, format_number, severity};
use crate::extract::{Claim, Quantity};

pub struct Change;

/// Whether two claims count the same thing in the same unit, as far as the
/// extractor can tell.
pub fn same_kind(a: &Claim, b: &Claim) -> bool {
    a.quantity == b.quantity
        && a.currency == b.currency
        && match (&a.unit, &b.unit) {
            (Some(x), Some(y)) => x == y || a.unit_inferred || b.unit_inferred || synonyms(x, y),
            _ => true,
        }
}

/// Nouns a story uses for one thing ("votes" of "ballots").
const SYNONYMS: &[&[&str]] = &[
    &["vote", "ballot"],
    &[
        "people",
        "person",
        "child",
        "pupil",
        "student",
        "resident",
        "adult",
        "individual",
    ],
];

fn synonyms(x: &str, y: &str) -> bool {
    SYNONYMS.iter().any(|g| g.contains(&x) && g.contains(&y))
}

/// A count or amount that can be a level before or after a change.
pub fn is_level(c: &Claim) -> bool {
    matches!(c.quantity, Quantity::Count | Quantity::Money) && c.is_usable() && !c.range && !c.vague
}

impl super::Rule for Change {
    fn id(&self) -> &'static str {
        "change"
    }

    fn summary(&self) -> &'static str {
        "a stated difference between a figure before and after"
    }

    fn check(&self, story: &Story, out: &mut Vec<Check>) {
        for s in 0..story.sentences.len() {
            let accept = |pair: &BeforeAfter, c: usize| {
                let (a, b) = (&story.claims[pair.before], &story.claims[pair.after]);
                let k = &story.claims[c];
                is_level(a)
                    && is_level(b)
                    && same_kind(a, b)
                    && is_level(k)
                    && same_kind(k, a)
                    && same_kind(k, b)
            };
            for (pair, stated) in pairs::changes(story, s, accept) {
                out.push(judge(story, &pair, &stated));
            }
        }
    }
}

/// Checks the stated change against the levels' difference.
fn judge(story: &Story, pair: &BeforeAfter, stated: &StatedChange) -> Check {
    let claims = story.claims;
    let (a, b, c) = (
        &claims[pair.before],
        &claims[pair.after],
        &claims[stated.claim],
    );
    let diff = b.interval.sub(&a.interval);
    let exact = b.value.zip(a.value).map(|(y, x)| y - x);
    let pairs::Fit {
        signed,
        fits,
        wrong_way,
    } = stated.fit(&diff, &c.interval);
    let moved = match exact {
        Some(e) if e.is_sign_negative() => format!("a fall of {}", amount(-e, a)),
        Some(e) => format!("a rise of {}", amount(e, a)),
        None => format!("a change of {}", format_interval(&diff)),
    };
    let head = format!("{} to {} is {}", a.literal, b.literal, moved);
    let explanation = if fits {
        format!("{head} (stated: {})", stated.words(&c.literal))
    } else if wrong_way {
        format!(
            "{head}, but the change is stated as {}: the wrong direction",
            stated.words(&c.literal)
        )
    } else {
        format!(
            "{head}, but the change is stated as {}: the levels allow {}, the stated change {}",
            stated.words(&c.literal),
            format_interval(&diff),
            format_interval(&signed)
        )
    };
    let rounding_only = fits && exact.is_some_and(|e| !c.interval.contains(e.abs()));
    let severity = (!fits).then(|| {
        if wrong_way {
            Severity::Major
        } else {
            severity(&diff, &signed)
        }
    });
    Check {
        rule: "change",
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

/// A computed amount in the figures' currency: "$900,000,000".
pub fn amount(v: rust_decimal::Decimal, like: &Claim) -> String {
    let symbol = match like.currency.as_deref() {
        Some("USD") => "$",
        Some("GBP") => "£",
        Some("EUR") => "€",
        Some("JPY") => "¥",
        _ => "",
    };
    match (symbol, like.currency.as_deref()) {
        ("", Some(code)) => format!("{} {code}", format_number(v)),
        _ => format!("{symbol}{}", format_number(v)),
    }
}

/// Before, after, then the stated change.
pub fn ordered(pair: &BeforeAfter, stated: usize) -> Vec<usize> {
    vec![pair.before, pair.after, stated]
}

#[cfg(test)]
mod tests {
    use super::super::pairs::testing::run;
    use super::*;

    #[test]
    fn rose_from_to_an_increase_of() {
        let c = run(
            &Change,
            "Membership rose from 4,310 to 4,870, an increase of 560.",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].status, Status::Ok);
        assert_eq!(
            c[0].explanation,
            "4,310 to 4,870 is a rise of 560 (stated: an increase of 560)"
        );
        let c = run(
            &Change,
            "Membership rose from 4,310 to 4,870, an increase of 650.",
        );
        assert_eq!(c[0].status, Status::Inconsistent);
        assert!(
            c[0].explanation.contains("the levels allow 550 to 570"),
            "{c:?}"
        );
    }

    #[test]
    fn fell_by_to_from() {
        let c = run(&Change, "Sales fell by 560 to 4,310 from 4,870.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].status, Status::Ok);
        let c = run(&Change, "Sales fell by 560 to 4,870 from 4,310.");
        assert_eq!(c[0].status, Status::Inconsistent);
        assert_eq!(c[0].severity, Some(Severity::Major));
        assert!(c[0].explanation.contains("wrong direction"), "{c:?}");
    }

    #[test]
    fn wrong_sign_is_major() {
        let c = run(
            &Change,
            "Staff numbers fell from 4,310 to 4,870, a drop of 560.",
        );
        assert_eq!(c[0].status, Status::Inconsistent, "{c:?}");
        assert_eq!(c[0].severity, Some(Severity::Major));
    }

    #[test]
    fn money_and_rounding() {
        let c = run(
            &Change,
            "Profit rose to $5.1bn from $4.2bn, an increase of $0.86bn.",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].status, Status::Ok);
        assert!(c[0].rounding_only);
    }

    #[test]
    fn improvement_is_no_direction() {
        let c = run(
            &Change,
            "The deficit narrowed from $4.2bn to $3.1bn, an improvement of $1.1bn.",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].status, Status::Ok, "{c:?}");
    }

    #[test]
    fn changes_on_another_basis_are_not_checked() {
        assert!(
            run(
                &Change,
                "Pay rose from £400 to £450 a week, an increase of £20 in real terms."
            )
            .is_empty()
        );
        assert!(
            run(
                &Change,
                "Sales rose by $3m on an organic basis to $92m from $80m."
            )
            .is_empty()
        );
    }

    #[test]
    fn percentages_belong_to_other_rules() {
        assert!(run(&Change, "Sales rose from 80 to 92, a 15% increase.").is_empty());
        assert!(run(&Change, "Turnout rose from 10% to 15%, an increase of 5.").is_empty());
    }

    #[test]
    fn no_tie_no_check() {
        assert!(
            run(
                &Change,
                "Sales rose from 4,310 to 4,870. Some 560 staff left."
            )
            .is_empty()
        );
        assert!(run(&Change, "It sold 10 cars to 15 dealers, and 5 vans.").is_empty());
    }
}
