//! The rules' own `tests:`: the built-in rules (documents relative to
//! `rules/`) and the example rule pack in `examples/rules/`.

use tickmark::rule_tests::{run, Verdict};
use tickmark::rules::RuleSet;

fn assert_all_pass(rules: &RuleSet, selected: impl Fn(&tickmark::rules::Rule) -> bool) -> usize {
    let results = run(rules, selected);
    for r in &results {
        assert_eq!(
            r.verdict,
            Verdict::Pass,
            "rule {} on {}",
            r.rule,
            r.document.display()
        );
    }
    results.len()
}

#[test]
fn builtin_rule_tests_hold() {
    let rules = RuleSet::builtin().unwrap();
    assert!(assert_all_pass(&rules, |_| true) >= 3);
}

#[test]
fn example_rule_pack_tests_hold() {
    let mut rules = RuleSet::builtin().unwrap();
    for (name, text) in tickmark::ingest::read_rule_files(&["examples/rules".into()]).unwrap() {
        rules.add_file(&name, &text).unwrap();
    }
    let n = assert_all_pass(&rules, |r| r.origin.starts_with("examples/rules"));
    assert!(n >= 4, "only {n} example rule tests");
}
