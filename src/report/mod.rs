//! Rendering results: the graphical report for people, one-line and JSON
//! formats for tools (JSON Lines, one JSON document, SARIF, GitHub workflow
//! commands), and the `inspect` view of a document.
//!
//! **Architecture Invariant:** this is the only module that knows output
//! formats. It renders what `check` found; it never decides what is wrong.
//!
//! Every format is a [`Sink`]: the run calls [`Sink::document`] or
//! [`Sink::failure`] once per document, in path order, as soon as the
//! document is done, then [`Sink::finish`] once. A sink keeps nothing of a
//! document but what its format must repeat at the end (the JSON document
//! and SARIF keep small per-document records, never the source).

pub mod concise;
pub mod github;
pub mod human;
pub mod inspect;
pub mod json;
pub mod jsonl;
pub mod sarif;

use crate::check::{Finding, Severity};
use crate::document::{Document, SourceFile};
use crate::rules::RuleSet;
use crate::span::LineIndex;
use std::io::{self, Write};
use std::sync::Arc;

/// The output formats of `check`.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Format {
    /// miette's graphical report (the default).
    Human,
    /// One line per finding: `path:line:col: severity[rule] message`.
    Concise,
    /// One JSON object per line (the contract).
    Jsonl,
    /// One JSON document: findings, documents, failures, summary.
    Json,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
}

/// Options every sink may read.
#[derive(Clone, Debug, Default)]
pub struct SinkOptions {
    /// Color in the human report.
    pub color: bool,
    /// No summary line (human, concise, github).
    pub quiet: bool,
}

/// A format's writer over one run.
pub trait Sink {
    /// One document's results (findings already filtered by any baseline).
    fn document(&mut self, w: &mut dyn Write, d: &DocReport) -> io::Result<()>;
    /// A document that could not be read or parsed.
    fn failure(&mut self, w: &mut dyn Write, f: &Failure) -> io::Result<()>;
    /// The end of the run.
    fn finish(&mut self, w: &mut dyn Write, s: &Summary, seconds: f64) -> io::Result<()>;
}

/// The sink for a format.
pub fn sink(format: Format, rules: &RuleSet, options: &SinkOptions) -> Box<dyn Sink> {
    match format {
        Format::Human => Box::new(human::HumanSink::new(options)),
        Format::Concise => Box::new(concise::Concise::new(options)),
        Format::Jsonl => Box::new(jsonl::Jsonl),
        Format::Json => Box::new(json::Json::new()),
        Format::Sarif => Box::new(sarif::Sarif::new(rules)),
        Format::Github => Box::new(github::Github::new(options)),
    }
}

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
    /// The exhibit of a submission file this is ("EX-99.1 (ex99-1.htm)").
    pub part: Option<String>,
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
            part: doc.part.clone(),
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
    /// Findings left out because the baseline has them (`None`: no baseline).
    pub baselined: Option<usize>,
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

/// Where a finding is, for people and for tools: 1-based lines and
/// columns (columns count characters), the end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    pub start_line: usize,
    pub start_column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub byte_offset: usize,
    pub byte_length: usize,
}

impl Region {
    pub fn new(source: &SourceFile, index: &LineIndex, span: crate::span::Span) -> Region {
        let (start_line, start_column) = index.line_col(&source.bytes, span.start);
        let (end_line, end_column) = index.line_col(&source.bytes, span.end.max(span.start));
        Region {
            start_line,
            start_column,
            end_line,
            end_column,
            byte_offset: span.start,
            byte_length: span.end.saturating_sub(span.start),
        }
    }
}

/// The summary line of the human and one-line formats.
pub fn summary_line(s: &Summary, seconds: f64) -> String {
    let pct = if s.figures > 0 {
        format!(" ({:.1}%)", 100.0 * s.verified as f64 / s.figures as f64)
    } else {
        String::new()
    };
    let baselined = match s.baselined {
        Some(n) => format!("; {n} baselined"),
        None => String::new(),
    };
    format!(
        "{} document{} checked{}: {} error{}, {} warning{}, {} advice{baselined}; {} figures, {} verified{pct}; {:.2}s",
        s.documents,
        plural(s.documents),
        if s.failures > 0 {
            format!(" ({} failed)", s.failures)
        } else {
            String::new()
        },
        s.errors,
        plural(s.errors),
        s.warnings,
        plural(s.warnings),
        s.advice,
        s.figures,
        s.verified,
        seconds
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
