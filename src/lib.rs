//! tickmark ticks and ties corporate earnings releases: it reads a release,
//! finds its tables and figures, and checks the invariants that must hold
//! between them, reporting each miss at its exact span in the file.
//!
//! The pipeline, one module per stage, data flowing one way:
//!
//! ```text
//! files ─▶ ingest ─▶ parse ─▶ check ─▶ report
//! ```
//!
//! See `ARCHITECTURE.md` for the code map and the invariants.

pub mod check;
pub mod document;
pub mod ingest;
pub mod interval;
pub mod parse;
pub mod report;
pub mod rules;
pub mod span;
pub mod textmap;

use document::{Document, Format, SourceFile};
use std::sync::Arc;

/// A document read and checked.
#[derive(Debug)]
pub struct Audit {
    pub document: Document,
    pub outcome: check::Outcome,
}

impl Audit {
    /// The document's results as the report renders them.
    pub fn report(self) -> report::DocReport {
        let verified = self
            .document
            .figures()
            .filter(|f| !f.dash && self.outcome.verified.contains(&f.span))
            .count();
        report::DocReport::new(&self.document, self.outcome.findings, verified)
    }
}

/// Parses and checks one document already read into memory.
pub fn audit(
    source: Arc<SourceFile>,
    format: Format,
    rules: &rules::RuleSet,
) -> Result<Audit, parse::ParseError> {
    let document = parse::parse(source, format)?;
    let outcome = check::run(&document, rules);
    Ok(Audit { document, outcome })
}

/// Reads, parses and checks one input, with a failure message for the
/// document if it cannot be read or parsed. Never panics on content.
pub fn audit_input(
    input: &ingest::Input,
    max_size: u64,
    rules: &rules::RuleSet,
) -> Result<Audit, report::Failure> {
    let fail = |message: String| report::Failure {
        path: input.display(),
        message,
    };
    let (source, format) = ingest::load(input, max_size).map_err(|e| fail(e.to_string()))?;
    audit(source, format, rules).map_err(|e| fail(e.to_string()))
}
