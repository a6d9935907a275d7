//! Sentence boundaries over tokens.
//!
//! A figure's unit, qualifier and period live in its sentence, and the
//! reconciler looks for related figures sentence by sentence, so a wrong
//! boundary costs checks. The splitter errs on the side of merging: a full
//! stop after an abbreviation ("U.S.", "Mr.", "No. 10", "approx.") or an
//! initial does not end a sentence.

use super::lexer::{Kind, Token};
use super::words::WordSet;
use std::ops::Range;

/// A sentence as a range of tokens, with its paragraph number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SentenceSpan {
    pub tokens: Range<usize>,
    pub paragraph: usize,
}

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "approx", "vs", "etc", "inc", "ltd", "co",
    "corp", "jr", "sr", "gen", "gov", "sen", "rep", "rev", "lt", "col", "sgt", "capt", "cmdr",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "fig",
    "est", "vol", "pp", "p", "para", "art", "ch", "ed", "eds", "al", "cf", "ca", "mt", "ft", "pct",
    "mln", "bln", "ie", "eg", "govt", "dept", "univ", "assn", "bros", "ave", "blvd", "rd",
];

/// [`ABBREVIATIONS`], indexed: a full stop follows a word in nearly every
/// sentence, and a scan of the list took more than splitting the rest.
static ABBREVIATION_SET: WordSet = WordSet::new(ABBREVIATIONS);

/// No abbreviation is longer than this, so a longer word (most words
/// before a full stop) is not looked up.
const LONGEST_ABBREVIATION: usize = 6;

fn is_abbreviation(word: &str) -> bool {
    // Single letters are initials ("U.S.", "J. Smith").
    let mut chars = word.chars();
    if chars.next().is_some() && chars.next().is_none() {
        return true;
    }
    if word.len() > LONGEST_ABBREVIATION {
        return false;
    }
    // The list is lower case; a word is compared without regard to ASCII
    // case, as "Mr" and "SEPT" are.
    let mut lower = [0u8; LONGEST_ABBREVIATION];
    let lower = &mut lower[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).is_ok_and(|w| ABBREVIATION_SET.contains(w))
}

fn is_closer(s: &str) -> bool {
    matches!(s, "\"" | "'" | "”" | "’" | ")" | "]" | "»")
}

/// Whether a token at the end of a line closes a sentence or carries it on
/// to the next line.
fn ends_or_continues(tok: &Token, text: &str) -> bool {
    tok.kind == Kind::Punct
        && matches!(
            tok.text(text),
            "." | "!"
                | "?"
                | "…"
                | ","
                | ";"
                | ":"
                | "-"
                | "–"
                | "—"
                | "("
                | "\""
                | "“"
                | "'"
                | "‘"
                | "/"
                | "&"
        )
}

fn starts_sentence(tok: &Token, text: &str) -> bool {
    let s = tok.text(text);
    let c = s.chars().next().unwrap_or(' ');
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(
            c,
            '"' | '“' | '‘' | '\'' | '(' | '[' | '«' | '$' | '£' | '€' | '-' | '—' | '*'
        )
}

/// Splits a token list into sentences.
pub fn split(text: &str, tokens: &[Token]) -> Vec<SentenceSpan> {
    split_from(text, tokens, 0)
}

/// Splits a piece of a document's tokens into sentences, numbering its
/// paragraphs from `first_paragraph`. The piece must start at the start of
/// the text or right after a paragraph break: nothing the splitter looks at
/// reaches back across a break, so the pieces split as the whole would.
pub fn split_from(text: &str, tokens: &[Token], first_paragraph: usize) -> Vec<SentenceSpan> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut paragraph = first_paragraph;
    // Token where the current paragraph starts, and whether a line break
    // has been seen in it yet.
    let mut paragraph_start = 0;
    let mut first_line = true;
    let mut i = 0;
    let push = |out: &mut Vec<SentenceSpan>, range: Range<usize>, paragraph: usize| {
        if !range.is_empty() {
            out.push(SentenceSpan {
                tokens: range,
                paragraph,
            });
        }
    };
    while i < tokens.len() {
        let t = &tokens[i];
        if t.kind == Kind::Break {
            push(&mut out, start..i, paragraph);
            paragraph += 1;
            start = i + 1;
            paragraph_start = i + 1;
            first_line = true;
            i += 1;
            continue;
        }
        // A first line with no closing punctuation, followed by a line
        // that starts like a sentence, is a title: "Firm cuts 300 jobs"
        // above "The firm cut 120 ...". Only the first line of a paragraph
        // is read this way, so wrapped prose loses at most one split.
        if t.line_break && i > start {
            if first_line
                && start == paragraph_start
                && !ends_or_continues(&tokens[i - 1], text)
                && t.kind != Kind::Punct
                && starts_sentence(t, text)
            {
                push(&mut out, start..i, paragraph);
                start = i;
            }
            first_line = false;
        }
        // A heading is a sentence of its own: it ends with its line, so a
        // headline's figure is never read as part of the first sentence.
        if t.line_break
            && i > start
            && tokens[start].kind == Kind::Punct
            && tokens[start].text(text) == "#"
        {
            push(&mut out, start..i, paragraph);
            start = i;
        }
        // A line that starts a heading or a list item starts a sentence.
        if t.line_break
            && i > start
            && t.kind == Kind::Punct
            && matches!(t.text(text), "#" | "-" | "*" | "•")
        {
            push(&mut out, start..i, paragraph);
            start = i;
        }
        if t.kind == Kind::Punct && matches!(t.text(text), "." | "!" | "?" | "…") {
            // Closing quotes and brackets belong to the sentence they end.
            let mut j = i + 1;
            while j < tokens.len() && !tokens[j].space_before && is_closer(tokens[j].text(text)) {
                j += 1;
            }
            let next = tokens.get(j);
            // Read last, as most full stops end their sentence.
            let abbreviation = || {
                t.text(text) == "."
                    && i > 0
                    && tokens[i - 1].kind == Kind::Word
                    && !t.space_before
                    && is_abbreviation(tokens[i - 1].text(text))
            };
            let ends = match next {
                None => true,
                Some(n) if n.kind == Kind::Break => true,
                Some(n) => n.space_before && starts_sentence(n, text) && !abbreviation(),
            };
            if ends {
                push(&mut out, start..j, paragraph);
                start = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    push(&mut out, start..tokens.len(), paragraph);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lexer::tokenize;

    fn sentences(text: &str) -> Vec<String> {
        let toks = tokenize(text);
        split(text, &toks)
            .into_iter()
            .map(|s| text[toks[s.tokens.start].start..toks[s.tokens.end - 1].end].to_string())
            .collect()
    }

    #[test]
    fn no_abbreviation_is_longer_than_the_limit() {
        assert!(
            ABBREVIATIONS
                .iter()
                .all(|a| a.len() <= LONGEST_ABBREVIATION)
        );
        assert!(is_abbreviation("Approx") && is_abbreviation("é") && !is_abbreviation("people"));
    }

    #[test]
    fn abbreviation_look_up_agrees_with_a_scan_of_the_list() {
        let scan = |w: &str| {
            w.chars().count() == 1 || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(w))
        };
        let mut words: Vec<String> = ABBREVIATIONS
            .iter()
            .flat_map(|a| {
                [
                    a.to_string(),
                    a.to_uppercase(),
                    format!("{a}x"),
                    format!("x{a}"),
                ]
            })
            .collect();
        words.extend(
            [
                "", "é", "ÉTÉ", "Mr", "mR", "Sept", "people", "septé", "U", "1",
            ]
            .map(String::from),
        );
        for w in &words {
            assert_eq!(is_abbreviation(w), scan(w), "{w:?}");
        }
        assert!(words.iter().filter(|w| scan(w)).count() > ABBREVIATIONS.len());
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sentences("The U.S. Army hired 300 people. Mr. Smith left No. 10 today. It rose."),
            vec![
                "The U.S. Army hired 300 people.",
                "Mr. Smith left No. 10 today.",
                "It rose."
            ]
        );
        assert_eq!(sentences("It cost approx. 5m euros.").len(), 1);
    }

    #[test]
    fn a_heading_ends_with_its_line() {
        assert_eq!(
            sentences("# Firm cuts 300 jobs\nThe firm cut 120 in May.\nIt hired 5."),
            vec![
                "# Firm cuts 300 jobs",
                "The firm cut 120 in May.",
                "It hired 5."
            ]
        );
    }

    #[test]
    fn a_title_line_is_a_sentence_of_its_own() {
        assert_eq!(
            sentences("Firm cuts 300 jobs\nThe firm cut 120 jobs in Leeds."),
            vec!["Firm cuts 300 jobs", "The firm cut 120 jobs in Leeds."]
        );
        // Wrapped prose is not split in the middle of a paragraph.
        assert_eq!(
            sentences("The firm said on Friday that it had\nalso cut 120 jobs in\nLeeds and York."),
            vec!["The firm said on Friday that it had\nalso cut 120 jobs in\nLeeds and York."]
        );
    }

    #[test]
    fn quotes_and_paragraphs() {
        assert_eq!(
            sentences("\"We grew.\" She left.\n\nHeadline 2016\n\nBody"),
            vec!["\"We grew.\"", "She left.", "Headline 2016", "Body"]
        );
        assert_eq!(
            sentences("It was 4.8 per cent. Then 5."),
            vec!["It was 4.8 per cent.", "Then 5."]
        );
    }
}
