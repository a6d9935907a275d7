//! End-to-end tests: the built binary over files in testdata/.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::path::Path;

fn figcheck() -> Command {
    let mut cmd = Command::cargo_bin("figcheck").expect("binary built");
    cmd.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
    cmd
}

/// Runs figcheck with JSON output and parses it.
fn json(args: &[&str]) -> (Value, i32) {
    let out = figcheck()
        .args(["--format", "json"])
        .args(args)
        .output()
        .expect("runs");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (v, out.status.code().expect("exit code"))
}

fn claim<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no claim {id}"))
}

/// The literals of a check's claims, in order.
fn literals(report: &Value, check: &Value) -> Vec<String> {
    check["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|id| {
            claim(report, id.as_str().unwrap())["literal"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

/// The one check over the running total of the accounts story.
fn total_check(report: &Value) -> &Value {
    let checks: Vec<&Value> = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|k| {
            literals(report, k)
                .iter()
                .any(|l| l.starts_with("36") || l.starts_with("38"))
        })
        .collect();
    assert_eq!(checks.len(), 1, "one check covers the total: {checks:?}");
    checks[0]
}

#[test]
fn the_accounts_story_adds_up() {
    let (r, code) = json(&["testdata/scenario/accounts.txt"]);
    assert_eq!(code, 0);
    let k = total_check(&r);
    assert!(["sum", "cumulative"].contains(&k["rule"].as_str().unwrap()));
    assert_eq!(k["status"], "ok");
    let mut lits = literals(&r, k);
    lits.sort();
    assert_eq!(lits, ["125,000", "235,000", "360,000"]);
    // The 125,000 in the check is the one the total adds, not the earlier
    // "more than 125,000", which is an open interval.
    let ids: Vec<&str> = k["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let mut both = r["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["literal"] == "125,000");
    let (added, more_than) = (both.next().unwrap(), both.next().unwrap());
    assert!(ids.contains(&added["id"].as_str().unwrap()));
    assert!(!ids.contains(&more_than["id"].as_str().unwrap()));
    assert_eq!(more_than["qualifier"], "more_than");
    assert!(more_than["high"].is_null());
    assert_eq!(more_than["low"], 125000);
    assert!(k["explanation"].as_str().unwrap().contains("360,000"));
    // The 300 stands alone.
    let c300 = r["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["literal"] == "300")
        .unwrap();
    assert_eq!(c300["status"], "unchecked");
    // Years and dates are not claims.
    for c in r["claims"].as_array().unwrap() {
        let lit = c["literal"].as_str().unwrap();
        assert!(
            !["2015", "2016", "5", "18"].contains(&lit),
            "date read as a claim: {c}"
        );
    }
    assert_eq!(r["version"], 1);
    assert_eq!(r["documents"][0]["reference_date"], "2016-08-18");
}

#[test]
fn a_wrong_total_is_inconsistent() {
    for (file, stated, parts) in [
        (
            "testdata/scenario/accounts-wrong-total.txt",
            "380,000",
            "360,000",
        ),
        (
            "testdata/scenario/accounts-wrong-part.txt",
            "360,000",
            "378,000",
        ),
    ] {
        let (r, code) = json(&[file]);
        assert_eq!(code, 1, "{file}");
        let k = total_check(&r);
        assert_eq!(k["status"], "inconsistent", "{file}");
        let e = k["explanation"].as_str().unwrap();
        assert!(e.contains(stated) && e.contains(parts), "{file}: {e}");
        for id in k["claims"].as_array().unwrap() {
            assert_eq!(claim(&r, id.as_str().unwrap())["status"], "inconsistent");
        }
        assert!(r["summary"]["inconsistent"].as_u64().unwrap() >= 3);
    }
}

#[test]
fn table_output_shows_the_arithmetic_without_colour_in_a_pipe() {
    figcheck()
        .arg("testdata/scenario/accounts-wrong-total.txt")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("inconsistent"))
        .stdout(predicate::str::contains("380,000"))
        .stdout(predicate::str::contains("\u{1b}[").not());
}

#[test]
fn colour_can_be_forced() {
    figcheck()
        .args(["--color", "always", "testdata/scenario/accounts.txt"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\u{1b}["));
}

#[test]
fn reads_standard_input() {
    let text = std::fs::read("testdata/scenario/accounts.txt").unwrap();
    let out = figcheck()
        .args(["--format", "json", "-"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert!(out.status.success());
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["documents"][0]["path"], "<stdin>");
    assert_eq!(total_check(&r)["status"], "ok");
}

#[test]
fn several_files_are_checked_each_on_its_own() {
    let (r, code) = json(&[
        "testdata/scenario/accounts.txt",
        "testdata/scenario/accounts-wrong-total.txt",
    ]);
    assert_eq!(code, 1);
    assert_eq!(r["summary"]["documents"], 2);
    let ids: Vec<&str> = r["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(ids.len(), unique.len(), "claim ids are unique across files");
    let statuses: Vec<&str> = r["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["status"].as_str().unwrap())
        .collect();
    assert!(statuses.contains(&"ok") && statuses.contains(&"inconsistent"));
}

#[test]
fn a_missing_file_is_named_and_the_others_still_checked() {
    figcheck()
        .args([
            "--format",
            "json",
            "testdata/no-such-story.txt",
            "testdata/scenario/accounts.txt",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("testdata/no-such-story.txt"))
        .stdout(predicate::str::contains("360,000"));
}

#[test]
fn csv_has_a_header_and_a_row_per_claim() {
    let out = figcheck()
        .args(["--format", "csv", "testdata/scenario/accounts.txt"])
        .output()
        .unwrap();
    let (r, _) = json(&["testdata/scenario/accounts.txt"]);
    let mut rdr = csv::Reader::from_reader(out.stdout.as_slice());
    let headers = rdr.headers().unwrap().clone();
    for field in [
        "id",
        "value",
        "low",
        "high",
        "qualifier",
        "unit",
        "period_start",
        "period_end",
        "status",
        "checks",
    ] {
        assert!(headers.iter().any(|h| h == field), "no {field} column");
    }
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), r["claims"].as_array().unwrap().len());
}

#[test]
fn a_bad_date_is_a_usage_error() {
    figcheck()
        .args(["--date", "18/08/2016", "testdata/scenario/accounts.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("YYYY-MM-DD"));
}

#[test]
fn the_date_option_overrides_the_dateline() {
    let (r, _) = json(&["--date", "2016-08-19", "testdata/scenario/accounts.txt"]);
    assert_eq!(r["documents"][0]["reference_date"], "2016-08-19");
    assert_eq!(r["documents"][0]["date_source"], "option");
}

#[test]
fn extract_lists_claims_without_checks() {
    let out = figcheck()
        .args([
            "extract",
            "--format",
            "json",
            "testdata/scenario/accounts-wrong-total.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(r["checks"].as_array().unwrap().is_empty());
    assert!(r["claims"].as_array().unwrap().len() >= 5);
}

#[test]
fn claims_report_lines_columns_and_byte_offsets() {
    let (r, _) = json(&["testdata/scenario/accounts.txt"]);
    let text = std::fs::read_to_string("testdata/scenario/accounts.txt").unwrap();
    for c in r["claims"].as_array().unwrap() {
        let (start, end) = (
            c["start"].as_u64().unwrap() as usize,
            c["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[start..end], c["literal"].as_str().unwrap());
        let line = c["line"].as_u64().unwrap() as usize;
        let col = c["column"].as_u64().unwrap() as usize;
        let line_text = text.lines().nth(line - 1).unwrap();
        let rest: String = line_text.chars().skip(col - 1).collect();
        assert!(rest.starts_with(c["literal"].as_str().unwrap()), "{c}");
    }
}

/// The checks of each scenario file against the golden file beside it:
/// one line per check, `rule status: explanation`. Set FIGCHECK_BLESS=1 to
/// rewrite the golden files, then review the diff.
#[test]
fn scenario_checks_match_their_golden_files() {
    for entry in std::fs::read_dir("testdata/scenario").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("txt") {
            continue;
        }
        let (r, _) = json(&[path.to_str().unwrap()]);
        let mut got = String::new();
        for k in r["checks"].as_array().unwrap() {
            got.push_str(&format!(
                "{} {}: {}\n",
                k["rule"].as_str().unwrap(),
                k["status"].as_str().unwrap(),
                k["explanation"].as_str().unwrap()
            ));
        }
        let golden = path.with_extension("checks");
        if std::env::var_os("FIGCHECK_BLESS").is_some() {
            std::fs::write(&golden, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&golden)
            .unwrap_or_else(|_| panic!("missing golden file {}", golden.display()));
        assert_eq!(
            got,
            want,
            "{} differs from {}",
            path.display(),
            golden.display()
        );
    }
    assert!(Path::new("testdata/scenario/accounts.checks").exists());
}
