//! Inside one number token: nom over `&str`.
//!
//! ```text
//! token    := figure ( "-" figure )? letters?      "5-7", "20km", "500k", "3,5tr"
//! figure   := en_grouped | vn | en_decimal
//! vn       := int ( "," digit+ )?                   "1.234,5"  "3,4"  "1.700.988"
//! int      := digit{1,3} ( "." digit{3} )+ | digit+
//! en_grouped := digit{1,3} ( "," digit{3} ){2,} ( "." digit+ )?   "1,234,567"
//!             | digit{1,3} ( "," digit{3} )+ "." digit+           "1,234.5"
//! en_decimal := digit+ "." digit+   where the part after "." is not 3 digits   "3.5"  "12.75"
//! letters  := informal scale (k, K, nghìn, tr, M, triệu, tỷ, tỉ) | a unit or currency ("km", "ha", "đ", "USD")
//!             ("5B", "3A", "5G" are names of things, not figures)
//! ```
//!
//! The Vietnamese convention comes first: "." groups thousands, "," marks
//! decimals. The English convention is read only where it cannot be
//! Vietnamese: a single "." followed by other than three digits ("3.5",
//! "0.75"), two or more "," groups ("1,234,567"), or "," groups followed by a
//! "." ("1,234.5"). "1,234" is always 1,234 (Vietnamese decimal) and "1.234"
//! always 1234.
//!
//! Date- and time-shaped tokens ("16/6/2023", "30-4-2024", "14h30", "14:30")
//! are not read here; they belong to the temporal recognizer. A "-" range
//! whose two ends look like years ("2021-2025") is marked as such so the caller
//! can leave it alone unless a unit follows.

use super::lexicon::{Suffix, LEXICON};
use crate::decimal::Decimal;
use crate::normalize;
use nom::bytes::complete::{tag, take_while, take_while_m_n};
use nom::character::complete::{char, digit1};
use nom::combinator::{not, opt, peek, recognize};
use nom::multi::fold_many1;
use nom::sequence::{pair, preceded, terminated};
use nom::{IResult, Parser};

fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
}

/// Three digits not followed by a fourth.
fn group3(s: &str) -> IResult<&str, &str> {
    terminated(take_while_m_n(3, 3, is_digit), not(peek(digit1))).parse(s)
}

/// digit{1,3} not followed by another digit.
fn head3(s: &str) -> IResult<&str, &str> {
    terminated(take_while_m_n(1, 3, is_digit), not(peek(digit1))).parse(s)
}

/// The exact value of the digits of `int` (group separators skipped) and
/// `frac`, without allocating.
fn decimal(int: &str, frac: &str) -> Option<Decimal> {
    if int.len() + frac.len() <= 18 {
        // At most 18 digits: no overflow in 64 bits (most figures).
        let mut mantissa: u64 = 0;
        for part in [int, frac] {
            for &b in part.as_bytes() {
                if b.is_ascii_digit() {
                    mantissa = mantissa * 10 + (b - b'0') as u64;
                }
            }
        }
        return Decimal::new(mantissa as i128, frac.len() as u32);
    }
    let mut mantissa: i128 = 0;
    for b in int.bytes().chain(frac.bytes()) {
        if b.is_ascii_digit() {
            mantissa = mantissa.checked_mul(10)?.checked_add((b - b'0') as i128)?;
        }
    }
    Decimal::new(mantissa, frac.len() as u32)
}

/// One or more `separator group`, consumed without collecting them.
fn groups_of<'s>(
    separator: impl Parser<&'s str, Output = char, Error = nom::error::Error<&'s str>>,
    group: impl Parser<&'s str, Output = &'s str, Error = nom::error::Error<&'s str>>,
) -> impl Parser<&'s str, Output = (), Error = nom::error::Error<&'s str>> {
    fold_many1(preceded(separator, group), || (), |(), _| ())
}

/// "1,234,567", "1,234.5".
fn en_grouped(s: &str) -> IResult<&str, Option<Decimal>> {
    let (rest, int) = recognize(pair(head3, groups_of(char(','), group3))).parse(s)?;
    let groups = int.matches(',').count();
    let (rest, frac) = if groups >= 2 {
        opt(preceded(char('.'), digit1)).parse(rest)?
    } else {
        preceded(char('.'), digit1).map(Some).parse(rest)?
    };
    let frac = frac.unwrap_or("");
    Ok((rest, decimal(int, frac)))
}

/// "1.234,5", "3,4", "1.700.988", "2023" (a grouped number does not start with 0).
fn vn(s: &str) -> IResult<&str, Option<Decimal>> {
    let grouped = recognize(pair(
        nom::combinator::verify(head3, |h: &str| !h.starts_with('0')),
        groups_of(char('.'), group3),
    ));
    let plain = terminated(digit1, not(peek(pair(char('.'), digit1))));
    let (rest, int) = nom::branch::alt((grouped, plain)).parse(s)?;
    let (rest, frac) = opt(preceded(char(','), digit1)).parse(rest)?;
    let frac = frac.unwrap_or("");
    Ok((rest, decimal(int, frac)))
}

/// "3.5", "12.75", "0.075": a dot followed by one or two digits, or any
/// digits after a leading "0". Not "10.2017" (a month and year).
fn en_decimal(s: &str) -> IResult<&str, Option<Decimal>> {
    let (rest, (int, frac)) = nom::combinator::verify(
        pair(digit1, preceded(char('.'), digit1)),
        |(int, frac): &(&str, &str)| frac.len() <= 2 || *int == "0",
    )
    .parse(s)?;
    Ok((rest, decimal(int, frac)))
}

/// The value of a token of at most 18 ASCII digits ("2023"): what
/// [`parse_number_token`] reads there, without the grammar (tested against it).
pub fn plain_digits(s: &str) -> Option<Decimal> {
    if s.is_empty() || s.len() > 18 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(Decimal::from_int(
        s.bytes().fold(0u64, |v, b| v * 10 + (b - b'0') as u64) as i128,
    ))
}

/// The value of a token that is one figure and nothing else ("1.234,5",
/// "3,4", "200.000") when the Vietnamese convention reads it without the
/// parsers: what [`parse_number_token`] gives as its value, with no range,
/// scale or unit; `None` leaves the token to it.
pub fn whole_figure(s: &str) -> Option<Decimal> {
    match vn_fast(s)? {
        ("", d) => Some(d),
        _ => None,
    }
}

/// Can a figure end right before `rest` (no more digits or separators)?
fn end_ok(rest: &str) -> bool {
    !rest.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '.' | ',' | '/' | ':'))
}

/// The figures most tokens are, read without the parsers: plain digits
/// ("2023"), Vietnamese groups with an optional decimal comma ("1.234",
/// "1.234,5") and a decimal comma ("3,4"). Where it answers, `vn` answers
/// the same and `en_grouped` cannot match (it needs "," right after the
/// first digits and a "," or "." after its groups, which `end_ok` refuses
/// here); `None` leaves everything else to the parsers.
fn vn_fast(s: &str) -> Option<(&str, Decimal)> {
    let b = s.as_bytes();
    let digits_from = |mut i: usize| {
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        i
    };
    let lead = digits_from(0);
    if lead == 0 {
        return None;
    }
    // grouped := head3 (not starting with 0) ( "." digit{3} )+, each group not followed by a digit.
    let mut int_end = lead;
    if lead <= 3 && b[0] != b'0' {
        while b.get(int_end) == Some(&b'.') && digits_from(int_end + 1) == int_end + 4 {
            int_end += 4;
        }
    }
    // plain := digit+ not followed by "." digit (else `vn` fails: leave it to the parsers).
    if int_end == lead && b.get(lead) == Some(&b'.') && b.get(lead + 1).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    // ( "," digit+ )?
    let mut end = int_end;
    let mut frac = "";
    if b.get(int_end) == Some(&b',') {
        let frac_end = digits_from(int_end + 1);
        if frac_end > int_end + 1 {
            frac = &s[int_end + 1..frac_end];
            end = frac_end;
        }
    }
    if !end_ok(&s[end..]) {
        return None;
    }
    Some((&s[end..], decimal(&s[..int_end], frac)?))
}

/// One figure at the start of `s`, not followed by more digits or separators.
fn figure(s: &str) -> IResult<&str, Decimal> {
    if let Some((rest, d)) = vn_fast(s) {
        return Ok((rest, d));
    }
    // Every parser reads digits first and goes on only at "." or ",": where
    // neither follows the digits ("16/6", "14:30", "x"), none reads a figure
    // that `vn_fast` did not.
    let lead = s.bytes().take_while(u8::is_ascii_digit).count();
    if lead == 0 || !matches!(s.as_bytes().get(lead), Some(b'.' | b',')) {
        return Err(nom::Err::Error(nom::error::Error::new(s, nom::error::ErrorKind::Digit)));
    }
    figure_parsed(s)
}

/// [`figure`] by the parsers alone (the reference [`vn_fast`] is tested against).
fn figure_parsed(s: &str) -> IResult<&str, Decimal> {
    // Most tokens are plain digits ("2023", "15"): what `vn` reads, directly.
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && end_ok(&s[digits..]) {
        if let Some(d) = decimal(&s[..digits], "") {
            return Ok((&s[digits..], d));
        }
    }
    for parser in [en_grouped, vn, en_decimal] {
        if let Ok((rest, Some(d))) = parser(s) {
            if end_ok(rest) {
                return Ok((rest, d));
            }
        }
    }
    Err(nom::Err::Error(nom::error::Error::new(s, nom::error::ErrorKind::Digit)))
}

/// Parses a digit number in the Vietnamese convention ("." groups thousands,
/// "," marks decimals), or the English convention where it is unambiguous
/// (see the module docs). `None` for anything else ("16/6", "1.2.3", "14h30").
///
/// ```
/// use chiso::recognizers::numbers::parse_digits;
/// assert_eq!(parse_digits("1.234,5").unwrap().to_string(), "1234.5");
/// assert_eq!(parse_digits("3,4").unwrap().to_string(), "3.4");
/// assert_eq!(parse_digits("1.700.988").unwrap().to_string(), "1700988");
/// assert_eq!(parse_digits("3.5").unwrap().to_string(), "3.5");
/// assert!(parse_digits("16/6").is_none());
/// ```
pub fn parse_digits(s: &str) -> Option<Decimal> {
    match figure(s) {
        Ok(("", d)) => Some(d),
        _ => None,
    }
}

/// What one number token says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberToken {
    /// The value, or the lower end of a range ("5" in "5-7").
    pub value: Decimal,
    /// The upper end of a range ("7" in "5-7").
    pub max: Option<Decimal>,
    /// True for "2021-2025": two year-like integers (temporal, unless a unit follows).
    pub year_range: bool,
    /// Power of ten of a glued informal scale ("500k" = 3, "3tr" = 6).
    pub scale: Option<u32>,
    /// A unit or currency glued on ("20km", "500đ").
    pub suffix: Option<Suffix>,
}

fn informal_scale(letters: &str) -> Option<u32> {
    match letters {
        "k" | "K" | "nghìn" | "ngàn" => Some(3),
        "tr" | "M" | "triệu" => Some(6),
        "tỷ" | "tỉ" => Some(9),
        _ => None,
    }
}

fn is_year(d: &Decimal) -> bool {
    d.to_i64().is_some_and(|y| (1900..=2100).contains(&y))
}

/// Reads a whole number token: "1.234,5", "5-7", "500k", "20km", "1,5tr".
/// `None` for tokens that are not figures ("16/6/2023", "14h30", "5G", "3A").
///
/// ```
/// use chiso::recognizers::numbers::digits::parse_number_token;
/// let t = parse_number_token("5-7").unwrap();
/// assert_eq!((t.value.to_string(), t.max.unwrap().to_string()), ("5".into(), "7".into()));
/// assert_eq!(parse_number_token("500k").unwrap().scale, Some(3));
/// assert!(parse_number_token("16/6/2023").is_none());
/// ```
pub fn parse_number_token(s: &str) -> Option<NumberToken> {
    let (rest, value) = figure(s).ok()?;
    if rest.is_empty() {
        // A figure alone ("2023", "1.234,5"): no range, letters or scale.
        return Some(NumberToken {
            value,
            max: None,
            year_range: false,
            scale: None,
            suffix: None,
        });
    }
    let (rest, max) = match preceded(char::<&str, nom::error::Error<&str>>('-'), figure).parse(rest) {
        Ok((rest, max)) => (rest, Some(max)),
        Err(_) => (rest, None),
    };
    let (rest, letters) = take_while::<_, &str, nom::error::Error<&str>>(|c: char| {
        c.is_alphabetic() || matches!(c, '2' | '3' | '²' | '³')
    })
    .parse(rest)
    .ok()?;
    if !rest.is_empty() {
        return None;
    }
    let (scale, suffix) = if letters.is_empty() {
        (None, None)
    } else if let Some(e) = informal_scale(letters) {
        (Some(e), None)
    } else if let Some(sfx) = LEXICON.suffixes.single(&normalize::key(letters), letters) {
        match sfx {
            Suffix::Measure(_) | Suffix::Currency(_) => (None, Some(sfx.clone())),
            _ => return None,
        }
    } else if let Some(sfx) = tag::<&str, &str, nom::error::Error<&str>>("tr")
        .parse(letters)
        .ok()
        .and_then(|(unit, _)| LEXICON.suffixes.single(&normalize::key(unit), unit))
    {
        // "3trđ"/"3trVND": triệu + currency.
        match sfx {
            Suffix::Currency(_) => (Some(6), Some(sfx.clone())),
            _ => return None,
        }
    } else {
        return None;
    };
    if let Some(max) = max {
        if max <= value {
            return None;
        }
    }
    // "4-2016" is April 2016, not a range: the temporal recognizer's.
    let month = value.to_i64().is_some_and(|v| (1..=12).contains(&v));
    if max.is_some_and(|m| is_year(&m)) && month && suffix.is_none() {
        return None;
    }
    let year_range = max.is_some_and(|m| is_year(&value) && is_year(&m));
    Some(NumberToken {
        value,
        max,
        year_range,
        scale,
        suffix,
    })
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
            ("1,234", "1.234"),
            ("1.234", "1234"),
            ("3.5", "3.5"),
            ("0.075", "0.075"),
            ("1,234,567", "1234567"),
            ("1,234.5", "1234.5"),
            ("0.75", "0.75"),
        ] {
            assert_eq!(parse_digits(s).map(|d| d.to_string()).as_deref(), Some(v), "{s}");
        }
        for s in [
            "16/6/2023",
            "1.2.3",
            "3,",
            "1..2",
            "14h30",
            ".5",
            "14:30",
            "1.23.456",
            "0909.123.456",
            "1,2,3",
            "10.2017",
            "12.3456",
            "0.123.456",
        ] {
            assert!(parse_digits(s).is_none(), "{s}");
        }
    }

    /// The fast path reads every string exactly as the parsers do: all
    /// strings of up to seven characters over digits and separators.
    #[test]
    fn vn_fast_answers_as_the_parsers() {
        let alphabet = ['0', '1', '7', '.', ',', '/', ':', 'k', '-'];
        let mut s = String::new();
        let mut checked = 0;
        fn each(s: &mut String, depth: usize, alphabet: &[char], checked: &mut usize) {
            // Debug shows mantissa and scale: the same representation, not only value.
            let fast = format!("{:?}", figure(s).ok());
            let slow = format!("{:?}", figure_parsed(s).ok());
            assert_eq!(fast, slow, "{s:?}");
            *checked += 1;
            if depth == 0 {
                return;
            }
            for &c in alphabet {
                s.push(c);
                each(s, depth - 1, alphabet, checked);
                s.pop();
            }
        }
        each(&mut s, 7, &alphabet, &mut checked);
        assert!(checked > 4_000_000);
        for token in [
            "3,4",
            "1.234,5",
            "200.000",
            "1.700.988",
            "3.5",
            "5-7",
            "500k",
            "16/6",
            "1,234,567",
            "0,5",
            "12,",
        ] {
            if let Some(d) = whole_figure(token) {
                let t = parse_number_token(token).expect("a figure");
                assert_eq!((t.max, t.scale, t.suffix), (None, None, None), "{token:?}");
                assert_eq!(format!("{d:?}"), format!("{:?}", t.value), "{token:?}");
            }
        }
        for digits in ["0", "7", "0123", "2023", "999999999999999999"] {
            let fast = plain_digits(digits).map(|d| format!("{d:?}"));
            let slow = parse_number_token(digits).map(|t| format!("{:?}", t.value));
            assert_eq!(fast, slow, "{digits:?}");
        }
        for long in [
            "12.345.678.901.234.567.890,123",
            "1234567890123456789012",
            "1.234.5678",
            "0.123.456,7",
        ] {
            let (fast, slow) = (figure(long).ok(), figure_parsed(long).ok());
            assert_eq!(format!("{fast:?}"), format!("{slow:?}"), "{long:?}");
        }
    }

    #[test]
    fn number_tokens() {
        let t = parse_number_token("2021-2025").unwrap();
        assert!(t.year_range);
        assert!(parse_number_token("30-4-2024").is_none());
        assert!(parse_number_token("30-4").is_none(), "a range goes up");
        assert!(parse_number_token("4-2016").is_none(), "month-year");
        assert!(parse_number_token("1000-2000").is_some());
        assert!(parse_number_token("5G").is_none());
        assert!(parse_number_token("3A").is_none());
        assert!(parse_number_token("14h30").is_none());
        assert!(parse_number_token("2h").is_none());
        assert_eq!(parse_number_token("3tr").unwrap().scale, Some(6));
        assert_eq!(parse_number_token("100K").unwrap().scale, Some(3));
        assert_eq!(parse_number_token("3M").unwrap().scale, Some(6));
        assert_eq!(
            parse_number_token("20km").unwrap().suffix,
            Some(Suffix::Measure("km".into()))
        );
        assert_eq!(
            parse_number_token("500đ").unwrap().suffix,
            Some(Suffix::Currency("VND".into()))
        );
        assert_eq!(parse_number_token("1,5tr").unwrap().value.to_string(), "1.5");
        assert!(parse_number_token("5-7").unwrap().max.is_some());
    }
}
