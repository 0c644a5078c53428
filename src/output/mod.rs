//! Output formats: JSONL (the contract of `docs/format.md`), CoNLL, brat
//! standoff and a coloured terminal view.

pub mod brat;
pub mod conll;
pub mod html;
pub mod json;
pub mod pretty;

use crate::span::first_bytes;

/// How offsets are counted in the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Offsets {
    /// Unicode code points (what Python, spaCy and brat count). The default.
    #[default]
    Chars,
    /// UTF-8 bytes, as the library's [`crate::Span`]s.
    Bytes,
}

/// Converts byte offsets of one text to the chosen offsets. Offsets that
/// arrive roughly in order cost the distance moved; a far jump (a reference
/// back to a first mention) starts from the nearest checkpoint, kept every
/// [`CHECKPOINT`] bytes, so no conversion costs more than that.
///
/// ```
/// use chiso::output::{OffsetMap, Offsets};
/// let text = "Bến Tre 16/6";
/// let mut map = OffsetMap::new(text, Offsets::Chars);
/// assert_eq!(map.at(8), 8 - 2); // "ế" is 3 bytes
/// assert_eq!(map.at(0), 0);
/// ```
#[derive(Debug, Clone)]
pub struct OffsetMap<'a> {
    text: &'a str,
    mode: Offsets,
    byte: usize,
    char: usize,
    /// Code points before byte `i * CHECKPOINT`.
    checkpoints: Vec<usize>,
}

/// Distance in bytes between the checkpoints of an [`OffsetMap`].
pub const CHECKPOINT: usize = 4096;

/// The continuation bytes (`10xxxxxx`) among the eight bytes of `x`.
#[inline]
fn continuation_bytes(x: u64) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    // Bit 7 set and bit 6 clear, in every byte; the multiplication adds the
    // eight bytes (0 or 1 each) up into the top one.
    let flags = (x & !(x << 1) & HIGH) >> 7;
    (flags.wrapping_mul(ONES) >> 56) as usize
}

/// The code points in `bytes` (UTF-8): the bytes that are not continuation
/// bytes, counted eight at a time.
fn count_chars(bytes: &[u8]) -> usize {
    let mut chunks = bytes.chunks_exact(8);
    let mut continuation = 0;
    for chunk in &mut chunks {
        continuation += continuation_bytes(u64::from_le_bytes(chunk.try_into().expect("eight bytes")));
    }
    for &b in chunks.remainder() {
        continuation += usize::from(b & 0xC0 == 0x80);
    }
    bytes.len() - continuation
}

impl<'a> OffsetMap<'a> {
    /// A converter for `text`.
    pub fn new(text: &'a str, mode: Offsets) -> OffsetMap<'a> {
        let mut checkpoints = Vec::new();
        if mode == Offsets::Chars && text.len() > CHECKPOINT {
            let mut chars = 0;
            for chunk in text.as_bytes().chunks(CHECKPOINT) {
                checkpoints.push(chars);
                chars += count_chars(chunk);
            }
        }
        OffsetMap {
            text,
            mode,
            byte: 0,
            char: 0,
            checkpoints,
        }
    }

    /// The offset of byte `byte` (a char boundary) in the chosen unit.
    #[inline]
    pub fn at(&mut self, byte: usize) -> usize {
        if self.mode == Offsets::Bytes {
            return byte;
        }
        // A step of at most eight bytes forward (the next token's start or
        // end): one load, the bytes past the step masked off.
        let step = byte.wrapping_sub(self.byte);
        if step <= 8 {
            if let Some(chunk) = self.text.as_bytes().get(self.byte..self.byte + 8) {
                let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
                self.char += step - continuation_bytes(x & first_bytes(step));
                self.byte = byte;
                return self.char;
            }
        }
        self.jump(byte)
    }

    /// [`OffsetMap::at`] for a longer step: counts from the nearer of the
    /// last position and the checkpoint (or the start) below `byte`.
    fn jump(&mut self, byte: usize) -> usize {
        let bytes = self.text.as_bytes();
        let (base, from) = match self.checkpoints.get(byte / CHECKPOINT) {
            Some(&chars) => (chars, byte / CHECKPOINT * CHECKPOINT),
            None => (0, 0),
        };
        if byte >= self.byte && byte - self.byte <= byte - from {
            self.char += count_chars(&bytes[self.byte..byte]);
        } else if byte < self.byte && self.byte - byte <= byte - from {
            self.char -= count_chars(&bytes[byte..self.byte]);
        } else {
            self.char = base + count_chars(&bytes[from..byte]);
        }
        self.byte = byte;
        self.char
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counting_eight_bytes_at_a_time_counts_code_points() {
        let text = "aĐồ€𝄞 b\u{301}ng".repeat(7);
        for start in 0..text.len() {
            for end in start..=text.len() {
                let bytes = &text.as_bytes()[start..end];
                let expected = bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count();
                assert_eq!(count_chars(bytes), expected, "{start}..{end}");
            }
        }
    }

    #[test]
    fn offsets_agree_with_counting_from_the_start_in_any_order() {
        let text = "Đồng bằng sông Cửu Long – ".repeat(500);
        let boundaries: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
        let mut map = OffsetMap::new(&text, Offsets::Chars);
        for step in [1usize, 7, 997, 5003] {
            for k in (0..boundaries.len())
                .step_by(step)
                .chain((0..boundaries.len()).rev().step_by(step * 3 + 1))
            {
                let b = boundaries[k];
                assert_eq!(map.at(b), text[..b].chars().count(), "byte {b}");
            }
        }
    }

    /// The end of a text whose length is a multiple of [`CHECKPOINT`] lies
    /// past the last checkpoint (it was counted as 0 when reached by a long
    /// jump).
    #[test]
    fn the_end_of_a_text_a_multiple_of_the_checkpoint_distance_long() {
        for units in [CHECKPOINT / 4, CHECKPOINT / 2, CHECKPOINT] {
            let text = "ồa".repeat(units);
            let chars = 2 * units;
            for path in [
                [0, text.len(), 4],
                [text.len(), 0, text.len()],
                [4, text.len() - 4, text.len()],
            ] {
                let mut map = OffsetMap::new(&text, Offsets::Chars);
                for byte in path {
                    assert_eq!(map.at(byte), text[..byte].chars().count(), "{units}: byte {byte}");
                }
                assert_eq!(map.at(text.len()), chars);
            }
        }
    }
}
