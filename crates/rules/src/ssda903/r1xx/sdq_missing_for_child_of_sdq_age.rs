use super::util::looked_after_12_months;
use crate::context::Ctx;
use crate::dates::plus_years;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An OC2 row with neither an `SDQ_SCORE` nor an `SDQ_REASON` for a child who was 4 or over
    /// on 1 April and under 17 on 31 March (from the OC2 row's `DOB`) and was looked after
    /// continuously for 12 months at 31 March (the OC2 cohort, as the reference computes it).
    ///
    /// ## Why it matters
    /// Every child of questionnaire age in the OC2 cohort needs a score, or a reason why there is
    /// none; the DfE publishes the completion rate.
    ///
    /// ## Example
    /// In 2024/25, a 10-year-old in care all year with no score and no reason is reported; with
    /// a score of 12, or with `SDQ2`, it passes.
    pub(crate) SDQ_MISSING_FOR_CHILD_OF_SDQ_AGE,
    code: "186",
    tables: ["Episodes", "OC2"],
    fields: ["SDQ_SCORE"],
    years: Y2022_23..,
    message: "Children aged 4 or over at the start of the year and children aged under 17 at the end of the year and who have been looked after for at least 12 months continuously should have a Strengths and Difficulties (SDQ) score completed.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(_), Some(oc2)) =
        (ctx.cur.tables.episodes.if_supplied(), ctx.cur.tables.oc2.if_supplied())
    else {
        return;
    };
    let (start, end) = (ctx.start(), ctx.end());
    for r in oc2 {
        if r.sdq_score.is_present() || r.sdq_reason.is_present() {
            continue;
        }
        let Some(dob) = r.dob.strict() else { continue };
        let of_age = plus_years(dob, 4).is_some_and(|d| d <= start)
            && plus_years(dob, 17).is_some_and(|d| d > end);
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
                 1,31/03/2024,31/12/2024,C2,X1,o\n\
                 1,31/12/2024,,C2,,o\n\
                 2,31/03/2024,,C2,,o\n\
                 3,31/03/2024,,C2,,o\n\
                 4,31/03/2024,,C2,,o\n\
                 5,31/03/2024,,C2,,o\n\
                 6,31/03/2024,,C2,,o\n\
                 7,31/05/2024,,C2,,S\n\
                 8,31/03/2024,30/03/2025,C2,E4a,o\n\
                 9,31/03/2024,,V4,,o\n",
            ),
            (
                "OC2",
                "CHILD,DOB,SDQ_SCORE,SDQ_REASON\n1,01/04/2014,10,SDQ1\n2,01/04/2014,1O,\n\
                 3,01/04/2014,,SDQ2\n4,01/04/2014,,\n5,01/04/2004,,\n6,01/04/2022,,\n\
                 7,01/04/2014,,\n8,01/04/2014,,\n9,01/04/2014,,\n10,01/04/2014,,\n",
            ),
        ]);
        let found = run(&SDQ_MISSING_FOR_CHILD_OF_SDQ_AGE, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["OC2:3"]);
    }
}
