//! Starting and ceasing to be looked after during the year (spec `indicators.md` a2).

use carelens_model::codes::{CategoryOfNeed, ReasonEpisodeCeased as R};

use super::one;
use crate::catalogue::{
    Breakdown, Category, Indicator, Item, Published, PublishedValue, Rule, Topic, Unit, number,
};
use crate::record::ChildRecord;

pub(super) fn items() -> Vec<Item> {
    vec![
        Item::One(Indicator {
            id: "started_in_year",
            title: "Children who started to be looked after during the year",
            topic: Topic::StartsAndCeases,
            unit: Unit::Count,
            definition: "Distinct children with an episode with RNE S and DECOM from 1 April to 31 March (V3/V4 left out). A child who started more than once counts once, as the DfE counts the first occasion only.",
            denominator: None,
            sources: &["Episodes.RNE", "Episodes.DECOM", "Episodes.LS"],
            family: None,
            headline: true,
            published: Published::Dfe { get: |f| number(f.started), note: "" },
            needs: None,
            rule: Rule::Sum { num: |c| one(c.started), den: None },
        }),
        Item::Breakdown(Breakdown {
            id: "started_cin",
            title: "Children who started to be looked after by category of need",
            topic: Topic::StartsAndCeases,
            total: "started_in_year",
            cohort_text: "Children who started to be looked after during the year.",
            sources: &["Episodes.CIN"],
            needs: None,
            cohort: |c| c.started,
            classify: |c| match c.started_cin {
                Some(n) => CategoryOfNeed::ALL.iter().position(|x| *x == n).unwrap_or(8),
                None => 8,
            },
            categories: STARTED_CIN,
        }),
        Item::One(Indicator {
            id: "ceased_in_year",
            title: "Children who ceased to be looked after during the year",
            topic: Topic::StartsAndCeases,
            unit: Unit::Count,
            definition: "Distinct children with an episode whose REC is a valid code other than X1 and whose DEC is from 1 April to 31 March (V3/V4 left out). A child who ceased more than once counts once, with the reason of the last time.",
            denominator: None,
            sources: &["Episodes.REC", "Episodes.DEC", "Episodes.LS"],
            family: None,
            headline: true,
            published: Published::Dfe { get: |f| number(f.ceased), note: "" },
            needs: None,
            rule: Rule::Sum { num: |c| one(c.ceased), den: None },
        }),
        Item::Breakdown(Breakdown {
            id: "ceased_reason",
            title: "Children who ceased to be looked after by reason",
            topic: Topic::StartsAndCeases,
            total: "ceased_in_year",
            cohort_text: "Children who ceased to be looked after during the year.",
            sources: &["Episodes.REC"],
            needs: None,
            cohort: |c| c.ceased,
            classify: ceased_class,
            categories: CEASED,
        }),
    ]
}

const fn started(id: &'static str, title: &'static str) -> Category {
    Category {
        id,
        title,
        definition: "CIN of the first episode with RNE S in the year is this category.",
        headline: false,
        published: Published::None,
    }
}

const STARTED_CIN: &[Category] = &[
    started("started_cin_n1", "Started: abuse or neglect (N1)"),
    started("started_cin_n2", "Started: child's disability (N2)"),
    started("started_cin_n3", "Started: parental illness or disability (N3)"),
    started("started_cin_n4", "Started: family in acute stress (N4)"),
    started("started_cin_n5", "Started: family dysfunction (N5)"),
    started("started_cin_n6", "Started: socially unacceptable behaviour (N6)"),
    started("started_cin_n7", "Started: low income (N7)"),
    started("started_cin_n8", "Started: absent parenting (N8)"),
    Category {
        id: "started_cin_not_known",
        title: "Started: category of need not known",
        definition: "CIN of that episode is blank or not valid.",
        headline: false,
        published: Published::None,
    },
];

fn ceased_class(c: &ChildRecord) -> usize {
    match c.ceased_reason {
        Some(R::E11 | R::E12) => 0,
        Some(R::E4A | R::E4B) => 1,
        Some(R::E45 | R::E46 | R::E47 | R::E48) => 2,
        Some(R::E41) => 3,
        Some(R::E5 | R::E6) => 4,
        Some(R::E17) => 5,
        Some(R::E3) => 6,
        Some(R::E9) => 7,
        Some(R::E13) => 8,
        Some(R::E7) => 9,
        Some(R::E2) => 10,
        Some(R::E8 | R::E14 | R::E15 | R::E16 | R::X1) | None => 11,
    }
}

const fn ceased(id: &'static str, title: &'static str, definition: &'static str) -> Category {
    Category { id, title, definition, headline: false, published: Published::None }
}

const CEASED: &[Category] = &[
    Category {
        id: "ceased_adopted",
        title: "Ceased: adopted",
        definition: "REC of the last cessation in the year is E11 or E12.",
        headline: false,
        published: Published::Quoted {
            values: &[
                (2024, PublishedValue { numerator: Some(2_980.0), denominator: None, value: None }),
                (2025, PublishedValue { numerator: Some(3_040.0), denominator: None, value: None }),
            ],
            source: "DfE CLA 2024 and 2025 national time series (children adopted), as quoted in spec indicators.md a2",
        },
    },
    ceased(
        "ceased_returned_home",
        "Ceased: returned home to parents or relatives",
        "REC is E4A (as part of care planning) or E4B (not part of it).",
    ),
    ceased("ceased_sgo", "Ceased: special guardianship order", "REC is E45, E46, E47 or E48."),
    ceased(
        "ceased_child_arrangements_order",
        "Ceased: child arrangements (residence) order",
        "REC is E41.",
    ),
    ceased(
        "ceased_independent_living",
        "Ceased: moved into independent living",
        "REC is E5 (with formalised support) or E6 (without).",
    ),
    ceased(
        "ceased_staying_put",
        "Ceased: aged 18 and stayed with carers (staying put)",
        "REC is E17.",
    ),
    ceased("ceased_transferred", "Ceased: care taken over by another LA", "REC is E3."),
    ceased("ceased_custody", "Ceased: sentenced to custody", "REC is E9."),
    ceased(
        "ceased_to_others_without_pr",
        "Ceased: to live with people without parental responsibility",
        "REC is E13.",
    ),
    ceased(
        "ceased_adult_care",
        "Ceased: to residential care funded by adult services",
        "REC is E7.",
    ),
    ceased("ceased_died", "Ceased: died", "REC is E2."),
    ceased(
        "ceased_other",
        "Ceased: any other reason",
        "REC is E8 (any other reason), E14 (remand ended), E15 (age assessed as 18 or over) or E16 (moved abroad).",
    ),
];
