//! Person names: surname names, names in strong context, separators, bylines.

use super::*;

/// Does a title or organization start here (so a name stops before it)?
pub(super) fn starts_title_or_org(input: Toks<'_>) -> bool {
    let Some(t) = input.first() else {
        return false;
    };
    let lex = &*LEXICON;
    (lex.titles.starts_with(t.keyed()) && title(input, true).is_ok())
        || (lex.orgs.starts_with(t.keyed()) && org(input, false, 0).is_ok())
}

pub(super) fn given(input: Toks<'_>) -> TokResult<'_, Tok<'_>> {
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
pub(super) fn strict_name(input: Toks<'_>) -> TokResult<'_, Range<usize>> {
    match input.first() {
        Some(t) if name_shaped(&t) => {}
        _ => return fail(input),
    }
    let (rest, _) = phrase(&LEXICON.surnames, |_| true)(input)?;
    let n = rest.offset() - input.offset();
    let (rest, given_names) = repeat(rest, 4usize.saturating_sub(n).max(1), given)?;
    if given_names == 0 {
        return fail(input);
    }
    Ok((rest, input.offset()..rest.offset()))
}

/// A name in strong context: a surname name, or one to four capitalized words.
pub(super) fn loose_name(input: Toks<'_>) -> TokResult<'_, Range<usize>> {
    let (rest, (name, _)) = loose_name_read(input)?;
    Ok((rest, name))
}

/// [`loose_name`], and whether [`strict_name`] read it (so whether
/// `strict_name(input)` succeeds, without reading it again).
pub(super) fn loose_name_read(input: Toks<'_>) -> TokResult<'_, (Range<usize>, bool)> {
    if let Ok((rest, r)) = strict_name(input) {
        return Ok((rest, (r, true)));
    }
    match input.first() {
        Some(t) if name_shaped(&t) && !starts_title_or_org(input) => {}
        _ => return fail(input),
    }
    // "nông dân Đồng Tháp": a listed place of two words or more is not a name
    // (one word may be: "ông Đức").
    if listed_place(input, |p| p.kind != PlaceKind::UnitOnly).is_ok_and(|(rest, _)| rest.offset() - input.offset() >= 2)
    {
        return fail(input);
    }
    // "Viện trưởng Viện Tim mạch": a kind of body and a capitalized word is
    // a (cut) organization, not a name.
    if let Some((n, _)) = LEXICON.orgs.longest_in(&input, |_| true) {
        if input.get(n).is_some_and(|t| continues(&t)) {
            return fail(input);
        }
    }
    let (rest, _) = repeat(input.take_from(1), 4, given)?;
    let one_letter = input.first().is_some_and(|t| t.text().chars().count() == 1);
    if rest.offset() - input.offset() == 1 && one_letter {
        return fail(input); // an initial ("ông T.")
    }
    Ok((rest, (input.offset()..rest.offset(), false)))
}

pub(super) fn opt_comma(input: Toks<'_>) -> TokResult<'_, Option<Tok<'_>>> {
    nom::combinator::opt(one(",")).parse(input)
}

pub(super) fn name_sep(input: Toks<'_>) -> TokResult<'_, Tok<'_>> {
    satisfy(|t| matches!(t.key, "," | "-" | "–" | "—"))(input)
}

/// Is the token before `at` a one-word honorific ("ông Đức")?
pub(super) fn after_honorific(view: &SentenceView<'_>, at: usize) -> bool {
    at > view.range.0
        && LEXICON
            .titles
            .longest_in(&view.from(at - 1), |t| t.kind == TitleKind::Honorific)
            .is_some_and(|(n, _)| n == 1)
}

/// A name alone on the last line of the document: a byline.
pub(super) fn byline(emit: &mut Emit<'_, '_>, view: &SentenceView<'_>, at: usize) {
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
