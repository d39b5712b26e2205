//! Grid points and straight-line distances.

use std::fmt;

/// Metres in one international mile.
const METRES_PER_MILE: f64 = 1609.344;

/// A point on the Ordnance Survey grid, in whole metres east and north of the grid's origin.
///
/// Postcodes in Great Britain are on the British National Grid. **Northern Ireland postcodes are
/// on the Irish Grid**, as the ONS Postcode Directory gives them: distances between a Northern
/// Ireland point and a British one are meaningless (see [`crate::placement_location`]).
///
/// `Debug` shows whole kilometres only: a unit postcode's point locates a household.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GridPoint {
    /// Metres east of the grid origin.
    pub easting: u32,
    /// Metres north of the grid origin.
    pub northing: u32,
}

impl fmt::Debug for GridPoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "GridPoint(~{} km E, ~{} km N)", self.easting / 1000, self.northing / 1000)
    }
}

/// Straight-line distance in miles (1 mile = 1609.344 m), unrounded.
///
/// ```
/// use carelens_geo::{GridPoint, distance_miles};
/// let a = GridPoint { easting: 530_000, northing: 180_000 };
/// let b = GridPoint { easting: 533_000, northing: 184_000 }; // 5 km away
/// assert!((distance_miles(a, b) - 3.10686).abs() < 1e-5);
/// ```
pub fn distance_miles(a: GridPoint, b: GridPoint) -> f64 {
    metres(a, b) / METRES_PER_MILE
}

/// Straight-line distance in miles as the reference validator derives `PL_DISTANCE`
/// (spec §6.5): metres / 1000 / 1.6093, rounded to one decimal place.
///
/// The reference divides by 1.6093 rather than 1.609344; the two differ by 2.7e-5 relative, so
/// the rounded results differ only on a rounding boundary. Ties round to even, as the
/// reference's pandas `round(1)` does (it scales by 10 and rounds half to even).
///
/// ```
/// use carelens_geo::{GridPoint, reference_distance_miles};
/// let a = GridPoint { easting: 530_000, northing: 180_000 };
/// let b = GridPoint { easting: 533_000, northing: 184_000 };
/// assert_eq!(reference_distance_miles(a, b), 3.1);
/// ```
pub fn reference_distance_miles(a: GridPoint, b: GridPoint) -> f64 {
    let miles = metres(a, b) / 1000.0 / 1.6093;
    (miles * 10.0).round_ties_even() / 10.0
}

/// Euclidean distance in metres. The squared sum is exact in `f64` (below 2^53 for any two
/// points on either grid), so this matches `sqrt(dE² + dN²)` computed in any language.
fn metres(a: GridPoint, b: GridPoint) -> f64 {
    let de = f64::from(a.easting) - f64::from(b.easting);
    let dn = f64::from(a.northing) - f64::from(b.northing);
    (de * de + dn * dn).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    const fn p(easting: u32, northing: u32) -> GridPoint {
        GridPoint { easting, northing }
    }

    #[test]
    fn distance_is_symmetric_and_zero_for_the_same_point() {
        let (a, b) = (p(538_000, 184_000), p(400_000, 300_000));
        assert_eq!(distance_miles(a, b), distance_miles(b, a));
        assert_eq!(distance_miles(a, a), 0.0);
        assert_eq!(reference_distance_miles(a, a), 0.0);
    }

    #[test]
    fn a_mile_of_easting_is_one_mile() {
        assert!((distance_miles(p(0, 0), p(1609, 0)) - 1609.0 / 1609.344).abs() < 1e-12);
        assert_eq!(reference_distance_miles(p(0, 0), p(1609, 0)), 1.0);
    }

    #[test]
    fn reference_form_divides_by_1_6093_and_rounds_to_one_decimal() {
        // 20 miles exactly is 32,186.88 m; by the reference constant that is 20.0005 miles.
        let a = p(500_000, 200_000);
        assert_eq!(reference_distance_miles(a, p(532_187, 200_000)), 20.0);
        // 3-4-5 triangle: 50 km → 31.0694 (reference) and 31.0686 (exact).
        let b = p(530_000, 240_000);
        assert_eq!(reference_distance_miles(a, b), 31.1);
        assert!((distance_miles(a, b) - 31.068_559_6).abs() < 1e-6);
    }

    #[test]
    fn reference_rounding_differs_from_the_exact_constant_only_on_a_boundary() {
        // 80 m is 0.0497 miles → 0.0; 81 m is 0.0503 → 0.1.
        assert_eq!(reference_distance_miles(p(0, 0), p(80, 0)), 0.0);
        assert_eq!(reference_distance_miles(p(0, 0), p(81, 0)), 0.1);
        // 161,014 m is 100.0510 miles by 1.6093 but 100.0492 by 1.609344.
        let (a, b) = (p(0, 0), p(161_014, 0));
        assert_eq!(reference_distance_miles(a, b), 100.1);
        assert_eq!((distance_miles(a, b) * 10.0).round() / 10.0, 100.0);
    }

    #[test]
    fn debug_shows_kilometres_only() {
        assert_eq!(format!("{:?}", p(538_123, 184_456)), "GridPoint(~538 km E, ~184 km N)");
    }
}
