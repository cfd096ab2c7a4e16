//! Baselines: today's findings recorded by a fingerprint, so that a later
//! run reports only new ones (`--write-baseline FILE`, `--baseline FILE`).
//!
//! A fingerprint must survive edits elsewhere in the file, so it is not
//! made of offsets or line numbers. It is FNV-1a (64 bits, written as 16
//! hex digits) over, separated by `0x1F`:
//!
//! 1. `v1`, the fingerprint version;
//! 2. the rule id;
//! 3. the document's path as given on the command line (`\` read as `/`);
//! 4. the text of the primary figure (the bytes of its span);
//! 5. the message with every run of digits replaced by `#` (periods, sums
//!    and differences change when other figures are edited);
//! 6. the labels' texts (the rows the figure was checked against), each
//!    with digits replaced the same way, in order.
//!
//! FNV-1a is written here rather than taken from `std`, whose hashers are
//! not stable across Rust releases. Two identical findings in one document
//! share a fingerprint; the baseline keeps a count per fingerprint, and a
//! check with the baseline hides at most that many.
//!
//! The file is JSON:
//!
//! ```json
//! {"tickmark_baseline": 1, "findings": [
//!   {"fingerprint": "9c0e…", "count": 1, "path": "q1.txt", "rule": "footing", "message": "…"}
//! ]}
//! ```
//!
//! `path`, `rule` and `message` are there for people reading the file;
//! matching uses `fingerprint` and `count` only.

use crate::check::Finding;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// FNV-1a, 64 bits.
pub fn fnv1a(bytes: &[u8], mut hash: u64) -> u64 {
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// `s` with every run of ASCII digits replaced by `#`.
fn without_digits(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_digits = false;
    for c in s.chars() {
        if c.is_ascii_digit() {
            if !in_digits {
                out.push('#');
            }
            in_digits = true;
        } else {
            in_digits = false;
            out.push(c);
        }
    }
    out
}

/// A finding's fingerprint (see the module documentation).
pub fn fingerprint(path: &str, source: &[u8], f: &Finding) -> String {
    let path = path.replace('\\', "/");
    let figure = source.get(f.span.start..f.span.end).unwrap_or_default();
    let mut h = FNV_OFFSET;
    let mut part = |bytes: &[u8]| {
        h = fnv1a(bytes, h);
        h = fnv1a(&[0x1f], h);
    };
    part(b"v1");
    part(f.rule.as_bytes());
    part(path.as_bytes());
    part(figure);
    part(without_digits(&f.message).as_bytes());
    for l in &f.labels {
        part(without_digits(&l.text).as_bytes());
    }
    format!("{h:016x}")
}

#[derive(Serialize, Deserialize)]
struct Entry {
    fingerprint: String,
    count: usize,
    #[serde(default)]
    path: String,
    #[serde(default)]
    rule: String,
    #[serde(default)]
    message: String,
}

#[derive(Serialize, Deserialize)]
struct File {
    tickmark_baseline: u32,
    findings: Vec<Entry>,
}

/// A baseline read from a file: how many findings of each fingerprint to hide.
#[derive(Debug, Default)]
pub struct Baseline {
    remaining: HashMap<String, usize>,
}

impl Baseline {
    pub fn parse(text: &str) -> Result<Baseline, String> {
        let file: File =
            serde_json::from_str(text).map_err(|e| format!("not a tickmark baseline: {e}"))?;
        if file.tickmark_baseline != 1 {
            return Err(format!(
                "baseline format version {} is not supported (this tickmark reads version 1)",
                file.tickmark_baseline
            ));
        }
        let mut remaining = HashMap::new();
        for e in file.findings {
            *remaining.entry(e.fingerprint).or_insert(0) += e.count;
        }
        Ok(Baseline { remaining })
    }

    /// Drops the findings the baseline has (each fingerprint at most its
    /// count, over the whole run); returns how many were dropped.
    pub fn filter(&mut self, path: &str, source: &[u8], findings: &mut Vec<Finding>) -> usize {
        let before = findings.len();
        findings.retain(
            |f| match self.remaining.get_mut(&fingerprint(path, source, f)) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    false
                }
                _ => true,
            },
        );
        before - findings.len()
    }
}

/// Findings being recorded for `--write-baseline`.
#[derive(Debug, Default)]
pub struct Recorder {
    entries: BTreeMap<(String, String), (String, String, usize)>,
}

impl Recorder {
    pub fn add(&mut self, path: &str, source: &[u8], findings: &[Finding]) {
        for f in findings {
            let key = (path.replace('\\', "/"), fingerprint(path, source, f));
            let e = self
                .entries
                .entry(key)
                .or_insert_with(|| (f.rule.clone(), f.message.clone(), 0));
            e.2 += 1;
        }
    }

    /// The baseline file's text (sorted by path, then fingerprint).
    pub fn to_json(&self) -> String {
        let file = File {
            tickmark_baseline: 1,
            findings: self
                .entries
                .iter()
                .map(|((path, fp), (rule, message, count))| Entry {
                    fingerprint: fp.clone(),
                    count: *count,
                    path: path.clone(),
                    rule: rule.clone(),
                    message: message.clone(),
                })
                .collect(),
        };
        let mut s = serde_json::to_string_pretty(&file).unwrap_or_default();
        s.push('\n');
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Label, Severity};
    use crate::span::Span;

    fn finding(start: usize, message: &str) -> Finding {
        Finding {
            rule: "footing".into(),
            severity: Severity::Error,
            message: message.into(),
            help: None,
            span: Span {
                start,
                end: start + 3,
            },
            span_text: String::new(),
            labels: vec![Label {
                span: Span { start: 0, end: 1 },
                text: "Revenue".into(),
            }],
        }
    }

    #[test]
    fn fnv_known_values() {
        assert_eq!(fnv1a(b"", FNV_OFFSET), 0xcbf29ce484222325);
        assert_eq!(fnv1a(b"a", FNV_OFFSET), 0xaf63dc4c8601ec8c);
        assert_eq!(fnv1a(b"foobar", FNV_OFFSET), 0x85944171f73967e8);
    }

    #[test]
    fn fingerprint_ignores_offsets_and_numbers_in_messages() {
        let a = b"xx 123 yy";
        let b = b"more text before: xx 123 yy";
        let fa = finding(3, "sum is 100, shows 123");
        let fb = finding(21, "sum is 101, shows 123");
        assert_eq!(fingerprint("q.txt", a, &fa), fingerprint("q.txt", b, &fb));
        assert_ne!(fingerprint("q.txt", a, &fa), fingerprint("r.txt", a, &fa));
        let mut other = fa.clone();
        other.rule = "change-column".into();
        assert_ne!(
            fingerprint("q.txt", a, &fa),
            fingerprint("q.txt", a, &other)
        );
    }

    #[test]
    fn counts_hide_duplicates_once_each() {
        let src = b"xx 123 yy";
        let f = finding(3, "m");
        let mut rec = Recorder::default();
        rec.add("q.txt", src, std::slice::from_ref(&f));
        let mut base = Baseline::parse(&rec.to_json()).unwrap();
        let mut findings = vec![f.clone(), f];
        assert_eq!(base.filter("q.txt", src, &mut findings), 1);
        assert_eq!(findings.len(), 1);
        assert!(Baseline::parse("{}").is_err());
    }
}
