use carelens_model::codes::PlacementType;

use super::util::place_in;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode in a temporary placement (`PLACE` T0–T4) or one of the "other" placements
    /// Z11–Z14 with a `PLACE_PROVIDER` (any entry, valid or not).
    ///
    /// ## Why it matters
    /// These placements have no provider to record: a temporary placement keeps the main
    /// placement's provider, and the Z11–Z14 placements are not provided by anyone the DfE
    /// classifies.
    ///
    /// ## Example
    /// `PLACE` Z12 or T1 with `PLACE_PROVIDER` PR1: reported. Z12 with a blank provider:
    /// passes.
    pub(crate) PROVIDER_GIVEN_FOR_TEMPORARY_PLACEMENT_2025_26,
    code: "213",
    tables: ["Episodes"],
    fields: ["PLACE_PROVIDER"],
    years: Y2025_26..,
    message: "Placement provider information not required.",
}

/// T0–T4 and Z11–Z14.
const NO_PROVIDER: &[PlacementType] = {
    use PlacementType::*;
    &[T0, T1, T2, T3, T4, Z11, Z12, Z13, Z14]
};

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in episodes {
        if place_in(e, NO_PROVIDER) && e.place_provider.is_present() {
            out.flag(e);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn provider_for_a_z1x_or_temporary_placement_is_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,PLACE,PLACE_PROVIDER\n1,T1,PR1\n2,Z12,\n3,U4,PR1\n4,Z11,PR1\n5,Z1,PR1\n",
        )]);
        let found = run(
            &PROVIDER_GIVEN_FOR_TEMPORARY_PLACEMENT_2025_26,
            CollectionYear::Y2025_26,
            &cur,
            None,
        );
        assert_eq!(found, ["Episodes:0", "Episodes:3"]);
    }
}
