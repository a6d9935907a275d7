//! `--format github`: GitHub Actions workflow commands, one `::error` (a
//! major inconsistency) or `::warning` (a minor one) per inconsistent check,
//! so the finding shows on the line of the pull request's diff.

use super::Report;
use crate::reconcile::Severity;
use std::io::{self, Write};

/// Escapes a message as the workflow-command syntax requires.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (also `:` and `,`, which delimit properties).
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for check in report.issues() {
        let level = match check.severity {
            Some(Severity::Minor) => "warning",
            _ => "error",
        };
        let mut props = vec![format!("file={}", property(&check.document))];
        if let Some(c) = check.claims.last().and_then(|id| report.claim(*id)) {
            props.push(format!("line={}", c.line));
            props.push(format!("col={}", c.column));
            props.push(format!(
                "endColumn={}",
                c.column + c.literal.chars().count()
            ));
        }
        props.push(format!(
            "title={}",
            property(&format!("figcheck {} ({})", check.rule, check.id))
        ));
        writeln!(
            out,
            "::{level} {}::{}",
            props.join(","),
            data(&check.explanation)
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(data("50%\nmore"), "50%25%0Amore");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
