//! `typography`: a figure is printed the way figures are printed.
//!
//! ## What it checks
//! No amount, percentage or per-share figure of a release starts with a
//! zero before another digit. "$09.8 billion", "up 05%" or a cell "02" is a
//! keying slip: two digits transposed ("90.8" typed "09.8") or one dropped.
//! Nothing else in the document can show it, since the slip often leaves a
//! figure that no table states and no sentence computes, so the checks that
//! tie figures out stay silent about it.
//!
//! ```text
//! Today the company is reporting revenue of $09.8 billion for the quarter.
//!                                             ^^^^ "09.8" starts with a zero
//! ```
//!
//! A lone zero before the decimal point ("$0.25", "0.5%") is how a fraction
//! is printed and is never reported.
//!
//! ## What it leaves alone
//! Zero-padded codes (ZIP codes, CUSIPs, file numbers) are not figures: the
//! prose reader only takes a number with a currency sign, a percent or a
//! scale word, and a table cell is reported only when its row holds other
//! figures printed without a leading zero, so a column of codes or dates
//! ("07", "08", "09") is not a column of slips.

use super::{Finding, Outcome};
use crate::document::{Cell, Document, Format};
use crate::rules::Rule;
use crate::span::Span;

/// The digits of a printed figure's integer part, and how many of them come
/// before its first thousands separator. HTML character references are
/// skipped (`&#160;` holds digits that are not the figure's).
fn integer_part(printed: &[u8]) -> (Vec<u8>, usize) {
    let mut out = Vec::new();
    let mut first_group = None;
    let mut i = 0;
    while i < printed.len() {
        let b = printed[i];
        if b == b'&' {
            if let Some(end) = printed[i..].iter().take(12).position(|&c| c == b';') {
                i += end + 1;
                continue;
            }
        }
        if b.is_ascii_digit() {
            out.push(b);
        } else if b == b',' && !out.is_empty() {
            first_group.get_or_insert(out.len());
        } else if b == b'.' || !out.is_empty() {
            // The integer part is all that can carry a leading zero.
            break;
        }
        i += 1;
    }
    let first_group = first_group.unwrap_or(out.len());
    (out, first_group)
}

/// `Some(integer digits)` when the integer part of the printed figure
/// starts with a zero that another digit follows: "09.8", "05", "010".
///
/// A run of four digits or more with no thousands separator ("07008",
/// "000224") is a code, a recording number or a ZIP code, not an amount
/// whose digits slipped: amounts that long are printed grouped.
fn leading_zero(printed: &[u8]) -> Option<String> {
    let (d, first_group) = integer_part(printed);
    if d.len() < 2 || d[0] != b'0' || first_group > 3 {
        return None;
    }
    Some(String::from_utf8_lossy(&d).into_owned())
}

/// The figure read with its first two digits exchanged, when they stand
/// side by side and the exchange removes the zero: "09.8" reads "90.8",
/// "010" reads "100".
fn transposed(shown: &str) -> Option<String> {
    let i = shown.find(|c: char| c.is_ascii_digit())?;
    let b = shown.as_bytes();
    let next = *b.get(i + 1)?;
    if !next.is_ascii_digit() || next == b'0' {
        return None;
    }
    let mut out = shown.as_bytes().to_vec();
    out.swap(i, i + 1);
    String::from_utf8(out).ok()
}

fn finding(rule: &Rule, span: Span, shown: &str) -> Finding {
    let mut help = "no figure is printed with a zero before its first significant digit: a digit is missing, or two are transposed".to_string();
    if let Some(t) = transposed(shown) {
        help.push_str(&format!(" (read the other way, it is \"{t}\")"));
    }
    Finding {
        rule: rule.id.clone(),
        severity: rule.severity,
        message: format!(
            "\"{shown}\" starts with a zero: a digit is missing or two are transposed"
        ),
        help: Some(help),
        span,
        span_text: "starts with a zero".to_string(),
        labels: Vec::new(),
    }
}

/// Checks every narrative figure and every table figure.
pub fn check(doc: &Document, rule: &Rule, out: &mut Outcome) {
    let bytes = &doc.source.bytes;
    let printed = |span: Span| bytes.get(span.start..span.end).unwrap_or_default();
    for m in &doc.mentions {
        let text = doc.blocks[m.block].text.text();
        let Some(shown) = text.get(m.start..m.end) else {
            continue;
        };
        if leading_zero(shown.as_bytes()).is_some() {
            out.findings.push(finding(rule, m.span, shown.trim()));
        }
    }
    for t in &doc.tables {
        for row in &t.rows {
            // Each figure of the row, with whether it starts with a zero.
            let figures: Vec<_> = row
                .cells
                .iter()
                .flatten()
                .filter_map(Cell::figure)
                .filter(|f| !f.dash)
                .map(|f| (f, leading_zero(printed(f.span)).is_some()))
                .collect();
            // A row of zero-padded codes is no row of slips: another figure
            // of the row must be printed without a leading zero.
            if figures.iter().all(|&(_, zero)| zero) {
                continue;
            }
            for (f, _) in figures.into_iter().filter(|&(_, zero)| zero) {
                // As a reader sees it: markup and references decoded.
                let raw = String::from_utf8_lossy(printed(f.span));
                let shown = match doc.format {
                    Format::Html => crate::parse::html::visible_text(&raw),
                    _ => raw.into_owned(),
                };
                out.findings.push(finding(rule, f.span, shown.trim()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::findings_of;

    #[test]
    fn reads_the_integer_part() {
        assert_eq!(leading_zero(b"09.8"), Some("09".into()));
        assert_eq!(leading_zero(b"$ 05"), Some("05".into()));
        assert_eq!(leading_zero(b"(012,345)"), Some("012345".into()));
        assert_eq!(leading_zero(b"0.25"), None);
        assert_eq!(leading_zero(b"$(0.06)"), None);
        assert_eq!(leading_zero(b"0"), None);
        assert_eq!(leading_zero(b"90.8"), None);
        assert_eq!(leading_zero(b"$&#160;98"), None);
        assert_eq!(leading_zero(b"$&#160;08"), Some("08".into()));
        assert_eq!(leading_zero(b"07008"), None);
        assert_eq!(leading_zero(b"000224"), None);
        assert_eq!(transposed("09.8"), Some("90.8".into()));
        assert_eq!(transposed("$ 010"), Some("$ 100".into()));
        assert_eq!(transposed("(01,234)"), Some("(10,234)".into()));
        assert_eq!(transposed("00"), None);
    }

    const RELEASE: &str = include_str!("../../tests/fixtures/leading-zero.txt");

    #[test]
    fn reports_each_slip_once_and_nothing_else() {
        let found = findings_of("leading-zero", RELEASE);
        let shown: Vec<&str> = found
            .iter()
            .map(|f| &RELEASE[f.span.start..f.span.end])
            .collect();
        assert_eq!(shown, ["09.8", "04", "07"], "{found:#?}");
    }

    #[test]
    fn an_html_cell_is_shown_as_a_reader_sees_it() {
        let html = "<p>Example Corp Reports First Quarter 2026 Results</p>\
<table><tr><td></td><td>2026</td><td>2025</td></tr>\
<tr><td>Revenue</td><td>$&#160;9,812</td><td>$&#160;8,716</td></tr>\
<tr><td>Stores opened</td><td>$&#160;07</td><td>12</td></tr></table>";
        let found = crate::check::findings_in("leading-zero", html, crate::document::Format::Html);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(
            found[0].message.starts_with("\"07\""),
            "{}",
            found[0].message
        );
        assert!(
            found[0].help.as_deref().unwrap_or("").contains("70"),
            "{:?}",
            found[0].help
        );
    }

    #[test]
    fn clean_fractions_and_codes_are_not_slips() {
        let clean = RELEASE
            .replace("$09.8 billion", "$90.8 billion")
            .replace("up 04%", "up 40%")
            .replace(" 07  ", " 70  ");
        assert!(findings_of("leading-zero", &clean).is_empty());
    }
}
