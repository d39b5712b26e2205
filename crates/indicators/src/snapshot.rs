//! The picture at 31 March: where children looked after are placed, by whom, how far from
//! home, and how stable their year was.

use std::collections::BTreeMap;

use carelens_model::codes::{PlacementGroup, PlacementProvider};
use carelens_model::{ChildId, CollectionYear, PlacementLocation, Return903, care_histories};

/// Children looked after at 31 March, broken down.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snapshot {
    /// Children looked after at 31 March (V3/V4 excluded).
    pub cla: u32,
    /// By the placement group of the episode open on 31 March.
    pub by_group: BTreeMap<PlacementGroup, u32>,
    /// By placement provider (`None`: not recorded).
    pub by_provider: BTreeMap<Option<PlacementProvider>, u32>,
    /// Placed outside the LA's boundary (`PL_LOCATION` OUT).
    pub outside_la: u32,
    /// Placed inside it.
    pub inside_la: u32,
    /// More than 20 miles from home.
    pub over_20_miles: u32,
    /// 20 miles or less from home.
    pub within_20_miles: u32,
    /// Distance not known (a postcode missing or not found).
    pub distance_not_known: u32,
    /// Unaccompanied asylum-seeking children at 31 March (in the UASC table, `DUC` blank or
    /// after 31 March).
    pub uasc: u32,
    /// With 3 or more placements during the year: placements as defined in the model (a new
    /// placement at RNE S, P, T, B or U), open at any time in the year, temporary placements
    /// (T0–T4) not counted.
    pub placements_3plus: u32,
}

/// The snapshot of one LA's return at 31 March of `year`. Episodes must have their derived
/// placement geography set (`carelens_geo::derive_placement_geo`) for the location counts.
pub fn snapshot(ret: &Return903, year: CollectionYear) -> Snapshot {
    let end = year.end();
    let mut s = Snapshot::default();
    let mut uasc_children: Vec<&ChildId> = ret
        .tables
        .uasc
        .iter()
        .filter(|u| u.duc.get().is_none_or(|d| d > end))
        .filter_map(|u| u.child.value())
        .collect();
    uasc_children.sort_unstable();
    for h in care_histories(&ret.tables.episodes.rows, true) {
        let Some(ep) = h.episode_on(end) else { continue };
        s.cla += 1;
        if let Some(group) = ep.place.get().map(|p| p.group()) {
            *s.by_group.entry(group).or_default() += 1;
        }
        *s.by_provider.entry(ep.place_provider.get()).or_default() += 1;
        let geo = ep.geo.unwrap_or_default();
        match geo.pl_location {
            Some(PlacementLocation::Out) => s.outside_la += 1,
            Some(PlacementLocation::In) => s.inside_la += 1,
            None => {}
        }
        match geo.pl_distance {
            Some(d) if d > 20.0 => s.over_20_miles += 1,
            Some(_) => s.within_20_miles += 1,
            None => s.distance_not_known += 1,
        }
        if uasc_children.binary_search(&h.child).is_ok() {
            s.uasc += 1;
        }
        if h.placements_in(year, true).count() >= 3 {
            s.placements_3plus += 1;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use carelens_model::{Loc, PlacementGeo, TableKind, Tables};

    use super::*;

    #[test]
    fn snapshot_worked_by_hand() {
        let mut t = Tables::default();
        // CHILD, DECOM, RNE, PLACE, PROVIDER, DEC, REC
        let rows = [
            ["A", "01/01/2024", "S", "U4", "PR1", "01/05/2024", "X1"],
            ["A", "01/05/2024", "P", "K2", "PR4", "01/06/2024", "X1"],
            ["A", "01/06/2024", "T", "K2", "PR4", "02/06/2024", "X1"],
            ["A", "02/06/2024", "P", "T1", "PR4", "03/06/2024", "X1"],
            ["A", "03/06/2024", "P", "U6", "PR4", "", ""],
            ["B", "01/01/2020", "S", "P1", "PR0", "", ""],
            ["C", "01/01/2020", "S", "U4", "PR1", "01/01/2025", "E8"],
        ];
        for r in rows {
            let cells = [r[0], r[1], r[2], "C2", "N1", r[3], r[4], r[5], r[6], "", "", "", ""];
            t.push_cells(TableKind::Episodes, Loc::default(), |i| cells.get(i).copied());
        }
        t.push_cells(TableKind::Uasc, Loc::default(), |i| {
            ["B", "1", "01/01/2008", ""].get(i).copied()
        });
        t.episodes.rows[4].geo = Some(PlacementGeo {
            pl_location: Some(PlacementLocation::Out),
            pl_distance: Some(25.0),
            ..Default::default()
        });
        t.episodes.rows[5].geo = Some(PlacementGeo {
            pl_location: Some(PlacementLocation::In),
            pl_distance: Some(2.0),
            ..Default::default()
        });
        let ret = Return903 { tables: t, ..Return903::default() };
        let s = snapshot(&ret, CollectionYear::Y2024_25);
        assert_eq!(s.cla, 2);
        assert_eq!(s.by_group.get(&PlacementGroup::Foster), Some(&1));
        assert_eq!(s.by_group.get(&PlacementGroup::WithParents), Some(&1));
        assert_eq!((s.outside_la, s.inside_la), (1, 1));
        assert_eq!((s.over_20_miles, s.within_20_miles, s.distance_not_known), (1, 1, 0));
        assert_eq!(s.uasc, 1);
        // A: U4 (open on 1 April), K2, K2 again (same carer, T), T1 (temporary, not counted), U6 → 4.
        assert_eq!(s.placements_3plus, 1);
    }
}
