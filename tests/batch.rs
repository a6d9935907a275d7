//! Batches end to end: JSON Lines records and directories checked in
//! parallel give the same output, in input order, as one thread, and the
//! streamed formats agree with the whole report.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

fn figcheck() -> Command {
    Command::cargo_bin("figcheck").expect("binary")
}

fn run(args: &[&str]) -> (Vec<u8>, i32) {
    let out = figcheck().args(args).output().expect("runs");
    (out.stdout, out.status.code().expect("exit code"))
}

/// A JSON Lines batch of the test articles, each several times, with a bad
/// record in the middle.
fn batch(dir: &Path) -> String {
    let mut articles: Vec<_> = std::fs::read_dir("testdata/articles")
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    articles.sort();
    let mut lines = Vec::new();
    for round in 0..3 {
        for (i, p) in articles.iter().enumerate() {
            let text = std::fs::read_to_string(p).unwrap();
            let rec = serde_json::json!({"id": format!("r{round}-{i}"), "text": text});
            lines.push(rec.to_string());
        }
        lines.push("{not json".to_string());
    }
    let path = dir.join("batch.jsonl");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn parallel_output_is_the_one_thread_output() {
    let dir = tempfile::tempdir().unwrap();
    let b = batch(dir.path());
    for format in ["jsonl", "csv", "line", "json"] {
        let (one, code1) = run(&["-f", format, "-j", "1", &b]);
        let (four, code4) = run(&["-f", format, "-j", "4", &b]);
        assert_eq!(code1, 2, "a bad record is an error");
        assert_eq!(code4, code1);
        assert!(one == four, "{format}: -j 4 differs from -j 1");
    }
}

#[test]
fn streamed_lines_agree_with_the_whole_report() {
    let dir = tempfile::tempdir().unwrap();
    let b = batch(dir.path());
    let (json, _) = run(&["-f", "json", &b]);
    let report: Value = serde_json::from_slice(&json).unwrap();
    let (jsonl, _) = run(&["-f", "jsonl", &b]);
    let lines: Vec<Value> = jsonl
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).unwrap())
        .collect();
    let of = |t: &str| -> Vec<Value> {
        lines
            .iter()
            .filter(|l| l["type"] == t)
            .map(|l| {
                let mut l = l.clone();
                l.as_object_mut().unwrap().remove("type");
                l
            })
            .collect()
    };
    assert_eq!(&of("claim"), report["claims"].as_array().unwrap());
    assert_eq!(&of("check"), report["checks"].as_array().unwrap());
    assert_eq!(&of("document"), report["documents"].as_array().unwrap());
    assert_eq!(of("summary"), vec![report["summary"].clone()]);
    assert!(report["summary"]["documents"].as_u64().unwrap() > 10);
}

#[test]
fn csv_has_one_header_for_many_documents() {
    let (out, _) = run(&[
        "-f",
        "csv",
        "testdata/scenario/accounts.txt",
        "testdata/scenario/accounts-wrong-total.txt",
    ]);
    let text = String::from_utf8(out).unwrap();
    assert_eq!(text.lines().filter(|l| l.starts_with("id,")).count(), 1);
    let ids: Vec<&str> = text
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    let expected: Vec<String> = (1..=ids.len()).map(|i| format!("c{i}")).collect();
    assert_eq!(ids, expected, "ids count across the run");
}

#[test]
fn jsonl_from_standard_input_streams() {
    let dir = tempfile::tempdir().unwrap();
    let b = batch(dir.path());
    let (from_file, _) = run(&["-f", "jsonl", &b]);
    let out = figcheck()
        .args(["-f", "jsonl", "--input-format", "jsonl", "-"])
        .write_stdin(std::fs::read(&b).unwrap())
        .output()
        .unwrap();
    let file_name = format!("{b}#");
    let from_stdin = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        from_stdin,
        String::from_utf8(from_file)
            .unwrap()
            .replace(&file_name, "<stdin>#")
    );
}
