use carelens_model::{Date, Field, PartialDate};
use jiff::Span;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A PrevPerm row whose `DATE_PERM` (date of the previous permanence order) is completed but
    /// is not a date in the form `dd/mm/yyyy` (where `ZZ` may stand for an unknown day or month
    /// and `ZZZZ` for an unknown year), or is not before the `DECOM` of the child's first
    /// episode this year. The PrevPerm row and that episode are reported.
    ///
    /// A partly unknown date is read as late as it could be, so that it is not reported by
    /// mistake: `ZZ/05/2021` is 31/05/2021, `ZZ/ZZ/1993` is 31/12/1993. As in the reference, an
    /// unknown year is read as 2000 (`ZZ/ZZ/ZZZZ` is 31/12/2000), and a known day with an
    /// unknown month keeps the day and adds a year less a day (`05/ZZ/2020` is 04/01/2021).
    ///
    /// ## Why it matters
    /// The order must precede the period of care it came before; an unreadable date cannot be
    /// used at all.
    ///
    /// ## Example
    /// `DATE_PERM` 17/06/2001 with a first `DECOM` of 17/06/2001 is reported; `ZZ/05/2021`
    /// with a first `DECOM` of 01/07/2021 passes; `ZZ/ZZ/ZZ` and `01/13/2000` are reported.
    pub(crate) PREVIOUS_PERMANENCE_DATE_IS_NOT_VALID,
    code: "632",
    tables: ["Episodes", "PrevPerm"],
    fields: ["DATE_PERM", "DECOM"],
    years: Y2022_23..,
    message: "Date of previous permanence order not a valid value. NOTE: This rule may result in false negatives where the period of care started before the current collection year",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(_), Some(_)) =
        (ctx.cur.tables.episodes.if_supplied(), ctx.cur.tables.prev_perm.if_supplied())
    else {
        return;
    };
    let prev_perm = ctx.prev_perm();
    for (child, eps) in ctx.episodes().iter() {
        // The first episode: the earliest readable DECOM, the first in file order among equals.
        let mut first = None;
        for e in eps {
            if let Some(d) = e.decom.strict()
                && first.is_none_or(|(f, _)| d < f)
            {
                first = Some((d, e));
            }
        }
        let Some((decom, e)) = first else { continue };
        let mut bad = false;
        for p in prev_perm.get(child) {
            let late = match latest_date(&p.date_perm) {
                Some(d) => d >= decom,
                None => p.date_perm.is_present(),
            };
            if late {
                out.flag(p);
                bad = true;
            }
        }
        if bad {
            out.flag(e);
        }
    }
}

/// The latest date `DATE_PERM` could mean (the reference's `valid_date`); `None` when the cell
/// is blank or not a date in the DfE form.
fn latest_date(f: &Field<PartialDate>) -> Option<Date> {
    let p = f.strict()?;
    let base = Date::new(p.year.unwrap_or(2000), p.month.unwrap_or(1), p.day.unwrap_or(1)).ok()?;
    // An unknown month adds a year less a day; else an unknown day adds a month less a day.
    let span = match (p.month, p.day) {
        (None, _) => Span::new().years(1),
        (Some(_), None) => Span::new().months(1),
        (Some(_), Some(_)) => return Some(base),
    };
    base.checked_add(span).ok()?.yesterday().ok()
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;
    use jiff::civil::date;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn partial_dates_read_as_late_as_possible() {
        let d = |s: &str| latest_date(&Field::parse(s));
        assert_eq!(d("ZZ/05/2021"), Some(date(2021, 5, 31)));
        assert_eq!(d("05/ZZ/2020"), Some(date(2021, 1, 4)));
        assert_eq!(d("ZZ/ZZ/1993"), Some(date(1993, 12, 31)));
        assert_eq!(d("ZZ/ZZ/ZZZZ"), Some(date(2000, 12, 31)));
        assert_eq!(d("17/06/2001"), Some(date(2001, 6, 17)));
        assert_eq!(d("ZZ/ZZ/ZZ"), None);
        assert_eq!(d("2001-06-17"), None);
    }

    #[test]
    fn unreadable_or_late_dates_are_reported() {
        // The reference's own test.
        let cur = ret(&[
            (
                "PrevPerm",
                "CHILD,DATE_PERM\n101,xx/10/2011\n102,17/06/2001\n103,01/05/2000\n104,\n\
                 105,05/ZZ/2020\n106,ZZ/05/2021\n107,ZZ/ZZ/ZZZZ\n108,ZZ/ZZ/1993\n109,ZZ/ZZ/ZZ\n\
                 110,01/13/2000\n",
            ),
            (
                "Episodes",
                "CHILD,DECOM\n101,20/10/2011\n102,19/11/2021\n102,17/06/2001\n103,\n\
                 104,11/09/2015\n105,01/03/2021\n106,01/07/2021\n107,01/07/2021\n\
                 108,01/07/2021\n109,01/07/2021\n110,01/07/2021\n",
            ),
        ]);
        let found =
            run(&PREVIOUS_PERMANENCE_DATE_IS_NOT_VALID, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(
            found,
            [
                "Episodes:0",
                "Episodes:2",
                "Episodes:9",
                "Episodes:10",
                "PrevPerm:0",
                "PrevPerm:1",
                "PrevPerm:8",
                "PrevPerm:9"
            ]
        );
    }
}
