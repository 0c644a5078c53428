//! Overlap resolution: from a sentence's candidates to its entities.
//!
//! One tie-break order, applied greedily:
//! 1. more tokens first (the longest match wins: "1.250 tỷ đồng" over "1.250");
//! 2. then the type order of [`crate::model::ENTITY_TYPES`]: official, money,
//!    percent, period, time, date, duration, quantity, ordinal, number, org,
//!    place, person (so "6 tháng" is a duration before it is a quantity);
//! 3. then the leftmost start; then the order the recognizers produced them.
//!
//! A candidate is kept when it overlaps nothing kept before, with one
//! exception: an `official` may contain `person`, `org` and `place` entities
//! (its name, organization and place), and those may sit inside an official.
//! Inside an official, its `org` may in turn contain the official's `place`
//! when that place closes the org ("Chủ tịch UBND tỉnh Cà Mau Lê Quốc Bảo":
//! org "UBND tỉnh Cà Mau", place "tỉnh Cà Mau"; corpus/GUIDELINES.md §5). Outside an official an org
//! contains nothing ("UBND tỉnh Cà Mau" alone is one org, no place: §1.7).

use crate::model::{Entity, EntityValue, ENTITY_TYPES};
use crate::recognizers::Candidate;
use crate::tokenizer::Token;

fn type_rank(value: &EntityValue) -> usize {
    let name = value.type_name();
    ENTITY_TYPES
        .iter()
        .position(|t| *t == name)
        .expect("every type is ranked")
}

/// Whether `part`, nested in `official`, may contain `inner` (one level
/// deeper): the official's org holds the official's own place when that
/// place closes the org ("Chủ tịch UBND tỉnh Cà Mau Lê Quốc Bảo": the org
/// "UBND tỉnh Cà Mau" holds "tỉnh Cà Mau"; in "Chủ tịch Ủy ban Trung ương MTTQ
/// Việt Nam Đỗ Văn Chiến" the "Việt Nam" of the org's name is no place of the
/// official, and nothing nests in the org).
fn may_nest_in_part(official: &EntityValue, part: &Candidate, inner: &Candidate) -> bool {
    let (EntityValue::Official { place: Some(own), .. }, EntityValue::Org(_), EntityValue::Place(place)) =
        (official, &part.value, &inner.value)
    else {
        return false;
    };
    own == place && part.tokens.end == inner.tokens.end
}

fn may_nest(outer: &EntityValue, inner: &EntityValue) -> bool {
    matches!(outer, EntityValue::Official { .. })
        && matches!(
            inner,
            EntityValue::Person { .. } | EntityValue::Org(_) | EntityValue::Place(_)
        )
}

/// Picks the entities of one sentence from its candidates and appends them,
/// sorted by start (a containing official before what it contains), to `out`.
///
/// ```
/// use chiso::model::{Amount, EntityValue};
/// use chiso::recognizers::Candidate;
/// use chiso::{Decimal, resolve::resolve};
/// let toks = chiso::tokenizer::tokenize("1.250 tỷ đồng");
/// let n = |r: std::ops::Range<usize>| Candidate {
///     tokens: r, value: EntityValue::Number(Amount::exact(Decimal::from_int(1))), rule: "t" };
/// let mut out = Vec::new();
/// resolve(&toks.tokens, &mut vec![n(0..1), n(0..2)], &mut out);
/// assert_eq!(out.len(), 1);
/// assert_eq!(out[0].tokens, 0..2);
/// ```
pub fn resolve(tokens: &[Token], candidates: &mut Vec<Candidate>, out: &mut Vec<Entity>) {
    Resolver::default().resolve(tokens, candidates, out);
}

/// [`resolve`] with buffers kept from one sentence to the next, so that a
/// document's sentences allocate nothing once the buffers have grown.
///
/// ```
/// let toks = chiso::tokenizer::tokenize("Năm 2023.");
/// let mut resolver = chiso::resolve::Resolver::default();
/// let mut out = Vec::new();
/// resolver.resolve(&toks.tokens, &mut Vec::new(), &mut out);
/// assert!(out.is_empty());
/// ```
#[derive(Debug, Default)]
pub struct Resolver {
    /// (fewer tokens last, type rank, start, candidate index), sorted.
    order: Vec<(std::cmp::Reverse<usize>, usize, usize, usize)>,
    outer: Vec<u32>,
    inner: Vec<u32>,
    deep: Vec<u32>,
    kept: Vec<usize>,
    parts: Vec<u32>,
}

impl Resolver {
    /// Picks the entities of one sentence from its candidates (see [`resolve`]),
    /// appends them to `out` and clears `candidates`.
    pub fn resolve(&mut self, tokens: &[Token], candidates: &mut Vec<Candidate>, out: &mut Vec<Entity>) {
        if candidates.is_empty() {
            return;
        }
        self.order.clear();
        self.order.extend(candidates.iter().enumerate().map(|(i, c)| {
            (
                std::cmp::Reverse(c.tokens.len()),
                type_rank(&c.value),
                c.tokens.start,
                i,
            )
        }));
        self.order.sort_unstable();
        let lo = candidates.iter().map(|c| c.tokens.start).min().unwrap_or(0);
        let hi = candidates.iter().map(|c| c.tokens.end).max().unwrap_or(0);
        // Which kept entity (index into `kept`) covers each token, in three layers:
        // `outer` for ordinary entities and officials, `inner` for the parts nested
        // in an official, `deep` for a place inside such a nested org. Checking a
        // candidate costs its length: no quadratic work.
        for layer in [&mut self.outer, &mut self.inner, &mut self.deep] {
            layer.clear();
            layer.resize(hi - lo, NONE);
        }
        let kept = &mut self.kept;
        kept.clear();
        for &(.., i) in &self.order {
            let c = &candidates[i];
            if c.tokens.is_empty() {
                continue;
            }
            let range = c.tokens.start - lo..c.tokens.end - lo;
            let layers = Layers {
                outer: &self.outer,
                inner: &self.inner,
                deep: &self.deep,
            };
            if let Some(nested) = fits_inside_official(c, &range, &layers, kept, candidates) {
                match nested {
                    Nested::Inner => self.inner[range].fill(kept.len() as u32),
                    Nested::Deep => self.deep[range].fill(kept.len() as u32),
                }
            } else if fits_outside(c, &range, &layers, kept, candidates, &mut self.parts) {
                for &p in &self.parts {
                    // A part kept before its official moves to the inner layer.
                    let r = candidates[kept[p as usize]].tokens.clone();
                    self.inner[r.start - lo..r.end - lo].fill(p);
                }
                self.outer[range].fill(kept.len() as u32);
            } else {
                continue;
            }
            kept.push(i);
        }
        let first = out.len();
        out.extend(kept.iter().map(|&i| {
            let c = &mut candidates[i];
            Entity {
                span: tokens[c.tokens.start].span.cover(tokens[c.tokens.end - 1].span),
                tokens: c.tokens.clone(),
                // Moved out: the candidates are cleared below.
                value: std::mem::replace(&mut c.value, EntityValue::Place(String::new())),
                rule: c.rule,
            }
        }));
        out[first..].sort_by_key(|e| (e.span.start, std::cmp::Reverse(e.span.end)));
        candidates.clear();
    }
}

const NONE: u32 = u32::MAX;

/// The coverage layers of the kept entities (see [`resolve`]).
struct Layers<'l> {
    outer: &'l [u32],
    inner: &'l [u32],
    deep: &'l [u32],
}

/// Where a candidate nests inside an official.
enum Nested {
    /// Directly in the official (its person, org or place).
    Inner,
    /// Inside the official's nested org (the org's place).
    Deep,
}

/// A nestable candidate (person, org, place) lying wholly inside one kept
/// official and overlapping no other nested part, or (a place) lying wholly
/// inside one nested org of that official.
fn fits_inside_official(
    c: &Candidate,
    range: &std::ops::Range<usize>,
    layers: &Layers<'_>,
    kept: &[usize],
    candidates: &[Candidate],
) -> Option<Nested> {
    let host = layers.outer[range.start];
    let in_official = host != NONE
        && layers.outer[range.clone()].iter().all(|&k| k == host)
        && may_nest(&candidates[kept[host as usize]].value, &c.value);
    if !in_official {
        return None;
    }
    let part = layers.inner[range.start];
    if layers.inner[range.clone()].iter().all(|&k| k == NONE) {
        return Some(Nested::Inner);
    }
    let in_part = part != NONE
        && layers.inner[range.clone()].iter().all(|&k| k == part)
        && layers.deep[range.clone()].iter().all(|&k| k == NONE)
        && may_nest_in_part(
            &candidates[kept[host as usize]].value,
            &candidates[kept[part as usize]],
            c,
        );
    in_part.then_some(Nested::Deep)
}

/// A candidate overlapping nothing kept, or (an official) containing only
/// whole kept parts it may contain; those parts are left in `parts`.
fn fits_outside(
    c: &Candidate,
    range: &std::ops::Range<usize>,
    layers: &Layers<'_>,
    kept: &[usize],
    candidates: &[Candidate],
    parts: &mut Vec<u32>,
) -> bool {
    parts.clear();
    for (&o, &n) in layers.outer[range.clone()].iter().zip(&layers.inner[range.clone()]) {
        if n != NONE {
            return false;
        }
        if o != NONE && parts.last() != Some(&o) {
            let part = &candidates[kept[o as usize]];
            let inside = c.tokens.start <= part.tokens.start && part.tokens.end <= c.tokens.end;
            if !inside || !may_nest(&c.value, &part.value) {
                return false;
            }
            parts.push(o);
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Amount;
    use crate::Decimal;

    fn cand(tokens: std::ops::Range<usize>, value: EntityValue) -> Candidate {
        Candidate {
            tokens,
            value,
            rule: "test",
        }
    }

    #[test]
    fn officials_contain_names_and_nothing_else_overlaps() {
        let toks = crate::tokenizer::tokenize("Bí thư Tỉnh ủy Bến Tre Lê Đức Thọ nói 3 điều");
        let official = EntityValue::Official {
            name: "Lê Đức Thọ".into(),
            title: "Bí thư Tỉnh ủy".into(),
            org: Some("Tỉnh ủy Bến Tre".into()),
            place: Some("Bến Tre".into()),
            refers_to: None,
        };
        let number = EntityValue::Number(Amount::exact(Decimal::from_int(3)));
        let mut candidates = vec![
            cand(
                7..10,
                EntityValue::Person {
                    name: "Lê Đức Thọ".into(),
                    refers_to: None,
                },
            ),
            cand(5..7, EntityValue::Place("Bến Tre".into())),
            cand(0..10, official),
            cand(9..12, number.clone()),
            cand(11..12, number),
        ];
        let mut out = Vec::new();
        resolve(&toks.tokens, &mut candidates, &mut out);
        let kinds: Vec<_> = out.iter().map(|e| (e.value.type_name(), e.tokens.clone())).collect();
        assert_eq!(
            kinds,
            [
                ("official", 0..10),
                ("place", 5..7),
                ("person", 7..10),
                ("number", 11..12)
            ]
        );
    }

    #[test]
    fn an_officials_org_may_hold_its_place_but_a_bare_org_may_not() {
        let text = "Chủ tịch UBND tỉnh Cà Mau Lê Quốc Bảo làm việc với UBND tỉnh Cà Mau";
        let toks = crate::tokenizer::tokenize(text);
        let official = EntityValue::Official {
            name: "Lê Quốc Bảo".into(),
            title: "Chủ tịch UBND".into(),
            org: Some("Ủy ban nhân dân tỉnh Cà Mau".into()),
            place: Some("Cà Mau".into()),
            refers_to: None,
        };
        let org = || EntityValue::Org("Ủy ban nhân dân tỉnh Cà Mau".into());
        let place = || EntityValue::Place("Cà Mau".into());
        let person = EntityValue::Person {
            name: "Lê Quốc Bảo".into(),
            refers_to: None,
        };
        let mut candidates = vec![
            cand(3..6, place()),
            cand(2..6, org()),
            cand(6..9, person),
            cand(0..9, official),
            // The same org outside any official: its place is dropped.
            cand(12..16, org()),
            cand(13..16, place()),
            // Only the place closing the nested org sits inside it.
            cand(2..3, place()),
            // A person cannot sit inside the nested org.
            cand(
                4..6,
                EntityValue::Person {
                    name: "Cà Mau".into(),
                    refers_to: None,
                },
            ),
        ];
        let mut out = Vec::new();
        resolve(&toks.tokens, &mut candidates, &mut out);
        let kinds: Vec<_> = out.iter().map(|e| (e.value.type_name(), e.tokens.clone())).collect();
        assert_eq!(
            kinds,
            [
                ("official", 0..9),
                ("org", 2..6),
                ("place", 3..6),
                ("person", 6..9),
                ("org", 12..16)
            ]
        );
    }

    #[test]
    fn a_place_in_the_name_of_an_officials_org_is_not_nested() {
        let toks = crate::tokenizer::tokenize("Chủ tịch Ủy ban Trung ương MTTQ Việt Nam Đỗ Văn Chiến");
        let official = EntityValue::Official {
            name: "Đỗ Văn Chiến".into(),
            title: "Chủ tịch Ủy ban Trung ương MTTQ Việt Nam".into(),
            org: Some("Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam".into()),
            place: None,
            refers_to: None,
        };
        let mut candidates = vec![
            cand(0..11, official),
            cand(
                2..8,
                EntityValue::Org("Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam".into()),
            ),
            cand(6..8, EntityValue::Place("Việt Nam".into())),
        ];
        let mut out = Vec::new();
        resolve(&toks.tokens, &mut candidates, &mut out);
        let kinds: Vec<_> = out.iter().map(|e| e.value.type_name()).collect();
        assert_eq!(kinds, ["official", "org"]);
    }
}
