use carelens_model::codes::{PlacementProvider, PlacementType};

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode with `PLACE_PROVIDER` PR4 (private provision) and `PLACE` P1 (placed with
    /// parents or others with parental responsibility).
    ///
    /// ## Why it matters
    /// The provider code says who runs the placement; some placement types cannot be run by
    /// some providers, so the combination shows that one of the two codes is wrong.
    ///
    /// ## Example
    /// PR4 with P1 is reported; PR4 with K1 passes.
    pub(crate) PRIVATE_PROVISION_WITH_PLACEMENT_WITH_PARENTS,
    code: "530",
    tables: ["Episodes"],
    fields: ["PLACE", "PLACE_PROVIDER"],
    years: Y2022_23..,
    message: "A placement provider code of PR4 cannot be associated with placement P1.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    use PlacementType::*;
    let Some(eps) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in eps {
        if e.place_provider.strict() == Some(PlacementProvider::Pr4)
            && matches!(e.place.strict(), Some(P1))
        {
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
    fn provider_that_cannot_run_the_placement_is_reported() {
        let cur = ret(&[(
            "Episodes",
            "PLACE,PLACE_PROVIDER\nP1,PR4\nA3,PR3\nK1,PR4\nP1,PR4\nP1,PR5\nP1,PRO\n",
        )]);
        let found = run(
            &PRIVATE_PROVISION_WITH_PLACEMENT_WITH_PARENTS,
            CollectionYear::Y2022_23,
            &cur,
            None,
        );
        assert_eq!(found, ["Episodes:0", "Episodes:3"]);
    }
}
