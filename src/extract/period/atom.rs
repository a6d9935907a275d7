//! The calendar phrases a period is built from ("mid-2015", "Q3 2016",
//! "the last six months", "so far"), found by one precompiled pattern over
//! the lower-cased text and read into [`Cal`] values that still need a
//! reference date to become days.

use super::patterns::{alternatives, bare_month, bare_year, search_pattern};
use crate::calendar::month_number;
use crate::extract::backtrack::{Program, Scratch, State};
use crate::extract::words::same_word;
use chrono::Weekday;
use regex_automata::dfa::{Automaton, dense};
use regex_automata::nfa::thompson::WhichCaptures;
use regex_automata::util::primitives::StateID;
use regex_automata::util::start;
use regex_automata::{Input, Match, MatchError, PatternID, meta};
use std::sync::{LazyLock, OnceLock};

/// A modifier that narrows a unit to a band: "early", "mid", "late", "the
/// start of", "the end of".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mod {
    Early,
    Mid,
    Late,
    /// "the start of", "the beginning of": early, but exact as a start edge.
    Start,
    /// "the end of": late, but exact as an end edge.
    End,
}

/// A calendar unit that relative phrases count in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
}

/// Which unit a relative phrase names relative to the reference date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rel {
    /// The previous calendar unit ("last year").
    Last,
    /// The current one ("this year").
    This,
    /// The next one ("next year").
    Next,
}

/// A year as written, or relative to the reference date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearRef {
    Year(i32),
    /// The reference year plus this many years.
    Rel(i32),
    /// Not stated: the latest such unit that has started by the reference
    /// date.
    Nearest,
    /// "last September": the latest September that is over, or, as some
    /// read it, the one before.
    Previous,
}

/// A calendar phrase, before resolution against a reference date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cal {
    Day {
        y: Option<i32>,
        m: u32,
        d: u32,
    },
    /// Days within a month or across two ("November 19-20", "Nov 18-Dec 19").
    DayRange {
        y: Option<i32>,
        m1: u32,
        d1: u32,
        m2: u32,
        d2: u32,
    },
    Month {
        y: YearRef,
        m: u32,
        md: Option<Mod>,
    },
    Year {
        y: YearRef,
        md: Option<Mod>,
    },
    Decade {
        y: i32,
        md: Option<Mod>,
    },
    /// "2015-16", "2015/16": twelve months starting some time in the first
    /// year (a season or a financial year).
    SpanYear {
        y: i32,
    },
    /// "1998-2004".
    YearRange {
        y1: i32,
        y2: i32,
    },
    Quarter {
        y: YearRef,
        q: u32,
    },
    Half {
        y: YearRef,
        h: u32,
    },
    /// "fiscal 2016", "FY2016" (`span`: "fiscal 2015-16", starting in `y`).
    Fiscal {
        y: i32,
        span: bool,
    },
    /// "last month", "this year", "next week".
    RelUnit {
        rel: Rel,
        unit: Unit,
        md: Option<Mod>,
    },
    /// "the last six months", "the past year" (`back`), "the next 3 days".
    LastN {
        n: u32,
        unit: Unit,
        back: bool,
    },
    /// "two years ago".
    Ago {
        n: u32,
        unit: Unit,
    },
    /// "today" (0), "yesterday" (1).
    DaysBack(u32),
    /// "on Thursday": the latest such day at or before the reference date
    /// (strictly before when `strict`: "last Thursday").
    Weekday {
        wd: Weekday,
        strict: bool,
    },
    /// "last weekend", "this weekend".
    Weekend {
        rel: Rel,
    },
    /// From the start of the unit to the reference date: "so far this
    /// year", "year to date", "earlier this month".
    ToDate {
        unit: Unit,
    },
    /// "so far in 2016".
    SoFarIn {
        y: i32,
    },
    /// "so far", "to date", "the total so far": from the start of the count.
    SoFar,
    /// "year-on-year", "from a year earlier": a comparison with the same
    /// period this many months before, not a period.
    Comparison {
        months: u32,
    },
}

/// A calendar phrase and where it stands, in byte offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Atom {
    pub start: usize,
    pub end: usize,
    pub cal: Cal,
}

/// The alternatives as one multi-pattern automaton: a search finds the
/// leftmost match and which alternative made it, and an anchored search of
/// that alternative alone reads its groups.
struct Patterns {
    /// The automaton build.rs compiled from the same patterns; `None` where
    /// it cannot be read (a big-endian target).
    prebuilt: Option<Anchored>,
    /// The same search compiled here, for when the prebuilt one is missing.
    compiled: OnceLock<meta::Regex>,
    alts: Vec<Alternative>,
}

impl Patterns {
    /// The leftmost match in `input` and which alternative made it.
    fn search(&self, input: &Input) -> Option<Match> {
        // A DFA built without quit bytes never fails; were it to, the
        // compiled search gives the same answer.
        if let Some(dfa) = &self.prebuilt
            && let Ok(found) = dfa.leftmost(input)
        {
            return found;
        }
        self.compiled().search(input)
    }

    fn compiled(&self) -> &meta::Regex {
        self.compiled.get_or_init(|| {
            let patterns: Vec<&str> = self.alts.iter().map(|a| a.pattern.as_str()).collect();
            // Leftmost-first across patterns behaves as one alternation;
            // the lazy DFA needs room for a pattern this wide. Nearly
            // every letter and digit can start a phrase, so no prefilter
            // could skip text.
            let config = meta::Regex::config()
                .hybrid_cache_capacity(16 << 20)
                .auto_prefilter(false)
                .which_captures(WhichCaptures::Implicit);
            meta::Regex::builder()
                .configure(config)
                .build_many(&patterns)
                .expect("period pattern")
        })
    }
}

/// Bytes aligned for a DFA's transition table.
#[repr(C)]
struct Aligned<B: ?Sized> {
    _align: [u32; 0],
    bytes: B,
}

static ANCHORED: &Aligned<[u8]> = &Aligned {
    _align: [],
    bytes: *include_bytes!(concat!(env!("OUT_DIR"), "/period_anchored.dfa")),
};

/// The search build.rs made: a DFA of the alternatives anchored where they
/// start. Tried at each position in turn, the first that matches is where
/// the leftmost match starts, and what it reports is that match, so no
/// reverse automaton is needed to find the start (reading one when a
/// program starts cost as much as reading the forward one).
struct Anchored {
    dfa: dense::DFA<&'static [u32]>,
    /// The start state after each byte (the last entry: at the start of
    /// the text), which is all a start depends on.
    starts: Vec<StateID>,
    /// For each byte, which of the few distinct start states follows it.
    kind: Vec<u8>,
    /// For each distinct start state `k` and byte `b`, at `k * 256 + b`:
    /// the row of the start state the byte leads to ([`ROW`]), and whether
    /// a match may start at the byte ([`LIVE`]), that is, whether the byte
    /// does not lead state `k` to the dead state. Most positions fail here,
    /// without a walk. The scan reads every byte of the text, and one
    /// look-up per byte in a table of fixed size, masked so that no bound
    /// needs checking, keeps its loop short.
    step: [u16; KINDS * 256],
    /// For each distinct start state and first byte, the second bytes after
    /// which the walk goes on (a bit each): most walks that start end on
    /// their second byte, and the table is smaller than the automaton's.
    live2: Vec<[[u64; 4]; 256]>,
}

/// At most this many distinct start states: [`Anchored::step`] has a row
/// for each. The period automaton has two (after a word byte, and
/// elsewhere).
const KINDS: usize = 4;
/// The bits of a [`Anchored::step`] entry that hold the offset of the next
/// start state's row.
const ROW: u16 = (KINDS as u16 - 1) << 8;
/// The bit of a [`Anchored::step`] entry set where a match may start.
const LIVE: u16 = 1;

impl Anchored {
    /// Reads the automaton, which only checks it.
    fn read() -> Option<Anchored> {
        let (dfa, _) = dense::DFA::from_bytes(&ANCHORED.bytes).ok()?;
        let starts = (0..=256)
            .map(|b| {
                let behind = u8::try_from(b).ok();
                let config = start::Config::new()
                    .anchored(regex_automata::Anchored::Yes)
                    .look_behind(behind);
                dfa.start_state(&config).ok()
            })
            .collect::<Option<Vec<_>>>()?;
        let mut distinct: Vec<StateID> = Vec::new();
        let mut kind = Vec::with_capacity(starts.len());
        for &s in &starts {
            let k = match distinct.iter().position(|&d| d == s) {
                Some(k) => k,
                None => {
                    distinct.push(s);
                    distinct.len() - 1
                }
            };
            kind.push(u8::try_from(k).ok()?);
        }
        if distinct.len() > KINDS {
            return None;
        }
        let mut step = [0u16; KINDS * 256];
        for (row, &s) in step.chunks_mut(256).zip(&distinct) {
            for (b, entry) in row.iter_mut().enumerate() {
                let live = !dfa.is_dead_state(dfa.next_state(s, b as u8));
                *entry = u16::from(kind[b]) << 8 | if live { LIVE } else { 0 };
            }
        }
        // The walk of `match_at` stops at its second byte when the state
        // after it is dead, unless the first byte already made a match.
        // Many first bytes lead to the same state: each state's bits are
        // worked out once.
        let mut seen: Vec<(StateID, [u64; 4])> = Vec::new();
        let mut after = |s1: StateID| {
            if let Some((_, bits)) = seen.iter().find(|(s, _)| *s == s1) {
                return *bits;
            }
            let mut bits = [0u64; 4];
            for b1 in 0..=255u8 {
                if dfa.is_match_state(s1) || !dfa.is_dead_state(dfa.next_state(s1, b1)) {
                    bits[usize::from(b1 >> 6)] |= 1 << (b1 & 63);
                }
            }
            seen.push((s1, bits));
            bits
        };
        let live2 = distinct
            .iter()
            .map(|&s| std::array::from_fn(|b0| after(dfa.next_state(s, b0 as u8))))
            .collect();
        Some(Anchored {
            dfa,
            starts,
            kind,
            step,
            live2,
        })
    }

    /// The leftmost-first match in `input`.
    fn leftmost(&self, input: &Input) -> Result<Option<Match>, MatchError> {
        let hay = input.haystack();
        let behind = |p: usize| p.checked_sub(1).and_then(|i| hay.get(i));
        let start = behind(input.start()).map_or(256, |&b| usize::from(b));
        let mut row = u16::from(self.kind.get(start).copied().unwrap_or(0)) << 8;
        let (from, to) = (input.start(), input.end());
        let second = |kind: usize, p: usize, b: u8| match hay.get(p + 1) {
            Some(&b1) if p + 1 < to => self.goes_on(kind, b, b1),
            _ => true,
        };
        let text = &hay[from..to];
        // An index, not `enumerate`: the compiler then keeps one counter
        // for the loop rather than two (1.1 M fewer instructions over 1 MB).
        #[allow(clippy::needless_range_loop)]
        for i in 0..text.len() {
            let b = text[i];
            let entry = self.step[usize::from(row | u16::from(b)) & (KINDS * 256 - 1)];
            if entry & LIVE != 0 {
                let p = from + i;
                if second(usize::from(row >> 8), p, b)
                    && let Some((pattern, end)) = self.match_at(input, p)?
                {
                    return Ok(Some(Match::new(pattern, p..end)));
                }
            }
            row = entry & ROW;
        }
        Ok(None)
    }

    /// Whether a walk from start state `kind` goes on past bytes `b0` and
    /// `b1` (or has matched after `b0`).
    fn goes_on(&self, kind: usize, b0: u8, b1: u8) -> bool {
        (self.live2[kind][usize::from(b0)][usize::from(b1 >> 6)] >> (b1 & 63)) & 1 == 1
    }

    /// The match that starts at `p`, if one does, and where it ends: the
    /// walk regex-automata's forward search makes, without its set-up for
    /// each position (most positions fail on their first byte).
    fn match_at(&self, input: &Input, p: usize) -> Result<Option<(PatternID, usize)>, MatchError> {
        let (hay, end) = (input.haystack(), input.end());
        let behind = p.checked_sub(1).and_then(|i| hay.get(i));
        let mut sid = self.starts[behind.map_or(256, |&b| usize::from(b))];
        // A match state shows a match that ended one byte earlier.
        let mut found = None;
        for (i, &b) in hay[p..end].iter().enumerate() {
            let at = p + i;
            sid = self.dfa.next_state(sid, b);
            if self.dfa.is_special_state(sid) {
                if self.dfa.is_match_state(sid) {
                    found = Some((self.dfa.match_pattern(sid, 0), at));
                } else if self.dfa.is_dead_state(sid) {
                    return Ok(found);
                } else if self.dfa.is_quit_state(sid) {
                    return Err(MatchError::quit(b, at));
                }
            }
        }
        // The end of the input, or the byte after it, may complete a match.
        sid = match hay.get(end) {
            Some(&b) => self.dfa.next_state(sid, b),
            None => self.dfa.next_eoi_state(sid),
        };
        if self.dfa.is_match_state(sid) {
            found = Some((self.dfa.match_pattern(sid, 0), end));
        }
        Ok(found)
    }
}

/// One alternative on its own: small, so reading its groups is cheap.
/// build.rs compiled it, so a text pays nothing for the phrases it holds.
struct Alternative {
    group: Group,
    direct: Option<Direct>,
    pattern: String,
    program: &'static Program,
}

/// Each alternative's search pattern as build.rs compiled it, in order.
static PROGRAMS: &[Program] = &include!(concat!(env!("OUT_DIR"), "/period_programs.rs"));

/// The most frequent alternatives, whose one group the match itself shows:
/// reading them needs no pattern of their own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Direct {
    /// "2015", "the year 2015": the year is the last four bytes.
    Year,
    /// "march", "sept.": the month is the word before any full stop.
    Month,
    /// Comparisons and "so far": their readers need the whole match alone.
    Whole,
}

impl Direct {
    fn of(alt: &str) -> Option<Direct> {
        if alt == bare_year() {
            Some(Direct::Year)
        } else if alt == bare_month() {
            Some(Direct::Month)
        } else if matches!(group_of(alt), Group::Comparison | Group::SoFar) {
            Some(Direct::Whole)
        } else {
            None
        }
    }

    /// The one group besides the whole match.
    fn name(self) -> Option<&'static str> {
        match self {
            Direct::Year => Some("y"),
            Direct::Month => Some("m"),
            Direct::Whole => None,
        }
    }

    /// The named groups a direct reading sets.
    fn names(self) -> &'static [(&'static str, usize)] {
        match self {
            Direct::Year => &[("y", 1)],
            Direct::Month => &[("m", 1)],
            Direct::Whole => &[],
        }
    }

    /// Sets `slots` to the groups of a match at `[start, end)`.
    fn read(self, lower: &str, start: usize, end: usize, slots: &mut Vec<Option<usize>>) {
        let group = match self {
            Direct::Year => (end.saturating_sub(4).max(start), end),
            Direct::Month if lower[start..end].ends_with('.') => (start, end - 1),
            Direct::Month | Direct::Whole => (start, end),
        };
        slots.clear();
        slots.extend([Some(start), Some(end)]);
        if self.name().is_some() {
            slots.extend([Some(group.0), Some(group.1)]);
        }
    }
}

/// Which reader an alternative's groups go to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Group {
    Comparison,
    ToDate,
    SoFar,
    Days,
    Quarters,
    Halves,
    Fiscal,
    Decades,
    Modified,
    Relative,
    Plain,
}

/// The reader for an alternative, told by its first named group.
fn group_of(alt: &str) -> Group {
    let name = alt
        .split("(?P<")
        .nth(1)
        .and_then(|r| r.split('>').next())
        .unwrap_or("");
    match name {
        "cmp" => Group::Comparison,
        "ytd" | "mtd" | "qtd" | "wtd" => Group::ToDate,
        "sofar" => Group::SoFar,
        "rm" | "rd3" | "iy" | "dm" | "ed" => Group::Days,
        "qo" | "qr3" | "qy4" | "qn" | "qy3" => Group::Quarters,
        "ho" | "hn" | "hy3" => Group::Halves,
        "fy" | "fy3" => Group::Fiscal,
        "dmod" => Group::Decades,
        "md" => Group::Modified,
        "nrel" | "nn2" | "an" | "rr" | "wdp" | "tod" => Group::Relative,
        _ => Group::Plain,
    }
}

static ATOM: LazyLock<Patterns> = LazyLock::new(|| {
    let alts = alternatives()
        .iter()
        .zip(PROGRAMS)
        .map(|(a, program)| Alternative {
            group: group_of(a),
            direct: Direct::of(a),
            pattern: search_pattern(a),
            program,
        })
        .collect();
    Patterns {
        prebuilt: Anchored::read(),
        compiled: OnceLock::new(),
        alts,
    }
});

/// One match's groups, by name.
struct Groups<'h> {
    hay: &'h str,
    /// Start and end of each group, by index.
    slots: &'h [Option<usize>],
    names: &'h [(&'static str, usize)],
}

/// One group's match.
#[derive(Clone, Copy)]
struct Part<'h> {
    text: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Part<'h> {
    fn as_str(&self) -> &'h str {
        self.text
    }
    fn start(&self) -> usize {
        self.start
    }
    fn end(&self) -> usize {
        self.end
    }
}

impl<'h> Groups<'h> {
    fn index(&self, i: usize) -> Option<Part<'h>> {
        let (start, end) = ((*self.slots.get(2 * i)?)?, (*self.slots.get(2 * i + 1)?)?);
        Some(Part {
            text: self.hay.get(start..end)?,
            start,
            end,
        })
    }

    /// The whole match (`0`).
    fn get(&self, i: usize) -> Option<Part<'h>> {
        self.index(i)
    }

    fn name(&self, name: &str) -> Option<Part<'h>> {
        let (_, i) = self.names.iter().find(|(n, _)| same_word(n, name))?;
        self.index(*i)
    }
}

/// Every calendar phrase in `lower` (the ASCII lower-cased text), in order
/// and not overlapping. `text` is the original, for capitalisation.
pub fn atoms(text: &str, lower: &str) -> Vec<Atom> {
    // A long text's list is reserved, as its sentences are: one phrase in
    // 64 bytes is more than news copy holds (one in 77 on the dense corpus,
    // one in 186 at wire density).
    let mut out = if lower.len() >= crate::extract::LONG_DOCUMENT {
        Vec::with_capacity(lower.len() / 64)
    } else {
        Vec::new()
    };
    let mut at = 0;
    let mut limit = lower.len();
    // Where the number that cut the haystack ends.
    let mut past = 0;
    // One match's groups, and the memory reading them takes.
    let mut slots = Vec::new();
    let mut scratch = Scratch::default();
    while at < lower.len() {
        let found = ATOM.search(&Input::new(&lower[..limit]).span(at..limit));
        let Some(m) = found else {
            if limit < lower.len() {
                // Nothing short of the number: go on past it. (Going back
                // to its start looped forever on "1924.5".)
                at = past;
                limit = lower.len();
                continue;
            }
            break;
        };
        if runs_on(lower, m.end()) {
            // Try again with the haystack cut before the number, so "March
            // 5 to 2,000" still finds "March 5".
            limit = number_start(lower, m.end()).max(at);
            past = number_end(lower, m.end());
            continue;
        }
        limit = lower.len();
        match read_match(&m, &mut slots, &mut scratch, text, lower) {
            Some(cal) => {
                out.push(Atom {
                    start: m.start(),
                    end: trim_full_stop(lower, m.start(), m.end()),
                    cal,
                });
                at = m.end().max(m.start() + 1);
            }
            None => at = next_char(lower, m.start()),
        }
    }
    out
}

/// A full stop after a month written in full ends the sentence; after an
/// abbreviation ("Sept.") it belongs to the word.
fn trim_full_stop(lower: &str, start: usize, end: usize) -> usize {
    let s = &lower[start..end];
    let Some(body) = s.strip_suffix('.') else {
        return end;
    };
    let word = body
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    let abbreviated =
        month_number(word).is_some() && word.len() <= 4 && !matches!(word, "may" | "june" | "july");
    if abbreviated { end } else { end - 1 }
}

/// Reads a match with its own alternative, anchored where it starts.
fn read_match(
    m: &Match,
    slots: &mut Vec<Option<usize>>,
    scratch: &mut Scratch,
    text: &str,
    lower: &str,
) -> Option<Cal> {
    let (start, end) = (m.start(), m.end());
    let alt = ATOM.alts.get(m.pattern().as_usize())?;
    let names = match alt.direct {
        Some(d) => {
            d.read(lower, start, end, slots);
            d.names()
        }
        None => {
            let hay = lower.as_bytes().get(..end)?;
            if !alt.program.captures(hay, start, slots, scratch) {
                return None;
            }
            alt.program.names
        }
    };
    let groups = Groups {
        hay: lower,
        slots,
        names,
    };
    read(alt.group, &groups, text, lower)
}

/// Where the run of digits ending at `end` starts.
fn number_start(lower: &str, end: usize) -> usize {
    let b = lower.as_bytes();
    let mut i = end;
    while i > 0 && b[i - 1].is_ascii_digit() {
        i -= 1;
    }
    i
}

/// Where the number running on from `end` ("5" in "1924.5") ends.
fn number_end(lower: &str, end: usize) -> usize {
    let b = lower.as_bytes();
    let mut i = end;
    while i < b.len()
        && (b[i].is_ascii_digit()
            || (matches!(b[i], b',' | b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit)))
    {
        i += 1;
    }
    i
}

fn next_char(s: &str, i: usize) -> usize {
    let mut j = i + 1;
    while j < s.len() && !s.is_char_boundary(j) {
        j += 1;
    }
    j
}

/// Whether a match ending in a digit runs on into a longer number
/// ("March 5 to 2,000"): then it is not a date.
fn runs_on(lower: &str, end: usize) -> bool {
    let b = lower.as_bytes();
    end > 0
        && b[end - 1].is_ascii_digit()
        && matches!(b.get(end), Some(b',' | b'.'))
        && b.get(end + 1).is_some_and(u8::is_ascii_digit)
}

fn num(c: &Groups, name: &str) -> Option<i32> {
    c.name(name)?.as_str().parse().ok()
}

fn mon(c: &Groups, name: &str) -> Option<u32> {
    month_number(c.name(name)?.as_str())
}

fn day_of(c: &Groups, name: &str) -> Option<u32> {
    c.name(name)?.as_str().parse().ok()
}

/// Reads a match into a calendar phrase; `None` when the words turn out
/// not to be one ("may" the verb, a bare year with nothing around it).
fn read(g: Group, c: &Groups, text: &str, lower: &str) -> Option<Cal> {
    match g {
        // This reader and the next use the whole match alone (see
        // `Direct::Whole`).
        Group::Comparison => {
            let w = c.get(0)?.as_str();
            let months = if w.contains("month") {
                1
            } else if w.contains("quarter") {
                3
            } else if w.contains("week") {
                0
            } else {
                12
            };
            Some(Cal::Comparison { months })
        }
        Group::ToDate => read_to_date(c),
        Group::SoFar => {
            // "so far as", "so far from": not a count.
            let rest = lower[c.get(0)?.end()..].trim_start();
            let word = rest.split(|ch: char| !ch.is_ascii_alphabetic()).next()?;
            let not_time = matches!(
                word,
                "as" | "from" | "away" | "behind" | "ahead" | "beyond" | "off" | "removed" | "so"
            );
            (!not_time).then_some(Cal::SoFar)
        }
        Group::Days => read_days(c),
        Group::Quarters => read_quarters(c),
        Group::Halves => read_halves(c),
        Group::Fiscal => read_fiscal(c),
        Group::Decades => read_decades(c, lower),
        Group::Modified => read_modified(c, text),
        Group::Relative => read_relative(c),
        Group::Plain => read_plain(c, text, lower),
    }
}

fn read_to_date(c: &Groups) -> Option<Cal> {
    if let Some(y) = num(c, "sfy") {
        return Some(Cal::SoFarIn { y });
    }
    let unit = if c.name("ytd").is_some() {
        Unit::Year
    } else if c.name("mtd").is_some() {
        Unit::Month
    } else if c.name("qtd").is_some() {
        Unit::Quarter
    } else {
        Unit::Week
    };
    Some(Cal::ToDate { unit })
}

fn read_days(c: &Groups) -> Option<Cal> {
    if let (Some(m1), Some(d1), Some(d2)) = (mon(c, "rm"), day_of(c, "rd1"), day_of(c, "rd2")) {
        let m2 = mon(c, "rm2").unwrap_or(m1);
        return Some(Cal::DayRange {
            y: num(c, "ry"),
            m1,
            d1,
            m2,
            d2,
        });
    }
    if let (Some(d1), Some(d2), Some(m)) = (day_of(c, "rd3"), day_of(c, "rd4"), mon(c, "rm3")) {
        return (d1 < d2).then_some(Cal::DayRange {
            y: num(c, "ry3"),
            m1: m,
            d1,
            m2: m,
            d2,
        });
    }
    if let (Some(y), Some(m), Some(d)) = (num(c, "iy"), day_of(c, "im"), day_of(c, "id")) {
        return Some(Cal::Day { y: Some(y), m, d });
    }
    if let (Some(m), Some(d)) = (mon(c, "dm"), day_of(c, "dd")) {
        return Some(Cal::Day {
            y: num(c, "dy"),
            m,
            d,
        });
    }
    if let (Some(d), Some(m)) = (day_of(c, "ed"), mon(c, "em")) {
        return Some(Cal::Day {
            y: num(c, "ey"),
            m,
            d,
        });
    }
    None
}

fn ordinal_quarter(w: &str) -> Option<u32> {
    match w {
        "first" | "1st" => Some(1),
        "second" | "2nd" => Some(2),
        "third" | "3rd" => Some(3),
        "fourth" | "4th" | "final" | "last" => Some(4),
        _ => None,
    }
}

fn rel_year(w: &str) -> YearRef {
    match w {
        "last" => YearRef::Rel(-1),
        "next" => YearRef::Rel(1),
        _ => YearRef::Rel(0),
    }
}

fn year_ref(c: &Groups, years: &[&str], rels: &[&str]) -> YearRef {
    if let Some(y) = years.iter().find_map(|g| num(c, g)) {
        return YearRef::Year(y);
    }
    if let Some(r) = rels.iter().find_map(|g| c.name(g)) {
        return rel_year(r.as_str());
    }
    YearRef::Nearest
}

fn read_quarters(c: &Groups) -> Option<Cal> {
    if let Some(o) = c.name("qo") {
        let y = year_ref(c, &["qy1", "qy5"], &["qr1", "qr2"]);
        if o.as_str() == "last" && y == YearRef::Nearest {
            // "the last quarter": the previous one.
            return Some(Cal::RelUnit {
                rel: Rel::Last,
                unit: Unit::Quarter,
                md: None,
            });
        }
        let y = if y == YearRef::Nearest && c.get(0)?.as_str().ends_with("the year") {
            YearRef::Rel(0)
        } else {
            y
        };
        return Some(Cal::Quarter {
            y,
            q: ordinal_quarter(o.as_str())?,
        });
    }
    if let (Some(r), Some(o)) = (c.name("qr3"), c.name("qo3")) {
        return Some(Cal::Quarter {
            y: rel_year(r.as_str()),
            q: ordinal_quarter(o.as_str())?,
        });
    }
    if let (Some(y), Some(o)) = (num(c, "qy4"), c.name("qo2")) {
        return Some(Cal::Quarter {
            y: YearRef::Year(y),
            q: ordinal_quarter(o.as_str())?,
        });
    }
    if let Some(q) = day_of(c, "qn").or(day_of(c, "qn2")) {
        return Some(Cal::Quarter {
            y: year_ref(c, &["qy2", "qy3"], &["qr4"]),
            q,
        });
    }
    None
}

fn read_halves(c: &Groups) -> Option<Cal> {
    if let Some(o) = c.name("ho") {
        let h = if matches!(o.as_str(), "first" | "1st") {
            1
        } else {
            2
        };
        let y = year_ref(c, &["hy1"], &["hr1", "hr2"]);
        let y = if y == YearRef::Nearest && c.get(0)?.as_str().ends_with("the year") {
            YearRef::Rel(0)
        } else {
            y
        };
        return Some(Cal::Half { y, h });
    }
    if let Some(h) = day_of(c, "hn").or(day_of(c, "hn2")) {
        return Some(Cal::Half {
            y: YearRef::Year(num(c, "hy2").or(num(c, "hy3"))?),
            h,
        });
    }
    None
}

/// A two-digit year: "16" is 2016, "98" is 1998.
fn full_year(two: i32) -> i32 {
    if two < 70 { 2000 + two } else { 1900 + two }
}

fn read_fiscal(c: &Groups) -> Option<Cal> {
    if let Some(y) = num(c, "fy3") {
        return Some(Cal::Fiscal { y, span: false });
    }
    let f = c.name("fy")?;
    let y = f.as_str().parse().ok()?;
    let y = if f.as_str().len() == 2 {
        full_year(y)
    } else {
        y
    };
    match c.name("fy2") {
        None => Some(Cal::Fiscal { y, span: false }),
        Some(second) => {
            let s: i32 = second.as_str().parse().ok()?;
            let s = if second.as_str().len() == 2 {
                full_year(s)
            } else {
                s
            };
            (s == y + 1).then_some(Cal::Fiscal { y, span: true })
        }
    }
}

fn modifier(w: &str) -> Mod {
    if w.starts_with("early") {
        Mod::Early
    } else if w.starts_with("mid") || w.contains("middle") {
        Mod::Mid
    } else if w.starts_with("late") {
        Mod::Late
    } else if w.contains("end") || w.contains("close") {
        Mod::End
    } else {
        Mod::Start
    }
}

fn read_decades(c: &Groups, lower: &str) -> Option<Cal> {
    let md = c.name("dmod").map(|m| modifier(m.as_str()));
    let y = if let Some(y) = num(c, "dec") {
        y
    } else if let Some(y) = num(c, "dec2").or(num(c, "dec3")) {
        // "the '90s", "the 70s": a bare "70s" may be ages or temperatures,
        // so without "the" or an apostrophe it is not read.
        let whole = c.get(0)?;
        let after_in = lower[..whole.start()]
            .split(|ch: char| !ch.is_ascii_alphabetic())
            .rfind(|w| !w.is_empty())
            == Some("in");
        if c.name("dec3").is_some() && !whole.as_str().starts_with("the") && !after_in {
            return None;
        }
        // "the '40s" is the 1940s; only the first two decades of this
        // century are read as such.
        if y <= 10 { 2000 + y } else { 1900 + y }
    } else {
        let w = c.name("decw")?.as_str();
        let y = [
            ("twenties", 1920),
            ("thirties", 1930),
            ("forties", 1940),
            ("fifties", 1950),
            ("sixties", 1960),
            ("seventies", 1970),
            ("eighties", 1980),
            ("nineties", 1990),
            ("noughties", 2000),
        ]
        .iter()
        .find(|(n, _)| *n == w)?
        .1;
        if !c.get(0)?.as_str().starts_with("the") {
            return None;
        }
        y
    };
    Some(Cal::Decade { y, md })
}

fn unit_word(w: &str) -> Option<Unit> {
    let w = w.trim_end_matches('s');
    Some(match w {
        "day" => Unit::Day,
        "week" | "fortnight" => Unit::Week,
        "month" => Unit::Month,
        "quarter" => Unit::Quarter,
        "year" => Unit::Year,
        "decade" => Unit::Decade,
        _ => return None,
    })
}

fn read_modified(c: &Groups, text: &str) -> Option<Cal> {
    let md = modifier(c.name("md")?.as_str());
    if let Some(m) = mon(c, "mm") {
        let name = c.name("mm")?;
        // "the end of may", "mid-march": months that are also words need
        // a capital or a year.
        if is_ambiguous_month(name.as_str())
            && c.name("mmy").is_none()
            && !capitalised(text, name.start())
        {
            return None;
        }
        let y = num(c, "mmy").map_or(YearRef::Nearest, YearRef::Year);
        return Some(Cal::Month { y, m, md: Some(md) });
    }
    if let Some(y) = num(c, "mdy") {
        return Some(Cal::Year {
            y: YearRef::Year(y),
            md: Some(md),
        });
    }
    let (rel, unit) = if let (Some(r), Some(u)) = (c.name("mrel"), c.name("mru")) {
        let rel = match r.as_str() {
            "last" => Rel::Last,
            "next" => Rel::Next,
            _ => Rel::This,
        };
        (rel, unit_word(u.as_str())?)
    } else {
        (Rel::This, unit_word(c.name("mthe")?.as_str())?)
    };
    Some(Cal::RelUnit {
        rel,
        unit,
        md: Some(md),
    })
}

/// A count in words or digits.
pub fn count(w: &str) -> Option<u32> {
    let w = w.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Ok(n) = w.parse() {
        return Some(n);
    }
    Some(match w.as_str() {
        "a" | "an" | "one" => 1,
        "two" | "a couple" | "a couple of" | "couple of" => 2,
        "three" | "a few" | "few" | "several" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "fifteen" => 15,
        "eighteen" => 18,
        "twenty" => 20,
        "twenty-four" => 24,
        "thirty" => 30,
        "thirty-six" => 36,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "hundred" => 100,
        _ => return None,
    })
}

/// Counts that are only approximate ("a few", "several") make a period too
/// loose to check; they are read but flagged by the caller through this.
pub fn is_vague_count(w: &str) -> bool {
    w.contains("few") || w.contains("several") || w.contains("couple")
}

fn read_relative(c: &Groups) -> Option<Cal> {
    if let (Some(r), Some(n), Some(u)) = (c.name("nrel"), c.name("nn"), c.name("nu")) {
        let n = count(n.as_str())?;
        let mut unit = unit_word(u.as_str())?;
        let mut n = n;
        if u.as_str().starts_with("fortnight") {
            n *= 2;
            unit = Unit::Week;
        }
        let back = !matches!(r.as_str(), "next" | "coming");
        return (n > 0).then_some(Cal::LastN { n, unit, back });
    }
    if let (Some(n), Some(u)) = (c.name("nn2"), c.name("nu2")) {
        let n = count(n.as_str())?;
        let unit = unit_word(u.as_str())?;
        return (n > 0).then_some(Cal::LastN {
            n,
            unit,
            back: true,
        });
    }
    if let (Some(n), Some(u)) = (c.name("an"), c.name("au")) {
        let n = count(n.as_str())?;
        return Some(Cal::Ago {
            n,
            unit: unit_word(u.as_str())?,
        });
    }
    if let (Some(r), Some(u)) = (c.name("rr"), c.name("ru")) {
        let r = r.as_str();
        let u = u.as_str();
        let rel = if r.ends_with("last") || r.ends_with("past") || r == "previous" {
            Rel::Last
        } else if r.ends_with("next") || r.ends_with("coming") {
            Rel::Next
        } else {
            Rel::This
        };
        if u == "weekend" {
            return Some(Cal::Weekend { rel });
        }
        if u == "fortnight" {
            return (rel == Rel::Last).then_some(Cal::LastN {
                n: 2,
                unit: Unit::Week,
                back: true,
            });
        }
        let unit = unit_word(u)?;
        // "the past year", "the last month": the last twelve months or the
        // last calendar unit; "last year" is the calendar unit alone.
        if rel == Rel::Last && (r.starts_with("the") || r == "past") {
            return Some(Cal::LastN {
                n: 1,
                unit,
                back: true,
            });
        }
        return Some(Cal::RelUnit {
            rel,
            unit,
            md: None,
        });
    }
    if let Some(w) = c.name("wd") {
        let wd: Weekday = w.as_str().parse().ok()?;
        return match c.name("wdp").map(|p| p.as_str()) {
            Some("next" | "coming") => None,
            Some("last") => Some(Cal::Weekday { wd, strict: true }),
            Some(p) if p.ends_with("past") => Some(Cal::Weekday { wd, strict: true }),
            _ => Some(Cal::Weekday { wd, strict: false }),
        };
    }
    match c.name("tod")?.as_str() {
        "today" => Some(Cal::DaysBack(0)),
        _ => Some(Cal::DaysBack(1)),
    }
}

fn read_plain(c: &Groups, text: &str, lower: &str) -> Option<Cal> {
    if let (Some(r), Some(name)) = (c.name("lm_rel"), c.name("lm")) {
        // "this may take": a modal verb unless capitalised.
        if is_ambiguous_month(name.as_str()) && !capitalised(text, name.start()) {
            return None;
        }
        let y = if r.as_str() == "this" {
            YearRef::Rel(0)
        } else {
            YearRef::Previous
        };
        return Some(Cal::Month {
            y,
            m: month_number(name.as_str())?,
            md: None,
        });
    }
    if let Some(y) = c.name("cy") {
        let n: i32 = y.as_str().parse().ok()?;
        let y = if y.as_str().len() == 2 {
            full_year(n)
        } else {
            n
        };
        return Some(Cal::Year {
            y: YearRef::Year(y),
            md: None,
        });
    }
    if let (Some(m), Some(y)) = (mon(c, "my_m"), num(c, "my_y")) {
        return Some(Cal::Month {
            y: YearRef::Year(y),
            m,
            md: None,
        });
    }
    if let (Some(y1), Some(sep), Some(y2)) = (num(c, "yr1"), c.name("ysep"), c.name("yr2")) {
        let two = y2.as_str().len() == 2;
        let second: i32 = y2.as_str().parse().ok()?;
        if two {
            return (second == (y1 + 1) % 100).then_some(Cal::SpanYear { y: y1 });
        }
        if sep.as_str() == "/" {
            return (second == y1 + 1).then_some(Cal::SpanYear { y: y1 });
        }
        return (second > y1).then_some(Cal::YearRange { y1, y2: second });
    }
    if let Some(y) = num(c, "y") {
        return Some(Cal::Year {
            y: YearRef::Year(y),
            md: None,
        });
    }
    let name = c.name("m")?;
    let m = month_number(name.as_str())?;
    // A bare month needs a capital in the text, unless a preposition makes
    // it a month ("since august"); "may" and "march" need both.
    let cap = capitalised(text, name.start());
    let ambiguous = is_ambiguous_month(name.as_str());
    let prep = month_preposition(lower, name.start(), ambiguous);
    // "May" at the start of a sentence is as often a name as a month.
    let ok = if ambiguous { prep } else { cap || prep };
    ok.then_some(Cal::Month {
        y: YearRef::Nearest,
        m,
        md: None,
    })
}

fn is_ambiguous_month(w: &str) -> bool {
    matches!(w.trim_end_matches('.'), "may" | "march" | "mar")
}

fn capitalised(text: &str, at: usize) -> bool {
    text[at..].starts_with(|c: char| c.is_uppercase())
}

/// Whether a preposition that takes a month stands right before `at`
/// ("in May", "in the May of 2015"); `and` counts for months that are not
/// also common words ("between August and October").
fn month_preposition(lower: &str, at: usize, ambiguous: bool) -> bool {
    let mut words = lower[..at]
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty());
    let mut word = words.next().unwrap_or("");
    if word == "the" {
        word = words.next().unwrap_or("");
    }
    if word == "and" {
        return !ambiguous;
    }
    matches!(
        word,
        "in" | "since"
            | "from"
            | "during"
            | "until"
            | "till"
            | "through"
            | "between"
            | "to"
            | "by"
            | "before"
            | "after"
            | "of"
            | "early"
            | "mid"
            | "late"
            | "throughout"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex_automata::Anchored;

    fn read_all(s: &str) -> Vec<(String, Cal)> {
        let lower = s.to_ascii_lowercase();
        atoms(s, &lower)
            .into_iter()
            .map(|a| (s[a.start..a.end].to_string(), a.cal))
            .collect()
    }

    #[test]
    fn finds_the_phrases() {
        let got = read_all("Since mid-2015, it has suspended over 125,000 accounts");
        assert_eq!(got[0].0, "mid-2015");
        assert_eq!(
            got[0].1,
            Cal::Year {
                y: YearRef::Year(2015),
                md: Some(Mod::Mid)
            }
        );
        let got = read_all("235,000 accounts over the last six months, the total so far");
        assert_eq!(got[0].0, "the last six months");
        assert_eq!(got[1].0, "the total so far");
        assert_eq!(got[1].1, Cal::SoFar);
        let got = read_all("in Q3 2016 and the third quarter and FY2016 and the 1990s");
        let cals: Vec<Cal> = got.into_iter().map(|g| g.1).collect();
        assert_eq!(
            cals,
            vec![
                Cal::Quarter {
                    y: YearRef::Year(2016),
                    q: 3
                },
                Cal::Quarter {
                    y: YearRef::Nearest,
                    q: 3
                },
                Cal::Fiscal {
                    y: 2016,
                    span: false
                },
                Cal::Decade { y: 1990, md: None },
            ]
        );
    }

    #[test]
    fn words_that_are_not_months() {
        assert!(read_all("Prices may rise in the spring").is_empty());
        assert!(read_all("They will march on the capital").is_empty());
        assert_eq!(read_all("It opened in May").len(), 1);
        assert!(read_all("so far as we know").is_empty());
    }

    #[test]
    fn the_prebuilt_search_is_the_compiled_one() {
        #[cfg(target_endian = "little")]
        assert!(ATOM.prebuilt.is_some());
        let Some(prebuilt) = &ATOM.prebuilt else {
            return;
        };
        let text = "Since mid-2015, sales over the last six months (the total so far) \
            rose year-on-year; in Q3 2016, the third quarter of last year, FY2016-17 \
            and the 1990s, from March 5 to 2,000 people, 5-7 June 2018, 2014\u{2013}2018, \
            h1 2019, earlier this week, two years ago, last Thursday, today, \
            the end of May, this past September 1924.5 and 12 december, 2020."
            .to_ascii_lowercase();
        let compiled = ATOM.compiled();
        for at in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
            for limit in [text.len(), (at + 9).min(text.len())] {
                // The haystack cut at the limit, and the whole text with
                // the search's span ending at the limit.
                for hay in [&text.as_bytes()[..limit], text.as_bytes()] {
                    let input = Input::new(hay).span(at..limit);
                    let want = compiled.search(&input);
                    assert_eq!(prebuilt.leftmost(&input).ok(), Some(want), "{at}..{limit}");
                }
            }
        }
    }

    #[test]
    fn a_walk_that_ends_on_its_second_byte_matches_nothing() {
        let Some(prebuilt) = &ATOM.prebuilt else {
            return;
        };
        let mut skipped = 0;
        for behind in [
            None,
            Some(b' '),
            Some(b'a'),
            Some(b'1'),
            Some(b'\n'),
            Some(b'-'),
        ] {
            let kind = usize::from(prebuilt.kind[behind.map_or(256, usize::from)]);
            for b0 in 0..=255u8 {
                for b1 in 0..=255u8 {
                    if prebuilt.goes_on(kind, b0, b1) {
                        continue;
                    }
                    skipped += 1;
                    let hay: Vec<u8> = behind.into_iter().chain([b0, b1, b'x', b' ']).collect();
                    let at = usize::from(behind.is_some());
                    let input = Input::new(&hay);
                    assert_eq!(
                        prebuilt.match_at(&input, at),
                        Ok(None),
                        "{behind:?} {b0} {b1}"
                    );
                }
            }
        }
        // Most pairs end the walk: the check is worth its table.
        assert!(skipped > 6 * 65536 / 2, "{skipped}");
    }

    /// Every group of every match of `alt` in `text`, as the pattern
    /// compiled here reads them, and as the reading under test does.
    fn compare_readings(alt: &Alternative, text: &str) -> usize {
        let re = meta::Regex::new(&alt.pattern).unwrap();
        let mut slots = Vec::new();
        let mut scratch = Scratch::default();
        let mut seen = 0;
        for m in re.find_iter(text) {
            let mut want = re.create_captures();
            let input = Input::new(&text[..m.end()])
                .span(m.range())
                .anchored(Anchored::Yes);
            re.search_captures(&input, &mut want);
            let at = &text[m.range()];
            let names = match alt.direct {
                Some(d) => {
                    d.read(text, m.start(), m.end(), &mut slots);
                    d.names()
                }
                None => {
                    let hay = &text.as_bytes()[..m.end()];
                    assert!(
                        alt.program
                            .captures(hay, m.start(), &mut slots, &mut scratch)
                    );
                    alt.program.names
                }
            };
            let groups = Groups {
                hay: text,
                slots: &slots,
                names,
            };
            let span = |p: Option<Part>| p.map(|p| (p.start(), p.end()));
            assert_eq!(
                span(groups.get(0)),
                want.get_group(0).map(|s| (s.start, s.end)),
                "{at:?}"
            );
            for (name, _) in names {
                assert_eq!(
                    span(groups.name(name)),
                    want.get_group_by_name(name).map(|s| (s.start, s.end)),
                    "{name} in {at:?}"
                );
            }
            if alt.direct.is_none() {
                // Every group the pattern sets, unnamed ones too.
                let all: Vec<_> = (0..want.group_len()).map(|g| span(groups.get(g))).collect();
                let expected: Vec<_> = (0..want.group_len())
                    .map(|g| want.get_group(g).map(|s| (s.start, s.end)))
                    .collect();
                assert_eq!(all, expected, "{at:?}");
            }
            seen += 1;
        }
        seen
    }

    #[test]
    fn direct_readings_are_the_patterns_readings() {
        let text = "in 2015, the year 2016 and 1999; march, sept. and may. \
            dec 2014, jan. 5 and the year  2020; up 4% year-on-year, y/y, \
            from a year earlier, than the same period a year ago, the total so far, \
            to date, thus far and until now."
            .to_ascii_lowercase();
        let seen: usize = ATOM
            .alts
            .iter()
            .filter(|a| a.direct.is_some())
            .map(|a| compare_readings(a, &text))
            .sum();
        assert!(seen >= 15, "{seen}");
    }

    /// Text that holds phrases of every kind, and near misses.
    fn phrase_samples() -> String {
        let mut text = String::from(
            "Since mid-2015, sales over the last six months (the total so far) \
            rose year-on-year; in Q3 2016, the third quarter of last year, FY2016-17 \
            and the 1990s, from March 5 to 2,000 people, 5-7 June 2018, 2014\u{2013}2018, \
            h1 2019, earlier this week, two years ago, last Thursday, today, \
            the end of May, this past September 1924.5 and 12 december, 2020. \
            October 19, 2024; 27 October 2025, 4 March 2014, the first half of 2016, \
            the second half, the latter half of the year, first half this year, \
            the fourth quarter of the year 2015, the 2nd quarter, 2015's third quarter, \
            last year's first quarter, q4 last year, q1 of '16, 2016 q2, 2016h1, \
            the past 18 months, the next a few  days, the previous couple of weeks, \
            the coming year, the past calendar year, this calendar  month, \
            on monday, this past friday, coming sunday, next weekend, \
            november 18-dec 19, 2015, 18 to 20 of may, 2016-02-05, 3rd of june 2017, \
            between june 1st and june 3rd, the final quarter, the last 3months, \
            fiscal year 2016/17, financial year 15-16, 2016 fiscal year, \
            the early 2000s, late '90s, the eighties, early in the year, \
            the beginning of march, 2016, at the end of next month, \
            the middle of the decade, march of 2015, last april, cy 2016, \
            1998-2004, 2015/16, the 12 past months, two weeks ago, \
            so far this year, the year to date, month-to-date, so far in 2016.",
        );
        // The repository's own articles, where present.
        for dir in ["testdata/articles", "testdata/clean", "testdata/extract"] {
            let Ok(entries) = std::fs::read_dir(dir) else {
                continue;
            };
            for e in entries.flatten() {
                if let Ok(t) = std::fs::read_to_string(e.path()) {
                    text.push_str(&t);
                }
            }
        }
        text.to_ascii_lowercase()
    }

    #[test]
    fn the_compiled_programs_read_as_the_patterns_do() {
        let text = phrase_samples();
        let mut seen = 0;
        for alt in ATOM.alts.iter().filter(|a| a.direct.is_none()) {
            seen += usize::from(compare_readings(alt, &text) > 0);
        }
        // Nearly every alternative matched somewhere.
        assert!(seen >= 25, "{seen}");
    }

    #[test]
    fn a_date_does_not_swallow_a_figure() {
        let got = read_all("from March 5 to 2,000 people");
        assert_eq!(got[0].0, "March 5");
    }
}
