//! Output formats: JSONL (the contract of `docs/format.md`), CoNLL, brat
//! standoff and a coloured terminal view.

pub mod brat;
pub mod conll;
pub mod html;
pub mod json;
pub mod pretty;

/// How offsets are counted in the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Offsets {
    /// Unicode code points (what Python, spaCy and brat count). The default.
    #[default]
    Chars,
    /// UTF-8 bytes, as the library's [`crate::Span`]s.
    Bytes,
}

/// Converts byte offsets of one text to the chosen offsets, cheaply for
/// offsets that arrive roughly in order (cost: the distance moved).
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
}

impl<'a> OffsetMap<'a> {
    /// A converter for `text`.
    pub fn new(text: &'a str, mode: Offsets) -> OffsetMap<'a> {
        OffsetMap {
            text,
            mode,
            byte: 0,
            char: 0,
        }
    }

    /// The offset of byte `byte` (a char boundary) in the chosen unit.
    pub fn at(&mut self, byte: usize) -> usize {
        if self.mode == Offsets::Bytes {
            return byte;
        }
        let count = |s: &str| s.bytes().filter(|b| (b & 0xC0) != 0x80).count();
        if byte >= self.byte {
            self.char += count(&self.text[self.byte..byte]);
        } else {
            self.char -= count(&self.text[byte..self.byte]);
        }
        self.byte = byte;
        self.char
    }
}
