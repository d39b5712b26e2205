use super::util::child_of;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child placed for adoption (an episode with `PLACE` A3–A6) whose AD1 `DATE_INT` (date
    /// of the decision that adoption is in the child's best interests) is after that
    /// episode's `DECOM`. Both the episode and the AD1 row are reported.
    ///
    /// ## Why it matters
    /// A child cannot be placed for adoption before the LA has decided that adoption is in
    /// their best interests; the order of these dates underpins adoption timeliness measures.
    ///
    /// ## Example
    /// `DATE_INT` 08/03/2020 and an A6 placement from 01/01/2020: both rows reported. A
    /// placement from 01/11/2020, or a `DATE_INT` equal to `DECOM`, passes.
    pub(crate) ADOPTION_DECISION_AFTER_PLACED_FOR_ADOPTION,
    code: "521",
    tables: ["Episodes", "AD1"],
    fields: ["PLACE", "DECOM", "DATE_INT"],
    years: Y2022_23..,
    message: "Date of local authority's decision (LA) that adoption is in the best interests of the child (date should be placed) must be on or prior to the date the child is placed for adoption.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(_), Some(ad1)) =
        (ctx.cur.tables.episodes.if_supplied(), ctx.cur.tables.ad1.if_supplied())
    else {
        return;
    };
    for a in ad1 {
        let (Some(child), Some(date_int)) = (child_of(a), a.date_int.strict()) else { continue };
        for e in ctx.episodes().get(child) {
            if e.place.strict().is_some_and(|p| p.is_adoption())
                && e.decom.strict().is_some_and(|d| date_int > d)
            {
                out.flag(e);
                out.flag(a);
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
    fn placement_for_adoption_before_the_decision_is_reported() {
        let cur = ret(&[
            (
                "AD1",
                "CHILD,DATE_INT\n111,08/03/2020\n123,22/07/2020\n333,13/10/2021\n444,22/06/2020\n678,\n",
            ),
            (
                "Episodes",
                "CHILD,DECOM,PLACE\n\
                 111,01/01/2020,A6\n\
                 111,01/11/2020,A5\n\
                 111,22/01/2020,X1\n\
                 123,,A5\n\
                 123,11/01/2020,X1\n\
                 333,01/01/2020,A6\n\
                 333,22/01/2020,X1\n\
                 333,11/01/2020,U1\n\
                 444,22/06/2020,A3\n\
                 444,11/01/2020,X1\n\
                 444,01/01/2020,A3\n\
                 678,01/01/2020,A4\n",
            ),
        ]);
        let found =
            run(&ADOPTION_DECISION_AFTER_PLACED_FOR_ADOPTION, CollectionYear::Y2022_23, &cur, None);
        assert_eq!(found, ["Episodes:0", "Episodes:5", "Episodes:10", "AD1:0", "AD1:2", "AD1:3"]);
    }
}
