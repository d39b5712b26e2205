use super::util::looked_after_12_months;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An OC2 row with an `SDQ_REASON` (reason for no SDQ score) for a child who was not looked
    /// after continuously for 12 months at 31 March (the OC2 cohort, as the reference computes
    /// it), including a child with no episodes.
    ///
    /// ## Why it matters
    /// SDQ data is collected only for the OC2 cohort; a reason for anyone else distorts the
    /// published completion rates.
    ///
    /// ## Example
    /// `SDQ2` for a child in care all year passes; the same for a child who started to be
    /// looked after in June is reported.
    pub(crate) SDQ_REASON_FOR_CHILD_NOT_LOOKED_AFTER_12_MONTHS,
    code: "198",
    tables: ["Episodes", "OC2"],
    fields: ["SDQ_REASON"],
    years: Y2022_23..,
    message: "Child has not been looked after continuously for at least 12 months at 31 March but a reason for no Strengths and Difficulties (SDQ) score has been completed. ",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(_), Some(oc2)) =
        (ctx.cur.tables.episodes.if_supplied(), ctx.cur.tables.oc2.if_supplied())
    else {
        return;
    };
    for r in oc2 {
        if r.sdq_reason.is_present() && !looked_after_12_months(ctx, &r.child) {
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
    fn reasons_for_children_outside_the_cohort_are_reported() {
        let cur = ret(&[
            ("Episodes", "CHILD,DECOM,DEC,LS,REC,RNE\n1,01/03/2024,,C2,,S\n3,01/06/2024,,C2,,S\n"),
            ("OC2", "CHILD,SDQ_REASON\n1,SDQ2\n3,SDQ2\n4,SDQ1\n3,\n"),
        ]);
        let found = run(
            &SDQ_REASON_FOR_CHILD_NOT_LOOKED_AFTER_12_MONTHS,
            CollectionYear::Y2024_25,
            &cur,
            None,
        );
        assert_eq!(found, ["OC2:1", "OC2:2"]);
    }
}
