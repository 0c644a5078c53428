//! The temporal vocabulary of `grammars/temporal.tsv`, parsed once.

use crate::normalize::phrase_key;
use crate::phrases::PhraseTable;
use crate::vocab::{WordId, WordSet};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

/// A part of the day: its TIMEX code and which clock hours move to the afternoon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pod {
    /// "MO", "MI", "AF", "EV", "NI".
    pub code: &'static str,
    /// Hours `pm.0..=pm.1` get +12 ("2 giờ chiều" = 14:00); (0, 0) for none.
    pub pm: (u32, u32),
}

/// A month or weekday name entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Name {
    /// 1–12 for months, 1–7 for weekdays.
    pub value: u32,
    /// A month name that counts only when capitalized / a weekday name that stands alone.
    pub flag: bool,
}

/// Phrases (keys of their syllables joined by one space) with values. A
/// look-up at a token reads word ids ([`PhraseTable`]): one array index for
/// a token that starts no phrase, no key built. Reads as a map from the
/// joined keys.
#[derive(Debug)]
pub struct Phrases<V> {
    map: HashMap<String, V>,
    table: PhraseTable<V>,
}

impl<V> Default for Phrases<V> {
    fn default() -> Self {
        Phrases {
            map: HashMap::default(),
            table: PhraseTable::default(),
        }
    }
}

impl<V> std::ops::Deref for Phrases<V> {
    type Target = HashMap<String, V>;
    fn deref(&self) -> &Self::Target {
        &self.map
    }
}

impl<V: Copy> Phrases<V> {
    /// Adds `phrase` (a [`phrase_key`]); false when it was there already.
    pub fn insert(&mut self, phrase: String, value: V) -> bool {
        if self.map.contains_key(&phrase) {
            return false;
        }
        self.table.push(phrase.split(' ').map(str::to_owned).collect(), value);
        self.map.insert(phrase, value);
        true
    }
}

impl<V> Phrases<V> {
    /// The longest phrase at the start of `key_at` (the word id and key of
    /// the `i`-th token, `None` past the end): its length in tokens and value.
    pub fn longest<'k>(&self, key_at: impl Fn(usize) -> Option<(WordId, &'k str)>) -> Option<(usize, &V)> {
        self.table.longest(key_at, |_| true)
    }

    /// Is `words` (word ids and keys) exactly one of the phrases?
    pub fn has(&self, words: &[(WordId, &str)]) -> bool {
        self.longest(|i| words.get(i).copied())
            .is_some_and(|(n, _)| n == words.len())
    }

    /// The first syllable of every phrase.
    pub fn first_words(&self) -> impl Iterator<Item = &str> {
        self.map.keys().map(|k| k.split(' ').next().unwrap_or(k))
    }
}

/// All temporal lookups, keyed by [`crate::normalize::phrase_key`] (one or two syllables).
#[derive(Debug, Default)]
pub struct Data {
    /// Month names after "tháng".
    pub months: Phrases<Name>,
    /// Weekday names after "thứ" (or alone).
    pub weekdays: Phrases<Name>,
    /// "mồng", "mùng".
    pub day_prefix: Phrases<()>,
    /// Parts of the day.
    pub pods: Phrases<Pod>,
    /// "hôm nay" → 0.
    pub relday: Phrases<i32>,
    /// "nay" after a part of the day → 0.
    pub podrel: Phrases<i32>,
    /// "ngoái" after "năm" → -1.
    pub rel: Phrases<i32>,
    /// Duration units → ISO designator.
    pub units: Phrases<&'static str>,
    /// đầu/giữa/cuối → 0/1/2.
    pub parts: Phrases<u8>,
    /// "giai đoạn", "nhiệm kỳ", …
    pub span_intro: Phrases<()>,
    /// "qua", "làm việc", … after a duration.
    pub tail: Phrases<()>,
    /// Adjectives before "hơn" that make it a comparison, not a bound ("sớm hơn 5 tháng").
    pub comparative: WordSet,
    /// Words that put a figure after them and so end a name before a bare year ("ở mức 1950").
    pub figure_before: HashSet<String>,
    /// Words after "một ngày" that make "một" an article ("một ngày nào đó").
    pub article_next: WordSet,
    /// Number words that may start a spelled count before a unit ("hai ngày", "mười năm").
    pub count_words: WordSet,
    /// Approximation and bound words before a duration ("khoảng 5 ngày").
    pub approx: Phrases<()>,
    /// Words before "N tháng" that make it a length, not months 1…N ("sớm 5 tháng").
    pub length_before: WordSet,
    /// Words after "N tháng" that make it months 1…N of a report ("9 tháng đạt").
    pub period_next: Phrases<()>,
    /// Words before "tháng trước" that make it a comparison base, not a date ("so với tháng trước").
    pub base_before: WordSet,
    /// Words before a bare "d/m" that make it a fraction.
    pub not_after: WordSet,
    /// Words after a bare "d/m" that make it a fraction.
    pub not_before: WordSet,
    /// "tính chung", "luỹ kế" before "10 tháng".
    pub stats_intro: Phrases<()>,
    /// "lúc", "vào" before "5 giờ".
    pub time_intro: WordSet,
    /// "nay", "hiện nay" after "đến".
    pub to_now: Phrases<()>,
    /// "đến", "tới", "-" between the ends of a range.
    pub range_to: Phrases<()>,
    /// Heavenly stems: "giáp" → 0 … "quý" → 9.
    pub stems: Phrases<u32>,
    /// Earthly branches: "tý" → 0 … "hợi" → 11.
    pub branches: Phrases<u32>,
    /// Bare number forms that are not dates ("24/7").
    pub not_date: WordSet,
    /// Nouns before "thứ" that make it an ordinal ("lần thứ hai").
    pub ordinal_before: WordSet,
    /// "Tết", "âm lịch" after a day or month: a lunar date.
    pub lunar_after: Phrases<()>,
    /// `figure_before`, `not_after` and `period_next` together: lower-case
    /// words that end a name before a bare year.
    pub name_enders: WordSet,
}

fn leak(s: &str) -> &'static str {
    match s {
        "MO" => "MO",
        "MI" => "MI",
        "AF" => "AF",
        "EV" => "EV",
        "NI" => "NI",
        "Y" => "Y",
        "M" => "M",
        "W" => "W",
        "D" => "D",
        "H" => "H",
        "MIN" => "MIN",
        "S" => "S",
        _ => "",
    }
}

/// Adds `key` to `set`; false when it was there already.
fn fresh_word(set: &mut WordSet, key: &str) -> bool {
    let fresh = !set.contains_key(key);
    set.insert(key);
    fresh
}

/// The parsed `grammars/temporal.tsv`.
pub static DATA: LazyLock<Data> = LazyLock::new(|| {
    let file = crate::grammar_file!("temporal.tsv");
    let mut d = Data::default();
    for row in file.rows(3, 4) {
        let (kind, phrase, value, extra) = (row.get(0), row.get(1), row.get(2), row.get(3));
        let k = phrase_key(phrase);
        let int = || -> i32 {
            value
                .parse()
                .unwrap_or_else(|_| file.fail(&row, "value must be an integer"))
        };
        if matches!(kind, "figure_before" | "not_after" | "period_next") {
            d.name_enders.insert(&k);
        }
        let fresh = match kind {
            "month" | "weekday" => {
                let v = int();
                let range = if kind == "month" { 1..=12 } else { 1..=7 };
                if !range.contains(&v) {
                    file.fail(&row, "month 1–12, weekday 1–7");
                }
                let flag = match extra {
                    "" => false,
                    "cap" if kind == "month" => true,
                    "alone" if kind == "weekday" => true,
                    _ => file.fail(&row, "extra must be cap (month) or alone (weekday)"),
                };
                let map = if kind == "month" {
                    &mut d.months
                } else {
                    &mut d.weekdays
                };
                map.insert(k, Name { value: v as u32, flag })
            }
            "pod" => {
                let code = leak(value);
                if code.is_empty() {
                    file.fail(&row, "pod code must be MO, MI, AF, EV or NI");
                }
                let pm = match extra.split_once('-') {
                    None if extra.is_empty() => (0, 0),
                    Some((a, b)) => match (a.parse(), b.parse()) {
                        (Ok(a), Ok(b)) if a <= b && b <= 12 => (a, b),
                        _ => file.fail(&row, "pm hours must be a-b within 0–12"),
                    },
                    None => file.fail(&row, "pm hours must be a-b"),
                };
                d.pods.insert(k, Pod { code, pm })
            }
            "relday" => d.relday.insert(k, int()),
            "stem" | "branch" => {
                let v = int();
                let (map, n) = if kind == "stem" {
                    (&mut d.stems, 10)
                } else {
                    (&mut d.branches, 12)
                };
                if !(0..n).contains(&v) {
                    file.fail(&row, "stem 0–9, branch 0–11");
                }
                map.insert(k, v as u32)
            }
            "podrel" => d.podrel.insert(k, int()),
            "rel" => d.rel.insert(k, int()),
            "unit" => {
                let u = leak(value);
                if !matches!(u, "Y" | "M" | "W" | "D" | "H" | "MIN" | "S") {
                    file.fail(&row, "unit must be Y, M, W, D, H, MIN or S");
                }
                d.units.insert(k, u)
            }
            "part" => {
                let p = match value {
                    "early" => 0,
                    "mid" => 1,
                    "late" => 2,
                    _ => file.fail(&row, "part must be early, mid or late"),
                };
                d.parts.insert(k, p)
            }
            "day_prefix" => d.day_prefix.insert(k, ()),
            "span_intro" => d.span_intro.insert(k, ()),
            "tail" => d.tail.insert(k, ()),
            "approx" => d.approx.insert(k, ()),
            "article_next" => fresh_word(&mut d.article_next, &k),
            "figure_before" => d.figure_before.insert(k),
            "comparative" => fresh_word(&mut d.comparative, &k),
            "count_word" => fresh_word(&mut d.count_words, &k),
            "length_before" => fresh_word(&mut d.length_before, &k),
            "period_next" => d.period_next.insert(k, ()),
            "base_before" => fresh_word(&mut d.base_before, &k),
            "not_after" => fresh_word(&mut d.not_after, &k),
            "not_before" => fresh_word(&mut d.not_before, &k),
            "stats_intro" => d.stats_intro.insert(k, ()),
            "time_intro" => fresh_word(&mut d.time_intro, &k),
            "to_now" => d.to_now.insert(k, ()),
            "range_to" => d.range_to.insert(k, ()),
            "lunar_after" => d.lunar_after.insert(k, ()),
            "ordinal_before" => fresh_word(&mut d.ordinal_before, &k),
            "not_date" => fresh_word(&mut d.not_date, &k),
            _ => file.fail(&row, "unknown kind"),
        };
        if !fresh {
            file.fail(&row, "duplicate entry");
        }
    }
    d
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporal_grammar_loads() {
        let d = &*DATA;
        assert_eq!(d.months["mười một"].value, 11);
        assert!(!d.months["giêng"].flag);
        assert!(d.months["năm"].flag);
        assert!(!d.months["tư"].flag);
        assert_eq!(d.weekdays["chủ nhật"].value, 7);
        assert_eq!(d.pods["chiều"].pm, (1, 11));
        assert_eq!(d.relday["hôm qua"], -1);
        assert_eq!(d.rel["ngoái"], -1);
        assert_eq!(d.units["tháng"], "M");
        assert_eq!(d.parts["cuối"], 2);
        assert!(d.span_intro.contains_key("giai đoạn"));
        assert!(d.not_before.contains_key("số"));
        assert_eq!((d.stems["giáp"], d.branches["thìn"]), (0, 4));
        assert_eq!(d.stems.len(), 10);
        assert_eq!(d.branches.len(), 14);
        assert!(d.count_words.contains_key("mười") && d.approx.contains_key("không quá"));
        assert!(d.length_before.contains_key("sớm") && d.period_next.contains_key("ước đạt"));
        assert!(d.base_before.contains_key("kỳ") && d.comparative.contains_key("sớm"));
    }
}
