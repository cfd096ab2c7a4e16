//! Lexing the figures of a table row: `$ 42,625`, `(457)`, `$(0.66)`, `--`,
//! `—`, `12.6%`, `(12.5)%`, `N/A`.

use rust_decimal::Decimal;

/// One figure as lexed from text, with text offsets of its numeric part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Offsets in the lexed string of the figure, parentheses and percent
    /// sign included, currency symbol excluded.
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenKind {
    Number {
        value: Decimal,
        decimals: u32,
        percent: bool,
        currency: Option<char>,
        /// Printed with thousands separators, parentheses, a decimal point,
        /// a currency or a percent sign: a year never is.
        formatted: bool,
    },
    /// `-`, `--`, `—`: zero or nil.
    Dash,
    /// `N/A`, `nm`, `n/m`, `*`: not meaningful.
    NotApplicable,
}

impl Token {
    /// A bare four-digit integer that reads as a year (1950–2050).
    pub fn is_year(&self) -> bool {
        match &self.kind {
            TokenKind::Number {
                value,
                decimals: 0,
                formatted: false,
                ..
            } => *value >= Decimal::from(1950) && *value <= Decimal::from(2050),
            _ => false,
        }
    }
}

fn is_currency(c: char) -> bool {
    matches!(c, '$' | '€' | '£' | '¥')
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '—' | '–' | '−')
}

const NOT_APPLICABLE: &[&str] = &["n/a", "na", "nm", "n/m", "n.m.", "nmf", "*", "**"];

/// Lexes `s` as a sequence of figures separated by white space (and `|`).
/// Returns `None` when anything else is there: such a line is prose or a
/// label, not a row of figures.
pub fn lex_figures(s: &str) -> Option<Vec<Token>> {
    // A first token that starts with a letter is no figure (only the
    // not-applicable markers start with `n` and `US$` with `U`): labels and
    // prose, most of the text lexed, are turned down before their
    // characters are collected.
    let first = s.trim_start_matches(|c: char| c.is_whitespace() || c == '|');
    if first
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() && !matches!(c, 'n' | 'N' | 'U'))
        && change_word(first).is_none()
    {
        return None;
    }
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let n = chars.len();
    let at = |i: usize| chars.get(i).map(|c| c.1);
    let off = |i: usize| chars.get(i).map(|c| c.0).unwrap_or(s.len());
    let mut i = 0;
    let mut pending_currency: Option<char> = None;
    while i < n {
        let c = chars[i].1;
        if c.is_whitespace() || c == '|' {
            i += 1;
            continue;
        }
        // A currency sign, possibly written US$.
        if is_currency(c) {
            pending_currency = Some(c);
            i += 1;
            continue;
        }
        if c == 'U' && at(i + 1) == Some('S') && at(i + 2) == Some('$') {
            pending_currency = Some('$');
            i += 3;
            continue;
        }
        // "down 36%", "up 6 ppts", "flat": a change in words, as summary
        // tables print their comparison columns.
        if c.is_alphabetic() {
            if let Some((len, sign)) = change_word(&s[off(i)..]) {
                let after = off(i) + len;
                let rest = &s[after..];
                let flat = sign.is_zero();
                // "flat" is no change: a dash, the zero of a change column.
                if flat
                    && rest
                        .chars()
                        .next()
                        .is_none_or(|c| c.is_whitespace() || c == '|')
                {
                    out.push(Token {
                        start: off(i),
                        end: after,
                        kind: TokenKind::Dash,
                    });
                    pending_currency = None;
                    i += len;
                    continue;
                }
                if let Some((end, mut tok)) = changed_figure(rest) {
                    if let TokenKind::Number { value, .. } = &mut tok {
                        *value *= sign;
                    }
                    out.push(Token {
                        start: off(i),
                        end: after + end,
                        kind: tok,
                    });
                    pending_currency = None;
                    let stop = after + end;
                    while i < n && off(i) < stop {
                        i += 1;
                    }
                    continue;
                }
            }
        }
        // A dash alone is a zero; "—%" is a rate column's zero.
        if is_dash(c) {
            let mut j = i;
            while j < n && is_dash(chars[j].1) {
                j += 1;
            }
            let percent_sign =
                at(j) == Some('%') && at(j + 1).is_none_or(|c| c.is_whitespace() || c == '|');
            if percent_sign {
                out.push(Token {
                    start: off(i),
                    end: off(j + 1),
                    kind: TokenKind::Dash,
                });
                pending_currency = None;
                i = j + 1;
                continue;
            }
            if j == n || at(j).is_some_and(|c| c.is_whitespace() || c == '|') {
                out.push(Token {
                    start: off(i),
                    end: off(j),
                    kind: TokenKind::Dash,
                });
                pending_currency = None;
                i = j;
                continue;
            }
        }
        // Not applicable markers.
        let word_end = (i..n)
            .find(|&j| chars[j].1.is_whitespace() || chars[j].1 == '|')
            .unwrap_or(n);
        // Every marker starts with `n` or `*`, and only `N` lower-cases to
        // `n`: other words are not lower-cased (this runs on every cell).
        // A footnote digit may stick to the marker ("n/m1"): "nm" and "n/m"
        // are never followed by figures otherwise.
        let marker_end = {
            let word = &s[off(i)..off(word_end)];
            let bare = word.trim_end_matches(|c: char| c.is_ascii_digit());
            if word.len() - bare.len() <= 1 && matches!(bare, "nm" | "n/m" | "NM" | "N/M") {
                off(i) + bare.len()
            } else {
                off(word_end)
            }
        };
        if matches!(c, 'n' | 'N' | '*')
            && NOT_APPLICABLE.contains(&s[off(i)..marker_end].to_lowercase().as_str())
        {
            out.push(Token {
                start: off(i),
                end: marker_end,
                kind: TokenKind::NotApplicable,
            });
            pending_currency = None;
            i = word_end;
            continue;
        }
        // A number: [(] [$] [-] digits [.digits] [)] [%] [)]
        let start = i;
        let mut j = i;
        let mut paren = false;
        let mut currency = pending_currency.take();
        let mut minus = false;
        if at(j) == Some('(') {
            paren = true;
            j += 1;
            while at(j).is_some_and(|c| c == ' ') {
                j += 1;
            }
        }
        if let Some(c) = at(j).filter(|c| is_currency(*c)) {
            currency = Some(c);
            j += 1;
            while at(j).is_some_and(|c| c == ' ') {
                j += 1;
            }
        }
        if at(j).is_some_and(|c| c == '-' || c == '−' || c == '–') {
            minus = true;
            j += 1;
        }
        let num_start = j;
        let mut digits = String::new();
        let mut grouped = false;
        let mut decimals = 0u32;
        let mut seen_point = false;
        let mut last_group = 0usize; // digits since the last comma
        while j < n {
            let c = chars[j].1;
            if c.is_ascii_digit() {
                digits.push(c);
                if seen_point {
                    decimals += 1;
                } else {
                    last_group += 1;
                }
                j += 1;
            } else if c == ','
                && !seen_point
                && !digits.is_empty()
                && at(j + 1).is_some_and(|c| c.is_ascii_digit())
                && at(j + 2).is_some_and(|c| c.is_ascii_digit())
                && at(j + 3).is_some_and(|c| c.is_ascii_digit())
                && !at(j + 4).is_some_and(|c| c.is_ascii_digit())
            {
                if grouped && last_group != 3 || !grouped && last_group > 3 {
                    return None;
                }
                grouped = true;
                last_group = 0;
                j += 1;
            } else if c == '.' && !seen_point && at(j + 1).is_some_and(|c| c.is_ascii_digit()) {
                if grouped && last_group != 3 {
                    return None;
                }
                seen_point = true;
                digits.push('.');
                j += 1;
            } else {
                break;
            }
        }
        if j == num_start || digits == "." {
            return None;
        }
        if grouped && !seen_point && last_group != 3 {
            return None;
        }
        let mut percent = false;
        if at(j) == Some('%') {
            percent = true;
            j += 1;
        }
        if paren {
            while at(j).is_some_and(|c| c == ' ') {
                j += 1;
            }
            if at(j) != Some(')') {
                return None;
            }
            j += 1;
        }
        if !percent && at(j) == Some('%') {
            percent = true;
            j += 1;
        }
        // "19 %", "(4.4) %": a percent sign set off by one space.
        if !percent
            && at(j) == Some(' ')
            && at(j + 1) == Some('%')
            && at(j + 2).is_none_or(|c| c.is_whitespace() || c == '|')
        {
            percent = true;
            j += 2;
        }
        // "613 bps", "(72) bps": a change in a margin, in basis points, as
        // reconciliations of margin performance print it. The unit word
        // belongs to the figure; the value stays in basis points.
        let mut basis_points = false;
        if !percent && at(j) == Some(' ') {
            let word: String = (j + 1..(j + 4).min(n)).filter_map(at).collect();
            if word.eq_ignore_ascii_case("bps")
                && at(j + 4).is_none_or(|c| c.is_whitespace() || c == '|')
            {
                basis_points = true;
                j += 4;
            }
        }
        // A footnote mark set on the figure ("$14.0^": no adjustment on a
        // non-GAAP basis) is not part of it.
        let figure_end = j;
        let mut k = j;
        while at(k).is_some_and(|c| matches!(c, '^' | '†' | '‡')) {
            k += 1;
        }
        if k > j && at(k).is_none_or(|c| c.is_whitespace() || c == '|') {
            j = k;
        }
        // Whatever follows must end the token: "4th", "2x", "10-12" are not
        // figures.
        if at(j).is_some_and(|c| !(c.is_whitespace() || c == '|' || is_currency(c))) {
            return None;
        }
        let digits = if digits.starts_with('.') {
            format!("0{digits}")
        } else {
            digits
        };
        let mut value: Decimal = digits.parse().ok()?;
        if paren || minus {
            value = -value;
        }
        out.push(Token {
            start: off(start),
            end: off(figure_end),
            kind: TokenKind::Number {
                value,
                decimals,
                percent,
                currency,
                formatted: grouped
                    || paren
                    || seen_point
                    || percent
                    || basis_points
                    || currency.is_some(),
            },
        });
        i = j;
    }
    if pending_currency.is_some() && out.is_empty() {
        return None;
    }
    Some(out)
}

/// A change written in words at the start of `s`: "up", "down" (any
/// case) or "flat", ending at a space or the end. Returns the word's length
/// and the sign it gives the figure after it (zero for "flat").
fn change_word(s: &str) -> Option<(usize, Decimal)> {
    let word = s
        .split(|c: char| c.is_whitespace() || c == '|')
        .next()
        .unwrap_or("");
    let sign = if word.eq_ignore_ascii_case("up") {
        Decimal::ONE
    } else if word.eq_ignore_ascii_case("down") {
        Decimal::NEGATIVE_ONE
    } else if word.eq_ignore_ascii_case("flat") {
        Decimal::ZERO
    } else {
        return None;
    };
    Some((word.len(), sign))
}

/// The figure after a change word: one space, a plain number, then a
/// percent sign or a unit of points ("36%", "12.8 ppts", "6 pts", "50
/// bps"), ending at white space, a pipe or the end. Points and basis
/// points keep their value and are no percentage, like "613 bps".
/// Returns the end offset in `s` and the figure's kind.
fn changed_figure(s: &str) -> Option<(usize, TokenKind)> {
    let body = s.strip_prefix(' ')?;
    let digits_len = body
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(body.len());
    let digits = &body[..digits_len];
    if digits.is_empty() || !digits.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let toks = lex_figures(digits)?;
    let [Token {
        kind:
            TokenKind::Number {
                value,
                decimals,
                percent: false,
                currency: None,
                ..
            },
        end,
        ..
    }] = toks.as_slice()
    else {
        return None;
    };
    if *end != digits.len() {
        return None;
    }
    let rest = &body[digits_len..];
    let (unit_len, percent) = if rest.starts_with('%') {
        (1, true)
    } else {
        let r = rest.strip_prefix(' ')?;
        let word = r
            .split(|c: char| c.is_whitespace() || c == '|')
            .next()
            .unwrap_or("");
        let points = ["ppts", "ppt", "pts", "points", "bps"]
            .iter()
            .any(|u| word.eq_ignore_ascii_case(u));
        if !points {
            return None;
        }
        (1 + word.len(), false)
    };
    let end = 1 + digits_len + unit_len;
    if s[end..]
        .chars()
        .next()
        .is_some_and(|c| !(c.is_whitespace() || c == '|'))
    {
        return None;
    }
    Some((
        end,
        TokenKind::Number {
            value: *value,
            decimals: *decimals,
            percent,
            currency: None,
            formatted: true,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(s: &str) -> Option<Vec<String>> {
        lex_figures(s).map(|v| {
            v.iter()
                .map(|t| match &t.kind {
                    TokenKind::Number {
                        value,
                        percent,
                        decimals,
                        ..
                    } => format!("{value}{}/{decimals}", if *percent { "%" } else { "" }),
                    TokenKind::Dash => "dash".into(),
                    TokenKind::NotApplicable => "na".into(),
                })
                .collect()
        })
    }

    #[test]
    fn lexes_accounting_figures() {
        assert_eq!(
            values("$ 42,625   $ 37,855").unwrap(),
            ["42625/0", "37855/0"]
        );
        assert_eq!(values("(457)").unwrap(), ["-457/0"]);
        assert_eq!(
            values("613 bps     (451) bps").unwrap(),
            ["613/0", "-451/0"]
        );
        assert_eq!(values("27 bpsx"), None);
        assert_eq!(values("$ (0.00)").unwrap(), ["-0.00/2"]);
        assert_eq!(values("$(0.66)  $ 1.99").unwrap(), ["-0.66/2", "1.99/2"]);
        assert_eq!(values("--   —  -").unwrap(), ["dash", "dash", "dash"]);
        assert_eq!(values("12.6%  (12.5)%").unwrap(), ["12.6%/1", "-12.5%/1"]);
        assert_eq!(values("19 %  (4.4) %").unwrap(), ["19%/0", "-4.4%/1"]);
        assert_eq!(values("$ N/A  nm").unwrap(), ["na", "na"]);
        assert_eq!(values("$   53   $  309").unwrap(), ["53/0", "309/0"]);
        assert_eq!(values("( 1,234 )").unwrap(), ["-1234/0"]);
    }

    #[test]
    fn changes_in_words_are_signed_figures() {
        assert_eq!(
            values("$11.7   $18.4   down 36%").unwrap(),
            ["11.7/1", "18.4/1", "-36%/0"]
        );
        assert_eq!(
            values("42.6%  55.4%  down 12.8 ppts").unwrap(),
            ["42.6%/1", "55.4%/1", "-12.8/1"]
        );
        assert_eq!(
            values("Up 22%  up 6 pts  flat").unwrap(),
            ["22%/0", "6/0", "dash"]
        );
        let s = "9.0   down 36%";
        let t = lex_figures(s).unwrap();
        assert_eq!(&s[t[1].start..t[1].end], "down 36%");
        // Words that are no change, or a change of no figure, are prose.
        for s in [
            "down",
            "down 36",
            "down 36%s",
            "up to 36%",
            "down 3 6%",
            "down (3)%",
            "downturn 5%",
        ] {
            assert!(values(s).is_none(), "{s}");
        }
    }

    #[test]
    fn footnote_marks_stick_to_figures_and_markers() {
        let s = "$14.0^   n/m1   —%";
        let t = lex_figures(s).unwrap();
        assert_eq!(&s[t[0].start..t[0].end], "14.0");
        assert_eq!(&s[t[1].start..t[1].end], "n/m");
        assert_eq!(t[1].kind, TokenKind::NotApplicable);
        assert_eq!(&s[t[2].start..t[2].end], "—%");
        assert_eq!(t[2].kind, TokenKind::Dash);
        assert!(values("n/m12").is_none());
        assert!(values("14.0^x").is_none());
    }

    #[test]
    fn refuses_prose_and_malformed_numbers() {
        assert!(values("down").is_none());
        assert!(values("4th").is_none());
        assert!(values("10-12%").is_none());
        assert!(values("(4,137").is_none());
        assert!(values("404.302.9841").is_none());
        assert!(values("1,23").is_none());
        assert!(values("$").is_none());
    }

    #[test]
    fn spans_cover_the_figure() {
        let s = "$ (1,391)  2,958";
        let t = lex_figures(s).unwrap();
        assert_eq!(&s[t[0].start..t[0].end], "(1,391)");
        assert_eq!(&s[t[1].start..t[1].end], "2,958");
    }

    #[test]
    fn years_are_recognized() {
        let t = lex_figures("2006   2005").unwrap();
        assert!(t.iter().all(|t| t.is_year()));
        let t = lex_figures("2,006").unwrap();
        assert!(!t[0].is_year());
    }

    #[test]
    fn a_first_letter_is_no_figure_except_markers() {
        for s in ["Revenue 1,234", " | Total", "Ébitda 5", "net 5", "Diluted"] {
            assert!(lex_figures(s).is_none(), "{s}");
        }
        assert_eq!(values("N/A").unwrap().len(), 1);
        assert_eq!(values(" | nm 5").unwrap().len(), 2);
        assert_eq!(values("US$ 1,234").unwrap().len(), 1);
    }
}
