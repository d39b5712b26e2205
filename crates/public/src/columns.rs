//! The columns of `data/la_figures.csv` and the DfE rows each one is taken from.
//!
//! The packer reads this table to pull cells out of the long-format DfE files; the loader in
//! `figures.rs` reads the same keys back. A test checks that every column is read.

/// A DfE long-format file and the columns that name a row within an area and year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Source {
    Numbers,
    Characteristics,
    Stability,
    Missing,
    LeaverActivity,
    LeaverAccommodation,
    SocialWorkers,
}

impl Source {
    pub(crate) const ALL: [Source; 7] = [
        Self::Numbers,
        Self::Characteristics,
        Self::Stability,
        Self::Missing,
        Self::LeaverActivity,
        Self::LeaverAccommodation,
        Self::SocialWorkers,
    ];

    /// The file name in `shared/data/public`.
    pub(crate) const fn file(self) -> &'static str {
        match self {
            Self::Numbers => "dfe_cla_numbers_and_rates_la_2021_2025.csv",
            Self::Characteristics => "dfe_cla_at_31_march_by_characteristics_la_2021_2025.csv",
            Self::Stability => "dfe_cla_placement_stability_la_2021_2025.csv",
            Self::Missing => "dfe_cla_missing_away_la_2020_2024.csv",
            Self::LeaverActivity => "dfe_care_leavers_activity_la_2021_2025.csv",
            Self::LeaverAccommodation => {
                "dfe_care_leavers_accommodation_suitability_la_2021_2025.csv"
            }
            Self::SocialWorkers => "dfe_cla_social_worker_changes_la_2024.csv",
        }
    }

    /// The columns whose values pick out one row for an area and year.
    pub(crate) const fn group_columns(self) -> &'static [&'static str] {
        match self {
            Self::Numbers => &["population_type"],
            Self::Characteristics => &["cla_group", "characteristic"],
            Self::Stability => &["cla_group", "placement_stability"],
            Self::Missing => &["cla_group"],
            Self::LeaverActivity | Self::LeaverAccommodation => &["care_leaver_age", "breakdown"],
            Self::SocialWorkers => &["cla_group", "sw_stability"],
        }
    }

    /// The count and percentage columns of a [`Kind::Count`] row.
    pub(crate) const fn count_columns(self) -> (&'static str, &'static str) {
        match self {
            // The missing-from-care file has no percentage column: its percentages are rows.
            Self::Characteristics | Self::SocialWorkers | Self::Missing => ("number", "percentage"),
            Self::Numbers | Self::Stability => ("children_count", "children_percent"),
            Self::LeaverActivity | Self::LeaverAccommodation => {
                ("care_leaver_count", "care_leaver_percent")
            }
        }
    }
}

/// What a spec entry contributes to the packed file.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Kind {
    /// Two columns: `key` (the count) and `key_pct` (its percentage of the group total).
    Count,
    /// One column, `key`, copied from the named source column.
    Value(&'static str),
}

/// One packed column (or a count-and-percentage pair).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Column {
    pub(crate) key: &'static str,
    pub(crate) source: Source,
    /// The values of [`Source::group_columns`] that select the row.
    pub(crate) group: &'static [&'static str],
    pub(crate) kind: Kind,
}

const fn count(key: &'static str, source: Source, group: &'static [&'static str]) -> Column {
    Column { key, source, group, kind: Kind::Count }
}

const fn value(
    key: &'static str,
    source: Source,
    group: &'static [&'static str],
    column: &'static str,
) -> Column {
    Column { key, source, group, kind: Kind::Value(column) }
}

use Source::{
    Characteristics as Ch, LeaverAccommodation as Acc, LeaverActivity as Act, Missing as Mi,
    Numbers as Nu, SocialWorkers as Sw, Stability as St,
};

const CLA: &str = "Children looked after on 31 March each year";
const STARTED: &str = "Children starting to be looked after each year";
const CEASED: &str = "Children ceasing to be looked after each year";
const CLA_2Y: &str = "CLA 2 years on 31 March";
const LONG_TERM: &str =
    "Children looked after continuously for at least 2.5 years on 31 March aged under 16 years";
const DIST_LOC: &str = "Distance between home and placement and locality of placement";

/// Every packed column, in file order.
pub(crate) const COLUMNS: &[Column] = &[
    // dfe_cla_numbers_and_rates: counts and rates per 10,000 children under 18.
    value("population", Nu, &[CLA], "population_estimate"),
    value("cla", Nu, &[CLA], "children_count"),
    value("cla_rate", Nu, &[CLA], "rate_per_10000"),
    value("started", Nu, &[STARTED], "children_count"),
    value("started_rate", Nu, &[STARTED], "rate_per_10000"),
    value("ceased", Nu, &[CEASED], "children_count"),
    value("ceased_rate", Nu, &[CEASED], "rate_per_10000"),
    // dfe_cla_at_31_march_by_characteristics
    count("age_under_1", Ch, &["Age group", "Under 1 year"]),
    count("age_1_4", Ch, &["Age group", "1 to 4 years"]),
    count("age_5_9", Ch, &["Age group", "5 to 9 years"]),
    count("age_10_15", Ch, &["Age group", "10 to 15 years"]),
    count("age_16_plus", Ch, &["Age group", "16 years and over"]),
    count("sex_male", Ch, &["Sex", "Male"]),
    count("sex_female", Ch, &["Sex", "Female"]),
    count("eth_white", Ch, &["Ethnicity", "White"]),
    count("eth_mixed", Ch, &["Ethnicity", "Mixed or Multiple ethnic groups"]),
    count("eth_asian", Ch, &["Ethnicity", "Asian or Asian British"]),
    count("eth_black", Ch, &["Ethnicity", "Black, African, Caribbean or Black British"]),
    count("eth_other", Ch, &["Ethnicity", "Other ethnic group"]),
    count("eth_not_known", Ch, &["Ethnicity", "Refused or information not yet available"]),
    count("uasc", Ch, &["Unaccompanied asylum-seeking children", "UASC"]),
    count("non_uasc", Ch, &["Unaccompanied asylum-seeking children", "Non-UASC"]),
    count("ls_full_care_order", Ch, &["Legal status", "Full care order"]),
    count("ls_interim_care_order", Ch, &["Legal status", "Interim care order"]),
    count("ls_placement_order", Ch, &["Legal status", "Placement order granted"]),
    count("ls_section_20", Ch, &["Legal status", "Voluntary agreements under S20 CA 1989"]),
    count("ls_detained", Ch, &["Legal status", "Detained for child protection"]),
    count("ls_youth_justice", Ch, &["Legal status", "Youth justice legal statuses"]),
    count("cin_n1", Ch, &["Category of need", "N1. Abuse or neglect"]),
    count("cin_n2", Ch, &["Category of need", "N2. Child's disability"]),
    count("cin_n3", Ch, &["Category of need", "N3. Parental illness or disability"]),
    count("cin_n4", Ch, &["Category of need", "N4. Family in acute stress"]),
    count("cin_n5", Ch, &["Category of need", "N5. Family dysfunction"]),
    count("cin_n6", Ch, &["Category of need", "N6. Socially unacceptable behaviour"]),
    count("cin_n7", Ch, &["Category of need", "N7. Low income"]),
    count("cin_n8", Ch, &["Category of need", "N8. Absent parenting"]),
    count("pl_foster", Ch, &["Placement", "Foster placements"]),
    count("pl_adoption", Ch, &["Placement", "Placed for adoption"]),
    count(
        "pl_parents",
        Ch,
        &["Placement", "Placed with parents or other person with parental responsibility"],
    ),
    count("pl_childrens_homes", Ch, &["Placement", "Secure homes and children's homes"]),
    count(
        "pl_supported",
        Ch,
        &[
            "Placement",
            "Independent and semi-independent living arrangements/supported accommodation",
        ],
    ),
    count("pl_residential_schools", Ch, &["Placement", "Residential schools"]),
    count("pl_other_residential", Ch, &["Placement", "Other residential settings"]),
    count("pl_other", Ch, &["Placement", "Other placements"]),
    count("pp_own_la", Ch, &["Place providers", "Own provision (by the LA)"]),
    count("pp_other_la", Ch, &["Place providers", "Other LA provision"]),
    count("pp_private", Ch, &["Place providers", "Private provision"]),
    count("pp_voluntary", Ch, &["Place providers", "Voluntary/third sector provision"]),
    count(
        "pp_other_public",
        Ch,
        &["Place providers", "Other public provision (e.g. by a PCT etc)"],
    ),
    count(
        "pp_parents",
        Ch,
        &["Place providers", "Parents or other person with parental responsibility"],
    ),
    count("pp_not_reported", Ch, &["Place providers", "Placement provider not reported"]),
    count(
        "loc_inside",
        Ch,
        &["Locality of placement", "Placed inside the local authority boundary"],
    ),
    count(
        "loc_outside",
        Ch,
        &["Locality of placement", "Placed outside the local authority boundary"],
    ),
    count(
        "dist_le20",
        Ch,
        &["Distance between home and placement", "Placed 20 miles or less from home"],
    ),
    count(
        "dist_gt20",
        Ch,
        &["Distance between home and placement", "Placed more than 20 miles from home"],
    ),
    count(
        "dist_unknown",
        Ch,
        &["Distance between home and placement", "Distance not known or not recorded"],
    ),
    count(
        "dl_inside_le20",
        Ch,
        &[DIST_LOC, "1. Placed inside the LA boundary, 20 miles or less from home"],
    ),
    count(
        "dl_outside_le20",
        Ch,
        &[DIST_LOC, "2. Placed outside the LA boundary, 20 miles or less from home"],
    ),
    count(
        "dl_inside_gt20",
        Ch,
        &[DIST_LOC, "3. Placed inside the LA boundary, more than 20 miles from home"],
    ),
    count(
        "dl_outside_gt20",
        Ch,
        &[DIST_LOC, "4. Placed outside the LA boundary, more than 20 miles from home"],
    ),
    count(
        "dl_inside_unknown",
        Ch,
        &[DIST_LOC, "5. Placed inside the LA boundary, distance not known or not recorded"],
    ),
    count(
        "dl_outside_unknown",
        Ch,
        &[DIST_LOC, "6. Placed outside the LA boundary, distance not known or not recorded"],
    ),
    count(
        "lap_own",
        Ch,
        &[
            "LA of placement",
            "1. Own LA children placed internally within the local authority boundary",
        ],
    ),
    count(
        "lap_other",
        Ch,
        &[
            "LA of placement",
            "2. Other LA children externally placed within the local authority boundary",
        ],
    ),
    value("lap_total", Ch, &["LA of placement", "Total"], "number"),
    // dfe_cla_placement_stability
    count("st_3plus_year", St, &["CLA on 31 March", "With 3 or more placements during the year"]),
    value("st_2y_total", St, &[CLA_2Y, "Total children"], "children_count"),
    count("st_3plus_2y", St, &[CLA_2Y, "With 3 or more placements during the previous 2 years"]),
    value("st_long_term_total", St, &[LONG_TERM, "Total children"], "children_count"),
    count("st_same_carer", St, &[LONG_TERM, "Living with the same carer for at least 2 years"]),
    // dfe_cla_missing_away: one `number` column; percentages and averages are rows.
    value("mis_cla_in_year", Mi, &["Children looked after during the year"], "number"),
    value("mis_children", Mi, &["Children who had a missing incident during the year"], "number"),
    value(
        "mis_children_pct",
        Mi,
        &["Percentage of children who had a missing incident during the year"],
        "number",
    ),
    value(
        "mis_repeat",
        Mi,
        &["Children who went missing more than once during the year"],
        "number",
    ),
    value("mis_incidents", Mi, &["Number of missing incidents during the year"], "number"),
    value(
        "mis_average",
        Mi,
        &["Average number of missing incidents per looked after child who went missing"],
        "number",
    ),
    value("mis_at_31_march", Mi, &["Children missing at 31 March"], "number"),
    value(
        "away_children",
        Mi,
        &["Children who were away from placement without authorisation during the year"],
        "number",
    ),
    value(
        "away_children_pct",
        Mi,
        &[
            "Percentage of children who were away from placement without authorisation during the year",
        ],
        "number",
    ),
    value(
        "away_repeat",
        Mi,
        &[
            "Children who were away from placement without authorisation more than once during the year",
        ],
        "number",
    ),
    value(
        "away_incidents",
        Mi,
        &["Number of away from placement without authorisation incidents during the year"],
        "number",
    ),
    value(
        "away_average",
        Mi,
        &[
            "Average number of away from placement without authorisation incidents per looked after child",
        ],
        "number",
    ),
    value(
        "away_at_31_march",
        Mi,
        &["Children away from placement without authorisation at 31 March"],
        "number",
    ),
    // dfe_care_leavers_activity, ages 17–18 and 19–21
    value("cl17_total", Act, &["17 to 18 years", "Total"], "care_leaver_count"),
    count("cl17_eet", Act, &["17 to 18 years", "Total in education, employment or training"]),
    count("cl17_neet", Act, &["17 to 18 years", "Total not in education, employment or training"]),
    count("cl17_not_known", Act, &["17 to 18 years", "Total information not known"]),
    count("cl17_he", Act, &["17 to 18 years", "Higher education i.e. studies beyond A level"]),
    count("cl17_education", Act, &["17 to 18 years", "Education other than higher education"]),
    count("cl17_apprenticeship", Act, &["17 to 18 years", "In an apprenticeship"]),
    count(
        "cl17_work",
        Act,
        &["17 to 18 years", "In training or employment (excl. apprenticeship)"],
    ),
    count("cl17_work_2021", Act, &["17 to 18 years", "In training or employment"]),
    count(
        "cl17_neet_illness",
        Act,
        &[
            "17 to 18 years",
            "Not in education, training or employment, owing to illness or disability",
        ],
    ),
    count(
        "cl17_neet_parenting",
        Act,
        &[
            "17 to 18 years",
            "Not in education, training or employment, owing to pregnancy or parenting",
        ],
    ),
    count(
        "cl17_neet_other",
        Act,
        &["17 to 18 years", "Not in education, training or employment, owing to other reasons"],
    ),
    value("cl19_total", Act, &["19 to 21 years", "Total"], "care_leaver_count"),
    count("cl19_eet", Act, &["19 to 21 years", "Total in education, employment or training"]),
    count("cl19_neet", Act, &["19 to 21 years", "Total not in education, employment or training"]),
    count("cl19_not_known", Act, &["19 to 21 years", "Total information not known"]),
    count("cl19_he", Act, &["19 to 21 years", "Higher education i.e. studies beyond A level"]),
    count("cl19_education", Act, &["19 to 21 years", "Education other than higher education"]),
    count("cl19_apprenticeship", Act, &["19 to 21 years", "In an apprenticeship"]),
    count(
        "cl19_work",
        Act,
        &["19 to 21 years", "In training or employment (excl. apprenticeship)"],
    ),
    count("cl19_work_2021", Act, &["19 to 21 years", "In training or employment"]),
    count(
        "cl19_neet_illness",
        Act,
        &[
            "19 to 21 years",
            "Not in education, training or employment, owing to illness or disability",
        ],
    ),
    count(
        "cl19_neet_parenting",
        Act,
        &[
            "19 to 21 years",
            "Not in education, training or employment, owing to pregnancy or parenting",
        ],
    ),
    count(
        "cl19_neet_other",
        Act,
        &["19 to 21 years", "Not in education, training or employment, owing to other reasons"],
    ),
    // dfe_care_leavers_accommodation_suitability
    value("cl17_acc_total", Acc, &["17 to 18 years", "Suitability total"], "care_leaver_count"),
    count("cl17_suitable", Acc, &["17 to 18 years", "Accommodation considered suitable"]),
    count("cl17_unsuitable", Acc, &["17 to 18 years", "Accommodation considered unsuitable"]),
    count("cl17_acc_not_known", Acc, &["17 to 18 years", "No information"]),
    value("cl19_acc_total", Acc, &["19 to 21 years", "Suitability total"], "care_leaver_count"),
    count("cl19_suitable", Acc, &["19 to 21 years", "Accommodation considered suitable"]),
    count("cl19_unsuitable", Acc, &["19 to 21 years", "Accommodation considered unsuitable"]),
    count("cl19_acc_not_known", Acc, &["19 to 21 years", "No information"]),
    // dfe_cla_social_worker_changes (2024 only)
    value("sw_cla_total", Sw, &["CLA on 31 March", "Total children"], "number"),
    count("sw_3plus", Sw, &["CLA on 31 March", "3 or more social workers during the year"]),
];

/// The header of `data/la_figures.csv`: `area`, `year`, then every column's cells.
pub(crate) fn header() -> Vec<String> {
    let mut out = vec!["area".to_owned(), "year".to_owned()];
    for c in COLUMNS {
        out.push(c.key.to_owned());
        if matches!(c.kind, Kind::Count) {
            out.push(format!("{}_pct", c.key));
        }
    }
    out
}
