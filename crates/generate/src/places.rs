//! Where children are placed: real postcodes from `carelens-geo` and real Ofsted settings from
//! `carelens-public`, chosen so that each LA's placements lie inside or outside its boundary,
//! and near or far from home, in the shares the DfE publishes for it.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use carelens_geo::{Area as GeoArea, Region, postcode_at, postcodes_in, reference_distance_miles};
use carelens_model::LaCode;
use carelens_model::codes::{PlacementProvider, PlacementType};
use carelens_public::{
    Area, ProviderSnapshot, ProvisionType, RegistrationStatus, Sector, SettingGroup,
    ShortBreakOnly, placement_settings, providers_at,
};

use crate::days::{self, Day};
use crate::random::Rand;

/// The DfE's published placement groups, in the order of
/// [`Targets::placement`](crate::targets::Targets::placement).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Group {
    Foster = 0,
    Adoption = 1,
    Parents = 2,
    Homes = 3,
    Supported = 4,
    ResidentialSchool = 5,
    OtherResidential = 6,
    Other = 7,
}

impl Group {
    pub(crate) const ALL: [Group; 8] = [
        Self::Foster,
        Self::Adoption,
        Self::Parents,
        Self::Homes,
        Self::Supported,
        Self::ResidentialSchool,
        Self::OtherResidential,
        Self::Other,
    ];

    /// The published group of a placement type (`None` for temporary placements), following
    /// the national table's sub-rows (`carelens_public::figures::Placements`).
    pub(crate) fn of(place: PlacementType) -> Option<Self> {
        use PlacementType::*;
        Some(match place {
            U1 | U2 | U3 | U4 | U5 | U6 => Self::Foster,
            A3 | A4 | A5 | A6 => Self::Adoption,
            P1 => Self::Parents,
            K1 | K2 => Self::Homes,
            H5 | P2 | K3 => Self::Supported,
            S1 => Self::ResidentialSchool,
            R1 | R2 | R5 | P3 => Self::OtherResidential,
            R3 | Z1 | Z11 | Z12 | Z13 | Z14 => Self::Other,
            T0 | T1 | T2 | T3 | T4 => return None,
        })
    }
}

/// A unit postcode: its index for [`postcode_at`], grid point and authority.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct Pc {
    pub(crate) idx: u32,
    pub(crate) easting: u32,
    pub(crate) northing: u32,
    /// The English authority it lies in; `None` in another nation.
    pub(crate) la: Option<LaCode>,
}

impl Pc {
    fn at(idx: u32) -> Option<Self> {
        let (_, located) = postcode_at(idx)?;
        let la = match located.area {
            GeoArea::La(code) => Some(code),
            _ => None,
        };
        Some(Self { idx, easting: located.point.easting, northing: located.point.northing, la })
    }

    /// The postcode as text, `E15 4NJ`.
    pub(crate) fn text(self) -> String {
        postcode_at(self.idx).map(|(p, _)| p.as_str().to_owned()).unwrap_or_default()
    }

    /// `PL_DISTANCE` between two postcodes, as the reference computes it.
    pub(crate) fn miles_to(self, other: Pc) -> f64 {
        let a = carelens_geo::GridPoint { easting: self.easting, northing: self.northing };
        let b = carelens_geo::GridPoint { easting: other.easting, northing: other.northing };
        reference_distance_miles(a, b)
    }
}

/// Whether a placement is inside the responsible LA and within 20 miles of home.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Locality {
    InsideNear = 0,
    OutsideNear = 1,
    InsideFar = 2,
    OutsideFar = 3,
}

impl Locality {
    pub(crate) const ALL: [Locality; 4] =
        [Self::InsideNear, Self::OutsideNear, Self::InsideFar, Self::OutsideFar];

    fn inside(self) -> bool {
        matches!(self, Self::InsideNear | Self::InsideFar)
    }

    fn near(self) -> bool {
        matches!(self, Self::InsideNear | Self::OutsideNear)
    }
}

/// One LA's geography: its postcodes and the other authorities by distance.
pub(crate) struct Geo {
    pub(crate) la: LaCode,
    pub(crate) region: Option<Region>,
    own: &'static [u32],
    /// Other authorities, nearest first, with the distance between representative points.
    others: Vec<(LaCode, f64)>,
    /// Whether a placement inside the LA can be more than 20 miles from a home inside it. In a
    /// small LA (every London borough) it cannot; its published "inside, over 20 miles" children
    /// have homes outside it, which the generator does not draw.
    pub(crate) inside_far_possible: bool,
}

/// The share of pairs of an LA's postcodes (a fixed sample of them) more than 20 miles apart.
fn far_pairs(own: &[u32]) -> f64 {
    const SAMPLE: usize = 64;
    let step = (own.len() / SAMPLE).max(1);
    let pcs: Vec<Pc> = own.iter().step_by(step).filter_map(|&i| Pc::at(i)).collect();
    let (mut far, mut all) = (0usize, 0usize);
    for (i, a) in pcs.iter().enumerate() {
        for b in &pcs[i + 1..] {
            all += 1;
            if a.miles_to(*b) > 20.0 {
                far += 1;
            }
        }
    }
    if all == 0 { 0.0 } else { far as f64 / all as f64 }
}

/// A chosen setting: postcode, URN and provider.
#[derive(Clone)]
pub(crate) struct Chosen {
    pub(crate) pc: Option<Pc>,
    pub(crate) urn: Option<String>,
    pub(crate) provider: Option<PlacementProvider>,
}

impl Geo {
    pub(crate) fn new(la: LaCode) -> Self {
        let region = carelens_geo::la(la).map(|l| l.region);
        let others = carelens_geo::nearest_las(la, 200);
        let own = postcodes_in(la);
        Self { la, region, own, others, inside_far_possible: far_pairs(own) >= 0.05 }
    }

    /// A random postcode in an authority.
    pub(crate) fn postcode_in(&self, la: LaCode, rng: &mut Rand) -> Option<Pc> {
        let list = if la == self.la { self.own } else { postcodes_in(la) };
        for _ in 0..4 {
            if let Some(pc) = rng.pick(list).and_then(|&i| Pc::at(i)) {
                return Some(pc);
            }
        }
        None
    }

    /// A home postcode: in the LA, or now and then just over its boundary.
    pub(crate) fn home(&self, rng: &mut Rand) -> Option<Pc> {
        if rng.chance(0.06)
            && let Some(&(near, _)) = self.others.get(rng.below(3))
            && let Some(pc) = self.postcode_in(near, rng)
        {
            return Some(pc);
        }
        self.postcode_in(self.la, rng)
    }

    /// Candidate authorities for a placement of this locality, nearest first.
    fn candidate_las(&self, locality: Locality) -> Vec<LaCode> {
        if locality.inside() {
            return vec![self.la];
        }
        let (lo, hi) = if locality.near() { (0.0, 28.0) } else { (16.0, 160.0) };
        let mut out: Vec<LaCode> =
            self.others.iter().filter(|(_, d)| *d >= lo && *d <= hi).map(|(c, _)| *c).collect();
        if out.is_empty() {
            out = self.others.iter().take(4).map(|(c, _)| *c).collect();
        }
        out
    }

    /// Picks an authority from candidates, favouring nearer ones.
    fn pick_la(&self, cands: &[LaCode], rng: &mut Rand) -> Option<LaCode> {
        if cands.len() <= 1 {
            return cands.first().copied();
        }
        let weights: Vec<f64> = (0..cands.len()).map(|i| 1.0 / (1.0 + i as f64 * 0.35)).collect();
        cands.get(rng.weighted(&weights)).copied()
    }

    /// A postcode in `la` whose distance from `home` fits `locality` (best effort).
    fn postcode_fitting(
        &self,
        la: LaCode,
        home: Option<Pc>,
        locality: Locality,
        rng: &mut Rand,
    ) -> Option<Pc> {
        self.try_fitting(la, home, locality, rng).map(|(pc, _)| pc)
    }

    /// A postcode in `la`, and whether its distance from `home` fits `locality`.
    fn try_fitting(
        &self,
        la: LaCode,
        home: Option<Pc>,
        locality: Locality,
        rng: &mut Rand,
    ) -> Option<(Pc, bool)> {
        let mut best: Option<(f64, Pc)> = None;
        for _ in 0..10 {
            let Some(pc) = self.postcode_in(la, rng) else { continue };
            let Some(h) = home else { return Some((pc, true)) };
            let d = h.miles_to(pc);
            let fits = if locality.near() { d <= 20.0 } else { d > 20.0 };
            if fits && pc.la == Some(la) {
                return Some((pc, true));
            }
            // Keep the closest miss to the wanted side of 20 miles.
            let miss = if locality.near() { d - 20.0 } else { 20.0 - d };
            if best.is_none_or(|(m, _)| miss < m) {
                best = Some((miss, pc));
            }
        }
        best.map(|(_, pc)| (pc, false))
    }

    /// A postcode for a placement with no Ofsted setting (foster carers, parents, hospitals).
    pub(crate) fn place_postcode(
        &self,
        home: Option<Pc>,
        locality: Locality,
        rng: &mut Rand,
    ) -> Option<Pc> {
        let cands = self.candidate_las(locality);
        let mut miss = None;
        for _ in 0..4 {
            let la = self.pick_la(&cands, rng)?;
            match self.try_fitting(la, home, locality, rng) {
                Some((pc, true)) => return Some(pc),
                Some((pc, false)) => miss = miss.or(Some(pc)),
                None => {}
            }
        }
        miss.or_else(|| self.postcode_in(self.la, rng))
    }

    /// A real Ofsted setting of `group` open in `register_year`, and a postcode in its LA that
    /// fits `locality`; `None` when the register has no such setting anywhere.
    pub(crate) fn setting(
        &self,
        group: SettingGroup,
        register_year: i16,
        on: Day,
        home: Option<Pc>,
        locality: Locality,
        rng: &mut Rand,
    ) -> Option<Chosen> {
        // LAs seldom buy places in other LAs' own children's homes or supported accommodation
        // (other-LA provision is under 1% of children looked after, DfE 2025); secure homes,
        // mostly LA-run and few, are the exception.
        let own = self.la;
        let usable = |p: &&&ProviderSnapshot| {
            usable(p, group, on)
                && (p.sector != Sector::LocalAuthority
                    || p.la == Some(own)
                    || group == SettingGroup::SecureChildrensHome)
        };
        let cands = self.candidate_las(locality);
        // Try a few candidate authorities of the wanted locality, then the region, then England.
        for attempt in 0..6 {
            let la = if attempt == 0 && locality.inside() {
                self.la
            } else {
                self.pick_la(&cands, rng)?
            };
            let list: Vec<&&ProviderSnapshot> =
                placement_settings(register_year, group, Area::La(la))
                    .iter()
                    .filter(usable)
                    .collect();
            if let Some(p) = rng.pick(&list) {
                let pc = self.postcode_fitting(la, home, locality, rng);
                return Some(self.chosen(p, pc));
            }
        }
        let wide = [self.region.map(Area::Region), Some(Area::England)];
        for area in wide.into_iter().flatten() {
            let list: Vec<&&ProviderSnapshot> =
                placement_settings(register_year, group, area).iter().filter(usable).collect();
            if let Some(p) = rng.pick(&list) {
                let pc = p.la.and_then(|la| self.postcode_fitting(la, home, locality, rng));
                return Some(self.chosen(p, pc));
            }
        }
        None
    }

    /// An independent fostering agency for a carer living at `pc`: one based in the carer's LA,
    /// else its region, else anywhere in England.
    pub(crate) fn fostering_agency(
        &self,
        register_year: i16,
        pc: Option<Pc>,
        rng: &mut Rand,
    ) -> Option<(String, PlacementProvider)> {
        let ok = |p: &&&ProviderSnapshot| {
            matches!(p.sector, Sector::Private | Sector::Voluntary)
                && p.registration_status == RegistrationStatus::Active
        };
        let group = SettingGroup::FosteringAgency;
        let carer_la = pc.and_then(|p| p.la);
        let carer_region = carer_la.and_then(carelens_geo::la).map(|l| l.region);
        let areas = [carer_la.map(Area::La), carer_region.map(Area::Region), Some(Area::England)];
        for area in areas.into_iter().flatten() {
            let list: Vec<&&ProviderSnapshot> =
                placement_settings(register_year, group, area).iter().filter(ok).collect();
            if let Some(p) = rng.pick(&list) {
                return Some((p.urn.as_str().to_owned(), provider_for(p.sector, p.la, self.la)));
            }
        }
        None
    }

    /// A setting of another registered type (family centres, voluntary adoption agencies),
    /// preferring the LA, then its region.
    pub(crate) fn other_setting(
        &self,
        kind: ProvisionType,
        register_year: i16,
        home: Option<Pc>,
        locality: Locality,
        rng: &mut Rand,
    ) -> Option<Chosen> {
        let all = other_settings(register_year, kind);
        let in_la: Vec<&&ProviderSnapshot> = all.iter().filter(|p| p.la == Some(self.la)).collect();
        let in_region: Vec<&&ProviderSnapshot> =
            all.iter().filter(|p| p.region.is_some() && p.region == self.region).collect();
        let list = if locality.inside() && !in_la.is_empty() {
            in_la
        } else if !in_region.is_empty() {
            in_region
        } else {
            all.iter().collect()
        };
        let p = rng.pick(&list)?;
        let pc = p.la.and_then(|la| self.postcode_fitting(la, home, locality, rng));
        Some(self.chosen(p, pc))
    }

    fn chosen(&self, p: &ProviderSnapshot, pc: Option<Pc>) -> Chosen {
        Chosen {
            pc,
            urn: Some(p.urn.as_str().to_owned()),
            provider: Some(provider_for(p.sector, p.la, self.la)),
        }
    }
}

/// Whether a setting can take a child: active, of a sector the placement's provider codes
/// allow, not short-breaks-only, and (supported accommodation) registered by `on`.
fn usable(p: &ProviderSnapshot, group: SettingGroup, on: Day) -> bool {
    if p.registration_status != RegistrationStatus::Active {
        return false;
    }
    if p.short_break_only == Some(ShortBreakOnly::Yes) {
        return false;
    }
    // Rule 529: K1/K2 cannot be "other public provision", so skip health and academy homes.
    let sector_ok = match group {
        SettingGroup::ChildrensHome | SettingGroup::SecureChildrensHome => {
            matches!(p.sector, Sector::Private | Sector::LocalAuthority | Sector::Voluntary)
        }
        SettingGroup::FosteringAgency => matches!(p.sector, Sector::Private | Sector::Voluntary),
        _ => true,
    };
    let registered = match (group, p.registration_date) {
        (SettingGroup::SupportedAccommodation, Some(d)) => {
            days::from_ymd(i32::from(d.year()), d.month() as u32, d.day() as u32) <= on
        }
        _ => true,
    };
    sector_ok && registered
}

/// `PLACE_PROVIDER` for a setting run by `sector` in `setting_la`, for a child of `own`.
pub(crate) fn provider_for(
    sector: Sector,
    setting_la: Option<LaCode>,
    own: LaCode,
) -> PlacementProvider {
    match sector {
        Sector::LocalAuthority if setting_la == Some(own) => PlacementProvider::Pr1,
        Sector::LocalAuthority => PlacementProvider::Pr2,
        Sector::Private => PlacementProvider::Pr4,
        Sector::Voluntary => PlacementProvider::Pr5,
        _ => PlacementProvider::Pr3,
    }
}

/// Active settings of a provision type in England at 31 March of `year`.
fn other_settings(year: i16, kind: ProvisionType) -> &'static [&'static ProviderSnapshot] {
    type Index = BTreeMap<(i16, ProvisionType), Vec<&'static ProviderSnapshot>>;
    static INDEX: OnceLock<Index> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut index = Index::new();
        for y in 2015..=2025 {
            for p in providers_at(y) {
                let wanted = matches!(
                    p.provision_type,
                    ProvisionType::ResidentialFamilyCentre | ProvisionType::VoluntaryAdoptionAgency
                );
                if wanted
                    && p.registration_status == RegistrationStatus::Active
                    && p.region.is_some()
                {
                    index.entry((y, p.provision_type)).or_default().push(p);
                }
            }
        }
        index
    });
    index.get(&(year, kind)).map_or(&[], Vec::as_slice)
}

/// The Ofsted list (31 March of a year, 2015–2025) to take a setting from for a placement that
/// starts on `day`: the list at the end of that collection year, or the nearest published one.
pub(crate) fn register_year(day: Day) -> i16 {
    days::collection_year_of(day).clamp(2015, 2025)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::random::Stream;

    #[test]
    fn placements_land_where_asked() {
        let newham = LaCode::new(316).unwrap();
        let geo = Geo::new(newham);
        let mut rng = Rand::new(1, 316, Stream::Population, 0);
        let home = geo.postcode_in(newham, &mut rng).unwrap();
        assert_eq!(home.la, Some(newham));
        let inside = geo.place_postcode(Some(home), Locality::InsideNear, &mut rng).unwrap();
        assert_eq!(inside.la, Some(newham));
        let far = geo.place_postcode(Some(home), Locality::OutsideFar, &mut rng).unwrap();
        assert_ne!(far.la, Some(newham));
        assert!(home.miles_to(far) > 20.0);
        let day = days::from_ymd(2024, 6, 1);
        let home_k2 = geo
            .setting(
                SettingGroup::ChildrensHome,
                2025,
                day,
                Some(home),
                Locality::OutsideNear,
                &mut rng,
            )
            .unwrap();
        assert!(home_k2.urn.is_some());
        assert!(home_k2.pc.is_some());
    }
}
