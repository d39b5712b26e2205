//! Reference geography shipped inside carelens, so that nothing is downloaded at run time.
//!
//! * the 153 English local authorities with children's services duties, their DfE and ONS codes
//!   and regions ([`las`], [`la`], [`Region`]);
//! * every UK postcode in the ONS Postcode Directory (November 2025) with its grid point and
//!   upper-tier [`Area`], plus sector and district centroids ([`locate`]);
//! * straight-line distances ([`distance_miles`], [`reference_distance_miles`]) and the derived
//!   SSDA903 fields `PL_LA`, `PL_LOCATION` and `PL_DISTANCE` ([`placement_location`]);
//! * for the synthetic data generator, postcodes by authority ([`postcodes_in`],
//!   [`postcode_at`]) and neighbouring authorities ([`nearest_las`]).
//!
//! It does not geocode addresses, convert to latitude and longitude, or know historical
//! boundaries: every postcode has the 2025 district it lies in today.
//!
//! Attribution for the shipped data, and how to rebuild it, is in `crates/geo/data/README.md`.
#![deny(missing_docs)]

pub use crate::area::Area;
pub use crate::derive::derive_placement_geo;
pub use crate::error::GeoError;
pub use crate::grid::{GridPoint, distance_miles, reference_distance_miles};
pub use crate::la::{LocalAuthority, Region, la, la_by_gss, la_by_name, las};
#[cfg(feature = "pack")]
pub use crate::pack::{PackReport, pack};
pub use crate::placement::{PlLocation, PlacementGeo, placement_location};
pub use crate::postcodes::{
    Located, locate, nearest_las, postcode_at, postcode_count, postcodes_in,
};

mod area;
mod derive;
mod error;
mod format;
mod grid;
mod la;
#[cfg(feature = "pack")]
mod pack;
mod placement;
mod postcodes;
mod table;
