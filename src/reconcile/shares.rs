//! `shares`: percentages of one whole add up to 100.
//!
//! A poll, a vote or a budget split states each option's share in one
//! sentence: "48% backed the plan, 39% opposed it and the rest, 13%, were
//! undecided". When the text shows the shares cover the whole (a remainder
//! with its own figure: "the rest", "the remaining 13%"; a vote "split 52%
//! to 48%"), their sum must meet 100. When it shows only that they are
//! exclusive options of one whole (supporters against opponents or the
//! undecided, parties' shares "of the vote"), the sum must not pass 100.
//!
//! Each share is an interval, so n shares rounded to whole percent may sum
//! to anything within n x 0.5 of 100 and still be right. A sentence that
//! also compares, changes or splits the whole by group ("among men",
//! "compared with", "up from", two different years) is left alone: its
//! percentages need not share one whole.

use super::cue::Pattern;
use super::cue::{ascii_words, is_word_byte, trim_end, years};
use super::pairs;
use super::{Check, Status, Story, format_interval, format_number, severity};
use crate::extract::Quantity;
use crate::interval::Interval;
use rust_decimal::Decimal;
use std::sync::LazyLock;

pub struct Shares;

/// A remainder right before its own figure.
static REMAINDER_BEFORE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?-u:\b)(the\s+rest|the\s+remainder|(?:the\s+)?remaining|the\s+others?|the\s+other)[\s,(:–—-]*(?:(?:was|were|is|are|at|on|with|took|had|got|chose|\w+ed)\s+)?$")
        .expect("remainder before")
});

/// A split right before the first share: "the vote split 52% to 48%".
static SPLIT_BEFORE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?-u:\b)(split|divided)(?:\s+(?:almost|roughly|evenly|about|nearly))?\s*(?:by\s+)?$",
    )
    .expect("split before")
});

/// Words for backing an option.
static FOR_WORDS: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?-u:\b)(?:back(?:ed|s)?|support(?:ed|s)?|favou?r(?:ed|s)?|approv(?:e|ed|es)|in\s+favou?r|said\s+yes|voted\s+yes|for\s+the\s+(?:plan|proposal|ban|deal|motion))(?-u:\b)")
        .expect("for words")
});

/// Words for another option of the same question.
static AGAINST_WORDS: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?-u:\b)(?:oppos(?:e|ed|es)|against|disapprov(?:e|ed|es)|rejected|said\s+no|voted\s+no|undecided|unsure|not\s+sure|(?:did\s+not|didn't|don't|do\s+not)\s+know|no\s+opinion|neither)(?-u:\b)")
        .expect("against words")
});

/// Words that say the percentages do not share one whole ("among men",
/// "compared with", "rose"), sorted for binary search.
const NOT_ONE_WHOLE: &[&str] = &[
    "aged",
    "ago",
    "among",
    "amongst",
    "before",
    "both",
    "change",
    "changed",
    "changes",
    "compared",
    "decline",
    "declined",
    "declines",
    "decrease",
    "decreased",
    "decreases",
    "drop",
    "dropped",
    "drops",
    "each",
    "earlier",
    "fall",
    "fallen",
    "fell",
    "gain",
    "gained",
    "gains",
    "grew",
    "growth",
    "increase",
    "increased",
    "increases",
    "jump",
    "jumped",
    "jumps",
    "lead",
    "lost",
    "margin",
    "men",
    "per",
    "point",
    "points",
    "previous",
    "respectively",
    "rise",
    "risen",
    "rose",
    "swing",
    "than",
    "turnout",
    "versus",
    "vs",
    "whereas",
    "women",
];

/// Whether the text between a sentence's figures (each figure a "#")
/// says they do not share one whole: one of the words above, or "up" or
/// "down" right before a figure ("up 5%", "down by 3").
fn not_one_whole(gaps: &str) -> bool {
    let up_down = |t: &str| {
        ["up", "down"].iter().any(|w| {
            t.strip_suffix(w)
                .is_some_and(|r| !r.as_bytes().last().is_some_and(|&b| is_word_byte(b)))
        })
    };
    let before_figure = gaps.match_indices('#').any(|(k, _)| {
        let t = trim_end(&gaps[..k]);
        up_down(t) || t.strip_suffix("by").is_some_and(|r| up_down(trim_end(r)))
    });
    before_figure || ascii_words(gaps).any(|w| NOT_ONE_WHOLE.binary_search(&w).is_ok())
}

/// The base a share names after it: "48% of voters".
static BASE_AFTER: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"^\s*of\s+(?:the\s+|all\s+|its\s+|their\s+|those\s+)?([a-z]+)")
        .expect("base after")
});

/// The whole introduced before the first share.
static WHOLE_BEFORE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?-u:\b)of\s+(?:the|those|these|its|their|all)(?-u:\b)|(?-u:\b)in\s+(?:the|a|this|its)\s+(?:poll|survey|vote|ballot|referendum|study|consultation)(?-u:\b)")
        .expect("whole before")
});

/// A share of a subset: "30% of them".
static SUBSET: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"^\s*of\s+(?:them|those|these|whom|which)(?-u:\b)").expect("subset")
});

static TIME_PHRASE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?-u:\b)(?:last|this|next|previous)\s+(?:year|month|week|season|quarter|election|time)(?-u:\b)",
    )
    .expect("time phrase")
});

/// How sure the text is that the shares make up one whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Whole {
    /// They cover it: the sum meets 100.
    Covered,
    /// They are exclusive parts of it: the sum is at most 100.
    Exclusive,
}

impl Shares {
    /// The sentence text outside its claims, where cue words are read.
    fn gaps(story: &Story, s: usize) -> String {
        let sen = &story.sentences[s];
        let mut out = String::new();
        let mut at = sen.start;
        for c in sen.claims.clone() {
            let claim = &story.claims[c];
            out.push_str(story.lower(sen.doc, at, claim.span.0));
            out.push_str(" # ");
            at = claim.span.1.max(at);
        }
        out.push_str(story.lower(sen.doc, at, sen.end));
        out
    }

    /// Whether every share in the sentence can be a share of one whole.
    fn one_whole(story: &Story, s: usize, parts: &[usize], gaps: &str) -> bool {
        let range = story.sentences[s].claims.clone();
        // A change in points means the sentence compares, not splits.
        if range
            .clone()
            .any(|c| story.claims[c].quantity == Quantity::Points)
        {
            return false;
        }
        // A semicolon starts another clause, often about another whole.
        if gaps.contains(';') || not_one_whole(gaps) || !pairs::before_after(story, s).is_empty() {
            return false;
        }
        // Two times in view ("2019" and "2024", "this year" and "last
        // year", "last time") mean two wholes.
        let mut times: Vec<&str> = years(gaps)
            .chain(TIME_PHRASE.find_iter(gaps).map(|m| m.as_str()))
            .collect();
        times.sort_unstable();
        times.dedup();
        if times.len() > 1 || gaps.contains("last time") {
            return false;
        }
        let mut bases = Vec::new();
        for &c in parts {
            let claim = &story.claims[c];
            if !claim.is_usable() || claim.range {
                return false;
            }
            let after = story.text_after(c);
            if SUBSET.is_match(after) {
                return false;
            }
            if let Some(b) = BASE_AFTER.captures(after).and_then(|m| m.get(1)) {
                bases.push(b.as_str());
            }
        }
        bases.dedup();
        bases.len() <= 1
    }

    /// What the cues say about the whole.
    fn whole(story: &Story, parts: &[usize], gaps: &str) -> Option<(Whole, String)> {
        // The remainder's own figure ("the rest, 13%", "the remaining 12%")
        // or a split ("split 52% to 48%") shows the shares cover the whole.
        for &c in parts {
            let before = story.text_before(c);
            if let Some(m) = REMAINDER_BEFORE.captures(before) {
                // "of the rest, 30%" is a share of the remainder, not of the whole.
                let lead = before[..m.get(0).map_or(0, |g| g.start())].trim_end();
                if lead.ends_with(" of") || lead == "of" {
                    return None;
                }
                return Some((Whole::Covered, m[1].to_string()));
            }
        }
        if let Some(m) = SPLIT_BEFORE.captures(story.text_before(parts[0])) {
            return Some((Whole::Covered, m[1].to_string()));
        }
        // Options of one question: each share stands next to its option
        // ("48% backed ...", "39% opposed ..."), so a share of something else
        // in the sentence ("while 70% said ...") keeps it out.
        // Each option named once: "backed" twice is two questions ("71%
        // backed the manager ...; 64% backed the owner").
        if let (Some(f), Some(a)) = (FOR_WORDS.find(gaps), AGAINST_WORDS.find(gaps))
            && FOR_WORDS.find_iter(gaps).count() == 1
            && AGAINST_WORDS.find_iter(gaps).count() <= 2
            && parts.iter().all(|&c| Shares::option_near(story, c))
        {
            return Some((Whole::Exclusive, format!("{} / {}", f.as_str(), a.as_str())));
        }
        let votes = parts.iter().all(|&c| {
            BASE_AFTER
                .captures(story.text_after(c))
                .and_then(|m| m.get(1))
                .is_some_and(|b| b.as_str() == "vote" || b.as_str() == "votes")
        });
        // A remainder without a figure ("the rest were undecided") is not
        // enough: shares of overlapping groups ("70% have broadband, 40%
        // fibre, and the rest ...") would pass 100 with no error.
        votes.then(|| (Whole::Exclusive, "of the vote".to_string()))
    }

    /// Whether an option word stands right next to a share.
    fn option_near(story: &Story, c: usize) -> bool {
        let after = story.text_after(c);
        let after = &after[..floor_boundary(after, 40)];
        let before = story.text_before(c);
        let before = &before[ceil_boundary(before, before.len().saturating_sub(30))..];
        let near = |t: &str| FOR_WORDS.is_match(t) || AGAINST_WORDS.is_match(t);
        near(after) || near(before)
    }
}

/// The largest char boundary at or below `i`.
fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary at or above `i`.
fn ceil_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

impl Shares {
    /// Whether the sentence introduces the whole before or at its first
    /// share ("Of those polled, ...", "In the survey, ...", "41% of the
    /// power"): then no share can stand in an earlier sentence.
    fn names_its_whole(story: &Story, parts: &[usize]) -> bool {
        let Some(&first) = parts.first() else {
            return false;
        };
        let claim = &story.claims[first];
        let sen = &story.sentences[claim.sentence];
        WHOLE_BEFORE.is_match(story.lower(sen.doc, sen.start, claim.span.0))
            || BASE_AFTER.is_match(story.text_after(first))
    }

    /// The shares that cover the whole: the sentence's own when they can
    /// reach 100; otherwise the story may have given the first share in the
    /// sentence before ("The Greens won with 41% of the vote. Labour took
    /// 33% ... and independents the remaining 11%."). That sentence's
    /// shares join only when they name their whole ("of the vote") and the
    /// sentence's own shares name no other; if even then the sum falls
    /// short, some share is unstated and nothing is checked.
    fn complete(story: &Story, s: usize, parts: Vec<usize>) -> Option<Vec<usize>> {
        let sum = Interval::sum(parts.iter().map(|&p| &story.claims[p].interval));
        let short = sum.high.is_some_and(|h| h.value < Decimal::ONE_HUNDRED);
        if !short || Shares::names_its_whole(story, &parts) {
            return Some(parts);
        }
        let prev = s.checked_sub(1)?;
        if story.sentences[prev].doc != story.sentences[s].doc {
            return None;
        }
        let before: Vec<usize> = story.sentences[prev]
            .claims
            .clone()
            .filter(|&c| story.claims[c].quantity == Quantity::Percent)
            .collect();
        if before.is_empty() || !Shares::one_whole(story, prev, &before, &Shares::gaps(story, prev))
        {
            return None;
        }
        let base = |c: usize| {
            BASE_AFTER
                .captures(story.text_after(c))
                .and_then(|m| m.get(1))
                .map(|b| b.as_str().to_string())
        };
        let named = base(before[0])?;
        if before
            .iter()
            .chain(&parts)
            .any(|&c| base(c).is_some_and(|b| b != named))
        {
            return None;
        }
        let all: Vec<usize> = before.into_iter().chain(parts).collect();
        let total = Interval::sum(all.iter().map(|&p| &story.claims[p].interval));
        let still_short = total.high.is_some_and(|h| h.value < Decimal::ONE_HUNDRED);
        (!still_short).then_some(all)
    }
}

impl super::Rule for Shares {
    fn id(&self) -> &'static str {
        "shares"
    }

    fn summary(&self) -> &'static str {
        "percentages of one whole add up to 100"
    }

    fn check(&self, story: &Story, out: &mut Vec<Check>) {
        for s in 0..story.sentences.len() {
            // The percentages are the shares; counts and amounts in the
            // sentence (the size of the whole) are not.
            let parts: Vec<usize> = story.sentences[s]
                .claims
                .clone()
                .filter(|&c| story.claims[c].quantity == Quantity::Percent)
                .collect();
            if parts.len() < 2 {
                continue;
            }
            let gaps = Shares::gaps(story, s);
            if !Shares::one_whole(story, s, &parts, &gaps) {
                continue;
            }
            let Some((whole, cue)) = Shares::whole(story, &parts, &gaps) else {
                continue;
            };
            let parts = match whole {
                Whole::Covered => match Shares::complete(story, s, parts) {
                    Some(p) => p,
                    None => continue,
                },
                Whole::Exclusive => parts,
            };
            out.push(judge(story, parts, whole, &cue));
        }
    }
}

fn judge(story: &Story, parts: Vec<usize>, whole: Whole, cue: &str) -> Check {
    let claims = story.claims;
    let hundred = Decimal::ONE_HUNDRED;
    let sum = Interval::sum(parts.iter().map(|&p| &claims[p].interval));
    let allowed = match whole {
        Whole::Covered => Interval::exact(hundred),
        Whole::Exclusive => Interval::closed(Decimal::ZERO, hundred),
    };
    let ok = sum.overlaps(&allowed);
    let exact = parts
        .iter()
        .try_fold(Decimal::ZERO, |acc, &p| acc.checked_add(claims[p].value?));
    let terms: Vec<&str> = parts.iter().map(|&p| claims[p].literal.as_str()).collect();
    let shown = exact.map_or_else(
        || format_interval(&sum),
        |e| format!("{}%", format_number(e)),
    );
    let claim = match whole {
        Whole::Covered => "shares of the whole sum to 100%",
        Whole::Exclusive => "exclusive shares of one whole sum to at most 100%",
    };
    let explanation = if ok {
        format!("{} = {} ({claim})", terms.join(" + "), shown)
    } else {
        format!(
            "{} = {}, but {claim}: the shares allow {}",
            terms.join(" + "),
            shown,
            format_interval(&sum)
        )
    };
    let rounding_only = ok && exact.is_some_and(|e| !allowed.contains(e));
    Check {
        rule: "shares",
        status: if ok { Status::Ok } else { Status::Inconsistent },
        claims: parts,
        explanation,
        evidence: format!("cue: \"{cue}\""),
        rounding_only,
        severity: (!ok).then(|| severity(&sum, &allowed)),
    }
}

#[cfg(test)]
mod tests {
    use super::super::pairs::testing::run;
    use super::*;

    #[test]
    fn not_one_whole_agrees_with_its_pattern() {
        assert!(NOT_ONE_WHOLE.windows(2).all(|w| w[0] < w[1]));
        let pattern = regex::Regex::new(r"(?-u:\b)(?:up|down)\s*(?:by\s*)?\#|(?-u:\b)(?:among|amongst|whereas|respectively|compared|versus|vs|than|each|per|both|men|women|aged|rose|risen|rise|fell|fallen|fall|increase[ds]?|decrease[ds]?|gain(?:ed|s)?|lost|drop(?:ped|s)?|jump(?:ed|s)?|grew|growth|declin(?:e|ed|es)|change[ds]?|swing|previous|earlier|ago|before|points?|turnout|margin|lead)(?-u:\b)").unwrap();
        let mut vocab: Vec<String> = NOT_ONE_WHOLE
            .iter()
            .flat_map(|w| {
                [
                    w.to_string(),
                    format!("{w}s"),
                    format!("x{w}"),
                    format!("{w}d"),
                ]
            })
            .collect();
        vocab.extend(
            [
                "up", "down", "by", "#", "# ", "upby", "setup", "up#", "byup", "the", "1",
            ]
            .map(String::from),
        );
        let vocab: Vec<&str> = vocab.iter().map(String::as_str).collect();
        for t in crate::reconcile::cue::testing::texts(&vocab, 40_000, 4) {
            assert_eq!(not_one_whole(&t), pattern.is_match(&t), "{t:?}");
        }
        let figures = ["up", "down", "by", "#", "upby", "setup", "byup", "the", "x"];
        for t in crate::reconcile::cue::testing::texts(&figures, 40_000, 4) {
            assert_eq!(not_one_whole(&t), pattern.is_match(&t), "{t:?}");
        }
    }

    fn status(text: &str) -> Vec<Status> {
        run(&Shares, text).iter().map(|c| c.status).collect()
    }

    #[test]
    fn a_poll_with_the_rest() {
        let c = run(
            &Shares,
            "In the poll, 48% backed the plan, 39% opposed it and the rest, 13%, were undecided.",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].status, Status::Ok);
        assert_eq!(
            c[0].explanation,
            "48% + 39% + 13% = 100% (shares of the whole sum to 100%)"
        );
        assert_eq!(
            status(
                "In the poll, 48% backed the plan, 39% opposed it and the rest, 17%, were undecided."
            ),
            [Status::Inconsistent]
        );
        assert_eq!(
            status(
                "In the poll, 48% backed the plan, 39% opposed it and the rest, 9%, were undecided."
            ),
            [Status::Inconsistent]
        );
    }

    #[test]
    fn rounding_tolerance_grows_with_the_parts() {
        // Four parts rounded to whole percent: 98 is within 4 x 0.5 of 100.
        let c = run(
            &Shares,
            "Gas supplied 41% of the power, wind 27% and nuclear 18%, and the remaining 12% came from solar.",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].status, Status::Ok);
        assert!(c[0].rounding_only);
        let c = run(
            &Shares,
            "Gas supplied 41% of the power, wind 27% and nuclear 18%, and the remaining 11% came from solar.",
        );
        assert_eq!(c[0].status, Status::Inconsistent);
    }

    #[test]
    fn the_size_of_the_whole_is_no_share() {
        let c = run(
            &Shares,
            "Of the £48m budget, social care takes 38%, schools 27%, roads 14% and the remaining 21% goes to parks.",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].status, Status::Ok);
        assert_eq!(c[0].claims.len(), 4);
    }

    #[test]
    fn the_first_share_may_stand_in_the_sentence_before() {
        let lead = "The Greens won the seat with 41% of the vote.";
        let c = run(
            &Shares,
            &format!(
                "{lead} Labour took 33%, the Liberal Democrats 15% and independents the remaining 11%."
            ),
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].status, Status::Ok);
        assert_eq!(c[0].claims.len(), 4);
        let c = run(
            &Shares,
            &format!(
                "{lead} Labour took 33%, the Liberal Democrats 15% and independents the remaining 21%."
            ),
        );
        assert_eq!(c[0].status, Status::Inconsistent);
        // Without the earlier share the sum falls short: some share is
        // unstated, so nothing is checked.
        assert!(
            status(
                "Labour took 33%, the Liberal Democrats 15% and independents the remaining 11%."
            )
            .is_empty()
        );
    }

    #[test]
    fn one_time_in_view_is_fine() {
        assert_eq!(
            status(
                "Android ran on 71.4% of phones sold last year, iOS on 28.2% and others on the remaining 0.4%."
            ),
            [Status::Ok]
        );
    }

    #[test]
    fn a_whole_named_first_makes_a_short_sum_an_error() {
        assert_eq!(
            status(
                "Of the £48m budget, care takes 38%, schools 27%, roads 14% and the remaining 12% goes to parks."
            ),
            [Status::Inconsistent]
        );
        // Without it, the first share may stand in an earlier sentence.
        assert!(
            status("In the first round, Labour took 33%, the Liberal Democrats 15% and independents the remaining 11%.")
                .is_empty()
        );
    }

    #[test]
    fn a_split_vote() {
        assert_eq!(status("The vote split 52% to 48%."), [Status::Ok]);
        // "52% to 58%" would read as a range, so the wrong split is written apart.
        assert_eq!(
            status("The council split 52% in favour and 58% against."),
            [Status::Inconsistent]
        );
    }

    #[test]
    fn exclusive_options_may_leave_some_out() {
        assert_eq!(
            status("Some 52% supported the ban and 38% opposed it."),
            [Status::Ok]
        );
        assert_eq!(
            status("Some 62% supported the ban and 48% opposed it."),
            [Status::Inconsistent]
        );
    }

    #[test]
    fn no_one_whole_no_check() {
        // Overlapping groups.
        assert!(status("About 70% of adults own a smartphone while 60% own a laptop.").is_empty());
        // Different bases.
        assert!(
            status("The plan was backed by 60% of men and opposed by 70% of women.").is_empty()
        );
        // Subgroups and changes.
        assert!(
            status(
                "Among men, 58% backed the plan; among women, 52% backed it and 41% opposed it."
            )
            .is_empty()
        );
        assert!(status("Support rose to 48% from 39%, and 13% opposed it.").is_empty());
        assert!(status("In the poll, 48% backed the plan, up 3%, and 39% opposed it.").is_empty());
        assert!(status("It won 48% of the vote in 2019 and 55% of the vote in 2024.").is_empty());
        assert!(status("It won 48% of the vote this year and 55% last year.").is_empty());
        assert!(status("It won 48% of the vote, against 55% last time.").is_empty());
        // A remainder without a figure: the sum may fall short of 100.
        assert_eq!(
            status(
                "Of those asked, 48% backed the plan, 39% opposed it and the rest were undecided."
            ),
            [Status::Ok]
        );
        // A remainder that belongs to another sentence's figures.
        assert!(status("Turnout was 64%. The rest stayed home; 5% spoiled ballots.").is_empty());
    }
}
