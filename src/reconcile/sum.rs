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

use super::{Check, Status, Story, format_interval, format_number, severity};
use crate::extract::{Claim, Quantity};
use crate::interval::Interval;
use regex::Regex;
use rust_decimal::Decimal;
use std::sync::LazyLock;

pub struct Sum;

/// A cue right before the total.
static CUE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?: (?:bring|brought|take|took|taken|push|pushed|lift|lifted|raise|raised)(?:s|ing)?\s+
              (?:the|its|their|our|his|her)\s+(?:overall\s+|combined\s+|cumulative\s+|running\s+)?
              (?:total|tally|number|count|toll|figure|sum)(?:\s+[a-z]+){0,3}?\s+to
          | (?:a|the)\s+(?:combined\s+|grand\s+)?total\s+of
          | total(?:l)?ing | totall?ed
          | add(?:s|ed|ing)?\s+up\s+to
          | (?:in\s+total|in\s+all|altogether|all\s+told|combined)\s*,
          | (?:^|[.;:]\s*)(?:the\s+)?total(?:\s+[a-z]+){0,2}\s+(?:is|was|were|stands?\s+at|stood\s+at|reached|came\s+to)
        )
        [\s,]*(?:of\s+)?(?:some|about|around|more\s+than|over|nearly|almost|at\s+least)?\s*$",
    )
    .expect("sum cue")
});

/// A cue right after the total.
static CUE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s,]*(?:[a-z]+\s+){0,2}?(?:in\s+total|in\s+all|altogether|all\s+told|combined|overall)\b")
        .expect("sum cue after")
});

/// "Of the 2,181 people, ..." at the start of a sentence.
static LEADING_TOTAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\s“\x22])of\s+(?:the|those|these)\s*$").expect("leading total")
});

/// A figure that is a subset of another, not a part.
static SUBSET_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:including|includes|included|among\s+them|of\s+which|of\s+whom)\s*$")
        .expect("subset")
});
static SUBSET_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s,]*(?:[a-z]+\s+)?of\s+(?:them|whom|which|those|these)\b")
        .expect("subset after")
});

impl Sum {
    fn is_part_of(story: &Story, total: &Claim, c: usize) -> bool {
        let part = &story.claims[c];
        part.is_usable()
            && !part.range
            && part.quantity == total.quantity
            && part.currency == total.currency
            && units_match(part, total)
            && !SUBSET_BEFORE.is_match(story.text_before(c))
            && !SUBSET_AFTER.is_match(story.text_after(c))
    }
}

/// Units a total may have whose parts are counted in narrower units
/// ("1,204 men and 977 women, 2,181 people in all").
const GENERAL_UNITS: &[&str] = &[
    "people",
    "individual",
    "resident",
    "victim",
    "casualty",
    "passenger",
    "employee",
    "worker",
    "staff",
    "member",
    "student",
    "case",
    "death",
    "vehicle",
    "item",
    "unit",
    "product",
    "animal",
    "player",
    "athlete",
    "medal",
    "seat",
    "vote",
    "patient",
    "incident",
    "crime",
    "offence",
    "offense",
    "job",
    "home",
    "building",
    "property",
    "visitor",
    "tourist",
    "migrant",
    "refugee",
];

/// Units that measure time: a duration is never a part of a count.
const TIME_UNITS: &[&str] = &[
    "year", "month", "week", "day", "hour", "minute", "decade", "quarter", "second",
];

/// Whether a part's unit fits the total's: equal, unknown, or a narrower
/// kind of a general total ("women" of "people").
fn units_match(part: &Claim, total: &Claim) -> bool {
    match (&part.unit, &total.unit) {
        (Some(p), _) if TIME_UNITS.contains(&p.as_str()) => false,
        (Some(p), Some(t)) => p == t || GENERAL_UNITS.contains(&t.as_str()),
        _ => true,
    }
}

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
            if range.len() < 3 {
                continue;
            }
            let mut used_until = range.start;
            for t in range.clone() {
                let total = &story.claims[t];
                if !total.is_usable() || total.quantity == Quantity::Percent {
                    continue;
                }
                let before = story.text_before(t);
                let (cue, parts): (String, Vec<usize>) = if let Some(m) = CUE_BEFORE.find(before) {
                    let parts = (used_until..t)
                        .filter(|&c| Sum::is_part_of(story, total, c))
                        .collect();
                    (m.as_str().trim().to_string(), parts)
                } else if let Some(m) = CUE_AFTER.find(story.text_after(t)) {
                    let parts = (used_until..t)
                        .filter(|&c| Sum::is_part_of(story, total, c))
                        .collect();
                    (
                        m.as_str().trim_start_matches([' ', ',']).trim().to_string(),
                        parts,
                    )
                } else if t == range.start && LEADING_TOTAL.is_match(before) {
                    let parts = (t + 1..range.end)
                        .filter(|&c| Sum::is_part_of(story, total, c))
                        .collect();
                    ("of the ...".to_string(), parts)
                } else {
                    continue;
                };
                used_until = t + 1;
                if parts.len() < 2 {
                    continue;
                }
                out.push(judge(story, &parts, t, &cue));
            }
        }
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
    let rounding_only = ok && exact_sum.is_some_and(|s| Some(s) != total_claim.value);
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
            "It suspended another 235,000 accounts, which, added to the 125,000 closed earlier, brings the total so far to 360,000.",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].status, Status::Ok);
        let c = checks(
            "It suspended another 235,000 accounts, which, added to the 125,000 closed earlier, brings the total so far to 380,000.",
        );
        assert_eq!(c[0].status, Status::Inconsistent);
    }

    #[test]
    fn leading_total() {
        let c = checks("Of the 2,181 people, 1,204 were men and 977 were women.");
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].status, Status::Ok);
    }

    #[test]
    fn subsets_are_not_parts() {
        let c = checks("It hired 300 people, 120 of them engineers, bringing its staff to 1,400.");
        assert!(c.is_empty(), "{c:?}");
    }

    #[test]
    fn no_cue_no_check() {
        assert!(checks("It had 125,000 users, 235,000 visits and 360,000 clicks.").is_empty());
    }

    #[test]
    fn rounding_is_flagged_as_such() {
        let c = checks("Sales were $1.24m in March and $1.31m in April, a total of $2.5m.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].status, Status::Ok);
        assert!(c[0].rounding_only);
    }
}
