//! Children's homes (and every other registered setting) by URN.

use carelens_geo::Region;
use carelens_model::{LaCode, Urn};
use carelens_public::{InspectionKind, Judgement, ProviderSnapshot, ProvisionType, Sector};
use jiff::civil::Date;
use serde::Serialize;

use crate::Oversight;
use crate::owners::OwnerKey;
use crate::ser::{display, display_opt};

/// Whether a setting is still registered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HomeStatus {
    /// Listed in the latest provider list.
    Open,
    /// Not in the latest list: closed, resigned or cancelled before it. The date is known for
    /// closures in Ofsted's leavers tables (2016–2023).
    Closed,
}

/// One setting as the register last listed it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Home {
    /// Ofsted URN.
    #[serde(serialize_with = "display")]
    pub urn: Urn,
    /// What kind of setting.
    pub provision_type: ProvisionType,
    /// Who runs it.
    pub sector: Sector,
    /// The owner's name (the spelling most used for that owner).
    pub owner: Option<String>,
    /// The owner's normalised key.
    pub owner_key: Option<OwnerKey>,
    /// Registered places.
    pub places: Option<u32>,
    /// The local authority it is in (today's code).
    #[serde(serialize_with = "display_opt")]
    pub la: Option<LaCode>,
    /// That authority's name.
    pub la_name: Option<String>,
    /// Its region.
    #[serde(serialize_with = "display_opt")]
    pub region: Option<Region>,
    /// Date of registration (published from 2019).
    #[serde(serialize_with = "display_opt")]
    pub registered: Option<Date>,
    /// First year (31 March) it was listed.
    pub first_listed: i16,
    /// Last year it was listed.
    pub last_listed: i16,
    /// Open or closed.
    pub status: HomeStatus,
    /// The day it left the register, where Ofsted published it.
    #[serde(serialize_with = "display_opt")]
    pub closed: Option<Date>,
    /// Its latest full-inspection grade.
    pub rating: Option<Judgement>,
    /// The date of that inspection.
    #[serde(serialize_with = "display_opt")]
    pub rating_date: Option<Date>,
}

/// A setting's entry in one year's list.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct HomeYear {
    /// The year of the 31 March list.
    pub year: i16,
    /// Sector that year.
    pub sector: Sector,
    /// Owner as written that year.
    pub owner: Option<String>,
    /// Places that year.
    pub places: Option<u32>,
    /// Whether the registration was suspended at 31 March.
    pub suspended: bool,
    /// Latest full inspection at 31 March.
    #[serde(serialize_with = "display_opt")]
    pub inspection_date: Option<Date>,
    /// Its grade.
    pub rating: Option<Judgement>,
}

/// One inspection in a setting's history.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct InspectionRow {
    /// Date.
    #[serde(serialize_with = "display")]
    pub date: Date,
    /// Full, monitoring…
    pub kind: InspectionKind,
    /// Grade, for full inspections.
    pub rating: Option<Judgement>,
}

/// A setting with its yearly entries and inspections.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct HomeProfile {
    /// The setting as last listed.
    pub home: Home,
    /// Every yearly list it appears in.
    pub years: Vec<HomeYear>,
    /// Every known inspection, by date.
    pub inspections: Vec<InspectionRow>,
}

/// What a home search matches for one children's home: its URN, owner, LA and region in
/// lower case.
#[derive(Debug)]
pub(crate) struct SearchEntry {
    urn: Urn,
    open: bool,
    fields: [Option<String>; 4],
}

impl Oversight {
    /// The setting with this URN (any provision type), as last listed.
    pub fn home(&self, urn: &Urn) -> Option<Home> {
        let rows = self.by_urn.get(urn)?;
        Some(self.home_from(rows))
    }

    /// The setting's full profile: yearly entries and inspections.
    pub fn home_profile(&self, urn: &Urn) -> Option<HomeProfile> {
        let rows = self.by_urn.get(urn)?;
        let years = rows
            .iter()
            .map(|&i| {
                let p = &self.data.providers[i];
                HomeYear {
                    year: p.year,
                    sector: p.sector,
                    owner: p.owner.clone(),
                    places: p.places,
                    suspended: p.registration_status
                        == carelens_public::RegistrationStatus::Suspended,
                    inspection_date: p.latest_full_inspection_date,
                    rating: p.overall_judgement,
                }
            })
            .collect();
        let inspections = self
            .inspections_of(urn)
            .iter()
            .map(|i| InspectionRow { date: i.date, kind: i.kind, rating: i.overall })
            .collect();
        Some(HomeProfile { home: self.home_from(rows), years, inspections })
    }

    /// Children's homes (provision type "Children's home") whose URN, owner, LA or region
    /// contains `text` (ignoring case), open ones first, then by URN. Empty `text` lists all.
    pub fn search_homes(&self, text: &str, include_closed: bool) -> Vec<Home> {
        let needle = text.trim().to_lowercase();
        let index = self.home_search.get_or_init(|| {
            self.by_urn
                .values()
                .map(|rows| self.home_from(rows))
                .filter(|h| h.provision_type == ProvisionType::ChildrensHome)
                .map(|h| SearchEntry {
                    urn: h.urn.clone(),
                    open: h.status == HomeStatus::Open,
                    fields: [
                        Some(h.urn.as_str().to_lowercase()),
                        h.owner.as_deref().map(str::to_lowercase),
                        h.la_name.as_deref().map(str::to_lowercase),
                        h.region.map(|r| r.name().to_lowercase()),
                    ],
                })
                .collect()
        });
        // Only the homes that match are built (a search used to build all ~5,000).
        let mut out: Vec<Home> = index
            .iter()
            .filter(|e| include_closed || e.open)
            .filter(|e| needle.is_empty() || e.fields.iter().flatten().any(|f| f.contains(&needle)))
            .filter_map(|e| self.by_urn.get(&e.urn).map(|rows| self.home_from(rows)))
            .collect();
        out.sort_by(|a, b| {
            (a.status != HomeStatus::Open, &a.urn).cmp(&(b.status != HomeStatus::Open, &b.urn))
        });
        out
    }

    /// The grade of a setting's latest full inspection on or before `date`.
    pub fn rating_at(&self, urn: &Urn, date: Date) -> Option<(Judgement, Date)> {
        self.inspections_of(urn)
            .iter()
            .filter(|i| i.kind == InspectionKind::Full && i.date <= date)
            .filter_map(|i| i.overall.map(|g| (g, i.date)))
            .next_back()
    }

    /// The register entry in force on `date`: the latest 31 March list on or before it that
    /// lists the URN, else the earliest list after it (a setting registered during the year).
    pub fn register_entry_at(&self, urn: &Urn, date: Date) -> Option<&ProviderSnapshot> {
        let rows = self.by_urn.get(urn)?;
        let year =
            if (date.month(), date.day()) >= (3, 31) { date.year() } else { date.year() - 1 };
        let before = rows.iter().rev().find(|&&i| self.data.providers[i].year <= year);
        let chosen = before.or_else(|| rows.first())?;
        Some(&self.data.providers[*chosen])
    }

    pub(crate) fn inspections_of(&self, urn: &Urn) -> &[carelens_public::Inspection] {
        let all = &self.data.inspections;
        let start = all.partition_point(|i| &i.urn < urn);
        let end = all.partition_point(|i| &i.urn <= urn);
        &all[start..end]
    }

    /// Builds a [`Home`] from a URN's rows (ascending year; never empty).
    pub(crate) fn home_from(&self, rows: &[usize]) -> Home {
        let last = &self.data.providers[rows[rows.len() - 1]];
        let first = &self.data.providers[rows[0]];
        let key = self.owner_of[rows[rows.len() - 1]].clone();
        let open = last.year == self.latest_year;
        let closure = self.closure_of(&last.urn);
        let rating = self.rating_at(&last.urn, Date::MAX);
        Home {
            urn: last.urn.clone(),
            provision_type: last.provision_type,
            sector: last.sector,
            owner: key.as_ref().and_then(|k| self.owner_names.get(k).cloned()),
            owner_key: key,
            places: last.places,
            la: last.la,
            la_name: last.la.and_then(carelens_geo::la).map(|l| l.name.clone()),
            region: last.region,
            registered: rows.iter().rev().find_map(|&i| self.data.providers[i].registration_date),
            first_listed: first.year,
            last_listed: last.year,
            status: if open { HomeStatus::Open } else { HomeStatus::Closed },
            closed: if open { None } else { closure.map(|c| c.leave_date) },
            rating: rating.map(|r| r.0).or(last.overall_judgement),
            rating_date: rating.map(|r| r.1).or(last.latest_full_inspection_date),
        }
    }

    fn closure_of(&self, urn: &Urn) -> Option<&carelens_public::Closure> {
        let all = &self.data.closures;
        all.binary_search_by(|c| c.urn.cmp(urn)).ok().map(|i| &all[i])
    }
}
