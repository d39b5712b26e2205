use carelens_model::{Field, Oc2};

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An OC2 row where any of `CONVICTED`, `HEALTH_CHECK`, `IMMUNISATIONS`, `TEETH_CHECK`,
    /// `HEALTH_ASSESSMENT`, `SUBSTANCE_MISUSE`, `INTERVENTION_RECEIVED` or
    /// `INTERVENTION_OFFERED` is given but is not `0` or `1`.
    ///
    /// ## Why it matters
    /// These outcomes for children looked after for 12 months are published as counts of 1s;
    /// any other value cannot be counted.
    ///
    /// ## Example
    /// A row of `1`s, `0`s and blanks passes; a `2` or a `1.0` in any of the items is reported.
    pub(crate) OC2_FLAG_IS_NOT_ZERO_OR_ONE,
    code: "181",
    tables: ["OC2"],
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
    message: "Data items relating to children looked after continuously for 12 months should be completed with a 0 or 1.",
}

/// The eight 0/1 items of an OC2 row.
fn flags(r: &Oc2) -> [&Field<bool>; 8] {
    [
        &r.convicted,
        &r.health_check,
        &r.immunisations,
        &r.teeth_check,
        &r.health_assessment,
        &r.substance_misuse,
        &r.intervention_received,
        &r.intervention_offered,
    ]
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(oc2) = ctx.cur.tables.oc2.if_supplied() else { return };
    for r in oc2 {
        if flags(r).iter().any(|f| f.is_present() && f.strict().is_none()) {
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
    fn any_item_other_than_0_or_1_is_reported() {
        let cur = ret(&[(
            "OC2",
            "CHILD,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,\
             SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED\n\
             1,1,1,1,1,1,0,0,1\n\
             2,,,,,,,,\n\
             3,,,,0,1,0,1,\n\
             4,2,2,,,,1,1,0\n\
             5,2,2,2,2,2,2,2,2\n\
             6,,,,,,,,1.0\n",
        )]);
        let found = run(&OC2_FLAG_IS_NOT_ZERO_OR_ONE, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["OC2:3", "OC2:4", "OC2:5"]);
    }
}
