//! Compiles the period recogniser's phrase search ahead of time. The search
//! over every calendar phrase is one large automaton; building it on each
//! start cost more than reading a whole short article, so it is built here
//! once, as a minimised DFA of the phrases anchored where they start, and the
//! recogniser reads it from the binary. Each alternative on its own, whose groups a match is read with,
//! is compiled here too, into the states of a backtracking program
//! (`crate::extract::backtrack`), so reading a phrase compiles nothing.

use regex_automata::PatternID;
use regex_automata::dfa::{StartKind, dense};
use regex_automata::nfa::thompson::{self, State, WhichCaptures};
use std::fmt::Write;
use std::path::PathBuf;

include!("src/extract/period/patterns.rs");
include!("src/input/dateline_patterns.rs");

fn main() {
    println!("cargo::rerun-if-changed=src/extract/period/patterns.rs");
    println!("cargo::rerun-if-changed=src/input/dateline_patterns.rs");
    let patterns: Vec<String> = alternatives().iter().map(|a| search_pattern(a)).collect();
    let nfa = thompson::Config::new().which_captures(WhichCaptures::None);
    // The recogniser only runs anchored searches, one position at a time.
    let anchored = dense::Builder::new()
        .configure(
            dense::Config::new()
                .minimize(true)
                .start_kind(StartKind::Anchored),
        )
        .thompson(nfa)
        .build_many(&patterns)
        .expect("period search");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    let (bytes, pad) = anchored.to_bytes_little_endian();
    std::fs::write(out.join("period_anchored.dfa"), &bytes[pad..])
        .expect("write the period search");
    let programs: Vec<String> = patterns.iter().map(|p| program(p)).collect();
    std::fs::write(
        out.join("period_programs.rs"),
        format!("[\n{}]\n", programs.join(",\n")),
    )
    .expect("write the period programs");
    let datelines: Vec<String> = DATELINE_FORMS
        .iter()
        .map(|&(digit, byline)| program(&dateline_pattern(digit, byline)))
        .collect();
    std::fs::write(
        out.join("dateline_programs.rs"),
        format!("[\n{}]\n", datelines.join(",\n")),
    )
    .expect("write the dateline programs");
}

/// One pattern as a `Program` literal: its anchored start, its slots, its
/// named groups and its states.
fn program(pattern: &str) -> String {
    let nfa = thompson::Compiler::new()
        .configure(
            thompson::Config::new()
                .which_captures(WhichCaptures::All)
                .shrink(false),
        )
        .build(pattern)
        .expect("a pattern to compile");
    let info = nfa.group_info();
    let names: String = info
        .pattern_names(PatternID::ZERO)
        .enumerate()
        .filter_map(|(i, n)| Some(format!("({:?}, {i}), ", n?)))
        .collect();
    let mut states = String::new();
    for state in nfa.states() {
        let s = match state {
            State::ByteRange { trans } => format!(
                "State::Range {{ lo: {}, hi: {}, next: {} }}",
                trans.start,
                trans.end,
                trans.next.as_usize()
            ),
            State::Sparse(sparse) => {
                let ts: String = sparse
                    .transitions
                    .iter()
                    .map(|t| format!("({}, {}, {}), ", t.start, t.end, t.next.as_usize()))
                    .collect();
                format!("State::Sparse(&[{ts}])")
            }
            State::Dense(_) => panic!("a dense state in {pattern}"),
            State::Look { look, next } => format!(
                "State::Look {{ look: {}, next: {} }}",
                look.as_repr(),
                next.as_usize()
            ),
            State::Union { alternates } => {
                let alts: String = alternates
                    .iter()
                    .map(|a| format!("{}, ", a.as_usize()))
                    .collect();
                format!("State::Union(&[{alts}])")
            }
            State::BinaryUnion { alt1, alt2 } => {
                format!("State::Binary({}, {})", alt1.as_usize(), alt2.as_usize())
            }
            State::Capture { next, slot, .. } => format!(
                "State::Capture {{ slot: {}, next: {} }}",
                slot.as_usize(),
                next.as_usize()
            ),
            State::Fail => "State::Fail".to_string(),
            State::Match { .. } => "State::Match".to_string(),
        };
        writeln!(states, "{s},").expect("write to a string");
    }
    format!(
        "Program {{ start: {}, slots: {}, names: &[{names}], states: &[\n{states}] }}",
        nfa.start_anchored().as_usize(),
        info.slot_len(),
    )
}
