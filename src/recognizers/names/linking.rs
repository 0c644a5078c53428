//! After resolution: short mentions linked to the first full mention.

use super::*;

/// Links short mentions ("ông Thọ", "Bí thư Thọ", "ông Minh Chính") to the
/// first full mention whose name ends with them ("Lê Đức Thọ"): `refers_to`
/// is that mention's span and `name` its full name (the span stays "Thọ").
/// Drops "TITLE Word" officials that link to nothing.
pub(super) fn link_short_mentions(doc: &mut Document) {
    // Every proper ending ("Thọ", "Đức Thọ") of each first full mention's
    // matching key → (its span, its name as written): a look-up per mention,
    // however many names the document holds.
    let mut endings: rustc_hash::FxHashMap<String, (Span, String)> = Default::default();
    let mut full: rustc_hash::FxHashSet<String> = Default::default();
    let mut drop = vec![false; doc.entities.len()];
    for (i, dropped) in drop.iter_mut().enumerate() {
        let e = &doc.entities[i];
        let (name, is_short_title) = match &e.value {
            EntityValue::Person { name, .. } | EntityValue::Official { name, .. } => {
                (name.clone(), e.rule == RULE_SHORT_TITLE)
            }
            _ => continue,
        };
        let key = crate::normalize::phrase_key(&name);
        let syllables = key.split(' ').count();
        // A shorter name that ends an earlier full one: "Thọ", "Minh Chính".
        let target = endings.get(&key).cloned();
        let is_person = matches!(e.value, EntityValue::Person { .. });
        if syllables >= 2 && target.is_none() {
            if is_person && full.insert(key.clone()) {
                for (at, _) in key.match_indices(' ') {
                    endings
                        .entry(key[at + 1..].to_owned())
                        .or_insert_with(|| (e.span, name.clone()));
                }
            }
            continue;
        }
        match (&mut doc.entities[i].value, target) {
            (
                EntityValue::Person { refers_to, name } | EntityValue::Official { refers_to, name, .. },
                Some((span, full_name)),
            ) => {
                *refers_to = Some(span);
                *name = full_name;
            }
            _ if is_short_title => *dropped = true,
            _ => {}
        }
    }
    let mut i = 0;
    doc.entities.retain(|_| {
        i += 1;
        !drop[i - 1]
    });
}
