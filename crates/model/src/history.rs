//! Derived views of each child's care: periods of care, placements, moves, legal-status changes
//! and social-worker changes, defined once here from spec §7 so that rules, indicators and the
//! dashboard all count the same things.

use std::ops::Range;

use jiff::civil::Date;

use crate::codes::{
    LegalStatus, PlacementProvider, PlacementType, ReasonEpisodeCeased, ReasonNewEpisode,
    ReasonPlaceChange,
};
use crate::ids::ChildId;
use crate::tables::{Episode, SwEpisode};
use crate::year::CollectionYear;

/// How a placement began, relative to the one before it in the same period of care.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MoveKind {
    /// The first placement of a period of care: not a move.
    Start,
    /// A change of carer (RNE P or B): a move in the Stability Index's sense.
    CarerChange,
    /// A change of placement with the same carer (RNE T or U), e.g. the carer moved house or the
    /// setting registered with Ofsted: administrative, not counted as a move.
    SameCarer,
}

/// Something odd in the chain of episodes. Histories are still built; the issue says where
/// carelens had to make a choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChainIssue {
    /// Two rows with the same `DECOM`; the one with the later `DEC` (or any `DEC`) was kept.
    DuplicateStart,
    /// `RNE` S inside a period of care (the previous episode ended with X1 on the same day).
    StartInsidePeriod,
    /// The previous episode ended with X1 but the next did not begin on that day.
    GapAfterX1,
    /// An episode without a `DEC` is followed by another episode.
    OpenEpisodeNotLast,
    /// An episode's `DECOM` is blank or invalid, so it was left out.
    UnusableStart,
}

/// A continuous spell of being looked after.
#[derive(Clone, Debug, PartialEq)]
pub struct PeriodOfCare {
    /// `DECOM` of its first episode.
    pub start: Date,
    /// `DEC` of its last episode; `None` while still looked after.
    pub end: Option<Date>,
    /// `REC` of its last episode (not X1) when it ended.
    pub end_reason: Option<ReasonEpisodeCeased>,
    /// Indices into [`CareHistory::episodes`].
    pub episodes: Range<usize>,
    /// Indices into [`CareHistory::placements`].
    pub placements: Range<usize>,
}

/// A continuous spell in one placement: an episode that starts a placement (RNE S, P, T, B, U)
/// and the legal-status-only (RNE L) episodes that follow it.
#[derive(Clone, Debug, PartialEq)]
pub struct Placement {
    /// Index into [`CareHistory::periods`].
    pub period: usize,
    /// `DECOM` of its first episode.
    pub start: Date,
    /// `DEC` of its last episode; `None` while open.
    pub end: Option<Date>,
    /// `PLACE` of its first episode.
    pub place: Option<PlacementType>,
    /// `PLACE_PROVIDER` of its first episode.
    pub provider: Option<PlacementProvider>,
    /// How it began.
    pub move_kind: MoveKind,
    /// `REASON_PLACE_CHANGE` of its last episode (why it ended), if given.
    pub end_reason: Option<ReasonPlaceChange>,
    /// Indices into [`CareHistory::episodes`].
    pub episodes: Range<usize>,
}

impl Placement {
    /// Whether the placement is temporary (T0–T4).
    pub fn is_temporary(&self) -> bool {
        self.place.is_some_and(PlacementType::is_temporary)
    }

    /// Whether the placement overlaps the collection year.
    pub fn overlaps(&self, year: CollectionYear) -> bool {
        self.start <= year.end() && self.end.is_none_or(|e| e >= year.start())
    }
}

/// A change of legal status within a period of care.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LegalStatusChange {
    /// The day the new status began.
    pub date: Date,
    /// The status before.
    pub from: Option<LegalStatus>,
    /// The status after.
    pub to: Option<LegalStatus>,
}

/// One child's episodes chained into periods of care and placements.
#[derive(Clone, Debug)]
pub struct CareHistory<'a> {
    /// The child.
    pub child: &'a ChildId,
    /// The child's usable episodes, sorted by `DECOM` then `DEC` (blank last), duplicates of the
    /// same `DECOM` removed.
    pub episodes: Vec<&'a Episode>,
    /// Periods of care in order.
    pub periods: Vec<PeriodOfCare>,
    /// Placements in order.
    pub placements: Vec<Placement>,
    /// What was odd about the chain.
    pub issues: Vec<ChainIssue>,
}

impl<'a> CareHistory<'a> {
    /// Placements overlapping the year, excluding temporary ones when `skip_temporary`.
    pub fn placements_in(
        &self,
        year: CollectionYear,
        skip_temporary: bool,
    ) -> impl Iterator<Item = &Placement> {
        self.placements
            .iter()
            .filter(move |p| p.overlaps(year) && !(skip_temporary && p.is_temporary()))
    }

    /// Moves (new placements with a change of carer) that began during the year.
    pub fn moves_in(&self, year: CollectionYear) -> usize {
        self.placements
            .iter()
            .filter(|p| p.move_kind == MoveKind::CarerChange && year.contains(p.start))
            .count()
    }

    /// Legal-status changes within periods of care, in date order.
    pub fn legal_status_changes(&self) -> Vec<LegalStatusChange> {
        let mut out = Vec::new();
        for period in &self.periods {
            let eps = &self.episodes[period.episodes.clone()];
            for pair in eps.windows(2) {
                let (from, to) = (pair[0].ls.get(), pair[1].ls.get());
                if from != to
                    && let Some(date) = pair[1].decom.get()
                {
                    out.push(LegalStatusChange { date, from, to });
                }
            }
        }
        out
    }

    /// The episode open at the end of `date` (started on or before it, not ended by it).
    pub fn episode_on(&self, date: Date) -> Option<&'a Episode> {
        self.episodes.iter().copied().rev().find(|e| {
            e.decom.get().is_some_and(|s| s <= date) && e.dec.get().is_none_or(|end| end > date)
        })
    }
}

/// Builds every child's history from an Episodes table. With `exclude_short_breaks`, episodes
/// with legal status V3 or V4 are left out first, as DfE statistics do (spec §1).
pub fn care_histories(episodes: &[Episode], exclude_short_breaks: bool) -> Vec<CareHistory<'_>> {
    care_histories_of(episodes, exclude_short_breaks)
}

/// [`care_histories`] from any collection of episode rows, e.g. one year's Episodes table with
/// the earlier episodes of the same children taken from last year's return.
pub fn care_histories_of<'a>(
    episodes: impl IntoIterator<Item = &'a Episode>,
    exclude_short_breaks: bool,
) -> Vec<CareHistory<'a>> {
    let mut rows: Vec<&Episode> = episodes
        .into_iter()
        .filter(|e| e.child.value().is_some())
        .filter(|e| !(exclude_short_breaks && e.ls.get().is_some_and(LegalStatus::is_short_break)))
        .collect();
    rows.sort_by(|a, b| {
        a.child
            .value()
            .cmp(&b.child.value())
            .then_with(|| a.decom.get().cmp(&b.decom.get()))
            .then_with(|| match (a.dec.get(), b.dec.get()) {
                (Some(x), Some(y)) => x.cmp(&y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            })
    });
    let mut out = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        let child = rows[i].child.value();
        let j = i + rows[i..].iter().take_while(|e| e.child.value() == child).count();
        if let Some(child) = child {
            out.push(build(child, &rows[i..j]));
        }
        i = j;
    }
    out
}

fn build<'a>(child: &'a ChildId, rows: &[&'a Episode]) -> CareHistory<'a> {
    let mut issues = Vec::new();
    let mut episodes: Vec<&'a Episode> = Vec::with_capacity(rows.len());
    for &e in rows {
        if e.decom.get().is_none() {
            issues.push(ChainIssue::UnusableStart);
            continue;
        }
        match episodes.last_mut() {
            // spec §7 step 1: same DECOM twice → keep the later (sorted last, so later DEC or
            // the open one). Prefer a row with a DEC over an open duplicate.
            Some(prev) if prev.decom.get() == e.decom.get() => {
                issues.push(ChainIssue::DuplicateStart);
                if e.dec.get().is_some() || prev.dec.get().is_none() {
                    *prev = e;
                }
            }
            _ => episodes.push(e),
        }
    }

    let mut periods: Vec<PeriodOfCare> = Vec::new();
    let mut placements: Vec<Placement> = Vec::new();
    for (idx, e) in episodes.iter().enumerate() {
        let decom = e.decom.get().unwrap_or_else(|| unreachable!("filtered above"));
        let rne = e.rne.get();
        let new_period = match idx.checked_sub(1).map(|p| episodes[p]) {
            None => true,
            Some(prev) => {
                let continues = prev.rec.get() == Some(ReasonEpisodeCeased::X1);
                let contiguous = prev.dec.get() == Some(decom);
                if prev.dec.get().is_none() {
                    issues.push(ChainIssue::OpenEpisodeNotLast);
                }
                if continues && !contiguous {
                    issues.push(ChainIssue::GapAfterX1);
                }
                if continues && contiguous && rne == Some(ReasonNewEpisode::S) {
                    issues.push(ChainIssue::StartInsidePeriod);
                }
                rne == Some(ReasonNewEpisode::S) || !continues || !contiguous
            }
        };
        if new_period {
            periods.push(PeriodOfCare {
                start: decom,
                end: None,
                end_reason: None,
                episodes: idx..idx,
                placements: placements.len()..placements.len(),
            });
        }
        let period_idx = periods.len() - 1;
        let starts_placement = new_period || rne.is_none_or(ReasonNewEpisode::starts_placement);
        if starts_placement {
            let move_kind = match (new_period, rne) {
                (true, _) => MoveKind::Start,
                (false, Some(r)) if !r.changes_carer() => MoveKind::SameCarer,
                _ => MoveKind::CarerChange,
            };
            placements.push(Placement {
                period: period_idx,
                start: decom,
                end: None,
                place: e.place.get(),
                provider: e.provider(),
                move_kind,
                end_reason: None,
                episodes: idx..idx,
            });
        }
        let period = &mut periods[period_idx];
        period.episodes.end = idx + 1;
        period.end = e.dec.get();
        period.end_reason = e.rec.get().filter(|r| r.leaves_care());
        period.placements.end = placements.len();
        if let Some(p) = placements.last_mut() {
            p.episodes.end = idx + 1;
            p.end = e.dec.get();
            p.end_reason = e.reason_place_change.get();
        }
    }
    CareHistory { child, episodes, periods, placements, issues }
}

impl Episode {
    /// `PLACE_PROVIDER`, if valid.
    pub fn provider(&self) -> Option<PlacementProvider> {
        self.place_provider.get()
    }
}

/// Changes of social worker that happened during the year, from one child's SWEpisodes rows: a
/// change is an allocation starting in the year with a different `SW_ID` from the allocation
/// before it. The child's very first allocation is not a change.
pub fn social_worker_changes(rows: &[&SwEpisode], year: CollectionYear) -> usize {
    let mut sorted: Vec<&&SwEpisode> = rows.iter().filter(|r| r.sw_decom.get().is_some()).collect();
    sorted.sort_by_key(|r| r.sw_decom.get());
    sorted
        .windows(2)
        .filter(|w| {
            w[1].sw_decom.get().is_some_and(|d| year.contains(d))
                && w[0].sw_id.value().map(|s| s.as_str()) != w[1].sw_id.value().map(|s| s.as_str())
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::{Loc, Row};

    /// CHILD, DECOM, RNE, LS, PLACE, DEC, REC, REASON_PLACE_CHANGE
    fn ep(cells: [&str; 8]) -> Episode {
        let [child, decom, rne, ls, place, dec, rec, rpc] = cells;
        let row = [child, decom, rne, ls, "N1", place, "PR1", dec, rec, rpc, "", "", ""];
        Episode::from_cells(Loc::default(), |i| row.get(i).copied())
    }

    #[test]
    fn chains_periods_placements_and_moves() {
        let eps = vec![
            ep(["A", "01/04/2024", "S", "C1", "U4", "10/05/2024", "X1", ""]),
            ep(["A", "10/05/2024", "L", "C2", "U4", "01/06/2024", "X1", "CARPL"]),
            ep(["A", "01/06/2024", "P", "C2", "K2", "03/06/2024", "X1", ""]),
            ep(["A", "03/06/2024", "T", "C2", "K2", "01/09/2024", "E4A", ""]),
            ep(["A", "01/01/2025", "S", "V2", "U6", "", "", ""]),
        ];
        let h = care_histories(&eps, true);
        assert_eq!(h.len(), 1);
        let h = &h[0];
        assert_eq!(h.periods.len(), 2);
        assert_eq!(h.periods[0].end_reason, Some(ReasonEpisodeCeased::E4A));
        assert_eq!(h.periods[1].end, None);
        let kinds: Vec<MoveKind> = h.placements.iter().map(|p| p.move_kind).collect();
        assert_eq!(
            kinds,
            [MoveKind::Start, MoveKind::CarerChange, MoveKind::SameCarer, MoveKind::Start]
        );
        assert_eq!(h.placements[0].end_reason, Some(ReasonPlaceChange::Carpl));
        assert_eq!(h.moves_in(CollectionYear::Y2024_25), 1);
        assert_eq!(h.legal_status_changes().len(), 1);
        assert!(h.issues.is_empty());
    }

    #[test]
    fn short_breaks_are_left_out_when_asked() {
        let eps = vec![ep(["B", "01/04/2024", "S", "V3", "K2", "02/04/2024", "E8", ""])];
        assert!(care_histories(&eps, true).is_empty());
        assert_eq!(care_histories(&eps, false).len(), 1);
    }

    #[test]
    fn duplicates_and_gaps_are_reported() {
        let eps = vec![
            ep(["C", "01/04/2024", "S", "C2", "U4", "", "", ""]),
            ep(["C", "01/04/2024", "S", "C2", "U4", "01/05/2024", "X1", ""]),
            ep(["C", "05/05/2024", "P", "C2", "U5", "", "", ""]),
        ];
        let h = &care_histories(&eps, true)[0];
        assert_eq!(h.episodes.len(), 2);
        assert_eq!(h.periods.len(), 2, "a gap after X1 starts a new period");
        assert!(h.issues.contains(&ChainIssue::DuplicateStart));
        assert!(h.issues.contains(&ChainIssue::GapAfterX1));
    }
}
