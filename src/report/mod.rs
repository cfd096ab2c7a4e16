//! Rendering results: the graphical report for people, JSON Lines for
//! machines, and the `inspect` view of a document.
//!
//! **Architecture Invariant:** this is the only module that knows output
//! formats. It renders what `check` found; it never decides what is wrong.

pub mod human;
pub mod inspect;
pub mod jsonl;

use crate::check::{Finding, Severity};
use crate::document::{Document, SourceFile};
use crate::span::LineIndex;
use std::sync::Arc;

/// One document's results, as the report sees them.
#[derive(Debug)]
pub struct DocReport {
    pub source: Arc<SourceFile>,
    pub format: &'static str,
    pub tables: usize,
    pub figures: usize,
    pub verified: usize,
    pub findings: Vec<Finding>,
    /// Something the user should know about the document as a whole.
    pub note: Option<String>,
}

impl DocReport {
    pub fn new(doc: &Document, findings: Vec<Finding>, verified: usize) -> DocReport {
        // Figures in tables and figures quoted in the narrative.
        let figures = doc.figures().filter(|f| !f.dash).count() + doc.mentions.len();
        DocReport {
            source: doc.source.clone(),
            format: doc.format.as_str(),
            tables: doc.tables.len(),
            figures,
            verified,
            note: if doc.tables.is_empty() {
                Some("no financial tables found; nothing to check".into())
            } else {
                None
            },
            findings,
        }
    }

    pub fn path(&self) -> &str {
        &self.source.path
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
}

/// A document that could not be read or parsed.
#[derive(Debug, Clone)]
pub struct Failure {
    pub path: String,
    pub message: String,
}

/// Totals over a run.
#[derive(Debug, Default, Clone)]
pub struct Summary {
    pub documents: usize,
    pub failures: usize,
    pub findings: usize,
    pub errors: usize,
    pub warnings: usize,
    pub advice: usize,
    pub figures: usize,
    pub verified: usize,
}

impl Summary {
    pub fn add(&mut self, d: &DocReport) {
        self.documents += 1;
        self.findings += d.findings.len();
        self.errors += d.count(Severity::Error);
        self.warnings += d.count(Severity::Warning);
        self.advice += d.count(Severity::Advice);
        self.figures += d.figures;
        self.verified += d.verified;
    }

    pub fn add_failure(&mut self) {
        self.documents += 1;
        self.failures += 1;
    }
}

/// 1-based line and column of a byte offset in a source file.
pub fn line_col(source: &SourceFile, index: &LineIndex, offset: usize) -> (usize, usize) {
    index.line_col(&source.bytes, offset)
}
