//! `agree`: a concept has one value per period in every statement that shows
//! it.
//!
//! ## What it checks
//! Net income on the statement of operations is the net income that opens
//! the cash-flow statement and the one every non-GAAP reconciliation starts
//! from, for the same period. Values are compared in units (each table's
//! scale applied) as intervals, so "$541" in thousands agrees with "$0.5
//! million".
//!
//! Only statements and reconciliations are compared: a segment or KPI table
//! shows a "Revenue" row per segment, which is not the consolidated figure.
//! A rule for every concept (`concept: "*"`) compares a primary statement
//! with another showing of the same statement only (a summary table and the
//! full statement): across statements a line can mean something else
//! ("Income taxes" on the cash-flow statement is a change in taxes payable),
//! and reconciliations restate items on pro forma or adjusted bases. Ties
//! across statements are rules of their own, like `net-income-agrees`.

use super::{Finding, Label, Outcome};
use crate::document::Document;
use crate::resolve::{same_period, Fact, Resolved, Role};
use crate::rules::Rule;

/// Checks one `agree` rule (`concept` `None` means every concept).
pub fn check(
    doc: &Document,
    res: &Resolved,
    rule: &Rule,
    concept: Option<&str>,
    out: &mut Outcome,
) {
    let facts: Vec<&Fact> = res
        .facts
        .iter()
        .filter(|f| concept.is_none_or(|c| f.concept == c))
        .filter(|f| {
            let role = res.roles[f.table];
            // Reconciliations restate items on other bases (pro forma,
            // adjusted): they are compared only for a named concept, the
            // starting point a reconciliation must share with the statements.
            let compared = match concept {
                Some(_) => role != Role::Other,
                None => matches!(
                    role,
                    Role::IncomeStatement | Role::BalanceSheet | Role::CashFlow
                ),
            };
            compared && f.period.end.is_some() && f.period_unique
        })
        .collect();
    for (i, f) in facts.iter().enumerate() {
        // Two scans of the earlier facts.
        if !crate::budget::spend(2 * i as u64 + 1) {
            return;
        }
        // The first figure of the same concept and period, in an earlier table.
        // Every concept: only where the same statement is shown twice (a
        // summary and the full statement). Across statements a line can mean
        // something else: "Income taxes" on the cash-flow statement is a
        // change in taxes payable, not the tax expense.
        let same_statement =
            |a: &&&Fact| concept.is_some() || res.roles[a.table] == res.roles[f.table];
        let Some(anchor) = facts[..i].iter().filter(same_statement).find(|a| {
            a.concept == f.concept && a.table != f.table && same_period(a.period, f.period)
        }) else {
            continue;
        };
        // Compare each table once: its first row of the concept.
        let first_in_table = facts[..i]
            .iter()
            .all(|x| !(x.table == f.table && x.concept == f.concept && x.column == f.column));
        if !first_in_table {
            continue;
        }
        if crate::resolve::scale_mismatch(anchor, f) {
            continue;
        }
        if anchor.interval.overlaps(&f.interval) {
            out.pass(
                rule,
                f.table,
                f.row,
                f.column,
                [f.figure.span, anchor.figure.span],
            );
            continue;
        }
        let label = &doc.tables[f.table].rows[f.row].label;
        out.findings.push(Finding {
            rule: rule.id.clone(),
            severity: rule.severity,
            message: format!(
                "{} ({}) is {} in the {}, but {} in the {}",
                if label.is_empty() { &f.concept } else { label },
                f.period,
                f.figure.display(),
                res.roles[f.table],
                anchor.figure.display(),
                res.roles[anchor.table]
            ),
            help: Some(format!(
                "`{}` must have one value per period in every statement that shows it",
                f.concept
            )),
            span: f.figure.span,
            span_text: f.figure.display(),
            labels: vec![Label {
                span: anchor.figure.span,
                text: format!(
                    "{} in the {}",
                    anchor.figure.display(),
                    res.roles[anchor.table]
                ),
            }],
        });
    }
}
