//! Parsers inside one number-shaped token ("16/6/2023", "14h30").
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
//!
//! Each form reads the token's bytes once with a `Cursor` (every number
//! token of a text is tried against several forms, so this is a hot path);
//! the tests check every form against the same grammar written in nom.

/// A cursor over a number token: the grammar's pieces, each consuming what
/// it reads or failing without moving.
struct Cursor<'a> {
    s: &'a str,
    at: usize,
}

impl<'a> Cursor<'a> {
    fn new(s: &'a str) -> Cursor<'a> {
        Cursor { s, at: 0 }
    }

    /// `min` to `max` ASCII digits (as many as there are, up to `max`), read as a number.
    fn digits(&mut self, min: usize, max: usize) -> Option<u32> {
        let bytes = &self.s.as_bytes()[self.at..];
        let n = bytes.iter().take(max).take_while(|b| b.is_ascii_digit()).count();
        if n < min {
            return None;
        }
        self.at += n;
        Some(bytes[..n].iter().fold(0, |v, b| v * 10 + u32::from(b - b'0')))
    }

    /// One character of `set`.
    fn one_of(&mut self, set: &str) -> Option<char> {
        let c = self.s[self.at..].chars().next()?;
        let hit = if c.is_ascii() {
            set.bytes().any(|b| b == c as u8)
        } else {
            set.contains(c)
        };
        if !hit {
            return None;
        }
        self.at += c.len_utf8();
        Some(c)
    }

    /// `c`.
    fn char(&mut self, c: char) -> Option<()> {
        self.one_of(c.encode_utf8(&mut [0; 4])).map(|_| ())
    }

    /// Nothing left: the whole token was read.
    fn end(&self) -> Option<()> {
        (self.at == self.s.len()).then_some(())
    }

    /// `p`, or nothing (and the cursor back where it was).
    fn opt<T>(&mut self, p: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        let at = self.at;
        let v = p(self);
        if v.is_none() {
            self.at = at;
        }
        v
    }
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

/// Can `s` be one of the forms below? All are runs of one, two or four
/// digits joined by one of `/ - – . h H g :`: "1.234", "3,4" and "2.000.000"
/// (most number tokens of a text) are none, and need not be tried.
pub fn may_be_form(s: &str) -> bool {
    let mut run = 0;
    for c in s.chars() {
        if c.is_ascii_digit() {
            run += 1;
            continue;
        }
        if !matches!(run, 0 | 1 | 2 | 4) || !matches!(c, '/' | '-' | '–' | '.' | 'h' | 'H' | 'g' | ':') {
            return false;
        }
        run = 0;
    }
    matches!(run, 0 | 1 | 2 | 4)
}

/// "16/6/2023", "16-6-2023", "16.6.2023" → (16, 6, 2023).
pub fn dmy(s: &str) -> Option<(u32, u32, i32)> {
    let mut c = Cursor::new(s);
    let d = c.digits(1, 2)?;
    let sep = c.one_of("/-.")?;
    let m = c.digits(1, 2)?;
    let sep2 = c.one_of("/-.")?;
    let y = c.digits(4, 4)?;
    c.end()?;
    (sep == sep2 && day_ok(d) && month_ok(m) && year_ok(y)).then_some((d, m, y as i32))
}

/// "2023-06-16" → (16, 6, 2023).
pub fn iso(s: &str) -> Option<(u32, u32, i32)> {
    let mut c = Cursor::new(s);
    let y = c.digits(4, 4)?;
    c.char('-')?;
    let m = c.digits(2, 2)?;
    c.char('-')?;
    let d = c.digits(2, 2)?;
    c.end()?;
    (day_ok(d) && month_ok(m) && year_ok(y)).then_some((d, m, y as i32))
}

/// "16/6" → (16, 6) when the separator is one of `seps`.
pub fn dm(s: &str, seps: &str) -> Option<(u32, u32)> {
    let mut c = Cursor::new(s);
    let d = c.digits(1, 2)?;
    c.one_of(seps)?;
    let m = c.digits(1, 2)?;
    c.end()?;
    (day_ok(d) && month_ok(m)).then_some((d, m))
}

/// "6/2023", "12.2017" → (6, 2023); the first part may be up to `max_first`.
pub fn my(s: &str, max_first: u32) -> Option<(u32, i32)> {
    let mut c = Cursor::new(s);
    let m = c.digits(1, 2)?;
    c.one_of("/.-")?;
    let y = c.digits(4, 4)?;
    c.end()?;
    ((1..=max_first).contains(&m) && year_ok(y)).then_some((m, y as i32))
}

/// `( "/" year4 )?` closing a form.
fn opt_year(c: &mut Cursor<'_>) -> Option<u32> {
    c.opt(|c| {
        c.char('/')?;
        c.digits(4, 4)
    })
}

/// "28-29/11" → (28, 29, 11, None); "12-15/6/2023" → (12, 15, 6, Some(2023)).
pub fn days(s: &str) -> Option<(u32, u32, u32, Option<i32>)> {
    let mut c = Cursor::new(s);
    let a = c.digits(1, 2)?;
    c.char('-')?;
    let b = c.digits(1, 2)?;
    c.char('/')?;
    let m = c.digits(1, 2)?;
    let y = opt_year(&mut c);
    c.end()?;
    (day_ok(a) && day_ok(b) && a < b && month_ok(m) && y.is_none_or(year_ok)).then_some((a, b, m, y.map(|y| y as i32)))
}

/// "30/4-1/5" → ((30, 4), (1, 5), None); a year may close it ("30/4-1/5/2024").
#[allow(clippy::type_complexity)]
pub fn dm_range(s: &str) -> Option<((u32, u32), (u32, u32), Option<i32>)> {
    let mut c = Cursor::new(s);
    let a = c.digits(1, 2)?;
    c.char('/')?;
    let b = c.digits(1, 2)?;
    c.char('-')?;
    let d1 = c.digits(1, 2)?;
    c.char('/')?;
    let d2 = c.digits(1, 2)?;
    let y = opt_year(&mut c);
    c.end()?;
    (day_ok(a) && month_ok(b) && day_ok(d1) && month_ok(d2) && y.is_none_or(year_ok)).then_some((
        (a, b),
        (d1, d2),
        y.map(|y| y as i32),
    ))
}

/// "1-2/2025" → (1, 2, Some(2025)), "3-5" → (3, 5, None): months a…b after "tháng".
pub fn months(s: &str) -> Option<(u32, u32, Option<i32>)> {
    let mut c = Cursor::new(s);
    let a = c.digits(1, 2)?;
    c.one_of("-–")?;
    let b = c.digits(1, 2)?;
    let y = opt_year(&mut c);
    c.end()?;
    (month_ok(a) && month_ok(b) && a < b && y.is_none_or(year_ok)).then_some((a, b, y.map(|y| y as i32)))
}

/// "2021-2025" → (2021, 2025), the second after the first.
pub fn years(s: &str) -> Option<(i32, i32)> {
    let mut c = Cursor::new(s);
    let a = c.digits(4, 4)?;
    c.one_of("-–")?;
    let b = c.digits(4, 4)?;
    c.end()?;
    (year_ok(a) && year_ok(b) && a < b && b - a <= 100).then_some((a as i32, b as i32))
}

/// "14h30", "14:30", "14h", "7g" → (14, 30).
pub fn clock(s: &str) -> Option<(u32, u32)> {
    let mut c = Cursor::new(s);
    let h = c.digits(1, 2)?;
    let sep = c.one_of("hHg:")?;
    let m = c.opt(|c| c.digits(2, 2));
    c.end()?;
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
    let mut c = Cursor::new(s);
    let n = c.digits(1, 9)?;
    c.end()?;
    Some(n)
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
    (total > 0 && writes(total as u32, s)).then_some(total as u32)
}

/// Is `s` the Roman numeral of `n` as written canonically ("IX", never "VIIII")?
fn writes(mut n: u32, s: &str) -> bool {
    let mut rest = s.as_bytes();
    for (v, r) in [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
        while n >= v {
            match rest.strip_prefix(r.as_bytes()) {
                Some(more) => rest = more,
                None => return false,
            }
            n -= v;
        }
    }
    rest.is_empty()
}

/// The same forms written with nom combinators: the specification the
/// cursor parsers above are checked against.
#[cfg(test)]
mod spec {
    use nom::bytes::complete::take_while_m_n;
    use nom::character::complete::{char, one_of};
    use nom::combinator::{all_consuming, map_res, opt};
    use nom::sequence::preceded;
    use nom::{IResult, Parser};

    type E<'a> = nom::error::Error<&'a str>;

    fn digits<'a>(min: usize, max: usize) -> impl Parser<&'a str, Output = u32, Error = E<'a>> {
        map_res(
            take_while_m_n(min, max, |c: char| c.is_ascii_digit()),
            str::parse::<u32>,
        )
    }

    fn full<'a, O>(p: impl Parser<&'a str, Output = O, Error = E<'a>>, s: &'a str) -> Option<O> {
        let r: IResult<&str, O> = all_consuming(p).parse(s);
        r.ok().map(|(_, o)| o)
    }

    fn year<'a>() -> impl Parser<&'a str, Output = Option<u32>, Error = E<'a>> {
        opt(preceded(char('/'), digits(4, 4)))
    }

    pub fn dmy(s: &str) -> Option<(u32, char, u32, char, u32)> {
        full(
            (digits(1, 2), one_of("/-."), digits(1, 2), one_of("/-."), digits(4, 4)),
            s,
        )
    }

    pub fn iso(s: &str) -> Option<(u32, u32, u32)> {
        full((digits(4, 4), char('-'), digits(2, 2), char('-'), digits(2, 2)), s).map(|(y, _, m, _, d)| (y, m, d))
    }

    pub fn dm(s: &str, seps: &str) -> Option<(u32, u32)> {
        full((digits(1, 2), one_of(seps), digits(1, 2)), s).map(|(d, _, m)| (d, m))
    }

    pub fn my(s: &str) -> Option<(u32, u32)> {
        full((digits(1, 2), one_of("/.-"), digits(4, 4)), s).map(|(m, _, y)| (m, y))
    }

    pub fn days(s: &str) -> Option<(u32, u32, u32, Option<u32>)> {
        full(
            (digits(1, 2), char('-'), digits(1, 2), char('/'), digits(1, 2), year()),
            s,
        )
        .map(|(a, _, b, _, m, y)| (a, b, m, y))
    }

    #[allow(clippy::type_complexity)]
    pub fn dm_range(s: &str) -> Option<(u32, u32, u32, u32, Option<u32>)> {
        full(
            (
                digits(1, 2),
                char('/'),
                digits(1, 2),
                char('-'),
                digits(1, 2),
                char('/'),
                digits(1, 2),
                year(),
            ),
            s,
        )
        .map(|(a, _, b, _, c, _, d, y)| (a, b, c, d, y))
    }

    pub fn months(s: &str) -> Option<(u32, u32, Option<u32>)> {
        full((digits(1, 2), one_of("-–"), digits(1, 2), year()), s).map(|(a, _, b, y)| (a, b, y))
    }

    pub fn years(s: &str) -> Option<(u32, u32)> {
        full((digits(4, 4), one_of("-–"), digits(4, 4)), s).map(|(a, _, b)| (a, b))
    }

    pub fn clock(s: &str) -> Option<(u32, char, Option<u32>)> {
        full((digits(1, 2), one_of("hHg:"), opt(digits(2, 2))), s)
    }

    pub fn uint(s: &str) -> Option<u32> {
        full(digits(1, 9), s)
    }
}

#[cfg(test)]
mod against_spec {
    use super::*;
    use proptest::prelude::*;

    /// Runs of digits and the separators the forms read, with a few other characters.
    fn token() -> impl Strategy<Value = String> {
        prop_oneof![
            "([0-9]{1,5}[/.:hHgX,–-]?){1,5}",
            "[0-9/.:hHgX,–-]{0,14}",
            // Near the forms: small numbers and years, one or two kinds of separator.
            "([0-3]?[0-9]|20[0-9]{2})([/.–-]([0-3]?[0-9]|20[0-9]{2})){0,4}",
            "[0-2]?[0-9][hHg:]([0-5][0-9]?)?(-[0-2]?[0-9]([hHg:][0-5]?[0-9]?)?)?",
            "[0-3]?[0-9][/.-][01]?[0-9][/.-][12][0-9]{2,4}",
            "[12]0[0-9]{2}-[01]?[0-9]-[0-3]?[0-9]",
            "[0-3]?[0-9][/-][0-3]?[0-9][/-][01]?[0-9](/[12]0[0-9]{2})?",
            "[0-3]?[0-9]/[01]?[0-9]-[0-3]?[0-9]/[01]?[0-9](/[12]0[0-9]{1,3})?",
        ]
    }

    fn check(s: &str) {
        let (d, m, y) = (day_ok, month_ok, year_ok);
        let want = spec::dmy(s).filter(|&(a, s1, b, s2, c)| s1 == s2 && d(a) && m(b) && y(c));
        assert_eq!(dmy(s), want.map(|(a, _, b, _, c)| (a, b, c as i32)), "dmy {s:?}");
        let want = spec::iso(s).filter(|&(a, b, c)| y(a) && m(b) && d(c));
        assert_eq!(iso(s), want.map(|(a, b, c)| (c, b, a as i32)), "iso {s:?}");
        for seps in ["/", "/-."] {
            let want = spec::dm(s, seps).filter(|&(a, b)| d(a) && m(b));
            assert_eq!(dm(s, seps), want, "dm {s:?}");
        }
        for max in [4, 12] {
            let want = spec::my(s).filter(|&(a, b)| (1..=max).contains(&a) && y(b));
            assert_eq!(my(s, max), want.map(|(a, b)| (a, b as i32)), "my {s:?}");
        }
        let want = spec::days(s).filter(|&(a, b, c, e)| d(a) && d(b) && a < b && m(c) && e.is_none_or(y));
        assert_eq!(
            days(s),
            want.map(|(a, b, c, e)| (a, b, c, e.map(|e| e as i32))),
            "days {s:?}"
        );
        let want = spec::dm_range(s).filter(|&(a, b, c, e, f)| d(a) && m(b) && d(c) && m(e) && f.is_none_or(y));
        let got = dm_range(s).map(|((a, b), (c, e), f)| (a, b, c, e, f));
        assert_eq!(
            got,
            want.map(|(a, b, c, e, f)| (a, b, c, e, f.map(|f| f as i32))),
            "dm_range {s:?}"
        );
        let want = spec::months(s).filter(|&(a, b, c)| m(a) && m(b) && a < b && c.is_none_or(y));
        assert_eq!(
            months(s),
            want.map(|(a, b, c)| (a, b, c.map(|c| c as i32))),
            "months {s:?}"
        );
        let want = spec::years(s).filter(|&(a, b)| y(a) && y(b) && a < b && b - a <= 100);
        assert_eq!(years(s), want.map(|(a, b)| (a as i32, b as i32)), "years {s:?}");
        let want = spec::clock(s)
            .filter(|&(_, sep, min)| !(matches!(sep, ':' | 'H') && min.is_none()))
            .map(|(h, _, min)| (h, min.unwrap_or(0)))
            .filter(|&(h, min)| h <= 24 && min < 60);
        assert_eq!(clock(s), want, "clock {s:?}");
        assert_eq!(uint(s), spec::uint(s), "uint {s:?}");
        let any = dmy(s).is_some()
            || iso(s).is_some()
            || dm(s, "/-.").is_some()
            || my(s, 12).is_some()
            || days(s).is_some()
            || dm_range(s).is_some()
            || months(s).is_some()
            || years(s).is_some()
            || clock(s).is_some()
            || clocks(s).is_some();
        assert!(!any || may_be_form(s), "may_be_form {s:?}");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        #[test]
        fn cursor_forms_answer_as_the_nom_grammar(s in token()) {
            check(&s);
        }
    }

    #[test]
    fn cursor_forms_answer_as_the_nom_grammar_on_examples() {
        for s in [
            "16/6/2023",
            "16-6-2023",
            "16.6.2023",
            "16/6-2023",
            "2023-06-16",
            "2023-6-16",
            "16/6",
            "30/4-1/5",
            "30/4-1/5/2024",
            "12-15/6/2023",
            "28-29/11",
            "1-2/2025",
            "3–5",
            "2021-2025",
            "2021–2025",
            "14h30",
            "14:30",
            "14h",
            "7g",
            "14:3",
            "1H",
            "14H30",
            "8h-11h",
            "123456789",
            "1234567890",
            "",
            "1.234,5",
        ] {
            check(s);
        }
    }
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
