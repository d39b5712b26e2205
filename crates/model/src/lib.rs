//! The SSDA903 ("children looked after") data model.
//!
//! Typed tables for every collection year from 2022/23 to 2026/27, DfE code lists as enums,
//! collection years, normalised postcodes, and the derived views every later stage needs
//! (periods of care, placements, moves). Each field keeps the raw text the LA sent, so that
//! validation reports what was actually in the return.
//!
//! This crate does no I/O: reading files is `carelens-ingest`'s job.
#![deny(missing_docs)]

pub use crate::ids::{ChildId, LaCode, LaCodeError, SwId, Upn, Urn};
pub use crate::postcode::{Postcode, PostcodeError, PostcodePrecision};

mod ids;
mod postcode;
