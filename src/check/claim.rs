//! `claim`: figures quoted in the narrative tie out to the tables.
//!
//! ## What it checks
//! "Revenues totaled $42.6 million, an increase of 12.6% compared to the
//! first quarter of 2005", "gross margin … was 48%", "Adjusted EBITDA of
//! $5.8 million, an improvement of $2.0 million", "cash, cash equivalents and
//! investments in marketable securities of $44.4 million":
//!
//! - a **value** ("$42.6 million") must be the figure of its concept in some
//!   period the tables show, at the claim's printed precision (42,625
//!   thousand is $42.6 million);
//! - a **growth** rate ("an increase of 12.6%") must be the change between
//!   two periods of the concept in one table;
//! - a **change** ("an improvement of $2.0 million") must be the difference
//!   between two periods of the concept in one table;
//! - a **margin** ("gross margin … 48%") must be gross profit (or revenue
//!   less cost of revenue) over revenue in some period.
//!
//! ## Saying nothing unsure
//! The concept is the one prose names nearest before the figure (the
//! `phrases` of `rules/concepts.yaml`). A figure whose concept cannot be
//! named, or that a qualifier makes another measure ("pro forma", "adjusted",
//! "non-GAAP", "excluding"), is not checked; neither is a sentence about the
//! future ("expects", "guidance", "outlook"), nor a concept no table shows.
//! A claim is compared with every period, so a period the prose states
//! loosely ("the prior-year quarter") cannot raise a false alarm. A claim
//! that matches none is reported only when it is one slip away from a table
//! figure of its concept (one digit changed, two adjacent digits swapped):
//! that is evidence it refers to that figure, for figures of three digits or
//! more. Prose about a segment or a
//! product the tables do not break out matches nothing and stays unverified. Magnitudes are
//! compared: "net loss of $0.6 million" is the net income of (570).
//! "Approximately" widens a claim to a unit of its last digit; "more than"
//! and "nearly" make it one-sided.

use super::{Finding, Label, Outcome, Passed};
use crate::document::{Document, Mention, MentionKind};
use crate::interval::Interval;
use crate::resolve::{Concepts, Fact, Resolved};
use crate::rules::Rule;
use regex::Regex;
use rust_decimal::Decimal;
use std::sync::LazyLock;

static FUTURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(expects?|expected|expecting|guidance|outlook|anticipates?|anticipated|forecasts?|projects?|projected|targets?|will|plans?|intends?|estimates?|should|could|may|goal)\b")
        .expect("re")
});
static QUALIFIER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(pro[ -]?forma|adjusted|non-?gaap|normalized|excluding|core|organic|constant[ -]currency|comparable|underlying|segment|per[ -]share)\b")
        .expect("re")
});
static GROWTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(increase|increased|increasing|up|grew|growth|rose|decrease|decreased|down|declined|decline|fell|improvement|improved)(\s+(of|by))?\s*\(?\$?\s*$")
        .expect("re")
});
static MARGIN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\bgross margin\b").expect("re"));
static CASH_AND_INVESTMENTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bcash,? (and )?cash equivalents,? and (short[ -]term )?(investments|marketable securities)|\bcash and (short[ -]term )?investments\b")
        .expect("re")
});
static RANGE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(million|billion|thousand)?\s*(%|percent)?\s*(to|-|–|—)\s*\$?\s*\d")
        .expect("re")
});
static RANGE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(\d\s*(million|billion|thousand)?\s*(%|percent)?\s*(to|-|–|—)|\bbetween)\s*\$?\s*$",
    )
    .expect("re")
});
static CARRY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(compared (to|with)|versus|vs\.?|from|over|against)\b").expect("re")
});
static OF_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:million|billion|thousand)?\)?\s*(?:of|in)\s+").expect("re")
});
static APPROX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(approximately|about|around|roughly|some|almost|nearly|more than|over|in excess of|exceeding|less than|under|up to)\s*$")
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

/// Candidate values (in units, as magnitudes) a claim may tie to, with the
/// figures each came from.
type Candidates<'d> = Vec<(Interval, Vec<&'d Fact<'d>>)>;

fn magnitude(i: Interval) -> Interval {
    if i.hi <= Decimal::ZERO {
        i.negated()
    } else if i.lo >= Decimal::ZERO {
        i
    } else {
        Interval::new(Decimal::ZERO, i.hi.max(-i.lo))
    }
}

/// The start of the sentence containing `at`.
/// How far from its figure a claim's words are looked for. Sentences in
/// releases run to a few hundred characters; text without full stops (a
/// table flattened into prose) would otherwise make every figure read the
/// whole block, a cost that grows with the square of the block.
const SENTENCE_REACH: usize = 400;

fn char_floor(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn char_ceil(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i.min(text.len())
}

fn sentence_start(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let floor = char_floor(text, at.saturating_sub(SENTENCE_REACH));
    let mut i = at;
    while i > floor {
        i -= 1;
        // A period followed by white space ends a sentence ("2026. During");
        // a decimal point is followed by a digit.
        if matches!(bytes[i], b'.' | b'!' | b'?' | b';' | b'\n')
            && bytes.get(i + 1).is_some_and(|b| b.is_ascii_whitespace())
        {
            return i + 1;
        }
    }
    floor
}

fn sentence_end(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let ceil = char_ceil(text, at.saturating_add(SENTENCE_REACH));
    let mut i = at;
    while i < ceil {
        if matches!(bytes[i], b'.' | b'!' | b'?' | b';' | b'\n')
            && bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace())
            && !(bytes[i] == b'.' && bytes.get(i + 1).is_some_and(|b| b.is_ascii_digit()))
        {
            return i;
        }
        i += 1;
    }
    ceil
}

/// The facts of a concept.
fn facts_of<'d>(res: &'d Resolved<'d>, concept: &str) -> Vec<&'d Fact<'d>> {
    res.facts.iter().filter(|f| f.concept == concept).collect()
}

/// Values of a concept in every table column; `cash_and_investments` is
/// the sum of cash and short-term investments.
fn values<'d>(res: &'d Resolved<'d>, concept: &str) -> Candidates<'d> {
    if concept == "cash_and_investments" {
        let mut out = Vec::new();
        let investments = facts_of(res, "short_term_investments");
        for c in facts_of(res, "cash") {
            if let Some(s) = investments
                .iter()
                .copied()
                .find(|s| s.table == c.table && s.column == c.column)
            {
                if let Some(sum) = c.interval.checked_add(s.interval) {
                    out.push((magnitude(sum), vec![c, s]));
                }
            }
        }
        return out;
    }
    facts_of(res, concept)
        .into_iter()
        .map(|f| (magnitude(f.interval), vec![f]))
        .collect()
}

/// Pairs of periods of a concept in one table: (later or left column,
/// other column). Both directions are tried; magnitudes are compared.
type Candidate<'d> = (Interval, Vec<&'d Fact<'d>>);

fn pairs<'a, 'd>(vals: &'a Candidates<'d>) -> Vec<(&'a Candidate<'d>, &'a Candidate<'d>)> {
    let mut out = Vec::new();
    for a in vals {
        for b in vals {
            let (fa, fb) = (a.1[0], b.1[0]);
            // Periods of the same length: a quarter against a quarter.
            let same_length = fa.period.months == fb.period.months
                && fa.period.weeks == fb.period.weeks
                && fa.period.instant == fb.period.instant;
            if fa.table == fb.table
                && fa.column != fb.column
                && fa.figure.unit == fb.figure.unit
                && same_length
            {
                out.push((a, b));
            }
        }
    }
    out
}

/// Checks every narrative figure of the document.
pub fn check<'d>(
    doc: &'d Document,
    res: &'d Resolved<'d>,
    concepts: &Concepts,
    rule: &Rule,
    out: &mut Outcome,
) {
    for m in &doc.mentions {
        // Each figure reads its sentence (bounded) and looks through the
        // facts of the tables.
        if !crate::budget::spend((SENTENCE_REACH as u64 + res.facts.len() as u64) / 16 + 1) {
            return;
        }
        check_mention(doc, res, concepts, m, rule, out);
    }
}

fn check_mention<'d>(
    doc: &'d Document,
    res: &'d Resolved<'d>,
    concepts: &Concepts,
    m: &Mention,
    rule: &Rule,
    out: &mut Outcome,
) {
    let text = doc.blocks[m.block].text.text();
    let start = sentence_start(text, m.start);
    let end = sentence_end(text, m.end);
    let sentence = &text[start..end];
    if FUTURE.is_match(sentence) {
        return;
    }
    // A range ("$12.5 billion to $13.5 billion", "between $7 million and
    // $9 million") is an outlook, whatever its verbs.
    if RANGE_AFTER.is_match(&text[m.end..end.max(m.end)])
        || RANGE_BEFORE.is_match(&text[start..m.start])
    {
        return;
    }
    let before = &text[start..m.start];
    let lower = before.to_lowercase();
    let after = &text[m.end..end.max(m.end)];
    // What is asserted.
    let assertion = match m.kind {
        MentionKind::Percent | MentionKind::Points
            if MARGIN.is_match(&lower) && !GROWTH.is_match(&lower) =>
        {
            Assertion::Margin
        }
        MentionKind::Percent if GROWTH.is_match(&lower) => Assertion::Growth,
        MentionKind::Percent | MentionKind::Points => return,
        // "$12" or "$(0.00)" with no scale word: a price or a per-share
        // amount not recognized as such, never a statement amount.
        MentionKind::Money if m.scale == Decimal::ONE => return,
        MentionKind::Money | MentionKind::PerShare if GROWTH.is_match(&lower) => Assertion::Change,
        _ => Assertion::Value,
    };
    // Which concept.
    let (concept, phrase_at) = if assertion == Assertion::Margin {
        (
            "gross_margin".to_string(),
            lower.rfind("gross margin").unwrap_or(0),
        )
    } else if m.kind == MentionKind::PerShare {
        let after_l = after.to_lowercase();
        let named = named(concepts, &lower);
        if after_l.contains("diluted") || lower.contains("diluted") {
            ("eps_diluted".to_string(), named.map_or(0, |(_, at)| at))
        } else {
            return;
        }
    } else if let Some(c) = CASH_AND_INVESTMENTS.find_iter(&lower).last() {
        // "cash, cash equivalents and investments" names a sum, unless a
        // concept is named after it.
        match named(concepts, &lower) {
            Some((n, at)) if at > c.start() => (n, at),
            _ => ("cash_and_investments".to_string(), c.start()),
        }
    } else if let Some(after_name) = named_after(concepts, after) {
        // "$0.5 million of net income": the concept follows the figure;
        // "of pro forma net income" names another measure.
        match after_name {
            Some(x) => x,
            None => return,
        }
    } else {
        match named(concepts, &lower) {
            Some(x) => x,
            None => return,
        }
    };
    // A concept named before an earlier figure of the sentence carries over
    // only through "compared with", "versus", "from" (or to a growth or
    // change about it): "revenues of $42.6 million less $22.2 million of
    // direct cost" does not make $22.2 million revenue.
    if assertion == Assertion::Value && m.kind != MentionKind::PerShare && phrase_at < lower.len() {
        let between_figures = doc
            .mentions
            .iter()
            .rfind(|o| o.block == m.block && o.start >= start + phrase_at && o.end <= m.start);
        if let Some(prev) = between_figures {
            let gap = text[prev.end..m.start].to_lowercase();
            if !CARRY.is_match(&gap) {
                return;
            }
        }
    }
    // A qualifier before the concept makes it another measure.
    if phrase_at < lower.len() {
        let from = floor_char(&lower, phrase_at.saturating_sub(40));
        let lead = &lower[from..phrase_at];
        if QUALIFIER.is_match(lead) && !concept.starts_with("adjusted") {
            return;
        }
    }
    let Some(mut claim) = m.interval() else {
        return;
    };
    if m.kind == MentionKind::Percent || m.kind == MentionKind::Points {
        claim = match claim.scale(Decimal::new(1, 2)) {
            Some(c) => c,
            None => return,
        };
        if m.kind == MentionKind::Points && assertion == Assertion::Margin {
            return;
        }
    }
    // Hedges.
    if let Some(h) = APPROX.find(&lower) {
        let unit = Decimal::new(1, m.decimals) * m.scale;
        let v = m.value * m.scale;
        claim = match h.as_str().to_lowercase().trim() {
            "more than" | "over" | "in excess of" | "exceeding" => {
                Interval::new(v, Decimal::MAX / Decimal::TWO)
            }
            "less than" | "under" | "up to" | "almost" | "nearly" => {
                Interval::new(Decimal::ZERO, v)
            }
            _ => Interval::new(v - unit, v + unit),
        };
        if m.kind == MentionKind::Percent || m.kind == MentionKind::Points {
            claim = claim.scale(Decimal::new(1, 2)).unwrap_or(claim);
        }
    }
    // Percent mentions are fractions: 12.6% is 0.126.
    let vals = if concept == "gross_margin" {
        margins(res)
    } else {
        values(res, &concept)
    };
    let mut computed: Vec<(Interval, Vec<&Fact>)> = Vec::new();
    match assertion {
        Assertion::Value | Assertion::Margin => computed = vals,
        Assertion::Growth => {
            for (a, b) in pairs(&vals) {
                if b.0.lo <= Decimal::ZERO {
                    continue;
                }
                let signed_a =
                    a.1.iter()
                        .map(|f| f.interval)
                        .reduce(|x, y| x.checked_add(y).unwrap_or(x));
                let signed_b =
                    b.1.iter()
                        .map(|f| f.interval)
                        .reduce(|x, y| x.checked_add(y).unwrap_or(x));
                let (Some(sa), Some(sb)) = (signed_a, signed_b) else {
                    continue;
                };
                if let Some(g) = sa
                    .checked_sub(sb)
                    .and_then(|d| d.checked_div(magnitude(sb)))
                {
                    computed.push((
                        magnitude(g),
                        a.1.iter().chain(b.1.iter()).copied().collect(),
                    ));
                }
            }
        }
        Assertion::Change => {
            for (a, b) in pairs(&vals) {
                let sa =
                    a.1.iter()
                        .map(|f| f.interval)
                        .reduce(|x, y| x.checked_add(y).unwrap_or(x));
                let sb =
                    b.1.iter()
                        .map(|f| f.interval)
                        .reduce(|x, y| x.checked_add(y).unwrap_or(x));
                let (Some(sa), Some(sb)) = (sa, sb) else {
                    continue;
                };
                if let Some(d) = sa.checked_sub(sb) {
                    computed.push((
                        magnitude(d),
                        a.1.iter().chain(b.1.iter()).copied().collect(),
                    ));
                }
            }
        }
    }
    if computed.is_empty() {
        return;
    }
    let hit = computed.iter().find(|(v, _)| v.overlaps(&claim));
    match hit {
        Some((_, facts)) => {
            out.passed.push(Passed {
                rule: rule.id.clone(),
                table: facts[0].table,
                row: facts[0].row,
                column: facts[0].column,
            });
            out.verified.insert(m.span);
            for f in facts {
                out.verified.insert(f.figure.span);
            }
        }
        None => {
            // Only a claim that is one slip away from a table figure (one
            // digit changed, two adjacent digits swapped) surely refers to
            // it; others may be about a segment or product the tables do not
            // break out, and are left unverified.
            let percentish = matches!(assertion, Assertion::Growth | Assertion::Margin);
            let render = |v: Interval| -> String {
                let x = v.midpoint();
                let x = if percentish {
                    x * Decimal::ONE_HUNDRED
                } else {
                    x / m.scale
                };
                digits(&x.round_dp(m.decimals).abs().to_string(), m.decimals)
            };
            let claimed = digits(&m.value.to_string(), m.decimals);
            // Fewer than three digits are one slip from too many figures.
            if claimed.trim_start_matches('0').len() < 3 {
                return;
            }
            let computed: Vec<(Interval, Vec<&Fact>)> = computed
                .into_iter()
                .filter(|(v, _)| one_slip(&claimed, &render(*v)))
                .collect();
            if computed.is_empty() {
                return;
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
                        format!("{}%", (mid * Decimal::ONE_HUNDRED).round_dp(1))
                    } else if m.scale > Decimal::ONE {
                        format!(
                            "{} {}",
                            (mid / m.scale).round_dp(m.decimals + 1),
                            scale_word(m.scale)
                        )
                    } else {
                        mid.round_dp(2).to_string()
                    };
                    format!("{disp} ({})", facts[0].period)
                })
                .collect();
            out.findings.push(Finding {
                rule: rule.id.clone(),
                severity: rule.severity,
                message: format!(
                    "the narrative's {} {} of {} does not tie to the tables",
                    concept.replace('_', " "),
                    what,
                    shown.trim()
                ),
                help: Some(format!("the tables give {}", options.join(", "))),
                span: m.span,
                span_text: format!("{} {what} claimed here", concept.replace('_', " ")),
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
        }
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

/// The nearest char boundary at or below `i`.
fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
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

/// Gross margin per column: gross profit (or revenue less cost of revenue)
/// over revenue.
fn margins<'d>(res: &'d Resolved<'d>) -> Candidates<'d> {
    let mut out = Vec::new();
    for r in facts_of(res, "revenue") {
        let same = |c: &str| {
            facts_of(res, c)
                .into_iter()
                .find(|f| f.table == r.table && f.column == r.column)
        };
        let gp = match same("gross_profit") {
            Some(g) => Some((g.interval, vec![r, g])),
            None => same("cost_of_revenue")
                .and_then(|c| r.interval.checked_sub(c.interval).map(|d| (d, vec![r, c]))),
        };
        if let Some((g, facts)) = gp {
            if let Some(q) = g.checked_div(r.interval) {
                out.push((magnitude(q), facts));
            }
        }
    }
    out
}

/// The concept named right after a figure ("$0.5 million of net income"),
/// with its position; a qualifier there ("of pro forma net income") makes
/// the claim unnamed.
/// `None`: nothing follows; `Some(None)`: a qualified measure follows
/// ("of pro forma net income"), so the claim says nothing checkable.
fn named_after(concepts: &Concepts, after: &str) -> Option<Option<(String, usize)>> {
    let m = OF_AFTER.find(after)?;
    let rest = after[m.end()..].to_lowercase();
    let head: String = rest
        .split_whitespace()
        .take(6)
        .collect::<Vec<_>>()
        .join(" ");
    if QUALIFIER.is_match(&head) {
        return Some(None);
    }
    let (name, at) = concepts.named_in(&head)?;
    // The phrase must open the words after "of", not stand later.
    if at > 0 {
        return None;
    }
    Some(Some((name.to_string(), usize::MAX)))
}

/// The concept prose names nearest before a figure.
fn named(concepts: &Concepts, lower: &str) -> Option<(String, usize)> {
    concepts.named_in(lower).map(|(n, at)| (n.to_string(), at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slips() {
        assert!(one_slip("426", "436"));
        assert!(one_slip("426", "462"));
        assert!(!one_slip("426", "426"));
        assert!(!one_slip("426", "4260"));
        assert!(!one_slip("426", "531"));
        assert_eq!(digits("42.6", 1), "426");
        assert_eq!(digits("42", 1), "420");
    }
}
