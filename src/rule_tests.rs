//! Running rules' own `tests:` (what `tickmark test-rules` and the test
//! suite do): each test names a document, relative to the rule file, and how
//! many findings of the rule (errors and warnings) it must produce.

use crate::check::Severity;
use crate::ingest::Input;
use crate::rules::{Rule, RuleSet};
use std::path::{Path, PathBuf};

/// The outcome of one rule test.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Pass,
    /// The document gave a different number of findings of the rule.
    Fail {
        expected: usize,
        found: usize,
        messages: Vec<String>,
    },
    /// The document could not be read or parsed.
    Broken(String),
}

/// One rule test and its outcome.
#[derive(Debug, Clone)]
pub struct TestResult {
    pub rule: String,
    pub document: PathBuf,
    pub verdict: Verdict,
}

/// Where a rule test's document is: relative to the folder of the rule file.
pub fn document_path(rule: &Rule, document: &str) -> PathBuf {
    Path::new(&rule.origin)
        .parent()
        .unwrap_or(Path::new("."))
        .join(document)
}

/// Runs the tests of the rules `selected` picks, each document checked with
/// the whole rule set (rules may depend on each other's structure).
pub fn run(rules: &RuleSet, selected: impl Fn(&Rule) -> bool) -> Vec<TestResult> {
    let mut out = Vec::new();
    for rule in rules.rules().iter().filter(|r| selected(r)) {
        for t in &rule.tests {
            let path = document_path(rule, &t.document);
            let input = Input::File(path.clone());
            // A rule test's document is one release; a submission file's
            // exhibits count together.
            let results = crate::audit_input(&input, &crate::ReadOptions::default(), rules);
            let broken: Vec<String> = results
                .iter()
                .filter_map(|r| r.as_ref().err().map(|f| f.message.clone()))
                .collect();
            let verdict = if !broken.is_empty() {
                Verdict::Broken(broken.join("; "))
            } else {
                let mine: Vec<String> = results
                    .iter()
                    .flatten()
                    .flat_map(|a| &a.outcome.findings)
                    .filter(|f| f.rule == rule.id && f.severity >= Severity::Warning)
                    .map(|f| f.message.clone())
                    .collect();
                if mine.len() == t.findings {
                    Verdict::Pass
                } else {
                    Verdict::Fail {
                        expected: t.findings,
                        found: mine.len(),
                        messages: mine,
                    }
                }
            };
            out.push(TestResult {
                rule: rule.id.clone(),
                document: path,
                verdict,
            });
        }
    }
    out
}
