//! Per-share lines of statements converted from PDF: EPS named by a section
//! header over a "Net income attributable to ..." line, headers and labels
//! wrapped over two lines, and non-GAAP basic EPS.

mod common;

use common::text_errors as errors;
use tickmark::check::Finding;

fn rules_of(f: &[Finding]) -> Vec<&str> {
    f.iter().map(|f| f.rule.as_str()).collect()
}

/// The EPS lines follow their section headers, a wrapped label ends in an
/// abbreviation ("Inc."), and the share counts' header wraps onto a second
/// line: one statement, checked as one.
const STATEMENT: &str = "\
                              ACME INC. AND SUBSIDIARY COMPANIES
                           CONSOLIDATED STATEMENTS OF INCOME
                         (millions, except per common share data)

                                                              Second-Quarter
                                                             2023        2022
Revenues                                                $  12,734   $  27,742
Cost of sales                                               3,237       8,648
Income from continuing operations                           2,340       9,877
Discontinued operations--net of tax                            (2)         34
Net income before allocation to noncontrolling interests   2,338       9,911
Less: Net income attributable to noncontrolling interests     11           6
Net income attributable to Acme Inc. common shareholders $  2,327   $   9,906
Earnings per common share--basic:
 Income from continuing operations attributable to Acme Inc.
  common shareholders                                   $    0.41   $    1.76
 Discontinued operations--net of tax                            -        0.01
 Net income attributable to Acme Inc. common shareholders $  0.41   $    1.77
Earnings per common share--diluted:
 Income from continuing operations attributable to Acme Inc.
  common shareholders                                   $    0.41   $    1.73
 Discontinued operations--net of tax                            -        0.01
 Net income attributable to Acme Inc. common shareholders $  0.41   $    1.73
Weighted-average shares used to calculate earnings per
  common share:
   Basic                                                    5,646       5,593
   Diluted                                                  5,713       5,712
";

#[test]
fn eps_under_split_section_headers_is_checked() {
    let f = errors(STATEMENT);
    assert!(f.is_empty(), "{f:#?}");
    // Basic EPS of the prior year (9,906 / 5,593 = 1.771) shown as 1.71.
    let bad = STATEMENT.replace("$  0.41   $    1.77", "$  0.41   $    1.71");
    assert_eq!(rules_of(&errors(&bad)), ["eps-basic"]);
    // Diluted shares of the prior year (9,906 / 1.73 = 5,726) shown as 5,172.
    let bad = STATEMENT.replace("5,713       5,712", "5,713       5,172");
    assert!(rules_of(&errors(&bad)).contains(&"eps-diluted"), "{bad}");
    // The continuing-operations line is no EPS line: changing it is not an
    // EPS error.
    let bad = STATEMENT.replace("$    0.41   $    1.76", "$    0.41   $    1.67");
    assert!(!rules_of(&errors(&bad)).contains(&"eps-basic"));
}

/// An upper-case header broken after "TO": the second line names the
/// company, the rows under it are basic and diluted EPS.
const UPPER_CASE: &str = "\
                (amounts in millions, except per share data)
                                                   12 Weeks Ended
                                              May 7,        May 8,
                                               2023          2022
NET INCOME ATTRIBUTABLE TO ACME                $ 1,302      $ 1,353
NET INCOME PER COMMON SHARE ATTRIBUTABLE TO
ACME:
 Basic                                         $  2.93      $  3.05
 Diluted                                       $  2.93      $  3.04
Shares used in calculation (000s):
 Basic                                          443,814      443,700
 Diluted                                        444,360      444,886
";

#[test]
fn a_header_broken_mid_phrase_is_one_header() {
    let f = errors(UPPER_CASE);
    assert!(f.is_empty(), "{f:#?}");
    let bad = UPPER_CASE.replace("$  3.05", "$  3.50");
    assert_eq!(rules_of(&errors(&bad)), ["eps-basic"]);
}

const NON_GAAP_BASIC: &str = "\
                                                       Three Months Ended April 30,
                                                          2023            2022
Non-GAAP Basic Net Income Per Share
Non-GAAP net income                                   $  1,674        $    982
Non-GAAP basic net income per share                   $  1.71         $   0.99
Shares used in computing Non-GAAP basic net income per share  980          991
";

#[test]
fn non_gaap_basic_eps_is_checked() {
    let f = errors(NON_GAAP_BASIC);
    assert!(f.is_empty(), "{f:#?}");
    let bad = NON_GAAP_BASIC.replace("$  1.71", "$  1.17");
    assert_eq!(rules_of(&errors(&bad)), ["non-gaap-eps-basic"]);
}

/// A reconciliation of margin performance in basis points foots like any
/// other.
const BASIS_POINTS: &str = "\
                                                      12 Weeks Ended     24 Weeks Ended
                                                         6/17/2023          6/17/2023
Reported operating margin performance, GAAP measure        613 bps          (451) bps
Impact of:
 Mark-to-market net impact                                    45                 73
 Restructuring and impairment charges                         18                 31
 Acquisition and divestiture-related charges                  (1)               (14)
 Gain associated with the sale of a business                   7                916
 Impairment and other charges/credits                       (638)              (489)
Core operating margin growth, non-GAAP measure              44 bps             66 bps
";

#[test]
fn basis_points_are_figures() {
    let f = errors(BASIS_POINTS);
    assert!(f.is_empty(), "{f:#?}");
    let bad = BASIS_POINTS.replace("(638)", "(683)");
    assert_eq!(rules_of(&errors(&bad)), ["footing"]);
}
