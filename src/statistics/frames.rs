//! Frames: one sentence's tokens and entities → items → clauses → records.
//!
//! See the module docs of [`crate::statistics`] for the grammar.

use super::lexicon::{Role, LEXICON};
use crate::model::{Amount, Base, Change, Document, EntityValue, Qualifier};
use crate::tokenizer::{Sentence, TokenKind};
use std::ops::Range;

/// What one item of a sentence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A number, percent, money or quantity entity.
    Figure,
    /// A period, date or time entity.
    Time,
    /// A place entity.
    Place,
    /// Any other entity (org, person, official, ordinal, duration).
    Other,
    /// A phrase of `stat_words.tsv`.
    Word(Role),
    /// A phrase of `stat_indicators.tsv`.
    Indicator,
    /// Any other word or number token.
    Plain,
    /// ";" and sentence-final punctuation.
    Hard,
    /// "," and ":".
    Comma,
    /// "(" or "[".
    Open,
    /// Any other punctuation or symbol.
    Punct,
}

/// An item: one entity, one phrase, or one token.
#[derive(Debug, Clone)]
pub(crate) struct Item {
    /// What it is.
    pub kind: Kind,
    /// Document-wide token indices.
    pub tokens: Range<usize>,
    /// Index into `doc.entities` for entity items.
    pub entity: Option<usize>,
}

/// Splits a sentence into items: the outermost entities, then the longest
/// vocabulary phrase at each token, else single tokens.
pub(crate) fn lex(doc: &Document, sentence: &Sentence, entities: &[usize]) -> Vec<Item> {
    let range = sentence.tokens.clone();
    // Outermost entities, by token start.
    let mut outer: Vec<usize> = entities.to_vec();
    outer.sort_by_key(|&e| {
        let t = &doc.entities[e].tokens;
        (t.start, std::cmp::Reverse(t.end))
    });
    let mut items = Vec::with_capacity(range.len());
    let mut next_entity = outer.iter().peekable();
    let mut i = range.start;
    while i < range.end {
        while next_entity
            .peek()
            .is_some_and(|&&e| doc.entities[e].tokens.start < i)
        {
            next_entity.next();
        }
        if let Some(&&e) = next_entity.peek() {
            let entity = &doc.entities[e];
            if entity.tokens.start == i {
                let kind = match entity.value {
                    EntityValue::Number(_)
                    | EntityValue::Percent { .. }
                    | EntityValue::Money { .. }
                    | EntityValue::Quantity { .. } => Kind::Figure,
                    EntityValue::Date(_) | EntityValue::Time(_) | EntityValue::Period(_) => {
                        Kind::Time
                    }
                    EntityValue::Place(_) => Kind::Place,
                    _ => Kind::Other,
                };
                let end = entity.tokens.end.min(range.end).max(i + 1);
                items.push(Item {
                    kind,
                    tokens: i..end,
                    entity: Some(e),
                });
                i = end;
                continue;
            }
        }
        let token = &doc.tokens[i];
        let text = token.span.slice(&doc.text);
        let kind = match token.kind {
            TokenKind::Punct | TokenKind::Symbol => Some(match text {
                ";" | "." | "!" | "?" | "…" | "..." => Kind::Hard,
                "," | ":" => Kind::Comma,
                "(" | "[" => Kind::Open,
                _ => Kind::Punct,
            }),
            TokenKind::Email | TokenKind::Url => Some(Kind::Punct),
            _ => None,
        };
        if let Some(kind) = kind {
            items.push(Item {
                kind,
                tokens: i..i + 1,
                entity: None,
            });
            i += 1;
            continue;
        }
        let key_at = |k: usize| {
            let j = i + k;
            (j < range.end).then(|| doc.key(&doc.tokens[j]))
        };
        let word = LEXICON.words.longest(key_at, |_| true);
        let indicator = LEXICON.indicators.longest(key_at, |_| true);
        let (kind, len) = match (word, indicator) {
            (Some((wl, _)), Some((il, _))) if il >= wl => (Kind::Indicator, il),
            (None, Some((il, _))) => (Kind::Indicator, il),
            (Some((wl, role)), _) => (Kind::Word(role), wl),
            (None, None) => (Kind::Plain, 1),
        };
        items.push(Item {
            kind,
            tokens: i..i + len,
            entity: None,
        });
        i += len;
    }
    items
}

fn change_of(kind: Kind) -> Option<Change> {
    match kind {
        Kind::Word(Role::Change(c, _)) => Some(c),
        _ => None,
    }
}

/// Is item `k` a change verb used as a verb? A verb directly followed by a
/// content word, with another verb later before any figure, is part of a
/// noun phrase ("tốc độ tăng trưởng ngành dịch vụ đạt …", "thanh toán bằng
/// thẻ chiếm …").
pub(crate) fn is_verb(items: &[Item], k: usize) -> bool {
    let Kind::Word(Role::Change(_, direct)) = items[k].kind else {
        return false;
    };
    if direct {
        return items.get(k + 1).is_some_and(|i| i.kind == Kind::Figure);
    }
    let content_next = matches!(
        items.get(k + 1).map(|i| i.kind),
        Some(Kind::Plain | Kind::Indicator | Kind::Other | Kind::Word(Role::Lead))
    );
    if !content_next {
        return true;
    }
    let later_verb = items[k + 1..]
        .iter()
        .take_while(|i| !matches!(i.kind, Kind::Hard | Kind::Figure))
        .any(|i| change_of(i.kind).is_some());
    !later_verb
}

fn verb_ahead(items: &[Item], from: usize) -> bool {
    (from..items.len())
        .take_while(|&k| items[k].kind != Kind::Hard)
        .any(|k| is_verb(items, k))
}

/// Does the clause boundary candidate at item `k` (a comma or connector after
/// the clause's verb) start a new clause?
fn starts_new(items: &[Item], k: usize) -> bool {
    let mut j = k + 1;
    while j < items.len()
        && matches!(
            items[j].kind,
            Kind::Comma | Kind::Word(Role::Connector) | Kind::Punct
        )
    {
        j += 1;
    }
    let Some(item) = items.get(j) else {
        return false;
    };
    match item.kind {
        Kind::Hard
        | Kind::Figure
        | Kind::Word(Role::Base(_) | Role::Restate | Role::Modifier | Role::Cut) => false,
        Kind::Word(Role::Change(..)) if is_verb(items, j) => false,
        Kind::Word(Role::Qualifier(_))
            if items.get(j + 1).is_some_and(|_| is_verb(items, j + 1)) =>
        {
            false
        }
        Kind::Time | Kind::Place => true,
        _ => verb_ahead(items, j),
    }
}

/// Splits items into clauses (ranges of item indices): at ";" always, and at
/// a comma or connector after the clause's verb when what follows starts a
/// new statement (see [`crate::statistics`]).
pub(crate) fn clauses(items: &[Item]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut verb_seen = false;
    for k in 0..items.len() {
        match items[k].kind {
            Kind::Hard => {
                out.push(start..k);
                start = k + 1;
                verb_seen = false;
            }
            Kind::Comma | Kind::Word(Role::Connector) if verb_seen && starts_new(items, k) => {
                out.push(start..k);
                start = k;
                verb_seen = false;
            }
            Kind::Word(Role::Change(..)) if is_verb(items, k) => verb_seen = true,
            _ => {}
        }
    }
    out.push(start..items.len());
    out.retain(|r| !r.is_empty());
    out
}

/// A record read from a clause, before period and place are carried in.
#[derive(Debug, Clone)]
pub(crate) struct Frame {
    /// Figure entity, if any.
    pub amount: Option<Amount>,
    /// Unit as in [`crate::model::Statistic::unit`].
    pub unit: Option<String>,
    /// Change.
    pub change: Option<Change>,
    /// Base.
    pub base: Option<Base>,
    /// Qualifier.
    pub qualifier: Option<Qualifier>,
}

/// What one clause yields.
#[derive(Debug, Clone, Default)]
pub(crate) struct ClauseFrames {
    /// Token range of the indicator, if the clause names one.
    pub indicator: Option<Range<usize>>,
    /// Token range of the clause (without its leading and trailing punctuation).
    pub tokens: Range<usize>,
    /// The records.
    pub frames: Vec<Frame>,
    /// The first period/date entity of the clause outside a comparison.
    pub period: Option<usize>,
    /// The first place entity of the clause outside a comparison.
    pub place: Option<usize>,
}

/// The unit of a figure: "%" (or "điểm phần trăm", "‰"), the ISO currency,
/// the measure unit or counted noun ("tạ/ha"), none for a bare number.
pub(crate) fn unit_of(value: &EntityValue) -> Option<String> {
    let with_per = |unit: &str, per: &Option<String>| match per {
        Some(per) => format!("{unit}/{per}"),
        None => unit.to_owned(),
    };
    match value {
        EntityValue::Percent { points: true, .. } => Some("điểm phần trăm".to_owned()),
        EntityValue::Percent { sign, .. } => Some((*sign).to_owned()),
        EntityValue::Money { unit, per, .. } | EntityValue::Quantity { unit, per, .. } => {
            Some(with_per(unit, per))
        }
        _ => None,
    }
}

/// Reads the records of clause `r` of `items`.
pub(crate) fn read_clause(doc: &Document, items: &[Item], r: Range<usize>) -> ClauseFrames {
    let mut start = r.start;
    while start < r.end
        && matches!(
            items[start].kind,
            Kind::Comma | Kind::Punct | Kind::Word(Role::Connector)
        )
    {
        start += 1;
    }
    let mut end = r.end;
    while end > start && matches!(items[end - 1].kind, Kind::Comma | Kind::Punct | Kind::Hard) {
        end -= 1;
    }
    let mut out = ClauseFrames::default();
    if start == end {
        return out;
    }
    out.tokens = items[start].tokens.start..items[end - 1].tokens.end;
    let verb = (start..end).find(|&k| is_verb(items, k));
    let mut qualifier = None;
    let mut pre_base = None;
    let pre_end = verb.unwrap_or(end);
    // Leading context, qualifiers and comparisons before the verb.
    for k in start..pre_end {
        let item = &items[k];
        match item.kind {
            Kind::Time if out.period.is_none() => out.period = item.entity,
            Kind::Place if out.place.is_none() && !after_toward(items, k) => {
                out.place = item.entity
            }
            Kind::Word(Role::Qualifier(q)) => qualifier = Some(q),
            Kind::Word(Role::Base(Some(Base::Plan))) => qualifier = Some(Qualifier::Target),
            Kind::Word(Role::Base(Some(b))) => pre_base = Some(b),
            _ => {}
        }
    }
    // "Toàn tỉnh có 1.250 doanh nghiệp thành lập mới": the counted noun and
    // the words after it are the indicator of a level.
    let have = (start..pre_end.saturating_sub(1)).find(|&k| {
        items[k].kind == Kind::Word(Role::Have)
            && items[k + 1].kind == Kind::Figure
            && matches!(
                items[k + 1].entity.map(|e| &doc.entities[e].value),
                Some(EntityValue::Quantity { per: None, .. })
            )
    });
    if let Some(k) = have {
        let entity = &doc.entities[items[k + 1].entity.expect("figures are entities")];
        out.indicator = have_indicator(doc, items, k + 1, pre_end);
        if out.indicator.is_some() {
            out.frames.push(Frame {
                amount: entity.value.amount().cloned(),
                unit: unit_of(&entity.value),
                change: Some(Change::Level),
                base: None,
                qualifier,
            });
        }
    } else {
        out.indicator = indicator_tokens(items, start, pre_end);
    }
    let Some(verb) = verb else {
        return out;
    };
    let mut change = None;
    let mut group = 0;
    let mut group_base: Option<Base> = None;
    let mut skipping = false;
    for k in verb..end {
        let item = &items[k];
        match item.kind {
            Kind::Word(Role::Change(c, _)) if is_verb(items, k) => {
                change = Some(c);
                group = out.frames.len();
                group_base = None;
                skipping = false;
            }
            Kind::Figure if !skipping && change.is_some() => {
                let entity = &doc.entities[item.entity.expect("figures are entities")];
                out.frames.push(Frame {
                    amount: entity.value.amount().cloned(),
                    unit: unit_of(&entity.value),
                    change,
                    base: group_base,
                    qualifier,
                });
            }
            Kind::Word(Role::Base(base)) => {
                if let Some(base) = base {
                    for f in &mut out.frames[group..] {
                        f.base.get_or_insert(base);
                    }
                    group_base.get_or_insert(base);
                }
                skipping = true;
            }
            Kind::Word(Role::Qualifier(q)) => {
                if q == Qualifier::Target && out.frames.len() > group {
                    for f in &mut out.frames[group..] {
                        f.base.get_or_insert(Base::Plan);
                    }
                    skipping = true;
                } else {
                    qualifier = Some(q);
                }
            }
            Kind::Word(Role::Restate) => skipping = true,
            Kind::Comma | Kind::Word(Role::Connector) => skipping = false,
            Kind::Time if !skipping && out.period.is_none() => out.period = item.entity,
            Kind::Place if !skipping && out.place.is_none() && !after_toward(items, k) => {
                out.place = item.entity
            }
            _ => {}
        }
    }
    if out.frames.is_empty() {
        qualitative(items, verb, end, qualifier, &mut out);
    }
    if let Some(base) = pre_base {
        for f in &mut out.frames {
            if f.change != Some(Change::Level) {
                f.base.get_or_insert(base);
            }
        }
    }
    if out.indicator.is_none() {
        // Nothing is measured without an indicator (it may be inherited).
        out.frames.retain(|f| f.amount.is_some());
    }
    out
}

/// A clause with a rising or falling verb and no figure ("doanh thu tăng mạnh
/// so cùng kỳ") is a record without a value, when the verb ends the clause or
/// is followed only by an adverb or a comparison.
fn qualitative(
    items: &[Item],
    verb: usize,
    end: usize,
    qualifier: Option<Qualifier>,
    out: &mut ClauseFrames,
) {
    let Some(change @ (Change::Increase | Change::Decrease)) = change_of(items[verb].kind) else {
        return;
    };
    let mut base = None;
    for item in &items[verb + 1..end] {
        match item.kind {
            Kind::Word(Role::Modifier) => {}
            Kind::Word(Role::Base(b)) => {
                base = b;
                break;
            }
            _ => return,
        }
    }
    if out.indicator.is_none() {
        return;
    }
    out.frames.push(Frame {
        amount: None,
        unit: None,
        change: Some(change),
        base,
        qualifier,
    });
}

/// The indicator between `start` and the verb at `verb`: after the last
/// comma, leading connectors, lead words, qualifiers, periods and places
/// skipped, up to the first cut word, entity, bracket or comparison.
fn indicator_tokens(items: &[Item], start: usize, verb: usize) -> Option<Range<usize>> {
    // After the last comma, or after the last qualifier that content words
    // follow ("tỉnh phấn đấu thu ngân sách đạt …").
    let mut s = (start..verb)
        .rev()
        .find(|&k| {
            items[k].kind == Kind::Comma
                || (matches!(items[k].kind, Kind::Word(Role::Qualifier(_)))
                    && k + 1 < verb
                    && matches!(items[k + 1].kind, Kind::Plain | Kind::Indicator))
        })
        .map_or(start, |k| k + 1);
    while s < verb
        && matches!(
            items[s].kind,
            Kind::Word(
                Role::Connector
                    | Role::Lead
                    | Role::Have
                    | Role::Scope
                    | Role::Qualifier(_)
                    | Role::Base(Some(Base::Plan))
            ) | Kind::Time
                | Kind::Place
                | Kind::Punct
                | Kind::Comma
        )
    {
        s += 1;
    }
    let mut e = noun_phrase_end(items, s, verb);
    while e > s && matches!(items[e - 1].kind, Kind::Word(Role::Connector)) {
        e -= 1;
    }
    (e > s).then(|| items[s].tokens.start..items[e - 1].tokens.end)
}

/// Is the place at item `k` a destination or origin ("xuất khẩu sang Hoa
/// Kỳ")? Then it belongs to the indicator, not to the record's place.
fn after_toward(items: &[Item], k: usize) -> bool {
    k > 0 && items[k - 1].kind == Kind::Word(Role::Toward)
}

/// The end of the noun phrase of an indicator starting at item `s`: content
/// words, known indicators, adverbs, inner connectors ("lượng khách và doanh
/// thu"), verbs used as nouns, and destinations ("sang Hoa Kỳ").
fn noun_phrase_end(items: &[Item], s: usize, limit: usize) -> usize {
    let mut e = s;
    while e < limit {
        let continues = match items[e].kind {
            Kind::Plain
            | Kind::Indicator
            | Kind::Other
            | Kind::Word(
                Role::Modifier
                | Role::Connector
                | Role::Change(..)
                | Role::NotVerb
                | Role::Lead
                | Role::Have
                | Role::Subplace,
            ) => true,
            Kind::Word(Role::Toward) => e + 1 < limit && e > s,
            Kind::Place => after_toward(items, e),
            _ => false,
        };
        if !continues {
            break;
        }
        e += 1;
    }
    while e > s
        && matches!(
            items[e - 1].kind,
            Kind::Word(Role::Connector | Role::Toward)
        )
    {
        e -= 1;
    }
    e
}

/// The indicator of a "có FIGURE noun …" frame: the figure's counted noun
/// (its last tokens) and the noun phrase after it.
fn have_indicator(
    doc: &Document,
    items: &[Item],
    figure: usize,
    limit: usize,
) -> Option<Range<usize>> {
    let entity = &doc.entities[items[figure].entity?];
    let EntityValue::Quantity { unit, .. } = &entity.value else {
        return None;
    };
    let unit_tokens = crate::tokenizer::tokenize(unit).tokens.len();
    let tokens = &entity.tokens;
    if unit_tokens == 0 || unit_tokens >= tokens.len() {
        return None;
    }
    let start = tokens.end - unit_tokens;
    // The unit must be written as such (not "km²" for "km2").
    let written = doc.text[doc.tokens[start].span.start..doc.tokens[tokens.end - 1].span.end]
        .split_whitespace()
        .map(crate::normalize::key)
        .collect::<Vec<_>>()
        .join(" ");
    if written != crate::normalize::phrase_key(unit) {
        return None;
    }
    let e = noun_phrase_end(items, figure + 1, limit);
    let end = if e > figure + 1 {
        items[e - 1].tokens.end
    } else {
        tokens.end
    };
    Some(start..end)
}
