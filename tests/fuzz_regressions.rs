//! Every input the fuzzers found a fault with, kept in testdata/fuzz/ and
//! run the way the pipeline fuzz target runs it: the first byte chooses
//! the input format and options, the rest is the input. Each must finish
//! promptly, without a panic, with every claim a slice of its document.

use figcheck::input::{self, InputFormat, InputOptions};
use figcheck::report::{self, Show};
use std::sync::mpsc;
use std::time::Duration;

fn run_like_the_fuzzer(data: &[u8]) {
    let (flags, bytes) = data.split_first().unwrap_or((&0, data));
    let format = match flags & 3 {
        0 => InputFormat::Text,
        1 => InputFormat::Markdown,
        2 => InputFormat::Html,
        _ => InputFormat::Jsonl,
    };
    let opts = InputOptions {
        date: (flags & 4 == 4).then(|| chrono::NaiveDate::from_ymd_opt(2016, 8, 18).unwrap()),
        format: Some(format),
        ..InputOptions::default()
    };
    let (docs, _) = input::from_source("fuzz".into(), bytes.to_vec(), format, &opts);
    let options = figcheck::Options {
        together: flags & 8 == 8,
        ..figcheck::Options::default()
    };
    for report in [
        figcheck::check(&docs, &options),
        figcheck::extract_claims(&docs, &options),
    ] {
        for c in &report.claims {
            assert!(
                docs.iter()
                    .filter(|d| *d.name == *c.document)
                    .any(|d| d.text.get(c.start..c.end) == Some(c.literal.as_str())),
                "claim {} is not a slice of its document",
                c.id
            );
        }
        let mut sink = std::io::sink();
        let opts = report::table::TableOptions {
            color: true,
            show: Show::All,
        };
        report::table::write(&report, opts, &mut sink).unwrap();
        report::json::write(&report, &mut sink).unwrap();
        report::jsonl::write(&report, &mut sink).unwrap();
        report::csv::write(&report, &mut sink).unwrap();
        report::line::write(&report, &mut sink).unwrap();
        report::sarif::write(&report, &mut sink).unwrap();
        report::github::write(&report, &mut sink).unwrap();
    }
}

#[test]
fn inputs_the_fuzzers_found_run_cleanly() {
    let mut paths: Vec<_> = std::fs::read_dir("testdata/fuzz")
        .expect("testdata/fuzz")
        .map(|e| e.expect("entry").path())
        .collect();
    paths.sort();
    assert!(!paths.is_empty());
    for path in paths {
        let data = std::fs::read(&path).expect("read");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            run_like_the_fuzzer(&data);
            let _ = tx.send(());
        });
        // A hang (the fault some of these inputs once caused) fails the
        // test instead of stalling the suite; a panic drops the sender.
        match rx.recv_timeout(Duration::from_secs(120)) {
            Ok(()) => {}
            Err(mpsc::RecvTimeoutError::Timeout) => panic!("{}: still running", path.display()),
            Err(mpsc::RecvTimeoutError::Disconnected) => panic!("{}: panicked", path.display()),
        }
    }
}

/// The year-then-decimal loop in the period reader, in its smallest form.
#[test]
fn a_year_with_a_decimal_part_is_read_promptly() {
    for text in ["1924.5", "In 2019.5 and 1,924.5 and 2,019.25", "May 1924.5"] {
        let mut data = vec![0u8];
        data.extend_from_slice(text.as_bytes());
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            run_like_the_fuzzer(&data);
            let _ = tx.send(());
        });
        assert!(rx.recv_timeout(Duration::from_secs(60)).is_ok(), "{text}");
    }
}
