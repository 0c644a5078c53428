//! Recognition: nom parsers over a sentence's tokens that turn a temporal
//! phrase into an [`Expr`] (or a duration), without resolving anything.
//!
//! Grammar (words are keys; `NUM` a plain digit token; `DMY`, `DM`, `MY`,
//! `DAYS` ("28-29/11"), `DM_RANGE` ("30/4-1/5"), `YEARS`, `CLOCK`, `ISO` the one-token forms of [`super::token`];
//! capitalized names are the month/weekday names of `grammars/temporal.tsv`):
//! ```text
//! temporal   := range | intro_years | n_unit | clock | pod_day
//!             | weekday | ngay | mong | thang | nam | quy | nua | part
//!             | century | relday | lunar | bare
//! year_sfx   := "năm" ( NUM4 | rel ) | "/" NUM4                   ("năm 2023", "/2023", "năm ngoái")
//! day_core   := DMY | ISO | DM_RANGE | DAYS year_sfx? | DM year_sfx? | NUM ( "tháng" month year_sfx? )?
//! ngay       := "ngày" day_prefix? day_core ( range_to DM )?      ("ngày 16/6", "ngày 16 tháng 6 năm 2023", "ngày 12 - 13/6")
//!               (a lone day followed by "và"/"," and a DM takes that month: "ngày 12 và 13/6")
//! mong       := day_prefix day_core                               ("mồng 5", "mùng 10 tháng 3")
//! month      := NUM(1–12) | MONTH_NAME
//! thang      := "tháng" ( MY | MONTHS year_sfx? | month year_sfx? | rel )  ("tháng 6/2023", "tháng 1-2/2025", "tháng Sáu", "tháng trước")
//!               (a month with no year followed by "và"/"," and a month with one takes its year)
//! nam        := "năm" ( YEARS | NUM4 ( range_to NUM4 )? | rel )   ("năm 2023", "năm nay")
//! quy        := "quý" ( NUM/NUM4 | (ROMAN | NUM) year_sfx? | rel ) ("quý III/2023", "quý 1 năm 2023", "quý này")
//! nua        := "nửa" ("đầu" | "cuối" | "sau") "năm" (NUM4 | rel)?
//! count      := NUM | SPELLED                                     ("3", "mười", "hai mươi lăm": the numbers module)
//! n_unit     := NUM "tháng" ( ("đầu" | "cuối") "năm" yearval? | "năm" yearval )   (periods: "6 tháng đầu năm 2023")
//!             | NUM(2–11, not 6) "tháng"                          (a report's months, by context: "9 tháng đạt …")
//!             | NUM(1–4) "quý" "đầu"? "năm" yearval?               ("3 quý đầu năm 2023")
//!             | "từ"? count range_to count UNIT                    (a range of durations: "5 đến 7 ngày")
//!             | count UNIT                                         (durations: "3 tháng", "mười năm"; a tail
//!                                                                   "qua", "làm việc" stays outside; an approx
//!                                                                   word before, "khoảng 5 ngày", is inside)
//! clock      := ( CLOCK | NUM "giờ" ( NUM "phút"? )? ) pod? ","? on_day?
//!             | CLOCKS pod? ","? on_day?                          ("6-7h sáng", "8h-11h ngày 5/9": a time range)
//! on_day     := "ngày"? day_core | relday | weekday
//! pod_day    := POD ( podrel | "ngày"? day_core | weekday )     (DM may use "-" or "." here: "Chiều 19-6")        ("Sáng 5/9", "chiều nay", "Chiều thứ Sáu (15/3)")
//! weekday    := ( "thứ" (WEEKDAY_NAME | NUM(2–7)) | "chủ nhật" | "CN" )
//!               ( "(" day_core ")" | ","? "ngày"? day_core )? ( "tuần" rel )?
//! part       := PART ( "tháng" (MY | month year_sfx? | rel)? | "tuần" rel? | "năm" yearval? )
//!                                                                 ("cuối tháng 6", "cuối tuần này", "đầu năm 2023")
//! range      := "từ" point range_to ( to_now | point )             ("từ ngày 20 đến ngày 25/1", "từ đầu năm đến nay")
//!             | "từ" to_now range_to point                         ("từ nay đến cuối năm")
//! point      := clock | ngay | mong | thang | nam | quy | part | NUM4 | DMY | DM | MY | NUM(1–31)
//! intro_years:= SPAN_INTRO ( range | YEARS | NUM4 range_to NUM4 )          ("giai đoạn 2021-2025", "nhiệm kỳ 2020 - 2025")
//! century    := "thế" "kỷ" (ROMAN | NUM) | ( "thập" ("niên" | "kỷ") | "những" "năm" ) NUM
//! relday     := RELDAY ( "(" day_core ")" | DM )? | "tuần" rel     ("hôm qua", "hôm qua (30/9)", "hôm nay 29/4", "tuần tới")
//! lunar      := see the lunar parser: "mùng 1 Tết", "Tết Nguyên đán Giáp Thìn", "rằm tháng Giêng",
//!               "15/8 âm lịch", "tháng 7 âm lịch"
//! iso_week   := "tuần" NUM(1–53) year_sfx?                       ("tuần 34": an ISO week)
//! bare_year  := NUM4                                              (after a name: "Luật Đất đai 2024")
//! bare       := DMY | ISO | DM year_sfx? ( range_to DM )? | MY | YEARS   (a bare DM next to a fraction word is refused)
//!             | NUM "tháng" month year_sfx?                        ("16 tháng 6 năm 2023")
//! ```
//! Where it matters, context decides: a bare `NUM "giờ"` is a clock time
//! only after a `time_intro` word ("lúc 5 giờ") or with a part of the day or
//! a date, else a duration; `NUM "tháng"` is the months January…NUM of the
//! year ("10 tháng, kim ngạch …" = January–October) at the start of a
//! sentence, after "tính chung"/"luỹ kế", or when a report verb ("đạt",
//! "ước") or a punctuation mark follows and no length word ("sớm", "sau",
//! "khoảng") precedes — elsewhere a duration; a relative unit after a
//! comparison ("so với tháng trước", "cùng kỳ năm trước") or a count ("2
//! năm tới") is not a date, and "cùng kỳ" itself is not annotated; a
//! lower-case weekday name ("lần thứ hai") needs a date, a week, or a part
//! of the day / "vào" before it, and "Thứ hai," opening a sentence is
//! "secondly".

use super::data::{Data, Name, Phrases, DATA};
use super::expr::{Expr, LunarYear, Year};
use super::resolve::push_padded;
use super::token;
use crate::recognizers::numbers::words::{below_thousand, role};
use crate::token_input::{TokError, TokResult, Toks};
use crate::tokenizer::{Gap, TokenKind};
use crate::vocab::{word_id, WordId, WordMap, WordSet};
use nom::error::{ErrorKind, ParseError};
use nom::Input;
use std::sync::LazyLock;

type R<'a, T> = TokResult<'a, T>;

/// What a phrase means, before resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// A point or stretch of time to resolve.
    Expr(Expr),
    /// An ISO 8601 duration, final already ("P3M").
    Duration(String),
}

/// Where the phrase starts, for the rules that look one or two words back.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context<'a> {
    /// Word id and key of the token before, if in the sentence.
    pub prev: Option<(WordId, &'a str)>,
    /// Word id and key of the token two before, if in the sentence.
    pub prev2: Option<(WordId, &'a str)>,
    /// The phrase starts the sentence.
    pub at_start: bool,
    /// The token before is a figure (a number token or a number word): "2 năm tới".
    pub prev_count: bool,
    /// The token before is a capitalized word that does not open the sentence
    /// ("Luật Đất đai 2024"); read only at a number (by `bare_year`).
    pub prev_name: bool,
}

fn err<T>(i: Toks<'_>) -> R<'_, T> {
    Err(nom::Err::Error(TokError::from_error_kind(i, ErrorKind::Verify)))
}

/// One token with key `k`.
fn kw<'a>(k: &'static str, i: Toks<'a>) -> R<'a, ()> {
    match i.first() {
        Some(t) if t.key == k => Ok((i.take_from(1), ())),
        _ => err(i),
    }
}

/// The longest phrase of `table` (its tokens separated by spaces).
fn phrase<'a, 't, V>(i: Toks<'a>, table: &'t Phrases<V>) -> R<'a, &'t V> {
    let key_at = |n: usize| {
        let t = i.get(n)?;
        (n == 0 || t.token.gap == Gap::Space).then(|| t.keyed())
    };
    match table.longest(key_at) {
        Some((n, v)) => Ok((i.take_from(n), v)),
        None => err(i),
    }
}

fn in_map<'a, V: Copy>(map: &Phrases<V>, i: Toks<'a>) -> R<'a, V> {
    phrase(i, map).map(|(r, v)| (r, *v))
}

fn in_set<'a>(set: &Phrases<()>, i: Toks<'a>) -> R<'a, ()> {
    phrase(i, set).map(|(r, _)| (r, ()))
}

/// One number token read by `f`.
fn num_with<'a, T>(i: Toks<'a>, f: impl Fn(&str) -> Option<T>) -> R<'a, T> {
    match i.first() {
        Some(t) if t.token.kind == TokenKind::Number => match f(t.text()) {
            Some(v) => Ok((i.take_from(1), v)),
            None => err(i),
        },
        _ => err(i),
    }
}

fn num_in<'a>(i: Toks<'a>, lo: u32, hi: u32) -> R<'a, u32> {
    num_with(i, |s| token::uint(s).filter(|n| (lo..=hi).contains(n)))
}

/// A four-digit year.
fn year4(i: Toks<'_>) -> R<'_, i32> {
    num_with(i, |s| {
        (s.len() == 4)
            .then(|| token::uint(s))
            .flatten()
            .filter(|&y| token::year_ok(y))
            .map(|y| y as i32)
    })
}

fn roman_in(i: Toks<'_>, lo: u32, hi: u32) -> R<'_, u32> {
    match i.first() {
        Some(t) if t.token.kind == TokenKind::Word => match token::roman(t.text()).filter(|n| (lo..=hi).contains(n)) {
            Some(v) => Ok((i.take_from(1), v)),
            None => err(i),
        },
        _ => err(i),
    }
}

/// `NUM4 | rel` after "năm".
fn yearval(i: Toks<'_>) -> R<'_, Year> {
    if let Ok((r, y)) = year4(i) {
        return Ok((r, Year::Abs(y)));
    }
    let (r, k) = in_map(&DATA.rel, i)?;
    Ok((r, Year::Rel(k)))
}

/// `"năm" (NUM4 | rel) | "/" NUM4`.
fn year_sfx(i: Toks<'_>) -> R<'_, Year> {
    if let Ok((r, ())) = kw("năm", i) {
        return yearval(r);
    }
    let (r, ()) = kw("/", i)?;
    let (r, y) = year4(r)?;
    Ok((r, Year::Abs(y)))
}

fn opt_year(i: Toks<'_>) -> (Toks<'_>, Year) {
    match year_sfx(i) {
        Ok((r, y)) => (r, y),
        Err(_) => (i, Year::Unknown),
    }
}

/// Refuses a day or month followed by "Tết" / "âm lịch" (lunar, not converted yet).
fn not_lunar(i: Toks<'_>) -> R<'_, ()> {
    match in_set(&DATA.lunar_after, i) {
        Ok(_) => err(i),
        Err(_) => Ok((i, ())),
    }
}

/// A month number or name ("6", "Sáu", "Giêng").
fn month(i: Toks<'_>) -> R<'_, u32> {
    if let Ok(r) = num_in(i, 1, 12) {
        return Ok(r);
    }
    let cap = i.first().is_some_and(|t| t.token.capitalized);
    let (r, Name { value, flag }) = in_map(&DATA.months, i)?;
    if flag && !cap {
        return err(i);
    }
    Ok((r, value))
}

/// `DMY | ISO | DM year_sfx? | NUM ("tháng" month year_sfx?)?`; `bare`
/// accepts only "/" in DM and no lone NUM.
fn day_core(i: Toks<'_>, bare: bool) -> R<'_, Expr> {
    day_core_with(i, bare, if bare { "/" } else { "/-." })
}

/// `day_core` with the DM separators given ("Chiều 19-6" after a part of the day).
fn day_core_with<'a>(i: Toks<'a>, bare: bool, seps: &str) -> R<'a, Expr> {
    // The one-token forms all have a separator: plain digits ("2023") skip them.
    let separated = i
        .first()
        .is_some_and(|t| t.token.kind == TokenKind::Number && !t.text().bytes().all(|b| b.is_ascii_digit()));
    if separated {
        if let Some(found) = one_token_day(i, seps) {
            return Ok(found);
        }
    }
    if bare {
        return err(i);
    }
    let (r, d) = num_in(i, 1, 31)?;
    if let Ok((r2, ())) = kw("tháng", r) {
        let (r2, m) = month(r2)?;
        let (r2, y) = opt_year(r2);
        let (r2, ()) = not_lunar(r2)?;
        return Ok((r2, Expr::Day { y, m: Some(m), d }));
    }
    let (r, ()) = not_lunar(r)?;
    Ok((
        r,
        Expr::Day {
            y: Year::Unknown,
            m: None,
            d,
        },
    ))
}

/// The day forms written in one number token: "16/6/2023", "2023-06-16",
/// "30/4-1/5", "12-15/6", "16/6" (with `seps`), each with the year after it.
fn one_token_day<'a>(i: Toks<'a>, seps: &str) -> Option<(Toks<'a>, Expr)> {
    if let Ok((r, (d, m, y))) = num_with(i, |s| token::dmy(s).or_else(|| token::iso(s))) {
        return Some((
            r,
            Expr::Day {
                y: Year::Abs(y),
                m: Some(m),
                d,
            },
        ));
    }
    if let Ok((r, ((d1, m1), (d2, m2), y))) = num_with(i, token::dm_range) {
        let y = y.map_or(Year::Unknown, Year::Abs);
        let (r, y) = match (y, opt_year(r)) {
            (Year::Unknown, (r, y)) => (r, y),
            (y, _) => (r, y),
        };
        let day = |d, m| Expr::Day { y, m: Some(m), d };
        return Some((r, Expr::Range(Box::new(day(d1, m1)), Box::new(day(d2, m2)))));
    }
    if let Ok((r, (a, b, m, y))) = num_with(i, token::days) {
        let y = y.map_or(Year::Unknown, Year::Abs);
        let (r, y) = match (y, opt_year(r)) {
            (Year::Unknown, (r, y)) => (r, y),
            (y, _) => (r, y),
        };
        let day = |d| Expr::Day { y, m: Some(m), d };
        return Some((r, Expr::Range(Box::new(day(a)), Box::new(day(b)))));
    }
    if let Ok((r, (d, m))) = num_with(i, |s| token::dm(s, seps)) {
        let (r, y) = opt_year(r);
        let (r, ()) = not_lunar(r).ok()?;
        return Some((r, Expr::Day { y, m: Some(m), d }));
    }
    None
}

fn ngay(i: Toks<'_>) -> R<'_, Expr> {
    let (r, ()) = kw("ngày", i)?;
    let r = match in_set(&DATA.day_prefix, r) {
        Ok((r, ())) => r,
        Err(_) => r,
    };
    let (r, e) = day_core(r, false)?;
    let Expr::Day { m: None, d, .. } = e else {
        return Ok((r, e));
    };
    // "ngày 12 - 13/6": one range; "ngày 12 và 13/6": the 12th takes the month of the 13th.
    if let Ok((r2, ())) = in_set(&DATA.range_to, r) {
        if let Ok((r3, b @ Expr::Day { m: Some(_), .. })) = day_core(r2, true) {
            return Ok((r3, Expr::Range(Box::new(e), Box::new(b))));
        }
    }
    let next = kw("và", r).or_else(|_| kw(",", r));
    if let Ok((_, Expr::Day { y, m: Some(m), .. })) = next.and_then(|(r2, ())| day_core(r2, true)) {
        return Ok((r, Expr::Day { y, m: Some(m), d }));
    }
    Ok((r, e))
}

fn mong(i: Toks<'_>) -> R<'_, Expr> {
    let (r, ()) = in_set(&DATA.day_prefix, i)?;
    day_core(r, false)
}

fn thang_body(r: Toks<'_>) -> R<'_, Expr> {
    if let Ok((r, (m, y))) = num_with(r, |s| token::my(s, 12)) {
        return Ok((r, Expr::Month { y: Year::Abs(y), m }));
    }
    // "tháng 1-2/2025": months January…February.
    if let Ok((r, (a, b, y))) = num_with(r, token::months) {
        let (r, y) = match y {
            Some(y) => (r, Year::Abs(y)),
            None => opt_year(r),
        };
        return Ok((r, Expr::Months { a, b, y }));
    }
    if let Ok((r, m)) = month(r) {
        let (r, y) = opt_year(r);
        let (r, ()) = not_lunar(r)?;
        return Ok((r, Expr::Month { y, m }));
    }
    let (r, k) = in_map(&DATA.rel, r)?;
    Ok((r, Expr::RelMonth(k)))
}

fn thang(i: Toks<'_>) -> R<'_, Expr> {
    let (r, ()) = kw("tháng", i)?;
    let (r, e) = thang_body(r)?;
    // "tháng 10 và 11/2023": the 10th month takes the year of the next.
    if let Expr::Month { y: Year::Unknown, m } = e {
        let next = kw("và", r).or_else(|_| kw(",", r));
        let next = next.map(|(r2, ())| kw("tháng", r2).map_or(r2, |(r3, ())| r3));
        if let Ok((_, Expr::Month { y: Year::Abs(y), .. })) = next.and_then(thang_body) {
            return Ok((r, Expr::Month { y: Year::Abs(y), m }));
        }
    }
    Ok((r, e))
}

fn nam(i: Toks<'_>) -> R<'_, Expr> {
    let (r, ()) = kw("năm", i)?;
    if let Ok((r, (a, b))) = num_with(r, token::years) {
        return Ok((r, Expr::Years(a, b)));
    }
    if let Ok((r, a)) = year4(r) {
        if let Ok((r2, ())) = in_set(&DATA.range_to, r) {
            if let Ok((r3, b)) = year4(r2) {
                if b > a {
                    return Ok((r3, Expr::Years(a, b)));
                }
            }
        }
        return Ok((r, Expr::Year(Year::Abs(a))));
    }
    let (r, k) = in_map(&DATA.rel, r)?;
    Ok((r, Expr::Year(Year::Rel(k))))
}

fn quy(i: Toks<'_>) -> R<'_, Expr> {
    let (r, ()) = kw("quý", i)?;
    if let Ok((r, (q, y))) = num_with(r, |s| token::my(s, 4)) {
        return Ok((r, Expr::Quarter { q, y: Year::Abs(y) }));
    }
    if let Ok((r, q)) = roman_in(r, 1, 4).or_else(|_| num_in(r, 1, 4)) {
        let (r, y) = opt_year(r);
        return Ok((r, Expr::Quarter { q, y }));
    }
    let (r, k) = in_map(&DATA.rel, r)?;
    Ok((r, Expr::RelQuarter(k)))
}

fn nua(i: Toks<'_>) -> R<'_, Expr> {
    let (r, ()) = kw("nửa", i)?;
    let (r, part) = in_map(&DATA.parts, r).or_else(|_| kw("sau", r).map(|(r, ())| (r, 2)))?;
    let h = match part {
        0 => 1,
        2 => 2,
        _ => return err(i),
    };
    let (r, ()) = kw("năm", r)?;
    let (r, y) = match yearval(r) {
        Ok(x) => x,
        Err(_) => (r, Year::Unknown),
    };
    Ok((r, Expr::Half { h, y }))
}

/// The count before a unit: digits ("3 tháng") or a spelled number read by
/// the numbers module's spelled-number grammar ("mười năm", "hai ngày",
/// "hai mươi lăm năm"), whole numbers 1…9999. A lone "năm" is refused
/// ("năm tháng" is "years and months"), and so is a spelled number after
/// "thứ" ("thứ hai" is a weekday or an ordinal).
fn count<'a>(i: Toks<'a>, cx: &Context<'_>) -> R<'a, u32> {
    if let Ok(x) = num_in(i, 1, 9999) {
        return Ok(x);
    }
    if cx.prev.is_some_and(|(_, k)| k == "thứ") || i.first().is_none_or(|t| !DATA.count_words.contains(t.keyed())) {
        return err(i);
    }
    let (r, n) = below_thousand(i)?;
    if n == 0 || (n == 5 && r.offset() - i.offset() == 1) {
        return err(i);
    }
    Ok((r, n))
}

/// `count UNIT`, the duration "P3M"/"PT3H".
fn count_unit<'a>(i: Toks<'a>, cx: &Context<'_>) -> R<'a, (u32, &'static str)> {
    let (r, n) = count(i, cx)?;
    let (r, unit) = in_map(&DATA.units, r)?;
    Ok((r, (n, unit)))
}

/// `count range_to count UNIT` ("5 đến 7 ngày", "3-5 năm"): one duration,
/// valued `P5D/P7D` (the bounds).
fn count_range<'a>(i: Toks<'a>, cx: &Context<'_>) -> R<'a, Found> {
    let (r, a) = count(i, cx)?;
    count_range_rest(i, r, a, cx)
}

/// `range_to count UNIT` at `r`, after the count `a` read from `i`.
fn count_range_rest<'a>(i: Toks<'a>, r: Toks<'a>, a: u32, cx: &Context<'_>) -> R<'a, Found> {
    let (r, ()) = in_set(&DATA.range_to, r)?;
    let (r, (b, unit)) = count_unit(r, cx)?;
    if b <= a {
        return err(i);
    }
    let mut value = iso_parts(&[(a, unit)]);
    value.push('/');
    value.push_str(&iso_parts(&[(b, unit)]));
    Ok((r, Found::Duration(value)))
}

/// Is a bare "N tháng" (no year after it) the months January…N of a report
/// ("Kim ngạch xuất khẩu 9 tháng ước đạt …", "Trong 9 tháng, …") rather
/// than a length ("sớm 5 tháng", "khoảng 3 tháng", "sau 6 tháng thực hiện")?
/// After "tính chung"/"luỹ kế" always; otherwise when no length word is
/// before it and a report verb, a punctuation mark or the end follows.
fn report_months(r: Toks<'_>, cx: &Context<'_>) -> bool {
    if in_set(&DATA.tail, r).is_ok() || in_map(&DATA.rel, r).is_ok() || in_map(&DATA.parts, r).is_ok() {
        return false;
    }
    let intro = cx.prev.is_some_and(|p| DATA.stats_intro.has(&[p]))
        || cx
            .prev2
            .zip(cx.prev)
            .is_some_and(|(a, b)| DATA.stats_intro.has(&[a, b]));
    if intro || cx.at_start {
        return true;
    }
    let length = cx
        .prev
        .is_some_and(|p| DATA.length_before.contains(p) || DATA.approx.has(&[p]))
        || cx.prev_count;
    if length {
        return false;
    }
    // "Trong 9 tháng, …", "… trong 8 tháng" (a headline's end): only after "trong".
    let closes = match r.first() {
        None => true,
        Some(t) => {
            t.token.kind == TokenKind::Punct && matches!(t.key, "," | "." | ";" | ":")
                || matches!(t.token.gap, Gap::Newline | Gap::Paragraph)
        }
    };
    (closes && cx.prev.is_some_and(|(_, k)| k == "trong")) || in_set(&DATA.period_next, r).is_ok()
}

/// `NUM "tháng" …` periods, and `NUM UNIT` durations (a tail word after it,
/// "10 năm qua", marks a length but stays outside).
fn n_unit<'a>(i: Toks<'a>, cx: &Context<'_>) -> R<'a, Found> {
    let (r, n) = count(i, cx)?;
    if let Ok(x) = count_range_rest(i, r, n, cx) {
        return Ok(x);
    }
    let digits = i.first().is_some_and(|t| t.token.kind == TokenKind::Number);
    // "lúc hai giờ": a spelled clock time, not read here (nor a duration).
    if !digits
        && cx.prev.is_some_and(|p| DATA.time_intro.contains(p))
        && in_map(&DATA.units, r).is_ok_and(|(_, u)| u == "H")
    {
        return err(i);
    }
    if n <= 12 {
        if let Ok((r2, ())) = kw("tháng", r) {
            // "6 tháng đầu năm 2023", "6 tháng cuối năm"
            if let Ok((r3, part)) = in_map(&DATA.parts, r2) {
                if part != 1 {
                    if let Ok((r4, ())) = kw("năm", r3) {
                        let (r4, y) = match yearval(r4) {
                            Ok(x) => x,
                            Err(_) => (r4, Year::Unknown),
                        };
                        let (a, b) = if part == 0 { (1, n) } else { (13 - n, 12) };
                        return Ok((r4, Found::Expr(months(a, b, y))));
                    }
                }
            }
            // "9 tháng năm 2023"
            if let Ok((r3, ())) = kw("năm", r2) {
                if let Ok((r4, y)) = yearval(r3) {
                    return Ok((r4, Found::Expr(months(1, n, y))));
                }
            }
            // Not 6: the first half is written "6 tháng đầu năm"; a bare "6 tháng" is a length.
            if digits && (2..=11).contains(&n) && n != 6 && report_months(r2, cx) {
                return Ok((r2, Found::Expr(months(1, n, Year::Unknown))));
            }
        }
    }
    // "3 quý đầu năm 2023": quarters 1…N.
    if (1..=4).contains(&n) && digits {
        if let Ok((r2, ())) = kw("quý", r) {
            let r2 = in_map(&DATA.parts, r2)
                .ok()
                .filter(|(_, p)| *p == 0)
                .map_or(r2, |(r, _)| r);
            if let Ok((r3, ())) = kw("năm", r2) {
                let (r3, y) = yearval(r3).unwrap_or((r3, Year::Unknown));
                return Ok((r3, Found::Expr(months(1, n * 3, y))));
            }
        }
    }
    let (r, unit) = in_map(&DATA.units, r)?;
    // "một ngày nào đó", "vào một ngày đẹp trời": an article, not a length.
    if i.first().is_some_and(|t| t.key == "một") && r.first().is_some_and(|t| DATA.article_next.contains(t.keyed())) {
        return err(i);
    }
    // "7 năm 6 tháng", "1 giờ 30 phút": smaller units join the first (at most three more).
    let mut parts = [(n, unit); 4];
    let mut len = 1;
    let mut r = r;
    while len < parts.len() {
        let Ok((r2, (m, u))) = count_unit(r, cx) else { break };
        if rank(u) <= rank(parts[len - 1].1) {
            break;
        }
        parts[len] = (m, u);
        len += 1;
        r = r2;
    }
    Ok((r, Found::Duration(iso_parts(&parts[..len]))))
}

/// The order of duration units, largest first.
fn rank(unit: &str) -> u8 {
    match unit {
        "Y" => 1,
        "M" => 2,
        "W" => 3,
        "D" => 4,
        "H" => 5,
        "MIN" => 6,
        _ => 7,
    }
}

/// `[(7, "Y"), (6, "M")]` → "P7Y6M"; `[(1, "H"), (30, "MIN")]` → "PT1H30M".
fn iso_parts(parts: &[(u32, &str)]) -> String {
    let mut out = String::from("P");
    let mut time = false;
    for (n, u) in parts {
        if rank(u) >= 5 && !time {
            out.push('T');
            time = true;
        }
        let d = match *u {
            "MIN" => "M",
            u => u,
        };
        push_padded(&mut out, (*n).into(), 1);
        out.push_str(d);
    }
    out
}

fn months(a: u32, b: u32, y: Year) -> Expr {
    match (a, b) {
        (1, 6) => Expr::Half { h: 1, y },
        (7, 12) => Expr::Half { h: 2, y },
        (a, b) if b == a + 2 && a % 3 == 1 => Expr::Quarter { q: b / 3, y },
        _ => Expr::Months { a, b, y },
    }
}

/// `"(" day_core ")" | ","? "ngày"? day_core | weekday-free day`.
fn attached_day(i: Toks<'_>) -> R<'_, Expr> {
    if let Ok((r, ())) = kw("(", i) {
        let r = kw("ngày", r).map(|(r, ())| r).unwrap_or(r);
        let (r, e) = day_core(r, true).or_else(|_| day_core(r, false))?;
        let (r, ()) = kw(")", r)?;
        return Ok((r, e));
    }
    let r = kw(",", i).map(|(r, ())| r).unwrap_or(i);
    if let Ok(x) = ngay(r) {
        return Ok(x);
    }
    day_core(r, true)
}

/// `"thứ" (NAME | NUM) | "chủ nhật" | "CN"`, then the attached date or week.
fn weekday<'a>(i: Toks<'a>, cx: &Context<'_>, anchored: bool) -> R<'a, Expr> {
    let (r, wd, cap, alone) = if let Ok((r, ())) = kw("thứ", i) {
        // "lần thứ 2 (17/3)", "tháng thứ 6, ngày 13/4": an ordinal.
        if !anchored && cx.prev.is_some_and(|p| DATA.ordinal_before.contains(p)) {
            return err(i);
        }
        let cap = r.first().is_some_and(|t| t.token.capitalized);
        if let Ok((r, n)) = num_in(r, 2, 7) {
            (r, n - 1, false, false)
        } else {
            let (r, name) = in_map(&DATA.weekdays, r)?;
            if name.flag {
                return err(i);
            }
            (r, name.value, cap, false)
        }
    } else if i.first().is_some_and(|t| t.text() == "CN") {
        (i.take_from(1), 7, true, true)
    } else {
        let (r, name) = in_map(&DATA.weekdays, i)?;
        if !name.flag {
            return err(i);
        }
        (r, name.value, true, true)
    };
    let (r, date) = match attached_day(r) {
        Ok((r, e)) => (r, Some(Box::new(e))),
        Err(_) => (r, None),
    };
    let (r, week) = match kw("tuần", r).and_then(|(r, ())| in_map(&DATA.rel, r)) {
        Ok((r, k)) if date.is_none() => (r, Some(k)),
        _ => (r, None),
    };
    // "Thứ hai, …" opening a sentence is "secondly"; "lần thứ hai" an ordinal.
    let secondly = cx.at_start && !cap && kw(",", r).is_ok();
    let ctx = cx.prev.is_some_and(|p| DATA.time_intro.contains(p));
    let ok = date.is_some() || week.is_some() || alone || cap || anchored || (ctx && !secondly);
    if !ok {
        return err(i);
    }
    Ok((r, Expr::Weekday { wd, date, week }))
}

/// `"(" day_core ")"`: the date a relative word is glossed with ("hôm qua (30/9)").
fn bracketed_day(i: Toks<'_>) -> R<'_, Expr> {
    let (r, ()) = kw("(", i)?;
    let (r, e) = day_core_with(r, true, "/-.")?;
    let (r, ()) = kw(")", r)?;
    Ok((r, e))
}

/// The relative day, or the date written after it, in brackets or not
/// ("hôm qua (30/9)", "sáng nay 23/4").
fn or_bracketed(r: Toks<'_>, e: Expr) -> (Toks<'_>, Expr) {
    match bracketed_day(r).or_else(|_| day_core(r, true)) {
        Ok((r, d @ Expr::Day { .. })) => (r, d),
        _ => (r, e),
    }
}

/// `"hôm nay"`, `"tuần tới"`.
fn relday(i: Toks<'_>) -> R<'_, Expr> {
    if let Ok((r, k)) = in_map(&DATA.relday, i) {
        return Ok(or_bracketed(r, Expr::RelDay(k)));
    }
    let (r, ()) = kw("tuần", i)?;
    let (r, k) = in_map(&DATA.rel, r)?;
    Ok((r, Expr::RelWeek(k)))
}

/// The day a clock time or part of the day is on.
fn on_day<'a>(i: Toks<'a>, cx: &Context<'_>) -> R<'a, Expr> {
    if let Ok(x) = relday(i) {
        return Ok(x);
    }
    if let Ok(x) = weekday(i, cx, true) {
        return Ok(x);
    }
    if let Ok(x) = ngay(i) {
        return Ok(x);
    }
    day_core_with(i, true, "/-.")
}

fn clock<'a>(i: Toks<'a>, cx: &Context<'_>) -> R<'a, Expr> {
    if let Ok((r, ((h1, m1), (h2, m2)))) = num_with(i, token::clocks) {
        // "6-7h sáng ngày 5/9": the part of the day and the day hold for both ends.
        let (r, (p1, p2)) = match in_map(&DATA.pods, r) {
            Ok((r, p)) => {
                let pm = |h: u32| {
                    if p.pm != (0, 0) && (p.pm.0..=p.pm.1).contains(&h) {
                        h + 12
                    } else {
                        h
                    }
                };
                (r, (pm(h1), pm(h2)))
            }
            Err(_) => (r, (h1, h2)),
        };
        let after = kw(",", r).map_or(r, |(r, ())| r);
        let (r, on) = match on_day(after, cx) {
            Ok((r, e)) => (r, Some(Box::new(e))),
            Err(_) => (r, None),
        };
        let time = |h, min| Expr::Time { h, min, on: on.clone() };
        return Ok((r, Expr::Range(Box::new(time(p1, m1)), Box::new(time(p2, m2)))));
    }
    let (r, (mut h, min), token_form, minutes) = if let Ok((r, (h, m))) = num_with(i, token::clock) {
        (r, (h, m), true, false)
    } else {
        let (r, h) = num_in(i, 0, 24)?;
        let (r, ()) = kw("giờ", r)?;
        match num_in(r, 0, 59) {
            Ok((r, m)) => {
                let r = kw("phút", r).map(|(r, ())| r).unwrap_or(r);
                (r, (h, m), false, true)
            }
            Err(_) => (r, (h, 0), false, false),
        }
    };
    let _ = minutes;
    let (r, pod) = match in_map(&DATA.pods, r) {
        Ok((r, p)) => {
            if (p.pm.0..=p.pm.1).contains(&h) && p.pm != (0, 0) {
                h += 12;
            }
            (r, Some(p))
        }
        Err(_) => (r, None),
    };
    // "8 giờ sáng nay", "14 giờ 30 phút chiều 12/10", "9h, ngày 5/9"
    let podrel = pod.and_then(|_| in_map(&DATA.podrel, r).ok());
    let (r, on) = if let Some((r, k)) = podrel {
        (r, Some(Box::new(Expr::RelDay(k))))
    } else {
        let after = kw(",", r).map(|(r, ())| r).unwrap_or(r);
        match on_day(after, cx) {
            Ok((r, e)) => (r, Some(Box::new(e))),
            Err(_) => (r, None),
        }
    };
    let anchored = token_form || pod.is_some() || on.is_some() || cx.prev.is_some_and(|p| DATA.time_intro.contains(p));
    if !anchored || h > 24 {
        return err(i);
    }
    Ok((r, Expr::Time { h, min, on }))
}

/// `POD ( podrel | "ngày"? day_core | weekday )`.
fn pod_day<'a>(i: Toks<'a>, cx: &Context<'_>) -> R<'a, Expr> {
    let (r, pod) = in_map(&DATA.pods, i)?;
    let (r, on) = match in_map(&DATA.podrel, r) {
        Ok((r, k)) => or_bracketed(r, Expr::RelDay(k)),
        Err(_) => on_day(r, cx)?,
    };
    Ok((
        r,
        Expr::PartOfDay {
            pod: pod.code,
            on: Box::new(on),
        },
    ))
}

/// `PART ( "tháng" … | "tuần" rel | "năm" yearval )`: "cuối tháng 6", "đầu
/// năm 2024", "giữa tháng này". The month or year must be written, except
/// as an end of a range (`loose`: "từ đầu năm đến nay"): "đầu năm" alone
/// ("thông điệp đầu năm", "so với đầu năm") and "cuối tuần" are not dates.
fn part(i: Toks<'_>, loose: bool) -> R<'_, Expr> {
    let (r, p) = in_map(&DATA.parts, i)?;
    let (r, of) = if let Ok((r, ())) = kw("tháng", r) {
        match thang_body(r) {
            Ok(x) => x,
            Err(_) if loose => (r, Expr::RelMonth(0)),
            Err(e) => return Err(e),
        }
    } else if let Ok((r, ())) = kw("tuần", r) {
        // "cuối tuần này", "đầu tuần sau"
        match in_map(&DATA.rel, r) {
            Ok((r, k)) => (r, Expr::RelWeek(k)),
            Err(_) if loose => (r, Expr::RelWeek(0)),
            Err(e) => return Err(e),
        }
    } else {
        let (r, ()) = kw("năm", r)?;
        // "từ đầu năm tới nay": "tới" ends the range, it is no "năm tới".
        let to_now = in_set(&DATA.range_to, r)
            .and_then(|(r2, ())| in_set(&DATA.to_now, r2))
            .is_ok();
        match yearval(r).ok().filter(|_| !(loose && to_now)) {
            Some((r, y)) => (r, Expr::Year(y)),
            None if loose => (r, Expr::Year(Year::Unknown)),
            None => return err(i),
        }
    };
    Ok((
        r,
        Expr::Part {
            part: p,
            of: Box::new(of),
        },
    ))
}

/// One end of a "từ … đến …" range.
fn point(i: Toks<'_>, first: bool) -> R<'_, Expr> {
    // Every form below starts with a number or with a word some rule starts with.
    if i.first().is_some_and(|t| t.token.kind != TokenKind::Number) && gate(i) == 0 {
        return err(i);
    }
    static TU: LazyLock<WordId> = LazyLock::new(|| word_id("từ"));
    let cx = Context {
        prev: Some((*TU, "từ")),
        ..Context::default()
    };
    // "từ 8h đến 11h": a clock time, when it reads as one.
    if let Ok(x) = clock(i, &cx) {
        return Ok(x);
    }
    // "từ đêm 15/6 đến sáng 16/6"
    if let Ok(x) = pod_day(i, &cx) {
        return Ok(x);
    }
    for p in [ngay, mong, thang, nam, quy] {
        if let Ok(x) = p(i) {
            return Ok(x);
        }
    }
    if let Ok(x) = part(i, true) {
        return Ok(x);
    }
    if let Ok((r, y)) = year4(i) {
        return Ok((r, Expr::Year(Year::Abs(y))));
    }
    if let Ok((r, (m, y))) = num_with(i, |s| token::my(s, 12)) {
        return Ok((r, Expr::Month { y: Year::Abs(y), m }));
    }
    if let Ok(x) = day_core(i, true) {
        return Ok(x);
    }
    if first {
        let (r, d) = num_in(i, 1, 31)?;
        return Ok((
            r,
            Expr::Day {
                y: Year::Unknown,
                m: None,
                d,
            },
        ));
    }
    err(i)
}

fn range(i: Toks<'_>) -> R<'_, Expr> {
    let (r, ()) = kw("từ", i)?;
    // "từ nay đến cuối năm"
    if let Ok((r2, ())) = in_set(&DATA.to_now, r) {
        let (r2, ()) = in_set(&DATA.range_to, r2)?;
        let (r2, b) = point(r2, false)?;
        return Ok((r2, Expr::FromNow(Box::new(b))));
    }
    let (r, a) = point(r, true)?;
    if let Expr::Years(..) | Expr::Range(..) = a {
        // "từ năm 2015 đến 2020", "từ ngày 15 đến 20/7": the first end was the whole range.
        return Ok((r, a));
    }
    let (r, ()) = in_set(&DATA.range_to, r)?;
    if let Ok((r, ())) = in_set(&DATA.to_now, r) {
        return Ok((r, Expr::ToDate(Box::new(a))));
    }
    let (r, b) = point(r, false)?;
    // A bare day at the start needs a day at the end ("từ 20 đến 25/1").
    if matches!(a, Expr::Day { m: None, .. }) && !matches!(b, Expr::Day { .. }) {
        return err(i);
    }
    // "từ 13 giờ đến 15 giờ": two clock times, each its own entity.
    if matches!(a, Expr::Time { .. }) && matches!(b, Expr::Time { .. }) {
        return err(i);
    }
    Ok((r, Expr::Range(Box::new(a), Box::new(b))))
}

fn intro_years(i: Toks<'_>) -> R<'_, Expr> {
    let (r, ()) = in_set(&DATA.span_intro, i)?;
    if let Ok(x) = range(r) {
        // "giai đoạn từ năm 2021 đến năm 2025"
        return Ok(x);
    }
    if let Ok((r, (a, b))) = num_with(r, token::years) {
        return Ok((r, Expr::Years(a, b)));
    }
    let (r, a) = year4(r)?;
    let (r, ()) = in_set(&DATA.range_to, r)?;
    let (r, b) = year4(r)?;
    if b <= a {
        return err(i);
    }
    Ok((r, Expr::Years(a, b)))
}

fn century(i: Toks<'_>) -> R<'_, Expr> {
    if let Ok((r, ())) = kw("thế", i) {
        let (r, ()) = kw("kỷ", r)?;
        let (r, c) = roman_in(r, 1, 30).or_else(|_| num_in(r, 1, 30))?;
        return Ok((r, Expr::Century(c as i32)));
    }
    let (r, ()) = kw("thập", i)
        .and_then(|(r, ())| kw("niên", r).or_else(|_| kw("kỷ", r)))
        .or_else(|_| kw("những", i).and_then(|(r, ())| kw("năm", r)))?;
    let (r, d) = num_with(r, |s| {
        token::uint(s).filter(|&d| d % 10 == 0 && ((s.len() == 2) || (s.len() == 4 && token::year_ok(d))))
    })?;
    Ok((r, Expr::Decade(d as i32)))
}

/// `STEM BRANCH | NUM4`, after an optional "năm": the year of a lunar date.
fn lunar_year(i: Toks<'_>) -> R<'_, LunarYear> {
    let r = kw("năm", i).map_or(i, |(r, ())| r);
    if let Ok((r, y)) = year4(r) {
        return Ok((r, LunarYear::Abs(y)));
    }
    let (r, stem) = in_map(&DATA.stems, r)?;
    let (r, branch) = in_map(&DATA.branches, r)?;
    Ok((r, LunarYear::Named(stem, branch)))
}

fn opt_lunar_year(i: Toks<'_>) -> (Toks<'_>, LunarYear) {
    lunar_year(i).unwrap_or((i, LunarYear::Unknown))
}

/// `"âm" "lịch"?` ("âm lịch", "tháng 7 âm").
fn am_lich(i: Toks<'_>) -> R<'_, ()> {
    let (r, ()) = kw("âm", i)?;
    Ok(kw("lịch", r).unwrap_or((r, ())))
}

/// `"nhuận"?`
fn leap(i: Toks<'_>) -> (Toks<'_>, bool) {
    kw("nhuận", i).map_or((i, false), |(r, ())| (r, true))
}

/// Lunar dates:
/// ```text
/// lunar := "ngày"? day_prefix NUM "Tết" ("Nguyên" "đán")? lunar_year?   ("mùng 1 Tết")
///        | "Tết" ("Nguyên" "đán")? "năm"? STEM BRANCH                    ("Tết Nguyên đán Giáp Thìn")
///        | "rằm" "tháng" month "nhuận"? am_lich? lunar_year?             ("rằm tháng Giêng")
///        | "ngày"? day_prefix? (DM | NUM "tháng" month) "nhuận"? am_lich lunar_year?  ("15/8 âm lịch")
///        | "tháng" month "nhuận"? am_lich lunar_year?                    ("tháng 7 âm lịch": the whole month)
/// ```
/// A holiday alone ("Tết Nguyên đán", "Tết Nguyên đán 2025") is not a
/// date; with a year name it is still read whole ("Tết Nguyên đán Giáp
/// Thìn"), so the year name is not taken for a person.
fn lunar(i: Toks<'_>) -> R<'_, Expr> {
    let lunar = |d, m, leap, y| Expr::Lunar { d, m, leap, y };
    // "Tết Nguyên đán Giáp Thìn": kept whole while the year name would
    // otherwise read as a person's name ("Giáp Thìn"); "Tết Nguyên đán" and
    // "Tết Nguyên đán 2025" alone are not dates.
    if let Ok((r, ())) = kw("tết", i) {
        let r = kw("nguyên", r).and_then(|(r, ())| kw("đán", r)).map_or(r, |(r, ())| r);
        let r = kw("năm", r).map_or(r, |(r, ())| r);
        let (r, stem) = in_map(&DATA.stems, r)?;
        let (r, branch) = in_map(&DATA.branches, r)?;
        return Ok((r, lunar(Some(1), 1, false, LunarYear::Named(stem, branch))));
    }
    // "rằm tháng Giêng"
    if let Ok((r, ())) = kw("rằm", i) {
        let (r, ()) = kw("tháng", r)?;
        let (r, m) = month(r)?;
        let (r, is_leap) = leap(r);
        let r = am_lich(r).map_or(r, |(r, ())| r);
        let (r, y) = opt_lunar_year(r);
        return Ok((r, lunar(Some(15), m, is_leap, y)));
    }
    // "tháng 7 âm lịch"
    if let Ok((r, ())) = kw("tháng", i) {
        let (r, m) = month(r)?;
        let (r, is_leap) = leap(r);
        let (r, ()) = am_lich(r)?;
        let (r, y) = opt_lunar_year(r);
        return Ok((r, lunar(None, m, is_leap, y)));
    }
    let r = kw("ngày", i).map_or(i, |(r, ())| r);
    let (r, prefixed) = in_set(&DATA.day_prefix, r).map_or((r, false), |(r, ())| (r, true));
    // "mùng 1 Tết"
    if prefixed {
        if let Ok((r2, d)) = num_in(r, 1, 30) {
            if let Ok((r3, ())) = kw("tết", r2) {
                let r3 = kw("nguyên", r3)
                    .and_then(|(r, ())| kw("đán", r))
                    .map_or(r3, |(r, ())| r);
                let (r3, y) = opt_lunar_year(r3);
                return Ok((r3, lunar(Some(d), 1, false, y)));
            }
        }
    }
    // "15/8 âm lịch", "mùng 10 tháng 3 âm lịch"
    let (r, (d, m)) = num_with(r, |s| token::dm(s, "/-.")).or_else(|_| {
        let (r, d) = num_in(r, 1, 30)?;
        let (r, ()) = kw("tháng", r)?;
        let (r, m) = month(r)?;
        Ok((r, (d, m)))
    })?;
    let (r, is_leap) = leap(r);
    let (r, ()) = am_lich(r)?;
    let (r, y) = opt_lunar_year(r);
    Ok((r, lunar(Some(d), m, is_leap, y)))
}

/// Bare number tokens: "16/6/2023", "16/6", "6/2023", "2021-2025".
fn bare<'a>(i: Toks<'a>, cx: &Context<'_>) -> R<'a, Expr> {
    // "số 12/2023/NĐ-CP": a document number, not a date; "24/7": round the clock.
    if i.get(1).is_some_and(|t| t.glued() && t.key == "/")
        || i.first().is_some_and(|t| DATA.not_date.contains(t.keyed()))
    {
        return err(i);
    }
    let (r, e) = if let Ok((r, (a, b))) = num_with(i, token::years) {
        (r, Expr::Years(a, b))
    } else if let Ok((r, (m, y))) = num_with(i, |s| token::my(s, 12)) {
        (r, Expr::Month { y: Year::Abs(y), m })
    } else {
        day_core(i, true)?
    };
    // "30/4 - 1/5": two bare days joined by a dash or "đến".
    let (r, e) = match (&e, in_set(&DATA.range_to, r)) {
        (Expr::Day { m: Some(_), .. }, Ok((r2, ()))) => match day_core(r2, true) {
            Ok((r3, b @ Expr::Day { .. })) => (r3, Expr::Range(Box::new(e), Box::new(b))),
            _ => (r, e),
        },
        _ => (r, e),
    };
    let full = matches!(e, Expr::Day { y: Year::Abs(_), .. });
    // "tỷ lệ 1/5", "2/3 số xã", "số 12/2023": a fraction or a number, not a date.
    let before = cx.prev.is_some_and(|p| DATA.not_after.contains(p));
    let after = r.first().is_some_and(|t| DATA.not_before.contains(t.keyed()));
    if !full && (before || after) {
        return err(i);
    }
    Ok((r, e))
}

/// A month, week, quarter or year counted from the reference ("tháng trước", "năm nay").
fn relative(e: &Expr) -> bool {
    matches!(
        e,
        Expr::Year(Year::Rel(_)) | Expr::RelMonth(_) | Expr::RelWeek(_) | Expr::RelQuarter(_)
    )
}

/// `"tuần" NUM(1–53)`: a numbered ISO week ("tuần 34").
fn iso_week(i: Toks<'_>) -> R<'_, Expr> {
    let (r, ()) = kw("tuần", i)?;
    let (r, w) = num_in(r, 1, 53)?;
    let (r, y) = opt_year(r);
    // "tuần 3 buổi": a count, not a week number (counts per week are small).
    if w <= 7 && r.first().is_some_and(|t| t.token.kind != TokenKind::Punct) && y == Year::Unknown {
        return err(i);
    }
    Ok((r, Expr::Week { w, y }))
}

/// A bare four-digit year that closes a name: "Luật Đất đai 2024", "vụ Hè
/// Thu 2024", "Chương trình giáo dục phổ thông 2018" (the word before is
/// capitalized and does not open the sentence, or is a season word).
fn bare_year<'a>(i: Toks<'a>, cx: &Context<'_>) -> R<'a, Expr> {
    if !cx.prev_name {
        return err(i);
    }
    let (r, y) = year4(i)?;
    if !(1900..=2100).contains(&y) {
        return err(i);
    }
    // "Luật 2024/QH15", "2024-2025": part of something longer.
    if r.first()
        .is_some_and(|t| t.glued() && (t.token.kind != TokenKind::Punct || matches!(t.key, "/" | "-" | "–")))
    {
        return err(i);
    }
    Ok((r, Expr::Year(Year::Abs(y))))
}

/// A rule that starts with a word, and the words it can start with: tried
/// at any other word, it fails at once.
struct WordRule {
    /// The first words (keys) of its phrases.
    firsts: fn(&Data) -> Vec<&str>,
    /// The rule.
    parse: for<'a> fn(Toks<'a>, &Context<'_>) -> R<'a, Found>,
}

fn e(res: R<'_, Expr>) -> R<'_, Found> {
    res.map(|(r, e)| (r, Found::Expr(e)))
}

/// The rules tried at a word, in this order (ties: the first listed).
static WORD_RULES: [WordRule; 17] = [
    // "mười năm", "hai ngày", "hai mươi lăm ngày" (first: see SPELLED_COUNT)
    WordRule {
        firsts: |d| d.count_words.iter().collect(),
        parse: n_unit,
    },
    // "từ 3 đến 5 năm": a range of durations, "từ" inside.
    WordRule {
        firsts: |_| vec!["từ"],
        parse: |i, cx| {
            let (r, ()) = kw("từ", i)?;
            count_range(r, cx)
        },
    },
    WordRule {
        firsts: |_| vec!["từ"],
        parse: |i, _| e(range(i)),
    },
    WordRule {
        firsts: |d| d.span_intro.first_words().collect(),
        parse: |i, _| e(intro_years(i)),
    },
    WordRule {
        firsts: |d| d.pods.first_words().collect(),
        parse: |i, cx| e(pod_day(i, cx)),
    },
    // A weekday name that is not the start of one standing alone fails.
    WordRule {
        firsts: |d| {
            let alone = d.weekdays.iter().filter(|(_, n)| n.flag);
            let firsts = alone.map(|(k, _)| k.split(' ').next().unwrap_or(k));
            ["thứ", "cn"].into_iter().chain(firsts).collect()
        },
        parse: |i, cx| e(weekday(i, cx, false)),
    },
    WordRule {
        firsts: |_| vec!["ngày"],
        parse: |i, _| e(ngay(i)),
    },
    WordRule {
        firsts: |d| d.day_prefix.first_words().collect(),
        parse: |i, _| e(mong(i)),
    },
    WordRule {
        firsts: |_| vec!["tháng"],
        parse: |i, _| e(thang(i)),
    },
    WordRule {
        firsts: |_| vec!["năm"],
        parse: |i, _| e(nam(i)),
    },
    WordRule {
        firsts: |_| vec!["quý"],
        parse: |i, _| e(quy(i)),
    },
    WordRule {
        firsts: |_| vec!["nửa"],
        parse: |i, _| e(nua(i)),
    },
    WordRule {
        firsts: |d| d.parts.first_words().collect(),
        parse: |i, _| e(part(i, false)),
    },
    WordRule {
        firsts: |_| vec!["thế", "thập", "những"],
        parse: |i, _| e(century(i)),
    },
    WordRule {
        firsts: |d| d.relday.first_words().chain(["tuần"]).collect(),
        parse: |i, _| e(relday(i)),
    },
    // At a word, a lunar date starts with one of these (else with a number).
    WordRule {
        firsts: |d| {
            ["tết", "rằm", "tháng", "ngày"]
                .into_iter()
                .chain(d.day_prefix.first_words())
                .collect()
        },
        parse: |i, _| e(lunar(i)),
    },
    WordRule {
        firsts: |_| vec!["tuần"],
        parse: |i, _| e(iso_week(i)),
    },
];

/// What can follow a plain number ("5", "2023") in the phrases of a rule
/// that starts with a number.
enum After {
    /// Any word, or none.
    Any,
    /// One of these words (none: the rule reads only numbers with separators).
    Words(fn(&Data) -> Vec<&str>),
}

/// A rule that starts with a number token.
struct NumberRule {
    /// What follows a plain number in its phrases.
    after_plain: After,
    /// Whether a number with separators ("16/6", "14h30", "1.234") can start it.
    separated: bool,
    /// The rule.
    parse: for<'a> fn(Toks<'a>, &Context<'_>) -> R<'a, Found>,
}

/// The rules tried at a number, in this order (ties: the first listed).
static NUMBER_RULES: [NumberRule; 6] = [
    // "16/6/2023", "6/2023", "2021-2025": one-token forms, all with separators.
    NumberRule {
        after_plain: After::Words(|_| vec![]),
        separated: true,
        parse: |i, cx| e(bare(i, cx)),
    },
    // "15/8 âm lịch", "15 tháng 8 âm lịch"
    NumberRule {
        after_plain: After::Words(|_| vec!["tháng"]),
        separated: true,
        parse: |i, _| e(lunar(i)),
    },
    // "16 tháng 6 năm 2023" (no "ngày"): a day with its month written out.
    NumberRule {
        after_plain: After::Words(|_| vec!["tháng"]),
        separated: false,
        parse: |i, _| {
            let plain = i.first().is_some_and(|t| token::uint(t.text()).is_some());
            if !plain || kw("tháng", i.take_from(1)).is_err() {
                return err(i);
            }
            match day_core(i, false) {
                Ok((r, d @ Expr::Day { m: Some(_), .. })) => Ok((r, Found::Expr(d))),
                _ => err(i),
            }
        },
    },
    // "14h30", "8h-11h", "14 giờ 30 phút"
    NumberRule {
        after_plain: After::Words(|_| vec!["giờ"]),
        separated: true,
        parse: |i, cx| e(clock(i, cx)),
    },
    // "3 tháng", "5 đến 7 ngày", "3 quý đầu năm 2023"
    NumberRule {
        after_plain: After::Words(after_count),
        separated: false,
        parse: n_unit,
    },
    // "Luật Đất đai 2024": decided by the words before it.
    NumberRule {
        after_plain: After::Any,
        separated: false,
        parse: |i, cx| e(bare_year(i, cx)),
    },
];

/// The bit of the spelled count rule, the first of `WORD_RULES`.
const SPELLED_COUNT: u32 = 1;

/// The words that can follow a count in [`n_unit`]: a unit, the second
/// end of a range, "quý".
fn after_count(d: &Data) -> Vec<&str> {
    let units = d.units.first_words().chain(d.range_to.first_words());
    units.chain(["quý"]).collect()
}

/// Which rules can start at a token, as bit sets (bit `k` for rule `k` of
/// `WORD_RULES` or `NUMBER_RULES`), built from the rules' first words and
/// what follows a plain number in them.
struct Gates {
    /// The word rules each first word can start.
    words: WordMap<u32>,
    /// The number rules a plain number followed by the word can start.
    plain_before: WordMap<u32>,
    /// The number rules a plain number can start whatever follows.
    plain_any: u32,
    /// [`after_count`].
    after_count: WordSet,
    /// The number rules a number with separators can start (when it may be
    /// one of the one-token forms: [`token::may_be_form`]).
    separated: u32,
}

static GATES: LazyLock<Gates> = LazyLock::new(|| {
    let mut gates = Gates {
        words: WordMap::default(),
        plain_before: WordMap::default(),
        plain_any: 0,
        separated: 0,
        after_count: WordSet::from_keys(after_count(&DATA)),
    };
    for (k, rule) in WORD_RULES.iter().enumerate() {
        for word in (rule.firsts)(&DATA) {
            *gates.words.get_or_insert_with(word, || 0) |= 1 << k;
        }
    }
    for (k, rule) in NUMBER_RULES.iter().enumerate() {
        match rule.after_plain {
            After::Any => gates.plain_any |= 1 << k,
            After::Words(words) => {
                for word in words(&DATA) {
                    *gates.plain_before.get_or_insert_with(word, || 0) |= 1 << k;
                }
            }
        }
        if rule.separated {
            gates.separated |= 1 << k;
        }
    }
    gates
});

/// The rules that can start at the first token of `i` (see [`Gates`]).
fn gate(i: Toks<'_>) -> u32 {
    let Some(first) = i.first() else { return 0 };
    let gates = &*GATES;
    if first.token.kind != TokenKind::Number {
        let rules = gates.words.get(first.keyed()).copied().unwrap_or(0);
        // A spelled count reads only number words: the word after its first
        // is another, or what follows a count ("hai mươi ngày", "hai ngày").
        let next = i.get(1);
        if rules & SPELLED_COUNT == 0
            || next.is_some_and(|t| role(&t).is_some() || gates.after_count.contains(t.keyed()))
        {
            return rules;
        }
        return rules & !SPELLED_COUNT;
    }
    let text = first.text();
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return if token::may_be_form(text) { gates.separated } else { 0 };
    }
    let before = i.get(1).and_then(|t| gates.plain_before.get(t.keyed()).copied());
    gates.plain_any | before.unwrap_or(0)
}

/// The words a phrase can start with (besides number tokens): the
/// recognizer's triggers.
pub fn first_words() -> impl Iterator<Item = &'static str> {
    GATES.words.iter().map(|(k, _)| k)
}

/// Every parser that can start at the first token of `i`; the longest
/// match wins (ties: the first listed). Returns the match and its length.
pub fn parse_at(i: Toks<'_>, cx: &Context<'_>) -> Option<(Found, usize)> {
    parse_with(i, cx, gate(i))
}

/// [`parse_at`] with the context built only when some rule can start at
/// `i` (at many trigger tokens none can: "1.234", "một người").
pub fn parse_at_with<'c>(i: Toks<'_>, cx: impl FnOnce() -> Context<'c>) -> Option<(Found, usize)> {
    match gate(i) {
        0 => None,
        rules => parse_with(i, &cx(), rules),
    }
}

/// [`parse_at`] trying the rules in the bit set `rules` (of `NUMBER_RULES`
/// at a number, else of `WORD_RULES`).
fn parse_with(i: Toks<'_>, cx: &Context<'_>, mut rules: u32) -> Option<(Found, usize)> {
    let start = i.offset();
    let mut best: Option<(Found, usize)> = None;
    let mut consider = |res: R<'_, Found>| {
        if let Ok((r, f)) = res {
            let n = r.offset() - start;
            if n > 0 && best.as_ref().is_none_or(|(_, m)| n > *m) {
                best = Some((f, n));
            }
        }
    };
    let first = i.first()?;
    if first.token.kind == TokenKind::Number {
        while rules != 0 {
            let k = rules.trailing_zeros() as usize;
            rules &= rules - 1;
            consider((NUMBER_RULES[k].parse)(i, cx));
        }
        return best;
    }
    while rules != 0 {
        let k = rules.trailing_zeros() as usize;
        rules &= rules - 1;
        consider((WORD_RULES[k].parse)(i, cx));
    }
    // "so với tháng trước", "cùng kỳ năm trước", "2 năm tới": a comparison
    // base or the tail of a duration, not a date.
    let base = cx.prev.is_some_and(|p| DATA.base_before.contains(p)) || cx.prev_count;
    if base && matches!(&best, Some((Found::Expr(e), _)) if relative(e)) {
        return None;
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recognizers::temporal::expr;
    use crate::tokenizer::tokenize;

    /// Parses `text` from its first token; returns the match and its length.
    fn parse(text: &str) -> Option<(Found, usize)> {
        let toks = tokenize(text);
        let input = Toks::new(text, &toks.tokens, &toks.keys);
        let cx = Context {
            at_start: true,
            ..Context::default()
        };
        parse_at(input, &cx)
    }

    #[test]
    fn phrases_become_partial_values() {
        let day = |y, m, d| Expr::Day { y, m, d };
        assert_eq!(
            parse("ngày 16/6 tại"),
            Some((Found::Expr(day(Year::Unknown, Some(6), 16)), 2))
        );
        assert_eq!(
            parse("16 tháng 6 năm 2023"),
            Some((Found::Expr(day(Year::Abs(2023), Some(6), 16)), 5))
        );
        assert_eq!(
            parse("quý III/2023"),
            Some((
                Found::Expr(Expr::Quarter {
                    q: 3,
                    y: Year::Abs(2023)
                }),
                4
            ))
        );
        assert_eq!(parse("năm ngoái"), Some((Found::Expr(Expr::Year(Year::Rel(-1))), 2)));
        // The tail marks a length and stays outside.
        assert_eq!(parse("3 tháng qua"), Some((Found::Duration("P3M".into()), 2)));
        assert_eq!(parse("mười năm"), Some((Found::Duration("P10Y".into()), 2)));
        assert_eq!(parse("hai mươi lăm ngày"), Some((Found::Duration("P25D".into()), 4)));
        assert_eq!(parse("5 đến 7 ngày"), Some((Found::Duration("P5D/P7D".into()), 4)));
        assert_eq!(
            parse("bảy năm sáu tháng tù"),
            Some((Found::Duration("P7Y6M".into()), 4))
        );
        assert_eq!(parse("2 ngày 3 giờ"), Some((Found::Duration("P2DT3H".into()), 4)));
        assert_eq!(parse("một ngày nào đó"), None);
        assert_eq!(
            parse("tuần 34"),
            Some((
                Found::Expr(Expr::Week {
                    w: 34,
                    y: Year::Unknown
                }),
                2
            ))
        );
        assert_eq!(
            parse("10 tháng, xuất khẩu"),
            Some((
                Found::Expr(Expr::Months {
                    a: 1,
                    b: 10,
                    y: Year::Unknown
                }),
                2
            ))
        );
        assert_eq!(
            parse("2 giờ chiều"),
            Some((
                Found::Expr(Expr::Time {
                    h: 14,
                    min: 0,
                    on: None
                }),
                3
            ))
        );
    }

    /// Calls `f` at every token of every sentence of the test tables and
    /// the corpus, with the context of the words before it; returns how many.
    fn at_every_token(mut f: impl FnMut(Toks<'_>, &Context<'_>)) -> usize {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts = vec![std::fs::read_to_string(dir.join("tests/data/temporal.tsv")).unwrap()];
        for entry in std::fs::read_dir(dir.join("corpus")).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "jsonl") {
                texts.push(std::fs::read_to_string(path).unwrap());
            }
        }
        let mut tried = 0;
        for text in &texts {
            for line in text.lines() {
                let toks = tokenize(line);
                for s in &toks.sentences {
                    for at in s.tokens.clone() {
                        let input = Toks::window(line, &toks.tokens, &toks.keys, at, s.tokens.end);
                        let key = |j: usize| (toks.tokens[j].word, toks.key_of(&toks.tokens[j]));
                        let cx = Context {
                            prev: (at > s.tokens.start).then(|| key(at - 1)),
                            prev2: (at > s.tokens.start + 1).then(|| key(at - 2)),
                            at_start: at == s.tokens.start,
                            ..Context::default()
                        };
                        f(input, &cx);
                        tried += 1;
                    }
                }
            }
        }
        tried
    }

    /// Trying only the rules that can start at a token (its word, or the
    /// word after a plain number) answers as trying every rule.
    #[test]
    fn gated_rules_answer_as_all_rules() {
        let tried = at_every_token(|input, cx| {
            let all = match input.first().unwrap().token.kind {
                TokenKind::Number => (1u32 << NUMBER_RULES.len()) - 1,
                _ => (1u32 << WORD_RULES.len()) - 1,
            };
            let at = input.offset();
            assert_eq!(parse_at(input, cx), parse_with(input, cx, all), "at {at}");
        });
        assert!(tried > 100_000, "{tried}");
    }

    /// Every expression found comes back whole from its encoding.
    #[test]
    fn expressions_found_round_trip_through_their_encoding() {
        let mut found = 0;
        at_every_token(|input, cx| {
            if let Some((Found::Expr(e), _)) = parse_at(input, cx) {
                assert_eq!(
                    expr::decode(&expr::encode(&e)).as_ref(),
                    Some(&e),
                    "{}",
                    expr::encode(&e)
                );
                found += 1;
            }
        });
        assert!(found > 1_000, "{found}");
    }

    #[test]
    fn look_alikes_are_refused() {
        assert_eq!(parse("Thứ hai, cần"), None);
        assert_eq!(parse("1A"), None);
        assert_eq!(parse("12/2023/NĐ-CP"), None);
        assert_eq!(parse("2/3 số xã"), None);
        assert_eq!(parse("tháng năm gian khó"), None);
        // "năm tháng" (years and months): a lone "năm" is no count.
        assert_eq!(parse("năm tháng qua"), None);
        assert_eq!(parse("cùng kỳ năm trước"), None);
        assert_eq!(parse("đầu năm"), None);
    }
}
