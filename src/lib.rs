//! # chiso — chỉ số
//!
//! Rule-based extraction of numbers, dates, officials and statistics from
//! Vietnamese prose. The pipeline, one module per stage:
//!
//! | stage | module | in → out |
//! |---|---|---|
//! | normalize | [`normalize`] | a word → its matching key (NFC, lower-case, canonical tone) |
//! | tokenize | [`tokenizer`] | text → tokens, sentences, paragraphs |
//! | recognize | [`recognizers`] | a sentence's tokens → candidate entities (nom over [`token_input::Toks`]) |
//! | resolve | [`resolve`] | candidates → non-overlapping entities |
//! | statistics | [`statistics`] | entities → statistics records |
//! | output | [`output`] | a [`Document`] → JSONL, CoNLL, brat, terminal |
//!
//! ```
//! use chiso::Annotator;
//! let annotator = Annotator::new();
//! let doc = annotator.annotate("Tỉnh có 1.234,5 ha lúa.");
//! let e = &doc.entities[0];
//! assert_eq!(e.text(&doc.text), "1.234,5 ha");
//! assert_eq!(e.value.type_name(), "quantity");
//! ```
#![deny(missing_docs)]

pub mod annotator;
pub mod calendar;
pub mod decimal;
pub mod eval;
pub mod grammar;
pub mod input;
pub mod model;
pub mod normalize;
pub mod output;
pub mod phrases;
pub mod recognizers;
pub mod resolve;
pub mod span;
pub mod statistics;
pub mod token_input;
pub mod tokenizer;
pub mod vocab;

pub use annotator::Annotator;
pub use calendar::Date;
pub use decimal::Decimal;
pub use model::{Document, Entity, EntityValue, Statistic};
pub use recognizers::numbers::to_words;
pub use span::Span;

/// The README's examples, compiled and run as doctests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
