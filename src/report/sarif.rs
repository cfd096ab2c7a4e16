//! SARIF 2.1.0, the format code-scanning services (GitHub code scanning
//! among them) read.
//!
//! One run: `tool.driver` names tickmark, its version and its rules (id,
//! short and full description, default level); each finding is a `result`
//! with `ruleId`, `level` (`error`, `warning`, `note` for advice), the
//! message (and the help line after it), the figure's location (path as a
//! URI relative to the working directory, or a `file://` URI for an
//! absolute path; region with 1-based lines, columns counting Unicode code
//! points (`columnKind`), end column exclusive, and the byte offset and
//! length in the file as stored) and the figures it was checked against as
//! `relatedLocations`; `partialFingerprints."tickmark/v1"` is the finding's
//! baseline fingerprint (see `crate::baseline`), which survives edits
//! elsewhere in the file. Documents that could not be checked are
//! `toolExecutionNotifications` of the run's invocation.
//!
//! Results are written as documents finish; the rules, the invocation and
//! the closing brackets at the end (JSON objects have no key order).

use super::{DocReport, Failure, Region, Sink, Summary};
use crate::check::Severity;
use crate::rules::RuleSet;
use crate::span::LineIndex;
use serde_json::{json, Value};
use std::io::{self, Write};

/// Where the schema is published.
pub const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The tool's home page as SARIF's `informationUri` (the crate's
/// `homepage` when Cargo.toml has one).
pub const INFORMATION_URI: &str = match option_env!("CARGO_PKG_HOMEPAGE") {
    Some(h) if !h.is_empty() => h,
    _ => "https://crates.io/crates/tickmark",
};

struct RuleDesc {
    id: String,
    summary: String,
    description: String,
    level: &'static str,
}

pub struct Sarif {
    rules: Vec<RuleDesc>,
    started: bool,
    any_result: bool,
    notifications: Vec<Value>,
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Advice => "note",
    }
}

/// A path as a SARIF URI: a relative reference with `/` separators, or a
/// `file://` URI for an absolute path; bytes outside the unreserved set
/// and `/` are percent-encoded.
pub fn path_uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut out = String::new();
    let absolute = path.starts_with('/');
    if absolute {
        out.push_str("file://");
    }
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn region(r: &Region) -> Value {
    json!({
        "startLine": r.start_line,
        "startColumn": r.start_column,
        "endLine": r.end_line,
        "endColumn": r.end_column,
        "byteOffset": r.byte_offset,
        "byteLength": r.byte_length,
    })
}

impl Sarif {
    pub fn new(rules: &RuleSet) -> Sarif {
        Sarif {
            rules: rules
                .rules()
                .iter()
                .map(|r| RuleDesc {
                    id: r.id.clone(),
                    summary: r.summary.clone(),
                    description: if r.description.trim().is_empty() {
                        r.summary.clone()
                    } else {
                        r.description.trim().to_string()
                    },
                    level: level(r.severity),
                })
                .collect(),
            started: false,
            any_result: false,
            notifications: Vec::new(),
        }
    }

    fn start(&mut self, w: &mut dyn Write) -> io::Result<()> {
        if !self.started {
            self.started = true;
            write!(
                w,
                "{{\"$schema\":{},\"version\":\"2.1.0\",\"runs\":[{{\"columnKind\":\"unicodeCodePoints\",\"results\":[",
                Value::from(SCHEMA)
            )?;
        }
        Ok(())
    }

    fn driver(&self) -> Value {
        let rules: Vec<Value> = self
            .rules
            .iter()
            .map(|r| {
                json!({
                    "id": r.id,
                    "shortDescription": {"text": r.summary},
                    "fullDescription": {"text": r.description},
                    "defaultConfiguration": {"level": r.level},
                })
            })
            .collect();
        json!({
            "name": "tickmark",
            "version": env!("CARGO_PKG_VERSION"),
            "semanticVersion": env!("CARGO_PKG_VERSION"),
            "informationUri": INFORMATION_URI,
            "rules": rules,
        })
    }

    fn ensure_rule(&mut self, id: &str, severity: Severity) {
        // A finding of a rule the set does not list (none today) still
        // needs a rule entry for `ruleId` to resolve.
        if !self.rules.iter().any(|r| r.id == id) {
            self.rules.push(RuleDesc {
                id: id.to_string(),
                summary: id.to_string(),
                description: id.to_string(),
                level: level(severity),
            });
        }
    }
}

impl Sink for Sarif {
    fn document(&mut self, w: &mut dyn Write, d: &DocReport) -> io::Result<()> {
        self.start(w)?;
        if d.findings.is_empty() {
            return Ok(());
        }
        let index = LineIndex::new(&d.source.bytes);
        let uri = path_uri(d.path());
        for f in &d.findings {
            self.ensure_rule(&f.rule, f.severity);
            let text = match &f.help {
                Some(h) => format!("{}\n{h}", f.message),
                None => f.message.clone(),
            };
            let related: Vec<Value> = f
                .labels
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    json!({
                        "id": i + 1,
                        "message": {"text": l.text},
                        "physicalLocation": {
                            "artifactLocation": {"uri": uri},
                            "region": region(&Region::new(&d.source, &index, l.span)),
                        },
                    })
                })
                .collect();
            let mut result = json!({
                "ruleId": f.rule,
                "level": level(f.severity),
                "message": {"text": text},
                "partialFingerprints": {
                    "tickmark/v1": crate::baseline::fingerprint(d.path(), &d.source.bytes, f),
                },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri},
                        "region": region(&Region::new(&d.source, &index, f.span)),
                    },
                    "message": {"text": f.span_text},
                }],
            });
            if !related.is_empty() {
                if let Value::Object(m) = &mut result {
                    m.insert("relatedLocations".into(), Value::Array(related));
                }
            }
            w.write_all(if self.any_result { b",\n" } else { b"\n" })?;
            self.any_result = true;
            serde_json::to_writer(&mut *w, &result).map_err(io::Error::other)?;
        }
        Ok(())
    }

    fn failure(&mut self, w: &mut dyn Write, f: &Failure) -> io::Result<()> {
        self.start(w)?;
        self.notifications.push(json!({
            "level": "error",
            "message": {"text": format!("cannot check this document: {}", f.message)},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": path_uri(&f.path)}}}],
        }));
        Ok(())
    }

    fn finish(&mut self, w: &mut dyn Write, _s: &Summary, _seconds: f64) -> io::Result<()> {
        self.start(w)?;
        if self.any_result {
            w.write_all(b"\n")?;
        }
        let tool = json!({ "driver": self.driver() });
        let invocation = json!({
            "executionSuccessful": true,
            "toolExecutionNotifications": std::mem::take(&mut self.notifications),
        });
        writeln!(
            w,
            "],\n\"tool\":{tool},\n\"invocations\":[{invocation}]}}]}}"
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris() {
        assert_eq!(path_uri("a/b c.txt"), "a/b%20c.txt");
        assert_eq!(path_uri("/x/y.htm"), "file:///x/y.htm");
        assert_eq!(path_uri("a\\b.txt"), "a/b.txt");
    }
}
