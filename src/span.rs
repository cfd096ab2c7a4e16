//! Byte spans into the file as stored on disk, and the map from line/column.
//!
//! Every figure tickmark reports carries a [`Span`]: a half-open byte range in
//! the original file, *before* decoding. That is what an editor, a SARIF
//! viewer or a script slicing the file needs, whatever the file's encoding or
//! markup.

use serde::Serialize;

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
}

impl LineIndex {
    pub fn new(bytes: &[u8]) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1));
        LineIndex { starts }
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
        let prefix = &bytes[start..offset];
        let col = match std::str::from_utf8(prefix) {
            Ok(s) => s.chars().count(),
            Err(_) => prefix.len(),
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
}
