//! The annotator: text → tokens → candidates → entities → statistics.

use crate::calendar::Date;
use crate::model::Document;
use crate::normalize;
use crate::recognizers::{self, Recognizer, SentenceView};
use crate::resolve::Resolver;
use crate::span::Span;
use crate::tokenizer::{self, Gap, TokenKind};
use crate::vocab::WordMap;
use rayon::prelude::*;

/// Recognizer bit sets, as a `u64` mask (at most 64 recognizer families).
type Mask = u64;

/// How many [`TokenKind`]s there are.
const TOKEN_KINDS: usize = TokenKind::Url as usize + 1;

/// Runs every recognizer over a text. Build it once and share it: it is
/// `Send + Sync`, holds only immutable grammar data, and builds in well under
/// 5 ms after the first (which parses the embedded grammar files).
///
/// ```
/// use chiso::Annotator;
/// let annotator = Annotator::new();
/// let doc = annotator.annotate("Năm 2023, tỉnh có 1.234,5 ha lúa.");
/// assert_eq!(doc.sentences.len(), 1);
/// for e in &doc.entities {
///     assert_eq!(&doc.text[e.span.range()], e.text(&doc.text));
/// }
/// ```
pub struct Annotator {
    recognizers: Vec<Box<dyn Recognizer>>,
    by_key: WordMap<Mask>,
    /// By [`TokenKind`] (as an index).
    by_kind: [Mask; TOKEN_KINDS],
    capitalized: Mask,
    section_bytes: usize,
}

impl Default for Annotator {
    fn default() -> Self {
        Annotator::new()
    }
}

impl std::fmt::Debug for Annotator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<_> = self.recognizers.iter().map(|r| r.name()).collect();
        f.debug_struct("Annotator").field("recognizers", &names).finish()
    }
}

impl Annotator {
    /// An annotator with every recognizer family.
    pub fn new() -> Annotator {
        Annotator::with_recognizers(recognizers::all())
    }

    /// An annotator with the given recognizers (at most 64).
    pub fn with_recognizers(recognizers: Vec<Box<dyn Recognizer>>) -> Annotator {
        assert!(recognizers.len() <= 64, "at most 64 recognizer families");
        let mut by_key: WordMap<Mask> = WordMap::default();
        let mut by_kind = [0; TOKEN_KINDS];
        let mut capitalized = 0;
        for (i, r) in recognizers.iter().enumerate() {
            let bit = 1 << i;
            let triggers = r.triggers();
            for k in &triggers.keys {
                *by_key.get_or_insert_with(&normalize::key(k), Mask::default) |= bit;
            }
            for kind in triggers.kinds {
                by_kind[kind as usize] |= bit;
            }
            if triggers.capitalized {
                capitalized |= bit;
            }
        }
        Annotator {
            recognizers,
            by_key,
            by_kind,
            capitalized,
            section_bytes: SECTION_BYTES,
        }
    }

    /// The same annotator, cutting texts longer than two `bytes` into
    /// sections of about `bytes` (default [`SECTION_BYTES`]; see
    /// [`Annotator::annotate_dated`]). For tests and tuning: the result does
    /// not depend on it when paragraph breaks are at most `bytes / 16` apart.
    ///
    /// ```
    /// let text = "Năm 2023 có 5 tấn lúa.\n\nQuý I/2024 tăng 3%.\n\n".repeat(40); // 2 KB
    /// let whole = chiso::Annotator::new().annotate(&text);
    /// let cut = chiso::Annotator::new().with_section_bytes(512).annotate(&text);
    /// assert_eq!(whole.entities, cut.entities);
    /// ```
    pub fn with_section_bytes(mut self, bytes: usize) -> Annotator {
        self.section_bytes = bytes.max(1);
        self
    }

    /// Annotates `text` with no reference date.
    pub fn annotate(&self, text: &str) -> Document {
        self.annotate_dated(text, None)
    }

    /// Annotates `text`; partial and relative dates resolve against `date`.
    ///
    /// ```
    /// let date = "2023-06-20".parse().unwrap();
    /// let doc = chiso::Annotator::new().annotate_dated("Hôm nay trời đẹp.", Some(date));
    /// assert_eq!(doc.date, Some(date));
    /// ```
    ///
    /// A text longer than two [`SECTION_BYTES`] is cut into sections of about
    /// that size at paragraph breaks (else after a full stop, else at a
    /// space), whose sentences are recognized in parallel on the rayon pool: a
    /// corpus pasted into one file uses every core. What looks across the
    /// whole document (short mentions linked to a full name, the year of
    /// partial dates, statistics) then runs once over the merged document, so
    /// the result is that of one pass whenever the cuts fall between
    /// sentences, as paragraph breaks do.
    pub fn annotate_dated(&self, text: &str, date: Option<Date>) -> Document {
        let size = self.section_bytes;
        let mut doc = if text.len() <= 2 * size {
            self.recognize(text, date)
        } else {
            let sections = sections(text, size, size / 16);
            let parts: Vec<Document> = sections
                .par_iter()
                .map(|range| self.recognize(&text[range.clone()], date))
                .collect();
            merge(text, date, sections.iter().map(|r| r.start).zip(parts).collect())
        };
        for r in &self.recognizers {
            r.finish(&mut doc);
        }
        doc.statistics = crate::statistics::extract(&doc);
        doc
    }

    /// Tokens, sentences and each sentence's entities of `text`: everything
    /// but the passes over the whole document.
    fn recognize(&self, text: &str, date: Option<Date>) -> Document {
        let toks = tokenizer::tokenize(text);
        let mut doc = Document {
            id: None,
            date,
            text: text.to_owned(),
            tokens: toks.tokens,
            keys: toks.keys,
            sentences: toks.sentences,
            entities: Vec::new(),
            statistics: Vec::new(),
        };
        let mut candidates = Vec::new();
        let mut resolver = Resolver::default();
        for sentence in &doc.sentences {
            let view = SentenceView {
                text: &doc.text,
                tokens: &doc.tokens,
                keys: &doc.keys,
                range: (sentence.tokens.start, sentence.tokens.end),
            };
            for at in sentence.tokens.clone() {
                let mask = self.mask_of(&view, at);
                let mut bits = mask;
                while bits != 0 {
                    let i = bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    self.recognizers[i].recognize_at(&view, at, &mut candidates);
                }
            }
            resolver.resolve(&doc.tokens, &mut candidates, &mut doc.entities);
        }
        doc
    }

    /// Which recognizers can start at token `at`.
    fn mask_of(&self, view: &SentenceView<'_>, at: usize) -> Mask {
        let token = &view.tokens[at];
        let mut mask = self.by_key.get_lazy(token.word, || view.key(at)).copied().unwrap_or(0);
        mask |= self.by_kind[token.kind as usize];
        if token.capitalized {
            mask |= self.capitalized;
        }
        mask
    }
}

/// The size of the sections a long text is cut into (1 MiB).
pub const SECTION_BYTES: usize = 1 << 20;

/// Byte ranges of `text`, each of about `size` bytes, that together cover
/// it. A cut falls at the first line break or tab (a paragraph break)
/// within `slack` bytes after the target, else at the first full stop followed
/// by a space, else at the first space or other ASCII whitespace, and then
/// moves back to the start of that run of whitespace: the whole run begins
/// the next section, so its first token knows what separates it from the
/// previous one. Text with no whitespace stays whole.
fn sections(text: &str, size: usize, slack: usize) -> Vec<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    while bytes.len() - start > 2 * size {
        let target = start + size;
        let window = &bytes[target..(target + slack).min(bytes.len())];
        let cut = window
            .iter()
            .position(|&b| b == b'\n' || b == b'\t')
            .or_else(|| window.windows(2).position(|w| w == b". ").map(|i| i + 1))
            .map(|i| target + i)
            .or_else(|| {
                bytes[target..]
                    .iter()
                    .position(u8::is_ascii_whitespace)
                    .map(|i| target + i)
            });
        // ASCII bytes are always char boundaries.
        let Some(mut cut) = cut else { break };
        let run = text[start..cut].trim_end_matches(char::is_whitespace).len();
        if run > 0 {
            cut = start + run;
        }
        out.push(start..cut);
        start = cut;
    }
    out.push(start..bytes.len());
    out
}

/// One document from the recognized sections of `text` (see
/// [`Annotator::recognize`]), each with the byte offset where it starts:
/// positions and indices shifted, paragraphs numbered on.
fn merge(text: &str, date: Option<Date>, parts: Vec<(usize, Document)>) -> Document {
    let total = |len: fn(&Document) -> usize| parts.iter().map(|(_, d)| len(d)).sum::<usize>();
    let mut doc = Document {
        id: None,
        date,
        text: text.to_owned(),
        tokens: Vec::with_capacity(total(|d| d.tokens.len())),
        // The text, then every section's keys that differ from their text.
        keys: String::with_capacity(total(|d| d.keys.len())),
        sentences: Vec::with_capacity(total(|d| d.sentences.len())),
        entities: Vec::with_capacity(total(|d| d.entities.len())),
        statistics: Vec::new(),
    };
    doc.keys.push_str(text);
    for (offset, part) in parts {
        let first_token = doc.tokens.len();
        // A section's keys are its text, then its other keys (see `Tokens::keys`).
        let part_len = part.text.len();
        let other_keys = doc.keys.len() - part_len;
        // A section that starts inside a paragraph goes on with its number.
        let new_paragraph = part.tokens.first().is_some_and(|t| t.gap == Gap::Paragraph);
        let first_paragraph = match doc.sentences.last() {
            Some(last) if new_paragraph => last.paragraph + 1,
            Some(last) => last.paragraph,
            None => 0,
        };
        let shift = |span: Span| Span::new(span.start + offset, span.end + offset);
        let shift_tokens = |r: std::ops::Range<usize>| r.start + first_token..r.end + first_token;
        doc.keys.push_str(&part.keys[part_len..]);
        doc.tokens.extend(part.tokens.into_iter().map(|mut t| {
            t.span = shift(t.span);
            t.key = if t.key.start < part_len {
                shift(t.key)
            } else {
                Span::new(t.key.start + other_keys, t.key.end + other_keys)
            };
            t
        }));
        doc.sentences.extend(part.sentences.into_iter().map(|mut s| {
            s.span = shift(s.span);
            s.tokens = shift_tokens(s.tokens);
            s.paragraph += first_paragraph;
            s
        }));
        doc.entities.extend(part.entities.into_iter().map(|mut e| {
            e.span = shift(e.span);
            e.tokens = shift_tokens(e.tokens);
            e
        }));
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_cover_the_text_and_cut_at_the_best_break() {
        let cut_texts = |text: &str, size: usize| -> Vec<String> {
            let ranges = sections(text, size, 64);
            assert_eq!(ranges.first().unwrap().start, 0);
            assert_eq!(ranges.last().unwrap().end, text.len());
            assert!(ranges.windows(2).all(|w| w[0].end == w[1].start));
            ranges.into_iter().map(|r| text[r].to_owned()).collect()
        };
        let para = "Năm 2023 tỉnh có 5 tấn lúa. Giá tăng 3%.\n";
        // A paragraph break within the slack wins over a full stop.
        let text = para.repeat(8);
        let parts = cut_texts(&text, 40);
        assert!(parts.len() > 2);
        assert!(parts[1..].iter().all(|p| p.starts_with('\n')), "{parts:?}");
        // No line break: after a full stop, else at a space.
        let text = "Một hai ba. ".repeat(40);
        assert!(cut_texts(&text, 64)[1..].iter().all(|p| p.starts_with(' ')));
        let text = "mười ".repeat(100);
        assert!(cut_texts(&text, 64)[1..].iter().all(|p| p.starts_with(' ')));
        // Nothing to cut at: one section.
        let text = "9".repeat(1000);
        assert_eq!(cut_texts(&text, 64).len(), 1);
    }

    #[test]
    fn annotator_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Annotator>();
    }
}
