//! The names gazetteers: `grammars/places.tsv`, `place_units.tsv`, `orgs.tsv`,
//! `titles.tsv`, `surnames.tsv` and `name_stops.tsv`, parsed once into phrase tables keyed by
//! the tokens' matching keys.
//!
//! A [`Phrases`] table maps the key of a phrase's first token to the phrases
//! starting with it, longest first, so a lookup at a token is one hash probe
//! and (on a hit) a few key comparisons.

use crate::grammar::GrammarFile;
use crate::grammar_file;
use crate::tokenizer::tokenize;
use crate::vocab::{WordId, WordMap, WordSet};
use std::sync::LazyLock;

/// The names gazetteers' phrase tables: [`crate::phrases::PhraseTable`].
pub(crate) type Phrases<V> = crate::phrases::PhraseTable<V>;

/// The matching keys of the tokens of `form` ("TP. Hồ Chí Minh" → ["tp.", "hồ", "chí", "minh"]).
pub(crate) fn form_keys(form: &str) -> Vec<String> {
    let toks = tokenize(form);
    toks.tokens.iter().map(|t| toks.key_of(t).to_owned()).collect()
}

/// What kind of place a gazetteer entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PlaceKind {
    /// A first-level unit (province or centrally-run city), either era.
    Province,
    /// A well-known lower-level city ("Nha Trang").
    Town,
    /// A region: "Tây Nguyên", "vùng kinh tế trọng điểm phía Nam".
    Region,
    /// A country.
    Country,
    /// A place only after a unit word ("thành phố Hồ Chí Minh").
    UnitOnly,
}

/// A place entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Place {
    /// Canonical name.
    pub canonical: String,
    /// Its kind.
    pub kind: PlaceKind,
    /// The form is capitalized, so the text must be too ("Pháp", not "pháp luật").
    pub cap: bool,
    /// The form is written in capitals ("TP.HCM", "ĐBSCL").
    pub acronym: bool,
}

/// A place-unit word ("tỉnh", "TP.", "huyện").
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unit {
    /// Canonical lower-case form ("thành phố" for "TP.").
    pub canonical: String,
    /// What may follow it.
    pub follows: Follows,
}

/// What may follow a place-unit word (see `grammars/place_units.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Follows {
    /// Only a listed first-level unit.
    Known,
    /// A listed place, or an unlisted name or number.
    Open,
    /// A name or number taken as written.
    Name,
}

/// Kinds of organization entries (see `grammars/orgs.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OrgKind {
    /// A whole body.
    Fixed,
    /// A body followed by its place or parent.
    Local,
    /// "Bộ" + sector.
    Ministry,
    /// "Sở" + sector + optional place.
    Department,
    /// A kind of body followed by a capitalized proper name.
    Generic,
}

/// An organization entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Org {
    /// Canonical name (abbreviations expanded).
    pub canonical: String,
    /// Its kind.
    pub kind: OrgKind,
    /// A local body that may take an unlisted proper name ("Huyện ủy Mỏ Cày Nam").
    pub named: bool,
    /// A local body that is also a whole organization alone ("Cục Thống kê").
    pub whole: bool,
    /// A kind of body with a descriptive name ("Trường ĐH Sư phạm", "Viện Tim mạch").
    pub descriptive: bool,
}

/// Kinds of title parts (see `grammars/titles.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TitleKind {
    /// "Bí thư", "Chủ tịch".
    Head,
    /// "Phó".
    Deputy,
    /// "Quyền".
    Acting,
    /// "nguyên", "cố", "tân".
    Former,
    /// "Thường trực" after the head.
    Post,
    /// "Thượng tướng".
    Rank,
    /// "PGS.TS", "Giáo sư".
    Academic,
    /// "ông", "đồng chí".
    Honorific,
    /// "nhạc sĩ", "nông dân": introduces a name like an honorific, no official.
    Role,
    /// "kiêm".
    Join,
}

/// A title part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TitlePart {
    /// Its kind.
    pub kind: TitleKind,
    /// Head may take "PLACE tại PLACE" (ambassadors, foreign leaders).
    pub abroad: bool,
    /// Head is a title only with an organization after it ("Trưởng").
    pub bound: bool,
}

/// What the phrases of a table can be matched on before they are looked up:
/// the keys of its one-word phrases, and the second words of the others.
#[derive(Debug, Default)]
pub(crate) struct Gate {
    singles: WordSet,
    seconds: WordSet,
}

impl Gate {
    /// Notes the phrase of keys `keys`.
    fn add(&mut self, keys: &[String]) {
        match keys {
            [one] => self.singles.insert(one),
            [_, second, ..] => self.seconds.insert(second),
            [] => {}
        }
    }

    /// Can a phrase of the table match at a word `first` followed by
    /// `second`? False only where none can (two bit tests).
    pub fn may_match(&self, first: (WordId, &str), second: Option<(WordId, &str)>) -> bool {
        self.singles.contains(first) || second.is_some_and(|s| self.seconds.contains(s))
    }
}

/// Bit of [`Lexicon::first`]: a place starts with this key.
pub(crate) const PLACE: u16 = 1;
/// Bit of [`Lexicon::first`]: a place-unit word starts with this key.
pub(crate) const UNIT: u16 = 2;
/// Bit of [`Lexicon::first`]: an organization starts with this key.
pub(crate) const ORG: u16 = 4;
/// Bit of [`Lexicon::first`]: a title part starts with this key.
pub(crate) const TITLE: u16 = 8;
/// Bit of [`Lexicon::first`]: a surname starts with this key.
pub(crate) const SURNAME: u16 = 16;
/// Bit of [`Lexicon::first`]: a rule can start here on a lower-case word.
pub(crate) const LOWER: u16 = 32;
/// Bit of [`Lexicon::first`]: "Ảnh" of a photo credit.
pub(crate) const PHOTO: u16 = 64;
/// Bit of [`Lexicon::first`]: a place written in lower case starts with this
/// key ("miền Trung"): only such a place can start at a lower-case word.
pub(crate) const PLACE_LOWER: u16 = 128;
/// Bit of [`Lexicon::first`]: a former, acting or deputy title part starts
/// here ("nguyên", "Phó"): a title chain can start at a lower-case word only there.
pub(crate) const MODIFIER: u16 = 256;
/// Bit of [`Lexicon::first`]: an honorific or an occupation starts here
/// ("ông", "nhà báo"): what introduces a name.
pub(crate) const INTRO: u16 = 512;

/// Every names gazetteer.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    /// Provinces, regions, countries.
    pub places: Phrases<Place>,
    /// What [`Lexicon::places`] can match on.
    pub place_gate: Gate,
    /// Place-unit words.
    pub units: Phrases<Unit>,
    /// Organizations.
    pub orgs: Phrases<Org>,
    /// Sectors of ministries and departments (canonical).
    pub sectors: Phrases<String>,
    /// Complements only ("Trung ương").
    pub parts: Phrases<String>,
    /// Title parts.
    pub titles: Phrases<TitlePart>,
    /// Surnames; true for those that are also common words ("Từ", "Mai").
    pub surnames: Phrases<bool>,
    /// For each key that can start some rule, which tables it starts (bits
    /// [`PLACE`], [`UNIT`], [`ORG`], [`TITLE`], [`SURNAME`], [`PHOTO`]; finer:
    /// [`PLACE_LOWER`], [`MODIFIER`], [`INTRO`]) and whether it can start one
    /// written in lower case ([`LOWER`]).
    pub first: WordMap<u16>,
    /// The keys that can start a rule written in lower case (the recognizer's triggers).
    pub lower_first: Vec<String>,
    /// Keys of capitalized words that are never part of a proper name.
    pub stops: WordSet,
    /// Keys of lower-case words that never sit inside the name of a body.
    pub inner_stops: WordSet,
    /// Keys of lower-case words that open a clause right after a name ("đang",
    /// "đã", "và"): a number before one closes the name of a body.
    pub clause_words: WordSet,
    /// Matching keys of the phrases after which a place name belongs to the
    /// name of something else: facilities and currencies ("cao tốc", "đô la").
    pub place_hosts: Phrases<()>,
    /// The last words of [`Lexicon::place_hosts`] ("tốc" of "cao tốc"): no
    /// host ends at another word.
    pub place_host_ends: WordSet,
    /// Matching keys of common nouns ending in a unit word ("vùng núi",
    /// "miền núi"): there the unit word introduces no place.
    pub unit_nouns: Phrases<()>,
    /// One-token acronyms written out in the canonical name of a body, by key:
    /// "thpt" → "Trung học phổ thông" ("Trường THPT chuyên Hà Nội - Amsterdam").
    pub expansions: WordMap<String>,
    /// Phrases that never start the proper name of a body: crop seasons
    /// ("Vụ Hè Thu 2024" is a season, not a department "Vụ").
    pub not_body_names: Phrases<()>,
}

fn split_aliases(s: &str) -> impl Iterator<Item = &str> {
    s.split('|').map(str::trim).filter(|a| !a.is_empty())
}

fn add<V: PartialEq + std::fmt::Debug>(
    file: &GrammarFile,
    row: &crate::grammar::Row<'_>,
    table: &mut Phrases<V>,
    form: &str,
    value: V,
) {
    add_keys(file, row, table, form, form_keys(form), value);
}

/// [`add`] with the keys of `form` read already.
fn add_keys<V: PartialEq + std::fmt::Debug>(
    file: &GrammarFile,
    row: &crate::grammar::Row<'_>,
    table: &mut Phrases<V>,
    form: &str,
    keys: Vec<String>,
    value: V,
) {
    if keys.is_empty() {
        return;
    }
    let same = table.values_of(&keys).next().map(|old| *old == value);
    match same {
        Some(false) => file.fail(row, &format!("{form:?} is listed twice with different values")),
        Some(true) => {}
        None => table.push(keys, value),
    }
}

fn load() -> Lexicon {
    let mut lex = Lexicon::default();

    let file = grammar_file!("places.tsv");
    for row in file.rows(3, 4) {
        let canonical = row.get(0);
        let kind = match row.get(1) {
            "city" | "province" => PlaceKind::Province,
            "town" => PlaceKind::Town,
            "region" | "landmark" => PlaceKind::Region,
            "country" => PlaceKind::Country,
            "unit_only" => PlaceKind::UnitOnly,
            _ => file.fail(&row, "kind must be city, province, region, country or unit_only"),
        };
        if !matches!(row.get(2), "both" | "legacy" | "2025" | "-") {
            file.fail(&row, "era must be both, legacy, 2025 or -");
        }
        let place = |form: &str| Place {
            canonical: canonical.to_owned(),
            kind,
            cap: form.starts_with(char::is_uppercase),
            acronym: !form.chars().any(char::is_lowercase),
        };
        // "Vùng kinh tế trọng điểm phía Nam" is written "vùng …" in text: an
        // alias spelled like the canonical name but for case says how it is written.
        let respelled = split_aliases(row.get(3)).any(|a| a != canonical && form_keys(a) == form_keys(canonical));
        if kind != PlaceKind::UnitOnly && !respelled {
            let keys = form_keys(canonical);
            lex.place_gate.add(&keys);
            add_keys(&file, &row, &mut lex.places, canonical, keys, place(canonical));
        }
        for alias in split_aliases(row.get(3)) {
            let keys = form_keys(alias);
            lex.place_gate.add(&keys);
            add_keys(&file, &row, &mut lex.places, alias, keys, place(alias));
        }
    }

    let file = grammar_file!("place_units.tsv");
    for row in file.rows(3, 3) {
        let follows = match row.get(2) {
            "open" => Follows::Open,
            "known" => Follows::Known,
            "name" => Follows::Name,
            _ => file.fail(&row, "follows must be known, open or name"),
        };
        let unit = Unit {
            canonical: row.get(1).to_owned(),
            follows,
        };
        add(&file, &row, &mut lex.units, row.get(0), unit);
    }

    let file = grammar_file!("orgs.tsv");
    for row in file.rows(2, 3) {
        let canonical = row.get(0);
        let kind = match row.get(1) {
            "fixed" => Some(OrgKind::Fixed),
            "local" | "local_named" | "local_whole" => Some(OrgKind::Local),
            "ministry" => Some(OrgKind::Ministry),
            "department" => Some(OrgKind::Department),
            "generic" | "body" => Some(OrgKind::Generic),
            "sector" | "part" | "expand" => None,
            _ => file.fail(&row, "unknown organization kind"),
        };
        let forms = std::iter::once(canonical).chain(split_aliases(row.get(2)));
        match (kind, row.get(1)) {
            (Some(kind), _) => {
                let org = Org {
                    canonical: canonical.to_owned(),
                    kind,
                    named: row.get(1) == "local_named",
                    whole: row.get(1) == "local_whole",
                    descriptive: row.get(1) == "body",
                };
                for form in forms {
                    add(&file, &row, &mut lex.orgs, form, org.clone());
                }
            }
            (None, "sector") => {
                for form in forms {
                    add(&file, &row, &mut lex.sectors, form, canonical.to_owned());
                }
            }
            (None, "expand") => {
                for alias in split_aliases(row.get(2)) {
                    let key = crate::normalize::key(alias);
                    if lex.expansions.insert(&key, canonical.to_owned()).is_some() {
                        file.fail(&row, &format!("{alias:?} is expanded twice"));
                    }
                }
            }
            _ => {
                for form in forms {
                    add(&file, &row, &mut lex.parts, form, canonical.to_owned());
                }
            }
        }
    }

    let file = grammar_file!("titles.tsv");
    for row in file.rows(2, 3) {
        let kind = match row.get(1) {
            "head" => TitleKind::Head,
            "deputy" => TitleKind::Deputy,
            "acting" => TitleKind::Acting,
            "former" => TitleKind::Former,
            "post" => TitleKind::Post,
            "rank" => TitleKind::Rank,
            "academic" => TitleKind::Academic,
            "honorific" => TitleKind::Honorific,
            "role" => TitleKind::Role,
            "join" => TitleKind::Join,
            _ => file.fail(&row, "unknown title part kind"),
        };
        let flag = row.get(2);
        if !(flag.is_empty() || kind == TitleKind::Head && matches!(flag, "abroad" | "bound")) {
            file.fail(&row, "flags are abroad or bound, on heads only");
        }
        let part = TitlePart {
            kind,
            abroad: flag == "abroad",
            bound: flag == "bound",
        };
        add(&file, &row, &mut lex.titles, row.get(0), part);
    }

    let file = grammar_file!("surnames.tsv");
    for row in file.rows(2, 3) {
        if !matches!(row.get(1), "common" | "ethnic" | "compound") {
            file.fail(&row, "group must be common, ethnic or compound");
        }
        let word = match row.get(2) {
            "" => false,
            "word" => true,
            _ => file.fail(&row, "the third column is empty or word"),
        };
        add(&file, &row, &mut lex.surnames, row.get(0), word);
    }

    let file = grammar_file!("name_stops.tsv");
    for row in file.rows(1, 2) {
        let key = crate::normalize::key(row.get(0));
        match row.get(1) {
            "" => {
                lex.stops.insert(&key);
                lex.inner_stops.insert(&key);
            }
            "inner" => {
                lex.inner_stops.insert(&key);
            }
            "body" => add(&file, &row, &mut lex.not_body_names, row.get(0), ()),
            "clause" => {
                lex.clause_words.insert(&key);
            }
            "noun" => {
                lex.unit_nouns.push(form_keys(row.get(0)), ());
            }
            "host" => {
                let keys = form_keys(row.get(0));
                if let Some(last) = keys.last() {
                    lex.place_host_ends.insert(last);
                }
                lex.place_hosts.push(keys, ());
            }
            _ => file.fail(&row, "where is empty, inner, body, clause, host or noun"),
        }
    }

    // One probe per token: which tables a key can start.
    let mut first: WordMap<u16> = WordMap::default();
    let mut lower_first: Vec<String> = Vec::new();
    let mut mark = |keys: Vec<String>, bit: u16| {
        for k in keys {
            let bits = first.get_or_insert_with(&k, || 0);
            if bit & LOWER != 0 && *bits & LOWER == 0 {
                lower_first.push(k.clone());
            }
            *bits |= bit;
        }
    };
    mark(lex.places.first_keys_where(|_| true), PLACE);
    mark(lex.units.first_keys_where(|_| true), UNIT | LOWER);
    mark(lex.orgs.first_keys_where(|_| true), ORG);
    mark(lex.titles.first_keys_where(|_| true), TITLE);
    mark(lex.surnames.first_keys_where(|_| true), SURNAME);
    // Lower-case words can start only a place ("tỉnh Bến Tre", "miền Trung"),
    // an honorific or occupation + name ("ông Ba") or a former title
    // ("nguyên Bộ trưởng").
    mark(lex.places.first_keys_where(|p| !p.cap), LOWER);
    mark(
        lex.titles
            .first_keys_where(|t| matches!(t.kind, TitleKind::Honorific | TitleKind::Role | TitleKind::Former)),
        LOWER,
    );
    mark(vec!["ảnh".to_owned()], PHOTO | LOWER);
    // Finer bits, to skip a rule where its first word cannot be read.
    mark(lex.places.first_keys_where(|p| !p.cap), PLACE_LOWER);
    let modifier = |t: &TitlePart| matches!(t.kind, TitleKind::Former | TitleKind::Acting | TitleKind::Deputy);
    mark(lex.titles.first_keys_where(modifier), MODIFIER);
    let intro = |t: &TitlePart| matches!(t.kind, TitleKind::Honorific | TitleKind::Role);
    mark(lex.titles.first_keys_where(intro), INTRO);
    lower_first.sort();
    lex.first = first;
    lex.lower_first = lower_first;
    lex
}

/// The gazetteers, parsed on first use.
pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(load);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenizer::tokenize;

    #[test]
    fn every_names_grammar_file_loads() {
        let lex = &*LEXICON;
        assert!(lex.places.starts_with(crate::vocab::keyed("bến")));
        assert!(lex.surnames.starts_with(crate::vocab::keyed("nguyễn")));
        assert!(lex.titles.starts_with(crate::vocab::keyed("bí")));
        assert!(lex.orgs.starts_with(crate::vocab::keyed("ubnd")));
        assert!(lex.sectors.starts_with(crate::vocab::keyed("công")));
        assert!(lex.units.starts_with(crate::vocab::keyed("tp.")));
    }

    #[test]
    fn longest_phrase_wins_and_tone_styles_match() {
        let text = "Thừa Thiên - Huế và Hoà Bình";
        let toks = tokenize(text);
        let input = crate::token_input::Toks::new(text, &toks.tokens, &toks.keys);
        let (n, place) = LEXICON.places.longest_in(&input, |_| true).unwrap();
        assert_eq!((n, place.canonical.as_str()), (4, "Huế"));
        let (n, place) = LEXICON
            .places
            .longest_in(&nom::Input::take_from(&input, 5), |_| true)
            .unwrap();
        assert_eq!((n, place.canonical.as_str()), (2, "Hòa Bình"));
    }

    #[test]
    fn both_province_eras_are_listed() {
        let provinces = |era: &str| {
            grammar_file!("places.tsv")
                .rows(3, 4)
                .filter(|r| matches!(r.get(1), "city" | "province"))
                .filter(|r| r.get(2) == "both" || r.get(2) == era)
                .count()
        };
        assert_eq!(provinces("legacy"), 63);
        assert_eq!(provinces("2025"), 34);
    }
}
