use carelens_model::codes::PlacementType;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode with a blank `PLACE_PROVIDER` whose `PLACE` is not a temporary placement
    /// (T0–T4) or one of the "other placements" Z11–Z14, the only types that need no provider.
    /// Z1, withdrawn in 2025/26, now needs a provider like any other code; so does a blank
    /// `PLACE`.
    ///
    /// ## Why it matters
    /// Who provides a placement (the LA, another LA, private or voluntary sector) is central
    /// to the DfE's sufficiency and cost statistics.
    ///
    /// ## Example
    /// `PLACE` Z14 with no provider passes; Z1 or P1 with no provider is reported.
    pub(crate) PLACEMENT_PROVIDER_MISSING_2025_26,
    code: "526",
    tables: ["Episodes"],
    fields: ["PLACE", "PLACE_PROVIDER"],
    years: Y2025_26..,
    message: "Child is missing a placement provider code for at least one episode.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    use PlacementType::*;
    let Some(eps) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in eps {
        let exempt = e
            .place
            .strict()
            .is_some_and(|p| p.is_temporary() || matches!(p, Z11 | Z12 | Z13 | Z14));
        if !exempt && e.place_provider.is_blank() {
            out.flag(e);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    /// The reference's own test case for this version.
    #[test]
    fn placement_without_provider_is_reported_and_z1_no_longer_exempt() {
        let cur = ret(&[(
            "Episodes",
            "PLACE,PLACE_PROVIDER\nE1,PR1\nP0,PR2\nT1,\nT3,PR0\nZ14,\nZ1,\nP0,\nZ14,\n",
        )]);
        let found = run(&PLACEMENT_PROVIDER_MISSING_2025_26, CollectionYear::Y2025_26, &cur, None);
        assert_eq!(found, ["Episodes:5", "Episodes:6"]);
    }
}
