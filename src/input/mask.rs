//! Same-length prose: markup is blanked out, never removed.
//!
//! Every offset the extractor reports must be an offset in the original
//! file, so the prose of a Markdown or HTML document is built over a copy of
//! the source in which every byte starts as a space (newlines stay, so lines
//! keep their numbers) and only the bytes that are prose are copied back.
//! Decoded entities are written over their references and padded with
//! spaces; block boundaries become blank lines written over the markup that
//! marks them.

use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

pub struct Mask<'a> {
    source: &'a str,
    out: Vec<u8>,
    /// Which bytes hold prose (copied or decoded) rather than blanks.
    prose: Vec<bool>,
}

impl<'a> Mask<'a> {
    /// Starts with nothing but the source's line structure.
    pub fn new(source: &'a str) -> Mask<'a> {
        let out = source
            .bytes()
            .map(|b| if b == b'\n' || b == b'\r' { b } else { b' ' })
            .collect();
        Mask {
            source,
            out,
            prose: vec![false; source.len()],
        }
    }

    /// Copies a range of the source as prose.
    pub fn keep(&mut self, range: Range<usize>) {
        let Some(r) = self.clamp(range) else { return };
        self.out[r.clone()].copy_from_slice(&self.source.as_bytes()[r.clone()]);
        self.prose[r].fill(true);
    }

    /// Writes decoded text over a range of markup (an entity reference),
    /// padded with spaces. A currency sign is padded before, so it stays
    /// next to the amount it precedes; anything else after, so it stays next
    /// to what it follows ("5&#37;"). Text longer than the range is replaced
    /// by the nearest thing that fits: a space.
    pub fn put(&mut self, range: Range<usize>, text: &str) {
        let Some(r) = self.clamp(range) else { return };
        let text = if text.len() <= r.len() { text } else { " " };
        let start = if text.starts_with(is_currency) {
            r.end - text.len()
        } else {
            r.start
        };
        self.out[r.clone()].fill(b' ');
        self.out[start..start + text.len()].copy_from_slice(text.as_bytes());
        self.prose[r].fill(true);
    }

    /// Copies prose whose decoded form may differ from its source (escapes,
    /// entities): the common prefix and suffix stay in place and the
    /// differing middle is written over what is left.
    pub fn align(&mut self, range: Range<usize>, decoded: &str) {
        let Some(r) = self.clamp(range) else { return };
        let raw = &self.source[r.clone()];
        if raw == decoded {
            self.keep(r);
            return;
        }
        let prefix = common_prefix(raw, decoded);
        let suffix = common_suffix(&raw[prefix..], &decoded[prefix..]);
        self.keep(r.start..r.start + prefix);
        self.keep(r.end - suffix..r.end);
        self.put(
            r.start + prefix..r.end - suffix,
            &decoded[prefix..decoded.len() - suffix],
        );
    }

    /// Marks a block boundary inside a range of markup: two newlines over
    /// the first two blank bytes in a row, so the prose on either side falls
    /// into separate paragraphs. Does nothing when the markup is too short.
    pub fn paragraph_break(&mut self, range: Range<usize>) {
        self.write_breaks(range, 2);
    }

    /// Marks a line break inside a range of markup.
    pub fn line_break(&mut self, range: Range<usize>) {
        self.write_breaks(range, 1);
    }

    fn write_breaks(&mut self, range: Range<usize>, count: usize) {
        let Some(r) = self.clamp(range) else { return };
        let blank = |i: usize| !self.prose[i] && self.out[i] == b' ';
        let Some(at) = r
            .clone()
            .take(r.len().saturating_sub(count - 1))
            .find(|&i| (i..i + count).all(blank))
        else {
            return;
        };
        self.out[at..at + count].fill(b'\n');
    }

    /// Blanks bare web addresses in the prose: digits in a URL are not
    /// figures.
    pub fn blank_urls(&mut self) {
        static URL: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)(?-u:\b)(?:https?://|www\.)[^\s<>()\[\]]+").expect("url pattern")
        });
        let text = String::from_utf8_lossy(&self.out).into_owned();
        for m in URL.find_iter(&text) {
            for i in m.range() {
                if self.out[i] != b'\n' && self.out[i] != b'\r' {
                    self.out[i] = b' ';
                }
            }
        }
    }

    /// The prose, the same length as the source.
    pub fn finish(self) -> String {
        match String::from_utf8(self.out) {
            Ok(s) => s,
            // Only a range split inside a character can get here; the
            // same-length decoder keeps the offsets all the same.
            Err(e) => super::decode_same_length(e.as_bytes()).0,
        }
    }

    fn clamp(&self, r: Range<usize>) -> Option<Range<usize>> {
        let end = r.end.min(self.source.len());
        (r.start < end).then_some(r.start..end)
    }
}

fn is_currency(c: char) -> bool {
    matches!(
        c,
        '$' | '£' | '€' | '¥' | '₹' | '₩' | '₽' | '₺' | '₪' | '¢' | '₦' | '₱'
    )
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i)
}

fn common_suffix(a: &str, b: &str) -> usize {
    let mut n = 0;
    for (x, y) in a.chars().rev().zip(b.chars().rev()) {
        if x != y {
            break;
        }
        n += x.len_utf8();
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_blanked_and_lines_kept() {
        let src = "<p>125\n</p>";
        let mut m = Mask::new(src);
        m.keep(3..6);
        assert_eq!(m.finish(), "   125\n    ");
    }

    #[test]
    fn decoded_text_is_aligned() {
        let src = "a &amp; b";
        let mut m = Mask::new(src);
        m.align(0..src.len(), "a & b");
        let out = m.finish();
        assert_eq!(out.len(), src.len());
        assert_eq!(out, "a &     b");
    }

    #[test]
    fn currency_signs_stay_by_their_amount() {
        let src = "&pound;5m and 5&#37;";
        let mut m = Mask::new(src);
        m.align(0..7, "£");
        m.keep(7..15);
        m.align(15..src.len(), "%");
        assert_eq!(m.finish(), "     £5m and 5%    ");
    }

    #[test]
    fn escapes_keep_the_rest_in_place() {
        let src = r"\*5 cats";
        let mut m = Mask::new(src);
        m.align(0..src.len(), "*5 cats");
        assert_eq!(m.finish(), " *5 cats");
    }

    #[test]
    fn breaks_only_over_markup() {
        let src = "One.</p><p>Two.";
        let mut m = Mask::new(src);
        m.keep(0..4);
        m.keep(11..15);
        m.paragraph_break(4..8);
        assert_eq!(m.finish(), "One.\n\n     Two.");
    }

    #[test]
    fn urls_are_blanked() {
        let src = "See https://example.com/2016/360000 for 5 more.";
        let mut m = Mask::new(src);
        m.keep(0..src.len());
        m.blank_urls();
        let out = m.finish();
        assert!(!out.contains("360000"));
        assert!(out.contains("for 5 more."));
    }
}
