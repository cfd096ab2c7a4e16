//! `proportion`: a column proportional to another is so in every row.
//!
//! ## What it checks
//! A "% of sales" column is each amount divided by revenue; a per-share
//! column of a non-GAAP reconciliation is each amount divided by the diluted
//! share count. Either way, every row's ratio of the two columns is one
//! constant. A wrong amount, percentage or per-share figure breaks it.
//!
//! ## How it decides
//! Each row gives an interval for the ratio (both figures at their displayed
//! precision, the percentage or per-share figure give or take one unit of
//! its last digit, since releases compute them from unrounded amounts), so
//! rounding never makes a row disagree. The constant is the
//! value inside the most row intervals. The pair of columns is accepted only
//! when at least three *tight* rows (ratio known to within 10%) contain it and
//! at most one row in ten (or one row) does not; those rows are reported.
//! Two periods' amounts are not proportional, so no constant exists for them
//! and nothing is said. The base column must hold amounts (a figure of a
//! thousand or more, or a currency sign): growth-point columns do not. Rows of averages, shares, rates and margins are
//! skipped.

use super::{Finding, Label, Outcome};
use crate::document::{format_grouped, Document, Figure, Table, Unit};
use crate::interval::Interval;
use crate::rules::Rule;
use rust_decimal::Decimal;

/// Averages, share counts and rates are not proportional to amounts.
fn proportional_row(label: &str) -> bool {
    let l = label.to_lowercase();
    !super::names_rate(&l)
        && !["average", "shares", "margin", "percent", "%"]
            .iter()
            .any(|w| l.contains(w))
}

struct RowRatio {
    row: usize,
    ratio: Interval,
    tight: bool,
}

fn ratios(t: &Table, c: usize, a: usize) -> Vec<RowRatio> {
    let mut out = Vec::new();
    for (i, r) in t.rows.iter().enumerate() {
        if !proportional_row(&r.label) {
            continue;
        }
        let (Some(x), Some(y)) = (r.figure(c), r.figure(a)) else {
            continue;
        };
        if x.dash || y.dash || x.value.is_zero() || y.value.is_zero() {
            continue;
        }
        // Percentages and per-share figures are often computed from
        // unrounded amounts ("may not recalculate precisely"): allow one
        // unit of their last digit.
        let unit = Decimal::new(1, x.decimals);
        let xi = x.interval();
        let widened = Interval::new(xi.lo - unit, xi.hi + unit);
        let Some(q) = widened.checked_div(y.interval()) else {
            continue;
        };
        let mid = q.midpoint().abs();
        let tight = !mid.is_zero() && q.width() <= mid * Decimal::new(10, 2);
        out.push(RowRatio {
            row: i,
            ratio: q,
            tight,
        });
    }
    out
}

/// The point covered by most intervals, and how many cover it (the first
/// row's lower end among equals).
fn consensus(rs: &[RowRatio]) -> Option<(Decimal, usize)> {
    // The best point can be taken at some interval's lower end. The
    // intervals covering p are those starting at or before p less those
    // ending before it: two binary searches, O(n log n) in all.
    let mut los: Vec<Decimal> = rs.iter().map(|r| r.ratio.lo).collect();
    let mut his: Vec<Decimal> = rs.iter().map(|r| r.ratio.hi).collect();
    los.sort_unstable();
    his.sort_unstable();
    let mut best: Option<(Decimal, usize)> = None;
    for r in rs {
        let p = r.ratio.lo;
        let n = los.partition_point(|&x| x <= p) - his.partition_point(|&x| x < p);
        if best.is_none_or(|(_, b)| n > b) {
            best = Some((p, n));
        }
    }
    best
}

/// Is the column a candidate for being proportional to another: percentages
/// against amounts, or per-share figures against amounts.
fn kind(t: &Table, c: usize) -> Option<Unit> {
    let figs: Vec<&Figure> = t
        .rows
        .iter()
        .filter_map(|r| r.figure(c))
        .filter(|f| !f.dash)
        .collect();
    if figs.is_empty() {
        return None;
    }
    let count = |u: Unit| figs.iter().filter(|f| f.unit == u).count();
    if count(Unit::PerShare) * 2 > figs.len() {
        return Some(Unit::PerShare);
    }
    // Percent signs are often printed only on the first row of a column.
    let decimals = figs.iter().filter(|f| f.decimals == 1).count();
    if count(Unit::Percent) * 2 > figs.len() || t.columns[c].derived && decimals * 2 > figs.len() {
        return Some(Unit::Percent);
    }
    None
}

/// Does a column hold amounts: a figure of a thousand or more, or one printed
/// with a currency sign? A column of growth points has neither.
fn holds_amounts(t: &Table, a: usize) -> bool {
    t.rows.iter().filter_map(|r| r.figure(a)).any(|f| {
        f.unit == Unit::Amount && (f.currency.is_some() || f.value.abs() >= Decimal::new(1000, 0))
    })
}

/// Checks every table's percentage and per-share columns against its amount
/// columns.
pub fn check(doc: &Document, rule: &Rule, out: &mut Outcome) {
    check_rows(doc, rule, out);
    check_named_shares(doc, rule, out);
    for (ti, t) in doc.tables.iter().enumerate() {
        let ncols = t.columns.len();
        let is_amount: Vec<bool> = (0..ncols)
            .map(|a| kind(t, a).is_none() && !t.columns[a].derived && holds_amounts(t, a))
            .collect();
        for c in 0..ncols {
            if !crate::budget::spend(t.rows.len() as u64 + 1) {
                return;
            }
            if kind(t, c).is_none() {
                continue;
            }
            // Four base columns, each a ratio per row.
            if !crate::budget::spend(4 * (t.rows.len() as u64 + 1)) {
                return;
            }
            // Amount columns, nearest first on the left (the usual layout).
            let bases: Vec<usize> = (0..c)
                .rev()
                .chain(c + 1..ncols)
                .filter(|&a| is_amount[a])
                .take(4)
                .collect();
            for a in bases {
                let rs = ratios(t, c, a);
                let Some((k, covered)) = consensus(&rs) else {
                    continue;
                };
                let tight_holds = rs.iter().filter(|r| r.tight && r.ratio.contains(k)).count();
                let misses = rs.len() - covered;
                if tight_holds < 3 || misses > (rs.len() / 10).max(1) {
                    continue;
                }
                report(ti, t, c, a, k, &rs, rule, out);
                break;
            }
        }
    }
}

/// A row of percentages of sales ("% to Sales", "Percent of revenues").
fn share_of_sales_row(label: &str) -> bool {
    let l = label.to_lowercase();
    (l.contains('%') || l.contains("percent"))
        && (l.contains("sales") || l.contains("revenue"))
        && !l.contains("change")
        && !l.contains("growth")
}

/// Rows of percentages of sales: each is the amount row above it divided
/// by the column's sales, so every such pair of a table implies the same
/// sales for a column ("Reported income before tax" over "% to Sales", and
/// again "Adjusted income before tax" over its "% to Sales", segment by
/// segment). Implied sales that do not overlap mean one of the four
/// figures is wrong; the percentages are given or taken one unit of their
/// last digit, as releases compute them from unrounded amounts.
fn check_rows(doc: &Document, rule: &Rule, out: &mut Outcome) {
    for (ti, t) in doc.tables.iter().enumerate() {
        if !crate::budget::spend(t.rows.len() as u64 + 1) {
            return;
        }
        let pairs: Vec<(usize, usize)> = t
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| !r.header && share_of_sales_row(&r.label))
            .filter_map(|(p, _)| {
                let a = t.rows[..p].iter().rposition(|r| r.has_figures())?;
                let row = &t.rows[a];
                let amounts = (0..t.columns.len())
                    .filter_map(|c| row.figure(c))
                    .filter(|f| f.unit == Unit::Amount && !f.dash)
                    .count();
                (amounts >= 2 && !share_of_sales_row(&row.label)).then_some((a, p))
            })
            .collect();
        if pairs.len() < 2 {
            continue;
        }
        if !crate::budget::spend((pairs.len() * t.columns.len()) as u64) {
            return;
        }
        // Pairs are compared with the first pair of the same label only
        // ("% to Sales" with "% to Sales"; "% of AWS net sales" is another
        // base than "% of International net sales").
        let key = |p: usize| t.rows[p].label.trim().to_lowercase();
        for (k, &(a0, p0)) in pairs.iter().enumerate() {
            if pairs[..k].iter().any(|&(_, q)| key(q) == key(p0)) {
                continue;
            }
            for &(a, p) in pairs[k + 1..].iter().filter(|&&(_, q)| key(q) == key(p0)) {
                compare_pairs(ti, t, (a0, p0), (a, p), rule, out);
            }
        }
    }
}

/// What a row of percentages says it is a share of: "Operating margin --
/// % of WW net sales" and "Free Cash Flow as a % of Net Income" give "ww net
/// sales" and "net income" (lower-cased).
fn named_base(label: &str) -> Option<String> {
    let l = label.to_lowercase();
    // A conversion may close up the space ("TTM %of WW net sales").
    let (at, len) = l
        .find("% of ")
        .map(|a| (a, 5))
        .or_else(|| l.find("%of ").map(|a| (a, 4)))?;
    let base = l[at + len..].trim();
    // "% of net sales" names its base by its last words ("WW net sales" is
    // the row "Worldwide (WW) net sales"); "change" or "growth" is no share.
    if base.is_empty() || l.contains("change") || l.contains("growth") {
        return None;
    }
    Some(base.to_string())
}

/// Does a label speak of trailing twelve months? A TTM ratio is of TTM
/// amounts, a quarter's of the quarter's.
fn trailing(label: &str) -> bool {
    let l = label.to_lowercase();
    l.contains("ttm") || l.contains("trailing")
}

/// Numerator row, base row, and whether the quotient holds in each column.
type NamedPair = (usize, usize, Vec<(usize, bool)>);

/// Rows of percentages that name their base ("Operating margin -- % of
/// North America net sales", "Operating Cash Flow as a % of Net Income"):
/// trend schedules and cash-flow summaries print such a row under the
/// amounts it divides, column by column. The base is a row whose label
/// ends in the named words; the numerator is not named the same way
/// ("margin" over "income"), so every amount row of the table is tried as
/// one, and a pair is accepted only when the quotient holds, at displayed
/// precision give or take one unit of the percentage's last digit, in three
/// columns or more and misses in at most one in ten (or one). A miss is
/// reported only when no accepted pair holds in every column.
fn check_named_shares(doc: &Document, rule: &Rule, out: &mut Outcome) {
    for (ti, t) in doc.tables.iter().enumerate() {
        for (p, row) in t.rows.iter().enumerate() {
            if row.header {
                continue;
            }
            let Some(base) = named_base(&row.label) else {
                continue;
            };
            let shares: Vec<usize> = (0..t.columns.len())
                .filter(|&c| {
                    row.figure(c)
                        .is_some_and(|f| f.unit == Unit::Percent && !f.dash)
                })
                .collect();
            if shares.len() < 3 {
                continue;
            }
            if !crate::budget::spend((t.rows.len() * shares.len()) as u64 + 1) {
                return;
            }
            let words: Vec<&str> = base.split_whitespace().collect();
            let tail = words[words.len().saturating_sub(2)..].join(" ");
            let ttm = trailing(&row.label);
            let amounts = |q: usize| {
                let r = &t.rows[q];
                q != p
                    && trailing(&r.label) == ttm
                    && named_base(&r.label).is_none()
                    && shares
                        .iter()
                        .filter(|&&c| {
                            r.figure(c)
                                .is_some_and(|f| f.unit == Unit::Amount && !f.dash)
                        })
                        .count()
                        >= 3
            };
            // "WW net sales -- TTM" is the trailing base "% of WW net sales"
            // names in a TTM row.
            let dens: Vec<usize> = (0..t.rows.len())
                .filter(|&q| {
                    let label = &t.rows[q].label;
                    amounts(q)
                        && Table::trailing_measure(label)
                            .unwrap_or_else(|| label.clone())
                            .to_lowercase()
                            .ends_with(&tail)
                })
                .collect();
            let mut accepted: Vec<NamedPair> = Vec::new();
            for &d in &dens {
                for n in (0..t.rows.len()).filter(|&n| n != d && amounts(n)) {
                    let evals: Vec<(usize, bool)> = shares
                        .iter()
                        .filter_map(|&c| Some((c, share_holds(t, p, n, d, c)?)))
                        .collect();
                    let holds = evals.iter().filter(|e| e.1).count();
                    let misses = evals.len() - holds;
                    if holds >= 3 && misses <= (evals.len() / 10).max(1) {
                        accepted.push((n, d, evals));
                    }
                }
            }
            if accepted.iter().any(|a| a.2.iter().all(|e| e.1)) {
                let (n, d, evals) = &accepted[accepted
                    .iter()
                    .position(|a| a.2.iter().all(|e| e.1))
                    .unwrap_or(0)];
                for &(c, _) in evals {
                    record_share(ti, t, (p, *n, *d), c, rule, out);
                }
                continue;
            }
            // The pair that holds in most columns.
            let Some((n, d, evals)) = accepted
                .iter()
                .max_by_key(|a| a.2.iter().filter(|e| e.1).count())
            else {
                continue;
            };
            for &(c, holds) in evals {
                if holds {
                    record_share(ti, t, (p, *n, *d), c, rule, out);
                } else {
                    report_share(t, (p, *n, *d), c, rule, out);
                }
            }
        }
    }
}

/// Is the percentage of row `p` in column `c` the quotient of rows `n` and
/// `d`, at displayed precision give or take one unit of its last digit?
/// `None` when a figure is missing or the base is zero.
fn share_holds(t: &Table, p: usize, n: usize, d: usize, c: usize) -> Option<bool> {
    let share = t.rows[p].figure(c)?;
    let (x, y) = (t.rows[n].figure(c)?, t.rows[d].figure(c)?);
    if x.dash || y.dash || y.interval().contains(Decimal::ZERO) {
        return None;
    }
    let computed = x
        .interval()
        .checked_div(y.interval())?
        .scale(Decimal::ONE_HUNDRED)?;
    let unit = Decimal::new(1, share.decimals);
    let si = share.interval();
    Some(computed.overlaps(&Interval::new(si.lo - unit, si.hi + unit)))
}

fn record_share(
    ti: usize,
    t: &Table,
    (p, n, d): (usize, usize, usize),
    c: usize,
    rule: &Rule,
    out: &mut Outcome,
) {
    let figures = [p, n, d].into_iter().filter_map(|r| t.rows[r].figure(c));
    out.pass(rule, ti, p, c, figures.map(|f| f.span));
}

fn report_share(
    t: &Table,
    (p, n, d): (usize, usize, usize),
    c: usize,
    rule: &Rule,
    out: &mut Outcome,
) {
    let (Some(share), Some(x), Some(y)) = (
        t.rows[p].figure(c),
        t.rows[n].figure(c),
        t.rows[d].figure(c),
    ) else {
        return;
    };
    let computed = x
        .interval()
        .checked_div(y.interval())
        .and_then(|q| q.scale(Decimal::ONE_HUNDRED))
        .map(|q| format!("{}%", format_grouped(q.midpoint(), share.decimals + 1)))
        .unwrap_or_default();
    out.findings.push(Finding {
        rule: rule.id.clone(),
        severity: rule.severity,
        message: format!(
            "\"{}\": shows {}, but \"{}\" {} over \"{}\" {} is {computed}",
            t.rows[p].label,
            share.display(),
            t.rows[n].label,
            x.display(),
            t.rows[d].label,
            y.display()
        ),
        help: Some(
            "the row names its base; in the other columns it is the same quotient of these two rows"
                .into(),
        ),
        span: share.span,
        span_text: format!("shows {}, computed {computed}", share.display()),
        labels: vec![
            Label {
                span: x.span,
                text: "numerator".into(),
            },
            Label {
                span: y.span,
                text: "the base it names".into(),
            },
        ],
    });
}

/// The sales a pair (amount row, share-of-sales row) implies for column `c`.
fn implied_sales(t: &Table, (a, p): (usize, usize), c: usize) -> Option<Interval> {
    let (x, y) = (t.rows[a].figure(c)?, t.rows[p].figure(c)?);
    if x.dash || y.dash || x.unit != Unit::Amount || y.unit != Unit::Percent {
        return None;
    }
    let unit = Decimal::new(1, y.decimals);
    let yi = y.interval();
    let share = Interval::new(yi.lo - unit, yi.hi + unit).scale(Decimal::new(1, 2))?;
    if share.contains(Decimal::ZERO) || x.interval().contains(Decimal::ZERO) {
        return None;
    }
    let sales = x.interval().checked_div(share)?;
    // Sales are positive: a sign that disagrees is no share of sales.
    (sales.lo > Decimal::ZERO).then_some(sales)
}

/// Two pairs of one table, column by column: the relation must hold in
/// three columns or more and miss in at most one in ten (or one) before a
/// miss is reported, so two rows that are shares of different sales
/// (segments) say nothing.
fn compare_pairs(
    ti: usize,
    t: &Table,
    first: (usize, usize),
    second: (usize, usize),
    rule: &Rule,
    out: &mut Outcome,
) {
    let fits: Vec<(usize, Interval, Interval)> = (0..t.columns.len())
        .filter_map(|c| Some((c, implied_sales(t, first, c)?, implied_sales(t, second, c)?)))
        .collect();
    let holds = fits.iter().filter(|(_, s0, s1)| s0.overlaps(s1)).count();
    let misses = fits.len() - holds;
    if holds < 3 || misses > (fits.len() / 10).max(1) {
        return;
    }
    let ((a0, p0), (a, p)) = (first, second);
    for (c, s0, s1) in fits {
        let figs = [
            t.rows[a0].figure(c),
            t.rows[p0].figure(c),
            t.rows[a].figure(c),
            t.rows[p].figure(c),
        ];
        let [Some(x0), Some(y0), Some(x), Some(y)] = figs else {
            continue;
        };
        if s0.overlaps(&s1) {
            out.pass(rule, ti, p, c, [x0, y0, x, y].into_iter().map(|f| f.span));
            continue;
        }
        let (m0, m1) = (
            format_grouped(s0.midpoint().round_dp(0), 0),
            format_grouped(s1.midpoint().round_dp(0), 0),
        );
        let label = |r: usize| {
            let l = &t.rows[r].label;
            if l.is_empty() {
                "the row above".to_string()
            } else {
                format!("\"{l}\"")
            }
        };
        out.findings.push(Finding {
            rule: rule.id.clone(),
            severity: rule.severity,
            message: format!(
                "\"{}\" {} of {} implies sales of about {m1}, but {} of {} above implies {m0}",
                t.rows[p].label,
                y.display(),
                label(a),
                y0.display(),
                label(a0),
            ),
            help: Some(format!(
                "{} / {} = {m1}; {} / {} = {m0}; both rows are shares of the same column's sales, and agree in the other columns",
                x.display(),
                y.display(),
                x0.display(),
                y0.display(),
            )),
            span: y.span,
            span_text: format!("{}, implies sales of {m1}", y.display()),
            labels: vec![
                Label {
                    span: x.span,
                    text: "its amount".into(),
                },
                Label {
                    span: y0.span,
                    text: "share of sales above".into(),
                },
                Label {
                    span: x0.span,
                    text: "amount above".into(),
                },
            ],
        });
    }
}

#[allow(clippy::too_many_arguments)]
fn report(
    ti: usize,
    t: &Table,
    c: usize,
    a: usize,
    k: Decimal,
    rs: &[RowRatio],
    rule: &Rule,
    out: &mut Outcome,
) {
    for r in rs {
        let row = &t.rows[r.row];
        let (Some(x), Some(y)) = (row.figure(c), row.figure(a)) else {
            continue;
        };
        if r.ratio.contains(k) {
            out.pass(rule, ti, r.row, c, [x.span, y.span]);
            continue;
        }
        let expected = (y.value * k).round_dp(x.decimals);
        let expected = Figure {
            value: expected,
            ..x.clone()
        }
        .display();
        out.findings.push(Finding {
            rule: rule.id.clone(),
            severity: rule.severity,
            message: format!(
                "\"{}\": {} does not match {} in proportion to the other rows: expected about {expected}",
                if row.label.is_empty() { "this row" } else { &row.label },
                x.display(),
                y.display()
            ),
            help: Some(format!(
                "in the other rows this column is the amount beside it times {}; {} x {} is {expected}",
                k.round_sf(4).unwrap_or(k).normalize(),
                y.display(),
                k.round_sf(4).unwrap_or(k).normalize()
            )),
            span: x.span,
            span_text: format!("{}, expected about {expected}", x.display()),
            labels: vec![Label {
                span: y.span,
                text: "the amount it is proportional to".into(),
            }],
        });
    }
}

#[cfg(test)]
mod tests {

    fn findings(text: &str) -> Vec<String> {
        crate::check::findings_of("proportional-columns", text)
            .into_iter()
            .map(|f| f.message)
            .collect()
    }

    // (A title line first: a string continuation would strip the heading
    // line's indentation, and with it the heading's place over its columns.)
    const TABLE: &str = "\
Statement of earnings
                                   2022    % to Sales       2021    % to Sales
Sales to customers               23,706         100.0     24,804         100.0
Cost of products sold             7,765          32.8      7,955          32.1
Selling and administrative        6,512          27.4      7,154          28.9
Research and development          3,841          16.2      4,720          19.0
Other expense                     1,207           5.1        981           4.0
Effective tax rate                                16.2                       2.1
";

    // A segment reconciliation: reported and adjusted income, each with
    // its share of the segment's sales.
    const SEGMENTS: &str = "\
Income before tax by segment (in millions)
                                   Consumer       Pharma      MedTech    Worldwide
Reported income before tax            651        3,308          865        4,201
% to Sales                           17.3%        25.1%        12.8%        17.7%
Amortization                           84          717          260        1,061
Litigation                             72           61          129          262
Adjusted income before tax            828        5,030        1,713        7,571
% to Sales                           22.0%        38.2%        25.3%        31.9%
";

    #[test]
    fn shares_of_sales_rows_imply_one_sales_figure() {
        assert!(findings(SEGMENTS).is_empty(), "{:#?}", findings(SEGMENTS));
        let bad = SEGMENTS.replace("25.3%", "23.5%");
        let f = findings(&bad);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].contains("23.5%"), "{}", f[0]);
        // Shares of different sales are not compared.
        let other = SEGMENTS.replacen("% to Sales", "% of segment sales", 1);
        assert!(findings(&other.replace("25.3%", "23.5%")).is_empty());
    }

    #[test]
    fn a_consistent_percent_of_sales_column_passes() {
        assert!(findings(TABLE).is_empty(), "{:#?}", findings(TABLE));
    }

    #[test]
    fn a_wrong_percentage_is_found() {
        let bad = TABLE.replace("27.4", "72.4");
        let f = findings(&bad);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].contains("Selling and administrative"), "{}", f[0]);
    }

    #[test]
    fn two_periods_are_not_proportional() {
        let t = "\
                      2023      2022      2021
Revenue             12,734    27,742    24,100
Cost of sales        3,237     8,648     7,900
Research             2,648     2,815     2,700
Selling              3,497     3,048     3,100
";
        assert!(findings(t).is_empty());
    }
    proptest::proptest! {
        /// The sorted sweep finds the same point and count as trying every
        /// lower end against every interval.
        #[test]
        fn consensus_matches_the_quadratic_search(
            ivs in proptest::collection::vec((-50i64..50, 0i64..20), 0..40)
        ) {
            use super::{consensus, Interval, RowRatio};
            use rust_decimal::Decimal;
            let rs: Vec<RowRatio> = ivs
                .iter()
                .enumerate()
                .map(|(row, &(lo, w))| RowRatio {
                    row,
                    ratio: Interval::new(Decimal::from(lo), Decimal::from(lo + w)),
                    tight: true,
                })
                .collect();
            let mut naive: Option<(Decimal, usize)> = None;
            for r in &rs {
                let p = r.ratio.lo;
                let n = rs.iter().filter(|x| x.ratio.contains(p)).count();
                if naive.is_none_or(|(_, b)| n > b) {
                    naive = Some((p, n));
                }
            }
            proptest::prop_assert_eq!(consensus(&rs), naive);
        }
    }
    /// A trend schedule whose percentage rows name their base.
    const NAMED_SHARES: &str = "\
Supplemental Financial Information
(in millions)                          Q1 2023    Q2 2023    Q3 2023    Q4 2023    Q1 2024
Net sales                               76,881     82,546     87,887    105,514     86,341
Operating income                           898      3,211      4,307      6,461      4,983
Operating margin -- % of net sales        1.2%       3.9%       4.9%       6.1%       5.8%
Stock-based awards outstanding             367        481        462        406        385
Common shares outstanding               10,258     10,313     10,330     10,383     10,403
Awards -- % of common shares outstanding  3.6%       4.7%       4.5%       3.9%       3.7%
";

    #[test]
    fn a_row_that_names_its_base_is_that_quotient() {
        assert!(
            findings(NAMED_SHARES).is_empty(),
            "{:#?}",
            findings(NAMED_SHARES)
        );
        let f = findings(&NAMED_SHARES.replace("  6.1%", "  6.7%"));
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].contains("Operating margin"), "{}", f[0]);
        let f = findings(&NAMED_SHARES.replace(" 10,330", " 10,830"));
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].contains("Awards"), "{}", f[0]);
    }

    /// Ratios of trailing twelve months: of the TTM rows, whose labels
    /// end in "-- TTM" after the measure the ratio names.
    const TRAILING_SHARES: &str = "\
Supplemental Financial Information
(in millions)                          Q1 2023    Q2 2023    Q3 2023    Q4 2023    Q1 2024
WW net sales -- TTM                    524,897    538,046    554,028    574,785    590,740
Operating income -- TTM                 13,353     17,717     26,380     36,852     47,426
Operating margin -- TTM %of WW net sales  2.5%       3.3%       4.8%       6.4%       8.0%
";

    #[test]
    fn a_trailing_ratio_divides_the_trailing_rows() {
        assert!(
            findings(TRAILING_SHARES).is_empty(),
            "{:#?}",
            findings(TRAILING_SHARES)
        );
        let f = findings(&TRAILING_SHARES.replace("  4.8%", "  4.3%"));
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].contains("Operating margin -- TTM"), "{}", f[0]);
    }

    #[test]
    fn a_named_base_no_row_gives_is_left_alone() {
        let t = NAMED_SHARES
            .replace("  6.1%", "  6.7%")
            .replace("Net sales      ", "Gross bookings ");
        assert!(findings(&t).is_empty(), "{:#?}", findings(&t));
    }
}
