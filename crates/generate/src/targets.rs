//! What one LA's synthetic population aims at in one year: the DfE's published figures for that
//! LA (`carelens_public::la_figures`), with England's figures standing in where the LA's are
//! suppressed or not published, and the latest published year standing in for later years.

use carelens_model::LaCode;
use carelens_public::{Count, LaFigures, Symbol, england_figures, la_figures};

/// The first and last years (ending 31 March) with LA-level figures.
pub(crate) const FIRST_PUBLISHED: i16 = 2021;
/// See [`FIRST_PUBLISHED`].
pub(crate) const LAST_PUBLISHED: i16 = 2025;

/// Calibration targets for one LA and one year ending 31 March.
#[derive(Clone, Debug)]
pub(crate) struct Targets {
    /// Children looked after at 31 March.
    pub(crate) cla: f64,
    /// Children who started to be looked after during the year.
    pub(crate) started: f64,
    /// Children who ceased to be looked after during the year.
    pub(crate) ceased: f64,
    /// Age at 31 March: under 1, 1–4, 5–9, 10–15, 16+ (shares).
    pub(crate) age: [f64; 5],
    /// Share male.
    pub(crate) male: f64,
    /// Ethnic groups: white, mixed, asian, black, other, not known (shares).
    pub(crate) ethnic: [f64; 6],
    /// UASC at 31 March (count).
    pub(crate) uasc: f64,
    /// Legal status: C2, C1, E1, V2, L1–L3, J1–J3 (shares).
    pub(crate) legal: [f64; 6],
    /// Category of need N1–N8 (shares).
    pub(crate) cin: [f64; 8],
    /// Placement groups, in [`Group`](crate::places::Group) order (shares).
    pub(crate) placement: [f64; 8],
    /// Providers: own LA, other LA, private, voluntary, other public, parents (shares).
    pub(crate) provider: [f64; 6],
    /// Location and distance: inside ≤20, outside ≤20, inside >20, outside >20, not known.
    pub(crate) location: [f64; 5],
    /// Of children whose distance from home is not known, the share placed outside the LA:
    /// the published "placed outside the LA boundary" share includes them, the four known
    /// location cells do not.
    pub(crate) outside_when_unknown: f64,
    /// Share with 3 or more placements in the year.
    pub(crate) three_plus: f64,
    /// Share of children looked after during the year who went missing.
    pub(crate) missing_share: f64,
    /// Missing incidents per missing child.
    pub(crate) missing_incidents: f64,
    /// Share of children looked after during the year who were away without authorisation.
    pub(crate) away_share: f64,
    /// Away incidents per away child.
    pub(crate) away_incidents: f64,
    /// Care leavers aged 19–21 in the activity table.
    pub(crate) leavers_19_21: f64,
    /// Share of care leavers 17–18 in education, employment or training.
    pub(crate) eet_17_18: f64,
    /// Share of care leavers 19–21 in education, employment or training.
    pub(crate) eet_19_21: f64,
    /// Share of care leavers 17–18 in suitable accommodation.
    pub(crate) suitable_17_18: f64,
    /// Share of care leavers 19–21 in suitable accommodation.
    pub(crate) suitable_19_21: f64,
    /// Share of CLA with 3 or more social workers in the year.
    pub(crate) three_plus_social_workers: f64,
    /// No figures are published for the LA (the Isles of Scilly's are counted with
    /// Cornwall's): these targets are England's shares at a token size.
    pub(crate) estimated: bool,
}

/// A count's number, with a DfE-suppressed count (1 to 5) read as 2.5.
fn number(c: &Count) -> Option<f64> {
    match (c.number, c.symbol) {
        (Some(n), _) => Some(f64::from(n)),
        (None, Some(Symbol::Suppressed)) => Some(2.5),
        _ => None,
    }
}

/// Shares from counts; `None` when no count is published or they sum to nothing.
fn shares<const N: usize>(counts: [&Count; N]) -> Option<[f64; N]> {
    let mut out = [0.0; N];
    for (o, c) in out.iter_mut().zip(counts) {
        *o = number(c)?;
    }
    let total: f64 = out.iter().sum();
    (total > 0.0).then(|| out.map(|x| x / total))
}

/// The share `part` is of `whole`, when both are published.
fn ratio(part: &Count, whole: Option<u32>) -> Option<f64> {
    let whole = f64::from(whole?);
    (whole > 0.0).then(|| number(part).map(|p| (p / whole).clamp(0.0, 1.0))).flatten()
}

fn pct(c: &Count) -> Option<f64> {
    c.percent.map(|p| f64::from(p) / 100.0)
}

/// The LA's figures for `year`, or the nearest published year that has a CLA count.
fn la_year(la: LaCode, year: i16) -> Option<&'static LaFigures> {
    let want = year.clamp(FIRST_PUBLISHED, LAST_PUBLISHED);
    let mut years: Vec<i16> = (FIRST_PUBLISHED..=LAST_PUBLISHED).collect();
    years.sort_by_key(|y| ((y - want).abs(), -y));
    years
        .into_iter()
        .filter_map(|y| la_figures(la, y))
        .find(|f| f.cla_at_31_march.is_some_and(|n| n > 0))
}

/// The latest figures (up to `year`, else any) for which `has` holds.
fn latest_with(
    la: LaCode,
    year: i16,
    has: impl Fn(&LaFigures) -> bool,
) -> Option<&'static LaFigures> {
    let want = year.clamp(2020, LAST_PUBLISHED);
    let earlier = (2020..=want).rev();
    let later = want + 1..=LAST_PUBLISHED;
    earlier.chain(later).filter_map(|y| la_figures(la, y)).find(|f| has(f))
}

fn latest_england(year: i16, has: impl Fn(&LaFigures) -> bool) -> Option<&'static LaFigures> {
    let want = year.clamp(2020, LAST_PUBLISHED);
    (2020..=want)
        .rev()
        .chain(want + 1..=LAST_PUBLISHED)
        .filter_map(england_figures)
        .find(|f| has(f))
}

/// England-wide shares used when an LA's are not published (DfE, CLA 2025, rounded).
mod england {
    pub(super) const AGE: [f64; 5] = [0.05, 0.13, 0.17, 0.38, 0.27];
    pub(super) const ETHNIC: [f64; 6] = [0.71, 0.11, 0.05, 0.08, 0.04, 0.01];
    pub(super) const LEGAL: [f64; 6] = [0.59, 0.11, 0.06, 0.19, 0.003, 0.007];
    pub(super) const CIN: [f64; 8] = [0.66, 0.03, 0.03, 0.06, 0.12, 0.01, 0.00, 0.09];
    pub(super) const PLACEMENT: [f64; 8] = [0.67, 0.02, 0.06, 0.12, 0.09, 0.01, 0.01, 0.02];
    pub(super) const PROVIDER: [f64; 6] = [0.43, 0.05, 0.40, 0.05, 0.01, 0.06];
    pub(super) const LOCATION: [f64; 5] = [0.46, 0.23, 0.01, 0.21, 0.09];
}

impl Targets {
    /// The targets for `la` in the year ending 31 March `year`. Where the DfE publishes
    /// nothing for the LA, England's shares for a population of three children.
    pub(crate) fn for_la(la: LaCode, year: i16) -> Self {
        Self::published(la, year).unwrap_or_else(Self::estimated)
    }

    fn estimated() -> Self {
        Self {
            cla: 3.0,
            started: 1.0,
            ceased: 1.0,
            age: england::AGE,
            male: 0.56,
            ethnic: england::ETHNIC,
            uasc: 0.0,
            legal: england::LEGAL,
            cin: england::CIN,
            placement: england::PLACEMENT,
            provider: england::PROVIDER,
            location: england::LOCATION,
            outside_when_unknown: 0.44,
            three_plus: 0.10,
            missing_share: 0.11,
            missing_incidents: 6.5,
            away_share: 0.02,
            away_incidents: 3.0,
            leavers_19_21: 2.0,
            eet_17_18: 0.64,
            eet_19_21: 0.54,
            suitable_17_18: 0.9,
            suitable_19_21: 0.89,
            three_plus_social_workers: 0.27,
            estimated: true,
        }
    }

    fn published(la: LaCode, year: i16) -> Option<Self> {
        let f = la_year(la, year)?;
        let cla = f64::from(f.cla_at_31_march?);
        let eng = england_figures(f.year);
        let started = f.started.map(f64::from).unwrap_or_else(|| 0.4 * cla);
        let ceased = f.ceased.map(f64::from).unwrap_or_else(|| 0.4 * cla);
        let a = &f.age;
        let age =
            shares([&a.under_1, &a.from_1_to_4, &a.from_5_to_9, &a.from_10_to_15, &a.from_16])
                .unwrap_or(england::AGE);
        let male = shares([&f.sex.male, &f.sex.female]).map_or(0.56, |s| s[0]);
        let e = &f.ethnicity;
        let ethnic = shares([&e.white, &e.mixed, &e.asian, &e.black, &e.other, &e.not_known])
            .unwrap_or(england::ETHNIC);
        let uasc = number(&f.uasc).unwrap_or(0.08 * cla);
        let l = &f.legal_status;
        let legal = shares([
            &l.full_care_order,
            &l.interim_care_order,
            &l.placement_order,
            &l.section_20,
            &l.detained_for_child_protection,
            &l.youth_justice,
        ])
        .unwrap_or(england::LEGAL);
        let c = &f.category_of_need;
        let cin = shares([&c[0], &c[1], &c[2], &c[3], &c[4], &c[5], &c[6], &c[7]])
            .unwrap_or(england::CIN);
        let p = &f.placement;
        let placement = shares([
            &p.foster,
            &p.placed_for_adoption,
            &p.with_parents,
            &p.secure_and_childrens_homes,
            &p.supported_accommodation,
            &p.residential_schools,
            &p.other_residential,
            &p.other,
        ])
        .unwrap_or(england::PLACEMENT);
        let pp = &f.place_provider;
        let provider = shares([
            &pp.own_la,
            &pp.other_la,
            &pp.private,
            &pp.voluntary,
            &pp.other_public,
            &pp.parents,
        ])
        .unwrap_or(england::PROVIDER);
        let lo = &f.location;
        let location = shares([
            &lo.inside_within_20_miles,
            &lo.outside_within_20_miles,
            &lo.inside_over_20_miles,
            &lo.outside_over_20_miles,
            &lo.distance_not_known,
        ])
        .unwrap_or(england::LOCATION);
        let outside_when_unknown = match (number(&lo.outside_la), f.cla_at_31_march) {
            (Some(out), Some(cla)) if cla > 0 && location[4] > 0.0 => {
                ((out / f64::from(cla) - location[1] - location[3]) / location[4]).clamp(0.0, 1.0)
            }
            _ => 0.44,
        };
        let three_plus =
            latest_with(la, year, |g| pct(&g.stability.three_or_more_placements).is_some())
                .and_then(|g| pct(&g.stability.three_or_more_placements))
                .unwrap_or(0.10);
        let m = latest_with(la, year, |g| g.missing.children_missing_percent.is_some())
            .map(|g| g.missing)
            .or_else(|| {
                latest_england(year, |g| g.missing.children_missing_percent.is_some())
                    .map(|g| g.missing)
            });
        let missing_share =
            m.and_then(|m| m.children_missing_percent).map_or(0.11, |p| f64::from(p) / 100.0);
        let missing_incidents =
            m.and_then(|m| m.incidents_per_missing_child).map_or(6.5, f64::from).clamp(1.0, 20.0);
        let away_share =
            m.and_then(|m| m.children_away_percent).map_or(0.02, |p| f64::from(p) / 100.0);
        let away_incidents =
            m.and_then(|m| m.incidents_per_away_child).map_or(3.0, f64::from).clamp(1.0, 20.0);
        let cl = latest_with(la, year, |g| g.care_leavers_19_21.total.is_some());
        let (leavers_19_21, eet_17_18, eet_19_21, suitable_17_18, suitable_19_21) = match cl {
            Some(g) => {
                let (a, b) = (&g.care_leavers_17_18, &g.care_leavers_19_21);
                (
                    b.total.map_or(0.35 * cla, f64::from),
                    ratio(&a.in_education_employment_or_training, a.total).unwrap_or(0.64),
                    ratio(&b.in_education_employment_or_training, b.total).unwrap_or(0.54),
                    ratio(&a.suitable_accommodation, a.accommodation_total).unwrap_or(0.90),
                    ratio(&b.suitable_accommodation, b.accommodation_total).unwrap_or(0.89),
                )
            }
            None => (0.35 * cla, 0.64, 0.54, 0.90, 0.89),
        };
        let three_plus_social_workers =
            latest_with(la, year, |g| pct(&g.three_or_more_social_workers).is_some())
                .and_then(|g| pct(&g.three_or_more_social_workers))
                .or_else(|| eng.and_then(|g| pct(&g.three_or_more_social_workers)))
                .unwrap_or(0.27);
        Some(Self {
            cla,
            started,
            ceased,
            age,
            male,
            ethnic,
            uasc,
            legal,
            cin,
            placement,
            provider,
            location,
            outside_when_unknown,
            three_plus,
            missing_share,
            missing_incidents,
            away_share,
            away_incidents,
            leavers_19_21,
            eet_17_18,
            eet_19_21,
            suitable_17_18,
            suitable_19_21,
            three_plus_social_workers,
            estimated: false,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newham_2025_targets_follow_the_published_figures() {
        let t = Targets::for_la(LaCode::new(316).unwrap(), 2025);
        assert_eq!(t.cla, 404.0);
        assert!((t.age.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        assert!(t.placement[0] > 0.5);
        assert!(t.location[4] > 0.0);
    }

    #[test]
    fn later_years_use_the_latest_published_figures() {
        let code = LaCode::new(316).unwrap();
        let a = Targets::for_la(code, 2027);
        let b = Targets::for_la(code, 2025);
        assert_eq!(a.cla, b.cla);
        assert_eq!(Targets::for_la(code, 2022).cla, 431.0);
        let scilly = Targets::for_la(LaCode::new(420).unwrap(), 2025);
        assert!(scilly.estimated && scilly.cla < 10.0);
    }
}
