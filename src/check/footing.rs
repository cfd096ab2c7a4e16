//! `footing`: a total equals the sum of its components, in every column.
//!
//! ## What it checks
//! Every row that totals rows above it: "Total operating costs and expense"
//! over the costs listed under "Costs and expense:", an unlabeled figure
//! under a rule line, the running chain of an income statement ("Income
//! from operations" = Revenue − Total operating costs), the cash-flow roll
//! ("Cash at end of period" = net change + cash at beginning).
//!
//! ## How the components are found
//! Releases do not mark which rows a total sums, so the structure is
//! inferred. Walking up from a candidate total, each earlier row is a
//! *unit*; a row already known to be a total stands for its whole block
//! (its components are skipped), section headers are passed over. Each run
//! of nearest units is a candidate, summed with every sign `+` (rows labelled
//! "Less …" subtract) or as a chain (the top unit minus the others).
//!
//! A candidate is accepted when it holds in every column, by interval
//! arithmetic at the displayed precision. When none holds, a candidate that
//! holds exactly in all columns but one, starts at a structural boundary
//! (a section header, a rule, a blank line, a subtotal) and ends in a row
//! that reads as a total, exposes an error in that one column. Anything less
//! certain is left alone: the rule says nothing rather than guess.
//!
//! ## Severity
//! A total outside the rounding interval of its components is reported at
//! the rule's severity. A total inside the interval that differs from the
//! displayed sum ("differs by 1, within rounding of 7 components") is at
//! most `advice`.

use super::{Finding, Label, Outcome, Passed, Severity};
use crate::document::{format_grouped, Document, Figure, Row, Table, Unit};
use crate::interval::Interval;
use crate::rules::Rule;
use rust_decimal::Decimal;

/// Units looked at above a total.
const MAX_UNITS: usize = 40;

/// How one candidate fares in one column.
#[derive(Debug, Clone, Copy, PartialEq)]
enum ColumnFit {
    /// The displayed figures add up exactly.
    Exact,
    /// Not exactly, but within the rounding of the figures.
    Within,
    /// Outside the rounding interval.
    Miss,
}

#[derive(Debug, Clone)]
struct ColumnEval {
    column: usize,
    fit: ColumnFit,
    nontrivial: bool,
    nonzero: usize,
    sum: Decimal,
    decimals: u32,
}

impl ColumnEval {
    /// At least two components are not zero: a sum worth checking.
    fn nontrivial_sum(&self) -> bool {
        self.nonzero >= 2
    }
}

#[derive(Debug, Clone)]
struct Candidate {
    /// Row indices of the units, nearest first.
    units: Vec<usize>,
    /// +1 or −1 per unit.
    signs: Vec<i8>,
    evals: Vec<ColumnEval>,
    boundary: bool,
}

impl Candidate {
    fn fits(&self) -> bool {
        let nontrivial = self.evals.iter().filter(|e| e.nontrivial).count();
        nontrivial > 0
            && self.evals.iter().all(|e| e.fit != ColumnFit::Miss)
            && (self
                .evals
                .iter()
                .any(|e| e.nontrivial && e.fit == ColumnFit::Exact)
                || self.units.len() <= 3)
    }

    /// Holds exactly in at least one meaningful column and misses in exactly
    /// one: the shape of a single wrong figure.
    fn near_fit(&self) -> Option<usize> {
        let misses: Vec<&ColumnEval> = self
            .evals
            .iter()
            .filter(|e| e.fit == ColumnFit::Miss)
            .collect();
        let exact = self
            .evals
            .iter()
            .any(|e| e.nontrivial && e.fit == ColumnFit::Exact);
        if misses.len() == 1 && exact && self.evals.len() >= 2 {
            Some(misses[0].column)
        } else {
            None
        }
    }
}

/// Does the row read as a total or a subtotal? Generic words such as
/// "income" are not enough ("Interest income" is a component).
fn total_like(row: &Row) -> bool {
    const STARTS: &[&str] = &[
        "total",
        "net ",
        "gross",
        "subtotal",
        "sub-total",
        "operating income",
        "operating profit",
        "operating loss",
        "operating (loss)",
        "income (loss) from",
        "income from",
        "loss from",
        "(loss) income from",
        "income before",
        "income (loss) before",
        "loss before",
        "(loss) income before",
        "earnings before",
        "earnings (loss) before",
        "profit before",
        "profit for",
        "ebitda",
        "ebit ",
        "adjusted",
        "pro forma",
        "pro-forma",
        "normalized",
        "non-gaap",
        "earnings from",
        "earnings (loss) from",
    ];
    const CONTAINS: &[&str] = &[
        " total",
        "end of period",
        "end of year",
        "end of the period",
        "end of quarter",
        "ebitda",
        "net income",
        "net earnings",
        "net loss",
        "net (loss)",
        "before income tax",
        "before taxes",
        "before provision",
        "from operations",
        "operating income",
        "gross profit",
        "gross margin",
        "free cash flow",
    ];
    let l = row.label.trim().to_lowercase();
    l.is_empty()
        || row.rule_above
        || STARTS.iter().any(|p| l.starts_with(p))
        || CONTAINS.iter().any(|p| l.contains(p))
}

/// Where every component is positive, a total is at least the largest of
/// them; a column where it is not (growth rates, ratios) does not add up.
fn sums_like_a_total(table: &Table, total: usize, units: &[usize], col: usize) -> bool {
    let Some(t) = amount(&table.rows[total], col) else {
        return false;
    };
    let comps: Vec<Decimal> = units
        .iter()
        .filter_map(|&u| amount(&table.rows[u], col).map(|f| f.value))
        .collect();
    if comps.iter().all(|v| !v.is_sign_negative()) {
        comps.iter().all(|v| *v <= t.value)
    } else {
        true
    }
}

/// A row labelled "Total …" (not "Total … and …", which adds sections).
fn closes_section(row: &Row) -> bool {
    let l = row.label.trim().to_lowercase();
    (l == "total" || l.starts_with("total ")) && !l.contains(" and ")
}

/// Is unit `x` the first of its section: a header row directly above it, or
/// the top of the table?
fn boundary_header(rows: &[Row], units: &[usize], x: usize) -> bool {
    let u = units[x];
    let above = rows[..u].iter().rposition(|r| r.header || r.has_figures());
    match above {
        None => true,
        Some(a) => rows[a].header,
    }
}

fn weight(row: &Row) -> i8 {
    let l = row.label.trim_start().to_lowercase();
    if l.starts_with("less ") || l.starts_with("less:") {
        -1
    } else {
        1
    }
}

/// A figure usable in footing: an amount or per-share figure, not a percent.
fn amount(row: &Row, col: usize) -> Option<&Figure> {
    row.figure(col).filter(|f| f.unit != Unit::Percent)
}

fn evaluate(table: &Table, total: usize, units: &[usize], signs: &[i8]) -> Vec<ColumnEval> {
    let t = &table.rows[total];
    let mut evals = Vec::new();
    'cols: for (c, col) in table.columns.iter().enumerate() {
        if col.derived {
            continue;
        }
        let Some(tf) = amount(t, c) else { continue };
        let mut sum = Decimal::ZERO;
        let mut iv = Interval::zero();
        let mut nonzero = 0;
        let mut decimals = tf.decimals;
        for (&u, &s) in units.iter().zip(signs) {
            let Some(f) = amount(&table.rows[u], c) else {
                continue 'cols;
            };
            let (v, i) = if s < 0 {
                (-f.value, f.interval().negated())
            } else {
                (f.value, f.interval())
            };
            let (Some(ns), Some(ni)) = (sum.checked_add(v), iv.checked_add(i)) else {
                continue 'cols;
            };
            sum = ns;
            iv = ni;
            if !f.is_zero() {
                nonzero += 1;
            }
            decimals = decimals.max(f.decimals);
        }
        // A dash total over figures is "not available" (a year not over
        // yet, a column not meaningful), not a zero to check against.
        if tf.dash && nonzero > 0 {
            continue 'cols;
        }
        let fit = if sum == tf.value && !tf.dash || tf.dash && sum.is_zero() {
            ColumnFit::Exact
        } else if iv.overlaps(&tf.interval()) {
            ColumnFit::Within
        } else {
            ColumnFit::Miss
        };
        evals.push(ColumnEval {
            column: c,
            fit,
            nontrivial: !tf.is_zero() && nonzero >= 2,
            nonzero,
            sum,
            decimals,
        });
    }
    evals
}

/// The totals of every table (which rows each total sums), without
/// reporting anything.
pub fn totals(doc: &Document) -> Vec<crate::resolve::TotalBlock> {
    let rule = Rule {
        id: "footing".into(),
        kind: crate::rules::Kind::Footing,
        severity: Severity::Advice,
        summary: String::new(),
        description: String::new(),
        origin: String::new(),
        allow_excess: None,
        tests: Vec::new(),
    };
    let mut out = Outcome::default();
    check(doc, &rule, &mut out);
    out.totals
}

/// Checks every table of the document.
pub fn check(doc: &Document, rule: &Rule, out: &mut Outcome) {
    for (ti, table) in doc.tables.iter().enumerate() {
        check_table(ti, table, rule, out);
    }
}

fn check_table(ti: usize, table: &Table, rule: &Rule, out: &mut Outcome) {
    let mut local = Outcome::default();
    let misses = find_totals(ti, table, rule, &mut local);
    // A column that never foots anywhere in the table but misses more than
    // once is not additive (a growth or ratio column with an unhelpful
    // heading): its misses say nothing about the figures.
    let passes: Vec<usize> = (0..table.columns.len())
        .map(|c| local.passed.iter().filter(|p| p.column == c).count())
        .collect();
    let broken: Vec<usize> = (0..table.columns.len())
        .filter(|&c| passes[c] == 0 && misses.iter().filter(|&&m| m == c).count() >= 2)
        .collect();
    local.findings.retain(|f| {
        !broken.iter().any(|&c| {
            f.severity != Severity::Advice
                && table
                    .rows
                    .iter()
                    .any(|r| r.figure(c).is_some_and(|fig| fig.span == f.span))
        })
    });
    out.findings.extend(local.findings);
    out.passed.extend(local.passed);
    out.verified.extend(local.verified);
    out.totals.extend(local.totals);
}

/// Finds each total's components and records passes and findings; returns
/// the column of every miss.
fn find_totals(ti: usize, table: &Table, rule: &Rule, out: &mut Outcome) -> Vec<usize> {
    let mut misses = Vec::new();
    let n = table.rows.len();
    // For a row found to be a total: the first row of its block.
    let mut block_start: Vec<Option<usize>> = vec![None; n];
    for i in 0..n {
        let row = &table.rows[i];
        if row.header || !row.has_figures() {
            continue;
        }
        // The walk up and the candidates are bounded by MAX_UNITS.
        if !crate::budget::spend(MAX_UNITS as u64 * (table.columns.len() as u64 + 1)) {
            break;
        }
        // Units above, nearest first, and whether a boundary lies above each.
        let mut units: Vec<usize> = Vec::new();
        let mut boundary_above: Vec<bool> = Vec::new();
        // A section header lies between this unit and the next one up.
        let mut header_above: Vec<bool> = Vec::new();
        let mut j = i;
        while j > 0 && units.len() < MAX_UNITS {
            j -= 1;
            let r = &table.rows[j];
            if r.header {
                if let Some(b) = boundary_above.last_mut() {
                    *b = true;
                }
                if let Some(h) = header_above.last_mut() {
                    *h = true;
                }
                continue;
            }
            if !r.has_figures() {
                continue;
            }
            units.push(j);
            header_above.push(false);
            let start = block_start[j].unwrap_or(j);
            let top = &table.rows[start];
            boundary_above
                .push(top.rule_above || top.blank_above || start == 0 || block_start[j].is_some());
            j = start;
        }
        if let Some(b) = boundary_above.last_mut() {
            *b = true; // the top of the table
        }
        // A total right above a unit closes the block before it.
        for x in 0..units.len().saturating_sub(1) {
            if block_start[units[x + 1]].is_some() {
                boundary_above[x] = true;
            }
        }
        // A row that does not read as a total may still sum a few rows right
        // above it ("Diluted" = basic + dilutive effect), but not a chain and
        // not across a section header: across sections, accounting identities
        // (equity = assets - liabilities) fit by construction.
        let reads_as_total = total_like(row);
        let mut chosen: Option<Candidate> = None;
        let mut near: Vec<(Candidate, usize)> = Vec::new();
        'sizes: for k in 2..=units.len() {
            if !reads_as_total && (k > 4 || header_above[..k - 1].iter().any(|&h| h)) {
                break;
            }
            let us = &units[..k];
            let plain: Vec<i8> = us.iter().map(|&u| weight(&table.rows[u])).collect();
            let chain: Vec<i8> = (0..k).map(|x| if x + 1 == k { 1 } else { -1 }).collect();
            let patterns = if reads_as_total {
                vec![plain, chain]
            } else {
                vec![plain]
            };
            for signs in patterns {
                let evals = evaluate(table, i, us, &signs);
                if evals.is_empty() {
                    continue;
                }
                let cand = Candidate {
                    units: us.to_vec(),
                    signs,
                    evals,
                    boundary: boundary_above[k - 1],
                };
                if cand.fits() {
                    chosen = Some(cand);
                    break 'sizes;
                }
                if let Some(c) = cand.near_fit() {
                    if cand.boundary && total_like(row) {
                        near.push((cand, c));
                    }
                }
            }
        }
        let mut miss_column = None;
        // A "Total …" row closing a section (its block runs up to a section
        // header or the top of the table, with no header inside) has an
        // unambiguous structure: it is checked even where no other column
        // can confirm it (single-column tables, columns of dashes).
        if chosen.is_none() && near.is_empty() && closes_section(row) {
            if let Some(k) = (0..units.len()).find(|&x| boundary_header(&table.rows, &units, x)) {
                let k = k + 1;
                if k >= 2 && !header_above[..k - 1].iter().any(|&h| h) {
                    let us = &units[..k];
                    let signs: Vec<i8> = us.iter().map(|&u| weight(&table.rows[u])).collect();
                    let evals = evaluate(table, i, us, &signs);
                    let cand = Candidate {
                        units: us.to_vec(),
                        signs,
                        evals,
                        boundary: true,
                    };
                    let missed: Vec<usize> = cand
                        .evals
                        .iter()
                        .filter(|e| e.fit == ColumnFit::Miss)
                        .map(|e| e.column)
                        .collect();
                    let plausible = missed.len() == 1
                        && cand
                            .evals
                            .iter()
                            .any(|e| e.column == missed[0] && e.nontrivial_sum())
                        && sums_like_a_total(table, i, us, missed[0]);
                    if plausible {
                        near.push((cand, missed[0]));
                    }
                }
            }
        }
        // The accepted total's block starts where its top unit's block does.
        let block_of = |cand: &Candidate, block_start: &[Option<usize>]| {
            let top = *cand.units.last().unwrap_or(&i);
            block_start[top].unwrap_or(top)
        };
        if let Some(cand) = chosen {
            block_start[i] = Some(block_of(&cand, &block_start));
            out.totals.push(crate::resolve::TotalBlock {
                table: ti,
                row: i,
                first: block_of(&cand, &block_start),
            });
            record(ti, table, i, &cand, None, rule, out);
        } else if let Some((cand, col)) = near.first().cloned() {
            // Several near fits that blame different columns: ambiguous.
            if near.iter().all(|(_, c)| *c == col) {
                miss_column = Some(col);
                block_start[i] = Some(block_of(&cand, &block_start));
                out.totals.push(crate::resolve::TotalBlock {
                    table: ti,
                    row: i,
                    first: block_of(&cand, &block_start),
                });
                record(ti, table, i, &cand, Some(col), rule, out);
            }
        }
        if let Some(c) = miss_column {
            misses.push(c);
        }
    }
    misses
}

fn column_name(table: &Table, c: usize) -> String {
    let col = &table.columns[c];
    if !col.period.is_empty() {
        col.period.to_string()
    } else if !col.header.is_empty() {
        col.header.clone()
    } else {
        format!("column {}", c + 1)
    }
}

fn row_name(row: &Row) -> String {
    if row.label.is_empty() {
        "the unlabeled total".to_string()
    } else {
        format!("\"{}\"", row.label)
    }
}

fn record(
    ti: usize,
    table: &Table,
    total: usize,
    cand: &Candidate,
    miss: Option<usize>,
    rule: &Rule,
    out: &mut Outcome,
) {
    let t = &table.rows[total];
    for e in &cand.evals {
        let Some(tf) = amount(t, e.column) else {
            continue;
        };
        let components: Vec<(&Row, &Figure, i8)> = cand
            .units
            .iter()
            .rev()
            .zip(cand.signs.iter().rev())
            .filter_map(|(&u, &s)| Some((&table.rows[u], amount(&table.rows[u], e.column)?, s)))
            .collect();
        let failed = Some(e.column) == miss || e.fit == ColumnFit::Miss;
        if !failed {
            out.passed.push(Passed {
                rule: rule.id.clone(),
                table: ti,
                row: total,
                column: e.column,
            });
            out.verified.insert(tf.span);
            for (_, f, _) in &components {
                out.verified.insert(f.span);
            }
        }
        let severity = match (failed, e.fit) {
            (true, _) => rule.severity,
            (false, ColumnFit::Within) => Severity::Advice.min(rule.severity),
            _ => continue,
        };
        let n = components.len();
        let expr = components
            .iter()
            .enumerate()
            .map(|(k, (_, f, s))| {
                let v = format_grouped(f.value.abs(), f.decimals);
                let neg = (f.value.is_sign_negative() && !f.value.is_zero()) != (*s < 0);
                match (k, neg) {
                    (0, false) => v,
                    (0, true) => format!("-{v}"),
                    (_, false) => format!(" + {v}"),
                    (_, true) => format!(" - {v}"),
                }
            })
            .collect::<String>();
        let sum = format_grouped(e.sum, e.decimals);
        let shown = format_grouped(tf.value, tf.decimals);
        let diff = format_grouped((tf.value - e.sum).abs(), e.decimals);
        let period = column_name(table, e.column);
        let (message, help) = if failed {
            (
                format!(
                    "{} does not foot ({period}): its {n} components sum to {sum}, the total shows {shown}",
                    row_name(t)
                ),
                format!("{expr} = {sum}; the total shows {shown}, a difference of {diff}"),
            )
        } else {
            (
                format!(
                    "{} differs from the sum of its components by {diff} ({period}), within the rounding of {n} components",
                    row_name(t)
                ),
                format!("{expr} = {sum}; the total shows {shown}"),
            )
        };
        let labels = components
            .iter()
            .map(|(r, f, s)| Label {
                span: f.span,
                text: format!(
                    "{}{}",
                    if *s < 0 { "minus " } else { "" },
                    if r.label.is_empty() {
                        "subtotal".to_string()
                    } else {
                        r.label.clone()
                    }
                ),
            })
            .collect();
        out.findings.push(Finding {
            rule: rule.id.clone(),
            severity,
            message,
            help: Some(help),
            span: tf.span,
            span_text: if failed {
                format!("total {shown}, components sum to {sum}")
            } else {
                format!("total {shown}")
            },
            labels,
        });
    }
}
