//! Schema migrations: numbered SQL files embedded in the binary, applied in order on open and
//! recorded in `schema_version`.
//!
//! The story: each migration is a file `migrations/NNNN_name.sql`, written once in SQL that
//! both backends run; where they must differ a migration carries a PostgreSQL variant. A file
//! is never edited after release (STYLE §1: add-only). On open, every migration newer than the
//! database's version is applied, all in one transaction, so a failed upgrade changes nothing.
//! Two processes opening the same new database at once are serialised: SQLite by `BEGIN
//! IMMEDIATE`, PostgreSQL by an advisory lock. A database newer than the binary is refused
//! rather than misread.

use crate::db::{Conn, P};
use crate::error::{Result, StoreError};

struct Migration {
    version: i64,
    name: &'static str,
    /// The SQL both backends run.
    sql: &'static str,
    /// PostgreSQL's own text, where it must differ.
    postgres: Option<&'static str>,
}

const MIGRATIONS: &[Migration] = &[Migration {
    version: 1,
    name: "initial",
    sql: include_str!("../migrations/0001_initial.sql"),
    postgres: None,
}];

/// The newest schema version this binary knows.
pub(crate) fn latest() -> i64 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}

/// The key of the advisory lock that serialises migrations on PostgreSQL ("carelens").
const PG_LOCK_KEY: i64 = 0x6361_7265_6c65_6e73;

pub(crate) fn apply(conn: &mut Conn) -> Result<()> {
    conn.batch(
        "CREATE TABLE IF NOT EXISTS schema_version (
            version BIGINT PRIMARY KEY,
            name TEXT NOT NULL
        )",
    )?;
    conn.transaction(|c| {
        if matches!(c, Conn::Postgres(_)) {
            c.execute("SELECT pg_advisory_xact_lock(?)", &[P::Int(PG_LOCK_KEY)])?;
        }
        let found = current(c)?;
        if found > latest() {
            return Err(StoreError::SchemaTooNew { found, known: latest() });
        }
        for m in MIGRATIONS.iter().filter(|m| m.version > found) {
            let sql = match (&*c, m.postgres) {
                (Conn::Postgres(_), Some(pg)) => pg,
                _ => m.sql,
            };
            c.batch(sql)?;
            c.execute(
                "INSERT INTO schema_version (version, name) VALUES (?, ?)",
                &[P::Int(m.version), P::Text(m.name)],
            )?;
        }
        Ok(())
    })
}

pub(crate) fn current(conn: &mut Conn) -> Result<i64> {
    let row = conn.query_one("SELECT MAX(version) FROM schema_version", &[])?;
    Ok(row.and_then(|r| r.first().and_then(crate::db::Value::int)).unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_numbered_from_one_without_gaps() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.version, i64::try_from(i).unwrap() + 1, "{}", m.name);
        }
    }
}
