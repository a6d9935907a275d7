//! `--format json`: the whole report as one JSON document (the contract in
//! docs/output.md), pretty-printed with two-space indentation exactly as
//! serde_json prints the report's serde form.

use super::Report;
use super::encode::{Fields, Key, Out, Seq, k};
use std::io::{self, Write};

pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut buf = Vec::with_capacity(1 << 17);
    let mut top = Seq::object(Out::new(&mut buf, Some(0)));
    top.usize(k!(1, "version"), report.version as usize);
    list(&mut top, k!(1, "documents"), &report.documents, out)?;
    list(&mut top, k!(1, "claims"), &report.claims, out)?;
    list(&mut top, k!(1, "checks"), &report.checks, out)?;
    report.summary.encode(top.key(k!(1, "summary")));
    top.close();
    buf.push(b'\n');
    out.write_all(&buf)?;
    out.flush()
}

/// One of the report's lists, written out as it grows.
fn list(top: &mut Seq<'_>, key: Key, items: &[impl Fields], out: &mut dyn Write) -> io::Result<()> {
    let mut a = Seq::array(top.key(key));
    for item in items {
        item.encode(a.element());
        a.spill(out)?;
    }
    a.close();
    Ok(())
}
