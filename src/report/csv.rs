//! `--format csv`: one row per claim (RFC 4180), the JSON fields flattened.

use super::{Num, Report};
use std::io::{self, Write};

/// The header row; the order of the columns is part of the contract.
pub const HEADER: &[&str] = &[
    "id",
    "document",
    "line",
    "column",
    "start",
    "end",
    "text",
    "literal",
    "value",
    "low",
    "high",
    "qualifier",
    "quantity",
    "currency",
    "unit",
    "measure",
    "period",
    "period_start",
    "period_end",
    "status",
    "checks",
];

pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    write_header(out)?;
    write_rows(report, out)
}

/// The header row alone, for a batch streamed one document at a time.
pub fn write_header(out: &mut dyn Write) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(HEADER).map_err(io_error)?;
    w.flush()
}

/// One row per claim, without the header.
pub fn write_rows(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let num = |n: &Option<Num>| n.as_ref().map(|n| n.to_string()).unwrap_or_default();
    let opt = |s: &Option<String>| s.clone().unwrap_or_default();
    let name = |v: &dyn erased::Named| v.name();
    for c in &report.claims {
        let period = c.period.as_ref();
        w.write_record([
            c.id.to_string(),
            c.document.to_string(),
            c.line.to_string(),
            c.column.to_string(),
            c.start.to_string(),
            c.end.to_string(),
            c.text.clone(),
            c.literal.clone(),
            num(&c.value),
            num(&c.low),
            num(&c.high),
            name(&c.qualifier),
            name(&c.quantity),
            opt(&c.currency),
            opt(&c.unit),
            opt(&c.measure),
            period.map(|p| p.text.clone()).unwrap_or_default(),
            period
                .and_then(|p| p.start.map(|d| d.to_string()))
                .unwrap_or_default(),
            period
                .and_then(|p| p.end.map(|d| d.to_string()))
                .unwrap_or_default(),
            name(&c.status),
            super::join_ids(&c.checks, ";"),
        ])
        .map_err(io_error)?;
    }
    w.flush()
}

mod erased {
    use serde::Serialize;

    /// The serialised name of a unit enum variant ("more_than").
    pub trait Named {
        fn name(&self) -> String;
    }

    impl<T: Serialize> Named for T {
        fn name(&self) -> String {
            match serde_json::to_value(self) {
                Ok(serde_json::Value::String(s)) => s,
                _ => String::new(),
            }
        }
    }
}

/// The counts as a header and one row (`--summary`).
pub fn write_summary(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let fields = match serde_json::to_value(&report.summary) {
        Ok(serde_json::Value::Object(m)) => m,
        _ => return Err(io::Error::other("summary is not an object")),
    };
    w.write_record(fields.keys()).map_err(io_error)?;
    w.write_record(fields.values().map(|v| v.to_string()))
        .map_err(io_error)?;
    w.flush()
}

/// The write error itself when there is one, so a closed pipe stays a
/// broken pipe (a quiet exit) rather than an opaque failure.
fn io_error(e: csv::Error) -> io::Error {
    if !e.is_io_error() {
        return io::Error::other(e);
    }
    match e.into_kind() {
        csv::ErrorKind::Io(io) => io,
        kind => io::Error::other(format!("{kind:?}")),
    }
}
