//! Ordinals: "thứ nhất", "lần thứ 13", "kỳ họp thứ 6", "khóa XI",
//! "Đại hội XIII", "thế kỷ XXI", "lần đầu tiên".
//!
//! ```text
//! ordinal := head? "thứ" rank                 "lần thứ 13", "thứ nhất"
//!          | head? "đầu tiên"                 "lần đầu tiên" = 1
//!          | direct_head ( roman | integer )  "khóa XI", "cấp 3", "vùng IV"
//! rank    := ordinal_word | integer | spelled | roman (only after a head)
//! roman   := [IVXLCDM]+ in capitals, well formed (I…MMMCMXCIX)
//! ```
//! Heads marked `thứ-out` / `direct-out` in the data take the number but stay
//! outside the span: "Kỳ họp thứ 7" → "thứ 7", "Đại hội XIII" → "XIII".
//! Heads come from `grammars/ordinal_heads.tsv`. A Roman numeral is read
//! only after a head ("XI" alone is a word). A bare "thứ hai"…"thứ bảy" /
//! "thứ 2"…"thứ 7" is a weekday, not an ordinal, when it is capitalized
//! ("thứ Hai"), opens the sentence, follows a time word ("ngày", "sáng",
//! "vào", …) or is followed by a date in brackets, "tuần", "này", "tới".

use super::lexicon::{DropFront, HeadRole, LEXICON};
use super::words;
use super::{Candidate, SentenceView};
use crate::model::EntityValue;
use crate::token_input::{Tok, Toks};
use crate::tokenizer::TokenKind;

/// Reads a well-formed Roman numeral in capitals ("XIII" → 13).
///
/// ```
/// use chiso::recognizers::numbers::ordinals::roman;
/// assert_eq!(roman("XIII"), Some(13));
/// assert_eq!(roman("XXI"), Some(21));
/// assert_eq!(roman("IIII"), None);
/// assert_eq!(roman("xi"), None);
/// ```
pub fn roman(s: &str) -> Option<i64> {
    if s.is_empty() || s.len() > 15 {
        return None;
    }
    let val = |c: u8| match c {
        b'I' => Some(1),
        b'V' => Some(5),
        b'X' => Some(10),
        b'L' => Some(50),
        b'C' => Some(100),
        b'D' => Some(500),
        b'M' => Some(1000),
        _ => None,
    };
    let bytes = s.as_bytes();
    let mut total = 0i64;
    for i in 0..bytes.len() {
        let v = val(bytes[i])?;
        match bytes.get(i + 1).map(|&c| val(c)) {
            Some(Some(next)) if next > v => total -= v,
            Some(None) => return None,
            _ => total += v,
        }
    }
    // Well formed only if it prints back the same.
    (total > 0 && total < 4000 && to_roman(total) == s).then_some(total)
}

fn to_roman(mut n: i64) -> String {
    const TABLE: [(i64, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

fn integer(t: &Tok<'_>) -> Option<i64> {
    if t.token.kind != TokenKind::Number || !t.text().bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.text().parse().ok().filter(|&n| n > 0 && n < 10_000)
}

/// A rank after "thứ": (tokens used, value, was it a small number that could be a weekday).
/// `t` is the first token of `input`.
fn rank<'a>(input: &Toks<'a>, t: Tok<'a>, roman_ok: bool) -> Option<(usize, i64, bool)> {
    if let Some((n, &(first, v))) = LEXICON.ordinal_words.longest_with(input, t) {
        if !first {
            return Some((n, v, v == 4));
        }
    }
    if let Some(v) = integer(&t) {
        return Some((1, v, (2..=8).contains(&v)));
    }
    if roman_ok && t.token.kind == TokenKind::Word {
        if let Some(v) = roman(t.text()) {
            return Some((1, v, false));
        }
    }
    let (rest, v) = words::below_thousand(*input).ok()?;
    (v > 0).then(|| (input.len() - rest.len(), v as i64, (2..=8).contains(&v)))
}

const WEEKDAY_BEFORE: [&str; 14] = [
    "ngày", "sáng", "chiều", "tối", "trưa", "đêm", "vào", "hôm", "các", "mỗi", "hàng", "từ", "đến", "tới",
];
const WEEKDAY_AFTER: [&str; 8] = ["tuần", "này", "tới", "trước", "vừa", "(", "sau", "hằng"];

/// True when a bare "thứ N" at token `thu` looks like a weekday.
fn weekday_like(sentence: &SentenceView<'_>, thu: usize, n: usize, rank_tok: &Tok<'_>) -> bool {
    if rank_tok.token.capitalized || sentence.tokens[thu].capitalized || thu == sentence.range.0 {
        return true;
    }
    if WEEKDAY_BEFORE.contains(&sentence.key(thu - 1)) {
        return true;
    }
    let after = thu + 1 + n;
    after < sentence.range.1
        && (WEEKDAY_AFTER.contains(&sentence.key(after))
            || (sentence.tokens[after].kind == TokenKind::Number && sentence.text_of(after).contains('/'))
            || sentence.key(after) == ",")
}

/// True when an ordinal can start at token `first`: only a head, an ordinal
/// word or "thứ" starts one (one bit test, before any reading).
pub(super) fn may_start(first: &Tok<'_>) -> bool {
    LEXICON.ordinal_starts.contains(first.keyed())
}

/// Pushes the ordinal starting at the first token of `input`, if any.
pub fn ordinal(sentence: &SentenceView<'_>, input: Toks<'_>, out: &mut Vec<Candidate>) {
    let Some(first) = input.first() else { return };
    if may_start(&first) {
        ordinal_from(sentence, input, first, out);
    }
}

/// [`ordinal`] where an ordinal may start ([`may_start`]) at `first`, the
/// first token of `input`.
pub(super) fn ordinal_from<'a>(sentence: &SentenceView<'_>, input: Toks<'a>, first: Tok<'a>, out: &mut Vec<Candidate>) {
    let mut push = |start: usize, end: usize, v: i64, rule: &'static str| {
        out.push(Candidate {
            tokens: start..end,
            value: EntityValue::Ordinal(v),
            rule,
        })
    };
    // head?
    let (head_len, head) = match LEXICON.ordinal_heads.longest_with(&input, first) {
        Some((n, &h)) => (n, Some(h)),
        None => (0, None),
    };
    let rest = input.drop_front(head_len);
    let rest_first = if head_len == 0 { Some(first) } else { rest.first() };
    let start = first.index;
    if let Some(h) = head {
        if matches!(
            h,
            HeadRole::Direct | HeadRole::Both | HeadRole::DirectOutside | HeadRole::Roman
        ) {
            if let Some(t) = rest_first {
                let v = if h == HeadRole::Roman { None } else { integer(&t) };
                let v = v.or_else(|| (t.token.kind == TokenKind::Word).then(|| roman(t.text())).flatten());
                if let Some(v) = v {
                    let from = if h == HeadRole::DirectOutside { t.index } else { start };
                    push(from, start + head_len + 1, v, "numbers::ordinal_head");
                    return;
                }
            }
        }
        if matches!(h, HeadRole::Direct | HeadRole::DirectOutside | HeadRole::Roman) {
            return;
        }
    }
    let Some(t) = rest_first else { return };
    if let Some((n, &(true, v))) = LEXICON.ordinal_words.longest_with(&rest, t) {
        push(start, t.index + n, v, "numbers::ordinal_first");
        return;
    }
    if t.key != "thứ" {
        return;
    }
    let after = rest.drop_front(1);
    let Some(rank_tok) = after.first() else { return };
    let Some((n, v, small)) = rank(&after, rank_tok, head.is_some()) else {
        return;
    };
    if head.is_none() && small && weekday_like(sentence, t.index, n, &rank_tok) {
        return;
    }
    // "Kỳ họp thứ 7" → "thứ 7": only lần, đợt, kỳ are inside.
    let from = if head == Some(HeadRole::ThuOutside) {
        t.index
    } else {
        start
    };
    push(from, t.index + 1 + n, v, "numbers::ordinal");
}
