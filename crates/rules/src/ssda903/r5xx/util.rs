//! Helpers shared by the rules of this folder: pandas-like comparisons of raw cells, picking a
//! child's first or last episode, sorting with unreadable dates last, and periods of care.

use carelens_model::{AnyRow, Date, Episode, Field};

/// The row's `CHILD`, when it has one.
pub(super) fn child_of(row: &dyn AnyRow) -> Option<&str> {
    row.child().value().map(|c| c.as_str())
}

/// Whether two cells hold the same text, as the reference compares columns after
/// `astype(str)`: two blank cells are equal (both read `"nan"`), a blank and a filled cell
/// differ, and filled cells are compared as upper-cased text.
pub(super) fn same_text<T>(a: &Field<T>, b: &Field<T>) -> bool {
    match (a.is_blank(), b.is_blank()) {
        (true, true) => true,
        (false, false) => a.raw().trim().eq_ignore_ascii_case(b.raw().trim()),
        _ => false,
    }
}

/// Whether two cells are equal as the reference's `==` on raw columns sees them: both filled
/// with the same (upper-cased) text. A blank cell equals nothing, not even another blank.
pub(super) fn equal_text<T>(a: &Field<T>, b: &Field<T>) -> bool {
    a.is_present() && b.is_present() && a.raw().trim().eq_ignore_ascii_case(b.raw().trim())
}

/// `date + n years`, as `pd.DateOffset(years=n)` computes it (29 February becomes 28 February
/// in a year that is not a leap year).
pub(super) fn add_years(date: Date, years: i16) -> Option<Date> {
    date.checked_add(jiff::Span::new().years(years)).ok()
}

/// The episode with the earliest readable `DECOM`; on a tie, the first in file order (pandas
/// `idxmin`). `None` when no episode has a readable `DECOM`.
pub(super) fn first_by_decom<'a>(
    eps: impl IntoIterator<Item = &'a Episode>,
) -> Option<&'a Episode> {
    let mut best: Option<(Date, &'a Episode)> = None;
    for e in eps {
        if let Some(d) = e.decom.strict()
            && best.is_none_or(|(b, _)| d < b)
        {
            best = Some((d, e));
        }
    }
    best.map(|(_, e)| e)
}

/// The episode with the latest readable `DECOM`; on a tie, the first in file order (pandas
/// `idxmax`). `None` when no episode has a readable `DECOM`.
pub(super) fn last_by_decom<'a>(eps: impl IntoIterator<Item = &'a Episode>) -> Option<&'a Episode> {
    let mut best: Option<(Date, &'a Episode)> = None;
    for e in eps {
        if let Some(d) = e.decom.strict()
            && best.is_none_or(|(b, _)| d > b)
        {
            best = Some((d, e));
        }
    }
    best.map(|(_, e)| e)
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

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::testing::ret;

    #[test]
    fn text_comparisons_follow_pandas() {
        let f = |s: &str| Field::<carelens_model::codes::LegalStatus>::parse(s);
        assert!(same_text(&f(""), &f("")));
        assert!(!same_text(&f(""), &f("C2")));
        assert!(same_text(&f("c2"), &f("C2")));
        assert!(same_text(&f("XX"), &f("xx")));
        assert!(!equal_text(&f(""), &f("")));
        assert!(equal_text(&f("c2"), &f("C2")));
    }

    #[test]
    fn leap_day_birthdays_move_to_28_february() {
        assert_eq!(add_years(date(2008, 2, 29), 10), Some(date(2018, 2, 28)));
        assert_eq!(add_years(date(2008, 2, 29), 4), Some(date(2012, 2, 29)));
    }

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
        assert_eq!(first_by_decom(eps.iter()).map(|e| e.loc.row), Some(1));
        assert_eq!(last_by_decom(eps.iter()).map(|e| e.loc.row), Some(0));
    }
}
