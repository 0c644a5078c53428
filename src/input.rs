//! Input documents: a plain text, or one JSON line `{"id", "text", "date"}`.

use crate::calendar::Date;
use std::fmt;

/// A document to annotate: its text, and optionally an id and a date.
///
/// ```
/// let doc = chiso::input::parse_json_line(r#"{"id": "a1", "text": "Ngày 16/6", "date": "2023-06-20"}"#).unwrap();
/// assert_eq!(doc.id.as_deref(), Some("a1"));
/// assert_eq!(doc.date.unwrap().to_string(), "2023-06-20");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputDocument {
    /// The document id, if given.
    pub id: Option<String>,
    /// The text to annotate.
    pub text: String,
    /// The document date (reference for partial and relative dates), if given.
    pub date: Option<Date>,
}

/// Why a JSON line was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineError {
    /// Not valid JSON, or not an object.
    NotJson(String),
    /// No `"text"` field.
    MissingText,
    /// `"text"` is not a string.
    TextNotString,
    /// `"id"` is neither a string nor a number.
    BadId,
    /// `"date"` is not a `YYYY-MM-DD` calendar date.
    BadDate(String),
}

impl fmt::Display for LineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LineError::NotJson(e) => write!(f, "not a JSON object: {e}"),
            LineError::MissingText => write!(f, "the object has no \"text\" field"),
            LineError::TextNotString => write!(f, "\"text\" is not a string"),
            LineError::BadId => write!(f, "\"id\" is neither a string nor a number"),
            LineError::BadDate(d) => write!(f, "\"date\" {d} is not a YYYY-MM-DD calendar date"),
        }
    }
}

impl std::error::Error for LineError {}

/// Parses one JSONL document line.
///
/// ```
/// use chiso::input::{parse_json_line, LineError};
/// assert_eq!(parse_json_line(r#"{"id": 1}"#), Err(LineError::MissingText));
/// assert!(matches!(parse_json_line("văn bản"), Err(LineError::NotJson(_))));
/// ```
pub fn parse_json_line(line: &str) -> Result<InputDocument, LineError> {
    let value: serde_json::Value = serde_json::from_str(line).map_err(|e| LineError::NotJson(e.to_string()))?;
    let obj = value
        .as_object()
        .ok_or_else(|| LineError::NotJson("expected an object {…}".into()))?;
    let text = match obj.get("text") {
        None => return Err(LineError::MissingText),
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(_) => return Err(LineError::TextNotString),
    };
    let id = match obj.get("id") {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s.clone()),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        Some(_) => return Err(LineError::BadId),
    };
    let date = match obj.get("date") {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s.parse().map_err(|_| LineError::BadDate(format!("{s:?}")))?),
        Some(other) => return Err(LineError::BadDate(other.to_string())),
    };
    Ok(InputDocument { id, text, date })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_errors_say_what_is_wrong() {
        assert_eq!(parse_json_line(r#"{"text": 5}"#), Err(LineError::TextNotString));
        assert_eq!(
            parse_json_line(r#"["text"]"#).unwrap_err().to_string(),
            "not a JSON object: expected an object {…}"
        );
        assert!(matches!(
            parse_json_line(r#"{"text": "a", "date": "2023-02-30"}"#),
            Err(LineError::BadDate(_))
        ));
        assert_eq!(
            parse_json_line(r#"{"text": "a", "id": 7}"#).unwrap().id.as_deref(),
            Some("7")
        );
    }
}
