//! Titles: rank, academic title, or modifiers + head + complement; chains of titles.

use super::*;

/// One title of a chain.
#[derive(Debug, Clone)]
pub(super) struct TitleM {
    pub(super) range: Range<usize>,
    /// End of the title text (before a place complement).
    pub(super) text_end: usize,
    pub(super) org: Option<OrgM>,
    pub(super) place: Option<PlaceM>,
    /// A head title (not only a rank or academic title).
    pub(super) headed: bool,
    /// The head may name a foreign office ("Tổng thống", "Đại sứ").
    pub(super) abroad: bool,
    /// An academic or professional title alone ("PGS.TS", "Bác sĩ"): with no
    /// position or rank it makes no official ("TS Nguyễn Văn A" is a person).
    pub(super) academic: bool,
}

/// `title`; with `need_cap` the head (or rank) must be capitalized.
pub(super) fn title(input: Toks<'_>, need_cap: bool) -> TokResult<'_, TitleM> {
    // A title starts with a title part of some kind: one look-up of any
    // kind first, where most words start none (instead of one per kind).
    if LEXICON.titles.longest_in(&input, |_| true).is_none() {
        return fail(input);
    }
    title_read(input, need_cap)
}

/// [`title`] without its gate.
pub(super) fn title_read(input: Toks<'_>, need_cap: bool) -> TokResult<'_, TitleM> {
    let start = input.offset();
    let cap_ok = |t: Option<Tok<'_>>| !need_cap || t.is_some_and(|t| t.token.capitalized);
    if let Ok((rest, part)) = title_kind(|k| matches!(k, TitleKind::Rank | TitleKind::Academic))(input) {
        if !cap_ok(input.first()) {
            return fail(input);
        }
        let m = TitleM {
            range: start..rest.offset(),
            text_end: rest.offset(),
            org: None,
            place: None,
            headed: false,
            abroad: false,
            academic: part.kind == TitleKind::Academic,
        };
        return Ok((rest, m));
    }
    let modifier = title_kind(|k| matches!(k, TitleKind::Former | TitleKind::Acting | TitleKind::Deputy));
    let (rest, mods) = repeat(input, 3, modifier)?;
    let first_cap = if mods == 0 {
        input.first()
    } else {
        // "nguyên Bộ trưởng": a lower-case former is fine when the rest is capitalized.
        input.first().filter(|t| t.token.capitalized).or(rest.first())
    };
    if !cap_ok(first_cap) {
        return fail(input);
    }
    let head_start = rest;
    let (mut rest, mut head) = title_kind(|k| k == TitleKind::Head)(rest)?;
    // "Chánh Văn phòng UBND tỉnh": a shorter bound head ("Chánh") wins when
    // the organization after it runs past the longer head ("Chánh văn phòng"):
    // the body held is "Văn phòng UBND tỉnh", not "UBND tỉnh". (Bound heads
    // are few, and the organizations are parsed only where one is written.)
    if let Ok((after, short)) =
        phrase(&LEXICON.titles, |t: &TitlePart| t.kind == TitleKind::Head && t.bound)(head_start)
    {
        let long_end = org(rest, true, 0).map_or(rest.offset(), |(r, _)| r.offset());
        let short_org_end = org(after, false, 0).map_or(0, |(r, _)| r.offset());
        if after.offset() < rest.offset() && short_org_end > rest.offset() && short_org_end >= long_end {
            (rest, head) = (after, short);
        }
    }
    let (mut rest, _) = repeat(rest, 2, title_kind(|k| k == TitleKind::Post))?;
    let mut m = TitleM {
        range: start..rest.offset(),
        text_end: rest.offset(),
        org: None,
        place: None,
        headed: true,
        abroad: head.abroad,
        academic: false,
    };
    let complement = org(rest, true, 0);
    if head.bound && complement.is_err() {
        // "Trưởng ấp Phú Lợi": a bound head may also take a place with its unit.
        let Ok((after, p)) = unit_place(rest) else {
            return fail(input);
        };
        m.text_end = p.name_start;
        m.place = Some(p);
        m.range.end = after.offset();
        return Ok((after, m));
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
pub(super) fn term_number(input: Toks<'_>) -> TokResult<'_, Tok<'_>> {
    satisfy(|t| {
        t.token.kind == TokenKind::Number
            || (t.token.kind == TokenKind::Word && t.text().chars().all(|c| "IVXLC".contains(c)))
    })(input)
}

/// How two titles of a chain are joined.
#[derive(Debug, Clone, Copy)]
pub(super) enum Sep {
    Comma,
    Kiem,
    CommaKiem,
}

pub(super) fn sep(input: Toks<'_>) -> TokResult<'_, Sep> {
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
pub(super) fn chain(input: Toks<'_>, need_cap: bool) -> TokResult<'_, Vec<(Sep, TitleM)>> {
    let (mut rest, first) = title(input, need_cap)?;
    let next = |i| {
        let (r, s) = sep(i)?;
        let (r, t) = title(r, need_cap)?;
        Ok((r, (s, t)))
    };
    let mut all = vec![(Sep::Comma, first)];
    for _ in 0..5 {
        match next(rest) {
            Ok((after, more)) => {
                all.push(more);
                rest = after;
            }
            Err(nom::Err::Error(_)) => break,
            Err(e) => return Err(e),
        }
    }
    Ok((rest, all))
}
