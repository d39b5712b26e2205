use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An OC2 row whose `SDQ_SCORE` is given but is not a whole number from 0 to 40.
    ///
    /// ## Why it matters
    /// The Strengths and Difficulties Questionnaire total is the DfE's measure of looked-after
    /// children's emotional and behavioural health; only 0–40 is a possible total.
    ///
    /// ## Example
    /// `10`, `0`, `40` or blank passes; `41`, `39.5` and `XX` are reported.
    ///
    /// ## Reference behaviour
    /// As in the reference, which reads the score as a number, `20.0` counts as 20.
    pub(crate) SDQ_SCORE_IS_NOT_VALID,
    code: "180",
    tables: ["OC2"],
    fields: ["SDQ_SCORE"],
    years: Y2022_23..,
    message: "Data entry for the strengths and difficulties questionnaire (SDQ) score is invalid.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(oc2) = ctx.cur.tables.oc2.if_supplied() else { return };
    for r in oc2 {
        if r.sdq_score.is_blank() {
            continue;
        }
        let score = r.sdq_score.raw().trim().parse::<f64>().ok();
        let valid = score.is_some_and(|s| s.fract() == 0.0 && (0.0..=40.0).contains(&s));
        if !valid {
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
            "OC2",
            "CHILD,SDQ_SCORE\n1,10\n2,41\n3,58\n4,72\n5,0\n6,40\n7,39.5\n8,20.0\n9,\n10,XX\n",
        )]);
        let found = run(&SDQ_SCORE_IS_NOT_VALID, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["OC2:1", "OC2:2", "OC2:3", "OC2:6", "OC2:9"]);
    }
}
