use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An OC2 row with `INTERVENTION_RECEIVED` = `1` and an `INTERVENTION_OFFERED` value.
    ///
    /// ## Why it matters
    /// "Offered but refused" is asked only of children who did not receive an intervention; an
    /// answer for a child who did receive one is double counting.
    ///
    /// ## Example
    /// Received `1` with offered blank passes, as does received `0` with offered `1`; received
    /// `1` with offered `0` or `1` is reported.
    pub(crate) INTERVENTION_OFFERED_ALTHOUGH_RECEIVED,
    code: "158",
    tables: ["OC2"],
    fields: ["INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"],
    years: Y2022_23..,
    message: "If a child has been recorded as receiving an intervention for their substance misuse problem, then the additional item on whether an intervention was offered should be left blank.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(oc2) = ctx.cur.tables.oc2.if_supplied() else { return };
    for r in oc2 {
        if r.intervention_received.strict() == Some(true) && r.intervention_offered.is_present() {
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
            "CHILD,INTERVENTION_RECEIVED,INTERVENTION_OFFERED\n1,1,\n2,,1\n3,0,0\n4,1,1\n5,1,0\n\
             6,0,1\n",
        )]);
        let found =
            run(&INTERVENTION_OFFERED_ALTHOUGH_RECEIVED, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["OC2:3", "OC2:4"]);
    }
}
