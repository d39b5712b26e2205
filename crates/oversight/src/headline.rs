//! The published national headline figures, recomputed from the shipped register and printed
//! beside the published values.

use std::collections::{BTreeMap, BTreeSet};

use carelens_geo::Region;
use carelens_public::{ProvisionType, Sector, national_figures};
use jiff::civil::Date;
use serde::Serialize;

use crate::Oversight;
use crate::market::is_home;
use crate::ratings::RatingCounts;

/// One headline figure: what carelens computes from the data, and what was published.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct HeadlineCheck {
    /// The measure's name in `national_calibration_figures.csv`.
    pub measure: String,
    /// What it is, in words.
    pub label: String,
    /// The period (`2025-03-31`).
    pub period: String,
    /// The unit as published ("count", "percent"…).
    pub unit: String,
    /// The value computed from the data, rounded as the published figure is.
    pub computed: f64,
    /// The published value.
    pub published: f64,
    /// Whether the two are equal.
    pub matches: bool,
}

/// Decimal places of a published value (0, 1 or 2), read from how it is written.
fn decimals(value: f64) -> i32 {
    let text = format!("{value}");
    text.split_once('.').map_or(0, |(_, d)| d.len().min(2) as i32)
}

fn round_to(value: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (value * f).round() / f
}

impl Oversight {
    /// The national headline figures for children's homes and other providers at 31 March of
    /// `year`, and the LA ILACS grade counts, each beside the published value of
    /// `national_calibration_figures.csv` (only figures published for that date are listed).
    pub fn national_headlines(&self, year: i16) -> Vec<HeadlineCheck> {
        let period = format!("{year}-03-31");
        let computed = self.national_values(year);
        national_figures()
            .iter()
            .filter(|f| f.period == period)
            .filter_map(|f| {
                let (label, value) = computed.get(f.measure.as_str())?;
                let places = decimals(f.value);
                let value = round_to(*value, places);
                Some(HeadlineCheck {
                    measure: f.measure.clone(),
                    label: (*label).to_owned(),
                    period: f.period.clone(),
                    unit: f.unit.clone(),
                    computed: value,
                    published: f.value,
                    matches: (value - f.value).abs() < 1e-9,
                })
            })
            .collect()
    }

    /// Every figure the headline table can compute, by measure name.
    fn national_values(&self, year: i16) -> BTreeMap<&'static str, (&'static str, f64)> {
        let list = self.data.providers_at(year);
        let homes: Vec<_> = list.iter().filter(|p| is_home(p)).collect();
        let n = homes.len() as f64;
        let places: u32 = homes.iter().filter_map(|p| p.places).sum();
        let share = |count: usize| if n > 0.0 { count as f64 * 100.0 / n } else { 0.0 };
        let sector = |s: Sector| share(homes.iter().filter(|p| p.sector == s).count());
        let region = |r: Region| share(homes.iter().filter(|p| p.region == Some(r)).count());
        let mut ratings = RatingCounts::default();
        for p in &homes {
            ratings.add(p.overall_judgement);
        }
        let graded = f64::from(ratings.inspected());
        let grade_share = |k: u32| if graded > 0.0 { f64::from(k) * 100.0 / graded } else { 0.0 };
        // Owner names exactly as Ofsted writes them: the published count is "not deduplicated
        // for spelling".
        let mut private_by_name: BTreeMap<&str, u32> = BTreeMap::new();
        for p in homes.iter().filter(|p| p.sector == Sector::Private) {
            if let Some(o) = &p.owner {
                *private_by_name.entry(o.as_str()).or_default() += 1;
            }
        }
        // The published share divides by all private homes, named owner or not (11 in 2025).
        let private_homes = homes.iter().filter(|p| p.sector == Sector::Private).count() as u32;
        let mut sizes: Vec<u32> = private_by_name.values().copied().collect();
        sizes.sort_unstable_by(|a, b| b.cmp(a));
        let top10: u32 = sizes.iter().take(10).sum();
        let all_types = list
            .iter()
            .filter(|p| {
                matches!(
                    p.provision_type,
                    ProvisionType::ChildrensHome
                        | ProvisionType::SecureChildrensHome
                        | ProvisionType::ResidentialSpecialSchoolChildrensHome
                )
            })
            .count();
        let of_type =
            |t: ProvisionType| list.iter().filter(|p| p.provision_type == t).count() as f64;
        let mut ilacs = [0u32; 4];
        let at = Date::new(year, 3, 31).unwrap_or(Date::MAX);
        let mut seen = BTreeSet::new();
        for la in carelens_geo::las() {
            if let Some(g) =
                carelens_public::latest_of(&self.data.ilacs, la.code, at).and_then(|i| i.overall)
                && seen.insert(la.code)
            {
                ilacs[usize::from(g.grade().clamp(1, 4)) - 1] += 1;
            }
        }
        BTreeMap::from([
            ("childrens_homes_mainstream", ("children's homes", n)),
            (
                "childrens_homes_all_types",
                (
                    "children's homes of all types (with secure homes and dual-registered schools)",
                    all_types as f64,
                ),
            ),
            (
                "childrens_homes_mainstream_places",
                ("places in children's homes", f64::from(places)),
            ),
            (
                "childrens_homes_mean_places",
                ("mean places per home", if n > 0.0 { f64::from(places) / n } else { 0.0 }),
            ),
            ("childrens_homes_share_private", ("share of homes private", sector(Sector::Private))),
            (
                "childrens_homes_share_local_authority",
                ("share of homes run by LAs", sector(Sector::LocalAuthority)),
            ),
            (
                "childrens_homes_share_voluntary",
                ("share of homes voluntary", sector(Sector::Voluntary)),
            ),
            (
                "childrens_homes_latest_judgement_outstanding",
                ("graded homes outstanding", grade_share(ratings.outstanding)),
            ),
            (
                "childrens_homes_latest_judgement_good",
                ("graded homes good", grade_share(ratings.good)),
            ),
            (
                "childrens_homes_latest_judgement_requires_improvement",
                ("graded homes requiring improvement", grade_share(ratings.requires_improvement)),
            ),
            (
                "childrens_homes_latest_judgement_inadequate",
                ("graded homes inadequate", grade_share(ratings.inadequate)),
            ),
            (
                "childrens_homes_not_yet_inspected",
                ("homes not yet inspected", f64::from(ratings.not_inspected)),
            ),
            (
                "childrens_homes_share_north_west",
                ("share of homes in the North West", region(Region::NorthWest)),
            ),
            ("childrens_homes_share_london", ("share of homes in London", region(Region::London))),
            (
                "private_childrens_home_owners_distinct",
                ("private owner names (as written)", private_by_name.len() as f64),
            ),
            (
                "private_childrens_homes_share_top10_owners",
                (
                    "share of private homes owned by the 10 largest names",
                    if private_homes > 0 {
                        f64::from(top10) * 100.0 / f64::from(private_homes)
                    } else {
                        0.0
                    },
                ),
            ),
            (
                "independent_fostering_agencies",
                (
                    "independent fostering agencies",
                    of_type(ProvisionType::IndependentFosteringAgency),
                ),
            ),
            (
                "supported_accommodation_providers",
                (
                    "supported accommodation providers",
                    of_type(ProvisionType::SupportedAccommodation),
                ),
            ),
            (
                "las_ilacs_outstanding",
                ("LAs whose latest ILACS is outstanding", f64::from(ilacs[0])),
            ),
            ("las_ilacs_good", ("LAs whose latest ILACS is good", f64::from(ilacs[1]))),
            (
                "las_ilacs_requires_improvement",
                ("LAs whose latest ILACS requires improvement", f64::from(ilacs[2])),
            ),
            ("las_ilacs_inadequate", ("LAs whose latest ILACS is inadequate", f64::from(ilacs[3]))),
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_follows_the_published_precision() {
        assert_eq!(decimals(3946.0), 0);
        assert_eq!(decimals(84.1), 1);
        assert_eq!(decimals(3.62), 2);
        assert_eq!(round_to(84.0922, 1), 84.1);
        assert_eq!(round_to(3.6176, 2), 3.62);
    }
}
