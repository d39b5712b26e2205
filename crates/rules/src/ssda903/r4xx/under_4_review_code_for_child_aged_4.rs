use carelens_model::codes::ReviewParticipation;

use crate::context::Ctx;
use crate::dates::plus_years;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A review coded PN0 ("child aged under 4 at the time of the review") held after the
    /// child's 4th birthday, by the `DOB` on the Reviews row.
    ///
    /// ## Why it matters
    /// From age 4 the code records how the child took part in their review (PN1–PN7), which
    /// the DfE reports on; PN0 for an older child hides that.
    ///
    /// ## Example
    /// `DOB` 01/01/2008, review 01/01/2013 coded PN0: reported. Review 01/01/2012 (the 4th
    /// birthday) coded PN0: passes.
    pub(crate) UNDER_4_REVIEW_CODE_FOR_CHILD_AGED_4,
    code: "440",
    tables: ["Reviews"],
    fields: ["DOB", "REVIEW", "REVIEW_CODE"],
    years: Y2022_23..,
    message: "Participation method indicates child was under 4 years old at the time of the review, but date of birth and review date indicates the child was 4 years old or over.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(reviews) = ctx.cur.tables.reviews.if_supplied() else { return };
    for r in reviews {
        if r.review_code.strict() != Some(ReviewParticipation::Pn0) {
            continue;
        }
        let fourth = r.dob.strict().and_then(|d| plus_years(d, 4));
        if let (Some(review), Some(fourth)) = (r.review.strict(), fourth)
            && review > fourth
        {
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
    fn pn0_after_the_fourth_birthday_is_reported() {
        // The reference's own cases (rule_440.test_validate).
        let cur = ret(&[(
            "Reviews",
            "CHILD,DOB,REVIEW,REVIEW_CODE\n1,01/01/2004,31/12/2007,PN0\n2,01/01/2006,01/01/2007,PN0\n\
             3,01/01/2007,,PN0\n4,01/01/2008,01/01/2013,PN0\n5,01/01/2010,01/01/2015,PN0\n\
             6,01/01/2012,01/01/2014,PN0\n7,01/01/2014,01/01/2020,PN1\n",
        )]);
        let found =
            run(&UNDER_4_REVIEW_CODE_FOR_CHILD_AGED_4, CollectionYear::Y2022_23, &cur, None);
        assert_eq!(found, ["Reviews:3", "Reviews:4"]);
    }
}
