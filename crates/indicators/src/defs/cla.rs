//! Children looked after at 31 March, and who they are (spec `indicators.md` a1, a3).

use carelens_model::codes::{CategoryOfNeed, EthnicGroup, LegalStatus, PlacementType as P};

use super::{cla, one, place};
use crate::catalogue::{Breakdown, Category, Indicator, Item, Published, Rule, Topic, Unit};
use crate::catalogue::{number, share};
use crate::record::ChildRecord;

const CLA_TEXT: &str = "Children looked after at 31 March.";
const CLA_SOURCES: &[&str] = &["Episodes.DECOM", "Episodes.DEC", "Episodes.LS"];

pub(super) fn items() -> Vec<Item> {
    vec![
        Item::One(Indicator {
            id: "cla_at_31_march",
            title: "Children looked after at 31 March",
            topic: Topic::ChildrenLookedAfter,
            unit: Unit::Count,
            definition: "Distinct children with an episode that began on or before 31 March and had not ended by then (DEC blank or after 31 March). Episodes with legal status V3 or V4 (short breaks) are left out, as everywhere.",
            denominator: None,
            sources: CLA_SOURCES,
            family: None,
            headline: true,
            published: Published::Dfe { get: |f| number(f.cla_at_31_march), note: "" },
            needs: None,
            rule: Rule::Sum { num: |c| one(cla(c)), den: None },
        }),
        Item::One(Indicator {
            id: "looked_after_in_year",
            title: "Children looked after during the year",
            topic: Topic::ChildrenLookedAfter,
            unit: Unit::Count,
            definition: "Distinct children looked after at some time in the year: a period of care that began on or before 31 March and had not ended before 1 April (ended on 1 April or later, or still open). The cohort of the missing measures.",
            denominator: None,
            sources: CLA_SOURCES,
            family: None,
            headline: false,
            published: Published::Dfe {
                get: |f| number(f.missing.looked_after_during_year),
                note: "published with the missing-from-care tables, 2020-2024",
            },
            needs: None,
            rule: Rule::Sum { num: |c| one(c.looked_after_in_year), den: None },
        }),
        Item::Breakdown(Breakdown {
            id: "cla_placement",
            title: "Children looked after at 31 March by placement type",
            topic: Topic::ChildrenLookedAfter,
            total: "cla_at_31_march",
            cohort_text: CLA_TEXT,
            sources: &["Episodes.PLACE"],
            needs: None,
            cohort: cla,
            classify: placement_class,
            categories: PLACEMENT,
        }),
        Item::Breakdown(Breakdown {
            id: "cla_legal_status",
            title: "Children looked after at 31 March by legal status",
            topic: Topic::ChildrenLookedAfter,
            total: "cla_at_31_march",
            cohort_text: CLA_TEXT,
            sources: &["Episodes.LS"],
            needs: None,
            cohort: cla,
            classify: legal_status_class,
            categories: LEGAL_STATUS,
        }),
        Item::Breakdown(Breakdown {
            id: "cla_age",
            title: "Children looked after at 31 March by age",
            topic: Topic::ChildrenLookedAfter,
            total: "cla_at_31_march",
            cohort_text: CLA_TEXT,
            sources: &["Header.DOB"],
            needs: None,
            cohort: cla,
            classify: age_class,
            categories: AGE,
        }),
        Item::Breakdown(Breakdown {
            id: "cla_sex",
            title: "Children looked after at 31 March by sex",
            topic: Topic::ChildrenLookedAfter,
            total: "cla_at_31_march",
            cohort_text: CLA_TEXT,
            sources: &["Header.SEX"],
            needs: None,
            cohort: cla,
            classify: |c| match c.sex {
                Some(s) if s.is_male() => 0,
                Some(s) if s.is_female() => 1,
                _ => 2,
            },
            categories: SEX,
        }),
        Item::Breakdown(Breakdown {
            id: "cla_ethnicity",
            title: "Children looked after at 31 March by ethnic group",
            topic: Topic::ChildrenLookedAfter,
            total: "cla_at_31_march",
            cohort_text: CLA_TEXT,
            sources: &["Header.ETHNIC"],
            needs: None,
            cohort: cla,
            classify: |c| match c.ethnicity {
                Some(EthnicGroup::White) => 0,
                Some(EthnicGroup::Mixed) => 1,
                Some(EthnicGroup::Asian) => 2,
                Some(EthnicGroup::Black) => 3,
                Some(EthnicGroup::Other) => 4,
                Some(EthnicGroup::NotKnown) | None => 5,
            },
            categories: ETHNICITY,
        }),
        Item::Breakdown(Breakdown {
            id: "cla_uasc",
            title: "Children looked after at 31 March by UASC status",
            topic: Topic::ChildrenLookedAfter,
            total: "cla_at_31_march",
            cohort_text: CLA_TEXT,
            sources: &["UASC.CHILD", "UASC.DUC"],
            needs: None,
            cohort: cla,
            classify: |c| usize::from(!c.uasc),
            categories: UASC,
        }),
        Item::Breakdown(Breakdown {
            id: "cla_cin",
            title: "Children looked after at 31 March by category of need",
            topic: Topic::ChildrenLookedAfter,
            total: "cla_at_31_march",
            cohort_text: CLA_TEXT,
            sources: &["Episodes.CIN"],
            needs: None,
            cohort: cla,
            classify: |c| match c.at_31_march.and_then(|a| a.cin) {
                Some(n) => CategoryOfNeed::ALL.iter().position(|x| *x == n).unwrap_or(8),
                None => 8,
            },
            categories: CIN,
        }),
    ]
}

/// The DfE's placement groups (the published characteristics table; spec a3).
fn placement_class(c: &ChildRecord) -> usize {
    match place(c) {
        Some(P::U1 | P::U2 | P::U3 | P::U4 | P::U5 | P::U6) => 0,
        Some(P::A3 | P::A4 | P::A5 | P::A6) => 1,
        Some(P::P1) => 2,
        Some(P::K1 | P::K2) => 3,
        Some(P::H5 | P::P2 | P::K3) => 4,
        Some(P::S1) => 5,
        Some(P::R1 | P::R2 | P::R5 | P::P3) => 6,
        Some(
            P::R3
            | P::Z1
            | P::Z11
            | P::Z12
            | P::Z13
            | P::Z14
            | P::T0
            | P::T1
            | P::T2
            | P::T3
            | P::T4,
        ) => 7,
        None => 8,
    }
}

const PLACEMENT: &[Category] = &[
    Category {
        id: "cla_placement_foster",
        title: "In foster placements",
        definition: "PLACE on 31 March is U1-U6 (foster placements, including with relatives or friends).",
        headline: false,
        published: Published::Dfe {
            get: |f| share(f.placement.foster, f.cla_at_31_march),
            note: "",
        },
    },
    Category {
        id: "cla_placement_adoption",
        title: "Placed for adoption",
        definition: "PLACE on 31 March is A3-A6.",
        headline: false,
        published: Published::Dfe {
            get: |f| share(f.placement.placed_for_adoption, f.cla_at_31_march),
            note: "",
        },
    },
    Category {
        id: "cla_placement_with_parents",
        title: "Placed with parents or others with parental responsibility",
        definition: "PLACE on 31 March is P1.",
        headline: false,
        published: Published::Dfe {
            get: |f| share(f.placement.with_parents, f.cla_at_31_march),
            note: "",
        },
    },
    Category {
        id: "in_childrens_homes",
        title: "In secure homes and children's homes",
        definition: "PLACE on 31 March is K1 (secure children's home) or K2 (children's home subject to the Children's Homes Regulations), as the DfE groups them.",
        headline: true,
        published: Published::Dfe {
            get: |f| share(f.placement.secure_and_childrens_homes, f.cla_at_31_march),
            note: "",
        },
    },
    Category {
        id: "in_supported_accommodation",
        title: "In independent or semi-independent living or supported accommodation",
        definition: "PLACE on 31 March is H5 (semi-independent living, to 2024/25), P2 (independent living, to 2023/24) or K3 (registered supported accommodation, from 2024/25): the \"other arrangements\" settings of s22C(6)(d).",
        headline: false,
        published: Published::Dfe {
            get: |f| share(f.placement.supported_accommodation, f.cla_at_31_march),
            note: "",
        },
    },
    Category {
        id: "cla_placement_residential_schools",
        title: "In residential schools",
        definition: "PLACE on 31 March is S1.",
        headline: false,
        published: Published::Dfe {
            get: |f| share(f.placement.residential_schools, f.cla_at_31_march),
            note: "",
        },
    },
    Category {
        id: "cla_placement_other_residential",
        title: "In other residential settings",
        definition: "PLACE on 31 March is R1 (residential care home), R2 (NHS or health setting), R5 (young offender institution) or P3 (residential employment).",
        headline: false,
        published: Published::Dfe {
            get: |f| share(f.placement.other_residential, f.cla_at_31_march),
            note: "",
        },
    },
    Category {
        id: "cla_placement_other",
        title: "In other placements",
        definition: "PLACE on 31 March is R3 (family centre or mother and baby unit), Z1 or Z11-Z14 (other placements), or T0-T4 (a temporary placement open on 31 March).",
        headline: false,
        published: Published::Dfe {
            get: |f| share(f.placement.other, f.cla_at_31_march),
            note: "",
        },
    },
    Category {
        id: "cla_placement_not_known",
        title: "Placement type not known",
        definition: "PLACE on 31 March is blank or not a valid code.",
        headline: false,
        published: Published::None,
    },
];

fn legal_status_class(c: &ChildRecord) -> usize {
    use LegalStatus::*;
    match c.at_31_march.and_then(|a| a.legal_status) {
        Some(C2) => 0,
        Some(C1) => 1,
        Some(E1 | D1) => 2,
        Some(V2) => 3,
        Some(L1 | L2 | L3) => 4,
        Some(J1 | J2 | J3) => 5,
        // V3/V4 episodes are left out before this point.
        Some(V3 | V4) | None => 6,
    }
}

const LEGAL_STATUS: &[Category] = &[
    Category {
        id: "cla_legal_status_full_care_order",
        title: "On a full care order",
        definition: "LS on 31 March is C2.",
        headline: false,
        published: Published::Dfe {
            get: |f| share(f.legal_status.full_care_order, f.cla_at_31_march),
            note: "",
        },
    },
    Category {
        id: "cla_legal_status_interim_care_order",
        title: "On an interim care order",
        definition: "LS on 31 March is C1.",
        headline: false,
        published: Published::Dfe {
            get: |f| share(f.legal_status.interim_care_order, f.cla_at_31_march),
            note: "",
        },
    },
    Category {
        id: "cla_legal_status_placement_order",
        title: "On a placement order (or freeing order)",
        definition: "LS on 31 March is E1 (or D1, freeing order).",
        headline: false,
        published: Published::Dfe {
            get: |f| share(f.legal_status.placement_order, f.cla_at_31_march),
            note: "",
        },
    },
    Category {
        id: "cla_legal_status_section_20",
        title: "Accommodated under section 20",
        definition: "LS on 31 March is V2 (single period of accommodation under section 20).",
        headline: false,
        published: Published::Dfe {
            get: |f| share(f.legal_status.section_20, f.cla_at_31_march),
            note: "",
        },
    },
    Category {
        id: "cla_legal_status_detained",
        title: "Detained for child protection",
        definition: "LS on 31 March is L1, L2 or L3.",
        headline: false,
        published: Published::Dfe {
            get: |f| share(f.legal_status.detained_for_child_protection, f.cla_at_31_march),
            note: "",
        },
    },
    Category {
        id: "cla_legal_status_youth_justice",
        title: "Youth justice legal statuses",
        definition: "LS on 31 March is J1, J2 or J3.",
        headline: false,
        published: Published::Dfe {
            get: |f| share(f.legal_status.youth_justice, f.cla_at_31_march),
            note: "",
        },
    },
    Category {
        id: "cla_legal_status_not_known",
        title: "Legal status not known",
        definition: "LS on 31 March is blank or not a valid code.",
        headline: false,
        published: Published::None,
    },
];

fn age_class(c: &ChildRecord) -> usize {
    match c.age {
        Some(..=0) => 0,
        Some(1..=4) => 1,
        Some(5..=9) => 2,
        Some(10..=15) => 3,
        Some(16..) => 4,
        None => 5,
    }
}

const AGE: &[Category] = &[
    Category {
        id: "cla_age_under_1",
        title: "Aged under 1",
        definition: "Age on 31 March (completed years, from Header DOB) under 1.",
        headline: false,
        published: Published::Dfe { get: |f| share(f.age.under_1, f.cla_at_31_march), note: "" },
    },
    Category {
        id: "cla_age_1_to_4",
        title: "Aged 1 to 4",
        definition: "Age on 31 March 1 to 4.",
        headline: false,
        published: Published::Dfe {
            get: |f| share(f.age.from_1_to_4, f.cla_at_31_march),
            note: "",
        },
    },
    Category {
        id: "cla_age_5_to_9",
        title: "Aged 5 to 9",
        definition: "Age on 31 March 5 to 9.",
        headline: false,
        published: Published::Dfe {
            get: |f| share(f.age.from_5_to_9, f.cla_at_31_march),
            note: "",
        },
    },
    Category {
        id: "cla_age_10_to_15",
        title: "Aged 10 to 15",
        definition: "Age on 31 March 10 to 15.",
        headline: false,
        published: Published::Dfe {
            get: |f| share(f.age.from_10_to_15, f.cla_at_31_march),
            note: "",
        },
    },
    Category {
        id: "cla_age_16_plus",
        title: "Aged 16 and over",
        definition: "Age on 31 March 16 or more.",
        headline: false,
        published: Published::Dfe { get: |f| share(f.age.from_16, f.cla_at_31_march), note: "" },
    },
    Category {
        id: "cla_age_not_known",
        title: "Age not known",
        definition: "No valid date of birth in Header (or another table) for the child.",
        headline: false,
        published: Published::None,
    },
];

const SEX: &[Category] = &[
    Category {
        id: "cla_sex_male",
        title: "Male",
        definition: "Header SEX is 1 (to 2023/24) or M (from 2024/25).",
        headline: false,
        published: Published::Dfe { get: |f| share(f.sex.male, f.cla_at_31_march), note: "" },
    },
    Category {
        id: "cla_sex_female",
        title: "Female",
        definition: "Header SEX is 2 (to 2023/24) or F (from 2024/25).",
        headline: false,
        published: Published::Dfe { get: |f| share(f.sex.female, f.cla_at_31_march), note: "" },
    },
    Category {
        id: "cla_sex_not_known",
        title: "Sex unknown or not recorded",
        definition: "Header SEX is U, blank or not valid, or there is no Header row.",
        headline: false,
        published: Published::None,
    },
];

const ETHNICITY: &[Category] = &[
    Category {
        id: "cla_ethnicity_white",
        title: "White",
        definition: "ETHNIC is WBRI, WIRI, WOTH, WIRT or WROM.",
        headline: false,
        published: Published::Dfe {
            get: |f| share(f.ethnicity.white, f.cla_at_31_march),
            note: "",
        },
    },
    Category {
        id: "cla_ethnicity_mixed",
        title: "Mixed or multiple ethnic groups",
        definition: "ETHNIC is MWBC, MWBA, MWAS or MOTH.",
        headline: false,
        published: Published::Dfe {
            get: |f| share(f.ethnicity.mixed, f.cla_at_31_march),
            note: "",
        },
    },
    Category {
        id: "cla_ethnicity_asian",
        title: "Asian or Asian British",
        definition: "ETHNIC is AIND, APKN, ABAN or AOTH.",
        headline: false,
        published: Published::Dfe {
            get: |f| share(f.ethnicity.asian, f.cla_at_31_march),
            note: "",
        },
    },
    Category {
        id: "cla_ethnicity_black",
        title: "Black, African, Caribbean or Black British",
        definition: "ETHNIC is BCRB, BAFR or BOTH.",
        headline: false,
        published: Published::Dfe {
            get: |f| share(f.ethnicity.black, f.cla_at_31_march),
            note: "",
        },
    },
    Category {
        id: "cla_ethnicity_other",
        title: "Other ethnic group",
        definition: "ETHNIC is CHNE or OOTH.",
        headline: false,
        published: Published::Dfe {
            get: |f| share(f.ethnicity.other, f.cla_at_31_march),
            note: "",
        },
    },
    Category {
        id: "cla_ethnicity_not_known",
        title: "Ethnicity refused or not known",
        definition: "ETHNIC is REFU or NOBT, blank or not valid, or there is no Header row.",
        headline: false,
        published: Published::Dfe {
            get: |f| share(f.ethnicity.not_known, f.cla_at_31_march),
            note: "",
        },
    },
];

const UASC: &[Category] = &[
    Category {
        id: "cla_uasc",
        title: "Unaccompanied asylum-seeking children",
        definition: "The child has a row in the UASC table whose DUC (date UASC status ceased) is blank or after 31 March.",
        headline: false,
        published: Published::Dfe { get: |f| share(f.uasc, f.cla_at_31_march), note: "" },
    },
    Category {
        id: "cla_not_uasc",
        title: "Not unaccompanied asylum-seeking children",
        definition: "Every other child looked after at 31 March.",
        headline: false,
        published: Published::Dfe { get: |f| share(f.non_uasc, f.cla_at_31_march), note: "" },
    },
];

const CIN: &[Category] = &[
    cin("cla_cin_n1", "Category of need: abuse or neglect (N1)", 0),
    cin("cla_cin_n2", "Category of need: child's disability (N2)", 1),
    cin("cla_cin_n3", "Category of need: parental illness or disability (N3)", 2),
    cin("cla_cin_n4", "Category of need: family in acute stress (N4)", 3),
    cin("cla_cin_n5", "Category of need: family dysfunction (N5)", 4),
    cin("cla_cin_n6", "Category of need: socially unacceptable behaviour (N6)", 5),
    cin("cla_cin_n7", "Category of need: low income (N7)", 6),
    cin("cla_cin_n8", "Category of need: absent parenting (N8)", 7),
    Category {
        id: "cla_cin_not_known",
        title: "Category of need not known",
        definition: "CIN on 31 March is blank or not a valid code.",
        headline: false,
        published: Published::None,
    },
];

const fn cin(id: &'static str, title: &'static str, n: usize) -> Category {
    Category {
        id,
        title,
        definition: "CIN of the episode open on 31 March is this category.",
        headline: false,
        published: Published::Dfe {
            get: match n {
                0 => |f| share(f.category_of_need[0], f.cla_at_31_march),
                1 => |f| share(f.category_of_need[1], f.cla_at_31_march),
                2 => |f| share(f.category_of_need[2], f.cla_at_31_march),
                3 => |f| share(f.category_of_need[3], f.cla_at_31_march),
                4 => |f| share(f.category_of_need[4], f.cla_at_31_march),
                5 => |f| share(f.category_of_need[5], f.cla_at_31_march),
                6 => |f| share(f.category_of_need[6], f.cla_at_31_march),
                _ => |f| share(f.category_of_need[7], f.cla_at_31_march),
            },
            note: "",
        },
    }
}
