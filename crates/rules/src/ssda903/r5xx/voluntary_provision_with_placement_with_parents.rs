use carelens_model::codes::{PlacementProvider, PlacementType};

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode with `PLACE_PROVIDER` PR5 (voluntary or third sector provision) and `PLACE`
    /// P1 (placed with parents or others with parental responsibility).
    ///
    /// ## Why it matters
    /// The provider code says who runs the placement; some placement types cannot be run by
    /// some providers, so the combination shows that one of the two codes is wrong.
    ///
    /// ## Example
    /// PR5 with P1 is reported; PR5 with U4 passes.
    pub(crate) VOLUNTARY_PROVISION_WITH_PLACEMENT_WITH_PARENTS,
    code: "531",
    tables: ["Episodes"],
    fields: ["PLACE", "PLACE_PROVIDER"],
    years: Y2022_23..,
    message: "A placement provider code of PR5 cannot be associated with placements P1.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    use PlacementType::*;
    let Some(eps) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in eps {
        if e.place_provider.strict() == Some(PlacementProvider::Pr5)
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
            "PLACE,PLACE_PROVIDER\nP1,PR5\nA3,PR3\nK1,PR4\nP1,PR4\nP1,PR5\nP1,PRO\n",
        )]);
        let found = run(
            &VOLUNTARY_PROVISION_WITH_PLACEMENT_WITH_PARENTS,
            CollectionYear::Y2022_23,
            &cur,
            None,
        );
        assert_eq!(found, ["Episodes:0", "Episodes:4"]);
    }
}
