//! JSON Lines batches: one article per line, `{"id": ..., "published":
//! "YYYY-MM-DD", "text": ...}` (field names configurable). Each record is a
//! document named `FILE#ID`; its offsets, lines and columns refer to its
//! text. A record that cannot be read is an error naming its line, and the
//! rest of the batch is still read.

use super::{Document, InputOptions};
use anyhow::{Result, anyhow};
use serde_json::Value;

/// The field names of a record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fields {
    pub id: String,
    pub published: String,
    pub text: String,
}

impl Default for Fields {
    fn default() -> Fields {
        Fields {
            id: "id".into(),
            published: "published".into(),
            text: "text".into(),
        }
    }
}

/// Reads every record; the errors name the file and line of each bad one.
pub fn parse(name: &str, source: &str, opts: &InputOptions) -> (Vec<Document>, Vec<anyhow::Error>) {
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    for (n, line) in source.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match record(name, n + 1, line, opts) {
            Ok(doc) => docs.push(doc),
            Err(e) => errors.push(e),
        }
    }
    (docs, errors)
}

pub(crate) fn record(name: &str, line: usize, json: &str, opts: &InputOptions) -> Result<Document> {
    let at = || format!("{name}:{line}");
    let value: Value =
        serde_json::from_str(json).map_err(|e| anyhow!("{}: not a JSON record: {e}", at()))?;
    let Value::Object(mut map) = value else {
        return Err(anyhow!("{}: not a JSON object", at()));
    };
    let f = &opts.fields;
    let id = match map.get(&f.id) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => format!("line{line}"),
    };
    let (published, date_warning) = match map.get(&f.published) {
        None | Some(Value::Null) => (None, None),
        Some(Value::String(s)) => match super::iso_date_prefix(s.trim()) {
            Some(d) => (Some(d), None),
            None => (None, Some(format!("{s:?}"))),
        },
        Some(other) => (None, Some(other.to_string())),
    };
    // Taken, not copied, once the other fields are read (they may name
    // the same one).
    let text = match map.get_mut(&f.text) {
        Some(Value::String(s)) => std::mem::take(s),
        Some(_) => return Err(anyhow!("{}: field \"{}\" is not a string", at(), f.text)),
        None => return Err(anyhow!("{}: no \"{}\" field", at(), f.text)),
    };
    // The text is its own source: held once.
    let mut doc = Document::with_source(format!("{name}#{id}"), None, text);
    if let Some(value) = date_warning {
        doc.warnings.push(format!(
            "line {line}: \"{}\" is not a date: {value}",
            f.published
        ));
    }
    doc.assign_date(opts.date, published);
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::DateSource;

    #[test]
    fn bad_records_do_not_stop_the_batch() {
        let src = "{\"id\":\"a\",\"published\":\"2016-08-18\",\"text\":\"5 men.\"}\nnot json\n\n{\"id\":7,\"text\":\"6 women.\"}\n{\"id\":\"x\"}\n";
        let (docs, errors) = parse("b.jsonl", src, &InputOptions::default());
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].name, "b.jsonl#a");
        assert_eq!(docs[0].date_source, DateSource::Metadata);
        assert_eq!(docs[1].name, "b.jsonl#7");
        assert_eq!(errors.len(), 2);
        assert!(errors[0].to_string().starts_with("b.jsonl:2:"));
        assert!(errors[1].to_string().starts_with("b.jsonl:5:"));
    }

    /// Options that read records' fields under these names.
    fn fields(id: &str, published: &str, text: &str) -> InputOptions {
        InputOptions {
            fields: Fields {
                id: id.into(),
                published: published.into(),
                text: text.into(),
            },
            ..InputOptions::default()
        }
    }

    #[test]
    fn field_names_are_configurable() {
        let opts = fields("slug", "date", "body");
        let (docs, errors) = parse("b", r#"{"slug":"s","date":"2016-02-05","body":"x"}"#, &opts);
        assert!(errors.is_empty());
        assert_eq!(docs[0].name, "b#s");
        assert_eq!(
            docs[0].reference_date,
            chrono::NaiveDate::from_ymd_opt(2016, 2, 5)
        );
    }

    #[test]
    fn fields_may_name_one_field() {
        let opts = fields("body", "body", "body");
        let (docs, errors) = parse("b", r#"{"body":"5 men"}"#, &opts);
        assert!(errors.is_empty());
        assert_eq!(docs[0].name, "b#5 men");
        assert_eq!(docs[0].text, "5 men");
        assert_eq!(docs[0].source(), b"5 men");
        assert_eq!(
            docs[0].warnings,
            ["line 1: \"body\" is not a date: \"5 men\""]
        );
    }
}
