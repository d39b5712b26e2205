use super::util::child_of;
use crate::context::Ctx;
use crate::dates::plus_years;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An OC2 row with `HEALTH_CHECK` filled (any text) for a child looked after continuously
    /// for 12 months at 31 March (the OC2 cohort) who is 5 or over then: the OC2 `DOB` plus 5
    /// years is on or before the end of the collection year.
    ///
    /// ## Why it matters
    /// The health promotion item is collected for under-fives only; filled for older children
    /// it inflates the published figures.
    ///
    /// ## Example
    /// A child in care all year, born 08/03/2008, with `HEALTH_CHECK` 1 at 31/03/2023 is
    /// reported; with `HEALTH_CHECK` blank it passes, as does a child not in the cohort.
    pub(crate) HEALTH_CHECK_RECORDED_FOR_CHILD_AGED_5_OR_OVER,
    code: "546",
    tables: ["Episodes", "OC2"],
    fields: ["DOB", "HEALTH_CHECK"],
    years: Y2022_23..,
    message: "Children aged 5 or over at 31 March should not have health promotion information completed.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(oc2), Some(_)) =
        (ctx.cur.tables.oc2.if_supplied(), ctx.cur.tables.episodes.if_supplied())
    else {
        return;
    };
    let end = ctx.end();
    for o in oc2 {
        let aged_5 = o.dob.strict().and_then(|d| plus_years(d, 5)).is_some_and(|d| end >= d);
        if aged_5
            && o.health_check.is_present()
            && child_of(o).is_some_and(|c| ctx.continuously_looked_after(c))
        {
            out.flag(o);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    /// The reference's own test case, moved from 1980/81 to 2022/23 (42 years on).
    #[test]
    fn health_check_for_a_cohort_child_of_5_is_reported() {
        let cur = ret(&[
            (
                "Episodes",
                "CHILD,DECOM,DEC,LS,REC,RNE\n\
                 101,01/03/2022,31/03/2023,o,X1,o\n\
                 102,01/03/2022,30/03/2023,o,X1,o\n\
                 103,01/03/2022,01/01/2023,V3,X1,o\n\
                 104,01/02/2012,,o,!!,o\n\
                 105,01/03/2021,01/01/2023,o,X1,o\n",
            ),
            (
                "OC2",
                "CHILD,DOB,HEALTH_CHECK\n101,08/03/2006,1\n102,22/06/2000,1\n103,,\n104,13/10/2043,1\n105,10/01/1991,\n",
            ),
        ]);
        let rule = &HEALTH_CHECK_RECORDED_FOR_CHILD_AGED_5_OR_OVER;
        assert_eq!(run(rule, CollectionYear::Y2022_23, &cur, None), ["OC2:0", "OC2:1"]);
    }
}
