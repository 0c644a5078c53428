//! Byte ranges into the caller's original text.

use std::ops::Range;

/// The mask of the first `n` (at most eight) bytes of a `u64` read
/// little-endian: a span's bytes read eight at a time, past its end masked off.
#[inline]
pub(crate) fn first_bytes(n: usize) -> u64 {
    // From a table: a load is cheaper than the shift's check of `n` on the
    // tokenizer's path.
    const FIRST_BYTES: [u64; 9] = {
        let mut masks = [u64::MAX; 9];
        let mut n = 0;
        while n < 8 {
            masks[n] = (1 << (8 * n)) - 1;
            n += 1;
        }
        masks
    };
    FIRST_BYTES[n]
}

/// A half-open byte range `start..end` into the caller's original `&str`.
///
/// Every token, sentence and entity carries one; `&text[span.range()]` is
/// always the exact original text, whatever its Unicode normalization.
///
/// ```
/// use chiso::Span;
/// let text = "Tăng trưởng 3,4%";
/// let span = Span::new(16, 19);
/// assert_eq!(span.slice(text), "3,4");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes, end exclusive).
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The span as a `Range<usize>`, for slicing.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The text this span covers in `text`.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// The smallest span covering both `self` and `other`.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// True when `other` lies entirely inside `self`.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cover_contains_overlaps() {
        let a = Span::new(0, 5);
        let b = Span::new(3, 9);
        assert_eq!(a.cover(b), Span::new(0, 9));
        assert!(a.overlaps(b));
        assert!(!a.contains(b));
        assert!(a.cover(b).contains(b));
        assert!(!Span::new(0, 3).overlaps(Span::new(3, 4)));
    }
}
