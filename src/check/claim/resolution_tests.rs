//! Fixtures for the resolutions of issue #4: row labels, comparison
//! amounts, fiscal quarters dated by their figures, stated rates,
//! headings, lists about the future. Each shape is checked three ways: the
//! sentence as written ties, the same with its figure changed is a finding
//! on that figure, and an unsure shape is silent with its reason.

use crate::check::{findings_of, Finding};
use crate::document::{Format, SourceFile};
use crate::rules::RuleSet;

/// A statement of operations and a segment table, two quarters, after
/// `prose`.
fn release(prose: &str) -> String {
    format!(
        "Example Corp Reports First Quarter 2026 Results\n\n{prose}\n\n\
EXAMPLE CORP\nCONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS\n\
(in thousands, except per share amounts)\n\n\
\tThree Months Ended March 31,\t\n\t2026\t2025\n\n\
Revenue\t$ 48,213\t$ 42,871\n\
Costs and expenses:\t\t\n\
Cost of revenue\t21,064\t19,118\n\
Research and development\t12,500\t11,200\n\
Sales and marketing\t6,200\t5,900\n\
General and administrative\t4,190\t3,908\n\
Total costs and expenses\t43,954\t40,126\n\
Income from operations\t4,259\t2,745\n\
Provision for income taxes\t790\t498\n\
Net income\t$ 3,469\t$ 2,247\n\n\
CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS\n(in thousands)\n\n\
\tThree Months Ended March 31,\t\n\t2026\t2025\n\n\
Net cash provided by operating activities\t9,120\t7,840\n\
Purchases of property and equipment\t(2,310)\t(1,950)\n\
Dividends paid\t(1,275)\t(1,180)\n\
Repurchases of common stock\t(4,000)\t(2,500)\n\
Net cash used in financing activities\t(5,275)\t(3,680)\n\n\
SEGMENT INFORMATION\n(in thousands)\n\n\
\tThree Months Ended March 31,\t\n\t2026\t2025\n\n\
Revenues:\t\t\n\
Cloud Services\t$ 12,013\t$ 9,240\n\
Devices\t36,200\t32,321\n\
Other\t—\t1,310\n\
Total revenues\t$ 48,213\t$ 42,871\n"
    )
}

/// Sentences and the narrative findings each must give, against `doc`.
fn expect(doc: impl Fn(&str) -> String, cases: &[(&str, usize)]) {
    let mut wrong = Vec::new();
    for (sentence, want) in cases {
        let got: Vec<Finding> = findings_of("narrative-figures", &doc(sentence));
        if got.len() != *want {
            wrong.push(format!(
                "{sentence:?}: {} findings, want {want}: {got:#?}",
                got.len()
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Why the prose figure printed `figure` (its first occurrence) was not
/// checked, as `inspect` says.
fn note_of(text: &str, figure: &str) -> String {
    let source = std::sync::Arc::new(SourceFile {
        path: "t.txt".into(),
        bytes: text.as_bytes().to_vec(),
    });
    let audit =
        crate::audit(source, Format::Text, &RuleSet::builtin().expect("rules")).expect("parses");
    let at = text.find(figure).expect("figure in text");
    audit
        .outcome
        .notes
        .iter()
        .find(|(span, _)| span.start == at)
        .map(|(_, why)| why.clone())
        .unwrap_or_default()
}

#[test]
fn row_labels_name_their_rows() {
    expect(
        release,
        &[
            // A label the vocabulary does not know.
            ("Total costs and expenses were $44.0 million, an increase of 10% year-over-year.", 0),
            ("Total costs and expenses were $44.9 million, an increase of 10% year-over-year.", 1),
            ("Total costs and expenses were $44.0 million, an increase of 19% year-over-year.", 1),
            ("Research and development expenses were $12.5 million.", 0),
            ("Research and development expenses were $15.2 million.", 1),
            // Plurals and a cash-flow row.
            ("Dividend paid were $1.3 million and repurchases of common stock were $4.0 million.", 0),
            ("Dividends paid were $1.3 million and repurchases of common stock were $4.9 million.", 1),
            // A quoted label in a footnote.
            ("This amount is included in “Dividends paid” of $1.3 million.", 0),
            ("This amount is included in “Dividends paid” of $3.1 million.", 1),
        ],
    );
    // A label as the object of a verb is not the figure's subject.
    let text = release("Dealers expanded research and development to $15.2 million.");
    assert_eq!(findings_of("narrative-figures", &text).len(), 0);
    assert_eq!(note_of(&text, "15.2"), "no concept named before the figure");
    // The last of a list of subjects is not the subject.
    let text = release(
        "Cost of revenue, sales and marketing and research and development were $15.2 million.",
    );
    assert_eq!(findings_of("narrative-figures", &text).len(), 0);
}

#[test]
fn comparison_amounts_are_the_earlier_figure() {
    expect(
        release,
        &[
            (
                "Revenue for the first quarter increased 12.5 percent, to $48.2 million from $42.9 million last year.",
                0,
            ),
            (
                "Revenue for the first quarter increased 12.5 percent, to $48.2 million from $49.2 million last year.",
                1,
            ),
            ("Net income for the first quarter was $3.5 million vs. $2.2 million last year.", 0),
            ("Net income for the first quarter was $3.5 million vs. $2.7 million last year.", 1),
        ],
    );
    // Both figures a slip from the row: the sentence is about something
    // else the row resembles.
    let text = release("Revenue for the first quarter was $38.2 million, compared with $32.9 million in the prior year.");
    assert_eq!(findings_of("narrative-figures", &text).len(), 0);
    assert!(
        note_of(&text, "38.2").contains("compared with"),
        "{}",
        note_of(&text, "38.2")
    );
}

#[test]
fn vs_before_a_figure_does_not_end_the_sentence() {
    expect(
        release,
        &[
            (
                "Operating margin was 8.8% vs. 6.4% in the first quarter of 2025.",
                0,
            ),
            (
                "Operating margin was 8.8% vs. 4.6% in the first quarter of 2025.",
                1,
            ),
            // "Last Q1" is a year before the quarter the release is about.
            ("Operating margin of 8.8% (vs. 6.4% last Q1).", 0),
        ],
    );
}

#[test]
fn fiscal_quarters_are_dated_by_their_figures() {
    // A summary headed "Q1 FY27 | Q4 FY26 | Q1 FY26" beside a dated
    // statement: the quarter before the latest is dated by the figures it
    // shares with no column, but the latest and the year-ago ones share
    // revenue and net income with the statement's columns.
    let doc = |prose: &str| {
        format!(
            "{}\nSUMMARY\n(in thousands)\n\n\tQ1 FY27\tQ4 FY26\tQ1 FY26\n\n\
Revenue\t$ 48,213\t$ 45,100\t$ 42,871\n\
Net income\t$ 3,469\t$ 3,100\t$ 2,247\n",
            release(prose)
        )
    };
    expect(
        doc,
        &[
            (
                "Revenue for the first quarter ended March 31, 2026, was $48.2 million, up 7% from the previous quarter.",
                0,
            ),
            // The growth over the year-ago quarter (12.5%) is no base for
            // "the previous quarter": 17% is one slip from it, but what the
            // quarter before grew to is not placed here, so nothing is said.
            (
                "Revenue for the first quarter ended March 31, 2026, was $48.2 million, up 17% from the previous quarter.",
                0,
            ),
            (
                "Revenue for the first quarter ended March 31, 2026, was $48.2 million, up 12% from a year ago.",
                0,
            ),
            (
                "Revenue for the first quarter ended March 31, 2026, was $48.2 million, up 17% from a year ago.",
                1,
            ),
        ],
    );
}

/// `release` with a growth column and a constant-currency one, and a
/// table of rates by product line.
fn release_with_rates(prose: &str) -> String {
    format!(
        "{}\nREVENUE BY PRODUCT\n(in thousands)\n\n\
\tThree Months Ended March 31, 2026\tThree Months Ended March 31, 2025\t% Change\t% Change in Constant Currency\n\n\
Cloud Services\t$ 12,013\t$ 9,240\t30%\t34%\n\
Devices\t36,200\t32,321\t12%\t14%\n\
Total revenues\t$ 48,213\t$ 42,871\t12%\t15%\n\n\
SELECTED PRODUCT REVENUE GROWTH\n\n\
\tThree Months Ended March 31, 2026 Percentage Change Y/Y\t\
Three Months Ended March 31, 2026 Percentage Change Y/Y Constant Currency\n\n\
Storage\t21%\t23%\n\
Networking\t8%\t9%\n\
Software\t15%\t16%\n",
        release(prose)
    )
}

#[test]
fn growth_rates_the_tables_state() {
    expect(
        release_with_rates,
        &[
            (
                "Revenue was up 12% in USD and up 15% in constant currency.",
                0,
            ),
            (
                "Revenue was up 12% in USD and up 51% in constant currency.",
                1,
            ),
            (
                "Devices revenue increased 12% (up 14% in constant currency).",
                0,
            ),
            (
                "Devices revenue increased 12% (up 41% in constant currency).",
                1,
            ),
            // A product line only a table of rates shows.
            (
                "Storage revenue increased 21% (up 23% in constant currency).",
                0,
            ),
            (
                "Storage revenue increased 12% (up 23% in constant currency).",
                1,
            ),
            (
                "Storage revenue increased 21% (up 32% in constant currency).",
                1,
            ),
            // "or" a rate in constant currency after the growth.
            ("Revenue increased 12%, or 15% in constant currency.", 0),
            ("Revenue increased 12%, or 51% in constant currency.", 1),
        ],
    );
    // A constant-currency rate no table states stays unchecked.
    let text = release("Revenue increased 12%, or 15% in constant currency.");
    assert_eq!(findings_of("narrative-figures", &text).len(), 0);
    assert!(note_of(&text, "15%").contains("constant currency"));
}

#[test]
fn headings_name_the_part_their_paragraph_is_about() {
    let under = |heading: &str, sentence: &str| release(&format!("{heading}\n\n{sentence}"));
    // A part the segment table shows.
    assert_eq!(
        findings_of(
            "narrative-figures",
            &under(
                "Devices",
                "Revenue was $36.2 million, up 12% year over year."
            )
        )
        .len(),
        0
    );
    assert_eq!(
        findings_of(
            "narrative-figures",
            &under(
                "Devices",
                "Revenue was $63.2 million, up 12% year over year."
            )
        )
        .len(),
        1
    );
    // A part no table shows: a miss is about that part.
    let text = under("Gaming", "Revenue was $43.2 million.");
    assert_eq!(findings_of("narrative-figures", &text).len(), 0);
    assert!(note_of(&text, "43.2").starts_with("under the heading \"Gaming\""));
    // A heading of the release's own business changes nothing.
    assert_eq!(
        findings_of(
            "narrative-figures",
            &under("Financial Highlights", "Revenue was $43.2 million.")
        )
        .len(),
        1
    );
}

#[test]
fn a_list_of_expectations_is_forward_looking() {
    let text = release("For 2027, the Company expects:\n\n• Revenue of $84.2 million\n\n• Net income of $5.3 million");
    assert_eq!(findings_of("narrative-figures", &text).len(), 0);
    assert!(note_of(&text, "84.2").starts_with("forward-looking"));
}

#[test]
fn respectively_lists_of_periods() {
    let doc = |prose: &str| {
        format!(
            "Example Corp Reports Fourth Quarter and Full Year 2026 Results\n\n{prose}\n\n\
EXAMPLE CORP\nCONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS\n(in thousands)\n\n\
\tThree Months Ended December 31, 2026\tThree Months Ended December 31, 2025\t\
Twelve Months Ended December 31, 2026\tTwelve Months Ended December 31, 2025\n\n\
Revenue\t$ 48,213\t$ 42,871\t$ 180,000\t$ 170,000\n\
Total costs and expenses\t43,954\t40,126\t160,100\t148,200\n"
        )
    };
    expect(
        doc,
        &[
            (
                "Total costs and expenses were $44.0 million and $160.1 million, representing increases of 10% and 8% year-over-year for the fourth quarter and full year 2026, respectively.",
                0,
            ),
            (
                "Total costs and expenses were $44.0 million and $106.1 million, representing increases of 10% and 8% year-over-year for the fourth quarter and full year 2026, respectively.",
                1,
            ),
            (
                "Total costs and expenses were $44.0 million and $160.1 million, representing increases of 10% and 9% year-over-year for the fourth quarter and full year 2026, respectively.",
                0,
            ),
            (
                "Total costs and expenses were $44.0 million and $160.1 million, representing increases of 10% and 3% year-over-year for the fourth quarter and full year 2026, respectively.",
                1,
            ),
            (
                "Revenue was $48.2 million and $180.0 million for the fourth quarter and full year 2026, a increase of 12% and an increase of 6% year-over-year, respectively.",
                0,
            ),
        ],
    );
}

#[test]
fn rates_in_rows_under_measures_in_columns() {
    // Rates in rows, the measures (or the title's parts) in columns.
    let doc = |prose: &str| {
        format!(
            "{}\nFINANCIAL PERFORMANCE CONSTANT CURRENCY RECONCILIATION\n(in thousands)\n\n\
\tThree Months Ended March 31, Revenue\tThree Months Ended March 31, Net Income\n\n\
2025 As Reported (GAAP)\t$ 42,871\t$ 2,247\n\
2026 As Reported (GAAP)\t$ 48,213\t$ 3,469\n\
Percentage Change Y/Y (GAAP)\t12%\t54%\n\
Percentage Change Y/Y Constant Currency\t14%\t51%\n\n\
SEGMENT REVENUE CONSTANT CURRENCY RECONCILIATION\n(in thousands)\n\n\
\tThree Months Ended March 31, Cloud Services\tThree Months Ended March 31, Devices\n\n\
Percentage Change Y/Y (GAAP)\t30%\t12%\n\
Percentage Change Y/Y Constant Currency\t33%\t13%\n",
            release(prose)
        )
    };
    expect(
        doc,
        &[
            ("Net income was $3.5 million and increased 54% (up 51% in constant currency).", 0),
            ("Net income was $3.5 million and increased 54% (up 15% in constant currency).", 1),
            ("Revenue in Cloud Services was $12.0 million and increased 30% (up 33% in constant currency).", 0),
            ("Revenue in Cloud Services was $12.0 million and increased 30% (up 38% in constant currency).", 1),
        ],
    );
}

#[test]
fn the_issuers_own_name_leaves_a_concept_consolidated() {
    let named = |prose: &str| {
        release(prose).replace(
            "EXAMPLE CORP\nCONDENSED",
            "EXAMPLE PRODUCTS CORPORATION\nCONDENSED",
        )
    };
    expect(
        named,
        &[
            ("EP's revenue for the first quarter was $48.2 million.", 0),
            ("EP's revenue for the first quarter was $84.2 million.", 1),
            (
                "Consolidated Example revenue for the first quarter was $84.2 million.",
                1,
            ),
            // Another company's name is a part, or something else.
            ("Acme's revenue for the first quarter was $84.2 million.", 0),
        ],
    );
}

#[test]
fn gaap_and_non_gaap_pairs_and_margins() {
    // A reconciliation across columns: GAAP, adjustments, non-GAAP.
    let doc = |prose: &str| {
        format!(
            "{}\nRECONCILIATION OF SELECTED GAAP MEASURES TO NON-GAAP MEASURES\n\
(in thousands, except per share amounts)\n\n\
\t2026 GAAP\t2026 Adjustments\t2026 Non-GAAP\t2025 GAAP\t2025 Adjustments\t2025 Non-GAAP\n\n\
Revenue\t$ 48,213\t$ —\t$ 48,213\t$ 42,871\t$ —\t$ 42,871\n\
Income from operations\t$ 4,259\t$ 1,200\t$ 5,459\t$ 2,745\t$ 1,100\t$ 3,845\n\
Operating margin\t8.8%\t\t11.3%\t6.4%\t\t9.0%\n\
Diluted net income per share\t$ 0.11\t$ 0.04\t$ 0.15\t$ 0.07\t$ 0.04\t$ 0.11\n",
            release(prose)
        )
    };
    expect(
        doc,
        &[
            (
                "GAAP operating margin was 8.8%, and non-GAAP operating margin was 11.3%.",
                0,
            ),
            (
                "GAAP operating margin was 8.8%, and non-GAAP operating margin was 13.1%.",
                1,
            ),
            (
                "GAAP and non-GAAP earnings per diluted share were $0.11 and $0.15, respectively.",
                0,
            ),
            (
                "GAAP and non-GAAP earnings per diluted share were $0.11 and $0.51, respectively.",
                1,
            ),
            (
                "GAAP and non-GAAP operating margins were 8.8% and 11.3%, respectively.",
                0,
            ),
            (
                "GAAP and non-GAAP operating margins were 8.8% and 13.1%, respectively.",
                1,
            ),
        ],
    );
    expect(
        doc,
        &[
            // A GAAP measure's figures are not those of the non-GAAP
            // columns: the non-GAAP growth (36%) is no tie for diluted EPS
            // (57%, 40% to 77% from figures rounded to the cent).
            ("Diluted net income per share was $0.11, up 36%.", 1),
            // Unless the sentence excludes what the non-GAAP measure
            // excludes.
            (
                "Diluted net income per share was $0.15, up 36% year over year when excluding the charges.",
                0,
            ),
            (
                "Diluted net income per share was $0.18, up 36% year over year when excluding the charges.",
                1,
            ),
        ],
    );
    // "by" an amount: how far a measure moved, not its value.
    let text = doc(
        "Charges reduced GAAP and non-GAAP EPS by approximately $0.23 and $0.20, respectively.",
    );
    assert_eq!(findings_of("narrative-figures", &text).len(), 0);
    assert!(note_of(&text, "0.20").contains("changed by"));
}

#[test]
fn growth_rows_of_a_trend_schedule() {
    // "Net sales -- Y/Y growth, excluding F/X" under a segment header.
    let doc = |prose: &str| {
        format!(
            "{}\nSEGMENT RESULTS\n(in thousands)\n\n\
\tThree Months Ended March 31, 2025\tThree Months Ended March 31, 2026\n\n\
Devices Segment:\t\t\n\
Net sales\t32,321\t36,200\n\
Net sales -- Y/Y growth, excluding F/X\t9%\t14%\n",
            release(prose)
        )
    };
    expect(
        doc,
        &[
            (
                "Devices segment sales increased 12% year-over-year to $36.2 million, or increased 14% excluding changes in foreign exchange rates.",
                0,
            ),
            (
                "Devices segment sales increased 12% year-over-year to $36.2 million, or increased 41% excluding changes in foreign exchange rates.",
                1,
            ),
        ],
    );
}

/// The release, and a reconciliation to constant currency whose columns
/// share their quarters: as reported, the currency adjustment, revenue in
/// constant currency.
fn release_with_currency_columns(prose: &str) -> String {
    format!(
        "{}\nREVENUE IN CONSTANT CURRENCY\n(in thousands)\n\n\
\tThree Months Ended March 31,\t\n\t2026\t2026\t2026\t2025\n\
\tAs Reported\tCurrency Adjustment\tConstant Currency Revenue\tAs Reported\n\n\
Cloud Services\t$ 12,013\t$ 2,100\t$ 14,113\t$ 9,240\n\
Devices\t36,200\t3,400\t39,600\t32,321\n\
Other\t—\t—\t—\t1,310\n\
Total revenues\t$ 48,213\t$ 5,500\t$ 53,713\t$ 42,871\n",
        release(prose)
    )
}

#[test]
fn columns_that_share_a_quarter_pair_like_with_like() {
    // A short growth rate one slip from the figures of several pairs is
    // judged on the pairs of like columns: "As Reported" with "As
    // Reported", never the currency adjustment with last year's revenue.
    expect(
        release_with_currency_columns,
        &[
            ("Revenue in the first quarter grew 12% year over year.", 0),
            ("Revenue in the first quarter grew 17% year over year.", 1),
        ],
    );
    let text =
        release_with_currency_columns("Revenue in the first quarter grew 12% year over year.");
    assert!(
        note_of(&text, "12%").is_empty(),
        "{}",
        note_of(&text, "12%")
    );
}

/// A cash flow statement whose latest figure is a half at one decimal of
/// millions ($9,250 thousand: $9.2 or $9.3 million).
fn release_with_cash_flow(prose: &str) -> String {
    format!(
        "Example Corp Reports First Quarter 2026 Results\n\n{prose}\n\n\
EXAMPLE CORP\nCONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS\n(in thousands)\n\n\
\tThree Months Ended March 31,\t\n\t2026\t2025\n\n\
Net income\t$ 3,469\t$ 2,247\n\
Depreciation and amortization\t5,781\t7,593\n\
Net cash provided by operating activities\t9,250\t9,840\n\
Purchases of property and equipment\t(2,310)\t(1,950)\n"
    )
}

#[test]
fn an_amount_that_rounds_either_way_is_one_slip_from_both() {
    expect(
        release_with_cash_flow,
        &[
            (
                "Net cash provided by operating activities was $9.3 million in the first quarter.",
                0,
            ),
            (
                "Net cash provided by operating activities was $9.2 million in the first quarter.",
                0,
            ),
            // Two digits swapped from $9.3 million.
            (
                "Net cash provided by operating activities was $3.9 million in the first quarter.",
                1,
            ),
        ],
    );
}

#[test]
fn a_value_with_no_period_named_is_the_latest() {
    expect(
        release_with_cash_flow,
        &[
            ("Net cash provided by operating activities was $9.3 million.", 0),
            // Last year's figure, one slip from this year's, with no period
            // named: a slip, not a tie to last year.
            ("Net cash provided by operating activities was $9.8 million.", 1),
            // Named, last year's figure ties.
            (
                "Net cash provided by operating activities was $9.8 million in the first quarter of 2025.",
                0,
            ),
            (
                "Net cash provided by operating activities was $9.3 million, compared with $9.8 million last year.",
                0,
            ),
        ],
    );
}

/// A statement of operations with basic and diluted earnings per share.
fn release_with_eps(prose: &str) -> String {
    format!(
        "Example Corp Reports First Quarter 2026 Results\n\n{prose}\n\n\
EXAMPLE CORP\nCONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS\n\
(in thousands, except per share amounts)\n\n\
\tThree Months Ended March 31,\t\n\t2026\t2025\n\n\
Revenue\t$ 48,213\t$ 42,871\n\
Total costs and expenses\t43,954\t40,126\n\
Income from operations\t4,259\t2,745\n\
Provision for income taxes\t790\t498\n\
Net income\t$ 3,469\t$ 2,247\n\n\
Net income per share:\t\t\n\
Basic\t$ 0.35\t$ 0.23\n\
Diluted\t$ 0.34\t$ 0.22\n\n\
Weighted average shares outstanding:\t\t\n\
Basic\t9,911\t9,770\n\
Diluted\t10,203\t10,214\n"
    )
}

#[test]
fn per_share_shapes() {
    expect(
        release_with_eps,
        &[
            // The words of the measure before its abbreviation are no
            // qualifier.
            (
                "First-quarter 2026 earnings per share (EPS) attributable to Example Corp was $0.34.",
                0,
            ),
            (
                "First-quarter 2026 earnings per share (EPS) attributable to Example Corp was $0.43.",
                1,
            ),
            // "assuming dilution" is diluted, and no assumption about the
            // future.
            (
                "First-quarter 2026 net income was $3.5 million, or $0.34 per share assuming dilution.",
                0,
            ),
            (
                "First-quarter 2026 net income was $3.5 million, or $0.43 per share assuming dilution.",
                1,
            ),
            // The plain per-share figure before the diluted one in
            // parentheses is basic.
            (
                "Net income for the first quarter of 2026 was $3.5 million, or $0.35 per share ($0.34 per diluted share).",
                0,
            ),
            (
                "Net income for the first quarter of 2026 was $3.5 million, or $0.53 per share ($0.34 per diluted share).",
                1,
            ),
            (
                "Net income for the first quarter of 2026 was $3.5 million, or $0.35 per share ($0.34 per share on a diluted basis).",
                0,
            ),
            // A footnote mark glued to a word leaves the word as it is.
            ("First-quarter 2026 Reported(2) Diluted EPS of $0.34.", 0),
            ("First-quarter 2026 Reported(2) Diluted EPS of $0.43.", 1),
        ],
    );
}

#[test]
fn a_rate_before_its_measure_and_growth() {
    expect(
        release,
        &[
            ("We had a strong first quarter with 12% revenue growth.", 0),
            ("We had a strong first quarter with 17% revenue growth.", 1),
            (
                "The first quarter brought 12 percent year-over-year revenue growth.",
                0,
            ),
            (
                "The first quarter brought 21 percent year-over-year revenue growth.",
                1,
            ),
        ],
    );
    // Currency-neutral is another basis.
    let text = release("On an F/X neutral basis this translates into 17% revenue growth.");
    assert_eq!(findings_of("narrative-figures", &text).len(), 0);
    assert!(
        note_of(&text, "17%").contains("qualified"),
        "{}",
        note_of(&text, "17%")
    );
    // Words between the rate and "growth" that are not all the measure's
    // name leave it unnamed.
    let text = release("We had a strong first quarter with 17% Devices revenue growth.");
    assert_eq!(findings_of("narrative-figures", &text).len(), 0);
}

/// Three quarters of per-share figures: this quarter, the one before and
/// the year-ago one.
fn release_with_three_quarters(prose: &str) -> String {
    format!(
        "Example Corp Reports First Quarter 2026 Results\n\n{prose}\n\n\
EXAMPLE CORP\nCONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS\n\
(in thousands, except per share amounts)\n\n\
\tThree Months Ended\t\t\n\tMarch 31, 2026\tDecember 31, 2025\tMarch 31, 2025\n\n\
Revenue\t$ 48,213\t$ 45,020\t$ 42,871\n\
Net income\t$ 3,469\t$ 3,050\t$ 2,247\n\n\
Net income per share:\t\t\t\n\
Basic\t$ 0.35\t$ 0.31\t$ 0.23\n\
Diluted\t$ 0.34\t$ 0.30\t$ 0.22\n"
    )
}

#[test]
fn the_quarter_with_no_other_words_is_the_latest() {
    // "for the quarter" names a length, not which quarter: a short figure
    // one slip from several quarters' is judged on the latest.
    expect(
        release_with_three_quarters,
        &[
            ("Diluted EPS for the quarter was $0.34.", 0),
            ("Diluted EPS for the quarter was $0.43.", 1),
            (
                "Diluted EPS for the quarter was $0.34, compared with $0.22 a year ago.",
                0,
            ),
        ],
    );
}

#[test]
fn a_base_after_a_respectively_list_is_each_figures() {
    // "year over year" after the list: each growth is a year's, so the
    // pairs a quarter apart do not make a short rate ambiguous.
    expect(
        release_with_three_quarters,
        &[
            (
                "In the first quarter, revenue and net income grew 12% and 54% year over year, respectively.",
                0,
            ),
            (
                "In the first quarter, revenue and net income grew 17% and 54% year over year, respectively.",
                1,
            ),
        ],
    );
}

/// A calendar of 52 and 53 weeks: this year's third quarter ends May 12,
/// last year's May 7.
fn release_in_weeks(prose: &str) -> String {
    format!(
        "Example Corp Reports Third Quarter Results\n\n{prose}\n\n\
EXAMPLE CORP\nCONDENSED CONSOLIDATED STATEMENTS OF INCOME\n\
(dollars in millions, except per share data)\n\n\
\t12 Weeks Ended\t12 Weeks Ended\t36 Weeks Ended\t36 Weeks Ended\n\
\tMay 12, 2024\tMay 7, 2023\tMay 12, 2024\tMay 7, 2023\n\n\
Total revenue\t$ 58,515\t$ 53,648\t$ 183,710\t$ 171,584\n\
Net income\t$ 1,681\t$ 1,302\t$ 5,012\t$ 4,126\n\n\
Net income per common share:\t\t\t\t\n\
Basic\t$ 3.79\t$ 2.94\t$ 11.29\t$ 9.31\n\
Diluted\t$ 3.78\t$ 2.93\t$ 11.27\t$ 9.30\n"
    )
}

#[test]
fn last_years_quarter_in_a_calendar_of_weeks() {
    let sentence = |eps: &str| {
        format!(
            "Net income for the third quarter was $1.68 billion, $3.78 per diluted share. \
Last year's third quarter net income was $1.30 billion, {eps} per diluted share."
        )
    };
    let text = release_in_weeks(&sentence("$2.93"));
    assert!(
        note_of(&text, "2.93").is_empty(),
        "{}",
        note_of(&text, "2.93")
    );
    assert_eq!(findings_of("narrative-figures", &text).len(), 0);
    let text = release_in_weeks(&sentence("$2.39"));
    assert_eq!(findings_of("narrative-figures", &text).len(), 1);
}

#[test]
fn a_base_after_a_listed_rate_is_the_growths_too() {
    // "year over year" after the constant-currency rate listed with the
    // growth is the growth's base.
    expect(
        release_with_three_quarters,
        &[
            (
                "In the first quarter, revenue increased 12%, or 11% in constant currency, year over year.",
                0,
            ),
            (
                "In the first quarter, revenue increased 17%, or 11% in constant currency, year over year.",
                1,
            ),
        ],
    );
}

#[test]
fn from_year_ago_without_an_article() {
    expect(
        release_with_three_quarters,
        &[
            ("In the first quarter, revenue was up 12% from year ago.", 0),
            ("In the first quarter, revenue was up 21% from year ago.", 1),
        ],
    );
}

/// An income statement for two fiscal years ending in May, with pre-tax
/// income and a tax provision shown as a negative figure (as Oracle shows
/// it) and a benefit in the earlier year.
fn release_with_taxes(prose: &str) -> String {
    format!(
        "Example Corp Reports Fiscal 2026 Results\n\n{prose}\n\n\
EXAMPLE CORP\nCONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS\n(in millions)\n\n\
\tYear Ended May 31,\t\n\t2026\t2025\n\n\
Revenue\t$ 5,300\t$ 4,900\n\
Total operating expenses\t4,100\t3,950\n\
Operating income\t1,200\t950\n\
Income before income taxes\t1,174\t912\n\
Provision for income taxes\t(128)\t61\n\
Net income\t$ 1,046\t$ 973\n"
    )
}

#[test]
fn effective_tax_rates_are_tax_over_pretax_income() {
    // 128 / 1,174 is 10.9%; the benefit of 61 over 912 is (6.7%).
    expect(
        release_with_taxes,
        &[
            ("Our effective tax rate was 10.9% in fiscal 2026.", 0),
            ("Our effective tax rate was 19.0% in fiscal 2026.", 1),
            (
                "Income tax effects were calculated reflecting an effective GAAP tax rate of 10.9% and (6.7%) in fiscal 2026 and 2025, respectively.",
                0,
            ),
            (
                "Income tax effects were calculated reflecting an effective GAAP tax rate of 10.9% and (7.6%) in fiscal 2026 and 2025, respectively.",
                1,
            ),
            // Other measures: not checked, whatever the figure.
            (
                "Income tax effects were calculated reflecting an effective non-GAAP tax rate of 91.0% and 16.3% in fiscal 2026 and 2025, respectively.",
                0,
            ),
            ("Our effective tax rate for non-GAAP adjusted income was 19.0% in fiscal 2026.", 0),
            ("We expect a core annual effective tax rate of 19.0% in fiscal 2027.", 0),
            // The last measure named is the figure's: the margin, not the rate.
            ("The effective tax rate was 10.9% and operating margin was 22.6% in fiscal 2026.", 0),
            ("The effective tax rate was 10.9% and operating margin was 26.2% in fiscal 2026.", 1),
        ],
    );
    let text = release_with_taxes(
        "The effective tax rate was 10.9%, 4.2 percentage points below the statutory rate.",
    );
    assert_eq!(note_of(&text, "4.2"), "a change of a tax rate in points");
}

#[test]
fn earnings_the_company_reports_are_its_net_income() {
    expect(
        release,
        &[
            (
                "Example Corp today announced first-quarter 2026 earnings of $3.5 million.",
                0,
            ),
            (
                "Example Corp today announced first-quarter 2026 earnings of $3.9 million.",
                1,
            ),
            (
                "For the first quarter, the company reported earnings of $3.9 million.",
                1,
            ),
            // A name before its corporate form is the company's, whatever
            // the opening paragraphs call it.
            (
                "Northwind Holdings Corporation today reported earnings of $3.9 million.",
                1,
            ),
            // Anyone else's earnings, or earnings with no one reporting
            // them, are too loose a word to tie.
            ("Cloud Services reported earnings of $3.9 million.", 0),
            ("First-quarter earnings were $3.9 million.", 0),
            ("Upstream first-quarter earnings of $3.9 million.", 0),
        ],
    );
    let text = release("First-quarter earnings were $3.9 million.");
    assert_eq!(note_of(&text, "3.9"), "no concept named before the figure");
}

#[test]
fn results_against_a_past_forecast_are_history() {
    expect(
        release,
        &[
            (
                "Revenue for the first quarter was $48.2 million vs. $42.9 million last year and our $47.0 million forecast.",
                0,
            ),
            (
                "Revenue for the first quarter was $84.2 million vs. $42.9 million last year and our $47.0 million forecast.",
                1,
            ),
            (
                "Revenue for the first quarter was $48.2 million vs. $24.9 million last year and our $47.0 million forecast.",
                1,
            ),
            // The forecast's own figure and the miss against it are not
            // the quarter's revenue.
            (
                "Revenue for the first quarter was $48.2 million, $4.2 million above forecast.",
                0,
            ),
            ("Revenue for the first quarter was $48.2 million vs. our $84.2 million forecast.", 0),
            // The result set apart from the forecast it is measured
            // against, or in the past tense after its figure.
            ("Revenue for the first quarter grew 12%, in line with our forecast.", 0),
            ("Revenue for the first quarter grew 21%, in line with our forecast.", 1),
            ("Income from operations of $4.3 million was below our guidance of $5.0 million.", 0),
            ("Income from operations of $3.4 million was below our guidance of $5.0 million.", 1),
            // A forecast of the future, whatever its tense elsewhere.
            ("We forecast second-quarter revenue of $84.2 million.", 0),
        ],
    );
}

/// A quarter's statement and a supplemental table of quarters whose rows
/// state trailing twelve months; the quarters' net sales date them.
fn release_with_trailing(prose: &str) -> String {
    format!(
        "Example Corp Reports Second Quarter 2026 Results\n\n{prose}\n\n\
EXAMPLE CORP\nCONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS\n(in thousands)\n\n\
\tThree Months Ended June 30,\t\n\t2026\t2025\n\n\
Revenue\t$ 48,213\t$ 42,871\n\
Net income\t$ 3,469\t$ 2,247\n\n\
SUPPLEMENTAL FINANCIAL INFORMATION\n(in thousands)\n\n\
\tQ2 2025\tQ3 2025\tQ4 2025\tQ1 2026\tQ2 2026\n\n\
Net sales\t42,871\t44,000\t45,500\t46,000\t48,213\n\
Free cash flow -- TTM\t17,878\t21,434\t36,813\t50,149\t52,973\n\
Net sales -- TTM\t150,100\t155,000\t160,000\t170,000\t180,000\n"
    )
}

#[test]
fn rows_of_trailing_twelve_months() {
    expect(
        release_with_trailing,
        &[
            (
                "Free cash flow increased to $53.0 million for the trailing twelve months, compared with $17.9 million for the trailing twelve months ended June 30, 2025.",
                0,
            ),
            (
                "Free cash flow increased to $35.0 million for the trailing twelve months, compared with $17.9 million for the trailing twelve months ended June 30, 2025.",
                1,
            ),
            (
                "Free cash flow increased to $53.0 million for the trailing twelve months, compared with $19.7 million for the trailing twelve months ended June 30, 2025.",
                1,
            ),
            // "the trailing twelve months ended June 30, 2025" is one
            // column: $58 million is one slip from three columns' figures
            // but only from that one's $18 million.
            (
                "Free cash flow increased to $53 million for the trailing twelve months, compared with $18 million for the trailing twelve months ended June 30, 2025.",
                0,
            ),
            (
                "Free cash flow increased to $53 million for the trailing twelve months, compared with $58 million for the trailing twelve months ended June 30, 2025.",
                1,
            ),
            // The quarter's growth (12.5%), not the twelve months' (19.9%),
            // unless the sentence says so.
            ("Revenue increased 12% year-over-year to $48.2 million.", 0),
            ("Revenue increased 19% year-over-year to $48.2 million.", 1),
            ("Net sales increased 20% for the trailing twelve months.", 0),
        ],
    );
}

#[test]
fn a_margins_change_in_points() {
    // Gross margin: (48,213 - 21,064) / 48,213 = 56.3%, a year before
    // (42,871 - 19,118) / 42,871 = 55.4%: up 0.9 points.
    expect(
        release,
        &[
            (
                "Gross margin was 56.3%, up 90 basis points year over year.",
                0,
            ),
            (
                "Gross margin was 56.3%, up 0.9 percentage points year over year.",
                0,
            ),
            (
                "Gross margin was 56.3%, up 60 basis points year over year.",
                1,
            ),
            (
                "Gross margin was 56.3%, up 0.6 percentage points year over year.",
                1,
            ),
            // Rounded margins make the change a tenth of a point either way.
            (
                "Gross margin was 56.3%, up 100 basis points year over year.",
                0,
            ),
            // Another measure between the margin and the points.
            (
                "Gross margin was 56.3%, and currency reduced revenue by 4 points.",
                0,
            ),
        ],
    );
}

/// Quarters no table dates ("Second-Quarter 2025"), as Pfizer prints them.
fn release_with_undated_quarters(prose: &str) -> String {
    format!(
        "Example Corp Reports Second-Quarter 2025 Results\n\n{prose}\n\n\
SELECTED COSTS AND EXPENSES\n($ in millions)\n\n\
\tSecond-Quarter 2025\tSecond-Quarter 2024\tSix Months 2025\tSix Months 2024\n\n\
Revenues\t14,653\t13,283\t28,368\t28,162\n\
SI&A Expenses\t3,415\t3,717\t6,446\t7,212\n"
    )
}

#[test]
fn quarters_no_table_dates() {
    expect(
        release_with_undated_quarters,
        &[
            ("Second-quarter 2025 revenues totaled $14.7 billion.", 0),
            ("Second-quarter 2025 revenues totaled $17.4 billion.", 1),
            ("Second-quarter 2024 revenues totaled $13.3 billion.", 0),
            ("Second-quarter 2024 revenues totaled $13.8 billion.", 1),
            // A date that ends the column's calendar quarter is its end.
            ("Revenues for the three months ended June 29, 2025 totaled $14.7 billion.", 0),
            ("Revenues for the three months ended June 29, 2025 totaled $17.4 billion.", 1),
            ("Revenues for the six months ended June 29, 2025 totaled $28.4 billion.", 0),
            ("Revenues for the six months ended June 29, 2025 totaled $24.8 billion.", 1),
            // A fiscal quarter named by another calendar fits none.
            ("Revenues for the three months ended March 30, 2025 totaled $17.4 billion.", 0),
            // An operational change leaves out currency: not the printed
            // amounts' change.
            (
                "Second-quarter 2025 revenues totaled $14.7 billion, an increase of $1.4 billion, reflecting an operational increase of $1.3 billion.",
                0,
            ),
        ],
    );
}

#[test]
fn rates_in_two_currencies_before_the_amount() {
    // Cloud Services: 12,013 against 9,240, up 30.0%.
    expect(
        release,
        &[
            (
                "Cloud Services revenues were up 30% in USD and up 29% in constant currency to $12.0 million.",
                0,
            ),
            (
                "Cloud Services revenues were up 30% in USD and up 29% in constant currency to $21.0 million.",
                1,
            ),
            // "and" before another subject still ends the first one: the
            // amount is the other part's.
            (
                "Cloud Services revenues were up 30% and Devices revenue was $36.2 million.",
                0,
            ),
            (
                "Cloud Services revenues were up 30% and Devices revenue was $63.2 million.",
                1,
            ),
        ],
    );
}

#[test]
fn profit_is_net_income_and_profit_per_share_eps() {
    expect(
        release_with_eps,
        &[
            ("For the quarter, the Company posted a net profit of $3.5 million, or $0.34 per diluted share.", 0),
            ("For the quarter, the Company posted a net profit of $5.3 million, or $0.34 per diluted share.", 1),
            ("First-quarter 2026 profit per share was $0.34, compared with first-quarter 2025 profit per share of $0.22.", 0),
            ("First-quarter 2026 profit per share was $0.43, compared with first-quarter 2025 profit per share of $0.22.", 1),
            // A margin of net profit is no amount of it.
            ("Net profit margin was 7.2% for the quarter.", 0),
        ],
    );
}

#[test]
fn reported_sales_are_revenue() {
    expect(
        release,
        &[
            (
                "First-quarter 2026 reported sales growth of 12.5% to $48.2 million.",
                0,
            ),
            (
                "First-quarter 2026 reported sales growth of 12.5% to $84.2 million.",
                1,
            ),
        ],
    );
}

#[test]
fn operational_rates_of_undated_quarters() {
    // The "% Change Oper." column names a quarter but no year: it is the
    // growth of its group's latest column, Second-Quarter 2025.
    let doc = |prose: &str| {
        format!(
            "Example Corp Reports Second-Quarter 2025 Results\n\n{prose}\n\n\
SELECTED COSTS AND EXPENSES\n($ in millions)\n\n\
\tSecond-Quarter 2025\tSecond-Quarter 2024\tSecond-Quarter % Change Total\tSecond-Quarter % Change Operational\n\n\
Revenues\t14,653\t13,283\t10%\t10%\n\
SI&A Expenses\t3,415\t3,717\t(8)%\t(7)%\n\
R&D Expenses\t2,400\t2,700\t(11)%\t(10)%\n"
        )
    };
    expect(
        doc,
        &[
            ("Second-quarter 2025 SI&A Expenses decreased 7% operationally compared with the prior-year quarter.", 0),
            ("Second-quarter 2025 SI&A Expenses decreased 4% operationally compared with the prior-year quarter.", 1),
            ("Second-quarter 2024 SI&A Expenses decreased 4% operationally compared with the prior-year quarter.", 0),
        ],
    );
}

#[test]
fn a_part_named_before_a_dash() {
    expect(
        release,
        &[
            (
                "• Cloud Services — revenues of $12.0 million, up 30 percent.",
                0,
            ),
            (
                "• Cloud Services — revenues of $21.0 million, up 30 percent.",
                1,
            ),
            (
                "• Cloud Services — revenues of $12.0 million, up 20 percent.",
                1,
            ),
            // A part no table shows is no consolidated figure either: 84.2
            // is one slip from total revenue, 48.2.
            ("• Widgets — revenues of $84.2 million.", 0),
            // The measure's own label over its sentence names no part.
            ("Revenue – Revenue was $48.2 million.", 0),
            ("Revenue – Revenue was $84.2 million.", 1),
        ],
    );
}

#[test]
fn the_income_a_tax_rate_is_on() {
    expect(
        release_with_taxes,
        &[
            ("Our effective tax rates for income/(loss) from continuing operations were 10.9% and 6.7% in fiscal 2026 and 2025, respectively.", 0),
            ("Our effective tax rates for income/(loss) from continuing operations were 19.0% and 6.7% in fiscal 2026 and 2025, respectively.", 1),
            ("Our effective tax rates for non-GAAP adjusted income were 19.0% and 6.7% in fiscal 2026 and 2025, respectively.", 0),
        ],
    );
}

/// Quarters headed by code ("2Q24"), years to date beside them, as
/// operating summaries print them: no date anywhere in the tables.
fn release_with_quarter_codes(prose: &str) -> String {
    format!(
        "Example Corp Reports Second-Quarter 2024 Results\n\n\
Example Corp today reported its results for the second quarter of 2024.\n\n{prose}\n\n\
RESULTS SUMMARY\n($ in millions)\n\n\
\t2Q24\t1Q24\tYTD 2024\tYTD 2023\n\n\
Revenues\t14,653\t13,283\t27,936\t28,162\n\
Capital expenditures\t7,039\t5,839\t12,878\t12,546\n"
    )
}

#[test]
fn quarter_codes_and_years_to_date() {
    expect(
        release_with_quarter_codes,
        &[
            (
                "Capital expenditures were $7.0 billion in the second quarter, bringing year-to-date capital expenditures to $12.9 billion.",
                0,
            ),
            ("Year-to-date capital expenditures were $12.9 billion.", 0),
            ("Year-to-date capital expenditures were $21.9 billion.", 1),
            ("Year-to-date capital expenditures were $12.6 billion.", 1),
            ("Capital expenditures were $9.0 billion in the second quarter.", 1),
            ("Revenues in the first quarter were $13.3 billion.", 0),
            ("Revenues in the first quarter were $13.8 billion.", 1),
            ("Year-to-date revenues were $27.9 billion, compared with $28.2 billion.", 0),
            ("Year-to-date revenues were $29.7 billion, compared with $28.2 billion.", 1),
        ],
    );
}

/// Operating income from a small base: its growth, 41 to 172, is 313% to
/// 326% as the rounded amounts allow.
fn release_with_small_base(prose: &str) -> String {
    format!(
        "Example Corp Reports First Quarter 2026 Results\n\n{prose}\n\n\
CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS\n(in millions)\n\n\
\tThree Months Ended March 31,\t\n\t2026\t2025\n\n\
Revenue\t$ 1,250\t$ 1,100\n\
Income from operations\t172\t41\n\
Net income\t$ 120\t$ 30\n"
    )
}

#[test]
fn slips_anywhere_in_a_growth_interval() {
    expect(
        release_with_small_base,
        &[
            // Any rate the rounded amounts allow ties, not only 320%.
            ("First-quarter operating income increased 316% compared with the first quarter of 2025.", 0),
            // 136% is one swap from 316%, inside the interval, though two
            // digits from its middle, 320%.
            ("First-quarter operating income increased 136% compared with the first quarter of 2025.", 1),
            // Far from every value the interval holds: another figure.
            ("First-quarter operating income increased 3% compared with the first quarter of 2025.", 0),
        ],
    );
}

/// Products as rows, worldwide growth beside them, as Pfizer's tables
/// print them.
fn release_with_products(prose: &str) -> String {
    format!(
        "Example Corp Reports First-Quarter 2025 Results\n\n{prose}\n\n\
REVENUES BY PRODUCT\n($ in millions)\n\n\
\tFirst-Quarter 2025\tFirst-Quarter 2024\tFirst-Quarter % Change Total\tFirst-Quarter % Change Operational\n\n\
Eliquis\t1,923\t2,040\t(6)%\t(4)%\n\
Vyndaqel family\t1,486\t1,137\t31%\t33%\n\
Padcev\t426\t341\t25%\t25%\n\
Total revenues\t3,835\t3,518\t9%\t10%\n"
    )
}

#[test]
fn products_named_in_bullets() {
    expect(
        release_with_products,
        &[
            (
                "▪Eliquis globally, down 4% operationally, driven by lower net price.",
                0,
            ),
            (
                "▪Eliquis globally, down 9% operationally, driven by lower net price.",
                1,
            ),
            // What a parenthesis lists stands aside from the label.
            (
                "▪Vyndaqel family (Vyndaqel, Vyndamax, Vynmac) globally, up 33% operationally.",
                0,
            ),
            (
                "▪Vyndaqel family (Vyndaqel, Vyndamax, Vynmac) globally, up 38% operationally.",
                1,
            ),
            // A market the table does not break out is no link to the row.
            ("▪Padcev in the U.S., up 52% operationally.", 0),
        ],
    );
}

#[test]
fn periods_opening_a_sentence_spread_over_its_list() {
    expect(
        release,
        &[
            (
                "For the three months ended March 31, 2026 and 2025, dividends paid were $1.3 million and $1.2 million.",
                0,
            ),
            (
                "For the three months ended March 31, 2026 and 2025, dividends paid were $1.3 million and $1.8 million.",
                1,
            ),
            // No periods to spread: the second amount is not the row's.
            ("Dividends paid were $1.3 million and $1.8 million.", 0),
            // Two concepts over two periods: no way to pair them.
            (
                "For the three months ended March 31, 2026 and 2025, revenue and net income were $48.2 million and $2.9 million.",
                0,
            ),
        ],
    );
}

#[test]
fn the_year_ago_quarter_is_a_quarter() {
    // 48,213 against 42,871: up 12.5%.
    expect(
        release,
        &[
            ("Revenue for the quarter was $48.2 million, up 12 percent from the year-ago quarter.", 0),
            ("Revenue for the quarter was $48.2 million, up 21 percent from the year-ago quarter.", 1),
        ],
    );
}

/// An oil company's release: it reports its results as "earnings", and
/// each segment's table, titled by the segment, is followed by bullets
/// about that segment (`prose`).
fn release_with_segment_tables(prose: &str) -> String {
    format!(
        "Example Corporation Announces Second-Quarter 2024 Results\n\n\
Example Corporation today announced second-quarter 2024 earnings of $9.2 billion.\n\n\
RESULTS SUMMARY\n(Dollars in millions)\n\n\
\t2Q24\t1Q24\tYTD 2024\tYTD 2023\n\n\
Earnings (U.S. GAAP)\t9,240\t8,220\t17,460\t19,310\n\
Capital expenditures\t7,039\t5,839\t12,878\t12,546\n\n\
Upstream\n(Dollars in millions)\n\n\
\t2Q24\t1Q24\tYTD 2024\tYTD 2023\n\n\
Earnings/(Loss) (U.S. GAAP):\t\t\t\t\n\
United States\t2,430\t1,054\t3,484\t2,552\n\
Non-U.S.\t4,644\t4,606\t9,250\t8,482\n\
Worldwide\t7,074\t5,660\t12,734\t11,034\n\n\
{prose}\n"
    )
}

#[test]
fn segment_earnings_under_a_segment_table() {
    expect(
        release_with_segment_tables,
        &[
            (
                "- Second-quarter earnings were $7.1 billion, an increase of $1.4 billion from the first quarter.",
                0,
            ),
            (
                "- Second-quarter earnings were $7.4 billion, an increase of $1.4 billion from the first quarter.",
                1,
            ),
            (
                "- Second-quarter earnings were $7.1 billion, an increase of $4.1 billion from the first quarter.",
                1,
            ),
            ("- Earnings increased $1.4 billion versus the first quarter.", 0),
            ("- Earnings increased $4.1 billion versus the first quarter.", 1),
            // Excluding identified items: a measure the tables do not show.
            ("- Excluding identified items, earnings increased $4.1 billion versus the first quarter.", 0),
            ("- Upstream year-to-date earnings were $12.7 billion.", 0),
            ("- Upstream year-to-date earnings were $21.7 billion.", 1),
            // Under the segment's table the earnings are the segment's: one
            // slip from the company's $9.2 billion is no finding.
            ("- Second-quarter earnings were $9.3 billion.", 0),
        ],
    );
    // A company that does not call its results earnings: "earnings" alone
    // names nothing.
    let other = |prose: &str| {
        release_with_segment_tables(prose).replace(
            "today announced second-quarter 2024 earnings of $9.2 billion",
            "today announced its second-quarter 2024 results",
        )
    };
    expect(other, &[("- Year-to-date earnings were $71.5 billion.", 0)]);
    assert_eq!(
        note_of(
            &other("- Year-to-date earnings were $17.5 billion."),
            "17.5"
        ),
        "no concept named before the figure"
    );
}

#[test]
fn a_period_after_the_next_measure_is_the_first_measures_too() {
    // "… $X and revenues were $Y in the second quarter": $5.8 billion is
    // the first quarter's capital expenditures, not the second's.
    let t = release_with_quarter_codes(
        "Capital expenditures were $5.8 billion and revenues were $14.7 billion in the second quarter.",
    );
    assert!(
        note_of(&t, "5.8").starts_with("ties to no figure"),
        "{}",
        note_of(&t, "5.8")
    );
    expect(
        release_with_quarter_codes,
        &[(
            "Capital expenditures were $7.0 billion and revenues were $14.7 billion in the second quarter.",
            0,
        )],
    );
}

#[test]
fn dividends_paid_under_a_topic_and_a_dash() {
    // Dividends paid: (1,275) thousand, an outflow whose size prose quotes.
    expect(
        release,
        &[
            ("• Capital return program – Dividend payments were $1.3 million in the first quarter.", 0),
            ("• Capital return program – Dividend payments were $3.1 million in the first quarter.", 1),
            // A part's name before the dash still makes the figure the part's.
            ("• Devices – Dividend payments were $3.1 million in the first quarter.", 0),
        ],
    );
}

/// Narrative findings of an HTML release.
fn html_findings(html: &str) -> usize {
    crate::check::findings_in("narrative-figures", html, Format::Html).len()
}

#[test]
fn a_market_named_narrows_to_its_columns() {
    // Padcev's operational growth: worldwide 25%, international 68%,
    // emerging markets 95%.
    let doc = |prose: &str| {
        format!(
            "<p>Example Corp Reports First-Quarter 2025 Results</p>\
<p>Example Corp today reported its results for the first quarter of 2025.</p><p>{prose}</p>\
<p>REVENUES BY PRODUCT</p><p>($ in millions)</p><table>\
<tr><td></td><td>Worldwide 2025</td><td>Worldwide 2024</td><td>Worldwide % Change Oper.</td>\
<td>International 2025</td><td>International 2024</td><td>International % Change Oper.</td>\
<td>Emerging Markets 2025</td><td>Emerging Markets 2024</td><td>Emerging Markets % Change Oper.</td></tr>\
<tr><td>Padcev</td><td>4,260</td><td>3,410</td><td>25%</td><td>2,200</td><td>1,800</td><td>68%</td><td>1,100</td><td>900</td><td>95%</td></tr>\
<tr><td>Eliquis</td><td>1,923</td><td>2,040</td><td>(4)%</td><td>624</td><td>626</td><td>5%</td><td>300</td><td>310</td><td>(2)%</td></tr>\
<tr><td>Xtandi</td><td>1,210</td><td>1,000</td><td>21%</td><td>516</td><td>400</td><td>29%</td><td>200</td><td>190</td><td>5%</td></tr>\
</table>"
        )
    };
    assert_eq!(
        html_findings(&doc(
            "▪Padcev globally, up 25% operationally, driven by demand."
        )),
        0
    );
    // 65% is one slip from each market's rate: "globally" says which.
    assert_eq!(
        html_findings(&doc(
            "▪Padcev globally, up 65% operationally, driven by demand."
        )),
        1
    );
    // Naming no market, the sentence is about the whole business: the
    // worldwide column's 25%.
    assert_eq!(
        html_findings(&doc("▪Padcev up 65% operationally, driven by demand.")),
        1
    );
    // The international rate, offered as the worldwide one, is no tie.
    assert_eq!(
        html_findings(&doc("▪Xtandi globally, up 21% operationally.")),
        0
    );
    assert_eq!(
        html_findings(&doc("▪Xtandi globally, up 29% operationally.")),
        1
    );
}

#[test]
fn a_growth_is_of_the_period_its_amount_tied_to() {
    // The quarter grew 10.3%, the half-year 12.0%: "Revenues of $14.7
    // billion" is the quarter's, and so is the growth beside it.
    let doc = |prose: &str| {
        format!(
            "Example Corp Reports Second-Quarter 2025 Results\n\n{prose}\n\n\
CONDENSED CONSOLIDATED STATEMENTS OF INCOME\n($ in millions)\n\n\
\tSecond-Quarter 2025\tSecond-Quarter 2024\tSix Months 2025\tSix Months 2024\n\n\
Revenues\t14,653\t13,283\t28,368\t25,329\n\
SI&A Expenses\t3,415\t3,717\t6,446\t7,212\n"
        )
    };
    expect(
        doc,
        &[
            ("Revenues of $14.7 billion, up 10 percent.", 0),
            ("Revenues of $14.7 billion, up 12 percent.", 1),
            ("Revenues of $28.4 billion, up 12 percent.", 0),
            ("Revenues of $28.4 billion, up 10 percent.", 1),
        ],
    );
}

/// A quarter's statement of operations, revenue `now` against
/// `year_ago` (in thousands), after `prose`.
fn quarter_of_revenue(prose: &str, now: &str, year_ago: &str) -> String {
    format!(
        "Example Corp Reports First Quarter 2026 Results\n\n{prose}\n\n\
CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS\n(in thousands)\n\n\
\tThree Months Ended March 31,\t\n\t2026\t2025\n\n\
Revenue\t$ {now}\t$ {year_ago}\n\
Net income\t$ 3,469\t$ 2,247\n"
    )
}

#[test]
fn a_comparison_after_the_next_figure_leaves_the_value_the_latest() {
    let doc = |prose: &str| quarter_of_revenue(prose, "48,213", "45,213");
    expect(
        doc,
        &[
            ("Revenue was $48.2 million, up 7% from a year ago.", 0),
            // "from a year ago" is the growth's base: $45.2 million is
            // offered as the latest quarter's revenue, one slip from it.
            ("Revenue was $45.2 million, up 7% from a year ago.", 1),
            // Before the next figure, the words make it the year-ago one.
            ("Revenue was $45.2 million a year ago.", 0),
        ],
    );
}

#[test]
fn a_trailing_rows_stated_rate_is_not_the_quarters() {
    let doc = |prose: &str| {
        format!(
            "Example Corp Reports Second Quarter 2026 Results\n\n{prose}\n\n\
EXAMPLE CORP\nCONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS\n(in thousands)\n\n\
\tThree Months Ended June 30,\t\n\t2026\t2025\n\n\
Net sales\t$ 48,213\t$ 42,871\n\
Net income\t$ 3,469\t$ 2,247\n\n\
SUPPLEMENTAL FINANCIAL INFORMATION\n(in thousands)\n\n\
\tQ1 2026\tQ2 2026\tY/Y % Change\n\n\
Net sales\t46,000\t48,213\t12%\n\
Net sales -- TTM\t170,000\t180,000\t19%\n"
        )
    };
    expect(
        doc,
        &[
            (
                "Net sales increased 12% compared with second quarter 2025.",
                0,
            ),
            (
                "Net sales increased 19% compared with second quarter 2025.",
                1,
            ),
            ("Net sales increased 19% for the trailing twelve months.", 0),
        ],
    );
}

#[test]
fn bare_years_beside_a_fourth_quarter_are_whole_years() {
    let doc = |prose: &str| {
        format!(
            "Example Corp Reports Fourth-Quarter 2024 Results\n\n\
Example Corp today reported its results for the fourth quarter of 2024.\n\n{prose}\n\n\
RESULTS SUMMARY\n($ in millions)\n\n\
\t4Q24\t3Q24\t2024\t2023\n\n\
Revenues\t14,653\t13,283\t54,033\t52,142\n\
Earnings\t402\t1,309\t4,033\t12,142\n"
        )
    };
    expect(
        doc,
        &[
            (
                "Full-year 2024 earnings were $4.0 billion compared to $12.1 billion in 2023.",
                0,
            ),
            (
                "Full-year 2024 earnings were $4.6 billion compared to $12.1 billion in 2023.",
                1,
            ),
            (
                "Full-year 2024 earnings were $4.0 billion compared to $12.7 billion in 2023.",
                1,
            ),
            // The fourth quarter is not the year.
            ("Fourth-quarter earnings were $4.0 billion.", 0),
        ],
    );
}

#[test]
fn a_capital_after_the_figure_is_its_scale() {
    expect(
        release,
        &[
            (
                "In Q1 2026, net income amounted to $3.5M, up from $2.2M in the year-ago period.",
                0,
            ),
            (
                "In Q1 2026, net income amounted to $3.5M, up from $3.2M in the year-ago period.",
                1,
            ),
            (
                "In Q1 2026, net income amounted to $5.5M, up from $2.2M in the year-ago period.",
                1,
            ),
        ],
    );
}

#[test]
fn a_signed_rate_against_a_year_before_is_a_growth() {
    expect(
        release,
        &[
            (
                "Net income amounted to $3.5 million vs. $2.2 million last year (+54% year over year).",
                0,
            ),
            (
                "Net income amounted to $3.5 million vs. $2.2 million last year (+45% year over year).",
                1,
            ),
        ],
    );
}

#[test]
fn a_summary_of_reported_sales_and_adjusted_eps() {
    // J&J's summary: "Reported Sales" is revenue, "Adjusted EPS" the
    // non-GAAP EPS, and a growth may follow as "decreasing 24.9%".
    let doc = |prose: &str| {
        format!(
            "Example Corp Reports Fourth-Quarter 2022 Results\n\n{prose}\n\n\
OVERALL FINANCIAL RESULTS\n($ in Millions, except EPS)\n\n\
\tQ4 2022\tQ4 2021\t% Change\n\n\
Reported Sales\t$23,706\t$24,804\t(4.4)%\n\
EPS (diluted)\t$1.33\t$1.77\t(24.9)%\n\
Adjusted EPS (diluted)\t$2.35\t$2.13\t10.3%\n"
        )
    };
    expect(
        doc,
        &[
            ("2022 Fourth-Quarter reported sales decline of 4.4% to $23.7 Billion.", 0),
            ("2022 Fourth-Quarter reported sales decline of 4.4% to $28.7 Billion.", 1),
            (
                "2022 Fourth-Quarter earnings per share (EPS) of $1.33 decreasing 24.9% and adjusted EPS of $2.35 increasing by 10.3%.",
                0,
            ),
            (
                "2022 Fourth-Quarter earnings per share (EPS) of $1.33 decreasing 42.9% and adjusted EPS of $2.35 increasing by 10.3%.",
                1,
            ),
            (
                "2022 Fourth-Quarter earnings per share (EPS) of $1.33 decreasing 24.9% and adjusted EPS of $2.53 increasing by 10.3%.",
                1,
            ),
        ],
    );
}

#[test]
fn the_same_period_in_a_year_is_as_long_as_the_sentences() {
    expect(
        release_with_eps,
        &[
            (
                "GAAP earnings were $0.34 per diluted share for the first quarter of 2026, compared to earnings of $0.22 per diluted share for the same period in 2025.",
                0,
            ),
            (
                "GAAP earnings were $0.34 per diluted share for the first quarter of 2026, compared to earnings of $0.27 per diluted share for the same period in 2025.",
                1,
            ),
        ],
    );
}

#[test]
fn a_footnote_mark_inside_a_measures_name() {
    let doc = |prose: &str| {
        format!(
            "Example Corp Reports First-Quarter 2024 Results\n\n{prose}\n\n\
FINANCIAL SUMMARY\n($ in millions, except per share amounts)\n\n\
\tFirst-Quarter 2024\tFirst-Quarter 2023\t% Change\n\n\
Revenues\t14,879\t18,282\t(19)%\n\
Reported(2) Diluted EPS\t0.55\t0.97\t(44)%\n\
Adjusted(3) Diluted EPS\t0.82\t1.23\t(33)%\n"
        )
    };
    expect(
        doc,
        &[
            (
                "Reported(2) Diluted EPS of $0.55 and Adjusted(3) Diluted EPS of $0.82.",
                0,
            ),
            (
                "Reported(2) Diluted EPS of $0.55 and Adjusted(3) Diluted EPS of $0.28.",
                1,
            ),
        ],
    );
}

#[test]
fn a_table_titled_trailing_four_quarters() {
    let doc = |prose: &str| {
        format!(
            "Example Corp Reports Third Quarter Fiscal 2024 Results\n\n{prose}\n\n\
EXAMPLE CORP\nCONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS\n(in millions)\n\n\
\tThree Months Ended February 29,\t\n\t2024\t2023\n\n\
Total revenues\t$ 13,280\t$ 12,398\n\
Net income\t$ 2,401\t$ 1,900\n\n\
FREE CASH FLOW - TRAILING 4-QUARTERS\n($ in millions)\n\n\
\tFiscal 2024 Q1\tFiscal 2024 Q2\tFiscal 2024 Q3\n\n\
GAAP Operating Cash Flow\t17,745\t17,039\t18,239\n\
Free Cash Flow\t9,455\t10,104\t12,258\n"
        )
    };
    expect(
        doc,
        &[
            (
                "Over the last twelve months, operating cash flow was $18.2 billion.",
                0,
            ),
            (
                "Over the last twelve months, operating cash flow was $13.2 billion.",
                1,
            ),
            // The quarter's cash flow is no table's.
            (
                "Operating cash flow was $13.2 billion in the third quarter.",
                0,
            ),
        ],
    );
}

#[test]
fn a_quarter_code_with_a_curly_apostrophe() {
    let doc = |prose: &str| {
        format!(
            "Example Corp Reports Q1'25 Results\n\n{prose}\n\n\
SUMMARY RESULTS\n(in millions)\n\n\
\tQ1'24\tQ2'24\tQ3'24\tQ4'24\tQ1'25\n\n\
Revenue\t9,370\t9,559\t9,825\t10,247\t10,543\n\
Operating income\t2,633\t2,603\t2,909\t2,273\t3,347\n\
Operating margin\t28.1%\t27.2%\t29.6%\t22.2%\t31.7%\n"
        )
    };
    expect(
        doc,
        &[
            (
                "Revenue was $10.5 billion, compared with $9.4 billion in Q1’24.",
                0,
            ),
            (
                "Revenue was $10.5 billion, compared with $9.8 billion in Q1’24.",
                1,
            ),
            // A quarter code after the measure is its period, not a part
            // of the business it narrows to.
            ("Operating income in Q1’25 totaled $3.3 billion.", 0),
            ("Operating income in Q1’25 totaled $3.8 billion.", 1),
            ("Operating income in Q1'25 totaled $3.8 billion.", 1),
        ],
    );
}

#[test]
fn a_sentence_a_converted_pdf_wrapped_over_lines() {
    expect(
        release,
        &[
            ("▪   Revenue for the first quarter of 2026 was\n    $48.2 million, up 12% year over year.", 0),
            ("▪   Revenue for the first quarter of 2026 was\n    $45.2 million, up 12% year over year.", 1),
            // A new bullet on the next line is a sentence of its own.
            ("    ▪   Revenue for the first quarter of 2026 grew\n    ▪   $45.2 million of it came from new customers.", 0),
        ],
    );
}

#[test]
fn the_amount_a_growth_runs_to_is_the_latest() {
    let doc = |prose: &str| quarter_of_revenue(prose, "45,213", "41,213");
    expect(
        doc,
        &[
            ("Revenue increased 10% year-over-year to $45.2 million.", 0),
            // The year-ago revenue offered as what it grew to.
            ("Revenue increased 10% year-over-year to $41.2 million.", 1),
            // A period of its own after the amount is the amount's.
            ("Revenue increased 10% year-over-year from $41.2 million in the first quarter of 2025.", 0),
        ],
    );
}

#[test]
fn a_scorecard_line_of_gaap_and_non_gaap_margins() {
    // IBM's scorecard: one measure, then a clause per basis after a
    // semicolon; each year's reconciliation is a table of its own.
    let doc = |prose: &str| {
        format!(
            "Example Corp Reports Second-Quarter 2026 Results\n\n{prose}\n\n\
EXAMPLE CORP\nCONSOLIDATED STATEMENT OF EARNINGS\n(Dollars in millions)\n\n\
\tThree Months Ended June 30,\t\n\t2026\t2025\n\n\
Total revenue\t$ 15,770\t$ 15,475\n\
Total cost\t6,810\t6,980\n\
Gross profit\t8,960\t8,495\n\
Total expense and other (income)\t6,737\t6,499\n\
Income before income taxes\t2,223\t1,996\n\
Pre-tax margin\t14.1%\t12.9%\n\n\
U.S. GAAP TO OPERATING (NON-GAAP) RESULTS RECONCILIATION\n(Dollars in millions)\n\n\
\tThree Months Ended June 30, 2026\t\t\n\
\tGAAP\tAcquisition-Related Adjustments\tOperating (Non-GAAP)\n\n\
Gross profit\t8,960\t158\t9,118\n\
SG&A\t4,590\t(38)\t4,552\n\
Pre-tax income\t2,223\t568\t2,791\n\
Net income\t1,834\t451\t2,285\n\
Gross profit margin\t56.8%\t1.0\t57.8%\n\
Pre-tax income margin\t14.1%\t3.6\t17.7%\n\n\
U.S. GAAP TO OPERATING (NON-GAAP) RESULTS RECONCILIATION\n(Dollars in millions)\n\n\
\tThree Months Ended June 30, 2025\t\t\n\
\tGAAP\tAcquisition-Related Adjustments\tOperating (Non-GAAP)\n\n\
Gross profit\t8,495\t155\t8,650\n\
SG&A\t4,650\t(40)\t4,610\n\
Pre-tax income\t1,996\t402\t2,398\n\
Net income\t1,583\t318\t1,901\n\
Gross profit margin\t54.9%\t1.0\t55.9%\n\
Pre-tax income margin\t12.9%\t2.6\t15.5%\n"
        )
    };
    let written = "Gross Profit Margin: GAAP: 56.8 percent, up 190 basis points; \
Operating (Non-GAAP): 57.8 percent, up 190 basis points.\n\n\
Pre-Tax Income Margin: GAAP: 14.1 percent, up 120 basis points; \
Operating (Non-GAAP): 17.7 percent, up 220 basis points.";
    assert_eq!(note_of(&doc(written), "57.8"), "", "{}", doc(written));
    expect(
        doc,
        &[
            (written, 0),
            (&written.replace("57.8 percent", "59.8 percent"), 1),
            (&written.replace("up 220", "up 320"), 1),
            (&written.replace("17.7 percent", "17.2 percent"), 1),
            (&written.replace("GAAP: 14.1", "GAAP: 14.7"), 1),
            (&written.replace("up 120", "up 150"), 1),
        ],
    );
}

#[test]
fn the_first_six_months_of_the_year_are_six_months() {
    // "of the year" ends the length's phrase: it is no full year of its
    // own. A free cash flow reconciliation's "GAAP net cash provided by
    // operating activities" is cash from operations.
    let doc = |prose: &str| {
        format!(
            "Example Corp Reports Second-Quarter 2026 Results\n\n{prose}\n\n\
FREE CASH FLOW RECONCILIATION\n(Dollars in millions)\n\n\
\tQ2 2026\tQ2 2025\tSix Months Ended June 30, 2026\tSix Months Ended June 30, 2025\n\n\
GAAP net cash provided by operating activities\t$ 2,066\t$ 2,638\t$ 6,234\t$ 6,412\n\
Capital expenditures\t(412)\t(390)\t(850)\t(801)\n\
Free cash flow\t$ 1,654\t$ 2,248\t$ 5,384\t$ 5,611\n"
        )
    };
    expect(
        doc,
        &[
            (
                "For the first six months of the year, the company generated net cash from operating activities of $6.2 billion, down $0.2 billion year to year.",
                0,
            ),
            (
                "For the first six months of the year, the company generated net cash from operating activities of $6.7 billion, down $0.2 billion year to year.",
                1,
            ),
            (
                "For the first six months of the year, the company generated net cash from operating activities of $6.2 billion, down $0.8 billion year to year.",
                1,
            ),
        ],
    );
}

#[test]
fn a_second_list_of_rates_for_the_year_before() {
    // Pfizer's note: "…, respectively, and (3.1)% and 7.5% in …": the
    // rates of the year before, whose second quarter ended July 2.
    let doc = |prose: &str| {
        format!(
            "Example Corp Reports Second-Quarter 2024 Results\n\n{prose}\n\n\
RECONCILIATION\n(millions of dollars)\n\n\
\tSecond-Quarter 2024\tSecond-Quarter 2023\tSix Months 2024\tSix Months 2023\n\n\
Revenues\t$ 13,283\t$ 12,734\t$ 28,162\t$ 31,014\n\
Income before taxes\t$ 100\t$ 2,300\t$ 3,300\t$ 8,600\n\
Effective Tax Rate on Reported Income\t130.2%\t(3.1)%\t4.8%\t7.5%\n\
Effective Tax Rate on Adjusted Income\t12.9%\t6.8%\t15.1%\t11.6%\n"
        )
    };
    let written = "Our effective tax rates for income from continuing operations were 130.2% and 4.8% in the three and six months ended June 30, 2024, respectively, and (3.1)% and 7.5% in the three and six months ended July 2, 2023, respectively.";
    expect(
        doc,
        &[
            (written, 0),
            (&written.replace("(3.1)%", "(3.4)%"), 1),
            (&written.replace("7.5%", "7.9%"), 1),
        ],
    );
    // The non-GAAP measure's rates: its own row.
    let adjusted = "Our effective tax rates for non-GAAP Adjusted income were 12.9% and 15.1% in the three and six months ended June 30, 2024, respectively, and 6.8% and 11.6% in the three and six months ended July 2, 2023, respectively.";
    expect(
        doc,
        &[
            (adjusted, 0),
            (&adjusted.replace("15.1%", "15.7%"), 1),
            (&adjusted.replace("6.8%", "8.6%"), 1),
            (
                "The effective non-GAAP tax rate was 12.9% in the second quarter of 2024.",
                0,
            ),
            (
                "The effective non-GAAP tax rate was 13.9% in the second quarter of 2024.",
                1,
            ),
        ],
    );
}

#[test]
fn a_segment_table_with_segments_in_columns_states_their_rates() {
    // IBM's segment data: a column per segment, the measure in each rate
    // row's label. "flat at constant currency" is a second rate, in
    // words: its basis is not the first rate's.
    let doc = |prose: &str| {
        format!(
            "Example Corp Reports Second-Quarter 2026 Results\n\n{prose}\n\n\
SEGMENT DATA\n(Dollars in millions)\n\n\
\tThree Months Ended June 30, 2026\t\n\
\tSoftware\tConsulting\n\n\
Revenue\t$ 7,387\t$ 5,314\n\
Segment Profit\t2,296\t562\n\
Segment Profit Margin\t31.1%\t10.6%\n\
Change YTY Revenue\t9.6%\t2.6%\n\
Change YTY Revenue - Constant Currency\t7.6%\t(0.3)%\n"
        )
    };
    let written = "Software revenue up 10 percent, up 8 percent at constant currency. \
Consulting revenue up 3 percent, flat at constant currency.";
    expect(
        doc,
        &[
            (written, 0),
            (&written.replace("up 8 percent", "up 6 percent"), 1),
            (&written.replace("up 3 percent", "up 5 percent"), 1),
        ],
    );
}

/// The release with an outlook after its statements: a reconciliation of
/// the next quarter's expected EPS, and a summary of quarters whose last
/// column is a forecast.
fn with_outlook(prose: &str) -> String {
    format!(
        "{}\n\
RECONCILIATION OF GAAP TO NON-GAAP OUTLOOK\n\n\
\tQ2 2026 Outlook\n\n\
GAAP diluted earnings per share\t$ 0.31\n\
Share-based compensation\t0.05\n\
Non-GAAP diluted earnings per share\t$ 0.36\n\
GAAP gross margin\t56.3%\n\
Non-GAAP gross margin\t57.0%\n\
Non-GAAP tax rate\t13%\n\n\
FINANCIAL SUMMARY\n(in thousands)\n\n\
\tQ1'25\tQ2'25\tQ1'26\tQ2'26 Forecast\n\n\
Revenue\t40,000\t44,000\t48,213\t50,600\n",
        release(prose)
    )
}

#[test]
fn forward_looking_figures_tie_to_the_outlook_the_tables_print() {
    expect(
        with_outlook,
        &[
            // The outlook's own quarter, named with or without its year.
            ("For the second quarter of 2026, the Company expects GAAP diluted earnings per share of $0.31.", 0),
            ("For the second quarter of 2026, the Company expects GAAP diluted earnings per share of $0.37.", 1),
            ("The Company is expecting second-quarter non-GAAP diluted earnings per share of $0.36.", 0),
            ("The Company is expecting second-quarter non-GAAP diluted earnings per share of $0.63.", 1),
            // An aside with its own basis is about its own figure.
            ("The Company is expecting second-quarter GAAP diluted earnings per share of $0.31 (non-GAAP diluted earnings per share of $0.36).", 0),
            ("The Company is expecting second-quarter GAAP diluted earnings per share of $0.34 (non-GAAP diluted earnings per share of $0.36).", 1),
            // A growth from a year before to the forecast column.
            ("For Q2'26, we forecast revenue growth of 15%.", 0),
            ("For Q2'26, we forecast revenue growth of 18%.", 1),
            // A period the outlook does not show, or none at all: unchecked.
            ("For the third quarter of 2026, the Company expects GAAP diluted earnings per share of $0.37.", 0),
            ("The Company expects non-GAAP diluted earnings per share of $0.63.", 0),
            // A sentence that names no period after one that names the
            // outlook's is about the outlook's period.
            ("For Q2'26, we forecast revenue growth of 15%. We expect non-GAAP diluted earnings per share of $0.36.", 0),
            ("For Q2'26, we forecast revenue growth of 15%. We expect non-GAAP diluted earnings per share of $0.63.", 1),
            // … but not after one that names another, or several.
            ("For Q3'26, we forecast revenue growth of 15%. We expect non-GAAP diluted earnings per share of $0.63.", 0),
            ("For Q2'26 and fiscal 2026, we forecast growth. We expect non-GAAP diluted earnings per share of $0.63.", 0),
        ],
    );
    // A forward-looking figure the outlook does not show says why it is
    // not checked as before.
    let text = with_outlook("The Company expects revenue of $84.2 million in 2027.");
    assert!(note_of(&text, "84.2").starts_with("forward-looking"));
}

#[test]
fn an_outlook_states_the_period_its_list_is_about() {
    let doc = |prose: &str| {
        with_outlook(&format!(
            "The Company's outlook for the second quarter of 2026 is as follows:\n\n• {prose}"
        ))
    };
    expect(
        doc,
        &[
            (
                "GAAP diluted earnings per share are expected to be $0.31.",
                0,
            ),
            (
                "GAAP diluted earnings per share are expected to be $0.34.",
                1,
            ),
            // A row for each basis.
            ("The non-GAAP effective tax rate is expected to be 13%.", 0),
            ("The non-GAAP effective tax rate is expected to be 31%.", 1),
            (
                "GAAP and non-GAAP gross margins are expected to be 56.3% and 57.0%, respectively.",
                0,
            ),
            (
                "GAAP and non-GAAP gross margins are expected to be 56.3% and 51.0%, respectively.",
                1,
            ),
        ],
    );
}

#[test]
fn bullets_run_together_are_sentences_of_their_own() {
    // A converted PDF's bullets in one block: the next item's "guidance"
    // does not make this one forward-looking.
    let doc = |prose: &str| {
        release(&format!(
            "• {prose} • The Company is raising its full-year guidance midpoints"
        ))
    };
    expect(
        doc,
        &[
            ("First quarter net income of $3.5 million", 0),
            ("First quarter net income of $5.3 million", 1),
        ],
    );
}

#[test]
fn growth_after_with_is_its_own_clause() {
    // "with operational growth of 7.5%" qualifies that growth, not the
    // amount before it.
    expect(
        release,
        &[
            (
                "First quarter revenue of $48.2 million with operational growth of 11%.",
                0,
            ),
            (
                "First quarter revenue of $42.8 million with operational growth of 11%.",
                1,
            ),
        ],
    );
}

#[test]
fn an_abbreviation_in_parentheses_names_the_measure_before_it() {
    // "adjusted earnings per share (EPS)": the adjusted measure, whose
    // row a reconciliation shows, not the "EPS" in parentheses.
    let doc = |prose: &str| {
        format!(
            "{}\nRECONCILIATION OF NON-GAAP MEASURES\n(in thousands, except per share amounts)\n\n\
\tThree Months Ended March 31,\t\n\t2026\t2025\n\n\
Net income\t$ 3,469\t$ 2,247\n\
Share-based compensation\t1,020\t940\n\
Adjusted net income\t$ 4,489\t$ 3,187\n\
Adjusted EPS (diluted)\t$ 0.44\t$ 0.31\n",
            release_with_eps(prose)
        )
    };
    expect(
        doc,
        &[
            (
                "First quarter adjusted earnings per share (EPS) of $0.44.",
                0,
            ),
            (
                "First quarter adjusted earnings per share (EPS) of $0.47.",
                1,
            ),
        ],
    );
}

#[test]
fn a_loss_per_share_is_earnings_per_share() {
    let doc = |prose: &str| {
        format!(
            "Example Corp Reports First Quarter 2026 Results\n\n{prose}\n\n\
CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS\n\
(in thousands, except per share amounts)\n\n\
\tThree Months Ended March 31,\t\n\t2026\t2025\n\n\
Revenue\t$ 48,213\t$ 42,871\n\
Net income (loss)\t$ (3,469)\t$ 2,247\n\n\
Net income (loss) per share:\t\t\n\
Basic\t$ (0.35)\t$ 0.23\n\
Diluted\t$ (0.35)\t$ 0.22\n"
        )
    };
    expect(
        doc,
        &[
            (
                "First-quarter basic loss per share of ($0.35) reflected a charge.",
                0,
            ),
            (
                "First-quarter basic loss per share of ($0.53) reflected a charge.",
                1,
            ),
        ],
    );
}

#[test]
fn a_growth_named_operational_before_it_is_in_constant_currency() {
    expect(
        release_with_rates,
        &[
            ("First quarter revenue grew 12% to $48.2 million with operational growth of 15%.", 0),
            ("First quarter revenue grew 12% to $48.2 million with operational growth of 18%.", 1),
            ("Revenue totaled $48.2 million, an increase of $5.3 million, or 12%, compared to the prior-year quarter, reflecting an operational increase of $5.9 million, or 15%.", 0),
            ("Revenue totaled $48.2 million, an increase of $5.3 million, or 12%, compared to the prior-year quarter, reflecting an operational increase of $5.9 million, or 51%.", 1),
        ],
    );
    // With no rate in constant currency in the tables, it stays unchecked.
    let text = release("Revenue totaled $48.2 million, an increase of $5.3 million, or 12%, compared to the prior-year quarter, reflecting an operational increase of $5.9 million, or 51%.");
    assert!(note_of(&text, "51%").starts_with("qualified"));
}

#[test]
fn a_row_of_growth_excluding_the_currency_effect_is_in_constant_currency() {
    let doc = |prose: &str| {
        format!(
            "{}\nREVENUE EXCLUDING FOREIGN EXCHANGE EFFECT\n(in thousands)\n\n\
\tThree Months Ended March 31,\t\n\t2026\t2025\n\n\
GAAP revenue\t$ 48,213\t$ 42,871\n\
Foreign exchange effect on 2026 revenue using 2025 rates\t1,087\t\n\
Revenue excluding foreign exchange effect\t$ 49,300\t\n\
GAAP revenue year-over-year change %\t12%\t\n\
Revenue excluding foreign exchange effect year-over-year change %\t15%\t\n",
            release(prose)
        )
    };
    expect(
        doc,
        &[
            (
                "Revenue on a constant currency basis would have increased 15% year-over-year.",
                0,
            ),
            (
                "Revenue on a constant currency basis would have increased 51% year-over-year.",
                1,
            ),
        ],
    );
}

#[test]
fn an_outlook_range_ties_end_for_end_to_low_and_high_columns() {
    let doc = |prose: &str| {
        format!(
            "{}\nEARNINGS PER SHARE TARGETS\n\n\
\tQ2 2026 Low\tQ2 2026 High\n\n\
GAAP diluted earnings per share\t$ 0.30\t$ 0.34\n\
Share-based compensation\t0.05\t0.05\n\
Non-GAAP diluted earnings per share\t$ 0.35\t$ 0.39\n",
            release(prose)
        )
    };
    expect(
        doc,
        &[
            ("For the second quarter of 2026, the Company expects GAAP diluted earnings per share of $0.30 to $0.34.", 0),
            ("For the second quarter of 2026, the Company expects GAAP diluted earnings per share of $0.20 to $0.34.", 1),
            ("For the second quarter of 2026, the Company expects GAAP diluted earnings per share of $0.30 to $0.43.", 1),
        ],
    );
    // An outlook of one figure inside the range is no end of it.
    expect(
        with_outlook,
        &[("For the second quarter of 2026, the Company expects GAAP diluted earnings per share of $0.29 to $0.33.", 0)],
    );
    // A range that looks ahead of nothing the tables print says so.
    let text = release("For 2027, the Company expects revenue of $84.2 million to $86.0 million.");
    assert!(note_of(&text, "84.2").starts_with("forward-looking"));
}

#[test]
fn a_measure_labelled_non_gaap_in_its_row_is_the_measure() {
    // "Free Cash Flow (non-GAAP)": free cash flow is non-GAAP by definition.
    let doc = |prose: &str| {
        format!(
            "{}\nFREE CASH FLOW\n(in thousands)\n\n\
\tThree Months Ended March 31,\t\n\t2026\t2025\n\n\
Net cash provided by operating activities\t9,120\t7,840\n\
Purchases of property and equipment\t(2,310)\t(1,950)\n\
Free Cash Flow (non-GAAP)\t6,810\t5,890\n",
            release(prose)
        )
    };
    expect(
        doc,
        &[
            ("First quarter free cash flow was $6.8 million.", 0),
            ("First quarter free cash flow was $8.6 million.", 1),
        ],
    );
}

#[test]
fn cash_generated_from_operating_activities() {
    expect(
        release,
        &[
            (
                "Net cash generated from operating activities was $9.1 million.",
                0,
            ),
            (
                "Net cash generated from operating activities was $9.7 million.",
                1,
            ),
        ],
    );
}

#[test]
fn paid_dividends_is_dividends_paid() {
    expect(
        release,
        &[
            (
                "In the first quarter, the company paid dividends of $1.3 million.",
                0,
            ),
            (
                "In the first quarter, the company paid dividends of $3.1 million.",
                1,
            ),
        ],
    );
}

/// `release` with a reconciliation of operating expenses by basis and an
/// outlook of them.
fn with_opex_by_basis(prose: &str) -> String {
    format!(
        "{}\n\
RECONCILIATION OF OPERATING EXPENSES\n(in thousands)\n\n\
\tThree Months Ended March 31,\t\n\t2026\t2025\n\n\
GAAP operating expenses\t$ 43,954\t$ 40,126\n\
Share-based compensation\t(2,500)\t(2,100)\n\
Non-GAAP operating expenses\t$ 41,454\t$ 38,026\n\n\
RECONCILIATION OF GAAP TO NON-GAAP OUTLOOK\n(in thousands)\n\n\
\tQ2 2026 Outlook\n\n\
GAAP operating expenses\t$ 45,100\n\
Share-based compensation\t(3,500)\n\
Non-GAAP operating expenses\t$ 41,600\n",
        release(prose)
    )
}

#[test]
fn gaap_and_non_gaap_rows_of_one_measure_take_a_figure_each() {
    expect(
        with_opex_by_basis,
        &[
            ("In the first quarter of 2026, GAAP and non-GAAP operating expenses were $44.0 million and $41.5 million, respectively.", 0),
            ("In the first quarter of 2026, GAAP and non-GAAP operating expenses were $44.0 million and $45.1 million, respectively.", 1),
            ("In the first quarter of 2026, GAAP and non-GAAP operating expenses were $40.4 million and $41.5 million, respectively.", 1),
            // The outlook's rows, for a forward-looking pair.
            ("For the second quarter of 2026, GAAP and non-GAAP operating expenses are expected to be approximately $45.1 million and $41.6 million, respectively.", 0),
            ("For the second quarter of 2026, GAAP and non-GAAP operating expenses are expected to be approximately $45.1 million and $14.6 million, respectively.", 1),
            // The next sentence's period is not the list's.
            ("For the second quarter of 2026, GAAP and non-GAAP operating expenses are expected to be approximately $54.1 million and $41.6 million, respectively. Full year 2026 operating expense growth is expected to be modest.", 1),
        ],
    );
}

#[test]
fn a_listed_rate_shares_the_constant_currency_of_its_list() {
    // "Revenue on a constant currency basis would have increased 21% and
    // 23% year-over-year for the fourth quarter and full year 2024,
    // respectively": the qualifier before the first rate is the second's
    // too, and both are the rows of rates excluding foreign exchange.
    let doc = |prose: &str| {
        format!(
            "Example Corp Reports Fourth Quarter 2025 Results\n\n{prose}\n\n\
EXAMPLE CORP\nRECONCILIATION OF GAAP TO NON-GAAP RESULTS\n(in thousands)\n\n\
\tThree Months Ended December 31,\tTwelve Months Ended December 31,\n\t2025\t2025\n\n\
GAAP revenue\t$ 48,213\t$ 180,120\n\
Foreign exchange effect on 2025 revenue using 2024 rates\t950\t4,880\n\
Revenue excluding foreign exchange effect\t$ 49,163\t$ 185,000\n\
GAAP revenue year-over-year change %\t12%\t15%\n\
Revenue excluding foreign exchange effect year-over-year change %\t14%\t17%\n"
        )
    };
    expect(
        doc,
        &[
            (
                "Revenue on a constant currency basis would have increased 14% and 17% year-over-year for the fourth quarter and full year 2025, respectively.",
                0,
            ),
            (
                "Revenue on a constant currency basis would have increased 14% and 71% year-over-year for the fourth quarter and full year 2025, respectively.",
                1,
            ),
        ],
    );
}

#[test]
fn a_row_the_company_itself_reports_is_its_subject() {
    // "PG&E Corporation (NYSE: PCG) recorded second quarter 2023 income
    // available for common shareholders of $406 million": after the
    // issuer's name and a reporting verb, the row label is the subject.
    let doc = |prose: &str| {
        format!(
            "Example Corporation Reports First Quarter 2026 Results\n\n{prose}\n\n\
EXAMPLE CORPORATION\nCONDENSED CONSOLIDATED STATEMENTS OF INCOME\n(in thousands)\n\n\
\tThree Months Ended March 31,\t\n\t2026\t2025\n\n\
Revenue\t$ 48,213\t$ 42,871\n\
Net income\t3,569\t2,347\n\
Preferred stock dividend requirement\t100\t100\n\
Income available for common shareholders\t$ 3,469\t$ 2,247\n"
        )
    };
    expect(
        doc,
        &[
            (
                "OAKLAND — Example Corporation (NYSE: EXC) recorded first quarter 2026 income available for common shareholders of $3.5 million.",
                0,
            ),
            (
                "OAKLAND — Example Corporation (NYSE: EXC) recorded first quarter 2026 income available for common shareholders of $3.9 million.",
                1,
            ),
            // Someone else's verb: an object, not the company's row.
            (
                "OAKLAND — Dealers recorded first quarter 2026 income available for common shareholders of $3.9 million.",
                0,
            ),
        ],
    );
}

#[test]
fn net_income_per_share_unqualified_is_basic_or_diluted() {
    // "reported net income of $53 million, or $0.24 per share": a release
    // printing basic and diluted EPS ties the figure to either.
    let doc = |prose: &str| {
        format!(
            "{}\nEARNINGS PER SHARE\n\n\tThree Months Ended March 31,\t\n\t2026\t2025\n\n\
Basic:\t\t\nEarnings per share\t$ 0.12\t$ 0.08\n\
Diluted:\t\t\nEarnings per share\t$ 0.11\t$ 0.07\n",
            release(prose)
        )
    };
    expect(
        doc,
        &[
            (
                "Net income for the first quarter of 2026 was $3.5 million, or $0.11 per share.",
                0,
            ),
            (
                "Net income for the first quarter of 2026 was $3.5 million, or $0.12 per share.",
                0,
            ),
            (
                "Net income for the first quarter of 2026 was $3.5 million, or $0.17 per share.",
                1,
            ),
        ],
    );
}

#[test]
fn a_clause_after_a_forward_looking_one_looks_ahead_too() {
    // "expecting third-quarter GAAP EPS of $(0.24); non-GAAP EPS of
    // $0.18": the second clause is the outlook's, to the quarter the first
    // names, not a reported figure that happens to match ($0.13 is the
    // second quarter's, reported).
    let doc = |prose: &str| {
        format!(
            "Example Corp Reports Second-Quarter 2024 Financial Results\n\n{prose}\n\n\
EXAMPLE CORP\nCONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS\n(in millions, except per share amounts)\n\n\
\tThree Months Ended\t\n\tJun 29, 2024\tJul 1, 2023\n\n\
Net revenue\t$ 12,833\t$ 12,949\n\
Net income\t(1,610)\t1,473\n\
Diluted earnings per share\t$ (0.38)\t$ 0.35\n\
Non-GAAP diluted earnings per share\t$ 0.13\t$ 0.35\n\n\
OUTLOOK\n\n\tQ3 2024 Outlook\n\n\
GAAP diluted earnings per share\t$ (0.24)\n\
Non-GAAP diluted earnings per share\t$ 0.18\n"
        )
    };
    expect(
        doc,
        &[
            (
                "Forecasting third-quarter 2024 revenue growth; expecting third-quarter GAAP diluted earnings per share of $(0.24); non-GAAP diluted earnings per share of $0.18.",
                0,
            ),
            (
                "Forecasting third-quarter 2024 revenue growth; expecting third-quarter GAAP diluted earnings per share of $(0.24); non-GAAP diluted earnings per share of $0.13.",
                1,
            ),
        ],
    );
}

#[test]
fn nearly_is_close_below_the_figure() {
    expect(
        release,
        &[
            ("Revenue was nearly $48.5 million.", 0),
            ("Operating cash flow was nearly $9.2 million.", 0),
            // Under $58.2 million, but not nearly: a digit slipped.
            ("Revenue was nearly $58.2 million.", 1),
            ("Revenue was almost $84.2 million.", 1),
            // One-sided hedges stay one-sided.
            ("Revenue was less than $58.2 million.", 0),
            ("Revenue was more than $48.1 million.", 0),
        ],
    );
}

/// A first-quarter release over one table of quarters: `head` is the
/// column headings, `rows` the rows (tab-separated).
fn quarters(prose: &str, head: &str, rows: &str) -> String {
    format!(
        "Example Corp Reports First Quarter 2026 Results\n\n{prose}\n\n\
EXAMPLE CORP\nQUARTERLY TRENDS\n(in millions)\n\n\t{head}\n\n{rows}"
    )
}

/// Five quarters in a row: a growth "year over year" is the pair a year
/// apart, though the quarter before is in the table too.
fn quarterly_trend(prose: &str) -> String {
    quarters(
        prose,
        "Q1 2025\tQ2 2025\tQ3 2025\tQ4 2025\tQ1 2026",
        "Revenue\t$ 100.0\t$ 96.0\t$ 94.0\t$ 92.0\t$ 115.0\n\
Cost of revenue\t60.0\t58.0\t57.0\t55.0\t69.0\n\
Gross profit\t40.0\t38.0\t37.0\t37.0\t46.0\n",
    )
}

#[test]
fn a_named_base_keeps_pairs_that_far_apart() {
    expect(
        quarterly_trend,
        &[
            (
                "Revenue for the first quarter of 2026 grew 15% year over year.",
                0,
            ),
            // 25% is the growth over Q4 2025, not over Q1 2025.
            (
                "Revenue for the first quarter of 2026 grew 25% year over year.",
                1,
            ),
            (
                "Revenue for the first quarter of 2026 grew 25% sequentially.",
                0,
            ),
            (
                "Revenue for the first quarter of 2026 grew 15% sequentially.",
                1,
            ),
        ],
    );
}

/// Revenues by market: worldwide, U.S. and international columns.
fn by_market(prose: &str) -> String {
    format!(
        "Example Pharma Reports 2024 Results\n\n{prose}\n\n\
EXAMPLE PHARMA\nREVENUES\n(in millions)\n\n\
\tYear Ended December 31,\n\
\tWorldwide\tWorldwide\tWorldwide\tU.S.\tU.S.\tU.S.\tInternational\tInternational\tInternational\n\
\t2024\t2023\t% Change\t2024\t2023\t% Change\t2024\t2023\t% Change\n\n\
Total revenues\t$ 17,702\t$ 13,491\t31%\t$ 11,652\t$ 8,491\t37%\t$ 6,050\t$ 5,000\t21%\n"
    )
}

#[test]
fn a_sentence_naming_no_market_is_about_the_whole() {
    expect(
        by_market,
        &[
            (
                "Revenues for 2024 totaled $17.7 billion, an increase of 31%.",
                0,
            ),
            // The international growth is not the company's.
            (
                "Revenues for 2024 totaled $17.7 billion, an increase of 21%.",
                1,
            ),
            ("International revenues for 2024 increased 21%.", 0),
            ("U.S. revenues for 2024 increased 37%.", 0),
        ],
    );
}

/// Six quarters: two pairs a year apart.
fn six_quarters(prose: &str) -> String {
    quarters(
        prose,
        "Q4 2024\tQ1 2025\tQ2 2025\tQ3 2025\tQ4 2025\tQ1 2026",
        "Revenue\t$ 80.0\t$ 100.0\t$ 96.0\t$ 94.0\t$ 92.0\t$ 125.0\n\
Cost of revenue\t50.0\t60.0\t58.0\t57.0\t55.0\t75.0\n\
Gross profit\t30.0\t40.0\t38.0\t37.0\t37.0\t50.0\n",
    )
}

#[test]
fn a_growth_naming_no_period_is_the_latest() {
    expect(
        six_quarters,
        &[
            ("Revenue increased 25% year over year.", 0),
            // 15% is the fourth quarter's growth, not the latest quarter's.
            ("Revenue increased 15% year over year.", 1),
            (
                "Fourth-quarter 2025 revenue increased 15% year over year.",
                0,
            ),
        ],
    );
}

/// Five quarters with the growth rates excluding exchange rates.
fn fx_trend(prose: &str) -> String {
    quarters(
        prose,
        "Q1 2025\tQ2 2025\tQ3 2025\tQ4 2025\tQ1 2026",
        "Net sales\t$ 100.0\t$ 96.0\t$ 94.0\t$ 92.0\t$ 125.0\n\
Net sales -- Y/Y growth, excluding F/X\t10%\t11%\t12%\t13%\t22%\n",
    )
}

#[test]
fn excluding_exchange_rates_is_the_constant_currency_rate() {
    let lead = "Excluding the $3.0 million unfavorable impact from year-over-year changes in foreign exchange rates throughout the quarter, net sales increased";
    let cases = [
        (format!("{lead} 22% compared with first quarter 2025."), 0),
        // The reported growth (25%) is not the one excluding exchange rates.
        (format!("{lead} 25% compared with first quarter 2025."), 1),
        // The third quarter's rate is a year after no base the words name.
        (format!("{lead} 12% compared with first quarter 2025."), 1),
    ];
    let cases: Vec<(&str, usize)> = cases.iter().map(|(s, n)| (s.as_str(), *n)).collect();
    expect(fx_trend, &cases);
}

#[test]
fn what_a_result_compares_with_is_its_row() {
    expect(
        release,
        &[
            (
                "Research and development was $12.5 million in the first quarter of 2026. This compares with research and development of $11.2 million for the first quarter of 2025.",
                0,
            ),
            (
                "Research and development was $12.5 million in the first quarter of 2026. This compares with research and development of $11.7 million for the first quarter of 2025.",
                1,
            ),
        ],
    );
}

#[test]
fn u_s_gaap_names_no_market() {
    use super::names_market;
    assert!(names_market("u.s. 2024"));
    assert!(names_market("international revenues"));
    assert!(!names_market("u.s. gaap 2024"));
    assert!(!names_market("worldwide 2024"));
}

/// A letter whose summary heads its quarters "Q3'23 … Q3'24" with no
/// dates, and adds "Q4'24 Forecast", over a regional breakdown that
/// repeats "Revenue" under each region's header.
fn letter(prose: &str) -> String {
    format!(
        "<html><body><p>Example Corp Third Quarter 2024 Letter</p><p>{prose}</p>\
<table>\
<tr><td>(in millions)</td><td>Q3'23</td><td>Q4'23</td><td>Q1'24</td><td>Q2'24</td><td>Q3'24</td><td>Q4'24 Forecast</td></tr>\
<tr><td>Revenue</td><td>8,542</td><td>8,833</td><td>9,370</td><td>9,559</td><td>9,825</td><td>10,128</td></tr>\
<tr><td>Operating Income</td><td>1,916</td><td>1,496</td><td>2,633</td><td>2,603</td><td>2,909</td><td>2,190</td></tr>\
<tr><td>Free Cash Flow</td><td>1,888</td><td>1,581</td><td>2,137</td><td>1,213</td><td>2,194</td><td></td></tr>\
</table>\
<p>Regional Breakdown</p>\
<table>\
<tr><td>(in millions)</td><td>Q3'23</td><td>Q4'23</td><td>Q1'24</td><td>Q2'24</td><td>Q3'24</td></tr>\
<tr><td>North:</td><td></td><td></td><td></td><td></td><td></td></tr>\
<tr><td>Revenue</td><td>4,000</td><td>4,100</td><td>4,300</td><td>4,400</td><td>4,480</td></tr>\
<tr><td>South:</td><td></td><td></td><td></td><td></td><td></td></tr>\
<tr><td>Revenue</td><td>4,542</td><td>4,733</td><td>5,070</td><td>5,159</td><td>5,345</td></tr>\
</table></body></html>"
    )
}

#[test]
fn an_outlook_column_is_not_the_latest_reported_quarter() {
    // "Q3" and "last year's Q3" are the reported quarters, not counted
    // back from the forecast's.
    let findings = |prose: &str| html_findings(&letter(prose));
    let said = "Free cash flow totaled $2.2B compared with $1.9B in last year's Q3.";
    assert_eq!(findings(said), 0);
    assert_eq!(findings(&said.replace("$1.9B", "$1.6B")), 1);
    // With no period named, a value is the latest reported quarter's.
    assert_eq!(findings("Operating income totaled $2.9B."), 0);
    assert_eq!(findings("Operating income totaled $2.6B."), 1);
}

#[test]
fn a_short_growth_is_narrowed_to_the_whole_business_a_year_apart() {
    // Revenue grew 15% over Q3'23 (9,825 / 8,542); the regions grew 12%
    // and 18%, and the quarter before is 3% back: 51% is a swap of 15%,
    // told from the regions' rows and the sequential pairs.
    let findings = |prose: &str| html_findings(&letter(prose));
    assert_eq!(findings("We had a strong Q3 with 15% revenue growth."), 0);
    assert_eq!(findings("We had a strong Q3 with 51% revenue growth."), 1);
    // "vs. Q2’24" names the base on its line: no sentence ends there,
    // and the growth is over the quarter before (9,825 / 9,559: 3%).
    assert_eq!(findings("Revenue for Q3 grew 3% vs. Q2’24."), 0);
    assert_eq!(findings("Revenue for Q3 grew 8% vs. Q2’24."), 1);
}

#[test]
fn a_measure_including_another_row_is_their_sum() {
    // Purchases of property and equipment 2,310 plus repurchases of common
    // stock 4,000: "including" a row of the statement adds its figure,
    // column by column.
    expect(
        release,
        &[
            (
                "Capital expenditures, including repurchases of common stock, were $6.3 million in the first quarter of 2026.",
                0,
            ),
            (
                "Capital expenditures, including repurchases of common stock, were $6.8 million in the first quarter of 2026.",
                1,
            ),
            ("Capital expenditures were $2.3 million in the first quarter of 2026.", 0),
            // A measure named after its figure, after a curly apostrophe,
            // reads no "including" (and does not cut a character in two).
            (
                "“We’re innovating across the tech stack to help customers adapt and grow in this new era, and this year, Azure surpassed $75 billion in revenue, up 34 percent.”",
                0,
            ),
        ],
    );
}

#[test]
fn a_base_opening_the_sentence_is_its_first_figures() {
    // Revenue rose $25.0 million over Q1 2025 and $28.0 million over
    // Q4 2025: "Compared to the fourth quarter" names the second.
    let doc = |prose: &str| {
        quarters(
            prose,
            "Q1 2025\tQ2 2025\tQ3 2025\tQ4 2025\tQ1 2026",
            "Revenue\t$ 100.0\t$ 96.0\t$ 94.0\t$ 97.0\t$ 125.0\n\
Cost of revenue\t60.0\t58.0\t57.0\t55.0\t69.0\n",
        )
    };
    expect(
        doc,
        &[
            (
                "Compared to the fourth quarter, revenue increased $28.0 million.",
                0,
            ),
            (
                "Compared to the fourth quarter, revenue increased $25.0 million.",
                1,
            ),
        ],
    );
}
