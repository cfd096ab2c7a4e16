//! The issuer's own name, as a word that leaves a concept consolidated.
//!
//! "IBM's free cash flow was $6.1 billion", "Consolidated Alphabet revenues
//! increased 12%", "Apple's board": the company names itself before a
//! measure, which is its consolidated figure, not a part of its business.
//! The name is read where the release prints it with its corporate form,
//! in table titles and the opening paragraphs ("INTERNATIONAL BUSINESS
//! MACHINES CORPORATION", "Alphabet Inc. (NASDAQ: GOOG)"): its words, and
//! the initials of a name of several words ("IBM").

use crate::document::Document;
use crate::fxhash::FxHashSet as HashSet;
use regex::Regex;
use std::sync::LazyLock;

/// A name before its corporate form.
static NAMED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<name>[A-Z][A-Za-z&'’.-]*(?:\s+[A-Z][A-Za-z&'’.-]*){0,4}),?\s+(?:Inc\.?|Incorporated|INC\.?|Corporation|CORPORATION|Corp\.?|CORP\.?|plc|PLC|Ltd\.?|LTD\.?|N\.V\.|S\.A\.)(?-u:\b)")
        .expect("re")
});

/// How many opening prose blocks are read for the name.
const OPENING: usize = 10;

/// Words that name the issuer, lower case.
#[derive(Default)]
pub(crate) struct Issuer {
    words: HashSet<String>,
    /// The release reports the company's results as "earnings" ("Exxon
    /// Mobil Corporation today announced … earnings of $9.2 billion"):
    /// "earnings" alone is then its net income wherever the words before
    /// it name no part of the business.
    pub(crate) reports_earnings: bool,
}

impl Issuer {
    pub(crate) fn new(doc: &Document) -> Issuer {
        let mut out = Issuer::default();
        let titles = doc.tables.iter().map(|t| t.title.as_str());
        let opening = doc.blocks.iter().take(OPENING).map(|b| b.text.text());
        for text in titles.chain(opening) {
            for c in NAMED.captures_iter(text) {
                let Some(name) = c.name("name") else { continue };
                out.add(name.as_str());
            }
        }
        out
    }

    fn add(&mut self, name: &str) {
        let words: Vec<String> = name
            .split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|w| !w.is_empty() && !matches!(w.as_str(), "and" | "the" | "of"))
            .collect();
        if words.len() > 1 {
            let initials: String = words.iter().filter_map(|w| w.chars().next()).collect();
            self.words.insert(initials);
        }
        self.words.extend(words);
    }

    /// The name's words and initials, lower case.
    pub(crate) fn words(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(String::as_str)
    }

    /// Is a word of prose ("ibm's", "alphabet") the issuer's name?
    pub(super) fn names(&self, word: &str) -> bool {
        let w = word
            .trim_end_matches("'s")
            .trim_end_matches("’s")
            .trim_end_matches('\'');
        !w.is_empty() && self.words.contains(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_initials() {
        let mut i = Issuer::default();
        for text in [
            "INTERNATIONAL BUSINESS MACHINES CORPORATION / SEGMENT DATA",
            "Alphabet Inc. (NASDAQ: GOOG, GOOGL) today announced",
        ] {
            for c in NAMED.captures_iter(text) {
                i.add(&c["name"]);
            }
        }
        assert!(i.names("ibm's"));
        assert!(i.names("ibm’s"));
        assert!(i.names("alphabet"));
        assert!(!i.names("google"));
        assert!(!i.names("cloud"));
    }
}
