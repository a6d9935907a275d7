//! The input stage: turns files, standard input and batches into
//! [`Document`]s, each with its text and its publication (reference) date.
//!
//! A document keeps its original bytes. Its `text` has exactly the same
//! length, byte for byte, so every offset the extractor finds is an offset in
//! the original file: bytes that are not prose (markup, invalid UTF-8) are
//! replaced by ASCII of the same length rather than removed.

mod dateline;
pub mod html;
pub mod jsonl;
pub mod markdown;
mod mask;
pub mod stream;
pub mod suppress;

use anyhow::{Context, Result, anyhow};
use chrono::NaiveDate;
use serde::Serialize;
use std::io::Read;
use std::path::Path;

pub use jsonl::Fields;
pub use suppress::Suppression;

/// How a source is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InputFormat {
    Text,
    Markdown,
    Html,
    Jsonl,
}

impl InputFormat {
    /// The format a file name's extension stands for, if it names one.
    pub fn from_extension(path: &str) -> Option<InputFormat> {
        let ext = Path::new(path).extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "md" | "markdown" | "mdown" | "mkd" | "mdx" => InputFormat::Markdown,
            "html" | "htm" | "xhtml" => InputFormat::Html,
            "jsonl" | "ndjson" => InputFormat::Jsonl,
            "txt" | "text" => InputFormat::Text,
            _ => return None,
        })
    }
}

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
    /// The original bytes, when they differ from `text` (markup, or bytes
    /// that were not UTF-8); see [`Document::source`]. Most documents are
    /// plain text, and holding their bytes twice would double the largest
    /// thing a huge document keeps.
    source: Option<Vec<u8>>,
    /// The prose, with the same byte length as the source.
    pub text: String,
    pub reference_date: Option<NaiveDate>,
    pub date_source: DateSource,
    /// Dated updates inside the text ("Update, August 18, 2016:"): from each
    /// offset on, the given date is the reference date.
    pub updates: Vec<(usize, NaiveDate)>,
    /// Problems that did not stop the document from being checked.
    pub warnings: Vec<String>,
    /// Inline `figcheck-ignore-next` comments and what they cover.
    pub suppressions: Vec<Suppression>,
    line_starts: Vec<usize>,
}

/// How the input stage reads documents.
#[derive(Clone, Debug, Default)]
pub struct InputOptions {
    /// A publication date that overrides every other source.
    pub date: Option<NaiveDate>,
    /// Read every input in this format instead of going by extension.
    pub format: Option<InputFormat>,
    /// Field names of JSON Lines records.
    pub fields: Fields,
}

impl Document {
    /// A document from raw bytes; `text` must already have `source`'s length.
    pub fn new(name: impl Into<String>, source: Vec<u8>, text: String) -> Document {
        debug_assert_eq!(source.len(), text.len());
        let source = (source != text.as_bytes()).then_some(source);
        Document::with_source(name.into(), source, text)
    }

    /// `source` is `None` when the bytes are the text's own.
    fn with_source(name: String, source: Option<Vec<u8>>, text: String) -> Document {
        let line_starts = std::iter::once(0)
            .chain(
                memchr::memchr_iter(b'\n', source.as_deref().unwrap_or(text.as_bytes()))
                    .map(|i| i + 1),
            )
            .collect();
        Document {
            name,
            source,
            text,
            reference_date: None,
            date_source: DateSource::None,
            updates: Vec::new(),
            warnings: Vec::new(),
            suppressions: Vec::new(),
            line_starts,
        }
    }

    /// A plain-text document from bytes, decoding and dating it.
    pub fn from_bytes(name: impl Into<String>, source: Vec<u8>, opts: &InputOptions) -> Document {
        let name = name.into();
        let mut doc = match String::from_utf8(source) {
            // Valid UTF-8 is its own text: no copy.
            Ok(text) => Document::with_source(name, None, text),
            Err(e) => {
                let source = e.into_bytes();
                let (text, _) = decode_same_length(&source);
                let mut doc = Document::with_source(name, Some(source), text);
                doc.warnings
                    .push("not valid UTF-8; undecodable bytes were read as '?'".to_string());
                doc
            }
        };
        doc.assign_date(opts.date, None);
        doc
    }

    /// The original bytes, with the same length as `text`.
    pub fn source(&self) -> &[u8] {
        self.source.as_deref().unwrap_or(self.text.as_bytes())
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
        let source = self.source();
        let offset = offset.min(source.len());
        let line = self.line_starts.partition_point(|&s| s <= offset);
        let start = self.line_starts[line - 1];
        (line, count_chars(&source[start..offset]) + 1)
    }
}

/// Lines and columns of offsets taken in increasing order, in time linear
/// in the text: [`Document::line_col`] counts from the start of the line
/// each time, which on a long line makes every figure cost the whole line.
pub struct Positions<'a> {
    doc: &'a Document,
    offset: usize,
    line: usize,
    column: usize,
}

impl<'a> Positions<'a> {
    pub fn new(doc: &'a Document) -> Positions<'a> {
        Positions {
            doc,
            offset: 0,
            line: 1,
            column: 1,
        }
    }

    /// 1-based line and column of a byte offset, as [`Document::line_col`].
    pub fn at(&mut self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.doc.text.len());
        if offset < self.offset {
            (self.line, self.column) = self.doc.line_col(offset);
        } else {
            // Walked rather than searched: claims come in text order, and a
            // search of a long document's lines missed the cache each step.
            let mut line = self.line;
            while self.doc.line_starts.get(line).is_some_and(|&s| s <= offset) {
                line += 1;
            }
            let from = if line == self.line {
                self.offset
            } else {
                self.column = 1;
                self.doc.line_starts[line - 1]
            };
            self.column += count_chars(&self.doc.source()[from..offset]);
            self.line = line;
        }
        self.offset = offset;
        (self.line, self.column)
    }
}

fn count_chars(bytes: &[u8]) -> usize {
    // Most stretches between figures are ASCII, one character a byte, and
    // are short: the check of eight bytes at a time beats the count, whose
    // vector loop a stretch of some hundred bytes barely starts.
    if bytes.is_ascii() {
        return bytes.len();
    }
    // Summed, not filtered and counted, so that it runs on whole vectors.
    bytes.iter().map(|&b| usize::from((b & 0xC0) != 0x80)).sum()
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

/// A date at the start of a metadata value: "2016-08-18", or a timestamp
/// such as "2016-08-18T09:00:00-07:00" (the date as written, in the
/// publisher's own time zone).
pub fn iso_date_prefix(value: &str) -> Option<NaiveDate> {
    let head = value.get(..10)?;
    let rest = &value[10..];
    if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return None;
    }
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}

/// Documents read from the inputs, and what could not be read.
#[derive(Debug, Default)]
pub struct Loaded {
    pub documents: Vec<Document>,
    /// Inputs (or batch records) that could not be read; each names its
    /// file.
    pub errors: Vec<anyhow::Error>,
    /// Files a directory walk passed over (binary files), for the record.
    pub skipped: Vec<String>,
}

impl Loaded {
    /// The documents, or the first error when anything could not be read.
    pub fn into_result(self) -> Result<Vec<Document>> {
        match self.errors.into_iter().next() {
            Some(e) => Err(e),
            None => Ok(self.documents),
        }
    }

    fn absorb(&mut self, other: Loaded) {
        self.documents.extend(other.documents);
        self.errors.extend(other.errors);
        self.skipped.extend(other.skipped);
    }
}

/// Reads every input in order: files, `-` for standard input, and
/// directories (walked recursively in name order, honouring .gitignore and
/// .ignore files, skipping hidden files and files of no known format).
pub fn load_all(paths: &[String], opts: &InputOptions) -> Loaded {
    let mut all = Loaded::default();
    for p in paths {
        all.absorb(load(p, opts));
    }
    all
}

/// Reads one input: a file, `-` for standard input, or a directory.
pub fn load(path: &str, opts: &InputOptions) -> Loaded {
    if path != "-" && Path::new(path).is_dir() {
        return walk(path, opts);
    }
    let mut out = Loaded::default();
    match read(path) {
        Ok((name, bytes)) => {
            if looks_binary(&bytes) {
                out.errors.push(anyhow!("{name}: binary file, not checked"));
            } else {
                let (docs, errors) = from_source(name, bytes, format_of(path, opts), opts);
                out.documents = docs;
                out.errors = errors;
            }
        }
        Err(e) => out.errors.push(e),
    }
    out
}

fn read(path: &str) -> Result<(String, Vec<u8>)> {
    if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .context("cannot read standard input")?;
        return Ok(("<stdin>".to_string(), buf));
    }
    let bytes = std::fs::read(path).with_context(|| format!("{path}: cannot read"))?;
    Ok((path.to_string(), bytes))
}

fn walk(dir: &str, opts: &InputOptions) -> Loaded {
    let mut out = Loaded::default();
    for entry in walker(dir, opts) {
        match entry {
            Ok(path) => out.absorb(load_walked(&path, opts)),
            Err(e) => out.errors.push(e),
        }
    }
    out
}

/// The files a directory walk reads, in order: recursively in name order,
/// honouring .gitignore and .ignore files, skipping hidden files and (unless
/// a format is forced) files of no known format.
fn walker<'a>(dir: &'a str, opts: &'a InputOptions) -> impl Iterator<Item = Result<String>> + 'a {
    let walker = ignore::WalkBuilder::new(dir)
        .hidden(true)
        .require_git(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .build();
    let mut found = false;
    let mut files = walker.filter_map(move |entry| {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => return Some(Err(anyhow!("{dir}: {e}"))),
        };
        if !entry.file_type().is_some_and(|t| t.is_file()) {
            return None;
        }
        let Some(path) = entry.path().to_str() else {
            return Some(Err(anyhow!(
                "{}: the path is not UTF-8, not checked",
                entry.path().display()
            )));
        };
        let known = InputFormat::from_extension(path).is_some();
        (known || opts.format.is_some()).then(|| Ok(path.to_string()))
    });
    // A folder with nothing to read is most likely the wrong folder; an
    // empty report would pass for a clean one.
    std::iter::from_fn(move || match files.next() {
        Some(item) => {
            found = true;
            Some(item)
        }
        None if !found => {
            found = true;
            Some(Err(anyhow!(
                "{dir}: no files to check in this directory (.txt, .md, .html, .jsonl)"
            )))
        }
        None => None,
    })
}

/// A file found by a directory walk: a binary file is passed over, not an
/// error.
fn load_walked(path: &str, opts: &InputOptions) -> Loaded {
    let mut one = load(path, opts);
    if one.documents.is_empty()
        && one.errors.len() == 1
        && one.errors[0]
            .to_string()
            .ends_with("binary file, not checked")
    {
        one.errors.clear();
        one.skipped.push(path.to_string());
    }
    one
}

/// How a path is read: `--input-format`, else its extension, else text.
fn format_of(path: &str, opts: &InputOptions) -> InputFormat {
    opts.format
        .or_else(|| InputFormat::from_extension(path))
        .unwrap_or(InputFormat::Text)
}

/// Documents from one source's bytes, read in the given format.
pub fn from_source(
    name: String,
    bytes: Vec<u8>,
    format: InputFormat,
    opts: &InputOptions,
) -> (Vec<Document>, Vec<anyhow::Error>) {
    match format {
        InputFormat::Text => (vec![Document::from_bytes(name, bytes, opts)], Vec::new()),
        InputFormat::Jsonl => {
            let (text, _) = decode_same_length(&bytes);
            jsonl::parse(&name, &text, opts)
        }
        InputFormat::Markdown | InputFormat::Html => {
            let (decoded, lossy) = decode_same_length(&bytes);
            let (text, date, directives) = if format == InputFormat::Markdown {
                let p = markdown::parse(&decoded);
                (p.text, p.date, p.directives)
            } else {
                let p = html::parse(&decoded);
                (p.text, p.date, p.directives)
            };
            let mut doc = Document::new(name, bytes, text);
            if lossy {
                doc.warnings
                    .push("not valid UTF-8; undecodable bytes were read as '?'".to_string());
            }
            doc.suppressions = suppress::resolve(&doc.text, &directives);
            doc.assign_date(opts.date, date);
            (vec![doc], Vec::new())
        }
    }
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
    fn characters_are_counted_in_ascii_and_other_text() {
        for s in [
            "",
            "a",
            "125,000 accounts",
            "café",
            "ééé",
            "€5bn, ½ of it",
            "Zürich 3 日本",
        ] {
            let long = s.repeat(40);
            assert_eq!(count_chars(s.as_bytes()), s.chars().count(), "{s:?}");
            assert_eq!(count_chars(long.as_bytes()), long.chars().count(), "{s:?}");
        }
        // Bytes that are not UTF-8: each that does not continue a sequence.
        assert_eq!(count_chars(b"caf\xe9\xe9 12"), 8);
    }

    #[test]
    fn positions_agree_with_line_col() {
        let text = "ab\néé 12\n\nx é 3 and 4\nlast 5";
        let doc = Document::new("t", text.as_bytes().to_vec(), text.into());
        let mut pos = Positions::new(&doc);
        let offsets: Vec<usize> = (0..=text.len()).chain([4, 2, 30, 17, 99]).collect();
        for o in offsets {
            assert_eq!(pos.at(o), doc.line_col(o), "offset {o}");
        }
    }

    #[test]
    fn plain_text_is_held_once() {
        let bytes = "The firm cut 120 jobs.\n".as_bytes().to_vec();
        let buffer = bytes.as_ptr();
        let doc = Document::from_bytes("t", bytes, &InputOptions::default());
        assert_eq!(doc.text.as_ptr(), buffer);
        assert_eq!(doc.source().as_ptr(), buffer);
        // Bytes that are not UTF-8 keep their own copy, and their columns.
        let doc = Document::from_bytes("t", b"caf\xe9\xe9 12".to_vec(), &InputOptions::default());
        assert_eq!(doc.source(), b"caf\xe9\xe9 12");
        assert_eq!(doc.text, "caf?? 12");
        assert_eq!(doc.line_col(6), (1, 7));
        assert_eq!(doc.warnings.len(), 1);
        // Markup keeps its source beside the prose.
        let doc = Document::new("t", b"<b>12</b>".to_vec(), "   12    ".into());
        assert_eq!(doc.source(), b"<b>12</b>");
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

#[cfg(test)]
mod same_length {
    /// Every reader keeps the source's byte length on arbitrary markup soup.
    #[test]
    fn soup_keeps_its_length() {
        const PIECES: &[&str] = &[
            "<p>",
            "</p>",
            "<div hidden>",
            "</div>",
            "<script>",
            "</script>",
            "<!--",
            "-->",
            "<!-- figcheck-ignore-next sum -->",
            "&amp;",
            "&#36;",
            "&#x1F600;",
            "&#99999999;",
            "&notit;",
            "&",
            "<",
            ">",
            "é",
            "€",
            "1,204",
            " 977 ",
            "\n",
            "\n\n",
            "\r\n",
            "`",
            "```",
            "# ",
            "- ",
            "[a](http://x.io/5)",
            "<https://y.io/6>",
            "---\n",
            "date: 2016-02-05\n",
            "|",
            "*",
            "\\",
            "<header>",
            "</header>",
            "<article>",
            "<br>",
            "<td>",
            "<time datetime=\"2016-01-01\">",
            "<meta property=\"article:published_time\" content=\"2016-08-18\">",
            "\u{a0}",
            "\0",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..3000 {
            let mut s = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let n = (seed % 40) as usize;
            for _ in 0..n {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push_str(PIECES[(seed % PIECES.len() as u64) as usize]);
            }
            let md = super::markdown::parse(&s);
            assert_eq!(md.text.len(), s.len(), "markdown: {s:?}");
            let html = super::html::parse(&s);
            assert_eq!(html.text.len(), s.len(), "html: {s:?}");
            for (a, b) in s
                .bytes()
                .zip(html.text.bytes())
                .chain(s.bytes().zip(md.text.bytes()))
            {
                // Line structure is never changed, only added to.
                if a == b'\n' {
                    assert_eq!(b, b'\n', "{s:?}");
                }
            }
        }
    }
}
