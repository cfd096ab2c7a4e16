//! The graphical report: miette's rendering of each finding, with the
//! primary label on the wrong figure and labels on the figures it was
//! checked against.

use super::{DocReport, Failure, Summary};
use crate::check::{Finding, Severity};
use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource};
use std::fmt;
use std::io::{self, Write};
use std::sync::Arc;

/// A finding as a miette diagnostic over the document's source.
struct FindingDiagnostic<'a> {
    finding: &'a Finding,
    source: &'a NamedSource<Arc<str>>,
}

impl fmt::Debug for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl fmt::Display for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl std::error::Error for FindingDiagnostic<'_> {}

impl Diagnostic for FindingDiagnostic<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(format!("tickmark::{}", self.finding.rule)))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Advice => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.finding
            .help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let f = self.finding;
        let primary = LabeledSpan::new_primary_with_span(
            Some(f.span_text.clone()),
            (f.span.start, f.span.len()),
        );
        let rest = f.labels.iter().map(|l| {
            LabeledSpan::new_with_span(Some(l.text.clone()), (l.span.start, l.span.len()))
        });
        Some(Box::new(std::iter::once(primary).chain(rest)))
    }
}

/// The text miette renders snippets from. Byte offsets must stay those of
/// the file, so bytes that are not UTF-8 become `?` (one byte each).
pub fn display_source(bytes: &[u8]) -> Arc<str> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Arc::from(s),
        Err(_) => {
            let s: String = bytes
                .iter()
                .map(|&b| if b.is_ascii() { b as char } else { '?' })
                .collect();
            Arc::from(s)
        }
    }
}

/// The most characters of a figure's text a plain finding shows.
const SHOWN_MAX: usize = 60;

/// Past this column a figure is shown without a source snippet.
const SNIPPET_MAX_COLUMN: usize = 400;

/// A finding without a snippet: where it is, the figures it was checked
/// against, and the help, in the same shape as the graphical report.
fn write_plain<W: Write>(
    w: &mut W,
    d: &DocReport,
    index: &crate::span::LineIndex,
    f: &Finding,
) -> io::Result<()> {
    let bytes = &d.source.bytes;
    let at = |sp: crate::span::Span| {
        let (l, c) = index.line_col(bytes, sp.start);
        format!("{}:{l}:{c}", d.path())
    };
    // A figure's bytes as a reader sees them: an HTML figure's span can
    // run over the tags between its digits and a "%" in the next cell.
    let shown = |sp: crate::span::Span| {
        let raw =
            String::from_utf8_lossy(&bytes[sp.start.min(bytes.len())..sp.end.min(bytes.len())]);
        let text = crate::parse::html::visible_text(&raw);
        match text.char_indices().nth(SHOWN_MAX) {
            Some((cut, _)) => format!("{}…", &text[..cut]),
            None => text,
        }
    };
    writeln!(
        w,
        "  {}[tickmark::{}]: {}",
        f.severity.as_str(),
        f.rule,
        f.message
    )?;
    writeln!(
        w,
        "  --> {} {} ({})",
        at(f.span),
        shown(f.span),
        f.span_text
    )?;
    for l in &f.labels {
        writeln!(
            w,
            "      checked against {}: {} at {}",
            l.text,
            shown(l.span),
            at(l.span)
        )?;
    }
    if let Some(h) = &f.help {
        writeln!(w, "  help: {h}")?;
    }
    writeln!(w)
}

/// Renders findings in the graphical style.
pub struct Human {
    handler: GraphicalReportHandler,
}

impl Human {
    pub fn new(color: bool) -> Human {
        let theme = if color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        Human {
            handler: GraphicalReportHandler::new_themed(theme)
                .tab_width(4)
                .with_context_lines(1)
                .with_width(120),
        }
    }

    pub fn write_document<W: Write>(&self, w: &mut W, d: &DocReport) -> io::Result<()> {
        if !d.findings.is_empty() {
            let source = NamedSource::new(d.path(), display_source(&d.source.bytes));
            let index = crate::span::LineIndex::new(&d.source.bytes);
            for f in &d.findings {
                // A snippet is only readable where the figures sit on lines
                // of ordinary length; HTML exhibits are often one line of a
                // hundred thousand characters, which miette cannot lay out
                // (it pads to the column, and panics past 65,535).
                let far = std::iter::once(f.span)
                    .chain(f.labels.iter().map(|l| l.span))
                    .any(|sp| index.line_col(&d.source.bytes, sp.end).1 > SNIPPET_MAX_COLUMN);
                let rendered = if far {
                    None
                } else {
                    let diag = FindingDiagnostic {
                        finding: f,
                        source: &source,
                    };
                    let handler = &self.handler;
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        let mut out = String::new();
                        handler.render_report(&mut out, &diag).ok().map(|_| out)
                    }))
                    .ok()
                    .flatten()
                };
                match rendered {
                    Some(out) => writeln!(w, "{out}")?,
                    None => write_plain(w, d, &index, f)?,
                }
            }
        }
        if let Some(note) = &d.note {
            match &d.part {
                Some(part) => writeln!(w, "{} {part}: note: {note}", d.path())?,
                None => writeln!(w, "{}: note: {note}", d.path())?,
            }
        }
        Ok(())
    }

    pub fn write_failure<W: Write>(&self, w: &mut W, f: &Failure) -> io::Result<()> {
        writeln!(w, "{}: failed: {}", f.path, f.message)
    }

    pub fn write_summary<W: Write>(&self, w: &mut W, s: &Summary, seconds: f64) -> io::Result<()> {
        writeln!(w, "{}", super::summary_line(s, seconds))
    }
}

/// The human format as a [`super::Sink`].
pub struct HumanSink {
    human: Human,
    quiet: bool,
}

impl HumanSink {
    pub fn new(options: &super::SinkOptions) -> HumanSink {
        HumanSink {
            human: Human::new(options.color),
            quiet: options.quiet,
        }
    }
}

impl super::Sink for HumanSink {
    fn document(&mut self, mut w: &mut dyn Write, d: &DocReport) -> io::Result<()> {
        self.human.write_document(&mut w, d)
    }

    fn failure(&mut self, mut w: &mut dyn Write, f: &Failure) -> io::Result<()> {
        self.human.write_failure(&mut w, f)
    }

    fn finish(&mut self, mut w: &mut dyn Write, s: &Summary, seconds: f64) -> io::Result<()> {
        if self.quiet {
            return Ok(());
        }
        self.human.write_summary(&mut w, s, seconds)
    }
}
