//! nom parsers inside one number-shaped token ("16/6/2023", "14h30").
//!
//! ```text
//! dmy        := day SEP month SEP year4        SEP ∈ { "/", "-", "." }, the same twice
//! iso        := year4 "-" month2 "-" day2
//! dm         := day SEP month                  SEP ∈ seps given by the caller
//! my         := month SEP year4                SEP ∈ { "/", ".", "-" }
//! days       := day "-" day "/" month ( "/" year4 )?   ("28-29/11", "12-15/6/2023")
//! dm_range   := day "/" month "-" day "/" month ( "/" year4 )?   ("30/4-1/5")
//! years      := year4 ( "-" | "–" ) year4
//! clock      := hour ( "h" | "g" | ":" ) minute2?   ("14h", "14h30", "14:30", "7g")
//! clocks     := ( clock | hour ) "-" clock                  ("8h-11h", "6-7h", "8h30-11h")
//! day        := digit{1,2}   month := digit{1,2}   year4 := digit{4}
//! ```
//! Every parser checks the calendar ranges (day 1–31, month 1–12, hour 0–24).

use nom::bytes::complete::take_while_m_n;
use nom::character::complete::{char, one_of};
use nom::combinator::{all_consuming, map_res, opt};
use nom::{IResult, Parser};

fn digits<'a>(min: usize, max: usize) -> impl Parser<&'a str, Output = u32, Error = nom::error::Error<&'a str>> {
    map_res(
        take_while_m_n(min, max, |c: char| c.is_ascii_digit()),
        str::parse::<u32>,
    )
}

fn full<'a, O>(p: impl Parser<&'a str, Output = O, Error = nom::error::Error<&'a str>>, s: &'a str) -> Option<O> {
    let r: IResult<&str, O> = all_consuming(p).parse(s);
    r.ok().map(|(_, o)| o)
}

fn day_ok(d: u32) -> bool {
    (1..=31).contains(&d)
}

fn month_ok(m: u32) -> bool {
    (1..=12).contains(&m)
}

/// A plausible year for a date written in digits.
pub fn year_ok(y: u32) -> bool {
    (1000..=2999).contains(&y)
}

/// "16/6/2023", "16-6-2023", "16.6.2023" → (16, 6, 2023).
pub fn dmy(s: &str) -> Option<(u32, u32, i32)> {
    let (d, sep, m, sep2, y) = full(
        (digits(1, 2), one_of("/-."), digits(1, 2), one_of("/-."), digits(4, 4)),
        s,
    )?;
    (sep == sep2 && day_ok(d) && month_ok(m) && year_ok(y)).then_some((d, m, y as i32))
}

/// "2023-06-16" → (16, 6, 2023).
pub fn iso(s: &str) -> Option<(u32, u32, i32)> {
    let (y, _, m, _, d) = full((digits(4, 4), char('-'), digits(2, 2), char('-'), digits(2, 2)), s)?;
    (day_ok(d) && month_ok(m) && year_ok(y)).then_some((d, m, y as i32))
}

/// "16/6" → (16, 6) when the separator is one of `seps`.
pub fn dm(s: &str, seps: &str) -> Option<(u32, u32)> {
    let (d, _, m) = full((digits(1, 2), one_of(seps), digits(1, 2)), s)?;
    (day_ok(d) && month_ok(m)).then_some((d, m))
}

/// "6/2023", "12.2017" → (6, 2023); the first part may be up to `max_first`.
pub fn my(s: &str, max_first: u32) -> Option<(u32, i32)> {
    let (m, _, y) = full((digits(1, 2), one_of("/.-"), digits(4, 4)), s)?;
    ((1..=max_first).contains(&m) && year_ok(y)).then_some((m, y as i32))
}

/// "28-29/11" → (28, 29, 11, None); "12-15/6/2023" → (12, 15, 6, Some(2023)).
pub fn days(s: &str) -> Option<(u32, u32, u32, Option<i32>)> {
    let (a, _, b, _, m, y) = full(
        (
            digits(1, 2),
            char('-'),
            digits(1, 2),
            char('/'),
            digits(1, 2),
            opt(nom::sequence::preceded(char('/'), digits(4, 4))),
        ),
        s,
    )?;
    (day_ok(a) && day_ok(b) && a < b && month_ok(m) && y.is_none_or(year_ok)).then_some((a, b, m, y.map(|y| y as i32)))
}

/// "30/4-1/5" → ((30, 4), (1, 5), None); a year may close it ("30/4-1/5/2024").
#[allow(clippy::type_complexity)]
pub fn dm_range(s: &str) -> Option<((u32, u32), (u32, u32), Option<i32>)> {
    let (a, _, b, _, c, _, d, y) = full(
        (
            digits(1, 2),
            char('/'),
            digits(1, 2),
            char('-'),
            digits(1, 2),
            char('/'),
            digits(1, 2),
            opt(nom::sequence::preceded(char('/'), digits(4, 4))),
        ),
        s,
    )?;
    (day_ok(a) && month_ok(b) && day_ok(c) && month_ok(d) && y.is_none_or(year_ok)).then_some((
        (a, b),
        (c, d),
        y.map(|y| y as i32),
    ))
}

/// "1-2/2025" → (1, 2, Some(2025)), "3-5" → (3, 5, None): months a…b after "tháng".
pub fn months(s: &str) -> Option<(u32, u32, Option<i32>)> {
    let (a, _, b, y) = full(
        (
            digits(1, 2),
            one_of("-–"),
            digits(1, 2),
            opt(nom::sequence::preceded(char('/'), digits(4, 4))),
        ),
        s,
    )?;
    (month_ok(a) && month_ok(b) && a < b && y.is_none_or(year_ok)).then_some((a, b, y.map(|y| y as i32)))
}

/// "2021-2025" → (2021, 2025), the second after the first.
pub fn years(s: &str) -> Option<(i32, i32)> {
    let (a, _, b) = full((digits(4, 4), one_of("-–"), digits(4, 4)), s)?;
    (year_ok(a) && year_ok(b) && a < b && b - a <= 100).then_some((a as i32, b as i32))
}

/// "14h30", "14:30", "14h", "7g" → (14, 30).
pub fn clock(s: &str) -> Option<(u32, u32)> {
    let (h, sep, m) = full((digits(1, 2), one_of("hHg:"), opt(digits(2, 2))), s)?;
    // "14:30", "14H30" need their minutes ("4W - 1H" is not a time).
    if matches!(sep, ':' | 'H') && m.is_none() {
        return None;
    }
    let m = m.unwrap_or(0);
    (h <= 24 && m < 60).then_some((h, m))
}

/// "8h-11h", "6-7h" → ((8, 0), (11, 0)): a span of clock times.
#[allow(clippy::type_complexity)]
pub fn clocks(s: &str) -> Option<((u32, u32), (u32, u32))> {
    let (a, b) = s.split_once('-')?;
    let start = clock(a).or_else(|| uint(a).filter(|h| *h <= 24 && a.len() <= 2).map(|h| (h, 0)))?;
    let end = clock(b)?;
    (start < end).then_some((start, end))
}

/// A plain digit string → its value ("2023" → 2023).
pub fn uint(s: &str) -> Option<u32> {
    full(digits(1, 9), s)
}

/// A Roman numeral I…XXX → its value ("III" → 3); upper case only.
pub fn roman(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 8 || !s.bytes().all(|b| matches!(b, b'I' | b'V' | b'X')) {
        return None;
    }
    let val = |b: u8| {
        if b == b'I' {
            1
        } else if b == b'V' {
            5
        } else {
            10
        }
    };
    let bytes = s.as_bytes();
    let mut total = 0i32;
    for (i, &b) in bytes.iter().enumerate() {
        let v = val(b);
        if bytes.get(i + 1).is_some_and(|&n| val(n) > v) {
            total -= v;
        } else {
            total += v;
        }
    }
    // Reject malformed numerals by writing the value back.
    let back = to_roman(total.max(0) as u32);
    (total > 0 && back == s).then_some(total as u32)
}

fn to_roman(mut n: u32) -> String {
    let mut s = String::new();
    for (v, r) in [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inside_token_forms() {
        assert_eq!(dmy("16/6/2023"), Some((16, 6, 2023)));
        assert_eq!(dmy("16-6-2023"), Some((16, 6, 2023)));
        assert_eq!(dmy("16.6.2023"), Some((16, 6, 2023)));
        assert_eq!(dmy("16/6-2023"), None);
        assert_eq!(dmy("32/6/2023"), None);
        assert_eq!(iso("2023-06-16"), Some((16, 6, 2023)));
        assert_eq!(dm("16/6", "/"), Some((16, 6)));
        assert_eq!(dm("16-6", "/"), None);
        assert_eq!(dm("2/13", "/"), None);
        assert_eq!(my("12.2017", 12), Some((12, 2017)));
        assert_eq!(my("6/2023", 12), Some((6, 2023)));
        assert_eq!(my("13/2023", 12), None);
        assert_eq!(years("2021-2025"), Some((2021, 2025)));
        assert_eq!(days("28-29/11"), Some((28, 29, 11, None)));
        assert_eq!(days("12-15/6/2023"), Some((12, 15, 6, Some(2023))));
        assert_eq!(days("29-28/11"), None);
        assert_eq!(dm_range("30/4-1/5"), Some(((30, 4), (1, 5), None)));
        assert_eq!(years("2025-2021"), None);
        assert_eq!(clock("14h30"), Some((14, 30)));
        assert_eq!(clock("14:30"), Some((14, 30)));
        assert_eq!(clock("7g"), Some((7, 0)));
        assert_eq!(clock("14:3"), None);
        assert_eq!(clock("25h"), None);
        assert_eq!(clock("1H"), None);
        assert_eq!(clock("14H30"), Some((14, 30)));
        assert_eq!(clocks("8h-11h"), Some(((8, 0), (11, 0))));
        assert_eq!(clocks("6-7h"), Some(((6, 0), (7, 0))));
        assert_eq!(clocks("8h30-11h"), Some(((8, 30), (11, 0))));
        assert_eq!(clocks("11h-8h"), None);
        assert_eq!(roman("III"), Some(3));
        assert_eq!(roman("XXI"), Some(21));
        assert_eq!(roman("IIII"), None);
        assert_eq!(roman("XL"), None);
        assert_eq!(uint("2023"), Some(2023));
        assert_eq!(uint("1A"), None);
    }
}
