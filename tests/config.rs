//! figcheck.toml end to end: discovery by walking up from the input,
//! --config, --no-config, --print-config, and each setting's effect.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

const CREW: &str = "The authority hired 46 crew in the spring and 19 in the autumn, bringing the number of new crew to 75.\n";

fn figcheck() -> Command {
    Command::cargo_bin("figcheck").expect("binary")
}

fn write(root: &Path, rel: &str, body: &str) -> String {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, body).unwrap();
    p.to_str().unwrap().to_string()
}

fn report(args: &[&str]) -> Value {
    report_of(&[&["-f", "json"], args].concat())
}

fn report_of(args: &[&str]) -> Value {
    let out = figcheck().args(args).output().unwrap();
    serde_json::from_slice(&out.stdout).expect("JSON")
}

#[test]
fn the_nearest_config_above_the_input_applies() {
    let dir = tempfile::tempdir().unwrap();
    let story = write(dir.path(), "desk/metro/story.txt", CREW);
    figcheck().arg(&story).assert().code(1);
    write(dir.path(), "figcheck.toml", "[rules]\nsum = false\n");
    figcheck().arg(&story).assert().code(0);
    // A nearer file wins over the one above it.
    write(dir.path(), "desk/figcheck.toml", "[rules]\nsum = true\n");
    figcheck().arg(&story).assert().code(1);
    figcheck()
        .args([
            "--config",
            &format!("{}/figcheck.toml", dir.path().display()),
        ])
        .arg(&story)
        .assert()
        .code(0);
    std::fs::remove_file(dir.path().join("desk/figcheck.toml")).unwrap();
    figcheck().args(["--no-config", &story]).assert().code(1);
}

#[test]
fn unknown_keys_and_rules_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let story = write(dir.path(), "story.txt", CREW);
    write(dir.path(), "figcheck.toml", "[check]\ntolerence = 0.01\n");
    figcheck()
        .arg(&story)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicates::str::contains("unknown field `tolerence`"));
    write(dir.path(), "figcheck.toml", "[rules]\nsums = false\n");
    figcheck()
        .arg(&story)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("unknown rule 'sums'"));
    figcheck()
        .args(["--config", "no/such/figcheck.toml", &story])
        .assert()
        .code(2);
}

#[test]
fn print_config_shows_the_effective_settings() {
    let dir = tempfile::tempdir().unwrap();
    let story = write(dir.path(), "story.txt", CREW);
    let toml = write(
        dir.path(),
        "figcheck.toml",
        "[rules]\nsum = false\n[check]\ntolerance = 0.02\nfiscal_year_start = 7\n[jsonl]\ntext = \"body\"\n",
    );
    let out = figcheck()
        .args(["--print-config", &story])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with(&format!("# from {toml}")), "{text}");
    for line in [
        "sum = false",
        "repeat = true",
        "tolerance = \"2%\"",
        "fiscal_year_start = 7",
        "text = \"body\"",
        "id = \"id\"",
    ] {
        assert!(text.lines().any(|l| l == line), "{line} in {text}");
    }
    let defaults = figcheck()
        .args(["--print-config", "--no-config"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&defaults.stdout).contains("no figcheck.toml found"));
}

#[test]
fn tolerance_widens_every_figure() {
    let dir = tempfile::tempdir().unwrap();
    // 46 + 19 = 65 against 75: 15% off.
    let story = write(dir.path(), "story.txt", CREW);
    write(dir.path(), "figcheck.toml", "[check]\ntolerance = \"5%\"\n");
    figcheck().arg(&story).assert().code(1);
    write(
        dir.path(),
        "figcheck.toml",
        "[check]\ntolerance = \"10%\"\n",
    );
    figcheck().arg(&story).assert().code(0);
    // The report still shows the figures as stated.
    let r = report(&[&story]);
    assert_eq!(r["claims"][2]["low"], serde_json::json!(74.5));
}

#[test]
fn fiscal_year_start_dates_fiscal_years() {
    let dir = tempfile::tempdir().unwrap();
    let story = write(
        dir.path(),
        "fy.txt",
        "The agency spent $4.2 million in fiscal 2016, it said.\n",
    );
    write(
        dir.path(),
        "figcheck.toml",
        "[check]\nfiscal_year_start = 10\n",
    );
    let r = report_of(&["extract", "-f", "json", &story]);
    let period = &r["claims"][0]["period"];
    assert_eq!(period["start"], "2015-10-01");
    assert_eq!(period["end"], "2016-10-01");
    let r = report_of(&["extract", "-f", "json", "--no-config", &story]);
    assert_ne!(r["claims"][0]["period"]["start"], "2015-10-01");
}

#[test]
fn json_lines_field_names_come_from_the_config() {
    let dir = tempfile::tempdir().unwrap();
    let batch = write(
        dir.path(),
        "batch.jsonl",
        &format!(
            "{{\"slug\": \"crew\", \"date\": \"2024-03-05\", \"body\": {}}}\n",
            serde_json::to_string(CREW).unwrap()
        ),
    );
    figcheck().arg(&batch).assert().code(2);
    write(
        dir.path(),
        "figcheck.toml",
        "[jsonl]\nid = \"slug\"\npublished = \"date\"\ntext = \"body\"\n",
    );
    let out = figcheck().args(["-f", "json", &batch]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["documents"][0]["path"], format!("{batch}#crew"));
    assert_eq!(r["documents"][0]["reference_date"], "2024-03-05");
}

#[test]
fn inputs_under_other_settings_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a/story.txt", CREW);
    let b = write(dir.path(), "b/story.txt", CREW);
    write(dir.path(), "a/figcheck.toml", "[rules]\nsum = false\n");
    figcheck()
        .args([&a, &b])
        .assert()
        .code(0)
        .stderr(predicates::str::contains(
            "is under other settings than the first input",
        ));
}
