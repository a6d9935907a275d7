//! Compiles the period recogniser's phrase search ahead of time. The search
//! over every calendar phrase is one large automaton; building it on each
//! start cost more than reading a whole short article, so it is built here
//! once, as a minimised forward DFA (where the leftmost match ends) and a
//! reverse one (where it starts), and the recogniser reads both from the
//! binary.

use regex_automata::MatchKind;
use regex_automata::dfa::{StartKind, dense};
use regex_automata::nfa::thompson::{self, WhichCaptures};
use std::path::PathBuf;

include!("src/extract/period/patterns.rs");

fn main() {
    println!("cargo::rerun-if-changed=src/extract/period/patterns.rs");
    let patterns: Vec<String> = alternatives().iter().map(|a| search_pattern(a)).collect();
    let nfa = || thompson::Config::new().which_captures(WhichCaptures::None);
    // The recogniser only runs unanchored searches forward.
    let forward = dense::Builder::new()
        .configure(
            dense::Config::new()
                .minimize(true)
                .start_kind(StartKind::Unanchored),
        )
        .thompson(nfa())
        .build_many(&patterns)
        .expect("period search");
    // As `regex_automata::dfa::regex::Builder` makes its reverse DFA.
    let reverse = dense::Builder::new()
        .configure(
            dense::Config::new()
                .minimize(true)
                .prefilter(None)
                .specialize_start_states(false)
                .start_kind(StartKind::Anchored)
                .match_kind(MatchKind::All),
        )
        .thompson(nfa().reverse(true))
        .build_many(&patterns)
        .expect("period search, reverse");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    for (name, dfa) in [("forward", &forward), ("reverse", &reverse)] {
        let (bytes, pad) = dfa.to_bytes_little_endian();
        std::fs::write(out.join(format!("period_{name}.dfa")), &bytes[pad..])
            .expect("write the period search");
    }
}
