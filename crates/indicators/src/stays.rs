//! Placements as the indicators count them, built on the model's care histories.
//!
//! The model (`carelens_model::care_histories`) splits a period of care into placements at
//! every episode with `RNE` S, P, B, T or U (spec §7). The indicators then:
//!
//! * leave out temporary placements (`PLACE` T0–T4: hospital, holidays, a carer's holiday,
//!   seven days or less), which the DfE's stability measures do not count;
//! * for measures of carer changes (the Stability Index, long-term stability), treat the
//!   return from a temporary placement to the placement the child was in before it (same
//!   `PLACE`, `PLACE_PROVIDER`, `PL_POST` and `URN`, as rule 383 requires) as the same
//!   placement continuing; the "3 or more placements" measures count it as a new placement
//!   by default, as spec §7 defines placements (RNE P starts one);
//! * keep same-carer changes (`RNE` T, U) as their own placements, marked so that measures of
//!   carer changes (the Stability Index, long-term stability) can join them.
//!
//! [`PlacementCounting`] switches these choices for the "3 or more placements" measures (spec
//! `indicators.md` a4 leaves DfE's exact counting rules open).

use carelens_model::codes::PlacementType;
use carelens_model::{CareHistory, Date, Episode, MoveKind};

/// How "placements during the year" are counted for [`placements_3plus`] and the two-year
/// measure (spec `indicators.md` a4 asks for these as switches).
///
/// [`placements_3plus`]: crate::indicator
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct PlacementCounting {
    /// A change of placement with the same carer (`RNE` T or U, e.g. foster care becoming
    /// long-term foster care, or placed for adoption with the foster carers) counts as a new
    /// placement. Default `true`: in the SSDA903 a new placement begins at S, P, B, T or U.
    pub same_carer_is_new_placement: bool,
    /// Temporary placements (T0–T4) count. Default `false` (spec a4 option ii: dropped).
    pub count_temporary: bool,
    /// The return from a temporary placement to the placement the child was in before it
    /// continues that placement instead of starting a new one (when temporary placements are
    /// not counted). Default `false`: by spec §7 the return (`RNE` P) is a new placement.
    pub join_temporary_returns: bool,
    /// Placements in an earlier period of care in the same year (before the child left care
    /// and came back) count. Default `true`.
    pub count_re_entries: bool,
}

impl Default for PlacementCounting {
    fn default() -> Self {
        Self {
            same_carer_is_new_placement: true,
            count_temporary: false,
            join_temporary_returns: false,
            count_re_entries: true,
        }
    }
}

impl PlacementCounting {
    /// The defaults.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets [`PlacementCounting::same_carer_is_new_placement`].
    #[must_use]
    pub fn same_carer_is_new_placement(mut self, yes: bool) -> Self {
        self.same_carer_is_new_placement = yes;
        self
    }

    /// Sets [`PlacementCounting::count_temporary`].
    #[must_use]
    pub fn count_temporary(mut self, yes: bool) -> Self {
        self.count_temporary = yes;
        self
    }

    /// Sets [`PlacementCounting::join_temporary_returns`].
    #[must_use]
    pub fn join_temporary_returns(mut self, yes: bool) -> Self {
        self.join_temporary_returns = yes;
        self
    }

    /// Sets [`PlacementCounting::count_re_entries`].
    #[must_use]
    pub fn count_re_entries(mut self, yes: bool) -> Self {
        self.count_re_entries = yes;
        self
    }

    /// The switches in words, for reports.
    pub fn describe(&self) -> String {
        let yes_no = |b: bool| if b { "counted" } else { "not counted" };
        let returns = if self.count_temporary {
            "counted"
        } else if self.join_temporary_returns {
            "joined to the placement before"
        } else {
            "counted as new placements"
        };
        format!(
            "same-carer changes (RNE T/U) {}; temporary placements (T0-T4) {}; returns from them {returns}; placements before a re-entry to care in the year {}",
            yes_no(self.same_carer_is_new_placement),
            yes_no(self.count_temporary),
            yes_no(self.count_re_entries),
        )
    }
}

/// How a stay began.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum StayKind {
    /// The first stay of a period of care (entry to care).
    Entry,
    /// A change of carer (`RNE` P or B) within a period of care.
    CarerChange,
    /// A new placement with the same carer (`RNE` T or U).
    SameCarer,
}

/// A placement as the indicators count it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Stay {
    /// Index into [`CareHistory::periods`].
    pub(crate) period: usize,
    /// The day it began.
    pub(crate) start: Date,
    /// The day it ended (the child was elsewhere from that day); `None` while open.
    pub(crate) end: Option<Date>,
    /// `PLACE` of its first episode.
    pub(crate) place: Option<PlacementType>,
    /// How it began.
    pub(crate) kind: StayKind,
    /// Index into [`CareHistory::episodes`] of the episode that describes its setting now (the
    /// first episode of the last model placement merged into it).
    ident: usize,
}

impl Stay {
    /// Whether the stay is open on some day from `from` to `to` (both inclusive). A stay that
    /// ended on `from` is not: on the day a placement ends the child is already elsewhere.
    pub(crate) fn overlaps(&self, from: Date, to: Date) -> bool {
        self.start <= to && self.end.is_none_or(|e| e > from)
    }
}

/// Whether two episodes describe the same setting: the return from a temporary placement.
fn same_setting(a: &Episode, b: &Episode) -> bool {
    a.place.get() == b.place.get()
        && a.place_provider.get() == b.place_provider.get()
        && a.pl_post.value() == b.pl_post.value()
        && a.urn.value() == b.urn.value()
}

/// A child's stays: temporary placements left out, a return from one joined to the stay before.
pub(crate) fn stays(h: &CareHistory<'_>) -> Vec<Stay> {
    stays_joined(h, true)
}

/// A child's stays without temporary placements; with `join`, a return from one continues the
/// stay before it.
fn stays_joined(h: &CareHistory<'_>, join: bool) -> Vec<Stay> {
    let mut out: Vec<Stay> = Vec::with_capacity(h.placements.len());
    let mut after_temporary = false;
    for p in &h.placements {
        if p.is_temporary() {
            after_temporary = true;
            continue;
        }
        let first = p.episodes.start;
        let prev = out.last_mut().filter(|s| s.period == p.period);
        let first_of_period = prev.is_none();
        if let Some(prev) = prev
            && join
            && after_temporary
            && same_setting(h.episodes[prev.ident], h.episodes[first])
        {
            prev.end = p.end;
            prev.ident = first;
            after_temporary = false;
            continue;
        }
        let kind = match (first_of_period, p.move_kind) {
            (true, _) => StayKind::Entry,
            (false, MoveKind::SameCarer) => StayKind::SameCarer,
            (false, _) => StayKind::CarerChange,
        };
        out.push(Stay {
            period: p.period,
            start: p.start,
            end: p.end,
            place: p.place,
            kind,
            ident: first,
        });
        after_temporary = false;
    }
    out
}

/// Every model placement as a stay, temporary ones included (for
/// [`PlacementCounting::count_temporary`]).
fn raw_stays(h: &CareHistory<'_>) -> Vec<Stay> {
    let mut out: Vec<Stay> = Vec::with_capacity(h.placements.len());
    for p in &h.placements {
        let first_of_period = out.last().is_none_or(|s| s.period != p.period);
        let kind = match (first_of_period, p.move_kind) {
            (true, _) => StayKind::Entry,
            (false, MoveKind::SameCarer) => StayKind::SameCarer,
            (false, _) => StayKind::CarerChange,
        };
        out.push(Stay {
            period: p.period,
            start: p.start,
            end: p.end,
            place: p.place,
            kind,
            ident: p.episodes.start,
        });
    }
    out
}

/// The placements `counting` counts: [`stays`] with returns from temporary placements apart or
/// joined, or every model placement when temporary placements count. `None` means the child's
/// [`stays`] themselves.
pub(crate) fn counted_stays(h: &CareHistory<'_>, counting: PlacementCounting) -> Option<Vec<Stay>> {
    if counting.count_temporary {
        Some(raw_stays(h))
    } else if counting.join_temporary_returns {
        None
    } else {
        Some(stays_joined(h, false))
    }
}

/// The number of placements in `list` (from [`counted_stays`]) open at some time from `from` to
/// `to`, counted as `counting` says.
pub(crate) fn count_placements(
    list: &[Stay],
    counting: PlacementCounting,
    from: Date,
    to: Date,
) -> u16 {
    // Without re-entries, only the latest period of care open in the window counts.
    let last_period = list.iter().rev().find(|s| s.overlaps(from, to)).map(|s| s.period);
    let mut n: u16 = 0;
    for (i, s) in list.iter().enumerate() {
        if !s.overlaps(from, to) {
            continue;
        }
        if !counting.count_re_entries && Some(s.period) != last_period {
            continue;
        }
        // A same-carer change continues the stay before it when those are not new placements;
        // it counts only if that stay is outside the window.
        let continues = !counting.same_carer_is_new_placement
            && s.kind == StayKind::SameCarer
            && i.checked_sub(1).is_some_and(|j| {
                let before = &list[j];
                before.period == s.period && before.overlaps(from, to)
            });
        if !continues {
            n = n.saturating_add(1);
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use carelens_model::{Loc, Row, care_histories};
    use jiff::civil::date;

    use super::*;

    /// CHILD, DECOM, RNE, PLACE, PL_POST, DEC, REC
    fn ep(c: [&str; 7]) -> Episode {
        let [child, decom, rne, place, pl_post, dec, rec] = c;
        let row = [child, decom, rne, "C2", "N1", place, "PR1", dec, rec, "", "", pl_post, ""];
        Episode::from_cells(Loc::default(), |i| row.get(i).copied())
    }

    #[test]
    fn a_temporary_placement_and_the_return_from_it_are_one_stay() {
        let eps = vec![
            ep(["A", "01/01/2024", "S", "U4", "E15 4NJ", "01/06/2024", "X1"]),
            ep(["A", "01/06/2024", "P", "T4", "E15 4NX", "04/06/2024", "X1"]),
            ep(["A", "04/06/2024", "P", "U4", "E15 4NJ", "01/09/2024", "X1"]),
            ep(["A", "01/09/2024", "T", "U1", "E15 4NJ", "01/10/2024", "X1"]),
            ep(["A", "01/10/2024", "P", "T4", "E15 4NX", "03/10/2024", "X1"]),
            // back to a different carer: a real move
            ep(["A", "03/10/2024", "P", "U6", "E16 1AA", "", ""]),
        ];
        let h = &care_histories(&eps, true)[0];
        let s = stays(h);
        let kinds: Vec<StayKind> = s.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, [StayKind::Entry, StayKind::SameCarer, StayKind::CarerChange]);
        assert_eq!(s[0].end, Some(date(2024, 9, 1)));
        let (from, to) = (date(2024, 4, 1), date(2025, 3, 31));
        let count = |c: PlacementCounting| {
            let list = counted_stays(h, c).unwrap_or_else(|| s.clone());
            count_placements(&list, c, from, to)
        };
        let joined = PlacementCounting::new().join_temporary_returns(true);
        assert_eq!(count(joined), 3);
        // By default the return from a temporary placement is a new placement (RNE P).
        assert_eq!(count(PlacementCounting::new()), 4);
        assert_eq!(count(joined.same_carer_is_new_placement(false)), 2);
        assert_eq!(count(PlacementCounting::new().count_temporary(true)), 6);
    }

    #[test]
    fn a_placement_ending_on_the_first_day_of_the_window_is_outside_it() {
        let eps = vec![
            ep(["B", "01/01/2023", "S", "U4", "", "01/04/2024", "X1"]),
            ep(["B", "01/04/2024", "P", "U6", "", "", ""]),
        ];
        let h = &care_histories(&eps, true)[0];
        let s = stays(h);
        let c = PlacementCounting::default();
        assert_eq!(count_placements(&s, c, date(2024, 4, 1), date(2025, 3, 31)), 1);
        assert_eq!(count_placements(&s, c, date(2024, 3, 31), date(2025, 3, 31)), 2);
    }

    #[test]
    fn re_entries_can_be_left_out() {
        let eps = vec![
            ep(["C", "01/05/2024", "S", "U4", "", "01/06/2024", "E4A"]),
            ep(["C", "01/08/2024", "S", "U4", "", "01/09/2024", "X1"]),
            ep(["C", "01/09/2024", "P", "K2", "", "", ""]),
        ];
        let h = &care_histories(&eps, true)[0];
        let s = stays(h);
        let (from, to) = (date(2024, 4, 1), date(2025, 3, 31));
        let c = PlacementCounting::default();
        assert_eq!(count_placements(&s, c, from, to), 3);
        let no_re = PlacementCounting { count_re_entries: false, ..c };
        assert_eq!(count_placements(&s, no_re, from, to), 2);
    }
}
