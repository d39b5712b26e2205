use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An OC2 row whose `SUBSTANCE_MISUSE` is `0` or blank but which has an
    /// `INTERVENTION_RECEIVED` or `INTERVENTION_OFFERED` value.
    ///
    /// ## Why it matters
    /// The intervention items describe the response to an identified problem; without one they
    /// inflate the intervention counts.
    ///
    /// ## Example
    /// Misuse `1` with received `1` passes, as does misuse `0` with both items blank; misuse `0`
    /// with received `0` is reported.
    pub(crate) INTERVENTION_RECORDED_WITHOUT_SUBSTANCE_MISUSE,
    code: "193",
    tables: ["OC2"],
    fields: ["SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"],
    years: Y2022_23..,
    message: "Child not identified as having a substance misuse problem but at least one of the two additional items on whether an intervention were offered and received have been completed.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(oc2) = ctx.cur.tables.oc2.if_supplied() else { return };
    for r in oc2 {
        let no_misuse = r.substance_misuse.is_blank() || r.substance_misuse.strict() == Some(false);
        let intervention =
            r.intervention_received.is_present() || r.intervention_offered.is_present();
        if no_misuse && intervention {
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
    fn interventions_without_misuse_are_reported() {
        let cur = ret(&[(
            "OC2",
            "CHILD,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED\n\
             1,1,1,\n2,0,,\n3,0,0,\n4,,,1\n5,2,1,\n6,,,\n",
        )]);
        let found = run(
            &INTERVENTION_RECORDED_WITHOUT_SUBSTANCE_MISUSE,
            CollectionYear::Y2024_25,
            &cur,
            None,
        );
        assert_eq!(found, ["OC2:2", "OC2:3"]);
    }
}
