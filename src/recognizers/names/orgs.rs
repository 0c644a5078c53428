//! Organizations: listed bodies, ministries and departments by sector, local bodies with
//! their place or parent, kinds of bodies followed by a proper name.

use super::*;
use std::borrow::Cow;

/// A recognized organization.
#[derive(Debug, Clone)]
pub(super) struct OrgM {
    pub(super) range: Range<usize>,
    pub(super) canonical: Cow<'static, str>,
    /// Where the body ends and its place begins (== range.end without a place).
    pub(super) body_end: usize,
    /// The place inside it, if any.
    pub(super) place: Option<PlaceM>,
    /// A local body with nothing after it ("Tỉnh ủy"): not emitted alone.
    pub(super) bare: bool,
}

/// The canonical suffix a place gives an organization: "tỉnh Cà Mau",
/// "Bến Tre", "Thành phố Hồ Chí Minh".
pub(super) fn place_suffix(p: &PlaceM) -> String {
    match p.unit {
        Some(unit) if !p.name.starts_with(char::is_uppercase) || !p.name.contains(' ') => {
            if p.name.to_lowercase().starts_with(unit) {
                p.name.to_string()
            } else {
                format!("{unit} {}", p.name)
            }
        }
        Some(unit) if p.name.to_lowercase().starts_with(unit) => p.name.to_string(),
        Some(unit) => format!("{unit} {}", p.name),
        None => p.name.to_string(),
    }
}

/// `org`; `bare_ok` accepts a local body with no complement ("Bí thư Tỉnh ủy").
pub(super) fn org(input: Toks<'_>, bare_ok: bool, depth: u8) -> TokResult<'_, OrgM> {
    if !input.first().is_some_and(|t| t.token.capitalized) {
        return fail(input);
    }
    let (rest, entry) = phrase(&LEXICON.orgs, |_| true)(input)?;
    let start = input.offset();
    let simple = |rest: Toks<'_>, canonical: Cow<'static, str>| OrgM {
        range: start..rest.offset(),
        canonical,
        body_end: rest.offset(),
        place: None,
        bare: false,
    };
    let with_place = |rest: Toks<'_>, body: Toks<'_>, canonical: &str, p: PlaceM| OrgM {
        range: start..rest.offset(),
        canonical: Cow::Owned(format!("{canonical} {}", place_suffix(&p))),
        body_end: body.offset(),
        place: Some(p),
        bare: false,
    };
    match entry.kind {
        OrgKind::Fixed => Ok((rest, simple(rest, Cow::Borrowed(&entry.canonical)))),
        OrgKind::Ministry | OrgKind::Department => {
            let (body, sector) = phrase(&LEXICON.sectors, |_| true)(rest)?;
            let canonical = format!("{} {sector}", entry.canonical);
            if entry.kind == OrgKind::Department {
                if let Ok((after, p)) = place(body) {
                    return Ok((after, with_place(after, body, &canonical, p)));
                }
            }
            Ok((body, simple(body, Cow::Owned(canonical))))
        }
        OrgKind::Local => {
            if let Ok((after, part)) = phrase(&LEXICON.parts, |_| true)(rest) {
                return Ok((after, simple(after, Cow::Owned(format!("{} {part}", entry.canonical)))));
            }
            if depth < 2 {
                if let Ok((after, inner)) = org(rest, true, depth + 1) {
                    let m = OrgM {
                        range: start..after.offset(),
                        canonical: Cow::Owned(format!("{} {}", entry.canonical, inner.canonical)),
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
                        name_start: rest.offset(),
                        name: Cow::Owned(name.clone()),
                        canonical: Cow::Owned(name),
                    };
                    return Ok((after, with_place(after, rest, &entry.canonical, p)));
                }
            }
            if let Ok((after, unit)) = phrase(&LEXICON.units, |_| true)(rest) {
                let canonical = format!("{} {}", entry.canonical, unit.canonical);
                return Ok((after, simple(after, Cow::Owned(canonical))));
            }
            if bare_ok || entry.whole {
                let mut m = simple(rest, Cow::Borrowed(&entry.canonical));
                m.bare = !entry.whole;
                return Ok((rest, m));
            }
            fail(input)
        }
        OrgKind::Generic => {
            if LEXICON.not_body_names.longest_in(&rest, |_| true).is_some() {
                return fail(input);
            }
            let (body, _) = open_words_with(rest, 8, true, entry.descriptive)?;
            // "Công ty Cổ phần Phần mềm…": one short syllable before a
            // lower-case word is a cut compound, not the company's name.
            let words = body.offset() - rest.offset();
            let short = rest
                .first()
                .is_some_and(|t| t.token.kind == TokenKind::Word && t.text().chars().count() <= 4);
            let lower_next = body
                .first()
                .is_some_and(|t| t.token.kind == TokenKind::Word && !t.token.capitalized);
            if words == 1 && short && lower_next {
                return fail(input);
            }
            // "Hiệp hội Doanh nghiệp Hàn Quốc tại Việt Nam": a foreign body's
            // name runs on with "tại" and the country it works in.
            let foreign = (rest.offset()..body.offset()).any(|i| {
                listed_place(input.take_from(i - start), |p| p.kind == PlaceKind::Country)
                    .is_ok_and(|(r, _)| r.offset() <= body.offset())
            });
            if foreign {
                let abroad = one("tại")
                    .and(|i| listed_place(i, |p| p.kind == PlaceKind::Country))
                    .parse(body);
                if let Ok((after, _)) = abroad {
                    let canonical = expanded_text(&input, after.offset() - start);
                    return Ok((after, simple(after, Cow::Owned(canonical))));
                }
            }
            if let Ok((after, p)) = unit_place(body) {
                let canonical = expanded_text(&input, body.offset() - start);
                return Ok((after, with_place(after, body, &canonical, p)));
            }
            // "Trung tâm Kiểm soát bệnh tật Hà Nội": a province or city that
            // closes the name is the body's place.
            let closing = (1..=4usize).find_map(|k| {
                let from = body.offset().checked_sub(k).filter(|&f| f > rest.offset())?;
                let at = input.take_from(from - start);
                known_place(at)
                    .ok()
                    .filter(|(r, _)| r.offset() == body.offset())
                    .filter(|_| listed_place(at, |p| p.kind == PlaceKind::Province).is_ok())
                    .map(|(_, p)| (at, p))
            });
            if let Some((name_end, p)) = closing {
                let canonical = expanded_text(&input, name_end.offset() - start);
                return Ok((body, with_place(body, name_end, &canonical, p)));
            }
            let canonical = expanded_text(&input, body.offset() - start);
            Ok((body, simple(body, Cow::Owned(canonical))))
        }
    }
}
