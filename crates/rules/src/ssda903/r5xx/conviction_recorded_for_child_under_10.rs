use crate::context::Ctx;
use crate::dates::plus_years;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An OC2 row with `CONVICTED` filled (any text) for a child under 10 at 31 March: the
    /// OC2 `DOB` plus 10 years falls after the end of the collection year.
    ///
    /// ## Why it matters
    /// Children under 10 are below the age of criminal responsibility; a conviction item for
    /// them is a data entry error that distorts offending statistics.
    ///
    /// ## Example
    /// In 2019/20, `DOB` 10/01/2017 with `CONVICTED` 1 is reported; `DOB` 22/06/2000 passes,
    /// as does an under-10 with `CONVICTED` blank.
    pub(crate) CONVICTION_RECORDED_FOR_CHILD_UNDER_10,
    code: "542",
    tables: ["OC2"],
    fields: ["CONVICTED"],
    years: Y2022_23..,
    message: "A child aged under 10 at 31 March should not have conviction information completed.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(oc2) = ctx.cur.tables.oc2.if_supplied() else { return };
    let end = ctx.end();
    for o in oc2 {
        let under_10 = o.dob.strict().and_then(|d| plus_years(d, 10)).is_some_and(|d| d > end);
        if under_10 && o.convicted.is_present() {
            out.flag(o);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    /// The reference's own test case, moved to 2022/23 (collection end 31/03/2023).
    #[test]
    fn conviction_for_an_under_10_is_reported() {
        let cur = ret(&[(
            "OC2",
            "DOB,CONVICTED\n08/03/2023,1\n22/06/2003,\n,1\n13/10/2003,1\n10/01/2020,1\n01/04/2013,0\n31/03/2013,0\n",
        )]);
        let found =
            run(&CONVICTION_RECORDED_FOR_CHILD_UNDER_10, CollectionYear::Y2022_23, &cur, None);
        assert_eq!(found, ["OC2:0", "OC2:4", "OC2:5"]);
    }
}
