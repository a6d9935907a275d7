//! `--format table`: a table of claims for people, then each check with its
//! arithmetic, then the counts.

use super::{ClaimRecord, ClaimStatus, Num, Report, Show};
use crate::reconcile::Status;
use comfy_table::{Cell, Color, ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};
use owo_colors::OwoColorize;
use std::io::{self, Write};

/// How to draw the table.
#[derive(Clone, Copy, Debug, Default)]
pub struct TableOptions {
    /// Colour by status (the caller decides from the terminal and NO_COLOR).
    pub color: bool,
    /// Which claims the table lists.
    pub show: Show,
}

fn status_cell(s: ClaimStatus) -> Cell {
    match s {
        ClaimStatus::Ok => Cell::new("OK").fg(Color::Green),
        ClaimStatus::Inconsistent => Cell::new("inconsistent").fg(Color::Red),
        ClaimStatus::Unchecked => Cell::new("unchecked"),
    }
}

fn check_status(s: Status, color: bool) -> String {
    match (s, color) {
        (Status::Ok, false) => "OK".into(),
        (Status::Inconsistent, false) => "inconsistent".into(),
        (Status::Ok, true) => "OK".green().to_string(),
        (Status::Inconsistent, true) => "inconsistent".red().bold().to_string(),
    }
}

fn value_text(c: &ClaimRecord) -> String {
    let n = |x: &Option<Num>| x.as_ref().map(|n| n.to_string());
    match (n(&c.low), n(&c.high)) {
        _ if c.problem.is_some() => c.problem.as_deref().unwrap_or_default().to_string(),
        (Some(l), Some(h)) if l == h => l,
        (Some(l), Some(h)) => format!(
            "{}{l}, {h}{}",
            if c.low_inclusive { '[' } else { '(' },
            if c.high_inclusive { ']' } else { ')' }
        ),
        (Some(l), None) => format!("{}{l}, ∞)", if c.low_inclusive { '[' } else { '(' }),
        (None, Some(h)) => format!("(-∞, {h}{}", if c.high_inclusive { ']' } else { ')' }),
        (None, None) => "?".into(),
    }
}

pub fn write(report: &Report, opts: TableOptions, out: &mut dyn Write) -> io::Result<()> {
    let many = report.documents.len() > 1;
    let mut listed = report.clone();
    listed.retain_claims(opts.show);
    if !listed.claims.is_empty() {
        let mut table = Table::new();
        table
            .load_style(UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(120)
            .set_header([
                "id", "where", "claim", "interval", "unit", "period", "status",
            ]);
        // The caller has decided about colour; the table must not guess
        // from the terminal itself.
        if opts.color {
            table.enforce_styling();
        } else {
            table.force_no_tty();
        }
        for c in &listed.claims {
            let place = if many {
                format!("{}:{}:{}", c.document, c.line, c.column)
            } else {
                format!("{}:{}", c.line, c.column)
            };
            let unit = match (&c.unit, &c.currency) {
                (Some(u), _) => u.clone(),
                (None, Some(cur)) => cur.clone(),
                _ => match c.quantity {
                    crate::extract::Quantity::Percent => "%".into(),
                    crate::extract::Quantity::Points => "points".into(),
                    _ => String::new(),
                },
            };
            let period = c
                .period
                .as_ref()
                .map(|p| {
                    format!(
                        "{} [{} – {})",
                        p.text,
                        p.start.map_or("…".to_string(), |d| d.to_string()),
                        p.end.map_or("…".to_string(), |d| d.to_string())
                    )
                })
                .unwrap_or_default();
            table.add_row(vec![
                Cell::new(c.id),
                Cell::new(place),
                Cell::new(&c.text),
                Cell::new(value_text(c)),
                Cell::new(unit),
                Cell::new(period),
                status_cell(c.status),
            ]);
        }
        writeln!(out, "{table}")?;
    }
    for k in &report.checks {
        let severity = k
            .severity
            .map(|s| {
                format!(
                    " ({})",
                    serde_json::to_value(s)
                        .ok()
                        .and_then(|v| v.as_str().map(String::from))
                        .unwrap_or_default()
                )
            })
            .unwrap_or_default();
        writeln!(
            out,
            "{} {} {}{}: {}  [{}; {}]",
            k.id,
            k.rule,
            check_status(k.status, opts.color),
            severity,
            k.explanation,
            super::join_ids(&k.claims, ", "),
            k.evidence
        )?;
        if k.rounding_only {
            writeln!(out, "   OK only thanks to rounding of the stated figures")?;
        }
    }
    if report.issues().next().is_some() {
        writeln!(out)?;
        super::snippet::write(report, opts.color, out)?;
    }
    write_summary(report, out)
}

/// The closing line of counts (alone, for `--summary`).
pub fn write_summary(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let s = &report.summary;
    let suppressed = if s.suppressed > 0 {
        format!(", {} suppressed", s.suppressed)
    } else {
        String::new()
    };
    writeln!(
        out,
        "{} document{}, {} claim{}: {} OK, {} inconsistent, {} unchecked; {} check{} ({} inconsistent{suppressed})",
        s.documents,
        plural(s.documents),
        s.claims,
        plural(s.claims),
        s.ok,
        s.inconsistent,
        s.unchecked,
        s.checks,
        plural(s.checks),
        s.checks_inconsistent
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
