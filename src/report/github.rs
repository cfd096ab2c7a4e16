//! GitHub Actions workflow commands: each finding an annotation on the
//! pull request's diff.
//!
//! ```text
//! ::error file=q1.txt,line=59,col=26,endLine=59,endColumn=32,title=tickmark[footing]::message%0Ahelp
//! ```
//!
//! Severities map to `error`, `warning` and `notice` (advice). GitHub reads
//! the message up to the end of the line, so `%`, CR and LF in it are
//! escaped as `%25`, `%0D`, `%0A`; in properties `:` and `,` are escaped as
//! well (`%3A`, `%2C`). `endColumn`, like SARIF's, is the column after the
//! figure's last character. Failures are `::error file=…,title=tickmark::…`;
//! the summary is a plain log line (unless `--quiet`).

use super::{DocReport, Failure, Region, Sink, SinkOptions, Summary};
use crate::check::Severity;
use crate::span::LineIndex;
use std::io::{self, Write};

pub struct Github {
    quiet: bool,
}

impl Github {
    pub fn new(options: &SinkOptions) -> Github {
        Github {
            quiet: options.quiet,
        }
    }
}

/// Escapes a command's message (the data after `::`).
pub fn escape_data(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes a property value (`file=`, `title=`).
pub fn escape_property(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            ':' => out.push_str("%3A"),
            ',' => out.push_str("%2C"),
            c => out.push(c),
        }
    }
    out
}

fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Advice => "notice",
    }
}

impl Sink for Github {
    fn document(&mut self, w: &mut dyn Write, d: &DocReport) -> io::Result<()> {
        if d.findings.is_empty() {
            return Ok(());
        }
        let index = LineIndex::new(&d.source.bytes);
        let file = escape_property(d.path());
        for f in &d.findings {
            let r = Region::new(&d.source, &index, f.span);
            let message = match &f.help {
                Some(h) => format!("{}\n{h}", f.message),
                None => f.message.clone(),
            };
            writeln!(
                w,
                "::{} file={file},line={},col={},endLine={},endColumn={},title={}::{}",
                command(f.severity),
                r.start_line,
                r.start_column,
                r.end_line,
                r.end_column,
                escape_property(&format!("tickmark[{}]", f.rule)),
                escape_data(&message)
            )?;
        }
        Ok(())
    }

    fn failure(&mut self, w: &mut dyn Write, f: &Failure) -> io::Result<()> {
        writeln!(
            w,
            "::error file={},title=tickmark::{}",
            escape_property(&f.path),
            escape_data(&format!("cannot check this document: {}", f.message))
        )
    }

    fn finish(&mut self, w: &mut dyn Write, s: &Summary, seconds: f64) -> io::Result<()> {
        if self.quiet {
            return Ok(());
        }
        writeln!(w, "{}", super::summary_line(s, seconds))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(escape_data("a%b\r\nc:d,e"), "a%25b%0D%0Ac:d,e");
        assert_eq!(escape_property("a%b\r\nc:d,e"), "a%25b%0D%0Ac%3Ad%2Ce");
    }
}
