//! Statistics records from resolved entities. Not written yet: the
//! statistics issue fills this in; until then no record is produced.

use crate::model::{Document, Statistic};

/// The statistics records of `doc` (none yet).
///
/// ```
/// let doc = chiso::Annotator::new().annotate("GRDP tăng 3,4%.");
/// assert!(chiso::statistics::extract(&doc).len() <= 1);
/// ```
pub fn extract(_doc: &Document) -> Vec<Statistic> {
    Vec::new()
}
