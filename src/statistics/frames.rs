//! Frames: one sentence's tokens and entities → items → clauses → records.
//!
//! See the module docs of [`crate::statistics`] for the grammar.

use super::lexicon::{read_into_items, Role, Starts, VerbUse, LEXICON};
use crate::model::{Base, Change, Document, EntityValue, Qualifier};
use crate::tokenizer::{Gap, Sentence, TokenKind};
use crate::vocab::{WordId, UNLISTED};
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
    /// The change of a figure that took its change verb as its bound word
    /// ("vượt 18%", "gấp 2,1 lần"): see [`leading_change`].
    pub lead: Option<Change>,
}

impl Item {
    /// An item of tokens that are no entity ("tăng", "so với cùng kỳ").
    fn of_tokens(kind: Kind, tokens: Range<usize>) -> Item {
        Item {
            kind,
            tokens,
            entity: None,
            lead: None,
        }
    }
}

/// Splits a sentence into items: the outermost entities, then the longest
/// vocabulary phrase at each token, else single tokens. `entities` are the
/// sentence's (indices into `doc.entities`); `outer` is a scratch buffer.
pub(crate) fn lex(
    doc: &Document,
    sentence: &Sentence,
    entities: Range<usize>,
    outer: &mut Vec<usize>,
    items: &mut Vec<Item>,
) {
    let lexicon = &*LEXICON;
    let range = sentence.tokens.clone();
    items.clear();
    // Outermost entities, by token start.
    outer.clear();
    outer.extend(entities);
    outer.sort_by_key(|&e| {
        let t = &doc.entities[e].tokens;
        (t.start, std::cmp::Reverse(t.end))
    });
    // The next outer entity and its first token.
    let mut next = 0;
    let start_of = |n: usize| outer.get(n).map_or(usize::MAX, |&e| doc.entities[e].tokens.start);
    let mut next_start = start_of(next);
    let mut i = range.start;
    while i < range.end {
        while next_start < i {
            next += 1;
            next_start = start_of(next);
        }
        if next_start == i {
            let e = outer[next];
            let entity = &doc.entities[e];
            let kind = match entity.value {
                ref figure if is_figure(figure) => Kind::Figure,
                EntityValue::Date(_) | EntityValue::Time(_) | EntityValue::Period(_) => Kind::Time,
                EntityValue::Duration(ref d) if report_months(d).is_some() => Kind::Time,
                EntityValue::Place(_) => Kind::Place,
                _ => Kind::Other,
            };
            let end = entity.tokens.end.min(range.end).max(i + 1);
            // A time that is a comparison ("cùng kỳ năm trước" read as a
            // period) is the comparison.
            let base = matches!(kind, Kind::Time)
                .then(|| {
                    let key_at = |k: usize| {
                        let j = i + k;
                        (j < range.end).then(|| word_of(doc, j))
                    };
                    lexicon
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
            let lead = matches!(kind, Kind::Figure)
                .then(|| leading_change(doc, i..end))
                .flatten();
            items.push(Item {
                kind,
                tokens: i..end,
                entity,
                lead,
            });
            i = end;
            continue;
        }
        let token = &doc.tokens[i];
        let kind = match token.kind {
            TokenKind::Punct | TokenKind::Symbol => Some(match token.span.slice(&doc.text) {
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
            items.push(Item::of_tokens(kind, i..i + 1));
            i += 1;
            continue;
        }
        // Most tokens start no phrase: one bit test each, no look-up.
        let starts = lexicon.starts_of(doc, token);
        let (may_word, may_indicator) = (starts.any(Starts::WORD), starts.any(Starts::INDICATOR));
        if !may_word && !may_indicator {
            items.push(Item::of_tokens(Kind::Plain, i..i + 1));
            i += 1;
            continue;
        }
        // A phrase never ends inside the next entity: "cả năm 2024" is "cả"
        // and the date "năm 2024", not the phrase "cả năm"; a phrase that
        // covers it whole stays ("so với tháng trước"), and so does a
        // comparison ("so với cùng kỳ" + "năm 2023").
        let next_word = (i + 1 < range.end).then(|| doc.tokens[i + 1].word);
        if let Some(one) = lexicon.one_word(token, next_word) {
            // No longer phrase goes on with the next word (and a phrase of
            // one word never ends inside an entity).
            let word = one.word.filter(|_| may_word);
            let kind = match (word, one.indicator.is_some() && may_indicator) {
                (_, true) => Kind::Indicator,
                (Some(role), false) => Kind::Word(role),
                (None, false) => Kind::Plain,
            };
            items.push(Item::of_tokens(kind, i..i + 1));
            i += 1;
            continue;
        }
        let next = outer.get(next).map(|&e| &doc.entities[e].tokens);
        let lookup = |stop: usize| {
            let key_at = move |k: usize| {
                let j = i + k;
                (j < stop).then(|| word_of(doc, j))
            };
            (
                may_word
                    .then(|| lexicon.words.longest(key_at, read_into_items).map(|(n, r)| (n, *r)))
                    .flatten(),
                may_indicator
                    .then(|| lexicon.indicators.longest(key_at, |_| true).map(|(n, i)| (n, *i)))
                    .flatten(),
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
        items.push(Item::of_tokens(kind, i..i + len));
        i += len;
    }
}

/// The word id of token `i` with its key, read from the key text only when
/// the word is in no grammar file: word sets and phrase tables compare keys
/// only for [`crate::vocab::UNLISTED`] words.
pub(crate) fn word_of(doc: &Document, i: usize) -> (WordId, &str) {
    let token = &doc.tokens[i];
    if token.word == UNLISTED {
        doc.keyed(token)
    } else {
        (token.word, "")
    }
}

/// Is `value` a figure (number, percent, money, quantity)?
pub(crate) fn is_figure(value: &EntityValue) -> bool {
    matches!(
        value,
        EntityValue::Number(_) | EntityValue::Percent { .. } | EntityValue::Money { .. } | EntityValue::Quantity { .. }
    )
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

/// The change of a figure entity (on `tokens`) that starts with a change
/// verb it took as its bound word ("vượt 18%", "gấp 2,1 lần").
fn leading_change(doc: &Document, tokens: Range<usize>) -> Option<Change> {
    let (start, end) = (tokens.start, tokens.end);
    if !LEXICON.starts_of(doc, &doc.tokens[start]).any(Starts::CHANGE) {
        return None;
    }
    let key_at = |k: usize| (start + k < end).then(|| word_of(doc, start + k));
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
        return items.get(k + 1).is_some_and(|i| matches!(i.kind, Kind::Figure));
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
        .take_while(|&k| !matches!(items[k].kind, Kind::Hard))
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
    (e > j && matches!(items.get(e)?.kind, Kind::Figure)).then_some(e)
}

/// Splits items into clauses (ranges of item indices): at ";" always, and at
/// a comma or connector after the clause's verb when what follows starts a
/// new statement (see [`crate::statistics`]).
///
/// Returns whether [`read_clause`] can read a record from any clause: every
/// record comes from a verb ([`is_verb`], [`leading_change`]), from "có"
/// or a known indicator right before a figure, from "với" and a figure, or
/// from a clause split off at a comma after one of these (see
/// [`verbless`]). Most sentences with a figure have none of them.
pub(crate) fn clauses(items: &[Item], out: &mut Vec<Range<usize>>) -> bool {
    out.clear();
    let mut start = 0;
    let mut verb_seen = false;
    let (mut stated, mut figure, mut with) = (false, false, false);
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
            Kind::Word(Role::Have) | Kind::Indicator
                if items.get(k + 1).is_some_and(|i| matches!(i.kind, Kind::Figure)) =>
            {
                verb_seen = true
            }
            _ => {}
        }
        stated |= verb_seen;
        match items[k].kind {
            Kind::Figure => {
                figure = true;
                stated |= items[k].lead.is_some();
            }
            Kind::Word(Role::With) => with = true,
            _ => {}
        }
    }
    out.push(start..items.len());
    out.retain(|r| !r.is_empty());
    stated || (figure && with)
}

/// A record read from a clause, before period and place are carried in.
#[derive(Debug, Clone)]
pub(crate) struct Frame {
    /// The figure entity (index into `doc.entities`), if any: its amount
    /// and unit are written out only for a record.
    pub figure: Option<usize>,
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
    fn new(figure: Option<usize>, change: Option<Change>, qualifier: Option<Qualifier>) -> Frame {
        Frame {
            figure,
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
    /// The records: a range of the sentence's frames.
    pub frames: Range<usize>,
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

/// Buffers reused from one sentence to the next.
#[derive(Debug, Default)]
pub(crate) struct Buffers {
    outer: Vec<usize>,
    items: Vec<Item>,
    ranges: Vec<Range<usize>>,
    /// The clauses of the last sentence read.
    pub clauses: Vec<ClauseFrames>,
    /// Their records ([`ClauseFrames::frames`] are ranges of it).
    pub frames: Vec<Frame>,
}

impl Buffers {
    /// Most items a sentence's buffers keep between documents: the memory
    /// of an odd huge sentence is given back.
    const KEPT: usize = 4096;

    /// Gives back the memory beyond what a long sentence needs.
    pub(crate) fn shrink(&mut self) {
        if self.items.capacity() > Self::KEPT {
            *self = Buffers::default();
        }
    }
}

/// Reads `sentence` (whose entities are `entities`, indices into
/// `doc.entities`) into `buffers.clauses` and `buffers.frames`.
pub(crate) fn read_sentence(doc: &Document, sentence: &Sentence, entities: Range<usize>, buffers: &mut Buffers) {
    let Buffers {
        outer,
        items,
        ranges,
        clauses: out,
        frames,
    } = buffers;
    lex(doc, sentence, entities, outer, items);
    let may_frame = clauses(items, ranges);
    out.clear();
    frames.clear();
    if may_frame {
        for r in ranges.iter() {
            out.push(read_clause(doc, items, r.clone(), frames));
        }
    } else {
        // No record: only the clauses' periods count (what the next
        // sentences carry). With no verb before them, a clause's period is
        // its first time that is no dateline.
        for r in ranges.iter() {
            out.push(ClauseFrames {
                period: r
                    .clone()
                    .find(|&k| matches!(items[k].kind, Kind::Time) && !is_dateline(doc, items, k))
                    .and_then(|k| items[k].entity),
                ..ClauseFrames::default()
            });
        }
    }
}

/// Reads the records of clause `r` of `items`, appending them to `frames`.
pub(crate) fn read_clause(doc: &Document, items: &[Item], r: Range<usize>, frames: &mut Vec<Frame>) -> ClauseFrames {
    // A clause that a comma or connector split off another one.
    let continued = r.start > 0
        && !matches!(items[r.start - 1].kind, Kind::Hard)
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
    let first = frames.len();
    let mut out = ClauseFrames {
        continued,
        frames: first..first,
        ..ClauseFrames::default()
    };
    if start == end {
        return out;
    }
    out.tokens = items[start].tokens.start..items[end - 1].tokens.end;
    // One pass up to the verb: leading context, qualifiers and comparisons
    // (before any figure: "giải ngân 65% kế hoạch" has a base, not a
    // target), and the first "có" or known indicator right before a figure.
    let mut verb = None;
    let mut qualifier = None;
    let mut figure_seen = false;
    // "Toàn tỉnh có 1.250 doanh nghiệp thành lập mới": the counted noun and
    // the words after it are the indicator of a level — when an area is what
    // "has" it (a scope word, a place, "tỉnh"), not "Đến nay, có 3 đoàn công
    // tác về thăm" or "Trận đấu có 25.000 khán giả".
    let mut have = None;
    // "Đà Nẵng thu ngân sách 14.600 tỷ đồng": a known indicator right
    // before a figure states its level.
    let mut known = None;
    for k in start..end {
        let item = &items[k];
        if is_verb(items, k) || item.lead.is_some() {
            verb = Some(k);
            break;
        }
        if matches!(item.kind, Kind::Figure) && k > start {
            let h = k - 1;
            if have.is_none()
                && h > start
                && matches!(items[h - 1].kind, Kind::Place | Kind::Word(Role::Scope | Role::Area))
                && matches!(items[h].kind, Kind::Word(Role::Have))
                && matches!(
                    entity_value(doc, item),
                    Some(EntityValue::Quantity { per: None, .. } | EntityValue::Money { per: None, .. })
                )
            {
                have = Some(h);
            }
            if known.is_none() && matches!(items[h].kind, Kind::Indicator) {
                known = Some(h);
            }
        }
        figure_seen |= matches!(item.kind, Kind::Figure);
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
    let pre_end = verb.unwrap_or(end);
    // Figures read by the "với" frame, not to be read again.
    let mut taken: Vec<usize> = Vec::new();
    if let Some(k) = have {
        out.indicator = have_indicator(doc, items, k + 1, pre_end);
        if out.indicator.is_some() {
            taken.push(k + 1);
            frames.push(Frame::new(items[k + 1].entity, Some(Change::Level), qualifier));
        }
    } else if let Some(k) = known {
        out.indicator = indicator_tokens(items, start, k + 1);
        taken.push(k + 1);
        let mut frame = Frame::new(items[k + 1].entity, Some(Change::Level), qualifier);
        // "giải ngân 65% kế hoạch": a level against the plan (GUIDELINES §7).
        frame.base = match items.get(k + 2).map(|i| i.kind) {
            Some(Kind::Word(Role::Base(b))) => b,
            Some(Kind::Word(Role::Qualifier(Qualifier::Target))) => Some(Base::Plan),
            _ => None,
        };
        frames.push(frame);
    } else {
        out.indicator = indicator_tokens(items, start, pre_end);
    }
    // "… với tổng vốn đăng ký 450 triệu USD": a level with its own indicator.
    for k in start..end {
        if !matches!(items[k].kind, Kind::Word(Role::With)) {
            continue;
        }
        let e = noun_phrase_end(items, k + 1, end);
        if e > k + 1 && items.get(e).is_some_and(|i| matches!(i.kind, Kind::Figure)) && e < end {
            let mut frame = Frame::new(items[e].entity, Some(Change::Level), qualifier);
            frame.indicator = Some(items[k + 1].tokens.start..items[e - 1].tokens.end);
            frames.push(frame);
            taken.push(e);
        }
    }
    let Some(verb) = verb else {
        if continued && frames.len() == first {
            if let Some(f) = verbless(&items[..end], start) {
                out.indicator = Some(items[start].tokens.start..items[f - 1].tokens.end);
                frames.push(Frame::new(items[f].entity, Some(Change::Level), qualifier));
            }
        }
        out.frames = first..frames.len();
        return out;
    };
    let mut change = None;
    let mut group = frames.len();
    let mut group_base: Option<Base> = None;
    let mut skipping = false;
    let mut comparing = false;
    let mut group_verb = verb;
    for k in verb..end {
        let item = &items[k];
        match item.kind {
            Kind::Word(Role::Change(c, _)) if is_verb(items, k) => {
                if k > verb && frames.len() == group {
                    if let Some(f) = qualitative(items, group_verb, k, qualifier) {
                        frames.push(f);
                    }
                }
                group_verb = k;
                change = Some(c);
                group = frames.len();
                group_base = None;
                skipping = false;
                comparing = false;
            }
            // "vượt 18% dự toán", "gấp 2,1 lần cùng kỳ": the figure entity
            // took the verb as its bound word; it still opens a verb group.
            Kind::Figure if !taken.contains(&k) && item.lead.is_some() => {
                if k > verb && frames.len() == group {
                    if let Some(f) = qualitative(items, group_verb, k, qualifier) {
                        frames.push(f);
                    }
                }
                group_verb = k;
                change = item.lead;
                group = frames.len();
                group_base = None;
                skipping = false;
                comparing = false;
                frames.push(Frame::new(item.entity, change, qualifier));
            }
            Kind::Figure if !skipping && change.is_some() && !taken.contains(&k) => {
                let mut frame = Frame::new(item.entity, change, qualifier);
                frame.base = group_base;
                frames.push(frame);
            }
            Kind::Word(Role::Base(base)) => {
                if let Some(base) = base {
                    for f in &mut frames[group..] {
                        f.base.get_or_insert(base);
                    }
                    group_base.get_or_insert(base);
                }
                comparing = base.is_none();
                skipping = true;
            }
            Kind::Word(Role::Qualifier(q)) if qualifies(items, k) => {
                if q == Qualifier::Target && frames.len() > group {
                    for f in &mut frames[group..] {
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
                for f in &mut frames[group..] {
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
    if frames.len() == group {
        if let Some(f) = qualitative(items, group_verb, end, qualifier) {
            frames.push(f);
        }
    }
    if let Some(base) = out.lead_base {
        for f in &mut frames[first..] {
            if f.change != Some(Change::Level) {
                f.base.get_or_insert(base);
            }
        }
    }
    out.frames = first..frames.len();
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
    day && k == 0 && items.get(1).is_some_and(|i| matches!(i.kind, Kind::Comma))
}

/// Is the place at item `k` a destination or origin ("xuất khẩu sang Hoa
/// Kỳ")? Then it belongs to the indicator, not to the record's place.
fn after_toward(items: &[Item], k: usize) -> bool {
    k > 0 && matches!(items[k - 1].kind, Kind::Word(Role::Toward))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::statistics::{carries, may_carry, may_record};

    /// The documents of `corpus/` and sentences that come close to the gates.
    fn documents() -> Vec<Document> {
        let annotator = crate::Annotator::new();
        let mut texts: Vec<String> = [
            "Giá lúa tăng mạnh so với cùng kỳ.",
            "Đây là kết quả tốt, đạt được nhờ nỗ lực của cả tỉnh trong năm 2021.",
            "Tỉnh có 1.250 doanh nghiệp, với tổng vốn đăng ký 450 tỷ đồng.",
            "Thu ngân sách 14.600 tỷ đồng; GRDP là 5,2%.",
            "Lạm phát vượt 4% trong quý I/2024, xuống còn 3%.",
            "Kim ngạch xuất khẩu tháng 6/2023 đạt 5 tỷ USD, nhập siêu 0,6 tỷ USD.",
            "Ngày 5/12/2024, tại Hà Nội, Sở Công Thương họp báo.",
            "Năm 2023, tỉnh vượt khó, đạt nhiều kết quả.",
        ]
        .map(str::to_owned)
        .into();
        for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus")).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "jsonl") {
                for line in std::fs::read_to_string(&path).unwrap().lines() {
                    let value: serde_json::Value = serde_json::from_str(line).unwrap();
                    texts.push(value["text"].as_str().unwrap().to_owned());
                }
            }
        }
        texts.iter().map(|t| annotator.annotate(t)).collect()
    }

    /// Skipping a sentence, reading only its periods, looking a token up only
    /// when it starts a phrase, and reading a word alone when no longer
    /// phrase goes on with the next one answer as reading everything does.
    #[test]
    fn gates_answer_as_the_full_reading() {
        let (mut outer, mut items, mut ranges) = (Vec::new(), Vec::new(), Vec::new());
        let mut buffers = Buffers::default();
        let mut read = 0;
        for doc in documents() {
            for sentence in &doc.sentences {
                let start = doc.entities.partition_point(|e| e.tokens.start < sentence.tokens.start);
                let end = doc.entities.partition_point(|e| e.tokens.start < sentence.tokens.end);
                let entities = start..end;
                // Every clause read in full.
                lex(&doc, sentence, entities.clone(), &mut outer, &mut items);
                clauses(&items, &mut ranges);
                let mut frames = Vec::new();
                let full: Vec<_> = ranges
                    .iter()
                    .map(|r| read_clause(&doc, &items, r.clone(), &mut frames))
                    .collect();
                let text = sentence.span.slice(&doc.text);
                if !may_record(&doc, sentence, entities.clone()) {
                    assert!(frames.is_empty(), "{text}");
                    if !may_carry(&doc, entities.clone()) {
                        let mut periods = full.iter().filter_map(|c| c.period);
                        assert!(periods.all(|e| !carries(&doc.entities[e].value)), "{text}");
                    }
                }
                read_sentence(&doc, sentence, entities, &mut buffers);
                let periods = |c: &[ClauseFrames]| c.iter().map(|c| c.period).collect::<Vec<_>>();
                assert_eq!(periods(&buffers.clauses), periods(&full), "{text}");
                assert_eq!(buffers.frames.len(), frames.len(), "{text}");
                read += 1;
                // Tokens outside the start sets start no phrase.
                for i in sentence.tokens.clone() {
                    let key_at = |k: usize| (i + k < sentence.tokens.end).then(|| doc.keyed(&doc.tokens[i + k]));
                    let starts = LEXICON.starts_of(&doc, &doc.tokens[i]);
                    if !starts.any(Starts::WORD) {
                        let found = LEXICON.words.longest(key_at, read_into_items);
                        assert!(found.is_none(), "{text}");
                    }
                    if !starts.any(Starts::CHANGE) {
                        let found = LEXICON.words.longest(key_at, |r| matches!(r, Role::Change(..)));
                        assert!(found.is_none(), "{text}");
                    }
                    if !starts.any(Starts::INDICATOR) {
                        assert!(LEXICON.indicators.longest(key_at, |_| true).is_none(), "{text}");
                    }
                    // A word that no longer phrase goes on from.
                    let next = (i + 1 < sentence.tokens.end).then(|| doc.tokens[i + 1].word);
                    if let Some(one) = LEXICON.one_word(&doc.tokens[i], next) {
                        let word = LEXICON.words.longest(key_at, read_into_items);
                        assert_eq!(word.map(|(n, r)| (n, *r)), one.word.map(|r| (1, r)), "{text}");
                        let indicator = LEXICON.indicators.longest(key_at, |_| true);
                        assert_eq!(indicator.map(|(n, v)| (n, *v)), one.indicator.map(|v| (1, v)), "{text}");
                    }
                }
            }
        }
        assert!(read > 400, "{read} sentences");
    }
}
