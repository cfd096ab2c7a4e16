//! `midpoint`: a range's printed midpoint is the mean of its ends.
//!
//! ## What it checks
//! Guidance is printed as ranges with their midpoints:
//!
//! ```text
//!                                          April 2023
//! Adjusted EPS (Diluted) / Mid-point       $10.60 – $10.70 / $10.65
//! Change vs. Prior Year / Mid-point         4.5% – 5.5% / 5.0%
//! ```
//!
//! The midpoint must equal `(low + high) / 2` at its printed precision: that
//! is arithmetic on the figures printed, not a claim about the future.
//!
//! ## How the columns are related
//! The reader marks the columns (`Column::midpoint_of`): a row of ranges
//! written "low – high / mid", in a table that says "mid-point". Every
//! figure is an interval, so the ends' rounding carries into the mean. A
//! miss is reported only in a table where another midpoint holds: the
//! layout is read right elsewhere.

use super::{Finding, Label, Outcome};
use crate::document::{format_grouped, Document, Figure};
use crate::interval::Interval;
use crate::rules::Rule;
use rust_decimal::Decimal;

/// The mean of two figures' intervals; `None` on overflow.
fn mean(a: &Figure, b: &Figure) -> Option<Interval> {
    let two = Interval::exact(Decimal::TWO);
    a.interval().checked_add(b.interval())?.checked_div(two)
}

/// Checks every midpoint column of every table.
pub fn check(doc: &Document, rule: &Rule, out: &mut Outcome) {
    for (ti, t) in doc.tables.iter().enumerate() {
        // (row, low, high, midpoint column, the mean, holds)
        let mut evals = Vec::new();
        for (m, col) in t.columns.iter().enumerate() {
            let Some((lo, hi)) = col.midpoint_of else {
                continue;
            };
            for (r, row) in t.rows.iter().enumerate() {
                let (Some(a), Some(b), Some(v)) = (row.figure(lo), row.figure(hi), row.figure(m))
                else {
                    continue;
                };
                if a.dash || b.dash || v.dash {
                    continue;
                }
                let Some(computed) = mean(a, b) else {
                    continue;
                };
                evals.push((r, lo, hi, m, computed, computed.overlaps(&v.interval())));
            }
        }
        if !evals.iter().any(|e| e.5) {
            continue;
        }
        for (r, lo, hi, m, computed, holds) in evals {
            let row = &t.rows[r];
            let (Some(a), Some(b), Some(v)) = (row.figure(lo), row.figure(hi), row.figure(m))
            else {
                continue;
            };
            if holds {
                out.pass(rule, ti, r, m, [a, b, v].into_iter().map(|f| f.span));
                continue;
            }
            let shown = format_grouped(computed.midpoint(), v.decimals);
            let label = if row.label.is_empty() {
                "this range"
            } else {
                &row.label
            };
            out.findings.push(Finding {
                rule: rule.id.clone(),
                severity: rule.severity,
                message: format!(
                    "\"{label}\": the midpoint shows {}, but the range {} to {} has its midpoint at {shown}",
                    v.display(),
                    a.display(),
                    b.display()
                ),
                help: Some(format!(
                    "({} + {}) / 2 = {shown}; the table's other midpoints are the means of their ranges",
                    a.display(),
                    b.display()
                )),
                span: v.span,
                span_text: format!("shows {}, computed {shown}", v.display()),
                labels: vec![
                    Label {
                        span: a.span,
                        text: "low end".into(),
                    },
                    Label {
                        span: b.span,
                        text: "high end".into(),
                    },
                ],
            });
        }
    }
}

#[cfg(test)]
mod tests {
    fn findings(text: &str) -> Vec<crate::check::Finding> {
        crate::check::findings_of("guidance-midpoint", text)
    }

    const GUIDANCE: &str = "\
FULL-YEAR 2026 GUIDANCE:
($ in Billions, except EPS)                               April 2026                    January 2026

Operational Sales / Mid-point                   $88.1B – $89.1B / $88.6B        $87.6B – $88.6B / $88.1B
Change vs. Prior Year / Mid-point                    5.5% – 6.5% / 6.0%              4.5% – 5.5% / 5.0%
Adjusted EPS (Diluted) / Mid-point                $9.60 – $9.70 / $9.65           $9.45 – $9.65 / $9.55
Change vs. Prior Year / Mid-point                    3.0% – 5.0% / 4.0%              2.5% – 4.5% / 3.5%
";

    #[test]
    fn midpoints_are_the_means_of_their_ranges() {
        assert!(findings(GUIDANCE).is_empty(), "{:#?}", findings(GUIDANCE));
        let f = findings(&GUIDANCE.replace("/ $9.65", "/ $9.55"));
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("Adjusted EPS"), "{}", f[0].message);
        assert!(f[0].message.contains("9.65"), "{}", f[0].message);
        // A wrong end shows at the midpoint, the end labelled.
        let f = findings(&GUIDANCE.replace("3.0% – 5.0%", "3.0% – 8.0%"));
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(
            f[0].message.contains("Change vs. Prior Year"),
            "{}",
            f[0].message
        );
    }

    #[test]
    fn ranges_not_said_to_be_midpoints_are_left_alone() {
        let t = GUIDANCE
            .replace("Mid-point", "Outlook")
            .replace("/ $9.65", "/ $9.55");
        assert!(findings(&t).is_empty(), "{:#?}", findings(&t));
    }
}
