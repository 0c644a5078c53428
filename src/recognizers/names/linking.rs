//! After resolution: short mentions and bare titles linked to the first full mention.

use super::*;

/// Links short mentions ("ông Thọ", "Bí thư Thọ", "ông Minh Chính") to the
/// first full mention whose name ends with them ("Lê Đức Thọ"), and drops
/// "TITLE Word" officials that link to nothing.
pub(super) fn link_short_mentions(doc: &mut Document) {
    let mut full: Vec<(String, Span)> = Vec::new();
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
            .find(|(k, _)| {
                k.split(' ').count() > syllables && k.ends_with(key.as_str()) && k[..k.len() - key.len()].ends_with(' ')
            })
            .map(|(_, s)| *s);
        let is_person = matches!(e.value, EntityValue::Person { .. });
        if syllables >= 2 && target.is_none() {
            if is_person && !full.iter().any(|(k, _)| *k == key) {
                full.push((key, e.span));
            }
            continue;
        }
        match (&mut doc.entities[i].value, target) {
            (EntityValue::Person { refers_to, .. } | EntityValue::Official { refers_to, .. }, Some(span)) => {
                *refers_to = Some(span)
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

/// The matching keys of tokens `range` joined by spaces.
pub(super) fn keys_of(doc: &Document, range: Range<usize>) -> String {
    let keys: Vec<&str> = doc.tokens[range].iter().map(|t| doc.key(t)).collect();
    keys.join(" ")
}

/// An earlier full official a bare title can refer to.
pub(super) struct Holder {
    pub(super) head: String,
    pub(super) name: String,
    pub(super) person: Span,
    pub(super) start: usize,
}

/// Links a bare capitalized title ("Thủ tướng nhấn mạnh…") to the one earlier
/// official of the document holding exactly that title ("Thủ tướng Chính phủ
/// Phạm Minh Chính"): it becomes an official with that name and `refers_to`
/// the first full mention. Ambiguous titles (two holders) are left alone.
pub(super) fn link_bare_titles(doc: &mut Document) {
    let mut holders: Vec<Holder> = Vec::new();
    for e in &doc.entities {
        let EntityValue::Official { name, .. } = &e.value else {
            continue;
        };
        if e.rule != "names::official" || !name.contains(' ') {
            continue;
        }
        let input = Toks::window(&doc.text, &doc.tokens, &doc.keys, e.tokens.start, e.tokens.end);
        let Ok((_, t)) = title(input, false) else {
            continue;
        };
        let person = doc
            .entities
            .iter()
            .find(|p| matches!(&p.value, EntityValue::Person { name: n, .. } if n == name) && e.span.contains(p.span))
            .map_or(e.span, |p| p.span);
        holders.push(Holder {
            head: keys_of(doc, t.range.start..t.head_end),
            name: name.clone(),
            person,
            start: e.tokens.start,
        });
    }
    if holders.is_empty() {
        return;
    }
    let mut found = Vec::new();
    for sentence in &doc.sentences {
        let mut at = sentence.tokens.start;
        while at < sentence.tokens.end {
            let tok = &doc.tokens[at];
            let input = Toks::window(&doc.text, &doc.tokens, &doc.keys, at, sentence.tokens.end);
            let parsed = (tok.capitalized && LEXICON.titles.starts_with(doc.key(tok)))
                .then(|| title(input, true).ok())
                .flatten();
            let Some((rest, t)) = parsed else {
                at += 1;
                continue;
            };
            let bare = t.headed && t.range.end == t.head_end && !rest.first().is_some_and(|n| name_shaped(&n));
            if bare {
                let head = keys_of(doc, t.range.clone());
                let mut who = holders.iter().filter(|h| h.head == head && h.start < at);
                if let Some(h) = who.next() {
                    let free = doc
                        .entities
                        .iter()
                        .all(|e| e.tokens.end <= t.range.start || t.range.end <= e.tokens.start);
                    if who.all(|o| o.name == h.name) && free {
                        let span = doc.tokens[t.range.start].span.cover(doc.tokens[t.range.end - 1].span);
                        found.push(crate::model::Entity {
                            span,
                            tokens: t.range.clone(),
                            value: EntityValue::Official {
                                name: h.name.clone(),
                                title: span.slice(&doc.text).to_owned(),
                                org: None,
                                place: None,
                                refers_to: Some(h.person),
                            },
                            rule: "names::title_ref",
                        });
                    }
                }
            }
            at = t.range.end.max(at + 1);
        }
    }
    if !found.is_empty() {
        doc.entities.extend(found);
        doc.entities
            .sort_by_key(|e| (e.span.start, std::cmp::Reverse(e.span.end)));
    }
}
