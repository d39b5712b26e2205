//! DfE figures for each local authority and for England, years ending 31 March 2020–2025.
//!
//! Taken from *Children looked after in England including adoptions*: the 2025 release for
//! 2021–2025 (numbers, characteristics, stability, care leavers) and the 2024 release for
//! 2020–2024 (missing from care, social worker changes). Figures are as published: LA counts
//! of 1 to 5 are suppressed (`c`), national counts are rounded to the nearest 10, and
//! percentages are whole numbers. A suppressed cell is `None`, with the [`Symbol`] kept where
//! it says something (in [`Count`]).
//!
//! A year is the year ending 31 March: 2025 is 2024/25. An authority has figures for the years
//! it existed: Cumbria (909) to 2023, Northamptonshire (928) for 2020–2021, and their
//! successors (942, 943, 940, 941) from then on. The DfE's LA-level characteristics table
//! does not list 909 or 928, so those rows have no characteristics.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::sync::OnceLock;

use carelens_model::LaCode;

use crate::area::Area;
use crate::error::PublicError;

/// The packed figures: one row per area and year, one column per cell (`columns.rs`). Plain
/// CSV, so that a DfE revision shows up as a readable diff.
pub(crate) const PACKED: &str = include_str!("../data/la_figures.csv");
pub(crate) const PACKED_NAME: &str = "la_figures.csv";

/// A DfE symbol printed in place of a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Symbol {
    /// `c`: suppressed to protect confidentiality. At LA level usually a count from 1 to 5;
    /// a larger count is sometimes suppressed too, so that a small one cannot be worked out.
    Suppressed,
    /// `k`: a percentage under 0.5 (the count is published).
    UnderHalfPercent,
    /// `z`: not applicable (the authority did not exist, or the measure was not collected).
    NotApplicable,
    /// `x`: not available.
    NotAvailable,
    /// `low`: rounds to 0 but is not 0.
    Low,
    /// `u`: low reliability.
    LowReliability,
}

impl Symbol {
    /// Reads `c`, `k`, `z`, `x`, `low` or `u`.
    pub fn parse(text: &str) -> Option<Self> {
        Some(match text.trim() {
            "c" => Self::Suppressed,
            "k" => Self::UnderHalfPercent,
            "z" => Self::NotApplicable,
            "x" => Self::NotAvailable,
            "low" => Self::Low,
            "u" => Self::LowReliability,
            _ => return None,
        })
    }

    /// The symbol as the DfE prints it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Suppressed => "c",
            Self::UnderHalfPercent => "k",
            Self::NotApplicable => "z",
            Self::NotAvailable => "x",
            Self::Low => "low",
            Self::LowReliability => "u",
        }
    }
}

/// A count with its percentage of the group's total, as published.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Count {
    /// The number of children; `None` when a symbol was printed instead, or when the figure
    /// is not in that year's data.
    pub number: Option<u32>,
    /// The percentage of the group total, a whole number.
    pub percent: Option<u8>,
    /// The symbol printed instead of the number (or, with a number, instead of the
    /// percentage: `k`, or `z` when the total is 0).
    pub symbol: Option<Symbol>,
}

/// One area's figures for one year. Fields the source did not publish for that year are
/// `None` (or an empty [`Count`]).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct LaFigures {
    /// [`Area::La`] or [`Area::England`].
    pub area: Area,
    /// The year ending 31 March: 2025 is 2024/25.
    pub year: i16,
    /// ONS mid-year estimate of children under 18.
    pub population_under_18: Option<u32>,
    /// Children looked after at 31 March.
    pub cla_at_31_march: Option<u32>,
    /// Children looked after at 31 March per 10,000 children under 18.
    pub cla_rate_per_10k: Option<u32>,
    /// Children who started to be looked after during the year.
    pub started: Option<u32>,
    /// Starts per 10,000 children under 18.
    pub started_rate_per_10k: Option<u32>,
    /// Children who ceased to be looked after during the year.
    pub ceased: Option<u32>,
    /// Ceases per 10,000 children under 18.
    pub ceased_rate_per_10k: Option<u32>,
    /// Children looked after at 31 March by age.
    pub age: AgeGroups,
    /// By sex.
    pub sex: Sexes,
    /// By ethnic group.
    pub ethnicity: Ethnicities,
    /// Unaccompanied asylum-seeking children.
    pub uasc: Count,
    /// Children who are not unaccompanied asylum-seekers.
    pub non_uasc: Count,
    /// By legal status.
    pub legal_status: LegalStatuses,
    /// By category of need, `N1` to `N8` in order.
    pub category_of_need: [Count; 8],
    /// By placement type group.
    pub placement: Placements,
    /// By who provides the placement.
    pub place_provider: PlaceProviders,
    /// Placed inside or outside the authority's boundary, and how far from home.
    pub location: Locations,
    /// Children placed inside this authority's boundary at 31 March, by whether they are its
    /// own children or other authorities'. A different population from the other fields.
    pub placed_in_area: PlacedInArea,
    /// Placement stability.
    pub stability: Stability,
    /// Missing and away from placement (2020–2024).
    pub missing: Missing,
    /// Care leavers aged 17–18: activity and accommodation.
    pub care_leavers_17_18: CareLeavers,
    /// Care leavers aged 19–21: activity and accommodation.
    pub care_leavers_19_21: CareLeavers,
    /// Children looked after at 31 March in the social-worker table (2024 only; the 2024
    /// release's count, which can differ from [`cla_at_31_march`](Self::cla_at_31_march)).
    pub social_worker_cla: Option<u32>,
    /// Of those, children with 3 or more social workers during the year (2024 only).
    pub three_or_more_social_workers: Count,
}

impl LaFigures {
    /// The authority's code; `None` for England.
    pub fn la(&self) -> Option<LaCode> {
        match self.area {
            Area::La(code) => Some(code),
            _ => None,
        }
    }
}

/// Children looked after at 31 March by age.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct AgeGroups {
    /// Under 1 year.
    pub under_1: Count,
    /// 1 to 4 years.
    pub from_1_to_4: Count,
    /// 5 to 9 years.
    pub from_5_to_9: Count,
    /// 10 to 15 years.
    pub from_10_to_15: Count,
    /// 16 years and over.
    pub from_16: Count,
}

/// Children looked after at 31 March by sex.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Sexes {
    /// Male.
    pub male: Count,
    /// Female.
    pub female: Count,
}

/// Children looked after at 31 March by ethnic group.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Ethnicities {
    /// White.
    pub white: Count,
    /// Mixed or multiple ethnic groups.
    pub mixed: Count,
    /// Asian or Asian British.
    pub asian: Count,
    /// Black, African, Caribbean or Black British.
    pub black: Count,
    /// Other ethnic group.
    pub other: Count,
    /// Refused or information not yet available.
    pub not_known: Count,
}

/// Children looked after at 31 March by legal status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct LegalStatuses {
    /// Full care order (`C2`).
    pub full_care_order: Count,
    /// Interim care order (`C1`).
    pub interim_care_order: Count,
    /// Placement order granted (`E1`).
    pub placement_order: Count,
    /// Voluntary agreement under section 20 (`V2`).
    pub section_20: Count,
    /// Detained for child protection (`L1`–`L3`).
    pub detained_for_child_protection: Count,
    /// Youth justice legal statuses (`J1`–`J3`).
    pub youth_justice: Count,
}

/// Children looked after at 31 March by placement type group. The SSDA903 codes in each group
/// are from the national table's sub-rows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Placements {
    /// Foster placements (`U1`–`U6`).
    pub foster: Count,
    /// Placed for adoption (`A3`–`A6`).
    pub placed_for_adoption: Count,
    /// Placed with parents or others with parental responsibility (`P1`).
    pub with_parents: Count,
    /// Secure homes and children's homes (`K1`, `K2`).
    pub secure_and_childrens_homes: Count,
    /// Independent and semi-independent living arrangements and supported accommodation
    /// (`H5`, `P2`, `K3`).
    pub supported_accommodation: Count,
    /// Residential schools (`S1`).
    pub residential_schools: Count,
    /// Other residential settings (`R1`, `R2`, `R5`, `P3`…).
    pub other_residential: Count,
    /// Other placements (`Z1`, `R3`…).
    pub other: Count,
}

/// Children looked after at 31 March by placement provider.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct PlaceProviders {
    /// Own provision by the authority (`PR1`).
    pub own_la: Count,
    /// Another authority (`PR2`).
    pub other_la: Count,
    /// Private provision (`PR4`).
    pub private: Count,
    /// Voluntary or third sector provision (`PR5`).
    pub voluntary: Count,
    /// Other public provision, e.g. health (`PR3`).
    pub other_public: Count,
    /// Parents or others with parental responsibility (`PR0`).
    pub parents: Count,
    /// Provider not reported.
    pub not_reported: Count,
}

/// Children looked after at 31 March by locality of placement and distance from home.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Locations {
    /// Placed inside the authority's boundary.
    pub inside_la: Count,
    /// Placed outside the authority's boundary.
    pub outside_la: Count,
    /// Placed 20 miles or less from home.
    pub within_20_miles: Count,
    /// Placed more than 20 miles from home.
    pub over_20_miles: Count,
    /// Distance not known or not recorded.
    pub distance_not_known: Count,
    /// Inside the boundary, 20 miles or less from home.
    pub inside_within_20_miles: Count,
    /// Outside the boundary, 20 miles or less from home.
    pub outside_within_20_miles: Count,
    /// Inside the boundary, more than 20 miles from home.
    pub inside_over_20_miles: Count,
    /// Outside the boundary, more than 20 miles from home.
    pub outside_over_20_miles: Count,
    /// Inside the boundary, distance not known.
    pub inside_distance_not_known: Count,
    /// Outside the boundary, distance not known.
    pub outside_distance_not_known: Count,
}

/// Children placed inside an authority's boundary at 31 March ("LA of placement").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct PlacedInArea {
    /// All children placed inside the boundary.
    pub total: Option<u32>,
    /// The authority's own children placed inside its boundary.
    pub own_children: Count,
    /// Other authorities' children placed inside its boundary.
    pub other_las_children: Count,
}

/// Placement stability measures.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Stability {
    /// Children looked after at 31 March with 3 or more placements during the year
    /// (percentage of all children looked after at 31 March).
    pub three_or_more_placements: Count,
    /// Children looked after at 31 March who had been looked after for 2 years.
    pub looked_after_two_years: Option<u32>,
    /// Of those, children with 3 or more placements in the previous 2 years.
    pub three_or_more_placements_in_two_years: Count,
    /// Children under 16 looked after continuously for at least 2.5 years at 31 March.
    pub long_term_under_16: Option<u32>,
    /// Of those, children living with the same carer for at least 2 years.
    pub same_carer_two_years: Count,
}

/// Children missing or away from placement without authorisation (2020–2024).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct Missing {
    /// Children looked after at any time during the year (the denominator).
    pub looked_after_during_year: Option<u32>,
    /// Children who had a missing incident during the year.
    pub children_missing: Option<u32>,
    /// Percentage of children looked after during the year who went missing.
    pub children_missing_percent: Option<u8>,
    /// Children who went missing more than once.
    pub children_missing_repeatedly: Option<u32>,
    /// Missing incidents during the year.
    pub missing_incidents: Option<u32>,
    /// Average incidents per child who went missing (one decimal place).
    pub incidents_per_missing_child: Option<f32>,
    /// Children missing at 31 March.
    pub missing_at_31_march: Option<u32>,
    /// Children away from placement without authorisation during the year.
    pub children_away: Option<u32>,
    /// Percentage of children looked after during the year who were away.
    pub children_away_percent: Option<u8>,
    /// Children away more than once.
    pub children_away_repeatedly: Option<u32>,
    /// Away-from-placement incidents during the year.
    pub away_incidents: Option<u32>,
    /// Average away incidents per child, as the DfE labels it.
    pub incidents_per_away_child: Option<f32>,
    /// Children away from placement at 31 March.
    pub away_at_31_march: Option<u32>,
}

/// Care leavers in one age band: activity and accommodation on their birthday.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct CareLeavers {
    /// Care leavers in the activity table (the denominator of the activity counts).
    pub total: Option<u32>,
    /// In education, employment or training.
    pub in_education_employment_or_training: Count,
    /// Not in education, employment or training.
    pub neet: Count,
    /// Activity not known.
    pub activity_not_known: Count,
    /// In higher education.
    pub higher_education: Count,
    /// In education other than higher education.
    pub other_education: Count,
    /// In an apprenticeship (from 2022; in 2021 counted in
    /// [`training_or_employment`](Self::training_or_employment)).
    pub apprenticeship: Count,
    /// In training or employment, excluding apprenticeships (from 2022) or including them
    /// (2021).
    pub training_or_employment: Count,
    /// NEET owing to illness or disability.
    pub neet_illness_or_disability: Count,
    /// NEET owing to pregnancy or parenting.
    pub neet_pregnancy_or_parenting: Count,
    /// NEET for other reasons.
    pub neet_other: Count,
    /// Care leavers in the accommodation table.
    pub accommodation_total: Option<u32>,
    /// In accommodation considered suitable.
    pub suitable_accommodation: Count,
    /// In accommodation considered unsuitable.
    pub unsuitable_accommodation: Count,
    /// No information on accommodation.
    pub accommodation_not_known: Count,
}

/// Every area and year, sorted: England first, then authorities by code; years ascending.
///
/// # Panics
/// Only if the embedded figures are corrupt, which the crate's tests rule out.
pub fn all_figures() -> &'static [LaFigures] {
    static ALL: OnceLock<Vec<LaFigures>> = OnceLock::new();
    ALL.get_or_init(|| load().expect("embedded DfE figures are valid (checked by tests)"))
}

/// One authority's figures for the year ending 31 March `year`.
///
/// ```
/// use carelens_model::LaCode;
/// let newham = carelens_public::la_figures(LaCode::new(316).unwrap(), 2025).unwrap();
/// assert_eq!(newham.cla_at_31_march, Some(404));
/// ```
pub fn la_figures(la: LaCode, year: i16) -> Option<&'static LaFigures> {
    find(Area::La(la), year)
}

/// England's figures for the year ending 31 March `year` (counts rounded to the nearest 10).
pub fn england_figures(year: i16) -> Option<&'static LaFigures> {
    find(Area::England, year)
}

fn find(area: Area, year: i16) -> Option<&'static LaFigures> {
    let all = all_figures();
    all.binary_search_by(|f| (f.area, f.year).cmp(&(area, year))).ok().map(|i| &all[i])
}

fn load() -> Result<Vec<LaFigures>, PublicError> {
    Ok(parse(PACKED.as_bytes())?.0)
}

/// Parses the packed figures; also returns which columns were never read.
pub(crate) fn parse(csv_text: &[u8]) -> Result<(Vec<LaFigures>, Vec<String>), PublicError> {
    let mut reader = csv::Reader::from_reader(csv_text);
    let headers = reader.headers().map_err(|e| PublicError::csv(PACKED_NAME, e))?.clone();
    let index: HashMap<&str, usize> = headers.iter().enumerate().map(|(i, h)| (h, i)).collect();
    let used: Vec<Cell<bool>> = headers.iter().map(|_| Cell::new(false)).collect();
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| PublicError::csv(PACKED_NAME, e))?;
        let row = Cells {
            index: &index,
            used: &used,
            record: &record,
            line: record.position().map_or(0, |p| p.line()),
            error: RefCell::new(None),
        };
        let figures = row.figures();
        if let Some(e) = row.error.into_inner() {
            return Err(e);
        }
        out.push(figures);
    }
    out.sort_by_key(|f| (f.area, f.year));
    if out.windows(2).any(|w| (w[0].area, w[0].year) == (w[1].area, w[1].year)) {
        return Err(PublicError::Internal(format!("{PACKED_NAME} repeats an area and year")));
    }
    let unused = headers.iter().zip(&used).filter(|(_, u)| !u.get()).map(|(h, _)| h.to_owned());
    Ok((out, unused.collect()))
}

/// One packed row, read by column key; the first error is kept and the rest ignored.
struct Cells<'a> {
    index: &'a HashMap<&'a str, usize>,
    used: &'a [Cell<bool>],
    record: &'a csv::StringRecord,
    line: u64,
    error: RefCell<Option<PublicError>>,
}

impl Cells<'_> {
    fn fail(&self, e: PublicError) {
        self.error.borrow_mut().get_or_insert(e);
    }

    fn raw(&self, key: &str) -> &str {
        let Some(&i) = self.index.get(key) else {
            self.fail(PublicError::MissingColumn {
                file: PACKED_NAME.to_owned(),
                column: key.to_owned(),
            });
            return "";
        };
        self.used[i].set(true);
        self.record.get(i).unwrap_or("")
    }

    /// A cell as a number of type `T`, or the symbol printed instead.
    fn parsed<T: std::str::FromStr>(&self, key: &str) -> (Option<T>, Option<Symbol>) {
        let text = self.raw(key);
        if text.is_empty() {
            return (None, None);
        }
        if let Some(symbol) = Symbol::parse(text) {
            return (None, Some(symbol));
        }
        match text.parse() {
            Ok(v) => (Some(v), None),
            Err(_) => {
                self.fail(PublicError::bad(
                    PACKED_NAME,
                    self.line,
                    key,
                    text,
                    "a number or symbol",
                ));
                (None, None)
            }
        }
    }

    fn number(&self, key: &str) -> Option<u32> {
        self.parsed(key).0
    }

    fn percent(&self, key: &str) -> Option<u8> {
        self.parsed(key).0
    }

    fn decimal(&self, key: &str) -> Option<f32> {
        self.parsed(key).0
    }

    fn count(&self, key: &str) -> Count {
        let (number, number_symbol) = self.parsed(key);
        let (percent, percent_symbol) = self.parsed(&format!("{key}_pct"));
        Count { number, percent, symbol: number_symbol.or(percent_symbol) }
    }

    /// The first of two counts that the year publishes (the other is `z`).
    fn count_either(&self, key: &str, older: &str) -> Count {
        let (new, old) = (self.count(key), self.count(older));
        if new.symbol == Some(Symbol::NotApplicable) && old.symbol != Some(Symbol::NotApplicable) {
            old
        } else {
            new
        }
    }

    fn area(&self) -> Area {
        match self.raw("area") {
            "england" => Area::England,
            code => match LaCode::parse(code) {
                Ok(c) => Area::La(c),
                Err(_) => {
                    self.fail(PublicError::bad(
                        PACKED_NAME,
                        self.line,
                        "area",
                        code,
                        "a DfE LA code",
                    ));
                    Area::England
                }
            },
        }
    }

    fn care_leavers(&self, band: &str) -> CareLeavers {
        let c = |name: &str| self.count(&format!("{band}_{name}"));
        CareLeavers {
            total: self.number(&format!("{band}_total")),
            in_education_employment_or_training: c("eet"),
            neet: c("neet"),
            activity_not_known: c("not_known"),
            higher_education: c("he"),
            other_education: c("education"),
            apprenticeship: c("apprenticeship"),
            training_or_employment: self
                .count_either(&format!("{band}_work"), &format!("{band}_work_2021")),
            neet_illness_or_disability: c("neet_illness"),
            neet_pregnancy_or_parenting: c("neet_parenting"),
            neet_other: c("neet_other"),
            accommodation_total: self.number(&format!("{band}_acc_total")),
            suitable_accommodation: c("suitable"),
            unsuitable_accommodation: c("unsuitable"),
            accommodation_not_known: c("acc_not_known"),
        }
    }

    fn figures(&self) -> LaFigures {
        let c = |key: &str| self.count(key);
        let year = match self.raw("year").parse() {
            Ok(y) => y,
            Err(_) => {
                self.fail(PublicError::bad(
                    PACKED_NAME,
                    self.line,
                    "year",
                    self.raw("year"),
                    "a year",
                ));
                0
            }
        };
        LaFigures {
            area: self.area(),
            year,
            population_under_18: self.number("population"),
            cla_at_31_march: self.number("cla"),
            cla_rate_per_10k: self.number("cla_rate"),
            started: self.number("started"),
            started_rate_per_10k: self.number("started_rate"),
            ceased: self.number("ceased"),
            ceased_rate_per_10k: self.number("ceased_rate"),
            age: AgeGroups {
                under_1: c("age_under_1"),
                from_1_to_4: c("age_1_4"),
                from_5_to_9: c("age_5_9"),
                from_10_to_15: c("age_10_15"),
                from_16: c("age_16_plus"),
            },
            sex: Sexes { male: c("sex_male"), female: c("sex_female") },
            ethnicity: Ethnicities {
                white: c("eth_white"),
                mixed: c("eth_mixed"),
                asian: c("eth_asian"),
                black: c("eth_black"),
                other: c("eth_other"),
                not_known: c("eth_not_known"),
            },
            uasc: c("uasc"),
            non_uasc: c("non_uasc"),
            legal_status: LegalStatuses {
                full_care_order: c("ls_full_care_order"),
                interim_care_order: c("ls_interim_care_order"),
                placement_order: c("ls_placement_order"),
                section_20: c("ls_section_20"),
                detained_for_child_protection: c("ls_detained"),
                youth_justice: c("ls_youth_justice"),
            },
            category_of_need: std::array::from_fn(|i| c(&format!("cin_n{}", i + 1))),
            placement: Placements {
                foster: c("pl_foster"),
                placed_for_adoption: c("pl_adoption"),
                with_parents: c("pl_parents"),
                secure_and_childrens_homes: c("pl_childrens_homes"),
                supported_accommodation: c("pl_supported"),
                residential_schools: c("pl_residential_schools"),
                other_residential: c("pl_other_residential"),
                other: c("pl_other"),
            },
            place_provider: PlaceProviders {
                own_la: c("pp_own_la"),
                other_la: c("pp_other_la"),
                private: c("pp_private"),
                voluntary: c("pp_voluntary"),
                other_public: c("pp_other_public"),
                parents: c("pp_parents"),
                not_reported: c("pp_not_reported"),
            },
            location: Locations {
                inside_la: c("loc_inside"),
                outside_la: c("loc_outside"),
                within_20_miles: c("dist_le20"),
                over_20_miles: c("dist_gt20"),
                distance_not_known: c("dist_unknown"),
                inside_within_20_miles: c("dl_inside_le20"),
                outside_within_20_miles: c("dl_outside_le20"),
                inside_over_20_miles: c("dl_inside_gt20"),
                outside_over_20_miles: c("dl_outside_gt20"),
                inside_distance_not_known: c("dl_inside_unknown"),
                outside_distance_not_known: c("dl_outside_unknown"),
            },
            placed_in_area: PlacedInArea {
                total: self.number("lap_total"),
                own_children: c("lap_own"),
                other_las_children: c("lap_other"),
            },
            stability: Stability {
                three_or_more_placements: c("st_3plus_year"),
                looked_after_two_years: self.number("st_2y_total"),
                three_or_more_placements_in_two_years: c("st_3plus_2y"),
                long_term_under_16: self.number("st_long_term_total"),
                same_carer_two_years: c("st_same_carer"),
            },
            missing: Missing {
                looked_after_during_year: self.number("mis_cla_in_year"),
                children_missing: self.number("mis_children"),
                children_missing_percent: self.percent("mis_children_pct"),
                children_missing_repeatedly: self.number("mis_repeat"),
                missing_incidents: self.number("mis_incidents"),
                incidents_per_missing_child: self.decimal("mis_average"),
                missing_at_31_march: self.number("mis_at_31_march"),
                children_away: self.number("away_children"),
                children_away_percent: self.percent("away_children_pct"),
                children_away_repeatedly: self.number("away_repeat"),
                away_incidents: self.number("away_incidents"),
                incidents_per_away_child: self.decimal("away_average"),
                away_at_31_march: self.number("away_at_31_march"),
            },
            care_leavers_17_18: self.care_leavers("cl17"),
            care_leavers_19_21: self.care_leavers("cl19"),
            social_worker_cla: self.number("sw_cla_total"),
            three_or_more_social_workers: c("sw_3plus"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn la(code: u16) -> LaCode {
        LaCode::new(code).unwrap()
    }

    fn count(number: u32, percent: u8) -> Count {
        Count { number: Some(number), percent: Some(percent), symbol: None }
    }

    const SUPPRESSED: Count =
        Count { number: None, percent: None, symbol: Some(Symbol::Suppressed) };

    #[test]
    fn every_column_of_the_packed_file_is_read() {
        let (rows, unused) = parse(PACKED.as_bytes()).unwrap();
        assert_eq!(rows.len(), all_figures().len());
        assert!(unused.is_empty(), "columns never read: {unused:?}");
        let header: Vec<String> = crate::columns::header();
        let packed: Vec<&str> = PACKED.lines().next().unwrap().split(',').collect();
        assert_eq!(packed, header);
    }

    #[test]
    fn all_153_current_authorities_have_figures_for_2021_to_2025() {
        for year in 2021..=2025 {
            let current = carelens_geo::las().iter().filter(|l| la_figures(l.code, year).is_some());
            let expected = if year >= 2024 {
                153
            } else if year >= 2022 {
                151
            } else {
                149
            };
            assert_eq!(current.count(), expected, "{year}");
        }
        let in_2025: Vec<_> = all_figures().iter().filter(|f| f.year == 2025).collect();
        assert_eq!(in_2025.iter().filter(|f| f.la().is_some()).count(), 153);
        for f in in_2025.iter().filter_map(|f| f.la()) {
            assert!(carelens_geo::la(f).is_some(), "{f} is not a current authority");
        }
        // Predecessors of the 2021 and 2023 reorganisations have figures while they existed.
        assert_eq!(la_figures(la(909), 2023).and_then(|f| f.cla_at_31_march), Some(740));
        assert!(la_figures(la(909), 2024).is_none());
        assert_eq!(la_figures(la(928), 2021).and_then(|f| f.cla_at_31_march), Some(1_144));
        assert!(la_figures(la(942), 2023).is_none());
        assert!(la_figures(la(316), 2019).is_none());
    }

    #[test]
    fn england_2025_matches_the_national_figures_and_the_sum_of_las() {
        let england = england_figures(2025).unwrap();
        assert_eq!(england.area, Area::England);
        assert_eq!(england.cla_at_31_march, Some(81_770));
        assert_eq!(crate::national_figure("cla_at_31_march", "2025"), Some(81_770.0));
        assert_eq!(england.started, Some(32_270));
        assert_eq!(england.ceased, Some(34_450));
        assert_eq!(england.uasc.number, Some(6_540));
        assert_eq!(england.placement.foster, count(54_820, 67));
        assert_eq!(england.placement.secure_and_childrens_homes, count(9_480, 12));
        // National counts are rounded to 10; LA counts are exact, except the City of London's
        // (201), which is suppressed (`c`: 1 to 5 children), and the Isles of Scilly's (420),
        // which is `z` in 2025.
        let las: Vec<_> =
            all_figures().iter().filter(|f| f.year == 2025 && f.la().is_some()).collect();
        let suppressed: Vec<_> =
            las.iter().filter(|f| f.cla_at_31_march.is_none()).filter_map(|f| f.la()).collect();
        assert_eq!(suppressed, [la(201), la(420)]);
        let sum: u32 = las.iter().filter_map(|f| f.cla_at_31_march).sum();
        assert_eq!(sum, 81_766);
        let sum_started: u32 = las.iter().filter_map(|f| f.started).sum();
        assert!(sum_started.abs_diff(32_270) < 100, "{sum_started}");
    }

    #[test]
    fn newham_matches_the_published_rows() {
        // Read by hand from the DfE files (la_dfe_code 316).
        let f = la_figures(la(316), 2025).unwrap();
        assert_eq!(f.la(), Some(la(316)));
        assert_eq!((f.cla_at_31_march, f.started, f.ceased), (Some(404), Some(169), Some(195)));
        assert_eq!(f.cla_rate_per_10k, Some(48));
        assert_eq!(f.population_under_18, Some(84_408));
        assert_eq!(f.placement.foster, count(272, 67));
        assert_eq!(f.placement.secure_and_childrens_homes, count(28, 7));
        assert_eq!(f.placement.other, SUPPRESSED);
        assert_eq!(f.category_of_need[0], count(214, 53));
        assert_eq!(f.category_of_need[6], count(0, 0));
        assert_eq!(f.location.outside_la, count(254, 63));
        assert_eq!(f.location.inside_over_20_miles, SUPPRESSED);
        assert_eq!(f.placed_in_area.total, Some(356));
        assert_eq!(f.placed_in_area.other_las_children, count(206, 58));
        assert_eq!(f.uasc, count(26, 6));
        assert_eq!(f.stability.three_or_more_placements, count(44, 11));
        assert_eq!(f.stability.long_term_under_16, Some(111));
        assert_eq!(f.stability.same_carer_two_years, count(75, 68));
        assert_eq!(f.care_leavers_19_21.in_education_employment_or_training, count(152, 55));
        assert_eq!(f.care_leavers_19_21.suitable_accommodation, count(248, 91));
        assert_eq!(f.care_leavers_17_18.training_or_employment, count(12, 13));
        assert_eq!(f.missing.children_missing, None); // 2020–2024 only
        let f2024 = la_figures(la(316), 2024).unwrap();
        assert_eq!(f2024.missing.children_missing, Some(138));
        assert_eq!(f2024.missing.missing_incidents, Some(1_391));
        assert_eq!(f2024.missing.incidents_per_missing_child, Some(10.1));
        assert_eq!(f2024.missing.missing_at_31_march, None);
        assert_eq!(f2024.social_worker_cla, Some(425));
        assert_eq!(f2024.three_or_more_social_workers, count(97, 23));
        // 2021 published "In training or employment" including apprenticeships.
        let f2021 = la_figures(la(316), 2021).unwrap();
        assert_eq!(f2021.care_leavers_19_21.training_or_employment, count(41, 14));
        assert_eq!(f2021.care_leavers_19_21.apprenticeship.symbol, Some(Symbol::NotApplicable));
        // 2020 comes only from the missing-from-care table.
        let f2020 = la_figures(la(316), 2020).unwrap();
        assert_eq!(f2020.cla_at_31_march, None);
        assert_eq!(f2020.missing.missing_incidents, Some(487));
    }

    #[test]
    fn symbols_round_trip() {
        for s in ["c", "k", "z", "x", "low", "u"] {
            assert_eq!(Symbol::parse(s).map(Symbol::as_str), Some(s));
        }
        assert_eq!(Symbol::parse("12"), None);
    }
}
