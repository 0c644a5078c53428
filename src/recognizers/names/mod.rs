//! Officials, persons, organizations and places.
//!
//! In: a sentence's tokens. Out: `official`, `person`, `org` and `place`
//! candidates (an official's name, organization and place are emitted too,
//! nested inside it), and after resolution short mentions ("ông Thọ", "Bí thư
//! Thọ") linked to the first full mention of the name.
//!
//! The vocabulary is data (`grammars/places.tsv`, `place_units.tsv`,
//! `orgs.tsv`, `titles.tsv`, `surnames.tsv`, `name_stops.tsv`, loaded by the private `lexicon` module); the grammar,
//! over tokens compared by their matching keys:
//!
//! ```text
//! place      := unit (known | number | capword{1,3})      "tỉnh Bến Tre", "phường 5", "đường Lê Lợi"
//!             | unit-abbreviation "." number (one token)  "Q.1"
//!             | known                                     "TP.HCM", "Tây Nguyên", "Nhật Bản"
//! unit       := tỉnh | thành phố | TP. | huyện | xã | phường | đường | …   (place_units.tsv)
//! org        := fixed                                     "Quốc hội", "TTXVN"
//!             | "Bộ" sector                               "Bộ Công an"
//!             | ("Sở" | "Phòng") sector [place]           "Sở Y tế tỉnh Bến Tre"
//!             | local (part | org | place | unit)         "Tỉnh ủy Bến Tre", "UBND tỉnh Cà Mau",
//!                                                         "Ban Tổ chức Trung ương", "Ban Thường vụ Tỉnh ủy X"
//!             | generic bodyname [unit place]             "Bệnh viện Đa khoa tỉnh Bến Tre"
//! bodyname   := capword {capword | part | lowerword}      at most 8; one to three lower-case words
//!                                                         only before a capitalized one ("Đa khoa tỉnh")
//! title      := rank | academic
//!             | {former | acting | deputy} head {post} [org | sector | "nước"] [place]
//!               ["khóa" term] ["tại" place]               "Đại biểu Quốc hội khóa XV"
//! chain      := title {("," ["kiêm"] | "kiêm") title}      at most 6 titles
//! name       := surname capword{1,3}                      "Lê Đức Thọ" (at most 4 syllables)
//!             | capword{1,5}                              only after a title, an honorific or "Ảnh:"
//!                                                         ("ông Y Thanh Hà Niê Kđăm")
//! official   := chain [[","] honorific] name [("," | "-") chain]
//!                                                         "Thượng tướng Lương Tam Quang, Bộ trưởng Bộ Công an"
//!             | [honorific] name ("," | "-") chain        "ông Nguyễn Văn Hùng, Giám đốc Sở Công Thương"
//! person     := honorific name | surname-name | "Ảnh" ":" [agency "/"] name ["/" org]
//!             | name alone on the last line of the document (a byline)
//! ```
//!
//! After resolution ([`Recognizer::finish`]): a one-syllable name ("ông Thọ",
//! "Bí thư Thọ") gets `refers_to` = the span of the first full mention whose
//! last syllable it is (a "TITLE Word" official that links to nothing is
//! dropped). A bare title ("Thủ tướng nhấn mạnh…") names nobody and is no
//! official (corpus/GUIDELINES.md §5), even when one earlier official holds it.
//!
//! The parsers live in `places`, `orgs`, `titles` and `persons`; `linking`
//! does the work after resolution.
//!
//! Honorifics (ông, bà, anh, chị, đồng chí) are left out of every span.
//! Where a word is both a surname and something else ("Phó", "Ông", "Lâm"),
//! the title, honorific or place reading wins.

pub(crate) mod lexicon;
mod linking;
mod orgs;
mod persons;
mod places;
mod titles;

use super::{Candidate, Recognizer, SentenceView, Triggers};
use crate::model::{Document, EntityValue};
use crate::span::Span;
use crate::token_input::{satisfy, Tok, TokError, TokResult, Toks};
use crate::tokenizer::{Gap, TokenKind};
use lexicon::{Follows, OrgKind, PlaceKind, TitleKind, TitlePart, LEXICON};
use lexicon::{INTRO, LOWER, MODIFIER, ORG, PHOTO, PLACE, PLACE_LOWER, SURNAME, TITLE, UNIT};
use nom::error::{ErrorKind, ParseError};
use nom::{Input, Parser};
use std::ops::Range;

use linking::*;
use orgs::*;
use persons::*;
use places::*;
use titles::*;

/// The names recognizer: officials, persons, organizations and places.
///
/// ```
/// let doc = chiso::Annotator::new().annotate("Bí thư Tỉnh ủy Bến Tre Lê Đức Thọ phát biểu.");
/// let official = doc.entities.iter().find(|e| e.value.type_name() == "official").unwrap();
/// assert_eq!(official.text(&doc.text), "Bí thư Tỉnh ủy Bến Tre Lê Đức Thọ");
/// ```
#[derive(Debug, Default)]
pub struct Names;

impl Names {
    /// A names recognizer (the gazetteers load on first use).
    pub fn new() -> Names {
        Names
    }
}

const RULE_SHORT_TITLE: &str = "names::title_short";

fn fail<'a, T>(input: Toks<'a>) -> TokResult<'a, T> {
    Err(nom::Err::Error(TokError::from_error_kind(input, ErrorKind::Verify)))
}

/// `p` applied up to `max` times: (the rest, how many times it matched).
/// What `many_m_n(0, max, p)` reads, without collecting the outputs (every
/// parser given here consumes a token when it matches).
fn repeat<'a, O>(input: Toks<'a>, max: usize, mut p: impl FnMut(Toks<'a>) -> TokResult<'a, O>) -> TokResult<'a, usize> {
    let mut rest = input;
    for count in 0..max {
        match p(rest) {
            Ok((after, _)) => rest = after,
            Err(nom::Err::Error(_)) => return Ok((rest, count)),
            Err(e) => return Err(e),
        }
    }
    Ok((rest, max))
}

/// The longest phrase of `table` accepted by `ok`, as a parser.
fn phrase<'a, 'p, V>(
    table: &'p lexicon::Phrases<V>,
    ok: impl Fn(&V) -> bool,
) -> impl Fn(Toks<'a>) -> TokResult<'a, &'p V> {
    move |input: Toks<'a>| match table.longest_in(&input, &ok) {
        Some((n, v)) => Ok((input.take_from(n), v)),
        None => fail(input),
    }
}

fn title_kind<'a>(ok: impl Fn(TitleKind) -> bool) -> impl Fn(Toks<'a>) -> TokResult<'a, &'static TitlePart> {
    phrase(&LEXICON.titles, move |t: &TitlePart| ok(t.kind))
}

/// A word that can be a syllable of a name: capitalized, with a lower-case
/// letter unless it is one letter ("A"), so acronyms (GRDP) are not names.
fn name_shaped(t: &Tok<'_>) -> bool {
    t.token.kind == TokenKind::Word
        && t.token.capitalized
        && lower_after_first(t.text())
        && !LEXICON.stops.contains(t.keyed())
}

/// True when `text` is one character, or has a lower-case letter after its
/// first: an ASCII one found on the bytes, else the letters are decoded.
fn lower_after_first(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next();
    let rest = chars.as_str();
    rest.is_empty() || rest.bytes().any(|b| b.is_ascii_lowercase()) || rest.chars().any(char::is_lowercase)
}

/// A listed place at the start of `input` accepted by `ok`, written with a
/// capital when the list writes it so ("Pháp", not "biện pháp").
fn listed_place<'a>(input: Toks<'a>, ok: impl Fn(&lexicon::Place) -> bool) -> TokResult<'a, &'static lexicon::Place> {
    let Some(first) = input.first() else {
        return fail(input);
    };
    // Two probes before reading the word's letters: a place starts here,
    // and is one word or goes on with the next one.
    let second = input.get(1);
    if !LEXICON.places.starts_with(first.keyed())
        || !LEXICON.place_gate.may_match(first.keyed(), second.map(|t| t.keyed()))
    {
        return fail(input);
    }
    let cap = first.token.capitalized;
    // "BỘ TƯ PHÁP": a heading in capitals is not the country "Pháp" (its
    // letters read only when a place written in lower case is at stake; an
    // ASCII lower-case letter answers without decoding them).
    let shouting = std::cell::OnceCell::new();
    let shouting = || *shouting.get_or_init(|| shouted(first.text()));
    match LEXICON
        .places
        .longest_in(&input, |p| (cap || !p.cap) && (p.acronym || !shouting()) && ok(p))
    {
        Some((n, place)) => Ok((input.take_from(n), place)),
        None => fail(input),
    }
}

/// True for a word of two letters or more with no lower-case letter
/// ("PHÁP"); an ASCII lower-case letter answers without decoding the others.
fn shouted(text: &str) -> bool {
    !text.bytes().any(|b| b.is_ascii_lowercase())
        && text.chars().nth(1).is_some()
        && !text.chars().any(char::is_lowercase)
}

/// A name syllable that continues a name: on the same line.
fn continues(t: &Tok<'_>) -> bool {
    name_shaped(t) && matches!(t.token.gap, Gap::Space)
}

fn one<'a>(text: &'static str) -> impl Fn(Toks<'a>) -> TokResult<'a, Tok<'a>> {
    satisfy(move |t| t.key == text)
}

// ---------------------------------------------------------------- emitting

struct Emit<'s, 'a> {
    view: &'s SentenceView<'a>,
    out: &'s mut Vec<Candidate>,
}

impl<'a> Emit<'_, 'a> {
    /// The text of tokens `r`.
    fn slice(&self, r: &Range<usize>) -> &'a str {
        let span = self.view.tokens[r.start].span.cover(self.view.tokens[r.end - 1].span);
        span.slice(self.view.text)
    }

    fn text(&self, r: &Range<usize>) -> String {
        self.slice(r).to_owned()
    }

    fn push(&mut self, tokens: Range<usize>, value: EntityValue, rule: &'static str) {
        if !tokens.is_empty() {
            self.out.push(Candidate { tokens, value, rule });
        }
    }

    fn place(&mut self, p: &PlaceM) {
        self.push(
            p.range.clone(),
            EntityValue::Place(p.canonical.to_string()),
            "names::place",
        );
    }

    fn org(&mut self, o: &OrgM) {
        if o.bare {
            return;
        }
        self.push(o.range.clone(), EntityValue::Org(o.canonical.to_string()), "names::org");
        if let Some(p) = &o.place {
            self.place(p);
        }
    }

    fn person(&mut self, name: &Range<usize>, rule: &'static str) {
        let value = EntityValue::Person {
            name: self.text(name),
            refers_to: None,
        };
        self.push(name.clone(), value, rule);
    }

    /// An official: `titles` before and/or after the `name`.
    fn official(&mut self, name: Range<usize>, before: &[(Sep, TitleM)], after: &[(Sep, TitleM)]) {
        let start = before.first().map_or(name.start, |(_, t)| t.range.start);
        let end = after.last().map_or(name.end, |(_, t)| t.range.end);
        let mut title = String::new();
        let mut org = None;
        let mut place = None;
        // "Trung tướng Đỗ Minh Quang, Thứ trưởng Bộ Quốc phòng": ranks and
        // academic titles leave the title when a position is there too.
        let positioned = before.iter().chain(after).any(|(_, t)| t.headed);
        for (i, (sep, t)) in before.iter().chain(after).enumerate() {
            if positioned && !t.headed {
                continue;
            }
            if !title.is_empty() {
                title.push_str(match (i == before.len(), sep) {
                    (true, _) | (_, Sep::Comma) => ", ",
                    (_, Sep::Kiem) => " kiêm ",
                    (_, Sep::CommaKiem) => ", kiêm ",
                });
            }
            title.push_str(self.slice(&(t.range.start..t.text_end.max(t.range.start + 1))));
            if let Some(o) = &t.org {
                org = Some(o.canonical.to_string());
                self.org(o);
            }
            if let Some(p) = &t.place {
                place = Some(p.canonical.to_string());
                self.place(p);
            }
        }
        let short = name.len() == 1 && after.is_empty();
        let rule = if short { RULE_SHORT_TITLE } else { "names::official" };
        self.person(&name, rule);
        let value = EntityValue::Official {
            name: self.text(&name),
            title,
            org,
            place,
            refers_to: None,
        };
        self.push(start..end, value, rule);
    }

    /// After a name: ", TITLE…" makes an official, otherwise a person.
    fn name_then_titles(&mut self, name: Range<usize>, rest: Toks<'_>, rule: &'static str) {
        if let Some(titles) = titles_after_name(rest) {
            if titles[0].1.headed || titles.len() > 1 {
                self.official(name, &[], &titles);
                return;
            }
        }
        self.person(&name, rule);
    }
}

/// Is tokens `start..end` of the sentence exactly one phrase of `table`?
fn phrase_between<V>(table: &lexicon::Phrases<V>, view: &SentenceView<'_>, start: usize, end: usize) -> bool {
    let word = |k: usize| (start + k < end).then(|| (view.tokens[start + k].word, view.key(start + k)));
    table.longest(word, |_| true).is_some_and(|(n, _)| n == end - start)
}

/// Is the place at `at` part of a facility's or currency's name? One or two
/// host words end right before it, or before the capitalized names and
/// hyphen leading to it: "cao tốc Cần Thơ - Cà Mau", "đô la Mỹ" (at most four
/// tokens back over names, so the check is bounded).
fn hosted(view: &SentenceView<'_>, at: usize) -> bool {
    let mut end = at;
    for _ in 0..4 {
        if end <= view.range.0 {
            return false;
        }
        if ends_host(view, end) {
            return true;
        }
        let name_or_dash = view
            .from(end - 1)
            .first()
            .is_some_and(|t| matches!(t.key, "-" | "–") || t.token.capitalized);
        if !name_or_dash {
            return false;
        }
        end -= 1;
    }
    false
}

/// Does a host of [`hosted`] ("cao tốc", "đô la") of one or two words end
/// right before token `end`? A host ends with one of its last words: one
/// bit test before the look-ups.
fn ends_host(view: &SentenceView<'_>, end: usize) -> bool {
    let last = &view.tokens[end - 1];
    LEXICON.place_host_ends.contains((last.word, view.key(end - 1))) && reads_host(view, end)
}

/// [`ends_host`] without its gate: the hosts ending before `end`, read.
fn reads_host(view: &SentenceView<'_>, end: usize) -> bool {
    let host = |n: usize| end - view.range.0 >= n && phrase_between(&LEXICON.place_hosts, view, end - n, end);
    host(1) || host(2)
}

/// ", TITLE…" after a name, unless another name follows the titles: in
/// "Phó Thủ tướng Hồ Đức Thành, Bộ trưởng Bộ Tài chính Nguyễn Thanh Bình"
/// the second title is Nguyễn Thanh Bình's.
fn titles_after_name(rest: Toks<'_>) -> Option<Vec<(Sep, TitleM)>> {
    let (after, (_, titles)) = name_sep.and(|i| chain(i, false)).parse(rest).ok()?;
    let end = titles.last().map_or(after.offset(), |(_, t)| t.range.end);
    let after = after.take_from(end.saturating_sub(after.offset()));
    (strict_name(after).is_err()).then_some(titles)
}

impl Recognizer for Names {
    fn name(&self) -> &'static str {
        "names"
    }

    fn triggers(&self) -> Triggers {
        Triggers {
            keys: LEXICON.lower_first.clone(),
            kinds: Vec::new(),
            capitalized: true,
        }
    }

    fn recognize_at(&self, view: &SentenceView<'_>, at: usize, out: &mut Vec<Candidate>) {
        let lex = &*LEXICON;
        let input = view.from(at);
        let Some(tok) = input.first() else {
            return;
        };
        let mut emit = Emit { view, out };
        let bits = lex.first.get(tok.keyed()).copied().unwrap_or(0);
        if !tok.token.capitalized && bits & LOWER == 0 {
            return;
        }
        if bits == 0 {
            if tok.key.contains('.') {
                if let Ok((_, p)) = dotted_place(input) {
                    emit.place(&p);
                    return;
                }
            }
            byline(&mut emit, view, at);
            return;
        }
        let prev = (at > view.range.0).then(|| view.from(at - 1).first()).flatten();

        // Photo credit: "(Ảnh: Huỳnh Phúc Hậu/TTXVN)".
        if bits & PHOTO != 0 {
            let Ok((after_colon, _)) = one(":")(input.take_from(1)) else {
                return;
            };
            // "Ảnh: VGP/Nhật Bắc": the agency may come first.
            let agency_first = after_colon
                .first()
                .is_some_and(|t| t.token.kind == TokenKind::Word && !t.text().chars().any(char::is_lowercase))
                && after_colon.get(1).is_some_and(|t| t.key == "/");
            if agency_first {
                if let Ok((_, name)) = loose_name(after_colon.take_from(2)) {
                    emit.person(&name, "names::photo_credit");
                }
                return;
            }
            // One word alone is usually a source ("Ảnh: Internet"), not a person.
            if let Ok((rest, name)) = loose_name(after_colon) {
                if name.len() > 1 || rest.first().is_some_and(|t| t.key == "/") {
                    emit.person(&name, "names::photo_credit");
                }
            }
            return;
        }

        // Places and organizations. At a lower-case word only a unit ("tỉnh"),
        // a place written in lower case or a dotted "q.1" can start a place.
        let cap = tok.token.capitalized;
        let placeish = bits & (PLACE | UNIT) != 0 && (cap || bits & (UNIT | PLACE_LOWER) != 0 || tok.key.contains('.'));
        if let Some((_, p)) = placeish.then(|| place(input).ok()).flatten() {
            let single_weak = p.range.len() == 1
                && name_shaped(&tok)
                && (prev.is_some_and(|t| name_shaped(&t))
                    || after_honorific(view, at)
                    || input.get(1).is_some_and(|t| continues(&t)));
            // "vùng núi Bắc Bộ": "núi" is part of a common noun here.
            let noun =
                p.unit.is_some() && prev.is_some_and(|t| phrase_between(&LEXICON.unit_nouns, view, t.index, at + 1));
            if !single_weak && !noun && !hosted(view, at) {
                emit.place(&p);
            }
        }
        if bits & ORG != 0 {
            if let Ok((_, o)) = org(input, false, 0) {
                emit.org(&o);
            }
        }

        // Title first: "Bí thư Tỉnh ủy Bến Tre Lê Đức Thọ".
        let mut titled = false;
        // A lower-case word starts a (capitalized) title only as a modifier: "nguyên Bộ trưởng".
        if bits & TITLE != 0 && (cap || bits & MODIFIER != 0) {
            if let Ok((rest, mut titles)) = chain(input, true) {
                titled = true;
                // "Chủ tịch HĐQT Vietjet Nguyễn Thị Phương Thảo": one or two
                // unlisted capitalized words before a full name belong to the
                // title (the body's own name).
                // (`strict_name` here is read once, for either `k`.)
                let no_name_here = std::cell::OnceCell::new();
                if let Some(k) = (1..=2).find(|&k| {
                    rest.len() > k
                        && (0..k).all(|i| rest.get(i).is_some_and(|t| continues(&t)))
                        && *no_name_here.get_or_init(|| strict_name(rest).is_err())
                        && full_name_at(rest.take_from(k))
                }) {
                    let rest_k = rest.take_from(k);
                    if let Some((_, last)) = titles.last_mut() {
                        last.range.end = rest_k.offset();
                        if last.text_end == rest.offset() {
                            last.text_end = rest_k.offset();
                        }
                    }
                }
                let rest = match titles.last() {
                    Some((_, t)) if t.range.end > rest.offset() => rest.take_from(t.range.end - rest.offset()),
                    _ => rest,
                };
                // "Phó Chủ tịch UBND tỉnh, ông Nguyễn Văn A": an honorific may
                // stand between the title and the name.
                let headed = titles.last().is_some_and(|(_, t)| t.headed);
                let rest = match (opt_comma, title_kind(|k| k == TitleKind::Honorific)).parse(rest) {
                    Ok((after, _)) if headed && after.first().is_some_and(|t| continues(&t)) => after,
                    _ => rest,
                };
                let loose = loose_name_read(rest).ok().filter(|(_, (name, strict))| {
                    // "Chủ tịch Real Madrid": after a bare domestic head only a
                    // surname name or one syllable (a short mention) is a name.
                    let last = titles.last().map(|(_, t)| t);
                    let strong = last.is_some_and(|t| !t.headed || t.abroad || t.org.is_some() || t.place.is_some());
                    strong || name.len() == 1 || *strict
                });
                if let Some((rest, (name, _))) = loose {
                    let more = titles_after_name(rest).filter(|t| t[0].1.headed);
                    if titles.iter().all(|(_, t)| t.academic) {
                        // "PGS.TS Nguyễn Quang Huy": a degree alone is no
                        // position; the name may still take one after it.
                        emit.name_then_titles(name, rest, "names::academic");
                    } else {
                        emit.official(name, &titles, more.as_deref().unwrap_or(&[]));
                    }
                }
            }
        }

        // Honorific + name: "ông Nguyễn Văn Hùng", "ông Ba" (not "Bà Rịa").
        let introducer = |k| matches!(k, TitleKind::Honorific | TitleKind::Role);
        if let Some(Ok((after, part))) = (bits & INTRO != 0).then(|| title_kind(introducer)(input)) {
            if phrase(&lex.places, |_| true)(input).is_err() {
                if let Ok((rest, name)) = loose_name(after) {
                    // "cầu thủ Brazil", "HLV Barcelona": after an occupation one
                    // unlisted word or a place is not a name ("ca sĩ Mỹ Tâm" is).
                    let place_only = listed_place(after, |_| true).is_ok_and(|(r, _)| r.offset() >= name.end);
                    // (A name read by `strict_name` has two words or more.)
                    let one_word = name.len() == 1;
                    if part.kind == TitleKind::Role && (place_only || one_word) {
                        return;
                    }
                    emit.name_then_titles(name, rest, "names::honorific");
                    return;
                }
            }
        }

        // A surname: "Nguyễn Văn Hùng", "Nguyễn Văn Hùng, Giám đốc Sở Công Thương".
        // Not where a title ("Phó Chủ tịch"), an honorific ("Ông Nguyễn")
        // or a listed place ("Hàn Quốc", "Lâm Đồng") reads better.
        if titled || bits & SURNAME == 0 || !name_shaped(&tok) {
            return;
        }
        if bits & TITLE != 0 {
            let next = |k: fn(TitleKind) -> bool| title_kind(k)(input).ok().and_then(|(rest, _)| rest.first());
            let deputy = next(|k| matches!(k, TitleKind::Deputy | TitleKind::Acting));
            let honorific = next(|k| k == TitleKind::Honorific);
            if deputy.is_some_and(|t| lex.titles.starts_with(t.keyed())) || honorific.is_some_and(|t| continues(&t)) {
                return;
            }
        }
        if bits & PLACE != 0 && listed_place(input, |p| p.kind != PlaceKind::UnitOnly).is_ok() {
            return;
        }
        if let Ok((rest, name)) = strict_name(input) {
            let word = lex.surnames.longest_in(&input, |w| *w);
            // "Từ Hà Nội": a word-like surname before a listed place is a word.
            let before_place = word.is_some_and(|(n, _)| {
                listed_place(input.take_from(n), |p| p.kind != PlaceKind::UnitOnly)
                    .is_ok_and(|(after, _)| after.offset() >= name.end)
            });
            if !before_place && (word.is_none() || name.len() >= 3) {
                emit.name_then_titles(name, rest, "names::surname");
            }
        }
    }

    fn finish(&self, doc: &mut Document) {
        link_short_mentions(doc);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenizer::tokenize;

    fn parse_with<T>(text: &str, p: impl Fn(Toks<'_>) -> TokResult<'_, T>) -> Option<(T, usize)> {
        let toks = tokenize(text);
        let input = Toks::new(text, &toks.tokens, &toks.keys);
        p(input).ok().map(|(rest, v)| (v, rest.offset()))
    }

    /// The first-word bits skip only what cannot start at a word: at every
    /// token of the corpus and the example tables, a skipped rule finds nothing.
    #[test]
    fn skipped_rules_find_nothing_there() {
        let mut skipped = [0; 3];
        crate::recognizers::numbers::tests::each_sample_sentence(|view| {
            for at in view.range.0..view.range.1 {
                let input = view.from(at);
                let tok = input.first().expect("a token");
                let bits = LEXICON.first.get(tok.keyed()).copied().unwrap_or(0);
                let cap = tok.token.capitalized;
                if !cap && bits & MODIFIER == 0 {
                    assert!(chain(input, true).is_err(), "title at {:?}", tok.text());
                    skipped[0] += 1;
                }
                if !cap && bits & (UNIT | PLACE_LOWER) == 0 && !tok.key.contains('.') {
                    assert!(place(input).is_err(), "place at {:?}", tok.text());
                    skipped[1] += 1;
                }
                if bits & INTRO == 0 {
                    let introducer = |k| matches!(k, TitleKind::Honorific | TitleKind::Role);
                    assert!(title_kind(introducer)(input).is_err(), "introducer at {:?}", tok.text());
                    skipped[2] += 1;
                }
            }
        });
        assert!(skipped.iter().all(|&n| n > 1000), "{skipped:?}");
    }

    /// The byte shortcuts and gates answer as the rules they stand for, at
    /// every token of the corpus and the example tables.
    #[test]
    fn shortcuts_answer_as_the_rules() {
        let lower = |t: &str| t.chars().skip(1).any(char::is_lowercase) || t.chars().count() == 1;
        let shout = |t: &str| t.chars().nth(1).is_some() && !t.chars().any(char::is_lowercase);
        let mut hosts = 0;
        crate::recognizers::numbers::tests::each_sample_sentence(|view| {
            for at in view.range.0..view.range.1 {
                let t = view.text_of(at);
                assert_eq!(lower_after_first(t), lower(t), "{t:?}");
                assert_eq!(shouted(t), shout(t), "{t:?}");
                let input = view.from(at);
                let strict = strict_name(input).is_ok();
                assert!(
                    loose_name_read(input).map_or(!strict, |(_, (_, s))| s == strict),
                    "{t:?}"
                );
                if LEXICON.places.longest_in(&input, |_| true).is_some() {
                    let second = input.get(1).map(|t| t.keyed());
                    assert!(LEXICON
                        .place_gate
                        .may_match(input.first().expect("a token").keyed(), second));
                }
                if LEXICON.titles.longest_in(&input, |_| true).is_none() {
                    assert!(
                        title_read(input, true).is_err() && title_read(input, false).is_err(),
                        "{t:?}"
                    );
                }
                let slow = reads_host(view, at + 1);
                assert_eq!(ends_host(view, at + 1), slow, "{t:?}");
                hosts += usize::from(slow);
            }
        });
        assert!(hosts > 10, "{hosts} hosts");
        for t in [
            "A", "Đ", "ĐBSCL", "PHÁP", "Pháp", "Lê", "LÊ", "Ấn", "X1", "1X", "aÀ", "Àa", "ǅa", "ß",
        ] {
            assert_eq!(lower_after_first(t), lower(t), "{t}");
            assert_eq!(shouted(t), shout(t), "{t}");
        }
    }

    #[test]
    fn places_take_their_unit_word() {
        let (p, n) = parse_with("tỉnh Bến Tre có", place).unwrap();
        assert_eq!((&*p.canonical, n), ("Bến Tre", 3));
        let (p, _) = parse_with("TP.HCM", place).unwrap();
        assert_eq!(p.canonical, "Thành phố Hồ Chí Minh");
        let (p, _) = parse_with("thành phố Hồ Chí Minh", place).unwrap();
        assert_eq!(p.canonical, "Thành phố Hồ Chí Minh");
        let (p, _) = parse_with("phường 5", place).unwrap();
        assert_eq!(p.canonical, "Phường 5");
        assert!(parse_with("tỉnh Nguyễn Văn", place).is_none());
    }

    #[test]
    fn organizations_compose() {
        let canon = |t: &str| parse_with(t, |i| org(i, false, 0)).map(|(o, _)| o.canonical);
        assert_eq!(canon("UBND tỉnh Cà Mau").unwrap(), "Ủy ban nhân dân tỉnh Cà Mau");
        assert_eq!(canon("Tỉnh uỷ Bến Tre").unwrap(), "Tỉnh ủy Bến Tre");
        assert_eq!(canon("Bộ Công an").unwrap(), "Bộ Công an");
        assert_eq!(canon("Ban Tổ chức Trung ương").unwrap(), "Ban Tổ chức Trung ương");
        assert_eq!(
            canon("Ban Chấp hành Đảng bộ tỉnh Bến Tre").unwrap(),
            "Ban Chấp hành Đảng bộ tỉnh Bến Tre"
        );
        assert_eq!(canon("UBND TP.HCM").unwrap(), "Ủy ban nhân dân Thành phố Hồ Chí Minh");
        assert_eq!(canon("TTXVN").unwrap(), "Thông tấn xã Việt Nam");
        assert!(canon("Văn phòng").is_none());
    }

    #[test]
    fn titles_are_a_grammar() {
        let t = |s: &str| parse_with(s, |i| title(i, true)).map(|(t, n)| (t.text_end, t.range.end, n));
        assert_eq!(t("Phó Chủ tịch Thường trực UBND tỉnh Bến Tre"), Some((6, 9, 9)));
        assert_eq!(t("Bí thư Tỉnh ủy Bến Tre"), Some((4, 6, 6)));
        assert!(t("tăng trưởng GRDP").is_none());
        assert!(parse_with("Lê Đức Thọ", strict_name).is_some());
        assert!(parse_with("Phó Chủ tịch", strict_name).is_none());
    }
}
