//! Matching keys: how chiso compares words without ever changing the text.
//!
//! A key is the token's text in NFC, lower-cased, with the Vietnamese tone
//! mark moved to one canonical vowel. "hoà" and "hòa", "thuý" and "thúy",
//! "Uỷ" and "Ủy", and decomposed (NFD) input all get the same key. Grammar
//! files are keyed the same way, so they may be written in either style.
//!
//! Canonical placement (the "new style" rule):
//! 1. a vowel carrying a modifier (ă â ê ô ơ ư) takes the tone; with two, the last ("ươ" → ơ);
//! 2. otherwise, when a final consonant follows the vowels, the last vowel ("hoàn", "thuận");
//! 3. otherwise, of three vowels the middle one ("khoái"), of two the second in
//!    "oa", "oe", "uy" ("hoà", "thuý", "uỷ") and the first elsewhere ("hài", "múa");
//! 4. "qu" and "gi" before another vowel count as consonants ("quý", "giá").

use crate::span::first_bytes;
use crate::vocab::WordId;
use std::ops::Range;
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

/// The five Vietnamese tone marks as combining characters, in tone order 1..=5
/// (huyền, sắc, hỏi, ngã, nặng).
const TONE_MARKS: [char; 5] = ['\u{300}', '\u{301}', '\u{309}', '\u{303}', '\u{323}'];

/// Lower-case vowels and đ, the letters whose tonal forms the table covers.
const BASES: &str = "aăâeêioôơuưyđ";

/// Letters carrying a vowel modifier (ă â ê ô ơ ư) take the tone first.
fn is_modified_vowel(c: char) -> bool {
    matches!(c, 'ă' | 'â' | 'ê' | 'ô' | 'ơ' | 'ư')
}

/// Lookup tables between precomposed Vietnamese letters and (base, tone).
struct Tables {
    /// `decompose[c - 0xC0]` for U+00C0..U+0200 and `[c - 0x1EA0 + 0x140]` for U+1EA0..U+1F00.
    decompose: Vec<Option<(char, u8)>>,
    /// `compose[base index][tone]`.
    compose: Vec<[char; 6]>,
}

fn table_index(c: char) -> Option<usize> {
    let u = c as u32;
    match u {
        0xC0..=0x1FF => Some((u - 0xC0) as usize),
        0x1EA0..=0x1EFF => Some((u - 0x1EA0 + 0x140) as usize),
        _ => None,
    }
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let mut decompose = vec![None; 0x140 + 0x60];
    let mut compose = Vec::new();
    for base in BASES.chars() {
        let mut row = [base; 6];
        for (tone, mark) in TONE_MARKS.iter().enumerate() {
            if base == 'đ' {
                break;
            }
            let composed: String = [base, *mark].iter().collect::<String>().nfc().collect();
            let mut chars = composed.chars();
            let c = chars.next().expect("composition yields a char");
            assert!(chars.next().is_none(), "{base}+tone must compose to one char");
            row[tone + 1] = c;
        }
        for (tone, &lower) in row.iter().enumerate() {
            if base == 'đ' && tone > 0 {
                break; // "đ" has no tonal forms: it must not read as nặng ("đô" ≠ "độ")
            }
            for c in std::iter::once(lower).chain(lower.to_uppercase()) {
                if let Some(i) = table_index(c) {
                    decompose[i] = Some((base, tone as u8));
                }
            }
        }
        debug_assert_eq!(base_row(base), compose.len());
        compose.push(row);
    }
    Tables { decompose, compose }
});

/// Splits a letter into its lower-case base and tone (0 = no tone).
/// Plain ASCII letters are their own base. `None` for anything else.
fn split_letter(c: char) -> Option<(char, u8)> {
    if c.is_ascii_alphabetic() {
        return Some((c.to_ascii_lowercase(), 0));
    }
    table_index(c).and_then(|i| TABLES.decompose[i])
}

/// Row of a vowel in [`BASES`] (and so in `Tables::compose`).
fn base_row(c: char) -> usize {
    match c {
        'a' => 0,
        'ă' => 1,
        'â' => 2,
        'e' => 3,
        'ê' => 4,
        'i' => 5,
        'o' => 6,
        'ô' => 7,
        'ơ' => 8,
        'u' => 9,
        'ư' => 10,
        'y' => 11,
        _ => 12,
    }
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y')
}

/// Applies a combining modifier (circumflex, breve, horn) to a base letter.
fn apply_modifier(base: char, modifier: char) -> Option<char> {
    Some(match (base, modifier) {
        ('a', '\u{302}') => 'â',
        ('e', '\u{302}') => 'ê',
        ('o', '\u{302}') => 'ô',
        ('a', '\u{306}') => 'ă',
        ('o', '\u{31B}') => 'ơ',
        ('u', '\u{31B}') => 'ư',
        _ => return None,
    })
}

fn tone_of_mark(c: char) -> Option<u8> {
    match c {
        '\u{300}' | '\u{340}' => Some(1),
        '\u{301}' | '\u{341}' => Some(2),
        '\u{309}' => Some(3),
        '\u{303}' => Some(4),
        '\u{323}' => Some(5),
        _ => None,
    }
}

/// Where the tone goes among `bases` (lower-case letters without tone).
fn tone_position(bases: &[char]) -> Option<usize> {
    let mut first = bases.iter().position(|&c| is_vowel(c))?;
    // "qu" and "gi" followed by another vowel: the u / i belongs to the onset.
    let next_is_vowel = bases.get(first + 1).is_some_and(|&c| is_vowel(c));
    if first > 0 && next_is_vowel {
        let onset = bases[first - 1];
        if (onset == 'q' && bases[first] == 'u') || (onset == 'g' && bases[first] == 'i') {
            first += 1;
        }
    }
    let mut last = first;
    while bases.get(last + 1).is_some_and(|&c| is_vowel(c)) {
        last += 1;
    }
    let cluster = &bases[first..=last];
    if let Some(i) = cluster.iter().rposition(|&c| is_modified_vowel(c)) {
        return Some(first + i);
    }
    let has_final = last + 1 < bases.len();
    Some(match cluster.len() {
        _ if has_final => last,
        1 => first,
        2 if matches!(cluster, ['o', 'a'] | ['o', 'e'] | ['u', 'y']) => last,
        2 => first,
        _ => first + 1,
    })
}

/// Appends the matching key of `word` to `out`.
///
/// ```
/// use chiso::normalize::push_key;
/// let mut a = String::new();
/// let mut b = String::new();
/// push_key("Hoà", &mut a);
/// push_key("hòa", &mut b);
/// assert_eq!(a, b);
/// ```
pub fn push_key(word: &str, out: &mut String) {
    if word.is_ascii() {
        push_key_uncached(word, out);
    } else {
        push_key_with_id(word, out);
    }
}

/// Appends the matching key of `word` to `out` and returns its
/// [`crate::vocab`] id: what the tokenizer does for every word.
///
/// ```
/// let mut key = String::new();
/// let id = chiso::normalize::push_key_with_id("Tỉnh", &mut key);
/// assert_eq!((key.as_str(), id), ("tỉnh", chiso::vocab::word_id("tỉnh")));
/// ```
pub fn push_key_with_id(word: &str, out: &mut String) -> WordId {
    with_word_cache(|cache| cache.push_key(word, 0..word.len(), out).id)
}

/// [`push_key`] without the cache (nor the word ids the cache holds).
pub(crate) fn push_key_uncached(word: &str, out: &mut String) {
    if word.is_ascii() {
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
    } else if !push_vietnamese_key(word, out) {
        for c in word.nfc() {
            out.extend(c.to_lowercase());
        }
    }
}

/// Runs `f` with this thread's [`WordCache`]. A nested call (a grammar file
/// loaded for the first time while the tokenizer holds the cache) gets a
/// small cache of its own.
pub(crate) fn with_word_cache<R>(f: impl FnOnce(&mut WordCache) -> R) -> R {
    WORD_CACHE.with(|cache| match cache.try_borrow_mut() {
        Ok(mut cache) => f(&mut cache),
        Err(_) => f(&mut WordCache::new(4)),
    })
}

thread_local! {
    static WORD_CACHE: std::cell::RefCell<WordCache> =
        std::cell::RefCell::new(WordCache::growing(FIRST_WORD_CACHE_BITS, WORD_CACHE_BITS));
}

/// The per-thread cache grows to 2^14 words (512 KiB; 2^15 was no faster on
/// one core and slower on two): a text's words are a few
/// thousand distinct syllables, and most of them come again and again.
const WORD_CACHE_BITS: u32 = 14;

/// It starts at 2^12 words (128 KiB) and doubles each time it has missed as
/// many words as it holds: a short text does not pay for a big table (whose
/// memory the system hands over page by page).
const FIRST_WORD_CACHE_BITS: u32 = 12;

/// Words longer than this (in bytes) are keyed every time, not cached:
/// fewer than one word in ten thousand of news text.
const CACHED_WORD_BYTES: usize = 16;

/// What the tokenizer needs to know of a word: its word id and whether it
/// starts with a capital (its key is pushed by [`WordCache::push_key`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WordFacts {
    /// The [`crate::vocab`] id of its key.
    pub id: WordId,
    /// True when its first character is upper case ("Bến", "GRDP").
    pub capitalized: bool,
}

/// Facts about each distinct word, computed once per thread: the word's key,
/// its word id, whether it is capitalized, and whether it is a listed
/// abbreviation when a dot follows it.
///
/// A direct-mapped table indexed by a hash of the word's bytes: a word of at
/// most 16 bytes is compared in place as two machine words, and a word that
/// misses is keyed and replaces whatever held its slot. Keys equal to their
/// word (lower case, canonical tone) are copied from the text itself; the
/// others live in an arena.
pub(crate) struct WordCache {
    slots: Box<[Slot]>,
    /// The keys that differ from their words ("hoà" of "Hoà"), end to end.
    arena: String,
    /// Words missed since the table last grew.
    misses: usize,
    /// The most slots the table grows to.
    max_slots: usize,
}

/// One cached word.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    /// The word's bytes, zero-padded, as two little-endian machine words.
    word: [u64; 2],
    /// The word's length in bytes; 0 for an empty slot.
    word_len: u8,
    /// [`CAPITALIZED`], [`KEY_IS_WORD`], [`ABBREVIATION_KNOWN`], [`ABBREVIATION`].
    flags: u8,
    /// The key's length, when it lives in the arena.
    key_len: u16,
    /// Where the key starts in the arena.
    key_at: u32,
    /// The key's word id.
    id: WordId,
}

const CAPITALIZED: u8 = 1;
const KEY_IS_WORD: u8 = 2;
const ABBREVIATION_KNOWN: u8 = 4;
const ABBREVIATION: u8 = 8;

impl WordCache {
    /// An empty cache of 2^`bits` slots.
    pub(crate) fn new(bits: u32) -> WordCache {
        WordCache::growing(bits, bits)
    }

    /// An empty cache of 2^`bits` slots that grows up to 2^`max_bits`.
    fn growing(bits: u32, max_bits: u32) -> WordCache {
        WordCache {
            slots: vec![Slot::default(); 1 << bits].into_boxed_slice(),
            arena: String::new(),
            misses: 0,
            max_slots: 1 << max_bits,
        }
    }

    /// Appends the key of the word `text[span]` to `out`; returns its facts.
    ///
    /// The whole `text` is passed so that the word's bytes can be read eight
    /// at a time past its end.
    pub(crate) fn push_key(&mut self, text: &str, span: Range<usize>, out: &mut String) -> WordFacts {
        let (facts, same) = self.push_key_if_other(text, span.clone(), out);
        if same {
            out.push_str(&text[span]);
        }
        facts
    }

    /// Like [`WordCache::push_key`], but when the key is the word itself
    /// (lower case, canonical tone: most words), appends nothing and says so
    /// with `true`.
    #[inline(always)]
    pub(crate) fn push_key_if_other(&mut self, text: &str, span: Range<usize>, out: &mut String) -> (WordFacts, bool) {
        let len = span.len();
        let Some((at, bytes)) = self.find(text.as_bytes(), span.clone()) else {
            return (push_key_facts(&text[span], out), false);
        };
        let slot = self.slots[at];
        if !slot.holds(bytes, len) {
            let (_, facts, same) = self.fill(at, bytes, &text[span], out);
            return (facts, same);
        }
        let facts = WordFacts {
            id: slot.id,
            capitalized: slot.flags & CAPITALIZED != 0,
        };
        if slot.flags & KEY_IS_WORD != 0 {
            return (facts, true);
        }
        let key_at = slot.key_at as usize;
        out.push_str(&self.arena[key_at..key_at + slot.key_len as usize]);
        (facts, false)
    }

    /// Is the word `text[span]` followed by a dot a listed abbreviation?
    /// `decide(word, key)` answers the first time; the cache remembers.
    pub(crate) fn abbreviation(
        &mut self,
        text: &str,
        span: Range<usize>,
        decide: impl FnOnce(&str, &str) -> bool,
    ) -> bool {
        let word = &text[span.clone()];
        let Some((at, bytes)) = self.find(text.as_bytes(), span) else {
            let mut key = String::new();
            push_key_uncached(word, &mut key);
            return decide(word, &key);
        };
        let at = if self.slots[at].holds(bytes, word.len()) {
            at
        } else {
            self.fill(at, bytes, word, &mut String::new()).0
        };
        let slot = self.slots[at];
        if slot.flags & ABBREVIATION_KNOWN == 0 {
            let key = if slot.flags & KEY_IS_WORD != 0 {
                word
            } else {
                &self.arena[slot.key_at as usize..slot.key_at as usize + slot.key_len as usize]
            };
            let listed = decide(word, key);
            self.slots[at].flags |= ABBREVIATION_KNOWN | if listed { ABBREVIATION } else { 0 };
        }
        self.slots[at].flags & ABBREVIATION != 0
    }

    /// The slot of the word at `span` in `bytes` and the word's bytes as
    /// two machine words, or `None` for a word too long to cache.
    #[inline(always)]
    fn find(&self, bytes: &[u8], span: Range<usize>) -> Option<(usize, [u64; 2])> {
        let len = span.len();
        if len > CACHED_WORD_BYTES {
            return None;
        }
        let words = load_padded(bytes, span.start, len);
        Some((self.slot_of(words, len), words))
    }

    /// The slot of a word of `len` bytes read as `words`.
    #[inline(always)]
    fn slot_of(&self, words: [u64; 2], len: usize) -> usize {
        let hash = (words[0] ^ words[1].rotate_left(32) ^ len as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (hash >> 40) as usize & (self.slots.len() - 1)
    }

    /// Keys `word` and stores its facts in slot `at`, or in its slot of the
    /// grown table when the table grows first; appends the key to `out`
    /// unless it is the word itself (then `true`). Returns the slot used.
    #[cold]
    fn fill(&mut self, mut at: usize, bytes: [u64; 2], word: &str, out: &mut String) -> (usize, WordFacts, bool) {
        self.misses += 1;
        if self.misses > self.slots.len() && self.slots.len() < self.max_slots {
            self.slots = vec![Slot::default(); 2 * self.slots.len()].into_boxed_slice();
            self.arena.clear();
            self.misses = 0;
            at = self.slot_of(bytes, word.len());
        }
        let key_start = out.len();
        let facts = push_key_facts(word, out);
        let key = &out[key_start..];
        let same = key == word;
        let mut flags = if facts.capitalized { CAPITALIZED } else { 0 };
        let (mut key_at, mut key_len) = (0, 0);
        if same {
            flags |= KEY_IS_WORD;
        } else {
            // Keys of words that were replaced stay in the arena: when it
            // holds 32 bytes a slot, the cache starts over.
            if self.arena.len() + key.len() > 32 * self.slots.len() {
                self.slots.fill(Slot::default());
                self.arena.clear();
            }
            key_at = self.arena.len() as u32;
            key_len = key.len() as u16;
            self.arena.push_str(key);
        }
        self.slots[at] = Slot {
            word: bytes,
            word_len: word.len() as u8,
            flags,
            key_len,
            key_at,
            id: facts.id,
        };
        if same {
            out.truncate(key_start);
        }
        (at, facts, same)
    }
}

impl Slot {
    /// Does this slot hold the word of `len` bytes read as `bytes`?
    #[inline(always)]
    fn holds(&self, bytes: [u64; 2], len: usize) -> bool {
        self.word_len != 0 && self.word == bytes && self.word_len as usize == len
    }
}

/// Keys `word` without the cache, appends the key to `out`, and returns its facts.
fn push_key_facts(word: &str, out: &mut String) -> WordFacts {
    let key_start = out.len();
    push_key_uncached(word, out);
    WordFacts {
        id: crate::vocab::word_id(&out[key_start..]),
        capitalized: word.chars().next().is_some_and(char::is_uppercase),
    }
}

/// `bytes[start..start + len]` (`len` at most 16) as two little-endian machine
/// words, zero-padded: read sixteen bytes at once when the text goes on that
/// far, and masked.
#[inline]
fn load_padded(bytes: &[u8], start: usize, len: usize) -> [u64; 2] {
    let chunk: [u8; 16] = match bytes.get(start..start + 16) {
        Some(chunk) => chunk.try_into().expect("sixteen bytes"),
        None => {
            let mut chunk = [0; 16];
            chunk[..len].copy_from_slice(&bytes[start..start + len]);
            chunk
        }
    };
    let lo = u64::from_le_bytes(chunk[..8].try_into().expect("eight bytes"));
    let hi = u64::from_le_bytes(chunk[8..].try_into().expect("eight bytes"));
    [lo & first_bytes(len.min(8)), hi & first_bytes(len.saturating_sub(8))]
}

/// The matching key of `word` as a new `String`.
///
/// ```
/// assert_eq!(chiso::normalize::key("Uỷ"), chiso::normalize::key("Ủy"));
/// ```
pub fn key(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    push_key(word, &mut out);
    out
}

/// The key of a phrase: each whitespace-separated word keyed, joined by one space.
///
/// ```
/// assert_eq!(chiso::normalize::phrase_key("Tỉnh  Ủy"), "tỉnh uỷ");
/// ```
pub fn phrase_key(phrase: &str) -> String {
    let mut out = String::with_capacity(phrase.len());
    for (i, word) in phrase.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        push_key(word, &mut out);
    }
    out
}

/// Keys a word made of Latin letters with Vietnamese tones, precomposed or
/// decomposed. Returns false (writing nothing) for anything it cannot key,
/// which then goes through plain NFC + lower-case.
fn push_vietnamese_key(word: &str, out: &mut String) -> bool {
    const MAX: usize = 24;
    let mut bases = ['\0'; MAX];
    let mut n: usize = 0;
    let mut tone = 0u8;
    for c in word.chars() {
        if let Some(t) = tone_of_mark(c) {
            if n == 0 || (tone != 0 && tone != t) {
                return false;
            }
            tone = t;
        } else if matches!(c, '\u{302}' | '\u{306}' | '\u{31B}') {
            match n.checked_sub(1).and_then(|i| apply_modifier(bases[i], c)) {
                Some(m) => bases[n - 1] = m,
                None => return false,
            }
        } else if let Some((base, t)) = split_letter(c) {
            if n == MAX || (t != 0 && tone != 0 && t != tone) {
                return false;
            }
            if t != 0 {
                tone = t;
            }
            bases[n] = base;
            n += 1;
        } else {
            return false;
        }
    }
    let bases = &bases[..n];
    let at = if tone == 0 {
        None
    } else {
        match tone_position(bases) {
            Some(at) => Some(at),
            None => return false,
        }
    };
    for (i, &c) in bases.iter().enumerate() {
        if Some(i) == at {
            out.push(TABLES.compose[base_row(c)][tone as usize]);
        } else {
            out.push(c);
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tone_placement_variants_share_a_key() {
        for (a, b) in [
            ("hoà", "hòa"),
            ("thuý", "thúy"),
            ("Uỷ", "Ủy"),
            ("khoẻ", "khỏe"),
            ("HOÀ", "hòa"),
            ("Quý", "quý"),
        ] {
            assert_eq!(key(a), key(b), "{a} vs {b}");
        }
    }

    #[test]
    fn canonical_forms() {
        assert_eq!(key("Hòa"), "hoà");
        assert_eq!(key("người"), "người");
        assert_eq!(key("Trưởng"), "trưởng");
        assert_eq!(key("quý"), "quý");
        assert_eq!(key("giá"), "giá");
        assert_eq!(key("gìn"), "gìn");
        assert_eq!(key("hoàng"), "hoàng");
        assert_eq!(key("khoái"), "khoái");
        assert_eq!(key("Đồng"), "đồng");
        assert_eq!(key("đến"), "đến");
        assert_eq!(key("đô"), "đô");
        assert_ne!(key("đô"), key("độ"));
        assert_eq!(key("TTXVN"), "ttxvn");
        assert_eq!(key("múa"), "múa");
    }

    #[test]
    fn decomposed_input_matches_precomposed() {
        for word in ["Nguyễn", "Thủ", "tướng", "Ủy", "Bến", "Tre", "quý", "hoà", "Đắk"] {
            let nfd: String = word.nfd().collect();
            assert_eq!(key(&nfd), key(word), "{word}");
        }
    }

    /// The space-separated words of `text` with their byte ranges.
    fn word_spans(text: &str) -> Vec<(&str, Range<usize>)> {
        let mut at = 0;
        text.split(' ')
            .map(|word| {
                let span = at..at + word.len();
                at = span.end + 1;
                (word, span)
            })
            .collect()
    }

    #[test]
    fn the_word_cache_answers_as_keying_each_time() {
        // Four slots: words collide, replace each other, and fill the arena
        // (128 bytes) so that the cache starts over.
        let text = "Hoà hòa HOÀ Thủ tướng Nguyễn nghiêng Ngửa Internationalization TP đ Đ x Ủy uỷ ÀÁÂ";
        let mut cache = WordCache::new(2);
        for round in 0..8 {
            for (word, span) in word_spans(text) {
                let mut cached = String::new();
                let facts = cache.push_key(text, span.clone(), &mut cached);
                let mut fresh = String::new();
                let expected = push_key_facts(word, &mut fresh);
                assert_eq!((cached, facts), (fresh, expected), "{word} in round {round}");
                let listed = cache.abbreviation(text, span, |w, k| {
                    assert_eq!(k, key(w));
                    w.len() == 2
                });
                assert_eq!(listed, word.len() == 2, "{word}");
            }
        }
    }

    #[test]
    fn the_word_cache_grows_and_still_answers() {
        let words: Vec<String> = (0..3000).map(|i| format!("Từ{i}")).collect();
        let text = words.join(" ");
        let mut cache = WordCache::growing(2, 8);
        for _ in 0..2 {
            for (word, span) in word_spans(&text) {
                let mut cached = String::new();
                let facts = cache.push_key(&text, span, &mut cached);
                let mut fresh = String::new();
                let expected = push_key_facts(word, &mut fresh);
                assert_eq!((cached, facts), (fresh, expected), "{word}");
            }
        }
        assert_eq!(cache.slots.len(), 1 << 8);
    }

    /// A word first met as a possible abbreviation can make the table grow;
    /// the answer is still the one for its own key.
    #[test]
    fn the_abbreviation_answer_survives_growth() {
        let words: Vec<String> = (0..3000).map(|i| format!("TT{i}")).collect();
        let text = words.join(" ");
        let mut cache = WordCache::growing(2, 8);
        let listed = |word: &str| word.ends_with('7');
        for _ in 0..2 {
            for (word, span) in word_spans(&text) {
                let answer = cache.abbreviation(&text, span, |w, k| {
                    assert_eq!(k, key(w), "the key of {w}");
                    listed(w)
                });
                assert_eq!(answer, listed(word), "{word}");
            }
        }
        assert_eq!(cache.slots.len(), 1 << 8);
    }

    #[test]
    fn load_padded_reads_a_word_anywhere() {
        let text = b"abcdefghijklmnopqrstuvwxyz";
        for start in 0..text.len() {
            for len in 0..=16.min(text.len() - start) {
                let mut padded = [0u8; 16];
                padded[..len].copy_from_slice(&text[start..start + len]);
                let expected = [
                    u64::from_le_bytes(padded[..8].try_into().unwrap()),
                    u64::from_le_bytes(padded[8..].try_into().unwrap()),
                ];
                assert_eq!(load_padded(text, start, len), expected, "{start} {len}");
            }
        }
    }

    #[test]
    fn non_vietnamese_words_fall_back_to_nfc_lowercase() {
        assert_eq!(key("Ça"), "ça");
        assert_eq!(key("МОСКВА"), "москва");
        assert_eq!(key("北京"), "北京");
    }
}
