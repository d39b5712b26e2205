use super::util::looked_after_12_months;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An OC2 row with an `SDQ_SCORE` for a child who was not looked after continuously for 12
    /// months at 31 March, including a child with no episodes. As in the reference, a child is
    /// continuously looked after when in care during the year with no episode that starts a
    /// period of care after 1 April, ends care before 31 March, or is a short break (V3/V4).
    ///
    /// ## Why it matters
    /// SDQ scores are collected only for the OC2 cohort; a score for anyone else inflates the
    /// published figures.
    ///
    /// ## Example
    /// A score for a child in care all year passes; a score for a child who started to be
    /// looked after in June is reported.
    pub(crate) SDQ_SCORE_FOR_CHILD_NOT_LOOKED_AFTER_12_MONTHS,
    code: "185",
    tables: ["Episodes", "OC2"],
    fields: ["SDQ_SCORE"],
    years: Y2022_23..,
    message: "Child has not been looked after continuously for at least 12 months at 31 March but a Strengths and Difficulties (SDQ) score has been completed.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(_), Some(oc2)) =
        (ctx.cur.tables.episodes.if_supplied(), ctx.cur.tables.oc2.if_supplied())
    else {
        return;
    };
    for r in oc2 {
        if r.sdq_score.is_present() && !looked_after_12_months(ctx, &r.child) {
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
                 3,01/03/2024,01/01/2025,V3,X1,o\n\
                 4,01/02/2014,,o,!!,o\n\
                 5555,01/03/2023,01/01/2025,o,X1,o\n\
                 5555,01/01/2025,,o,,o\n\
                 6,01/03/2023,01/01/2025,o,!!,o\n\
                 6,01/01/2025,,o,,o\n\
                 7777,01/03/2023,01/01/2025,o,X1,o\n\
                 7777,01/01/2025,01/07/2025,o,o,S\n\
                 8,01/01/2025,31/03/2043,o,o,S\n",
            ),
            ("OC2", "CHILD,SDQ_SCORE\n999999,!!!!!\n1,\n2,OO\n3,!!\n9999,\n8,!!\n"),
        ]);
        let found = run(
            &SDQ_SCORE_FOR_CHILD_NOT_LOOKED_AFTER_12_MONTHS,
            CollectionYear::Y2024_25,
            &cur,
            None,
        );
        assert_eq!(found, ["OC2:0", "OC2:3", "OC2:5"]);
    }
}
