use carelens_model::Oc2;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child with care leaver information (any of `IN_TOUCH`, `ACTIV`, `ACCOM` in OC3) who
    /// also has any OC2 item for children looked after for 12 months (`CONVICTED`,
    /// `HEALTH_CHECK`, `IMMUNISATIONS`, `TEETH_CHECK`, `HEALTH_ASSESSMENT`, `SUBSTANCE_MISUSE`,
    /// `INTERVENTION_RECEIVED`, `INTERVENTION_OFFERED`). Reports the OC3 and OC2 rows.
    ///
    /// ## Why it matters
    /// Care leavers are no longer looked after, so they cannot be in the OC2 cohort of
    /// children looked after continuously for 12 months at 31 March.
    ///
    /// ## Example
    /// OC3 `IN_TOUCH` YES and OC2 `IMMUNISATIONS` 1 for the same child: both rows are
    /// reported. An OC3 row with all three items blank: passes.
    pub(crate) CARE_LEAVER_HAS_TWELVE_MONTH_OUTCOMES,
    code: "215",
    tables: ["OC2", "OC3"],
    fields: [
        "IN_TOUCH", "ACTIV", "ACCOM", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS",
        "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED",
        "INTERVENTION_OFFERED",
    ],
    years: Y2022_23..,
    message: "Child has care leaver information but one or more data items relating to children looked after for 12 months have been completed.",
}

/// Whether any of the eight 12-month items is filled in (valid or not).
fn has_outcomes(o: &Oc2) -> bool {
    [
        &o.convicted,
        &o.health_check,
        &o.immunisations,
        &o.teeth_check,
        &o.health_assessment,
        &o.substance_misuse,
        &o.intervention_received,
        &o.intervention_offered,
    ]
    .iter()
    .any(|f| f.is_present())
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(oc3), Some(_)) = (ctx.cur.tables.oc3.if_supplied(), ctx.cur.tables.oc2.if_supplied())
    else {
        return;
    };
    let oc2 = ctx.oc2();
    for o in oc3 {
        let Some(child) = o.child.value() else { continue };
        if !(o.in_touch.is_present() || o.activ.is_present() || o.accom.is_present()) {
            continue;
        }
        let mut any = false;
        for o2 in oc2.get(child.as_str()).filter(|o2| has_outcomes(o2)) {
            out.flag(o2);
            any = true;
        }
        if any {
            out.flag(o);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn care_leaver_with_oc2_items_is_reported() {
        // The reference's own cases (rule_215.test_validate).
        let cur = ret(&[
            (
                "OC2",
                "CHILD,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,CONVICTED,\
                 HEALTH_CHECK,INTERVENTION_RECEIVED,INTERVENTION_OFFERED\n\
                 A,1,1,1,,,,1,\nB,,,,,,,,1\nC,1,1,1,1,1,1,1,1\nD,,1,,1,1,1,1,1\nE,1,1,1,1,,,,\n",
            ),
            ("OC3", "CHILD,IN_TOUCH,ACTIV,ACCOM\nA,DIED,,\nB,Yes,,\nC,RHOM,XXX,\nD,,,XXX\nE,,,\n"),
        ]);
        let found =
            run(&CARE_LEAVER_HAS_TWELVE_MONTH_OUTCOMES, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["OC2:0", "OC2:1", "OC2:2", "OC2:3", "OC3:0", "OC3:1", "OC3:2", "OC3:3"]);
    }
}
