//! The tokenizer that [`tokenizer`](super::tokenizer) replaced, kept for
//! tests only (lol_html is a dev-dependency): the differential tests below
//! hold the two event streams equal on the corpus, on hand-written edge
//! cases and on random HTML-ish bytes.

use super::*;
use std::cell::RefCell;
use std::rc::Rc;

/// The attributes that matter of one start tag. Names and values are read
/// in place from the input at the source locations lol_html gives (its
/// `get_attribute` lower-cases the name asked for, and decodes and allocates
/// the value, per call: a large share of the time on exhibits that style
/// every element). Like `get_attribute`, the first attribute of a name
/// counts; a value is the input's bytes as UTF-8, invalid bytes replaced.
fn read_lol_attrs(
    attributes: &[lol_html::html_content::Attribute<'_>],
    bytes: &[u8],
    cell: bool,
) -> Attrs {
    let mut style = None;
    let mut colspan = None;
    let mut rowspan = None;
    let mut hidden = false;
    for a in attributes {
        let name_at = a.name_source_location().map(|l| l.bytes());
        let Some(name) = name_at.and_then(|r| bytes.get(r)) else {
            // Not expected for parsed attributes: read them the slow way.
            let name = a.name();
            let value = || Some(std::borrow::Cow::Owned(a.value()));
            match name.as_str() {
                "style" if style.is_none() => style = value(),
                "colspan" if cell && colspan.is_none() => colspan = value(),
                "rowspan" if cell && rowspan.is_none() => rowspan = value(),
                "hidden" => hidden = true,
                _ => {}
            }
            continue;
        };
        let value = || {
            Some(match a.value_source_location() {
                Some(l) => {
                    let raw = bytes.get(l.bytes()).unwrap_or_default();
                    // `from_utf8` checks valid text much faster than the
                    // lossy decoder does.
                    match std::str::from_utf8(raw) {
                        Ok(v) => std::borrow::Cow::Borrowed(v),
                        Err(_) => String::from_utf8_lossy(raw),
                    }
                }
                None => std::borrow::Cow::Borrowed(""),
            })
        };
        if name.eq_ignore_ascii_case(b"style") {
            if style.is_none() {
                style = value();
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
    parse_attrs(
        style.as_deref().map(str::as_bytes),
        colspan.as_deref(),
        rowspan.as_deref(),
        hidden,
    )
}

/// Tokenizes with lol_html into start, end and text events with byte
/// offsets. A rewriter error (never expected with these settings) keeps
/// what was read before it.
pub(super) fn lol_tokenize(bytes: &[u8]) -> Vec<Ev> {
    let col = Rc::new(RefCell::new(Collector::new()));
    {
        let c_el = Rc::clone(&col);
        let c_text = Rc::clone(&col);
        let settings = lol_html::Settings::new()
            .with_strict(false)
            .append_element_content_handler(lol_html::element!("*", move |el| {
                let name = el.tag_name();
                let at = el.source_location().bytes().start;
                let void = is_void(&name) || el.is_self_closing() || !el.can_have_content();
                // Spans only matter on cells.
                let cell = name.eq_ignore_ascii_case("td") || name.eq_ignore_ascii_case("th");
                let mut attrs = read_lol_attrs(el.attributes(), bytes, cell);
                attrs.superscript |= name.eq_ignore_ascii_case("sup");
                let hides = attrs.hidden;
                let (tag, void) = {
                    let mut c = c_el.borrow_mut();
                    let tag = c.id(&name);
                    // Where an inline element (`font`, `span`, `b`, inline
                    // XBRL tags) ends says nothing to the reader unless it
                    // hides its content: it is read as if it had no end,
                    // which spares an end-tag handler per element (a large
                    // share of the time on Workiva exhibits).
                    let void = void || (tag >= END_HIDDEN && !hides);
                    c.events.push(Ev::Start {
                        tag,
                        attrs,
                        at,
                        void,
                    });
                    (tag, void)
                };
                if !void {
                    let c_end = Rc::clone(&c_el);
                    el.on_end_tag(lol_html::end_tag!(move |end| {
                        let at = end.source_location().bytes().start;
                        c_end.borrow_mut().events.push(Ev::End { tag, at });
                        Ok(())
                    }))?;
                }
                Ok(())
            }))
            .append_document_content_handler(lol_html::doc_text!(move |t| {
                let r = t.source_location().bytes();
                c_text.borrow_mut().text(r.start, r.end);
                Ok(())
            }));
        let mut rewriter = lol_html::HtmlRewriter::new(settings, |_: &[u8]| {});
        // Feed in pieces so memory stays bounded by lol_html's buffers.
        let mut ok = true;
        for piece in bytes.chunks(64 * 1024) {
            if rewriter.write(piece).is_err() {
                ok = false;
                break;
            }
        }
        if ok {
            let _ = rewriter.end();
        }
    }
    let events = std::mem::take(&mut col.borrow_mut().events);
    events
}

/// Both tokenizers' events for `bytes`, with where they first differ.
///
/// One difference is lol_html's and allowed: its text decoder holds back
/// the bytes of a UTF-8 sequence left incomplete at the end of a text chunk
/// (a lone `\xe9` of a Windows-1252 "é" between two tags, a character cut
/// by the 64 KiB pieces the input was written in, the last bytes of the
/// input) and, once the chunk turns out to end there, reports them in no
/// text chunk's range. The new tokenizer gives those bytes out as text,
/// where the text decoder of this module reads them (as Windows-1252). So
/// tags must be equal, and between two tags the new text must cover the
/// old, with only bytes of 0x80 and above more.
fn first_difference(bytes: &[u8]) -> Option<String> {
    let new = tokenize(bytes);
    let old = lol_tokenize(bytes);
    if new == old {
        return None;
    }
    let tags = |events: &[Ev]| -> Vec<Ev> {
        events
            .iter()
            .filter(|e| !matches!(e, Ev::Text { .. }))
            .cloned()
            .collect()
    };
    let (new_tags, old_tags) = (tags(&new), tags(&old));
    if new_tags != old_tags {
        let k = new_tags
            .iter()
            .zip(&old_tags)
            .take_while(|(a, b)| a == b)
            .count();
        return Some(format!(
            "tag event {k} of {}/{}: new {:?} old {:?}",
            new_tags.len(),
            old_tags.len(),
            new_tags.get(k),
            old_tags.get(k)
        ));
    }
    // Text ranges keyed by the number of tag events before them.
    let texts = |events: &[Ev]| -> Vec<(usize, usize, usize)> {
        let mut tags = 0;
        let mut out = Vec::new();
        for e in events {
            match *e {
                Ev::Text { start, end } => out.push((tags, start, end)),
                _ => tags += 1,
            }
        }
        out
    };
    let (new_text, old_text) = (texts(&new), texts(&old));
    for &(group, start, end) in &old_text {
        let inside = new_text
            .iter()
            .any(|&(g, s, e)| g == group && s <= start && end <= e);
        if !inside {
            return Some(format!("old text {start}..{end} not in the new text"));
        }
    }
    for &(group, start, end) in &new_text {
        for (at, &byte) in bytes.iter().enumerate().take(end).skip(start) {
            let old_has = old_text
                .iter()
                .any(|&(g, s, e)| g == group && s <= at && at < e);
            if !old_has && byte < 0x80 {
                return Some(format!(
                    "new text byte {at} ({byte:#x}) not in the old text"
                ));
            }
        }
    }
    None
}

#[test]
fn same_events_as_lol_html_on_edge_cases() {
    let cases: &[&[u8]] = &[
        b"",
        b"plain text",
        b"<p>a</p>",
        b"<P CLASS=x>a</p>",
        b"<td colspan=2 style='padding-left:10pt'>1</TD>",
        b"<td colspan=\"2\" colspan=\"3\" hidden>1</td>",
        b"<div a b=c d = 'e' f=\"g\" h>x</div>",
        b"<div\nstyle=\"display:\n none\"\n>x</div>",
        b"<br/><hr><img src=x>text",
        b"<div/>a</div>b</div>",
        b"<table><tr><td>1<td>2</table>",
        b"<div><span><b>x</div>y</span>",
        b"<!-- comment -->a<!---->b<!-->c<!--->d",
        b"<!-- a -- b --!>c<!--<!-- x -->d",
        b"a<!-- unterminated",
        b"<!DOCTYPE html>a",
        b"<!doctype html PUBLIC \"-//W3C//DTD> x\" \"y\">a",
        b"<!DOCTYPE",
        b"<![CDATA[x]]>y",
        b"<svg><![CDATA[x<y]]]>z</svg>",
        b"<math><![CDATA[a]]></math>",
        b"<?xml version=\"1.0\"?><p>a",
        b"</ >a</>b<!x>c</3>d",
        b"a < b, c<d, 1<2 & 3>2",
        b"<script>if (a<b && c>d) {}</script>x",
        b"<script>document.write('</div>')</script>x",
        b"<script><!-- <script> </script> --></script>x",
        b"<script><!--x--></script>y",
        b"<SCRIPT>a</ScRiPt >b",
        b"<script a=>x<b>y</b>",
        b"<script/>x</script>",
        b"<style>p{a:b}</style><p>x",
        b"<title>a<b>c</title>d",
        b"<textarea><td>1</td></textarea>2",
        b"<xmp><p>a</xmp>b",
        b"<iframe><p>a</iframe>b",
        b"<noembed>a</noembed><noframes>b</noframes><noscript>c</noscript>",
        b"<plaintext><p>a</p>",
        b"<svg><style><p>a</style><title>t</title></svg>",
        b"<svg><foreignObject><style>x</style></foreignObject></svg>",
        b"<svg><desc/><script>x</script></svg>",
        b"<svg><b>x</b><script><p>y</p></script>",
        b"<math><mi><style><p></style></mi></math>",
        b"<math><annotation-xml encoding=\"text/html\"><style>x</style></annotation-xml></math>",
        b"<svg><font color=red><style>x</style></font>",
        b"<svg><p>a</p></svg><style>x</style>",
        b"<ix:nonFraction name=\"us-gaap:Revenue\" scale=\"6\">1,234</ix:nonFraction>",
        b"<IX:NONFRACTION>1</ix:nonfraction>",
        b"<div style=\"display:none\">x</div>y",
        b"<p>\xff\xfe<b>\xe9</b> caf\xc3\xa9</p>",
        b"<p\xff a=\xfe>x</p\xff>",
        b"<a href=\"x",
        b"<p>a</p",
        b"<p>a<",
        b"<p>a</",
        b"<p class='x'",
        b"<table><tr><td>1</td></tr></table><",
        b"<averyveryverylongtagname>x</averyveryverylongtagname>",
        b"<foreignobject>x</foreignobject>",
        b"<a><a><a></a></a></a></a>",
        b"<frame>x</frame><frameset></frameset>",
        b"&amp; &nbsp; &#36; &lt;p&gt;",
    ];
    for case in cases {
        if let Some(d) = first_difference(case) {
            panic!("{:?}: {d}", String::from_utf8_lossy(case));
        }
    }
}

#[test]
fn same_events_as_lol_html_on_corpus() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if !root.is_dir() {
        eprintln!("../shared/corpus is absent: corpus comparison skipped");
        return;
    }
    let mut checked = 0;
    let mut failures = Vec::new();
    for entry in walkdir::WalkDir::new(&root).sort_by_file_name() {
        let Ok(entry) = entry else { continue };
        if !entry.file_type().is_file() {
            continue;
        }
        let Ok(bytes) = std::fs::read(entry.path()) else {
            continue;
        };
        // Every file, not only the HTML ones: submission files embed HTML,
        // and the tokenizer must agree on any bytes.
        // Real releases: the same events exactly, without the allowance
        // for incomplete UTF-8 sequences.
        if tokenize(&bytes) != lol_tokenize(&bytes) {
            let d = first_difference(&bytes).unwrap_or_else(|| "text ranges".into());
            failures.push(format!("{}: {d}", entry.path().display()));
        }
        checked += 1;
    }
    assert!(
        failures.is_empty(),
        "{checked} files, differences:\n{}",
        failures.join("\n")
    );
}

mod random {
    use super::*;
    use proptest::prelude::*;

    /// Pieces of HTML and of what breaks it, put together at random.
    fn piece() -> impl Strategy<Value = Vec<u8>> {
        prop_oneof![
            prop::sample::select(vec![
                "<",
                ">",
                "/",
                "</",
                "<!",
                "<!--",
                "-->",
                "--",
                "-",
                "!",
                "?",
                "=",
                "\"",
                "'",
                " ",
                "\n",
                "\t",
                "&",
                "&amp;",
                "&#36;",
                "]]>",
                "<![CDATA[",
                "<!DOCTYPE ",
                "<?xml ",
                "script",
                "SCRIPT",
                "style",
                "title",
                "textarea",
                "xmp",
                "iframe",
                "noembed",
                "noframes",
                "noscript",
                "plaintext",
                "svg",
                "math",
                "mi",
                "desc",
                "foreignObject",
                "font",
                "color",
                "annotation-xml",
                "encoding",
                "text/html",
                "p",
                "br",
                "div",
                "td",
                "tr",
                "table",
                "span",
                "b",
                "ix:nonFraction",
                "style",
                "colspan",
                "hidden",
                "display:none",
                "1,234",
                "(5)",
                "$",
                "a",
                "x",
            ])
            .prop_map(|s| s.as_bytes().to_vec()),
            prop::collection::vec(any::<u8>(), 1..4),
            Just(b"\xc3\xa9".to_vec()),
            Just(b"\xe9".to_vec()),
            tag(),
        ]
    }

    /// A whole tag, so that attributes and raw-text elements come up often.
    fn tag() -> impl Strategy<Value = Vec<u8>> {
        let name = prop::sample::select(vec![
            "p",
            "P",
            "td",
            "TD",
            "tr",
            "table",
            "div",
            "span",
            "b",
            "br",
            "hr",
            "img",
            "script",
            "Script",
            "style",
            "title",
            "textarea",
            "xmp",
            "svg",
            "math",
            "mi",
            "desc",
            "foreignObject",
            "font",
            "annotation-xml",
            "ix:nonFraction",
            "frame",
            "x1",
            "averyveryverylongtagname",
        ]);
        let attr = (
            prop::sample::select(vec![
                "style", "STYLE", "colspan", "rowspan", "hidden", "color", "encoding", "a", "=x",
            ]),
            prop::sample::select(vec![
                "",
                "=",
                "=2",
                "=\"3\"",
                "='display:none'",
                "=\"text/html\"",
                " = \"a>b\"",
                "=a/b",
                "=\"unterminated",
            ]),
        )
            .prop_map(|(n, v)| format!(" {n}{v}"));
        (
            prop::sample::select(vec!["<", "</"]),
            name,
            prop::collection::vec(attr, 0..3),
            prop::sample::select(vec![">", "/>", " >", "\n>", ""]),
        )
            .prop_map(|(open, name, attrs, close)| {
                format!("{open}{name}{}{close}", attrs.concat()).into_bytes()
            })
    }

    fn document() -> impl Strategy<Value = Vec<u8>> {
        prop::collection::vec(piece(), 0..60).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn same_events_as_lol_html(doc in document()) {
            let d = first_difference(&doc);
            prop_assert!(d.is_none(), "{:?}: {:?}", String::from_utf8_lossy(&doc), d);
        }
    }
}

/// `parse_attrs` as it was before it scanned the bytes itself, to test the
/// two read every style and span alike.
fn old_parse_attrs(
    style: Option<&str>,
    colspan: Option<&str>,
    rowspan: Option<&str>,
    hidden: bool,
) -> Attrs {
    let span = |v: Option<&str>, max: usize| -> u16 {
        let Some(v) = v else { return 1 };
        let digits: String = v
            .trim()
            .chars()
            .take_while(|c| c.is_ascii_digit())
            .collect();
        digits.parse::<usize>().unwrap_or(1).clamp(1, max) as u16
    };
    let mut a = Attrs {
        hidden,
        colspan: span(colspan, MAX_COLSPAN),
        rowspan: span(rowspan, MAX_ROWSPAN),
        ..Attrs::default()
    };
    if let Some(style) = style {
        let b = style.as_bytes();
        let (mut start, mut at, mut colon, mut pieces) = (0, 0, None, 0);
        loop {
            let hit = memchr::memchr2(b':', b';', &b[at..]).map(|k| at + k);
            if let Some(k) = hit.filter(|&k| b[k] == b':') {
                colon = colon.or(Some(k));
                at = k + 1;
                continue;
            }
            let end = hit.unwrap_or(b.len());
            if let Some(k) = colon {
                old_declaration(&style[start..k], &style[k + 1..end], &mut a);
            }
            pieces += 1;
            if pieces == 64 || hit.is_none() {
                break;
            }
            start = end + 1;
            at = start;
            colon = None;
        }
    }
    a
}

/// `declaration` as it was before it compared values without lower-casing
/// them.
fn old_declaration(prop: &str, value: &str, a: &mut Attrs) {
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
    let prop = prop.trim();
    let is = |name: &str| prop.eq_ignore_ascii_case(name);
    let wanted = is("display")
        || is("border-top")
        || is("border-top-style")
        || is("border-bottom")
        || is("border-bottom-style")
        || is("padding-left")
        || is("margin-left")
        || is("text-indent")
        || is("vertical-align")
        || is("top");
    if !wanted {
        return;
    }
    let value = value.trim().to_ascii_lowercase();
    if is("display") {
        a.hidden |= value.starts_with("none");
    } else if is("border-top") || is("border-top-style") {
        a.border_top |= old_visible_border(&value);
    } else if is("border-bottom") || is("border-bottom-style") {
        a.border_bottom |= old_visible_border(&value);
    } else if is("vertical-align") {
        a.superscript |= value.starts_with("super");
    } else if is("top") {
        a.superscript |= old_length_tenths_pt(&value) < 0;
    } else {
        a.indent = a.indent.saturating_add(old_length_tenths_pt(&value));
    }
}

/// `visible_border` of the same time, on lower-cased values.
fn old_visible_border(v: &str) -> bool {
    !v.contains("none")
        && !v.contains("hidden")
        && [
            "solid", "double", "dashed", "dotted", "groove", "ridge", "inset", "outset",
        ]
        .iter()
        .any(|s| v.contains(s))
}

/// `length_tenths_pt` of the same time, on lower-cased values.
fn old_length_tenths_pt(v: &str) -> i32 {
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
    let tenths_pt = match unit {
        "pt" => n,
        "px" => n * 3 / 4,
        "in" => n.saturating_mul(72),
        "em" | "rem" => n.saturating_mul(10),
        "cm" => n.saturating_mul(28),
        "mm" => n.saturating_mul(28) / 10,
        _ => 0,
    };
    tenths_pt.clamp(-10_000, 10_000)
}

#[test]
fn attributes_read_as_before() {
    let many = "padding-left:1pt;".repeat(70);
    let styles = [
        "",
        ";",
        ":",
        "display:none",
        " DISPLAY : None ; border-bottom: 1px solid #000",
        "border-top:solid;padding-left:10pt;margin-left:0.5in;text-indent:-12px",
        "a:b:c;padding-left:2pt:3pt;;padding-left",
        "\u{a0}padding-left\u{a0}:\u{a0}5pt",
        "\u{b}Padding-Left:12PT;TEXT-INDENT: -0.5In;Display: NONE",
        "BORDER-BOTTOM: #000000 1PX SOLID;border-top:None",
        many.as_str(),
    ];
    let spans = [
        "",
        "0",
        "2",
        " 3abc",
        "+4",
        "5000",
        "99999999999999999999999",
        "1.5",
        "\u{3000}7",
    ];
    for style in styles {
        assert_eq!(
            parse_attrs(Some(style.as_bytes()), None, None, false),
            old_parse_attrs(Some(style), None, None, false),
            "{style:?}"
        );
    }
    for span in spans {
        assert_eq!(
            parse_attrs(None, Some(span), Some(span), true),
            old_parse_attrs(None, Some(span), Some(span), true),
            "{span:?}"
        );
    }
    // Invalid UTF-8 reads as the lossy decoding of the whole value did.
    for raw in [
        &b"padding-left:\xff5pt;display:none"[..],
        b"\xe2\x80display:none;margin-left:1pt",
        b"border-top:1px solid\xc3;;\xa0text-indent:3pt",
        b"position:relative;top:-3.85pt;vertical-align:baseline",
        b"TOP : -0.3em;Vertical-Align: SUPER",
        b"top:2pt;vertical-align:sub",
        b"top:-0pt;topx:-3pt",
    ] {
        assert_eq!(
            parse_attrs(Some(raw), None, None, false),
            old_parse_attrs(Some(&String::from_utf8_lossy(raw)), None, None, false),
            "{raw:?}"
        );
    }
}

proptest::proptest! {
    #[test]
    fn random_attributes_read_as_before(
        style in "([ a-zA-Z:;.\\-0-9\u{a0}\u{b}\u{3000}]|padding-left|border-top|display|none|solid|pt|in|PT|Px|NONE|Solid|Border-Bottom|hidden|Double|dotted|ridge|outset|top|TOP|vertical-align|Vertical-Align|super|SUPER|baseline){0,40}",
        span in "[ 0-9a-z.]{0,25}",
    ) {
        proptest::prop_assert_eq!(
            parse_attrs(Some(style.as_bytes()), Some(&span), Some(&span), false),
            old_parse_attrs(Some(&style), Some(&span), Some(&span), false)
        );
    }
}
