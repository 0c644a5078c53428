//! Officials, persons, organizations and places. Not written yet: the names issue
//! fills this module in; until then it recognizes nothing.

use super::{Candidate, Recognizer, SentenceView, Triggers};

/// The names recognizer (recognizes nothing yet).
#[derive(Debug, Default)]
pub struct Names;

impl Names {
    /// A names recognizer.
    pub fn new() -> Names {
        Names
    }
}

impl Recognizer for Names {
    fn name(&self) -> &'static str {
        "names"
    }

    fn triggers(&self) -> Triggers {
        Triggers::default()
    }

    fn recognize_at(&self, _sentence: &SentenceView<'_>, _at: usize, _out: &mut Vec<Candidate>) {}
}
