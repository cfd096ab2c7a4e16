//! Helpers shared by the integration tests: each `tests/*.rs` file is its
//! own crate and uses some of them, hence the `dead_code` allowance.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::Arc;
use tickmark::check::{Finding, Severity};
use tickmark::document::{Format, SourceFile};
use tickmark::rules::RuleSet;

/// The `tickmark` binary built for this test run.
pub fn tickmark() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("tickmark").unwrap()
}

/// The records of a JSON Lines output; a line that is not JSON fails the
/// test with the line shown.
pub fn jsonl(out: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON: {l}: {e}")))
        .collect()
}

/// A file of the shared corpus of real releases, or `None` (with a message
/// saying the test is skipped) when the corpus is not beside the checkout.
pub fn corpus(rel: &str) -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!(
            "skipping: {} not found (the shared corpus is not here)",
            p.display()
        );
        None
    }
}

/// The error findings of the built-in rules on a plain-text document.
pub fn text_errors(text: &str) -> Vec<Finding> {
    let source = Arc::new(SourceFile {
        path: "t.txt".into(),
        bytes: text.as_bytes().to_vec(),
    });
    tickmark::audit(source, Format::Text, &RuleSet::builtin().unwrap())
        .unwrap()
        .outcome
        .findings
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .collect()
}
