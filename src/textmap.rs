//! The text layer of a document and its map back to file bytes.
//!
//! Parsers work on a `String` (decoded, escapes removed, markup stripped), but
//! findings must point at the bytes of the file as stored. A [`TextMap`] is a
//! sorted list of segments; inside an *identity* segment text and file
//! advance together, so any offset maps exactly; a *replaced* segment (a
//! decoded Windows-1252 byte, an escape, an HTML entity) maps as a whole.

use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Segment {
    text_start: usize,
    text_len: usize,
    file_start: usize,
    file_len: usize,
}

impl Segment {
    fn identity(&self) -> bool {
        self.text_len == self.file_len
    }
}

/// Text plus the map from text offsets to file offsets.
#[derive(Debug, Clone, Default)]
pub struct TextMap {
    text: String,
    segments: Vec<Segment>,
}

impl TextMap {
    pub fn new() -> TextMap {
        TextMap::default()
    }

    /// A text that is a verbatim copy of the file (UTF-8, nothing removed).
    pub fn identity(text: String) -> TextMap {
        let len = text.len();
        let mut map = TextMap {
            text,
            segments: Vec::new(),
        };
        if len > 0 {
            map.segments.push(Segment {
                text_start: 0,
                text_len: len,
                file_start: 0,
                file_len: len,
            });
        }
        map
    }

    /// Moves the file side of the map `by` bytes later (a part of a larger
    /// file, read on its own).
    pub fn shift(&mut self, by: usize) {
        for seg in &mut self.segments {
            seg.file_start += by;
        }
    }

    /// Overwrites the ASCII text at each range with spaces. Lengths do not
    /// change, so the map stays exact; the file bytes there are simply no
    /// longer read (markup such as EDGAR's `<S>` column marks). Ranges that
    /// are not ASCII text are left alone.
    pub fn blank(&mut self, ranges: &[std::ops::Range<usize>]) {
        if ranges.is_empty() {
            return;
        }
        let mut bytes = std::mem::take(&mut self.text).into_bytes();
        for r in ranges {
            if let Some(part) = bytes.get_mut(r.clone()) {
                if part.is_ascii() {
                    part.fill(b' ');
                }
            }
        }
        // Only ASCII bytes were replaced by ASCII bytes: still UTF-8.
        self.text = String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn len(&self) -> usize {
        self.text.len()
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Appends `s`, which stands verbatim at `file_start` in the file.
    pub fn push_verbatim(&mut self, s: &str, file_start: usize) {
        self.push_replaced(s, file_start, s.len());
    }

    /// Appends `s`, which stands for the file bytes
    /// `file_start..file_start + file_len` (an entity, an escape, a decoded
    /// byte). A zero `file_len` is a synthetic separator.
    pub fn push_replaced(&mut self, s: &str, file_start: usize, file_len: usize) {
        if s.is_empty() {
            return;
        }
        let seg = Segment {
            text_start: self.text.len(),
            text_len: s.len(),
            file_start,
            file_len,
        };
        self.text.push_str(s);
        self.push_segment(seg);
    }

    /// Adds the segment of text already appended, merging it with the last
    /// one when both are identity segments that continue each other.
    fn push_segment(&mut self, seg: Segment) {
        if let Some(last) = self.segments.last_mut() {
            if last.identity()
                && seg.identity()
                && last.text_start + last.text_len == seg.text_start
                && last.file_start + last.file_len == seg.file_start
            {
                last.text_len += seg.text_len;
                last.file_len += seg.file_len;
                return;
            }
        }
        self.segments.push(seg);
    }

    fn segment_at(&self, text_offset: usize) -> Option<&Segment> {
        let i = self
            .segments
            .partition_point(|s| s.text_start + s.text_len <= text_offset);
        self.segments.get(i)
    }

    /// The file offset where the text at `text_offset` starts.
    pub fn file_start(&self, text_offset: usize) -> usize {
        match self.segment_at(text_offset) {
            Some(seg) if seg.identity() => seg.file_start + (text_offset - seg.text_start),
            Some(seg) => seg.file_start,
            None => self
                .segments
                .last()
                .map(|s| s.file_start + s.file_len)
                .unwrap_or(0),
        }
    }

    /// The file offset just past the text ending at `text_offset` (exclusive).
    pub fn file_end(&self, text_offset: usize) -> usize {
        if text_offset == 0 {
            return self.file_start(0);
        }
        match self.segment_at(text_offset - 1) {
            Some(seg) if seg.identity() => seg.file_start + (text_offset - seg.text_start),
            Some(seg) => seg.file_start + seg.file_len,
            None => self
                .segments
                .last()
                .map(|s| s.file_start + s.file_len)
                .unwrap_or(0),
        }
    }

    /// The part of this text in `start..end`, with its map (for a paragraph
    /// cut out of a page). `start` and `end` must be on char boundaries.
    pub fn slice(&self, start: usize, end: usize) -> TextMap {
        let end = end.min(self.text.len());
        if start >= end {
            return TextMap::new();
        }
        // The whole text: pushing every segment again would rebuild the same
        // map, as no two neighbouring segments of a map could have merged.
        if start == 0 && end == self.text.len() {
            return self.clone();
        }
        let mut out = TextMap {
            text: String::with_capacity(end - start),
            segments: Vec::new(),
        };
        let first = self
            .segments
            .partition_point(|s| s.text_start + s.text_len <= start);
        for seg in &self.segments[first..] {
            if seg.text_start >= end {
                break;
            }
            let a = seg.text_start.max(start);
            let b = (seg.text_start + seg.text_len).min(end);
            let piece = &self.text[a..b];
            if seg.identity() {
                out.push_verbatim(piece, seg.file_start + (a - seg.text_start));
            } else {
                out.push_replaced(piece, seg.file_start, seg.file_len);
            }
        }
        out
    }

    /// Cuts the text at `end` (a char boundary), keeping the map exact:
    /// the same map as `slice(0, end)`, without copying the text.
    pub fn truncate(&mut self, end: usize) {
        if end >= self.text.len() {
            return;
        }
        self.text.truncate(end);
        while self.segments.last().is_some_and(|s| s.text_start >= end) {
            self.segments.pop();
        }
        // A segment cut in two keeps its start, as `slice` pushes it again:
        // an identity one maps its first bytes, a replaced one its whole
        // file range.
        if let Some(&seg) = self.segments.last() {
            if seg.text_start + seg.text_len > end {
                self.segments.pop();
                let text_len = end - seg.text_start;
                let file_len = if seg.identity() {
                    text_len
                } else {
                    seg.file_len
                };
                self.push_segment(Segment {
                    text_len,
                    file_len,
                    ..seg
                });
            }
        }
    }

    /// Appends another text layer of the same file, keeping its map (the
    /// pieces of a figure split over several table cells).
    pub fn append(&mut self, other: &TextMap) {
        for seg in &other.segments {
            let piece = &other.text[seg.text_start..seg.text_start + seg.text_len];
            self.push_replaced(piece, seg.file_start, seg.file_len);
        }
    }

    /// Maps a text range to the file span it came from.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let s = self.file_start(start);
        let e = if end > start { self.file_end(end) } else { s };
        Span::new(s, e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_maps_exactly() {
        let m = TextMap::identity("hello world".into());
        assert_eq!(m.span(6, 11), Span::new(6, 11));
    }

    #[test]
    fn replaced_segments_map_whole() {
        // file: `\$ 42` ; text: `$ 42`
        let mut m = TextMap::new();
        m.push_replaced("$", 0, 2);
        m.push_verbatim(" 42", 2);
        assert_eq!(m.text(), "$ 42");
        assert_eq!(m.span(2, 4), Span::new(3, 5));
        assert_eq!(m.span(0, 1), Span::new(0, 2));
        assert_eq!(m.span(0, 4), Span::new(0, 5));
    }

    #[test]
    fn expansion_of_one_byte_to_three() {
        // file: b"a\x97b" (Windows-1252 em dash); text: "a—b"
        let mut m = TextMap::new();
        m.push_verbatim("a", 0);
        m.push_replaced("—", 1, 1);
        m.push_verbatim("b", 2);
        assert_eq!(m.span(1, 4), Span::new(1, 2));
        assert_eq!(m.span(4, 5), Span::new(2, 3));
        assert_eq!(m.span(0, 5), Span::new(0, 3));
    }

    #[test]
    fn synthetic_separators_have_no_width() {
        let mut m = TextMap::new();
        m.push_verbatim("ab", 10);
        m.push_replaced("\t", 12, 0);
        m.push_verbatim("cd", 20);
        assert_eq!(m.span(3, 5), Span::new(20, 22));
        assert_eq!(m.span(0, 2), Span::new(10, 12));
    }

    #[test]
    fn truncating_is_slicing_from_the_start() {
        let mut m = TextMap::new();
        m.push_verbatim("ab", 10);
        m.push_replaced("—", 12, 7); // `&mdash;`
        m.push_verbatim("cd ", 19);
        m.push_replaced(" ", 22, 6); // `&nbsp;`
        m.push_replaced("\t", 28, 0);
        m.push_replaced("xyz", 40, 3);
        for end in (0..=m.len() + 1).filter(|&e| m.text.is_char_boundary(e.min(m.len()))) {
            let mut t = m.clone();
            t.truncate(end);
            let s = m.slice(0, end);
            assert_eq!((&t.text, &t.segments), (&s.text, &s.segments), "{end}");
        }
        // A replaced segment cut to the length of its file bytes.
        let mut m = TextMap::new();
        m.push_verbatim("a", 0);
        m.push_replaced("xy", 1, 1);
        let mut t = m.clone();
        t.truncate(2);
        let s = m.slice(0, 2);
        assert_eq!((&t.text, &t.segments), (&s.text, &s.segments));
    }

    #[test]
    fn slicing_the_whole_text_rebuilds_the_same_map() {
        let mut m = TextMap::new();
        m.push_verbatim("ab", 10);
        m.push_verbatim("cd", 12); // merges with "ab"
        m.push_replaced(" ", 14, 1); // same length: reads as identity
        m.push_replaced("—", 15, 1);
        m.push_replaced("\t", 16, 0);
        m.push_verbatim("ef", 30);
        // What pushing every segment again gives (the general path).
        let mut rebuilt = TextMap::new();
        for seg in &m.segments {
            let piece = &m.text[seg.text_start..seg.text_start + seg.text_len];
            rebuilt.push_replaced(piece, seg.file_start, seg.file_len);
        }
        let whole = m.slice(0, m.len());
        assert_eq!(whole.text, rebuilt.text);
        assert_eq!(whole.segments, rebuilt.segments);
        assert_eq!(m.slice(0, usize::MAX).segments, rebuilt.segments);
    }
}
