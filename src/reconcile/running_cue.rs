//! The running-total cue before a total ("bringing the total to", "the
//! running tally of", "the total so far stands at"), read by hand from ASCII
//! text: a short story then never compiles the pattern, which
//! `cumulative` keeps for other text. The tests compare the two.
//!
//! Every match of the pattern runs to the end of the text, so the leftmost
//! match is found by trying each start in turn; from a start, the cue is a
//! sequence of words apart by white space, read token by token.

/// Verbs that bring a count to a new total.
const VERBS: &[&str] = &[
    "bring", "brings", "bringing", "brought", "take", "takes", "taking", "took", "taken", "push",
    "pushes", "pushing", "pushed", "lift", "lifts", "lifting", "lifted", "raise", "raises",
    "raising", "raised", "put", "puts", "putting",
];
/// Owners of a total ("its total"); the cue before a stated total
/// ([`super::sum_cue`]) takes the same.
pub(super) const OWNERS: &[&str] = &["the", "its", "their", "our", "his", "her"];
/// Nouns for a total, as both cues read them.
pub(super) const NOUNS: &[&str] = &["total", "tally", "toll", "number", "count", "figure", "sum"];
/// Qualifiers that may stand between the cue and the total.
const QUALIFIERS: &[&[&str]] = &[
    &["some"],
    &["about"],
    &["around"],
    &["more", "than"],
    &["over"],
    &["nearly"],
    &["almost"],
    &["at", "least"],
    &["just", "over"],
    &["just", "under"],
];

/// Where the leftmost running-total cue in an ASCII text starts, if the
/// text ends with one.
pub fn start(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    (0..text.len()).find(|&s| b"btplra".contains(&b[s]) && cue_at(text, s))
}

/// A run of white space as `\s` sees it in ASCII text.
pub(super) fn is_space(c: u8) -> bool {
    c.is_ascii_whitespace() || c == 0x0b
}

/// More words than any cue reads before its tail.
const MAX_TOKENS: usize = 12;

/// The first words (runs between white space) from `at`, with their
/// offsets: at most [`MAX_TOKENS`], so a short word list equals them only
/// when the text holds exactly its words.
pub(super) fn tokens(text: &str, at: usize) -> Vec<(usize, &str)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut k = at;
    while k < b.len() && out.len() < MAX_TOKENS {
        if is_space(b[k]) {
            k += 1;
            continue;
        }
        let end = k + b[k..].iter().take_while(|&&c| !is_space(c)).count();
        out.push((k, &text[k..end]));
        k = end;
    }
    out
}

/// Past at least one white space from `at`.
pub(super) fn space(text: &str, at: usize) -> Option<usize> {
    let n = text.as_bytes()[at..]
        .iter()
        .take_while(|&&c| is_space(c))
        .count();
    (n > 0).then_some(at + n)
}

/// Whether `rest` starts with `word`. The cue readers try dozens of words
/// at every place a cue could start: comparing first bytes before calling
/// on a memory comparison spares nearly all the calls.
pub(super) fn opens(rest: &str, word: &str) -> bool {
    let first = word.as_bytes().first();
    first.is_none_or(|b| rest.as_bytes().first() == Some(b)) && rest.starts_with(word)
}

pub(super) fn all_bytes(word: &str, ok: impl Fn(u8) -> bool) -> bool {
    !word.is_empty() && word.bytes().all(ok)
}

/// `[a-z'-]+`, a word before the noun.
fn lead_word(w: &str) -> bool {
    all_bytes(w, |c| c.is_ascii_lowercase() || c == b'\'' || c == b'-')
}

/// `[a-z0-9'-]+`, a word between the noun and "to".
fn trail_word(w: &str) -> bool {
    all_bytes(w, |c| {
        c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'\'' || c == b'-'
    })
}

/// Whether the text from `at` on is `[\s,]*`, optionally then a qualifier
/// and white space.
fn tail(text: &str, at: usize) -> bool {
    let rest =
        text[at..].trim_start_matches(|c: char| c.is_ascii() && is_space(c as u8) || c == ',');
    if rest.is_empty() {
        return true;
    }
    let words: Vec<&str> = tokens(rest, 0).into_iter().map(|(_, w)| w).collect();
    rest.ends_with(|c: char| c.is_ascii() && is_space(c as u8))
        && QUALIFIERS.iter().any(|q| words[..] == q[..])
}

/// Whether a token starts with one of the words and the tail follows it.
fn ends_with_tail(text: &str, token: (usize, &str), words: &[&str]) -> bool {
    words
        .iter()
        .any(|w| token.1.starts_with(w) && tail(text, token.0 + w.len()))
}

/// Whether the cue starts at `s` and runs to the end of the text.
fn cue_at(text: &str, s: usize) -> bool {
    let rest = &text[s..];
    // Words are split only where the cue's next word can start.
    let next_is = |at: usize, words: &[&str]| words.iter().any(|w| opens(&text[at..], w));
    let owners = ["the", "its", "their", "our", "his", "her", "this"];
    let verb = VERBS.iter().any(|v| {
        opens(rest, v)
            && space(text, s + v.len())
                .is_some_and(|at| next_is(at, &owners) && after_verb(text, &tokens(text, at)))
    });
    verb || ["a", "the"].iter().any(|a| {
        opens(rest, a)
            && space(text, s + a.len()).is_some_and(|at| {
                next_is(at, &["running", "cumulative"]) && running(text, &tokens(text, at))
            })
    }) || opens(rest, "total") && so_far(text, &tokens(text, s))
        || opens(rest, "the")
            && space(text, s + 3)
                .is_some_and(|at| next_is(at, &["total"]) && so_far(text, &tokens(text, at)))
}

/// After the verb: whose count, up to two words, the noun, up to five
/// words, then "to" or "at".
fn after_verb(text: &str, t: &[(usize, &str)]) -> bool {
    let word = |k: usize| t.get(k).map_or("", |w| w.1);
    let possessive = |w: &str| {
        ["'s", "’s"].iter().any(|s| {
            w.strip_suffix(s)
                .is_some_and(|x| all_bytes(x, |c| c.is_ascii_lowercase()))
        })
    };
    let mut owners = Vec::new();
    if OWNERS.contains(&word(0)) {
        owners.push(1);
    }
    if (word(0) == "this" || word(0) == "the") && word(1) == "year's"
        || word(0) == "the" && possessive(word(1))
    {
        owners.push(2);
    }
    owners.into_iter().any(|p| {
        (0..=2).any(|k| {
            (p..p + k).all(|i| lead_word(word(i)))
                && NOUNS.contains(&word(p + k))
                && (0..=5).any(|j| {
                    let q = p + k + 1;
                    (q..q + j).all(|i| trail_word(word(i)))
                        && t.get(q + j)
                            .is_some_and(|&tok| ends_with_tail(text, tok, &["to", "at"]))
                })
        })
    })
}

/// After "a" or "the": "running total of" and the like.
fn running(text: &str, t: &[(usize, &str)]) -> bool {
    t.len() >= 3
        && ["running", "cumulative"].contains(&t[0].1)
        && ["total", "tally"].contains(&t[1].1)
        && ends_with_tail(text, t[2], &["of", "to"])
}

/// "total so far is", "total to date stands at" (after "the" or not).
fn so_far(text: &str, t: &[(usize, &str)]) -> bool {
    let word = |k: usize| t.get(k).map_or("", |w| w.1);
    if word(0) != "total" || !matches!([word(1), word(2)], ["so", "far"] | ["to", "date"]) {
        return false;
    }
    let verb = t
        .get(3)
        .is_some_and(|&tok| ends_with_tail(text, tok, &["is", "was", "to", "of", "reached"]));
    let at = |k: usize| {
        t.get(k)
            .is_some_and(|&tok| ends_with_tail(text, tok, &["at"]))
    };
    verb || (word(3) == "stands" || word(3) == "stood") && at(4)
        || word(3) == "now" && word(4) == "stands" && at(5)
}
