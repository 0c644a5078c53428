//! Frames: one sentence's tokens and entities → items → clauses → records.
//!
//! See the module docs of [`crate::statistics`] for the grammar.

use super::lexicon::{Role, VerbUse, LEXICON};
use crate::model::{Amount, Base, Change, Document, EntityValue, Qualifier};
use crate::tokenizer::{Gap, Sentence, TokenKind};
use std::ops::Range;

/// How many items any look-ahead reads at most (a verb after a noun, the
/// end of a noun phrase): keeps every clause linear in its length.
const LOOKAHEAD: usize = 32;

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
    /// "-", "/", "&" glued to the words on both sides ("VN-Index").
    Joiner,
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
        while next_entity.peek().is_some_and(|&&e| doc.entities[e].tokens.start < i) {
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
                    EntityValue::Date(_) | EntityValue::Time(_) | EntityValue::Period(_) => Kind::Time,
                    EntityValue::Duration(ref d) if report_months(d).is_some() => Kind::Time,
                    EntityValue::Place(_) => Kind::Place,
                    _ => Kind::Other,
                };
                let end = entity.tokens.end.min(range.end).max(i + 1);
                // A time that is a comparison ("cùng kỳ năm trước" read as a
                // period) is the comparison.
                let base = (kind == Kind::Time)
                    .then(|| {
                        let key_at = |k: usize| {
                            let j = i + k;
                            (j < range.end).then(|| doc.keyed(&doc.tokens[j]))
                        };
                        LEXICON
                            .words
                            .longest(key_at, |r| matches!(r, Role::Base(Some(_))))
                            .map(|(n, r)| (n, *r))
                    })
                    .flatten()
                    .filter(|(len, _)| i + len >= end);
                let (kind, end, entity) = match base {
                    Some((len, role)) => (Kind::Word(role), i + len, None),
                    None => (kind, end, Some(e)),
                };
                items.push(Item {
                    kind,
                    tokens: i..end,
                    entity,
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
                "-" | "/" | "&" | "+"
                    if token.gap == Gap::None
                        && doc
                            .tokens
                            .get(i + 1)
                            .is_some_and(|t| t.gap == Gap::None && i + 1 < range.end) =>
                {
                    Kind::Joiner
                }
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
        // A phrase never ends inside the next entity: "cả năm 2024" is "cả"
        // and the date "năm 2024", not the phrase "cả năm"; a phrase that
        // covers it whole stays ("so với tháng trước"), and so does a
        // comparison ("so với cùng kỳ" + "năm 2023").
        let next = next_entity.peek().map(|&&e| &doc.entities[e].tokens);
        let lookup = |stop: usize| {
            let key_at = move |k: usize| {
                let j = i + k;
                (j < stop).then(|| doc.keyed(&doc.tokens[j]))
            };
            (
                LEXICON
                    .words
                    .longest(key_at, |r| !matches!(r, Role::Venue | Role::NotIndicator))
                    .map(|(n, r)| (n, *r)),
                LEXICON.indicators.longest(key_at, |_| true).map(|(n, i)| (n, *i)),
            )
        };
        let (mut word, mut indicator) = lookup(range.end);
        if let Some(next) = next {
            let cuts = |len: Option<usize>| len.is_some_and(|len| i + len > next.start && i + len < next.end);
            // A comparison keeps its time ("so với cùng kỳ năm 2023").
            let word_cuts = word.filter(|(_, r)| !matches!(r, Role::Base(_))).map(|(l, _)| l);
            if cuts(word_cuts) || cuts(indicator.map(|(l, _)| l)) {
                let stop = next.start.clamp(i + 1, range.end);
                (word, indicator) = lookup(stop);
            }
        }
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

/// The months of a report's running total: a duration of 2 to 11 months
/// ("9 tháng", "trong 2 tháng") in a statistical sentence is the period
/// from January ("Tăng trưởng GRDP 9 tháng ước đạt 7,1%").
pub(crate) fn report_months(duration: &str) -> Option<u32> {
    let n: u32 = duration.strip_prefix('P')?.strip_suffix('M')?.parse().ok()?;
    (2..=11).contains(&n).then_some(n)
}

fn change_of(kind: Kind) -> Option<Change> {
    match kind {
        Kind::Word(Role::Change(c, _)) => Some(c),
        _ => None,
    }
}

/// The change of a figure entity that starts with a change verb it took
/// as its bound word ("vượt 18%", "gấp 2,1 lần").
fn leading_change(doc: &Document, item: &Item) -> Option<Change> {
    if item.kind != Kind::Figure {
        return None;
    }
    let (start, end) = (item.tokens.start, item.tokens.end);
    let key_at = |k: usize| (start + k < end).then(|| doc.keyed(&doc.tokens[start + k]));
    match LEXICON
        .words
        .longest(key_at, |r| matches!(r, Role::Change(..)))
        .map(|(n, r)| (n, *r))
    {
        Some((len, Role::Change(c, _))) if start + len < end => Some(c),
        _ => None,
    }
}

/// Is item `k` a change verb used as a verb? A verb directly followed by a
/// content word, with another verb later before any figure, is part of a
/// noun phrase ("tốc độ tăng trưởng ngành dịch vụ đạt …", "thanh toán bằng
/// thẻ chiếm …").
pub(crate) fn is_verb(items: &[Item], k: usize) -> bool {
    let Kind::Word(Role::Change(_, usage)) = items[k].kind else {
        return false;
    };
    if usage == VerbUse::Direct {
        return items.get(k + 1).is_some_and(|i| i.kind == Kind::Figure);
    }
    let content_next = matches!(
        items.get(k + 1).map(|i| i.kind),
        Some(
            Kind::Plain | Kind::Indicator | Kind::Other | Kind::Word(Role::Lead | Role::Of | Role::Trail | Role::Area)
        )
    );
    if !content_next {
        return true;
    }
    let later_verb = items[k + 1..]
        .iter()
        .take(LOOKAHEAD)
        .take_while(|i| !matches!(i.kind, Kind::Hard | Kind::Figure))
        .any(|i| change_of(i.kind).is_some());
    !later_verb
}

fn verb_ahead(items: &[Item], from: usize) -> bool {
    (from..items.len())
        .take(LOOKAHEAD)
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
            Kind::Comma | Kind::Word(Role::Connector | Role::With) | Kind::Punct
        )
    {
        j += 1;
    }
    let Some(item) = items.get(j) else {
        return false;
    };
    match item.kind {
        Kind::Hard | Kind::Figure | Kind::Word(Role::Base(_) | Role::Restate | Role::Modifier | Role::Cut) => false,
        Kind::Word(Role::Change(..)) if is_verb(items, j) => false,
        Kind::Word(Role::Qualifier(_)) if items.get(j + 1).is_some_and(|_| is_verb(items, j + 1)) => false,
        Kind::Time | Kind::Place => true,
        _ => verb_ahead(items, j) || verbless(items, j).is_some(),
    }
}

/// A clause without a verb that still states a figure: a noun phrase
/// directly followed by a figure ("…, nhập siêu 0,6 tỷ USD"). Only read
/// after a clause boundary. Returns the figure's item.
fn verbless(items: &[Item], j: usize) -> Option<usize> {
    let e = noun_phrase_end(items, j, items.len());
    (e > j && items.get(e)?.kind == Kind::Figure).then_some(e)
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
            Kind::Comma | Kind::Word(Role::Connector | Role::With) if verb_seen && starts_new(items, k) => {
                out.push(start..k);
                start = k;
                verb_seen = false;
            }
            Kind::Word(Role::Change(..)) if is_verb(items, k) => verb_seen = true,
            Kind::Word(Role::Have) | Kind::Indicator if items.get(k + 1).is_some_and(|i| i.kind == Kind::Figure) => {
                verb_seen = true
            }
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
    /// Its own indicator (tokens), when it is not the clause's ("… với tổng
    /// vốn đăng ký 450 triệu USD").
    pub indicator: Option<Range<usize>>,
    /// The time entity of a comparison we could not name ("so với năm
    /// 2023"), to name it against the record's period.
    pub compared: Option<usize>,
}

impl Frame {
    fn new(value: Option<&EntityValue>, change: Option<Change>, qualifier: Option<Qualifier>) -> Frame {
        Frame {
            amount: value.and_then(|v| v.amount().cloned()),
            unit: value.and_then(unit_of),
            change,
            base: None,
            qualifier,
            indicator: None,
            compared: None,
        }
    }
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
    /// A comparison before the verb ("So với cùng kỳ, …"): it also holds for
    /// the next clauses of the sentence.
    pub lead_base: Option<Base>,
    /// Split off the previous clause at a comma or connector (not at ";").
    pub continued: bool,
}

/// The unit of a figure: "%" (or "điểm phần trăm", "‰"), the ISO currency,
/// the measure unit or counted noun ("tạ" for "68,5 tạ/ha"), none for a
/// bare number.
pub(crate) fn unit_of(value: &EntityValue) -> Option<String> {
    match value {
        EntityValue::Percent { points: true, .. } => Some("điểm phần trăm".to_owned()),
        EntityValue::Percent { sign, .. } => Some((*sign).to_owned()),
        // A rate's denominator stays on the entity ("per"): the record's unit
        // is the currency or the unit ("7,2 tấn/ha" → "tấn").
        EntityValue::Money { unit, .. } | EntityValue::Quantity { unit, .. } => Some(unit.as_ref().to_owned()),
        _ => None,
    }
}

fn entity_value<'d>(doc: &'d Document, item: &Item) -> Option<&'d EntityValue> {
    item.entity.map(|e| &doc.entities[e].value)
}

/// Reads the records of clause `r` of `items`.
pub(crate) fn read_clause(doc: &Document, items: &[Item], r: Range<usize>) -> ClauseFrames {
    // A clause that a comma or connector split off another one.
    let continued = r.start > 0
        && items[r.start - 1].kind != Kind::Hard
        && matches!(
            items[r.start].kind,
            Kind::Comma | Kind::Word(Role::Connector | Role::With)
        );
    let mut start = r.start;
    while start < r.end
        && matches!(
            items[start].kind,
            Kind::Comma | Kind::Punct | Kind::Word(Role::Connector | Role::With)
        )
    {
        start += 1;
    }
    let mut end = r.end;
    while end > start && matches!(items[end - 1].kind, Kind::Comma | Kind::Punct | Kind::Hard) {
        end -= 1;
    }
    let mut out = ClauseFrames {
        continued,
        ..ClauseFrames::default()
    };
    if start == end {
        return out;
    }
    out.tokens = items[start].tokens.start..items[end - 1].tokens.end;
    let verb = (start..end).find(|&k| is_verb(items, k) || leading_change(doc, &items[k]).is_some());
    let mut qualifier = None;
    let pre_end = verb.unwrap_or(end);
    // Leading context, qualifiers and comparisons before the verb (and
    // before any figure: "giải ngân 65% kế hoạch" has a base, not a target).
    let mut figure_seen = false;
    for k in start..pre_end {
        let item = &items[k];
        figure_seen |= item.kind == Kind::Figure;
        match item.kind {
            Kind::Word(Role::Qualifier(_) | Role::Base(_)) if figure_seen => {}
            Kind::Time if out.period.is_none() && !is_dateline(doc, items, k) => out.period = item.entity,
            Kind::Place if out.place.is_none() && !after_toward(items, k) => out.place = item.entity,
            Kind::Word(Role::Qualifier(q)) if qualifies(items, k) => qualifier = Some(q),
            Kind::Word(Role::Base(Some(Base::Plan))) if qualifies(items, k) => qualifier = Some(Qualifier::Target),
            Kind::Word(Role::Base(Some(b))) if b != Base::Plan => out.lead_base = Some(b),
            _ => {}
        }
    }
    // Figures read by the "với" frame, not to be read again.
    let mut taken: Vec<usize> = Vec::new();
    // "Toàn tỉnh có 1.250 doanh nghiệp thành lập mới": the counted noun and
    // the words after it are the indicator of a level — when an area is what
    // "has" it (a scope word, a place, "tỉnh"), not "Đến nay, có 3 đoàn công
    // tác về thăm" or "Trận đấu có 25.000 khán giả".
    let have = (start..pre_end.saturating_sub(1)).find(|&k| {
        k > start
            && matches!(items[k - 1].kind, Kind::Place | Kind::Word(Role::Scope | Role::Area))
            && items[k].kind == Kind::Word(Role::Have)
            && items[k + 1].kind == Kind::Figure
            && matches!(
                entity_value(doc, &items[k + 1]),
                Some(EntityValue::Quantity { per: None, .. } | EntityValue::Money { per: None, .. })
            )
    });
    if let Some(k) = have {
        out.indicator = have_indicator(doc, items, k + 1, pre_end);
        if out.indicator.is_some() {
            taken.push(k + 1);
            out.frames.push(Frame::new(
                entity_value(doc, &items[k + 1]),
                Some(Change::Level),
                qualifier,
            ));
        }
    } else if let Some(k) = (start..pre_end.saturating_sub(1))
        .find(|&k| items[k].kind == Kind::Indicator && items[k + 1].kind == Kind::Figure)
    {
        // "Đà Nẵng thu ngân sách 14.600 tỷ đồng": a known indicator right
        // before a figure states its level.
        out.indicator = indicator_tokens(items, start, k + 1);
        taken.push(k + 1);
        let value = entity_value(doc, &items[k + 1]);
        let mut frame = Frame::new(value, Some(Change::Level), qualifier);
        // "giải ngân 65% kế hoạch": a level against the plan (GUIDELINES §7).
        frame.base = match items.get(k + 2).map(|i| i.kind) {
            Some(Kind::Word(Role::Base(b))) => b,
            Some(Kind::Word(Role::Qualifier(Qualifier::Target))) => Some(Base::Plan),
            _ => None,
        };
        out.frames.push(frame);
    } else {
        out.indicator = indicator_tokens(items, start, pre_end);
    }
    // "… với tổng vốn đăng ký 450 triệu USD": a level with its own indicator.
    for k in start..end {
        if items[k].kind != Kind::Word(Role::With) {
            continue;
        }
        let e = noun_phrase_end(items, k + 1, end);
        if e > k + 1 && items.get(e).is_some_and(|i| i.kind == Kind::Figure) && e < end {
            let mut frame = Frame::new(entity_value(doc, &items[e]), Some(Change::Level), qualifier);
            frame.indicator = Some(items[k + 1].tokens.start..items[e - 1].tokens.end);
            out.frames.push(frame);
            taken.push(e);
        }
    }
    let Some(verb) = verb else {
        if continued && out.frames.is_empty() {
            if let Some(f) = verbless(&items[..end], start) {
                out.indicator = Some(items[start].tokens.start..items[f - 1].tokens.end);
                out.frames
                    .push(Frame::new(entity_value(doc, &items[f]), Some(Change::Level), qualifier));
            }
        }
        return out;
    };
    let mut change = None;
    let mut group = out.frames.len();
    let mut group_base: Option<Base> = None;
    let mut skipping = false;
    let mut comparing = false;
    let mut group_verb = verb;
    for k in verb..end {
        let item = &items[k];
        match item.kind {
            Kind::Word(Role::Change(c, _)) if is_verb(items, k) => {
                if k > verb && out.frames.len() == group {
                    if let Some(f) = qualitative(items, group_verb, k, qualifier) {
                        out.frames.push(f);
                    }
                }
                group_verb = k;
                change = Some(c);
                group = out.frames.len();
                group_base = None;
                skipping = false;
                comparing = false;
            }
            // "vượt 18% dự toán", "gấp 2,1 lần cùng kỳ": the figure entity
            // took the verb as its bound word; it still opens a verb group.
            Kind::Figure if !taken.contains(&k) && leading_change(doc, item).is_some() => {
                if k > verb && out.frames.len() == group {
                    if let Some(f) = qualitative(items, group_verb, k, qualifier) {
                        out.frames.push(f);
                    }
                }
                group_verb = k;
                change = leading_change(doc, item);
                group = out.frames.len();
                group_base = None;
                skipping = false;
                comparing = false;
                out.frames.push(Frame::new(entity_value(doc, item), change, qualifier));
            }
            Kind::Figure if !skipping && change.is_some() && !taken.contains(&k) => {
                let mut frame = Frame::new(entity_value(doc, item), change, qualifier);
                frame.base = group_base;
                out.frames.push(frame);
            }
            Kind::Word(Role::Base(base)) => {
                if let Some(base) = base {
                    for f in &mut out.frames[group..] {
                        f.base.get_or_insert(base);
                    }
                    group_base.get_or_insert(base);
                }
                comparing = base.is_none();
                skipping = true;
            }
            Kind::Word(Role::Qualifier(q)) if qualifies(items, k) => {
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
            Kind::Comma | Kind::Word(Role::Connector | Role::With) => {
                skipping = false;
                comparing = false;
            }
            Kind::Time if comparing => {
                for f in &mut out.frames[group..] {
                    if f.base.is_none() {
                        f.compared.get_or_insert(item.entity.expect("times are entities"));
                    }
                }
                comparing = false;
            }
            Kind::Time if !skipping && out.period.is_none() && !is_dateline(doc, items, k) => out.period = item.entity,
            Kind::Place if !skipping && out.place.is_none() && !after_toward(items, k) => out.place = item.entity,
            _ => {}
        }
    }
    if out.frames.len() == group {
        if let Some(f) = qualitative(items, group_verb, end, qualifier) {
            out.frames.push(f);
        }
    }
    if let Some(base) = out.lead_base {
        for f in &mut out.frames {
            if f.change != Some(Change::Level) {
                f.base.get_or_insert(base);
            }
        }
    }
    out
}

/// A verb group with a rising or falling verb and no figure ("doanh thu
/// tăng mạnh so cùng kỳ", "…, giảm nhẹ so với cùng kỳ") is a record without
/// a value, when the verb (and its adverbs) is not followed by a content
/// word or a figure before `end`.
fn qualitative(items: &[Item], verb: usize, end: usize, qualifier: Option<Qualifier>) -> Option<Frame> {
    let Kind::Word(Role::Change(change @ (Change::Increase | Change::Decrease), VerbUse::Free)) = items[verb].kind
    else {
        return None;
    };
    let mut base = None;
    for item in &items[verb + 1..end] {
        match item.kind {
            Kind::Word(Role::Modifier) => {}
            Kind::Word(Role::Base(b)) => {
                base = b;
                break;
            }
            Kind::Plain | Kind::Indicator | Kind::Other | Kind::Figure => return None,
            _ => break,
        }
    }
    let mut frame = Frame::new(None, Some(change), qualifier);
    frame.base = base;
    Some(frame)
}

/// Is the qualifier word at `k` used as one? Not when a comma or the
/// sentence end follows it ("được kiểm soát dưới mục tiêu, …").
fn qualifies(items: &[Item], k: usize) -> bool {
    !matches!(items.get(k + 1).map(|i| i.kind), None | Some(Kind::Comma | Kind::Hard))
}

/// The indicator between `start` and the verb at `verb`: after the last
/// comma or reporting verb ("Ông A cho biết GRDP tăng …") (or after the last qualifier, when words follow it: "tỉnh phấn đấu
/// thu ngân sách đạt …"), skipping connectors, lead words, qualifiers,
/// periods and places, then a noun phrase.
fn indicator_tokens(items: &[Item], start: usize, verb: usize) -> Option<Range<usize>> {
    let after_comma = (start..verb)
        .rev()
        .find(|&k| matches!(items[k].kind, Kind::Comma | Kind::Word(Role::Say)))
        .map_or(start, |k| k + 1);
    let after_qualifier = (after_comma..verb)
        .rev()
        .find(|&k| matches!(items[k].kind, Kind::Word(Role::Qualifier(_))) && qualifies(items, k))
        .map(|k| k + 1);
    for s in after_qualifier.into_iter().chain([after_comma, start]) {
        let mut s = s;
        while s < verb
            && matches!(
                items[s].kind,
                Kind::Word(
                    Role::Connector
                        | Role::With
                        | Role::Lead
                        | Role::Have
                        | Role::Scope
                        | Role::Area
                        | Role::Qualifier(_)
                        | Role::Base(Some(Base::Plan))
                        | Role::Cut
                        | Role::Of
                        | Role::Trail
                        | Role::Aux
                ) | Kind::Time
                    | Kind::Place
                    | Kind::Punct
                    | Kind::Comma
            )
        {
            s += 1;
        }
        let e = noun_phrase_end(items, s, verb);
        if e > s {
            return Some(items[s].tokens.start..items[e - 1].tokens.end);
        }
    }
    None
}

/// Is the time at item `k` the dateline of a report ("Ngày 5/12/2024, Sở
/// Công Thương cho biết …", "Sáng 7/1, tại …")? A day or a time of day
/// that opens the sentence, followed by a comma, dates the telling, not
/// the figures: it is never their period.
fn is_dateline(doc: &Document, items: &[Item], k: usize) -> bool {
    let day = items[k].entity.is_some_and(|e| match &doc.entities[e].value {
        EntityValue::Date(t) => t.value.len() >= 10,
        EntityValue::Time(_) => true,
        _ => false,
    });
    day && k == 0 && items.get(1).is_some_and(|i| i.kind == Kind::Comma)
}

/// Is the place at item `k` a destination or origin ("xuất khẩu sang Hoa
/// Kỳ")? Then it belongs to the indicator, not to the record's place.
fn after_toward(items: &[Item], k: usize) -> bool {
    k > 0 && items[k - 1].kind == Kind::Word(Role::Toward)
}

/// The end of the noun phrase of an indicator starting at item `s`: content
/// words, known indicators, adverbs, inner connectors ("lượng khách và doanh
/// thu"), verbs used as nouns, destinations ("sang Hoa Kỳ"), and "của" when
/// no place follows it ("doanh thu của các doanh nghiệp" but not "GRDP của
/// tỉnh").
fn noun_phrase_end(items: &[Item], s: usize, limit: usize) -> usize {
    let limit = limit.min(s + LOOKAHEAD);
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
                | Role::Subplace
                | Role::Trail
                | Role::Aux
                | Role::Area,
            ) => true,
            Kind::Word(Role::Toward) | Kind::Joiner => e > s,
            Kind::Word(Role::Of) => {
                e > s
                    && !matches!(
                        items.get(e + 1).map(|i| i.kind),
                        None | Some(Kind::Place | Kind::Time | Kind::Word(Role::Scope | Role::Area | Role::Subplace))
                    )
            }
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
            Kind::Joiner | Kind::Word(Role::Connector | Role::Toward | Role::Trail | Role::Aux | Role::Of | Role::Lead)
        )
    {
        e -= 1;
    }
    e
}

/// The indicator of a "có FIGURE …" frame: the counted noun of the figure
/// (its last tokens) and the noun phrase after it ("có 1.250 doanh nghiệp
/// thành lập mới"); for a measure unit or money, the noun phrase alone
/// ("có 1.200 ha tôm siêu thâm canh", "thu hút 1,2 tỷ USD vốn FDI").
fn have_indicator(doc: &Document, items: &[Item], figure: usize, limit: usize) -> Option<Range<usize>> {
    let entity = &doc.entities[items[figure].entity?];
    let e = noun_phrase_end(items, figure + 1, limit);
    let phrase = (e > figure + 1).then(|| items[figure + 1].tokens.start..items[e - 1].tokens.end);
    let EntityValue::Quantity { unit, .. } = &entity.value else {
        return phrase;
    };
    if LEXICON.is_measure(unit) {
        return phrase;
    }
    let unit_tokens = crate::tokenizer::tokenize(unit).tokens.len();
    let tokens = &entity.tokens;
    if unit_tokens == 0 || unit_tokens >= tokens.len() {
        return None;
    }
    let start = tokens.end - unit_tokens;
    // The counted noun must be written as such.
    let written = doc.tokens[start..tokens.end]
        .iter()
        .map(|t| doc.key(t))
        .collect::<Vec<_>>()
        .join(" ");
    if written != crate::normalize::phrase_key(unit) {
        return None;
    }
    Some(start..phrase.map_or(tokens.end, |p| p.end))
}
