//! The document as tickmark reads it: tables of figures and narrative text,
//! every figure with its span in the original file.
//!
//! This model is what `parse` produces for every input format (text,
//! Markdown, HTML, EDGAR submissions) and what `resolve` and `check` read.
//! It knows nothing of how it was parsed.

use crate::interval::{half_unit, Interval};
use crate::span::Span;
use crate::textmap::TextMap;
use rust_decimal::Decimal;
use serde::Serialize;
use std::fmt;
use std::sync::Arc;

/// The format a document was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Markdown,
    Html,
    Submission,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Submission => "submission",
        }
    }
}

/// The bytes of a file as stored, shared by the document and the report.
#[derive(Debug)]
pub struct SourceFile {
    /// The path as the user named it (or as found under a folder).
    pub path: String,
    pub bytes: Vec<u8>,
}

/// One release, read.
#[derive(Debug, Clone)]
pub struct Document {
    pub source: Arc<SourceFile>,
    pub format: Format,
    pub tables: Vec<Table>,
    /// Narrative blocks (paragraphs, bullets, headlines), kept for claims.
    pub blocks: Vec<Block>,
    /// Figures quoted in the narrative.
    pub mentions: Vec<Mention>,
    /// The part of a submission file this document is ("EX-99.1
    /// (ex99-1.htm)"); `None` for a file that is one document.
    pub part: Option<String>,
}

impl Document {
    pub fn path(&self) -> &str {
        &self.source.path
    }

    /// Moves every span `by` bytes later: a part of a submission is parsed
    /// on its own, then placed at its offset in the submission file.
    pub fn shift(&mut self, by: usize) {
        let shift = |s: &mut Span| *s = Span::new(s.start + by, s.end + by);
        for t in &mut self.tables {
            shift(&mut t.span);
            for r in &mut t.rows {
                shift(&mut r.label_span);
                for c in r.cells.iter_mut().flatten() {
                    match c {
                        Cell::Figure(f) => shift(&mut f.span),
                        Cell::NotApplicable { span } => shift(span),
                        Cell::Range {
                            low, high, span, ..
                        } => {
                            shift(&mut low.span);
                            shift(&mut high.span);
                            shift(span);
                        }
                    }
                }
            }
        }
        for b in &mut self.blocks {
            shift(&mut b.span);
            b.text.shift(by);
        }
        for m in &mut self.mentions {
            shift(&mut m.span);
        }
    }

    /// Every figure of every table, in reading order.
    pub fn figures(&self) -> impl Iterator<Item = &Figure> {
        self.tables.iter().flat_map(|t| t.figures())
    }
}

/// A paragraph of prose (or a bullet, a headline) with the map from its text
/// back to the file.
#[derive(Debug, Clone)]
pub struct Block {
    pub text: TextMap,
    pub span: Span,
}

/// What a figure quoted in prose is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    /// "$42.6 million", "$(0.6 million)".
    Money,
    /// "$0.01 per diluted share".
    PerShare,
    /// "12.6%", "12.6 percent".
    Percent,
    /// "4.6 points", "50 basis points" (in points).
    Points,
}

/// A figure quoted in the narrative.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    pub kind: MentionKind,
    /// The magnitude as printed (the sign is in `negative`).
    pub value: Decimal,
    pub decimals: u32,
    /// The factor of its scale word ("million" is 1,000,000).
    pub scale: Decimal,
    /// Printed in parentheses or with a minus sign.
    pub negative: bool,
    /// Which block it is in, and its byte range in the block's text (up
    /// to the digits' end, or past a scale letter glued to them: "$1.3B").
    pub block: usize,
    pub start: usize,
    pub end: usize,
    /// The figure's bytes in the original file.
    pub span: Span,
}

impl Mention {
    /// The magnitude interval in units, at its printed precision.
    pub fn interval(&self) -> Option<Interval> {
        Interval::rounded(self.value, self.decimals).scale(self.scale)
    }

    /// The figure as prose states it, normalized: "$12.7 billion", "$0.24
    /// per share", "12.6%", "50 basis points".
    pub fn display(&self) -> String {
        let v = format_grouped(self.value, self.decimals);
        let neg = if self.negative { "-" } else { "" };
        let scale = if self.scale == Decimal::new(1_000_000_000, 0) {
            " billion"
        } else if self.scale == Decimal::new(1_000_000, 0) {
            " million"
        } else if self.scale == Decimal::new(1_000, 0) {
            " thousand"
        } else {
            ""
        };
        match self.kind {
            MentionKind::Money => format!("{neg}${v}{scale}"),
            MentionKind::PerShare => format!("{neg}${v} per share"),
            MentionKind::Percent => format!("{neg}{v}%"),
            MentionKind::Points => {
                if self.scale == Decimal::new(1, 2) {
                    format!("{neg}{v} basis points")
                } else {
                    format!("{neg}{v} points")
                }
            }
        }
    }
}

/// The scale a table's amounts are stated in ("in thousands").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Scale {
    #[default]
    Units,
    Thousands,
    Millions,
    Billions,
}

impl Scale {
    pub fn factor(self) -> Decimal {
        match self {
            Scale::Units => Decimal::ONE,
            Scale::Thousands => Decimal::new(1_000, 0),
            Scale::Millions => Decimal::new(1_000_000, 0),
            Scale::Billions => Decimal::new(1_000_000_000, 0),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Scale::Units => "units",
            Scale::Thousands => "thousands",
            Scale::Millions => "millions",
            Scale::Billions => "billions",
        }
    }
}

/// A calendar date as printed in a column header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// What a column's figures measure in time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Period {
    /// Length of a duration in months (3 for a quarter, 12 for a year);
    /// `None` for a balance-sheet date or when not stated.
    pub months: Option<u8>,
    /// Length in weeks when stated so ("13 weeks ended").
    pub weeks: Option<u8>,
    /// The date the period ends (or the balance-sheet date).
    pub end: Option<Date>,
    /// The (fiscal) year, when only a year is known.
    pub year: Option<i32>,
    /// Fiscal quarter, when stated as "Q1" or "first quarter".
    pub quarter: Option<u8>,
    /// A balance-sheet date ("March 31, 2006" with no duration).
    pub instant: bool,
}

impl Period {
    pub fn is_empty(&self) -> bool {
        self.months.is_none()
            && self.weeks.is_none()
            && self.end.is_none()
            && self.year.is_none()
            && self.quarter.is_none()
    }

    /// The year this period is in, from its end date or its year.
    pub fn year(&self) -> Option<i32> {
        self.end.map(|d| d.year).or(self.year)
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if let Some(m) = self.months {
            parts.push(format!("{m} months"));
        } else if let Some(w) = self.weeks {
            parts.push(format!("{w} weeks"));
        }
        if let Some(q) = self.quarter {
            parts.push(format!("Q{q}"));
        }
        match (self.end, self.year) {
            (Some(d), _) => parts.push(format!(
                "{} {d}",
                if self.months.is_some() || self.weeks.is_some() {
                    "ended"
                } else {
                    "at"
                }
            )),
            (None, Some(y)) => parts.push(y.to_string()),
            _ => {}
        }
        if parts.is_empty() {
            write!(f, "unknown period")
        } else {
            write!(f, "{}", parts.join(" "))
        }
    }
}

/// A column of a table: its header text and the period it measures.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Column {
    pub header: String,
    pub period: Period,
    /// A derived column ("% change", "Increase (decrease)") rather than a
    /// period's figures: said so by its header, or mostly percentages.
    pub derived: bool,
    /// The midpoint of a range whose low and high ends are these columns:
    /// guidance printed "$10.60 – $10.70 / $10.65" beside "Mid-point".
    pub midpoint_of: Option<(usize, usize)>,
}

impl Column {
    /// Is this a column of what the issuer expects rather than what it
    /// reported: "Q2'24 Forecast", "Q1 FY2025 Outlook", "2023 High
    /// guidance range"? Its figures are the outlook's, and only a
    /// forward-looking sentence can be about them.
    ///
    /// ```
    /// use tickmark::document::Column;
    /// let col = |h: &str| Column { header: h.into(), ..Column::default() };
    /// assert!(col("Q1 2024 Outlook1 Approximately").is_forecast());
    /// assert!(col("Q2'24 Forecast").is_forecast());
    /// assert!(!col("Three Months Ended March 31, 2024").is_forecast());
    /// ```
    pub fn is_forecast(&self) -> bool {
        static FORECAST: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            regex::Regex::new(r"(?i)(?-u:\b)(forecast|outlook|guidance|projected|projection)")
                .expect("re")
        });
        FORECAST.is_match(&self.header) || self.range_end().is_some()
    }

    /// Which end of an outlook's range the column holds: `Some(false)` for
    /// "Third Quarter Fiscal 2025 Low", `Some(true)` for "… High". Reported
    /// results have no ends; a range is always an outlook.
    ///
    /// ```
    /// use tickmark::document::Column;
    /// let col = |h: &str| Column { header: h.into(), ..Column::default() };
    /// assert_eq!(col("Fiscal Year 2025 Low").range_end(), Some(false));
    /// assert_eq!(col("Third Quarter Fiscal 2025 High").range_end(), Some(true));
    /// assert!(col("Fiscal Year 2025 High").is_forecast());
    /// assert_eq!(col("Highlights 2025").range_end(), None);
    /// ```
    pub fn range_end(&self) -> Option<bool> {
        static END: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            regex::Regex::new(r"(?i)(?-u:\b)(low|high)\s*$").expect("re")
        });
        END.captures(&self.header)
            .map(|c| c[1].eq_ignore_ascii_case("high"))
    }
}

/// What kind of quantity a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// An amount of money (or a count) at the table's scale.
    Amount,
    /// A per-share amount, never scaled.
    PerShare,
    /// A percentage.
    Percent,
}

/// A number as displayed: value, sign and the precision it was printed at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Figure {
    /// The signed value as displayed (before the table's scale).
    pub value: Decimal,
    /// Fractional digits printed: `42.6` has 1, `42,625` has 0.
    pub decimals: u32,
    pub unit: Unit,
    /// A currency symbol printed with it.
    pub currency: Option<char>,
    /// The figure's bytes in the original file.
    pub span: Span,
    /// Printed as a dash ("--", "—"): zero, or nil.
    pub dash: bool,
}

impl Figure {
    /// The interval of values this figure stands for, at its displayed
    /// precision (a dash stands for anything that rounds to zero).
    pub fn interval(&self) -> Interval {
        if self.dash {
            return Interval::new(-half_unit(0), half_unit(0));
        }
        Interval::rounded(self.value, self.decimals)
    }

    /// The centre and half-width of [`Figure::interval`].
    pub fn center_half(&self) -> (Decimal, Decimal) {
        self.center_half_among(0)
    }

    /// [`Figure::center_half`] for a figure among others printed with
    /// `decimals`: a dash is a zero at their precision ("—" among
    /// per-share figures is $0.00, rounded to the cent).
    pub fn center_half_among(&self, decimals: u32) -> (Decimal, Decimal) {
        if self.dash {
            return (Decimal::ZERO, half_unit(decimals));
        }
        (self.value, half_unit(self.decimals))
    }

    pub fn is_zero(&self) -> bool {
        self.value.is_zero()
    }

    /// The figure as printed, normalized ("(457)", "42,625", "12.6%").
    pub fn display(&self) -> String {
        if self.dash {
            return "—".into();
        }
        let abs = format_grouped(self.value.abs(), self.decimals);
        let pct = if self.unit == Unit::Percent { "%" } else { "" };
        if self.value.is_sign_negative() && !self.value.is_zero() {
            format!("({abs}){pct}")
        } else {
            format!("{abs}{pct}")
        }
    }
}

/// Formats a decimal with thousands separators at `decimals` places.
pub fn format_grouped(v: Decimal, decimals: u32) -> String {
    let v = v.round_dp(decimals);
    let s = format!("{:.*}", decimals as usize, v.abs());
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (s.clone(), None),
    };
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let sign = if v.is_sign_negative() && !v.is_zero() {
        "-"
    } else {
        ""
    };
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// A cell of a table row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Cell {
    Figure(Figure),
    /// "N/A", "nm": nothing to compute with.
    NotApplicable {
        span: Span,
    },
    /// An outlook's range printed in one cell ("$12.5-13.5 billion"): its
    /// ends as printed, and the factor of the scale word after them (1
    /// when there is none; the table's own scale does not apply). No
    /// arithmetic of the table uses it: a narrative range is compared with
    /// it end for end.
    Range {
        low: Figure,
        high: Figure,
        scale: Decimal,
        span: Span,
    },
}

impl Cell {
    /// The cell's figure; `None` for a cell nothing is computed with
    /// ("N/A", a range).
    pub fn figure(&self) -> Option<&Figure> {
        match self {
            Cell::Figure(f) => Some(f),
            Cell::NotApplicable { .. } | Cell::Range { .. } => None,
        }
    }

    pub fn span(&self) -> Span {
        match self {
            Cell::Figure(f) => f.span,
            Cell::NotApplicable { span } | Cell::Range { span, .. } => *span,
        }
    }
}

/// A row of a table.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    /// The label, with wrapped lines joined and footnote markers removed.
    pub label: String,
    pub label_span: Span,
    /// Leading indentation of the label, in characters (0 when unknown).
    pub indent: u16,
    /// One entry per table column.
    pub cells: Vec<Option<Cell>>,
    /// A section header ("Costs and expense:"): a label with no figures.
    pub header: bool,
    /// A rule line (`-----`, `=====`, a border) separates this row from the
    /// one above: the usual mark of a total below its components.
    pub rule_above: bool,
    /// A blank line separates this row from the one above.
    pub blank_above: bool,
}

impl Row {
    pub fn figure(&self, col: usize) -> Option<&Figure> {
        self.cells.get(col)?.as_ref()?.figure()
    }

    pub fn has_figures(&self) -> bool {
        self.cells
            .iter()
            .any(|c| matches!(c, Some(Cell::Figure(_))))
    }
}

/// A financial table.
#[derive(Debug, Clone, Serialize)]
pub struct Table {
    /// Title lines above the table ("CONSOLIDATED STATEMENTS OF OPERATIONS").
    pub title: String,
    /// The scale note as printed ("in thousands, except per share amounts").
    pub scale_note: Option<String>,
    pub scale: Scale,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    /// From the first header or row to the last row, in the file.
    pub span: Span,
    /// The twelve months each column's period ends, for rows that state
    /// trailing-twelve-month figures in a table of quarters ("Free cash
    /// flow -- TTM" under "Q1 2024 … Q2 2024"); empty when no row does.
    /// See [`Table::mark_trailing`].
    #[serde(skip)]
    pub trailing: Vec<Period>,
    /// Which rows state trailing twelve months; empty when none does.
    #[serde(skip)]
    pub trailing_rows: Vec<bool>,
}

/// "YTD 2024", "Year-to-Date": a column of the year so far.
static YEAR_TO_DATE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?i)(?-u:\b)(?:ytd|year[\s-]to[\s-]date)(?-u:\b)")
        .expect("year-to-date regex")
});

/// "Free cash flow -- TTM", "Operating cash flow -- trailing twelve months
/// (TTM)": a row of trailing-twelve-month figures.
static TRAILING: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?i)\s*(--|—|–|-)?\s*(\(?(?-u:\b)ttm(?-u:\b)\)?|(?-u:\b)(trailing|last|past) (twelve|12)[ -]months?(?-u:\b)|(?-u:\b)trailing (4|four)[ -]quarters?(?-u:\b))")
        .expect("re")
});

impl Table {
    /// The last line of the title: the readers join a title's lines with
    /// " / ", the line nearest the table last ("Earnings and Volume Summary
    /// by Segment / Upstream").
    pub fn last_title_line(&self) -> &str {
        self.title.rsplit(" / ").next().unwrap_or("").trim()
    }

    /// Do the words speak of trailing twelve months ("TTM", "trailing
    /// twelve months")?
    pub fn says_trailing(text: &str) -> bool {
        TRAILING.is_match(text)
    }

    /// Does row `row` state trailing twelve months (see
    /// [`Table::mark_trailing`])?
    pub fn is_trailing_row(&self, row: usize) -> bool {
        self.trailing_rows.get(row).copied().unwrap_or(false)
    }

    /// The period of the figure at `row`, `col`: the column's, or for a
    /// row of trailing twelve months the twelve months it ends.
    pub fn period_at(&self, row: usize, col: usize) -> Option<&Period> {
        if self.is_trailing_row(row) {
            self.trailing.get(col)
        } else {
            self.columns.get(col).map(|c| &c.period)
        }
    }

    /// The measure a row of trailing twelve months states, its label
    /// without the marker ("Free cash flow" for "Free cash flow -- TTM");
    /// `None` for any other row.
    pub fn trailing_measure_of(&self, row: usize) -> Option<String> {
        if !self.is_trailing_row(row) {
            return None;
        }
        self.rows
            .get(row)
            .and_then(|r| Table::trailing_measure(&r.label))
    }

    /// A row label without its trailing-twelve-months marker, when it has
    /// one: the measure the row states ("Free cash flow").
    pub fn trailing_measure(label: &str) -> Option<String> {
        if !TRAILING.is_match(label) {
            return None;
        }
        let rest = TRAILING.replace_all(label, "");
        let rest =
            rest.trim_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '—' | '–' | ':'));
        (!rest.is_empty()).then(|| rest.to_string())
    }

    /// Fills [`Table::trailing`] when a row states trailing twelve months:
    /// a quarter column's twelve months end with its quarter, and what
    /// else is known of it (its date, fiscal year and quarter) stays.
    pub fn mark_trailing(&mut self) {
        // "FREE CASH FLOW - TRAILING 4-QUARTERS": every row of the table.
        let titled = TRAILING.is_match(self.last_title_line());
        let rows: Vec<bool> = self
            .rows
            .iter()
            .map(|r| titled || Table::trailing_measure(&r.label).is_some())
            .collect();
        if !rows.contains(&true) {
            return;
        }
        self.trailing_rows = rows;
        self.trailing = self
            .columns
            .iter()
            .map(|c| {
                let mut p = c.period.clone();
                if p.months == Some(3) || p.weeks.is_some_and(|w| (12..=14).contains(&w)) {
                    p.months = Some(12);
                    p.weeks = None;
                }
                p
            })
            .collect();
    }

    /// Gives a year-to-date column its length from the quarter beside it:
    /// "2Q24 | 1Q24 | YTD 2024" names no months for the year to date, but
    /// the latest quarter the table shows ends it (six months here). A
    /// "YTD" column left without a length would pass for the whole year.
    ///
    /// Beside a fourth quarter, a column headed by a year alone ("4Q24 |
    /// 3Q24 | 2024 | 2023") is that year's whole: twelve months.
    pub fn settle_year_to_date(&mut self) {
        let latest = self
            .columns
            .iter()
            .filter(|c| !c.derived && c.period.end.is_none())
            .filter_map(|c| Some((c.period.year?, c.period.quarter?)))
            .max();
        let Some((year, quarter)) = latest else {
            return;
        };
        for c in &mut self.columns {
            let p = &mut c.period;
            if p.months.is_none() && p.end.is_none() && YEAR_TO_DATE.is_match(&c.header) {
                p.months = Some(3 * quarter);
                // A year to date of the year before ends with the same
                // quarter of that year.
                p.quarter = Some(quarter);
                p.year = p.year.or(Some(year));
            } else if quarter == 4
                && p.months.is_none()
                && p.end.is_none()
                && p.quarter.is_none()
                && !p.instant
                && !c.derived
                && is_year_text(&c.header)
            {
                p.months = Some(12);
            }
        }
    }

    pub fn figures(&self) -> impl Iterator<Item = &Figure> {
        self.rows
            .iter()
            .flat_map(|r| r.cells.iter().flatten().filter_map(|c| c.figure()))
    }
}

/// A heading that is a year and nothing else ("2024", "FY 2024" is not).
pub(crate) fn is_year_text(t: &str) -> bool {
    let t = t.trim();
    t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titled(title: &str) -> Table {
        Table {
            title: title.to_string(),
            scale_note: None,
            scale: Scale::default(),
            columns: Vec::new(),
            rows: Vec::new(),
            span: Span::new(0, 0),
            trailing: Vec::new(),
            trailing_rows: Vec::new(),
        }
    }

    #[test]
    fn the_title_line_nearest_the_table() {
        assert_eq!(
            titled("EARNINGS AND VOLUME SUMMARY BY SEGMENT / Upstream").last_title_line(),
            "Upstream"
        );
        assert_eq!(
            titled("Energy Products").last_title_line(),
            "Energy Products"
        );
        assert_eq!(titled("").last_title_line(), "");
    }
}
