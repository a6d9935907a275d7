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

pub mod calendar;
pub mod extract;
pub mod input;
pub mod interval;
pub mod period;
pub mod reconcile;
pub mod report;

use input::Document;

/// Settings for one run of the pipeline.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Check the documents as one story: figures in one may tie to another.
    pub together: bool,
}

/// Runs extraction, reconciliation and report assembly over documents.
pub fn check(docs: &[Document], opts: &Options) -> report::Report {
    let extraction = extract::extract(docs);
    let checks = reconcile::reconcile(docs, &extraction, opts);
    report::Report::build(docs, &extraction, &checks)
}

/// Runs extraction only: the report lists claims and no checks.
pub fn extract_only(docs: &[Document]) -> report::Report {
    let extraction = extract::extract(docs);
    report::Report::build(docs, &extraction, &[])
}
