//! Tables and prose from HTML: EDGAR Exhibit 99.1 press releases, 2004–2025
//! styles (hand-written HTML 3.2, Word exports, Workiva and inline XBRL).
//!
//! **Tokenizer.** A hand-written tokenizer ([`tokenizer`]) reads start tags
//! (with the byte ranges of their attributes), end tags and text, each with
//! its byte range in the input as given. It follows the HTML standard's
//! tokenizer as lol_html implements it (lol_html tokenized here before; a
//! differential test holds the two to the same events): raw text in
//! `script`, `style`, `title`, `textarea` and the like, comments, doctypes,
//! CDATA in SVG and MathML, a tag cut off by the end of the file dropped.
//! Text is not decoded there, so the text of each run is decoded here from
//! the *original bytes* of its range (UTF-8, else Windows-1252 byte by
//! byte; entities; no-break spaces as spaces; white space collapsed), into
//! a [`TextMap`] whose segments keep every character's file bytes. So a
//! figure's span is the bytes of the number in the file as stored, whatever
//! the encoding or the markup between its pieces.
//!
//! The tokenizer builds no tree (no implicit closing of `<td>`, `<tr>`,
//! `<p>`; an end tag only closes the nearest open element of its name and
//! those opened after it), so a small stack here does what matters: a cell or row start
//! closes the open one, an end tag closes the nearest open element of its
//! name without crossing a cell or table boundary, and content inside
//! `<script>`, `<style>`, `<head>`, `display:none` or `hidden` elements is
//! skipped. Inline XBRL tags (`ix:nonFraction`) are inline elements whose
//! text reads through. Everything is linear in the input size.
//!
//! **Tables.** Every `<table>` is read as a grid of rows and cells
//! (`colspan` honoured, hidden cells dropped). EDGAR tables split one figure
//! over several cells (`$` | `1,234` | `)`), with empty spacer columns
//! between. Per row, a numeric cell takes the currency and parenthesis cells
//! next to it, and the pieces are lexed together
//! ([`lex_figures`](super::number::lex_figures)). A figure stands at the
//! grid column where its numeric cell ends (figures are right-aligned);
//! the table's logical columns are those grid positions, adjacent positions
//! that never hold figures in the same row merged. Rows above the first row
//! of figures are column headings (years, dates, "Three Months Ended"),
//! title and scale note; the text blocks just above the table count too.
//! A table with fewer than two rows of figures (a letterhead, a signature
//! block, a layout table) is not a financial table.
//!
//! **Prose.** Paragraphs, `div`s, list items, headings, line breaks and
//! cells outside financial tables become [`Block`]s.

use super::heading::{is_period_heading, parse_period, scale_of};
use super::number::{lex_figures, lex_single, TokenKind};
use super::text::{
    assign_units, cell_of, clean_label, is_column_words, is_derived_column, points_in_rate_tables,
};
use crate::document::{Block, Cell, Column, Figure, Period, Row, Scale, Table, Unit};
use crate::fxhash::FxHashMap;
use crate::span::Span;
use crate::textmap::TextMap;
use regex::Regex;
use rust_decimal::Decimal;
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

#[cfg(test)]
mod lol_reference;
mod tokenizer;

/// Text blocks above a table searched for its title and scale note.
const TITLE_BLOCKS: usize = 6;

/// A colspan larger than this is read as this (hostile input).
const MAX_COLSPAN: usize = 1_000;
const MAX_ROWSPAN: usize = 100;
/// Cells spanning rows below that are followed at once (hostile input).
const MAX_ACTIVE_ROWSPANS: usize = 64;

// Tag ids: the tags that matter get fixed ids; others are interned.
const T_TABLE: u16 = 0;
const T_TR: u16 = 1;
const T_TD: u16 = 2;
const T_TH: u16 = 3;
const T_THEAD: u16 = 4;
const T_TBODY: u16 = 5;
const T_TFOOT: u16 = 6;
const T_BR: u16 = 7;
const STRUCTURE: &[&str] = &["table", "tr", "td", "th", "thead", "tbody", "tfoot", "br"];
/// Elements whose edges end a prose block.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "center",
    "pre",
    "dl",
    "dt",
    "dd",
    "section",
    "article",
    "header",
    "footer",
    "caption",
    "hr",
    "body",
    "html",
    "address",
    "main",
    "nav",
    "aside",
    "figure",
    "figcaption",
];
/// Elements whose content is never read.
const HIDDEN: &[&str] = &[
    "script", "style", "head", "title", "noscript", "template", "textarea", "select", "object",
    "iframe", "svg",
];
const FIRST_BLOCK: u16 = STRUCTURE.len() as u16;
const FIRST_HIDDEN: u16 = FIRST_BLOCK + BLOCKS.len() as u16;
const END_HIDDEN: u16 = FIRST_HIDDEN + HIDDEN.len() as u16;

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "br" | "img"
            | "hr"
            | "meta"
            | "link"
            | "input"
            | "col"
            | "area"
            | "base"
            | "wbr"
            | "param"
            | "source"
            | "embed"
            | "track"
            | "keygen"
            | "basefont"
            | "frame"
    )
}

/// What a start tag's attributes say, parsed as the tag is read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Attrs {
    hidden: bool,
    colspan: u16,
    rowspan: u16,
    border_top: bool,
    border_bottom: bool,
    /// Indentation in tenths of a point (padding-left, margin-left,
    /// text-indent).
    indent: i32,
    /// Set above the line: `<sup>`, `vertical-align: super`, or a
    /// negative `top` (Workiva's footnote markers are fonts raised by
    /// `position: relative; top: -3.85pt`).
    superscript: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Ev {
    Start {
        tag: u16,
        attrs: Attrs,
        at: usize,
        void: bool,
    },
    End {
        tag: u16,
        at: usize,
    },
    Text {
        start: usize,
        end: usize,
    },
}

/// Tag names as small numbers: the tags that matter have fixed ids, others
/// are numbered in order of first appearance.
#[derive(Default)]
struct TagIds {
    names: std::collections::HashMap<String, u16, BuildHasherDefault<tokenizer::Fnv>>,
}

impl TagIds {
    fn new() -> TagIds {
        let mut ids = TagIds::default();
        for (i, n) in STRUCTURE.iter().chain(BLOCKS).chain(HIDDEN).enumerate() {
            ids.names.insert((*n).to_string(), i as u16);
        }
        ids
    }

    fn id(&mut self, name: &str) -> u16 {
        if let Some(&id) = self.names.get(name) {
            return id;
        }
        let id = u16::try_from(self.names.len()).unwrap_or(u16::MAX);
        self.names.insert(name.to_string(), id);
        id
    }
}

/// Events collected in a list, with the tag ids they use (the lol_html
/// reference tokenizer's sink).
#[cfg(test)]
struct Collector {
    events: Vec<Ev>,
    ids: TagIds,
}

#[cfg(test)]
impl Collector {
    fn new() -> Collector {
        Collector {
            events: Vec::new(),
            ids: TagIds::new(),
        }
    }

    fn id(&mut self, name: &str) -> u16 {
        self.ids.id(name)
    }

    fn text(&mut self, start: usize, end: usize) {
        if start >= end {
            return;
        }
        // Chunks of one text node come in pieces; keep them whole so a
        // character is never cut.
        if let Some(Ev::Text { end: e, .. }) = self.events.last_mut() {
            if *e == start {
                *e = end;
                return;
            }
        }
        self.events.push(Ev::Text { start, end });
    }
}

/// Where a document's events go, in order.
trait Events {
    fn event(&mut self, ev: Ev);
}

#[cfg(test)]
impl Events for Vec<Ev> {
    fn event(&mut self, ev: Ev) {
        self.push(ev);
    }
}

/// What each distinct `style` attribute of a document says, by its bytes.
/// Exhibits repeat a few styles on thousands of elements (the corpus has
/// 694,500 `style` attributes, 25,213 of them distinct in their document),
/// and reading one takes longer than looking it up.
type Styles<'a> = FxHashMap<&'a [u8], Attrs>;

/// The attributes that matter of one start tag, read in place from the
/// input at the ranges the tokenizer gives. The first attribute of a name
/// counts (as `getAttribute` has it); a value is the input's bytes as
/// UTF-8, invalid bytes replaced.
fn read_attrs<'a>(
    attributes: &[tokenizer::Attr],
    bytes: &'a [u8],
    cell: bool,
    styles: &mut Styles<'a>,
) -> Attrs {
    let mut style: Option<&[u8]> = None;
    let mut colspan = None;
    let mut rowspan = None;
    let mut hidden = false;
    for a in attributes {
        let name = bytes.get(a.name.0..a.name.1).unwrap_or_default();
        let raw = || match a.value {
            Some((s, e)) => bytes.get(s..e).unwrap_or_default(),
            None => b"",
        };
        let value = || Some(lossy(raw()));
        if name.eq_ignore_ascii_case(b"style") {
            if style.is_none() {
                style = Some(raw());
            }
        } else if name.eq_ignore_ascii_case(b"hidden") {
            hidden = true;
        } else if cell && name.eq_ignore_ascii_case(b"colspan") {
            if colspan.is_none() {
                colspan = value();
            }
        } else if cell && name.eq_ignore_ascii_case(b"rowspan") && rowspan.is_none() {
            rowspan = value();
        }
    }
    let style = style.map(|st| {
        *styles
            .entry(st)
            .or_insert_with(|| style_attrs(st, Attrs::default()))
    });
    with_style(
        parse_attrs(None, colspan.as_deref(), rowspan.as_deref(), hidden),
        style,
    )
}

/// `a` with what a style said (read by [`style_attrs`] from the default
/// attributes): only the style sets borders and indentation, and it can
/// only add hiding.
fn with_style(a: Attrs, style: Option<Attrs>) -> Attrs {
    match style {
        Some(st) => Attrs {
            hidden: a.hidden || st.hidden,
            border_top: st.border_top,
            border_bottom: st.border_bottom,
            indent: st.indent,
            superscript: a.superscript || st.superscript,
            ..a
        },
        None => a,
    }
}

/// Bytes of the input as UTF-8, invalid bytes replaced (`from_utf8` checks
/// valid text much faster than the lossy decoder does).
fn lossy(raw: &[u8]) -> std::borrow::Cow<'_, str> {
    match std::str::from_utf8(raw) {
        Ok(v) => std::borrow::Cow::Borrowed(v),
        Err(_) => String::from_utf8_lossy(raw),
    }
}

/// `style` is the attribute's bytes as in the input: its declarations are
/// cut at `;` and `:`, both ASCII, so each piece decodes alone as the
/// whole would.
fn parse_attrs(
    style: Option<&[u8]>,
    colspan: Option<&str>,
    rowspan: Option<&str>,
    hidden: bool,
) -> Attrs {
    // The leading digits, as `parse::<usize>` reads them: none, or more
    // than a `usize` holds, read as 1.
    let span = |v: Option<&str>, max: usize| -> u16 {
        let Some(v) = v else { return 1 };
        let digits = v.trim().bytes().take_while(u8::is_ascii_digit);
        let mut n: Option<usize> = None;
        for d in digits {
            n = n
                .unwrap_or(0)
                .checked_mul(10)
                .and_then(|n| n.checked_add(usize::from(d - b'0')));
            if n.is_none() {
                return 1;
            }
        }
        n.unwrap_or(1).clamp(1, max) as u16
    };
    let a = Attrs {
        hidden,
        colspan: span(colspan, MAX_COLSPAN),
        rowspan: span(rowspan, MAX_ROWSPAN),
        ..Attrs::default()
    };
    match style {
        Some(style) => style_attrs(style, a),
        None => a,
    }
}

/// `a` with the declarations of a `style` attribute read into it.
fn style_attrs(style: &[u8], mut a: Attrs) -> Attrs {
    // Exhibits from Workiva and Word carry a long style on every
    // element (three quarters of the corpus's bytes are styles); most
    // declarations (fonts, widths) matter nothing here. The `;` are
    // found eight bytes at a time, a declaration whose first letter no
    // wanted property has is passed over before its `:` is looked for,
    // and only the few wanted ones are decoded. At most 64 pieces are
    // read, as `split(';').take(64)` would.
    let mut start = 0;
    for (n, end) in Semicolons::new(style).enumerate() {
        style_piece(&style[start..end], &mut a);
        if n + 1 == 64 {
            return a;
        }
        start = end + 1;
    }
    style_piece(&style[start..], &mut a);
    a
}

/// The offsets of the `;` in a text, in order, found a machine word at a
/// time: declarations are too short for `memchr` to pay on each.
struct Semicolons<'a> {
    bytes: &'a [u8],
    /// Where the next word starts.
    next: usize,
    /// Where the current word starts, and its `;` as the high bit of their
    /// bytes.
    base: usize,
    mask: u64,
}

impl<'a> Semicolons<'a> {
    fn new(bytes: &'a [u8]) -> Semicolons<'a> {
        Semicolons {
            bytes,
            next: 0,
            base: 0,
            mask: 0,
        }
    }
}

impl Iterator for Semicolons<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
        while self.mask == 0 {
            let rest = self.bytes.get(self.next..).filter(|r| !r.is_empty())?;
            let word = match rest.first_chunk::<8>() {
                Some(w) => *w,
                None => {
                    // The last word is padded with zero bytes, no `;`.
                    let mut w = [0u8; 8];
                    w[..rest.len()].copy_from_slice(rest);
                    w
                }
            };
            // Bytes equal to `;` become zero; the high bit is set in each
            // byte that was not zero (the sums cannot carry into the next
            // byte), so the mask's bits are exactly the `;`.
            let x = u64::from_le_bytes(word) ^ 0x3b3b_3b3b_3b3b_3b3b;
            self.mask = !(((x & LOW7) + LOW7) | x) & !LOW7;
            self.base = self.next;
            self.next += 8;
        }
        let at = self.base + self.mask.trailing_zeros() as usize / 8;
        self.mask &= self.mask - 1;
        Some(at)
    }
}

/// One `;`-separated piece of a `style` attribute, read into `a` when it is
/// a wanted declaration: one whose property, before its first `:` and
/// trimmed, is a wanted one. That is judged on the piece's first bytes,
/// without looking for the `:` of the many others.
fn style_piece(piece: &[u8], a: &mut Attrs) {
    let is_space = |b: &u8| matches!(b, b'\t'..=b'\r' | b' ');
    let Some(start) = piece.iter().position(|b| !is_space(b)) else {
        return;
    };
    let rest = &piece[start..];
    if rest[0].is_ascii()
        && !matches!(
            rest[0].to_ascii_lowercase(),
            b'd' | b'b' | b'p' | b'm' | b't' | b'v'
        )
    {
        return;
    }
    // The first eight bytes, lower-cased, tell the few properties the
    // piece can still be ("text-align", "padding", "border-collapse" are
    // not); those are then compared whole.
    let mut head = [0u8; 8];
    for (h, b) in head.iter_mut().zip(rest) {
        *h = b.to_ascii_lowercase();
    }
    let names: &[&str] = match &head {
        [b'd', b'i', b's', b'p', b'l', b'a', b'y', _] => &["display"],
        b"border-t" => &["border-top", "border-top-style"],
        b"border-b" => &["border-bottom", "border-bottom-style"],
        b"padding-" => &["padding-left"],
        b"margin-l" => &["margin-left"],
        b"text-ind" => &["text-indent"],
        b"vertical" => &["vertical-align"],
        [b't', b'o', b'p', ..] => &["top"],
        _ if rest[0].is_ascii() => return,
        // A non-ASCII byte may be white space that `trim` removes.
        _ => return declaration_bytes(piece, a),
    };
    for name in names {
        let Some(head) = rest.get(..name.len()) else {
            continue;
        };
        if !head.eq_ignore_ascii_case(name.as_bytes()) {
            continue;
        }
        match rest[name.len()..].iter().find(|b| !is_space(b)) {
            Some(b':') => return declaration_bytes(piece, a),
            Some(b) if !b.is_ascii() => return declaration_bytes(piece, a),
            _ => {}
        }
    }
}

/// A declaration as input bytes, cut at its first `:` and decoded.
fn declaration_bytes(piece: &[u8], a: &mut Attrs) {
    let Some(colon) = memchr::memchr(b':', piece) else {
        return;
    };
    // Valid text cut at an ASCII byte is two valid texts.
    match std::str::from_utf8(piece) {
        Ok(p) => declaration(&p[..colon], &p[colon + 1..], a),
        Err(_) => declaration(&lossy(&piece[..colon]), &lossy(&piece[colon + 1..]), a),
    }
}

/// The style properties read.
#[derive(Clone, Copy)]
enum Property {
    Display,
    BorderTop,
    BorderBottom,
    /// `padding-left`, `margin-left`, `text-indent`.
    Indent,
    VerticalAlign,
    Top,
}

/// The property a declaration's (trimmed) name is, if it is one read.
fn wanted_property(prop: &[u8]) -> Option<Property> {
    let is = |name: &str| prop.eq_ignore_ascii_case(name.as_bytes());
    Some(if is("display") {
        Property::Display
    } else if is("border-top") || is("border-top-style") {
        Property::BorderTop
    } else if is("border-bottom") || is("border-bottom-style") {
        Property::BorderBottom
    } else if is("padding-left") || is("margin-left") || is("text-indent") {
        Property::Indent
    } else if is("vertical-align") {
        Property::VerticalAlign
    } else if is("top") {
        Property::Top
    } else {
        return None;
    })
}
/// One CSS declaration of a `style` attribute, read into `a`.
fn declaration(prop: &str, value: &str, a: &mut Attrs) {
    // Most declarations are fonts, heights, widths and colours: a property
    // whose first letter no wanted one has is turned down before trimming
    // and comparing. (Only a leading ASCII byte is judged: a non-ASCII one
    // may be white space that `trim` removes.)
    let first = prop
        .bytes()
        .find(|b| !matches!(b, b'\t'..=b'\r' | b' '))
        .map(|b| b.to_ascii_lowercase());
    if first.is_some_and(|b| b.is_ascii() && !matches!(b, b'd' | b'b' | b'p' | b'm' | b't' | b'v'))
    {
        return;
    }
    let Some(property) = wanted_property(prop.trim().as_bytes()) else {
        return;
    };
    // Values are compared ignoring ASCII case, as if lower-cased.
    let value = value.trim();
    match property {
        Property::Display => {
            a.hidden |= value
                .as_bytes()
                .get(..4)
                .is_some_and(|v| v.eq_ignore_ascii_case(b"none"));
        }
        Property::BorderTop => a.border_top |= visible_border(value),
        Property::BorderBottom => a.border_bottom |= visible_border(value),
        Property::Indent => a.indent = a.indent.saturating_add(length_tenths_pt(value)),
        Property::VerticalAlign => {
            a.superscript |= value
                .as_bytes()
                .get(..5)
                .is_some_and(|v| v.eq_ignore_ascii_case(b"super"));
        }
        Property::Top => a.superscript |= length_tenths_pt(value) < 0,
    }
}

/// Whether a border's value draws a line: it names a line style, and
/// neither `none` nor `hidden`, in any ASCII case, anywhere in it. One pass
/// over the value: each keyword is compared only where its first letter
/// stands.
fn visible_border(v: &str) -> bool {
    let v = v.as_bytes();
    let at = |i: usize, word: &str| {
        v.get(i..i + word.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(word.as_bytes()))
    };
    let mut line = false;
    for (i, b) in v.iter().enumerate() {
        match b.to_ascii_lowercase() {
            b'n' if at(i, "none") => return false,
            b'h' if at(i, "hidden") => return false,
            b's' => line |= at(i, "solid"),
            b'd' => line |= at(i, "double") || at(i, "dashed") || at(i, "dotted"),
            b'g' => line |= at(i, "groove"),
            b'r' => line |= at(i, "ridge"),
            b'i' => line |= at(i, "inset"),
            b'o' => line |= at(i, "outset"),
            _ => {}
        }
    }
    line
}

/// A CSS length in tenths of a point (0 when not understood); the unit in
/// any ASCII case.
fn length_tenths_pt(v: &str) -> i32 {
    let v = v.split_whitespace().next().unwrap_or("");
    let num_end = v
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
        .unwrap_or(v.len());
    let (num, unit) = v.split_at(num_end);
    // Tenths of the number, without floats: "12.5" → 125.
    let (int, frac) = num.split_once('.').unwrap_or((num, ""));
    let neg = int.starts_with('-');
    let int: i32 = int.trim_start_matches('-').parse().unwrap_or(0);
    let tenth: i32 = frac
        .chars()
        .next()
        .and_then(|c| c.to_digit(10))
        .unwrap_or(0) as i32;
    let n = int.saturating_mul(10).saturating_add(tenth);
    let n = if neg { -n } else { n };
    let is = |u: &str| unit.eq_ignore_ascii_case(u);
    let tenths_pt = if is("pt") {
        n
    } else if is("px") {
        n * 3 / 4
    } else if is("in") {
        n.saturating_mul(72)
    } else if is("em") || is("rem") {
        n.saturating_mul(10)
    } else if is("cm") {
        n.saturating_mul(28)
    } else if is("mm") {
        n.saturating_mul(28) / 10
    } else {
        0
    };
    tenths_pt.clamp(-10_000, 10_000)
}

/// What a tag name says, worked out once per name.
#[derive(Clone, Copy)]
struct NameInfo {
    tag: u16,
    void: bool,
    cell: bool,
    sup: bool,
}

/// Turns the tokenizer's tokens into events, handed on as they come: the
/// builder reads them in one pass, so no list of a document's events is
/// kept.
struct EvSink<'a, E: Events> {
    bytes: &'a [u8],
    ids: TagIds,
    /// Per name key of the tokenizer.
    names: Vec<Option<NameInfo>>,
    styles: Styles<'a>,
    /// Text read but not yet handed on: the tokenizer gives one text node
    /// in pieces, and it is handed on whole so a character is never cut.
    text: Option<(usize, usize)>,
    out: E,
}

impl<'a, E: Events> EvSink<'a, E> {
    fn new(bytes: &'a [u8], out: E) -> EvSink<'a, E> {
        EvSink {
            bytes,
            ids: TagIds::new(),
            names: Vec::new(),
            styles: Styles::default(),
            text: None,
            out,
        }
    }

    fn flush_text(&mut self) {
        if let Some((start, end)) = self.text.take() {
            self.out.event(Ev::Text { start, end });
        }
    }

    /// The events' destination, once the input is read.
    fn finish(mut self) -> E {
        self.flush_text();
        self.out
    }
}

impl<E: Events> tokenizer::Sink for EvSink<'_, E> {
    fn text(&mut self, start: usize, end: usize) {
        if start >= end {
            return;
        }
        match &mut self.text {
            Some((_, e)) if *e == start => *e = end,
            _ => {
                self.flush_text();
                self.text = Some((start, end));
            }
        }
    }

    fn start(&mut self, t: &tokenizer::StartTag<'_>) -> Option<u16> {
        self.flush_text();
        let info = match self.names.get(t.key).copied().flatten() {
            Some(info) => info,
            None => {
                // Names are compared lower-cased, invalid UTF-8 replaced.
                let name = String::from_utf8_lossy(t.name).to_ascii_lowercase();
                let info = NameInfo {
                    tag: self.ids.id(&name),
                    void: is_void(&name),
                    cell: name == "td" || name == "th",
                    sup: name == "sup",
                };
                if self.names.len() <= t.key {
                    self.names.resize(t.key + 1, None);
                }
                self.names[t.key] = Some(info);
                info
            }
        };
        let mut attrs = read_attrs(t.attrs, self.bytes, info.cell, &mut self.styles);
        attrs.superscript |= info.sup;
        // Where an inline element (`font`, `span`, `b`, inline XBRL tags)
        // ends says nothing to the reader unless it hides its content: it
        // is read as if it had no end.
        let void = info.void
            || t.self_closing
            || !t.can_have_content
            || (info.tag >= END_HIDDEN && !attrs.hidden);
        self.out.event(Ev::Start {
            tag: info.tag,
            attrs,
            at: t.at,
            void,
        });
        (!void).then_some(info.tag)
    }

    fn end(&mut self, tag: u16, at: usize) {
        self.flush_text();
        self.out.event(Ev::End { tag, at });
    }
}

/// Start, end and text events with byte offsets, from the tokenizer in
/// [`tokenizer`].
#[cfg(test)]
fn tokenize(bytes: &[u8]) -> Vec<Ev> {
    let mut sink = EvSink::new(bytes, Vec::new());
    tokenizer::tokenize(bytes, &mut sink);
    sink.finish()
}

/// A text layer being built, with HTML white-space collapsing.
#[derive(Debug, Default)]
struct Acc {
    map: TextMap,
    /// The last thing pushed was a space (or nothing yet).
    space: bool,
}

impl Acc {
    fn push(&mut self, s: &str, file_start: usize, file_len: usize, is_space: bool) {
        if is_space {
            if !self.space && !self.map.is_empty() {
                self.map.push_replaced(" ", file_start, file_len);
            }
            self.space = true;
        } else {
            self.map.push_replaced(s, file_start, file_len);
            self.space = false;
        }
    }

    /// The text without leading and trailing spaces, with its map. Text
    /// never starts with a space pushed here, so the map is most often
    /// only cut at its end, not copied.
    fn into_trimmed(self) -> TextMap {
        let t = self.map.text();
        let s = t.len() - t.trim_start().len();
        let e = t.trim_end().len();
        if s == 0 {
            let mut map = self.map;
            map.truncate(e);
            map
        } else {
            self.map.slice(s, e.max(s))
        }
    }
}

/// One piece of decoded text: the string, its file bytes, whether it is
/// white space, whether it was a no-break space.
type Piece<'a> = (&'a str, usize, usize, bool, bool);

/// Decodes `bytes[start..end]` (text between tags) into pieces.
fn decode(bytes: &[u8], start: usize, end: usize, mut out: impl FnMut(Piece)) {
    let mut buf = [0u8; 4];
    // Text is most often valid UTF-8 throughout: checked once, its ASCII
    // runs are then cut from it without checking each again.
    let valid = std::str::from_utf8(&bytes[start..end]).ok();
    let mut i = start;
    while i < end {
        let b = bytes[i];
        if matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0c) {
            let mut j = i;
            while j < end && matches!(bytes[j], b' ' | b'\t' | b'\n' | b'\r' | 0x0c) {
                j += 1;
            }
            out((" ", i, j - i, true, false));
            i = j;
        } else if b == b'&' {
            match entity(&bytes[i..end]) {
                Some((c, len)) => {
                    if is_space_char(c) {
                        out((" ", i, len, true, c != ' '));
                    } else {
                        let s = c.encode_utf8(&mut buf);
                        out((s, i, len, false, false));
                    }
                    i += len;
                }
                None => {
                    out(("&", i, 1, false, false));
                    i += 1;
                }
            }
        } else if b < 0x80 {
            let mut j = i;
            while j < end
                && bytes[j] < 0x80
                && !matches!(bytes[j], b' ' | b'\t' | b'\n' | b'\r' | 0x0c | b'&')
            {
                j += 1;
            }
            // ASCII is valid UTF-8.
            let s = match valid {
                Some(v) => v.get(i - start..j - start).unwrap_or(""),
                None => std::str::from_utf8(&bytes[i..j]).unwrap_or(""),
            };
            out((s, i, j - i, false, false));
            i = j;
        } else {
            let want = match b {
                0xc2..=0xdf => 2,
                0xe0..=0xef => 3,
                0xf0..=0xf4 => 4,
                _ => 0,
            };
            let ch = if want > 0 && i + want <= end {
                std::str::from_utf8(&bytes[i..i + want])
                    .ok()
                    .and_then(|s| s.chars().next())
            } else {
                None
            };
            match ch {
                Some(c) => {
                    if is_space_char(c) {
                        out((" ", i, want, true, true));
                    } else {
                        let s = c.encode_utf8(&mut buf);
                        out((s, i, want, false, false));
                    }
                    i += want;
                }
                None => {
                    let one = [b];
                    let (cow, _, _) = encoding_rs::WINDOWS_1252.decode(&one);
                    let c = cow.chars().next().unwrap_or('\u{fffd}');
                    if is_space_char(c) {
                        out((" ", i, 1, true, true));
                    } else {
                        let s = c.encode_utf8(&mut buf);
                        out((s, i, 1, false, false));
                    }
                    i += 1;
                }
            }
        }
    }
}

fn is_space_char(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '\n'
            | '\r'
            | '\u{a0}'
            | '\u{2002}'
            | '\u{2003}'
            | '\u{2007}'
            | '\u{2009}'
            | '\u{200b}'
            | '\u{202f}'
            | '\u{feff}'
    )
}

/// The text a reader sees in a slice of HTML source: tags dropped,
/// entities decoded, white space (no-break spaces too) collapsed. For
/// showing a figure's bytes ("38.7</font>…<font>%" is "38.7 %").
pub(crate) fn visible_text(raw: &str) -> String {
    let bytes = raw.as_bytes();
    let mut text = Acc::default();
    let mut i = 0;
    while i < bytes.len() {
        // The text up to the next tag, decoded and its white space
        // collapsed as the reader's own; a "<" that opens no tag is text.
        let tag = raw[i..]
            .find('<')
            .map(|k| i + k)
            .and_then(|t| Some((t, t + raw[t..].find('>')? + 1)));
        let (end, next) = tag.unwrap_or((bytes.len(), bytes.len()));
        decode(bytes, i, end, |(s, at, len, space, _)| {
            text.push(s, at, len, space)
        });
        i = next;
    }
    text.into_trimmed().text().to_string()
}

/// An entity at the start of `s` (which starts with `&`): the character and
/// the entity's length in bytes.
fn entity(s: &[u8]) -> Option<(char, usize)> {
    let s = &s[..s.len().min(40)];
    if s.get(1) == Some(&b'#') {
        let (hex, from) = match s.get(2) {
            Some(b'x' | b'X') => (true, 3),
            _ => (false, 2),
        };
        let mut j = from;
        while j < s.len()
            && (if hex {
                s[j].is_ascii_hexdigit()
            } else {
                s[j].is_ascii_digit()
            })
        {
            j += 1;
        }
        if j == from || j - from > 7 {
            return None;
        }
        let digits = std::str::from_utf8(&s[from..j]).ok()?;
        let n = u32::from_str_radix(digits, if hex { 16 } else { 10 }).ok()?;
        let len = if s.get(j) == Some(&b';') { j + 1 } else { j };
        let c = match n {
            // HTML maps C1 controls to their Windows-1252 characters.
            0x80..=0x9f => {
                let one = [n as u8];
                let (cow, _, _) = encoding_rs::WINDOWS_1252.decode(&one);
                cow.chars().next().unwrap_or('\u{fffd}')
            }
            0 => '\u{fffd}',
            _ => char::from_u32(n).unwrap_or('\u{fffd}'),
        };
        return Some((c, len));
    }
    let mut j = 1;
    while j < s.len() && s[j].is_ascii_alphanumeric() && j < 12 {
        j += 1;
    }
    let name = std::str::from_utf8(&s[1..j]).ok()?;
    let semi = s.get(j) == Some(&b';');
    let c = named_entity(name)?;
    if !semi && !matches!(name, "nbsp" | "amp" | "lt" | "gt" | "quot" | "copy" | "reg") {
        return None;
    }
    Some((c, if semi { j + 1 } else { j }))
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "nbsp" | "NBSP" => '\u{a0}',
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "mdash" => '—',
        "ndash" => '–',
        "minus" => '−',
        "hyphen" | "dash" => '-',
        "rsquo" => '’',
        "lsquo" => '‘',
        "rdquo" => '”',
        "ldquo" => '“',
        "sbquo" => '‚',
        "bdquo" => '„',
        "hellip" => '…',
        "bull" => '•',
        "middot" => '·',
        "copy" | "COPY" => '©',
        "reg" | "REG" => '®',
        "trade" => '™',
        "dollar" => '$',
        "cent" => '¢',
        "pound" => '£',
        "euro" => '€',
        "yen" => '¥',
        "percnt" => '%',
        "sect" => '§',
        "para" => '¶',
        "deg" => '°',
        "plusmn" => '±',
        "times" => '×',
        "divide" => '÷',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "sup1" => '¹',
        "sup2" => '²',
        "sup3" => '³',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" => '\u{2009}',
        "zwsp" => '\u{200b}',
        "dagger" => '†',
        "Dagger" => '‡',
        "lpar" => '(',
        "rpar" => ')',
        "comma" => ',',
        "period" => '.',
        "colon" => ':',
        "semi" => ';',
        "sol" => '/',
        "num" => '#',
        "ast" => '*',
        "eacute" => 'é',
        "Eacute" => 'É',
        "egrave" => 'è',
        "agrave" => 'à',
        "aacute" => 'á',
        "ccedil" => 'ç',
        "ouml" => 'ö',
        "uuml" => 'ü',
        "auml" => 'ä',
        "ntilde" => 'ñ',
        "oacute" => 'ó',
        "iacute" => 'í',
        "uacute" => 'ú',
        "szlig" => 'ß',
        "laquo" => '«',
        "raquo" => '»',
        "iexcl" => '¡',
        "iquest" => '¿',
        "shy" => '\u{ad}',
        _ => return None,
    })
}

#[derive(Debug, Default)]
struct CellB {
    text: Acc,
    colspan: usize,
    rowspan: usize,
    /// The grid column it starts at, once the grid is laid out.
    grid: usize,
    top: bool,
    bottom: bool,
    indent: i32,
    lead_nbsp: usize,
    hidden: bool,
}

#[derive(Debug, Default)]
struct RowB {
    cells: Vec<CellB>,
    top: bool,
    bottom: bool,
    hidden: bool,
}

#[derive(Debug)]
struct TableB {
    start: usize,
    rows: Vec<RowB>,
    row: Option<RowB>,
    cell: Option<CellB>,
    /// Number of narrative blocks emitted when the table started.
    blocks_before: usize,
}

#[derive(Debug, Clone, Copy)]
struct Open {
    tag: u16,
    hides: bool,
}

struct Builder<'a> {
    bytes: &'a [u8],
    stack: Vec<Open>,
    /// For each tag id, the stack indices where it is open.
    open_at: Vec<Vec<usize>>,
    /// Stack indices of open cells and tables (end tags do not cross them).
    boundaries: Vec<usize>,
    hidden: usize,
    tables: Vec<TableB>,
    block: Acc,
    blocks: Vec<Block>,
    /// Finished tables with the blocks index at their start.
    done: Vec<(Table, usize)>,
    /// The last event was the start of a superscript: the text right
    /// after it may be a footnote marker.
    after_superscript: bool,
}

impl<'a> Builder<'a> {
    fn new(bytes: &'a [u8]) -> Builder<'a> {
        Builder {
            bytes,
            stack: Vec::new(),
            open_at: Vec::new(),
            boundaries: Vec::new(),
            hidden: 0,
            tables: Vec::new(),
            block: Acc::default(),
            blocks: Vec::new(),
            done: Vec::new(),
            after_superscript: false,
        }
    }

    fn flush_block(&mut self) {
        // Most block edges close an empty block: there is nothing to take.
        if self.block.map.is_empty() {
            self.block.space = false;
            return;
        }
        let tm = std::mem::take(&mut self.block).into_trimmed();
        if tm.text().chars().any(|c| c.is_alphanumeric()) {
            let span = tm.span(0, tm.len());
            self.blocks.push(Block { text: tm, span });
        }
    }

    /// A separator (a line break, a block edge) inside a cell.
    fn cell_space(&mut self, at: usize) {
        if let Some(c) = self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
            c.text.push(" ", at, 0, true);
        }
    }

    fn push(&mut self, tag: u16, hides: bool) {
        let idx = self.stack.len();
        self.stack.push(Open { tag, hides });
        let t = tag as usize;
        if self.open_at.len() <= t {
            self.open_at.resize_with(t + 1, Vec::new);
        }
        self.open_at[t].push(idx);
        if matches!(tag, T_TD | T_TH | T_TABLE) {
            self.boundaries.push(idx);
        }
        if hides {
            self.hidden += 1;
        }
    }

    /// Pops the stack down to `len` elements, closing what each popped
    /// element opened.
    fn pop_to(&mut self, len: usize, at: usize) {
        while self.stack.len() > len {
            let Some(o) = self.stack.pop() else { break };
            let idx = self.stack.len();
            if let Some(v) = self.open_at.get_mut(o.tag as usize) {
                v.pop();
            }
            if self.boundaries.last() == Some(&idx) {
                self.boundaries.pop();
            }
            if o.hides {
                self.hidden = self.hidden.saturating_sub(1);
            }
            self.close(o.tag, at);
        }
    }

    fn close(&mut self, tag: u16, at: usize) {
        match tag {
            T_TD | T_TH => {
                self.flush_block();
                if let Some(t) = self.tables.last_mut() {
                    finish_cell(t);
                }
            }
            T_TR => {
                self.flush_block();
                if let Some(t) = self.tables.last_mut() {
                    finish_row(t);
                }
            }
            T_TABLE => {
                self.flush_block();
                if let Some(mut t) = self.tables.pop() {
                    finish_row(&mut t);
                    let before = t.blocks_before;
                    if let Some(table) = build_table(t, at, &self.blocks, &self.done) {
                        self.done.push((table, before));
                    }
                }
            }
            FIRST_BLOCK..FIRST_HIDDEN => {
                self.flush_block();
                self.cell_space(at);
            }
            _ => {}
        }
    }

    /// The innermost open table's stack index.
    fn table_index(&self) -> Option<usize> {
        self.open_at
            .get(T_TABLE as usize)
            .and_then(|v| v.last().copied())
    }

    /// The innermost open element of `tag` within the current table.
    fn open_in_table(&self, tag: u16) -> Option<usize> {
        let idx = *self.open_at.get(tag as usize)?.last()?;
        match self.table_index() {
            Some(t) if idx < t => None,
            _ => Some(idx),
        }
    }

    fn start(&mut self, tag: u16, attrs: Attrs, at: usize, void: bool) {
        self.after_superscript = attrs.superscript;
        let in_table = !self.tables.is_empty();
        match tag {
            T_TABLE => {
                self.flush_block();
                self.tables.push(TableB {
                    start: at,
                    rows: Vec::new(),
                    row: None,
                    cell: None,
                    blocks_before: self.blocks.len(),
                });
            }
            T_TR if in_table => {
                // Close the open row and its cells.
                let keep = [T_TBODY, T_THEAD, T_TFOOT, T_TABLE]
                    .iter()
                    .filter_map(|&t| self.open_in_table(t))
                    .max()
                    .map(|i| i + 1);
                if let Some(k) = keep {
                    self.pop_to(k, at);
                }
                self.flush_block();
                if let Some(t) = self.tables.last_mut() {
                    finish_row(t);
                    t.row = Some(RowB {
                        top: attrs.border_top,
                        bottom: attrs.border_bottom,
                        hidden: attrs.hidden || self.hidden > 0,
                        ..RowB::default()
                    });
                }
            }
            T_TD | T_TH if in_table => {
                let keep = [T_TR, T_TBODY, T_THEAD, T_TFOOT, T_TABLE]
                    .iter()
                    .filter_map(|&t| self.open_in_table(t))
                    .max()
                    .map(|i| i + 1);
                if let Some(k) = keep {
                    self.pop_to(k, at);
                }
                self.flush_block();
                let hidden = attrs.hidden || self.hidden > 0;
                if let Some(t) = self.tables.last_mut() {
                    finish_cell(t);
                    if t.row.is_none() {
                        t.row = Some(RowB::default());
                    }
                    t.cell = Some(CellB {
                        colspan: attrs.colspan.max(1) as usize,
                        rowspan: attrs.rowspan.max(1) as usize,
                        top: attrs.border_top,
                        bottom: attrs.border_bottom,
                        indent: attrs.indent,
                        hidden,
                        ..CellB::default()
                    });
                }
            }
            T_THEAD | T_TBODY | T_TFOOT if in_table => {
                if let Some(k) = self.table_index() {
                    self.pop_to(k + 1, at);
                }
            }
            T_BR => {
                self.flush_block();
                self.cell_space(at);
            }
            FIRST_BLOCK..FIRST_HIDDEN => {
                self.flush_block();
                if let Some(c) = self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
                    c.text.push(" ", at, 0, true);
                    if c.text.map.is_empty() {
                        c.indent = c.indent.saturating_add(attrs.indent);
                    }
                }
            }
            _ => {}
        }
        if !void {
            let hides = attrs.hidden || (FIRST_HIDDEN..END_HIDDEN).contains(&tag);
            self.push(tag, hides);
        }
    }

    fn end(&mut self, tag: u16, at: usize) {
        self.after_superscript = false;
        let Some(&idx) = self.open_at.get(tag as usize).and_then(|v| v.last()) else {
            return;
        };
        let limit = match tag {
            T_TABLE => None,
            T_TD | T_TH | T_TR | T_THEAD | T_TBODY | T_TFOOT => self.table_index(),
            _ => self.boundaries.last().copied(),
        };
        if let Some(l) = limit {
            if idx < l {
                return;
            }
        }
        self.pop_to(idx, at);
    }

    fn text(&mut self, start: usize, end: usize) {
        if self.hidden > 0 {
            return;
        }
        let bytes = self.bytes;
        let end = end.min(bytes.len());
        let start = start.min(end);
        let cell = self.tables.last_mut().and_then(|t| t.cell.as_mut());
        let block = &mut self.block;
        // A footnote marker set above the line ("Free cash flow<sup>14</sup>
        // in Q3") is no part of the prose: read as a space, it would not
        // glue to the word before it ("flow14") and hide the measure's
        // name. Cells keep it: their labels are cleaned of markers.
        if std::mem::take(&mut self.after_superscript) && footnote_marker(&bytes[start..end]) {
            if let Some(c) = cell {
                decode(bytes, start, end, |(s, fs, fl, sp, _)| {
                    c.text.push(s, fs, fl, sp);
                });
            }
            block.push(" ", start, end - start, true);
            return;
        }
        match cell {
            Some(c) => decode(bytes, start, end, |(s, fs, fl, sp, nbsp)| {
                if sp && c.text.map.is_empty() && nbsp {
                    c.lead_nbsp += 1;
                }
                c.text.push(s, fs, fl, sp);
                block.push(s, fs, fl, sp);
            }),
            None => decode(bytes, start, end, |(s, fs, fl, sp, _)| {
                block.push(s, fs, fl, sp);
            }),
        }
    }

    fn finish(mut self, end: usize) -> (Vec<Table>, Vec<Block>) {
        self.pop_to(0, end);
        // Tables left open at the end of input.
        while !self.tables.is_empty() {
            self.close(T_TABLE, end);
        }
        self.flush_block();
        let mut done = self.done;
        done.sort_by_key(|(t, _)| t.span.start);
        let tables: Vec<Table> = done.into_iter().map(|(t, _)| t).collect();
        // Prose: blocks outside financial tables.
        let spans: Vec<Span> = tables.iter().map(|t| t.span).collect();
        let blocks = self
            .blocks
            .into_iter()
            .filter(|b| {
                let i = spans.partition_point(|s| s.start <= b.span.start);
                !(i > 0 && spans[..i].iter().rev().take(4).any(|s| b.span.end <= s.end))
            })
            .collect();
        (tables, blocks)
    }
}

fn finish_cell(t: &mut TableB) {
    if let Some(c) = t.cell.take() {
        if c.hidden {
            return;
        }
        t.row.get_or_insert_with(RowB::default).cells.push(c);
    }
}

fn finish_row(t: &mut TableB) {
    finish_cell(t);
    if let Some(r) = t.row.take() {
        if !r.hidden {
            t.rows.push(r);
        }
    }
}

/// Parses an HTML document into its financial tables and prose blocks.
pub fn parse(bytes: &[u8]) -> (Vec<Table>, Vec<Block>) {
    let mut sink = EvSink::new(bytes, Builder::new(bytes));
    tokenizer::tokenize(bytes, &mut sink);
    sink.finish().finish(bytes.len())
}

impl Events for Builder<'_> {
    fn event(&mut self, ev: Ev) {
        crate::budget::spend(1);
        match ev {
            Ev::Start {
                tag,
                attrs,
                at,
                void,
            } => self.start(tag, attrs, at, void),
            Ev::End { tag, at } => self.end(tag, at),
            Ev::Text { start, end } => self.text(start, end),
        }
    }
}

// ---------------------------------------------------------------------
// From a grid of cells to a table.

static FIGURE_MARKERS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\s*(\([a-z]\)|\(\d{1,2}\)|\*+|[¹²³⁴⁵⁶⁷⁸⁹⁰†‡]+|\[\d+\]))+\s*$").expect("re")
});

static UNAUDITED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s(\[]*(unaudited|in\s+millions|in\s+thousands)[\s)\]]*$").expect("re")
});

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Empty,
    /// `$`, `(`, `$(`: the front of a figure in the next cell.
    Prefix,
    /// `)`, `%`, `)%`: the end of a figure in the previous cell.
    Suffix,
    /// A figure (or the numeric part of one).
    Num,
    /// A rule drawn with characters (`____`, `-----`, `=====`).
    Rule,
    /// An outlook's range in one cell: `$12.5-13.5 billion`.
    Range,
    Text,
}

#[derive(Debug)]
struct PCell {
    /// Grid columns `start..end`.
    start: usize,
    end: usize,
    text: TextMap,
    kind: Kind,
    top: bool,
    bottom: bool,
    indent: i32,
    lead_nbsp: usize,
    /// The cell's text lexed as one figure, when it is one (kept for the
    /// figure read from the cell alone).
    lexed: Option<(TokenKind, usize, usize)>,
}

/// The kind of a cell's text, and the text lexed as one figure when it is
/// one. `t` is trimmed, so offsets are in `t` as given.
fn classify(t: &str) -> (Kind, Option<(TokenKind, usize, usize)>) {
    let kind = |k| (k, None);
    let t = t.trim();
    if t.is_empty() {
        return kind(Kind::Empty);
    }
    if t.chars()
        .all(|c| matches!(c, '$' | '€' | '£' | '¥' | '(' | ' '))
        || t == "US$"
        || t == "(US$"
    {
        return kind(Kind::Prefix);
    }
    if t.chars().all(|c| matches!(c, ')' | '%' | ' ')) {
        return kind(Kind::Suffix);
    }
    if t.chars().count() >= 3 && t.chars().all(|c| matches!(c, '_' | '-' | '=' | '—' | ' ')) {
        return kind(Kind::Rule);
    }
    if let Some(lexed) = lex_one(t) {
        return (Kind::Num, Some(lexed));
    }
    if RANGE_CELL.is_match(t) {
        return kind(Kind::Range);
    }
    if open_parenthesis(t).is_some() {
        return kind(Kind::Num);
    }
    kind(Kind::Text)
}

/// An outlook's range in one cell: `$12.5-13.5 billion`, `$8.0 - $11.0`,
/// a footnote mark after it (`^`, `*`). A currency sign or a scale word
/// is required: `2023-2024` is a span of years, not a range of amounts.
static RANGE_CELL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?P<cur>\$)?\s*(?P<low>\d[\d,]*(?:\.\d+)?)\s*[-–—]\s*(?P<cur2>\$)?\s*(?P<high>\d[\d,]*(?:\.\d+)?)\s*(?P<scale>billion|million|thousand)?\s*[\^*†]?$")
        .expect("re")
});

/// The cell a range's text makes, its ends' spans read through `map`.
fn range_cell(t: &str, map: &TextMap) -> Option<Cell> {
    let c = RANGE_CELL.captures(t)?;
    if c.name("cur").is_none() && c.name("scale").is_none() {
        return None;
    }
    let scale = match c.name("scale").map(|m| m.as_str().to_ascii_lowercase()) {
        Some(w) if w == "billion" => Decimal::new(1_000_000_000, 0),
        Some(w) if w == "million" => Decimal::new(1_000_000, 0),
        Some(_) => Decimal::new(1_000, 0),
        None => Decimal::ONE,
    };
    // Each end is read as the cell's own figure would be.
    let end = |name: &str| -> Option<Figure> {
        let m = c.name(name)?;
        let TokenKind::Number {
            value, decimals, ..
        } = lex_single(m.as_str())?.kind
        else {
            return None;
        };
        Some(Figure {
            value,
            decimals,
            unit: Unit::Amount,
            currency: c.name("cur").map(|_| '$'),
            span: map.span(m.start(), m.end()),
            dash: false,
        })
    };
    let (low, high) = (end("low")?, end("high")?);
    if low.value > high.value {
        return None;
    }
    Some(Cell::Range {
        low,
        high,
        scale,
        span: map.span(0, t.len()),
    })
}

/// A negative figure whose closing parenthesis is in the next cell:
/// `(1,234` lexed as if closed, its end kept inside the text.
fn open_parenthesis(t: &str) -> Option<(TokenKind, usize, usize)> {
    let t = t.trim_end();
    if !t.trim_start_matches(['$', ' ']).starts_with('(') || t.contains(')') {
        return None;
    }
    let (kind, s, e) = lex_one(&format!("{t})"))?;
    Some((kind, s, e.min(t.len())))
}

/// A footnote marker's text: "14", "(3)", "1,2", "(a)", "*", "†".
fn footnote_marker(raw: &[u8]) -> bool {
    let Ok(t) = std::str::from_utf8(raw) else {
        return false;
    };
    let t = t.trim();
    let inner = t
        .strip_prefix(['(', '['])
        .and_then(|x| x.strip_suffix([')', ']']))
        .unwrap_or(t);
    if inner.is_empty() || inner.len() > 8 {
        return false;
    }
    let numbers = inner.split(',').all(|p| {
        let p = p.trim();
        (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
    });
    numbers
        || (inner.len() == 1 && inner.bytes().all(|b| b.is_ascii_lowercase()))
        || inner.bytes().all(|b| b == b'*')
        || inner.chars().all(|c| matches!(c, '†' | '‡' | '§'))
}

/// Lexes a cell's text as exactly one figure, footnote markers after it
/// ignored. Returns the token's kind and text offsets.
fn lex_one(t: &str) -> Option<(TokenKind, usize, usize)> {
    let one = |s: &str| -> Option<(TokenKind, usize, usize)> {
        let tok = lex_single(s)?;
        Some((tok.kind, tok.start, tok.end))
    };
    if let Some(r) = one(t) {
        return Some(r);
    }
    // Text whose first word starts with a letter is no figure, nor is any
    // beginning of it: no need to look for footnote markers after it.
    if starts_with_a_word(t) {
        return None;
    }
    let m = FIGURE_MARKERS.find(t)?;
    if m.start() == 0 {
        return None;
    }
    one(&t[..m.start()])
}

/// The first character that is not white space or `|` is a letter that
/// starts no figure (as `lex_figures` turns such text down).
fn starts_with_a_word(t: &str) -> bool {
    t.chars()
        .find(|c| !(c.is_whitespace() || *c == '|'))
        .is_some_and(|c| c.is_alphabetic() && !matches!(c, 'n' | 'N' | 'U'))
}

/// One figure placed in a row: its grid position and the cell it makes.
#[derive(Debug)]
struct Placed {
    pos: usize,
    cell: Cell,
    year: bool,
}

#[derive(Debug, Default)]
struct PRow {
    cells: Vec<PCell>,
    label: Option<usize>,
    figures: Vec<Placed>,
    top: bool,
    bottom: bool,
}

impl PRow {
    fn nonempty(&self) -> impl Iterator<Item = &PCell> {
        self.cells.iter().filter(|c| c.kind != Kind::Empty)
    }

    fn is_empty(&self) -> bool {
        self.nonempty().next().is_none()
    }

    fn is_rule(&self) -> bool {
        let mut any = false;
        for c in self.nonempty() {
            if c.kind != Kind::Rule {
                return false;
            }
            any = true;
        }
        any
    }

    fn label_text(&self) -> String {
        self.label
            .map(|i| self.cells[i].text.text().to_string())
            .unwrap_or_default()
    }

    /// Years only, no other figures: a column heading row.
    fn is_year_row(&self) -> bool {
        !self.figures.is_empty() && self.figures.iter().all(|f| f.year) && {
            let l = self.label_text();
            l.len() < 60 && !l.trim_end().ends_with(':')
        }
    }

    fn is_data(&self) -> bool {
        !self.figures.is_empty() && !self.is_year_row()
    }

    /// Cells right of the label holding text (column headings).
    fn heading_cells(&self) -> impl Iterator<Item = &PCell> {
        self.cells
            .iter()
            .enumerate()
            .filter(move |(i, c)| Some(*i) != self.label && c.kind != Kind::Empty)
            .map(|(_, c)| c)
    }
}

/// Reads the cells of a row: each cell's text, trimmed, and its kind. The
/// label and the figures are placed later ([`row_label`],
/// [`place_figures`]), once the table's layout is known: a cell's kind does
/// not depend on it, so the cells are read and lexed once.
fn read_cells(row: RowB) -> PRow {
    let mut cells = Vec::with_capacity(row.cells.len());
    for c in row.cells {
        let text = c.text.into_trimmed();
        let (kind, lexed) = classify(text.text());
        let span = c.colspan.max(1);
        cells.push(PCell {
            start: c.grid,
            end: c.grid + span,
            kind,
            lexed,
            text,
            top: c.top,
            bottom: c.bottom,
            indent: c.indent,
            lead_nbsp: c.lead_nbsp,
        });
    }
    PRow {
        top: row.top || cells.iter().any(|c| c.top),
        bottom: row.bottom || cells.iter().any(|c| c.bottom),
        cells,
        ..PRow::default()
    }
}

/// Where a table's rows put their labels, once it is known.
#[derive(Clone, Copy)]
struct Layout {
    /// The grid column where labels start.
    label_col: usize,
    /// The grid column where figures right of the labels start.
    data_start: usize,
    /// Figures stand left of the labels too (`2Q25 | 1Q25 | Earnings |
    /// YTD 2025`): a text cell wholly left of the label column heads the
    /// figures under it.
    figures_left: bool,
}

/// The label of a row: the first non-empty cell, if it is text or stands
/// in the label column.
fn row_label(cells: &[PCell], layout: Option<Layout>) -> Option<usize> {
    // Once the table's label column and the grid column where figures
    // start are known, a text cell reaching into the figures (a spanning
    // "Three Months Ended") is a heading, not a label.
    if let Some(i) = middle_label(cells, layout.map(|l| l.label_col)) {
        return Some(i);
    }
    let i = cells.iter().position(|c| c.kind != Kind::Empty)?;
    let c = &cells[i];
    let is_label = match layout {
        None => c.kind == Kind::Text,
        Some(Layout {
            label_col,
            data_start,
            figures_left,
        }) => {
            if figures_left && c.end <= label_col {
                return None;
            }
            c.kind != Kind::Rule && c.start <= label_col
                || c.kind == Kind::Text && c.end <= data_start.max(label_col + 1)
        }
    };
    is_label.then_some(i)
}

/// Reads which figures stand where in a row whose label is placed.
fn place_figures(r: &mut PRow) {
    // Figures: a numeric cell with its prefix and suffix cells.
    let n = r.cells.len();
    // Figures left of a label in the middle are read too.
    let mut i = match r.label {
        Some(l) if r.cells[..l].iter().any(|c| c.kind == Kind::Num) => 0,
        Some(l) => l + 1,
        None => 0,
    };
    while i < n {
        if r.cells[i].kind == Kind::Range {
            let c = &r.cells[i];
            if let Some(cell) = range_cell(c.text.text(), &c.text) {
                r.figures.push(Placed {
                    pos: c.end - 1,
                    cell,
                    year: false,
                });
            }
            i += 1;
            continue;
        }
        if r.cells[i].kind != Kind::Num {
            i += 1;
            continue;
        }
        // Prefix cells right before (spacers between allowed).
        let mut p = i;
        let mut first_prefix = None;
        while p > 0 {
            let k = &r.cells[p - 1].kind;
            if *k == Kind::Prefix {
                first_prefix = Some(p - 1);
                p -= 1;
            } else if *k == Kind::Empty && p >= 2 && r.cells[p - 2].kind == Kind::Prefix {
                p -= 1;
            } else {
                break;
            }
            if r.label.is_some_and(|l| p <= l + 1) {
                break;
            }
        }
        // Suffix cells right after.
        let mut suffixes = Vec::new();
        let mut j = i + 1;
        loop {
            // A spacer cell can stand between a figure and its `%`
            // (`59.1` | | `%`), as between `$` and the figure.
            if j + 1 < n && r.cells[j].kind == Kind::Empty && r.cells[j + 1].kind == Kind::Suffix {
                j += 1;
            }
            if j >= n || r.cells[j].kind != Kind::Suffix {
                break;
            }
            suffixes.push(j);
            j += 1;
        }
        let own = &r.cells[i];
        // The cell alone was lexed when it was classified; the maps are
        // joined or cloned only once a figure is read.
        let own_figure = || {
            own.lexed
                .clone()
                .or_else(|| open_parenthesis(own.text.text()))
        };
        let lexed = if first_prefix.is_none() && suffixes.is_empty() {
            own_figure().map(|x| (x, std::borrow::Cow::Borrowed(&own.text)))
        } else {
            let mut text = TextMap::new();
            if let Some(f) = first_prefix {
                for c in &r.cells[f..i] {
                    if c.kind == Kind::Prefix {
                        text.append(&c.text);
                        text.push_replaced(" ", c.text.file_end(c.text.len()), 0);
                    }
                }
            }
            text.append(&own.text);
            for &k in &suffixes {
                text.push_replaced(" ", r.cells[k].text.file_start(0), 0);
                text.append(&r.cells[k].text);
            }
            match lex_one(text.text()) {
                Some(x) => Some((x, std::borrow::Cow::Owned(text))),
                None => own_figure().map(|x| (x, std::borrow::Cow::Borrowed(&own.text))),
            }
        };
        if let Some(((kind, s, e), map)) = lexed {
            let year = match &kind {
                TokenKind::Number {
                    value,
                    decimals: 0,
                    formatted: false,
                    ..
                } => *value >= 1950.into() && *value <= 2050.into(),
                _ => false,
            };
            let span = map.span(s, e);
            r.figures.push(Placed {
                pos: r.cells[i].end - 1,
                cell: cell_of(&kind, span),
                year,
            });
        }
        i = j;
    }
}

/// The label of a row that prints figures on both sides of it: operating
/// statistics put the quarters left of the label and the years to date
/// right of it (`2Q25 | 1Q25 | United States | YTD 2025 | YTD 2024`). The
/// text cell is the label when only figures (and their signs) stand
/// before it, two or more, and a figure follows it; once the table's label
/// column is known, only a text cell in that column.
fn middle_label(cells: &[PCell], label_col: Option<usize>) -> Option<usize> {
    let i = cells.iter().position(|c| c.kind == Kind::Text)?;
    let c = &cells[i];
    if label_col.is_some_and(|l| c.start != l)
        || c.text
            .text()
            .chars()
            .filter(|ch| ch.is_alphabetic())
            .count()
            < 3
    {
        return None;
    }
    let before = &cells[..i];
    let figures_before = before.iter().filter(|c| c.kind == Kind::Num).count();
    let only_figures = before.iter().all(|c| {
        matches!(
            c.kind,
            Kind::Num | Kind::Prefix | Kind::Suffix | Kind::Empty
        )
    });
    let figure_after = cells[i + 1..].iter().any(|c| c.kind == Kind::Num);
    (figures_before >= 2 && only_figures && figure_after).then_some(i)
}

/// Builds a table from the grid, or nothing when it is not a financial
/// table.
fn build_table(t: TableB, end: usize, blocks: &[Block], done: &[(Table, usize)]) -> Option<Table> {
    let TableB {
        start,
        rows: mut raw,
        blocks_before,
        ..
    } = t;
    if raw.len() < 2 {
        return None;
    }
    lay_out_grid(&mut raw);
    // The label column: where rows' first text cells start, most often.
    let mut first_text: FxHashMap<usize, usize> = FxHashMap::default();
    let mut prows: Vec<PRow> = raw.into_iter().map(read_cells).collect();
    for r in &mut prows {
        r.label = row_label(&r.cells, None);
    }
    // Rows of figures vote for the label column; title and heading rows
    // only when no row of figures has a label. A table of two rows that
    // puts its labels between the figures (`(310) | (362) | Earnings |
    // (672)`) would otherwise lose to its title and the heading "2Q24"
    // over its first column.
    let has_figures = |r: &PRow| r.cells.iter().any(|c| c.kind == Kind::Num);
    let voters = if prows
        .iter()
        .any(|r| has_figures(r) && r.label.is_some_and(|l| r.cells[l].kind == Kind::Text))
    {
        prows.iter().filter(|r| has_figures(r)).collect::<Vec<_>>()
    } else {
        prows.iter().collect()
    };
    for r in voters {
        if let Some(l) = r.label {
            if r.cells[l].kind == Kind::Text {
                *first_text.entry(r.cells[l].start).or_default() += 1;
            }
        }
    }
    let label_col = first_text
        .iter()
        .max_by_key(|(k, v)| (**v, std::cmp::Reverse(**k)))
        .map(|(k, _)| *k);
    if let Some(l) = label_col {
        // Where figures start: the first numeric or currency cell right of
        // the label column.
        let data_start = prows
            .iter()
            .flat_map(|r| r.cells.iter())
            .filter(|c| matches!(c.kind, Kind::Num | Kind::Prefix) && c.start > l)
            .map(|c| c.start)
            .min()
            .unwrap_or(l + 1);
        // Two rows or more with figures left of their label in the label
        // column make the layout of operating summaries.
        let figures_left = prows
            .iter()
            .filter(|r| {
                r.label.is_some_and(|i| {
                    r.cells[i].start == l && r.cells[..i].iter().any(|c| c.kind == Kind::Num)
                })
            })
            .count()
            >= 2;
        let layout = Layout {
            label_col: l,
            data_start,
            figures_left,
        };
        for r in &mut prows {
            r.label = row_label(&r.cells, Some(layout));
        }
    }
    for r in &mut prows {
        place_figures(r);
    }
    let data_rows = prows.iter().filter(|r| r.is_data()).count();
    if data_rows < 2 {
        return None;
    }

    // Logical columns: grid positions of figures, adjacent positions that
    // never share a row merged.
    let mut positions: Vec<usize> = prows
        .iter()
        .filter(|r| r.is_data())
        .flat_map(|r| r.figures.iter().map(|f| f.pos))
        .collect();
    positions.sort_unstable();
    positions.dedup();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for p in positions {
        if let Some(g) = groups.last_mut() {
            let last = *g.last().unwrap_or(&p);
            if p == last + 1 {
                let shares = prows.iter().filter(|r| r.is_data()).any(|r| {
                    r.figures.iter().any(|f| f.pos == p)
                        && r.figures.iter().any(|f| g.contains(&f.pos))
                });
                if !shares {
                    g.push(p);
                    continue;
                }
            }
        }
        groups.push(vec![p]);
    }
    let ncols = groups.len();
    if ncols == 0 {
        return None;
    }
    let col_of = |pos: usize| groups.iter().position(|g| g.contains(&pos));

    // Leading rows: title lines, scale note, column headings.
    let first_data = prows.iter().position(|r| r.is_data()).unwrap_or(0);
    let last_heading = prows[..first_data].iter().rposition(|r| {
        r.is_year_row() || r.heading_cells().next().is_some() || {
            let l = r.label_text();
            is_period_heading(&l) && scale_of(&l).is_none()
        }
    });
    let mut title_lines: Vec<String> = Vec::new();
    let mut scale = Scale::Units;
    let mut scale_note: Option<String> = None;
    // Blocks above the table, nearest last, until prose or a row of figures.
    let from = blocks_before.saturating_sub(TITLE_BLOCKS);
    let mut above: Vec<String> = Vec::new();
    for b in blocks[from..blocks_before.min(blocks.len())].iter().rev() {
        let inside_table = done
            .iter()
            .rev()
            .take(4)
            .any(|(t, _)| t.span.start <= b.span.start && b.span.end <= t.span.end);
        let t = b.text.text().trim();
        // Titles are short lines of words; a sentence or a bullet of
        // results is prose, and ends the search.
        let words = t.split_whitespace().count();
        if inside_table || t.chars().count() > 120 || words > 14 || lex_figures(t).is_some() {
            break;
        }
        if t.ends_with('.') && words >= 6 || t.starts_with(['•', '–', '-', '·']) {
            break;
        }
        above.push(t.to_string());
    }
    above.reverse();
    for t in &above {
        if note_scale(t, &mut scale, &mut scale_note) {
            continue;
        }
        if is_period_heading(t) || is_column_words(t) || UNAUDITED.is_match(t) {
            continue;
        }
        title_lines.push(t.clone());
    }
    let mut own = vec![String::new(); ncols];
    let mut shared = vec![String::new(); ncols];
    let push = |v: &mut String, t: &str| {
        if !v.is_empty() {
            v.push(' ');
        }
        v.push_str(t);
    };
    let head_end = last_heading.map(|h| h + 1).unwrap_or(0);
    for r in &prows[..head_end] {
        let l = r.label_text();
        if !l.is_empty() {
            let is_scale = note_scale(&l, &mut scale, &mut scale_note);
            let is_column = is_period_heading(&l) || is_column_words(&l);
            if !is_scale
                && !is_column
                && !UNAUDITED.is_match(&l)
                && r.heading_cells().next().is_none()
            {
                title_lines.push(l.clone());
            }
        }
        for c in r.heading_cells() {
            let t = c.text.text().trim();
            if note_scale(t, &mut scale, &mut scale_note) && !is_period_heading(t) {
                continue;
            }
            let covered: Vec<usize> = (0..ncols)
                .filter(|&k| groups[k].iter().any(|&p| c.start <= p && p < c.end))
                .collect();
            match covered.len() {
                0 => {
                    // Nearest column within two grid columns.
                    let best = (0..ncols)
                        .map(|k| {
                            let d = groups[k]
                                .iter()
                                .map(|&p| (p as i64 - (c.end as i64 - 1)).abs())
                                .min()
                                .unwrap_or(i64::MAX);
                            (d, k)
                        })
                        .min();
                    if let Some((d, k)) = best {
                        if d <= 2 {
                            push(&mut own[k], t);
                        }
                    }
                }
                1 => push(&mut own[covered[0]], t),
                _ => {
                    for k in covered {
                        push(&mut shared[k], t);
                    }
                }
            }
        }
    }
    // Scale notes also stand in the first label rows.
    if scale_note.is_none() {
        for r in prows.iter().take(head_end + 3) {
            let l = r.label_text();
            if note_scale(&l, &mut scale, &mut scale_note) {
                break;
            }
        }
    }

    // Body rows.
    let mut rows: Vec<Row> = Vec::new();
    let mut blank = false;
    let mut rule = false;
    let mut prev_bottom = false;
    for r in prows.into_iter().skip(head_end) {
        if r.is_empty() {
            blank = true;
            rule |= r.top || r.bottom;
            prev_bottom = false;
            continue;
        }
        if r.is_rule() {
            rule = true;
            prev_bottom = false;
            continue;
        }
        let rule_above = rule || prev_bottom || r.top;
        let (label, label_span, indent) = match r.label {
            Some(i) => {
                let c = &r.cells[i];
                let ind = (c.indent.max(0) / 50) as usize + c.lead_nbsp;
                (
                    clean_label(c.text.text()),
                    c.text.span(0, c.text.len()),
                    ind.min(u16::MAX as usize) as u16,
                )
            }
            None => {
                let at = r
                    .cells
                    .iter()
                    .find(|c| c.kind != Kind::Empty)
                    .map(|c| c.text.file_start(0))
                    .unwrap_or(start);
                (String::new(), Span::new(at, at), 0)
            }
        };
        let data = r.is_data();
        let mut cells: Vec<Option<Cell>> = vec![None; ncols];
        if data {
            for f in r.figures {
                if let Some(k) = col_of(f.pos) {
                    if cells[k].is_none() {
                        cells[k] = Some(f.cell);
                    }
                }
            }
        }
        let label = if !data && label.is_empty() {
            // A heading row inside the table ("2024  2023", "Six Months").
            r.cells
                .iter()
                .filter(|c| c.kind != Kind::Empty)
                .map(|c| c.text.text())
                .collect::<Vec<_>>()
                .join(" ")
        } else {
            label
        };
        rows.push(Row {
            label,
            label_span,
            indent,
            cells,
            header: !data,
            rule_above,
            blank_above: blank,
        });
        blank = false;
        rule = false;
        prev_bottom = r.bottom;
    }
    // Borders under every row are a grid drawn for looks, not the rules
    // that set totals apart.
    let ruled = rows.iter().filter(|r| r.rule_above).count();
    if rows.len() >= 4 && ruled * 10 >= rows.len() * 6 {
        for r in rows.iter_mut() {
            r.rule_above = false;
        }
    }
    assign_units(&mut rows);

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
            let period = parse_period(&own_t, &shared_t);
            let derived = is_derived_column(&own_t, &shared_t, &figures)
                && !amounts_under_period(&own_t, &shared_t, &period, &figures);
            Column {
                period,
                derived,
                header,
                midpoint_of: None,
            }
        })
        .collect();
    points_in_rate_tables(&mut columns, &rows, &own);
    Some(Table {
        title,
        scale_note,
        scale,
        columns,
        rows,
        trailing: Vec::new(),
        trailing_rows: Vec::new(),
        span: Span::new(start, end.max(start)),
    })
}

/// Places each cell on the grid: after the cells before it in its row,
/// skipping grid columns taken by cells of rows above (`rowspan`).
fn lay_out_grid(rows: &mut [RowB]) {
    // (start, width, rows still covered)
    let mut active: Vec<(usize, usize, usize)> = Vec::new();
    for r in rows.iter_mut() {
        let mut g = 0usize;
        let mut new = Vec::new();
        for c in r.cells.iter_mut() {
            while let Some(&(s, w, _)) = active.iter().find(|(s, w, _)| *s <= g && g < s + w) {
                g = s + w;
            }
            c.grid = g;
            if c.rowspan > 1 && active.len() + new.len() < MAX_ACTIVE_ROWSPANS {
                new.push((g, c.colspan, c.rowspan - 1));
            }
            g += c.colspan;
        }
        for a in active.iter_mut() {
            a.2 -= 1;
        }
        active.retain(|a| a.2 > 0);
        active.extend(new);
    }
}

/// Takes the scale note of a line if none was found yet; says whether the
/// line is a scale note.
fn note_scale(s: &str, scale: &mut Scale, note: &mut Option<String>) -> bool {
    if let Some((sc, n)) = scale_of(s) {
        if note.is_none() {
            *scale = sc;
            *note = Some(n);
        }
        return true;
    }
    false
}

/// A column headed by a period ("Fiscal 2024 Q1") that holds several
/// amounts is that period's figures even when most of its cells are
/// percentages: supplemental schedules stack the amounts and, below them,
/// their growth rates in the same period columns. A "% change" or "% of
/// revenue" column holds percentages only (an amount in it is rare), and a
/// header that says "change" still makes the column derived.
fn amounts_under_period(own: &str, shared: &str, period: &Period, figures: &[&Figure]) -> bool {
    let amounts = figures
        .iter()
        .filter(|f| f.unit == Unit::Amount && !f.dash)
        .count();
    let names_period = period.quarter.is_some() || period.months.is_some() || period.end.is_some();
    names_period
        && amounts >= 3
        && !crate::parse::heading::is_derived_header(own)
        && !crate::parse::heading::is_derived_header(shared)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Unit;

    fn tables(s: &str) -> Vec<Table> {
        parse(s.as_bytes()).0
    }

    #[test]
    fn visible_text_is_what_a_reader_sees() {
        assert_eq!(
            visible_text("38.7</font><font style=\"x\">&#160;</font></td><td><font>%"),
            "38.7 %"
        );
        assert_eq!(visible_text("$1.3&#160;billion"), "$1.3 billion");
        assert_eq!(visible_text("AT&amp;T  <b>x"), "AT&T x");
        assert_eq!(visible_text("a < b"), "a < b");
    }

    #[test]
    fn an_outlook_range_in_one_cell_is_a_range_cell() {
        let html = "<table><tr><td>Q3 2024</td><td>GAAP</td><td>Non-GAAP</td></tr>\
<tr><td>Revenue</td><td>$12.5-13.5 billion</td><td></td></tr>\
<tr><td>Gross Margin</td><td>34.5%</td><td>38.0%</td></tr>\
<tr><td>Years</td><td>2023-2024</td><td></td></tr></table>";
        let t = &tables(html)[0];
        // The range row is a row of the table, not a heading: the columns
        // are GAAP and Non-GAAP.
        assert_eq!(t.columns.len(), 2, "{t:#?}");
        assert!(t.columns[0].header.contains("GAAP"), "{t:#?}");
        let row = t.rows.iter().find(|r| r.label == "Revenue").expect("row");
        let Some(Cell::Range {
            low, high, scale, ..
        }) = &row.cells[0]
        else {
            panic!("{row:#?}");
        };
        assert_eq!(
            (low.value.to_string(), high.value.to_string()),
            ("12.5".into(), "13.5".into())
        );
        assert_eq!(*scale, Decimal::new(1_000_000_000, 0));
        // Each end's span is its digits in the file.
        assert_eq!(&html[low.span.start..low.span.end], "12.5");
        assert_eq!(&html[high.span.start..high.span.end], "13.5");
        // A span of years is no range of amounts.
        let years = t.rows.iter().find(|r| r.label == "Years");
        assert!(years.is_none_or(|r| !matches!(r.cells.first(), Some(Some(Cell::Range { .. })))));
    }

    /// The attributes of each start tag, as the tokenizer reads them.
    fn start_attrs(html: &str) -> Vec<Attrs> {
        tokenize(html.as_bytes())
            .into_iter()
            .filter_map(|e| match e {
                Ev::Start { attrs, .. } => Some(attrs),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn attributes_are_read_in_place() {
        let a = start_attrs(
            "<TD Style='DISPLAY: none' COLSPAN=\"3\" rowspan=2 colspan=9>x</TD>\
             <td hidden colspan>y</td><p colspan=4 STYLE=\"text-indent:12pt\" style=\"display:none\">z</p>\
             <td style=\"border-bottom:1px solid #000;caf\u{e9}:x\">w</td>",
        );
        assert_eq!(a.len(), 4);
        assert!(a[0].hidden);
        // The first of two attributes of one name counts.
        assert_eq!((a[0].colspan, a[0].rowspan), (3, 2));
        assert!(a[1].hidden);
        assert_eq!(a[1].colspan, 1);
        // Spans are read on cells only; the first style counts.
        assert_eq!(a[2].colspan, 1);
        assert!(!a[2].hidden);
        assert_eq!(a[2].indent, 120);
        assert!(a[3].border_bottom);
    }

    #[test]
    fn borders_read_as_when_lower_cased() {
        fn before(v: &str) -> bool {
            let v = v.to_ascii_lowercase();
            !v.contains("none")
                && !v.contains("hidden")
                && [
                    "solid", "double", "dashed", "dotted", "groove", "ridge", "inset", "outset",
                ]
                .iter()
                .any(|s| v.contains(s))
        }
        for v in [
            "",
            "1px solid #000000",
            "SOLID 1PT",
            "none",
            "1px solid none",
            "hidden solid",
            "double",
            "3px Double windowtext",
            "dotted",
            "dashe",
            "ridgeinsetoutset",
            "groov",
            "#000 0.5pt Solid",
            "sólid solid",
            "medium nonE",
            "s",
        ] {
            assert_eq!(visible_border(v), before(v), "{v:?}");
        }
    }

    #[test]
    fn semicolons_are_found_in_every_word() {
        for text in [
            "",
            ";",
            "a;b",
            "abcdefg;",
            "abcdefgh;",
            ";;;;;;;;;",
            "font-size:10pt;;x;\u{3b}\u{bb};\u{7b}\u{3a}\u{ff};;",
        ] {
            let want: Vec<usize> = text.match_indices(';').map(|(i, _)| i).collect();
            let got: Vec<usize> = Semicolons::new(text.as_bytes()).collect();
            assert_eq!(got, want, "{text:?}");
        }
        let every: Vec<u8> = (0..=255).collect();
        assert_eq!(Semicolons::new(&every).collect::<Vec<_>>(), [59]);
    }

    #[test]
    fn style_declarations_split_as_before() {
        // The former reading, kept as the reference.
        fn by_split(style: &str) -> String {
            let mut a = Attrs::default();
            for decl in style.split(';').take(64) {
                if let Some((prop, value)) = decl.split_once(':') {
                    declaration(prop, value, &mut a);
                }
            }
            format!("{a:?}")
        }
        let many = "margin-left:1pt;".repeat(70);
        for style in [
            "",
            ";",
            "display:none",
            "DISPLAY : None ;",
            "display",
            "a:b:c;display:none:x",
            "padding-left:2pt;;margin-left:3pt;text-indent:-1pt;",
            "border-top:1px solid;border-bottom-style:double",
            ":;:display:none",
            many.as_str(),
        ] {
            let mut want = by_split(style);
            // `parse_attrs` starts from spans of 1.
            want = want.replace("colspan: 0, rowspan: 0", "colspan: 1, rowspan: 1");
            let got = format!(
                "{:?}",
                parse_attrs(Some(style.as_bytes()), None, None, false)
            );
            assert_eq!(got, want, "{style:?}");
        }
    }

    /// Every figure's span slices the file at its digits (or dash).
    fn assert_spans(src: &[u8], t: &[Table]) {
        for f in t.iter().flat_map(|t| t.figures()) {
            let text = String::from_utf8_lossy(&src[f.span.start..f.span.end]);
            assert!(
                text.chars()
                    .any(|c| c.is_ascii_digit() || "-—–".contains(c))
                    || text.contains("&#"),
                "span {:?} is {text:?}",
                f.span
            );
        }
    }

    const STATEMENT: &str = r#"<html><body>
<p style="text-align:center"><b>ACME CORP.</b></p>
<p>CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS</p>
<p>(in thousands, except per share amounts)</p>
<table>
<tr><td></td><td colspan="7" style="text-align:center">Three Months Ended March 31,</td></tr>
<tr><td></td><td colspan="3">2024</td><td></td><td colspan="3">2023</td></tr>
<tr><td>Revenue</td><td>$</td><td>1,234</td><td></td><td></td><td>$</td><td>1,100</td><td></td></tr>
<tr><td>Costs:</td><td colspan="7"></td></tr>
<tr><td style="padding-left:10pt">Cost of revenue</td><td></td><td>(1,000</td><td>)</td><td></td><td></td><td>900</td><td></td></tr>
<tr><td>&nbsp;&nbsp;Other</td><td></td><td style="border-bottom:1px solid #000">34</td><td></td><td></td><td></td><td style="border-bottom:1px solid #000">&#8212;</td><td></td></tr>
<tr><td>Net income</td><td>$</td><td colspan="2">268</td><td></td><td>$</td><td>200</td><td></td></tr>
<tr><td>Net income per share &#8212; diluted</td><td>$</td><td>0.27</td><td></td><td></td><td>$</td><td>0.20</td><td></td></tr>
<tr><td>Gross margin</td><td></td><td>19.0</td><td>%</td><td></td><td></td><td>18.2</td><td>%</td></tr>
</table>
<p>Revenue rose 12.2%.</p>
</body></html>"#;

    #[test]
    fn split_figures_colspan_and_headings() {
        let t = tables(STATEMENT);
        assert_eq!(t.len(), 1, "{t:#?}");
        let t = &t[0];
        assert_eq!(
            t.title,
            "ACME CORP. / CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS"
        );
        assert_eq!(t.scale, Scale::Thousands);
        assert_eq!(t.columns.len(), 2);
        assert_eq!(t.columns[0].period.months, Some(3));
        assert_eq!(t.columns[0].period.end.unwrap().to_string(), "2024-03-31");
        assert_eq!(t.columns[1].period.end.unwrap().to_string(), "2023-03-31");
        let labels: Vec<&str> = t.rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Revenue",
                "Costs:",
                "Cost of revenue",
                "Other",
                "Net income",
                "Net income per share — diluted",
                "Gross margin"
            ]
        );
        assert!(t.rows[1].header);
        let rev = t.rows[0].figure(0).unwrap();
        assert_eq!(rev.value, 1234.into());
        assert_eq!(rev.currency, Some('$'));
        assert_eq!(t.rows[2].figure(0).unwrap().value, (-1000).into());
        assert_eq!(t.rows[2].figure(1).unwrap().value, 900.into());
        assert!(t.rows[2].indent > 0);
        assert_eq!(t.rows[3].indent, 2);
        assert!(t.rows[3].figure(1).unwrap().dash);
        assert!(t.rows[4].rule_above, "border-bottom above the total");
        assert_eq!(t.rows[4].figure(0).unwrap().value, 268.into());
        assert_eq!(t.rows[5].figure(0).unwrap().unit, Unit::PerShare);
        assert_eq!(t.rows[6].figure(0).unwrap().unit, Unit::Percent);
        assert_spans(STATEMENT.as_bytes(), std::slice::from_ref(t));
        // The figure's bytes are exactly the number (and its parentheses).
        let f = t.rows[2].figure(0).unwrap();
        let cut = &STATEMENT[f.span.start..f.span.end];
        assert!(cut.starts_with("(1,000") && cut.ends_with(')'), "{cut:?}");
        let f = t.rows[0].figure(0).unwrap();
        assert_eq!(&STATEMENT[f.span.start..f.span.end], "1,234");
    }

    #[test]
    fn prose_outside_tables() {
        let (_, blocks) = parse(STATEMENT.as_bytes());
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.text()).collect();
        assert!(texts.contains(&"Revenue rose 12.2%."), "{texts:?}");
        assert!(!texts.iter().any(|t| t.contains("1,234")), "{texts:?}");
        for b in &blocks {
            let raw = &STATEMENT.as_bytes()[b.span.start..b.span.end];
            assert!(!raw.is_empty());
        }
    }

    #[test]
    fn entities_decode_and_map() {
        let src = "<table><tr><td>Sales &amp; marketing</td><td>&#36;&#160;1,500</td><td>&#x28;20&#x29;</td></tr>\
                   <tr><td>Total&nbsp;costs</td><td>&#36;&nbsp;1,480</td><td>&#8212;</td></tr></table>";
        let t = tables(src);
        assert_eq!(t.len(), 1);
        let t = &t[0];
        assert_eq!(t.rows[0].label, "Sales & marketing");
        assert_eq!(t.rows[1].label, "Total costs");
        let f = t.rows[0].figure(0).unwrap();
        assert_eq!(f.value, 1500.into());
        assert_eq!(&src[f.span.start..f.span.end], "1,500");
        let f = t.rows[0].figure(1).unwrap();
        assert_eq!(f.value, (-20).into());
        assert_eq!(&src[f.span.start..f.span.end], "&#x28;20&#x29;");
        assert!(t.rows[1].figure(1).unwrap().dash);
    }

    #[test]
    fn hidden_content_is_skipped() {
        let src = r#"<html><head><style>td { color: red }</style><script>var x = "1,234";</script></head>
<body><div style="display:none"><table><tr><td>Hidden</td><td>1</td></tr><tr><td>Rows</td><td>2</td></tr></table></div>
<table><tr><td>Revenue</td><td>100</td><td style="display: none">999</td><td>90</td></tr>
<tr><td>Costs</td><td>40</td><td style="DISPLAY:NONE">999</td><td>30</td></tr></table></body></html>"#;
        let (t, blocks) = parse(src.as_bytes());
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].columns.len(), 2);
        assert_eq!(t[0].rows[0].figure(1).unwrap().value, 90.into());
        assert!(blocks.iter().all(|b| !b.text.text().contains("Hidden")));
        assert!(blocks.iter().all(|b| !b.text.text().contains("var x")));
    }

    #[test]
    fn footnote_markers_above_the_line_are_no_part_of_the_prose() {
        let src = r#"<p>Free cash flow<font style="font-size:7pt;position:relative;top:-3.85pt">14</font> in Q3 totaled $2.7B.</p>
<p>Adjusted<sup>(3)</sup> diluted EPS was $0.82<span style="vertical-align:super">1,2</span>, up 10%.</p>
<p>Second-quarter revenue<font style="top: -0.3em">*</font> rose in the 2<sup>nd</sup> quarter.</p>
<p>Revenue was $9<font style="position:relative;top:2pt">5</font> million.</p>"#;
        let (_, blocks) = parse(src.as_bytes());
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.text()).collect();
        assert_eq!(
            texts,
            [
                "Free cash flow in Q3 totaled $2.7B.",
                "Adjusted diluted EPS was $0.82 , up 10%.",
                "Second-quarter revenue rose in the 2nd quarter.",
                "Revenue was $95 million.",
            ]
        );
        // The text still maps to the file: the figure's bytes are its own.
        let b = &blocks[0];
        let at = b.text.text().find("2.7").expect("figure");
        let span = b.text.span(at, at + 3);
        assert_eq!(&src[span.start..span.end], "2.7");
        assert!(
            footnote_marker(b"(a)") && footnote_marker(b" 14 ") && footnote_marker(b"\xe2\x80\xa0")
        );
        assert!(!footnote_marker(b"nd") && !footnote_marker(b"TM") && !footnote_marker(b"123"));
    }

    #[test]
    fn a_bridge_of_rates_reads_its_impacts_as_points() {
        // A growth bridge under a quarter's heading: the reported change,
        // impacts in points with no "%", the core change. The heading's
        // date is the quarter the rates are of, not amounts of it.
        let row = |label: &str, cells: [&str; 5]| {
            format!(
                "<tr><td>{label}</td>{}</tr>",
                cells
                    .iter()
                    .map(|c| format!("<td>{c}</td>"))
                    .collect::<String>()
            )
        };
        let src = format!(
            "<table><tr><td></td><td colspan=\"5\">Quarter Ended 12/28/2024</td></tr>\
             <tr><td></td><td>Reported % Change, GAAP Measure</td><td>Mark-to-market net impact</td>\
             <td>Restructuring and impairment charges</td><td>Core % Change, Non-GAAP Measure</td>\
             <td>Core Constant Currency % Change</td></tr>{}{}{}{}{}{}</table>",
            row("North America", ["4%", "—", "2", "6%", "7%"]),
            row("Asia Pacific", ["9%", "1", "—", "10%", "12%"]),
            row("Latin America", ["(25)%", "—", "1", "(24)%", "(10)%"]),
            row("Europe", ["12%", "—", "(0.5)", "11%", "13%"]),
            row("Corporate", ["(28)%", "7", "3", "(18)%", "(18)%"]),
            row("Total Operating Profit", ["34%", "(8)", "12", "38%", "41%"]),
        );
        let t = tables(&src);
        assert_eq!(t.len(), 1);
        assert!(
            t[0].columns.iter().all(|c| c.derived),
            "{:#?}",
            t[0].columns
        );
        let audit = |html: &str| {
            let source = std::sync::Arc::new(crate::document::SourceFile {
                path: "t.htm".into(),
                bytes: html.as_bytes().to_vec(),
            });
            crate::audit(
                source,
                crate::document::Format::Html,
                &crate::rules::RuleSet::builtin().expect("built-in rules"),
            )
            .expect("parses")
            .outcome
            .findings
            .into_iter()
            .filter(|f| f.rule == "cross-footing" && f.severity >= crate::check::Severity::Warning)
            .count()
        };
        assert_eq!(audit(&src), 0);
        assert_eq!(audit(&src.replace("<td>12</td>", "<td>42</td>")), 1);
    }

    #[test]
    fn inline_xbrl_reads_as_text() {
        let src = r#"<html xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"><body>
<div style="display:none"><ix:header><ix:hidden><ix:nonNumeric name="dei:X">7</ix:nonNumeric></ix:hidden></ix:header></div>
<table><tr><td>Revenue</td><td>$</td><td><ix:nonFraction name="us-gaap:Revenues" scale="6" decimals="-6">4,321</ix:nonFraction></td></tr>
<tr><td>Net loss</td><td>$</td><td>(<ix:nonFraction name="us-gaap:NetIncomeLoss" sign="-">12</ix:nonFraction>)</td></tr></table></body></html>"#;
        let t = tables(src);
        assert_eq!(t.len(), 1);
        let f = t[0].rows[0].figure(0).unwrap();
        assert_eq!(f.value, 4321.into());
        assert_eq!(&src[f.span.start..f.span.end], "4,321");
        assert_eq!(t[0].rows[1].figure(0).unwrap().value, (-12).into());
    }

    #[test]
    fn windows_1252_bytes() {
        let mut src: Vec<u8> =
            b"<table><tr><td>Caf\xe9 sales \x96 net</td><td>1,000</td></tr>".to_vec();
        src.extend_from_slice(b"<tr><td>Other\xa0items</td><td>\x97</td></tr></table>");
        let (t, _) = parse(&src);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].rows[0].label, "Café sales – net");
        assert_eq!(t[0].rows[1].label, "Other items");
        let f = t[0].rows[0].figure(0).unwrap();
        assert_eq!(&src[f.span.start..f.span.end], b"1,000");
        let d = t[0].rows[1].figure(0).unwrap();
        assert!(d.dash);
        assert_eq!(&src[d.span.start..d.span.end], b"\x97");
    }

    #[test]
    fn layout_tables_are_not_financial() {
        let src = r#"<table><tr><td>Contact:</td><td>Jane Doe, (308) 236-8491</td></tr>
<tr><td>For immediate release</td><td>November 22, 2024</td></tr></table>
<table><tr><td>/s/ John Smith</td></tr><tr><td>Chief Financial Officer</td><td>2024</td></tr></table>
<table><tr><td>Revenue</td><td>100</td></tr></table>"#;
        assert!(tables(src).is_empty());
    }

    #[test]
    fn rowspan_keeps_columns_aligned() {
        let src = r#"<table>
<tr><td></td><td rowspan="2">Reported % Change</td><td colspan="2">Impact of</td></tr>
<tr><td></td><td>Foreign Exchange</td><td>Acquisitions</td></tr>
<tr><td>North America</td><td>(3)</td><td>1</td><td>—</td></tr>
<tr><td>Europe</td><td>5</td><td>(2)</td><td>1</td></tr>
<tr><td>Total</td><td>1</td><td>—</td><td>0.5</td></tr></table>"#;
        let t = &tables(src)[0];
        assert_eq!(t.columns.len(), 3);
        assert_eq!(t.columns[0].header, "Reported % Change");
        assert_eq!(t.columns[1].header, "Impact of Foreign Exchange");
        assert!(t.columns[0].derived);
    }

    #[test]
    fn period_columns_of_amounts_and_growth_rates_stay_period_columns() {
        // A supplemental schedule: amounts, then their growth rates, under
        // the same quarter columns; percentages outnumber the amounts.
        let mut src = String::from(
            "<table><tr><td></td><td>Fiscal 2024 Q1</td><td>Fiscal 2024 Q2</td><td>% Change</td></tr>\n\
             <tr><td>Cloud</td><td>4,635</td><td>4,775</td><td>3%</td></tr>\n\
             <tr><td>License</td><td>4,912</td><td>4,864</td><td>(1)%</td></tr>\n\
             <tr><td>Total revenues</td><td>9,547</td><td>9,639</td><td>1%</td></tr>\n",
        );
        for label in ["Cloud", "License", "Total revenues", "Hardware", "Services"] {
            src.push_str(&format!(
                "<tr><td>{label} growth</td><td>30%</td><td>25%</td><td>n/a</td></tr>\n"
            ));
        }
        src.push_str("</table>");
        let t = &tables(&src)[0];
        assert!(!t.columns[0].derived);
        assert!(!t.columns[1].derived);
        assert!(t.columns[2].derived);
    }

    #[test]
    fn a_label_between_figures_reads_both_sides() {
        let src = r#"<table><tr><td>2Q25</td><td>1Q25</td><td>Production, kbd</td><td>YTD 2025</td><td>YTD 2024</td></tr>
<tr><td>1,494</td><td>1,418</td><td>United States</td><td>1,456</td><td>1,038</td></tr>
<tr><td>797</td><td>760</td><td>Canada/Other Americas</td><td>779</td><td>767</td></tr>
<tr><td>2,291</td><td>2,178</td><td>Worldwide</td><td>2,235</td><td>1,805</td></tr></table>"#;
        let t = &tables(src)[0];
        assert_eq!(t.columns.len(), 4);
        let labels: Vec<&str> = t.rows.iter().map(|r| r.label.as_str()).collect();
        assert!(labels.contains(&"Canada/Other Americas"), "{labels:?}");
        let world = t.rows.iter().find(|r| r.label == "Worldwide").unwrap();
        let values: Vec<String> = (0..4)
            .map(|c| world.figure(c).unwrap().value.to_string())
            .collect();
        assert_eq!(values, ["2291", "2178", "2235", "1805"]);
    }

    #[test]
    fn headings_over_figures_left_of_the_labels() {
        // A title row and the quarter headings do not make the first
        // column the label column, even with only two rows of figures.
        let src = r#"<table><tr><td colspan="5">Corporate and Financing</td></tr>
<tr><td>2Q24</td><td>1Q24</td><td>Change vs 1Q24</td><td>Dollars in millions</td><td>YTD 2024</td><td>YTD 2023</td></tr>
<tr><td>(310)</td><td>(362)</td><td>+52</td><td>Earnings (U.S. GAAP)</td><td>(672)</td><td>(861)</td></tr>
<tr><td>(310)</td><td>(362)</td><td>+52</td><td>Earnings Excluding Identified Items</td><td>(672)</td><td>(861)</td></tr></table>"#;
        let mut t = tables(src).remove(0);
        let labels: Vec<&str> = t.rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Earnings (U.S. GAAP)",
                "Earnings Excluding Identified Items"
            ]
        );
        assert_eq!(t.columns.len(), 5);
        let p = &t.columns[0].period;
        assert_eq!(
            (p.quarter, p.year, p.months),
            (Some(2), Some(2024), Some(3))
        );
        assert!(t.columns[2].derived);
        assert_eq!(t.rows[0].figure(2).unwrap().value.to_string(), "52");
        // The years to date last as long as the quarters the table shows.
        assert_eq!(t.columns[3].period.months, None);
        t.settle_year_to_date();
        let ytd: Vec<_> = t.columns[3..]
            .iter()
            .map(|c| (c.period.months, c.period.year, c.period.quarter))
            .collect();
        assert_eq!(
            ytd,
            [
                (Some(6), Some(2024), Some(2)),
                (Some(6), Some(2023), Some(2))
            ]
        );
    }

    #[test]
    fn percent_sign_across_a_spacer_cell() {
        let src = r#"<table><tr><td></td><td>GAAP</td><td></td><td></td><td>Adjustments</td></tr>
<tr><td>Gross profit</td><td>10,267</td><td></td><td></td><td>172</td></tr>
<tr><td>Gross profit margin</td><td>59.1</td><td></td><td>%</td><td>1.0</td><td></td><td>pts.</td></tr></table>"#;
        let t = &tables(src)[0];
        let f = t.rows[1].figure(0).unwrap();
        assert_eq!(f.unit, Unit::Percent);
        assert_eq!(t.rows[0].figure(0).unwrap().unit, Unit::Amount);
    }

    #[test]
    fn nested_layout_table_keeps_inner_table() {
        let src = r#"<table><tr><td><p>CONSOLIDATED BALANCE SHEETS</p>
<table><tr><td>Cash</td><td>10</td><td>20</td></tr><tr><td>Receivables</td><td>5</td><td>6</td></tr>
<tr><td>Total current assets</td><td>15</td><td>26</td></tr></table></td></tr></table>"#;
        let t = tables(src);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].title, "CONSOLIDATED BALANCE SHEETS");
        assert_eq!(t[0].rows.len(), 3);
    }

    #[test]
    fn hostile_input_does_not_panic() {
        let mut deep = String::new();
        for _ in 0..10_000 {
            deep.push_str("<div><table><tr><td><font>");
        }
        deep.push_str("1,234");
        for _ in 0..10_000 {
            deep.push_str("</span></td></div>");
        }
        let _ = parse(deep.as_bytes());
        let huge = format!(
            "<table style=\"{}\"><tr><td colspan=\"99999999999\">1</td><td rowspan=\"-4\">2",
            "x".repeat(1_000_000)
        );
        let _ = parse(huge.as_bytes());
        for cut in [1, 7, 50, 200, 400, 800] {
            let _ = parse(&STATEMENT.as_bytes()[..cut]);
        }
        let _ = parse(b"<table><tr><td>&#99999999;&#x110000;&");
        let _ = parse(b"\xff\xfe<\x00t\x00");
        let _ = parse(b"");
    }
}
