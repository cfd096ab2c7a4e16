//! A reconciliation by line item in plain text: each adjustment fills only
//! the columns it touches, a footnote reference hangs off a total.

mod common;

use common::text_errors as errors;

const RECONCILIATION: &str = "\
                                     (millions)
                                                   Cost of        Other (income)/      Net income
                                                   sales          deductions--net      attributable
GAAP Reported                                 $    3,237      $        (347)      $      2,327
Amortization of intangible assets                      -                 -               1,184
Acquisition-related items                           (136)             (168)                387
Certain significant items:
 Restructuring charges                               (17)                -                 235
 (Gains)/losses on equity securities                   -               135                (135)
 Other                                               (12)             (171)                194
Income tax provision--non-GAAP items                                                      (355)
Non-GAAP Adjusted                             $    3,072      $        (551) (7)  $      3,839
";

#[test]
fn blank_cells_of_a_text_reconciliation_add_nothing() {
    let f = errors(RECONCILIATION);
    assert!(f.is_empty(), "{f:#?}");
    // "Other" in the cost-of-sales column, 12 changed to 21: that column,
    // blank on the tax line (which touches only net income), is footed too.
    let bad = RECONCILIATION.replace("(12)", "(21)");
    let f = errors(&bad);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].rule, "footing");
}

/// Margins over the same revenue add in points from the GAAP margin to the
/// non-GAAP one (the amounts above make the columns periods, not growth
/// rates).
const MARGINS: &str = "\
                                                            Three Months Ended
                                                          Apr 1,         Apr 2,
                                                           2023           2022
GAAP operating income (loss)                          $  (1,468)     $   4,341
   Acquisition-related adjustments                          371            404
   Share-based compensation                                 739            707
   Restructuring and other charges                           64         (1,211)
Non-GAAP operating income (loss)                      $    (294)     $   4,241
GAAP operating margin (loss)                             (12.5)%        23.7 %
   Acquisition-related adjustments                          3.2 %          2.2 %
   Share-based compensation                                 6.3 %          3.9 %
   Restructuring and other charges                          0.5 %         (6.6)%
Non-GAAP operating margin (loss)                          (2.5)%        23.1 %
";

#[test]
fn a_margin_reconciliation_adds_in_points() {
    let f = errors(MARGINS);
    assert!(f.is_empty(), "{f:#?}");
    // The 2022 share-based compensation, 3.9 points, shown as 9.3.
    let bad = MARGINS.replace("3.9 %", "9.3 %");
    let f = errors(&bad);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].rule, "footing");
}
