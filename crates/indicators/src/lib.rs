//! Stability and safety indicators from SSDA903 returns, for any LA, region or all of England.
//!
//! Every indicator is declared once ([`catalogue`]): its id, exact definition, denominator,
//! source fields, unit and the published figure it is compared with. The documentation page
//! (`docs/indicators.md`, [`catalogue_markdown`]), the CLI catalogue and every report format
//! are generated from those declarations. Definitions follow the DfE's statistics and the
//! Children's Commissioner's Stability Index (spec `indicators.md`); where the spec leaves a
//! choice open, the declaration says what carelens does.
//!
//! How it works: each LA's return for a year (with its earlier years as history) becomes one
//! [`ChildRecord`] per child, holding every fact the indicators count; each indicator is a
//! numerator and a denominator summed over those records. LAs are measured in parallel.
//! Regions and England add up numerators and denominators, never percentages.
//!
//! # For other crates (stable API)
//! * [`compute_all`]`(&[Returns]) -> Vec<`[`IndicatorValue`]`>`: every indicator for every LA
//!   and year given, with region and England totals.
//! * [`IndicatorValue`] `{ id, area, year, numerator, denominator, value }`, `Serialize` as
//!   `{"id":"…","area":"316","year":"2024/25","numerator":12,"denominator":340,"value":3.5}`.
//! * [`indicator`]`(id)` and [`catalogue`] for titles, units and definitions.
//!
//! # What it does not do
//! It does not validate returns (that is `carelens-rules`): a value that does not parse is left
//! out of what it would have fed, as the DfE would leave it out. It does not read files.
//! Child-level output ([`ChildRecord`], [`Outlier`]) is for the LA's own use and is never
//! part of a publication ([`suppress::for_publication`]).
#![deny(missing_docs)]

pub use crate::area::{Area, Level};
pub use crate::catalogue::{
    Family, Indicator, Published, PublishedValue, Topic, Unit, catalogue, families, indicator,
};
pub use crate::compat::{Headline, Snapshot, headline, snapshot};
pub use crate::compute::{Computation, Options, compute, compute_all};
pub use crate::docs::catalogue_markdown;
pub use crate::error::IndicatorError;
pub use crate::outliers::{Outlier, OutlierReason, OutlierThresholds};
pub use crate::record::{AtYearEnd, ChildRecord, LeaverAge, MissingFacts, Oc2Facts, Oc3Facts};
pub use crate::stays::PlacementCounting;
pub use crate::value::IndicatorValue;

pub mod chart;
pub mod report;
pub mod suppress;

mod area;
mod catalogue;
mod compat;
mod compute;
mod defs;
mod docs;
mod error;
mod fxhash;
mod outliers;
mod record;
mod stays;
mod value;
