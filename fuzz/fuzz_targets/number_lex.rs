//! Number lexing: tokens lie within the string, on char boundaries.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    if let Some(tokens) = tickmark::parse::number::lex_figures(s) {
        for t in tokens {
            assert!(t.start <= t.end && t.end <= s.len());
            assert!(s.is_char_boundary(t.start) && s.is_char_boundary(t.end));
        }
    }
});
