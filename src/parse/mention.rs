//! Figures quoted in prose: "$42.6 million", "$(0.6 million)", "$0.01 per
//! diluted share", "12.6%", "12.6 percent", "4.6 points", "50 basis points".

use crate::document::{Block, Mention, MentionKind};
use regex::Regex;
use rust_decimal::Decimal;
use std::sync::LazyLock;

static MONEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?P<open>\()?(?:US)?\$\s?(?P<open2>\()?(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<dec>\d+))?(?P<close1>\))?(?:\s*(?P<scale>million|billion|thousand|mm|bn)(?:\d{1,2})?(?-u:\b)|(?P<short>(?-i:[BMK]))(?-u:\b))?(?P<close>\))?",
    )
    .expect("money regex")
});

static PERCENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?P<open>\()?(?P<num>\d+)(?:\.(?P<dec>\d+))?(?P<close>\))?\s*(?P<unit>%|percent(?-u:\b)|per cent(?-u:\b)|percentage points?(?-u:\b)|basis points?(?-u:\b)|points?(?-u:\b)|pts(?-u:\b)|bps(?-u:\b))",
    )
    .expect("percent regex")
});

static PER_SHARE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:of\s+)?(?:net\s+(?:income|loss|earnings)\s+)?per\s+(?:(?:basic|diluted|common)\s+(?:and\s+(?:basic|diluted)\s+)?)?share|^\s*(?:in\s+)?(?:diluted|basic)\s+(?:eps|earnings per share)")
        .expect("per-share regex")
});

fn decimal(num: &str, dec: Option<&str>) -> Option<(Decimal, u32)> {
    let digits: String = num.chars().filter(|c| c.is_ascii_digit()).collect();
    // Prose figures have a few decimals at most; a run of dozens of digits
    // is not a figure, and would not fit a decimal's precision anyway.
    if digits.len() > 15 || dec.is_some_and(|d| d.len() > 6) {
        return None;
    }
    let (text, decimals) = match dec {
        Some(d) => (format!("{digits}.{d}"), d.len() as u32),
        None => (digits, 0),
    };
    Some((text.parse().ok()?, decimals))
}

/// Every figure quoted in the blocks, in document order.
pub fn mentions(blocks: &[Block]) -> Vec<Mention> {
    let mut out = Vec::new();
    for (bi, b) in blocks.iter().enumerate() {
        let text = b.text.text();
        let mut taken: Vec<(usize, usize)> = Vec::new();
        for c in MONEY.captures_iter(text) {
            let Some(num) = c.name("num") else { continue };
            // A number glued to letters ("$5m" is fine, "$12x" is not).
            let whole = c.get(0).map_or(num.range(), |m| m.range());
            if text[whole.end..].starts_with(|ch: char| ch.is_ascii_alphanumeric()) {
                continue;
            }
            let Some((value, decimals)) = decimal(num.as_str(), c.name("dec").map(|d| d.as_str()))
            else {
                continue;
            };
            // "$1.3B", "$500M", "$750K": a capital glued to the figure.
            let short = c.name("short").map(|s| match s.as_str() {
                "B" => "billion",
                "M" => "million",
                _ => "thousand",
            });
            let scale = match c
                .name("scale")
                .map(|s| s.as_str().to_lowercase())
                .or(short.map(str::to_string))
            {
                Some(s) if s == "million" || s == "mm" => Decimal::new(1_000_000, 0),
                Some(s) if s == "billion" || s == "bn" => Decimal::new(1_000_000_000, 0),
                Some(s) if s == "thousand" => Decimal::new(1_000, 0),
                _ => Decimal::ONE,
            };
            let negative = c.name("open").is_some() || c.name("open2").is_some();
            let digits_end = c.name("dec").map_or(num.end(), |d| d.end());
            // The words after a figure are read from past its scale: a
            // glued "B" is a scale word the readers of those words need
            // not know.
            let end = c.name("short").map_or(digits_end, |s| s.end());
            let per_share = scale == Decimal::ONE && PER_SHARE_AFTER.is_match(&text[whole.end..]);
            out.push(Mention {
                kind: if per_share {
                    MentionKind::PerShare
                } else {
                    MentionKind::Money
                },
                value,
                decimals,
                scale,
                negative,
                block: bi,
                start: num.start(),
                end,
                span: b.text.span(num.start(), digits_end),
            });
            taken.push((whole.start, whole.end));
        }
        for c in PERCENT.captures_iter(text) {
            let Some(num) = c.name("num") else { continue };
            if taken.iter().any(|&(s, e)| num.start() < e && s < num.end()) {
                continue;
            }
            // "10-12%", "2.5" inside a version number: a digit or hyphen
            // glued before is not a figure of its own.
            if text[..num.start()]
                .ends_with(|ch: char| ch.is_ascii_digit() || ch == '-' || ch == '.' || ch == ',')
            {
                continue;
            }
            let Some((value, decimals)) = decimal(num.as_str(), c.name("dec").map(|d| d.as_str()))
            else {
                continue;
            };
            let unit = c
                .name("unit")
                .map(|u| u.as_str().to_lowercase())
                .unwrap_or_default();
            let (kind, scale) = if unit.starts_with("basis") || unit == "bps" {
                (MentionKind::Points, Decimal::new(1, 2))
            } else if unit.contains("point") || unit == "pts" {
                (MentionKind::Points, Decimal::ONE)
            } else {
                (MentionKind::Percent, Decimal::ONE)
            };
            let end = c.name("dec").map_or(num.end(), |d| d.end());
            out.push(Mention {
                kind,
                value,
                decimals,
                scale,
                negative: c.name("open").is_some(),
                block: bi,
                start: num.start(),
                end,
                span: b.text.span(num.start(), end),
            });
        }
    }
    out.sort_by_key(|m| (m.block, m.start));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::textmap::TextMap;

    fn kinds(s: &str) -> Vec<(MentionKind, String, String, bool)> {
        let block = Block {
            text: TextMap::identity(s.to_string()),
            span: Default::default(),
        };
        mentions(&[block])
            .into_iter()
            .map(|m| (m.kind, m.value.to_string(), m.scale.to_string(), m.negative))
            .collect()
    }

    #[test]
    fn money_percent_and_per_share() {
        let m = kinds("revenues totaled $42.6 million, an increase of 12.6% compared to Q1");
        assert_eq!(
            m[0],
            (MentionKind::Money, "42.6".into(), "1000000".into(), false)
        );
        assert_eq!(
            m[1],
            (MentionKind::Percent, "12.6".into(), "1".into(), false)
        );
        let m = kinds("a net loss of $(0.6 million), or $0.01 per diluted share");
        assert_eq!(
            m[0],
            (MentionKind::Money, "0.6".into(), "1000000".into(), true)
        );
        assert_eq!(m[1].0, MentionKind::PerShare);
        let m = kinds("up 16 percent, margin rose 4.6 points and 50 basis points");
        assert_eq!(m.len(), 3);
        assert_eq!(
            m[2],
            (MentionKind::Points, "50".into(), "0.01".into(), false)
        );
    }

    #[test]
    fn ranges_are_not_split_into_figures() {
        assert!(kinds("growth of 10-12%").is_empty());
        let m = kinds("revenue of $1.1 billion");
        assert_eq!(m[0].2, "1000000000");
        // A footnote mark glued to the scale word, a negative's parenthesis
        // closed before it.
        let m = kinds("earnings of $9.2 billion1, and losses of $(112) million");
        assert_eq!(m[0].2, "1000000000");
        assert_eq!(m[1].2, "1000000");
        assert!(m[1].3);
    }

    #[test]
    fn a_capital_glued_to_a_figure_is_its_scale() {
        let m = kinds("cash from operations was $1.3B vs. $1.4 billion, and $500M");
        assert_eq!(m.len(), 3);
        assert_eq!(m[0].2, "1000000000");
        assert_eq!(m[2].2, "1000000");
        // Only a capital, and only glued: "$5 Bonus" is no scale.
        assert_eq!(kinds("a $5 Bonus")[0].2, "1");
        assert!(kinds("a $5b item").is_empty());
    }
}
