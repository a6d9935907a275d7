//! Input formats end to end: Markdown, HTML, JSON Lines, directories,
//! `--input-format` and inline suppression, driving the built binary.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

fn figcheck() -> Command {
    Command::cargo_bin("figcheck").expect("binary")
}

fn json_report(args: &[&str]) -> (Value, i32) {
    let out = figcheck()
        .args(["--format", "json"])
        .args(args)
        .output()
        .expect("runs");
    let report = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    (report, out.status.code().expect("exit code"))
}

/// The checks of a report, as (rule, status, explanation, stated values).
fn checks(report: &Value) -> Vec<(String, String, String, Vec<String>)> {
    let claims = report["claims"].as_array().expect("claims");
    let value = |id: &Value| {
        claims
            .iter()
            .find(|c| c["id"] == *id)
            .map(|c| c["value"].to_string())
            .unwrap_or_default()
    };
    report["checks"]
        .as_array()
        .expect("checks")
        .iter()
        .map(|k| {
            (
                k["rule"].as_str().unwrap_or("").to_string(),
                k["status"].as_str().unwrap_or("").to_string(),
                k["explanation"].as_str().unwrap_or("").to_string(),
                k["claims"]
                    .as_array()
                    .expect("claim ids")
                    .iter()
                    .map(value)
                    .collect(),
            )
        })
        .collect()
}

#[test]
fn markdown_and_html_give_the_checks_of_plain_text() {
    let (txt, code_txt) = json_report(&["testdata/formats/ferries.txt"]);
    let (md, code_md) = json_report(&["testdata/formats/ferries.md"]);
    let (html, code_html) = json_report(&["testdata/formats/ferries.html"]);
    assert_eq!(checks(&txt).len(), 2);
    assert_eq!(checks(&md), checks(&txt));
    assert_eq!(checks(&html), checks(&txt));
    assert_eq!((code_txt, code_md, code_html), (1, 1, 1));
}

#[test]
fn markup_figures_are_not_claims() {
    for file in [
        "testdata/formats/ferries.md",
        "testdata/formats/ferries.html",
    ] {
        let (report, _) = json_report(&[file]);
        let literals: Vec<&str> = report["claims"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["literal"].as_str().unwrap())
            .collect();
        // Code, link targets, page chrome, scripts and styles hold these.
        for hidden in ["1200", "450", "1500", "960", "10", "12", "24"] {
            assert!(
                !literals.contains(&hidden),
                "{file}: {hidden} read as a claim"
            );
        }
        assert_eq!(report["documents"][0]["date_source"], "metadata", "{file}");
        assert_eq!(
            report["documents"][0]["reference_date"], "2024-03-05",
            "{file}"
        );
    }
}

#[test]
fn positions_point_into_the_original_file() {
    for file in [
        "testdata/formats/ferries.md",
        "testdata/formats/ferries.html",
    ] {
        let source = std::fs::read_to_string(file).unwrap();
        let lines: Vec<&str> = source.split('\n').collect();
        let (report, _) = json_report(&[file]);
        for c in report["claims"].as_array().unwrap() {
            let (start, end) = (c["start"].as_u64().unwrap(), c["end"].as_u64().unwrap());
            let literal = c["literal"].as_str().unwrap();
            // A decoded entity ("&#36;" read as "$") stands over its
            // reference, so the digits are what must match byte for byte.
            let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
            let raw = &source[start as usize..end as usize];
            assert_eq!(
                digits(raw),
                digits(literal),
                "{file}: {raw:?} vs {literal:?}"
            );
            assert_eq!(raw.len(), literal.len(), "{file}");
            let line = lines[c["line"].as_u64().unwrap() as usize - 1];
            let col = c["column"].as_u64().unwrap() as usize;
            let at: String = line
                .chars()
                .skip(col - 1)
                .take(literal.chars().count())
                .collect();
            assert_eq!(at, raw, "{file}: line/column of {literal}");
        }
    }
}

#[test]
fn json_lines_batch_goes_on_past_a_bad_record() {
    let out = figcheck()
        .args(["--format", "json", "testdata/formats/batch.jsonl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("testdata/formats/batch.jsonl:3:"),
        "{stderr}"
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<&str> = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "testdata/formats/batch.jsonl#ferries-1",
            "testdata/formats/batch.jsonl#ferries-2",
            "testdata/formats/batch.jsonl#3"
        ]
    );
    assert_eq!(report["documents"][1]["reference_date"], "2024-03-06");
    let inconsistent: Vec<&str> = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|k| k["status"] == "inconsistent")
        .map(|k| k["document"].as_str().unwrap())
        .collect();
    assert_eq!(inconsistent, ["testdata/formats/batch.jsonl#ferries-1"]);
}

#[test]
fn input_format_overrides_the_extension() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.txt");
    std::fs::write(&path, "Sold `42 units` and 7 boats.\n").unwrap();
    let p = path.to_str().unwrap();
    let (plain, _) = json_report(&[p]);
    let (md, _) = json_report(&["--input-format", "markdown", p]);
    assert_eq!(plain["claims"].as_array().unwrap().len(), 2);
    assert_eq!(md["claims"].as_array().unwrap().len(), 1);
}

fn write(root: &Path, rel: &str, body: &[u8]) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, body).unwrap();
}

#[test]
fn directories_are_walked_in_order_with_ignores() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, ".gitignore", b"drafts/\n");
    write(root, "b/second.md", b"It sold 5 cars.\n");
    write(root, "a.txt", b"It sold 6 cars.\n");
    write(root, "c/third.html", b"<p>It sold 7 cars.</p>\n");
    write(root, "drafts/skip.txt", b"It sold 8 cars.\n");
    write(root, ".hidden.txt", b"It sold 9 cars.\n");
    write(root, "image.png", b"\x89PNG\0\0 10 cars");
    write(root, "c/data.txt", b"\0\0\0 binary 11");
    let out = figcheck()
        .args(["--format", "json"])
        .arg(root)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<String> = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let p = d["path"].as_str().unwrap();
            Path::new(p)
                .strip_prefix(root)
                .unwrap()
                .display()
                .to_string()
        })
        .collect();
    assert_eq!(names, ["a.txt", "b/second.md", "c/third.html"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("data.txt: binary file, skipped"),
        "{stderr}"
    );
}

#[test]
fn suppression_comments_silence_the_next_paragraph() {
    let out = figcheck()
        .args(["--format", "json", "testdata/formats/ferries-suppressed.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["summary"]["suppressed"], 1);
    assert_eq!(report["summary"]["checks"], 1);
    // The comment before a paragraph with no check is reported as stale.
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("line 10: figcheck-ignore-next suppressed no check"),
        "{stderr}"
    );
}

#[test]
fn a_suppression_for_another_rule_silences_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.html");
    std::fs::write(
        &path,
        "<!-- figcheck-ignore-next share -->\n<p>It hired 46 crew in the spring and 19 in the autumn, bringing the number of new crew to 75.</p>\n",
    )
    .unwrap();
    figcheck().arg(&path).assert().code(1);
}

#[test]
fn standard_input_takes_the_input_format() {
    let html = std::fs::read("testdata/formats/ferries.html").unwrap();
    let out = figcheck()
        .args(["--format", "json", "--input-format", "html", "-"])
        .write_stdin(html)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["documents"][0]["path"], "<stdin>");
    assert_eq!(report["documents"][0]["date_source"], "metadata");
    let (file, _) = json_report(&["testdata/formats/ferries.html"]);
    assert_eq!(checks(&report), checks(&file));
}

#[test]
fn a_markdown_headline_is_not_part_of_the_first_sentence() {
    // No blank line after the heading: its 300 must not join the parts.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cuts.md");
    std::fs::write(
        &path,
        "# Firm cuts 300 jobs\nThe firm cut 120 jobs in May and 180 in June, 300 jobs in all.\n",
    )
    .unwrap();
    let (report, code) = json_report(&[path.to_str().unwrap()]);
    assert_eq!(code, 0);
    let found = checks(&report);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].1, "ok");
    assert_eq!(found[0].3, ["120", "180", "300"]);
}
