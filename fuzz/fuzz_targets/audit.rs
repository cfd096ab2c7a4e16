//! The whole audit (parse, resolve, every built-in rule) on arbitrary bytes,
//! as text, Markdown and HTML: no panic, spans within the file.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::{Arc, LazyLock};
use tickmark::document::{Format, SourceFile};
use tickmark::rules::RuleSet;

static RULES: LazyLock<RuleSet> = LazyLock::new(|| RuleSet::builtin().expect("built-in rules"));

fuzz_target!(|data: &[u8]| {
    let Some((&sel, bytes)) = data.split_first() else {
        return;
    };
    let format = match sel % 3 {
        0 => Format::Text,
        1 => Format::Markdown,
        _ => Format::Html,
    };
    let source = Arc::new(SourceFile {
        path: "fuzz".into(),
        bytes: bytes.to_vec(),
    });
    if let Ok(audit) = tickmark::audit(source, format, &RULES) {
        for f in audit.document.figures() {
            assert!(f.span.start <= f.span.end && f.span.end <= bytes.len());
        }
        for f in &audit.outcome.findings {
            assert!(f.span.end <= bytes.len());
        }
    }
});
