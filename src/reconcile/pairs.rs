//! Shared cue reading for rules that compare a figure before and after a
//! change ("from A to B", "to B from A", "B, up from A"), and the words
//! that say which way a change went.
//!
//! Only adjacent claims of one sentence are paired, so the search is linear
//! in the number of claims.

use super::Story;
use regex::Regex;
use std::sync::LazyLock;

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

/// "from" right before the first figure ("rose from", "from a low of").
static FROM_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bfrom(?:\s+(?:a\s+(?:low|high)\s+of|just|only))?\s*$").expect("from")
});

/// Between the two figures of "from A to B": at most a few words (a year,
/// "a year earlier") and then "to".
static FROM_TO_BETWEEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s*,?\s*(?:in|at|on|during|for|a|an|the|last|year|years|earlier|ago|before|previously|\d{4}(?:-\d{2})?))*\s*,?\s*to(?:\s+(?:a\s+(?:high|low|record)\s+of|just))?\s*$")
        .expect("from-to")
});

/// "to" right before the later figure of "to B from A".
static TO_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bto(?:\s+(?:a\s+(?:high|low|record)\s+of|just))?\s*$").expect("to")
});

/// Between B and A in "to B from A".
static TO_FROM_BETWEEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s*,?\s*(?:in|at|on|during|this|a|an|the|year|\d{4}(?:-\d{2})?))*\s*,?\s*(?:up\s+|down\s+)?from\s*$")
        .expect("to-from")
});

/// Between B and A in "B, up from A" (no "to" needed).
static UP_FROM_BETWEEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s*,?\s*(?:in|at|on|during|this|the|year|\d{4}(?:-\d{2})?))*\s*[,(]\s*(?:up|down)\s+from\s*$")
        .expect("up-from")
});

static UP_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:rose|rise[ns]?|rising|increas(?:e|ed|es|ing)|jump(?:s|ed|ing)?|climb(?:s|ed|ing)?|gain(?:s|ed|ing)?|grew|grow(?:s|n|th|ing)?|up|surg(?:e|ed|es|ing)|soar(?:s|ed|ing)?|higher|boost(?:s|ed)?|doubl(?:e|ed|es|ing)|tripl(?:e|ed|es|ing)|trebl(?:e|ed|es|ing)|quadrupl(?:e|ed|es|ing)|improv(?:e|ed|es|ing|ement))\b")
        .expect("up words")
});

static DOWN_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:fell|fall(?:s|en|ing)?|drop(?:s|ped|ping)?|declin(?:e|ed|es|ing)|decreas(?:e|ed|es|ing)|down|slid(?:e|es|ing)?|slip(?:s|ped|ping)?|dip(?:s|ped|ping)?|shr[ai]nk(?:s|ing)?|shrunk|plung(?:e|ed|es|ing)|plummet(?:s|ed|ing)?|lower|cut|tumbl(?:e|ed|es|ing)|halv(?:e|ed|es|ing)|los(?:s|t|e|es|ing)|slump(?:s|ed|ing)?|sank|sink(?:s|ing)?)\b")
        .expect("down words")
});

/// The direction words in a stretch of text say, when they agree.
pub fn direction(text: &str) -> Option<Direction> {
    match (UP_WORDS.is_match(text), DOWN_WORDS.is_match(text)) {
        (true, false) => Some(Direction::Up),
        (false, true) => Some(Direction::Down),
        _ => None,
    }
}

/// The before/after pairs of adjacent claims in a sentence.
pub fn before_after(story: &Story, sentence: usize) -> Vec<BeforeAfter> {
    let range = story.sentences[sentence].claims.clone();
    let mut out = Vec::new();
    for i in range.start..range.end.saturating_sub(1) {
        let j = i + 1;
        let between = story.text_after(i);
        let pair = if FROM_BEFORE.is_match(story.text_before(i))
            && FROM_TO_BETWEEN.is_match(between)
        {
            Some((i, j, "from ... to"))
        } else if TO_BEFORE.is_match(story.text_before(i)) && TO_FROM_BETWEEN.is_match(between) {
            Some((j, i, "to ... from"))
        } else if UP_FROM_BETWEEN.is_match(between) {
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
        assert_eq!(pairs("Turnout was 15%, up from 10% a year earlier."), want);
    }

    #[test]
    fn unrelated_neighbours_are_not_pairs() {
        assert!(pairs("Turnout was 15% and 10% stayed home.").is_empty());
        assert!(pairs("It sold 10 cars to 15 dealers.").is_empty());
    }

    #[test]
    fn directions() {
        assert_eq!(direction("a rise of"), Some(Direction::Up));
        assert_eq!(direction(", down"), Some(Direction::Down));
        assert_eq!(direction("rose, then fell"), None);
        assert_eq!(direction("stood at"), None);
    }
}
