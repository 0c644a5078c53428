//! The digit-number parser on arbitrary tokens: never panics; a parsed value
//! prints back as a decimal.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Some(value) = chiso::recognizers::numbers::parse_digits(text) {
        assert!(chiso::Decimal::parse(&value.to_string()).is_some());
    }
});
