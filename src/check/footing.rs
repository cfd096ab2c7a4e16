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
//! that reads as a total, exposes an error in that one column. A row reads
//! as a total by its label, or because other rows with its label total
//! their blocks in the same document (learned in a first pass); a block
//! exact in two other columns needs no label. On a balance sheet (every
//! column a date) a "Total …" row's other column may hold within rounding
//! instead of exactly. Anything less certain is left alone: the rule says
//! nothing rather than guess.
//!
//! ## Severity
//! A total outside the rounding interval of its components is reported at
//! the rule's severity. A total inside the interval that differs from the
//! displayed sum ("differs by 1, within rounding of 7 components") is at
//! most `advice`. A dash is a zero at the precision of the figures beside
//! it: "—" among per-share figures is $0.00, rounded to the cent.

use super::{Finding, Label, Outcome, Severity};
use crate::document::{format_grouped, Document, Figure, Row, Table, Unit};
use crate::fxhash::FxHashSet as HashSet;
use crate::interval::RoundedSum;
use crate::rules::Rule;
use regex::Regex;
use rust_decimal::Decimal;
use std::sync::LazyLock;

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

    /// Holds within rounding, not exactly, in at least two columns of
    /// several components each, and misses in at most one: the shape of a
    /// reconciliation whose figures were rounded one by one ("amounts may
    /// not add due to rounding"). Only for a block running from a structural
    /// boundary to a row that reads as a total, where nothing else is
    /// ambiguous. Returns the missing column, if any.
    fn rounded_fit(&self) -> Option<Option<usize>> {
        if !self.boundary || self.units.len() < 4 {
            return None;
        }
        let misses: Vec<usize> = self
            .evals
            .iter()
            .filter(|e| e.fit == ColumnFit::Miss)
            .map(|e| e.column)
            .collect();
        let held = self
            .evals
            .iter()
            .filter(|e| e.fit != ColumnFit::Miss && e.nonzero >= 3 && e.nontrivial)
            .count();
        (misses.len() <= 1 && held >= 2).then(|| misses.first().copied())
    }

    /// Holds exactly in at least one meaningful column and misses in exactly
    /// one: the shape of a single wrong figure. With `rounded`, a column
    /// that holds within its rounding confirms the block too (see
    /// `balance_total`).
    fn near_fit(&self, points: &[bool], rounded: bool) -> Option<usize> {
        let misses: Vec<&ColumnEval> = self
            .evals
            .iter()
            .filter(|e| e.fit == ColumnFit::Miss)
            .collect();
        // Amounts that foot say nothing of a column of percentage points
        // beside them (growth rates without a % sign).
        let exact = misses.len() == 1
            && self.evals.iter().any(|e| {
                e.nontrivial
                    && (e.fit == ColumnFit::Exact || rounded && e.fit == ColumnFit::Within)
                    && (points[e.column] || !points[misses[0].column])
            });
        if misses.len() == 1 && exact && self.evals.len() >= 2 {
            Some(misses[0].column)
        } else {
            None
        }
    }
}

/// A "Total …" row of a balance sheet (every column a date): its blocks
/// are the statement's own structure, so a column that adds up only
/// within rounding ("Total Assets" of the prior year-end, one off from its
/// ten rounded components) confirms the block as an exact one would, and a
/// single wrong figure in the other column is still found.
fn balance_total(table: &Table, row: &Row) -> bool {
    !table.columns.is_empty()
        && table.columns.iter().all(|c| c.period.instant)
        && row.label.trim().to_lowercase().starts_with("total")
}

/// Does the row read as a total or a subtotal? Generic words such as
/// "income" are not enough ("Interest income" is a component).
fn total_like(row: &Row) -> bool {
    let l = row.label.trim().to_lowercase();
    l.is_empty() || row.rule_above || TOTAL_WORDS.is_match(&l)
}

/// What footing asks of each row of a table, read once per table: the
/// candidate blocks of every total ask it of the same rows again and again.
struct RowFacts {
    /// The sign of the row as a unit: −1 for "Less …".
    weight: i8,
    total_like: bool,
    rate: bool,
    percent_only: bool,
    /// The label trimmed and lower-cased.
    lower: String,
    /// The label as compared between rows ([`label_key`]).
    key: String,
}

fn row_facts(table: &Table) -> Vec<RowFacts> {
    table
        .rows
        .iter()
        .map(|row| RowFacts {
            weight: weight(row),
            total_like: total_like(row),
            rate: rate_row(table, row),
            percent_only: percent_only(row),
            lower: row.label.trim().to_lowercase(),
            key: label_key(row),
        })
        .collect()
}

/// A label (lower-cased) that starts with one of `TOTAL_STARTS` or holds
/// one of `TOTAL_CONTAINS`: one pass of the regex engine's literal search
/// instead of a substring search per phrase (labels are asked this once
/// per row of every table).
static TOTAL_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    let alternatives = |words: &[&str]| {
        words
            .iter()
            .map(|w| regex::escape(w))
            .collect::<Vec<_>>()
            .join("|")
    };
    Regex::new(&format!(
        "^(?:{})|(?:{})",
        alternatives(TOTAL_STARTS),
        alternatives(TOTAL_CONTAINS)
    ))
    .expect("literal alternatives")
});

const TOTAL_STARTS: &[&str] = &[
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
    "operating expenses",
    "costs and expenses",
];

const TOTAL_CONTAINS: &[&str] = &[
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
    "non-gaap",
    "core earnings",
    "available to common",
    "available for common",
    "(pre-tax)",
    "(post-tax)",
    "after-tax",
    "after tax",
];

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

/// A row labelled as a total, set out to the left of the rows it follows:
/// the typographic mark of a subtotal over its components ("Legal costs",
/// "Exit financing" indented under "Bankruptcy costs (pre-tax)"). Its block
/// is as unambiguous as that of a "Total …" row when it runs from the top
/// of the table, a blank line or a rule, with no section header inside (a
/// reconciliation adds its adjustments, under a header, to a base above
/// it): every plain unit indented further than the total, a subtotal
/// standing for its block level with it.
fn outdented_total(
    table: &Table,
    facts: &[RowFacts],
    i: usize,
    units: &[usize],
    block_start: &[Option<usize>],
) -> Option<usize> {
    let row = &table.rows[i];
    if row.label.trim().is_empty() || !facts[i].total_like {
        return None;
    }
    let rows = &table.rows;
    let top = |u: usize| block_start[u].unwrap_or(u);
    let k = (0..units.len()).find(|&x| {
        let t = top(units[x]);
        rows[t].blank_above || rows[t].rule_above || !rows[..t].iter().any(|r| r.has_figures())
    })?;
    let block = &units[..=k];
    let level = |u: usize| {
        if block_start[u].is_some() {
            rows[u].indent == row.indent
        } else {
            rows[u].indent > row.indent
        }
    };
    let ok = block.len() >= 2
        && block.iter().any(|&u| block_start[u].is_none())
        && block.iter().all(|&u| level(u))
        && !rows[top(units[k])..i].iter().any(|r| r.header);
    ok.then_some(k + 1)
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

/// The candidate adds its units with their own signs (not as a chain).
fn signs_are_plain(cand: &Candidate, facts: &[RowFacts]) -> bool {
    cand.units
        .iter()
        .zip(&cand.signs)
        .all(|(&u, &s)| s == facts[u].weight)
}

fn weight(row: &Row) -> i8 {
    let l = row.label.trim_start().to_lowercase();
    if l.starts_with("less ") || l.starts_with("less:") {
        -1
    } else {
        1
    }
}

/// Does column `c` hold percentage points rather than amounts: one decimal
/// at most, some with one, every figure below 100 in magnitude?
fn reads_as_points(table: &Table, c: usize) -> bool {
    let figures: Vec<&Figure> = table.rows.iter().filter_map(|r| r.figure(c)).collect();
    figures.iter().any(|f| f.decimals == 1)
        && figures
            .iter()
            .all(|f| f.decimals <= 1 && f.value.abs() < Decimal::ONE_HUNDRED)
}

/// A figure usable in footing: an amount or per-share figure, not a percent.
/// A row of rates printed as a percentage in one column and as points
/// in the others (a reconciliation's "Gross Profit Margin": 59.1% | 1.0
/// pts. | 60.1%): not an amount in any column. Its label says so; an
/// amount labelled "Gross margin" shows no percentage.
fn rate_row(table: &Table, row: &Row) -> bool {
    // The percentage test first: it is cheap and almost always false, and
    // footing asks this of every row of every candidate block.
    let shows_percent = table
        .columns
        .iter()
        .enumerate()
        .any(|(c, col)| !col.derived && row.figure(c).is_some_and(|f| f.unit == Unit::Percent));
    if !shows_percent {
        return false;
    }
    let label = row.label.to_lowercase();
    label.contains("margin")
        || label.contains("percent")
        || label.contains('%')
        || super::names_rate(&label)
}

/// Every figure of the row is a percentage, or a dash (a zero of any
/// unit: "Patent settlement  —%  —%  0.3%  —%" in a margin
/// reconciliation), and one at least is a percentage.
fn percent_only(row: &Row) -> bool {
    let figures = || row.cells.iter().flatten().filter_map(|c| c.figure());
    figures().any(|f| f.unit == Unit::Percent && !f.dash)
        && figures().all(|f| f.unit == Unit::Percent || f.dash)
}

/// A reconciliation of a margin ("GAAP operating margin", its adjustments
/// in points, "Non-GAAP operating margin"): a margin is over revenue, which
/// the adjustments leave as it is, so each moves the margin by its own share
/// of the same revenue and the points add like amounts. Only from a base
/// labelled "GAAP X margin" to a total labelled "Non-GAAP X margin" (or
/// "Adjusted ...") for the same X, every row a percentage: margins elsewhere
/// (segments, periods) do not add, nor do tax rates, whose base (pre-tax
/// income) the adjustments change.
fn margin_reconciliation(facts: &[RowFacts], total: usize, units: &[usize]) -> bool {
    let t = &facts[total];
    let Some(&base) = units.last() else {
        return false;
    };
    let measure = ["non-gaap ", "adjusted "]
        .iter()
        .find_map(|p| t.lower.strip_prefix(p));
    measure
        .is_some_and(|m| m.contains("margin") && facts[base].lower.strip_prefix("gaap ") == Some(m))
        && t.rate
        && t.percent_only
        && units.iter().all(|&u| facts[u].percent_only)
}

/// The figures summed: amounts, or the points of a margin reconciliation.
fn term(row: &Row, col: usize, points: bool) -> Option<&Figure> {
    if points {
        row.figure(col)
    } else {
        amount(row, col)
    }
}

fn amount(row: &Row, col: usize) -> Option<&Figure> {
    row.figure(col).filter(|f| f.unit != Unit::Percent)
}

/// `blank_is_zero`: the table's cells come from markup (HTML), so a blank
/// cell is a cell left blank, not a figure misaligned by whitespace.
fn evaluate(
    table: &Table,
    facts: &[RowFacts],
    total: usize,
    units: &[usize],
    signs: &[i8],
    blank_is_zero: bool,
) -> Vec<ColumnEval> {
    let t = &table.rows[total];
    let mut evals = Vec::new();
    let points = margin_reconciliation(facts, total, units);
    if !points && (facts[total].rate || units.iter().any(|&u| facts[u].rate)) {
        return evals;
    }
    'cols: for (c, col) in table.columns.iter().enumerate() {
        if col.derived {
            continue;
        }
        let Some(tf) = term(t, c, points) else {
            continue;
        };
        let mut sum = Decimal::ZERO;
        let mut nonzero = 0;
        let mut decimals = tf.decimals;
        let mut blanks = 0;
        for (&u, &s) in units.iter().zip(signs) {
            let row = &table.rows[u];
            let Some(f) = term(row, c, points) else {
                // A reconciliation leaves a cell blank where an adjustment
                // does not touch a line item ("Income tax provision" only
                // in the net income column): nothing to add, when the row
                // has figures in other columns and most of the block's
                // cells in this column are filled (a column of per-share
                // figures with only the first and last row filled is not
                // a sum).
                if blank_is_zero
                    && row.cells.get(c).is_some_and(Option::is_none)
                    && row.has_figures()
                {
                    blanks += 1;
                    continue;
                }
                continue 'cols;
            };
            let v = if s < 0 { -f.value } else { f.value };
            let Some(ns) = sum.checked_add(v) else {
                continue 'cols;
            };
            sum = ns;
            if !f.is_zero() {
                nonzero += 1;
            }
            decimals = decimals.max(f.decimals);
        }
        if blanks > 0 && blanks * 2 >= units.len() {
            continue 'cols;
        }
        // A dash total over figures is "not available" (a year not over
        // yet, a column not meaningful), not a zero to check against.
        if tf.dash && nonzero > 0 {
            continue 'cols;
        }
        let fit = if sum == tf.value && !tf.dash || tf.dash && sum.is_zero() {
            ColumnFit::Exact
        } else if beyond_rounding(sum, tf, units.len() - blanks) {
            ColumnFit::Miss
        } else {
            // Most blocks add up exactly, so the rounding interval of the
            // sum is built only for those that do not.
            let mut acc = RoundedSum::default();
            for (&u, &s) in units.iter().zip(signs) {
                // The first loop let through only blanks read as zero.
                let Some(f) = term(&table.rows[u], c, points) else {
                    continue;
                };
                let (center, half) = f.center_half_among(decimals);
                let center = if s < 0 { -center } else { center };
                let Some(next) = acc.checked_add(center, half) else {
                    continue 'cols;
                };
                acc = next;
            }
            let Some(iv) = acc.interval() else {
                continue 'cols;
            };
            if iv.overlaps(&tf.interval()) {
                ColumnFit::Within
            } else {
                ColumnFit::Miss
            }
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

/// A sum of `terms` figures that misses the total `tf` by more than the
/// rounding of all of them could explain: each rounding half-width is at
/// most ½ (a figure with no decimals), so the sum's rounding interval and
/// the total's cannot overlap. Most blocks tried do not add up, and are told
/// so without building the interval. Far from the limits of `Decimal`
/// only, where building it could overflow (and the column is passed over).
fn beyond_rounding(sum: Decimal, tf: &Figure, terms: usize) -> bool {
    let limit = Decimal::from(10u64.pow(18));
    if tf.dash || sum.abs() >= limit || tf.value.abs() >= limit {
        return false;
    }
    let most = Decimal::new(5 * (terms as i64 + 1), 1);
    (sum - tf.value).abs() > most
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
    // A blank cell in a row with figures elsewhere is an adjustment that
    // does not touch that column, in text as in markup: text rows are placed
    // against the centres of the rows that fill every column, and a column
    // mostly blank over a block is still no sum (see `evaluate`).
    let blank_is_zero = true;
    let facts: Vec<Vec<RowFacts>> = doc.tables.iter().map(row_facts).collect();
    let (learned, first) = learned_totals(doc, &facts, rule, blank_is_zero);
    for (((ti, table), facts), first) in doc.tables.iter().enumerate().zip(&facts).zip(first) {
        check_table(ti, table, facts, rule, &learned, first, blank_is_zero, out);
    }
}

/// The label of a row, as compared between rows.
fn label_key(row: &Row) -> String {
    row.label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Labels that the document itself shows to be totals: rows that sum the
/// rows above them in every column, exactly in at least two columns ("WW"
/// under "US" and "Intl", product after product). Another row with the same
/// label reads as a total too, so a single wrong figure under it is
/// reported even though its label says nothing of a total.
///
/// Also returns each table's first pass (its misses and outcome), which the
/// second pass reuses where the learned labels change nothing.
fn learned_totals(
    doc: &Document,
    facts: &[Vec<RowFacts>],
    rule: &Rule,
    blank_is_zero: bool,
) -> (HashSet<String>, Vec<(Vec<Miss>, Outcome)>) {
    let none = HashSet::default();
    let mut learned = HashSet::default();
    let mut first = Vec::with_capacity(doc.tables.len());
    for ((ti, table), facts) in doc.tables.iter().enumerate().zip(facts) {
        let mut scratch = Outcome::default();
        let (misses, fitted) =
            find_totals(ti, table, facts, rule, &none, blank_is_zero, &mut scratch);
        for r in fitted {
            let key = &facts[r].key;
            if !key.is_empty() {
                learned.insert(key.clone());
            }
        }
        first.push((misses, scratch));
    }
    (learned, first)
}

#[allow(clippy::too_many_arguments)]
fn check_table(
    ti: usize,
    table: &Table,
    facts: &[RowFacts],
    rule: &Rule,
    learned: &HashSet<String>,
    first: (Vec<Miss>, Outcome),
    blank_is_zero: bool,
    out: &mut Outcome,
) {
    // `learned` enters `find_totals` only by making a row read as a total;
    // where it makes no row of this table read as one that did not already,
    // the second pass would repeat the first exactly (footing is a large
    // share of the check time).
    let changes = !learned.is_empty()
        && facts
            .iter()
            .any(|f| learned.contains(&f.key) && !f.total_like);
    let (misses, mut local) = if changes {
        let mut local = Outcome::default();
        let (misses, _) = find_totals(ti, table, facts, rule, learned, blank_is_zero, &mut local);
        (misses, local)
    } else {
        first
    };
    // A column that never foots anywhere in the table but misses more than
    // once is not additive (a growth or ratio column with an unhelpful
    // heading): its misses say nothing about the figures.
    let passes: Vec<usize> = (0..table.columns.len())
        .map(|c| local.passed.iter().filter(|p| p.column == c).count())
        .collect();
    let broken: Vec<usize> = (0..table.columns.len())
        .filter(|&c| passes[c] == 0 && independent_misses(&misses, c) >= 2)
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

/// A total that does not foot in one column, with the rows it sums.
#[derive(Debug)]
struct Miss {
    column: usize,
    row: usize,
    units: Vec<usize>,
}

/// The misses in column `c` that are not explained by another: a subtotal
/// that misses makes every total over it miss too, which is one wrong
/// figure, not a column that does not add up.
fn independent_misses(misses: &[Miss], c: usize) -> usize {
    let rows: Vec<usize> = misses
        .iter()
        .filter(|m| m.column == c)
        .map(|m| m.row)
        .collect();
    misses
        .iter()
        .filter(|m| m.column == c && !m.units.iter().any(|u| rows.contains(u)))
        .count()
}

/// Finds each total's components and records passes and findings; returns
/// the column of every miss, and the rows that sum their blocks exactly in
/// at least two columns.
fn find_totals(
    ti: usize,
    table: &Table,
    facts: &[RowFacts],
    rule: &Rule,
    learned: &HashSet<String>,
    blank_is_zero: bool,
    out: &mut Outcome,
) -> (Vec<Miss>, Vec<usize>) {
    let mut misses: Vec<Miss> = Vec::new();
    let mut fitted = Vec::new();
    let points: Vec<bool> = (0..table.columns.len())
        .map(|c| reads_as_points(table, c))
        .collect();
    let n = table.rows.len();
    // A "Less:" row printed in parentheses may carry its sign already
    // ("Less: intersegment revenue (109)"), or subtract a negative ("Less:
    // net loss attributable to noncontrolling interests (5)"): both are
    // tried.
    let signed: Vec<bool> = table
        .rows
        .iter()
        .map(|r| {
            let mut figures = r
                .cells
                .iter()
                .flatten()
                .filter_map(|c| c.figure())
                .filter(|f| !f.dash)
                .peekable();
            let mut negative = false;
            figures.peek().is_some()
                && figures.all(|f| {
                    negative |= f.value < Decimal::ZERO;
                    f.value <= Decimal::ZERO
                })
                && negative
        })
        .collect();
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
        let total_in_points = facts[i].percent_only;
        // Units above, nearest first, and whether a boundary lies above each.
        let mut units: Vec<usize> = Vec::new();
        let mut boundary_above: Vec<bool> = Vec::new();
        // A section header lies between this unit and the next one up.
        let mut header_above: Vec<bool> = Vec::new();
        let mut j = i;
        while j > 0 && units.len() < MAX_UNITS {
            j -= 1;
            let r = &table.rows[j];
            // A row of percentages only (a margin between two
            // reconciliations) adds nothing to amounts: it separates
            // blocks like a section header.
            // Under a total of percentages (a margin reconciliation), rows
            // of amounts separate in turn.
            let rates = if total_in_points {
                r.has_figures() && !facts[j].percent_only
            } else {
                facts[j].percent_only
            };
            if r.header || rates {
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
        let reads_as_total =
            facts[i].total_like || !learned.is_empty() && learned.contains(&facts[i].key);
        let mut chosen: Option<Candidate> = None;
        let mut near: Vec<(Candidate, usize)> = Vec::new();
        let mut rounded: Option<(Candidate, Option<usize>)> = None;
        'sizes: for k in 2..=units.len() {
            if !reads_as_total && (k > 4 || header_above[..k - 1].iter().any(|&h| h)) {
                break;
            }
            let us = &units[..k];
            let plain: Vec<i8> = us.iter().map(|&u| facts[u].weight).collect();
            let chain: Vec<i8> = (0..k).map(|x| if x + 1 == k { 1 } else { -1 }).collect();
            let mut patterns = if reads_as_total {
                vec![plain.clone(), chain]
            } else {
                vec![plain.clone()]
            };
            if us.iter().any(|&u| facts[u].weight < 0 && signed[u]) {
                let printed: Vec<i8> = us
                    .iter()
                    .map(|&u| if signed[u] { 1 } else { facts[u].weight })
                    .collect();
                patterns.insert(1, printed);
            }
            for signs in patterns {
                let evals = evaluate(table, facts, i, us, &signs, blank_is_zero);
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
                // Only over rows that are no totals themselves: a block
                // whose structure was inferred inside is not sure enough to
                // be judged within rounding.
                if reads_as_total
                    && signs_are_plain(&cand, facts)
                    && cand.units.iter().all(|&u| block_start[u].is_none())
                {
                    if let Some(miss) = cand.rounded_fit() {
                        rounded = Some((cand.clone(), miss));
                    }
                }
                let rounded = cand.boundary && reads_as_total && balance_total(table, row);
                if let Some(c) = cand.near_fit(&points, rounded) {
                    // A row whose label says nothing of a total is one when
                    // its block adds up exactly in two other columns.
                    let exact = cand
                        .evals
                        .iter()
                        .filter(|e| e.nontrivial && e.fit == ColumnFit::Exact)
                        .count();
                    if cand.boundary && (reads_as_total || exact >= 2) {
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
        let outdented = outdented_total(table, facts, i, &units, &block_start);
        if chosen.is_none() && near.is_empty() && (closes_section(row) || outdented.is_some()) {
            let section_end = || {
                (0..units.len())
                    .find(|&x| boundary_header(&table.rows, &units, x))
                    .map(|k| k + 1)
            };
            if let Some(k) = outdented.or_else(section_end) {
                if k >= 2 && !header_above[..k - 1].iter().any(|&h| h) {
                    let us = &units[..k];
                    let signs: Vec<i8> = us.iter().map(|&u| facts[u].weight).collect();
                    let evals = evaluate(table, facts, i, us, &signs, blank_is_zero);
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
        // A reconciliation rounded figure by figure: the largest block up to
        // a boundary that holds within rounding in every other column.
        if chosen.is_none() && near.is_empty() {
            match rounded {
                Some((cand, None)) => chosen = Some(cand),
                Some((cand, Some(col))) => near.push((cand, col)),
                None => {}
            }
        }
        // The accepted total's block starts where its top unit's block does.
        let block_of = |cand: &Candidate, block_start: &[Option<usize>]| {
            let top = *cand.units.last().unwrap_or(&i);
            block_start[top].unwrap_or(top)
        };
        if let Some(cand) = chosen {
            let exact = cand
                .evals
                .iter()
                .filter(|e| e.nontrivial && e.fit == ColumnFit::Exact)
                .count();
            if exact >= 2 {
                fitted.push(i);
            }
            block_start[i] = Some(block_of(&cand, &block_start));
            out.totals.push(crate::resolve::TotalBlock {
                table: ti,
                row: i,
                first: block_of(&cand, &block_start),
            });
            record(ti, table, facts, i, &cand, None, rule, out);
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
                record(ti, table, facts, i, &cand, Some(col), rule, out);
            }
        }
        if let Some(c) = miss_column {
            if let Some((cand, _)) = near.first() {
                misses.push(Miss {
                    column: c,
                    row: i,
                    units: cand.units.clone(),
                });
            }
        }
    }
    (misses, fitted)
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

#[allow(clippy::too_many_arguments)]
fn record(
    ti: usize,
    table: &Table,
    facts: &[RowFacts],
    total: usize,
    cand: &Candidate,
    miss: Option<usize>,
    rule: &Rule,
    out: &mut Outcome,
) {
    let t = &table.rows[total];
    let points = margin_reconciliation(facts, total, &cand.units);
    for e in &cand.evals {
        let Some(tf) = term(t, e.column, points) else {
            continue;
        };
        let components: Vec<(&Row, &Figure, i8)> = cand
            .units
            .iter()
            .rev()
            .zip(cand.signs.iter().rev())
            .filter_map(|(&u, &s)| {
                Some((&table.rows[u], term(&table.rows[u], e.column, points)?, s))
            })
            .collect();
        let failed = Some(e.column) == miss || e.fit == ColumnFit::Miss;
        if !failed {
            let spans = components.iter().map(|(_, f, _)| f.span);
            out.pass(rule, ti, total, e.column, spans.chain([tf.span]));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interval::half_unit;

    #[test]
    fn total_words_match_as_prefix_and_substring_tests() {
        let by_tests = |l: &str| {
            TOTAL_STARTS.iter().any(|p| l.starts_with(p))
                || TOTAL_CONTAINS.iter().any(|p| l.contains(p))
        };
        let words = [
            "total",
            "net ",
            "income",
            "(loss)",
            "from",
            "operations",
            "before",
            "taxes",
            "cost",
            "ebit ",
            "ebitda",
            "adjusted",
            "revenue",
            " ",
            "gross",
            "margin",
            "end of",
            " period",
            "(pre-tax)",
            "after-tax",
            "sub",
            "-total",
            "x",
        ];
        let mut labels = vec![String::new()];
        for a in words {
            for b in words {
                labels.push(format!("{a}{b}"));
                for c in ["", " total", "net income", "("] {
                    labels.push(format!("{a}{c}{b}"));
                }
            }
        }
        for l in TOTAL_STARTS.iter().chain(TOTAL_CONTAINS) {
            labels.push(l.to_string());
            labels.push(format!("x{l}"));
            labels.push(l[1..].to_string());
        }
        for l in &labels {
            assert_eq!(TOTAL_WORDS.is_match(l), by_tests(l), "{l:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn beyond_rounding_is_a_miss_of_the_rounding_intervals(
            terms in proptest::collection::vec((-100_000i64..100_000, 0u32..4), 1..8),
            total in (-400_000i64..400_000, 0u32..4),
        ) {
            let figure = |(m, d): (i64, u32)| Figure {
                value: Decimal::new(m, d),
                decimals: d,
                unit: Unit::Amount,
                currency: None,
                span: crate::span::Span::default(),
                dash: false,
            };
            let tf = figure(total);
            let mut sum = Decimal::ZERO;
            let mut acc = RoundedSum::default();
            for &t in &terms {
                let f = figure(t);
                sum += f.value;
                acc = acc.checked_add(f.value, half_unit(f.decimals)).unwrap();
            }
            let overlaps = acc.interval().unwrap().overlaps(&tf.interval());
            if beyond_rounding(sum, &tf, terms.len()) {
                proptest::prop_assert!(!overlaps);
            }
        }
    }

    fn findings(text: &str) -> Vec<super::Finding> {
        crate::check::findings_of("footing", text)
    }

    /// "Less:" rows printed in parentheses carry their sign already; the
    /// other convention (a "Less:" row subtracting a negative) stays.
    #[test]
    fn a_less_row_in_parentheses_is_signed_already() {
        let t = "\
(In Millions)                                     Q4 2026      Q4 2025      FY 2026      FY 2025
Total operating segment revenue                    14,151       20,694       63,574       79,699
  Less: intersegment revenue                         (109)        (166)        (520)        (675)
Total net revenue                                  14,042       20,528       63,054       79,024

Operating expenses                                 21,760       21,355       84,110       81,791
  Less: severance and related charges              (1,533)        (563)      (2,048)        (926)
  Less: office space charges                         (344)            0        (901)            0
Operating expenses, excluding charges              19,883       20,792       81,161       80,865
";
        assert!(findings(t).is_empty(), "{:#?}", findings(t));
        let f = findings(&t.replace("14,042", "14,842"));
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(
            f[0].message.contains("Total net revenue"),
            "{}",
            f[0].message
        );
        let f = findings(&t.replace("(2,048)", "(2,448)"));
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(
            f[0].message.contains("excluding charges"),
            "{}",
            f[0].message
        );
    }

    /// A dash among per-share figures is $0.00, not a zero rounded to whole
    /// dollars: a total $0.05 off its components misses, whatever dash
    /// stands among them (it once widened the sum by ±0.50, "within the
    /// rounding of 2 components").
    #[test]
    fn a_dash_among_per_share_figures_is_a_zero_at_their_precision() {
        let t = "\
(Per share)                                      Q1 2026      Q1 2025
GAAP earnings per share                            0.10         0.20
Restructuring charges                              0.08           —
Total non-GAAP earnings per share                  0.18         0.20
";
        assert!(findings(t).is_empty(), "{:#?}", findings(t));
        let f = findings(&t.replace("0.18         0.20", "0.18         0.25"));
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("does not foot"), "{}", f[0].message);
    }

    /// A balance sheet whose prior year-end total is one off from its ten
    /// rounded components: the current column still exposes a wrong figure.
    const ASSETS: &str = "\
(Dollars in Millions)                         At March 31, 2025   At December 31, 2024
Current Assets:
Cash and cash equivalents                              11,035            13,947
Marketable securities                                   6,430               644
Notes and accounts receivable                           5,857             6,804
Inventories                                             1,431             1,289
Prepaid expenses and other current assets               2,770             2,520
Total Current Assets                                   27,523            25,204
Property, plant and equipment, net                      5,742             5,731
Operating right-of-use assets, net                      3,323             3,197
Long-term financing receivables, net                    4,920             5,353
Prepaid pension assets                                  7,670             7,492
Deferred costs                                            769               788
Deferred taxes                                          7,594             6,978
Goodwill                                               66,065            60,706
Intangibles, net                                       12,392            10,660
Investments and sundry assets                           1,856             1,787
Total Assets                                          137,854           127,897
";

    #[test]
    fn a_balance_sheet_total_within_rounding_in_one_column_exposes_the_other() {
        assert!(findings(ASSETS).is_empty(), "{:#?}", findings(ASSETS));
        let f = findings(&ASSETS.replace("66,065", "66,965"));
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("Total Assets"), "{}", f[0].message);
    }

    /// Pre-tax and post-tax subtotals set out to the left of their
    /// components, amounts rounded one by one (no column foots exactly).
    const OUTDENTED: &str = "\
                                               Three Months Ended    Six Months Ended
(in millions)                                     June 30, 2023       June 30, 2023
   Legal and other costs                                     14                  29
   Exit financing                                             9                  18
Bankruptcy and legal costs (pre-tax)                         23                  46
   Tax impacts                                               (6)                (13)
Bankruptcy and legal costs (post-tax)                        17                  33
";

    #[test]
    fn an_outdented_subtotal_is_checked_on_its_structure() {
        assert!(findings(OUTDENTED).is_empty(), "{:#?}", findings(OUTDENTED));
        let bad = OUTDENTED.replace("  23  ", "  28  ");
        let f = findings(&bad);
        assert!(
            f.iter().any(|f| f.message.contains("pre-tax")),
            "{:#?}",
            f.iter().map(|f| &f.message).collect::<Vec<_>>()
        );
        // Adjustments under a section header are added to a base above it:
        // an outdented row after them is not their sum.
        let recon = "\
                                                2023       2022
Net income (GAAP)                              1,000        900
Adjustments:
   Restructuring                                  40         30
   Litigation                                     20         10
Non-GAAP income tax items                        (15)        (9)
";
        assert!(findings(recon).is_empty(), "{:#?}", findings(recon));
    }

    /// Footing findings and verified figures of an HTML document.
    fn html_audit(html: &str) -> (Vec<super::Finding>, Vec<String>) {
        use crate::document::{Format, SourceFile};
        let source = std::sync::Arc::new(SourceFile {
            path: "t.htm".into(),
            bytes: html.as_bytes().to_vec(),
        });
        let rules = crate::rules::RuleSet::builtin().expect("built-in rules");
        let audit = crate::audit(source, Format::Html, &rules).expect("html parses");
        let verified = audit
            .outcome
            .verified
            .iter()
            .map(|s| html[s.start..s.end].to_string())
            .collect();
        let findings = audit
            .outcome
            .findings
            .into_iter()
            .filter(|f| f.rule == "footing" && f.severity >= super::Severity::Warning)
            .collect();
        (findings, verified)
    }

    /// A reconciliation by line item: each adjustment fills only the columns
    /// it touches, the others are left blank; the per-share column shows
    /// only the first and last rows.
    fn reconciliation(tax: &str, adjusted: &str) -> String {
        let row = |label: &str, cells: [&str; 3]| {
            let tds: String = cells.iter().map(|c| format!("<td>{c}</td>")).collect();
            format!("<tr><td>{label}</td>{tds}</tr>\n")
        };
        let mut h = String::from(
            "<p>RECONCILIATION OF GAAP REPORTED TO NON-GAAP ADJUSTED (millions)</p>\n<table>\n\
             <tr><td></td><td>Cost of sales</td><td>Net income</td><td>Diluted EPS</td></tr>\n",
        );
        h += &row("GAAP Reported", ["5,908", "410", "0.07"]);
        h += &row(
            "Amortization of intangible assets",
            ["&#8212;", "1,359", ""],
        );
        h += &row("Acquisition-related items", ["(224)", "347", ""]);
        h += &row("Restructuring charges", ["(27)", "711", ""]);
        h += &row("Other", ["85", "(606)", ""]);
        h += &row("Income tax provision on non-GAAP items", ["", tax, ""]);
        h += &row("Non-GAAP Adjusted", ["5,742", adjusted, "0.63"]);
        h + "</table>\n"
    }

    #[test]
    fn blank_reconciliation_cells_add_nothing() {
        let (f, verified) = html_audit(&reconciliation("(1,265)", "956"));
        assert!(f.is_empty(), "{f:#?}");
        assert!(verified.iter().any(|v| v == "5,742"), "{verified:?}");
        assert!(verified.iter().any(|v| v == "(1,265)"), "{verified:?}");
        let (f, _) = html_audit(&reconciliation("(1,265)", "965"));
        assert_eq!(f.len(), 1, "{f:#?}");
    }

    /// Product lines, each with a "WW" row summing "US" and "Intl": the
    /// label says nothing of a total, the table shows it.
    const PRODUCTS: &str = "\
(Dollars in Millions)                 2023       2022       2021

ALPHA
  US                                   198         61         74
  Intl                                  26          9         11
  WW                                   224         70         85

BETA
  US                                   427         86         93
  Intl                               1,647        380        341
  WW                                 2,074        466        434

GAMMA
  US                                   110         34         33
  Intl                                 458         84         72
  WW                                   568        118        105
";

    #[test]
    fn a_label_shown_to_be_a_total_is_checked_as_one() {
        assert!(findings(PRODUCTS).is_empty());
        let wrong = PRODUCTS.replace("1,647        380", "1,647        830");
        let f = findings(&wrong);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(&wrong[f[0].span.start..f[0].span.end], "466");
    }

    /// A reconciliation whose figures were rounded one by one: no column
    /// foots exactly, every column within rounding.
    const ROUNDED: &str = "\
RECONCILIATION OF GAAP REPORTED TO NON-GAAP ADJUSTED
(millions)                        Cost of sales    SI&A     Net income
GAAP Reported                             2,845    3,031         2,967
Amortization of intangible assets           100       20         1,211
Acquisition-related items                  (206)      (1)          282
Restructuring charges                       (24)      (6)          666
Other                                       (23)     (15)          207
Non-GAAP Adjusted                         2,693    3,030         5,334
";

    #[test]
    fn a_reconciliation_rounded_figure_by_figure_is_checked_within_rounding() {
        // 2,692, 3,029 and 5,333 by the displayed figures: each total is
        // within rounding of its five components.
        assert!(findings(ROUNDED).is_empty(), "{:#?}", findings(ROUNDED));
        let wrong = ROUNDED.replace("3,030", "3,080");
        let f = findings(&wrong);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(&wrong[f[0].span.start..f[0].span.end], "3,080");
    }

    /// A wrong subtotal makes the total over it miss too: one error, still
    /// reported, not a column that does not add up.
    const OTHER: &str = "\
(in millions)                         2023       2022       2023       2022
Interest income                      (316)       (30)      (493)       (44)
Interest expense                       510        295        830        619
  Net interest expense                 194        265        337        575
Royalty-related income                (273)      (217)      (477)      (389)
Other, net                              (1)         2         (1)         4
  Total other deductions, net          (80)        50       (141)       190
";

    #[test]
    fn a_wrong_subtotal_is_reported_though_the_total_misses_too() {
        assert!(findings(OTHER).is_empty(), "{:#?}", findings(OTHER));
        let wrong = OTHER.replace("337", "387");
        let f = findings(&wrong);
        assert!(
            f.iter().any(|f| &wrong[f.span.start..f.span.end] == "387"),
            "{f:#?}"
        );
    }

    /// A row whose label says nothing of a total, over a block that adds up
    /// exactly in its other columns.
    const RESULT: &str = "\
(in millions)                 2023      2022      2023      2022
Segment earnings               406       356       975       831
Adjustment one                  84        84       169       169
Adjustment two                  17       151        33       186
Company result                 507       591     1,177     1,186
";

    #[test]
    fn a_block_exact_in_other_columns_exposes_one_wrong_figure() {
        assert!(findings(RESULT).is_empty());
        let wrong = RESULT.replace("151", "181");
        let f = findings(&wrong);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0]
            .labels
            .iter()
            .any(|l| &wrong[l.span.start..l.span.end] == "181"));
    }

    /// Reconciliations one under the other, a margin row between them.
    const RECONCILIATIONS: &str = "\
                                              Q1 2023       Q1 2022
Non-GAAP gross margin percentage               38.4 %        53.1 %
GAAP R&D and MG&A                          $    5,412     $   6,114
   Acquisition-related adjustments                (43)          (51)
   Share-based compensation                      (581)         (559)
Non-GAAP R&D and MG&A                      $    4,788     $   5,504
";

    #[test]
    fn a_row_of_percentages_starts_a_block() {
        assert!(findings(RECONCILIATIONS).is_empty());
        let wrong = RECONCILIATIONS.replace("5,412", "5,812");
        let f = findings(&wrong);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0]
            .labels
            .iter()
            .any(|l| &wrong[l.span.start..l.span.end] == "5,812"));
    }

    /// Income available for common shareholders: net income less the
    /// preferred dividends, a chain.
    const AVAILABLE: &str = "\
(in millions)                                        2023      2022
Income before income taxes                             75        32
Income tax benefit                                   (335)     (328)
Net income                                            410       360
Preferred stock dividend requirement of subsidiary      4         4
Income available for common shareholders              406       356
";

    #[test]
    fn income_available_for_common_reads_as_a_total() {
        assert!(findings(AVAILABLE).is_empty());
        let wrong = AVAILABLE.replace("356", "386");
        let f = findings(&wrong);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(&wrong[f[0].span.start..f[0].span.end], "386");
    }

    /// "Operating expenses" with figures closes its block like a "Total".
    const INCOME: &str = "\
(In Millions)                                  Apr 1, 2023    Apr 2, 2022
Net revenue                                 $      11,715   $     18,353
Cost of sales                                       7,707          9,109
Gross margin                                        4,008          9,244
Research and development                            4,109          4,362
Marketing, general, and administrative              1,303          1,752
Restructuring and other charges                        64         (1,211)
Operating expenses                                  5,476          4,903
Operating income (loss)                            (1,468)         4,341
";

    #[test]
    fn operating_expenses_reads_as_a_total() {
        assert!(findings(INCOME).is_empty());
        let wrong = INCOME.replace("4,362", "4,462");
        let f = findings(&wrong);
        assert!(
            f.iter().any(|f| f
                .labels
                .iter()
                .any(|l| &wrong[l.span.start..l.span.end] == "4,462")),
            "{f:#?}"
        );
    }
}
