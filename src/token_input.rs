//! nom over tokens: [`Toks`], a token-slice input, and the small parsers
//! rules are written in (`key`, `key_in`, `kind`, `capitalized`, `glued`).
//!
//! nom 8 implements its `Input` trait for `&str` and `&[u8]`; [`Toks`]
//! implements it for a window of a sentence's tokens, so `alt`, `opt`,
//! `many_m_n`, `preceded`, … work token by token.
//!
//! ```
//! use chiso::token_input::{key, Toks};
//! use chiso::tokenizer::tokenize;
//! use nom::{sequence::pair, Parser};
//! let text = "Thủ tướng Chính phủ";
//! let toks = tokenize(text);
//! let input = Toks::new(text, &toks.tokens, &toks.keys);
//! let (rest, (a, b)) = pair(key("thủ"), key("tướng")).parse(input).unwrap();
//! assert_eq!((a.text(), b.text(), rest.len()), ("Thủ", "tướng", 2));
//! ```

use crate::span::Span;
use crate::tokenizer::{Gap, Token, TokenKind};
use nom::error::{ErrorKind, ParseError};
use nom::{IResult, Input, Needed};
use rustc_hash::FxHashSet as HashSet;

/// One token seen by a parser: the token, its original text and its key.
#[derive(Debug, Clone, Copy)]
pub struct Tok<'a> {
    /// The token.
    pub token: &'a Token,
    /// The whole original text (see [`Tok::text`]).
    source: &'a str,
    /// Its matching key (lower-case, NFC, canonical tone).
    pub key: &'a str,
    /// Its index among the sentence's tokens given to [`Toks::new`].
    pub index: usize,
}

impl<'a> Tok<'a> {
    /// Byte span in the original text.
    pub fn span(&self) -> Span {
        self.token.span
    }

    /// Its original text (sliced only when asked for: most rules read keys).
    pub fn text(&self) -> &'a str {
        self.token.span.slice(self.source)
    }

    /// Its word id and key, as word lists read them ([`crate::vocab`]).
    pub fn keyed(&self) -> (crate::vocab::WordId, &'a str) {
        (self.token.word, self.key)
    }

    /// True when nothing separates it from the previous token ("3,4" "%").
    pub fn glued(&self) -> bool {
        self.token.gap == Gap::None
    }
}

/// A window of tokens: the input type of token-level nom parsers.
#[derive(Debug, Clone, Copy)]
pub struct Toks<'a> {
    text: &'a str,
    keys: &'a str,
    tokens: &'a [Token],
    /// Index of `tokens[0]` among the tokens first given to [`Toks::new`].
    offset: usize,
}

impl<'a> Toks<'a> {
    /// All of `tokens` (with the text they point into and their keys buffer).
    pub fn new(text: &'a str, tokens: &'a [Token], keys: &'a str) -> Toks<'a> {
        Toks {
            text,
            keys,
            tokens,
            offset: 0,
        }
    }

    /// Number of tokens left.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// True when no token is left.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// Index of the first remaining token (counted from [`Toks::new`]).
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// The `i`-th remaining token.
    pub fn get(&self, i: usize) -> Option<Tok<'a>> {
        let token = self.tokens.get(i)?;
        Some(Tok {
            token,
            source: self.text,
            key: &self.keys[token.key.range()],
            index: self.offset + i,
        })
    }

    /// The `i`-th remaining token itself, without its key: for rules that
    /// read only its kind, gap or word id.
    #[inline]
    pub fn token(&self, i: usize) -> Option<&'a Token> {
        self.tokens.get(i)
    }

    /// The first remaining token.
    pub fn first(&self) -> Option<Tok<'a>> {
        self.get(0)
    }

    /// Tokens `start..end` of `tokens`, numbered as indices into `tokens`
    /// (so [`Tok::index`] is a document-wide token index).
    pub fn window(text: &'a str, tokens: &'a [Token], keys: &'a str, start: usize, end: usize) -> Toks<'a> {
        Toks {
            text,
            keys,
            tokens: &tokens[start..end],
            offset: start,
        }
    }

    /// The original text the tokens point into.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Byte span from the first remaining token to the first token of `rest`
    /// (what a parser consumed), or `None` when it consumed nothing.
    pub fn consumed_span(&self, rest: &Toks<'a>) -> Option<Span> {
        let n = rest.offset - self.offset;
        (n > 0).then(|| self.tokens[0].span.cover(self.tokens[n - 1].span))
    }
}

/// Iterator over the remaining tokens.
pub struct TokIter<'a> {
    toks: Toks<'a>,
    i: usize,
}

impl<'a> Iterator for TokIter<'a> {
    type Item = Tok<'a>;
    fn next(&mut self) -> Option<Tok<'a>> {
        let tok = self.toks.get(self.i)?;
        self.i += 1;
        Some(tok)
    }
}

/// Iterator over (position, token) pairs.
pub struct TokIndices<'a>(TokIter<'a>);

impl<'a> Iterator for TokIndices<'a> {
    type Item = (usize, Tok<'a>);
    fn next(&mut self) -> Option<(usize, Tok<'a>)> {
        let i = self.0.i;
        self.0.next().map(|t| (i, t))
    }
}

impl<'a> Input for Toks<'a> {
    type Item = Tok<'a>;
    type Iter = TokIter<'a>;
    type IterIndices = TokIndices<'a>;

    fn input_len(&self) -> usize {
        self.tokens.len()
    }

    fn take(&self, index: usize) -> Self {
        Toks {
            tokens: &self.tokens[..index],
            ..*self
        }
    }

    fn take_from(&self, index: usize) -> Self {
        Toks {
            tokens: &self.tokens[index..],
            offset: self.offset + index,
            ..*self
        }
    }

    fn take_split(&self, index: usize) -> (Self, Self) {
        (self.take_from(index), self.take(index))
    }

    fn position<P>(&self, predicate: P) -> Option<usize>
    where
        P: Fn(Self::Item) -> bool,
    {
        (0..self.tokens.len()).find(|&i| predicate(self.get(i).expect("in range")))
    }

    fn iter_elements(&self) -> Self::Iter {
        TokIter { toks: *self, i: 0 }
    }

    fn iter_indices(&self) -> Self::IterIndices {
        TokIndices(self.iter_elements())
    }

    fn slice_index(&self, count: usize) -> Result<usize, Needed> {
        if self.tokens.len() >= count {
            Ok(count)
        } else {
            Err(Needed::new(count - self.tokens.len()))
        }
    }
}

/// The error type of token parsers.
pub type TokError<'a> = nom::error::Error<Toks<'a>>;

/// Result of a token parser.
pub type TokResult<'a, O> = IResult<Toks<'a>, O, TokError<'a>>;

/// One token satisfying `pred`.
pub fn satisfy<'a>(pred: impl Fn(&Tok<'a>) -> bool) -> impl Fn(Toks<'a>) -> TokResult<'a, Tok<'a>> {
    move |input: Toks<'a>| match input.first() {
        Some(tok) if pred(&tok) => Ok((input.take_from(1), tok)),
        _ => Err(nom::Err::Error(TokError::from_error_kind(input, ErrorKind::Verify))),
    }
}

/// One token whose key is `k` (give `k` already keyed: lower-case, "uỷ" style).
pub fn key<'a>(k: &'static str) -> impl Fn(Toks<'a>) -> TokResult<'a, Tok<'a>> {
    satisfy(move |t| t.key == k)
}

/// One token whose key is in `set`.
pub fn key_in<'a, 's>(set: &'s HashSet<String>) -> impl Fn(Toks<'a>) -> TokResult<'a, Tok<'a>> + 's
where
    'a: 's,
{
    satisfy(move |t| set.contains(t.key))
}

/// One token of kind `kind`.
pub fn kind<'a>(kind: TokenKind) -> impl Fn(Toks<'a>) -> TokResult<'a, Tok<'a>> {
    satisfy(move |t| t.token.kind == kind)
}

/// One word token starting with an upper-case letter.
pub fn capitalized<'a>() -> impl Fn(Toks<'a>) -> TokResult<'a, Tok<'a>> {
    satisfy(|t| t.token.capitalized && matches!(t.token.kind, TokenKind::Word))
}

/// Runs `parser` only when its first token touches the previous one ("3,4" + "%").
pub fn glued<'a, O>(parser: impl Fn(Toks<'a>) -> TokResult<'a, O>) -> impl Fn(Toks<'a>) -> TokResult<'a, O> {
    move |input: Toks<'a>| match input.first() {
        Some(tok) if tok.glued() => parser(input),
        _ => Err(nom::Err::Error(TokError::from_error_kind(input, ErrorKind::Verify))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenizer::tokenize;
    use nom::{branch::alt, multi::many1, Parser};

    #[test]
    fn combinators_run_over_tokens() {
        let text = "Bí thư Tỉnh ủy Bến Tre";
        let toks = tokenize(text);
        let input = Toks::new(text, &toks.tokens, &toks.keys);
        let (rest, title) = (key("bí"), key("thư")).parse(input).unwrap();
        assert_eq!(title.1.text(), "thư");
        let (rest, org) = alt((key("tỉnh"), key("huyện"))).parse(rest).unwrap();
        assert_eq!(org.index, 2);
        let (_, caps) = many1(capitalized()).parse(rest.take_from(1)).unwrap();
        assert_eq!(caps.iter().map(|t| t.text()).collect::<Vec<_>>(), ["Bến", "Tre"]);
        assert_eq!(input.consumed_span(&rest).unwrap().slice(text), "Bí thư Tỉnh");
    }

    #[test]
    fn glued_requires_touching_tokens() {
        let text = "3,4% và 3,4 %";
        let toks = tokenize(text);
        let input = Toks::new(text, &toks.tokens, &toks.keys);
        let percent = |i| glued(key("%"))(input.take_from(i)).is_ok();
        assert!(percent(1));
        assert!(!percent(4));
    }
}
