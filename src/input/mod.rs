//! The input stage: turns files, standard input and batches into
//! [`Document`]s, each with its text and its publication (reference) date.
//!
//! A document keeps its original bytes. Its `text` has exactly the same
//! length, byte for byte, so every offset the extractor finds is an offset in
//! the original file: bytes that are not prose (markup, invalid UTF-8) are
//! replaced by ASCII of the same length rather than removed.

mod dateline;

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use serde::Serialize;
use std::io::Read;
use std::path::Path;

/// Where a document's reference date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// `--date` on the command line.
    Option,
    /// The document's own metadata (front matter, HTML meta, a batch field).
    Metadata,
    /// A dateline near the top of the text.
    Dateline,
    /// No date was found; relative periods stay unresolved.
    None,
}

/// One article, ready for extraction.
#[derive(Clone, Debug)]
pub struct Document {
    /// The name reports use: the path as given, `<stdin>`, or a record id.
    pub name: String,
    /// The original bytes.
    pub source: Vec<u8>,
    /// The prose, with the same byte length as `source`.
    pub text: String,
    pub reference_date: Option<NaiveDate>,
    pub date_source: DateSource,
    /// Dated updates inside the text ("Update, August 18, 2016:"): from each
    /// offset on, the given date is the reference date.
    pub updates: Vec<(usize, NaiveDate)>,
    /// Problems that did not stop the document from being checked.
    pub warnings: Vec<String>,
    line_starts: Vec<usize>,
}

/// How the input stage reads documents.
#[derive(Clone, Debug, Default)]
pub struct InputOptions {
    /// A publication date that overrides every other source.
    pub date: Option<NaiveDate>,
}

impl Document {
    /// A document from raw bytes; `text` must already have `source`'s length.
    pub fn new(name: impl Into<String>, source: Vec<u8>, text: String) -> Document {
        debug_assert_eq!(source.len(), text.len());
        let line_starts = std::iter::once(0)
            .chain(
                source
                    .iter()
                    .enumerate()
                    .filter(|(_, b)| **b == b'\n')
                    .map(|(i, _)| i + 1),
            )
            .collect();
        Document {
            name: name.into(),
            source,
            text,
            reference_date: None,
            date_source: DateSource::None,
            updates: Vec::new(),
            warnings: Vec::new(),
            line_starts,
        }
    }

    /// A plain-text document from bytes, decoding and dating it.
    pub fn from_bytes(name: impl Into<String>, source: Vec<u8>, opts: &InputOptions) -> Document {
        let name = name.into();
        let (text, lossy) = decode_same_length(&source);
        let mut doc = Document::new(name, source, text);
        if lossy {
            doc.warnings
                .push("not valid UTF-8; undecodable bytes were read as '?'".to_string());
        }
        doc.assign_date(opts.date, None);
        doc
    }

    /// Sets the reference date: the option first, then metadata, then a
    /// dateline in the text. Dated updates are always read from the text.
    pub fn assign_date(&mut self, option: Option<NaiveDate>, metadata: Option<NaiveDate>) {
        let (date, source) = if let Some(d) = option {
            (Some(d), DateSource::Option)
        } else if let Some(d) = metadata {
            (Some(d), DateSource::Metadata)
        } else if let Some(d) = dateline::find_dateline(&self.text) {
            (Some(d), DateSource::Dateline)
        } else {
            (None, DateSource::None)
        };
        self.reference_date = date;
        self.date_source = source;
        self.updates = dateline::find_updates(&self.text);
    }

    /// The reference date in force at a byte offset: the latest dated update
    /// before it, else the document's date.
    pub fn date_at(&self, offset: usize) -> Option<NaiveDate> {
        self.updates
            .iter()
            .rev()
            .find(|(at, _)| *at <= offset)
            .map(|(_, d)| *d)
            .or(self.reference_date)
    }

    /// 1-based line and column of a byte offset; columns count characters.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.source.len());
        let line = self.line_starts.partition_point(|&s| s <= offset);
        let start = self.line_starts[line - 1];
        let column = self.source[start..offset]
            .iter()
            .filter(|b| (**b & 0xC0) != 0x80)
            .count();
        (line, column + 1)
    }
}

/// Decodes UTF-8, replacing each byte of an invalid sequence by `?` so that
/// the text keeps the byte length (and offsets) of the source.
pub fn decode_same_length(bytes: &[u8]) -> (String, bool) {
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), false),
        Err(_) => {
            let mut out = String::with_capacity(bytes.len());
            for chunk in bytes.utf8_chunks() {
                out.push_str(chunk.valid());
                out.extend(std::iter::repeat_n('?', chunk.invalid().len()));
            }
            (out, true)
        }
    }
}

/// Whether bytes look like a binary file rather than text.
pub fn looks_binary(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(8192)].contains(&0)
}

/// Reads one input: a path, or `-` for standard input.
pub fn load(path: &str, opts: &InputOptions) -> Result<Vec<Document>> {
    let (name, bytes) = if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .context("cannot read standard input")?;
        ("<stdin>".to_string(), buf)
    } else {
        let p = Path::new(path);
        if p.is_dir() {
            bail!("{path}: is a directory");
        }
        let bytes = std::fs::read(p).with_context(|| format!("{path}: cannot read"))?;
        (path.to_string(), bytes)
    };
    if looks_binary(&bytes) {
        bail!("{name}: binary file, not checked");
    }
    Ok(vec![Document::from_bytes(name, bytes, opts)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_keeps_offsets() {
        let (text, lossy) = decode_same_length(b"caf\xe9 125,000");
        assert!(lossy);
        assert_eq!(text, "caf? 125,000");
    }

    #[test]
    fn lines_and_columns() {
        let doc = Document::new("t", "ab\néé 12\n".as_bytes().to_vec(), "ab\néé 12\n".into());
        assert_eq!(doc.line_col(0), (1, 1));
        assert_eq!(doc.line_col(3), (2, 1));
        // "12" follows two two-byte characters and a space.
        assert_eq!(doc.line_col(8), (2, 4));
    }

    #[test]
    fn updates_change_the_reference_date() {
        let text = "February 5, 2016\n\nFirst.\n\nUpdate, August 18, 2016: more.\n";
        let doc = Document::from_bytes("t", text.as_bytes().to_vec(), &InputOptions::default());
        assert_eq!(doc.date_source, DateSource::Dateline);
        assert_eq!(doc.date_at(20), NaiveDate::from_ymd_opt(2016, 2, 5));
        assert_eq!(doc.date_at(50), NaiveDate::from_ymd_opt(2016, 8, 18));
    }
}
