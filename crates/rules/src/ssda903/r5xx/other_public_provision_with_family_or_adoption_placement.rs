use carelens_model::codes::{PlacementProvider, PlacementType};

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode with `PLACE_PROVIDER` PR3 (other public provision) and a `PLACE` that other
    /// public bodies cannot provide: P1, A3–A6, K1, K2 or U1–U6.
    ///
    /// ## Why it matters
    /// The provider code says who runs the placement; some placement types cannot be run by
    /// some providers, so the combination shows that one of the two codes is wrong.
    ///
    /// ## Example
    /// PR3 with U3 is reported; PR3 with T1 passes.
    pub(crate) OTHER_PUBLIC_PROVISION_WITH_FAMILY_OR_ADOPTION_PLACEMENT,
    code: "529",
    tables: ["Episodes"],
    fields: ["PLACE", "PLACE_PROVIDER"],
    years: Y2022_23..,
    message: "Placement provider code of PR3 cannot be associated with placements P1, A3 to A6, K1, K2 and U1 to U6 as these placements cannot be provided by other public organisations.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    use PlacementType::*;
    let Some(eps) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in eps {
        if e.place_provider.strict() == Some(PlacementProvider::Pr3)
            && matches!(
                e.place.strict(),
                Some(A3 | A4 | A5 | A6 | K1 | K2 | P1 | U1 | U2 | U3 | U4 | U5 | U6)
            )
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
            "PLACE,PLACE_PROVIDER\nU1,PR0\nU2,PR1\nU3,PR3\nT1,PR3\n,\nA3,PR3\n",
        )]);
        let found = run(
            &OTHER_PUBLIC_PROVISION_WITH_FAMILY_OR_ADOPTION_PLACEMENT,
            CollectionYear::Y2022_23,
            &cur,
            None,
        );
        assert_eq!(found, ["Episodes:2", "Episodes:5"]);
    }
}
