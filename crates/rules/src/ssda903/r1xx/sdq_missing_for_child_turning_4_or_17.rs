use super::util::looked_after_12_months;
use crate::context::Ctx;
use crate::dates::plus_years;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An OC2 row with neither an `SDQ_SCORE` nor an `SDQ_REASON` for a child whose fourth or
    /// seventeenth birthday (from the OC2 row's `DOB`) falls in the collection year and who was
    /// looked after continuously for 12 months at 31 March (the OC2 cohort, as the reference
    /// computes it).
    ///
    /// ## Why it matters
    /// Children at the edges of the questionnaire's age range are the ones most often left out;
    /// the DfE wants a score or a reason for each of them.
    ///
    /// ## Example
    /// In 2024/25, a child in care all year born 15/06/2020 (4 on 15/06/2024) with no score and
    /// no reason is reported; with `SDQ1` it passes.
    pub(crate) SDQ_MISSING_FOR_CHILD_TURNING_4_OR_17,
    code: "197B",
    tables: ["OC2", "Episodes"],
    fields: ["SDQ_REASON", "DOB"],
    years: Y2022_23..,
    message: "SDQ score or reason for no SDQ should be reported for 4- or 17-year-olds.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(oc2), Some(_)) =
        (ctx.cur.tables.oc2.if_supplied(), ctx.cur.tables.episodes.if_supplied())
    else {
        return;
    };
    let (start, end) = (ctx.start(), ctx.end());
    let in_year = |d: Option<carelens_model::Date>| d.is_some_and(|d| start <= d && d <= end);
    for r in oc2 {
        if r.sdq_score.is_present() || r.sdq_reason.is_present() {
            continue;
        }
        let Some(dob) = r.dob.strict() else { continue };
        let turning = in_year(plus_years(dob, 4)) || in_year(plus_years(dob, 17));
        if turning && looked_after_12_months(ctx, &r.child) {
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
    fn children_turning_4_or_17_need_a_score_or_a_reason() {
        let cur = ret(&[
            (
                "Episodes",
                "CHILD,DECOM,DEC,LS,REC,RNE\n1,01/01/2020,,C2,,S\n2,01/01/2020,,C2,,S\n\
                 3,01/01/2020,,C2,,S\n4,01/01/2020,,C2,,S\n5,01/01/2020,,C2,,S\n\
                 6,01/06/2024,,C2,,S\n",
            ),
            (
                "OC2",
                "CHILD,DOB,SDQ_SCORE,SDQ_REASON\n1,15/06/2020,,\n2,01/04/2007,,\n\
                 3,15/06/2020,,SDQ1\n4,15/06/2014,,\n5,31/03/2021,,\n6,15/06/2020,,\n",
            ),
        ]);
        let found =
            run(&SDQ_MISSING_FOR_CHILD_TURNING_4_OR_17, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["OC2:0", "OC2:1", "OC2:4"]);
    }
}
