//! `restatement`: a figure stated twice must agree.
//!
//! ## What it checks
//! Releases repeat their key figures: the headline bullet, the CEO's quote,
//! the body paragraph, the outlook paragraph. Where no table shows the
//! measure (remaining performance obligations, annual recurring revenue,
//! guidance, a dividend declared), the only tie-out there is, is between
//! the restatements:
//!
//! ```text
//! • Record RPO of $19.96 billion
//! …
//! Remaining Performance Obligations ("RPO") were $19.96 billion.
//!
//! • Forecasting first-quarter 2025 revenue of $11.7 billion to $12.7 billion
//! …
//! For the first quarter of 2025, the company expects revenue of $11.7
//! billion to $12.7 billion.
//! ```
//!
//! Two prose figures that state the same thing must agree at their printed
//! precision: "$12.7 billion" and "$12,700 million" agree, and so do "$1.3
//! billion" and "$1.33 billion" (at the coarser precision). A figure that
//! disagrees is reported with a label on the other statement; which of the
//! two is wrong cannot be told from the text, and the message says so. A
//! guidance range's ends are compared end with end.
//!
//! ## When two figures state the same thing
//! Only when every part of the statement is read alike:
//! - the **subject**: the words of the figure's clause before it (or "in
//!   RPO" right after it, when nothing stands before it), with articles,
//!   linking and reporting verbs ("was", "reached", "generated"), "record"
//!   and "total" left out, plurals made singular, a defined acronym
//!   ("Remaining Performance Obligations ("RPO")") read as the acronym, and
//!   the basis words after the figure ("on a non-GAAP basis", "in constant
//!   currency") added; the same set of words on both. A short heading over
//!   the paragraph that names a part of the business ("Data Center") is
//!   part of the subject;
//! - the **period**: the period words of the sentence ("first quarter of
//!   2025", "Q1 2025", "fiscal 2024", "full year"); a quarter named without
//!   its year takes the year the release names it with. A figure whose
//!   sentence names no period is compared only where the document states
//!   that subject for a single period;
//! - the **kind**: an amount, a per-share amount, a percentage or points;
//!   a value, a growth rate, a change, or the low or high end of a range;
//!   stated as past or as forward-looking; a loss or a gain;
//! - the **figure**: neither hedged ("approximately", "more than", "up
//!   to"), nor a comparison base ("compared with $7.9 billion", "from", "a
//!   year ago"), nor a member of a "respectively" list; a forward-looking
//!   sentence that updates guidance ("raises", "previously", "prior
//!   outlook") is left alone.
//!
//! Two figures of one sentence are never compared. A subject stated with
//! more than two different values is not one subject, and nothing is said.
//!
//! ## Saying nothing unsure
//! A disagreement is reported only with evidence that both figures are
//! meant to be the same number: they are one slip apart at the coarser
//! precision (one digit changed, or two adjacent digits swapped), as
//! `narrative-figures` asks of a claim against a table. Figures that
//! disagree by more are taken to state different things the words do not
//! tell apart. When both figures tie to the tables, they are different
//! figures, whatever their words; when one does, the other is the one
//! reported.
//!
//! ## Growth rates after a restated amount
//! Rates are short: "12%" and "13%" are different rates more often than a
//! typo, so a rate is never a statement of its own. But two amounts that
//! restate each other restate the rates right after them:
//!
//! ```text
//! • Data Center revenue of $41.1 billion, up 5% from Q1 and up 56% from a year ago
//! …
//! Data Center
//! • Second-quarter revenue was $41.1 billion, up 5% from the previous quarter and up 56% from a year ago.
//! ```
//!
//! Each rate after one amount is compared with the rate after the other
//! that is measured against the same base (a year ago; the prior quarter,
//! "from Q1" or "sequentially"; or unsaid), in the same direction, on the
//! same basis ("in constant currency"), when each sentence states one such
//! rate; the words between the amount and its rates must be the rates'
//! own, not another subject's. A disagreement is reported under the same
//! one-slip rule, once: the rate against the others that agree, or of two,
//! the later one (the one the tables do not verify, when the other ties).
//!
//! Figures that agree with a restatement count as verified; `tickmark
//! inspect` shows them as agreeing with the line of the other.

use super::claim::{sentence_end, sentence_start, Issuer};
use super::{Finding, Label, Outcome};
use crate::document::{format_grouped, Document, Mention, MentionKind};
use crate::fxhash::{FxHashMap as HashMap, FxHashSet as HashSet};
use crate::interval::Interval;
use crate::rules::Rule;
use regex::Regex;
use rust_decimal::{Decimal, RoundingStrategy};
use std::collections::BTreeSet;
use std::sync::LazyLock;

/// A statement stated more often than this is not one statement.
const MAX_GROUP: usize = 8;

/// Significant digits a figure needs to be compared.
const MIN_DIGITS: usize = 3;

/// Blocks a heading governs at most.
const HEADING_REACH: usize = 8;

/// Words about the future: the sentence's figures are forward-looking.
static FUTURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(expects?|expected|expecting|expectations?|guidance|guides?|guiding|outlook|anticipates?|anticipated|anticipating|forecasts?|forecasting|forecasted|projects?|projected|projecting|projections?|targets?|targeting|will|plans?|intends?|estimates?|estimated|should|could|may|might|goal|would|assumes?|assuming|believes?|seeks?|sees|forward)(?-u:\b)")
        .expect("re")
});

/// A forward-looking sentence that moves guidance: its figures may be the
/// old outlook or the new.
static UPDATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(rais[a-z]*|lower[a-z]*|updat[a-z]*|narrow[a-z]*|revis[a-z]*|reaffirm[a-z]*|reiterat[a-z]*|maintain[a-z]*|increas[a-z]*|decreas[a-z]*|previous[a-z]*|prior|initial[a-z]*|original[a-z]*|from|change[a-z]*|replac[a-z]*)(?-u:\b)")
        .expect("re")
});

static RESPECTIVELY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)respectively(?-u:\b)").expect("re"));

/// A hedge right before the figure: it is not stated at its precision.
static HEDGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)((?-u:\b)(approximately|approx\.?|about|around|roughly|some|almost|nearly|close to|more than|over|in excess of|exceed[a-z]*|surpass[a-z]*|top[a-z]*|less than|under|below|above|up to|at least|at most|just|greater than|north of|minimum|maximum|as much as|as high as|as low as)|~|>|<|\+)\s*\(?\s*(US)?\$?\s*$")
        .expect("re")
});

/// A hedge right after the figure ("$2 billion or more", "$5 billion+").
static HEDGE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(million|billion|thousand|mm|bn)?\s*(\+|or (more|less|higher|lower|greater|better)|plus(?-u:\b))")
        .expect("re")
});

/// Words right before the figure that make it the base of a comparison.
static COMPARED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(compared (to|with)|comparison|versus|vs\.?|prior|previous|previously|last year|year[\s-]ago|year earlier|restated|instead of|rather than)(?-u:\b)[^$[0-9]%]{0,40}$|(?-u:\b)(from|than|against|over)\s*\(?\s*(US)?\$?\s*$")
        .expect("re")
});

/// Words right after an amount that date it in the past of the release.
static BASE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[^$[0-9]]{0,40}?(?-u:\b)(a year (ago|earlier|before)|last year|prior[\s-]year|previous year|year[\s-]ago|(in|for|during|of|at) the (same|prior|previous|preceding|comparable|corresponding|last)|previously|prior period|as (previously )?(reported|restated)|compared|versus|vs(?-u:\b))")
        .expect("re")
});

/// "or 12% of revenue": a share, not a growth of the amount before.
static SHARE_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(%|percent|per cent)?\s*(of|to)\s+([a-z]+\s+){0,3}?(revenue|revenues|sales|total|net|income|gross|the|its|our)(?-u:\b)")
        .expect("re")
});

/// What a figure's own words are after its digits: its scale, its unit.
static TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(million|billion|thousand|mm|bn)?\)?\s*(%|percent(?-u:\b)|per cent(?-u:\b)|percentage points?(?-u:\b)|basis points?(?-u:\b)|points?(?-u:\b)|bps(?-u:\b))?(\s*per\s+(basic\s+|diluted\s+)?share(?-u:\b))?")
        .expect("re")
});

/// A range between the figure before and this one.
static RANGE_GAP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(million|billion|thousand|mm|bn)?\s*(%|percent|per cent)?\s*(per (diluted |basic )?share)?\s*(to|-|–|—|through)\s*\(?\s*(US)?\$?\s*$")
        .expect("re")
});
static BETWEEN_GAP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(million|billion|thousand|mm|bn)?\s*(%|percent|per cent)?\s*(per (diluted |basic )?share)?\s*and\s*\(?\s*(US)?\$?\s*$")
        .expect("re")
});
static BETWEEN_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)between\s*\(?\s*(US)?\$?\s*$").expect("re"));

/// Growth words just before a figure ("up 12%", "an increase of $41
/// million", "grew 9 percent").
static GROWTH_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(increase|increased|increasing|increases|up|grew|grow|growing|growth|rose|rise|rising|decrease|decreased|decreases|decreasing|down|declined|declines?|declining|fell|drop|dropped|improvement|improved|expanded|expansion|contracted|contraction|higher|lower|gain|gains)(\s+(of|by))?(\s+(an?|approximately))?\s*\(?\s*(US)?\$?\s*$")
        .expect("re")
});
/// "grew to $X": the amount is a value.
static TO_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)to\s*\(?\s*(US)?\$?\s*$").expect("re"));
/// "12 percent year-over-year growth".
static GROWTH_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(%|percent|per cent)?\s*(year[\s-]over[\s-]year|y/y|yoy|sequential|sequentially|quarter[\s-]over[\s-]quarter|annual|organic|reported|revenue|sales)?\s*(growth|increase|decrease|decline|rise|drop|improvement|higher|lower|expansion|contraction)(?-u:\b)")
        .expect("re")
});
static GROWTH_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(increase[a-z]*|up|grew|grow[a-z]*|rose|rise|rising|decrease[a-z]*|down|declin[a-z]*|fell|drop[a-z]*|improv[a-z]*|expan[a-z]*|contract[a-z]*|higher|lower|year[\s-]over[\s-]year|y/y|yoy|sequential[a-z]*)(?-u:\b)")
        .expect("re")
});

/// Basis words right after a figure ("on a non-GAAP basis", "in constant
/// currency", "excluding …").
static BASIS_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[^.;$[0-9]]{0,60}?(?-u:\b)(non-?gaap|gaap|adjusted|constant[\s-]currency|cc|organic|excluding|ex-|operational|operationally|pro[\s-]?forma|core|comparable|underlying|reported|as reported|fx[\s-]neutral|currency[\s-]neutral)(?-u:\b)")
        .expect("re")
});

/// Basis words anywhere before a figure in its sentence.
static BASIS_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(non-?gaap|adjusted|constant[\s-]currency|organic|excluding|operational|operationally|pro[\s-]?forma|core|comparable|underlying|fx[\s-]neutral|currency[\s-]neutral)(?-u:\b)")
        .expect("re")
});

/// Period expressions: an ordinal quarter, a quarter by number, a year, a
/// half, a length.
static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)",
        r"(?:(?:fiscal\s+(?:year\s+)?|fy\s*'?)?(?P<qy1>[0-9]{4}|[0-9]{2})[\s-]+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal[\s-]+)?quarter(?:\s+(?:of\s+|ended\s+)?(?:(?:the\s+)?fiscal\s+(?:year\s+)?|fy\s*'?)?(?P<qy2>[0-9]{4}))?",
        r"|(?-u:\b)q(?P<qn>[1-4])(?:\s*(?:fy|fiscal|f)?\s*'?(?P<qy3>[0-9]{4}|[0-9]{2})(?-u:\b))?",
        r"|(?-u:\b)(?P<hn>first|second|1st|2nd)[\s-]+half(?:\s+(?:of\s+)?(?:fiscal\s+(?:year\s+)?)?(?P<hy>[0-9]{4}))?",
        r"|(?-u:\b)(?:fiscal(?:\s+year)?|full[\s-]year|fy|calendar(?:\s+year)?|year)\s*'?(?P<yy>[0-9]{4}|[0-9]{2})(?-u:\b)",
        r"|(?-u:\b)(?P<yy2>(?:19|20)[0-9]{2})(?-u:\b)",
        r"|(?-u:\b)(?P<quarter>the quarter|quarterly|this quarter|current quarter|quarter)(?-u:\b)",
        r"|(?-u:\b)(?P<year>full[\s-]year|fiscal year|the year|annual|annually|year)(?-u:\b)",
        r"|(?-u:\b)(?P<other>three months|six months|nine months|twelve months|first half|second half|year[\s-]to[\s-]date|ytd|trailing|ttm|month|months|weeks?)(?-u:\b)",
    ))
    .expect("period regex")
});

/// Words that carry no subject: articles, linking and reporting verbs,
/// prepositions, "record", "total", period words left over.
const FILLER: &[&str] = &[
    "a",
    "an",
    "the",
    "our",
    "its",
    "their",
    "this",
    "that",
    "these",
    "those",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "of",
    "at",
    "to",
    "for",
    "in",
    "on",
    "by",
    "with",
    "as",
    "into",
    "during",
    "and",
    "also",
    "record",
    "recor",
    "all-time",
    "new",
    "total",
    "totaled",
    "totalled",
    "totaling",
    "totalling",
    "reached",
    "reaching",
    "amounted",
    "amounting",
    "came",
    "stood",
    "reported",
    "report",
    "reporting",
    "posting",
    "delivering",
    "generating",
    "posted",
    "post",
    "delivered",
    "deliver",
    "generated",
    "generate",
    "achieved",
    "achieve",
    "recorded",
    "produced",
    "hit",
    "grew",
    "increased",
    "rose",
    "expects",
    "expect",
    "expected",
    "expecting",
    "forecasting",
    "forecast",
    "forecasts",
    "anticipates",
    "anticipate",
    "guidance",
    "outlook",
    "sees",
    "see",
    "projects",
    "projected",
    "range",
    "between",
    "ended",
    "ending",
    "exiting",
    "exited",
    "end",
    "period",
    "strong",
    "solid",
    "healthy",
    "robust",
    "which",
    "who",
    "represents",
    "representing",
    "represented",
    "or",
    "quarter",
    "quarterly",
    "year",
    "annual",
    "fiscal",
    "full",
    "full-year",
    "fy",
    "then",
    "now",
    "today",
    "company",
    "company’s",
    "board",
    "director",
    "declared",
    "declare",
    "declares",
    "approved",
    "company's",
    "s",
];

/// Words of a subject that make its figure a comparison's.
const COMPARISON_WORDS: &[&str] = &[
    "compared",
    "comparison",
    "versus",
    "vs",
    "than",
    "prior",
    "previous",
    "previously",
    "last",
    "ago",
    "earlier",
    "restated",
    "against",
    "from",
    "over",
    "while",
    "whereas",
    "respectively",
    "billion",
    "million",
    "thousand",
];

/// Basis words: a subject of these alone names nothing.
const BASIS_WORDS: &[&str] = &[
    "cc",
    "gaap",
    "nongaap",
    "adjusted",
    "organic",
    "excluding",
    "ex",
    "operational",
    "operationally",
    "pro",
    "forma",
    "core",
    "comparable",
    "underlying",
    "reported",
    "as",
    "fx",
    "neutral",
    "currency",
    "basis",
];

/// Words that make a heading the release's own, not a part of its
/// business.
const GENERIC_HEADING: &[&str] = &[
    "for",
    "immediate",
    "release",
    "press",
    "news",
    "media",
    "nasdaq",
    "nyse",
    "exhibit",
    "page",
    "table",
    "contents",
    "note",
    "reported",
    "announce",
    "report",
    "the",
    "of",
    "to",
    "in",
    "on",
    "at",
    "by",
    "with",
    "from",
    "our",
    "we",
    "i",
    "a",
    "an",
    "is",
    "are",
    "was",
    "were",
    "about",
    "additional",
    "and",
    "announces",
    "balance",
    "business",
    "call",
    "capital",
    "cash",
    "commentary",
    "company",
    "conference",
    "consolidated",
    "contact",
    "contacts",
    "corporate",
    "developments",
    "dividend",
    "dividends",
    "earnings",
    "financial",
    "financials",
    "first",
    "fiscal",
    "flow",
    "forward-looking",
    "fourth",
    "full",
    "full-year",
    "gaap",
    "guidance",
    "highlights",
    "highlight",
    "information",
    "investor",
    "key",
    "liquidity",
    "non-gaap",
    "outlook",
    "overview",
    "performance",
    "quarter",
    "quarterly",
    "recent",
    "reconciliation",
    "record",
    "reports",
    "results",
    "return",
    "returns",
    "revenue",
    "second",
    "segment",
    "segments",
    "shareholder",
    "shareholders",
    "sheet",
    "statements",
    "summary",
    "third",
    "update",
    "updates",
    "webcast",
    "year",
];

/// What a figure is, besides its subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Role {
    Value,
    Growth,
    Change,
    Low,
    High,
}

impl Role {
    fn describe(self) -> &'static str {
        match self {
            Role::Value => "",
            Role::Growth => "growth",
            Role::Change => "change",
            Role::Low => "low end",
            Role::High => "high end",
        }
    }
}

/// A period as the words name it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum When {
    /// A quarter, half or year, by number ("q1y2025", "q4", "y2024").
    Named(String),
    /// "the quarter", "quarterly".
    Quarter,
    /// "the year", "full year".
    Year,
    /// No period words.
    None,
}

/// Everything of a statement but its period.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Base {
    subject: BTreeSet<String>,
    kind: u8,
    role: Role,
    negative: bool,
    forward: bool,
}

#[derive(Debug, Clone)]
struct Statement {
    mention: usize,
    base: Base,
    when: When,
    /// The sentence, to keep two figures of one sentence apart.
    sentence: (usize, usize),
}

/// What a figure's words say, before its period: the subject words, the
/// role, and whether the figure may be compared at all.
#[derive(Debug, Clone)]
struct Reading {
    subject: BTreeSet<String>,
    role: Role,
    when: When,
}

fn kind_code(k: MentionKind) -> u8 {
    match k {
        MentionKind::Money => 0,
        MentionKind::PerShare => 1,
        MentionKind::Percent => 2,
        MentionKind::Points => 3,
    }
}

/// Lower-case words of a phrase, singular, with "non-GAAP" and "constant
/// currency" as one word each.
fn words(s: &str) -> Vec<String> {
    let lower = s
        .to_lowercase()
        .replace("non-gaap", "nongaap")
        .replace("non gaap", "nongaap")
        .replace("constant currency", "cc")
        .replace("constant-currency", "cc")
        .replace(['’', '‘', '“', '”', '"'], "'");
    lower
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '&'))
        .map(|w| w.trim_matches(|c| c == '-' || c == '\''))
        .map(|w| w.strip_suffix("'s").unwrap_or(w))
        .filter(|w| !w.is_empty())
        .map(singular)
        .collect()
}

fn singular(w: &str) -> String {
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        w[..w.len() - 1].to_string()
    } else {
        w.to_string()
    }
}

/// Is a (singular) word in a list of words, singular or plural?
fn listed(list: &[&str], w: &str) -> bool {
    list.contains(&w)
        || list
            .iter()
            .any(|f| f.len() == w.len() + 1 && f.starts_with(w) && f.ends_with('s'))
}

fn filler(w: &str) -> bool {
    listed(FILLER, w) || w.chars().all(|c| c.is_ascii_digit())
}

/// Significant digits as printed: "19.96" has four, "0.25" two.
fn significant(m: &Mention) -> usize {
    format!("{:.*}", m.decimals as usize, m.value)
        .chars()
        .filter(|c| c.is_ascii_digit())
        .skip_while(|&c| c == '0')
        .count()
}

/// The period named in `text`: `None` for several different ones.
fn period_in(text: &str) -> Option<When> {
    // A date is a day ("payable on June 1, 2026", "as of December 31,
    // 2024"), not a period the figure is for.
    static DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(january|february|march|april|may|june|july|august|september|october|november|december|jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept?\.?|oct\.?|nov\.?|dec\.?)\s+[0-9]{1,2},?\s+[0-9]{4}").expect("re")
    });
    // "year-over-year", "a year ago": the base of a comparison, no period.
    static NOT_PERIOD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(year[\s-](over|on)[\s-]year|quarter[\s-](over|on)[\s-]quarter|year[\s-]ago|a year (earlier|before)|(prior|previous|last|same|preceding|comparable|sequential)[\s-](year|quarter|period|fiscal year)|year[\s-]to[\s-]year)(?-u:\b)").expect("re")
    });
    let text = NOT_PERIOD.replace_all(text, " ");
    let mut found: Option<When> = Option::None;
    // A date after "ended", "as of", "at" is the period; any other is a
    // day ("payable on June 1, 2026").
    for c in DATE.captures_iter(&text) {
        let before = text[..c.get(0).map_or(0, |m| m.start())]
            .trim_end()
            .to_lowercase();
        if !["ended", "ending", "as of", "at", "through", "end of"]
            .iter()
            .any(|w| before.ends_with(w))
        {
            continue;
        }
        let w = When::Named(format!(
            "d{}",
            c.get(0)
                .map_or("", |m| m.as_str())
                .to_lowercase()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join("")
        ));
        match &found {
            Option::None => found = Some(w),
            Some(f) if *f == w => {}
            Some(_) => return Option::None,
        }
    }
    if found.is_some() {
        // The date names the period; a length beside it says no more.
        return found;
    }
    let text = DATE.replace_all(&text, " ");
    static BASE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(from|compared (to|with)|versus|vs\.?|over|against|than|since|prior|previous|last|ago)\s+(the\s+)?(same\s+)?$").expect("re")
    });
    for c in PERIOD.captures_iter(&text) {
        let at = c.get(0).map_or(0, |m| m.start());
        let mut from = at.saturating_sub(30);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        if BASE_BEFORE.is_match(&text[from..at]) {
            continue;
        }
        let year = |y: Option<regex::Match>| -> Option<i32> {
            let y = y?.as_str();
            let n: i32 = y.parse().ok()?;
            Some(if y.len() == 2 { 2000 + n } else { n })
        };
        let w = if let Some(o) = c.name("ord") {
            let q = match o.as_str().to_lowercase().chars().next() {
                Some('f') if o.as_str().to_lowercase().starts_with("fi") => 1,
                Some('f') => 4,
                Some('s') => 2,
                Some('t') => 3,
                Some('1') => 1,
                Some('2') => 2,
                Some('3') => 3,
                Some('4') => 4,
                _ => return Option::None,
            };
            match year(c.name("qy1").or(c.name("qy2"))) {
                Some(y) => When::Named(format!("q{q}y{y}")),
                Option::None => When::Named(format!("q{q}")),
            }
        } else if let Some(q) = c.name("qn") {
            match year(c.name("qy3")) {
                Some(y) => When::Named(format!("q{}y{y}", q.as_str())),
                Option::None => When::Named(format!("q{}", q.as_str())),
            }
        } else if let Some(h) = c.name("hn") {
            let n = if h.as_str().to_lowercase().starts_with(['f', '1']) {
                1
            } else {
                2
            };
            match year(c.name("hy")) {
                Some(y) => When::Named(format!("h{n}y{y}")),
                Option::None => When::Named(format!("h{n}")),
            }
        } else if c.name("yy").is_some() || c.name("yy2").is_some() {
            match year(c.name("yy").or(c.name("yy2"))) {
                Some(y) => When::Named(format!("y{y}")),
                Option::None => return Option::None,
            }
        } else if c.name("quarter").is_some() {
            When::Quarter
        } else if c.name("year").is_some() {
            When::Year
        } else {
            // A length the key does not model ("nine months", "trailing").
            return Option::None;
        };
        match &found {
            Option::None => found = Some(w),
            Some(f) if *f == w => {}
            // "the fourth quarter of 2024" and "quarter": the named one.
            Some(When::Quarter | When::Year) if matches!(w, When::Named(_)) => found = Some(w),
            Some(When::Named(_)) if matches!(w, When::Quarter | When::Year) => {}
            Some(_) => return Option::None,
        }
    }
    Some(found.unwrap_or(When::None))
}

/// The issuer's own name (`claim`'s reading of it, words made singular as
/// subjects are): its words and initials say nothing of the subject
/// ("Northwind expects revenue of …").
fn issuer_words(doc: &Document) -> HashSet<String> {
    Issuer::new(doc).words().map(singular).collect()
}

/// A heading: its block, the part it names, whether it speaks of the
/// future, whether it ends with a colon, its period.
type Heading = (usize, Vec<String>, bool, bool, Option<When>);

/// The heading governing each block: a short block of its own, no figure,
/// no full stop, over at most `HEADING_REACH` blocks and no table.
struct Headings {
    /// For each block, the heading's subject words (a part of the
    /// business) and whether it speaks of the future.
    of: Vec<(Vec<String>, bool)>,
    /// The period the heading names ("Fourth Quarter Fiscal 2024
    /// Highlights"), for a sentence under it that names none.
    when: Vec<Option<When>>,
}

impl Headings {
    fn new(doc: &Document) -> Headings {
        let mut has_figure = vec![false; doc.blocks.len()];
        for m in &doc.mentions {
            has_figure[m.block] = true;
        }
        let mut table_starts: Vec<usize> = doc.tables.iter().map(|t| t.span.start).collect();
        table_starts.sort_unstable();
        let mut of = vec![(Vec::new(), false); doc.blocks.len()];
        let mut when = vec![Option::None; doc.blocks.len()];
        // (heading block, its part, forward-looking, ends with a colon,
        // its period)
        let mut current: Option<Heading> = Option::None;
        for (bi, b) in doc.blocks.iter().enumerate() {
            if let Some((hb, part, fwd, colon, w)) = &current {
                let table_between = {
                    let from = doc.blocks[*hb].span.end;
                    let i = table_starts.partition_point(|&s| s < from);
                    table_starts.get(i).is_some_and(|&s| s < b.span.start)
                };
                if bi - hb > HEADING_REACH || table_between {
                    current = Option::None;
                } else {
                    // "Outlook" makes the paragraph under it forward-looking;
                    // "… expects:" the list under it.
                    let fwd = *fwd && (bi == hb + 1 || *colon);
                    of[bi] = (part.clone(), fwd);
                    when[bi] = w.clone();
                }
            }
            let text = b.text.text().trim();
            let n = text.split_whitespace().count();
            if !has_figure[bi]
                && (1..=8).contains(&n)
                && text.len() <= 60
                && !text.ends_with('.')
                && !text.contains(['"', '“', '”'])
            {
                let ws = words(text);
                let generic = ws.iter().any(|w| listed(GENERIC_HEADING, w))
                    || ws.iter().any(|w| w.chars().any(|c| c.is_ascii_digit()));
                let fwd = FUTURE.is_match(text);
                let part = if generic || n > 6 { Vec::new() } else { ws };
                let w = period_in(text).filter(|w| matches!(w, When::Named(_)));
                current = Some((bi, part, fwd, text.ends_with(':'), w));
            }
        }
        Headings { of, when }
    }
}

/// A defined acronym: "Remaining Performance Obligations ("RPO")".
static ACRONYM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"\(\s*["“”']?\s*([A-Z][A-Za-z&]{1,7})\s*["“”']?\s*\)"#).expect("re")
});

/// The acronyms the document defines, by their long form in lower case
/// ("remaining performance obligations" → "rpo"): the long form's words
/// before the parenthesis whose initials spell it ("of", "and" skipped).
fn acronyms<'a>(texts: impl Iterator<Item = &'a str>) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for text in texts {
        for c in ACRONYM.captures_iter(text) {
            let (Some(whole), Some(acr)) = (c.get(0), c.get(1)) else {
                continue;
            };
            let letters: Vec<char> = acr
                .as_str()
                .chars()
                .filter(|c| c.is_ascii_uppercase())
                .map(|c| c.to_ascii_lowercase())
                .collect();
            if letters.len() < 2 {
                continue;
            }
            let head: Vec<&str> = text[..whole.start()].split_whitespace().collect();
            let mut need = letters.len();
            let mut k = head.len();
            while k > 0 && need > 0 && head.len() - k < 10 {
                let w = head[k - 1].to_lowercase();
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                if matches!(w, "of" | "and" | "&" | "the" | "for") {
                    k -= 1;
                    continue;
                }
                if w.starts_with(letters[need - 1]) {
                    need -= 1;
                    k -= 1;
                } else {
                    break;
                }
            }
            if need > 0 {
                continue;
            }
            let long = head[k..]
                .iter()
                .map(|w| {
                    w.to_lowercase()
                        .trim_matches(|c: char| !c.is_alphanumeric())
                        .to_string()
                })
                .collect::<Vec<_>>()
                .join(" ");
            let short = acr.as_str().to_lowercase();
            if !out.iter().any(|(l, _)| *l == long) {
                out.push((long, short));
            }
        }
    }
    out
}

/// The words of a clause before a figure, from the last clause boundary;
/// a defined acronym's definition dropped and its long form read as the
/// acronym.
fn clause_before(prefix: &str, aliases: &[(String, String)]) -> String {
    let cleaned = ACRONYM.replace_all(prefix, " ");
    let rest: &str = &cleaned;
    let cut = rest
        .char_indices()
        .filter(|&(i, ch)| {
            matches!(
                ch,
                ',' | ';' | ':' | '(' | ')' | '[' | ']' | '•' | '—' | '–' | '·' | '▪' | '●' | '|'
            ) || (ch == '-' && rest[i..].starts_with("- ") && rest[..i].ends_with(' '))
        })
        .map(|(i, ch)| i + ch.len_utf8())
        .next_back()
        .unwrap_or(0);
    let mut clause = rest[cut..]
        .split_whitespace()
        .map(|w| w.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ");
    for (long, short) in aliases {
        if clause.contains(long.as_str()) {
            clause = clause.replace(long.as_str(), short);
        }
    }
    clause
}

/// Subject words of a clause, without filler and period words.
fn subject_words(clause: &str) -> BTreeSet<String> {
    let without_periods = PERIOD.replace_all(clause, " ");
    words(&without_periods)
        .into_iter()
        .filter(|w| !filler(w))
        .collect()
}

/// Checks that figures stated twice agree.
pub fn check(doc: &Document, rule: &Rule, out: &mut Outcome) {
    let headings = Headings::new(doc);
    let issuer = issuer_words(doc);
    let aliases = acronyms(doc.blocks.iter().map(|b| b.text.text()));
    let statements = statements(doc, &headings, &issuer, &aliases);
    if statements.len() < 2 {
        return;
    }
    // A quarter named without its year takes the year the release names
    // it with, when only one.
    let mut years: HashMap<String, HashSet<String>> = HashMap::default();
    for s in &statements {
        if let When::Named(n) = &s.when {
            if let Some((q, y)) = n.split_once('y') {
                years
                    .entry(q.to_string())
                    .or_default()
                    .insert(y.to_string());
            }
        }
    }
    let mut by_base: HashMap<&Base, Vec<usize>> = HashMap::default();
    for (i, s) in statements.iter().enumerate() {
        by_base.entry(&s.base).or_default().push(i);
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for members in by_base.values() {
        if members.len() < 2 {
            continue;
        }
        let when = |i: usize| -> When {
            match &statements[i].when {
                When::Named(n) if !n.contains('y') => match years.get(n.as_str()) {
                    Some(ys) if ys.len() == 1 => {
                        When::Named(format!("{n}y{}", ys.iter().next().expect("one")))
                    }
                    _ => When::Named(n.clone()),
                },
                w => w.clone(),
            }
        };
        let named: HashSet<When> = members
            .iter()
            .map(|&i| when(i))
            .filter(|w| matches!(w, When::Named(_)))
            .collect();
        let mut by_when: HashMap<When, Vec<usize>> = HashMap::default();
        for &i in members {
            let w = when(i);
            let w = match (&w, named.len()) {
                (When::Named(_), _) => w,
                // Unnamed: the single period the subject is stated for.
                (_, 1) => {
                    let only = named.iter().next().expect("one").clone();
                    let fits = match (&w, &only) {
                        (When::None, _) => true,
                        (When::Quarter, When::Named(n)) => n.starts_with('q'),
                        (When::Year, When::Named(n)) => n.starts_with('y'),
                        _ => false,
                    };
                    if !fits {
                        continue;
                    }
                    only
                }
                (_, 0) => w,
                // Several periods: an unnamed one could be any.
                _ => continue,
            };
            by_when.entry(w).or_default().push(i);
        }
        // With no named period, "the quarter" and no words at all may be
        // the same only when the subject is never stated for "the year".
        if named.is_empty() {
            let vague: Vec<When> = by_when
                .keys()
                .filter(|w| matches!(w, When::Quarter | When::Year))
                .cloned()
                .collect();
            if let ([only], Some(none)) = (vague.as_slice(), by_when.remove(&When::None)) {
                by_when.entry(only.clone()).or_default().extend(none);
            }
        }
        groups.extend(by_when.into_values().filter(|g| g.len() >= 2));
    }
    groups.sort();
    let lines = LineCount::new(&doc.source.bytes);
    let mut anchors = Vec::new();
    for g in groups {
        compare(doc, rule, &statements, &g, &lines, &mut anchors, out);
    }
    for amounts in anchors {
        compare_growths(doc, rule, &amounts, &lines, out);
    }
}

/// Line numbers of byte offsets, for messages.
struct LineCount {
    newlines: Vec<usize>,
}

impl LineCount {
    fn new(bytes: &[u8]) -> LineCount {
        LineCount {
            newlines: memchr::memchr_iter(b'\n', bytes).collect(),
        }
    }
    fn line(&self, offset: usize) -> usize {
        self.newlines.partition_point(|&n| n < offset) + 1
    }
}

/// The interval a mention stands for, in units, and the unit of its last
/// digit.
fn interval(m: &Mention) -> Option<(Interval, Decimal)> {
    let unit = Decimal::new(1, m.decimals).checked_mul(m.scale)?;
    Some((m.interval()?, unit))
}

/// The printed digits of `m`, and `other`'s value at `m`'s precision.
fn digits_at(m: &Mention, other: &Mention) -> Option<(String, String)> {
    let v = other
        .value
        .checked_mul(other.scale)?
        .checked_div(m.scale)?
        .round_dp_with_strategy(m.decimals, RoundingStrategy::MidpointAwayFromZero);
    let a = format!("{:.*}", m.decimals as usize, m.value).replace('.', "");
    let b = format!("{:.*}", m.decimals as usize, v).replace('.', "");
    Some((a, b))
}

/// One digit changed, or two adjacent digits swapped.
fn one_slip(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
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

/// Are two mentions one slip apart, at the coarser one's precision?
fn slip_apart(a: &Mention, b: &Mention) -> bool {
    let (Some((_, ua)), Some((_, ub))) = (interval(a), interval(b)) else {
        return false;
    };
    let (coarse, fine) = if ua >= ub { (a, b) } else { (b, a) };
    digits_at(coarse, fine).is_some_and(|(x, y)| one_slip(&x, &y))
}

fn agree(a: &Mention, b: &Mention) -> bool {
    match (a.interval(), b.interval()) {
        (Some(x), Some(y)) => x.overlaps(&y),
        _ => false,
    }
}

/// The statement's own words up to and including its figure (at most the
/// last ten words of its sentence before the figure), so that a reader can
/// find the other statement even in an HTML exhibit that is one long line.
fn quote(doc: &Document, s: &Statement) -> String {
    const WORDS: usize = 10;
    let m = &doc.mentions[s.mention];
    let text = doc.blocks[m.block].text.text();
    let before = text
        .get(s.sentence.1.min(m.start)..m.start)
        .unwrap_or("")
        .trim_end_matches(|c: char| c == '$' || c == '(' || c.is_whitespace());
    let words: Vec<&str> = before.split_whitespace().collect();
    let cut = words.len().saturating_sub(WORDS);
    let ellipsis = if cut > 0 { "…" } else { "" };
    let lead = words[cut..].join(" ");
    let figure = m.display();
    if lead.is_empty() {
        figure
    } else {
        format!("{ellipsis}{lead} {figure}")
    }
}

fn describe(doc: &Document, s: &Statement, when: &When) -> String {
    // The subject's words in the order the sentence has them (a heading's
    // first).
    let m = &doc.mentions[s.mention];
    let (block, s0) = s.sentence;
    let before = doc.blocks[block]
        .text
        .text()
        .get(s0..m.start)
        .unwrap_or("")
        .to_lowercase();
    let mut name: Vec<&str> = s.base.subject.iter().map(|w| w.as_str()).collect();
    name.sort_by_key(|w| before.find(w).map_or(0, |i| i + 1));
    if name.is_empty() {
        name.push("figure");
    }
    let mut d = name.join(" ");
    let role = s.base.role.describe();
    if !role.is_empty() {
        d = format!("{d} ({role})");
    }
    if s.base.forward {
        d = format!("{d}, forward-looking");
    }
    match when {
        When::Named(n) => format!("{d}, for {}", period_words(n)),
        When::Quarter => format!("{d}, for the quarter"),
        When::Year => format!("{d}, for the year"),
        When::None => d,
    }
}

fn period_words(n: &str) -> String {
    let (p, y) = match n.split_once('y') {
        Some((p, y)) => (p, Some(y)),
        Option::None => (n, Option::None),
    };
    let p = match p {
        "q1" => "Q1",
        "q2" => "Q2",
        "q3" => "Q3",
        "q4" => "Q4",
        "h1" => "H1",
        "h2" => "H2",
        "" => "year",
        other => other,
    };
    match y {
        Some(y) => format!("{p} {y}"),
        Option::None => p.to_string(),
    }
}

/// Compares the statements of one group; reports a figure one slip from
/// the rest.
fn compare(
    doc: &Document,
    rule: &Rule,
    statements: &[Statement],
    group: &[usize],
    lines: &LineCount,
    anchors: &mut Vec<Vec<usize>>,
    out: &mut Outcome,
) {
    if group.len() > MAX_GROUP {
        return;
    }
    let m = |i: usize| &doc.mentions[statements[i].mention];
    // Clusters of figures that agree.
    let mut cluster: Vec<usize> = (0..group.len()).collect();
    for a in 0..group.len() {
        for b in a + 1..group.len() {
            if agree(m(group[a]), m(group[b])) {
                let (ca, cb) = (cluster[a], cluster[b]);
                for c in cluster.iter_mut() {
                    if *c == cb {
                        *c = ca;
                    }
                }
            }
        }
    }
    let mut ids: Vec<usize> = cluster.clone();
    ids.sort_unstable();
    ids.dedup();
    // Agreements verify their figures (the tables aside).
    for a in 0..group.len() {
        for b in 0..group.len() {
            if a == b || cluster[a] != cluster[b] {
                continue;
            }
            let (sa, sb) = (&statements[group[a]], &statements[group[b]]);
            if sa.sentence == sb.sentence {
                continue;
            }
            let (ma, mb) = (m(group[a]), m(group[b]));
            if !out.verified.contains(&ma.span) {
                out.restated
                    .entry(ma.span)
                    .or_insert_with(|| format!("line {}", lines.line(mb.span.start)));
            }
        }
    }
    for &i in group {
        if out.restated.contains_key(&m(i).span) {
            out.verified.insert(m(i).span);
        }
    }
    // Amounts that agree, stated in more than one sentence, anchor the
    // growth rates after them. (A group's statements share one base:
    // one kind and one role.)
    let base = &statements[group[0]].base;
    if base.role == Role::Value && base.kind == kind_code(MentionKind::Money) {
        for id in &ids {
            let members: Vec<&Statement> = (0..group.len())
                .filter(|&k| cluster[k] == *id)
                .map(|k| &statements[group[k]])
                .collect();
            let sentences: HashSet<(usize, usize)> = members.iter().map(|st| st.sentence).collect();
            if members.len() >= 2 && sentences.len() >= 2 {
                anchors.push(members.iter().map(|st| st.mention).collect());
            }
        }
    }
    if ids.len() != 2 {
        return;
    }
    let members = |id: usize| -> Vec<usize> {
        (0..group.len())
            .filter(|&k| cluster[k] == id)
            .map(|k| group[k])
            .collect()
    };
    let (x, y) = (members(ids[0]), members(ids[1]));
    // The odd one out: a single figure against the rest.
    let (odd, rest) = match (x.len(), y.len()) {
        (1, 1) => {
            let tied = |i: usize| {
                out.verified.contains(&m(i).span) && !out.restated.contains_key(&m(i).span)
            };
            match (tied(x[0]), tied(y[0])) {
                (true, true) => return,
                (true, false) => (y[0], x[0]),
                (false, true) => (x[0], y[0]),
                // The later statement is reported against the earlier.
                (false, false) => {
                    if m(x[0]).span.start > m(y[0]).span.start {
                        (x[0], y[0])
                    } else {
                        (y[0], x[0])
                    }
                }
            }
        }
        (1, _) => (x[0], y[0]),
        (_, 1) => (y[0], x[0]),
        _ => return,
    };
    let rest_all = if x.contains(&odd) { &y } else { &x };
    let (so, sr) = (&statements[odd], &statements[rest]);
    if so.sentence == sr.sentence {
        return;
    }
    let (mo, mr) = (m(odd), m(rest));
    if !rest_all.iter().all(|&r| slip_apart(mo, m(r))) {
        return;
    }
    let both_tie = out.verified.contains(&mo.span)
        && !out.restated.contains_key(&mo.span)
        && out.verified.contains(&mr.span)
        && !out.restated.contains_key(&mr.span);
    if both_tie {
        return;
    }
    let when = match (&so.when, &sr.when) {
        (When::Named(_), _) => so.when.clone(),
        _ => sr.when.clone(),
    };
    let what = describe(doc, so, &when);
    let (a, b) = (mo.display(), mr.display());
    let line = lines.line(mr.span.start);
    let (ia, ib) = (mo.interval(), mr.interval());
    let range = |i: Option<Interval>, mm: &Mention| -> String {
        match i {
            Some(i) => {
                let s = mm.scale;
                let d = mm.decimals + 1;
                let lo = i.lo.checked_div(s).unwrap_or(i.lo);
                let hi = i.hi.checked_div(s).unwrap_or(i.hi);
                format!("[{}, {}]", format_grouped(lo, d), format_grouped(hi, d))
            }
            Option::None => "?".into(),
        }
    };
    let tie_note = if out.verified.contains(&mr.span) && !out.restated.contains_key(&mr.span) {
        format!("; the one at line {line} ties to the tables")
    } else {
        "; which of them is wrong cannot be told from the text".into()
    };
    let others = if rest_all.len() > 1 {
        format!(" (and {} more times)", rest_all.len() - 1)
    } else {
        String::new()
    };
    out.findings.push(Finding {
        rule: rule.id.clone(),
        severity: rule.severity,
        message: format!(
            "{a} here but {b} in \"{}\" (line {line}{others}); both state {what}",
            quote(doc, sr)
        ),
        help: Some(format!(
            "{a} stands for {} and {b} for {}: the intervals do not overlap, and the figures are one slip apart{tie_note}",
            range(ia, mo),
            range(ib, mr),
        )),
        span: mo.span,
        span_text: format!("{a} here"),
        labels: vec![Label {
            span: mr.span,
            text: format!("{b} here"),
        }],
    });
}

/// What a growth rate is measured against, as its words say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Against {
    /// "year-over-year", "from a year ago", "Y/Y".
    YearAgo,
    /// "sequentially", "from the previous quarter", "from Q1".
    PriorQuarter,
    /// Nothing said.
    Unsaid,
}

/// A growth rate stated right after an amount, in the amount's sentence:
/// "$41.1 billion, up 5% from the previous quarter and up 56% from a year
/// ago".
#[derive(Debug, Clone, PartialEq, Eq)]
struct Growth {
    mention: usize,
    against: Against,
    up: bool,
    basis: BTreeSet<String>,
}

static YEAR_AGO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(year[\s-](over|on|to)[\s-]year|y/y|yoy|a year (ago|earlier|before)|year[\s-]ago|(prior|previous|last|same)[\s-]year)(?-u:\b)")
        .expect("re")
});
/// A quarter named without its year ("from Q1") is the one before the
/// release's in these sentences; with a year, it could be a year ago.
static PRIOR_QUARTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(sequential(ly)?|quarter[\s-](over|on|to)[\s-]quarter|q/q|qoq|(previous|prior|preceding|last|sequential) quarter|(from|over|versus|vs\.?) q[1-4](?-u:\b)\s*($|[^0-9'’\s]|\s+[^0-9'’fF]))")
        .expect("re")
});
static DIRECTION_UP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(increase[a-z]*|up|grew|grow[a-z]*|rose|ris[a-z]*|higher|improv[a-z]*|expan[a-z]*|gain[a-z]*)(?-u:\b)").expect("re")
});
static DIRECTION_DOWN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(decrease[a-z]*|down|declin[a-z]*|fell|fall[a-z]*|drop[a-z]*|lower|contract[a-z]*)(?-u:\b)").expect("re")
});

/// Words that may stand between an amount and its growth rates: the
/// rates' own direction, base and basis words, never another subject.
const GROWTH_GAP: &[&str] = &[
    "from",
    "over",
    "versus",
    "vs",
    "compared",
    "to",
    "with",
    "against",
    "the",
    "a",
    "an",
    "and",
    "or",
    "previous",
    "prior",
    "preceding",
    "last",
    "sequential",
    "sequentially",
    "ago",
    "earlier",
    "before",
    "which",
    "represent",
    "representing",
    "represented",
    "growth",
    "percent",
    "basi",
    "basis",
    "in",
    "on",
    "at",
    "year-over-year",
    "year-on-year",
    "quarter-over-quarter",
    "y",
    "q",
    "yoy",
    "qoq",
    "cc",
    "usd",
    "reported",
    "both",
    "year",
    "quarter",
    "it",
    "is",
    "was",
    "of",
    "by",
    "nongaap",
    "gaap",
    "adjusted",
    "organic",
    "fx",
    "neutral",
    "currency",
];

/// The growth rates stated right after amount `a` in its sentence, up to
/// the next amount or the first figure that is no growth rate.
fn growths_after(doc: &Document, a: usize) -> Vec<Growth> {
    let m = &doc.mentions[a];
    let text = doc.blocks[m.block].text.text();
    let (_, s1) = sentence_of(text, m);
    let mut out = Vec::new();
    let mut prev_end = m.end
        + TAIL
            .find(&text[m.end..s1.max(m.end)])
            .map_or(0, |t| t.end());
    for k in a + 1..doc.mentions.len() {
        let g = &doc.mentions[k];
        if g.block != m.block || g.start >= s1 || g.kind != MentionKind::Percent {
            break;
        }
        let gap = text.get(prev_end.min(g.start)..g.start).unwrap_or("");
        let next = doc
            .mentions
            .get(k + 1)
            .filter(|n| n.block == m.block && n.start < s1);
        let after = &text[g.end..next.map_or(s1, |n| n.start).max(g.end)];
        let tail = TAIL.find(after).map_or(0, |t| t.end());
        // "up 5% from the previous quarter": the words of this rate,
        // before and after its figure.
        let own_after = &after[..after[tail..]
            .find(['.', ';', ','])
            .map_or(after.len(), |i| i + tail)];
        let gap_words = words(&PERIOD.replace_all(gap, " "));
        if gap.contains([';', '.', '$'])
            || !gap_words.iter().all(|w| {
                listed(GROWTH_GAP, w)
                    || DIRECTION_UP.is_match(w)
                    || DIRECTION_DOWN.is_match(w)
                    || w.chars().any(|c| c.is_ascii_digit())
            })
        {
            break;
        }
        // The direction word: GROWTH_BEFORE's match runs to the figure, so
        // it holds the gap's last words.
        let up = if let Some(g) = GROWTH_BEFORE.find(gap).filter(|_| !TO_BEFORE.is_match(gap)) {
            !DIRECTION_DOWN.is_match(g.as_str())
        } else if let Some(w) = GROWTH_AFTER.find(after) {
            !DIRECTION_DOWN.is_match(w.as_str())
        } else {
            break;
        };
        let against = match (
            YEAR_AGO.is_match(own_after),
            PRIOR_QUARTER.is_match(own_after),
        ) {
            (true, false) => Against::YearAgo,
            (false, true) => Against::PriorQuarter,
            (false, false) => Against::Unsaid,
            (true, true) => break,
        };
        let basis = BASIS_AFTER
            .captures(own_after)
            .map(|c| words(&c[1]).into_iter().collect())
            .unwrap_or_default();
        out.push(Growth {
            mention: k,
            against,
            up,
            basis,
        });
        prev_end = g.end + tail;
    }
    out
}

/// Amounts that restate each other ("Data Center revenue of $41.1
/// billion" in the headline, "Second-quarter revenue was $41.1 billion"
/// under the Data Center heading) restate the growth rates after them
/// too: the rates measured against the same base, in the same direction,
/// on the same basis, one such rate after each amount, are one rate. Rates
/// are short, and the amounts' agreement is what tells that they are the
/// same rate. One that disagrees with the rest (or, of two, the later one,
/// or the one the tables do not verify) is reported, one slip from them.
fn compare_growths(
    doc: &Document,
    rule: &Rule,
    amounts: &[usize],
    lines: &LineCount,
    out: &mut Outcome,
) {
    let growths: Vec<(usize, Vec<Growth>)> = amounts
        .iter()
        .map(|&a| (a, growths_after(doc, a)))
        .collect();
    let key = |g: &Growth| (g.against, g.up, g.basis.clone());
    let mut keys: Vec<_> = growths
        .iter()
        .flat_map(|(_, gs)| gs.iter().map(key))
        .collect();
    keys.sort();
    keys.dedup();
    for k in keys {
        // The rate of this key after each amount, when it states one.
        let rates: Vec<(usize, usize)> = growths
            .iter()
            .filter_map(|(a, gs)| {
                let mut of_key = gs.iter().filter(|g| key(g) == k);
                let one = of_key.next()?;
                of_key.next().is_none().then_some((*a, one.mention))
            })
            .collect();
        if rates.len() < 2 {
            continue;
        }
        let m = |i: usize| &doc.mentions[i];
        // Rates that agree with each other.
        let mut groups: Vec<Vec<(usize, usize)>> = Vec::new();
        for &r in &rates {
            match groups.iter_mut().find(|g| agree(m(g[0].1), m(r.1))) {
                Some(g) => g.push(r),
                None => groups.push(vec![r]),
            }
        }
        if groups.len() == 1 {
            for &(_, x) in &rates {
                if !out.verified.contains(&m(x).span) {
                    let other = rates.iter().find(|r| r.1 != x).map_or(x, |r| r.1);
                    out.restated.insert(
                        m(x).span,
                        format!("line {}", lines.line(m(other).span.start)),
                    );
                    out.verified.insert(m(x).span);
                }
            }
            continue;
        }
        if groups.len() != 2 {
            continue;
        }
        let tied =
            |i: usize| out.verified.contains(&m(i).span) && !out.restated.contains_key(&m(i).span);
        let (odd, rest) = match (groups[0].len(), groups[1].len()) {
            (1, 1) => {
                let (x, y) = (groups[0][0], groups[1][0]);
                match (tied(x.1), tied(y.1)) {
                    (true, true) => continue,
                    (true, false) => (y, vec![x]),
                    (false, true) => (x, vec![y]),
                    (false, false) if m(x.1).span.start > m(y.1).span.start => (x, vec![y]),
                    (false, false) => (y, vec![x]),
                }
            }
            (1, _) => (groups[0][0], groups[1].clone()),
            (_, 1) => (groups[1][0], groups[0].clone()),
            _ => continue,
        };
        if !rest.iter().all(|r| slip_apart(m(odd.1), m(r.1))) || tied(odd.1) {
            continue;
        }
        let (mo, mr) = (m(odd.1), m(rest[0].1));
        let (so, sr) = (mo.display(), mr.display());
        let line = lines.line(mr.span.start);
        let against = match k.0 {
            Against::YearAgo => " year over year",
            Against::PriorQuarter => " from the prior quarter",
            Against::Unsaid => "",
        };
        out.findings.push(Finding {
            rule: rule.id.clone(),
            severity: rule.severity,
            message: format!(
                "growth of {so}{against} here but {sr} at line {line}, after the same amount ({} here, {} there)",
                m(odd.0).display(),
                m(rest[0].0).display()
            ),
            help: Some(format!(
                "the sentences state the same amount, so the growth rates after them are the same rate; {so} and {sr} are one slip apart and do not agree at their printed precision{}",
                if tied(rest[0].1) {
                    format!("; the one at line {line} ties to the tables")
                } else if rest.len() > 1 {
                    format!("; {} other statements agree with {sr}", rest.len())
                } else {
                    "; which of them is wrong cannot be told from the text".into()
                }
            )),
            span: mo.span,
            span_text: format!("{so} here"),
            labels: vec![Label {
                span: mr.span,
                text: format!("{sr} here"),
            }],
        });
    }
}

/// Every prose figure that can be compared, with its statement.
fn statements(
    doc: &Document,
    headings: &Headings,
    issuer: &HashSet<String>,
    aliases: &[(String, String)],
) -> Vec<Statement> {
    let mut out = Vec::new();
    let mut readings: Vec<Option<Reading>> = vec![Option::None; doc.mentions.len()];
    for i in 0..doc.mentions.len() {
        let m = &doc.mentions[i];
        // Most prose figures are short rates: they are never compared
        // (`push`), and reading them would cost more than all the rest.
        if significant(m) < MIN_DIGITS {
            continue;
        }
        let text = doc.blocks[m.block].text.text();
        let (s0, s1) = sentence_of(text, m);
        let sentence = &text[s0..s1];
        let prev = (i > 0)
            .then(|| i - 1)
            .filter(|&p| doc.mentions[p].block == m.block && doc.mentions[p].end > s0);
        let next = (i + 1 < doc.mentions.len())
            .then_some(i + 1)
            .filter(|&n| doc.mentions[n].block == m.block && doc.mentions[n].start < s1);
        let gap_from = prev.map_or(s0, |p| {
            let e = doc.mentions[p].end;
            e + TAIL.find(&text[e..m.start.max(e)]).map_or(0, |t| t.end())
        });
        let gap = &text[gap_from.min(m.start)..m.start];
        let after_to = next.map_or(s1, |n| doc.mentions[n].start);
        let after = &text[m.end..after_to.max(m.end)];
        // The figure's own clause after it: up to a comma, a conjunction,
        // a comparison.
        let own = {
            static CLAUSE_END: LazyLock<Regex> = LazyLock::new(|| {
                Regex::new(r"(?i)[,;:(]|(?-u:\b)(and|while|compared|versus|vs|whereas|but|from|up|down|over|against|than|increas[a-z]*|decreas[a-z]*|grew|rose|fell|declin[a-z]*)(?-u:\b)").expect("re")
            });
            let t = TAIL.find(after).map_or(0, |t| t.end());
            let rest = &after[t..];
            &rest[..CLAUSE_END.find(rest).map_or(rest.len(), |c| c.start())]
        };
        let forward = FUTURE.is_match(sentence) || headings.of[m.block].1;
        if RESPECTIVELY.is_match(sentence) || (forward && UPDATE.is_match(sentence)) {
            continue;
        }
        let head = &text[s0..m.start];
        if HEDGE.is_match(head) || HEDGE_AFTER.is_match(after) {
            continue;
        }
        // The high end of a range: the low end's reading.
        let high = prev.is_some_and(|p| {
            let pm = &doc.mentions[p];
            pm.kind == m.kind
                && (RANGE_GAP.is_match(gap)
                    || (BETWEEN_GAP.is_match(gap)
                        && BETWEEN_BEFORE.is_match(&text[s0.min(pm.start)..pm.start])))
        });
        if high {
            let p = prev.expect("high end has a low end");
            if let Some(r) = readings[p].clone().filter(|r| r.role == Role::Low) {
                let reading = Reading {
                    role: Role::High,
                    ..r
                };
                readings[i] = Some(reading.clone());
                push(
                    doc,
                    headings,
                    issuer,
                    &mut out,
                    i,
                    reading,
                    forward,
                    (m.block, s0),
                );
            }
            continue;
        }
        let low = next.is_some_and(|n| {
            let nm = &doc.mentions[n];
            let between = &text[m.end..nm.start];
            nm.kind == m.kind
                && (RANGE_GAP.is_match(between)
                    || (BETWEEN_GAP.is_match(between) && BETWEEN_BEFORE.is_match(gap)))
        });
        if COMPARED_BEFORE.is_match(gap) {
            continue;
        }
        let clause = clause_before(gap, aliases);
        let mut subject = subject_words(&clause);
        if subject.iter().any(|w| listed(COMPARISON_WORDS, w)) {
            continue;
        }
        // The role.
        let growth_before = GROWTH_BEFORE.is_match(gap) && !TO_BEFORE.is_match(gap);
        let role = match m.kind {
            MentionKind::Percent | MentionKind::Points => {
                if growth_before || GROWTH_AFTER.is_match(after) {
                    Role::Growth
                } else {
                    Role::Value
                }
            }
            _ if growth_before => Role::Change,
            _ => Role::Value,
        };
        let role = if low { Role::Low } else { role };
        // Growth words are the role's, not the subject's.
        subject.retain(|w| !GROWTH_WORD.is_match(w));
        // The period: the sentence up to the figure and its own clause
        // after it; a comparison's period after it ("up 41% from Q2") is
        // not the figure's.
        let Some(mut when) = period_in(&format!("{} {own}", &text[s0..m.start])) else {
            continue;
        };
        // The period of the heading over a sentence that names none, or
        // only "the quarter".
        if let Some(When::Named(h)) = &headings.when[m.block] {
            let fits = match &when {
                When::None => true,
                When::Quarter => h.starts_with('q'),
                When::Year => h.starts_with('y'),
                When::Named(_) => false,
            };
            if fits {
                when = When::Named(h.clone());
            }
        }
        let mut basis: Vec<String> = BASIS_AFTER
            .captures(own)
            .map(|c| words(&c[1]))
            .unwrap_or_default();
        // A basis set off before the clause ("Excluding contributions from
        // Paxlovid, revenues totaled $13.6 billion").
        for c in BASIS_BEFORE.captures_iter(&text[s0..m.start]) {
            basis.extend(words(&c[1]));
        }
        if subject.is_empty() {
            let Some(p) = prev else {
                // "$19.96 billion in RPO": the subject after the figure.
                if let Some(s) = subject_after(after, aliases) {
                    subject = s;
                } else {
                    continue;
                }
                subject.extend(basis);
                let reading = Reading {
                    subject,
                    role,
                    when,
                };
                readings[i] = Some(reading.clone());
                push(
                    doc,
                    headings,
                    issuer,
                    &mut out,
                    i,
                    reading,
                    forward,
                    (m.block, s0),
                );
                continue;
            };
            // A rate right after an amount is its growth ("$4.15 billion,
            // which represents 12 percent year-over-year growth"); a rate
            // after a rate, the same growth on another basis ("or 13
            // percent in constant currency").
            let pm = &doc.mentions[p];
            let Some(pr) = readings[p].clone() else {
                if let Some(s) =
                    subject_after(after, aliases).filter(|_| !GROWTH_WORD.is_match(gap))
                {
                    let mut subject = s;
                    subject.extend(basis);
                    let reading = Reading {
                        subject,
                        role,
                        when,
                    };
                    readings[i] = Some(reading.clone());
                    push(
                        doc,
                        headings,
                        issuer,
                        &mut out,
                        i,
                        reading,
                        forward,
                        (m.block, s0),
                    );
                }
                continue;
            };
            let rate = matches!(m.kind, MentionKind::Percent);
            let is_growth = role == Role::Growth || GROWTH_WORD.is_match(gap);
            if !rate || !is_growth || SHARE_OF.is_match(after) {
                continue;
            }
            let mut subject = pr.subject.clone();
            match pm.kind {
                MentionKind::Money | MentionKind::PerShare => {
                    if !matches!(pr.role, Role::Value | Role::Change) {
                        continue;
                    }
                }
                MentionKind::Percent => {
                    // Only on a basis the rate before was not stated on.
                    if pr.role != Role::Growth
                        || basis.is_empty()
                        || basis.iter().all(|b| pr.subject.contains(b))
                    {
                        continue;
                    }
                    for b in ["cc", "organic", "adjusted", "nongaap", "gaap", "reported"] {
                        subject.remove(b);
                    }
                }
                MentionKind::Points => continue,
            }
            subject.extend(basis);
            if when == When::None {
                when = pr.when.clone();
            }
            let reading = Reading {
                subject,
                role: Role::Growth,
                when,
            };
            readings[i] = Some(reading.clone());
            push(
                doc,
                headings,
                issuer,
                &mut out,
                i,
                reading,
                forward,
                (m.block, s0),
            );
            continue;
        }
        // An amount in constant currency is the amount at a base period's
        // rates, and releases state it against more than one base.
        if subject.contains("cc") && matches!(role, Role::Value | Role::Change) {
            continue;
        }
        if role == Role::Value && m.kind != MentionKind::Percent && BASE_AFTER.is_match(after) {
            // "$X in the prior year": the base of a comparison.
            continue;
        }
        subject.extend(basis);
        let reading = Reading {
            subject,
            role,
            when,
        };
        readings[i] = Some(reading.clone());
        push(
            doc,
            headings,
            issuer,
            &mut out,
            i,
            reading,
            forward,
            (m.block, s0),
        );
    }
    out
}

/// A bullet mark inside a block ("… billion - Forecasting …", "•"): the
/// start of a sentence of its own.
static BULLET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|\s)(?P<dash>-|\*)\s+[A-Z]|(?P<mark>[•▪●·])").expect("re"));

/// The sentence of a figure, a bullet in a block of bullets being one.
fn sentence_of(text: &str, m: &Mention) -> (usize, usize) {
    let mut s0 = sentence_start(text, m.start);
    let mut s1 = sentence_end(text, m.end).max(m.end);
    let window = &text[s0..s1];
    let base = s0;
    for c in BULLET.captures_iter(window) {
        let Some(mark) = c.name("dash").or(c.name("mark")) else {
            continue;
        };
        let (at, end) = (base + mark.start(), base + mark.end());
        if end <= m.start {
            s0 = s0.max(end);
        } else if at >= m.end {
            s1 = at;
            break;
        }
    }
    (s0, s1)
}

/// "$19.96 billion in RPO", "$8.06 billion of operating cash flow": the
/// subject named right after the figure.
fn subject_after(after: &str, aliases: &[(String, String)]) -> Option<BTreeSet<String>> {
    static AFTER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*(million|billion|thousand|mm|bn)?\)?\s+(in|of)\s+([A-Za-z][A-Za-z’'\- ]{1,60}?)\s*(,|;|\.|:|\(|$|(?-u:\b)(and|for|in|during|at|as|from|compared|versus|vs|which|while|with|on|to|up|down|an?|the)(?-u:\b))")
            .expect("re")
    });
    let c = AFTER.captures(after)?;
    let s = subject_words(&clause_before(&c[3], aliases));
    (!s.is_empty()).then_some(s)
}

#[allow(clippy::too_many_arguments)]
fn push(
    doc: &Document,
    headings: &Headings,
    issuer: &HashSet<String>,
    out: &mut Vec<Statement>,
    i: usize,
    r: Reading,
    forward: bool,
    sentence: (usize, usize),
) {
    let m = &doc.mentions[i];
    let mut subject = r.subject;
    subject.retain(|w| !issuer.contains(w));
    subject.extend(headings.of[m.block].0.iter().cloned());
    // A subject of basis words alone says too little.
    if subject.iter().all(|w| listed(BASIS_WORDS, w)) {
        return;
    }
    // A figure of one or two digits is one slip from too many others:
    // "12%" and "13%" are different growth rates more often than a typo.
    if significant(m) < MIN_DIGITS {
        return;
    }
    out.push(Statement {
        mention: i,
        base: Base {
            subject,
            kind: kind_code(m.kind),
            role: r.role,
            negative: m.negative,
            forward,
        },
        when: r.when,
        sentence,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(text: &str) -> Vec<crate::check::Finding> {
        crate::check::findings_of("restated-figure", text)
    }

    #[test]
    fn slips() {
        assert!(one_slip("1996", "1986"));
        assert!(one_slip("1996", "1969"));
        assert!(!one_slip("1996", "1996"));
        assert!(!one_slip("1996", "2096"));
        assert!(!one_slip("196", "1996"));
    }

    #[test]
    fn periods() {
        assert_eq!(
            period_in("first-quarter 2025 revenue"),
            Some(When::Named("q1y2025".into()))
        );
        assert_eq!(
            period_in("For the first quarter of 2025, revenue"),
            Some(When::Named("q1y2025".into()))
        );
        assert_eq!(
            period_in("Q4 FY24 revenue"),
            Some(When::Named("q4y2024".into()))
        );
        assert_eq!(
            period_in("fourth quarter of fiscal year 2024"),
            Some(When::Named("q4y2024".into()))
        );
        assert_eq!(
            period_in("in fiscal 2024"),
            Some(When::Named("y2024".into()))
        );
        assert_eq!(period_in("quarterly revenue"), Some(When::Quarter));
        assert_eq!(period_in("revenue was"), Some(When::None));
        assert_eq!(period_in("Q4 2024 and fiscal 2024"), Option::None);
    }

    #[test]
    fn subjects() {
        let words =
            |s: &str, aliases: &[(String, String)]| subject_words(&clause_before(s, aliases));
        let rpo = [(
            "remaining performance obligations".to_string(),
            "rpo".to_string(),
        )];
        let one = |w: &str| BTreeSet::from([w.to_string()]);
        assert_eq!(
            words(
                "Remaining Performance Obligations (“RPO”) exiting the quarter were ",
                &rpo
            ),
            one("rpo")
        );
        assert_eq!(words("•Record RPO of ", &rpo), one("rpo"));
        assert_eq!(
            words("In the fourth quarter, total revenues were ", &[]),
            one("revenue")
        );
    }

    #[test]
    fn acronyms_are_read_from_their_definitions() {
        let a = acronyms(
            [
                "Net new Digital Media Annualized Recurring Revenue (“ARR”) was $504 million.",
                "•Remaining Performance Obligations (“RPO”) were $20.44 billion.",
                "Not a definition (the ARR) here, nor (“XYZ”).",
            ]
            .into_iter(),
        );
        let pair = |l: &str, s: &str| (l.to_string(), s.to_string());
        assert_eq!(
            a,
            vec![
                pair("annualized recurring revenue", "arr"),
                pair("remaining performance obligations", "rpo")
            ]
        );
    }

    const RELEASE: &str = include_str!("../../tests/fixtures/restated-figures.txt");

    #[test]
    fn restatements_that_agree_say_nothing() {
        assert!(findings(RELEASE).is_empty(), "{:#?}", findings(RELEASE));
        // Another scale and a coarser precision agree.
        let t = RELEASE.replace("were $19.96 billion at", "were $19,960 million at");
        assert!(findings(&t).is_empty(), "{:#?}", findings(&t));
        let t = RELEASE.replace(
            "Record RPO of $19.96 billion",
            "Record RPO of $20.0 billion",
        );
        assert!(findings(&t).is_empty(), "{:#?}", findings(&t));
    }

    #[test]
    fn a_changed_restatement_is_reported_at_both() {
        let t = RELEASE.replace("were $19.96 billion", "were $19.69 billion");
        let f = findings(&t);
        assert_eq!(f.len(), 1, "{f:#?}");
        let at = |s: &str| t.find(s).expect("in text");
        let spans = [f[0].span.start, f[0].labels[0].span.start];
        assert!(spans.contains(&(at("19.69"))), "{f:#?}");
        assert!(spans.contains(&(at("19.96"))), "{f:#?}");
        assert!(f[0].message.contains("rpo"), "{}", f[0].message);
        // The other statement is quoted in its own words, which find it
        // where line numbers cannot (an exhibit that is one line of HTML).
        assert!(
            f[0].message.contains("in \"Record RPO of $19.96 billion\""),
            "{}",
            f[0].message
        );
        assert!(f[0]
            .help
            .as_deref()
            .unwrap_or("")
            .contains("cannot be told"));
        // Guidance: a range end.
        let t = RELEASE.replace(
            "expects revenue of $49.0 million",
            "expects revenue of $48.0 million",
        );
        let f = findings(&t);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("low end"), "{}", f[0].message);
        assert!(f[0].message.contains("Q2 2026"), "{}", f[0].message);
        // A dividend per share.
        let t = RELEASE.replace(
            "dividend of $0.485 per share, payable",
            "dividend of $0.458 per share, payable",
        );
        let f = findings(&t);
        assert_eq!(f.len(), 1, "{f:#?}");
        // Figures of one or two digits are one slip from too many others.
        let short = RELEASE.replace("$0.485", "$0.25");
        assert!(findings(&short).is_empty());
        let t = short.replace(
            "dividend of $0.25 per share, payable",
            "dividend of $0.52 per share, payable",
        );
        assert!(findings(&t).is_empty(), "{:#?}", findings(&t));
    }

    #[test]
    fn figures_that_are_not_the_same_statement_are_left_alone() {
        // (what is changed, into what, findings)
        let cases: &[(&str, &str, usize)] = &[
            // Different periods.
            (
                "For the second quarter of 2026, Northwind expects revenue of $49.0 million",
                "For the third quarter of 2026, Northwind expects revenue of $48.0 million",
                0,
            ),
            // A comparison base.
            (
                "were $19.96 billion at the end of the quarter.",
                "were $19.96 billion, compared with $19.69 billion a year ago.",
                0,
            ),
            // Prior guidance.
            (
                "Northwind expects revenue of $49.0 million to $50.5 million.",
                "Northwind now expects revenue of $49.0 million to $50.5 million, raised from the prior range of $48.0 million to $49.5 million.",
                0,
            ),
            // Respectively.
            (
                "were $19.96 billion at the end of the quarter.",
                "and backlog were $19.69 billion and $19.96 billion, respectively.",
                0,
            ),
            // Another basis.
            (
                "were $19.96 billion at the end of the quarter.",
                "were $19.69 billion in constant currency at the end of the quarter.",
                0,
            ),
            // Another subject.
            (
                "Remaining performance obligations (\"RPO\") were $19.96 billion",
                "Current RPO were $19.69 billion",
                0,
            ),
            // GAAP and non-GAAP: another basis.
            (
                "The board declared",
                "GAAP diluted EPS was $1.234 for the first quarter of 2026. Non-GAAP diluted EPS was $1.243 for the first quarter of 2026. The board declared",
                0,
            ),
            // … while the same basis twice is compared.
            (
                "The board declared",
                "GAAP diluted EPS was $1.234 for the first quarter of 2026. In the first quarter of 2026, GAAP diluted EPS was $1.243. The board declared",
                1,
            ),
            // The quarter and the year.
            (
                "The board declared",
                "Revenue for the first quarter of 2026 was $41.3 million. Revenue for fiscal 2026 was $143.1 million. The board declared",
                0,
            ),
            // Hedged.
            (
                "were $19.96 billion",
                "were approximately $19.9 billion",
                0,
            ),
        ];
        for &(from, to, want) in cases {
            assert!(RELEASE.contains(from), "{from:?}");
            let t = RELEASE.replace(from, to);
            assert_eq!(findings(&t).len(), want, "{to:?}: {:#?}", findings(&t));
        }
    }

    const GROWTHS: &str = include_str!("../../tests/fixtures/restated-growths.txt");

    #[test]
    fn growth_rates_after_a_restated_amount_are_restated_too() {
        assert!(findings(GROWTHS).is_empty(), "{:#?}", findings(GROWTHS));
        let at = |t: &str, s: &str| t.find(s).expect("in text");
        // A rate changed in either statement is reported, labelled with
        // the other; rates on another base are not compared with it.
        for (from, to, figure) in [
            (
                "previous quarter and up 56%",
                "previous quarter and up 59%",
                "59%",
            ),
            ("up 5% from the previous", "up 8% from the previous", "8%"),
            (
                "up 5% from Q1 and up 56%",
                "up 5% from Q1 and up 65%",
                "65%",
            ),
            (
                "(up 22% in constant currency) year-over-year.",
                "(up 25% in constant currency) year-over-year.",
                "25%",
            ),
            (
                "Cloud revenue of $8.24 million, up 20% (",
                "Cloud revenue of $8.24 million, up 26% (",
                "26%",
            ),
        ] {
            let t = GROWTHS.replace(from, to);
            let f = findings(&t);
            assert_eq!(f.len(), 1, "{to}: {f:#?}");
            let changed = at(&t, to) + to.find(figure).expect("figure");
            let spans = [f[0].span.start, f[0].labels[0].span.start];
            assert!(spans.contains(&changed), "{to}: {f:#?}");
            assert!(
                f[0].message.contains("after the same amount"),
                "{}",
                f[0].message
            );
        }
        // Rates more than one slip apart state different things.
        let t = GROWTHS.replace("previous quarter and up 56%", "previous quarter and up 71%");
        assert!(findings(&t).is_empty(), "{:#?}", findings(&t));
        // Amounts that disagree anchor nothing: the amount is reported,
        // not its rates.
        let t = GROWTHS.replace("was $41.1 million, up 5%", "was $41.4 million, up 8%");
        let f = findings(&t);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("$41.4 million"), "{}", f[0].message);
        // The direction is part of the rate: "down 5%" is not "up 8%".
        let t = GROWTHS.replace("up 5% from the previous", "down 8% from the previous");
        assert!(findings(&t).is_empty(), "{:#?}", findings(&t));
        // A rate whose base is unsaid is not compared with one measured
        // against a year ago.
        let t = GROWTHS.replace("up 56% from a year ago.", "up 59%.");
        assert!(findings(&t).is_empty(), "{:#?}", findings(&t));
        // Stated three times, a changed rate is the one against the other
        // two, reported once.
        let three = GROWTHS.replace(
            "for the second quarter of 2026.\n",
            "for the second quarter of 2026.\n\nCEO Jane Doe said: \"Data Center revenue for the second quarter was $41.1 million, up 56% from a year ago.\"\n",
        );
        assert_ne!(three, GROWTHS);
        assert!(findings(&three).is_empty(), "{:#?}", findings(&three));
        // (The headline is the earliest statement: of two, the later one
        // would be reported.)
        let t = three.replace("up 5% from Q1 and up 56%", "up 5% from Q1 and up 65%");
        let f = findings(&t);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].span.start, at(&t, "65%"), "{f:#?}");
        assert!(
            f[0].help
                .as_deref()
                .unwrap_or("")
                .contains("2 other statements agree"),
            "{f:#?}"
        );
    }
}
