//! Placement location fields derived from postcodes (spec §6). The lookups themselves live in
//! `carelens-geo`; this module holds the values they produce.

use std::fmt;

use crate::ids::LaCode;
use crate::postcode::PostcodePrecision;

/// Where a placement lies, at the level of the DfE's derived `PL_LA`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlacementArea {
    /// An English children's services authority.
    La(LaCode),
    /// Wales (`WAL`).
    Wales,
    /// Scotland (`SCO`).
    Scotland,
    /// Northern Ireland (`NIR`).
    NorthernIreland,
    /// Outside the UK (`NUK`), including the Channel Islands and the Isle of Man.
    OutsideUk,
}

impl fmt::Display for PlacementArea {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::La(c) => write!(f, "{c}"),
            Self::Wales => f.write_str("WAL"),
            Self::Scotland => f.write_str("SCO"),
            Self::NorthernIreland => f.write_str("NIR"),
            Self::OutsideUk => f.write_str("NUK"),
        }
    }
}

/// `PL_LOCATION`: inside or outside the responsible LA's boundary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlacementLocation {
    /// `IN`.
    In,
    /// `OUT`.
    Out,
}

/// The derived placement geography of one episode.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct PlacementGeo {
    /// `PL_LA`; `None` when the placement postcode is blank or unknown.
    pub pl_la: Option<PlacementArea>,
    /// `PL_LOCATION`; `None` when `PL_LA` is.
    pub pl_location: Option<PlacementLocation>,
    /// `PL_DISTANCE` in miles, home to placement; `None` when either postcode is blank or
    /// unknown (the DfE writes 999.9).
    pub pl_distance: Option<f64>,
    /// The coarser of the two postcodes' precisions (sector or district centroids are less
    /// precise than unit postcodes).
    pub precision: Option<PostcodePrecision>,
}
