//! Phrase tables: multi-token phrases of grammar data, found by the first
//! token's key with one hash probe; the longest phrase that matches wins.
//! Shared by the names and statistics lexicons.

use crate::token_input::Toks;
use crate::vocab::{keyed, word_id, WordId, WordMap, UNLISTED};

/// Phrases (the keys of their tokens) with values; a phrase may carry several
/// values ("kế hoạch" is a base after a figure and a word elsewhere).
///
/// ```
/// use chiso::phrases::PhraseTable;
/// let mut t = PhraseTable::default();
/// t.push(vec!["tỉnh".into(), "uỷ".into()], 1);
/// t.push(vec!["tỉnh".into()], 2);
/// let keys = ["tỉnh", "uỷ", "bến"];
/// let at = |i: usize| keys.get(i).map(|k| chiso::vocab::keyed(k));
/// assert_eq!(t.longest(at, |_| true), Some((2, &1)));
/// assert_eq!(t.longest(at, |v| *v == 2), Some((1, &2)));
/// ```
#[derive(Debug)]
pub struct PhraseTable<V> {
    /// First key → (the other keys, value), longest phrases first.
    by_first: WordMap<Vec<(Vec<Word>, V)>>,
}

/// A word of a phrase: its id, and its key (compared only when the id is [`UNLISTED`]).
#[derive(Debug, PartialEq, Eq)]
struct Word {
    id: WordId,
    key: String,
}

impl Word {
    fn new(key: String) -> Word {
        Word { id: word_id(&key), key }
    }

    fn matches(&self, (id, key): (WordId, &str)) -> bool {
        self.id == id && (id != UNLISTED || self.key == key)
    }
}

impl<V> Default for PhraseTable<V> {
    fn default() -> Self {
        PhraseTable {
            by_first: WordMap::default(),
        }
    }
}

impl<V> PhraseTable<V> {
    /// Adds a phrase (the keys of its tokens, at least one) with `value`.
    ///
    /// # Panics
    /// On an empty phrase (grammar loaders check their rows first).
    pub fn push(&mut self, keys: Vec<String>, value: V) {
        let mut keys = keys.into_iter();
        let first = keys.next().expect("a phrase has a token");
        let list = self.by_first.get_or_insert_with(&first, Vec::new);
        list.push((keys.map(Word::new).collect(), value));
        list.sort_by_key(|(rest, _)| std::cmp::Reverse(rest.len()));
    }

    /// The values of exactly the phrase `keys` (for duplicate checks).
    pub fn values_of<'a>(&'a self, keys: &'a [String]) -> impl Iterator<Item = &'a V> + 'a {
        let (first, rest) = keys.split_first().map_or(("", &[][..]), |(f, r)| (f.as_str(), r));
        self.by_first
            .get_key(first)
            .into_iter()
            .flatten()
            .filter(move |(r, _)| r.len() == rest.len() && r.iter().zip(rest).all(|(w, k)| w.matches(keyed(k))))
            .map(|(_, v)| v)
    }

    /// The longest phrase whose value passes `ok`, reading the word id and
    /// key of the `i`-th token from `key_at(i)`: (its length in tokens, its value).
    pub fn longest<'k>(
        &self,
        key_at: impl Fn(usize) -> Option<(WordId, &'k str)>,
        ok: impl Fn(&V) -> bool,
    ) -> Option<(usize, &V)> {
        let list = self.by_first.get(key_at(0)?)?;
        list.iter()
            .find(|(rest, v)| {
                ok(v)
                    && rest
                        .iter()
                        .enumerate()
                        .all(|(i, w)| key_at(i + 1).is_some_and(|k| w.matches(k)))
            })
            .map(|(rest, v)| (rest.len() + 1, v))
    }

    /// [`PhraseTable::longest`] at the start of a token input.
    pub fn longest_in(&self, input: &Toks<'_>, ok: impl Fn(&V) -> bool) -> Option<(usize, &V)> {
        self.longest(|i| input.get(i).map(|t| t.keyed()), ok)
    }

    /// True when some phrase starts with the word `(id, key)` ([`crate::token_input::Tok::keyed`]).
    pub fn starts_with(&self, word: (WordId, &str)) -> bool {
        self.by_first.get(word).is_some()
    }

    /// The value of the one-word phrase `(id, key)`.
    pub fn exact(&self, word: (WordId, &str)) -> Option<&V> {
        self.by_first
            .get(word)?
            .iter()
            .find(|(rest, _)| rest.is_empty())
            .map(|(_, v)| v)
    }

    /// The first keys of the phrases whose value passes `ok` (for triggers).
    pub fn first_keys_where(&self, ok: impl Fn(&V) -> bool) -> Vec<String> {
        self.by_first
            .iter()
            .filter(|(_, list)| list.iter().any(|(_, v)| ok(v)))
            .map(|(k, _)| k.to_owned())
            .collect()
    }
}
