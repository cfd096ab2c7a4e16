//! `equation` and `ratio`: relations between concepts, in one table or
//! across tables.
//!
//! ## What they check
//! An `equation` rule states a sum, `total_assets = total_liabilities +
//! total_equity`, or a comparison, `shares_diluted >= shares_basic`. A
//! `ratio` rule states a quotient at the displayed precision of its left
//! side: `eps_basic = net_income / shares_basic`.
//!
//! Without table roles, every term comes from the same table and column, for
//! every column where all terms are present (the nearest row of each concept
//! to the left side's row). With roles (`cash_end[cash_flow] =
//! cash[balance_sheet]`), each left-side figure is matched with figures of
//! the same period in tables of the named roles; `@start` takes the balance
//! sheet at the start of the period. A term written `concept?` is optional
//! (zero when absent: the effect of exchange rates on cash).
//!
//! Where a term is missing the check is silent. A ratio off by a factor of a
//! hundred or more is a scale the table did not state (shares in thousands,
//! amounts in millions), not an error: also silent. A rule may set
//! `allow_excess: 2%`: a left side above the right by at most that share is
//! then advice (ending cash that includes restricted cash the balance sheet
//! shows elsewhere).

use super::{Finding, Label, Outcome};
use crate::document::{format_grouped, Document};
use crate::interval::Interval;
use crate::resolve::{instant_at, same_period, start_instant, Fact, Resolved};
use crate::rules::expr::{Cmp, Equation, Side, Term};
use crate::rules::Rule;
use rust_decimal::Decimal;

/// Checks one equation or ratio rule.
pub fn check(doc: &Document, res: &Resolved, rule: &Rule, eq: &Equation, out: &mut Outcome) {
    let lhs_facts: Vec<&Fact> = res
        .of(&eq.lhs.concept)
        .filter(|f| eq.lhs.role.is_none_or(|r| res.roles[f.table] == r))
        .collect();
    // Facts of one row are evaluated together: for a row of margins or
    // rates, a quotient that holds in no column means the row is defined
    // otherwise than the rule says (adjusted amounts shown elsewhere, a rate
    // on a different base), not that every figure is wrong. A single wrong
    // figure leaves the other columns holding.
    let mut start = 0;
    while start < lhs_facts.len() {
        let (table, row) = (lhs_facts[start].table, lhs_facts[start].row);
        let end = start
            + lhs_facts[start..]
                .iter()
                .take_while(|f| f.table == table && f.row == row)
                .count();
        let mut local = Outcome::default();
        for &lhs in &lhs_facts[start..end] {
            let mut terms = Vec::new();
            let mut complete = true;
            for t in eq.terms().into_iter().skip(1) {
                match find(res, lhs, t) {
                    Some(f) => terms.push((t, f)),
                    None if t.optional => {}
                    None => complete = false,
                }
            }
            if complete {
                evaluate(doc, res, rule, eq, lhs, &terms, &mut local);
            }
        }
        let rates = lhs_facts[start].figure.unit == crate::document::Unit::Percent;
        if rates && local.passed.is_empty() {
            local.findings.clear();
        }
        out.findings.extend(local.findings);
        out.passed.extend(local.passed);
        out.verified.extend(local.verified);
        start = end;
    }
}

/// The fact a term refers to, for a given left-side fact: with a role, a
/// table of that role and the same period; without, the left side's table
/// and column (the row nearest to the left side's).
fn find<'a, 'd>(res: &'a Resolved<'d>, lhs: &Fact<'d>, t: &'a Term) -> Option<&'a Fact<'d>> {
    let candidates = res.of(&t.concept);
    let Some(role) = t.role else {
        return candidates
            .filter(|f| f.table == lhs.table && f.column == lhs.column && f.row != lhs.row)
            .min_by_key(|f| {
                let d = f.row as i64 - lhs.row as i64;
                // Prefer rows above at equal distance.
                (d.abs(), d > 0)
            });
    };
    // Columns that share a period ("As reported", "As adjusted") are not
    // matched across tables.
    if !lhs.period_unique {
        return None;
    }
    let mut matching = candidates
        .filter(|f| res.roles[f.table] == role && f.period_unique)
        .filter(|f| {
            if t.at_start {
                start_instant(lhs.period).is_some_and(|day| instant_at(f.period, day))
            } else if f.period.instant && !lhs.period.instant {
                lhs.period
                    .end
                    .is_some_and(|e| instant_at(f.period, crate::resolve::days(e)))
            } else {
                same_period(f.period, lhs.period)
            }
        });
    matching.next()
}

/// Whether a figure's column is the first or the last of the columns that
/// share its period. A reconciliation runs from the reported amounts through
/// the adjustments to the adjusted ones ("GAAP", adjustments…, "Non-GAAP"):
/// its outer columns are complete statements whose margins and rates are
/// quotients of their own amounts, while the columns between hold each
/// adjustment's contribution in points. Segment columns sharing a period
/// are complete too, so their outer columns are quotients as well.
fn reconciliation_endpoint(doc: &Document, f: &Fact) -> bool {
    let Some(table) = doc.tables.get(f.table) else {
        return false;
    };
    let Some(own) = table.columns.get(f.column) else {
        return false;
    };
    let group: Vec<usize> = table
        .columns
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.derived && same_period(&c.period, &own.period))
        .map(|(i, _)| i)
        .collect();
    // Two columns of one period ("GAAP | Non-GAAP", "As reported | Pro
    // forma") are both complete statements. A lone "Adjustments" column
    // beside its reported one would fail here while the reported one holds;
    // no release in the corpus lays a reconciliation out so, without the
    // adjusted column.
    group.len() >= 2 && (group.first() == Some(&f.column) || group.last() == Some(&f.column))
}

fn value(f: &Fact, sign: i8) -> Interval {
    if sign < 0 {
        f.interval.negated()
    } else {
        f.interval
    }
}

fn shown(f: &Fact) -> String {
    f.figure.display()
}

fn row_label(doc: &Document, f: &Fact) -> String {
    let l = &doc.tables[f.table].rows[f.row].label;
    if l.is_empty() {
        f.concept.clone()
    } else {
        l.clone()
    }
}

fn period_name(doc: &Document, f: &Fact) -> String {
    let p = f.period;
    if !p.is_empty() {
        p.to_string()
    } else {
        let h = &doc.tables[f.table].columns[f.column].header;
        if h.is_empty() {
            format!("column {}", f.column + 1)
        } else {
            h.clone()
        }
    }
}

/// Shows a value in units at the left side's displayed scale.
fn at_scale(v: Decimal, lhs: &Fact) -> String {
    let d = v.checked_div(lhs.scale).unwrap_or(v);
    format_grouped(
        d,
        lhs.figure
            .decimals
            .max(if lhs.scale == Decimal::ONE { 2 } else { 0 }),
    )
}

fn evaluate(
    doc: &Document,
    res: &Resolved,
    rule: &Rule,
    eq: &Equation,
    lhs: &Fact,
    found: &[(&Term, &Fact)],
    out: &mut Outcome,
) {
    let signs: Vec<i8> = found.iter().map(|(t, _)| t.sign).collect();
    let terms: Vec<&Fact> = found.iter().map(|(_, f)| *f).collect();
    let (computed, expr) = match &eq.rhs {
        Side::Sum(_) => {
            let mut acc = Interval::zero();
            let mut text = String::new();
            for (k, (f, s)) in terms.iter().zip(&signs).enumerate() {
                let Some(next) = acc.checked_add(value(f, *s)) else {
                    return;
                };
                acc = next;
                let op = match (k, *s < 0) {
                    (0, false) => "",
                    (0, true) => "-",
                    (_, false) => " + ",
                    (_, true) => " - ",
                };
                text.push_str(&format!("{op}{} {}", row_label(doc, f), shown(f)));
            }
            (acc, text)
        }
        Side::Ratio(..) => {
            // In columns that share a period ("GAAP", "Adjustments",
            // "Non-GAAP"), a margin or rate in an adjustment column is its
            // contribution in points, not a quotient of that column's
            // amounts. Per-share adjustments, by contrast, are quotients.
            if lhs.figure.unit == crate::document::Unit::Percent
                && !lhs.period_unique
                && !reconciliation_endpoint(doc, lhs)
            {
                return;
            }
            let (num, den) = (terms[0], terms[1]);
            let Some(q) = value(num, signs[0]).checked_div(value(den, signs[1])) else {
                return;
            };
            // A quotient a hundredfold or more away from the figure is a scale
            // the table did not state (shares in thousands, amounts in
            // millions), not an error.
            let (m, l) = (q.midpoint().abs(), lhs.interval.midpoint().abs());
            let h = Decimal::ONE_HUNDRED;
            if !m.is_zero() && !l.is_zero() && (m >= l * h || l >= m * h) {
                return;
            }
            (
                q,
                format!(
                    "{} {} / {} {}",
                    row_label(doc, num),
                    shown(num),
                    row_label(doc, den),
                    shown(den)
                ),
            )
        }
    };
    // Terms from other tables at a scale that was misread compare nothing.
    if terms
        .iter()
        .any(|f| f.table != lhs.table && crate::resolve::scale_mismatch(lhs, f))
    {
        return;
    }
    let holds = match eq.cmp {
        Cmp::Eq => computed.overlaps(&lhs.interval),
        Cmp::Ge => lhs.interval.hi >= computed.lo,
        Cmp::Le => lhs.interval.lo <= computed.hi,
    };
    let all: Vec<&Fact> = std::iter::once(lhs).chain(terms.iter().copied()).collect();
    if holds {
        out.pass(
            rule,
            lhs.table,
            lhs.row,
            lhs.column,
            all.into_iter().map(|f| f.figure.span),
        );
        return;
    }
    // A left side above the right by no more than the rule allows (ending
    // cash that includes restricted cash) is worth a look, not an error.
    let excess_allowed = rule.allow_excess.is_some_and(|p| {
        eq.cmp == Cmp::Eq
            && lhs.interval.lo > computed.hi
            && lhs.interval.lo - computed.hi <= p * computed.midpoint().abs()
    });
    let severity = if excess_allowed {
        crate::check::Severity::Advice
    } else {
        rule.severity
    };
    let mid = at_scale(computed.midpoint(), lhs);
    let where_ = if eq.cross_table() {
        format!(" in the {}", res.roles[lhs.table])
    } else {
        String::new()
    };
    let message = match eq.cmp {
        Cmp::Eq => format!(
            "{} ({}){where_} shows {}, but {expr} gives {mid}",
            row_label(doc, lhs),
            period_name(doc, lhs),
            shown(lhs)
        ),
        _ => format!(
            "{} ({}) shows {}, which is not {} {expr}",
            row_label(doc, lhs),
            period_name(doc, lhs),
            shown(lhs),
            eq.cmp.as_str()
        ),
    };
    let labels = terms
        .iter()
        .map(|f| Label {
            span: f.figure.span,
            text: if f.table == lhs.table {
                row_label(doc, f)
            } else {
                format!("{} in the {}", row_label(doc, f), res.roles[f.table])
            },
        })
        .collect();
    out.findings.push(Finding {
        rule: rule.id.clone(),
        severity,
        message,
        help: Some(format!(
            "{}: {} {} {expr} = {mid}",
            eq.text,
            shown(lhs),
            eq.cmp.as_str()
        )),
        span: lhs.figure.span,
        span_text: format!("{}, expected {mid}", shown(lhs)),
        labels,
    });
}

#[cfg(test)]
mod margin_tests {
    use crate::check::findings_of;

    const MARGINS: &str = "HIGHLIGHTS
(in millions)

\tThree Months Ended March 31,\t
\t2026\t2025

Revenue\t$ 1,000\t$ 800
Gross profit\t480\t360
Gross margin\tGM26\tGM25
Income from operations\t150\t96
Operating margin\t15.0%\t12.0%
Income before income taxes\t160\t100
Provision for income taxes\t40\t21
Effective tax rate\t25.0%\t21.0%
Net income\t$ 120\t$ 79
";

    fn with(gm26: &str, gm25: &str) -> String {
        MARGINS.replace("GM26", gm26).replace("GM25", gm25)
    }

    #[test]
    fn margins_and_rates_are_quotients_of_their_rows() {
        let clean = with("48.0%", "45.0%");
        for rule in ["gross-margin", "operating-margin", "effective-tax-rate"] {
            assert!(findings_of(rule, &clean).is_empty(), "{rule}");
        }
        let wrong = findings_of("gross-margin", &with("48.0%", "54.0%"));
        assert_eq!(wrong.len(), 1, "{wrong:?}");
        assert!(wrong[0].message.contains("54.0%"), "{}", wrong[0].message);
        let wrong = findings_of("effective-tax-rate", &clean.replace("21.0%", "12.0%"));
        assert_eq!(wrong.len(), 1, "{wrong:?}");
        // Rounding never alarms: 479.6 / 1,000 is 47.96%, shown as 48.0%.
        let rounded = with("48.0%", "45.0%").replace("480\t360", "479.6\t360.0");
        assert!(findings_of("gross-margin", &rounded).is_empty());
    }

    #[test]
    fn a_summary_of_quarters_divides_by_its_fully_diluted_shares() {
        let summary = "SUMMARY RESULTS
(in millions except per share data)

\tQ1'25\tQ2'25\tQ3'25

Revenue\t10,543\t11,079\t11,510
Net Income\t2,890\t3,125\t2,547
Diluted EPS\t$ 6.61\t$ 7.19\t$ 5.87
Shares (FD)\t437.0\t434.9\t434.0
";
        assert!(findings_of("eps-diluted", summary).is_empty());
        let wrong = findings_of("eps-diluted", &summary.replace("7.19", "7.91"));
        assert_eq!(wrong.len(), 1, "{wrong:?}");
        assert!(wrong[0].message.contains("7.91"), "{}", wrong[0].message);
    }

    #[test]
    fn a_rate_row_that_holds_in_no_column_is_defined_otherwise() {
        // Both rates are on adjusted amounts the table does not show.
        let other = with("48.0%", "45.0%").replace("25.0%\t21.0%", "17.5%\t16.0%");
        assert!(findings_of("effective-tax-rate", &other).is_empty());
    }

    #[test]
    fn rates_in_adjustment_columns_are_contributions_not_quotients() {
        let recon = "RECONCILIATION OF GAAP TO NON-GAAP RESULTS
(in millions)

\tThree Months Ended March 31, 2026\t\t
\tGAAP\tAdjustments\tNon-GAAP

Income before income taxes\t160\t40\t200
Provision for income taxes\t40\t6\t46
Effective tax rate\t25.0%\t(2.0)%\t23.0%
";
        assert!(findings_of("effective-tax-rate", recon).is_empty());
    }

    #[test]
    fn rates_at_the_ends_of_a_reconciliation_are_quotients() {
        let recon = "RECONCILIATION OF GAAP TO NON-GAAP RESULTS
(in millions)

\tThree Months Ended March 31, 2026\t\t\t
\tGAAP\tAcquisition-Related Adjustments\tRetirement-Related Adjustments\tNon-GAAP

Pre-tax income from continuing operations\t160\t30\t10\t200
Provision for income taxes\t40\t4\t2\t46
Effective tax rate\t25.0%\t(2.5)\t0.5\t23.0%
";
        assert!(findings_of("effective-tax-rate", recon).is_empty());
        let wrong = findings_of("effective-tax-rate", &recon.replace("23.0%", "32.0%"));
        assert_eq!(wrong.len(), 1, "{wrong:?}");
    }
}

#[cfg(test)]
mod tests {
    // Per-share rows under a "Diluted:" section header whose own labels do
    // not say which measure they are.
    const DILUTED_SECTION: &str = "\
                                        (in millions, except per share amounts)
                                                    Quarter ended
                                             Dec 31, 2022    Dec 31, 2021
Net income                                          1,322           1,060
Diluted:
      Net income per common share                    0.95            0.76
      Weighted-average common shares outstanding     1,390           1,395
";

    #[test]
    fn a_generic_section_header_names_the_rows_under_it() {
        let f = crate::check::findings_of("eps-diluted", DILUTED_SECTION);
        assert!(f.is_empty(), "{f:#?}");
        let bad = DILUTED_SECTION.replace("0.95", "0.59");
        let f = crate::check::findings_of("eps-diluted", &bad);
        assert_eq!(f.len(), 1, "{f:#?}");
    }
}
