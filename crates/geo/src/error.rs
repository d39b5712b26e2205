//! The crate's one error type.

use std::path::PathBuf;

/// Why reference geography could not be packed or unpacked.
///
/// Lookups never return this: a postcode that is not found is `None`. Only the packer (feature
/// `pack`) reports reading and parsing problems; [`GeoError::Internal`] means the data shipped
/// inside carelens is broken.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum GeoError {
    /// A reference file could not be read.
    #[error("could not read {path}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// A reference file has a line we cannot use.
    #[error("{path}:{line}: {message}")]
    Parse {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What was wrong and what was expected.
        message: String,
    },
    /// A packed file could not be written.
    #[error("could not write {path}")]
    Write {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The geography shipped inside carelens is corrupt: this is a bug, please report it.
    #[error("internal error: {0} (this is a bug in carelens, please report it)")]
    Internal(String),
}
