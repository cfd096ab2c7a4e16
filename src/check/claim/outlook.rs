//! An outlook's growth over the reported base it names.
//!
//! ```text
//! Net sales are expected to be between $181.5 billion and $188.5 billion,
//! or to grow between 7% and 11% compared with fourth quarter 2023.
//! ```
//!
//! No table shows the amounts: they look ahead. But the rates are those
//! amounts over a base the sentence names, and the tables show the base
//! (net sales of the fourth quarter of 2023): each rate must be its amount
//! over the base, less one, at the rate's printed precision and a unit of
//! its last digit either way (as any growth claim), the low rate with the
//! low amount and the high with the high.
//!
//! ## Saying nothing unsure
//! Only this shape is read:
//! - the sentence's subject is one concept and words that leave it the
//!   consolidated figure ("Net sales are expected to be …", "We expect
//!   revenue to be …");
//! - a range of two amounts, then a range of two rates of growth
//!   ("or to grow between", "representing growth of"), with no other
//!   figure before them;
//! - a base right after the rates that is a dated period ("compared with
//!   fourth quarter 2023", "over the first quarter of 2024"), on which
//!   every table figure of the concept for that period agrees.
//!
//! When both ends miss, the base the words name is likely not the one the
//! issuer used (another basis, a restated figure): nothing is said. When
//! one end holds, the other is reported; which of its amount and its rate
//! is wrong cannot be told, and the finding labels both.
//!
//! ## An outlook's range against the range its table prints
//!
//! ```text
//! • Forecasting third-quarter 2024 revenue of $12.5 billion to $13.5 billion
//! …
//! Q3 2024            GAAP
//! Revenue            $12.5-13.5 billion
//! ```
//!
//! A range in prose whose concept is named right before it is compared end
//! for end with the range cells (`Cell::Range`) of the rows the concept
//! names, when every such cell of the document prints the same range. An
//! end that ties counts as verified; an end that misses is reported only
//! when the other end ties and it is one slip (a digit changed, two
//! adjacent digits swapped) from the cell's: the prose and the table then
//! state the same outlook, one of them mistyped.

use super::{
    clue_of, digits, in_non_gaap_column, one_slip, prose, scale_word, sentence_end, sentence_start,
    values, DocPeriods, PERIOD,
};
use crate::check::{Finding, Label, Outcome};
use crate::document::{Cell, Figure};
use crate::document::{Document, Mention, MentionKind};
use crate::interval::Interval;
use crate::resolve::{Concepts, Fact, Resolved};
use crate::rules::Rule;
use regex::Regex;
use rust_decimal::Decimal;
use std::sync::LazyLock;

/// Between the two ends of a range of amounts.
static AMOUNT_TO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(million|billion|thousand)?\s*(and|to|-|–|—)\s*\\?\$\s*$").expect("re")
});

/// Between the amounts and the rates: the rates are the amounts' growth.
static GROWTH_LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(million|billion|thousand)?\s*,?\s*(or|representing|which represents|reflecting)\s+(an?\s+)?(to\s+)?(grow|growth|increase)\s+(of\s+)?(between\s+)?$")
        .expect("re")
});

/// Between the two ends of a range of rates.
static RATE_TO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*(%|percent)?\s*(and|to|-|–|—)\s*$").expect("re"));

/// After the rates: the base they are measured against.
static BASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(%|percent)?\s*(compared (with|to)|over|from|versus|vs\.)\s+(the\s+)?")
        .expect("re")
});

/// Words a subject may have beside its concept and still be the
/// consolidated figure of the outlook.
static SUBJECT_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(we|the|company|our|now|currently|expects?|expected|expecting|anticipates?|anticipated|anticipating|forecasts?|forecasting|projects?|projected|projecting|sees?|is|are|to|be|between|of|in|range|a|an|for|total|consolidated|quarter|year|full|fiscal|first|second|third|fourth|q[1-4]|fy\d\d|(19|20)\d\d|guidance|outlook)$")
        .expect("re")
});

/// Reads the outlook around the rate `i`, checks it, and says whether it
/// was read (`None`: not this shape; the figure keeps its note).
pub(super) fn check(
    doc: &Document,
    res: &Resolved,
    concepts: &Concepts,
    periods: &DocPeriods,
    i: usize,
    rule: &Rule,
    out: &mut Outcome,
) -> Option<()> {
    let m = &doc.mentions[i];
    if m.kind != MentionKind::Percent || m.negative {
        return None;
    }
    let text = prose(doc, m.block);
    let text: &str = &text;
    let start = sentence_start(text, m.start);
    let end = sentence_end(text, m.end);
    let figures: Vec<&Mention> = doc
        .mentions
        .iter()
        .filter(|o| o.block == m.block && o.start >= start && o.end <= end)
        .collect();
    // The first four figures of the sentence: two amounts, two rates.
    let [a0, a1, r0, r1] = figures.get(..4)? else {
        return None;
    };
    let (amounts, rates): ([&Mention; 2], [&Mention; 2]) = ([a0, a1], [r0, r1]);
    // Which end this rate is.
    let k = rates.iter().position(|r| std::ptr::eq(*r, m))?;
    if amounts
        .iter()
        .any(|a| a.kind != MentionKind::Money || a.negative)
        || rates
            .iter()
            .any(|r| r.kind != MentionKind::Percent || r.negative)
        || !AMOUNT_TO.is_match(&text[a0.end..a1.start])
        || !GROWTH_LINK.is_match(&text[a1.end..r0.start])
        || !RATE_TO.is_match(&text[r0.end..r1.start])
    {
        return None;
    }
    // The subject: one concept, and only words that leave it whole.
    let lead = text[start..a0.start].to_lowercase();
    let phrases = concepts.phrases_in(&lead);
    let [(concept, p0, p1)] = phrases[..] else {
        return None;
    };
    let rest = format!("{} {}", &lead[..p0], &lead[p1..]);
    if !rest
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| SUBJECT_WORD.is_match(w))
    {
        return None;
    }
    // The base: a dated period right after the rates.
    let tail = &text[r1.end..end];
    let after = BASE.find(tail)?;
    let clue = PERIOD
        .captures(&tail[after.end()..])
        .filter(|c| c.get(0).is_some_and(|x| x.start() == 0))
        .map(|c| clue_of(&c))?;
    clue.year?;
    let bases: Vec<&Fact> = values(res, concept)
        .into_iter()
        .filter(|(_, facts)| facts.len() == 1)
        .map(|(_, facts)| facts[0])
        .filter(|f| !in_non_gaap_column(doc, f))
        .filter(|f| periods.fits(&clue, f.period) == Some(true))
        .filter(|f| !under_segment_header(doc, f))
        .collect();
    let base = *bases.iter().min_by_key(|f| f.interval.hi - f.interval.lo)?;
    if bases.iter().any(|f| !f.interval.overlaps(&base.interval))
        || base.interval.lo <= Decimal::ZERO
    {
        return None;
    }
    // Each end: its amount over the base, less one, against its rate.
    let mut fits = [false; 2];
    let mut growths = [None; 2];
    for (end, (amount, rate)) in amounts.iter().zip(rates).enumerate() {
        let growth = amount
            .interval()
            .and_then(|a| a.checked_sub(base.interval))
            .and_then(|d| d.checked_div(base.interval))?;
        let unit = Decimal::try_new(1, rate.decimals)
            .ok()
            .and_then(|u| u.checked_mul(rate.scale))?;
        let claim = rate.interval()?;
        // A percentage is printed in percent; the growth is a fraction.
        let claim = Interval::new(claim.lo.checked_sub(unit)?, claim.hi.checked_add(unit)?)
            .scale(Decimal::new(1, 2))?;
        fits[end] = growth.overlaps(&claim);
        growths[end] = Some(growth);
    }
    let label = &doc.tables[base.table].rows[base.row].label;
    let base_at = format!("Table {} \"{}\", {}", base.table + 1, label, base.period);
    match (fits[k], fits[1 - k]) {
        // This end holds: the base is the one the words name.
        (true, _) => {
            out.pass(
                rule,
                base.table,
                base.row,
                base.column,
                [m.span, amounts[k].span, base.figure.span],
            );
            out.sentence.insert(
                m.span,
                format!("the outlook's {} over {base_at}", amounts[k].display()),
            );
            Some(())
        }
        // This end misses while the other holds.
        (false, true) => {
            let amount = amounts[k];
            // Amounts in the outlook's own scale ("$62.2 million").
            let in_scale = |v: Decimal| {
                let shown = v.checked_div(amount.scale).unwrap_or(v);
                format!(
                    "${} {}",
                    shown.round_dp(amount.decimals + 1).normalize(),
                    scale_word(amount.scale)
                )
            };
            let growth = growths[k]?.midpoint().saturating_mul(Decimal::ONE_HUNDRED);
            out.findings.push(Finding {
                rule: rule.id.clone(),
                severity: rule.severity,
                message: format!(
                    "the outlook's growth of {} does not follow from its amount: {} over {} for the {} is {}%",
                    m.display(),
                    amount.display(),
                    in_scale(base.interval.midpoint()),
                    clue.text,
                    growth.round_dp(1)
                ),
                help: Some(format!(
                    "the tables give {} for the {} ({base_at}); the other end of the range agrees with its rate, so this end's amount or its rate is wrong",
                    in_scale(base.interval.midpoint()),
                    clue.text,
                )),
                span: m.span,
                span_text: "growth claimed here".into(),
                labels: vec![
                    Label {
                        span: amount.span,
                        text: "the outlook's amount".into(),
                    },
                    Label {
                        span: base.figure.span,
                        text: format!("{label} ({})", base.period),
                    },
                ],
            });
            Some(())
        }
        (false, false) => None,
    }
}

/// Between a range's concept and its low end: "revenue of $", "revenue
/// to be between $", "revenue in the range of $".
static RANGE_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(of|is|are|to be|will be|at|in the range of|of between|between)?\s*(approximately\s+|about\s+)?(between\s+)?\\?\$\s*$")
        .expect("re")
});

/// Checks the end of a prose range at mention `i` against the range cells
/// of its concept's rows (see the module doc). `None`: not such a range,
/// or no such cell; the figure keeps its note.
pub(super) fn against_range_cell(
    doc: &Document,
    concepts: &Concepts,
    i: usize,
    rule: &Rule,
    out: &mut Outcome,
) -> Option<()> {
    let m = &doc.mentions[i];
    if m.kind != MentionKind::Money || m.negative {
        return None;
    }
    let text = prose(doc, m.block);
    let text: &str = &text;
    let joined = |a: &Mention, b: &Mention| {
        a.block == b.block
            && b.kind == MentionKind::Money
            && !b.negative
            && a.end <= b.start
            && AMOUNT_TO.is_match(&text[a.end..b.start])
    };
    let before = i.checked_sub(1).map(|p| &doc.mentions[p]);
    let (low, high, k) = match (before, doc.mentions.get(i + 1)) {
        (_, Some(n)) if joined(m, n) => (m, n, 0),
        (Some(p), _) if joined(p, m) => (p, m, 1),
        _ => return None,
    };
    // The concept, named right before the range, as the sentence's subject.
    let start = sentence_start(text, low.start);
    let lead = text[start..low.start].to_lowercase();
    let &(concept, p0, p1) = concepts.phrases_in(&lead).last()?;
    if !RANGE_LEAD.is_match(&lead[p1..]) {
        return None;
    }
    if !lead[..p0]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| SUBJECT_WORD.is_match(w))
    {
        return None;
    }
    // The concept's range cells, all printing the same range.
    let mut cells = Vec::new();
    for (t, table) in doc.tables.iter().enumerate() {
        for (r, row) in table.rows.iter().enumerate() {
            for (c, cell) in row.cells.iter().enumerate() {
                let Some(Cell::Range {
                    low: cl,
                    high: ch,
                    scale,
                    ..
                }) = cell
                else {
                    continue;
                };
                let probe = crate::document::Row {
                    cells: vec![Some(Cell::Figure(cl.clone()))],
                    ..row.clone()
                };
                if concepts.classify(&probe, None) == Some(concept) {
                    cells.push((t, r, c, cl, ch, *scale));
                }
            }
        }
    }
    let &(t, r, c, cl, ch, scale) = cells.first()?;
    if cells
        .iter()
        .any(|x| (x.3.value, x.4.value, x.5) != (cl.value, ch.value, scale))
    {
        return None;
    }
    let ends: [(&Mention, &Figure); 2] = [(low, cl), (high, ch)];
    let ties = |(prose, cell): (&Mention, &Figure)| -> Option<bool> {
        let printed = Interval::rounded(cell.value, cell.decimals).scale(scale)?;
        Some(prose.interval()?.overlaps(&printed))
    };
    let (own, other) = (ties(ends[k])?, ties(ends[1 - k])?);
    let (_, cell_end) = ends[k];
    let label = &doc.tables[t].rows[r].label;
    if own {
        out.tied.insert(m.span, (t, r, c));
        out.pass(rule, t, r, c, [m.span, cell_end.span]);
        return Some(());
    }
    // This end misses: reported only when the other ties and this one is a
    // slip of the cell's.
    let decimals = m.decimals.max(cell_end.decimals);
    let said = digits(&m.value.to_string(), decimals);
    let printed = digits(&cell_end.value.to_string(), decimals);
    if !other || m.scale != scale || !one_slip(&said, &printed) {
        return None;
    }
    let which = if k == 0 { "low" } else { "high" };
    out.findings.push(Finding {
        rule: rule.id.clone(),
        severity: rule.severity,
        message: format!(
            "the outlook's {which} end of {} does not agree with the range the table prints, ${} {}",
            m.display(),
            cell_end.display(),
            scale_word(scale)
        ),
        help: Some(format!(
            "Table {} \"{label}\" prints ${}-{} {}; the other end agrees, so one of the two ends is mistyped",
            t + 1,
            cl.value,
            ch.value,
            scale_word(scale)
        )),
        span: m.span,
        span_text: format!("{which} end claimed here"),
        labels: vec![Label {
            span: cell_end.span,
            text: format!("{label}: the table's {which} end"),
        }],
    });
    Some(())
}

/// Is the fact's row in a segment's section ("North America Segment:"
/// over its own "Net sales")? Its figure is the segment's, not the
/// consolidated one an outlook is measured against.
fn under_segment_header(doc: &Document, f: &Fact) -> bool {
    doc.tables[f.table].rows[..f.row]
        .iter()
        .rev()
        .find(|r| r.header)
        .is_some_and(|h| {
            h.label
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w.eq_ignore_ascii_case("segment"))
        })
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;

    /// A release whose outlook names a base its supplemental table shows.
    fn release(outlook: &str) -> String {
        format!(
            "Example Corp Reports Third Quarter 2026 Results\n\n\
Net sales were $58.9 million in the third quarter.\n\n\
Guidance\n\n- {outlook}\n\n\
SUPPLEMENTAL FINANCIAL INFORMATION\n(in thousands)\n\n\
\tQ3 2025\tQ4 2025\tQ1 2026\tQ2 2026\tQ3 2026\n\n\
Net sales\t$ 53,083\t$ 62,214\t$ 54,120\t$ 55,902\t$ 58,874\n\
Operating income\t3,911\t4,187\t3,402\t3,655\t4,120\n"
        )
    }

    const OUTLOOK: &str = "Net sales are expected to be between $66.5 million and $69.0 million, or to grow between 7% and 11% compared with fourth quarter 2025.";

    #[test]
    fn an_outlook_that_follows_from_its_base_says_nothing() {
        assert!(findings_of("narrative-figures", &release(OUTLOOK)).is_empty());
    }

    #[test]
    fn each_changed_figure_of_the_outlook_is_found() {
        for (from, to) in [
            ("$66.5 million", "$63.5 million"),
            ("$69.0 million", "$64.0 million"),
            ("between 7%", "between 4%"),
            ("and 11%", "and 17%"),
        ] {
            let text = release(&OUTLOOK.replace(from, to));
            let at = text.find(to).expect("changed figure")
                + to.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
            let found = findings_of("narrative-figures", &text);
            assert_eq!(found.len(), 1, "{to}: {found:#?}");
            let f = &found[0];
            let covers = |s: crate::span::Span| s.start <= at && at < s.end;
            assert!(
                covers(f.span) || f.labels.iter().any(|l| covers(l.span)),
                "{to}: {f:#?}"
            );
        }
    }

    #[test]
    fn the_reported_base_of_an_outlook_ties_to_the_tables() {
        let base = "Operating income is expected to be between $4.0 million and $5.5 million, compared with $4.2 million in fourth quarter 2025.";
        assert!(findings_of("narrative-figures", &release(base)).is_empty());
        let text = release(&base.replace("$4.2 million", "$4.7 million"));
        let found = findings_of("narrative-figures", &text);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].span.start, text.find("4.7").expect("figure"));
    }

    #[test]
    fn shapes_it_cannot_read_are_silent() {
        for outlook in [
            // Both ends miss: the base is not the one the words name.
            "Net sales are expected to be between $66.5 million and $69.0 million, or to grow between 17% and 21% compared with fourth quarter 2025.",
            // A part of the business, not the consolidated figure.
            "Cloud net sales are expected to be between $66.5 million and $69.0 million, or to grow between 7% and 14% compared with fourth quarter 2025.",
            // A period the tables do not show.
            "Net sales are expected to be between $66.5 million and $69.0 million, or to grow between 7% and 14% compared with fourth quarter 2024.",
            // In constant currency: not the growth of the printed amounts.
            "Net sales are expected to be between $66.5 million and $69.0 million, or to grow between 7% and 14% in constant currency compared with fourth quarter 2025.",
        ] {
            let found = findings_of("narrative-figures", &release(outlook));
            assert!(found.is_empty(), "{outlook}: {found:#?}");
        }
    }
}

#[cfg(test)]
mod range_tests {
    use crate::check::Finding;
    use crate::document::Format;

    fn findings(html: &str) -> Vec<Finding> {
        crate::check::findings_in("narrative-figures", html, Format::Html)
    }

    /// A bullet forecasting revenue, and the outlook table printing it.
    fn release(bullet: &str, cell: &str) -> String {
        format!(
            "<html><body><p>Example Corp Reports Second-Quarter 2024 Financial Results</p>\
<p>&#8226; {bullet}</p>\
<p>Example's guidance for the third quarter of 2024 is as follows:</p>\
<table><tr><td>Q3 2024</td><td>GAAP</td><td>Non-GAAP</td></tr>\
<tr><td>Revenue</td><td>{cell}</td><td></td></tr>\
<tr><td>Gross Margin</td><td>34.5%</td><td>38.0%</td></tr></table></body></html>"
        )
    }

    const BULLET: &str =
        "Forecasting third-quarter 2024 revenue of $12.5 billion to $13.5 billion.";

    #[test]
    fn a_range_that_agrees_with_its_cell_says_nothing() {
        assert!(findings(&release(BULLET, "$12.5-13.5 billion")).is_empty());
    }

    #[test]
    fn a_changed_end_is_found_in_prose_or_table() {
        let html = release(&BULLET.replace("$13.5", "$18.5"), "$12.5-13.5 billion");
        let found = findings(&html);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].span.start, html.find("18.5").expect("end"));
        let html = release(BULLET, "$12.8-13.5 billion");
        let found = findings(&html);
        assert_eq!(found.len(), 1, "{found:#?}");
        let cell = html.find("12.8").expect("cell");
        assert!(
            found[0].labels.iter().any(|l| l.span.start == cell),
            "{found:#?}"
        );
    }

    #[test]
    fn ranges_that_differ_at_both_ends_are_not_the_same_outlook() {
        assert!(findings(&release(BULLET, "$52.5-53.8 billion")).is_empty());
        // Nor is an end more than one slip away.
        assert!(findings(&release(BULLET, "$12.5-17.0 billion")).is_empty());
    }
}
