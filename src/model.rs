//! The data model: documents, entities with typed values, statistics records.
//!
//! These are the shapes of `../shared/SCHEMA.md`, described in our own words
//! in `docs/format.md`. Positions are byte [`Span`]s into the document text;
//! the output layer converts them to code-point offsets.

use crate::decimal::Decimal;
use crate::span::Span;
use crate::tokenizer::{Sentence, Token};
use crate::vocab::WordId;
use serde::Serialize;
use std::borrow::Cow;
use std::ops::Range;

/// How a figure is bounded: "khoảng 20" is `About`, "hơn 200" is `Over`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Approx {
    /// khoảng, chừng, gần như, xấp xỉ: roughly this much.
    About,
    /// hơn, trên, vượt: more than.
    Over,
    /// dưới, chưa đến: less than.
    Under,
    /// ít nhất, tối thiểu, không dưới: at least.
    AtLeast,
    /// nhiều nhất, tối đa, không quá: at most.
    AtMost,
    /// gần, suýt: nearly.
    Nearly,
}

/// A figure: one value, or a range with `min` and `max`, and how it is bounded.
///
/// "3,4" is `{value: 3.4}`; "từ 5 đến 7" is `{min: 5, max: 7}`; "hơn 200" is
/// `{value: 200, approx: Over}`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Amount {
    /// The value, when it is one number.
    pub value: Option<Decimal>,
    /// Lower end of a range.
    pub min: Option<Decimal>,
    /// Upper end of a range.
    pub max: Option<Decimal>,
    /// How the figure is bounded, if it is.
    pub approx: Option<Approx>,
}

impl Amount {
    /// An exact single value.
    pub fn exact(value: Decimal) -> Amount {
        Amount {
            value: Some(value),
            ..Amount::default()
        }
    }

    /// A range from `min` to `max`.
    pub fn range(min: Decimal, max: Decimal) -> Amount {
        Amount {
            min: Some(min),
            max: Some(max),
            ..Amount::default()
        }
    }
}

/// A resolved temporal value: ISO `value` and the first and last day covered.
///
/// "quý III/2023" is `{value: "2023-Q3", from: 2023-07-01, to: 2023-09-30}`;
/// "ngày 16/6" with no year known is `{value: "XXXX-06-16"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Temporal {
    /// ISO 8601-style value: `2023-06-16`, `2023-06`, `2023-Q3`, `2023-H1`,
    /// `2021/2025`, `2023-10-12T14:30`, `XXXX-06-16`.
    pub value: String,
    /// First day covered (inclusive), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Last day covered (inclusive), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
}

/// The typed value of an entity: one variant per entity type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntityValue {
    /// "hai mươi lăm nghìn" → 25000.
    Number(Amount),
    /// "3,4%" → 3.4; `points` for "0,5 điểm phần trăm".
    Percent {
        /// The figure.
        amount: Amount,
        /// True for percentage points ("điểm phần trăm"); "‰" is per mille.
        points: bool,
        /// "%" or "‰".
        sign: &'static str,
    },
    /// "1.250 tỷ đồng" → 1250000000000 VND.
    Money {
        /// The whole amount.
        amount: Amount,
        /// ISO 4217 code: VND, USD, EUR, … (a [`Cow`]: a listed unit is
        /// borrowed from the grammar, not copied into each value; read it as
        /// a `&str`).
        unit: Cow<'static, str>,
        /// What the price is per ("lít" in "1.050 đồng/lít").
        per: Option<Cow<'static, str>>,
    },
    /// "1,2 triệu tấn", "3.120 hộ", "61,3 tạ/ha".
    Quantity {
        /// The figure.
        amount: Amount,
        /// The measure unit or counted noun (borrowed when listed, as for [`EntityValue::Money`]).
        unit: Cow<'static, str>,
        /// The denominator of a rate ("ha" in "tạ/ha").
        per: Option<Cow<'static, str>>,
    },
    /// "lần thứ 13" → 13, "khóa XI" → 11.
    Ordinal(i64),
    /// "ngày 16/6/2023".
    Date(Temporal),
    /// "14 giờ 30 phút chiều 12/10".
    Time(Temporal),
    /// "quý III/2023", "6 tháng đầu năm 2023".
    Period(Temporal),
    /// "mười năm" → P10Y.
    Duration(String),
    /// A person's name.
    Person {
        /// The name as written, e.g. "Huỳnh Phúc Hậu".
        name: String,
        /// Byte span of the first full mention, for a later short mention ("ông Thọ").
        refers_to: Option<Span>,
    },
    /// A named official: "Bí thư Tỉnh ủy Bến Tre Lê Đức Thọ".
    Official {
        /// The person's name.
        name: String,
        /// The title, e.g. "Bí thư Tỉnh ủy".
        title: String,
        /// The organization, e.g. "Tỉnh ủy Bến Tre".
        org: Option<String>,
        /// The place, e.g. "Bến Tre".
        place: Option<String>,
        /// Byte span of the first full mention, for a later short mention.
        refers_to: Option<Span>,
    },
    /// A place, canonical name: "TP.HCM" → "Thành phố Hồ Chí Minh".
    Place(String),
    /// An organization, canonical name: "TTXVN" → "Thông tấn xã Việt Nam".
    Org(String),
}

impl EntityValue {
    /// The entity type as written in the JSON: "number", "money", "official", …
    pub fn type_name(&self) -> &'static str {
        match self {
            EntityValue::Number(_) => "number",
            EntityValue::Percent { .. } => "percent",
            EntityValue::Money { .. } => "money",
            EntityValue::Quantity { .. } => "quantity",
            EntityValue::Ordinal(_) => "ordinal",
            EntityValue::Date(_) => "date",
            EntityValue::Time(_) => "time",
            EntityValue::Period(_) => "period",
            EntityValue::Duration(_) => "duration",
            EntityValue::Person { .. } => "person",
            EntityValue::Official { .. } => "official",
            EntityValue::Place(_) => "place",
            EntityValue::Org(_) => "org",
        }
    }

    /// The figure of a numeric entity (number, percent, money, quantity).
    pub fn amount(&self) -> Option<&Amount> {
        match self {
            EntityValue::Number(a)
            | EntityValue::Percent { amount: a, .. }
            | EntityValue::Money { amount: a, .. }
            | EntityValue::Quantity { amount: a, .. } => Some(a),
            _ => None,
        }
    }

    /// The temporal value of a date, time or period.
    pub fn temporal(&self) -> Option<&Temporal> {
        match self {
            EntityValue::Date(t) | EntityValue::Time(t) | EntityValue::Period(t) => Some(t),
            _ => None,
        }
    }
}

/// Every entity type name, in the resolver's tie-break order (see [`crate::resolve`]).
pub const ENTITY_TYPES: [&str; 13] = [
    "official", "money", "percent", "period", "time", "date", "duration", "quantity", "ordinal", "number", "org",
    "place", "person",
];

/// A recognized entity: where it is and what it means.
///
/// ```
/// let doc = chiso::Annotator::new().annotate("Năm nay có 3.120 hộ.");
/// let e = doc.entities.iter().find(|e| e.text(&doc.text) == "3.120 hộ").unwrap();
/// assert_eq!(e.value.type_name(), "quantity");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Byte range in the document text.
    pub span: Span,
    /// Token indices the entity covers.
    pub tokens: Range<usize>,
    /// The typed value.
    pub value: EntityValue,
    /// Name of the rule that produced it (for debugging; not serialized by default).
    pub rule: &'static str,
}

impl Entity {
    /// The entity's original text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.slice(text)
    }
}

/// Which way a statistic moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// tăng, tăng lên
    Increase,
    /// giảm, giảm còn
    Decrease,
    /// đạt, ở mức, là
    Level,
    /// chiếm
    Share,
}

/// What a change is measured against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Base {
    /// so với cùng kỳ
    SamePeriod,
    /// so với tháng/quý trước
    PreviousPeriod,
    /// so với kế hoạch; bằng …% kế hoạch
    Plan,
    /// so với đầu năm
    StartOfYear,
}

/// How certain a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// ước, ước đạt, ước tính
    Estimate,
    /// phấn đấu, mục tiêu, chỉ tiêu
    Target,
    /// dự kiến, dự báo
    Forecast,
}

/// One statistics record: "Tăng trưởng GRDP ước đạt 3,4%" → indicator
/// "tăng trưởng GRDP", value 3.4, unit "%", qualifier estimate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statistic {
    /// What is measured, lower-cased, as written.
    pub indicator: String,
    /// The figure (or range), absent for a qualitative statement.
    pub amount: Option<Amount>,
    /// "%", an ISO currency, a unit or counted noun; `None` for a bare number.
    pub unit: Option<String>,
    /// Which way it moved.
    pub change: Option<Change>,
    /// Against what.
    pub base: Option<Base>,
    /// How certain.
    pub qualifier: Option<Qualifier>,
    /// The period the figure covers.
    pub period: Option<Temporal>,
    /// The place the figure is about (canonical name).
    pub place: Option<String>,
    /// The clause it was read from (byte span).
    pub span: Span,
}

/// An annotated document: the text, its tokens and sentences, entities and statistics.
///
/// ```
/// let doc = chiso::Annotator::new().annotate("Tăng trưởng đạt 3,4%. Tốt.");
/// assert_eq!(doc.sentences.len(), 2);
/// assert!(doc.tokens.iter().all(|t| doc.text.get(t.span.range()).is_some()));
/// ```
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// The caller's id, if any.
    pub id: Option<String>,
    /// The document date (reference for partial and relative dates), if any.
    pub date: Option<crate::calendar::Date>,
    /// The original text, unchanged.
    pub text: String,
    /// Tokens in text order.
    pub tokens: Vec<Token>,
    /// Matching keys of the tokens (see [`Token::key`] and [`crate::tokenizer::Tokens::keys`]).
    pub keys: String,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Entities sorted by start (an official may contain others).
    pub entities: Vec<Entity>,
    /// Statistics records in text order.
    pub statistics: Vec<Statistic>,
}

impl Document {
    /// The matching key of a token.
    pub fn key(&self, token: &Token) -> &str {
        &self.keys[token.key.range()]
    }

    /// The word id and matching key of a token (what phrase tables read).
    pub fn keyed(&self, token: &Token) -> (WordId, &str) {
        (token.word, self.key(token))
    }
}
