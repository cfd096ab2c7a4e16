//! The built-in rules' own `tests:`: documents that must pass, documents
//! with the number of findings they must produce.

use std::path::Path;
use std::sync::Arc;
use tickmark::check::Severity;
use tickmark::document::SourceFile;
use tickmark::rules::RuleSet;

#[test]
fn builtin_rule_tests_hold() {
    let rules = RuleSet::builtin().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut ran = 0;
    for rule in rules.rules() {
        let base = root.join(&rule.origin);
        let dir = base.parent().unwrap();
        for t in &rule.tests {
            let path = dir.join(&t.document);
            let bytes = std::fs::read(&path)
                .unwrap_or_else(|e| panic!("{}: test document {}: {e}", rule.id, path.display()));
            let source = Arc::new(SourceFile {
                path: path.display().to_string(),
                bytes,
            });
            let format = tickmark::ingest::detect_format(&source).unwrap();
            let audit = tickmark::audit(source, format, &rules).unwrap();
            let n = audit
                .outcome
                .findings
                .iter()
                .filter(|f| f.rule == rule.id && f.severity >= Severity::Warning)
                .count();
            assert_eq!(n, t.findings, "rule {} on {}", rule.id, t.document);
            ran += 1;
        }
    }
    assert!(ran >= 2);
}
