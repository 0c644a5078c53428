//! The verbalizer: a number → standard Vietnamese words (for text
//! normalization, e.g. before speech synthesis), the inverse of
//! [`super::parse_words`].
//!
//! ```text
//! words(n)     := "không"                                   n = 0
//!               | "âm" words(-n)                            n < 0
//!               | words(n / 10^9) "tỷ" rest(n % 10^9)       n ≥ 10^9  ("một nghìn tỷ")
//!               | groups of three digits with "triệu", "nghìn"
//! group(h t u) := (h "trăm")? ( "linh" u | "mười" u' | t "mươi" u'' )?
//! ```
//! Inside a number a group after the first says "không trăm" when its
//! hundreds digit is 0 ("một nghìn không trăm linh năm" = 1005); zero groups
//! are skipped ("một triệu không trăm linh năm" = 1 000 005). After "mười"
//! 5 is "lăm"; after "mươi" 1 is "mốt", 4 is "tư" and 5 is "lăm".

const DIGITS: [&str; 10] = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];

/// Writes one group of three digits; `full` says whether "không trăm"/"linh"
/// are needed (the group follows a larger one).
fn group(n: u64, full: bool, out: &mut Vec<&'static str>) {
    let (h, t, u) = ((n / 100) as usize, (n / 10 % 10) as usize, (n % 10) as usize);
    let hundreds = h > 0 || full;
    if hundreds {
        out.push(DIGITS[h]);
        out.push("trăm");
    }
    match t {
        0 if u == 0 => {}
        0 => {
            if hundreds {
                out.push("linh");
            }
            out.push(DIGITS[u]);
        }
        1 => {
            out.push("mười");
            match u {
                0 => {}
                5 => out.push("lăm"),
                _ => out.push(DIGITS[u]),
            }
        }
        _ => {
            out.push(DIGITS[t]);
            out.push("mươi");
            match u {
                0 => {}
                1 => out.push("mốt"),
                4 => out.push("tư"),
                5 => out.push("lăm"),
                _ => out.push(DIGITS[u]),
            }
        }
    }
}

/// Below 10^9: groups with "triệu" and "nghìn"; `full` when a larger part came before.
fn below_billion(n: u64, mut full: bool, out: &mut Vec<&'static str>) {
    for (scale, word) in [(1_000_000, "triệu"), (1_000, "nghìn"), (1, "")] {
        let g = n / scale % 1000;
        if g == 0 {
            continue;
        }
        group(g, full, out);
        if !word.is_empty() {
            out.push(word);
        }
        full = true;
    }
}

fn words(n: u64, full: bool, out: &mut Vec<&'static str>) {
    const BILLION: u64 = 1_000_000_000;
    if n >= BILLION {
        words(n / BILLION, full, out);
        out.push("tỷ");
        below_billion(n % BILLION, true, out);
    } else {
        below_billion(n, full, out);
    }
}

/// A number in standard Vietnamese words.
///
/// ```
/// use chiso::recognizers::numbers::to_words;
/// assert_eq!(to_words(2023), "hai nghìn không trăm hai mươi ba");
/// assert_eq!(to_words(105), "một trăm linh năm");
/// assert_eq!(to_words(25_000), "hai mươi lăm nghìn");
/// assert_eq!(to_words(1_000_000_000_000), "một nghìn tỷ");
/// assert_eq!(to_words(-5), "âm năm");
/// ```
pub fn to_words(n: i64) -> String {
    if n == 0 {
        return DIGITS[0].to_owned();
    }
    let mut out = Vec::with_capacity(16);
    if n < 0 {
        out.push("âm");
    }
    words(n.unsigned_abs(), false, &mut out);
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_readings() {
        for (n, s) in [
            (0, "không"),
            (10, "mười"),
            (15, "mười lăm"),
            (21, "hai mươi mốt"),
            (24, "hai mươi tư"),
            (1005, "một nghìn không trăm linh năm"),
            (1_000_005, "một triệu không trăm linh năm"),
            (2_500_000, "hai triệu năm trăm nghìn"),
            (1_700_988, "một triệu bảy trăm nghìn chín trăm tám mươi tám"),
            (1_200_000_000_000, "một nghìn hai trăm tỷ"),
            (1_000_000_000_000_000, "một triệu tỷ"),
        ] {
            assert_eq!(to_words(n), s, "{n}");
        }
    }
}
