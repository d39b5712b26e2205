//! The microsimulation of one LA's care population over two collection years.
//!
//! Phase 1 ([`World::skeleton`]) decides who is looked after when: the stock of children looked
//! after on the day before the previous year began, sampled to the LA's published age,
//! placement and legal-status mix; then, year by year, the children who start to be looked
//! after (as many as the LA's published starts) and who leave (18th birthdays, planned
//! adoptions, and as many others as bring the count at 31 March to the published figure).
//!
//! Phase 2 ([`World::histories`]) fills each period of care with episodes: legal-status changes,
//! placement moves, same-carer changes, temporary placements, the adoption pathway, the move to
//! supported accommodation at 16, and the reason care ended. Each placement gets a real
//! postcode, and a real Ofsted setting where one applies (`places.rs`).
//!
//! The records that hang off the episodes (reviews, missing incidents, social workers, OC2,
//! OC3, AD1, PlacedAdoption, PrevPerm, DoLo) are drawn in `extras.rs`.

use carelens_model::LaCode;
use carelens_model::codes::{
    AdopterLegalStatus, AdopterSex, CategoryOfNeed, Ethnicity, LegalStatus, PlacementProvider,
    PlacementType, ReasonEpisodeCeased, ReasonNewEpisode, ReasonPlaceChange,
};
use carelens_public::{ProvisionType, SettingGroup};
use compact_str::CompactString;

use crate::days::{self, Day};
use crate::places::{Chosen, Geo, Group, Locality, Pc, register_year};
use crate::random::Rand;
use crate::targets::Targets;

use LegalStatus as Ls;
use PlacementType as Pt;
use ReasonEpisodeCeased as Rec;
use ReasonNewEpisode as Rne;

/// 28 October 2023: registration of supported accommodation became mandatory (spec §3).
pub(crate) fn sa_registration_day() -> Day {
    days::from_ymd(2023, 10, 28)
}

/// One episode of care.
#[derive(Clone)]
pub(crate) struct Ep {
    pub(crate) decom: Day,
    pub(crate) rne: ReasonNewEpisode,
    pub(crate) ls: LegalStatus,
    /// The placement type in the 2025/26 coding (`K3` for supported accommodation, `Z11`–`Z14`
    /// for other placements); `emit` writes each year's code.
    pub(crate) place: PlacementType,
    pub(crate) provider: Option<PlacementProvider>,
    pub(crate) urn: Option<CompactString>,
    pub(crate) pc: Option<Pc>,
    pub(crate) dec: Option<Day>,
    pub(crate) rec: Option<ReasonEpisodeCeased>,
    pub(crate) rpc: Option<ReasonPlaceChange>,
}

/// How a period of care is planned to end, decided in phase 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Exit {
    /// Still looked after at the end of the simulated window.
    Open,
    /// Leaves on the 18th birthday.
    Age18,
    /// Adopted.
    Adopted,
    /// Leaves for another reason (returns home, SGO, independent living…).
    Other,
}

/// The dates of a child's adoption pathway.
#[derive(Clone, Copy)]
pub(crate) struct Adoption {
    /// The decision that the child should be placed for adoption (`DATE_INT`, `DATE_PLACED`).
    pub(crate) decision: Day,
    /// The placement order (legal status E1 from this day).
    pub(crate) order: Day,
    /// Matched with the adopters.
    pub(crate) matched: Day,
    /// Placed with the adopters (A5/A6); `None` when not within the window.
    pub(crate) placed: Option<Day>,
    /// Whether the adopters are the child's foster carers (A5, `FOSTER_CARE` 1).
    pub(crate) foster_carers: bool,
    /// Number of adopters.
    pub(crate) adopters: u8,
    pub(crate) adopter_sex: AdopterSex,
    pub(crate) adopter_ls: AdopterLegalStatus,
}

/// Previous permanence before a period of care (`PrevPerm`).
#[derive(Clone)]
pub(crate) struct PrevPermInfo {
    pub(crate) code: &'static str,
    pub(crate) la: Option<String>,
    pub(crate) date: Option<String>,
}

/// A placement as it stands: what a new episode copies when only the legal status changes.
#[derive(Clone)]
struct Setting {
    place: PlacementType,
    provider: Option<PlacementProvider>,
    urn: Option<CompactString>,
    pc: Option<Pc>,
}

/// A stock child's situation on the day before the window, sampled in phase 1.
#[derive(Clone, Copy)]
struct StockState {
    group: Group,
    ls: LegalStatus,
    /// When the placement open that day began.
    placed: Day,
}

/// One period of care.
#[derive(Clone)]
pub(crate) struct Period {
    pub(crate) start: Day,
    /// `DEC` of the last episode, when the period ends within the window.
    pub(crate) end: Option<Day>,
    pub(crate) exit: Exit,
    pub(crate) rec: Option<ReasonEpisodeCeased>,
    pub(crate) cin: CategoryOfNeed,
    pub(crate) home: Option<Pc>,
    pub(crate) episodes: Vec<Ep>,
    pub(crate) prev_perm: PrevPermInfo,
    pub(crate) adoption: Option<Adoption>,
    /// The child comes back into care later: the period must end with a return home.
    pub(crate) reenters: bool,
    stock: Option<StockState>,
}

/// A child (or a former care leaver) in the LA's records.
#[derive(Clone)]
pub(crate) struct Child {
    pub(crate) id: String,
    pub(crate) dob: Day,
    pub(crate) male: bool,
    pub(crate) ethnic: Ethnicity,
    pub(crate) upn: String,
    pub(crate) uasc: bool,
    /// Date of birth of the young woman's first child.
    pub(crate) mc_dob: Option<Day>,
    pub(crate) periods: Vec<Period>,
    /// Moves per year of this child relative to others (placement instability).
    pub(crate) instability: f64,
    /// A young person who left care before the window and appears only in OC3.
    pub(crate) former_leaver: bool,
    /// Placements the child must have in the current year (the outlier option).
    pub(crate) forced_moves: Option<u32>,
    pub(crate) extras: crate::extras::Extras,
}

impl Child {
    /// The period open (or most recent) on `day`.
    pub(crate) fn in_care_on(&self, day: Day) -> bool {
        self.periods.iter().any(|p| p.start <= day && p.end.is_none_or(|e| e > day))
    }

    /// The 18th birthday.
    pub(crate) fn eighteen(&self) -> Day {
        days::add_years(self.dob, 18)
    }
}

/// The simulation context for one LA.
pub(crate) struct Ctx {
    pub(crate) la: LaCode,
    /// End years: [the year before the previous year (the stock date's year), previous, current].
    pub(crate) years: [i16; 3],
    /// Targets for those three years.
    pub(crate) targets: [Targets; 3],
    pub(crate) geo: Geo,
    pub(crate) outlier_placements: Option<u32>,
}

impl Ctx {
    /// The published locality shares (inside near, outside near, inside far, outside far) the
    /// LA can be given: where no placement inside it can be over 20 miles from a home inside
    /// it, those children are placed inside and near, keeping the outside-LA share.
    pub(crate) fn location_cells(&self, t: &Targets) -> [f64; 4] {
        let [a, b, c, d, _] = t.location;
        if self.geo.inside_far_possible { [a, b, c, d] } else { [a + c, b, 0.0, d] }
    }

    /// The stock date: 31 March before the previous year.
    pub(crate) fn stock_day(&self) -> Day {
        days::year_end(self.years[0])
    }

    /// 1 April and 31 March of window year `k` (0 = previous, 1 = current).
    pub(crate) fn year_bounds(&self, k: usize) -> (Day, Day) {
        let y = self.years[k + 1];
        (days::year_start(y), days::year_end(y))
    }

    /// The day after the window: histories are simulated up to here.
    pub(crate) fn horizon(&self) -> Day {
        days::year_end(self.years[2]) + 1
    }
}

/// Placement-group weights by age band, fitted so that the stock's marginals match the
/// published placement mix (iterative proportional fitting over the feasible cells).
fn fit_group_weights(t: &Targets) -> [[f64; 8]; 5] {
    // Affinity of each group for each age band: under 1, 1–4, 5–9, 10–15, 16–17.
    const AFFINITY: [[f64; 8]; 5] = [
        // foster adopt parents homes supported school other_res other
        [1.0, 0.4, 0.7, 0.0, 0.0, 0.0, 0.3, 0.25],
        [1.0, 1.0, 1.0, 0.005, 0.0, 0.0, 0.1, 0.05],
        [1.0, 0.08, 1.0, 0.15, 0.0, 0.6, 0.1, 0.05],
        [1.0, 0.0, 0.6, 1.6, 0.0, 1.4, 0.8, 0.6],
        [1.0, 0.0, 0.4, 1.8, 4.0, 1.0, 1.3, 0.8],
    ];
    let mut w = AFFINITY;
    for _ in 0..40 {
        // Rows: each age band's weights sum to 1 (P(group | age)).
        for row in &mut w {
            let s: f64 = row.iter().sum();
            if s > 0.0 {
                row.iter_mut().for_each(|x| *x /= s);
            }
        }
        // Columns: the implied group shares should match the targets.
        for (g, target) in t.placement.iter().enumerate() {
            let implied: f64 = t.age.iter().zip(&w).map(|(share, row)| share * row[g]).sum();
            if implied > 0.0 {
                let f = (target / implied).clamp(0.0, 20.0);
                w.iter_mut().for_each(|row| row[g] *= f);
            }
        }
    }
    for row in &mut w {
        let s: f64 = row.iter().sum();
        if s > 0.0 {
            row.iter_mut().for_each(|x| *x /= s);
        }
    }
    w
}

fn age_band(age: i32) -> usize {
    match age {
        i32::MIN..=0 => 0,
        1..=4 => 1,
        5..=9 => 2,
        10..=15 => 3,
        _ => 4,
    }
}

/// Adjustments learnt from a first run of the histories, so that the second run lands on the
/// published mix: placement groups chosen at moves and starts, the localities of placements,
/// the rate of moves and the share of foster care through agencies.
#[derive(Clone, Debug)]
pub(crate) struct Tuning {
    pub(crate) entrant_age: [f64; 5],
    pub(crate) exit_age: [f64; 5],
    pub(crate) groups: [f64; 8],
    pub(crate) locality: [f64; 4],
    pub(crate) moves: f64,
    pub(crate) ifa_shift: f64,
    /// Scales the time from placement for adoption to the adoption order. Children placed for
    /// adoption at 31 March are a flow times a stay, and the flow is set by the adoption
    /// pathway, not by the placement mix, so the published share is met through the stay.
    pub(crate) adoption_stay: f64,
}

impl Default for Tuning {
    fn default() -> Self {
        Self {
            entrant_age: [1.0; 5],
            exit_age: [1.0; 5],
            groups: [1.0; 8],
            locality: [1.0; 4],
            moves: 1.0,
            ifa_shift: 0.0,
            adoption_stay: 1.0,
        }
    }
}

/// The simulated population of one LA.
#[derive(Clone)]
pub(crate) struct World<'a> {
    pub(crate) ctx: &'a Ctx,
    pub(crate) rng: Rand,
    pub(crate) children: Vec<Child>,
    next_id: u32,
    group_weights: [[f64; 8]; 5],
    /// Share of non-kinship foster placements made through independent agencies.
    ifa_share: f64,
    /// Share of children in foster care or children's homes at 16 who move to supported
    /// accommodation before 18.
    supported_at_16: f64,
    pub(crate) tuning: Tuning,
}

impl<'a> World<'a> {
    pub(crate) fn new(ctx: &'a Ctx, mut rng: Rand, tuning: Tuning) -> Self {
        let t = &ctx.targets[1];
        let group_weights = fit_group_weights(t);
        // Private provision not explained by children's homes, supported accommodation and
        // schools is foster care through agencies (DfE provider mix).
        let p = &t.placement;
        let private_else = 0.82 * p[3] + 0.75 * p[4] + 0.5 * p[5];
        let ifa_share = ((t.provider[2] + t.provider[3] - private_else) / (p[0] * 0.78).max(0.05))
            .clamp(0.05, 0.85);
        let next_id = 100_000 + rng.range(0, 800_000) as u32;
        // UASC are mostly in supported accommodation at 16–17; the rest of the published share
        // comes from other 16–17 year olds moving there (about half of their time after it).
        let uasc_share = t.uasc / t.cla.max(1.0);
        let supported_at_16 =
            (2.6 * (p[4] - 0.6 * uasc_share) / (t.age[4] - uasc_share).max(0.05)).clamp(0.05, 0.95);
        Self {
            ctx,
            rng,
            children: Vec::new(),
            next_id,
            group_weights,
            ifa_share,
            supported_at_16,
            tuning,
        }
    }

    fn new_id(&mut self) -> String {
        self.next_id += 1 + self.rng.range(0, 40) as u32;
        self.next_id.to_string()
    }

    fn upn(&mut self) -> String {
        // A DfE UPN: check letter, 3-digit LA, 4-digit school, 2-digit year, 3-digit serial.
        let mut digits = format!("{:03}", self.ctx.la.get());
        for _ in 0..9 {
            digits.push(char::from(b'0' + self.rng.range(0, 9) as u8));
        }
        let sum: u32 =
            digits.bytes().enumerate().map(|(i, b)| u32::from(b - b'0') * (i as u32 + 2)).sum();
        const CHECK: &[u8; 23] = b"ABCDEFGHJKLMNPQRTUVWXYZ";
        let letter = char::from(CHECK[(sum % 23) as usize]);
        format!("{letter}{digits}")
    }

    fn ethnicity(&mut self, uasc: bool) -> Ethnicity {
        use Ethnicity::*;
        if uasc {
            return self.rng.choose(&[
                (Aoth, 0.30),
                (Bafr, 0.25),
                (Ooth, 0.25),
                (Both, 0.08),
                (Woth, 0.07),
                (Apkn, 0.05),
            ]);
        }
        let t = &self.ctx.targets[1];
        match self.rng.weighted(&t.ethnic) {
            0 => self.rng.choose(&[
                (Wbri, 0.86),
                (Woth, 0.09),
                (Wiri, 0.02),
                (Wirt, 0.015),
                (Wrom, 0.015),
            ]),
            1 => self.rng.choose(&[(Mwbc, 0.35), (Mwba, 0.15), (Mwas, 0.15), (Moth, 0.35)]),
            2 => self.rng.choose(&[(Apkn, 0.30), (Aban, 0.15), (Aind, 0.12), (Aoth, 0.43)]),
            3 => self.rng.choose(&[(Bafr, 0.55), (Bcrb, 0.20), (Both, 0.25)]),
            4 => self.rng.choose(&[(Ooth, 0.9), (Chne, 0.1)]),
            _ => self.rng.choose(&[(Nobt, 0.7), (Refu, 0.3)]),
        }
    }

    fn cin(&mut self, uasc: bool, age: i32) -> CategoryOfNeed {
        if uasc {
            return CategoryOfNeed::N8;
        }
        let mut w = self.ctx.targets[1].cin;
        w[7] *= 0.3; // absent parenting is mostly UASC
        if age < 10 {
            w[5] = 0.0; // socially unacceptable behaviour
        }
        CategoryOfNeed::ALL[self.rng.weighted(&w).min(7)]
    }

    fn prev_perm(&mut self, start: Day, dob: Day) -> PrevPermInfo {
        let code = self.rng.choose(&[
            ("Z1", 0.86),
            ("P2", 0.05),
            ("P3", 0.03),
            ("P1", 0.02),
            ("P4", 0.04),
        ]);
        // A previous order needs time: only for children who were at least two at the start.
        if code == "Z1" || days::age_at(dob, start) < 2 {
            return PrevPermInfo { code: "Z1", la: None, date: None };
        }
        // Rule 630 wants LA_PERM and DATE_PERM whenever PREV_PERM is not Z1.
        let la = if self.rng.chance(0.8) {
            self.ctx.la.to_string()
        } else {
            let others = ["WAL", "SCO", "316", "213", "873", "380"];
            (*self.rng.pick(&others).unwrap_or(&"WAL")).to_owned()
        };
        let d = self.rng.range(dob + 180, start - 60);
        let text = days::format(d);
        // Unknown parts are read as the latest possible date (rule 632), which must still come
        // before the period of care.
        let (y, m, _) = days::ymd(d);
        let month_end = days::add_months(days::from_ymd(y, m, 1), 1) - 1;
        let year_end = days::from_ymd(y, 12, 31);
        let date = match self.rng.range(0, 19) {
            0 if month_end < start => format!("ZZ{}", &text[2..]),
            1 if year_end < start => format!("ZZ/ZZ{}", &text[5..]),
            _ => text,
        };
        PrevPermInfo { code, la: Some(la), date: Some(date) }
    }

    fn adoption_details(&mut self) -> (u8, AdopterSex, AdopterLegalStatus) {
        if self.rng.chance(0.14) {
            let sex = if self.rng.chance(0.85) { AdopterSex::F1 } else { AdopterSex::M1 };
            return (1, sex, AdopterLegalStatus::L0);
        }
        let sex = self.rng.choose(&[
            (AdopterSex::Mf, 0.83),
            (AdopterSex::Mm, 0.09),
            (AdopterSex::Ff, 0.08),
        ]);
        let ls = match sex {
            AdopterSex::Mf => {
                if self.rng.chance(0.8) {
                    AdopterLegalStatus::L11
                } else {
                    AdopterLegalStatus::L3
                }
            }
            _ => self.rng.choose(&[
                (AdopterLegalStatus::L12, 0.45),
                (AdopterLegalStatus::L2, 0.35),
                (AdopterLegalStatus::L4, 0.20),
            ]),
        };
        (2, sex, ls)
    }

    /// Creates a child and returns its index.
    fn add_child(&mut self, dob: Day, male: bool, uasc: bool) -> usize {
        // No birthdays on 1 April: a birthday on the first day of the collection year is both
        // "17 at the start" (rule 189) and "17 during the year" (rule 197B).
        let dob = if days::ymd(dob).1 == 4 && days::ymd(dob).2 == 1 { dob + 1 } else { dob };
        let id = self.new_id();
        let ethnic = self.ethnicity(uasc);
        let upn = if uasc && self.rng.chance(0.6) { "UN2".to_owned() } else { self.upn() };
        // A few young women in care are mothers (rules 611–626).
        let mc_dob = (!male && self.rng.chance(0.05)).then(|| {
            let from = days::add_years(dob, 15);
            from + self.rng.range(0, 3 * 365)
        });
        let instability = match self.rng.f64() {
            x if x < 0.62 => 0.12,
            x if x < 0.88 => 0.6,
            x if x < 0.97 => 1.8,
            _ => 4.0,
        };
        self.children.push(Child {
            id,
            dob,
            male,
            ethnic,
            upn,
            uasc,
            mc_dob,
            periods: Vec::new(),
            instability,
            former_leaver: false,
            forced_moves: None,
            extras: crate::extras::Extras::default(),
        });
        self.children.len() - 1
    }

    fn new_period(&mut self, child: usize, start: Day) -> Period {
        let (dob, uasc) = (self.children[child].dob, self.children[child].uasc);
        let age = days::age_at(dob, start);
        let cin = self.cin(uasc, age);
        // Distance is not known for UASC (no home postcode) and for a few other children whose
        // home postcode the LA does not record: the published "not known" share less UASC.
        let t = &self.ctx.targets[1];
        let uasc_share = if t.cla > 0.0 { (t.uasc / t.cla).min(0.9) } else { 0.0 };
        let unrecorded = ((t.location[4] - uasc_share) / (1.0 - uasc_share)).clamp(0.0, 0.2);
        let home = if uasc || self.rng.chance(unrecorded) {
            None
        } else {
            self.ctx.geo.home(&mut self.rng)
        };
        let prev_perm = self.prev_perm(start, dob);
        Period {
            start,
            end: None,
            exit: Exit::Open,
            rec: None,
            cin,
            home,
            episodes: Vec::new(),
            prev_perm,
            adoption: None,
            reenters: false,
            stock: None,
        }
    }

    // ---------------------------------------------------------------------------------------
    // Phase 1: who is looked after when.

    /// Builds the stock at the stock date and the starts and ends of both years.
    pub(crate) fn skeleton(&mut self) {
        self.stock();
        for k in 0..2 {
            self.year(k);
        }
        self.former_leavers();
    }

    fn stock(&mut self) {
        let t0 = self.ctx.stock_day();
        let t = self.ctx.targets[0].clone();
        let n = t.cla.round() as usize;
        let n_uasc = (t.uasc.round() as usize).min(n);
        // UASC: mostly 16 and 17, nearly all boys.
        for _ in 0..n_uasc {
            let age =
                self.rng.choose(&[(17, 0.42), (16, 0.33), (15, 0.15), (14, 0.07), (13, 0.03)]);
            let dob = days::add_years(t0, -age) - self.rng.range(0, 364);
            let male = self.rng.chance(0.93);
            let c = self.add_child(dob, male, true);
            let in_care = self.rng.range(1, (days::age_at(dob, t0) - 12).clamp(1, 3) * 365 - 200);
            self.stock_period(c, t0 - in_care.max(1), &t);
        }
        // Everyone else, by the published age mix less the UASC already made.
        let mut band_counts = [0.0f64; 5];
        for (i, share) in t.age.iter().enumerate() {
            band_counts[i] = share * n as f64;
        }
        for c in &self.children {
            band_counts[age_band(days::age_at(c.dob, t0))] -= 1.0;
        }
        let uasc_males = self.children.iter().filter(|c| c.male).count() as f64;
        let rest = n.saturating_sub(n_uasc);
        let male_share = ((t.male * n as f64 - uasc_males) / rest.max(1) as f64).clamp(0.35, 0.7);
        let weights: Vec<f64> = band_counts.iter().map(|x| x.max(0.0)).collect();
        for _ in 0..rest {
            let band = self.rng.weighted(&weights);
            let age = match band {
                0 => 0,
                1 => self.rng.range(1, 4),
                2 => self.rng.range(5, 9),
                3 => self.rng.range(10, 15),
                _ => self.rng.range(16, 17),
            };
            let dob = days::add_years(t0, -age) - self.rng.range(0, 364);
            let male = self.rng.chance(male_share);
            let c = self.add_child(dob, male, false);
            let age_days = t0 - dob;
            let in_care = match self.rng.f64() {
                x if x < 0.33 => self.rng.range(1, 365),
                x if x < 0.55 => self.rng.range(365, 730),
                x if x < 0.83 => self.rng.range(730, 1826),
                _ => self.rng.range(1826, 5000),
            };
            let in_care = in_care.min(age_days - self.rng.range(0, 20).min(age_days - 1)).max(1);
            self.stock_period(c, t0 - in_care, &t);
        }
    }

    /// A stock child's period of care and its state on the stock date.
    fn stock_period(&mut self, c: usize, start: Day, t: &Targets) {
        let t0 = self.ctx.stock_day();
        let (dob, uasc) = (self.children[c].dob, self.children[c].uasc);
        let age = days::age_at(dob, t0);
        let mut period = self.new_period(c, start);
        let in_care = t0 - start;
        let group = if uasc {
            if age >= 16 {
                self.rng.choose(&[
                    (Group::Supported, 0.62),
                    (Group::Foster, 0.33),
                    (Group::Homes, 0.05),
                ])
            } else {
                self.rng.choose(&[(Group::Foster, 0.8), (Group::Homes, 0.2)])
            }
        } else {
            let mut w = self.group_weights[age_band(age)];
            for (x, f) in w.iter_mut().zip(self.tuning.groups) {
                *x *= f;
            }
            if in_care < 120 {
                w[Group::Adoption as usize] = 0.0;
            }
            if age < 16 {
                w[Group::Supported as usize] = 0.0;
            }
            Group::ALL[self.rng.weighted(&w).min(7)]
        };
        // Legal status given the placement (rules 378, 408) and time in care.
        let ls = if uasc {
            Ls::V2
        } else {
            match group {
                Group::Adoption => Ls::E1,
                Group::Parents => {
                    if in_care < 300 {
                        Ls::C1
                    } else {
                        Ls::C2
                    }
                }
                _ => {
                    let l = &t.legal;
                    let e1 = if age < 6 && in_care > 150 { l[2] * 2.0 } else { 0.0 };
                    let c1 = if in_care < 400 { l[1] * 2.5 } else { 0.0 };
                    let j = if age >= 12 && in_care < 200 { l[5] * 3.0 } else { 0.0 };
                    self.rng.choose(&[
                        (Ls::C2, l[0]),
                        (Ls::C1, c1),
                        (Ls::E1, e1),
                        (Ls::V2, l[3]),
                        (Ls::J1, j),
                    ])
                }
            }
        };
        if ls == Ls::E1 {
            period.adoption = Some(self.stock_adoption(start, group == Group::Adoption));
        } else if matches!(ls, Ls::C1 | Ls::C2)
            && age < 4
            && in_care < 600
            && matches!(group, Group::Foster | Group::Other)
            && self.rng.chance(0.35 * (t.legal[2] / 0.055).clamp(0.15, 2.5))
        {
            // On the way to a placement order: the decision is still to come.
            period.adoption = Some(self.pathway(start, t0 + 1));
        }
        let mean_stay = match group {
            Group::Foster => 700.0,
            Group::Homes => 260.0,
            Group::Supported => 200.0,
            Group::Parents => 300.0,
            _ => 180.0,
        };
        let mut placed = (t0 - self.rng.exp(mean_stay) as i32).max(start);
        if let Some(a) = &period.adoption
            && let Some(p) = a.placed
            && p <= t0
        {
            placed = p;
        }
        // A placement that changes type at 16 began on or after the 16th birthday.
        if group == Group::Supported {
            placed = placed.max(days::add_years(dob, 16));
        }
        period.stock = Some(StockState { group, ls, placed: placed.min(t0) });
        self.children[c].periods.push(period);
    }

    fn stock_adoption(&mut self, start: Day, placed_already: bool) -> Adoption {
        let t0 = self.ctx.stock_day();
        let earliest = start + 30;
        let (order, placed) = if placed_already {
            let placed = (t0 - self.rng.range(1, 200)).max(earliest + 40);
            let order = (placed - self.rng.range(20, 200)).max(earliest).min(placed - 1);
            (order, Some(placed))
        } else {
            let order = (t0 - self.rng.range(1, 300)).max(earliest).min(t0);
            let placed = self.rng.chance(0.85).then(|| t0 + self.rng.range(10, 420));
            (order, placed)
        };
        let decision = (order - self.rng.range(0, 60)).max(start);
        let matched = match placed {
            Some(p) => (p - self.rng.range(7, 60)).max(decision),
            None => decision,
        };
        let (adopters, adopter_sex, adopter_ls) = self.adoption_details();
        Adoption {
            decision,
            order,
            matched,
            placed,
            foster_carers: self.rng.chance(0.15),
            adopters,
            adopter_sex,
            adopter_ls,
        }
    }

    /// The adoption date planned for a period, if within the window.
    fn adoption_exit(&mut self, a: &Adoption) -> Option<Day> {
        let placed = a.placed?;
        let stay = self.rng.range(70, 250) as f64 * self.tuning.adoption_stay;
        let x = placed + stay.round() as i32;
        (x < self.ctx.horizon() - 1).then_some(x)
    }

    /// Index of the open period of a child, if any.
    fn open_period(&self, c: usize) -> Option<usize> {
        let p = self.children[c].periods.len().checked_sub(1)?;
        (self.children[c].periods[p].end.is_none()).then_some(p)
    }

    fn year(&mut self, k: usize) {
        let (ys, ye) = self.ctx.year_bounds(k);
        let t = self.ctx.targets[k + 1].clone();
        // Plan the adoptions of children already on the pathway.
        for c in 0..self.children.len() {
            let Some(p) = self.open_period(c) else { continue };
            let period = &self.children[c].periods[p];
            if period.exit == Exit::Open
                && let Some(a) = period.adoption
                && a.placed.is_some_and(|d| d <= ye)
                && let Some(x) = self.adoption_exit(&a)
                && x > ys
                && x <= ye
            {
                let period = &mut self.children[c].periods[p];
                period.end = Some(x);
                period.exit = Exit::Adopted;
            }
        }
        let in_care_at_start: Vec<usize> =
            (0..self.children.len()).filter(|&c| self.children[c].in_care_on(ys - 1)).collect();
        let stock = in_care_at_start.len();

        // Starts: the published number, UASC among them as needed to reach the UASC count.
        let mut entrants: Vec<usize> = Vec::new();
        let uasc_staying = in_care_at_start
            .iter()
            .filter(|&&c| self.children[c].uasc && self.children[c].eighteen() > ye)
            .count() as f64;
        // A few UASC leave before 18 (transfers, age assessments): aim a little higher.
        let uasc_target = t.uasc * 1.04;
        let mut uasc_projected = uasc_staying;
        let started = t.started.round() as usize;
        let mut guard = 0;
        while uasc_projected < uasc_target && guard < 2 * started + 20 {
            guard += 1;
            let c = self.entrant(k, true);
            entrants.push(c);
            if self.children[c].eighteen() > ye {
                uasc_projected += 1.0;
            }
        }
        while entrants.len() < started {
            let c = self.entrant(k, false);
            entrants.push(c);
        }

        // Exits: forced (18th birthdays, planned adoptions) and as many others as needed.
        let mut forced = 0usize;
        let mut candidates: Vec<(usize, f64)> = Vec::new();
        let everyone: Vec<usize> = in_care_at_start.iter().chain(&entrants).copied().collect();
        for &c in &everyone {
            let Some(p) = self.open_period(c) else {
                if self.children[c]
                    .periods
                    .last()
                    .is_some_and(|p| p.exit == Exit::Adopted && p.end.is_some_and(|e| e <= ye))
                {
                    forced += 1;
                }
                continue;
            };
            let eighteen = self.children[c].eighteen();
            if eighteen <= ye {
                let period = &mut self.children[c].periods[p];
                period.end = Some(eighteen);
                period.exit = Exit::Age18;
                forced += 1;
                continue;
            }
            let period = &self.children[c].periods[p];
            if period.adoption.is_some() || self.children[c].forced_moves.is_some() {
                continue;
            }
            let years_in = f64::from((ys - period.start).max(0)) / 365.25;
            let age = days::age_at(self.children[c].dob, ys);
            let mut w = if period.start >= ys {
                2.2
            } else if years_in < 1.0 {
                1.6
            } else if years_in < 3.0 {
                0.9
            } else {
                0.35
            };
            w *= self.tuning.exit_age[age_band(age)];
            if self.children[c].uasc {
                w *= 0.15;
            }
            if let Some(s) = period.stock {
                if s.group == Group::Parents {
                    w *= 2.0;
                }
                if matches!(s.ls, Ls::J1 | Ls::C1) {
                    w *= 1.5;
                }
            }
            candidates.push((c, w));
        }
        let adopted_in_year = everyone
            .iter()
            .filter(|&&c| {
                self.children[c].periods.last().is_some_and(|p| {
                    p.exit == Exit::Adopted && p.end.is_some_and(|e| e >= ys && e <= ye)
                })
            })
            .count();
        forced = forced.max(adopted_in_year);
        let target_end = t.cla.round() as usize;
        let mut total = stock + entrants.len();
        // More starts if forced exits alone would take the count below the target.
        while total.saturating_sub(forced) < target_end && entrants.len() < 3 * started + 50 {
            let c = self.entrant(k, false);
            entrants.push(c);
            total += 1;
            if self.open_period(c).is_some() && self.children[c].eighteen() > ye {
                let w = 2.2;
                if self.children[c].periods.last().is_some_and(|p| p.adoption.is_none()) {
                    candidates.push((c, w));
                }
            } else if self.children[c].eighteen() <= ye
                && let Some(p) = self.open_period(c)
            {
                let eighteen = self.children[c].eighteen();
                let period = &mut self.children[c].periods[p];
                period.end = Some(eighteen);
                period.exit = Exit::Age18;
                forced += 1;
            }
        }
        let mut voluntary = total.saturating_sub(forced).saturating_sub(target_end);
        // Weighted sampling without replacement (Efraimidis–Spirakis keys).
        let mut keyed: Vec<(f64, usize)> =
            candidates.iter().map(|&(c, w)| (self.rng.f64().powf(1.0 / w.max(1e-6)), c)).collect();
        keyed.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        for (_, c) in keyed {
            if voluntary == 0 {
                break;
            }
            if self.plan_exit(c, k) {
                voluntary -= 1;
            }
        }
    }

    /// Sets a voluntary exit date for a child's open period in window year `k`.
    fn plan_exit(&mut self, c: usize, k: usize) -> bool {
        let (ys, ye) = self.ctx.year_bounds(k);
        let Some(p) = self.open_period(c) else { return false };
        let eighteen = self.children[c].eighteen();
        let start = self.children[c].periods[p].start;
        let lo = (start + 1).max(ys);
        let hi = (ye - 1).min(eighteen - 1);
        if hi < lo {
            return false;
        }
        let end = if start >= ys {
            // Many who start leave within weeks.
            let d = start + 1 + self.rng.exp(75.0) as i32;
            if d <= hi { d } else { self.rng.range(lo, hi) }
        } else {
            self.rng.range(lo, hi)
        };
        let period = &mut self.children[c].periods[p];
        period.end = Some(end);
        period.exit = Exit::Other;
        true
    }

    /// A child who starts to be looked after in window year `k` (sometimes a child who left
    /// care earlier in the window and comes back).
    fn entrant(&mut self, k: usize, uasc: bool) -> usize {
        let (ys, ye) = self.ctx.year_bounds(k);
        let start = self.rng.range(ys, ye - 1);
        if !uasc && self.rng.chance(0.07) {
            // Re-entry: someone who left to go home at least four weeks ago.
            let pool: Vec<usize> = (0..self.children.len())
                .filter(|&c| {
                    let ch = &self.children[c];
                    !ch.uasc
                        && !ch.former_leaver
                        && ch.forced_moves.is_none()
                        && ch.periods.last().is_some_and(|p| {
                            p.exit == Exit::Other && p.end.is_some_and(|e| e + 28 < start)
                        })
                        && days::age_at(ch.dob, start) < 16
                })
                .collect();
            if let Some(&c) = self.rng.pick(&pool) {
                if let Some(last) = self.children[c].periods.last_mut() {
                    last.reenters = true;
                }
                let period = self.new_period(c, start);
                self.children[c].periods.push(period);
                self.entrant_pathway(c);
                return c;
            }
        }
        let age = if uasc {
            self.rng.choose(&[(17, 0.30), (16, 0.40), (15, 0.18), (14, 0.08), (13, 0.04)])
        } else {
            let base = [0.20, 0.15, 0.15, 0.36, 0.14];
            let w: Vec<f64> =
                base.iter().zip(self.tuning.entrant_age).map(|(b, f)| b * f).collect();
            match self.rng.weighted(&w) {
                0 => 0,
                1 => self.rng.range(1, 4),
                2 => self.rng.range(5, 9),
                3 => self.rng.range(10, 15),
                _ => self.rng.range(16, 17),
            }
        };
        let mut dob = days::add_years(start, -age) - self.rng.range(0, 364);
        if age == 0 {
            // Babies come into care from birth to their first birthday, most in the first weeks.
            dob = start - (self.rng.exp(60.0) as i32).min(360);
        }
        let male = if uasc { self.rng.chance(0.93) } else { self.rng.chance(0.53) };
        let c = self.add_child(dob, male, uasc);
        let period = self.new_period(c, start);
        self.children[c].periods.push(period);
        self.entrant_pathway(c);
        c
    }

    /// Puts some young entrants on the adoption pathway.
    fn entrant_pathway(&mut self, c: usize) {
        let Some(p) = self.open_period(c) else { return };
        let start = self.children[c].periods[p].start;
        let age = days::age_at(self.children[c].dob, start);
        let chance = match age {
            0 => 0.30,
            1 | 2 => 0.15,
            3 | 4 => 0.05,
            _ => 0.0,
        };
        // Scaled by the LA's share of children under placement orders (England: about 6%).
        let scale = (self.ctx.targets[1].legal[2] / 0.055).clamp(0.15, 2.5);
        if self.children[c].uasc || !self.rng.chance(chance * scale) {
            return;
        }
        let adoption = self.pathway(start, start);
        self.children[c].periods[p].adoption = Some(adoption);
    }

    /// Adoption pathway dates for a period that began on `start`, with the decision no earlier
    /// than `not_before`.
    fn pathway(&mut self, start: Day, not_before: Day) -> Adoption {
        let decision = (start + self.rng.range(90, 240)).max(not_before + self.rng.range(0, 200));
        let order = decision + self.rng.range(0, 60);
        let placed_day = order + self.rng.range(30, 200);
        let placed = (placed_day < self.ctx.horizon() - 2).then_some(placed_day);
        let matched = placed.map_or(decision, |d| (d - self.rng.range(7, 60)).max(decision));
        let (adopters, adopter_sex, adopter_ls) = self.adoption_details();
        Adoption {
            decision,
            order,
            matched,
            placed,
            foster_carers: self.rng.chance(0.25),
            adopters,
            adopter_sex,
            adopter_ls,
        }
    }

    /// Former care leavers aged 19–21 during the window, who appear only in OC3.
    fn former_leavers(&mut self) {
        let t = self.ctx.targets[2].clone();
        let (ys, _) = self.ctx.year_bounds(1);
        // One cohort per age at this year's birthday: 20, 21 and 22 left care before the
        // window; of those turning 19 this year, some left before it (at 16 or 17).
        for (age, share) in [(19, 0.1), (20, 0.95), (21, 0.95), (22, 0.95)] {
            let n = self.rng.round(t.leavers_19_21 / 3.0 * share);
            for _ in 0..n {
                let dob = days::add_years(ys, -age) + self.rng.range(1, 365);
                let male = self.rng.chance(0.56);
                let uasc = self.rng.chance(0.12);
                let c = self.add_child(dob, male, uasc);
                let ch = &mut self.children[c];
                ch.former_leaver = true;
                ch.mc_dob = None;
            }
        }
    }

    /// Adds the outlier child: looked after through both years, with exactly `n` placements
    /// (the first open on 1 April, then `n - 1` changes of carer) in the current year.
    pub(crate) fn outlier(&mut self, n: u32) {
        let t0 = self.ctx.stock_day();
        let dob = days::add_years(t0, -13) - self.rng.range(0, 300);
        let c = self.add_child(dob, true, false);
        self.children[c].id = format!("OUTLIER{n}");
        self.children[c].forced_moves = Some(n.max(1));
        self.children[c].mc_dob = None;
        let start = t0 - 400;
        let mut period = self.new_period(c, start);
        period.stock = Some(StockState { group: Group::Foster, ls: Ls::C2, placed: t0 - 200 });
        period.prev_perm = PrevPermInfo { code: "Z1", la: None, date: None };
        self.children[c].periods.push(period);
    }

    /// Compares the histories with the targets at both 31 Marches and returns the tuning that
    /// should bring a second run of [`World::histories`] closer to them, with how far this run
    /// is from them (a chi-square). `gain` scales the correction (1 for the first pass; less
    /// for later passes, which would otherwise overshoot).
    pub(crate) fn retune(&self, gain: f64) -> (Tuning, f64) {
        let mut ages_actual = [0.0f64; 5];
        let mut ages_target = [0.0f64; 5];
        let mut groups_actual = [0.0f64; 8];
        let mut groups_target = [0.0f64; 8];
        let mut loc_actual = [0.0f64; 4];
        let mut loc_target = [0.0f64; 4];
        let (mut three, mut three_target, mut private, mut private_target) = (0.0, 0.0, 0.0, 0.0);
        let (mut own, mut own_target) = (0.0, 0.0);
        let mut foster = 0.0;
        for k in 0..2 {
            let (ys, ye) = self.ctx.year_bounds(k);
            let t = &self.ctx.targets[k + 1];
            // The current year counts double: when the published mix jumps between years,
            // land nearer the current one.
            let w = if k == 1 { 2.0 } else { 1.0 };
            let mut n = 0.0;
            let mut located = 0.0;
            for child in &self.children {
                let eps: Vec<&Ep> = child.periods.iter().flat_map(|p| &p.episodes).collect();
                let Some(open) = eps.iter().find(|e| e.decom <= ye && e.dec.is_none_or(|d| d > ye))
                else {
                    continue;
                };
                n += w;
                ages_actual[age_band(days::age_at(child.dob, ye))] += w;
                if let Some(g) = Group::of(open.place) {
                    groups_actual[g as usize] += w;
                    if g == Group::Foster {
                        foster += w;
                    }
                }
                let placements = eps
                    .iter()
                    .filter(|e| e.decom <= ye && e.dec.is_none_or(|d| d >= ys))
                    .filter(|e| !e.place.is_temporary())
                    .filter(|e| e.rne != Rne::L || e.decom < ys)
                    .count();
                if placements >= 3 {
                    three += w;
                }
                match open.provider {
                    Some(PlacementProvider::Pr4) => private += w,
                    Some(PlacementProvider::Pr1) => own += w,
                    _ => {}
                }
                let home = child
                    .periods
                    .iter()
                    .find(|p| p.start <= ye && p.end.is_none_or(|e| e > ye))
                    .and_then(|p| p.home);
                if let (Some(h), Some(pc)) = (home, open.pc) {
                    let inside = pc.la == Some(self.ctx.la);
                    let near = h.miles_to(pc) <= 20.0;
                    let i = match (inside, near) {
                        (true, true) => 0,
                        (false, true) => 1,
                        (true, false) => 2,
                        (false, false) => 3,
                    };
                    loc_actual[i] += w;
                    located += w;
                }
            }
            for (x, share) in groups_target.iter_mut().zip(t.placement) {
                *x += share * n;
            }
            for (x, share) in ages_target.iter_mut().zip(t.age) {
                *x += share * n;
            }
            let cells = self.ctx.location_cells(t);
            let known: f64 = cells.iter().sum::<f64>().max(1e-9);
            for (x, share) in loc_target.iter_mut().zip(cells) {
                *x += share / known * located;
            }
            three_target += t.three_plus * n;
            private_target += t.provider[2] * n;
            own_target += t.provider[0] * n;
        }
        // How far this run is from the published mix: a chi-square over the measures tuned.
        let chi = |target: f64, actual: f64| (actual - target).powi(2) / target.max(1.0);
        let mut error = chi(three_target, three) + chi(private_target, private);
        error += chi(own_target, own);
        for g in 0..8 {
            error += chi(groups_target[g], groups_actual[g]);
        }
        for i in 0..4 {
            error += chi(loc_target[i], loc_actual[i]);
        }
        let mut tuning = self.tuning.clone();
        let ratio = |target: f64, actual: f64, power: f64, lo: f64, hi: f64| {
            if actual <= 0.0 {
                if target > 0.0 { hi } else { 1.0 }
            } else {
                (target / actual).powf(power * gain).clamp(lo, hi)
            }
        };
        for a in 0..5 {
            tuning.entrant_age[a] *= ratio(ages_target[a], ages_actual[a], 1.5, 0.3, 3.0);
            tuning.exit_age[a] *= ratio(ages_actual[a], ages_target[a], 1.0, 0.4, 2.5);
        }
        for g in 0..8 {
            tuning.groups[g] *= ratio(groups_target[g], groups_actual[g], 1.6, 0.2, 5.0);
        }
        // Locality targets are cumulative over both years, actual counts too.
        for i in 0..4 {
            tuning.locality[i] = (tuning.locality[i]
                * ratio(loc_target[i], loc_actual[i], 1.0, 0.25, 4.0))
            .clamp(0.05, 20.0);
        }
        tuning.moves *= ratio(three_target, three, 1.5, 0.3, 3.0);
        let adoption = Group::Adoption as usize;
        tuning.adoption_stay = (tuning.adoption_stay
            * ratio(groups_target[adoption], groups_actual[adoption], 1.5, 0.6, 1.8))
        .clamp(0.5, 3.0);
        // Independent fostering agencies against the LA's own carers: aim at the published
        // private share of own-plus-private provision, so that neither is met at the other's
        // expense when other providers take more than their share.
        if foster > 0.0 && own + private > 0.0 && own_target + private_target > 0.0 {
            let want = private_target / (own_target + private_target) * (own + private);
            tuning.ifa_shift += gain * ((want - private) / foster).clamp(-0.4, 0.4);
        }
        (tuning, error)
    }

    // ---------------------------------------------------------------------------------------
    // Phase 2: episodes.

    /// Fills every period with episodes.
    pub(crate) fn histories(&mut self) {
        for c in 0..self.children.len() {
            for p in 0..self.children[c].periods.len() {
                self.history(c, p);
            }
        }
    }

    /// The locality of a new placement, from the LA's published shares and the placement.
    fn locality(
        &mut self,
        group: Group,
        ifa: bool,
        place: PlacementType,
        home: Option<Pc>,
    ) -> Locality {
        let t = &self.ctx.targets[1];
        if home.is_none() {
            // Distance not known: only inside or outside the LA matters.
            return if self.rng.chance(t.outside_when_unknown) {
                Locality::OutsideNear
            } else {
                Locality::InsideNear
            };
        }
        let l = self.ctx.location_cells(t);
        let aff: [f64; 4] = match (group, place) {
            (Group::Parents, _) => [1.0, 0.3, 0.0, 0.0],
            (Group::Adoption, _) => [0.4, 1.5, 1.0, 2.0],
            (Group::Foster, _)
                if place.is_foster() && matches!(place, Pt::U1 | Pt::U2 | Pt::U3) =>
            {
                [1.5, 1.0, 1.0, 0.5]
            }
            (Group::Foster, _) if ifa => [0.9, 1.3, 1.0, 1.0],
            (Group::Foster, _) => [1.8, 0.7, 1.0, 0.4],
            (Group::Homes, Pt::K1) | (Group::ResidentialSchool, _) => [0.3, 0.7, 1.0, 3.0],
            (Group::Homes, _) => [0.6, 1.0, 1.0, 2.0],
            (Group::Supported, _) => [1.4, 0.9, 1.0, 0.6],
            (Group::OtherResidential, _) => [0.5, 1.0, 1.0, 1.6],
            _ => [1.0, 1.0, 1.0, 1.0],
        };
        let w: Vec<f64> = (0..4).map(|i| l[i] * aff[i] * self.tuning.locality[i]).collect();
        Locality::ALL[self.rng.weighted(&w).min(3)]
    }

    /// A placement group for a new placement.
    fn choose_group(&mut self, age: i32, ls: LegalStatus, uasc: bool) -> Group {
        if uasc {
            return if age >= 16 {
                self.rng.choose(&[
                    (Group::Supported, 0.62),
                    (Group::Foster, 0.33),
                    (Group::Homes, 0.05),
                ])
            } else {
                self.rng.choose(&[(Group::Foster, 0.8), (Group::Homes, 0.2)])
            };
        }
        let mut w = self.group_weights[age_band(age)];
        for (x, f) in w.iter_mut().zip(self.tuning.groups) {
            *x *= f;
        }
        w[Group::Adoption as usize] = 0.0;
        if !matches!(ls, Ls::C1 | Ls::C2) {
            w[Group::Parents as usize] = 0.0;
        }
        if age < 16 {
            w[Group::Supported as usize] = 0.0;
        }
        if age < 6 {
            w[Group::Homes as usize] = 0.0;
            w[Group::ResidentialSchool as usize] = 0.0;
        }
        if matches!(ls, Ls::L1 | Ls::L2 | Ls::L3 | Ls::J2) {
            return Group::Foster;
        }
        Group::ALL[self.rng.weighted(&w).min(7)]
    }

    /// A concrete placement of a group, with its postcode, URN and provider.
    fn make_setting(
        &mut self,
        group: Group,
        age: i32,
        ls: LegalStatus,
        on: Day,
        home: Option<Pc>,
        adoption_pathway: bool,
    ) -> Setting {
        let ry = register_year(on.max(days::year_start(self.ctx.years[1])));
        let geo = &self.ctx.geo;
        let xxx = || Some(CompactString::from("XXXXXXX"));
        match group {
            Group::Foster => {
                let kin = self.rng.chance(0.22) && !adoption_pathway;
                let place = if kin {
                    Pt::U3
                } else if adoption_pathway && age == 0 && self.rng.chance(0.3) {
                    Pt::U5
                } else {
                    Pt::U6
                };
                let ifa = !kin
                    && self.rng.chance((self.ifa_share + self.tuning.ifa_shift).clamp(0.02, 0.95));
                let loc = self.locality(group, ifa, place, home);
                let pc = geo.place_postcode(home, loc, &mut self.rng);
                if ifa && let Some((urn, provider)) = geo.fostering_agency(ry, pc, &mut self.rng) {
                    return Setting { place, provider: Some(provider), urn: Some(urn.into()), pc };
                }
                // Other LAs' foster carers: about 1% of placements (DfE 2025: other-LA
                // provision 0.8% of children looked after).
                let provider = if self.rng.chance(0.01) {
                    PlacementProvider::Pr2
                } else {
                    PlacementProvider::Pr1
                };
                Setting { place, provider: Some(provider), urn: xxx(), pc }
            }
            Group::Parents => {
                // Mostly at the family home; sometimes with a parent who lives elsewhere.
                let pc = if self.rng.chance(0.85) {
                    home
                } else {
                    let loc = self.locality(group, false, Pt::P1, home);
                    geo.place_postcode(home, loc, &mut self.rng)
                };
                Setting { place: Pt::P1, provider: Some(PlacementProvider::Pr0), urn: None, pc }
            }
            Group::Homes | Group::ResidentialSchool | Group::Supported => {
                let (place, sg) = match group {
                    Group::Homes if age >= 10 && self.rng.chance(0.04) => {
                        (Pt::K1, SettingGroup::SecureChildrensHome)
                    }
                    Group::Homes => (Pt::K2, SettingGroup::ChildrensHome),
                    Group::Supported => (Pt::K3, SettingGroup::SupportedAccommodation),
                    _ => (Pt::S1, SettingGroup::ResidentialSpecialSchool),
                };
                let loc = self.locality(group, false, place, home);
                // Supported accommodation needs no registration before 28 October 2023.
                if place == Pt::K3 && on < sa_registration_day() {
                    let pc = geo.place_postcode(home, loc, &mut self.rng);
                    return Setting {
                        place,
                        provider: Some(PlacementProvider::Pr4),
                        urn: None,
                        pc,
                    };
                }
                let ry = if place == Pt::K3 { 2025 } else { ry };
                let chosen = geo.setting(sg, ry, on, home, loc, &mut self.rng);
                self.setting_from(place, chosen, home, loc)
            }
            Group::OtherResidential => {
                let place = if age >= 15 && (matches!(ls, Ls::J1 | Ls::J2) || self.rng.chance(0.3))
                {
                    Pt::R5
                } else if self.rng.chance(0.7) {
                    Pt::R2
                } else {
                    Pt::R1
                };
                // Health placements are mostly commissioned by the LA and returned as its own
                // provision (DfE 2025: other public provision is 0.2% of children looked after).
                let provider = match place {
                    Pt::R1 => PlacementProvider::Pr4,
                    Pt::R2 if self.rng.chance(0.75) => PlacementProvider::Pr1,
                    _ => PlacementProvider::Pr3,
                };
                let loc = self.locality(group, false, place, home);
                let pc = geo.place_postcode(home, loc, &mut self.rng);
                Setting { place, provider: Some(provider), urn: None, pc }
            }
            Group::Other | Group::Adoption => {
                if age == 0 && self.rng.chance(0.6) {
                    let loc = self.locality(group, false, Pt::R3, home);
                    let chosen = geo.other_setting(
                        ProvisionType::ResidentialFamilyCentre,
                        ry,
                        home,
                        loc,
                        &mut self.rng,
                    );
                    if chosen.is_some() {
                        return self.setting_from(Pt::R3, chosen, home, loc);
                    }
                }
                let place = [Pt::Z11, Pt::Z12, Pt::Z13, Pt::Z14][self.rng.below(4)];
                let loc = self.locality(group, false, place, home);
                let pc = geo.place_postcode(home, loc, &mut self.rng);
                Setting { place, provider: None, urn: None, pc }
            }
        }
    }

    fn setting_from(
        &mut self,
        place: PlacementType,
        chosen: Option<Chosen>,
        home: Option<Pc>,
        loc: Locality,
    ) -> Setting {
        match chosen {
            Some(ch) => {
                let pc = ch.pc.or_else(|| self.ctx.geo.place_postcode(home, loc, &mut self.rng));
                Setting { place, provider: ch.provider, urn: ch.urn.map(CompactString::from), pc }
            }
            None => {
                let pc = self.ctx.geo.place_postcode(home, loc, &mut self.rng);
                Setting { place, provider: Some(PlacementProvider::Pr4), urn: None, pc }
            }
        }
    }

    /// An adoption placement.
    fn adoption_setting(
        &mut self,
        with_carers: bool,
        current: &Setting,
        home: Option<Pc>,
    ) -> Setting {
        let place = if with_carers { Pt::A5 } else { Pt::A6 };
        if with_carers {
            return Setting {
                place,
                provider: current
                    .provider
                    .filter(|p| *p != PlacementProvider::Pr4)
                    .or(Some(PlacementProvider::Pr1)),
                urn: Some("XXXXXXX".into()),
                pc: current.pc,
            };
        }
        let ry = register_year(self.ctx.year_bounds(0).0);
        let loc = self.locality(Group::Adoption, false, place, home);
        if self.rng.chance(0.15)
            && let Some(ch) = self.ctx.geo.other_setting(
                ProvisionType::VoluntaryAdoptionAgency,
                ry,
                home,
                loc,
                &mut self.rng,
            )
        {
            let pc = self.ctx.geo.place_postcode(home, loc, &mut self.rng);
            let provider = Some(PlacementProvider::Pr5);
            return Setting { place, provider, urn: ch.urn.map(CompactString::from), pc };
        }
        let pc = self.ctx.geo.place_postcode(home, loc, &mut self.rng);
        let provider =
            if self.rng.chance(0.8) { PlacementProvider::Pr1 } else { PlacementProvider::Pr2 };
        Setting { place, provider: Some(provider), urn: Some("XXXXXXX".into()), pc }
    }

    fn move_reason(&mut self, age: i32, to: PlacementType) -> ReasonPlaceChange {
        use ReasonPlaceChange::*;
        if to == Pt::R5 && age >= 10 {
            return Custod;
        }
        self.rng.choose(&[
            (Carpl, 0.42),
            (Creqb, 0.12),
            (Creqo, 0.09),
            (Child, 0.07),
            (Lareq, 0.10),
            (Alleg, 0.03),
            (Stand, 0.03),
            (Close, 0.05),
            (Apprr, 0.01),
            (Other, 0.08),
        ])
    }

    /// The episodes of one period.
    fn history(&mut self, c: usize, p: usize) {
        let child = &self.children[c];
        let (dob, uasc, forced_moves) = (child.dob, child.uasc, child.forced_moves);
        let instability = child.instability;
        let period = child.periods[p].clone();
        let t0 = self.ctx.stock_day();
        let horizon = self.ctx.horizon();
        let end = period.end.unwrap_or(horizon);
        let home = period.home;
        let adoption = period.adoption;
        let age_on = |d: Day| days::age_at(dob, d);

        // The first episode: the stock state, or the start of care.
        let (mut ls, first_decom, first_rne, mut setting);
        match period.stock {
            Some(mut s) => {
                ls = s.ls;
                // Supported accommodation open when registration became mandatory had
                // registered by then: the open episode starts there (RNE T) with a URN.
                let registered = s.group == Group::Supported
                    && s.placed < sa_registration_day()
                    && t0 >= sa_registration_day();
                if registered {
                    s.placed = sa_registration_day();
                }
                let mut setting0 = if s.group == Group::Adoption {
                    let a = adoption.is_some_and(|a| a.foster_carers);
                    let foster = self.make_setting(
                        Group::Foster,
                        age_on(s.placed),
                        ls,
                        s.placed,
                        home,
                        true,
                    );
                    self.adoption_setting(a, &foster, home)
                } else {
                    self.make_setting(
                        s.group,
                        age_on(s.placed),
                        ls,
                        s.placed,
                        home,
                        adoption.is_some(),
                    )
                };
                // Long-standing foster placements are long term by the stock date.
                if t0 - s.placed > 365 {
                    setting0.place = match setting0.place {
                        Pt::U6 => Pt::U4,
                        Pt::U3 => Pt::U1,
                        other => other,
                    };
                }
                setting = setting0;
                // A placement order made during the placement starts its own episode (rule 554:
                // the decision comes on or before the first E1 episode).
                let order_later =
                    adoption.filter(|a| ls == Ls::E1 && a.order > s.placed).map(|a| a.order);
                first_decom = order_later.unwrap_or(s.placed);
                first_rne = if first_decom == period.start {
                    Rne::S
                } else if order_later.is_some() {
                    Rne::L
                } else if matches!(setting.place, Pt::A3 | Pt::A5) || registered {
                    // Placed for adoption with the foster carers, or a setting that registered:
                    // same carers (rule 217).
                    Rne::T
                } else {
                    *self
                        .rng
                        .pick(&[Rne::P, Rne::P, Rne::P, Rne::P, Rne::L, Rne::B])
                        .unwrap_or(&Rne::P)
                };
            }
            None => {
                let age = age_on(period.start);
                ls = if uasc {
                    Ls::V2
                } else if adoption.is_some() {
                    if self.rng.chance(0.2) { Ls::L2 } else { Ls::C1 }
                } else {
                    let j = if age >= 12 { 0.07 } else { 0.0 };
                    let c1 = if age == 0 { 0.5 } else { 0.33 };
                    self.rng.choose(&[
                        (Ls::V2, 0.42),
                        (Ls::C1, c1),
                        (Ls::L1, 0.08),
                        (Ls::L2, 0.05),
                        (Ls::L3, 0.005),
                        (Ls::C2, 0.03),
                        (Ls::J1, j),
                    ])
                };
                let group = if adoption.is_some() {
                    Group::Foster
                } else {
                    self.choose_group(age, ls, uasc)
                };
                setting = self.make_setting(group, age, ls, period.start, home, adoption.is_some());
                first_decom = period.start;
                first_rne = Rne::S;
            }
        }
        let mut eps: Vec<Ep> = vec![Ep {
            decom: first_decom,
            rne: first_rne,
            ls,
            place: setting.place,
            provider: setting.provider,
            urn: setting.urn.clone(),
            pc: setting.pc,
            dec: None,
            rec: None,
            rpc: None,
        }];
        // Nothing changes before the stock date: earlier episodes are in no return.
        let mut t = first_decom.max(if period.stock.is_some() { t0 } else { first_decom });
        let mut place_start = first_decom;

        // Outlier: n placements in the current year, all carer changes.
        let mut outlier_days: Vec<Day> = Vec::new();
        if let Some(n) = forced_moves {
            let (ys, ye) = self.ctx.year_bounds(1);
            let step = (ye - ys) / (n as i32 + 1);
            outlier_days = (1..n as i32).map(|i| ys + i * step.max(2)).collect();
        }

        let sixteen = days::add_years(dob, 16);
        let from16 = sixteen.max(t) + 1;
        let latest = days::add_years(dob, 18) - 45;
        let chance = if uasc { 0.8 } else { self.supported_at_16 };
        let to_supported = (forced_moves.is_none()
            && adoption.is_none()
            && latest > from16
            && self.rng.chance(chance))
        .then(|| {
            // Most moves come soon after the 16th birthday.
            let u = self.rng.f64();
            from16 + (f64::from(latest - from16) * u * u) as i32
        });
        let mut next_move = t + self.time_to_move(instability, setting.place) + 1;
        let mut next_ls = self.next_ls_change(ls, t, period.start);
        let mut temp_return: Option<(Day, Setting)> = None;
        let mut guard = 0;
        loop {
            guard += 1;
            if guard > 400 {
                break;
            }
            // Candidate events after t.
            let mut cands: Vec<(Day, u8)> = Vec::new();
            if let Some((d, _)) = &temp_return {
                cands.push((*d, 0));
            } else {
                if forced_moves.is_some() {
                    if let Some(&d) = outlier_days.iter().find(|&&d| d > t) {
                        cands.push((d, 1));
                    }
                } else if adoption.is_none_or(|a| a.placed.is_none_or(|pl| pl > next_move)) {
                    cands.push((next_move, 1));
                }
                if let Some(d) = next_ls {
                    cands.push((d, 2));
                }
                if let Some(a) = adoption {
                    if a.order > t && ls != Ls::E1 {
                        cands.push((a.order, 3));
                    }
                    if let Some(pl) = a.placed
                        && pl > t
                        && !setting.place.is_adoption()
                    {
                        cands.push((pl, 4));
                    }
                }
                // Long-term foster: the same carers, a new placement type (RNE T).
                if matches!(setting.place, Pt::U6 | Pt::U3)
                    && matches!(ls, Ls::C2)
                    && adoption.is_none()
                {
                    let d = place_start + 400;
                    if d > t {
                        cands.push((d, 5));
                    }
                }
                // Move to supported accommodation between 16 and 18.
                if let Some(d) = to_supported
                    && d > t
                    && matches!(setting.place, Pt::U1 | Pt::U3 | Pt::U4 | Pt::U6 | Pt::K2)
                {
                    cands.push((d, 6));
                }
                // Registration of supported accommodation (RNE T, URN from now on).
                if setting.place == Pt::K3 && setting.urn.is_none() && sa_registration_day() > t {
                    cands.push((sa_registration_day(), 7));
                }
                // A short temporary placement now and then (foster carers' holiday etc.).
                if setting.place.is_foster() && forced_moves.is_none() && (c * 31 + p) % 29 == 0 {
                    let d = place_start + 90 + ((c * 13) % 200) as i32;
                    if d > t + 1 {
                        cands.push((d, 8));
                    }
                }
            }
            let Some(&(when, _)) = cands.iter().min_by_key(|(d, k)| (*d, *k)) else { break };
            let when = when.max(t + 1);
            // Leave room: the last episode lasts at least a day, temporary ones return in time.
            if when >= end - 1 {
                break;
            }
            let age = age_on(when);
            let kinds: Vec<u8> =
                cands.iter().filter(|(d, _)| (*d).max(t + 1) == when).map(|(_, k)| *k).collect();
            let before = Setting {
                place: setting.place,
                provider: setting.provider,
                urn: setting.urn.clone(),
                pc: setting.pc,
            };
            let old_ls = ls;
            let mut carer_change = false;
            let mut same_carer = false;
            let mut rpc: Option<ReasonPlaceChange> = None;
            let mut new_rne_override: Option<ReasonNewEpisode> = None;
            for k in &kinds {
                match k {
                    0 => {
                        if let Some((_, back)) = temp_return.take() {
                            setting = back;
                            new_rne_override = Some(Rne::P);
                        }
                    }
                    1 => {
                        let group = self.choose_group(age, ls, uasc);
                        let new = self.make_setting(group, age, ls, when, home, adoption.is_some());
                        rpc = Some(self.move_reason(age, new.place));
                        setting = new;
                        carer_change = true;
                        next_move = when + self.time_to_move(instability, setting.place) + 2;
                    }
                    2 => {
                        ls = self.ls_after(ls, age, matches!(setting.place, Pt::P1));
                        next_ls = self.next_ls_change(ls, when, period.start);
                    }
                    3 => {
                        ls = Ls::E1;
                        next_ls = None;
                    }
                    4 => {
                        // Adopted by the foster carers only from a foster placement.
                        let with =
                            adoption.is_some_and(|a| a.foster_carers) && setting.place.is_foster();
                        let new = self.adoption_setting(with, &setting, home);
                        if with {
                            same_carer = true;
                            rpc = Some(ReasonPlaceChange::Place);
                        } else {
                            carer_change = true;
                            rpc = Some(ReasonPlaceChange::Carpl);
                        }
                        setting = new;
                        next_move = end + 1;
                    }
                    5 if matches!(setting.place, Pt::U6 | Pt::U3) => {
                        setting.place = if setting.place == Pt::U6 { Pt::U4 } else { Pt::U1 };
                        same_carer = true;
                        rpc = Some(ReasonPlaceChange::Place);
                    }
                    6 if age >= 16 && !setting.place.is_adoption() => {
                        let new = self.make_setting(Group::Supported, age, ls, when, home, false);
                        setting = new;
                        carer_change = true;
                        rpc = Some(ReasonPlaceChange::Carpl);
                    }
                    7 if setting.place == Pt::K3 => {
                        if let Some(ch) = self.ctx.geo.setting(
                            SettingGroup::SupportedAccommodation,
                            2025,
                            when,
                            home,
                            Locality::InsideNear,
                            &mut self.rng,
                        ) {
                            setting.urn = ch.urn.map(CompactString::from);
                            setting.provider = ch.provider;
                            if let Some(pc) = ch.pc {
                                setting.pc = Some(pc);
                            }
                            same_carer = true;
                            rpc = Some(ReasonPlaceChange::Place);
                        }
                    }
                    8 => {
                        let days_away = self.rng.range(2, 6);
                        if when + days_away < end - 2
                            && next_move > when + days_away + 2
                            && next_ls.is_none_or(|d| d > when + days_away + 2)
                        {
                            let place = *self
                                .rng
                                .pick(&[Pt::T3, Pt::T4, Pt::T4, Pt::T1])
                                .unwrap_or(&Pt::T4);
                            let pc = self.ctx.geo.place_postcode(
                                home,
                                Locality::InsideNear,
                                &mut self.rng,
                            );
                            temp_return = Some((when + days_away, before.clone()));
                            setting = Setting { place, provider: None, urn: None, pc };
                            new_rne_override = Some(Rne::P);
                        }
                    }
                    _ => {}
                }
            }
            let placement_changed = carer_change || same_carer || new_rne_override.is_some();
            let ls_changed = ls != old_ls;
            if !placement_changed && !ls_changed {
                t = when;
                continue;
            }
            // Age limits on placements (rules 371–374): fall back to foster care.
            if (setting.place == Pt::K3 && age < 16)
                || (setting.place == Pt::S1 && age < 4)
                || (setting.place == Pt::R5 && age < 10)
            {
                setting = self.make_setting(Group::Foster, age, ls, when, home, false);
                carer_change = true;
                rpc.get_or_insert(ReasonPlaceChange::Carpl);
            }
            // Placed with parents needs a care order (rule 378).
            if setting.place == Pt::P1 && !matches!(ls, Ls::C1 | Ls::C2) {
                setting = self.make_setting(Group::Foster, age, ls, when, home, false);
                carer_change = true;
                rpc.get_or_insert(ReasonPlaceChange::Carpl);
            }
            let rne = match new_rne_override {
                Some(r) => r,
                None => match (ls_changed, carer_change, same_carer) {
                    (true, true, _) => Rne::B,
                    (true, false, true) => Rne::U,
                    (true, false, false) => Rne::L,
                    (false, true, _) => Rne::P,
                    (false, false, _) => Rne::T,
                },
            };
            // Rules 225/226: the reason goes on the ending episode, except around temporary
            // placements and for legal-status-only changes.
            let last = eps.len() - 1;
            let into_temp = setting.place.is_temporary();
            let from_temp = eps[last].place.is_temporary();
            eps[last].dec = Some(when);
            eps[last].rec = Some(Rec::X1);
            eps[last].rpc = match rne {
                Rne::L => None,
                _ if into_temp || from_temp => None,
                _ => Some(rpc.unwrap_or(ReasonPlaceChange::Carpl)),
            };
            if rne != Rne::L {
                place_start = when;
            }
            eps.push(Ep {
                decom: when,
                rne,
                ls,
                place: setting.place,
                provider: setting.provider,
                urn: setting.urn.clone(),
                pc: setting.pc,
                dec: None,
                rec: None,
                rpc: None,
            });
            t = when;
        }
        // A period cannot end in a temporary placement (rule 381): end at the return instead.
        if let Some((_, back)) = temp_return.take()
            && period.end.is_some()
        {
            let last = eps.len() - 1;
            let decom = eps[last].decom;
            eps[last] = Ep {
                decom,
                rne: Rne::P,
                ls,
                place: back.place,
                provider: back.provider,
                urn: back.urn,
                pc: back.pc,
                dec: None,
                rec: None,
                rpc: None,
            };
        }
        let rec = period.end.map(|e| {
            let last = &eps[eps.len() - 1];
            self.exit_reason(&period, last, age_on(e), uasc)
        });
        if let (Some(e), Some(r)) = (period.end, rec) {
            let last = eps.len() - 1;
            eps[last].dec = Some(e);
            eps[last].rec = Some(r);
        }
        let period = &mut self.children[c].periods[p];
        period.episodes = eps;
        period.rec = rec;
    }

    /// Days until the next change of carer: children's own instability, times how long
    /// placements of this kind usually last (hospital stays and "other" placements are short,
    /// placements with parents long).
    fn time_to_move(&mut self, instability: f64, place: PlacementType) -> i32 {
        let kind = match Group::of(place) {
            Some(Group::Other | Group::OtherResidential) => 3.0,
            Some(Group::Homes) => 1.4,
            Some(Group::Parents) => 0.5,
            Some(Group::Adoption) => 0.1,
            _ => 0.9,
        };
        let mut rate = 0.8 * instability * kind * self.tuning.moves;
        // Hospital stays and "other" arrangements last months, not years, for anyone.
        if kind >= 3.0 {
            rate = rate.max(3.0);
        }
        self.rng.exp(365.0 / rate.max(0.01)).min(20_000.0) as i32
    }

    fn next_ls_change(&mut self, ls: LegalStatus, t: Day, start: Day) -> Option<Day> {
        let d = match ls {
            Ls::L1 => t + self.rng.range(1, 2),
            Ls::L2 => t + self.rng.range(2, 8),
            Ls::L3 => t + self.rng.range(1, 6),
            Ls::J2 => t + 1,
            Ls::J1 => t + self.rng.range(20, 120),
            Ls::V2 if self.rng.chance(0.15) => t + self.rng.range(30, 300),
            Ls::C1 => (start + self.rng.range(150, 330)).max(t + 1),
            _ => return None,
        };
        Some(d)
    }

    fn ls_after(&mut self, ls: LegalStatus, age: i32, with_parents: bool) -> LegalStatus {
        match ls {
            Ls::L1 | Ls::L2 | Ls::L3 => {
                if with_parents || self.rng.chance(0.6) {
                    Ls::C1
                } else {
                    Ls::V2
                }
            }
            Ls::J1 | Ls::J2 => Ls::V2,
            Ls::V2 => {
                if age < 16 {
                    Ls::C1
                } else {
                    Ls::V2
                }
            }
            Ls::C1 => Ls::C2,
            other => other,
        }
    }

    /// `REC` of a period's last episode.
    fn exit_reason(
        &mut self,
        period: &Period,
        last: &Ep,
        age: i32,
        uasc: bool,
    ) -> ReasonEpisodeCeased {
        let place = last.place;
        match period.exit {
            Exit::Adopted if place.is_adoption() => {
                return if self.rng.chance(0.7) { Rec::E11 } else { Rec::E12 };
            }
            Exit::Age18 => {
                return if place.is_foster() {
                    self.rng.choose(&[
                        (Rec::E17, 0.45),
                        (Rec::E5, 0.25),
                        (Rec::E6, 0.05),
                        (Rec::E8, 0.1),
                        (Rec::E4A, 0.1),
                        (Rec::E13, 0.05),
                    ])
                } else if uasc {
                    self.rng.choose(&[(Rec::E5, 0.6), (Rec::E6, 0.1), (Rec::E8, 0.3)])
                } else {
                    self.rng.choose(&[
                        (Rec::E5, 0.55),
                        (Rec::E6, 0.1),
                        (Rec::E8, 0.15),
                        (Rec::E4A, 0.12),
                        (Rec::E13, 0.05),
                        (Rec::E7, 0.03),
                    ])
                };
            }
            _ => {}
        }
        if period.reenters {
            return self.rng.choose(&[
                (Rec::E4A, 0.6),
                (Rec::E4B, 0.15),
                (Rec::E13, 0.15),
                (Rec::E8, 0.1),
            ]);
        }
        if uasc {
            return self.rng.choose(&[
                (Rec::E8, 0.4),
                (Rec::E15, 0.3),
                (Rec::E3, 0.2),
                (Rec::E16, 0.1),
            ]);
        }
        if matches!(last.ls, Ls::J1 | Ls::J2) {
            return self.rng.choose(&[(Rec::E14, 0.7), (Rec::E9, 0.2), (Rec::E4A, 0.1)]);
        }
        if age >= 16 {
            return self.rng.choose(&[
                (Rec::E5, 0.22),
                (Rec::E6, 0.05),
                (Rec::E4A, 0.28),
                (Rec::E13, 0.12),
                (Rec::E8, 0.18),
                (Rec::E9, 0.03),
                (Rec::E3, 0.04),
                (Rec::E4B, 0.08),
            ]);
        }
        match place {
            Pt::P1 => self.rng.choose(&[
                (Rec::E4A, 0.6),
                (Rec::E41, 0.25),
                (Rec::E4B, 0.1),
                (Rec::E8, 0.05),
            ]),
            Pt::U1 | Pt::U2 | Pt::U3 => self.rng.choose(&[
                (Rec::E45, 0.4),
                (Rec::E4A, 0.25),
                (Rec::E41, 0.15),
                (Rec::E13, 0.1),
                (Rec::E8, 0.1),
            ]),
            Pt::U4 | Pt::U5 | Pt::U6 => self.rng.choose(&[
                (Rec::E4A, 0.42),
                (Rec::E4B, 0.08),
                (Rec::E47, 0.12),
                (Rec::E46, 0.06),
                (Rec::E48, 0.04),
                (Rec::E41, 0.07),
                (Rec::E13, 0.07),
                (Rec::E3, 0.05),
                (Rec::E8, 0.07),
                (Rec::E16, 0.01),
                (Rec::E2, 0.002),
            ]),
            _ => self.rng.choose(&[
                (Rec::E4A, 0.55),
                (Rec::E4B, 0.1),
                (Rec::E13, 0.1),
                (Rec::E8, 0.15),
                (Rec::E3, 0.05),
                (Rec::E48, 0.05),
            ]),
        }
    }
}
