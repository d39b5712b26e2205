//! The store's one error type.

/// What went wrong in the store. User mistakes (a bad URL, an unknown user, no permission) are
/// kept apart from failures of the database and from bugs ([`StoreError::Internal`]).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The database URL or path could not be understood.
    #[error("database {url:?}: {reason}")]
    BadUrl {
        /// The URL as given (passwords are never echoed: see [`crate::redact_url`]).
        url: String,
        /// What was expected.
        reason: String,
    },
    /// SQLite reported an error.
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// PostgreSQL reported an error.
    #[error("postgres: {0}")]
    Postgres(#[from] postgres::Error),
    /// The database was written by a newer carelens whose schema this one does not know.
    #[error(
        "the database has schema version {found}, newer than this carelens knows ({known}): upgrade carelens"
    )]
    SchemaTooNew {
        /// The version found in `schema_version`.
        found: i64,
        /// The newest version this binary has.
        known: i64,
    },
    /// The principal may not read what was asked for. Deliberately says nothing about whether
    /// the thing exists.
    #[error("not allowed: {0}")]
    Forbidden(&'static str),
    /// A user that does not exist.
    #[error("no user named {0:?}")]
    UnknownUser(String),
    /// A user name that is taken.
    #[error("a user named {0:?} already exists")]
    UserExists(String),
    /// A value the caller gave is not acceptable (user name, password, LA code…).
    #[error("{0}")]
    Invalid(String),
    /// The return to load has no LA or no collection year.
    #[error("the return has no {0}: give it with --la / --year")]
    MissingKey(&'static str),
    /// Hashing a password failed.
    #[error("password hashing failed: {0}")]
    PasswordHash(String),
    /// The operating system's random number generator failed.
    #[error("no randomness available from the operating system: {0}")]
    Random(String),
    /// Something that cannot happen did: a bug in carelens, please report it.
    #[error("internal error (a bug in carelens, please report it): {0}")]
    Internal(String),
}

/// The store's `Result`.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
