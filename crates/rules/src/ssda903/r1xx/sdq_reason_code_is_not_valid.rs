use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An OC2 row whose `SDQ_REASON` (why there is no SDQ score) is given but is not one of
    /// `SDQ1`–`SDQ5`.
    ///
    /// ## Why it matters
    /// The reasons for missing SDQ scores are published; an unknown code cannot be counted.
    ///
    /// ## Example
    /// `SDQ1`, `sdq5` or blank passes; `SDQ6` and `1` are reported.
    pub(crate) SDQ_REASON_CODE_IS_NOT_VALID,
    code: "196",
    tables: ["OC2"],
    fields: ["SDQ_REASON"],
    years: Y2022_23..,
    message: "Strengths and Difficulties (SDQ) reason is not a valid code.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(rows) = ctx.cur.tables.oc2.if_supplied() else { return };
    for r in rows {
        if r.sdq_reason.is_present() && r.sdq_reason.strict_ref().is_none() {
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
    fn only_sdq1_to_sdq5_are_valid() {
        let cur = ret(&[("OC2", "CHILD,SDQ_REASON\n1,SDQ1\n2,sdq5\n3,SDQ6\n4,\n5,1\n")]);
        let found = run(&SDQ_REASON_CODE_IS_NOT_VALID, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["OC2:2", "OC2:4"]);
    }
}
