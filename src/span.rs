//! Byte spans into the file as stored on disk, and the map from line/column.
//!
//! Every figure tickmark reports carries a [`Span`]: a half-open byte range in
//! the original file, *before* decoding. That is what an editor, a SARIF
//! viewer or a script slicing the file needs, whatever the file's encoding or
//! markup.

use serde::Serialize;
use std::cell::Cell;

/// A half-open byte range `[start, end)` in the file as stored on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end: end.max(start),
        }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// Line starts of a file, for turning byte offsets into 1-based line and
/// column numbers for people.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// The last column counted, where the line up to it was valid UTF-8.
    /// Reports ask for the findings of a document in order, often on one
    /// long line (a whole HTML exhibit can be a line): counting on from the
    /// last answer keeps that linear in the line, not in the findings times
    /// the line.
    last: Cell<Option<Counted>>,
}

/// Characters counted on a line up to a byte offset.
#[derive(Debug, Clone, Copy)]
struct Counted {
    line: usize,
    offset: usize,
    chars: usize,
}

impl LineIndex {
    pub fn new(bytes: &[u8]) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1));
        LineIndex {
            starts,
            last: Cell::new(None),
        }
    }

    /// 1-based line and column of a byte offset. The column counts characters
    /// when the line is valid UTF-8, bytes otherwise.
    pub fn line_col(&self, bytes: &[u8], offset: usize) -> (usize, usize) {
        let offset = offset.min(bytes.len());
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.starts[line];
        // Text valid up to a character boundary is valid further on exactly
        // when the rest is.
        let (from, before) = match self.last.get() {
            Some(c) if c.line == line && c.offset <= offset => (c.offset, c.chars),
            _ => (start, 0),
        };
        let col = match std::str::from_utf8(&bytes[from..offset]) {
            Ok(s) => {
                let chars = before + s.chars().count();
                self.last.set(Some(Counted {
                    line,
                    offset,
                    chars,
                }));
                chars
            }
            Err(_) => offset - start,
        };
        (line + 1, col + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_chars() {
        let text = "ab\nc€d\n".as_bytes();
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 0), (1, 1));
        assert_eq!(idx.line_col(text, 3), (2, 1));
        // 'd' follows the three bytes of '€'
        assert_eq!(idx.line_col(text, 7), (2, 3));
    }

    #[test]
    fn counting_on_from_the_last_answer_counts_alike() {
        // Euro signs, and an invalid byte in the middle of the second line.
        let text = b"x\nab\xe2\x82\xacc\xffd\xe2\x82\xace\nf\xe2\x82\xacg".to_vec();
        let fresh = |o: usize| LineIndex::new(&text).line_col(&text, o);
        let offsets: Vec<usize> = (0..=text.len() + 1).collect();
        // In order, backwards, and jumping about: as a fresh index answers.
        let idx = LineIndex::new(&text);
        for &o in offsets.iter().chain(offsets.iter().rev()) {
            assert_eq!(idx.line_col(&text, o), fresh(o), "{o}");
        }
        for o in [9, 3, 12, 4, 4, 17, 2, 5] {
            assert_eq!(idx.line_col(&text, o), fresh(o), "{o}");
        }
    }
}
