//! `restated-figure` on real releases (`../shared/corpus`; skipped with a
//! message when the corpus is absent): no finding on any unchanged release,
//! a headline figure that agrees with its restatement verified, and a
//! changed restatement reported at both statements.

use std::sync::Arc;
use tickmark::document::{Format, SourceFile};
use tickmark::rules::RuleSet;

mod common;
use common::{corpus, jsonl, tickmark};

const RULE: &str = "restated-figure";

#[test]
fn no_finding_on_the_unchanged_corpus() {
    let Some(dir) = corpus("") else { return };
    let out = tickmark()
        .args(["check", "--no-config", "--format", "jsonl"])
        .arg(&dir)
        .output()
        .unwrap();
    let records = jsonl(&out.stdout);
    assert!(
        records.iter().any(|r| r["kind"] == "summary"),
        "no summary: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let found: Vec<_> = records
        .iter()
        .filter(|r| r["kind"] == "finding" && r["rule"] == RULE)
        .collect();
    assert!(found.is_empty(), "{found:#?}");
}

fn audit(bytes: Vec<u8>) -> tickmark::Audit {
    let source = Arc::new(SourceFile {
        path: "adbe-q4-fy24.htm".into(),
        bytes,
    });
    tickmark::audit(source, Format::Html, &RuleSet::builtin().unwrap()).unwrap()
}

/// Adobe's fourth quarter of fiscal 2024: "Record RPO of $19.96 billion"
/// in the headline, "Remaining Performance Obligations ("RPO") exiting the
/// quarter were $19.96 billion" in the body. No table shows RPO.
#[test]
fn a_headline_figure_and_its_restatement() {
    let Some(path) = corpus("edgar-htm/ADBE_0000796343-24-000250_adbeex991q424.htm") else {
        return;
    };
    let bytes = std::fs::read(path).unwrap();
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let headline = text.find("RPO of $19.96").unwrap() + "RPO of $".len();
    let body = text.find("were $19.96").unwrap() + "were $".len();
    let at = [headline, body];
    let clean = audit(bytes.clone());
    assert!(clean.outcome.findings.iter().all(|f| f.rule != RULE));
    for &i in &at {
        assert!(
            clean.outcome.restated.keys().any(|s| s.start == i),
            "{i} not confirmed by its restatement"
        );
    }
    // The body figure changed: a finding at both statements.
    let mut changed = bytes;
    // "19.96" -> "19.69"
    changed[at[1] + 3] = b'6';
    changed[at[1] + 4] = b'9';
    let f: Vec<_> = audit(changed)
        .outcome
        .findings
        .into_iter()
        .filter(|f| f.rule == RULE)
        .collect();
    assert_eq!(f.len(), 1, "{f:#?}");
    let spans = [f[0].span.start, f[0].labels[0].span.start];
    assert!(spans.contains(&at[0]) && spans.contains(&at[1]), "{f:#?}");
}
