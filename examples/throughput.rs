//! Times each stage of the pipeline in-process on one corpus file, for
//! `make bench`: extraction alone, the reconciler (claims per second), and
//! report assembly with JSON rendering. Reading the file is not timed.
//!
//! ```text
//! cargo run --release --example throughput -- FILE [--jsonl] [--repeat N]
//! ```
//!
//! A `.jsonl` file (or `--jsonl`) is read as one document per record's
//! `text` field; anything else is one plain-text document. Prints one line
//! of `key=value` pairs; the best of `--repeat` runs (default 1) counts.

use figcheck::input::{Document, InputOptions};
use figcheck::{Options, extract, reconcile, report};
use std::time::{Duration, Instant};

// The allocator the figcheck binary uses, so that the stages are timed as
// they run there.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut path = None;
    let mut jsonl = false;
    let mut repeat = 1usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--jsonl" => jsonl = true,
            "--repeat" => repeat = args.next().and_then(|n| n.parse().ok()).unwrap_or(1),
            _ => path = Some(a),
        }
    }
    let Some(path) = path else {
        eprintln!("usage: throughput FILE [--jsonl] [--repeat N]");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path).unwrap_or_else(|e| {
        eprintln!("throughput: {path}: {e}");
        std::process::exit(2);
    });
    let size = bytes.len();
    let docs = if jsonl || path.ends_with(".jsonl") {
        records(&bytes)
    } else {
        vec![Document::from_bytes(
            path.clone(),
            bytes,
            &InputOptions::default(),
        )]
    };
    let mut best = [Duration::MAX; 3];
    let mut counts = (0, 0, 0);
    for _ in 0..repeat.max(1) {
        let (times, c) = run_once(&docs);
        counts = c;
        for (b, t) in best.iter_mut().zip(times) {
            *b = (*b).min(t);
        }
    }
    let mb = size as f64 / 1e6;
    let secs = |d: Duration| d.as_secs_f64().max(1e-9);
    println!(
        "bytes={size} documents={} claims={} checks={} json_bytes={} extract_s={:.4} extract_mbs={:.1} reconcile_s={:.4} reconcile_claims_per_s={:.0} report_json_s={:.4} total_mbs={:.1}",
        docs.len(),
        counts.0,
        counts.1,
        counts.2,
        secs(best[0]),
        mb / secs(best[0]),
        secs(best[1]),
        counts.0 as f64 / secs(best[1]),
        secs(best[2]),
        mb / secs(best[0] + best[1] + best[2]),
    );
}

/// One pass over the stages, document by document as a batch run does.
fn run_once(docs: &[Document]) -> ([Duration; 3], (usize, usize, usize)) {
    let options = Options::default();
    let mut times = [Duration::ZERO; 3];
    let mut counts = (0, 0, 0);
    for doc in docs {
        let one = std::slice::from_ref(doc);
        let t = Instant::now();
        let extraction = extract::extract(one);
        times[0] += t.elapsed();
        let t = Instant::now();
        let checks = reconcile::reconcile(one, &extraction, &options);
        times[1] += t.elapsed();
        counts.0 += extraction.claims.len();
        counts.1 += checks.len();
        let t = Instant::now();
        let rep = report::Report::from_extraction(one, extraction, &checks);
        let mut out = Counted(0);
        report::json::write(&rep, &mut out).expect("writing to a counter");
        times[2] += t.elapsed();
        counts.2 += out.0;
    }
    (times, counts)
}

/// The `text` (and `published`) of each JSON Lines record.
fn records(bytes: &[u8]) -> Vec<Document> {
    let text = String::from_utf8_lossy(bytes);
    let mut docs = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let Some(body) = v.get("text").and_then(|t| t.as_str()) else {
            continue;
        };
        let mut doc = Document::new(
            format!("record{}", n + 1),
            body.as_bytes().to_vec(),
            body.to_string(),
        );
        let published = v
            .get("published")
            .and_then(|p| p.as_str())
            .and_then(|p| chrono::NaiveDate::parse_from_str(p, "%Y-%m-%d").ok());
        doc.assign_date(None, published);
        docs.push(doc);
    }
    docs
}

/// A writer that keeps only the count of bytes: the JSON of a huge
/// document would otherwise be timed growing a buffer of gigabytes, which
/// the command line never holds (it writes through a buffered stdout).
struct Counted(usize);

impl std::io::Write for Counted {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
