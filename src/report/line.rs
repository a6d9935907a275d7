//! `--format line`: `path:line:col: inconsistent: explanation`, one line per
//! inconsistent check, at the stated figure, for editors' problem matchers
//! and grep.

use super::Report;
use std::io::{self, Write};

pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for check in report.issues() {
        let (line, column) = check
            .claims
            .last()
            .and_then(|id| report.claim(*id))
            .map_or((1, 1), |c| (c.line, c.column));
        writeln!(
            out,
            "{}:{line}:{column}: inconsistent: {} [{}, {}]",
            check.document,
            one_line(&check.explanation),
            check.rule,
            Report::severity_name(check.severity)
        )?;
    }
    Ok(())
}

/// Text on one line, whatever it holds.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
