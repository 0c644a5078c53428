//! Statistics records as CSV (RFC 4180): UTF-8, a header row, CRLF line
//! ends, a field quoted with `"` when it holds a comma, quote, CR or LF (a
//! quote inside is doubled).
//!
//! Spreadsheets that guess the encoding (Excel) need a UTF-8 byte-order mark
//! to show Vietnamese letters: write [`UTF8_BOM`] (or call
//! [`write_csv_bom`]) once before the header when the file is meant for
//! them; tools that read plain UTF-8 do not want it, so it is not the default.
//!
//! Columns ([`CSV_COLUMNS`]): `id` (document id, empty when none),
//! `indicator`, `value`, `min`, `max` (a range has `min`/`max` and no
//! `value`), `approx`, `unit`, `change`, `base`, `qualifier`, `period`,
//! `period_from`, `period_to`, `place`, `start`, `end` (code-point offsets
//! of the clause, as in the JSON output), `clause` (its text) and `sentence`
//! (the text of the sentence holding it). Numbers are written with a dot as
//! decimal point ("3.4"); empty fields mean null. A text field that a
//! spreadsheet would take for a formula (starting with `=`, `+`, `-`, `@`:
//! Vietnamese reports open list items with "- ") gets a leading `'`, as
//! spreadsheets themselves do; the `indicator` never starts so.

use crate::model::{Document, Statistic};
use serde::Serialize;

/// The UTF-8 byte-order mark.
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The CSV columns, in order.
pub const CSV_COLUMNS: [&str; 18] = [
    "id",
    "indicator",
    "value",
    "min",
    "max",
    "approx",
    "unit",
    "change",
    "base",
    "qualifier",
    "period",
    "period_from",
    "period_to",
    "place",
    "start",
    "end",
    "clause",
    "sentence",
];

/// Appends the UTF-8 byte-order mark, for spreadsheets (call before the header).
pub fn write_csv_bom(out: &mut Vec<u8>) {
    out.extend_from_slice(UTF8_BOM);
}

/// Appends the header row.
///
/// ```
/// let mut out = Vec::new();
/// chiso::statistics::write_csv_header(&mut out);
/// assert!(out.starts_with(b"id,indicator,value,"));
/// assert!(out.ends_with(b",clause,sentence\r\n"));
/// ```
pub fn write_csv_header(out: &mut Vec<u8>) {
    write_row(out, CSV_COLUMNS.iter().map(|c| c.to_string()));
}

/// Appends one row per statistics record of `doc` (from `doc.statistics`).
///
/// ```
/// let mut doc = chiso::Annotator::new().annotate("Doanh thu đạt 1.234, tăng 12 so với cùng kỳ.");
/// doc.id = Some("d1".into());
/// let mut out = Vec::new();
/// chiso::statistics::write_csv_rows(&doc, &mut out);
/// let text = String::from_utf8(out).unwrap();
/// assert!(text.starts_with("d1,doanh thu,1234,,,,,level,"));
/// assert!(text.contains(",\"Doanh thu đạt 1.234, tăng 12 so với cùng kỳ.\"\r\n"));
/// ```
pub fn write_csv_rows(doc: &Document, out: &mut Vec<u8>) {
    let mut offsets = CharOffsets::new(&doc.text);
    for s in &doc.statistics {
        let start = offsets.at(s.span.start);
        let end = offsets.at(s.span.end);
        write_row(out, fields(doc, s, start, end).into_iter());
    }
}

fn name<T: Serialize>(value: &Option<T>) -> String {
    match value.as_ref().map(serde_json::to_value) {
        Some(Ok(serde_json::Value::String(s))) => s,
        _ => String::new(),
    }
}

fn fields(doc: &Document, s: &Statistic, start: usize, end: usize) -> Vec<String> {
    let num = |d: Option<crate::Decimal>| d.map(|d| d.to_string()).unwrap_or_default();
    let amount = s.amount.clone().unwrap_or_default();
    let i = doc.sentences.partition_point(|x| x.span.end < s.span.end);
    let sentence = doc
        .sentences
        .get(i)
        .filter(|x| x.span.contains(s.span))
        .map(|x| x.span.slice(&doc.text))
        .unwrap_or_default();
    vec![
        guard(doc.id.as_deref().unwrap_or_default()),
        s.indicator.clone(),
        num(amount.value),
        num(amount.min),
        num(amount.max),
        name(&amount.approx),
        s.unit.clone().unwrap_or_default(),
        name(&s.change),
        name(&s.base),
        name(&s.qualifier),
        s.period.as_ref().map(|p| p.value.clone()).unwrap_or_default(),
        s.period.as_ref().and_then(|p| p.from.clone()).unwrap_or_default(),
        s.period.as_ref().and_then(|p| p.to.clone()).unwrap_or_default(),
        s.place.clone().unwrap_or_default(),
        start.to_string(),
        end.to_string(),
        guard(s.span.slice(&doc.text)),
        guard(sentence),
    ]
}

/// A text that a spreadsheet would read as a formula ("- Tổng thu …", a
/// sentence opening with a list dash) gets a leading apostrophe.
fn guard(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

fn write_row(out: &mut Vec<u8>, fields: impl Iterator<Item = String>) {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_field(out, &field);
    }
    out.extend_from_slice(b"\r\n");
}

/// One field, quoted when it must be.
fn write_field(out: &mut Vec<u8>, field: &str) {
    if field.contains([',', '"', '\r', '\n']) {
        out.push(b'"');
        for part in field.split('"').enumerate() {
            if part.0 > 0 {
                out.extend_from_slice(b"\"\"");
            }
            out.extend_from_slice(part.1.as_bytes());
        }
        out.push(b'"');
    } else {
        out.extend_from_slice(field.as_bytes());
    }
}

/// Byte offsets → code-point offsets, counting only the text between one
/// offset and the next (records come in text order, so this stays linear).
struct CharOffsets<'t> {
    text: &'t str,
    byte: usize,
    chars: usize,
}

impl<'t> CharOffsets<'t> {
    fn new(text: &'t str) -> Self {
        CharOffsets {
            text,
            byte: 0,
            chars: 0,
        }
    }

    fn at(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            self.chars -= self.text[byte..self.byte].chars().count();
        } else {
            self.chars += self.text[self.byte..byte].chars().count();
        }
        self.byte = byte;
        self.chars
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(s: &str) -> String {
        let mut out = Vec::new();
        write_field(&mut out, s);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(field("tăng trưởng GRDP"), "tăng trưởng GRDP");
        assert_eq!(field("3,4%"), "\"3,4%\"");
        assert_eq!(field("nói \"tăng\""), "\"nói \"\"tăng\"\"\"");
        assert_eq!(field("a\nb"), "\"a\nb\"");
        assert_eq!(field(""), "");
    }

    #[test]
    fn formula_like_texts_are_guarded() {
        assert_eq!(guard("- Tổng thu đạt 5 tỷ"), "'- Tổng thu đạt 5 tỷ");
        assert_eq!(guard("=1+1"), "'=1+1");
        assert_eq!(guard("GRDP tăng"), "GRDP tăng");
    }

    #[test]
    fn offsets_count_code_points() {
        let mut o = CharOffsets::new("Tăng 3");
        assert_eq!(o.at(0), 0);
        assert_eq!(o.at("Tăng".len()), 4);
        assert_eq!(o.at("Tăng 3".len()), 6);
        assert_eq!(o.at(0), 0);
        assert_eq!(o.at("Tăng 3".len()), 6);
        assert_eq!(o.at("Tă".len()), 2);
    }
}
