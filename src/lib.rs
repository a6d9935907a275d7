//! figcheck audits the figures in a news article: it finds every figure a
//! story states, the period each covers, and checks the figures that the
//! story ties together (sums, running totals, changes, percentages) with
//! exact interval arithmetic.
//!
//! The library is the whole tool; the binary only parses arguments and
//! maps results to exit codes. Data flows through four stages, each with one
//! plain type at its boundary:
//!
//! ```text
//! input::Document -> extract::Extraction (Claims) -> reconcile::Check -> report::Report
//! ```

pub mod batch;
pub mod calendar;
pub mod config;
pub mod extract;
pub mod input;
pub mod interval;
pub mod period;
pub mod reconcile;
pub mod report;
pub mod suppression;

use input::Document;
use rust_decimal::Decimal;

/// Settings for one run of the pipeline.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Check the documents as one story: figures in one may tie to another.
    pub together: bool,
    /// Ids of rules that do not run.
    pub disabled_rules: Vec<String>,
    /// A relative allowance (0.01 = 1%) added on both sides of every
    /// figure's interval before checking, for newsrooms that accept looser
    /// rounding than the written precision implies. Zero by default.
    pub tolerance: Decimal,
    /// How periods are read (the fiscal year's start month).
    pub periods: extract::period::Options,
}

/// Runs extraction, reconciliation and report assembly over documents.
/// Unless they are one story (`opts.together`), each document is checked
/// on its own and the reports are joined in order, so a document's claims
/// and checks come out the same whatever batch it is in.
pub fn check(docs: &[Document], opts: &Options) -> report::Report {
    if opts.together || docs.len() < 2 {
        return check_story(docs, opts);
    }
    let mut all = report::Report::empty();
    for doc in docs {
        all.append(check_story(std::slice::from_ref(doc), opts));
    }
    all
}

/// Checks documents as one story: figures may tie across them.
fn check_story(docs: &[Document], opts: &Options) -> report::Report {
    let extraction = extract::extract_with(docs, opts.periods);
    let mut checks = if opts.tolerance.is_zero() {
        reconcile::reconcile(docs, &extraction, opts)
    } else {
        let widened = with_tolerance(&extraction, opts.tolerance);
        reconcile::reconcile(docs, &widened, opts)
    };
    let outcome = suppression::apply(docs, &extraction, &mut checks);
    // The claims become the report's records: nothing of a large document
    // is held twice.
    let mut report = report::Report::from_extraction(docs, extraction, &checks);
    report.summary.suppressed = outcome.suppressed;
    for (d, message) in outcome.unused {
        if let Some(info) = report.documents.get_mut(d) {
            info.warnings.push(message);
        }
    }
    report
}

/// Runs extraction only: the report lists claims and no checks.
pub fn extract_only(docs: &[Document]) -> report::Report {
    extract_claims(docs, &Options::default())
}

/// Runs extraction only, with the run's settings (period reading).
pub fn extract_claims(docs: &[Document], opts: &Options) -> report::Report {
    let extraction = extract::extract_with(docs, opts.periods);
    report::Report::from_extraction(docs, extraction, &[])
}

/// A copy of the extraction whose claim intervals are widened by a
/// relative tolerance; the report still shows the intervals as stated.
fn with_tolerance(extraction: &extract::Extraction, tolerance: Decimal) -> extract::Extraction {
    let mut out = extraction.clone();
    for claim in &mut out.claims {
        claim.interval = claim.interval.widen_relative(tolerance);
    }
    out
}
