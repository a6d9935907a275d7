//! Inline suppression: `<!-- figcheck-ignore-next -->` before a paragraph
//! silences every check that involves a figure in that paragraph;
//! `<!-- figcheck-ignore-next sum -->` silences only the named rules.

use regex::Regex;
use std::sync::LazyLock;

const KEYWORD: &str = "figcheck-ignore-next";

/// A suppression comment as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Directive {
    /// Byte offset of the comment's end: the region it covers starts here.
    pub after: usize,
    /// Byte offset of the comment itself, for messages.
    pub at: usize,
    /// Rule ids; empty means every rule.
    pub rules: Vec<String>,
}

/// A directive resolved to the stretch of text it covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suppression {
    pub at: usize,
    /// The covered byte range: the next paragraph after the comment.
    pub start: usize,
    pub end: usize,
    pub rules: Vec<String>,
}

impl Suppression {
    /// Whether it silences a rule's check on a figure at `offset`.
    pub fn covers(&self, rule: &str, offset: usize) -> bool {
        (self.start..self.end).contains(&offset)
            && (self.rules.is_empty() || self.rules.iter().any(|r| r == rule))
    }
}

/// Reads a comment's content (without `<!--` and `-->`).
pub fn directive(comment: &str, at: usize, after: usize) -> Option<Directive> {
    let rest = comment.trim().strip_prefix(KEYWORD)?;
    if rest.starts_with(|c: char| c.is_alphanumeric() || c == '-' || c == '_') {
        return None;
    }
    let rules = rest
        .trim_start_matches(':')
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    Some(Directive { after, at, rules })
}

/// Every directive in a stretch of raw markup that starts at `offset`.
pub fn in_markup(markup: &str, offset: usize) -> Vec<Directive> {
    static COMMENT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?s)<!--(.*?)-->").expect("comment pattern"));
    if !markup.contains(KEYWORD) {
        return Vec::new();
    }
    COMMENT
        .captures_iter(markup)
        .filter_map(|c| {
            let whole = c.get(0)?;
            directive(
                c.get(1)?.as_str(),
                offset + whole.start(),
                offset + whole.end(),
            )
        })
        .collect()
}

/// Resolves each directive to the paragraph of prose that follows it.
pub fn resolve(text: &str, directives: &[Directive]) -> Vec<Suppression> {
    directives
        .iter()
        .map(|d| {
            let (start, end) = next_paragraph(text, d.after);
            Suppression {
                at: d.at,
                start,
                end,
                rules: d.rules.clone(),
            }
        })
        .collect()
}

/// The next stretch of prose from `from` up to a blank line.
fn next_paragraph(text: &str, from: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let from = from.min(bytes.len());
    let start = (from..bytes.len())
        .find(|&i| !bytes[i].is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let mut i = start;
    while i < bytes.len() {
        if bytes[i] == b'\n' {
            let mut j = i + 1;
            while j < bytes.len() && matches!(bytes[j], b' ' | b'\t' | b'\r') {
                j += 1;
            }
            if j < bytes.len() && bytes[j] == b'\n' {
                return (start, i);
            }
        }
        i += 1;
    }
    (start, bytes.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_directives() {
        let d = in_markup("<!-- figcheck-ignore-next -->", 10).remove(0);
        assert_eq!((d.at, d.after, d.rules.len()), (10, 39, 0));
        let d = in_markup("<!--figcheck-ignore-next: sum, share-->", 0).remove(0);
        assert_eq!(d.rules, vec!["sum", "share"]);
        assert!(in_markup("<!-- figcheck-ignore-nextfoo -->", 0).is_empty());
        assert!(in_markup("<!-- a note -->", 0).is_empty());
    }

    #[test]
    fn covers_the_next_paragraph_only() {
        let text = "                 \n\nFirst 5.\nStill first.\n\nSecond 6.";
        let d = Directive {
            after: 17,
            at: 0,
            rules: vec![],
        };
        let s = resolve(text, &[d]).remove(0);
        assert!(s.covers("sum", text.find("5.").unwrap()));
        assert!(s.covers("sum", text.find("Still").unwrap()));
        assert!(!s.covers("sum", text.find("6.").unwrap()));
    }
}
