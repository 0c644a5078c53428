//! Tokenizer: the caller's text → tokens, sentences and paragraphs.
//!
//! One forward pass over the bytes, no regular expressions. Tokens are
//! Vietnamese syllables (space-separated), numbers, punctuation and symbols.
//! Number-shaped text stays one token ("1.234,5", "3,4", "16/6/2023",
//! "30-4-2024", "14h30", "500k"), and so do dotted abbreviations ("TP.HCM",
//! "PGS.TS", "Q.1", "v.v.", "TP." when listed in `grammars/abbreviations.tsv`),
//! e-mail addresses and URLs.
//!
//! Sentences end at a newline, or after ". ! ? … ... …/." (with any closing
//! quotes and brackets glued to them) when the next token opens a sentence:
//! a capital letter, a digit, an opening quote or bracket, or a dash. A lone
//! list number ("1.") does not end a sentence. Paragraphs end at a blank line
//! or a tab (one-article-per-line corpora separate paragraphs with tabs).

use crate::normalize::{push_key_uncached, with_word_cache, WordCache};
use crate::span::Span;
use crate::vocab::{word_id, WordId, UNLISTED};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Serialize;
use std::ops::Range;
use std::sync::LazyLock;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// Letters: a syllable ("trưởng"), an acronym ("GRDP"), a Roman numeral ("XI").
    Word,
    /// Starts with a digit: "3,4", "1.234,5", "16/6/2023", "14h30", "500k".
    Number,
    /// Letters joined by dots: "TP.HCM", "PGS.TS", "TP.", "v.v.".
    Abbrev,
    /// Punctuation: "," "." "(" "…/." "-".
    Punct,
    /// Anything else that is not a letter or digit: "%", "$", "+", "‰".
    Symbol,
    /// An e-mail address: "banbientap@baobentre.vn".
    Email,
    /// A web address: `https://baobentre.vn/tin-tuc`.
    Url,
}

/// What separates a token from the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Gap {
    /// Nothing: the tokens touch ("3,4" and "%").
    None,
    /// Spaces on one line.
    Space,
    /// A line break.
    Newline,
    /// A blank line or a tab: a new paragraph.
    Paragraph,
}

/// One token: where it is in the original text, what kind it is, and where its
/// matching key is in [`Tokens::keys`].
///
/// ```
/// let toks = chiso::tokenizer::tokenize("Hoà Bình");
/// assert_eq!(toks.text_of(&toks.tokens[0], "Hoà Bình"), "Hoà");
/// assert_eq!(toks.key_of(&toks.tokens[0]), "hoà");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the original text.
    pub span: Span,
    /// Byte range of the matching key in [`Tokens::keys`]: the same as
    /// `span` when the key is the token's own text.
    pub key: Span,
    /// What the token is made of.
    pub kind: TokenKind,
    /// What separates it from the previous token.
    pub gap: Gap,
    /// True when the first character is an upper-case letter ("Bến", "GRDP").
    pub capitalized: bool,
    /// The id of its key among the words of the grammar files ([`crate::vocab`]).
    pub word: WordId,
}

/// A sentence: its byte span, its tokens (indices into [`Tokens::tokens`])
/// and the paragraph it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range in the original text, from its first token to its last.
    pub span: Span,
    /// Indices of its tokens.
    pub tokens: Range<usize>,
    /// 0-based paragraph number.
    pub paragraph: usize,
}

/// The tokenizer's output for one text.
#[derive(Debug, Clone, Default)]
pub struct Tokens {
    /// All tokens, in text order.
    pub tokens: Vec<Token>,
    /// The matching keys of all tokens (see [`Token::key`]): a copy of the
    /// text, where a token whose key is its own text finds it, followed by
    /// the keys that differ from their token's text.
    pub keys: String,
    /// All sentences, in text order; every token is in exactly one.
    pub sentences: Vec<Sentence>,
}

impl Tokens {
    /// The matching key of `token`.
    pub fn key_of(&self, token: &Token) -> &str {
        &self.keys[token.key.range()]
    }

    /// The original text of `token` in `text`.
    pub fn text_of<'t>(&self, token: &Token, text: &'t str) -> &'t str {
        token.span.slice(text)
    }
}

/// Dotted abbreviations (keyed, with their final dot) → may they end a
/// sentence, when written with a small letter first and with a capital
/// ("H." is Huyện, but "h." in "km/h." is not an abbreviation); and the keys
/// of the abbreviations without their dot, which a word must have to be one.
#[allow(clippy::type_complexity)]
static ABBREVIATIONS: LazyLock<(HashMap<String, [Option<bool>; 2]>, HashSet<String>)> = LazyLock::new(|| {
    let file = crate::grammar_file!("abbreviations.tsv");
    let mut map: HashMap<String, [Option<bool>; 2]> = HashMap::default();
    let mut stems = HashSet::default();
    for row in file.rows(3, 3) {
        let form = row.get(0);
        let Some(stem) = form.strip_suffix('.') else {
            file.fail(&row, "an abbreviation here must end with its dot");
        };
        let ends = match row.get(2) {
            "yes" => true,
            "no" => false,
            _ => file.fail(&row, "ends_sentence must be yes or no"),
        };
        let capital = form.chars().next().is_some_and(char::is_uppercase);
        map.entry(crate::normalize::key(form)).or_default()[capital as usize] = Some(ends);
        stems.insert(crate::normalize::key(stem));
    }
    (map, stems)
});

/// For a listed abbreviation (its key with the final dot, and whether it
/// starts with a capital): may it end a sentence? `None` when not listed.
fn abbreviation_ends_sentence(key: &str, capital: bool) -> Option<bool> {
    ABBREVIATIONS.0.get(key).and_then(|ends| ends[capital as usize])
}

/// Is `word` (keyed `key`) followed by a dot a listed abbreviation? A word
/// whose own key is no abbreviation's without its dot is none: its text with
/// the dot is keyed only when it is.
fn is_abbreviation_before_dot(word: &str, key: &str, with_dot: &str) -> bool {
    if !ABBREVIATIONS.1.contains(key) {
        return false;
    }
    let mut with_dot_key = String::new();
    push_key_uncached(with_dot, &mut with_dot_key);
    let capital = word.chars().next().is_some_and(char::is_uppercase);
    abbreviation_ends_sentence(&with_dot_key, capital).is_some()
}

/// Longest word (in bytes, without its final dot) looked up in the abbreviation list.
const MAX_ABBREVIATION_BYTES: usize = 12;

/// Splits `text` into tokens and sentences.
///
/// ```
/// let text = "Tăng trưởng GRDP ước đạt 3,4%. TP.HCM dẫn đầu.";
/// let toks = chiso::tokenizer::tokenize(text);
/// let words: Vec<&str> = toks.tokens.iter().map(|t| t.span.slice(text)).collect();
/// assert_eq!(words[5..8], ["3,4", "%", "."]);
/// assert_eq!(words[8], "TP.HCM");
/// assert_eq!(toks.sentences.len(), 2);
/// ```
pub fn tokenize(text: &str) -> Tokens {
    // The keys start as the text itself: a token whose key is its own text
    // (most are) points at its own bytes, and only the others are appended.
    let mut keys = String::with_capacity(text.len() + text.len() / 8 + 16);
    keys.push_str(text);
    let mut out = Tokens {
        tokens: Vec::with_capacity(text.len() / 4 + 1),
        keys,
        sentences: Vec::new(),
    };
    let mut breaks = Vec::new();
    with_word_cache(|cache| {
        Scanner {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            next_at: next_at(text, 0),
            out: &mut out,
            breaks: &mut breaks,
            cache,
        }
        .run()
    });
    split_sentences(text, &mut out, &breaks);
    out
}

/// The first "@" at or after `from`, and where the run of non-space
/// characters that holds it starts: an e-mail address can only start there.
/// `(usize::MAX, usize::MAX)` when there is none. Each call searches only
/// from `from` to the "@", and the scanner asks again only once past it, so
/// the text is searched once in all.
#[cold]
fn next_at(text: &str, from: usize) -> (usize, usize) {
    match memchr::memchr(b'@', &text.as_bytes()[from..]) {
        Some(i) => {
            let at = from + i;
            let run = text[from..at].trim_end_matches(|c: char| !c.is_whitespace()).len();
            (at, from + run)
        }
        None => (usize::MAX, usize::MAX),
    }
}

struct Scanner<'a, 'o> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    /// The next "@" and where its run of non-space characters starts
    /// ([`next_at`]), kept until the scan passes it.
    next_at: (usize, usize),
    out: &'o mut Tokens,
    /// The tokens at which a sentence may end or a line break: those after a
    /// line break, punctuation and abbreviations (see [`split_sentences`]).
    breaks: &'o mut Vec<usize>,
    /// Each distinct word's key, word id and capital, computed once.
    cache: &'o mut WordCache,
}

fn char_at(text: &str, pos: usize) -> Option<char> {
    text[pos..].chars().next()
}

/// The length of the UTF-8 sequence that starts with byte `b`.
fn utf8_len(b: u8) -> usize {
    match b {
        0..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF)
}

/// Letters, digits and combining marks; the Latin blocks Vietnamese uses are
/// checked first, without Unicode table look-ups.
fn is_word_char(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric(),
        0xD7 | 0xF7 => false,
        0xC0..=0x24F | 0x1E00..=0x1EFF => true,
        0x2000..=0x206F => false, // general punctuation: “ ” – — …
        _ => is_combining(c) || c.is_alphanumeric(),
    }
}

/// Punctuation that can end a sentence, alone or in a run ("…/.", "?!").
fn is_terminal_char(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_punct_char(c: char) -> bool {
    matches!(
        c,
        ',' | ';'
            | ':'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '"'
            | '\''
            | '“'
            | '”'
            | '‘'
            | '’'
            | '«'
            | '»'
            | '-'
            | '–'
            | '—'
            | '/'
            | '\\'
            | '·'
            | '•'
            | '‹'
            | '›'
            | '„'
    ) || is_terminal_char(c)
}

impl Scanner<'_, '_> {
    fn run(&mut self) {
        let bytes = self.bytes;
        let mut gap = Gap::None;
        let mut pos = 0;
        while pos < bytes.len() {
            let b = bytes[pos];
            let space = match b {
                b' ' | b'\r' => Gap::Space,
                b'\n' if gap >= Gap::Newline => Gap::Paragraph,
                b'\n' => Gap::Newline,
                b'\t' | b'\x0b' | b'\x0c' => Gap::Paragraph,
                _ if b < 0x80 => Gap::None,
                _ => match char_at(self.text, pos).expect("char boundary") {
                    '\u{2028}' | '\u{2029}' => Gap::Paragraph,
                    c if c.is_whitespace() => Gap::Space,
                    _ => Gap::None,
                },
            };
            if space != Gap::None {
                pos += utf8_len(b);
                // A newline after a newline is a blank line; spaces keep the larger gap.
                gap = if b == b'\n' { space } else { gap.max(space) };
                continue;
            }
            if gap == Gap::None && self.out.tokens.is_empty() {
                gap = Gap::Paragraph; // the first token opens a paragraph
            }
            self.pos = pos;
            let kind = self.scan_token(b);
            self.push(pos, kind, gap);
            pos = self.pos;
            gap = Gap::None;
        }
    }

    fn push(&mut self, start: usize, kind: TokenKind, gap: Gap) {
        let span = Span::new(start, self.pos);
        let key_start = self.out.keys.len();
        let (word, capitalized, own_text) = match kind {
            TokenKind::Word | TokenKind::Abbrev => {
                let (facts, same) = self
                    .cache
                    .push_key_if_other(self.text, span.range(), &mut self.out.keys);
                (facts.id, facts.capitalized, same)
            }
            // Numbers, punctuation, symbols, addresses: the text itself, ASCII lower-cased ("500K" → "500k").
            _ => {
                let slice = span.slice(self.text);
                let own_text = !slice.bytes().any(|b| b.is_ascii_uppercase());
                if !own_text {
                    self.out.keys.push_str(slice);
                    self.out.keys[key_start..].make_ascii_lowercase();
                }
                let word = match kind {
                    // The vocabulary has no key starting with a digit (see `vocab`).
                    TokenKind::Number => UNLISTED,
                    _ if own_text => word_id(slice),
                    _ => word_id(&self.out.keys[key_start..]),
                };
                let first = self.bytes[start];
                let capitalized = if first.is_ascii() {
                    first.is_ascii_uppercase()
                } else {
                    slice.chars().next().is_some_and(char::is_uppercase)
                };
                (word, capitalized, own_text)
            }
        };
        let key = if own_text {
            span
        } else {
            Span::new(key_start, self.out.keys.len())
        };
        if gap >= Gap::Newline || matches!(kind, TokenKind::Punct | TokenKind::Abbrev) {
            self.breaks.push(self.out.tokens.len());
        }
        self.out.tokens.push(Token {
            span,
            key,
            kind,
            gap,
            capitalized,
            word,
        });
    }

    fn peek(&self) -> Option<char> {
        match self.bytes.get(self.pos) {
            None => None,
            Some(&b) if b < 0x80 => Some(b as char),
            Some(_) => char_at(self.text, self.pos),
        }
    }

    fn peek_after(&self, c: char) -> Option<char> {
        let at = self.pos + c.len_utf8();
        if at >= self.bytes.len() {
            None
        } else {
            char_at(self.text, at)
        }
    }

    fn eat_while(&mut self, pred: impl Fn(char) -> bool) {
        while let Some(c) = self.peek() {
            if !pred(c) {
                break;
            }
            self.pos += c.len_utf8();
        }
    }

    /// `eat_while(is_word_char)`, deciding the letters Vietnamese uses on
    /// their bytes: ASCII, U+00C0–U+024F (two bytes, without × and ÷),
    /// combining marks U+0300–U+036F and U+1E00–U+1EFF (three bytes).
    #[inline(always)]
    fn eat_word_chars(&mut self) {
        let bytes = self.bytes;
        let mut pos = self.pos;
        while let Some(&b) = bytes.get(pos) {
            // Branches, not a table of steps: each step is a constant, so the
            // processor reads ahead instead of waiting for a table load.
            if b < 0x80 {
                if !b.is_ascii_alphanumeric() {
                    break;
                }
                pos += 1;
                continue;
            }
            if matches!(b, 0xC4..=0xC8 | 0xCC) {
                pos += 2;
                continue;
            }
            let next = bytes.get(pos + 1).copied().unwrap_or(0);
            match b {
                0xC3 if next == 0x97 || next == 0xB7 => break,     // × ÷
                0xC3 => pos += 2,                                  // U+00C0–U+00FF
                0xC9 if next < 0x90 => pos += 2,                   // U+0240–U+024F
                0xCD if next < 0xB0 => pos += 2,                   // U+0340–U+036F
                0xE1 if (0xB8..=0xBB).contains(&next) => pos += 3, // U+1E00–U+1EFF
                _ => {
                    let c = char_at(self.text, pos).expect("char boundary");
                    if !is_word_char(c) {
                        break;
                    }
                    pos += c.len_utf8();
                }
            }
        }
        self.pos = pos;
    }

    /// Scans one token starting at `self.pos` (whose first byte is `b`, not a
    /// space) and says what it is.
    fn scan_token(&mut self, b: u8) -> TokenKind {
        // ASCII letters and digits first: most tokens start with one.
        if b.is_ascii_alphanumeric() {
            if self.may_be_address(b) {
                if let Some(kind) = self.scan_address() {
                    return kind;
                }
            }
            return if b.is_ascii_digit() {
                self.scan_number();
                TokenKind::Number
            } else {
                self.scan_word()
            };
        }
        let c = self.peek().expect("a token starts here");
        let word_char = is_word_char(c);
        if word_char && self.may_be_address(b) {
            if let Some(kind) = self.scan_address() {
                return kind;
            }
        }
        // The Latin letters Vietnamese writes with are no digits: only other
        // letters need the Unicode table ("½", "٣").
        let latin = matches!(c as u32, 0xC0..=0x24F | 0x1E00..=0x1EFF);
        if word_char && !c.is_ascii() && !latin && c.is_numeric() {
            self.scan_number();
            TokenKind::Number
        } else if word_char && !is_combining(c) {
            self.scan_word()
        } else if is_terminal_char(c) {
            self.scan_terminal_run();
            TokenKind::Punct
        } else if is_punct_char(c) {
            self.pos += c.len_utf8();
            TokenKind::Punct
        } else {
            self.pos += c.len_utf8();
            self.eat_while(is_combining);
            TokenKind::Symbol
        }
    }

    /// Can an address start here, at first byte `b`? Only "ht…" and "ww…"
    /// start URLs; an e-mail address needs an "@" before the next space.
    #[inline(always)]
    fn may_be_address(&mut self, b: u8) -> bool {
        let next = self.bytes.get(self.pos + 1).map_or(0, |n| n | 0x20);
        matches!((b | 0x20, next), (b'h', b't') | (b'w', b'w')) || self.may_be_email()
    }

    /// Is there an "@" between here and the next space?
    #[inline(always)]
    fn may_be_email(&mut self) -> bool {
        if self.pos > self.next_at.0 {
            self.next_at = next_at(self.text, self.pos);
        }
        self.pos >= self.next_at.1
    }

    /// A URL ("https://…", "www.…") or, when an "@" comes before the next
    /// space, an e-mail address, up to the next space, without trailing
    /// punctuation.
    fn scan_address(&mut self) -> Option<TokenKind> {
        let head = &self.bytes[self.pos..];
        let rest = &self.text[self.pos..];
        let url = head.len() > 8
            && (head[..8].eq_ignore_ascii_case(b"https://")
                || head[..7].eq_ignore_ascii_case(b"http://")
                || head[..4].eq_ignore_ascii_case(b"www."));
        if !url && !self.may_be_email() {
            return None;
        }
        let chunk_len = rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len());
        let chunk = rest[..chunk_len].trim_end_matches(|c: char| {
            matches!(
                c,
                '.' | ',' | ';' | ':' | '!' | '?' | ')' | '"' | '\'' | '”' | '’' | '»'
            )
        });
        if url {
            self.pos += chunk.len();
            return Some(TokenKind::Url);
        }
        let email_char = |c: char| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '+');
        let local_len = chunk.find(|c: char| !email_char(c)).unwrap_or(chunk.len());
        let after = &chunk[local_len..];
        if let Some(domain) = after.strip_prefix('@') {
            let domain_len = domain.find(|c: char| !email_char(c)).unwrap_or(domain.len());
            let domain = domain[..domain_len].trim_end_matches(['.', '-']);
            if local_len > 0 && domain.contains('.') && !domain.starts_with('.') {
                self.pos += local_len + 1 + domain.len();
                return Some(TokenKind::Email);
            }
        }
        None
    }

    /// Digits with inner separators (". , / : -") followed by a digit, and any
    /// letters glued on ("14h30", "500k", "20km2").
    fn scan_number(&mut self) {
        loop {
            self.eat_word_chars();
            match self.peek() {
                Some(sep @ ('.' | ',' | '/' | ':' | '-'))
                    if self.peek_after(sep).is_some_and(|c| c.is_ascii_digit()) =>
                {
                    self.pos += 1;
                }
                _ => break,
            }
        }
    }

    /// Letters; "X.Y" dotted groups join ("TP.HCM", "PGS.TS", "Q.1", "v.v"),
    /// a listed abbreviation keeps its final dot ("TP.", "v.v."), an
    /// apostrophe between letters stays inside ("H'Mông") and a hyphen before
    /// digits joins them ("COVID-19").
    fn scan_word(&mut self) -> TokenKind {
        let start = self.pos;
        let mut dotted = false;
        loop {
            self.eat_word_chars();
            // What may go on after the letters: most words end at a space.
            let q = match self.bytes.get(self.pos) {
                Some(b'.' | b'\'' | b'-') => self.bytes[self.pos] as char,
                Some(0xE2) if self.text[self.pos..].starts_with('’') => '’',
                _ => break,
            };
            match q {
                '.' if self.peek_after('.').is_some_and(char::is_alphanumeric) => {
                    self.pos += 1;
                    dotted = true;
                }
                '\'' | '’' if self.peek_after(q).is_some_and(char::is_alphabetic) && self.pos - start <= 2 => {
                    self.pos += q.len_utf8();
                }
                '-' if !dotted && self.peek_after('-').is_some_and(|c| c.is_ascii_digit()) => {
                    self.pos += 1;
                }
                _ => break,
            }
        }
        // Listed abbreviations are short: look only when the word is.
        if self.bytes.get(self.pos) == Some(&b'.') && self.pos - start <= MAX_ABBREVIATION_BYTES {
            let text = self.text;
            let with_dot = &text[start..self.pos + 1];
            let listed = self.cache.abbreviation(text, start..self.pos, |word, key| {
                is_abbreviation_before_dot(word, key, with_dot)
            });
            if listed {
                self.pos += 1;
                return TokenKind::Abbrev;
            }
        }
        if dotted {
            TokenKind::Abbrev
        } else {
            TokenKind::Word
        }
    }

    /// ". ! ? …" runs, and the news sign-off "…/." or "./.".
    fn scan_terminal_run(&mut self) {
        loop {
            self.eat_while(is_terminal_char);
            if self.peek() == Some('/') && self.peek_after('/').is_some_and(is_terminal_char) {
                self.pos += 1;
            } else {
                break;
            }
        }
    }
}

/// True for a token that can close a sentence.
fn is_terminal(token: &Token, text: &str, keys: &str) -> bool {
    match token.kind {
        TokenKind::Punct => token.span.slice(text).chars().next().is_some_and(is_terminal_char),
        TokenKind::Abbrev => abbreviation_ends_sentence(&keys[token.key.range()], token.capitalized).unwrap_or(false),
        _ => false,
    }
}

fn is_closing(token: &Token, text: &str) -> bool {
    token.kind == TokenKind::Punct && matches!(token.span.slice(text), "\"" | "'" | "”" | "’" | "»" | ")" | "]")
}

/// Can this token open a sentence?
fn opens_sentence(token: &Token, text: &str) -> bool {
    match token.kind {
        TokenKind::Number => true,
        TokenKind::Punct => matches!(
            token.span.slice(text),
            "\"" | "“" | "'" | "‘" | "«" | "(" | "[" | "-" | "–" | "—"
        ),
        _ => token.capitalized,
    }
}

/// Cuts the tokens into sentences. Only the tokens in `breaks` (every token
/// after a line break or that can close a sentence, in order) can start or
/// end one, so only they are looked at.
fn split_sentences(text: &str, out: &mut Tokens, breaks: &[usize]) {
    let tokens = &out.tokens;
    let mut sentences = Vec::new();
    let mut paragraph = 0usize;
    let mut start = 0usize;
    let close = |sentences: &mut Vec<Sentence>, from: usize, to: usize, paragraph: usize| {
        if from < to {
            sentences.push(Sentence {
                span: Span::new(tokens[from].span.start, tokens[to - 1].span.end),
                tokens: from..to,
                paragraph,
            });
        }
    };
    // Tokens before `next` were read with the closing marks of a sentence end.
    let mut next = 0;
    for &i in breaks {
        if i < next {
            continue;
        }
        let token = &tokens[i];
        if i > start && token.gap >= Gap::Newline {
            close(&mut sentences, start, i, paragraph);
            start = i;
        }
        if token.gap == Gap::Paragraph && i > 0 {
            paragraph += 1;
        }
        if is_terminal(token, text, &out.keys) {
            let mut end = i + 1;
            while end < tokens.len() && tokens[end].gap == Gap::None && is_closing(&tokens[end], text) {
                end += 1;
            }
            let lone_list_number = i == start + 1 && tokens[start].kind == TokenKind::Number;
            let next_opens = match tokens.get(end) {
                None => true,
                Some(next) => next.gap >= Gap::Newline || (next.gap == Gap::Space && opens_sentence(next, text)),
            };
            if next_opens && !lone_list_number {
                close(&mut sentences, start, end, paragraph);
                start = end;
            }
            next = end;
        }
    }
    close(&mut sentences, start, tokens.len(), paragraph);
    out.sentences = sentences;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).tokens.iter().map(|t| t.span.slice(text)).collect()
    }

    fn sentences(text: &str) -> Vec<&str> {
        tokenize(text).sentences.iter().map(|s| s.span.slice(text)).collect()
    }

    #[test]
    fn numbers_stay_one_token() {
        for n in [
            "1.234,5",
            "3,4",
            "16/6/2023",
            "30-4-2024",
            "14h30",
            "14:30",
            "2023-06-16",
            "500k",
            "3tr",
            "1.700.988",
            "2021-2025",
        ] {
            assert_eq!(words(&format!("đạt {n} nhé")), ["đạt", n, "nhé"], "{n}");
        }
        assert_eq!(words("3,4%."), ["3,4", "%", "."]);
        assert_eq!(words("năm 2023."), ["năm", "2023", "."]);
        assert_eq!(words("quý I/2024"), ["quý", "I", "/", "2024"]);
    }

    #[test]
    fn abbreviations_stay_one_token() {
        assert_eq!(
            words("TP.HCM và TP. Hồ Chí Minh"),
            ["TP.HCM", "và", "TP.", "Hồ", "Chí", "Minh"]
        );
        assert_eq!(
            words("PGS.TS Nguyễn, Q.1, v.v. Tiếp"),
            ["PGS.TS", "Nguyễn", ",", "Q.1", ",", "v.v.", "Tiếp"]
        );
        assert_eq!(words("GS. Trần"), ["GS.", "Trần"]);
        assert_eq!(
            words("H. Củ Chi, 90 km/h."),
            ["H.", "Củ", "Chi", ",", "90", "km", "/", "h", "."]
        );
        assert_eq!(words("dịch COVID-19"), ["dịch", "COVID-19"]);
        assert_eq!(words("người H'Mông"), ["người", "H'Mông"]);
    }

    #[test]
    fn addresses_stay_one_token() {
        let text = "Liên hệ: toasoan@baobentre.vn hoặc https://baobentre.vn/tin-tuc.";
        assert_eq!(
            words(text),
            [
                "Liên",
                "hệ",
                ":",
                "toasoan@baobentre.vn",
                "hoặc",
                "https://baobentre.vn/tin-tuc",
                "."
            ]
        );
        let toks = tokenize(text);
        assert_eq!(toks.tokens[3].kind, TokenKind::Email);
        assert_eq!(toks.tokens[5].kind, TokenKind::Url);
    }

    #[test]
    fn sentence_splitting() {
        assert_eq!(
            sentences("GRDP tăng 3,4%. TP.HCM tăng 5,8%. Tiếp theo…/."),
            ["GRDP tăng 3,4%.", "TP.HCM tăng 5,8%.", "Tiếp theo…/."]
        );
        assert_eq!(
            sentences("Ông nói: \"Tốt lắm.\" Sau đó về."),
            ["Ông nói: \"Tốt lắm.\"", "Sau đó về."]
        );
        assert_eq!(
            sentences("các sở ngành… và địa phương."),
            ["các sở ngành… và địa phương."]
        );
        assert_eq!(sentences("1. Nội dung chính"), ["1. Nội dung chính"]);
        assert_eq!(sentences("Tiêu đề\nNội dung"), ["Tiêu đề", "Nội dung"]);
        assert_eq!(
            sentences("Năm 2023. 6 tháng đầu năm tăng."),
            ["Năm 2023.", "6 tháng đầu năm tăng."]
        );
        assert_eq!(
            sentences("Kết quả tốt, v.v. Ngoài ra"),
            ["Kết quả tốt, v.v.", "Ngoài ra"]
        );
    }

    #[test]
    fn paragraphs_at_blank_lines_and_tabs() {
        let toks = tokenize("Một.\nHai.\n\nBa.\tBốn.");
        let paragraphs: Vec<usize> = toks.sentences.iter().map(|s| s.paragraph).collect();
        assert_eq!(paragraphs, [0, 0, 1, 2]);
    }

    #[test]
    fn word_chars_decided_on_bytes_match_is_word_char() {
        let mut out = Tokens::default();
        for c in (0..0x3000u32).chain(0xFE00..0x10500).filter_map(char::from_u32) {
            let text = format!("{c}{c}");
            let mut cache = WordCache::new(4);
            let mut scanner = Scanner {
                text: &text,
                bytes: text.as_bytes(),
                pos: 0,
                next_at: next_at(&text, 0),
                out: &mut out,
                breaks: &mut Vec::new(),
                cache: &mut cache,
            };
            scanner.eat_word_chars();
            let expected = if is_word_char(c) { text.len() } else { 0 };
            assert_eq!(scanner.pos, expected, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn keys_and_capitals() {
        let text = "Ủy ban hoà giải";
        let toks = tokenize(text);
        assert_eq!(toks.key_of(&toks.tokens[0]), "uỷ");
        assert!(toks.tokens[0].capitalized);
        assert!(!toks.tokens[1].capitalized);
        assert_eq!(toks.key_of(&toks.tokens[2]), "hoà");
    }
}
