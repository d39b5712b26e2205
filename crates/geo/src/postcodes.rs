//! Postcode lookups against the ONS Postcode Directory shipped in `data/postcodes.lz4`.
//!
//! The file is decoded once, on first use, into columns (about 27 MB in memory); lookups are
//! binary searches.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use carelens_model::{LaCode, Postcode, PostcodePrecision};

use crate::table::Table;
use crate::{Area, GridPoint, distance_miles, la, las};

pub(crate) const PACKED: &[u8] = include_bytes!("../data/postcodes.lz4");

/// Where a postcode lies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Located {
    /// The postcode's grid point (for a sector or district, the mean of its unit postcodes).
    pub point: GridPoint,
    /// The upper-tier area (for a sector or district, that of its most common LAD).
    pub area: Area,
    /// Whether `point` is a unit postcode or a sector or district centroid.
    pub precision: PostcodePrecision,
}

pub(crate) fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        Table::decode(PACKED).expect("carelens-geo: the embedded postcode file is corrupt (a bug)")
    })
}

/// Locates a postcode at its own precision.
///
/// A unit postcode (`E15 4NJ`) is looked up among the 2.7 million unit postcodes, live and
/// terminated, of the November 2025 ONS Postcode Directory. A sector (`E15 4`) or district
/// (`E15`) gives that sector's or district's centroid and the area of its most common LAD.
///
/// Returns `None` when the postcode is not in the directory. A unit postcode that is not found
/// does **not** fall back to its sector: callers decide whether to try
/// `Postcode::parse(postcode.sector())` and must then treat the answer as less precise.
///
/// The first call decodes the embedded file (tens of milliseconds in a release build).
///
/// # Panics
/// If the embedded file does not decode, which would be a bug in this crate (its tests decode
/// it). The same holds for every function here that reads postcodes.
///
/// # Example
/// ```
/// use carelens_geo::{Area, locate};
/// use carelens_model::{LaCode, Postcode, PostcodePrecision};
///
/// let stratford = locate(&Postcode::parse("e15 4nj").unwrap()).unwrap();
/// assert_eq!(stratford.area, Area::La(LaCode::new(316).unwrap())); // Newham
/// assert_eq!(stratford.precision, PostcodePrecision::Unit);
///
/// let sector = locate(&Postcode::parse("E15 4").unwrap()).unwrap();
/// assert_eq!(sector.precision, PostcodePrecision::Sector);
///
/// assert!(locate(&Postcode::parse("ZZ99 9ZZ").unwrap()).is_none());
/// ```
pub fn locate(postcode: &Postcode) -> Option<Located> {
    table().locate(postcode)
}

/// Number of unit postcodes shipped; indices for [`postcode_at`] run from 0 to this, exclusive.
pub fn postcode_count() -> u32 {
    // The packer stores the count as a u32.
    u32::try_from(table().len()).unwrap_or(u32::MAX)
}

/// The unit postcode at `index` (in postcode order) and where it lies, or `None` past the end.
///
/// For the synthetic data generator: pick an index from [`postcodes_in`].
pub fn postcode_at(index: u32) -> Option<(Postcode, Located)> {
    table().unit_at(index as usize)
}

/// Indices (for [`postcode_at`]) of the unit postcodes in one children's services authority,
/// ascending. Empty for a code that is not one of the 153 authorities. Terminated postcodes are
/// included: the directory does not say which postcodes are still in use.
///
/// Built for all authorities on first use (under 10 ms in a release build).
pub fn postcodes_in(la: LaCode) -> &'static [u32] {
    static BY_LA: OnceLock<BTreeMap<LaCode, Vec<u32>>> = OnceLock::new();
    let by_la = BY_LA.get_or_init(|| {
        let mut by_la: BTreeMap<LaCode, Vec<u32>> = BTreeMap::new();
        for (range, area) in table().area_runs() {
            if let Some(Area::La(code)) = area {
                by_la.entry(code).or_default().extend(range);
            }
        }
        by_la
    });
    by_la.get(&la).map_or(&[], Vec::as_slice)
}

/// The `n` authorities whose representative points are nearest to `la`'s, nearest first, with
/// the straight-line distance in miles between the two points. Empty for an unknown code.
///
/// ```
/// use carelens_geo::nearest_las;
/// use carelens_model::LaCode;
/// let near_newham = nearest_las(LaCode::new(316).unwrap(), 3);
/// assert_eq!(near_newham.len(), 3);
/// assert!(near_newham.iter().all(|(_, miles)| *miles < 5.0));
/// ```
pub fn nearest_las(la_code: LaCode, n: usize) -> Vec<(LaCode, f64)> {
    let Some(from) = la(la_code) else { return Vec::new() };
    let mut out: Vec<(LaCode, f64)> = las()
        .iter()
        .filter(|other| other.code != la_code)
        .map(|other| (other.code, distance_miles(from.point(), other.point())))
        .collect();
    out.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    out.truncate(n);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference_distance_miles;

    fn pc(text: &str) -> Postcode {
        Postcode::parse(text).unwrap()
    }

    fn code(n: u16) -> LaCode {
        LaCode::new(n).unwrap()
    }

    fn at(text: &str) -> Located {
        locate(&pc(text)).unwrap_or_else(|| panic!("{text} not found"))
    }

    #[test]
    fn unit_postcodes_have_their_directory_coordinates_and_authority() {
        let stratford = at("E15 4NJ");
        assert_eq!(stratford.area, Area::La(code(316))); // Newham
        assert_eq!(stratford.precision, PostcodePrecision::Unit);
        // Row `E15 4NJ` of postcodes.csv.gz.
        assert_eq!(stratford.point, GridPoint { easting: 539_431, northing: 184_659 });
        let whitehall = at("SW1A 2AA");
        assert_eq!(whitehall.point, GridPoint { easting: 530_047, northing: 179_951 });
        assert_eq!(whitehall.area, Area::La(code(213))); // Westminster
        let manchester = at("M1 1AE");
        assert_eq!(manchester.area, Area::La(code(352)));
    }

    #[test]
    fn case_and_spacing_do_not_matter() {
        let want = at("E15 4NJ");
        for raw in ["e154nj", "E154NJ", " e15  4nj "] {
            assert_eq!(at(raw), want, "{raw}");
        }
    }

    #[test]
    fn lower_tier_districts_map_to_their_county() {
        assert_eq!(at("OX1 1AA").area, Area::La(code(931))); // Oxford → Oxfordshire
        assert_eq!(at("HG1 1AA").area, Area::La(code(815))); // Harrogate → North Yorkshire
        assert_eq!(at("S70 1AA").area, Area::La(code(370))); // Barnsley (E08000038)
        assert_eq!(at("S1 1AA").area, Area::La(code(373))); // Sheffield (E08000039)
    }

    #[test]
    fn other_nations_are_located_with_their_nation() {
        assert_eq!(at("CF10 1AA").area, Area::Wales);
        assert_eq!(at("EH1 1AA").area, Area::Scotland);
        let belfast = at("BT1 1AA");
        assert_eq!(belfast.area, Area::NorthernIreland);
        // Irish Grid, as the ONS directory gives it.
        assert_eq!(belfast.point, GridPoint { easting: 334_316, northing: 374_675 });
    }

    #[test]
    fn sectors_and_districts_give_centroids() {
        let sector = at("e15 4");
        assert_eq!(sector.precision, PostcodePrecision::Sector);
        assert_eq!(sector.area, Area::La(code(316)));
        let district = at("E15");
        assert_eq!(district.precision, PostcodePrecision::District);
        assert_eq!(district.area, Area::La(code(316)));
        assert!(distance_miles(sector.point, at("E15 4NJ").point) < 1.0);
        assert!(distance_miles(district.point, sector.point) < 2.0);
        assert_eq!(at("CF10").area, Area::Wales);
        assert_eq!(at("EH1 1").area, Area::Scotland);
    }

    #[test]
    fn unknown_postcodes_are_not_found_and_do_not_fall_back() {
        for raw in ["ZZ99 9ZZ", "E15 4CC", "E15 0", "QQ1", "JE2 3BX"] {
            assert_eq!(locate(&pc(raw)), None, "{raw}");
        }
        // The sector exists, the unit does not: still not found.
        assert!(locate(&pc("E15 4")).is_some());
    }

    #[test]
    fn every_unit_round_trips_through_postcode_at() {
        let n = postcode_count();
        assert!(n > 2_690_000, "{n}");
        for i in (0..n).step_by(997).chain([0, n - 1]) {
            let (postcode, located) = postcode_at(i).unwrap();
            assert_eq!(postcode.precision(), PostcodePrecision::Unit);
            assert_eq!(locate(&postcode), Some(located), "index {i}");
        }
        assert!(postcode_at(n).is_none());
    }

    #[test]
    fn every_authority_has_postcodes_and_every_english_lad_maps() {
        for la in las() {
            assert!(!postcodes_in(la.code).is_empty(), "{} {}", la.code, la.name);
        }
        let mut english = 0;
        for (lad, area) in table().lads() {
            match lad.as_bytes()[0] {
                b'E' => {
                    english += 1;
                    assert!(area.and_then(Area::la).and_then(la).is_some(), "{lad}: {area:?}");
                }
                b'W' => assert_eq!(area, Some(Area::Wales)),
                b'S' => assert_eq!(area, Some(Area::Scotland)),
                b'N' => assert_eq!(area, Some(Area::NorthernIreland)),
                _ => panic!("unexpected LAD {lad}"),
            }
        }
        assert_eq!(english, 296);
        assert!(postcodes_in(code(999)).is_empty());
    }

    #[test]
    fn postcodes_in_an_authority_lie_in_it() {
        let newham = postcodes_in(code(316));
        assert!(newham.windows(2).all(|w| w[0] < w[1]));
        for &i in newham.iter().step_by(101) {
            let (_, located) = postcode_at(i).unwrap();
            assert_eq!(located.area, Area::La(code(316)));
        }
    }

    #[test]
    fn distance_between_two_known_postcodes() {
        // Stratford (E15 4NJ) to Whitehall (SW1A 2AA): dE 9,384 m, dN 4,708 m, so 10,498.8 m.
        let miles = distance_miles(at("E15 4NJ").point, at("SW1A 2AA").point);
        assert!((miles - 6.52365).abs() < 1e-5, "{miles}");
        assert_eq!(reference_distance_miles(at("E15 4NJ").point, at("SW1A 2AA").point), 6.5);
    }

    #[test]
    fn nearest_authorities_exclude_itself_and_are_sorted() {
        let near = nearest_las(code(316), 5);
        assert_eq!(near.len(), 5);
        assert!(near.iter().all(|(c, _)| *c != code(316)));
        assert!(near.windows(2).all(|w| w[0].1 <= w[1].1));
        assert!(nearest_las(code(999), 5).is_empty());
    }
}
