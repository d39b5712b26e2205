//! The SSDA903 ("children looked after") data model.
//!
//! Typed tables for every collection year from 2022/23 to 2026/27, DfE code lists as enums,
//! collection years, normalised postcodes, and the derived views every later stage needs
//! (periods of care, placements, moves). Each field keeps the raw text the LA sent, so that
//! validation reports what was actually in the return.
//!
//! This crate does no I/O: reading files is `carelens-ingest`'s job.
#![deny(missing_docs)]

pub use crate::dates::PartialDate;
pub use crate::field::{CellValue, Coercion, Field, Parsed, is_blank_text};
pub use crate::geo::{PlacementArea, PlacementGeo, PlacementLocation};
pub use crate::history::{
    CareHistory, ChainIssue, LegalStatusChange, MoveKind, PeriodOfCare, Placement, care_histories,
    care_histories_of, social_worker_changes,
};
pub use crate::ids::{ChildId, LaCode, LaCodeError, SwId, Upn, Urn};
pub use crate::postcode::{Postcode, PostcodeError, PostcodePrecision};
pub use crate::ret::{Return903, Returns, Source, SourceFormat};
pub use crate::tables::{
    Ad1, AnyRow, Cell, CellState, DoLo, Episode, Header, Loc, Missing, Oc2, Oc3, PlacedAdoption,
    PrevPerm, Review, Row, SwEpisode, Table, TableKind, Tables, Uasc,
};
pub use crate::year::{CollectionYear, YearError};
/// Dates are `jiff` civil dates.
pub use jiff::civil::Date;

pub mod codes;
mod dates;
mod field;
mod geo;
mod history;
mod ids;
mod postcode;
mod ret;
mod tables;
mod year;
