//! The command line end to end: exit codes, output formats, failures that
//! do not stop the batch.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::Path;

fn tickmark() -> Command {
    Command::cargo_bin("tickmark").unwrap()
}

const CLEAN: &str = "examples/releases/northwind-q1-2026.txt";
const MISTAKES: &str = "examples/releases/northwind-q1-2026-mistakes.txt";

fn jsonl(out: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON: {l}: {e}")))
        .collect()
}

/// Runs `check --format jsonl` on `paths`, asserts the exit status and
/// returns the records.
fn check_jsonl<I, S>(paths: I, code: i32) -> Vec<serde_json::Value>
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let out = tickmark()
        .args(["check", "--format", "jsonl"])
        .args(paths)
        .assert()
        .code(code)
        .get_output()
        .stdout
        .clone();
    jsonl(&out)
}

#[test]
fn clean_release_exits_zero() {
    tickmark().args(["check", CLEAN]).assert().code(0);
}

#[test]
fn mistakes_exit_one_and_point_at_the_figures() {
    let recs = check_jsonl([MISTAKES], 1);
    let bytes = std::fs::read(MISTAKES).unwrap();
    let findings: Vec<_> = recs.iter().filter(|r| r["kind"] == "finding").collect();
    // Each of the three wrong figures is the primary span or a label.
    for wrong in ["9,235", "124,935", "(2,415)"] {
        let hit = findings.iter().any(|f| {
            let spans = std::iter::once(&f["span"]).chain(f["labels"].as_array().unwrap().iter());
            spans.into_iter().any(|s| {
                let (a, b) = (
                    s["start"].as_u64().unwrap() as usize,
                    s["end"].as_u64().unwrap() as usize,
                );
                &bytes[a..b] == wrong.as_bytes()
            })
        });
        assert!(hit, "no finding points at {wrong}");
    }
    // Spans slice the file at figures, and line/column agree with them.
    for f in &findings {
        let a = f["span"]["start"].as_u64().unwrap() as usize;
        let line = bytes[..a].iter().filter(|&&b| b == b'\n').count() + 1;
        assert_eq!(f["line"].as_u64().unwrap() as usize, line);
        assert_eq!(f["rule"], "footing");
        assert_eq!(f["severity"], "error");
    }
    let doc = recs.iter().find(|r| r["kind"] == "document").unwrap();
    assert_eq!(doc["findings"].as_u64().unwrap() as usize, findings.len());
    assert!(doc["verified"].as_u64().unwrap() <= doc["figures"].as_u64().unwrap());
    let summary = recs.last().unwrap();
    assert_eq!(summary["kind"], "summary");
    assert_eq!(summary["documents"], 1);
}

#[test]
fn garbage_gets_a_message_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("empty.txt"), b"").unwrap();
    std::fs::write(d.join("nul.txt"), vec![0u8; 4096]).unwrap();
    std::fs::write(d.join("report.htm"), b"%PDF-1.7\n binary").unwrap();
    std::fs::write(d.join("zip.txt"), b"PK\x03\x04rest").unwrap();
    std::fs::write(
        d.join("prose.txt"),
        b"Nothing but words here.\nNo tables at all.\n",
    )
    .unwrap();
    std::fs::copy(MISTAKES, d.join("z-release.txt")).unwrap();
    let recs = check_jsonl([d], 1);
    let failure = |name: &str| {
        recs.iter()
            .find(|r| r["kind"] == "failure" && r["path"].as_str().unwrap().ends_with(name))
            .unwrap_or_else(|| panic!("no failure for {name}"))["message"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(failure("empty.txt"), "the file is empty");
    assert!(failure("nul.txt").contains("NUL bytes"));
    assert!(failure("report.htm").contains("PDF"));
    assert!(failure("zip.txt").contains("ZIP"));
    let prose = recs
        .iter()
        .find(|r| r["kind"] == "document" && r["path"].as_str().unwrap().ends_with("prose.txt"))
        .unwrap();
    assert_eq!(prose["tables"], 0);
    assert!(prose["note"]
        .as_str()
        .unwrap()
        .contains("no financial tables"));
    // The good document after them is still checked.
    assert!(recs
        .iter()
        .any(|r| r["kind"] == "finding" && r["path"].as_str().unwrap().ends_with("z-release.txt")));
    let summary = recs.last().unwrap();
    assert_eq!(summary["documents"], 6);
    assert_eq!(summary["failures"], 4);
}

#[test]
fn output_order_is_by_path_whatever_the_threads() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..12 {
        let src = if i % 2 == 0 { CLEAN } else { MISTAKES };
        std::fs::copy(src, dir.path().join(format!("doc{i:02}.txt"))).unwrap();
    }
    let run = |jobs: &str| {
        tickmark()
            .args(["check", "--format", "jsonl", "--jobs", jobs])
            .arg(dir.path())
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(run("1"), run("2"));
}

#[test]
fn stdin_is_read_with_dash() {
    tickmark()
        .args(["check", "--format", "jsonl", "-"])
        .write_stdin(std::fs::read(MISTAKES).unwrap())
        .assert()
        .code(1)
        .stdout(predicates::str::contains("\"path\":\"-\""));
}

#[test]
fn broken_rule_file_is_exit_two_with_a_pointer() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("mine.yaml");
    std::fs::write(&rules, "- id: mine\n  kind: footin\n  summary: oops\n").unwrap();
    let out = tickmark()
        .env("NO_COLOR", "1")
        .args(["check", CLEAN, "--rules"])
        .arg(&rules)
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8_lossy(&out);
    assert!(err.contains("unknown rule kind `footin`"), "{err}");
    assert!(err.contains("did you mean `footing`"), "{err}");
    assert!(err.contains("mine.yaml:2:9"), "{err}");
}

#[test]
fn usage_errors_exit_two() {
    tickmark().args(["check"]).assert().code(2);
    tickmark()
        .args(["check", "--format", "xml", CLEAN])
        .assert()
        .code(2);
    tickmark()
        .args(["explain", "no-such-rule"])
        .assert()
        .code(2);
}

#[test]
fn rules_and_explain() {
    tickmark()
        .args(["rules"])
        .assert()
        .code(0)
        .stdout(predicates::str::contains("footing"));
    tickmark()
        .args(["explain", "footing"])
        .assert()
        .code(0)
        .stdout(predicates::str::contains("within the rounding"));
}

#[test]
fn missing_file_is_a_failure_not_a_crash() {
    let recs = check_jsonl(["no/such/file.txt", CLEAN], 0);
    assert!(recs.iter().any(
        |r| r["kind"] == "failure" && r["message"].as_str().unwrap().starts_with("cannot read")
    ));
    assert!(Path::new(CLEAN).exists());
}

#[test]
fn human_output_snapshot() {
    let out = tickmark()
        .env("NO_COLOR", "1")
        .args(["check", "--quiet", MISTAKES])
        .output()
        .unwrap();
    insta::assert_snapshot!(String::from_utf8_lossy(&out.stdout));
}

#[test]
fn inspect_snapshot() {
    let out = tickmark().args(["inspect", CLEAN]).output().unwrap();
    assert!(out.status.success());
    insta::assert_snapshot!(String::from_utf8_lossy(&out.stdout));
}

#[test]
fn jsonl_snapshot() {
    let out = tickmark()
        .args(["check", "--format", "jsonl", MISTAKES])
        .output()
        .unwrap();
    insta::assert_snapshot!(String::from_utf8_lossy(&out.stdout));
}

#[test]
fn test_rules_runs_the_example_pack() {
    tickmark()
        .args(["test-rules", "examples/rules"])
        .assert()
        .code(0)
        .stdout(predicates::str::contains("4 tests: 4 passed, 0 failed"));
}

#[test]
fn test_rules_fails_on_a_wrong_expectation() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("wrong.yaml");
    let doc = std::fs::canonicalize(MISTAKES).unwrap();
    std::fs::write(
        &rules,
        format!(
            "- id: strict-footing\n  kind: footing\n  summary: x\n  tests:\n    pass: [{}]\n",
            doc.display()
        ),
    )
    .unwrap();
    tickmark()
        .args(["test-rules"])
        .arg(&rules)
        .assert()
        .code(1)
        .stdout(predicates::str::contains("FAIL  strict-footing"))
        .stdout(predicates::str::contains("expected 0 findings, found 4"));
}

#[test]
fn config_sets_severity_and_is_found_upwards() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("a/b");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::write(
        dir.path().join("tickmark.yaml"),
        "severity:\n  footing: warning\n",
    )
    .unwrap();
    let doc = std::fs::canonicalize(MISTAKES).unwrap();
    // Warnings do not fail the run unless denied.
    tickmark()
        .current_dir(&sub)
        .args(["check", "--quiet"])
        .arg(&doc)
        .assert()
        .code(0);
    tickmark()
        .current_dir(&sub)
        .args(["check", "--deny", "warnings"])
        .arg(&doc)
        .assert()
        .code(1);
    // `off` removes the rule.
    std::fs::write(
        dir.path().join("tickmark.yaml"),
        "severity:\n  footing: off\n",
    )
    .unwrap();
    tickmark()
        .current_dir(&sub)
        .args(["rules"])
        .assert()
        .code(0)
        .stdout(predicates::str::is_match("(?m)^footing ").unwrap().not());
    // --no-config ignores it.
    tickmark()
        .current_dir(&sub)
        .args(["check", "--no-config"])
        .arg(&doc)
        .assert()
        .code(1);
}

#[test]
fn config_with_an_unknown_rule_points_at_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("tickmark.yaml"),
        "severity:\n  footng: warning\n",
    )
    .unwrap();
    let out = tickmark()
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .args(["rules"])
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8_lossy(&out);
    assert!(err.contains("no rule `footng`"), "{err}");
    assert!(err.contains("did you mean `footing`"), "{err}");
    assert!(err.contains("tickmark.yaml:2:3"), "{err}");
}

#[test]
fn broken_expression_points_into_the_yaml() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("mine.yaml");
    std::fs::write(
        &rules,
        "- id: mine\n  kind: equation\n  summary: x\n  equation: total_assets = total_liabilites + total_equity\n",
    )
    .unwrap();
    let out = tickmark()
        .env("NO_COLOR", "1")
        .args(["rules", "--rules"])
        .arg(&rules)
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8_lossy(&out);
    assert!(err.contains("unknown concept `total_liabilites`"), "{err}");
    assert!(err.contains("did you mean `total_liabilities`"), "{err}");
    assert!(err.contains("mine.yaml:4:28"), "{err}");
}
