use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An OC2 row with `SUBSTANCE_MISUSE` = `1` but no `INTERVENTION_RECEIVED`.
    ///
    /// ## Why it matters
    /// For every child identified with a substance misuse problem the DfE counts whether they
    /// received an intervention.
    ///
    /// ## Example
    /// Misuse `1` with received `0` or `1` passes; misuse `1` with received blank is reported.
    pub(crate) INTERVENTION_RECEIVED_MISSING_FOR_SUBSTANCE_MISUSE,
    code: "192",
    tables: ["OC2"],
    fields: ["SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED"],
    years: Y2022_23..,
    message: "Child has been identified as having a substance misuse problem but the additional item on whether an intervention was received has been left blank.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(oc2) = ctx.cur.tables.oc2.if_supplied() else { return };
    for r in oc2 {
        if r.substance_misuse.strict() == Some(true) && r.intervention_received.is_blank() {
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
    fn misuse_without_the_received_item_is_reported() {
        let cur = ret(&[(
            "OC2",
            "CHILD,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED\n1,1,1\n2,1,\n3,0,\n4,,\n5,1,0\n",
        )]);
        let found = run(
            &INTERVENTION_RECEIVED_MISSING_FOR_SUBSTANCE_MISUSE,
            CollectionYear::Y2024_25,
            &cur,
            None,
        );
        assert_eq!(found, ["OC2:1"]);
    }
}
