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
    let first = out.len();
    for i in order {
        let c = &candidates[i];
        let fits = out[first..].iter().all(|kept| {
            let disjoint = c.tokens.end <= kept.tokens.start || kept.tokens.end <= c.tokens.start;
            let contained = kept.tokens.start <= c.tokens.start && c.tokens.end <= kept.tokens.end;
            let contains = c.tokens.start <= kept.tokens.start && kept.tokens.end <= c.tokens.end;
            disjoint || (contained && may_nest(&kept.value, &c.value)) || (contains && may_nest(&c.value, &kept.value))
        });
        if fits && !c.tokens.is_empty() {
            out.push(Entity {
                span: tokens[c.tokens.start].span.cover(tokens[c.tokens.end - 1].span),
                tokens: c.tokens.clone(),
                value: c.value.clone(),
                rule: c.rule,
            });
        }
    }
    out[first..].sort_by_key(|e| (e.span.start, std::cmp::Reverse(e.span.end)));
    candidates.clear();
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
