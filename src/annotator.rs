//! The annotator: text → tokens → candidates → entities → statistics.

use crate::calendar::Date;
use crate::model::Document;
use crate::normalize;
use crate::recognizers::{self, Recognizer, SentenceView};
use crate::resolve::resolve;
use crate::tokenizer::{self, TokenKind};
use rustc_hash::FxHashMap;

/// Recognizer bit sets, as a `u64` mask (at most 64 recognizer families).
type Mask = u64;

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
    by_key: FxHashMap<String, Mask>,
    by_kind: Vec<(TokenKind, Mask)>,
    capitalized: Mask,
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
        let mut by_key: FxHashMap<String, Mask> = FxHashMap::default();
        let mut by_kind: Vec<(TokenKind, Mask)> = Vec::new();
        let mut capitalized = 0;
        for (i, r) in recognizers.iter().enumerate() {
            let bit = 1 << i;
            let triggers = r.triggers();
            for k in &triggers.keys {
                *by_key.entry(normalize::key(k)).or_default() |= bit;
            }
            for kind in triggers.kinds {
                match by_kind.iter_mut().find(|(k, _)| *k == kind) {
                    Some((_, mask)) => *mask |= bit,
                    None => by_kind.push((kind, bit)),
                }
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
        }
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
    pub fn annotate_dated(&self, text: &str, date: Option<Date>) -> Document {
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
            resolve(&doc.tokens, &mut candidates, &mut doc.entities);
        }
        for r in &self.recognizers {
            r.finish(&mut doc);
        }
        doc.statistics = crate::statistics::extract(&doc);
        doc
    }

    /// Which recognizers can start at token `at`.
    fn mask_of(&self, view: &SentenceView<'_>, at: usize) -> Mask {
        let token = &view.tokens[at];
        let mut mask = self.by_key.get(view.key(at)).copied().unwrap_or(0);
        for (kind, bits) in &self.by_kind {
            if *kind == token.kind {
                mask |= bits;
            }
        }
        if token.capitalized {
            mask |= self.capitalized;
        }
        mask
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotator_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Annotator>();
    }
}
