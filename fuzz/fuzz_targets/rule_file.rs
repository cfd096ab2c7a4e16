//! Rule-file loading: any text gives rules or a diagnostic, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;
use tickmark::rules::RuleSet;

static BASE: LazyLock<RuleSet> = LazyLock::new(|| RuleSet::builtin().expect("built-in rules"));

fuzz_target!(|text: &str| {
    let mut set = BASE.clone();
    let _ = set.add_file("fuzz.yaml", text);
});
