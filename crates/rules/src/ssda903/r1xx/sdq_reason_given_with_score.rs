use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An OC2 row with both an `SDQ_SCORE` and an `SDQ_REASON` (reason for no score).
    ///
    /// ## Why it matters
    /// A child has either a score or a reason for not having one; both at once are contradictory.
    ///
    /// ## Example
    /// A score of 12 with no reason passes, as does `SDQ2` with no score; both together is
    /// reported.
    pub(crate) SDQ_REASON_GIVEN_WITH_SCORE,
    code: "197a",
    tables: ["OC2"],
    fields: ["SDQ_SCORE", "SDQ_REASON"],
    years: Y2022_23..,
    message: "Reason for no Strengths and Difficulties (SDQ) score is not required if Strengths and Difficulties Questionnaire score is filled in.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(oc2) = ctx.cur.tables.oc2.if_supplied() else { return };
    for r in oc2 {
        if r.sdq_score.is_present() && r.sdq_reason.is_present() {
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
    fn score_and_reason_together_are_reported() {
        let cur = ret(&[(
            "OC2",
            "CHILD,SDQ_SCORE,SDQ_REASON\n1,12,\n2,,SDQ2\n3,12,SDQ1\n4,,\n5,xx,yy\n",
        )]);
        let found = run(&SDQ_REASON_GIVEN_WITH_SCORE, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["OC2:2", "OC2:4"]);
    }
}
