use carelens_model::codes::ReviewParticipation;

use crate::context::Ctx;
use crate::dates::plus_years;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A review coded PN1–PN7 (how a child aged 4 or over took part) held before the child's
    /// 4th birthday, by the `DOB` on the Reviews row.
    ///
    /// ## Why it matters
    /// Children under 4 are coded PN0; a participation code for a younger child means the
    /// code or one of the dates is wrong.
    ///
    /// ## Example
    /// `DOB` 01/01/2008, review 01/01/2009 coded PN4: reported. Review 01/01/2012 coded PN4:
    /// passes.
    pub(crate) PARTICIPATION_CODE_FOR_CHILD_UNDER_4,
    code: "441",
    tables: ["Reviews"],
    fields: ["DOB", "REVIEW", "REVIEW_CODE"],
    years: Y2022_23..,
    message: "Participation method indicates child was 4 years old or over at the time of the review, but the date of birth and review date indicates the child was under 4 years old.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(reviews) = ctx.cur.tables.reviews.if_supplied() else { return };
    for r in reviews {
        if matches!(r.review_code.strict(), None | Some(ReviewParticipation::Pn0)) {
            continue;
        }
        let fourth = r.dob.strict().and_then(|d| plus_years(d, 4));
        if let (Some(review), Some(fourth)) = (r.review.strict(), fourth)
            && review < fourth
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
    fn participation_code_before_the_fourth_birthday_is_reported() {
        // The reference's own cases (rule_441.test_validate).
        let cur = ret(&[(
            "Reviews",
            "CHILD,DOB,REVIEW,REVIEW_CODE\n1,01/01/2004,31/12/2008,PN1\n2,01/01/2006,01/01/2012,PN2\n\
             3,01/01/2007,,PN3\n4,01/01/2008,01/01/2009,PN4\n5,01/01/2010,01/01/2012,PN5\n\
             6,01/01/2012,01/01/2017,PN6\n7,01/01/2014,01/01/2021,PN7\n8,01/06/2014,01/01/2015,PN0\n",
        )]);
        let found =
            run(&PARTICIPATION_CODE_FOR_CHILD_UNDER_4, CollectionYear::Y2022_23, &cur, None);
        assert_eq!(found, ["Reviews:3", "Reviews:4"]);
    }
}
