use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A Reviews row with a `REVIEW` date whose `REVIEW_CODE` (how the child took part) is blank
    /// or not one of `PN0`–`PN7`, or a row with a `REVIEW_CODE` but no `REVIEW` date.
    ///
    /// ## Why it matters
    /// Children's participation in their own reviews is a published measure; each review needs
    /// exactly one valid code.
    ///
    /// ## Example
    /// A review dated 12/12/2024 with `PN3` passes, as does a row with both fields blank;
    /// `pr0`, `child too young` or a blank code with a date is reported.
    ///
    /// ## Reference behaviour
    /// As in the reference, a `REVIEW` cell with any text counts as a date here, even one that
    /// rule 166 reports as malformed.
    pub(crate) REVIEW_PARTICIPATION_CODE_IS_NOT_VALID,
    code: "167",
    tables: ["Reviews"],
    fields: ["REVIEW_CODE"],
    years: Y2022_23..,
    message: "Data entry for participation is invalid or blank.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(reviews) = ctx.cur.tables.reviews.if_supplied() else { return };
    for r in reviews {
        let ok = if r.review.is_present() {
            r.review_code.strict().is_some()
        } else {
            r.review_code.is_blank()
        };
        if !ok {
            out.flag(r);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn the_references_cases() {
        let cur = ret(&[(
            "Reviews",
            "CHILD,REVIEW,REVIEW_CODE\n1,01/02/2020,pr0\n2,31/03/2020,child too young\n\
             3,12/12/2019,PN3\n4,05/07/2020,\n5,,\n6,,PN1\n",
        )]);
        let found =
            run(&REVIEW_PARTICIPATION_CODE_IS_NOT_VALID, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Reviews:0", "Reviews:1", "Reviews:3", "Reviews:5"]);
    }
}
