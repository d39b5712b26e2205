//! One record per child per LA and year: every fact the indicators count, derived once from the
//! return (spec `ssda903.md` §7, `indicators.md` §0).
//!
//! Conventions (spec `indicators.md` §0):
//! * episodes with legal status V3 or V4 (short breaks) are left out before anything else;
//! * a child is looked after on day D when an episode began on or before D and had not ended by
//!   then (`DEC` blank or after D): on the day an episode ends the child is in the next one, or
//!   out of care;
//! * ages are completed years on 31 March (on the day itself for missing incidents);
//! * earlier returns of the same LA, when given, supply history: the episodes of a child that
//!   ended on or before the child's first episode in the later return. Open episodes in an
//!   earlier return are superseded by the later one (the DfE keeps the latest submission).

use carelens_model::codes::{
    Accommodation, Activity, CategoryOfNeed, EthnicGroup, InTouch, LegalStatus, MissingKind,
    PlacementProvider, PlacementType, ReasonEpisodeCeased, ReasonNewEpisode, SexCode,
};
use carelens_model::{
    CareHistory, ChildId, CollectionYear, Date, Episode, LaCode, PlacementArea, PlacementLocation,
    PostcodePrecision, Return903, SwEpisode, care_histories_of, social_worker_changes,
};
use jiff::Span;

use crate::fxhash::{FxMap, FxSet};
use crate::stays::{PlacementCounting, Stay, StayKind, count_placements, counted_stays, stays};

/// Everything the indicators know about one child in one LA's return for one year.
///
/// Built for every child in the return's Episodes, Header, Missing, SWEpisodes, OC2 or OC3
/// tables. It holds no postcode and no date of birth, only what is derived from them.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ChildRecord {
    /// The LA's identifier for the child.
    pub child: ChildId,
    /// The responsible LA (`None` only when a return without one is measured on its own).
    pub la: Option<LaCode>,
    /// The collection year.
    pub year: CollectionYear,
    /// Age in completed years on 31 March (from Header `DOB`, else the child's `DOB` in
    /// another table); `None` when no valid date of birth was sent.
    pub age: Option<i16>,
    /// `SEX` from Header.
    pub sex: Option<SexCode>,
    /// The DfE ethnic group of Header `ETHNIC`.
    pub ethnicity: Option<EthnicGroup>,
    /// An unaccompanied asylum-seeking child on 31 March: in the UASC table with `DUC` blank
    /// or after 31 March.
    pub uasc: bool,
    /// Looked after at some time in the year (on 31 March the year before, or started during
    /// the year).
    pub looked_after_in_year: bool,
    /// The placement on 31 March, when looked after then.
    pub at_31_march: Option<AtYearEnd>,
    /// Started to be looked after during the year (an episode with `RNE` S and `DECOM` in the
    /// year).
    pub started: bool,
    /// `CIN` of the first episode that started care in the year.
    pub started_cin: Option<CategoryOfNeed>,
    /// Ceased to be looked after during the year (an episode with `REC` other than X1 and `DEC`
    /// in the year).
    pub ceased: bool,
    /// `REC` of the last time the child ceased to be looked after in the year.
    pub ceased_reason: Option<ReasonEpisodeCeased>,
    /// Placements open at some time in the year, counted as [`PlacementCounting`] says.
    pub placements: u16,
    /// Placement changes in the year in the Stability Index's sense: changes of carer (`RNE`
    /// P or B, temporary placements and returns from them left out) and re-entries to care,
    /// the first entry to care in the year not counted.
    pub moves: u16,
    /// For a child looked after on 31 March who had been looked after for at least 2 years:
    /// placements in those 2 years.
    pub two_year_placements: Option<u16>,
    /// For a child in the long-term stability cohort (under 16 on 31 March, looked after for
    /// at least 2½ years): whether the child had lived with the same carer for at least 2
    /// years, or was placed for adoption with the placement before it making 2 years.
    pub long_term_stable: Option<bool>,
    /// Changes of social worker in the year (SWEpisodes; `None` when the table was not sent).
    pub social_worker_changes: Option<u16>,
    /// Distinct social workers (`SW_ID`) allocated at some time in the year (`None` when the
    /// table was not sent).
    pub social_workers: Option<u16>,
    /// Missing and away-from-placement incidents.
    pub missing: MissingFacts,
    /// Days in the year on which the child was under 16 and placed in semi-independent or
    /// independent living or supported accommodation (H5, P2, K3), which the law has barred
    /// for under-16s since 9 September 2021.
    pub days_under_16_in_barred_settings: u16,
    /// The child's OC2 row (looked after continuously for 12 months at 31 March).
    pub oc2: Option<Oc2Facts>,
    /// The child's OC3 row (care leaver).
    pub oc3: Option<Oc3Facts>,
}

impl ChildRecord {
    fn new(child: &ChildId, la: Option<LaCode>, year: CollectionYear) -> Self {
        Self {
            child: child.clone(),
            la,
            year,
            age: None,
            sex: None,
            ethnicity: None,
            uasc: false,
            looked_after_in_year: false,
            at_31_march: None,
            started: false,
            started_cin: None,
            ceased: false,
            ceased_reason: None,
            placements: 0,
            moves: 0,
            two_year_placements: None,
            long_term_stable: None,
            social_worker_changes: None,
            social_workers: None,
            missing: MissingFacts::default(),
            days_under_16_in_barred_settings: 0,
            oc2: None,
            oc3: None,
        }
    }

    /// Looked after on 31 March.
    pub fn is_cla(&self) -> bool {
        self.at_31_march.is_some()
    }
}

/// The placement of a child looked after on 31 March: the episode open at the end of that day.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub struct AtYearEnd {
    /// `PLACE`.
    pub place: Option<PlacementType>,
    /// `LS`.
    pub legal_status: Option<LegalStatus>,
    /// `CIN`.
    pub cin: Option<CategoryOfNeed>,
    /// `PLACE_PROVIDER` (`None`: blank or not valid).
    pub provider: Option<PlacementProvider>,
    /// The derived `PL_LA`.
    pub pl_la: Option<PlacementArea>,
    /// The derived `PL_LOCATION` (`None`: placement postcode blank or not found).
    pub location: Option<PlacementLocation>,
    /// The derived `PL_DISTANCE` in miles (`None`: a postcode blank or not found).
    pub distance: Option<f64>,
    /// The distance or location came from a sector or district centroid (pseudonymised
    /// postcodes).
    pub approximate: bool,
}

/// A child's missing and away-from-placement incidents in the year.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct MissingFacts {
    /// Missing incidents (`MISSING` M) that began in the year.
    pub missing_incidents: u16,
    /// Away-from-placement incidents (`MISSING` A) that began in the year.
    pub away_incidents: u16,
    /// Missing at 31 March: an M incident begun by then and not ended by then.
    pub missing_at_31_march: bool,
    /// Away at 31 March.
    pub away_at_31_march: bool,
    /// Missing incidents that began in the year by age at their start: 0–4, 5–9, 10–15, 16+.
    pub missing_by_age: [u16; 4],
}

/// A child's OC2 row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Oc2Facts {
    /// Age on 31 March.
    pub age: Option<i16>,
    /// `HEALTH_ASSESSMENT` = 1.
    pub health_assessment: bool,
    /// `TEETH_CHECK` = 1.
    pub teeth_checked: bool,
    /// `IMMUNISATIONS` = 1.
    pub immunisations: bool,
    /// `HEALTH_CHECK` = 1 (development assessments up to date).
    pub development_checked: bool,
    /// `CONVICTED` = 1.
    pub convicted: bool,
    /// `SUBSTANCE_MISUSE` = 1.
    pub substance_misuse: bool,
    /// `INTERVENTION_RECEIVED` = 1.
    pub intervention_received: bool,
    /// `SDQ_SCORE`, when given (0–40).
    pub sdq_score: Option<u8>,
}

/// A care leaver's OC3 row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Oc3Facts {
    /// Age on 31 March (the age reached at the birthday in the year).
    pub age: Option<i16>,
    /// `IN_TOUCH`.
    pub in_touch: Option<InTouch>,
    /// `ACTIV`.
    pub activity: Option<Activity>,
    /// `ACCOM`.
    pub accommodation: Option<Accommodation>,
    /// The child's last period of care in the returns given ended with `REC` E3 (care taken
    /// over by another LA).
    pub transferred: bool,
}

/// The care leaver age groups the DfE publishes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LeaverAge {
    /// Aged 17 or 18.
    From17To18,
    /// Aged 19, 20 or 21.
    From19To21,
}

impl Oc3Facts {
    /// The age group, when the care leaver is 17 to 21.
    pub fn age_group(&self) -> Option<LeaverAge> {
        match self.age? {
            17..=18 => Some(LeaverAge::From17To18),
            19..=21 => Some(LeaverAge::From19To21),
            _ => None,
        }
    }

    /// In the DfE's care leaver cohort of `group`: the right age, not died (`IN_TOUCH` DIED),
    /// not returned home for 6 months or more (RHOM), and not transferred to another LA (E3).
    pub fn in_cohort(&self, group: LeaverAge) -> bool {
        self.age_group() == Some(group)
            && !matches!(self.in_touch, Some(InTouch::Died | InTouch::Rhom))
            && !self.transferred
    }
}

/// What one LA-year computation reads.
pub(crate) struct UnitInput<'a> {
    pub(crate) la: Option<LaCode>,
    pub(crate) year: CollectionYear,
    pub(crate) current: &'a Return903,
    /// Earlier returns of the same LA, most recent first.
    pub(crate) earlier: &'a [Return903],
}

/// Age in completed years on `on`.
pub(crate) fn age_on(dob: Date, on: Date) -> i16 {
    let mut age = on.year() - dob.year();
    if (on.month(), on.day()) < (dob.month(), dob.day()) {
        age -= 1;
    }
    age
}

/// Looked after at the end of `day` in period-of-care terms.
fn in_care_on(h: &CareHistory<'_>, day: Date) -> bool {
    h.periods.iter().any(|p| p.start <= day && p.end.is_none_or(|e| e > day))
}

/// Builds the records of one LA and year.
pub(crate) fn build(input: &UnitInput<'_>, counting: PlacementCounting) -> Vec<ChildRecord> {
    let year = input.year;
    let end = year.end();
    let tables = &input.current.tables;
    let rows = episodes_with_history(input);
    let histories = care_histories_of(rows, true);

    // Dates of birth first: Header, else the child's DOB in another table.
    let mut dobs: FxMap<&ChildId, Date> = FxMap::default();
    dobs.reserve(histories.len() * 2);
    let all_dobs = tables
        .header
        .iter()
        .map(|h| (h.child.value(), h.dob.get()))
        .chain(tables.uasc.iter().map(|u| (u.child.value(), u.dob.get())))
        .chain(tables.oc2.iter().map(|o| (o.child.value(), o.dob.get())))
        .chain(tables.oc3.iter().map(|o| (o.child.value(), o.dob.get())))
        .chain(tables.missing.iter().map(|m| (m.child.value(), m.dob.get())))
        .chain(tables.sw_episodes.iter().map(|s| (s.child.value(), s.dob.get())));
    for (child, dob) in all_dobs {
        if let (Some(child), Some(dob)) = (child, dob) {
            dobs.entry(child).or_insert(dob);
        }
    }

    let mut index: FxMap<&ChildId, usize> = FxMap::default();
    index.reserve(histories.len() * 2);
    let mut records: Vec<ChildRecord> = Vec::with_capacity(histories.len() + histories.len() / 4);
    let mut transferred: FxSet<&ChildId> = FxSet::default();
    for h in &histories {
        index.insert(h.child, records.len());
        let mut r = ChildRecord::new(h.child, input.la, year);
        episode_facts(&mut r, h, dobs.get(h.child).copied(), input.la, counting);
        records.push(r);
        if h.periods.last().and_then(|p| p.end_reason) == Some(ReasonEpisodeCeased::E3) {
            transferred.insert(h.child);
        }
    }

    macro_rules! record {
        ($child:expr) => {{
            let child: &ChildId = $child;
            match index.get(child) {
                Some(&i) => &mut records[i],
                None => {
                    let i = records.len();
                    index.insert(child, i);
                    records.push(ChildRecord::new(child, input.la, year));
                    &mut records[i]
                }
            }
        }};
    }

    for row in tables.header.iter() {
        let Some(child) = row.child.value() else { continue };
        let r = record!(child);
        if r.sex.is_none() {
            r.sex = row.sex.get();
        }
        if r.ethnicity.is_none() {
            r.ethnicity = row.ethnic.get().map(|e| e.group());
        }
    }

    for u in tables.uasc.iter() {
        if let Some(child) = u.child.value()
            && u.duc.get().is_none_or(|d| d > end)
        {
            record!(child).uasc = true;
        }
    }

    for m in tables.missing.iter() {
        let (Some(child), Some(kind), Some(start)) =
            (m.child.value(), m.missing.get(), m.mis_start.get())
        else {
            continue;
        };
        let at_end = start <= end && m.mis_end.get().is_none_or(|e| e > end);
        let age = dobs.get(child).map(|dob| age_on(*dob, start));
        let f = &mut record!(child).missing;
        match kind {
            MissingKind::M => {
                if year.contains(start) {
                    f.missing_incidents = f.missing_incidents.saturating_add(1);
                    if let Some(age) = age {
                        let band = match age {
                            ..=4 => 0,
                            5..=9 => 1,
                            10..=15 => 2,
                            _ => 3,
                        };
                        f.missing_by_age[band] = f.missing_by_age[band].saturating_add(1);
                    }
                }
                f.missing_at_31_march |= at_end;
            }
            MissingKind::A => {
                if year.contains(start) {
                    f.away_incidents = f.away_incidents.saturating_add(1);
                }
                f.away_at_31_march |= at_end;
            }
        }
    }

    if tables.sw_episodes.supplied {
        let mut by_child: FxMap<&ChildId, Vec<&SwEpisode>> = FxMap::default();
        for s in tables.sw_episodes.iter() {
            if let Some(child) = s.child.value() {
                by_child.entry(child).or_default().push(s);
            }
        }
        let mut children: Vec<(&ChildId, Vec<&SwEpisode>)> = by_child.into_iter().collect();
        children.sort_by(|a, b| a.0.cmp(b.0));
        let mut ids: Vec<&str> = Vec::new();
        for (child, rows) in children {
            let changes = social_worker_changes(&rows, year);
            ids.clear();
            ids.extend(
                rows.iter()
                    .filter(|s| {
                        s.sw_decom.get().is_some_and(|d| d <= end)
                            && s.sw_dec.get().is_none_or(|d| d >= year.start())
                    })
                    .filter_map(|s| s.sw_id.value().map(|id| id.as_str())),
            );
            ids.sort_unstable();
            ids.dedup();
            let r = record!(child);
            r.social_worker_changes = Some(u16::try_from(changes).unwrap_or(u16::MAX));
            r.social_workers = Some(u16::try_from(ids.len()).unwrap_or(u16::MAX));
        }
    }

    for o in tables.oc2.iter() {
        let Some(child) = o.child.value() else { continue };
        let age = dobs.get(child).copied().or(o.dob.get()).map(|d| age_on(d, end));
        let r = record!(child);
        if r.oc2.is_some() {
            continue; // one row per child; a second is a validation matter
        }
        r.oc2 = Some(Oc2Facts {
            age,
            health_assessment: o.health_assessment.get() == Some(true),
            teeth_checked: o.teeth_check.get() == Some(true),
            immunisations: o.immunisations.get() == Some(true),
            development_checked: o.health_check.get() == Some(true),
            convicted: o.convicted.get() == Some(true),
            substance_misuse: o.substance_misuse.get() == Some(true),
            intervention_received: o.intervention_received.get() == Some(true),
            sdq_score: o.sdq_score.get().filter(|s| *s <= 40),
        });
    }

    for o in tables.oc3.iter() {
        let Some(child) = o.child.value() else { continue };
        // The OC3 row's own date of birth: the birthday the row is reported around.
        let age = o.dob.get().or_else(|| dobs.get(child).copied()).map(|d| age_on(d, end));
        let is_transferred = transferred.contains(child);
        let r = record!(child);
        if r.oc3.is_some() {
            continue;
        }
        r.oc3 = Some(Oc3Facts {
            age,
            in_touch: o.in_touch.get(),
            activity: o.activ.get(),
            accommodation: o.accom.get(),
            transferred: is_transferred,
        });
    }

    let sw_supplied = tables.sw_episodes.supplied;
    for r in &mut records {
        r.age = dobs.get(&r.child).map(|d| age_on(*d, end));
        // When SWEpisodes was sent, a child with no rows in it had no social worker changes.
        if sw_supplied {
            r.social_worker_changes.get_or_insert(0);
            r.social_workers.get_or_insert(0);
        }
    }
    records
}

/// This year's episodes, with the earlier episodes of the same children from earlier returns.
fn episodes_with_history<'a>(input: &UnitInput<'a>) -> Vec<&'a Episode> {
    let current = &input.current.tables;
    let mut rows: Vec<&'a Episode> = current.episodes.rows.iter().collect();
    if input.earlier.is_empty() {
        return rows;
    }
    let mut first: FxMap<&'a ChildId, Date> = FxMap::default();
    for e in &rows {
        if let (Some(c), Some(d)) = (e.child.value(), e.decom.get()) {
            first.entry(c).and_modify(|x| *x = (*x).min(d)).or_insert(d);
        }
    }
    // Care leavers who left before this year: their episodes say whether care was transferred.
    let leavers: FxSet<&'a ChildId> = current.oc3.iter().filter_map(|o| o.child.value()).collect();
    for older in input.earlier {
        let mut added: Vec<(&'a ChildId, Date)> = Vec::new();
        for e in older.tables.episodes.iter() {
            let (Some(c), Some(decom), Some(dec)) = (e.child.value(), e.decom.get(), e.dec.get())
            else {
                continue;
            };
            let limit = match first.get(c) {
                Some(d) => *d,
                None if leavers.contains(c) => Date::MAX,
                None => continue,
            };
            if decom < limit && dec <= limit {
                rows.push(e);
                added.push((c, decom));
            }
        }
        for (c, d) in added {
            first.entry(c).and_modify(|x| *x = (*x).min(d)).or_insert(d);
        }
    }
    rows
}

fn episode_facts(
    r: &mut ChildRecord,
    h: &CareHistory<'_>,
    dob: Option<Date>,
    la: Option<LaCode>,
    counting: PlacementCounting,
) {
    let year = r.year;
    let (ys, ye) = (year.start(), year.end());
    r.looked_after_in_year =
        h.periods.iter().any(|p| p.start <= ye && p.end.is_none_or(|e| e >= ys));
    if let Some(first_start) = h.episodes.iter().find(|e| {
        e.rne.get() == Some(ReasonNewEpisode::S) && e.decom.get().is_some_and(|d| year.contains(d))
    }) {
        r.started = true;
        r.started_cin = first_start.cin.get();
    }
    if let Some(last) = h
        .periods
        .iter()
        .filter(|p| p.end_reason.is_some() && p.end.is_some_and(|d| year.contains(d)))
        .max_by_key(|p| p.end)
    {
        r.ceased = true;
        r.ceased_reason = last.end_reason;
    }
    if !r.looked_after_in_year {
        return;
    }
    if let Some(dob) = dob {
        r.days_under_16_in_barred_settings = days_under_16_in_barred(h, dob, year);
    }
    let joined = stays(h);
    let counted = counted_stays(h, counting);
    let list = counted.as_deref().unwrap_or(&joined);
    r.placements = count_placements(list, counting, ys, ye);
    r.moves = moves_in_year(h, &joined, year);
    if let Some(ep) = h.episode_on(ye) {
        r.at_31_march = Some(at_year_end(ep, la));
        // Looked after for at least 2 years: the period open on 31 March began on or before
        // 31 March two years earlier (as far as the returns given show).
        let two_years_ago = ye.checked_sub(Span::new().years(2)).unwrap_or(ye);
        if let Some(p) = current_period(h, ye)
            && p.start <= two_years_ago
            && let Ok(from) = two_years_ago.tomorrow()
        {
            r.two_year_placements = Some(count_placements(list, counting, from, ye));
        }
        if let Some(dob) = dob {
            r.long_term_stable = long_term(h, &joined, dob, ye);
        }
    }
}

/// The period of care open at the end of `day`.
fn current_period<'h>(
    h: &'h CareHistory<'_>,
    day: Date,
) -> Option<&'h carelens_model::PeriodOfCare> {
    h.periods.iter().rev().find(|p| p.start <= day && p.end.is_none_or(|e| e > day))
}

/// Stability Index placement changes in the year (spec `indicators.md` (b)).
fn moves_in_year(h: &CareHistory<'_>, s: &[Stay], year: CollectionYear) -> u16 {
    let (ys, ye) = (year.start(), year.end());
    let in_year = |d: Date| d >= ys && d <= ye;
    let changes = s.iter().filter(|s| s.kind == StayKind::CarerChange && in_year(s.start)).count();
    let mut entries = s.iter().filter(|s| s.kind == StayKind::Entry && in_year(s.start)).count();
    // The first entry to care in the year is not a change for a child not looked after when
    // the year began; every later entry (a re-entry) is.
    let before = ys.yesterday().unwrap_or(ys);
    if entries > 0 && !in_care_on(h, before) {
        entries -= 1;
    }
    u16::try_from(changes + entries).unwrap_or(u16::MAX)
}

fn at_year_end(ep: &Episode, la: Option<LaCode>) -> AtYearEnd {
    // Any code serves when no LA is known: PL_LOCATION is dropped below.
    let responsible = la.or_else(|| LaCode::new(999).ok());
    let geo = responsible.map(|code| {
        carelens_geo::placement_location(code, ep.home_post.value(), ep.pl_post.value())
    });
    let pl_la = geo.and_then(|g| g.pl_la).map(|a| match a {
        carelens_geo::Area::La(code) => PlacementArea::La(code),
        carelens_geo::Area::Wales => PlacementArea::Wales,
        carelens_geo::Area::Scotland => PlacementArea::Scotland,
        carelens_geo::Area::NorthernIreland => PlacementArea::NorthernIreland,
        carelens_geo::Area::OutsideUk => PlacementArea::OutsideUk,
    });
    let location = match (la, geo.map(|g| g.pl_location)) {
        (Some(_), Some(carelens_geo::PlLocation::In)) => Some(PlacementLocation::In),
        (Some(_), Some(carelens_geo::PlLocation::Out)) => Some(PlacementLocation::Out),
        _ => None,
    };
    AtYearEnd {
        place: ep.place.get(),
        legal_status: ep.ls.get(),
        cin: ep.cin.get(),
        provider: ep.place_provider.get(),
        pl_la,
        location,
        distance: geo.and_then(|g| g.pl_distance),
        approximate: geo.and_then(|g| g.precision).is_some_and(|p| p != PostcodePrecision::Unit),
    }
}

/// Long-term stability (spec `indicators.md` a5) for a child looked after on 31 March (`ye`):
/// `None` outside the cohort, else whether the child had the same carer for 2 years.
fn long_term(h: &CareHistory<'_>, s: &[Stay], dob: Date, ye: Date) -> Option<bool> {
    if age_on(dob, ye) >= 16 {
        return None;
    }
    // 31 March minus 2 years 6 months, by the calendar: 30 September three years before.
    let cohort_cutoff = ye.checked_sub(Span::new().years(2).months(6)).ok()?;
    let two_years_ago = ye.checked_sub(Span::new().years(2)).ok()?;
    let period_idx =
        h.periods.iter().rposition(|p| p.start <= ye && p.end.is_none_or(|e| e > ye))?;
    if h.periods[period_idx].start > cohort_cutoff {
        return None;
    }
    // The child's usual placement on 31 March: the last stay of the period begun by then
    // (a child in a temporary placement on 31 March returns to it).
    let Some(open) = s.iter().rposition(|st| st.period == period_idx && st.start <= ye) else {
        return Some(false);
    };
    // Walk back over same-carer changes (RNE T, U) joined end to start.
    let mut first = open;
    while s[first].kind == StayKind::SameCarer
        && first > 0
        && s[first - 1].period == period_idx
        && s[first - 1].end == Some(s[first].start)
    {
        first -= 1;
    }
    let same_carer = s[first].start <= two_years_ago;
    // Placed for adoption: the adoption placement and the one before it together.
    let adoption = s[open].place.is_some_and(PlacementType::is_adoption)
        && open > 0
        && s[open - 1].period == period_idx
        && s[open - 1].start <= two_years_ago;
    Some(same_carer || adoption)
}

/// Days in the year on which the child was under 16 and in H5, P2 or K3.
fn days_under_16_in_barred(h: &CareHistory<'_>, dob: Date, year: CollectionYear) -> u16 {
    let Ok(sixteen) = dob.checked_add(Span::new().years(16)) else { return 0 };
    let Ok(last_under_16) = sixteen.yesterday() else { return 0 };
    let (ys, ye) = (year.start(), year.end());
    let mut days: i64 = 0;
    for e in &h.episodes {
        if !e
            .place
            .get()
            .is_some_and(|p| matches!(p, PlacementType::H5 | PlacementType::P2 | PlacementType::K3))
        {
            continue;
        }
        let Some(start) = e.decom.get() else { continue };
        // The episode covers DECOM to the day before DEC (on DEC the child is elsewhere).
        let last = match e.dec.get() {
            Some(dec) => match dec.yesterday() {
                Ok(d) => d,
                Err(_) => continue,
            },
            None => ye,
        };
        let lo = start.max(ys);
        let hi = last.min(ye).min(last_under_16);
        if lo <= hi {
            days += i64::from((hi - lo).get_days()) + 1;
        }
    }
    u16::try_from(days).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_are_completed_years() {
        let d = |y, m, dd| jiff::civil::date(y, m, dd);
        assert_eq!(age_on(d(2009, 3, 31), d(2025, 3, 31)), 16);
        assert_eq!(age_on(d(2009, 4, 1), d(2025, 3, 31)), 15);
        assert_eq!(age_on(d(2008, 2, 29), d(2025, 2, 28)), 16);
        assert_eq!(age_on(d(2008, 2, 29), d(2025, 3, 1)), 17);
    }
}
