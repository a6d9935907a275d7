//! `--format jsonl`: one JSON object per line, each with a `type`: a
//! `document` line per document, a `claim` line per claim, a `check` line
//! per check and a closing `summary` line. Each line is written as soon as
//! it is ready, so a consumer can read the stream as it comes.

use super::Report;
use serde::Serialize;
use serde_json::{Map, Value};
use std::io::{self, Write};

fn line(kind: &str, item: &impl Serialize, out: &mut dyn Write) -> io::Result<()> {
    let mut map = Map::new();
    map.insert("type".into(), Value::String(kind.into()));
    if let Value::Object(fields) = serde_json::to_value(item).map_err(io::Error::other)? {
        map.extend(fields);
    }
    serde_json::to_writer(&mut *out, &Value::Object(map)).map_err(io::Error::other)?;
    writeln!(out)
}

pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for d in &report.documents {
        line("document", d, out)?;
    }
    for c in &report.claims {
        line("claim", c, out)?;
    }
    for k in &report.checks {
        line("check", k, out)?;
    }
    write_summary(report, out)
}

/// The closing line alone (`--summary`).
pub fn write_summary(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    line("summary", &report.summary, out)
}
