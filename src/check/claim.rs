//! `claim`: figures quoted in the narrative tie out to the tables.
//!
//! ## What it checks
//! "Revenues totaled $42.6 million, an increase of 12.6% compared to the
//! first quarter of 2005", "gross margin … was 48%", "Adjusted EBITDA of
//! $5.8 million, an improvement of $2.0 million", "cash, cash equivalents and
//! investments in marketable securities of $44.4 million":
//!
//! - a **value** ("$42.6 million") must be the figure of its concept for the
//!   period the sentence names, at the claim's printed precision (42,625
//!   thousand is $42.6 million);
//! - a **growth** rate ("an increase of 12.6%") must be the change between
//!   two periods of the concept in one table row, later against earlier,
//!   or a rate a table states for it (a "% change" column, a column or
//!   row "in constant currency", a table of rates by product line:
//!   `claim/rates.rs`); "up", "increase" want a rise and "down",
//!   "decline" a fall when both figures are positive; a rate "in constant
//!   currency" is compared with the constant-currency rates only;
//! - a **change** ("an improvement of $2.0 million") must be the difference
//!   between two periods of the concept in one table row;
//! - a **margin** ("gross margin … 48%") must be gross profit (or revenue
//!   less cost of revenue) over revenue; an operating margin, operating
//!   income over revenue; a non-GAAP margin, the margin rows of non-GAAP
//!   columns and tables, or non-GAAP operating income over revenue.
//!
//! ## Resolving a claim
//! - **Concept**: the phrase of `rules/concepts.yaml` nearest before the
//!   figure, or right after it ("$0.5 million of net income"); or the
//!   document's own row label, when it stands nearer the figure than any
//!   phrase, as the subject of its clause with only linking words between
//!   ("Total costs and expenses were $22.64 billion", "“Principal
//!   repayments of finance leases” of $4,384 million": `claim/labels.rs`,
//!   concept `row:KEY`). "X and Y of $1 and $2, respectively" pairs them in
//!   order; "GAAP and non-GAAP X were $1 and $2, respectively" is the
//!   measure and its non-GAAP measure; one concept over a list of periods
//!   ("$11.50 billion and $43.01 billion for the fourth quarter and full
//!   year 2023, respectively") gives each figure its period. A per-share
//!   figure is the per-share measure of the concept it follows ("net income
//!   of $0.5 million, or $0.00 per diluted share").
//! - **Subject**: the words just before the concept phrase must be ones that
//!   leave it the consolidated figure (determiners, "total", "net",
//!   "record", "quarterly", period words, common verbs, the issuer's own
//!   name: "IBM's free cash flow", `claim/issuer.rs`); any other word
//!   ("Data Center revenue", "Cloud revenues", "subscription revenue") makes
//!   it a part of the business the claim is not checked against, and so does
//!   a place or product after it ("revenue in the Americas", "revenue from
//!   services"), or a qualifier ("segment", "excluding", "constant currency",
//!   "non-GAAP") where the concept is not itself such a measure. A part a
//!   table shows is the exception: when the words before the concept
//!   ("Google Cloud revenues", "AWS segment sales", "Cloud services and
//!   license support revenues", after leading modifiers) or after it
//!   ("revenue in More Personal Computing was") are exactly the label of a
//!   row in a section headed by the measure ("Revenues:"), the header over
//!   the measure's row ("International:" over "Net sales"), or a row of
//!   rates in a table titled by the measure, the claim is checked against
//!   that row. A short heading over the paragraph, or over the bullets that
//!   follow it, that names a part ("Data Center", "Europe") is the subject
//!   of a consolidated concept when a table shows the part
//!   (`claim/headings.rs`).
//! - **Period**: the period expression nearest the figure (after it in its
//!   clause, else before it in the sentence): a date ("at March 31, 2006"),
//!   an ordinal quarter ("first quarter of 2006", "Q4 2005", "fiscal 2024
//!   first quarter", mapped onto the tables' quarters from the latest one and
//!   the quarter the release is about; "last Q1" a year before), a length
//!   ("nine months", "full year", "fiscal 2024", "quarterly", "trailing
//!   twelve months"). The claim is compared with the concept's figures of
//!   every column that fits; with no period expression, every column.
//!   Columns headed by a fiscal quarter alone ("Q2 FY25") are dated by the
//!   figures they share with dated columns. An amount after "from",
//!   "compared with" or "vs." a figure that tied ("to $60.99 billion from
//!   $56.72 billion last year") is the earlier figure of the row that
//!   figure tied to (a year or a quarter before when the words say so).
//!
//! ## Saying nothing unsure
//! Nothing is said about a figure whose concept, subject or period cannot be
//! resolved, a sentence about the future ("expects", "guidance",
//! "outlook", and the bullets under "the Company expects:"), a range, an
//! amount something moved "by", or a concept no table shows; such figures
//! count as unverified and `tickmark inspect` says why. "Approximately"
//! widens a claim to a unit of its last digit; "more than", "over" and
//! "less than" make it one-sided; "nearly" and "almost" put it within a
//! tenth below the figure. Growth rates and margins get one unit of
//! their last printed digit either way (issuers truncate, or compute them
//! from unrounded amounts).
//!
//! A claim that ties to no figure of the columns that fit is reported only
//! with evidence that it stands for one of them: it is one slip away (one
//! digit changed, two adjacent digits swapped; for a figure of fewer than
//! three digits, among at most two distinct candidates), or the same figure
//! with the opposite direction. A sentence with another figure of the same
//! concept that tied to nothing is about something the tables do not show,
//! and the rest of its figures are not checked; a growth or change is
//! compared only with the row the sentence's own amount tied to. A figure
//! whose comparison ("compared with $7.9 billion") misses the row's earlier
//! figures too, or follows a figure that tied to nothing, is about
//! something else the row resembles; under a heading that names a part the
//! tables do not show, a miss is that part's.

use super::{Finding, Label, Outcome};
use crate::document::{Date, Document, Mention, MentionKind, Period};
use crate::fxhash::{FxHashMap, FxHashSet};
use crate::interval::Interval;
use crate::resolve::{days, Concepts, Fact, Resolved};
use crate::rules::Rule;
use regex::Regex;
use rust_decimal::Decimal;
use std::sync::LazyLock;

mod headings;
mod issuer;
mod labels;
mod outlook;
mod rates;
#[cfg(test)]
mod resolution_tests;
use headings::Headings;
pub(crate) use issuer::Issuer;
use labels::{RowLabels, ROW};
use rates::{Rates, CONSTANT_CURRENCY, CONSTANT_CURRENCY_CLAIM};

static FUTURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(expects?|expected|expecting|expectations?|guidance|outlook|anticipates?|anticipated|forecasts?|projects?|projected|targets?|will|plans?|intends?|estimates?|should|could|may|might|goal|would be|would have been|assumes?|assuming|believes?|seeks?)(?-u:\b)")
        .expect("re")
});
static QUALIFIER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(pro[ -]?forma|adjusted|non-?gaap|normalized|excluding|excluded|core|organic|constant[ -]currency|comparable|underlying|segments?|per[ -]share|net of|without|operational(ly)?|hedging|(f/?x|currency)[ -]neutral)(?-u:\b)")
        .expect("re")
});
/// A sentence that opens by excluding the effect of exchange rates.
static FX_EXCLUDED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*excluding\s+(the\s+)?[^,;]{0,80}?(impact|effect)s?\s+(of|from)\s+[^,;]{0,60}?(foreign[\s-]+(currency|exchange)|currenc(y|ies)|f/?x)(?-u:\b)")
        .expect("re")
});
/// Qualifiers just after a figure ("up 23% in constant currency").
static QUALIFIER_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[^.;$]{0,30}?(?-u:\b)(non-?gaap|constant[ -]currency|adjusted|excluding|operational(ly)?|pro[ -]?forma|organic|cc|without|(f/?x|currency)[ -]neutral)(?-u:\b)")
        .expect("re")
});
/// The basis an earlier rate of the sentence was stated on ("up 9% in USD
/// and up 10% in constant currency", "up 12% year-over-year, in both USD
/// and constant currency"): that rate's words, not the subject's.
static CURRENCY_BASIS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(%|percent)\s*(year[\s-]over[\s-]year)?\s*,?\s*(in|at|on an?)\s+(both\s+)?(usd|us\$|u\.s\. dollars|constant[\s-]currency|reported)(\s+basis)?(\s*(and|&)\s+(in\s+|at\s+)?(constant[\s-]currency|usd)(\s+basis)?)?")
        .expect("re")
});
/// The words before a figure that make it a growth or change.
static GROWTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(increase|increased|increasing|increases|up|grew|grow|growing|growth|rose|rise|rising|decrease|decreased|decreases|decreasing|down|declined|declines?|declining|fell|falling|drop|dropped|improvement|improved|improving|expanded|expansion|contracted)(\s+(of|by|was|to))?(\s+(an?|approximately|about|nearly|over|more than|almost|roughly))?(\s+(healthy|strong|solid|robust|impressive|incredible|record|modest|slight|significant))?\s*\(?\$?\s*$")
        .expect("re")
});
/// "an increase of $1.702 billion, or 14%", "up $41 million, or 2%": the
/// rate restates the change just named, so it is a growth rate too.
static GROWTH_AFTER_CHANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(increase|increased|up|grew|rose|decrease|decreased|down|declined|decline|fell|dropped|improvement|improved)(\s+(of|by))?(\s+(an?|approximately|about|nearly|over|more than|almost|roughly))?\s*\(?\$\s*\(?[\d][\d,]*(\.\d+)?\s*(million|billion|thousand)?\)?\s*,?\s*or\s*\(?\s*$")
        .expect("re")
});
/// What joins a growth rate and a second rate of it: "15%, or 16% in
/// constant currency", "20% in USD and 19%", "12 percent year-over-year
/// growth or 13 percent".
static LISTED_RATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(%|percent)?\s*(year[\s-]over[\s-]year\s+|y/y\s*)?(growth\s+)?(in\s+(usd|us\$)\s*)?,?\s*(or|and)\s*$")
        .expect("re")
});
/// "increased 15% to $113.9 billion": a rate, then the amount it grew to;
/// the two ends of a range share their unit, these do not.
static RATE_TO_AMOUNT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\d\s*(%|percent)\s*,?\s*to\s*\$\s*$").expect("re"));
static RATE_TO_AMOUNT_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*(%|percent)\s*,?\s*to\s*\$").expect("re"));
/// "representing 12 percent year-over-year growth": the growth word after
/// the percentage.
static GROWTH_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(%|percent)\s+(year[- ]over[- ]year\s+|sequential\s+)?([a-z][a-z-]*\s+){0,3}?(growth|increase|decrease|decline|rise|drop)(?-u:\b)")
        .expect("re")
});
/// "EPS amounted to $6.61 vs. $5.28 last year (+25% year over year)": a
/// signed rate against a year before.
static SIGNED_GROWTH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[\s(])\+\s*$").expect("re"));
static YEAR_OVER_YEAR_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(%|percent)\s*(year[- ]over[- ]year|y/y|yoy)(?-u:\b)").expect("re")
});
/// "increased 15% to $113.9 billion": the amount after "to" is a value.
static TO_VALUE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)to\s*\$?\s*$").expect("re"));
static RISE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(increase|increased|increasing|increases|up|grew|grow|growth|rose|rise|higher)(?-u:\b)",
    )
    .expect("re")
});
static FALL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(decrease|decreased|decreases|down|declined|declines?|decline|fell|drop|dropped|lower)(?-u:\b)").expect("re")
});
/// "Gross profit margin" is the same ratio under its longer name (gross
/// profit over revenue); it is what IBM-style scorecards print.
static MARGIN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)gross (profit )?margins?(?-u:\b)").expect("re"));
static OTHER_MARGIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(operating|net|profit|ebitda|segment|product|services?|non-?gaap|adjusted|pre-?tax(\s+income)?)\s+(gross\s+)?margins?(?-u:\b)|(?-u:\b)margins?(?-u:\b)").expect("re")
});
/// A basis label that opens a clause of a scorecard line: "Gross Profit
/// Margin: GAAP: 56.8 percent, up 180 basis points; Operating (Non-GAAP):
/// 57.8 percent, up 190 basis points". The measure named before the first
/// label is the subject of every clause; each label says on which basis.
static BASIS_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[:;])\s*(operating\s*\(non-?gaap\)|\(?non-?gaap\)?|gaap|adjusted|reported|as reported)\s*:\s*").expect("re")
});

/// The measures a margin phrase other than gross margin names, GAAP and
/// non-GAAP: operating income or pre-tax income over revenue.
fn other_margin_concepts(phrase: &str) -> Option<(&'static str, &'static str)> {
    let p = phrase.to_lowercase();
    if p.starts_with("operating margin") {
        Some(("operating_margin", "non_gaap_operating_margin"))
    } else if p.starts_with("pre") {
        Some(("pretax_margin", "non_gaap_pretax_margin"))
    } else {
        None
    }
}

/// The basis the last clause of `after_measure` (the words after the
/// measure's name) opens with, when it opens with a label: `Some(true)`
/// for non-GAAP.
fn clause_basis(after_measure: &str) -> Option<bool> {
    let clause_at = after_measure.rfind(';').unwrap_or(0);
    let label = BASIS_LABEL
        .captures_iter(&after_measure[clause_at..])
        .last()?;
    let word = label.get(1)?.as_str();
    Some(word.contains("non") || word.starts_with("operating") || word == "adjusted")
}
/// "effective tax rate", "effective GAAP tax rate", "effective tax rates on
/// income from continuing operations": income tax over pre-tax income.
/// "Effective non-GAAP tax rate" and "effective tax rates for non-GAAP
/// adjusted income" are the non-GAAP measure's (`concept_of`); "core
/// annual effective tax rate" names another measure, which the qualifier
/// checks around the phrase turn away.
static TAX_RATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)effective\s+(gaap\s+|non-?gaap\s+|adjusted\s+)?(income\s+)?tax\s+rates?(?-u:\b)").expect("re")
});
static CASH_AND_INVESTMENTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)cash,? (and )?cash equivalents,? and (short[ -]term )?(investments( in marketable securities)?|marketable securities)|(?-u:\b)cash and (short[ -]term )?investments(?-u:\b)")
        .expect("re")
});
static RANGE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(million|billion|thousand)?\s*(%|percent)?\s*(to|-|–|—)\s*\$?\s*\d")
        .expect("re")
});
static RANGE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(\d\s*(million|billion|thousand)?\s*(%|percent)?\s*(to|-|–|—)|(?-u:\b)between|(?-u:\b)range of)\s*\$?\s*$",
    )
    .expect("re")
});
static CARRY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(compared (to|with)|versus|vs\.?|from|over|against|to)(?-u:\b)")
        .expect("re")
});
static OF_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:million|billion|thousand)?\)?\s*(?:of|in)\s+").expect("re")
});
static APPROX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(approximately|about|around|roughly|some|almost|nearly|more than|over|in excess of|exceeding|exceeded|surpassing|surpassed|topped|less than|under|up to|at least|just over|just under)\s*\(?\$?\s*$")
        .expect("re")
});
static LIST_AND: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)and\s*\\?\$?\s*\(?$").expect("re"));
static RESPECTIVELY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)respectively(?-u:\b)").expect("re"));
/// What may stand between the figures of a list ("$(3.2 million) and
/// $(0.01)").
static LIST_GAP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s,()$\\]*(million|billion|thousand)?[\s,()$\\]*(and|or)?[\s,()$\\]*$")
        .expect("re")
});

/// The base of a growth, named right after the rate ("up 12% from a year
/// ago", "grew 13% year over year") or right before it ("year-over-year
/// growth of 13%").
static YEAR_AGO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[^.;$\d]{0,30}?(?-u:\b)(year[\s-]over[\s-]year|year[\s-]on[\s-]year|(from|over|versus|vs\.?|compared (to|with)) ((a|the) )?year[\s-]ago|(from|over|versus|compared (to|with)) the (same|comparable|prior[\s-]year|year[\s-]ago) (quarter|period)|y/y|yoy)(?-u:\b)")
        .expect("re")
});
static YEAR_AGO_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(year[\s-]over[\s-]year|year[\s-]on[\s-]year|y/y|yoy)(?-u:\b)[^.;$\d]{0,40}$",
    )
    .expect("re")
});
static SEQUENTIAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[^.;$\d]{0,30}?(?-u:\b)(sequentially|quarter[\s-]over[\s-]quarter|(from|over|versus|compared (to|with)) the (previous|prior|preceding|last) quarter|q/q|qoq)(?-u:\b)")
        .expect("re")
});
static SEQUENTIAL_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(sequential|sequentially|quarter[\s-]over[\s-]quarter|q/q|qoq)(?-u:\b)[^.;$\d]{0,40}$")
        .expect("re")
});

/// Period expressions: a date, an ordinal quarter, a length.
static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)",
        // a date, with its length when stated
        r"(?:(?P<dlen>three|six|nine|twelve|3|6|9|12|13|14|26|27|39|40|52|53)[\s-]+(?P<dunit>months?|weeks?)\s+ended\s+)?",
        r"(?P<mon>january|february|march|april|may|june|july|august|september|october|november|december|jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept?\.?|oct\.?|nov\.?|dec\.?)\s+(?P<day>\d{1,2}),?\s+(?P<dy>\d{4})",
        // an ordinal quarter
        r"|(?:(?P<qf1>fiscal\s+(?:year\s+)?|fy\s*)?(?P<qy1>\d{4})\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:(?P<qf2>fiscal)[\s-]+)?quarter(?:\s+(?:of\s+|ended\s+)?(?P<qf3>fiscal\s+(?:year\s+)?|fy\s*)?(?P<qy2>\d{4}))?",
        r"|(?-u:\b)q(?P<qn>[1-4])(?:\s*(?P<qf4>fy|fiscal)?\s*['’]?(?P<qy3>\d{4}|\d{2})(?-u:\b))?",
        // a length with a year
        r"|(?-u:\b)(?P<yf>fiscal(?:\s+year)?|full[\s-]year|fy|calendar(?:\s+year)?|year)\s*['’]?(?P<yy>\d{4}|\d{2})(?-u:\b)",
        r"|(?-u:\b)(?:in|for|during)\s+(?P<yy2>(?:19|20)\d{2})(?-u:\b)(?:\s*,|\s+(?:was|were|and)|\s*$)",
        // a length alone ("the year-ago quarter" is a quarter a year back,
        // not "the year"; "the first six months of the year" is six months)
        r"|(?-u:\b)(?P<len>the year[\s-]ago|(?:three months|six months|nine months|first half|second half)(?:\s+of\s+(?:the\s+|this\s+)?(?:fiscal\s+)?year(?-u:\b))?|thirteen weeks|13 weeks|12 weeks|14 weeks|quarters?|quarterly|half[\s-]year|26 weeks|27 weeks|nine months|39 weeks|40 weeks|year[\s-]to[\s-]date|ytd|twelve months|12 months|trailing twelve months|ttm|52 weeks|53 weeks|full[\s-]year|fiscal year|annual|the year|last year|prior year|year[\s-]ago)(?-u:\b)",
    ))
    .expect("period regex")
});

/// What a sentence says about the period of a figure.
#[derive(Debug, Clone, Default, PartialEq)]
struct PeriodClue {
    /// Length in months (3, 6, 9, 12).
    months: Option<u8>,
    /// Fiscal quarter (1-4).
    quarter: Option<u8>,
    /// The year named, and whether it is a fiscal year.
    year: Option<i32>,
    fiscal: bool,
    /// A date the period ends at (or a balance-sheet date).
    date: Option<Date>,
    /// The words, for `inspect`.
    text: String,
    /// The base of a comparison ("from the fourth quarter of 2005").
    base: bool,
    /// Named after the figure, in its clause.
    after: bool,
    /// A year before the quarter the release is about: "last Q1", "last
    /// year's third quarter", "the year-ago quarter".
    year_back: bool,
}

/// Words before a quarter that make it the year before's ("vs. 21% last
/// Q1", "last year's third quarter net income").
static YEAR_BACK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(last|prior|previous)(\s+year['’]?s?)?\s+(the\s+)?$|(?-u:\b)(year[\s-]ago|prior[\s-]year)\s+$")
        .expect("re")
});

fn month_of(s: &str) -> Option<u8> {
    const M: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let s = s.to_lowercase();
    M.iter().position(|m| s.starts_with(m)).map(|i| i as u8 + 1)
}

fn year_of(s: &str) -> Option<i32> {
    let y: i32 = s.parse().ok()?;
    Some(if s.len() == 2 { 2000 + y } else { y })
}

fn clue_of(c: &regex::Captures) -> PeriodClue {
    let text = c.get(0).map_or("", |m| m.as_str()).to_lowercase();
    let mut clue = PeriodClue {
        text: text.clone(),
        fiscal: text.contains("fiscal") || text.contains("fy"),
        ..Default::default()
    };
    let g = |n: &str| c.name(n).map(|m| m.as_str());
    if let (Some(mon), Some(day), Some(y)) = (g("mon"), g("day"), g("dy")) {
        clue.date = Some(Date {
            year: y.parse().unwrap_or(0),
            month: month_of(mon).unwrap_or(0),
            day: day.parse().unwrap_or(0),
        });
        if let (Some(n), Some(unit)) = (g("dlen"), g("dunit")) {
            let n: u32 = match n {
                "three" => 3,
                "six" => 6,
                "nine" => 9,
                "twelve" => 12,
                d => d.parse().unwrap_or(0),
            };
            clue.months = Some(if unit.starts_with("week") {
                ((n * 12 + 26) / 52) as u8
            } else {
                n as u8
            });
        }
    } else if let Some(o) = g("ord") {
        clue.quarter = Some(match &o.to_lowercase()[..2] {
            "fi" | "1s" => 1,
            "se" | "2n" => 2,
            "th" | "3r" => 3,
            _ => 4,
        });
        clue.months = Some(3);
        clue.year = g("qy1").or(g("qy2")).and_then(year_of);
    } else if let Some(q) = g("qn") {
        clue.quarter = q.parse().ok();
        clue.months = Some(3);
        clue.year = g("qy3").and_then(year_of);
    } else if let Some(y) = g("yy") {
        clue.months = Some(12);
        clue.year = year_of(y);
    } else if let Some(y) = g("yy2") {
        clue.months = Some(12);
        clue.year = year_of(y);
    } else if let Some(l) = g("len") {
        let l = l.to_lowercase();
        clue.months = if l.contains("quarter")
            || l.starts_with("three")
            || l.contains("13")
            || l.contains("12 w")
            || l.contains("14")
            || l.starts_with("thirteen")
        {
            Some(3)
        } else if l.contains("six") || l.contains("half") || l.contains("26") || l.contains("27") {
            Some(6)
        } else if l.contains("nine") || l.contains("39") || l.contains("40") {
            Some(9)
        } else if l.contains("date") || l == "ytd" {
            None
        } else if l.contains("last year")
            || l.contains("prior year")
            || l.contains("year ago")
            || l.contains("year-ago")
        {
            // "compared with last year": a comparison, not a length.
            return PeriodClue::default();
        } else {
            Some(12)
        };
        if clue.months.is_none() {
            // Year to date: the length depends on the quarter; unresolved.
            clue.months = Some(0);
        }
    }
    clue
}

/// Words that make the period after them the base of a comparison
/// ("compared to the first quarter of 2005", "from the fourth quarter").
static BASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(compared (to|with)|comparable to|in line with|similar to|flat (with|to)|from|over|versus|vs\.?|against|relative to)\s+(the\s+|a\s+|its\s+)?(end\s+of\s+(the\s+)?)?((previous|prior|preceding|last|same|comparable|year[\s-]ago|prior[\s-]year)\s+)?$")
        .expect("re")
});

/// The period a figure is about: the expression after it in its clause
/// (up to the next figure), else the nearest before it in the sentence.
/// Each comes with whether it is the base of a comparison ("from the
/// fourth quarter of 2005").
fn period_clues(text: &str, start: usize, m: &Mention, next: usize) -> Vec<(PeriodClue, bool)> {
    let mut out = Vec::new();
    // "of $(0.2 million) and $(0.00) per share for the fourth quarter of
    // 2005": the period after a list of figures is each one's.
    let after = &text[m.end..list_end(text, m, next).max(m.end)];
    // A negative figure's parenthesis ("$(0.00)") does not open an aside.
    let after = after.replace("$(", "$ ");
    let after_clause = after.find([';', '(']).map_or(&after[..], |i| &after[..i]);
    let mut prev_end: Option<usize> = None;
    for c in PERIOD.captures_iter(after_clause) {
        let clue = clue_of(&c);
        let (at, to) = c.get(0).map_or((0, 0), |x| (x.start(), x.end()));
        // "for the trailing twelve months ended June 30, 2023": a length
        // and the date it ends, read as two, are one period.
        if let (Some(pe), Some((last, _))) = (prev_end, out.last_mut()) {
            let last: &mut PeriodClue = last;
            if clue.date.is_some()
                && clue.months.is_none()
                && last.date.is_none()
                && last.year.is_none()
                && last.months.is_some()
                && ENDED_GAP.is_match(&after_clause[pe..at])
                && !YEAR_LIST_AFTER.is_match(&after_clause[to..])
            {
                last.date = clue.date;
                prev_end = Some(to);
                continue;
            }
        }
        prev_end = Some(to);
        let clue = same_period_of_year(clue, &after_clause[..at]);
        if clue != PeriodClue::default() {
            let base = BASE.is_match(&after_clause[..at]);
            let year_back = clue.year.is_none() && YEAR_BACK.is_match(&after_clause[..at]);
            out.push((
                PeriodClue {
                    base,
                    after: true,
                    year_back,
                    ..clue
                },
                base,
            ));
        }
    }
    let before = &text[start..m.start];
    let mut back: Vec<(PeriodClue, bool)> = Vec::new();
    for c in PERIOD.captures_iter(before) {
        let clue = clue_of(&c);
        let (at, to) = c.get(0).map_or((0, 0), |x| (x.start(), x.end()));
        // "… for the first quarter of 2006 was $2.0 million versus a net
        // loss of $(0.2 million)": a contrast between a period and the
        // figure makes it another period's figure.
        if CONTRAST.is_match(&before[to..]) {
            back.clear();
            continue;
        }
        if clue != PeriodClue::default() {
            let base = BASE.is_match(&before[..at]);
            let year_back = clue.year.is_none() && YEAR_BACK.is_match(&before[..at]);
            back.push((
                PeriodClue {
                    base,
                    year_back,
                    ..clue
                },
                base,
            ));
        }
    }
    back.reverse();
    out.extend(back);
    out
}

/// "… ended September 30, 2023 and 2024": the date opens a list of
/// periods, each the length's.
static YEAR_LIST_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*,?\s*(and|&)\s+(fiscal\s+)?\d{4}").expect("re"));

/// "for the same period in 2022": the year of a period as long as the
/// sentence's own, not the whole year "in 2022" alone names.
fn same_period_of_year(clue: PeriodClue, before: &str) -> PeriodClue {
    static SAME: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)same\s+(period|quarter|time)\s*$").expect("re"));
    match SAME.captures(before) {
        Some(c) if clue.year.is_some() && clue.quarter.is_none() && clue.date.is_none() => {
            PeriodClue {
                months: (c[1].eq_ignore_ascii_case("quarter")).then_some(3),
                ..clue
            }
        }
        _ => clue,
    }
}

/// Between a period's length and the date it ends.
static ENDED_GAP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*(ended|ending)\s*$").expect("re"));

static CONTRAST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(versus|vs\.?|compared (to|with)|against|while|whereas|as compared)(?-u:\b)",
    )
    .expect("re")
});

/// Where the clause of a figure ends: the next figure, or, when the next
/// figures follow as a list ("$(0.2 million) and $(0.00) per share"), the
/// figure after the list.
fn list_end(text: &str, m: &Mention, next: usize) -> usize {
    static FIGURE_GAP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^[\s,()$\\]*(million|billion|thousand)?\)?\s*(of\s+[a-z -]{1,40}?\s+)?[\s,()$\\]*(and|or)[\s,()$\\]*$")
            .expect("re")
    });
    // "cash flow from operations of $14.7 billion and free cash flow of
    // $10.1 billion in the first quarter": the period after the second
    // measure's figure is the first's too.
    static MEASURE_GAP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*(million|billion|thousand)?\)?\s*,?\s*and\s+[a-z][a-z -]{1,40}?\s+(of|was|were|totaled)[\s$\\(]*$")
            .expect("re")
    });
    if next <= m.end
        || !(FIGURE_GAP.is_match(&text[m.end..next]) || MEASURE_GAP.is_match(&text[m.end..next]))
    {
        return next;
    }
    // Past the next figure, to the following one or the clause's end, and
    // never into the next sentence ("… $5.9 billion and $4.2 billion,
    // respectively. Full year fiscal 2026 operating expense growth …").
    let rest = &text[next..];
    let stop = rest
        .char_indices()
        .skip(1)
        .find(|&(_, c)| c == '$' || c == ';')
        .map_or(rest.len(), |(i, _)| i);
    (next + stop).min(sentence_end(text, next).max(next))
}

/// Length of a period in months (weeks rounded to months).
fn length(p: &Period) -> Option<u8> {
    p.months
        .or(p.weeks.map(|w| ((w as u32 * 12 + 26) / 52) as u8))
}

/// Does a period last `months`? A quarter of a fiscal calendar kept in
/// weeks is 12 to 17 weeks: the 12/12/12/16 and 16/12/12/12 calendars of
/// retailers give some quarters 16 weeks, and "the quarter" or "the fourth
/// quarter" is still what their releases call them.
fn lasts(p: &Period, months: u8) -> bool {
    length(p) == Some(months)
        || months == 3 && p.months.is_none() && p.weeks.is_some_and(|w| (12..=17).contains(&w))
}

/// Words that text extracted from a PDF lost their ligature in: pdftotext
/// drops a "fi" glyph it cannot map, leaving "rst quarter" and "scal 2023".
/// Standing alone, neither is an English word.
static LOST_LIGATURE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)(rst|scal)(?-u:\b)").expect("re"));

/// A block's text for reading claims: the period words that lost their
/// ligature put back as words of the same length ("1st", "fy"), so every
/// offset still points into the block.
fn prose(doc: &Document, block: usize) -> std::borrow::Cow<'_, str> {
    let text = doc.blocks.get(block).map_or("", |b| b.text.text());
    LOST_LIGATURE.replace_all(text, |c: &regex::Captures| {
        if c[1].len() == 3 { "1st" } else { "fy  " }.to_string()
    })
}

/// Whether `text` holds "quarter" or "q1".."q4" in any case: what every
/// quarter-naming alternative of `PERIOD` needs. Restoring lost ligatures
/// (`prose`) writes only "1st" and "fy", so it cannot add either.
fn may_name_quarter(text: &[u8]) -> bool {
    text.windows(2).enumerate().any(|(i, w)| {
        w[0].eq_ignore_ascii_case(&b'q')
            && (matches!(w[1], b'1'..=b'4')
                || text[i..]
                    .get(..7)
                    .is_some_and(|q| q.eq_ignore_ascii_case(b"quarter")))
    })
}

/// A month count for an end date; a date in the first week of a month
/// counts as the month before (52/53-week fiscal calendars).
fn month_key(d: Date) -> i32 {
    d.year * 12 + d.month as i32 - 1 - i32::from(d.day <= 7)
}

/// Where a quarter no table dates ends, as [`month_key`] would place the
/// end of that calendar quarter: comparable only with other undated
/// quarters, since a fiscal year need not be the calendar year.
fn undated_key(p: &Period) -> Option<i32> {
    if p.end.is_some() {
        return None;
    }
    Some(p.year? * 12 + 3 * i32::from(p.quarter?) - 1)
}

/// The end dates of quarter columns headed by a fiscal name only ("Q2
/// FY25" | "Q1 FY25" | "Q2 FY24" in a summary table): a column whose
/// figures are, concept by concept, the figures of a dated quarter column
/// ("Three Months Ended July 28, 2024") ends that day. Two concepts must
/// agree, and no other date may have as many.
fn fiscal_ends(res: &Resolved) -> FxHashMap<(i32, u8), Date> {
    let key = |f: &Fact| (f.concept.clone(), f.interval.lo, f.interval.hi);
    let mut dated: FxHashMap<(String, Decimal, Decimal), Vec<Date>> = FxHashMap::default();
    for f in &res.facts {
        if f.figure.dash || f.figure.value.is_zero() || f.period.instant || !lasts(f.period, 3) {
            continue;
        }
        if let Some(e) = f.period.end {
            let dates = dated.entry(key(f)).or_default();
            if !dates.contains(&e) {
                dates.push(e);
            }
        }
    }
    let mut votes: FxHashMap<(i32, u8), FxHashMap<Date, FxHashSet<&str>>> = FxHashMap::default();
    for f in &res.facts {
        let p = f.period;
        let (None, Some(y), Some(q), false) = (p.end, p.year, p.quarter, p.instant) else {
            continue;
        };
        if f.figure.dash || f.figure.value.is_zero() {
            continue;
        }
        if let Some([d]) = dated.get(&key(f)).map(Vec::as_slice) {
            votes
                .entry((y, q))
                .or_default()
                .entry(*d)
                .or_default()
                .insert(f.concept.as_str());
        }
    }
    let mut out = FxHashMap::default();
    for (yq, dates) in votes {
        let best = dates.values().map(|c| c.len()).max().unwrap_or(0);
        let mut at_best = dates.iter().filter(|(_, c)| c.len() == best);
        if let (Some((d, _)), None) = (at_best.next(), at_best.next()) {
            if best >= 2 {
                out.insert(yq, *d);
            }
        }
    }
    out
}

/// What the document is about: the latest quarter in its tables and the
/// quarter its prose names most.
struct DocPeriods {
    latest_quarter_key: Option<i32>,
    /// Undated quarters ("2Q24") may be placed by year and quarter: no
    /// table dates a quarter, or the latest dated and undated quarters end
    /// together.
    undated_latest: bool,
    quarter: Option<u8>,
    /// The end dates of quarters headed only by their fiscal name ("Q2
    /// FY25"), learned from the figures they share with dated columns.
    fiscal_ends: FxHashMap<(i32, u8), Date>,
}

impl DocPeriods {
    fn new(doc: &Document, res: &Resolved) -> DocPeriods {
        let quarters = || {
            res.facts
                .iter()
                .filter(|f| !f.period.instant && lasts(f.period, 3))
        };
        // Quarters no table dates ("2Q24 | 1Q24") place the latest by
        // their year and quarter, when no quarter is dated: a fiscal "Q2
        // FY25" is no calendar month beside dated columns.
        let dated_latest = quarters().filter_map(|f| f.period.end.map(month_key)).max();
        // An outlook's quarter ("Q4'24 Forecast") is no reported quarter:
        // the latest undated quarter is the latest the release reports.
        let undated = quarters()
            .filter(|f| !doc.tables[f.table].columns[f.column].is_forecast())
            .filter_map(|f| undated_key(f.period))
            .max();
        // Undated quarters are placed by year and quarter when no quarter is
        // dated, or when the latest of each kind end together: then the
        // fiscal year is the calendar year ("2Q24" beside "three months
        // ended June 30, 2024"), which a "Q2 FY25" ending in July 2024 is
        // not.
        let undated_latest = match (dated_latest, undated) {
            (None, _) => true,
            (Some(d), Some(u)) => (d - u).abs() <= 1,
            (Some(_), None) => false,
        };
        let latest_quarter_key = dated_latest.or(undated);
        let mut counts = [0usize; 5];
        for b in 0..doc.blocks.len() {
            // Only an ordinal quarter ("third quarter") or "Q3" names a
            // quarter, so a block with neither word cannot add to the count
            // and need not be searched; most blocks of a release are such.
            let text = doc.blocks[b].text.text();
            if !may_name_quarter(text.as_bytes()) {
                continue;
            }
            for c in PERIOD.captures_iter(&prose(doc, b)) {
                if let Some(q) = clue_of(&c).quarter {
                    counts[q as usize] += 1;
                }
            }
        }
        let max = counts.iter().copied().max().unwrap_or(0);
        let quarter = if max == 0 || counts.iter().filter(|&&c| c == max).count() > 1 {
            None
        } else {
            counts.iter().position(|&c| c == max).map(|q| q as u8)
        };
        DocPeriods {
            latest_quarter_key,
            undated_latest,
            quarter,
            fiscal_ends: fiscal_ends(res),
        }
    }

    /// The date a period ends: its own, or for a quarter headed only by
    /// its fiscal name, the date its figures show it ends.
    fn end_of(&self, p: &Period) -> Option<Date> {
        p.end.or_else(|| {
            if p.instant {
                return None;
            }
            self.fiscal_ends.get(&(p.year?, p.quarter?)).copied()
        })
    }

    /// Does period `a` end after `b`? By their end dates, or for columns
    /// headed by a year alone ("Quarter Ended 12/28/2024" read as 2024), by
    /// year and quarter.
    fn later(&self, a: &Period, b: &Period) -> bool {
        match (self.end_of(a), self.end_of(b)) {
            (Some(x), Some(y)) => days(x) > days(y),
            (None, None) => match (a.year, b.year) {
                (Some(x), Some(y)) => {
                    (x, a.quarter.unwrap_or(0)) > (y, b.quarter.unwrap_or(0))
                        && (a.quarter.is_some() == b.quarter.is_some())
                }
                _ => false,
            },
            // A quarter its figures date beside one no table dates ("2Q24"
            // dated by the statement, "1Q24" not): by where each ends, when
            // undated quarters may be placed at all. Only a quarter or a
            // year apart, as releases compare them: a table of five
            // quarters, some dated by their figures, would otherwise offer
            // every earlier quarter as a base.
            _ => self
                .mixed_gap(a, b)
                .is_some_and(|d| matches!(d, 2..=4 | 11..=13)),
        }
    }

    /// Where a period ends, as [`month_key`]: by its date, or for a quarter
    /// no table dates by its year and quarter when those may be placed.
    fn place(&self, p: &Period) -> Option<i32> {
        self.end_of(p).map(month_key).or_else(|| {
            if self.undated_latest {
                undated_key(p)
            } else {
                None
            }
        })
    }

    /// Months from `b`'s end to `a`'s when one is dated and the other is a
    /// quarter no table dates (placed only when the calendars agree).
    fn mixed_gap(&self, a: &Period, b: &Period) -> Option<i32> {
        if !self.undated_latest {
            return None;
        }
        match (self.end_of(a), self.end_of(b)) {
            (Some(x), None) => Some(month_key(x) - undated_key(b)?),
            (None, Some(y)) => Some(undated_key(a)? - month_key(y)),
            _ => None,
        }
    }

    /// Where a period ends, in months: by its end date, or by its fiscal
    /// year and quarter ("Q1 2024" columns of quarterly tables).
    fn month_index(&self, p: &Period) -> Option<i32> {
        match (self.end_of(p), p.year, p.quarter) {
            (Some(d), _, _) => Some(month_key(d)),
            (None, Some(y), Some(q)) => Some(y * 12 + q as i32 * 3),
            _ => None,
        }
    }

    /// Does a fact's period fit "year-to-date"? It runs from the start of
    /// the year to the end of the quarter the release is about, so it
    /// lasts three months for each quarter; "year-to-date 2023" or "the
    /// prior year-to-date period" is the same stretch a year before.
    /// `None` when the release's quarter or latest quarter is unknown.
    fn fits_year_to_date(&self, clue: &PeriodClue, p: &Period) -> Option<bool> {
        let (latest, doc_q) = (self.latest_quarter_key?, self.quarter?);
        if p.instant || !lasts(p, 3 * doc_q) {
            return Some(false);
        }
        let off = self.place(p)? - latest;
        Some(match clue.year {
            Some(y) => {
                p.end.map(|d| d.year).or(p.year) == Some(y)
                    && matches!(off.rem_euclid(12), 0 | 1 | 11)
            }
            None if clue.year_back || clue.base => (off + 12).abs() <= 1,
            None => off.abs() <= 1,
        })
    }

    /// Does a fact's period fit the clue? `None`: the clue cannot be placed
    /// on the tables at all.
    fn fits(&self, clue: &PeriodClue, p: &Period) -> Option<bool> {
        if clue.months == Some(0) {
            return self.fits_year_to_date(clue, p);
        }
        if let Some(d) = clue.date {
            let Some(end) = self.end_of(p) else {
                // "three months ended June 30, 2024" and a "Second-Quarter
                // 2024" column no table dates: the same when the date ends
                // that calendar quarter (or, for "Six Months 2024", that
                // many months into the year) of the column's year. A fiscal
                // year that is not the calendar year names its quarters
                // otherwise, and fits nothing here.
                let len_ok = clue.months.is_none_or(|m| lasts(p, m));
                // A calendar of 52 or 53 weeks ends its quarter up to a
                // week into the next month ("July 2, 2023" ends Pfizer's
                // second quarter).
                let ends = |year: i32, month: i32| {
                    let (y, m) = (d.year, i32::from(d.month));
                    y == year && m == month
                        || d.day <= 7
                            && if m == 1 {
                                y - 1 == year && month == 12
                            } else {
                                y == year && m - 1 == month
                            }
                };
                let same_end = match (p.year, p.quarter, p.months) {
                    (Some(y), Some(q), _) => ends(y, 3 * i32::from(q)),
                    (Some(y), None, Some(m)) => ends(y, i32::from(m)),
                    _ => false,
                };
                return Some(same_end && len_ok && !p.instant);
            };
            let near = (days(end) - days(d)).abs() <= 7;
            let len_ok = match clue.months {
                Some(m) => lasts(p, m),
                None => true,
            };
            return Some(near && len_ok);
        }
        if p.instant {
            // A balance-sheet figure: a quarter or year names when, not
            // how long; the year must agree when named.
            return Some(match (clue.year, p.end) {
                (Some(y), Some(e)) => e.year == y || clue.fiscal && e.year == y - 1,
                _ => clue.quarter.is_none(),
            });
        }
        if let Some(m) = clue.months {
            if !lasts(p, m) {
                return Some(false);
            }
        }
        if let Some(q) = clue.quarter {
            // A quarter column no table dates ("Second-Quarter 2025") is
            // the clue's when it is that quarter of the year the clue
            // names, and another quarter's when it is not. A clue with no
            // year is placed from the latest such quarter.
            if let (None, Some(pq), Some(py), Some(y)) =
                (self.end_of(p), p.quarter, p.year, clue.year)
            {
                return Some(pq == q && py == y);
            }
            let end = self.place(p)?;
            let (latest, doc_q) = (self.latest_quarter_key?, self.quarter?);
            let back = (doc_q as i32 - q as i32).rem_euclid(4);
            let mut target = latest - 3 * back;
            // "Last Q1" in a first- or later-quarter release is a year
            // before this year's; a later quarter's latest is last year's
            // already.
            if clue.year_back && q <= doc_q || clue.base && back == 0 {
                // "up 12% from the first quarter" in a first-quarter
                // release: a year before.
                target -= 12;
            }
            let off = end - target;
            // With a year, the year decides below; without one, "the first
            // quarter" is the latest first quarter. Calendars of 52 and 53
            // weeks end a quarter a few days apart from year to year (May
            // 12, 2024 and May 7, 2023): a month either way is the same
            // quarter, the next one being three away.
            let fits = if clue.year.is_some() {
                matches!(off.rem_euclid(12), 0 | 1 | 11)
            } else {
                off.abs() <= 1
            };
            if !fits {
                return Some(false);
            }
        }
        if let Some(y) = clue.year {
            let Some(e) = p.end.map(|d| d.year).or(p.year) else {
                return Some(false);
            };
            let fiscal_shift = clue.fiscal && clue.quarter.is_some() && e == y - 1;
            if e != y && !fiscal_shift {
                return Some(false);
            }
        }
        Some(true)
    }
}

/// What earlier figures of the document showed: the table rows each tied
/// figure tied to, and the sentences (block, start, concept) with a figure
/// that tied to nothing (about something the tables do not show).
#[derive(Default)]
struct Ties {
    rows: FxHashMap<crate::span::Span, Vec<(usize, usize)>>,
    /// What a comparison after a tied figure is compared with: the cells
    /// (table, row, column) the figure tied to, and whether each is the
    /// comparison's own figure already (the base of a growth) or the
    /// current period's figure, whose row holds the earlier one.
    bases: FxHashMap<crate::span::Span, Vec<(usize, usize, usize, bool)>>,
    untied: FxHashSet<(usize, usize, String)>,
}

/// The words between a figure and the amount it is compared with:
/// "increased 7.5 percent, to $60.99 billion from $56.72 billion", "was
/// $1.3 billion vs. $1.4 billion", "compared with an outflow of $19.8
/// billion".
static COMPARED_GAP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s)]*(million|billion|thousand)?\)?\s*(%|percent)?\s*,?\s*((up|down)\s+)?(from|compared (to|with)|as compared (to|with)|versus|vs\.?)(\s+(a|an|the))?(\s+[a-z-]+){0,2}?(\s+of)?\s*\$?\s*\(?$")
        .expect("re")
});
/// A footnote mark glued to a word ("Reported(2) Diluted EPS") blanked,
/// offsets kept: the word is read as it would be without it.
fn unglue_footnotes(lower: String) -> String {
    static GLUED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[a-z]\(\d{1,2}\)").expect("re"));
    if !GLUED.is_match(&lower) {
        return lower;
    }
    GLUED
        .replace_all(&lower, |c: &regex::Captures| {
            let m = &c[0];
            format!("{}{}", &m[..1], " ".repeat(m.len() - 1))
        })
        .into_owned()
}

/// Words that place a figure in time, or compare it, other than the
/// periods `PERIOD` reads.
static OTHER_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(last|prior|previous|preceding|earlier|ago|compared|versus|vs|from\s+(\$|\d|the|a|an|last|prior)|since|before|after|until|through|during|since|then|were up|were down|increase[ds]?|decrease[ds]?|grew|rose|fell|declined?|year|quarter|month|period|fiscal|annual|ytd|trailing|q[1-4]|fy)(?-u:\b)")
        .expect("re")
});
/// Words that name a growth's base and no period of its own, and the
/// growth words themselves: what is left of a sentence without them says
/// whether it names a period.
static BASE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(year[\s-]over[\s-]year|year[\s-]on[\s-]year|y/y|yoy|sequentially|quarter[\s-]over[\s-]quarter|q/q|increase[ds]?|decrease[ds]?|grew|rose|fell|declined?|were up|were down)(?-u:\b)")
        .expect("re")
});
/// What the comparison amount's period is, after it.
static BASE_YEAR_AGO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[^.;$\d]{0,40}?(?-u:\b)(last year|prior year|a year ago|year[\s-]ago|prior[\s-]year|the same (quarter|period) (of )?(last|the prior|the previous) year)(?-u:\b)")
        .expect("re")
});
static BASE_QUARTER_AGO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[^.;$\d]{0,40}?(?-u:\b)((previous|prior|preceding|last|sequential) quarter|sequentially)(?-u:\b)")
        .expect("re")
});

/// What a claim asserts about its concept.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Assertion {
    Value,
    Growth,
    Change,
    Margin,
}

/// A value a claim may tie to (in units), with the figures it came from.
type Candidate<'d> = (Interval, Vec<&'d Fact<'d>>);

fn magnitude(i: Interval) -> Interval {
    if i.hi <= Decimal::ZERO {
        i.negated()
    } else if i.lo >= Decimal::ZERO {
        i
    } else {
        Interval::new(Decimal::ZERO, i.hi.max(-i.lo))
    }
}

/// How far from its figure a claim's words are looked for. Sentences in
/// releases run to a few hundred characters; text without full stops (a
/// table flattened into prose) would otherwise make every figure read the
/// whole block, a cost that grows with the square of the block.
const SENTENCE_REACH: usize = 400;

/// The start of the sentence containing `at`, at most `SENTENCE_REACH`
/// bytes before it.
pub(crate) fn sentence_start(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let floor = floor_char(text, at.saturating_sub(SENTENCE_REACH));
    let mut i = at;
    while i > floor {
        i -= 1;
        // A period followed by white space ends a sentence ("2026. During");
        // a decimal point is followed by a digit.
        if matches!(bytes[i], b'.' | b'!' | b'?' | b';' | b'\n')
            && bytes.get(i + 1).is_some_and(|b| b.is_ascii_whitespace())
            && !abbreviation(text, i)
            && !(bytes[i] == b'\n' && wrapped_line(text, i))
            && !basis_clause(text, i)
        {
            return i + 1;
        }
        if bullet_at(text, i) {
            return i;
        }
    }
    floor
}

/// Does a list bullet start at `i`, after white space? A converted PDF's
/// bullets run on in one block ("… of 8.9%* • Earnings per share (EPS) of
/// $1.96 …"); each item is a sentence of its own.
fn bullet_at(text: &str, i: usize) -> bool {
    // Every bullet here is encoded from 0xE2.
    text.as_bytes().get(i) == Some(&0xE2)
        && i > 0
        && text.as_bytes()[i - 1].is_ascii_whitespace()
        && text.is_char_boundary(i)
        && text[i..].starts_with(['•', '▪', '●', '■'])
}

/// Is the line break at `i` only where a converted PDF wrapped a
/// sentence? The line after it is indented to the text of the bullet
/// above ("▪ Forecasting … EPS of $(0.80)" over "    (non-GAAP EPS of
/// $(0.15))."), and starts neither a new bullet nor, after a full stop,
/// a new sentence.
fn wrapped_line(text: &str, i: usize) -> bool {
    let next = text[i + 1..].trim_start_matches([' ', '\t']);
    let starts_item = next.starts_with(|c: char| {
        matches!(
            c,
            '•' | '▪' | '·' | '●' | '○' | '■' | '□' | '-' | '–' | '—' | '*' | '\n'
        )
    });
    let before = text[..i].trim_end_matches([' ', '\t']);
    let ended = before.ends_with(['.', '!', '?', ';', ':']);
    !starts_item && !ended && !next.is_empty()
}

/// Does the semicolon at `i` open another basis of the same measure
/// ("Gross Profit Margin: GAAP: 56.8 percent, up 180 basis points;
/// Operating (Non-GAAP): 57.8 percent")? The clause after it has no
/// subject of its own: the sentence goes on.
fn basis_clause(text: &str, i: usize) -> bool {
    text.as_bytes().get(i) == Some(&b';')
        && BASIS_LABEL
            .find(&text[i..floor_char(text, (i + 40).min(text.len()))])
            .is_some_and(|l| l.start() == 0)
}

/// Is the full stop at `i` the end of an abbreviation ("27% vs. 22%",
/// "U.S. revenue", "Acme Inc. reported") rather than of a sentence?
fn abbreviation(text: &str, i: usize) -> bool {
    const WORDS: &[&str] = &[
        "vs", "inc", "corp", "co", "ltd", "approx", "no", "mr", "ms", "dr",
    ];
    if text.as_bytes().get(i) != Some(&b'.') {
        return false;
    }
    let head = &text[..i];
    let word_start = head
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_ascii_alphabetic())
        .map_or(0, |(j, c)| j + c.len_utf8());
    let word = &head[word_start..];
    // "U.S.": a single letter after another full stop.
    let initial = word.len() == 1 && head[..word_start].ends_with('.');
    // A capital after it starts a sentence ("… vs. Q4 2021" over a table's
    // next line, "Acme Inc. The company"); a figure or a lower-case word
    // goes on with it ("27% vs. 22%", "(vs. $1.7B").
    let rest = &text[i + 1..];
    let next = rest.trim_start();
    // "an increase of 42% vs. Q2’23": a period on the same line goes on
    // with "vs." too.
    static PERIOD_AHEAD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(Q[1-4]|[1-4]Q|FY|H[12])(?-u:\b)|^(Q[1-4]|[1-4]Q)['’]").expect("re")
    });
    let same_line = !rest[..rest.len() - next.len()].contains('\n');
    let goes_on = next.starts_with(|c: char| !c.is_uppercase())
        || word.eq_ignore_ascii_case("vs") && same_line && PERIOD_AHEAD.is_match(next);
    goes_on && (initial || WORDS.iter().any(|w| w.eq_ignore_ascii_case(word)))
}

pub(crate) fn sentence_end(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let ceil = ceil_char(text, at.saturating_add(SENTENCE_REACH));
    let mut i = at;
    while i < ceil {
        if matches!(bytes[i], b'.' | b'!' | b'?' | b';' | b'\n')
            && bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace())
            && !(bytes[i] == b'.' && bytes.get(i + 1).is_some_and(|b| b.is_ascii_digit()))
            && !abbreviation(text, i)
            && !(bytes[i] == b'\n' && wrapped_line(text, i))
            && !basis_clause(text, i)
        {
            return i;
        }
        if i > at && bullet_at(text, i) {
            return i;
        }
        i += 1;
    }
    ceil
}

/// The facts of a concept; `eps` is diluted or basic EPS, whichever.
fn facts_of<'d>(res: &'d Resolved<'d>, concept: &str) -> Vec<&'d Fact<'d>> {
    crate::budget::spend(res.facts.len() as u64 + 1);
    if concept == "eps" {
        return res
            .facts
            .iter()
            .filter(|f| f.concept == "eps_diluted" || f.concept == "eps_basic")
            .collect();
    }
    if concept.contains('@') {
        crate::budget::spend(res.segment_facts.len() as u64);
        return res
            .segment_facts
            .iter()
            .filter(|f| f.concept == concept)
            .collect();
    }
    res.facts.iter().filter(|f| f.concept == concept).collect()
}

/// The part of the business the words before a concept phrase name, when a
/// table shows that part of the measure ("Google Cloud revenues" and a
/// "Google Cloud" row under "Revenues:"): `measure@part`. The words are
/// read back to punctuation or a stop word, leading modifiers ("record
/// quarterly") dropped, and must be the whole part name: "Digital
/// Experience subscription revenue" is not the "Subscription" row.
fn part_of(
    res: &Resolved,
    rates: &Rates,
    lower: &str,
    phrase_at: usize,
    concept: &str,
) -> Option<String> {
    if res.segment_facts.is_empty() && !rates.has_parts() {
        return None;
    }
    let head = &lower[..phrase_at];
    let mut words: Vec<String> = Vec::new();
    // "•Software — revenues of $7.9 billion": the part, a dash, its
    // measure.
    let head = head.trim_end().strip_suffix(['—', '–']).unwrap_or(head);
    for raw in head.split_whitespace().rev().take(8) {
        if raw.ends_with([',', ';', ':', '(', '"', '“', '—', '–', '.'])
            || raw.chars().all(|c| !c.is_alphanumeric())
        {
            break;
        }
        let w = raw
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'' && c != '&')
            .replace('’', "'");
        words.push(w);
        if raw.starts_with(['(', '"', '“', '•']) {
            break;
        }
    }
    words.reverse();
    // "AWS segment sales": the part is AWS. "Upstream year-to-date
    // earnings", "Energy Products first-quarter earnings": the period
    // between the part and its measure is no part of its name.
    // A number is a period only as a year: "Dynamics 365 revenue" names
    // the part Dynamics 365.
    let year = |w: &str| {
        w.len() == 4 && w.starts_with(['1', '2']) && w.chars().all(|c| c.is_ascii_digit())
    };
    while words.last().is_some_and(|w| {
        w == "segment"
            || w == "segments"
            || w == "year-to-date"
            || year(w)
            || !w.starts_with(|c: char| c.is_ascii_digit())
                && periodish_word(w)
                && !matches!(w.as_str(), "the" | "a" | "our" | "its" | "total" | "gaap")
    }) {
        words.pop();
    }
    // The longest run of the last words that names a part, when what
    // stands before it is a stop word ("and", "posted") or modifiers
    // reaching one: "Cloud services and license support revenues" is that
    // row, "YouTube ads and Google Cloud revenues" the Google Cloud row,
    // but "Digital Experience subscription revenue" not the Subscription
    // row.
    for from in 0..words.len() {
        let boundary = words[..from]
            .iter()
            .rposition(|w| STOPS.contains(&w.as_str()))
            .map_or(0, |i| i + 1);
        let lead_ok = words[boundary..from].iter().all(|w| {
            let periodish = w.chars().all(|c| c.is_ascii_digit())
                || w.starts_with('q') && w[1..].chars().all(|c| c.is_ascii_digit())
                || w.starts_with("fy");
            MODIFIERS.contains(&w.as_str()) || periodish
        });
        if !lead_ok {
            continue;
        }
        let name = crate::resolve::part_name(&words[from..].join(" "));
        if name.is_empty() {
            continue;
        }
        let key = format!("{concept}@{name}");
        if res.segment_facts.iter().any(|f| f.concept == key) || rates.has(&key) {
            return Some(key);
        }
    }
    None
}

/// Does a qualifier name the basis of a measure ("non-GAAP", "adjusted",
/// "pro forma") rather than narrow it ("in constant currency",
/// "excluding")?
fn names_basis(q: &str) -> bool {
    let q = q.to_lowercase();
    ["gaap", "adjusted", "forma"]
        .iter()
        .any(|w| q.trim_end().ends_with(w))
}

/// The GAAP row's figures in a reconciliation's non-GAAP columns, for a
/// non-GAAP measure: "Operating income" across "GAAP", "Adjustments" and
/// "Non-GAAP" columns shows non-GAAP operating income in the last. The
/// adjustments column ("Non-GAAP Adjustments") is not the measure, nor is a
/// derived column ("% Increase (Decrease) Non-GAAP").
fn non_gaap_columns<'d>(doc: &Document, res: &'d Resolved<'d>, concept: &str) -> Vec<&'d Fact<'d>> {
    let gaap = match concept {
        "non_gaap_operating_income" => "operating_income",
        "non_gaap_net_income" => "net_income",
        "non_gaap_net_income_per_share" => "eps_diluted",
        "non_gaap_effective_tax_rate" => "effective_tax_rate",
        _ => return Vec::new(),
    };
    facts_of(res, gaap)
        .into_iter()
        .filter(|f| column_of(doc, f).is_some_and(|c| !c.derived && is_non_gaap_column(c)))
        .collect()
}

/// "Diluted earnings per share was $1.64, up 12 percent year over year
/// when excluding the one-time charge": the exclusion after the value's
/// growth is the value's too.
fn excluding_after_growth(text: &str, from: usize, end: usize) -> bool {
    static EXCLUDING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^,?\d{0,2}\s*(up|down)\s+[\d.]+\s*(%|percent)[^.;$\d]{0,40}?(?-u:\b)(when|if|after) excluding(?-u:\b)")
            .expect("re")
    });
    text.get(from..end.max(from))
        .is_some_and(|rest| EXCLUDING.is_match(rest))
}

/// A column of a reconciliation that holds the non-GAAP figures ("Non-
/// GAAP Q2 2025"), not the adjustments to them.
fn is_non_gaap_column(col: &crate::document::Column) -> bool {
    let h = col.header.to_lowercase().replace(['-', '\u{2011}'], " ");
    h.contains("non gaap") && !h.contains("adjustment") && !h.contains("reconcil")
}

/// The figure of a GAAP measure in a non-GAAP column is the non-GAAP
/// measure: "GAAP EPS up 70%" is no tie to it.
fn in_non_gaap_column(doc: &Document, f: &Fact) -> bool {
    column_of(doc, f).is_some_and(is_non_gaap_column)
}

/// The label of the row a fact stands in, lower case.
fn row_label(doc: &Document, f: &Fact) -> Option<String> {
    let row = doc.tables.get(f.table)?.rows.get(f.row)?;
    Some(row.label.to_lowercase())
}

/// The period of the forward-looking sentence before `start` in its
/// block, when it names one period only and an outlook column is of that
/// period: "In Q4’25, we expect revenue growth of 17% … We project an
/// operating margin of 23.9%" is the Q4’25 outlook's margin.
fn outlook_of_sentence_before(text: &str, start: usize, vocab: &Vocab) -> Option<PeriodClue> {
    let before = text[..start].trim_end();
    let at = before.len().checked_sub(1)?;
    let prev = &text[sentence_start(text, at)..start];
    if !FUTURE.is_match(prev) {
        return None;
    }
    let mut named = PERIOD
        .captures_iter(prev)
        .map(|c| clue_of(&c))
        .filter(|c| *c != PeriodClue::default());
    let only = named.next()?;
    if named.any(|c| c.quarter != only.quarter || c.year != only.year) {
        return None;
    }
    let q = only.quarter?;
    vocab
        .outlook
        .iter()
        .any(|&(quarter, year)| quarter == Some(q) && (only.year.is_none() || year == only.year))
        .then_some(only)
}

/// The column a fact stands in, when it is an outlook's
/// (`Column::is_forecast`): the only columns a forward-looking figure is
/// checked against.
fn outlook_column<'a>(doc: &'a Document, f: &Fact) -> Option<&'a crate::document::Column> {
    column_of(doc, f).filter(|c| c.is_forecast())
}

/// The column a fact stands in.
fn column_of<'a>(doc: &'a Document, f: &Fact) -> Option<&'a crate::document::Column> {
    doc.tables.get(f.table)?.columns.get(f.column)
}

/// The fact among `facts` in the same table and column as `of`: the other
/// term of a sum or ratio taken within one column.
fn in_column_of<'d>(facts: &[&'d Fact<'d>], of: &Fact) -> Option<&'d Fact<'d>> {
    facts
        .iter()
        .copied()
        .find(|f| f.table == of.table && f.column == of.column)
}

/// "…, including principal payments on finance leases, …" right after a
/// measure: the sums of each of its values and the named row's figure in
/// the same column, when a row of the document has that label.
fn including_row<'d>(
    labels: &'d RowLabels<'d>,
    after: &str,
    vals: &[Candidate<'d>],
) -> Option<Vec<Candidate<'d>>> {
    static INCLUDING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*,\s*including\s+(?P<what>[a-z][a-z ]{2,80}?)\s*,").expect("re")
    });
    let what = INCLUDING.captures(after)?.name("what")?.as_str();
    let key = labels::key_of(what)?;
    let unit = crate::document::Unit::Amount;
    let added = labels.facts(&format!("{ROW}{key}"), unit);
    let sums: Vec<Candidate<'d>> = vals
        .iter()
        .filter_map(|(v, facts)| {
            let [f] = facts.as_slice() else { return None };
            let e = in_column_of(&added, f)?;
            Some((v.checked_add(e.interval)?, vec![*f, e]))
        })
        .collect();
    (!sums.is_empty()).then_some(sums)
}

/// Values of a concept in every table column; `cash_and_investments` is
/// the sum of cash and short-term investments.
fn values<'d>(res: &'d Resolved<'d>, concept: &str) -> Vec<Candidate<'d>> {
    if concept == "cash_and_investments" {
        let mut out = Vec::new();
        let investments = facts_of(res, "short_term_investments");
        for c in facts_of(res, "cash") {
            if let Some(s) = in_column_of(&investments, c) {
                if let Some(sum) = c.interval.checked_add(s.interval) {
                    out.push((sum, vec![c, s]));
                }
            }
        }
        return out;
    }
    if concept == "gross_margin" {
        return margins(res);
    }
    if concept == "operating_margin" {
        return operating_margins(res);
    }
    if concept == "pretax_margin" {
        // The rows that state it ("Pre-tax margin 14.1%"), and pre-tax
        // income over revenue in the income statement's columns.
        return facts_of(res, "pretax_margin_pct")
            .into_iter()
            .map(|f| (f.interval, vec![f]))
            .chain(statement_ratios(res, "pretax_income", "revenue"))
            .collect();
    }
    if concept == "effective_tax_rate" {
        return tax_rates(res);
    }
    facts_of(res, concept)
        .into_iter()
        .map(|f| (f.interval, vec![f]))
        .collect()
}

/// Does a fact stand in a row of trailing twelve months ("Free cash flow
/// -- TTM")?
fn trailing_row(doc: &Document, f: &Fact) -> bool {
    doc.tables
        .get(f.table)
        .is_some_and(|t| t.is_trailing_row(f.row))
}

/// Is a column of a table a non-GAAP one (its heading, or the table's
/// title, says so), not the adjustments between?
fn non_gaap_column(doc: &Document, table: usize, column: usize) -> bool {
    let Some(t) = doc.tables.get(table) else {
        return false;
    };
    let Some(c) = t.columns.get(column) else {
        return false;
    };
    let norm = |s: &str| s.to_lowercase().replace(['-', '\u{2011}'], " ");
    let (h, title) = (norm(&c.header), norm(&t.title));
    !c.derived
        && !h.contains("adjustment")
        && !h.contains("reconcil")
        && (h.contains("non gaap") || title.contains("non gaap") && !h.contains("gaap"))
}

/// A non-GAAP margin: the margin rows of non-GAAP columns and tables
/// ("Non-GAAP" summary tables, a reconciliation's "Non-GAAP" column), and
/// for the operating margin, non-GAAP operating income over revenue in one
/// column.
fn non_gaap_margins<'d>(
    doc: &Document,
    res: &'d Resolved<'d>,
    concept: &str,
) -> Vec<Candidate<'d>> {
    let (rows, income) = match concept {
        "non_gaap_gross_margin" => ("gross_margin_pct", None),
        "non_gaap_operating_margin" => ("operating_margin_pct", Some("operating_income")),
        "non_gaap_pretax_margin" => ("pretax_margin_pct", None),
        _ => return Vec::new(),
    };
    let mut out: Vec<Candidate<'d>> = facts_of(res, rows)
        .into_iter()
        .filter(|f| non_gaap_column(doc, f.table, f.column))
        .map(|f| (f.interval, vec![f]))
        .collect();
    if let Some(income) = income {
        let revenue = facts_of(res, "revenue");
        let incomes = facts_of(res, income)
            .into_iter()
            .filter(|f| non_gaap_column(doc, f.table, f.column))
            .chain(facts_of(res, "non_gaap_operating_income"));
        for o in incomes {
            crate::budget::spend(revenue.len() as u64 + 1);
            if let Some(r) = in_column_of(&revenue, o) {
                if let Some(q) = o.interval.checked_div(r.interval) {
                    out.push((q, vec![r, o]));
                }
            }
        }
    }
    out
}

/// `numerator` over `denominator` in each column of an income statement
/// that shows both.
fn statement_ratios<'d>(
    res: &'d Resolved<'d>,
    numerator: &str,
    denominator: &str,
) -> Vec<Candidate<'d>> {
    let mut out = Vec::new();
    let above = facts_of(res, numerator);
    for d in facts_of(res, denominator) {
        if res.roles.get(d.table) != Some(&crate::resolve::Role::IncomeStatement) {
            continue;
        }
        if let Some(n) = in_column_of(&above, d) {
            if let Some(q) = n.interval.checked_div(d.interval) {
                out.push((q, vec![d, n]));
            }
        }
    }
    out
}

/// Operating margin per column of an income statement: operating income
/// over revenue.
fn operating_margins<'d>(res: &'d Resolved<'d>) -> Vec<Candidate<'d>> {
    statement_ratios(res, "operating_income", "revenue")
}

/// The effective tax rate a sentence names, when it is the last measure
/// named before the figure ("gross margin of 45% and an effective tax rate
/// of 18%" gives 18% the rate and 45% the margin), and between the phrase
/// and the figure only the rate's own words and the
/// rates listed before it stand ("effective tax rates on income from
/// continuing operations were 130.2% and 4.8%"), no amount or clause.
fn tax_rate_phrase(lower: &str) -> Option<regex::Match<'_>> {
    let rate = TAX_RATE.find_iter(lower).last()?;
    let margin_after = OTHER_MARGIN
        .find_iter(lower)
        .last()
        .is_some_and(|x| x.start() > rate.start());
    let gap = &lower[rate.end()..];
    // "… were 130.2% and 4.8% in the three and six months ended June 30,
    // 2024, respectively, and (3.1)% and 7.5% in …": a second list of
    // the same rates for other periods.
    let second_list = gap.rfind("respectively, and ").is_some_and(|k| {
        gap[k + "respectively, and ".len()..]
            .split(|c: char| !c.is_alphabetic())
            .all(|w| w.is_empty() || w == "and")
    });
    let reach = if second_list { 240 } else { 120 };
    let own_words = gap.len() <= reach && !gap.contains(['$', ';']);
    (!margin_after && own_words).then_some(rate)
}

/// The effective tax rate per column: the rows that state it, and income
/// tax over pre-tax income in the income statement's columns (a benefit
/// over a loss is a positive rate, as the division gives).
fn tax_rates<'d>(res: &'d Resolved<'d>) -> Vec<Candidate<'d>> {
    facts_of(res, "effective_tax_rate")
        .into_iter()
        .map(|f| (f.interval, vec![f]))
        .chain(statement_ratios(res, "income_tax", "pretax_income"))
        .collect()
}

/// Gross margin per column: gross profit (or revenue less cost of revenue)
/// over revenue.
fn margins<'d>(res: &'d Resolved<'d>) -> Vec<Candidate<'d>> {
    let mut out = Vec::new();
    let (gp, cost) = (
        facts_of(res, "gross_profit"),
        facts_of(res, "cost_of_revenue"),
    );
    for r in facts_of(res, "revenue") {
        // Segment and supplementary tables break revenue out other ways.
        if res.roles.get(r.table) != Some(&crate::resolve::Role::IncomeStatement) {
            continue;
        }
        let g = match in_column_of(&gp, r) {
            Some(g) => Some((g.interval, vec![r, g])),
            None => in_column_of(&cost, r)
                .and_then(|c| r.interval.checked_sub(c.interval).map(|d| (d, vec![r, c]))),
        };
        if let Some((g, facts)) = g {
            if let Some(q) = g.checked_div(r.interval) {
                out.push((q, facts));
            }
        }
    }
    out
}

/// Words that may stand before a concept phrase and leave it the
/// consolidated figure ("record quarterly revenue", "total net sales").
const MODIFIERS: &[&str] = &[
    "total",
    "net",
    "record",
    "quarterly",
    "annual",
    "gaap",
    "consolidated",
    "reported",
    "worldwide",
    "overall",
    "company",
    "company's",
    "companys",
    "negative",
    "positive",
    "strong",
    "solid",
    "higher",
    "lower",
    "all-time",
    "industry-leading",
    "quarter",
    "year",
    "fiscal",
    "full-year",
    "first-quarter",
    "second-quarter",
    "third-quarter",
    "fourth-quarter",
    "first",
    "second",
    "third",
    "fourth",
    "half",
    "year-to-date",
    "full",
    "nine-month",
    "six-month",
    "twelve-month",
    "three-month",
    "quarter's",
    "year's",
    "period",
    "fy",
    "ytd",
    "new",
    "diluted",
    "basic",
    "sequential",
    "year-over-year",
    "non-cash",
    "noncash",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
/// Words that end the noun phrase before a concept ("the", "was", "of").
const STOPS: &[&str] = &[
    "the",
    "a",
    "an",
    "our",
    "its",
    "their",
    "his",
    "her",
    "this",
    "that",
    "these",
    "those",
    "of",
    "for",
    "in",
    "on",
    "with",
    "and",
    "or",
    "as",
    "at",
    "by",
    "to",
    "from",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "had",
    "has",
    "have",
    "with",
    "while",
    "posted",
    "reported",
    "delivered",
    "generated",
    "achieved",
    "recorded",
    "announced",
    "produced",
    "drove",
    "saw",
    "grew",
    "increased",
    "decreased",
    "totaled",
    "included",
    "includes",
    "including",
    "also",
    "both",
    "we",
    "company",
    "and",
    "but",
    "versus",
    "vs",
    "compared",
    "than",
    "said",
    "quarter,",
    "where",
    "which",
    "when",
    "after",
    "before",
    "reflecting",
    "record",
    "strong",
    "during",
    "over",
    "into",
    "today",
    "all",
    "operating",
    "excludes",
    "include",
    "exclude",
    // An outlook's verbs: "we expect revenue growth of 11%", "expecting
    // first-quarter EPS of $(0.27)", "We project operating margin of 33%".
    "expect",
    "expects",
    "expecting",
    "forecast",
    "forecasts",
    "forecasting",
    "project",
    "projects",
    "projecting",
    "anticipate",
    "anticipates",
    "targeting",
];

/// Why the subject before a concept phrase is not the consolidated figure.
fn subject_before(lower: &str, phrase_at: usize, issuer: &Issuer) -> Result<(), String> {
    let head = &lower[..phrase_at];
    // "•Software — revenues of $7.9 billion": a name, a dash, then the
    // measure is the named part's (unless the name is the issuer's, a
    // period's, "Fourth quarter — revenue of", or the measure's own label
    // over its sentence, "Revenue – Revenue was $42.31 billion").
    if let Some(named) = head.trim_end().strip_suffix(['—', '–']) {
        if let Some(raw) = named.split_whitespace().next_back() {
            let w = raw.trim_matches(|c: char| !c.is_alphanumeric());
            let periodish = w.chars().all(|c| c.is_ascii_digit());
            let repeated = lower[phrase_at..]
                .split_whitespace()
                .any(|x| x.trim_matches(|c: char| !c.is_alphanumeric()) == w);
            // "Capital return program – Share repurchases were": a topic
            // of the release's own, not a part of the business.
            let label = named
                .rsplit(['•', '·', '▪', '.', ';', ':', '(', ')'])
                .next()
                .unwrap_or(named);
            if !w.is_empty()
                && !MODIFIERS.contains(&w)
                && !periodish
                && !issuer.names(w)
                && !repeated
                && headings::names_part(label)
            {
                return Err(format!(
                    "\"{w} —\" names a part of the business, not the consolidated figure"
                ));
            }
        }
    }
    for (n, raw) in head.split_whitespace().rev().enumerate() {
        if n >= 5 {
            break;
        }
        // Punctuation ends the phrase ("2006, revenues", "- Record").
        if raw.ends_with([',', ';', ':', '(', '"', '“', '—', '–'])
            || raw == "-"
            || raw.chars().all(|c| !c.is_alphanumeric())
        {
            return Ok(());
        }
        let w = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'');
        let w = w.replace('’', "'");
        if STOPS.contains(&w.as_str()) {
            return Ok(());
        }
        // Another figure ends the phrase too ("$1.68 billion, $3.78 per
        // diluted share": the words before "per diluted share" are "$3.78").
        if raw.starts_with(['$', '(']) && w.starts_with(|c: char| c.is_ascii_digit())
            || w.contains('.')
                && w.chars()
                    .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        {
            return Ok(());
        }
        let periodish = w.chars().all(|c| c.is_ascii_digit())
            || (w.len() == 2 && w.starts_with('q'))
            || w.starts_with("fy")
            // "Q1 revenue", "Q1'24 revenue growth"
            || w.starts_with('q') && w[1..].chars().all(|c| c.is_ascii_digit() || c == '\'');
        // "IBM's free cash flow": the issuer's own.
        if MODIFIERS.contains(&w.as_str()) || periodish || issuer.names(&w) {
            if raw.starts_with(['(', '"', '“']) {
                return Ok(());
            }
            continue;
        }
        return Err(format!(
            "\"{w} …\" names a part of the business, not the consolidated figure"
        ));
    }
    Ok(())
}

/// Period words that may follow "for", "in", "from" after a concept.
fn periodish_word(w: &str) -> bool {
    const P: &[&str] = &[
        "the",
        "a",
        "first",
        "second",
        "third",
        "fourth",
        "quarter",
        "quarters",
        "year",
        "years",
        "fiscal",
        "three",
        "six",
        "nine",
        "twelve",
        "months",
        "weeks",
        "period",
        "full",
        "same",
        "prior",
        "comparable",
        "last",
        "this",
        "current",
        "each",
        "both",
        "fourth-quarter",
        "first-quarter",
        "second-quarter",
        "third-quarter",
        "trailing",
        "most",
        "recent",
        "latest",
        "our",
        "its",
        "fy",
        "total",
        "gaap",
        "q1",
        "q2",
        "q3",
        "q4",
        "quarterly",
        "full-year",
        "year-ago",
        "prior-year",
        "half",
        "nine-month",
        "six-month",
        "continuing",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    // "Q3’25", "Q4'24", "FY24": a quarter or a fiscal year with its year.
    let year = |y: &str| {
        let y = y.trim_start_matches(['\'', '’']);
        (2..=4).contains(&y.len()) && y.chars().all(|c| c.is_ascii_digit())
    };
    let dated = w.strip_prefix("fy").is_some_and(year)
        || w.strip_prefix('q')
            .is_some_and(|rest| rest.strip_prefix(['1', '2', '3', '4']).is_some_and(year));
    P.contains(&w) || w.chars().next().is_some_and(|c| c.is_ascii_digit()) || dated
}

static PREP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(from|in|for|at|by|within|across|outside|of)\s+([a-z0-9'’-]+)(?:\s+([a-z0-9'’-]+))?",
    )
    .expect("re")
});

/// Why the words between a concept phrase and its figure make the claim
/// about something else ("revenue in the Americas", "revenue from
/// services").
fn subject_after(between: &str, one_subject: bool) -> Result<(), String> {
    // Only the words up to the first figure after the phrase name it.
    let between = between.find('$').map_or(between, |i| &between[..i]);
    static NEW_CLAUSE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?-u:\b)(and|while|but|whereas)(?-u:\b)").expect("re"));
    // "used $(1.8) billion in cash from operations and paid dividends of
    // $1.5 billion": another subject. "were up 12% in USD and up 11% in
    // constant currency to $9.6 billion": the same subject's rates.
    static LISTED_RATE_AFTER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\s+(up|down)\s+\d[\d.]*\s*%").expect("re"));
    let new_clause = NEW_CLAUSE
        .find_iter(between)
        .find(|w| !(w.as_str() == "and" && LISTED_RATE_AFTER.is_match(&between[w.end()..])));
    if let Some(w) = new_clause.filter(|_| one_subject) {
        return Err(format!(
            "\"{}\" starts another subject after the concept",
            w.as_str()
        ));
    }
    let clause = between
        .find([',', '(', ';', ':', '—'])
        .map_or(between, |i| &between[..i]);
    for c in PREP.captures_iter(clause) {
        let w1 = c.get(2).map_or("", |m| m.as_str());
        let w2 = c.get(3).map_or("", |m| m.as_str());
        let prep = c.get(1).map_or("", |m| m.as_str());
        if prep == "of" && w1.is_empty() {
            continue;
        }
        // "for the first quarter", "in fiscal 2024"; "of $": fine.
        let word = if matches!(w1, "the" | "a" | "an" | "its" | "our" | "each") {
            w2
        } else {
            w1
        };
        if word.is_empty() || periodish_word(word) {
            continue;
        }
        if prep == "of" || prep == "by" {
            // "growth of", "by 12%": not a place.
            continue;
        }
        if word == "operations" && prep == "from" {
            continue;
        }
        return Err(format!(
            "\"{prep} {word}\" narrows the concept to a part of the business"
        ));
    }
    Ok(())
}

/// The part of the business named right after a concept phrase ("revenue
/// in Intelligent Cloud was", "revenue from Productivity and Business
/// Processes increased"), when a table shows that part of the measure: the
/// words from the preposition to the verb must be the whole part name.
fn part_after(res: &Resolved, rates: &Rates, between: &str, concept: &str) -> Option<String> {
    static PART_AFTER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?:in|from|for|of)\s+(?:the\s+)?(?P<part>[a-z0-9&'’ -]+?)\s+(?:segment\s+)?(?:was|were|totaled|grew|increased|decreased|declined|rose|fell|reached|came in at)(?-u:\b)")
            .expect("re")
    });
    if res.segment_facts.is_empty() && !rates.has_parts() {
        return None;
    }
    let between = between.find('$').map_or(between, |i| &between[..i]);
    let part = PART_AFTER.captures(between)?.name("part")?.as_str();
    let key = format!("{concept}@{}", crate::resolve::part_name(part));
    (res.segment_facts.iter().any(|f| f.concept == key) || rates.has(&key)).then_some(key)
}

/// The concept named right after a figure ("$0.5 million of net income",
/// "$0.01 pro forma net income per diluted share").
/// `None`: no concept follows; `Some(None)`: another measure follows
/// ("of segment revenue"), so the claim says nothing checkable.
fn named_after(concepts: &Concepts, after: &str) -> Option<Option<(String, usize, usize)>> {
    let rest = match OF_AFTER.find(after) {
        Some(m) => after[m.end()..].to_lowercase(),
        None => after.trim_start().to_lowercase(),
    };
    let head: String = rest
        .split_whitespace()
        .take(8)
        .collect::<Vec<_>>()
        .join(" ");
    let found = concepts.phrases_in(&head);
    match found.first() {
        Some(&(name, 0, e)) => {
            // "$0.01 pro forma net income per diluted share": the longest
            // phrase opening the words is the concept.
            Some(Some((name.to_string(), usize::MAX, e)))
        }
        _ if OF_AFTER.is_match(after)
            && QUALIFIER.is_match(&head[..floor_char(&head, head.len().min(30))]) =>
        {
            Some(None)
        }
        _ => None,
    }
}

/// The per-share measure of an amount concept: net income's is diluted
/// EPS ("net income of $0.5 million, or $0.00 per diluted share"); others
/// are `CONCEPT_per_share` when the vocabulary has it.
fn per_share_of(concepts: &Concepts, concept: &str, diluted: bool, basic: bool) -> Option<String> {
    if concept.starts_with("eps") || concept.ends_with("_per_share") {
        return Some(concept.to_string());
    }
    if concept == "net_income" {
        return Some(
            match (diluted, basic) {
                (true, _) => "eps_diluted",
                (false, true) => "eps_basic",
                // "net income of $53 million, or $0.24 per share": either
                // one the tables print.
                _ => "eps",
            }
            .to_string(),
        );
    }
    let name = format!("{concept}_per_share");
    concepts.contains(&name).then_some(name)
}

/// What names a claim's concept: the vocabulary's phrases, and the
/// document's own row labels.
#[derive(Clone, Copy)]
struct Vocab<'a, 'd> {
    concepts: &'a Concepts,
    labels: &'a RowLabels<'d>,
    rates: &'a Rates<'d>,
    headings: &'a Headings,
    issuer: &'a Issuer,
    /// The (quarter, year) of every outlook column (`Column::is_forecast`):
    /// none, and a forward-looking figure has nothing to be checked against.
    outlook: &'a [(Option<u8>, Option<i32>)],
}

/// Checks every narrative figure of the document.
pub fn check<'d>(
    doc: &'d Document,
    res: &'d Resolved<'d>,
    concepts: &Concepts,
    rule: &Rule,
    out: &mut Outcome,
) {
    let periods = DocPeriods::new(doc, res);
    let (labels, rates) = if doc.mentions.is_empty() {
        (RowLabels::default(), Rates::default())
    } else {
        (
            RowLabels::new(doc, &res.row_scales),
            Rates::new(doc, res, concepts),
        )
    };
    let headings = Headings::new(doc);
    let mut issuer = Issuer::new(doc);
    issuer.reports_earnings = reports_earnings(doc, &issuer);
    let outlook: Vec<(Option<u8>, Option<i32>)> = doc
        .tables
        .iter()
        .flat_map(|t| &t.columns)
        .filter(|c| c.is_forecast())
        .map(|c| (c.period.quarter, c.period.year))
        .collect();
    let mut ties = Ties::default();
    for (i, m) in doc.mentions.iter().enumerate() {
        // Each figure reads its sentence (at most SENTENCE_REACH bytes each
        // way), looks through the facts of the tables and at the other
        // figures.
        let cost = doc.mentions.len() + (SENTENCE_REACH + res.facts.len()) / 16 + 1;
        if !crate::budget::spend(cost as u64) {
            return;
        }
        let vocab = Vocab {
            concepts,
            labels: &labels,
            rates: &rates,
            headings: &headings,
            issuer: &issuer,
            outlook: &outlook,
        };
        let mut forward = None;
        let checked = check_mention(
            doc,
            res,
            vocab,
            &periods,
            &mut ties,
            i,
            rule,
            out,
            &mut forward,
        );
        if let Err(why) = checked {
            // An outlook's growth over a reported base ties to the base.
            if forward.is_some()
                && outlook::check(doc, res, concepts, &periods, i, rule, out).is_some()
            {
                continue;
            }
            // A range the tables print in one cell.
            if outlook::against_range_cell(doc, concepts, i, rule, out).is_some() {
                continue;
            }
            // A forward-looking figure is checked only against an outlook
            // the tables print; whatever else stops it, that is why it is
            // not.
            out.notes.insert(m.span, forward.unwrap_or(why));
        }
    }
}

/// The concept of a mention and where its phrase is (`usize::MAX`: after
/// the figure), with the phrase's end.
fn concept_of(
    doc: &Document,
    vocab: Vocab,
    i: usize,
    start: usize,
    end: usize,
    assertion: Assertion,
) -> Result<(String, usize, usize), String> {
    let concepts = vocab.concepts;
    let m = &doc.mentions[i];
    let prose = prose(doc, m.block);
    let text: &str = &prose;
    let lower = unglue_footnotes(text[start..m.start].to_lowercase());
    let after = &text[m.end..end.max(m.end)];
    if assertion == Assertion::Margin {
        if let Some(x) = tax_rate_phrase(&lower) {
            // "effective non-GAAP tax rate", "non-GAAP effective tax
            // rate", "effective tax rates for non-GAAP adjusted income".
            // "The non-GAAP effective tax rate": the basis word is the
            // phrase's own, not a part of the business before it.
            let basis_before = NON_GAAP_BEFORE.find(&lower[..x.start()]);
            let non_gaap = x.as_str().contains("non")
                || x.as_str().contains("adjusted")
                || basis_before.is_some()
                || NON_GAAP_INCOME.is_match(&lower[x.end()..]);
            let concept = if non_gaap {
                "non_gaap_effective_tax_rate"
            } else {
                "effective_tax_rate"
            };
            let at = basis_before.map_or(x.start(), |b| b.start());
            return Ok((concept.to_string(), at, x.end()));
        }
        // "operating margin was 28%": operating income over revenue;
        // "pre-tax margin": pre-tax income over revenue.
        let ((gaap, non_gaap), at, to) = match OTHER_MARGIN
            .find_iter(&lower)
            .last()
            .and_then(|x| Some((other_margin_concepts(x.as_str())?, x.start(), x.end())))
        {
            Some(found) => found,
            None => {
                let (at, to) = MARGIN
                    .find_iter(&lower)
                    .last()
                    .map_or((0, "gross margin".len()), |x| (x.start(), x.end()));
                (("gross_margin", "non_gaap_gross_margin"), at, to)
            }
        };
        // "Gross Profit Margin: GAAP: 56.8 percent …; Operating (Non-GAAP):
        // 57.8 percent": the label of the figure's own clause.
        if let Some(non) = clause_basis(&lower[to..]) {
            return Ok(((if non { non_gaap } else { gaap }).to_string(), at, to));
        }
        // "non-GAAP operating margin was 47%"; "GAAP and non-GAAP gross
        // margins were 60.5% and 61.0%, respectively".
        let before = &lower[..at];
        if let Some(p) = GAAP_AND_NON_GAAP.find(before) {
            let index = respectively_list(doc, text, i, start, end).map(|l| l.index);
            return match index {
                Some(0) => Ok((gaap.to_string(), p.start(), to)),
                Some(1) => Ok((non_gaap.to_string(), p.start(), to)),
                _ => Err("GAAP and non-GAAP margins, and not one per figure".into()),
            };
        }
        if let Some(q) = NON_GAAP_BEFORE.find(before) {
            return Ok((non_gaap.to_string(), q.start(), to));
        }
        return Ok((gaap.to_string(), at, to));
    }
    // "X and Y of $1 and $2, respectively"; "Free cash flow was $11.50
    // billion and $43.01 billion for the fourth quarter and full year
    // 2023, respectively": one concept, a period each.
    if let Some(list) = respectively_list(doc, text, i, start, end) {
        let head = text[start..list.head_end].to_lowercase();
        let named = concepts.phrases_in(&head);
        // A list of periods with no "respectively" distributes periods,
        // never concepts.
        if list.implicit && named.len() >= 2 {
            return Err("a list of figures over a list of periods and several concepts".into());
        }
        if named.len() >= list.n {
            let (name, s, e) = named[named.len() - list.n + list.index];
            return Ok((name.to_string(), s, e));
        }
        // "GAAP and non-GAAP earnings per diluted share were $0.76 and
        // $0.81, respectively": the measure, then its non-GAAP measure.
        if let (2, Some(&(name, s, e))) = (list.n, named.last()) {
            // The vocabulary may read "non-GAAP earnings per diluted share"
            // as the non-GAAP measure's own phrase, "GAAP and" before it.
            let pair = if GAAP_AND_NON_GAAP.is_match(&head[..s]) {
                non_gaap_of(name).map(|n| (name, n))
            } else if GAAP_AND.is_match(&head[..s]) {
                gaap_of(name).map(|g| (g, name))
            } else {
                None
            };
            if let Some((gaap, non_gaap)) = pair {
                let c = if list.index == 0 { gaap } else { non_gaap };
                return Ok((c.to_string(), s, e));
            }
        }
        // "GAAP and non-GAAP operating expenses are expected to be $5.9
        // billion and $4.2 billion, respectively": the document's rows of
        // each basis ("GAAP operating expenses", "Non-GAAP operating
        // expenses"), the GAAP one also unprefixed.
        if let Some(pair) = (list.n == 2)
            .then(|| basis_pair_rows(&head, &vocab, list.index))
            .flatten()
        {
            return Ok(pair);
        }
        if list.periods().is_none() {
            return Err("a \"respectively\" list whose concepts are not all named".into());
        }
    }
    // "a strong Q2 with 17% revenue growth": the measure between the rate
    // and its growth, when its words are all the measure's name.
    if assertion == Assertion::Growth {
        static MEASURE_GROWTH: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)^\s*(%|percent)\s+((year[- ]over[- ]year|sequential)\s+)?(?P<words>[a-z][a-z -]{0,40}?)\s+(growth|increase|decrease|decline)(?-u:\b)")
                .expect("re")
        });
        if let Some(c) = MEASURE_GROWTH.captures(after) {
            let words = c["words"].to_lowercase();
            if let Some(&(name, 0, e)) = concepts.phrases_in(&words).first() {
                if e == words.len() {
                    return Ok((name.to_string(), usize::MAX, e));
                }
            }
        }
    }
    if m.kind != MentionKind::PerShare {
        if let Some(c) = CASH_AND_INVESTMENTS.find_iter(&lower).last() {
            // "cash, cash equivalents and investments" names a sum, unless a
            // concept is named after it.
            return Ok(match concepts.phrases_in(&lower).last() {
                Some(&(n, s, e)) if s > c.start() => (n.to_string(), s, e),
                _ => ("cash_and_investments".to_string(), c.start(), c.end()),
            });
        }
    }
    if assertion == Assertion::Value || m.kind == MentionKind::PerShare {
        match named_after(concepts, after) {
            // "pro forma net income … was $2.0 million, or $0.01 per
            // diluted share": the per-share measure of the concept before.
            Some(Some(x))
                if m.kind == MentionKind::PerShare
                    && matches!(x.0.as_str(), "eps" | "eps_diluted" | "eps_basic") =>
            {
                if let Some(&(n, s, e)) = concepts.phrases_in(&lower).last() {
                    if per_share_of(concepts, n, true, false).is_some()
                        && !matches!(n, "net_income")
                    {
                        return Ok((n.to_string(), s, e));
                    }
                }
                return Ok(x);
            }
            Some(Some(x)) => return Ok(x),
            Some(None) => {
                return Err("the measure named after the figure is not in the vocabulary".into())
            }
            None => {}
        }
    }
    // A row label nearer the figure than any vocabulary phrase names it
    // ("Total costs and expenses were $22.64 billion"); one that only
    // contains the phrase ("GAAP net income") leaves it to the vocabulary.
    let unit = match m.kind {
        MentionKind::PerShare => crate::document::Unit::PerShare,
        _ => crate::document::Unit::Amount,
    };
    let label =
        vocab
            .labels
            .named_before(&lower, &label_anchors(doc, i, start), unit, vocab.issuer);
    let phrases = concepts.phrases_in(&lower);
    let mut phrase = phrases.last().copied();
    // "adjusted earnings per share (EPS) of $2.68": the abbreviation in
    // parentheses names the phrase before it, which says which measure.
    if let [.., (n, s, e), (_, ps, pe)] = phrases[..] {
        let abbreviates = lower.get(e..ps).is_some_and(|gap| gap.trim() == "(")
            && lower
                .get(pe..)
                .is_some_and(|rest| rest.trim_start().starts_with(')'));
        if abbreviates {
            phrase = Some((n, s, e));
        }
    }
    if let Some(l) = label.filter(|l| phrase.is_none_or(|(_, _, e)| l.2 > e)) {
        return Ok(l);
    }
    match phrase {
        Some((n, s, e)) => {
            // "net income was $1,798 million, $4.04 per diluted share,
            // compared to $1,589 million, $3.58 per diluted share": the
            // comparison repeats the pair in the same order, so the amount
            // after "compared to" is the earlier amount's measure, not the
            // per-share phrase that happens to stand nearest.
            let per_share_phrase = n.starts_with("eps") || n.ends_with("_per_share");
            if per_share_phrase && m.kind == MentionKind::Money && m.scale > Decimal::ONE {
                if let Some(x) = paired_amount_concept(doc, vocab, i, start, end, s, e) {
                    return Ok(x);
                }
            }
            Ok((n.to_string(), s, e))
        }
        None => match issuer_earnings(&lower, vocab.issuer)
            .or_else(|| plain_earnings(&lower).filter(|_| vocab.issuer.reports_earnings))
        {
            Some((s, e)) => Ok(("net_income".to_string(), s, e)),
            None => Err("no concept named before the figure".into()),
        },
    }
}

/// "Exxon Mobil Corporation today announced fourth-quarter 2023 earnings
/// of $7.6 billion, or $1.67 per share assuming dilution", "For the full
/// year 2023, the company reported earnings of $36.0 billion": "earnings"
/// alone is net income when the company itself reports them. Anywhere else
/// the word is too loose to tie: "Upstream earnings", or "Second-quarter
/// earnings were $7.1 billion" under a segment's heading, are a part's.
/// Where "earnings" (a concept-less word) stands before the figure.
fn issuer_earnings(lower: &str, issuer: &Issuer) -> Option<(usize, usize)> {
    static TO_FIGURE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s+(of|totaling|totaled|were|was)\s*\\?\$?\s*(\d[\d.,]*\s*(million|billion)?\s*,?\s*or\s*\\?\$?\s*)?$")
            .expect("re")
    });
    let at = lower.rfind("earnings")?;
    let e = at + "earnings".len();
    if !lower.is_char_boundary(at) || !TO_FIGURE.is_match(&lower[e..]) {
        return None;
    }
    let mut words = lower[..at].split_whitespace().rev();
    // The period and modifiers of the earnings, back to the verb.
    let mut verb = false;
    for raw in words.by_ref() {
        let w = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        if matches!(w, "announced" | "reported" | "posted") {
            verb = true;
            break;
        }
        let periodish = !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
        if !(MODIFIERS.contains(&w) || periodish) || raw.ends_with([',', ';', ':']) {
            return None;
        }
    }
    // The company names itself, back to the start of its clause: "the
    // company", "we", its name, or any name before a corporate form.
    let mut subject = false;
    let mut corporate = false;
    for raw in words {
        if raw.ends_with([',', ';', ':']) || raw.chars().all(|c| !c.is_alphanumeric()) {
            break;
        }
        let w = raw.trim_matches(|c: char| !c.is_alphanumeric());
        match w {
            "today" | "the" => continue,
            "company" | "we" => subject = true,
            "inc" | "corporation" | "corp" | "plc" | "ltd" => (subject, corporate) = (true, true),
            _ if corporate || issuer.names(w) => subject = true,
            _ => return None,
        }
    }
    (verb && subject).then_some((at, e))
}

/// Does the company report its results as "earnings" somewhere in the
/// release's opening ("… today announced second-quarter 2024 earnings of
/// $9.2 billion")? Read once per document.
fn reports_earnings(doc: &Document, issuer: &Issuer) -> bool {
    static EARNINGS_OF: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)earnings\s+(of|totaling|totaled|were|was)\s*\$").expect("re")
    });
    doc.blocks.iter().take(20).any(|b| {
        let lower = b.text.text().to_lowercase();
        EARNINGS_OF
            .find_iter(&lower)
            .any(|m| issuer_earnings(&lower[..m.end()], issuer).is_some())
    })
}

/// "Second-quarter earnings were $7.1 billion", "Year-to-date earnings
/// were $17.5 billion": "earnings" right before the figure, as the
/// subject of its clause (what stands before it is checked as any
/// concept's subject is: a part's name makes it the part's). Where it
/// stands. Read as net income only in a release whose company reports its
/// results as earnings ([`reports_earnings`]).
fn plain_earnings(lower: &str) -> Option<(usize, usize)> {
    static TO_FIGURE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s+(of|totaling|totaled|were|was|(increased|decreased|improved|declined|rose|fell|grew)(\s+by)?)\s*\\?\$?\s*\(?$").expect("re")
    });
    // "were $7.1 billion, an increase of $1.4 billion", "were $779
    // million compared to $785 million": the earnings' change or the
    // amount they are compared with.
    static THEN_FIGURE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s+(of|totaling|totaled|were|was)\s*\\?\$?\s*\(?[\d.,]+\)?\s*(million|billion)?\s*,?\s*(versus|vs\.?|compared (to|with)|from|an? (increase|decrease|improvement|decline) of)\s*\\?\$?\s*\(?$")
            .expect("re")
    });
    let at = lower.rfind("earnings")?;
    let e = at + "earnings".len();
    // "Excluding identified items, earnings increased $1.6 billion": a
    // measure the tables print under another name, if at all.
    if !lower.is_char_boundary(at)
        || !(TO_FIGURE.is_match(&lower[e..]) || THEN_FIGURE.is_match(&lower[e..]))
        || lower[..at].ends_with(|c: char| c.is_alphanumeric())
        || lower[..at].contains("exclud")
        || lower[..at].contains("non-gaap")
    {
        return None;
    }
    Some((at, e))
}

/// "by" right before a figure: the amount something moved by.
static BY_AMOUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)by\s+((approximately|about|roughly|nearly|some|around|an?|an additional)\s+)?\\?\$?\s*\(?$")
        .expect("re")
});

/// The income a tax rate is on, when it is the non-GAAP measure's: "for
/// non-GAAP adjusted income", "on adjusted income".
static NON_GAAP_INCOME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(for|on)\s+(non-?gaap\s+(adjusted\s+)?|adjusted\s+)income(?-u:\b)")
        .expect("re")
});
/// "non-GAAP" right before a measure.
static NON_GAAP_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)(non-?gaap|adjusted)\s+$").expect("re"));

/// "GAAP and non-GAAP" right before a measure: two measures of one name.
static GAAP_AND_NON_GAAP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(gaap|reported)\s+and\s+(non-?gaap|adjusted)\s+$").expect("re")
});

static GAAP_AND: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)(gaap|reported)\s+and\s+$").expect("re"));

/// The row of the document a "GAAP and non-GAAP X" pair names for the
/// figure at `index` of a two-figure "respectively" list: "GAAP X" (or
/// "X") first, "Non-GAAP X" second, both rows of amounts.
fn basis_pair_rows(head: &str, vocab: &Vocab, index: usize) -> Option<(String, usize, usize)> {
    static PAIR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)gaap\s+and\s+non-?gaap\s+(?P<measure>[a-z][a-z ]{2,60}?)\s+(are|were|was|is|of|to|totaled|totalled|came|will|be)(?-u:\b)")
            .expect("re")
    });
    let c = PAIR.captures(head)?;
    let measure = c.name("measure")?;
    let key = labels::key_of(measure.as_str())?;
    let unit = crate::document::Unit::Amount;
    let row = match index {
        0 => [format!("gaap {key}"), key.clone()]
            .into_iter()
            .find(|k| vocab.labels.has(k, unit))?,
        1 => Some(format!("non gaap {key}")).filter(|k| vocab.labels.has(k, unit))?,
        _ => return None,
    };
    let at = c.get(0).map_or(0, |m| m.start());
    Some((format!("{ROW}{row}"), at, measure.end()))
}

/// The GAAP measure of a non-GAAP concept.
fn gaap_of(concept: &str) -> Option<&'static str> {
    match concept {
        "non_gaap_operating_income" => Some("operating_income"),
        "non_gaap_net_income" => Some("net_income"),
        "non_gaap_net_income_per_share" => Some("eps_diluted"),
        "non_gaap_effective_tax_rate" => Some("effective_tax_rate"),
        _ => None,
    }
}

/// The non-GAAP measure of a GAAP concept, when the vocabulary has one.
fn non_gaap_of(concept: &str) -> Option<&'static str> {
    match concept {
        "operating_income" => Some("non_gaap_operating_income"),
        "net_income" => Some("non_gaap_net_income"),
        "eps" | "eps_diluted" => Some("non_gaap_net_income_per_share"),
        "effective_tax_rate" => Some("non_gaap_effective_tax_rate"),
        _ => None,
    }
}

/// A figure's place in a list of figures that "respectively" distributes
/// over concepts or periods named before or after it.
struct RespectivelyList {
    /// The figure's position in the list, and the list's length.
    index: usize,
    n: usize,
    /// Where the first figure of the list starts (the words before it name
    /// the concepts).
    head_end: usize,
    /// The words between the last figure and "respectively", and those
    /// between the figure before the list and its first (either may name
    /// the periods: "were $23.73 billion and $88.15 billion for the fourth
    /// quarter and full year 2023, a decrease of 8% and an increase of 1%
    /// year-over-year, respectively").
    tail: String,
    lead: String,
    /// No "respectively": the sentence opens on as many periods as the
    /// list has figures ("For the twelve months ended March 31, 2023 and
    /// 2024, … of $6,544 million and $3,774 million").
    implicit: bool,
}

impl RespectivelyList {
    /// The periods the list distributes over, one per figure.
    fn periods(&self) -> Option<Vec<PeriodClue>> {
        [&self.tail, &self.lead]
            .into_iter()
            .map(|t| period_list(t))
            .find(|p| p.len() == self.n)
    }
}

fn respectively_list(
    doc: &Document,
    text: &str,
    i: usize,
    start: usize,
    end: usize,
) -> Option<RespectivelyList> {
    let m = &doc.mentions[i];
    let after = &text[m.end..end.max(m.end)];
    // Where the list may end: at "respectively", or, for a sentence that
    // opens on its periods, at the sentence's end.
    static OPENING_PERIODS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\W*(\(?[0-9a-z]\)\W*)?(for|in|during)\s+(the\s+)?(fiscal\s+)?(first|second|third|fourth|three|six|nine|twelve|\d{4}\b)")
            .expect("re")
    });
    let (r_end, implicit) = match RESPECTIVELY.find(after) {
        Some(r) => (m.end + r.start(), false),
        None if OPENING_PERIODS.is_match(text.get(start..m.start).unwrap_or("")) => {
            (end.max(m.end), true)
        }
        None => return None,
    };
    // The figures of the sentence, read from the figure outwards: a scan
    // of the document's would cost its length for every figure.
    let before = doc.mentions[..i]
        .iter()
        .rev()
        .take_while(|o| o.block == m.block && o.start >= start);
    let from_here = doc.mentions[i..]
        .iter()
        .take_while(|o| o.block == m.block && o.end <= r_end);
    let mut mentions: Vec<&Mention> = before.collect();
    mentions.reverse();
    mentions.extend(from_here);
    let at = mentions.iter().position(|o| o.start == m.start)?;
    // The list the figure is in: figures separated only by "and", ",", or
    // by the direction of each rate ("a decrease of 8% and an increase of
    // 1%"); a negative rate's parenthesis ("16.9% and (6.7%)", "(3.1)%
    // and 7.5%") is the figure's own.
    static RATE_GAP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*\)?\s*(%|percent)\s*\)?\s*,?\s*(and|or)\s+((an?\s+)?(increase|decrease|decline|rise|growth|drop|improvement)\s+(of|by)\s*)?\(?$")
            .expect("re")
    });
    let joined = |a: &Mention, b: &Mention| {
        let gap = &text[a.end..b.start];
        LIST_GAP.is_match(gap)
            || a.kind == MentionKind::Percent
                && b.kind == MentionKind::Percent
                && RATE_GAP.is_match(gap)
    };
    let mut first = at;
    while first > 0 && joined(mentions[first - 1], mentions[first]) {
        first -= 1;
    }
    let mut last = at;
    while last + 1 < mentions.len() && joined(mentions[last], mentions[last + 1]) {
        last += 1;
    }
    let n = last - first + 1;
    let lead_from = first.checked_sub(1).map_or(start, |k| mentions[k].end);
    let list = RespectivelyList {
        index: at - first,
        n,
        head_end: mentions[first].start,
        tail: text
            .get(mentions[last].end..r_end)
            .unwrap_or("")
            .to_string(),
        lead: text
            .get(lead_from..mentions[first].start)
            .unwrap_or("")
            .to_string(),
        implicit,
    };
    // Without "respectively", only the sentence's one list, after its
    // opening periods, one period per figure.
    if implicit
        && (first != 0
            || last + 1 != mentions.len()
            || period_list(&list.lead).len() != n
            || !period_list(&list.tail).is_empty())
    {
        return None;
    }
    (n >= 2).then_some(list)
}

/// The periods a list names in order ("for the fourth quarter and full
/// year 2023", "for the three and twelve months ended December 31, 2023",
/// "for the three months ended September 30, 2024 and 2025").
fn period_list(tail: &str) -> Vec<PeriodClue> {
    static LENGTHS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(three|six|nine|twelve)\s+and\s+(three|six|nine|twelve)\s+months\s+ended\s+")
            .expect("re")
    });
    static YEARS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?P<md>(january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{1,2}),?\s+(?P<y1>\d{4})\s+and\s+(?P<y2>\d{4})")
            .expect("re")
    });
    // "in fiscal 2024 and 2023", "in the fourth quarter of fiscal 2024 and
    // 2023": the second year is the first one's kind of period.
    static FISCAL_YEARS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?P<lead>((first|second|third|fourth)\s+quarter\s+of\s+)?fiscal\s+(year\s+)?)(?P<y1>\d{4})\s+and\s+(?P<y2>\d{4})(?-u:\b)")
            .expect("re")
    });
    // Spell both members out, so each reads as a period of its own.
    let mut t = tail.to_string();
    if let Some(c) = FISCAL_YEARS.captures(&t) {
        let spelled = format!("{}{} and {}{}", &c["lead"], &c["y1"], &c["lead"], &c["y2"]);
        t.replace_range(c.get(0).map_or(0..0, |x| x.range()), &spelled);
    }
    if let Some(c) = LENGTHS.captures(&t) {
        let date_at = c.get(0).map_or(0, |x| x.end());
        let date: String = t[date_at..]
            .split([';', '('])
            .next()
            .unwrap_or("")
            .trim_end_matches([',', '.', ' '])
            .to_string();
        let spelled = format!("{} months ended {date} and {} months ended ", &c[1], &c[2]);
        t.replace_range(c.get(0).map_or(0..0, |x| x.range()), &spelled);
    }
    if let Some(c) = YEARS.captures(&t) {
        let spelled = format!("{} {} and {} {}", &c["md"], &c["y1"], &c["md"], &c["y2"]);
        t.replace_range(c.get(0).map_or(0..0, |x| x.range()), &spelled);
    }
    let mut out = Vec::new();
    for c in PERIOD.captures_iter(&t) {
        let clue = clue_of(&c);
        if clue != PeriodClue::default() {
            out.push(clue);
        }
    }
    // "for the three months ended September 30, 2024 and 2025": the
    // second date has the first one's length.
    if out.len() == 2 && out[1].months.is_none() && out[1].date.is_some() {
        out[1].months = out[0].months;
    }
    out
}

/// The concept of the amount a per-share phrase followed, when the figure
/// after that phrase is its comparative: an earlier amount of the sentence
/// stands before the per-share phrase, with a per-share figure between
/// them, and a comparison ("compared to", "versus") leads from the phrase
/// to the figure.
fn paired_amount_concept(
    doc: &Document,
    vocab: Vocab,
    i: usize,
    start: usize,
    end: usize,
    phrase_at: usize,
    phrase_end: usize,
) -> Option<(String, usize, usize)> {
    let m = &doc.mentions[i];
    let prose = prose(doc, m.block);
    let text: &str = &prose;
    let gap = text.get(start + phrase_end..m.start)?;
    if !CARRY.is_match(gap) || !vocab.concepts.phrases_in(&gap.to_lowercase()).is_empty() {
        return None;
    }
    let earlier: Vec<usize> = (0..i)
        .filter(|&j| {
            let o = &doc.mentions[j];
            o.block == m.block && o.start >= start && o.end <= start + phrase_at
        })
        .collect();
    let (&per_share, before) = earlier.split_last()?;
    if doc.mentions[per_share].kind == MentionKind::Money
        && doc.mentions[per_share].scale > Decimal::ONE
    {
        return None;
    }
    let &j = before.last()?;
    let amount = &doc.mentions[j];
    if amount.kind != MentionKind::Money || amount.scale <= Decimal::ONE {
        return None;
    }
    let (c, s, e) = concept_of(doc, vocab, j, start, end, Assertion::Value).ok()?;
    if c.starts_with("eps") || c.ends_with("_per_share") {
        return None;
    }
    Some((c, s, e))
}

/// Where the figures of a sentence stand before figure `i`, nearest first,
/// as (end of the figure before, start of this one) in the sentence from
/// `start`: a row label is looked for in each gap, nearest first.
fn label_anchors(doc: &Document, i: usize, start: usize) -> Vec<(usize, usize)> {
    let m = &doc.mentions[i];
    let earlier: Vec<&Mention> = doc.mentions[..i]
        .iter()
        .rev()
        .take_while(|o| o.block == m.block && o.start >= start)
        .take(4)
        .collect();
    let mut out = Vec::with_capacity(earlier.len() + 1);
    let mut at = m.start;
    for o in &earlier {
        out.push((o.end.saturating_sub(start), at - start));
        at = o.start;
    }
    if earlier.len() < 4 {
        out.push((0, at - start));
    }
    out
}

/// A forecast the results are measured against, after a figure stated in
/// the past tense: "EPS for the first quarter was $5.28 vs. $2.88 last year
/// and our $4.49 forecast", "Revenue in Q3 grew 17%, in-line with our
/// forecast", "Operating margin of 28% was below our guidance of 31.5%".
/// The noun looks back; the figure before it is history. The forecast's
/// own figure ("our $4.49", "guidance of 31.5%") and the miss right before
/// the comparison ("$1.00 below forecast") stay unchecked.
fn past_forecast(sentence: &str, word: regex::Match, figure: std::ops::Range<usize>) -> bool {
    static NOUN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(forecasts?|guidance|outlook|expectations|estimates)$").expect("re")
    });
    static LOOKS_BACK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(vs\.?|versus|and|than|below|above|ahead of|in line with|in-line with|beat|exceeded|compared (to|with))\s+((our|the|its|their)\s+)?((previous|prior|original|internal)\s+)?(\\?\$?\s*\d[\d.,]*\s*(million|billion|[bm])?\s+)?$")
            .expect("re")
    });
    static PAST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(was|were|grew|totaled|totalled|increased|decreased|rose|fell|declined|came in)(?-u:\b)")
            .expect("re")
    });
    // "our guidance of 31.5%": the forecast's own figure.
    if !NOUN.is_match(word.as_str()) || figure.start >= word.end() {
        return false;
    }
    let Some(before) = sentence.get(..word.start()) else {
        return false;
    };
    if let Some(lead) = LOOKS_BACK.find(before) {
        // "… and our $4.49 forecast": the forecast's own figure too.
        if figure.end > lead.start() {
            return false;
        }
        // "$1.00 below forecast": the miss, not a result; "grew 17%, in
        // line with our forecast" and "$5.28 vs. $2.88 last year and our
        // forecast" set the result apart.
        let between = sentence.get(figure.end..lead.start()).unwrap_or("");
        let apart = between.contains([',', ';'])
            || between
                .split(|c: char| !c.is_alphabetic())
                .any(|w| !w.is_empty() && !matches!(w, "million" | "billion" | "B" | "M"));
        if !apart {
            return false;
        }
    }
    // The figure's own clause is history: a past verb before the figure
    // ("EPS was $5.28 vs. our $4.49 forecast") or between it and the noun
    // ("Operating margin of 28% was below our guidance", "… that was not
    // in our forecast").
    sentence
        .get(..figure.start)
        .is_some_and(|b| PAST.is_match(b))
        || sentence
            .get(figure.end..word.start())
            .is_some_and(|b| PAST.is_match(b))
}

/// Is "plan" or "plans" a noun here (`before` and `rest` the sentence
/// around it)? The verb is followed by "to" or has a person or the
/// company before it ("we plan", "the Company plans"); anything else
/// ("price change, plan mix", "ads plan", "benefit plans") is a thing.
fn noun_plan(before: &str, word: &str, rest: &str) -> bool {
    if !word.eq_ignore_ascii_case("plan") && !word.eq_ignore_ascii_case("plans") {
        return false;
    }
    let rest = rest.to_ascii_lowercase();
    if rest.starts_with("to ") || rest.starts_with("on ") {
        return false;
    }
    let last = before
        .split(|c: char| !c.is_alphanumeric())
        .rfind(|w| !w.is_empty())
        .unwrap_or("")
        .to_ascii_lowercase();
    !matches!(
        last.as_str(),
        "we" | "i" | "it" | "they" | "company" | "management" | "board" | "also" | "still" | "now"
    )
}

/// Whether the figure at `figure` is the reported base an outlook is
/// measured against, with the dated period it was reported for:
/// "Operating income is expected to be between $16.0 billion and $20.0
/// billion, compared with $13.2 billion in fourth quarter 2023". The
/// sentence looks ahead; this figure is history, and ties to the tables
/// like any other.
fn comparison_base(sentence: &str, figure: std::ops::Range<usize>) -> bool {
    static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(compared (with|to)|versus|vs\.)\s*\\?\$?\s*\(?$").expect("re")
    });
    static DATED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\)?\s*(million|billion|thousand)?\s*(in|for|during)\s+(the\s+)?(first|second|third|fourth|q[1-4]|fiscal|full|year|quarter|three|six|nine|twelve)[a-z\s-]{0,30}((19|20)\d\d|fy\d\d)(?-u:\b)\s*(\.|,|;|$)")
            .expect("re")
    });
    sentence
        .get(..figure.start)
        .is_some_and(|b| BEFORE.is_match(b))
        && sentence
            .get(figure.end..)
            .is_some_and(|a| DATED_AFTER.is_match(a))
}

#[allow(clippy::too_many_arguments)]
fn check_mention<'d>(
    doc: &'d Document,
    res: &'d Resolved<'d>,
    vocab: Vocab<'d, 'd>,
    periods: &DocPeriods,
    ties: &mut Ties,
    i: usize,
    rule: &Rule,
    out: &mut Outcome,
    forward: &mut Option<String>,
) -> Result<(), String> {
    let m = &doc.mentions[i];
    let prose = prose(doc, m.block);
    let text: &str = &prose;
    let start = sentence_start(text, m.start);
    let end = sentence_end(text, m.end);
    let sentence = &text[start..end];
    // A block that opens mid-sentence ("million, or $0.29 per diluted
    // share" after a page or line break) has lost its subject.
    if start == 0
        && sentence
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .starts_with(|c: char| c.is_lowercase())
    {
        return Err("the sentence begins before this block (its subject is not here)".into());
    }
    // A forward-looking figure goes on only to be checked against the
    // columns of an outlook ("Q1 FY2025 Outlook"); the period of a list's
    // figures is the one its lead names ("NVIDIA's outlook for the first
    // quarter of fiscal 2025 is as follows:").
    let mut lead_clue = None;
    if let Some(lead) = vocab.headings.forward(m.block) {
        let words = doc.blocks[lead].text.text();
        let word = FUTURE.find(words).map_or("", |f| f.as_str());
        *forward = Some(format!("forward-looking (a list after \"{word}\")"));
        lead_clue = PERIOD.captures_iter(words).map(|c| clue_of(&c)).next();
    }
    // "May 31, 2024" is a month, not a modal.
    let figure_at = m.start - start;
    // The base an outlook is compared with is history, whatever the
    // sentence's verbs.
    let history = comparison_base(sentence, figure_at..m.end - start);
    let modal = FUTURE.find_iter(sentence).filter(|_| !history).find(|f| {
        let rest = sentence[f.end()..].trim_start();
        // "per share assuming dilution" is diluted EPS.
        !(f.as_str().eq_ignore_ascii_case("may") && rest.starts_with(|c: char| c.is_ascii_digit())
            // "plan mix", "401(k) plan participants", "pension plans": a
            // plan as a thing, not an intention ("we plan to", "plans to").
            || noun_plan(&sentence[..f.start()], f.as_str(), rest)
            || f.as_str().eq_ignore_ascii_case("assuming")
                && rest.to_ascii_lowercase().starts_with("dilution")
            || past_forecast(sentence, *f, figure_at..m.end - start))
    });
    if let Some(f) = modal.filter(|_| forward.is_none()) {
        *forward = Some(format!("forward-looking (\"{}\")", f.as_str()));
    }
    // "expecting second-quarter EPS of $(0.05); non-GAAP EPS of $0.10": a
    // clause after a forward-looking one of the same sentence looks ahead
    // too, to the period the earlier clause names.
    if forward.is_none() && !history {
        // Back over the clauses before this one, each ended by ";".
        let mut lead_from = start;
        while let Some(semi) = text[..lead_from].trim_end().strip_suffix(';') {
            let prev = sentence_start(text, semi.len().saturating_sub(1));
            if prev >= lead_from || semi.is_empty() {
                break;
            }
            lead_from = prev;
        }
        let lead = &text[lead_from..start];
        if !lead.is_empty() {
            if let Some(f) = FUTURE.find(lead) {
                *forward = Some(format!(
                    "forward-looking (\"{}\" in the clause before)",
                    f.as_str()
                ));
                lead_clue = PERIOD.captures_iter(lead).map(|c| clue_of(&c)).last();
            }
        }
    }
    if forward.is_some() && vocab.outlook.is_empty() {
        return Err(String::new());
    }
    // A range ("$12.5 billion to $13.5 billion", "between $7 million and
    // $9 million") is an outlook, whatever its verbs.
    let after_figure = &text[m.end..end.max(m.end)];
    let before_figure = &text[start..m.start];
    let low_end =
        RANGE_AFTER.is_match(after_figure) && !RATE_TO_AMOUNT_AFTER.is_match(after_figure);
    let mut range_end = None;
    if low_end || RANGE_BEFORE.is_match(before_figure) && !RATE_TO_AMOUNT.is_match(before_figure) {
        // An outlook's range ("GAAP: $4.00 to $4.05") is checked end for
        // end against the outlook's Low and High columns, and nothing
        // else: a midpoint or a single figure inside it ties to neither.
        if forward.is_none() {
            return Err("a range".into());
        }
        static HIGH_END: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"(?i)\d\s*(million|billion|thousand)?\s*(%|percent)?\s*(to|-|–|—|and)\s*\$?\s*$",
            )
            .expect("re")
        });
        range_end = Some(!low_end && HIGH_END.is_match(before_figure));
    }
    let lower = unglue_footnotes(text[start..m.start].to_lowercase());
    let next = doc
        .mentions
        .get(i + 1)
        .filter(|o| o.block == m.block && o.start < end)
        .map_or(end, |o| o.start);
    // What is asserted.
    // "increased 15%, or 16% in constant currency", "up 20% in USD and
    // 19% in constant currency", "11% Y/Y, and 13% CC": a rate listed
    // after a growth rate is a growth rate too.
    let listed_rate = m.kind == MentionKind::Percent
        && doc.mentions[..i]
            .last()
            .filter(|p| p.block == m.block && p.start >= start && p.kind == MentionKind::Percent)
            .is_some_and(|p| {
                let before = text[start..p.start].to_lowercase();
                let after = &text[p.end..m.start];
                LISTED_RATE.is_match(after)
                    && (GROWTH.is_match(&before) || GROWTH_AFTER.is_match(after))
            });
    let growth_words = (GROWTH.is_match(&lower)
        || listed_rate
        || m.kind == MentionKind::Percent && GROWTH_AFTER_CHANGE.is_match(&lower)
        || m.kind == MentionKind::Percent && GROWTH_AFTER.is_match(&text[m.end..next.max(m.end)])
        || m.kind == MentionKind::Percent
            && SIGNED_GROWTH.is_match(&lower)
            && YEAR_OVER_YEAR_AFTER.is_match(&text[m.end..next.max(m.end)]))
        && !TO_VALUE.is_match(&lower);
    // "gross margin was 45.3%, up 80 basis points", "operating margin
    // expanded by 4.5 percentage points": the margin's change from a year
    // (or, "sequentially", a quarter) before, named right before the
    // figure with no other measure between.
    let margin_points = m.kind == MentionKind::Points
        && OTHER_MARGIN.find_iter(&lower).last().is_some_and(|x| {
            let gap = &lower[x.end()..];
            // A scorecard line's later clause ("…; Operating (Non-GAAP):
            // 57.8 percent, up 190 basis points") is measured from its label.
            let gap = match gap.rfind(';') {
                Some(k) if basis_clause(gap, k) => &gap[k..],
                _ => gap,
            };
            vocab.concepts.phrases_in(gap).is_empty()
                && !gap.contains("growth")
                && !gap.contains('$')
                && gap.len() <= 80
        });
    let assertion = match m.kind {
        MentionKind::Percent | MentionKind::Points
            if tax_rate_phrase(&lower).is_some() && !growth_words =>
        {
            if m.kind == MentionKind::Points {
                return Err("a change of a tax rate in points".into());
            }
            Assertion::Margin
        }
        MentionKind::Percent | MentionKind::Points
            if (MARGIN.is_match(&lower)
                || OTHER_MARGIN
                    .find_iter(&lower)
                    .last()
                    .is_some_and(|x| other_margin_concepts(x.as_str()).is_some()))
                && (!growth_words || margin_points) =>
        {
            // "operating margin", "gross margin expanded 2 points": another
            // measure, or a change of the margin.
            let last_margin = OTHER_MARGIN.find_iter(&lower).last();
            // "gross profit margin" reads as "profit margin" to the wider
            // pattern; it is gross margin when the two end together.
            let gross_end = MARGIN.find_iter(&lower).last().map(|x| x.end());
            if last_margin.is_some_and(|x| {
                !x.as_str().to_lowercase().starts_with("gross")
                    && !x.as_str().to_lowercase().ends_with("gross margin")
                    && gross_end != Some(x.end())
            }) && !lower.ends_with("gross margin")
            {
                let lm = last_margin
                    .map(|x| x.as_str().to_lowercase())
                    .unwrap_or_default();
                if !matches!(lm.as_str(), "margin" | "margins")
                    && other_margin_concepts(&lm).is_none()
                {
                    return Err(format!(
                        "\"{lm}\" is not gross, operating or pre-tax margin"
                    ));
                }
            }
            if m.kind == MentionKind::Points && !margin_points {
                return Err("a change of a margin in points".into());
            }
            Assertion::Margin
        }
        MentionKind::Percent if growth_words => Assertion::Growth,
        MentionKind::Percent | MentionKind::Points => {
            return Err("a percentage that is neither a growth rate nor gross margin".into())
        }
        // "$12" or "$(0.00)" with no scale word and no "per share": a price
        // or an amount in units, never a statement figure... unless a
        // "respectively" list or a per-share phrase names it.
        MentionKind::Money | MentionKind::PerShare if growth_words => Assertion::Change,
        _ => Assertion::Value,
    };
    let concepts = vocab.concepts;
    // "impacted GAAP and non-GAAP EPS by approximately $(0.23) and
    // $(0.20)", "reduced earnings by $388 million": an amount the measure
    // moved by, not its value.
    let list_head = respectively_list(doc, text, i, start, end).map_or(m.start, |l| l.head_end);
    if assertion == Assertion::Value && BY_AMOUNT.is_match(&text[start..list_head.max(start)]) {
        return Err("an amount the measure changed by, not its value".into());
    }
    let (mut concept, phrase_at, phrase_end) = concept_of(doc, vocab, i, start, end, assertion)?;
    // A per-share figure is the per-share measure of its concept.
    let per_share = m.kind == MentionKind::PerShare
        || (m.kind == MentionKind::Money
            && m.scale == Decimal::ONE
            && (concept.starts_with("eps") || concept.ends_with("_per_share")));
    if per_share {
        let around = format!(
            "{} {}",
            &lower[phrase_at.min(lower.len())..],
            text[m.end..next.max(m.end)].to_lowercase()
        );
        let diluted = around.contains("diluted") || around.contains("assuming dilution");
        // "$2.83 per share ($2.81 per diluted share)": the plain one is
        // basic.
        static THEN_DILUTED: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)^\s*per (common )?share\s*\(\s*\$?\s*\d[\d.]*\s+per (diluted (common )?share|(common )?share on a diluted basis)")
                .expect("re")
        });
        let basic = around.contains("basic")
            || !diluted && THEN_DILUTED.is_match(&text[m.end..end.max(m.end)]);
        concept = match per_share_of(concepts, &concept, diluted, basic) {
            // A row label names a per-share row as it is.
            _ if concept.starts_with(ROW) => concept,
            Some(c) => c,
            None => return Err(format!("no per-share measure of {concept} here")),
        };
    } else if m.kind == MentionKind::Money && m.scale == Decimal::ONE {
        return Err("an amount with no scale word (a price, a count)".into());
    } else if m.kind == MentionKind::Money
        && (concept.starts_with("eps") || concept.ends_with("_per_share"))
    {
        return Err("an amount named as a per-share figure".into());
    }
    // A concept named before an earlier figure of the sentence carries over
    // only through "compared with", "versus", "from" (or to a growth or
    // change about it): "revenues of $42.6 million less $22.2 million of
    // direct cost" does not make $22.2 million revenue.
    if assertion == Assertion::Value && !per_share && phrase_at < lower.len() {
        let between_figures = doc
            .mentions
            .iter()
            .rfind(|o| o.block == m.block && o.start >= start + phrase_at && o.end <= m.start);
        if let Some(prev) = between_figures {
            let gap = text[prev.end..m.start].to_lowercase();
            let respectively = RESPECTIVELY.is_match(&text[m.end..end.max(m.end)])
                || respectively_list(doc, text, i, start, end).is_some_and(|l| l.implicit);
            // "compared to $7.3 million for the fourth quarter of 2025 and
            // $6.1 million for the first quarter of 2025": a list of
            // comparisons carries too.
            let since_phrase = &lower[phrase_at.min(lower.len())..];
            let listed_comparison = CARRY.is_match(since_phrase)
                && LIST_AND.is_match(&gap)
                && concepts.phrases_in(&gap).is_empty();
            if !CARRY.is_match(&gap) && !respectively && !listed_comparison {
                return Err("another figure stands between the concept and this one".into());
            }
        }
    }
    let mut constant_currency = false;
    let own_qualifier = concept.contains("adjusted")
        || concept.contains("pro_forma")
        || concept.contains("normalized")
        || concept.contains("non_gaap");
    // The subject: a part of the business is not the consolidated figure,
    // but is the part's own row when a table shows one.
    let mut part = false;
    if phrase_at < lower.len() {
        let segment_phrase = lower[phrase_at..phrase_end.min(lower.len())].contains("segment");
        match (
            subject_before(&lower, phrase_at, vocab.issuer),
            part_of(res, vocab.rates, &lower, phrase_at, &concept),
        ) {
            (_, Some(c)) if !per_share => {
                concept = c;
                part = true;
            }
            // "segment sales" with no part named: not the consolidated figure.
            (Ok(()), _) if segment_phrase => {
                return Err("segment figures with no part named".into());
            }
            (Ok(()), _) => {}
            (Err(why), _) => return Err(why),
        }
        let listed = RESPECTIVELY.is_match(&text[m.end..end.max(m.end)]);
        let between = strip_parens(&lower[phrase_end.min(lower.len())..]);
        let mut between = CURRENCY_BASIS.replace_all(&between, "%").into_owned();
        // "effective tax rates for income/(loss) from continuing
        // operations were": the income the rate is on, not a part.
        if concept.ends_with("effective_tax_rate") {
            static TAXED_INCOME: LazyLock<Regex> = LazyLock::new(|| {
                Regex::new(r"^\s*(for|on)\s+(gaap\s+|non-?gaap\s+)?(reported\s+|adjusted\s+)?income(/?\s*(loss)?)?(\s*from\s+continuing\s+operations)?")
                    .expect("re")
            });
            between = TAXED_INCOME.replace(&between, "").into_owned();
        }
        if let Err(why) = subject_after(
            &between,
            !listed && !per_share && assertion == Assertion::Value,
        ) {
            // "Revenue in More Personal Computing was $13.4 billion": the
            // part's own row, when a table shows it.
            match part_after(res, vocab.rates, &between, &concept).filter(|_| !part && !per_share) {
                Some(c) => {
                    concept = c;
                    part = true;
                }
                None => return Err(why),
            }
        }
        // "Excluding contributions from X and Y, revenues totaled …", back
        // to the figure or the contrast ("versus") before the phrase.
        let mut lead_from = doc
            .mentions
            .iter()
            .rfind(|o| o.block == m.block && o.start >= start && o.end <= start + phrase_at)
            .map_or(0, |o| o.end - start);
        if let Some(c) = CONTRAST.find_iter(&lower[..phrase_at]).last() {
            lead_from = lead_from.max(c.end());
        }
        // "(up 14% in constant currency) driven by Microsoft 365 Commercial
        // cloud revenue growth of 15%": the parenthesis the previous figure
        // stood in closes before this subject.
        let lead_at = floor_char(&lower, lead_from.min(phrase_at));
        if let Some(p) = unopened_close(&lower[lead_at..phrase_at]) {
            lead_from = lead_at + p + 1;
        }
        let lead = &lower[floor_char(&lower, lead_from.min(phrase_at))..phrase_at];
        // "GAAP and non-GAAP earnings per share were $0.76 and $0.81,
        // respectively": the pair names both measures, one per figure.
        let lead = GAAP_AND_NON_GAAP.replace(lead, " ");
        let lead: &str = &lead;
        // "North America segment sales": the part's own word.
        if let Some(q) = QUALIFIER
            .find_iter(lead)
            .find(|q| !(part && q.as_str().starts_with("segment")))
            // "earnings (loss) per share (EPS) attributable to …": the
            // words of a per-share measure before its abbreviation.
            .filter(|q| {
                let per_share_measure = per_share
                    || concept == "eps"
                    || concept.starts_with("eps_")
                    || concept.ends_with("per_share");
                !(per_share_measure && q.as_str().starts_with("per"))
            })
        {
            if !own_qualifier {
                return Err(format!("qualified (\"{}\")", q.as_str()));
            }
        }
        // "Excluding the $1.5 billion favorable impact from year-over-year
        // changes in foreign exchange rates throughout the quarter, net
        // sales increased 12%": the clause that opens the sentence names an
        // amount of its own, so the lead (after that amount) misses it. A
        // growth so qualified is the rate a table states in constant
        // currency; anything else so qualified is not the reported figure.
        if FX_EXCLUDED.is_match(&lower[..phrase_at]) {
            if assertion == Assertion::Growth && !vocab.rates.of(&concept, true).is_empty() {
                constant_currency = true;
            } else if !own_qualifier {
                return Err("qualified (\"excluding … foreign exchange\")".into());
            }
        }
        // A parenthesis defines or footnotes ("gross margin (defined as
        // …, excluding depreciation)"); it does not qualify.
        let rest = strip_parens(&lower[phrase_end.min(lower.len())..]);
        let rest = CURRENCY_BASIS.replace_all(&rest, "%");
        if let Some(q) = QUALIFIER.find(&rest) {
            // "sales growth of 5.6% to $24.7 Billion with operational
            // growth of 9.0%": a growth in constant currency, the rate a
            // table states so, when the qualifier is this figure's own
            // (after any earlier figure of the sentence). The qualifier
            // reads as a rate table's heading in constant currency would.
            // "Revenue on a constant currency basis would have increased
            // 21% and 23% … respectively": a rate before this one in its
            // list shares the qualifier.
            let listed_after = respectively_list(doc, text, i, start, end)
                .is_some_and(|l| l.index > 0 && !l.implicit);
            let own_rate = assertion == Assertion::Growth
                && CONSTANT_CURRENCY.is_match(q.as_str())
                && (listed_after
                    || !rest[q.end()..].contains('%') && !rest[q.end()..].contains("percent"))
                && !vocab.rates.of(&concept, true).is_empty();
            if own_rate {
                constant_currency = true;
            } else if !own_qualifier && !per_share {
                return Err(format!("qualified (\"{}\")", q.as_str()));
            }
        }
    }
    if phrase_at >= lower.len() && !own_qualifier {
        // Named after the figure ("were $0.29 per diluted share"): the
        // words before it, back to the previous figure or a contrast, are
        // its subject ("Non-GAAP core earnings were …").
        static COMPANION: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)^\s*(million|billion|thousand)?\)?\s*,?\s*or\s*\\?\$?\s*\(?$")
                .expect("re")
        });
        // "were $615 million, or $0.29 per diluted share": the amount's
        // subject is the per-share figure's too.
        let before_figs: Vec<&Mention> = doc.mentions[..i]
            .iter()
            .filter(|o| o.block == m.block && o.start >= start)
            .collect();
        let mut k = before_figs.len();
        let mut edge = m.start;
        while k > 0 && COMPANION.is_match(&text[before_figs[k - 1].end..edge]) {
            edge = before_figs[k - 1].start;
            k -= 1;
        }
        let mut from = if k > 0 {
            before_figs[k - 1].end - start
        } else {
            0
        };
        if let Some(c) = CONTRAST.find_iter(&lower).last() {
            from = from.max(c.end());
        }
        let lead = &lower[floor_char(&lower, from.min(lower.len()))..];
        if let Some(q) = QUALIFIER.find(lead) {
            return Err(format!("qualified (\"{}\")", q.as_str()));
        }
    }
    // "increased 25% non-GAAP", "$88.3 billion in revenues, excluding
    // hedging": a qualifier right after the figure.
    let tail = &text[m.end..next.max(m.end)];
    let tail = &tail[..floor_char(tail, tail.len().min(60))];
    // "up 3 percent, flat at constant currency": a rate in words ends
    // this figure's words; the basis after it is that rate's.
    static RATE_IN_WORDS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i),?\s*(and\s+)?(flat|unchanged)(?-u:\b)").expect("re"));
    let tail = RATE_IN_WORDS
        .find(tail)
        .map_or(tail, |w| &tail[..w.start()]);
    // A heading over the paragraph that names a part the tables show is
    // its subject ("Data Center" over "revenue was a record $26.3
    // billion").
    let heading = vocab.headings.of(m.block);
    if let Some(h) =
        heading.filter(|_| !part && !concept.starts_with(ROW) && !concept.contains('@'))
    {
        let key = format!("{concept}@{}", crate::resolve::part_name(h));
        if res.segment_facts.iter().any(|f| f.concept == key) || vocab.rates.has(&key) {
            concept = key;
            part = true;
        }
    }
    if assertion == Assertion::Value && excluding_after_growth(text, m.end, end) {
        if let Some(n) = non_gaap_of(&concept) {
            concept = n.to_string();
        }
    }
    if let Some(q) = QUALIFIER_AFTER.find(tail) {
        // "was $2.16 billion and non-GAAP operating income was …", "was
        // $1.16 while non-GAAP earnings per share was …": past the
        // conjunction the qualifier opens the next clause, about another
        // figure.
        static AND: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)(and|while|whereas)(?-u:\b)").expect("re"));
        let gap = &tail[..q.end()];
        let later = tail[q.end()..].to_lowercase();
        // "EPS of $(0.25) (non-GAAP EPS of $0.13)": an aside that opens
        // with the qualifier is about its own figure too.
        static ASIDE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)^\s*\)?\s*\(\s*(non-?gaap|adjusted)(?-u:\b)").expect("re")
        });
        // "$25.5 Billion with operational growth of 7.5%": the growth's.
        static WITH_GROWTH: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)^\W*(million|billion)?\s*with\s+\S+\s*$").expect("re")
        });
        let with_growth = WITH_GROWTH.is_match(gap) && later.trim_start().starts_with("growth");
        let next_clause = with_growth
            || (AND.is_match(gap) || ASIDE.is_match(gap))
                && concepts.phrases_in(&gap.to_lowercase()).is_empty()
                && (!concepts.phrases_in(&later).is_empty() || OTHER_MARGIN.is_match(&later));
        // "$5.08 on a non-GAAP basis": the non-GAAP measure of the concept,
        // when the vocabulary has one.
        static ON_NON_GAAP_BASIS: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)^\s*(million|billion)?\s*on an?\s+non-?gaap basis").expect("re")
        });
        let non_gaap = non_gaap_of(&concept)
            .filter(|_| ON_NON_GAAP_BASIS.is_match(tail) && assertion == Assertion::Value);
        if let Some(n) = non_gaap {
            concept = n.to_string();
        } else if assertion == Assertion::Growth
            && CONSTANT_CURRENCY_CLAIM.is_match(tail)
            && !vocab.rates.of(&concept, true).is_empty()
        {
            // "up 10% in constant currency": the rate a table states in
            // constant currency for the row.
            constant_currency = true;
        } else if !next_clause && (!own_qualifier || !names_basis(q.as_str())) {
            // A non-GAAP measure's own word after it ("non-GAAP") leaves
            // it the measure; "up 7% in constant currency" is still
            // another figure, whatever the measure.
            return Err(format!(
                "qualified after the figure (\"{}\")",
                q.as_str().trim()
            ));
        }
    }
    let mut sibling_rows: Option<Vec<(usize, usize)>> = None;
    let mut sibling_periods: Option<Vec<&Period>> = None;
    if matches!(assertion, Assertion::Growth | Assertion::Change) {
        // The sentence's own amount of the concept is the evidence of what
        // it is about: "First-quarter revenue was $509 million, up 19%"
        // about a segment, when $509 million is no revenue of the tables.
        let siblings: Vec<&Mention> = doc.mentions[..i]
            .iter()
            .filter(|o| {
                o.block == m.block
                    && o.start >= start
                    && o.start >= start + phrase_at.min(lower.len())
            })
            .filter(|o| {
                // Amounts, and per-share figures ("EPS of $2.18, up 16
                // percent") whether or not "per share" follows them.
                o.kind == MentionKind::PerShare
                    || o.kind == MentionKind::Money
                        && (o.scale > Decimal::ONE || ties.rows.contains_key(&o.span))
            })
            .collect();
        let tied_rows: Vec<(usize, usize)> = siblings
            .iter()
            .filter_map(|o| ties.rows.get(&o.span))
            .flatten()
            .copied()
            .collect();
        let tied = !tied_rows.is_empty();
        if tied {
            sibling_rows = Some(tied_rows);
            // "Revenue of $17.0 billion, up 8 percent": the growth of the
            // period the amount tied to, not of the half-year beside it.
            let cells: Vec<&Period> = siblings
                .iter()
                .filter_map(|o| ties.bases.get(&o.span))
                .flatten()
                .filter(|b| !b.3)
                .filter_map(|&(t, _, c, _)| doc.tables.get(t)?.columns.get(c))
                .map(|c| &c.period)
                .collect();
            if !cells.is_empty() {
                sibling_periods = Some(cells);
            }
        }
        if !siblings.is_empty() && !tied {
            return Err("the sentence's amount for the concept ties to no table figure".into());
        }
        // A short rate with no amount beside it ("Net income increased
        // 19%") is checked too: its subject and period are resolved like
        // any claim's, and it is reported only one slip from a rate of at
        // most two distinct candidates, which a rate about something else
        // rarely is.
    }
    let Some(mut claim) = m.interval() else {
        return Err("not a number".into());
    };
    let percentish = matches!(m.kind, MentionKind::Percent | MentionKind::Points);
    // One unit of the last printed digit either way.
    let (Some(unit), Some(v)) = (
        Decimal::try_new(1, m.decimals)
            .ok()
            .and_then(|u| u.checked_mul(m.scale)),
        m.value.checked_mul(m.scale),
    ) else {
        return Err("too many digits".into());
    };
    // A margin's change is stated from margins rounded to a tenth of a
    // point ("up 80 basis points" from 52.7% to 53.5%), not from the
    // amounts: a tenth of a point either way at least.
    let unit = if margin_points {
        unit.max(Decimal::new(1, 1))
    } else {
        unit
    };
    if matches!(assertion, Assertion::Growth | Assertion::Margin) {
        // Percentages are often truncated, or computed from amounts other
        // than the ones shown.
        let (Some(lo), Some(hi)) = (claim.lo.checked_sub(unit), claim.hi.checked_add(unit)) else {
            return Err("too many digits".into());
        };
        claim = Interval::new(lo, hi);
    }
    // Hedges.
    if let Some(h) = APPROX.find(&lower) {
        let word = h.as_str().to_lowercase();
        let word = word.trim_end_matches(['$', '(', ' ']).trim();
        claim = match word {
            "more than" | "over" | "in excess of" | "exceeding" | "exceeded" | "surpassing"
            | "surpassed" | "topped" | "at least" | "just over" => {
                Interval::new(v, Decimal::MAX / Decimal::TWO)
            }
            "less than" | "under" | "up to" => Interval::new(Decimal::ZERO, v),
            // "Nearly $40 billion" is a little under forty: close below,
            // within a tenth, not any amount under it.
            "almost" | "nearly" | "just under" => Interval::new(v - v / Decimal::TEN, v),
            _ => match (v.checked_sub(unit), v.checked_add(unit)) {
                (Some(lo), Some(hi)) => Interval::new(claim.lo.min(lo), claim.hi.max(hi)),
                _ => return Err("too many digits".into()),
            },
        };
    }
    if percentish {
        // Percent mentions are fractions: 12.6% is 0.126.
        claim = claim.scale(Decimal::new(1, 2)).ok_or("overflow")?;
    }
    // A tax rate's sign says whether the tax is a benefit, but statements
    // print the provision as a positive expense or as a negative figure
    // (Oracle's "(1,274)") as they choose: its size is what is checked.
    if concept.ends_with("effective_tax_rate") {
        claim = magnitude(claim);
    }
    // The period: the figure's own, and for a growth or change the base
    // it is compared with.
    let clues = period_clues(text, start, m, next);
    let mut clue = clues.iter().find(|(_, base)| !base).map(|(c, _)| c.clone());
    // "… for the fourth quarter and full year 2023, respectively": the
    // figure's own period in the list.
    if let Some(listed) = respectively_list(doc, text, i, start, end)
        .and_then(|list| Some((list.index, list.periods()?)))
    {
        clue = listed.1.get(listed.0).cloned();
    }
    if forward.is_some() && clue.is_none() {
        // An outlook's figure is the outlook of the period its words name.
        clue = lead_clue.or_else(|| outlook_of_sentence_before(text, start, &vocab));
        if clue.is_none() {
            return Err(String::new());
        }
    }
    if forward.is_some() {
        // "expecting first-quarter EPS of $(0.27)": the quarter ahead is
        // the one the outlook's columns name ("Q1 2025 Outlook").
        if let Some(c) = clue
            .as_mut()
            .filter(|c| c.year.is_none() && c.date.is_none())
        {
            if let Some(q) = c.quarter {
                let mut years = vocab
                    .outlook
                    .iter()
                    .filter(|(quarter, _)| *quarter == Some(q))
                    .filter_map(|&(_, year)| year);
                if let Some(y) = years.next() {
                    if years.all(|z| z == y) {
                        c.year = Some(y);
                    }
                }
            }
        }
    }
    let base_clue = if matches!(assertion, Assertion::Growth | Assertion::Change) {
        // The base named after the figure ("an increase of 12.6% compared
        // to the first quarter of 2005").
        // A base before the figure is an earlier figure's ("up 15% from
        // Q1 and up 122% from a year ago"), unless no figure stands
        // between: "Compared to the fourth quarter, earnings decreased
        // $1.8 billion".
        let first_of_sentence = doc.mentions[..i]
            .last()
            .is_none_or(|p| p.block != m.block || p.start < start);
        clues
            .first()
            .filter(|(c, base)| *base && c.after)
            .or_else(|| {
                clues
                    .iter()
                    .find(|(c, base)| *base && !c.after)
                    .filter(|_| first_of_sentence)
            })
            .map(|(c, _)| c.clone())
    } else {
        None
    };
    let mut vals: Vec<Candidate> = if concept.starts_with(ROW) {
        let unit = if per_share {
            crate::document::Unit::PerShare
        } else {
            crate::document::Unit::Amount
        };
        vocab
            .labels
            .facts(&concept, unit)
            .into_iter()
            .map(|f| (f.interval, vec![f]))
            .collect()
    } else if concept.starts_with("non_gaap_") && concept.ends_with("_margin") {
        non_gaap_margins(doc, res, &concept)
    } else {
        let mut vals = values(res, &concept);
        vals.retain(|(_, facts)| !facts.iter().any(|f| in_non_gaap_column(doc, f)));
        vals
    };
    // "Capital expenditures, including principal payments on finance
    // leases, were $17.01 billion": the measure and the row the words add
    // to it, in one column.
    if let Some(sums) = lower
        .get(phrase_end..)
        .filter(|_| phrase_at < lower.len())
        .and_then(|after| including_row(vocab.labels, after, &vals))
    {
        vals = sums;
    }
    if forward.is_some() {
        // An outlook states its margins and rates by basis, a row each
        // ("GAAP gross margin 76.3%", "Non-GAAP tax rate 13%" under "Q1
        // FY2025 Outlook"): they are what a forward-looking figure of the
        // measure is checked against, beside the outlook's amounts.
        static OUTLOOK_ROW: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^(gaap |non gaap )?(gross margin|operating margin|(effective )?tax rate)( percentage| percent| rate)?$")
                .expect("re")
        });
        let measure = match concept.trim_start_matches("non_gaap_") {
            "gross_margin" => Some("gross margin"),
            "operating_margin" => Some("operating margin"),
            "effective_tax_rate" => Some("tax rate"),
            _ => None,
        };
        if let Some(words) = measure {
            let non_gaap = concept.starts_with("non_gaap_");
            let rows = vocab
                .labels
                .rows_where(crate::document::Unit::Percent, |key| {
                    OUTLOOK_ROW.captures(key).is_some_and(|c| {
                        c[2].ends_with(words)
                            && (c.get(1).map(|b| b.as_str()) == Some("non gaap ")) == non_gaap
                    })
                });
            vals.extend(
                rows.into_iter()
                    .filter(|f| outlook_column(doc, f).is_some())
                    .map(|f| (f.interval, vec![f])),
            );
        }
        let stated = match concept.as_str() {
            "gross_margin" => Some("gross_margin_pct"),
            "operating_margin" => Some("operating_margin_pct"),
            _ => None,
        };
        if let Some(rows) = stated {
            vals.extend(
                facts_of(res, rows)
                    .into_iter()
                    .filter(|f| outlook_column(doc, f).is_some())
                    .map(|f| (f.interval, vec![f])),
            );
        }
    }
    vals.extend(
        non_gaap_columns(doc, res, &concept)
            .into_iter()
            .map(|f| (f.interval, vec![f])),
    );
    // Rows of trailing twelve months beside a table's quarters are the
    // sentence's figures only when it says so: "increased 19% year-over-
    // year" is the quarter's growth, not the twelve months'.
    let trailing_ok = crate::document::Table::says_trailing(&text[start..end]);
    if !trailing_ok {
        vals.retain(|(_, facts)| !facts.iter().any(|f| trailing_row(doc, f)));
    }
    // The rates the tables state for the concept, of the claim's kind.
    let stated: Vec<&rates::Rate> = if assertion == Assertion::Growth {
        vocab.rates.of(&concept, constant_currency)
    } else {
        Vec::new()
    };
    if constant_currency {
        vals.clear();
    }
    if vals.is_empty() && stated.is_empty() {
        return Err(format!(
            "no table shows {}",
            name_of(vocab.labels, &concept)
        ));
    }
    // An amount compared with a figure that tied ("from $56.72 billion
    // last year"), unless a period of its own follows it.
    let comparison: Option<Vec<(usize, usize, usize, bool)>> =
        if matches!(assertion, Assertion::Value | Assertion::Margin)
            && !clue.as_ref().is_some_and(|c| c.after)
        {
            doc.mentions[..i]
                .last()
                .filter(|p| p.block == m.block && p.start >= start && p.end <= m.start)
                .filter(|p| COMPARED_GAP.is_match(&text[p.end..m.start]))
                .and_then(|p| ties.bases.get(&p.span))
                .cloned()
        } else {
            None
        };
    let comparison_months = {
        let after = &text[m.end..next.max(m.end)];
        if BASE_YEAR_AGO.is_match(after) {
            Some(12)
        } else if BASE_QUARTER_AGO.is_match(after) {
            Some(3)
        } else {
            None
        }
    };
    let fits = |p: &Period| -> Option<bool> {
        match &clue {
            Some(c) => periods.fits(c, p),
            None => Some(true),
        }
    };
    let near = &lower[floor_char(&lower, lower.len().saturating_sub(40))..];
    let direction = if RISE.is_match(near) {
        1
    } else if FALL.is_match(near) {
        -1
    } else {
        0
    };
    // The base the words name: it keeps pairs of a dated and an undated
    // quarter (see `DocPeriods::later`) that far apart, and narrows a
    // short figure's candidates below.
    // Read when first needed, at most once.
    let named_base_cell = std::cell::OnceCell::new();
    let named_base = || {
        *named_base_cell.get_or_init(|| {
            if matches!(assertion, Assertion::Growth | Assertion::Change) {
                named_base_months(doc, text, i, start, end, next)
            } else {
                None
            }
        })
    };
    let mut computed: Vec<Candidate> = Vec::new();
    let mut unplaced = false;
    match assertion {
        Assertion::Value | Assertion::Margin if comparison.is_some() => {
            // The amount a tied figure is compared with ("to $60.99 billion
            // from $56.72 billion last year"): the earlier figure of the
            // row it tied to, a year or a quarter before when the words
            // say so.
            let bases = comparison.as_deref().unwrap_or_default();
            for (val, facts) in &vals {
                let f = facts[0];
                let fits_base = bases.iter().any(|&(t, r, c, is_base)| {
                    if f.table != t || f.row != r {
                        return false;
                    }
                    if is_base {
                        return f.column == c;
                    }
                    let Some(cur) = doc.tables.get(t).and_then(|x| x.columns.get(c)) else {
                        return false;
                    };
                    let cur = &cur.period;
                    let earlier = periods.later(cur, f.period);
                    let gap_ok = match (
                        comparison_months,
                        periods.month_index(cur),
                        periods.month_index(f.period),
                    ) {
                        (None, _, _) => true,
                        (Some(g), Some(x), Some(y)) => x - y == g,
                        _ => false,
                    };
                    f.column != c
                        && earlier
                        && gap_ok
                        && length(f.period) == length(cur)
                        && f.period.instant == cur.instant
                });
                if fits_base {
                    computed.push((magnitude(*val), facts.clone()));
                }
            }
        }
        Assertion::Margin if margin_points => {
            // The margin of a period that fits, less the same row's margin
            // a year (or a quarter) before, in one table.
            let back = if BASE_QUARTER_AGO.is_match(&text[m.end..next.max(m.end)]) {
                3
            } else {
                12
            };
            if !crate::budget::spend((vals.len() * vals.len()) as u64 + 1) {
                return Err("work budget exhausted".into());
            }
            for (a, fa) in &vals {
                match fits(fa[0].period) {
                    Some(true) => {}
                    Some(false) => continue,
                    None => {
                        unplaced = true;
                        continue;
                    }
                }
                for (b, fb) in &vals {
                    let (x, y) = (fa[0], fb[0]);
                    let apart = match (periods.month_index(x.period), periods.month_index(y.period))
                    {
                        (Some(i), Some(j)) => i - j == back,
                        _ => false,
                    };
                    // One row of one table; or, when each year has a
                    // reconciliation of its own, the stated margins of one
                    // label in like columns of two tables.
                    let same_row = x.table == y.table && x.row == y.row
                        || fa.len() == 1
                            && fb.len() == 1
                            && x.table != y.table
                            && row_label(doc, x).is_some_and(|l| Some(l) == row_label(doc, y))
                            && like_columns(doc, x, y);
                    if !same_row || !apart || length(x.period) != length(y.period) {
                        continue;
                    }
                    if let Some(d) = a.checked_sub(*b) {
                        computed.push((magnitude(d), fa.iter().chain(fb).copied().collect()));
                    }
                }
            }
        }
        Assertion::Value | Assertion::Margin => {
            for (val, facts) in &vals {
                match fits(facts[0].period) {
                    Some(true) => computed.push((magnitude(*val), facts.clone())),
                    Some(false) => {}
                    None => unplaced = true,
                }
            }
        }
        Assertion::Growth | Assertion::Change => {
            let year_on_year_only =
                forward.is_some() && base_clue.is_none() && named_base().is_none();
            // Pairs of a concept's figures: charged to the work budget.
            if !crate::budget::spend((vals.len() * vals.len()) as u64 + 1) {
                return Err("work budget exhausted".into());
            }
            for a in &vals {
                for b in &vals {
                    let (fa, fb) = (a.1[0], b.1[0]);
                    let same_length = length(fa.period) == length(fb.period)
                        && fa.period.instant == fb.period.instant;
                    let later = periods.later(fa.period, fb.period);
                    // "Revenue of $7.5 billion, up 3.1 percent": the growth
                    // of the row the amount tied to.
                    let sibling_ok = sibling_rows
                        .as_ref()
                        .is_none_or(|rows| rows.contains(&(fa.table, fa.row)))
                        && sibling_periods
                            .as_ref()
                            .is_none_or(|ps| ps.contains(&fa.period));
                    if fa.table != fb.table
                        || !sibling_ok
                        || fa.row != fb.row
                        || fa.column == fb.column
                        || !same_length
                        || !later
                    {
                        continue;
                    }
                    if let Some(d) = periods.mixed_gap(fa.period, fb.period) {
                        if named_base().is_some_and(|g| (d - g).abs() > 1) {
                            continue;
                        }
                    }
                    // "Up 5% year-over-year" is no growth over the quarter
                    // before, though a trend table shows both pairs (one
                    // month either way: 52/53-week quarters). Only periods
                    // placed alike: a fiscal "Q4 FY26" is no calendar
                    // quarter beside a dated one (`mixed_gap` places it).
                    let alike =
                        periods.end_of(fa.period).is_some() == periods.end_of(fb.period).is_some();
                    if let (true, Some(g), Some(x), Some(y)) = (
                        alike,
                        named_base(),
                        periods.month_index(fa.period),
                        periods.month_index(fb.period),
                    ) {
                        if (x - y - g).abs() > 1 {
                            continue;
                        }
                    }
                    // An outlook's growth names no base when it is from a
                    // year before ("In Q1'25, we expect revenue growth of
                    // 11%"); a sequential one says so.
                    if year_on_year_only {
                        let apart = match (
                            periods.month_index(fa.period),
                            periods.month_index(fb.period),
                        ) {
                            (Some(x), Some(y)) => x - y,
                            _ => continue,
                        };
                        if apart != 12 {
                            continue;
                        }
                    }
                    let base_fits = match &base_clue {
                        Some(c) => periods.fits(c, fb.period),
                        None => Some(true),
                    };
                    match (fits(fa.period), base_fits) {
                        (Some(true), Some(true)) => {}
                        (Some(false), _) | (_, Some(false)) => continue,
                        _ => {
                            unplaced = true;
                            continue;
                        }
                    }
                    let Some(d) = a.0.checked_sub(b.0) else {
                        continue;
                    };
                    let both_positive = a.0.lo > Decimal::ZERO && b.0.lo > Decimal::ZERO;
                    let value = if assertion == Assertion::Growth {
                        if b.0.lo <= Decimal::ZERO {
                            continue;
                        }
                        match d.checked_div(b.0) {
                            Some(g) => g,
                            None => continue,
                        }
                    } else {
                        d
                    };
                    // Direction words are checked when both figures are
                    // positive; otherwise ("net loss narrowed") magnitudes.
                    let value = if both_positive && direction != 0 {
                        if direction < 0 {
                            value.negated()
                        } else {
                            value
                        }
                    } else {
                        magnitude(value)
                    };
                    computed.push((value, a.1.iter().chain(b.1.iter()).copied().collect()));
                }
            }
            // A rate printed in a trend table's column is its period's
            // growth over the base a year (or the named base) before: when
            // the words name the base ("compared with second quarter
            // 2024"), the column a year after it.
            let base_months: Vec<i32> = match &base_clue {
                Some(c) if !stated.is_empty() => doc
                    .tables
                    .iter()
                    .flat_map(|t| t.columns.iter())
                    .filter(|col| periods.fits(c, &col.period) == Some(true))
                    .filter_map(|col| periods.month_index(&col.period))
                    .collect(),
                _ => Vec::new(),
            };
            let gap = named_base().unwrap_or(12);
            for rate in &stated {
                let f = &rate.fact;
                if !trailing_ok && trailing_row(doc, f) {
                    continue;
                }
                // Beside the amounts, the rate of the row the sentence's
                // amount tied to; a row or table of rates states the
                // concept's own.
                let sibling_ok = !rate.own_row
                    || sibling_rows.as_ref().is_none_or(|rows| {
                        rows.contains(&(f.table, f.row)) || rows.iter().all(|&(t, _)| t != f.table)
                    });
                if !sibling_ok {
                    continue;
                }
                match fits(f.period) {
                    Some(true) => {}
                    Some(false) => continue,
                    None => {
                        unplaced = true;
                        continue;
                    }
                }
                if let (false, Some(x)) = (base_months.is_empty(), periods.month_index(f.period)) {
                    if !base_months.iter().any(|b| (x - b - gap).abs() <= 1) {
                        continue;
                    }
                }
                // Magnitudes: not every table signs a decline, and a
                // direction word is not what this rate can refute.
                computed.push((magnitude(f.interval), vec![f]));
            }
        }
    }
    // A forward-looking figure is checked against an outlook's columns
    // only. (A sentence whose words do not look ahead may still be about
    // an outlook's period, "…; non-GAAP EPS of $0.10" after "expecting",
    // and ties to those columns as to any other.)
    if forward.is_some() {
        computed.retain(|(_, facts)| {
            facts
                .first()
                .and_then(|f| outlook_column(doc, f))
                .is_some_and(|c| range_end.is_none() || c.range_end() == range_end)
        });
    }
    if computed.is_empty() {
        return Err(match (&clue, unplaced) {
            (Some(c), _) => format!(
                "the period (\"{}\") is not one the tables show for {}",
                c.text,
                name_of(vocab.labels, &concept)
            ),
            (None, _) => format!(
                "no two periods of {} to compare",
                name_of(vocab.labels, &concept)
            ),
        });
    }
    // A value whose sentence names no period at all ("Cash flows from
    // operations were $2.20 billion.") is about the latest one the tables
    // show: a figure of an earlier column it happens to match is no tie.
    // Only when the concept is named before it and the words compare with
    // nothing ("last year", "prior", "from"). Words after the next figure
    // are that figure's: "EPS was $0.81, up 19% from the previous
    // quarter" compares the growth, and $0.81 is still the latest.
    // The amount a growth runs "to" ("International segment sales
    // increased 12% year-over-year to $31.9 billion") is the later figure
    // of that growth: the latest, unless a period of its own follows.
    let growth_to = assertion == Assertion::Value
        && clue.is_none()
        && comparison.is_none()
        && TO_VALUE.is_match(&lower)
        && doc.mentions[..i].last().is_some_and(|p| {
            p.block == m.block && p.start >= start && p.kind == MentionKind::Percent
        });
    // A growth is the same: "International segment sales increased 5%
    // year-over-year" is the latest quarter's growth, whatever the
    // base words, which name the base and not the period.
    let unnamed_growth = matches!(assertion, Assertion::Growth | Assertion::Change)
        && clues.is_empty()
        && base_clue.is_none()
        && phrase_at < lower.len()
        && !OTHER_TIME.is_match(&BASE_WORDS.replace_all(&text[start..next.max(m.end)], " "));
    if growth_to
        || unnamed_growth
        || assertion == Assertion::Value
            && clues.is_empty()
            && comparison.is_none()
            && phrase_at < lower.len()
            && !OTHER_TIME.is_match(&text[start..next.max(m.end)])
    {
        // An outlook's column is later than any reported one, but a
        // figure that does not look ahead ("Operating income totaled
        // $2.3B" beside a "Q1'25 Forecast" column) is about the latest
        // reported.
        let reported = |f: &Fact| forward.is_some() || outlook_column(doc, f).is_none();
        let latest = computed
            .iter()
            .filter(|(_, f)| reported(f[0]))
            .filter_map(|(_, f)| periods.place(f[0].period))
            .max();
        if let Some(latest) = latest {
            let dated = computed
                .iter()
                .all(|(_, f)| periods.place(f[0].period).is_some());
            let now: Vec<Candidate> = computed
                .iter()
                .filter(|(_, f)| reported(f[0]) && periods.place(f[0].period) == Some(latest))
                .cloned()
                .collect();
            if dated && !now.is_empty() && now.len() < computed.len() {
                computed = now;
            }
        }
    }
    if let Some(in_market) = in_market(doc, &lower, &computed) {
        computed = in_market;
    } else if let Some(whole) = in_no_market(doc, &lower, &computed) {
        computed = whole;
    }
    let rows: Vec<(usize, usize)> = computed
        .iter()
        .filter(|(v, _)| v.overlaps(&claim))
        .map(|(_, facts)| (facts[0].table, facts[0].row))
        .collect();
    if !rows.is_empty() {
        ties.rows.insert(m.span, rows);
    }
    let bases: Vec<(usize, usize, usize, bool)> = computed
        .iter()
        .filter(|(v, _)| v.overlaps(&claim))
        .filter_map(|(_, facts)| match assertion {
            // A margin's first fact is its revenue: the row a comparison
            // margin is computed on too.
            Assertion::Value | Assertion::Margin => {
                facts.first().map(|f| (f.table, f.row, f.column, false))
            }
            // A pair: the later figure's facts, then the base's.
            Assertion::Growth | Assertion::Change => facts
                .get(facts.len() / 2)
                .map(|f| (f.table, f.row, f.column, true)),
        })
        .collect();
    if !bases.is_empty() {
        ties.bases.insert(m.span, bases);
    }
    let hit = computed.iter().find(|(v, _)| v.overlaps(&claim));
    if let Some((_, facts)) = hit {
        out.tied
            .insert(m.span, (facts[0].table, facts[0].row, facts[0].column));
        out.pass(
            rule,
            facts[0].table,
            facts[0].row,
            facts[0].column,
            [m.span]
                .into_iter()
                .chain(facts.iter().map(|f| f.figure.span)),
        );
        return Ok(());
    }
    // A figure that ties to nothing may still be about something the
    // tables do not show (a segment the words did not give away, a period
    // they do not break out). It is reported only with evidence that it
    // stands for a table figure: one slip away from it (a digit changed,
    // two adjacent digits swapped), or the same figure with the opposite
    // direction ("down 5%" for a rise).
    let percent_scale = matches!(assertion, Assertion::Growth | Assertion::Margin);
    let render = |v: Interval| -> String {
        let x = v.midpoint();
        let x = if percent_scale {
            // In the claim's own unit: percent, points, or basis points
            // (scale 0.01); a margin's change as the rounded margins give
            // it, to a tenth of a point.
            let points = x.saturating_mul(Decimal::ONE_HUNDRED);
            let points = if margin_points {
                points.round_dp(1)
            } else {
                points
            };
            points.checked_div(m.scale).unwrap_or(points)
        } else {
            x.checked_div(m.scale).unwrap_or(x)
        };
        digits(&x.round_dp(m.decimals).abs().to_string(), m.decimals)
    };
    let claimed = claimed_digits(text.get(m.start..m.end).unwrap_or(""), m);
    // A computed figure is an interval, and a wide one when it comes of
    // small amounts (a growth of 13 to 55 is 315% to 333%): its midpoint
    // rendered is one value in it. The claim is one slip from it when the
    // value of digits one slip from the claim's lies inside the interval,
    // and the interval is narrow beside its size (within 5%): a wider one
    // holds too many values to tell a slip from another figure.
    let neighbors: Vec<Decimal> = slip_neighbors(&claimed)
        .into_iter()
        .filter_map(|n| {
            let units =
                Decimal::try_from_i128_with_scale(n.parse::<i128>().ok()?, m.decimals).ok()?;
            let x = units.checked_mul(m.scale)?;
            if percent_scale {
                x.checked_div(Decimal::ONE_HUNDRED)
            } else {
                Some(x)
            }
        })
        .collect();
    let slip_fits = |v: &Interval| {
        let v = magnitude(*v);
        let narrow = (v.hi - v.lo)
            .checked_mul(Decimal::from(20))
            .is_some_and(|w| w <= v.midpoint().abs());
        narrow && neighbors.iter().any(|&n| v.lo < n && n < v.hi)
    };
    let reversed = claim.negated();
    let opposite: Vec<Candidate> = computed
        .iter()
        .filter(|(v, _)| direction != 0 && v.overlaps(&reversed) && !v.contains(Decimal::ZERO))
        .cloned()
        .collect();
    let judge = |cands: &[Candidate<'d>]| -> (Vec<Candidate<'d>>, usize) {
        let slips: Vec<Candidate> = cands
            .iter()
            .filter(|(v, _)| {
                // An amount's interval may round either way at the claim's
                // precision ($43,889 + $33,926 million is $77.81 or $77.82
                // billion): a slip from either is a slip.
                let mut shown = vec![render(*v)];
                if assertion == Assertion::Value {
                    shown.push(render(Interval::new(v.lo, v.lo)));
                    shown.push(render(Interval::new(v.hi, v.hi)));
                }
                shown.iter().any(|shown| {
                    // $146 million at a claim's "$1.0 billion" is "0.1": its
                    // leading zero is no digit a swap could have moved.
                    let (c, d) = (claimed.as_bytes(), shown.as_bytes());
                    let moved_zero = d.len() > 1
                        && d[0] == b'0'
                        && c.first() == d.get(1)
                        && c.get(1) == d.first();
                    one_slip(&claimed, shown) && !moved_zero
                }) || (!margin_points && slip_fits(v))
            })
            .cloned()
            .collect();
        // The same value shown in several tables counts once.
        let mut distinct: Vec<String> = cands.iter().map(|(v, _)| render(*v)).collect();
        distinct.sort();
        distinct.dedup();
        (slips, distinct.len())
    };
    let (mut slips, mut distinct) = judge(&computed);
    let significant = claimed.trim_start_matches('0').len();
    if !slips.is_empty() && significant < 3 && distinct > 2 {
        // A short figure is one slip from too many figures of every period
        // and part to tell which; what the sentence itself says narrows
        // them to the figures it can be about.
        // The period narrows only a concept named before the figure, whose
        // subject the words before it were checked for ("Azure surpassed
        // $75 billion in revenue" names its subject nowhere near "revenue").
        // "the quarter", a length alone, names no period either: the
        // latest of that length is the one the release is about.
        let length_only = |c: &PeriodClue| {
            c.quarter.is_none()
                && c.year.is_none()
                && c.date.is_none()
                && !c.year_back
                && !c.base
                && c.months.is_some()
        };
        let unnamed =
            clue.as_ref().is_none_or(length_only) && base_clue.is_none() && phrase_at < lower.len();
        // The base a growth names right after it ("up 12% from a year
        // ago", "up 28% from the previous quarter"), or right before it.
        // A growth that names no base at all ("a strong Q2 with 17%
        // revenue growth") is a release's usual one, over the year before.
        let base_months = named_base()
            .or_else(|| (assertion == Assertion::Growth && base_clue.is_none()).then_some(12));
        if let Some(narrow) = narrowed(
            doc,
            periods,
            ties,
            i,
            start,
            &computed,
            unnamed,
            base_months,
        ) {
            let (s, d) = judge(&narrow);
            if !s.is_empty() && d <= 2 {
                (slips, distinct) = (s, d);
            }
        }
    }
    let sentence_key = (m.block, start, concept.clone());
    if ties.untied.contains(&sentence_key) {
        return Err(format!(
            "another figure of {} in the sentence ties to nothing: it is about something the tables do not show",
            name_of(vocab.labels, &concept)
        ));
    }
    let computed = if !opposite.is_empty() {
        opposite
    } else if slips.is_empty() {
        ties.untied.insert(sentence_key);
        return Err(format!(
            "ties to no figure of {} for the period and is not one slip from one (about something the tables do not show?)",
            name_of(vocab.labels, &concept)
        ));
    } else if significant < 3 && distinct > 2 {
        return Err(format!(
            "ties to no figure of {}, but {significant} digits are one slip from too many figures to tell which",
            name_of(vocab.labels, &concept)
        ));
    } else {
        slips
    };
    // "was $38.2 million, compared with $32.9 million": when the figure
    // this one is compared with tied to nothing either, the sentence is
    // about something else the rows resemble.
    if let Some(prev) = doc.mentions[..i]
        .last()
        .filter(|p| p.block == m.block && p.start >= start)
        .filter(|p| COMPARED_GAP.is_match(&text[p.end..m.start]))
    {
        // (An outlook's amount before the base it is compared with ties to
        // nothing: it looks ahead.)
        if assertion == Assertion::Value && !ties.rows.contains_key(&prev.span) && !history {
            return Err(
                "the figure it is compared with ties to nothing either: about something the tables do not show"
                    .into(),
            );
        }
    }
    // Under a heading that names a part ("Gaming and AI PC"), a figure
    // that misses the consolidated one is likely that part's.
    if let Some(h) = heading.filter(|_| !part) {
        return Err(format!(
            "under the heading \"{}\": about a part of the business the tables do not show",
            h.trim()
        ));
    }
    // "were $7.7 billion, compared with $7.9 billion in the prior year
    // period": a slip changes one figure; when the amount it is compared
    // with misses the row's earlier figures too, the sentence is about
    // something else that the row resembles.
    if assertion == Assertion::Value {
        if let Some(partner) = doc
            .mentions
            .get(i + 1)
            .filter(|n| n.block == m.block && n.start < end)
            .filter(|n| COMPARED_GAP.is_match(&text[m.end..n.start]))
        {
            if comparison_misses(periods, &vals, &computed, partner) {
                return Err(
                    "the amount it is compared with ties to no earlier figure of the row either: about something the tables do not show"
                        .into(),
                );
            }
        }
    }
    let what = match assertion {
        Assertion::Value => "value",
        Assertion::Growth => "growth",
        Assertion::Change => "change",
        Assertion::Margin => "margin",
    };
    let shown = &doc.source.bytes[m.span.start..m.span.end.min(doc.source.bytes.len())];
    let shown = String::from_utf8_lossy(shown);
    let options: Vec<String> = computed
        .iter()
        .take(4)
        .map(|(v, facts)| {
            let mid = v.midpoint();
            let disp = if matches!(assertion, Assertion::Growth | Assertion::Margin) {
                format!("{}%", mid.saturating_mul(Decimal::ONE_HUNDRED).round_dp(1))
            } else if m.scale > Decimal::ONE {
                format!(
                    "{} {}",
                    mid.checked_div(m.scale)
                        .unwrap_or(mid)
                        .round_dp(m.decimals + 1),
                    scale_word(m.scale)
                )
            } else {
                mid.round_dp(2).to_string()
            };
            let from: Vec<String> = facts
                .iter()
                .map(|f| format!("{} ({})", f.figure.value, f.period))
                .collect();
            format!("{disp} (from {})", from.join(", "))
        })
        .collect();
    let name = name_of(vocab.labels, &concept);
    out.findings.push(Finding {
        rule: rule.id.clone(),
        severity: rule.severity,
        message: format!(
            "the narrative's {name} {what} of {} does not tie to the tables",
            shown.trim()
        ),
        help: Some(format!(
            "{}the tables give {}",
            clue.as_ref()
                .map(|c| format!("for \"{}\" ", c.text))
                .unwrap_or_default(),
            options.join("; ")
        )),
        span: m.span,
        span_text: format!("{name} {what} claimed here"),
        labels: computed
            .iter()
            .take(3)
            .flat_map(|(_, facts)| facts.iter().take(1))
            .map(|f| Label {
                span: f.figure.span,
                text: format!("{} ({})", doc.tables[f.table].rows[f.row].label, f.period),
            })
            .collect(),
    });
    Ok(())
}

/// Does the amount a figure is compared with (`partner`) miss every
/// earlier figure of the rows the figure's candidates are in, when there
/// is at least one?
fn comparison_misses(
    periods: &DocPeriods,
    vals: &[Candidate],
    candidates: &[Candidate],
    partner: &Mention,
) -> bool {
    let Some(claim) = partner.interval() else {
        return false;
    };
    let mut earlier = vals.iter().filter(|(_, f)| {
        candidates.iter().any(|(_, c)| {
            let (a, b) = (c[0], f[0]);
            let before = match (periods.end_of(b.period), periods.end_of(a.period)) {
                (Some(x), Some(y)) => days(x) < days(y),
                _ => false,
            };
            a.table == b.table
                && a.row == b.row
                && before
                && length(a.period) == length(b.period)
                && a.period.instant == b.period.instant
        })
    });
    crate::budget::spend((vals.len() * candidates.len()) as u64 + 1);
    let mut any = false;
    let tied = earlier.any(|(v, _)| {
        any = true;
        magnitude(*v).overlaps(&claim)
    });
    any && !tied
}

/// The candidates a figure that ties to nothing can be about, by what its
/// sentence says:
/// - an earlier amount of the sentence tied to a row ("AWS segment
///   operating income was $9.3 billion, compared with operating income of
///   $5.4 billion"): a comparison repeats the row, so the rows it tied to;
/// - a base named beside a growth (`base_months`: "from a year ago" is
///   12 months before, "sequentially" 3): the pairs that far apart;
/// - no period named (`unnamed`): a release leads with its own period, so
///   the columns that end last ("Operating income totaled $3.3B, up 27%
///   year over year" in the quarter's release).
///
/// A market the sentence names ("globally") has narrowed the candidates
/// already, before the tie ([`in_market`]).
///
/// `None` when neither narrows anything.
#[allow(clippy::too_many_arguments)]
fn narrowed<'d>(
    doc: &Document,
    periods: &DocPeriods,
    ties: &Ties,
    i: usize,
    start: usize,
    computed: &[Candidate<'d>],
    unnamed: bool,
    base_months: Option<i32>,
) -> Option<Vec<Candidate<'d>>> {
    let m = &doc.mentions[i];
    let mut out: Vec<Candidate<'d>> = computed.to_vec();
    if let Some(gap) = base_months {
        // A growth's candidates are pairs (the period, its base).
        out.retain(|(_, f)| match (f.first(), f.get(1)) {
            (Some(a), Some(b)) if f.len() == 2 => {
                match (periods.month_index(a.period), periods.month_index(b.period)) {
                    (Some(x), Some(y)) => x - y == gap,
                    _ => false,
                }
            }
            _ => false,
        });
        if out.is_empty() {
            return None;
        }
    }
    // A pair of columns that share their periods with others ("As
    // Reported", "Constant Currency Adjustment", "Hedging (Gains) Losses"
    // under one quarter) compares like with like only when their headings
    // say the same beside the period: "As Reported" with "As Reported".
    let like: Vec<Candidate<'d>> = out
        .iter()
        .filter(|(_, f)| match f.as_slice() {
            [a, b] if a.table == b.table && a.row == b.row => like_columns(doc, a, b),
            _ => true,
        })
        .cloned()
        .collect();
    if !like.is_empty() {
        out = like;
    }
    // A value's figures in columns that are periods of their own, when
    // there are any: a reconciliation's "Non-GAAP" or "Adjustments"
    // column under the same quarter is another measure.
    let own: Vec<Candidate<'d>> = out
        .iter()
        .filter(|(_, f)| f.len() != 1 || f[0].period_unique)
        .cloned()
        .collect();
    if !own.is_empty() {
        out = own;
    }
    let earlier_rows: Vec<(usize, usize)> = doc.mentions[..i]
        .iter()
        .filter(|o| o.block == m.block && o.start >= start)
        .filter_map(|o| ties.rows.get(&o.span))
        .flatten()
        .copied()
        .collect();
    let same_rows: Vec<Candidate<'d>> = out
        .iter()
        .filter(|(_, f)| earlier_rows.contains(&(f[0].table, f[0].row)))
        .cloned()
        .collect();
    if !same_rows.is_empty() {
        out = same_rows;
    } else {
        // The whole business's rows, when the candidates also hold the rows a
        // breakdown repeats under each part's header ("Revenue" under "UCAN
        // Streaming:", "EMEA:", …): a part's own figure is named by its part,
        // which the concept would then be.
        let whole: Vec<Candidate<'d>> = out
            .iter()
            .filter(|(_, f)| !f.iter().any(|x| repeated_under_parts(doc, x)))
            .cloned()
            .collect();
        if !whole.is_empty() {
            out = whole;
        }
    }
    if unnamed {
        let latest = out
            .iter()
            .filter_map(|(_, f)| periods.end_of(f[0].period).map(days))
            .max();
        if let Some(latest) = latest {
            out.retain(|(_, f)| periods.end_of(f[0].period).map(days) == Some(latest));
        }
    }
    (out.len() < computed.len()).then_some(out)
}

/// Is the fact's row one a table repeats under each part's header: its
/// label stands under another section header of the table too
/// ("Revenue" under "UCAN Streaming:" and under "EMEA:")?
fn repeated_under_parts(doc: &Document, f: &Fact) -> bool {
    let t = &doc.tables[f.table];
    let header_of = |r: usize| t.rows[..r].iter().rposition(|x| x.header);
    let Some(own) = header_of(f.row) else {
        return false;
    };
    let label = t.rows[f.row].label.trim();
    !label.is_empty()
        && t.rows.iter().enumerate().any(|(r, row)| {
            r != f.row
                && !row.header
                && row.label.trim().eq_ignore_ascii_case(label)
                && header_of(r).is_some_and(|h| h != own)
        })
}

/// "Padcev globally, up 25% operationally": of a product table's
/// worldwide, U.S. and international columns, those of the market the
/// words name, when any column is headed by it.
fn in_market<'d>(
    doc: &Document,
    lower: &str,
    computed: &[Candidate<'d>],
) -> Option<Vec<Candidate<'d>>> {
    let word = if lower.contains("globally") || lower.contains("worldwide") {
        "worldwide"
    } else if lower.contains("internationally") {
        "international"
    } else {
        return None;
    };
    let in_market: Vec<Candidate<'d>> = computed
        .iter()
        .filter(|(_, f)| {
            f.iter()
                .all(|x| column_of(doc, x).is_some_and(|c| c.header.to_lowercase().contains(word)))
        })
        .cloned()
        .collect();
    (!in_market.is_empty()).then_some(in_market)
}

/// Market words a column heading names a part of the business by.
const MARKET_PARTS: &[&str] = &[
    "international",
    "u.s.",
    "united states",
    "domestic",
    "emerging markets",
    "developed markets",
];

/// Does lower-case `text` name a market ("U.S.", "international")? "U.S.
/// GAAP" names an accounting basis, not a market.
fn names_market(text: &str) -> bool {
    let text = text.replace("u.s. gaap", "");
    MARKET_PARTS.iter().any(|w| text.contains(w))
}

/// "Revenues totaled $17.7 billion, ..., reflecting an operational increase
/// of 32%": a sentence that names no market is about the whole business,
/// so of a table's U.S., international and worldwide columns, those headed
/// by no market, when any candidate's are.
fn in_no_market<'d>(
    doc: &Document,
    lower: &str,
    computed: &[Candidate<'d>],
) -> Option<Vec<Candidate<'d>>> {
    if names_market(lower) || lower.contains("globally") || lower.contains("worldwide") {
        return None;
    }
    let whole: Vec<Candidate<'d>> = computed
        .iter()
        .filter(|(_, f)| {
            f.iter()
                .all(|x| column_of(doc, x).is_none_or(|c| !names_market(&c.header.to_lowercase())))
        })
        .cloned()
        .collect();
    (!whole.is_empty() && whole.len() < computed.len()).then_some(whole)
}

/// The base a growth or change names around it, in months: a year
/// ("year over year", also after the list it is in or the rate listed with
/// it) or a quarter ("sequentially").
fn named_base_months(
    doc: &Document,
    text: &str,
    i: usize,
    start: usize,
    end: usize,
    next: usize,
) -> Option<i32> {
    let m = &doc.mentions[i];
    let prev_end = doc.mentions[..i]
        .iter()
        .rfind(|o| o.block == m.block && o.end <= m.start && o.start >= start)
        .map_or(start, |o| o.end);
    let after = &text[m.end..next.max(m.end)];
    let before = &text[prev_end.min(m.start)..m.start];
    // "grew 13% and 27% year over year, respectively": the base
    // after the list is every figure's.
    let mut tail = respectively_list(doc, text, i, start, end)
        .map(|l| l.tail)
        .unwrap_or_default();
    // "increased 14%, or 13% in constant currency, year over year":
    // the base after the rate listed with it is its base too.
    if let Some(listed) = doc
        .mentions
        .get(i + 1)
        .filter(|o| o.block == m.block && o.start < end && o.kind == MentionKind::Percent)
        .filter(|o| LISTED_RATE.is_match(&text[m.end..o.start]))
    {
        let upto = doc
            .mentions
            .get(i + 2)
            .filter(|o| o.block == m.block && o.start < end)
            .map_or(end, |o| o.start);
        tail = text[listed.end..upto.max(listed.end)].to_string();
    }
    if YEAR_AGO.is_match(after) || YEAR_AGO_BEFORE.is_match(before) || YEAR_AGO.is_match(&tail) {
        Some(12)
    } else if SEQUENTIAL.is_match(after)
        || SEQUENTIAL_BEFORE.is_match(before)
        || SEQUENTIAL.is_match(&tail)
    {
        Some(3)
    } else {
        None
    }
}

/// Do two columns of one table hold the same kind of figure? Columns that
/// are periods of their own do; columns that share a period with others
/// ("As Reported", "Constant Currency Adjustment"; segments) do when their
/// headings, the period's words taken out, are the same.
fn like_columns(doc: &Document, a: &Fact, b: &Fact) -> bool {
    if a.period_unique && b.period_unique {
        return true;
    }
    let kind = |f: &Fact| Some(heading_without_period(&column_of(doc, f)?.header));
    kind(a).is_some_and(|x| Some(x) == kind(b))
}

/// A column heading's words that say what, not when, lower-cased: "Three
/// Months Ended June 30, 2024 Operating (Non-GAAP)" is "operating non
/// gaap", "Q2 2024 Software" is "software".
pub(super) fn heading_without_period(header: &str) -> String {
    header
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| {
            !w.is_empty()
                && !w.starts_with(|c: char| c.is_ascii_digit())
                && !PERIOD_HEADER_WORDS.contains(w)
                && !(w.len() <= 4
                    && (w.starts_with('q') || w.starts_with("fy"))
                    && w[1..]
                        .trim_start_matches('y')
                        .chars()
                        .all(|c| c.is_ascii_digit()))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Words of a column heading that say when, not what.
const PERIOD_HEADER_WORDS: &[&str] = &[
    "three",
    "six",
    "nine",
    "twelve",
    "thirteen",
    "fourteen",
    "fifty",
    "two",
    "weeks",
    "week",
    "months",
    "month",
    "ended",
    "ending",
    "ends",
    "end",
    "quarter",
    "quarters",
    "year",
    "years",
    "fiscal",
    "and",
    "for",
    "the",
    "of",
    "to",
    "date",
    "first",
    "second",
    "third",
    "fourth",
    "full",
    "period",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// How a concept is named in messages: a row label as printed, in quotes;
/// a vocabulary concept by its name in words.
fn name_of(labels: &RowLabels, concept: &str) -> String {
    match labels.shown(concept) {
        Some(label) => format!("\"{label}\""),
        None => concept.replace('_', " "),
    }
}

/// The digits of a number printed with `decimals` places ("42.60" for 42.6
/// at two places), without the point.
fn digits(s: &str, decimals: u32) -> String {
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let mut frac: String = frac.chars().take(decimals as usize).collect();
    while frac.len() < decimals as usize {
        frac.push('0');
    }
    format!("{int}{frac}")
}

/// The digits a claim is printed with, at its printed precision. A printed
/// leading zero ("$09.8 billion", "up 01%") is kept: no release writes an
/// integer part that way, so it is itself the trace of a slip (a swap with
/// the zero of "90.8") and must be compared as printed, not as the value
/// 9.8 it parses to.
fn claimed_digits(printed: &str, m: &Mention) -> String {
    let from_value = digits(&m.value.to_string(), m.decimals);
    let number: String = printed
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .filter(|c| *c != ',')
        .collect();
    let int = number.split('.').next().unwrap_or("");
    if int.len() > 1 && int.starts_with('0') {
        let printed_digits = digits(&number, m.decimals);
        // Only when the printed form is the value with its zeros in front.
        if printed_digits.trim_start_matches('0') == from_value.trim_start_matches('0') {
            return printed_digits;
        }
    }
    from_value
}

/// The digit strings one slip from `d` (one digit changed, or two
/// adjacent digits swapped), none with a leading zero `d` does not have:
/// a swap cannot move a zero that was never printed.
fn slip_neighbors(d: &str) -> Vec<String> {
    let b = d.as_bytes();
    if !b.iter().all(u8::is_ascii_digit) || b.len() > 12 {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut keep = |n: Vec<u8>| {
        if n.as_slice() != b && (n.len() == 1 || n[0] != b'0' || b[0] == b'0') {
            out.push(String::from_utf8(n).unwrap_or_default());
        }
    };
    for i in 0..b.len() {
        for c in b'0'..=b'9' {
            if c != b[i] {
                let mut n = b.to_vec();
                n[i] = c;
                keep(n);
            }
        }
        if i + 1 < b.len() && b[i] != b[i + 1] {
            let mut n = b.to_vec();
            n.swap(i, i + 1);
            keep(n);
        }
    }
    out
}

/// Do two digit strings differ by exactly one changed digit or one swap of
/// adjacent digits?
fn one_slip(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() != b.len() || a == b {
        return false;
    }
    let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    match diff.as_slice() {
        [_] => true,
        [i, j] => *j == i + 1 && a[*i] == b[*j] && a[*j] == b[*i],
        _ => false,
    }
}

/// Where the last parenthesis that closes one opened before `s` is
/// ("% in constant currency) driven by"); "Comirnaty(1)" opens its own.
fn unopened_close(s: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut last = None;
    for (i, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            ')' => last = Some(i),
            _ => {}
        }
    }
    last
}

/// The text without its complete parentheses and what they hold.
fn strip_parens(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    let mut pending = String::new();
    for ch in s.chars() {
        match ch {
            '(' => {
                depth += 1;
                pending.push(ch);
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    pending.clear();
                    out.push(' ');
                } else {
                    pending.push(ch);
                }
            }
            c if depth > 0 => pending.push(c),
            c => out.push(c),
        }
    }
    // An unclosed parenthesis ("of $(") is kept.
    out.push_str(&pending);
    out
}

/// The nearest char boundary at or below `i`.
fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The nearest char boundary at or above `i`, at most the end.
fn ceil_char(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i.min(s.len())
}

fn scale_word(s: Decimal) -> &'static str {
    if s >= Decimal::new(1_000_000_000, 0) {
        "billion"
    } else if s >= Decimal::new(1_000_000, 0) {
        "million"
    } else {
        "thousand"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_is_an_intention_only_as_a_verb() {
        // (before the word, the word, after it)
        for (before, word, rest) in [
            ("due to our price change, ", "plan", "mix and more"),
            ("received by 401(k) ", "plan", "participants"),
            (
                "signups in our ads markets coming from our ads ",
                "plan",
                "",
            ),
        ] {
            assert!(noun_plan(before, word, rest), "{before}{word} {rest}");
        }
        for (before, word, rest) in [
            ("We ", "plan", "to invest $2 billion"),
            ("The Company ", "plans", "to repurchase"),
            ("Intel ", "plans", "to reduce"),
            ("", "expects", "revenue of"),
        ] {
            assert!(!noun_plan(before, word, rest), "{before}{word} {rest}");
        }
    }

    #[test]
    fn quarter_screen_admits_every_quarter_word() {
        for yes in [
            "Third Quarter",
            "in the QUARTER",
            "Q4 2005",
            "q1",
            "fiscal 2024 first quarter",
        ] {
            assert!(may_name_quarter(yes.as_bytes()), "{yes}");
        }
        for no in [
            "",
            "q",
            "Q5 results",
            "quart",
            "nine months ended",
            "fiscal 2024",
        ] {
            assert!(!may_name_quarter(no.as_bytes()), "{no}");
        }
    }
    use crate::check::findings_of;

    /// A small release written for these tests: one statement of
    /// operations, two quarters.
    fn release(prose: &str) -> String {
        format!(
            "Example Corp Reports First Quarter 2026 Results\n\n{prose}\n\n\
EXAMPLE CORP\nCONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS\n\
(in thousands, except per share amounts)\n\n\
\tThree Months Ended March 31,\t\n\t2026\t2025\n\n\
Revenue\t$ 48,213\t$ 42,871\n\
Cost of revenue\t21,064\t19,118\n\
Gross profit\t27,149\t23,753\n\
Operating expenses\t22,890\t21,008\n\
Income from operations\t4,259\t2,745\n\
Provision for income taxes\t790\t498\n\
Net income\t$ 3,469\t$ 2,247\n\n\
Net income per share:\t\t\n\
Basic\t$ 0.11\t$ 0.07\n\
Diluted\t$ 0.11\t$ 0.07\n"
        )
    }

    /// Sentences and the number of narrative findings each must give.
    const CASES: &[(&str, usize)] = &[
        ("Revenue for the first quarter of 2026 was $48.2 million.", 0),
        ("Revenue for the first quarter of 2026 was $84.2 million.", 1),
        ("Revenue for the first quarter of 2026 was $58.2 million.", 1),
        ("Revenue for the first quarter of 2025 was $42.9 million.", 0),
        ("Revenue for the first quarter of 2025 was $42.8 million.", 1),
        // The period decides: $42.9 million is the prior year's.
        ("Revenue for the first quarter of 2026 was $42.9 million.", 0),
        (
            "Revenue was $48.2 million, an increase of 12.5% compared to the first quarter of 2025.",
            0,
        ),
        (
            "Revenue was $48.2 million, an increase of 21.5% compared to the first quarter of 2025.",
            1,
        ),
        // Direction words against the sign.
        (
            "Revenue was $48.2 million, a decrease of 12.5% compared to the first quarter of 2025.",
            1,
        ),
        // A part of the business, before or after the concept.
        ("Data Center revenue for the first quarter of 2026 was $48.9 million.", 0),
        ("Revenue in North America was $48.9 million.", 0),
        ("Subscription revenue grew to $48.9 million.", 0),
        // Other measures, the future, ranges.
        ("Non-GAAP net income was $3.8 million.", 0),
        ("Non-GAAP earnings per diluted share was $0.15.", 0),
        ("Net income, excluding restructuring, was $3.8 million.", 0),
        ("The company expects revenue of $48.9 million next quarter.", 0),
        ("Revenue is expected between $48.9 million and $52.0 million.", 0),
        // Per-share figures are the concept's.
        ("Net income was $3.5 million, or $0.11 per diluted share.", 0),
        ("Net income was $3.5 million, or $0.17 per diluted share.", 1),
        // Lists.
        (
            "Revenue and net income were $48.2 million and $3.5 million, respectively.",
            0,
        ),
        (
            "Revenue and net income were $48.2 million and $5.3 million, respectively.",
            1,
        ),
        // Gross margin: gross profit over revenue, 56.3%.
        ("Gross margin for the first quarter of 2026 was 56%.", 0),
        ("Gross margin for the first quarter of 2026 was 65%.", 1),
        // The longer name of the same ratio, scorecard style.
        ("Gross profit margin: GAAP: 56.3 percent.", 0),
        ("Gross profit margin: GAAP: 53.6 percent.", 1),
        ("Net profit margin for the first quarter of 2026 was 53.6%.", 0),
        // Operating margin: income from operations over revenue, 8.8%.
        ("Operating margin for the first quarter of 2026 was 8.8%.", 0),
        ("Operating margin for the first quarter of 2026 was 9.8%.", 1),
        ("Non-GAAP operating margin for the first quarter of 2026 was 9.8%.", 0),
        // Hedges: "approximately" widens, "more than" is one-sided.
        ("Revenue was approximately $48 million.", 0),
        ("Revenue was more than $48 million.", 0),
        // Growth named after the rate, or after a change amount.
        ("Revenue was $48.2 million, which represents 12 percent year-over-year growth.", 0),
        ("Revenue was $48.2 million, which represents 21 percent year-over-year growth.", 1),
        ("Revenue of $48.2 million, a 12% increase compared with $42.9 million.", 0),
        ("Revenue of $48.2 million, a 21% increase compared with $42.9 million.", 1),
        ("Revenue was $48.2 million, an increase of $5.3 million, or 12%, compared with $42.9 million.", 0),
        ("Revenue was $48.2 million, an increase of $5.3 million, or 21%, compared with $42.9 million.", 1),
        // "increased 12% to $48.2 million" is no range.
        ("Revenue increased 12% to $48.2 million.", 0),
        ("Revenue increased 21% to $48.2 million.", 1),
        ("Revenue increased 12% to $84.2 million.", 1),
        // A qualifier of the next clause is not this figure's.
        ("GAAP operating income was $4.3 million and non-GAAP operating income was $5.1 million.", 0),
        ("GAAP operating income was $3.4 million and non-GAAP operating income was $5.1 million.", 1),
        ("GAAP operating income was $4.3 million while non-GAAP operating income was $5.1 million.", 0),
        ("GAAP operating income was $3.4 million while non-GAAP operating income was $5.1 million.", 1),
    ];

    #[test]
    fn claims_as_data() {
        let mut wrong = Vec::new();
        for (sentence, want) in CASES {
            let got = findings_of("narrative-figures", &release(sentence));
            if got.len() != *want {
                wrong.push(format!(
                    "{sentence:?}: {} findings, want {want}: {got:#?}",
                    got.len()
                ));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    /// `release` with a segment table: parts of revenue under "Revenues:".
    fn release_with_segments(prose: &str) -> String {
        format!(
            "{}\nSEGMENT INFORMATION\n(in thousands)\n\n\
\tThree Months Ended March 31,\t\n\t2026\t2025\n\n\
Revenues:\t\t\n\
Cloud Services\t$ 12,013\t$ 9,240\n\
Devices\t36,200\t32,321\n\
Other\t—\t1,310\n\
Total revenues\t$ 48,213\t$ 42,871\n",
            release(prose)
        )
    }

    #[test]
    fn parts_of_the_business_tie_to_their_rows() {
        const PARTS: &[(&str, usize)] = &[
            ("Cloud Services revenue was $12.0 million, up 30% compared to the first quarter of 2025.", 0),
            ("Cloud Services revenue was $12.0 million, up 39% compared to the first quarter of 2025.", 1),
            ("Cloud Services revenue was $21.0 million.", 1),
            ("Record quarterly Cloud Services revenue was $12.0 million.", 0),
            ("Devices segment sales increased 12% year-over-year to $36.2 million.", 0),
            ("Revenue in Cloud Services was $12.0 million and increased 30%.", 0),
            ("Revenue in Cloud Services was $12.1 million and increased 30%.", 1),
            ("Revenue in Cloud Services was $12.0 million and increased 39%.", 1),
            ("Revenue in Storage Services was $12.1 million.", 0),
            ("Devices segment sales increased 21% year-over-year to $36.2 million.", 1),
            ("Devices segment sales increased 12% year-over-year to $63.2 million.", 1),
            // A part no table shows, and a part of a part, stay unchecked.
            ("Hardware revenue was $30.0 million.", 0),
            ("Cloud Services subscription revenue was $30.0 million.", 0),
            // "Segment sales" with no part named is not consolidated revenue.
            ("Segment sales were $30.0 million.", 0),
            // A rate with no amount beside it.
            ("Net income increased 54%.", 0),
            ("Net income increased 45%.", 1),
        ];
        let mut wrong = Vec::new();
        for (sentence, want) in PARTS {
            let got = findings_of("narrative-figures", &release_with_segments(sentence));
            if got.len() != *want {
                wrong.push(format!(
                    "{sentence:?}: {} findings, want {want}: {got:#?}",
                    got.len()
                ));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn non_gaap_measures_tie_to_their_reconciliation() {
        let with_reconciliation = |prose: &str| {
            format!(
                "{}\nRECONCILIATION OF GAAP TO NON-GAAP NET INCOME\n(in thousands)\n\n\
\tThree Months Ended March 31,\t\n\t2026\t2025\n\n\
GAAP net income\t$ 3,469\t$ 2,247\n\
Stock-based compensation\t1,200\t1,100\n\
Non-GAAP net income\t$ 4,669\t$ 3,347\n\n\
Non-GAAP diluted net income per share\t$ 0.15\t$ 0.11\n",
                release(prose)
            )
        };
        for (sentence, want) in [
            (
                "Diluted net income per share was $0.11 on a GAAP basis and $0.15 on a non-GAAP basis.",
                0,
            ),
            (
                "Diluted net income per share was $0.11 on a GAAP basis and $0.51 on a non-GAAP basis.",
                1,
            ),
            (
                "GAAP net income was $3.5 million and non-GAAP net income was $4.7 million.",
                0,
            ),
            (
                "GAAP net income was $3.5 million and non-GAAP net income was $4.8 million.",
                1,
            ),
        ] {
            let got = findings_of("narrative-figures", &with_reconciliation(sentence));
            assert_eq!(got.len(), want, "{sentence}: {got:#?}");
        }
    }

    #[test]
    fn non_gaap_measures_in_other_reconciliation_layouts() {
        // "GAAP" and "Non-GAAP" rows under a per-share header.
        let rows = |prose: &str| {
            format!(
                "{}\nRECONCILIATION OF GAAP TO NON-GAAP FINANCIAL MEASURES\n\
(in thousands, except per share data)\n\n\
\tThree Months Ended March 31,\t\n\t2026\t2025\n\n\
Diluted net income per share (E):\t\t\n\
GAAP\t$ 0.11\t$ 0.07\n\
Non-GAAP\t$ 0.15\t$ 0.11\n",
                release(prose)
            )
        };
        // A "Non-GAAP" column beside the GAAP one and the adjustments.
        let columns = |prose: &str| {
            format!(
                "{}\nRECONCILIATION OF SELECTED GAAP MEASURES TO NON-GAAP MEASURES\n\
(in thousands)\n\n\
\tThree Months Ended March 31,\t\t\t\t\t\n\
\t2026 GAAP\t2026 Adjustments\t2026 Non-GAAP\t2025 GAAP\t2025 Adjustments\t2025 Non-GAAP\n\n\
Income from operations\t$ 4,259\t$ 1,200\t$ 5,459\t$ 2,745\t$ 1,100\t$ 3,845\n",
                release(prose)
            )
        };
        for (sentence, want) in [
            ("Non-GAAP earnings per diluted share was $0.15.", 0),
            ("Non-GAAP earnings per diluted share was $0.51.", 1),
        ] {
            let got = findings_of("narrative-figures", &rows(sentence));
            assert_eq!(got.len(), want, "{sentence}: {got:#?}");
        }
        for (sentence, want) in [
            ("Non-GAAP operating income was $5.5 million, up 42% in USD.", 0),
            ("Non-GAAP operating income was $5.5 million, up 24% in USD.", 1),
            ("Non-GAAP operating income was $5.9 million.", 1),
            // Another figure of the measure, not in the tables.
            ("Non-GAAP operating income was $5.5 million, up 42% in USD and up 47% in constant currency.", 0),
        ] {
            let got = findings_of("narrative-figures", &columns(sentence));
            assert_eq!(got.len(), want, "{sentence}: {got:#?}");
        }
    }

    #[test]
    fn a_printed_leading_zero_is_a_slip() {
        // Revenue of 90,753 thousand is "$90.8 million"; "$09.8 million"
        // swaps its first two digits, though its value, 9.8, is not one
        // slip from 90.8.
        for (sentence, want) in [
            (
                "Revenue for the first quarter of 2026 was $90.8 million.",
                0,
            ),
            (
                "Revenue for the first quarter of 2026 was $09.8 million.",
                1,
            ),
            ("Revenue for the first quarter of 2026 was $9.8 million.", 0),
        ] {
            let text = release(sentence).replace("$ 48,213", "$ 90,753");
            let got = findings_of("narrative-figures", &text);
            assert_eq!(got.len(), want, "{sentence}: {got:#?}");
        }
    }

    #[test]
    fn the_finding_is_on_the_prose_figure() {
        let text = release("Revenue for the first quarter of 2026 was $58.2 million.");
        let f = findings_of("narrative-figures", &text);
        assert_eq!(f.len(), 1);
        assert_eq!(&text[f[0].span.start..f[0].span.end], "58.2");
        // Labelled with the table figure it was compared with.
        assert!(f[0]
            .labels
            .iter()
            .any(|l| &text[l.span.start..l.span.end] == "48,213"));
    }

    #[test]
    fn period_expressions() {
        let clue = |s: &str| {
            PERIOD
                .captures_iter(s)
                .map(|c| clue_of(&c))
                .find(|c| *c != PeriodClue::default())
                .unwrap_or_default()
        };
        let c = clue("for the first quarter of 2006");
        assert_eq!(
            (c.months, c.quarter, c.year),
            (Some(3), Some(1), Some(2006))
        );
        let c = clue("fiscal 2024 first quarter");
        assert_eq!((c.quarter, c.year, c.fiscal), (Some(1), Some(2024), true));
        let c = clue("Q4 2005");
        assert_eq!((c.quarter, c.year), (Some(4), Some(2005)));
        let c = clue("at March 31, 2006");
        assert_eq!(
            c.date.map(|d| (d.year, d.month, d.day)),
            Some((2006, 3, 31))
        );
        assert_eq!(clue("for the nine months").months, Some(9));
        assert_eq!(clue("for the trailing twelve months").months, Some(12));
        assert_eq!(clue("in fiscal 2024").year, Some(2024));
    }

    #[test]
    fn subjects() {
        let ok = |s: &str| subject_before(s, s.len(), &Issuer::default()).is_ok();
        assert!(ok("for the first quarter of 2006, "));
        assert!(ok("record quarterly "));
        assert!(ok("the company posted total "));
        assert!(!ok("record quarterly data center "));
        assert!(!ok("subscription "));
        assert!(ok("compared to $1.68 billion, $3.78 "));
        assert!(subject_after(" for the first quarter of 2006 was ", true).is_ok());
        assert!(subject_after(" in the americas was ", true).is_err());
        assert!(subject_after(" from services was ", true).is_err());
    }

    #[test]
    fn a_comparison_repeats_the_amount_and_per_share_pair() {
        for (sentence, want) in [
            (
                "Net income was $3.5 million, $0.11 per diluted share, compared to $2.2 million, $0.07 per diluted share.",
                0,
            ),
            (
                "Net income was $3.5 million, $0.11 per diluted share, compared to $2.7 million, $0.07 per diluted share.",
                1,
            ),
            (
                "Net income was $3.5 million, or $0.11 per diluted share, compared with $2.2 million, or $0.07 per diluted share.",
                0,
            ),
        ] {
            let got = findings_of("narrative-figures", &release(sentence));
            assert_eq!(got.len(), want, "{sentence}: {got:#?}");
        }
    }

    #[test]
    fn quarters_of_a_calendar_in_weeks() {
        // A 16-week quarter (12/12/12/16-week fiscal calendars) is what the
        // release calls "the quarter".
        for (sentence, want) in [
            ("Revenue for the quarter was $48.2 million.", 0),
            ("Revenue for the quarter was $84.2 million.", 1),
            ("Net income for the first quarter was $3.5 million.", 0),
            ("Net income for the first quarter was $5.3 million.", 1),
        ] {
            let text = release(sentence).replace(
                "\tThree Months Ended March 31,\t\n\t2026\t2025",
                "\t16 Weeks Ended\t\n\tMarch 29, 2026\tMarch 30, 2025",
            );
            let got = findings_of("narrative-figures", &text);
            assert_eq!(got.len(), want, "{sentence}: {got:#?}");
        }
    }

    #[test]
    fn a_base_named_beside_a_growth_narrows_its_pairs() {
        // Five quarters: the latest quarter's growth over each earlier one
        // is four rates (10%, 4.8%, 2.3%, -2.2%); "year over year" and
        // "sequentially" name one, and a growth that names none is the
        // year's.
        let text = |prose: &str| {
            format!(
                "Example Corp Reports Third Quarter 2026 Results\n\n{prose}\n\n\
EXAMPLE CORP\nCONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS\n(in thousands)\n\n\
\tThree Months Ended\n\
\tSeptember 30, 2026\tJune 30, 2026\tMarch 31, 2026\tDecember 31, 2025\tSeptember 30, 2025\n\n\
Revenue\t$ 44,000\t$ 45,000\t$ 43,000\t$ 42,000\t$ 40,000\n\
Cost of revenue\t21,000\t21,500\t20,000\t20,500\t19,000\n\
Gross profit\t23,000\t23,500\t23,000\t21,500\t21,000\n"
            )
        };
        for (sentence, want) in [
            ("Revenue grew 10% year over year.", 0),
            ("Revenue grew 16% year over year.", 1),
            // No base named: a release's usual one, the year before.
            ("Revenue grew 16%.", 1),
            ("Revenue grew 10%.", 0),
            ("Revenue fell 2% sequentially.", 0),
            ("Revenue fell 8% sequentially.", 1),
        ] {
            let got = findings_of("narrative-figures", &text(sentence));
            assert_eq!(got.len(), want, "{sentence}: {got:#?}");
        }
    }

    #[test]
    fn period_words_that_lost_their_ligature() {
        for (sentence, want) in [
            (
                "Revenue for the rst quarter of scal 2026 was $48.2 million.",
                0,
            ),
            (
                "Revenue for the rst quarter of scal 2026 was $84.2 million.",
                1,
            ),
            ("Net income for the rst quarter was $5.3 million.", 1),
        ] {
            let got = findings_of("narrative-figures", &release(sentence));
            assert_eq!(got.len(), want, "{sentence}: {got:#?}");
            if let Some(f) = got.first() {
                let text = release(sentence);
                // The offsets are the file's: the repaired words kept their length.
                assert!(["84.2", "5.3"].contains(&&text[f.span.start..f.span.end]));
            }
        }
    }

    #[test]
    fn a_short_figure_with_no_period_is_about_the_latest() {
        // Four columns give four operating incomes ($4.3, $2.7, $11.9 and
        // $8.3 million): "$4.8 million" is one slip from $4.3 million, but
        // two digits are one slip from too many figures to tell which,
        // until the release's own period (the columns that end last)
        // narrows them to two.
        let text = |prose: &str| {
            format!(
                "Example Corp Reports Third Quarter 2026 Results\n\n{prose}\n\n\
EXAMPLE CORP\nCONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS\n\
(in thousands)\n\n\
\tThree Months Ended September 30,\t\tNine Months Ended September 30,\t\n\
\t2026\t2025\t2026\t2025\n\n\
Revenue\t$ 48,213\t$ 42,871\t$ 139,020\t$ 121,400\n\
Cost of revenue\t21,064\t19,118\t60,118\t54,089\n\
Gross profit\t27,149\t23,753\t78,902\t67,311\n\
Operating expenses\t22,890\t21,008\t67,000\t59,000\n\
Income from operations\t4,259\t2,745\t11,902\t8,311\n"
            )
        };
        for (sentence, want) in [
            ("Income from operations was $4.3 million.", 0),
            ("Income from operations was $4.8 million.", 1),
            // A period named is the claim's own, not the latest.
            (
                "Income from operations for the third quarter of 2025 was $2.7 million.",
                0,
            ),
            (
                "Income from operations for the third quarter of 2025 was $2.9 million.",
                1,
            ),
        ] {
            let got = findings_of("narrative-figures", &text(sentence));
            assert_eq!(got.len(), want, "{sentence}: {got:#?}");
        }
    }

    #[test]
    fn slips() {
        assert!(one_slip("426", "436"));
        assert!(one_slip("426", "462"));
        assert!(!one_slip("426", "426"));
        assert!(!one_slip("426", "4260"));
        assert!(!one_slip("426", "531"));
        assert_eq!(digits("42.6", 1), "426");
        assert_eq!(digits("42", 1), "420");
        let n = slip_neighbors("316");
        assert!(n.contains(&"136".to_string()) && n.contains(&"361".to_string()));
        assert!(n.contains(&"916".to_string()) && n.contains(&"310".to_string()));
        assert!(n.iter().all(|x| one_slip("316", x)));
        // No zero moved in front of a figure that never printed one.
        assert!(!n.contains(&"016".to_string()));
        assert_eq!(slip_neighbors("3").len(), 9);
        assert!(slip_neighbors("3.1").is_empty());
    }
}
