//! EDGAR submission files: an exhibit wrapped in the SGML envelope gives the
//! findings it gives alone, at its offsets in the submission file.

use std::path::{Path, PathBuf};

mod common;
use common::tickmark;

const EXHIBIT: &str = "examples/releases/northwind-q1-2026-mistakes.htm";

fn jsonl(args: &[&str]) -> Vec<serde_json::Value> {
    let out = tickmark()
        .args(["check", "--no-config", "--format", "jsonl"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn of_kind<'a>(
    records: &'a [serde_json::Value],
    kind: &'a str,
) -> impl Iterator<Item = &'a serde_json::Value> {
    records.iter().filter(move |r| r["kind"] == kind)
}

/// A submission as sec-edgar-downloader saves it: header, the 8-K itself,
/// the exhibit, and a uuencoded image. Returns the bytes and the offset
/// where the exhibit's text starts.
fn wrap(exhibit: &[u8], exhibit_type: &str) -> (Vec<u8>, usize) {
    wrap_named(exhibit, exhibit_type, "ex99-1.htm")
}

fn wrap_named(exhibit: &[u8], exhibit_type: &str, filename: &str) -> (Vec<u8>, usize) {
    let mut out = Vec::new();
    out.extend_from_slice(
        b"<SEC-DOCUMENT>0000000000-26-000042.txt : 20260505\n\
<SEC-HEADER>0000000000-26-000042.hdr.sgml : 20260505\n\
ACCESSION NUMBER:\t\t0000000000-26-000042\n\
CONFORMED SUBMISSION TYPE:\t8-K\n\
</SEC-HEADER>\n\
<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<FILENAME>nwss-20260505.htm\n<DESCRIPTION>8-K\n<TEXT>\n\
<html><body><p>Item 2.02 Results of Operations and Financial Condition.</p>\
<p>Revenue 42,625 and 1,000 and 9.</p></body></html>\n\
</TEXT>\n</DOCUMENT>\n",
    );
    out.extend_from_slice(
        format!(
            "<DOCUMENT>\n<TYPE>{exhibit_type}\n<SEQUENCE>2\n<FILENAME>{filename}\n<DESCRIPTION>PRESS RELEASE\n<TEXT>\n"
        )
        .as_bytes(),
    );
    let at = out.len();
    out.extend_from_slice(exhibit);
    out.extend_from_slice(
        b"\n</TEXT>\n</DOCUMENT>\n\
<DOCUMENT>\n<TYPE>GRAPHIC\n<SEQUENCE>3\n<FILENAME>logo.jpg\n<TEXT>\n\
begin 644 logo.jpg\nM_]C_X``02D9)1@`!`0$`8`!@``#_VP!#``,\"`@(\n`\nend\n\
</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n",
    );
    (out, at)
}

fn write_temp(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    (dir, path)
}

/// (rule, message, span start, span end, label starts) of each finding,
/// with offsets moved back by `shift`.
fn findings(
    records: &[serde_json::Value],
    shift: usize,
) -> Vec<(String, String, u64, u64, Vec<u64>)> {
    of_kind(records, "finding")
        .map(|f| {
            let back = |v: &serde_json::Value| v.as_u64().unwrap() - shift as u64;
            (
                f["rule"].as_str().unwrap().to_string(),
                f["message"].as_str().unwrap().to_string(),
                back(&f["span"]["start"]),
                back(&f["span"]["end"]),
                f["labels"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|l| back(&l["start"]))
                    .collect(),
            )
        })
        .collect()
}

/// The submission's findings are the exhibit's, shifted by the exhibit's
/// offset; slicing the submission at each span gives the exhibit's bytes.
fn assert_same_findings(exhibit_path: &Path, exhibit: &[u8]) {
    let alone = jsonl(&[exhibit_path.to_str().unwrap()]);
    let (submission, at) = wrap(exhibit, "EX-99.1");
    let (_dir, path) = write_temp("full-submission.txt", &submission);
    let wrapped = jsonl(&[path.to_str().unwrap()]);
    assert_eq!(
        findings(&alone, 0),
        findings(&wrapped, at),
        "{}",
        exhibit_path.display()
    );
    for f in of_kind(&wrapped, "finding") {
        assert_eq!(f["exhibit"], "EX-99.1 (ex99-1.htm)");
        let (s, e) = (
            f["span"]["start"].as_u64().unwrap() as usize,
            f["span"]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&submission[s..e], &exhibit[s - at..e - at]);
    }
    // One document record, for the exhibit: the 8-K and the image are not
    // checked by default.
    let docs: Vec<_> = of_kind(&wrapped, "document").collect();
    assert_eq!(docs.len(), 1, "{wrapped:?}");
    assert_eq!(docs[0]["exhibit"], "EX-99.1 (ex99-1.htm)");
    let alone_doc = of_kind(&alone, "document").next().unwrap();
    for key in ["tables", "figures", "verified", "findings"] {
        assert_eq!(docs[0][key], alone_doc[key], "{key}");
    }
}

#[test]
fn an_exhibit_wrapped_in_a_submission_gives_the_same_findings() {
    let exhibit = std::fs::read(EXHIBIT).unwrap();
    let alone = jsonl(&[EXHIBIT]);
    assert_eq!(of_kind(&alone, "finding").count(), 4, "{alone:?}");
    assert_same_findings(Path::new(EXHIBIT), &exhibit);
}

#[test]
fn a_text_exhibit_in_a_submission_is_read_as_text() {
    let path = "examples/releases/northwind-q1-2026-mistakes.txt";
    let exhibit = std::fs::read(path).unwrap();
    let (submission, at) = wrap_named(&exhibit, "EX-99", "ex99.txt");
    let (_dir, sub) = write_temp("0000000000-26-000042.nc", &submission);
    let wrapped = jsonl(&[sub.to_str().unwrap()]);
    assert_eq!(findings(&jsonl(&[path]), 0), findings(&wrapped, at));
}

#[test]
fn exhibits_chooses_the_documents() {
    let exhibit = std::fs::read(EXHIBIT).unwrap();
    let (submission, _) = wrap(&exhibit, "EX-99.1");
    let (_dir, path) = write_temp("full-submission.txt", &submission);
    let p = path.to_str().unwrap();
    let docs = |args: &[&str]| -> Vec<String> {
        of_kind(&jsonl(args), "document")
            .map(|d| d["exhibit"].as_str().unwrap_or("-").to_string())
            .collect()
    };
    assert_eq!(docs(&["--exhibits", "8-K", p]), ["8-K (nwss-20260505.htm)"]);
    assert_eq!(
        docs(&["--exhibits", "8-K,EX-99*", p]),
        ["8-K (nwss-20260505.htm)", "EX-99.1 (ex99-1.htm)"]
    );
    // Every document but the image, which is uuencoded.
    assert_eq!(docs(&["--exhibits", "*", p]).len(), 2);
    // Nothing selected: a document record saying so, not a failure.
    let records = jsonl(&["--exhibits", "EX-10*", p]);
    assert_eq!(of_kind(&records, "failure").count(), 0);
    let doc = of_kind(&records, "document").next().unwrap();
    let note = doc["note"].as_str().unwrap();
    assert!(
        note.contains("no document of type EX-10*") && note.contains("8-K, EX-99.1, GRAPHIC"),
        "{note}"
    );
}

#[test]
fn exhibits_from_the_configuration() {
    let exhibit = std::fs::read(EXHIBIT).unwrap();
    let (submission, _) = wrap(&exhibit, "EX-99.1");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("full-submission.txt"), &submission).unwrap();
    std::fs::write(dir.path().join("tickmark.yaml"), "exhibits:\n  - 8-K\n").unwrap();
    let out = tickmark()
        .current_dir(dir.path())
        .args(["check", "--format", "jsonl", "full-submission.txt"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("\"exhibit\":\"8-K (nwss-20260505.htm)\""),
        "{text}"
    );
    assert!(!text.contains("EX-99.1"), "{text}");
}

#[test]
fn inspect_shows_each_exhibit() {
    let exhibit = std::fs::read(EXHIBIT).unwrap();
    let (submission, _) = wrap(&exhibit, "EX-99.1");
    let (_dir, path) = write_temp("full-submission.txt", &submission);
    let out = tickmark()
        .args(["inspect", "--no-config", path.to_str().unwrap()])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("== EX-99.1 (ex99-1.htm)"), "{text}");
    assert!(
        text.contains("CONDENSED CONSOLIDATED BALANCE SHEETS"),
        "{text}"
    );
}

/// Real exhibits from the corpus, wrapped: the same findings at shifted
/// offsets. A sample keeps the test quick in a debug build.
#[test]
fn corpus_exhibits_wrapped_in_submissions() {
    let dir = Path::new("../shared/corpus/edgar-htm");
    if !dir.is_dir() {
        eprintln!("skipped: ../shared/corpus is absent");
        return;
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "htm" || x == "html"))
        .collect();
    files.sort();
    for path in files.iter().step_by(files.len().div_ceil(6).max(1)) {
        let bytes = std::fs::read(path).unwrap();
        // Some files are already one `<DOCUMENT>` with its envelope.
        if bytes.windows(10).take(4096).any(|w| w == b"<DOCUMENT>") {
            continue;
        }
        assert_same_findings(path, &bytes);
    }
}
