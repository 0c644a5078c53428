//! Numbers, percentages, money, quantities and ordinals.
//!
//! Two levels of nom: inside one number token over `&str` ([`digits`]:
//! "1.234,5", "5-7", "500k", "20km") and across tokens over
//! [`crate::token_input::Toks`] ([`words`] for spelled and mixed figures,
//! this module for units, ranges and bounds, [`ordinals`] for ranks).
//! [`verbalize`] goes the other way: a number → standard Vietnamese words.
//! The vocabulary is data: `grammars/number_words.tsv`, `units.tsv`,
//! `currencies.tsv`, `counted_nouns.tsv`, `approx.tsv`, `ordinal_heads.tsv`.
//!
//! ```text
//! entity    := ordinal | multiplier | fraction | figure
//! figure    := approx_before? bound? sign? currency_before? core suffix? per? approx_after?
//! bound     := "từ" | "giữa"                      (need a range, or "trở lên"/"trở xuống" after)
//! sign      := "âm" | "-" glued to the number
//! core      := range_token                         "5-7" (a number token)
//!            | magnitude ( suffix? range_sep magnitude )?
//! range_sep := "đến" | "tới" (after "từ") | "và" (after "giữa") | "-" | "–"
//! suffix    := percent | currency | unit | listed_noun | counted_head  (longest listed phrase wins)
//! counted_head := lower-case word, not a verb/function word     (after a digit figure only)
//! per       := ( "/" ( unit | currency | counted_noun | time_word | word ) ){1,3}   "tạ/ha", "tấn/ha/vụ"
//! times     := "gấp" ( "đôi" | "rưỡi" ) "lần"?           ("gấp 2 lần" → the figure "2 lần")
//! ```
//!
//! A figure followed by a noun counts it: "28 nghị quyết", "45 chỗ", "12 cầu"
//! are quantities whose unit is the noun. The noun is ONE word; compounds
//! that count as one word are listed in `counted_nouns.tsv` ("nghị quyết",
//! "tàu cá"), and a classifier ends the span ("9 triệu lượt khách" → "9 triệu
//! lượt"). Words marked `not` there (verbs, function words: "28 đã", "5 và")
//! never head a counted noun; a lone spelled digit ("ba", "hai") takes only a
//! listed noun ("ba huyện", not "hai bên"). Not figures: a whole number after
//! an identifier noun (`id`: "Điều 5", "bão số 3"), a bare year ("Luật Đất
//! đai 2024"), a bare whole number closing a name ("RON 95", "Quân khu 7"),
//! vague amounts ("hàng nghìn người").
//!
//! The type comes from the suffix: "%"/"phần trăm" → `percent` ("điểm phần
//! trăm" marks percentage points, "‰" per mille), a currency → `money`
//! (ISO 4217, value multiplied out: "1.250 tỷ đồng" = 1 250 000 000 000 VND),
//! a unit or counted noun → `quantity`, nothing → `number`. A time word after
//! a figure ("5 năm", "3 tháng", "10 ngày") is the temporal recognizer's:
//! the figure stays a bare number and takes no bound or range; so does a
//! digit number right after such a word ("tháng 6 người dân…" is a date and
//! a noun, not 6 people). Ranges have
//! `min`/`max`; a scale written only on the upper end applies to both ("từ 5
//! đến 7 triệu" = 5-7 million).
//!
//! What is NOT a number: a lone "một" ("một số", "một cách"); a lone digit
//! word with no unit after it ("năm nay", "hai bên"); a capitalized digit word
//! inside a sentence ("ông Ba", "chị Bảy", "Ba Đình"); "tư"/"mốt"/"lăm" on
//! their own ("tư nhân", "đầu tư"); "mấy", "vài", "dăm"; date- and time-shaped
//! tokens ("16/6/2023", "14h30"); a year range "2021-2025" with no unit.
//!
//! ```
//! let doc = chiso::Annotator::new().annotate("Có 1.234,5 tấn");
//! assert_eq!(doc.entities[0].text(&doc.text), "1.234,5 tấn");
//! assert_eq!(doc.entities[0].value.type_name(), "quantity");
//! ```

use super::{Candidate, Recognizer, SentenceView, Triggers};
use crate::decimal::Decimal;
use crate::model::{Amount, Approx, EntityValue};
use crate::token_input::{Tok, Toks};
use crate::tokenizer::{Gap, TokenKind};
use crate::vocab::UNLISTED;
use lexicon::{DropFront, HeadRole, Suffix, WordRole, LEXICON};
use std::borrow::Cow;
use words::Magnitude;

pub mod digits;
pub mod lexicon;
pub mod ordinals;
pub mod verbalize;
pub mod words;

pub use digits::parse_digits;
pub use verbalize::to_words;
pub use words::parse_words;

/// The numbers recognizer: `number`, `percent`, `money`, `quantity`, `ordinal`.
///
/// ```
/// let doc = chiso::Annotator::new().annotate("Kim ngạch đạt 305,6 tỷ USD, tăng 3,4%.");
/// let texts: Vec<_> = doc.entities.iter().map(|e| e.text(&doc.text)).collect();
/// assert_eq!(texts, ["305,6 tỷ USD", "3,4%"]);
/// ```
#[derive(Debug, Default)]
pub struct Numbers;

impl Numbers {
    /// A numbers recognizer.
    pub fn new() -> Numbers {
        Numbers
    }
}

/// Quantifiers before which "năm" is the year word, not five ("vài năm").
const YEAR_QUANTIFIERS: [&str; 12] = [
    "vài", "mấy", "những", "các", "mỗi", "hằng", "hàng", "nhiều", "từng", "cả", "mọi", "đôi",
];

/// Keys that can start a figure besides number tokens and number words.
const START_KEYS: [&str; 9] = ["từ", "giữa", "âm", "-", "−", "$", "us", "gấp", "€"];

impl Recognizer for Numbers {
    fn name(&self) -> &'static str {
        "numbers"
    }

    fn triggers(&self) -> Triggers {
        let lex = &*LEXICON;
        let mut keys: Vec<String> = START_KEYS.iter().map(|s| s.to_string()).collect();
        keys.extend(
            lex.words
                .iter()
                .filter(|(_, r)| matches!(r, WordRole::Digit(_) | WordRole::Ten))
                .map(|(k, _)| k.to_owned()),
        );
        keys.extend(lex.approx_before.first_keys().map(str::to_owned));
        keys.extend(lex.ordinal_heads.first_keys().map(str::to_owned));
        // "đầu tiên" starts an ordinal; "nhất", "tư" only after "thứ".
        keys.extend(
            lex.ordinal_words
                .first_keys_where(|(first, _)| *first)
                .map(str::to_owned),
        );
        keys.push("thứ".into());
        keys.sort();
        keys.dedup();
        Triggers {
            keys,
            kinds: vec![TokenKind::Number],
            ..Triggers::default()
        }
    }

    fn recognize_at(&self, sentence: &SentenceView<'_>, at: usize, out: &mut Vec<Candidate>) {
        let input = sentence.from(at);
        // The first token is read once, for every rule below.
        let Some(first) = input.first() else { return };
        if ordinals::may_start(&first) {
            ordinals::ordinal_from(sentence, input, first, out);
        }
        if let Some((end, value, rule)) = figure_from(sentence, input, first) {
            out.push(Candidate {
                tokens: at..end,
                value,
                rule,
            });
        }
    }
}

/// Prefixes read before a figure.
#[derive(Debug, Default, Clone, Copy)]
struct Prefix<'a> {
    approx: Option<Approx>,
    from: bool,
    between: bool,
    negative: bool,
    currency: Option<&'static str>,
    /// Tokens used.
    len: usize,
    /// The token after them, where the core starts.
    core: Option<Tok<'a>>,
}

/// True when a figure's core can start at token `t`: a number, or a digit
/// word that is not a name.
fn is_number_start_tok(sentence: &SentenceView<'_>, t: &Tok<'_>) -> bool {
    if t.token.kind == TokenKind::Number {
        return true;
    }
    match words::role(t) {
        Some(WordRole::Digit(_) | WordRole::Ten) => {
            // "ông Ba", "Ba Đình": a capitalized digit word inside a sentence is a name.
            !(t.token.capitalized && t.index > sentence.range.0)
        }
        _ => false,
    }
}

/// The prefixes of a figure at the start of `input`, whose first token is
/// `first`; `approx` is what `LEXICON.approx_before` finds there (read once
/// by the caller). Each token is read once.
fn prefix<'a>(
    sentence: &SentenceView<'_>,
    input: Toks<'a>,
    first: Tok<'a>,
    approx: Option<(usize, &Approx)>,
) -> Option<Prefix<'a>> {
    let mut p = Prefix::default();
    let mut rest = input;
    let mut t = Some(first);
    if let Some((n, a)) = approx {
        p.approx = Some(*a);
        rest = rest.drop_front(n);
        t = rest.first();
    }
    if let Some(tok) = t {
        match tok.key {
            "từ" => p.from = true,
            "giữa" => p.between = true,
            _ => {}
        }
        if p.from || p.between {
            rest = rest.drop_front(1);
            t = rest.first();
        }
    }
    if let Some(tok) = t {
        let minus = matches!(tok.key, "-" | "−");
        if tok.key == "âm" || (minus && !tok.glued() && rest.token(1).is_some_and(|n| n.gap == Gap::None)) {
            if minus {
                // "-5" but not "50 -100" or a list dash "- 5 hộ".
                let prev_is_number =
                    tok.index > sentence.range.0 && sentence.tokens[tok.index - 1].kind == TokenKind::Number;
                if prev_is_number {
                    return None;
                }
            }
            p.negative = true;
            rest = rest.drop_front(1);
            t = rest.first();
        }
    }
    if let Some(tok) = t {
        // "$300", "US$ 500 triệu", "€20".
        let (code, n) = match tok.key {
            "$" => (Some("USD"), 1),
            "€" => (Some("EUR"), 1),
            "us" if rest.get(1).is_some_and(|d| d.key == "$" && d.glued()) => (Some("USD"), 2),
            _ => (None, 0),
        };
        p.currency = code;
        if n > 0 {
            rest = rest.drop_front(n);
            t = rest.first();
        }
    }
    p.len = input.len() - rest.len();
    p.core = t;
    Some(p)
}

/// A suffix: from the lexicon, or a counted noun read from the text.
type Sfx = Cow<'static, Suffix>;

/// The suffix at the start of `input`, whose first token is `t` (`None`
/// when `input` is empty), if any: (tokens used, suffix).
///
/// With `open` (after a digit figure) any lower-case word that may head a
/// noun is a counted noun of one syllable ("45 chỗ", "12 cầu"); listed
/// compounds are read whole ("28 nghị quyết").
fn suffix<'a>(input: &Toks<'a>, t: Option<Tok<'a>>, open: bool) -> Option<(usize, Sfx)> {
    let t = t?;
    if t.token.gap >= Gap::Newline {
        return None;
    }
    match LEXICON.suffixes.longest_with(input, t) {
        // "Điều 676 Bộ luật": a counted noun is written in lower case.
        Some((_, Suffix::Count(_))) if t.token.capitalized => None,
        Some((n, s)) => Some((n, Cow::Borrowed(s))),
        // The key: lower case, NFC (the same unit for NFC and NFD input).
        None if open && counted_head(&t) => Some((1, Cow::Owned(Suffix::Count(t.key.to_owned())))),
        None => None,
    }
}

/// The unit name a suffix gives a value: borrowed from the lexicon when the
/// suffix is listed, the counted noun's own key when it was read from the text.
fn unit_of(s: Sfx) -> Cow<'static, str> {
    match s {
        Cow::Borrowed(s) => Cow::Borrowed(s.unit()),
        Cow::Owned(Suffix::Measure(u) | Suffix::Count(u) | Suffix::Currency(u)) => Cow::Owned(u),
        Cow::Owned(s) => Cow::Owned(s.unit().to_owned()),
    }
}

/// True when `t` can head a counted noun right after a figure: a lower-case
/// word, spaced from the figure, that is no number word and no verb or
/// function word (`not` in `counted_nouns.tsv`).
fn counted_head(t: &Tok<'_>) -> bool {
    t.token.kind == TokenKind::Word
        && !t.token.capitalized
        && t.token.gap == Gap::Space
        && !LEXICON.not_nouns.contains(t.keyed())
        && LEXICON.words.get(t.keyed()).is_none()
        && t.key.chars().nth(1).is_some()
        && t.key.chars().all(char::is_alphabetic)
}

/// "/lít", "/ha", "/ha/vụ" after a unit, where `first` is the first token of
/// `input`: (tokens used, what it is per; borrowed when the unit is listed).
fn per<'a>(input: &Toks<'a>, first: Tok<'a>) -> Option<(usize, Cow<'static, str>)> {
    let (mut used, mut name) = per_one(input, first)?;
    // "tấn/ha/vụ", "đồng/người/tháng": at most three levels.
    for _ in 0..2 {
        let more_at = input.drop_front(used);
        let Some(slash) = more_at.first() else { break };
        match per_one(&more_at, slash) {
            Some((n, more)) if slash.glued() => {
                used += n;
                let name = name.to_mut();
                name.push('/');
                name.push_str(&more);
            }
            _ => break,
        }
    }
    Some((used, name))
}

/// One "/word" level of [`per`]; `slash` is the first token of `input`.
fn per_one<'a>(input: &Toks<'a>, slash: Tok<'a>) -> Option<(usize, Cow<'static, str>)> {
    if slash.key != "/" {
        return None;
    }
    let rest = input.drop_front(1);
    let word = rest.first()?;
    if let Some((n, s)) = LEXICON.suffixes.longest_with(&rest, word) {
        let name = match s {
            Suffix::Measure(u) | Suffix::Count(u) | Suffix::Currency(u) => Cow::Borrowed(u.as_str()),
            _ => Cow::Owned(word.key.to_owned()),
        };
        return Some((1 + n, name));
    }
    (word.token.kind == TokenKind::Word && !word.token.capitalized).then(|| (2, Cow::Owned(word.key.to_owned())))
}

/// One side of a figure: its magnitude (or a range token) and tokens used.
#[derive(Debug, Clone, Copy)]
struct Core {
    min: Decimal,
    max: Option<Decimal>,
    year_range: bool,
    glued: Option<&'static Suffix>,
    mag: Option<Magnitude>,
}

/// The core of a figure at the start of `input`, whose first token is `t`.
fn core<'a>(input: Toks<'a>, t: Tok<'a>) -> Option<(Toks<'a>, Core)> {
    if t.token.kind != TokenKind::Number {
        let (rest, m) = words::magnitude(input).ok()?;
        return Some((rest, Core::of(m)));
    }
    let text = t.text();
    // "2023", "1.234,5": what the token grammar reads, read directly.
    let lead = match digits::plain_digits(text).or_else(|| digits::whole_figure(text)) {
        Some(v) => v,
        None => {
            let nt = digits::parse_number_token(text)?;
            if nt.max.is_some() || nt.suffix.is_some() {
                // "5-7 triệu": scale words after a range token apply to both ends.
                let after = input.drop_front(1);
                let (words_exp, n) = match (nt.max, nt.suffix.as_ref(), nt.scale) {
                    (Some(_), None, None) => words::scale_words(&after),
                    _ => (0, 0),
                };
                let exp = nt.scale.unwrap_or(0) + words_exp;
                let scale = |v: Decimal| v.mul(Decimal::pow10(exp));
                return Some((
                    after.drop_front(n),
                    Core {
                        min: scale(nt.value)?,
                        max: match nt.max {
                            Some(m) => Some(scale(m)?),
                            None => None,
                        },
                        year_range: nt.year_range,
                        glued: glued_suffix(text),
                        mag: None,
                    },
                ));
            }
            words::plain_value(&nt)?
        }
    };
    // A number token's value leads, without parsing it again; with no scale
    // word after it, the figure is that value alone (what `magnitude_from`
    // reads there).
    let after = input.drop_front(1);
    if !words::starts_scale(&after) {
        let mag = Magnitude {
            value: lead,
            words: 0,
            digits: true,
            first_exp: 0,
            lone_word: false,
        };
        return Some((after, Core::of(mag)));
    }
    let (rest, m) = words::magnitude_from(input, after, (lead, 0, true)).ok()?;
    Some((rest, Core::of(m)))
}

impl Core {
    /// The core of one magnitude.
    fn of(m: Magnitude) -> Core {
        Core {
            min: m.value,
            max: None,
            year_range: false,
            glued: None,
            mag: Some(m),
        }
    }
}

/// The unit glued to a number token ("20km" → km), from the static lexicon.
fn glued_suffix(text: &str) -> Option<&'static Suffix> {
    let letters_at = text.find(|c: char| c.is_alphabetic())?;
    let letters = &text[letters_at..];
    LEXICON
        .suffixes
        .single(&crate::normalize::key(letters), letters)
        .or_else(|| {
            let unit = letters.strip_prefix("tr")?;
            LEXICON.suffixes.single(&crate::normalize::key(unit), unit)
        })
}

/// True when `rest` is "đến 7 ngày", "- 5 năm": the upper end of a range of
/// time, so the figure before it belongs to a duration (temporal's).
fn before_time_range(rest: &Toks<'_>) -> bool {
    let Some(sep) = rest.first() else { return false };
    if !matches!(sep.key, "đến" | "tới" | "-" | "–") {
        return false;
    }
    let after = rest.drop_front(1);
    if after.token(0).is_none_or(|t| t.kind != TokenKind::Number) {
        return false;
    }
    let unit = after.drop_front(1);
    matches!(suffix(&unit, unit.first(), false), Some((_, s)) if *s == Suffix::Time)
}

/// True when an identifier noun ("Điều", "số", "Quốc lộ") ends right before
/// token `at`, at token `prev`: "Điều 5", "bão số 3".
fn after_id_head(sentence: &SentenceView<'_>, at: usize, prev: &Tok<'_>) -> bool {
    // One bit test first: most words end no identifier noun.
    LEXICON.id_head_ends.contains(prev.keyed()) && ends_id_head(sentence, at)
}

/// [`after_id_head`] without its gate: the identifier nouns ending before `at`, read.
fn ends_id_head(sentence: &SentenceView<'_>, at: usize) -> bool {
    (1..=2).any(|n| {
        at >= sentence.range.0 + n
            && LEXICON
                .id_heads
                .longest(&sentence.from(at - n))
                .is_some_and(|(len, _)| len == n)
    })
}

/// True when the whole number at token `at` stands in a run of whole numbers
/// separated only by spaces ("0901 45 77 98"): a phone number or a code.
fn in_digit_group(sentence: &SentenceView<'_>, at: usize) -> bool {
    let is_whole = |i: usize| {
        i >= sentence.range.0
            && i < sentence.range.1
            && sentence.tokens[i].kind == TokenKind::Number
            && sentence.text_of(i).bytes().all(|b| b.is_ascii_digit())
    };
    let spaced = |i: usize| sentence.tokens[i].gap == Gap::Space;
    (at > sentence.range.0 && spaced(at) && is_whole(at - 1)) || (is_whole(at + 1) && spaced(at + 1))
}

/// True when token `at` follows a capitalized word inside the sentence.
fn after_capitalized(sentence: &SentenceView<'_>, at: usize) -> bool {
    at > sentence.range.0 + 1 && {
        let t = &sentence.tokens[at - 1];
        t.kind == TokenKind::Word && t.capitalized
    }
}

/// True when the number at token `at` closes a name: right after a
/// capitalized word inside the sentence ("RON 95", "Km 72"), or after at most
/// three lower-case nouns that follow one ("Quân khu 7", "Ban Quản lý dự án 7").
fn closes_name(sentence: &SentenceView<'_>, at: usize) -> bool {
    let mut i = at;
    for _ in 0..4 {
        if i <= sentence.range.0 {
            return false;
        }
        i -= 1;
        let t = &sentence.tokens[i];
        if t.kind != TokenKind::Word || LEXICON.not_nouns.contains((t.word, sentence.key(i))) {
            return false;
        }
        if t.capitalized {
            return i > sentence.range.0;
        }
    }
    false
}

fn lone(c: &Core) -> bool {
    c.mag.is_some_and(|m| m.lone_word)
}

/// Multiplies `v` by 10^`e`.
fn scaled(v: Decimal, e: u32) -> Option<Decimal> {
    v.mul(Decimal::pow10(e))
}

/// Reads a whole figure starting at the first token of `input`:
/// (document-wide end token, value, rule).
#[cfg(test)]
fn figure(sentence: &SentenceView<'_>, input: Toks<'_>) -> Option<(usize, EntityValue, &'static str)> {
    figure_from(sentence, input, input.first()?)
}

/// Reads a whole figure starting at `first`, the first token of `input`:
/// (document-wide end token, value, rule).
///
/// Two gates answer `None` first where the rules below would, without
/// reading the figure: no number where its core would start, and a lone
/// digit word ("năm nay", "không có") with no unit after it.
fn figure_from<'a>(
    sentence: &SentenceView<'_>,
    input: Toks<'a>,
    first: Tok<'a>,
) -> Option<(usize, EntityValue, &'static str)> {
    // One probe before the look-up: most words start no bound.
    let approx_before = if LEXICON.approx_before.starts_with(first.keyed()) {
        LEXICON.approx_before.longest_with(&input, first)
    } else {
        None
    };
    let p = prefix(sentence, input, first, approx_before);
    let core_starts = p.is_some_and(|p| p.core.is_some_and(|t| is_number_start_tok(sentence, &t)));
    if !core_starts {
        // Only a fraction or a multiplier ("gấp đôi"), here or after a bound, can be read.
        let may_special = |t: Option<Tok<'_>>| {
            t.is_some_and(|t| t.key == "gấp" || t.token.kind == TokenKind::Number || is_number_start_tok(sentence, &t))
        };
        if !may_special(Some(first)) && !approx_before.is_some_and(|(n, _)| may_special(input.get(n))) {
            return None;
        }
    } else if approx_before.is_none() && p.is_some_and(|p| p.len == 0) && first.token.kind == TokenKind::Word {
        // A digit word alone is a number only before a unit (or it starts a
        // longer spelled number, or "phần" of a fraction).
        let goes_on = input
            .get(1)
            .is_some_and(|n| words::role(&n).is_some() || n.key == "phần" || LEXICON.suffixes.starts_with(n.keyed()));
        if !goes_on {
            return None;
        }
    }
    figure_read(sentence, input, first, approx_before, p)
}

/// [`figure_from`] without its gates: `approx_before` and `p` are what
/// `LEXICON.approx_before` and [`prefix`] find at the start of `input`,
/// whose first token is `first`.
fn figure_read<'a>(
    sentence: &SentenceView<'_>,
    input: Toks<'a>,
    first: Tok<'a>,
    approx_before: Option<(usize, &Approx)>,
    p: Option<Prefix<'a>>,
) -> Option<(usize, EntityValue, &'static str)> {
    let number = first.token.kind == TokenKind::Number;
    let text = if number { first.text() } else { "" };
    // A number token is special only as a share ("2/3 số xã"): with a slash.
    if !number || text.contains('/') {
        if let Some(found) = special(sentence, input, first) {
            return Some(found);
        }
    }
    // "gần 1/2 số doanh nghiệp", "khoảng một phần ba": a bound before a fraction or multiplier.
    if let Some((n, a)) = approx_before {
        let after = input.drop_front(n);
        if let Some((end, mut value, rule)) = after.first().and_then(|t| special(sentence, after, t)) {
            if let EntityValue::Number(amount) | EntityValue::Quantity { amount, .. } = &mut value {
                amount.approx = Some(*a);
            }
            return Some((end, value, rule));
        }
    }
    // A number word in the middle of a spelled number, or after "thứ"/"phần",
    // is read from where the number starts.
    if first.token.kind == TokenKind::Word && first.index > sentence.range.0 {
        if let Some(prev) = sentence.tokens.get(first.index - 1) {
            let pk = sentence.key(first.index - 1);
            let prev_is_word = prev.kind == TokenKind::Word;
            if prev_is_word
                && (LEXICON.words.get((prev.word, pk)).is_some()
                    || matches!(pk, "thứ" | "phần" | "hạng" | "giải" | "lần" | "tầng"))
                && LEXICON.words.get(first.keyed()).is_some()
            {
                return None;
            }
        }
    }
    let p = p?;
    let core_first = p.core?;
    if !is_number_start_tok(sentence, &core_first) {
        return None;
    }
    let whole = p.len == 0 && number && text.bytes().all(|b| b.is_ascii_digit());
    // "tháng 6 người dân…", "năm 2023 doanh nghiệp…": a number right after a
    // date word is part of a date (the temporal recognizer's); "Điều 5",
    // "bão số 3", "Quận 1": a whole number after an identifier noun is a code.
    // "0901 45 77 98", "(028) 5445 1111": phone numbers and codes.
    // (Read before the figure: these answer `None` whatever it is.)
    if whole && (text.len() >= 4 && text.starts_with('0') || in_digit_group(sentence, first.index)) {
        return None;
    }
    // The token before a whole number, read once for the checks on it.
    let prev = (whole && first.index > sentence.range.0)
        .then(|| sentence.from(first.index - 1).first().expect("a token before"));
    if let Some(prev) = &prev {
        if matches!(LEXICON.suffixes.single_key(prev), Some(Suffix::Time)) || after_id_head(sentence, first.index, prev)
        {
            return None;
        }
    }
    let (mut rest, a) = core(input.drop_front(p.len), core_first)?;
    // "Bộ luật Dân sự 2015 quy định": a year closing a name.
    if prev.is_some()
        && text.len() == 4
        && a.min.to_i64().is_some_and(|y| (1900..=2100).contains(&y))
        && closes_name(sentence, first.index)
    {
        return None;
    }
    // A counted noun read from the text needs a digit figure that is no
    // year ("Luật Đất đai 2024 chính thức") and no rank ("xếp thứ 4 toàn quốc").
    let year_shaped = whole && text.len() == 4 && (1900..=2100).contains(&a.min.to_i64().unwrap_or(0));
    // A whole number right after "thứ" or an ordinal head ("cấp 4 diện
    // tích", "lần 2 chi trả", "khóa 8 chuyên ngành") is a rank: it counts
    // nothing (a unit or currency still reads: "cấp 300 tỷ đồng"); after a
    // capitalized word ("Toán 6 tập một") only a listed noun counts ("Bà Lan 48 tuổi").
    let ranked = prev.is_some_and(|prev| {
        prev.key == "thứ"
            || LEXICON
                .ordinal_heads
                .single_key(&prev)
                .is_some_and(|h| *h != HeadRole::Roman)
    });
    let open = !lone(&a) && !a.year_range && !year_shaped && !ranked && !after_capitalized(sentence, first.index);
    // `next` is always the first token of `rest`: read once per place `rest` moves to.
    let mut next = rest.first();
    let mut suffix_a: Option<Sfx> = a.glued.map(Cow::Borrowed);
    if suffix_a.is_none() {
        match suffix(&rest, next, open) {
            Some((_, s)) if ranked && matches!(*s, Suffix::Count(_)) => {}
            Some((n, s)) => {
                suffix_a = Some(s);
                rest = rest.drop_front(n);
                next = rest.first();
            }
            None => {}
        }
    }
    let mut min = a.min;
    let mut max = a.max;
    let mut the_suffix = suffix_a.clone();
    let mut ranged = max.is_some();
    // Range written across tokens.
    if max.is_none() && !matches!(suffix_a.as_deref(), Some(Suffix::Time)) {
        let sep = next.map(|t| t.key);
        let sep_ok = match sep {
            // "từ 5 đến 7%", "khoảng ba đến bốn đoàn".
            Some("đến" | "tới") => p.from || p.approx.is_some(),
            Some("và") => p.between,
            Some("-" | "–" | "—") => !p.between,
            _ => false,
        };
        let after = rest.drop_front(1);
        let after_first = if sep_ok { after.first() } else { None };
        if let Some(b_first) = after_first.filter(|t| is_number_start_tok(sentence, t)) {
            if let Some((r, b)) = core(after, b_first) {
                if b.max.is_none() {
                    let mut r = r;
                    let mut suffix_b: Option<Sfx> = b.glued.map(Cow::Borrowed);
                    if suffix_b.is_none() {
                        if let Some((n, s)) = suffix(&r, r.first(), !lone(&b)) {
                            suffix_b = Some(s);
                            r = r.drop_front(n);
                        }
                    }
                    let compatible = match (&suffix_a, &suffix_b) {
                        (Some(x), Some(y)) => x == y,
                        (Some(_), None) => false,
                        _ => true,
                    };
                    let dash = matches!(sep, Some("-" | "–" | "—"));
                    let digit_sides = a.mag.is_none_or(|m| m.digits) && b.mag.is_none_or(|m| m.digits);
                    if compatible && (!dash || digit_sides) {
                        let mut lo = a.min;
                        let b_exp = b.mag.map_or(0, |m| m.first_exp);
                        let a_exp = a.mag.map_or(0, |m| m.first_exp);
                        if a_exp == 0 && b_exp > 0 && suffix_a.is_none() {
                            lo = scaled(lo, b_exp)?;
                        }
                        if lo < b.min {
                            min = lo;
                            max = Some(b.min);
                            the_suffix = suffix_b.or(suffix_a);
                            ranged = true;
                            rest = r;
                            next = rest.first();
                        }
                    }
                }
            }
        }
    }
    if matches!(the_suffix.as_deref(), Some(Suffix::Time)) {
        // "5 năm", "hơn 3 tháng": durations and dates are the temporal recognizer's.
        return None;
    }
    // "2021-2025", "giai đoạn 2021 - 2025", "từ 2020 đến 2025": year ranges are temporal.
    let year = |d: &Decimal| d.to_i64().is_some_and(|y| (1900..=2100).contains(&y));
    if the_suffix.is_none() && (a.year_range || (ranged && year(&min) && max.is_some_and(|m| year(&m)))) {
        return None;
    }
    let mut per_unit = None;
    if matches!(
        the_suffix.as_deref(),
        Some(Suffix::Measure(_) | Suffix::Currency(_) | Suffix::Count(_))
    ) {
        // (Only a slash starts one: a key compared before the call.)
        if let Some((n, u)) = next.filter(|t| t.key == "/").and_then(|t| per(&rest, t)) {
            per_unit = Some(u);
            rest = rest.drop_front(n);
            next = rest.first();
        }
    }
    let mut approx = p.approx;
    if let Some((n, a)) = next.and_then(|t| LEXICON.approx_after.longest_with(&rest, t)) {
        if approx.is_none() && !ranged {
            approx = Some(*a);
            rest = rest.drop_front(n);
        }
    }
    if (p.from || p.between) && !ranged && approx.is_none() {
        return None;
    }
    if p.between && !ranged {
        return None;
    }
    // A lone digit word is a number only with a unit, a bound or a range.
    // "vài năm sở hữu", "các năm học": after a quantifier a lone "năm" is the year word.
    if lone(&a)
        && !ranged
        && first.key == "năm"
        && p.len == 0
        && first.index > sentence.range.0
        && YEAR_QUANTIFIERS.contains(&sentence.key(first.index - 1))
    {
        return None;
    }
    if lone(&a) && !ranged {
        // "một người", "một cách": "một" before a counted noun is an article.
        let one = a.min == Decimal::from_int(1);
        let counted = matches!(the_suffix.as_deref(), Some(Suffix::Count(_)));
        if the_suffix.is_none() || (one && counted && p.approx.is_none()) {
            return None;
        }
    }
    if p.negative {
        let (lo, hi) = (min.neg(), max.map(Decimal::neg));
        match hi {
            Some(h) => {
                min = h;
                max = Some(lo);
            }
            None => min = lo,
        }
    }
    let amount = Amount {
        value: if max.is_some() { None } else { Some(min) },
        min: max.map(|_| min),
        max,
        approx,
    };
    let end = input.len() - rest.len() + first.index;
    // A bare whole number that is a year ("Luật Đất đai 2024") or closes a
    // name ("RON 95", "Quân khu 7", "Bệnh viện Nhi đồng 1") is not a figure.
    if whole
        && the_suffix.is_none()
        && approx.is_none()
        && !ranged
        && (year_shaped || closes_name(sentence, first.index) || before_time_range(&rest))
    {
        return None;
    }
    let value = match (p.currency, the_suffix) {
        (Some(code), None) => EntityValue::Money {
            amount,
            unit: Cow::Borrowed(code),
            per: per_unit,
        },
        (Some(_), Some(_)) => return None,
        (None, None) => EntityValue::Number(amount),
        (None, Some(s)) => match *s {
            Suffix::Percent => EntityValue::Percent {
                amount,
                points: false,
                sign: "%",
            },
            Suffix::Points => EntityValue::Percent {
                amount,
                points: true,
                sign: "%",
            },
            Suffix::Permille => EntityValue::Percent {
                amount,
                points: false,
                sign: "‰",
            },
            Suffix::Currency(_) => EntityValue::Money {
                amount,
                unit: unit_of(s),
                per: per_unit,
            },
            Suffix::Measure(_) | Suffix::Count(_) => EntityValue::Quantity {
                amount,
                unit: unit_of(s),
                per: per_unit,
            },
            Suffix::Time => return None,
        },
    };
    let rule = match &value {
        EntityValue::Number(_) if a.mag.is_some_and(|m| !m.digits) => "numbers::words",
        EntityValue::Number(_) => "numbers::digits",
        EntityValue::Percent { .. } => "numbers::percent",
        EntityValue::Money { .. } => "numbers::money",
        _ => "numbers::quantity",
    };
    Some((end, value, rule))
}

/// "gấp đôi", "một phần ba", "2/3 số xã"; nothing for "hàng nghìn". `first`
/// is the first token of `input`.
fn special<'a>(
    sentence: &SentenceView<'_>,
    input: Toks<'a>,
    first: Tok<'a>,
) -> Option<(usize, EntityValue, &'static str)> {
    if first.token.kind == TokenKind::Number {
        // No key below is a number's: "2/3 số xã".
        return fraction(sentence, input, first);
    }
    match first.key {
        // "hàng nghìn người", "hàng chục tỷ đồng": vague amounts are not figures (GUIDELINES §2).
        "hàng" => None,
        "gấp" => multiplier(input, first),
        "phần" => None,
        _ => fraction(sentence, input, first),
    }
}

/// "gấp đôi", "gấp rưỡi": a quantity of "lần" with no figure written.
/// With a figure, "gấp" is a verb outside the span: "gấp 2,1 lần" → the
/// quantity "2,1 lần" (GUIDELINES §2), read as a figure and its counted noun.
fn multiplier<'a>(input: Toks<'a>, first: Tok<'a>) -> Option<(usize, EntityValue, &'static str)> {
    let rest = input.drop_front(1);
    let word = rest.first()?;
    let (mut rest, value) = match word.key {
        "đôi" => (rest.drop_front(1), Decimal::from_int(2)),
        "rưỡi" => (rest.drop_front(1), Decimal::new(15, 1)?),
        _ => return None,
    };
    if rest.first().is_some_and(|t| t.key == "lần") {
        rest = rest.drop_front(1);
    }
    let end = first.index + input.len() - rest.len();
    Some((
        end,
        EntityValue::Quantity {
            amount: Amount::exact(value),
            unit: "lần".into(),
            per: None,
        },
        "numbers::multiplier",
    ))
}

/// `n/d` as an exact decimal when it terminates, else rounded to 6 places.
fn ratio(n: i64, d: i64) -> Option<Decimal> {
    if d <= 0 || n < 0 || n >= d {
        return None;
    }
    let scaled = (n as i128) * 1_000_000;
    let q = (scaled * 2 + d as i128) / (2 * d as i128);
    Decimal::new(q, 6)
}

/// "một phần ba", "ba phần tư", "2/3 số xã": a fraction (a `number` below
/// 1). `first` is the first token of `input`.
fn fraction<'a>(
    sentence: &SentenceView<'_>,
    input: Toks<'a>,
    first: Tok<'a>,
) -> Option<(usize, EntityValue, &'static str)> {
    // "2/3 số xã" (not a date: a share of something).
    if first.token.kind == TokenKind::Number {
        let text = first.text();
        let slash = text.bytes().position(|b| b == b'/')?;
        let (n, d) = (&text[..slash], &text[slash + 1..]);
        let (n, d): (i64, i64) = (n.parse().ok()?, d.parse().ok()?);
        let next = input.get(1)?;
        if next.key != "số" || d > 100 {
            return None;
        }
        let value = ratio(n, d)?;
        let noun = input
            .get(2)
            .filter(|t| t.token.kind == TokenKind::Word && !t.token.capitalized);
        let end = first.index + 2 + noun.map_or(0, |_| 1);
        let after = input.drop_front(2);
        let end = match suffix(&after, after.first(), false).as_ref().map(|(k, s)| (*k, &**s)) {
            Some((k, Suffix::Count(_) | Suffix::Measure(_))) => first.index + 2 + k,
            _ => end,
        };
        return Some((end, EntityValue::Number(Amount::exact(value)), "numbers::fraction"));
    }
    // "một phần ba": spelled numerator, "phần", spelled denominator.
    if first.token.kind != TokenKind::Word || !is_number_start_tok(sentence, &first) {
        return None;
    }
    // A numerator is at most five words ("chín trăm chín mươi chín"): no
    // "phần" among the next five tokens, no fraction (one id test each).
    let phan = LEXICON.phan;
    if phan != UNLISTED && !(1..=5).any(|i| input.token(i).is_some_and(|t| t.word == phan)) {
        return None;
    }
    let (rest, n) = words::below_thousand(input).ok()?;
    if rest.first()?.key != "phần" {
        return None;
    }
    let rest = rest.drop_front(1);
    let den = rest.first()?;
    let (rest, d) = match words::role(&den) {
        Some(WordRole::Unit(4)) => (rest.drop_front(1), 4),
        Some(WordRole::Digit(_) | WordRole::Ten) => words::below_thousand(rest).ok()?,
        _ => return None,
    };
    let value = ratio(n as i64, d as i64)?;
    Some((
        first.index + input.len() - rest.len(),
        EntityValue::Number(Amount::exact(value)),
        "numbers::fraction",
    ))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::Annotator;

    fn one(text: &str) -> (String, EntityValue) {
        let doc = Annotator::new().annotate(text);
        let e = doc
            .entities
            .iter()
            .find(|e| e.rule.starts_with("numbers"))
            .unwrap_or_else(|| panic!("nothing in {text:?}"));
        (e.text(&doc.text).to_owned(), e.value.clone())
    }

    /// Texts to check fast paths on: the corpus, the example tables and a few odd cases.
    pub(crate) fn sample_texts() -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts: Vec<String> = [
            "năm nay, năm 2023, 5 năm, năm - bảy người, không có, không quá 5 người, hơn gấp đôi",
            "khoảng một phần ba số hộ, gần 1/2 số xã, một phần tư, từ -5 đến 7 độ, US$ 500 triệu, $300",
            "hai mươi lăm nghìn, ba phẩy bốn, mười lăm, một trăm linh năm, âm năm độ, giữa ba và năm",
            "Ông Ba, thứ tư, lần thứ nhất, đầu tiên, hàng nghìn người, - 5 hộ, 50 -100, trên dưới 10 tấn",
        ]
        .map(str::to_owned)
        .to_vec();
        for dir in ["corpus", "tests/data"] {
            for entry in std::fs::read_dir(root.join(dir)).expect("readable folder") {
                let path = entry.expect("an entry").path();
                let Ok(file) = std::fs::read_to_string(&path) else {
                    continue;
                };
                for line in file.lines().filter(|l| !l.starts_with('#')) {
                    match path.extension().and_then(|e| e.to_str()) {
                        Some("jsonl") => {
                            let doc: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
                            texts.push(doc["text"].as_str().unwrap_or_default().to_owned());
                        }
                        Some("tsv") => texts.push(line.split('\t').next().unwrap_or_default().replace("\\n", "\n")),
                        _ => {}
                    }
                }
            }
        }
        texts
    }

    /// Calls `f` with a view of every sentence of [`sample_texts`].
    pub(crate) fn each_sample_sentence(mut f: impl FnMut(&SentenceView)) {
        for text in sample_texts() {
            let toks = crate::tokenizer::tokenize(&text);
            for s in &toks.sentences {
                f(&SentenceView {
                    text: &text,
                    tokens: &toks.tokens,
                    keys: &toks.keys,
                    range: (s.tokens.start, s.tokens.end),
                });
            }
        }
    }

    /// The gates of [`figure`] answer as the rules without them, at every token.
    #[test]
    fn figure_gates_change_nothing() {
        let mut read = 0;
        each_sample_sentence(|view| {
            for at in view.range.0..view.range.1 {
                let input = view.from(at);
                let first = input.first().expect("a token");
                let approx = LEXICON.approx_before.longest(&input);
                let slow = figure_read(view, input, first, approx, prefix(view, input, first, approx));
                assert_eq!(figure(view, input), slow, "{:?}", view.text_of(at));
                read += usize::from(slow.is_some());
            }
        });
        assert!(read > 1000, "{read} figures");
    }

    /// The identifier-noun gate answers as the look-up it guards, before
    /// every token of the sample texts.
    #[test]
    fn id_head_gate_changes_nothing() {
        let mut found = 0;
        each_sample_sentence(|view| {
            for at in view.range.0 + 1..view.range.1 {
                let prev = view.from(at - 1).first().expect("a token");
                let slow = ends_id_head(view, at);
                assert_eq!(after_id_head(view, at, &prev), slow, "{:?}", view.text_of(at));
                found += usize::from(slow);
            }
        });
        assert!(found > 100, "{found} identifier nouns");
    }

    #[test]
    fn units_currencies_and_bounds() {
        let (t, v) = one("Thu ngân sách đạt 1.700.988 tỷ đồng.");
        assert_eq!(t, "1.700.988 tỷ đồng");
        assert_eq!(v.amount().unwrap().value.unwrap().to_string(), "1700988000000000");
        let (t, v) = one("Giá xăng 24.000 đồng/lít.");
        assert_eq!(t, "24.000 đồng/lít");
        assert!(matches!(v, EntityValue::Money { per: Some(ref p), .. } if p == "lít"));
        let (t, v) = one("Tăng từ 5 đến 7%.");
        assert_eq!(t, "từ 5 đến 7%");
        assert_eq!(v.amount().unwrap().min, Some(Decimal::from_int(5)));
    }
}
