//! The carelens store: returns, validation findings and indicators for many LAs and years, and
//! the users who may read them, in an embedded SQLite file or a PostgreSQL database.
//!
//! * One public type, [`Store`], whatever the backend: [`Store::open`] takes a path,
//!   `sqlite:PATH` or a `postgres://` URL; [`Store::open_default`] reads `CARELENS_DB`, else
//!   uses `./carelens.db`.
//! * The schema is a list of numbered SQL migrations embedded in the binary, applied on open and
//!   recorded in `schema_version`. Migrations are add-only and never edited.
//! * Loading an LA-year ([`Store::load`]) replaces it in one transaction: a load that fails
//!   leaves the store as it was.
//! * Every read of child-level data takes a [`Principal`] and is refused unless
//!   [`Principal::can_read_child`] allows it; aggregates go through
//!   [`Principal::can_read_aggregate`].
//!
//! All functions are synchronous and block: call them from a thread pool
//! (`tokio::task::spawn_blocking`), never directly on an async runtime (the PostgreSQL client
//! runs its own small runtime). A [`Store`] is cheap to clone and shares a pool of connections.
//!
//! The store does not read files or the clock: the CLI reads returns and passes the time.
#![deny(missing_docs)]

pub use crate::access::{MIN_PASSWORD_LEN, NewUser, Principal, Role, UserInfo};
pub use crate::error::{Result, StoreError};
pub use crate::pipeline::LoadSummary;
pub use crate::prepare::{LoadData, prepare};
pub use crate::store::{DEFAULT_PATH, LoadReport, Store, default_url, redact_url};
pub use crate::types::{
    Area, Backend, CellStatus, CellView, ChildPage, ChildRows, ChildSummary, ChildTable, Code,
    FindingFilter, FindingRecord, IndicatorQuery, IndicatorValue, MoveKindView, ReturnSummary,
    RowView, RuleCount, Timeline, TimelineLegalStatus, TimelineMissing, TimelinePeriod,
    TimelinePlacement, TimelineReview, TimelineSocialWorker,
};

/// Regions, re-exported for callers that build [`Role::Regional`] or [`Area::Region`].
pub use carelens_geo::Region;

mod access;
mod db;
mod error;
mod load;
mod migrations;
mod pipeline;
mod prepare;
mod read;
mod store;
mod types;
mod users;
