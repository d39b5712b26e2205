//! Provider oversight and the "postcode lottery": Ofsted's register of children's homes and
//! their owners, LA inspection judgements and DfE figures, made queryable and comparable, and
//! linked to an LA's own 903 placements.
//!
//! Everything hangs off one [`Oversight`] value, built from a [`carelens_public::Dataset`] (the
//! shipped public data, with any releases the user loaded laid over it). Building it indexes
//! ~36,000 register rows (tens of milliseconds); every query is then in memory.
//!
//! # API (stable: the web dashboard's "Homes and owners" and "Postcode lottery" pages call it)
//!
//! ```no_run
//! use carelens_oversight::{LaMetric, Oversight, owner_key};
//!
//! let o = Oversight::shipped();                 // or Oversight::new(dataset)
//! let year = o.latest_year();                   // 2025: the latest 31 March list
//!
//! // Homes: search by URN, owner, LA or region; one home's yearly entries and inspections.
//! let homes = o.search_homes("Lancashire", false);
//! let profile = o.home_profile(&homes[0].urn);
//!
//! // Owners: normalised names, market share, ratings now and over time, merges listed.
//! let owners = o.owners(year);                  // largest first, with share of homes/places
//! let key = o.find_owner("Cambian Childcare Ltd").unwrap();
//! let page = o.owner_profile(&key).unwrap();    // homes, ratings by year, regions, LAs
//! let merges = o.owner_merges();                // every key with several spellings
//!
//! // Sector and owner-size comparison; ratings over time by sector.
//! let cmp = o.sector_comparison(year);          // rows + a sentence on the finding
//! let series = o.ratings_over_time();
//!
//! // National headline figures beside the published ones.
//! let checks = o.national_headlines(year);
//!
//! // LAs: league table rows (153, with ILACS and DfE figures), profiles, regions.
//! let rows = o.la_league(year, LaMetric::ThreePlusPlacements);
//! let newham = o.la_profile(carelens_model::LaCode::new(316).unwrap(), year);
//! let regions = o.region_table(year);
//!
//! // SVG: the LA map coloured by a metric, an owner's homes on the map, ratings over time.
//! let map: String = carelens_oversight::la_map_svg(&rows, LaMetric::Ilacs);
//! let owner_map: String = carelens_oversight::owner_map_svg(&page);
//! let chart: String = carelens_oversight::ratings_chart_svg(&series);
//!
//! // The 903 join: per-home and per-owner outcomes, unknown URNs listed.
//! # let returns: Vec<carelens_model::Return903> = Vec::new();
//! let report = o.join_903(&returns.iter().collect::<Vec<_>>());
//! ```
//!
//! Every result type derives `serde::Serialize` (domain values such as URNs, LA codes, regions
//! and dates serialise as their display text; grades and sectors as Ofsted's words).
//!
//! # Definitions
//!
//! * **Children's home** in the statistics (owners, market shares, sectors, LA places, the
//!   national headline figures) means Ofsted's provision type "Children's home", as in
//!   Ofsted's own headline counts: secure homes and residential special schools registered as
//!   children's homes are left out. Home look-ups and the 903 join know every URN.
//! * **Rating** of a home at 31 March is the overall grade of its latest full inspection in
//!   that year's list; the rating *at a date* (903 join) is the latest graded full inspection
//!   on or before it, from every inspection the data names.
//! * **Owner** is the normalised owner name ([`owner_key`]); the merges are listed by
//!   [`Oversight::owner_merges`].
//! * **Unplanned ending**: see [`UNPLANNED_CODES`].
//!
//! It does not fetch anything, and it reads no child-level data except the returns passed to
//! [`Oversight::join_903`].
#![deny(missing_docs)]

use std::collections::BTreeMap;
use std::sync::OnceLock;

use carelens_model::Urn;
use carelens_public::Dataset;

pub use crate::headline::HeadlineCheck;
pub use crate::homes::{Home, HomeProfile, HomeStatus, HomeYear, InspectionRow};
pub use crate::join::{HomeOutcome, JoinReport, OwnerOutcome, UNPLANNED_CODES, UnknownUrn};
pub use crate::las::{Ilacs, LaMetric, LaProfile, LaRow, LaYear, RegionRow};
pub use crate::market::{
    Comparison, GroupRow, HomeEvent, OwnerHome, OwnerMerge, OwnerProfile, OwnerSummary, OwnerYear,
    ProviderGroup, RegionShare, SectorYear, SizeBand,
};
pub use crate::owners::{OwnerKey, owner_key};
pub use crate::ratings::RatingCounts;
pub use crate::svg::{la_map_svg, owner_map_svg, ratings_chart_svg};

mod headline;
mod homes;
mod join;
mod las;
mod map;
mod market;
mod owners;
mod ratings;
mod ser;
mod svg;

/// The public data, indexed for oversight queries.
#[derive(Debug)]
pub struct Oversight {
    data: Dataset,
    latest_year: i16,
    /// Register rows (indices into `data.providers`) by URN, ascending year.
    by_urn: BTreeMap<Urn, Vec<usize>>,
    /// The owner key of each register row, parallel to `data.providers`.
    owner_of: Vec<Option<OwnerKey>>,
    /// Each owner's spellings in children's-home rows, with the number of rows using them.
    spellings: BTreeMap<OwnerKey, BTreeMap<String, u32>>,
    /// The name shown for each owner: its most used spelling in the latest year it appears.
    owner_names: BTreeMap<OwnerKey, String>,
    /// Built on first search: what a home search matches, per children's home.
    home_search: std::sync::OnceLock<Vec<homes::SearchEntry>>,
    /// Built on first search: every owner's summary at the latest list.
    current_owners: std::sync::OnceLock<BTreeMap<OwnerKey, market::OwnerSummary>>,
}

impl Oversight {
    /// Indexes `data`.
    pub fn new(data: Dataset) -> Self {
        let latest_year = data.providers.iter().map(|p| p.year).max().unwrap_or(2025);
        let mut by_urn: BTreeMap<Urn, Vec<usize>> = BTreeMap::new();
        let mut owner_of = Vec::with_capacity(data.providers.len());
        let mut spellings: BTreeMap<OwnerKey, BTreeMap<String, u32>> = BTreeMap::new();
        // (key) → (year, count, spelling) of the best display candidate.
        let mut per_year: BTreeMap<(OwnerKey, i16), BTreeMap<&str, u32>> = BTreeMap::new();
        for (i, p) in data.providers.iter().enumerate() {
            by_urn.entry(p.urn.clone()).or_default().push(i);
            let key = p.owner.as_deref().and_then(owner_key);
            if let (Some(k), Some(name)) = (&key, &p.owner) {
                if market::is_home(p) {
                    *spellings.entry(k.clone()).or_default().entry(name.clone()).or_default() += 1;
                }
                *per_year.entry((k.clone(), p.year)).or_default().entry(name).or_default() += 1;
            }
            owner_of.push(key);
        }
        let mut owner_names = BTreeMap::new();
        // per_year is sorted by key then year: the last entry per key is its latest year.
        for ((key, _), names) in &per_year {
            if let Some((name, _)) =
                names.iter().max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            {
                owner_names.insert(key.clone(), (*name).to_owned());
            }
        }
        Self {
            data,
            latest_year,
            by_urn,
            owner_of,
            spellings,
            owner_names,
            home_search: std::sync::OnceLock::new(),
            current_owners: std::sync::OnceLock::new(),
        }
    }

    /// The shipped data, indexed once and shared.
    pub fn shipped() -> &'static Oversight {
        static SHIPPED: OnceLock<Oversight> = OnceLock::new();
        SHIPPED.get_or_init(|| Oversight::new(Dataset::shipped()))
    }

    /// The year of the latest 31 March provider list (2025 as shipped).
    pub const fn latest_year(&self) -> i16 {
        self.latest_year
    }

    /// The data indexed.
    pub const fn data(&self) -> &Dataset {
        &self.data
    }
}
