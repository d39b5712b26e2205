use carelens_model::codes::PlacementType;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode with a blank `PLACE_PROVIDER` whose `PLACE` is not a temporary placement
    /// (T0–T4) or Z1 ("other placements"), the only types that need no provider. A blank or
    /// unknown `PLACE` needs a provider too.
    ///
    /// ## Why it matters
    /// Who provides a placement (the LA, another LA, private or voluntary sector) is central
    /// to the DfE's sufficiency and cost statistics.
    ///
    /// ## Example
    /// `PLACE` P1 with no provider is reported; T1 or Z1 with no provider passes.
    pub(crate) PLACEMENT_PROVIDER_MISSING,
    code: "526",
    tables: ["Episodes"],
    fields: ["PLACE", "PLACE_PROVIDER"],
    years: Y2022_23..=Y2024_25,
    message: "Child is missing a placement provider code for at least one episode.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(eps) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in eps {
        let exempt = e.place.strict().is_some_and(|p| p.is_temporary() || p == PlacementType::Z1);
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

    /// The reference's own test case.
    #[test]
    fn placement_without_provider_is_reported() {
        let cur = ret(&[(
            "Episodes",
            "PLACE,PLACE_PROVIDER\nE1,PR1\nP0,PR2\nT1,\nT3,PR0\nP1,\nZ1,\nP0,\n",
        )]);
        let found = run(&PLACEMENT_PROVIDER_MISSING, CollectionYear::Y2022_23, &cur, None);
        assert_eq!(found, ["Episodes:4", "Episodes:6"]);
    }
}
