//! rustc-style snippets for inconsistent checks: the sentence as it stands
//! in the file, the figures underlined, and the arithmetic beneath.

use super::{CheckRecord, Report};
use crate::reconcile::Severity;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet, renderer::DecorStyle};
use std::io::{self, Write};

/// Writes a snippet for every inconsistent check that has an excerpt.
pub fn write(report: &Report, color: bool, out: &mut dyn Write) -> io::Result<()> {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .decor_style(DecorStyle::Unicode);
    for check in report.issues() {
        if let Some(text) = render(report, check, &renderer) {
            writeln!(out, "{text}\n")?;
        }
    }
    Ok(())
}

fn render(report: &Report, check: &CheckRecord, renderer: &Renderer) -> Option<String> {
    let excerpt = check.excerpt.as_ref()?;
    let level = match check.severity {
        Some(Severity::Minor) => Level::WARNING,
        _ => Level::ERROR,
    };
    let mut snippet = Snippet::source(excerpt.text.as_str())
        .line_start(excerpt.line)
        .fold(true);
    // The renderer counts columns from the start of the excerpt, so it can
    // name the place only when the excerpt starts a line; otherwise the
    // place is given in a note.
    let whole_lines = excerpt.column == 1;
    if whole_lines {
        snippet = snippet.path(&*check.document);
    }
    let last = check.claims.len().saturating_sub(1);
    for (i, id) in check.claims.iter().enumerate() {
        let Some(claim) = report.claim(*id) else {
            continue;
        };
        if claim.document != check.document
            || claim.start < excerpt.start
            || claim.end > excerpt.end
        {
            continue;
        }
        let span = claim.start - excerpt.start..claim.end - excerpt.start;
        snippet = snippet.annotation(if i == last {
            AnnotationKind::Primary.span(span).label("stated")
        } else {
            AnnotationKind::Context.span(span)
        });
    }
    let title = format!(
        "inconsistent figures [{}, {}]",
        check.rule,
        Report::severity_name(check.severity)
    );
    let place = check
        .claims
        .last()
        .and_then(|id| report.claim(*id))
        .map(|c| format!("at {}:{}:{}", check.document, c.line, c.column))
        .unwrap_or_default();
    let mut groups = vec![
        level
            .primary_title(title)
            .id(check.id.to_string())
            .element(snippet),
    ];
    if !whole_lines {
        groups.push(Group::with_title(Level::NOTE.secondary_title(place)));
    }
    groups.push(Group::with_title(
        Level::NOTE.secondary_title(check.explanation.as_str()),
    ));
    groups.push(Group::with_title(
        Level::HELP.secondary_title(format!("tied by {}", check.evidence)),
    ));
    Some(renderer.render(&groups))
}
