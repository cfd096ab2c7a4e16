//! JSON Lines: one object per line, the contract scripts and the scoreboard
//! read (see the README, "Machine-readable output").

use super::{DocReport, Failure, Summary};
use crate::span::LineIndex;
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
pub(super) struct SpanRec {
    start: usize,
    end: usize,
}

#[derive(Serialize)]
pub(super) struct LabelRec<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

#[derive(Serialize)]
pub(super) struct FindingRec<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) kind: Option<&'static str>,
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    exhibit: Option<&'a str>,
    rule: &'a str,
    severity: &'static str,
    message: &'a str,
    help: Option<&'a str>,
    span: SpanRec,
    line: usize,
    column: usize,
    labels: Vec<LabelRec<'a>>,
}

#[derive(Serialize)]
pub(super) struct DocumentRec<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) kind: Option<&'static str>,
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    exhibit: Option<&'a str>,
    format: &'a str,
    tables: usize,
    figures: usize,
    verified: usize,
    findings: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct FailureRec<'a> {
    kind: &'static str,
    path: &'a str,
    message: &'a str,
}

#[derive(Serialize)]
struct SummaryRec {
    kind: &'static str,
    documents: usize,
    failures: usize,
    findings: usize,
    figures: usize,
    verified: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    baselined: Option<usize>,
}

fn line<W: Write, T: Serialize>(w: &mut W, rec: &T) -> io::Result<()> {
    serde_json::to_writer(&mut *w, rec).map_err(io::Error::other)?;
    w.write_all(b"\n")
}

/// A document's finding records, in order.
pub(super) fn finding_records(d: &DocReport) -> Vec<FindingRec<'_>> {
    if d.findings.is_empty() {
        return Vec::new();
    }
    let index = LineIndex::new(&d.source.bytes);
    d.findings
        .iter()
        .map(|f| {
            let (l, c) = index.line_col(&d.source.bytes, f.span.start);
            FindingRec {
                kind: Some("finding"),
                path: d.path(),
                exhibit: d.part.as_deref(),
                rule: &f.rule,
                severity: f.severity.as_str(),
                message: &f.message,
                help: f.help.as_deref(),
                span: SpanRec {
                    start: f.span.start,
                    end: f.span.end,
                },
                line: l,
                column: c,
                labels: f
                    .labels
                    .iter()
                    .map(|lb| LabelRec {
                        start: lb.span.start,
                        end: lb.span.end,
                        text: &lb.text,
                    })
                    .collect(),
            }
        })
        .collect()
}

/// A document's `document` record.
pub(super) fn document_record(d: &DocReport) -> DocumentRec<'_> {
    DocumentRec {
        kind: Some("document"),
        path: d.path(),
        exhibit: d.part.as_deref(),
        format: d.format,
        tables: d.tables,
        figures: d.figures,
        verified: d.verified,
        findings: d.findings.len(),
        note: d.note.as_deref(),
    }
}

/// Writes a document's findings, then its `document` record.
pub fn write_document<W: Write>(w: &mut W, d: &DocReport) -> io::Result<()> {
    for rec in finding_records(d) {
        line(w, &rec)?;
    }
    line(w, &document_record(d))
}

pub fn write_failure<W: Write>(w: &mut W, f: &Failure) -> io::Result<()> {
    line(
        w,
        &FailureRec {
            kind: "failure",
            path: &f.path,
            message: &f.message,
        },
    )
}

pub fn write_summary<W: Write>(w: &mut W, s: &Summary) -> io::Result<()> {
    line(
        w,
        &SummaryRec {
            kind: "summary",
            documents: s.documents,
            failures: s.failures,
            findings: s.findings,
            figures: s.figures,
            verified: s.verified,
            baselined: s.baselined,
        },
    )
}

/// JSON Lines as a [`super::Sink`].
pub struct Jsonl;

impl super::Sink for Jsonl {
    fn document(&mut self, mut w: &mut dyn Write, d: &DocReport) -> io::Result<()> {
        write_document(&mut w, d)
    }

    fn failure(&mut self, mut w: &mut dyn Write, f: &Failure) -> io::Result<()> {
        write_failure(&mut w, f)
    }

    fn finish(&mut self, mut w: &mut dyn Write, s: &Summary, _seconds: f64) -> io::Result<()> {
        write_summary(&mut w, s)
    }
}
