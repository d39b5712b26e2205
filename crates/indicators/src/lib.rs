//! Indicators computed from SSDA903 returns.
//!
//! Each indicator is a count with, where it applies, a denominator, so that reports can
//! suppress small numbers and show both. Definitions follow the DfE's statistics (spec
//! `indicators.md`): children looked after only under short-break legal statuses (V3, V4) are
//! excluded everywhere.
#![deny(missing_docs)]

pub use crate::headline::{Headline, headline};
pub use crate::snapshot::{Snapshot, snapshot};

mod headline;
mod snapshot;
