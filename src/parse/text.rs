//! Tables and prose from plain text: tab-separated cells, space-aligned
//! ASCII columns (EDGAR `.txt` exhibits, `pdftotext -layout`) and Markdown
//! pipe tables.
//!
//! The text is read line by line. A *row* is a label followed by figures and
//! nothing else; a run of rows, with the section headers, wrapped labels,
//! blank and rule lines between them, is a table. The lines above a table
//! (title, scale note, column headings) are its heading. Columns are found by
//! clustering where the figures stand: the field index for tab and pipe
//! layouts, the character column of the last digit for space layouts (figures
//! are right-aligned on their digits; a closing parenthesis hangs out).

use super::heading::{is_derived_header, is_period_heading, parse_period, scale_of};
use super::number::{lex_figures, Token, TokenKind};
use crate::document::{is_year_text, Block, Cell, Column, Figure, Row, Scale, Table, Unit};
use crate::span::Span;
use crate::textmap::TextMap;
use regex::Regex;
use std::sync::LazyLock;

/// Lines longer than this are prose (or garbage), never table rows: it
/// keeps row detection linear on hostile input.
const MAX_ROW_LINE: usize = 2_000;

/// Consecutive blank lines that end a table.
const BLANKS_ENDING_TABLE: usize = 3;

/// Heading lines kept above a table.
const MAX_HEADING_LINES: usize = 8;

#[derive(Debug, Clone)]
struct RowLine {
    /// Label range within the line (trimmed).
    label: (usize, usize),
    indent: usize,
    tokens: Vec<Token>,
    /// The figures are ranges with their midpoints ("5.5% – 6.5% / 6.0%"),
    /// three tokens each.
    ranges: bool,
}

#[derive(Debug, Clone)]
enum Kind {
    Blank,
    Rule,
    Row(RowLine),
    /// Column headings: years, dates, "three months ended".
    Heading,
    /// A short line of words: a title, a section header, a wrapped label.
    Label,
    /// A sentence or paragraph line.
    Prose,
    /// Footnote markers alone ("(1)", "(1)   (1)"), set apart from the
    /// label or heading they belong to by a PDF conversion: no structure.
    Marker,
    /// A line of a table read another way (a stacked table): it ends the
    /// table above like prose, and is no prose.
    Taken,
}

#[derive(Debug)]
struct Line<'a> {
    /// Offset of the line in the text layer.
    start: usize,
    text: &'a str,
    kind: Kind,
}

static FOOTNOTE_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(\([a-z0-9]{1,2}\)|\*+|\[\d+\]|[¹²³⁴⁵⁶⁷⁸⁹])\s*\S").expect("re")
});

static LABEL_MARKERS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\s*(\([a-z]\)|\(\d{1,2}\)|\*+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\d+\]))+\s*$").expect("re")
});

static PER_SHARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)per\s+(common\s+|diluted\s+|basic\s+|ordinary\s+|weighted\s+)?(share|unit|ads)(?-u:\b)|(?-u:\b)eps(?-u:\b)|per\s+diluted|per\s+basic")
        .expect("re")
});

static SHARE_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)shares(?-u:\b)|weighted|number\s+of|outstanding").expect("re")
});

/// Parses the tables and prose blocks of a text layer.
/// Blanks the SGML marks of EDGAR text documents (1993–2000s exhibits and
/// text parts of submission files): `<PAGE>`, `<TABLE>`, `<CAPTION>`,
/// `<FN>` lines, and the `<S>`/`<C>` marks that start each column in a
/// table's header row. Spaces of the same width keep columns aligned and
/// every offset unchanged.
pub fn blank_edgar_markup(map: &mut TextMap) {
    const MARKS: &[&str] = &[
        "<PAGE>",
        "<TABLE>",
        "</TABLE>",
        "<CAPTION>",
        "</CAPTION>",
        "<FN>",
        "</FN>",
        "<S>",
        "<C>",
    ];
    let mut found = Vec::new();
    let text = map.text();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let mut rest = 0;
        // Marks are upper case and stand alone, separated by spaces; a line
        // with any other `<…>` is left as it is.
        let bytes = line.as_bytes();
        let mut marks = Vec::new();
        let mut clean = true;
        while rest < bytes.len() {
            if bytes[rest] == b'<' {
                match MARKS.iter().find(|m| line[rest..].starts_with(**m)) {
                    Some(m) => {
                        marks.push(start + rest..start + rest + m.len());
                        rest += m.len();
                        continue;
                    }
                    None => {
                        clean = false;
                        break;
                    }
                }
            }
            rest += 1;
        }
        if clean {
            found.extend(marks);
        }
        start += line.len();
    }
    map.blank(&found);
}

pub fn parse(map: &TextMap) -> (Vec<Table>, Vec<Block>) {
    let text = map.text();
    let mut lines = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let body = piece.strip_suffix('\n').unwrap_or(piece);
        // Classifying a line costs its length, at most MAX_ROW_LINE for rows.
        crate::budget::spend(body.len().min(MAX_ROW_LINE) as u64 / 64 + 1);
        lines.push(Line {
            start,
            text: body,
            kind: classify(body),
        });
        start += piece.len();
    }
    mend_abbreviated_labels(&mut lines);
    let (mut tables, mut in_table) = stacked_tables(map, &mut lines);
    let groups = group(&lines);
    for g in &groups {
        for &i in &g.body {
            in_table[i] = true;
        }
        if let Some(t) = build_table(map, &lines, g) {
            tables.push(t);
        }
    }
    tables.sort_by_key(|t| t.span.start);
    let blocks = blocks(map, &lines, &in_table);
    (tables, blocks)
}

/// Lines of title, scale note and spanning column headings kept above a
/// stacked table's own column headings.
const STACKED_HEADING_LINES: usize = 10;

/// Tables whose cells a conversion set one per line: a label line, then one
/// line per column holding a figure alone, again for each row ("2023 As
/// Reported (GAAP)" over "$56,189", "$24,254", "$20,081", "$2.69"); section
/// headers ("Cost of revenue:") as label lines between; the column headings
/// as as many lines above (words, or years). A run of three rows or more
/// with the same number of figures (two or more) is a table; its lines take
/// no further part in grouping. Returns the tables and which lines are
/// theirs.
fn stacked_tables(map: &TextMap, lines: &mut [Line]) -> (Vec<Table>, Vec<bool>) {
    let n = lines.len();
    let mut used = vec![false; n];
    let mut tables = Vec::new();
    let cell = |l: &Line| -> Option<Token> {
        let bare = matches!(&l.kind, Kind::Row(r) if r.label.0 == r.label.1)
            || matches!(l.kind, Kind::Marker);
        if !bare {
            return None;
        }
        let mut toks = lex_figures(l.text)?;
        (toks.len() == 1).then(|| toks.pop()).flatten()
    };
    // Figures standing alone after each line, counted once.
    let mut cells_after = vec![0usize; n + 1];
    for i in (0..n).rev() {
        cells_after[i] = match lines.get(i + 1) {
            Some(l) if cell(l).is_some() => cells_after[i + 1] + 1,
            _ => 0,
        };
    }
    let is_label = |lines: &[Line], i: usize| {
        matches!(lines[i].kind, Kind::Label) && !clean_label(lines[i].text).is_empty()
    };
    let mut i = 0;
    while i < n {
        let k = cells_after[i];
        if !is_label(lines, i) || k < 2 {
            i += 1;
            continue;
        }
        // Rows (false) and section headers (true), in order.
        let mut entries = vec![(i, false)];
        let mut j = i + 1 + k;
        loop {
            let mut h = j;
            while h < n && h < j + 2 && is_label(lines, h) && cells_after[h] == 0 {
                h += 1;
            }
            if h < n && is_label(lines, h) && cells_after[h] == k {
                entries.extend((j..h).map(|x| (x, true)));
                entries.push((h, false));
                j = h + 1 + k;
            } else {
                break;
            }
        }
        if entries.iter().filter(|e| !e.1).count() < 3 {
            i += 1;
            continue;
        }
        // Section headers right above the first row ("Revenue:").
        let mut first_row = i;
        while first_row > 0
            && i - first_row < 2
            && !used[first_row - 1]
            && is_label(lines, first_row - 1)
            && content(lines[first_row - 1].text).1.ends_with(':')
        {
            first_row -= 1;
            entries.insert(0, (first_row, true));
        }
        // Column headings: a year per column among the heading lines above
        // ("June 30," over "2024", "Three Months Ended" spanning two
        // years), past up to two section headers ("Assets", "Operations");
        // or else as many word lines right above the first row ("Revenue",
        // "Operating Income").
        let headingish = |lines: &[Line], h: usize| {
            let t = content(lines[h].text).1;
            matches!(lines[h].kind, Kind::Heading)
                || matches!(lines[h].kind, Kind::Label)
                    && (is_column_words(t) || scale_of(t).is_some())
        };
        let mut sec = first_row;
        while first_row - sec < 2
            && sec > 0
            && !used[sec - 1]
            && is_label(lines, sec - 1)
            && !headingish(lines, sec - 1)
        {
            sec -= 1;
        }
        let mut top = sec;
        while top > 0
            && sec - top < STACKED_HEADING_LINES
            && !used[top - 1]
            && headingish(lines, top - 1)
        {
            top -= 1;
        }
        let years: Vec<usize> = (top..sec)
            .filter(|&h| is_year_text(content(lines[h].text).1))
            .collect();
        let mut own: Vec<String> = vec![String::new(); k];
        let mut consumed = vec![false; n];
        let heading_lines: Vec<usize> = if years.len() == k {
            // "June 30," right over each year, no duration in it: each
            // column's own date.
            let dated = |y: usize| {
                let t = content(lines[y - 1].text).1;
                let lower = t.to_lowercase();
                y > top
                    && !years.contains(&(y - 1))
                    && is_column_words(t)
                    && !["ended", "ending", "months", "weeks", "quarter", "year"]
                        .iter()
                        .any(|w| lower.contains(w))
            };
            let alternating = years.iter().all(|&y| dated(y));
            for (c, &y) in years.iter().enumerate() {
                consumed[y] = true;
                own[c] = content(lines[y].text).1.to_string();
                if alternating {
                    consumed[y - 1] = true;
                    own[c] = format!("{} {}", content(lines[y - 1].text).1, own[c]);
                }
            }
            for h in sec..first_row {
                entries.insert(h - sec, (h, true));
            }
            (top..sec).filter(|&h| !consumed[h]).collect()
        } else if first_row >= k
            && (first_row - k..first_row).all(|h| !used[h] && is_label(lines, h))
        {
            for (c, h) in (first_row - k..first_row).enumerate() {
                own[c] = content(lines[h].text).1.to_string();
            }
            top = first_row - k;
            let mut up = top;
            while up > 0
                && top - up < STACKED_HEADING_LINES
                && !used[up - 1]
                && headingish(lines, up - 1)
            {
                up -= 1;
            }
            let run: Vec<usize> = (up..top).collect();
            top = up;
            run
        } else {
            top = first_row;
            Vec::new()
        };
        // A title: up to two word lines above the headings.
        let mut title_at: Vec<usize> = (top.saturating_sub(2)..top)
            .rev()
            .take_while(|&h| !used[h] && is_label(lines, h))
            .collect();
        title_at.reverse();
        let mut title_lines: Vec<String> = title_at
            .iter()
            .map(|&h| {
                content(lines[h].text)
                    .1
                    .trim_start_matches('#')
                    .trim()
                    .to_string()
            })
            .collect();
        // Spanning headings ("Three Months Ended" over "June 30,"), one
        // phrase per group of columns.
        let mut phrases: Vec<String> = Vec::new();
        let mut scale = Scale::Units;
        let mut scale_note = None;
        for &h in &heading_lines {
            let t = content(lines[h].text).1;
            if let Some((sc, note)) = scale_of(t) {
                if scale_note.is_none() {
                    scale = sc;
                    scale_note = Some(note);
                }
                if let Some(title) = title_before_note(t) {
                    title_lines.push(title.to_string());
                }
                continue;
            }
            let lower = t.to_lowercase();
            let opens = ["ended", "ending", "months", "weeks", "quarter", "year"]
                .iter()
                .any(|w| lower.contains(w));
            match phrases.last_mut() {
                Some(p) if !opens => {
                    p.push(' ');
                    p.push_str(t);
                }
                _ => phrases.push(t.to_string()),
            }
        }
        let first_line = title_at.first().copied().unwrap_or(top);
        let shared_of = |c: usize| -> &str {
            match phrases.len() {
                1 => &phrases[0],
                g if g > 1 && k % g == 0 => &phrases[c / (k / g)],
                _ => "",
            }
        };
        let mut rows: Vec<Row> = entries
            .iter()
            .map(|&(r, header)| {
                let l = &lines[r];
                let (at, words) = content(l.text);
                let cells = (0..k)
                    .map(|c| {
                        if header {
                            return None;
                        }
                        let cl = &lines[r + 1 + c];
                        cell(cl).map(|t| {
                            cell_of(&t.kind, map.span(cl.start + t.start, cl.start + t.end))
                        })
                    })
                    .collect();
                Row {
                    label: clean_label(words),
                    label_span: map.span(l.start + at, l.start + at + words.len()),
                    indent: 0,
                    cells,
                    header,
                    rule_above: false,
                    blank_above: false,
                }
            })
            .collect();
        assign_units(&mut rows);
        let columns = (0..k)
            .map(|c| {
                let own = &own[c];
                let shared = shared_of(c).trim();
                let figures: Vec<&Figure> = rows.iter().filter_map(|r| r.figure(c)).collect();
                Column {
                    period: parse_period(own, shared),
                    header: [shared, own.as_str()]
                        .iter()
                        .filter(|s| !s.is_empty())
                        .copied()
                        .collect::<Vec<_>>()
                        .join(" "),
                    derived: is_derived_column(own, shared, &figures),
                    midpoint_of: None,
                }
            })
            .collect();
        let first = first_line;
        let keep = title_lines.len().saturating_sub(2);
        tables.push(Table {
            title: title_lines[keep..].join(" / "),
            scale_note,
            scale,
            columns,
            rows,
            trailing: Vec::new(),
            trailing_rows: Vec::new(),
            span: map.span(
                lines[first].start,
                lines[j - 1].start + lines[j - 1].text.len(),
            ),
        });
        for l in first..j {
            used[l] = true;
            lines[l].kind = Kind::Taken;
        }
        i = j;
    }
    (tables, used)
}

fn classify(line: &str) -> Kind {
    let t = line.trim();
    if t.is_empty() {
        return Kind::Blank;
    }
    if is_rule(t) {
        return Kind::Rule;
    }
    if line.len() <= MAX_ROW_LINE {
        if let Some(row) = find_row(line) {
            // A line of years (perhaps between decorative dashes) heads
            // the columns.
            let numbers: Vec<&Token> = row
                .tokens
                .iter()
                .filter(|t| matches!(t.kind, TokenKind::Number { .. }))
                .collect();
            let all_years = !numbers.is_empty() && numbers.iter().all(|t| t.is_year());
            let label = line[row.label.0..row.label.1].trim();
            if all_years && (label.is_empty() || label.len() < 60 && !label.ends_with(':')) {
                return Kind::Heading;
            }
            // A lone small number on its own line is a footnote marker that a
            // PDF conversion set apart ("(1)", "2"); so are several in
            // parentheses ("(1)      (1)", over two column groups).
            let small = |t: &&Token| {
                matches!(&t.kind, TokenKind::Number {
                    value,
                    decimals: 0,
                    percent: false,
                    currency: None,
                    ..
                } if value.abs() < 10.into())
            };
            if label.is_empty()
                && numbers.len() == row.tokens.len()
                && numbers.iter().all(small)
                && (numbers.len() == 1
                    || numbers
                        .iter()
                        .all(|t| line[t.start..t.end].trim().starts_with('(')))
            {
                return Kind::Marker;
            }
            return Kind::Row(row);
        }
    }
    if t.starts_with('|') {
        // A Markdown pipe row without figures: its cells are padded to the
        // widest, and the pipes are no words. It is a table line (column
        // headings, a section header), never prose.
        let cells: Vec<&str> = t
            .split('|')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        let periods = cells.iter().filter(|c| is_period_heading(c)).count();
        return if periods >= 2 || is_period_heading(&cells.join("  ")) {
            Kind::Heading
        } else {
            Kind::Label
        };
    }
    if is_period_heading(t) {
        return Kind::Heading;
    }
    // A Markdown heading ("## Consolidated Statements of Operations (in
    // millions, except per share data) (unaudited)") titles what follows,
    // however long.
    if t.starts_with("# ") || t.starts_with("##") {
        return Kind::Label;
    }
    let words = t.split_whitespace().count();
    // The length of the words, not of the spaces that align them: a line of
    // column headings spread over a wide page is not prose.
    let length = t
        .split_whitespace()
        .map(|w| w.chars().count() + 1)
        .sum::<usize>();
    if length > 110 || words >= 16 || (t.ends_with('.') && words >= 8) {
        return Kind::Prose;
    }
    Kind::Label
}

/// A short line ending in a period reads as a sentence, but a wrapped label
/// can end in an abbreviation ("Income from continuing operations
/// attributable to Acme Inc." over "common shareholders   0.41   1.76").
/// A sentence does not go on in lower case into a row of figures, so a
/// short "sentence" directly over such a row is a label.
fn mend_abbreviated_labels(lines: &mut [Line]) {
    for i in 1..lines.len() {
        if !matches!(lines[i - 1].kind, Kind::Prose) {
            continue;
        }
        let t = lines[i - 1].text.trim();
        let words = t.split_whitespace().count();
        let length = t
            .split_whitespace()
            .map(|w| w.chars().count() + 1)
            .sum::<usize>();
        // Prose only by its closing period (see `classify`).
        let short = length <= 110 && words < 16 && t.ends_with('.');
        let next = lines[i].text;
        let goes_on = match &lines[i].kind {
            Kind::Row(r) => starts_lowercase(next[r.label.0..r.label.1].trim()),
            _ => false,
        };
        if short && goes_on {
            lines[i - 1].kind = Kind::Label;
        }
    }
}

fn is_rule(t: &str) -> bool {
    let marks = t.chars().filter(|c| matches!(c, '-' | '=' | '_')).count();
    marks >= 3
        && t.chars()
            .all(|c| matches!(c, '-' | '=' | '_' | '|' | '+' | ':' | ' ' | '\t'))
}

/// Splits a line into a label and a run of figures, trying each place a
/// label can end (a tab, a pipe, two spaces, a currency sign) from the left.
fn find_row(line: &str) -> Option<RowLine> {
    let bytes = line.as_bytes();
    let mut candidates = Vec::new();
    let first = line.len() - line.trim_start().len();
    candidates.push(first);
    // In a Markdown pipe row only a pipe ends the label: a label cell may
    // hold figures ("net of tax of $36, $(45), $4, and $43").
    let piped = bytes.get(first) == Some(&b'|');
    let mut i = first;
    while i < bytes.len() {
        let b = bytes[i];
        if piped {
            if b == b'|' {
                candidates.push(i + 1);
            }
        } else if b == b'\t' || b == b'|' {
            candidates.push(i + 1);
        } else if b == b' ' && i + 1 < bytes.len() && bytes[i + 1] == b' ' {
            let mut j = i;
            while j < bytes.len() && bytes[j] == b' ' {
                j += 1;
            }
            candidates.push(j);
            i = j;
            continue;
        } else if b == b'$' && i > 0 && bytes[i - 1] == b' ' {
            candidates.push(i);
        }
        i += 1;
    }
    candidates.dedup();
    for b in candidates {
        if b >= line.len() {
            break;
        }
        if runs_into_amount(line, b) {
            continue;
        }
        let mut ranges = false;
        let lexed = lex_figures(&line[b..])
            .or_else(|| cut_off_parenthesis(&line[b..]))
            .or_else(|| {
                ranges = true;
                ranges_with_midpoints(&line[b..])
            });
        if let Some(tokens) = lexed {
            if tokens.is_empty()
                || !tokens
                    .iter()
                    .any(|t| matches!(t.kind, TokenKind::Number { .. } | TokenKind::Dash))
            {
                continue;
            }
            if !ranges && has_range(&line[b..], &tokens) {
                return None;
            }
            let tokens = tokens
                .into_iter()
                .map(|mut t| {
                    t.start += b;
                    t.end += b;
                    t
                })
                .collect();
            let label_raw = &line[..b];
            let ls = label_raw.len() - label_raw.trim_start_matches([' ', '\t', '|']).len();
            let le = label_raw.trim_end_matches([' ', '\t', '|']).len();
            let indent = line[..ls].chars().filter(|c| *c == ' ').count();
            return Some(RowLine {
                label: (ls, le.max(ls)),
                indent,
                tokens,
                ranges,
            });
        }
    }
    None
}

/// Does the amount at `b`, set one space after the words before it, end a
/// line of wrapped prose ("Sears recorded a pretax charge of $28")? Such
/// a line is no row: a table's label ends in a noun ("Net income $ 1,234"),
/// not in a word that asks for the amount after it.
fn runs_into_amount(line: &str, b: usize) -> bool {
    const LEADS_IN: &[&str] = &[
        "about",
        "and",
        "approximately",
        "are",
        "at",
        "be",
        "by",
        "compared",
        "from",
        "generated",
        "included",
        "includes",
        "including",
        "is",
        "nearly",
        "of",
        "or",
        "over",
        "paid",
        "reached",
        "recorded",
        "repurchased",
        "retired",
        "returned",
        "than",
        "to",
        "totaled",
        "totaling",
        "was",
        "were",
        "with",
    ];
    let before = &line[..b];
    if !before.ends_with(' ') || before.ends_with("  ") || !line[b..].starts_with('$') {
        return false;
    }
    let last = before.trim_end().rsplit(' ').next().unwrap_or("");
    LEADS_IN.contains(&last)
}

/// A range ("$0.79 - $0.80", guidance for a quarter) is one figure the
/// tables cannot check, not two figures and a nil between them: a hyphen
/// set one space from a figure on each side joins them (a nil cell stands
/// as far from its neighbours as any column). A line holding one is no row.
fn has_range(s: &str, tokens: &[Token]) -> bool {
    tokens.windows(3).any(|w| {
        let joined = |a: &Token, b: &Token| {
            let gap = &s[a.end..b.start];
            gap.starts_with(' ')
                && gap.len() <= 2
                && gap.chars().all(|c| c == ' ' || is_currency_sign(c))
        };
        matches!(w[0].kind, TokenKind::Number { .. })
            && matches!(w[1].kind, TokenKind::Dash)
            && matches!(&s[w[1].start..w[1].end], "-" | "–")
            && matches!(w[2].kind, TokenKind::Number { .. })
            && joined(&w[0], &w[1])
            && joined(&w[1], &w[2])
    })
}

/// Guidance printed as ranges with their midpoints: "$10.60 – $10.70 /
/// $10.65", "5.5% – 6.5% / 6.0%", "$97.9B – $98.9B / $98.4B", one range or
/// more apart by white space. The three figures of a range are printed
/// alike (currency, percent sign, scale letter). Returns three tokens for
/// each range (low, high, midpoint), or `None` when `s` holds anything
/// else.
fn ranges_with_midpoints(s: &str) -> Option<Vec<Token>> {
    let mut words = s
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
        .peekable();
    fn figure((at, w): (usize, &str)) -> Option<(Token, &str)> {
        // A scale letter on the figure ("$97.9B") is the range's unit.
        let number = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let scale = &w[number.len()..];
        if !matches!(scale, "" | "B" | "M" | "K" | "bn" | "mn") {
            return None;
        }
        let mut toks = lex_figures(number)?;
        let mut tok = toks.pop().filter(|_| toks.is_empty())?;
        if !matches!(tok.kind, TokenKind::Number { .. }) {
            return None;
        }
        tok.start += at;
        tok.end += at;
        Some((tok, scale))
    }
    let alike = |a: &(Token, &str), b: &(Token, &str)| match (&a.0.kind, &b.0.kind) {
        (
            TokenKind::Number {
                percent: pa,
                currency: ca,
                ..
            },
            TokenKind::Number {
                percent: pb,
                currency: cb,
                ..
            },
        ) => pa == pb && ca == cb && a.1 == b.1,
        _ => false,
    };
    let mut out = Vec::new();
    while let Some(first) = words.next() {
        let low = figure(first)?;
        words
            .next()
            .filter(|(_, w)| matches!(*w, "–" | "-" | "—"))?;
        let high = figure(words.next()?)?;
        words.next().filter(|(_, w)| *w == "/")?;
        let mid = figure(words.next()?)?;
        if !alike(&low, &high) || !alike(&low, &mid) {
            return None;
        }
        out.extend([low.0, high.0, mid.0]);
    }
    (!out.is_empty()).then_some(out)
}

fn is_currency_sign(c: char) -> bool {
    matches!(c, '$' | '€' | '£' | '¥')
}

/// `pdftotext` cuts a closing parenthesis that falls past the page edge
/// ("(4.0" ending a row of figures). Read it as closed when the rest of the
/// line is figures (at least three), so the row is not lost; a lone "(4,137"
/// at the end of a wrapped label stays a label.
fn cut_off_parenthesis(s: &str) -> Option<Vec<Token>> {
    let t = s.trim_end();
    let last = t.rsplit(char::is_whitespace).next()?;
    if !last.starts_with('(') || last.contains(')') || !last.ends_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    let closed = format!("{t})");
    let mut tokens = lex_figures(&closed)?;
    if tokens.len() < 3 {
        return None;
    }
    if let Some(tok) = tokens.last_mut() {
        tok.end = tok.end.min(t.len());
    }
    Some(tokens)
}

#[derive(Debug, Default)]
struct Group {
    heading: Vec<usize>,
    body: Vec<usize>,
    /// Its rows are ranges with midpoints: such rows make tables of their
    /// own (their columns come in threes).
    ranges: bool,
}

/// Groups lines into tables: a heading (lines above) and a body (rows and
/// the lines between them).
fn group(lines: &[Line]) -> Vec<Group> {
    let mut groups = Vec::new();
    let mut heading: Vec<usize> = Vec::new();
    let mut open: Option<Group> = None;
    let mut blanks = 0;
    let close = |open: &mut Option<Group>, groups: &mut Vec<Group>, heading: &mut Vec<usize>| {
        if let Some(mut g) = open.take() {
            // Label lines after the last row belong to what follows (the
            // next table's title), not to this table. (Collected, then put
            // in front of the heading at once: inserting each at the front
            // was quadratic in a long run of label lines.)
            let mut trailing = Vec::new();
            while let Some(&last) = g.body.last() {
                match lines[last].kind {
                    Kind::Row(_) | Kind::Rule => break,
                    Kind::Label => {
                        trailing.push(last);
                        g.body.pop();
                    }
                    _ => {
                        g.body.pop();
                    }
                }
            }
            trailing.reverse();
            heading.splice(0..0, trailing);
            if g.body
                .iter()
                .any(|&i| matches!(lines[i].kind, Kind::Row(_)))
            {
                groups.push(g);
            }
        }
    };
    for (i, line) in lines.iter().enumerate() {
        match &line.kind {
            Kind::Blank => {
                blanks += 1;
                if let Some(g) = open.as_mut() {
                    g.body.push(i);
                    if blanks >= BLANKS_ENDING_TABLE {
                        close(&mut open, &mut groups, &mut heading);
                    }
                }
                continue;
            }
            Kind::Row(row) => {
                if open.as_ref().is_some_and(|g| g.ranges != row.ranges) {
                    close(&mut open, &mut groups, &mut heading);
                }
                if open.is_none() {
                    let keep = heading.len().saturating_sub(MAX_HEADING_LINES);
                    let mut head = heading.split_off(keep);
                    heading.clear();
                    // Label lines below the column headings are the table's
                    // first section headers ("REVENUES") or a wrapped first
                    // label, not its title.
                    let mut body = Vec::new();
                    let split = match head
                        .iter()
                        .rposition(|&h| matches!(lines[h].kind, Kind::Heading))
                    {
                        Some(p) => p + 1,
                        None => {
                            // No column headings: only a label directly above
                            // that the row continues, or a "Section:" line.
                            let mut p = head.len();
                            let mut next = i;
                            while p > 0 && head[p - 1] + 1 == next {
                                let t = content(lines[head[p - 1]].text).1;
                                let row_label = match &lines[i].kind {
                                    Kind::Row(r) => lines[i].text[r.label.0..r.label.1].trim(),
                                    _ => "",
                                };
                                if t.ends_with(':') || starts_lowercase(row_label) {
                                    p -= 1;
                                    next = head[p];
                                } else {
                                    break;
                                }
                            }
                            p
                        }
                    };
                    // Lines of several aligned words stay column headings.
                    let mut k = split;
                    while k < head.len() {
                        if segments(lines[head[k]].text) >= 2 {
                            k += 1;
                        } else {
                            break;
                        }
                    }
                    body.extend(head.drain(k..));
                    open = Some(Group {
                        heading: head,
                        body,
                        ranges: row.ranges,
                    });
                }
                if let Some(g) = open.as_mut() {
                    g.body.push(i);
                }
            }
            Kind::Rule => {
                if let Some(g) = open.as_mut() {
                    g.body.push(i);
                }
            }
            Kind::Heading => {
                close(&mut open, &mut groups, &mut heading);
                heading.push(i);
            }
            Kind::Label => {
                let footnote = FOOTNOTE_LEAD.is_match(line.text);
                match open.as_mut() {
                    Some(_) if footnote => {
                        close(&mut open, &mut groups, &mut heading);
                        heading.clear();
                        heading.push(i);
                    }
                    // Words in several aligned groups after the rows are
                    // the column headings of the next table (PDF
                    // conversions set two tables one under the other).
                    Some(g) if column_words(line.text) && rows_in(lines, &g.body) >= 2 => {
                        close(&mut open, &mut groups, &mut heading);
                        heading.push(i);
                    }
                    Some(g) => g.body.push(i),
                    None => heading.push(i),
                }
            }
            Kind::Prose => {
                close(&mut open, &mut groups, &mut heading);
                heading.clear();
            }
            Kind::Marker => continue,
            Kind::Taken => {
                close(&mut open, &mut groups, &mut heading);
                heading.clear();
            }
        }
        blanks = 0;
    }
    close(&mut open, &mut groups, &mut heading);
    groups
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Layout {
    Tab,
    Pipe,
    Space,
}

/// Where a token stands horizontally, in the table's layout.
fn position(layout: Layout, line: &str, tok: &Token) -> i64 {
    match layout {
        Layout::Tab | Layout::Pipe => {
            let sep = if layout == Layout::Tab { '\t' } else { '|' };
            // Field index, not counting fields that hold only a currency
            // sign ("Total\t$\t1,507").
            let before = &line[..tok.start];
            let mut fields = before.split(sep).collect::<Vec<_>>();
            fields.pop(); // the field the token is in
            let skipped = fields
                .iter()
                .skip(1)
                .filter(|f| {
                    let t = f.trim();
                    !t.is_empty() && t.chars().all(|c| matches!(c, '$' | '€' | '£' | '¥' | '\\'))
                })
                .count();
            (fields.len() - skipped) as i64 * 100
        }
        Layout::Space => {
            // The column of the last digit: right alignment is on digits.
            let digits_end = line[tok.start..tok.end]
                .char_indices()
                .rev()
                .find(|(_, c)| {
                    c.is_ascii_digit() || matches!(c, '-' | '—' | '–') || c.is_alphabetic()
                })
                .map(|(i, c)| tok.start + i + c.len_utf8())
                .unwrap_or(tok.end);
            line[..digits_end].chars().count() as i64
        }
    }
}

fn label_text(line: &str, range: (usize, usize)) -> String {
    clean_label(&line[range.0..range.1])
}

/// A row label without its footnote markers (`Customer support(a)`, `(1)`,
/// `*`) and table decoration (`|`).
pub(crate) fn clean_label(raw: &str) -> String {
    let raw = raw.trim();
    let raw = raw.trim_matches(|c| c == '*' || c == '|').trim();
    let cleaned = LABEL_MARKERS.replace(raw, "");
    cleaned.trim().to_string()
}

fn build_table(map: &TextMap, lines: &[Line], g: &Group) -> Option<Table> {
    let rows_lines: Vec<(usize, &RowLine)> = g
        .body
        .iter()
        .filter_map(|&i| match &lines[i].kind {
            Kind::Row(r) => Some((i, r)),
            _ => None,
        })
        .collect();
    if rows_lines.is_empty() {
        return None;
    }
    let tabbed = rows_lines
        .iter()
        .filter(|(i, _)| lines[*i].text.contains('\t'))
        .count();
    let piped = rows_lines
        .iter()
        .filter(|(i, _)| lines[*i].text.trim_start().starts_with('|'))
        .count();
    let layout = if piped * 2 > rows_lines.len() {
        Layout::Pipe
    } else if tabbed * 2 > rows_lines.len() {
        Layout::Tab
    } else {
        Layout::Space
    };

    // The column count is the most figures that at least two rows hold: one
    // garbled line (a page break in a PDF conversion) does not add columns.
    let counts: Vec<usize> = rows_lines.iter().map(|(_, r)| r.tokens.len()).collect();
    let most = counts.iter().copied().max().unwrap_or(0);
    let max_per_row = if counts.len() < 2 {
        most
    } else {
        (1..=most)
            .rev()
            .find(|&k| counts.iter().filter(|&&n| n >= k).count() >= 2)
            .unwrap_or(0)
    };
    // A row with more figures than the table has columns may carry a
    // footnote reference after a figure ("$ (551) (7)   $ 3,839"): set one
    // space from the figure it annotates, where columns stand wider apart.
    // Without it the row fits its columns again.
    let trimmed: Vec<Option<RowLine>> = rows_lines
        .iter()
        .map(|(i, r)| {
            (r.tokens.len() > max_per_row)
                .then(|| without_footnote_references(lines[*i].text, r))
                .flatten()
        })
        .collect();
    let rows_lines: Vec<(usize, &RowLine)> = rows_lines
        .iter()
        .zip(&trimmed)
        .map(|((i, r), t)| (*i, t.as_ref().unwrap_or(*r)))
        .collect();
    // Cluster token positions into columns.
    let positions: Vec<Vec<i64>> = rows_lines
        .iter()
        .map(|(i, r)| {
            r.tokens
                .iter()
                .map(|t| position(layout, lines[*i].text, t))
                .collect()
        })
        .collect();
    // Column centres from the rows that fill every column: their k-th
    // figure is in the k-th column. Sparse rows are placed against these.
    // (`pdftotext` shifts rows by a character or two, so positions of all
    // rows clustered together blur neighbouring columns.)
    let full: Vec<&Vec<i64>> = positions
        .iter()
        .filter(|p| p.len() == max_per_row)
        .collect();
    let centers: Vec<i64> = (0..max_per_row)
        .map(|k| {
            let mut v: Vec<i64> = full.iter().map(|p| p[k]).collect();
            v.sort_unstable();
            v[v.len() / 2]
        })
        .collect();
    let ncols = centers.len();

    // Rows, joining wrapped labels and marking section headers.
    let mut rows: Vec<Row> = Vec::new();
    let mut pending: Vec<usize> = Vec::new(); // label-only lines
    let mut rule = false;
    let mut blank = false;
    let mut pending_blank = false;
    let mut row_no = 0;
    // Label lines pend only while each goes on in lower case from the one
    // above, so the pending lines are one wrapped header ("Weighted-average
    // shares used to calculate earnings per" over "common share:"): read as
    // one, the rows under it see the whole header, not its last line.
    let flush = |pending: &mut Vec<usize>, rows: &mut Vec<Row>, rule: &mut bool, blank: bool| {
        let (Some(&first), Some(&last)) = (pending.first(), pending.last()) else {
            return;
        };
        let f = &lines[first];
        let (fs, _) = content(f.text);
        let l = &lines[last];
        let (ls, lw) = content(l.text);
        let joined = pending
            .iter()
            .map(|&p| content(lines[p].text).1)
            .collect::<Vec<_>>()
            .join(" ");
        rows.push(Row {
            label: label_text(&joined, (0, joined.len())),
            label_span: map.span(f.start + fs, l.start + ls + lw.len()),
            indent: f.text[..fs].chars().filter(|c| *c == ' ').count() as u16,
            cells: vec![None; ncols],
            header: true,
            rule_above: std::mem::take(rule),
            blank_above: blank,
        });
        pending.clear();
    };
    for &li in &g.body {
        let l = &lines[li];
        match &l.kind {
            Kind::Blank => {
                blank = true;
            }
            Kind::Rule => {
                flush(&mut pending, &mut rows, &mut rule, pending_blank);
                rule = true;
            }
            Kind::Label => {
                let t = content(l.text).1;
                // A line of footnote markers alone ("(3)" set apart from its
                // label by a PDF conversion) is not a section header: it
                // marks no boundary.
                if clean_label(t).is_empty() {
                    continue;
                }
                let continues = pending.last().is_some_and(|&p| {
                    let above = content(lines[p].text).1;
                    !above.ends_with(':') && (starts_lowercase(t) || ends_mid_phrase(above))
                }) && !blank;
                if !continues {
                    flush(&mut pending, &mut rows, &mut rule, pending_blank);
                    pending_blank = blank;
                }
                pending.push(li);
                blank = false;
            }
            Kind::Row(r) => {
                let label_raw = l.text[r.label.0..r.label.1].trim();
                // A label wraps onto the row when the row goes on in lower
                // case, or when the words above start a total ("Total
                // Domestic Retail" over "Stores"): a total is never a
                // section header.
                let joins = !pending.is_empty()
                    && pending
                        .last()
                        .is_some_and(|&p| !content(lines[p].text).1.ends_with(':'))
                    && (starts_lowercase(label_raw)
                        || pending.len() == 1 && starts_total(content(lines[pending[0]].text).1));
                let (label, label_span, indent, blank_above) = if joins {
                    let first = &lines[pending[0]];
                    let (fs, _) = content(first.text);
                    let mut parts: Vec<String> = pending
                        .iter()
                        .map(|&p| content(lines[p].text).1.to_string())
                        .collect();
                    parts.push(label_raw.to_string());
                    let joined = parts.join(" ");
                    let span = map
                        .span(first.start + fs, l.start + r.label.1)
                        .cover(map.span(first.start + fs, first.start + fs));
                    let indent = first.text[..fs].chars().filter(|c| *c == ' ').count();
                    pending.clear();
                    (
                        label_text(&joined, (0, joined.len())),
                        span,
                        indent,
                        pending_blank,
                    )
                } else {
                    flush(&mut pending, &mut rows, &mut rule, pending_blank);
                    (
                        label_text(l.text, r.label),
                        map.span(l.start + r.label.0, l.start + r.label.1),
                        r.indent,
                        blank,
                    )
                };
                let r = rows_lines.get(row_no).map_or(r, |x| x.1);
                let cells = place_cells(map, l, r, &positions[row_no], &centers);
                row_no += 1;
                rows.push(Row {
                    label,
                    label_span,
                    indent: indent.min(u16::MAX as usize) as u16,
                    cells,
                    header: false,
                    rule_above: std::mem::take(&mut rule),
                    blank_above,
                });
                blank = false;
                pending_blank = false;
            }
            Kind::Heading | Kind::Prose | Kind::Marker | Kind::Taken => {}
        }
    }
    flush(&mut pending, &mut rows, &mut rule, pending_blank);
    assign_units(&mut rows);

    // Heading: title, scale note, column headers.
    let mut title_lines = Vec::new();
    let mut scale = Scale::Units;
    let mut scale_note = None;
    let mut own = vec![String::new(); ncols];
    let mut shared = vec![String::new(); ncols];
    let mut extents = column_extents(layout, lines, &rows_lines, &positions, &centers);
    widen_to_year_line(layout, lines, &g.heading, &mut extents);
    for &hi in &g.heading {
        let l = &lines[hi];
        if let Some((s, note)) = scale_of(l.text) {
            if scale_note.is_none() {
                scale = s;
                scale_note = Some(note);
            }
        }
        match l.kind {
            Kind::Heading => {
                assign_heading(layout, l.text, &extents, &mut own, &mut shared);
            }
            // A line of several aligned words ("Amount   Percent to Sales")
            // heads columns too, with the scale note left of the columns
            // ("($ in Millions)   2022   2021   Reported").
            Kind::Label if segments(l.text) >= 2 => {
                assign_heading(layout, l.text, &extents, &mut own, &mut shared);
            }
            // A title with its scale note on one line ("## Consolidated
            // Statements of Operations (in millions, except per share
            // data)"): the words before the note are the title.
            Kind::Label if scale_of(l.text).is_some() => {
                if let Some(title) = title_before_note(l.text) {
                    title_lines.push(title.to_string());
                }
            }
            Kind::Label => {
                let t = content(l.text).1.trim_start_matches('#').trim_start();
                if t.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
                    title_lines.push(t.to_string());
                }
                // "March 31," above a year line is a column heading too.
                if !title_lines.is_empty() && is_column_words(t) {
                    title_lines.pop();
                    assign_heading(layout, l.text, &extents, &mut own, &mut shared);
                }
            }
            _ => {}
        }
    }
    // Scale notes also stand in the first label lines of a table.
    if scale_note.is_none() {
        for r in rows.iter().take(3).filter(|r| r.header) {
            if let Some((s, note)) = scale_of(&r.label) {
                scale = s;
                scale_note = Some(note);
                break;
            }
        }
    }
    let keep = title_lines.len().saturating_sub(2);
    let title = title_lines[keep..].join(" / ");
    let mut columns: Vec<Column> = (0..ncols)
        .map(|c| {
            let own_t = own[c].trim().to_string();
            let shared_t = shared[c].trim().to_string();
            let header = [shared_t.as_str(), own_t.as_str()]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(" ");
            let figures: Vec<&Figure> = rows.iter().filter_map(|r| r.figure(c)).collect();
            let derived = is_derived_column(&own_t, &shared_t, &figures);
            Column {
                period: parse_period(&own_t, &shared_t),
                header,
                derived,
                midpoint_of: None,
            }
        })
        .collect();
    // A PDF conversion keeps the % sign on a rate column's first and last
    // rows only: a column with a percentage, the rest rates with one
    // decimal, is derived whatever its own heading says ("Total" under
    // "Percent Change"), unless that names a year.
    for (c, column) in columns.iter_mut().enumerate() {
        if column.derived || own[c].split_whitespace().any(is_year_text) {
            continue;
        }
        let figures: Vec<&Figure> = rows.iter().filter_map(|r| r.figure(c)).collect();
        let percents = figures.iter().filter(|f| f.unit == Unit::Percent).count();
        let others: Vec<&Figure> = figures
            .iter()
            .filter(|f| f.unit != Unit::Percent)
            .copied()
            .collect();
        if percents >= 1 && reads_as_points(&others) {
            column.derived = true;
        }
    }
    // Under one "% Change" heading, the columns right of a derived one
    // ("Reported", then "Operational", "Currency" in points) are derived
    // too when their figures read as points, not amounts.
    for c in 1..ncols {
        // A period shared over the group ("FOURTH QUARTER") is not the
        // column's own: it names no year or date.
        let own_period = columns[c].period.end.is_some() || columns[c].period.year.is_some();
        if columns[c - 1].derived && !columns[c].derived && !own_period {
            let figures: Vec<&Figure> = rows.iter().filter_map(|r| r.figure(c)).collect();
            if reads_as_points(&figures) {
                columns[c].derived = true;
            }
        }
    }
    points_in_rate_tables(&mut columns, &rows, &own);
    // Ranges with their midpoints are guidance, no period's figures: every
    // third column is the midpoint of the two before it, when the table
    // says so ("Adjusted EPS / Mid-point").
    if g.ranges {
        let says_midpoint = g.heading.iter().chain(&g.body).any(|&i| {
            let t = lines[i].text.to_lowercase();
            t.contains("mid-point") || t.contains("midpoint") || t.contains("mid point")
        });
        for (c, column) in columns.iter_mut().enumerate() {
            column.derived = true;
            if says_midpoint && c % 3 == 2 && ncols % 3 == 0 {
                column.midpoint_of = Some((c - 2, c - 1));
            }
        }
    }
    let first = g.heading.first().or(g.body.first()).copied().unwrap_or(0);
    let last = *g.body.last().unwrap_or(&first);
    let span = map.span(
        lines[first].start,
        lines[last].start + lines[last].text.len(),
    );
    Some(Table {
        title,
        scale_note,
        scale,
        columns,
        rows,
        trailing: Vec::new(),
        trailing_rows: Vec::new(),
        span,
    })
}
/// A table of rates (a growth bridge: reported change, the impact of
/// currency and of acquisitions, organic change, volume, price) prints
/// some impacts in whole points without a sign: in a table where most
/// columns are rates, a column of small whole or one-decimal figures whose
/// own heading (`own`, without the headings shared over groups) names no
/// year is points too, not amounts. So is a table whose first column is a
/// rate ("Reported % Change", then the impacts, then "Organic % Change"):
/// a table of amounts opens with a period's amounts.
pub(crate) fn points_in_rate_tables(columns: &mut [Column], rows: &[Row], own: &[String]) {
    let ncols = columns.len();
    let rates = columns.iter().filter(|c| c.derived).count();
    let opens_with_rate = columns.first().is_some_and(|c| c.derived);
    if rates >= 3 && rates * 2 > ncols || rates >= 2 && opens_with_rate {
        let small: Vec<bool> = (0..ncols)
            .map(|c| {
                let figures: Vec<&Figure> = rows.iter().filter_map(|r| r.figure(c)).collect();
                // A whole figure on a per-share row is no per-share amount
                // (those are printed to the cent): the points of EPS growth.
                // Beside a reported change of (420)%, an impact can pass
                // 100 points.
                let limit = if opens_with_rate { 1_000 } else { 100 };
                !figures.is_empty()
                    && figures.iter().all(|f| {
                        f.decimals <= 1
                            && (f.unit != Unit::PerShare || f.decimals == 0)
                            && f.currency.is_none()
                            && f.value.abs() < limit.into()
                    })
                    && !own
                        .get(c)
                        .is_some_and(|o| o.split_whitespace().any(is_year_text))
            })
            .collect();
        if (0..ncols).all(|c| columns[c].derived || small[c]) {
            for (c, column) in columns.iter_mut().enumerate() {
                column.derived |= small[c];
            }
        }
    }
}

/// Is a column derived (a growth or margin column, not a period's
/// amounts)? Said so by its header, or mostly percentages. Headers land
/// loosely over the columns in some layouts, so a header marks a column
/// derived only when nothing in its own header says amount ("Amount", a
/// year).
pub(crate) fn is_derived_column(own: &str, shared: &str, figures: &[&Figure]) -> bool {
    let percents = figures.iter().filter(|f| f.unit == Unit::Percent).count();
    let own_lower = own.to_lowercase();
    let says_amount = own.split_whitespace().any(is_year_text)
        || own_lower.contains("amount")
        || own_lower.contains("reported")
        || own_lower.contains("total");
    let says_percent = own.contains('%');
    // "vs. Q1 2022" names the period compared with, not the column's own.
    let compares = own_lower.starts_with("vs") && own_lower[2..].starts_with(['.', ' ']);
    (says_percent || compares || !says_amount)
        && (is_derived_header(own) || is_derived_header(shared))
        || !figures.is_empty() && percents * 2 > figures.len()
}

/// Figures of percentage points: one decimal at most, some with one, all
/// below 100 in magnitude, none per share.
fn reads_as_points(figures: &[&Figure]) -> bool {
    !figures.is_empty()
        && figures.iter().any(|f| f.decimals == 1)
        && figures
            .iter()
            .all(|f| f.decimals <= 1 && f.unit != Unit::PerShare && f.value.abs() < 100.into())
}

/// Rows among the lines of a table body.
fn rows_in(lines: &[Line], body: &[usize]) -> usize {
    body.iter()
        .filter(|&&i| matches!(lines[i].kind, Kind::Row(_)))
        .count()
}

/// A line of column headings: at least two groups of words, apart by runs
/// of spaces, each with letters and none a footnote marker.
fn column_words(line: &str) -> bool {
    let parts: Vec<&str> = line
        .split('\t')
        .flat_map(|f| f.split("  "))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| p.chars().any(char::is_alphabetic) && !clean_label(p).is_empty())
}

/// The words of a line before its scale note, when they are two words or
/// more: a title set on the line of its note. Markdown heading marks
/// ("##") are no words.
fn title_before_note(line: &str) -> Option<&str> {
    let lower = line.to_lowercase();
    let at = [
        "(in ",
        "($ in ",
        "(dollars in ",
        "(amounts in ",
        "in millions",
        "in thousands",
        "in billions",
    ]
    .iter()
    .filter_map(|w| lower.find(w))
    .min()?;
    let title = line[..at]
        .trim()
        .trim_start_matches('#')
        .trim()
        .trim_end_matches([',', '-', '–', '—'])
        .trim_end();
    (title.split_whitespace().count() >= 2 && title.chars().any(char::is_alphabetic))
        .then_some(title)
}

/// Number of text segments separated by runs of two or more spaces or tabs
/// (or the filled cells of a Markdown pipe row).
fn segments(line: &str) -> usize {
    if let Some(inner) = line.trim_start().strip_prefix('|') {
        return inner.split('|').filter(|c| !c.trim().is_empty()).count();
    }
    line.split(['\t'])
        .flat_map(|f| f.split("  "))
        .filter(|s| !s.trim().is_empty())
        .count()
}

/// Does the line start with the word "Total"?
fn starts_total(t: &str) -> bool {
    let t = t.trim_start();
    t.get(..6).is_some_and(|w| w.eq_ignore_ascii_case("total "))
}

/// The words of a line and where they start: the line trimmed, or, for a
/// Markdown pipe row, its one filled cell (a section header or a wrapped
/// label, "| Operating expenses: |   |   |") or its cells after the first
/// pipe.
fn content(text: &str) -> (usize, &str) {
    let lead = text.len() - text.trim_start().len();
    let t = text.trim();
    let Some(inner) = t.strip_prefix('|') else {
        return (lead, t);
    };
    let mut filled = inner
        .split('|')
        .filter(|c| !c.trim().is_empty())
        .map(|c| c.trim());
    let body = match (filled.next(), filled.next()) {
        (Some(one), None) => one,
        (None, _) => return (lead, ""),
        _ => inner
            .trim_end_matches(|c: char| c == '|' || c.is_whitespace())
            .trim_start(),
    };
    (body.as_ptr() as usize - text.as_ptr() as usize, body)
}

fn starts_lowercase(t: &str) -> bool {
    t.chars().next().is_some_and(|c| c.is_lowercase())
}

/// A label line that ends in a preposition or conjunction ("NET INCOME PER
/// COMMON SHARE ATTRIBUTABLE TO" over "COSTCO:") breaks off mid-phrase: the
/// next label line goes on with it, whatever its case (upper-case
/// statements do not show the continuation by a lower-case letter). Only
/// header lines are joined so: a row under such a line keeps the section
/// break it had, which footing relies on in tables of growth rates printed
/// without a % sign (segment contributions, which do not add).
fn ends_mid_phrase(t: &str) -> bool {
    const OPEN: &[&str] = &[
        "to", "of", "for", "and", "per", "by", "from", "in", "on", "the", "with", "or", "&",
    ];
    t.split_whitespace()
        .next_back()
        .is_some_and(|w| OPEN.iter().any(|o| w.eq_ignore_ascii_case(o)))
}

/// Lines made only of period words ("For the 13", "Weeks Ended", "March
/// 31,") belong to column headings, not to the title.
pub(crate) fn is_column_words(t: &str) -> bool {
    const WORDS: &[&str] = &[
        "for",
        "the",
        "three",
        "six",
        "nine",
        "twelve",
        "thirteen",
        "fourteen",
        "months",
        "month",
        "weeks",
        "week",
        "quarter",
        "quarters",
        "year",
        "years",
        "ended",
        "ending",
        "fiscal",
        "and",
        "as",
        "of",
        "at",
        "to",
        "date",
        "ytd",
        "period",
        "periods",
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
        "q1",
        "q2",
        "q3",
        "q4",
        "first",
        "second",
        "third",
        "fourth",
        "full",
    ];
    let mut any = false;
    for w in t.split_whitespace() {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if w.is_empty() {
            continue;
        }
        let numeric = w.chars().all(|c| c.is_ascii_digit()) && w.len() <= 4;
        if !numeric && !WORDS.contains(&w.as_str()) {
            return false;
        }
        any = true;
    }
    any
}

/// The character extent of each column (space layout) or its field position.
fn column_extents(
    layout: Layout,
    lines: &[Line],
    rows_lines: &[(usize, &RowLine)],
    positions: &[Vec<i64>],
    centers: &[i64],
) -> Vec<(i64, i64)> {
    let mut ext: Vec<(i64, i64)> = centers.iter().map(|&c| (c, c)).collect();
    if layout != Layout::Space {
        return ext;
    }
    for ((li, r), pos) in rows_lines.iter().zip(positions) {
        let line = lines[*li].text;
        for (t, &p) in r.tokens.iter().zip(pos) {
            if let Some(c) = nearest(centers, p) {
                let s = line[..t.start].chars().count() as i64;
                ext[c].0 = ext[c].0.min(s);
                ext[c].1 = ext[c].1.max(p);
            }
        }
    }
    ext
}

/// Widens each column to its year in the heading's line of years. A
/// converted PDF sets the headings left of right-aligned figures, the
/// years as much as the spanning words above them:
///
/// ```text
///                    Three Months Ended April 30,
///                 2023                          2022
///     Revenues     $       7,642    $          6,856
/// ```
///
/// Against the figures alone "Three Months Ended April 30," covers only
/// the first column; against the years it spans both, as it does on the
/// page.
fn widen_to_year_line(
    layout: Layout,
    lines: &[Line],
    heading: &[usize],
    extents: &mut [(i64, i64)],
) {
    if layout != Layout::Space || extents.len() < 2 {
        return;
    }
    let first = extents[0].0;
    let Some(years) = heading.iter().rev().find_map(|&hi| {
        let segs: Vec<_> = heading_segments(layout, lines[hi].text)
            .into_iter()
            .filter(|s| s.1 >= first - 1 || is_year_text(&s.2))
            .collect();
        (segs.len() == extents.len() && segs.iter().all(|s| is_year_text(&s.2))).then_some(segs)
    }) else {
        return;
    };
    // Only when each year ends between the ends of its column and of the
    // column before: the line is the columns' own, shifted left, not
    // another table's.
    if years
        .iter()
        .enumerate()
        .any(|(c, y)| y.1 > extents[c].1 + 2 || c > 0 && y.1 <= extents[c - 1].1)
    {
        return;
    }
    for (e, y) in extents.iter_mut().zip(&years) {
        e.0 = e.0.min(y.0);
        e.1 = e.1.max(y.1);
    }
}

fn nearest(centers: &[i64], p: i64) -> Option<usize> {
    centers
        .iter()
        .enumerate()
        .min_by_key(|(_, &c)| (c - p).abs())
        .map(|(i, _)| i)
}

/// The segments of a heading line: (start column, end column, text), split
/// at runs of two spaces (one after a year) or at tabs and pipes.
fn heading_segments(layout: Layout, line: &str) -> Vec<(i64, i64, String)> {
    // Segments: (start col, end col, text)
    let mut segs: Vec<(i64, i64, String)> = Vec::new();
    match layout {
        Layout::Tab | Layout::Pipe if line.contains(['\t', '|']) => {
            let sep = if line.contains('\t') { '\t' } else { '|' };
            let fields: Vec<&str> = line.split(sep).map(str::trim).collect();
            // A spreadsheet's merged heading cell is exported as its text
            // then empty fields: it spans them, up to the next heading
            // ("\tThree Months Ended\t\tSix Months Ended\t" over four
            // columns of years).
            let filled: Vec<usize> = (0..fields.len())
                .filter(|&i| !fields[i].is_empty())
                .collect();
            for (k, &idx) in filled.iter().enumerate() {
                let last = filled.get(k + 1).map_or(fields.len() - 1, |&n| n - 1);
                segs.push((idx as i64 * 100, last as i64 * 100, fields[idx].to_string()));
            }
            if sep == '|' {
                // A leading pipe makes an empty first field.
                for s in segs.iter_mut() {
                    s.0 -= 100;
                    s.1 -= 100;
                }
            }
        }
        _ => {
            let mut cur: Option<(i64, String)> = None;
            let mut spaces = 0;
            for (col, ch) in line.chars().enumerate() {
                let col = col as i64;
                if ch == ' ' || ch == '\t' {
                    spaces += 1;
                } else {
                    if spaces >= 2
                        || (spaces >= 1 && cur.as_ref().is_some_and(|c| is_year_text(&c.1)))
                    {
                        if let Some((s, t)) = cur.take() {
                            let e = s + t.chars().count() as i64;
                            segs.push((s, e, t));
                        }
                    }
                    match cur.as_mut() {
                        Some((_, t)) => {
                            for _ in 0..spaces {
                                t.push(' ');
                            }
                            t.push(ch);
                        }
                        None => cur = Some((col, ch.to_string())),
                    }
                    spaces = 0;
                }
            }
            if let Some((s, t)) = cur.take() {
                let e = s + t.chars().count() as i64;
                segs.push((s, e, t));
            }
        }
    }
    segs
}

/// Distributes the segments of a heading line over the columns.
fn assign_heading(
    layout: Layout,
    line: &str,
    extents: &[(i64, i64)],
    own: &mut [String],
    shared: &mut [String],
) {
    let ncols = extents.len();
    if ncols == 0 {
        return;
    }
    let segs = heading_segments(layout, line);
    // A leading label segment (left of every column) is not a column header.
    // Only positions in the table's own layout say so: a heading line
    // without tabs over a tab-separated table has no positions to compare.
    let positional = layout == Layout::Space || line.contains(['\t', '|']);
    let first_col_start = extents[0].0;
    let label_like = |s: &(i64, i64, String)| {
        positional
            && (layout == Layout::Space && s.1 < first_col_start - 1 && !is_year_text(&s.2)
                || layout != Layout::Space && s.0 <= 0)
    };
    let segs: Vec<_> = segs.into_iter().filter(|s| !label_like(s)).collect();
    if segs.is_empty() {
        return;
    }
    let push = |v: &mut String, t: &str| {
        if !v.is_empty() {
            v.push(' ');
        }
        v.push_str(t);
    };
    if segs.len() == ncols {
        for (c, s) in segs.iter().enumerate() {
            push(&mut own[c], &s.2);
        }
        return;
    }
    // "Q2" alone over "2023  2022  % Change": pdftotext sets a spanning
    // heading where the PDF's centring put it, here over one year only;
    // a quarter or a length of months alone on its line heads them all.
    static LENGTH_ALONE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)^(q[1-4]|(first|second|third|fourth)[ -]quarter|(three|six|nine|twelve) months( ended)?)$")
            .expect("re")
    });
    if segs.len() == 1 && layout == Layout::Space && LENGTH_ALONE.is_match(segs[0].2.trim()) {
        for v in shared.iter_mut() {
            push(v, &segs[0].2);
        }
        return;
    }
    if segs.len() == 1 && layout != Layout::Space || !positional {
        for v in shared.iter_mut() {
            push(v, &segs[0].2);
        }
        return;
    }
    // "Q4 … Full Year" centred over groups of columns ("2022  2021  %
    // Change" each): words of periods fewer than the columns head the
    // columns nearest them, as a spanning cell would.
    if layout == Layout::Space
        && segs.len() >= 2
        && segs.len() < ncols
        && segs
            .iter()
            .all(|s| is_column_words(&s.2) && !is_year_text(&s.2))
    {
        let centers: Vec<i64> = segs.iter().map(|s| (s.0 + s.1) / 2).collect();
        for (c, e) in extents.iter().enumerate() {
            if let Some(k) = nearest(&centers, (e.0 + e.1) / 2) {
                push(&mut shared[c], &segs[k].2);
            }
        }
        return;
    }
    for s in &segs {
        let covered: Vec<usize> = (0..ncols)
            .filter(|&c| {
                if layout == Layout::Space {
                    s.0 <= extents[c].1 + 1 && extents[c].0 - 1 <= s.1
                } else {
                    s.0 <= extents[c].0 && extents[c].0 <= s.1
                }
            })
            .collect();
        match covered.len() {
            0 => {
                let mid = (s.0 + s.1) / 2;
                if let Some(c) = nearest(&extents.iter().map(|e| e.1).collect::<Vec<_>>(), mid) {
                    push(&mut own[c], &s.2);
                }
            }
            1 => push(&mut own[covered[0]], &s.2),
            _ => {
                for c in covered {
                    push(&mut shared[c], &s.2);
                }
            }
        }
    }
}

/// Places a row's tokens in the table's columns: the monotone assignment
/// nearest to the column centres.
/// The row without the footnote references that follow its figures: a
/// one-digit figure in parentheses one space after another figure. `None`
/// when there is none.
fn without_footnote_references(line: &str, row: &RowLine) -> Option<RowLine> {
    let is_reference = |k: usize| {
        let t = &row.tokens[k];
        let text = &line[t.start..t.end];
        let small = matches!(&t.kind, TokenKind::Number {
            value,
            decimals: 0,
            percent: false,
            currency: None,
            ..
        } if !value.is_zero() && value.abs() < 10.into());
        small
            && text.starts_with('(')
            && text.ends_with(')')
            && k > 0
            && t.start <= row.tokens[k - 1].end + 1
            && matches!(row.tokens[k - 1].kind, TokenKind::Number { .. })
    };
    let keep: Vec<Token> = (0..row.tokens.len())
        .filter(|&k| !is_reference(k))
        .map(|k| row.tokens[k].clone())
        .collect();
    (keep.len() < row.tokens.len()).then(|| RowLine {
        tokens: keep,
        ..row.clone()
    })
}

fn place_cells(
    map: &TextMap,
    line: &Line,
    row: &RowLine,
    pos: &[i64],
    centers: &[i64],
) -> Vec<Option<Cell>> {
    let ncols = centers.len();
    let mut cells = vec![None; ncols];
    let n = row.tokens.len();
    if n == 0 || ncols == 0 {
        return cells;
    }
    if n > ncols {
        // More figures than the table has columns: a garbled line, whose
        // figures cannot be placed.
        return cells;
    }
    let slots = if n >= ncols {
        (0..n).map(|i| i.min(ncols - 1)).collect::<Vec<_>>()
    } else {
        monotone_assign(pos, centers)
    };
    for (t, &c) in row.tokens.iter().zip(&slots) {
        let span = map.span(line.start + t.start, line.start + t.end);
        let cell = cell_of(&t.kind, span);
        if cells[c].is_none() {
            cells[c] = Some(cell);
        }
    }
    cells
}

/// The cell a lexed figure makes, at its span in the file.
pub(crate) fn cell_of(kind: &TokenKind, span: Span) -> Cell {
    match kind {
        TokenKind::Number {
            value,
            decimals,
            percent,
            currency,
            ..
        } => Cell::Figure(Figure {
            value: *value,
            decimals: *decimals,
            unit: if *percent {
                Unit::Percent
            } else {
                Unit::Amount
            },
            currency: *currency,
            span,
            dash: false,
        }),
        TokenKind::Dash => Cell::Figure(Figure {
            value: Default::default(),
            decimals: 0,
            unit: Unit::Amount,
            currency: None,
            span,
            dash: true,
        }),
        TokenKind::NotApplicable => Cell::NotApplicable { span },
    }
}

/// Assigns `pos` (sorted) to distinct `centers` (sorted), in order,
/// minimising the total distance.
fn monotone_assign(pos: &[i64], centers: &[i64]) -> Vec<usize> {
    let n = pos.len();
    let m = centers.len();
    // cost[i][j]: best cost placing the first i tokens within the first j centers.
    let inf = i64::MAX / 4;
    let mut cost = vec![vec![inf; m + 1]; n + 1];
    for row in cost.iter_mut().take(1) {
        row.iter_mut().for_each(|c| *c = 0);
    }
    for i in 1..=n {
        for j in i..=m {
            let take = cost[i - 1][j - 1].saturating_add((pos[i - 1] - centers[j - 1]).abs());
            let skip = if j > i { cost[i][j - 1] } else { inf };
            cost[i][j] = take.min(skip);
        }
    }
    let mut out = vec![0; n];
    let (mut i, mut j) = (n, m);
    while i > 0 {
        if j > i && cost[i][j] == cost[i][j - 1] {
            j -= 1;
        } else {
            out[i - 1] = j - 1;
            i -= 1;
            j -= 1;
        }
    }
    out
}

/// Marks per-share rows: by their label, or by a per-share section header
/// above them ("EARNINGS PER COMMON SHARE" then "Basic", "Diluted").
pub(crate) fn assign_units(rows: &mut [Row]) {
    let mut context: Option<u16> = None;
    for r in rows.iter_mut() {
        if r.header {
            if PER_SHARE.is_match(&r.label) && !SHARE_COUNT.is_match(&r.label) {
                context = Some(r.indent);
            } else if context.is_some_and(|ind| r.indent <= ind)
                && !r.label.to_lowercase().starts_with("basic")
                && !r.label.to_lowercase().starts_with("diluted")
            {
                context = None;
            }
            continue;
        }
        let own = PER_SHARE.is_match(&r.label) && !SHARE_COUNT.is_match(&r.label);
        if SHARE_COUNT.is_match(&r.label) {
            context = None;
        }
        // Per-share amounts are printed to the cent; a row under a
        // per-share header whose every figure is whole ("GAAP Basic Net
        // Income Per Share:" then "Net income 199") is the numerator of
        // the computation, an amount, not a per-share figure.
        let whole = r
            .cells
            .iter()
            .flatten()
            .filter_map(|c| match c {
                Cell::Figure(f) if !f.dash => Some(f.decimals == 0),
                _ => None,
            })
            .reduce(|a, b| a && b)
            .unwrap_or(false);
        if own || (context.is_some() && !whole) {
            for c in r.cells.iter_mut().flatten() {
                if let Cell::Figure(f) = c {
                    if f.unit == Unit::Amount {
                        f.unit = Unit::PerShare;
                    }
                }
            }
        }
    }
}

/// Prose outside tables, as paragraphs split at blank lines.
fn blocks(map: &TextMap, lines: &[Line], in_table: &[bool]) -> Vec<Block> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, usize)> = None;
    let mut end_block = |cur: &mut Option<(usize, usize)>| {
        if let Some((s, e)) = cur.take() {
            let tm = map.slice(s, e);
            if !tm.text().trim().is_empty() {
                out.push(Block {
                    span: map.span(s, e),
                    text: tm,
                });
            }
        }
    };
    for (i, l) in lines.iter().enumerate() {
        let inside = in_table[i] || matches!(l.kind, Kind::Row(_) | Kind::Rule | Kind::Marker);
        if inside || matches!(l.kind, Kind::Blank) {
            end_block(&mut cur);
            continue;
        }
        let e = l.start + l.text.len();
        cur = Some(match cur {
            Some((s, _)) => (s, e),
            None => (l.start, e),
        });
    }
    end_block(&mut cur);
    out
}

#[cfg(test)]
mod edgar_markup_tests {
    use super::*;
    use crate::ingest::decode_text;

    #[test]
    fn edgar_marks_become_spaces_of_the_same_width() {
        let src = "<TABLE>\n<CAPTION>\n                     2006      2005\n<S>                  <C>       <C>\nRevenue              42,625    37,880\n</TABLE>\nUse <b> here\n";
        let mut map = decode_text(src.as_bytes(), false);
        blank_edgar_markup(&mut map);
        assert_eq!(map.text().len(), src.len());
        assert!(!map.text().contains("<S>") && !map.text().contains("<TABLE>"));
        assert!(map.text().contains("Use <b> here"));
        let at = map.text().find("42,625").unwrap();
        assert_eq!(map.span(at, at + 6).start, src.find("42,625").unwrap());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables(s: &str) -> Vec<Table> {
        parse(&TextMap::identity(s.to_string())).0
    }

    #[test]
    fn tab_table_with_sections_and_totals() {
        let src = "ACME CORP\nSTATEMENTS OF OPERATIONS\n(in thousands)\n\n\tMarch 31, 2006\tDecember 31, 2005\nRevenue\t$ 100\t$ 90\nCosts:\t\t\nCost of revenue\t60\t50\nOther\t(10)\t--\nTotal costs\t50\t50\n";
        let t = tables(src);
        assert_eq!(t.len(), 1);
        let t = &t[0];
        assert_eq!(t.scale, Scale::Thousands);
        assert_eq!(t.columns.len(), 2);
        assert_eq!(t.columns[0].period.end.unwrap().to_string(), "2006-03-31");
        assert!(t.columns[1].period.instant);
        let labels: Vec<_> = t.rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Revenue",
                "Costs:",
                "Cost of revenue",
                "Other",
                "Total costs"
            ]
        );
        assert!(t.rows[1].header);
        assert_eq!(t.rows[3].figure(0).unwrap().value, (-10).into());
        assert!(t.rows[3].figure(1).unwrap().dash);
    }

    #[test]
    fn a_merged_heading_cell_spans_the_empty_fields_after_it() {
        // As a spreadsheet exports merged cells: the text, then empty
        // fields up to the next heading.
        let src = "ACME CORP\nSTATEMENTS OF CASH FLOWS\n(in thousands)\n\n\tThree Months Ended June 30,\t\tSix Months Ended June 30,\t\n\t2026\t2025\t2026\t2025\nNet cash provided by operating activities\t$ 2,066\t$ 2,638\t$ 6,234\t$ 6,412\nCapital expenditures\t(412)\t(390)\t(850)\t(801)\n";
        let t = tables(src);
        assert_eq!(t.len(), 1);
        let periods: Vec<String> = t[0]
            .columns
            .iter()
            .map(|c| format!("{} {}", c.period.months.unwrap_or(0), c.period.end.unwrap()))
            .collect();
        assert_eq!(
            periods,
            [
                "3 2026-06-30",
                "3 2025-06-30",
                "6 2026-06-30",
                "6 2025-06-30"
            ]
        );
    }

    /// A Markdown release as converters write it: the title and scale on a
    /// heading line, cells padded to the widest, a label cell holding
    /// figures, section headers in one cell of their own.
    const PIPES: &str = "\
## CONTOSO LTD. Segment Results of Operations and Other Information for the Quarter (in millions, except per share data) (unaudited)

|                                                              | Three Months Ended June 30,   | Three Months Ended June 30,   | Six Months Ended June 30,   |
|--------------------------------------------------------------|-------------------------------|-------------------------------|-----------------------------|
|                                                              | 2025                          | 2026                          | 2026                        |
| Devices                                                      |                               |                               |                             |
| Net sales                                                    | $ 4,120                       | $ 4,410                       | $ 8,905                     |
| Operating expenses, net of credits of $12, $(4), and $9      | 3,980                         | 4,105                         | 8,322                       |
| Operating income                                             | 140                           | 305                           | 583                         |
";

    #[test]
    fn markdown_pipe_tables() {
        let t = tables(PIPES);
        assert_eq!(t.len(), 1, "{t:#?}");
        let t = &t[0];
        assert_eq!(
            t.title,
            "CONTOSO LTD. Segment Results of Operations and Other Information for the Quarter"
        );
        assert_eq!(t.scale, Scale::Millions);
        assert_eq!(t.columns.len(), 3);
        assert_eq!(t.columns[1].period.months, Some(3));
        assert_eq!(t.columns[1].period.end.unwrap().to_string(), "2026-06-30");
        assert_eq!(t.columns[2].period.months, Some(6));
        let labels: Vec<_> = t.rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Devices",
                "Net sales",
                "Operating expenses, net of credits of $12, $(4), and $9",
                "Operating income"
            ]
        );
        assert!(t.rows[0].header);
        assert_eq!(t.rows[2].figure(0).unwrap().value, 3980.into());
        assert_eq!(t.rows[2].figure(2).unwrap().value, 8322.into());
        // A header's indent is its row's: no pipe counts.
        assert_eq!(t.rows[0].indent, t.rows[1].indent);
        // Read so, the table is checked: operating income is net sales less
        // operating expenses.
        let footing = |s: &str| crate::check::findings_of("footing", s);
        assert!(footing(PIPES).is_empty(), "{:#?}", footing(PIPES));
        let f = footing(&PIPES.replace("| 305 ", "| 355 "));
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(
            f[0].message.contains("Operating income"),
            "{}",
            f[0].message
        );
    }

    /// A table whose cells a converter set one per line: the column
    /// headings (spanning periods, then a year per column), section
    /// headers, then each label followed by its figures.
    const STACKED: &str = "\
CONTOSO LTD.
INCOME STATEMENTS
(In millions, except per share amounts) (Unaudited)
Three Months Ended
June 30,
Twelve Months Ended
June 30,
2026
2025
2026
2025
Revenue:
Product
$4,120
$4,410
$16,905
$17,020
Service and other
6,310
5,720
24,118
21,604
Total revenue
10,430
10,130
41,023
38,624
Cost of revenue
3,980
4,105
15,322
15,010
Gross margin
6,450
6,025
25,701
23,614
Earnings per share:
Basic
$0.52
$0.47
$2.05
$1.84
Diluted
$0.51
$0.47
$2.03
$1.83
";

    #[test]
    fn stacked_cells_read_as_a_table() {
        let t = tables(STACKED);
        assert_eq!(t.len(), 1, "{t:#?}");
        let t = &t[0];
        assert_eq!(t.title, "CONTOSO LTD. / INCOME STATEMENTS");
        assert_eq!(t.scale, Scale::Millions);
        assert_eq!(t.columns.len(), 4);
        let periods: Vec<String> = t.columns.iter().map(|c| c.period.to_string()).collect();
        assert_eq!(
            periods,
            [
                "3 months ended 2026-06-30",
                "3 months ended 2025-06-30",
                "12 months ended 2026-06-30",
                "12 months ended 2025-06-30"
            ]
        );
        let labels: Vec<_> = t.rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Revenue:",
                "Product",
                "Service and other",
                "Total revenue",
                "Cost of revenue",
                "Gross margin",
                "Earnings per share:",
                "Basic",
                "Diluted"
            ]
        );
        assert!(t.rows[0].header && t.rows[6].header);
        assert_eq!(t.rows[3].figure(2).unwrap().value, 41023.into());
        assert_eq!(t.rows[8].figure(0).unwrap().unit, Unit::PerShare);
        // Read so, the table is checked.
        let footing = |s: &str| crate::check::findings_of("footing", s);
        assert!(footing(STACKED).is_empty(), "{:#?}", footing(STACKED));
        let f = footing(&STACKED.replace("\n24,118\n", "\n21,118\n"));
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("Total revenue"), "{}", f[0].message);
        // Two rows of figures alone are no table.
        let short = STACKED.split("Total revenue").next().unwrap_or("");
        assert!(
            tables(short).iter().all(|t| t.columns.len() != 4),
            "{:#?}",
            tables(short)
        );
    }

    #[test]
    fn space_table_with_wrapped_labels_and_sparse_rows() {
        let src = "\
    (millions)                           2004     2003

    Credit and financial products
     revenues                              81    1,345
    Domestic receivables                    -   29,465
    Deferred ESOP expense                 (12)     (34)
          Total                            69   30,776
";
        let t = tables(src);
        assert_eq!(t.len(), 1);
        let t = &t[0];
        assert_eq!(t.columns.len(), 2);
        assert_eq!(t.columns[0].period.year, Some(2004));
        assert_eq!(t.rows[0].label, "Credit and financial products revenues");
        assert_eq!(t.rows[2].figure(0).unwrap().value, (-12).into());
        assert_eq!(t.rows[3].figure(1).unwrap().value, 30776.into());
    }

    #[test]
    fn a_quarter_alone_over_year_columns_heads_them_all() {
        // pdftotext sets the PDF's spanning "Q2" over the later year only.
        let src = "\
OVERALL FINANCIAL RESULTS
                                                            Q2
 ($ in Millions, except EPS)               2023            2022     % Change
 Reported Sales                          $25,530         $24,020      6.3%
 Net Earnings                             $5,144          $4,814      6.9%
";
        let t = &tables(src)[0];
        assert_eq!(t.columns[0].period.quarter, Some(2));
        assert_eq!(t.columns[0].period.year, Some(2023));
        assert_eq!(t.columns[1].period.quarter, Some(2));
        assert_eq!(t.columns[1].period.year, Some(2022));
    }

    #[test]
    fn sparse_row_lands_in_its_column() {
        let src = "\
                         2004     2003     2002
Alpha                     100      200      300
Beta                               50
Gamma                     100      250      300
";
        let t = &tables(src)[0];
        assert!(t.rows[1].figure(0).is_none());
        assert_eq!(t.rows[1].figure(1).unwrap().value, 50.into());
    }

    #[test]
    fn a_footnote_reference_after_a_figure_is_no_column() {
        let src = "\
                        Cost of sales    Other        Net income
GAAP Reported           $  3,237   $    (347)     $    2,327
Acquisition-related         (136)        (168)           387
Non-GAAP Adjusted       $  3,072   $    (551) (7) $    3,839
";
        let t = &tables(src)[0];
        assert_eq!(t.columns.len(), 3);
        assert_eq!(t.rows[2].figure(1).unwrap().value, (-551).into());
        assert_eq!(t.rows[2].figure(2).unwrap().value, 3839.into());
    }

    #[test]
    fn a_range_is_no_row() {
        let src = "\
                                       Q2                   FY24
GAAP diluted earnings per share     $0.79 - $0.80       $2.67 - $2.69
Amortization of intangibles     $            0.48   $              1.89
Stock-based compensation        $            0.74   $              2.80
";
        let t = &tables(src)[0];
        assert_eq!(t.columns.len(), 2);
        assert!(t
            .rows
            .iter()
            .all(|r| !r.label.starts_with("GAAP") || !r.has_figures()));
        assert!(!has_range(
            "12   -   14",
            &lex_figures("12   -   14").unwrap()
        ));
    }

    #[test]
    fn prose_is_not_a_table() {
        let src = "For the first quarter of 2006, revenues totaled $42.6 million, an increase of 12.6% compared to the first quarter of 2005.\n";
        assert!(tables(src).is_empty());
        // Wrapped lines that end on an amount the words ask for.
        let src = "    In the second quarter of 2003, Sears recorded a pretax charge of $28\n\
million, or $0.06 per share, for severance costs associated with productivity\n\
improvement initiatives.\n\n\
    Selling and administrative expenses for the second quarter were $1.8\n\
billion, down from $2.0 billion last year.\n";
        assert!(tables(src).is_empty(), "{:#?}", tables(src));
        // A label one space from its amount still makes a row.
        let src = "Net income $ 1,234 $ 1,100\nTotal assets $ 9,876 $ 9,500\n";
        assert_eq!(tables(src).len(), 1);
    }

    #[test]
    fn footnote_lines_are_not_section_headers() {
        let src = "\
                                         2023      2022
Earnings on a GAAP basis                  569       475
                  (1)
Non-core items:
  Amortization of fund contribution        84        85
                   (3)
  Legal costs                              17        34
Core earnings                             670       594
";
        let t = &tables(src)[0];
        let labels: Vec<_> = t.rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Earnings on a GAAP basis",
                "Non-core items:",
                "Amortization of fund contribution",
                "Legal costs",
                "Core earnings"
            ]
        );
    }

    #[test]
    fn footnote_markers_over_column_headings_are_not_a_row() {
        let src = "\
                                    % Change                      % Change
                                         (1)                           (1)
                 2023     2022   Reported   Operational   2023    2022   Reported
US                712      663       7.5%          7.5%   1,457   1,333      9.3%
Intl              947      818      15.7%         19.0%   1,844   1,609     14.6%
WW              1,659    1,481      12.0%         13.9%   3,301   2,942     12.2%
";
        let t = &tables(src)[0];
        assert_eq!(t.rows.len(), 3, "{t:#?}");
        assert_eq!(t.columns[0].period.year, Some(2023));
        assert!(!t.columns[0].derived && !t.columns[4].derived);
        assert!(t.columns[2].derived);
    }

    #[test]
    fn impacts_in_whole_points_in_a_table_of_rates_are_derived() {
        let src = "\
                         Reported    Foreign     Acquisitions    Organic     Organic   Effective
                         % Change   exchange              and   % Change      Volume   net price
Snacks                       14 %          -                -       14 %         0.5          14
Cereals                       1 %          1                -        2 %         (5)           7
Beverages                    10 %        0.5              (1)       10 %         (4)          14
Total                        10 %        2.5                -       13 %       (2.5)          15
";
        let t = &tables(src)[0];
        assert_eq!(t.columns.len(), 6, "{:#?}", t.columns);
        assert!(t.columns.iter().all(|c| c.derived), "{:#?}", t.columns);
        // Amounts beside rates stay amounts.
        let src = "\
                           2023       2022    % Change
Revenue                    12.5       10.3        21 %
Cost of sales               7.1        6.0        18 %
Gross profit                5.4        4.3        26 %
";
        let t = &tables(src)[0];
        assert!(!t.columns[0].derived && !t.columns[1].derived && t.columns[2].derived);
        // Two rate columns only, but the table opens with one: the whole
        // impacts between are points, the EPS row's included.
        let src = "\
Operating Profit and EPS
                       GAAP Reported   Items Affecting     Foreign       Core Constant
                            % Change     Comparability    Exchange   Currency % Change
Snacks                             9                 7           -                  16
Beverages                         13                11           1                  24
Europe                          (420)               416        (2.5)                  (6)
Total                            (68)                75           1                   8
EPS per share                    (61)                70           1                  10
";
        let t = &tables(src)[0];
        assert!(t.columns.iter().all(|c| c.derived), "{:#?}", t.columns);
    }

    #[test]
    fn rate_columns_with_a_percent_sign_on_one_row_are_derived() {
        let src = "\
                                                   Percent Change
                           2023       2022       Total   Operations   Currency
  U.S.                $   7,023      6,632       5.9 %         5.9          -
  International           6,390      6,237         2.4         8.6        (6.2)
Worldwide                13,413     12,869         4.2         7.2        (3.0)
";
        let t = &tables(src)[0];
        assert_eq!(t.columns.len(), 5);
        assert!(!t.columns[0].derived && !t.columns[1].derived);
        assert!(t.columns[2].derived, "{:#?}", t.columns);
        assert!(t.columns[3].derived && t.columns[4].derived);
    }

    #[test]
    fn stacked_tables_with_their_own_column_headings_split() {
        let src = "\
                          Reported    Foreign     Organic
                          % Change    Exchange    % Change
Frito-Lay                    25          1           18
Quaker                       16          1           10
Total                        11          3           15

                          GAAP       Items Affecting     Foreign       Core
                          % Change   Comparability       Exchange      % Change
Frito-Lay                     9              7             -             16
Quaker                       (3)             3             -              1
Total                       (68)            75             1              8
";
        let t = tables(src);
        assert_eq!(t.len(), 2, "{t:#?}");
        assert_eq!(t[1].columns.len(), 4);
        assert_eq!(t[1].rows[1].figure(0).unwrap().value, (-3).into());
        assert_eq!(t[1].rows[2].figure(1).unwrap().value, 75.into());
    }

    #[test]
    fn wrapped_total_label_joins_its_row() {
        let src = "\
                               2004     2003
      Full-line                 871      869
      Specialty               1,109    1,307
        Total Domestic Retail
         Stores               1,980    2,176
";
        let t = &tables(src)[0];
        assert_eq!(t.rows.len(), 3);
        assert_eq!(t.rows[2].label, "Total Domestic Retail Stores");
    }

    #[test]
    fn scale_note_beside_column_headings() {
        let src = "\
 Q4                                                                % Change
 ($ in Millions)          2022       2021       Reported     Operational    Currency
 U.S.                  $12,516    $12,163           2.9%             2.9           -
 International          11,190     12,641         (11.5)            (1.1)      (10.4)
 Worldwide             $23,706    $24,804          (4.4)%            0.9        (5.3)
";
        let t = &tables(src)[0];
        assert_eq!(t.scale, Scale::Millions);
        assert_eq!(t.columns.len(), 5);
        assert_eq!(t.columns[0].period.year, Some(2022));
        assert!(!t.columns[0].derived && !t.columns[1].derived);
        // "Reported" by its percentages, "Operational" by its heading,
        // "Currency" as points right of them.
        assert!(t.columns[2].derived && t.columns[3].derived && t.columns[4].derived);
    }

    #[test]
    fn footnote_markers_leave_labels() {
        let src = "Customer support(a)\t2,897\t2,662\nProduct development (1)\t1,225\t1,445\n";
        let t = &tables(src)[0];
        assert_eq!(t.rows[0].label, "Customer support");
        assert_eq!(t.rows[1].label, "Product development");
    }

    #[test]
    fn per_share_rows() {
        let src = "Net income\t541\t(570)\nBasic net income per share\t$ 0.00\t$ (0.00)\nWeighted average shares used in computing basic net income per share\t342,928\t338,199\n";
        let t = &tables(src)[0];
        assert_eq!(t.rows[0].figure(0).unwrap().unit, Unit::Amount);
        assert_eq!(t.rows[1].figure(0).unwrap().unit, Unit::PerShare);
        assert_eq!(t.rows[2].figure(0).unwrap().unit, Unit::Amount);
    }

    #[test]
    fn whole_figures_under_a_per_share_header_are_amounts() {
        let src = "GAAP Basic Net Income Per Share\nNet income\t$ 199\t$ 28\nBasic net income per share\t$ 0.20\t$ 0.03\nEARNINGS PER SHARE:\nBasic\t$ 3.07\t$ 2.99\n";
        let t = &tables(src)[0];
        let row = |label: &str| {
            t.rows
                .iter()
                .find(|r| r.label == label && !r.header)
                .unwrap()
        };
        assert_eq!(row("Net income").figure(0).unwrap().unit, Unit::Amount);
        assert_eq!(
            row("Basic net income per share").figure(0).unwrap().unit,
            Unit::PerShare
        );
        assert_eq!(row("Basic").figure(0).unwrap().unit, Unit::PerShare);
    }

    #[test]
    fn a_spanning_heading_set_left_of_its_figures_spans_the_years_below_it() {
        // As pdftotext lays out a statement: the headings stand left of
        // right-aligned figures, the second year well left of its column.
        let src = concat!(
            "Condensed Consolidated Statements of Operations\n",
            "(in millions)\n",
            "                                             Three Months Ended April 30,\n",
            "                                          2023                          2022\n",
            "Revenues:\n",
            "    Subscription and support          $                   7,642    $                  6,856\n",
            "    Professional services and other                         605                         555\n",
            "       Total revenues                                     8,247                       7,411\n",
        );
        let t = &tables(src)[0];
        let ends: Vec<_> = t.columns.iter().map(|c| c.period.end).collect();
        assert_eq!(t.columns.len(), 2);
        assert!(
            t.columns[1].header.contains("Three Months Ended"),
            "{:?}",
            t.columns[1].header
        );
        assert_ne!(ends[0], ends[1]);
        assert!(ends.iter().all(Option::is_some), "{ends:?}");
    }

    #[test]
    fn period_words_over_groups_of_columns_head_the_nearest() {
        // As pdftotext sets a summary: "Q4" and "Full Year" centred over
        // their groups of three columns, each covering only one of them.
        let src = concat!(
            "OVERALL FINANCIAL RESULTS\n",
            "\n",
            "                                                       Q4                                 Full Year\n",
            " ($ in Millions, except EPS)            2022         2021         % Change     2022        2021       % Change\n",
            " Reported Sales                        $23,706      $24,804        (4.4)%     $94,943    $93,775        1.3%\n",
            " Net Earnings                           $3,520      $4,736         (25.7)%    $17,941    $20,878       (14.1)%\n",
        );
        let t = &tables(src)[0];
        let months: Vec<_> = t.columns.iter().map(|c| c.period.months).collect();
        assert_eq!(
            months,
            [Some(3), Some(3), Some(3), Some(12), Some(12), Some(12)],
            "{:?}",
            t.columns.iter().map(|c| &c.header).collect::<Vec<_>>()
        );
        assert!(t.columns[2].derived && t.columns[5].derived);
        assert!(!t.columns[0].derived && !t.columns[4].derived);
    }

    #[test]
    fn monotone_assignment() {
        assert_eq!(monotone_assign(&[50], &[40, 52, 63]), [1]);
        assert_eq!(monotone_assign(&[40, 63], &[40, 52, 63]), [0, 2]);
    }
}
