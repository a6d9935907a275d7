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
pub mod suppression;

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
    let mut checks = reconcile::reconcile(docs, &extraction, opts);
    let outcome = suppression::apply(docs, &extraction, &mut checks);
    let mut report = report::Report::build(docs, &extraction, &checks);
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
    let extraction = extract::extract(docs);
    report::Report::build(docs, &extraction, &[])
}
