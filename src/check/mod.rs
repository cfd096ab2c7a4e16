//! Running compiled rules over one document.
//!
//! **Architecture Invariant:** checking is pure: `(&Document, &RuleSet) ->
//! Outcome`. It reads no file, writes no output and never fails on content;
//! a check that cannot be evaluated (a missing term, a zero divisor) is
//! silent.

pub mod agree;
pub mod change;
pub mod claim;
pub mod crossfoot;
pub mod equation;
pub mod footing;
pub mod midpoint;
pub mod proportion;
pub mod restatement;
pub mod sentence;
pub mod typography;

use crate::document::Document;
use crate::fxhash::{FxHashMap, FxHashSet};
use crate::resolve::{resolve, TotalBlock};
use crate::rules::{Kind, Rule, RuleSet};
use crate::span::Span;
use serde::Serialize;
use std::fmt;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Advice,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Advice => "advice",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "advice" => Some(Severity::Advice),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A secondary place a finding points at: a figure it was checked against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    pub span: Span,
    pub text: String,
}

/// One thing wrong (or worth a look) in a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    pub help: Option<String>,
    /// The figure that is wrong, or the total that does not foot.
    pub span: Span,
    /// What the primary span is, for the graphical report.
    pub span_text: String,
    pub labels: Vec<Label>,
}

/// A check that ran and held, recorded for coverage and for tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passed {
    pub rule: String,
    pub table: usize,
    pub row: usize,
    pub column: usize,
}

impl Outcome {
    /// Records that `rule` held at a cell of a table, and that the figures
    /// it compared (their spans) are verified.
    pub(crate) fn pass(
        &mut self,
        rule: &Rule,
        table: usize,
        row: usize,
        column: usize,
        figures: impl IntoIterator<Item = Span>,
    ) {
        self.passed.push(Passed {
            rule: rule.id.clone(),
            table,
            row,
            column,
        });
        self.verified.extend(figures);
    }
}

/// Does a (lower-case) row label name a rate or a ratio? Only as words:
/// "Income from Continuing Operations" and "Corporate" hold amounts, though
/// "ratio" and "rate" are inside them.
pub(crate) fn names_rate(label: &str) -> bool {
    label
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| matches!(w, "rate" | "rates" | "ratio" | "ratios"))
}

/// What checking one document produced.
#[derive(Debug, Default)]
pub struct Outcome {
    pub findings: Vec<Finding>,
    pub passed: Vec<Passed>,
    /// Figures that took part in at least one check that held.
    pub verified: FxHashSet<Span>,
    /// Rows footing found to total a block (names unlabeled totals).
    pub totals: Vec<TotalBlock>,
    /// Why a narrative figure was not checked (for `inspect`), by its span.
    pub notes: FxHashMap<Span, String>,
    /// Narrative figures that only their own sentence's arithmetic
    /// verified, with what it was ("growth", "sum"), for `inspect`.
    pub sentence: FxHashMap<Span, String>,
    /// Narrative figures that only a restatement of them verified, with
    /// where it is ("line 12"), for `inspect`.
    pub restated: FxHashMap<Span, String>,
    /// The cell (table, row, column) each narrative figure that tied to
    /// the tables tied to, for `inspect`.
    pub tied: FxHashMap<Span, (usize, usize, usize)>,
}

/// Runs every rule of the set over the document.
///
/// Footing runs first: the totals it finds name unlabeled rows ("Total
/// assets" printed without a label) before concepts are resolved for the
/// rules that use them.
pub fn run(doc: &Document, rules: &RuleSet) -> Outcome {
    let mut out = Outcome::default();
    for rule in rules.rules() {
        if rule.kind == Kind::Footing {
            footing::check(doc, rule, &mut out);
        }
    }
    if !rules.rules().iter().any(|r| r.kind == Kind::Footing) {
        // The structure is needed even when the footing rule is not in force.
        out.totals = footing::totals(doc);
    }
    let resolved = resolve(doc, rules.concepts(), &out.totals);
    for rule in rules.rules() {
        match &rule.kind {
            Kind::Footing => {}
            Kind::Change => change::check(doc, rule, &mut out),
            Kind::Crossfoot => crossfoot::check(doc, rule, &mut out),
            Kind::Midpoint => midpoint::check(doc, rule, &mut out),
            Kind::Proportion => proportion::check(doc, rule, &mut out),
            Kind::Claim => claim::check(doc, &resolved, rules.concepts(), rule, &mut out),
            Kind::Equation(eq) | Kind::Ratio(eq) => {
                equation::check(doc, &resolved, rule, eq, &mut out)
            }
            Kind::Agree(concept) => {
                agree::check(doc, &resolved, rule, concept.as_deref(), &mut out)
            }
            Kind::Typography => typography::check(doc, rule, &mut out),
            Kind::Sentence | Kind::Restatement => {}
        }
    }
    // Last, so that it knows which figures the tables already verified:
    // `inspect` tells those that only their sentence did.
    for rule in rules.rules() {
        if rule.kind == Kind::Sentence {
            sentence::check(doc, rule, &mut out);
        }
    }
    // After the tables and sentences: a figure they verified is reported
    // against a restatement that disagrees.
    for rule in rules.rules() {
        if rule.kind == Kind::Restatement {
            restatement::check(doc, rule, &mut out);
        }
    }
    out.findings
        .sort_by(|a, b| (a.span, &a.rule).cmp(&(b.span, &b.rule)));
    out.findings.dedup();
    out
}

/// Test support: the errors and warnings one rule finds in a text document.
#[cfg(test)]
pub(crate) fn findings_of(rule: &str, text: &str) -> Vec<Finding> {
    findings_in(rule, text, crate::document::Format::Text)
}

/// Test support: the errors and warnings one rule finds in a document of
/// `format`.
#[cfg(test)]
pub(crate) fn findings_in(rule: &str, text: &str, format: crate::document::Format) -> Vec<Finding> {
    use crate::document::SourceFile;
    let source = std::sync::Arc::new(SourceFile {
        path: "t".into(),
        bytes: text.as_bytes().to_vec(),
    });
    crate::audit(source, format, &RuleSet::builtin().expect("built-in rules"))
        .expect("document parses")
        .outcome
        .findings
        .into_iter()
        .filter(|f| f.rule == rule && f.severity >= Severity::Warning)
        .collect()
}
