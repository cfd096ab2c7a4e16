//! Running rules' own `tests:` (what `tickmark test-rules` and the test
//! suite do): each test names a document, relative to the rule file, and how
//! many findings of the rule (errors and warnings) it must produce.

use crate::check::Severity;
use crate::ingest::{self, Input};
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
            let verdict = match crate::audit_input(&input, ingest::DEFAULT_MAX_FILE_SIZE, rules) {
                Err(f) => Verdict::Broken(f.message),
                Ok(a) => {
                    let mine: Vec<String> = a
                        .outcome
                        .findings
                        .iter()
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
