//! Numbers written in digits, Vietnamese convention ("1.234,5", "3,4").
//!
//! The first end-to-end recognizer: one number token → a `number` entity.
//! Spelled numbers, percentages, money, quantities and ordinals come with
//! the numeric issue.
//!
//! Grammar (inside one token):
//! ```text
//! number  := int ( "," digits )?
//! int     := digits | digit{1,3} ( "." digit{3} )+
//! ```

use super::{Candidate, Recognizer, SentenceView, Triggers};
use crate::decimal::Decimal;
use crate::model::{Amount, EntityValue};
use crate::tokenizer::TokenKind;

/// The numbers recognizer.
///
/// ```
/// let doc = chiso::Annotator::new().annotate("Có 1.234,5 tấn");
/// assert_eq!(doc.entities[0].text(&doc.text), "1.234,5");
/// ```
#[derive(Debug, Default)]
pub struct Numbers;

impl Numbers {
    /// A numbers recognizer.
    pub fn new() -> Numbers {
        Numbers
    }
}

/// Parses a digit number in the Vietnamese convention: "." groups thousands,
/// "," marks decimals. `None` for anything else ("16/6", "1.2.3").
///
/// ```
/// use chiso::recognizers::numbers::parse_digits;
/// assert_eq!(parse_digits("1.234,5").unwrap().to_string(), "1234.5");
/// assert_eq!(parse_digits("3,4").unwrap().to_string(), "3.4");
/// assert!(parse_digits("16/6").is_none());
/// ```
pub fn parse_digits(s: &str) -> Option<Decimal> {
    let (int, frac) = match s.split_once(',') {
        Some((i, f)) if !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()) => (i, f),
        Some(_) => return None,
        None => (s, ""),
    };
    let groups: Vec<&str> = int.split('.').collect();
    let grouped_ok =
        groups.len() == 1 || (matches!(groups[0].len(), 1..=3) && groups[1..].iter().all(|g| g.len() == 3));
    if !grouped_ok
        || groups
            .iter()
            .any(|g| g.is_empty() || !g.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let plain: String = groups.concat();
    if frac.is_empty() {
        Decimal::parse(&plain)
    } else {
        Decimal::parse(&format!("{plain}.{frac}"))
    }
}

impl Recognizer for Numbers {
    fn name(&self) -> &'static str {
        "numbers"
    }

    fn triggers(&self) -> Triggers {
        Triggers {
            kinds: vec![TokenKind::Number],
            ..Triggers::default()
        }
    }

    fn recognize_at(&self, sentence: &SentenceView<'_>, at: usize, out: &mut Vec<Candidate>) {
        if let Some(value) = parse_digits(sentence.text_of(at)) {
            out.push(Candidate {
                tokens: at..at + 1,
                value: EntityValue::Number(Amount::exact(value)),
                rule: "numbers::digits",
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_digit_convention() {
        for (s, v) in [
            ("1.234,5", "1234.5"),
            ("1.700.988", "1700988"),
            ("3,4", "3.4"),
            ("2023", "2023"),
            ("0,05", "0.05"),
        ] {
            assert_eq!(parse_digits(s).map(|d| d.to_string()).as_deref(), Some(v), "{s}");
        }
        for s in ["16/6/2023", "1.23", "12.3456", "3,", "1..2", "14h30", ".5"] {
            assert!(parse_digits(s).is_none(), "{s}");
        }
    }
}
