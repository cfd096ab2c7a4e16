//! `change`: a "% change" or "increase (decrease)" column equals the change
//! between the period columns beside it.
//!
//! ## What it checks
//! In a table such as
//!
//! ```text
//!                     2023      2022    % Change
//! Revenues          12,734    27,742       (54)
//! ```
//!
//! the derived column must equal `(12,734 − 27,742) / 27,742 = −54.1%` at its
//! printed precision. Rows of percentages (margins) change by points:
//! `34.2% − 50.4% = −16.2`. A column of absolute changes equals the
//! difference.
//!
//! ## How the columns are related
//! Nothing says which columns a derived column compares, nor how. Each
//! hypothesis (the two period columns right before it, current first or prior
//! first; relative or absolute change) is tried on every row, and accepted
//! only when it holds, at displayed precision, on at least three rows and
//! misses on at most one row in ten (or one row): a "% of sales", "operational growth" or "currency
//! impact" column fits no hypothesis and is left alone. Rows with a zero or
//! negative base are skipped (their percentage is not meaningful), as are
//! "nm" cells. A row over a base under 100 display units confirms no
//! formula (rounding makes its percentage wide enough to fit almost any
//! column) but is checked once the other rows confirm one, with each amount
//! read one unit wider than its rounding (issuers plug rounded line items
//! so that totals foot, "9" against "10" printed as "1.2%"). Releases
//! compute percentages from unrounded amounts, so a relative change is
//! reported only when it is more than one point outside what the displayed
//! amounts allow.
//!
//! ## Trend schedules
//! A schedule of quarters side by side is checked along its rows: a growth
//! row against its amounts a year apart (`check_growth_rows`), a balance
//! rolled forward by its net additions (`check_roll_forward`), and a row of
//! trailing twelve months as the sum of four quarters of the row it names
//! (`check_trailing_rows`):
//!
//! ```text
//!                        Q1 2023   Q2 2023   Q3 2023   Q4 2023
//! Operating income         4,774     7,681    11,188    13,209
//! Operating income -- TTM 13,353    17,717    26,380    36,852
//! ```
//!
//! `36,852 = 4,774 + 7,681 + 11,188 + 13,209`.

use super::{Finding, Label, Outcome};
use crate::document::{format_grouped, Document, Figure, Table, Unit};
use crate::interval::Interval;
use crate::rules::Rule;
use rust_decimal::Decimal;

#[derive(Debug, Clone, Copy, PartialEq)]
enum How {
    /// (a − b) / b × 100, or points when both are percentages.
    Relative,
    /// a − b.
    Absolute,
}

#[derive(Debug)]
struct RowEval {
    row: usize,
    holds: bool,
    computed: Interval,
    /// A percentage over a base under 100 display units: its interval is
    /// wide, so a row that holds is no evidence for the formula (nearly
    /// any column would), but a row that misses is still a miss.
    weak: bool,
}

/// Checks every derived column of every table.
pub fn check(doc: &Document, rule: &Rule, out: &mut Outcome) {
    // Evidence for a formula is pooled over the change columns of a
    // layout: a table repeats "2023 | 2022 | % Change" for the quarter and
    // the year to date, and releases repeat a layout table after table; the
    // formula is one fact about it, so a column of two rows that hold is
    // checked on the rows of its twins.
    let mut trials: Vec<Trial> = Vec::new();
    for (ti, t) in doc.tables.iter().enumerate() {
        for d in 0..t.columns.len() {
            if !crate::budget::spend(t.rows.len() as u64 * 4 + 1) {
                return;
            }
            if looks_derived(t, d) {
                trials.extend(trials_of(ti, t, d));
            }
        }
    }
    // A key holds every heading of the table: built once per trial.
    let keys: Vec<PoolKey> = trials.iter().map(|x| pool_key(doc, x)).collect();
    let mut pooled: crate::fxhash::FxHashMap<&PoolKey, (usize, usize, usize)> = Default::default();
    for (x, key) in trials.iter().zip(&keys) {
        let e = pooled.entry(key).or_default();
        e.0 += x.holds;
        e.1 += x.misses;
        e.2 += 1;
    }
    // The best accepted formula of each column, in document order.
    let mut best: Vec<Trial> = Vec::new();
    for (x, key) in trials.into_iter().zip(&keys) {
        let own = accepted(x.holds, x.misses, x.holds + x.misses);
        let twins = x.holds >= 1
            && x.misses <= 1
            && pooled
                .get(key)
                .is_some_and(|&(h, m, n)| n > 1 && accepted(h, m, h + m));
        if !(own || twins) {
            continue;
        }
        match best.last_mut() {
            Some(b) if b.table == x.table && b.column == x.column => {
                if b.holds < x.holds {
                    *b = x;
                }
            }
            _ => best.push(x),
        }
    }
    for x in best {
        report(x, doc, rule, out);
    }
    check_growth_rows(doc, rule, out);
    check_change_rows(doc, rule, out);
    check_roll_forward(doc, rule, out);
    check_trailing_rows(doc, rule, out);
}

/// A label as a trend schedule repeats it: parenthetical words and
/// footnote marks out ("Net income (loss)" is "Net income"), "worldwide"
/// abbreviated ("Worldwide (WW) net sales" is "WW net sales"), spacing
/// closed up ("WWnet sales").
fn trend_key(label: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in label.to_lowercase().chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 && c.is_alphanumeric() => out.push(c),
            _ => {}
        }
    }
    let out = out
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .to_string();
    match out.strip_prefix("worldwide") {
        Some(rest) => format!("ww{rest}"),
        None => out,
    }
}

/// Where a quarter column stands in time, in months: its fiscal quarter
/// and year, or the date a three-month column ends.
fn quarter_key(t: &Table, c: usize) -> Option<i32> {
    let col = &t.columns[c];
    let p = &col.period;
    if col.derived || p.instant {
        return None;
    }
    match (p.quarter, p.year(), p.end, p.months) {
        (Some(q), Some(y), _, _) => Some(y * 12 + 3 * i32::from(q)),
        (None, _, Some(d), Some(3)) => Some(d.year * 12 + i32::from(d.month)),
        _ => None,
    }
}

/// One trailing figure against the sum of its four quarters.
struct TrailingSum {
    /// The row of trailing figures, and the row of quarters it sums.
    row: usize,
    quarters_row: usize,
    column: usize,
    /// The columns of the four quarters, the latest first.
    window: [usize; 4],
    sum: Interval,
    holds: bool,
}

/// Rows of trailing twelve months in a trend schedule of quarters ("WW net
/// sales -- TTM" under "Worldwide (WW) net sales"): the trailing figure of
/// a quarter is the sum of that quarter and the three before it, where the
/// schedule prints all four. The structure is accepted only when it holds
/// on three sums or more and misses on at most one in ten (or one), a
/// wrong quarter counting once however many sums it is in. A miss is
/// reported on the trailing figure, its four quarters labeled; when the
/// misses of a row share one quarter the sums that hold leave out, and
/// agree on what it would be, on that quarter instead.
fn check_trailing_rows(doc: &Document, rule: &Rule, out: &mut Outcome) {
    for (ti, t) in doc.tables.iter().enumerate() {
        let ncols = t.columns.len();
        if ncols < 4 || !crate::budget::spend(t.rows.len() as u64 * ncols as u64 + 1) {
            continue;
        }
        let keys: Vec<Option<i32>> = (0..ncols).map(|c| quarter_key(t, c)).collect();
        // For each column, the columns of the three quarters before it.
        let windows: Vec<(usize, [usize; 4])> = (0..ncols)
            .filter_map(|c| {
                let k = keys[c]?;
                let mut w = [c; 4];
                for (back, slot) in w.iter_mut().enumerate().skip(1) {
                    let want = k - 3 * back as i32;
                    // 52/53-week quarters end a few days either side of
                    // a month's end.
                    *slot = (0..ncols).find(|&q| keys[q].is_some_and(|x| (x - want).abs() <= 1))?;
                }
                Some((c, w))
            })
            .collect();
        if windows.is_empty() {
            continue;
        }
        // (trailing row, quarters row)
        let pairs: Vec<(usize, usize)> = t
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| !r.header)
            .filter_map(|(n, r)| {
                // Its rates and ratios ("-- TTM Y/Y growth", "-- TTM % of WW
                // net sales") keep their words and name no row of amounts.
                let base = trend_key(&Table::trailing_measure(&r.label)?);
                let q = t.rows[..n]
                    .iter()
                    .rposition(|o| !o.header && trend_key(&o.label) == base)?;
                Some((n, q))
            })
            .collect();
        let mut evals: Vec<TrailingSum> = Vec::new();
        for &(n, q) in &pairs {
            for &(c, w) in &windows {
                let Some(ttm) = t.rows[n].figure(c) else {
                    continue;
                };
                let quarters: Option<Vec<&Figure>> =
                    w.iter().map(|&k| t.rows[q].figure(k)).collect();
                let Some(quarters) = quarters else { continue };
                if ttm.dash
                    || ttm.unit != Unit::Amount
                    || quarters.iter().any(|f| f.unit != Unit::Amount)
                {
                    continue;
                }
                let sum = quarters
                    .iter()
                    .try_fold(Interval::zero(), |acc, f| acc.checked_add(f.interval()));
                let Some(sum) = sum else { continue };
                evals.push(TrailingSum {
                    row: n,
                    quarters_row: q,
                    column: c,
                    window: w,
                    sum,
                    holds: sum.overlaps(&ttm.interval()),
                });
            }
        }
        // One wrong quarter misses every sum it is in: one error, not
        // one per sum, when the misses of a row share a quarter the sums
        // that hold leave out.
        let mut culprits: Vec<(usize, usize, usize)> = Vec::new(); // (trailing row, quarters row, column)
        let mut errors = 0;
        for &(n, q) in &pairs {
            let rows: Vec<&TrailingSum> = evals
                .iter()
                .filter(|e| e.row == n && e.quarters_row == q)
                .collect();
            let misses: Vec<_> = rows.iter().filter(|e| !e.holds).collect();
            if misses.is_empty() {
                continue;
            }
            let shared: Vec<usize> = (0..ncols)
                .filter(|&k| {
                    misses.len() >= 2
                        && misses.iter().all(|e| e.window.contains(&k))
                        && rows
                            .iter()
                            .filter(|e| e.holds)
                            .all(|e| !e.window.contains(&k))
                })
                .collect();
            match shared.as_slice() {
                // The quarter is known: the finding is its own.
                [k] => {
                    errors += 1;
                    culprits.push((n, q, *k));
                }
                // One of a few quarters every missed sum shares: one
                // error still, reported on each sum.
                [_, ..] => errors += 1,
                [] => errors += misses.len(),
            }
        }
        let holds = evals.iter().filter(|e| e.holds).count();
        if !accepted(holds, errors, evals.len()) {
            continue;
        }
        // What the missed sums make the quarter: they must agree, or the
        // sums are reported one by one.
        let culprits: Vec<(usize, usize, usize, Interval, Vec<Label>)> = culprits
            .into_iter()
            .filter_map(|(n, q, k)| {
                let quarter = t.rows[q].figure(k)?;
                let mut implied: Option<(Decimal, Decimal)> = None;
                let mut labels = Vec::new();
                for e in evals
                    .iter()
                    .filter(|e| e.row == n && e.quarters_row == q && !e.holds)
                {
                    let ttm = t.rows[n].figure(e.column)?;
                    let this = ttm
                        .interval()
                        .checked_sub(e.sum.checked_sub(quarter.interval())?)?;
                    implied = Some(match implied {
                        Some((lo, hi)) => (lo.max(this.lo), hi.min(this.hi)),
                        None => (this.lo, this.hi),
                    });
                    labels.push(Label {
                        span: ttm.span,
                        text: "a trailing twelve months".into(),
                    });
                }
                let (lo, hi) = implied.filter(|(lo, hi)| lo <= hi)?;
                Some((n, q, k, Interval::new(lo, hi), labels))
            })
            .collect();
        for e in &evals {
            let (n, q, c) = (e.row, e.quarters_row, e.column);
            let Some(ttm) = t.rows[n].figure(c) else {
                continue;
            };
            let quarters: Vec<&Figure> = e
                .window
                .iter()
                .filter_map(|&k| t.rows[q].figure(k))
                .collect();
            if e.holds {
                out.pass(
                    rule,
                    ti,
                    n,
                    c,
                    std::iter::once(ttm.span).chain(quarters.iter().map(|f| f.span)),
                );
                continue;
            }
            if culprits.iter().any(|x| x.0 == n && x.1 == q) {
                continue;
            }
            let shown = format_grouped(e.sum.midpoint(), ttm.decimals);
            let terms = quarters
                .iter()
                .rev()
                .map(|f| f.display())
                .collect::<Vec<_>>()
                .join(" + ");
            out.findings.push(Finding {
                rule: rule.id.clone(),
                severity: rule.severity,
                message: format!(
                    "\"{}\": shows {}, but the four quarters of \"{}\" ending there sum to {shown}",
                    t.rows[n].label,
                    ttm.display(),
                    t.rows[q].label
                ),
                help: Some(format!(
                    "{terms} = {shown}; the schedule's other trailing figures are the sums of their four quarters"
                )),
                span: ttm.span,
                span_text: format!("shows {}, computed {shown}", ttm.display()),
                labels: quarters
                    .iter()
                    .map(|f| Label {
                        span: f.span,
                        text: "a quarter".into(),
                    })
                    .collect(),
            });
        }
        // A quarter every sum it is in misses: the finding is the quarter's,
        // with what the trailing figures make it.
        for (n, q, k, implied, labels) in culprits {
            let Some(quarter) = t.rows[q].figure(k) else {
                continue;
            };
            let shown = format_grouped(implied.midpoint(), quarter.decimals);
            out.findings.push(Finding {
                rule: rule.id.clone(),
                severity: rule.severity,
                message: format!(
                    "\"{}\": shows {} for a quarter, but the {} trailing figures of \"{}\" it is in make it {shown}",
                    t.rows[q].label,
                    quarter.display(),
                    labels.len(),
                    t.rows[n].label
                ),
                help: Some(format!(
                    "each trailing figure less its other three quarters gives {shown}; the sums without this quarter hold"
                )),
                span: quarter.span,
                span_text: format!("shows {}, computed {shown}", quarter.display()),
                labels,
            });
        }
    }
}

/// Does a (lower-cased) label name a period's net additions ("Paid Net
/// Additions", "Net new stores")?
fn says_net_additions(label: &str) -> bool {
    ["net additions", "net adds", "net new "]
        .iter()
        .any(|w| label.contains(w))
}

/// Words of four letters or more that are not the net-additions phrase:
/// what a balance row and its additions row share ("paid", "stores").
fn subject_words(label: &str) -> Vec<&str> {
    label
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 4 && !matches!(*w, "additions" | "adds"))
        .collect()
}

/// Balances rolled forward across a trend schedule: the count at the end
/// of a quarter is the count a quarter before plus the quarter's net
/// additions ("Paid Memberships" and "Paid Net Additions", store counts and
/// net new stores), when the schedule prints consecutive periods side by
/// side. Which row is the balance (a row sharing a word with the additions
/// row) and which way time runs (left to right or right to left) are
/// accepted only when the roll holds between three pairs of columns or
/// more and misses at most one in ten (or one).
fn check_roll_forward(doc: &Document, rule: &Rule, out: &mut Outcome) {
    for (ti, t) in doc.tables.iter().enumerate() {
        let ncols = t.columns.len();
        if ncols < 4 || !crate::budget::spend(t.rows.len() as u64 * ncols as u64 + 1) {
            continue;
        }
        for (n, row) in t.rows.iter().enumerate() {
            let label = row.label.to_lowercase();
            if row.header || !says_net_additions(&label) {
                continue;
            }
            let words = subject_words(&label);
            for (b, balance) in t.rows.iter().enumerate() {
                let other = balance.label.to_lowercase();
                if b == n
                    || balance.header
                    || says_net_additions(&other)
                    || says_growth(&other)
                    || !subject_words(&other).iter().any(|w| words.contains(w))
                {
                    continue;
                }
                for forward in [true, false] {
                    // (column, the column a period earlier)
                    let pairs: Vec<(usize, usize)> = (1..ncols)
                        .map(|c| if forward { (c, c - 1) } else { (c - 1, c) })
                        .filter(|&(c, p)| !t.columns[c].derived && !t.columns[p].derived)
                        .collect();
                    let mut evals = Vec::new();
                    for (c, p) in pairs {
                        let (Some(end), Some(start), Some(adds)) =
                            (balance.figure(c), balance.figure(p), row.figure(c))
                        else {
                            continue;
                        };
                        if end.dash || start.dash || adds.dash || end.unit != Unit::Amount {
                            continue;
                        }
                        let Some(computed) = start.interval().checked_add(adds.interval()) else {
                            continue;
                        };
                        evals.push((c, p, computed, computed.overlaps(&end.interval())));
                    }
                    let holds = evals.iter().filter(|e| e.3).count();
                    if !accepted(holds, evals.len() - holds, evals.len()) {
                        continue;
                    }
                    for (c, p, computed, holds) in evals {
                        let (Some(end), Some(start), Some(adds)) =
                            (balance.figure(c), balance.figure(p), row.figure(c))
                        else {
                            continue;
                        };
                        if holds {
                            out.pass(
                                rule,
                                ti,
                                b,
                                c,
                                [end, start, adds].into_iter().map(|f| f.span),
                            );
                            continue;
                        }
                        let shown = format_grouped(computed.midpoint(), end.decimals);
                        out.findings.push(Finding {
                            rule: rule.id.clone(),
                            severity: rule.severity,
                            message: format!(
                                "\"{}\": shows {}, but {} a period earlier plus \"{}\" {} is {shown}",
                                balance.label,
                                end.display(),
                                start.display(),
                                row.label,
                                adds.display()
                            ),
                            help: Some(format!(
                                "{} + {} = {shown}; the schedule's other periods roll forward this way",
                                start.display(),
                                adds.display()
                            )),
                            span: end.span,
                            span_text: format!("shows {}, computed {shown}", end.display()),
                            labels: vec![
                                Label {
                                    span: start.span,
                                    text: "a period earlier".into(),
                                },
                                Label {
                                    span: adds.span,
                                    text: "net additions".into(),
                                },
                            ],
                        });
                    }
                }
            }
        }
    }
}

/// Is this (lower-cased) label a row of growth rates ("WW shipping costs
/// -- Y/Y growth", "Free Cash Flow % Growth over prior year", "Y/Y %
/// Growth")? Adjusted growth ("excluding F/X", "constant currency") is
/// not the change of any printed pair.
fn says_growth(label: &str) -> bool {
    (label.contains("growth") || label.contains("y/y")) && !says_adjusted(label)
}

/// The amount a growth row is the growth of, by its label: the words before
/// the growth phrase ("WW shipping costs" of "WW shipping costs -- Y/Y
/// growth"), empty when the label is only the phrase ("Y/Y % Growth").
fn growth_base(label: &str) -> &str {
    let cut = [
        "--",
        " – ",
        "% growth",
        "y/y",
        "year-over-year",
        "year over year",
        "growth",
    ]
    .iter()
    .filter_map(|w| label.find(w))
    .min()
    .unwrap_or(label.len());
    label[..cut].trim_matches(|c: char| c.is_whitespace() || c == '-' || c == ',')
}

fn label_key(label: &str) -> String {
    label.trim().trim_end_matches(':').trim().to_lowercase()
}

/// The amount row a row of growth rates belongs to, when it is one: trend
/// schedules print growth under the amount ("Revenue" then "Y/Y % Growth"),
/// name the amount in the growth row's label ("WW shipping costs -- Y/Y
/// growth"), or repeat the amounts' labels in a section of their own ("AS
/// REPORTED REVENUE GROWTH RATES:" then "Cloud services", "Hardware"...).
fn growth_of(t: &Table, p: usize) -> Option<usize> {
    let row = &t.rows[p];
    let label = label_key(&row.label);
    let in_growth_section = || {
        t.rows[..p]
            .iter()
            .rev()
            .find(|r| r.header)
            .is_some_and(|h| says_growth(&label_key(&h.label)))
    };
    let base = if says_growth(&label) {
        growth_base(&label).to_string()
    } else if !says_adjusted(&label) && in_growth_section() {
        label
    } else {
        return None;
    };
    let amounts = |r: &crate::document::Row| {
        r.cells
            .iter()
            .flatten()
            .filter_map(|c| c.figure())
            .any(|f| matches!(f.unit, Unit::Amount | Unit::PerShare) && !f.dash)
    };
    t.rows[..p].iter().rposition(|r| {
        !r.header
            && amounts(r)
            && if base.is_empty() {
                !says_growth(&label_key(&r.label))
            } else {
                label_key(&r.label) == base
            }
    })
}

/// Each column against the column of the same period a year earlier: a
/// growth row of a trend schedule is year over year ("Y/Y"), and only the
/// columns whose year-ago period is printed can be checked.
fn year_ago_pairs(t: &Table) -> Vec<(usize, usize)> {
    let key = |c: usize| {
        let p = &t.columns[c].period;
        let year = p.year()?;
        (p.quarter.is_some() || p.months.is_some()).then_some((year, p.quarter, p.months))
    };
    let mut out = Vec::new();
    for c in 0..t.columns.len() {
        let Some((year, quarter, months)) = key(c) else {
            continue;
        };
        if let Some(prior) =
            (0..t.columns.len()).find(|&q| key(q) == Some((year - 1, quarter, months)))
        {
            out.push((c, prior));
        }
    }
    out
}

/// Rows of year-over-year growth rates in trend schedules, checked against
/// their amount row: the growth in a column is the change from the column
/// a year earlier. A pair of columns that misses on more rows than it holds
/// is dropped (a heading read wrongly: "Q4 | TOTAL" over a year-to-date
/// column); the rest of the table must hold on three rows or more and miss
/// on at most one in ten (or one) before a miss is reported.
fn check_growth_rows(doc: &Document, rule: &Rule, out: &mut Outcome) {
    for (ti, t) in doc.tables.iter().enumerate() {
        if !crate::budget::spend(t.rows.len() as u64 * 2 + 1) {
            return;
        }
        let growth: Vec<(usize, usize)> = (0..t.rows.len())
            .filter(|&p| {
                !t.rows[p].header
                    && t.rows[p]
                        .cells
                        .iter()
                        .flatten()
                        .filter_map(|c| c.figure())
                        .any(|f| f.unit == Unit::Percent)
            })
            .filter_map(|p| Some((p, growth_of(t, p)?)))
            .collect();
        if growth.is_empty() {
            continue;
        }
        // (growth row, amount row, column, year-ago column, computed, holds)
        let mut evals: Vec<(usize, usize, usize, usize, Interval, bool)> = Vec::new();
        for (c, prior) in year_ago_pairs(t) {
            let mut these = Vec::new();
            for &(p, a) in &growth {
                let (Some(v), Some(x), Some(y)) = (
                    t.rows[p].figure(c),
                    t.rows[a].figure(c),
                    t.rows[a].figure(prior),
                ) else {
                    continue;
                };
                if v.dash
                    || x.dash
                    || y.dash
                    || v.unit != Unit::Percent
                    || x.unit == Unit::Percent
                    || small_base(y)
                {
                    continue;
                }
                let Some(computed) = relative_change(x, y) else {
                    continue;
                };
                let holds = gap(&computed, &v.interval()) <= Decimal::ONE;
                these.push((p, a, c, prior, computed, holds));
            }
            let holds = these.iter().filter(|e| e.5).count();
            if holds > 0 && these.len() - holds <= holds {
                evals.extend(these);
            }
        }
        let holds = evals.iter().filter(|e| e.5).count();
        if !accepted(holds, evals.len() - holds, evals.len()) {
            continue;
        }
        for (p, a, c, prior, computed, holds) in evals {
            let (Some(v), Some(x), Some(y)) = (
                t.rows[p].figure(c),
                t.rows[a].figure(c),
                t.rows[a].figure(prior),
            ) else {
                continue;
            };
            if holds {
                out.pass(rule, ti, p, c, [v.span, x.span, y.span]);
                continue;
            }
            let shown = format!("{}%", format_grouped(computed.midpoint(), 1));
            out.findings.push(Finding {
                rule: rule.id.clone(),
                severity: rule.severity,
                message: format!(
                    "\"{}\": the growth row shows {}, but \"{}\" {} against {} a year earlier is {shown}",
                    t.rows[p].label,
                    v.display(),
                    t.rows[a].label,
                    x.display(),
                    y.display()
                ),
                help: Some(format!(
                    "({} - {}) / {} = {shown}; the table's other growth rows agree with their amounts a year apart",
                    x.display(),
                    y.display(),
                    y.display()
                )),
                span: v.span,
                span_text: format!("shows {}, computed {shown}", v.display()),
                labels: vec![
                    Label {
                        span: x.span,
                        text: "current".into(),
                    },
                    Label {
                        span: y.span,
                        text: "a year earlier".into(),
                    },
                ],
            });
        }
    }
}

/// Rows of periods above a change row that are paired (see
/// `check_change_rows`).
const MAX_PERIOD_ROWS: usize = 6;

/// The year a row's label opens with ("2023 As Reported (GAAP)"): a
/// table laid out with periods as rows and measures as columns.
fn row_year(label: &str) -> Option<i32> {
    let head = label.trim_start().get(..4)?;
    let year: i32 = head.parse().ok()?;
    let next = label.trim_start()[4..].chars().next();
    ((1950..=2050).contains(&year) && next.is_none_or(|c| !c.is_ascii_alphanumeric()))
        .then_some(year)
}

/// Does a (lower-cased) label name a change between periods ("Percentage
/// Change Y/Y (GAAP)", "% change")? Adjusted changes ("Constant Currency")
/// are no printed pair's.
fn says_change(label: &str) -> bool {
    (label.contains("change") || label.contains("growth") || label.contains("y/y"))
        && !says_adjusted(label)
}

/// One pair of period rows tried for one change row.
struct RowPair {
    table: usize,
    row: usize,
    cur: usize,
    prior: usize,
    /// (column, computed change, holds)
    evals: Vec<(usize, Interval, bool)>,
    holds: usize,
    misses: usize,
}

/// Rows of changes in a table whose rows are periods ("2023 As Reported
/// (GAAP)", "2024 As Reported (GAAP)", "Percentage Change Y/Y (GAAP)",
/// each column a measure): the change row equals, column by column, the
/// change from a row of one year to a row of the year before. Which two
/// rows is not written ("As Reported" or "As Adjusted"): each pair a year
/// apart above the change row is tried, and the one that holds in the most
/// columns, three at least, with at most one miss in ten (or one), is the
/// row's formula. The same three labels elsewhere in the document (the
/// quarter's table and the year's, the segments') are the same formula:
/// their columns are pooled, so a table of three columns with one wrong
/// figure is still judged.
fn check_change_rows(doc: &Document, rule: &Rule, out: &mut Outcome) {
    let mut tried: Vec<RowPair> = Vec::new();
    for (ti, t) in doc.tables.iter().enumerate() {
        let years: Vec<Option<i32>> = t
            .rows
            .iter()
            .map(|r| if r.header { None } else { row_year(&r.label) })
            .collect();
        if years.iter().flatten().count() < 2 {
            continue;
        }
        for (p, row) in t.rows.iter().enumerate() {
            if row.header || years[p].is_some() || !says_change(&row.label.to_lowercase()) {
                continue;
            }
            // The nearest rows of periods above: a table of periods as rows
            // shows a few (reported and adjusted, two years), and the pairs
            // stay bounded whatever the table's length.
            let near: Vec<usize> = (0..p)
                .rev()
                .filter(|&r| years[r].is_some())
                .take(MAX_PERIOD_ROWS)
                .collect();
            if !crate::budget::spend((near.len() * near.len() * t.columns.len()) as u64 + 1) {
                return;
            }
            for &cur in &near {
                for &prior in &near {
                    let (Some(y), Some(y0)) = (years[cur], years[prior]) else {
                        continue;
                    };
                    if y != y0 + 1 {
                        continue;
                    }
                    let mut evals = Vec::new();
                    let mut holds = 0;
                    for c in 0..t.columns.len() {
                        let (Some(v), Some(a), Some(b)) = (
                            row.figure(c),
                            t.rows[cur].figure(c),
                            t.rows[prior].figure(c),
                        ) else {
                            continue;
                        };
                        if v.dash
                            || a.dash
                            || b.dash
                            || v.unit != Unit::Percent
                            || a.unit == Unit::Percent
                            || b.unit == Unit::Percent
                        {
                            continue;
                        }
                        let Some(computed) = relative_change(a, b) else {
                            continue;
                        };
                        let ok = gap(&computed, &v.interval()) <= Decimal::ONE;
                        holds += usize::from(ok && !small_base(b));
                        evals.push((c, computed, ok));
                    }
                    let misses = evals.iter().filter(|e| !e.2).count();
                    if holds > 0 {
                        tried.push(RowPair {
                            table: ti,
                            row: p,
                            cur,
                            prior,
                            evals,
                            holds,
                            misses,
                        });
                    }
                }
            }
        }
    }
    let key = |x: &RowPair| {
        let t = &doc.tables[x.table];
        [x.row, x.cur, x.prior].map(|r| label_key(&t.rows[r].label))
    };
    let mut pooled: crate::fxhash::FxHashMap<[String; 3], (usize, usize, usize)> =
        Default::default();
    for x in &tried {
        let e = pooled.entry(key(x)).or_default();
        e.0 += x.holds;
        e.1 += x.misses;
        e.2 += 1;
    }
    // The best accepted pair of each change row, in document order.
    let mut best: Vec<RowPair> = Vec::new();
    for x in tried {
        let own = accepted(x.holds, x.misses, x.holds + x.misses);
        let twins = x.misses <= 1
            && pooled
                .get(&key(&x))
                .is_some_and(|&(h, m, n)| n > 1 && accepted(h, m, h + m));
        if !(own || twins) {
            continue;
        }
        match best.last_mut() {
            Some(b) if b.table == x.table && b.row == x.row => {
                if (x.holds, std::cmp::Reverse(x.misses)) > (b.holds, std::cmp::Reverse(b.misses)) {
                    *b = x;
                }
            }
            _ => best.push(x),
        }
    }
    for x in best {
        let t = &doc.tables[x.table];
        let row = &t.rows[x.row];
        let (cur, prior) = (x.cur, x.prior);
        for (c, computed, holds) in x.evals {
            let (Some(v), Some(a), Some(b)) = (
                row.figure(c),
                t.rows[cur].figure(c),
                t.rows[prior].figure(c),
            ) else {
                continue;
            };
            if holds {
                out.pass(
                    rule,
                    x.table,
                    x.row,
                    c,
                    [v, a, b].into_iter().map(|f| f.span),
                );
                continue;
            }
            let shown = format!("{}%", format_grouped(computed.midpoint(), 1));
            out.findings.push(Finding {
                rule: rule.id.clone(),
                severity: rule.severity,
                message: format!(
                    "\"{}\": shows {}, but \"{}\" {} against \"{}\" {} is {shown}",
                    row.label,
                    v.display(),
                    t.rows[cur].label,
                    a.display(),
                    t.rows[prior].label,
                    b.display()
                ),
                help: Some(format!(
                    "({} - {}) / {} = {shown}; the row's other columns agree with these two rows",
                    a.display(),
                    b.display(),
                    b.display()
                )),
                span: v.span,
                span_text: format!("shows {}, computed {shown}", v.display()),
                labels: vec![
                    Label {
                        span: a.span,
                        text: "current".into(),
                    },
                    Label {
                        span: b.span,
                        text: "a year earlier".into(),
                    },
                ],
            });
        }
    }
}

/// One formula tried on one derived column.
struct Trial {
    table: usize,
    column: usize,
    cur: usize,
    prior: usize,
    how: How,
    evals: Vec<RowEval>,
    holds: usize,
    misses: usize,
}

type PoolKey = (Vec<(String, bool)>, (isize, isize), bool);

/// The table's layout (headings, derived columns), where the compared
/// columns are from the change column, and the kind of change. The
/// positions keep apart the pairs tried on one column: evidence for one
/// pair is no evidence for another.
fn pool_key(doc: &Document, x: &Trial) -> PoolKey {
    let t = &doc.tables[x.table];
    let from = |c: usize| c as isize - x.column as isize;
    (
        t.columns
            .iter()
            .map(|c| (c.header.trim().to_lowercase(), c.derived))
            .collect(),
        (from(x.cur), from(x.prior)),
        x.how == How::Relative,
    )
}

fn accepted(holds: usize, misses: usize, n: usize) -> bool {
    holds >= 3 && misses <= (n / 10).max(1)
}

fn looks_derived(t: &Table, d: usize) -> bool {
    t.columns[d].derived
}

/// The two period columns right before `d`.
fn base_columns(t: &Table, d: usize) -> Option<(usize, usize)> {
    // Only the derived column right after the pair is the reported change;
    // the ones after it ("operational", "currency impact") measure
    // something else.
    if d < 2 || looks_derived(t, d - 1) || looks_derived(t, d - 2) {
        return None;
    }
    Some((d - 2, d - 1))
}

fn evaluate(t: &Table, d: usize, cur: usize, prior: usize, how: How) -> Vec<RowEval> {
    let mut out = Vec::new();
    for (i, r) in t.rows.iter().enumerate() {
        let (Some(a), Some(b), Some(v)) = (r.figure(cur), r.figure(prior), r.figure(d)) else {
            continue;
        };
        if a.dash || b.dash || v.dash {
            continue;
        }
        let computed = match how {
            How::Absolute => {
                if a.unit == Unit::Percent || v.unit == Unit::Percent {
                    continue;
                }
                a.interval().checked_sub(b.interval())
            }
            How::Relative => {
                if a.unit == Unit::Percent && b.unit == Unit::Percent {
                    // Margins change by percentage points.
                    a.interval().checked_sub(b.interval())
                } else if a.unit == Unit::Percent || b.unit == Unit::Percent {
                    continue;
                } else {
                    relative_change(a, b)
                }
            }
        };
        let Some(computed) = computed else { continue };
        let weak = how == How::Relative && a.unit != Unit::Percent && small_base(b);
        // Releases compute percentages from unrounded amounts ("may not
        // recalculate precisely"), so a percentage is wrong only when it is a
        // full point outside what the displayed amounts allow.
        let slack = if how == How::Absolute {
            Decimal::ZERO
        } else {
            Decimal::ONE
        };
        out.push(RowEval {
            row: i,
            holds: gap(&computed, &v.interval()) <= slack,
            computed,
            weak,
        });
    }
    out
}

/// How far apart two intervals are (zero when they overlap).
fn gap(computed: &Interval, shown: &Interval) -> Decimal {
    if computed.overlaps(shown) {
        Decimal::ZERO
    } else if computed.hi < shown.lo {
        shown.lo - computed.hi
    } else {
        computed.lo - shown.hi
    }
}

/// Is a base under 100 display units ("54 against 57")? Rounding makes
/// the percentage over it wide: it holds for almost any column, so it
/// confirms no formula, though it can still be checked once one is
/// confirmed.
fn small_base(b: &Figure) -> bool {
    b.value.abs() < Decimal::new(100, b.decimals)
}

/// (a − b) / b × 100 for two amounts, `None` when the percentage means
/// nothing: amounts of opposite signs, or a base whose interval holds
/// zero. Over a base under 100 display units each amount is read one unit
/// wider than its rounding: issuers plug rounded line items so that their
/// totals foot ("9" printed for 10.2 beside a "1.2%" change), and over a
/// small base that unit moves the percentage by more than the point of
/// slack a percentage is allowed.
fn relative_change(a: &Figure, b: &Figure) -> Option<Interval> {
    let widen = |f: &Figure| {
        let i = f.interval();
        if small_base(b) {
            let unit = Decimal::new(1, f.decimals);
            Interval::new(i.lo - unit, i.hi + unit)
        } else {
            i
        }
    };
    let (a, b) = if a.value < Decimal::ZERO && b.value < Decimal::ZERO {
        // Two negative amounts ("Interest expense (866) against (888)")
        // change by the change in their size: the column reads "(3)%", the
        // expense fell.
        (widen(a).negated(), widen(b).negated())
    } else if b.value < Decimal::ZERO {
        // From a loss to a profit: no percentage means much.
        return None;
    } else {
        (widen(a), widen(b))
    };
    // From a profit to a loss the change is taken over the base's size:
    // "$(0.66) against $1.98" is "down 133%".
    a.checked_sub(b)?
        .checked_div(b)?
        .scale(Decimal::ONE_HUNDRED)
}

/// For a column headed "Y/Y" ("year over year") in a trend schedule of
/// consecutive quarters, the latest quarter and the same quarter a year
/// before it: such schedules print five or more quarters and compare only
/// the last with its year-ago quarter. A header that names an adjustment
/// ("constant currency", "excluding F/X", "organic") measures something else.
fn year_ago_columns(t: &Table, d: usize) -> Option<(usize, usize)> {
    if !says_period_change(t, d, &["y/y", "yoy", "year over year", "year-over-year"]) {
        return None;
    }
    let quarter_of = |c: usize| {
        let col = &t.columns[c];
        if col.derived {
            return None;
        }
        Some(col.period.year? * 4 + i32::from(col.period.quarter?))
    };
    let periods: Vec<(usize, i32)> = (0..d)
        .filter_map(|c| quarter_of(c).map(|q| (c, q)))
        .collect();
    let &(latest, q) = periods.iter().max_by_key(|(_, q)| *q)?;
    let &(prior, _) = periods.iter().find(|(_, p)| *p == q - 4)?;
    Some((latest, prior))
}

/// For a change column that does not follow its two period columns, each
/// period column before it against each column of the same length a year
/// earlier. Statements print "2024 | % of Revenues | 2023 | % of Revenues |
/// % Change", and reconciliations "2024 GAAP | Adj. | Non-GAAP | 2023 GAAP |
/// Adj. | Non-GAAP | % Change GAAP | % Change Non-GAAP": what a change
/// compares is the same period a year apart, with other columns between.
/// The rows decide which pair it is (the best accepted one is kept).
fn year_apart_columns(t: &Table, d: usize) -> Vec<(usize, usize)> {
    if says_adjusted(&t.columns[d].header.to_lowercase()) {
        return Vec::new();
    }
    // Thirteen weeks are a quarter, fifty-two a year: a length in weeks is
    // compared as months.
    let dated = |c: usize| {
        let col = &t.columns[c];
        if col.derived {
            return None;
        }
        let p = &col.period;
        Some((p.year()?, p.months.or(p.weeks.map(|w| w / 4))))
    };
    let periods: Vec<(usize, (i32, Option<u8>))> =
        (0..d).filter_map(|c| dated(c).map(|x| (c, x))).collect();
    let mut out = Vec::new();
    for &(cur, (year, length)) in &periods {
        for &(prior, (prior_year, prior_length)) in &periods {
            if prior_year + 1 == year && prior_length == length {
                out.push((cur, prior));
            }
        }
    }
    out
}

/// Does the header of derived column `d` say it compares periods in one of
/// the ways of `words` ("Y/Y", "Q/Q"), with no adjustment ("constant
/// currency", "excluding F/X", "organic": those measure something else)?
fn says_period_change(t: &Table, d: usize, words: &[&str]) -> bool {
    let header = t.columns[d].header.to_lowercase();
    !says_adjusted(&header) && words.iter().any(|w| header.contains(w))
}

/// Does a (lower-cased) header name an adjusted change ("constant
/// currency", "excluding F/X", "organic", "operational" or "Oper."), which no pair of
/// printed amounts gives?
fn says_adjusted(header: &str) -> bool {
    [
        "currency",
        "f/x",
        "fx",
        "organic",
        "operational",
        "oper.",
        "excluding",
        "less ",
        "core",
    ]
    .iter()
    .any(|w| header.contains(w))
}

/// For a "Y/Y" or "Q/Q" column beside other derived columns (a summary
/// laid out "Q4 | Q3 | Q4 prior year | Q/Q | Y/Y", fiscal years often
/// unparsed), the first period column, the current one, against each other
/// period column: the header says a change is shown, the rows say which.
fn current_against_each(t: &Table, d: usize) -> Vec<(usize, usize)> {
    if !says_period_change(t, d, &["y/y", "q/q", "yoy", "qoq"]) {
        return Vec::new();
    }
    let periods: Vec<usize> = (0..d).filter(|&c| !t.columns[c].derived).collect();
    let Some((&first, rest)) = periods.split_first() else {
        return Vec::new();
    };
    rest.iter().map(|&c| (first, c)).collect()
}

fn trials_of(ti: usize, t: &Table, d: usize) -> Vec<Trial> {
    // A "Y/Y" column of a trend schedule compares the year-ago quarter, not
    // the quarter beside it: both pairs are tried, the better one kept.
    let mut pairs: Vec<(usize, usize)> = [base_columns(t, d), year_ago_columns(t, d)]
        .into_iter()
        .flatten()
        .flat_map(|(left, right)| [(left, right), (right, left)])
        .collect();
    pairs.extend(current_against_each(t, d));
    for pair in year_apart_columns(t, d) {
        if !pairs.contains(&pair) {
            pairs.push(pair);
        }
    }
    let mut out = Vec::new();
    for (cur, prior) in pairs {
        for how in [How::Relative, How::Absolute] {
            let evals = evaluate(t, d, cur, prior, how);
            let holds = evals.iter().filter(|e| e.holds && !e.weak).count();
            let misses = evals.iter().filter(|e| !e.holds).count();
            if holds == 0 {
                continue;
            }
            out.push(Trial {
                table: ti,
                column: d,
                cur,
                prior,
                how,
                evals,
                holds,
                misses,
            });
        }
    }
    out
}

fn report(x: Trial, doc: &Document, rule: &Rule, out: &mut Outcome) {
    let Trial {
        table: ti,
        column: d,
        cur,
        prior,
        how,
        evals,
        ..
    } = x;
    let t = &doc.tables[ti];
    for e in evals {
        let r = &t.rows[e.row];
        let (Some(a), Some(b), Some(v)) = (r.figure(cur), r.figure(prior), r.figure(d)) else {
            continue;
        };
        if e.holds {
            out.pass(rule, ti, e.row, d, [v.span, a.span, b.span]);
            continue;
        }
        let mid = e.computed.midpoint();
        let (what, computed) = match how {
            How::Relative if a.unit == Unit::Percent => {
                ("change in points", format_grouped(mid, 1))
            }
            How::Relative => ("change", format!("{}%", format_grouped(mid, 1))),
            How::Absolute => ("difference", format_grouped(mid, a.decimals)),
        };
        let label = if r.label.is_empty() {
            "this row"
        } else {
            &r.label
        };
        out.findings.push(Finding {
            rule: rule.id.clone(),
            severity: rule.severity,
            message: format!(
                "\"{label}\": the {what} column shows {}, but {} against {} is {computed}",
                v.display(),
                a.display(),
                b.display()
            ),
            help: Some(match how {
                How::Relative if a.unit != Unit::Percent => format!(
                    "({} - {}) / {} = {computed}; the column's other rows agree with this formula",
                    a.display(),
                    b.display(),
                    b.display()
                ),
                _ => format!(
                    "{} - {} = {computed}; the column's other rows agree with this formula",
                    a.display(),
                    b.display()
                ),
            }),
            span: v.span,
            span_text: format!("shows {}, computed {computed}", v.display()),
            labels: vec![
                Label {
                    span: a.span,
                    text: "current".into(),
                },
                Label {
                    span: b.span,
                    text: "compared with".into(),
                },
            ],
        });
    }
}

#[cfg(test)]
mod tests {

    fn findings(text: &str) -> Vec<crate::check::Finding> {
        crate::check::findings_of("change-column", text)
    }

    const TABLE: &str = "\
(in millions)
                       2023       2022     % Change
Revenues             12,734     27,742         (54)
Cost of sales         3,237      8,648         (63)
Research              2,648      2,815          (6)
Selling               3,497      3,048           15
Gross margin          74.6%      68.8%          5.8
";

    #[test]
    fn a_consistent_change_column_passes() {
        assert!(findings(TABLE).is_empty(), "{:#?}", findings(TABLE));
    }

    #[test]
    fn a_wrong_percentage_is_found() {
        let bad = TABLE.replace("(63)", "(36)");
        let f = findings(&bad);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("Cost of sales"));
        assert!(f[0].message.contains("-62.6%"), "{}", f[0].message);
    }

    #[test]
    fn a_wrong_amount_is_found_through_its_percentage() {
        let bad = TABLE.replace("2,648", "2,948");
        assert_eq!(findings(&bad).len(), 1);
    }

    // Quarter and year to date side by side, two rows each that can be
    // checked: neither change column confirms its formula alone.
    const TWO_GROUPS: &str = "\
(in millions)
                   Second Quarter               Six Months
                  2023     2022  % Change     2023     2022  % Change
Cost of sales    3,237    8,648      (63)    8,122   18,632      (56)
Selling          3,497    3,048        15    6,914    5,642        23
Research         2,648    2,815        (6)   5,153    5,116         1
";

    #[test]
    fn change_columns_of_one_layout_confirm_each_other() {
        assert!(
            findings(TWO_GROUPS).is_empty(),
            "{:#?}",
            findings(TWO_GROUPS)
        );
        let bad = TWO_GROUPS.replace("  15 ", "  17 ");
        let f = findings(&bad);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("Selling"), "{}", f[0].message);
    }

    /// Product lines under 100 (in millions) beside larger ones: the
    /// larger rows confirm the formula, the small ones are checked by it.
    const SMALL_BASES: &str = "\
(in millions)
                       2023       2022    % Change
Alpha                 1,247      1,320         (6%)
Beta                    305        290           5%
Gamma                   262        274         (4%)
Delta                    80         79           1%
Epsilon                  56         64        (12%)
Zeta                      9         10           1%
";

    #[test]
    fn small_bases_are_checked_once_larger_rows_confirm_the_formula() {
        // "9 against 10" shown as 1%: the issuer plugged a rounded line
        // item, one unit off; that is no finding.
        assert!(
            findings(SMALL_BASES).is_empty(),
            "{:#?}",
            findings(SMALL_BASES)
        );
        let bad = SMALL_BASES.replace("(12%)", "(42%)");
        let f = findings(&bad);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("Epsilon"), "{}", f[0].message);
        // Small bases alone confirm nothing: any column fits them.
        let only_small = "\
                       2023       2022    % Change
Delta                    80         79          41%
Epsilon                  56         64         (2%)
Zeta                      9         10           1%
Eta                      31         29          16%
";
        assert!(
            findings(only_small).is_empty(),
            "{:#?}",
            findings(only_small)
        );
    }

    /// A summary with its comparisons in words: percentages for amounts,
    /// points for margins, a fall from a profit to a loss over the size of
    /// the profit.
    const IN_WORDS: &str = "\
                                 GAAP                                    Non-GAAP
                      Q1 2026    Q1 2025      vs. Q1 2025      Q1 2026    Q1 2025      vs. Q1 2025
Revenue ($B)            $12.4      $15.9         down 22%        $12.4^     $15.2         down 18%
Gross margin            41.3%      48.2%     down 6.9 ppts        44.0%      51.6%     down 7.6 ppts
R&D and SG&A ($B)        $5.1       $4.8            up 6%         $4.6       $4.5            up 2%
Operating margin        (3.5)%      12.4%    down 15.9 ppts        6.0%      17.9%    down 11.9 ppts
Tax rate                 12.0%      12.0%             flat         13.0%      11.0%       up 2 ppts
Net income ($B)         $(0.4)      $1.9         down 121%         $0.8       $2.3         down 65%
";

    #[test]
    fn changes_in_words_are_checked() {
        assert!(findings(IN_WORDS).is_empty(), "{:#?}", findings(IN_WORDS));
        let f = findings(&IN_WORDS.replace("down 22%", "down 52%"));
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("Revenue"), "{}", f[0].message);
        let f = findings(&IN_WORDS.replace("down 7.6 ppts", "down 1.6 ppts"));
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("Gross margin"), "{}", f[0].message);
        // A wrong amount shows through its change.
        let f = findings(&IN_WORDS.replace("$1.9 ", "$4.9 "));
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("Net income"), "{}", f[0].message);
    }

    /// Periods as rows, measures as columns: the change rows compare a
    /// row of one year with a row of the year before, which ones the
    /// columns tell.
    const PERIOD_ROWS: &str = "\
Financial Performance Reconciliation
($ in millions, except per share amounts)     Revenue    Operating Income    Net Income    Diluted EPS
2025 As Reported (GAAP)                        52,747              20,399        16,425          2.20
2025 As Adjusted (non-GAAP)                    52,747              21,570        17,371          2.32
2026 As Reported (GAAP)                        62,020              27,032        21,870          2.93
Percentage Change Y/Y (GAAP)                      18%                 33%           33%           33%
Percentage Change Y/Y (non-GAAP)                  18%                 25%           26%           26%
Constant Currency Impact                          756                 565           510          0.07
Percentage Change Y/Y Constant Currency           16%                 30%           30%           30%
";

    #[test]
    fn change_rows_compare_period_rows_a_year_apart() {
        assert!(
            findings(PERIOD_ROWS).is_empty(),
            "{:#?}",
            findings(PERIOD_ROWS)
        );
        let f = findings(&PERIOD_ROWS.replace("25%           26%", "28%           26%"));
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("(non-GAAP)"), "{}", f[0].message);
        assert!(f[0].message.contains("As Adjusted"), "{}", f[0].message);
        // A wrong amount shows through the change rows over it.
        let f = findings(&PERIOD_ROWS.replace("21,870", "24,870"));
        assert_eq!(f.len(), 2, "{f:#?}");
    }

    #[test]
    fn a_column_that_fits_no_formula_is_left_alone() {
        // "% of sales" is not a change: no hypothesis holds, nothing is said.
        let t = "\
                       2023       2022    % of Sales
Revenues             12,734     27,742        100.0
Cost of sales         3,237      8,648         25.4
Research              2,648      2,815         20.8
Selling               3,497      3,048         27.5
";
        assert!(findings(t).is_empty());
    }

    /// A trend schedule: five quarters, and the last compared with the
    /// same quarter a year before in a "Y/Y" column.
    const TREND: &str = "\
(in millions)
                   Q2 2023    Q3 2023    Q4 2023    Q1 2024    Q2 2024    Y/Y % Change
Net sales           82,546     87,887    105,514     86,341     90,033              9%
Operating income     3,211      4,307      6,461      4,983      5,065             58%
Net sales -- TTM   331,633    340,677    352,828    362,288    369,775             12%
Fulfillment         21,245     22,314     26,095     22,317     23,566             11%
";

    #[test]
    fn a_year_on_year_column_compares_the_year_ago_quarter() {
        assert!(findings(TREND).is_empty(), "{:#?}", findings(TREND));
        let bad = TREND.replace("5,065", "5,965");
        let f = findings(&bad);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(
            f[0].message.contains("Operating income"),
            "{}",
            f[0].message
        );
        let bad = TREND.replace("331,633", "313,633");
        assert_eq!(findings(&bad).len(), 1);
    }

    /// A statement with "% of Revenues" beside each period: the change
    /// compares the two periods, not the columns right before it.
    const WITH_SHARES: &str = "\
($ in millions)
                              Three Months Ended November 30,
                              2024    % of Revenues      2023    % of Revenues    % Change
Cloud services               10,806         77%          9,639         74%           12%
License                       1,195          9%          1,178          9%            1%
Hardware                        728          5%            756          6%           (4)%
Services                      1,330          9%          1,368         11%           (3)%
Total revenues               14,059        100%         12,941        100%            9%
Interest expense               (866)        (6)%          (888)        (7)%           (3)%
";

    #[test]
    fn a_change_beside_shares_of_revenue_compares_the_year_apart_periods() {
        assert!(
            findings(WITH_SHARES).is_empty(),
            "{:#?}",
            findings(WITH_SHARES)
        );
        let bad = WITH_SHARES.replace("  12%", "  17%");
        let f = findings(&bad);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("Cloud services"), "{}", f[0].message);
        // Two negative amounts change by the change in their size.
        let bad = WITH_SHARES.replace("(7)%           (3)%", "(7)%           (8)%");
        let f = findings(&bad);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(
            f[0].message.contains("Interest expense"),
            "{}",
            f[0].message
        );
    }

    #[test]
    fn a_constant_currency_change_is_left_alone() {
        let t = WITH_SHARES.replace("% Change", "% Change in Constant Currency");
        let bad = t.replace("  12%", "  17%");
        assert!(findings(&bad).is_empty(), "{:#?}", findings(&bad));
    }

    /// A reconciliation: GAAP, adjustments and non-GAAP for each year, then
    /// the change of each measure.
    #[test]
    fn a_reconciliation_change_compares_the_same_measure_a_year_apart() {
        let t = "\
($ in millions)
                                 Three Months Ended November 30,
                   2024     2024      2024     2023     2023      2023   % Change  % Change
                   GAAP     Adj.  Non-GAAP     GAAP     Adj.  Non-GAAP       GAAP  Non-GAAP
Revenues         14,059        -    14,059   12,941        -    12,941         9%        9%
Expenses          9,839  (1,876)     7,963    9,319  (1,914)     7,405         6%        8%
Operating income  4,220    1,876     6,096    3,622    1,914     5,536        17%       10%
Net income        3,151    1,056     4,207    2,503    1,259     3,762        26%       12%
";
        assert!(findings(t).is_empty(), "{:#?}", findings(t));
        let bad = t.replace("  10%", "  16%");
        let f = findings(&bad);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(
            f[0].message.contains("Operating income"),
            "{}",
            f[0].message
        );
    }

    /// A trend schedule with growth rows: a section repeating the amounts'
    /// labels, and a row naming its amount.
    const GROWTH_ROWS: &str = "\
Supplemental analysis of revenues
($ in millions)                     Q1 2023    Q2 2023    Q3 2023    Q4 2023    Q1 2024    Q2 2024
Cloud services                        4,635      4,775      5,054      5,311      5,623      5,937
License support                       4,912      4,864      4,909      4,923      4,896      4,869
Hardware                                714        756        754        842        655        728
Total revenues                       10,261     10,395     10,717     11,076     11,174     11,534
AS REPORTED REVENUE GROWTH RATES:
Cloud services                          30%        25%        25%        20%        21%        24%
License support                          2%         2%         1%         0%         0%         0%
Hardware                               (6)%      (11)%       (7)%       (1)%       (8)%       (4)%
Total revenues                           9%         5%         7%         3%         9%        11%
WW shipping costs                    19,937     20,418     21,799     27,326     21,834     22,000
WW shipping costs -- Y/Y growth          2%         6%         9%        11%        10%         8%
";

    /// A trend schedule with rows of trailing twelve months under the
    /// quarters they sum (Amazon's supplemental metrics).
    const TRAILING: &str = "\
Supplemental Financial Information and Business Metrics
(in millions)                       Q3 2022    Q4 2022    Q1 2023    Q2 2023    Q3 2023    Q4 2023
Worldwide (WW) net sales            127,101    149,204    127,358    134,383    143,083    169,961
WW net sales -- TTM                 502,191    513,983    524,897    538,046    554,028    574,785
WW net sales -- TTM Y/Y growth          12%        13%        13%        13%        12%        12%
Operating income                      2,525      2,737      4,774      7,681     11,188     13,209
Operating income -- TTM              12,971     12,248     13,353     17,717     26,380     36,852
Net income                            2,872        278      3,172      6,750      9,879     10,624
Net income (loss) -- TTM             11,323     (2,722)     4,294     13,072     20,079     30,425
";

    #[test]
    fn a_trailing_row_sums_its_last_four_quarters() {
        assert!(findings(TRAILING).is_empty(), "{:#?}", findings(TRAILING));
        // A quarter changed: the sums it is in miss, and the one that holds
        // without it names it; one finding, on the quarter.
        let f = findings(&TRAILING.replace("  2,737", "  2,937"));
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(
            f[0].message.contains("shows 2,937 for a quarter"),
            "{}",
            f[0].message
        );
        assert!(
            f[0].help.as_deref().unwrap_or("").contains("2,737"),
            "{f:#?}"
        );
        assert_eq!(f[0].labels.len(), 2);
        // The sums disagree on what the quarter would be: each is reported.
        let f = findings(
            &TRAILING
                .replace("  2,737", "  2,937")
                .replace("26,380", "26,880"),
        );
        assert_eq!(f.len(), 2, "{f:#?}");
        assert!(
            f.iter()
                .all(|f| f.message.contains("Operating income -- TTM")),
            "{f:#?}"
        );
        // Two quarters are in all three sums: which one is wrong is not
        // known, and each sum is reported with its quarters.
        let f = findings(&TRAILING.replace("  7,681", "  7,881"));
        assert_eq!(f.len(), 3, "{f:#?}");
        assert!(
            f[0].message.contains("Operating income -- TTM"),
            "{}",
            f[0].message
        );
        // The first quarter is in one sum only: that sum's finding.
        let f = findings(&TRAILING.replace("127,101", "127,701"));
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(
            f[0].message.contains("WW net sales -- TTM"),
            "{}",
            f[0].message
        );
        assert_eq!(f[0].labels.len(), 4);
        // A trailing figure changed: one finding, on it.
        let f = findings(&TRAILING.replace("30,425", "30,452"));
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("shows 30,452"), "{}", f[0].message);
    }

    #[test]
    fn a_growth_row_compares_its_amount_a_year_apart() {
        assert!(
            findings(GROWTH_ROWS).is_empty(),
            "{:#?}",
            findings(GROWTH_ROWS)
        );
        let f = findings(&GROWTH_ROWS.replace("       24%", "       29%"));
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("Cloud services"), "{}", f[0].message);
        let f = findings(&GROWTH_ROWS.replace("        10%", "        16%"));
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("shipping"), "{}", f[0].message);
    }

    #[test]
    fn growth_at_constant_currency_is_left_alone() {
        let t = GROWTH_ROWS
            .replace("AS REPORTED", "CONSTANT CURRENCY")
            .replace("-- Y/Y growth", "-- Y/Y growth, excluding F/X");
        let bad = t
            .replace("       24%", "       29%")
            .replace("        10%", "        16%");
        assert!(findings(&bad).is_empty(), "{:#?}", findings(&bad));
    }

    /// A balance and its net additions, quarter by quarter.
    const ROLL_FORWARD: &str = "\
Streaming
(in millions)                  Q2 2023    Q3 2023    Q4 2023    Q1 2024    Q2 2024
Paid Memberships                 74.30      74.40      75.57      77.32      80.13
Paid Net Additions                0.91       0.10       1.17       1.75       2.81
Average Revenue per Membership   16.00      16.29      16.64      17.30      17.17
";

    #[test]
    fn a_balance_rolls_forward_by_its_net_additions() {
        assert!(
            findings(ROLL_FORWARD).is_empty(),
            "{:#?}",
            findings(ROLL_FORWARD)
        );
        let f = findings(&ROLL_FORWARD.replace("  1.17 ", "  1.71 "));
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(
            f[0].message.contains("Paid Memberships"),
            "{}",
            f[0].message
        );
        // Rows that share no word are not a balance and its additions.
        let t = ROLL_FORWARD
            .replace("Paid Memberships", "Members at end   ")
            .replace("  1.17 ", "  1.71 ");
        assert!(findings(&t).is_empty(), "{:#?}", findings(&t));
    }

    #[test]
    fn quarter_and_year_changes_compare_the_current_quarter() {
        let t = "\
($ in millions)        Q4 FY25    Q3 FY25    Q4 FY24     Q/Q     Y/Y
Revenue                 39,331     35,082     22,103     12%     78%
Operating expenses       4,689      4,287      3,176      9%     48%
Operating income        24,034     21,869     13,615     10%     77%
Net income              22,091     19,309     12,285     14%     80%
";
        assert!(findings(t).is_empty(), "{:#?}", findings(t));
        let bad = t.replace("13,615", "16,315");
        let f = findings(&bad);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(
            f[0].message.contains("Operating income"),
            "{}",
            f[0].message
        );
    }
}
