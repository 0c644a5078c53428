//! The HTML views parse as HTML and highlight exactly the entities.

use std::io::Write;
use std::process::{Command, Stdio};

fn run(args: &[&str], stdin: &str) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_chiso"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

/// (data-type, text without the type label, title) of every <mark> in the page.
fn marks(page: &str) -> Vec<(String, String, String)> {
    let dom = tl::parse(page, tl::ParserOptions::default()).expect("the page parses");
    let parser = dom.parser();
    dom.query_selector("mark[data-type]")
        .expect("valid selector")
        .filter_map(|handle| handle.get(parser)?.as_tag().cloned())
        .map(|tag| {
            let attr = |name: &str| {
                tag.attributes()
                    .get(name)
                    .flatten()
                    .map(|v| v.as_utf8_str().into_owned())
                    .unwrap_or_default()
            };
            let kind = attr("data-type");
            let inner = tag.inner_text(parser).into_owned();
            let text = inner.strip_suffix(&kind).unwrap_or(&inner).to_owned();
            (kind, text, attr("title"))
        })
        .collect()
}

#[test]
fn annotate_html_highlights_every_entity_with_its_value() {
    let text = "Năm nay tỉnh có 3.120 hộ và 1.234,5 ha <đất> & rừng.";
    let page = run(&["annotate", "--format", "html"], text);
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(
        !page.contains("http://") && !page.contains("https://") && !page.contains("<script src"),
        "no external assets"
    );
    let json = run(&["annotate", "--no-tokens"], text);
    let doc: serde_json::Value = serde_json::from_str(json.lines().next().unwrap()).unwrap();
    let expected: Vec<(String, String)> = doc["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["type"].as_str().unwrap().to_owned(),
                e["text"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let found = marks(&page);
    assert!(!found.is_empty());
    let spans: Vec<(String, String)> = found.iter().map(|(k, t, _)| (k.clone(), t.clone())).collect();
    assert_eq!(spans, expected);
    assert!(found.iter().all(|(_, _, title)| title.contains("value=")), "{found:?}");
    assert!(page.contains("&lt;đất&gt; &amp; rừng"), "text is escaped");
}
