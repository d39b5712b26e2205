//! The Ofsted register of social care providers at 31 March 2015–2025.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::sync::OnceLock;

use carelens_geo::Region;
use carelens_model::{LaCode, Urn};
use jiff::civil::Date;
use serde::Deserialize;

use crate::area::Area;
use crate::error::PublicError;
use crate::la_names::{self, Place};

/// The packed register: the columns in [`COLUMNS`], sorted by URN and year, lz4-compressed.
const PACKED: &[u8] = include_bytes!("../data/ofsted_providers_2015_2025.csv.lz4");
pub(crate) const PACKED_NAME: &str = "ofsted_providers_2015_2025.csv.lz4";
#[cfg(any(test, feature = "pack"))]
pub(crate) const SOURCE_NAME: &str = "ofsted_csc_providers_at_31_march_2015_2025.csv";

/// The columns of the cleaned Ofsted file that the packer keeps, in order.
pub(crate) const COLUMNS: [&str; 14] = [
    "snapshot_date",
    "urn",
    "provision_type",
    "registration_status",
    "registration_date",
    "sector",
    "owner_organisation",
    "places",
    "short_break_only",
    "local_authority",
    "parliamentary_constituency",
    "government_office_region",
    "latest_full_inspection_date",
    "overall_judgement",
];

/// One provider as Ofsted listed it at 31 March of one year.
///
/// The lists for 2015–2020, 2023 and 2024 hold inspected providers only; those for 2021, 2022
/// and 2025 also list providers not yet inspected (with no judgement). So counts from 2023 and
/// 2024 understate the register: 3,151 children's homes in 2024 against about 3,400 registered.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ProviderSnapshot {
    /// The year of the 31 March snapshot: 2025 is the list at 31 March 2025, the end of the
    /// 2024/25 collection year.
    pub year: i16,
    /// Ofsted unique reference number: `SC` and 6 digits for children's homes and agencies,
    /// 7 digits for supported accommodation and some schools.
    pub urn: Urn,
    /// What kind of setting or agency it is.
    pub provision_type: ProvisionType,
    /// Who runs it.
    pub sector: Sector,
    /// Whether the registration was active or suspended at 31 March.
    pub registration_status: RegistrationStatus,
    /// Date of registration with Ofsted; published from the 2019 list onwards.
    pub registration_date: Option<Date>,
    /// The owning organisation as Ofsted writes it (from 2018); `(individual registered
    /// provider)` where the owner is a person.
    pub owner: Option<String>,
    /// Registered places (beds); none in 2015 or for agencies.
    pub places: Option<u32>,
    /// Whether a children's home offers short breaks only, as Ofsted said.
    pub short_break_only: Option<ShortBreakOnly>,
    /// The local authority name exactly as Ofsted gives it ("Cumbria", "Durham").
    pub local_authority: String,
    /// The DfE code of the authority that covers the setting today: "Durham" is 840 County
    /// Durham, "Poole" is 839, and a Cumbria or Northamptonshire setting is placed in the
    /// successor authority by its constituency. `None` for the 4 Welsh rows and for 14 rows
    /// (2015–16) of settings in those two counties that closed before Ofsted gave
    /// constituencies (2017).
    pub la: Option<LaCode>,
    /// Government office region; `None` only for settings in Wales.
    pub region: Option<Region>,
    /// Date of the latest full inspection.
    pub latest_full_inspection_date: Option<Date>,
    /// Overall judgement at that inspection; `None` if not yet inspected (or, for supported
    /// accommodation, graded on a different scale).
    pub overall_judgement: Option<Judgement>,
}

/// The kinds of social care provision Ofsted registers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum ProvisionType {
    /// Children's home (including short-break homes).
    ChildrensHome,
    /// Secure children's home.
    SecureChildrensHome,
    /// Residential special school registered as a children's home (open more than 295 days a
    /// year).
    ResidentialSpecialSchoolChildrensHome,
    /// Residential special school (not registered as a children's home).
    ResidentialSpecialSchool,
    /// Boarding school (welfare inspection).
    BoardingSchool,
    /// Further education college with residential accommodation.
    FurtherEducationCollege,
    /// Independent fostering agency.
    IndependentFosteringAgency,
    /// Voluntary adoption agency.
    VoluntaryAdoptionAgency,
    /// Adoption support agency.
    AdoptionSupportAgency,
    /// Residential family centre.
    ResidentialFamilyCentre,
    /// Supported accommodation for 16- and 17-year-olds (registered from 2023).
    SupportedAccommodation,
    /// Residential holiday scheme for disabled children.
    ResidentialHolidayScheme,
    /// Secure training centre.
    SecureTrainingCentre,
    /// Cafcass (listed once, in 2018).
    Cafcass,
}

impl ProvisionType {
    /// Every type, in declaration order.
    pub const ALL: [ProvisionType; 14] = [
        Self::ChildrensHome,
        Self::SecureChildrensHome,
        Self::ResidentialSpecialSchoolChildrensHome,
        Self::ResidentialSpecialSchool,
        Self::BoardingSchool,
        Self::FurtherEducationCollege,
        Self::IndependentFosteringAgency,
        Self::VoluntaryAdoptionAgency,
        Self::AdoptionSupportAgency,
        Self::ResidentialFamilyCentre,
        Self::SupportedAccommodation,
        Self::ResidentialHolidayScheme,
        Self::SecureTrainingCentre,
        Self::Cafcass,
    ];

    /// The name as in the cleaned Ofsted files ("Children's home").
    pub const fn name(self) -> &'static str {
        match self {
            Self::ChildrensHome => "Children's home",
            Self::SecureChildrensHome => "Secure children's home",
            Self::ResidentialSpecialSchoolChildrensHome => {
                "Residential special school (registered as a children's home)"
            }
            Self::ResidentialSpecialSchool => "Residential special school",
            Self::BoardingSchool => "Boarding school",
            Self::FurtherEducationCollege => {
                "Further education college with residential accommodation"
            }
            Self::IndependentFosteringAgency => "Independent fostering agency",
            Self::VoluntaryAdoptionAgency => "Voluntary adoption agency",
            Self::AdoptionSupportAgency => "Adoption support agency",
            Self::ResidentialFamilyCentre => "Residential family centre",
            Self::SupportedAccommodation => "Supported accommodation",
            Self::ResidentialHolidayScheme => "Residential holiday scheme for disabled children",
            Self::SecureTrainingCentre => "Secure training centre",
            Self::Cafcass => "Cafcass",
        }
    }

    /// Reads a name written as [`name`](Self::name) gives it.
    pub fn from_name(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.name() == text)
    }

    /// Reads a name as Ofsted has written it over the years: any case, curly apostrophes,
    /// "Residential special school (>295 days/year)" for the dual-registered schools.
    pub fn from_text(text: &str) -> Option<Self> {
        let key = |t: &str| -> String {
            t.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect()
        };
        let k = key(text);
        if k.starts_with("residentialspecialschool") && (k.contains("295") || k.contains("home")) {
            return Some(Self::ResidentialSpecialSchoolChildrensHome);
        }
        Self::ALL.into_iter().find(|t| key(t.name()) == k)
    }
}

impl fmt::Display for ProvisionType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Who runs a provider.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Sector {
    /// A company or individual.
    Private,
    /// A local authority.
    LocalAuthority,
    /// A charity or other voluntary organisation.
    Voluntary,
    /// An academy trust.
    Academy,
    /// An NHS body.
    HealthAuthority,
    /// Another public body (Cafcass).
    PublicSector,
}

impl Sector {
    /// The name as in the cleaned Ofsted files ("Local authority").
    pub const fn name(self) -> &'static str {
        match self {
            Self::Private => "Private",
            Self::LocalAuthority => "Local authority",
            Self::Voluntary => "Voluntary",
            Self::Academy => "Academy",
            Self::HealthAuthority => "Health authority",
            Self::PublicSector => "Public sector",
        }
    }

    /// Reads a sector in any case or spacing ("Local Authority", "local authority").
    pub fn from_text(text: &str) -> Option<Self> {
        let t = text.trim();
        [
            Self::Private,
            Self::LocalAuthority,
            Self::Voluntary,
            Self::Academy,
            Self::HealthAuthority,
            Self::PublicSector,
        ]
        .into_iter()
        .find(|s| s.name().eq_ignore_ascii_case(t))
    }

    fn parse(text: &str) -> Option<Self> {
        Some(match text {
            "Private" => Self::Private,
            "Local authority" => Self::LocalAuthority,
            "Voluntary" => Self::Voluntary,
            "Academy" => Self::Academy,
            "Health authority" => Self::HealthAuthority,
            "Public sector" => Self::PublicSector,
            _ => return None,
        })
    }
}

impl fmt::Display for Sector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl fmt::Display for Judgement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Serialises as the display name.
macro_rules! serialize_by_name {
    ($($t:ty),*) => {$(
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.name())
            }
        }
    )*};
}
serialize_by_name!(ProvisionType, Sector, Judgement);

/// The state of a registration at 31 March.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RegistrationStatus {
    /// Registered and able to operate.
    Active,
    /// Suspended by Ofsted: may not take children.
    Suspended,
}

/// Ofsted's `short_break_only` flag for children's homes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ShortBreakOnly {
    /// The home offers short breaks only.
    Yes,
    /// The home offers long-term care.
    No,
    /// "Short breaks and long term care".
    ShortBreaksAndLongTermCare,
}

/// Overall judgement at a full inspection.
///
/// From the 2019 list the grade is "overall experiences and progress of children and young
/// people"; before that it was "overall effectiveness", on scales that also used `Adequate`,
/// `Satisfactory` and plain "Requires improvement".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Judgement {
    /// Outstanding (grade 1).
    Outstanding,
    /// Good (grade 2).
    Good,
    /// "Requires improvement to be good" (SCCIF, from 2017), or its predecessor "Requires
    /// improvement" (grade 3).
    RequiresImprovement,
    /// Inadequate (grade 4).
    Inadequate,
    /// Adequate: grade 3 on the framework before April 2014.
    Adequate,
    /// Satisfactory: grade 3 on older boarding school and agency frameworks.
    Satisfactory,
}

impl Judgement {
    /// The grade number: 1 Outstanding, 2 Good, 3 requires improvement / adequate /
    /// satisfactory, 4 Inadequate.
    pub const fn grade(self) -> u8 {
        match self {
            Self::Outstanding => 1,
            Self::Good => 2,
            Self::RequiresImprovement | Self::Adequate | Self::Satisfactory => 3,
            Self::Inadequate => 4,
        }
    }

    /// Reads a grade in any of the spellings Ofsted and others use: any case and spacing,
    /// "Requires Improvement to be good", "Requires improvement", "RI", "Req. imp.", or the
    /// grade number 1–4 (3 is read as requires improvement).
    pub fn from_text(text: &str) -> Option<Self> {
        let key: String = text
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        Some(match key.as_str() {
            "outstanding" | "1" => Self::Outstanding,
            "good" | "2" => Self::Good,
            "requiresimprovementtobegood" | "requiresimprovement" | "ri" | "reqimp" | "3" => {
                Self::RequiresImprovement
            }
            "inadequate" | "4" => Self::Inadequate,
            "adequate" => Self::Adequate,
            "satisfactory" => Self::Satisfactory,
            _ => return None,
        })
    }

    /// The grade as Ofsted writes it today ("Requires improvement to be good").
    pub const fn name(self) -> &'static str {
        match self {
            Self::Outstanding => "Outstanding",
            Self::Good => "Good",
            Self::RequiresImprovement => "Requires improvement to be good",
            Self::Inadequate => "Inadequate",
            Self::Adequate => "Adequate",
            Self::Satisfactory => "Satisfactory",
        }
    }

    fn parse(text: &str) -> Option<Self> {
        Some(match text {
            "Outstanding" => Self::Outstanding,
            "Good" => Self::Good,
            "Requires improvement to be good" | "Requires improvement" => Self::RequiresImprovement,
            "Inadequate" => Self::Inadequate,
            "Adequate" => Self::Adequate,
            "Satisfactory" => Self::Satisfactory,
            _ => return None,
        })
    }
}

/// The kinds of setting an SSDA903 placement can name by URN, for [`placement_settings`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SettingGroup {
    /// `K2` children's homes: [`ProvisionType::ChildrensHome`] and residential special schools
    /// registered as children's homes (dual-registered schools are K2, not S1).
    ChildrensHome,
    /// `K1` secure children's homes.
    SecureChildrensHome,
    /// `S1` residential schools: [`ProvisionType::ResidentialSpecialSchool`].
    ResidentialSpecialSchool,
    /// `K3` supported accommodation (registered from 2023; first listed at 31 March 2025).
    SupportedAccommodation,
    /// `U4`–`U6` foster placements arranged through a private or voluntary provider:
    /// independent fostering agencies.
    FosteringAgency,
}

impl SettingGroup {
    /// Every group.
    pub const ALL: [SettingGroup; 5] = [
        Self::ChildrensHome,
        Self::SecureChildrensHome,
        Self::ResidentialSpecialSchool,
        Self::SupportedAccommodation,
        Self::FosteringAgency,
    ];

    /// The group a provision type belongs to, if any.
    pub const fn of(provision_type: ProvisionType) -> Option<Self> {
        match provision_type {
            ProvisionType::ChildrensHome | ProvisionType::ResidentialSpecialSchoolChildrensHome => {
                Some(Self::ChildrensHome)
            }
            ProvisionType::SecureChildrensHome => Some(Self::SecureChildrensHome),
            ProvisionType::ResidentialSpecialSchool => Some(Self::ResidentialSpecialSchool),
            ProvisionType::SupportedAccommodation => Some(Self::SupportedAccommodation),
            ProvisionType::IndependentFosteringAgency => Some(Self::FosteringAgency),
            _ => None,
        }
    }

    /// The group for an SSDA903 placement type code (`K1`, `K2`, `K3`, `S1`, `U4`–`U6`).
    ///
    /// `U4`–`U6` are foster placements with "other" carers: the group applies only when the
    /// placement provider is private or voluntary (`PR4`/`PR5`), which the caller checks.
    pub fn for_placement(code: &str) -> Option<Self> {
        Some(match code.trim().to_ascii_uppercase().as_str() {
            "K1" => Self::SecureChildrensHome,
            "K2" => Self::ChildrensHome,
            "K3" => Self::SupportedAccommodation,
            "S1" => Self::ResidentialSpecialSchool,
            "U4" | "U5" | "U6" => Self::FosteringAgency,
            _ => return None,
        })
    }
}

/// Every provider in every year, sorted by year and then URN.
///
/// # Panics
/// Only if the embedded register is corrupt, which the crate's tests rule out.
pub fn providers() -> &'static [ProviderSnapshot] {
    static ALL: OnceLock<Vec<ProviderSnapshot>> = OnceLock::new();
    ALL.get_or_init(|| load().expect("embedded Ofsted register is valid (checked by tests)"))
}

/// The providers listed at 31 March of `year` (2015–2025), sorted by URN; empty for other
/// years.
pub fn providers_at(year: i16) -> &'static [ProviderSnapshot] {
    let all = providers();
    let start = all.partition_point(|p| p.year < year);
    let end = all.partition_point(|p| p.year <= year);
    &all[start..end]
}

/// The provider with this URN in the list at 31 March of `year`.
pub fn provider(year: i16, urn: &Urn) -> Option<&'static ProviderSnapshot> {
    let list = providers_at(year);
    list.binary_search_by(|p| p.urn.cmp(urn)).ok().map(|i| &list[i])
}

/// The active settings of one group in an area at 31 March of `year`: the candidates for a
/// child's placement, sorted by URN. Built once, on first call; each later call is a map
/// look-up.
///
/// Suspended registrations are left out. Short-break-only homes are kept (children on short
/// breaks are placed there); check [`ProviderSnapshot::short_break_only`] to skip them.
/// `Area::La` uses [`ProviderSnapshot::la`], so a setting in the former Cumbria is found under
/// 942 or 943 in every year.
///
/// ```
/// use carelens_public::{Area, SettingGroup, placement_settings};
/// use carelens_model::LaCode;
///
/// let newham = Area::La(LaCode::new(316).unwrap());
/// let homes = placement_settings(2025, SettingGroup::ChildrensHome, newham);
/// assert!(homes.iter().all(|p| p.la == LaCode::new(316).ok() && p.year == 2025));
/// ```
pub fn placement_settings(
    year: i16,
    group: SettingGroup,
    area: Area,
) -> &'static [&'static ProviderSnapshot] {
    type Index = BTreeMap<(i16, SettingGroup, Area), Vec<&'static ProviderSnapshot>>;
    static INDEX: OnceLock<Index> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut index = Index::new();
        for p in providers() {
            let Some(group) = SettingGroup::of(p.provision_type) else { continue };
            if p.registration_status != RegistrationStatus::Active {
                continue;
            }
            let Some(region) = p.region else { continue }; // Wales
            let areas = [Some(Area::England), Some(Area::Region(region)), p.la.map(Area::La)];
            for area in areas.into_iter().flatten() {
                index.entry((p.year, group, area)).or_default().push(p);
            }
        }
        index
    });
    index.get(&(year, group, area)).map_or(&[], Vec::as_slice)
}

/// One row of the packed register, as text.
#[derive(Deserialize)]
struct Row<'a> {
    snapshot_date: &'a str,
    urn: &'a str,
    provision_type: &'a str,
    registration_status: &'a str,
    registration_date: &'a str,
    sector: &'a str,
    owner_organisation: &'a str,
    places: &'a str,
    short_break_only: &'a str,
    local_authority: &'a str,
    parliamentary_constituency: &'a str,
    government_office_region: &'a str,
    latest_full_inspection_date: &'a str,
    overall_judgement: &'a str,
}

fn load() -> Result<Vec<ProviderSnapshot>, PublicError> {
    let text = lz4_flex::decompress_size_prepended(PACKED)
        .map_err(|e| PublicError::Internal(format!("{PACKED_NAME} does not decompress: {e}")))?;
    parse(&text)
}

/// Parses the register from CSV with (at least) the columns in [`COLUMNS`].
pub(crate) fn parse(csv_text: &[u8]) -> Result<Vec<ProviderSnapshot>, PublicError> {
    let file = PACKED_NAME;
    let mut out = Vec::new();
    // Split-county rows whose constituency is blank (2015–16): resolved below by URN.
    let mut pending = Vec::new();
    // `la_by_name` scans the register; there are only ~160 distinct names, so look each up once.
    let mut places: HashMap<String, Option<Place>> = HashMap::new();
    let mut regions: HashMap<String, Option<Region>> = HashMap::new();
    // Rows without a government office region (the 2015 list): filled in below.
    let mut no_region = Vec::new();
    crate::packed::for_each_record(file, csv_text, |rec| {
        let row: Row<'_> = rec.row()?;
        let bad = |column: &str, value: &str, expected| rec.bad(column, value, expected);
        let year = match row.snapshot_date.parse::<Date>() {
            Ok(d) if d.month() == 3 && d.day() == 31 => d.year(),
            _ => return Err(bad("snapshot_date", row.snapshot_date, "a 31 March date")),
        };
        let date = |column, text: &str| match text {
            "" => Ok(None),
            t => t.parse::<Date>().map(Some).map_err(|_| bad(column, t, "a YYYY-MM-DD date")),
        };
        let place = match places.get(row.local_authority) {
            Some(p) => *p,
            None => {
                let p = la_names::place(row.local_authority);
                places.insert(row.local_authority.to_owned(), p);
                p
            }
        };
        let (la, split) = match place {
            Some(Place::La(code)) => (Some(code), None),
            Some(Place::Split(split)) => (split.part(row.parliamentary_constituency), Some(split)),
            Some(Place::OutsideEngland) => (None, None),
            None => return Err(bad("local_authority", row.local_authority, "a known LA name")),
        };
        let region = match row.government_office_region {
            "Wales" => None,
            "" => {
                no_region.push(out.len());
                None
            }
            name => {
                let region = match regions.get(name) {
                    Some(r) => *r,
                    None => *regions.entry(name.to_owned()).or_insert(Region::from_name(name)),
                };
                Some(region.ok_or_else(|| {
                    bad("government_office_region", name, "an English region or Wales")
                })?)
            }
        };
        if let (None, Some(split)) = (la, split) {
            pending.push((out.len(), split));
        }
        out.push(ProviderSnapshot {
            year,
            urn: Urn::parse(row.urn).ok_or_else(|| bad("urn", row.urn, "an Ofsted URN"))?,
            provision_type: ProvisionType::from_name(row.provision_type)
                .ok_or_else(|| bad("provision_type", row.provision_type, "a provision type"))?,
            sector: Sector::parse(row.sector)
                .ok_or_else(|| bad("sector", row.sector, "a sector"))?,
            registration_status: match row.registration_status {
                "Active" => RegistrationStatus::Active,
                "Suspended" => RegistrationStatus::Suspended,
                s => return Err(bad("registration_status", s, "Active or Suspended")),
            },
            registration_date: date("registration_date", row.registration_date)?,
            owner: Some(row.owner_organisation).filter(|o| !o.is_empty()).map(str::to_owned),
            places: match row.places {
                "" => None,
                p => Some(p.parse().map_err(|_| bad("places", p, "a whole number"))?),
            },
            short_break_only: match row.short_break_only {
                "" => None,
                "Yes" => Some(ShortBreakOnly::Yes),
                "No" => Some(ShortBreakOnly::No),
                "Short breaks and long term care" => {
                    Some(ShortBreakOnly::ShortBreaksAndLongTermCare)
                }
                s => {
                    return Err(bad(
                        "short_break_only",
                        s,
                        "Yes, No or short breaks and long term care",
                    ));
                }
            },
            local_authority: row.local_authority.to_owned(),
            la,
            region,
            latest_full_inspection_date: date(
                "latest_full_inspection_date",
                row.latest_full_inspection_date,
            )?,
            overall_judgement: match row.overall_judgement {
                "" => None,
                j => Some(
                    Judgement::parse(j).ok_or_else(|| bad("overall_judgement", j, "a grade"))?,
                ),
            },
        });
        Ok(())
    })?;
    // A setting listed before 2017 (no constituency) in Cumbria or Northamptonshire takes the
    // successor authority it was placed in, by constituency, in a later year.
    let mut later: HashMap<&Urn, LaCode> = HashMap::new();
    for p in &out {
        if let Some(la) = p.la {
            later.entry(&p.urn).or_insert(la);
        }
    }
    let resolved: Vec<(usize, LaCode)> = pending
        .iter()
        .filter_map(|&(i, split)| {
            later.get(&out[i].urn).copied().filter(|&la| split.contains(la)).map(|la| (i, la))
        })
        .collect();
    for (i, la) in resolved {
        out[i].la = Some(la);
    }
    // The 2015 list has no region: take the one Ofsted gives most often for the same local
    // authority name in other years (one Lancashire row says Yorkshire), else the register's.
    let mut by_name: HashMap<&str, BTreeMap<Region, u32>> = HashMap::new();
    for p in &out {
        if let Some(r) = p.region {
            *by_name.entry(&p.local_authority).or_default().entry(r).or_default() += 1;
        }
    }
    let filled: Vec<(usize, Option<Region>)> = no_region
        .iter()
        .map(|&i| {
            let p = &out[i];
            let usual = by_name
                .get(p.local_authority.as_str())
                .and_then(|counts| counts.iter().max_by_key(|(_, n)| **n).map(|(r, _)| *r));
            let split = || match la_names::place(&p.local_authority) {
                Some(Place::Split(split)) => Some(split.region),
                _ => None,
            };
            let register = || p.la.and_then(carelens_geo::la).map(|l| l.region);
            (i, usual.or_else(split).or_else(register))
        })
        .collect();
    for (i, region) in filled {
        out[i].region = region;
    }
    out.sort_by(|a, b| (a.year, &a.urn).cmp(&(b.year, &b.urn)));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn la(code: u16) -> LaCode {
        LaCode::new(code).unwrap()
    }

    #[test]
    fn register_has_every_row_and_year() {
        assert_eq!(providers().len(), 36_572);
        for year in 2015..=2025 {
            assert!(!providers_at(year).is_empty(), "{year}");
        }
        assert!(providers_at(2014).is_empty());
        assert_eq!(providers_at(2025).len(), 5_600);
    }

    #[test]
    fn childrens_homes_at_31_march_2025_match_the_national_figures() {
        let homes: Vec<_> = providers_at(2025)
            .iter()
            .filter(|p| p.provision_type == ProvisionType::ChildrensHome)
            .collect();
        let places: u32 = homes.iter().filter_map(|p| p.places).sum();
        let published = |m| crate::national_figure(m, "2025-03-31").unwrap();
        assert_eq!(homes.len(), 3_946);
        assert_eq!(homes.len() as f64, published("childrens_homes_mainstream"));
        assert_eq!(places, 14_275);
        assert_eq!(f64::from(places), published("childrens_homes_mainstream_places"));
        // FINDINGS: 380 homes had no full inspection yet; 3,566 were graded.
        assert_eq!(homes.iter().filter(|p| p.overall_judgement.is_none()).count(), 380);
        let all_types = providers_at(2025)
            .iter()
            .filter(|p| {
                SettingGroup::of(p.provision_type) == Some(SettingGroup::ChildrensHome)
                    || p.provision_type == ProvisionType::SecureChildrensHome
            })
            .count();
        assert_eq!(all_types as f64, published("childrens_homes_all_types"));
        let ifas = providers_at(2025)
            .iter()
            .filter(|p| p.provision_type == ProvisionType::IndependentFosteringAgency)
            .count();
        assert_eq!(ifas as f64, published("independent_fostering_agencies"));
    }

    #[test]
    fn every_childrens_home_from_2020_has_an_la_and_region() {
        for p in providers().iter().filter(|p| p.year >= 2020) {
            if matches!(
                SettingGroup::of(p.provision_type),
                Some(SettingGroup::ChildrensHome | SettingGroup::SecureChildrensHome)
            ) {
                assert!(p.la.is_some(), "{} {} in {:?}", p.year, p.urn, p.local_authority);
                assert!(p.region.is_some(), "{} {}", p.year, p.urn);
            }
        }
    }

    #[test]
    fn only_welsh_and_early_split_county_rows_lack_an_la() {
        let missing: Vec<_> = providers().iter().filter(|p| p.la.is_none()).collect();
        for p in &missing {
            let welsh = p.region.is_none();
            let early_split = p.year <= 2016
                && matches!(p.local_authority.as_str(), "Cumbria" | "Northamptonshire");
            assert!(welsh || early_split, "{} {} in {:?}", p.year, p.urn, p.local_authority);
        }
        assert_eq!(missing.iter().filter(|p| p.region.is_none()).count(), 4);
        assert_eq!(missing.len(), 4 + 14);
    }

    #[test]
    fn renamed_and_reorganised_areas_map_to_current_codes() {
        let find = |name: &str, year| {
            providers_at(year).iter().find(|p| p.local_authority == name).and_then(|p| p.la)
        };
        assert_eq!(find("Durham", 2025), Some(la(840)));
        assert_eq!(find("Bournemouth", 2018), Some(la(839)));
        assert_eq!(find("Poole", 2018), Some(la(839)));
        assert!(matches!(find("Cumbria", 2022), Some(c) if c == la(942) || c == la(943)));
        assert!(matches!(find("Northamptonshire", 2020), Some(c) if c == la(940) || c == la(941)));
    }

    #[test]
    fn every_english_row_has_a_region_including_2015() {
        for p in providers() {
            let welsh = matches!(la_names::place(&p.local_authority), Some(Place::OutsideEngland));
            assert_eq!(p.region.is_none(), welsh, "{} {}", p.year, p.urn);
        }
        // 2015 has no region column: it comes from the same LA's rows in other years.
        let derbyshire = providers_at(2015).iter().find(|p| p.local_authority == "Derbyshire");
        assert_eq!(derbyshire.and_then(|p| p.region), Some(Region::EastMidlands));
    }

    #[test]
    fn provider_is_found_by_year_and_urn() {
        let first = &providers_at(2024)[0];
        assert_eq!(provider(2024, &first.urn), Some(first));
        assert_eq!(provider(2014, &first.urn), None);
    }

    #[test]
    fn placement_settings_are_active_and_of_the_right_kind() {
        let newham = Area::La(la(316));
        let homes = placement_settings(2025, SettingGroup::ChildrensHome, newham);
        assert!(!homes.is_empty());
        for p in homes {
            assert_eq!(p.year, 2025);
            assert_eq!(p.la, Some(la(316)));
            assert_eq!(p.registration_status, RegistrationStatus::Active);
            assert_eq!(SettingGroup::of(p.provision_type), Some(SettingGroup::ChildrensHome));
        }
        let london =
            placement_settings(2025, SettingGroup::ChildrensHome, Area::Region(Region::London));
        assert!(london.len() > homes.len());
        let england = placement_settings(2025, SettingGroup::ChildrensHome, Area::England);
        let active = providers_at(2025)
            .iter()
            .filter(|p| SettingGroup::of(p.provision_type) == Some(SettingGroup::ChildrensHome))
            .filter(|p| p.registration_status == RegistrationStatus::Active)
            .count();
        assert_eq!(england.len(), active);
        // Supported accommodation is first listed in 2025.
        assert!(
            placement_settings(2024, SettingGroup::SupportedAccommodation, Area::England)
                .is_empty()
        );
        assert!(
            !placement_settings(2025, SettingGroup::SupportedAccommodation, Area::England)
                .is_empty()
        );
        assert!(placement_settings(2025, SettingGroup::FosteringAgency, Area::England).len() > 300);
        assert_eq!(SettingGroup::for_placement("k2"), Some(SettingGroup::ChildrensHome));
        assert_eq!(SettingGroup::for_placement("U1"), None);
    }
}
