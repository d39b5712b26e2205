//! Health and wellbeing of children looked after for 12 months: the OC2 table (spec
//! `indicators.md` a10). The cohort is the children the LA reported in OC2 (children looked after
//! continuously for 12 months at 31 March, V3/V4 excluded); one row per child.

use carelens_model::TableKind;

use super::one;
use crate::catalogue::{Indicator, Item, Published, PublishedValue, Rule, Topic, Unit};
use crate::record::{ChildRecord, Oc2Facts};

const SOURCES: &[&str] = &["OC2"];

fn oc2(c: &ChildRecord) -> Option<&Oc2Facts> {
    c.oc2.as_ref()
}

fn sdq_age(o: &Oc2Facts) -> bool {
    matches!(o.age, Some(4..=16))
}

#[expect(clippy::too_many_arguments, reason = "a declaration, one argument per field")]
fn indicator(
    id: &'static str,
    title: &'static str,
    unit: Unit,
    definition: &'static str,
    denominator: &'static str,
    published: Published,
    num: fn(&ChildRecord) -> u32,
    den: fn(&ChildRecord) -> u32,
) -> Item {
    Item::One(Indicator {
        id,
        title,
        topic: Topic::Health,
        unit,
        definition,
        denominator: Some(denominator),
        sources: SOURCES,
        family: None,
        headline: false,
        published,
        needs: Some(TableKind::Oc2),
        rule: Rule::Sum { num, den: Some(den) },
    })
}

const ALL_OC2: &str =
    "Children with an OC2 row (looked after continuously for 12 months at 31 March).";

pub(super) fn items() -> Vec<Item> {
    vec![
        Item::One(Indicator {
            id: "oc2_children",
            title: "Children looked after continuously for 12 months (OC2)",
            topic: Topic::Health,
            unit: Unit::Count,
            definition: "Distinct children with an OC2 row.",
            denominator: None,
            sources: &["OC2.CHILD"],
            family: None,
            headline: false,
            published: Published::None,
            needs: Some(TableKind::Oc2),
            rule: Rule::Sum { num: |c| one(c.oc2.is_some()), den: None },
        }),
        indicator(
            "oc2_health_assessment",
            "Annual health assessment done",
            Unit::Percent,
            "HEALTH_ASSESSMENT = 1.",
            ALL_OC2,
            Published::None,
            |c| one(oc2(c).is_some_and(|o| o.health_assessment)),
            |c| one(c.oc2.is_some()),
        ),
        indicator(
            "oc2_teeth_checked",
            "Teeth checked by a dentist",
            Unit::Percent,
            "TEETH_CHECK = 1.",
            ALL_OC2,
            Published::None,
            |c| one(oc2(c).is_some_and(|o| o.teeth_checked)),
            |c| one(c.oc2.is_some()),
        ),
        indicator(
            "oc2_immunisations",
            "Immunisations up to date",
            Unit::Percent,
            "IMMUNISATIONS = 1.",
            ALL_OC2,
            Published::None,
            |c| one(oc2(c).is_some_and(|o| o.immunisations)),
            |c| one(c.oc2.is_some()),
        ),
        indicator(
            "oc2_development_assessments",
            "Development assessments up to date (aged 0-4)",
            Unit::Percent,
            "HEALTH_CHECK = 1.",
            "Children with an OC2 row aged 4 or under on 31 March.",
            Published::Quoted {
                values: &[(
                    2024,
                    PublishedValue {
                        numerator: Some(5_980.0),
                        denominator: Some(6_820.0),
                        value: Some(100.0 * 5_980.0 / 6_820.0),
                    },
                )],
                source: "DfE CLA 2024, \"CLA for 12 months, conviction and health outcomes\" (spec indicators.md a10)",
            },
            |c| one(oc2(c).is_some_and(|o| matches!(o.age, Some(..=4)) && o.development_checked)),
            |c| one(oc2(c).is_some_and(|o| matches!(o.age, Some(..=4)))),
        ),
        indicator(
            "oc2_convicted",
            "Convicted or cautioned during the year (aged 10 and over)",
            Unit::Percent,
            "CONVICTED = 1.",
            "Children with an OC2 row aged 10 or over on 31 March.",
            Published::None,
            |c| one(oc2(c).is_some_and(|o| matches!(o.age, Some(10..)) && o.convicted)),
            |c| one(oc2(c).is_some_and(|o| matches!(o.age, Some(10..)))),
        ),
        indicator(
            "oc2_substance_misuse",
            "Identified as having a substance misuse problem",
            Unit::Percent,
            "SUBSTANCE_MISUSE = 1.",
            ALL_OC2,
            Published::None,
            |c| one(oc2(c).is_some_and(|o| o.substance_misuse)),
            |c| one(c.oc2.is_some()),
        ),
        indicator(
            "oc2_substance_intervention",
            "Received an intervention for substance misuse",
            Unit::Percent,
            "INTERVENTION_RECEIVED = 1.",
            "Children with an OC2 row with SUBSTANCE_MISUSE = 1.",
            Published::None,
            |c| one(oc2(c).is_some_and(|o| o.substance_misuse && o.intervention_received)),
            |c| one(oc2(c).is_some_and(|o| o.substance_misuse)),
        ),
        indicator(
            "oc2_sdq_recorded",
            "SDQ score recorded (aged 4-16)",
            Unit::Percent,
            "SDQ_SCORE is a valid score (0-40).",
            "Children with an OC2 row aged 4 to 16 on 31 March.",
            Published::None,
            |c| one(oc2(c).is_some_and(|o| sdq_age(o) && o.sdq_score.is_some())),
            |c| one(oc2(c).is_some_and(sdq_age)),
        ),
        indicator(
            "oc2_sdq_mean",
            "Mean SDQ score (aged 4-16)",
            Unit::Mean,
            "The sum of SDQ_SCORE over the denominator, divided by it.",
            "Children with an OC2 row aged 4 to 16 on 31 March with an SDQ score.",
            Published::None,
            |c| oc2(c).filter(|o| sdq_age(o)).and_then(|o| o.sdq_score).map_or(0, u32::from),
            |c| one(oc2(c).is_some_and(|o| sdq_age(o) && o.sdq_score.is_some())),
        ),
        indicator(
            "oc2_sdq_concern",
            "SDQ score a cause for concern (17-40)",
            Unit::Percent,
            "SDQ_SCORE from 17 to 40 (bands: normal 0-13, borderline 14-16, cause for concern 17-40).",
            "Children with an OC2 row aged 4 to 16 on 31 March with an SDQ score.",
            Published::None,
            |c| one(oc2(c).is_some_and(|o| sdq_age(o) && o.sdq_score.is_some_and(|s| s >= 17))),
            |c| one(oc2(c).is_some_and(|o| sdq_age(o) && o.sdq_score.is_some())),
        ),
    ]
}
