//! Hand-written cue matching shared by the rules: word sequences at the
//! end of a stretch of text, ASCII words, and cheap literal tests that
//! spare a pattern when it cannot match.
//!
//! A rule's text is the document in ASCII lower case, so it may hold any
//! Unicode. These functions see words as `(?-u:\b)` does (runs of ASCII
//! letters, digits and `_`) and white space as `\s` does (Unicode
//! `White_Space`), so that each stays exactly equal to the pattern it
//! replaced; the tests compare them.

use regex::{Captures, Match, Regex};
use std::sync::OnceLock;

/// Whether a stretch of text ends with one of the phrases (words apart by
/// white space, the first at a word boundary), then white space only.
pub fn ends_with_phrase(text: &str, phrases: &[&[&str]]) -> bool {
    phrases.iter().any(|words| ends_with_words(text, words))
}

fn ends_with_words(text: &str, words: &[&str]) -> bool {
    let mut rest = text.trim_end_matches(char::is_whitespace);
    for (k, word) in words.iter().enumerate().rev() {
        let Some(r) = rest.strip_suffix(word) else {
            return false;
        };
        rest = if k == 0 {
            r
        } else {
            let trimmed = r.trim_end_matches(char::is_whitespace);
            if trimmed.len() == r.len() {
                return false;
            }
            trimmed
        };
    }
    !rest.as_bytes().last().is_some_and(|&b| is_word_byte(b))
}

/// A byte of an ASCII word, as `(?-u:\b)` sees words.
pub fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The ASCII words of a stretch of text: the runs `(?-u:\b)` delimits.
pub fn ascii_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
}

/// Whether any of the literals occurs in the text. The texts are short
/// stretches of a sentence, where a plain scan beats setting up a
/// substring search for each literal.
pub fn mentions(text: &str, literals: &[&str]) -> bool {
    let t = text.as_bytes();
    literals.iter().any(|w| {
        let w = w.as_bytes();
        let Some((&first, rest)) = w.split_first() else {
            return true;
        };
        t.iter()
            .enumerate()
            .any(|(k, &b)| b == first && t[k + 1..].starts_with(rest))
    })
}

/// Whether the text, without white space (and, with `commas`, commas) at
/// its end, ends with one of the words: the last word of every match of a
/// pattern that ends in a closed list of words and then `[\s,]*$`.
pub fn ends_with_any(text: &str, commas: bool, words: &[&str]) -> bool {
    let t = text.trim_end_matches(|c: char| c.is_whitespace() || (commas && c == ','));
    words.iter().any(|w| t.ends_with(w))
}

/// A cue pattern compiled on first need: the first text it is asked about
/// that passes its guard, a test every match of the pattern passes (it
/// holds one of the pattern's words, or ends with one). Until then a text
/// that fails the guard cannot match and is answered at once, so a
/// document that never gives the cue's words never pays to compile it;
/// once compiled, the pattern alone answers.
pub struct Cue {
    guard: fn(&str) -> bool,
    build: fn() -> Regex,
    regex: OnceLock<Regex>,
}

impl Cue {
    pub const fn new(guard: fn(&str) -> bool, build: fn() -> Regex) -> Cue {
        Cue {
            guard,
            build,
            regex: OnceLock::new(),
        }
    }

    /// The pattern, unless the text cannot match it.
    fn for_text(&self, text: &str) -> Option<&Regex> {
        match self.regex.get() {
            Some(r) => Some(r),
            None => (self.guard)(text).then(|| self.regex.get_or_init(self.build)),
        }
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.for_text(text).is_some_and(|r| r.is_match(text))
    }

    pub fn find<'t>(&self, text: &'t str) -> Option<Match<'t>> {
        self.for_text(text)?.find(text)
    }

    pub fn captures<'t>(&self, text: &'t str) -> Option<Captures<'t>> {
        self.for_text(text)?.captures(text)
    }
}

/// The text without white space at its end, as `\s*$` skips it.
pub fn trim_end(text: &str) -> &str {
    text.trim_end_matches(char::is_whitespace)
}

#[cfg(test)]
pub mod testing {
    /// Separators for generated text: white space of several kinds, the
    /// punctuation cues turn on, and non-ASCII characters that border
    /// ASCII words.
    const SEPARATORS: &[&str] = &[
        " ", " ", " ", "  ", "", "\u{a0}", "\t", "\n", ",", ", ", " (", ";", "-", "–", "’", "é",
        "€", "_", ".", "\"", "“",
    ];

    /// Deterministic pseudo-random strings of words from `vocab` with
    /// separators between them, for comparing a hand-written matcher with
    /// the pattern it replaces.
    pub fn texts(vocab: &[&str], n: usize, max_words: usize) -> Vec<String> {
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move |m: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % m as u64) as usize
        };
        (0..n)
            .map(|_| {
                let mut t = String::new();
                if next(3) == 0 {
                    t.push_str(SEPARATORS[next(SEPARATORS.len())]);
                }
                for _ in 0..=next(max_words) {
                    t.push_str(vocab[next(vocab.len())]);
                    t.push_str(SEPARATORS[next(SEPARATORS.len())]);
                }
                if next(2) == 0 {
                    t.pop();
                }
                t
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_end_at_a_word_boundary() {
        let phrases: &[&[&str]] = &[&["from"], &["from", "a", "low", "of"]];
        assert!(ends_with_phrase("rose from ", phrases));
        assert!(ends_with_phrase("’from\u{a0}a  low\tof", phrases));
        assert!(ends_with_phrase("éfrom", phrases));
        assert!(!ends_with_phrase("_from", phrases));
        assert!(!ends_with_phrase("from alow of", phrases));
        assert!(!ends_with_phrase("from a low of,", phrases));
    }

    #[test]
    fn a_cue_compiles_only_for_text_with_its_words() {
        static CUE: Cue = Cue::new(
            |t| mentions(t, &["third", "half"]),
            || Regex::new(r"(?:a\s+third|half)\s+of$").unwrap(),
        );
        assert!(!CUE.is_match("a quarter of"));
        assert!(CUE.regex.get().is_none());
        assert!(CUE.is_match("a third of"));
        assert!(CUE.regex.get().is_some());
        assert!(!CUE.is_match("a quarter of"));
        assert_eq!(CUE.find("it is half of").map(|m| m.start()), Some(6));
    }

    #[test]
    fn literal_tests() {
        assert!(mentions("a third of", &["half", "third"]));
        assert!(mentions("halfway", &["half"]));
        assert!(!mentions("a thir", &["third"]));
        assert!(!mentions("", &["of"]));
        assert!(ends_with_any("the total, , ", true, &["total"]));
        assert!(!ends_with_any("the total, ", false, &["total"]));
        assert!(ends_with_any("more than\u{a0}", false, &["than"]));
    }

    #[test]
    fn words_are_ascii_runs() {
        let w: Vec<&str> = ascii_words("caf\u{e9} rose_1’up").collect();
        assert_eq!(w, ["caf", "rose_1", "up"]);
    }
}
