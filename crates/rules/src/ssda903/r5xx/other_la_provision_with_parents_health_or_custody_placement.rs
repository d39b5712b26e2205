use carelens_model::codes::{PlacementProvider, PlacementType};

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode with `PLACE_PROVIDER` PR2 (another LA's provision) and `PLACE` P1 (with
    /// parents), R2 (NHS or health establishment) or R5 (young offender institution).
    ///
    /// ## Why it matters
    /// The provider code says who runs the placement; some placement types cannot be run by
    /// some providers, so the combination shows that one of the two codes is wrong.
    ///
    /// ## Example
    /// PR2 with P1 is reported; PR2 with K2 passes.
    pub(crate) OTHER_LA_PROVISION_WITH_PARENTS_HEALTH_OR_CUSTODY_PLACEMENT,
    code: "528",
    tables: ["Episodes"],
    fields: ["PLACE", "PLACE_PROVIDER"],
    years: Y2022_23..,
    message: "A placement provider code of PR2 cannot be associated with placements P1, R2 or R5.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    use PlacementType::*;
    let Some(eps) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in eps {
        if e.place_provider.strict() == Some(PlacementProvider::Pr2)
            && matches!(e.place.strict(), Some(P1 | R2 | R5))
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
            "PLACE,PLACE_PROVIDER\nP1,PR2\nA3,PR3\nK1,PR2\nP1,PR4\nP1,PR5\nR2,PR2\n",
        )]);
        let found = run(
            &OTHER_LA_PROVISION_WITH_PARENTS_HEALTH_OR_CUSTODY_PLACEMENT,
            CollectionYear::Y2022_23,
            &cur,
            None,
        );
        assert_eq!(found, ["Episodes:0", "Episodes:5"]);
    }
}
