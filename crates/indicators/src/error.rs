//! What can stop indicators being computed or written.

use std::path::PathBuf;

/// Why indicators could not be computed or a report could not be written. Bad cells are not
/// errors: a value that does not parse is left out of the counts it would have fed, as the DfE
/// would leave it out.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IndicatorError {
    /// A return whose local authority is not known (CSV returns do not name it).
    #[error("the LA of the return read from {source_file} is not known: give it with --la")]
    UnknownLa {
        /// The first file of the return.
        source_file: String,
    },
    /// A return whose collection year is not known.
    #[error(
        "the collection year of the return read from {source_file} is not known: give it with --year"
    )]
    UnknownYear {
        /// The first file of the return.
        source_file: String,
    },
    /// Writing a report failed.
    #[error("could not write {what}")]
    Write {
        /// What was being written.
        what: String,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// Writing a CSV report failed.
    #[error("could not write CSV")]
    Csv(#[from] csv::Error),
    /// Writing an XLSX workbook failed.
    #[error("could not write the workbook {path}")]
    Xlsx {
        /// The workbook.
        path: PathBuf,
        /// The cause.
        #[source]
        source: rust_xlsxwriter::XlsxError,
    },
    /// A bug in carelens: please report it.
    #[error("internal error (a bug in carelens, please report it): {0}")]
    Internal(String),
}

impl IndicatorError {
    pub(crate) fn io(what: impl Into<String>, source: std::io::Error) -> Self {
        Self::Write { what: what.into(), source }
    }
}
