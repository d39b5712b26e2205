//! The three headline counts every LA and the DfE publish.

use carelens_model::{CollectionYear, Return903, care_histories};

/// Children looked after at 31 March, and starts and ceases during the year.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Headline {
    /// Children looked after at 31 March: an episode (not V3/V4) that began on or before
    /// 31 March and had not ended by then (DEC blank or after 31 March).
    pub cla_at_31_march: u32,
    /// Children who started a period of care during the year (each child once).
    pub started: u32,
    /// Children whose period of care ended during the year (REC not X1; each child once).
    pub ceased: u32,
    /// Children looked after at any time during the year.
    pub looked_after_in_year: u32,
}

/// The headline counts for `year` from one LA's return.
///
/// ```
/// use carelens_model::{CollectionYear, Return903};
/// let h = carelens_indicators::headline(&Return903::default(), CollectionYear::Y2024_25);
/// assert_eq!(h.cla_at_31_march, 0);
/// ```
pub fn headline(ret: &Return903, year: CollectionYear) -> Headline {
    let mut h = Headline::default();
    for child in care_histories(&ret.tables.episodes.rows, true) {
        let in_care_at_end = child.episode_on(year.end()).is_some();
        let started = child.periods.iter().any(|p| year.contains(p.start));
        let ceased = child
            .periods
            .iter()
            .any(|p| p.end_reason.is_some() && p.end.is_some_and(|d| year.contains(d)));
        let in_year = child
            .periods
            .iter()
            .any(|p| p.start <= year.end() && p.end.is_none_or(|e| e >= year.start()));
        h.cla_at_31_march += u32::from(in_care_at_end);
        h.started += u32::from(started);
        h.ceased += u32::from(ceased);
        h.looked_after_in_year += u32::from(in_year);
    }
    h
}

#[cfg(test)]
mod tests {
    use carelens_model::{Loc, TableKind, Tables};

    use super::*;

    fn ret(rows: &[[&str; 6]]) -> Return903 {
        // CHILD, DECOM, RNE, LS, DEC, REC
        let mut t = Tables::default();
        for r in rows {
            let cells = [r[0], r[1], r[2], r[3], "N1", "U4", "PR1", r[4], r[5], "", "", "", ""];
            t.push_cells(TableKind::Episodes, Loc::default(), |i| cells.get(i).copied());
        }
        Return903 { tables: t, ..Return903::default() }
    }

    #[test]
    fn counts_worked_by_hand() {
        let r = ret(&[
            // in care all year, still in care at 31 March
            ["A", "01/01/2020", "S", "C2", "", ""],
            // started in year, left in year
            ["B", "01/05/2024", "S", "C2", "01/06/2024", "E4A"],
            // started in year, still in care; second episode via X1
            ["C", "01/05/2024", "S", "C1", "01/07/2024", "X1"],
            ["C", "01/07/2024", "L", "C2", "", ""],
            // left care exactly on 31 March: not looked after at 31 March, ceased in year
            ["D", "01/01/2023", "S", "C2", "31/03/2025", "E8"],
            // short breaks only: excluded
            ["E", "01/05/2024", "S", "V3", "02/05/2024", "E8"],
            // left before the year
            ["F", "01/01/2023", "S", "C2", "01/02/2024", "E8"],
        ]);
        let h = headline(&r, CollectionYear::Y2024_25);
        assert_eq!(
            h,
            Headline { cla_at_31_march: 2, started: 2, ceased: 2, looked_after_in_year: 4 }
        );
    }
}
