//! The lexer and figure reader on short text: every figure must come back
//! as a slice of the input, and the interval of a plainly stated figure
//! must hold its own value.
#![no_main]

use figcheck::extract::{self, Qualifier, lexer};
use figcheck::input::{Document, InputOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut last_end = 0;
    for t in lexer::tokenize(text) {
        assert!(t.start >= last_end && t.start < t.end && t.end <= text.len());
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        last_end = t.end;
    }
    let doc = Document::from_bytes("n.txt", data.to_vec(), &InputOptions::default());
    let extraction = extract::extract(std::slice::from_ref(&doc));
    for c in &extraction.claims {
        assert!(c.start <= c.end && c.end <= text.len());
        assert!(c.span.0 <= c.start && c.end <= c.span.1 && c.span.1 <= text.len());
        assert_eq!(c.literal, text[c.start..c.end]);
        if let (Some(v), Qualifier::Exact | Qualifier::Approximate) = (c.value, c.qualifier) {
            assert!(
                c.interval.contains(v),
                "{} read as {v} outside {}",
                c.literal,
                c.interval
            );
        }
    }
});
