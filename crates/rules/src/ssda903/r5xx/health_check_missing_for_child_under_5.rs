use super::util::child_of;
use crate::context::Ctx;
use crate::dates::plus_years;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An OC2 row with `HEALTH_CHECK` blank for a child looked after continuously for 12
    /// months at 31 March (the OC2 cohort) who is under 5 then: the OC2 `DOB` plus 5 years is
    /// after the end of the collection year.
    ///
    /// ## Why it matters
    /// Development assessments for under-fives are a statutory health outcome the DfE
    /// publishes; a blank item leaves the child out of it.
    ///
    /// ## Example
    /// A child in care all year, born 22/06/2020, with `HEALTH_CHECK` blank at 31/03/2023 is
    /// reported; with `HEALTH_CHECK` 1 it passes, as does a five-year-old.
    pub(crate) HEALTH_CHECK_MISSING_FOR_CHILD_UNDER_5,
    code: "545",
    tables: ["OC2"],
    fields: ["DOB", "HEALTH_CHECK"],
    years: Y2022_23..,
    message: "Child is aged under 5 at 31 March and has been looked after continuously for 12 months yet health promotion information has not been completed.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(oc2), Some(_)) =
        (ctx.cur.tables.oc2.if_supplied(), ctx.cur.tables.episodes.if_supplied())
    else {
        return;
    };
    let end = ctx.end();
    for o in oc2 {
        let under_5 = o.dob.strict().and_then(|d| plus_years(d, 5)).is_some_and(|d| end < d);
        if under_5
            && o.health_check.is_blank()
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
    fn cohort_child_under_5_without_health_check_is_reported() {
        let cur = ret(&[
            (
                "Episodes",
                "CHILD,DECOM,DEC,LS,REC,RNE\n\
                 101,01/03/2022,31/03/2023,o,X1,o\n\
                 102,01/03/2022,30/03/2023,o,X1,o\n\
                 103,01/03/2022,01/01/2023,o,X1,o\n\
                 104,01/02/2012,,o,!!,o\n\
                 105,01/03/2021,01/01/2023,o,X1,o\n\
                 105,01/01/2023,01/01/2025,o,oo,o\n\
                 106,01/03/2022,01/01/2024,V3,X1,o\n\
                 107,01/03/2022,01/01/2024,V3,!!,o\n",
            ),
            (
                "OC2",
                "CHILD,DOB,HEALTH_CHECK\n101,08/03/2016,\n102,22/06/2020,\n103,,\n104,13/10/2043,1\n105,10/01/2021,\n106,01/01/2021,\n107,01/01/2021,\n333,01/01/2021,\n",
            ),
        ]);
        let rule = &HEALTH_CHECK_MISSING_FOR_CHILD_UNDER_5;
        assert_eq!(run(rule, CollectionYear::Y2022_23, &cur, None), ["OC2:1", "OC2:4"]);
    }
}
