//! `crossfoot`: a column that totals other columns does so in every row.
//!
//! ## What it checks
//! Tables add across as well as down: "Reported" growth equals
//! "Operational" growth plus "Currency" impact in percentage points; organic
//! growth equals reported growth plus the impacts beside it; a
//! "Consolidated" column equals the segment columns ("Domestic" +
//! "Canada", for each year).
//!
//! ## How the columns are related
//! Headers rarely say which columns a total column adds, so each hypothesis
//! is tried: a column equal to the sum of two to five columns next to it
//! (contiguous, or every second column for tables that alternate years),
//! the same year's columns across column groups ("Worldwide | United States
//! | International") when they state one period, or, in a table wider than
//! six columns, the last column as the first plus every column between, a
//! blank cell adding nothing (GAAP + adjustments = non-GAAP across columns),
//! all printed at the same precision (rates are not added to amounts).
//! A hypothesis is accepted only when its printed figures add up on at least
//! three rows with a non-zero total and two or more non-zero terms, and
//! misses on at most one row in ten (or a single row, and no more than a
//! third as many as hold); the rows it misses are reported, if they fill the
//! same columns as a confirming row (tables stack sections laid out
//! differently). Rows of averages,
//! share counts and ratios are skipped: they do not add across periods.
//! Columns of one dated period are a reconciliation ("GAAP",
//! "Acquisition-Related Adjustments", "Operating (Non-GAAP)" for one
//! quarter), where every row adds across: a per-share row ($2.16 + $0.48 +
//! $0.99 = $3.63), and a margin row whose adjustments are printed in
//! points without a "%" (15.3% + 3.7 + 7.5 = 26.5%).
//! Percentages computed from unrounded figures may differ by one unit of
//! their last digit: that slack is allowed for figures with decimals.

use super::{Finding, Label, Outcome};
use crate::document::{format_grouped, Document, Figure, Table};
use crate::interval::{Interval, RoundedSum};
use crate::rules::Rule;
use rust_decimal::Decimal;

/// Terms a total column may add.
const MAX_TERMS: usize = 5;

/// Terms a rate column may add in a bridge of rates (a reported change and
/// the impacts of items affecting comparability): bounded, so a table of a
/// thousand rate columns costs its width, not its width cubed.
const MAX_BRIDGE_TERMS: usize = 12;

struct Hypothesis {
    target: usize,
    terms: Vec<usize>,
    /// A reconciliation across columns ("GAAP" + adjustments = "Non-GAAP"):
    /// each row fills only the adjustments that apply to it, a blank term
    /// is nothing to add.
    sparse: bool,
}

enum RowFit {
    Holds,
    Misses(Decimal),
    /// Not evaluable, or too few non-zero terms to say anything.
    Silent,
}

fn cell(t: &Table, row: usize, col: usize) -> Option<&Figure> {
    t.rows[row].figure(col)
}

/// Averages, share counts and ratios do not add across periods (six
/// months' average shares are not two quarters' summed), nor do volumes per
/// day ("Production (koebd)", "thousand barrels per day"): a half year's
/// daily rate is the average of its quarters'.
fn additive(label: &str) -> bool {
    let l = label.to_lowercase();
    !super::names_rate(&l)
        && ![
            "per day",
            "kbd",
            "koebd",
            "b/d",
            "/day",
            "average",
            "shares",
            "per share",
            "per diluted",
            "per basic",
            "margin",
            "%",
            "percent",
        ]
        .iter()
        .any(|w| l.contains(w))
}

/// Percentage and plain figures are the same quantity in columns of rates:
/// typesetters print the `%` sign on a column's first and total rows only
/// ("6.3 %" over "2.2" in a "% Change" column), and a PDF conversion keeps
/// what was printed.
fn rate_like(a: &Figure, b: &Figure) -> bool {
    use crate::document::Unit;
    // A whole figure on a per-share row of a rate column is points of EPS
    // growth, not a per-share amount (those are printed to the cent).
    let points = |f: &Figure| f.unit != Unit::PerShare || f.decimals == 0;
    points(a) && points(b)
}

/// `additive` is [`additive`] of the row's label, computed once per row
/// rather than once per hypothesis (every row is, in a reconciliation);
/// `one_period`: the hypothesis's columns are all of one dated period.
fn fit(t: &Table, row: usize, additive: bool, one_period: bool, h: &Hypothesis) -> RowFit {
    let Some(target) = cell(t, row, h.target) else {
        return RowFit::Silent;
    };
    // Every column of the hypothesis is derived: its figures are rates or
    // percentage points, whether or not a row printed the sign.
    let rates = t.columns[h.target].derived && h.terms.iter().all(|&c| t.columns[c].derived);
    // In a reconciliation of one period, a margin's adjustments are
    // printed in points, with no "%".
    let points = rates || one_period && target.unit == crate::document::Unit::Percent;
    if !additive {
        return RowFit::Silent;
    }
    // The sum of the figures as printed is the centre of the sum's
    // rounding interval (a dash is a zero centred on zero), so it is not
    // added up on its own.
    let mut acc = RoundedSum::default();
    let mut nonzero = 0;
    for (k, &c) in h.terms.iter().enumerate() {
        let Some(f) = cell(t, row, c) else {
            if h.sparse && k > 0 {
                continue;
            }
            return RowFit::Silent;
        };
        if f.unit != target.unit && !(f.dash || target.dash) && !(points && rate_like(f, target)) {
            return RowFit::Silent;
        }
        // A dash among per-share figures is $0.00 at their precision, not
        // anything under fifty cents.
        let (center, half) = f.center_half_among(target.decimals);
        let Some(s) = acc.checked_add(center, half) else {
            return RowFit::Silent;
        };
        acc = s;
        if !f.dash && !f.value.is_zero() {
            nonzero += 1;
        }
    }
    let shown = acc.center;
    let Some(sum) = acc.interval() else {
        return RowFit::Silent;
    };
    let slack = if target.decimals > 0 {
        Decimal::new(1, target.decimals)
    } else {
        Decimal::ZERO
    };
    let widened = Interval::new(sum.lo - slack, sum.hi + slack);
    // Evidence for a hypothesis is printed figures that add up (to a unit of
    // the last digit), with a non-zero total and two non-zero terms: dashes
    // adding up to a dash prove nothing, nor does an overlap that only the
    // rounding intervals allow.
    let exact = (shown - target.value).abs() <= slack;
    if widened.overlaps(&target.interval()) {
        if exact && nonzero >= 2 && !target.dash && !target.value.is_zero() {
            RowFit::Holds
        } else {
            RowFit::Silent
        }
    } else if nonzero >= 1 {
        RowFit::Misses(shown)
    } else {
        RowFit::Silent
    }
}

fn hypotheses(ncols: usize) -> Vec<Hypothesis> {
    let mut out = Vec::new();
    for target in 0..ncols {
        for stride in 1..=2usize {
            for k in 2..=MAX_TERMS {
                // Terms on the left of the target, then on the right.
                if target >= k * stride {
                    let terms = (1..=k).map(|i| target - i * stride).rev().collect();
                    out.push(Hypothesis {
                        target,
                        terms,
                        sparse: false,
                    });
                }
                let right: Vec<usize> = (1..=k).map(|i| target + i * stride).collect();
                if right.iter().all(|&c| c < ncols) {
                    out.push(Hypothesis {
                        target,
                        terms: right,
                        sparse: false,
                    });
                }
            }
        }
    }
    out
}

/// Hypotheses across column groups: a table laid out as "Worldwide |
/// United States | International", each group with its years and its
/// changes, totals the same year's column of the other groups. Every
/// amount column of a year is tried as the total of the others of that
/// year, when they are few enough and no two of them say different
/// periods (three months and six months of a year do not add).
fn period_hypotheses(t: &Table) -> Vec<Hypothesis> {
    fn differ<T: PartialEq>(a: Option<T>, b: Option<T>) -> bool {
        matches!((a, b), (Some(x), Some(y)) if x != y)
    }
    let same_period = |a: &crate::document::Period, b: &crate::document::Period| {
        !(differ(a.months, b.months)
            || differ(a.weeks, b.weeks)
            || differ(a.end, b.end)
            || differ(a.quarter, b.quarter)
            || a.instant != b.instant)
    };
    let mut by_year: std::collections::BTreeMap<i32, Vec<usize>> = Default::default();
    for (c, col) in t.columns.iter().enumerate() {
        if col.derived {
            continue;
        }
        if let Some(y) = col.period.year() {
            by_year.entry(y).or_default().push(c);
        }
    }
    let mut out = Vec::new();
    for cols in by_year.values() {
        if cols.len() < 3 || cols.len() > MAX_TERMS + 1 {
            continue;
        }
        let periods: Vec<&crate::document::Period> =
            cols.iter().map(|&c| &t.columns[c].period).collect();
        if periods
            .iter()
            .enumerate()
            .any(|(i, a)| periods[i + 1..].iter().any(|b| !same_period(a, b)))
        {
            continue;
        }
        for &target in cols {
            let terms: Vec<usize> = cols.iter().copied().filter(|&c| c != target).collect();
            out.push(Hypothesis {
                target,
                terms,
                sparse: false,
            });
        }
    }
    out
}

/// The number of decimals most figures of a column are printed with: a
/// column of rates (21.9, 0.1) is not added to a column of amounts.
fn typical_decimals(t: &Table, c: usize) -> Option<u32> {
    let mut counts = std::collections::BTreeMap::new();
    for f in t
        .rows
        .iter()
        .filter_map(|r| r.figure(c))
        .filter(|f| !f.dash)
    {
        *counts.entry(f.decimals).or_insert(0usize) += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(d, n)| (n, std::cmp::Reverse(d)))
        .map(|(d, _)| d)
}

/// One hypothesis tried on one table: the fit of each row.
struct Trial {
    table: usize,
    hypothesis: Hypothesis,
    fits: Vec<(usize, RowFit)>,
    holds: usize,
    misses: usize,
    /// Every column it relates is a column of rates: its evidence can be
    /// pooled with the same columns of tables laid out alike.
    rates: bool,
}

fn accepted(holds: usize, misses: usize) -> bool {
    holds >= 3 && misses <= ((holds + misses) / 10).max(1) && misses * 3 <= holds
}

/// A table's layout: its column headings and which columns are derived.
/// Releases repeat a layout (the quarter and the year to date, one table
/// per segment), and rate columns in one layout add the same way in each:
/// "Reported" = "Operational" + "Currency" is one fact about the layout,
/// confirmed by the rows of all its tables, so a table of three rows is
/// checked on the evidence of its twins.
fn layout(t: &Table) -> Vec<(String, bool)> {
    t.columns
        .iter()
        .map(|c| (c.header.trim().to_lowercase(), c.derived))
        .collect()
}

/// Checks every table with three columns or more.
pub fn check(doc: &Document, rule: &Rule, out: &mut Outcome) {
    let mut trials: Vec<Trial> = Vec::new();
    for (ti, t) in doc.tables.iter().enumerate() {
        if t.columns.len() < 3 {
            continue;
        }
        let precision: Vec<Option<u32>> = (0..t.columns.len())
            .map(|c| typical_decimals(t, c))
            .collect();
        // A table can stack sections laid out differently (a bridge row
        // above a regional breakdown): a miss counts only on a row that
        // fills the same columns as a row that confirmed the hypothesis.
        // Each row's shape (the columns it fills) is computed once, as an id.
        let shape_id: Vec<usize> = {
            let mut ids: crate::fxhash::FxHashMap<Vec<bool>, usize> = Default::default();
            t.rows
                .iter()
                .map(|row| {
                    let shape: Vec<bool> = (0..t.columns.len())
                        .map(|c| row.figure(c).is_some())
                        .collect();
                    let next = ids.len();
                    *ids.entry(shape).or_insert(next)
                })
                .collect()
        };
        let additive_rows: Vec<bool> = t.rows.iter().map(|r| additive(&r.label)).collect();
        let mut all = hypotheses(t.columns.len());
        // The last column as the first plus the adjustments between, in a
        // table wider than the contiguous hypotheses reach.
        let last = t.columns.len() - 1;
        if last > MAX_TERMS {
            all.push(Hypothesis {
                target: last,
                terms: (0..last).collect(),
                sparse: true,
            });
        }
        // A bridge of rates across more columns than the contiguous
        // hypotheses reach: "Reported % Change", six impacts of items
        // affecting comparability, "Core % Change". Every column in it is a
        // rate.
        let ncols = t.columns.len();
        for target in (MAX_TERMS + 1)..ncols {
            if !t.columns[target].derived {
                continue;
            }
            for first in target.saturating_sub(MAX_BRIDGE_TERMS)..target.saturating_sub(MAX_TERMS) {
                if (first..target).all(|c| t.columns[c].derived) {
                    all.push(Hypothesis {
                        target,
                        terms: (first..target).collect(),
                        sparse: false,
                    });
                }
            }
        }
        for h in period_hypotheses(t) {
            if !all
                .iter()
                .any(|a| a.target == h.target && a.terms == h.terms)
            {
                all.push(h);
            }
        }
        for h in all {
            // A column of dashes only ("Tax Reform Impacts" in a quarter
            // with none) has no precision of its own and adds nothing.
            if h.terms
                .iter()
                .any(|&c| precision[c] != precision[h.target] && precision[c].is_some())
            {
                continue;
            }
            if !crate::budget::spend((t.rows.len() * (h.terms.len() + 1)) as u64) {
                return;
            }
            // Columns of one dated period (GAAP, adjustments, non-GAAP) are
            // a reconciliation: every row adds across, per-share amounts
            // and margins too (a margin's adjustments in points). Across
            // periods, rates and per-share amounts do not add.
            let one_period = {
                let p = &t.columns[h.target].period;
                h.terms
                    .iter()
                    .all(|&c| crate::resolve::same_period(&t.columns[c].period, p))
            };
            let mut fits: Vec<(usize, RowFit)> = (0..t.rows.len())
                .map(|r| (r, fit(t, r, additive_rows[r] || one_period, one_period, &h)))
                .collect();
            let confirmed: crate::fxhash::FxHashSet<usize> = fits
                .iter()
                .filter(|(_, f)| matches!(f, RowFit::Holds))
                .map(|(r, _)| shape_id[*r])
                .collect();
            for (r, f) in fits.iter_mut() {
                if !h.sparse && matches!(f, RowFit::Misses(_)) && !confirmed.contains(&shape_id[*r])
                {
                    *f = RowFit::Silent;
                }
            }
            let holds = fits
                .iter()
                .filter(|(_, f)| matches!(f, RowFit::Holds))
                .count();
            let misses = fits
                .iter()
                .filter(|(_, f)| matches!(f, RowFit::Misses(_)))
                .count();
            if holds == 0 {
                continue;
            }
            let rates = !h.sparse
                && t.columns[h.target].derived
                && h.terms.iter().all(|&c| t.columns[c].derived);
            trials.push(Trial {
                table: ti,
                hypothesis: h,
                fits,
                holds,
                misses,
                rates,
            });
        }
    }
    // Evidence pooled per layout and hypothesis, for rate columns only:
    // amounts differ table by table, rates of one layout are one relation.
    type Key = (Vec<(String, bool)>, usize, Vec<usize>);
    let mut pooled: crate::fxhash::FxHashMap<Key, (usize, usize, usize)> = Default::default();
    let key = |x: &Trial| -> Key {
        (
            layout(&doc.tables[x.table]),
            x.hypothesis.target,
            x.hypothesis.terms.clone(),
        )
    };
    for x in trials.iter().filter(|x| x.rates) {
        let e = pooled.entry(key(x)).or_default();
        e.0 += x.holds;
        e.1 += x.misses;
        e.2 += 1;
    }
    // Of two accepted hypotheses for one column of a table where one adds
    // the other's columns and more, the one that misses least (then holds
    // most, then adds fewest columns) is the column's formula: a column of
    // dashes that a hypothesis adds or leaves out changes nothing on most
    // rows, and only the rows where it is filled tell the two apart.
    // Hypotheses over different columns can both hold ("Organic" as
    // reported plus impacts, and as volume plus price).
    let accepted_trials: Vec<Trial> = trials
        .into_iter()
        .filter(|x| {
            let twins = x.rates
                && pooled
                    .get(&key(x))
                    .is_some_and(|&(h, m, n)| n > 1 && accepted(h, m));
            accepted(x.holds, x.misses) || twins
        })
        .collect();
    let rank = |x: &Trial| {
        (
            std::cmp::Reverse(x.misses),
            x.holds,
            std::cmp::Reverse(x.hypothesis.terms.len()),
        )
    };
    let nested = |a: &[usize], b: &[usize]| {
        a.iter().all(|c| b.contains(c)) || b.iter().all(|c| a.contains(c))
    };
    let mut by_column: crate::fxhash::FxHashMap<(usize, usize), Vec<usize>> = Default::default();
    for (i, x) in accepted_trials.iter().enumerate() {
        by_column
            .entry((x.table, x.hypothesis.target))
            .or_default()
            .push(i);
    }
    let dominated: Vec<bool> = accepted_trials
        .iter()
        .map(|x| {
            by_column[&(x.table, x.hypothesis.target)].iter().any(|&j| {
                let y = &accepted_trials[j];
                nested(&x.hypothesis.terms, &y.hypothesis.terms) && rank(y) > rank(x)
            })
        })
        .collect();
    let best = accepted_trials
        .into_iter()
        .zip(dominated)
        .filter(|(_, d)| !d)
        .map(|(x, _)| x);
    for x in best {
        let t = &doc.tables[x.table];
        for (r, f) in x.fits {
            report(x.table, t, r, &x.hypothesis, f, rule, out);
        }
    }
}

fn column_name(t: &Table, c: usize) -> String {
    let col = &t.columns[c];
    if !col.header.is_empty() {
        format!("\"{}\"", col.header)
    } else if !col.period.is_empty() {
        col.period.to_string()
    } else {
        format!("column {}", c + 1)
    }
}

fn report(
    ti: usize,
    t: &Table,
    r: usize,
    h: &Hypothesis,
    f: RowFit,
    rule: &Rule,
    out: &mut Outcome,
) {
    let Some(target) = cell(t, r, h.target) else {
        return;
    };
    let terms: Vec<&Figure> = h.terms.iter().filter_map(|&c| cell(t, r, c)).collect();
    match f {
        RowFit::Silent => {}
        RowFit::Holds => {
            out.pass(
                rule,
                ti,
                r,
                h.target,
                [target.span]
                    .into_iter()
                    .chain(terms.into_iter().map(|x| x.span)),
            );
        }
        RowFit::Misses(sum) => {
            let label = &t.rows[r].label;
            let expr = terms
                .iter()
                .map(|x| x.display())
                .collect::<Vec<_>>()
                .join(" + ");
            let sum_s = format_grouped(sum, target.decimals);
            out.findings.push(Finding {
                rule: rule.id.clone(),
                severity: rule.severity,
                message: format!(
                    "\"{}\": {} shows {}, but the {} columns it totals give {sum_s}",
                    if label.is_empty() { "this row" } else { label },
                    column_name(t, h.target),
                    target.display(),
                    terms.len()
                ),
                help: Some(format!(
                    "{expr} = {sum_s}; other rows of this table add across this way"
                )),
                span: target.span,
                span_text: format!("shows {}, columns give {sum_s}", target.display()),
                labels: h
                    .terms
                    .iter()
                    .zip(&terms)
                    .map(|(&c, x)| Label {
                        span: x.span,
                        text: column_name(t, c),
                    })
                    .collect(),
            });
        }
    }
}

#[cfg(test)]
mod tests {

    fn findings(text: &str) -> Vec<String> {
        crate::check::findings_of("cross-footing", text)
            .into_iter()
            .map(|f| f.message)
            .collect()
    }

    // Reported growth = operational growth + currency impact.
    const TABLE: &str = "\
                         2023      2022   Reported   Operational   Currency
U.S.                    5,000     4,500       11.1          11.1         --
Europe                  3,000     3,100       (3.2)          1.8       (5.0)
Asia-Pacific            2,000     1,900        5.3           9.9       (4.6)
Latin America           1,000       950        5.3           8.0       (2.7)
International           6,000     5,950        0.8           5.1       (4.3)
";

    #[test]
    fn a_consistent_table_passes() {
        assert!(findings(TABLE).is_empty(), "{:#?}", findings(TABLE));
    }

    #[test]
    fn a_wrong_cell_is_found() {
        let bad = TABLE.replace("(4.6)", "(6.4)");
        let f = findings(&bad);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].contains("Asia-Pacific"), "{}", f[0]);
    }

    // Worldwide = United States + International, year by year, each group
    // with its own change column between.
    const GROUPS: &str = "\
                   WORLDWIDE                UNITED STATES            INTERNATIONAL
                 2023    2022  % Change    2023    2022  % Change    2023    2022  % Change
Alpha             782     552       42%     434     296       47%     348     256       36%
Beta              469     430        9%     333     254       31%     136     176     (23)%
Gamma              53      48       10%      51      46       10%       2       2        5%
Delta             106     113      (7)%      58      66     (13)%      48      47        2%
";

    #[test]
    fn column_groups_add_year_by_year() {
        assert!(findings(GROUPS).is_empty(), "{:#?}", findings(GROUPS));
        let bad = GROUPS.replace("Gamma              53", "Gamma              83");
        let f = findings(&bad);
        assert!(f.iter().any(|m| m.contains("Gamma")), "{f:#?}");
    }

    #[test]
    fn a_year_s_quarter_and_half_year_are_not_one_group() {
        let t = "\
                              Three Months Ended    Three Months Ended    Six Months Ended    Three Months Ended
                                 June 30, 2024         June 30, 2023        June 30, 2024       March 31, 2024
Net income                              1,500                 1,200                2,800                1,300
Depreciation                              100                    90                  210                  110
Other                                      50                    40                   70                   20
Cash at beginning of period             7,000                 6,500                7,100                7,100
";
        assert!(findings(t).is_empty(), "{:#?}", findings(t));
    }

    // GAAP + the adjustments that apply to each row = Non-GAAP; a blank
    // adjustment is nothing to add.
    const RECONCILIATION: &str = "\
                              GAAP    Amortization   Litigation   IPR&D   Restructuring   Other   Non-GAAP
Cost of products sold        8,395         (1,200)                                 (23)    (12)      7,160
Selling and admin            6,138                                                          (38)      6,100
Research and development     3,563                                  (16)           (34)               3,513
Other (income) expense       7,228              (4)      (6,900)                  (222)      (3)         99
Restructuring                  130                                                (130)                  -
Provision for taxes           (669)            194        1,622       11             32      16      1,206
Net earnings                   (68)          1,010        5,278       38             98      37      6,393
";

    #[test]
    fn a_sparse_reconciliation_across_columns_adds_up() {
        assert!(
            findings(RECONCILIATION).is_empty(),
            "{:#?}",
            findings(RECONCILIATION)
        );
        let bad = RECONCILIATION.replace("(16)", "(46)");
        let f = findings(&bad);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].contains("Research and development"), "{}", f[0]);
    }

    // A PDF conversion keeps the `%` sign where it was printed: on the
    // first and the total rows of each rate column only.
    const SIGN_ON_SOME_ROWS: &str = "\
                          2023      2022    Reported % Change   Operational   Currency
U.S.                     5,000     4,500         11.1%             11.1           --
Europe                   3,000     3,100         (3.2)              1.8         (5.0)
Asia-Pacific             2,000     1,900          5.3               9.9         (4.6)
Latin America            1,000       950          5.3               8.0         (2.7)
Worldwide               11,000    10,450          5.3%              8.3         (3.0)
";

    #[test]
    fn a_rate_with_its_sign_adds_to_rates_without() {
        assert!(
            findings(SIGN_ON_SOME_ROWS).is_empty(),
            "{:#?}",
            findings(SIGN_ON_SOME_ROWS)
        );
        let bad = SIGN_ON_SOME_ROWS.replace("8.3 ", "3.8 ");
        let f = findings(&bad);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].contains("Worldwide"), "{}", f[0]);
    }

    // Two small tables of one layout (the quarter, then the year): each has
    // too few rows to confirm the relation alone, together they do.
    const TWINS: &str = "\
Fourth quarter
                          2023      2022    Reported   Operational   Currency
U.S.                     5,000     4,500       11.1%         11.1          --
International            6,000     5,950        0.8          5.1        (4.3)
Worldwide               11,000    10,450        5.3%         8.3        (3.0)


Full year
                          2023      2022    Reported   Operational   Currency
U.S.                    20,000    18,000       11.1%         11.1          --
International           24,000    23,800        0.8          4.9        (4.1)
Worldwide               44,000    41,800        5.3%         8.1        (2.8)
";

    #[test]
    fn tables_of_one_layout_confirm_each_other() {
        assert!(findings(TWINS).is_empty(), "{:#?}", findings(TWINS));
        let bad = TWINS.replace("8.1 ", "1.8 ");
        let f = findings(&bad);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].contains("Worldwide"), "{}", f[0]);
    }

    /// GAAP + adjustments = non-GAAP for one quarter.
    const ONE_PERIOD: &str = "\
RECONCILIATION
(in millions, except per share amounts)

\tThree Months Ended December 31, 2025\t\t\t
\tGAAP\tAcquisition-Related Adjustments\tRetirement-Related Adjustments\tOperating (Non-GAAP)

Gross profit\t10,267\t172\t--\t10,439
Pre-tax income\t2,417\t582\t1,185\t4,184
Pre-tax income margin\t15.3%\t3.7\t7.5\t26.5%
Net income\t2,001\t449\t915\t3,365
Diluted earnings per share\t$ 2.16\t$ 0.48\t$ 0.99\t$ 3.63
";

    #[test]
    fn a_reconciliation_of_one_period_adds_per_share_and_margin_rows() {
        // GAAP + adjustments = non-GAAP for one quarter: the per-share row
        // and the margin row (adjustments in points) add across too.
        let recon = ONE_PERIOD;
        assert!(findings(recon).is_empty(), "{:#?}", findings(recon));
        let f = findings(&recon.replace("$ 0.48", "$ 0.84"));
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].contains("earnings per share"), "{}", f[0]);
        let f = findings(&recon.replace("\t7.5\t", "\t5.7\t"));
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].contains("margin"), "{}", f[0]);
        // Across periods, per-share amounts do not add: a year's EPS is
        // not its quarters' sum.
        let periods = "\
SUMMARY
(in millions, except per share amounts)

\tQ1 2025\tQ2 2025\tQ3 2025\tQ4 2025\tFull Year 2025

Revenue\t1,000\t1,100\t1,200\t1,300\t4,600
Net income\t100\t110\t120\t130\t460
Diluted earnings per share\t$ 0.50\t$ 0.56\t$ 0.61\t$ 0.67\t$ 2.31
";
        assert!(findings(periods).is_empty(), "{:#?}", findings(periods));
    }

    #[test]
    fn a_dash_among_per_share_figures_is_zero_to_the_cent() {
        // The retirement adjustment is a dash on the per-share row: $0.00,
        // not anything under fifty cents, so $2.64 + $0.48 + — is $3.12.
        let recon = ONE_PERIOD.replace(
            "$ 2.16\t$ 0.48\t$ 0.99\t$ 3.63",
            "$ 2.64\t$ 0.48\t--\t$ 3.12",
        );
        let recon = recon.as_str();
        assert!(findings(recon).is_empty(), "{:#?}", findings(recon));
        let f = findings(&recon.replace("$ 3.12", "$ 3.21"));
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].contains("earnings per share"), "{}", f[0]);
    }

    #[test]
    fn a_column_of_dashes_adds_nothing() {
        // GAAP + adjustments = non-GAAP, one adjustment column all dashes.
        let t = "\
(in millions)       GAAP   Acquisition   Retirement   Kyndryl   Operating
Gross profit      10,267           172           --        --      10,439
S,G&A              4,791         (271)           --        --       4,520
Other expense      (193)            12           22        --       (159)
Total expense      6,509         (259)           22        --       6,272
";
        assert!(findings(t).is_empty(), "{:?}", findings(t));
        let bad = t.replace("4,520", "4,250");
        assert_eq!(findings(&bad).len(), 1, "{:?}", findings(&bad));
    }

    // A growth bridge: reported change, six impacts in points, the core
    // change, the impact of currency, the core change at constant
    // currency. The impact columns print no "%"; the table opens with a
    // rate, so they are rates too. The pension column is mostly dashes:
    // the constant-currency column adds the core change and currency
    // only, which the rows where pension is filled tell.
    const BRIDGE: &str = "\
                           Reported   Mark-to-  Restructuring  Acquisition  Juice   Impairment  Pension     Core   Foreign    Core Constant
                           % Change   market      charges        charges     Gain     charges    impact  % Change  exchange  Currency % Change
North America                  11%        --          --            2           6       (11)        --        8%        1          9%
Latin America                  41%        --          --           --          --       (23)        --       18%       (9)         9%
Africa and Middle East        (14)%       --        (0.5)          --          --         --        --      (14)%      21          7%
Asia Pacific                    8%        --          0.5          --          --         --        --        9%        5         14%
Corporate                      37%      (34)          (1)           1          --         --        --        4%       --          4%
Total Operating Profit         76%         5          2.5          --           1       (71)        --       13%        2         15%
Net Income                     92%         5            2          --           1       (80)        (8)      12%        2         14%
EPS                            85%         5            2          --           1       (81)        --       12%        2         14%
";

    #[test]
    fn a_bridge_of_rates_adds_across_its_impacts() {
        assert!(findings(BRIDGE).is_empty(), "{:#?}", findings(BRIDGE));
        // Reported + impacts = core: a wrong impact.
        let f = findings(&BRIDGE.replace("(23)", "(53)"));
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].contains("Latin America"), "{}", f[0]);
        // Core + currency = core at constant currency.
        let f = findings(&BRIDGE.replace("  21 ", "  51 "));
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].contains("Africa"), "{}", f[0]);
    }

    #[test]
    fn operations_is_not_a_ratio() {
        use super::additive;
        assert!(additive("Pre-tax Income from Continuing Operations"));
        assert!(additive("Corporate and other"));
        assert!(!additive("Effective Tax Rate"));
        assert!(!additive("Current ratio"));
        assert!(!additive("Operating margin"));
    }

    #[test]
    fn volumes_per_day_are_not_added_across_periods() {
        let t = "\
                        Q2 2025    Q1 2025    YTD 2025
United States             1,494      1,418       2,912
Canada                      797        760       1,557
Europe                        3          4           7
Africa                      139        137         276
Production (koebd)        4,630      4,551       4,591
";
        assert!(findings(t).is_empty(), "{:#?}", findings(t));
    }

    #[test]
    fn averages_are_not_added_across_periods() {
        let t = "\
                             Q1        Q2   Six months
Revenue                     100       120          220
Cost of sales                60        70          130
Operating income             40        50           90
Average shares outstanding  500       510          505
";
        assert!(findings(t).is_empty(), "{:#?}", findings(t));
    }
}
