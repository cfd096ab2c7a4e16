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

pub mod baseline;
pub mod batch;
pub mod budget;
pub mod check;
pub mod config;
pub mod document;
pub mod ingest;
pub mod interval;
pub mod parse;
pub mod report;
pub mod resolve;
pub mod rule_tests;
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
            .count()
            + self
                .document
                .mentions
                .iter()
                .filter(|m| self.outcome.verified.contains(&m.span))
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
    // Lifts the budget again when done, also on a panic, so that code
    // running later on this thread is not limited by this document.
    struct Lift;
    impl Drop for Lift {
        fn drop(&mut self) {
            budget::unlimited();
        }
    }
    let _lift = Lift;
    budget::start(budget::DOCUMENT_BUDGET);
    audit_within_budget(source, format, rules)
}

fn audit_within_budget(
    source: Arc<SourceFile>,
    format: Format,
    rules: &rules::RuleSet,
) -> Result<Audit, parse::ParseError> {
    let too_complex = |stage: &str, document: &Document| parse::ParseError::TooComplex {
        stage: stage.to_string(),
        tables: document.tables.len(),
        rows: document.tables.iter().map(|t| t.rows.len()).sum(),
        budget: budget::DOCUMENT_BUDGET,
    };
    let document = parse::parse(source, format)?;
    if budget::exhausted() {
        return Err(too_complex("reading its tables", &document));
    }
    let outcome = check::run(&document, rules);
    if budget::exhausted() {
        return Err(too_complex("checking it", &document));
    }
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
    // A bug must cost one document, not the batch: a panic while parsing or
    // checking becomes this document's failure record.
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        audit(source, format, rules)
    }));
    match outcome {
        Ok(r) => r.map_err(|e| fail(e.to_string())),
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            Err(fail(format!(
                "internal error while checking this document (a bug in tickmark; please report it): {what}"
            )))
        }
    }
}
