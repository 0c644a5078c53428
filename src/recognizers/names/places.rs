//! Places: listed provinces, cities, regions and countries, and unit word + name.

use super::*;
use std::borrow::Cow;

/// A recognized place.
#[derive(Debug, Clone)]
pub(super) struct PlaceM {
    pub(super) range: Range<usize>,
    /// The unit word's canonical form, when one introduces the place.
    pub(super) unit: Option<&'static str>,
    /// Where the name starts (after the unit word).
    pub(super) name_start: usize,
    /// The name without the unit ("Bến Tre", "5", "Lê Lợi").
    pub(super) name: Cow<'static, str>,
    /// The canonical place name ("Bến Tre", "Quận 5"): borrowed from the
    /// gazetteer when listed, so a place read and dropped costs no allocation.
    pub(super) canonical: Cow<'static, str>,
}

/// The text of the first `n` tokens with the acronyms of
/// [`lexicon::Lexicon::expansions`] written out: "Trường THPT chuyên Bến Tre"
/// → "Trường Trung học phổ thông chuyên Bến Tre".
pub(super) fn expanded_text(input: &Toks<'_>, n: usize) -> String {
    let text = words_text(input, n);
    if !(0..n).any(|i| {
        input
            .get(i)
            .is_some_and(|t| LEXICON.expansions.get(t.keyed()).is_some())
    }) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut last = input.get(0).map_or(0, |t| t.span().start);
    for i in 0..n {
        let Some(t) = input.get(i) else { break };
        let span = t.span();
        out.push_str(&input.text()[last..span.start]);
        match LEXICON.expansions.get(t.keyed()) {
            Some(full) => out.push_str(full),
            None => out.push_str(t.text()),
        }
        last = span.end;
    }
    out
}

pub(super) fn words_text(input: &Toks<'_>, n: usize) -> String {
    let (a, b) = (input.get(0).expect("n > 0"), input.get(n - 1).expect("n > 0"));
    input.text()[a.span().start..b.span().end].to_owned()
}

/// A known place (not one that needs a unit word).
pub(super) fn known_place(input: Toks<'_>) -> TokResult<'_, PlaceM> {
    let (rest, place) = listed_place(input, |p| p.kind != PlaceKind::UnitOnly)?;
    Ok((
        rest,
        PlaceM {
            range: input.offset()..rest.offset(),
            unit: None,
            name_start: input.offset(),
            name: Cow::Borrowed(&place.canonical),
            canonical: Cow::Borrowed(&place.canonical),
        },
    ))
}

/// unit (known | number | capword{1,3})
pub(super) fn unit_place<'a>(input: Toks<'a>) -> TokResult<'a, PlaceM> {
    let (after_unit, unit) = phrase(&LEXICON.units, |_| true)(input)?;
    // What can follow the unit: a capitalized word (a listed place, a name),
    // a number, a place written in lower case or a complement ("Trung ương").
    let can_follow = after_unit.first().is_some_and(|t| {
        t.token.capitalized
            || t.token.kind == TokenKind::Number
            || LEXICON.first.get(t.keyed()).is_some_and(|b| b & PLACE_LOWER != 0)
            || LEXICON.parts.starts_with(t.keyed())
    });
    if !can_follow {
        return fail(input);
    }
    // "Hồ Văn Mười": a capitalized unit word that is also a surname is the surname.
    let first = input.first().expect("a unit was read");
    if first.token.capitalized && LEXICON.surnames.exact(first.keyed()).is_some() {
        return fail(input);
    }
    let done = |rest: Toks<'a>, name: Cow<'static, str>, canonical: Cow<'static, str>| -> TokResult<'a, PlaceM> {
        Ok((
            rest,
            PlaceM {
                range: input.offset()..rest.offset(),
                unit: Some(unit.canonical.as_str()),
                name_start: after_unit.offset(),
                name,
                canonical,
            },
        ))
    };
    let admin = |p: &lexicon::Place| matches!(p.kind, PlaceKind::Province | PlaceKind::Town | PlaceKind::UnitOnly);
    if unit.follows != Follows::Name {
        if let Ok((rest, place)) = listed_place(after_unit, admin) {
            // "phường Hội An Tây" is not "phường Hội An" + "Tây".
            let longer = unit.follows == Follows::Open
                && open_words(after_unit, 3).is_ok_and(|(r, _)| r.offset() > rest.offset());
            if !longer {
                return done(rest, Cow::Borrowed(&place.canonical), Cow::Borrowed(&place.canonical));
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
            canonical.push_str(t.text());
            return done(
                after_unit.take_from(1),
                Cow::Owned(t.text().to_owned()),
                Cow::Owned(canonical),
            );
        }
    }
    let (rest, n) = open_words(after_unit, 3)?;
    let name = words_text(&after_unit, n);
    done(rest, Cow::Owned(name.clone()), Cow::Owned(name))
}

/// One to `max` capitalized words of a proper name ("Châu Thành"), stopping
/// before a person's full name ("huyện Châu Thành Nguyễn Văn Bảy") and taking
/// "Trung ương" whole ("Bệnh viện Nhi Trung ương").
pub(super) fn open_words(input: Toks<'_>, max: usize) -> TokResult<'_, usize> {
    open_words_with(input, max, false, false)
}

/// [`open_words`]; with `lower`, a lower-case word may sit inside the name
/// when a capitalized word, a unit word or "Trung ương" follows it
/// ("Bệnh viện Đa khoa tỉnh", "Viện Tim mạch Trung ương"), as in the names
/// of bodies. With `descriptive` (schools, hospitals, institutes), the first
/// capitalized syllable of the name, or one right after an acronym, takes one
/// lower-case syllable with it: "Trường ĐH Sư phạm", "Viện Tim mạch".
pub(super) fn open_words_with(input: Toks<'_>, max: usize, lower: bool, descriptive: bool) -> TokResult<'_, usize> {
    let mut rest = input;
    let mut n = 0;
    let mut proper = false;
    let mut after_acronym = false;
    let mut hyphened = false;
    let mut before_hyphen = None;
    while n < max {
        if lower && (proper || (after_acronym && n > 0)) {
            // One to three lower-case words ("Đa khoa", "Kinh tế và Chính sách")
            // when a capitalized word, a unit word or "Trung ương" follows them
            // and no new body starts there ("… Trung ương và Bệnh viện …").
            let lower_word = |t: &Tok<'_>| {
                t.token.kind == TokenKind::Word
                    && !t.token.capitalized
                    && t.token.gap == Gap::Space
                    && (!LEXICON.inner_stops.contains(t.keyed()) || t.key == "và")
            };
            let run = (0..3)
                .take_while(|&i| rest.get(i).is_some_and(|t| lower_word(&t)))
                .count();
            let next_ok = |k: usize| {
                let after = rest.take_from(k);
                after.first().is_some_and(|t| {
                    (continues(&t) && LEXICON.orgs.longest_in(&after, |_| true).is_none())
                        || LEXICON.units.longest_in(&after, |_| true).is_some()
                        || LEXICON.parts.longest_in(&after, |_| true).is_some()
                })
            };
            if let Some(k) = (1..=run).find(|&k| next_ok(k)) {
                rest = rest.take_from(k);
                n += k;
                // "Kinh tế và Chính sách": the next syllable starts a compound too.
                after_acronym = true;
                continue;
            }
        }
        // "Trung ương", "Cổ phần" (lower case only right after the kind of
        // body: "Công ty cổ phần X", not "Công ty X cổ phần").
        let part_ok = !proper || rest.first().is_some_and(|t| t.token.capitalized);
        if part_ok {
            if let Ok((after, _)) = phrase(&LEXICON.parts, |_| true)(rest) {
                rest = after;
                n += 1;
                // "Bệnh viện Trung ương Quân đội 108": a compound may follow.
                after_acronym = lower;
                continue;
            }
        }
        match rest.first() {
            // A person's full name ends a place's name ("huyện Châu Thành
            // Nguyễn Văn Bảy") but may name a school ("Trường THCS Lê Quý Đôn").
            Some(t) if continues(&t) && (n == 0 || after_acronym || !full_name_at(rest)) => {
                let starts_compound = descriptive && (n == 0 || after_acronym);
                rest = rest.take_from(1);
                n += 1;
                proper = true;
                after_acronym = false;
                let second = rest.first().filter(|w| {
                    w.token.kind == TokenKind::Word
                        && !w.token.capitalized
                        && w.token.gap == Gap::Space
                        && !LEXICON.inner_stops.contains(w.keyed())
                });
                if starts_compound && second.is_some() {
                    // Take "Sư phạm" only where the name goes on or the clause
                    // ends after it ("Học viện Múa kêu gọi…" is no name).
                    let after = rest.take_from(1);
                    let goes_on = after.first().is_none_or(|t| {
                        t.token.kind == TokenKind::Punct
                            || continues(&t)
                            || acronym(&t)
                            || known_place(after).is_ok()
                            || closing_number(after).is_some()
                            || LEXICON.units.longest_in(&after, |_| true).is_some()
                            || LEXICON.parts.longest_in(&after, |_| true).is_some()
                    });
                    if goes_on && n < max {
                        rest = after;
                        n += 1;
                    }
                }
            }
            // Two names joined by a spaced hyphen: "Vụ Kế hoạch - Tài chính",
            // "Trường THPT chuyên Hà Nội - Amsterdam" (once, and not before
            // another body: "Công ty A - Công ty B" are two).
            Some(t)
                if lower
                    && proper
                    && !hyphened
                    && t.key == "-"
                    && t.token.gap == Gap::Space
                    && rest.get(1).is_some_and(|w| continues(&w))
                    && !full_name_at(rest.take_from(1))
                    && LEXICON.orgs.longest_in(&rest.take_from(1), |_| true).is_none()
                    && LEXICON
                        .titles
                        .longest_in(&rest.take_from(1), |t| {
                            !matches!(t.kind, TitleKind::Role | TitleKind::Honorific)
                        })
                        .is_none() =>
            {
                before_hyphen = Some((rest, n));
                rest = rest.take_from(1);
                n += 1;
                hyphened = true;
                after_acronym = descriptive;
            }
            // An acronym inside the name of a body: "Trường THPT Chuyên Bến Tre".
            Some(t) if lower && acronym(&t) => {
                rest = rest.take_from(1);
                n += 1;
                after_acronym = true;
            }
            _ => break,
        }
    }
    // "Trường Đại học Lao động - Xã hội cơ sở II": when the name after the
    // hyphen is one syllable cut from its compound, the hyphen was no part of
    // the name ("… Hà Nội - Amsterdam có …" ends at a clause word and stays).
    if let Some((at, k)) = before_hyphen {
        let cut_after = n == k + 2
            && rest.first().is_some_and(|t| {
                t.token.kind == TokenKind::Word && !t.token.capitalized && !LEXICON.clause_words.contains(t.keyed())
            });
        if cut_after {
            rest = at;
            n = k;
        }
    }
    let mut numbered = false;
    // A number closes the name of a body: "Bệnh viện Nhi đồng 1", "Quân khu 7",
    // "Ban Quản lý dự án 7" (a bare number only where nothing else names it).
    if lower && n < max {
        if let Some(after) = closing_number(rest) {
            rest = after;
            n += 1;
            proper = true;
            numbered = true;
        }
    }
    // A lone syllable cut from its compound ("Học viện Múa kêu gọi") is no name.
    let cut = descriptive
        && n == 1
        && !numbered
        && rest
            .first()
            .is_some_and(|t| t.token.kind == TokenKind::Word && !t.token.capitalized);
    if !proper || cut {
        return fail(input);
    }
    Ok((rest, rest.offset() - input.offset()))
}

/// An acronym-like word inside a name: capitalized, no lower-case letter
/// ("THPT", "A9").
fn acronym(t: &Tok<'_>) -> bool {
    t.token.kind == TokenKind::Word
        && t.token.capitalized
        && t.token.gap == Gap::Space
        && !t.text().chars().any(char::is_lowercase)
}

/// A number that ends the name of a body ("Quân khu 7", "Bệnh viện 108"): a
/// spaced integer of at most three digits (never a year) followed by punctuation, the end, or
/// a function word ("Quân khu 7 và …", "Bệnh viện Nhi đồng 1 đang …"), so
/// never the start of a figure ("Bệnh viện Bạch Mai 3 ngày qua").
fn closing_number(rest: Toks<'_>) -> Option<Toks<'_>> {
    let t = rest.first()?;
    let digits = t.token.kind == TokenKind::Number
        && t.token.gap == Gap::Space
        && t.text().len() <= 3
        && t.text().bytes().all(|b| b.is_ascii_digit());
    if !digits {
        return None;
    }
    let after = rest.take_from(1);
    let closes = after.first().is_none_or(|w| {
        (w.token.kind == TokenKind::Punct && !matches!(w.key, "%" | "/"))
            || (w.token.kind == TokenKind::Word && LEXICON.clause_words.contains(w.keyed()))
    });
    closes.then_some(after)
}

/// Does a full person name (three syllables or more) start here?
pub(super) fn full_name_at(input: Toks<'_>) -> bool {
    strict_name(input).is_ok_and(|(_, r)| r.len() >= 3)
}

pub(super) fn place(input: Toks<'_>) -> TokResult<'_, PlaceM> {
    // Each reading is tried only where its first word can start it.
    let Some(t) = input.first() else {
        return fail(input);
    };
    if LEXICON.units.starts_with(t.keyed()) {
        if let Ok(found) = unit_place(input) {
            return Ok(found);
        }
    }
    if t.key.contains('.') {
        if let Ok(found) = dotted_place(input) {
            return Ok(found);
        }
    }
    known_place(input)
}

/// One token "Q.1", "P.5": a dotted unit abbreviation glued to a number.
pub(super) fn dotted_place(input: Toks<'_>) -> TokResult<'_, PlaceM> {
    let Some(t) = input.first() else {
        return fail(input);
    };
    let split = t.key.find('.').map(|i| t.key.split_at(i + 1));
    let unit = split.and_then(|(unit, number)| {
        let table = &LEXICON.units;
        let found = table.exact(crate::vocab::keyed(unit))?;
        (!number.is_empty() && number.bytes().all(|b| b.is_ascii_digit())).then_some((found, number))
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
                    name_start: input.offset(),
                    name: Cow::Owned(number.to_owned()),
                    canonical: Cow::Owned(canonical),
                },
            ))
        }
        _ => fail(input),
    }
}

pub(super) fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
