//! Recognizers: one module per family, each turning a sentence's tokens into
//! candidate entities.
//!
//! A recognizer says which tokens can start a match ([`Triggers`]); the
//! [`crate::Annotator`] calls [`Recognizer::recognize_at`] only at those
//! tokens, collects every candidate of a sentence, lets [`crate::resolve`]
//! pick the non-overlapping ones, and finally gives each recognizer the whole
//! document in [`Recognizer::finish`] (to resolve dates against the
//! reference date, to link short mentions of a name to the first one).

use crate::model::{Document, EntityValue};
use crate::token_input::Toks;
use crate::tokenizer::{Token, TokenKind};
use std::ops::Range;

pub mod names;
pub mod numbers;
pub mod temporal;

/// A possible entity, before overlaps are resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Document-wide token indices it covers (never empty).
    pub tokens: Range<usize>,
    /// Its typed value.
    pub value: EntityValue,
    /// The rule that produced it, e.g. `"numbers::digits"`.
    pub rule: &'static str,
}

/// Which tokens can start a match of a recognizer.
#[derive(Debug, Clone, Default)]
pub struct Triggers {
    /// Token keys ("ngày", "quý", "ông", …), written in any tone style.
    pub keys: Vec<String>,
    /// Token kinds: every token of these kinds triggers.
    pub kinds: Vec<TokenKind>,
    /// Every capitalized word triggers.
    pub capitalized: bool,
}

/// One sentence as recognizers see it.
#[derive(Debug, Clone, Copy)]
pub struct SentenceView<'a> {
    /// The whole document text.
    pub text: &'a str,
    /// All tokens of the document.
    pub tokens: &'a [Token],
    /// The keys buffer of the document's tokens.
    pub keys: &'a str,
    /// The sentence's token indices.
    pub range: (usize, usize),
}

impl<'a> SentenceView<'a> {
    /// The sentence's tokens from document-wide index `at` to its end, as parser input.
    pub fn from(&self, at: usize) -> Toks<'a> {
        Toks::window(self.text, self.tokens, self.keys, at, self.range.1)
    }

    /// The whole sentence as parser input.
    pub fn all(&self) -> Toks<'a> {
        self.from(self.range.0)
    }

    /// Key of document-wide token `i`.
    pub fn key(&self, i: usize) -> &'a str {
        &self.keys[self.tokens[i].key.range()]
    }

    /// Original text of document-wide token `i`.
    pub fn text_of(&self, i: usize) -> &'a str {
        self.tokens[i].span.slice(self.text)
    }
}

/// A family of recognizers (numbers, temporal, names, …).
///
/// Implementations are `Send + Sync` and hold only immutable grammar data, so
/// one [`crate::Annotator`] serves every thread.
pub trait Recognizer: Send + Sync {
    /// Short name, e.g. `"numbers"`.
    fn name(&self) -> &'static str;

    /// The tokens at which [`Recognizer::recognize_at`] can find something.
    fn triggers(&self) -> Triggers;

    /// Pushes the candidates that start at (or are anchored on) document-wide
    /// token `at` of `sentence` onto `out`.
    fn recognize_at(&self, sentence: &SentenceView<'_>, at: usize, out: &mut Vec<Candidate>);

    /// Called once per document after overlaps are resolved: fill in values
    /// that depend on the whole document (e.g. resolve partial dates against
    /// `doc.date`, link short name mentions).
    fn finish(&self, _doc: &mut Document) {}
}

/// All recognizer families, in a fixed order.
pub fn all() -> Vec<Box<dyn Recognizer>> {
    vec![
        Box::new(numbers::Numbers::new()),
        Box::new(temporal::Temporal::new()),
        Box::new(names::Names::new()),
    ]
}
