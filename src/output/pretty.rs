//! A terminal view: the text with entities highlighted by type, then one line
//! per entity with its value.

use crate::model::Document;
use crate::output::json::{to_value, JsonOptions};
use std::io::Write;

/// ANSI colour of each entity type (by position in [`crate::model::ENTITY_TYPES`]).
fn colour(type_name: &str) -> &'static str {
    match type_name {
        "official" => "1;35",
        "person" => "35",
        "org" => "36",
        "place" => "32",
        "date" | "time" | "period" | "duration" => "33",
        "money" => "1;32",
        "percent" => "1;34",
        "quantity" => "34",
        _ => "1",
    }
}

/// Appends the terminal view of `doc` to `out`; `colour` turns ANSI colours on.
///
/// ```
/// let doc = chiso::Annotator::new().annotate("Có 3 tấn.");
/// let mut out = Vec::new();
/// chiso::output::pretty::write_document(&doc, false, &mut out);
/// assert!(String::from_utf8(out).unwrap().contains("[3 tấn]{quantity}"));
/// ```
pub fn write_document(doc: &Document, colour_on: bool, out: &mut Vec<u8>) {
    if let Some(id) = &doc.id {
        let _ = writeln!(out, "── {id} ──");
    }
    let text = doc.text.as_str();
    let mut pos = 0;
    for e in &doc.entities {
        if e.span.start < pos {
            continue; // nested inside an official shown already
        }
        out.extend_from_slice(&text.as_bytes()[pos..e.span.start]);
        let ty = e.value.type_name();
        let shown = e.text(text);
        if colour_on {
            let _ = write!(out, "\x1b[{}m[{shown}]\x1b[2m{{{ty}}}\x1b[0m", colour(ty));
        } else {
            let _ = write!(out, "[{shown}]{{{ty}}}");
        }
        pos = e.span.end;
    }
    out.extend_from_slice(&text.as_bytes()[pos..]);
    if !text.ends_with('\n') {
        out.push(b'\n');
    }
    let json = to_value(
        doc,
        JsonOptions {
            tokens: false,
            ..JsonOptions::default()
        },
    );
    for e in json["entities"].as_array().into_iter().flatten() {
        let mut fields = e.as_object().cloned().unwrap_or_default();
        let ty = fields
            .remove("type")
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        let shown = fields
            .remove("text")
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        fields.remove("start");
        fields.remove("end");
        let value = serde_json::Value::Object(fields);
        let _ = writeln!(out, "  {ty:<9} {shown:<30} {value}");
    }
    for s in json["statistics"].as_array().into_iter().flatten() {
        let _ = writeln!(out, "  statistic {s}");
    }
    out.push(b'\n');
}
