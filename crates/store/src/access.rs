//! Who may read what: roles, principals and the one authorisation check.
//!
//! * An **LA** user reads child-level data of its own LA only, and aggregates of its own LA, of
//!   every region and of England (for comparison). It does not see other LAs' figures: before
//!   the DfE publishes them they are that LA's business.
//! * A **regional** user reads aggregates only: of the LAs in its region, of every region and
//!   of England. Never a child's record, not even in its own region.
//! * A **national** user reads aggregates only, of every area. Never a child's record.
//!
//! Every read of child-level data in the store takes a [`Principal`] and goes through
//! [`Principal::can_read_child`]; every read of aggregates filters through
//! [`Principal::can_read_aggregate`]. The web API has no other path to the data.
//!
//! Secrets: passwords are hashed with Argon2id (salted, memory-hard: a password is guessable,
//! so each guess must be expensive). API and session tokens are 32 random bytes from the
//! operating system and are stored as their SHA-256: a token cannot be guessed, so a fast hash
//! loses nothing, and it allows looking a token up by an index instead of trying every hash.

use std::fmt;

use carelens_geo::Region;
use carelens_model::LaCode;
use serde::Serialize;

use crate::error::{Result, StoreError};
use crate::types::Area;

/// What a user may see.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// Aggregates of every area; no child-level data.
    National,
    /// Aggregates of its region's LAs, of every region and of England; no child-level data.
    Regional(Region),
    /// Child-level data and aggregates of its own LA; aggregates of regions and England.
    La(LaCode),
}

impl Role {
    /// The role's kind as stored: `national`, `regional` or `la`.
    pub fn kind(self) -> &'static str {
        match self {
            Self::National => "national",
            Self::Regional(_) => "regional",
            Self::La(_) => "la",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::National => f.write_str("national"),
            Self::Regional(r) => write!(f, "regional ({r})"),
            Self::La(code) => match carelens_geo::la(*code) {
                Some(la) => write!(f, "la {code} ({})", la.name),
                None => write!(f, "la {code}"),
            },
        }
    }
}

impl Serialize for Role {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Role", 3)?;
        st.serialize_field("kind", self.kind())?;
        st.serialize_field("region", &self.region().map(Region::name))?;
        st.serialize_field("la", &self.la().map(|c| c.to_string()))?;
        st.end()
    }
}

impl Role {
    /// The LA of an LA role.
    pub fn la(self) -> Option<LaCode> {
        match self {
            Self::La(code) => Some(code),
            _ => None,
        }
    }

    /// The region of a regional role, or of an LA role's LA.
    pub fn region(self) -> Option<Region> {
        match self {
            Self::National => None,
            Self::Regional(r) => Some(r),
            Self::La(code) => carelens_geo::la(code).map(|la| la.region),
        }
    }
}

/// An authenticated user: who is asking, and with what role.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Principal {
    /// The user name.
    pub name: String,
    /// The role.
    pub role: Role,
    /// May manage users (the web API's user pages); grants no extra data.
    pub admin: bool,
}

impl Principal {
    /// A principal that is not stored (tests, the benchmark, the CLI acting for a role).
    pub fn new(name: impl Into<String>, role: Role) -> Self {
        Self { name: name.into(), role, admin: false }
    }

    /// Whether this principal may read child-level data (rows, findings, timelines, the
    /// children list) of `la`: only an LA user of that very LA.
    pub fn can_read_child(&self, la: LaCode) -> bool {
        matches!(self.role, Role::La(own) if own == la)
    }

    /// Whether this principal may read aggregates (indicators, counts) of `area`.
    pub fn can_read_aggregate(&self, area: Area) -> bool {
        match (self.role, area) {
            (_, Area::England | Area::Region(_)) | (Role::National, _) => true,
            (Role::Regional(r), Area::La(code)) => {
                carelens_geo::la(code).is_some_and(|la| la.region == r)
            }
            (Role::La(own), Area::La(code)) => own == code,
        }
    }

    /// [`Principal::can_read_child`] as a `Result`, for the store's own reads.
    pub(crate) fn check_child(&self, la: LaCode) -> Result<()> {
        if self.can_read_child(la) {
            Ok(())
        } else {
            Err(StoreError::Forbidden("child-level data is only for users of the child's own LA"))
        }
    }

    /// [`Principal::can_read_aggregate`] as a `Result`.
    pub(crate) fn check_aggregate(&self, area: Area) -> Result<()> {
        if self.can_read_aggregate(area) {
            Ok(())
        } else {
            Err(StoreError::Forbidden("this area's figures are not open to this user"))
        }
    }
}

/// A user to add.
#[derive(Clone, Debug)]
pub struct NewUser<'a> {
    /// The name: 1–64 characters, letters, digits, `.`, `_`, `-`, `@`.
    pub name: &'a str,
    /// The role.
    pub role: Role,
    /// May manage users.
    pub admin: bool,
    /// A password for the web login; `None` for a user who only uses API tokens.
    pub password: Option<&'a str>,
}

/// A stored user, without secrets.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UserInfo {
    /// The name.
    pub name: String,
    /// The role.
    pub role: Role,
    /// May manage users.
    pub admin: bool,
    /// Whether a password is set.
    pub has_password: bool,
    /// API tokens issued and not revoked.
    pub tokens: u32,
    /// When the user was added (RFC 3339).
    pub created_at: String,
}

/// Shortest password accepted.
pub const MIN_PASSWORD_LEN: usize = 10;

pub(crate) fn check_name(name: &str) -> Result<()> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '@'));
    if ok {
        Ok(())
    } else {
        Err(StoreError::Invalid(format!(
            "user name {name:?}: expected 1-64 letters, digits, '.', '_', '-' or '@'"
        )))
    }
}

pub(crate) fn check_password(password: &str) -> Result<()> {
    if password.chars().count() < MIN_PASSWORD_LEN {
        return Err(StoreError::Invalid(format!(
            "password too short: expected at least {MIN_PASSWORD_LEN} characters"
        )));
    }
    Ok(())
}

/// Argon2id with the crate's defaults (19 MiB, 2 passes: OWASP's recommended minimum).
pub(crate) fn hash_password(password: &str) -> Result<String> {
    use argon2::password_hash::{PasswordHasher, SaltString};
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| StoreError::Random(e.to_string()))?;
    let salt =
        SaltString::encode_b64(&salt).map_err(|e| StoreError::PasswordHash(e.to_string()))?;
    argon2::Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| StoreError::PasswordHash(e.to_string()))
}

/// Whether `password` matches a stored PHC hash string. A malformed stored hash never matches.
pub(crate) fn verify_password(password: &str, stored: &str) -> bool {
    use argon2::password_hash::{PasswordHash, PasswordVerifier};
    PasswordHash::new(stored)
        .is_ok_and(|h| argon2::Argon2::default().verify_password(password.as_bytes(), &h).is_ok())
}

/// A new random token, `cl_` and 64 hex digits (32 bytes from the operating system).
pub(crate) fn new_token() -> Result<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| StoreError::Random(e.to_string()))?;
    Ok(format!("cl_{}", hex(&bytes)))
}

/// The SHA-256 of a token, in hex: what is stored.
pub(crate) fn token_hash(token: &str) -> String {
    use sha2::Digest;
    hex(&sha2::Sha256::digest(token.trim().as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn la(code: u16) -> LaCode {
        LaCode::new(code).unwrap()
    }

    #[test]
    fn only_an_la_user_of_that_la_reads_its_children() {
        let newham = Principal::new("n", Role::La(la(316)));
        assert!(newham.can_read_child(la(316)));
        assert!(!newham.can_read_child(la(317)));
        for role in [Role::National, Role::Regional(Region::London)] {
            let p = Principal::new("x", role);
            assert!(!p.can_read_child(la(316)), "{role} must never read a child");
        }
    }

    #[test]
    fn aggregates_follow_the_role() {
        let london = Principal::new("r", Role::Regional(Region::London));
        assert!(london.can_read_aggregate(Area::La(la(316))), "Newham is in London");
        assert!(!london.can_read_aggregate(Area::La(la(909))), "Cumbria is not");
        assert!(london.can_read_aggregate(Area::Region(Region::NorthWest)));
        assert!(london.can_read_aggregate(Area::England));
        let newham = Principal::new("n", Role::La(la(316)));
        assert!(newham.can_read_aggregate(Area::La(la(316))));
        assert!(!newham.can_read_aggregate(Area::La(la(317))));
        assert!(newham.can_read_aggregate(Area::England));
        let national = Principal::new("e", Role::National);
        assert!(national.can_read_aggregate(Area::La(la(909))));
    }

    #[test]
    fn tokens_are_random_and_hash_stably() {
        let a = new_token().unwrap();
        let b = new_token().unwrap();
        assert_ne!(a, b);
        assert_eq!(a.len(), 3 + 64);
        assert_eq!(token_hash(&a), token_hash(&format!(" {a}\n")));
        assert_ne!(token_hash(&a), token_hash(&b));
        // SHA-256("abc"), FIPS 180-2 appendix B.1.
        assert_eq!(
            token_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn passwords_verify_only_themselves() {
        let h = hash_password("correct horse battery").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery", &h));
        assert!(!verify_password("correct horse battery!", &h));
        assert!(!verify_password("anything", "not a hash"));
    }

    #[test]
    fn names_and_passwords_are_checked() {
        assert!(check_name("ana.lyst@newham").is_ok());
        assert!(check_name("").is_err());
        assert!(check_name("a b").is_err());
        assert!(check_password("short").is_err());
        assert!(check_password("long enough!").is_ok());
    }
}
