//! After resolution: short mentions linked to the first full mention.

use super::*;

/// Links short mentions ("ông Thọ", "Bí thư Thọ", "ông Minh Chính") to the
/// first full mention whose name ends with them ("Lê Đức Thọ"): `refers_to`
/// is that mention's span and `name` its full name (the span stays "Thọ").
/// Drops "TITLE Word" officials that link to nothing.
pub(super) fn link_short_mentions(doc: &mut Document) {
    // (matching key, span, name as written) of each first full mention.
    let mut full: Vec<(String, Span, String)> = Vec::new();
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
        let target = full
            .iter()
            .find(|(k, _, _)| {
                k.split(' ').count() > syllables && k.ends_with(key.as_str()) && k[..k.len() - key.len()].ends_with(' ')
            })
            .map(|(_, s, n)| (*s, n.clone()));
        let is_person = matches!(e.value, EntityValue::Person { .. });
        if syllables >= 2 && target.is_none() {
            if is_person && !full.iter().any(|(k, _, _)| *k == key) {
                full.push((key, e.span, name));
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
