//! The JSONL document: one line per document, as described in `docs/format.md`.

use super::{OffsetMap, Offsets};
use crate::model::{Amount, Document, Entity, EntityValue, Statistic};
use crate::span::Span;
use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::Serialize;

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
    let mut ser = serde_json::Serializer::new(&mut *out);
    DocumentJson { doc, options }
        .serialize(&mut ser)
        .expect("serializing to memory cannot fail");
    out.push(b'\n');
}

/// `doc` as a `serde_json::Value` (for tests and the evaluation).
pub fn to_value(doc: &Document, options: JsonOptions) -> serde_json::Value {
    serde_json::to_value(DocumentJson { doc, options }).expect("documents serialize")
}

struct DocumentJson<'a> {
    doc: &'a Document,
    options: JsonOptions,
}

impl Serialize for DocumentJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let doc = self.doc;
        let text = doc.text.as_str();
        let mode = self.options.offsets;
        let mut map = serializer.serialize_map(None)?;
        if let Some(id) = &doc.id {
            map.serialize_entry("id", id)?;
        }
        if let Some(date) = &doc.date {
            map.serialize_entry("date", &date.to_string())?;
        }
        map.serialize_entry("text", text)?;
        map.serialize_entry(
            "sentences",
            &SpanList {
                text,
                mode,
                spans: doc.sentences.iter().map(|s| s.span),
            },
        )?;
        if self.options.tokens {
            map.serialize_entry("tokens", &TokenList { doc, mode })?;
        }
        map.serialize_entry("entities", &EntityList { doc, mode })?;
        map.serialize_entry("statistics", &StatisticList { doc, mode })?;
        map.end()
    }
}

struct SpanList<'a, I: Iterator<Item = Span> + Clone> {
    text: &'a str,
    mode: Offsets,
    spans: I,
}

impl<I: Iterator<Item = Span> + Clone> Serialize for SpanList<'_, I> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut offsets = OffsetMap::new(self.text, self.mode);
        let mut seq = serializer.serialize_seq(None)?;
        for span in self.spans.clone() {
            let (start, end) = (offsets.at(span.start), offsets.at(span.end));
            seq.serialize_element(&StartEnd { start, end })?;
        }
        seq.end()
    }
}

#[derive(Serialize)]
struct StartEnd {
    start: usize,
    end: usize,
}

struct TokenList<'a> {
    doc: &'a Document,
    mode: Offsets,
}

#[derive(Serialize)]
struct TokenJson<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    kind: crate::tokenizer::TokenKind,
}

impl Serialize for TokenList<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let text = self.doc.text.as_str();
        let mut offsets = OffsetMap::new(text, self.mode);
        let mut seq = serializer.serialize_seq(Some(self.doc.tokens.len()))?;
        for t in &self.doc.tokens {
            let (start, end) = (offsets.at(t.span.start), offsets.at(t.span.end));
            seq.serialize_element(&TokenJson {
                start,
                end,
                text: t.span.slice(text),
                kind: t.kind,
            })?;
        }
        seq.end()
    }
}

struct EntityList<'a> {
    doc: &'a Document,
    mode: Offsets,
}

impl Serialize for EntityList<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let text = self.doc.text.as_str();
        let mut offsets = OffsetMap::new(text, self.mode);
        let mut seq = serializer.serialize_seq(Some(self.doc.entities.len()))?;
        for e in &self.doc.entities {
            let start = offsets.at(e.span.start);
            let end = offsets.at(e.span.end);
            let reference = refers_to(e).map(|r| StartEnd {
                start: offsets.at(r.start),
                end: offsets.at(r.end),
            });
            seq.serialize_element(&EntityJson {
                entity: e,
                text,
                start,
                end,
                reference,
            })?;
        }
        seq.end()
    }
}

fn refers_to(e: &Entity) -> Option<Span> {
    match &e.value {
        EntityValue::Person { refers_to, .. } | EntityValue::Official { refers_to, .. } => *refers_to,
        _ => None,
    }
}

struct EntityJson<'a> {
    entity: &'a Entity,
    text: &'a str,
    start: usize,
    end: usize,
    reference: Option<StartEnd>,
}

fn amount_entries<M: SerializeMap>(map: &mut M, amount: &Amount) -> Result<(), M::Error> {
    if let Some(v) = &amount.value {
        map.serialize_entry("value", v)?;
    }
    if let Some(v) = &amount.min {
        map.serialize_entry("min", v)?;
    }
    if let Some(v) = &amount.max {
        map.serialize_entry("max", v)?;
    }
    if let Some(a) = &amount.approx {
        map.serialize_entry("approx", a)?;
    }
    Ok(())
}

fn optional<M: SerializeMap, T: Serialize>(map: &mut M, key: &str, v: &Option<T>) -> Result<(), M::Error> {
    match v {
        Some(v) => map.serialize_entry(key, v),
        None => Ok(()),
    }
}

impl Serialize for EntityJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let e = self.entity;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("type", e.value.type_name())?;
        map.serialize_entry("start", &self.start)?;
        map.serialize_entry("end", &self.end)?;
        map.serialize_entry("text", e.text(self.text))?;
        match &e.value {
            EntityValue::Number(a) => amount_entries(&mut map, a)?,
            EntityValue::Percent { amount, points, sign } => {
                amount_entries(&mut map, amount)?;
                if *sign != "%" {
                    map.serialize_entry("unit", sign)?;
                }
                if *points {
                    map.serialize_entry("points", &true)?;
                }
            }
            EntityValue::Money { amount, unit, per } | EntityValue::Quantity { amount, unit, per } => {
                amount_entries(&mut map, amount)?;
                map.serialize_entry("unit", unit)?;
                optional(&mut map, "per", per)?;
            }
            EntityValue::Ordinal(n) => map.serialize_entry("value", n)?,
            EntityValue::Date(t) | EntityValue::Time(t) | EntityValue::Period(t) => {
                map.serialize_entry("value", &t.value)?;
                optional(&mut map, "from", &t.from)?;
                optional(&mut map, "to", &t.to)?;
            }
            EntityValue::Duration(d) => map.serialize_entry("value", d)?,
            EntityValue::Person { name, .. } => map.serialize_entry("name", name)?,
            EntityValue::Official {
                name,
                title,
                org,
                place,
                ..
            } => {
                map.serialize_entry("name", name)?;
                map.serialize_entry("title", title)?;
                optional(&mut map, "org", org)?;
                optional(&mut map, "place", place)?;
            }
            EntityValue::Place(name) | EntityValue::Org(name) => map.serialize_entry("name", name)?,
        }
        optional(&mut map, "ref", &self.reference)?;
        map.end()
    }
}

struct StatisticList<'a> {
    doc: &'a Document,
    mode: Offsets,
}

impl Serialize for StatisticList<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let text = self.doc.text.as_str();
        let mut offsets = OffsetMap::new(text, self.mode);
        let mut seq = serializer.serialize_seq(Some(self.doc.statistics.len()))?;
        for s in &self.doc.statistics {
            let start = offsets.at(s.span.start);
            let end = offsets.at(s.span.end);
            seq.serialize_element(&StatisticJson {
                stat: s,
                text,
                start,
                end,
            })?;
        }
        seq.end()
    }
}

struct StatisticJson<'a> {
    stat: &'a Statistic,
    text: &'a str,
    start: usize,
    end: usize,
}

impl Serialize for StatisticJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let s = self.stat;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("indicator", &s.indicator)?;
        match &s.amount {
            Some(amount) if amount.value.is_some() || amount.min.is_some() => amount_entries(&mut map, amount)?,
            _ => map.serialize_entry("value", &())?,
        }
        map.serialize_entry("unit", &s.unit)?;
        map.serialize_entry("change", &s.change)?;
        map.serialize_entry("base", &s.base)?;
        map.serialize_entry("qualifier", &s.qualifier)?;
        map.serialize_entry("period", &s.period)?;
        map.serialize_entry("place", &s.place)?;
        map.serialize_entry("start", &self.start)?;
        map.serialize_entry("end", &self.end)?;
        map.serialize_entry("text", s.span.slice(self.text))?;
        map.end()
    }
}
