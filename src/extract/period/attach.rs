//! Gives each claim the period that governs it: the nearest period in its
//! sentence, before or after the figure, not across a semicolon. A period
//! that opens a sentence ("Since mid-2015, it has suspended over 125,000
//! accounts and 4,000 groups") is nearest to every figure of the list that
//! follows it, so it governs them all.

use super::{Mention, Periods};
use crate::extract::{Claim, Sentence};
use std::sync::Arc;

/// Gives claims their periods, a run of claims at a time in text order: a
/// long document is read in pieces, and each piece's claims are given
/// theirs while they are still in cache.
pub struct Attach<'p> {
    /// The offsets beside each period, so the search reads one array.
    found: Vec<((usize, usize), &'p Arc<crate::period::Period>)>,
    /// Claims come in text order: the first period that may fall in a
    /// claim's clause is walked to, not searched for.
    walk: super::Walk,
    /// Whether the sentence of the last claim holds a semicolon: most hold
    /// none, and their claims' clause is the whole sentence, which is then
    /// read once and not twice for each claim.
    semicolon: (usize, bool),
}

impl<'p> Attach<'p> {
    pub fn new(periods: &'p Periods) -> Attach<'p> {
        let found = periods
            .mentions
            .iter()
            .filter_map(|m| match m {
                Mention::Period(p) => Some((p.offset, p)),
                _ => None,
            })
            .collect();
        Attach {
            found,
            walk: super::Walk::default(),
            semicolon: (usize::MAX, false),
        }
    }

    /// Gives each of `claims` the period that governs it; `sentences` is
    /// the batch's sentence list, which `Claim::sentence` indexes.
    pub fn claims(&mut self, text: &str, claims: &mut [Claim], sentences: &[Sentence]) {
        for claim in claims.iter_mut() {
            let Some(s) = sentences.get(claim.sentence) else {
                continue;
            };
            if s.doc != claim.doc || claim.start < s.start || claim.end > s.end {
                continue;
            }
            if self.semicolon.0 != claim.sentence {
                let words = text.as_bytes().get(s.start..s.end).unwrap_or_default();
                self.semicolon = (claim.sentence, memchr::memchr(b';', words).is_some());
            }
            let (lo, hi) = if self.semicolon.1 {
                clause(text, s.start, s.end, claim.start, claim.end)
            } else {
                (s.start, s.end)
            };
            let i = self.walk.seek(&self.found, lo, |(o, _)| o.1 <= lo);
            let best = self.found[i..]
                .iter()
                .take_while(|(o, _)| o.0 < hi)
                .filter(|(o, _)| o.0 >= lo && o.1 <= hi)
                .filter(|(o, _)| o.1 <= claim.start || o.0 >= claim.end)
                .min_by_key(|(o, _)| distance(*o, (claim.start, claim.end)));
            if let Some((_, p)) = best {
                claim.period = Some(Arc::clone(p));
            }
        }
    }
}

/// Byte distance between two spans; a period before the figure wins a tie.
fn distance(p: (usize, usize), f: (usize, usize)) -> (usize, bool) {
    if p.1 <= f.0 {
        (f.0 - p.1, false)
    } else {
        (p.0.saturating_sub(f.1), true)
    }
}

/// The part of the sentence `[start, end)` around a figure that semicolons
/// leave it in.
fn clause(text: &str, start: usize, end: usize, f0: usize, f1: usize) -> (usize, usize) {
    let s = &text[start..end];
    let lo = s[..f0 - start].rfind(';').map_or(start, |k| start + k + 1);
    let hi = s[f1 - start..].find(';').map_or(end, |k| f1 + k);
    (lo, hi)
}
