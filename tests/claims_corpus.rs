//! Narrative claims on the design document's reference release (Internap,
//! first quarter 2006, in `../shared/corpus`; skipped with a message when the
//! corpus is absent): every historical figure of its narrative that a table
//! supports is checked, the unchanged release gets no finding, and changing
//! any one of those figures gets a finding on it.

use std::sync::Arc;
use tickmark::check::Severity;
use tickmark::document::{Format, SourceFile};
use tickmark::rules::RuleSet;

mod common;
use common::corpus;

fn audit(bytes: Vec<u8>, rules: &RuleSet) -> tickmark::Audit {
    let source = Arc::new(SourceFile {
        path: "internap-2006q1.txt".into(),
        bytes,
    });
    tickmark::audit(source, Format::Text, rules).unwrap()
}

/// The narrative figures that must tie, as (line, figure as printed, what it
/// is): the list (revenue, net income and losses, per-share figures,
/// cash flow from operations, Adjusted EBITDA and its improvements, gross
/// margin, pro forma and normalized figures, cash and investments and their
/// increase). Guidance (lines 31-33) is not among them.
const CHECKED: &[(usize, &str, &str)] = &[
    (7, "42.6", "revenue, headline"),
    (8, "0.5", "net income Q1 2006"),
    (8, "1.5", "stock-based compensation Q1 2006"),
    (8, "0.6", "net loss Q1 2005"),
    (9, "5.5", "cash flow from operations Q1 2006"),
    (9, "1.7", "cash flow from operations Q1 2005"),
    (10, "5.8", "Adjusted EBITDA Q1 2006"),
    (14, "42.6", "revenue Q1 2006"),
    (14, "12.6", "revenue growth over Q1 2005"),
    (14, "0.5", "net income Q1 2006"),
    (14, "0.00", "diluted EPS Q1 2006"),
    (14, "1.5", "stock-based compensation Q1 2006"),
    (14, "0.00", "stock-based compensation per share Q1 2006"),
    (14, "0.6", "net loss Q1 2005"),
    (14, "0.00", "diluted EPS Q1 2005"),
    (14, "3.2", "normalized net loss Q1 2005"),
    (14, "0.01", "normalized net loss per share Q1 2005"),
    (16, "2.0", "pro forma net income Q1 2006"),
    (16, "0.01", "pro forma diluted EPS Q1 2006"),
    (16, "1.5", "stock-based compensation Q1 2006"),
    (16, "0.00", "stock-based compensation per share Q1 2006"),
    (18, "2.0", "pro forma net income Q1 2006"),
    (18, "0.01", "pro forma diluted EPS Q1 2006"),
    (18, "0.2", "net loss Q4 2005"),
    (18, "0.00", "diluted EPS Q4 2005"),
    (20, "42.6", "revenue Q1 2006"),
    (20, "22.2", "direct cost of network Q1 2006"),
    (20, "48", "gross margin Q1 2006"),
    (22, "5.8", "Adjusted EBITDA Q1 2006"),
    (22, "2.0", "Adjusted EBITDA improvement from Q4 2005"),
    (22, "2.8", "Adjusted EBITDA improvement over Q1 2005"),
    (
        22,
        "44.4",
        "cash, cash equivalents and marketable securities at March 31, 2006",
    ),
    (22, "3.9", "their increase from December 31, 2005"),
    (24, "0.5", "net income Q1 2006"),
    (24, "2.0", "pro forma net income Q1 2006"),
];

fn line_of(bytes: &[u8], at: usize) -> usize {
    bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1
}

#[test]
fn internap_narrative_figures_are_checked_and_each_change_is_found() {
    let Some(path) = corpus("text-tab/internap-2006q1.txt") else {
        return;
    };
    let bytes = std::fs::read(&path).unwrap();
    let rules = RuleSet::builtin().unwrap();
    let clean = audit(bytes.clone(), &rules);
    let serious: Vec<_> = clean
        .outcome
        .findings
        .iter()
        .filter(|f| f.severity >= Severity::Warning)
        .collect();
    assert!(
        serious.is_empty(),
        "findings on the clean release: {serious:#?}"
    );

    // The verified narrative figures are exactly the list.
    let verified: Vec<(usize, String, tickmark::span::Span)> = clean
        .document
        .mentions
        .iter()
        .filter(|m| clean.outcome.verified.contains(&m.span))
        .map(|m| {
            let text = String::from_utf8_lossy(&bytes[m.span.start..m.span.end]).to_string();
            (line_of(&bytes, m.span.start), text, m.span)
        })
        .collect();
    let got: Vec<(usize, &str)> = verified.iter().map(|(l, t, _)| (*l, t.as_str())).collect();
    let want: Vec<(usize, &str)> = CHECKED.iter().map(|(l, t, _)| (*l, *t)).collect();
    assert_eq!(got, want, "the narrative figures checked");

    // Change each one (its first digit, +3 mod 10) and expect a finding on it.
    let mut missed = Vec::new();
    for ((line, text, span), (_, _, what)) in verified.iter().zip(CHECKED) {
        let mut changed = bytes.clone();
        let d = changed[span.start];
        changed[span.start] = b'0' + (d - b'0' + 3) % 10;
        let a = audit(changed, &rules);
        let hit = a.outcome.findings.iter().any(|f| {
            f.severity >= Severity::Warning && f.span.start < span.end && span.start < f.span.end
        });
        if !hit {
            missed.push(format!("line {line}: {text} ({what})"));
        }
    }
    assert!(missed.is_empty(), "changes not found: {missed:#?}");
}
