//! CoNLL: one token per line with its BIO tag, a blank line between sentences.
//!
//! ```text
//! # id = bentre-2023-06-16
//! Tăng  0  4  O
//! 3,4  24  27  B-percent
//! %  27  28  I-percent
//! ```
//! Columns (tab-separated): token text, start, end (in the chosen offsets), tag. A token inside
//! an official is tagged with the official (the outermost entity).

use super::{OffsetMap, Offsets};
use crate::model::Document;
use std::io::Write;

/// Appends `doc` in CoNLL form to `out`, ending with a blank line.
///
/// ```
/// let doc = chiso::Annotator::new().annotate("Có 3 tấn.");
/// let mut out = Vec::new();
/// chiso::output::conll::write_document(&doc, chiso::output::Offsets::Chars, &mut out);
/// assert!(String::from_utf8(out).unwrap().contains("3\t3\t4\tB-quantity"));
/// ```
pub fn write_document(doc: &Document, mode: Offsets, out: &mut Vec<u8>) {
    let mut tags: Vec<Option<(&str, bool)>> = vec![None; doc.tokens.len()];
    for e in &doc.entities {
        if tags[e.tokens.start].is_some() {
            continue; // inside an official already tagged
        }
        for i in e.tokens.clone() {
            tags[i] = Some((e.value.type_name(), i == e.tokens.start));
        }
    }
    if let Some(id) = &doc.id {
        let _ = writeln!(out, "# id = {}", id.replace(['\n', '\r'], " "));
    }
    let mut offsets = OffsetMap::new(&doc.text, mode);
    for sentence in &doc.sentences {
        for i in sentence.tokens.clone() {
            let t = &doc.tokens[i];
            let (start, end) = (offsets.at(t.span.start), offsets.at(t.span.end));
            let _ = write!(out, "{}\t{start}\t{end}\t", t.span.slice(&doc.text));
            let _ = match tags[i] {
                None => writeln!(out, "O"),
                Some((ty, true)) => writeln!(out, "B-{ty}"),
                Some((ty, false)) => writeln!(out, "I-{ty}"),
            };
        }
        out.push(b'\n');
    }
}
