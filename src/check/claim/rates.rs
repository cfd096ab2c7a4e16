//! Growth rates the tables state themselves, for growth claims.
//!
//! A growth claim is usually checked against two amounts of a row ("up 12%"
//! is 48,213 over 42,871). Many tables also print the rate: a "% change"
//! column beside the amounts, a column of growth "in constant currency"
//! that no amount of the table gives, or a whole table of rates by product
//! line ("Percentage Change Y/Y (GAAP)" | "Constant Currency Impact" |
//! "Percentage Change Y/Y Constant Currency" for "LinkedIn", "Dynamics
//! 365"). Those cells are the rates a sentence quotes: "Cloud services and
//! license support revenues were up 9% in USD and up 10% in constant
//! currency", "LinkedIn revenue increased 10%".
//!
//! Each rate cell is indexed under every name its row has: the row's
//! vocabulary concept (its non-GAAP measure in a "Non-GAAP" column), the
//! part of a measure it is (`revenue@linkedin`, under a header or in a
//! table titled by the measure), and its own label (`row:…`). A column is
//! a rate of growth when it is derived and its heading speaks of a change;
//! of growth in constant currency when the heading says so ("constant
//! currency", "cc", "F/X neutral", "operational"). A claim "in constant
//! currency" is compared with the second kind only, and any other growth
//! claim with the first kind besides the rate the amounts give.

use super::labels::{key_of, ROW};
use crate::document::{Document, Period, Unit};
use crate::fxhash::FxHashMap as HashMap;
use crate::resolve::{normalize, part_name, ConceptUnit, Concepts, Fact, Resolved};
use regex::Regex;
use rust_decimal::Decimal;
use std::sync::LazyLock;

/// A column heading that speaks of a change between periods.
static CHANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(change|changes|growth|increase|decrease|inc|dec|y/y|q/q|yoy|qoq|chg|versus|vs)(?-u:\b)")
        .expect("re")
});
/// A derived column that is no growth rate: shares, margins, the impact of
/// currency on a rate.
static NOT_A_RATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(impact|impacts|effect|effects|of (total |net )?(revenues?|sales)|mix|margin|points?|pts|ppts|bps|basis)(?-u:\b)|%\s*of")
        .expect("re")
});
/// A growth rate with the effect of currency taken out.
pub(super) static CONSTANT_CURRENCY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)constant[\s-]+(currency|dollars?)|(?-u:\b)cc(?-u:\b)|f/x[\s-]+neutral|fx[\s-]+neutral|currency[\s-]+neutral|(?-u:\b)ex(cluding)?[\s-]+(fx|f/x|currency|foreign[\s-]+exchange)(?-u:\b)|(?-u:\b)oper(ational|ationally)?(?-u:\b)")
        .expect("re")
});
/// A claim's words that make its rate one in constant currency.
pub(super) static CONSTANT_CURRENCY_CLAIM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)constant[\s-]+currency|(?-u:\b)cc(?-u:\b)|f/x[\s-]+neutral|fx[\s-]+neutral|(?-u:\b)operationally(?-u:\b)|excluding (the )?(changes in |the impact of )?(foreign exchange|f/x|fx|currency)")
        .expect("re")
});

/// A stated growth rate.
pub(super) struct Rate<'d> {
    pub fact: Fact<'d>,
    pub constant_currency: bool,
    /// The rate stands in the row of the amounts it is the growth of (a
    /// "% change" column), not in a row or table of rates.
    pub own_row: bool,
}

/// The growth rates of a document's tables, by every concept their rows
/// stand for.
#[derive(Default)]
pub(super) struct Rates<'d> {
    by_concept: HashMap<String, Vec<Rate<'d>>>,
    /// Some key is a part of a measure (`revenue@linkedin`).
    parts: bool,
}

/// The non-GAAP measure a GAAP row shows in a "Non-GAAP" column.
fn non_gaap(concept: &str) -> Option<&'static str> {
    match concept {
        "operating_income" => Some("non_gaap_operating_income"),
        "net_income" => Some("non_gaap_net_income"),
        "eps_diluted" => Some("non_gaap_net_income_per_share"),
        _ => None,
    }
}

impl<'d> Rates<'d> {
    pub(super) fn new(doc: &'d Document, res: &Resolved, concepts: &Concepts) -> Rates<'d> {
        let mut out = Rates::default();
        // The part of a measure each row is, by (table, row).
        let mut parts: HashMap<(usize, usize), &str> = HashMap::default();
        for f in &res.segment_facts {
            parts.entry((f.table, f.row)).or_insert(f.concept.as_str());
        }
        for (ti, t) in doc.tables.iter().enumerate() {
            out.transposed(ti, t, concepts);
            out.growth_rows(ti, t, concepts);
            let rate_cols: Vec<(usize, bool, Option<&'d Period>)> = rate_columns(t);
            if rate_cols.is_empty() {
                continue;
            }
            // A table titled by one measure ("Selected Product and Service
            // Revenue …") lists parts of it.
            let title = normalize(&t.title);
            let named = concepts.phrases_in(&title);
            let title_measure = match named.as_slice() {
                [(n, _, _)] if concepts.unit_of(n) == Some(ConceptUnit::Amount) => Some(*n),
                _ => None,
            };
            // The measure each rate column's heading names, when one.
            let header_measures: Vec<Option<&str>> = t
                .columns
                .iter()
                .map(|c| {
                    let h = normalize(&c.header);
                    let named = concepts.phrases_in(&h);
                    let first = named.first()?.0;
                    let amounts = named
                        .iter()
                        .filter(|(n, _, _)| concepts.unit_of(n) == Some(ConceptUnit::Amount))
                        .count();
                    (amounts >= 1
                        && concepts.unit_of(first) == Some(ConceptUnit::Amount)
                        && named.iter().all(|(n, _, _)| {
                            *n == first || concepts.unit_of(n) != Some(ConceptUnit::Amount)
                        }))
                    .then_some(first)
                })
                .collect();
            let mut under_header = false;
            for (ri, r) in t.rows.iter().enumerate() {
                if r.header {
                    under_header = true;
                    continue;
                }
                let concept = res
                    .concepts
                    .get(ti)
                    .and_then(|c| c.get(ri))
                    .and_then(|c| c.as_deref());
                let mut keys: Vec<(String, bool)> = Vec::new();
                if let Some(c) = concept {
                    keys.push((c.to_string(), false));
                }
                if let Some(p) = parts.get(&(ti, ri)) {
                    keys.push((p.to_string(), false));
                } else if let (Some(m), None, false) = (title_measure, concept, under_header) {
                    let part = part_name(&r.label);
                    if part.chars().any(char::is_alphabetic) {
                        keys.push((format!("{m}@{part}"), false));
                    }
                }
                if let Some(k) = key_of(&r.label) {
                    keys.push((format!("{ROW}{k}"), false));
                }
                if keys.is_empty() {
                    continue;
                }
                for &(ci, cc, period) in &rate_cols {
                    let Some(f) = r.figure(ci) else { continue };
                    let Some(period) = period else { continue };
                    // A rate column headed by one measure ("Operating
                    // Profit and EPS GAAP Reported % Change") gives the
                    // rows of parts their measure.
                    let mut keys = keys.clone();
                    if let (Some(m), None, false) =
                        (header_measures[ci], concept, parts.contains_key(&(ti, ri)))
                    {
                        let part = part_name(&r.label);
                        let key = format!("{m}@{part}");
                        if part.chars().any(char::is_alphabetic)
                            && !keys.iter().any(|(k, _)| *k == key)
                        {
                            keys.push((key, false));
                        }
                    }
                    if f.unit != Unit::Percent || f.dash {
                        continue;
                    }
                    let Some(interval) = f.interval().scale(Decimal::new(1, 2)) else {
                        continue;
                    };
                    let header = t.columns[ci].header.to_lowercase().replace('-', " ");
                    let basis_non_gaap = header.contains("non gaap");
                    for (key, _) in &keys {
                        // A GAAP row's rate in a "Non-GAAP" column is the
                        // non-GAAP measure's.
                        let key = if basis_non_gaap {
                            match non_gaap(key) {
                                Some(n) => n.to_string(),
                                None if key.starts_with(ROW) || key.contains('@') => key.clone(),
                                None => continue,
                            }
                        } else {
                            key.clone()
                        };
                        out.by_concept.entry(key.clone()).or_default().push(Rate {
                            fact: Fact {
                                concept: key,
                                table: ti,
                                row: ri,
                                column: ci,
                                figure: f,
                                period,
                                interval,
                                scale: Decimal::new(1, 2),
                                period_unique: false,
                            },
                            constant_currency: cc,
                            own_row: true,
                        });
                    }
                }
            }
        }
        out.parts = out.by_concept.keys().any(|k| k.contains('@'));
        out
    }

    /// Rates in rows, measures in columns: "Percentage Change Y/Y (GAAP)"
    /// and "Percentage Change Y/Y Constant Currency" under "Revenue |
    /// Operating Income | Net Income | Diluted Earnings per Share", or under
    /// the segments of a table titled by the measure ("Segment Revenue
    /// Constant Currency Reconciliation").
    fn transposed(&mut self, ti: usize, t: &'d crate::document::Table, concepts: &Concepts) {
        // Most tables have no row of rates: find one before reading the
        // columns' headings.
        if !t
            .rows
            .iter()
            .any(|r| !r.header && CHANGE.is_match(&r.label) && !NOT_A_RATE.is_match(&r.label))
        {
            return;
        }
        let title = normalize(&t.title);
        let named = concepts.phrases_in(&title);
        let title_measure = match named.as_slice() {
            [(n, _, _)] if concepts.unit_of(n) == Some(ConceptUnit::Amount) => Some(*n),
            _ => None,
        };
        // What each column is: a measure its heading names, or a part of
        // the title's measure.
        let keys: Vec<Option<String>> = t
            .columns
            .iter()
            .map(|c| {
                let own = c.header.rsplit(',').next().unwrap_or("").trim();
                let named = concepts.phrases_in(&normalize(own));
                match (named.as_slice(), title_measure) {
                    ([(n, _, _)], _) => Some(n.to_string()),
                    ([], Some(m)) => {
                        let part = part_name(own);
                        part.chars()
                            .any(char::is_alphabetic)
                            .then(|| format!("{m}@{part}"))
                    }
                    _ => None,
                }
            })
            .collect();
        // Segments in columns, their rows' measures in the labels
        // ("Change YTY Revenue - Constant Currency" under "Three Months
        // Ended June 30, 2024 Software"): the column's part of the row's
        // measure.
        let column_parts: Vec<Option<String>> = t
            .columns
            .iter()
            .map(|c| {
                let part = part_name(&super::heading_without_period(&c.header));
                part.chars().any(char::is_alphabetic).then_some(part)
            })
            .collect();
        if keys.iter().all(Option::is_none) && column_parts.iter().all(Option::is_none) {
            return;
        }
        for (ri, r) in t.rows.iter().enumerate() {
            if r.header || !CHANGE.is_match(&r.label) || NOT_A_RATE.is_match(&r.label) {
                continue;
            }
            let row_measure = match concepts.phrases_in(&normalize(&r.label)).as_slice() {
                [(n, _, _)] if concepts.unit_of(n) == Some(ConceptUnit::Amount) => Some(*n),
                _ => None,
            };
            let keys: Vec<Option<String>> = match row_measure {
                Some(m) if keys.iter().all(Option::is_none) => column_parts
                    .iter()
                    .map(|p| p.as_ref().map(|p| format!("{m}@{p}")))
                    .collect(),
                _ => keys.clone(),
            };
            let cc = CONSTANT_CURRENCY.is_match(&r.label);
            let label = r.label.to_lowercase().replace('-', " ");
            let basis_non_gaap = label.contains("non gaap") || label.contains("adjusted");
            for (ci, key) in keys.iter().enumerate() {
                let (Some(key), Some(f)) = (key, r.figure(ci)) else {
                    continue;
                };
                if f.unit != Unit::Percent || f.dash {
                    continue;
                }
                let key = if basis_non_gaap {
                    match non_gaap(key) {
                        Some(n) => n.to_string(),
                        None if key.contains('@') => key.clone(),
                        None => continue,
                    }
                } else {
                    key.clone()
                };
                let Some(interval) = f.interval().scale(Decimal::new(1, 2)) else {
                    continue;
                };
                self.by_concept.entry(key.clone()).or_default().push(Rate {
                    fact: Fact {
                        concept: key,
                        table: ti,
                        row: ri,
                        column: ci,
                        figure: f,
                        period: &t.columns[ci].period,
                        interval,
                        scale: Decimal::new(1, 2),
                        period_unique: false,
                    },
                    constant_currency: cc,
                    own_row: false,
                });
            }
        }
    }

    /// Rows of a trend schedule that state a measure's growth: "Net sales
    /// -- Y/Y growth, excluding F/X" under "International Segment:", each
    /// column that quarter's growth over a year before. The measure is the
    /// label before the dash; a section header that names a part makes it
    /// that part's.
    fn growth_rows(&mut self, ti: usize, t: &'d crate::document::Table, concepts: &Concepts) {
        static GROWTH_ROW: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)^(?P<measure>.+?)\s*(--|—|–)\s*(?P<rate>.*(y/y|yoy|year[\s-]over[\s-]year).*)$")
                .expect("re")
        });
        // "GAAP revenue year-over-year change %", "Revenue excluding
        // foreign exchange effect year-over-year change %": the measure,
        // its basis, then the rate.
        static CHANGE_ROW: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)^(gaap\s+)?(?P<measure>.+?)(?P<rate>(\s+(excluding|ex)\s+.+?)?\s+(year[\s-]over[\s-]year|y/y|yoy)\s+(%\s*)?(change|growth)(\s*%)?)$")
                .expect("re")
        });
        let mut section: Option<&str> = None;
        for (ri, r) in t.rows.iter().enumerate() {
            if r.header {
                section = Some(&r.label);
                continue;
            }
            let Some(c) = GROWTH_ROW
                .captures(&r.label)
                .or_else(|| CHANGE_ROW.captures(&r.label))
            else {
                continue;
            };
            let rate = c.name("rate").map_or("", |m| m.as_str()).to_lowercase();
            // "excluding foreign exchange effect … change %" is a rate
            // with the effect taken out, not the effect.
            static EXCLUDING_EFFECT: LazyLock<Regex> = LazyLock::new(|| {
                Regex::new(r"(?i)(excluding|ex)\s+(the\s+)?(foreign\s+exchange|fx|f/x|currency)\s+(effects?|impacts?)")
                    .expect("re")
            });
            let judged = EXCLUDING_EFFECT.replace(&rate, "excluding currency");
            // Growth of a trailing twelve months is another period's.
            if rate.contains("ttm") || rate.contains("trailing") || NOT_A_RATE.is_match(&judged) {
                continue;
            }
            let cc = CONSTANT_CURRENCY.is_match(&judged);
            let measure = normalize(c.name("measure").map_or("", |m| m.as_str()));
            let measure = measure
                .strip_prefix("ww ")
                .or_else(|| measure.strip_prefix("worldwide "))
                .unwrap_or(&measure);
            let named = concepts.phrases_in(measure);
            let concept = match named.as_slice() {
                [(n, 0, e)]
                    if *e == measure.len() && concepts.unit_of(n) == Some(ConceptUnit::Amount) =>
                {
                    *n
                }
                _ => continue,
            };
            // "International Segment:" names a part; "Results of
            // Operations:" the company's own.
            let part = section.map(part_name).unwrap_or_default();
            let key = if part.chars().any(char::is_alphabetic) && super::headings::names_part(&part)
            {
                format!("{concept}@{part}")
            } else {
                concept.to_string()
            };
            for (ci, col) in t.columns.iter().enumerate() {
                let Some(f) = r.figure(ci) else { continue };
                if f.unit != Unit::Percent || f.dash || col.period.is_empty() {
                    continue;
                }
                let Some(interval) = f.interval().scale(Decimal::new(1, 2)) else {
                    continue;
                };
                self.by_concept.entry(key.clone()).or_default().push(Rate {
                    fact: Fact {
                        concept: key.clone(),
                        table: ti,
                        row: ri,
                        column: ci,
                        figure: f,
                        period: &col.period,
                        interval,
                        scale: Decimal::new(1, 2),
                        period_unique: false,
                    },
                    constant_currency: cc,
                    own_row: false,
                });
            }
        }
    }

    /// Does a table state rates of some part of a measure?
    pub(super) fn has_parts(&self) -> bool {
        self.parts
    }

    /// Does a table state rates for this concept (of either kind)?
    pub(super) fn has(&self, concept: &str) -> bool {
        self.by_concept.contains_key(concept)
    }

    /// The rates of a concept, in constant currency or as reported.
    pub(super) fn of(&self, concept: &str, constant_currency: bool) -> Vec<&Rate<'d>> {
        self.by_concept
            .get(concept)
            .map(|rs| {
                rs.iter()
                    .filter(|r| r.constant_currency == constant_currency)
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// A table's columns of growth rates: (column, in constant currency, the
/// period it is the growth of). A derived column whose heading names no
/// period is the growth of the latest period among the columns since the
/// previous rate column ("2024 | % | 2023 | % | % Change in US $ | % Change
/// in Constant Currency").
fn rate_columns(t: &crate::document::Table) -> Vec<(usize, bool, Option<&Period>)> {
    let mut out = Vec::new();
    let mut group_from = 0;
    for (ci, c) in t.columns.iter().enumerate() {
        if !c.derived {
            continue;
        }
        let h = &c.header;
        if !CHANGE.is_match(h) || NOT_A_RATE.is_match(h) {
            continue;
        }
        let cc = CONSTANT_CURRENCY.is_match(h);
        // "Second-Quarter % Change Oper.": a length and a quarter, but no
        // year; the group's latest column says which.
        let yearless = c.period.end.is_none() && c.period.year.is_none();
        let period = if c.period.is_empty() || yearless {
            let group = || {
                t.columns[group_from..ci].iter().filter(|d| {
                    !d.derived
                        && !d.period.instant
                        && (c.period.months.is_none() || d.period.months == c.period.months)
                })
            };
            let latest = group()
                .filter_map(|d| d.period.end.map(|e| (crate::resolve::days(e), &d.period)))
                .max_by_key(|(k, _)| *k)
                .map(|(_, p)| p)
                // Columns no table dates ("Second-Quarter 2025"): by year
                // and quarter.
                .or_else(|| {
                    group()
                        .filter_map(|d| Some(((d.period.year?, d.period.quarter), &d.period)))
                        .max_by_key(|(k, _)| *k)
                        .map(|(_, p)| p)
                });
            // The next rate column of the same group ("in Constant
            // Currency" after "in US $") has the same period; a table of
            // rates only has none, which only a claim naming no period
            // fits.
            latest
                .or_else(|| out.last().and_then(|&(_, _, p)| p))
                .or(Some(&c.period))
        } else {
            Some(&c.period)
        };
        out.push((ci, cc, period));
        if !c.period.is_empty() || period.is_some() {
            // Keep the group open for a following rate column of it.
            let next_is_rate = t
                .columns
                .get(ci + 1)
                .is_some_and(|d| d.derived && CHANGE.is_match(&d.header));
            if !next_is_rate {
                group_from = ci + 1;
            }
        }
    }
    out
}
