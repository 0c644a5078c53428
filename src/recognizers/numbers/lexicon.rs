//! The numeric grammar data: `grammars/number_words.tsv`, `units.tsv`,
//! `currencies.tsv`, `counted_nouns.tsv`, `approx.tsv` and
//! `ordinal_heads.tsv`, parsed once into lookups keyed by
//! [`crate::normalize::key`].
//!
//! Phrases of several words ("đô la Mỹ", "điểm phần trăm") are tokenized
//! with the real tokenizer, so a phrase matches exactly the tokens the
//! annotator sees. A form of one character or with capital letters ("m",
//! "g", "MW", "USD") matches its case exactly ("5G" is not 5 grams); other
//! forms match any case.

use crate::grammar::GrammarFile;
use crate::model::Approx;
use crate::normalize;
use crate::token_input::{Tok, Toks};
use crate::tokenizer::tokenize;
use crate::vocab::{word_id, WordId, WordMap, WordSet, UNLISTED};
use nom::Input;
use std::sync::LazyLock;

/// What a number word does in a spelled number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordRole {
    /// không…chín: a digit that can start a number.
    Digit(u8),
    /// mốt, tư, lăm, nhăm: a digit only after mười/mươi.
    Unit(u8),
    /// mười = 10.
    Ten,
    /// mươi: ×10 for the digit before it.
    Tens,
    /// chục: ×10 ("hai chục") or a scale ("chục nghìn").
    Dozen,
    /// trăm: ×100.
    Hundred,
    /// nghìn, vạn, triệu, tỷ: ×10^n.
    Scale(u32),
    /// linh, lẻ: empty tens place.
    Zero,
    /// rưỡi: a half of the scale before it.
    Half,
    /// phẩy, chấm: decimal point.
    Point,
}

/// What a word after a figure makes of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Suffix {
    /// "%", "phần trăm".
    Percent,
    /// "điểm phần trăm": percentage points.
    Points,
    /// "‰".
    Permille,
    /// A measure unit (canonical).
    Measure(String),
    /// A currency (ISO 4217).
    Currency(String),
    /// A counted noun (canonical).
    Count(String),
    /// A time word ("năm", "tháng"): left to the temporal recognizer.
    Time,
}

impl Suffix {
    /// The unit a measure, currency or counted noun names ("tấn", "VND",
    /// "hộ"); empty for the others.
    pub fn unit(&self) -> &str {
        match self {
            Suffix::Measure(u) | Suffix::Currency(u) | Suffix::Count(u) => u,
            _ => "",
        }
    }
}

/// How an ordinal head takes its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadRole {
    /// "lần" + "thứ N".
    Thu,
    /// "khóa" + "XI" / "15".
    Direct,
    /// "kỳ họp thứ 6" or "kỳ họp 6".
    Both,
    /// Takes "thứ N" but stays outside the span: "Kỳ họp thứ 7" → "thứ 7".
    ThuOutside,
    /// Takes a number directly but stays outside: "Đại hội XIV" → "XIV".
    DirectOutside,
    /// Takes only a Roman numeral, inside: "vùng IV", "loại I" (not "loại 30 con").
    Roman,
}

/// One word of a phrase: its word id and key, and its exact text when it
/// must match case.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Word {
    id: WordId,
    key: String,
    exact: Option<String>,
}

impl Word {
    /// Does token `t` spell this word? Compared by word id (and key only for
    /// a word no grammar file has), or by text when case matters.
    #[inline]
    fn matches(&self, t: &Tok<'_>) -> bool {
        match &self.exact {
            Some(text) => text == t.text(),
            None => self.id == t.token.word && (self.id != UNLISTED || self.key == t.key),
        }
    }

    /// [`Word::matches`] with the token's key standing for its text too
    /// (what `single(key, key)` asks).
    #[inline]
    fn matches_key(&self, t: &Tok<'_>) -> bool {
        match &self.exact {
            Some(text) => text == t.key,
            None => self.id == t.token.word && (self.id != UNLISTED || self.key == t.key),
        }
    }

    /// [`Word::matches`] for a word given by its key and text.
    fn matches_str(&self, key: &str, text: &str) -> bool {
        match &self.exact {
            Some(t) => t == text,
            None => self.key == key,
        }
    }
}

/// Phrases of one or more words → a value; the longest phrase matches.
#[derive(Debug)]
pub struct PhraseTable<T> {
    by_first: WordMap<Vec<(Vec<Word>, T)>>,
}

impl<T: Clone + PartialEq + std::fmt::Debug> PhraseTable<T> {
    fn new() -> Self {
        PhraseTable {
            by_first: WordMap::default(),
        }
    }

    /// Adds `form`; panics through `file` when the same form has another value.
    fn insert(&mut self, file: &GrammarFile, row: &crate::grammar::Row<'_>, form: &str, value: T) {
        let toks = tokenize(form);
        let words: Vec<Word> = toks
            .tokens
            .iter()
            .map(|t| {
                let text = t.span.slice(form);
                let exact = text.chars().count() == 1 || text.chars().any(|c| c.is_uppercase());
                let key = toks.key_of(t);
                Word {
                    id: word_id(key),
                    key: key.to_owned(),
                    exact: exact.then(|| text.to_owned()),
                }
            })
            .collect();
        if words.is_empty() {
            file.fail(row, "empty form");
        }
        let list = self.by_first.get_or_insert_with(&words[0].key, Vec::new);
        if let Some((_, old)) = list.iter().find(|(w, _)| *w == words) {
            if *old != value {
                file.fail(row, &format!("{form:?} is listed twice with different values"));
            }
            return;
        }
        list.push((words, value));
        list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    }

    /// The longest phrase at the start of `input`: (tokens used, value).
    #[inline]
    pub fn longest(&self, input: &Toks<'_>) -> Option<(usize, &T)> {
        self.longest_with(input, input.first()?)
    }

    /// [`PhraseTable::longest`] when the caller has read the first token of
    /// `input` already (`first`): it is not read again.
    #[inline]
    pub fn longest_with<'a>(&self, input: &Toks<'a>, first: Tok<'a>) -> Option<(usize, &T)> {
        let list = self.by_first.get(first.keyed())?;
        // Each later token is read once, however many phrases compare it.
        let mut read: [Option<Tok<'_>>; 5] = [None; 5];
        let mut token = |i: usize| match read.get_mut(i - 1) {
            Some(slot) => *slot.get_or_insert_with(|| input.get(i).expect("within the input")),
            None => input.get(i).expect("within the input"),
        };
        list.iter().find_map(|(words, value)| {
            let (head, more) = words.split_first()?;
            // The list is the first token's: a first word compared by its key
            // matches it already; one compared by its text is compared.
            let all = words.len() <= input.len()
                && (head.exact.is_none() || head.matches(&first))
                && more.iter().enumerate().all(|(i, w)| {
                    let t = token(i + 1);
                    !t.token.gap_is_paragraph() && w.matches(&t)
                });
            all.then_some((words.len(), value))
        })
    }

    /// Can a phrase start with the word `(id, key)` ([`Tok::keyed`])? One
    /// probe, no comparison: a look-up that would find nothing is skipped.
    #[inline]
    pub fn starts_with(&self, word: (WordId, &str)) -> bool {
        self.by_first.get(word).is_some()
    }

    /// The value of a one-word phrase given by its key and text ("km" glued in "20km").
    pub fn single(&self, key: &str, text: &str) -> Option<&T> {
        self.by_first
            .get_key(key)?
            .iter()
            .find_map(|(words, value)| (words.len() == 1 && words[0].matches_str(key, text)).then_some(value))
    }

    /// `single(key, key)` for token `t`, its key standing for its text too:
    /// found by its word id, no hashing of its key.
    pub fn single_key(&self, t: &Tok<'_>) -> Option<&T> {
        self.by_first
            .get(t.keyed())?
            .iter()
            .find_map(|(words, value)| (words.len() == 1 && words[0].matches_key(t)).then_some(value))
    }

    /// Every first word (for triggers).
    pub fn first_keys(&self) -> impl Iterator<Item = &str> {
        self.by_first.iter().map(|(k, _)| k)
    }

    /// The first words of the phrases whose value `ok` accepts.
    pub fn first_keys_where(&self, ok: impl Fn(&T) -> bool) -> impl Iterator<Item = &str> {
        self.by_first
            .iter()
            .filter(move |(_, list)| list.iter().any(|(_, v)| ok(v)))
            .map(|(k, _)| k)
    }

    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.by_first.iter().map(|(_, list)| list.len()).sum()
    }

    /// True when the table has no phrase.
    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }
}

trait GapExt {
    fn gap_is_paragraph(&self) -> bool;
}

impl GapExt for crate::tokenizer::Token {
    fn gap_is_paragraph(&self) -> bool {
        self.gap >= crate::tokenizer::Gap::Newline
    }
}

/// All numeric grammar data.
#[derive(Debug)]
pub struct Lexicon {
    /// Number words by key.
    pub words: WordMap<WordRole>,
    /// [`Lexicon::words`] by word id (read with [`Lexicon::role_by_id`]).
    roles: Vec<Option<WordRole>>,
    /// Units, percent signs, currencies, counted nouns and time words after a figure.
    pub suffixes: PhraseTable<Suffix>,
    /// Approximation words written before a figure.
    pub approx_before: PhraseTable<Approx>,
    /// Approximation words written after a figure.
    pub approx_after: PhraseTable<Approx>,
    /// Ordinal words after "thứ" (nhất, nhì, tư) and "đầu tiên".
    pub ordinal_words: PhraseTable<(bool, i64)>,
    /// Nouns that introduce an ordinal.
    pub ordinal_heads: PhraseTable<HeadRole>,
    /// Words that never head a counted noun after a figure ("và", "đã").
    pub not_nouns: WordSet,
    /// Nouns before a whole number that make it an identifier ("Điều 5").
    pub id_heads: PhraseTable<()>,
    /// The word id of "phần" ("một phần ba"), or [`UNLISTED`].
    pub phan: WordId,
    /// The words an ordinal can start at: "thứ", the first words of
    /// [`Lexicon::ordinal_heads`] and of [`Lexicon::ordinal_words`].
    pub ordinal_starts: WordSet,
    /// The last words of [`Lexicon::id_heads`] ("lộ" of "Quốc lộ"): no
    /// identifier noun ends at a word outside this set.
    pub id_head_ends: WordSet,
}

fn parse_approx(file: &GrammarFile, row: &crate::grammar::Row<'_>, s: &str) -> Approx {
    match s {
        "about" => Approx::About,
        "over" => Approx::Over,
        "under" => Approx::Under,
        "at_least" => Approx::AtLeast,
        "at_most" => Approx::AtMost,
        "nearly" => Approx::Nearly,
        _ => file.fail(row, "approx must be about, over, under, at_least, at_most or nearly"),
    }
}

fn load() -> Lexicon {
    let mut lex = Lexicon {
        words: WordMap::default(),
        roles: Vec::new(),
        suffixes: PhraseTable::new(),
        approx_before: PhraseTable::new(),
        approx_after: PhraseTable::new(),
        ordinal_words: PhraseTable::new(),
        ordinal_heads: PhraseTable::new(),
        not_nouns: WordSet::default(),
        id_heads: PhraseTable::new(),
        id_head_ends: WordSet::default(),
        phan: word_id("phần"),
        ordinal_starts: WordSet::default(),
    };

    let file = crate::grammar_file!("number_words.tsv");
    for row in file.rows(3, 3) {
        let value: u32 = row
            .get(2)
            .parse()
            .unwrap_or_else(|_| file.fail(&row, "value must be a whole number"));
        let role = match row.get(1) {
            "digit" if value <= 9 => WordRole::Digit(value as u8),
            "unit" if value <= 9 => WordRole::Unit(value as u8),
            "ten" => WordRole::Ten,
            "tens" => WordRole::Tens,
            "dozen" => WordRole::Dozen,
            "hundred" => WordRole::Hundred,
            "scale" if (3..=12).contains(&value) => WordRole::Scale(value),
            "zero" => WordRole::Zero,
            "half" => WordRole::Half,
            "point" => WordRole::Point,
            _ => file.fail(&row, "unknown role or value out of range"),
        };
        let k = normalize::key(row.get(0));
        if lex.words.insert(&k, role).is_some_and(|old| old != role) {
            file.fail(&row, "word listed twice with different roles");
        }
    }

    lex.roles = vec![None; crate::vocab::id_count()];
    for (key, role) in lex.words.iter() {
        match word_id(key) {
            UNLISTED => {}
            id => lex.roles[id as usize] = Some(*role),
        }
    }

    let file = crate::grammar_file!("units.tsv");
    for row in file.rows(3, 3) {
        let suffix = match row.get(2) {
            "percent" => Suffix::Percent,
            "points" => Suffix::Points,
            "permille" => Suffix::Permille,
            "measure" => Suffix::Measure(row.get(1).to_owned()),
            _ => file.fail(&row, "kind must be measure, percent, points or permille"),
        };
        lex.suffixes.insert(&file, &row, row.get(0), suffix);
    }

    let file = crate::grammar_file!("currencies.tsv");
    for row in file.rows(2, 2) {
        let code = row.get(1);
        if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            file.fail(&row, "the code must be three capital letters (ISO 4217)");
        }
        lex.suffixes
            .insert(&file, &row, row.get(0), Suffix::Currency(code.to_owned()));
    }

    let file = crate::grammar_file!("counted_nouns.tsv");
    for row in file.rows(2, 3) {
        let form = row.get(0);
        let suffix = match row.get(1) {
            "count" => Suffix::Count(match row.get(2) {
                "" => form.to_owned(),
                unit => unit.to_owned(),
            }),
            "time" => Suffix::Time,
            "not" => {
                if form.contains(' ') {
                    file.fail(&row, "a `not` word is a single word");
                }
                lex.not_nouns.insert(&normalize::key(form));
                continue;
            }
            "id" => {
                lex.id_heads.insert(&file, &row, form, ());
                let toks = tokenize(form);
                if let Some(last) = toks.tokens.last() {
                    lex.id_head_ends.insert(toks.key_of(last));
                }
                continue;
            }
            _ => file.fail(&row, "kind must be count, time, not or id"),
        };
        lex.suffixes.insert(&file, &row, form, suffix);
    }

    let file = crate::grammar_file!("approx.tsv");
    for row in file.rows(3, 3) {
        let approx = parse_approx(&file, &row, row.get(2));
        match row.get(1) {
            "before" => lex.approx_before.insert(&file, &row, row.get(0), approx),
            "after" => lex.approx_after.insert(&file, &row, row.get(0), approx),
            _ => file.fail(&row, "position must be before or after"),
        }
    }

    let file = crate::grammar_file!("ordinal_heads.tsv");
    for row in file.rows(2, 3) {
        let form = row.get(0);
        let value = || -> i64 {
            row.get(2)
                .parse()
                .unwrap_or_else(|_| file.fail(&row, "value must be a whole number"))
        };
        match row.get(1) {
            "word" => lex.ordinal_words.insert(&file, &row, form, (false, value())),
            "first" => lex.ordinal_words.insert(&file, &row, form, (true, value())),
            "thứ" | "thu" => lex.ordinal_heads.insert(&file, &row, form, HeadRole::Thu),
            "direct" => lex.ordinal_heads.insert(&file, &row, form, HeadRole::Direct),
            "both" => lex.ordinal_heads.insert(&file, &row, form, HeadRole::Both),
            "thứ-out" => lex.ordinal_heads.insert(&file, &row, form, HeadRole::ThuOutside),
            "direct-out" => lex.ordinal_heads.insert(&file, &row, form, HeadRole::DirectOutside),
            "roman" => lex.ordinal_heads.insert(&file, &row, form, HeadRole::Roman),
            _ => file.fail(
                &row,
                "role must be word, first, thứ, thứ-out, direct, direct-out or both",
            ),
        }
    }
    lex.ordinal_starts.insert("thứ");
    let starts: Vec<String> = (lex.ordinal_heads.first_keys())
        .chain(lex.ordinal_words.first_keys())
        .map(str::to_owned)
        .collect();
    for key in starts {
        lex.ordinal_starts.insert(&key);
    }
    lex
}

impl Lexicon {
    /// The role of the number word with word id `word` (not
    /// [`UNLISTED`]): what [`Lexicon::words`] answers for it, with one index.
    #[inline]
    pub fn role_by_id(&self, word: WordId) -> Option<WordRole> {
        self.roles.get(word as usize).copied().flatten()
    }
}

/// Dropping tokens from the front of a [`Toks`] without panicking past its end.
pub trait DropFront {
    /// The input without its first `n` tokens (empty when it has fewer).
    fn drop_front(&self, n: usize) -> Self;
}

impl DropFront for Toks<'_> {
    fn drop_front(&self, n: usize) -> Self {
        self.take_from(n.min(self.len()))
    }
}

/// The numeric grammar, loaded on first use.
pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(load);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_numeric_grammar_file_loads() {
        let lex = &*LEXICON;
        assert_eq!(lex.words.get_key("mươi"), Some(&WordRole::Tens));
        assert_eq!(lex.words.get_key("tỉ"), Some(&WordRole::Scale(9)));
        assert!(lex.words.get_key("vài").is_none() && lex.words.get_key("mấy").is_none());
        assert!(lex.suffixes.len() > 100);
        assert_eq!(lex.suffixes.single("ha", "ha"), Some(&Suffix::Measure("ha".into())));
        assert_eq!(lex.suffixes.single("g", "G"), None, "5G is not grams");
        assert_eq!(lex.suffixes.single("vnđ", "VNĐ"), Some(&Suffix::Currency("VND".into())));
        assert_eq!(lex.suffixes.single("năm", "năm"), Some(&Suffix::Time));
        assert!(lex.approx_before.len() > 20 && lex.approx_after.len() >= 2);
        assert!(lex.ordinal_heads.len() > 10 && lex.ordinal_words.len() >= 4);
        assert!(lex.not_nouns.contains_key("và") && lex.id_heads.single("số", "số").is_some());
        // A word is a counted noun or never one, not both.
        for w in lex.not_nouns.iter() {
            assert!(lex.suffixes.single(w, w).is_none(), "{w} is both a suffix and `not`");
        }
    }

    /// Roles by id answer as the map by key, for every word with an id.
    #[test]
    fn roles_by_id_are_the_roles_by_key() {
        let lex = &*LEXICON;
        let mut listed = 0;
        for id in 1..crate::vocab::id_count() as WordId {
            let by_key = lex.words.get((id, "")).copied();
            assert_eq!(lex.role_by_id(id), by_key, "word {id}");
            listed += usize::from(by_key.is_some());
        }
        assert_eq!(listed, lex.words.len(), "every number word has an id");
    }

    /// `longest_with`, which does not compare a first word known by its key,
    /// answers as comparing every word, at every token of the sample texts.
    #[test]
    fn first_words_need_no_comparing() {
        let lex = &*LEXICON;
        let tables = [&lex.suffixes];
        let mut found = 0;
        for text in crate::recognizers::numbers::tests::sample_texts() {
            let toks = tokenize(&text);
            for at in 0..toks.tokens.len() {
                let input = Toks::window(&text, &toks.tokens, &toks.keys, at, toks.tokens.len());
                let first = input.first().expect("a token");
                for table in tables {
                    let slow = table.by_first.get(first.keyed()).and_then(|list| {
                        list.iter().find_map(|(words, value)| {
                            let all = words.len() <= input.len()
                                && words.iter().enumerate().all(|(i, w)| {
                                    let t = input.get(i).expect("within the input");
                                    (i == 0 || !t.token.gap_is_paragraph()) && w.matches(&t)
                                });
                            all.then_some((words.len(), value))
                        })
                    });
                    assert_eq!(table.longest_with(&input, first), slow, "{at} in {text:?}");
                    found += usize::from(slow.is_some());
                }
            }
        }
        assert!(found > 1000, "{found} suffixes");
    }

    #[test]
    fn multiword_phrases_match_longest() {
        let text = "đô la Mỹ";
        let toks = tokenize(text);
        let input = Toks::new(text, &toks.tokens, &toks.keys);
        assert_eq!(
            LEXICON.suffixes.longest(&input),
            Some((3, &Suffix::Currency("USD".into())))
        );
    }
}
