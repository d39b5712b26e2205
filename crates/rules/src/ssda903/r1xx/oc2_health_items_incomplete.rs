use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An OC2 row where any of `IMMUNISATIONS`, `TEETH_CHECK`, `HEALTH_ASSESSMENT` and
    /// `SUBSTANCE_MISUSE` is blank although one of the other items (`CONVICTED`,
    /// `HEALTH_CHECK`, `INTERVENTION_RECEIVED`, `INTERVENTION_OFFERED`) is given.
    ///
    /// ## Why it matters
    /// Health outcomes for children looked after for 12 months are published as rates; a
    /// partly completed record distorts them.
    ///
    /// ## Example
    /// All four core items given, or all eight blank, passes; `CONVICTED` 1 with
    /// `IMMUNISATIONS` blank is reported.
    pub(crate) OC2_HEALTH_ITEMS_INCOMPLETE,
    code: "182",
    tables: ["OC2"],
    fields: [
        "IMMUNISATIONS",
        "TEETH_CHECK",
        "HEALTH_ASSESSMENT",
        "SUBSTANCE_MISUSE",
        "CONVICTED",
        "HEALTH_CHECK",
        "INTERVENTION_RECEIVED",
        "INTERVENTION_OFFERED",
    ],
    years: Y2022_23..,
    message: "Data entries on immunisations, teeth checks, health assessments and substance misuse problem identified should be completed or all OC2 fields should be left blank.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(oc2) = ctx.cur.tables.oc2.if_supplied() else { return };
    for r in oc2 {
        let core_missing = r.immunisations.is_blank()
            || r.teeth_check.is_blank()
            || r.health_assessment.is_blank()
            || r.substance_misuse.is_blank();
        let others_given = r.convicted.is_present()
            || r.health_check.is_present()
            || r.intervention_received.is_present()
            || r.intervention_offered.is_present();
        if core_missing && others_given {
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
            "CHILD,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,CONVICTED,\
             HEALTH_CHECK,INTERVENTION_RECEIVED,INTERVENTION_OFFERED\n\
             0,,,,,,,,\n\
             1,,,,,1,,,\n\
             2,,,,,,1,,\n\
             3,1,1,1,,,,1,\n\
             4,,,,,,,,1\n\
             5,1,1,1,1,1,1,1,1\n\
             6,,1,,1,1,1,1,1\n\
             7,1,1,1,1,,,,\n",
        )]);
        let found = run(&OC2_HEALTH_ITEMS_INCOMPLETE, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["OC2:1", "OC2:2", "OC2:3", "OC2:4", "OC2:6"]);
    }
}
