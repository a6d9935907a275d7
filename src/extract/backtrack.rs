//! Runs a pattern that build.rs compiled into the states of a Thompson NFA,
//! by backtracking in priority order, to read a match's groups. Compiling
//! even a small pattern when a program starts costs more than reading a
//! short article, and the texts these programs read are a few words long.
//!
//! The search is the one regex-automata's bounded backtracker makes: the
//! first path to a match in the order the pattern prefers is the leftmost-
//! first match, and a (state, position) pair that failed once fails again,
//! so each is tried at most once.

use regex_automata::util::look::{Look, LookMatcher};

/// One NFA state. Offsets are indices into the program's states.
#[derive(Debug)]
pub enum State {
    /// One byte in `lo..=hi`.
    Range {
        lo: u8,
        hi: u8,
        next: u32,
    },
    /// One byte in any of the sorted, disjoint ranges.
    Sparse(&'static [(u8, u8, u32)]),
    /// An assertion (`Look`, by its representation) about the position.
    Look {
        look: u32,
        next: u32,
    },
    /// Alternatives, preferred first.
    Union(&'static [u32]),
    Binary(u32, u32),
    /// Records the position in a slot.
    Capture {
        slot: u32,
        next: u32,
    },
    Fail,
    Match,
}

/// A compiled pattern.
#[derive(Debug)]
pub struct Program {
    /// The state an anchored search starts in.
    pub start: u32,
    /// Two slots per group, the whole match first.
    pub slots: usize,
    /// Named groups and their indices.
    pub names: &'static [(&'static str, usize)],
    pub states: &'static [State],
}

/// Memory a search reuses.
#[derive(Debug, Default)]
pub struct Scratch {
    stack: Vec<Frame>,
    visited: Vec<u64>,
}

#[derive(Debug)]
enum Frame {
    Step { sid: u32, at: usize },
    Restore { slot: usize, offset: Option<usize> },
}

/// One search: the haystack and where it starts.
struct Search<'a> {
    program: &'a Program,
    hay: &'a [u8],
    start: usize,
    width: usize,
    looks: LookMatcher,
}

impl Program {
    /// Matches the pattern anchored at `start` in `hay`, whose end is the
    /// end of the input, and sets `slots` to the groups of the match (start
    /// and end of each, by index). Returns whether it matched.
    pub fn captures(
        &self,
        hay: &[u8],
        start: usize,
        slots: &mut Vec<Option<usize>>,
        scratch: &mut Scratch,
    ) -> bool {
        slots.clear();
        slots.resize(self.slots, None);
        if start > hay.len() {
            return false;
        }
        let width = hay.len() - start + 1;
        let bits = self.states.len().saturating_mul(width);
        scratch.visited.clear();
        scratch.visited.resize(bits.div_ceil(64), 0);
        scratch.stack.clear();
        scratch.stack.push(Frame::Step {
            sid: self.start,
            at: start,
        });
        let search = Search {
            program: self,
            hay,
            start,
            width,
            looks: LookMatcher::new(),
        };
        while let Some(frame) = scratch.stack.pop() {
            match frame {
                Frame::Restore { slot, offset } => {
                    if let Some(s) = slots.get_mut(slot) {
                        *s = offset;
                    }
                }
                Frame::Step { sid, at } => {
                    if search.step(sid, at, slots, scratch) {
                        return true;
                    }
                }
            }
        }
        false
    }
}

impl Program {
    /// The leftmost-first match at or after `from`, trying only the starts
    /// `may_start` allows (a pattern that begins with an assertion fails at
    /// every other start anyway). Sets `slots` as [`Program::captures`] does.
    pub fn find_from(
        &self,
        hay: &[u8],
        from: usize,
        may_start: impl Fn(usize) -> bool,
        slots: &mut Vec<Option<usize>>,
        scratch: &mut Scratch,
    ) -> bool {
        (from..=hay.len())
            .filter(|&s| may_start(s))
            .any(|s| self.captures(hay, s, slots, scratch))
    }
}

impl Search<'_> {
    /// Follows the preferred path from `sid` at `at`, leaving the others on
    /// the stack; true at a match.
    fn step(
        &self,
        mut sid: u32,
        mut at: usize,
        slots: &mut [Option<usize>],
        scratch: &mut Scratch,
    ) -> bool {
        loop {
            let bit = sid as usize * self.width + (at - self.start);
            let Some(word) = scratch.visited.get_mut(bit / 64) else {
                return false;
            };
            let mask = 1u64 << (bit % 64);
            if *word & mask != 0 {
                return false;
            }
            *word |= mask;
            let Some(state) = self.program.states.get(sid as usize) else {
                return false;
            };
            match *state {
                State::Range { lo, hi, next } => match self.hay.get(at) {
                    Some(&b) if lo <= b && b <= hi => {
                        sid = next;
                        at += 1;
                    }
                    _ => return false,
                },
                State::Sparse(ranges) => {
                    let Some(&b) = self.hay.get(at) else {
                        return false;
                    };
                    match ranges.iter().find(|&&(lo, hi, _)| lo <= b && b <= hi) {
                        Some(&(_, _, next)) => {
                            sid = next;
                            at += 1;
                        }
                        None => return false,
                    }
                }
                State::Look { look, next } => {
                    let holds =
                        Look::from_repr(look).is_some_and(|l| self.looks.matches(l, self.hay, at));
                    if !holds {
                        return false;
                    }
                    sid = next;
                }
                State::Union(alts) => {
                    let Some((&first, rest)) = alts.split_first() else {
                        return false;
                    };
                    for &alt in rest.iter().rev() {
                        scratch.stack.push(Frame::Step { sid: alt, at });
                    }
                    sid = first;
                }
                State::Binary(first, second) => {
                    scratch.stack.push(Frame::Step { sid: second, at });
                    sid = first;
                }
                State::Capture { slot, next } => {
                    let slot = slot as usize;
                    if let Some(s) = slots.get_mut(slot) {
                        scratch.stack.push(Frame::Restore { slot, offset: *s });
                        *s = Some(at);
                    }
                    sid = next;
                }
                State::Fail => return false,
                State::Match => return true,
            }
        }
    }
}
