use carelens_model::codes::SdqReason;

use super::util::looked_after_12_months;
use crate::context::Ctx;
use crate::dates::plus_years;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An OC2 row with no `SDQ_SCORE` and `SDQ_REASON` = `SDQ1` ("no form returned: child under
    /// 4 or over 16") for a child of questionnaire age — 4 or over on 1 April and still 16 on
    /// 31 March, from the OC2 row's `DOB` — who was looked after continuously for 12 months at
    /// 31 March (the OC2 cohort, as the reference computes it).
    ///
    /// ## Why it matters
    /// SDQ1 claims the child is outside the questionnaire's age range; for a child inside it the
    /// reason is wrong and hides a missing score.
    ///
    /// ## Example
    /// In 2024/25, a 10-year-old in care all year with `SDQ1` and no score is reported; the same
    /// child with `SDQ2`, or a 3-year-old with `SDQ1`, is not.
    pub(crate) SDQ1_REASON_FOR_CHILD_OF_SDQ_AGE,
    code: "157",
    tables: ["OC2", "Episodes"],
    fields: ["SDQ_REASON", "DOB"],
    years: Y2022_23..,
    message: "Child is aged 4 years or over at the beginning of the year or 16 years or under at the end of the year and Strengths and Difficulties Questionnaire (SDQ) 1 has been recorded as the reason for no Strengths and Difficulties Questionnaire (SDQ) score.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(oc2), Some(_)) =
        (ctx.cur.tables.oc2.if_supplied(), ctx.cur.tables.episodes.if_supplied())
    else {
        return;
    };
    let (start, end) = (ctx.start(), ctx.end());
    for r in oc2 {
        if r.sdq_score.is_present() || r.sdq_reason.strict() != Some(SdqReason::Sdq1) {
            continue;
        }
        let Some(dob) = r.dob.strict() else { continue };
        let of_age = plus_years(dob, 4).is_some_and(|d| d <= start)
            && plus_years(dob, 16).is_some_and(|d| d >= end);
        if of_age && looked_after_12_months(ctx, &r.child) {
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
        let cur = ret(&[
            (
                "Episodes",
                "CHILD,DECOM,DEC,LS,REC,RNE\n\
                 1,01/03/2024,31/03/2025,o,X1,o\n\
                 2,01/03/2024,30/03/2025,o,X1,o\n\
                 3333,01/03/2024,01/01/2025,V3,X1,o\n\
                 4,01/02/2014,,o,!!,o\n\
                 5,01/03/2023,01/01/2025,o,X1,o\n\
                 5,01/01/2025,,o,,o\n\
                 6666,01/03/2023,01/01/2025,o,!!,o\n\
                 6666,01/01/2025,,o,,o\n\
                 7777,01/03/2023,01/01/2025,o,X1,o\n\
                 7777,01/01/2025,01/07/2025,o,o,S\n\
                 8888,01/01/2025,31/03/2043,o,o,S\n",
            ),
            (
                "OC2",
                "CHILD,SDQ_SCORE,SDQ_REASON,DOB\n9999999999,OK,SDQ1,01/04/2014\n\
                 1,,SDQ1,31/03/2009\n2,,SDQ1,01/04/2020\n3333,,OK,01/04/2014\n\
                 99999999,,,01/04/2014\n8888,OK,OK,01/04/2014\n5,,OK!,01/07/2014\n",
            ),
        ]);
        let found = run(&SDQ1_REASON_FOR_CHILD_OF_SDQ_AGE, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["OC2:1", "OC2:2"]);
    }
}
