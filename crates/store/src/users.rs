//! Users, API tokens and web sessions.

use carelens_geo::Region;
use carelens_model::LaCode;

use crate::access::{
    NewUser, Principal, Role, UserInfo, check_name, check_password, hash_password, new_token,
    token_hash, verify_password,
};
use crate::db::{Conn, P, Value};
use crate::error::{Result, StoreError};

fn role_columns(role: Role) -> Result<(&'static str, Option<&'static str>, Option<i64>)> {
    Ok(match role {
        Role::National => ("national", None, None),
        Role::Regional(r) => ("regional", Some(r.name()), None),
        Role::La(code) => {
            if carelens_geo::la(code).is_none() {
                return Err(StoreError::Invalid(format!(
                    "LA {code}: no English children's services authority has this DfE code"
                )));
            }
            ("la", None, Some(code.get().into()))
        }
    })
}

/// The role stored in a row; `None` for a row this binary cannot read (then the user is
/// treated as unknown: no access rather than a guess).
fn role_from(kind: &Value, region: &Value, la: &Value) -> Option<Role> {
    match kind.text()? {
        "national" => Some(Role::National),
        "regional" => region.text().and_then(Region::from_name).map(Role::Regional),
        "la" => la
            .int()
            .and_then(|l| u16::try_from(l).ok())
            .and_then(|l| LaCode::new(l).ok())
            .map(Role::La),
        _ => None,
    }
}

fn exists(c: &mut Conn, name: &str) -> Result<bool> {
    Ok(c.query_one("SELECT 1 FROM users WHERE name = ?", &[P::Text(name)])?.is_some())
}

pub(crate) fn add(c: &mut Conn, user: &NewUser<'_>, now: jiff::Timestamp) -> Result<()> {
    check_name(user.name)?;
    let (kind, region, la) = role_columns(user.role)?;
    let hash = match user.password {
        Some(pw) => {
            check_password(pw)?;
            Some(hash_password(pw)?)
        }
        None => None,
    };
    let created = now.to_string();
    c.transaction(|c| {
        if exists(c, user.name)? {
            return Err(StoreError::UserExists(user.name.to_owned()));
        }
        c.execute(
            "INSERT INTO users (name, role, region, la, admin, password_hash, created_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?)",
            &[
                P::Text(user.name),
                P::Text(kind),
                region.into(),
                la.into(),
                user.admin.into(),
                hash.as_deref().into(),
                P::Text(&created),
            ],
        )?;
        Ok(())
    })
}

pub(crate) fn set_password(c: &mut Conn, name: &str, password: Option<&str>) -> Result<()> {
    let hash = match password {
        Some(pw) => {
            check_password(pw)?;
            Some(hash_password(pw)?)
        }
        None => None,
    };
    let n = c.execute(
        "UPDATE users SET password_hash = ? WHERE name = ?",
        &[hash.as_deref().into(), P::Text(name)],
    )?;
    if n == 0 {
        return Err(StoreError::UnknownUser(name.to_owned()));
    }
    // A new password ends every web session of the user.
    c.execute("DELETE FROM sessions WHERE user_name = ?", &[P::Text(name)])?;
    Ok(())
}

pub(crate) fn set_role(c: &mut Conn, name: &str, role: Role, admin: bool) -> Result<()> {
    let (kind, region, la) = role_columns(role)?;
    let n = c.execute(
        "UPDATE users SET role = ?, region = ?, la = ?, admin = ? WHERE name = ?",
        &[P::Text(kind), region.into(), la.into(), admin.into(), P::Text(name)],
    )?;
    if n == 0 {
        return Err(StoreError::UnknownUser(name.to_owned()));
    }
    Ok(())
}

pub(crate) fn remove(c: &mut Conn, name: &str) -> Result<bool> {
    c.transaction(|c| {
        // Explicit, not only ON DELETE CASCADE: SQLite enforces foreign keys per connection.
        c.execute("DELETE FROM api_tokens WHERE user_name = ?", &[P::Text(name)])?;
        c.execute("DELETE FROM sessions WHERE user_name = ?", &[P::Text(name)])?;
        Ok(c.execute("DELETE FROM users WHERE name = ?", &[P::Text(name)])? > 0)
    })
}

pub(crate) fn list(c: &mut Conn) -> Result<Vec<UserInfo>> {
    let rows = c.query(
        "SELECT u.name, u.role, u.region, u.la, u.admin, u.password_hash, u.created_at, \
         (SELECT COUNT(*) FROM api_tokens t WHERE t.user_name = u.name) \
         FROM users u ORDER BY u.name",
        &[],
    )?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(UserInfo {
                name: r[0].text()?.to_owned(),
                role: role_from(&r[1], &r[2], &r[3])?,
                admin: r[4].int() == Some(1),
                has_password: r[5].text().is_some(),
                created_at: r[6].text().unwrap_or_default().to_owned(),
                tokens: r[7].u32().unwrap_or(0),
            })
        })
        .collect())
}

const PRINCIPAL_COLUMNS: &str = "u.name, u.role, u.region, u.la, u.admin";

fn principal_from(r: &[Value]) -> Option<Principal> {
    Some(Principal {
        name: r[0].text()?.to_owned(),
        role: role_from(&r[1], &r[2], &r[3])?,
        admin: r[4].int() == Some(1),
    })
}

pub(crate) fn principal(c: &mut Conn, name: &str) -> Result<Option<Principal>> {
    let row = c.query_one(
        &format!("SELECT {PRINCIPAL_COLUMNS} FROM users u WHERE u.name = ?"),
        &[P::Text(name)],
    )?;
    Ok(row.as_deref().and_then(principal_from))
}

pub(crate) fn create_token(
    c: &mut Conn,
    name: &str,
    label: &str,
    now: jiff::Timestamp,
) -> Result<String> {
    if !exists(c, name)? {
        return Err(StoreError::UnknownUser(name.to_owned()));
    }
    let token = new_token()?;
    let created = now.to_string();
    c.execute(
        "INSERT INTO api_tokens (token_hash, user_name, label, created_at) VALUES (?, ?, ?, ?)",
        &[P::Text(&token_hash(&token)), P::Text(name), P::Text(label), P::Text(&created)],
    )?;
    Ok(token)
}

pub(crate) fn revoke_tokens(c: &mut Conn, name: &str) -> Result<u64> {
    c.execute("DELETE FROM api_tokens WHERE user_name = ?", &[P::Text(name)])
}

/// A fixed Argon2 hash to verify against when the user is unknown, so that a wrong user name
/// takes as long as a wrong password and names cannot be found by timing.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2sOQjPr1Ip6UC3zC1A/8Kz4xB8t3l0qKZr2G6lPqJmc";

pub(crate) fn authenticate_password(
    c: &mut Conn,
    name: &str,
    password: &str,
) -> Result<Option<Principal>> {
    let row = c.query_one(
        &format!("SELECT {PRINCIPAL_COLUMNS}, u.password_hash FROM users u WHERE u.name = ?"),
        &[P::Text(name)],
    )?;
    let stored = row.as_ref().and_then(|r| r[5].text());
    let ok = verify_password(password, stored.unwrap_or(DUMMY_HASH));
    Ok(if ok && stored.is_some() { row.as_deref().and_then(principal_from) } else { None })
}

pub(crate) fn authenticate_token(c: &mut Conn, token: &str) -> Result<Option<Principal>> {
    let row = c.query_one(
        &format!(
            "SELECT {PRINCIPAL_COLUMNS} FROM api_tokens t JOIN users u ON u.name = t.user_name \
             WHERE t.token_hash = ?"
        ),
        &[P::Text(&token_hash(token))],
    )?;
    Ok(row.as_deref().and_then(principal_from))
}

pub(crate) fn create_session(
    c: &mut Conn,
    name: &str,
    now: jiff::Timestamp,
    ttl: jiff::SignedDuration,
) -> Result<String> {
    if !exists(c, name)? {
        return Err(StoreError::UnknownUser(name.to_owned()));
    }
    let token = new_token()?;
    let expires = now.as_second().saturating_add(ttl.as_secs());
    c.execute(
        "INSERT INTO sessions (token_hash, user_name, expires_at) VALUES (?, ?, ?)",
        &[P::Text(&token_hash(&token)), P::Text(name), P::Int(expires)],
    )?;
    Ok(token)
}

pub(crate) fn session(
    c: &mut Conn,
    token: &str,
    now: jiff::Timestamp,
) -> Result<Option<Principal>> {
    let row = c.query_one(
        &format!(
            "SELECT {PRINCIPAL_COLUMNS} FROM sessions s JOIN users u ON u.name = s.user_name \
             WHERE s.token_hash = ? AND s.expires_at > ?"
        ),
        &[P::Text(&token_hash(token)), P::Int(now.as_second())],
    )?;
    Ok(row.as_deref().and_then(principal_from))
}

pub(crate) fn end_session(c: &mut Conn, token: &str) -> Result<()> {
    c.execute("DELETE FROM sessions WHERE token_hash = ?", &[P::Text(&token_hash(token))])?;
    Ok(())
}

pub(crate) fn purge_sessions(c: &mut Conn, now: jiff::Timestamp) -> Result<u64> {
    c.execute("DELETE FROM sessions WHERE expires_at <= ?", &[P::Int(now.as_second())])
}
