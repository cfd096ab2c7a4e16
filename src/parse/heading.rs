//! What the lines above a table say: its title, its scale note and the
//! periods of its columns.

use crate::document::{Date, Period, Scale};
use regex::Regex;
use std::sync::LazyLock;

static SCALE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        (?:(?-u:\b)in\s+|\(\s*|\$\s*in\s+|dollars\s+in\s+|amounts\s+in\s+|\(\$\s*)
        (?:u\.?s\.?\s+)?(?:\$\s*|dollars\s+)?
        (thousands|millions|billions)(?-u:\b)",
    )
    .expect("scale regex")
});

/// The scale a heading line declares, with the note as printed.
///
/// ```
/// use tickmark::parse::heading::scale_of;
/// use tickmark::document::Scale;
/// assert_eq!(scale_of("(in thousands, except per share amounts)").unwrap().0, Scale::Thousands);
/// assert_eq!(scale_of("(millions, except earnings per").unwrap().0, Scale::Millions);
/// assert!(scale_of("Thousands of customers were added").is_none());
/// ```
pub fn scale_of(line: &str) -> Option<(Scale, String)> {
    let m = SCALE.captures(line)?;
    let word = m.get(1)?.as_str().to_lowercase();
    let scale = match word.as_str() {
        "thousands" => Scale::Thousands,
        "millions" => Scale::Millions,
        "billions" => Scale::Billions,
        _ => return None,
    };
    // The note runs from the match to the closing parenthesis or line end.
    let start = m.get(0)?.start();
    let rest = &line[start..];
    let end = rest.find(')').map(|i| i + 1).unwrap_or(rest.len());
    let note = rest[..end]
        .trim()
        .trim_start_matches('(')
        .trim_end_matches(')')
        .trim();
    Some((scale, note.to_string()))
}

static ZEROS_NOTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(\s*(000(?:,000)?)\s*(?:'?s)?\s*\)").expect("zeros note regex"));

/// The scale a row label (or a section header over rows) declares for its
/// own figures: "Shares used in calculation (000s)" under a statement in
/// millions. Releases state share counts at a finer scale than amounts
/// because EPS needs their precision, and say so on the row, not in the
/// table's heading.
///
/// ```
/// use tickmark::parse::heading::row_scale_of;
/// use tickmark::document::Scale;
/// assert_eq!(row_scale_of("Shares used in calculation (000s):"), Some(Scale::Thousands));
/// assert_eq!(row_scale_of("Weighted average shares (in millions)"), Some(Scale::Millions));
/// assert_eq!(row_scale_of("Basic"), None);
/// assert_eq!(row_scale_of("Cost of sales (2000)"), None);
/// ```
pub fn row_scale_of(label: &str) -> Option<Scale> {
    if let Some(c) = ZEROS_NOTE.captures(label) {
        return match c.get(1)?.as_str() {
            "000" => Some(Scale::Thousands),
            _ => Some(Scale::Millions),
        };
    }
    scale_of(label).map(|(s, _)| s)
}

static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)(?-u:\b)(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s*(?:(\d{4})(?-u:\b))?",
    )
    .expect("date regex")
});

static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(19[5-9]\d|20[0-4]\d|2050)(?-u:\b)").expect("year regex")
});

/// "FY24", "FY 2024", "FY'24": a fiscal year named by its short form.
static FISCAL_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)FY\s*['’]?(\d{4}|\d{2})(?-u:\b)").expect("fiscal year regex")
});

/// A quarter with its year abbreviated ("Q2'24", "Q3 ’23"), as trend
/// schedules head their columns, or "2Q24", as operating summaries do.
static QUARTER_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:Q[1-4]\s*['’]|[1-4]Q)(\d{2})(?-u:\b)").expect("quarter year regex")
});

fn fiscal_year(s: &str) -> Option<i32> {
    let c = FISCAL_YEAR
        .captures_iter(s)
        .last()
        .or_else(|| QUARTER_YEAR.captures_iter(s).last())?;
    let y: i32 = c[1].parse().ok()?;
    let y = if c[1].len() == 2 { 2000 + y } else { y };
    (1950..=2050).contains(&y).then_some(y)
}

static DURATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)(?-u:\b)(three|six|nine|twelve|3|6|9|12)[\s-]+months?(?-u:\b)
        |(?-u:\b)(thirteen|fourteen|twelve|sixteen|twenty-six|twenty-eight|thirty-nine|forty|fifty-two|fifty-three|12|13|14|16|24|26|28|36|39|40|52|53)[\s-]+weeks?(?-u:\b)
        |(?-u:\b)(quarter|year|fiscal\s+year|ytd|year[\s-]to[\s-]date)\s+ended(?-u:\b)",
    )
    .expect("duration regex")
});

static FULL_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)full[\s-]+(fiscal\s+)?year(?-u:\b)").expect("full-year regex")
});

static QUARTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?ix)(?-u:\b)Q([1-4])(?-u:\b)|(?-u:\b)([1-4])Q(?:\d{2})?(?-u:\b)|(?-u:\b)(first|second|third|fourth)[\s-]+quarter(?-u:\b)|(?-u:\b)fiscal\s+(?:year\s+)?(?:20\d\d\s+)?q([1-4])(?-u:\b)")
        .expect("quarter regex")
});

static DERIVED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)%|(?-u:\b)change(?-u:\b)|(?-u:\b)increase(?-u:\b)|(?-u:\b)decrease(?-u:\b)|(?-u:\b)incr(?-u:\b)|(?-u:\b)decr(?-u:\b)|(?-u:\b)variance(?-u:\b)|(?-u:\b)growth(?-u:\b)|(?-u:\b)vs\.?(\s|$)|(?-u:\b)B/\(W\)|(?-u:\b)favorable(?-u:\b)|(?-u:\b)unfavorable(?-u:\b)|(?-u:\b)percent(age)?(?-u:\b)|(?-u:\b)to\s+sales(?-u:\b)|(?-u:\b)of\s+(net\s+)?(sales|revenues?|total)(?-u:\b)|(?-u:\b)margin(?-u:\b)|(?-u:\b)bps(?-u:\b)|(?-u:\b)pts(?-u:\b)|(?-u:\b)points(?-u:\b)|(?-u:\b)mix(?-u:\b)|(?-u:\b)ratio(?-u:\b)")
        .expect("derived regex")
});

/// Does this line look like a column heading (dates, years, "three months
/// ended")? Used to split tables and to find their periods.
pub fn is_period_heading(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() || t.len() > 200 {
        return false;
    }
    if t.ends_with('.') && t.split_whitespace().count() > 8 {
        return false;
    }
    DURATION.is_match(t)
        || MONTH_DAY_YEAR.is_match(t) && YEAR.is_match(t)
        || QUARTER.is_match(t) && YEAR.is_match(t) && t.split_whitespace().count() <= 12
}

fn month_number(abbrev: &str) -> u8 {
    match &abbrev.to_lowercase()[..3.min(abbrev.len())] {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        _ => 12,
    }
}

fn words_to_months(w: &str) -> Option<u8> {
    match w.to_lowercase().as_str() {
        "three" | "3" => Some(3),
        "six" | "6" => Some(6),
        "nine" | "9" => Some(9),
        "twelve" | "12" => Some(12),
        _ => None,
    }
}

fn words_to_weeks(w: &str) -> Option<u8> {
    let n = match w.to_lowercase().as_str() {
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "sixteen" => 16,
        "twenty-six" => 26,
        "twenty-eight" => 28,
        "thirty-nine" => 39,
        "forty" => 40,
        "fifty-two" => 52,
        "fifty-three" => 53,
        n => n.parse().ok()?,
    };
    Some(n)
}

/// The period of a column from its own header text (what stands above it
/// alone) and the text it shares with neighbours (a spanning "Three Months
/// Ended").
pub fn parse_period(own: &str, shared: &str) -> Period {
    let mut p = Period::default();
    let both = format!("{shared} {own}");
    if let Some(c) = DURATION.captures(&both) {
        if let Some(m) = c.get(1) {
            p.months = words_to_months(m.as_str());
        } else if let Some(w) = c.get(2) {
            p.weeks = words_to_weeks(w.as_str());
            p.months = match p.weeks {
                Some(12..=14) => Some(3),
                Some(24..=28) => Some(6),
                Some(36..=40) => Some(9),
                Some(52 | 53) => Some(12),
                _ => None,
            };
        } else if let Some(k) = c.get(3) {
            let k = k.as_str().to_lowercase();
            p.months = Some(if k.starts_with("quarter") { 3 } else { 12 });
        }
    } else if FULL_YEAR.is_match(&both) && !QUARTER.is_match(&both) {
        // "Full Year 2022" beside "Q4 2022". Not a heading line's mark
        // (`is_period_heading`): "Full Year" alone over a table's label
        // column is its title.
        p.months = Some(12);
    }
    // The column's own quarter ("Q2 2025") over one its neighbours share
    // (a headline's "First Quarter" above a trend table's quarters).
    if let Some(c) = QUARTER.captures(own).or_else(|| QUARTER.captures(&both)) {
        let q = c
            .get(1)
            .or(c.get(2))
            .or(c.get(4))
            .and_then(|m| m.as_str().parse().ok())
            .or_else(|| {
                c.get(3).map(|m| match m.as_str().to_lowercase().as_str() {
                    "first" => 1,
                    "second" => 2,
                    "third" => 3,
                    _ => 4,
                })
            });
        p.quarter = q;
        if p.months.is_none() {
            p.months = Some(3);
        }
    }
    let own_year = YEAR
        .captures_iter(own)
        .last()
        .and_then(|c| c[1].parse::<i32>().ok())
        .or_else(|| fiscal_year(own));
    // A column headed by a fiscal year alone ("FY24") is that year.
    if p.months.is_none()
        && p.quarter.is_none()
        && fiscal_year(own).is_some()
        && !DERIVED.is_match(own)
    {
        p.months = Some(12);
    }
    // Dates: prefer the column's own; among shared dates prefer the one whose
    // year is the column's own year.
    let own_dates = dates_in(own);
    let shared_dates = dates_in(shared);
    let pick = |dates: &[(u8, u8, Option<i32>)]| -> Option<Date> {
        let with_year = dates
            .iter()
            .find(|d| own_year.is_some() && d.2 == own_year)
            .or_else(|| {
                if own_year.is_none() && dates.len() == 1 {
                    dates.first()
                } else {
                    None
                }
            })
            .or_else(|| dates.iter().find(|d| d.2.is_none()));
        with_year.and_then(|&(m, d, y)| {
            Some(Date {
                year: y.or(own_year)?,
                month: m,
                day: d,
            })
        })
    };
    p.end = pick(&own_dates).or_else(|| pick(&shared_dates));
    if p.end.is_none() {
        p.year = own_year.or_else(|| {
            let ys: Vec<i32> = YEAR
                .captures_iter(shared)
                .filter_map(|c| c[1].parse().ok())
                .collect();
            if ys.len() == 1 {
                Some(ys[0])
            } else {
                None
            }
        });
    }
    p.instant = p.end.is_some() && p.months.is_none() && p.weeks.is_none();
    p
}

fn dates_in(s: &str) -> Vec<(u8, u8, Option<i32>)> {
    MONTH_DAY_YEAR
        .captures_iter(s)
        .filter_map(|c| {
            let m = month_number(c.get(1)?.as_str());
            let d: u8 = c.get(2)?.as_str().parse().ok()?;
            if d == 0 || d > 31 {
                return None;
            }
            let y = c.get(3).and_then(|y| y.as_str().parse().ok());
            Some((m, d, y))
        })
        .collect()
}

/// Is this column header for a derived column ("% Change", "Increase
/// (decrease)") rather than a period?
pub fn is_derived_header(own: &str) -> bool {
    // "Cost of sales" is a line item heading a column of amounts (a
    // reconciliation by line item), not a "% of sales" column.
    let lower = own.to_lowercase();
    if lower.contains("cost of") {
        let without = COST_OF.replace_all(own, " ");
        return DERIVED.is_match(&without);
    }
    DERIVED.is_match(own)
}

static COST_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)costs?\s+of\s+(net\s+)?(sales|revenues?|goods\s+sold|products\s+sold)(?-u:\b)")
        .expect("cost-of regex")
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cost_of_sales_heads_amounts_not_a_percent_of_sales() {
        assert!(!is_derived_header("First-Quarter 2025 Cost of sales(1)"));
        assert!(!is_derived_header("Cost of revenues"));
        assert!(is_derived_header("% of sales"));
        assert!(is_derived_header("Percent of net revenues"));
        assert!(is_derived_header("Cost of sales % change"));
    }

    #[test]
    fn quarter_from_spanning_header() {
        let p = parse_period("2006", "For the three months ended March 31,");
        assert_eq!(p.months, Some(3));
        assert_eq!(
            p.end,
            Some(Date {
                year: 2006,
                month: 3,
                day: 31
            })
        );
        assert!(!p.instant);
    }

    #[test]
    fn thirteen_weeks_with_two_dates() {
        let shared = "For the 13 Weeks Ended July 3, 2004 and June 28, 2003";
        let p = parse_period("2003", shared);
        assert_eq!(p.weeks, Some(13));
        assert_eq!(p.months, Some(3));
        assert_eq!(p.end.unwrap().to_string(), "2003-06-28");
    }

    #[test]
    fn balance_sheet_dates_are_instants() {
        let p = parse_period("December 31, 2005", "");
        assert!(p.instant);
        assert_eq!(p.end.unwrap().to_string(), "2005-12-31");
    }

    #[test]
    fn fiscal_years_by_short_name() {
        let p = parse_period("Q4 FY24", "");
        assert_eq!(
            (p.months, p.quarter, p.year),
            (Some(3), Some(4), Some(2024))
        );
        let p = parse_period("FY23", "");
        assert_eq!((p.months, p.year), (Some(12), Some(2023)));
    }

    #[test]
    fn quarters_with_an_abbreviated_year() {
        let p = parse_period("Q2'24", "");
        assert_eq!(
            (p.months, p.quarter, p.year),
            (Some(3), Some(2), Some(2024))
        );
        let p = parse_period("Q3’23", "");
        assert_eq!((p.quarter, p.year), (Some(3), Some(2023)));
        let p = parse_period("2Q24", "");
        assert_eq!(
            (p.months, p.quarter, p.year),
            (Some(3), Some(2), Some(2024))
        );
        // Not a quarter: a model number, a year's own digits.
        assert_eq!(parse_period("12Q24", "").quarter, None);
    }

    #[test]
    fn a_columns_own_quarter_wins_over_a_shared_one() {
        let p = parse_period("Q2 2025", "Example Corp Reports First Quarter 2026 Results");
        assert_eq!((p.quarter, p.year), (Some(2), Some(2025)));
        // A shared quarter still dates a column that names none.
        let p = parse_period("2025", "Second Quarter");
        assert_eq!((p.quarter, p.year), (Some(2), Some(2025)));
    }

    #[test]
    fn quarters_by_name() {
        let p = parse_period("Q1 2023", "");
        assert_eq!(p.quarter, Some(1));
        assert_eq!(p.year, Some(2023));
    }

    #[test]
    fn period_heading_lines() {
        assert!(is_period_heading("Three months ended March 31,"));
        assert!(is_period_heading("March 31, 2006   December 31, 2005"));
        assert!(!is_period_heading(
            "For the first quarter of 2006, revenues totaled $42.6 million, an increase of 12.6% compared to the first quarter of 2005."
        ));
    }
}
