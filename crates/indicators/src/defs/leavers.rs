//! Care leavers: the OC3 table (spec `indicators.md` a11).

use carelens_model::TableKind;
use carelens_model::codes::{Activity, InTouch};

use super::one;
use crate::catalogue::{Indicator, Item, Published, Rule, Topic, Unit, number, share};
use crate::record::{ChildRecord, LeaverAge, Oc3Facts};

const SOURCES: &[&str] = &["OC3.DOB", "OC3.IN_TOUCH", "OC3.ACTIV", "OC3.ACCOM", "Episodes.REC"];

const COHORT_19_21: &str = "Care leavers with an OC3 row aged 19, 20 or 21 on 31 March (their birthday in the year), not died (IN_TOUCH DIED), not returned home for 6 months or more (RHOM), and not transferred to another LA (their last period of care in the returns given ended with REC E3).";
const COHORT_17_18: &str = "Care leavers with an OC3 row aged 17 or 18 on 31 March, with the same exclusions as for 19-21 year olds.";

fn cohort(c: &ChildRecord, g: LeaverAge) -> Option<&Oc3Facts> {
    c.oc3.as_ref().filter(|o| o.in_cohort(g))
}

fn eet(o: &Oc3Facts) -> bool {
    o.activity.is_some_and(Activity::is_eet)
}

fn neet(o: &Oc3Facts) -> bool {
    matches!(o.activity, Some(Activity::G4 | Activity::G5 | Activity::G6))
}

fn suitable(o: &Oc3Facts) -> bool {
    o.accommodation.and_then(|a| a.is_suitable()) == Some(true)
}

#[expect(clippy::too_many_arguments, reason = "a declaration, one argument per field")]
fn leaver(
    id: &'static str,
    title: &'static str,
    unit: Unit,
    definition: &'static str,
    group: LeaverAge,
    headline: bool,
    published: Published,
    num: fn(&ChildRecord) -> u32,
    den: Option<fn(&ChildRecord) -> u32>,
) -> Item {
    Item::One(Indicator {
        id,
        title,
        topic: Topic::CareLeavers,
        unit,
        definition,
        denominator: den.map(|_| match group {
            LeaverAge::From17To18 => COHORT_17_18,
            LeaverAge::From19To21 => COHORT_19_21,
        }),
        sources: SOURCES,
        family: None,
        headline,
        published,
        needs: Some(TableKind::Oc3),
        rule: Rule::Sum { num, den },
    })
}

use LeaverAge::{From17To18 as A17, From19To21 as A19};

pub(super) fn items() -> Vec<Item> {
    vec![
        leaver(
            "care_leavers_19_21",
            "Care leavers aged 19-21",
            Unit::Count,
            COHORT_19_21,
            A19,
            false,
            Published::Dfe { get: |f| number(f.care_leavers_19_21.total), note: "" },
            |c| one(cohort(c, A19).is_some()),
            None,
        ),
        leaver(
            "care_leavers_in_touch",
            "Care leavers aged 19-21 the LA is in touch with",
            Unit::Percent,
            "IN_TOUCH = YES (NO, REFU and NREQ are not in touch).",
            A19,
            false,
            Published::None,
            |c| one(cohort(c, A19).is_some_and(|o| o.in_touch == Some(InTouch::Yes))),
            Some(|c| one(cohort(c, A19).is_some())),
        ),
        leaver(
            "care_leavers_eet",
            "Care leavers aged 19-21 in education, employment or training",
            Unit::Percent,
            "ACTIV is F1, P1, F2, P2, F4, P4, F5 or P5 (higher or other education, apprenticeship, training or employment, full or part time).",
            A19,
            true,
            Published::Dfe {
                get: |f| {
                    share(
                        f.care_leavers_19_21.in_education_employment_or_training,
                        f.care_leavers_19_21.total,
                    )
                },
                note: "",
            },
            |c| one(cohort(c, A19).is_some_and(eet)),
            Some(|c| one(cohort(c, A19).is_some())),
        ),
        leaver(
            "care_leavers_neet",
            "Care leavers aged 19-21 not in education, employment or training",
            Unit::Percent,
            "ACTIV is G4 (illness or disability), G5 (other reasons) or G6 (pregnancy or parenting).",
            A19,
            false,
            Published::Dfe {
                get: |f| share(f.care_leavers_19_21.neet, f.care_leavers_19_21.total),
                note: "",
            },
            |c| one(cohort(c, A19).is_some_and(neet)),
            Some(|c| one(cohort(c, A19).is_some())),
        ),
        leaver(
            "care_leavers_activity_not_known",
            "Care leavers aged 19-21 whose activity is not known",
            Unit::Percent,
            "ACTIV is neither an EET nor a NEET code (blank, 0 or not valid; usually the LA is not in touch).",
            A19,
            false,
            Published::Dfe {
                get: |f| share(f.care_leavers_19_21.activity_not_known, f.care_leavers_19_21.total),
                note: "",
            },
            |c| one(cohort(c, A19).is_some_and(|o| !eet(o) && !neet(o))),
            Some(|c| one(cohort(c, A19).is_some())),
        ),
        leaver(
            "care_leavers_suitable_accommodation",
            "Care leavers aged 19-21 in suitable accommodation",
            Unit::Percent,
            "The second character of ACCOM is 1 (suitable); 2 is unsuitable, 0 not applicable.",
            A19,
            true,
            Published::Dfe {
                get: |f| {
                    share(
                        f.care_leavers_19_21.suitable_accommodation,
                        f.care_leavers_19_21.accommodation_total,
                    )
                },
                note: "the DfE's accommodation total",
            },
            |c| one(cohort(c, A19).is_some_and(suitable)),
            Some(|c| one(cohort(c, A19).is_some())),
        ),
        leaver(
            "care_leavers_17_18",
            "Care leavers aged 17-18",
            Unit::Count,
            COHORT_17_18,
            A17,
            false,
            Published::Dfe { get: |f| number(f.care_leavers_17_18.total), note: "" },
            |c| one(cohort(c, A17).is_some()),
            None,
        ),
        leaver(
            "care_leavers_in_touch_17_18",
            "Care leavers aged 17-18 the LA is in touch with",
            Unit::Percent,
            "IN_TOUCH = YES.",
            A17,
            false,
            Published::None,
            |c| one(cohort(c, A17).is_some_and(|o| o.in_touch == Some(InTouch::Yes))),
            Some(|c| one(cohort(c, A17).is_some())),
        ),
        leaver(
            "care_leavers_eet_17_18",
            "Care leavers aged 17-18 in education, employment or training",
            Unit::Percent,
            "ACTIV is F1, P1, F2, P2, F4, P4, F5 or P5.",
            A17,
            false,
            Published::Dfe {
                get: |f| {
                    share(
                        f.care_leavers_17_18.in_education_employment_or_training,
                        f.care_leavers_17_18.total,
                    )
                },
                note: "",
            },
            |c| one(cohort(c, A17).is_some_and(eet)),
            Some(|c| one(cohort(c, A17).is_some())),
        ),
        leaver(
            "care_leavers_neet_17_18",
            "Care leavers aged 17-18 not in education, employment or training",
            Unit::Percent,
            "ACTIV is G4, G5 or G6.",
            A17,
            false,
            Published::Dfe {
                get: |f| share(f.care_leavers_17_18.neet, f.care_leavers_17_18.total),
                note: "",
            },
            |c| one(cohort(c, A17).is_some_and(neet)),
            Some(|c| one(cohort(c, A17).is_some())),
        ),
        leaver(
            "care_leavers_suitable_accommodation_17_18",
            "Care leavers aged 17-18 in suitable accommodation",
            Unit::Percent,
            "The second character of ACCOM is 1.",
            A17,
            false,
            Published::Dfe {
                get: |f| {
                    share(
                        f.care_leavers_17_18.suitable_accommodation,
                        f.care_leavers_17_18.accommodation_total,
                    )
                },
                note: "the DfE's accommodation total",
            },
            |c| one(cohort(c, A17).is_some_and(suitable)),
            Some(|c| one(cohort(c, A17).is_some())),
        ),
    ]
}
