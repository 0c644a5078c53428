//! `annotate` on arbitrary text: never panics, spans slice the text, entities
//! are sorted and render to JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static ANNOTATOR: LazyLock<chiso::Annotator> = LazyLock::new(chiso::Annotator::new);

fuzz_target!(|text: &str| {
    let doc = ANNOTATOR.annotate_dated(text, "2023-06-16".parse().ok());
    for e in &doc.entities {
        assert!(text.get(e.span.range()).is_some());
    }
    assert!(doc.entities.windows(2).all(|w| w[0].span.start <= w[1].span.start));
    let mut out = Vec::new();
    chiso::output::json::write_document(&doc, Default::default(), &mut out);
});
