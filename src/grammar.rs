//! Grammar data: the plain TSV files in `grammars/`, embedded at compile time.
//!
//! Every file is UTF-8, one entry per line, columns separated by a tab;
//! `#` starts a comment line and blank lines are ignored. Each recognizer
//! family parses the files it needs once, on first use, into lookups keyed
//! by [`crate::normalize::key`]. The unit test at the bottom checks that
//! every embedded file parses.

/// One embedded grammar file: its name (for error messages) and contents.
#[derive(Debug, Clone, Copy)]
pub struct GrammarFile {
    /// File name under `grammars/`, e.g. `"abbreviations.tsv"`.
    pub name: &'static str,
    /// The file's text.
    pub text: &'static str,
}

/// Embeds `grammars/<name>` as a [`GrammarFile`].
#[macro_export]
macro_rules! grammar_file {
    ($name:literal) => {
        $crate::grammar::GrammarFile {
            name: $name,
            text: include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/grammars/", $name)),
        }
    };
}

/// Every file of `grammars/` (a test checks that none is missing): the
/// source of the word ids of [`crate::vocab`].
pub const ALL: &[GrammarFile] = &[
    grammar_file!("abbreviations.tsv"),
    grammar_file!("approx.tsv"),
    grammar_file!("counted_nouns.tsv"),
    grammar_file!("currencies.tsv"),
    grammar_file!("name_stops.tsv"),
    grammar_file!("number_words.tsv"),
    grammar_file!("ordinal_heads.tsv"),
    grammar_file!("orgs.tsv"),
    grammar_file!("place_units.tsv"),
    grammar_file!("places.tsv"),
    grammar_file!("stat_indicators.tsv"),
    grammar_file!("stat_words.tsv"),
    grammar_file!("surnames.tsv"),
    grammar_file!("temporal.tsv"),
    grammar_file!("titles.tsv"),
    grammar_file!("units.tsv"),
];

/// One data line of a grammar file.
#[derive(Debug, Clone)]
pub struct Row<'a> {
    /// 1-based line number in the file, for error messages.
    pub line: usize,
    /// The tab-separated columns, trimmed; missing trailing columns read as "".
    pub columns: Vec<&'a str>,
}

impl<'a> Row<'a> {
    /// Column `i`, or "" when the line has fewer columns.
    pub fn get(&self, i: usize) -> &'a str {
        self.columns.get(i).copied().unwrap_or("")
    }
}

impl GrammarFile {
    /// The data lines of the file, each checked to have between `min` and
    /// `max` columns.
    ///
    /// # Panics
    /// On a malformed line, naming the file and line: grammar files are part
    /// of the program, and the unit tests parse every one of them.
    ///
    /// ```
    /// let file = chiso::grammar::GrammarFile { name: "x.tsv", text: "# chú thích\nmột\t1\n" };
    /// let rows: Vec<_> = file.rows(2, 2).collect();
    /// assert_eq!(rows[0].get(0), "một");
    /// assert_eq!(rows[0].line, 2);
    /// ```
    pub fn rows(&self, min: usize, max: usize) -> impl Iterator<Item = Row<'static>> + '_ {
        let name = self.name;
        self.text
            .lines()
            .enumerate()
            .filter(|(_, line)| !line.trim().is_empty() && !line.trim_start().starts_with('#'))
            .map(move |(i, line)| {
                let columns: Vec<&'static str> = line.split('\t').map(str::trim).collect();
                let columns = trim_empty_tail(columns);
                assert!(
                    (min..=max).contains(&columns.len()) && !columns[0].is_empty(),
                    "grammars/{name}:{}: expected {min} to {max} tab-separated columns, found {}: {line:?}",
                    i + 1,
                    columns.len()
                );
                Row { line: i + 1, columns }
            })
    }

    /// Panics with the file and line of `row` and `message`.
    pub fn fail(&self, row: &Row<'_>, message: &str) -> ! {
        panic!("grammars/{}:{}: {message}", self.name, row.line)
    }
}

fn trim_empty_tail(mut columns: Vec<&str>) -> Vec<&str> {
    while columns.len() > 1 && columns.last() == Some(&"") {
        columns.pop();
    }
    columns
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_lists_every_grammar_file() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/grammars");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".tsv"))
            .collect();
        on_disk.sort();
        let listed: Vec<&str> = ALL.iter().map(|f| f.name).collect();
        assert_eq!(listed, on_disk);
    }

    #[test]
    #[should_panic(expected = "grammars/bad.tsv:2")]
    fn malformed_lines_name_file_and_line() {
        let file = GrammarFile {
            name: "bad.tsv",
            text: "a\tb\nc\n",
        };
        let _ = file.rows(2, 2).count();
    }
}
