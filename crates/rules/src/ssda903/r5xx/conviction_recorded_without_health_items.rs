use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An OC2 row with `CONVICTED` 1 but any of `IMMUNISATIONS`, `TEETH_CHECK`,
    /// `HEALTH_ASSESSMENT` or `SUBSTANCE_MISUSE` blank.
    ///
    /// ## Why it matters
    /// A child with outcome data completed is in the OC2 cohort, and the cohort's health items
    /// are all required; a partial record leaves gaps in the published health outcomes.
    ///
    /// ## Example
    /// `CONVICTED` 1 with `TEETH_CHECK` blank is reported; with all four items filled it
    /// passes, as does `CONVICTED` 0 or blank.
    pub(crate) CONVICTION_RECORDED_WITHOUT_HEALTH_ITEMS,
    code: "544",
    tables: ["OC2"],
    fields: ["CONVICTED", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE"],
    years: Y2022_23..,
    message: "Any child who has conviction information completed must also have immunisation, teeth check, health assessment and substance misuse problem identified fields completed.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(oc2) = ctx.cur.tables.oc2.if_supplied() else { return };
    for o in oc2 {
        let incomplete = o.immunisations.is_blank()
            || o.teeth_check.is_blank()
            || o.health_assessment.is_blank()
            || o.substance_misuse.is_blank();
        if o.convicted.strict() == Some(true) && incomplete {
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
    fn conviction_with_missing_health_items_is_reported() {
        let cur = ret(&[(
            "OC2",
            "CONVICTED,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE\n\
             ,,,,\n1,,,,\n1,,,,\n1,,,,\n1,,1,1,\n1,,,,\n1,,,,\n1,,,,\n1,,,,\n1,1,1,1,1\n0,,,,\n",
        )]);
        let found =
            run(&CONVICTION_RECORDED_WITHOUT_HEALTH_ITEMS, CollectionYear::Y2022_23, &cur, None);
        assert_eq!(found, ["OC2:1", "OC2:2", "OC2:3", "OC2:4", "OC2:5", "OC2:6", "OC2:7", "OC2:8"]);
    }
}
