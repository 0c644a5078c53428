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
//! person     := honorific name | surname-name | "Ảnh" ":" name ["/" org]
//!             | name alone on the last line of the document (a byline)
//! ```
//!
//! After resolution ([`Recognizer::finish`]): a one-syllable name ("ông Thọ",
//! "Bí thư Thọ") gets `refers_to` = the span of the first full mention whose
//! last syllable it is (a "TITLE Word" official that links to nothing is
//! dropped); a bare capitalized title ("Thủ tướng nhấn mạnh…") held by exactly
//! one earlier official becomes an official with that name and `refers_to`.
//!
//! Honorifics (ông, bà, anh, chị, đồng chí) are left out of every span.
//! Where a word is both a surname and something else ("Phó", "Ông", "Lâm"),
//! the title, honorific or place reading wins.

pub(crate) mod lexicon;

use super::{Candidate, Recognizer, SentenceView, Triggers};
use crate::model::{Document, EntityValue};
use crate::span::Span;
use crate::token_input::{satisfy, Tok, TokError, TokResult, Toks};
use crate::tokenizer::{Gap, TokenKind};
use lexicon::{Follows, OrgKind, PlaceKind, TitleKind, TitlePart, LEXICON};
use lexicon::{LOWER, ORG, PHOTO, PLACE, SURNAME, TITLE, UNIT};
use nom::error::{ErrorKind, ParseError};
use nom::multi::many_m_n;
use nom::{Input, Parser};
use std::ops::Range;

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
    Err(nom::Err::Error(TokError::from_error_kind(
        input,
        ErrorKind::Verify,
    )))
}

/// The longest phrase of `table` accepted by `ok`, as a parser.
fn phrase<'a, 'p, V>(
    table: &'p lexicon::Phrases<V>,
    ok: impl Fn(&V) -> bool,
) -> impl Fn(Toks<'a>) -> TokResult<'a, &'p V> {
    move |input: Toks<'a>| match table.longest_where(&input, &ok) {
        Some((n, v)) => Ok((input.take_from(n), v)),
        None => fail(input),
    }
}

fn title_kind<'a>(
    ok: impl Fn(TitleKind) -> bool,
) -> impl Fn(Toks<'a>) -> TokResult<'a, &'static TitlePart> {
    phrase(&LEXICON.titles, move |t: &TitlePart| ok(t.kind))
}

/// A word that can be a syllable of a name: capitalized, with a lower-case
/// letter unless it is one letter ("A"), so acronyms (GRDP) are not names.
fn name_shaped(t: &Tok<'_>) -> bool {
    t.token.kind == TokenKind::Word
        && t.token.capitalized
        && (t.text.chars().skip(1).any(char::is_lowercase) || t.text.chars().count() == 1)
        && !LEXICON.stops.contains(t.key)
}

/// A listed place at the start of `input` accepted by `ok`, written with a
/// capital when the list writes it so ("Pháp", not "biện pháp").
fn listed_place<'a>(
    input: Toks<'a>,
    ok: impl Fn(&lexicon::Place) -> bool,
) -> TokResult<'a, &'static lexicon::Place> {
    let cap = input.first().is_some_and(|t| t.token.capitalized);
    phrase(&LEXICON.places, move |p: &lexicon::Place| {
        (cap || !p.cap) && ok(p)
    })(input)
}

/// A name syllable that continues a name: on the same line.
fn continues(t: &Tok<'_>) -> bool {
    name_shaped(t) && matches!(t.token.gap, Gap::Space)
}

fn one<'a>(text: &'static str) -> impl Fn(Toks<'a>) -> TokResult<'a, Tok<'a>> {
    satisfy(move |t| t.key == text)
}

// ---------------------------------------------------------------- places

/// A recognized place.
#[derive(Debug, Clone)]
struct PlaceM {
    range: Range<usize>,
    /// The unit word's canonical form, when one introduces the place.
    unit: Option<&'static str>,
    /// The name without the unit ("Bến Tre", "5", "Lê Lợi").
    name: String,
    /// The canonical place name ("Bến Tre", "Quận 5").
    canonical: String,
}

fn words_text(input: &Toks<'_>, n: usize) -> String {
    let (a, b) = (
        input.get(0).expect("n > 0"),
        input.get(n - 1).expect("n > 0"),
    );
    input.text()[a.span().start..b.span().end].to_owned()
}

/// A known place (not one that needs a unit word).
fn known_place(input: Toks<'_>) -> TokResult<'_, PlaceM> {
    let (rest, place) = listed_place(input, |p| p.kind != PlaceKind::UnitOnly)?;
    Ok((
        rest,
        PlaceM {
            range: input.offset()..rest.offset(),
            unit: None,
            name: place.canonical.clone(),
            canonical: place.canonical.clone(),
        },
    ))
}

/// unit (known | number | capword{1,3})
fn unit_place<'a>(input: Toks<'a>) -> TokResult<'a, PlaceM> {
    let (after_unit, unit) = phrase(&LEXICON.units, |_| true)(input)?;
    let done = |rest: Toks<'a>, name: String, canonical: String| -> TokResult<'a, PlaceM> {
        Ok((
            rest,
            PlaceM {
                range: input.offset()..rest.offset(),
                unit: Some(unit.canonical.as_str()),
                name,
                canonical,
            },
        ))
    };
    let admin = |p: &lexicon::Place| {
        matches!(
            p.kind,
            PlaceKind::Province | PlaceKind::Town | PlaceKind::UnitOnly
        )
    };
    if unit.follows != Follows::Name {
        if let Ok((rest, place)) = listed_place(after_unit, admin) {
            // "phường Hội An Tây" is not "phường Hội An" + "Tây".
            let longer = unit.follows == Follows::Open
                && open_words(after_unit, 3).is_ok_and(|(r, _)| r.offset() > rest.offset());
            if !longer {
                return done(rest, place.canonical.clone(), place.canonical.clone());
            }
        }
    }
    if unit.follows == Follows::Known {
        return fail(input);
    }
    if let Some(t) = after_unit.first() {
        if t.token.kind == TokenKind::Number && t.token.gap != Gap::None {
            let mut canonical = capitalize(&unit.canonical);
            canonical.push(' ');
            canonical.push_str(t.text);
            return done(after_unit.take_from(1), t.text.to_owned(), canonical);
        }
    }
    let (rest, n) = open_words(after_unit, 3)?;
    let name = words_text(&after_unit, n);
    done(rest, name.clone(), name)
}

/// One to `max` capitalized words of a proper name ("Châu Thành"), stopping
/// before a person's full name ("huyện Châu Thành Nguyễn Văn Bảy") and taking
/// "Trung ương" whole ("Bệnh viện Nhi Trung ương").
fn open_words(input: Toks<'_>, max: usize) -> TokResult<'_, usize> {
    open_words_with(input, max, false)
}

/// [`open_words`]; with `lower`, a lower-case word may sit inside the name
/// when a capitalized word, a unit word or "Trung ương" follows it
/// ("Bệnh viện Đa khoa tỉnh", "Viện Tim mạch Trung ương"), as in the names
/// of bodies.
fn open_words_with(input: Toks<'_>, max: usize, lower: bool) -> TokResult<'_, usize> {
    let mut rest = input;
    let mut n = 0;
    let mut proper = false;
    while n < max {
        if lower && proper {
            // One to three lower-case words ("Đa khoa", "Kinh tế và Chính sách")
            // when a capitalized word, a unit word or "Trung ương" follows them
            // and no new body starts there ("… Trung ương và Bệnh viện …").
            let lower_word = |t: &Tok<'_>, i: usize| {
                t.token.kind == TokenKind::Word
                    && !t.token.capitalized
                    && t.token.gap == Gap::Space
                    && (!LEXICON.inner_stops.contains(t.key) || (i == 1 && t.key == "và"))
            };
            let run = (0..3)
                .take_while(|&i| rest.get(i).is_some_and(|t| lower_word(&t, i)))
                .count();
            let next_ok = |k: usize| {
                let after = rest.take_from(k);
                after.first().is_some_and(|t| {
                    (continues(&t) && LEXICON.orgs.longest_where(&after, |_| true).is_none())
                        || LEXICON.units.starts_with(t.key)
                        || LEXICON.parts.starts_with(t.key)
                })
            };
            if let Some(k) = (1..=run).find(|&k| next_ok(k)) {
                rest = rest.take_from(k);
                n += k;
                continue;
            }
        }
        if let Ok((after, _)) = phrase(&LEXICON.parts, |_| true)(rest) {
            rest = after;
            n += 1;
            continue;
        }
        match rest.first() {
            Some(t) if continues(&t) && (n == 0 || !full_name_at(rest)) => {
                rest = rest.take_from(1);
                n += 1;
                proper = true;
            }
            _ => break,
        }
    }
    if !proper {
        return fail(input);
    }
    Ok((rest, rest.offset() - input.offset()))
}

/// Does a full person name (three syllables or more) start here?
fn full_name_at(input: Toks<'_>) -> bool {
    strict_name(input).is_ok_and(|(_, r)| r.len() >= 3)
}

fn place(input: Toks<'_>) -> TokResult<'_, PlaceM> {
    unit_place(input)
        .or_else(|_| dotted_place(input))
        .or_else(|_| known_place(input))
}

/// One token "Q.1", "P.5": a dotted unit abbreviation glued to a number.
fn dotted_place(input: Toks<'_>) -> TokResult<'_, PlaceM> {
    let Some(t) = input.first() else {
        return fail(input);
    };
    let split = t.key.find('.').map(|i| t.key.split_at(i + 1));
    let unit = split.and_then(|(unit, number)| {
        let table = &LEXICON.units;
        let found = table.exact(unit)?;
        (!number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()))
            .then_some((found, number))
    });
    match unit {
        Some((unit, number)) if unit.follows != Follows::Known => {
            let canonical = format!("{} {number}", capitalize(&unit.canonical));
            let rest = input.take_from(1);
            Ok((
                rest,
                PlaceM {
                    range: input.offset()..rest.offset(),
                    unit: Some(unit.canonical.as_str()),
                    name: number.to_owned(),
                    canonical,
                },
            ))
        }
        _ => fail(input),
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

// ---------------------------------------------------------------- organizations

/// A recognized organization.
#[derive(Debug, Clone)]
struct OrgM {
    range: Range<usize>,
    canonical: String,
    /// Where the body ends and its place begins (== range.end without a place).
    body_end: usize,
    /// The place inside it, if any.
    place: Option<PlaceM>,
    /// A local body with nothing after it ("Tỉnh ủy"): not emitted alone.
    bare: bool,
}

/// The canonical suffix a place gives an organization: "tỉnh Cà Mau",
/// "Bến Tre", "Thành phố Hồ Chí Minh".
fn place_suffix(p: &PlaceM) -> String {
    match p.unit {
        Some(unit) if !p.name.starts_with(char::is_uppercase) || !p.name.contains(' ') => {
            if p.name.to_lowercase().starts_with(unit) {
                p.name.clone()
            } else {
                format!("{unit} {}", p.name)
            }
        }
        Some(unit) if p.name.to_lowercase().starts_with(unit) => p.name.clone(),
        Some(unit) => format!("{unit} {}", p.name),
        None => p.name.clone(),
    }
}

/// `org`; `bare_ok` accepts a local body with no complement ("Bí thư Tỉnh ủy").
fn org(input: Toks<'_>, bare_ok: bool, depth: u8) -> TokResult<'_, OrgM> {
    if !input.first().is_some_and(|t| t.token.capitalized) {
        return fail(input);
    }
    let (rest, entry) = phrase(&LEXICON.orgs, |_| true)(input)?;
    let start = input.offset();
    let simple = |rest: Toks<'_>, canonical: String| OrgM {
        range: start..rest.offset(),
        canonical,
        body_end: rest.offset(),
        place: None,
        bare: false,
    };
    let with_place = |rest: Toks<'_>, body: Toks<'_>, canonical: &str, p: PlaceM| OrgM {
        range: start..rest.offset(),
        canonical: format!("{canonical} {}", place_suffix(&p)),
        body_end: body.offset(),
        place: Some(p),
        bare: false,
    };
    match entry.kind {
        OrgKind::Fixed => Ok((rest, simple(rest, entry.canonical.clone()))),
        OrgKind::Ministry | OrgKind::Department => {
            let (body, sector) = phrase(&LEXICON.sectors, |_| true)(rest)?;
            let canonical = format!("{} {sector}", entry.canonical);
            if entry.kind == OrgKind::Department {
                if let Ok((after, p)) = place(body) {
                    return Ok((after, with_place(after, body, &canonical, p)));
                }
            }
            Ok((body, simple(body, canonical)))
        }
        OrgKind::Local => {
            if let Ok((after, part)) = phrase(&LEXICON.parts, |_| true)(rest) {
                return Ok((after, simple(after, format!("{} {part}", entry.canonical))));
            }
            if depth < 2 {
                if let Ok((after, inner)) = org(rest, true, depth + 1) {
                    let m = OrgM {
                        range: start..after.offset(),
                        canonical: format!("{} {}", entry.canonical, inner.canonical),
                        body_end: inner.body_end,
                        place: inner.place,
                        bare: false,
                    };
                    return Ok((after, m));
                }
            }
            if let Ok((after, p)) = place(rest) {
                return Ok((after, with_place(after, rest, &entry.canonical, p)));
            }
            if entry.named {
                if let Ok((after, n)) = open_words(rest, 3) {
                    let name = words_text(&rest, n);
                    let p = PlaceM {
                        range: rest.offset()..after.offset(),
                        unit: None,
                        name: name.clone(),
                        canonical: name,
                    };
                    return Ok((after, with_place(after, rest, &entry.canonical, p)));
                }
            }
            if let Ok((after, unit)) = phrase(&LEXICON.units, |_| true)(rest) {
                let canonical = format!("{} {}", entry.canonical, unit.canonical);
                return Ok((after, simple(after, canonical)));
            }
            if bare_ok || entry.whole {
                let mut m = simple(rest, entry.canonical.clone());
                m.bare = !entry.whole;
                return Ok((rest, m));
            }
            fail(input)
        }
        OrgKind::Generic => {
            let (body, _) = open_words_with(rest, 8, true)?;
            // "Cục Phát thanh…", "Chi cục An toàn…": one short syllable before a
            // lower-case word is a cut compound, not the body's name.
            let words = body.offset() - rest.offset();
            let short = rest.first().is_some_and(|t| t.text.chars().count() <= 4);
            let lower_next = body
                .first()
                .is_some_and(|t| t.token.kind == TokenKind::Word && !t.token.capitalized);
            if words == 1 && short && lower_next {
                return fail(input);
            }
            let n = body.offset() - start;
            let canonical = words_text(&input, n);
            if let Ok((after, p)) = unit_place(body) {
                return Ok((after, with_place(after, body, &canonical, p)));
            }
            Ok((body, simple(body, canonical)))
        }
    }
}

// ---------------------------------------------------------------- titles

/// One title of a chain.
#[derive(Debug, Clone)]
struct TitleM {
    range: Range<usize>,
    /// End of the title text (before a place complement).
    text_end: usize,
    org: Option<OrgM>,
    place: Option<PlaceM>,
    /// A head title (not only a rank or academic title).
    headed: bool,
    /// End of the modifiers and head ("Phó Thủ tướng"), before any complement.
    head_end: usize,
}

/// `title`; with `need_cap` the head (or rank) must be capitalized.
fn title(input: Toks<'_>, need_cap: bool) -> TokResult<'_, TitleM> {
    let start = input.offset();
    let cap_ok = |t: Option<Tok<'_>>| !need_cap || t.is_some_and(|t| t.token.capitalized);
    if let Ok((rest, _)) = title_kind(|k| matches!(k, TitleKind::Rank | TitleKind::Academic))(input)
    {
        if !cap_ok(input.first()) {
            return fail(input);
        }
        let m = TitleM {
            range: start..rest.offset(),
            text_end: rest.offset(),
            org: None,
            place: None,
            headed: false,
            head_end: rest.offset(),
        };
        return Ok((rest, m));
    }
    let modifier =
        title_kind(|k| matches!(k, TitleKind::Former | TitleKind::Acting | TitleKind::Deputy));
    let (rest, mods) = many_m_n(0, 3, modifier).parse(input)?;
    let first_cap = if mods.is_empty() {
        input.first()
    } else {
        // "nguyên Bộ trưởng": a lower-case former is fine when the rest is capitalized.
        input
            .first()
            .filter(|t| t.token.capitalized)
            .or(rest.first())
    };
    if !cap_ok(first_cap) {
        return fail(input);
    }
    let (rest, head) = title_kind(|k| k == TitleKind::Head)(rest)?;
    let (mut rest, _) = many_m_n(0, 2, title_kind(|k| k == TitleKind::Post)).parse(rest)?;
    let mut m = TitleM {
        range: start..rest.offset(),
        text_end: rest.offset(),
        org: None,
        place: None,
        headed: true,
        head_end: rest.offset(),
    };
    let complement = org(rest, true, 0);
    if head.bound && complement.is_err() {
        return fail(input);
    }
    if let Ok((after, o)) = complement {
        m.text_end = o.body_end;
        m.place = o.place.clone();
        m.org = Some(o);
        rest = after;
    } else if let Ok((after, _)) = phrase(&LEXICON.sectors, |_| true)(rest) {
        rest = after;
        if let Ok((after, _)) = phrase(&LEXICON.units, |_| true)(rest) {
            if place(rest).is_err() {
                rest = after;
            }
        }
        m.text_end = rest.offset();
    } else if let Ok((after, _)) = one("nước")(rest) {
        rest = after;
        m.text_end = rest.offset();
    }
    if m.place.is_none() {
        if let Ok((after, p)) = known_place(rest) {
            m.text_end = m.text_end.min(p.range.start);
            m.place = Some(p);
            rest = after;
        }
    }
    // "Đại biểu Quốc hội khóa XV": the term belongs to the title.
    if let Ok((after, _)) = one("khoá").and(term_number).parse(rest) {
        if m.text_end == rest.offset() {
            m.text_end = after.offset();
        }
        rest = after;
    }
    if head.abroad {
        if let Ok((after, p)) = one("tại").and(known_place).parse(rest) {
            m.place = Some(p.1);
            rest = after;
        }
    }
    m.range.end = rest.offset();
    Ok((rest, m))
}

/// A term number: a Roman numeral ("XV") or digits ("15").
fn term_number(input: Toks<'_>) -> TokResult<'_, Tok<'_>> {
    satisfy(|t| {
        t.token.kind == TokenKind::Number
            || (t.token.kind == TokenKind::Word && t.text.chars().all(|c| "IVXLC".contains(c)))
    })(input)
}

/// How two titles of a chain are joined.
#[derive(Debug, Clone, Copy)]
enum Sep {
    Comma,
    Kiem,
    CommaKiem,
}

fn sep(input: Toks<'_>) -> TokResult<'_, Sep> {
    if let Ok((rest, _)) = one(",")(input) {
        if let Ok((rest, _)) = title_kind(|k| k == TitleKind::Join)(rest) {
            return Ok((rest, Sep::CommaKiem));
        }
        return Ok((rest, Sep::Comma));
    }
    let (rest, _) = title_kind(|k| k == TitleKind::Join)(input)?;
    Ok((rest, Sep::Kiem))
}

/// A chain of titles: `title {sep title}`.
fn chain(input: Toks<'_>, need_cap: bool) -> TokResult<'_, Vec<(Sep, TitleM)>> {
    let (rest, first) = title(input, need_cap)?;
    let next = |i| {
        let (r, s) = sep(i)?;
        let (r, t) = title(r, need_cap)?;
        Ok((r, (s, t)))
    };
    let (rest, more) = many_m_n(0, 5, next).parse(rest)?;
    let mut all = vec![(Sep::Comma, first)];
    all.extend(more);
    Ok((rest, all))
}

// ---------------------------------------------------------------- names

/// Does a title or organization start here (so a name stops before it)?
fn starts_title_or_org(input: Toks<'_>) -> bool {
    let Some(t) = input.first() else {
        return false;
    };
    let lex = &*LEXICON;
    (lex.titles.starts_with(t.key) && title(input, true).is_ok())
        || (lex.orgs.starts_with(t.key) && org(input, false, 0).is_ok())
}

fn given(input: Toks<'_>) -> TokResult<'_, Tok<'_>> {
    match input.first() {
        Some(t) if continues(&t) && !starts_title_or_org(input) => {
            // A glued hyphenated tail stays with its syllable: "Hang-seo".
            let tail = input.get(1).is_some_and(|h| h.key == "-" && h.glued())
                && input
                    .get(2)
                    .is_some_and(|w| w.token.kind == TokenKind::Word && w.glued());
            Ok((input.take_from(if tail { 3 } else { 1 }), t))
        }
        _ => fail(input),
    }
}

/// surname capword{1,3}, at most four syllables.
fn strict_name(input: Toks<'_>) -> TokResult<'_, Range<usize>> {
    match input.first() {
        Some(t) if name_shaped(&t) => {}
        _ => return fail(input),
    }
    let (rest, _) = phrase(&LEXICON.surnames, |_| true)(input)?;
    let n = rest.offset() - input.offset();
    let (rest, _) = many_m_n(1, 4usize.saturating_sub(n).max(1), given).parse(rest)?;
    Ok((rest, input.offset()..rest.offset()))
}

/// A name in strong context: a surname name, or one to four capitalized words.
fn loose_name(input: Toks<'_>) -> TokResult<'_, Range<usize>> {
    if let Ok(r) = strict_name(input) {
        return Ok(r);
    }
    match input.first() {
        Some(t) if name_shaped(&t) && !starts_title_or_org(input) => {}
        _ => return fail(input),
    }
    // "nông dân Đồng Tháp": a listed place of two words or more is not a name
    // (one word may be: "ông Đức").
    if listed_place(input, |p| p.kind != PlaceKind::UnitOnly)
        .is_ok_and(|(rest, _)| rest.offset() - input.offset() >= 2)
    {
        return fail(input);
    }
    // "Viện trưởng Viện Tim mạch": a kind of body and a capitalized word is
    // a (cut) organization, not a name.
    if let Some((n, _)) = LEXICON.orgs.longest_where(&input, |_| true) {
        if input.get(n).is_some_and(|t| continues(&t)) {
            return fail(input);
        }
    }
    let (rest, _) = many_m_n(0, 4, given).parse(input.take_from(1))?;
    let one_letter = input.first().is_some_and(|t| t.text.chars().count() == 1);
    if rest.offset() - input.offset() == 1 && one_letter {
        return fail(input); // an initial ("ông T.")
    }
    Ok((rest, input.offset()..rest.offset()))
}

fn opt_comma(input: Toks<'_>) -> TokResult<'_, Option<Tok<'_>>> {
    nom::combinator::opt(one(",")).parse(input)
}

fn name_sep(input: Toks<'_>) -> TokResult<'_, Tok<'_>> {
    satisfy(|t| matches!(t.key, "," | "-" | "–" | "—"))(input)
}

// ---------------------------------------------------------------- emitting

struct Emit<'s, 'a> {
    view: &'s SentenceView<'a>,
    out: &'s mut Vec<Candidate>,
}

impl Emit<'_, '_> {
    fn text(&self, r: &Range<usize>) -> String {
        let span = self.view.tokens[r.start]
            .span
            .cover(self.view.tokens[r.end - 1].span);
        span.slice(self.view.text).to_owned()
    }

    fn push(&mut self, tokens: Range<usize>, value: EntityValue, rule: &'static str) {
        if !tokens.is_empty() {
            self.out.push(Candidate {
                tokens,
                value,
                rule,
            });
        }
    }

    fn place(&mut self, p: &PlaceM) {
        self.push(
            p.range.clone(),
            EntityValue::Place(p.canonical.clone()),
            "names::place",
        );
    }

    fn org(&mut self, o: &OrgM) {
        if o.bare {
            return;
        }
        self.push(
            o.range.clone(),
            EntityValue::Org(o.canonical.clone()),
            "names::org",
        );
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
        for (i, (sep, t)) in before.iter().chain(after).enumerate() {
            if i > 0 {
                title.push_str(match (i == before.len(), sep) {
                    (true, _) | (_, Sep::Comma) => ", ",
                    (_, Sep::Kiem) => " kiêm ",
                    (_, Sep::CommaKiem) => ", kiêm ",
                });
            }
            title.push_str(&self.text(&(t.range.start..t.text_end.max(t.range.start + 1))));
            if let Some(o) = &t.org {
                org = Some(o.canonical.clone());
                self.org(o);
            }
            if let Some(p) = &t.place {
                place = Some(p.canonical.clone());
                self.place(p);
            }
        }
        let short = name.len() == 1 && after.is_empty();
        let rule = if short {
            RULE_SHORT_TITLE
        } else {
            "names::official"
        };
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
        if let Ok((_, (_, titles))) = name_sep.and(|i| chain(i, false)).parse(rest) {
            if titles[0].1.headed || titles.len() > 1 {
                self.official(name, &[], &titles);
                return;
            }
        }
        self.person(&name, rule);
    }
}

impl Recognizer for Names {
    fn name(&self) -> &'static str {
        "names"
    }

    fn triggers(&self) -> Triggers {
        let mut keys: Vec<String> = LEXICON
            .first
            .iter()
            .filter(|(_, bits)| *bits & LOWER != 0)
            .map(|(k, _)| k.clone())
            .collect();
        keys.sort();
        Triggers {
            keys,
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
        let bits = lex.first.get(tok.key).copied().unwrap_or(0);
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
        let prev = (at > view.range.0)
            .then(|| view.from(at - 1).first())
            .flatten();

        // Photo credit: "(Ảnh: Huỳnh Phúc Hậu/TTXVN)".
        if bits & PHOTO != 0 {
            // One word alone is usually a source ("Ảnh: Internet"), not a person.
            if let Ok((rest, (_, name))) = one(":").and(loose_name).parse(input.take_from(1)) {
                if name.len() > 1 || rest.first().is_some_and(|t| t.key == "/") {
                    emit.person(&name, "names::photo_credit");
                }
            }
            return;
        }

        // Places and organizations.
        let placeish = bits & (PLACE | UNIT) != 0;
        if let Some((_, p)) = placeish.then(|| place(input).ok()).flatten() {
            let single_weak = p.range.len() == 1
                && name_shaped(&tok)
                && (prev.is_some_and(|t| name_shaped(&t))
                    || after_honorific(view, at)
                    || input.get(1).is_some_and(|t| continues(&t)));
            if !single_weak {
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
        if bits & TITLE != 0 {
            if let Ok((rest, mut titles)) = chain(input, true) {
                titled = true;
                // "Chủ tịch HĐQT Vietjet Nguyễn Thị Phương Thảo": one or two
                // unlisted capitalized words before a full name belong to the
                // title (the body's own name).
                if let Some(k) = (1..=2).find(|&k| {
                    rest.len() > k
                        && (0..k).all(|i| rest.get(i).is_some_and(|t| continues(&t)))
                        && strict_name(rest).is_err()
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
                    Some((_, t)) if t.range.end > rest.offset() => {
                        rest.take_from(t.range.end - rest.offset())
                    }
                    _ => rest,
                };
                // "Phó Chủ tịch UBND tỉnh, ông Nguyễn Văn A": an honorific may
                // stand between the title and the name.
                let headed = titles.last().is_some_and(|(_, t)| t.headed);
                let rest = match (opt_comma, title_kind(|k| k == TitleKind::Honorific)).parse(rest)
                {
                    Ok((after, _)) if headed && after.first().is_some_and(|t| continues(&t)) => {
                        after
                    }
                    _ => rest,
                };
                if let Ok((rest, name)) = loose_name(rest) {
                    let more = name_sep
                        .and(|i| chain(i, false))
                        .parse(rest)
                        .ok()
                        .map(|(_, (_, t))| t)
                        .filter(|t| t[0].1.headed);
                    emit.official(name, &titles, more.as_deref().unwrap_or(&[]));
                }
            }
        }

        // Honorific + name: "ông Nguyễn Văn Hùng", "ông Ba" (not "Bà Rịa").
        let introducer = |k| matches!(k, TitleKind::Honorific | TitleKind::Role);
        if let Ok((after, part)) = title_kind(introducer)(input) {
            // "cầu thủ Brazil": after an occupation a country is a country.
            if part.kind == TitleKind::Role && listed_place(after, |_| true).is_ok() {
                return;
            }
            if phrase(&lex.places, |_| true)(input).is_err() {
                if let Ok((rest, name)) = loose_name(after) {
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
            let next = |k: fn(TitleKind) -> bool| {
                title_kind(k)(input).ok().and_then(|(rest, _)| rest.first())
            };
            let deputy = next(|k| matches!(k, TitleKind::Deputy | TitleKind::Acting));
            let honorific = next(|k| k == TitleKind::Honorific);
            if deputy.is_some_and(|t| lex.titles.starts_with(t.key))
                || honorific.is_some_and(|t| continues(&t))
            {
                return;
            }
        }
        if bits & PLACE != 0 && listed_place(input, |p| p.kind != PlaceKind::UnitOnly).is_ok() {
            return;
        }
        if let Ok((rest, name)) = strict_name(input) {
            let word = lex.surnames.longest_where(&input, |w| *w);
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
        link_bare_titles(doc);
    }
}

/// Is the token before `at` a one-word honorific ("ông Đức")?
fn after_honorific(view: &SentenceView<'_>, at: usize) -> bool {
    at > view.range.0
        && LEXICON
            .titles
            .longest_where(&view.from(at - 1), |t| t.kind == TitleKind::Honorific)
            .is_some_and(|(n, _)| n == 1)
}

/// A name alone on the last line of the document: a byline.
fn byline(emit: &mut Emit<'_, '_>, view: &SentenceView<'_>, at: usize) {
    let (start, end) = view.range;
    if at != start || end != view.tokens.len() || start == 0 || !(2..=4).contains(&(end - start)) {
        return;
    }
    if !matches!(view.tokens[start].gap, Gap::Newline | Gap::Paragraph) {
        return;
    }
    let input = view.from(at);
    let all_names = input
        .iter_elements()
        .enumerate()
        .all(|(i, t)| name_shaped(&t) && (i == 0 || continues(&t)));
    if all_names {
        emit.person(&(start..end), "names::byline");
    }
}

/// Links short mentions ("ông Thọ", "Bí thư Thọ") to the first full mention
/// of the name (a person of two or more syllables ending in that syllable),
/// and drops "TITLE Word" officials that link to nothing.
fn link_short_mentions(doc: &mut Document) {
    let mut full: Vec<(String, Span)> = Vec::new();
    let mut drop = vec![false; doc.entities.len()];
    for (i, dropped) in drop.iter_mut().enumerate() {
        let e = &doc.entities[i];
        let (name, is_short_title) = match &e.value {
            EntityValue::Person { name, .. } | EntityValue::Official { name, .. } => {
                (name.clone(), e.rule == RULE_SHORT_TITLE)
            }
            _ => continue,
        };
        let key = crate::normalize::phrase_key(&name);
        let syllables = key.split(' ').count();
        // A shorter name that ends an earlier full one: "Thọ", "Minh Chính".
        let target = full
            .iter()
            .find(|(k, _)| {
                k.split(' ').count() > syllables
                    && k.ends_with(key.as_str())
                    && k[..k.len() - key.len()].ends_with(' ')
            })
            .map(|(_, s)| *s);
        let is_person = matches!(e.value, EntityValue::Person { .. });
        if syllables >= 2 && target.is_none() {
            if is_person && !full.iter().any(|(k, _)| *k == key) {
                full.push((key, e.span));
            }
            continue;
        }
        match (&mut doc.entities[i].value, target) {
            (
                EntityValue::Person { refers_to, .. } | EntityValue::Official { refers_to, .. },
                Some(span),
            ) => *refers_to = Some(span),
            _ if is_short_title => *dropped = true,
            _ => {}
        }
    }
    let mut i = 0;
    doc.entities.retain(|_| {
        i += 1;
        !drop[i - 1]
    });
}

/// The matching keys of tokens `range` joined by spaces.
fn keys_of(doc: &Document, range: Range<usize>) -> String {
    let keys: Vec<&str> = doc.tokens[range].iter().map(|t| doc.key(t)).collect();
    keys.join(" ")
}

/// An earlier full official a bare title can refer to.
struct Holder {
    head: String,
    name: String,
    person: Span,
    start: usize,
}

/// Links a bare capitalized title ("Thủ tướng nhấn mạnh…") to the one earlier
/// official of the document holding exactly that title ("Thủ tướng Chính phủ
/// Phạm Minh Chính"): it becomes an official with that name and `refers_to`
/// the first full mention. Ambiguous titles (two holders) are left alone.
fn link_bare_titles(doc: &mut Document) {
    let mut holders: Vec<Holder> = Vec::new();
    for e in &doc.entities {
        let EntityValue::Official { name, .. } = &e.value else {
            continue;
        };
        if e.rule != "names::official" || !name.contains(' ') {
            continue;
        }
        let input = Toks::window(
            &doc.text,
            &doc.tokens,
            &doc.keys,
            e.tokens.start,
            e.tokens.end,
        );
        let Ok((_, t)) = title(input, false) else {
            continue;
        };
        let person = doc
            .entities
            .iter()
            .find(|p| {
                matches!(&p.value, EntityValue::Person { name: n, .. } if n == name)
                    && e.span.contains(p.span)
            })
            .map_or(e.span, |p| p.span);
        holders.push(Holder {
            head: keys_of(doc, t.range.start..t.head_end),
            name: name.clone(),
            person,
            start: e.tokens.start,
        });
    }
    if holders.is_empty() {
        return;
    }
    let mut found = Vec::new();
    for sentence in &doc.sentences {
        let mut at = sentence.tokens.start;
        while at < sentence.tokens.end {
            let tok = &doc.tokens[at];
            let input = Toks::window(&doc.text, &doc.tokens, &doc.keys, at, sentence.tokens.end);
            let parsed = (tok.capitalized && LEXICON.titles.starts_with(doc.key(tok)))
                .then(|| title(input, true).ok())
                .flatten();
            let Some((rest, t)) = parsed else {
                at += 1;
                continue;
            };
            let bare = t.headed
                && t.range.end == t.head_end
                && !rest.first().is_some_and(|n| name_shaped(&n));
            if bare {
                let head = keys_of(doc, t.range.clone());
                let mut who = holders.iter().filter(|h| h.head == head && h.start < at);
                if let Some(h) = who.next() {
                    let free = doc
                        .entities
                        .iter()
                        .all(|e| e.tokens.end <= t.range.start || t.range.end <= e.tokens.start);
                    if who.all(|o| o.name == h.name) && free {
                        let span = doc.tokens[t.range.start]
                            .span
                            .cover(doc.tokens[t.range.end - 1].span);
                        found.push(crate::model::Entity {
                            span,
                            tokens: t.range.clone(),
                            value: EntityValue::Official {
                                name: h.name.clone(),
                                title: span.slice(&doc.text).to_owned(),
                                org: None,
                                place: None,
                                refers_to: Some(h.person),
                            },
                            rule: "names::title_ref",
                        });
                    }
                }
            }
            at = t.range.end.max(at + 1);
        }
    }
    if !found.is_empty() {
        doc.entities.extend(found);
        doc.entities
            .sort_by_key(|e| (e.span.start, std::cmp::Reverse(e.span.end)));
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

    #[test]
    fn places_take_their_unit_word() {
        let (p, n) = parse_with("tỉnh Bến Tre có", place).unwrap();
        assert_eq!((p.canonical.as_str(), n), ("Bến Tre", 3));
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
        assert_eq!(
            canon("UBND tỉnh Cà Mau").unwrap(),
            "Ủy ban nhân dân tỉnh Cà Mau"
        );
        assert_eq!(canon("Tỉnh uỷ Bến Tre").unwrap(), "Tỉnh ủy Bến Tre");
        assert_eq!(canon("Bộ Công an").unwrap(), "Bộ Công an");
        assert_eq!(
            canon("Ban Tổ chức Trung ương").unwrap(),
            "Ban Tổ chức Trung ương"
        );
        assert_eq!(
            canon("Ban Chấp hành Đảng bộ tỉnh Bến Tre").unwrap(),
            "Ban Chấp hành Đảng bộ tỉnh Bến Tre"
        );
        assert_eq!(
            canon("UBND TP.HCM").unwrap(),
            "Ủy ban nhân dân Thành phố Hồ Chí Minh"
        );
        assert_eq!(canon("TTXVN").unwrap(), "Thông tấn xã Việt Nam");
        assert!(canon("Văn phòng").is_none());
    }

    #[test]
    fn titles_are_a_grammar() {
        let t =
            |s: &str| parse_with(s, |i| title(i, true)).map(|(t, n)| (t.text_end, t.range.end, n));
        assert_eq!(
            t("Phó Chủ tịch Thường trực UBND tỉnh Bến Tre"),
            Some((6, 9, 9))
        );
        assert_eq!(t("Bí thư Tỉnh ủy Bến Tre"), Some((4, 6, 6)));
        assert!(t("tăng trưởng GRDP").is_none());
        assert!(parse_with("Lê Đức Thọ", strict_name).is_some());
        assert!(parse_with("Phó Chủ tịch", strict_name).is_none());
    }
}
