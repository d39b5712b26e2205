use carelens_model::{PlacementArea, PlacementLocation};

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode whose derived placement location (`PL_LOCATION`) is IN (inside the
    /// responsible LA) while its derived placement LA (`PL_LA`) is not the validating LA.
    ///
    /// ## Why it matters
    /// The two are derived from the same postcode; if they disagree, the postcode lookup or
    /// the LA given for the return is wrong, and the in-area placement statistics with it.
    ///
    /// ## Example
    /// Validating Newham: `PL_LOCATION` IN with `PL_LA` Barking is reported; IN with Newham,
    /// or OUT with Barking, passes.
    pub(crate) PLACEMENT_LOCATION_DISAGREES_WITH_PLACEMENT_LA,
    code: "411",
    tables: ["Episodes"],
    fields: ["PL_LOCATION"],
    years: Y2022_23..,
    needs: [la],
    message: "Placement location code disagrees with LA of placement.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    let Some(la) = ctx.la else { return };
    for e in episodes {
        let Some(geo) = e.geo else { continue };
        if geo.pl_location == Some(PlacementLocation::In)
            && geo.pl_la != Some(PlacementArea::La(la))
        {
            out.flag(e);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ctx, ret, run_with};

    #[test]
    fn inside_location_in_another_la_is_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,PL_LA,PL_LOCATION\n1,316,IN\n2,301,IN\n3,301,OUT\n4,,IN\n5,WAL,IN\n",
        )]);
        let c = ctx(CollectionYear::Y2024_25, Some(316), &cur, None, None);
        let found = run_with(&PLACEMENT_LOCATION_DISAGREES_WITH_PLACEMENT_LA, &c);
        assert_eq!(found, ["Episodes:1", "Episodes:3", "Episodes:4"]);
    }
}
