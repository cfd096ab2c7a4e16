//! The `sentence-arithmetic` rule end to end: through the binary on an
//! HTML exhibit written for the test (entities and tags around the
//! figures, so spans must map back to the file's bytes), and on real
//! releases of `../shared/corpus` (skipped with a message when the corpus
//! is absent): the release as filed gets no finding, and a figure of one
//! of its sentences changed gets a finding on it.

use std::io::Write;

mod common;
use common::{corpus, jsonl, tickmark};

const RULE: &str = "sentence-arithmetic";

/// A small exhibit: a growth between two amounts, a change with its rate
/// and base, and a sum, in EDGAR-style markup.
const EXHIBIT: &str = r#"<html><body>
<p style="font-size:10pt">Net sales for the quarter increased 7.5&#160;percent, to $60.99&nbsp;billion, from <b>$56.72</b> billion last year.</p>
<p>Operating profit was $1.855 billion, an increase of $41&#160;million, or 2%, compared with $1.814 billion in the first quarter of 2021.</p>
<p>&#8226;Total cash returns to shareholders of approximately $8.6 billion, comprised of dividends of $7.6&#160;billion and share repurchases of $1.0 billion.</p>
</body></html>
"#;

fn run(html: &str) -> (Vec<serde_json::Value>, Vec<u8>) {
    let mut f = tempfile::Builder::new().suffix(".htm").tempfile().unwrap();
    f.write_all(html.as_bytes()).unwrap();
    let out = tickmark()
        .args(["check", "--format", "jsonl"])
        .arg(f.path())
        .output()
        .unwrap();
    (jsonl(&out.stdout), html.as_bytes().to_vec())
}

fn findings(recs: &[serde_json::Value]) -> Vec<&serde_json::Value> {
    recs.iter()
        .filter(|r| r["kind"] == "finding" && r["rule"] == RULE)
        .collect()
}

/// The file's bytes a finding's primary span covers.
fn primary<'a>(f: &serde_json::Value, bytes: &'a [u8]) -> &'a str {
    let (s, e) = (
        f["span"]["start"].as_u64().unwrap() as usize,
        f["span"]["end"].as_u64().unwrap() as usize,
    );
    std::str::from_utf8(&bytes[s..e]).unwrap()
}

/// Does the finding's span or one of its labels cover bytes `s..e`?
fn points_at(f: &serde_json::Value, s: usize, e: usize) -> bool {
    let covers = |x: &serde_json::Value| {
        x["start"].as_u64().unwrap() < e as u64 && (s as u64) < x["end"].as_u64().unwrap()
    };
    covers(&f["span"]) || f["labels"].as_array().unwrap().iter().any(covers)
}

#[test]
fn an_exhibit_that_holds_has_no_finding_and_its_figures_are_verified() {
    let (recs, _) = run(EXHIBIT);
    assert!(findings(&recs).is_empty(), "{recs:#?}");
    let doc = recs.iter().find(|r| r["kind"] == "document").unwrap();
    // Every figure of the three sentences holds: 3 + 4 + 3.
    assert!(doc["verified"].as_u64().unwrap() >= 10, "{doc}");
}

#[test]
fn each_changed_figure_is_found_at_its_bytes() {
    for (from, to, on) in [
        ("7.5&#160;percent", "5.7&#160;percent", "5.7"),
        ("$60.99", "$66.99", "7.5"),
        ("<b>$56.72</b>", "<b>$65.72</b>", "7.5"),
        ("$41&#160;million", "$14&#160;million", "14"),
        ("or 2%", "or 7%", "7"),
        ("approximately $8.6", "approximately $6.8", "6.8"),
        ("$1.0 billion.", "$4.0 billion.", "8.6"),
    ] {
        let changed = EXHIBIT.replacen(from, to, 1);
        let (recs, bytes) = run(&changed);
        let found = findings(&recs);
        let at = changed.find(to).unwrap();
        assert!(
            found
                .iter()
                .any(|f| points_at(f, at, at + to.len()) && primary(f, &bytes) == on),
            "{from} -> {to}: {found:#?}"
        );
    }
}

#[test]
fn inspect_shows_figures_that_hold_in_their_sentence() {
    let mut f = tempfile::Builder::new().suffix(".htm").tempfile().unwrap();
    f.write_all(EXHIBIT.as_bytes()).unwrap();
    tickmark()
        .arg("inspect")
        .arg(f.path())
        .assert()
        .code(0)
        .stdout(predicates::str::contains(
            "✓ holds in its sentence (growth)",
        ))
        .stdout(predicates::str::contains("✓ holds in its sentence (sum)"));
    tickmark()
        .args(["explain", RULE])
        .assert()
        .code(0)
        .stdout(predicates::str::contains("comprised of"));
}

/// Real releases: (file, figure as printed in the file, a change to it).
const CORPUS: &[(&str, &str, &str)] = &[
    // "Net sales for the first quarter increased 7.5 percent, to $60.99
    // billion from $56.72 billion last year."
    (
        "edgar-htm/COST_0000909832-24-000075_costex9918-k121224.htm",
        "$56.72",
        "$65.72",
    ),
    // "Operating profit … was $1.855 billion, an increase of $41 million,
    // or 2%, compared with $1.814 billion …"
    (
        "edgar-htm/0000018230-22-000107_ex991toformcat1q2022earnin.htm",
        "$41 million, or 2%",
        "$14 million, or 2%",
    ),
    // "Total cash returns to shareholders of approximately $8.6 billion,
    // comprised of dividends of $7.6 billion and share repurchases of $1.0
    // billion"
    (
        "edgar-htm/PEP_0000077476-25-000008_q420248-kxexhibit991.htm",
        "dividends of $7.6",
        "dividends of $6.7",
    ),
    // "First-quarter earnings of $655 million were down from $761 million"
    (
        "edgar-htm/XOM_0000034088-25-000022_livef8k1q25991.htm",
        "$761 million in the same quarter",
        "$561 million in the same quarter",
    ),
];

#[test]
fn corpus_releases_hold_and_a_changed_figure_is_found() {
    for (rel, from, to) in CORPUS {
        let Some(path) = corpus(rel) else { return };
        let original = std::fs::read(&path).unwrap();
        let text = String::from_utf8_lossy(&original).into_owned();
        assert!(text.contains(from), "{rel}: {from} not in the file");
        let suffix = path.extension().unwrap().to_string_lossy().into_owned();
        let check = |bytes: &[u8]| {
            let mut f = tempfile::Builder::new()
                .suffix(&format!(".{suffix}"))
                .tempfile()
                .unwrap();
            f.write_all(bytes).unwrap();
            let out = tickmark()
                .args(["check", "--format", "jsonl"])
                .arg(f.path())
                .output()
                .unwrap();
            jsonl(&out.stdout)
        };
        let clean = check(&original);
        assert!(
            findings(&clean).is_empty(),
            "{rel}: {:#?}",
            findings(&clean)
        );
        let at = text.find(from).unwrap();
        let changed = text.replacen(from, to, 1);
        let recs = check(changed.as_bytes());
        let found = findings(&recs);
        assert!(
            found.iter().any(|f| points_at(f, at, at + to.len())),
            "{rel}: {from} -> {to}: {found:#?}"
        );
    }
}
