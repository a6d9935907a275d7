//! `--format jsonl`: one JSON object per line, each with a `type`: a
//! `document` line per document, a `claim` line per claim, a `check` line
//! per check and a closing `summary` line. Each line is written as soon as
//! it is ready, so a consumer can read the stream as it comes.

use super::Report;
use serde::Serialize;
use std::io::{self, Write};

/// `{"type":KIND,` followed by the item's own fields: the item is written
/// straight after the type rather than through a `serde_json::Value`.
fn line(kind: &str, item: &impl Serialize, out: &mut dyn Write) -> io::Result<()> {
    let mut buf = Vec::with_capacity(512);
    write!(buf, "{{\"type\":\"{kind}\"")?;
    let at = buf.len();
    serde_json::to_writer(&mut buf, item).map_err(io::Error::other)?;
    // The item is an object: its "{" gives way to the type's ",", and an
    // empty object leaves "}" to close the line.
    if buf.get(at..at + 2) == Some(b"{}") {
        buf.drain(at..at + 1);
    } else {
        buf[at] = b',';
    }
    buf.push(b'\n');
    out.write_all(&buf)
}

pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    write_items(report, out)?;
    write_summary(report, out)
}

/// The document, claim and check lines, without the closing summary: for a
/// batch streamed one document at a time.
pub fn write_items(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for d in &report.documents {
        line("document", d, out)?;
    }
    for c in &report.claims {
        line("claim", c, out)?;
    }
    for k in &report.checks {
        line("check", k, out)?;
    }
    Ok(())
}

/// The closing line alone (`--summary`).
pub fn write_summary(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    line("summary", &report.summary, out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Map, Value, json};

    #[test]
    fn the_type_comes_first_then_the_fields_in_order() {
        for item in [
            json!({"id": "c1", "b": [1, {"x": null}], "a": "é\"\n"}),
            json!({}),
        ] {
            let mut out = Vec::new();
            line("claim", &item, &mut out).unwrap();
            let mut map = Map::new();
            map.insert("type".into(), Value::String("claim".into()));
            map.extend(item.as_object().unwrap().clone());
            let expected = serde_json::to_string(&Value::Object(map)).unwrap() + "\n";
            assert_eq!(String::from_utf8(out).unwrap(), expected);
        }
    }
}
