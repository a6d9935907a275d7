//! Hand-written cue matching shared by the rules: word sequences at the
//! end of a stretch of text, ASCII words, and cheap literal tests that
//! spare a pattern when it cannot match.
//!
//! A rule's text is the document in ASCII lower case, so it may hold any
//! Unicode. These functions see words as `(?-u:\b)` does (runs of ASCII
//! letters, digits and `_`) and white space as `\s` does (Unicode
//! `White_Space`), so that each stays exactly equal to the pattern it
//! replaced; the tests compare them.

use regex_automata::hybrid;
use regex_automata::nfa::thompson::{self, pikevm, pikevm::PikeVM};
use regex_automata::util::captures::Captures;
use regex_automata::util::pool::Pool;
use regex_automata::{Anchored, Input};
use std::panic::{RefUnwindSafe, UnwindSafe};
use std::sync::{Arc, OnceLock};

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

/// A phrase as slots of words, one word from each slot in turn, apart by
/// white space: `&[&["per"], &["capita", "head"]]` reads as
/// `per\s+(?:capita|head)`.
pub type Slots<'a> = &'a [&'a [&'a str]];

/// Whether the text, less white space at its end, ends with one of the
/// phrases, the first word at an ASCII word boundary: the matches of
/// `(?-u:\b)(?:phrase|...)\s*$`.
pub fn ends_with_slots(text: &str, phrases: &[Slots]) -> bool {
    let rest = trim_end(text);
    phrases.iter().any(|slots| slots_end(rest, slots))
}

fn slots_end(rest: &str, slots: Slots) -> bool {
    let Some((last, before)) = slots.split_last() else {
        return !rest.as_bytes().last().is_some_and(|&b| is_word_byte(b));
    };
    last.iter().any(|w| {
        rest.strip_suffix(w).is_some_and(|r| {
            let t = trim_end(r);
            if before.is_empty() {
                slots_end(r, before)
            } else {
                t.len() < r.len() && slots_end(t, before)
            }
        })
    })
}

/// Whether one of the phrases stands in the text between ASCII word
/// boundaries: the matches of `(?-u:\b)(?:phrase|...)(?-u:\b)` for
/// phrases that start and end with a letter.
pub fn has_slots(text: &str, phrases: &[Slots]) -> bool {
    // The letters a phrase can start with: most words start with none.
    let firsts = phrases
        .iter()
        .flat_map(|slots| slots.iter().take(1).flat_map(|first| first.iter()))
        .filter_map(|w| w.bytes().next())
        .fold(0u128, |set, c| set | 1 << (c & 0x7f));
    let b = text.as_bytes();
    let mut at = 0;
    while at < b.len() {
        if !is_word_byte(b[at]) {
            at += 1;
            continue;
        }
        let run = word_run(&b[at..]);
        let word = &b[at..at + run];
        if b[at].is_ascii_alphabetic()
            && firsts & 1 << b[at] != 0
            && phrases
                .iter()
                .any(|slots| opens(slots, word) && slots_at(text, at, slots))
        {
            return true;
        }
        at += run;
    }
    false
}

/// Whether one of the phrase's first words has `word` as its leading run
/// of word bytes, so that the phrase can start where `word` does.
fn opens(slots: Slots, word: &[u8]) -> bool {
    slots.first().is_some_and(|first| {
        first.iter().any(|w| {
            let w = w.as_bytes();
            w.first() == word.first()
                && w.len() >= word.len()
                && w.get(word.len()).is_none_or(|&c| !is_word_byte(c))
                && &w[..word.len()] == word
        })
    })
}

/// The length of the run of ASCII word bytes a stretch starts with.
fn word_run(b: &[u8]) -> usize {
    b.iter().position(|&c| !is_word_byte(c)).unwrap_or(b.len())
}

fn slots_at(text: &str, at: usize, slots: Slots) -> bool {
    let Some((first, after)) = slots.split_first() else {
        return !text.as_bytes().get(at).is_some_and(|&b| is_word_byte(b));
    };
    first.iter().any(|w| {
        let end = at + w.len();
        text[at..].starts_with(w) && {
            let gap = text[end..].len() - text[end..].trim_start_matches(char::is_whitespace).len();
            if after.is_empty() {
                slots_at(text, end, after)
            } else {
                gap > 0 && slots_at(text, end + gap, after)
            }
        }
    })
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
/// stretches of a sentence, where finding a literal's first byte (memchr
/// reads many bytes at a time) beats setting up a substring search for
/// each literal. A list of four or more is first looked up in a table of
/// the text's byte pairs, which spares most of those memchr calls.
pub fn mentions(text: &str, literals: &[&str]) -> bool {
    let t = text.as_bytes();
    if literals.len() >= 4 {
        return mentions_by_pairs(t, literals);
    }
    literals.iter().any(|w| {
        let w = w.as_bytes();
        let Some((&first, rest)) = w.split_first() else {
            return true;
        };
        memchr::memchr_iter(first, t).any(|k| t[k + 1..].starts_with(rest))
    })
}

/// [`mentions`] for a long list: the text's pairs of neighbouring bytes
/// go into a 4,096-bit table once, and a literal is looked for only where
/// its first two bytes may stand. Most texts hold none of a guard's
/// literals, and then no search runs at all.
fn mentions_by_pairs(t: &[u8], literals: &[&str]) -> bool {
    let pair = |a: u8, b: u8| (usize::from(a & 63) << 6) | usize::from(b & 63);
    let mut seen = [0u64; 64];
    for w in t.windows(2) {
        let p = pair(w[0], w[1]);
        seen[p >> 6] |= 1 << (p & 63);
    }
    literals.iter().any(|w| match w.as_bytes() {
        [] => true,
        [b] => memchr::memchr(*b, t).is_some(),
        [a, b, ..] => {
            let p = pair(*a, *b);
            let tail = &w.as_bytes()[1..];
            (seen[p >> 6] >> (p & 63)) & 1 == 1
                && memchr::memchr_iter(*a, t).any(|k| t[k + 1..].starts_with(tail))
        }
    })
}

/// The years 1900 to 2099 the text holds as words of their own: the
/// matches of `(?-u:\b)(?:19|20)\d{2}(?-u:\b)`, in order. Rules collect
/// them over whole sentences, where a regex engine that reports every match
/// reads each byte many times over; a scan for the first digit of a year
/// reads each byte once.
pub fn years(text: &str) -> impl Iterator<Item = &str> {
    let t = text.as_bytes();
    let word = |i: usize| t.get(i).copied().is_some_and(is_word_byte);
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(k) = t.get(from..)?.iter().position(|b| matches!(b, b'1' | b'2')) {
            let at = from + k;
            from = at + 1;
            let digits = t.get(at..at + 4)?;
            let century = matches!(&digits[..2], b"19" | b"20");
            if century
                && digits[2..].iter().all(u8::is_ascii_digit)
                && (at == 0 || !word(at - 1))
                && !word(at + 4)
            {
                from = at + 4;
                return text.get(at..at + 4);
            }
        }
        None
    })
}

/// A closed list of words, one of which every match of a cue pattern ends
/// with (before `[\s,]*$`), with the words indexed by their last byte.
pub struct Ends {
    words: &'static [&'static str],
    /// For each byte, the words that end with it, a bit each by index.
    by_last: [u64; 256],
    /// Whether the list holds the empty word, which every text ends with.
    empty: bool,
}

impl Ends {
    pub const fn new(words: &'static [&'static str]) -> Ends {
        assert!(words.len() <= 64, "a list of at most 64 words");
        let mut by_last = [0u64; 256];
        let mut empty = false;
        let mut i = 0;
        while i < words.len() {
            match words[i].as_bytes() {
                [] => empty = true,
                [.., last] => by_last[*last as usize] |= 1 << i,
            }
            i += 1;
        }
        Ends {
            words,
            by_last,
            empty,
        }
    }
}

/// Whether the text, without white space (and, with `commas`, commas) at
/// its end, ends with one of the words: the last word of every match of a
/// pattern that ends in a closed list of words and then `[\s,]*$`.
pub fn ends_with_any(text: &str, commas: bool, ends: &Ends) -> bool {
    let t = text.trim_end_matches(|c: char| c.is_whitespace() || (commas && c == ','));
    // Most texts end in none of the words. The text's last byte tells which
    // words it may end with; a scan of the list comparing each word's last
    // byte in turn had cost about 190 instructions a call, 66,000 calls per
    // MB of copy, most of it in the long lists of `sum` and `cumulative`.
    let Some(&last) = t.as_bytes().last() else {
        return ends.empty;
    };
    let mut may = ends.by_last[usize::from(last)];
    while may != 0 {
        let i = may.trailing_zeros() as usize;
        if ends.words.get(i).is_some_and(|w| t.ends_with(w)) {
            return true;
        }
        may &= may - 1;
    }
    ends.empty
}

/// A cue pattern compiled on first need: the first text it is asked about
/// that passes its guard, a test every match of the pattern passes (it
/// holds one of the pattern's words, or ends with one). Until then a text
/// that fails the guard cannot match and is answered at once, so a
/// document that never gives the cue's words never pays to compile it;
/// once compiled, the pattern alone answers.
pub struct Cue {
    guard: fn(&str) -> bool,
    /// The guard answers first even once the pattern is compiled: a guard
    /// that tests the text's last word costs less than any search.
    gated: bool,
    build: fn() -> Pattern,
    regex: OnceLock<Pattern>,
}

impl Cue {
    pub const fn new(guard: fn(&str) -> bool, build: fn() -> Pattern) -> Cue {
        Cue {
            guard,
            gated: false,
            build,
            regex: OnceLock::new(),
        }
    }

    /// A cue whose guard is cheap enough to ask before every search.
    pub const fn gated(guard: fn(&str) -> bool, build: fn() -> Pattern) -> Cue {
        Cue {
            guard,
            gated: true,
            build,
            regex: OnceLock::new(),
        }
    }

    /// The pattern, unless the text cannot match it.
    fn for_text(&self, text: &str) -> Option<&Pattern> {
        match self.regex.get() {
            Some(r) if !self.gated => Some(r),
            _ => (self.guard)(text).then(|| self.regex.get_or_init(self.build)),
        }
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.for_text(text).is_some_and(|r| r.is_match(text))
    }

    pub fn find<'t>(&self, text: &'t str) -> Option<Found<'t>> {
        self.for_text(text)?.find(text)
    }

    pub fn captures<'t>(&self, text: &'t str) -> Option<Groups<'t>> {
        self.for_text(text)?.captures(text)
    }

    /// The match of a cue whose every match runs to the end of the text:
    /// in ASCII text as `start` finds it, a hand-written reader of the same
    /// pattern (so a short story need not compile the pattern), and in
    /// other text by the pattern.
    pub fn ending_match<'t>(
        &self,
        text: &'t str,
        start: fn(&str) -> Option<usize>,
    ) -> Option<&'t str> {
        if !text.is_ascii() {
            return self.find(text).map(|m| m.as_str());
        }
        (self.guard)(text)
            .then(|| start(text))
            .flatten()
            .map(|s| &text[s..])
    }
}

/// A cue pattern, compiled for the short texts the rules ask about.
///
/// A general-purpose regex also compiles a reverse automaton and a literal
/// prefilter, which on a short story costs more than all its searches.
/// This one compiles the forward automaton alone. Whether a text matches is
/// read by a lazy DFA over it; where a match's position or groups are
/// needed, the PikeVM reads them from a text that matches. Both give the
/// matches the regex crate gives (leftmost-first, never splitting a
/// character). The lazy DFA gives up on a Unicode word boundary next to a
/// non-ASCII character; the PikeVM then answers.
pub struct Pattern {
    engines: Arc<Engines>,
    caches: Pool<Caches, CacheFn>,
}

struct Engines {
    dfa: hybrid::dfa::DFA,
    vm: PikeVM,
}

struct Caches {
    dfa: hybrid::dfa::Cache,
    vm: pikevm::Cache,
}

type CacheFn = Box<dyn Fn() -> Caches + Send + Sync + RefUnwindSafe + UnwindSafe>;

impl Pattern {
    pub fn new(pattern: &str) -> Result<Pattern, Box<dyn std::error::Error + Send + Sync>> {
        let hir = regex_automata::util::syntax::parse(pattern)?;
        let nfa = thompson::Compiler::new()
            .configure(thompson::Config::new().utf8(true))
            .build_from_hir(&hir)?;
        let dfa = hybrid::dfa::Builder::new()
            .configure(hybrid::dfa::Config::new().unicode_word_boundary(true))
            .build_from_nfa(nfa.clone())?;
        let vm = PikeVM::builder().build_from_nfa(nfa)?;
        let engines = Arc::new(Engines { dfa, vm });
        let shared = Arc::clone(&engines);
        let create: CacheFn = Box::new(move || Caches {
            dfa: shared.dfa.create_cache(),
            vm: shared.vm.create_cache(),
        });
        Ok(Pattern {
            engines,
            caches: Pool::new(create),
        })
    }

    fn matches(&self, caches: &mut Caches, text: &str) -> bool {
        let input = Input::new(text).earliest(true);
        match self.engines.dfa.try_search_fwd(&mut caches.dfa, &input) {
            Ok(found) => found.is_some(),
            Err(_) => self.engines.vm.is_match(&mut caches.vm, input),
        }
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.matches(&mut self.caches.get(), text)
    }

    /// Where the leftmost-first match lies. A text that matches is tried
    /// from each place in turn with the lazy DFA anchored there: the first
    /// place with a match is where the leftmost match starts, and the
    /// DFA's leftmost-first end from there is its end. The cue texts are
    /// short, so this is cheaper than running the PikeVM over them.
    fn span(&self, caches: &mut Caches, text: &str) -> Option<(usize, usize)> {
        if !self.matches(caches, text) {
            return None;
        }
        let starts = text.char_indices().map(|(at, _)| at);
        for at in starts.chain(std::iter::once(text.len())) {
            let input = Input::new(text).range(at..).anchored(Anchored::Yes);
            match self.engines.dfa.try_search_fwd(&mut caches.dfa, &input) {
                Ok(Some(end)) => return Some((at, end.offset())),
                Ok(None) => {}
                Err(_) => {
                    let m = self.engines.vm.find(&mut caches.vm, text)?;
                    return Some((m.start(), m.end()));
                }
            }
        }
        None
    }

    pub fn find<'t>(&self, text: &'t str) -> Option<Found<'t>> {
        let (start, end) = self.span(&mut self.caches.get(), text)?;
        Some(Found { text, start, end })
    }

    pub fn find_iter<'t>(&self, text: &'t str) -> impl Iterator<Item = Found<'t>> {
        let mut caches = self.caches.get();
        let found: Vec<Found<'t>> = self.spans(&mut caches, text).unwrap_or_else(|| {
            self.engines
                .vm
                .find_iter(&mut caches.vm, text)
                .map(|m| Found::new(text, m.span()))
                .collect()
        });
        found.into_iter()
    }

    /// Every match, found as [`Pattern::span`] finds the first, each search
    /// going on from where the last match ended: rules collect matches over
    /// whole sentences, where the PikeVM reads each byte many times over.
    /// `None` where the lazy DFA gives up, or for an empty match, after
    /// which the regex crate's rules for where the next search starts are
    /// the PikeVM's to keep.
    fn spans<'t>(&self, caches: &mut Caches, text: &'t str) -> Option<Vec<Found<'t>>> {
        let dfa = &self.engines.dfa;
        let mut found = Vec::new();
        let mut from = 0;
        while from <= text.len() {
            let input = Input::new(text).range(from..);
            if dfa.try_search_fwd(&mut caches.dfa, &input).ok()?.is_none() {
                break;
            }
            let starts = text.get(from..)?.char_indices().map(|(at, _)| from + at);
            let (start, end) = starts.chain([text.len()]).find_map(|at| {
                let input = Input::new(text).range(at..).anchored(Anchored::Yes);
                match dfa.try_search_fwd(&mut caches.dfa, &input) {
                    Ok(Some(end)) => Some(Some((at, end.offset()))),
                    Ok(None) => None,
                    Err(_) => Some(None),
                }
            })??;
            if start == end {
                return None;
            }
            found.push(Found { text, start, end });
            from = end;
        }
        Some(found)
    }

    /// The groups of the leftmost-first match, read by the PikeVM over
    /// that match alone: the same path through the pattern wins there.
    pub fn captures<'t>(&self, text: &'t str) -> Option<Groups<'t>> {
        let mut caches = self.caches.get();
        let (start, end) = self.span(&mut caches, text)?;
        let vm = &self.engines.vm;
        let mut caps = vm.create_captures();
        let input = Input::new(text).range(start..end).anchored(Anchored::Yes);
        vm.captures(&mut caches.vm, input, &mut caps);
        caps.is_match().then_some(Groups { text, caps })
    }
}

/// One match of a [`Pattern`], or of one of its groups.
#[derive(Clone, Copy, Debug)]
pub struct Found<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl<'t> Found<'t> {
    fn new(text: &'t str, span: regex_automata::Span) -> Found<'t> {
        Found {
            text,
            start: span.start,
            end: span.end,
        }
    }

    pub fn start(&self) -> usize {
        self.start
    }

    pub fn end(&self) -> usize {
        self.end
    }

    pub fn as_str(&self) -> &'t str {
        self.text.get(self.start..self.end).unwrap_or("")
    }
}

/// The groups of one match of a [`Pattern`].
pub struct Groups<'t> {
    text: &'t str,
    caps: Captures,
}

impl<'t> Groups<'t> {
    pub fn get(&self, group: usize) -> Option<Found<'t>> {
        self.caps.get_group(group).map(|s| Found::new(self.text, s))
    }

    pub fn name(&self, group: &str) -> Option<Found<'t>> {
        self.caps
            .get_group_by_name(group)
            .map(|s| Found::new(self.text, s))
    }
}

impl std::ops::Index<usize> for Groups<'_> {
    type Output = str;

    /// The text of a group that took part in the match, as the regex
    /// crate's captures give it.
    fn index(&self, group: usize) -> &str {
        self.get(group).map(|m| m.as_str()).expect("group in match")
    }
}

impl std::ops::Index<&str> for Groups<'_> {
    type Output = str;

    fn index(&self, group: &str) -> &str {
        self.name(group)
            .map(|m| m.as_str())
            .expect("group in match")
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

    /// Asserts that a hand-written matcher answers as the pattern it
    /// replaces on every text, and that more than `matches` of the texts
    /// match, so that the comparison cannot pass by the pattern never
    /// matching.
    pub fn assert_agrees(
        pattern: &regex::Regex,
        hand: impl Fn(&str) -> bool,
        texts: &[String],
        matches: usize,
    ) {
        let found = texts.iter().filter(|t| pattern.is_match(t)).count();
        assert!(found > matches, "only {found} of the texts match {pattern}");
        for t in texts {
            assert_eq!(hand(t), pattern.is_match(t), "{t:?}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

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
            || Pattern::new(r"(?:a\s+third|half)\s+of$").unwrap(),
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
        let ends = |words: &'static [&'static str]| Ends::new(words);
        assert!(ends_with_any("the total, , ", true, &ends(&["total"])));
        assert!(!ends_with_any("the total, ", false, &ends(&["total"])));
        assert!(ends_with_any("more than\u{a0}", false, &ends(&["than"])));
        assert!(ends_with_any("anything", false, &ends(&["than", ""])));
        assert!(ends_with_any(" ", false, &ends(&[""])));
        assert!(!ends_with_any(" ", false, &ends(&["a"])));
        assert!(!ends_with_any("more thin", false, &ends(&["than"])));
    }

    #[test]
    fn ends_are_found_as_a_scan_of_the_list_finds_them() {
        let scan = |text: &str, commas: bool, words: &[&str]| {
            let t = text.trim_end_matches(|c: char| c.is_whitespace() || (commas && c == ','));
            words.iter().any(|w| t.ends_with(w))
        };
        let lists: &[&'static [&'static str]] = &[
            &["to", "of", "total", "totalled", "o", "é", "vs."],
            &["", "x"],
            &[],
            &[
                "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p",
                "q", "r", "s", "t", "u", "v", "w", "x", "y", "z", "0", "1", "2", "3", "4", "5",
                "6", "7", "8", "9", "aa", "ab", "ac", "ad", "ae", "af", "ag", "ah", "ai", "aj",
                "ak", "al", "am", "an", "ao", "ap", "aq", "ar", "as", "at", "au", "av", "aw", "ax",
                "ay", "zz",
            ],
        ];
        let pieces = [
            "", "to", "of", "o", "é", "total", "totalled", "vs.", "x", "zz", "9", ",", " ", "\t",
            "\u{a0}", "\u{2009}", "e\u{301}",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let text = format!("{a}{b}{c}");
                    for &words in lists {
                        let ends = Ends::new(words);
                        for commas in [false, true] {
                            assert_eq!(
                                ends_with_any(&text, commas, &ends),
                                scan(&text, commas, words),
                                "{text:?} {commas} {words:?}"
                            );
                        }
                    }
                }
            }
        }
    }

    /// Patterns of the shapes the rules use: anchored at either end or
    /// neither, lazy repetition, optional groups, both word boundaries and
    /// non-ASCII classes.
    const SHAPES: &[&str] = &[
        r"(?-u:\b)(?:(?P<q>nearly|about|more\s+than)\s+)?(?P<f>a\s+third|half|two[\s-]thirds)\s+of\s+(?:the|its)?\s*$",
        r"^\s*(?:[a-z]+\s*){0,2}?(?:\(|,\s*or|[—–]|,\s*(?:up|down))\s*(?:(?:some|about)\s+)?$",
        r"(?:bring|brought)\s+(?:the|its)\s+(?:[a-z'’-]+\s+){0,2}?(?:total|toll)(?:\s+[a-z0-9'’-]+){0,5}?\s+(?:to|at)[\s,]*(?:(?:some|about)\s+)?$",
        r"^[\sa-z'-]{0,40}?(?:,|(?-u:\b)and|(?-u:\b)or)\s*(?:some|about)?\s*$",
        r"\b(?:total|toll|the)\b",
        r"(?-u:\b)(?:up|down)(?:\s+by)?(?-u:\b)|;",
        r"^[^,.;]{0,20}?(?-u:\b)(?:earlier|before\s+that)(?-u:\b)",
        r"(?:^|[\s“\x22])of\s+(?:the|those)\s*$",
        r"(a)?(?P<w>half|the)*\s*",
    ];

    #[test]
    fn patterns_match_as_the_regex_crate_does() {
        let vocab = [
            "a third of the",
            "half of",
            "two-thirds of its",
            "nearly",
            "about",
            "more than",
            "up",
            "down by",
            "or",
            "and",
            "some",
            "brought the",
            "brought the total to",
            "bring its new toll at",
            "bring its",
            "total to",
            "toll at",
            "earlier",
            "before that",
            "of the",
            "of those",
            "the",
            "totalé",
            "é",
            "1,200",
            "’s",
            "(",
            "—",
            "half",
            "of",
        ];
        let texts = testing::texts(&vocab, 4000, 5);
        for shape in SHAPES {
            let want = Regex::new(shape).unwrap();
            let got = Pattern::new(shape).unwrap();
            let matched = texts.iter().filter(|t| want.is_match(t)).count();
            assert!(matched > 10, "{shape}: {matched}");
            for t in &texts {
                assert_eq!(got.is_match(t), want.is_match(t), "{shape} on {t:?}");
                let span = |m: Found| (m.start(), m.end());
                assert_eq!(
                    got.find(t).map(span),
                    want.find(t).map(|m| (m.start(), m.end())),
                    "{shape} on {t:?}"
                );
                let all: Vec<_> = got.find_iter(t).map(span).collect();
                let expected: Vec<_> = want.find_iter(t).map(|m| (m.start(), m.end())).collect();
                assert_eq!(all, expected, "{shape} on {t:?}");
                let groups = |c: &Groups| (0..4).map(|g| c.get(g).map(span)).collect::<Vec<_>>();
                let caps = |c: &regex::Captures| {
                    (0..4)
                        .map(|g| c.get(g).map(|m| (m.start(), m.end())))
                        .collect::<Vec<_>>()
                };
                assert_eq!(
                    got.captures(t).as_ref().map(groups),
                    want.captures(t).as_ref().map(caps),
                    "{shape} on {t:?}"
                );
            }
        }
    }

    #[test]
    fn years_agree_with_their_pattern() {
        let pattern = regex::Regex::new(r"(?-u:\b)(?:19|20)\d{2}(?-u:\b)").unwrap();
        let vocab = [
            "2019", "1999", "2024", "1899", "2100", "20190", "x2019", "2019x", "201", "19", "20",
            "2", "_2020", "in", "1", "0", "2020s", "19.5",
        ];
        let texts = testing::texts(&vocab, 20_000, 6);
        let found = texts.iter().filter(|t| pattern.is_match(t)).count();
        assert!(found > 1000, "{found}");
        for t in &texts {
            let want: Vec<&str> = pattern.find_iter(t).map(|m| m.as_str()).collect();
            let got: Vec<&str> = years(t).collect();
            assert_eq!(got, want, "{t:?}");
        }
    }

    #[test]
    fn mentions_finds_what_contains_finds() {
        // Lists of four or more are read by pairs of bytes: with one-byte,
        // non-ASCII and empty literals among them.
        let literals: &[&[&str]] = &[
            &["third", "half"],
            &["é", "up"],
            &["€", "1"],
            &["of"],
            &["third", "halve", "up", "1"],
            &["café", "x", "of", "halves"],
            &["é", "€", "fé", "ird"],
            &["zz", "qq", "", "yy"],
        ];
        let vocab = ["a", "third", "halve", "half", "up", "of", "1", "café", "x"];
        for t in testing::texts(&vocab, 2000, 4) {
            for lits in literals {
                let want = lits.iter().any(|l| t.contains(l));
                assert_eq!(mentions(&t, lits), want, "{lits:?} in {t:?}");
            }
        }
    }

    #[test]
    fn words_are_ascii_runs() {
        let w: Vec<&str> = ascii_words("caf\u{e9} rose_1’up").collect();
        assert_eq!(w, ["caf", "rose_1", "up"]);
    }
}
