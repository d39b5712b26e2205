use crate::context::Ctx;
use crate::dates::plus_years;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An OC2 row with an `SDQ_SCORE` or `SDQ_REASON` for a child whose fourth birthday (from
    /// the OC2 row's `DOB`) is after 31 March.
    ///
    /// ## Why it matters
    /// The questionnaire is for children aged 4 to 16; a score or reason for a younger child is
    /// a keying error.
    ///
    /// ## Example
    /// In 2024/25, a child born 01/04/2021 (4 on 01/04/2025) with a score is reported; one born
    /// 31/03/2021 is not.
    pub(crate) SDQ_FOR_CHILD_UNDER_4,
    code: "188",
    tables: ["OC2"],
    fields: ["SDQ_SCORE", "SDQ_REASON"],
    years: Y2022_23..,
    message: "Child is aged under 4 years at the end of the year, but a Strengths and Difficulties (SDQ) score or a reason for no SDQ score has been completed. ",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(oc2) = ctx.cur.tables.oc2.if_supplied() else { return };
    let end = ctx.end();
    for r in oc2 {
        let under_4 = r.dob.strict().and_then(|d| plus_years(d, 4)).is_some_and(|d4| d4 > end);
        if under_4 && (r.sdq_score.is_present() || r.sdq_reason.is_present()) {
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
    fn the_references_cases_moved_to_2024_25() {
        let cur = ret(&[(
            "OC2",
            "CHILD,DOB,SDQ_SCORE,SDQ_REASON\n0,01/01/2014,OK,\n1,01/01/2024,!!!,\n\
             2,01/01/2014,,\n3,31/03/2021,OK,\n4,01/04/2021,!!!,\n5,01/04/2021,,SDQ1\n\
             6,01/04/2021,,\n",
        )]);
        let found = run(&SDQ_FOR_CHILD_UNDER_4, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["OC2:1", "OC2:4", "OC2:5"]);
    }
}
