//! Distance from home and placement outside the LA (spec `indicators.md` a6, a7; the derived
//! fields of spec `ssda903.md` §6).

use carelens_model::PlacementLocation;

use super::{cla, one};
use crate::catalogue::{Breakdown, Category, Indicator, Item, Published, Rule, Topic, Unit, share};
use crate::record::ChildRecord;

const CLA_TEXT: &str = "Children looked after at 31 March (all of them: a child whose distance or location is not known stays in the denominator, as the DfE publishes it).";
const DISTANCE_SOURCES: &[&str] =
    &["Episodes.HOME_POST", "Episodes.PL_POST", "derived PL_DISTANCE"];
const LOCATION_SOURCES: &[&str] = &["Episodes.PL_POST", "derived PL_LA", "derived PL_LOCATION"];

/// 20 miles or less (0), over 20 miles (1), not known (2).
fn distance_class(c: &ChildRecord) -> usize {
    match c.at_31_march.and_then(|a| a.distance) {
        Some(d) if d > 20.0 => 1,
        Some(_) => 0,
        None => 2,
    }
}

fn location_class(c: &ChildRecord) -> usize {
    match c.at_31_march.and_then(|a| a.location) {
        Some(PlacementLocation::In) => 0,
        Some(PlacementLocation::Out) => 1,
        None => 2,
    }
}

pub(super) fn items() -> Vec<Item> {
    vec![
        Item::Breakdown(Breakdown {
            id: "cla_distance",
            title: "Children looked after at 31 March by distance from home",
            topic: Topic::Location,
            total: "cla_at_31_march",
            cohort_text: CLA_TEXT,
            sources: DISTANCE_SOURCES,
            needs: None,
            cohort: cla,
            classify: distance_class,
            categories: DISTANCE,
        }),
        Item::Breakdown(Breakdown {
            id: "cla_location",
            title: "Children looked after at 31 March by placement inside or outside the LA",
            topic: Topic::Location,
            total: "cla_at_31_march",
            cohort_text: CLA_TEXT,
            sources: LOCATION_SOURCES,
            needs: None,
            cohort: cla,
            classify: location_class,
            categories: LOCATION,
        }),
        Item::Breakdown(Breakdown {
            id: "cla_location_distance",
            title: "Children looked after at 31 March by location and distance",
            topic: Topic::Location,
            total: "cla_at_31_march",
            cohort_text: CLA_TEXT,
            sources: &[
                "Episodes.HOME_POST",
                "Episodes.PL_POST",
                "derived PL_LOCATION",
                "derived PL_DISTANCE",
            ],
            needs: None,
            cohort: cla,
            classify: |c| match location_class(c) {
                2 => 6,
                l => l + 2 * distance_class(c),
            },
            categories: LOCATION_DISTANCE,
        }),
        Item::One(Indicator {
            id: "distance_from_centroids",
            title: "Children whose distance or location came from a postcode sector or district",
            topic: Topic::Location,
            unit: Unit::Count,
            definition: "Children looked after at 31 March whose HOME_POST or PL_POST was a sector (E15 4) or district (E15), as in pseudonymised extracts, so that the distance and location were measured from its centroid: less precise, still counted.",
            denominator: None,
            sources: &["Episodes.HOME_POST", "Episodes.PL_POST"],
            family: None,
            headline: false,
            published: Published::None,
            needs: None,
            rule: Rule::Sum {
                num: |c| one(c.at_31_march.is_some_and(|a| a.approximate)),
                den: None,
            },
        }),
    ]
}

const DISTANCE: &[Category] = &[
    Category {
        id: "placed_within_20_miles",
        title: "Placed 20 miles or less from home",
        definition: "PL_DISTANCE of the episode open on 31 March is 20.0 miles or less. PL_DISTANCE is the straight line between the OS grid points of HOME_POST and PL_POST, metres / 1000 / 1.6093, rounded to 1 decimal place (the reference validator's formula); a sector or district postcode is located at its centroid.",
        headline: false,
        published: Published::Dfe {
            get: |f| share(f.location.within_20_miles, f.cla_at_31_march),
            note: "",
        },
    },
    Category {
        id: "placed_over_20_miles",
        title: "Placed more than 20 miles from home",
        definition: "PL_DISTANCE of the episode open on 31 March is more than 20.0 miles (as for placed_within_20_miles).",
        headline: true,
        published: Published::Dfe {
            get: |f| share(f.location.over_20_miles, f.cla_at_31_march),
            note: "",
        },
    },
    Category {
        id: "distance_not_known",
        title: "Distance from home not known",
        definition: "No distance can be computed: HOME_POST or PL_POST blank, not a postcode, or not found (the DfE writes 999.9); e.g. UASC, confidential adoption placements, missing postcodes.",
        headline: false,
        published: Published::Dfe {
            get: |f| share(f.location.distance_not_known, f.cla_at_31_march),
            note: "",
        },
    },
];

const LOCATION: &[Category] = &[
    Category {
        id: "placed_inside_la",
        title: "Placed inside the LA boundary",
        definition: "PL_LOCATION of the episode open on 31 March is IN: the upper-tier authority of PL_POST (postcode -> district -> upper-tier authority) is the responsible LA.",
        headline: false,
        published: Published::Dfe {
            get: |f| share(f.location.inside_la, f.cla_at_31_march),
            note: "",
        },
    },
    Category {
        id: "placed_outside_la",
        title: "Placed outside the LA boundary",
        definition: "PL_LOCATION of the episode open on 31 March is OUT: PL_POST lies in another English authority or in Wales, Scotland or Northern Ireland.",
        headline: true,
        published: Published::Dfe {
            get: |f| share(f.location.outside_la, f.cla_at_31_march),
            note: "",
        },
    },
    Category {
        id: "location_not_known",
        title: "Placement location not known",
        definition: "PL_POST of the episode open on 31 March is blank, not a postcode or not found, so PL_LOCATION is blank. (The DfE publishes every child as inside or outside.)",
        headline: false,
        published: Published::None,
    },
];

const LOCATION_DISTANCE: &[Category] = &[
    Category {
        id: "inside_la_within_20_miles",
        title: "Inside the LA, 20 miles or less from home",
        definition: "PL_LOCATION IN and PL_DISTANCE 20.0 miles or less.",
        headline: false,
        published: Published::Dfe {
            get: |f| share(f.location.inside_within_20_miles, f.cla_at_31_march),
            note: "",
        },
    },
    Category {
        id: "outside_la_within_20_miles",
        title: "Outside the LA, 20 miles or less from home",
        definition: "PL_LOCATION OUT and PL_DISTANCE 20.0 miles or less.",
        headline: false,
        published: Published::Dfe {
            get: |f| share(f.location.outside_within_20_miles, f.cla_at_31_march),
            note: "",
        },
    },
    Category {
        id: "inside_la_over_20_miles",
        title: "Inside the LA, more than 20 miles from home",
        definition: "PL_LOCATION IN and PL_DISTANCE more than 20.0 miles.",
        headline: false,
        published: Published::Dfe {
            get: |f| share(f.location.inside_over_20_miles, f.cla_at_31_march),
            note: "",
        },
    },
    Category {
        id: "outside_la_over_20_miles",
        title: "Outside the LA, more than 20 miles from home",
        definition: "PL_LOCATION OUT and PL_DISTANCE more than 20.0 miles.",
        headline: false,
        published: Published::Dfe {
            get: |f| share(f.location.outside_over_20_miles, f.cla_at_31_march),
            note: "",
        },
    },
    Category {
        id: "inside_la_distance_not_known",
        title: "Inside the LA, distance not known",
        definition: "PL_LOCATION IN and no PL_DISTANCE.",
        headline: false,
        published: Published::Dfe {
            get: |f| share(f.location.inside_distance_not_known, f.cla_at_31_march),
            note: "",
        },
    },
    Category {
        id: "outside_la_distance_not_known",
        title: "Outside the LA, distance not known",
        definition: "PL_LOCATION OUT and no PL_DISTANCE.",
        headline: false,
        published: Published::Dfe {
            get: |f| share(f.location.outside_distance_not_known, f.cla_at_31_march),
            note: "",
        },
    },
    Category {
        id: "location_and_distance_not_known",
        title: "Location not known",
        definition: "No PL_LOCATION (and so no PL_DISTANCE).",
        headline: false,
        published: Published::None,
    },
];
