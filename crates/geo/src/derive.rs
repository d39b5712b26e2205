//! Filling in every episode's derived placement fields.

use carelens_model::{
    LaCode, PlacementArea, PlacementGeo as ModelGeo, PlacementLocation, Postcode,
    PostcodePrecision, Return903,
};

use crate::{Area, PlLocation, placement_location};

/// Sets `geo` (the derived `PL_LA`, `PL_LOCATION`, `PL_DISTANCE`) on every episode of a return,
/// for the responsible LA `responsible` (without it, `PL_LOCATION` stays blank).
///
/// With `units_only`, sector and district postcodes count as not found, as in the reference
/// validator, which looks up unit postcodes only: validation uses this so that findings agree
/// with the DfE's. Indicators pass `false` so that pseudonymised extracts still get distances
/// from centroids (see [`PlacementGeo::precision`](carelens_model::PlacementGeo)).
pub fn derive_placement_geo(ret: &mut Return903, responsible: Option<LaCode>, units_only: bool) {
    for e in &mut ret.tables.episodes.rows {
        let home = usable(e.home_post.strict_ref(), units_only);
        let placement = usable(e.pl_post.strict_ref(), units_only);
        // Any code works when no LA is given: PL_LOCATION is then dropped below.
        let la = responsible.or_else(|| LaCode::new(999).ok());
        let Some(la) = la else { continue };
        let g = placement_location(la, home, placement);
        e.geo = Some(ModelGeo {
            pl_la: g.pl_la.map(|a| match a {
                Area::La(code) => PlacementArea::La(code),
                Area::Wales => PlacementArea::Wales,
                Area::Scotland => PlacementArea::Scotland,
                Area::NorthernIreland => PlacementArea::NorthernIreland,
                Area::OutsideUk => PlacementArea::OutsideUk,
            }),
            pl_location: match (responsible, g.pl_location) {
                (Some(_), PlLocation::In) => Some(PlacementLocation::In),
                (Some(_), PlLocation::Out) => Some(PlacementLocation::Out),
                _ => None,
            },
            pl_distance: g.pl_distance,
            precision: g.precision,
        });
    }
}

fn usable(p: Option<&Postcode>, units_only: bool) -> Option<&Postcode> {
    p.filter(|p| !units_only || p.precision() == PostcodePrecision::Unit)
}

#[cfg(test)]
mod tests {
    use carelens_model::{Loc, TableKind};

    use super::*;

    #[test]
    fn episodes_get_their_placement_fields() {
        let mut ret = Return903::default();
        for (home, pl) in
            [("E15 4NJ", "E15 4NJ"), ("E15 4NJ", "SW1A 2AA"), ("E15 4NJ", ""), ("E15 4NJ", "E15 4")]
        {
            let cells = ["1", "01/04/2024", "S", "C2", "N1", "U4", "PR1", "", "", "", home, pl, ""];
            ret.tables.push_cells(TableKind::Episodes, Loc::default(), |i| cells.get(i).copied());
        }
        derive_placement_geo(&mut ret, LaCode::new(316).ok(), true);
        let geo: Vec<ModelGeo> =
            ret.tables.episodes.iter().map(|e| e.geo.unwrap_or_default()).collect();
        assert_eq!(geo[0].pl_location, Some(PlacementLocation::In));
        assert_eq!(geo[1].pl_location, Some(PlacementLocation::Out));
        assert_eq!(geo[1].pl_la, LaCode::new(213).ok().map(PlacementArea::La));
        assert_eq!(geo[2].pl_la, None);
        assert_eq!(geo[2].pl_location, None);
        assert_eq!(geo[3].pl_la, None, "a sector counts as not found for validation");
        derive_placement_geo(&mut ret, LaCode::new(316).ok(), false);
        assert_eq!(
            ret.tables.episodes.rows[3].geo.and_then(|g| g.pl_location),
            Some(PlacementLocation::In)
        );
    }
}
