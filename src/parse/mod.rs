//! From a document's bytes to its tables and prose.
//!
//! Each input format has its own reader; all produce the same
//! [`Document`](crate::document::Document).

pub mod heading;
pub mod html;
pub mod mention;
pub mod number;
pub mod text;

use crate::document::{Block, Document, Format, SourceFile, Table};
use crate::ingest::decode_text;
use std::sync::Arc;

/// Why a document that could be read cannot be parsed.
#[derive(Debug, thiserror::Error)]
pub enum ParseError {
    #[error("{0} documents are not supported yet")]
    Unsupported(&'static str),
    /// The per-document work budget ([`crate::budget`]) ran out.
    #[error("document too complex: {stage} took more than the work budget of {budget} units ({tables} tables, {rows} rows); split it or report it if it is a real release")]
    TooComplex {
        stage: String,
        tables: usize,
        rows: usize,
        budget: u64,
    },
}

/// What a table's periods and rows say once the whole table is read,
/// whichever reader built it.
fn finish_table(table: &mut Table) {
    table.settle_year_to_date();
    table.mark_trailing();
}

/// A table continued on the next page, its heading not repeated: an
/// untitled table whose columns name nothing, as many as those of the
/// table right before it with no prose between, takes that table's
/// columns and scale. Without them its figures belong to no period:
///
/// ```text
/// RECONCILIATION OF GAAP TO NON-GAAP FINANCIAL MEASURES
///                        Three Months Ended       Six Months Ended
///                        Jul 27, 2025  Apr 27, …
/// GAAP net income             26,422    18,775 …
///   ── page break ──
/// Diluted net income per share:
/// GAAP                          1.08      0.76 …
/// ```
fn continue_across_pages(tables: &mut [Table], blocks: &[Block]) {
    for i in 1..tables.len() {
        let (before, rest) = tables.split_at_mut(i);
        let (prev, table) = (&before[i - 1], &mut rest[0]);
        let headless = table.title.trim().is_empty()
            && !table.columns.is_empty()
            && table
                .columns
                .iter()
                .all(|c| c.header.trim().is_empty() && c.period.is_empty());
        if !headless
            || prev.columns.len() != table.columns.len()
            || prev.columns.iter().all(|c| c.period.is_empty())
            || prev.span.end > table.span.start
        {
            continue;
        }
        // Only a page number or a running head between them.
        let prose_between = blocks.iter().any(|b| {
            b.span.start >= prev.span.end
                && b.span.end <= table.span.start
                && b.text.text().split_whitespace().count() > 3
        });
        if prose_between {
            continue;
        }
        for (c, p) in table.columns.iter_mut().zip(&prev.columns) {
            c.header = p.header.clone();
            c.period = p.period.clone();
            c.derived |= p.derived;
        }
        if table.scale_note.is_none() && prev.scale_note.is_some() {
            table.scale = prev.scale;
            table.scale_note = prev.scale_note.clone();
        }
    }
}

/// Parses a document of a known format.
pub fn parse(source: Arc<SourceFile>, format: Format) -> Result<Document, ParseError> {
    match format {
        Format::Text | Format::Markdown => {
            let mut map = decode_text(&source.bytes, true);
            text::blank_edgar_markup(&mut map);
            let (mut tables, blocks) = text::parse(&map);
            continue_across_pages(&mut tables, &blocks);
            tables.iter_mut().for_each(finish_table);
            let mentions = mention::mentions(&blocks);
            Ok(Document {
                source,
                format,
                tables,
                blocks,
                mentions,
                part: None,
            })
        }
        Format::Html => {
            let (mut tables, blocks) = html::parse(&source.bytes);
            continue_across_pages(&mut tables, &blocks);
            tables.iter_mut().for_each(finish_table);
            let mentions = mention::mentions(&blocks);
            Ok(Document {
                source,
                format,
                tables,
                blocks,
                mentions,
                part: None,
            })
        }
        // `crate::audit_input` splits a submission into its parts first.
        Format::Submission => Err(ParseError::Unsupported("whole EDGAR submission")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables_of(html: &str) -> Vec<Table> {
        let source = Arc::new(SourceFile {
            path: "t.htm".into(),
            bytes: html.as_bytes().to_vec(),
        });
        parse(source, Format::Html).expect("parses").tables
    }

    #[test]
    fn a_table_continued_on_the_next_page_keeps_its_columns() {
        let page = |between: &str| {
            format!(
                "<p>RECONCILIATION OF GAAP TO NON-GAAP FINANCIAL MEASURES</p><p>(In millions, except per share data)</p>\
<table><tr><td></td><td>Three Months Ended July 27, 2025</td><td>Three Months Ended July 28, 2024</td></tr>\
<tr><td>GAAP net income</td><td>26,422</td><td>16,599</td></tr>\
<tr><td>Non-GAAP net income</td><td>25,783</td><td>16,952</td></tr></table>\
{between}\
<table><tr><td>Diluted net income per share:</td><td></td><td></td></tr>\
<tr><td>GAAP</td><td>1.08</td><td>0.67</td></tr>\
<tr><td>Non-GAAP</td><td>1.05</td><td>0.68</td></tr></table>"
            )
        };
        let t = tables_of(&page("<p>12</p><hr style=\"page-break-after:always\"/>"));
        assert_eq!(t.len(), 2);
        assert_eq!(t[1].columns[0].period, t[0].columns[0].period);
        assert!(t[1].columns[1].period.end.is_some());
        assert_eq!(t[1].scale, t[0].scale);
        // Prose between them makes the second table one of its own.
        let t = tables_of(&page(
            "<p>The following table shows diluted net income per share for each period.</p>",
        ));
        assert!(t[1].columns.iter().all(|c| c.period.is_empty()));
    }
}
