//! Character decoding into a text layer with a map back to file bytes.

use crate::textmap::TextMap;

/// What the first bytes of a file say it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sniffed {
    Text,
    Html,
    /// An EDGAR SGML submission (`<SEC-DOCUMENT>`, `<DOCUMENT>`).
    Submission,
    /// Not text: the reason, for the failure message.
    Binary(String),
}

const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF", "looks like a PDF file"),
    (
        b"PK\x03\x04",
        "looks like a ZIP archive (or a DOCX/XLSX file)",
    ),
    (b"\x89PNG", "looks like a PNG image"),
    (b"\xff\xd8\xff", "looks like a JPEG image"),
    (b"GIF8", "looks like a GIF image"),
    (b"\x1f\x8b", "looks like a gzip archive"),
    (
        b"\xd0\xcf\x11\xe0",
        "looks like an old Microsoft Office file",
    ),
    (b"\x7fELF", "looks like an executable"),
];

/// Classifies a file by its leading bytes.
pub fn sniff(bytes: &[u8]) -> Sniffed {
    for (magic, what) in MAGIC {
        if bytes.starts_with(magic) {
            return Sniffed::Binary((*what).to_string());
        }
    }
    let head = &bytes[..bytes.len().min(8192)];
    let nuls = memchr::memchr_iter(0, head).count();
    if nuls > 0 {
        // UTF-16 text would need its own decoder; releases are never UTF-16
        // in practice, so call it what it looks like.
        return Sniffed::Binary(format!(
            "contains NUL bytes ({nuls} in the first {} bytes)",
            head.len()
        ));
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if controls * 20 > head.len().max(1) {
        return Sniffed::Binary(format!(
            "{controls} control characters in the first {} bytes",
            head.len()
        ));
    }
    let lower: Vec<u8> = head
        .iter()
        .skip_while(|b| b.is_ascii_whitespace() || **b == 0xef || **b == 0xbb || **b == 0xbf)
        .take(2048)
        .map(|b| b.to_ascii_lowercase())
        .collect();
    if lower.starts_with(b"<sec-document>")
        || lower.starts_with(b"<sec-header>")
        || lower.starts_with(b"<ims-document>")
        || (lower.starts_with(b"<document>") && memchr::memmem::find(&lower, b"<type>").is_some())
    {
        return Sniffed::Submission;
    }
    if lower.starts_with(b"<!doctype html")
        || lower.starts_with(b"<html")
        || lower.starts_with(b"<?xml") && memchr::memmem::find(&lower, b"<html").is_some()
    {
        return Sniffed::Html;
    }
    Sniffed::Text
}

/// Decodes bytes as UTF-8, or as Windows-1252 where they are not valid UTF-8,
/// into a text layer mapped to the bytes. With `unescape`, a backslash before
/// ASCII punctuation (Markdown's `\$`, `\*`) is dropped: releases converted to
/// text keep such escapes, and a reader sees the punctuation alone.
pub fn decode_text(bytes: &[u8], unescape: bool) -> TextMap {
    let mut map = TextMap::new();
    let mut pos = 0;
    let bom = if bytes.starts_with(b"\xef\xbb\xbf") {
        3
    } else {
        0
    };
    pos += bom;
    while pos < bytes.len() {
        let rest = &bytes[pos..];
        let (valid, bad) = match std::str::from_utf8(rest) {
            Ok(s) => (s, 0),
            Err(e) => {
                let v = e.valid_up_to();
                // SAFETY-free: from_utf8 told us the prefix is valid.
                let s = std::str::from_utf8(&rest[..v]).unwrap_or("");
                (s, e.error_len().unwrap_or(rest.len() - v).max(1))
            }
        };
        push_text(&mut map, valid, pos, unescape);
        pos += valid.len();
        for i in 0..bad {
            let b = bytes[pos + i];
            let one = [b];
            let (cow, _, _) = encoding_rs::WINDOWS_1252.decode(&one);
            map.push_replaced(&cow, pos + i, 1);
        }
        pos += bad;
    }
    map
}

fn push_text(map: &mut TextMap, s: &str, file_start: usize, unescape: bool) {
    if !unescape {
        push_normalized(map, s, file_start);
        return;
    }
    let bytes = s.as_bytes();
    let mut last = 0;
    let mut i = 0;
    while i + 1 < bytes.len() {
        if bytes[i] == b'\\' && bytes[i + 1].is_ascii_punctuation() {
            push_normalized(map, &s[last..i], file_start + last);
            map.push_replaced(&s[i + 1..i + 2], file_start + i, 2);
            i += 2;
            last = i;
        } else {
            i += 1;
        }
    }
    push_normalized(map, &s[last..], file_start + last);
}

/// Carriage returns become nothing (CRLF files read like LF files) and
/// no-break spaces become spaces, so parsers see one kind of line end and
/// one kind of space.
fn push_normalized(map: &mut TextMap, s: &str, file_start: usize) {
    let mut last = 0;
    for (i, ch) in s.char_indices() {
        match ch {
            '\r' => {
                map.push_verbatim(&s[last..i], file_start + last);
                last = i + 1;
            }
            '\u{a0}' | '\u{2007}' | '\u{202f}' => {
                map.push_verbatim(&s[last..i], file_start + last);
                map.push_replaced(" ", file_start + i, ch.len_utf8());
                last = i + ch.len_utf8();
            }
            _ => {}
        }
    }
    map.push_verbatim(&s[last..], file_start + last);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_falls_back_per_byte() {
        let bytes = b"caf\xe9 \x96 42";
        let m = decode_text(bytes, false);
        assert_eq!(m.text(), "café – 42");
        let at = m.text().find("42").unwrap();
        assert_eq!(m.span(at, at + 2).start, 7);
    }

    #[test]
    fn markdown_escapes_read_as_punctuation() {
        let m = decode_text(br"Revenue \$ 42,625", true);
        assert_eq!(m.text(), "Revenue $ 42,625");
        let at = m.text().find("42").unwrap();
        let sp = m.span(at, at + 6);
        assert_eq!(&br"Revenue \$ 42,625"[sp.start..sp.end], b"42,625");
    }

    #[test]
    fn crlf_reads_as_lf() {
        let m = decode_text(b"a\r\nb", false);
        assert_eq!(m.text(), "a\nb");
        assert_eq!(m.span(2, 3).start, 3);
    }

    #[test]
    fn sniffs_binaries() {
        assert!(matches!(sniff(b"%PDF-1.4"), Sniffed::Binary(_)));
        assert!(matches!(sniff(b"\0\0\0\0"), Sniffed::Binary(_)));
        assert_eq!(sniff(b"<html><body>"), Sniffed::Html);
        assert_eq!(sniff(b"Revenue 42"), Sniffed::Text);
    }
}
