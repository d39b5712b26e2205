//! Local authorities: ILACS judgements, DfE figures and children's-home places, as league
//! tables and profiles.

use std::collections::BTreeMap;

use carelens_geo::Region;
use carelens_model::LaCode;
use carelens_public::{Area, Count, IlacsInspection, IlacsKind, Judgement, LaFigures};
use jiff::civil::Date;
use serde::Serialize;

use crate::Oversight;
use crate::homes::Home;
use crate::market::is_home;
use crate::ratings::RatingCounts;
use crate::ser::{display, display_opt};

/// One ILACS result.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Ilacs {
    /// Standard or short.
    pub kind: IlacsKind,
    /// First day on site.
    #[serde(serialize_with = "display")]
    pub start_date: Date,
    /// Publication date.
    #[serde(serialize_with = "display_opt")]
    pub published: Option<Date>,
    /// Overall effectiveness.
    pub overall: Option<Judgement>,
    /// Impact of leaders.
    pub impact_of_leaders: Option<Judgement>,
    /// Help and protection.
    pub help_and_protection: Option<Judgement>,
    /// Children in care (with care leavers before 2023).
    pub children_in_care: Option<Judgement>,
    /// Care leavers (from 2023).
    pub care_leavers: Option<Judgement>,
}

impl From<&IlacsInspection> for Ilacs {
    fn from(i: &IlacsInspection) -> Self {
        Self {
            kind: i.kind,
            start_date: i.start_date,
            published: i.publication_date,
            overall: i.overall,
            impact_of_leaders: i.impact_of_leaders,
            help_and_protection: i.help_and_protection,
            children_in_care: i.children_in_care,
            care_leavers: i.care_leavers,
        }
    }
}

/// One LA's row in the league table.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct LaRow {
    /// DfE code.
    #[serde(serialize_with = "display")]
    pub code: LaCode,
    /// Name.
    pub name: String,
    /// Region.
    #[serde(serialize_with = "display")]
    pub region: Region,
    /// Latest ILACS with an overall grade.
    pub ilacs: Option<Ilacs>,
    /// The DfE year (ending 31 March) of the figures below.
    pub dfe_year: i16,
    /// Children looked after at 31 March.
    pub cla: Option<u32>,
    /// Per 10,000 children under 18.
    pub cla_rate_per_10k: Option<u32>,
    /// Percentage with 3 or more placements during the year.
    pub three_plus_placements_pct: Option<u8>,
    /// Percentage placed more than 20 miles from home.
    pub over_20_miles_pct: Option<u8>,
    /// Percentage placed outside the LA boundary.
    pub outside_la_pct: Option<u8>,
    /// Percentage in private provision.
    pub private_provision_pct: Option<u8>,
    /// Unaccompanied asylum-seeking children.
    pub uasc: Option<u32>,
    /// Their percentage of children looked after.
    pub uasc_pct: Option<u8>,
    /// The LA's children in secure and children's homes at 31 March (DfE).
    pub children_in_homes: Option<u32>,
    /// Mainstream children's homes located in the LA (the register year below).
    pub homes_in_la: u32,
    /// Their registered places.
    pub places_in_la: u32,
    /// Places located in the LA minus the LA's own children in children's homes: positive
    /// for a net importer (more places than it uses), negative for a net exporter.
    pub places_minus_children: Option<i64>,
    /// Percentage of the graded homes in the LA that are good or outstanding.
    pub homes_good_or_outstanding_pct: Option<f64>,
    /// Homes in the LA rated requires improvement or inadequate.
    pub homes_ri_or_inadequate: u32,
    /// The register year used for homes and places.
    pub register_year: i16,
    /// Percentage of the LA's children in children's homes placed outside its boundary
    /// (FOI, latest year available).
    pub homes_placed_outside_pct: Option<u8>,
    /// Net gain of children in children's homes (FOI): placed in by others minus placed out.
    pub homes_net_gain: Option<i32>,
}

/// What a league table or map is sorted or coloured by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum LaMetric {
    /// Latest ILACS overall grade (1 outstanding … 4 inadequate).
    Ilacs,
    /// Children looked after per 10,000.
    ClaRate,
    /// Percentage with 3+ placements in the year.
    ThreePlusPlacements,
    /// Percentage placed more than 20 miles away.
    Over20Miles,
    /// Percentage placed outside the LA.
    OutsideLa,
    /// Percentage in private provision.
    PrivateProvision,
    /// UASC as a percentage of children looked after.
    Uasc,
    /// Children's-home places in the LA minus its children in children's homes.
    NetPlaces,
    /// Percentage of homes in the LA good or outstanding.
    HomesGoodOrOutstanding,
}

impl LaMetric {
    /// Every metric.
    pub const ALL: [LaMetric; 9] = [
        Self::Ilacs,
        Self::ClaRate,
        Self::ThreePlusPlacements,
        Self::Over20Miles,
        Self::OutsideLa,
        Self::PrivateProvision,
        Self::Uasc,
        Self::NetPlaces,
        Self::HomesGoodOrOutstanding,
    ];

    /// The name used on the command line (`cla-rate`).
    pub const fn name(self) -> &'static str {
        match self {
            Self::Ilacs => "ilacs",
            Self::ClaRate => "cla-rate",
            Self::ThreePlusPlacements => "three-plus-placements",
            Self::Over20Miles => "over-20-miles",
            Self::OutsideLa => "outside-la",
            Self::PrivateProvision => "private-provision",
            Self::Uasc => "uasc",
            Self::NetPlaces => "net-places",
            Self::HomesGoodOrOutstanding => "homes-good",
        }
    }

    /// Reads [`name`](Self::name).
    pub fn from_name(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.name().eq_ignore_ascii_case(text.trim()))
    }

    /// A title for charts and tables.
    pub const fn title(self) -> &'static str {
        match self {
            Self::Ilacs => "Latest ILACS overall effectiveness",
            Self::ClaRate => "Children looked after per 10,000 children",
            Self::ThreePlusPlacements => {
                "% of children looked after with 3+ placements in the year"
            }
            Self::Over20Miles => "% placed more than 20 miles from home",
            Self::OutsideLa => "% placed outside the LA boundary",
            Self::PrivateProvision => "% in private provision",
            Self::Uasc => "% unaccompanied asylum-seeking children",
            Self::NetPlaces => "Children's-home places in the LA minus its children in homes",
            Self::HomesGoodOrOutstanding => "% of children's homes in the LA good or outstanding",
        }
    }

    /// Whether a higher value is worse (for ordering "worst first" and colour direction).
    pub const fn higher_is_worse(self) -> bool {
        !matches!(self, Self::HomesGoodOrOutstanding | Self::NetPlaces)
    }

    /// The row's value for this metric.
    pub fn value(self, row: &LaRow) -> Option<f64> {
        match self {
            Self::Ilacs => row.ilacs.as_ref().and_then(|i| i.overall).map(|g| f64::from(g.grade())),
            Self::ClaRate => row.cla_rate_per_10k.map(f64::from),
            Self::ThreePlusPlacements => row.three_plus_placements_pct.map(f64::from),
            Self::Over20Miles => row.over_20_miles_pct.map(f64::from),
            Self::OutsideLa => row.outside_la_pct.map(f64::from),
            Self::PrivateProvision => row.private_provision_pct.map(f64::from),
            Self::Uasc => row.uasc_pct.map(f64::from),
            Self::NetPlaces => row.places_minus_children.map(|v| v as f64),
            Self::HomesGoodOrOutstanding => row.homes_good_or_outstanding_pct,
        }
    }
}

/// One year of an LA's DfE figures, for its profile.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct LaYear {
    /// Year ending 31 March.
    pub year: i16,
    /// Children looked after.
    pub cla: Option<u32>,
    /// Per 10,000.
    pub cla_rate_per_10k: Option<u32>,
    /// % with 3+ placements.
    pub three_plus_placements_pct: Option<u8>,
    /// % more than 20 miles.
    pub over_20_miles_pct: Option<u8>,
    /// % outside the LA.
    pub outside_la_pct: Option<u8>,
    /// % private provision.
    pub private_provision_pct: Option<u8>,
    /// UASC.
    pub uasc: Option<u32>,
    /// Children in secure and children's homes.
    pub children_in_homes: Option<u32>,
    /// Mainstream children's homes listed in the LA that year.
    pub homes_listed: u32,
    /// Their places.
    pub places_listed: u32,
}

/// Everything about one LA.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct LaProfile {
    /// Its league-table row.
    pub row: LaRow,
    /// Every ILACS inspection, oldest first.
    pub ilacs_history: Vec<Ilacs>,
    /// DfE figures and homes listed, by year.
    pub years: Vec<LaYear>,
    /// Children's homes located in it now, worst-rated first.
    pub homes: Vec<Home>,
    /// Its rank (1 = worst) on each metric among the 153.
    pub ranks: Vec<(LaMetric, u32)>,
}

/// One region's totals.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct RegionRow {
    /// Region.
    #[serde(serialize_with = "display")]
    pub region: Region,
    /// LAs in it.
    pub las: u32,
    /// LAs by latest ILACS grade.
    pub ilacs: RatingCounts,
    /// Children looked after (sum of LAs).
    pub cla: u32,
    /// Children in children's homes (sum of LAs).
    pub children_in_homes: u32,
    /// Mainstream children's homes located in the region.
    pub homes: u32,
    /// Their places.
    pub places: u32,
    /// Grades of those homes.
    pub home_ratings: RatingCounts,
}

fn pct_of(c: &Count) -> Option<u8> {
    c.percent
}

impl Oversight {
    /// The league table: one row for each of the 153 LAs, in DfE code order, with DfE figures
    /// for `year` (ending 31 March; the latest earlier year with figures where `year` has none)
    /// and homes from the register at 31 March of the latest list up to `year`.
    pub fn la_table(&self, year: i16) -> Vec<LaRow> {
        let register_year = self
            .data
            .provider_years()
            .into_iter()
            .filter(|y| *y <= year.max(self.first_year()))
            .max()
            .unwrap_or(self.latest_year);
        let mut homes: BTreeMap<LaCode, (u32, u32, RatingCounts)> = BTreeMap::new();
        for p in self.data.providers_at(register_year).iter().filter(|p| is_home(p)) {
            if let Some(la) = p.la {
                let e = homes.entry(la).or_default();
                e.0 += 1;
                e.1 += p.places.unwrap_or(0);
                e.2.add(p.overall_judgement);
            }
        }
        let at = Date::new(year, 12, 31).unwrap_or(Date::MAX);
        let ilacs_at = if year >= self.latest_year { Date::MAX } else { at };
        carelens_geo::las()
            .iter()
            .map(|la| {
                // The latest year with published characteristics (2020 has missing-from-care
                // figures only).
                let figures = (2021..=year).rev().find_map(|y| {
                    self.data.figures_for(Area::La(la.code), y).filter(|f| {
                        f.cla_at_31_march.is_some()
                            || f.placement.foster.percent.is_some()
                            || f.cla_rate_per_10k.is_some()
                            || y == year
                    })
                });
                let f: Option<&LaFigures> = figures;
                let (n_homes, places, ratings) = homes.get(&la.code).copied().unwrap_or_default();
                let children_in_homes =
                    f.and_then(|f| f.placement.secure_and_childrens_homes.number);
                let foi = self
                    .data
                    .childrens_homes_la
                    .iter()
                    .filter(|c| c.area == Area::La(la.code) && c.year <= year)
                    .max_by_key(|c| c.year);
                LaRow {
                    code: la.code,
                    name: la.name.clone(),
                    region: la.region,
                    ilacs: carelens_public::latest_of(&self.data.ilacs, la.code, ilacs_at)
                        .map(Ilacs::from),
                    dfe_year: f.map_or(year, |f| f.year),
                    cla: f.and_then(|f| f.cla_at_31_march),
                    cla_rate_per_10k: f.and_then(|f| f.cla_rate_per_10k),
                    three_plus_placements_pct: f
                        .and_then(|f| pct_of(&f.stability.three_or_more_placements)),
                    over_20_miles_pct: f.and_then(|f| pct_of(&f.location.over_20_miles)),
                    outside_la_pct: f.and_then(|f| pct_of(&f.location.outside_la)),
                    private_provision_pct: f.and_then(|f| pct_of(&f.place_provider.private)),
                    uasc: f.and_then(|f| f.uasc.number),
                    uasc_pct: f.and_then(|f| pct_of(&f.uasc)),
                    children_in_homes,
                    homes_in_la: n_homes,
                    places_in_la: places,
                    places_minus_children: children_in_homes
                        .map(|c| i64::from(places) - i64::from(c)),
                    homes_good_or_outstanding_pct: ratings.good_or_outstanding_pct(),
                    homes_ri_or_inadequate: ratings.ri_or_inadequate(),
                    register_year,
                    homes_placed_outside_pct: foi.and_then(|c| c.placed_outside_percent),
                    homes_net_gain: foi.and_then(|c| c.net_gain),
                }
            })
            .collect()
    }

    fn first_year(&self) -> i16 {
        self.data.provider_years().first().copied().unwrap_or(self.latest_year)
    }

    /// The table sorted by `metric`, worst first; LAs without a value last.
    pub fn la_league(&self, year: i16, metric: LaMetric) -> Vec<LaRow> {
        let mut rows = self.la_table(year);
        sort_worst_first(&mut rows, metric);
        rows
    }

    /// One LA's profile.
    pub fn la_profile(&self, code: LaCode, year: i16) -> Option<LaProfile> {
        let table = self.la_table(year);
        let row = table.iter().find(|r| r.code == code)?.clone();
        let ilacs_history =
            self.data.ilacs.iter().filter(|i| i.la == Some(code)).map(Ilacs::from).collect();
        let mut years = Vec::new();
        for y in 2015..=year {
            let f = self.data.figures_for(Area::La(code), y);
            let listed: Vec<_> = self
                .data
                .providers_at(y)
                .iter()
                .filter(|p| is_home(p) && p.la == Some(code))
                .collect();
            if f.is_none() && listed.is_empty() {
                continue;
            }
            years.push(LaYear {
                year: y,
                cla: f.and_then(|f| f.cla_at_31_march),
                cla_rate_per_10k: f.and_then(|f| f.cla_rate_per_10k),
                three_plus_placements_pct: f
                    .and_then(|f| pct_of(&f.stability.three_or_more_placements)),
                over_20_miles_pct: f.and_then(|f| pct_of(&f.location.over_20_miles)),
                outside_la_pct: f.and_then(|f| pct_of(&f.location.outside_la)),
                private_provision_pct: f.and_then(|f| pct_of(&f.place_provider.private)),
                uasc: f.and_then(|f| f.uasc.number),
                children_in_homes: f.and_then(|f| f.placement.secure_and_childrens_homes.number),
                homes_listed: listed.len() as u32,
                places_listed: listed.iter().filter_map(|p| p.places).sum(),
            });
        }
        let mut homes: Vec<Home> = self
            .data
            .providers_at(row.register_year)
            .iter()
            .filter(|p| is_home(p) && p.la == Some(code))
            .filter_map(|p| self.home(&p.urn))
            .collect();
        homes.sort_by_key(|h| {
            (std::cmp::Reverse(h.rating.map_or(0, Judgement::grade)), h.urn.clone())
        });
        let ranks = LaMetric::ALL
            .into_iter()
            .filter_map(|m| {
                let mut sorted = table.clone();
                sort_worst_first(&mut sorted, m);
                m.value(&row)?;
                let rank = sorted.iter().position(|r| r.code == code)? as u32 + 1;
                Some((m, rank))
            })
            .collect();
        Some(LaProfile { row, ilacs_history, years, homes, ranks })
    }

    /// Totals for each of the nine regions.
    pub fn region_table(&self, year: i16) -> Vec<RegionRow> {
        let rows = self.la_table(year);
        let register_year = rows.first().map_or(self.latest_year, |r| r.register_year);
        Region::ALL
            .into_iter()
            .map(|region| {
                let mut out = RegionRow {
                    region,
                    las: 0,
                    ilacs: RatingCounts::default(),
                    cla: 0,
                    children_in_homes: 0,
                    homes: 0,
                    places: 0,
                    home_ratings: RatingCounts::default(),
                };
                for r in rows.iter().filter(|r| r.region == region) {
                    out.las += 1;
                    out.ilacs.add(r.ilacs.as_ref().and_then(|i| i.overall));
                    out.cla += r.cla.unwrap_or(0);
                    out.children_in_homes += r.children_in_homes.unwrap_or(0);
                }
                for p in self.data.providers_at(register_year).iter().filter(|p| is_home(p)) {
                    if p.region == Some(region) {
                        out.homes += 1;
                        out.places += p.places.unwrap_or(0);
                        out.home_ratings.add(p.overall_judgement);
                    }
                }
                out
            })
            .collect()
    }
}

/// Sorts worst first on `metric`, rows without a value last, ties by code.
pub(crate) fn sort_worst_first(rows: &mut [LaRow], metric: LaMetric) {
    rows.sort_by(|a, b| {
        let (va, vb) = (metric.value(a), metric.value(b));
        match (va, vb) {
            (Some(x), Some(y)) => {
                let o = if metric.higher_is_worse() { y.total_cmp(&x) } else { x.total_cmp(&y) };
                o.then(a.code.cmp(&b.code))
            }
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.code.cmp(&b.code),
        }
    });
}
