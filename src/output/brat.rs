//! brat standoff (`.ann`): one `T` line per entity with code-point offsets,
//! and an `AnnotatorNotes` line carrying its normalized value.
//!
//! Tab-separated:
//! ```text
//! T1  percent 24 28  3,4%
//! #1  AnnotatorNotes T1  value=3.4
//! ```

use super::{OffsetMap, Offsets};
use crate::model::Document;
use crate::output::json::{to_value, JsonOptions};
use std::io::Write;

/// Appends the `.ann` lines of `doc` to `out`.
///
/// ```
/// let doc = chiso::Annotator::new().annotate("Có 3 tấn.");
/// let mut out = Vec::new();
/// chiso::output::brat::write_annotations(&doc, &mut out);
/// assert_eq!(String::from_utf8(out).unwrap().lines().next(), Some("T1\tquantity 3 8\t3 tấn"));
/// ```
pub fn write_annotations(doc: &Document, out: &mut Vec<u8>) {
    let json = to_value(
        doc,
        JsonOptions {
            offsets: Offsets::Chars,
            tokens: false,
        },
    );
    let mut offsets = OffsetMap::new(&doc.text, Offsets::Chars);
    for (n, (e, ej)) in doc
        .entities
        .iter()
        .zip(json["entities"].as_array().into_iter().flatten())
        .enumerate()
    {
        let (start, end) = (offsets.at(e.span.start), offsets.at(e.span.end));
        let text = e.text(&doc.text).replace(['\n', '\r', '\t'], " ");
        let _ = writeln!(out, "T{}\t{} {start} {end}\t{text}", n + 1, e.value.type_name());
        let notes: Vec<String> = ej
            .as_object()
            .into_iter()
            .flatten()
            .filter(|(k, _)| !matches!(k.as_str(), "type" | "start" | "end" | "text"))
            .map(|(k, v)| match v {
                serde_json::Value::String(s) => format!("{k}={s}"),
                other => format!("{k}={other}"),
            })
            .collect();
        if !notes.is_empty() {
            let _ = writeln!(
                out,
                "#{}\tAnnotatorNotes T{}\t{}",
                n + 1,
                n + 1,
                notes.join(" ").replace(['\n', '\t'], " ")
            );
        }
    }
}
