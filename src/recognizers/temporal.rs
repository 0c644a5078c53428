//! Dates, times, periods and durations. Not written yet: the temporal issue
//! fills this module in; until then it recognizes nothing.

use super::{Candidate, Recognizer, SentenceView, Triggers};

/// The temporal recognizer (recognizes nothing yet).
#[derive(Debug, Default)]
pub struct Temporal;

impl Temporal {
    /// A temporal recognizer.
    pub fn new() -> Temporal {
        Temporal
    }
}

impl Recognizer for Temporal {
    fn name(&self) -> &'static str {
        "temporal"
    }

    fn triggers(&self) -> Triggers {
        Triggers::default()
    }

    fn recognize_at(&self, _sentence: &SentenceView<'_>, _at: usize, _out: &mut Vec<Candidate>) {}
}
