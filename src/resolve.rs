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
    if candidates.is_empty() {
        return;
    }
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by_key(|&i| {
        let c = &candidates[i];
        (
            std::cmp::Reverse(c.tokens.len()),
            type_rank(&c.value),
            c.tokens.start,
            i,
        )
    });
    let lo = candidates.iter().map(|c| c.tokens.start).min().unwrap_or(0);
    let hi = candidates.iter().map(|c| c.tokens.end).max().unwrap_or(0);
    // Which kept entity (index into `kept`) covers each token, in two layers:
    // `outer` for ordinary entities and officials, `inner` for the parts nested
    // in an official. Checking a candidate costs its length: no quadratic work.
    let mut outer = vec![NONE; hi - lo];
    let mut inner = vec![NONE; hi - lo];
    let mut kept: Vec<usize> = Vec::new();
    for i in order {
        let c = &candidates[i];
        if c.tokens.is_empty() {
            continue;
        }
        let range = c.tokens.start - lo..c.tokens.end - lo;
        if fits_inside_official(c, &range, &outer, &inner, &kept, candidates) {
            inner[range].fill(kept.len() as u32);
        } else if let Some(parts) = fits_outside(c, &range, &outer, &inner, &kept, candidates) {
            for p in parts {
                // A part kept before its official moves to the inner layer.
                let r = candidates[kept[p as usize]].tokens.clone();
                inner[r.start - lo..r.end - lo].fill(p);
            }
            outer[range].fill(kept.len() as u32);
        } else {
            continue;
        }
        kept.push(i);
    }
    let first = out.len();
    out.extend(kept.iter().map(|&i| {
        let c = &candidates[i];
        Entity {
            span: tokens[c.tokens.start].span.cover(tokens[c.tokens.end - 1].span),
            tokens: c.tokens.clone(),
            value: c.value.clone(),
            rule: c.rule,
        }
    }));
    out[first..].sort_by_key(|e| (e.span.start, std::cmp::Reverse(e.span.end)));
    candidates.clear();
}

const NONE: u32 = u32::MAX;

/// A nestable candidate (person, org, place) lying wholly inside one kept
/// official and overlapping no other nested part.
fn fits_inside_official(
    c: &Candidate,
    range: &std::ops::Range<usize>,
    outer: &[u32],
    inner: &[u32],
    kept: &[usize],
    candidates: &[Candidate],
) -> bool {
    let host = outer[range.start];
    host != NONE
        && outer[range.clone()].iter().all(|&k| k == host)
        && inner[range.clone()].iter().all(|&k| k == NONE)
        && may_nest(&candidates[kept[host as usize]].value, &c.value)
}

/// A candidate overlapping nothing kept, or (an official) containing only
/// whole kept parts it may contain; returns those parts.
fn fits_outside(
    c: &Candidate,
    range: &std::ops::Range<usize>,
    outer: &[u32],
    inner: &[u32],
    kept: &[usize],
    candidates: &[Candidate],
) -> Option<Vec<u32>> {
    let mut parts: Vec<u32> = Vec::new();
    for (&o, &n) in outer[range.clone()].iter().zip(&inner[range.clone()]) {
        if n != NONE {
            return None;
        }
        if o != NONE && parts.last() != Some(&o) {
            let part = &candidates[kept[o as usize]];
            let inside = c.tokens.start <= part.tokens.start && part.tokens.end <= c.tokens.end;
            if !inside || !may_nest(&c.value, &part.value) {
                return None;
            }
            parts.push(o);
        }
    }
    Some(parts)
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
}
