//! The two backends behind one small interface: statements with `?` placeholders and a handful
//! of value types, transactions, and bulk inserts.
//!
//! SQL is written once, in the subset SQLite and PostgreSQL share: `BIGINT`, `DOUBLE
//! PRECISION` and `TEXT` columns (SQLite reads them as INTEGER, REAL and TEXT affinities), `?`
//! placeholders (rewritten to `$1`, `$2`… for PostgreSQL), no `SERIAL`, no `RETURNING`, no
//! `SUM` of integers without a `CAST` (PostgreSQL would return `NUMERIC`). Booleans are stored
//! as 0/1.

use std::collections::HashMap;
use std::io::Write as _;

use postgres::types::{ToSql, Type};

use crate::error::{Result, StoreError};

/// A parameter.
#[derive(Clone, Copy, Debug)]
pub(crate) enum P<'a> {
    Null,
    Int(i64),
    Real(f64),
    Text(&'a str),
}

impl From<i64> for P<'_> {
    fn from(v: i64) -> Self {
        Self::Int(v)
    }
}

impl From<u32> for P<'_> {
    fn from(v: u32) -> Self {
        Self::Int(i64::from(v))
    }
}

impl From<bool> for P<'_> {
    fn from(v: bool) -> Self {
        Self::Int(i64::from(v))
    }
}

impl<'a> From<&'a str> for P<'a> {
    fn from(v: &'a str) -> Self {
        Self::Text(v)
    }
}

impl<'a> From<&'a String> for P<'a> {
    fn from(v: &'a String) -> Self {
        Self::Text(v)
    }
}

impl<'a, T: Into<P<'a>>> From<Option<T>> for P<'a> {
    fn from(v: Option<T>) -> Self {
        v.map_or(Self::Null, Into::into)
    }
}

impl From<f64> for P<'_> {
    fn from(v: f64) -> Self {
        Self::Real(v)
    }
}

/// A value read back.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
}

impl Value {
    pub(crate) fn int(&self) -> Option<i64> {
        match self {
            Self::Int(v) => Some(*v),
            #[expect(clippy::cast_possible_truncation, reason = "only whole numbers are stored")]
            Self::Real(v) => Some(*v as i64),
            Self::Text(t) => t.parse().ok(),
            Self::Null => None,
        }
    }

    pub(crate) fn real(&self) -> Option<f64> {
        match self {
            #[expect(clippy::cast_precision_loss, reason = "counts are far below 2^53")]
            Self::Int(v) => Some(*v as f64),
            Self::Real(v) => Some(*v),
            Self::Text(t) => t.parse().ok(),
            Self::Null => None,
        }
    }

    pub(crate) fn text(&self) -> Option<&str> {
        match self {
            Self::Text(t) => Some(t),
            _ => None,
        }
    }

    /// A non-negative count; negative or missing reads as 0.
    pub(crate) fn count(&self) -> u64 {
        self.int().and_then(|v| u64::try_from(v).ok()).unwrap_or(0)
    }

    pub(crate) fn u32(&self) -> Option<u32> {
        self.int().and_then(|v| u32::try_from(v).ok())
    }
}

/// One row read back.
pub(crate) type Row = Vec<Value>;

/// A database connection of either kind.
pub(crate) enum Conn {
    Sqlite(rusqlite::Connection),
    Postgres(Box<PgConn>),
}

/// A PostgreSQL client with its own cache of prepared statements (the `postgres` crate does
/// not cache them, and preparing costs a round trip).
pub(crate) struct PgConn {
    pub(crate) client: postgres::Client,
    statements: HashMap<String, postgres::Statement>,
}

impl PgConn {
    pub(crate) fn new(client: postgres::Client) -> Self {
        Self { client, statements: HashMap::new() }
    }

    fn statement(&mut self, sql: &str) -> Result<postgres::Statement> {
        if let Some(s) = self.statements.get(sql) {
            return Ok(s.clone());
        }
        let s = self.client.prepare(&dollar_placeholders(sql))?;
        // Queries with IN lists vary in shape: bound the cache rather than let it grow.
        if self.statements.len() >= 256 {
            self.statements.clear();
        }
        self.statements.insert(sql.to_owned(), s.clone());
        Ok(s)
    }
}

impl Conn {
    /// Whether the connection can no longer be used.
    pub(crate) fn is_broken(&self) -> bool {
        match self {
            Self::Sqlite(_) => false,
            Self::Postgres(c) => c.client.is_closed(),
        }
    }

    /// Runs one or more statements without parameters.
    pub(crate) fn batch(&mut self, sql: &str) -> Result<()> {
        match self {
            Self::Sqlite(c) => c.execute_batch(sql)?,
            Self::Postgres(c) => c.client.batch_execute(sql)?,
        }
        Ok(())
    }

    /// Runs one statement; returns the rows changed.
    pub(crate) fn execute(&mut self, sql: &str, params: &[P<'_>]) -> Result<u64> {
        match self {
            Self::Sqlite(c) => {
                let mut st = c.prepare_cached(sql)?;
                let n = st.execute(rusqlite::params_from_iter(params.iter().map(SqliteParam)))?;
                Ok(n as u64)
            }
            Self::Postgres(c) => {
                let st = c.statement(sql)?;
                let boxed = pg_params(params, st.params())?;
                let refs: Vec<&(dyn ToSql + Sync)> = boxed.iter().map(|b| &**b).collect();
                Ok(c.client.execute(&st, &refs)?)
            }
        }
    }

    /// Runs a query; returns every row.
    pub(crate) fn query(&mut self, sql: &str, params: &[P<'_>]) -> Result<Vec<Row>> {
        match self {
            Self::Sqlite(c) => {
                let mut st = c.prepare_cached(sql)?;
                let n = st.column_count();
                let mut rows =
                    st.query(rusqlite::params_from_iter(params.iter().map(SqliteParam)))?;
                let mut out = Vec::new();
                while let Some(r) = rows.next()? {
                    let mut row = Vec::with_capacity(n);
                    for i in 0..n {
                        row.push(match r.get_ref(i)? {
                            rusqlite::types::ValueRef::Null => Value::Null,
                            rusqlite::types::ValueRef::Integer(v) => Value::Int(v),
                            rusqlite::types::ValueRef::Real(v) => Value::Real(v),
                            rusqlite::types::ValueRef::Text(t)
                            | rusqlite::types::ValueRef::Blob(t) => {
                                Value::Text(String::from_utf8_lossy(t).into_owned())
                            }
                        });
                    }
                    out.push(row);
                }
                Ok(out)
            }
            Self::Postgres(c) => {
                let st = c.statement(sql)?;
                let boxed = pg_params(params, st.params())?;
                let refs: Vec<&(dyn ToSql + Sync)> = boxed.iter().map(|b| &**b).collect();
                let rows = c.client.query(&st, &refs)?;
                rows.iter().map(pg_row).collect()
            }
        }
    }

    /// The first row of a query, if any.
    pub(crate) fn query_one(&mut self, sql: &str, params: &[P<'_>]) -> Result<Option<Row>> {
        Ok(self.query(sql, params)?.into_iter().next())
    }

    /// Runs `f` in a transaction: committed if it returns `Ok`, rolled back otherwise. On
    /// SQLite the transaction takes the write lock at once (`BEGIN IMMEDIATE`), so two writers
    /// queue instead of failing half-way.
    pub(crate) fn transaction<T>(&mut self, f: impl FnOnce(&mut Self) -> Result<T>) -> Result<T> {
        let begin = match self {
            Self::Sqlite(_) => "BEGIN IMMEDIATE",
            Self::Postgres(_) => "BEGIN",
        };
        self.batch(begin)?;
        match f(self) {
            Ok(v) => {
                self.batch("COMMIT")?;
                Ok(v)
            }
            Err(e) => {
                // The original error matters more than a failed rollback; a connection whose
                // rollback failed is closed by the pool (`is_broken`) or by SQLite itself.
                let _ = self.batch("ROLLBACK");
                Err(e)
            }
        }
    }

    /// Starts a bulk insert into `table` (SQLite: a prepared `INSERT`; PostgreSQL: `COPY`).
    pub(crate) fn bulk<'c>(&'c mut self, table: &str, columns: &[&str]) -> Result<Bulk<'c>> {
        match self {
            Self::Sqlite(c) => {
                let marks = vec!["?"; columns.len()].join(", ");
                let sql = format!("INSERT INTO {table} ({}) VALUES ({marks})", columns.join(", "));
                Ok(Bulk::Sqlite(c.prepare_cached(&sql)?))
            }
            Self::Postgres(c) => {
                let sql = format!("COPY {table} ({}) FROM STDIN (FORMAT text)", columns.join(", "));
                let writer = c.client.copy_in(&sql)?;
                Ok(Bulk::Postgres { writer, line: String::new(), rows: 0 })
            }
        }
    }
}

/// A bulk insert under way. Rows are written by [`Bulk::push`]; [`Bulk::finish`] completes it.
/// Dropped without `finish`, a PostgreSQL `COPY` is abandoned and fails the transaction.
pub(crate) enum Bulk<'c> {
    Sqlite(rusqlite::CachedStatement<'c>),
    Postgres { writer: postgres::CopyInWriter<'c>, line: String, rows: u64 },
}

impl Bulk<'_> {
    pub(crate) fn push(&mut self, row: &[P<'_>]) -> Result<()> {
        match self {
            Self::Sqlite(st) => {
                st.execute(rusqlite::params_from_iter(row.iter().map(SqliteParam)))?;
            }
            Self::Postgres { writer, line, rows } => {
                line.clear();
                for (i, p) in row.iter().enumerate() {
                    if i > 0 {
                        line.push('\t');
                    }
                    copy_field(line, *p);
                }
                line.push('\n');
                *rows += 1;
                // Flush in chunks: the writer buffers, but a line at a time is plenty.
                writer.write_all(line.as_bytes()).map_err(|e| {
                    StoreError::Internal(format!("writing COPY data to PostgreSQL: {e}"))
                })?;
            }
        }
        Ok(())
    }

    pub(crate) fn finish(self) -> Result<()> {
        match self {
            Self::Sqlite(_) => Ok(()),
            Self::Postgres { writer, .. } => {
                writer.finish()?;
                Ok(())
            }
        }
    }
}

/// One field in PostgreSQL's COPY text format.
fn copy_field(line: &mut String, p: P<'_>) {
    use std::fmt::Write as _;
    match p {
        P::Null => line.push_str("\\N"),
        P::Int(v) => {
            let _ = write!(line, "{v}");
        }
        P::Real(v) => {
            let _ = write!(line, "{v:?}");
        }
        P::Text(t) => {
            for c in t.chars() {
                match c {
                    '\\' => line.push_str("\\\\"),
                    '\n' => line.push_str("\\n"),
                    '\r' => line.push_str("\\r"),
                    '\t' => line.push_str("\\t"),
                    // PostgreSQL text cannot hold NUL; keep a visible replacement.
                    '\0' => line.push('\u{FFFD}'),
                    c => line.push(c),
                }
            }
        }
    }
}

/// `?` placeholders to PostgreSQL's `$1`, `$2`…, leaving string literals alone.
pub(crate) fn dollar_placeholders(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 8);
    let mut n = 0;
    let mut in_string = false;
    for c in sql.chars() {
        match c {
            '\'' => {
                in_string = !in_string;
                out.push(c);
            }
            '?' if !in_string => {
                n += 1;
                out.push('$');
                out.push_str(&n.to_string());
            }
            c => out.push(c),
        }
    }
    out
}

struct SqliteParam<'p, 'a>(&'p P<'a>);

impl rusqlite::ToSql for SqliteParam<'_, '_> {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(match *self.0 {
            P::Null => ToSqlOutput::Borrowed(ValueRef::Null),
            P::Int(v) => ToSqlOutput::Borrowed(ValueRef::Integer(v)),
            P::Real(v) => ToSqlOutput::Borrowed(ValueRef::Real(v)),
            P::Text(t) => ToSqlOutput::Borrowed(ValueRef::Text(t.as_bytes())),
        })
    }
}

type PgParam<'a> = Box<dyn ToSql + Sync + 'a>;

/// Binds each parameter as the Rust type PostgreSQL's inferred parameter type accepts.
fn pg_params<'a>(params: &'a [P<'a>], types: &[Type]) -> Result<Vec<PgParam<'a>>> {
    if params.len() != types.len() {
        return Err(StoreError::Internal(format!(
            "statement takes {} parameters, {} given",
            types.len(),
            params.len()
        )));
    }
    params.iter().zip(types).map(|(p, ty)| pg_param(*p, ty)).collect()
}

fn pg_param<'a>(p: P<'a>, ty: &Type) -> Result<PgParam<'a>> {
    let out_of_range =
        |v: i64| StoreError::Internal(format!("{v} does not fit a PostgreSQL {ty} parameter"));
    Ok(match p {
        P::Null => match *ty {
            Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME => Box::new(None::<&str>),
            Type::INT2 => Box::new(None::<i16>),
            Type::INT4 => Box::new(None::<i32>),
            Type::FLOAT4 => Box::new(None::<f32>),
            Type::FLOAT8 => Box::new(None::<f64>),
            Type::BOOL => Box::new(None::<bool>),
            _ => Box::new(None::<i64>),
        },
        P::Int(v) => match *ty {
            Type::INT2 => Box::new(i16::try_from(v).map_err(|_| out_of_range(v))?),
            Type::INT4 => Box::new(i32::try_from(v).map_err(|_| out_of_range(v))?),
            #[expect(clippy::cast_precision_loss, reason = "counts are far below 2^53")]
            Type::FLOAT8 => Box::new(v as f64),
            Type::BOOL => Box::new(v != 0),
            Type::TEXT | Type::VARCHAR => Box::new(v.to_string()),
            _ => Box::new(v),
        },
        P::Real(v) => match *ty {
            #[expect(clippy::cast_possible_truncation, reason = "the column is single precision")]
            Type::FLOAT4 => Box::new(v as f32),
            _ => Box::new(v),
        },
        P::Text(t) if t.contains('\0') => Box::new(t.replace('\0', "\u{FFFD}")),
        P::Text(t) => Box::new(t),
    })
}

fn pg_row(r: &postgres::Row) -> Result<Row> {
    let mut row = Vec::with_capacity(r.len());
    for (i, col) in r.columns().iter().enumerate() {
        let v = match *col.type_() {
            Type::INT8 => r.try_get::<_, Option<i64>>(i)?.map(Value::Int),
            Type::INT4 => r.try_get::<_, Option<i32>>(i)?.map(|v| Value::Int(v.into())),
            Type::INT2 => r.try_get::<_, Option<i16>>(i)?.map(|v| Value::Int(v.into())),
            Type::FLOAT8 => r.try_get::<_, Option<f64>>(i)?.map(Value::Real),
            Type::FLOAT4 => r.try_get::<_, Option<f32>>(i)?.map(|v| Value::Real(v.into())),
            Type::BOOL => r.try_get::<_, Option<bool>>(i)?.map(|v| Value::Int(v.into())),
            Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME => {
                r.try_get::<_, Option<String>>(i)?.map(Value::Text)
            }
            ref other => {
                return Err(StoreError::Internal(format!(
                    "column {} has type {other}, which the store does not read",
                    col.name()
                )));
            }
        };
        row.push(v.unwrap_or(Value::Null));
    }
    Ok(row)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_numbered_outside_strings() {
        assert_eq!(
            dollar_placeholders("SELECT a FROM t WHERE b = ? AND c = '?' AND d = ?"),
            "SELECT a FROM t WHERE b = $1 AND c = '?' AND d = $2"
        );
    }

    #[test]
    fn copy_fields_are_escaped() {
        let mut line = String::new();
        for p in [P::Text("a\tb\\c\nd\0"), P::Null, P::Int(-3), P::Real(0.5)] {
            copy_field(&mut line, p);
            line.push('|');
        }
        assert_eq!(line, "a\\tb\\\\c\\nd\u{FFFD}|\\N|-3|0.5|");
    }
}
