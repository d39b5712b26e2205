use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An OC3 row whose `ACTIV` is blank or not one of the DfE's activity codes (`F1`, `P1`, `F2`,
    /// `P2`, `F4`, `P4`, `F5`, `P5`, `G4`, `G5`, `G6`, `0`).
    ///
    /// ## Why it matters
    /// Care leavers' education, employment and training is a headline DfE outcome.
    ///
    /// ## Example
    /// `F1`, `f1` or `0` passes; `1`, `F3` (retired in 2018/19) and blank are reported.
    pub(crate) CARE_LEAVER_ACTIVITY_CODE_IS_NOT_VALID,
    code: "132",
    tables: ["OC3"],
    fields: ["ACTIV"],
    years: Y2022_23..,
    message: "Data entry for activity after leaving care is invalid.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(rows) = ctx.cur.tables.oc3.if_supplied() else { return };
    for r in rows {
        if r.activ.strict_ref().is_none() {
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
    fn blank_and_unknown_codes_are_reported() {
        let cur = ret(&[("OC3", "CHILD,ACTIV\n1,f1\n2,F1\n3,1\n4,0\n5,F3\n6,\n")]);
        let found =
            run(&CARE_LEAVER_ACTIVITY_CODE_IS_NOT_VALID, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["OC3:2", "OC3:4", "OC3:5"]);
    }
}
