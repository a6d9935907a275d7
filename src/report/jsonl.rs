//! `--format jsonl`: one JSON object per line, each with a `type`: a
//! `document` line per document, a `claim` line per claim, a `check` line
//! per check and a closing `summary` line. In a batch, each document's lines
//! are written as soon as its report is ready, so a consumer can read the
//! stream as it comes.

use super::Report;
use super::encode::{Fields, Out, Seq, k};
use std::io::{self, Write};

/// `{"type":KIND,` followed by the item's own fields, on one line.
fn line(buf: &mut Vec<u8>, kind: &str, item: &impl Fields) {
    let mut o = Seq::object(Out { buf, level: None });
    o.name(k!(3, "type"), kind);
    item.fields(&mut o);
    o.close();
    buf.push(b'\n');
}

pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    write_items(report, out)?;
    write_summary(report, out)
}

/// The document, claim and check lines, without the closing summary: for a
/// batch streamed one document at a time.
pub fn write_items(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut buf = Vec::with_capacity(1 << 16);
    let mut each = |kind: &str, item: &dyn Fields| -> io::Result<()> {
        line(&mut buf, kind, &Dyn(item));
        if buf.len() >= 1 << 15 {
            out.write_all(&buf)?;
            buf.clear();
        }
        Ok(())
    };
    for d in &report.documents {
        each("document", d)?;
    }
    for c in &report.claims {
        each("claim", c)?;
    }
    for k in &report.checks {
        each("check", k)?;
    }
    out.write_all(&buf)
}

/// The closing line alone (`--summary`).
pub fn write_summary(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut buf = Vec::with_capacity(256);
    line(&mut buf, "summary", &report.summary);
    out.write_all(&buf)
}

/// A record behind a reference to the trait, as a record.
struct Dyn<'a>(&'a dyn Fields);

impl Fields for Dyn<'_> {
    fn fields(&self, o: &mut Seq<'_>) {
        self.0.fields(o)
    }
}
