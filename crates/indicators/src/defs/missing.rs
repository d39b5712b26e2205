//! Missing and away from placement (spec `indicators.md` a8).

use carelens_model::TableKind;

use super::one;
use crate::catalogue::{
    Indicator, Item, Published, PublishedValue, Rule, Topic, Unit, number, ratio_of,
};
use crate::record::ChildRecord;

const IN_YEAR: &str = "Children looked after at some time during the year (looked_after_in_year).";

fn missing(c: &ChildRecord) -> bool {
    c.looked_after_in_year && c.missing.missing_incidents > 0
}

fn away(c: &ChildRecord) -> bool {
    c.looked_after_in_year && c.missing.away_incidents > 0
}

fn indicator(
    id: &'static str,
    title: &'static str,
    unit: Unit,
    definition: &'static str,
    denominator: Option<&'static str>,
    published: Published,
    rule: Rule,
) -> Item {
    Item::One(Indicator {
        id,
        title,
        topic: Topic::Missing,
        unit,
        definition,
        denominator,
        sources: &["Missing.MISSING", "Missing.MIS_START", "Missing.MIS_END"],
        family: None,
        headline: id == "missing_in_year",
        published,
        needs: Some(TableKind::Missing),
        rule,
    })
}

pub(super) fn items() -> Vec<Item> {
    vec![
        indicator(
            "missing_in_year",
            "Children who went missing during the year",
            Unit::Percent,
            "Of the denominator, children with at least one Missing row with MISSING M (whereabouts not known) and MIS_START from 1 April to 31 March.",
            Some(IN_YEAR),
            Published::Dfe {
                get: |f| ratio_of(f.missing.children_missing, f.missing.looked_after_during_year),
                note: "2020-2024",
            },
            Rule::Sum { num: |c| one(missing(c)), den: Some(|c| one(c.looked_after_in_year)) },
        ),
        indicator(
            "missing_more_than_once",
            "Children who went missing more than once",
            Unit::Percent,
            "Of the denominator, children with 2 or more missing incidents (MISSING M) that began in the year.",
            Some("Children who went missing during the year (missing_in_year)."),
            Published::Dfe {
                get: |f| {
                    ratio_of(f.missing.children_missing_repeatedly, f.missing.children_missing)
                },
                note: "2020-2024",
            },
            Rule::Sum {
                num: |c| one(missing(c) && c.missing.missing_incidents >= 2),
                den: Some(|c| one(missing(c))),
            },
        ),
        indicator(
            "missing_incidents",
            "Missing incidents",
            Unit::Count,
            "Missing rows with MISSING M and MIS_START in the year, of children looked after during the year.",
            None,
            Published::Dfe { get: |f| number(f.missing.missing_incidents), note: "2020-2024" },
            Rule::Sum {
                num: |c| {
                    if c.looked_after_in_year { u32::from(c.missing.missing_incidents) } else { 0 }
                },
                den: None,
            },
        ),
        indicator(
            "missing_incidents_per_child",
            "Missing incidents per child who went missing",
            Unit::Mean,
            "Missing incidents (missing_incidents) divided by the children who went missing (missing_in_year).",
            Some("Children who went missing during the year."),
            Published::Dfe {
                get: |f| {
                    f.missing.incidents_per_missing_child.map(|v| PublishedValue {
                        numerator: f.missing.missing_incidents.map(f64::from),
                        denominator: f.missing.children_missing.map(f64::from),
                        value: Some(f64::from(v)),
                    })
                },
                note: "2020-2024",
            },
            Rule::Sum {
                num: |c| if missing(c) { u32::from(c.missing.missing_incidents) } else { 0 },
                den: Some(|c| one(missing(c))),
            },
        ),
        indicator(
            "missing_at_31_march",
            "Children missing at 31 March",
            Unit::Count,
            "Children with a MISSING M incident that began on or before 31 March and had not ended by then (MIS_END blank or after 31 March).",
            None,
            Published::Dfe { get: |f| number(f.missing.missing_at_31_march), note: "2020-2024" },
            Rule::Sum { num: |c| one(c.missing.missing_at_31_march), den: None },
        ),
        indicator(
            "away_in_year",
            "Children away from placement without authorisation during the year",
            Unit::Percent,
            "Of the denominator, children with at least one Missing row with MISSING A (away without authorisation, whereabouts known) and MIS_START in the year.",
            Some(IN_YEAR),
            Published::Dfe {
                get: |f| ratio_of(f.missing.children_away, f.missing.looked_after_during_year),
                note: "2020-2024",
            },
            Rule::Sum { num: |c| one(away(c)), den: Some(|c| one(c.looked_after_in_year)) },
        ),
        indicator(
            "away_incidents",
            "Away-from-placement incidents",
            Unit::Count,
            "Missing rows with MISSING A and MIS_START in the year, of children looked after during the year.",
            None,
            Published::Dfe { get: |f| number(f.missing.away_incidents), note: "2020-2024" },
            Rule::Sum {
                num: |c| {
                    if c.looked_after_in_year { u32::from(c.missing.away_incidents) } else { 0 }
                },
                den: None,
            },
        ),
        indicator(
            "away_incidents_per_child",
            "Away incidents per child who was away",
            Unit::Mean,
            "Away incidents (away_incidents) divided by the children who were away (away_in_year).",
            Some("Children away from placement during the year."),
            Published::None,
            Rule::Sum {
                num: |c| if away(c) { u32::from(c.missing.away_incidents) } else { 0 },
                den: Some(|c| one(away(c))),
            },
        ),
        indicator(
            "away_at_31_march",
            "Children away from placement at 31 March",
            Unit::Count,
            "Children with a MISSING A incident that began on or before 31 March and had not ended by then.",
            None,
            Published::Dfe { get: |f| number(f.missing.away_at_31_march), note: "2020-2024" },
            Rule::Sum { num: |c| one(c.missing.away_at_31_march), den: None },
        ),
        age_band("missing_incidents_aged_0_to_4", "Missing incidents of children aged 0 to 4", 0),
        age_band("missing_incidents_aged_5_to_9", "Missing incidents of children aged 5 to 9", 1),
        age_band(
            "missing_incidents_aged_10_to_15",
            "Missing incidents of children aged 10 to 15",
            2,
        ),
        age_band(
            "missing_incidents_aged_16_plus",
            "Missing incidents of children aged 16 and over",
            3,
        ),
    ]
}

fn age_band(id: &'static str, title: &'static str, band: usize) -> Item {
    // The published 2024 figures, one static table per band.
    const fn q(n: f64) -> [(i16, PublishedValue); 1] {
        [(2024, PublishedValue { numerator: Some(n), denominator: None, value: Some(n) })]
    }
    static Q0: [(i16, PublishedValue); 1] = q(30.0);
    static Q1: [(i16, PublishedValue); 1] = q(120.0);
    static Q2: [(i16, PublishedValue); 1] = q(37_350.0);
    static Q3: [(i16, PublishedValue); 1] = q(46_400.0);
    let values: &'static [(i16, PublishedValue)] = match band {
        0 => &Q0,
        1 => &Q1,
        2 => &Q2,
        _ => &Q3,
    };
    let published = Published::Quoted {
        values,
        source: "DfE CLA 2024, \"CLA who were missing from placement - national\" (ages 1-4 published; no incidents under 1)",
    };
    let num: fn(&ChildRecord) -> u32 = match band {
        0 => |c| if c.looked_after_in_year { u32::from(c.missing.missing_by_age[0]) } else { 0 },
        1 => |c| if c.looked_after_in_year { u32::from(c.missing.missing_by_age[1]) } else { 0 },
        2 => |c| if c.looked_after_in_year { u32::from(c.missing.missing_by_age[2]) } else { 0 },
        _ => |c| if c.looked_after_in_year { u32::from(c.missing.missing_by_age[3]) } else { 0 },
    };
    indicator(
        id,
        title,
        Unit::Count,
        "Missing incidents (MISSING M, MIS_START in the year) of children looked after during the year, by the child's age in completed years on MIS_START.",
        None,
        published,
        Rule::Sum { num, den: None },
    )
}
