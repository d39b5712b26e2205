//! `headline` and `snapshot`: one return's counts in the shape `carelens inspect` compares with
//! the published figures, computed from the same child records as every indicator.

use std::collections::BTreeMap;

use carelens_model::codes::{PlacementGroup, PlacementProvider};
use carelens_model::{CollectionYear, PlacementLocation, Return903};

use crate::record::{ChildRecord, UnitInput, build};
use crate::stays::PlacementCounting;

/// Children looked after at 31 March, and starts and ceases during the year.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Headline {
    /// `cla_at_31_march`.
    pub cla_at_31_march: u32,
    /// `started_in_year`.
    pub started: u32,
    /// `ceased_in_year`.
    pub ceased: u32,
    /// `looked_after_in_year`.
    pub looked_after_in_year: u32,
}

/// Children looked after at 31 March, broken down.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snapshot {
    /// Children looked after at 31 March.
    pub cla: u32,
    /// By the model's placement group of the episode open on 31 March.
    pub by_group: BTreeMap<PlacementGroup, u32>,
    /// By placement provider (`None`: not recorded).
    pub by_provider: BTreeMap<Option<PlacementProvider>, u32>,
    /// `placed_outside_la`.
    pub outside_la: u32,
    /// `placed_inside_la`.
    pub inside_la: u32,
    /// `placed_over_20_miles`.
    pub over_20_miles: u32,
    /// `placed_within_20_miles`.
    pub within_20_miles: u32,
    /// `distance_not_known`.
    pub distance_not_known: u32,
    /// `cla_uasc`.
    pub uasc: u32,
    /// The numerator of `placements_3plus`.
    pub placements_3plus: u32,
}

fn records(ret: &Return903, year: CollectionYear) -> Vec<ChildRecord> {
    build(&UnitInput { la: ret.la, year, current: ret, earlier: &[] }, PlacementCounting::default())
}

/// The headline counts for `year` from one LA's return.
///
/// ```
/// use carelens_model::{CollectionYear, Return903};
/// let h = carelens_indicators::headline(&Return903::default(), CollectionYear::Y2024_25);
/// assert_eq!(h.cla_at_31_march, 0);
/// ```
pub fn headline(ret: &Return903, year: CollectionYear) -> Headline {
    let mut h = Headline::default();
    for c in records(ret, year) {
        h.cla_at_31_march += u32::from(c.is_cla());
        h.started += u32::from(c.started);
        h.ceased += u32::from(c.ceased);
        h.looked_after_in_year += u32::from(c.looked_after_in_year);
    }
    h
}

/// The snapshot of one LA's return at 31 March of `year` (the LA is `ret.la`; without it
/// nothing is inside or outside).
pub fn snapshot(ret: &Return903, year: CollectionYear) -> Snapshot {
    let mut s = Snapshot::default();
    for c in records(ret, year) {
        let Some(a) = c.at_31_march else { continue };
        s.cla += 1;
        if let Some(group) = a.place.map(|p| p.group()) {
            *s.by_group.entry(group).or_default() += 1;
        }
        *s.by_provider.entry(a.provider).or_default() += 1;
        match a.location {
            Some(PlacementLocation::Out) => s.outside_la += 1,
            Some(PlacementLocation::In) => s.inside_la += 1,
            None => {}
        }
        match a.distance {
            Some(d) if d > 20.0 => s.over_20_miles += 1,
            Some(_) => s.within_20_miles += 1,
            None => s.distance_not_known += 1,
        }
        s.uasc += u32::from(c.uasc);
        s.placements_3plus += u32::from(c.placements >= 3);
    }
    s
}
