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
pub mod fxhash;
pub mod glob;
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
    /// Something to tell about the document as a whole, in place of the
    /// default note.
    pub note: Option<String>,
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
        let mut report = report::DocReport::new(&self.document, self.outcome.findings, verified);
        if self.note.is_some() {
            report.note = self.note;
        }
        report
    }
}

/// Parses and checks one document already read into memory.
pub fn audit(
    source: Arc<SourceFile>,
    format: Format,
    rules: &rules::RuleSet,
) -> Result<Audit, parse::ParseError> {
    audit_part(source, format, None, rules)
}

/// Parses and checks one part of a submission file (or, with `part`
/// `None`, the whole file): the part is read on its own, then its spans are
/// moved to its place in the file, so findings point into the file as
/// stored.
pub fn audit_part(
    source: Arc<SourceFile>,
    format: Format,
    part: Option<&ingest::Part>,
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
    audit_within_budget(source, format, part, rules)
}

fn audit_within_budget(
    source: Arc<SourceFile>,
    format: Format,
    part: Option<&ingest::Part>,
    rules: &rules::RuleSet,
) -> Result<Audit, parse::ParseError> {
    let too_complex = |stage: &str, document: &Document| parse::ParseError::TooComplex {
        stage: stage.to_string(),
        tables: document.tables.len(),
        rows: document.tables.iter().map(|t| t.rows.len()).sum(),
        budget: budget::DOCUMENT_BUDGET,
    };
    let document = match part {
        None => parse::parse(source, format)?,
        Some(part) => {
            let alone = Arc::new(SourceFile {
                path: source.path.clone(),
                bytes: source.bytes[part.body.clone()].to_vec(),
            });
            let mut document = parse::parse(alone, format)?;
            document.shift(part.body.start);
            document.source = source;
            document.part = Some(part.label());
            document
        }
    };
    if budget::exhausted() {
        return Err(too_complex("reading its tables", &document));
    }
    let outcome = check::run(&document, rules);
    if budget::exhausted() {
        return Err(too_complex("checking it", &document));
    }
    Ok(Audit {
        document,
        outcome,
        note: None,
    })
}

/// How inputs are read.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Files larger than this are refused (`--max-file-size`).
    pub max_file_size: u64,
    /// Which documents of a submission file are checked (`--exhibits`).
    pub exhibits: ingest::ExhibitFilter,
}

impl Default for ReadOptions {
    fn default() -> ReadOptions {
        ReadOptions {
            max_file_size: ingest::DEFAULT_MAX_FILE_SIZE,
            exhibits: ingest::ExhibitFilter::default(),
        }
    }
}

/// Reads, parses and checks one input, with a failure message for the
/// document if it cannot be read or parsed. A submission file gives one
/// result per selected exhibit, in file order. Never panics on content.
pub fn audit_input(
    input: &ingest::Input,
    options: &ReadOptions,
    rules: &rules::RuleSet,
) -> Vec<Result<Audit, report::Failure>> {
    let fail = |message: String| report::Failure {
        path: input.display(),
        message,
    };
    match ingest::load(input, options.max_file_size) {
        Ok((source, format)) => audit_source(source, format, options, rules),
        Err(e) => vec![Err(fail(e.to_string()))],
    }
}

/// [`audit_input`] for a file already read: a submission file gives one
/// result per selected exhibit, any other file one result.
pub fn audit_source(
    source: Arc<SourceFile>,
    format: Format,
    options: &ReadOptions,
    rules: &rules::RuleSet,
) -> Vec<Result<Audit, report::Failure>> {
    let path = source.path.clone();
    let fail = |message: String| report::Failure {
        path: path.clone(),
        message,
    };
    if format != Format::Submission {
        return vec![guarded(|| audit(source, format, rules)).map_err(fail)];
    }
    let parts = ingest::submission::split(&source.bytes);
    let mut results = Vec::new();
    let mut skipped = Vec::new();
    for part in parts
        .iter()
        .filter(|p| options.exhibits.matches(&p.doc_type))
    {
        let format = match part.payload(&source.bytes) {
            ingest::Payload::Html => Format::Html,
            ingest::Payload::Text => Format::Text,
            ingest::Payload::Skipped(why) => {
                skipped.push(format!("{} ({why})", part.label()));
                continue;
            }
        };
        let source = source.clone();
        results.push(
            guarded(|| audit_part(source, format, Some(part), rules))
                .map_err(|m| fail(format!("{}: {m}", part.label()))),
        );
    }
    if results.is_empty() {
        // Nothing to check is an answer, not a failure: an 8-K without a
        // press release is a normal filing in an archive sweep.
        let types: Vec<&str> = parts.iter().map(|p| p.doc_type.as_str()).collect();
        let note = if parts.is_empty() {
            "an EDGAR submission with no <DOCUMENT>; nothing to check".to_string()
        } else if !skipped.is_empty() {
            format!(
                "no readable exhibit: skipped {}; nothing to check",
                skipped.join(", ")
            )
        } else {
            format!(
                "no document of type {} in this submission (it holds {}); choose others with --exhibits",
                options.exhibits.describe(),
                types.join(", ")
            )
        };
        results.push(Ok(Audit {
            document: Document {
                source,
                format: Format::Submission,
                tables: Vec::new(),
                blocks: Vec::new(),
                mentions: Vec::new(),
                part: None,
            },
            outcome: check::Outcome::default(),
            note: Some(note),
        }));
    }
    results
}

/// Runs one audit, turning a parse error or a panic into a message: a bug
/// must cost one document, not the batch.
fn guarded(work: impl FnOnce() -> Result<Audit, parse::ParseError>) -> Result<Audit, String> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)) {
        Ok(r) => r.map_err(|e| e.to_string()),
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            Err(format!(
                "internal error while checking this document (a bug in tickmark; please report it): {what}"
            ))
        }
    }
}
