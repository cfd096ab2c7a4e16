//! From a parsed document to what its figures mean: each row's concept
//! (`net_income`, `total_assets`), each table's role (income statement,
//! balance sheet, cash flow, reconciliation), and each figure as a *fact*:
//! concept, period, value at the table's scale.
//!
//! The vocabulary lives in `rules/concepts.yaml`; rule files can add to it.

use crate::document::{Date, Document, Figure, Period, Row, Table, Unit};
use crate::interval::Interval;
use regex::{Regex, RegexSet, SetMatches};
use rust_decimal::Decimal;
use serde::Deserialize;
use std::fmt;
use std::sync::OnceLock;

/// The built-in concept vocabulary, embedded at compile time.
pub const BUILTIN_CONCEPTS: (&str, &str) = (
    "rules/concepts.yaml",
    include_str!("../../rules/concepts.yaml"),
);

/// What kind of figures a concept's rows hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConceptUnit {
    Amount,
    PerShare,
    Percent,
}

/// A concept as written in YAML.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawConcept {
    pub concept: serde_saphyr::Spanned<String>,
    #[serde(default)]
    pub unit: Option<ConceptUnit>,
    pub patterns: Vec<serde_saphyr::Spanned<String>>,
    #[serde(default)]
    pub exclude: Vec<serde_saphyr::Spanned<String>>,
    /// Regular expressions over lower-case prose that name the concept
    /// ("revenues", "cash flow from operations"), for narrative claims.
    #[serde(default)]
    pub phrases: Vec<serde_saphyr::Spanned<String>>,
}

/// A compiled concept.
#[derive(Debug, Clone)]
pub struct Concept {
    pub name: String,
    pub unit: Option<ConceptUnit>,
    patterns: Vec<Regex>,
    exclude: Vec<Regex>,
    phrases: Vec<Regex>,
}

impl Concept {
    pub fn new(
        name: &str,
        unit: Option<ConceptUnit>,
        patterns: Vec<Regex>,
        exclude: Vec<Regex>,
    ) -> Concept {
        Concept {
            name: name.to_string(),
            unit,
            patterns,
            exclude,
            phrases: Vec::new(),
        }
    }

    /// The same concept, also named in prose by `phrases`.
    pub fn with_phrases(mut self, phrases: Vec<Regex>) -> Concept {
        self.phrases = phrases;
        self
    }

    fn matches(&self, label: &str) -> bool {
        self.patterns.iter().any(|p| p.is_match(label))
            && !self.exclude.iter().any(|p| p.is_match(label))
    }

    fn unit_fits(&self, row: &Row) -> bool {
        let has = |u: Unit| {
            row.cells
                .iter()
                .flatten()
                .filter_map(|c| c.figure())
                .any(|f| !f.dash && f.unit == u)
        };
        match self.unit {
            None => true,
            Some(ConceptUnit::Amount) => has(Unit::Amount),
            Some(ConceptUnit::PerShare) => has(Unit::PerShare),
            Some(ConceptUnit::Percent) => has(Unit::Percent),
        }
    }
}

/// The concepts in force, in matching order.
#[derive(Debug, Clone, Default)]
pub struct Concepts {
    list: Vec<Concept>,
    /// Every concept's patterns in one set, built on first use: a row
    /// label is then searched once for all of them instead of once per
    /// pattern, and most labels match none or one concept.
    screen: OnceLock<Option<Screen>>,
    /// The same for every concept's prose phrases: most contexts name few
    /// concepts, and only the phrases that occur need their matches found.
    phrase_screen: OnceLock<Option<Screen>>,
}

/// The patterns of all concepts, in list order; concept `i` owns set
/// patterns `first[i]..first[i + 1]`.
#[derive(Debug, Clone)]
struct Screen {
    set: RegexSet,
    first: Vec<usize>,
}

impl Screen {
    /// The set of the regexes `pick` gives of every concept, in order.
    /// Each pattern is compiled alone within its own limit; if the set is
    /// too large, `None`, and labels are matched pattern by pattern.
    fn build(list: &[Concept], pick: impl Fn(&Concept) -> &[Regex]) -> Option<Screen> {
        let mut first = vec![0];
        let mut patterns = Vec::new();
        for c in list {
            patterns.extend(pick(c).iter().map(Regex::as_str));
            first.push(patterns.len());
        }
        // The set's lazy DFA is rebuilt whenever its cache fills: with
        // every label of the corpus read against a few hundred patterns, the
        // default 2 MB cache cleared often enough to cost a few percent of
        // the run.
        regex::RegexSetBuilder::new(patterns)
            .size_limit(1 << 26)
            .dfa_size_limit(1 << 23)
            .build()
            .ok()
            .map(|set| Screen { set, first })
    }
}

/// Which concept patterns a label matches (`None` without a screen).
struct LabelHits<'a> {
    label: &'a str,
    set: Option<SetMatches>,
}

impl Concepts {
    pub fn push(&mut self, c: Concept) {
        self.screen = OnceLock::new();
        self.phrase_screen = OnceLock::new();
        match self.list.iter_mut().find(|x| x.name == c.name) {
            // A user's definition of a known concept adds its patterns.
            Some(existing) => {
                existing.patterns.extend(c.patterns);
                existing.exclude.extend(c.exclude);
                existing.phrases.extend(c.phrases);
                if c.unit.is_some() {
                    existing.unit = c.unit;
                }
            }
            None => self.list.push(c),
        }
    }

    fn screen(&self) -> Option<&Screen> {
        self.screen
            .get_or_init(|| Screen::build(&self.list, |c| &c.patterns))
            .as_ref()
    }

    fn phrase_screen(&self) -> Option<&Screen> {
        self.phrase_screen
            .get_or_init(|| Screen::build(&self.list, |c| &c.phrases))
            .as_ref()
    }

    fn hits<'a>(&self, label: &'a str) -> LabelHits<'a> {
        LabelHits {
            label,
            set: self.screen().map(|s| s.set.matches(label)),
        }
    }

    /// `list[i].matches(h.label)`, read off the screen when there is one.
    fn concept_matches(&self, i: usize, h: &LabelHits) -> bool {
        let c = &self.list[i];
        match (&h.set, self.screen()) {
            (Some(m), Some(s)) => {
                (s.first[i]..s.first[i + 1]).any(|k| m.matched(k))
                    && !c.exclude.iter().any(|p| p.is_match(h.label))
            }
            _ => c.matches(h.label),
        }
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.list.iter().map(|c| c.name.as_str())
    }

    /// The concept prose names last in `context` (the words before a
    /// figure): the match ending nearest to the figure wins. Returns the
    /// concept and where its phrase starts in `context`.
    pub fn named_in<'a>(&'a self, context: &str) -> Option<(&'a str, usize)> {
        let mut best: Option<(&str, usize, usize)> = None;
        for c in &self.list {
            for p in &c.phrases {
                if let Some(m) = p.find_iter(context).last() {
                    let better =
                        best.is_none_or(|(_, s, e)| m.end() > e || m.end() == e && m.start() < s);
                    if better {
                        best = Some((&c.name, m.start(), m.end()));
                    }
                }
            }
        }
        best.map(|(n, s, _)| (n, s))
    }

    /// Every concept phrase in `context`, in order, as (concept, start,
    /// end); where phrases overlap, the longer one (then the earlier) wins.
    pub fn phrases_in<'a>(&'a self, context: &str) -> Vec<(&'a str, usize, usize)> {
        let mut all: Vec<(&str, usize, usize)> = Vec::new();
        let screen = self.phrase_screen().map(|s| (s, s.set.matches(context)));
        for (i, c) in self.list.iter().enumerate() {
            for (j, p) in c.phrases.iter().enumerate() {
                if screen
                    .as_ref()
                    .is_some_and(|(s, m)| !m.matched(s.first[i] + j))
                {
                    continue;
                }
                for m in p.find_iter(context) {
                    all.push((&c.name, m.start(), m.end()));
                }
            }
        }
        all.sort_by_key(|&(_, s, e)| (std::cmp::Reverse(e - s), s));
        let mut kept: Vec<(&str, usize, usize)> = Vec::new();
        for x in all {
            if !kept.iter().any(|k| x.1 < k.2 && k.1 < x.2) {
                kept.push(x);
            }
        }
        kept.sort_by_key(|&(_, s, _)| s);
        kept
    }

    /// The unit a concept's rows hold, if it says.
    pub fn unit_of(&self, name: &str) -> Option<ConceptUnit> {
        self.list
            .iter()
            .find(|c| c.name == name)
            .and_then(|c| c.unit)
    }

    pub fn contains(&self, name: &str) -> bool {
        self.list.iter().any(|c| c.name == name)
    }

    /// The concept a row's label names, if any.
    pub fn classify(&self, row: &Row, section: Option<&str>) -> Option<&str> {
        let label = normalize(&row.label);
        if label.is_empty() {
            return None;
        }
        // The header is normalized once for all the readings below.
        let section_norm = section.map(normalize);
        let with_section = section_norm.as_deref().map(|s| format!("{s} {label}"));
        // Only a generic label ("Basic", "Diluted", "Total") is read with its
        // section header: "Amortization of intangibles" under "Diluted net
        // income per share:" is an adjustment, not diluted EPS.
        const GENERIC: &[&str] = &[
            "basic", "diluted", "total", "and", "assuming", "dilution", "fully",
        ];
        let generic = label.split_whitespace().all(|w| GENERIC.contains(&w));
        // A generic section header ("Diluted:") qualifies every row under
        // it: "Weighted-average common shares outstanding" under "Diluted:"
        // is the diluted share count. Only a generic header does, for the
        // reason above.
        let generic_section = section_norm
            .as_deref()
            .is_some_and(|s| !s.is_empty() && s.split_whitespace().all(|w| GENERIC.contains(&w)));
        // "GAAP" and "Non-GAAP" rows under "Diluted net income per share:"
        // name the basis of the measure the header names: "non gaap
        // diluted net income per share".
        let basis = label.split_whitespace().all(|w| w == "non" || w == "gaap");
        let qualified = if generic_section {
            section_norm.as_deref().map(|s| format!("{label} {s}"))
        } else if basis {
            // The header's footnote mark ("per share (E):") is no word of it.
            section_norm.as_deref().map(|s| {
                let mut words: Vec<&str> = s.split_whitespace().collect();
                while words
                    .last()
                    .is_some_and(|w| w.len() == 1 || w.chars().all(|c| c.is_ascii_digit()))
                {
                    words.pop();
                }
                format!("{label} {}", words.join(" "))
            })
        } else {
            None
        };
        let label_hits = self.hits(&label);
        let section_hits = with_section
            .as_deref()
            .filter(|_| generic)
            .map(|l| self.hits(l));
        let qualified_hits = qualified.as_deref().map(|l| self.hits(l));
        for (i, c) in self.list.iter().enumerate() {
            let hit = self.concept_matches(i, &label_hits)
                || section_hits
                    .as_ref()
                    .is_some_and(|h| self.concept_matches(i, h))
                || qualified_hits
                    .as_ref()
                    .is_some_and(|h| self.concept_matches(i, h));
            if hit && c.unit_fits(row) {
                return Some(&c.name);
            }
        }
        // A per-share row labelled as net income under a header that names
        // basic or diluted EPS ("Earnings per common share--basic:" over
        // "Net income attributable to Acme Inc. common shareholders  0.41")
        // is that EPS: the header names the measure, the label its line.
        // The other lines under it (continuing or discontinued operations)
        // are not net income and stay unnamed.
        let section = section_norm?;
        let net_income = self
            .list
            .iter()
            .any(|c| c.name == "net_income" && c.matches(&label));
        if !net_income {
            return None;
        }
        self.list
            .iter()
            .find(|c| {
                matches!(c.name.as_str(), "eps_basic" | "eps_diluted")
                    && c.matches(&section)
                    && c.unit_fits(row)
            })
            .map(|c| c.name.as_str())
    }
}

/// Normalizes a label for matching: lower case, parenthetical words and
/// punctuation removed.
///
/// ```
/// use tickmark::resolve::normalize;
/// assert_eq!(normalize("Net income (loss)"), "net income");
/// assert_eq!(normalize("Net cash provided by (used in) operating activities"),
///            "net cash provided by operating activities");
/// assert_eq!(normalize("Total stockholders’ equity"), "total stockholders equity");
/// assert_eq!(normalize("Research & development:"), "research and development");
/// assert_eq!(normalize("Cash at end of period (including restricted)"),
///            "cash at end of period including restricted");
/// // A footnote mark glued to a word goes too.
/// assert_eq!(normalize("Adjusted(3) Diluted EPS"), "adjusted diluted eps");
/// ```
pub fn normalize(label: &str) -> String {
    // Parentheticals that only flip a sign or name the other direction
    // ("(loss)", "(used in)") go; others carry meaning ("(including
    // restricted)") and stay, without their parentheses.
    const SIGN_WORDS: &[&str] = &[
        "loss",
        "losses",
        "income",
        "expense",
        "expenses",
        "benefit",
        "gain",
        "gains",
        "deficit",
        "decrease",
        "increase",
        "used",
        "in",
        "for",
        "provided",
        "by",
        "net",
        "unfavorable",
        "favorable",
        "charge",
        "charges",
        "credit",
        "credits",
        "and",
        "or",
        "earnings",
        "profit",
    ];
    if !label.contains('(') {
        return words_lowercase(label);
    }
    let mut kept = String::with_capacity(label.len());
    let mut rest = label;
    while let Some(open) = rest.find('(') {
        kept.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find(')').unwrap_or(after.len());
        let inner = &after[..close];
        let sign_only = inner
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            // The sign words are ASCII without a `k`, the one ASCII letter a
            // non-ASCII character lower-cases to (KELVIN SIGN), so an ASCII
            // case-blind comparison is the same test as lower-casing first.
            .all(|w| SIGN_WORDS.iter().any(|s| s.eq_ignore_ascii_case(w)));
        // "Adjusted(3) Diluted EPS": a footnote mark, one or two digits.
        let footnote =
            !inner.is_empty() && inner.len() <= 2 && inner.bytes().all(|b| b.is_ascii_digit());
        if !sign_only && !footnote {
            kept.push(' ');
            kept.push_str(inner);
            kept.push(' ');
        }
        rest = after.get(close + 1..).unwrap_or("");
    }
    kept.push_str(rest);
    words_lowercase(&kept)
}

/// The words of a label, lower case, between single spaces: `&` is the
/// word "and", apostrophes are dropped, and every other character that is
/// not a letter or a digit separates words. (One pass: lower-casing can
/// make no white space, so the words are those the characters make.)
fn words_lowercase(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    // A separator was read since the last word character.
    let mut gap = false;
    for ch in text.chars() {
        match ch {
            '&' => {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str("and");
                gap = true;
            }
            '\'' | '’' | '‘' => {}
            c if c.is_alphanumeric() => {
                if gap && !out.is_empty() {
                    out.push(' ');
                }
                gap = false;
                if c.is_ascii() {
                    out.push(c.to_ascii_lowercase());
                } else {
                    out.extend(c.to_lowercase());
                }
            }
            _ => gap = true,
        }
    }
    out
}

/// What a table is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    IncomeStatement,
    BalanceSheet,
    CashFlow,
    Reconciliation,
    Other,
}

impl Role {
    pub const NAMES: &'static [&'static str] = &[
        "income_statement",
        "balance_sheet",
        "cash_flow",
        "reconciliation",
        "other",
    ];

    pub fn parse(s: &str) -> Option<Role> {
        Some(match s {
            "income_statement" => Role::IncomeStatement,
            "balance_sheet" => Role::BalanceSheet,
            "cash_flow" => Role::CashFlow,
            "reconciliation" => Role::Reconciliation,
            "other" => Role::Other,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::IncomeStatement => "income statement",
            Role::BalanceSheet => "balance sheet",
            Role::CashFlow => "cash flow statement",
            Role::Reconciliation => "reconciliation",
            Role::Other => "table",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A row that footing found to total a block, for naming unlabeled totals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TotalBlock {
    pub table: usize,
    pub row: usize,
    /// The first row of the block it totals.
    pub first: usize,
}

/// One figure with its meaning.
#[derive(Debug, Clone)]
pub struct Fact<'d> {
    pub concept: String,
    pub table: usize,
    pub row: usize,
    pub column: usize,
    pub figure: &'d Figure,
    pub period: &'d Period,
    /// The value interval in units (the table's scale applied, except to
    /// per-share figures).
    pub interval: Interval,
    /// The factor from displayed to units.
    pub scale: Decimal,
    /// No other column of the table has the same period. Columns that share
    /// one ("As reported", "Adjustments", "As adjusted"; segments) are not
    /// periods, and their figures are not matched with other tables'.
    pub period_unique: bool,
}

impl<'d> Fact<'d> {
    /// The fact of `figure` at `(table, row, column)`, its interval in units
    /// at `scale`; `None` where scaling overflows the decimal range.
    fn scaled(
        concept: String,
        (table, row, column): (usize, usize, usize),
        figure: &'d Figure,
        period: &'d Period,
        scale: Decimal,
        period_unique: bool,
    ) -> Option<Self> {
        Some(Fact {
            concept,
            table,
            row,
            column,
            figure,
            period,
            interval: figure.interval().scale(scale)?,
            scale,
            period_unique,
        })
    }
}

/// A document's figures with their meaning.
#[derive(Debug, Default)]
pub struct Resolved<'d> {
    pub roles: Vec<Role>,
    /// `concepts[table][row]`.
    pub concepts: Vec<Vec<Option<String>>>,
    pub facts: Vec<Fact<'d>>,
    /// Figures of the parts of a measure: rows with no concept of their own
    /// under a section header that names one ("Revenues:" over "Google
    /// Cloud", "Net sales:" over "AWS"), up to the section's total. The
    /// concept is `measure@part` ("revenue@google cloud"). Only narrative
    /// claims about that part use them; no other rule sees them.
    pub segment_facts: Vec<Fact<'d>>,
    /// `row_scales[table]`: the [`row_scales`] of each table, worked out
    /// once for every rule that reads them.
    pub row_scales: Vec<Vec<Decimal>>,
}

impl<'d> Resolved<'d> {
    /// Facts of a concept, in document order.
    pub fn of<'a>(&'a self, concept: &'a str) -> impl Iterator<Item = &'a Fact<'d>> + 'a {
        // A scan of every fact: callers doing this per fact are quadratic.
        crate::budget::spend(self.facts.len() as u64 + 1);
        self.facts.iter().filter(move |f| f.concept == concept)
    }
}

/// Names an unlabeled total after the outermost section header above the
/// block it totals: the total of "ASSETS / Current assets: …" is "Total
/// ASSETS".
fn implied_label(table: &Table, first: usize) -> Option<String> {
    let mut top = None;
    let mut i = first;
    while i > 0 {
        i -= 1;
        let r = &table.rows[i];
        if r.header {
            top = Some(i);
        } else {
            break;
        }
    }
    top.map(|h| format!("Total {}", table.rows[h].label.trim_end_matches(':')))
}

static INCOME: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
    Regex::new(r"(?i)statements? of (consolidated )?(operations|income|earnings|comprehensive income)|income statements?|statements? of (net )?(income|earnings|operations)|consolidated (income|earnings|operations)(?-u:\b)").expect("re")
});
static BALANCE: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
    Regex::new(r"(?i)balance sheets?|statements? of (consolidated )?financial (position|condition)|financial position").expect("re")
});
static CASHFLOW: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
    Regex::new(r"(?i)statements? of (consolidated )?cash flows?|cash flows? statements?")
        .expect("re")
});
static SEGMENT: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)segments?(?-u:\b)|by (region|geography|division|business)|geographic|supplemental")
        .expect("re")
});
static RECON: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
    Regex::new(r"(?i)reconciliation|non-gaap|non gaap|ebitda|pro forma|normalized").expect("re")
});

fn role_of(table: &Table, concepts: &[Option<String>]) -> Role {
    let has = |c: &str| concepts.iter().flatten().any(|x| x == c);
    let title = &table.title;
    // Columns of a segment table are segments of one period, not periods.
    if SEGMENT.is_match(title) {
        return Role::Other;
    }
    if RECON.is_match(title) {
        return Role::Reconciliation;
    }
    if CASHFLOW.is_match(title) {
        return Role::CashFlow;
    }
    if BALANCE.is_match(title) {
        return Role::BalanceSheet;
    }
    if INCOME.is_match(title) {
        return Role::IncomeStatement;
    }
    if has("cash_from_operations") && (has("cash_end") || has("net_change_in_cash")) {
        Role::CashFlow
    } else if has("total_assets") || has("total_liabilities_and_equity") {
        Role::BalanceSheet
    } else if has("ebitda") || has("adjusted_ebitda") {
        Role::Reconciliation
    } else if has("revenue") && has("net_income") {
        Role::IncomeStatement
    } else {
        Role::Other
    }
}

/// The factor each row's amounts are stated in: the table's scale unless
/// the row's label, or the section header above it, states its own
/// ("Shares used in calculation (000s):" under a statement in millions). A
/// section's note holds until the next section header.
pub(crate) fn row_scales(t: &Table) -> Vec<Decimal> {
    let mut section: Option<Decimal> = None;
    t.rows
        .iter()
        .map(|r| {
            let own = crate::parse::heading::row_scale_of(&r.label).map(|s| s.factor());
            if r.header {
                section = own;
            }
            own.or(section).unwrap_or_else(|| t.scale.factor())
        })
        .collect()
}

/// Resolves a document's rows, tables and facts.
pub fn resolve<'d>(doc: &'d Document, concepts: &Concepts, totals: &[TotalBlock]) -> Resolved<'d> {
    let mut out = Resolved::default();
    for (ti, t) in doc.tables.iter().enumerate() {
        let mut section: Option<&str> = None;
        let mut names = Vec::with_capacity(t.rows.len());
        for (ri, r) in t.rows.iter().enumerate() {
            if r.header {
                section = Some(&r.label);
                names.push(None);
                continue;
            }
            let mut name = concepts.classify(r, section).map(str::to_string);
            // "Free cash flow -- TTM": the measure, over the twelve months
            // its column's quarter ends.
            if let Some(measure) = t.trailing_measure_of(ri) {
                let probe = Row {
                    label: measure,
                    ..r.clone()
                };
                name = concepts.classify(&probe, section).map(str::to_string);
            }
            if name.is_none() && r.label.is_empty() {
                if let Some(tb) = totals.iter().find(|b| b.table == ti && b.row == ri) {
                    if let Some(implied) = implied_label(t, tb.first) {
                        let probe = Row {
                            label: implied,
                            ..r.clone()
                        };
                        name = concepts.classify(&probe, None).map(str::to_string);
                    }
                }
            }
            names.push(name);
        }
        // A row naming the same concept again in one table (a subtotal
        // repeated in a reconciliation) is the same fact; keep all, rules
        // decide.
        out.roles.push(role_of(t, &names));
        let unique: Vec<bool> = t
            .columns
            .iter()
            .enumerate()
            .map(|(ci, c)| {
                !t.columns
                    .iter()
                    .enumerate()
                    .any(|(cj, d)| cj != ci && !d.derived && same_period(&c.period, &d.period))
            })
            .collect();
        out.row_scales.push(row_scales(t));
        let row_scales = &out.row_scales[ti];
        for (ri, name) in names.iter().enumerate() {
            let Some(name) = name else { continue };
            for (ci, col) in t.columns.iter().enumerate() {
                if col.derived {
                    continue;
                }
                let Some(f) = t.rows[ri].figure(ci) else {
                    continue;
                };
                // A percentage is a fraction (48.5% is 0.485), and only for a
                // concept of percentages: elsewhere it is a growth rate.
                let percent_concept = concepts.unit_of(name) == Some(ConceptUnit::Percent);
                if (f.unit == Unit::Percent) != percent_concept {
                    continue;
                }
                let scale = match f.unit {
                    Unit::PerShare => Decimal::ONE,
                    Unit::Percent => Decimal::new(1, 2),
                    Unit::Amount => row_scales[ri],
                };
                let at = (ti, ri, ci);
                let period = t.period_at(ri, ci).unwrap_or(&col.period);
                if let Some(fact) = Fact::scaled(name.clone(), at, f, period, scale, unique[ci]) {
                    out.facts.push(fact);
                }
            }
        }
        segment_facts(t, ti, &names, &unique, concepts, &mut out.segment_facts);
        out.concepts.push(names);
    }
    out
}

/// The normalized label a part is named by in prose: "Google Services
/// total" is Google Services; "AWS segment" is AWS.
pub fn part_name(label: &str) -> String {
    let n = normalize(label);
    let n = n.strip_suffix(" total").unwrap_or(&n);
    let n = n.strip_suffix(" segment").unwrap_or(n);
    n.strip_suffix(" segments").unwrap_or(n).to_string()
}

/// See `Resolved::segment_facts`.
fn segment_facts<'d>(
    t: &'d crate::document::Table,
    ti: usize,
    names: &[Option<String>],
    unique: &[bool],
    concepts: &Concepts,
    out: &mut Vec<Fact<'d>>,
) {
    // Words a header may add to the measure it names and still head a list
    // of its parts ("Revenue by reportable segment:"); any other word
    // ("Y/Y net sales growth:", "Net sales mix:") makes the rows something
    // else (rates, shares of the total).
    const PART_LIST: &[&str] = &[
        "by",
        "segment",
        "segments",
        "reportable",
        "operating",
        "market",
        "markets",
        "platform",
        "platforms",
        "geography",
        "geographic",
        "geographical",
        "region",
        "regions",
        "product",
        "products",
        "line",
        "lines",
        "business",
        "businesses",
        "and",
        "of",
        "the",
        "type",
        "category",
        "categories",
        "source",
        "sources",
    ];
    let mut measure: Option<&str> = None;
    // The other layout: a header names the part ("International:") and
    // its rows the measures ("Net sales", "Operating income").
    let mut part_header: Option<String> = None;
    // A third: the table's title names the part ("… / Upstream"), a
    // header its measure ("Earnings/(Loss) (U.S. GAAP):"), and the
    // section's total row ("Worldwide") is the part's figure.
    let title_part =
        Some(part_name(t.last_title_line())).filter(|p| p.chars().any(char::is_alphabetic));
    let mut title_header: Option<&str> = None;
    for (ri, r) in t.rows.iter().enumerate() {
        if r.header {
            title_header = title_part.as_ref().map(|_| r.label.trim_end_matches(':'));
            let lower = normalize(&r.label);
            let named = concepts.phrases_in(&lower);
            measure = match named.as_slice() {
                [(n, s, e)]
                    if concepts.unit_of(n) == Some(ConceptUnit::Amount)
                        && format!("{} {}", &lower[..*s], &lower[*e..])
                            .split_whitespace()
                            .all(|w| PART_LIST.contains(&w)) =>
                {
                    Some(n)
                }
                _ => None,
            };
            let part = part_name(&r.label);
            part_header =
                (named.is_empty() && !part.is_empty() && part.chars().any(char::is_alphabetic))
                    .then_some(part);
            continue;
        }
        let total_row = || {
            matches!(
                normalize(&r.label).as_str(),
                "worldwide" | "total" | "consolidated"
            )
        };
        if let (Some(h), Some(p)) = (title_header.filter(|_| total_row()), &title_part) {
            // The header read as the total row's label names the measure.
            let probe = Row {
                label: h.to_string(),
                header: false,
                ..r.clone()
            };
            let measure = concepts
                .classify(&probe, None)
                .filter(|n| concepts.unit_of(n) == Some(ConceptUnit::Amount));
            if let Some(m) = measure {
                part_facts(t, ti, ri, &format!("{m}@{p}"), unique, out);
                title_header = None;
                continue;
            }
        }
        let (m, part) = match (measure, &names[ri], &part_header) {
            (Some(m), None, _) => (m, part_name(&r.label)),
            (Some(m), Some(n), _) => {
                // The section's total ends it; another concept is no part.
                if n == m {
                    measure = None;
                }
                continue;
            }
            (None, Some(n), Some(p)) if concepts.unit_of(n) == Some(ConceptUnit::Amount) => {
                (n.as_str(), p.clone())
            }
            _ => continue,
        };
        if part.is_empty() || part.chars().all(|c| !c.is_alphabetic()) {
            continue;
        }
        part_facts(t, ti, ri, &format!("{m}@{part}"), unique, out);
    }
}

/// The amounts of row `ri` in the table's period columns, as facts of the
/// part's measure `concept` (`measure@part`).
fn part_facts<'d>(
    t: &'d crate::document::Table,
    ti: usize,
    ri: usize,
    concept: &str,
    unique: &[bool],
    out: &mut Vec<Fact<'d>>,
) {
    let r = &t.rows[ri];
    for (ci, col) in t.columns.iter().enumerate() {
        if col.derived {
            continue;
        }
        let Some(f) = r.figure(ci) else { continue };
        if f.unit != Unit::Amount {
            continue;
        }
        let unique = unique.get(ci).copied().unwrap_or(false);
        let at = (ti, ri, ci);
        if let Some(fact) = Fact::scaled(
            concept.to_string(),
            at,
            f,
            &col.period,
            t.scale.factor(),
            unique,
        ) {
            out.push(fact);
        }
    }
}

/// Two facts whose displayed figures agree up to a power of a thousand but
/// not at their tables' scales: a scale note was missed or misread, which
/// says nothing about the figures.
pub fn scale_mismatch(a: &Fact, b: &Fact) -> bool {
    let (x, y) = (a.figure.interval(), b.figure.interval());
    let k = Decimal::new(1000, 0);
    let factors = [
        Decimal::ONE,
        k,
        k * k,
        k * k * k,
        Decimal::ONE / k,
        Decimal::ONE / (k * k),
        Decimal::ONE / (k * k * k),
    ];
    factors
        .iter()
        .any(|f| x.scale(*f).is_some_and(|xs| xs.overlaps(&y)))
        && !a.interval.overlaps(&b.interval)
}

/// Days since 1970-01-01 (proleptic Gregorian), for comparing dates.
pub fn days(d: Date) -> i64 {
    let (y, m, day) = (d.year as i64, d.month as i64, d.day as i64);
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Two periods are the same span of time: same length, ends within a week
/// (52/53-week fiscal calendars end on different days of the month).
pub fn same_period(a: &Period, b: &Period) -> bool {
    let (Some(ea), Some(eb)) = (a.end, b.end) else {
        return false;
    };
    let len_a = a
        .months
        .or(a.weeks.map(|w| ((w as u32 * 12 + 26) / 52) as u8));
    let len_b = b
        .months
        .or(b.weeks.map(|w| ((w as u32 * 12 + 26) / 52) as u8));
    a.instant == b.instant && len_a == len_b && (days(ea) - days(eb)).abs() <= 7
}

/// The balance-sheet date a duration starts from (the day before its first
/// day): a quarter ended March 31 starts from December 31.
pub fn start_instant(p: &Period) -> Option<i64> {
    let end = p.end?;
    if let Some(w) = p.weeks {
        return Some(days(end) - 7 * w as i64);
    }
    let months = p.months? as i32;
    let total = end.year * 12 + (end.month as i32 - 1) - months;
    let (y, m) = (total.div_euclid(12), (total.rem_euclid(12) + 1) as u8);
    let last = match m {
        2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    Some(days(Date {
        year: y,
        month: m,
        day: end.day.min(last),
    }))
}

/// A balance-sheet column at (within a week of) this day.
pub fn instant_at(p: &Period, day: i64) -> bool {
    p.instant && p.end.is_some_and(|e| (days(e) - day).abs() <= 7)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarter_starts_at_previous_year_end() {
        let p = Period {
            months: Some(3),
            end: Some(Date {
                year: 2006,
                month: 3,
                day: 31,
            }),
            ..Default::default()
        };
        let dec31 = days(Date {
            year: 2005,
            month: 12,
            day: 31,
        });
        assert_eq!(start_instant(&p), Some(dec31));
    }

    #[test]
    fn days_are_consecutive() {
        let a = days(Date {
            year: 2024,
            month: 2,
            day: 28,
        });
        let b = days(Date {
            year: 2024,
            month: 3,
            day: 1,
        });
        assert_eq!(b - a, 2);
        assert_eq!(
            days(Date {
                year: 1970,
                month: 1,
                day: 1
            }),
            0
        );
    }

    fn label_row(label: &str) -> Row {
        Row {
            label: label.to_string(),
            label_span: Default::default(),
            indent: 0,
            cells: Vec::new(),
            header: false,
            rule_above: false,
            blank_above: false,
        }
    }

    fn concept(name: &str, patterns: &[&str], exclude: &[&str]) -> Concept {
        let re = |ps: &[&str]| ps.iter().map(|p| Regex::new(p).unwrap()).collect();
        Concept::new(name, None, re(patterns), re(exclude))
    }

    #[test]
    fn sign_parentheticals_go_in_any_case() {
        assert_eq!(normalize("Net Income (LOSS)"), "net income");
        assert_eq!(normalize("Cash (Used In) Provided By"), "cash provided by");
        assert_eq!(normalize("Other (Kelvin) items"), "other kelvin items");
        assert_eq!(normalize("  A &  B  "), "a and b");
    }

    #[test]
    fn phrase_screen_finds_every_phrase_and_follows_additions() {
        let re = |p: &str| vec![Regex::new(p).unwrap()];
        let mut cs = Concepts::default();
        cs.push(concept("revenue", &["^revenue$"], &[]).with_phrases(re(r"\brevenues?\b")));
        let text = "revenue rose; revenues of the quarter";
        assert_eq!(
            cs.phrases_in(text),
            vec![("revenue", 0, 7), ("revenue", 14, 22)]
        );
        cs.push(concept("gross_margin", &["^gross margin$"], &[]).with_phrases(re("gross margin")));
        assert_eq!(
            cs.phrases_in("gross margin and revenue"),
            vec![("gross_margin", 0, 12), ("revenue", 17, 24)]
        );
    }

    #[test]
    fn screen_agrees_with_each_pattern_and_follows_additions() {
        let mut cs = Concepts::default();
        cs.push(concept("revenue", &["^revenues?$", "^net sales$"], &[]));
        cs.push(concept("net_income", &["^net income"], &["per share"]));
        let classify =
            |cs: &Concepts, l: &str| cs.classify(&label_row(l), None).map(str::to_string);
        assert_eq!(classify(&cs, "Net sales").as_deref(), Some("revenue"));
        assert_eq!(classify(&cs, "Net income").as_deref(), Some("net_income"));
        assert_eq!(classify(&cs, "Net income per share"), None);
        assert_eq!(classify(&cs, "Gross margin"), None);
        // A concept added after the screen was built is still matched, and
        // patterns added to a known concept count for it.
        cs.push(concept("gross_profit", &["^gross (profit|margin)$"], &[]));
        cs.push(concept("revenue", &["^total revenues$"], &[]));
        assert_eq!(
            classify(&cs, "Gross margin").as_deref(),
            Some("gross_profit")
        );
        assert_eq!(classify(&cs, "Total revenues").as_deref(), Some("revenue"));
    }
}
