//! Submission splitting and the audit of each exhibit: arbitrary bytes after
//! an EDGAR envelope, every part's body inside the file, every span of every
//! exhibit's findings and figures inside the file, no panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::{Arc, LazyLock};
use tickmark::document::{Format, SourceFile};
use tickmark::rules::RuleSet;

static RULES: LazyLock<RuleSet> = LazyLock::new(|| RuleSet::builtin().expect("built-in rules"));

fuzz_target!(|data: &[u8]| {
    let parts = tickmark::ingest::submission::split(data);
    let mut last = 0;
    for p in &parts {
        assert!(p.body.start <= p.body.end && p.body.end <= data.len());
        assert!(p.body.start >= last, "parts in file order");
        last = p.body.start;
        let _ = p.payload(data);
    }
    let source = Arc::new(SourceFile {
        path: "fuzz".into(),
        bytes: data.to_vec(),
    });
    let options = tickmark::ReadOptions {
        exhibits: tickmark::ingest::ExhibitFilter::new(["*"]),
        ..Default::default()
    };
    for audit in tickmark::audit_source(source, Format::Submission, &options, &RULES)
        .into_iter()
        .flatten()
    {
        for f in audit.document.figures() {
            assert!(f.span.start <= f.span.end && f.span.end <= data.len());
        }
        for m in &audit.document.mentions {
            assert!(m.span.end <= data.len());
        }
        for f in &audit.outcome.findings {
            assert!(f.span.end <= data.len());
        }
    }
});
