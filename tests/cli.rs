//! The command line end to end: exit codes, output formats, failures that
//! do not stop the batch.

use predicates::prelude::*;
use std::path::Path;

mod common;
use common::{jsonl, tickmark};

const CLEAN: &str = "examples/releases/northwind-q1-2026.txt";
const MISTAKES: &str = "examples/releases/northwind-q1-2026-mistakes.txt";

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

/// Runs `check` on the mistakes file in `format` and returns stdout, with
/// the run time in the summary line made stable.
fn format_output(format: &str) -> String {
    let out = tickmark()
        .env("NO_COLOR", "1")
        .args(["check", "--format", format, MISTAKES])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8_lossy(&out).into_owned();
    regex::Regex::new(r"; \d+\.\d+s\n")
        .unwrap()
        .replace_all(&text, "; [time]\n")
        .into_owned()
}

#[test]
fn concise_snapshot() {
    let out = format_output("concise");
    assert!(out
        .lines()
        .next()
        .unwrap()
        .starts_with(&format!("{MISTAKES}:59:26: error[footing] ")));
    insta::assert_snapshot!(out);
}

#[test]
fn json_snapshot() {
    let out = format_output("json");
    let v: serde_json::Value = serde_json::from_str(&out).expect("one JSON document");
    assert_eq!(v["findings"].as_array().unwrap().len(), 4);
    assert_eq!(v["documents"][0]["findings"], 4);
    assert_eq!(v["failures"].as_array().unwrap().len(), 0);
    assert_eq!(v["summary"]["errors"], 4);
    insta::assert_snapshot!(out);
}

#[test]
fn github_snapshot() {
    let out = format_output("github");
    for l in out.lines().take(4) {
        assert!(l.starts_with("::error file="), "{l}");
        assert!(l.contains(",title=tickmark[footing]::"), "{l}");
        // One command per line: line breaks in messages are escaped.
        assert!(l.contains("%0A"), "{l}");
    }
    insta::assert_snapshot!(out);
}

#[test]
fn sarif_snapshot() {
    insta::assert_snapshot!(format_output("sarif"));
}

/// Every field and value of `ours` is in `back` (what the schema's types
/// kept of it): a field the schema does not define would be dropped on the
/// way through, and a wrong type or enum value would not deserialize.
fn assert_kept(ours: &serde_json::Value, back: &serde_json::Value, at: &str) {
    use serde_json::Value;
    match (ours, back) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, v) in a {
                let there = b
                    .get(k)
                    .unwrap_or_else(|| panic!("{at}.{k} is not in the SARIF 2.1.0 schema"));
                assert_kept(v, there, &format!("{at}.{k}"));
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            assert_eq!(a.len(), b.len(), "{at}");
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                assert_kept(x, y, &format!("{at}[{i}]"));
            }
        }
        (Value::Number(x), Value::Number(y)) => assert_eq!(x.as_f64(), y.as_f64(), "{at}"),
        (x, y) => assert_eq!(x, y, "{at}"),
    }
}

/// Validates against the SARIF 2.1.0 schema through the types serde-sarif
/// generates from the OASIS schema file at build time (no network needed),
/// then checks the properties code scanning relies on.
fn validate_sarif(v: &serde_json::Value) {
    let typed: serde_sarif::sarif::Sarif =
        serde_json::from_value(v.clone()).unwrap_or_else(|e| panic!("not SARIF 2.1.0: {e}"));
    let back = serde_json::to_value(&typed).unwrap();
    assert_kept(v, &back, "$");

    let levels = ["none", "note", "warning", "error"];
    assert_eq!(v["version"], "2.1.0");
    assert!(v["$schema"].as_str().unwrap().contains("sarif"));
    let runs = v["runs"].as_array().expect("runs is an array");
    assert!(!runs.is_empty());
    for run in runs {
        let driver = &run["tool"]["driver"];
        assert_eq!(driver["name"], "tickmark");
        assert!(driver["version"].is_string());
        assert!(driver["informationUri"].as_str().unwrap().contains("://"));
        let rules = driver["rules"].as_array().expect("rules");
        let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
        for r in rules {
            assert!(r["shortDescription"]["text"].is_string());
            assert!(r["fullDescription"]["text"].is_string());
            assert!(levels.contains(&r["defaultConfiguration"]["level"].as_str().unwrap()));
        }
        let region_ok = |loc: &serde_json::Value| {
            let p = &loc["physicalLocation"];
            assert!(!p["artifactLocation"]["uri"].as_str().unwrap().is_empty());
            let r = &p["region"];
            for k in ["startLine", "startColumn", "endLine", "endColumn"] {
                assert!(r[k].as_u64().unwrap() >= 1, "{k} in {r}");
            }
            assert!(r["byteOffset"].as_u64().is_some());
            assert!(r["byteLength"].as_u64().is_some());
            assert!(r["endLine"].as_u64() >= r["startLine"].as_u64());
        };
        for res in run["results"].as_array().expect("results") {
            assert!(!res["message"]["text"].as_str().unwrap().is_empty());
            assert!(ids.contains(&res["ruleId"].as_str().unwrap()), "{res}");
            assert!(levels.contains(&res["level"].as_str().unwrap()));
            let locs = res["locations"].as_array().unwrap();
            assert!(!locs.is_empty());
            locs.iter().for_each(region_ok);
            if let Some(rel) = res["relatedLocations"].as_array() {
                rel.iter().for_each(region_ok);
            }
        }
        for inv in run["invocations"].as_array().expect("invocations") {
            assert!(inv["executionSuccessful"].is_boolean());
            for n in inv["toolExecutionNotifications"].as_array().unwrap() {
                assert!(n["message"]["text"].is_string());
                assert!(levels.contains(&n["level"].as_str().unwrap()));
            }
        }
    }
}

#[test]
#[should_panic(expected = "not in the SARIF 2.1.0 schema")]
fn sarif_validation_refuses_a_field_the_schema_lacks() {
    let mut v: serde_json::Value = serde_json::from_str(&format_output("sarif")).unwrap();
    v["runs"][0]["results"][0]["lineNumber"] = serde_json::json!(3);
    validate_sarif(&v);
}

#[test]
#[should_panic(expected = "not SARIF 2.1.0")]
fn sarif_validation_refuses_a_level_the_schema_lacks() {
    let mut v: serde_json::Value = serde_json::from_str(&format_output("sarif")).unwrap();
    v["runs"][0]["results"][0]["level"] = serde_json::json!("fatal");
    validate_sarif(&v);
}

#[test]
fn sarif_has_what_the_schema_requires() {
    let v: serde_json::Value = serde_json::from_str(&format_output("sarif")).unwrap();
    validate_sarif(&v);
    let results = v["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 4);
    // The region slices the file at the figure.
    let bytes = std::fs::read(MISTAKES).unwrap();
    let r = &results[0]["locations"][0]["physicalLocation"]["region"];
    let (a, n) = (
        r["byteOffset"].as_u64().unwrap() as usize,
        r["byteLength"].as_u64().unwrap() as usize,
    );
    assert_eq!(&bytes[a..a + n], b"43,954");
    assert_eq!(results[0]["relatedLocations"].as_array().unwrap().len(), 5);
    // Failures are notifications of the invocation.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.txt"), b"").unwrap();
    std::fs::copy(MISTAKES, dir.path().join("m.txt")).unwrap();
    let out = tickmark()
        .args(["check", "--format", "sarif"])
        .arg(dir.path())
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    validate_sarif(&v);
    let notes = v["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    assert_eq!(notes.len(), 1);
    assert!(notes[0]["message"]["text"]
        .as_str()
        .unwrap()
        .contains("empty"));
}

#[test]
fn baseline_hides_known_findings_and_shows_new_ones() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("release.txt");
    let base = dir.path().join("baseline.json");
    std::fs::copy(MISTAKES, &doc).unwrap();
    // Writing a baseline reports as usual.
    tickmark()
        .args(["check", "--quiet", "--write-baseline"])
        .arg(&base)
        .arg(&doc)
        .assert()
        .code(1);
    let written: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&base).unwrap()).unwrap();
    assert_eq!(written["tickmark_baseline"], 1);
    assert_eq!(written["findings"].as_array().unwrap().len(), 4);
    // With it: nothing new, exit 0, and the summary says what was hidden.
    let recs = {
        let out = tickmark()
            .args(["check", "--format", "jsonl", "--baseline"])
            .arg(&base)
            .arg(&doc)
            .assert()
            .code(0)
            .get_output()
            .stdout
            .clone();
        jsonl(&out)
    };
    assert!(recs.iter().all(|r| r["kind"] != "finding"));
    assert_eq!(recs.last().unwrap()["baselined"], 4);
    // Lines added above the findings do not change their fingerprints; a
    // new mistake is the only finding.
    let text = std::fs::read_to_string(MISTAKES).unwrap();
    let edited = format!("A new first line.\n\n{text}").replacen(
        "Accounts payable\t$ 8,412",
        "Accounts payable\t$ 8,512",
        1,
    );
    assert_ne!(edited, format!("A new first line.\n\n{text}"));
    std::fs::write(&doc, edited).unwrap();
    let out = tickmark()
        .args(["check", "--format", "jsonl", "--baseline"])
        .arg(&base)
        .arg(&doc)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let recs = jsonl(&out);
    let findings: Vec<_> = recs.iter().filter(|r| r["kind"] == "finding").collect();
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert!(findings[0]["message"]
        .as_str()
        .unwrap()
        .contains("Total current liabilities"));
    assert_eq!(recs.last().unwrap()["baselined"], 4);
}

#[test]
fn a_bad_baseline_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("b.json");
    std::fs::write(&base, "not json").unwrap();
    tickmark()
        .args(["check", "--baseline"])
        .arg(&base)
        .arg(CLEAN)
        .assert()
        .code(2);
}

#[test]
fn shards_together_are_the_whole_run() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..7 {
        let src = if i % 3 == 0 { MISTAKES } else { CLEAN };
        std::fs::copy(src, dir.path().join(format!("doc{i}.txt"))).unwrap();
    }
    std::fs::write(dir.path().join("empty.txt"), b"").unwrap();
    let records = |extra: &[&str]| {
        let out = tickmark()
            .args(["check", "--format", "jsonl"])
            .args(extra)
            .arg(dir.path())
            .output()
            .unwrap();
        jsonl(&out.stdout)
            .into_iter()
            .filter(|r| r["kind"] != "summary")
            .map(|r| r.to_string())
            .collect::<Vec<_>>()
    };
    let mut whole = records(&[]);
    for n in [1, 3] {
        let mut union = Vec::new();
        let mut counts = Vec::new();
        for k in 1..=n {
            let part = records(&["--shard", &format!("{k}/{n}")]);
            counts.push(part.len());
            union.extend(part);
        }
        if n > 1 {
            assert!(counts.iter().all(|&c| c > 0), "{counts:?}");
        }
        union.sort();
        whole.sort();
        assert_eq!(union, whole, "{n} shards");
    }
}

#[test]
fn bad_shards_are_usage_errors() {
    for bad in ["0/2", "3/2", "1/0", "1", "a/b", "1/2/3"] {
        tickmark()
            .args(["check", "--shard", bad, CLEAN])
            .assert()
            .code(2);
    }
}

#[test]
fn piped_run_shows_no_progress_bar() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..12 {
        std::fs::copy(CLEAN, dir.path().join(format!("doc{i:02}.txt"))).unwrap();
    }
    let out = tickmark().args(["check"]).arg(dir.path()).output().unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !err.contains('█')
            && !err.contains('░')
            && !err.contains("documents,")
            && !err.contains('\r'),
        "{err}"
    );
    assert!(err.is_empty(), "{err}");
}

#[test]
fn configuration_include_and_exclude_choose_the_files_under_folders() {
    let dir = tempfile::tempdir().unwrap();
    let clean = std::fs::read(CLEAN).unwrap();
    for sub in ["2026", "2026/drafts", "notes"] {
        std::fs::create_dir_all(dir.path().join(sub)).unwrap();
    }
    std::fs::write(dir.path().join("2026/q1.txt"), &clean).unwrap();
    std::fs::write(dir.path().join("2026/drafts/q1.txt"), &clean).unwrap();
    std::fs::write(dir.path().join("notes/q1.md"), &clean).unwrap();
    std::fs::write(
        dir.path().join("tickmark.yaml"),
        "include: [\"**/*.txt\"]\nexclude: [\"**/drafts/**\"]\n",
    )
    .unwrap();
    let out = tickmark()
        .current_dir(dir.path())
        .args(["check", "--format", "jsonl", "."])
        .output()
        .unwrap();
    let paths: Vec<String> = jsonl(&out.stdout)
        .iter()
        .filter(|r| r["kind"] == "document")
        .map(|r| r["path"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(paths, ["./2026/q1.txt"]);
    // A file named on the command line is checked whatever the patterns.
    let out = tickmark()
        .current_dir(dir.path())
        .args(["check", "--format", "jsonl", "notes/q1.md"])
        .output()
        .unwrap();
    assert_eq!(
        jsonl(&out.stdout)
            .iter()
            .filter(|r| r["kind"] == "document")
            .count(),
        1
    );
}

/// An HTML exhibit written on one line (as Workiva and many filers do):
/// the graphical report cannot lay out a snippet a hundred thousand columns
/// wide, so such findings are shown without one, never with a panic.
#[test]
fn human_output_on_a_one_line_html_exhibit() {
    let html = std::fs::read_to_string("examples/releases/northwind-q1-2026-mistakes.htm").unwrap();
    // Past 65,535 columns miette's layout panicked.
    let one_line = format!("<!--{}-->{}", "x".repeat(70_000), html.replace('\n', " "));
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("one-line.htm");
    std::fs::write(&p, &one_line).unwrap();
    let out = tickmark()
        .args(["check", "--no-config"])
        .arg(&p)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stdout}\n{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(
        stdout.matches("error[tickmark::footing]").count(),
        4,
        "{stdout}"
    );
    assert!(stdout.contains("one-line.htm:1:"), "{stdout}");
    assert!(stdout.contains("checked against"), "{stdout}");
}

/// Share counts a statement in millions prints "(000s)" on their own
/// section header: EPS is checked at that scale, and a wrong EPS is found.
#[test]
fn share_counts_stated_in_thousands_on_their_row_feed_eps() {
    check_jsonl(["tests/fixtures/share-counts-in-thousands.txt"], 0);
    let recs = check_jsonl(
        ["tests/fixtures/share-counts-in-thousands-wrong-eps.txt"],
        1,
    );
    let rules: Vec<_> = recs
        .iter()
        .filter(|r| r["kind"] == "finding")
        .map(|r| r["rule"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(rules, ["eps-basic"]);
}

/// A non-GAAP EPS computation is checked like the GAAP one.
#[test]
fn non_gaap_eps_computation_is_checked() {
    check_jsonl(["tests/fixtures/non-gaap-eps-computation.txt"], 0);
    let recs = check_jsonl(["tests/fixtures/non-gaap-eps-computation-wrong.txt"], 1);
    let rules: Vec<_> = recs
        .iter()
        .filter(|r| r["kind"] == "finding")
        .map(|r| r["rule"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(rules, ["non-gaap-eps"]);
}

/// A reader that stops early (`tickmark inspect … | head`) is no error:
/// every command stops writing quietly instead of panicking (exit 101).
#[test]
fn a_closed_pipe_is_no_panic() {
    use std::process::{Command, Stdio};
    let bin = assert_cmd::cargo::cargo_bin("tickmark");
    for args in [
        vec!["explain", "footing"],
        vec!["rules"],
        vec!["inspect", MISTAKES],
        vec!["test-rules", "examples/rules"],
        vec!["check", "--format", "concise", MISTAKES],
        vec!["check", "--format", "jsonl", MISTAKES],
    ] {
        let mut child = Command::new(&bin)
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Close the read end before the command writes anything.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_ne!(
            out.status.code(),
            Some(101),
            "{args:?} panicked: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            !String::from_utf8_lossy(&out.stderr).contains("panicked"),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
