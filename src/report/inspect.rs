//! `tickmark inspect`: the document as tickmark reads it, so a user can see
//! why a check did or did not run.

use crate::check::Outcome;
use crate::document::{Cell, Document, Unit};
use crate::span::LineIndex;
use std::fmt::Write;

/// Renders the tables of a document as text; rows that a check ran on are
/// marked `✓` (every check on the row held) or `✗` (a finding on the row).
pub fn render(doc: &Document, outcome: &Outcome) -> String {
    let mut s = String::new();
    let index = LineIndex::new(&doc.source.bytes);
    let lc = |off: usize| index.line_col(&doc.source.bytes, off).0;
    let figures = doc.figures().filter(|f| !f.dash).count();
    let _ = writeln!(
        s,
        "{} ({}): {} table{}, {} figures in tables, {} prose blocks",
        doc.path(),
        doc.format.as_str(),
        doc.tables.len(),
        if doc.tables.len() == 1 { "" } else { "s" },
        figures,
        doc.blocks.len()
    );
    for (ti, t) in doc.tables.iter().enumerate() {
        // Where the table came from: lines help in a text file; an HTML
        // exhibit is often one long line, where only byte offsets tell.
        let (first, last) = (lc(t.span.start), lc(t.span.end.saturating_sub(1)));
        let lines = if first == last {
            format!("line {first}")
        } else {
            format!("lines {first}-{last}")
        };
        let _ = writeln!(
            s,
            "\nTable {} ({lines}, bytes {}-{}): {}",
            ti + 1,
            t.span.start,
            t.span.end,
            if t.title.is_empty() {
                "(untitled)"
            } else {
                &t.title
            }
        );
        let _ = writeln!(
            s,
            "  scale: {}{}",
            t.scale.as_str(),
            t.scale_note
                .as_ref()
                .map(|n| format!(" ({n})"))
                .unwrap_or_default()
        );
        for (ci, c) in t.columns.iter().enumerate() {
            let _ = writeln!(
                s,
                "  column {}: {}{}{}",
                ci + 1,
                if c.period.is_empty() {
                    "no period".to_string()
                } else {
                    c.period.to_string()
                },
                if c.derived { " (derived)" } else { "" },
                if c.header.is_empty() {
                    String::new()
                } else {
                    format!("  [{}]", c.header)
                }
            );
        }
        for r in &t.rows {
            let mut marks = String::new();
            if r.rule_above {
                marks.push_str(" ─");
            }
            let failed = r.cells.iter().flatten().any(|c| {
                outcome
                    .findings
                    .iter()
                    .any(|f| f.span == c.span() && f.severity != crate::check::Severity::Advice)
            });
            let passed = outcome
                .passed
                .iter()
                .any(|p| p.table == ti && std::ptr::eq(&t.rows[p.row], r));
            if failed {
                marks.push_str(" ✗");
            } else if passed {
                marks.push_str(" ✓");
            }
            let label = if r.label.is_empty() {
                "(no label)".to_string()
            } else {
                r.label.clone()
            };
            let label: String = if label.chars().count() > 52 {
                label.chars().take(51).collect::<String>() + "…"
            } else {
                label
            };
            let indent = "  ".repeat((r.indent / 2).min(4) as usize);
            if r.header {
                let colon = if label.ends_with(':') { "" } else { ":" };
                let _ = writeln!(s, "    {indent}{label}{colon}{marks}");
                continue;
            }
            let cells: Vec<String> = r
                .cells
                .iter()
                .map(|c| match c {
                    None => "·".into(),
                    Some(Cell::NotApplicable { .. }) => "n/a".into(),
                    Some(Cell::Range {
                        low, high, scale, ..
                    }) => {
                        let word = match scale.to_string().len() {
                            10 => " bn",
                            7 => " mn",
                            4 => " th",
                            _ => "",
                        };
                        format!("{}–{}{word}", low.display(), high.display())
                    }
                    Some(Cell::Figure(f)) => {
                        let mut v = f.display();
                        if f.unit == Unit::PerShare {
                            v.push_str(" /sh");
                        }
                        v
                    }
                })
                .collect();
            let _ = writeln!(
                s,
                "    {:<56} {}{marks}",
                format!("{indent}{label}"),
                cells
                    .iter()
                    .map(|c| format!("{c:>14}"))
                    .collect::<Vec<_>>()
                    .join("")
            );
        }
    }
    if !doc.mentions.is_empty() {
        let _ = writeln!(s, "\nNarrative figures ({}):", doc.mentions.len());
        for m in &doc.mentions {
            let note: String;
            let text = String::from_utf8_lossy(
                &doc.source.bytes[m.span.start.min(doc.source.bytes.len())
                    ..m.span.end.min(doc.source.bytes.len())],
            );
            let block = doc.blocks[m.block].text.text();
            let from = block[..m.start]
                .char_indices()
                .rev()
                .nth(40)
                .map_or(0, |(i, _)| i);
            let context: String = block[from..m.start]
                .chars()
                .map(|c| if c.is_whitespace() { ' ' } else { c })
                .collect();
            let status = if let Some(how) = outcome.sentence.get(&m.span) {
                note = format!("✓ holds in its sentence ({how})");
                &note
            } else if let Some(at) = outcome.restated.get(&m.span) {
                note = format!("✓ agrees with its restatement at {at}");
                &note
            } else if let Some(&(t, r, c)) = outcome.tied.get(&m.span) {
                let table = &doc.tables[t];
                note = format!(
                    "✓ ties to Table {}: \"{}\", {}",
                    t + 1,
                    table.rows[r].label,
                    table.columns[c].header.replace('\n', " / ")
                );
                &note
            } else if outcome.verified.contains(&m.span) {
                "✓ ties to the tables"
            } else if outcome.findings.iter().any(|f| f.span == m.span) {
                "✗ does not tie"
            } else if let Some(why) = outcome.notes.get(&m.span) {
                note = format!("· not checked: {why}");
                &note
            } else {
                "· not checked"
            };
            let _ = writeln!(
                s,
                "  line {:>4}  …{context}{text}  {status}{}",
                lc(m.span.start),
                if std::env::var_os("TICKMARK_DEBUG_BYTES").is_some() {
                    format!(" @{}-{}", m.span.start, m.span.end)
                } else {
                    String::new()
                }
            );
        }
    }
    s
}
