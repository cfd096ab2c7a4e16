//! The document's own row labels as concepts of narrative claims.
//!
//! The vocabulary (`rules/concepts.yaml`) names a few dozen line items; a
//! release's tables print hundreds of labels, and its prose quotes many of
//! them by name: "Total costs and expenses were $22.64 billion",
//! "dividends payments were $1.27 billion", "“Principal repayments of
//! finance leases” of $4,384 million". A phrase right before a figure that
//! is a row's label, compared after normalizing both (case, punctuation and
//! quotes, a leading "total", plurals), names that row: the claim is the
//! concept `row:KEY`, whose facts are the row's figures in its period
//! columns.
//!
//! The labels are indexed once per document (a hash of keys), and a figure
//! tries the few word runs that end where only linking words ("were",
//! "of", "for the first quarter") stand between them and the figure, each
//! run at most `MAX_WORDS` long: a constant number of look-ups per figure.
//!
//! What keeps a label from naming the wrong thing:
//! - only a row's columns that are periods of their own (not "GAAP" |
//!   "Adjustments" | "Non-GAAP" columns of one period) give facts;
//! - a label that names two rows of one table under different section
//!   headers ("Hardware" under revenues and under expenses) names neither;
//! - one-word labels must be specific ("Goodwill", "Restructuring"), never
//!   "Basic", "Other" or "Total";
//! - a label that ends a list of subjects ("Advertising, Other revenue, and
//!   Reality Labs were …") is not the subject of the figure;
//! - the claim goes through every safeguard a vocabulary concept does
//!   (subject, qualifiers, period, the one-slip evidence).

use crate::document::{Document, Unit};
use crate::fxhash::{FxHashMap as HashMap, FxHashSet as HashSet};
use crate::resolve::{normalize, same_period, Fact};

/// The longest label, in words, looked for in prose.
const MAX_WORDS: usize = 20;

/// How many linking words may stand between a label and its figure.
const MAX_LINK: usize = 10;

/// How far before a figure its label is looked for, in bytes.
const GAP_REACH: usize = 240;

/// The prefix of a row-label concept.
pub(super) const ROW: &str = "row:";

/// One-word labels too generic to name a row on their own.
const GENERIC: &[&str] = &[
    "basic",
    "diluted",
    "other",
    "others",
    "total",
    "totals",
    "net",
    "gross",
    "gaap",
    "non",
    "adjusted",
    "adjustment",
    "operating",
    "income",
    "expense",
    "cost",
    "sale",
    "revenue",
    "amount",
    "change",
    "balance",
    "company",
    "corporate",
    "consolidated",
    "reported",
    "current",
    "shares",
    "share",
    "percent",
    "period",
    "quarter",
    "year",
];

/// Words that may stand between a label and its figure ("Total costs and
/// expenses were $22.64 billion", "… leases” of $4,384 million"), besides
/// period words.
const LINK: &[&str] = &[
    "was",
    "were",
    "is",
    "are",
    "of",
    "totaled",
    "totalled",
    "totaling",
    "totalling",
    "amounted",
    "amounting",
    "to",
    "reached",
    "at",
    "came",
    "in",
    "a",
    "an",
    "the",
    "record",
    "approximately",
    "about",
    "around",
    "nearly",
    "almost",
    "over",
    "more",
    "than",
    "roughly",
    "increased",
    "decreased",
    "grew",
    "rose",
    "fell",
    "declined",
    "up",
    "down",
    "for",
    "ended",
    "ending",
    "been",
    "had",
    "has",
    // "Research and development expenses" for the row "Research and
    // development".
    "expense",
    // "Eliquis globally, down 4% operationally": the row's worldwide
    // figure, as a table of products prints it first.
    "globally",
    "worldwide",
];

/// A word of prose or of a label, with its byte range in the text it was
/// read from.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Word {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// The words of a text as `normalize` reads a label (lower case, `&` as
/// "and", apostrophes dropped, any other punctuation a break), each made
/// singular.
pub(super) fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut from = 0;
    let mut to = 0;
    let flush = |cur: &mut String, from: usize, to: usize, out: &mut Vec<Word>| {
        if !cur.is_empty() {
            out.push(Word {
                start: from,
                end: to,
                text: singular(cur).to_string(),
            });
            cur.clear();
        }
    };
    for (i, ch) in text.char_indices() {
        if ch.is_alphanumeric() {
            if cur.is_empty() {
                from = i;
            }
            cur.extend(ch.to_lowercase());
            to = i + ch.len_utf8();
        } else if matches!(ch, '\'' | '’' | '‘') && !cur.is_empty() {
            // "company’s": one word, as `normalize` reads it.
        } else if ch == '&' {
            flush(&mut cur, from, to, &mut out);
            out.push(Word {
                start: i,
                end: i + 1,
                text: "and".to_string(),
            });
        } else {
            flush(&mut cur, from, to, &mut out);
        }
    }
    flush(&mut cur, from, to, &mut out);
    out
}

/// The text with each closed parenthesis and what it holds blanked, byte
/// for byte, so offsets into it are offsets into the text.
fn blank_parentheses(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('(') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match c {
            '(' if open.is_none() => open = Some(i),
            ')' if open.is_some() => {
                let from = open.take().unwrap_or(i);
                out.truncate(from);
                out.extend(std::iter::repeat_n(' ', i + 1 - from));
                continue;
            }
            _ => {}
        }
        out.push(c);
    }
    std::borrow::Cow::Owned(out)
}

/// A word without its plural "s" ("expenses", "leases"): labels and prose
/// say "dividend payments" and "dividends payments" alike. Applied to both
/// sides, so it need not be English, only the same.
fn singular(w: &str) -> &str {
    if w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
    {
        &w[..w.len() - 1]
    } else {
        w
    }
}

/// A closing parenthesis that only names the label's basis.
static BASIS_NOTE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?i)\s*\((non-?\s?)?gaap( measure)?\)\s*$").expect("re")
});

/// The key a label is indexed by: its words (normalized, singular),
/// without a leading "total". `None` for a label too generic to name a row.
pub(super) fn key_of(label: &str) -> Option<String> {
    // "Earnings Excluding Identified Items (non-GAAP)": the basis in
    // parentheses annotates the label; prose names the measure without it.
    let label = BASIS_NOTE
        .find(label)
        .map_or(label, |b| &label[..b.start()]);
    // `normalize` leaves lower-case words of letters and digits between
    // single spaces: the words `words` would read, but for their plurals.
    let norm = normalize(label);
    let mut ws: Vec<&str> = norm.split(' ').filter(|w| !w.is_empty()).collect();
    if ws.len() > 1 && ws[0] == "total" {
        ws.remove(0);
    }
    // "… financing obligations -- TTM (5)": a footnote mark, not a word
    // prose would repeat.
    while ws.len() > 1
        && ws
            .last()
            .is_some_and(|w| w.len() <= 2 && w.chars().all(|c| c.is_ascii_digit()))
    {
        ws.pop();
    }
    if ws.is_empty() || ws.len() > MAX_WORDS {
        return None;
    }
    if ws.iter().all(|w| w.chars().all(|c| c.is_ascii_digit())) {
        return None;
    }
    if ws.len() == 1 && (ws[0].chars().count() < 5 || GENERIC.contains(&singular(ws[0]))) {
        return None;
    }
    let mut key = String::with_capacity(norm.len());
    for w in ws {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(singular(w));
    }
    Some(key)
}

/// Is a label at `at..to` of `lower` the subject of its clause? Quoted
/// ("“Principal repayments of finance leases” of"), or reached from the
/// start of the clause (punctuation, a bullet) or a determiner ("the",
/// "our") over modifiers only ("record quarterly", "total", "fiscal
/// 2024"), or, after a figure, from a conjunction. A verb or a
/// preposition before it makes it an object ("Dealers
/// increased inventories by $1.3 billion", "a decrease in accounts
/// receivable of"), whose figure is not the row's.
fn subject_position(
    lower: &str,
    at: usize,
    to: usize,
    after_figure: bool,
    issuer: &super::Issuer,
) -> bool {
    const OPEN: &[char] = &['“', '"', '‘'];
    const CLOSE: &[char] = &['”', '"', '’'];
    let before = lower[..at].trim_end();
    let after = lower[to..].trim_start();
    if before.ends_with(OPEN) && after.starts_with(CLOSE) {
        return true;
    }
    const DETERMINERS: &[&str] = &["the", "our", "its", "their", "this", "these", "those"];
    let mut rest = before;
    loop {
        if rest.is_empty() || rest.ends_with([',', ';', ':', '(', '—', '–', '-', '•', '·', '*'])
        {
            return true;
        }
        let cut = rest
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let raw = &rest[cut..];
        let w: String = raw
            .chars()
            .filter(|c| c.is_alphanumeric() || *c == '-')
            .collect();
        if w.is_empty() {
            // A bullet or a dash standing alone.
            return raw.chars().all(|c| !c.is_alphanumeric());
        }
        // After a figure, a conjunction opens the next clause.
        if DETERMINERS.contains(&w.as_str())
            || after_figure && matches!(w.as_str(), "and" | "while" | "but" | "whereas")
        {
            return true;
        }
        let periodish = w.chars().next().is_some_and(|c| c.is_ascii_digit())
            || w.starts_with("fy")
            || w.len() == 2 && w.starts_with('q');
        // "PG&E Corporation (NYSE: PCG) recorded second quarter 2023 income
        // available for common shareholders of $406 million": what the
        // company itself reports is its own row.
        if REPORTS.contains(&w.as_str()) && issuer_opens(&rest[..cut], issuer) {
            return true;
        }
        // "This compares with income available for common shareholders of
        // $475 million": what a result is compared with is that row too.
        if matches!(w.as_str(), "with" | "to") {
            let verb = rest[..cut].trim_end();
            let verb = verb.rsplit(char::is_whitespace).next().unwrap_or("");
            if matches!(verb, "compares" | "compared") {
                return true;
            }
        }
        if !(super::MODIFIERS.contains(&w.as_str()) || periodish) {
            return false;
        }
        rest = rest[..cut].trim_end();
    }
}

/// Verbs by which a company states its own results.
const REPORTS: &[&str] = &[
    "reported", "recorded", "posted", "reports", "records", "posts",
];

/// Does `before` (what stands before a reporting verb) consist of the
/// issuer's name, or "we", or "the company", from the start of its clause?
fn issuer_opens(before: &str, issuer: &super::Issuer) -> bool {
    let before = blank_parentheses(before);
    let before = before.trim_end();
    let clause = before
        .char_indices()
        .rfind(|&(_, c)| matches!(c, ',' | ';' | ':' | '(' | '—' | '–' | '•' | '·' | '.'))
        .map_or(before, |(i, c)| &before[i + c.len_utf8()..]);
    let words: Vec<&str> = clause.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 5
        && (words == ["we"]
            || words.iter().all(|w| {
                matches!(*w, "the" | "company" | "corporation" | "inc." | "inc")
                    || issuer.names(w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&'))
            }) && words.iter().any(|w| *w != "the"))
}

/// The facts of every labelled row of the document, by label key.
#[derive(Default)]
pub(super) struct RowLabels<'d> {
    facts: HashMap<String, Vec<Fact<'d>>>,
    /// The label as printed, by key, for messages.
    shown: HashMap<String, String>,
    /// The last word of every key with facts: prose is searched for labels
    /// ending at each of its words, and most words end none.
    last_words: HashSet<String>,
}

impl<'d> RowLabels<'d> {
    /// `row_scales` is [`Resolved::row_scales`](crate::resolve::Resolved).
    pub(super) fn new(
        doc: &'d Document,
        row_scales: &[Vec<rust_decimal::Decimal>],
    ) -> RowLabels<'d> {
        let mut out = RowLabels::default();
        for (ti, t) in doc.tables.iter().enumerate() {
            // Keys of this table, with the section headers they stand under.
            let mut sections: HashMap<String, HashSet<&str>> = HashMap::default();
            let mut keyed: Vec<(usize, String)> = Vec::new();
            let mut section = "";
            for (ri, r) in t.rows.iter().enumerate() {
                if r.header {
                    section = &r.label;
                    continue;
                }
                if !r.has_figures() {
                    continue;
                }
                // "Free cash flow less principal repayments … -- TTM" is
                // named without its marker, over its twelve months.
                let measure = t.trailing_measure_of(ri);
                let Some(key) = key_of(measure.as_deref().unwrap_or(&r.label)) else {
                    continue;
                };
                sections.entry(key.clone()).or_default().insert(section);
                keyed.push((ri, key));
            }
            if keyed.is_empty() {
                continue;
            }
            // Columns that are periods of their own.
            let unique: Vec<bool> = t
                .columns
                .iter()
                .enumerate()
                .map(|(ci, c)| {
                    !c.derived
                        && !c.period.is_empty()
                        && !t.columns.iter().enumerate().any(|(cj, d)| {
                            cj != ci && !d.derived && same_period(&c.period, &d.period)
                        })
                })
                .collect();
            let scales = &row_scales[ti];
            for (ri, key) in keyed {
                // "Hardware" under revenues and under expenses: which one a
                // sentence means, the label does not say.
                if sections.get(&key).is_some_and(|s| s.len() > 1) {
                    continue;
                }
                let r = &t.rows[ri];
                for (ci, col) in t.columns.iter().enumerate() {
                    if !unique.get(ci).copied().unwrap_or(false) {
                        continue;
                    }
                    let Some(f) = r.figure(ci) else { continue };
                    let scale = match f.unit {
                        Unit::PerShare => rust_decimal::Decimal::ONE,
                        Unit::Percent => rust_decimal::Decimal::new(1, 2),
                        Unit::Amount => scales.get(ri).copied().unwrap_or_else(|| t.scale.factor()),
                    };
                    let Some(interval) = f.interval().scale(scale) else {
                        continue;
                    };
                    out.facts.entry(key.clone()).or_default().push(Fact {
                        // The key names the facts; none of them is read by
                        // its concept.
                        concept: String::new(),
                        table: ti,
                        row: ri,
                        column: ci,
                        figure: f,
                        period: t.period_at(ri, ci).unwrap_or(&col.period),
                        interval,
                        scale,
                        period_unique: true,
                    });
                }
                out.shown.entry(key).or_insert_with(|| r.label.clone());
            }
        }
        out.last_words = out
            .facts
            .keys()
            .filter_map(|k| k.rsplit(' ').next())
            .map(str::to_string)
            .collect();
        out
    }

    /// The facts of a row-label concept in one unit.
    pub(super) fn facts(&self, concept: &str, unit: Unit) -> Vec<&Fact<'d>> {
        let Some(key) = concept.strip_prefix(ROW) else {
            return Vec::new();
        };
        self.facts
            .get(key)
            .map(|fs| fs.iter().filter(|f| f.figure.unit == unit).collect())
            .unwrap_or_default()
    }

    /// The facts in one unit of the rows whose key `keep` accepts.
    pub(super) fn rows_where(&self, unit: Unit, keep: impl Fn(&str) -> bool) -> Vec<&Fact<'d>> {
        self.facts
            .iter()
            .filter(|(key, _)| keep(key))
            .flat_map(|(_, fs)| fs.iter().filter(|f| f.figure.unit == unit))
            .collect()
    }

    /// The label a row-label concept stands for, as printed.
    pub(super) fn shown(&self, concept: &str) -> Option<&str> {
        self.shown
            .get(concept.strip_prefix(ROW)?)
            .map(String::as_str)
    }

    pub(super) fn has(&self, key: &str, unit: Unit) -> bool {
        self.facts
            .get(key)
            .is_some_and(|fs| fs.iter().any(|f| f.figure.unit == unit))
    }

    /// The row label that names the figure at `anchors[0]` of `lower` (the
    /// sentence up to the figure, lower case), or an earlier figure of the
    /// sentence (`anchors`, nearest first: where each figure starts and the
    /// previous one ends): the longest label that ends where only linking
    /// words stand before its figure. Returns the concept and where the
    /// label starts and ends in `lower`.
    pub(super) fn named_before(
        &self,
        lower: &str,
        anchors: &[(usize, usize)],
        unit: Unit,
        issuer: &super::Issuer,
    ) -> Option<(String, usize, usize)> {
        if self.facts.is_empty() {
            return None;
        }
        for &(after, at) in anchors {
            // Only the last words before a figure can name it: a label and
            // its linking words, a few hundred bytes at most.
            let after_figure = after > 0;
            let mut from = after.max(at.saturating_sub(GAP_REACH));
            while from < at && !lower.is_char_boundary(from) {
                from += 1;
            }
            let Some(gap) = lower.get(from..at) else {
                continue;
            };
            // "Vyndaqel family (Vyndaqel, Vyndamax, Vynmac) globally, up
            // 63%": what a parenthesis lists or defines stands aside.
            let ws = words(&blank_parentheses(gap));
            // Where a label may end: after any word from which only
            // linking words run to the figure.
            let mut end = ws.len();
            let mut links = 0;
            loop {
                if let Some(found) = self.longest_ending(&ws, end, unit) {
                    let (s, e) = found;
                    // "Advertising, Other revenue, and Reality Labs were":
                    // the last of a list of subjects is not the subject.
                    // After a figure, "and" opens a clause of its own
                    // ("… were $14.64 billion and dividends payments were").
                    if s > 0 && matches!(ws[s - 1].text.as_str(), "and" | "or") && !after_figure {
                        return None;
                    }
                    let (at, to) = (from + ws[s].start, from + ws[e - 1].end);
                    if !subject_position(lower, at, to, after_figure, issuer) {
                        return None;
                    }
                    let key: Vec<&str> = ws[s..e].iter().map(|w| w.text.as_str()).collect();
                    return Some((format!("{ROW}{}", key.join(" ")), at, to));
                }
                if end == 0 || links >= MAX_LINK {
                    break;
                }
                let w = ws[end - 1].text.as_str();
                if !(LINK.contains(&w) || super::periodish_word(w)) {
                    break;
                }
                end -= 1;
                links += 1;
            }
        }
        None
    }

    /// The longest run of words ending at `end` that is a label with facts
    /// in `unit`, as (first word, end).
    fn longest_ending(&self, ws: &[Word], end: usize, unit: Unit) -> Option<(usize, usize)> {
        // A key ends with the word the run ends with.
        if !ws[..end]
            .last()
            .is_some_and(|w| self.last_words.contains(&w.text))
        {
            return None;
        }
        let first = end.saturating_sub(MAX_WORDS);
        let mut key = String::new();
        (first..end)
            .find(|&s| {
                key.clear();
                for (k, w) in ws[s..end].iter().enumerate() {
                    if k > 0 {
                        key.push(' ');
                    }
                    key.push_str(&w.text);
                }
                self.has(&key, unit)
            })
            .map(|s| (s, end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_read_labels_as_prose_names_them() {
        assert_eq!(
            key_of("Total costs and expenses").as_deref(),
            Some("cost and expense")
        );
        assert_eq!(
            key_of("Dividends payments").as_deref(),
            key_of("dividend payments").as_deref()
        );
        assert_eq!(
            key_of("Principal repayments of finance leases").as_deref(),
            Some("principal repayment of finance lease")
        );
        assert_eq!(key_of("Basic"), None);
        assert_eq!(key_of("Other"), None);
        assert_eq!(key_of("Goodwill").as_deref(), Some("goodwill"));
        // A footnote mark is no word of the label; a year is.
        assert_eq!(
            key_of("Product revenues (1)").as_deref(),
            Some("product revenue")
        );
        assert_eq!(key_of("Revenue 2024").as_deref(), Some("revenue 2024"));
        // A basis in parentheses annotates the label; prose leaves it out.
        assert_eq!(
            key_of("Earnings Excluding Identified Items (non-GAAP)").as_deref(),
            Some("earning excluding identified item")
        );
        assert_eq!(
            key_of("Net income (including noncontrolling interests)").as_deref(),
            Some("net income including noncontrolling interest")
        );
        // Long labels are indexed whole (Amazon's free cash flow variants
        // run to 18 words).
        assert!(key_of(
            "Free cash flow less equipment finance leases and principal repayments of all \
             other finance leases and financing obligations"
        )
        .is_some());
        let prose: Vec<String> = words("“Principal repayments of finance leases” of")
            .into_iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(prose.join(" "), "principal repayment of finance lease of");
    }
}
