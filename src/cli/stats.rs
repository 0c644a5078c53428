//! `chiso stats`: the annotate pipeline, rendering statistics records only.

use super::{AnnotateArgs, Colour, Format, StatsArgs, StatsFormat};
use chiso::output::json::{to_value, JsonOptions};
use chiso::Document;
use std::process::ExitCode;

/// Runs `chiso stats`.
pub fn run(args: StatsArgs) -> ExitCode {
    super::annotate::run(AnnotateArgs {
        run: args.run,
        format: match args.format {
            StatsFormat::Csv => Format::StatsCsv,
            StatsFormat::Jsonl => Format::StatsJsonl,
        },
        no_tokens: true,
        offsets: args.offsets,
        color: Colour::Never,
        bom: args.bom,
    })
}

/// Appends one JSON line per statistics record of `doc`: the document id, the
/// sentence the record was read from, then the record's fields.
pub fn write_jsonl(doc: &Document, json: JsonOptions, out: &mut Vec<u8>) {
    let value = to_value(doc, JsonOptions { tokens: false, ..json });
    let records = value["statistics"].as_array().cloned().unwrap_or_default();
    for (stat, record) in doc.statistics.iter().zip(records) {
        let sentence = doc
            .sentences
            .iter()
            .find(|s| s.span.start <= stat.span.start && stat.span.start < s.span.end.max(s.span.start + 1))
            .map_or("", |s| s.span.slice(&doc.text));
        let mut row = serde_json::Map::new();
        row.insert("id".into(), doc.id.clone().into());
        row.insert("sentence".into(), sentence.into());
        if let serde_json::Value::Object(fields) = record {
            row.extend(fields);
        }
        serde_json::to_writer(&mut *out, &row).expect("writing JSON to memory cannot fail");
        out.push(b'\n');
    }
}
