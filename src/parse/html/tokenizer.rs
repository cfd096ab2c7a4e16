//! A hand-written HTML tokenizer: start tags with their attributes, end tags
//! and text, each with its byte range in the input as given.
//!
//! It follows the tokenizer of the HTML standard as lol_html implements it
//! (lol_html tokenized here before, and a differential test holds the two
//! together on the corpus, on edge cases and on random input): the same
//! states for tags, attributes, comments, `<!DOCTYPE>`, CDATA and bogus
//! comments; the same switch to raw text after `script`, `style`,
//! `textarea`, `title`, `xmp`, `iframe`, `noembed`, `noframes`, `noscript`
//! and `plaintext` (their content is text up to the matching end tag); the
//! same namespace bookkeeping for `<svg>` and `<math>` (where those elements
//! are not raw text and CDATA sections are). A tag cut off by the end of the
//! file is dropped, as are comments, doctypes and `</>`.
//!
//! It builds no tree, but keeps lol_html's stack of open elements: every
//! start tag that can have content is pushed, and an end tag closes the
//! nearest open element of its name with every element opened after it.
//! The sink asks, per start tag, to hear of its end: then it is told when
//! the element is closed that way (innermost first, at the end tag that
//! closed it), never at the end of the input.
//!
//! Each byte is looked at a bounded number of times (runs of text, comments
//! and quoted values are skipped with `memchr`), so the time is linear in
//! the input; nothing here indexes past the end or allocates per byte.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// One attribute of a start tag: the byte ranges of its name and of its
/// value (without quotes; `None` when written without a value).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Attr {
    pub name: (usize, usize),
    pub value: Option<(usize, usize)>,
}

/// A start tag as read.
pub(super) struct StartTag<'a> {
    /// Offset of its `<`.
    pub at: usize,
    /// The name as written.
    pub name: &'a [u8],
    /// The name, case-folded, as a small number (the same for the same
    /// name throughout the input).
    pub key: usize,
    pub attrs: &'a [Attr],
    /// Written `<x/>`.
    pub self_closing: bool,
    /// An element that can have content (not a void HTML element such as
    /// `<br>`, not a self-closing SVG or MathML element).
    pub can_have_content: bool,
}

/// Where the tokens go.
pub(super) trait Sink {
    /// Text between `start` and `end` (never empty).
    fn text(&mut self, start: usize, end: usize);
    /// A start tag. The id returned, if any, is given back to [`Sink::end`]
    /// when an end tag closes the element.
    fn start(&mut self, tag: &StartTag<'_>) -> Option<u16>;
    /// The element started with id `id` is closed by the end tag at `at`.
    fn end(&mut self, id: u16, at: usize);
}

/// A tag name folded into 64 bits, five bits a character, as lol_html does
/// (`LocalNameHash`): letters are case-folded and digits 1 to 6 kept, and a
/// name with any other character, or too long, has no hash (`NO_HASH`). Two
/// names with a hash are equal exactly when their hashes are.
const NO_HASH: u64 = !0;

const fn hash_step(h: u64, ch: u8) -> u64 {
    if h >> (64 - 5) != 0 {
        return NO_HASH;
    }
    match ch {
        b'a'..=b'z' | b'A'..=b'Z' => (h << 5) | ((ch & 0x1F) as u64 + 5),
        b'1'..=b'6' => (h << 5) | ((ch & 0x0F) as u64 - 1),
        _ => NO_HASH,
    }
}

const fn hash(name: &str) -> u64 {
    let b = name.as_bytes();
    let mut h = 0;
    let mut i = 0;
    while i < b.len() {
        h = hash_step(h, b[i]);
        i += 1;
    }
    h
}

macro_rules! tags {
    ($($c:ident = $n:literal),* $(,)?) => { $(const $c: u64 = hash($n);)* };
}

tags!(
    SVG = "svg",
    MATH = "math",
    FONT = "font",
    P = "p",
    BR = "br",
    TEXTAREA = "textarea",
    TITLE = "title",
    PLAINTEXT = "plaintext",
    SCRIPT = "script",
    STYLE = "style",
    IFRAME = "iframe",
    XMP = "xmp",
    NOEMBED = "noembed",
    NOFRAMES = "noframes",
    NOSCRIPT = "noscript",
    MI = "mi",
    MO = "mo",
    MN = "mn",
    MS = "ms",
    MTEXT = "mtext",
    DESC = "desc",
    FOREIGN_OBJECT = "foreignobject",
);

/// HTML elements that never have content (lol_html's list).
const VOID: [u64; 17] = [
    hash("area"),
    hash("base"),
    hash("basefont"),
    hash("bgsound"),
    hash("br"),
    hash("col"),
    hash("embed"),
    hash("hr"),
    hash("img"),
    hash("input"),
    hash("keygen"),
    hash("link"),
    hash("meta"),
    hash("param"),
    hash("source"),
    hash("track"),
    hash("wbr"),
];

/// A start tag of one of these, inside SVG or MathML, returns to HTML.
const LEAVES_FOREIGN: [u64; 44] = [
    hash("b"),
    hash("big"),
    hash("blockquote"),
    hash("body"),
    hash("br"),
    hash("center"),
    hash("code"),
    hash("dd"),
    hash("div"),
    hash("dl"),
    hash("dt"),
    hash("em"),
    hash("embed"),
    hash("h1"),
    hash("h2"),
    hash("h3"),
    hash("h4"),
    hash("h5"),
    hash("h6"),
    hash("head"),
    hash("hr"),
    hash("i"),
    hash("img"),
    hash("li"),
    hash("listing"),
    hash("menu"),
    hash("meta"),
    hash("nobr"),
    hash("ol"),
    hash("p"),
    hash("pre"),
    hash("ruby"),
    hash("s"),
    hash("small"),
    hash("span"),
    hash("strong"),
    hash("strike"),
    hash("sub"),
    hash("sup"),
    hash("table"),
    hash("tt"),
    hash("u"),
    hash("ul"),
    hash("var"),
];

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t' | b'\x0C')
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ns {
    Html,
    Svg,
    MathMl,
}

/// How the text after a tag is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TextType {
    Data,
    RcData,
    RawText,
    ScriptData,
    PlainText,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum St {
    Data,
    TagOpen,
    EndTagOpen,
    MarkupDeclaration,
    BogusComment,
    CommentStart,
    Comment,
    CommentStartDash,
    CommentEndDash,
    CommentEnd,
    CommentLessThan,
    CommentLessThanBang,
    CommentLessThanBangDash,
    CommentLessThanBangDashDash,
    CommentEndBang,
    Doctype,
    CdataSection,
    CdataSectionBracket,
    TagName,
    SelfClosingStartTag,
    BeforeAttributeName,
    AttributeName,
    AfterAttributeName,
    BeforeAttributeValue,
    AttributeValueQuoted,
    AttributeValueUnquoted,
    /// RCDATA and RAWTEXT read the same way here (entities are not decoded
    /// at this stage).
    RawText,
    RawTextLessThan,
    RawTextEndTagOpen,
    RawTextEndTagName,
    ScriptData,
    ScriptDataLessThan,
    ScriptDataEndTagOpen,
    ScriptDataEndTagName,
    ScriptDataEscapeStart,
    ScriptDataEscapedDashDash,
    ScriptDataEscaped,
    ScriptDataEscapedLessThan,
    ScriptDataEscapedEndTagOpen,
    ScriptDataEscapedEndTagName,
    ScriptDataDoubleEscapeStart,
    ScriptDataDoubleEscaped,
    ScriptDataDoubleEscapedDashDash,
    ScriptDataDoubleEscapedLessThan,
    ScriptDataDoubleEscapedEndTagName,
    ScriptDataDoubleEscapeEnd,
    PlainText,
}

/// FNV-1a: tag names are short and looked up once per element, where
/// SipHash's set-up costs more than the hashing. (Also the hasher of the
/// tag-id table in `html.rs`, whose ids go in order of first appearance, so
/// no hasher changes them.)
#[derive(Default)]
pub(super) struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }

    fn write_u64(&mut self, n: u64) {
        // Hashes of tag names differ in their low bits; one multiply mixes
        // them enough for a table of a few hundred names.
        self.0 = (n ^ 0xcbf2_9ce4_8422_2325).wrapping_mul(0x0100_0000_01b3);
    }
}

type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// Tag names as small numbers: names with a hash by their hash, others by
/// their case-folded bytes.
struct Names {
    hashed: FnvMap<u64, usize>,
    other: FnvMap<Vec<u8>, usize>,
    folded: Vec<u8>,
    count: usize,
    /// Hashes already given a key, by their low bits: a document uses a
    /// few dozen names over and over, and this answers most tags without
    /// the map.
    recent: [(u64, usize); RECENT],
}

/// Slots of [`Names::recent`] (a power of two).
const RECENT: usize = 64;

impl Default for Names {
    fn default() -> Names {
        Names {
            hashed: FnvMap::default(),
            other: FnvMap::default(),
            folded: Vec::new(),
            count: 0,
            // `NO_HASH` is never looked up here, so no slot matches yet.
            recent: [(NO_HASH, 0); RECENT],
        }
    }
}

impl Names {
    fn key(&mut self, hash: u64, name: &[u8], insert: bool) -> Option<usize> {
        let slot = (hash ^ (hash >> 17)) as usize % RECENT;
        if hash != NO_HASH && self.recent[slot].0 == hash {
            return Some(self.recent[slot].1);
        }
        let key = self.lookup(hash, name, insert);
        if let Some(k) = key.filter(|_| hash != NO_HASH) {
            self.recent[slot] = (hash, k);
        }
        key
    }

    fn lookup(&mut self, hash: u64, name: &[u8], insert: bool) -> Option<usize> {
        let next = self.count;
        let key = if hash != NO_HASH {
            if insert {
                Some(*self.hashed.entry(hash).or_insert(next))
            } else {
                self.hashed.get(&hash).copied()
            }
        } else {
            self.folded.clear();
            self.folded
                .extend(name.iter().map(|b| b.to_ascii_lowercase()));
            match self.other.get(&self.folded[..]) {
                Some(&k) => Some(k),
                None if insert => {
                    self.other.insert(self.folded.clone(), next);
                    Some(next)
                }
                None => None,
            }
        };
        if key == Some(next) {
            self.count += 1;
        }
        key
    }
}

/// Tokenizes `b` into `sink`.
pub(super) fn tokenize(b: &[u8], sink: &mut impl Sink) {
    let mut t = Tokenizer {
        b,
        ls: 0,
        end_tag: false,
        name: (0, 0),
        hash: 0,
        self_closing: false,
        attrs: Vec::new(),
        attr: None,
        value_start: 0,
        quote: b'"',
        last_start_hash: 0,
        text_type: TextType::Data,
        cdata_allowed: false,
        ns: Ns::Html,
        ns_stack: vec![Ns::Html],
        open: Vec::new(),
        open_count: Vec::new(),
        names: Names::default(),
        popped: Vec::new(),
    };
    t.run(sink);
}

struct Tokenizer<'b> {
    b: &'b [u8],
    /// Where the lexeme being read starts: the bytes before it have been
    /// given out as text or as a tag, comment or other markup.
    ls: usize,
    end_tag: bool,
    name: (usize, usize),
    hash: u64,
    self_closing: bool,
    attrs: Vec<Attr>,
    /// The attribute being read (start tags only).
    attr: Option<Attr>,
    value_start: usize,
    quote: u8,
    last_start_hash: u64,
    text_type: TextType,
    cdata_allowed: bool,
    ns: Ns,
    ns_stack: Vec<Ns>,
    /// Open elements: name key and the sink's id when it asked for the end.
    open: Vec<(usize, Option<u16>)>,
    /// Open elements per name key, so an end tag of a name not open costs
    /// nothing.
    open_count: Vec<u32>,
    names: Names,
    popped: Vec<(usize, Option<u16>)>,
}

impl Tokenizer<'_> {
    fn byte(&self, i: usize) -> Option<u8> {
        self.b.get(i).copied()
    }

    fn seq(&self, i: usize, s: &[u8]) -> bool {
        self.b.get(i..i + s.len()) == Some(s)
    }

    fn seq_ignore_case(&self, i: usize, s: &[u8]) -> bool {
        self.b
            .get(i..i + s.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(s))
    }

    /// Gives out `[ls, end)` as text.
    fn text(&mut self, end: usize, sink: &mut impl Sink) {
        if end > self.ls {
            sink.text(self.ls, end);
            self.ls = end;
        }
    }

    /// Markup up to `end` that is neither text nor a tag.
    fn skip(&mut self, end: usize) {
        self.ls = end;
    }

    fn start_tag(&mut self, i: usize, end: bool) {
        self.end_tag = end;
        self.name = (i, i);
        self.hash = hash_step(0, self.b[i]);
        self.self_closing = false;
        self.attrs.clear();
        self.attr = None;
    }

    fn start_attr(&mut self, i: usize) {
        if !self.end_tag {
            self.attr = Some(Attr {
                name: (i, i),
                value: None,
            });
        }
    }

    fn finish_attr_name(&mut self, i: usize) {
        if let Some(a) = &mut self.attr {
            a.name.1 = i;
        }
    }

    fn finish_attr_value(&mut self, i: usize) {
        if let Some(a) = &mut self.attr {
            a.value = Some((self.value_start, i));
        }
    }

    fn finish_attr(&mut self) {
        if let Some(a) = self.attr.take() {
            self.attrs.push(a);
        }
    }

    fn run(&mut self, sink: &mut impl Sink) {
        let b = self.b;
        let len = b.len();
        let mut st = St::Data;
        let mut i = 0;
        loop {
            let ch = self.byte(i);
            match st {
                St::Data => match memchr::memchr(b'<', &b[i.min(len)..]) {
                    Some(k) => {
                        self.text(i + k, sink);
                        st = St::TagOpen;
                        i += k + 1;
                    }
                    None => return self.text(len, sink),
                },
                St::TagOpen => match ch {
                    Some(c) if c.is_ascii_alphabetic() => {
                        self.start_tag(i, false);
                        st = St::TagName;
                        i += 1;
                    }
                    Some(b'!') => {
                        st = St::MarkupDeclaration;
                        i += 1;
                    }
                    Some(b'/') => {
                        st = St::EndTagOpen;
                        i += 1;
                    }
                    Some(b'?') => {
                        st = St::BogusComment;
                        i += 1;
                    }
                    None => return self.text(len, sink),
                    Some(_) => {
                        self.text(i, sink);
                        st = St::Data;
                    }
                },
                St::EndTagOpen => match ch {
                    Some(c) if c.is_ascii_alphabetic() => {
                        self.start_tag(i, true);
                        st = St::TagName;
                        i += 1;
                    }
                    Some(b'>') => {
                        self.skip(i + 1);
                        st = St::Data;
                        i += 1;
                    }
                    None => return self.text(len, sink),
                    Some(_) => st = St::BogusComment,
                },
                St::MarkupDeclaration => {
                    if self.seq(i, b"--") {
                        st = St::CommentStart;
                        i += 2;
                    } else if self.seq_ignore_case(i, b"DOCTYPE") {
                        st = St::Doctype;
                        i += 7;
                    } else if self.seq(i, b"[CDATA[") {
                        i += 7;
                        if self.cdata_allowed {
                            self.skip(i);
                            st = St::CdataSection;
                        } else {
                            st = St::BogusComment;
                        }
                    } else {
                        st = St::BogusComment;
                    }
                }
                St::BogusComment => match memchr::memchr(b'>', &b[i.min(len)..]) {
                    Some(k) => {
                        i += k + 1;
                        self.skip(i);
                        st = St::Data;
                    }
                    None => return,
                },
                St::CommentStart => match ch {
                    Some(b'-') => {
                        st = St::CommentStartDash;
                        i += 1;
                    }
                    Some(b'>') => {
                        i += 1;
                        self.skip(i);
                        st = St::Data;
                    }
                    _ => st = St::Comment,
                },
                St::Comment => match memchr::memchr2(b'-', b'<', &b[i.min(len)..]) {
                    Some(k) => {
                        i += k;
                        st = if b[i] == b'-' {
                            St::CommentEndDash
                        } else {
                            St::CommentLessThan
                        };
                        i += 1;
                    }
                    None => return,
                },
                St::CommentStartDash => match ch {
                    Some(b'-') => {
                        st = St::CommentEnd;
                        i += 1;
                    }
                    Some(b'>') => {
                        i += 1;
                        self.skip(i);
                        st = St::Data;
                    }
                    None => return,
                    Some(_) => st = St::Comment,
                },
                St::CommentEndDash => match ch {
                    Some(b'-') => {
                        st = St::CommentEnd;
                        i += 1;
                    }
                    None => return,
                    Some(_) => st = St::Comment,
                },
                St::CommentEnd => match ch {
                    Some(b'>') => {
                        i += 1;
                        self.skip(i);
                        st = St::Data;
                    }
                    Some(b'!') => {
                        st = St::CommentEndBang;
                        i += 1;
                    }
                    Some(b'-') => i += 1,
                    None => return,
                    Some(_) => st = St::Comment,
                },
                St::CommentLessThan => match ch {
                    Some(b'!') => {
                        st = St::CommentLessThanBang;
                        i += 1;
                    }
                    Some(b'<') => i += 1,
                    _ => st = St::Comment,
                },
                St::CommentLessThanBang => match ch {
                    Some(b'-') => {
                        st = St::CommentLessThanBangDash;
                        i += 1;
                    }
                    _ => st = St::Comment,
                },
                St::CommentLessThanBangDash => match ch {
                    Some(b'-') => {
                        st = St::CommentLessThanBangDashDash;
                        i += 1;
                    }
                    _ => st = St::CommentEndDash,
                },
                St::CommentLessThanBangDashDash => st = St::CommentEnd,
                St::CommentEndBang => match ch {
                    Some(b'-') => {
                        st = St::CommentEndDash;
                        i += 1;
                    }
                    Some(b'>') => {
                        i += 1;
                        self.skip(i);
                        st = St::Data;
                    }
                    None => return,
                    Some(_) => st = St::Comment,
                },
                // Every state of a doctype ends it at the first `>`, quoted
                // identifiers included.
                St::Doctype => match memchr::memchr(b'>', &b[i.min(len)..]) {
                    Some(k) => {
                        i += k + 1;
                        self.skip(i);
                        st = St::Data;
                    }
                    None => return,
                },
                St::CdataSection => match memchr::memchr(b']', &b[i.min(len)..]) {
                    Some(k) => {
                        self.text(i + k, sink);
                        st = St::CdataSectionBracket;
                        i += k + 1;
                    }
                    None => return self.text(len, sink),
                },
                St::CdataSectionBracket => {
                    if self.seq(i, b"]>") {
                        i += 2;
                        self.skip(i);
                        st = St::Data;
                    } else if ch.is_none() {
                        return self.text(len, sink);
                    } else {
                        self.text(i, sink);
                        st = St::CdataSection;
                    }
                }
                St::TagName => match ch {
                    Some(c) if is_ws(c) => {
                        self.name.1 = i;
                        st = St::BeforeAttributeName;
                        i += 1;
                    }
                    Some(b'>') => {
                        self.name.1 = i;
                        st = self.emit_tag(i, sink);
                        i += 1;
                    }
                    Some(b'/') => {
                        self.name.1 = i;
                        st = St::SelfClosingStartTag;
                        i += 1;
                    }
                    None => return,
                    Some(_) => {
                        // The rest of the name at once.
                        let mut h = self.hash;
                        while let Some(&c) = b.get(i) {
                            if is_ws(c) || c == b'>' || c == b'/' {
                                break;
                            }
                            h = hash_step(h, c);
                            i += 1;
                        }
                        self.hash = h;
                    }
                },
                St::SelfClosingStartTag => match ch {
                    Some(b'>') => {
                        if !self.end_tag {
                            self.self_closing = true;
                        }
                        st = self.emit_tag(i, sink);
                        i += 1;
                    }
                    None => return,
                    Some(_) => st = St::BeforeAttributeName,
                },
                St::BeforeAttributeName => match ch {
                    Some(c) if is_ws(c) => i += 1,
                    Some(b'/') => {
                        st = St::SelfClosingStartTag;
                        i += 1;
                    }
                    Some(b'>') => {
                        st = self.emit_tag(i, sink);
                        i += 1;
                    }
                    None => return,
                    Some(_) => {
                        self.start_attr(i);
                        st = St::AttributeName;
                        i += 1;
                    }
                },
                St::AttributeName => match ch {
                    Some(c) if is_ws(c) => {
                        self.finish_attr_name(i);
                        st = St::AfterAttributeName;
                        i += 1;
                    }
                    Some(b'=') => {
                        self.finish_attr_name(i);
                        st = St::BeforeAttributeValue;
                        i += 1;
                    }
                    Some(b'/') => {
                        self.finish_attr_name(i);
                        self.finish_attr();
                        st = St::SelfClosingStartTag;
                        i += 1;
                    }
                    Some(b'>') => {
                        self.finish_attr_name(i);
                        self.finish_attr();
                        st = self.emit_tag(i, sink);
                        i += 1;
                    }
                    None => return,
                    Some(_) => {
                        i += 1;
                        while b
                            .get(i)
                            .is_some_and(|&c| !(is_ws(c) || matches!(c, b'=' | b'/' | b'>')))
                        {
                            i += 1;
                        }
                    }
                },
                St::AfterAttributeName => match ch {
                    Some(c) if is_ws(c) => i += 1,
                    Some(b'/') => {
                        self.finish_attr();
                        st = St::SelfClosingStartTag;
                        i += 1;
                    }
                    Some(b'=') => {
                        st = St::BeforeAttributeValue;
                        i += 1;
                    }
                    Some(b'>') => {
                        self.finish_attr();
                        st = self.emit_tag(i, sink);
                        i += 1;
                    }
                    None => return,
                    Some(_) => {
                        self.finish_attr();
                        self.start_attr(i);
                        st = St::AttributeName;
                        i += 1;
                    }
                },
                St::BeforeAttributeValue => match ch {
                    Some(c) if is_ws(c) => i += 1,
                    Some(q @ (b'"' | b'\'')) => {
                        self.quote = q;
                        i += 1;
                        self.value_start = i;
                        st = St::AttributeValueQuoted;
                    }
                    Some(b'>') => {
                        self.finish_attr();
                        // lol_html reads on as data here even after a
                        // `<script a=>`, whatever the element.
                        let _ = self.emit_tag(i, sink);
                        st = St::Data;
                        i += 1;
                    }
                    None => return,
                    Some(_) => {
                        self.value_start = i;
                        st = St::AttributeValueUnquoted;
                    }
                },
                St::AttributeValueQuoted => match memchr::memchr(self.quote, &b[i.min(len)..]) {
                    Some(k) => {
                        i += k;
                        self.finish_attr_value(i);
                        self.finish_attr();
                        st = St::BeforeAttributeName;
                        i += 1;
                    }
                    None => return,
                },
                St::AttributeValueUnquoted => match ch {
                    Some(c) if is_ws(c) => {
                        self.finish_attr_value(i);
                        self.finish_attr();
                        st = St::BeforeAttributeName;
                        i += 1;
                    }
                    Some(b'>') => {
                        self.finish_attr_value(i);
                        self.finish_attr();
                        st = self.emit_tag(i, sink);
                        i += 1;
                    }
                    None => return,
                    Some(_) => {
                        i += 1;
                        while b.get(i).is_some_and(|&c| !(is_ws(c) || c == b'>')) {
                            i += 1;
                        }
                    }
                },
                St::RawText => match memchr::memchr(b'<', &b[i.min(len)..]) {
                    Some(k) => {
                        self.text(i + k, sink);
                        st = St::RawTextLessThan;
                        i += k + 1;
                    }
                    None => return self.text(len, sink),
                },
                St::ScriptData => match memchr::memchr(b'<', &b[i.min(len)..]) {
                    Some(k) => {
                        self.text(i + k, sink);
                        st = St::ScriptDataLessThan;
                        i += k + 1;
                    }
                    None => return self.text(len, sink),
                },
                St::RawTextLessThan | St::ScriptDataLessThan => match ch {
                    Some(b'/') => {
                        st = if st == St::RawTextLessThan {
                            St::RawTextEndTagOpen
                        } else {
                            St::ScriptDataEndTagOpen
                        };
                        i += 1;
                    }
                    Some(b'!') if st == St::ScriptDataLessThan => {
                        st = St::ScriptDataEscapeStart;
                        i += 1;
                    }
                    None => return self.text(len, sink),
                    Some(_) => {
                        self.text(i, sink);
                        st = if st == St::RawTextLessThan {
                            St::RawText
                        } else {
                            St::ScriptData
                        };
                    }
                },
                St::RawTextEndTagOpen
                | St::ScriptDataEndTagOpen
                | St::ScriptDataEscapedEndTagOpen => {
                    let (name, back) = match st {
                        St::RawTextEndTagOpen => (St::RawTextEndTagName, St::RawText),
                        St::ScriptDataEndTagOpen => (St::ScriptDataEndTagName, St::ScriptData),
                        _ => (St::ScriptDataEscapedEndTagName, St::ScriptDataEscaped),
                    };
                    match ch {
                        Some(c) if c.is_ascii_alphabetic() => {
                            self.start_tag(i, true);
                            st = name;
                            i += 1;
                        }
                        None => return self.text(len, sink),
                        Some(_) => {
                            self.text(i, sink);
                            st = back;
                        }
                    }
                }
                St::RawTextEndTagName
                | St::ScriptDataEndTagName
                | St::ScriptDataEscapedEndTagName => {
                    let back = match st {
                        St::RawTextEndTagName => St::RawText,
                        St::ScriptDataEndTagName => St::ScriptData,
                        _ => St::ScriptDataEscaped,
                    };
                    // Only the end tag of the element that switched to raw
                    // text ends it.
                    let appropriate = self.hash == self.last_start_hash;
                    match ch {
                        Some(c) if c.is_ascii_alphabetic() => {
                            self.hash = hash_step(self.hash, c);
                            i += 1;
                        }
                        Some(c) if (is_ws(c) || c == b'/' || c == b'>') && appropriate => {
                            self.name.1 = i;
                            if c == b'>' {
                                st = self.emit_tag(i, sink);
                            } else if c == b'/' {
                                st = St::SelfClosingStartTag;
                            } else {
                                st = St::BeforeAttributeName;
                            }
                            i += 1;
                        }
                        None => return self.text(len, sink),
                        Some(_) => {
                            self.text(i, sink);
                            st = back;
                        }
                    }
                }
                St::ScriptDataEscapeStart => {
                    if self.seq(i, b"--") {
                        st = St::ScriptDataEscapedDashDash;
                        i += 2;
                    } else if ch.is_none() {
                        return self.text(len, sink);
                    } else {
                        self.text(i, sink);
                        st = St::ScriptData;
                    }
                }
                St::ScriptDataEscapedDashDash => match ch {
                    Some(b'-') => i += 1,
                    Some(b'<') => {
                        self.text(i, sink);
                        st = St::ScriptDataEscapedLessThan;
                        i += 1;
                    }
                    Some(b'>') => {
                        self.text(i, sink);
                        st = St::ScriptData;
                    }
                    None => return self.text(len, sink),
                    Some(_) => {
                        st = St::ScriptDataEscaped;
                        i += 1;
                    }
                },
                St::ScriptDataEscaped => {
                    if self.seq(i, b"--") {
                        st = St::ScriptDataEscapedDashDash;
                        i += 2;
                    } else {
                        match ch {
                            Some(b'<') => {
                                self.text(i, sink);
                                st = St::ScriptDataEscapedLessThan;
                                i += 1;
                            }
                            None => return self.text(len, sink),
                            Some(_) => i += 1,
                        }
                    }
                }
                St::ScriptDataEscapedLessThan => {
                    if self.seq_ignore_case(i, b"SCRIPT") {
                        st = St::ScriptDataDoubleEscapeStart;
                        i += 6;
                    } else {
                        match ch {
                            Some(b'/') => {
                                st = St::ScriptDataEscapedEndTagOpen;
                                i += 1;
                            }
                            None => return self.text(len, sink),
                            Some(_) => {
                                self.text(i, sink);
                                st = St::ScriptDataEscaped;
                            }
                        }
                    }
                }
                St::ScriptDataDoubleEscapeStart => match ch {
                    Some(c) if is_ws(c) || c == b'/' || c == b'>' => {
                        st = St::ScriptDataDoubleEscaped;
                        i += 1;
                    }
                    None => return self.text(len, sink),
                    Some(_) => st = St::ScriptDataEscaped,
                },
                St::ScriptDataDoubleEscaped => {
                    if self.seq(i, b"--") {
                        st = St::ScriptDataDoubleEscapedDashDash;
                        i += 2;
                    } else {
                        match ch {
                            Some(b'<') => {
                                self.text(i, sink);
                                st = St::ScriptDataDoubleEscapedLessThan;
                                i += 1;
                            }
                            None => return self.text(len, sink),
                            Some(_) => i += 1,
                        }
                    }
                }
                St::ScriptDataDoubleEscapedDashDash => match ch {
                    Some(b'-') => i += 1,
                    Some(b'<') => {
                        st = St::ScriptDataDoubleEscapedLessThan;
                        i += 1;
                    }
                    Some(b'>') => {
                        self.text(i, sink);
                        st = St::ScriptData;
                    }
                    None => return self.text(len, sink),
                    Some(_) => {
                        st = St::ScriptDataDoubleEscaped;
                        i += 1;
                    }
                },
                St::ScriptDataDoubleEscapedLessThan => match ch {
                    Some(b'/') => {
                        st = St::ScriptDataDoubleEscapedEndTagName;
                        i += 1;
                    }
                    None => return self.text(len, sink),
                    Some(_) => st = St::ScriptDataDoubleEscaped,
                },
                St::ScriptDataDoubleEscapedEndTagName => {
                    if self.seq_ignore_case(i, b"SCRIPT") {
                        st = St::ScriptDataDoubleEscapeEnd;
                        i += 6;
                    } else if ch.is_none() {
                        return self.text(len, sink);
                    } else {
                        st = St::ScriptDataDoubleEscaped;
                    }
                }
                St::ScriptDataDoubleEscapeEnd => match ch {
                    Some(c) if is_ws(c) || c == b'/' || c == b'>' => {
                        st = St::ScriptDataEscaped;
                        i += 1;
                    }
                    None => return self.text(len, sink),
                    Some(_) => st = St::ScriptDataDoubleEscaped,
                },
                St::PlainText => return self.text(len, sink),
            }
        }
    }

    /// A tag ends at `i` (its `>`): the tree builder's feedback (namespace,
    /// how the text after it is read), then the tag to the sink. Returns
    /// the state to read on in.
    fn emit_tag(&mut self, i: usize, sink: &mut impl Sink) -> St {
        let at = self.ls;
        self.ls = i + 1;
        self.text_type = TextType::Data;
        let name = self.b.get(self.name.0..self.name.1).unwrap_or_default();
        if self.end_tag {
            self.end_tag_feedback(name);
            self.close(name, at, sink);
        } else {
            self.start_tag_feedback(name);
            self.last_start_hash = self.hash;
            self.open(name, at, sink);
        }
        match self.text_type {
            TextType::Data => St::Data,
            TextType::RcData | TextType::RawText => St::RawText,
            TextType::ScriptData => St::ScriptData,
            TextType::PlainText => St::PlainText,
        }
    }

    fn enter_ns(&mut self, ns: Ns) {
        self.ns_stack.push(ns);
        self.ns = ns;
        self.cdata_allowed = ns != Ns::Html;
    }

    fn leave_ns(&mut self) {
        self.ns_stack.pop();
        if let Some(&ns) = self.ns_stack.last() {
            self.ns = ns;
            self.cdata_allowed = ns != Ns::Html;
        }
    }

    fn attr_named(&self, a: &Attr, name: &[u8]) -> bool {
        self.b
            .get(a.name.0..a.name.1)
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
    }

    fn start_tag_feedback(&mut self, name: &[u8]) {
        let h = self.hash;
        if h == SVG {
            self.enter_ns(Ns::Svg);
        } else if h == MATH {
            self.enter_ns(Ns::MathMl);
        } else if self.ns != Ns::Html {
            if LEAVES_FOREIGN.contains(&h) {
                self.leave_ns();
            } else if (self.ns == Ns::Svg && [DESC, TITLE, FOREIGN_OBJECT].contains(&h))
                || (self.ns == Ns::MathMl && [MI, MO, MN, MS, MTEXT].contains(&h))
            {
                if !self.self_closing {
                    self.enter_ns(Ns::Html);
                }
            } else if h == FONT {
                let leaves = self.attrs.iter().any(|a| {
                    self.attr_named(a, b"color")
                        || self.attr_named(a, b"size")
                        || self.attr_named(a, b"face")
                });
                if leaves {
                    self.leave_ns();
                }
            } else if h == NO_HASH
                && self.ns == Ns::MathMl
                && !self.self_closing
                && name.eq_ignore_ascii_case(b"annotation-xml")
            {
                let html = self.attrs.iter().any(|a| {
                    let value = a.value.and_then(|(s, e)| self.b.get(s..e));
                    self.attr_named(a, b"encoding")
                        && value.is_some_and(|v| {
                            v.eq_ignore_ascii_case(b"text/html")
                                || v.eq_ignore_ascii_case(b"application/xhtml+xml")
                        })
                });
                if html {
                    self.enter_ns(Ns::Html);
                }
            }
        } else if h == TEXTAREA || h == TITLE {
            self.text_type = TextType::RcData;
        } else if h == PLAINTEXT {
            self.text_type = TextType::PlainText;
        } else if h == SCRIPT {
            self.text_type = TextType::ScriptData;
        } else if [STYLE, IFRAME, XMP, NOEMBED, NOFRAMES, NOSCRIPT].contains(&h) {
            self.text_type = TextType::RawText;
        }
    }

    fn end_tag_feedback(&mut self, name: &[u8]) {
        let h = self.hash;
        if self.ns == Ns::Html {
            let n = self.ns_stack.len();
            if n < 2 {
                return;
            }
            // The end of an HTML integration point inside SVG or MathML
            // (`annotation-xml` has no hash, so it is compared by name).
            let prev = self.ns_stack[n - 2];
            let math_point = [MI, MO, MN, MS, MTEXT].contains(&h)
                || (h == NO_HASH && name.eq_ignore_ascii_case(b"annotation-xml"));
            if (prev == Ns::MathMl && math_point)
                || (prev == Ns::Svg && [DESC, TITLE, FOREIGN_OBJECT].contains(&h))
            {
                self.leave_ns();
            }
        } else if (self.ns == Ns::Svg && h == SVG)
            || (self.ns == Ns::MathMl && h == MATH)
            || h == P
            || h == BR
        {
            self.leave_ns();
        }
    }

    fn open(&mut self, name: &[u8], at: usize, sink: &mut impl Sink) {
        let Some(key) = self.names.key(self.hash, name, true) else {
            return;
        };
        let can_have_content = if self.ns == Ns::Html {
            !VOID.contains(&self.hash)
        } else {
            !self.self_closing
        };
        let attrs = std::mem::take(&mut self.attrs);
        let id = sink.start(&StartTag {
            at,
            name,
            key,
            attrs: &attrs,
            self_closing: self.self_closing,
            can_have_content,
        });
        self.attrs = attrs;
        if can_have_content {
            self.open.push((key, id));
            if self.open_count.len() <= key {
                self.open_count.resize(key + 1, 0);
            }
            self.open_count[key] += 1;
        }
    }

    fn close(&mut self, name: &[u8], at: usize, sink: &mut impl Sink) {
        let Some(key) = self.names.key(self.hash, name, false) else {
            return;
        };
        if self.open_count.get(key).copied().unwrap_or(0) == 0 {
            return;
        }
        let Some(from) = self.open.iter().rposition(|&(k, _)| k == key) else {
            return;
        };
        self.popped.clear();
        self.popped.extend(self.open.drain(from..));
        for &(k, id) in self.popped.iter().rev() {
            if let Some(c) = self.open_count.get_mut(k) {
                *c = c.saturating_sub(1);
            }
            if let Some(id) = id {
                sink.end(id, at);
            }
        }
    }
}
