//! Resolution: an [`Expr`] plus a reference date (and the document's own
//! year) → the ISO value and the first and last day covered.
//!
//! Rules (the reference date is the document's `date`; it is never the clock):
//! - **Partial dates take the nearest reading.** "16/6" is the 16 June, of the
//!   year before, of, or after the reference year, that is nearest the
//!   reference date; "tháng 12" the December nearest the reference month;
//!   "ngày 20" (no month) the 20th of the previous, same or next month,
//!   whichever is nearest; "thứ Hai" the Monday within three days of the
//!   reference. Ties go to the earlier date (news reports look back).
//! - **Without a reference date**, the document's own year is used: the
//!   nearest explicit year written before the phrase ("6 tháng đầu năm 2023
//!   … Ngày 16/6"), else the first one after it. With neither, the unknown
//!   parts stay `X` ("XXXX-06-16") and there is no `from`/`to`.
//! - **Periods without a year** ("quý III", "6 tháng đầu năm", "10 tháng" at
//!   the start of a statistics sentence) are in the reference year (else the
//!   document's year): they report on the current year.
//! - Relative words count from the reference date (and stay unknown
//!   without one): "hôm qua" = reference − 1
//!   day, "tháng trước" the month before, "năm ngoái" the year before.
//! - đầu/giữa/cuối of a month, year or week is the whole unit ("cuối năm
//!   2025" → `2025`, "giữa tháng 1/2025" → `2025-01`), as the gold
//!   guidelines say; a part of the day before a date is the date ("Sáng
//!   5/9" → `2023-09-05`).
//! - A range whose ends are of different kinds ("từ đầu năm đến ngày 25/8",
//!   "từ ngày 18/7 đến 17 giờ ngày 30/7") is written as days.
//! - A century "thế kỷ XX" is `19` (1900–1999); a decade "thập niên 90" is
//!   `199` (the most recent 1990s not after the reference year).
//! - Lunar dates ("mùng 1 Tết", "rằm tháng Giêng", "15/8 âm lịch") become
//!   solar dates by [`super::lunar`]; without a written year, the lunar year
//!   whose date is nearest the reference; "Tết Giáp Thìn" names its year.
//! - A clock time with no day written keeps the day unknown here
//!   (`XXXX-XX-XXT14:30`); the recognizer's `finish` gives it the day of the
//!   nearest date before it in the sentence, else the reference date.

use super::expr::{Expr, LunarYear, Year};
use super::lunar::{self, LunarDate};
use crate::calendar::{days_in_month, Date};

/// What resolution knows besides the expression.
#[derive(Debug, Clone, Copy, Default)]
pub struct Ctx {
    /// The document's date.
    pub reference: Option<Date>,
    /// The year the document itself names around the phrase.
    pub doc_year: Option<i32>,
}

/// A resolved value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// ISO value.
    pub value: String,
    /// First day covered.
    pub from: Option<Date>,
    /// Last day covered.
    pub to: Option<Date>,
}

impl Resolved {
    fn known(value: String, from: Date, to: Date) -> Resolved {
        Resolved {
            value,
            from: Some(from),
            to: Some(to),
        }
    }

    fn unknown(value: String) -> Resolved {
        Resolved {
            value,
            from: None,
            to: None,
        }
    }
}

fn base_year(cx: &Ctx) -> Option<i32> {
    cx.reference.map(|d| d.year).or(cx.doc_year)
}

/// The year of a period: written, relative to the reference, or the reference's.
fn year(y: Year, cx: &Ctx) -> Option<i32> {
    match y {
        Year::Abs(y) => Some(y),
        // Relative to the reference date only: the document's year is not its "now".
        Year::Rel(k) => cx.reference.map(|r| r.year + k),
        Year::Unknown => base_year(cx),
    }
}

/// Appends `n` zero-padded to `width` characters, sign included: what
/// `format!("{n:0width$}")` writes, without the formatting machinery (every
/// resolved value writes two or three dates; width 1 writes the plain number).
pub(super) fn push_padded(s: &mut String, n: i64, width: usize) {
    let digits = crate::decimal::Digits::of(n.unsigned_abs());
    let len = digits.len() + usize::from(n < 0);
    if n < 0 {
        s.push('-');
    }
    for _ in len..width {
        s.push('0');
    }
    s.push_str(digits.as_str());
}

/// `d` as "YYYY-MM-DD" (its `Display`).
pub fn iso_date(d: Date) -> String {
    let mut s = String::with_capacity(10);
    push_padded(&mut s, d.year.into(), 4);
    s.push('-');
    push_padded(&mut s, d.month.into(), 2);
    s.push('-');
    push_padded(&mut s, d.day.into(), 2);
    s
}

fn day(d: Date) -> Resolved {
    Resolved::known(iso_date(d), d, d)
}

/// "YYYY-MM".
fn year_month(y: i32, m: u32) -> String {
    let mut s = String::with_capacity(7);
    push_padded(&mut s, y.into(), 4);
    s.push('-');
    push_padded(&mut s, m.into(), 2);
    s
}

fn month_res(y: i32, m: u32) -> Option<Resolved> {
    let from = Date::new(y, m, 1)?;
    Some(Resolved::known(year_month(y, m), from, Date::last_of_month(y, m)?))
}

fn months_res(y: i32, a: u32, b: u32, value: String) -> Option<Resolved> {
    Some(Resolved::known(value, Date::new(y, a, 1)?, Date::last_of_month(y, b)?))
}

fn year_res(y: i32) -> Option<Resolved> {
    let mut value = String::with_capacity(4);
    push_padded(&mut value, y.into(), 4);
    months_res(y, 1, 12, value)
}

fn distance(a: Date, b: Date) -> i64 {
    (a.to_days() - b.to_days()).abs()
}

/// The candidate nearest `r`, ties to the earlier.
fn nearest(cands: impl Iterator<Item = Date>, r: Date) -> Option<Date> {
    cands.min_by_key(|d| (distance(*d, r), d.to_days()))
}

fn resolve_day(y: Year, m: Option<u32>, d: u32, cx: &Ctx) -> Option<Resolved> {
    let Some(m) = m else {
        let Some(r) = cx.reference else {
            return Some(Resolved::unknown(format!("XXXX-XX-{d:02}")));
        };
        let first = Date::new(r.year, r.month, 1)?;
        let cands = (-1..=1)
            .map(|k| first.add_months(k))
            .filter_map(|f| Date::new(f.year, f.month, d));
        return nearest(cands, r).map(day);
    };
    if d > days_in_month(2000, m) {
        return None;
    }
    match (y, cx.reference) {
        (Year::Unknown, Some(r)) => {
            let cands = (r.year - 1..=r.year + 1).filter_map(|y| Date::new(y, m, d));
            nearest(cands, r).map(day)
        }
        _ => match year(y, cx) {
            Some(y) => Date::new(y, m, d).map(day),
            None => Some(Resolved::unknown(format!("XXXX-{m:02}-{d:02}"))),
        },
    }
}

fn resolve_month(y: Year, m: u32, cx: &Ctx) -> Option<Resolved> {
    match (y, cx.reference) {
        (Year::Unknown, Some(r)) => {
            let here = r.year * 12 + r.month as i32;
            let y = (r.year - 1..=r.year + 1).min_by_key(|y| ((y * 12 + m as i32 - here).abs(), *y))?;
            month_res(y, m)
        }
        _ => match year(y, cx) {
            Some(y) => month_res(y, m),
            None => Some(Resolved::unknown(format!("XXXX-{m:02}"))),
        },
    }
}

fn week_res(monday: Date) -> Resolved {
    let (y, w) = monday.iso_week();
    Resolved::known(format!("{y:04}-W{w:02}"), monday, monday.add_days(6))
}

fn quarter_res(y: i32, q: u32) -> Option<Resolved> {
    months_res(y, q * 3 - 2, q * 3, format!("{y:04}-Q{q}"))
}

/// Resolves `e`; `None` when it names no real day ("30/2/2023") or cannot be
/// resolved.
pub fn resolve(e: &Expr, cx: &Ctx) -> Option<Resolved> {
    Some(match e {
        Expr::Day { y, m, d } => return resolve_day(*y, *m, *d, cx),
        Expr::Month { y, m } => return resolve_month(*y, *m, cx),
        Expr::Year(y) => match year(*y, cx) {
            Some(y) => return year_res(y),
            None => Resolved::unknown("XXXX".into()),
        },
        Expr::RelDay(k) => match cx.reference {
            Some(r) => day(r.add_days(i64::from(*k))),
            None => Resolved::unknown("XXXX-XX-XX".into()),
        },
        Expr::RelWeek(k) => match cx.reference {
            Some(r) => week_res(r.monday().add_days(7 * i64::from(*k))),
            None => Resolved::unknown("XXXX-WXX".into()),
        },
        Expr::RelMonth(k) => match cx.reference {
            Some(r) => {
                let d = r.add_months(*k);
                return month_res(d.year, d.month);
            }
            None => Resolved::unknown("XXXX-XX".into()),
        },
        Expr::RelQuarter(k) => match cx.reference {
            Some(r) => {
                let idx = r.year * 4 + (r.month as i32 - 1) / 3 + k;
                return quarter_res(idx.div_euclid(4), idx.rem_euclid(4) as u32 + 1);
            }
            None => Resolved::unknown("XXXX-QX".into()),
        },
        Expr::Weekday { wd, date, week } => {
            if let Some(date) = date {
                // "thứ Sáu (15/3)": the year near the reference where 15/3 is a Friday.
                if let (
                    Expr::Day {
                        y: Year::Unknown,
                        m: Some(m),
                        d,
                    },
                    Some(r),
                ) = (date.as_ref(), cx.reference)
                {
                    let cands = (r.year - 1..=r.year + 1)
                        .filter_map(|y| Date::new(y, *m, *d))
                        .filter(|c| c.weekday() == *wd);
                    if let Some(c) = nearest(cands, r) {
                        return Some(day(c));
                    }
                }
                return resolve(date, cx);
            }
            match (cx.reference, week) {
                (Some(r), Some(k)) => day(r.monday().add_days(7 * i64::from(*k) + i64::from(*wd) - 1)),
                (Some(r), None) => {
                    let delta = (i64::from(*wd) - i64::from(r.weekday()) + 3).rem_euclid(7) - 3;
                    day(r.add_days(delta))
                }
                (None, _) => Resolved::unknown(format!("XXXX-WXX-{wd}")),
            }
        }
        Expr::Quarter { q, y } => match year(*y, cx) {
            Some(y) => return quarter_res(y, *q),
            None => Resolved::unknown(format!("XXXX-Q{q}")),
        },
        Expr::Half { h, y } => match year(*y, cx) {
            Some(y) => return months_res(y, h * 6 - 5, h * 6, format!("{y:04}-H{h}")),
            None => Resolved::unknown(format!("XXXX-H{h}")),
        },
        // "11 tháng" with no year in a report dated January is last year's
        // first eleven months: running months never end after the reference.
        Expr::Months {
            a: 1,
            b,
            y: Year::Unknown,
        } if cx.reference.is_some_and(|r| *b > r.month) => {
            let y = cx.reference.map(|r| r.year - 1)?;
            return months_res(y, 1, *b, format!("{y:04}-01/{y:04}-{b:02}"));
        }
        Expr::Months { a, b, y } => match year(*y, cx) {
            Some(y) if (*a, *b) == (1, 12) => return months_res(y, 1, 12, format!("{y:04}")),
            Some(y) => {
                return months_res(y, *a, *b, format!("{y:04}-{a:02}/{y:04}-{b:02}"));
            }
            None => Resolved::unknown(format!("XXXX-{a:02}/XXXX-{b:02}")),
        },
        // "cuối năm 2025", "giữa tháng 1/2025": the whole unit.
        Expr::Part { of, .. } => return resolve(of, cx),
        Expr::Years(a, b) => Resolved::known(format!("{a:04}/{b:04}"), Date::new(*a, 1, 1)?, Date::new(*b, 12, 31)?),
        Expr::Range(a, b) => return resolve_range(a, b, cx),
        Expr::FromNow(b) => {
            let end = resolve(b, cx)?;
            match (cx.reference, end.to) {
                (Some(r), Some(t)) if r <= t => Resolved::known(format!("{r}/{t}"), r, t),
                _ => Resolved::unknown(format!("../{}", end.value)),
            }
        }
        Expr::ToDate(a) => {
            let start = resolve(a, cx)?;
            match (start.from, cx.reference) {
                (Some(f), Some(r)) if f <= r => Resolved::known(format!("{f}/{r}"), f, r),
                (Some(f), _) => Resolved::unknown(format!("{f}/..")),
                (None, _) => Resolved::unknown(format!("{}/..", start.value)),
            }
        }
        Expr::Century(c) => {
            let y = (c - 1) * 100;
            Resolved::known(format!("{:02}", c - 1), Date::new(y, 1, 1)?, Date::new(y + 99, 12, 31)?)
        }
        Expr::Decade(d) => {
            let start = if *d >= 1000 {
                *d
            } else {
                match base_year(cx) {
                    Some(b) => {
                        let c = b.div_euclid(100) * 100 + d;
                        if c > b {
                            c - 100
                        } else {
                            c
                        }
                    }
                    None => 1900 + d,
                }
            };
            Resolved::known(
                format!("{:03}", start / 10),
                Date::new(start, 1, 1)?,
                Date::new(start + 9, 12, 31)?,
            )
        }
        Expr::Time { h, min, on } => {
            let on = match on {
                Some(e) => resolve(e, cx)?,
                None => Resolved::unknown("XXXX-XX-XX".into()),
            };
            Resolved {
                value: format!("{}T{h:02}:{min:02}", on.value),
                ..on
            }
        }
        // "Sáng 5/9" is the date 5/9: the part of the day is inside the span, not in the value.
        Expr::PartOfDay { on, .. } => return resolve(on, cx),
        Expr::Week { w, y } => match year(*y, cx) {
            Some(y) => {
                let monday = Date::new(y, 1, 4)?.monday().add_days(7 * (i64::from(*w) - 1));
                if monday.iso_week() != (y, *w) {
                    return None;
                }
                week_res(monday)
            }
            None => Resolved::unknown(format!("XXXX-W{w:02}")),
        },
        Expr::Lunar { d, m, leap, y } => return resolve_lunar(*d, *m, *leap, *y, cx),
    })
}

/// A lunar day (or month) → its solar date (or days). The year: written,
/// named by stem and branch (the latest such year not after the year after
/// the reference), else the one whose date is nearest the reference.
fn resolve_lunar(d: Option<u32>, m: u32, leap: bool, y: LunarYear, cx: &Ctx) -> Option<Resolved> {
    let span = |year: i32| match d {
        Some(day) => lunar::to_solar(LunarDate {
            day,
            month: m,
            year,
            leap,
        })
        .map(|x| (x, x)),
        None => lunar::month_span(year, m, leap),
    };
    let found = match y {
        LunarYear::Abs(year) => span(year),
        LunarYear::Named(stem, branch) => base_year(cx)
            .and_then(|b| lunar::sexagenary_year(stem, branch, b))
            .and_then(span),
        LunarYear::Unknown => match cx.reference {
            Some(r) => (r.year - 1..=r.year + 1)
                .filter_map(span)
                .min_by_key(|(f, _)| (distance(*f, r), f.to_days())),
            None => cx.doc_year.and_then(span),
        },
    };
    Some(match (found, d) {
        (Some((f, _)), Some(_)) => day(f),
        (Some((f, t)), None) => Resolved::known(format!("{f}/{t}"), f, t),
        (None, Some(_)) => Resolved::unknown("XXXX-XX-XX".into()),
        (None, None) => Resolved::unknown("XXXX-XX-XX/XXXX-XX-XX".into()),
    })
}

/// "từ X đến Y": X borrows what it leaves out from Y ("từ ngày 20 đến
/// ngày 25/1"), and goes back a year when it would otherwise come after Y
/// ("từ 20/12 đến 5/1").
fn resolve_range(a: &Expr, b: &Expr, cx: &Ctx) -> Option<Resolved> {
    let clocks = matches!((a, b), (Expr::Time { .. }, Expr::Time { .. }));
    // "từ đêm 15/6 đến sáng 16/6": the days.
    let a = match a {
        Expr::PartOfDay { on, .. } => on.as_ref(),
        _ => a,
    };
    let end = resolve(b, cx)?;
    let borrowed_year = match (end.from, b) {
        (Some(f), _) => Some(f.year),
        _ => None,
    };
    let a2 = match (a, end.from) {
        (Expr::Day { m: None, d, .. }, Some(f)) => Expr::Day {
            y: Year::Abs(f.year),
            m: Some(f.month),
            d: *d,
        },
        (Expr::Day { y: Year::Unknown, m, d }, Some(f)) => Expr::Day {
            y: Year::Abs(f.year),
            m: *m,
            d: *d,
        },
        (Expr::Month { y: Year::Unknown, m }, Some(f)) => Expr::Month {
            y: Year::Abs(f.year),
            m: *m,
        },
        (Expr::Time { h, min, on: None }, _) => match b {
            Expr::Time { on: Some(on), .. } => Expr::Time {
                h: *h,
                min: *min,
                on: Some(on.clone()),
            },
            _ => a.clone(),
        },
        (Expr::Quarter { y: Year::Unknown, q }, Some(f)) => Expr::Quarter {
            y: Year::Abs(f.year),
            q: *q,
        },
        _ => a.clone(),
    };
    let mut start = resolve(&a2, cx)?;
    if let (Some(sf), Some(ef), Some(y)) = (start.from, end.from, borrowed_year) {
        if sf > ef && a2 != *a {
            if let Expr::Day { m, d, .. } = a2 {
                start = resolve(
                    &Expr::Day {
                        y: Year::Abs(y - 1),
                        m,
                        d,
                    },
                    cx,
                )?;
            }
        }
    }
    // Ends of different kinds ("từ đầu năm đến ngày 25/8", "từ ngày 18/7
    // đến 17 giờ ngày 30/7") are written as days.
    let value = match (start.from, end.to) {
        (Some(f), Some(t)) if !clocks && (start.value.len() != end.value.len() || start.value.contains('T')) => {
            format!("{f}/{t}")
        }
        _ => format!("{}/{}", start.value, end.value),
    };
    Some(match (start.from, end.to) {
        (Some(f), Some(t)) if f <= t => Resolved::known(value, f, t),
        _ => Resolved::unknown(value),
    })
}

/// Shifts a resolved value back to `year` (or one year back): "cùng kỳ".
pub fn same_period(of: &Resolved, year: Option<i32>) -> Option<Resolved> {
    let (from, to) = (of.from?, of.to?);
    let delta = match year {
        Some(y) => y - from.year,
        None => -1,
    };
    let shift = |d: Date| {
        let y = d.year + delta;
        Date::new(y, d.month, d.day.min(days_in_month(y, d.month)))
    };
    // Every four-digit year in the value moves by the same amount.
    let mut value = String::with_capacity(of.value.len());
    let bytes = of.value.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let run = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        if run == 4 && (i == 0 || bytes[i - 1] == b'/') {
            let y: i32 = of.value[i..i + 4].parse().ok()?;
            value.push_str(&format!("{:04}", y + delta));
            i += 4;
        } else if run > 0 {
            value.push_str(&of.value[i..i + run]);
            i += run;
        } else {
            let c = of.value[i..].chars().next()?;
            value.push(c);
            i += c.len_utf8();
        }
    }
    Some(Resolved::known(value, shift(from)?, shift(to)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn padded_numbers_are_written_as_format_writes_them() {
        for n in [
            0, 1, 9, 10, 99, 100, 999, 1000, 2023, 9999, 10000, 123456, -1, -44, -999, -1000, -12345,
        ] {
            for width in [2, 3, 4] {
                let mut s = String::new();
                push_padded(&mut s, n, width);
                assert_eq!(s, format!("{n:0width$}"));
            }
        }
        let d = Date::new(2023, 6, 5).unwrap();
        assert_eq!(iso_date(d), d.to_string());
        assert_eq!(year_month(987, 1), format!("{:04}-{:02}", 987, 1));
    }

    fn cx(r: &str) -> Ctx {
        Ctx {
            reference: Some(r.parse().unwrap()),
            doc_year: None,
        }
    }

    #[test]
    fn nearest_year_and_month() {
        let d = |m, d| Expr::Day {
            y: Year::Unknown,
            m: Some(m),
            d,
        };
        assert_eq!(resolve(&d(6, 16), &cx("2023-06-20")).unwrap().value, "2023-06-16");
        assert_eq!(resolve(&d(12, 28), &cx("2024-01-05")).unwrap().value, "2023-12-28");
        assert_eq!(resolve(&d(1, 3), &cx("2023-12-20")).unwrap().value, "2024-01-03");
        let m = |m| Expr::Month { y: Year::Unknown, m };
        assert_eq!(resolve(&m(12), &cx("2024-02-01")).unwrap().value, "2023-12");
        assert_eq!(resolve(&m(12), &cx("2024-06-01")).unwrap().value, "2023-12");
        assert_eq!(resolve(&m(11), &cx("2024-06-01")).unwrap().value, "2024-11");
        assert!(resolve(
            &Expr::Day {
                y: Year::Abs(2023),
                m: Some(2),
                d: 29
            },
            &cx("2023-06-20")
        )
        .is_none());
    }

    #[test]
    fn same_period_moves_every_year() {
        let r = resolve(
            &Expr::Months {
                a: 1,
                b: 9,
                y: Year::Abs(2024),
            },
            &Ctx::default(),
        )
        .unwrap();
        let s = same_period(&r, None).unwrap();
        assert_eq!(s.value, "2023-01/2023-09");
        assert_eq!(s.to.unwrap().to_string(), "2023-09-30");
    }
}
