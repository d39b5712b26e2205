use carelens_model::codes::{PlacementProvider, PlacementType};

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode with `PLACE_PROVIDER` PR0 (parents or others with parental responsibility)
    /// whose `PLACE` is not P1 (placed with them); a blank `PLACE` is reported too.
    ///
    /// ## Why it matters
    /// Parents only "provide" a placement with parents; any other placement type means the
    /// provider or the placement is miscoded.
    ///
    /// ## Example
    /// PR0 with T3 is reported; PR0 with P1 passes.
    pub(crate) PARENT_PROVIDER_WITHOUT_PLACEMENT_WITH_PARENTS,
    code: "550",
    tables: ["Episodes"],
    fields: ["PLACE", "PLACE_PROVIDER"],
    years: Y2022_23..,
    message: "A placement provider code of PR0 can only be associated with placement P1.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(eps) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in eps {
        if e.place_provider.strict() == Some(PlacementProvider::Pr0)
            && e.place.strict() != Some(PlacementType::P1)
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
    fn parent_provider_outside_a_placement_with_parents_is_reported() {
        let cur = ret(&[(
            "Episodes",
            "PLACE,PLACE_PROVIDER\nP1,PR0\nP0,PR2\nT1,PR4\nT3,PR0\nT1,\nP1,PR0\nP0,PR0\n,PR0\n",
        )]);
        let rule = &PARENT_PROVIDER_WITHOUT_PLACEMENT_WITH_PARENTS;
        let found = run(rule, CollectionYear::Y2022_23, &cur, None);
        assert_eq!(found, ["Episodes:3", "Episodes:6", "Episodes:7"]);
    }
}
