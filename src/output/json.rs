//! The JSONL document: one line per document, as described in `docs/format.md`.
//!
//! The line is written by hand: keys are fixed ASCII, numbers are formatted
//! directly and strings are escaped a run of safe bytes at a time, the same
//! bytes `serde_json` would write. The fields of an entity and of a
//! statistics record are listed once (`entity_fields`, `statistic_fields`)
//! and go either to JSON text or to a `serde_json::Value` ([`to_value`]).

use super::{OffsetMap, Offsets};
use crate::model::{Amount, Document, Entity, EntityValue, Statistic};
use crate::span::{first_bytes, Span};
use crate::tokenizer::TokenKind;
use serde::Serialize;
use serde_json::{Map, Value};
use std::io::Write;

/// What goes into a JSON document line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JsonOptions {
    /// Offset unit.
    pub offsets: Offsets,
    /// Include the `tokens` array.
    pub tokens: bool,
}

impl Default for JsonOptions {
    fn default() -> Self {
        JsonOptions {
            offsets: Offsets::Chars,
            tokens: true,
        }
    }
}

/// Appends `doc` as one JSON line (with the final newline) to `out`.
///
/// ```
/// use chiso::output::json::{write_document, JsonOptions};
/// let doc = chiso::Annotator::new().annotate("Có 3,4 tấn.");
/// let mut out = Vec::new();
/// write_document(&doc, JsonOptions::default(), &mut out);
/// let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
/// assert_eq!(v["entities"][0]["value"], 3.4);
/// assert_eq!(v["entities"][0]["start"], 3);
/// ```
pub fn write_document(doc: &Document, options: JsonOptions, out: &mut Vec<u8>) {
    let text = doc.text.as_str();
    let mut offsets = OffsetMap::new(text, options.offsets);
    // The text, escaped, and about this much per item.
    let tokens = if options.tokens { doc.tokens.len() } else { 0 };
    out.reserve(256 + 2 * text.len() + 64 * tokens + 256 * doc.entities.len() + 512 * doc.statistics.len());
    out.push(b'{');
    if let Some(id) = &doc.id {
        out.extend_from_slice(b"\"id\":");
        push_string(out, id);
        out.push(b',');
    }
    if let Some(date) = &doc.date {
        let _ = write!(out, "\"date\":\"{date}\",");
    }
    out.extend_from_slice(b"\"text\":");
    push_string(out, text);
    out.extend_from_slice(b",\"sentences\":[");
    for (i, s) in doc.sentences.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        push_start_end(out, offsets.at(s.span.start), offsets.at(s.span.end));
    }
    out.push(b']');
    if options.tokens {
        out.extend_from_slice(b",\"tokens\":[");
        let mut counter = Counter::default();
        for (i, t) in doc.tokens.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(b"{\"start\":");
            counter.push(out, offsets.at(t.span.start));
            out.extend_from_slice(b",\"end\":");
            counter.push(out, offsets.at(t.span.end));
            out.extend_from_slice(b",\"text\":");
            push_span_text(out, text, t.span);
            push_kind(out, t.kind);
        }
        out.push(b']');
    }
    out.extend_from_slice(b",\"entities\":");
    push_objects(out, &doc.entities, |e, object| {
        entity_fields(e, text, &mut offsets, object)
    });
    out.extend_from_slice(b",\"statistics\":");
    push_objects(out, &doc.statistics, |s, object| {
        statistic_fields(s, text, &mut offsets, object)
    });
    out.extend_from_slice(b"}\n");
}

/// `items` as a JSON array of objects, the fields of each written by `fields`.
fn push_objects<T>(out: &mut Vec<u8>, items: &[T], mut fields: impl FnMut(&T, &mut JsonObject<'_>)) {
    out.push(b'[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        let mut object = JsonObject::open(out);
        fields(item, &mut object);
        object.close();
    }
    out.push(b']');
}

/// `doc` as a `serde_json::Value` (for tests, the evaluation and the other
/// output formats): the same fields as [`write_document`] writes.
pub fn to_value(doc: &Document, options: JsonOptions) -> Value {
    let text = doc.text.as_str();
    let mut offsets = OffsetMap::new(text, options.offsets);
    let mut map = Map::new();
    if let Some(id) = &doc.id {
        map.insert("id".into(), id.as_str().into());
    }
    if let Some(date) = &doc.date {
        map.insert("date".into(), date.to_string().into());
    }
    map.insert("text".into(), text.into());
    let mut start_end = |span: Span| {
        let mut object = Map::new();
        object.offset("start", offsets.at(span.start));
        object.offset("end", offsets.at(span.end));
        object
    };
    let sentences = doc.sentences.iter().map(|s| start_end(s.span).into()).collect();
    map.insert("sentences".into(), Value::Array(sentences));
    if options.tokens {
        let tokens = doc.tokens.iter().map(|t| {
            let mut object = start_end(t.span);
            object.str("text", t.span.slice(text));
            object.value("kind", &t.kind);
            object.into()
        });
        map.insert("tokens".into(), Value::Array(tokens.collect()));
    }
    let entities = doc.entities.iter().map(|e| {
        let mut object = Map::new();
        entity_fields(e, text, &mut offsets, &mut object);
        object.into()
    });
    map.insert("entities".into(), Value::Array(entities.collect()));
    let statistics = doc.statistics.iter().map(|s| {
        let mut object = Map::new();
        statistic_fields(s, text, &mut offsets, &mut object);
        object.into()
    });
    map.insert("statistics".into(), Value::Array(statistics.collect()));
    Value::Object(map)
}

/// Where the fields of one JSON object go: JSON text or a `serde_json` map.
trait Fields {
    /// A string field.
    fn str(&mut self, key: &'static str, value: &str);
    /// An offset.
    fn offset(&mut self, key: &'static str, value: usize);
    /// Any other value, as `serde_json` renders it.
    fn value<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T);
}

impl Fields for Map<String, Value> {
    fn str(&mut self, key: &'static str, value: &str) {
        self.insert(key.into(), value.into());
    }

    fn offset(&mut self, key: &'static str, value: usize) {
        self.insert(key.into(), value.into());
    }

    fn value<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) {
        let value = serde_json::to_value(value).expect("entity fields serialize");
        self.insert(key.into(), value);
    }
}

/// A JSON object being written: `{` on opening, `,` between fields, `}` on closing.
struct JsonObject<'a> {
    out: &'a mut Vec<u8>,
    empty: bool,
}

impl<'a> JsonObject<'a> {
    fn open(out: &'a mut Vec<u8>) -> JsonObject<'a> {
        out.push(b'{');
        JsonObject { out, empty: true }
    }

    /// Writes `"key":`, after a comma unless it is the first field.
    fn key(&mut self, key: &str) {
        if !self.empty {
            self.out.push(b',');
        }
        self.empty = false;
        self.out.push(b'"');
        self.out.extend_from_slice(key.as_bytes());
        self.out.extend_from_slice(b"\":");
    }

    fn close(self) {
        self.out.push(b'}');
    }
}

impl Fields for JsonObject<'_> {
    fn str(&mut self, key: &'static str, value: &str) {
        self.key(key);
        push_string(self.out, value);
    }

    fn offset(&mut self, key: &'static str, value: usize) {
        self.key(key);
        push_number(self.out, value);
    }

    fn value<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) {
        self.key(key);
        serde_json::to_writer(&mut *self.out, value).expect("writing JSON to memory cannot fail");
    }
}

/// `{"start":…,"end":…}`.
#[derive(Serialize)]
struct StartEnd {
    start: usize,
    end: usize,
}

fn push_start_end(out: &mut Vec<u8>, start: usize, end: usize) {
    out.extend_from_slice(b"{\"start\":");
    push_number(out, start);
    out.extend_from_slice(b",\"end\":");
    push_number(out, end);
    out.push(b'}');
}

/// The fields of an entity, in their order in the JSON line.
fn entity_fields<F: Fields>(e: &Entity, text: &str, offsets: &mut OffsetMap, f: &mut F) {
    f.str("type", e.value.type_name());
    f.offset("start", offsets.at(e.span.start));
    f.offset("end", offsets.at(e.span.end));
    f.str("text", e.text(text));
    match &e.value {
        EntityValue::Number(a) => amount_fields(a, f),
        EntityValue::Percent { amount, points, sign } => {
            amount_fields(amount, f);
            if *sign != "%" {
                f.str("unit", sign);
            }
            if *points {
                f.value("points", &true);
            }
        }
        EntityValue::Money { amount, unit, per } | EntityValue::Quantity { amount, unit, per } => {
            amount_fields(amount, f);
            f.str("unit", unit);
            if let Some(per) = per {
                f.str("per", per);
            }
        }
        EntityValue::Ordinal(n) => f.value("value", n),
        EntityValue::Date(t) | EntityValue::Time(t) | EntityValue::Period(t) => {
            f.str("value", &t.value);
            if let Some(from) = &t.from {
                f.str("from", from);
            }
            if let Some(to) = &t.to {
                f.str("to", to);
            }
        }
        EntityValue::Duration(d) => f.str("value", d),
        EntityValue::Person { name, .. } => f.str("name", name),
        EntityValue::Official {
            name,
            title,
            org,
            place,
            ..
        } => {
            f.str("name", name);
            f.str("title", title);
            if let Some(org) = org {
                f.str("org", org);
            }
            if let Some(place) = place {
                f.str("place", place);
            }
        }
        EntityValue::Place(name) | EntityValue::Org(name) => f.str("name", name),
    }
    if let Some(r) = refers_to(e) {
        let (start, end) = (offsets.at(r.start), offsets.at(r.end));
        f.value("ref", &StartEnd { start, end });
    }
}

fn refers_to(e: &Entity) -> Option<Span> {
    match &e.value {
        EntityValue::Person { refers_to, .. } | EntityValue::Official { refers_to, .. } => *refers_to,
        _ => None,
    }
}

/// `value`, `min`, `max` and `approx`, those that are set.
fn amount_fields<F: Fields>(amount: &Amount, f: &mut F) {
    if let Some(v) = &amount.value {
        f.value("value", v);
    }
    if let Some(v) = &amount.min {
        f.value("min", v);
    }
    if let Some(v) = &amount.max {
        f.value("max", v);
    }
    if let Some(a) = &amount.approx {
        f.value("approx", a);
    }
}

/// The fields of a statistics record, in their order in the JSON line.
fn statistic_fields<F: Fields>(s: &Statistic, text: &str, offsets: &mut OffsetMap, f: &mut F) {
    f.str("indicator", &s.indicator);
    match &s.amount {
        Some(amount) if amount.value.is_some() || amount.min.is_some() => amount_fields(amount, f),
        _ => f.value("value", &()),
    }
    f.value("unit", &s.unit);
    f.value("change", &s.change);
    f.value("base", &s.base);
    f.value("qualifier", &s.qualifier);
    f.value("period", &s.period);
    f.value("place", &s.place);
    f.offset("start", offsets.at(s.span.start));
    f.offset("end", offsets.at(s.span.end));
    f.str("text", s.span.slice(text));
}

/// Appends `,"kind":"…"}`, the end of a token: its kind as `serde` names it
/// (one fixed-size copy per kind).
fn push_kind(out: &mut Vec<u8>, kind: TokenKind) {
    match kind {
        TokenKind::Word => out.extend_from_slice(b",\"kind\":\"word\"}"),
        TokenKind::Number => out.extend_from_slice(b",\"kind\":\"number\"}"),
        TokenKind::Abbrev => out.extend_from_slice(b",\"kind\":\"abbrev\"}"),
        TokenKind::Punct => out.extend_from_slice(b",\"kind\":\"punct\"}"),
        TokenKind::Symbol => out.extend_from_slice(b",\"kind\":\"symbol\"}"),
        TokenKind::Email => out.extend_from_slice(b",\"kind\":\"email\"}"),
        TokenKind::Url => out.extend_from_slice(b",\"kind\":\"url\"}"),
    }
}

/// Appends `n` in decimal, two digits at a time.
fn push_number(out: &mut Vec<u8>, n: usize) {
    let (digits, len) = decimal(n);
    push_digits(out, &digits, len);
}

/// The first `len` bytes of `digits`, in one fixed-size copy of all twenty,
/// the ones past `len` then dropped.
fn push_digits(out: &mut Vec<u8>, digits: &[u8; 20], len: usize) {
    let at = out.len();
    out.extend_from_slice(digits);
    out.truncate(at + len);
}

/// The decimal digits of `n` (the first `len` bytes) and `len`.
fn decimal(n: usize) -> ([u8; 20], usize) {
    let digits = crate::decimal::Digits::of(n as u64);
    (*digits.padded(), digits.len())
}

/// Writes a rising sequence of numbers (the offsets of the tokens): a step
/// of less than ten is added to the last number's digits, with carries,
/// instead of formatting the number anew.
#[derive(Default)]
struct Counter {
    value: usize,
    /// The digits of `value`, first `len` bytes.
    digits: [u8; 20],
    len: usize,
}

impl Counter {
    #[inline(always)]
    fn push(&mut self, out: &mut Vec<u8>, n: usize) {
        let step = n.wrapping_sub(self.value);
        if step >= 10 || self.len == 0 || !self.add(step as u8) {
            (self.digits, self.len) = decimal(n);
        }
        self.value = n;
        push_digits(out, &self.digits, self.len);
    }

    /// Adds `step` (below ten) to the digits; false when the number gets
    /// one digit longer (999 + 1).
    fn add(&mut self, step: u8) -> bool {
        let mut carry = step;
        for digit in self.digits[..self.len].iter_mut().rev() {
            let sum = *digit + carry;
            if sum <= b'9' {
                *digit = sum;
                return true;
            }
            *digit = sum - 10;
            carry = 1;
        }
        false
    }
}

/// Appends `text[span]` as a JSON string. A span of at most 16 bytes with
/// nothing to escape (most tokens) takes one fixed-size copy of the 16 bytes
/// from its start, the bytes past its end then dropped.
fn push_span_text(out: &mut Vec<u8>, text: &str, span: Span) {
    const SPACES: u64 = 0x2020_2020_2020_2020;
    let len = span.len();
    let window = text.as_bytes().get(span.start..span.start + 16).filter(|_| len <= 16);
    if let Some(window) = window {
        // The bytes past the span, as spaces, need no escape.
        let (lo, hi) = (first_bytes(len.min(8)), first_bytes(len.saturating_sub(8)));
        let first = u64::from_le_bytes(window[..8].try_into().expect("eight bytes"));
        let second = u64::from_le_bytes(window[8..].try_into().expect("eight bytes"));
        if !needs_escape(first & lo | SPACES & !lo) && !needs_escape(second & hi | SPACES & !hi) {
            out.push(b'"');
            let at = out.len();
            out.extend_from_slice(window);
            out.truncate(at + len);
            out.push(b'"');
            return;
        }
    }
    push_string(out, span.slice(text));
}

/// Appends `s` as a JSON string, escaped as `serde_json` escapes it: `"`,
/// `\` and the control characters below U+0020, nothing else. Runs of bytes
/// that need no escape are found eight bytes at a time and copied at once.
fn push_string(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    let bytes = s.as_bytes();
    // `bytes[run..i]` needs no escape and is not written yet.
    let mut run = 0;
    let mut i = 0;
    loop {
        while let Some(chunk) = bytes.get(i..i + 16) {
            let (first, second) = chunk.split_at(8);
            let first = u64::from_le_bytes(first.try_into().expect("eight bytes"));
            let second = u64::from_le_bytes(second.try_into().expect("eight bytes"));
            if needs_escape(first) | needs_escape(second) {
                break;
            }
            i += 16;
        }
        while let Some(chunk) = bytes.get(i..i + 8) {
            if needs_escape(u64::from_le_bytes(chunk.try_into().expect("eight bytes"))) {
                break;
            }
            i += 8;
        }
        // The byte to escape is among the next sixteen, or none is left.
        let Some(k) = bytes[i..].iter().position(|&b| ESCAPE[b as usize] != 0) else {
            break;
        };
        i += k;
        out.extend_from_slice(&bytes[run..i]);
        let b = bytes[i];
        match ESCAPE[b as usize] {
            b'u' => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(&[b'\\', b'u', b'0', b'0', HEX[(b >> 4) as usize], HEX[(b & 0xF) as usize]]);
            }
            e => out.extend_from_slice(&[b'\\', e]),
        }
        i += 1;
        run = i;
    }
    out.extend_from_slice(&bytes[run..]);
    out.push(b'"');
}

/// For each byte, the letter of its escape (`\n`, `\"`, …), `u` for
/// `\u00XX`, 0 when it needs none.
static ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b'u';
        b += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0A] = b'n';
    table[0x0C] = b'f';
    table[0x0D] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

/// True when one of the eight bytes of `x` is `"`, `\` or below 0x20.
fn needs_escape(x: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // A byte of `v` is below `n` (n ≤ 0x80): the subtraction borrows into bit 7
    // of a byte whose bit 7 was clear.
    let below = |v: u64, n: u64| v.wrapping_sub(ONES * n) & !v & HIGH;
    below(x, 0x20) | below(x ^ (ONES * b'"' as u64), 1) | below(x ^ (ONES * b'\\' as u64), 1) != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut specials: Vec<char> = (0u8..0x20).map(char::from).collect();
        specials.extend(['"', '\\', '/', '\u{7f}', 'ế', '€', '𝄞', 'a']);
        for &c in &specials {
            for before in 0..17 {
                for after in 0..9 {
                    let s = format!(
                        "{}{c}{}",
                        "ồ".repeat(before / 2) + &"x".repeat(before % 2),
                        "y".repeat(after)
                    );
                    let mut out = Vec::new();
                    push_string(&mut out, &s);
                    assert_eq!(
                        String::from_utf8(out).unwrap(),
                        serde_json::to_string(&s).unwrap(),
                        "{s:?}"
                    );
                }
            }
        }
        let all: String = (0u8..0x80).map(char::from).collect::<String>().repeat(3);
        let mut out = Vec::new();
        push_string(&mut out, &all);
        assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(&all).unwrap());
    }

    #[test]
    fn short_spans_are_escaped_as_serde_json_escapes_them() {
        let text = "ồ \"a\\b\tc\u{1}dế€ 0123456789abcdefghij\n".repeat(3);
        for start in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
            for end in (start..=text.len().min(start + 20)).filter(|&i| text.is_char_boundary(i)) {
                let mut out = Vec::new();
                push_span_text(&mut out, &text, Span::new(start, end));
                let expected = serde_json::to_string(&text[start..end]).unwrap();
                assert_eq!(String::from_utf8(out).unwrap(), expected, "{start}..{end}");
            }
        }
    }

    #[test]
    fn token_kinds_are_named_as_serde_names_them() {
        use TokenKind::*;
        for kind in [Word, Number, Abbrev, Punct, Symbol, Email, Url] {
            let mut out = Vec::new();
            push_kind(&mut out, kind);
            let name = serde_json::to_string(&kind).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), format!(",\"kind\":{name}}}"));
        }
    }

    /// The line parses to what [`to_value`] builds, on every corpus document
    /// and on a text with quotes, backslashes and control characters.
    #[test]
    fn the_line_and_the_value_agree() {
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let mut inputs = vec![crate::input::InputDocument {
            id: Some("a\"b\\c".into()),
            text: "Ông Lê Văn \"Ba\" nói:\tgiá\\lúa\u{1} tăng 3,4% so với cùng kỳ, đạt 1.234,5 tỷ đồng.\r\nÔng Ba đến."
                .into(),
            date: "2023-06-20".parse().ok(),
        }];
        for entry in std::fs::read_dir(corpus).expect("corpus/ exists") {
            let path = entry.expect("an entry").path();
            if path.extension().is_none_or(|e| e != "jsonl") {
                continue;
            }
            let text = std::fs::read_to_string(path).expect("UTF-8");
            inputs.extend(
                text.lines()
                    .map(|line| crate::input::parse_json_line(line).expect("a document")),
            );
        }
        let annotator = crate::Annotator::new();
        for input in inputs {
            let mut doc = annotator.annotate_dated(&input.text, input.date);
            doc.id = input.id;
            for offsets in [Offsets::Chars, Offsets::Bytes] {
                for tokens in [true, false] {
                    let options = JsonOptions { offsets, tokens };
                    let mut out = Vec::new();
                    write_document(&doc, options, &mut out);
                    assert_eq!(out.pop(), Some(b'\n'));
                    let line: Value = serde_json::from_slice(&out).expect("the line is JSON");
                    assert_eq!(line, to_value(&doc, options), "{:?}", doc.id);
                }
            }
        }
    }

    #[test]
    fn a_counter_writes_what_formatting_writes() {
        let mut counter = Counter::default();
        let mut n = 0;
        for k in 0..20_000usize {
            n += match k % 13 {
                0 => 0,
                5 => 9,
                7 => 10,
                11 => 123,
                _ => k % 4,
            };
            if k == 15_000 {
                n = 5;
            }
            let mut out = Vec::new();
            counter.push(&mut out, n);
            assert_eq!(String::from_utf8(out).unwrap(), n.to_string());
        }
    }

    #[test]
    fn numbers_are_written_in_decimal() {
        for n in [0, 7, 10, 99, 100, 123_456, usize::MAX] {
            let mut out = Vec::new();
            push_number(&mut out, n);
            assert_eq!(out, n.to_string().as_bytes());
        }
    }
}
