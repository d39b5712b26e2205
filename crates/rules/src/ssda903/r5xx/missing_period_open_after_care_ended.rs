use super::util::{child_of, periods_of_care};
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A Missing row with a readable `MIS_START` that fits none of the child's periods of
    /// care. A period of care chains the child's episodes (in `DECOM` order) while each starts
    /// on or before the previous one's `DEC`; it runs from its first `DECOM` to its last
    /// episode's `DEC` (open if that is blank). The missing period fails a period of care when
    /// it is still open (no readable `MIS_END`) but the period of care has ended, or started
    /// before the period of care did, or when its `MIS_END` is after the period of care's end
    /// or before its start. A child with no episodes is not checked.
    ///
    /// ## Why it matters
    /// When a child ceases to be looked after, any missing period must have ended; an open or
    /// misdated one overstates time missing from care.
    ///
    /// ## Example
    /// Care 01/04/2020–30/03/2021 and a missing period from 01/01/2021 with no end: reported.
    /// With an end of 02/01/2021 it passes; so does an open period while care continues.
    pub(crate) MISSING_PERIOD_OPEN_AFTER_CARE_ENDED,
    code: "577",
    tables: ["Episodes", "Missing"],
    fields: ["MIS_END"],
    years: Y2022_23..,
    message: "Child ceased to be looked after but there is a missing/away from placement without authorisation period without an end date.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(_), Some(missing)) =
        (ctx.cur.tables.episodes.if_supplied(), ctx.cur.tables.missing.if_supplied())
    else {
        return;
    };
    for m in missing {
        let (Some(child), Some(start)) = (child_of(m), m.mis_start.strict()) else { continue };
        let end = m.mis_end.strict();
        let periods = periods_of_care(ctx.episodes().get(child));
        let out_of_every_period = !periods.is_empty()
            && periods.iter().all(|p| match end {
                None => p.end.is_some() || start < p.start,
                Some(end) => p.end.is_some_and(|pe| end > pe) || end < p.start,
            });
        if out_of_every_period {
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
    fn missing_period_outside_every_period_of_care_is_reported() {
        let cur = ret(&[
            (
                "Missing",
                "CHILD,MIS_START,MIS_END\n\
                 1,01/01/1981,\n\
                 2,01/01/1981,02/06/2020\n\
                 3,01/01/1981,03/06/2022\n\
                 3,01/01/1981,03/06/2020\n\
                 4,01/01/1981,04/06/2020\n\
                 5,01/01/1981,01/01/1982\n\
                 5,01/01/1981,01/01/2000\n\
                 6,01/01/1981,01/01/1981\n\
                 7,,01/01/1981\n\
                 8,01/01/1981,\n\
                 9,01/01/2020,\n\
                 9,01/01/2021,\n\
                 9,04/06/2020,04/06/2021\n",
            ),
            (
                "Episodes",
                "CHILD,DECOM,DEC,LS,REC\n\
                 1,01/04/1977,31/03/1981,o,X1\n\
                 2,01/04/1979,30/03/1981,o,\n\
                 88,01/05/1980,01/01/1981,o,xx\n\
                 3,01/04/1980,01/01/1981,V3,kk\n\
                 3,01/04/2020,01/01/2021,V3,kk\n\
                 3,01/01/2021,05/10/2021,V3,kk\n\
                 4,01/04/1981,,o,!!\n\
                 5,01/04/1978,01/01/1981,o,xx\n\
                 5,01/01/1981,01/01/1990,o,xx\n\
                 5,01/04/1983,04/06/2020,o,kk\n\
                 6,01/04/1983,04/06/2020,o,kk\n\
                 7,01/04/1983,04/06/2020,o,kk\n\
                 8,01/04/1983,04/06/2020,o,xx\n\
                 9,01/01/2020,04/06/2020,o,<--\n\
                 9,04/06/2020,11/08/2020,o,-\n\
                 9,11/08/2020,01/12/2020,o,-->\n\
                 9,22/12/2020,25/12/2020,o,<->\n\
                 9,01/01/2021,22/02/2021,o,<--\n\
                 9,22/02/2021,08/08/2021,V3,-\n\
                 9,08/08/2021,,o,--o\n",
            ),
        ]);
        let rule = &MISSING_PERIOD_OPEN_AFTER_CARE_ENDED;
        assert_eq!(
            run(rule, CollectionYear::Y2022_23, &cur, None),
            ["Missing:0", "Missing:1", "Missing:2", "Missing:7", "Missing:9", "Missing:10"]
        );
    }
}
