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

use crate::vocab::WordId;
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
    if word.is_ascii() {
        let start = out.len();
        push_key_uncached(word, out);
        return crate::vocab::word_id(&out[start..]);
    }
    KEY_CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some((key, id)) = cache.get(word) {
            out.push_str(key);
            return *id;
        }
        let start = out.len();
        push_key_uncached(word, out);
        let id = crate::vocab::word_id(&out[start..]);
        if cache.len() >= KEY_CACHE_SIZE {
            cache.clear();
        }
        cache.insert(word.into(), (out[start..].into(), id));
        id
    })
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

/// Most words of a text are a few thousand syllables, so each thread keeps the
/// keys it has computed (bounded: cleared when full).
const KEY_CACHE_SIZE: usize = 1 << 16;

/// Word → (its key, its word id).
type KeyCache = rustc_hash::FxHashMap<Box<str>, (Box<str>, WordId)>;

thread_local! {
    static KEY_CACHE: std::cell::RefCell<KeyCache> =
        std::cell::RefCell::new(rustc_hash::FxHashMap::default());
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

    #[test]
    fn non_vietnamese_words_fall_back_to_nfc_lowercase() {
        assert_eq!(key("Ça"), "ça");
        assert_eq!(key("МОСКВА"), "москва");
        assert_eq!(key("北京"), "北京");
    }
}
