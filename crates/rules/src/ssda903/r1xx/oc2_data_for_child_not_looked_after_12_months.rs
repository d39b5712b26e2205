use super::util::looked_after_12_months;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An OC2 row with any of `CONVICTED`, `HEALTH_CHECK`, `IMMUNISATIONS`, `TEETH_CHECK`,
    /// `HEALTH_ASSESSMENT`, `SUBSTANCE_MISUSE`, `INTERVENTION_RECEIVED` or
    /// `INTERVENTION_OFFERED` given, for a child who was not looked after continuously for 12
    /// months at 31 March (the OC2 cohort, as the reference computes it), including a child
    /// with no episodes.
    ///
    /// ## Why it matters
    /// These outcomes are published for the OC2 cohort only; data for other children inflates
    /// them.
    ///
    /// ## Example
    /// `IMMUNISATIONS` 1 for a child in care all year passes; the same for a child who left
    /// care in January is reported.
    pub(crate) OC2_DATA_FOR_CHILD_NOT_LOOKED_AFTER_12_MONTHS,
    code: "190",
    tables: ["OC2", "Episodes"],
    fields: [
        "CONVICTED",
        "HEALTH_CHECK",
        "IMMUNISATIONS",
        "TEETH_CHECK",
        "HEALTH_ASSESSMENT",
        "SUBSTANCE_MISUSE",
        "INTERVENTION_RECEIVED",
        "INTERVENTION_OFFERED",
    ],
    years: Y2022_23..,
    message: "Child has not been looked after continuously for at least 12 months at 31 March but one or more data items relating to children looked after for 12 months have been completed.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(_), Some(oc2)) =
        (ctx.cur.tables.episodes.if_supplied(), ctx.cur.tables.oc2.if_supplied())
    else {
        return;
    };
    for r in oc2 {
        let any = [
            &r.convicted,
            &r.health_check,
            &r.immunisations,
            &r.teeth_check,
            &r.health_assessment,
            &r.substance_misuse,
            &r.intervention_received,
            &r.intervention_offered,
        ]
        .iter()
        .any(|f| f.is_present());
        if any && !looked_after_12_months(ctx, &r.child) {
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
    fn data_for_children_outside_the_cohort_is_reported() {
        let cur = ret(&[
            (
                "Episodes",
                "CHILD,DECOM,DEC,LS,REC,RNE\n\
                 1,01/03/2024,,C2,,S\n\
                 2,01/03/2024,01/01/2025,C2,E4A,S\n\
                 3,01/06/2024,,C2,,S\n",
            ),
            ("OC2", "CHILD,IMMUNISATIONS,CONVICTED\n1,1,\n2,1,\n3,,0\n4,,1\n2,,\n"),
        ]);
        let found = run(
            &OC2_DATA_FOR_CHILD_NOT_LOOKED_AFTER_12_MONTHS,
            CollectionYear::Y2024_25,
            &cur,
            None,
        );
        assert_eq!(found, ["OC2:1", "OC2:2", "OC2:3"]);
    }
}
