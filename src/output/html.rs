//! HTML views: one self-contained page (no external assets) with entities
//! highlighted by type and their normalized values shown on hover, in the
//! manner of spaCy's displaCy. Used by `chiso annotate --format html` and by
//! the error report of `chiso eval --html`.

use crate::model::Document;
use crate::output::json::{to_value, JsonOptions};
use crate::output::Offsets;
use std::fmt::Write as _;

/// One highlighted span of a text, in code points.
#[derive(Debug, Clone, PartialEq)]
pub struct Highlight {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// Entity type; also the CSS class `e-<type>`.
    pub kind: String,
    /// Hover text (the normalized value).
    pub title: String,
    /// Extra CSS class ("miss", "false-alarm", "wrong-value"), or "".
    pub mark: &'static str,
}

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = "
body{font-family:system-ui,sans-serif;max-width:60em;margin:2em auto;line-height:2.1;color:#222;padding:0 1em}
h1{font-size:1.3em} h2{font-size:1.05em;margin-top:2em;border-bottom:1px solid #ccc}
.doc{white-space:pre-wrap} mark{border-radius:.3em;padding:.1em .25em;margin:0 .1em}
mark .t{font-size:.6em;font-weight:bold;text-transform:uppercase;margin-left:.35em;opacity:.7;vertical-align:middle}
.e-official{background:#f4c2f4} .e-person{background:#ffd6e7} .e-org{background:#c9f0f0} .e-place{background:#c8efc0}
.e-date,.e-time,.e-period,.e-duration{background:#fde9a9} .e-money{background:#b9e3b0} .e-percent{background:#bcd3f7}
.e-quantity{background:#d4def8} .e-number,.e-ordinal{background:#e2e2e2}
mark mark{padding:0 .15em} .miss{outline:2px solid #d22} .false-alarm{outline:2px dashed #d80}
.wrong-value{outline:2px dotted #85c} table.cmp{width:100%;border-collapse:collapse} table.cmp td{vertical-align:top;width:50%;padding:.5em;border:1px solid #ddd}
.legend mark{font-size:.8em}
";

/// Starts a page with `title`.
pub fn page_start(title: &str) -> String {
    let legend: String = crate::model::ENTITY_TYPES
        .iter()
        .map(|t| format!("<mark class=\"e-{t}\">{t}</mark>"))
        .collect::<Vec<_>>()
        .join(" ");
    format!(
        "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n<p class=\"legend\">{legend}</p>\n",
        escape(title),
        escape(title)
    )
}

/// Ends a page.
pub fn page_end() -> &'static str {
    "</body>\n</html>\n"
}

/// Renders `text` with `highlights` (sorted by start, an outer span before the
/// spans it contains; partial overlaps are clipped) as HTML.
///
/// ```
/// use chiso::output::html::{render_text, Highlight};
/// let h = Highlight { start: 3, end: 4, kind: "number".into(), title: "value=3".into(), mark: "" };
/// let html = render_text("Có 3 tấn", &[h]);
/// assert_eq!(html, "Có <mark class=\"e-number\" data-type=\"number\" title=\"value=3\">3<span class=\"t\">number</span></mark> tấn");
/// ```
pub fn render_text(text: &str, highlights: &[Highlight]) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() * 2);
    let mut open: Vec<&Highlight> = Vec::new();
    let mut pos = 0;
    let close_until =
        |out: &mut String, open: &mut Vec<&Highlight>, pos: usize, chars: &[char], upto: usize| -> usize {
            // Emit text up to `upto`, closing spans that end on the way.
            let mut pos = pos;
            while let Some(top) = open.last() {
                let end = top.end.min(chars.len());
                if end > upto {
                    break;
                }
                out.push_str(&escape(&chars[pos.min(end)..end].iter().collect::<String>()));
                pos = pos.max(end);
                let _ = write!(out, "<span class=\"t\">{}</span></mark>", escape(&top.kind));
                open.pop();
            }
            out.push_str(&escape(&chars[pos.min(upto)..upto].iter().collect::<String>()));
            pos.max(upto)
        };
    for h in highlights {
        let start = h.start.min(chars.len());
        if start < pos || h.end <= start {
            continue; // overlaps what is open without nesting, or empty
        }
        pos = close_until(&mut out, &mut open, pos, &chars, start);
        if open.last().is_some_and(|top| h.end > top.end) {
            continue; // would cross the enclosing span
        }
        let class = if h.mark.is_empty() {
            format!("e-{}", h.kind)
        } else {
            format!("e-{} {}", h.kind, h.mark)
        };
        let _ = write!(
            out,
            "<mark class=\"{}\" data-type=\"{}\" title=\"{}\">",
            escape(&class),
            escape(&h.kind),
            escape(&h.title)
        );
        open.push(h);
    }
    close_until(&mut out, &mut open, pos, &chars, chars.len());
    out
}

/// The hover text for an entity's value fields: "value=3.4 unit=%".
pub fn value_title(fields: &serde_json::Map<String, serde_json::Value>) -> String {
    fields
        .iter()
        .map(|(k, v)| match v {
            serde_json::Value::String(s) => format!("{k}={s}"),
            other => format!("{k}={other}"),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The highlights of an annotated document.
pub fn document_highlights(doc: &Document) -> Vec<Highlight> {
    let json = to_value(
        doc,
        JsonOptions {
            offsets: Offsets::Chars,
            tokens: false,
        },
    );
    json["entities"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| {
            let obj = e.as_object()?;
            let fields: serde_json::Map<_, _> = obj
                .iter()
                .filter(|(k, _)| !matches!(k.as_str(), "type" | "start" | "end" | "text"))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            Some(Highlight {
                start: obj.get("start")?.as_u64()? as usize,
                end: obj.get("end")?.as_u64()? as usize,
                kind: obj.get("type")?.as_str()?.to_owned(),
                title: value_title(&fields),
                mark: "",
            })
        })
        .collect()
}

/// Appends one document's section (heading and highlighted text) to `out`.
///
/// ```
/// let doc = chiso::Annotator::new().annotate("Có 3 tấn.");
/// let mut out = Vec::new();
/// chiso::output::html::write_document(&doc, &mut out);
/// assert!(String::from_utf8(out).unwrap().contains("data-type=\"quantity\""));
/// ```
pub fn write_document(doc: &Document, out: &mut Vec<u8>) {
    let mut section = String::from("<section>\n");
    if let Some(id) = &doc.id {
        let _ = writeln!(section, "<h2>{}</h2>", escape(id));
    }
    let _ = writeln!(
        section,
        "<div class=\"doc\">{}</div>",
        render_text(&doc.text, &document_highlights(doc))
    );
    for s in &doc.statistics {
        let value = s
            .amount
            .as_ref()
            .and_then(|a| a.value)
            .map(|v| v.to_string())
            .unwrap_or_default();
        let _ = writeln!(
            section,
            "<p class=\"stat\">📊 {} = {} {}</p>",
            escape(&s.indicator),
            escape(&value),
            escape(s.unit.as_deref().unwrap_or(""))
        );
    }
    section.push_str("</section>\n");
    out.extend_from_slice(section.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(start: usize, end: usize, kind: &str) -> Highlight {
        Highlight {
            start,
            end,
            kind: kind.into(),
            title: String::new(),
            mark: "",
        }
    }

    #[test]
    fn nested_highlights_close_in_order_and_text_is_escaped() {
        let text = "Ông <A> Bí thư Lê Thọ nói";
        let html = render_text(text, &[h(8, 21, "official"), h(15, 21, "person")]);
        assert!(html.starts_with("Ông &lt;A&gt; <mark class=\"e-official\""), "{html}");
        assert!(html.contains("Bí thư <mark class=\"e-person\""), "{html}");
        assert!(
            html.ends_with("Lê Thọ<span class=\"t\">person</span></mark><span class=\"t\">official</span></mark> nói"),
            "{html}"
        );
    }

    #[test]
    fn crossing_spans_are_dropped_not_mangled() {
        let html = render_text("abcdef", &[h(0, 3, "number"), h(2, 5, "date")]);
        assert_eq!(html.matches("<mark").count(), 1);
        assert!(html.ends_with("def"));
    }
}
