//! After resolution: short mentions linked to the first full mention.

use super::*;
use crate::model::Entity;

/// Links short mentions ("ông Thọ", "Bí thư Thọ", "ông Minh Chính") to the
/// first full mention whose name ends with them ("Lê Đức Thọ"): `refers_to`
/// is that mention's span and `name` its full name (the span stays "Thọ").
/// Drops "TITLE Word" officials that link to nothing.
pub(super) fn link_short_mentions(doc: &mut Document) {
    // The matching key of each person's or official's name, read first so
    // the look-up tables below borrow them instead of copying.
    let keys: Vec<(usize, String)> = doc
        .entities
        .iter()
        .enumerate()
        .filter_map(|(i, e)| match &e.value {
            EntityValue::Person { name, .. } => Some((i, tokens_key(doc, e, name).unwrap_or_else(|| phrase_key(name)))),
            EntityValue::Official { name, .. } => Some((i, phrase_key(name))),
            _ => None,
        })
        .collect();
    if keys.is_empty() {
        // No name: nothing to link or drop.
        return;
    }
    // Every proper ending ("Thọ", "Đức Thọ") of each first full mention's
    // key → (its span, its entity): a look-up per mention, however many
    // names the document holds.
    let mut endings: rustc_hash::FxHashMap<&str, (Span, usize)> = Default::default();
    let mut full: rustc_hash::FxHashSet<&str> = Default::default();
    let mut drop = vec![false; doc.entities.len()];
    let mut links: Vec<(usize, Span, usize)> = Vec::new();
    for (i, key) in &keys {
        let (i, key) = (*i, key.as_str());
        let e = &doc.entities[i];
        let syllables = key.split(' ').count();
        // A shorter name that ends an earlier full one: "Thọ", "Minh Chính".
        let target = endings.get(key).copied();
        let is_person = matches!(e.value, EntityValue::Person { .. });
        if syllables >= 2 && target.is_none() {
            if is_person && full.insert(key) {
                for (at, _) in key.match_indices(' ') {
                    endings.entry(&key[at + 1..]).or_insert((e.span, i));
                }
            }
            continue;
        }
        match target {
            Some((span, source)) => links.push((i, span, source)),
            None if e.rule == RULE_SHORT_TITLE => drop[i] = true,
            None => {}
        }
    }
    // A source is a full mention linked to nothing: its name is as written.
    for (i, span, source) in links {
        let EntityValue::Person { name: full_name, .. } = &doc.entities[source].value else {
            continue;
        };
        let full_name = full_name.clone();
        if let EntityValue::Person { refers_to, name } | EntityValue::Official { refers_to, name, .. } =
            &mut doc.entities[i].value
        {
            *refers_to = Some(span);
            *name = full_name;
        }
    }
    let mut i = 0;
    doc.entities.retain(|_| {
        i += 1;
        !drop[i - 1]
    });
}

fn phrase_key(name: &str) -> String {
    crate::normalize::phrase_key(name)
}

/// [`crate::normalize::phrase_key`] of `name` read from the keys its tokens
/// already have, when `name` is exactly the entity's words separated by
/// single spaces (so its whitespace-separated words are those tokens).
fn tokens_key(doc: &Document, e: &Entity, name: &str) -> Option<String> {
    let tokens = doc.tokens.get(e.tokens.clone())?;
    let (first, last) = (tokens.first()?, tokens.last()?);
    if doc.text.get(first.span.start..last.span.end) != Some(name) {
        return None;
    }
    let mut key = String::with_capacity(name.len());
    for (n, t) in tokens.iter().enumerate() {
        let text = t.span.slice(&doc.text);
        if !matches!(t.kind, TokenKind::Word | TokenKind::Abbrev) || text.contains(char::is_whitespace) {
            return None;
        }
        if n > 0 {
            if doc.text.get(tokens[n - 1].span.end..t.span.start) != Some(" ") {
                return None;
            }
            key.push(' ');
        }
        key.push_str(doc.key(t));
    }
    Some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Keys read from the tokens are the phrase keys of the names, on the
    /// corpus and the names examples.
    #[test]
    fn token_keys_are_phrase_keys() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts = vec!["Ông Park Hang-seo và ông Nguyễn  Văn A, bà HOÀNG THỊ B, ông Lê Văn\u{a0}Tám.".to_owned()];
        for line in std::fs::read_to_string(root.join("tests/data/names.tsv"))
            .expect("names examples")
            .lines()
        {
            texts.push(line.split('\t').next().unwrap_or_default().replace("\\n", "\n"));
        }
        let annotator = crate::Annotator::new();
        let mut read = 0;
        for text in texts {
            let doc = annotator.annotate(&text);
            for e in &doc.entities {
                let (EntityValue::Person { name, refers_to: None }
                | EntityValue::Official {
                    name, refers_to: None, ..
                }) = &e.value
                else {
                    continue;
                };
                if let Some(key) = tokens_key(&doc, e, name) {
                    assert_eq!(key, phrase_key(name), "{name:?}");
                    read += 1;
                }
            }
        }
        assert!(read > 50, "{read} names");
    }
}
