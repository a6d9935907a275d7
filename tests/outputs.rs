//! Output formats, colour and exit policy end to end, driving the built
//! binary over testdata/. JSON is validated against docs/figcheck.schema.json
//! and SARIF against the SARIF 2.1.0 schema.

use assert_cmd::Command;
use serde_json::Value;
use std::path::PathBuf;

const STORY: &str = "testdata/formats/ferries.html";
/// A story whose only inconsistency is minor (off by under 5%).
const MINOR: &str = "testdata/scenario/accounts-wrong-total.txt";
const CLEAN: &str = "testdata/scenario/accounts.txt";

fn figcheck() -> Command {
    let mut c = Command::cargo_bin("figcheck").expect("binary");
    c.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
    c
}

fn stdout(args: &[&str]) -> (String, i32) {
    let out = figcheck().args(args).output().expect("runs");
    (
        String::from_utf8(out.stdout).expect("UTF-8 output"),
        out.status.code().expect("exit code"),
    )
}

fn json(args: &[&str]) -> Value {
    let (out, _) = stdout(args);
    serde_json::from_str(&out).expect("JSON")
}

fn load_schema(path: &std::path::Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).expect("schema file")).expect("schema JSON")
}

#[test]
fn json_output_follows_the_schema() {
    let schema = load_schema(&PathBuf::from("docs/figcheck.schema.json"));
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    let runs: &[&[&str]] = &[
        &["-f", "json", STORY],
        &[
            "-f",
            "json",
            "testdata/formats/ferries.md",
            "testdata/formats/ferries.txt",
        ],
        &["-f", "json", MINOR, CLEAN],
        &["-f", "json", "testdata/formats/batch.jsonl"],
        &["extract", "-f", "json", "testdata/formats/ferries.md"],
        &["-f", "json", "--summary", STORY],
    ];
    for args in runs {
        let report = json(args);
        let errors: Vec<String> = validator
            .iter_errors(&report)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{args:?}: {errors:#?}");
    }
    // The schema is not vacuous: a broken report fails it.
    let mut broken = json(&["-f", "json", STORY]);
    broken["claims"][0]["status"] = Value::from("fine");
    assert!(!validator.is_valid(&broken));
}

/// The SARIF 2.1.0 schema, as the serde-sarif crate ships it.
fn sarif_schema() -> Value {
    let out = std::process::Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1"])
        .output()
        .expect("cargo metadata");
    let meta: Value = serde_json::from_slice(&out.stdout).expect("metadata JSON");
    let manifest = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "serde-sarif")
        .and_then(|p| p["manifest_path"].as_str())
        .expect("serde-sarif is a dev-dependency");
    load_schema(&PathBuf::from(manifest).with_file_name("src/schema.json"))
}

fn fix_language_patterns(v: &mut Value) {
    match v {
        Value::Object(map) => {
            for (k, item) in map.iter_mut() {
                if k == "pattern"
                    && item.as_str() == Some("^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$")
                {
                    *item = Value::from("^[a-zA-Z]{2}(-[a-zA-Z]{2})?$");
                } else {
                    fix_language_patterns(item);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(fix_language_patterns),
        _ => {}
    }
}

#[test]
fn sarif_output_follows_the_sarif_schema() {
    let mut schema = sarif_schema();
    // The published schema's pattern for a language tag has a stray "]"
    // that strict regex engines reject; it means a two-letter language
    // with an optional two-letter region.
    fix_language_patterns(&mut schema);
    let validator = jsonschema::validator_for(&schema).expect("SARIF schema");
    for file in [STORY, MINOR, CLEAN, "testdata/formats/batch.jsonl"] {
        let (out, _) = stdout(&["-f", "sarif", file]);
        let sarif: Value = serde_json::from_str(&out).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&sarif)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{file}: {errors:#?}");
        let typed: serde_sarif::sarif::Sarif = serde_json::from_str(&out).expect("typed SARIF");
        assert_eq!(typed.runs.len(), 1);
    }
    let sarif = json(&["-f", "sarif", STORY]);
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 1);
    assert_eq!(results[0]["ruleId"], "sum");
    assert_eq!(results[0]["level"], "error");
    let region = &results[0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(16), Some(130))
    );
    assert_eq!(results[0]["relatedLocations"].as_array().unwrap().len(), 2);
    let mut broken = sarif.clone();
    broken["runs"][0]["results"][0]["level"] = Value::from("fatal");
    assert!(
        !validator.is_valid(&broken),
        "the SARIF schema must reject a bad level"
    );
    let minor = json(&["-f", "sarif", MINOR]);
    assert_eq!(minor["runs"][0]["results"][0]["level"], "warning");
}

#[test]
fn csv_round_trips_through_a_csv_reader() {
    let report = json(&["-f", "json", STORY, MINOR]);
    let (out, _) = stdout(&["-f", "csv", STORY, MINOR]);
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let claims = report["claims"].as_array().unwrap();
    assert_eq!(rows.len(), claims.len());
    for (row, claim) in rows.iter().zip(claims) {
        assert_eq!(&row[col("id")], claim["id"].as_str().unwrap());
        assert_eq!(&row[col("text")], claim["text"].as_str().unwrap());
        assert_eq!(&row[col("document")], claim["document"].as_str().unwrap());
        assert_eq!(row[col("value")], claim["value"].to_string());
        assert_eq!(&row[col("status")], claim["status"].as_str().unwrap());
    }
}

#[test]
fn line_format_is_one_line_per_inconsistency() {
    let (out, code) = stdout(&["-f", "line", STORY, MINOR, CLEAN]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines[0].starts_with(&format!("{STORY}:16:130: inconsistent: 46 + 19 = 65")),
        "{out}"
    );
    assert!(lines[0].ends_with("[sum, major]"));
    assert!(lines[1].starts_with(&format!("{MINOR}:5:")), "{out}");
    let (clean, code) = stdout(&["-f", "line", CLEAN]);
    assert_eq!((clean.as_str(), code), ("", 0));
}

#[test]
fn github_format_annotates_the_stated_figure() {
    let (out, _) = stdout(&["-f", "github", STORY, MINOR]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(
        lines[0].starts_with(&format!(
            "::error file={STORY},line=16,col=130,endColumn=132,title=figcheck sum (k"
        )),
        "{out}"
    );
    assert!(
        lines[1].starts_with(&format!("::warning file={MINOR},line=5,")),
        "{out}"
    );
}

#[test]
fn jsonl_has_one_object_per_line() {
    let report = json(&["-f", "json", STORY]);
    let (out, _) = stdout(&["-f", "jsonl", STORY]);
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let count = |t: &str| lines.iter().filter(|l| l["type"] == t).count();
    assert_eq!(count("claim"), report["claims"].as_array().unwrap().len());
    assert_eq!(count("check"), report["checks"].as_array().unwrap().len());
    assert_eq!(count("document"), 1);
    assert_eq!(lines.last().unwrap()["type"], "summary");
    assert_eq!(lines.last().unwrap()["claims"], report["summary"]["claims"]);
}

#[test]
fn show_and_summary_choose_what_is_listed() {
    let all = json(&["-f", "json", STORY]);
    let issues = json(&["-f", "json", "--show", "issues", STORY]);
    let checked = json(&["-f", "json", "--show", "checked", STORY]);
    let n = |r: &Value| r["claims"].as_array().unwrap().len();
    assert_eq!(n(&issues), 3);
    assert_eq!(n(&checked), 6);
    assert!(n(&all) > n(&checked));
    assert!(
        issues["claims"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["status"] == "inconsistent")
    );
    assert_eq!(issues["summary"], all["summary"]);
    let (summary, code) = stdout(&["--summary", STORY]);
    assert_eq!(code, 1);
    assert_eq!(summary.lines().count(), 1);
    assert!(summary.starts_with("1 document, "));
    let (csv, _) = stdout(&["--summary", "-f", "csv", STORY]);
    assert!(csv.starts_with("documents,claims,checks,"));
    figcheck()
        .args(["--summary", "-f", "sarif", STORY])
        .assert()
        .code(2);
}

#[test]
fn quiet_prints_nothing_but_keeps_the_exit_status() {
    figcheck()
        .args(["-q", STORY])
        .assert()
        .code(1)
        .stdout("")
        .stderr("");
    figcheck()
        .args(["--quiet", CLEAN])
        .assert()
        .code(0)
        .stdout("");
}

#[test]
fn fail_on_sets_what_exits_1() {
    let code = |args: &[&str]| {
        figcheck()
            .args(args)
            .output()
            .unwrap()
            .status
            .code()
            .unwrap()
    };
    assert_eq!(code(&["-q", MINOR]), 1);
    assert_eq!(code(&["-q", "--fail-on", "inconsistent", MINOR]), 1);
    assert_eq!(code(&["-q", "--fail-on", "major", MINOR]), 0);
    assert_eq!(code(&["-q", "--fail-on", "major", STORY]), 1);
    assert_eq!(code(&["-q", "--fail-on", "never", STORY]), 0);
    assert_eq!(code(&["-q", CLEAN]), 0);
    // An unreadable input is an error whatever the policy.
    assert_eq!(
        code(&[
            "-q",
            "--fail-on",
            "never",
            CLEAN,
            "testdata/no-such-file.txt"
        ]),
        2
    );
    assert_eq!(code(&["--fail-on", "sometimes", CLEAN]), 2);
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let ansi = |cmd: &mut Command| {
        let out = cmd.output().unwrap();
        String::from_utf8_lossy(&out.stdout).contains('\u{1b}')
    };
    // The test harness's stdout is a pipe: auto means no colour.
    assert!(!ansi(figcheck().arg(STORY)));
    assert!(ansi(figcheck().args(["--color", "always", STORY])));
    assert!(!ansi(
        figcheck()
            .args(["--color", "never", STORY])
            .env("CLICOLOR_FORCE", "1")
    ));
    assert!(ansi(figcheck().arg(STORY).env("CLICOLOR_FORCE", "1")));
    assert!(!ansi(figcheck().arg(STORY).env("CLICOLOR_FORCE", "0")));
    assert!(!ansi(
        figcheck()
            .arg(STORY)
            .env("CLICOLOR_FORCE", "1")
            .env("NO_COLOR", "1")
    ));
    // Machine formats never carry colour.
    for f in ["json", "jsonl", "csv", "line", "sarif", "github"] {
        assert!(
            !ansi(figcheck().args(["--color", "always", "-f", f, STORY])),
            "{f}"
        );
    }
}

#[test]
fn table_shows_a_snippet_for_each_inconsistency() {
    let (out, _) = stdout(&["--color", "never", STORY]);
    assert!(
        out.contains("error[k2]: inconsistent figures [sum, major]"),
        "{out}"
    );
    assert!(out.contains(&format!("{STORY}:16:130")));
    assert!(out.contains("16 │"), "{out}");
    assert!(out.contains("━━ stated"), "{out}");
    assert!(out.contains("note: 46 + 19 = 65"), "{out}");
    let (minor, _) = stdout(&["--color", "never", MINOR]);
    assert!(
        minor.contains("warning[k1]: inconsistent figures [cumulative, minor]"),
        "{minor}"
    );
    let (clean, _) = stdout(&["--color", "never", CLEAN]);
    assert!(!clean.contains("inconsistent figures"));
}

#[test]
fn completions_man_and_version() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let (out, code) = stdout(&["completions", shell]);
        assert_eq!(code, 0);
        assert!(
            out.contains("figcheck") && out.contains("fail-on"),
            "{shell}"
        );
    }
    let (man, code) = stdout(&["man"]);
    assert_eq!(code, 0);
    assert!(
        man.contains(".TH figcheck") && man.contains("fail\\-on"),
        "{man}"
    );
    let (version, _) = stdout(&["--version"]);
    assert_eq!(
        version.trim(),
        format!("figcheck {}", env!("CARGO_PKG_VERSION"))
    );
    let (help, _) = stdout(&["--help"]);
    assert!(help.contains("Examples:") && help.contains("--fail-on"));
}

#[test]
fn long_lines_give_short_excerpts() {
    // Minified HTML: the whole article on one line.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("min.html");
    let filler = "Filler words here. ".repeat(300);
    let story = "The authority hired 46 crew in the spring and 19 in the autumn, bringing the number of new crew to 75. ";
    std::fs::write(
        &path,
        format!("<html><body><p>{filler}{story}{filler}</p></body></html>"),
    )
    .unwrap();
    let p = path.to_str().unwrap();
    let report = json(&["-f", "json", p]);
    let excerpt = &report["checks"][0]["excerpt"];
    assert_eq!(excerpt["text"].as_str().unwrap().trim(), story.trim());
    assert_eq!(excerpt["line"], 1);
    assert_eq!(
        excerpt["column"].as_u64(),
        Some(15 + filler.len() as u64 + 1)
    );
    let (table, _) = stdout(&["--color", "never", p]);
    let stated = report["claims"][2]["column"].as_u64().unwrap();
    assert!(
        table.contains(&format!("note: at {p}:1:{stated}")),
        "{table}"
    );
    assert!(
        table.len() < 4000,
        "the snippet holds the sentence, not the line"
    );
}
