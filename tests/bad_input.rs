//! Bad input end to end: every input gives a report or an error that names
//! the file, the other files are still checked, nothing panics and no input
//! file is ever changed.

use assert_cmd::Command;
use serde_json::Value;
use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use tempfile::TempDir;

/// figcheck with `args`, ignoring any settings file above the temporary
/// directories; a leading `extract` stays the subcommand.
fn figcheck(args: &[&str]) -> Command {
    let mut cmd = Command::cargo_bin("figcheck").expect("binary");
    let (sub, rest) = match args.split_first() {
        Some((&"extract", rest)) => (Some("extract"), rest),
        _ => (None, args),
    };
    cmd.args(sub).arg("--no-config").args(rest);
    cmd
}

struct Run {
    code: i32,
    report: Value,
    stderr: String,
}

/// Runs figcheck with `--format json` in `dir` and parses the report.
fn run_json(dir: &Path, args: &[&str]) -> Run {
    let mut full = args.to_vec();
    let at = usize::from(args.first() == Some(&"extract"));
    full.splice(at..at, ["--format", "json"]);
    let out = figcheck(&full).current_dir(dir).output().expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "panic: {stderr}");
    let report = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("no JSON report ({e}); stderr: {stderr}"));
    Run {
        code: out.status.code().expect("exit code"),
        report,
        stderr,
    }
}

fn write(dir: &Path, name: &str, body: &[u8]) -> PathBuf {
    let p = dir.join(name);
    fs::write(&p, body).expect("write fixture");
    p
}

fn claims(report: &Value) -> &Vec<Value> {
    report["claims"].as_array().expect("claims")
}

fn literals(report: &Value) -> Vec<String> {
    claims(report)
        .iter()
        .map(|c| c["literal"].as_str().unwrap_or("").to_string())
        .collect()
}

fn documents(report: &Value) -> Vec<String> {
    report["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .map(|d| d["path"].as_str().unwrap_or("").to_string())
        .collect()
}

/// Every claim's offsets must cut its literal out of the original bytes.
fn assert_offsets_point_into(report: &Value, original: &[u8]) {
    for c in claims(report) {
        let (start, end) = (
            c["start"].as_u64().expect("start") as usize,
            c["end"].as_u64().expect("end") as usize,
        );
        assert_eq!(
            &original[start..end],
            c["literal"].as_str().expect("literal").as_bytes(),
            "claim {} offsets",
            c["id"]
        );
    }
}

#[test]
fn latin1_is_read_lossily_and_offsets_are_the_original_bytes() {
    let dir = TempDir::new().unwrap();
    // "Café" and "Zürich" in Latin-1: one byte each for é and ü.
    let body = b"The caf\xe9 in Z\xfcrich sold 125,000 cups and 3,400 mugs.\n";
    write(dir.path(), "latin1.txt", body);
    let run = run_json(dir.path(), &["latin1.txt"]);
    assert_eq!(run.code, 0);
    assert!(
        run.stderr
            .contains("latin1.txt: warning: not valid UTF-8; undecodable bytes were read as '?'"),
        "{}",
        run.stderr
    );
    assert_eq!(literals(&run.report), ["125,000", "3,400"]);
    assert_offsets_point_into(&run.report, body);
    // The column counts the undecodable byte as one character.
    assert_eq!(claims(&run.report)[0]["column"], 25);
}

#[test]
fn a_binary_file_is_named_and_the_others_are_reported() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "photo.png",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
    );
    write(dir.path(), "story.txt", b"The club has 1,200 members.\n");
    let run = run_json(dir.path(), &["photo.png", "story.txt"]);
    assert_eq!(run.code, 2, "an unreadable input makes the run fail");
    assert!(
        run.stderr.contains("photo.png: binary file, not checked"),
        "{}",
        run.stderr
    );
    assert_eq!(documents(&run.report), ["story.txt"]);
    assert_eq!(literals(&run.report), ["1,200"]);
}

#[test]
fn empty_and_blank_files_are_clean_documents() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "empty.txt", b"");
    write(dir.path(), "blank.txt", b"  \n\t\r\n\n   \n");
    write(dir.path(), "blank.md", b"\n\n   \n");
    let run = run_json(dir.path(), &["empty.txt", "blank.txt", "blank.md"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(documents(&run.report).len(), 3);
    assert!(claims(&run.report).is_empty());
}

#[test]
fn a_ten_megabyte_line_is_read_to_its_end() {
    let dir = TempDir::new().unwrap();
    let filler = "and the committee met again to discuss the matter at length ".repeat(16);
    let mut body = String::new();
    let mut figures = 0;
    while body.len() < 10 * 1024 * 1024 {
        body.push_str("The port handled 4,500 ships, ");
        body.push_str(&filler);
        figures += 1;
    }
    body.push('\n');
    write(dir.path(), "long.txt", body.as_bytes());
    let run = run_json(dir.path(), &["extract", "long.txt"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let all = claims(&run.report);
    assert_eq!(all.len(), figures);
    // The last figure's column is its character position on the one line.
    let last = all.last().expect("a claim");
    let start = last["start"].as_u64().unwrap() as usize;
    assert_eq!(last["line"], 1);
    assert_eq!(last["column"].as_u64().unwrap() as usize, start + 1);
    assert_offsets_point_into(&run.report, body.as_bytes());
}

#[test]
fn a_hundred_thousand_figures_are_all_listed() {
    let dir = TempDir::new().unwrap();
    let body: String = (0..100_000)
        .map(|i| format!("The depot stored {},{:03} crates. ", 1 + i % 900, i % 1000))
        .collect();
    write(dir.path(), "many.txt", body.as_bytes());
    let out = figcheck(&["extract", "--summary", "--format", "json", "many.txt"])
        .current_dir(dir.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(report["summary"]["claims"], 100_000);
}

#[test]
fn four_hundred_digits_are_reported_not_misread() {
    let dir = TempDir::new().unwrap();
    let plain = "9".repeat(400);
    let grouped = vec!["999"; 134].join(",");
    let body = format!("The code was {plain}. The crowd reached {grouped} people.\n");
    write(dir.path(), "digits.txt", body.as_bytes());
    let run = run_json(dir.path(), &["digits.txt"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // An unbroken run of digits is an identifier; the grouped figure is a
    // claim without a value that says why.
    let all = claims(&run.report);
    assert_eq!(all.len(), 1);
    assert_eq!(all[0]["literal"], grouped.as_str());
    assert!(all[0]["value"].is_null());
    assert!(
        all[0]["problem"]
            .as_str()
            .unwrap_or("")
            .contains("too many digits to read exactly")
    );
}

#[test]
fn exponents_and_powers_are_not_read_as_figures() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "sci.txt",
        b"The universe holds 1e999 things, or 10^30, or 2^64 states, or 1.5e10 bytes, or 6E+23 moles.\n",
    );
    let run = run_json(dir.path(), &["sci.txt"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(literals(&run.report), Vec::<String>::new());
}

#[test]
fn numbers_beyond_any_integer_type_say_why_they_have_no_value() {
    let dir = TempDir::new().unwrap();
    // 2^128, and a scale that overflows a 96-bit decimal.
    let body = "Of 340,282,366,920,938,463,463,374,607,431,768,211,456 people, 5 left and 6 stayed. \
                It cost $79,228,162,514,264,337,593,543,950,335 trillion.\n";
    write(dir.path(), "huge.txt", body.as_bytes());
    let run = run_json(dir.path(), &["huge.txt"]);
    assert_eq!(run.code, 0, "no check may use an unread figure");
    let problems: Vec<&str> = claims(&run.report)
        .iter()
        .filter_map(|c| c["problem"].as_str())
        .collect();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].contains("too many digits to read exactly"));
    assert!(problems[1].ends_with("trillion: too large to read exactly"));
}

#[test]
fn negative_zero_is_zero() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "zero.txt",
        "Growth was -0 per cent in May and \u{2212}0.0 per cent in June.\n".as_bytes(),
    );
    let run = run_json(dir.path(), &["zero.txt"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let all = claims(&run.report);
    assert_eq!(all.len(), 2);
    for c in all {
        assert_eq!(c["value"].to_string(), "0", "{c}");
        assert!(c["low"].as_f64().unwrap() < 0.0 && c["high"].as_f64().unwrap() > 0.0);
    }
}

#[test]
fn a_million_percent_is_a_percentage() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "pct.txt",
        b"Prices rose by 1,000,000% in a year.\n",
    );
    let run = run_json(dir.path(), &["pct.txt"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let c = &claims(&run.report)[0];
    assert_eq!(c["quantity"], "percent");
    assert_eq!(c["value"].to_string(), "1000000");
}

#[test]
fn a_missing_file_is_named_and_the_others_are_checked() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "story.txt", b"The club has 1,200 members.\n");
    let run = run_json(dir.path(), &["gone.txt", "story.txt"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("figcheck: gone.txt: cannot read: No such file or directory"),
        "{}",
        run.stderr
    );
    assert_eq!(documents(&run.report), ["story.txt"]);
}

#[test]
fn a_directory_is_walked_and_an_empty_one_is_an_error() {
    let dir = TempDir::new().unwrap();
    fs::create_dir(dir.path().join("stories")).unwrap();
    fs::create_dir(dir.path().join("nothing")).unwrap();
    write(
        &dir.path().join("stories"),
        "a.txt",
        b"The club has 1,200 members.\n",
    );
    write(
        &dir.path().join("nothing"),
        "photo.jpg",
        b"\xff\xd8\xff\x00",
    );
    let run = run_json(dir.path(), &["stories", "nothing"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("nothing: no files to check in this directory"),
        "{}",
        run.stderr
    );
    assert_eq!(documents(&run.report), ["stories/a.txt"]);
}

#[test]
fn an_unreadable_file_is_named_and_the_others_are_checked() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new().unwrap();
    write(dir.path(), "story.txt", b"The club has 1,200 members.\n");
    let locked = write(dir.path(), "locked.txt", b"Secret 5 figures.\n");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&locked).is_ok() {
        // Running as root (or with CAP_DAC_OVERRIDE): permissions do not
        // stop reading, so the permission case cannot happen here. A path
        // through a regular file fails to open for every user instead.
        eprintln!("note: permissions are not enforced for this user; checking ENOTDIR");
        let run = run_json(dir.path(), &["story.txt/inner.txt", "story.txt"]);
        assert_eq!(run.code, 2);
        assert!(
            run.stderr
                .contains("figcheck: story.txt/inner.txt: cannot read: Not a directory"),
            "{}",
            run.stderr
        );
        assert_eq!(documents(&run.report), ["story.txt"]);
        return;
    }
    let run = run_json(dir.path(), &["locked.txt", "story.txt"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("figcheck: locked.txt: cannot read: Permission denied"),
        "{}",
        run.stderr
    );
    assert_eq!(documents(&run.report), ["story.txt"]);
}

#[test]
fn a_path_that_is_not_utf8_is_named_and_the_others_are_checked() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = TempDir::new().unwrap();
    let name = OsStr::from_bytes(b"caf\xe9.txt");
    fs::write(dir.path().join(name), b"The cafe sold 125,000 cups.\n").unwrap();
    write(dir.path(), "story.txt", b"The club has 1,200 members.\n");
    let out = figcheck(&["--format", "json"])
        .current_dir(dir.path())
        .arg(name)
        .arg("story.txt")
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr.contains("figcheck: caf\u{fffd}.txt: the path is not UTF-8, not checked"),
        "{stderr}"
    );
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(documents(&report), ["story.txt"]);
    assert_eq!(literals(&report), ["1,200"]);

    // Inside a walked directory too, in the buffered and streamed outputs.
    let sub = dir.path().join("sub");
    fs::create_dir(&sub).unwrap();
    fs::write(sub.join(name), b"The cafe sold 125,000 cups.\n").unwrap();
    write(&sub, "story.txt", b"The club has 1,200 members.\n");
    let run = run_json(dir.path(), &["sub"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("sub/caf\u{fffd}.txt: the path is not UTF-8, not checked"),
        "{}",
        run.stderr
    );
    assert_eq!(documents(&run.report), ["sub/story.txt"]);
    let out = figcheck(&["--format", "csv", "sub"])
        .current_dir(dir.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stdout).contains("sub/story.txt"));
}

#[test]
fn closing_stdout_early_exits_quietly() {
    let dir = TempDir::new().unwrap();
    let body = "The port handled 4,500 ships and 1,200 boats. ".repeat(5000);
    write(dir.path(), "big.txt", body.as_bytes());
    for format in ["table", "json", "jsonl", "csv", "line", "sarif", "github"] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("figcheck"))
            .current_dir(dir.path())
            .args(["extract", "--no-config", "--format", format, "big.txt"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawns");
        let mut first = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut first)
            .expect("reads a line");
        // The reader is dropped here: the pipe closes like `| head -1`.
        let mut stderr = String::new();
        child
            .stderr
            .take()
            .expect("stderr")
            .read_to_string(&mut stderr)
            .expect("reads stderr");
        let status = child.wait().expect("exits");
        assert_eq!(status.code(), Some(0), "{format}: {stderr}");
        assert!(stderr.is_empty(), "{format}: {stderr}");
    }
}

#[test]
fn closing_stdout_early_in_a_shell_pipeline_is_quiet() {
    let dir = TempDir::new().unwrap();
    let body = "The port handled 4,500 ships and 1,200 boats. ".repeat(5000);
    write(dir.path(), "big.txt", body.as_bytes());
    let bin = assert_cmd::cargo::cargo_bin("figcheck");
    let script = format!(
        "'{}' --no-config big.txt | head -1 >/dev/null; echo \"${{PIPESTATUS[0]}}\"",
        bin.display()
    );
    let out = std::process::Command::new("bash")
        .current_dir(dir.path())
        .args(["-c", &script])
        .output()
        .expect("bash runs");
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "0");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_bad_date_is_a_usage_error_that_shows_the_form() {
    for bad in ["yesterday", "2016-13-45", "18/08/2016", ""] {
        let out = figcheck(&["--date", bad, "x.txt"]).output().expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{bad}");
        assert!(stderr.contains("YYYY-MM-DD"), "{bad}: {stderr}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn an_unknown_format_is_a_usage_error_that_lists_the_formats() {
    let out = figcheck(&["--format", "xml", "x.txt"])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr.contains("possible values: table, json, jsonl, csv, line, sarif, github"),
        "{stderr}"
    );
    let out = figcheck(&["--input-format", "pdf", "x.txt"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("possible values: text, markdown"));
}

#[test]
fn unbalanced_and_deeply_nested_markup_is_read() {
    let dir = TempDir::new().unwrap();
    let html = format!(
        "<html><body>{}<p>The council hired 3,000 staff.</p>{}<p><b>120 people <i>left</p></td></table>",
        "<div>".repeat(100_000),
        "</span>".repeat(50)
    );
    let md = format!(
        "{}The council hired 3,000 staff.\n\n{}\n\n{}x\n\n{}120 people left.\n\n```\nunclosed 5 fence\n",
        "> ".repeat(10_000),
        "[".repeat(50_000),
        "*".repeat(30_000),
        "- ".repeat(5_000)
    );
    write(dir.path(), "soup.html", html.as_bytes());
    write(dir.path(), "soup.md", md.as_bytes());
    for (name, body) in [("soup.html", html), ("soup.md", md)] {
        let run = run_json(dir.path(), &[name]);
        assert_eq!(run.code, 0, "{name}: {}", run.stderr);
        assert_eq!(literals(&run.report), ["3,000", "120"], "{name}");
        assert_offsets_point_into(&run.report, body.as_bytes());
    }
}

#[test]
fn bad_json_lines_records_are_named_by_line_and_the_batch_goes_on() {
    let dir = TempDir::new().unwrap();
    let batch = concat!(
        "{\"id\": \"a\", \"text\": \"The council hired 3,000 staff.\"}\n",
        "{\"id\": \"b\", \"text\": \"cut off\n",
        "[1, 2, 3]\n",
        "{\"id\": \"c\", \"text\": 42}\n",
        "\n",
        "{\"id\": \"d\", \"text\": \"Some 200 people came.\"}\n",
    );
    write(dir.path(), "batch.jsonl", batch.as_bytes());
    let run = run_json(dir.path(), &["batch.jsonl"]);
    assert_eq!(run.code, 2);
    for line in 2..=4 {
        assert!(
            run.stderr
                .contains(&format!("figcheck: batch.jsonl:{line}: ")),
            "line {line}: {}",
            run.stderr
        );
    }
    assert_eq!(documents(&run.report).len(), 2);
    assert_eq!(literals(&run.report), ["3,000", "200"]);
}

/// Bytes, permissions and modification time of every file under `dir`.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>, u32, std::time::SystemTime)> {
    use std::os::unix::fs::PermissionsExt;
    let mut out: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            let meta = fs::metadata(&p).unwrap();
            (
                p.clone(),
                fs::read(&p).unwrap(),
                meta.permissions().mode(),
                meta.modified().unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn figcheck_never_alters_or_adds_a_file() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "story.txt",
        b"Of 360,000 accounts, 125,000 were closed and 235,000 kept.\n",
    );
    write(dir.path(), "latin1.txt", b"caf\xe9 sold 125,000 cups.\n");
    write(
        dir.path(),
        "story.md",
        b"# Title\n\nThe club has *1,200* members.\n",
    );
    write(
        dir.path(),
        "story.html",
        b"<p>The club has <b>1,200</b> members.</p>",
    );
    write(
        dir.path(),
        "batch.jsonl",
        b"{\"id\": \"a\", \"text\": \"Some 200 came.\"}\nnot json\n",
    );
    let before = snapshot(dir.path());
    for format in ["table", "json", "jsonl", "csv", "line", "sarif", "github"] {
        for sub in [None, Some("extract")] {
            let args: Vec<&str> = sub.into_iter().chain(["--format", format, "."]).collect();
            figcheck(&args).current_dir(dir.path()).assert().code(2);
        }
    }
    assert_eq!(snapshot(dir.path()), before);
}
