use crate::context::Ctx;
use crate::dates::plus_years;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An OC2 row with an `SDQ_SCORE` or `SDQ_REASON` for a child whose seventeenth birthday
    /// (from the OC2 row's `DOB`) is before 1 April, the start of the year.
    ///
    /// ## Why it matters
    /// The questionnaire is for children aged 4 to 16; a score or reason for an older child is
    /// a keying error.
    ///
    /// ## Example
    /// In 2024/25, a child born 31/03/2007 (17 on 31/03/2024) with a score is reported; one
    /// born 01/04/2007 (17 on 1 April itself) is not.
    pub(crate) SDQ_FOR_CHILD_AGED_17_OR_OVER,
    code: "189",
    tables: ["OC2"],
    fields: ["DOB", "SDQ_SCORE", "SDQ_REASON"],
    years: Y2022_23..,
    message: "Child is aged 17 years or over at the beginning of the year, but an Strengths and Difficulties (SDQ) score or a reason for no Strengths and Difficulties (SDQ) score has been completed.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(oc2) = ctx.cur.tables.oc2.if_supplied() else { return };
    let start = ctx.start();
    for r in oc2 {
        let over_17 = r.dob.strict().and_then(|d| plus_years(d, 17)).is_some_and(|d17| d17 < start);
        if over_17 && (r.sdq_score.is_present() || r.sdq_reason.is_present()) {
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
    fn scores_and_reasons_for_children_17_before_the_year_are_reported() {
        let cur = ret(&[(
            "OC2",
            "CHILD,DOB,SDQ_SCORE,SDQ_REASON\n1,31/03/2007,12,\n2,01/04/2007,12,\n\
             3,01/01/2000,,SDQ1\n4,01/01/2000,,\n5,,12,\n",
        )]);
        let found = run(&SDQ_FOR_CHILD_AGED_17_OR_OVER, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["OC2:0", "OC2:2"]);
    }
}
