//! JSON Lines: one object per line, the contract scripts and the scoreboard
//! read (see the README, "Machine-readable output").

use super::{DocReport, Failure, Summary};
use crate::span::LineIndex;
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct SpanRec {
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct LabelRec<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct FindingRec<'a> {
    kind: &'static str,
    path: &'a str,
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
struct DocumentRec<'a> {
    kind: &'static str,
    path: &'a str,
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
}

fn line<W: Write, T: Serialize>(w: &mut W, rec: &T) -> io::Result<()> {
    serde_json::to_writer(&mut *w, rec).map_err(io::Error::other)?;
    w.write_all(b"\n")
}

/// Writes a document's findings, then its `document` record.
pub fn write_document<W: Write>(w: &mut W, d: &DocReport) -> io::Result<()> {
    let index = LineIndex::new(&d.source.bytes);
    for f in &d.findings {
        let (l, c) = index.line_col(&d.source.bytes, f.span.start);
        line(
            w,
            &FindingRec {
                kind: "finding",
                path: d.path(),
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
            },
        )?;
    }
    line(
        w,
        &DocumentRec {
            kind: "document",
            path: d.path(),
            format: d.format,
            tables: d.tables,
            figures: d.figures,
            verified: d.verified,
            findings: d.findings.len(),
            note: d.note.as_deref(),
        },
    )
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
        },
    )
}
