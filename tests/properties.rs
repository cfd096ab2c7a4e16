//! Property tests over the public parsing functions and the whole audit:
//! no input panics, and every figure's span lies within the file (on char
//! boundaries when the file is UTF-8). Interval containment is tested in
//! `src/interval.rs`.

use proptest::prelude::*;
use std::sync::{Arc, LazyLock};
use tickmark::document::{Format, SourceFile};
use tickmark::rules::RuleSet;

static RULES: LazyLock<RuleSet> = LazyLock::new(|| RuleSet::builtin().expect("built-in rules"));

/// Bytes shaped like releases: table-ish lines, tags, figures, odd bytes.
fn release_like() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just(b"Revenue".to_vec()),
        Just(b"Total revenue".to_vec()),
        Just(b"Net income".to_vec()),
        Just(b"(in thousands)".to_vec()),
        Just(b"Three months ended March 31,".to_vec()),
        Just(b"2026".to_vec()),
        Just(b"2025".to_vec()),
        Just(b"$".to_vec()),
        Just(b"(1,234)".to_vec()),
        Just(b"12.6%".to_vec()),
        Just(b"--".to_vec()),
        Just(b"   ".to_vec()),
        Just(b"\t".to_vec()),
        Just(b"\n".to_vec()),
        Just(b"\r\n".to_vec()),
        Just(b"|".to_vec()),
        Just(b"\\$".to_vec()),
        Just(b"<table>".to_vec()),
        Just(b"<tr>".to_vec()),
        Just(b"<td colspan=\"3\">".to_vec()),
        Just(b"<td rowspan=2>".to_vec()),
        Just(b"</td>".to_vec()),
        Just(b"</tr></table>".to_vec()),
        Just(b"&nbsp;".to_vec()),
        Just(b"&#8212;".to_vec()),
        Just(b"\x93\x94\xe9\xff".to_vec()),
        Just("é—€".as_bytes().to_vec()),
        "[0-9,.()$%-]{1,12}".prop_map(|s| s.into_bytes()),
        proptest::collection::vec(any::<u8>(), 0..8),
    ];
    proptest::collection::vec(piece, 0..120).prop_map(|v| v.concat())
}

fn check_spans(bytes: &[u8], format: Format) {
    let source = Arc::new(SourceFile {
        path: "p.txt".into(),
        bytes: bytes.to_vec(),
    });
    let Ok(audit) = tickmark::audit(source, format, &RULES) else {
        return;
    };
    let utf8 = std::str::from_utf8(bytes).ok();
    for f in audit.document.figures() {
        let s = f.span;
        assert!(
            s.start <= s.end && s.end <= bytes.len(),
            "{s:?} outside {}",
            bytes.len()
        );
        if let Some(text) = utf8 {
            assert!(
                text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
                "{s:?}"
            );
        }
    }
    for finding in &audit.outcome.findings {
        assert!(finding.span.end <= bytes.len());
        for l in &finding.labels {
            assert!(l.span.end <= bytes.len());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn lex_figures_never_panics_and_stays_in_bounds(s in "\\PC{0,80}") {
        if let Some(tokens) = tickmark::parse::number::lex_figures(&s) {
            for t in tokens {
                prop_assert!(t.start <= t.end && t.end <= s.len());
                prop_assert!(s.is_char_boundary(t.start) && s.is_char_boundary(t.end));
            }
        }
    }

    #[test]
    fn lex_figures_on_figure_shaped_text(s in "[ $€£(),.0-9%—–-]{0,40}[A-Za-z/ ]{0,6}") {
        if let Some(tokens) = tickmark::parse::number::lex_figures(&s) {
            for t in tokens {
                prop_assert!(t.end <= s.len() && s.is_char_boundary(t.start) && s.is_char_boundary(t.end));
            }
        }
    }

    #[test]
    fn decode_text_maps_into_the_file(bytes in proptest::collection::vec(any::<u8>(), 0..400), unescape: bool) {
        let map = tickmark::ingest::decode_text(&bytes, unescape);
        let n = map.len();
        let text = map.text();
        let mut last = 0;
        for i in 0..=n {
            if !text.is_char_boundary(i) {
                continue;
            }
            let a = map.file_start(i);
            prop_assert!(a <= bytes.len());
            // Mapping is monotone.
            prop_assert!(a >= last);
            last = a;
            prop_assert!(map.file_end(i) <= bytes.len());
        }
        // Valid UTF-8 without escapes or CRs decodes to itself.
        if let Ok(s) = std::str::from_utf8(&bytes) {
            if !unescape && !s.contains('\r') && !s.starts_with('\u{feff}') {
                prop_assert_eq!(text, s);
            }
        }
    }

    #[test]
    fn audit_arbitrary_bytes_as_text(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        check_spans(&bytes, Format::Text);
    }

    #[test]
    fn audit_arbitrary_bytes_as_html(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        check_spans(&bytes, Format::Html);
    }

    #[test]
    fn audit_release_like_text(bytes in release_like()) {
        check_spans(&bytes, Format::Text);
        check_spans(&bytes, Format::Markdown);
    }

    #[test]
    fn audit_release_like_html(bytes in release_like()) {
        check_spans(&bytes, Format::Html);
    }

    #[test]
    fn rule_loading_never_panics(text in "\\PC{0,300}") {
        let mut set = RULES.clone();
        let _ = set.add_file("user.yaml", &text);
    }

    #[test]
    fn rule_loading_on_rule_shaped_yaml(
        id in "[a-z-]{0,12}",
        kind in prop_oneof![Just("footing"), Just("equation"), Just("ratio"), Just("agree"), Just("bogus"), Just("")],
        expr in "[a-z_ =+*/()\\[\\]-]{0,40}",
        extra in "[a-z]{0,8}: [a-z0-9&*]{0,8}",
    ) {
        let text = format!(
            "- id: {id}\n  kind: {kind}\n  severity: error\n  summary: s\n  description: d\n  equation: {expr}\n  {extra}\n"
        );
        let mut set = RULES.clone();
        let _ = set.add_file("user.yaml", &text);
    }
}
