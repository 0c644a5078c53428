//! The JSONL document reader on arbitrary lines: never panics, and what it
//! accepts has a string text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|line: &str| {
    if let Ok(doc) = chiso::input::parse_json_line(line) {
        let _ = doc.text.len();
    }
});
