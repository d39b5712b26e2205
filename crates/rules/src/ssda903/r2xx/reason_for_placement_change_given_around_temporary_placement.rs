use super::util::flag_reason_around_temporary_placement;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode in a temporary placement (`PLACE` T0–T4) with a `REASON_PLACE_CHANGE`,
    /// or whose child's previous episode (by `DECOM`) has one.
    ///
    /// ## Why it matters
    /// A temporary move (holiday, hospital, respite of seven days or less) is not a change of
    /// placement, so neither the move into it nor the move out of it has a reason for
    /// placement change; recording one inflates the placement-move statistics.
    ///
    /// ## Example
    /// An episode in U1 with `REASON_PLACE_CHANGE` CARPL followed by one in T1: the T1
    /// episode is reported. A T3 episode following an episode with no reason, itself with no
    /// reason: passes.
    pub(crate) REASON_FOR_PLACEMENT_CHANGE_GIVEN_AROUND_TEMPORARY_PLACEMENT,
    code: "226",
    tables: ["Episodes"],
    fields: ["REASON_PLACE_CHANGE", "PLACE"],
    years: Y2022_23..=Y2024_25,
    message: "Reason for placement change is not required.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    flag_reason_around_temporary_placement(ctx, out);
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn reason_around_a_temporary_placement_is_reported() {
        // The reference's own cases (rule_226.test_validate).
        let cur = ret(&[(
            "Episodes",
            "CHILD,DECOM,PLACE,REASON_PLACE_CHANGE\n\
             111,01/01/2020,U1,XXX\n111,11/01/2020,T1,\n111,22/01/2020,X1,\n\
             123,01/01/2020,U1,\n123,11/01/2020,X1,\n\
             333,01/01/2020,T2,\n333,22/01/2020,X1,CHANGE\n333,11/01/2020,U1,\n\
             444,22/01/2020,T1,XXX\n444,11/01/2020,X1,\n444,01/01/2020,T3,\n666,01/01/2020,T4,\n",
        )]);
        let found = run(
            &REASON_FOR_PLACEMENT_CHANGE_GIVEN_AROUND_TEMPORARY_PLACEMENT,
            CollectionYear::Y2022_23,
            &cur,
            None,
        );
        assert_eq!(found, ["Episodes:1", "Episodes:8"]);
    }
}
