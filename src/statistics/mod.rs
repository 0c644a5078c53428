//! Statistics records from resolved entities: "Tăng trưởng GRDP ước đạt
//! 3,4%" → {indicator "tăng trưởng GRDP", value 3.4, unit "%", change
//! level, qualifier estimate, period and place from the context}.
//!
//! In: a [`Document`] whose entities are resolved. Out: [`Statistic`]s in
//! text order. Nothing here looks at raw text except to copy the indicator;
//! words are matched on their keys against `grammars/stat_words.tsv` (verbs,
//! comparisons, qualifiers, connectors, …) and `grammars/stat_indicators.tsv`
//! (known indicators).
//!
//! # Grammar
//!
//! A sentence is first read as items: each outermost entity is one item
//! (FIGURE = number, percent, money, quantity; TIME = period, date, time;
//! PLACE; OTHER), then the longest vocabulary phrase at a token, else one
//! token. Then:
//!
//! ```text
//! sentence   := clause ( boundary clause )*
//! boundary   := ";"                                  (always)
//!             | ( "," | CONNECTOR ) &new-statement    (only after the clause's verb)
//! clause     := lead* INDICATOR? QUALIFIER* group+
//! lead       := CONNECTOR | LEAD | TIME | PLACE | … ","   (everything up to the
//!                                                     last comma before the verb)
//! group      := VERB figures ( BASE | RESTATE FIGURE | TIME | PLACE )*
//! figures    := FIGURE ( ( "," | "và" ) FIGURE )*
//! VERB       := tăng | giảm | đạt | chiếm | bằng | ở mức | là | vượt
//!             | giảm còn | tăng lên | …               (stat_words.tsv, role change)
//! BASE       := so với cùng kỳ | so với quý trước | kế hoạch | …
//! ```
//!
//! - **new-statement**: after a comma or connector, a new clause starts
//!   unless what follows continues the current one: a FIGURE, a VERB used as
//!   a verb ("…, tăng 14,9% so với cùng kỳ"), a BASE, an adverb, or a
//!   qualifier then a verb ("…, dự kiến đạt …"). A TIME or PLACE starts a new
//!   clause ("…, quý II tăng 6%"); so does any other word when a verb follows
//!   before the sentence ends ("…, nhập khẩu đạt 4 tỷ USD").
//! - **Verb or noun**: a change verb directly followed by a content word,
//!   with another verb later and no figure between, is part of the indicator
//!   ("tốc độ tăng trưởng ngành dịch vụ đạt 5%").
//! - **Indicator**: from the clause start, or after the last comma or
//!   reporting verb ("cho biết", "cho thấy") before the verb (or after a qualifier that words follow: "tỉnh phấn đấu thu
//!   ngân sách đạt …"), skipping connectors, lead and scope words ("có",
//!   "do", "toàn tỉnh", "cả nước"), area words ("tỉnh"), qualifiers,
//!   periods and places; then a noun phrase up to a cut word ("trên địa
//!   bàn", "tại", "đến", "theo"), "của" before a place or area word ("GRDP
//!   của tỉnh", but "doanh thu của các doanh nghiệp chế biến gỗ"), an
//!   entity other than a destination ("sang Hoa Kỳ"), a bracket ("(CPI)")
//!   or the verb; "trong", "đã", "tiếp tục" are dropped at its end. At most
//!   32 items are read. A known indicator is one item, so "tổng sản phẩm
//!   trong nước" and "ngành chế biến, chế tạo" stay whole. Written as in
//!   the text, lower-cased except acronyms ("tăng trưởng GRDP", "VN-Index")
//!   and words of names ("sang Hoa Kỳ"). A clause without an indicator
//!   ("…, quý II tăng 6%") takes the one of the previous clause of the
//!   sentence; a clause with none at all gives no record ("Tăng 5%.").
//! - **Records**: one per FIGURE after a verb, with that verb's change. A
//!   BASE applies to the figures of its verb group ("đạt 305,6 tỷ USD, tăng
//!   14,9% so với cùng kỳ": only the increase is against the same period);
//!   figures inside a comparison ("so với năm 2022") or after "tương đương"
//!   are skipped. "bằng 48,2% kế hoạch" is change `level`, base `plan`
//!   (GUIDELINES §7; `share` is "chiếm"); a figure that took its change
//!   verb as a bound word ("vượt 18% dự toán", "gấp 2,1 lần") opens its own
//!   verb group (increase); a
//!   target word after a figure ("bằng 50% chỉ tiêu") is a `plan` base, and
//!   before it a `target` qualifier (unless a comma follows it: "dưới mục
//!   tiêu, …"). A qualifier holds for the rest of the clause ("ước đạt 5 tỷ
//!   USD, tăng 10%" are both estimates) and for the clauses split off it at
//!   a comma or connector ("phấn đấu đón 8,5 triệu lượt khách, doanh thu du
//!   lịch đạt …"), not across ";".
//! - **Known indicator + figure**: a listed indicator right before a figure
//!   states its level ("Đà Nẵng thu ngân sách 14.600 tỷ đồng"); a percent
//!   followed by a plan word is a level against the plan ("giải ngân 65% kế
//!   hoạch").
//! - **"có" + figure** (also "đón", "thu hút", "ghi nhận", "cấp mới"; not
//!   "xảy ra": narrated events are no statistics): "Toàn
//!   tỉnh có 1.250 doanh nghiệp thành lập mới" is a `level` whose indicator
//!   is the counted noun and the words after it ("doanh nghiệp thành lập
//!   mới"); after a measure unit or money only the words after it count
//!   ("có 1.200 ha tôm" → "tôm", "thu hút 1,2 tỷ USD vốn FDI" → "vốn FDI").
//!   A verb after it continues with that indicator (", tăng 12% so với cùng
//!   kỳ").
//! - **Verbless clause**: after a clause boundary, a noun phrase directly
//!   followed by a figure is a `level` ("…, nhập siêu 0,6 tỷ USD"; "thu hút
//!   35 dự án mới, tổng vốn đầu tư 820 triệu USD"). Not at a sentence start
//!   ("Ông Ba 50 tuổi" is no statistic), so "toàn tỉnh gieo trồng 76.500 ha"
//!   is missed.
//! - **"với"**: "… với tổng vốn đăng ký 450 triệu USD" is a `level` with
//!   its own indicator.
//! - **Comparison first**: "So với cùng kỳ, giá cá tra giảm 6%" — a base
//!   before the verb applies to the clause's changes (not to its levels).
//! - **Qualitative statements**: a rising or falling verb with no figure in
//!   its verb group, followed only by adverbs, a comparison, or the group
//!   end ("lượng khách và doanh thu tăng mạnh so cùng kỳ"; "đạt 780.000
//!   tấn, giảm nhẹ so với cùng kỳ"), gives a record with no value. Level and
//!   share verbs without a figure give nothing ("đạt kết quả tốt" is no
//!   statistic), nor do verbs flagged `figure` ("vượt chỉ tiêu").
//! - **Percentage points**: unit "điểm phần trăm"; per mille: "‰"; money and
//!   quantities with a denominator keep only the currency or unit ("VND" for
//!   "26.500 đồng/kg", "tạ" for "68,5 tạ/ha"), as GUIDELINES §7 asks.
//! - **Comparisons with a time** ("so với năm 2023", "so với cùng kỳ năm
//!   2023"): the time is neither a figure nor the period; an unnamed one is
//!   named against the record's period by [`infer_base`] (with no period, a
//!   bare year is the `previous_period`).
//!
//! # Context
//!
//! - **Period**: the first period/date entity of the clause outside a
//!   comparison; else the first of the sentence; else the nearest preceding
//!   one in the same paragraph, where only periods and dates without a day
//!   ("tháng 6/2023", "năm 2023") carry over (a day date is an event, not a
//!   reporting period); else the first such period of the document's first
//!   paragraph (its headline or lead: "Cần Thơ: GRDP 9 tháng năm 2024 tăng
//!   6,8%"); else the document's period when it names exactly one period
//!   entity. A day or time of day that opens a sentence before a comma is
//!   its dateline ("Ngày 5/12/2024, Sở Công Thương cho biết …") and never a
//!   period. A running total "9 tháng" (a duration of 2 to 11 months) is
//!   January to that month of the document's year ("2024-01/2024-09"; of
//!   the year before when the document is dated in or before that month).
//! - **Place**: the first place entity of the clause; else of the
//!   sentence; else the document's main place ([`main_place`]): the first
//!   place of its first paragraph (headline or dateline), also inside an
//!   organization ("UBND tỉnh Nghệ An"), not a place below a province
//!   ("huyện", "xã", …), a destination or origin ("sang", "từ", "vào": it
//!   stays in the indicator, "kim ngạch xuất khẩu sang Hoa Kỳ") or a venue
//!   ("tại Hà Nội"). Places of earlier sentences are not carried: a
//!   sentence naming "huyện Mỹ Tú" or "Hàn Quốc" says nothing about the
//!   place of the next one.
//!
//! # Speed
//!
//! Most sentences can give no record. Before a sentence is read, one table
//! look-up per token (by word id, built from the grammar files) tells
//! which phrases its words start; a sentence with no change verb, no word
//! that states a figure near one, and no period to carry is skipped. A
//! sentence with no verb is read only for its periods. While reading, a
//! token is looked up in a phrase table only when it starts a phrase and
//! its next word may continue one; the sentence's items, clauses and
//! records live in buffers kept per thread; strings are written only for
//! records. The tests in `frames.rs` check each shortcut against the full
//! reading.
//!
mod csv;
mod frames;
mod lexicon;

pub use csv::{write_csv_bom, write_csv_header, write_csv_rows, CSV_COLUMNS, UTF8_BOM};

use crate::model::{Base, Change, Document, EntityValue, Statistic, Temporal};
use lexicon::{Role, Starts, LEXICON};
use std::borrow::Cow;
use std::ops::Range;

/// The statistics records of `doc`, in text order.
///
/// ```
/// let doc = chiso::Annotator::new().annotate("Số doanh nghiệp mới đạt 1.234 và tăng 12 so với cùng kỳ.");
/// let stats = chiso::statistics::extract(&doc);
/// assert_eq!(stats.len(), 2);
/// assert_eq!(stats[0].indicator, "số doanh nghiệp mới");
/// assert_eq!(stats[1].change, Some(chiso::model::Change::Increase));
/// assert_eq!(stats[1].base, Some(chiso::model::Base::SamePeriod));
/// ```
pub fn extract(doc: &Document) -> Vec<Statistic> {
    thread_local! {
        // Reused from one document to the next: for short documents,
        // allocating the buffers anew cost more than reading them.
        static BUFFERS: std::cell::RefCell<frames::Buffers> = std::cell::RefCell::default();
    }
    BUFFERS.with_borrow_mut(|buffers| {
        let out = extract_with(doc, buffers);
        buffers.shrink();
        out
    })
}

fn extract_with(doc: &Document, buffers: &mut frames::Buffers) -> Vec<Statistic> {
    let main_place = main_place(doc);
    let main_period = main_period(doc);
    let mut out = Vec::new();
    let mut paragraph = usize::MAX;
    // Periods are borrowed from the entities, and copied only into records.
    let mut carried_period: Option<Cow<Temporal>> = None;
    // The headline's period: the first period (not a day) of the first paragraph.
    let first_paragraph = doc.sentences.first().map(|s| s.paragraph);
    let mut headline_period: Option<Cow<Temporal>> = None;
    let mut next_entity = 0;
    let headline = headline(doc);
    for (n, sentence) in doc.sentences.iter().enumerate() {
        if sentence.paragraph != paragraph {
            paragraph = sentence.paragraph;
            carried_period = None;
        }
        // Entities of this sentence (entities are sorted by start).
        while next_entity < doc.entities.len() && doc.entities[next_entity].tokens.start < sentence.tokens.start {
            next_entity += 1;
        }
        let mut e = next_entity;
        while e < doc.entities.len() && doc.entities[e].tokens.start < sentence.tokens.end {
            e += 1;
        }
        let entities = next_entity..e;
        // What the sentence can give: records, or a period for the next sentences.
        if !may_record(doc, sentence, entities.clone()) && !may_carry(doc, entities.clone()) {
            continue;
        }
        frames::read_sentence(doc, sentence, entities.clone(), buffers);
        let clauses = &buffers.clauses;
        let sentence_frames = &buffers.frames;
        let sentence_period = clauses.iter().find_map(|c| c.period);
        let sentence_place = clauses.iter().find_map(|c| c.place);
        // The clause's indicator (tokens), written out only for a record.
        let mut indicator: Option<Range<usize>> = None;
        // The indicator names a weather reading or an event ("nhiệt độ",
        // "làm chết"): its figures are no statistics.
        let mut not_statistic = false;
        let mut lead_base = None;
        let mut qualifier = None;
        for clause in clauses {
            lead_base = clause.lead_base.or(lead_base);
            if !clause.continued {
                qualifier = None;
            }
            let clause_qualifier = sentence_frames[clause.frames.clone()].iter().find_map(|f| f.qualifier);
            qualifier = clause_qualifier.or(qualifier);
            if let Some(tokens) = &clause.indicator {
                // A source or speaker ("Theo Sở Công Thương tỉnh Đắk Lắk, …")
                // is no indicator: the clause keeps the previous one.
                if !is_name(doc, tokens.clone(), entities.clone()) {
                    indicator = Some(tokens.clone());
                    not_statistic = word_len(doc, tokens.start, tokens.end, Role::NotIndicator).is_some();
                }
            }
            let Some(name_tokens) = &indicator else {
                continue;
            };
            // A headline repeats a figure of the body: no records.
            let frames = if Some(n) == headline {
                &[][..]
            } else {
                &sentence_frames[clause.frames.clone()]
            };
            if clause.tokens.is_empty() || frames.is_empty() {
                continue; // only punctuation and connectors, or no record
            }
            let period = clause
                .period
                .or(sentence_period)
                .and_then(|e| temporal_of(doc, e))
                .or_else(|| carried_period.clone())
                .or_else(|| headline_period.clone())
                .or(main_period.map(Cow::Borrowed));
            let place = clause
                .place
                .or(sentence_place)
                .and_then(|e| place_name(&doc.entities[e].value))
                .or(main_place.as_deref());
            let span = crate::Span::new(
                doc.tokens[clause.tokens.start].span.start,
                doc.tokens[clause.tokens.end - 1].span.end,
            );
            for f in frames {
                let skip = match &f.indicator {
                    Some(tokens) => word_len(doc, tokens.start, tokens.end, Role::NotIndicator).is_some(),
                    None => not_statistic,
                };
                if skip {
                    continue;
                }
                let compared = f.compared.and_then(|e| doc.entities[e].value.temporal());
                let base = f
                    .base
                    .or_else(|| match period.as_deref() {
                        Some(period) => infer_base(period, compared?),
                        // "so với năm 2023" with no period known: the year before.
                        None => (compared?.value.len() == 4).then_some(Base::PreviousPeriod),
                    })
                    .or(match f.change {
                        Some(Change::Level) | None => None,
                        _ => lead_base,
                    });
                let figure = f.figure.map(|e| &doc.entities[e].value);
                out.push(Statistic {
                    indicator: match &f.indicator {
                        Some(tokens) => indicator_text(doc, tokens.clone(), entities.clone()),
                        None => indicator_text(doc, name_tokens.clone(), entities.clone()),
                    },
                    amount: figure.and_then(|v| v.amount().cloned()),
                    unit: figure.and_then(frames::unit_of),
                    change: f.change,
                    base,
                    qualifier: f.qualifier.or(qualifier),
                    period: period.as_deref().cloned(),
                    place: place.map(str::to_owned),
                    span,
                });
            }
        }
        // What the next sentences of the paragraph carry.
        for c in clauses {
            if let Some(e) = c.period {
                if carries(&doc.entities[e].value) {
                    carried_period = temporal_of(doc, e);
                    if headline_period.is_none() && Some(sentence.paragraph) == first_paragraph {
                        headline_period = carried_period.clone();
                    }
                }
            }
        }
    }
    out
}

/// Can `sentence` give a record? Only a rising or falling verb gives one
/// without a figure ("giá lúa tăng mạnh"); any other record needs a figure
/// at or after a change verb, after "với", or right after a `direct` verb,
/// a `have` word or a known indicator (see the grammar above). Tested on
/// the words' ids, before the sentence is read.
fn may_record(doc: &Document, sentence: &crate::tokenizer::Sentence, entities: Range<usize>) -> bool {
    let lexicon = &*LEXICON;
    // The first tokens of the figures, in order.
    let mut figures = doc.entities[entities]
        .iter()
        .filter(|e| frames::is_figure(&e.value))
        .map(|e| e.tokens.start)
        .peekable();
    let tokens = &doc.tokens[sentence.tokens.clone()];
    for (i, token) in sentence.tokens.clone().zip(tokens) {
        let starts = lexicon.starts_of(doc, token);
        if !starts.any(Starts::QUALITATIVE | Starts::VERB | Starts::WITH | Starts::BEFORE_FIGURE) {
            continue;
        }
        if starts.any(Starts::QUALITATIVE) {
            return true;
        }
        while figures.next_if(|&start| start < i).is_some() {}
        let Some(&next) = figures.peek() else {
            continue;
        };
        if starts.any(Starts::VERB | Starts::WITH) || next <= i + lexicon.longest_at(token) {
            return true;
        }
    }
    false
}

/// Can a sentence with `entities` carry a period to the next sentences?
fn may_carry(doc: &Document, entities: Range<usize>) -> bool {
    doc.entities[entities].iter().any(|e| carries(&e.value))
}

/// Does a clause period of this value carry to the next sentences of the
/// paragraph (a period, a running total of months, a month — not a day)?
fn carries(value: &EntityValue) -> bool {
    match value {
        EntityValue::Period(_) => true,
        EntityValue::Duration(d) => frames::report_months(d).is_some(),
        EntityValue::Date(t) => t.value.len() <= 7,
        _ => false,
    }
}

/// The index of the document's headline: a first paragraph of one sentence
/// that does not end in ".", "!" or "?", with more text after it ("Cần
/// Thơ: GRDP 9 tháng năm 2024 tăng 6,8%" above the article). Its figures
/// repeat the body's and give no records; its period and place still
/// serve the whole document.
fn headline(doc: &Document) -> Option<usize> {
    let first = doc.sentences.first()?;
    let second = doc.sentences.get(1)?;
    if second.paragraph == first.paragraph || first.tokens.is_empty() {
        return None;
    }
    let last = &doc.tokens[first.tokens.end - 1];
    let closed = matches!(last.span.slice(&doc.text), "." | "!" | "?" | "…" | "...");
    (!closed).then_some(0)
}

/// The document's period when it names exactly one (as `period` entities):
/// a report on "quý I/2024" whose figures come in later paragraphs.
fn main_period(doc: &Document) -> Option<&Temporal> {
    let mut found: Option<&Temporal> = None;
    for e in &doc.entities {
        if let EntityValue::Period(t) = &e.value {
            match found {
                Some(f) if f.value != t.value => return None,
                _ => found = Some(t),
            }
        }
    }
    found
}

/// The period of time entity `e`; a running total of N months ("9 tháng",
/// a duration) is January to month N of the document's year — of the year
/// before when the document is dated in or before month N (a January
/// report on "11 tháng").
fn temporal_of(doc: &Document, e: usize) -> Option<Cow<'_, Temporal>> {
    match &doc.entities[e].value {
        EntityValue::Duration(d) => {
            let n = frames::report_months(d)?;
            let date = doc.date?;
            let year = if date.month > n { date.year } else { date.year - 1 };
            let last = crate::calendar::days_in_month(year, n);
            Some(Cow::Owned(Temporal {
                value: format!("{year}-01/{year}-{n:02}"),
                from: Some(format!("{year}-01-01")),
                to: Some(format!("{year}-{n:02}-{last:02}")),
            }))
        }
        value => value.temporal().map(Cow::Borrowed),
    }
}

fn place_name(value: &EntityValue) -> Option<&str> {
    match value {
        EntityValue::Place(name) => Some(name),
        _ => None,
    }
}

/// Longest entity, in tokens, that [`overlapping`] looks back for (recognizers
/// cap their matches far below this).
const MAX_ENTITY_TOKENS: usize = 64;

/// The entities among `entities` (a range of `doc.entities`, sorted by
/// start) that overlap `tokens`, found by binary search: no scan of the
/// whole sentence per clause, so a sentence with thousands of figures stays
/// linear.
fn overlapping<'d>(
    doc: &'d Document,
    entities: Range<usize>,
    tokens: Range<usize>,
) -> impl Iterator<Item = &'d crate::model::Entity> + 'd {
    let entities = &doc.entities[entities];
    let end = entities.partition_point(|e| e.tokens.start < tokens.end);
    let from = entities[..end].partition_point(|e| e.tokens.start + MAX_ENTITY_TOKENS <= tokens.start);
    entities[from..end]
        .iter()
        .filter(move |e| e.tokens.start < tokens.end && tokens.start < e.tokens.end)
}

/// Is `tokens` exactly one organization, official or person ("Sở Công
/// Thương tỉnh Đắk Lắk")?
fn is_name(doc: &Document, tokens: Range<usize>, entities: Range<usize>) -> bool {
    overlapping(doc, entities, tokens.clone()).any(|e| {
        e.tokens.start <= tokens.start
            && tokens.end <= e.tokens.end
            && matches!(
                e.value,
                EntityValue::Org(_) | EntityValue::Person { .. } | EntityValue::Official { .. }
            )
    })
}

/// The indicator as written (spaces between words made single), lower-cased
/// except acronyms (words with two or more capitals: "GRDP", "VN-Index") and names (words inside a place, org or person entity:
/// "sang Hoa Kỳ"); `entities` are the sentence's.
fn indicator_text(doc: &Document, tokens: Range<usize>, entities: Range<usize>) -> String {
    let first = doc.tokens[tokens.start].span.start;
    let last = doc.tokens[tokens.end - 1].span.end;
    let names: Vec<crate::Span> = overlapping(doc, entities, tokens.clone())
        .filter(|e| {
            matches!(
                e.value,
                EntityValue::Place(_) | EntityValue::Org(_) | EntityValue::Person { .. } | EntityValue::Official { .. }
            )
        })
        .map(|e| e.span)
        .collect();
    let mut out = String::with_capacity(last - first);
    // Words are runs of glued tokens ("VN-Index").
    let mut word_start = first;
    let ts = &doc.tokens[tokens];
    for (i, token) in ts.iter().enumerate() {
        let word_ends = ts.get(i + 1).is_none_or(|next| next.span.start > token.span.end);
        if !word_ends {
            continue;
        }
        let span = crate::Span::new(word_start, token.span.end);
        let word = span.slice(&doc.text);
        if !out.is_empty() {
            out.push(' ');
        }
        push_word(&mut out, word, names.iter().any(|n| n.contains(span)));
        if let Some(next) = ts.get(i + 1) {
            word_start = next.span.start;
        }
    }
    out
}

/// Appends an indicator's `word`: as written when it is a `name` or has
/// two or more capitals ("GRDP", "VN-Index"), else lower-cased
/// ([`char::to_lowercase`]). Most words are lower case already: they are
/// copied as they are.
fn push_word(out: &mut String, word: &str, name: bool) {
    let start = out.len();
    out.push_str(word);
    if name {
        return;
    }
    if word.is_ascii() {
        if word.bytes().filter(u8::is_ascii_uppercase).nth(1).is_none() {
            out[start..].make_ascii_lowercase();
        }
        return;
    }
    let (mut capitals, mut lower) = (0, true);
    for c in word.chars() {
        if c.is_uppercase() {
            capitals += 1;
        }
        // A lower-case letter is its own lower case (tested below).
        lower &= if c.is_ascii() {
            !c.is_ascii_uppercase()
        } else {
            c.is_lowercase()
        };
    }
    if capitals < 2 && !lower {
        out.truncate(start);
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// The document's main place: the first place named in its first paragraph
/// (the headline, or the dateline sentence of a text without one), also
/// inside an organization or an official ("Hội nghị Ban Chấp hành Đảng bộ
/// tỉnh Vĩnh Long" → "Vĩnh Long"), not counting places that start with, or
/// come right after, an administrative word below a province ("huyện Chợ
/// Lách"), destinations and origins ("sang Hoa Kỳ"), venues ("tại Hà Nội":
/// where a meeting is held, not what the figures are about), nor countries
/// inside an organization's name ("Ngân hàng Nhà nước Việt Nam"). None when
/// the first paragraph names no such place: a national report names no
/// place.
///
/// ```
/// let doc = chiso::Annotator::new().annotate("Không có địa danh.");
/// assert_eq!(chiso::statistics::main_place(&doc), None);
/// let doc = chiso::Annotator::new().annotate("Sáng 5/3, tại Hà Nội, Sở Tài chính tỉnh Hà Giang họp báo.\n\nThu ngân sách đạt 5 tỷ đồng.");
/// assert_eq!(chiso::statistics::main_place(&doc).as_deref(), Some("Hà Giang"));
/// ```
pub fn main_place(doc: &Document) -> Option<String> {
    use crate::recognizers::names::lexicon::{PlaceKind, LEXICON as NAMES};
    let first = doc.sentences.first()?;
    let end = doc
        .sentences
        .iter()
        .take_while(|s| s.paragraph == first.paragraph)
        .last()
        .map_or(first.tokens.end, |s| s.tokens.end);
    // A place starting at token `at` counts unless an administrative word
    // below a province, a destination word or a venue word is at or before it.
    let counts = |at: usize, place_end: usize| {
        let before = |role: Role| {
            (at >= 1 && word_len(doc, at - 1, at, role) == Some(1))
                || (at >= 2 && word_len(doc, at - 2, at, role) == Some(2))
        };
        word_len(doc, at, place_end, Role::Subplace).is_none()
            && !before(Role::Subplace)
            && !before(Role::Toward)
            && !before(Role::Venue)
    };
    for entity in doc.entities.iter().take_while(|e| e.tokens.start < end) {
        let range = entity.tokens.clone();
        match &entity.value {
            EntityValue::Place(name) if counts(range.start, range.end) => return Some(name.clone()),
            EntityValue::Org(_) | EntityValue::Official { .. } => {
                // A place inside the name: at most the entity's tokens, one
                // hash probe per token.
                let mut at = range.start + 1;
                while at < range.end {
                    let toks = crate::token_input::Toks::window(&doc.text, &doc.tokens, &doc.keys, at, range.end);
                    let found = NAMES.places.longest_in(&toks, |p| {
                        !matches!(p.kind, PlaceKind::Country) && (!p.cap || doc.tokens[at].capitalized)
                    });
                    if let Some((len, place)) = found {
                        if counts(at, at + len) && doc.tokens[at].capitalized {
                            return Some(place.canonical.clone());
                        }
                        at += len;
                    } else {
                        at += 1;
                    }
                }
            }
            _ => {}
        }
    }
    None
}

/// The length of the phrase of `role` starting at token `at` ("huyện",
/// "thị xã", "sang"), looking no further than token `end`.
fn word_len(doc: &Document, at: usize, end: usize, role: Role) -> Option<usize> {
    let key_at = |k: usize| (at + k < end).then(|| frames::word_of(doc, at + k));
    LEXICON.words.longest(key_at, |r| *r == role).map(|(len, _)| len)
}

/// Names a comparison with a time ("so với năm 2023", "so với quý II")
/// against the record's period: the same part of an earlier year is
/// `same_period` ("6 tháng đầu năm 2024" vs "2023-H1"); an earlier value of
/// the same shape is `previous_period` ("năm 2024" vs "năm 2023", "quý III"
/// vs "quý II"); anything else stays unnamed.
///
/// ```
/// use chiso::model::{Base, Temporal};
/// use chiso::statistics::infer_base;
/// let t = |v: &str| Temporal { value: v.into(), from: None, to: None };
/// assert_eq!(infer_base(&t("2024-H1"), &t("2023-H1")), Some(Base::SamePeriod));
/// assert_eq!(infer_base(&t("2024"), &t("2023")), Some(Base::PreviousPeriod));
/// assert_eq!(infer_base(&t("2024-Q3"), &t("2024-Q2")), Some(Base::PreviousPeriod));
/// assert_eq!(infer_base(&t("2024-Q3"), &t("2024-06")), None);
/// assert_eq!(infer_base(&t("2024"), &t("2021")), None);
/// ```
pub fn infer_base(period: &Temporal, compared: &Temporal) -> Option<Base> {
    let (p, c) = (period.value.as_str(), compared.value.as_str());
    let shape = |v: &str| -> String { v.chars().map(|ch| if ch.is_ascii_digit() { '9' } else { ch }).collect() };
    if shape(p) != shape(c) || c >= p || p.contains('X') || c.contains('X') {
        return None;
    }
    let year = |v: &str| v.get(..4).and_then(|y| y.parse::<i32>().ok());
    let (py, cy) = (year(p)?, year(c)?);
    // The value without its years: "-01/-09" for "2024-01/2024-09".
    let part = |v: &str, y: i32| v.replace(&y.to_string(), "");
    if py == cy + 1 && part(p, py) == part(c, cy) {
        if part(p, py).is_empty() {
            Some(Base::PreviousPeriod)
        } else {
            Some(Base::SamePeriod)
        }
    } else if py == cy || py == cy + 1 {
        Some(Base::PreviousPeriod)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The indicator's case rules answer as `char::to_lowercase` and
    /// `char::is_uppercase` do, word by word.
    #[test]
    fn lowercase_and_capitals_answer_as_char_does() {
        let mut words: Vec<String> = [
            "GRDP",
            "VN-Index",
            "Tăng",
            "ĐỒNG",
            "İstanbul",
            "ǅa",
            "ẞ",
            "Ⅻ",
            "Ωmega",
            "số😀Ă",
            "iPhone",
        ]
        .map(str::to_owned)
        .into();
        words.extend((0..0x3000u32).filter_map(char::from_u32).map(|c| format!("{c}a{c}")));
        for word in &words {
            let lower: String = word.chars().flat_map(char::to_lowercase).collect();
            let capitals = word.chars().filter(|c| c.is_uppercase()).count();
            let expected = if capitals >= 2 { word } else { &lower };
            let mut out = String::from("x ");
            push_word(&mut out, word, false);
            assert_eq!(out, format!("x {expected}"), "{word}");
            let mut out = String::from("x ");
            push_word(&mut out, word, true);
            assert_eq!(out, format!("x {word}"), "{word}");
        }
        // What push_word takes for granted.
        for c in (0..=0x10ffff).filter_map(char::from_u32).filter(|c| c.is_lowercase()) {
            assert!(c.to_lowercase().eq([c]), "{c:?}");
        }
    }
}
