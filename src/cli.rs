//! The command line: parses arguments, reads inputs, runs the library and
//! maps the outcome to an exit status (0 clean, 1 an inconsistency, 2 an
//! error). Nothing here decides a verdict.

use anyhow::Result;
use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use figcheck::input::{self, InputFormat, InputOptions};
use figcheck::reconcile::Severity;
use figcheck::report::{self, Report};
use std::io::{IsTerminal, Write};

const AFTER_HELP: &str = "Examples:
  figcheck story.md
  figcheck --format json story.txt | jq '.checks[] | select(.status==\"inconsistent\")'
  figcheck --date 2016-08-18 update.txt
  cat story.txt | figcheck -
  figcheck extract story.txt

Exit status: 0 no inconsistency, 1 at least one inconsistent check,
2 a usage error or an input that could not be read (the others are still checked).";

#[derive(Parser, Debug)]
#[command(name = "figcheck", version, about = "Audit the figures in a news article before it is published.", after_help = AFTER_HELP, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    args: CheckArgs,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// List every figure read, with its interval, unit and period, without checking.
    Extract(CheckArgs),
}

#[derive(clap::Args, Debug, Clone)]
struct CheckArgs {
    /// Files or directories to check; `-` reads standard input.
    #[arg(value_name = "FILE")]
    files: Vec<String>,
    /// How to read the inputs (by default, by extension: .md, .html, .jsonl, else text).
    #[arg(long, value_enum, value_name = "FORMAT")]
    input_format: Option<InputFormatArg>,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Publication date (YYYY-MM-DD) for relative periods; overrides dates found in the documents.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<NaiveDate>,
    /// When to colour the table.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Check all the files as one story, so figures may tie across them.
    #[arg(long)]
    together: bool,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Table,
    Json,
    Csv,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum InputFormatArg {
    Text,
    Markdown,
    Html,
    Jsonl,
}

impl From<InputFormatArg> for InputFormat {
    fn from(f: InputFormatArg) -> InputFormat {
        match f {
            InputFormatArg::Text => InputFormat::Text,
            InputFormatArg::Markdown => InputFormat::Markdown,
            InputFormatArg::Html => InputFormat::Html,
            InputFormatArg::Jsonl => InputFormat::Jsonl,
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("'{s}' is not a date: use YYYY-MM-DD, e.g. 2016-08-18"))
}

/// Runs the command line and returns the exit status.
pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    let (args, extract_only) = match cli.command {
        Some(Command::Extract(a)) => (a, true),
        None => (cli.args, false),
    };
    match execute(&args, extract_only) {
        Ok(code) => code,
        Err(e) => {
            if is_broken_pipe(&e) {
                return 0;
            }
            eprintln!("figcheck: {e:#}");
            2
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn execute(args: &CheckArgs, extract_only: bool) -> Result<i32> {
    let files = if args.files.is_empty() {
        if std::io::stdin().is_terminal() {
            anyhow::bail!("no input: name a file, or - for standard input (see --help)");
        }
        vec!["-".to_string()]
    } else {
        args.files.clone()
    };
    let opts = InputOptions {
        date: args.date,
        format: args.input_format.map(InputFormat::from),
        ..InputOptions::default()
    };
    let loaded = input::load_all(&files, &opts);
    for e in &loaded.errors {
        eprintln!("figcheck: {e:#}");
    }
    for s in &loaded.skipped {
        eprintln!("figcheck: {s}: binary file, skipped");
    }
    let failed = !loaded.errors.is_empty();
    let docs = loaded.documents;
    let options = figcheck::Options {
        together: args.together,
    };
    let report = if extract_only {
        figcheck::extract_only(&docs)
    } else {
        figcheck::check(&docs, &options)
    };
    for d in &report.documents {
        for w in &d.warnings {
            eprintln!("figcheck: {}: warning: {w}", d.path);
        }
    }
    write_report(&report, args)?;
    Ok(if failed {
        2
    } else if report.has_inconsistency(Severity::Minor) {
        1
    } else {
        0
    })
}

fn write_report(report: &Report, args: &CheckArgs) -> Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        Format::Table => {
            let color = match args.color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => {
                    std::io::stdout().is_terminal()
                        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                }
            };
            report::table::write(report, report::table::TableOptions { color }, &mut out)?
        }
        Format::Json => report::json::write(report, &mut out)?,
        Format::Csv => report::csv::write(report, &mut out)?,
    }
    out.flush()?;
    Ok(())
}
