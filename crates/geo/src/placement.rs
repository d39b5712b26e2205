//! The derived Episodes fields `PL_LA`, `PL_LOCATION` and `PL_DISTANCE` (spec §6).

use std::fmt;

use carelens_model::{LaCode, Postcode, PostcodePrecision};

use crate::{Area, Located, locate, reference_distance_miles};

/// `PL_LOCATION`: whether the placement is inside the responsible authority.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlLocation {
    /// `IN`: the placement postcode lies in the responsible authority.
    In,
    /// `OUT`: it lies in another English authority or another nation.
    Out,
    /// Blank: no placement postcode, or one that is not found.
    Unknown,
}

impl PlLocation {
    /// `IN`, `OUT`, or the empty string, as the reference writes the column.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::In => "IN",
            Self::Out => "OUT",
            Self::Unknown => "",
        }
    }
}

impl fmt::Display for PlLocation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The derived placement fields of one episode (spec §6). See [`placement_location`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlacementGeo {
    /// `PL_LA`: the upper-tier area of the placement postcode; `None` (blank) when the
    /// placement postcode is missing or not found. [`Area`]'s `Display` gives the DfE form
    /// (`316`, `WAL`); [`Area::gss`] the reference validator's (`E09000025`).
    pub pl_la: Option<Area>,
    /// `PL_LOCATION`: `IN` when `pl_la` is the responsible authority, else `OUT`.
    pub pl_location: PlLocation,
    /// `PL_DISTANCE`: home to placement in miles, by the reference's formula
    /// ([`reference_distance_miles`]). `None` when it cannot be computed; the DfE writes that as
    /// 999.9.
    pub pl_distance: Option<f64>,
    /// The coarsest precision among the postcodes that were found; `None` when neither was.
    /// Anything but [`PostcodePrecision::Unit`] means a centroid stood in for a postcode.
    pub precision: Option<PostcodePrecision>,
}

/// Derives `PL_LA`, `PL_LOCATION` and `PL_DISTANCE` for an episode from `HOME_POST` and
/// `PL_POST`, following spec §6:
///
/// * `PL_LA` is the upper-tier area of the placement postcode: an English children's services
///   authority, or Wales, Scotland or Northern Ireland (always `OUT`).
/// * `PL_LOCATION` is `IN` when that is `responsible`, `OUT` otherwise, and blank
///   ([`PlLocation::Unknown`]) when the placement postcode is missing or not found.
/// * `PL_DISTANCE` is the straight line between the two postcodes, metres / 1000 / 1.6093,
///   rounded to one decimal, as the reference validator computes it. Use [`locate`] and
///   [`crate::distance_miles`] for the exact mile. It is `None` when either postcode is
///   missing or not found. A home postcode in Wales or Scotland still gets a distance (the
///   reference computes one; the DfE's own processing writes 999.9 for homes outside England).
///
/// ## Sector and district postcodes
/// Pseudonymised extracts carry only `E15 4` or `E15`. These are located at their centroid,
/// with the area of their most common LAD, and `precision` says so. The reference validator
/// finds nothing for them (it looks up unit postcodes only), so where strict agreement with it
/// matters, treat a result whose `precision` is not `Unit` as blank.
///
/// ## Reference behaviour
/// Northern Ireland postcodes are on the Irish Grid, the rest of the UK on the British
/// National Grid. The reference subtracts the two as if they were one grid and reports a
/// meaningless distance; here the distance between a Northern Ireland postcode and one
/// elsewhere is `None`.
///
/// ```
/// use carelens_geo::{Area, PlLocation, placement_location};
/// use carelens_model::{LaCode, Postcode};
///
/// let newham = LaCode::new(316).unwrap();
/// let home = Postcode::parse("E15 4NJ").unwrap();
/// let placement = Postcode::parse("SW1A 2AA").unwrap(); // Westminster
/// let geo = placement_location(newham, Some(&home), Some(&placement));
/// assert_eq!(geo.pl_la, Some(Area::La(LaCode::new(213).unwrap())));
/// assert_eq!(geo.pl_location, PlLocation::Out);
/// assert_eq!(geo.pl_distance, Some(6.5));
/// ```
pub fn placement_location(
    responsible: LaCode,
    home: Option<&Postcode>,
    placement: Option<&Postcode>,
) -> PlacementGeo {
    let home = home.and_then(locate);
    let placement = placement.and_then(locate);
    let pl_la = placement.map(|p| p.area);
    let pl_location = match pl_la {
        None => PlLocation::Unknown,
        Some(Area::La(code)) if code == responsible => PlLocation::In,
        Some(_) => PlLocation::Out,
    };
    let pl_distance = match (home, placement) {
        (Some(h), Some(p)) if on_irish_grid(h) == on_irish_grid(p) => {
            Some(reference_distance_miles(h.point, p.point))
        }
        _ => None,
    };
    let precision = home.into_iter().chain(placement).map(|l| l.precision).max();
    PlacementGeo { pl_la, pl_location, pl_distance, precision }
}

fn on_irish_grid(l: Located) -> bool {
    l.area == Area::NorthernIreland
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pc(text: &str) -> Postcode {
        Postcode::parse(text).unwrap()
    }

    fn code(n: u16) -> LaCode {
        LaCode::new(n).unwrap()
    }

    #[test]
    fn placement_inside_the_responsible_authority_is_in() {
        let geo = placement_location(code(316), Some(&pc("E15 4NJ")), Some(&pc("E15 4NJ")));
        assert_eq!(geo.pl_la, Some(Area::La(code(316))));
        assert_eq!(geo.pl_location, PlLocation::In);
        assert_eq!(geo.pl_distance, Some(0.0));
        assert_eq!(geo.precision, Some(PostcodePrecision::Unit));
    }

    #[test]
    fn placement_elsewhere_is_out_with_the_reference_distance() {
        let geo = placement_location(code(316), Some(&pc("e154nj")), Some(&pc("M1 1AE")));
        assert_eq!(geo.pl_la, Some(Area::La(code(352))));
        assert_eq!(geo.pl_location, PlLocation::Out);
        // dE 154,675 m, dN 213,894 m: 263,960.2 m / 1000 / 1.6093 = 164.02 miles.
        assert_eq!(geo.pl_distance, Some(164.0));
    }

    #[test]
    fn placement_in_wales_or_scotland_is_out_with_the_nation() {
        let geo = placement_location(code(316), Some(&pc("E15 4NJ")), Some(&pc("CF10 1AA")));
        assert_eq!((geo.pl_la, geo.pl_location), (Some(Area::Wales), PlLocation::Out));
        assert!(geo.pl_distance.is_some());
        let geo = placement_location(code(316), None, Some(&pc("EH1 1AA")));
        assert_eq!((geo.pl_la, geo.pl_location), (Some(Area::Scotland), PlLocation::Out));
        assert_eq!(geo.pl_distance, None);
    }

    #[test]
    fn northern_ireland_gets_no_distance_from_great_britain() {
        let geo = placement_location(code(316), Some(&pc("E15 4NJ")), Some(&pc("BT1 1AA")));
        assert_eq!(geo.pl_la, Some(Area::NorthernIreland));
        assert_eq!(geo.pl_location, PlLocation::Out);
        assert_eq!(geo.pl_distance, None);
        let geo = placement_location(code(316), Some(&pc("BT1 1AE")), Some(&pc("BT1 1AA")));
        assert_eq!(geo.pl_distance, Some(0.4));
    }

    #[test]
    fn missing_or_unknown_postcodes_leave_fields_blank() {
        let geo = placement_location(code(316), Some(&pc("E15 4NJ")), None);
        assert_eq!(geo.pl_la, None);
        assert_eq!(geo.pl_location, PlLocation::Unknown);
        assert_eq!(geo.pl_location.as_str(), "");
        assert_eq!(geo.pl_distance, None);
        assert_eq!(geo.precision, Some(PostcodePrecision::Unit));
        let geo = placement_location(code(316), Some(&pc("ZZ99 9ZZ")), Some(&pc("E15 4NJ")));
        assert_eq!(geo.pl_location, PlLocation::In);
        assert_eq!(geo.pl_distance, None);
        let geo = placement_location(code(316), None, Some(&pc("E15 4CC")));
        assert_eq!(
            geo,
            PlacementGeo {
                pl_la: None,
                pl_location: PlLocation::Unknown,
                pl_distance: None,
                precision: None
            }
        );
    }

    #[test]
    fn sectors_and_districts_use_centroids_and_say_so() {
        let geo = placement_location(code(316), Some(&pc("E15 4")), Some(&pc("M1")));
        assert_eq!(geo.pl_la, Some(Area::La(code(352))));
        assert_eq!(geo.pl_location, PlLocation::Out);
        assert_eq!(geo.precision, Some(PostcodePrecision::District));
        let miles = geo.pl_distance.unwrap();
        assert!((160.0..170.0).contains(&miles), "{miles}");
    }
}
