//! Reading the packed CSV files shipped in the binary: one record at a time, deserialised into
//! a row that borrows from it, with errors that name the file, line, column and value.

use csv::StringRecord;
use serde::Deserialize;

use crate::error::PublicError;

/// One record of a packed file.
pub(crate) struct Record<'r> {
    file: &'r str,
    line: u64,
    record: &'r StringRecord,
    headers: &'r StringRecord,
}

impl<'r> Record<'r> {
    /// The record as a row of named columns.
    pub(crate) fn row<T: Deserialize<'r>>(&self) -> Result<T, PublicError> {
        self.record.deserialize(Some(self.headers)).map_err(|e| PublicError::csv(self.file, e))
    }

    /// The error for a value of this record that cannot be read.
    pub(crate) fn bad(&self, column: &str, value: &str, expected: &'static str) -> PublicError {
        PublicError::bad(self.file, self.line, column, value, expected)
    }
}

/// Calls `each` with every record of `csv_text` (a CSV with a header row) in order, stopping
/// at the first error.
pub(crate) fn for_each_record(
    file: &str,
    csv_text: &[u8],
    mut each: impl FnMut(Record<'_>) -> Result<(), PublicError>,
) -> Result<(), PublicError> {
    let mut reader = csv::Reader::from_reader(csv_text);
    let headers = reader.headers().map_err(|e| PublicError::csv(file, e))?.clone();
    let mut record = StringRecord::new();
    while reader.read_record(&mut record).map_err(|e| PublicError::csv(file, e))? {
        let line = record.position().map_or(0, |p| p.line());
        each(Record { file, line, record: &record, headers: &headers })?;
    }
    Ok(())
}
