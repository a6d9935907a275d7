//! The cue before a stated total ("bringing the total to", "a total of",
//! "totalling", "in all,", ". The total was"), read by hand from ASCII
//! text: a short story then never compiles the pattern, which `sum` keeps
//! for other text. The tests compare the two.
//!
//! Every match of the pattern runs to the end of the text, so the leftmost
//! match is found by trying each start in turn, as for the running-total
//! cue ([`super::running_cue`]).

use super::running_cue::{NOUNS, OWNERS, all_bytes, is_space, opens, space, tokens};

const VERBS: &[&str] = &[
    "bring", "brings", "bringing", "brought", "take", "takes", "taking", "took", "taken", "push",
    "pushes", "pushing", "pushed", "lift", "lifts", "lifting", "lifted", "raise", "raises",
    "raising", "raised",
];
const QUALIFIERS: &[&[&str]] = &[
    &["some"],
    &["about"],
    &["around"],
    &["more", "than"],
    &["over"],
    &["nearly"],
    &["almost"],
    &["at", "least"],
];

type Token<'a> = (usize, &'a str);

/// Where the leftmost total cue in an ASCII text starts, if the text ends
/// with one.
pub fn start(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    (0..text.len()).find(|&s| b"btplraic.;:".contains(&b[s]) && cue_at(text, s))
}

fn word<'a>(t: &[Token<'a>], k: usize) -> &'a str {
    t.get(k).map_or("", |w| w.1)
}

/// The words of a stretch of ASCII text.
fn words(text: &str) -> Vec<&str> {
    tokens(text, 0).into_iter().map(|(_, w)| w).collect()
}

fn skip_spaces(text: &str, at: usize) -> usize {
    at + text.as_bytes()[at..]
        .iter()
        .take_while(|&&c| is_space(c))
        .count()
}

/// Whether the text from `at` on is `[\s,]*(?:of\s+)?(?:qualifier)?\s*`.
fn tail(text: &str, at: usize) -> bool {
    let is_sp = |c: char| c.is_ascii() && is_space(c as u8);
    let rest = text[at..].trim_start_matches(|c: char| c == ',' || is_sp(c));
    // What is left after the leading run (and "of"): nothing or one
    // qualifier, then white space.
    let qualifier = |r: &str| {
        let w = words(r);
        w.is_empty() || QUALIFIERS.iter().any(|q| w[..] == q[..])
    };
    let after_of = rest
        .strip_prefix("of")
        .is_some_and(|r| r.starts_with(is_sp) && qualifier(r.trim_start_matches(is_sp)));
    after_of || qualifier(rest)
}

/// Whether a token starts with `w` and the tail follows it.
fn then_tail(text: &str, token: Option<&Token>, w: &str) -> bool {
    token.is_some_and(|&(at, tok)| tok.starts_with(w) && tail(text, at + w.len()))
}

fn cue_at(text: &str, s: usize) -> bool {
    let rest = &text[s..];
    // Words are split only where the cue's next word can start.
    let after = |lit: &str, next: &[&str]| -> Option<Vec<Token>> {
        if !opens(rest, lit) {
            return None;
        }
        let at = space(text, s + lit.len())?;
        let fits = next.iter().any(|w| opens(&text[at..], w));
        fits.then(|| tokens(text, at))
    };
    VERBS
        .iter()
        .any(|v| after(v, OWNERS).is_some_and(|t| after_verb(text, &t)))
        || ["a", "the"].iter().any(|a| {
            after(a, &["combined", "grand", "total"]).is_some_and(|t| a_total_of(text, &t))
        })
        || ["totaling", "totalling", "totaled", "totalled"]
            .iter()
            .any(|w| opens(rest, w) && tail(text, s + w.len()))
        || ["add", "adds", "added", "adding"].iter().any(|a| {
            after(a, &["up"])
                .is_some_and(|t| word(&t, 0) == "up" && then_tail(text, t.get(1), "to"))
        })
        || closing(text, s)
        || stated(text, s)
}

/// After the verb: whose count, up to two words, the noun, up to three
/// words, then "to".
fn after_verb(text: &str, t: &[Token]) -> bool {
    let lead = |w: &str| all_bytes(w, |c| c.is_ascii_lowercase() || c == b'-');
    let plain = |w: &str| all_bytes(w, |c| c.is_ascii_lowercase());
    OWNERS.contains(&word(t, 0))
        && (0..=2).any(|k| {
            (1..1 + k).all(|i| lead(word(t, i)))
                && NOUNS.contains(&word(t, 1 + k))
                && (0..=3).any(|j| {
                    let q = 2 + k;
                    (q..q + j).all(|i| plain(word(t, i))) && then_tail(text, t.get(q + j), "to")
                })
        })
}

/// After "a" or "the": "(combined|grand) total of".
fn a_total_of(text: &str, t: &[Token]) -> bool {
    let k = usize::from(matches!(word(t, 0), "combined" | "grand"));
    word(t, k) == "total" && then_tail(text, t.get(k + 1), "of")
}

/// "in total,", "in all,", "altogether,", "all told,", "combined,".
fn closing(text: &str, s: usize) -> bool {
    let rest = &text[s..];
    let comma_then_tail = |at: usize| {
        let k = skip_spaces(text, at);
        text.as_bytes().get(k) == Some(&b',') && tail(text, k + 1)
    };
    let two = |first: &str, seconds: &[&str]| {
        opens(rest, first)
            && space(text, s + first.len()).is_some_and(|at| {
                seconds
                    .iter()
                    .any(|w| opens(&text[at..], w) && comma_then_tail(at + w.len()))
            })
    };
    two("in", &["total", "all"])
        || two("all", &["told"])
        || ["altogether", "combined"]
            .iter()
            .any(|w| opens(rest, w) && comma_then_tail(s + w.len()))
}

/// At the text's start or after ".", ";" or ":": "(the) total (two words)
/// is", "stands at", "came to" and the like.
fn stated(text: &str, s: usize) -> bool {
    let b = text.as_bytes();
    let from = if b".;:".contains(&b[s]) {
        skip_spaces(text, s + 1)
    } else if s == 0 {
        0
    } else {
        return false;
    };
    let t = tokens(text, from);
    if t.first().is_none_or(|tok| tok.0 != from) {
        return false;
    }
    let plain = |w: &str| all_bytes(w, |c| c.is_ascii_lowercase());
    let after_total = |k: usize| {
        (0..=2).any(|j| {
            let v = k + j;
            (k..v).all(|i| plain(word(t.as_slice(), i)))
                && (["is", "was", "were", "reached"]
                    .iter()
                    .any(|w| then_tail(text, t.get(v), w))
                    || matches!(word(&t, v), "stands" | "stand" | "stood")
                        && then_tail(text, t.get(v + 1), "at")
                    || word(&t, v) == "came" && then_tail(text, t.get(v + 1), "to"))
        })
    };
    word(&t, 0) == "total" && after_total(1)
        || word(&t, 0) == "the" && word(&t, 1) == "total" && after_total(2)
}
