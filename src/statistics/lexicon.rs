//! The vocabulary of statistical statements: `grammars/stat_words.tsv`
//! (change verbs, comparison bases, qualifiers, connectors, …) and
//! `grammars/stat_indicators.tsv` (known indicators), parsed once into
//! phrase tables keyed by the first token's matching key.

use crate::grammar::GrammarFile;
use crate::model::{Base, Change, Qualifier};
use std::sync::LazyLock;

/// What a phrase of `stat_words.tsv` does in a clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A verb before a figure: "tăng", "đạt", "chiếm", and how it is used.
    Change(Change, VerbUse),
    /// A comparison: "so với cùng kỳ"; `None` for one we cannot name ("so với").
    Base(Option<Base>),
    /// "ước", "dự kiến", "mục tiêu".
    Qualifier(Qualifier),
    /// "mạnh", "nhẹ", "lần lượt": keeps a verb a verb.
    Modifier,
    /// "và", "trong đó", "riêng": joins clauses.
    Connector,
    /// "có", "do": stripped at the start of an indicator.
    Lead,
    /// "có": stripped at the start of an indicator; "có 1.250 doanh nghiệp …"
    /// is a level.
    Have,
    /// "sang", "vào": a place after it is a destination, part of the indicator.
    Toward,
    /// "toàn tỉnh", "cả nước": stripped at the start of an indicator, ends it elsewhere.
    Scope,
    /// "trên địa bàn", "tại": ends an indicator.
    Cut,
    /// "của": ends an indicator before a place or an area word ("GRDP của
    /// tỉnh"), else part of it ("doanh thu của các doanh nghiệp").
    Of,
    /// "tỉnh", "địa phương": an area word after "của".
    Area,
    /// "trong": part of an indicator inside it ("khu vực kinh tế trong nước"),
    /// dropped at its end ("doanh thu trong [quý I]").
    Trail,
    /// "tiếp tục", "đã", "vẫn": dropped at the end of an indicator.
    Aux,
    /// "với": "… với tổng vốn đăng ký 450 triệu USD" is a level with its
    /// own indicator; else it joins clauses like a connector.
    With,
    /// "ha", "tấn": a measure unit, not a counted noun.
    Measure,
    /// "cho biết", "cho thấy": reported speech; the indicator starts after it.
    Say,
    /// "tương đương": the figure after it restates the previous one.
    Restate,
    /// "tăng cường": a compound that is not a change verb.
    NotVerb,
    /// "huyện", "xã": an administrative level below a province.
    Subplace,
    /// "tại", "ở": a place after it is where something happens (a meeting
    /// "tại Hà Nội"), not the document's main place. Only looked up by role;
    /// the same words are also `cut` words.
    Venue,
    /// "nhiệt độ", "lượng mưa", "làm chết": an indicator starting with it is
    /// a weather reading or a narrated event, not a socio-economic
    /// indicator; its figures give no records.
    NotIndicator,
}

/// How a change verb may be used (the flags column of `stat_words.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbUse {
    /// With a figure, or alone as a qualitative statement ("giá tăng mạnh").
    Free,
    /// Only with a figure: "vượt chỉ tiêu" is no change of the indicator.
    NeedsFigure,
    /// Only right before a figure: "là 2,3%", "bằng 48,2%", but not "là
    /// người", "bằng thẻ".
    Direct,
}

pub use crate::phrases::PhraseTable;

/// The parsed statistics vocabulary.
#[derive(Debug)]
pub struct Lexicon {
    /// Phrases of `stat_words.tsv` with their roles.
    pub words: PhraseTable<Role>,
    /// Known indicators (value: the row number, unused but handy in tests).
    pub indicators: PhraseTable<usize>,
    /// Measure units (role `measure`), by phrase key.
    measures: rustc_hash::FxHashSet<String>,
    /// What phrases each first key starts.
    starts: crate::vocab::WordMap<Starts>,
    /// The same for every word id, read with one load per token.
    starts_by_id: Vec<Starts>,
    /// Does a phrase start with a word of no grammar file (one that has no id)?
    unlisted_first_keys: bool,
    /// The most tokens of a phrase of either table.
    longest_phrase: usize,
    /// The most tokens of a phrase of either table that starts with the
    /// word of this id.
    longest_by_id: Vec<u8>,
    /// The first two words of every longer phrase of either table, by id.
    continued: rustc_hash::FxHashSet<(crate::vocab::WordId, crate::vocab::WordId)>,
    /// By word id: what each table reads at that word when the next word
    /// continues none of its longer phrases (the same look-up, at load).
    one_word_by_id: Vec<OneWord>,
}

/// What a lexicon reads at a word when no longer phrase goes on with the
/// next word: [`Lexicon::one_word`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OneWord {
    /// The role in [`Lexicon::words`] (among those of [`read_into_items`]).
    pub word: Option<Role>,
    /// The value in [`Lexicon::indicators`].
    pub indicator: Option<usize>,
}

/// The roles of [`Lexicon::words`] that a sentence is read into: all but
/// `venue` and `not_indicator` (which are only looked up by role).
pub fn read_into_items(role: &Role) -> bool {
    !matches!(role, Role::Venue | Role::NotIndicator)
}

/// The kinds of phrases a word starts, as bits: one look-up of a token's
/// word id answers every gate of the statistics pass.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Starts(u8);

impl Starts {
    /// A phrase of [`Lexicon::words`] that a sentence is read into (every
    /// role but `venue` and `not_indicator`): a token without it needs no
    /// look-up in that table.
    pub const WORD: Starts = Starts(1);
    /// A phrase of [`Lexicon::indicators`].
    pub const INDICATOR: Starts = Starts(2);
    /// A rising or falling verb that states a change without a figure
    /// ("giá lúa tăng mạnh"): a sentence with no figure and none of them
    /// gives no record.
    pub const QUALITATIVE: Starts = Starts(4);
    /// A change verb that is a verb away from a figure (every flag but `direct`).
    pub const VERB: Starts = Starts(8);
    /// A phrase that states a figure only right before it: a `direct`
    /// change verb ("là", "bằng"), a `have` word ("có"), a known indicator.
    pub const BEFORE_FIGURE: Starts = Starts(16);
    /// A `with` phrase ("với").
    pub const WITH: Starts = Starts(32);
    /// A change verb of any flag (one a figure may take as its bound word:
    /// "vượt 18%").
    pub const CHANGE: Starts = Starts(64);

    /// Does it hold any of `kinds`?
    pub fn any(self, kinds: Starts) -> bool {
        self.0 & kinds.0 != 0
    }
}

impl std::ops::BitOr for Starts {
    type Output = Starts;
    fn bitor(self, other: Starts) -> Starts {
        Starts(self.0 | other.0)
    }
}

impl Lexicon {
    /// The kinds of phrases that start at a token of `doc` ("tăng": a word,
    /// a verb, a qualitative verb); its key is read only when some phrase
    /// starts with a word of no grammar file.
    #[inline(always)]
    pub fn starts_of(&self, doc: &crate::model::Document, token: &crate::tokenizer::Token) -> Starts {
        match token.word {
            crate::vocab::UNLISTED if self.unlisted_first_keys => self.unlisted_starts(doc.key(token)),
            crate::vocab::UNLISTED => Starts::default(),
            id => self.starts_by_id.get(id as usize).copied().unwrap_or_default(),
        }
    }

    /// The most tokens of a phrase of either table that starts at `token`
    /// (of any phrase, for a word of no grammar file).
    #[inline(always)]
    pub fn longest_at(&self, token: &crate::tokenizer::Token) -> usize {
        match token.word {
            crate::vocab::UNLISTED => self.longest_phrase,
            id => self
                .longest_by_id
                .get(id as usize)
                .map_or(self.longest_phrase, |&n| n as usize),
        }
    }

    /// What the tables read at `token` (of no other phrase than one word)
    /// when the word after it, `next`, continues none of its longer
    /// phrases; `None` when it may, or when `token` is of no grammar file.
    #[inline(always)]
    pub fn one_word(&self, token: &crate::tokenizer::Token, next: Option<crate::vocab::WordId>) -> Option<OneWord> {
        let first = token.word;
        if first == crate::vocab::UNLISTED || next.is_some_and(|next| self.continued.contains(&(first, next))) {
            return None;
        }
        self.one_word_by_id.get(first as usize).copied()
    }

    /// [`Lexicon::starts_of`] a word of no grammar file.
    #[inline(never)]
    fn unlisted_starts(&self, key: &str) -> Starts {
        self.starts
            .get((crate::vocab::UNLISTED, key))
            .copied()
            .unwrap_or_default()
    }

    /// Is `unit` ("ha", "tấn") a measure unit rather than a counted noun?
    pub fn is_measure(&self, unit: &str) -> bool {
        self.measures.contains(&crate::normalize::phrase_key(unit))
    }
}

/// The keys of the tokens of `phrase`, as the document tokenizer makes them.
fn phrase_keys(phrase: &str) -> Vec<String> {
    let toks = crate::tokenizer::tokenize(phrase);
    toks.tokens.iter().map(|t| toks.key_of(t).to_owned()).collect()
}

fn parse_role(file: &GrammarFile, row: &crate::grammar::Row<'_>) -> Role {
    let value = row.get(2);
    match row.get(1) {
        "change" => Role::Change(
            match value {
                "increase" => Change::Increase,
                "decrease" => Change::Decrease,
                "level" => Change::Level,
                "share" => Change::Share,
                _ => file.fail(row, &format!("unknown value {value:?} for this role")),
            },
            match row.get(3) {
                "" => VerbUse::Free,
                "figure" => VerbUse::NeedsFigure,
                "direct" => VerbUse::Direct,
                _ => file.fail(row, "the flag is \"figure\" or \"direct\""),
            },
        ),
        "base" => Role::Base(match value {
            "same_period" => Some(Base::SamePeriod),
            "previous_period" => Some(Base::PreviousPeriod),
            "plan" => Some(Base::Plan),
            "start_of_year" => Some(Base::StartOfYear),
            "unknown" => None,
            _ => file.fail(row, &format!("unknown value {value:?} for this role")),
        }),
        "qualifier" => Role::Qualifier(match value {
            "estimate" => Qualifier::Estimate,
            "target" => Qualifier::Target,
            "forecast" => Qualifier::Forecast,
            _ => file.fail(row, &format!("unknown value {value:?} for this role")),
        }),
        "modifier" => Role::Modifier,
        "connector" => Role::Connector,
        "lead" => Role::Lead,
        "scope" => Role::Scope,
        "have" => Role::Have,
        "toward" => Role::Toward,
        "cut" => Role::Cut,
        "of" => Role::Of,
        "area" => Role::Area,
        "trail" => Role::Trail,
        "aux" => Role::Aux,
        "with" => Role::With,
        "measure" => Role::Measure,
        "say" => Role::Say,
        "restate" => Role::Restate,
        "not_verb" => Role::NotVerb,
        "subplace" => Role::Subplace,
        "venue" => Role::Venue,
        "not_indicator" => Role::NotIndicator,
        other => file.fail(row, &format!("unknown role {other:?}")),
    }
}

/// Same role kind (ignoring the value): a phrase may not have two of these.
fn same_kind(a: Role, b: Role) -> bool {
    std::mem::discriminant(&a) == std::mem::discriminant(&b)
}

fn load() -> Lexicon {
    let file = crate::grammar_file!("stat_words.tsv");
    let mut words = PhraseTable::default();
    let mut longest_phrase = 0;
    let mut longest_by_id = vec![0u8; crate::vocab::id_count()];
    let mut continued = rustc_hash::FxHashSet::default();
    let mut longest = |keys: &[String]| {
        longest_phrase = longest_phrase.max(keys.len());
        let first = crate::vocab::word_id(&keys[0]);
        let at = &mut longest_by_id[first as usize];
        *at = (*at).max(keys.len().min(u8::MAX as usize) as u8);
        if let Some(second) = keys.get(1) {
            continued.insert((first, crate::vocab::word_id(second)));
        }
    };
    let mut measures = rustc_hash::FxHashSet::default();
    for row in file.rows(3, 4) {
        let keys = phrase_keys(row.get(0));
        longest(&keys);
        let role = parse_role(&file, &row);
        if words.values_of(&keys).any(|r| same_kind(*r, role)) {
            file.fail(&row, "this phrase already has this role");
        }
        if role == Role::Measure {
            measures.insert(crate::normalize::phrase_key(row.get(0)));
        }
        words.push(keys, role);
    }
    let file = crate::grammar_file!("stat_indicators.tsv");
    let mut indicators = PhraseTable::default();
    for row in file.rows(1, 2) {
        let keys = phrase_keys(row.get(0));
        longest(&keys);
        if indicators.values_of(&keys).next().is_some() {
            file.fail(&row, "duplicate indicator");
        }
        indicators.push(keys, row.line);
    }
    let mut starts = crate::vocab::WordMap::default();
    let mut unlisted_first_keys = false;
    let mut mark = |keys: Vec<String>, kind: Starts| {
        for key in keys {
            unlisted_first_keys |= crate::vocab::word_id(&key) == crate::vocab::UNLISTED;
            let at = starts.get_or_insert_with(&key, Starts::default);
            *at = *at | kind;
        }
    };
    mark(words.first_keys_where(read_into_items), Starts::WORD);
    mark(
        indicators.first_keys_where(|_| true),
        Starts::INDICATOR | Starts::BEFORE_FIGURE,
    );
    let qualitative = |r: &Role| matches!(r, Role::Change(Change::Increase | Change::Decrease, VerbUse::Free));
    mark(words.first_keys_where(qualitative), Starts::QUALITATIVE);
    let verb = |r: &Role| matches!(r, Role::Change(_, VerbUse::Free | VerbUse::NeedsFigure));
    mark(words.first_keys_where(verb), Starts::VERB);
    let before_figure = |r: &Role| matches!(r, Role::Change(_, VerbUse::Direct) | Role::Have);
    mark(words.first_keys_where(before_figure), Starts::BEFORE_FIGURE);
    mark(words.first_keys_where(|r| *r == Role::With), Starts::WITH);
    mark(
        words.first_keys_where(|r| matches!(r, Role::Change(..))),
        Starts::CHANGE,
    );
    let starts_by_id: Vec<Starts> = (0..crate::vocab::id_count() as crate::vocab::WordId)
        .map(|id| match id {
            crate::vocab::UNLISTED => Starts::default(),
            id => starts.get((id, "")).copied().unwrap_or_default(),
        })
        .collect();
    let one_word_by_id = (0..crate::vocab::id_count() as crate::vocab::WordId)
        .map(|id| {
            if !starts_by_id[id as usize].any(Starts::WORD | Starts::INDICATOR) {
                return OneWord::default();
            }
            // The look-up of the lexer, at a word followed by nothing.
            let key_at = |k: usize| (k == 0).then_some((id, ""));
            OneWord {
                word: words.longest(key_at, read_into_items).map(|(_, r)| *r),
                indicator: indicators.longest(key_at, |_| true).map(|(_, v)| *v),
            }
        })
        .collect();
    Lexicon {
        words,
        indicators,
        measures,
        continued,
        one_word_by_id,
        starts,
        starts_by_id,
        unlisted_first_keys,
        longest_phrase,
        longest_by_id,
    }
}

/// The vocabulary, parsed on first use.
pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(load);

#[cfg(test)]
mod tests {
    use super::*;

    fn lookup(phrase: &str) -> Option<(usize, Role)> {
        let keys = phrase_keys(phrase);
        LEXICON
            .words
            .longest(|i| keys.get(i).map(|k| crate::vocab::keyed(k)), |_| true)
            .map(|(n, r)| (n, *r))
    }

    #[test]
    fn grammar_files_load() {
        let lex = &*LEXICON;
        assert!(lex.words.first_keys_where(|_| true).len() > 50);
        assert!(lex.indicators.first_keys_where(|_| true).len() > 30);
    }

    #[test]
    fn longest_phrase_wins_and_tones_do_not_matter() {
        assert_eq!(
            lookup("so với cùng kỳ năm trước"),
            Some((6, Role::Base(Some(Base::SamePeriod))))
        );
        assert_eq!(lookup("so với"), Some((2, Role::Base(None))));
        assert_eq!(
            lookup("giảm còn"),
            Some((2, Role::Change(Change::Decrease, VerbUse::Free)))
        );
        assert_eq!(lookup("tăng cường"), Some((2, Role::NotVerb)));
        assert_eq!(lookup("Tăng"), Some((1, Role::Change(Change::Increase, VerbUse::Free))));
        assert_eq!(lookup("kinh tế"), None);
    }

    #[test]
    fn indicators_match_whole_phrases() {
        let keys = phrase_keys("Tổng sản phẩm trong nước tăng");
        let hit = LEXICON
            .indicators
            .longest(|i| keys.get(i).map(|k| crate::vocab::keyed(k)), |_| true);
        assert_eq!(hit.map(|h| h.0), Some(5));
    }
}
