//! One line per finding, `path:line:col: severity[rule] message`, the form
//! editors and `grep` read. Failures are `path: failed: message`; the
//! summary line closes the output unless `--quiet`.

use super::{DocReport, Failure, Sink, SinkOptions, Summary};
use crate::span::LineIndex;
use std::io::{self, Write};

pub struct Concise {
    quiet: bool,
}

impl Concise {
    pub fn new(options: &SinkOptions) -> Concise {
        Concise {
            quiet: options.quiet,
        }
    }
}

/// A message on one line (line breaks become spaces).
fn one_line(s: &str) -> String {
    s.split(['\r', '\n'])
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

impl Sink for Concise {
    fn document(&mut self, w: &mut dyn Write, d: &DocReport) -> io::Result<()> {
        if d.findings.is_empty() {
            return Ok(());
        }
        let index = LineIndex::new(&d.source.bytes);
        for f in &d.findings {
            let (line, col) = index.line_col(&d.source.bytes, f.span.start);
            writeln!(
                w,
                "{}:{line}:{col}: {}[{}] {}",
                d.path(),
                f.severity.as_str(),
                f.rule,
                one_line(&f.message)
            )?;
        }
        Ok(())
    }

    fn failure(&mut self, w: &mut dyn Write, f: &Failure) -> io::Result<()> {
        writeln!(w, "{}: failed: {}", f.path, one_line(&f.message))
    }

    fn finish(&mut self, w: &mut dyn Write, s: &Summary, seconds: f64) -> io::Result<()> {
        if self.quiet {
            return Ok(());
        }
        writeln!(w, "{}", super::summary_line(s, seconds))
    }
}
