//! Short headings over paragraphs and bullets, as the subject of their
//! claims.
//!
//! Releases set a part of the business as a heading and let the sentences
//! under it leave it out: "Data Center" over "Second-quarter revenue was a
//! record $26.3 billion, up 16% from the previous quarter"; "Africa, Middle
//! East and South Asia" over "Operating profit increased 38%". Read alone,
//! such a sentence is about the consolidated figure, and a rate a table
//! states for the whole company may be one slip from it. A heading is a
//! short block of its own (a few words, no figure, no full stop) that
//! governs the blocks after it up to the next heading or table; it names a
//! part unless one of its words is of the release's own vocabulary
//! ("Highlights", "Fourth Quarter Results", "Cash Flow and Balance Sheet").
//!
//! A part-naming heading makes a claim about a consolidated concept the
//! part's own figure when a table shows that part under its name
//! (`revenue@data center`), and otherwise keeps the claim from being
//! reported: it may still tie, but a miss is about a part the tables do
//! not show.

use crate::document::Document;

/// Blocks a heading governs at most.
const REACH: usize = 8;

/// Words that make a heading the release's own business, not a part of
/// it.
const GENERIC: &[&str] = &[
    "about",
    "additional",
    "annual",
    "announcement",
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
    "corp",
    "corporate",
    "corporation",
    "developments",
    "discussion",
    "dividend",
    "dividends",
    "earnings",
    "exhibit",
    "expenses",
    "financial",
    "financials",
    "first",
    "fiscal",
    "flow",
    "flows",
    "forward-looking",
    "fourth",
    "full",
    "full-year",
    "gaap",
    "guidance",
    "highlight",
    "highlights",
    "immediate",
    "inc",
    "income",
    "information",
    "investor",
    "investors",
    "items",
    "key",
    "liquidity",
    "looking",
    "margin",
    "margins",
    "measures",
    "media",
    "metrics",
    "net",
    "news",
    "non-gaap",
    "note",
    "notes",
    "operating",
    "operations",
    "other",
    "outlook",
    "overview",
    "performance",
    "perspective",
    "presentation",
    "press",
    "profit",
    "quarter",
    "quarterly",
    "rate",
    "recent",
    "reconciliation",
    "reconciliations",
    "relations",
    "release",
    "repurchase",
    "repurchases",
    "reported",
    "reports",
    "result",
    "results",
    "return",
    "returns",
    "revenue",
    "revenues",
    "review",
    "sales",
    "second",
    "segment",
    "segments",
    "selected",
    "share",
    "shareholder",
    "shareholders",
    "sheet",
    "statement",
    "statements",
    "stockholders",
    "summary",
    "supplemental",
    "tax",
    "taxes",
    "third",
    "total",
    "unaudited",
    "webcast",
    "year",
    "year-end",
];

/// The part-naming heading each block stands under, if any.
pub(super) struct Headings {
    /// Index into `names`.
    governing: Vec<Option<usize>>,
    /// The headings' texts: a heading block's, or the part a table's title
    /// ends with ("Earnings and Volume Summary by Segment / Upstream").
    names: Vec<String>,
    /// The block introducing a list of expectations, for its bullets.
    forward: Vec<Option<usize>>,
}

/// Is a block's text a heading: a few words, starting with a capital, no
/// figure, no sentence?
fn heading(text: &str) -> bool {
    let t = text.trim();
    if t.len() > 80 {
        return false;
    }
    let words = t.split_whitespace().count();
    (1..=10).contains(&words)
        && t.starts_with(|c: char| c.is_uppercase())
        && !t.ends_with(['.', '!', '?', ';', ','])
        && !t.contains('$')
        && !t.contains('%')
        && !t.chars().any(|c| c.is_ascii_digit())
}

/// The part a table's title names, when the title's last line reads as a
/// part-naming heading ("Upstream" under "Earnings and Volume Summary by
/// Segment"; not "Results Summary", "Cash Flow from Operations").
fn titled_part(last_line: &str) -> Option<&str> {
    (heading(last_line) && names_part(last_line)).then_some(last_line)
}

/// Is a block a bullet of a list ("•", "–", "-", "·")?
fn bullet(text: &str) -> bool {
    text.trim_start()
        .starts_with(['•', '–', '-', '·', '▪', '■', '*', '●', '◦'])
}

/// Does a heading name a part of the business (none of its words is the
/// release's own vocabulary)?
pub(super) fn names_part(text: &str) -> bool {
    !text
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .any(|w| {
            let w = w.to_lowercase();
            GENERIC.contains(&w.as_str()) || w.len() == 2 && w.starts_with('q')
        })
}

impl Headings {
    pub(super) fn new(doc: &Document) -> Headings {
        let mut governing = vec![None; doc.blocks.len()];
        let mut names: Vec<String> = Vec::new();
        // (heading, blocks since)
        let mut current: Option<(usize, usize)> = None;
        // Where each table ends (a text table's span may reach back over
        // the lines above its headings), and the part its title ends with.
        let mut ends: Vec<(usize, usize)> = doc
            .tables
            .iter()
            .enumerate()
            .map(|(i, t)| (t.span.end, i))
            .collect();
        ends.sort_unstable();
        let mut tables = ends.into_iter().peekable();
        let mut mentioned = vec![false; doc.blocks.len()];
        for m in &doc.mentions {
            if let Some(x) = mentioned.get_mut(m.block) {
                *x = true;
            }
        }
        let mut forward = vec![None; doc.blocks.len()];
        let mut lead: Option<usize> = None;
        for (b, block) in doc.blocks.iter().enumerate() {
            // A table between a heading and a block ends the heading's
            // reach; a table titled by a part ("… / Upstream") heads the
            // paragraph and bullets after it as a heading would.
            while let Some(&(_, t)) = tables.peek().filter(|&&(s, _)| s < block.span.start) {
                tables.next();
                lead = None;
                current = titled_part(doc.tables[t].last_title_line()).map(|part| {
                    names.push(part.to_string());
                    (names.len() - 1, 0)
                });
            }
            let text = block.text.text();
            // "For 2025, the Company continues to expect:" over bullets:
            // each bullet is forward-looking, whatever its own words.
            if bullet(text) {
                forward[b] = lead;
            } else {
                // Only the clause the colon ends introduces the list.
                lead = text
                    .trim_end()
                    .strip_suffix(':')
                    .and_then(|t| t.rsplit(['.', ';', ':']).next())
                    .filter(|clause| super::FUTURE.is_match(clause))
                    .map(|_| b);
            }
            if !mentioned[b] && heading(text) {
                current = names_part(text).then(|| {
                    names.push(text.trim().to_string());
                    (names.len() - 1, 0)
                });
                continue;
            }
            // A heading governs the paragraph right after it and the
            // bullets that follow; any other block ends its section.
            if let Some((h, since)) = current {
                if since >= REACH || since > 0 && !bullet(text) {
                    current = None;
                } else {
                    governing[b] = Some(h);
                    current = Some((h, since + 1));
                }
            }
        }
        Headings {
            governing,
            names,
            forward,
        }
    }

    /// The block that introduces a block as one of a list about the
    /// future ("… continues to expect:").
    pub(super) fn forward(&self, block: usize) -> Option<usize> {
        self.forward.get(block).copied().flatten()
    }

    /// The part-naming heading a block stands under.
    pub(super) fn of(&self, block: usize) -> Option<&str> {
        let h = self.governing.get(block).copied().flatten()?;
        self.names.get(h).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_that_name_parts() {
        assert!(heading("Data Center") && names_part("Data Center"));
        assert!(heading("Africa, Middle East and South Asia"));
        assert!(names_part("Africa, Middle East and South Asia"));
        assert!(heading("Highlights") && !names_part("Highlights"));
        assert!(!names_part("Cash Flow and Balance Sheet"));
        assert!(!names_part("Fourth Quarter Results"));
        // A statement's own title over the notes below it.
        assert!(!names_part("CERTAIN LINE ITEMS - (UNAUDITED)"));
        assert!(!heading("Revenue was $48.2 million."));
        assert!(!heading("The quarter was strong."));
    }

    #[test]
    fn tables_titled_by_a_part() {
        assert_eq!(titled_part("Upstream"), Some("Upstream"));
        assert_eq!(titled_part("Energy Products"), Some("Energy Products"));
        assert_eq!(titled_part("Results Summary"), None);
        assert_eq!(titled_part("Corporate and Financing"), None);
        assert_eq!(
            titled_part("CASH FLOW FROM OPERATIONS AND ASSET SALES EXCLUDING WORKING CAPITAL"),
            None
        );
        assert_eq!(titled_part(""), None);
    }
}
