//! The partial temporal value that recognition produces and resolution reads.
//!
//! Recognition cannot know the year of "ngày 16/6" or the day of "hôm qua":
//! it records what the text says as an [`Expr`]. The candidate carries it
//! encoded in its value ([`encode`]: a `~` followed by the JSON of the
//! expression, in `Temporal::value`), and [`super::Temporal`]'s `finish`
//! decodes it and replaces it with the resolved value. Nothing encoded ever
//! leaves `Annotator::annotate`.

use serde::{Deserialize, Serialize};

/// A year as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Year {
    /// "2023".
    Abs(i32),
    /// "năm nay" (0), "năm ngoái" (-1): relative to the reference year.
    Rel(i32),
    /// Not written: the nearest to the reference, else the document's year.
    Unknown,
}

/// The year of a lunar date as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LunarYear {
    /// "Tết Nguyên đán 2024": the solar year its Tết falls in.
    Abs(i32),
    /// "Tết Giáp Thìn": stem 0–9 and branch 0–11.
    Named(u32, u32),
    /// Not written: the nearest to the reference.
    Unknown,
}

/// A point or stretch of time as written, before resolution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Expr {
    /// A day of a month: "16/6/2023", "ngày 16/6", "mồng 5" (month unknown).
    Day {
        /// The year.
        y: Year,
        /// The month, when written.
        m: Option<u32>,
        /// The day.
        d: u32,
    },
    /// A month: "tháng 6/2023", "tháng Sáu".
    Month {
        /// The year.
        y: Year,
        /// The month.
        m: u32,
    },
    /// A year: "năm 2023", "năm nay".
    Year(Year),
    /// "hôm qua" (-1), "ngày mai" (1).
    RelDay(i32),
    /// "tuần này" (0), "tuần trước" (-1).
    RelWeek(i32),
    /// "tháng này" (0), "tháng trước" (-1).
    RelMonth(i32),
    /// "quý này" (0), "quý trước" (-1).
    RelQuarter(i32),
    /// "thứ Hai", "thứ Sáu (15/3)", "thứ Hai tuần trước".
    Weekday {
        /// 1 = Monday … 7 = Sunday.
        wd: u32,
        /// The date written with it, if any.
        date: Option<Box<Expr>>,
        /// Week offset when "tuần này/trước/tới" follows.
        week: Option<i32>,
    },
    /// "quý III/2023".
    Quarter {
        /// 1–4.
        q: u32,
        /// The year.
        y: Year,
    },
    /// "6 tháng đầu năm 2023" (1), "6 tháng cuối năm" (2).
    Half {
        /// 1 or 2.
        h: u32,
        /// The year.
        y: Year,
    },
    /// Months `a..=b` of a year: "9 tháng năm 2023" (1–9).
    Months {
        /// First month.
        a: u32,
        /// Last month.
        b: u32,
        /// The year.
        y: Year,
    },
    /// đầu/giữa/cuối (0/1/2) of a month or year expression.
    Part {
        /// 0 early, 1 mid, 2 late.
        part: u8,
        /// The month or year.
        of: Box<Expr>,
    },
    /// "giai đoạn 2021-2025".
    Years(i32, i32),
    /// "từ X đến Y".
    Range(Box<Expr>, Box<Expr>),
    /// "từ đầu năm đến nay": from the start of the expression to the reference date.
    ToDate(Box<Expr>),
    /// "từ nay đến cuối năm": from the reference date to the end of the expression.
    FromNow(Box<Expr>),
    /// "thế kỷ XX" (20).
    Century(i32),
    /// "thập niên 90" (90, century unknown) or "thập niên 1990".
    Decade(i32),
    /// "14 giờ 30 phút chiều 12/10".
    Time {
        /// Hour 0–23 (after the part of the day moved it).
        h: u32,
        /// Minute.
        min: u32,
        /// The day it is on, if written.
        on: Option<Box<Expr>>,
    },
    /// "Sáng 5/9", "chiều nay".
    PartOfDay {
        /// TIMEX code: MO, MI, AF, EV, NI.
        pod: String,
        /// The day.
        on: Box<Expr>,
    },
    /// A lunar date ("mùng 1 Tết", "rằm tháng Giêng", "15/8 âm lịch") or, with
    /// no day, a lunar month ("tháng 7 âm lịch").
    Lunar {
        /// Day 1–30, when written.
        d: Option<u32>,
        /// Month 1–12.
        m: u32,
        /// The leap (nhuận) month.
        leap: bool,
        /// The lunar year.
        y: LunarYear,
    },
    /// A numbered ISO week: "tuần 34" → `2024-W34`.
    Week {
        /// 1–53.
        w: u32,
        /// The year.
        y: Year,
    },
}

/// The prefix that marks an encoded, unresolved value.
pub const MARK: char = '~';

/// Encodes `e` for a candidate's `Temporal::value`.
pub fn encode(e: &Expr) -> String {
    let mut s = String::from(MARK);
    s.push_str(&serde_json::to_string(e).expect("an Expr always serializes"));
    s
}

/// Decodes a value written by [`encode`]; `None` for an already resolved value.
pub fn decode(s: &str) -> Option<Expr> {
    serde_json::from_str(s.strip_prefix(MARK)?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_round_trips() {
        let e = Expr::Range(
            Box::new(Expr::Day {
                y: Year::Unknown,
                m: None,
                d: 20,
            }),
            Box::new(Expr::Day {
                y: Year::Abs(2024),
                m: Some(1),
                d: 25,
            }),
        );
        assert_eq!(decode(&encode(&e)), Some(e));
        assert_eq!(decode("2023-06-16"), None);
    }
}
