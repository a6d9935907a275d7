//! The whole pipeline on arbitrary bytes: read as text, Markdown, HTML or
//! JSON Lines, extract, reconcile, and render every output format. Any
//! panic, hang or runaway allocation is a bug; so is a document whose text
//! lost its byte length, or a claim whose span is not a slice of its text.
#![no_main]

use chrono::NaiveDate;
use figcheck::input::{self, InputFormat, InputOptions};
use figcheck::report::{self, Report, Show};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first byte chooses the input format and the options, so every
    // reader and both pipelines get explored from the same corpus.
    let (flags, bytes) = data.split_first().unwrap_or((&0, data));
    let format = match flags & 3 {
        0 => InputFormat::Text,
        1 => InputFormat::Markdown,
        2 => InputFormat::Html,
        _ => InputFormat::Jsonl,
    };
    let opts = InputOptions {
        date: (flags & 4 == 4).then(|| date(*flags)),
        format: Some(format),
        ..InputOptions::default()
    };
    let (docs, _errors) = input::from_source("fuzz".into(), bytes.to_vec(), format, &opts);
    for d in &docs {
        assert_eq!(d.text.len(), d.source.len(), "text lost its byte length");
    }
    let options = figcheck::Options {
        together: flags & 8 == 8,
        ..figcheck::Options::default()
    };
    let report = if flags & 16 == 16 {
        figcheck::extract_claims(&docs, &options)
    } else {
        figcheck::check(&docs, &options)
    };
    // Batch records may share a name, so a span must fit one of them.
    for c in &report.claims {
        let fits = docs.iter().filter(|d| d.name == c.document).any(|d| {
            c.start <= c.end
                && d.text.is_char_boundary(c.start)
                && d.text.is_char_boundary(c.end)
                && d.text.get(c.start..c.end) == Some(c.literal.as_str())
        });
        assert!(fits, "claim {} is not a slice of its document", c.id);
    }
    render_all(&report);
});

/// A reference date; 29 February of a non-leap year falls back.
fn date(flags: u8) -> NaiveDate {
    NaiveDate::from_ymd_opt(1990 + i32::from(flags >> 5), 2, 29)
        .or_else(|| NaiveDate::from_ymd_opt(2016, 8, 18))
        .expect("a valid date")
}

fn render_all(report: &Report) {
    let mut sink = std::io::sink();
    let ok = "a sink never fails";
    for color in [false, true] {
        for show in [Show::All, Show::Issues] {
            let opts = report::table::TableOptions { color, show };
            report::table::write(report, opts, &mut sink).expect(ok);
        }
        report::snippet::write(report, color, &mut sink).expect(ok);
    }
    report::table::write_summary(report, &mut sink).expect(ok);
    report::json::write(report, &mut sink).expect(ok);
    report::jsonl::write(report, &mut sink).expect(ok);
    report::jsonl::write_summary(report, &mut sink).expect(ok);
    report::csv::write(report, &mut sink).expect(ok);
    report::csv::write_summary(report, &mut sink).expect(ok);
    report::line::write(report, &mut sink).expect(ok);
    report::sarif::write(report, &mut sink).expect(ok);
    report::github::write(report, &mut sink).expect(ok);
}
