//! EDGAR submission files: one filing's documents in an SGML envelope.
//!
//! A `full-submission.txt` (as sec-edgar-downloader saves it) or a `.nc`
//! file holds a header and one `<DOCUMENT>` per file of the filing:
//!
//! ```text
//! <SEC-DOCUMENT>0000950170-24-000001.txt : 20240125
//! <SEC-HEADER>…</SEC-HEADER>
//! <DOCUMENT>
//! <TYPE>EX-99.1
//! <SEQUENCE>2
//! <FILENAME>ex99-1.htm
//! <DESCRIPTION>PRESS RELEASE
//! <TEXT>
//! <html>…</html>
//! </TEXT>
//! </DOCUMENT>
//! ```
//!
//! [`split`] finds the documents and the byte range of each one's text, so
//! that an exhibit is parsed on its own while every span stays an offset in
//! the submission file. Only the envelope is read here: no decoding, no
//! copies.

use std::ops::Range;

/// One `<DOCUMENT>` of a submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// `<TYPE>`: "8-K", "EX-99.1", "GRAPHIC".
    pub doc_type: String,
    pub sequence: Option<String>,
    pub filename: Option<String>,
    pub description: Option<String>,
    /// The bytes between `<TEXT>` and `</TEXT>`, as offsets in the file.
    pub body: Range<usize>,
}

impl Part {
    /// How the part is named in reports: "EX-99.1 (ex99-1.htm)".
    pub fn label(&self) -> String {
        match &self.filename {
            Some(f) => format!("{} ({f})", self.doc_type),
            None => self.doc_type.clone(),
        }
    }

    /// What the body holds, for choosing a reader or skipping it.
    pub fn payload(&self, file: &[u8]) -> Payload {
        payload(&file[self.body.clone()], self.filename.as_deref())
    }
}

/// What a part's body is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Payload {
    Html,
    Text,
    /// Not readable as a release: uuencoded (images, PDFs, spreadsheets), a
    /// `<PDF>` part, XBRL or XML data. The reason, for the report.
    Skipped(&'static str),
}

fn payload(body: &[u8], filename: Option<&str>) -> Payload {
    let start = body
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(body.len());
    let head: Vec<u8> = body[start..body.len().min(start + 512)]
        .iter()
        .map(|b| b.to_ascii_lowercase())
        .collect();
    if head.starts_with(b"begin ") && head.get(6).is_some_and(u8::is_ascii_digit) {
        return Payload::Skipped("uuencoded file");
    }
    if head.starts_with(b"<pdf>") {
        return Payload::Skipped("PDF");
    }
    let name = filename.unwrap_or("").to_ascii_lowercase();
    // The file name says HTML; markup in the first bytes confirms it (a
    // mislabelled text exhibit reads better as text).
    if (name.ends_with(".htm") || name.ends_with(".html")) && head.contains(&b'<') {
        return Payload::Html;
    }
    if head.starts_with(b"<xbrl>") || head.starts_with(b"<xml>") || head.starts_with(b"<?xml") {
        // Inline XBRL documents come as `<XBRL>` around HTML; plain XBRL
        // instances and schemas are data, not prose and tables.
        return if memchr::memmem::find(&head, b"<html").is_some() {
            Payload::Html
        } else {
            Payload::Skipped("XML data")
        };
    }
    if head.starts_with(b"<html") || head.starts_with(b"<!doctype html") {
        return Payload::Html;
    }
    Payload::Text
}

/// The documents of a submission, in file order. A truncated last document
/// (no `</TEXT>`, no `</DOCUMENT>`) runs to the end of the file.
pub fn split(file: &[u8]) -> Vec<Part> {
    let mut parts = Vec::new();
    let mut pos = 0;
    while let Some(found) = find_tag(file, pos, b"<DOCUMENT>") {
        let header_start = found + b"<DOCUMENT>".len();
        let end_of_document = find_tag(file, header_start, b"</DOCUMENT>");
        let limit = end_of_document.unwrap_or(file.len());
        let mut part = Part {
            doc_type: String::new(),
            sequence: None,
            filename: None,
            description: None,
            body: limit..limit,
        };
        // Header lines (`<TYPE>EX-99.1`) up to `<TEXT>`.
        let mut line_start = header_start;
        while line_start < limit {
            let line_end =
                memchr::memchr(b'\n', &file[line_start..limit]).map_or(limit, |i| line_start + i);
            let line = trim(&file[line_start..line_end]);
            if eq_ignore_case_prefix(line, b"<TEXT>") {
                let mut body_start = line_start + leading_space(&file[line_start..line_end]);
                body_start += b"<TEXT>".len();
                // The body starts on the line after `<TEXT>` when nothing
                // follows the tag.
                if trim(&file[body_start..line_end]).is_empty() {
                    body_start = (line_end + 1).min(limit);
                }
                let body_end =
                    find_tag_before(file, body_start, limit, b"</TEXT>").unwrap_or(limit);
                part.body = body_start..body_end.max(body_start);
                break;
            }
            if let Some(v) = value_of(line, b"<TYPE>") {
                part.doc_type = v;
            } else if let Some(v) = value_of(line, b"<SEQUENCE>") {
                part.sequence = Some(v);
            } else if let Some(v) = value_of(line, b"<FILENAME>") {
                part.filename = Some(v);
            } else if let Some(v) = value_of(line, b"<DESCRIPTION>") {
                part.description = Some(v);
            }
            line_start = line_end + 1;
        }
        if part.doc_type.is_empty() {
            part.doc_type = "(no type)".into();
        }
        parts.push(part);
        pos = match end_of_document {
            Some(e) => e + b"</DOCUMENT>".len(),
            None => file.len(),
        };
    }
    parts
}

/// The next `tag` at the start of a line (after optional spaces), from
/// `from`. Tags inside a document's text are not at a line start in
/// practice, and EDGAR writes envelope tags in capitals.
fn find_tag(file: &[u8], from: usize, tag: &[u8]) -> Option<usize> {
    let mut at = from;
    while at < file.len() {
        let i = at + memchr::memmem::find(&file[at..], tag)?;
        if at_line_start(file, i) {
            return Some(i);
        }
        at = i + tag.len();
    }
    None
}

/// The last `tag` at a line start in `from..limit`: a document's text ends
/// at its last `</TEXT>`.
fn find_tag_before(file: &[u8], from: usize, limit: usize, tag: &[u8]) -> Option<usize> {
    let hay = &file[from..limit];
    let mut found = None;
    for i in memchr::memmem::find_iter(hay, tag) {
        if at_line_start(file, from + i) {
            found = Some(from + i);
        }
    }
    found
}

fn at_line_start(file: &[u8], i: usize) -> bool {
    // Looking back a bounded distance keeps a long line full of tags linear.
    for k in 1..=64 {
        match i.checked_sub(k).map(|j| file[j]) {
            None | Some(b'\n') => return true,
            Some(b' ' | b'\t' | b'\r') => {}
            Some(_) => return false,
        }
    }
    false
}

fn leading_space(line: &[u8]) -> usize {
    line.iter().take_while(|b| b.is_ascii_whitespace()).count()
}

fn trim(line: &[u8]) -> &[u8] {
    let start = leading_space(line);
    let end = line.len()
        - line[start..]
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_whitespace())
            .count();
    &line[start..end]
}

fn eq_ignore_case_prefix(line: &[u8], tag: &[u8]) -> bool {
    line.len() >= tag.len() && line[..tag.len()].eq_ignore_ascii_case(tag)
}

fn value_of(line: &[u8], tag: &[u8]) -> Option<String> {
    if !eq_ignore_case_prefix(line, tag) {
        return None;
    }
    let v = String::from_utf8_lossy(trim(&line[tag.len()..])).into_owned();
    // A type or file name is short; anything longer is not an envelope line.
    Some(v.chars().take(200).collect())
}

/// Which documents of a submission to check: `<TYPE>` patterns where `*`
/// stands for any run of characters, compared without regard to case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExhibitFilter {
    patterns: Vec<String>,
}

impl Default for ExhibitFilter {
    /// Earnings releases are filed as Exhibit 99 (99.1, 99.2, …).
    fn default() -> ExhibitFilter {
        ExhibitFilter::new(["EX-99*"])
    }
}

impl ExhibitFilter {
    pub fn new<S: AsRef<str>>(patterns: impl IntoIterator<Item = S>) -> ExhibitFilter {
        ExhibitFilter {
            patterns: patterns
                .into_iter()
                .flat_map(|p| {
                    p.as_ref()
                        .split(',')
                        .map(|s| s.trim().to_ascii_uppercase())
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                })
                .collect(),
        }
    }

    pub fn matches(&self, doc_type: &str) -> bool {
        let t = doc_type.to_ascii_uppercase();
        self.patterns.iter().any(|p| crate::glob::matches(p, &t))
    }

    /// The patterns, as the user would write them ("EX-99*").
    pub fn describe(&self) -> String {
        self.patterns.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SUBMISSION: &str = "<SEC-DOCUMENT>0000000000-24-000001.txt : 20240125
<SEC-HEADER>0000000000-24-000001.hdr.sgml : 20240125
CONFORMED SUBMISSION TYPE:\t8-K
</SEC-HEADER>
<DOCUMENT>
<TYPE>8-K
<SEQUENCE>1
<FILENAME>form8-k.htm
<DESCRIPTION>8-K
<TEXT>
<html><body>Item 2.02</body></html>
</TEXT>
</DOCUMENT>
<DOCUMENT>
<TYPE>EX-99.1
<SEQUENCE>2
<FILENAME>ex99-1.htm
<TEXT>
<html><body><p>Revenue was $42.6 million.</p></body></html>
</TEXT>
</DOCUMENT>
<DOCUMENT>
<TYPE>GRAPHIC
<SEQUENCE>3
<FILENAME>logo.jpg
<TEXT>
begin 644 logo.jpg
M_]C_X``02D9)1@`!`0$`8`!@``#_VP!#``,\"`@(\"`@#`@(\"`P,#`P0&!`0$
end
</TEXT>
</DOCUMENT>
</SEC-DOCUMENT>
";

    #[test]
    fn splits_documents_with_their_envelope() {
        let parts = split(SUBMISSION.as_bytes());
        let types: Vec<&str> = parts.iter().map(|p| p.doc_type.as_str()).collect();
        assert_eq!(types, ["8-K", "EX-99.1", "GRAPHIC"]);
        let ex = &parts[1];
        assert_eq!(ex.filename.as_deref(), Some("ex99-1.htm"));
        assert_eq!(ex.sequence.as_deref(), Some("2"));
        assert_eq!(
            &SUBMISSION[ex.body.clone()],
            "<html><body><p>Revenue was $42.6 million.</p></body></html>\n"
        );
        assert_eq!(ex.label(), "EX-99.1 (ex99-1.htm)");
    }

    #[test]
    fn tells_readable_parts_from_encoded_ones() {
        let bytes = SUBMISSION.as_bytes();
        let kinds: Vec<Payload> = split(bytes).iter().map(|p| p.payload(bytes)).collect();
        assert_eq!(
            kinds,
            [
                Payload::Html,
                Payload::Html,
                Payload::Skipped("uuencoded file")
            ]
        );
        assert_eq!(payload(b"  Revenue 42", None), Payload::Text);
        assert_eq!(
            payload(b"<PDF>\nbegin 644 x.pdf", None),
            Payload::Skipped("PDF")
        );
        assert_eq!(
            payload(b"<XBRL>\n<?xml version='1.0'?><html>", None),
            Payload::Html
        );
        assert_eq!(
            payload(b"<XBRL>\n<xs:schema>", None),
            Payload::Skipped("XML data")
        );
    }

    #[test]
    fn a_truncated_submission_runs_to_the_end() {
        let text = "<SEC-DOCUMENT>\n<DOCUMENT>\n<TYPE>EX-99\n<TEXT>\nRevenue 42,625\n";
        let parts = split(text.as_bytes());
        assert_eq!(parts.len(), 1);
        assert_eq!(&text[parts[0].body.clone()], "Revenue 42,625\n");
        // Cut inside the header: an empty body, no panic.
        let parts = split(b"<DOCUMENT>\n<TYPE>EX-9");
        assert_eq!(parts[0].doc_type, "EX-9");
        assert!(parts[0].body.is_empty());
        assert!(split(b"").is_empty());
        assert_eq!(split(b"<DOCUMENT>")[0].doc_type, "(no type)");
    }

    #[test]
    fn text_closing_tags_inside_a_line_do_not_end_the_document() {
        let text = "<DOCUMENT>\n<TYPE>EX-99.1\n<TEXT>\nsee the </TEXT> tag\n</TEXT>\n</DOCUMENT>\n";
        let parts = split(text.as_bytes());
        assert_eq!(&text[parts[0].body.clone()], "see the </TEXT> tag\n");
    }

    #[test]
    fn exhibit_patterns() {
        let f = ExhibitFilter::default();
        assert!(f.matches("EX-99.1"));
        assert!(f.matches("ex-99"));
        assert!(!f.matches("EX-10.1"));
        assert!(!f.matches("8-K"));
        let f = ExhibitFilter::new(["8-K, ex-99.2"]);
        assert!(f.matches("8-K"));
        assert!(f.matches("EX-99.2"));
        assert!(!f.matches("EX-99.1"));
        assert_eq!(f.describe(), "8-K, EX-99.2");
        assert!(ExhibitFilter::new(["*"]).matches("GRAPHIC"));
    }
}
