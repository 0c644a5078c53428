//! Spelled and mixed numbers across tokens: nom over [`Toks`].
//!
//! ```text
//! magnitude   := lead point_frac? scale_part*          capped at 12 groups
//! lead        := number_token | below_thousand
//! scale_part  := scale+ "rưỡi"?                        "nghìn tỷ" chains: 10^12
//!              | group scale+                          "hai triệu ba trăm nghìn"
//!              | final_group                           "hai nghìn không trăm hai mươi ba"
//! group       := number_token | below_thousand         (followed by a smaller scale)
//! final_group := below_thousand with "trăm", "mươi", "mười" or "linh"   (no bare digit:
//!                "hai nghìn năm" stays 2000 + "năm")
//! below_thousand := digit "trăm" ( "rưỡi" | zero digit | tens )?
//!                 | tens
//! tens        := "mười" after_ten? | digit(2-9) ("mươi" | "chục") after_tens? | digit
//! after_ten   := một | hai | ba | bốn | tư | lăm | nhăm | sáu | bảy | tám | chín
//! after_tens  := mốt | một | hai | ba | tư | bốn | lăm | nhăm | sáu | bảy | tám | chín
//! zero        := "linh" | "lẻ"
//! point_frac  := ("phẩy" | "chấm") ( tens_pair | digit | "lăm" ){1,6}   "ba phẩy bốn" = 3,4
//! scale       := "nghìn" | "ngàn" | "vạn" | "triệu" | "tỷ" | "tỉ" | "chục" (before a scale)
//! ```
//!
//! "năm" never follows "mười"/"mươi" ("mười năm" is ten years, 15 is "mười
//! lăm"); "không" starts a number only before "trăm" or "phẩy"; "tư", "mốt",
//! "lăm" never start one ("tư nhân", "đầu tư"). A scale multiplies every group
//! read since the last larger scale, so "một nghìn hai trăm triệu" is
//! 1.200.000.000 and "hai nghìn tỷ" is 2.000.000.000.000.

use super::digits::{parse_number_token, NumberToken};
use super::lexicon::{DropFront, WordRole, LEXICON};
use crate::decimal::Decimal;
use crate::token_input::{Tok, TokError, TokResult, Toks};
use crate::tokenizer::TokenKind;
use crate::vocab::UNLISTED;
use nom::error::{ErrorKind, ParseError};

/// A figure read from one or more tokens, before any unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Magnitude {
    /// The value.
    pub value: Decimal,
    /// Number of number words used (0 for a bare number token).
    pub words: usize,
    /// True when it started with a digit token ("3,5 triệu").
    pub digits: bool,
    /// Power of ten applied to the first group ("7 triệu" = 6, "1,2 nghìn tỷ" = 12).
    pub first_exp: u32,
    /// True when the figure is a lone digit word ("hai", "năm"): too ambiguous
    /// to be a number without a unit after it.
    pub lone_word: bool,
}

fn fail<T>(input: Toks<'_>) -> TokResult<'_, T> {
    Err(nom::Err::Error(TokError::from_error_kind(input, ErrorKind::Verify)))
}

/// The role of a token as a number word.
#[inline]
pub fn role(t: &Tok<'_>) -> Option<WordRole> {
    if t.token.kind != TokenKind::Word {
        return None;
    }
    match t.token.word {
        UNLISTED => LEXICON.words.get(t.keyed()).copied(),
        id => LEXICON.role_by_id(id),
    }
}

/// The role of the `i`-th token of `input`: a listed word's by its id
/// alone, so only an unlisted word's key is read.
#[inline(always)]
fn role_at(input: &Toks<'_>, i: usize) -> Option<WordRole> {
    let t = input.token(i)?;
    if t.kind != TokenKind::Word {
        return None;
    }
    match t.word {
        UNLISTED => unlisted_role(input, i),
        id => LEXICON.role_by_id(id),
    }
}

/// [`role_at`] of an unlisted word, by its key.
#[inline(never)]
fn unlisted_role(input: &Toks<'_>, i: usize) -> Option<WordRole> {
    input.get(i).and_then(|t| role(&t))
}

/// The digit a word of role `role` gives after "mười" (`after_ten`) or
/// "mươi" (`!after_ten`): never "năm".
fn unit_after(role: Option<WordRole>, after_ten: bool) -> Option<u8> {
    match role? {
        WordRole::Digit(5) | WordRole::Digit(0) => None,
        WordRole::Digit(1) => Some(1),
        WordRole::Digit(d) => Some(d),
        WordRole::Unit(1) if after_ten => None,
        WordRole::Unit(u) => Some(u),
        _ => None,
    }
}

/// `tens`: 0-99 from spelled words; (value, words used).
fn tens(input: Toks<'_>) -> TokResult<'_, u32> {
    match role_at(&input, 0) {
        Some(WordRole::Ten) => {
            let rest = input.drop_front(1);
            match unit_after(role_at(&rest, 0), true) {
                Some(u) => Ok((rest.drop_front(1), 10 + u as u32)),
                None => Ok((rest, 10)),
            }
        }
        Some(WordRole::Digit(d)) => {
            let rest = input.drop_front(1);
            if d >= 2 && matches!(role_at(&rest, 0), Some(WordRole::Tens | WordRole::Dozen)) {
                let is_dozen = role_at(&rest, 0) == Some(WordRole::Dozen);
                let rest = rest.drop_front(1);
                if is_dozen {
                    // "hai chục" = 20; in "hai chục nghìn" the scale rule reads "chục nghìn".
                    if matches!(role_at(&rest, 0), Some(WordRole::Scale(_))) {
                        return Ok((input.drop_front(1), d as u32));
                    }
                    return Ok((rest, d as u32 * 10));
                }
                match unit_after(role_at(&rest, 0), false) {
                    Some(u) => Ok((rest.drop_front(1), d as u32 * 10 + u as u32)),
                    None => Ok((rest, d as u32 * 10)),
                }
            } else {
                Ok((rest, d as u32))
            }
        }
        _ => fail(input),
    }
}

/// `below_thousand`: 0-999 from spelled words.
pub fn below_thousand(input: Toks<'_>) -> TokResult<'_, u32> {
    let Some(WordRole::Digit(h)) = role_at(&input, 0) else {
        return tens(input);
    };
    if role_at(&input, 1) != Some(WordRole::Hundred) {
        if h == 0 && role_at(&input, 1) != Some(WordRole::Point) {
            return fail(input);
        }
        return tens(input);
    }
    let rest = input.drop_front(2);
    let base = h as u32 * 100;
    match role_at(&rest, 0) {
        Some(WordRole::Half) => Ok((rest.drop_front(1), base + 50)),
        Some(WordRole::Zero) => match role_at(&rest, 1) {
            Some(WordRole::Digit(d)) if d > 0 => Ok((rest.drop_front(2), base + d as u32)),
            Some(WordRole::Unit(4)) => Ok((rest.drop_front(2), base + 4)),
            _ => Ok((rest, base)),
        },
        Some(WordRole::Ten | WordRole::Digit(_)) => match tens(rest) {
            // A bare digit after "trăm" is colloquial ("hai trăm tư" = 240); not read.
            Ok((r, v)) if v >= 10 => Ok((r, base + v)),
            _ => Ok((rest, base)),
        },
        _ => Ok((rest, base)),
    }
}

/// True when `input` starts with a spelled `final_group` word: a hundreds,
/// tens or "linh" group, not a bare digit.
fn is_compound_group(input: &Toks<'_>) -> bool {
    match role_at(input, 0) {
        Some(WordRole::Ten) => true,
        Some(WordRole::Zero) => matches!(role_at(input, 1), Some(WordRole::Digit(1..=9) | WordRole::Unit(4))),
        Some(WordRole::Digit(_)) => matches!(
            role_at(input, 1),
            Some(WordRole::Hundred | WordRole::Tens | WordRole::Dozen)
        ),
        _ => false,
    }
}

/// Digits after "phẩy": "bốn" → "4", "hai lăm" → "25", "mười lăm" → "15".
fn fraction_digits(input: Toks<'_>) -> TokResult<'_, String> {
    let mut out = String::new();
    let mut rest = input;
    for _ in 0..6 {
        let r = role_at(&rest, 0);
        match r {
            Some(WordRole::Ten) | Some(WordRole::Digit(2..=9))
                if matches!(r, Some(WordRole::Ten)) || role_at(&rest, 1) == Some(WordRole::Tens) =>
            {
                let (r, v) = tens(rest)?;
                out.push_str(&format!("{v:02}"));
                rest = r;
            }
            Some(WordRole::Digit(d)) => {
                out.push((b'0' + d) as char);
                rest = rest.drop_front(1);
            }
            Some(WordRole::Unit(5)) if !out.is_empty() => {
                out.push('5');
                rest = rest.drop_front(1);
            }
            _ => break,
        }
    }
    if out.is_empty() {
        fail(input)
    } else {
        Ok((rest, out))
    }
}

/// Scale words at the start of `input`: (total power of ten, words used).
/// "chục" counts only before another scale ("chục nghìn").
/// The powers of ten are the first `n` of the array.
fn scales(input: &Toks<'_>) -> ([u32; 4], usize) {
    let mut exps = [0; 4];
    let mut i = 0;
    while i < 4 {
        exps[i] = match role_at(input, i) {
            Some(WordRole::Scale(e)) => e,
            Some(WordRole::Dozen) if matches!(role_at(input, i + 1), Some(WordRole::Scale(_))) => 1,
            _ => break,
        };
        i += 1;
    }
    (exps, i)
}

/// True when `input` starts with a scale word ("triệu", "chục nghìn"): a
/// number before it is multiplied.
pub(super) fn starts_scale(input: &Toks<'_>) -> bool {
    // What `scales` finds first: a scale, or "chục" before one.
    match role_at(input, 0) {
        Some(WordRole::Scale(_)) => true,
        Some(WordRole::Dozen) => matches!(role_at(input, 1), Some(WordRole::Scale(_))),
        _ => false,
    }
}

/// Scale words at the start of `input` as one power of ten ("nghìn tỷ" =
/// 12) and the number of words ("5-7 triệu").
pub fn scale_words(input: &Toks<'_>) -> (u32, usize) {
    let (exps, n) = scales(input);
    (exps[..n].iter().sum(), n)
}

/// Groups read so far, each with the power of ten of its scale.
struct Acc {
    groups: [(Decimal, u32); 12],
    len: usize,
    first_exp: u32,
}

impl Acc {
    fn new() -> Acc {
        Acc {
            groups: [(Decimal::ZERO, 0); 12],
            len: 0,
            first_exp: 0,
        }
    }

    /// Applies scale 10^e to `current` and every group of a smaller scale.
    fn scale(&mut self, current: Option<Decimal>, e: u32) -> Option<()> {
        let mut sum = current.unwrap_or(Decimal::ZERO);
        let popped_any = self.len > 0 && self.groups[self.len - 1].1 < e;
        while self.len > 0 && self.groups[self.len - 1].1 < e {
            sum = sum.add(self.groups[self.len - 1].0)?;
            self.len -= 1;
        }
        if current.is_none() && !popped_any {
            return None;
        }
        if self.len == 0 {
            self.first_exp += e;
        }
        if self.len == self.groups.len() {
            return None;
        }
        self.groups[self.len] = (sum.mul(Decimal::pow10(e))?, e);
        self.len += 1;
        Some(())
    }

    fn half(&mut self) -> Option<()> {
        let (v, e) = self.groups[self.len.checked_sub(1)?];
        let half = Decimal::new(5, 1)?.mul(Decimal::pow10(e))?;
        self.groups[self.len - 1] = (v.add(half)?, e);
        Some(())
    }

    fn total(&self, last: Option<Decimal>) -> Option<Decimal> {
        let mut sum = last.unwrap_or(Decimal::ZERO);
        for (v, _) in &self.groups[..self.len] {
            sum = sum.add(*v)?;
        }
        Some(sum)
    }
}

/// A lead or group: a plain number token (no range, unit or glued scale)
/// or a spelled number below a thousand, with a "phẩy" fraction when `lead`.
fn group(input: Toks<'_>, lead: bool) -> TokResult<'_, (Decimal, usize, bool)> {
    let Some(first) = input.token(0) else {
        return fail(input);
    };
    if first.kind == TokenKind::Number {
        let text = input.get(0).expect("a first token").text();
        return match parse_number_token(text).as_ref().and_then(plain_value) {
            Some(v) => Ok((input.drop_front(1), (v, 0, true))),
            None => fail(input),
        };
    }
    if !lead && role_at(&input, 0) == Some(WordRole::Zero) {
        // "một nghìn lẻ năm" = 1005.
        return match role_at(&input, 1) {
            Some(WordRole::Digit(d @ 1..=9) | WordRole::Unit(d @ 4)) => {
                Ok((input.drop_front(2), (Decimal::from_int(d as i128), 2, false)))
            }
            _ => fail(input),
        };
    }
    let (rest, v) = below_thousand(input)?;
    let mut words = input.len() - rest.len();
    let mut value = Decimal::from_int(v as i128);
    let mut rest = rest;
    if lead && role_at(&rest, 0) == Some(WordRole::Point) {
        if let Ok((r, frac)) = fraction_digits(rest.drop_front(1)) {
            if let Some(d) = Decimal::parse(&format!("{v}.{frac}")) {
                words += rest.len() - r.len();
                value = d;
                rest = r;
            }
        }
    }
    Ok((rest, (value, words, false)))
}

/// The value of a number token that can lead or be a group: no range or
/// unit, its glued scale multiplied out ("500k" = 500 000).
pub(super) fn plain_value(t: &NumberToken) -> Option<Decimal> {
    if t.max.is_some() || t.suffix.is_some() {
        return None;
    }
    match t.scale {
        Some(e) => t.value.mul(Decimal::pow10(e)),
        None => Some(t.value),
    }
}

/// `magnitude`: a spelled, digit or mixed figure ("hai mươi lăm nghìn",
/// "3,5 triệu", "1,2 nghìn tỷ", "2 triệu 500 nghìn", "hai triệu rưỡi").
///
/// ```
/// use chiso::recognizers::numbers::words::magnitude;
/// use chiso::token_input::Toks;
/// let text = "hai nghìn không trăm hai mươi ba";
/// let toks = chiso::tokenizer::tokenize(text);
/// let (rest, m) = magnitude(Toks::new(text, &toks.tokens, &toks.keys)).unwrap();
/// assert_eq!((m.value.to_string(), rest.len()), ("2023".to_string(), 0));
/// ```
pub fn magnitude(input: Toks<'_>) -> TokResult<'_, Magnitude> {
    let (rest, lead) = group(input, true)?;
    magnitude_from(input, rest, lead)
}

/// [`magnitude`] once its lead is read: `rest` follows the lead, which is
/// (value, number words used, read from a digit token). The recognizer
/// reads a number token's lead itself, so the token is parsed once.
pub(super) fn magnitude_from<'a>(
    input: Toks<'a>,
    rest: Toks<'a>,
    (lead, lead_words, digits): (Decimal, usize, bool),
) -> TokResult<'a, Magnitude> {
    let (mut exps, mut n) = scales(&rest);
    if n == 0 {
        // No scale after the lead ("2023 người"): the lead alone, as the loop would find.
        let magnitude = Magnitude {
            value: lead,
            words: lead_words,
            digits,
            first_exp: 0,
            lone_word: !digits && lead_words == 1,
        };
        return Ok((rest, magnitude));
    }
    let mut rest = rest;
    let mut words = lead_words;
    let mut acc = Acc::new();
    let mut current = Some(lead);
    let mut scaled = false;
    for round in 0..12 {
        if round > 0 {
            (exps, n) = scales(&rest);
        }
        if n > 0 {
            for &e in &exps[..n] {
                if acc.scale(current.take(), e).is_none() {
                    return fail(input);
                }
            }
            scaled = true;
            words += n;
            rest = rest.drop_front(n);
            if role_at(&rest, 0) == Some(WordRole::Half) {
                if acc.half().is_none() {
                    return fail(input);
                }
                words += 1;
                rest = rest.drop_front(1);
                break;
            }
            continue;
        }
        if current.is_some() || acc.len == 0 {
            break;
        }
        // After a scale: a group followed by a smaller scale, or a final group.
        // (A group starts with a number or a number word: elsewhere `group`
        // fails, not read.)
        if rest.token(0).is_none_or(|t| t.kind != TokenKind::Number) && role_at(&rest, 0).is_none() {
            break;
        }
        let Ok((r, (v, w, _))) = group(rest, false) else {
            break;
        };
        let (next, next_n) = scales(&r);
        match next[..next_n].first() {
            // A smaller scale adds a group; a larger one multiplies what came
            // before ("một nghìn hai trăm triệu" = 1200 triệu).
            Some(_) => {
                current = Some(v);
                words += w;
                rest = r;
            }
            None if w > 0 && is_compound_group(&rest) => {
                current = Some(v);
                words += w;
                rest = r;
                break;
            }
            _ => break,
        }
    }
    let Some(value) = acc.total(current) else {
        return fail(input);
    };
    let lone_word = !digits && words == 1 && !scaled;
    Ok((
        rest,
        Magnitude {
            value,
            words,
            digits,
            first_exp: acc.first_exp,
            lone_word,
        },
    ))
}

/// Parses a whole spelled number ("hai mươi lăm nghìn" → 25000); `None` when
/// anything is left over. The inverse of [`super::to_words`].
///
/// ```
/// use chiso::recognizers::numbers::parse_words;
/// assert_eq!(parse_words("một trăm linh năm").unwrap().to_string(), "105");
/// assert_eq!(parse_words("hai triệu rưỡi").unwrap().to_string(), "2500000");
/// assert_eq!(parse_words("ba phẩy bốn").unwrap().to_string(), "3.4");
/// assert_eq!(parse_words("mười").unwrap().to_string(), "10");
/// assert_eq!(parse_words("Mười lăm").unwrap().to_string(), "15");
/// assert!(parse_words("vài trăm").is_none());
/// ```
pub fn parse_words(text: &str) -> Option<Decimal> {
    let toks = crate::tokenizer::tokenize(text);
    let input = Toks::new(text, &toks.tokens, &toks.keys);
    if crate::normalize::phrase_key(text) == "không" {
        return Some(Decimal::ZERO);
    }
    let (negative, input) = match input.first() {
        Some(t) if t.key == "âm" => (true, input.drop_front(1)),
        _ => (false, input),
    };
    match magnitude(input) {
        Ok((rest, m)) if rest.is_empty() => Some(if negative { m.value.neg() } else { m.value }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shortcuts of `magnitude_from` answer as the rules they skip, at
    /// every token of the sample texts: `starts_scale` as `scales`, and no
    /// group where neither a number nor a number word starts.
    #[test]
    fn scale_and_group_shortcuts_change_nothing() {
        let mut words = 0;
        for text in crate::recognizers::numbers::tests::sample_texts() {
            let toks = crate::tokenizer::tokenize(&text);
            for at in 0..toks.tokens.len() {
                let input = Toks::window(&text, &toks.tokens, &toks.keys, at, toks.tokens.len());
                assert_eq!(starts_scale(&input), scales(&input).1 > 0, "{at} in {text:?}");
                let t = input.token(0).expect("a token");
                if t.kind != TokenKind::Number && role_at(&input, 0).is_none() {
                    assert!(group(input, false).is_err(), "{at} in {text:?}");
                } else {
                    words += 1;
                }
            }
        }
        assert!(words > 1000, "{words} number starts");
    }

    #[test]
    fn the_whole_spelled_grammar() {
        for (s, v) in [
            ("không", "0"),
            ("hai chục nghìn", "20000"),
            ("một", "1"),
            ("mười", "10"),
            ("mười một", "11"),
            ("mười lăm", "15"),
            ("mười bốn", "14"),
            ("hai mươi", "20"),
            ("hai mươi mốt", "21"),
            ("ba mươi mốt", "31"),
            ("hai mươi lăm", "25"),
            ("hai mươi nhăm", "25"),
            ("hai mươi tư", "24"),
            ("ba mươi bốn", "34"),
            ("chín mươi chín", "99"),
            ("một trăm", "100"),
            ("một trăm linh năm", "105"),
            ("một trăm lẻ năm", "105"),
            ("một nghìn không trăm linh năm", "1005"),
            ("một nghìn lẻ năm", "1005"),
            ("hai nghìn không trăm hai mươi ba", "2023"),
            ("hai chục", "20"),
            ("hai mươi lăm nghìn", "25000"),
            ("ba trăm nghìn", "300000"),
            ("hai vạn", "20000"),
            ("một triệu", "1000000"),
            ("hai tỷ", "2000000000"),
            ("năm tỉ", "5000000000"),
            ("một nghìn tỷ", "1000000000000"),
            ("hai nghìn tỷ", "2000000000000"),
            ("một nghìn hai trăm triệu", "1200000000"),
            ("hai triệu rưỡi", "2500000"),
            ("một trăm rưỡi", "150"),
            ("ba nghìn rưỡi", "3500"),
            ("ba phẩy bốn", "3.4"),
            ("không phẩy không năm", "0.05"),
            ("hai phẩy năm triệu", "2500000"),
            ("ba phẩy hai lăm", "3.25"),
            ("một tỷ hai trăm triệu", "1200000000"),
            ("hai triệu ba trăm nghìn", "2300000"),
            ("một triệu không trăm linh năm", "1000005"),
            ("âm năm", "-5"),
            ("mười hai nghìn năm trăm", "12500"),
            ("một trăm mười", "110"),
            ("bảy trăm năm mươi", "750"),
            ("3,5 triệu", "3500000"),
            ("1,2 nghìn tỷ", "1200000000000"),
            ("20 vạn", "200000"),
            ("2 triệu 500 nghìn", "2500000"),
            ("chục nghìn", "10000"),
        ] {
            let got = parse_words(s);
            if s == "chục nghìn" {
                assert!(got.is_none(), "chục does not start a number");
                continue;
            }
            assert_eq!(got.map(|d| d.to_string()).as_deref(), Some(v), "{s}");
        }
        for s in [
            "mười năm",
            "hai mươi năm",
            "vài trăm",
            "mấy chục",
            "tư nhân",
            "hai nghìn năm",
        ] {
            assert!(parse_words(s).is_none(), "{s}");
        }
    }

    #[test]
    fn magnitude_reports_shape() {
        let text = "hai người";
        let toks = crate::tokenizer::tokenize(text);
        let (rest, m) = magnitude(Toks::new(text, &toks.tokens, &toks.keys)).unwrap();
        assert!(m.lone_word && rest.len() == 1);
        let text = "7 triệu";
        let toks = crate::tokenizer::tokenize(text);
        let (_, m) = magnitude(Toks::new(text, &toks.tokens, &toks.keys)).unwrap();
        assert_eq!(m.first_exp, 6);
        assert!(m.digits && !m.lone_word);
    }
}
