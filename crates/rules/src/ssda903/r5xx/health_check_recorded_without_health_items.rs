use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An OC2 row with `HEALTH_CHECK` 1 but any of `IMMUNISATIONS`, `TEETH_CHECK`,
    /// `HEALTH_ASSESSMENT` or `SUBSTANCE_MISUSE` blank.
    ///
    /// ## Why it matters
    /// A child with health promotion information is in the OC2 cohort, whose health items are
    /// all required; a partial record leaves gaps in the published health outcomes.
    ///
    /// ## Example
    /// `HEALTH_CHECK` 1 with `SUBSTANCE_MISUSE` blank is reported; with all four items filled
    /// it passes, as does `HEALTH_CHECK` 0.
    pub(crate) HEALTH_CHECK_RECORDED_WITHOUT_HEALTH_ITEMS,
    code: "547",
    tables: ["OC2"],
    fields: ["HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE"],
    years: Y2022_23..,
    message: "Any child who has health promotion information completed must also have immunisation, teeth check, health assessment and substance misuse problem identified fields completed.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(oc2) = ctx.cur.tables.oc2.if_supplied() else { return };
    for o in oc2 {
        let incomplete = o.immunisations.is_blank()
            || o.teeth_check.is_blank()
            || o.health_assessment.is_blank()
            || o.substance_misuse.is_blank();
        if o.health_check.strict() == Some(true) && incomplete {
            out.flag(o);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    /// The reference's own test case.
    #[test]
    fn health_check_with_missing_health_items_is_reported() {
        let cur = ret(&[(
            "OC2",
            "HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE\n\
             ,,,,\n1,,,,\n1,,,,\n1,1,1,0,0\n1,,1,1,\n0,,,,\n1,1,1,1,1\n,,1,0,1\n",
        )]);
        let rule = &HEALTH_CHECK_RECORDED_WITHOUT_HEALTH_ITEMS;
        let found = run(rule, CollectionYear::Y2022_23, &cur, None);
        assert_eq!(found, ["OC2:1", "OC2:2", "OC2:4"]);
    }
}
