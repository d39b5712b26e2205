use super::util::sort_dates_last;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child's missing periods in order of end date (a period still open counts as ending
    /// on its start date), then start date: a period is reported when the one before it has
    /// no readable `MIS_END` (still open), or when it starts before that one ended.
    ///
    /// ## Why it matters
    /// A child can be missing only once at a time; overlapping or unclosed periods
    /// double-count episodes of going missing.
    ///
    /// ## Example
    /// 02/06/2020–04/06/2020 then 03/06/2020–09/06/2020: the second is reported.
    /// 03/06/2020–04/06/2020, then 04/06/2020 (open), then 07/06/2020–09/06/2020: the third
    /// is reported, because the open one comes before it.
    ///
    /// Periods with neither date readable sort last; ties keep file order, as the
    /// reference's sort does.
    pub(crate) MISSING_PERIODS_OVERLAP,
    code: "574",
    tables: ["Missing"],
    fields: ["MIS_START", "MIS_END"],
    years: Y2022_23..,
    message: "A new missing/away from placement without authorisation period cannot start when the previous missing/away from placement without authorisation period is still open. Missing/away from placement without authorisation periods should also not overlap.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    if ctx.cur.tables.missing.if_supplied().is_none() {
        return;
    }
    for (_, mut rows) in ctx.missing().iter() {
        sort_dates_last(&mut rows, |m| {
            let start = m.mis_start.strict();
            [m.mis_end.strict().or(start), start]
        });
        for pair in rows.windows(2) {
            let (prev, cur) = (pair[0], pair[1]);
            let overlaps = match prev.mis_end.strict() {
                None => true,
                Some(end) => cur.mis_start.strict().is_some_and(|s| s < end),
            };
            if overlaps {
                out.flag(cur);
            }
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
    fn overlapping_and_unclosed_periods_are_reported() {
        let cur = ret(&[(
            "Missing",
            "CHILD,MIS_START,MIS_END\n\
             111,01/06/2020,05/06/2020\n\
             111,04/06/2020,\n\
             222,03/06/2020,04/06/2020\n\
             222,04/06/2020,\n\
             222,07/06/2020,09/06/2020\n\
             333,02/06/2020,04/06/2020\n\
             333,03/06/2020,09/06/2020\n\
             444,06/06/2020,08/06/2020\n\
             444,10/06/2020,10/06/2020\n\
             444,08/06/2020,10/08/2020\n\
             555,,05/06/2020\n\
             555,,05/06/2020\n",
        )]);
        let found = run(&MISSING_PERIODS_OVERLAP, CollectionYear::Y2022_23, &cur, None);
        assert_eq!(found, ["Missing:0", "Missing:4", "Missing:6", "Missing:9"]);
    }
}
