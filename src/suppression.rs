//! Applies inline `figcheck-ignore-next` comments to a batch's checks: a
//! suppressed check leaves the report (it is counted), and a comment that
//! silenced nothing is reported as a warning, so stale suppressions do not
//! pile up.

use crate::extract::Extraction;
use crate::input::Document;
use crate::reconcile::Check;

/// What suppression did to a batch.
#[derive(Debug, Default)]
pub struct Outcome {
    /// How many checks were removed.
    pub suppressed: usize,
    /// (document index, message) for each comment that silenced nothing.
    pub unused: Vec<(usize, String)>,
}

/// Removes the checks that a suppression covers.
pub fn apply(docs: &[Document], extraction: &Extraction, checks: &mut Vec<Check>) -> Outcome {
    let mut used: Vec<Vec<bool>> = docs
        .iter()
        .map(|d| vec![false; d.suppressions.len()])
        .collect();
    let before = checks.len();
    checks.retain(|check| {
        let mut keep = true;
        for &c in &check.claims {
            let Some(claim) = extraction.claims.get(c) else {
                continue;
            };
            let Some(doc) = docs.get(claim.doc) else {
                continue;
            };
            for (k, s) in doc.suppressions.iter().enumerate() {
                if s.covers(check.rule, claim.start) {
                    used[claim.doc][k] = true;
                    keep = false;
                }
            }
        }
        keep
    });
    let mut outcome = Outcome {
        suppressed: before - checks.len(),
        unused: Vec::new(),
    };
    for (d, doc) in docs.iter().enumerate() {
        for (k, s) in doc.suppressions.iter().enumerate() {
            if !used[d][k] {
                let (line, _) = doc.line_col(s.at);
                outcome.unused.push((
                    d,
                    format!("line {line}: figcheck-ignore-next suppressed no check"),
                ));
            }
        }
    }
    outcome
}
