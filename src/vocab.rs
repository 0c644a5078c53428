//! Word ids: every word of the grammar files numbered once, so that testing a
//! token against a word list is indexing a bit set, not hashing its key.
//!
//! The tokenizer gives each token the id of its key ([`crate::tokenizer::Token::word`]),
//! or [`UNLISTED`] when no grammar file has that word. A [`WordSet`] or
//! [`WordMap`] built from keys answers for a token by its id; a key that is
//! in no grammar file (a word written only in the code) still works, through
//! a small string-keyed fallback that is consulted only for unlisted tokens.
//! So the vocabulary decides only speed, never a result.
//!
//! ```
//! use chiso::vocab::{word_id, WordSet, UNLISTED};
//! let set = WordSet::from_keys(["tháng", "quý"]);
//! let toks = chiso::tokenizer::tokenize("Quý I");
//! assert_ne!(word_id("quý"), UNLISTED);
//! assert!(set.contains((toks.tokens[0].word, toks.key_of(&toks.tokens[0]))));
//! ```

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

/// A word's number in the vocabulary; [`UNLISTED`] for a word of no grammar file.
pub type WordId = u32;

/// The id of every word that no grammar file has.
pub const UNLISTED: WordId = 0;

/// Key → id (from 1) of every word of every embedded grammar file, except
/// those starting with a digit as number tokens do (they are all [`UNLISTED`]).
struct Vocabulary {
    ids: FxHashMap<Box<str>, WordId>,
    /// The ids of the one-byte keys ("," "%" "-" "a"), read without hashing.
    ascii: [WordId; 128],
}

static VOCABULARY: LazyLock<Vocabulary> = LazyLock::new(|| {
    let mut vocabulary: FxHashMap<Box<str>, WordId> = FxHashMap::default();
    let mut key = String::new();
    let mut seen: FxHashSet<&str> = FxHashSet::default();
    let mut add = |word: &'static str| {
        if !seen.insert(word) {
            return;
        }
        key.clear();
        crate::normalize::push_key_uncached(word, &mut key);
        // No key starts like a number token (a digit, "½"): those need no look-up.
        let number = key.starts_with(char::is_numeric);
        if !word.is_empty() && !number && !vocabulary.contains_key(key.as_str()) {
            let next = vocabulary.len() as WordId + 1;
            vocabulary.insert(key.as_str().into(), next);
        }
    };
    for file in crate::grammar::ALL {
        for line in file.text.lines().filter(|l| !l.trim_start().starts_with('#')) {
            for word in line.split_whitespace() {
                // The word as one token ("TP.HCM", "km2"), its pieces between
                // punctuation ("km" "/" "h"), and that punctuation.
                add(word);
                if word.bytes().any(|b| b.is_ascii_punctuation()) {
                    for piece in word.split(|c: char| c.is_ascii_punctuation()) {
                        add(piece);
                    }
                    for (at, _) in word.char_indices().filter(|(_, c)| c.is_ascii_punctuation()) {
                        add(&word[at..at + 1]);
                    }
                }
            }
        }
    }
    let mut ascii = [UNLISTED; 128];
    for (key, &id) in &vocabulary {
        if let [b] = key.as_bytes() {
            if b.is_ascii() {
                ascii[*b as usize] = id;
            }
        }
    }
    Vocabulary { ids: vocabulary, ascii }
});

/// The id of the word keyed `key` ([`crate::normalize::key`]), or [`UNLISTED`].
///
/// ```
/// use chiso::vocab::{word_id, UNLISTED};
/// assert_ne!(word_id("tỉnh"), UNLISTED);
/// assert_eq!(word_id("xyzzy"), UNLISTED);
/// ```
pub fn word_id(key: &str) -> WordId {
    let vocabulary = &*VOCABULARY;
    match key.as_bytes() {
        [b] if b.is_ascii() => vocabulary.ascii[*b as usize],
        _ => vocabulary.ids.get(key).copied().unwrap_or(UNLISTED),
    }
}

/// A key with its id: what [`crate::phrases::PhraseTable::longest`] reads.
///
/// ```
/// let (id, key) = chiso::vocab::keyed("tỉnh");
/// assert_eq!((id, key), (chiso::vocab::word_id("tỉnh"), "tỉnh"));
/// ```
pub fn keyed(key: &str) -> (WordId, &str) {
    (word_id(key), key)
}

/// How many ids there are, [`UNLISTED`] included.
pub fn id_count() -> usize {
    VOCABULARY.ids.len() + 1
}

/// A set of keys, tested by a token's id (and its key when it is unlisted).
///
/// ```
/// // "xyzzy" is in no grammar file: the set keeps it as a string.
/// let set = chiso::vocab::WordSet::from_keys(["tháng", "xyzzy"]);
/// let toks = chiso::tokenizer::tokenize("Tháng xyzzy năm");
/// let has = |i: usize| set.contains((toks.tokens[i].word, toks.key_of(&toks.tokens[i])));
/// assert!(has(0) && has(1) && !has(2));
/// ```
#[derive(Debug, Clone, Default)]
pub struct WordSet {
    bits: Vec<u64>,
    unlisted: FxHashSet<String>,
    /// The first bytes of the unlisted keys: most unlisted tokens (numbers,
    /// foreign words) are turned away without hashing.
    unlisted_first: FirstBytes,
    /// The keys, in insertion order.
    keys: Vec<String>,
}

impl WordSet {
    /// The set of `keys` (already keyed with [`crate::normalize::key`]).
    pub fn from_keys<S: AsRef<str>>(keys: impl IntoIterator<Item = S>) -> WordSet {
        let mut set = WordSet::default();
        for key in keys {
            set.insert(key.as_ref());
        }
        set
    }

    /// Adds `key` (already keyed).
    pub fn insert(&mut self, key: &str) {
        let id = word_id(key);
        if self.contains((id, key)) {
            return;
        }
        self.keys.push(key.to_owned());
        match id {
            UNLISTED => {
                self.unlisted.insert(key.to_owned());
                self.unlisted_first.insert(key);
            }
            id => {
                if self.bits.is_empty() {
                    self.bits = vec![0; id_count().div_ceil(64)];
                }
                self.bits[id as usize / 64] |= 1 << (id % 64);
            }
        }
    }

    /// Is the word `(id, key)` in the set ([`crate::token_input::Tok::keyed`])?
    #[inline(always)]
    pub fn contains(&self, (word, key): (WordId, &str)) -> bool {
        if word == UNLISTED {
            self.unlisted_first.may_start(key) && self.unlisted.contains(key)
        } else {
            self.bits
                .get(word as usize / 64)
                .is_some_and(|b| b >> (word % 64) & 1 == 1)
        }
    }

    /// Is `key` in the set (looking its id up first)?
    pub fn contains_key(&self, key: &str) -> bool {
        self.contains(keyed(key))
    }

    /// The keys, in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.keys.iter().map(String::as_str)
    }
}

/// A set of first bytes (of keys), one bit each.
#[derive(Debug, Clone, Copy, Default)]
struct FirstBytes([u64; 4]);

impl FirstBytes {
    fn insert(&mut self, key: &str) {
        if let Some(&b) = key.as_bytes().first() {
            self.0[b as usize / 64] |= 1 << (b % 64);
        }
    }

    /// Can `key` be one of the inserted keys, by its first byte?
    #[inline(always)]
    fn may_start(&self, key: &str) -> bool {
        match key.as_bytes().first() {
            Some(&b) => self.0[b as usize / 64] >> (b % 64) & 1 == 1,
            None => true, // the empty key is looked up as it is
        }
    }
}

/// A map from keys to values, read by a token's id (and its key when it is
/// unlisted); it iterates in insertion order.
///
/// ```
/// let mut map = chiso::vocab::WordMap::default();
/// map.insert("quý", 3);
/// let toks = chiso::tokenizer::tokenize("Quý");
/// assert_eq!(map.get((toks.tokens[0].word, toks.key_of(&toks.tokens[0]))), Some(&3));
/// ```
#[derive(Debug, Clone)]
pub struct WordMap<V> {
    entries: Vec<(String, V)>,
    /// By id: 1 + the index of its entry, or 0 (the vocabulary is a few thousand words).
    by_id: Vec<u32>,
    /// Unlisted key → 1 + the index of its entry.
    unlisted: FxHashMap<String, u32>,
    /// The first bytes of the unlisted keys (see [`WordSet`]).
    unlisted_first: FirstBytes,
}

impl<V> Default for WordMap<V> {
    fn default() -> Self {
        WordMap {
            entries: Vec::new(),
            by_id: Vec::new(),
            unlisted: FxHashMap::default(),
            unlisted_first: FirstBytes::default(),
        }
    }
}

impl<V> WordMap<V> {
    /// The slot holding 1 + the entry index of `key` (0 when absent).
    fn slot(&mut self, key: &str) -> &mut u32 {
        match word_id(key) {
            UNLISTED => {
                self.unlisted_first.insert(key);
                self.unlisted.entry(key.to_owned()).or_default()
            }
            id => {
                if self.by_id.is_empty() {
                    self.by_id = vec![0; id_count()];
                }
                &mut self.by_id[id as usize]
            }
        }
    }

    /// The value of `key` (already keyed), to change or to fill in with `default`.
    pub fn get_or_insert_with(&mut self, key: &str, default: impl FnOnce() -> V) -> &mut V {
        let next = self.entries.len() as u32 + 1;
        let slot = self.slot(key);
        let fresh = *slot == 0;
        if fresh {
            *slot = next;
        }
        let i = *slot as usize - 1;
        if fresh {
            self.entries.push((key.to_owned(), default()));
        }
        &mut self.entries[i].1
    }

    /// Sets the value of `key` (already keyed), returning the old one.
    pub fn insert(&mut self, key: &str, value: V) -> Option<V> {
        let mut value = Some(value);
        let slot = self.get_or_insert_with(key, || value.take().expect("taken once"));
        value.map(|v| std::mem::replace(slot, v))
    }

    /// The value of the word `(id, key)` ([`crate::token_input::Tok::keyed`]).
    #[inline(always)]
    pub fn get(&self, (word, key): (WordId, &str)) -> Option<&V> {
        self.get_lazy(word, || key)
    }

    /// The value of the word with id `word`, whose key `key()` gives: asked
    /// only when the word is [`UNLISTED`] and some unlisted key is in the map.
    #[inline(always)]
    pub fn get_lazy<'k>(&self, word: WordId, key: impl FnOnce() -> &'k str) -> Option<&V> {
        let slot = if word == UNLISTED {
            if self.unlisted.is_empty() {
                return None;
            }
            let key = key();
            if !self.unlisted_first.may_start(key) {
                return None;
            }
            *self.unlisted.get(key)?
        } else {
            *self.by_id.get(word as usize)?
        };
        (slot > 0).then(|| &self.entries[slot as usize - 1].1)
    }

    /// The value of `key` (looking its id up first).
    pub fn get_key(&self, key: &str) -> Option<&V> {
        self.get(keyed(key))
    }

    /// The keys and values, in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        self.entries.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// How many keys there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when there is no key.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grammar_words_have_ids_and_others_do_not() {
        for key in ["tháng", "quý", "tỉnh", "uỷ", "%", "km"] {
            assert_ne!(word_id(key), UNLISTED, "{key}");
        }
        assert_eq!(word_id("không-phải-từ"), UNLISTED);
        // Number tokens are never looked up, so no key starting with a digit has an id.
        assert!(VOCABULARY.ids.keys().all(|k| !k.starts_with(char::is_numeric)));
        // One-byte keys are read from a table: the same ids.
        for b in 0..128u8 {
            let key = (b as char).to_string();
            assert_eq!(
                word_id(&key),
                VOCABULARY.ids.get(key.as_str()).copied().unwrap_or(UNLISTED)
            );
        }
        assert!(id_count() > 1000);
    }

    #[test]
    fn sets_and_maps_answer_for_unlisted_keys_too() {
        let set = WordSet::from_keys(["tháng", "zzqx"]);
        assert!(set.contains_key("tháng"));
        assert!(set.contains_key("zzqx"));
        assert!(!set.contains_key("năm") && !set.contains_key("zzqy"));
        assert_eq!(set.iter().collect::<Vec<_>>(), ["tháng", "zzqx"]);
        let mut map = WordMap::default();
        map.insert("zzqx", 1);
        map.insert("tháng", 2);
        assert_eq!(map.get_key("zzqx"), Some(&1));
        assert_eq!(map.get_key("tháng"), Some(&2));
        assert_eq!(map.get_key("năm"), None);
        assert_eq!(map.insert("zzqx", 3), Some(1));
        let entries: Vec<_> = map.iter().collect();
        assert_eq!(entries, [("zzqx", &3), ("tháng", &2)]);
    }
}
