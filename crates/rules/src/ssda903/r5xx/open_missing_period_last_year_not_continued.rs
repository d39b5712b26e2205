use carelens_model::{Date, Missing};
use jiff::civil::date;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child with a missing period in last year's return that had no `MIS_END` (still
    /// open): the child's earliest missing period this year must start on the same date. The
    /// earliest period this year (earliest `MIS_START`; one with no readable start counts as
    /// starting in 2099) is reported when an open period last year with a readable start
    /// began on another date.
    ///
    /// ## Why it matters
    /// A period open at 31 March carries over into the next return; a different start date
    /// breaks the link between the two returns.
    ///
    /// ## Example
    /// Last year an open period from 07/02/2020; this year's earliest from 08/02/2020:
    /// reported. From 07/02/2020 it passes; a period closed last year is not compared.
    pub(crate) OPEN_MISSING_PERIOD_LAST_YEAR_NOT_CONTINUED,
    code: "576",
    tables: ["Missing", "Missing_last"],
    fields: ["CHILD"],
    years: Y2022_23..,
    needs: [last_year],
    message: "There is an open missing/away from placement without authorisation period in last year’s return and there is no corresponding period recorded at the start of this year.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(_), Some(_)) = (
        ctx.cur.tables.missing.if_supplied(),
        ctx.last.and_then(|l| l.tables.missing.if_supplied()),
    ) else {
        return;
    };
    // The reference fills an unreadable start with 01/01/2099 before taking the earliest.
    let far_future = date(2099, 1, 1);
    let missing_last = ctx.missing_last();
    for (child, rows) in ctx.missing().iter() {
        let mut first: Option<(Date, &Missing)> = None;
        for m in rows {
            let start = m.mis_start.strict().unwrap_or(far_future);
            if first.is_none_or(|(b, _)| start < b) {
                first = Some((start, m));
            }
        }
        let Some((start, m)) = first else { continue };
        let not_continued = missing_last
            .get(child)
            .filter(|l| l.mis_end.is_blank())
            .filter_map(|l| l.mis_start.strict())
            .any(|open_start| open_start != start);
        if not_continued {
            out.flag(m);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    /// The reference's own test case.
    #[test]
    fn open_period_not_continued_this_year_is_reported() {
        let cur = ret(&[(
            "Missing",
            "CHILD,MIS_START\n111,07/02/2020\n222,08/02/2020\n333,03/02/2020\n444,\n555,01/02/2020\n666,13/02/2020\n",
        )]);
        let last = ret(&[(
            "Missing",
            "CHILD,MIS_START,MIS_END\n\
             111,07/02/2020,07/02/2020\n\
             222,07/02/2020,\n\
             333,03/02/2020,07/02/2020\n\
             444,07/02/2020,\n\
             555,01/02/2020,\n\
             666,13/02/2020,07/02/2020\n",
        )]);
        let rule = &OPEN_MISSING_PERIOD_LAST_YEAR_NOT_CONTINUED;
        assert_eq!(
            run(rule, CollectionYear::Y2022_23, &cur, Some(&last)),
            ["Missing:1", "Missing:3"]
        );
    }
}
