//! From a document's bytes to its tables and prose.
//!
//! Each input format has its own reader; all produce the same
//! [`Document`](crate::document::Document).

pub mod heading;
pub mod html;
pub mod mention;
pub mod number;
pub mod text;

use crate::document::{Document, Format, SourceFile, Table};
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

/// Parses a document of a known format.
pub fn parse(source: Arc<SourceFile>, format: Format) -> Result<Document, ParseError> {
    match format {
        Format::Text | Format::Markdown => {
            let mut map = decode_text(&source.bytes, true);
            text::blank_edgar_markup(&mut map);
            let (mut tables, blocks) = text::parse(&map);
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
