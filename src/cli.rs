//! The command line: parses arguments, reads inputs, runs the library and
//! maps the outcome to an exit status (0 clean, 1 an inconsistency, 2 an
//! error). Nothing here decides a verdict.
//!
//! Arguments are read in two stages: the raw flags (clap), then the
//! settings they resolve to (colour, exit policy), which the rest of the
//! run takes.

use anyhow::{Result, bail};
use chrono::NaiveDate;
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use figcheck::batch::{self, Parallelism};
use figcheck::config::{self, Config};
use figcheck::input::{self, InputFormat, InputOptions};
use figcheck::reconcile::Severity;
use figcheck::report::{self, Report, Show};
use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

const AFTER_HELP: &str = "Examples:
  figcheck story.md                      check one story, table and snippets
  figcheck articles/                     check every .txt, .md, .html, .jsonl below a folder
  figcheck --format line story.html      path:line:col: inconsistent: ... for editors
  figcheck --format json story.txt | jq '.checks[] | select(.status==\"inconsistent\")'
  figcheck --format sarif stories/ > figcheck.sarif
  figcheck --fail-on major --format github stories/
  figcheck --date 2016-08-18 update.txt  date relative periods (\"last year\")
  cat story.txt | figcheck -
  figcheck extract story.txt             list every figure read, without checking

Exit status: 0 no inconsistency (or none that --fail-on counts), 1 an
inconsistency that --fail-on counts, 2 a usage error or an input that could
not be read (the other inputs are still checked and reported).";

#[derive(Parser, Debug)]
#[command(
    name = "figcheck",
    version,
    about = "Audit the figures in a news article before it is published.",
    long_about = "Audit the figures in a news article before it is published.\n\n\
        figcheck reads every figure a story states, with its qualifier, unit and period, \
        and checks the figures the story ties together (parts and totals, changes, shares) \
        with exact interval arithmetic that allows for rounding.",
    after_help = AFTER_HELP,
    args_conflicts_with_subcommands = true
)]
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
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) to standard output.
    Man,
}

#[derive(clap::Args, Debug, Clone)]
struct CheckArgs {
    /// Files or directories to check; `-` reads standard input.
    #[arg(value_name = "FILE", value_parser = clap::value_parser!(OsString))]
    files: Vec<OsString>,
    /// How to read the inputs (by default, by extension: .md, .html, .jsonl, else text).
    #[arg(long, value_enum, value_name = "FORMAT")]
    input_format: Option<InputFormatArg>,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Which claims to list: every claim, those in a check, or those in an inconsistent check.
    #[arg(long, value_enum, default_value_t = ShowArg::All)]
    show: ShowArg,
    /// Print the counts only.
    #[arg(long)]
    summary: bool,
    /// Print nothing on standard output and no warnings; the exit status tells the result.
    #[arg(short, long)]
    quiet: bool,
    /// Which findings make the exit status 1.
    #[arg(long, value_enum, default_value_t = FailOn::Inconsistent, value_name = "LEVEL")]
    fail_on: FailOn,
    /// Publication date (YYYY-MM-DD) for relative periods; overrides dates found in the documents.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<NaiveDate>,
    /// When to colour the table (auto: on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    color: ColorChoice,
    /// Check all the files as one story, so figures may tie across them.
    #[arg(long)]
    together: bool,
    /// Settings file to use instead of the figcheck.toml found above the first input.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    config: Option<PathBuf>,
    /// Use the default settings, ignoring any figcheck.toml.
    #[arg(long)]
    no_config: bool,
    /// Print the effective settings (as figcheck.toml) and exit.
    #[arg(long)]
    print_config: bool,
    /// Threads to check with (0: one per core). Documents are checked in parallel unless --together.
    #[arg(short = 'j', long, default_value_t = 0, value_name = "N")]
    jobs: usize,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    /// A table of claims, the checks, a snippet per inconsistency and the counts.
    Table,
    /// The whole report as one JSON document (docs/output.md).
    Json,
    /// One JSON object per line: documents, claims, checks, summary.
    Jsonl,
    /// One row per claim (RFC 4180).
    Csv,
    /// path:line:col: inconsistent: explanation, one per inconsistent check.
    Line,
    /// SARIF 2.1.0 for code-scanning dashboards.
    Sarif,
    /// GitHub Actions workflow annotations.
    Github,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ShowArg {
    All,
    Checked,
    Issues,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum FailOn {
    /// Any inconsistent check.
    Inconsistent,
    /// A major inconsistency only (off by 5% or more, or wrong in direction).
    Major,
    /// Never: exit 0 unless an input could not be read.
    Never,
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

impl From<ShowArg> for Show {
    fn from(s: ShowArg) -> Show {
        match s {
            ShowArg::All => Show::All,
            ShowArg::Checked => Show::Checked,
            ShowArg::Issues => Show::Issues,
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
    let outcome = match cli.command {
        Some(Command::Extract(a)) => execute(&a, true),
        Some(Command::Completions { shell }) => print_completions(shell),
        Some(Command::Man) => print_man(),
        None => execute(&cli.args, false),
    };
    match outcome {
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

fn print_completions(shell: clap_complete::Shell) -> Result<i32> {
    let mut out = std::io::stdout();
    clap_complete::generate(shell, &mut Cli::command(), "figcheck", &mut out);
    out.flush()?;
    Ok(0)
}

fn print_man() -> Result<i32> {
    let mut out = std::io::stdout();
    clap_mangen::Man::new(Cli::command()).render(&mut out)?;
    out.flush()?;
    Ok(0)
}

fn execute(args: &CheckArgs, extract_only: bool) -> Result<i32> {
    if args.summary && matches!(args.format, Format::Sarif | Format::Github) {
        bail!(
            "--summary has no {:?} form: use it with table, line, json, jsonl or csv",
            args.format
        );
    }
    let (config, config_path) = settings(args)?;
    if args.print_config {
        print!("{}", config.effective_toml(config_path.as_deref()));
        std::io::stdout().flush()?;
        return Ok(0);
    }
    let files = if args.files.is_empty() {
        if std::io::stdin().is_terminal() {
            bail!("no input: name a file, or - for standard input (see --help)");
        }
        vec!["-".to_string()]
    } else {
        utf8_paths(&args.files)
    };
    // A path that is not UTF-8 was named on stderr and is not in `files`.
    let bad_paths = files.len() < args.files.len();
    let opts = InputOptions {
        date: args.date,
        format: args.input_format.map(InputFormat::from),
        fields: config.fields(),
    };
    let options = figcheck::Options {
        together: args.together,
        disabled_rules: config.disabled_rules(),
        tolerance: config.tolerance(),
        periods: figcheck::extract::period::Options {
            fiscal_year_start: config.check.fiscal_year_start,
        },
    };
    let par = Parallelism::threads(args.jobs);
    let streams = matches!(
        args.format,
        Format::Jsonl | Format::Csv | Format::Line | Format::Github
    );
    if streams && !args.together {
        let run = Run {
            args,
            extract_only,
            opts: &opts,
            options: &options,
        };
        return run
            .stream(&files, par)
            .map(|code| if bad_paths { 2 } else { code });
    }
    let loaded = input::load_all(&files, &opts);
    for e in &loaded.errors {
        eprintln!("figcheck: {e:#}");
    }
    let failed = !loaded.errors.is_empty() || bad_paths;
    let docs = loaded.documents;
    let report = if extract_only {
        figcheck::extract_claims(&docs, &options)
    } else {
        figcheck::batch::check_all(&docs, &options, par)
    };
    if !args.quiet {
        for s in &loaded.skipped {
            eprintln!("figcheck: {s}: binary file, skipped");
        }
        print_warnings(&report);
        write_report(&report, args)?;
    }
    let status = exit_status(failed, fails(&report, args.fail_on));
    // The process ends here: freeing a large report one string at a time
    // (millions of them for a huge document) would only delay the exit.
    std::mem::forget((report, docs));
    Ok(status)
}

/// The paths as text, which is how inputs travel to the readers. One that
/// is not UTF-8 is named on stderr (its odd bytes as U+FFFD) and left out,
/// the other inputs are still checked, and the run exits 2.
fn utf8_paths(paths: &[OsString]) -> Vec<String> {
    paths
        .iter()
        .filter_map(|p| match p.to_str() {
            Some(s) => Some(s.to_string()),
            None => {
                eprintln!(
                    "figcheck: {}: the path is not UTF-8, not checked; rename the file to check it",
                    p.to_string_lossy()
                );
                None
            }
        })
        .collect()
}

fn print_warnings(report: &Report) {
    for d in &report.documents {
        for w in &d.warnings {
            eprintln!("figcheck: {}: warning: {w}", d.path);
        }
    }
}

fn fails(report: &Report, fail_on: FailOn) -> bool {
    match fail_on {
        FailOn::Inconsistent => report.has_inconsistency(Severity::Minor),
        FailOn::Major => report.has_inconsistency(Severity::Major),
        FailOn::Never => false,
    }
}

fn exit_status(failed: bool, fails: bool) -> i32 {
    if failed {
        2
    } else if fails {
        1
    } else {
        0
    }
}

/// A document checked on a worker, with whether it fails the run (its
/// records may be gone when the run writes only counts).
struct Checked {
    report: Report,
    fails: bool,
    /// Its JSON Lines, rendered on the worker; the report then holds no
    /// records.
    lines: Option<report::jsonl::Rendered>,
}

/// Documents with up to this many claims have their JSON Lines rendered on
/// the worker that checked them. A larger one is written from its records
/// as they are encoded, since its rendered lines would take more memory
/// than its records.
const RENDER_ON_WORKER: usize = 20_000;

/// One run over a batch whose output can be written a document at a time.
struct Run<'a> {
    args: &'a CheckArgs,
    extract_only: bool,
    opts: &'a InputOptions,
    options: &'a figcheck::Options,
}

impl Run<'_> {
    /// Whether the output lists claims and checks, not only the counts.
    fn listing(&self) -> bool {
        !self.args.quiet && !self.args.summary
    }

    /// Reads the inputs lazily, checks the documents over `par` threads and
    /// writes each one's lines as soon as those before it are out, so memory
    /// follows the window of documents in flight, not the batch. Ids still
    /// count across the run.
    fn stream(&self, files: &[String], par: Parallelism) -> Result<i32> {
        let stdout = std::io::stdout();
        // As large as the pieces JSON Lines output is written in, so that
        // they pass straight through.
        let mut out = std::io::BufWriter::with_capacity(report::jsonl::SPILL, stdout.lock());
        // JSON Lines rendered on this thread and not yet written.
        let mut pending = Vec::new();
        let args = self.args;
        let listing = self.listing();
        if listing && args.format == Format::Csv {
            report::csv::write_header(&mut out)?;
        }
        let mut total = Report::empty();
        let (mut failed, mut fails_on) = (false, false);
        let sources = input::stream::sources(files, self.opts);
        batch::map_ordered(
            sources,
            par,
            // On one thread, rendering first would only add a copy.
            |source| self.check(source, par.threads > 1),
            |(loaded, reports)| -> Result<()> {
                for e in &loaded.errors {
                    eprintln!("figcheck: {e:#}");
                }
                failed |= !loaded.errors.is_empty();
                for s in loaded.skipped.iter().filter(|_| !args.quiet) {
                    eprintln!("figcheck: {s}: binary file, skipped");
                }
                for Checked {
                    mut report,
                    fails,
                    lines,
                } in reports
                {
                    let (claims, checks) = (total.summary.claims, total.summary.checks);
                    report.renumber(claims, checks);
                    total.summary.add(&report.summary);
                    fails_on |= fails;
                    if !args.quiet {
                        print_warnings(&report);
                    }
                    if let Some(lines) = lines {
                        out.write_all(&pending)?;
                        pending.clear();
                        lines.write(claims, checks, &mut out)?;
                    } else if listing {
                        self.write_one(report, &mut pending, &mut out)?;
                    }
                }
                Ok(())
            },
        )?;
        out.write_all(&pending)?;
        if !args.quiet {
            match (args.format, args.summary) {
                (Format::Jsonl, _) => report::jsonl::write_summary(&total, &mut out)?,
                (Format::Csv, true) => report::csv::write_summary(&total, &mut out)?,
                (_, true) => report::table::write_summary(&total, &mut out)?,
                _ => {}
            }
        }
        out.flush()?;
        Ok(exit_status(failed, fails_on))
    }

    /// Runs on a worker thread: reads one piece of input and checks each of
    /// its documents on its own.
    fn check(&self, source: input::stream::Source, render: bool) -> (input::Loaded, Vec<Checked>) {
        let mut loaded = source.load(self.opts);
        let docs = std::mem::take(&mut loaded.documents);
        let listing = self.listing();
        let reports = docs
            .iter()
            .map(|d| {
                let one = std::slice::from_ref(d);
                let mut report = if self.extract_only {
                    figcheck::extract_claims(one, self.options)
                } else {
                    figcheck::check(one, self.options)
                };
                let fails = fails(&report, self.args.fail_on);
                let mut lines = None;
                if render
                    && listing
                    && self.args.format == Format::Jsonl
                    && report.claims.len() <= RENDER_ON_WORKER
                {
                    report.retain_claims(Show::from(self.args.show));
                    lines = Some(report::jsonl::render_items(&report));
                }
                if !listing || lines.is_some() {
                    // Only the counts are left to write: free the records
                    // here, on the thread that made them, rather than on
                    // the writing thread (docs/performance.md).
                    report.claims = Vec::new();
                    report.checks = Vec::new();
                }
                Checked {
                    report,
                    fails,
                    lines,
                }
            })
            .collect();
        (loaded, reports)
    }

    /// Writes one document's report; JSON Lines through `pending`, whose
    /// last few lines are left there ([`report::jsonl::write_items_to`]).
    fn write_one(&self, mut r: Report, pending: &mut Vec<u8>, out: &mut dyn Write) -> Result<()> {
        r.retain_claims(Show::from(self.args.show));
        match self.args.format {
            Format::Jsonl => report::jsonl::write_items_to(&r, pending, out)?,
            Format::Csv => report::csv::write_rows(&r, out)?,
            Format::Line => report::line::write(&r, out)?,
            _ => report::github::write(&r, out)?,
        }
        Ok(())
    }
}

/// The settings in force: `--config`, else the figcheck.toml found by
/// walking up from the first input (the working directory for standard
/// input), else the defaults. Returns the file they came from.
fn settings(args: &CheckArgs) -> Result<(Config, Option<PathBuf>)> {
    if args.no_config {
        return Ok((Config::default(), None));
    }
    let path = match &args.config {
        Some(p) => Some(p.clone()),
        None => {
            let mut inputs = args.files.iter().filter(|f| *f != "-").map(Path::new);
            let found = config::discover(inputs.next().unwrap_or(Path::new(".")));
            // One run has one set of settings; say so when inputs from
            // another project would have had others.
            if let Some(other) = inputs.find(|f| config::discover(f) != found) {
                eprintln!(
                    "figcheck: warning: {} is under other settings than the first input; using {}",
                    other.display(),
                    found
                        .as_deref()
                        .map_or("the defaults".to_string(), |p| p.display().to_string())
                );
            }
            found
        }
    };
    match path {
        Some(p) => Ok((Config::load(&p)?, Some(p))),
        None => Ok((Config::default(), None)),
    }
}

/// Whether to colour: `--color`, then NO_COLOR (set and not empty turns
/// colour off), then CLICOLOR_FORCE (set and not "0" turns it on), then
/// whether standard output is a terminal.
fn use_color(choice: ColorChoice) -> bool {
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            if set("NO_COLOR") {
                false
            } else if set("CLICOLOR_FORCE")
                && std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| v != "0")
            {
                true
            } else {
                std::io::stdout().is_terminal()
            }
        }
    }
}

fn write_report(report: &Report, args: &CheckArgs) -> Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let show = Show::from(args.show);
    // A copy only when claims are left out: a report can be large.
    let listed = || {
        if show == Show::All {
            return std::borrow::Cow::Borrowed(report);
        }
        let mut r = report.clone();
        r.retain_claims(show);
        std::borrow::Cow::Owned(r)
    };
    let summary_only = || {
        let mut r = report.clone();
        r.claims.clear();
        r.checks.clear();
        r.documents.clear();
        r
    };
    match (args.format, args.summary) {
        (Format::Table | Format::Line, true) => report::table::write_summary(report, &mut out)?,
        (Format::Table, false) => {
            let opts = report::table::TableOptions {
                color: use_color(args.color),
                show,
            };
            report::table::write(report, opts, &mut out)?
        }
        (Format::Json, true) => report::json::write(&summary_only(), &mut out)?,
        (Format::Json, false) => report::json::write(&listed(), &mut out)?,
        (Format::Jsonl, true) => report::jsonl::write_summary(report, &mut out)?,
        (Format::Jsonl, false) => report::jsonl::write(&listed(), &mut out)?,
        (Format::Csv, true) => report::csv::write_summary(report, &mut out)?,
        (Format::Csv, false) => report::csv::write(&listed(), &mut out)?,
        (Format::Line, false) => report::line::write(report, &mut out)?,
        (Format::Sarif, _) => report::sarif::write(report, &mut out)?,
        (Format::Github, _) => report::github::write(report, &mut out)?,
    }
    out.flush()?;
    Ok(())
}
