//! `--format jsonl`: one JSON object per line, each with a `type`: a
//! `document` line per document, a `claim` line per claim, a `check` line
//! per check and a closing `summary` line. In a batch, each document's lines
//! are written as soon as its report is ready, so a consumer can read the
//! stream as it comes.

use super::Report;
use super::encode::{Fields, Mark, Out, Seq, k};
use std::io::{self, Write};

/// `{"type":KIND,` followed by the item's own fields, on one line.
fn line(out: Out<'_>, kind: &str, item: &impl Fields) {
    let mut o = Seq::object(out);
    o.name(k!(3, "type"), kind);
    item.fields(&mut o);
    o.close();
}

pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    write_items(report, out)?;
    write_summary(report, out)
}

/// How much [`write_items_to`] gathers before it writes: the capacity of
/// the batch's buffered writer (`cli.rs`), which passes a write this large
/// straight through instead of copying it into its own buffer.
pub const SPILL: usize = 1 << 16;

/// The document, claim and check lines, without the closing summary.
pub fn write_items(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut buf = Vec::with_capacity(SPILL + (1 << 12));
    write_items_to(report, &mut buf, out)?;
    out.write_all(&buf)
}

/// The lines of [`write_items`], appended to `buf`, which goes to `out`
/// whenever it holds [`SPILL`] bytes; what is left stays in `buf`, for the
/// caller to write before anything else. A batch on one thread keeps one
/// buffer across its documents (a document's lines are a few tens of KB),
/// so its output reaches the buffered writer in pieces that pass straight
/// through: copying every byte once more had been 2.5% of its instructions.
pub fn write_items_to(report: &Report, buf: &mut Vec<u8>, out: &mut dyn Write) -> io::Result<()> {
    for (kind, item) in items(report) {
        line(Out::new(buf, None), kind, &Dyn(item));
        buf.push(b'\n');
        if buf.len() >= SPILL {
            out.write_all(buf)?;
            buf.clear();
        }
    }
    Ok(())
}

/// A report's document, claim and check records, in the order of their
/// lines, each with its line's `type`.
fn items(report: &Report) -> impl Iterator<Item = (&'static str, &dyn Fields)> {
    let documents = report
        .documents
        .iter()
        .map(|d| ("document", d as &dyn Fields));
    let claims = report.claims.iter().map(|c| ("claim", c as &dyn Fields));
    let checks = report.checks.iter().map(|k| ("check", k as &dyn Fields));
    documents.chain(claims).chain(checks)
}

/// The closing line alone (`--summary`).
pub fn write_summary(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut buf = Vec::with_capacity(256);
    line(Out::new(&mut buf, None), "summary", &report.summary);
    buf.push(b'\n');
    out.write_all(&buf)
}

/// A document's lines as [`write_items`] writes them, rendered before the
/// run knows how many claims and checks the documents ahead of it have:
/// a batch renders each document on the thread that checked it, and only
/// the numbers of its ids are left for the thread that writes in order.
/// Rendering there had been a tenth of a batch's work on one thread.
pub struct Rendered {
    bytes: Vec<u8>,
    marks: Vec<Mark>,
}

/// Renders the document, claim and check lines of a report with the
/// numbers of their ids left out.
pub fn render_items(report: &Report) -> Rendered {
    // A claim's line is some 600 bytes: reserved at once, the buffer is
    // not copied as it grows.
    let lines = report.documents.len() + report.claims.len() + report.checks.len();
    let mut bytes = Vec::with_capacity(lines * 768);
    let mut marks = Vec::new();
    for (kind, item) in items(report) {
        let out = Out {
            buf: &mut bytes,
            level: None,
            marks: Some(&mut marks),
        };
        line(out, kind, &Dyn(item));
        bytes.push(b'\n');
    }
    Rendered { bytes, marks }
}

impl Rendered {
    /// Writes the lines, each claim id's number moved on by `claims` and
    /// each check id's by `checks`: what [`write_items`] writes for the
    /// report after [`Report::renumber`]`(claims, checks)`.
    ///
    /// The pieces go straight to `out`, a buffered writer in a batch, so
    /// the thread that writes allocates nothing per document.
    pub fn write(&self, claims: usize, checks: usize, out: &mut dyn Write) -> io::Result<()> {
        let mut from = 0;
        for m in &self.marks {
            out.write_all(&self.bytes[from..m.at])?;
            // Claim ids are `Id<'c'>`, check ids `Id<'k'>`.
            let base = if m.prefix == 'c' { claims } else { checks };
            out.write_all(itoa::Buffer::new().format(m.n + base).as_bytes())?;
            from = m.at;
        }
        out.write_all(&self.bytes[from..])
    }
}

/// A record behind a reference to the trait, as a record.
struct Dyn<'a>(&'a dyn Fields);

impl Fields for Dyn<'_> {
    fn fields(&self, o: &mut Seq<'_>) {
        self.0.fields(o)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Document;

    #[test]
    fn lines_through_one_buffer_are_each_reports_lines() {
        // Reports of a few lines and of more than one spill, in turn.
        let small = "The firm cut 120 jobs in May, up from 80 in April.";
        let large = small.repeat(400);
        let reports: Vec<Report> = [small, large.as_str(), small, small, large.as_str()]
            .iter()
            .map(|t| {
                let doc = Document::new("d.txt", t.as_bytes().to_vec(), t.to_string());
                crate::check(std::slice::from_ref(&doc), &crate::Options::default())
            })
            .collect();
        let mut want = Vec::new();
        for r in &reports {
            write_items(r, &mut want).unwrap();
        }
        assert!(want.len() > 2 * SPILL);
        let (mut got, mut pending) = (Vec::new(), Vec::new());
        for r in &reports {
            write_items_to(r, &mut pending, &mut got).unwrap();
            assert!(pending.len() < SPILL);
        }
        got.extend_from_slice(&pending);
        assert_eq!(got, want);
    }

    #[test]
    fn rendered_lines_are_the_renumbered_reports_lines() {
        let text = "Social network suspends 235,000 more accounts\n\n\
            It suspended another 235,000 accounts over the previous six months, which, \
            added to the 125,000 it closed between mid-2015 and February, brings the \
            total so far to 380,000. The 1,204 men and 977 women, 2,181 people in all, \
            left; \"quotes\" and a tab\there stay escaped.";
        let doc = Document::new("d \"1\".txt", text.as_bytes().to_vec(), text.to_string());
        let report = crate::check(std::slice::from_ref(&doc), &crate::Options::default());
        assert!(!report.checks.is_empty() && report.claims.len() > 5);
        let rendered = render_items(&report);
        for (claims, checks) in [(0, 0), (7, 3), (9, 99), (123_456, 1), (usize::MAX / 2, 5)] {
            let mut want = Vec::new();
            let mut moved = report.clone();
            moved.renumber(claims, checks);
            write_items(&moved, &mut want).unwrap();
            let mut got = Vec::new();
            rendered.write(claims, checks, &mut got).unwrap();
            assert_eq!(
                String::from_utf8(got).unwrap(),
                String::from_utf8(want).unwrap(),
                "{claims} {checks}"
            );
        }
    }
}
