//! Helpers shared by the rules of this folder: pandas-like comparisons of raw cells, picking a
//! child's first or last episode, sorting with unreadable dates last, and periods of care.

use carelens_model::codes::{LegalStatus, ReasonEpisodeCeased};
use carelens_model::{AnyRow, Date, Episode};

use crate::context::Ctx;
use crate::finding::Out;

/// The row's `CHILD`, when it has one.
pub(super) fn child_of(row: &dyn AnyRow) -> Option<&str> {
    row.child().value().map(|c| c.as_str())
}
/// Sorts rows by a sequence of optional dates, missing dates last, keeping file order among
/// equal keys: what pandas' multi-column `sort_values` does (its lexsort is stable).
pub(super) fn sort_dates_last<R, const N: usize>(
    rows: &mut [&R],
    key: impl Fn(&R) -> [Option<Date>; N],
) {
    rows.sort_by_cached_key(|r| key(r).map(|d| (d.is_none(), d)));
}

/// One period of care as the missing-episode rules (577, 578) build it: episodes with a
/// readable `DECOM`, in `DECOM` order, chained while each starts on or before the previous
/// one's `DEC` (or the previous one has no readable `DEC`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct PeriodOfCare {
    /// `DECOM` of the period's first episode.
    pub(super) start: Date,
    /// `DEC` of the period's last episode; `None` when it is blank or unreadable.
    pub(super) end: Option<Date>,
}

/// A child's periods of care (see [`PeriodOfCare`]).
pub(super) fn periods_of_care<'a>(eps: impl IntoIterator<Item = &'a Episode>) -> Vec<PeriodOfCare> {
    let mut eps: Vec<&Episode> = eps.into_iter().filter(|e| e.decom.strict().is_some()).collect();
    sort_dates_last(&mut eps, |e| [e.decom.strict()]);
    let mut out: Vec<PeriodOfCare> = Vec::new();
    let mut prev_dec: Option<Date> = None;
    for e in eps {
        let Some(decom) = e.decom.strict() else { continue };
        let dec = e.dec.strict();
        match out.last_mut() {
            // A new period starts only after a gap: DECOM later than the previous DEC. An open
            // (or unreadable) previous DEC never starts a new one.
            Some(p) if prev_dec.is_none_or(|pd| decom <= pd) => p.end = dec,
            _ => out.push(PeriodOfCare { start: decom, end: dec }),
        }
        prev_dec = dec;
    }
    out
}

/// Rule 557, whose versions differ only in the legal statuses that mean an adoption plan (D1
/// and E1 to 2023/24; E1 alone once freeing orders were retired in 2024/25): flags an episode
/// placed for adoption (A3–A6) or under one of `orders` that ends other than by adoption (E11,
/// E12) or a change of episode (X1), when the child has no PlacedAdoption row, or (with that
/// row) when the decision has no date and reason for ceasing.
pub(super) fn flag_left_care_unadopted(ctx: &Ctx<'_>, out: &mut Out<'_>, orders: &[LegalStatus]) {
    let (Some(eps), Some(_)) =
        (ctx.cur.tables.episodes.if_supplied(), ctx.cur.tables.placed_adoption.if_supplied())
    else {
        return;
    };
    let pa = ctx.placed_adoption();
    for e in eps {
        let adoption_plan = e.place.strict().is_some_and(|p| p.is_adoption())
            || e.ls.strict().is_some_and(|ls| orders.contains(&ls));
        // pandas: REC not in (E11, E12), not blank, and != X1 (an unknown code qualifies).
        let left_unadopted = e.rec.is_present()
            && !matches!(
                e.rec.strict(),
                Some(ReasonEpisodeCeased::E11 | ReasonEpisodeCeased::E12 | ReasonEpisodeCeased::X1)
            );
        if !(adoption_plan && left_unadopted) {
            continue;
        }
        let Some(child) = child_of(e) else { continue };
        if !pa.contains(child) {
            out.flag(e);
            continue;
        }
        for p in pa.get(child) {
            if p.date_placed_ceased.is_blank() || p.reason_placed_ceased.is_blank() {
                out.flag(e);
                out.flag(p);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::testing::ret;

    #[test]
    fn periods_chain_over_open_and_touching_episodes() {
        let r = ret(&[(
            "Episodes",
            "CHILD,DECOM,DEC\n\
             1,01/06/2020,\n\
             1,01/01/2020,01/03/2020\n\
             1,01/03/2020,01/04/2020\n\
             1,02/04/2020,05/05/2020\n\
             1,bad,01/01/2021\n",
        )]);
        let eps = &r.tables.episodes.rows;
        let p = periods_of_care(eps.iter());
        assert_eq!(
            p,
            [
                PeriodOfCare { start: date(2020, 1, 1), end: Some(date(2020, 4, 1)) },
                PeriodOfCare { start: date(2020, 4, 2), end: Some(date(2020, 5, 5)) },
                PeriodOfCare { start: date(2020, 6, 1), end: None },
            ]
        );
    }
}
