//! `--format sarif`: SARIF 2.1.0, the format code-scanning dashboards read.
//! One run; the tool's rules are figcheck's reconciliation rules; one result
//! per inconsistent check, located at the stated figure, with the other
//! figures of the check as related locations. Columns count Unicode code
//! points, as figcheck's do.

use super::{ClaimRecord, Report};
use crate::reconcile::{RULES, Severity};
use serde_json::{Value, json};
use std::io::{self, Write};

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &sarif(report)).map_err(io::Error::from)?;
    writeln!(out)
}

fn sarif(report: &Report) -> Value {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|r| {
            json!({
                "id": r.id(),
                "name": r.id(),
                "shortDescription": { "text": r.summary() },
            })
        })
        .collect();
    let results: Vec<Value> = report
        .issues()
        .map(|check| {
            let level = match check.severity {
                Some(Severity::Minor) => "warning",
                _ => "error",
            };
            let claims: Vec<&ClaimRecord> = check
                .claims
                .iter()
                .filter_map(|id| report.claim(*id))
                .collect();
            let mut result = json!({
                "ruleId": check.rule,
                "level": level,
                "message": { "text": check.explanation },
                "properties": {
                    "check": check.id,
                    "severity": Report::severity_name(check.severity),
                    "evidence": check.evidence,
                },
            });
            if let Some(index) = RULES.iter().position(|r| r.id() == check.rule) {
                result["ruleIndex"] = json!(index);
            }
            if let Some((stated, parts)) = claims.split_last() {
                result["locations"] = json!([location(stated)]);
                let related: Vec<Value> = parts
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        let mut l = location(c);
                        l["id"] = json!(i);
                        l["message"] = json!({ "text": c.text });
                        l
                    })
                    .collect();
                if !related.is_empty() {
                    result["relatedLocations"] = Value::Array(related);
                }
            }
            result
        })
        .collect();
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "figcheck",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

fn location(c: &ClaimRecord) -> Value {
    json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri(&c.document) },
            "region": {
                "startLine": c.line,
                "startColumn": c.column,
                "endLine": c.line,
                "endColumn": c.column + c.literal.chars().count(),
                "byteOffset": c.start,
                "byteLength": c.end - c.start,
            },
        },
    })
}

/// A relative URI reference for a path: characters that mean something in
/// a URI are percent-encoded, and Windows separators become slashes.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.replace('\\', "/").bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_encoded() {
        assert_eq!(uri("a b/c#1.jsonl"), "a%20b/c%231.jsonl");
        assert_eq!(uri("<stdin>"), "%3Cstdin%3E");
    }
}
