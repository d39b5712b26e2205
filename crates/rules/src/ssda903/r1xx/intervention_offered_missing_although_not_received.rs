use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An OC2 row with `SUBSTANCE_MISUSE` = `1` and `INTERVENTION_RECEIVED` = `0` but no
    /// `INTERVENTION_OFFERED`.
    ///
    /// ## Why it matters
    /// For a child with a substance misuse problem who received no intervention, the DfE needs
    /// to know whether one was offered and refused.
    ///
    /// ## Example
    /// Misuse `1`, received `0`, offered `0` passes; misuse `1`, received `0`, offered blank
    /// is reported.
    pub(crate) INTERVENTION_OFFERED_MISSING_ALTHOUGH_NOT_RECEIVED,
    code: "159",
    tables: ["OC2"],
    fields: ["SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"],
    years: Y2022_23..,
    message: "If a child has been recorded as not receiving an intervention for their substance misuse problem, then the additional item on whether an intervention was offered should be completed as well.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(oc2) = ctx.cur.tables.oc2.if_supplied() else { return };
    for r in oc2 {
        if r.substance_misuse.strict() == Some(true)
            && r.intervention_received.strict() == Some(false)
            && r.intervention_offered.is_blank()
        {
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
            "CHILD,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED\n\
             0,1,1,\n1,1,0,0\n2,1,0,\n3,1,,\n4,1,0,\n5,1,1,1\n6,,1,\n7,,,\n8,1,0,0\n9,0,1,1\n",
        )]);
        let found = run(
            &INTERVENTION_OFFERED_MISSING_ALTHOUGH_NOT_RECEIVED,
            CollectionYear::Y2024_25,
            &cur,
            None,
        );
        assert_eq!(found, ["OC2:2", "OC2:4"]);
    }
}
