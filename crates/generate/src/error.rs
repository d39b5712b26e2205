//! The crate's error type.

use carelens_model::{CollectionYear, LaCode};

/// Why returns could not be generated.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum GenerateError {
    /// The LA is not one of the 153 children's services authorities.
    #[error("unknown local authority {0} (expected one of the 153 DfE codes, e.g. 316)")]
    UnknownLa(LaCode),
    /// The collection year is outside the years carelens supports.
    #[error("collection year {0} is not supported (expected 2022/23 to 2026/27)")]
    UnsupportedYear(CollectionYear),
    /// The error rate is not a fraction.
    #[error("error rate {0} is not a fraction of rows (expected a number from 0 to 1)")]
    ErrorRate(f64),
    /// Something that cannot happen did: a bug.
    #[error("internal error: {0} (this is a bug in carelens, please report it)")]
    Internal(String),
}
