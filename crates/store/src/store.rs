//! [`Store`]: opening a database, the connection pool, and the public operations.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};

use carelens_model::{ChildId, CollectionYear, LaCode};

use crate::access::{NewUser, Principal, Role, UserInfo};
use crate::db::{Conn, PgConn};
use crate::error::{Result, StoreError};
use crate::prepare::LoadData;
use crate::types::{
    Area, Backend, ChildPage, ChildRows, FindingFilter, FindingRecord, IndicatorQuery,
    IndicatorValue, ReturnSummary, RuleCount, Timeline,
};

/// The database used when neither `--db` nor `CARELENS_DB` is given.
pub const DEFAULT_PATH: &str = "carelens.db";

/// The database URL to use when none is given: `CARELENS_DB` if set and not empty, else
/// `./carelens.db` (a SQLite file in the working directory).
pub fn default_url() -> String {
    std::env::var("CARELENS_DB")
        .ok()
        .filter(|v| !v.trim().is_empty())
        .unwrap_or_else(|| DEFAULT_PATH.to_owned())
}

/// A URL with any password replaced by `***`, for messages and logs.
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let (authority, tail) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    match authority.rsplit_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _)) => format!("{scheme}://{user}:***@{host}{tail}"),
            None => url.to_owned(),
        },
        None => url.to_owned(),
    }
}

/// What was loaded by [`Store::load`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadReport {
    /// The LA.
    pub la: LaCode,
    /// The year.
    pub year: CollectionYear,
    /// Whether an earlier load of the same LA-year was replaced.
    pub replaced: bool,
    /// Rows stored.
    pub rows: u64,
    /// Findings stored.
    pub findings: u64,
    /// Indicator values stored.
    pub indicators: u64,
    /// Children.
    pub children: u64,
}

enum Target {
    Sqlite { path: String, uri: bool },
    Postgres(Box<postgres::Config>),
}

struct Pool {
    idle: Vec<Conn>,
    /// Connections handed out or idle.
    open: usize,
}

struct Inner {
    target: Target,
    backend: Backend,
    max: usize,
    pool: Mutex<Pool>,
    freed: Condvar,
    /// An in-memory SQLite database lives as long as one connection to it: this one.
    _keeper: Option<Mutex<Conn>>,
}

/// The store: a SQLite file or a PostgreSQL database with carelens's schema, and a small pool of
/// connections to it. Cheap to clone; clones share the pool. `Send + Sync`.
#[derive(Clone)]
pub struct Store {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("backend", &self.inner.backend).finish_non_exhaustive()
    }
}

/// Connections kept per store: the web server's blocking pool rarely needs more at once, and
/// SQLite in WAL mode lets them all read while one writes.
const MAX_CONNECTIONS: usize = 8;

impl Store {
    /// Opens (creating if need be) the store at `url` and brings its schema up to date:
    ///
    /// * `postgres://…` or `postgresql://…`: a PostgreSQL database (libpq-style URL; add
    ///   `?options=-csearch_path%3Dname` to use a schema other than `public`);
    /// * `sqlite:PATH`, `sqlite://PATH` or a plain path: a SQLite file, in WAL mode;
    /// * `sqlite::memory:`: a private in-memory database (tests).
    ///
    /// # Errors
    /// [`StoreError::BadUrl`] for a URL that is not understood, a database error if it cannot
    /// be reached or created, [`StoreError::SchemaTooNew`] if a newer carelens wrote it.
    pub fn open(url: &str) -> Result<Self> {
        let url = url.trim();
        let target = if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let config: postgres::Config = url.parse().map_err(|e: postgres::Error| {
                StoreError::BadUrl { url: redact_url(url), reason: e.to_string() }
            })?;
            Target::Postgres(Box::new(config))
        } else if url == "sqlite::memory:" || url == ":memory:" {
            static NEXT: AtomicU64 = AtomicU64::new(0);
            let n = NEXT.fetch_add(1, Ordering::Relaxed);
            let path =
                format!("file:carelens-mem-{}-{n}?mode=memory&cache=shared", std::process::id());
            Target::Sqlite { path, uri: true }
        } else {
            let path = url
                .strip_prefix("sqlite://")
                .or_else(|| url.strip_prefix("sqlite:"))
                .unwrap_or(url);
            if path.is_empty() || path.contains("://") {
                return Err(StoreError::BadUrl {
                    url: redact_url(url),
                    reason: "expected a file path, sqlite:PATH or postgres://…".to_owned(),
                });
            }
            Target::Sqlite { path: path.to_owned(), uri: false }
        };
        let (backend, max) = match &target {
            Target::Sqlite { uri: true, .. } => (Backend::Sqlite, 1),
            Target::Sqlite { .. } => (Backend::Sqlite, MAX_CONNECTIONS),
            Target::Postgres(_) => (Backend::Postgres, MAX_CONNECTIONS),
        };
        let first = connect(&target)?;
        let keeper = match &target {
            Target::Sqlite { uri: true, .. } => Some(Mutex::new(connect(&target)?)),
            _ => None,
        };
        let store = Self {
            inner: Arc::new(Inner {
                target,
                backend,
                max,
                pool: Mutex::new(Pool { idle: vec![first], open: 1 }),
                freed: Condvar::new(),
                _keeper: keeper,
            }),
        };
        crate::migrations::apply(&mut *store.conn()?)?;
        Ok(store)
    }

    /// Opens the store at [`default_url`].
    ///
    /// # Errors
    /// As [`Store::open`].
    pub fn open_default() -> Result<Self> {
        Self::open(&default_url())
    }

    /// A new private in-memory SQLite store (for tests).
    ///
    /// # Errors
    /// Only if SQLite cannot allocate the database.
    pub fn in_memory() -> Result<Self> {
        Self::open("sqlite::memory:")
    }

    /// Which database this is.
    pub fn backend(&self) -> Backend {
        self.inner.backend
    }

    /// The schema version in the database (the newest migration applied).
    ///
    /// # Errors
    /// A database error.
    pub fn schema_version(&self) -> Result<i64> {
        crate::migrations::current(&mut *self.conn()?)
    }

    /// A number that changes whenever data is loaded, deleted or aggregates are refreshed (by
    /// any process): poll it to know when cached answers are stale. One indexed read.
    ///
    /// # Errors
    /// A database error.
    pub fn data_version(&self) -> Result<i64> {
        crate::load::data_version(&mut *self.conn()?)
    }

    /// Stores one LA-year, replacing any earlier load of it, in one transaction: if anything
    /// fails, the store is left as it was. Region and England aggregates are not refreshed
    /// here (that is a pass over every LA): call [`Store::refresh_aggregates`] after loading.
    ///
    /// # Errors
    /// A database error (then nothing was changed).
    pub fn load(&self, data: &LoadData<'_>) -> Result<LoadReport> {
        crate::load::load(&mut *self.conn()?, data)
    }

    /// Recomputes the region and England indicator values and findings counts of `years` from
    /// the LA values stored (all years when empty), in one transaction.
    ///
    /// # Errors
    /// A database error.
    pub fn refresh_aggregates(&self, years: &[CollectionYear]) -> Result<()> {
        crate::load::refresh_aggregates(&mut *self.conn()?, years)
    }

    /// Deletes one LA-year; `false` if it was not loaded. Aggregates are not refreshed.
    ///
    /// # Errors
    /// A database error.
    pub fn delete_return(&self, la: LaCode, year: CollectionYear) -> Result<bool> {
        crate::load::delete(&mut *self.conn()?, la, year)
    }

    /// The LA-years loaded whose LA the principal may see aggregates of, by LA then year.
    ///
    /// # Errors
    /// A database error.
    pub fn returns(&self, who: &Principal) -> Result<Vec<ReturnSummary>> {
        crate::read::returns(&mut *self.conn()?, who)
    }

    /// Indicator values matching `query` that the principal may see, ordered by id, area, year.
    /// Asking for an area the principal may not see is an error, not an empty answer.
    ///
    /// # Errors
    /// [`StoreError::Forbidden`], or a database error.
    pub fn indicators(
        &self,
        who: &Principal,
        query: &IndicatorQuery,
    ) -> Result<Vec<IndicatorValue>> {
        crate::read::indicators(&mut *self.conn()?, who, query)
    }

    /// How often each rule fired in an area (an LA, a region or England) and year, most
    /// findings first.
    ///
    /// # Errors
    /// [`StoreError::Forbidden`], or a database error.
    pub fn findings_summary(
        &self,
        who: &Principal,
        area: Area,
        year: CollectionYear,
    ) -> Result<Vec<RuleCount>> {
        crate::read::findings_summary(&mut *self.conn()?, who, area, year)
    }

    /// Findings of one LA-year (child-level: LA users of that LA only), ordered by rule, table,
    /// row.
    ///
    /// # Errors
    /// [`StoreError::Forbidden`], or a database error.
    pub fn findings(
        &self,
        who: &Principal,
        la: LaCode,
        year: CollectionYear,
        filter: &FindingFilter,
    ) -> Result<Vec<FindingRecord>> {
        who.check_child(la)?;
        crate::read::findings(&mut *self.conn()?, la, year, filter)
    }

    /// Children of one LA-year whose id contains `search` (all when `None`), ordered by id
    /// (child-level: LA users of that LA only).
    ///
    /// # Errors
    /// [`StoreError::Forbidden`], or a database error.
    pub fn children(
        &self,
        who: &Principal,
        la: LaCode,
        year: CollectionYear,
        search: Option<&str>,
        offset: u32,
        limit: u32,
    ) -> Result<ChildPage> {
        who.check_child(la)?;
        crate::read::children(&mut *self.conn()?, la, year, search, offset, limit)
    }

    /// Every row of one child in one LA-year, with the cells that failed marked; `None` if the
    /// child has no rows there (child-level: LA users of that LA only).
    ///
    /// # Errors
    /// [`StoreError::Forbidden`], or a database error.
    pub fn child_rows(
        &self,
        who: &Principal,
        la: LaCode,
        year: CollectionYear,
        child: &ChildId,
    ) -> Result<Option<ChildRows>> {
        who.check_child(la)?;
        crate::read::child_rows(&mut *self.conn()?, la, year, child)
    }

    /// A child's timeline as at one LA-year, built from the child's rows in every loaded year
    /// of the LA up to it; `None` if the child has no rows in that year (child-level: LA users
    /// of that LA only).
    ///
    /// # Errors
    /// [`StoreError::Forbidden`], or a database error.
    pub fn child_timeline(
        &self,
        who: &Principal,
        la: LaCode,
        year: CollectionYear,
        child: &ChildId,
    ) -> Result<Option<Timeline>> {
        who.check_child(la)?;
        crate::read::timeline(&mut *self.conn()?, la, year, child)
    }

    /// Adds a user; the password, if any, is stored as an Argon2id hash.
    ///
    /// # Errors
    /// [`StoreError::UserExists`], [`StoreError::Invalid`] for a bad name, password (under
    /// [`crate::MIN_PASSWORD_LEN`] characters) or an LA code carelens does not know, or a
    /// database error.
    pub fn add_user(&self, user: &NewUser<'_>, now: jiff::Timestamp) -> Result<()> {
        crate::users::add(&mut *self.conn()?, user, now)
    }

    /// Sets (or with `None` removes) a user's password.
    ///
    /// # Errors
    /// [`StoreError::UnknownUser`], [`StoreError::Invalid`], or a database error.
    pub fn set_password(&self, name: &str, password: Option<&str>) -> Result<()> {
        crate::users::set_password(&mut *self.conn()?, name, password)
    }

    /// Changes a user's role and admin flag.
    ///
    /// # Errors
    /// [`StoreError::UnknownUser`], [`StoreError::Invalid`], or a database error.
    pub fn set_role(&self, name: &str, role: Role, admin: bool) -> Result<()> {
        crate::users::set_role(&mut *self.conn()?, name, role, admin)
    }

    /// Removes a user with its tokens and sessions; `false` if there was none.
    ///
    /// # Errors
    /// A database error.
    pub fn remove_user(&self, name: &str) -> Result<bool> {
        crate::users::remove(&mut *self.conn()?, name)
    }

    /// Every user, by name, without secrets.
    ///
    /// # Errors
    /// A database error.
    pub fn users(&self) -> Result<Vec<UserInfo>> {
        crate::users::list(&mut *self.conn()?)
    }

    /// The principal for a user name (no authentication: for the CLI and tests).
    ///
    /// # Errors
    /// A database error.
    pub fn principal(&self, name: &str) -> Result<Option<Principal>> {
        crate::users::principal(&mut *self.conn()?, name)
    }

    /// Issues a new API token for a user and returns it. It is shown this once: only its
    /// SHA-256 is stored.
    ///
    /// # Errors
    /// [`StoreError::UnknownUser`], or a database error.
    pub fn create_token(&self, name: &str, label: &str, now: jiff::Timestamp) -> Result<String> {
        crate::users::create_token(&mut *self.conn()?, name, label, now)
    }

    /// Revokes every API token of a user; returns how many.
    ///
    /// # Errors
    /// A database error.
    pub fn revoke_tokens(&self, name: &str) -> Result<u64> {
        crate::users::revoke_tokens(&mut *self.conn()?, name)
    }

    /// The principal a password logs in as; `None` for an unknown user, a user without a
    /// password, or a wrong password (the three are not told apart).
    ///
    /// # Errors
    /// A database error.
    pub fn authenticate_password(&self, name: &str, password: &str) -> Result<Option<Principal>> {
        crate::users::authenticate_password(&mut *self.conn()?, name, password)
    }

    /// The principal an API token belongs to; `None` if it is unknown or revoked.
    ///
    /// # Errors
    /// A database error.
    pub fn authenticate_token(&self, token: &str) -> Result<Option<Principal>> {
        crate::users::authenticate_token(&mut *self.conn()?, token)
    }

    /// Starts a web session for a user, valid for `ttl` from `now`; returns the session token
    /// (for a cookie). Only its SHA-256 is stored.
    ///
    /// # Errors
    /// [`StoreError::UnknownUser`], or a database error.
    pub fn create_session(
        &self,
        name: &str,
        now: jiff::Timestamp,
        ttl: jiff::SignedDuration,
    ) -> Result<String> {
        crate::users::create_session(&mut *self.conn()?, name, now, ttl)
    }

    /// The principal of a session that has not expired at `now`; `None` otherwise.
    ///
    /// # Errors
    /// A database error.
    pub fn session(&self, token: &str, now: jiff::Timestamp) -> Result<Option<Principal>> {
        crate::users::session(&mut *self.conn()?, token, now)
    }

    /// Ends a session (logout). Ending an unknown session is not an error.
    ///
    /// # Errors
    /// A database error.
    pub fn end_session(&self, token: &str) -> Result<()> {
        crate::users::end_session(&mut *self.conn()?, token)
    }

    /// Deletes sessions expired at `now`; returns how many.
    ///
    /// # Errors
    /// A database error.
    pub fn purge_sessions(&self, now: jiff::Timestamp) -> Result<u64> {
        crate::users::purge_sessions(&mut *self.conn()?, now)
    }

    /// A connection from the pool, opening one if fewer than the maximum are open, else
    /// waiting for one to be given back.
    pub(crate) fn conn(&self) -> Result<Pooled<'_>> {
        let mut pool = lock(&self.inner.pool);
        loop {
            if let Some(conn) = pool.idle.pop() {
                return Ok(Pooled { store: &self.inner, conn: Some(conn) });
            }
            if pool.open < self.inner.max {
                pool.open += 1;
                drop(pool);
                return match connect(&self.inner.target) {
                    Ok(conn) => Ok(Pooled { store: &self.inner, conn: Some(conn) }),
                    Err(e) => {
                        lock(&self.inner.pool).open -= 1;
                        self.inner.freed.notify_one();
                        Err(e)
                    }
                };
            }
            pool = self.inner.freed.wait(pool).unwrap_or_else(std::sync::PoisonError::into_inner);
        }
    }
}

fn lock(m: &Mutex<Pool>) -> MutexGuard<'_, Pool> {
    // A panic while holding the lock cannot leave the pool inconsistent (push/pop only).
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A connection borrowed from the pool; given back when dropped (unless broken or dropped
/// during a panic, when it may be mid-transaction).
pub(crate) struct Pooled<'s> {
    store: &'s Inner,
    conn: Option<Conn>,
}

impl std::ops::Deref for Pooled<'_> {
    type Target = Conn;
    fn deref(&self) -> &Conn {
        self.conn.as_ref().unwrap_or_else(|| unreachable!("taken only in drop"))
    }
}

impl std::ops::DerefMut for Pooled<'_> {
    fn deref_mut(&mut self) -> &mut Conn {
        self.conn.as_mut().unwrap_or_else(|| unreachable!("taken only in drop"))
    }
}

impl Drop for Pooled<'_> {
    fn drop(&mut self) {
        let mut pool = lock(&self.store.pool);
        match self.conn.take() {
            Some(c) if !std::thread::panicking() && !c.is_broken() => pool.idle.push(c),
            _ => pool.open -= 1,
        }
        drop(pool);
        self.store.freed.notify_one();
    }
}

fn connect(target: &Target) -> Result<Conn> {
    match target {
        Target::Sqlite { path, uri } => {
            use rusqlite::OpenFlags;
            let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX;
            if *uri {
                flags |= OpenFlags::SQLITE_OPEN_URI;
            } else if let Some(dir) = PathBuf::from(path).parent()
                && !dir.as_os_str().is_empty()
                && !dir.exists()
            {
                return Err(StoreError::BadUrl {
                    url: path.clone(),
                    reason: format!("the folder {} does not exist", dir.display()),
                });
            }
            let c = rusqlite::Connection::open_with_flags(path, flags)?;
            // WAL: readers never block the writer or each other; NORMAL sync is durable
            // across application crashes, and a power cut can lose only the last commit.
            if !*uri {
                c.pragma_update(None, "journal_mode", "WAL")?;
            }
            c.pragma_update(None, "synchronous", "NORMAL")?;
            c.pragma_update(None, "foreign_keys", "ON")?;
            c.busy_timeout(std::time::Duration::from_secs(30))?;
            c.set_prepared_statement_cache_capacity(64);
            Ok(Conn::Sqlite(c))
        }
        Target::Postgres(config) => {
            let client = config.connect(postgres::NoTls)?;
            Ok(Conn::Postgres(Box::new(PgConn::new(client))))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_redacted() {
        assert_eq!(
            redact_url("postgres://ann:s3cret@db.example:5432/care"),
            "postgres://ann:***@db.example:5432/care"
        );
        assert_eq!(redact_url("postgres://ann@db/care"), "postgres://ann@db/care");
        assert_eq!(redact_url("/tmp/x.db"), "/tmp/x.db");
    }

    #[test]
    fn urls_pick_the_backend() {
        assert!(matches!(Store::open("mysql://x"), Err(StoreError::BadUrl { .. })));
        assert!(matches!(Store::open("/no/such/folder/x.db"), Err(StoreError::BadUrl { .. })));
        let s = Store::in_memory().unwrap();
        assert_eq!(s.backend(), Backend::Sqlite);
        assert!(s.schema_version().unwrap() >= 1);
    }
}
