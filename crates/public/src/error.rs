//! The crate's error type.

use std::path::PathBuf;

/// Why public data could not be read or rebuilt.
///
/// The embedded data is checked by the crate's tests, so the loaders panic (with a message
/// naming the file) rather than return these. They are returned by `pack::pack` (feature
/// `pack`) when the cleaned public files are missing or have changed shape.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PublicError {
    /// A file could not be read or written.
    #[error("could not read or write {path}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// A file is not CSV that the `csv` crate can read.
    #[error("{file}: not readable as CSV")]
    Csv {
        /// The file name.
        file: String,
        /// The cause.
        #[source]
        source: csv::Error,
    },
    /// A column the crate needs is absent.
    #[error("{file}: no column {column:?}")]
    MissingColumn {
        /// The file name.
        file: String,
        /// The column.
        column: String,
    },
    /// A cell holds a value the crate does not know.
    #[error("{file} line {line}: {column} is {value:?}, expected {expected}")]
    BadValue {
        /// The file name.
        file: String,
        /// The 1-based line number (the header is line 1).
        line: u64,
        /// The column.
        column: String,
        /// The cell's text.
        value: String,
        /// What was expected.
        expected: &'static str,
    },
    /// A value in a loaded spreadsheet or CSV cannot be read.
    #[error("{file}, sheet {sheet:?}, row {row}, column {column:?}: {value:?} is not {expected}")]
    Sheet {
        /// The file name.
        file: String,
        /// The sheet (the file name for CSV).
        sheet: String,
        /// The 1-based row as a spreadsheet shows it.
        row: u32,
        /// The column's header.
        column: String,
        /// The cell's text.
        value: String,
        /// What was expected.
        expected: &'static str,
    },
    /// No sheet of a loaded file is a layout carelens knows.
    #[error(
        "{file}: no sheet is an Ofsted provider list, an ILACS outcomes table or a DfE LA-level file"
    )]
    Unrecognised {
        /// The file name.
        file: String,
    },
    /// A workbook could not be opened.
    #[error("{file}: not a readable XLSX, XLS or ODS workbook: {message}")]
    Workbook {
        /// The file name.
        file: String,
        /// What calamine said.
        message: String,
    },
    /// The embedded data does not hold what the code expects: a bug, please report it.
    #[error("internal error: {0}; this is a bug in carelens, please report it")]
    Internal(String),
}

impl PublicError {
    pub(crate) fn csv(file: &str, source: csv::Error) -> Self {
        Self::Csv { file: file.to_owned(), source }
    }

    pub(crate) fn bad(
        file: &str,
        line: u64,
        column: &str,
        value: &str,
        expected: &'static str,
    ) -> Self {
        Self::BadValue {
            file: file.to_owned(),
            line,
            column: column.to_owned(),
            value: value.to_owned(),
            expected,
        }
    }
}
